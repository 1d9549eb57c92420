//! Finds mtDNA variant descriptions in prose: well-formed HGVS (`m.3243A>G`,
//! `NC_012920.1(MT-TL1):m.3243A>G`), malformed descriptions (`m.3243A > G`, `mt.3460G>A`,
//! `NC_012920.1:g.3243A>G`, `m.8993delT`) and legacy shapes (`A3243G`, `3243A>G`,
//! `mtDNA 3243A>G`), each with what is wrong, the offset of the offending character, and the
//! corrected description when there is exactly one.
//!
//! Why not a regular expression: text is only taken for a description when the lenient
//! grammar of [`super::hgvs`] reads a change in it (`m.3243` or `m. 5` are not variants), and
//! the same grammar says precisely which character is wrong. Legacy shapes are candidates only:
//! `A3243G` may just as well be a protein change, so they are marked [`Found::legacy`] for the
//! caller to confirm with its document context and the reference base. Descriptions in other
//! coordinate systems (`c.123A>G`, `p.Arg123His`, `NM_004006.2:c.76A>G`) are skipped whole.
//!
//! The scan sees every byte of a document, so it walks bytes rather than characters, passes over
//! each run of letters and digits at once, and tries the grammar only at word starts whose first
//! bytes could begin something it reports or skips (`may_be_recognized`): most words of prose
//! (`patients`, `12`, `PINK1`) fail that test at once.

use std::ops::Range;

use super::hgvs::{
    self, Base, Edit, EditKind, ErrorKind, Location, MT_LENGTH, Mode, Position, Variant,
};

/// A variant description found in text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The whole description as written, e.g. all of `m.8993 T>G` or `NC_012920.1:g.3243A>G`.
    pub span: Range<usize>,
    /// `text[span]`.
    pub written: String,
    /// The variant as written, or as corrected when the correction is unambiguous.
    pub variant: Option<Variant>,
    /// What is wrong, in order of offset; empty for a valid description.
    pub problems: Vec<Problem>,
    /// A legacy shape (`A3243G`, `3243A>G`, `mtDNA 3243A>G`) that may not be an mtDNA variant at
    /// all: the caller confirms it from context and the reference base.
    pub legacy: bool,
}

/// One thing wrong with a description.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub kind: ProblemKind,
    /// Byte offset in [`Found::written`] of the offending character.
    pub offset: usize,
    /// What is wrong and what HGVS writes instead, e.g. "space after the position: HGVS
    /// descriptions contain no spaces".
    pub message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// Not valid HGVS: spaces, arrows, prefixes, case, ranges, the shape of a change.
    Syntax,
    /// A legacy shape such as `A3243G`.
    Legacy,
    /// `g.`, `c.` or `o.` (or none) with NC_012920.1, whose coordinate system is `m.`.
    CoordinateSystem,
    /// Bases or a count that HGVS leaves out: `m.8993delT`, `m.3243del6`.
    RedundantBases,
    /// A position outside 1..=16569.
    PositionOutOfRange,
}

impl Found {
    /// The corrected description (`m.8993T>G` for `m.8993 T>G`), keeping the accession and gene
    /// as the author wrote them; `None` when nothing is wrong or no single correction exists.
    pub fn correction(&self) -> Option<String> {
        if self.problems.is_empty() {
            return None;
        }
        self.variant.as_ref().map(Variant::to_string)
    }
}

/// Every mtDNA variant description (well-formed, malformed or legacy) in `text`, left to right,
/// without overlaps.
pub fn scan(text: &str) -> Vec<Found> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        // Every description (and every other coordinate system skipped whole) starts with an
        // ASCII letter or digit, so other bytes, including the inner bytes of multi-byte
        // characters, are passed over without decoding.
        if !ALPHANUMERIC[usize::from(bytes[at])] {
            at += 1;
            continue;
        }
        // Fast path: `may_be_recognized` rejects most words from their first bytes alone, where
        // `recognize` would find nothing.
        let may_start = (at == 0 || !ALPHANUMERIC[usize::from(bytes[at - 1])])
            && may_be_recognized(&bytes[at..])
            && starts_word(text, at);
        if may_start {
            match recognize(text, at) {
                Recognized::Description(description) => {
                    at = description.span.end.max(at + 1);
                    found.push(description);
                    continue;
                }
                Recognized::Other(end) => {
                    at = end.max(at + 1);
                    continue;
                }
                Recognized::Nothing => {}
            }
        }
        // Fast path: nothing starts inside a run of ASCII letters and digits (each byte follows
        // an alphanumeric one), so the rest of the run is skipped whole.
        at += 1;
        while at < bytes.len() && ALPHANUMERIC[usize::from(bytes[at])] {
            at += 1;
        }
    }
    found
}

