//! The folded view of a document's prose that the dictionary trie is searched in.
//!
//! Folding (see `dictionary::keys`) changes lengths (runs of spaces collapse, `α` becomes
//! `alpha`), so every folded byte remembers the offset of the character it came from. Bytes of
//! the document that are not prose become a barrier byte (`\0`), which no term contains, so no
//! match can cross code, math or a citation.

use crate::dictionary::keys::{Folded, fold_char};

/// Marks non-prose in the masked text and in the folded view.
pub const BARRIER: u8 = 0;

pub struct FoldedText {
    pub bytes: Vec<u8>,
    /// `origin[i]` is the byte offset in the document of the character folded byte `i` came from.
    origin: Vec<u32>,
}

impl FoldedText {
    /// Folds `masked` (the document with non-prose bytes replaced; see `super::mask`).
    pub fn new(masked: &str) -> FoldedText {
        let input = masked.as_bytes();
        let mut bytes = Vec::with_capacity(input.len());
        let mut origin = Vec::with_capacity(input.len());
        let mut pending_space: Option<usize> = None;
        let mut at = 0;
        while at < input.len() {
            let b = input[at];
            // Letters and digits, most of any text, need no decision.
            if b.is_ascii_alphanumeric() {
                if let Some(space_at) = pending_space.take()
                    && !bytes.is_empty()
                    && bytes.last() != Some(&BARRIER)
                {
                    bytes.push(b' ');
                    origin.push(space_at as u32);
                }
                bytes.push(b.to_ascii_lowercase());
                origin.push(at as u32);
                at += 1;
                continue;
            }
            // ASCII, which is most of any manuscript, is folded byte by byte; other characters
            // go through `fold_char`.
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
    fn barriers_separate_and_collapse() {
        let f = FoldedText::new("PINK1\0\0 \0PRKN");
        assert_eq!(f.bytes, b"pink1\0prkn");
    }
}
