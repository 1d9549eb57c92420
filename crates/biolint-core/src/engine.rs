//! The engine's front door: a document and a configuration in; what biolint says about it out.
//!
//! [`analyze`] recognises the entities and runs every enabled rule; [`annotate`] is the same
//! recognition, without the rules, keeping the entities biolint can identify
//! ([`Entity::is_identified`]). Both read the document through one function with the same
//! dictionaries, so `biolint annotate`, `biolint check` and the language server cannot disagree
//! about what a document mentions.
//!
//! Recognition and the rules read the document's reading (formatting inside words cut out, see
//! [`Reading`]); what they find is then mapped back to the document's bytes.
//!
//! After the rules, the configuration decides which findings are kept: terms the project
//! allows, suppression comments, the reference-list policy, and per-rule severities.

use crate::config::{Config, References};
use std::ops::Range;

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::dictionary::Dictionary;
use crate::entity::Entity;
use crate::markup::{DocumentKind, ProseRange, Reading, Structure};
use crate::parallel;
use crate::recognize::Recognized;
use crate::rules::{self, LintContext};
use crate::suppression::Suppressions;

/// A document to check: its text and what kind of markup it is written in.
#[derive(Clone, Copy, Debug)]
pub struct Document<'a> {
    pub text: &'a str,
    pub kind: DocumentKind,
}

/// Everything the engine says about a document.
pub struct Analysis {
    /// Every recognised entity, identified or not, in document order.
    pub entities: Vec<Entity>,
    /// The findings, in document order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Analysis {
    /// The entities [`annotate`] reports: those biolint can identify.
    pub fn identified_entities(&self) -> impl Iterator<Item = &Entity> {
        self.entities.iter().filter(|e| e.is_identified())
    }
}

/// Entities and findings of `document`.
pub fn analyze(document: Document, config: &Config) -> Analysis {
    analyze_structured(document, &Structure::default(), config)
}

/// Entities and findings of `document`, text read out of a container (a Word file, JATS XML)
/// that says more of its structure than the text's markup can: see [`Structure`].
pub fn analyze_structured(document: Document, structure: &Structure, config: &Config) -> Analysis {
    let _checking = parallel::Checking::start();
    let recognized = recognize(document, structure, config);
    let diagnostics = findings(document, config, &recognized);
    let Recognized { entities, reading, prose, .. } = recognized;
    let mut first = 0;
    let entities = entities
        .into_iter()
        .map(|e| entity_in_document(&reading, &prose.ranges, e, &mut first))
        .collect();
    Analysis { entities, diagnostics }
}

/// The entities `document` mentions that biolint can identify, in order: [`analyze`]'s
/// entities less an ambiguous gene alias with nothing in the document to choose between its
/// genes (the rules flag it instead). The rules are not run.
pub fn annotate(document: Document, config: &Config) -> Vec<Entity> {
    let _checking = parallel::Checking::start();
    let Recognized { entities, reading, prose, .. } =
        recognize(document, &Structure::default(), config);
    let mut first = 0;
    entities
        .into_iter()
        .filter(Entity::is_identified)
        .map(|e| entity_in_document(&reading, &prose.ranges, e, &mut first))
        .collect()
}

/// The findings of every enabled rule in `document`.
pub fn lint(document: Document, config: &Config) -> Vec<Diagnostic> {
    analyze(document, config).diagnostics
}

/// Recognition of `document` with the embedded dictionaries and the project's own.
fn recognize<'a>(document: Document<'a>, structure: &Structure, config: &Config) -> Recognized<'a> {
    crate::recognize::recognize_in(
        document.text,
        document.kind,
        crate::markup::prose_with(document.text, document.kind, structure),
        Dictionary::embedded(),
        config.user_dictionary.as_ref(),
    )
}

