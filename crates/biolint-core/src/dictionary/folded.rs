//! The folded view of a document's prose that the dictionary trie is searched in.
//!
//! Folding (see `dictionary::keys`) changes lengths (runs of spaces collapse, `α` becomes
//! `alpha`), so the folded text keeps the way back to the offset of the character each byte came
//! from: as runs, since most bytes fold to one byte each and their offsets count up one by one
//! (a per-byte table took four bytes of memory per byte of text). Bytes of
//! the document that are not prose become a barrier byte (`\0`), which no term contains, so no
//! match can cross code, math or a citation.

use super::keys::{Folded, fold_char};

/// Marks non-prose in the masked text and in the folded view.
pub const BARRIER: u8 = 0;

/// The bytes that fold to themselves, lowercased: ASCII but for separators (whitespace and the
/// hyphen, which fold to one space between words) and the barrier.
const COPIED: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 1;
    while b < 0x80 {
        table[b] = b != b'-' as usize && !(b as u8).is_ascii_whitespace();
        b += 1;
    }
    table
};

/// The end of the run that starts with the copied byte at `at`: copied bytes, and single spaces
/// between them (a space before another separator, a barrier or the end of the text folds
/// otherwise).
fn copied_run_end(input: &[u8], at: usize) -> usize {
    let mut end = at + 1;
    while let Some(&b) = input.get(end) {
        if COPIED[usize::from(b)] {
            end += 1;
        } else if b == b' ' && input.get(end + 1).is_some_and(|&next| COPIED[usize::from(next)]) {
            end += 2;
        } else {
            break;
        }
    }
    end
}

pub struct FoldedText {
    pub bytes: Vec<u8>,
    /// Where the folded bytes came from, in order of `Run::folded`.
    runs: Vec<Run>,
}

/// Folded bytes from `folded` on (up to the next run) that came from the document's offsets
/// counting up from `origin` (`steps`), or all from the character at `origin` (`α` folded to
/// `alpha`).
#[derive(Clone, Copy, Debug)]
struct Run {
    folded: u32,
    origin: u32,
    steps: bool,
}

/// Builds the runs, merging each piece into the run before it where the offsets go on counting.
#[derive(Default)]
struct Runs(Vec<Run>);

impl Runs {
    /// Folded bytes from `folded` on, `length` of them, came from `origin` (`steps`: counting up).
    fn push(&mut self, folded: usize, origin: usize, length: usize, steps: bool) {
        let (folded, origin) = (folded as u32, origin as u32);
        if let Some(last) = self.0.last()
            && last.steps
            && last.origin + (folded - last.folded) == origin
            && (steps || length == 1)
        {
            return;
        }
        self.0.push(Run { folded, origin, steps: steps || length == 1 });
    }
}

impl FoldedText {
    /// Folds `masked` (the document with non-prose bytes replaced; see `crate::recognize`).
    pub fn new(masked: &str) -> FoldedText {
        let input = masked.as_bytes();
        let mut bytes = Vec::with_capacity(input.len());
        let mut runs = Runs::default();
        let mut pending_space: Option<usize> = None;
        let mut at = 0;
        while at < input.len() {
            let b = input[at];
            // Most of any text is a run of ASCII letters, digits and punctuation with single
            // spaces between words, which folds byte for byte: lowercased, each byte from its
            // own offset. Such a run is copied whole.
            if COPIED[usize::from(b)] {
                if let Some(space_at) = pending_space.take()
                    && !bytes.is_empty()
                    && bytes.last() != Some(&BARRIER)
                {
                    runs.push(bytes.len(), space_at, 1, true);
                    bytes.push(b' ');
                }
                let end = copied_run_end(input, at);
                runs.push(bytes.len(), at, end - at, true);
                bytes.extend(input[at..end].iter().map(u8::to_ascii_lowercase));
                at = end;
                continue;
            }
            // What is left of ASCII (separators, the barrier) is folded byte by byte; other
            // characters go through `fold_char`.
            let (piece, len) = if b < 0x80 {
                let piece = match b {
                    BARRIER => None,
                    b'-' => Some(Folded::Space),
                    b if b.is_ascii_whitespace() => Some(Folded::Space),
                    b => Some(Folded::Byte(b.to_ascii_lowercase())),
                };
                (piece, 1)
            } else {
                let c = masked[at..].chars().next().expect("at is a char boundary");
                (Some(fold_char(c, true)), c.len_utf8())
            };
            match piece {
                None => {
                    pending_space = None;
                    if bytes.last() != Some(&BARRIER) {
                        runs.push(bytes.len(), at, 1, true);
                        bytes.push(BARRIER);
                    }
                }
                Some(Folded::Space) => {
                    pending_space.get_or_insert(at);
                }
                Some(piece) => {
                    if let Some(space_at) = pending_space.take()
                        && !bytes.is_empty()
                        && bytes.last() != Some(&BARRIER)
                    {
                        runs.push(bytes.len(), space_at, 1, true);
                        bytes.push(b' ');
                    }
                    match piece {
                        Folded::Byte(b) => {
                            runs.push(bytes.len(), at, 1, true);
                            bytes.push(b);
                        }
                        Folded::Word(word) => {
                            runs.push(bytes.len(), at, word.len(), false);
                            bytes.extend_from_slice(word.as_bytes());
                        }
                        Folded::Keep => {
                            runs.push(bytes.len(), at, len, true);
                            bytes.extend_from_slice(&input[at..at + len]);
                        }
                        Folded::Space => unreachable!("handled above"),
                    }
                }
            }
            at += len;
        }
        FoldedText { bytes, runs: runs.0 }
    }

