//! The rules: one file per rule, named after its id (`gene/previous-symbol` lives in
//! `gene/previous_symbol.rs`), each with its tests.
//!
//! A rule reads what recognition found ([`LintContext`]) and reports [`Diagnostic`]s with its
//! default severity; [`crate::engine`] then applies configuration, suppression comments and the
//! reference-list policy, so a rule never needs to know about them. To add a rule, copy a
//! sibling, register it in [`all`], and run `cargo xtask docs` to regenerate the rules reference
//! (`docs/rules.md`) and the README's table of rules.

pub mod gene;
mod reference;
pub mod variant;

pub use reference::{markdown_reference, table};

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use crate::diagnostic::{Diagnostic, Severity};
use crate::dictionary::{Authority, Dictionary};
use crate::entity::{Entity, Meaning};
use crate::markup::DocumentKind;
use crate::recognize::Recognized;

/// What `biolint rules` and `biolint explain` print about a rule.
pub struct RuleInfo {
    /// Stable id, `family/name`.
    pub id: &'static str,
    pub default_severity: Severity,
    /// One line.
    pub summary: &'static str,
    /// A short before → after example.
    pub example: &'static str,
    /// The full explanation: why it matters, what is and is not flagged, how to silence it.
    pub explanation: &'static str,
}

pub trait Rule: Sync {
    fn info(&self) -> &'static RuleInfo;
    /// Appends this rule's findings for the document to `out`.
    fn check(&self, context: &LintContext, out: &mut Vec<Diagnostic>);
}

/// Every rule, in the order `biolint rules` lists them.
pub fn all() -> &'static [&'static dyn Rule] {
    &[
        &gene::previous_symbol::PreviousSymbol,
        &gene::withdrawn_symbol::WithdrawnSymbol,
        &gene::alias::Alias,
        &gene::ambiguous_alias::AmbiguousAlias,
        &gene::symbol_case::SymbolCase,
        &gene::excel_mangled::ExcelMangled,
        &variant::hgvs_syntax::HgvsSyntax,
        &variant::legacy_notation::LegacyNotation,
        &variant::reference_mismatch::ReferenceMismatch,
        &variant::position_out_of_range::PositionOutOfRange,
        &variant::coordinate_system::CoordinateSystem,
        &variant::redundant_bases::RedundantBases,
        &variant::locus_mismatch::LocusMismatch,
    ]
}

/// Every rule id.
pub fn ids() -> Vec<&'static str> {
    all().iter().map(|r| r.info().id).collect()
}

/// The rule with this id.
pub fn find(id: &str) -> Option<&'static dyn Rule> {
    all().iter().copied().find(|r| r.info().id == id)
}

/// The anchor of a rule in `docs/rules.md`: its id with `/` as `-` (`gene-alias`).
pub fn anchor(id: &str) -> String {
    id.replace('/', "-")
}

/// Taxonomy IDs of the species whose gene nomenclature differs from human.
const MOUSE: &str = "10090";
const RAT: &str = "10116";
const HUMAN: &str = "9606";
/// The nematode, whose gene names are lower case with a hyphen and a number (`spo-11`).
const WORM: &str = "6239";
/// Taxonomy IDs of species whose gene symbols are written in lower case: fish (ZFIN's
/// convention: zebrafish, medaka, fugu, trout, salmon), frogs (Xenbase), the fly (FlyBase,
/// for most genes), the worm (WormBase) and fission yeast (PomBase).
const LOWER_CASE_SPECIES: [&str; 10] =
    ["7955", "8090", "31033", "8022", "8030", "8355", "8364", "7227", WORM, "4896"];

/// Everything a rule may look at.
pub struct LintContext<'a> {
    pub text: &'a str,
    pub kind: DocumentKind,
    pub dictionary: &'static Dictionary,
    pub recognized: &'a Recognized<'a>,
    /// NCBI Taxonomy IDs of the species the document is about: those it names, and those the
    /// configuration gives.
    pub species: BTreeSet<String>,
    /// See [`LintContext::rodent_authority`].
    rodent_authority: Option<Authority>,
    /// See [`LintContext::is_about_lower_case_species`].
    lower_case_species: bool,
    /// The gene mentions a finding may be about, found once for every gene rule (see
    /// [`gene::gene_mentions`]): indexes into the entities.
    pub(crate) gene_mentions: OnceLock<Vec<usize>>,
}

