//! JATS XML, as PubMed Central and publishers distribute articles (`.nxml`).
//!
//! An article's prose is spread over elements, with its Greek letters and minus signs as
//! character references (`TGF-&#x003b2;`) and its citations as `<xref>`. This reads the title,
//! abstract, keywords, body and back matter into text, a line per block (paragraph, title,
//! caption, table cell, reference), and keeps for every byte of that text where it came from in
//! the XML, so findings point at the file's own lines and columns. Front matter besides the
//! title, abstract and keywords (journal, authors, affiliations, dates, licences) is not read;
//! math is not read; `<xref>`, `<ext-link>`, `<uri>` and `<email>` are read but are not prose;
//! `<ref-list>` is the reference list; `<italic>` is italics; tables are tables.

use std::ops::Range;

use biolint_core::Structure;
use quick_xml::Reader;
use quick_xml::events::Event;

/// A JATS article read: its text, a line per block, and the way back to the XML.
#[derive(Debug, Default)]
pub struct Jats {
    pub text: String,
    pub structure: Structure,
    /// Where each stretch of the text came from, in text order.
    segments: Vec<Segment>,
}

/// A stretch of the text and the XML it came from: byte for byte (`exact`), or a character
/// reference, or nothing (a line break or space put between blocks).
#[derive(Debug, Clone)]
struct Segment {
    text: Range<usize>,
    xml: Range<usize>,
    exact: bool,
    /// Exact and the same bytes: no line break read as a space.
    verbatim: bool,
}

impl Jats {
    /// Where text offset `offset` is in the XML.
    pub fn xml_offset(&self, offset: usize) -> usize {
        let index = self.segments.partition_point(|s| s.text.start <= offset);
        let Some(segment) = index.checked_sub(1).map(|i| &self.segments[i]) else {
            return 0;
        };
        if segment.exact {
            segment.xml.start + (offset - segment.text.start).min(segment.xml.len())
        } else if offset == segment.text.start {
            segment.xml.start
        } else {
            segment.xml.end
        }
    }

    /// `range` of the text as a range of the XML.
    pub fn xml_range(&self, range: &Range<usize>) -> Range<usize> {
        let start = self.xml_offset(range.start);
        // The end of a range is the end of its last byte.
        let end = if range.is_empty() {
            start
        } else {
            let last = self.xml_offset(range.end - 1);
            let segment =
                &self.segments[self.segments.partition_point(|s| s.text.start < range.end) - 1];
            if segment.exact { last + 1 } else { segment.xml.end }
        };
        start..end.max(start)
    }

    /// Whether `range` of the text is the same bytes in the XML (no markup, no character
    /// reference inside): where a replacement can be made in the XML as in the text.
    pub fn is_verbatim(&self, range: &Range<usize>) -> bool {
        let index = self.segments.partition_point(|s| s.text.start <= range.start);
        index
            .checked_sub(1)
            .map(|i| &self.segments[i])
            .is_some_and(|s| s.verbatim && s.text.start <= range.start && range.end <= s.text.end)
    }
}

/// Blocks: each is a line of its own.
const BLOCKS: &[&str] = &[
    "p",
    "title",
    "article-title",
    "subtitle",
    "trans-title",
    "td",
    "th",
    "term",
    "def",
    "kwd",
    "label",
    "mixed-citation",
    "element-citation",
    "nlm-citation",
    "citation",
    "attrib",
    "disp-quote",
    "list-item",
    "fn",
    "caption",
    "ref",
    "abstract",
    "sec",
    "fig",
    "table-wrap",
    "boxed-text",
    "verse-line",
    "speech",
    "statement",
    "def-item",
];

/// Read but not prose.
const NOT_PROSE: &[&str] = &["xref", "ext-link", "uri", "email", "self-uri", "related-article"];