/// The findings of the enabled rules, as the configuration and the document's suppression
/// comments leave them, in document order.
fn findings(document: Document, config: &Config, recognized: &Recognized) -> Vec<Diagnostic> {
    let dictionary = Dictionary::embedded();
    let reading = &recognized.reading;
    let prose = &recognized.prose.ranges;
    let context =
        LintContext::new(reading.text(), document.kind, dictionary, recognized, &config.species);
    // The gene rules and the others (the variant rules) share nothing: side by side in a long
    // document, the gene rules' findings put first either way, then all sorted below.
    let enabled = |gene_rules: bool| {
        rules::all().iter().filter(move |rule| {
            let info = rule.info();
            info.id.starts_with("gene/") == gene_rules
                && config.severity(info.id, info.default_severity).is_some()
        })
    };
    let run = |gene_rules: bool| {
        let mut diagnostics = Vec::new();
        for rule in enabled(gene_rules) {
            rule.check(&context, &mut diagnostics);
        }
        diagnostics
    };
    let split = parallel::worth_it(document.text.len())
        && enabled(true).next().is_some()
        && enabled(false).next().is_some();
    let (mut diagnostics, other_findings) = parallel::both(split, || run(true), || run(false));
    diagnostics.extend(other_findings);
    let mut diagnostics: Vec<Diagnostic> =
        diagnostics.into_iter().map(|d| diagnostic_in_document(reading, prose, d)).collect();
    let in_document =
        |ranges: &[Range<usize>]| ranges.iter().map(|r| reading.to_source(r)).collect::<Vec<_>>();
    let suppressions =
        Suppressions::parse(document.text, document.kind, &in_document(&recognized.prose.comments));
    let references = &in_document(&recognized.prose.references);
    diagnostics.retain_mut(|d| {
        if config.allows(d.text(document.text)) || suppressions.suppresses(d.rule, &d.span) {
            return false;
        }
        // A severity in the configuration replaces the rule's own choice.
        if let Some(Some(severity)) = config.rules.get(d.rule) {
            d.severity = *severity;
        }
        // A reference list quotes other papers' titles: the author cannot change them.
        // Reference lists are sorted and do not overlap.
        let before = references.partition_point(|r| r.start <= d.span.start);
        if before > 0 && d.span.start < references[before - 1].end {
            match config.references {
                References::Off => return false,
                References::Hint => d.severity = Severity::Hint,
            }
        }
        true
    });
    diagnostics.sort_by_key(|d| (d.span.start, d.span.end, d.rule));
    diagnostics
}

/// `entity`, found in the reading (whose prose is `prose`), where it stands in the document.
/// `first` is where in the prose the last entity was (see [`Reading::seen`]).
fn entity_in_document(
    reading: &Reading,
    prose: &[ProseRange],
    mut entity: Entity,
    first: &mut usize,
) -> Entity {
    entity.reads = reading.seen(&entity.span, prose, first);
    entity.span = reading.word(&entity.span).0;
    entity
}

/// `diagnostic`, found in the reading (whose prose is `prose`), where it stands in the
/// document: its span the whole marked-up word, its fixes keeping the markup where the change
/// leaves it alone.
fn diagnostic_in_document(
    reading: &Reading,
    prose: &[ProseRange],
    mut diagnostic: Diagnostic,
) -> Diagnostic {
    // Findings come rule by rule, not in document order: no guess.
    let mut first = usize::MAX;
    diagnostic.reads = reading.seen(&diagnostic.span, prose, &mut first);
    diagnostic.span = reading.word(&diagnostic.span).0;
    diagnostic.fixes =
        diagnostic.fixes.into_iter().filter_map(|f| fix_in_document(reading, prose, f)).collect();
    diagnostic.entity =
        diagnostic.entity.map(|e| entity_in_document(reading, prose, e, &mut first));
    diagnostic
}

/// `fix`, made in the reading (whose prose is `prose`), as an edit of the document, or `None`
/// where it cannot be made without breaking the document's markup.
///
/// Where it reads across markup inside a word, only the part that changes is replaced, so the
/// markup stays (`*SirT*1` to `*Sirt*1`); where the change itself reads across it, the whole
/// word is replaced, its formatting with it, and the fix says so (`*PARK*2` to `PRKN`). A word
/// whose markup is not balanced cannot be replaced whole, nor can an edit span markup between
/// words (`m.3243A>{\it G}`): no fix then.
fn fix_in_document(reading: &Reading, prose: &[ProseRange], fix: Fix) -> Option<Fix> {
    if !reading.crosses_markup(&fix.span) {
        return (!reading.holds_markup(&fix.span, prose))
            .then(|| Fix { span: reading.to_source(&fix.span), ..fix });
    }
    let old = &reading.text()[fix.span.clone()];
    let prefix = common_prefix(old, &fix.replacement);
    let suffix = common_suffix(&old[prefix..], &fix.replacement[prefix..]);
    let changed = fix.span.start + prefix..fix.span.end - suffix;
    let ambiguous_insertion = changed.is_empty() && reading.is_at_a_cut(changed.start);
    if !reading.crosses_markup(&changed) && !ambiguous_insertion {
        if reading.holds_markup(&changed, prose) {
            return None;
        }
        let replacement = fix.replacement[prefix..fix.replacement.len() - suffix].to_owned();
        return Some(Fix { span: reading.to_source(&changed), replacement, ..fix });
    }
    if reading.holds_markup(&fix.span, prose) {
        return None;
    }
    let (word, balanced) = reading.word(&fix.span);
    // Dropping the formatting is for the author to see: never applied unseen.
    balanced.then(|| Fix {
        title: format!("{} (drops the formatting inside the word)", fix.title),
        span: word,
        replacement: fix.replacement,
        applicability: fix.applicability.max(Applicability::Unsafe),
    })
}

