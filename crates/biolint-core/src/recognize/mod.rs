//! Entity recognition: from a document to the genes, diseases, chemicals, species and mtDNA
//! variants it mentions.
//!
//! 1. The markup layer says which bytes are prose; everything else is masked out.
//! 2. The masked text is folded and the dictionary trie is searched from every token start;
//!    a match must also end at a token boundary (`PINK1` in `PINK1-deficient`, not in `APINK12`
//!    or `MSCs`). Case is then checked against the original text.
//! 3. Each matched span gets one meaning (disease acronyms and diseases over genes, genes over
//!    chemicals, terms that are never genes block genes), then leftmost-longest wins.
//! 4. Abbreviations the document defines override the dictionaries for the whole document:
//!    after "reactive oxygen species (ROS)", ROS is not the gene ROS1.

pub mod abbreviations;
mod composite;
pub mod folded;
pub mod genes;
mod induced;
mod synonyms;

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::dictionary::keys::{
    self, FLAG_DISEASE, FLAG_EXACT_CASE, FLAG_NOT_REPORTED, is_word_byte,
};
use crate::dictionary::user::UserDictionary;
use crate::dictionary::{
    Dictionary, Entry, GeneId, MeshCategory, MeshId, Node, Source, SpeciesId, Term,
};
use crate::entity::{Case, CustomTerm, Entity, GeneMention, Meaning, WrittenAs};
use crate::markup::{DocumentKind, Prose};
use crate::variant::scan::Found as FoundVariant;
use abbreviations::Abbreviation;
use folded::{BARRIER, FoldedText};

/// Everything recognition learnt about a document; the rules read it.
pub struct Recognized {
    pub entities: Vec<Entity>,
    pub prose: Prose,
    /// The document with every non-prose byte replaced by `\0` (same length and offsets).
    pub masked: String,
    pub abbreviations: Vec<Abbreviation>,
    /// Every mtDNA variant description found, well-formed or not; a legacy shape (`A3243G`)
    /// only where it is confirmed (see [`mtdna_variants`]).
    pub variants: Vec<FoundVariant>,
}

/// Recognises the entities of `text`.
pub fn recognize(
    text: &str,
    kind: DocumentKind,
    dictionary: &Dictionary,
    user: Option<&UserDictionary>,
) -> Recognized {
    let prose = crate::markup::prose(text, kind);
    let masked = mask(text, &prose);
    let folded = FoldedText::new(&masked);
    let mut candidates = dictionary_candidates(text, &folded, dictionary);
    if let Some(user) = user {
        let terms = user.find(text, &folded).map(|(span, term)| Candidate {
            span,
            found: Found::User(term),
            case: Case::Exact,
        });
        candidates = merge(candidates, terms.collect());
    }
    let about_mitochondria = is_about_mitochondria(&masked);
    let variants = mtdna_variants(&masked, about_mitochondria, dictionary);
    let abbreviations = abbreviations::find(&masked);

    let context = Context {
        text,
        dictionary,
        written_symbols: written_symbols(&candidates),
        italic: &prose.italic,
        mitochondrial: about_mitochondria || !variants.is_empty(),
    };
    let mut overrides = abbreviation_overrides(&abbreviations, &candidates, &context);
    // A synonym the author gives beside an approved symbol outweighs what a parenthesis seemed
    // to define, but not another definition of the form as a gene.
    for (synonym, mention) in synonyms::find(&masked, dictionary) {
        if !matches!(overrides.get(&synonym), Some(Override::Means(_))) {
            overrides.insert(synonym, Override::Means(Meaning::Gene(mention)));
        }
    }
    let candidates = merge(candidates, short_form_occurrences(&masked, &overrides));
    let mut entities = select(&candidates, &variants, &context, &overrides);
    composite::join(&mut entities, &masked, &context);
    induced::specialise(&mut entities, &context);
    Recognized { entities, prose, masked, abbreviations, variants }
}

