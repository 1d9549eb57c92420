//! Byte offsets ↔ LSP positions: the one place the server converts between them.
//!
//! The engine speaks UTF-8 byte offsets; an LSP position is a line and a character offset in
//! UTF-8 or UTF-16 code units, whichever was negotiated at initialization. Getting this wrong
//! shifts every finding after an emoji or a Greek letter, so every conversion goes through here.
//!
//! Two views of a text convert: the rope of an open document, for the positions of incoming
//! edits ([`offset`], [`span`]), and the text of a linted version with its line starts
//! ([`IndexedText`]), for everything said about that version. A lint reports a thousand spans;
//! a line index converts them ten times faster than walking the rope's tree for each.
//!
//! Lines end at `\n`, `\r\n` or `\r`, as the protocol defines them (ropey is built without its
//! `unicode_lines` feature, so U+2028 or a form feed do not start a line the editor does not
//! see). A position past the end of its line, past the last line or inside a character is moved
//! back to the nearest valid offset, as the protocol asks, and reported so the server can log it.

use std::ops::Range;

use ropey::Rope;
use tower_lsp_server::ls_types::{self as lsp, PositionEncodingKind};

/// The unit of an LSP position's `character`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// The protocol's default, which every client supports.
    #[default]
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client offers it (no conversion at all), else UTF-16.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        let utf8 = offered.is_some_and(|kinds| kinds.contains(&PositionEncodingKind::UTF8));
        if utf8 { Encoding::Utf8 } else { Encoding::Utf16 }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        }
    }
}

/// A position that was not on a character of the document: past the end of its line or of the
/// document, or between the code units of one character. `offset` is where it was moved to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clamped {
    pub offset: usize,
}

/// A range with an end that was not on a character (see [`Clamped`]); `span` is where it was
/// moved to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClampedSpan {
    pub span: Range<usize>,
}

/// The byte offset of `position` in the rope of an open document.
pub fn offset(rope: &Rope, position: lsp::Position, encoding: Encoding) -> Result<usize, Clamped> {
    let line = position.line as usize;
    if line >= rope.len_lines() {
        return Err(Clamped { offset: rope.len_bytes() });
    }
    let start = rope.line_to_byte(line);
    let content = rope.line(line);
    let content = content.byte_slice(..content.len_bytes() - line_break_len(content));
    within_line(content.chars(), start, position.character as usize, encoding)
}

/// The bytes of an LSP range in the rope of an open document; a reversed range is read as empty
/// at its start.
pub fn span(
    rope: &Rope,
    range: lsp::Range,
    encoding: Encoding,
) -> Result<Range<usize>, ClampedSpan> {
    clamped_span(offset(rope, range.start, encoding), offset(rope, range.end, encoding))
}

/// The text of one version of a document, with where its lines start.
pub struct IndexedText {
    text: String,
    /// The byte offset of each line's first character.
    line_starts: Vec<usize>,
}

impl IndexedText {
    pub fn new(text: String) -> IndexedText {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        for (i, byte) in bytes.iter().enumerate() {
            if *byte == b'\n' || *byte == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
                line_starts.push(i + 1);
            }
        }
        IndexedText { text, line_starts }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The LSP position of byte `offset` (clamped to the text, moved back to a character
    /// boundary).
    pub fn position(&self, offset: usize, encoding: Encoding) -> lsp::Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let before = &self.text[self.line_starts[line]..offset];
        let character = match encoding {
            Encoding::Utf16 if !before.is_ascii() => before.encode_utf16().count(),
            _ => before.len(),
        };
        lsp::Position::new(line as u32, character as u32)
    }

    /// The LSP range of the bytes `span`.
    pub fn range(&self, span: &Range<usize>, encoding: Encoding) -> lsp::Range {
        lsp::Range::new(self.position(span.start, encoding), self.position(span.end, encoding))
    }

    /// The byte offset of `position`.
    pub fn offset(&self, position: lsp::Position, encoding: Encoding) -> Result<usize, Clamped> {
        let line = position.line as usize;
        if line >= self.line_starts.len() {
            return Err(Clamped { offset: self.text.len() });
        }
        let content = self.line(line).trim_end_matches(['\n', '\r']);
        within_line(content.chars(), self.line_starts[line], position.character as usize, encoding)
    }

    /// The bytes of an LSP range; a reversed range is read as empty at its start.
    pub fn span(&self, range: lsp::Range, encoding: Encoding) -> Result<Range<usize>, ClampedSpan> {
        clamped_span(self.offset(range.start, encoding), self.offset(range.end, encoding))
    }

    /// The 0-based line of byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset) - 1
    }

    /// Where line `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts[line]
    }

    /// The text of line `line`, with its line break.
    pub fn line(&self, line: usize) -> &str {
        let end = self.line_starts.get(line + 1).copied().unwrap_or(self.text.len());
        &self.text[self.line_starts[line]..end]
    }
}

/// The byte offset of the character `character` code units into a line that starts at byte
/// `start` and holds `content` (its line break left out).
fn within_line(
    content: impl Iterator<Item = char>,
    start: usize,
    character: usize,
    encoding: Encoding,
) -> Result<usize, Clamped> {
    let (mut units, mut offset) = (0, start);
    for c in content {
        if units + encoding.width(c) > character {
            break;
        }
        units += encoding.width(c);
        offset += c.len_utf8();
    }
    if units == character { Ok(offset) } else { Err(Clamped { offset }) }
}