/// `u8::is_ascii_alphanumeric` as a table: one load per byte in the loops above, which see
/// every byte of the text.
const ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = (byte as u8).is_ascii_alphanumeric();
        byte += 1;
    }
    table
};

/// A cheap test on the text from the start of a word (`word[0]` is an ASCII letter or digit):
/// false when [`recognize`] would certainly find nothing there, which is so for most words of
/// prose. Each arm asks for what the branches of `recognize` need before they can succeed.
fn may_be_recognized(word: &[u8]) -> bool {
    let second = word.get(1).copied().unwrap_or(0);
    // `NC_012920…`, and the accessions that are skipped whole (`NM_…`, `LRG_…`).
    let accession = || {
        let capitals = word.iter().take_while(|b| b.is_ascii_uppercase()).count();
        (2..=3).contains(&capitals) && word.get(capitals) == Some(&b'_')
    };
    match word[0] {
        // `m.`, `m3243`, `mt.`, `mtDNA 3243A>G`, `M.`, `MT.`.
        b'm' => matches!(second, b'.' | b'0'..=b'9' | b't' | b'T'),
        b'M' => matches!(second, b'.' | b'0'..=b'9' | b't' | b'T') || accession(),
        // A legacy `3243A>G`.
        b'0'..=b'9' => base_follows_position(word),
        // A legacy `A3243G`.
        b'A' | b'C' | b'G' | b'T' => second.is_ascii_digit() || accession(),
        b'A'..=b'Z' => accession(),
        // `c.`, `g.`, `n.`, `o.`, `p.` and `r.` descriptions, skipped whole.
        b'c' | b'g' | b'n' | b'o' | b'p' | b'r' => second == b'.',
        _ => false,
    }
}

/// Whether the number at the start of `word` is followed by what a legacy substitution
/// (`3243A>G`, `3243 A>G`) needs next: one ASCII letter, not followed by another letter
/// (`12 patients`, `3 days` are no change). Spaces before it are skipped, as the lenient
/// grammar does; a non-ASCII character, which may be a space too, leaves it undecided (true).
fn base_follows_position(word: &[u8]) -> bool {
    let digits = word.iter().take_while(|b| b.is_ascii_digit()).count();
    let mut at = digits;
    while word.get(at).is_some_and(|&b| b.is_ascii() && char::from(b).is_whitespace()) {
        at += 1;
    }
    match word.get(at) {
        Some(b) if !b.is_ascii() => true,
        Some(b) if b.is_ascii_alphabetic() => {
            !word.get(at + 1).is_some_and(u8::is_ascii_alphabetic)
        }
        _ => false,
    }
}

enum Recognized {
    Description(Found),
    /// Text to skip whole, up to here: a description in another coordinate system or on
    /// another reference, or an `m.` token that is no description we report.
    Other(usize),
    Nothing,
}

fn recognize(text: &str, start: usize) -> Recognized {
    let rest = &text[start..];
    let found = match rest.as_bytes()[0] {
        b'N' if rest.starts_with("NC_012920") => with_accession(text, start),
        b'm' | b'M' => with_mtdna_word(text, start).or_else(|| with_prefix(text, start)),
        b'A' | b'C' | b'G' | b'T' => legacy_letters(text, start, start),
        b'0'..=b'9' => legacy_position(text, start, start),
        _ => None,
    };
    match found {
        Some(description) => Recognized::Description(description),
        // Not a description we report (another coordinate system, a construct the grammar does
        // not cover, `m.` without a change): skip it whole, so that nothing inside it is taken
        // for a legacy shape.
        None if is_other_description(rest) || mito_prefix(rest).is_some() => {
            Recognized::Other(token_end(text, start))
        }
        None => Recognized::Nothing,
    }
}

/// `c.`, `g.`, `n.`, `o.`, `p.` or `r.` descriptions, and accession-prefixed ones
/// (`NM_004006.2:c.76A>G`, `LRG_199t1:...`, an NC_012920.1 description not in `m.`).
fn is_other_description(rest: &str) -> bool {
    let bytes = rest.as_bytes();
    let coordinate = bytes.len() >= 2 && b"cgnopr".contains(&bytes[0]) && bytes[1] == b'.';
    let letters = bytes.iter().take_while(|b| b.is_ascii_uppercase()).count();
    let accession = (2..=3).contains(&letters) && bytes.get(letters) == Some(&b'_');
    coordinate || accession
}

/// What a description starts with, before its body (the part after `m.`).
struct Head {
    start: usize,
    body: usize,
    accession: bool,
    gene: Option<String>,
    problems: Vec<Problem>,
}

