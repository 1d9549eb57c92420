//! Candidates: every dictionary term found at a token of the document, with how its case
//! matches. A span may have several (`CAT` the gene, `cat` the species); interpretation
//! chooses among them.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::genes;
use crate::dictionary::folded::{BARRIER, FoldedText};
use crate::dictionary::keys::{self, FLAG_EXACT_CASE, is_word_byte};
use crate::dictionary::{Dictionary, Entry, GeneId, Node, Source, Term};
use crate::entity::{Case, CustomTerm};

/// What a matched span was found as.
#[derive(Clone, Debug)]
pub(super) enum Found<'a> {
    Dictionary(Entry),
    User(&'a CustomTerm),
    /// An occurrence of a short form whose long form the document defines.
    ShortForm,
}

/// One thing a span may be. Recognition keeps the candidates of a document in one vector,
/// sorted by start and, at one start, longest first; the candidates of one span are adjacent
/// and form its [`Group`]. (One vector rather than a vector per span: a document has thousands
/// of spans, and allocating for each cost as much as matching them.)
#[derive(Clone, Debug)]
pub(super) struct Candidate<'a> {
    pub span: Range<usize>,
    pub found: Found<'a>,
    pub case: Case,
}

/// Every candidate found for one span.
pub(super) struct Group<'c, 'a> {
    pub span: &'c Range<usize>,
    pub candidates: &'c [Candidate<'a>],
}

/// The groups of sorted candidates, in order.
pub(super) fn groups<'c, 'a>(
    candidates: &'c [Candidate<'a>],
) -> impl Iterator<Item = Group<'c, 'a>> {
    candidates
        .chunk_by(|a, b| a.span == b.span)
        .map(|run| Group { span: &run[0].span, candidates: run })
}

/// The dictionary terms of the folded text, with their case checked against `text`, sorted by
/// start and, at one start, longest first.
///
/// Terms are found from each token start on its own, so a long text is searched in two halves
/// side by side (see `crate::parallel`), each half's terms running on past its end as far as
/// they go.
pub(super) fn dictionary_candidates<'a>(
    text: &str,
    folded: &FoldedText,
    dictionary: &Dictionary,
) -> Vec<Candidate<'a>> {
    let bytes = &folded.bytes;
    // The halves meet at a token start: after the first space or barrier past the middle.
    let middle = bytes.len() / 2;
    let split = bytes[middle..].iter().position(|&b| b == b' ' || b == BARRIER);
    match split {
        Some(at) if crate::parallel::worth_it(bytes.len()) => {
            let split = middle + at + 1;
            let (mut first, second) = crate::parallel::both(
                true,
                || candidates_from(0..split, text, folded, dictionary),
                || candidates_from(split..bytes.len(), text, folded, dictionary),
            );
            first.extend(second);
            first
        }
        _ => candidates_from(0..bytes.len(), text, folded, dictionary),
    }
}

/// The dictionary terms that start at the tokens of `starts` (folded offsets), as
/// [`dictionary_candidates`] gives them.
///
/// Most terms are one word, and prose repeats its words: what a word (as written) matches, and
/// where the trie stands after it, is worked out once per call. Only a word after which some
/// term goes on (`Leigh` in `Leigh syndrome`) walks the trie further.
fn candidates_from<'a>(
    starts: Range<usize>,
    text: &str,
    folded: &FoldedText,
    dictionary: &Dictionary,
) -> Vec<Candidate<'a>> {
    struct Word {
        /// Where the trie stands after the word, if some term goes on.
        node: Option<Node>,
        /// The entries of the term that is the whole word, with their case, in `matched`.
        matched: Range<usize>,
    }
    let bytes = &folded.bytes;
    let origins = folded.origins();
    let ends_token = |end: usize| {
        end == bytes.len() || !is_word_byte(bytes[end]) || !is_word_byte(bytes[end - 1])
    };
    // About one distinct word in ten bytes of an abstract; sized so that it rarely grows.
    let mut words: FxHashMap<&str, Word> =
        FxHashMap::with_capacity_and_hasher((starts.len() / 10).min(1 << 16), Default::default());
    let mut matched: Vec<(Entry, Case)> = Vec::new();
    let mut candidates: Vec<Candidate> = Vec::new();
    // The terms from `node` along `bytes[from..]`: `start` is where the span starts (before
    // `from` when a walk goes on after a word), `written_from` where the term's text starts.
    let terms_after =
        |candidates: &mut Vec<Candidate>, node, start, written_from, from, symbols_only: bool| {
            for (length, term) in dictionary.terms_along(node, &bytes[from..]) {
                let end = from + length;
                if !ends_token(end) {
                    continue;
                }
                let written = &text[origins.original_range(written_from, end, text)];
                for (entry, case) in term_matches(term, written, dictionary) {
                    if !symbols_only || entry.is_symbol(dictionary.form(entry)) {
                        let span = origins.original_range(start, end, text);
                        candidates.push(Candidate { span, found: Found::Dictionary(entry), case });
                    }
                }
            }
        };
    for (start, word_end) in token_starts(bytes, starts) {
        let first_here = candidates.len();
        if word_end == start {
            terms_after(&mut candidates, Node::ROOT, start, start, start, false);
        } else {
            let span = origins.original_range(start, word_end, text);
            let written = &text[span.clone()];
            let word = words.entry(written).or_insert_with(|| {
                let node = dictionary.walk(Node::ROOT, &bytes[start..word_end]);
                let first = matched.len();
                if let Some(term) = node.and_then(|node| dictionary.term_at(node)) {
                    matched.extend(term_matches(term, written, dictionary));
                }
                Word { node, matched: first..matched.len() }
            });
            candidates.extend(matched[word.matched.clone()].iter().map(|&(entry, case)| {
                Candidate { span: span.clone(), found: Found::Dictionary(entry), case }
            }));
            if let Some(node) = word.node {
                terms_after(&mut candidates, node, start, start, word_end, false);
            }
        }
        // `hOGG1`, `hGR`, `hERG`: a lower-case h before a symbol says "human". A folded `h` at a
        // token start comes from an `h` or an `H`.
        if bytes[start] == b'h' {
            let span = origins.original_range(start, start + 1, text);
            if &text[span.clone()] == "h"
                && text[span.end..].starts_with(|c: char| c.is_ascii_uppercase())
            {
                terms_after(&mut candidates, Node::ROOT, start, start + 1, start + 1, true);
            }
        }
        // Longest first, as `select` wants them (the trie finds the shortest first).
        candidates[first_here..].sort_by_key(|c| std::cmp::Reverse(c.span.end));
    }
    candidates
}

