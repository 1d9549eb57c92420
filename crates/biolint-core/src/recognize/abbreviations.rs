//! Abbreviations a document defines: "reactive oxygen species (ROS)", "PINK1 (PTEN-induced
//! kinase 1)".
//!
//! An author who writes "mesenchymal stromal cells (MSCs)" has said what MSCs means in this
//! document, whatever a dictionary says. This is the algorithm of Schwartz & Hearst (2003): a
//! short form in parentheses, and the shortest run of preceding words in which the short form's
//! characters appear in order, its first character starting a word.
//!
//! Every parenthesis in a document is tried, so the matching walks the text in place (by bytes
//! when it is ASCII) instead of copying candidates into vectors of characters.

use std::ops::Range;

/// A short form and the long form it was defined with, as byte ranges of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Abbreviation {
    pub short: Range<usize>,
    pub long: Range<usize>,
    /// Written short form first, "PINK1 (PTEN-induced kinase 1)": the author glosses a symbol
    /// rather than coins an abbreviation.
    pub short_first: bool,
}

/// Every abbreviation definition in `text` (the masked document: non-prose is `\0`).
pub fn find(text: &str) -> Vec<Abbreviation> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    for (open, _) in text.match_indices('(') {
        let Some(close) = bytes[open + 1..]
            .iter()
            .take(120)
            .position(|&b| b == b')' || b == b'(' || b == 0)
            .map(|i| open + 1 + i)
            .filter(|&i| bytes[i] == b')')
        else {
            continue;
        };
        let inside = trim(text, open + 1..close);
        // "(SF; ref)" and "(SF, 2003)": the short form is the first part.
        let inside = match text[inside.clone()].find([';', ',']) {
            Some(cut) => trim(text, inside.start..inside.start + cut),
            None => inside,
        };
        if inside.is_empty() {
            continue;
        }
        let before = words_before(text, open);
        if is_short_form(&text[inside.clone()]) {
            // long form (SF)
            let max_words = (inside.len() + 5).min(inside.len() * 2);
            let candidate = last_words(text, before, max_words);
            if let Some(long) = best_long_form(text, inside.clone(), candidate) {
                found.push(Abbreviation { short: inside, long, short_first: false });
            }
        } else if let Some(short) = last_word(text, before) {
            // SF (long form)
            let words = text[inside.clone()].split_whitespace().count();
            let sf = &text[short.clone()];
            // Only symbol-like words: "cells (ATCC)" defines nothing.
            let symbol_like = sf.chars().any(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
            if symbol_like
                && is_short_form(sf)
                && words <= (sf.len() + 5).min(sf.len() * 2)
                && let Some(long) = best_long_form(text, short.clone(), inside)
            {
                found.push(Abbreviation { short, long, short_first: true });
            }
        }
    }
    found
}

fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    let end = range.end - (s.len() - s.trim_end().len());
    start..end.max(start)
}

/// A short form: two to ten characters, at most two words, starting with a letter or digit and
/// holding at least one letter.
fn is_short_form(s: &str) -> bool {
    let chars = s.chars().count();
    (2..=10).contains(&chars)
        && s.split_whitespace().count() <= 2
        && s.chars().next().is_some_and(char::is_alphanumeric)
        && s.chars().any(char::is_alphabetic)
}

/// The text of the current sentence before `at`, back to a barrier or sentence end.
fn words_before(text: &str, at: usize) -> Range<usize> {
    let bytes = text.as_bytes();
    let mut start = at;
    while start > 0 {
        // Only the few bytes that may end the text need a look at the byte after them.
        let barrier = match bytes[start - 1] {
            0 | b'(' | b')' => true,
            b'\n' => bytes.get(start) == Some(&b'\n'),
            b'.' | b'!' | b'?' | b';' | b':' => {
                bytes.get(start).is_some_and(u8::is_ascii_whitespace)
            }
            _ => false,
        };
        if barrier {
            break;
        }
        start -= 1;
    }
    trim(text, start..at)
}

/// The last `n` whitespace-separated words of `range`.
fn last_words(text: &str, range: Range<usize>, n: usize) -> Range<usize> {
    let s = &text[range.clone()];
    let mut start = s.len();
    let mut words = 0;
    let bytes = s.as_bytes();
    while start > 0 && words < n {
        while start > 0 && bytes[start - 1].is_ascii_whitespace() {
            start -= 1;
        }
        while start > 0 && !bytes[start - 1].is_ascii_whitespace() {
            start -= 1;
        }
        words += 1;
    }
    range.start + start..range.end
}

fn last_word(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let word = last_words(text, range, 1);
    let s = &text[word.clone()];
    let trimmed = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    let word = word.end - trimmed.len()..word.end;
    (!word.is_empty()).then_some(word)
}