/// `NC_012920.1:m.3243A>G`, `NC_012920.1(MT-TL1):m.…`, and the wrong coordinate systems
/// `NC_012920.1:g.…`, `:c.…`, `:o.…`, `:3243A>G`.
fn with_accession(text: &str, start: usize) -> Option<Found> {
    let mut at = start + "NC_012920".len();
    let mut problems = Vec::new();
    if text[at..].starts_with(".1") && !text[at + 2..].starts_with(|c: char| c.is_ascii_digit()) {
        at += 2;
    } else if text[at..].starts_with([':', '(']) {
        problems.push(problem(
            ProblemKind::Syntax,
            at - start,
            "the reference sequence lacks its version: NC_012920.1",
        ));
    } else {
        return None;
    }
    let mut gene = None;
    if let Some(inner) = text[at..].strip_prefix('(') {
        let len = hgvs::gene_symbol_len(inner);
        if len == 0 || !inner[len..].starts_with(')') {
            return None;
        }
        gene = Some(inner[..len].to_owned());
        at += len + 2;
    }
    at += text[at..].strip_prefix(':').map(|_| 1)?;
    let after = text[at..].trim_start();
    if after.len() < text.len() - at && after.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        problems.push(problem(
            ProblemKind::Syntax,
            at - start,
            "space after ':': HGVS descriptions contain no spaces",
        ));
        at = text.len() - after.len();
    }
    let rest = &text[at..];
    let body = if rest.starts_with("m.") {
        at + 2
    } else if let Some(system) =
        ["g.", "o.", "c."].into_iter().find(|system| rest.starts_with(system))
    {
        if system == "c." && gene.is_some() {
            // A gene's own coding numbering: not m. positions, so nothing to correct.
            return None;
        }
        let message = format!(
            "NC_012920.1 is the mitochondrial genome: its positions are written 'm.', not '{system}'"
        );
        problems.push(problem(ProblemKind::CoordinateSystem, at - start, &message));
        at + 2
    } else if let Some((len, wrong)) = mito_prefix(rest) {
        problems.extend(
            wrong.map(|(offset, message)| {
                problem(ProblemKind::Syntax, at - start + offset, &message)
            }),
        );
        at + len
    } else if rest.starts_with(|c: char| c.is_ascii_digit()) {
        problems.push(problem(
            ProblemKind::CoordinateSystem,
            at - start,
            "the coordinate system is missing: write 'm.' before the position",
        ));
        at
    } else {
        return None;
    };
    finish(text, Head { start, body, accession: true, gene, problems })
}

/// `m.3243A>G`, and the wrong prefixes `mt.`, `M.`, `m3243A>G`.
fn with_prefix(text: &str, start: usize) -> Option<Found> {
    let (len, wrong) = mito_prefix(&text[start..])?;
    // `m3243A>G` lacks only its full stop; `M6P/IGF2R` is a gene, not a description with a
    // missing full stop and three more slips. Without the full stop, nothing else may be wrong.
    let no_full_stop = wrong.is_some() && !text[start..start + len].ends_with('.');
    let problems = wrong
        .map(|(offset, message)| problem(ProblemKind::Syntax, offset, &message))
        .into_iter()
        .collect();
    let found =
        finish(text, Head { start, body: start + len, accession: false, gene: None, problems })?;
    (!no_full_stop || found.problems.len() == 1).then_some(found)
}

/// The length of the `m.` prefix at the start of `rest`, and what is wrong with it (offset of
/// the first character that differs from `m.`, message) when it is `mt.`, `M.`, `MT.` or lacks
/// the full stop.
fn mito_prefix(rest: &str) -> Option<(usize, Option<(usize, String)>)> {
    let bytes = rest.as_bytes();
    let capital = match bytes.first()? {
        b'm' => false,
        b'M' => true,
        _ => return None,
    };
    let letters = if bytes.get(1).is_some_and(|b| b.eq_ignore_ascii_case(&b't')) { 2 } else { 1 };
    let wrong_at = if capital { 0 } else { 1 };
    match bytes.get(letters)? {
        b'.' if letters == 1 && !capital => Some((2, None)),
        b'.' => {
            let written = &rest[..=letters];
            let message = format!(
                "'{written}' is not an HGVS prefix: mitochondrial DNA descriptions start with 'm.'"
            );
            Some((letters + 1, Some((wrong_at, message))))
        }
        b'0'..=b'9' => {
            let written = &rest[..letters];
            let message = format!(
                "'{written}' without a full stop: mitochondrial DNA descriptions start with 'm.'"
            );
            Some((letters, Some((wrong_at, message))))
        }
        _ => None,
    }
}

/// `mtDNA 3243A>G` and `mtDNA A3243G`: legacy shapes after the word.
fn with_mtdna_word(text: &str, start: usize) -> Option<Found> {
    let after = start + text[start..].strip_prefix("mtDNA").map(|_| "mtDNA".len())?;
    let gap = text[after..].len() - text[after..].trim_start().len();
    if gap == 0 {
        return None;
    }
    legacy_position(text, start, after + gap).or_else(|| legacy_letters(text, start, after + gap))
}

