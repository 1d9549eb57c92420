//! Abbreviations a document defines: "reactive oxygen species (ROS)", "PINK1 (PTEN-induced
//! kinase 1)", and the entries of abbreviation lists, legends and table footnotes: "COX -
//! cytochrome c oxidase", "ASM = anti-seizure medication", "CCA: canonical correlation
//! analysis", "ROS, rod outer segment; RIS, rod inner segment".
//!
//! An author who writes "mesenchymal stromal cells (MSCs)" has said what MSCs means in this
//! document, whatever a dictionary says. This is the algorithm of Schwartz & Hearst (2003): a
//! short form in parentheses, and the shortest run of preceding words in which the short form's
//! characters appear in order, its first character starting a word. A listed entry is the short
//! form, a separator (`-`, `–`, `=`, `:`, or a comma before a semicolon-separated list), and
//! the rest of the entry as the long form, which must start with the short form's first letter
//! and hold its characters in order.
//!
//! Every parenthesis in a document is tried, so the matching walks the text in place (by bytes
//! when it is ASCII) instead of copying candidates into vectors of characters.

use std::ops::Range;

/// A short form and the long form it was defined with, as byte ranges of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Abbreviation {
    pub short: Range<usize>,
    pub long: Range<usize>,
    pub form: Form,
}

/// How a definition is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// "reactive oxygen species (ROS)": the author coins an abbreviation.
    LongFirst,
    /// "PINK1 (PTEN-induced kinase 1)": the author may gloss a symbol rather than coin one.
    ShortFirst,
    /// An entry of an abbreviation list, a legend or a footnote: "COX - cytochrome c oxidase",
    /// "ASM = anti-seizure medication". The author defines the form for this document.
    Listed,
}

/// Every abbreviation definition in `text` (the masked document: non-prose is `\0`), in
/// document order: in the prose, in the two-cell rows of the `tables` (byte ranges), and
/// those the markup defines (`definitions`: short and long form, as LaTeX's `\newacronym`).
pub fn find(
    text: &str,
    tables: &[Range<usize>],
    definitions: &[(Range<usize>, Range<usize>)],
) -> Vec<Abbreviation> {
    let mut found = parenthesized(text);
    found.extend(listed(text));
    found.extend(tables.iter().flat_map(|table| tabled(text, table.clone())));
    found.extend(definitions.iter().map(|(short, long)| Abbreviation {
        short: short.clone(),
        long: long.clone(),
        form: Form::Listed,
    }));
    found.sort_by_key(|a| a.short.start.min(a.long.start));
    found
}

/// The rows of a table (or a list of abbreviations set as one) with two cells, a short form
/// and its long form: `| CCA | canonical correlation analysis |`,
/// `CCA & canonical correlation analysis \\`.
fn tabled(text: &str, table: Range<usize>) -> Vec<Abbreviation> {
    let mut found = Vec::new();
    let mut line_start = table.start;
    for line in text[table.clone()].split_inclusive('\n') {
        let cells: Vec<Range<usize>> = line
            .split('\0')
            .scan(line_start, |at, cell| {
                let range = *at..*at + cell.len();
                *at += cell.len() + 1;
                Some(range)
            })
            .map(|cell| trim(text, cell))
            .filter(|cell| !cell.is_empty())
            .collect();
        line_start += line.len();
        let [short, long] = &cells[..] else { continue };
        let sf = &text[short.clone()];
        let long_text = &text[long.clone()];
        let capitals = sf.chars().filter(|c| c.is_uppercase() || c.is_ascii_digit()).count();
        let first = |s: &str| s.chars().next().map(|c| c.to_lowercase().collect::<String>());
        if is_short_form(sf)
            && capitals >= 2
            && first(sf) == first(long_text)
            && long_text.split_whitespace().any(|w| w.chars().any(char::is_lowercase))
            && initials_cover(sf, long_text)
            && best_long_form(text, short.clone(), long.clone()).is_some()
        {
            found.push(Abbreviation {
                short: short.clone(),
                long: long.clone(),
                form: Form::Listed,
            });
        }
    }
    found
}

/// `long form (SF)` and `SF (long form)`.
fn parenthesized(text: &str) -> Vec<Abbreviation> {
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
                found.push(Abbreviation { short: inside, long, form: Form::LongFirst });
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
                found.push(Abbreviation { short, long, form: Form::ShortFirst });
            }
        }
    }
    found
}