fn clamped_span(
    start: Result<usize, Clamped>,
    end: Result<usize, Clamped>,
) -> Result<Range<usize>, ClampedSpan> {
    let start_at = start.unwrap_or_else(|c| c.offset);
    let end_at = end.unwrap_or_else(|c| c.offset);
    let span = start_at..end_at.max(start_at);
    if start.is_ok() && end.is_ok() && end_at >= start_at {
        Ok(span)
    } else {
        Err(ClampedSpan { span })
    }
}

/// The length of the line break that ends `line`, if any.
fn line_break_len(line: ropey::RopeSlice) -> usize {
    let len = line.len_bytes();
    let last = |back: usize| len.checked_sub(back).map(|i| line.byte(i));
    match (last(2), last(1)) {
        (Some(b'\r'), Some(b'\n')) => 2,
        (_, Some(b'\n' | b'\r')) => 1,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: u32, character: u32) -> lsp::Position {
        lsp::Position::new(line, character)
    }

    fn indexed(text: &str) -> IndexedText {
        IndexedText::new(text.to_owned())
    }

    /// Every character boundary of `text` converts to a position and back to itself, through
    /// the rope and through the line index alike.
    fn round_trips(text: &str) {
        let rope = Rope::from_str(text);
        let index = indexed(text);
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
                if text[..offset].ends_with('\r') && text[offset..].starts_with('\n') {
                    continue; // inside a CRLF: no position names it
                }
                let p = index.position(offset, encoding);
                assert_eq!(super::offset(&rope, p, encoding), Ok(offset), "{text:?} {encoding:?}");
                assert_eq!(index.offset(p, encoding), Ok(offset), "{text:?} {encoding:?}");
            }
        }
    }

    #[test]
    fn utf16_counts_surrogate_pairs_and_utf8_counts_bytes() {
        let text = "🧬 α-syn and PINK1\n";
        let index = indexed(text);
        let pink = text.find("PINK1").unwrap();
        // 🧬 is two UTF-16 units and four bytes; α is one unit and two bytes.
        assert_eq!(index.position(pink, Encoding::Utf16), at(0, 13));
        assert_eq!(index.position(pink, Encoding::Utf8), at(0, pink as u32));
        assert_eq!(offset(&Rope::from_str(text), at(0, 13), Encoding::Utf16), Ok(pink));
        round_trips(text);
    }

    #[test]
    fn combining_marks_and_crlf_round_trip() {
        round_trips("cafe\u{301} PINK1\r\nβ-catenin\r\n\r\nγ\rlast");
        round_trips("");
        round_trips("\n\r\n\r");
        let text = "a\r\nPARK2";
        assert_eq!(indexed(text).position(3, Encoding::Utf16), at(1, 0));
        assert_eq!(offset(&Rope::from_str(text), at(1, 2), Encoding::Utf8), Ok(5));
    }

    #[test]
    fn unicode_line_separators_do_not_start_lines() {
        let text = "a\u{2028}b\u{c}c\nPINK1";
        let index = indexed(text);
        assert_eq!(index.position(text.find('c').unwrap(), Encoding::Utf16), at(0, 4));
        assert_eq!(index.position(text.find('P').unwrap(), Encoding::Utf16), at(1, 0));
        assert_eq!(
            offset(&Rope::from_str(text), at(1, 0), Encoding::Utf16),
            Ok(text.find('P').unwrap())
        );
    }

    #[test]
    fn positions_off_the_text_are_clamped_and_reported() {
        let text = "ab\r\n🧬x";
        let rope = Rope::from_str(text);
        let index = indexed(text);
        let off = |p: lsp::Position, encoding| {
            let from_rope = offset(&rope, p, encoding);
            assert_eq!(from_rope, index.offset(p, encoding), "{p:?}");
            from_rope
        };
        // Past the end of a line: its end, before the line break.
        assert_eq!(off(at(0, 9), Encoding::Utf16), Err(Clamped { offset: 2 }));
        assert_eq!(off(at(0, 3), Encoding::Utf8), Err(Clamped { offset: 2 }));
        // Past the last line: the end of the document.
        assert_eq!(off(at(7, 0), Encoding::Utf8), Err(Clamped { offset: text.len() }));
        // Inside the emoji: its start.
        assert_eq!(off(at(1, 1), Encoding::Utf16), Err(Clamped { offset: 4 }));
        assert_eq!(off(at(1, 2), Encoding::Utf8), Err(Clamped { offset: 4 }));
        assert_eq!(off(at(1, 2), Encoding::Utf16), Ok(8));
        // A reversed range is empty.
        let reversed = lsp::Range::new(at(1, 2), at(0, 1));
        assert_eq!(span(&rope, reversed, Encoding::Utf16), Err(ClampedSpan { span: 8..8 }));
        assert_eq!(index.span(reversed, Encoding::Utf16), Err(ClampedSpan { span: 8..8 }));
        assert_eq!(index.position(1000, Encoding::Utf16), at(1, 3));
    }

    #[test]
    fn utf8_is_negotiated_only_when_offered() {
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        let both = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&both)), Encoding::Utf8);
        assert_eq!(Encoding::negotiate(Some(&[PositionEncodingKind::UTF32])), Encoding::Utf16);
    }
}
