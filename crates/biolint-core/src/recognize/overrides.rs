//! Abbreviation overrides: what the document's own definitions make of a short form, for the
//! whole document. After "reactive oxygen species (ROS)", ROS is not the gene ROS1; after
//! "heme oxygenase-1 (HO-1)", HO-1 is HMOX1 wherever it is written.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rustc_hash::FxHashMap;

use super::abbreviations::Abbreviation;
use super::candidates::{Candidate, Found, groups};
use super::context::Context;
use super::genes;
use super::interpret::{Interpretation, Override, interpret_group};
use crate::dictionary::GeneId;
use crate::dictionary::keys::is_word_byte;
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
        let at_short = candidates.partition_point(|c| c.span.start < abbreviation.short.start);
        let short_genes: Vec<GeneId> = candidates[at_short..]
            .iter()
            .take_while(|c| c.span.start == abbreviation.short.start)
            .filter(|c| c.span == abbreviation.short)
            .filter_map(|c| match &c.found {
                Found::Dictionary(e) if e.source.is_gene() => {
                    Some(context.dictionary.current_genes(GeneId(e.record)))
                }
                _ => None,
            })
            .flatten()
            .collect();
        // (Most short forms are no gene symbol; splitting the long form into words for nothing
        // cost more than the rest of this loop.)
        let named = if short_genes.is_empty() {
            None
        } else {
            genes::named_by(long, &short_genes, context.dictionary)
        };
        let decision = match (named, long_meaning) {
            (Some(gene), _) => Some(Override::Means(Meaning::Gene(GeneMention {
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
            (None, Some(meaning)) => Some(Override::Means(meaning)),
            // "disrupted in schizophrenia 1 (DISC1)": an approved symbol with a number is no
            // ad-hoc abbreviation, whatever the long form.
            // Only an abbreviation the author coins ("reactive oxygen species (ROS)") says a
            // symbol is something else; not a gene symbol glossed ("CYBA (cytochrome b245
            // alpha)"), a numbered one ("disrupted in schizophrenia 1 (DISC1)"), or a long form
            // that names some protein.
            (None, None)
                if !short_genes.is_empty()
                    && !abbreviation.short_first
                    && !genes::sounds_like_a_gene(long)
                    && !genes::is_numbered_symbol(short, context.dictionary) =>
            {
                Some(Override::NotAGene)
            }
            (None, None) => None,
        };
        if let Some(decision) = decision {
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
    let shorts: Vec<&String> =
        overrides.iter().filter(|(_, o)| matches!(o, Override::Means(_))).map(|(s, _)| s).collect();
    if shorts.is_empty() {
        return Vec::new();
    }
    let Ok(automaton) = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&shorts)
    else {
        return Vec::new();
    };
    let bytes = masked.as_bytes();
    automaton
        .find_iter(masked)
        .filter(|m| {
            let starts = m.start() == 0
                || !is_word_byte(bytes[m.start() - 1])
                || !is_word_byte(bytes[m.start()]);
            let ends = m.end() == bytes.len()
                || !is_word_byte(bytes[m.end()])
                || !is_word_byte(bytes[m.end() - 1]);
            starts && ends
        })
        .map(|m| Candidate { span: m.range(), found: Found::ShortForm, case: Case::Exact })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dictionary::MeshId;

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