/// The length of the longest common prefix of `a` and `b`, in whole characters.
fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((at, _), _)| at)
        .min(b.len())
}

/// The length of the longest common suffix of `a` and `b`, in whole characters.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(toml: &str) -> Config {
        Config::parse(toml, "biolint.toml", |_| Err("no files".to_owned())).unwrap()
    }

    #[test]
    fn a_document_split_across_threads_gets_what_one_thread_gets() {
        let paragraph = "Reactive oxygen species (ROS) rose in PARK2 and CX43 mutants, where \
            NRF2 and Mfn2 were low; the m.11778A>G and A3243G variants, m.8993 T>G, and 1-Mar \
            in *Mus musculus* cells with *Park2* knocked out. ROS and MELAS were measured.\n\n";
        let text = paragraph.repeat(100);
        let document = Document { text: &text, kind: DocumentKind::Markdown };
        let config = Config::default();
        let split = parallel::forced(true, || analyze(document, &config));
        let whole = parallel::forced(false, || analyze(document, &config));
        assert!(split.diagnostics.len() > 400, "{}", split.diagnostics.len());
        assert_eq!(split.diagnostics, whole.diagnostics);
        assert_eq!(split.entities, whole.entities);
    }

    #[test]
    fn a_term_across_the_middle_of_a_split_document_is_found_whole() {
        // The same length each time, the term one byte further on: the middle, where the
        // dictionary search splits, passes through every byte of the term and its edges.
        let config = Config::default();
        for before in 0..40 {
            let text = format!(
                "{} Leigh syndrome and tumor necrosis factor {}",
                "a".repeat(before),
                "b".repeat(40 - before)
            );
            let document = Document { text: &text, kind: DocumentKind::Plain };
            let split = parallel::forced(true, || analyze(document, &config));
            let whole = parallel::forced(false, || analyze(document, &config));
            assert_eq!(split.entities, whole.entities, "{text}");
            let found: Vec<&str> = split.entities.iter().map(|e| &text[e.span.clone()]).collect();
            assert!(found.contains(&"Leigh syndrome"), "{text}: {found:?}");
            assert!(found.contains(&"tumor necrosis factor"), "{text}: {found:?}");
        }
    }

    fn rules_found(text: &str, config: &Config) -> Vec<(&'static str, Severity, String)> {
        lint(Document { text, kind: DocumentKind::Markdown }, config)
            .into_iter()
            .map(|d| (d.rule, d.severity, text[d.span].to_owned()))
            .collect()
    }

    #[test]
    fn configuration_turns_rules_off_changes_severity_and_allows_terms() {
        let text = "PARK2 and CX43 and NRF2 were measured.";
        let all = rules_found(text, &Config::default());
        assert_eq!(all.len(), 3, "{all:?}");
        let quiet = config(
            "allow = [\"CX43\"]\n[rules]\n\"gene/previous-symbol\" = \"off\"\n\"gene/ambiguous-alias\" = \"error\"\n",
        );
        assert_eq!(
            rules_found(text, &quiet),
            [("gene/ambiguous-alias", Severity::Error, "NRF2".to_owned())]
        );
    }

    #[test]
    fn reference_lists_are_off_by_default_and_hints_on_request() {
        let text = "PARK2 matters.\n\n## References\n\n1. Smith. PARK2 in mice. 2004.\n";
        assert_eq!(rules_found(text, &Config::default()).len(), 1);
        let hints = rules_found(text, &config("references = \"hint\"\n"));
        assert_eq!(hints.len(), 2);
        assert_eq!(hints[1].1, Severity::Hint);
    }

    #[test]
    fn suppression_comments_silence_findings() {
        let text = "<!-- biolint-disable-next-line gene/previous-symbol -->\nPARK2 here.\n\nPARK2 there.\n";
        assert_eq!(rules_found(text, &Config::default()).len(), 1);
    }

    /// `annotate` is `analyze`'s recognition with its filter: the two report the same
    /// entities of every document.
    #[test]
    fn annotate_reports_the_identified_entities_of_analyze() {
        let text = "PARK2 and NRF2 in Leigh syndrome; p50 rose; m.3243A>G in mice.";
        for kind in DocumentKind::ALL {
            let document = Document { text, kind };
            let analysis = analyze(document, &Config::default());
            let identified: Vec<Entity> = analysis.identified_entities().cloned().collect();
            assert_eq!(annotate(document, &Config::default()), identified);
            assert!(identified.len() < analysis.entities.len(), "{kind:?}: p50 is unidentified");
        }
    }
}