/// The document with non-prose bytes replaced: by spaces where the prose on either side joins
/// (formatting inside a paragraph), by [`BARRIER`] where it does not.
fn mask(text: &str, prose: &Prose) -> String {
    let mut masked = vec![BARRIER; text.len()];
    let mut previous_end = 0;
    for range in &prose.ranges {
        let r = range.range.clone();
        if range.joins_previous && previous_end > 0 {
            masked[previous_end..r.start].fill(b' ');
        }
        masked[r.clone()].copy_from_slice(&text.as_bytes()[r.clone()]);
        previous_end = r.end;
    }
    // Prose ranges start and end on character boundaries and every other byte is ASCII.
    String::from_utf8(masked).expect("masking keeps UTF-8 valid")
}

struct Context<'a> {
    text: &'a str,
    dictionary: &'a Dictionary,
    /// Genes the document writes by their approved symbol somewhere.
    written_symbols: FxHashSet<GeneId>,
    /// Emphasised text, where a symbol is clearly a gene.
    italic: &'a [Range<usize>],
    /// The document is about mitochondria (see [`is_about_mitochondria`]).
    mitochondrial: bool,
}

/// The mtDNA variant descriptions of the masked text. A legacy shape (`A3243G`, `3243A>G`) may
/// as well be a protein change or a nuclear variant (`C677T` in MTHFR), so it is kept only in a
/// document about mitochondria (or one that also writes `m.` descriptions) and when its first
/// base is the rCRS base at its position.
/// `about_mitochondria` is what [`is_about_mitochondria`] says of `masked` (a scan of the
/// whole document, done once).
fn mtdna_variants(
    masked: &str,
    about_mitochondria: bool,
    dictionary: &Dictionary,
) -> Vec<FoundVariant> {
    let mut found = crate::variant::scan::scan(masked);
    let about_mtdna = about_mitochondria || found.iter().any(|v| !v.legacy && v.variant.is_some());
    found.retain(|v| {
        !v.legacy
            || (about_mtdna
                && !follows_nuclear_gene(masked, v.span.start, dictionary)
                && !in_exon_context(masked, &v.span)
                && v.variant.as_ref().is_some_and(|variant| {
                    crate::variant::check_reference(variant, dictionary.rcrs).is_empty()
                }))
    });
    found
}

/// Whether the sentence around a legacy shape speaks of exons or introns, which mtDNA genes do
/// not have: "the G1681A mutation in exon 7" is a nuclear gene's.
fn in_exon_context(text: &str, span: &Range<usize>) -> bool {
    let start = text[..span.start].rfind(['.', '\n', '\0']).map_or(0, |i| i + 1);
    let end = text[span.end..].find(['.', '\n', '\0']).map_or(text.len(), |i| span.end + i);
    text[start..end].split(|c: char| !c.is_alphanumeric()).any(|w| {
        ["exon", "exons", "intron", "introns", "intronic", "exonic"]
            .iter()
            .any(|x| x.eq_ignore_ascii_case(w))
    })
}

/// Whether the word before `at` is the approved symbol of a nuclear gene: `MTHFR C677T` and
/// `POLG A467T` are that gene's variants, not the mtDNA's.
fn follows_nuclear_gene(text: &str, at: usize, dictionary: &Dictionary) -> bool {
    let before = text[..at].trim_end();
    let word = &before[crate::text::after_last(before, |c| c.is_whitespace() || c == '(')..];
    !word.starts_with("MT-") && dictionary.approved_gene(word).is_some()
}

