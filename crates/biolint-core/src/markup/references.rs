//! Recognising the title of a reference list.
//!
//! A reference list quotes other papers' titles verbatim, so rules must know where it is; in
//! Markdown and plain text the only sign is its heading.

/// Titles that start a reference list, lowercase, single-spaced.
const TITLES: [&str; 6] = [
    "references",
    "bibliography",
    "literature cited",
    "works cited",
    "reference list",
    "references and notes",
];

/// Whether `heading` (a heading's text, or a line on its own) titles a reference list.
///
/// Case, surrounding whitespace, a trailing colon, a leading section number ("5.", "5.1", "V.")
/// and a trailing Pandoc attribute block (`{#refs}`) are ignored.
pub(super) fn is_reference_heading(heading: &str) -> bool {
    let mut title = heading.trim();
    if title.ends_with('}')
        && let Some(open) = title.rfind('{')
    {
        title = title[..open].trim_end();
    }
    let title = title.strip_suffix(':').unwrap_or(title);
    let title = strip_section_number(title.trim());
    if title.is_ascii() {
        // Fast path, as most headings and plain-text lines are ASCII: compare in place instead
        // of building a lowercase copy; on ASCII text `to_lowercase` is ASCII lowercasing.
        return TITLES.iter().any(|expected| same_words(title.as_bytes(), expected.as_bytes()));
    }
    let words: Vec<&str> = title.split_whitespace().collect();
    let normalised = words.join(" ").to_lowercase();
    TITLES.contains(&normalised.as_str())
}

/// Whether ASCII `title`, which neither starts nor ends with whitespace, is `expected`
/// (lowercase, single-spaced) ignoring ASCII case, a run of whitespace matching each space.
fn same_words(title: &[u8], expected: &[u8]) -> bool {
    let is_space = |b: u8| char::from(b).is_whitespace();
    let mut at = 0;
    for &wanted in expected {
        let Some(&written) = title.get(at) else {
            return false;
        };
        if wanted == b' ' {
            if !is_space(written) {
                return false;
            }
            while title.get(at).is_some_and(|&b| is_space(b)) {
                at += 1;
            }
        } else if written.to_ascii_lowercase() == wanted {
            at += 1;
        } else {
            return false;
        }
    }
    at == title.len()
}

/// `title` without a leading section number: arabic ("5", "5.", "5.1") or roman with a dot
/// ("V."), followed by whitespace.
fn strip_section_number(title: &str) -> &str {
    let number_end = if title.starts_with(|c: char| c.is_ascii_digit()) {
        title.bytes().take_while(|b| b.is_ascii_digit() || *b == b'.').count()
    } else {
        // A roman numeral needs its dot, or the "I" of a title would count as a number.
        let roman =
            title.bytes().take_while(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C')).count();
        if roman > 0 && title.as_bytes().get(roman) == Some(&b'.') { roman + 1 } else { 0 }
    };
    let rest = &title[number_end..];
    if number_end > 0 && rest.starts_with(char::is_whitespace) { rest.trim_start() } else { title }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_titles_are_recognised() {
        for title in [
            "References",
            "  REFERENCES: ",
            "Bibliography",
            "Literature  Cited",
            "works cited",
            "Reference List",
            "5. References",
            "5 References",
            "7.1 Bibliography",
            "VI. References",
            "References {#refs}",
            "References and Notes",
        ] {
            assert!(is_reference_heading(title), "{title:?}");
        }
    }

    #[test]
    fn other_titles_are_not() {
        for title in [
            "Reference",
            "References cited in the text of this study",
            "Methods",
            "",
            "5.",
            "VReferences",
            "V References",
            "References.",
            "Our references",
        ] {
            assert!(!is_reference_heading(title), "{title:?}");
        }
    }
}