    /// The way back to the document, for lookups on one thread.
    pub fn origins(&self) -> Origins<'_> {
        Origins { folded: self, last_run: std::cell::Cell::new(0) }
    }
}

/// Looks up where folded bytes came from. Lookups come in text order, so each starts from the
/// run the last one found.
pub struct Origins<'f> {
    folded: &'f FoldedText,
    last_run: std::cell::Cell<usize>,
}

impl Origins<'_> {
    /// The byte offset in the document of the character folded byte `at` came from.
    fn origin(&self, at: usize) -> usize {
        let runs = &self.folded.runs;
        let at = at as u32;
        let contains =
            |k: usize| runs[k].folded <= at && runs.get(k + 1).is_none_or(|next| at < next.folded);
        let hint = self.last_run.get();
        let k = if hint < runs.len() && contains(hint) {
            hint
        } else if hint + 1 < runs.len() && contains(hint + 1) {
            hint + 1
        } else {
            runs.partition_point(|run| run.folded <= at) - 1
        };
        self.last_run.set(k);
        let run = runs[k];
        (if run.steps { run.origin + (at - run.folded) } else { run.origin }) as usize
    }

    /// The document byte range that folded bytes `start..end` came from (whole characters).
    pub fn original_range(&self, start: usize, end: usize, text: &str) -> std::ops::Range<usize> {
        let from = self.origin(start);
        let mut to = self.origin(end - 1) + 1;
        while !text.is_char_boundary(to) {
            to += 1;
        }
        from..to
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_the_way_back_to_the_document() {
        let text = "TNF-α and  Leigh\n syndrome";
        let f = FoldedText::new(text);
        assert_eq!(f.bytes, b"tnf alpha and leigh syndrome");
        let alpha = 4..9;
        let origins = f.origins();
        assert_eq!(&text[origins.original_range(alpha.start, alpha.end, text)], "α");
        assert_eq!(&text[origins.original_range(14, 28, text)], "Leigh\n syndrome");
    }

    #[test]
    fn runs_of_plain_ascii_fold_like_single_bytes() {
        let text = " PINK1 (PARK6), p.R492*; x \0 y -z\t\u{b}W  v\u{a0}U ";
        let f = FoldedText::new(text);
        assert_eq!(f.bytes, b"pink1 (park6), p.r492*; x\0y z \x0bw v u");
        let origins: Vec<usize> = (0..f.bytes.len()).map(|i| f.origins().origin(i)).collect();
        assert_eq!(
            origins,
            [
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
                24, 25, 27, 29, 30, 32, 33, 34, 35, 36, 38, 39, 41
            ]
        );
    }

    #[test]
    fn characters_folded_to_words_point_back_to_themselves() {
        let text = "TNF-α  β2 Müller\u{3b3}x";
        let f = FoldedText::new(text);
        assert_eq!(f.bytes, "tnf alpha beta2 müllergammax".as_bytes());
        let origins: Vec<usize> = (0..f.bytes.len()).map(|i| f.origins().origin(i)).collect();
        assert_eq!(
            origins,
            [
                0, 1, 2, 3, 4, 4, 4, 4, 4, 6, 8, 8, 8, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
                19, 19, 19, 19, 21
            ]
        );
        // Looked up out of order, the answers are the same.
        let lookups = f.origins();
        for i in (0..f.bytes.len()).rev().step_by(3) {
            assert_eq!(lookups.origin(i), origins[i], "{i}");
        }
    }

    #[test]
    fn barriers_separate_and_collapse() {
        let f = FoldedText::new("PINK1\0\0 \0PRKN");
        assert_eq!(f.bytes, b"pink1\0prkn");
    }
}