/// Not read at all: math, code, and what front matter holds besides the title, abstract and
/// keywords.
const UNREAD: &[&str] = &[
    "mml:math",
    "math",
    "tex-math",
    "inline-formula",
    "disp-formula",
    "code",
    "preformat",
    "journal-meta",
    "contrib-group",
    "aff",
    "author-notes",
    "pub-date",
    "history",
    "permissions",
    "article-id",
    "article-categories",
    "funding-group",
    "counts",
    "volume",
    "issue",
    "fpage",
    "lpage",
    "elocation-id",
    "custom-meta-group",
    "object-id",
    "alt-text",
    "long-desc",
    "graphic",
    "inline-graphic",
    "media",
    "processing-meta",
    "issn",
    "isbn",
    "publisher",
    "self-uri",
    "related-article",
    "conference",
    "supplement",
    "product",
    "trans-abstract",
    "author-comment",
    "contrib",
    "on-behalf-of",
    "x",
    "alt-title",
    "pub-id",
];

/// Formatting inside a line: no space is put around it.
const INLINE: &[&str] = &[
    "italic",
    "bold",
    "sup",
    "sub",
    "sc",
    "underline",
    "monospace",
    "roman",
    "sans-serif",
    "overline",
    "strike",
    "named-content",
    "styled-content",
    "abbrev",
    "break",
    "private-char",
    "glyph-data",
    "glyph-ref",
    "inline-supplementary-material",
    "target",
    "chem-struct",
    "xref",
    "ext-link",
    "uri",
    "email",
    "hr",
    "fixed-case",
    "ruby",
    "rb",
    "rt",
];

/// Reads a JATS article. The error is one line: where the XML is broken.
pub fn read(file: &str) -> Result<Jats, String> {
    // A byte-order mark is no part of the XML; offsets count from the file's first byte.
    // (The XML reader skips one at its start too: all are taken off here.)
    let bom = file.len() - file.trim_start_matches('\u{FEFF}').len();
    let mut jats = read_xml(&file[bom..])?;
    for segment in &mut jats.segments {
        segment.xml = segment.xml.start + bom..segment.xml.end + bom;
    }
    Ok(jats)
}

