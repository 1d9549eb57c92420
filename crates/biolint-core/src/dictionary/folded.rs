//! The folded view of a document's prose that the dictionary trie is searched in.
//!
//! Folding (see `dictionary::keys`) changes lengths (runs of spaces collapse, `α` becomes
//! `alpha`), so every folded byte remembers the offset of the character it came from. Bytes of
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
    /// `origin[i]` is the byte offset in the document of the character folded byte `i` came from.
    origin: Vec<u32>,
}

impl FoldedText {
    /// Folds `masked` (the document with non-prose bytes replaced; see `crate::recognize`).
    pub fn new(masked: &str) -> FoldedText {
        let input = masked.as_bytes();
        let mut bytes = Vec::with_capacity(input.len());
        let mut origin = Vec::with_capacity(input.len());
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
                    bytes.push(b' ');
                    origin.push(space_at as u32);
                }
                let end = copied_run_end(input, at);
                bytes.extend(input[at..end].iter().map(u8::to_ascii_lowercase));
                origin.extend(at as u32..end as u32);
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
                        bytes.push(BARRIER);
                        origin.push(at as u32);
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
                        bytes.push(b' ');
                        origin.push(space_at as u32);
                    }
                    match piece {
                        Folded::Byte(b) => {
                            bytes.push(b);
                            origin.push(at as u32);
                        }
                        Folded::Word(word) => {
                            bytes.extend_from_slice(word.as_bytes());
                            origin.extend(std::iter::repeat_n(at as u32, word.len()));
                        }
                        Folded::Keep => {
                            bytes.extend_from_slice(&input[at..at + len]);
                            origin.extend((at..at + len).map(|o| o as u32));
                        }
                        Folded::Space => unreachable!("handled above"),
                    }
                }
            }
            at += len;
        }
        FoldedText { bytes, origin }
    }

    /// The document byte range that folded bytes `start..end` came from (whole characters).
    pub fn original_range(&self, start: usize, end: usize, text: &str) -> std::ops::Range<usize> {
        let from = self.origin[start] as usize;
        let mut to = self.origin[end - 1] as usize + 1;
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
        assert_eq!(&text[f.original_range(alpha.start, alpha.end, text)], "α");
        assert_eq!(&text[f.original_range(14, 28, text)], "Leigh\n syndrome");
    }

    #[test]
    fn runs_of_plain_ascii_fold_like_single_bytes() {
        let text = " PINK1 (PARK6), p.R492*; x \0 y -z\t\u{b}W  v\u{a0}U ";
        let f = FoldedText::new(text);
        assert_eq!(f.bytes, b"pink1 (park6), p.r492*; x\0y z \x0bw v u");
        let origins: Vec<u32> = (0..f.bytes.len()).map(|i| f.origin[i]).collect();
        assert_eq!(
            origins,
            [
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
                24, 25, 27, 29, 30, 32, 33, 34, 35, 36, 38, 39, 41
            ]
        );
    }

    #[test]
    fn barriers_separate_and_collapse() {
        let f = FoldedText::new("PINK1\0\0 \0PRKN");
        assert_eq!(f.bytes, b"pink1\0prkn");
    }
}