/// `A3243G` at `at` (reference base, position, a different base); the description spans from
/// `start`.
fn legacy_letters(text: &str, start: usize, at: usize) -> Option<Found> {
    let bytes = text.as_bytes();
    let reference = definite_base(*bytes.get(at)?)?;
    let digits = bytes[at + 1..].iter().take_while(|b| b.is_ascii_digit()).count();
    if !(1..=5).contains(&digits) || bytes[at + 1] == b'0' {
        return None;
    }
    let position: u32 = text[at + 1..at + 1 + digits].parse().ok()?;
    let end = at + digits + 2;
    let alternative = definite_base(*bytes.get(end - 1)?)?;
    if alternative == reference || position > MT_LENGTH || !ends_word(text, end) {
        return None;
    }
    let edit = Edit {
        location: Location { start: Position::Exact(position), end: None },
        kind: EditKind::Substitution { reference, alternative },
        stated_reference: None,
    };
    let variant = Variant { accession: false, gene: None, edits: vec![edit], bracketed: false };
    Some(legacy(text, start..end, variant, Vec::new()))
}

/// `3243A>G` (also `3243A/G`, `3243A→G`) at `at`, a substitution without a prefix; the
/// description spans from `start`.
fn legacy_position(text: &str, start: usize, at: usize) -> Option<Found> {
    let parsed = hgvs::parse_body(text, at, Mode::Lenient);
    let (edits, bracketed) = parsed.result.ok()?;
    let [edit] = edits.as_slice() else {
        return None;
    };
    let substitution = match (&edit.kind, edit.location.end) {
        (EditKind::Substitution { reference, alternative }, None) => {
            reference.is_definite() && alternative.is_definite()
        }
        _ => false,
    };
    if !substitution || bracketed || !ends_word(text, parsed.end) {
        return None;
    }
    let problems = deviations(&parsed.deviations, start);
    let variant = Variant { accession: false, gene: None, edits, bracketed };
    Some(legacy(text, start..parsed.end, variant, problems))
}

fn legacy(text: &str, span: Range<usize>, variant: Variant, mut problems: Vec<Problem>) -> Found {
    let written = text[span.clone()].to_owned();
    let message = format!("legacy notation '{written}': the HGVS description is {variant}");
    problems.insert(0, problem(ProblemKind::Legacy, 0, &message));
    problems.sort_by_key(|p| p.offset);
    Found { span, written, variant: Some(variant), problems, legacy: true }
}

/// Parses the body after `head` and reports the description, unless the text is no variant
/// description after all (no change written, a word goes on, or a construct we do not cover).
fn finish(text: &str, head: Head) -> Option<Found> {
    let parsed = hgvs::parse_body(text, head.body, Mode::Lenient);
    let mut problems = head.problems;
    problems.extend(deviations(&parsed.deviations, head.start));
    let (end, variant) = match parsed.result {
        Ok((edits, bracketed)) => {
            if !ends_word(text, parsed.end) {
                return None;
            }
            (
                parsed.end,
                Some(Variant { accession: head.accession, gene: head.gene, edits, bracketed }),
            )
        }
        Err(error) => {
            if error.kind == ErrorKind::Unsupported || !parsed.has_edit {
                return None;
            }
            let end = if parsed.complete {
                if !ends_word(text, parsed.end) {
                    return None;
                }
                parsed.end
            } else {
                if inside_word(text, error.offset) {
                    return None;
                }
                token_end(text, parsed.end)
            };
            let kind = match error.kind {
                ErrorKind::PositionOutOfRange => ProblemKind::PositionOutOfRange,
                _ => ProblemKind::Syntax,
            };
            problems.push(problem(kind, error.offset - head.start, &error.message));
            (end, None)
        }
    };
    problems.sort_by_key(|p| p.offset);
    let span = head.start..end;
    Some(Found { written: text[span.clone()].to_owned(), span, variant, problems, legacy: false })
}

fn deviations(deviations: &[hgvs::Deviation], start: usize) -> Vec<Problem> {
    deviations
        .iter()
        .map(|d| {
            let kind = if d.redundant { ProblemKind::RedundantBases } else { ProblemKind::Syntax };
            problem(kind, d.offset - start, &d.message)
        })
        .collect()
}

fn problem(kind: ProblemKind, offset: usize, message: &str) -> Problem {
    Problem { kind, offset, message: message.to_owned() }
}

fn definite_base(byte: u8) -> Option<Base> {
    Base::from_char(char::from(byte)).filter(|base| base.is_definite())
}

