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
//! - after a word naming its class of protein ("the S100 proteins CAPL and CACY");
//! - in a list or pair with a gene written distinctively, or with a form that has such
//!   evidence (`RAD51, BLM, and RPA`, `PI3K, AKT, ERK`, `JNK/SAPK`, `RANKL, OCN, OPG and
//!   RUNX2`);
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
fn is_doing_word(word: &str) -> bool {
    crate::text::lowercase_is(word, |word| {
        matches!(
            word,
            b"activation"
                | b"activity"
                | b"activities"
                | b"phosphorylation"
                | b"inhibitor"
                | b"inhibitors"
                | b"inhibition"
                | b"signaling"
                | b"signalling"
                | b"pathway"
                | b"pathways"
                | b"channel"
                | b"channels"
                | b"kinase"
                | b"kinases"
                | b"receptor"
                | b"receptors"
                | b"ligand"
                | b"ligands"
                | b"agonist"
                | b"agonists"
                | b"antagonist"
                | b"antagonists"
                | b"binding"
                | b"binds"
                | b"bound"
                | b"interacts"
                | b"interaction"
                | b"interactions"
                | b"inhibited"
                | b"activated"
                | b"phosphorylated"
                | b"levels"
                | b"transcripts"
                | b"mediated"
                | b"induced"
                | b"dependent"
                | b"deficient"
                | b"positive"
                | b"expressing"
                | b"overexpressing"
                | b"subunit"
                | b"subunits"
                | b"isozyme"
                | b"isozymes"
                | b"homolog"
                | b"homologs"
                | b"homologue"
                | b"homologues"
                | b"ortholog"
                | b"orthologs"
                | b"orthologue"
                | b"orthologues"
                | b"cdna"
                | b"cdnas"
        )
    })
}

impl Evidence {
    /// Reads the evidence off every span where a gene's form in capitals matched, and off the
    /// document's definitions.
    pub fn of(
        candidates: &[Candidate],
        abbreviations: &[Abbreviation],
        context: &Context,
    ) -> Evidence {
        let text = context.text;
        let mut used_as_genes = FxHashSet::default();
        // Forms joined into one list (`RANKL, OCN, OPG and RUNX2`) share their evidence: the
        // list is about genes when one member is plainly a gene.
        let mut list: Vec<&str> = Vec::new();
        let mut list_is_genes = false;
        let mut list_end = None;
        for group in groups(candidates) {
            let gene_entries = group.candidates.iter().filter_map(|c| match &c.found {
                Found::Dictionary(e) if e.source.is_gene() => Some((e, c.case)),
                _ => None,
            });
            let (mut gene, mut exact, mut approved) = (false, false, false);
            for (entry, case) in gene_entries {
                gene = true;
                exact |= case == Case::Exact;
                approved |= entry.source == Source::GeneSymbol && case == Case::Exact;
            }
            if !gene {
                continue;
            }
            let written = &text[group.span.clone()];
            let joined = list_end.is_some_and(|end| {
                end <= group.span.start && JOINS.contains(&&text[end..group.span.start])
            });
            if !joined {
                if list_is_genes {
                    used_as_genes.extend(list.drain(..).map(str::to_owned));
                }
                list.clear();
                list_is_genes = false;
            }
            list_end = Some(group.span.end);
            if !needs_evidence(written) {
                // A form with a number or lower-case letters is a gene by itself, if in its own
                // case; so is an approved symbol.
                list_is_genes |= exact;
                continue;
            }
            list_is_genes |= approved;
            list.push(written);
            if used_as_genes.contains(written)
                || genes::has_gene_context(group.span, text, context.italic)
                || does_something(text, group.span)
                || named_as_protein(text, group.span)
            {
                used_as_genes.insert(written.to_owned());
                list_is_genes = true;
            }
        }
        if list_is_genes {
            used_as_genes.extend(list.into_iter().map(str::to_owned));
        }
        for abbreviation in abbreviations {
            let short = &text[abbreviation.short.clone()];
            if needs_evidence(short)
                && !used_as_genes.contains(short)
                && genes::sounds_like_a_gene(&text[abbreviation.long.clone()])
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

/// `ERK activation`, `JNK phosphorylation`, `VEGF inhibitors`, `RIP-mediated`.
fn does_something(text: &str, span: &Range<usize>) -> bool {
    let after = text[span.end..].trim_start_matches(['*', '_', '}']);
    let after = after.strip_prefix([' ', '-']).unwrap_or(after);
    let word = &after[..after.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(after.len())];
    is_doing_word(word)
}

/// What joins the members of a list or a pair: `RAD51, BLM, and RPA`, `JNK/SAPK`.
const JOINS: &[&str] = &[", and ", ", or ", " and ", " or ", ", ", "/"];

/// `the S100 proteins CAPL and CACY`, `the kinase JNK`: after a word that names the class of
/// protein it is.
fn named_as_protein(text: &str, span: &Range<usize>) -> bool {
    let before = text[..span.start].trim_end_matches(['*', '_']);
    let Some(before) = before.strip_suffix(' ') else { return false };
    let word = &before[crate::text::after_last(before, |c| !c.is_ascii_alphabetic())..];
    crate::text::lowercase_is(word, |word| {
        matches!(
            word.strip_suffix(b"s").unwrap_or(word),
            b"protein" | b"enzyme" | b"kinase" | b"phosphatase" | b"receptor" | b"activator"
        )
    })
}
