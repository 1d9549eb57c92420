//! Entity recognition: from a document to the genes, diseases, chemicals, species and mtDNA
//! variants it mentions.
//!
//! This file is the pipeline; each step is a file of its own that imports only the steps
//! before it and what they all share (the `context`, `genes`, the dictionaries), never the
//! pipeline:
//!
//! 1. The markup layer says which bytes are prose, and which markup is formatting inside a word;
//!    recognition reads the text with that formatting cut out (a `Reading`: `*Nxf*2` reads
//!    `Nxf2`), and everything else that is not prose is masked out (`mask`). Every offset
//!    below is in the reading; the engine maps what is found back to the document.
//! 2. `candidates`: the masked text is folded and the dictionary trie is searched from every
//!    token start; a match must also end at a token boundary (`PINK1` in `PINK1-deficient`, not
//!    in `APINK12` or `MSCs`). Case is then checked against the original text.
//! 3. `mitochondria`: whether the document is about mitochondria, and which variant
//!    descriptions in it are mtDNA variants.
//! 4. `abbreviations` finds the short forms the document defines, `overrides` what each
//!    then means in the whole document (after "reactive oxygen species (ROS)", ROS is not the
//!    gene ROS1), and `synonyms` the forms it sets beside a gene ("IGF2BP3, also known as
//!    IMP3").
//! 5. `interpret`: each matched span gets one meaning (disease acronyms and diseases over
//!    genes, genes over chemicals, terms that are never genes block genes), then
//!    leftmost-longest wins.
//! 6. `composite` joins a mention of several genes (`ERK1/2`) into one, and `induced`
//!    narrows a disease the document says a drug caused.

pub mod abbreviations;
mod candidates;
mod composite;
mod context;
mod evidence;
pub mod genes;
mod induced;
mod interpret;
mod mitochondria;
mod not_genes;
mod overrides;
mod synonyms;

use crate::dictionary::Dictionary;
use crate::dictionary::folded::{BARRIER, FoldedText};
use crate::dictionary::user::UserDictionary;
use crate::entity::{Case, Entity, Meaning};
use crate::markup::{DocumentKind, Prose, Reading};
use crate::parallel;
use crate::variant::scan::Found as FoundVariant;
use abbreviations::Abbreviation;
use candidates::{Candidate, Found, dictionary_candidates, merge, written_symbols};
use context::Context;
use evidence::Evidence;
use interpret::{Override, select};
use mitochondria::{is_about_mitochondria, mtdna_variants};
use overrides::{abbreviation_overrides, short_form_occurrences};

/// Everything recognition learnt about a document; the rules read it. Offsets are in the
/// reading text.
pub struct Recognized<'a> {
    pub entities: Vec<Entity>,
    /// The text recognition read, and the way back to the document.
    pub reading: Reading<'a>,
    pub prose: Prose,
    /// The reading text with every non-prose byte replaced by `\0` (same length and offsets).
    pub masked: String,
    pub abbreviations: Vec<Abbreviation>,
    /// Every mtDNA variant description found, well-formed or not; a legacy shape (`A3243G`)
    /// only where it is confirmed (see `mitochondria.rs`).
    pub variants: Vec<FoundVariant>,
}

/// Recognises the entities of `text`.
pub fn recognize<'a>(
    document: &'a str,
    kind: DocumentKind,
    dictionary: &Dictionary,
    user: Option<&UserDictionary>,
) -> Recognized<'a> {
    recognize_in(document, kind, crate::markup::prose(document, kind), dictionary, user)
}

/// Recognises the entities of `text`, whose prose is `prose`.
pub fn recognize_in<'a>(
    document: &'a str,
    kind: DocumentKind,
    prose: Prose,
    dictionary: &Dictionary,
    user: Option<&UserDictionary>,
) -> Recognized<'a> {
    let (reading, prose) = Reading::new(document, kind, prose);
    let text = reading.text();
    let masked = mask(text, &prose);
    // The dictionary's terms, and what the document says of itself (variants, definitions,
    // synonyms), are found independently: side by side in a long document.
    let (candidates, (about_mitochondria, variants, abbreviations, synonyms)) = parallel::both(
        parallel::worth_it(text.len()),
        || {
            let folded = FoldedText::new(&masked);
            let candidates = dictionary_candidates(text, &folded, dictionary);
            match user {
                Some(user) => {
                    let terms = user.find(text, &folded).map(|(span, term)| Candidate {
                        span,
                        found: Found::User(term),
                        case: Case::Exact,
                    });
                    merge(candidates, terms.collect())
                }
                None => candidates,
            }
        },
        || {
            let about_mitochondria = is_about_mitochondria(&masked);
            (
                about_mitochondria,
                mtdna_variants(&masked, about_mitochondria, dictionary),
                abbreviations::find(&masked, &prose.tables, &prose.definitions),
                synonyms::find(&masked, dictionary),
            )
        },
    );

    let mut context = Context {
        text,
        kind,
        dictionary,
        written_symbols: written_symbols(&candidates),
        italic: &prose.italic,
        mitochondrial: about_mitochondria || !variants.is_empty(),
        prose: &masked,
        facts: Default::default(),
        evidence: Evidence::default(),
    };
    context.evidence = Evidence::of(&candidates, &abbreviations, &context);
    let mut overrides = abbreviation_overrides(&abbreviations, &candidates, &context);
    // A synonym the author gives beside an approved symbol outweighs what a parenthesis seemed
    // to define, but not another definition of the form as a gene.
    for (synonym, mention) in synonyms {
        if !matches!(overrides.get(&synonym), Some(Override::Means(_))) {
            overrides.insert(synonym, Override::Means(Meaning::Gene(mention)));
        }
    }
    let candidates = merge(candidates, short_form_occurrences(&masked, &overrides));
    let mut entities = select(&candidates, &variants, &context, &overrides);
    composite::join(&mut entities, &masked, &context);
    induced::specialise(&mut entities, &context);
    Recognized { entities, reading, prose, masked, abbreviations, variants }
}

/// The document with non-prose bytes replaced: by spaces where the prose on either side joins
/// (formatting inside a paragraph), by [`BARRIER`] where it does not, and the spaces that align
/// a table's columns by [`BARRIER`] too.
fn mask(text: &str, prose: &Prose) -> String {
    let mut masked = vec![BARRIER; text.len()];
    let three_spaces = memchr::memmem::Finder::new(b"   ");
    let mut previous_end = 0;
    for range in &prose.ranges {
        let r = range.range.clone();
        if range.joins_previous && previous_end > 0 {
            masked[previous_end..r.start].fill(b' ');
        }
        masked[r.clone()].copy_from_slice(&text.as_bytes()[r.clone()]);
        // Three spaces in a line align the columns of a table (Pandoc's simple and multiline
        // tables): no term reads across them.
        let mut from = r.start;
        while let Some(found) = three_spaces.find(&masked[from..r.end]) {
            let start = from + found;
            let end = start + masked[start..r.end].iter().take_while(|&&b| b == b' ').count();
            masked[start..end].fill(BARRIER);
            from = end;
        }
        previous_end = r.end;
    }
    // Prose ranges start and end on character boundaries and every other byte is ASCII.
    String::from_utf8(masked).expect("masking keeps UTF-8 valid")
}