/// The entries of `term` that match the text `written`, with how their case matches.
fn term_matches<'d>(
    term: Term,
    written: &'d str,
    dictionary: &'d Dictionary,
) -> impl Iterator<Item = (Entry, Case)> + 'd {
    let skip = !term.matches_lowercase() && is_lowercase_prose(written);
    let entries = (!skip).then(|| dictionary.entries(term)).into_iter().flatten();
    entries.filter_map(move |entry| Some((entry, case_match(written, entry, dictionary)?)))
}

/// The offsets in `within` where a term may start in folded text: the first byte of every
/// word, and every other byte but a space or a barrier (chemical names may start with a
/// bracket). Each comes with the end of the word it starts (the start itself for a byte that is
/// no word byte). `within` must start at the start of the text or after a space or a barrier.
fn token_starts(bytes: &[u8], within: Range<usize>) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = within.start;
    std::iter::from_fn(move || {
        while at < within.end {
            let start = at;
            let b = bytes[start];
            at += 1;
            if is_word_byte(b) {
                // The rest of the word starts nothing.
                while at < bytes.len() && is_word_byte(bytes[at]) {
                    at += 1;
                }
                return Some((start, at));
            }
            if b != b' ' && b != BARRIER {
                return Some((start, start));
            }
        }
        None
    })
}

/// Adds candidates found otherwise (a project dictionary, defined short forms) to the sorted
/// candidates; in a span that both have, the dictionary's come first.
pub(super) fn merge<'a>(
    candidates: Vec<Candidate<'a>>,
    mut extra: Vec<Candidate<'a>>,
) -> Vec<Candidate<'a>> {
    if extra.is_empty() {
        return candidates;
    }
    let order = |c: &Candidate| (c.span.start, std::cmp::Reverse(c.span.end));
    extra.sort_by_key(order);
    let mut out = Vec::with_capacity(candidates.len() + extra.len());
    let mut extra = extra.into_iter().peekable();
    for c in candidates {
        while let Some(e) = extra.next_if(|e| order(e) < order(&c)) {
            out.push(e);
        }
        out.push(c);
    }
    out.extend(extra);
    out
}

pub(super) fn written_symbols(candidates: &[Candidate]) -> FxHashSet<GeneId> {
    candidates
        .iter()
        .filter_map(|c| match c.found {
            Found::Dictionary(e) if e.source == Source::GeneSymbol && c.case == Case::Exact => {
                Some(GeneId(e.record))
            }
            _ => None,
        })
        .collect()
}