/// Whether a document is about mitochondria or mtDNA, which decides e.g. whether COX2 is
/// MT-CO2 or PTGS2 and whether `A3243G` is an mtDNA variant.
pub fn is_about_mitochondria(text: &str) -> bool {
    const WORDS: &[&str] =
        &["mitochondria", "mitochondrial", "mtdna", "mitochondrion", "mitochondrially"];
    // Each word starts with an `m`: only there is the text compared.
    let bytes = text.as_bytes();
    let alphanumeric = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    memchr::memchr2_iter(b'm', b'M', bytes).any(|at| {
        !alphanumeric(text[..at].chars().next_back())
            && WORDS.iter().any(|word| {
                let end = at + word.len();
                bytes.get(at..end).is_some_and(|b| b.eq_ignore_ascii_case(word.as_bytes()))
                    && !alphanumeric(text[end..].chars().next())
            })
    })
}

fn written_symbols(candidates: &[Candidate]) -> FxHashSet<GeneId> {
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

/// What a matched span was found as.
#[derive(Clone, Debug)]
enum Found<'a> {
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
struct Candidate<'a> {
    span: Range<usize>,
    found: Found<'a>,
    case: Case,
}

/// The dictionary terms of the folded text, with their case checked against `text`, sorted by
/// start and, at one start, longest first.
///
/// Most terms are one word, and prose repeats its words: what a word (as written) matches, and
/// where the trie stands after it, is worked out once per document. Only a word after which
/// some term goes on (`Leigh` in `Leigh syndrome`) walks the trie further.
fn dictionary_candidates<'a>(
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
    let ends_token = |end: usize| {
        end == bytes.len() || !is_word_byte(bytes[end]) || !is_word_byte(bytes[end - 1])
    };
    let mut words: FxHashMap<&str, Word> = FxHashMap::default();
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
                let written = &text[folded.original_range(written_from, end, text)];
                for (entry, case) in term_matches(term, written, dictionary) {
                    if !symbols_only || entry.is_symbol(dictionary.form(entry)) {
                        let span = folded.original_range(start, end, text);
                        candidates.push(Candidate { span, found: Found::Dictionary(entry), case });
                    }
                }
            }
        };
    for (start, word_end) in token_starts(bytes) {
        let first_here = candidates.len();
        if word_end == start {
            terms_after(&mut candidates, Node::ROOT, start, start, start, false);
        } else {
            let span = folded.original_range(start, word_end, text);
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
            let span = folded.original_range(start, start + 1, text);
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

/// The offsets where a term may start in folded text: the first byte of every word, and every
/// other byte but a space or a barrier (chemical names may start with a bracket). Each comes
/// with the end of the word it starts (the start itself for a byte that is no word byte).
fn token_starts(bytes: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() {
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
fn merge<'a>(candidates: Vec<Candidate<'a>>, mut extra: Vec<Candidate<'a>>) -> Vec<Candidate<'a>> {
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

/// Whether `written` may stand for `entry` given its case, and how well it matches.
///
/// Names match in any case. Symbols match in their own case, or in another case when the
/// written form still reads as a symbol (see [`genes::is_symbol_like`]); acronyms and
/// capitalised species names only in their own case.
fn case_match(written: &str, entry: Entry, dictionary: &Dictionary) -> Option<Case> {
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
    (one_word && !genes::is_plural_acronym(written) && genes::is_symbol_like(written, dictionary))
        .then_some(Case::Folded)
}

/// Whether `written` is ASCII without capitals or digits, which only terms that
/// [`Entry::may_match_lowercase`] match (see [`case_match`]).
fn is_lowercase_prose(written: &str) -> bool {
    written.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase() && !b.is_ascii_digit())
}

/// The meaning given to one matched span.
#[derive(Clone, Debug, PartialEq)]
enum Interpretation {
    Entity(Meaning),
    /// A term that is never a gene and nothing else we report: it still takes its span, so no
    /// shorter gene inside it is reported either.
    Block,
}

/// Every candidate found for one span.
struct Group<'c, 'a> {
    span: &'c Range<usize>,
    candidates: &'c [Candidate<'a>],
}

/// The groups of sorted candidates, in order.
fn groups<'c, 'a>(candidates: &'c [Candidate<'a>]) -> impl Iterator<Item = Group<'c, 'a>> {
    candidates
        .chunk_by(|a, b| a.span == b.span)
        .map(|run| Group { span: &run[0].span, candidates: run })
}

/// What the document's own definitions say about a short form.
#[derive(Clone, Debug, PartialEq)]
enum Override {
    /// The short form means what its long form means.
    Means(Meaning),
    /// The long form is something biolint does not know, and no gene: the short form is no gene.
    NotAGene,
}

/// The meaning of a group, given what the document's definitions say.
fn interpret_group(
    g: &Group,
    context: &Context,
    overrides: &FxHashMap<String, Override>,
) -> Option<Interpretation> {
    let written = &context.text[g.span.clone()];
    match overrides.get(written) {
        // "MEN1 mutations" is the gene even after "multiple endocrine neoplasia type 1 (MEN1)".
        Some(Override::Means(meaning))
            if !matches!(meaning, Meaning::Gene(_))
                && genes::has_gene_context(g.span, context.text, context.italic) =>
        {
            interpret(g.span, g.candidates, context, true)
        }
        Some(Override::Means(meaning)) => Some(Interpretation::Entity(meaning.clone())),
        Some(Override::NotAGene) => interpret(g.span, g.candidates, context, false),
        None => interpret(g.span, g.candidates, context, true),
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
            .filter_map(|(e, _)| mesh_id(e))
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
    let gene = (may_be_gene && !blocked && !genes::is_excluded_by_context(span, context.text))
        .then(|| {
            genes::resolve(
                &context.text[span.clone()],
                entries().filter(|(e, _)| is_gene_source(e.source)),
                &context.written_symbols,
                context.mitochondrial,
                dictionary,
            )
        })
        .flatten();
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

fn is_gene_source(source: Source) -> bool {
    matches!(
        source,
        Source::GeneSymbol
            | Source::GeneAlias
            | Source::GenePrevious
            | Source::GeneWithdrawn
            | Source::GeneName
            | Source::GeneMeshName
    )
}

fn mesh_id(entry: Entry) -> Option<MeshId> {
    match entry.source {
        Source::MeshDescriptor => Some(MeshId { supplementary: false, row: entry.record }),
        Source::MeshSupplementary => Some(MeshId { supplementary: true, row: entry.record }),
        _ => None,
    }
}

/// Leftmost-longest over the spans that mean something; mtDNA variants take their spans first.
/// Groups come sorted by start, longest first, and are interpreted only when they could be
/// chosen: most candidates lie inside a longer match and are never looked at.
fn select(
    candidates: &[Candidate],
    variants: &[FoundVariant],
    context: &Context,
    overrides: &FxHashMap<String, Override>,
) -> Vec<Entity> {
    // Every variant read from the text, as written or as corrected.
    let mut entities: Vec<Entity> = variants
        .iter()
        .filter_map(|v| {
            v.variant
                .clone()
                .map(|variant| Entity { span: v.span.clone(), meaning: Meaning::Variant(variant) })
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
                entities.push(Entity { span: g.span.clone(), meaning });
                end = g.span.end;
            }
            Some(Interpretation::Block) => end = g.span.end,
            None => {}
        }
    }
    entities.sort_by_key(|e| (e.span.start, e.span.end));
    entities
}

/// What each defined short form means, from its long form.
fn abbreviation_overrides(
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
                Found::Dictionary(e) if is_gene_source(e.source) => {
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
fn short_form_occurrences<'a>(
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

    #[test]
    fn a_document_about_mitochondria_says_so_in_a_word_of_its_own() {
        for text in ["Mitochondrial disease.", "(mtDNA)", "the mitochondrion’s", "MITOCHONDRIA"] {
            assert!(is_about_mitochondria(text), "{text}");
        }
        for text in ["nonmitochondrial", "mitochondrialé", "mitochondria2", "mtdnas", "mito", ""] {
            assert!(!is_about_mitochondria(text), "{text}");
        }
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