/// Whether a description may start at `at`: not inside a word, a number or another description.
fn starts_word(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !(c.is_alphanumeric() || "_.:-–+>=<^|\\@#&~".contains(c)))
}

/// Whether a description may end at `end`: no word goes on (`m.3243A>Gx`), no number
/// (`m.3243A>G-5`), and no HGVS construct that we do not cover (`m.3243A>G(;)…`).
fn ends_word(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let mut chars = rest.chars();
    match chars.next() {
        None => true,
        Some(c) if c.is_alphanumeric() || matches!(c, '_' | '>' | '=') => false,
        Some('-' | '–' | '.') => !chars.next().is_some_and(|c| c.is_ascii_digit()),
        Some(_) => hgvs::unsupported_tail(rest).is_none(),
    }
}

/// Whether `at` is inside a word (`m.5132_5133insertion` is prose, not a broken description).
fn inside_word(text: &str, at: usize) -> bool {
    let here = text[at..].chars().next().is_some_and(char::is_alphabetic);
    here && text[..at].chars().next_back().is_some_and(char::is_alphabetic)
}

/// The end of the whitespace-delimited token from `from`, less trailing punctuation.
fn token_end(text: &str, from: usize) -> usize {
    let rest = &text[from..];
    let len = rest.find(|c: char| c.is_whitespace() || c == '\0').unwrap_or(rest.len());
    from + rest[..len].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '\'', '"']).len()
}

#[cfg(test)]
mod tests {
    use super::ProblemKind::*;
    use super::*;
    use crate::variant::hgvs::parse;
    use crate::variant::testing::{Rng, valid_description};

    /// The one description in `text`, which must be all of it.
    fn only(text: &str) -> Found {
        let found = scan(text);
        assert_eq!(found.len(), 1, "{text:?}: {found:#?}");
        assert_eq!(found[0].span, 0..text.len(), "{text:?}");
        found[0].clone()
    }