/// The separators of listed definitions, with what may stand around them.
const SEPARATORS: &[&str] = &[" - ", " \u{2013} ", " \u{2014} ", " = ", "=", ": ", ", "];

/// Listed definitions: `SF - long form`, `SF = long form`, `SF: long form`, and `SF, long
/// form` where entries are separated by semicolons (figure legends). The short form starts an
/// entry (the text, a line, a sentence, or an entry after `;` or a wide gap); the long form runs
/// to the end of the entry.
fn listed(text: &str) -> Vec<Abbreviation> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    // Every separator holds one of these bytes: only there is the text looked at (spaces are
    // too many to look at each).
    let marks = memchr::memchr3_iter(b'-', b'=', b':', bytes)
        .chain(memchr::memchr2_iter(b',', 0xE2, bytes));
    for mark in marks {
        // Where the separator starts, found from its mark: ` - `, ` = `, `=`, `: `, `, `,
        // ` – `, ` — `.
        // (`SF : long`: a space before a separator that starts at its mark.)
        let spaced_before = mark > 0 && bytes[mark - 1] == b' ';
        let separator_at = |start: usize| {
            SEPARATORS.iter().find(|s| bytes[start..].starts_with(s.as_bytes())).map(|s| (start, s))
        };
        let spaced = if spaced_before { separator_at(mark - 1) } else { None };
        let Some((at, separator)) = spaced.or_else(|| separator_at(mark)) else {
            continue;
        };
        let Some(short) = entry_start_word(text, at) else { continue };
        let sf = &text[short.clone()];
        let capitals = sf.chars().filter(|c| c.is_uppercase() || c.is_ascii_digit()).count();
        if !is_short_form(sf) || capitals < 2 || sf.contains(char::is_whitespace) {
            continue;
        }
        let long = entry_end(text, at + separator.len());
        let long_text = &text[long.clone()];
        let first = |s: &str| s.chars().next().map(|c| c.to_lowercase().collect::<String>());
        // A long form is words, not a list of other symbols.
        let lower_words =
            long_text.split_whitespace().filter(|w| w.chars().any(char::is_lowercase));
        if long.is_empty()
            || first(sf) != first(long_text)
            || lower_words.count() == 0
            || !initials_cover(sf, long_text)
            || best_long_form(text, short.clone(), long.clone()).is_none()
        {
            continue;
        }
        // A comma separates short and long form only in a list of such entries: the entry
        // ends at a semicolon (or the list at the end of the text or sentence).
        if *separator == ", "
            && !text[long.end..].starts_with([';', '.', '\n', '\0'])
            && long.end != text.len()
        {
            continue;
        }
        found.push(Abbreviation { short, long, form: Form::Listed });
    }
    found
}

/// The word before the separator at `at`, if it starts an entry: the text, a line, a sentence,
/// or an entry after `;`, `:` or a gap of two spaces.
fn entry_start_word(text: &str, at: usize) -> Option<Range<usize>> {
    let before = &text[..at];
    let start = crate::text::after_last(before, |c| c.is_whitespace() || c == '\0' || c == ';');
    let word = start..at;
    if word.is_empty() {
        return None;
    }
    let rest = &text[..start];
    let trimmed = rest.trim_end_matches(' ');
    let gap = rest.len() - trimmed.len();
    let starts_entry = trimmed.is_empty()
        || gap >= 2
        || trimmed.ends_with(['\n', '\0', ';', ':', '.', '('])
        // List and footnote markers.
        || trimmed.ends_with(['*', '-', '\u{2022}', '\u{2020}', '\u{2021}', '\u{a7}']);
    starts_entry.then_some(word)
}

/// Whether more than half of the short form's letters and digits are, in order, initials of
/// the long form's words (split at spaces and hyphens): "ASM" in "anti-seizure medication",
/// "COX" in "cytochrome c oxidase"; not "NOTE" in "nothing to see".
fn initials_cover(short: &str, long: &str) -> bool {
    let mut initials = long
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
        .map(|c| c.to_lowercase().next().unwrap_or(c));
    let letters: Vec<char> = short.chars().filter(|c| c.is_alphanumeric()).collect();
    let mut matched = 0;
    for c in &letters {
        let c = c.to_lowercase().next().unwrap_or(*c);
        if initials.clone().any(|i| i == c) {
            // Advance past the initial that matched.
            for i in initials.by_ref() {
                if i == c {
                    break;
                }
            }
            matched += 1;
        }
    }
    matched * 2 > letters.len()
}

