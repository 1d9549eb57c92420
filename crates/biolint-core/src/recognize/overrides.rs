//! Abbreviation overrides: what the document's own definitions make of a short form, for the
//! whole document. After "reactive oxygen species (ROS)", ROS is not the gene ROS1; after
//! "heme oxygenase-1 (HO-1)", HO-1 is HMOX1 wherever it is written.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rustc_hash::FxHashMap;
use std::ops::Range;

use super::abbreviations::{Abbreviation, Form};
use super::candidates::{Candidate, Found, groups};
use super::context::Context;
use super::genes::{self, Named};
use super::interpret::{Interpretation, Override, interpret_group};
use crate::dictionary::keys::{self, is_word_byte};
use crate::dictionary::{Entry, GeneId, Source};
use crate::entity::{Case, GeneMention, Meaning, WrittenAs};

/// What each defined short form means, from its long form.
pub(super) fn abbreviation_overrides(
    abbreviations: &[Abbreviation],
    candidates: &[Candidate],
    context: &Context,
) -> FxHashMap<String, Override> {
    let no_overrides = FxHashMap::default();
    let mut overrides = FxHashMap::default();
    for abbreviation in abbreviations {
        let short = &context.text[abbreviation.short.clone()];
        // The first definition wins; a later conflicting one is the author's slip.
        if overrides.contains_key(short) {
            continue;
        }
        let long = &context.text[abbreviation.long.clone()];
        // Candidates are sorted by start: look the spans up, do not scan. The long form means
        // something when one matched term covers it exactly.
        let at_long = candidates.partition_point(|c| c.span.start < abbreviation.long.start);
        let long_meaning = groups(&candidates[at_long..])
            .take_while(|g| g.span.start == abbreviation.long.start)
            .find(|g| *g.span == abbreviation.long)
            .and_then(|g| match interpret_group(&g, context, &no_overrides) {
                Some(Interpretation::Entity(meaning)) => Some(meaning),
                _ => None,
            });
        let short_entries = short_form_entries(abbreviation, short, candidates, context);
        let short_genes: Vec<GeneId> = short_entries
            .iter()
            .filter(|(e, _)| e.source.is_gene())
            .flat_map(|(e, _)| context.dictionary.current_genes(GeneId(e.record)))
            .collect();
        // (Most short forms are no gene symbol; splitting the long form into words for nothing
        // cost more than the rest of this loop.)
        let named = if short_genes.is_empty() {
            None
        } else {
            genes::named_by(long, &short_genes, context.dictionary)
        };
        let short_entries =
            || short_entries.iter().filter(|(_, case)| *case == Case::Exact).map(|(e, _)| e.source);
        // A symbol the author glosses ("CYBA (cytochrome b245 alpha)", "ATM (ataxia
        // telangiectasia mutated)") keeps its meaning whatever the gloss says; an abbreviation
        // the author coins ("reactive oxygen species (ROS)", "CCA: canonical correlation
        // analysis") takes the long form's. A gloss that names other genes ("CIKS (connection
        // to IKK and SAPK/JNK)") is about the gene.
        let short_first = abbreviation.form != Form::LongFirst;
        let glossed_symbol = short_first
            && (short_entries().any(|source| source == Source::GeneSymbol)
                || names_a_gene(&abbreviation.long, candidates));
        // An old symbol HGNC renamed when the family grew (VEGF → VEGFA, TPH → TPH1) still
        // means that gene, even beside the family's name.
        let renamed_member = short_entries().any(|source| source == Source::GenePrevious)
            && short_genes.iter().any(|gene| {
                let symbol = context.dictionary.gene(*gene).symbol;
                is_member_of(symbol, short)
            });
        let named = match named {
            Some(Named::Family) if glossed_symbol || renamed_member => None,
            named => named,
        };
        // What a definition says the form is not: a gene, when its long form does not sound
        // like one; in an abbreviation list, where the author defines the document's own
        // terms, also a protein the form's genes are not ("TIF - transcriptional intermediary
        // factor", not TYRO3). A gloss that reads like the gene's name ("HLX1 (H.20-like
        // homeobox 1)") is about the gene.
        // (A form no dictionary has as a gene is recorded too: `AD 1` is no gene after "AD =
        // autosomal dominant".)
        let not_a_gene = !glossed_symbol
            && (abbreviation.form == Form::Listed || !genes::sounds_like_a_gene(long))
            && (!short_first || !genes::shares_name_words(long, &short_genes, context.dictionary))
            && !genes::is_numbered_symbol(short, context.dictionary);
        let decision = match (named, long_meaning) {
            (Some(Named::Gene(gene)), _) => Some(Override::Means(Meaning::Gene(GeneMention {
                gene,
                written_as: genes::written_as(short, gene, context.dictionary),
                case: Case::Exact,
                candidates: vec![gene],
                confident: true,
                also_names: Vec::new(),
            }))),
            (None, Some(Meaning::Gene(mut mention))) => {
                mention.written_as = if short_genes.contains(&mention.gene) {
                    genes::written_as(short, mention.gene, context.dictionary)
                } else {
                    WrittenAs::DefinedAbbreviation
                };
                mention.case = Case::Exact;
                mention.candidates = vec![mention.gene];
                mention.confident = true;
                Some(Override::Means(Meaning::Gene(mention)))
            }
            // "uncoupling protein (UCP)", "COX - cytochrome c oxidase": a family or a complex,
            // which no one symbol names.
            (Some(Named::Family), _) => Some(Override::NotAGene),
            (None, Some(meaning)) => Some(Override::Means(meaning)),
            (None, None) if not_a_gene => Some(Override::NotAGene),
            (None, None) => None,
        };
        if let Some(decision) = decision {
            // "starburst amacrine cells (SACs)" defines SAC too, and "neural crest cells (NCC)"
            // NCCs, unless the document defines them otherwise.
            if let Some(other) = singular_or_plural(short) {
                overrides.entry(other).or_insert_with(|| decision.clone());
            }
            overrides.insert(short.to_owned(), decision);
        }
    }
    overrides
}