    /// As written; each problem's kind and offset; the correction.
    type Case = (&'static str, &'static [(ProblemKind, usize)], Option<&'static str>);

    /// Malformed and legacy forms: what is wrong (kind, offset in the description), and the
    /// correction.
    const MALFORMED: &[Case] = &[
        ("m.8993 T>G", &[(Syntax, 6)], Some("m.8993T>G")),
        ("m.3243A > G", &[(Syntax, 7), (Syntax, 9)], Some("m.3243A>G")),
        ("m.3243A→G", &[(Syntax, 7)], Some("m.3243A>G")),
        ("m.3243A->G", &[(Syntax, 7)], Some("m.3243A>G")),
        ("m.3243A/G", &[(Syntax, 7)], Some("m.3243A>G")),
        ("mt.3460G>A", &[(Syntax, 1)], Some("m.3460G>A")),
        ("M.3460G>A", &[(Syntax, 0)], Some("m.3460G>A")),
        ("MT.3460G>A", &[(Syntax, 0)], Some("m.3460G>A")),
        ("m3243A>G", &[(Syntax, 1)], Some("m.3243A>G")),
        ("m. 3243A>G", &[(Syntax, 2)], Some("m.3243A>G")),
        ("m.3243a>g", &[(Syntax, 6), (Syntax, 8)], Some("m.3243A>G")),
        ("m.5132_5133insaa", &[(Syntax, 14)], Some("m.5132_5133insAA")),
        ("m.8993DEL", &[(Syntax, 6)], Some("m.8993del")),
        ("m.8993-8995del", &[(Syntax, 6)], Some("m.8993_8995del")),
        ("m.8993–8995del", &[(Syntax, 6)], Some("m.8993_8995del")),
        ("m.123^124insG", &[(Syntax, 5)], Some("m.123_124insG")),
        ("m.123_123del", &[(Syntax, 6)], Some("m.123del")),
        ("m.3243A>A", &[(Syntax, 7)], Some("m.3243=")),
        ("m.[3243A>G; 8993T>G]", &[(Syntax, 11)], Some("m.[3243A>G;8993T>G]")),
        ("m.5132insAA", &[(Syntax, 6)], None),
        ("m.3243_3244A>G", &[(Syntax, 6)], None),
        ("m.3243inv", &[(Syntax, 6)], None),
        ("m.5132_5140insA", &[(Syntax, 7)], None),
        ("m.5132_5133ins6", &[(Syntax, 14)], None),
        ("m.3243AG>TT", &[(Syntax, 6)], None),
        ("m.[3243A>G;3244G>A]", &[(Syntax, 11)], None),
        ("m.3243A>>G", &[(Syntax, 8)], None),
        ("m.3107N>A", &[(Syntax, 6)], None),
        ("m.16569_1insA", &[(Syntax, 8)], None),
        ("m.16563_13inv", &[(Syntax, 8)], None),
        ("m.5132 insAA", &[(Syntax, 6), (Syntax, 7)], None),
        ("NC_012920:m.3243A>G", &[(Syntax, 9)], Some("NC_012920.1:m.3243A>G")),
        ("NC_012920.1: m.3243A>G", &[(Syntax, 12)], Some("NC_012920.1:m.3243A>G")),
        ("NC_012920.1:mt.3243A>G", &[(Syntax, 13)], Some("NC_012920.1:m.3243A>G")),
        ("A3243G", &[(Legacy, 0)], Some("m.3243A>G")),
        ("T8993G", &[(Legacy, 0)], Some("m.8993T>G")),
        ("G11778A", &[(Legacy, 0)], Some("m.11778G>A")),
        ("3243A>G", &[(Legacy, 0)], Some("m.3243A>G")),
        ("3243A/G", &[(Legacy, 0), (Syntax, 5)], Some("m.3243A>G")),
        ("3243A→G", &[(Legacy, 0), (Syntax, 5)], Some("m.3243A>G")),
        ("mtDNA 3243A>G", &[(Legacy, 0)], Some("m.3243A>G")),
        ("mtDNA A3243G", &[(Legacy, 0)], Some("m.3243A>G")),
        ("NC_012920.1:g.3243A>G", &[(CoordinateSystem, 12)], Some("NC_012920.1:m.3243A>G")),
        ("NC_012920.1:c.3243A>G", &[(CoordinateSystem, 12)], Some("NC_012920.1:m.3243A>G")),
        ("NC_012920.1:o.16563_13del", &[(CoordinateSystem, 12)], Some("NC_012920.1:m.16563_13del")),
        (
            "NC_012920.1(MT-TL1):g.3243A>G",
            &[(CoordinateSystem, 20)],
            Some("NC_012920.1(MT-TL1):m.3243A>G"),
        ),
        ("NC_012920.1:3243A>G", &[(CoordinateSystem, 12)], Some("NC_012920.1:m.3243A>G")),
        ("m.8993delT", &[(RedundantBases, 9)], Some("m.8993del")),
        ("m.8993delt", &[(RedundantBases, 9)], Some("m.8993del")),
        ("m.3271dupT", &[(RedundantBases, 9)], Some("m.3271dup")),
        ("m.8993_8995delTAG", &[(RedundantBases, 14)], Some("m.8993_8995del")),
        ("m.3243del6", &[(RedundantBases, 9)], Some("m.3243_3248del")),
        ("m.3243_3248del6", &[(RedundantBases, 14)], Some("m.3243_3248del")),
        ("m.8993delTinsGA", &[(RedundantBases, 9)], Some("m.8993delinsGA")),
        ("m.3271dup6", &[(Syntax, 9)], None),
        ("m.3243_3248del5", &[(Syntax, 14)], None),
        ("m.17001A>G", &[(PositionOutOfRange, 2)], None),
        ("m.0A>G", &[(PositionOutOfRange, 2)], None),
        ("m.16560del20", &[(RedundantBases, 10), (PositionOutOfRange, 10)], None),
        ("NC_012920.1:g.17001A>G", &[(CoordinateSystem, 12), (PositionOutOfRange, 14)], None),
    ];

    #[test]
    fn malformed_forms_say_what_is_wrong_where() {
        for &(text, expected, correction) in MALFORMED {
            let found = only(text);
            let problems: Vec<(ProblemKind, usize)> =
                found.problems.iter().map(|p| (p.kind, p.offset)).collect();
            assert_eq!(problems, expected, "{text}: {:#?}", found.problems);
            assert_eq!(found.correction().as_deref(), correction, "{text}");
            assert_eq!(found.variant.is_some(), correction.is_some(), "{text}");
            assert_eq!(found.legacy, expected.iter().any(|(kind, _)| *kind == Legacy), "{text}");
            assert!(found.problems.iter().all(|p| !p.message.is_empty()));
        }
    }

    #[test]
    fn corrections_scan_as_valid_descriptions() {
        for &(text, _, correction) in MALFORMED {
            let Some(correction) = correction else {
                continue;
            };
            assert_corrected(&only(text), correction);
        }
    }

    fn assert_corrected(found: &Found, correction: &str) {
        let again = only(correction);
        assert!(again.problems.is_empty() && !again.legacy, "{correction}: {:?}", again.problems);
        let mut expected = found.variant.clone().unwrap();
        expected.edits.iter_mut().for_each(|edit| edit.stated_reference = None);
        assert_eq!(again.variant.as_ref(), Some(&expected), "{correction}");
        assert_eq!(parse(correction).as_ref(), Ok(&expected), "{correction}");
    }

    #[test]
    fn redundant_bases_are_kept_for_the_reference_check() {
        let stated = |text: &str| only(text).variant.unwrap().edits[0].stated_reference.clone();
        assert_eq!(stated("m.8993delT").as_deref(), Some("T"));
        assert_eq!(stated("m.8993_8995delgat").as_deref(), Some("GAT"));
        assert_eq!(stated("m.8993delTinsGA").as_deref(), Some("T"));
        assert_eq!(stated("m.3243A>A").as_deref(), Some("A"));
        assert_eq!(stated("m.3243del6"), None);
    }

    #[test]
    fn valid_descriptions_have_no_problems() {
        for text in [
            "m.3243A>G",
            "NC_012920.1:m.3243A>G",
            "NC_012920.1(MT-TL1):m.3243A>G",
            "m.8993del",
            "m.8993_8995del",
            "m.3271dup",
            "m.3271_3272dup",
            "m.5132_5133insAA",
            "m.7445_7446delinsAA",
            "m.8993delinsGA",
            "m.3902_3908inv",
            "m.15366=",
            "m.(100_150)del",
            "m.(100_150)_(200_250)del",
            "m.[3243A>G;8993T>G]",
            "NC_012920.1:m.16563_13del",
            "m.16569_1del",
        ] {
            let found = only(text);
            assert!(found.problems.is_empty() && !found.legacy, "{text}: {:?}", found.problems);
            assert_eq!(found.variant.as_ref().map(Variant::to_string).as_deref(), Some(text));
            assert_eq!(found.correction(), None);
        }
    }

    #[test]
    fn descriptions_are_found_between_word_boundaries() {
        let spans = |text: &str| scan(text).into_iter().map(|f| f.written).collect::<Vec<_>>();
        let text = "(m.3243A>G) *m.3243A>G* m.3243A>G. m.3243A>G, m.3243A>G-related \"m.3243A>G\" m.3243A>G;";
        assert_eq!(spans(text), vec!["m.3243A>G"; 7]);
        assert_eq!(
            spans("xm.3243A>G m.3243A>Gx m.3243A>G5 m.3243A>G_1 m.3243A>G-5 Am.3243A>G"),
            Vec::<String>::new()
        );
        assert_eq!(spans("MELAS/m.3243A>G/MELAS"), vec!["m.3243A>G"]);
        assert_eq!(spans("the mtDNA m.3243A>G variant"), vec!["m.3243A>G"]);
        assert_eq!(spans("m.3243A>G\0m.8993T>G"), vec!["m.3243A>G", "m.8993T>G"]);
        assert_eq!(spans("in m.[3243A>G; 8993T>G], with"), vec!["m.[3243A>G; 8993T>G]"]);
        assert_eq!(spans("(A3243G), T8993G; 3243A>G."), vec!["A3243G", "T8993G", "3243A>G"]);
        assert_eq!(spans("a broken m.3243A>>G, then m.8993T>G"), vec!["m.3243A>>G", "m.8993T>G"]);
    }

    #[test]
    fn other_things_are_not_variants() {
        for text in [
            "p.Arg123His",
            "p.(Arg123His)",
            "R123H",
            "p.R123H",
            "Arg123His",
            "c.123A>G",
            "c.(76A>G)",
            "c.[76A>C;83G>C]",
            "g.3243A>G",
            "NM_004006.2:c.3243A>G",
            "NM_004006.2:c.[2376G>C];[3103del]",
            "LRG_199t1:c.79_80delinsTT",
            "NC_000023.11:g.33344591del",
            "NC_012920.1(MT-TL1):n.14A>G",
            "NC_012920.1(MT-ND1):p.(Ala52Thr)",
            "NC_012920.1(MT-ND1):c.157G>A",
            "YP_003024026.1:p.(Ala52Thr)",
            "rs199476118",
            "rs199476118 T>C",
            "doi:10.1038/gim.2017.107",
            "https://doi.org/10.1038/gim.2017.107",
            "2017",
            "on 12 March 2017,",
            "Fig. 3A",
            "Figure 3A>B",
            "m. 5",
            "5 m. 3",
            "m.3243",
            "the m.3243 site",
            "the m.3243A allele",
            "m.3243_3245",
            "m.5132_5133insertion",
            "m.3243 deletion",
            "A549 cells",
            "T47D",
            "H1299",
            "U2OS",
            "G418",
            "C57BL/6",
            "M6P/IGF2R",
            "the M6P receptor",
            "A3243A",
            "A20000G",
            "A03243G",
            "35delG",
            "16S rRNA",
            "et al.",
            "p. 123",
            "pp. 12-34",
            "n = 12",
            "m.303_315C[9]",
            "m.3243A>G(;)8993T>G",
            "m.[3243A>G];[3243=]",
            "m.85=/T>C",
            "T8993G/C",
            "m.8993T>G/C",
            "m.(?_100)_(200_?)del",
            "m.(3243A>G)",
            "5 µm.",
            "5µm.3",
            "NC_012920.1",
            "NC_012920.1 is the rCRS",
            "NC_012920.2:m.3243A>G",
        ] {
            assert_eq!(scan(text), Vec::new(), "{text}");
        }
    }

    #[test]
    fn legacy_shapes_need_a_change_between_bases() {
        for text in ["A3243G", "C677T", "T8993C", "A1555G", "G16569A", "A1G"] {
            assert!(only(text).legacy, "{text}");
        }
        for text in
            ["A3243", "3243G", "A3243N", "N3243G", "a3243g", "A3243GG", "AA3243G", "A17000G"]
        {
            assert_eq!(scan(text), Vec::new(), "{text}");
        }
    }

    /// Characters that make up descriptions and their slips, and some that do not.
    const FUZZ_ALPHABET: &str =
        "mMtDNA.NC_012920.1(MT-TL1):gco[]();_-–^ˆ>→⟶/=?|*+ ACGTNacgtRdelinsupv0123456789\0é\u{a0}µ";

    fn check_invariants(text: &str) {
        let found = scan(text);
        let mut end = 0;
        for f in &found {
            assert!(f.span.start >= end && f.span.start < f.span.end, "{text:?}: {found:#?}");
            assert!(
                text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end),
                "{text:?}"
            );
            assert_eq!(f.written, text[f.span.clone()], "{text:?}");
            assert!(f.problems.windows(2).all(|w| w[0].offset <= w[1].offset), "{text:?}");
            for p in &f.problems {
                assert!(
                    p.offset <= f.written.len() && f.written.is_char_boundary(p.offset),
                    "{text:?}: {p:?}"
                );
            }
            if let Some(correction) = f.correction() {
                assert_corrected(f, &correction);
            }
            if f.problems.is_empty() {
                let variant = f.variant.as_ref().expect("a valid description has a variant");
                assert_eq!(parse(&f.written).as_ref(), Ok(variant), "{text:?}");
            }
            end = f.span.end;
        }
        let _ = parse(text);
    }