/// The rest of the entry that starts at `from`: up to a semicolon, a comma, a line break, a
/// full stop before a space, a gap of two spaces, or a barrier; at most twelve words.
fn entry_end(text: &str, from: usize) -> Range<usize> {
    let bytes = text.as_bytes();
    let mut end = from;
    let mut words = 0;
    while end < bytes.len() {
        match bytes[end] {
            b';' | b',' | b'\n' | 0 => break,
            b'.' if bytes.get(end + 1).is_none_or(u8::is_ascii_whitespace) => break,
            b' ' if bytes.get(end + 1) == Some(&b' ') => break,
            b' ' => {
                words += 1;
                if words >= 12 {
                    break;
                }
            }
            _ => {}
        }
        end += 1;
    }
    trim(text, from..end)
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
    let mut long = trim(text, candidate.start + start..candidate.end);
    // The shortest match may start at a lone letter: "cytochrome c oxidase (COX)" is all three
    // words, not "c oxidase".
    let lone_letter =
        text[long.clone()].split_whitespace().next().is_some_and(|w| w.chars().count() == 1);
    if lone_letter {
        let before = trim(text, candidate.start..long.start);
        let word = last_words(text, before, 1);
        let initial = |s: &str| s.chars().next().map(|c| c.to_ascii_lowercase());
        if !word.is_empty() && initial(&text[word.clone()]) == initial(&text[long.clone()]) {
            long.start = word.start;
        }
    }
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
        find(text, &[], &[]).into_iter().map(|a| (&text[a.short], &text[a.long])).collect()
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
    fn a_long_form_does_not_start_at_a_lone_letter() {
        assert_eq!(pairs("Cytochrome c oxidase (COX) activity"), [("COX", "Cytochrome c oxidase")]);
    }

    #[test]
    fn takes_the_first_part_of_a_list_in_parentheses() {
        assert_eq!(
            pairs("Leber hereditary optic neuropathy (LHON; MIM 535000)"),
            [("LHON", "Leber hereditary optic neuropathy")]
        );
    }

    #[test]
    fn finds_listed_definitions() {
        assert_eq!(
            pairs(
                "Abbreviations  COX - cytochrome c oxidase  mCPT1 - muscle carnitine palmitoyltransferase 1  UCP - uncoupling protein"
            ),
            [
                ("COX", "cytochrome c oxidase"),
                ("mCPT1", "muscle carnitine palmitoyltransferase 1"),
                ("UCP", "uncoupling protein")
            ]
        );
        assert_eq!(pairs("ASM = anti-seizure medication"), [("ASM", "anti-seizure medication")]);
        assert_eq!(pairs("* ASM=anti-seizure medication"), [("ASM", "anti-seizure medication")]);
        assert_eq!(
            pairs(
                "Abbreviations:\nCCA: Canonical Correlation Analysis\nSNP: single nucleotide polymorphism\n"
            ),
            [("CCA", "Canonical Correlation Analysis"), ("SNP", "single nucleotide polymorphism")]
        );
        assert_eq!(
            pairs("(E). AU, arbitrary unit; ROS, rod outer segment; RIS, rod inner segment."),
            [("AU", "arbitrary unit"), ("ROS", "rod outer segment"), ("RIS", "rod inner segment")]
        );
        assert_eq!(
            pairs("SAC \u{2013} starburst amacrine cell"),
            [("SAC", "starburst amacrine cell")]
        );
    }

    #[test]
    fn prose_is_no_list_of_definitions() {
        // Mid-sentence, or a long form that does not start with the short form's letter, or
        // holds no word of prose.
        assert!(pairs("levels of PINK1 - a kinase - rose").is_empty());
        assert!(pairs("PINK1 - a kinase in mitochondria").is_empty());
        assert!(pairs("In HeLa cells, the protein was high.").is_empty());
        assert!(pairs("TNF, IL-6 and IL-1 rose.").is_empty());
        assert!(pairs("PARK2, parkin, was mutated in the probands.").is_empty());
        assert!(pairs("n = 12 and IC50 = 5 nM").is_empty());
        assert!(pairs("NOTE: nothing to see").is_empty());
    }
}
