//! Interpretation: the one meaning of each span, from every candidate found there and what
//! the document's own definitions say, then leftmost-longest over the spans that mean
//! something.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::candidates::{Candidate, Found, Group, groups};
use super::context::Context;
use super::{genes, not_genes};
use crate::dictionary::keys::{FLAG_DISEASE, FLAG_NOT_REPORTED};
use crate::dictionary::{MeshCategory, Source, SpeciesId};
use crate::entity::{Case, Entity, Meaning, WrittenAs};
use crate::variant::scan::Found as FoundVariant;

/// What the document's own definitions say about a short form.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Override {
    /// The short form means what its long form means.
    Means(Meaning),
    /// The long form is something biolint does not know, and no gene: the short form is no gene.
    NotAGene,
}

/// The meaning given to one matched span.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Interpretation {
    Entity(Meaning),
    /// A term that is never a gene and nothing else we report: it still takes its span, so no
    /// shorter gene inside it is reported either.
    Block,
}

/// The meaning of a group, given what the document's definitions say.
pub(super) fn interpret_group(
    g: &Group,
    context: &Context,
    overrides: &FxHashMap<String, Override>,
) -> Option<Interpretation> {
    let written = &context.text[g.span.clone()];
    match overrides.get(written) {
        // "MEN1 mutations" is the gene even after "multiple endocrine neoplasia type 1 (MEN1)":
        // genes are named after diseases; not after enzymes ("COX deficiency" after
        // "cytochrome c oxidase (COX)").
        Some(Override::Means(Meaning::Mesh(mesh)))
            if context.dictionary.mesh(*mesh).category == MeshCategory::Disease
                && genes::has_gene_context(g.span, context.text, context.italic) =>
        {
            interpret(g.span, g.candidates, context, true)
        }
        Some(Override::Means(meaning)) => Some(Interpretation::Entity(meaning.clone())),
        Some(Override::NotAGene) => interpret(g.span, g.candidates, context, false),
        None => {
            // `AD 1` after "AD = autosomal dominant": a spaced form whose first word the
            // document defines as something else than a gene.
            let head = written.split_whitespace().next().filter(|h| h.len() < written.len());
            let head_defined_otherwise = head
                .and_then(|h| overrides.get(h))
                .is_some_and(|o| !matches!(o, Override::Means(Meaning::Gene(_))));
            interpret(g.span, g.candidates, context, !head_defined_otherwise)
        }
    }
}

