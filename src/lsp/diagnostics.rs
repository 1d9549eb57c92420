//! The engine's findings as LSP diagnostics.
//!
//! `code` is the rule id (what `biolint.toml` and suppression comments name), with a link to the
//! rule's documentation; an ambiguous alias points, in `relatedInformation`, at the places the
//! document names each of its candidate genes, which is usually how the author decides.

use std::collections::HashMap;

use tower_lsp_server::ls_types::{
    self as lsp, CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Uri,
};

use super::config::RuleLinks;
use super::position::{Encoding, IndexedText};
use biolint_core::diagnostic::{Diagnostic, Severity};
use biolint_core::dictionary::{Dictionary, GeneId};
use biolint_core::entity::{Entity, GeneMention, Meaning};

/// The `source` of every diagnostic.
pub const SOURCE: &str = "biolint";

/// At most this many places per candidate gene in `relatedInformation`.
const PLACES_PER_CANDIDATE: usize = 5;

/// What converting findings needs besides the findings.
pub struct Presentation<'a> {
    pub uri: &'a Uri,
    pub encoding: Encoding,
    pub rule_links: &'a RuleLinks,
    /// Whether the client shows `relatedInformation`.
    pub related_information: bool,
}

/// `findings` as LSP diagnostics, in the same order.
pub fn to_lsp(
    findings: &[Diagnostic],
    entities: &[Entity],
    text: &IndexedText,
    presentation: &Presentation,
) -> Vec<lsp::Diagnostic> {
    // Where the document names each gene unambiguously, for ambiguous aliases.
    let mut places: HashMap<GeneId, Vec<&Entity>> = HashMap::new();
    if presentation.related_information {
        for entity in entities {
            if let Meaning::Gene(mention) = &entity.meaning
                && !mention.is_ambiguous()
            {
                places.entry(mention.gene).or_default().push(entity);
            }
        }
    }
    findings
        .iter()
        .map(|finding| lsp::Diagnostic {
            range: text.range(&finding.span, presentation.encoding),
            severity: Some(severity(finding.severity)),
            code: Some(NumberOrString::String(finding.rule.to_owned())),
            code_description: presentation
                .rule_links
                .get(finding.rule)
                .map(|href| CodeDescription { href: href.clone() }),
            source: Some(SOURCE.to_owned()),
            message: finding.message.clone(),
            related_information: finding
                .entity
                .as_ref()
                .and_then(Entity::as_gene)
                .filter(|mention| presentation.related_information && mention.is_ambiguous())
                .map(|mention| {
                    let written = finding.text(text.as_str());
                    candidate_places(mention, written, &places, text, presentation)
                }),
            tags: None,
            data: None,
        })
        .collect()
}

/// Where the document names the candidate genes of an ambiguous alias written as `written`.
fn candidate_places(
    mention: &GeneMention,
    written: &str,
    places: &HashMap<GeneId, Vec<&Entity>>,
    text: &IndexedText,
    presentation: &Presentation,
) -> Vec<DiagnosticRelatedInformation> {
    let dictionary = Dictionary::embedded();
    let mut related = Vec::new();
    for candidate in &mention.candidates {
        let gene = dictionary.gene(*candidate);
        let named = places.get(candidate).into_iter().flatten().take(PLACES_PER_CANDIDATE);
        for entity in named {
            let range = text.range(&entity.span, presentation.encoding);
            related.push(DiagnosticRelatedInformation {
                location: Location::new(presentation.uri.clone(), range),
                message: format!(
                    "{} ({}), one of the genes {written} may stand for, is named here",
                    gene.symbol, gene.name
                ),
            });
        }
    }
    related
}

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}
