//! Plain text: everything is prose.
//!
//! Without markup the only structure is the line. Blank lines separate paragraphs, so wrapped
//! lines of one paragraph join. Lines with a tab between words are taken as table rows (one
//! cell per tab-separated field) and lines starting with a bullet or number as list items; both
//! are recorded as table/list blocks and their cells and items do not join each other. A line
//! that is only "References" (or a similar title) starts the reference list, which runs to the
//! end of the document.

use std::ops::Range;

use super::references::is_reference_heading;
use super::{Prose, ProseBuilder};

pub(super) fn prose(text: &str) -> Prose {
    let mut builder = ProseBuilder::new(text);
    let mut references = Vec::new();
    let mut tables = Vec::new();
    // The table or list block being read, and whether its last line was a list item (which an
    // indented line continues).
    let mut block: Option<Range<usize>> = None;
    let mut in_list_item = false;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let end = start + content.len();
        let unindented = content.trim_start();
        let content_start = end - unindented.len();
        if unindented.trim_end().is_empty() {
            builder.boundary();
            tables.extend(block.take());
            in_list_item = false;
            continue;
        }
        if let Some(marker_len) = list_marker_len(unindented) {
            extend_block(&mut block, start..end);
            in_list_item = true;
            builder.boundary();
            builder.push(content_start + marker_len..end);
        } else if unindented.contains('\t') {
            extend_block(&mut block, start..end);
            in_list_item = false;
            let mut cell_start = content_start;
            for cell in unindented.split('\t') {
                builder.boundary();
                builder.push(cell_start..cell_start + cell.len());
                cell_start += cell.len() + 1;
            }
        } else if in_list_item && content_start > start {
            // An indented line right after a list item continues it.
            extend_block(&mut block, start..end);
            builder.push(content_start..end);
        } else {
            if let Some(table) = block.take() {
                tables.push(table);
                builder.boundary();
            }
            in_list_item = false;
            if references.is_empty() && is_reference_heading(content) {
                references.push(start..text.len());
                builder.boundary();
                builder.push(content_start..end);
                builder.boundary();
            } else {
                builder.push(content_start..end);
            }
        }
    }
    tables.extend(block);
    Prose { ranges: builder.finish(), references, tables, ..Prose::default() }
}

fn extend_block(block: &mut Option<Range<usize>>, line: Range<usize>) {
    match block {
        Some(range) => range.end = line.end,
        None => *block = Some(line),
    }
}

/// The length of a list marker ("- ", "* ", "• ", "1. ", "1) ") at the start of `line`.
fn list_marker_len(line: &str) -> Option<usize> {
    for bullet in ["- ", "* ", "• "] {
        if line.starts_with(bullet) {
            return Some(bullet.len());
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &line[digits..];
    let numbered = (1..=9).contains(&digits) && (rest.starts_with(". ") || rest.starts_with(") "));
    numbered.then_some(digits + 2)
}

#[cfg(test)]
mod tests {
    use super::super::{DocumentKind, prose, test_support};
    use super::*;

    fn texts_and_joins(text: &str) -> Vec<(&str, bool)> {
        test_support::texts_and_joins(text, DocumentKind::Plain)
    }

    #[test]
    fn lines_of_a_paragraph_join_and_blank_lines_separate() {
        let text = "Patients with Leigh\n  syndrome had PINK1 variants.\n\nSecond paragraph.\r\n";
        assert_eq!(
            texts_and_joins(text),
            [
                ("Patients with Leigh", false),
                ("syndrome had PINK1 variants.", true),
                ("Second paragraph.", false),
            ]
        );
    }

    #[test]
    fn urls_emails_and_dois_are_not_prose() {
        let text = "PINK1 (https://www.ncbi.nlm.nih.gov/gene/65018) by a.b@x.org\ndoi:10.1038/gim.2017.107\nend";
        assert_eq!(texts_and_joins(text), [("PINK1 (", false), (") by", false), ("end", false)]);
    }

    #[test]
    fn references_line_starts_the_reference_list() {
        let text = "Intro on PINK1.\n\nREFERENCES:\n1. Smith J. PARK2 in mice.\nSmith 2020\n";
        let result = prose(text, DocumentKind::Plain);
        let start = text.find("REFERENCES").unwrap();
        assert_eq!(result.references.len(), 1);
        assert_eq!(&text[result.references[0].clone()], &text[start..]);
        // Text in the references is still prose.
        assert!(result.ranges.iter().any(|r| &text[r.range.clone()] == "Smith J. PARK2 in mice."));
        let text = "We cite references here.\nReferences are below\n";
        assert!(prose(text, DocumentKind::Plain).references.is_empty());
    }

    #[test]
    fn tab_separated_rows_and_list_items_are_tables() {
        let text = "Table 1\nGene\tDisease\nPINK1\tParkinson disease\nAfter.\n\n- first item\n  continued\n2. second\nprose\n";
        let result = prose(text, DocumentKind::Plain);
        let rows = text.find("Gene").unwrap()..text.find("\nAfter").unwrap();
        let list = text.find("- first").unwrap()..text.find("\nprose").unwrap();
        assert_eq!(result.tables, [rows, list]);
        assert_eq!(
            texts_and_joins(text),
            [
                ("Table 1", false),
                ("Gene", false),
                ("Disease", false),
                ("PINK1", false),
                ("Parkinson disease", false),
                ("After.", false),
                ("first item", false),
                ("continued", true),
                ("second", false),
                ("prose", false),
            ]
        );
    }

    #[test]
    fn leading_tab_indentation_is_not_a_table() {
        let text = "\tIndented paragraph about PINK1.\n";
        let result = prose(text, DocumentKind::Plain);
        assert!(result.tables.is_empty());
        assert_eq!(texts_and_joins(text), [("Indented paragraph about PINK1.", false)]);
    }

    #[test]
    fn list_markers_need_a_space() {
        assert_eq!(list_marker_len("- a"), Some(2));
        assert_eq!(list_marker_len("12. a"), Some(4));
        assert_eq!(list_marker_len("3) a"), Some(3));
        assert_eq!(list_marker_len("• a"), Some("• ".len()));
        assert_eq!(list_marker_len("-a"), None);
        assert_eq!(list_marker_len("1.5 mg"), None);
        assert_eq!(list_marker_len("2020. Smith"), Some(6));
        assert_eq!(list_marker_len("1234567890. x"), None);
    }

    #[test]
    fn no_comments_or_italics_in_plain_text() {
        let result = prose("<!-- x --> *PINK1* % y", DocumentKind::Plain);
        assert!(result.comments.is_empty());
        assert!(result.italic.is_empty());
        assert_eq!(result.ranges.len(), 1);
    }
}