/// Schwartz & Hearst's best long form: match the short form's letters and digits right to left
/// against the candidate, the first one at the start of a word; the long form begins at that word.
fn best_long_form(
    text: &str,
    short: Range<usize>,
    candidate: Range<usize>,
) -> Option<Range<usize>> {
    let lf = &text[candidate.clone()];
    let sf = &text[short.clone()];
    // Fast path: an ASCII candidate (nearly every one) is walked by bytes, without decoding.
    let start = if lf.is_ascii() {
        long_form_start(sf, lf.bytes().map(char::from).enumerate())
    } else {
        long_form_start(sf, lf.char_indices())
    }?;
    let long = trim(text, candidate.start + start..candidate.end);
    let long_text = &text[long.clone()];
    let short_text = &text[short];
    (long_text.len() > short_text.len()
        && !has_word(long_text, short_text)
        && long_text.chars().any(char::is_alphabetic))
    .then_some(long)
}

/// Whether `word` is one of the words (runs of letters and digits) of `text`, ignoring ASCII
/// case.
fn has_word(text: &str, word: &str) -> bool {
    if text.is_ascii() {
        // Fast path: ASCII text is split by bytes, without decoding; its letters and digits
        // are the ASCII ones.
        let word = word.as_bytes();
        return text
            .as_bytes()
            .split(|b| !b.is_ascii_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case(word));
    }
    text.split(|c: char| !c.is_alphanumeric()).any(|w| w.eq_ignore_ascii_case(word))
}

/// The byte offset in the candidate long form at which the long form for `sf` starts, if `sf`
/// matches; `candidate` yields the candidate's characters and their offsets.
///
/// The candidate is walked backwards once, in place: this runs for every parenthesis in the
/// document, so it copies nothing. Characters compare after ASCII lowercasing.
fn long_form_start(
    sf: &str,
    candidate: impl DoubleEndedIterator<Item = (usize, char)>,
) -> Option<usize> {
    // Right to left, from the end of the candidate to the last match.
    let mut candidate = candidate.rev().peekable();
    for (offset, c) in sf.char_indices().rev() {
        let c = c.to_ascii_lowercase();
        if !c.is_alphanumeric() {
            continue;
        }
        loop {
            let (_, l) = candidate.next()?;
            // The short form's first character must start a word of the long form.
            if l.to_ascii_lowercase() == c
                && (offset > 0
                    || candidate.peek().is_none_or(|&(_, before)| !before.is_alphanumeric()))
            {
                break;
            }
        }
    }
    // The long form starts at the beginning of the word where the first character matched.
    Some(candidate.find(|&(_, c)| c.is_whitespace()).map_or(0, |(at, c)| at + c.len_utf8()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &str) -> Vec<(&str, &str)> {
        find(text).into_iter().map(|a| (&text[a.short], &text[a.long])).collect()
    }

    #[test]
    fn finds_long_form_then_short_form() {
        assert_eq!(
            pairs("Levels of reactive oxygen species (ROS) rose."),
            [("ROS", "reactive oxygen species")]
        );
        assert_eq!(
            pairs("We cultured mesenchymal stromal cells (MSCs) in vitro."),
            [("MSCs", "mesenchymal stromal cells")]
        );
        assert_eq!(
            pairs("induced heme oxygenase-1 (HO-1) in cells"),
            [("HO-1", "heme oxygenase-1")]
        );
        assert_eq!(pairs("serum interleukin-6 (IL-6) was high"), [("IL-6", "interleukin-6")]);
    }

    #[test]
    fn finds_short_form_then_long_form() {
        assert_eq!(
            pairs("Mutations in PINK1 (PTEN-induced kinase 1) cause"),
            [("PINK1", "PTEN-induced kinase 1")]
        );
    }

    #[test]
    fn ignores_parentheses_that_define_nothing() {
        assert!(pairs("as shown before (Fig. 2) and (n = 12)").is_empty());
        assert!(pairs("patients (2019)").is_empty());
        assert!(pairs("unrelated words here (XYZ)").is_empty());
        assert!(pairs("unclosed (ROS").is_empty());
        assert!(pairs("PINK1-deficient cells and (PINK1)").is_empty());
        assert_eq!(pairs("resistance to lamivudine (LAM) and"), [("LAM", "lamivudine")]);
    }

    #[test]
    fn takes_the_first_part_of_a_list_in_parentheses() {
        assert_eq!(
            pairs("Leber hereditary optic neuropathy (LHON; MIM 535000)"),
            [("LHON", "Leber hereditary optic neuropathy")]
        );
    }
}