/// Occurrences of defined short forms, as candidates, so that a short form no dictionary knows
/// ("HNF-6" after "hepatocyte nuclear factor 6 (HNF-6)") is recognised too.
pub(super) fn short_form_occurrences<'a>(
    masked: &str,
    overrides: &FxHashMap<String, Override>,
) -> Vec<Candidate<'a>> {
    let shorts: Vec<&str> = overrides
        .iter()
        .filter(|(_, o)| matches!(o, Override::Means(_)))
        .map(|(s, _)| s.as_str())
        .collect();
    if shorts.is_empty() {
        return Vec::new();
    }
    let bytes = masked.as_bytes();
    leftmost_longest(masked, &shorts)
        .into_iter()
        .filter(|m| {
            let starts =
                m.start == 0 || !is_word_byte(bytes[m.start - 1]) || !is_word_byte(bytes[m.start]);
            let ends = m.end == bytes.len()
                || !is_word_byte(bytes[m.end])
                || !is_word_byte(bytes[m.end - 1]);
            starts && ends
        })
        .map(|span| Candidate { span, found: Found::ShortForm, case: Case::Exact })
        .collect()
}

/// The occurrences of `patterns` in `text` that a leftmost-longest search finds: from the
/// start, the longest pattern at the leftmost place one occurs, then on after it.
///
/// An automaton (a DFA) searches a long text fastest, but building it took more than searching
/// an abstract, which has a few short forms: there, each pattern is looked for on its own
/// (`memmem`, every occurrence, overlapping ones too) and the leftmost-longest are kept. So
/// they are too if the DFA cannot be built (too many patterns for its size limit).
fn leftmost_longest(text: &str, patterns: &[&str]) -> Vec<Range<usize>> {
    if text.len() >= 16 * 1024
        && let Ok(automaton) = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(patterns)
    {
        return automaton.find_iter(text).map(|m| m.range()).collect();
    }
    let mut all: Vec<Range<usize>> = Vec::new();
    for pattern in patterns.iter().filter(|p| !p.is_empty()) {
        let finder = memchr::memmem::Finder::new(pattern.as_bytes());
        let mut from = 0;
        while let Some(at) = finder.find(&text.as_bytes()[from..]) {
            all.push(from + at..from + at + pattern.len());
            from += at + 1;
        }
    }
    all.sort_unstable_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut after = 0;
    all.retain(|m| {
        let keep = m.start >= after;
        if keep {
            after = m.end;
        }
        keep
    });
    all
}

