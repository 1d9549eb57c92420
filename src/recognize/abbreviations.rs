//! Abbreviations a document defines: "reactive oxygen species (ROS)", "PINK1 (PTEN-induced
//! kinase 1)".
//!
//! An author who writes "mesenchymal stromal cells (MSCs)" has said what MSCs means in this
//! document, whatever a dictionary says. This is the algorithm of Schwartz & Hearst (2003): a
//! short form in parentheses, and the shortest run of preceding words in which the short form's
//! characters appear in order, its first character starting a word.

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
        let b = bytes[start - 1];
        let sentence_end = matches!(b, b'.' | b'!' | b'?' | b';' | b':')
            && bytes.get(start).is_some_and(|n| n.is_ascii_whitespace());
        if b == 0
            || b == b'('
            || b == b')'
            || b == b'\n' && bytes.get(start) == Some(&b'\n')
            || sentence_end
        {
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
    let sf: Vec<char> = text[short.clone()].chars().map(|c| c.to_ascii_lowercase()).collect();
    let lf: Vec<(usize, char)> =
        text[candidate.clone()].char_indices().map(|(i, c)| (i, c.to_ascii_lowercase())).collect();
    let mut l = lf.len() as isize - 1;
    let mut s = sf.len() as isize - 1;
    while s >= 0 {
        let c = sf[s as usize];
        if !c.is_alphanumeric() {
            s -= 1;
            continue;
        }
        while l >= 0
            && (lf[l as usize].1 != c
                || (s == 0 && l > 0 && lf[l as usize - 1].1.is_alphanumeric()))
        {
            l -= 1;
        }
        if l < 0 {
            return None;
        }
        l -= 1;
        s -= 1;
    }
    // The long form starts at the beginning of the word where the first character matched.
    let mut start = (l + 1) as usize;
    while start > 0 && !lf[start - 1].1.is_whitespace() {
        start -= 1;
    }
    let long = trim(text, candidate.start + lf[start].0..candidate.end);
    let long_text = &text[long.clone()];
    let short_text = &text[short];
    (long_text.len() > short_text.len()
        && !long_text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case(short_text))
        && long_text.chars().any(char::is_alphabetic))
    .then_some(long)
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
