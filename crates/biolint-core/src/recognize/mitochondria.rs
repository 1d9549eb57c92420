//! The mtDNA gate: whether a document is about mitochondria, and which variant descriptions
//! in it are mtDNA variants. Both decide meanings elsewhere: COX2 is MT-CO2 only in a paper
//! about mitochondria, and a legacy shape (`A3243G`) is an mtDNA variant only there.

use std::ops::Range;

use crate::dictionary::Dictionary;
use crate::variant::scan::Found as FoundVariant;

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

/// The mtDNA variant descriptions of the masked text. A legacy shape (`A3243G`, `3243A>G`) may
/// as well be a protein change or a nuclear variant (`C677T` in MTHFR), so it is kept only in a
/// document about mitochondria (or one that also writes `m.` descriptions) and when its first
/// base is the rCRS base at its position.
/// `about_mitochondria` is what [`is_about_mitochondria`] says of `masked` (a scan of the
/// whole document, done once).
pub(super) fn mtdna_variants(
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
}