/// The one meaning of a span, from everything the dictionaries say it may be.
fn interpret(
    span: &Range<usize>,
    candidates: &[Candidate],
    context: &Context,
    may_be_gene: bool,
) -> Option<Interpretation> {
    let entries = || {
        candidates.iter().filter_map(|c| match &c.found {
            Found::Dictionary(e) => Some((*e, c.case)),
            _ => None,
        })
    };
    if let Some(user) = candidates.iter().find_map(|c| match c.found {
        Found::User(term) => Some(term.clone()),
        _ => None,
    }) {
        return Some(Interpretation::Entity(Meaning::Custom(user)));
    }
    let dictionary = context.dictionary;
    // The category is in the entry's flags: no MeSH row is read here.
    let mesh_of = |category: MeshCategory| {
        entries()
            .filter(|(e, _)| {
                let c = match (e.flags & FLAG_DISEASE != 0, e.flags & FLAG_NOT_REPORTED != 0) {
                    (true, _) => MeshCategory::Disease,
                    (_, true) => MeshCategory::Protein,
                    _ => MeshCategory::Chemical,
                };
                c == category
            })
            .filter_map(|(e, _)| e.mesh_id())
            .min()
    };
    let blocked = entries().any(|(e, _)| e.source == Source::NotGene);
    if let Some(disease) = mesh_of(MeshCategory::Disease) {
        // A disease named after its gene ("DFNA5", "NF1") is the gene where the text says so:
        // "sequencing of DFNA5", "NF1 mutations".
        let gene_here = may_be_gene
            && !blocked
            && genes::has_gene_context(span, context.text, context.italic)
            && entries().any(|(e, c)| c == Case::Exact && e.is_symbol(dictionary.form(e)));
        if !gene_here {
            return Some(Interpretation::Entity(Meaning::Mesh(disease)));
        }
    }
    let written = &context.text[span.clone()];
    // The checks run cheapest first: most spans are other terms, and the context is read
    // last, only for a gene the dictionaries and the document's evidence allow.
    let gene = (may_be_gene && !blocked)
        .then(|| {
            genes::resolve(
                written,
                entries().filter(|(e, _)| e.source.is_gene()),
                &context.written_symbols,
                context.mitochondrial,
                dictionary,
            )
        })
        .flatten()
        // An approved symbol in its own case is the gene; any other form in capitals only
        // where the document uses it as one.
        .filter(|g| {
            (g.written_as == WrittenAs::Symbol && g.case == Case::Exact)
                || context.evidence.supports(written)
        })
        // `TFIIH`, `H3.1`: the subunits of one complex, the copies of one cluster.
        .filter(|g| {
            g.written_as == WrittenAs::Symbol
                || !genes::names_one_group(written, &g.candidates, dictionary)
        })
        .filter(|_| !not_genes::is_excluded_by_context(span, context));
    let chemical = mesh_of(MeshCategory::Chemical).map(Meaning::Mesh);
    let species = entries()
        .find(|(e, _)| e.source == Source::Species)
        .map(|(e, _)| Meaning::Species(SpeciesId(e.record)));
    // Enzymes, receptors, nucleic acids and drug classes ("NO synthase", "siRNA", "calcium
    // channel blockers") are no chemicals; they take their span so that no shorter term inside
    // them is reported.
    let protein = mesh_of(MeshCategory::Protein).is_some();
    // A symbol written in its own case is a gene even where MeSH has the protein as a chemical;
    // one in another case (`Mice`, `Lead`) yields to a name that matched.
    let (strong_gene, weak_gene) = match gene {
        Some(g) if g.case == Case::Exact && g.confident => (Some(Meaning::Gene(g)), None),
        Some(g) => (None, Some(Meaning::Gene(g))),
        None => (None, None),
    };
    strong_gene
        .or(chemical)
        .or(species)
        .or(weak_gene)
        .map(Interpretation::Entity)
        .or((blocked || protein).then_some(Interpretation::Block))
}

/// Leftmost-longest over the spans that mean something; mtDNA variants take their spans first.
/// Groups come sorted by start, longest first, and are interpreted only when they could be
/// chosen: most candidates lie inside a longer match and are never looked at.
pub(super) fn select(
    candidates: &[Candidate],
    variants: &[FoundVariant],
    context: &Context,
    overrides: &FxHashMap<String, Override>,
) -> Vec<Entity> {
    // Every variant read from the text, as written or as corrected.
    let mut entities: Vec<Entity> = variants
        .iter()
        .filter_map(|v| {
            v.variant.clone().map(|variant| Entity::new(v.span.clone(), Meaning::Variant(variant)))
        })
        .collect();
    // Every variant description, valid or not, is the variant's: `m.3243A>G` holds no gene.
    let mut taken = variants.iter().map(|v| v.span.clone()).peekable();
    let mut end = 0;
    for g in groups(candidates) {
        while taken.next_if(|t| t.end <= g.span.start).is_some() {}
        let overlaps_variant = taken.peek().is_some_and(|t| t.start < g.span.end);
        if g.span.start < end || overlaps_variant {
            continue;
        }
        match interpret_group(&g, context, overrides) {
            Some(Interpretation::Entity(meaning)) => {
                entities.push(Entity::new(g.span.clone(), meaning));
                end = g.span.end;
            }
            Some(Interpretation::Block) => end = g.span.end,
            None => {}
        }
    }
    entities.sort_by_key(|e| (e.span.start, e.span.end));
    entities
}
