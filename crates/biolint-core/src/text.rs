//! Small text helpers: words, and byte offsets to lines and columns for reports.

/// The byte offset just after the last character of `s` that `pred` accepts, or 0: where the
/// last word of `s` starts when `pred` accepts the characters between words.
pub fn after_last(s: &str, pred: impl Fn(char) -> bool) -> usize {
    s.char_indices().rev().find(|(_, c)| pred(*c)).map_or(0, |(i, c)| i + c.len_utf8())
}

/// Whether `is` holds for a short word in ASCII lower case (on the stack: matching words
/// against a fixed list allocates nothing); false for a word longer than 64 bytes.
pub fn lowercase_is(word: &str, is: impl FnOnce(&[u8]) -> bool) -> bool {
    let mut buffer = [0u8; 64];
    let Some(lower) = buffer.get_mut(..word.len()) else { return false };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    is(lower)
}

/// The start of every line of a text, to turn byte offsets into 1-based lines and columns.
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    /// Characters before each line start.
    line_char_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let line_starts: Vec<usize> =
            std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        let mut line_char_starts = Vec::with_capacity(line_starts.len());
        let mut chars = 0;
        for (i, &start) in line_starts.iter().enumerate() {
            if i > 0 {
                chars += text[line_starts[i - 1]..start].chars().count();
            }
            line_char_starts.push(chars);
        }
        LineIndex { text, line_starts, line_char_starts }
    }

    /// The 1-based line and 1-based column (in characters) of byte `offset`.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let (line, before) = self.line_and_prefix(offset);
        (line, before.chars().count() + 1)
    }

    /// The 1-based line of byte `offset`, and the text of that line before it (to count
    /// columns in bytes, characters or UTF-16 code units, as a format wants).
    pub fn line_and_prefix(&self, offset: usize) -> (usize, &'a str) {
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        (line + 1, &self.text[start..offset.min(self.text.len())])
    }

    /// The text of the 1-based line `line`, without its line break.
    pub fn line_text(&self, line: usize) -> &'a str {
        let start = self.line_starts[line - 1];
        let end = self.line_starts.get(line).copied().unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// Character offset of byte `offset` from the start of the text (PubTator counts characters).
    pub fn char_offset(&self, offset: usize) -> usize {
        let (line, column) = self.line_column(offset);
        self.line_char_starts[line - 1] + column - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn after_last_steps_over_whole_characters() {
        assert_eq!(after_last("inv🧬x", |c| !c.is_alphanumeric()), 7);
        assert_eq!(after_last("POLG\u{a0}A467T", char::is_whitespace), 6);
        assert_eq!(after_last("word", char::is_whitespace), 0);
    }

    #[test]
    fn lowercase_words_on_the_stack() {
        assert!(lowercase_is("Kinase", |w| w == b"kinase"));
        assert!(lowercase_is("α-Syn", |w| w == "α-syn".as_bytes()));
        assert!(lowercase_is("Phosphoribosyltransferase", |w| w.ends_with(b"ase")));
        assert!(!lowercase_is(&"a".repeat(65), |_| true));
    }

    #[test]
    fn lines_and_columns_count_characters() {
        let text = "first line\nα-syn and PINK1\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line_column(0), (1, 1));
        let pink = text.find("PINK1").unwrap();
        assert_eq!(index.line_column(pink), (2, 11));
        assert_eq!(index.line_text(2), "α-syn and PINK1");
        assert_eq!(index.char_offset(pink), 21);
        assert_eq!(index.line_column(text.len()), (3, 1));
    }
}