    #[test]
    fn arbitrary_text_keeps_the_invariants() {
        let mut rng = Rng::new(11);
        let alphabet: Vec<char> = FUZZ_ALPHABET.chars().collect();
        for _ in 0..20_000 {
            let len = rng.below(40);
            let text: String = (0..len).map(|_| *rng.pick(&alphabet)).collect();
            check_invariants(&text);
        }
    }

    #[test]
    fn mutated_descriptions_keep_the_invariants() {
        let mut rng = Rng::new(12);
        let alphabet: Vec<char> = FUZZ_ALPHABET.chars().collect();
        for _ in 0..20_000 {
            let mut chars: Vec<char> = valid_description(&mut rng).chars().collect();
            for _ in 0..1 + rng.below(3) {
                let at = rng.below(chars.len() as u32 + 1) as usize;
                match rng.below(3) {
                    0 => chars.insert(at, *rng.pick(&alphabet)),
                    1 if at < chars.len() => drop(chars.remove(at)),
                    _ if at < chars.len() => chars[at] = *rng.pick(&alphabet),
                    _ => {}
                }
            }
            let text: String = chars.into_iter().collect();
            check_invariants(&format!("In {text}, and"));
        }
    }

    #[test]
    fn generated_descriptions_are_found_in_prose() {
        let mut rng = Rng::new(13);
        for _ in 0..5_000 {
            let description = valid_description(&mut rng);
            let text = format!("Patients carried {description}, as reported (see {description}).");
            let found = scan(&text);
            assert_eq!(found.len(), 2, "{text}");
            for f in found {
                assert_eq!(f.written, description);
                assert!(f.problems.is_empty() && !f.legacy, "{text}: {:?}", f.problems);
            }
        }
    }

    #[test]
    fn long_inputs_take_linear_time() {
        let inputs = [
            "m.1".repeat(50_000),
            format!("m.[{}", "1del;".repeat(50_000)),
            format!("m.1_2ins{}", "A".repeat(200_000)),
            "A3243".repeat(50_000),
            "3243A>".repeat(50_000),
            "NC_012920.1:".repeat(20_000),
            "m.3243A>G ".repeat(20_000),
            "(".repeat(100_000),
            "1".repeat(200_000),
            format!(
                "m.[{}]",
                (1..16_000).step_by(3).map(|p| format!("{p}del")).collect::<Vec<_>>().join(";")
            ),
        ];
        // Linear time is what keeps this test short; a quadratic scan would hang it.
        for text in &inputs {
            check_invariants(text);
        }
    }
}
