//! Evidence that the document uses a form as a gene.
//!
//! A short form in capitals (`SAC`, `ECL`, `CCD`, `FAT`) is as often an acronym of something
//! else as a gene's alias: on whole papers, most such tokens that no definition, notation or
//! name explains are still no genes. Such a form is read as a gene only where the document
//! uses it as one somewhere:
//!
//! - next to a word that makes it a gene: italicised, before or after gene, mRNA, mutation,
//!   knockout, a genotype (`-/-`) ([`genes::has_gene_context`]); or before a word of what
//!   genes and their products do: activation, phosphorylation, inhibitors, signalling, binding,
//!   channels, `-mediated`, `-induced`;
//! - in a list or pair with a gene written distinctively (`RAD51, BLM, and RPA`,
//!   `PI3K, AKT, ERK`, `JNK/SAPK`);
//! - defined by a long form that names a protein ("extracellular signal-regulated kinase
//!   (ERK)").
//!
//! Forms with a number, lower-case letters or a Greek letter (`Cx43`, `p53`, `TNF-α`) are
//! distinctive enough to stand alone, and approved symbols in their own case are always genes.

use std::ops::Range;

use rustc_hash::FxHashSet;

use super::abbreviations::Abbreviation;
use super::candidates::{Candidate, Found, groups};
use super::context::Context;
use super::genes;
use crate::dictionary::Source;
use crate::entity::Case;

/// The forms, as written, that the document uses as genes somewhere.
#[derive(Default)]
pub(super) struct Evidence {
    used_as_genes: FxHashSet<String>,
}

/// Words after a form that say what genes and their products do.
const DOING_AFTER: &[&str] = &[
    "activation",
    "activity",
    "activities",
    "phosphorylation",
    "inhibitor",
    "inhibitors",
    "inhibition",
    "signaling",
    "signalling",
    "pathway",
    "pathways",
    "channel",
    "channels",
    "kinase",
    "kinases",
    "receptor",
    "receptors",
    "ligand",
    "ligands",
    "agonist",
    "agonists",
    "antagonist",
    "antagonists",
    "binding",
    "binds",
    "bound",
    "interacts",
    "interaction",
    "interactions",
    "inhibited",
    "activated",
    "phosphorylated",
    "levels",
    "transcripts",
    "mediated",
    "induced",
    "dependent",
    "deficient",
    "positive",
    "expressing",
    "overexpressing",
];

impl Evidence {
    /// Reads the evidence off every span where a gene's form in capitals matched, and off the
    /// document's definitions.
    pub fn of(
        candidates: &[Candidate],
        abbreviations: &[Abbreviation],
        context: &Context,
    ) -> Evidence {
        let mut used_as_genes = FxHashSet::default();
        for group in groups(candidates) {
            let written = &context.text[group.span.clone()];
            if !needs_evidence(written)
                || used_as_genes.contains(written)
                || !is_gene(group.candidates)
            {
                continue;
            }
            if genes::has_gene_context(group.span, context.text, context.italic)
                || does_something(context.text, group.span)
                || listed_with_a_gene(candidates, group.span, context.text)
            {
                used_as_genes.insert(written.to_owned());
            }
        }
        for abbreviation in abbreviations {
            let short = &context.text[abbreviation.short.clone()];
            if needs_evidence(short)
                && !used_as_genes.contains(short)
                && genes::sounds_like_a_gene(&context.text[abbreviation.long.clone()])
            {
                used_as_genes.insert(short.to_owned());
            }
        }
        Evidence { used_as_genes }
    }

    /// Whether a gene reading of `written` is supported: it needs none, or the document uses
    /// the form as a gene somewhere.
    pub fn supports(&self, written: &str) -> bool {
        !needs_evidence(written) || self.used_as_genes.contains(written)
    }
}

/// A form of two to five capitals and nothing else.
fn needs_evidence(written: &str) -> bool {
    (2..=5).contains(&written.len()) && written.bytes().all(|b| b.is_ascii_uppercase())
}

fn is_gene(candidates: &[Candidate]) -> bool {
    candidates.iter().any(|c| matches!(&c.found, Found::Dictionary(e) if e.source.is_gene()))
}

/// `ERK activation`, `JNK phosphorylation`, `VEGF inhibitors`, `RIP-mediated`.
fn does_something(text: &str, span: &Range<usize>) -> bool {
    let after = text[span.end..].trim_start_matches(['*', '_', '}']);
    let after = after.strip_prefix([' ', '-']).unwrap_or(after);
    let word = &after[..after.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(after.len())];
    DOING_AFTER.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether the form stands in a list or a pair with a gene written distinctively or by its
/// approved symbol: `RAD51, BLM, and RPA`, `JNK/SAPK`, `XPA, XPD, XRCC1`.
fn listed_with_a_gene(candidates: &[Candidate], span: &Range<usize>, text: &str) -> bool {
    const JOINS: &[&str] = &[", and ", ", or ", " and ", " or ", ", ", "/"];
    let before = &text[..span.start];
    let previous_end = JOINS.iter().find_map(|j| before.strip_suffix(j)).map(str::len);
    let after = &text[span.end..];
    let next_start =
        JOINS.iter().find_map(|j| after.strip_prefix(j)).map(|rest| text.len() - rest.len());
    let gene_ending_at = |end: usize| {
        // Candidates are sorted by start; one ending at `end` starts at most 40 bytes before.
        let first = candidates.partition_point(|c| c.span.start + 40 < end);
        candidates[first..]
            .iter()
            .take_while(|c| c.span.start < end)
            .any(|c| c.span.end == end && distinctive_gene(c, text))
    };
    let gene_starting_at = |start: usize| {
        let first = candidates.partition_point(|c| c.span.start < start);
        candidates[first..]
            .iter()
            .take_while(|c| c.span.start == start)
            .any(|c| distinctive_gene(c, text))
    };
    previous_end.is_some_and(gene_ending_at) || next_start.is_some_and(gene_starting_at)
}

/// A gene candidate that is clearly a gene by itself: an approved symbol in its own case, or a
/// form with a number or lower-case letters.
fn distinctive_gene(candidate: &Candidate, text: &str) -> bool {
    let Found::Dictionary(entry) = &candidate.found else { return false };
    let written = &text[candidate.span.clone()];
    entry.source.is_gene()
        && candidate.case == Case::Exact
        && (entry.source == Source::GeneSymbol || !needs_evidence(written))
}
