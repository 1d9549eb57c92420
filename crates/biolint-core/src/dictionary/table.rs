//! A TSV file embedded in the binary, read in place: row `i` is found through the row offsets
//! that build.rs computed, and split into fields only when asked for.

use std::cmp::Ordering;

use super::keys::u32_at;

#[derive(Clone, Copy)]
pub struct Table {
    text: &'static str,
    /// Little-endian `u32` byte offsets of each data row, then the text length.
    starts: &'static [u8],
}

impl Table {
    pub const fn new(text: &'static str, starts: &'static [u8]) -> Table {
        Table { text, starts }
    }

    /// Number of data rows (the header is not one).
    pub fn len(&self) -> usize {
        self.starts.len() / 4 - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Row `i` without its line break. Panics when `i >= len()`.
    pub fn row(&self, i: usize) -> &'static str {
        let start = u32_at(self.starts, i) as usize;
        let end = u32_at(self.starts, i + 1) as usize;
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// Field `column` of row `i`, or "" when the row is shorter.
    pub fn field(&self, i: usize, column: usize) -> &'static str {
        // Fields are short, and binary searches read many: a byte loop finds the tabs in a
        // fraction of the time a `split` takes to set up.
        let row = self.row(i);
        let tab_after = |from: usize| row.as_bytes()[from..].iter().position(|&b| b == b'\t');
        let mut start = 0;
        for _ in 0..column {
            match tab_after(start) {
                Some(tab) => start += tab + 1,
                None => return "",
            }
        }
        let end = tab_after(start).map_or(row.len(), |tab| start + tab);
        &row[start..end]
    }

    /// Binary search over a table sorted by `column`: `compare` orders a field value against
    /// the value sought.
    pub fn binary_search_by(
        &self,
        column: usize,
        compare: impl Fn(&str) -> Ordering,
    ) -> Option<usize> {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let mid = (low + high) / 2;
            match compare(self.field(mid, column)) {
                Ordering::Less => low = mid + 1,
                Ordering::Greater => high = mid,
                Ordering::Equal => return Some(mid),
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_split_at_tabs() {
        // A header, then rows starting at bytes 4 and 12 of the text (17 bytes).
        const TEXT: &str = "h\th\na\t\tc\td\r\nlast\n";
        const STARTS: &[u8] = &[4, 0, 0, 0, 12, 0, 0, 0, 17, 0, 0, 0];
        let table = Table::new(TEXT, STARTS);
        assert_eq!(table.len(), 2);
        let fields: Vec<&str> = (0..5).map(|c| table.field(0, c)).collect();
        assert_eq!(fields, ["a", "", "c", "d", ""]);
        assert_eq!((table.field(1, 0), table.field(1, 1)), ("last", ""));
    }
}