impl<'a> LintContext<'a> {
    pub fn new(
        text: &'a str,
        kind: DocumentKind,
        dictionary: &'static Dictionary,
        recognized: &'a Recognized<'a>,
        configured_species: &'a [String],
    ) -> LintContext<'a> {
        let mut species: BTreeSet<String> = configured_species.iter().cloned().collect();
        let mut mentions = BTreeMap::new();
        // What a paper is about is what it says, not the titles its reference list quotes.
        let references = &recognized.prose.references;
        let in_references = |entity: &Entity| {
            let before = references.partition_point(|r| r.start <= entity.span.start);
            before > 0 && entity.span.start < references[before - 1].end
        };
        for entity in recognized.entities.iter().filter(|e| !in_references(e)) {
            if let Meaning::Species(id) = entity.meaning {
                let taxon = dictionary.species(id).taxon_id;
                species.insert(taxon.to_owned());
                *mentions.entry(taxon).or_default() += 1;
            }
        }
        let rodent_authority = rodent_authority(configured_species, &mentions);
        let lower_case_species = lower_case_species(configured_species, &mentions);
        LintContext {
            text,
            kind,
            dictionary,
            recognized,
            species,
            rodent_authority,
            lower_case_species,
            gene_mentions: OnceLock::new(),
        }
    }

    pub fn entities(&self) -> &[Entity] {
        &self.recognized.entities
    }

    pub fn written(&self, entity: &Entity) -> &'a str {
        &self.text[entity.span.clone()]
    }

    /// The authority for the document's genes when it is about mice or rats: MGI where the
    /// configuration says mice, or the text (its reference list aside) names mice at least as
    /// often as humans; RGD likewise
    /// for rats, in a text that names no mice (a mouse paper names rats for its antibodies). A
    /// review about patients that mentions a mouse study keeps HGNC.
    pub fn rodent_authority(&self) -> Option<Authority> {
        self.rodent_authority
    }

    /// Whether the document is about mice or rats, where `Pink1` is the right spelling.
    pub fn is_about_rodents(&self) -> bool {
        self.species.contains(MOUSE) || self.species.contains(RAT)
    }

    /// Whether the document names humans and no mouse or rat.
    pub fn is_about_humans_only(&self) -> bool {
        self.species.contains(HUMAN) && !self.is_about_rodents()
    }

    /// Whether the document is about fish, frogs, flies, worms or fission yeast, whose gene
    /// symbols are written in lower case (`gata1` in a zebrafish paper): the configuration's
    /// `species` include one, or, where it gives none, the text (its reference list aside)
    /// names them at least as often as humans and as mice and rats together.
    pub fn is_about_lower_case_species(&self) -> bool {
        self.lower_case_species
    }

    /// Whether the document names the nematode, whose genes are written `spo-11`.
    pub fn names_the_worm(&self) -> bool {
        self.species.contains(WORM)
    }
}

/// See [`LintContext::is_about_lower_case_species`].
fn lower_case_species(configured_species: &[String], mentions: &BTreeMap<&str, usize>) -> bool {
    if !configured_species.is_empty() {
        return configured_species.iter().any(|s| LOWER_CASE_SPECIES.contains(&s.as_str()));
    }
    let count = |taxon: &str| mentions.get(taxon).copied().unwrap_or(0);
    let lower_case: usize = LOWER_CASE_SPECIES.iter().map(|taxon| count(taxon)).sum();
    lower_case > 0 && lower_case >= count(HUMAN) && lower_case >= count(MOUSE) + count(RAT)
}

/// See [`LintContext::rodent_authority`]; `mentions` counts the text's names of each species, by
/// NCBI Taxonomy ID.
fn rodent_authority(
    configured_species: &[String],
    mentions: &BTreeMap<&str, usize>,
) -> Option<Authority> {
    let configured = |taxon: &str| configured_species.iter().any(|s| s == taxon);
    if configured(MOUSE) {
        return Some(Authority::Mgi);
    }
    if configured(RAT) {
        return Some(Authority::Rgd);
    }
    let count = |taxon: &str| mentions.get(taxon).copied().unwrap_or(0);
    let (mice, rats, humans) = (count(MOUSE), count(RAT), count(HUMAN));
    if mice > 0 && mice >= humans {
        Some(Authority::Mgi)
    } else if rats > 0 && mice == 0 && rats >= humans {
        Some(Authority::Rgd)
    } else {
        None
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for rule tests: lint a snippet, keep one rule's findings.

    use crate::diagnostic::Diagnostic;
    use crate::markup::DocumentKind;
    use crate::{Config, Document};

    /// The findings of `rule` in a Markdown snippet, with the default configuration.
    pub fn findings(rule: &str, text: &str) -> Vec<Diagnostic> {
        findings_in(rule, text, DocumentKind::Markdown)
    }

    pub fn findings_in(rule: &str, text: &str, kind: DocumentKind) -> Vec<Diagnostic> {
        crate::lint(Document { text, kind }, &Config::default())
            .into_iter()
            .filter(|d| d.rule == rule)
            .collect()
    }

    /// (flagged text, replacements) of each finding of `rule`.
    pub fn flagged(rule: &str, text: &str) -> Vec<(String, Vec<String>)> {
        findings(rule, text)
            .into_iter()
            .map(|d| {
                (
                    text[d.span.clone()].to_owned(),
                    d.fixes.into_iter().map(|f| f.replacement).collect(),
                )
            })
            .collect()
    }
}
