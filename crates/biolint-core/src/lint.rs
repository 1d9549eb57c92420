//! The one entry point of the engine: a document and a configuration in, findings out.
//!
//! Recognition finds the entities; every enabled rule reports on them; then the configuration
//! decides what is kept: terms the project allows, suppression comments, the reference-list
//! policy, and per-rule severities. The command line and the language server both call
//! [`analyze`] and differ only in how they show the result.

use crate::Document;
use crate::config::{Config, References};
use crate::diagnostic::{Diagnostic, Severity};
use crate::dictionary::Dictionary;
use crate::entity::Entity;
use crate::recognize::recognize;
use crate::rules::{self, LintContext};
use crate::suppression::Suppressions;

/// Everything the engine says about a document.
pub struct Analysis {
    /// Every recognised entity, identified or not, in document order.
    pub entities: Vec<Entity>,
    /// The findings, in document order.
    pub diagnostics: Vec<Diagnostic>,
}

/// The findings of every enabled rule in `document`.
pub fn lint(document: Document, config: &Config) -> Vec<Diagnostic> {
    analyze(document, config).diagnostics
}

/// Entities and findings of `document`.
pub fn analyze(document: Document, config: &Config) -> Analysis {
    let dictionary = Dictionary::embedded();
    let recognized =
        recognize(document.text, document.kind, dictionary, config.user_dictionary.as_ref());
    let context =
        LintContext::new(document.text, document.kind, dictionary, &recognized, &config.species);
    let mut diagnostics = Vec::new();
    for rule in rules::all() {
        let info = rule.info();
        if config.severity(info.id, info.default_severity).is_some() {
            rule.check(&context, &mut diagnostics);
        }
    }
    let suppressions = Suppressions::parse(document.text, &recognized.prose.comments);
    let references = &recognized.prose.references;
    diagnostics.retain_mut(|d| {
        if config.allows(&document.text[d.span.clone()]) || suppressions.suppresses(d.rule, &d.span)
        {
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
    Analysis { entities: recognized.entities, diagnostics }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::DocumentKind;

    fn config(toml: &str) -> Config {
        Config::parse(toml, "biolint.toml", |_| Err("no files".to_owned()), &rules::ids()).unwrap()
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
}