/// The dictionary entries the short form of a definition matches, with their case: those found
/// at the span, or, where the span is no prose (a LaTeX preamble's `\newacronym`) or the form a
/// plural no dictionary knows ("starburst amacrine cells (SACs)"), those of the form (or its
/// singular) looked up.
fn short_form_entries(
    abbreviation: &Abbreviation,
    short: &str,
    candidates: &[Candidate],
    context: &Context,
) -> Vec<(Entry, Case)> {
    let at_short = candidates.partition_point(|c| c.span.start < abbreviation.short.start);
    let found: Vec<(Entry, Case)> = candidates[at_short..]
        .iter()
        .take_while(|c| c.span.start == abbreviation.short.start)
        .filter(|c| c.span == abbreviation.short)
        .filter_map(|c| match &c.found {
            Found::Dictionary(e) => Some((*e, c.case)),
            _ => None,
        })
        .collect();
    if !found.is_empty() {
        return found;
    }
    let dictionary = context.dictionary;
    let singular = short.strip_suffix('s').filter(|_| singular_or_plural(short).is_some());
    [short]
        .into_iter()
        .chain(singular)
        .find_map(|form| {
            let entries: Vec<(Entry, Case)> = dictionary
                .lookup(form)
                .filter(|e| keys::same_surface(form, dictionary.form(*e)))
                .map(|e| (e, Case::Exact))
                .collect();
            (!entries.is_empty()).then_some(entries)
        })
        .unwrap_or_default()
}

/// Whether a gene symbol is written, in its own case, inside `long`.
fn names_a_gene(long: &std::ops::Range<usize>, candidates: &[Candidate]) -> bool {
    let first = candidates.partition_point(|c| c.span.start < long.start);
    candidates[first..].iter().take_while(|c| c.span.start < long.end).any(|c| {
        c.span.end <= long.end
            && c.case == Case::Exact
            && matches!(&c.found, Found::Dictionary(e) if e.source.is_gene() && e.source != Source::GeneName)
    })
}

/// Whether `symbol` is `stem` with a member's number or letter added: VEGFA of VEGF, TPH1 of
/// TPH, STAT5A of STAT5.
fn is_member_of(symbol: &str, stem: &str) -> bool {
    let plain =
        |s: &str| s.chars().filter(|c| c.is_alphanumeric()).collect::<String>().to_uppercase();
    let (symbol, stem) = (plain(symbol), plain(stem));
    symbol.strip_prefix(&stem).is_some_and(|rest| (1..=2).contains(&rest.len()))
}

/// The other number of a short form that is capitals with a plural `s` or without one: `SACs`
/// for `SAC`, `NCC` for `NCCs`. `None` for other forms (`HO-1`, `Ca`).
fn singular_or_plural(short: &str) -> Option<String> {
    let stem = short.strip_suffix('s').unwrap_or(short);
    let capitals = stem.len() >= 2 && stem.bytes().all(|b| b.is_ascii_uppercase());
    match (capitals, short.ends_with('s')) {
        (false, _) => None,
        (true, true) => Some(stem.to_owned()),
        (true, false) => Some(format!("{short}s")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dictionary::MeshId;

    #[test]
    fn short_forms_are_found_as_an_automaton_finds_them() {
        use proptest::prelude::*;
        // Small alphabets, so that patterns overlap each other and themselves often.
        let strategy = ("[abAB -]{0,40}", proptest::collection::vec("[abAB-]{1,4}", 1..6));
        proptest!(ProptestConfig::with_cases(2000), |((text, patterns) in strategy)| {
            let mut patterns: Vec<String> = patterns;
            patterns.sort();
            patterns.dedup();
            let patterns: Vec<&str> = patterns.iter().map(String::as_str).collect();
            let automaton = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&patterns)
                .unwrap();
            let expected: Vec<Range<usize>> =
                automaton.find_iter(&text).map(|m| m.range()).collect();
            prop_assert_eq!(leftmost_longest(&text, &patterns), expected);
        });
    }

    #[test]
    fn short_forms_are_found_as_whole_tokens_longest_first() {
        let mut overrides = FxHashMap::default();
        for short in ["ROS", "HO-1", "HO", "[Ca]i"] {
            let meaning = Meaning::Mesh(MeshId { supplementary: false, row: 0 });
            overrides.insert(short.to_owned(), Override::Means(meaning));
        }
        let text = "ROS, ROSA, pROS, ROS-induced HO-1 HO-1ROS HO [Ca]i";
        let found: Vec<&str> = short_form_occurrences(text, &overrides)
            .iter()
            .map(|c| &text[c.span.clone()])
            .collect();
        assert_eq!(found, ["ROS", "ROS", "HO-1", "HO", "[Ca]i"]);
    }
}