fn read_xml(xml: &str) -> Result<Jats, String> {
    let mut reader = Reader::from_str(xml);
    let mut jats = Jats::default();
    jats.structure.lines_are_paragraphs = true;
    jats.structure.marks_references = true;
    // Open elements by name, with whether each is read.
    let mut stack: Vec<(String, Option<usize>)> = Vec::new();
    let mut unread = 0usize;
    let mut in_front = false;
    let mut front_kept = 0usize;
    let mut italic_start: Vec<usize> = Vec::new();
    // Superscripts: read as part of the word (`PGC-1α<sup>−/−</sup>` reads `PGC-1α−/−`, as
    // PubMed Central's text has it), but an allele in italics is no gene's italics.
    let mut superscript_start: Vec<usize> = Vec::new();
    let mut superscripts: Vec<Range<usize>> = Vec::new();
    let mut not_prose_start: Vec<usize> = Vec::new();
    let mut references_start: Option<usize> = None;
    let mut table_start: Vec<usize> = Vec::new();
    loop {
        let before = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| {
            format!("is not well-formed XML (at byte {}): {e}", reader.error_position())
        })?;
        let after = reader.buffer_position() as usize;
        match event {
            Event::Start(_) if unread > 0 => unread += 1,
            Event::Empty(_) if unread > 0 => {}
            Event::End(_) if unread > 0 => {
                unread -= 1;
                if unread == 0 {
                    stack.pop();
                    separate(&mut jats, after);
                }
            }
            Event::Start(e) => {
                let name = e.name().as_ref().to_owned();
                let reads_front = matches!(
                    name.as_str(),
                    "title-group" | "abstract" | "kwd-group" | "trans-title-group"
                );
                if name == "front" {
                    in_front = true;
                } else if in_front && reads_front {
                    front_kept += 1;
                }
                let skip = UNREAD.contains(&name.as_str())
                    || (in_front && front_kept == 0 && name != "front" && name != "article-meta");
                if skip {
                    unread = 1;
                    // A formula stands in the line as a space.
                    separate(&mut jats, before);
                    stack.push((name, None));
                    continue;
                }
                if is_block(&name, references_start.is_some()) {
                    new_line(&mut jats, before);
                } else if !INLINE.contains(&name.as_str()) {
                    separate(&mut jats, before);
                }
                match name.as_str() {
                    "italic" => italic_start.push(jats.text.len()),
                    "sup" => superscript_start.push(jats.text.len()),
                    "ref-list" => {
                        references_start.get_or_insert(jats.text.len());
                    }
                    "table" => table_start.push(jats.text.len()),
                    n if NOT_PROSE.contains(&n) => not_prose_start.push(jats.text.len()),
                    _ => {}
                }
                stack.push((name, Some(jats.text.len())));
            }
            Event::Empty(e) => {
                let name = e.name().as_ref().to_owned();
                if name == "break" || !INLINE.contains(&name.as_str()) {
                    separate(&mut jats, before);
                }
            }
            Event::End(e) => {
                let name = e.name().as_ref().to_owned();
                if let Some(index) = stack.iter().rposition(|(n, _)| *n == name) {
                    stack.truncate(index);
                }
                if name == "front" {
                    in_front = false;
                } else if in_front
                    && matches!(
                        name.as_str(),
                        "title-group" | "abstract" | "kwd-group" | "trans-title-group"
                    )
                {
                    front_kept = front_kept.saturating_sub(1);
                }
                let end = jats.text.len();
                match name.as_str() {
                    "italic" => {
                        if let Some(start) = italic_start.pop().filter(|&s| s < end) {
                            jats.structure.italic.push(start..end);
                        }
                    }
                    "sup" => {
                        if let Some(start) = superscript_start.pop().filter(|&s| s < end) {
                            if crate::is_note_mark(&jats.text[start..end]) {
                                jats.structure.not_prose.push(start..end);
                            }
                            superscripts.push(start..end);
                        }
                    }
                    "ref-list" => {
                        if stack.iter().all(|(n, _)| n != "ref-list")
                            && let Some(start) = references_start.take()
                        {
                            jats.structure.references.push(start..end);
                        }
                    }
                    "table" => {
                        if let Some(start) = table_start.pop().filter(|&s| s < end)
                            && table_start.is_empty()
                        {
                            jats.structure.tables.push(start..end);
                        }
                    }
                    n if NOT_PROSE.contains(&n) => {
                        if let Some(start) = not_prose_start.pop().filter(|&s| s < end) {
                            jats.structure.not_prose.push(start..end);
                        }
                    }
                    _ => {}
                }
                if is_block(&name, references_start.is_some()) {
                    new_line(&mut jats, after);
                } else if !INLINE.contains(&name.as_str()) {
                    separate(&mut jats, after);
                }
            }
            Event::Text(t) if unread == 0 && reads(&stack, in_front, front_kept) => {
                push(&mut jats, &t, before..after, true);
            }
            Event::CData(t) if unread == 0 && reads(&stack, in_front, front_kept) => {
                push(&mut jats, &t, before + 9..after.saturating_sub(3), true);
            }
            Event::GeneralRef(r) if unread == 0 && reads(&stack, in_front, front_kept) => {
                let text = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => named_entity(&r).map_or_else(String::new, String::from),
                };
                push(&mut jats, &text, before..after, false);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !jats.text.ends_with('\n') && !jats.text.is_empty() {
        new_line(&mut jats, xml.len());
    }
    for ranges in [&mut jats.structure.italic, &mut jats.structure.not_prose] {
        ranges.sort_by_key(|r| (r.start, r.end));
    }
    jats.structure.italic = without(&jats.structure.italic, &superscripts);
    Ok(jats)
}

/// Whether `name` is a line of its own: in the reference list, each reference is one line.
fn is_block(name: &str, in_references: bool) -> bool {
    if in_references { matches!(name, "ref" | "title") } else { BLOCKS.contains(&name) }
}

/// The character of a named entity: XML's five and the Greek letters and signs the JATS DTDs
/// name (`&beta;`, `&minus;`); others (a document's own) are not read.
fn named_entity(name: &str) -> Option<char> {
    const GREEK: &[&str] = &[
        "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
        "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigmaf", "sigma", "tau", "upsilon",
        "phi", "chi", "psi", "omega",
    ];
    if let Some(i) = GREEK.iter().position(|g| *g == name) {
        return char::from_u32(0x3B1 + i as u32);
    }
    let capital = |g: &&str| g.eq_ignore_ascii_case(name) && name.starts_with(char::is_uppercase);
    if let Some(i) = GREEK.iter().position(capital).filter(|&i| GREEK[i] != "sigmaf") {
        // The capitals are in the same order, with no final sigma (U+03A2 is unassigned).
        return char::from_u32(0x391 + i as u32);
    }
    if let Some(c) = crate::predefined_entity(name) {
        return Some(c);
    }
    Some(match name {
        "minus" => '\u{2212}',
        "ndash" => '\u{2013}',
        "mdash" => '\u{2014}',
        "plusmn" => '±',
        "times" => '×',
        "deg" => '°',
        "micro" => 'µ',
        "prime" => '′',
        "Prime" => '″',
        "nbsp" => '\u{A0}',
        "thinsp" => '\u{2009}',
        "le" => '≤',
        "ge" => '≥',
        "rarr" => '→',
        "larr" => '←',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        _ => return None,
    })
}

/// `ranges` less `holes` (both sorted).
fn without(ranges: &[Range<usize>], holes: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(ranges.len());
    for range in ranges {
        let mut start = range.start;
        for hole in holes.iter().filter(|h| h.start < range.end && h.end > range.start) {
            if hole.start > start {
                out.push(start..hole.start);
            }
            start = start.max(hole.end);
        }
        if start < range.end {
            out.push(start..range.end);
        }
    }
    out
}

/// Whether text here is read: inside the article's body, back, or the kept front matter.
fn reads(stack: &[(String, Option<usize>)], in_front: bool, front_kept: usize) -> bool {
    (!in_front || front_kept > 0)
        && stack.iter().any(|(n, _)| {
            matches!(n.as_str(), "front" | "body" | "back" | "sub-article" | "floats-group")
        })
}

fn push(jats: &mut Jats, text: &str, xml: Range<usize>, exact: bool) {
    if text.is_empty() {
        return;
    }
    // Line breaks inside a block are spaces (byte for byte); the text keeps a line per block.
    let breaks = text.contains(['\n', '\r']);
    let text: std::borrow::Cow<str> =
        if breaks { text.replace(['\n', '\r'], " ").into() } else { text.into() };
    let start = jats.text.len();
    jats.text.push_str(&text);
    let verbatim = exact && !breaks;
    jats.segments.push(Segment { text: start..jats.text.len(), xml, exact, verbatim });
}

/// Ends the line, unless it is empty.
fn new_line(jats: &mut Jats, at: usize) {
    // A space put between elements does not end a line.
    while jats.segments.last().is_some_and(|s| !s.exact && s.xml.is_empty() && s.text.len() == 1)
        && jats.text.ends_with(' ')
    {
        jats.text.pop();
        jats.segments.pop();
    }
    let line_empty = jats.text.is_empty() || jats.text.ends_with('\n');
    if !line_empty {
        // A line of only spaces is emptied.
        let trimmed = jats.text.trim_end_matches(' ').len();
        let line_start = jats.text[..trimmed].rfind('\n').map_or(0, |i| i + 1);
        if trimmed == line_start {
            jats.text.truncate(trimmed);
            let kept = jats.segments.partition_point(|s| s.text.start < trimmed);
            jats.segments.truncate(kept);
            if jats.text.is_empty() || jats.text.ends_with('\n') {
                return;
            }
        }
        let start = jats.text.len();
        jats.text.push('\n');
        jats.segments.push(Segment {
            text: start..start + 1,
            xml: at..at,
            exact: false,
            verbatim: false,
        });
    }
}

/// Puts a space between words of different elements, unless there is one.
fn separate(jats: &mut Jats, at: usize) {
    if !jats.text.is_empty() && !jats.text.ends_with([' ', '\n']) {
        push(jats, " ", at..at, false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "<article><front><journal-meta><journal-title>J Gene</journal-title></journal-meta><article-meta><contrib-group><contrib><name><surname>PARK</surname></name></contrib></contrib-group><title-group><article-title>TGF-&#x003b2; and <italic>Pax</italic>6</article-title></title-group><abstract><p>CX43 rose.</p></abstract></article-meta></front>\n<body><sec><title>Results</title><p>PARK2 <xref ref-type=\"bibr\" rid=\"b1\">[1]</xref> and <inline-formula><mml:math><mml:mi>x</mml:mi></mml:math></inline-formula> m.8993T&gt;G.</p></sec></body><back><ref-list><ref id=\"b1\"><element-citation><person-group><name><surname>Smith</surname><given-names>J</given-names></name></person-group><article-title>PARK2 in mice</article-title></element-citation></ref></ref-list></back></article>";

    #[test]
    fn text_a_line_per_block_without_front_matter_or_math() {
        let jats = read(ARTICLE).unwrap();
        let lines: Vec<&str> = jats.text.lines().collect();
        assert_eq!(
            lines,
            [
                "TGF-β and Pax6",
                "CX43 rose.",
                "Results",
                "PARK2 [1] and  m.8993T>G.",
                "Smith J PARK2 in mice"
            ]
        );
        let xref = jats.text.find("[1]").unwrap();
        assert_eq!(jats.structure.not_prose, vec![xref..xref + 3; 1]);
        let pax = jats.text.find("Pax").unwrap();
        assert_eq!(jats.structure.italic, vec![pax..pax + 3; 1]);
        let smith = jats.text.find("Smith").unwrap();
        assert_eq!(jats.structure.references, vec![smith..jats.text.len(); 1]);
    }

    #[test]
    fn offsets_map_back_to_the_xml() {
        let jats = read(ARTICLE).unwrap();
        let park2 = jats.text.find("PARK2").unwrap();
        let range = jats.xml_range(&(park2..park2 + 5));
        assert_eq!(&ARTICLE[range], "PARK2");
        assert!(jats.is_verbatim(&(park2..park2 + 5)));
        let beta = jats.text.find("TGF-β").unwrap();
        let range = jats.xml_range(&(beta..beta + "TGF-β".len()));
        assert_eq!(&ARTICLE[range.clone()], "TGF-&#x003b2;");
        assert!(!jats.is_verbatim(&(beta..beta + "TGF-β".len())));
        let pax = jats.text.find("Pax6").unwrap();
        assert_eq!(&ARTICLE[jats.xml_range(&(pax..pax + 4))], "Pax</italic>6");
    }

    #[test]
    fn named_entities_a_byte_order_mark_and_indentation() {
        let article = "\u{FEFF}<article><body>\n  <sec>\n    <p>TGF-&beta; and &Delta;F508 &minus;/&minus; &Sigma; &gene;</p>\n  </sec>\n</body></article>";
        let jats = read(article).unwrap();
        assert_eq!(jats.text, "TGF-β and ΔF508 −/− Σ \n");
        let beta = jats.text.find("TGF").unwrap();
        assert_eq!(&article[jats.xml_range(&(beta..beta + 3))], "TGF");
    }

    #[test]
    fn superscript_note_marks_are_not_prose_and_alleles_read_into_the_word() {
        let jats = read("<article><body><p>C10orf2<sup>2,3</sup> and <italic>Xpd<sup>TTD</sup></italic></p></body></article>").unwrap();
        assert_eq!(jats.text, "C10orf22,3 and XpdTTD\n");
        let slices: Vec<&str> =
            jats.structure.not_prose.iter().map(|r| &jats.text[r.clone()]).collect();
        assert_eq!(slices, ["2,3"]);
        let italic: Vec<&str> =
            jats.structure.italic.iter().map(|r| &jats.text[r.clone()]).collect();
        assert_eq!(italic, ["Xpd"]);
    }

    #[test]
    fn broken_xml_is_an_error() {
        assert!(read("<article><body><p>x</body></article>").is_err());
    }
}