/// Whether `written` may stand for `entry` given its case, and how well it matches.
///
/// Names match in any case. Symbols match in their own case, or in another case when the
/// written form still reads as a symbol (see [`genes::is_symbol_like`]); acronyms and
/// capitalised species names only in their own case.
pub(super) fn case_match(written: &str, entry: Entry, dictionary: &Dictionary) -> Option<Case> {
    // Names (MeSH terms, species, gene names) match in any case; most entries are names.
    let may_be_symbol = matches!(
        entry.source,
        Source::GeneSymbol
            | Source::GeneAlias
            | Source::GenePrevious
            | Source::GeneWithdrawn
            | Source::GeneMeshName
    );
    if entry.flags & FLAG_EXACT_CASE == 0 && !may_be_symbol {
        return Some(Case::Exact);
    }
    let form = dictionary.form(entry);
    if entry.flags & FLAG_EXACT_CASE != 0 {
        return keys::same_surface(written, form).then_some(Case::Exact);
    }
    if !entry.is_symbol(form) {
        return Some(Case::Exact);
    }
    let exact = keys::same_surface(written, form);
    if !written.chars().any(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    // A space in the text stands for HGNC's space or hyphen (`TIM 3` for `TIM-3`), never for
    // nothing, and not after a lone letter (`A 2` is no `A-2`).
    if written.contains(char::is_whitespace) {
        let separated = form.split_once(['-', ' ']).is_some_and(|(head, _)| head.len() >= 2);
        if !separated {
            return None;
        }
    }
    // Two-character symbols are too ambiguous to be anything but an approved symbol in its own
    // case (`AR`, `C3`; not the aliases `TS` or `HR`).
    if form.chars().count() <= 2 && (!exact || entry.source != Source::GeneSymbol) {
        return None;
    }
    if exact {
        return Some(Case::Exact);
    }
    // A symbol is one word: `and 1` is not `AND1`; and `NETs`, `CMs` are plurals of
    // abbreviations, not the symbols NETS and CMS.
    let one_word = !written.contains(char::is_whitespace);
    (one_word
        && !genes::is_plural_acronym(written)
        && !has_lowercase_prefix(written, form, entry.source)
        && !is_cased_like_a_name(written)
        && genes::is_symbol_like(written, dictionary))
    .then_some(Case::Folded)
}

/// Whether a form written in another case than the dictionary's is cased like a brand, a
/// tool or a degree rather than a symbol: `MinION`, `ViPAR` (a capitalised word ending in
/// capitals), `BSc`, `MSc` (capitals ending in lower case that is no Greek letter: `PPARa`,
/// `TNFa` are symbols), `scAI`, `siRNA` (lower case before capitals). Forms with digits
/// (`miR155`, `rpS6`, `FOXO3a`) are not judged by their case.
fn is_cased_like_a_name(written: &str) -> bool {
    if !written.chars().all(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    let bytes = written.as_bytes();
    let upper_run =
        |from: usize| bytes[from..].iter().take_while(|b| b.is_ascii_uppercase()).count();
    let lower_run =
        |from: usize| bytes[from..].iter().take_while(|b| b.is_ascii_lowercase()).count();
    let lead_upper = upper_run(0);
    let lead_lower = lower_run(0);
    // `MinION`: one capital, lower case, then two capitals or more to the end.
    let brand = lead_upper == 1 && {
        let lower = lower_run(1);
        lower > 0 && upper_run(1 + lower) >= 2 && 1 + lower + upper_run(1 + lower) == bytes.len()
    };
    // `BSc`: capitals, then lower case to the end that is no Greek letter.
    let tail = &written[lead_upper..];
    const GREEK: &[&str] =
        &["a", "b", "g", "d", "e", "k", "alpha", "beta", "gamma", "delta", "epsilon", "kappa"];
    let degree = lead_upper >= 2
        && !tail.is_empty()
        && lower_run(lead_upper) == tail.len()
        && !GREEK.contains(&tail);
    // `scAI`: two lower-case letters or more, then capitals to the end.
    let prefixed = lead_lower >= 2
        && upper_run(lead_lower) >= 2
        && lead_lower + upper_run(lead_lower) == bytes.len();
    brand || degree || prefixed
}

/// `pGL3`, `pRc`, `pERK`, `sIL`, `tRNA`: a lower-case letter before capitals is a prefix
/// (plasmid, phospho-, soluble, transfer), not the first letter of the alias or old symbol PGL3,
/// PRC, PERK, SIL or TRNA written in another case. An approved symbol keeps its reading
/// (`mTOR` is MTOR, in the wrong case), and so do `h` and `m` for human and mouse or
/// metabotropic (`hVH-5`, `mGluR1`), which name the gene.
fn has_lowercase_prefix(written: &str, form: &str, source: Source) -> bool {
    let mut chars = written.chars();
    source != Source::GeneSymbol
        && chars.next().is_some_and(|c| c.is_ascii_lowercase() && c != 'h' && c != 'm')
        && chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && form.starts_with(|c: char| c.is_ascii_uppercase())
}

/// Whether `written` is ASCII without capitals or digits, which only terms that
/// [`Entry::may_match_lowercase`] match (see [`case_match`]).
pub(super) fn is_lowercase_prose(written: &str) -> bool {
    written.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase() && !b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The matcher skips, in text without capitals or digits, the terms build.rs marked as not
    /// matching such text; `case_match` must agree. Checked on every HGNC symbol, alias and
    /// previous symbol written in lower case (`was` for WAS, `cat` for CAT).
    #[test]
    fn terms_marked_capitals_only_match_no_lowercase_text() {
        let dictionary = Dictionary::embedded();
        let mut checked = 0;
        for gene in dictionary.genes() {
            let symbols =
                std::iter::once(gene.symbol).chain(gene.aliases()).chain(gene.previous_symbols());
            for symbol in symbols {
                let written = symbol.to_lowercase();
                let Some(term) = dictionary.term(&written) else { continue };
                if term.matches_lowercase() || !is_lowercase_prose(&written) {
                    continue;
                }
                checked += 1;
                for entry in dictionary.entries(term) {
                    assert_eq!(
                        case_match(&written, entry, dictionary),
                        None,
                        "{written}: {entry:?}"
                    );
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
    }
}
