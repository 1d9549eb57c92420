//! Reading a Word document's text as a reader sees it, a line per paragraph.
//!
//! WordprocessingML splits text into runs wherever the formatting changes (`PAR` + italic `K2`),
//! keeps what a reader does not see beside what they do (deleted text of tracked changes, field
//! codes, hidden text, a text box's fallback copy) and puts footnotes in parts of their own. This
//! walks the XML once, in reading order, and writes each paragraph's visible text as one line:
//! body paragraphs, table cells, text boxes after the paragraph that holds them, and footnotes
//! and endnotes after the paragraph that cites them. What the container says and the text
//! cannot (italics, citations that citation managers insert, their bibliography, tables) goes
//! into the [`Structure`]; each `<w:t>` is remembered, so that edits can be written back.

use std::collections::HashMap;
use std::ops::Range;

use biolint_core::Structure;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

/// The text of a part of the package that biolint read.
pub(super) struct Part {
    pub name: String,
    pub xml: String,
}

/// One `<w:t>`: where its content is in its part and where its text is in the extracted text.
#[derive(Clone, Debug)]
pub struct Piece {
    pub part: usize,
    /// The raw content of the element (entities not decoded) in the part's XML.
    pub xml: Range<usize>,
    /// Its decoded text in the extracted text.
    pub text: Range<usize>,
    /// The run's properties (`<w:rPr>...</w:rPr>`) in the part's XML, if it has any.
    pub properties: Option<Range<usize>>,
    /// Whether the run can be edited as a tracked change: not inside an insertion, a deletion,
    /// a field or a move.
    pub editable: bool,
}

/// A document's text, a line per paragraph, and what Word says about it.
#[derive(Debug, Default)]
pub struct Extract {
    pub text: String,
    pub structure: Structure,
    pub pieces: Vec<Piece>,
}

/// A paragraph being read; text boxes inside it are read into paragraphs of their own.
#[derive(Default)]
struct Paragraph {
    text: String,
    italic: Vec<Range<usize>>,
    not_prose: Vec<Range<usize>>,
    pieces: Vec<Piece>,
    /// Part of a bibliography (a field's result or a content control).
    reference: bool,
    in_table: bool,
    /// Code (a paragraph style such as pandoc's `SourceCode`): not prose.
    code: bool,
    /// Paragraphs to write after this one: its text boxes.
    after: Vec<Paragraph>,
    /// The notes it cites, to write after it.
    notes: Vec<(NoteKind, String)>,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub(super) enum NoteKind {
    Footnote,
    Endnote,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FieldKind {
    Citation,
    Bibliography,
    Other,
}

impl FieldKind {
    /// What a field is, from its instruction: the citations and bibliographies of Word itself,
    /// Zotero, Mendeley, EndNote, Papers, RefWorks and Citavi.
    fn of(instruction: &str) -> FieldKind {
        let upper = instruction.trim().to_ascii_uppercase();
        let bibliography = ["BIBLIOGRAPHY", "ZOTERO_BIBL", "EN.REFLIST", "MENDELEY BIBLIOGRAPHY"];
        if bibliography.iter().any(|b| upper.contains(b)) {
            FieldKind::Bibliography
        } else if upper.starts_with("CITATION")
            || ["CITATION", "ZOTERO_ITEM", "EN.CITE", "CITAVI", "REFWORKS", "PAPERS2"]
                .iter()
                .any(|c| upper.starts_with("ADDIN") && upper.contains(c))
        {
            FieldKind::Citation
        } else {
            FieldKind::Other
        }
    }
}

struct Field {
    kind: FieldKind,
    instruction: String,
    /// Between `separate` and `end`: the result a reader sees.
    in_result: bool,
}

#[derive(Default)]
struct Run {
    italic: bool,
    /// A superscript: read into the word before it, as in JATS, but no gene's italics (an
    /// allele, `Pten` + `flox`).
    superscript: bool,
    /// Inline code (a character style such as pandoc's `VerbatimChar`).
    code: bool,
    hidden: bool,
    /// Where `<w:rPr>` starts, while it is open, then its whole extent.
    properties_start: Option<usize>,
    properties: Option<Range<usize>>,
}

/// The walk through one part.
struct Walk<'x> {
    xml: &'x str,
    part: usize,
    /// Open paragraphs: a text box's paragraphs open inside the paragraph that holds it.
    open: Vec<Paragraph>,
    done: Vec<Paragraph>,
    /// Depth inside content a reader does not see (deleted or moved-away text, a fallback copy,
    /// math, instructions).
    unseen: usize,
    /// Depth inside tracked insertions, moved-here text and simple fields.
    uneditable: usize,
    fields: Vec<Field>,
    /// Open content controls: whether each holds a bibliography or a citation.
    controls: Vec<FieldKind>,
    run: Option<Run>,
    /// The open `<w:t>`: where its content starts in the XML.
    text_element: Option<usize>,
    tables: usize,
    /// In a notes part: the note being read, and the notes read.
    note: Option<(NoteKind, String)>,
    note_kind: Option<NoteKind>,
    notes: HashMap<(NoteKind, String), Vec<Paragraph>>,
    /// Paragraphs nested deeper than [`MAX_NESTING`]: the part is refused.
    too_deep: bool,
}

/// How deep paragraphs may nest (a text box in a table cell in a text box...): Word nests a few
/// levels; a part nested deeper is damaged or hostile.
const MAX_NESTING: usize = 64;

/// Reads the main document part and the notes parts into an [`Extract`]; an error names the
/// part and where its XML is broken.
pub(super) fn extract(
    parts: &[Part],
    main: usize,
    notes: &[(NoteKind, usize)],
) -> Result<Extract, String> {
    let mut note_paragraphs = HashMap::new();
    for &(kind, index) in notes {
        let mut walk = Walk::new(&parts[index].xml, index);
        walk.note_kind = Some(kind);
        walk.run_through().map_err(|e| format!("{} {e}", parts[index].name))?;
        note_paragraphs.extend(walk.notes);
    }
    let mut walk = Walk::new(&parts[main].xml, main);
    walk.run_through().map_err(|e| format!("{} {e}", parts[main].name))?;
    // The paragraphs in reading order, each followed by its text boxes and the notes it cites;
    // then the notes nothing cites.
    let mut order: Vec<Paragraph> = Vec::new();
    for paragraph in walk.done {
        flatten(paragraph, &mut note_paragraphs, &mut order);
    }
    let mut uncited: Vec<_> = note_paragraphs.into_iter().collect();
    uncited.sort_by_key(|((kind, id), _)| (*kind, id.parse::<u64>().unwrap_or(u64::MAX)));
    for (_, paragraphs) in uncited {
        for paragraph in paragraphs {
            flatten(paragraph, &mut HashMap::new(), &mut order);
        }
    }

    let mut extract = Extract::default();
    let structure = &mut extract.structure;
    structure.lines_are_paragraphs = true;
    for paragraph in order {
        let start = extract.text.len();
        let shift = |r: &Range<usize>| r.start + start..r.end + start;
        structure.italic.extend(paragraph.italic.iter().map(shift));
        structure.not_prose.extend(paragraph.not_prose.iter().map(shift));
        extract.pieces.extend(
            paragraph.pieces.into_iter().map(|piece| Piece { text: shift(&piece.text), ..piece }),
        );
        extract.text.push_str(&paragraph.text);
        let line = start..extract.text.len() + 1;
        if paragraph.code {
            structure.not_prose.push(start..extract.text.len());
        }
        if paragraph.reference {
            extend_or_push(&mut structure.references, line.clone());
        }
        if paragraph.in_table {
            extend_or_push(&mut structure.tables, line);
        }
        extract.text.push('\n');
    }
    extract.structure.not_prose.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    Ok(extract)
}

/// Adds `line` to `ranges`, merged with the last range when it ends where `line` starts.
fn extend_or_push(ranges: &mut Vec<Range<usize>>, line: Range<usize>) {
    match ranges.last_mut() {
        Some(last) if last.end == line.start => last.end = line.end,
        _ => ranges.push(line),
    }
}

fn flatten(
    mut paragraph: Paragraph,
    notes: &mut HashMap<(NoteKind, String), Vec<Paragraph>>,
    order: &mut Vec<Paragraph>,
) {
    let after = std::mem::take(&mut paragraph.after);
    let cited = std::mem::take(&mut paragraph.notes);
    order.push(paragraph);
    for inner in after {
        flatten(inner, notes, order);
    }
    for key in cited {
        for inner in notes.remove(&key).unwrap_or_default() {
            flatten(inner, notes, order);
        }
    }
}

/// Whether an on/off property (`<w:i/>`, `<w:i w:val="0"/>`) is on.
fn is_on(element: &BytesStart) -> bool {
    match attribute(element, "w:val") {
        Some(value) => !matches!(value.as_str(), "0" | "false" | "off" | "none"),
        None => true,
    }
}

fn attribute(element: &BytesStart, name: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

/// The character a `<w:sym>` shows: the Greek letters and signs of the Symbol font, where
/// Word keeps them in the font's private code points.
fn symbol(code: &str) -> Option<char> {
    let code = u32::from_str_radix(code, 16).ok()?;
    let code = if (0xF000..0xF100).contains(&code) { code - 0xF000 } else { code };
    let greek = "αβχδεφγηιϕκλμνοπθρστυϖωξψζ";
    let greek_upper = "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ";
    match code {
        0x61..=0x7A => greek.chars().nth((code - 0x61) as usize),
        0x41..=0x5A => greek_upper.chars().nth((code - 0x41) as usize),
        0xB1 => Some('±'),
        0xB0 => Some('°'),
        0xB4 => Some('×'),
        0xAE => Some('→'),
        0x2D => Some('\u{2212}'),
        0x20..=0x40 => char::from_u32(code),
        _ => char::from_u32(code)
            .filter(|c| !c.is_control() && !('\u{E000}'..='\u{F8FF}').contains(c)),
    }
}

impl<'x> Walk<'x> {
    fn new(xml: &'x str, part: usize) -> Self {
        Walk {
            xml,
            part,
            open: Vec::new(),
            done: Vec::new(),
            unseen: 0,
            uneditable: 0,
            fields: Vec::new(),
            controls: Vec::new(),
            run: None,
            text_element: None,
            tables: 0,
            note: None,
            note_kind: None,
            notes: HashMap::new(),
            too_deep: false,
        }
    }

    fn run_through(&mut self) -> Result<(), String> {
        let mut reader = Reader::from_str(self.xml);
        loop {
            let before = reader.buffer_position() as usize;
            let event = reader.read_event().map_err(|e| {
                format!("is not well-formed XML (at byte {}): {e}", reader.error_position())
            })?;
            let after = reader.buffer_position() as usize;
            if self.too_deep {
                return Err(format!("nests paragraphs more than {MAX_NESTING} deep"));
            }
            match event {
                Event::Start(e) => self.start(&e, before, after, false),
                Event::Empty(e) => {
                    self.start(&e, before, after, true);
                    self.end(e.name().as_ref(), before, after, true);
                }
                Event::End(e) => self.end(e.name().as_ref(), before, after, false),
                Event::Text(t) if self.reading_text() => {
                    self.push_text(&t);
                }
                Event::GeneralRef(r) if self.reading_text() => {
                    let text = match r.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        _ => crate::predefined_entity(&r).map_or_else(String::new, String::from),
                    };
                    self.push_text(&text);
                }
                Event::CData(t) if self.reading_text() => {
                    self.push_text(&t);
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(())
    }

    /// Whether text here is `<w:t>` content a reader sees.
    fn reading_text(&self) -> bool {
        self.text_element.is_some() && self.unseen == 0 && !self.open.is_empty()
    }

    /// Whether text here is shown: not hidden, not a field's instruction.
    fn shown(&self) -> bool {
        self.unseen == 0
            && self.run.as_ref().is_none_or(|r| !r.hidden)
            && self.fields.iter().all(|f| f.in_result)
            && !self.open.is_empty()
    }

    fn push_text(&mut self, text: &str) {
        if !self.shown() {
            return;
        }
        // Word shows a line break inside `<w:t>` as a space; the text keeps a line per
        // paragraph, and a tab would make the line a table row (replaced byte for byte, so
        // offsets into the part still map).
        let spaced;
        let text = if text.contains(['\n', '\r', '\t']) {
            spaced = text.replace(['\n', '\r', '\t'], " ");
            spaced.as_str()
        } else {
            text
        };
        let italic = self.run.as_ref().is_some_and(|r| r.italic && !r.superscript);
        let note_mark =
            self.run.as_ref().is_some_and(|r| r.superscript) && crate::is_note_mark(text);
        let citation = note_mark
            || self.run.as_ref().is_some_and(|r| r.code)
            || self.fields.iter().any(|f| f.kind == FieldKind::Citation)
            || self.controls.contains(&FieldKind::Citation);
        let reference = self.fields.iter().any(|f| f.kind == FieldKind::Bibliography)
            || self.controls.contains(&FieldKind::Bibliography);
        let paragraph = self.open.last_mut().expect("shown() checks a paragraph is open");
        let start = paragraph.text.len();
        paragraph.text.push_str(text);
        let range = start..paragraph.text.len();
        for (flag, ranges) in
            [(italic, &mut paragraph.italic), (citation, &mut paragraph.not_prose)]
        {
            if flag {
                match ranges.last_mut() {
                    Some(last) if last.end == range.start => last.end = range.end,
                    _ => ranges.push(range.clone()),
                }
            }
        }
        paragraph.reference |= reference;
    }

    fn start(&mut self, e: &BytesStart, before: usize, after: usize, empty: bool) {
        let name = e.name();
        let name = name.as_ref();
        if self.unseen > 0 {
            // Only nesting matters inside what is not read.
            if !empty && is_unseen(name) {
                self.unseen += 1;
            }
            return;
        }
        match name {
            "w:p" => {
                if self.open.len() >= MAX_NESTING {
                    self.too_deep = true;
                    return;
                }
                self.open.push(Paragraph { in_table: self.tables > 0, ..Paragraph::default() });
            }
            "w:tbl" => self.tables += 1,
            "w:pStyle" => {
                if let Some(paragraph) = self.open.last_mut() {
                    paragraph.code |= attribute(e, "w:val").is_some_and(|s| is_code_style(&s));
                }
            }
            "w:r" => self.run = Some(Run::default()),
            "w:rPr" => {
                if let Some(run) = &mut self.run {
                    run.properties_start = Some(before);
                    if empty {
                        run.properties = Some(before..after);
                    }
                }
            }
            "w:i" | "w:vanish" | "w:webHidden" | "w:rStyle" | "w:vertAlign" => {
                if let Some(run) = self.run.as_mut().filter(|r| r.properties_start.is_some()) {
                    match name {
                        "w:i" => run.italic = is_on(e),
                        "w:vertAlign" => {
                            run.superscript =
                                attribute(e, "w:val").is_some_and(|v| v == "superscript")
                        }
                        "w:rStyle" => {
                            let style = attribute(e, "w:val").unwrap_or_default();
                            run.italic |= style.contains("Emphasis");
                            run.code |= is_code_style(&style);
                        }
                        _ => run.hidden = is_on(e),
                    }
                }
            }
            "w:t" if !empty => self.text_element = Some(after),
            "w:tab" | "w:br" | "w:cr" | "w:ptab" if self.run.is_some() => self.push_text(" "),
            "w:noBreakHyphen" => self.push_text("-"),
            "w:sym" => {
                if let Some(c) = attribute(e, "w:char").and_then(|code| symbol(&code)) {
                    self.push_text(&c.to_string());
                }
            }
            "w:fldChar" => match attribute(e, "w:fldCharType").as_deref() {
                Some("begin") => self.fields.push(Field {
                    kind: FieldKind::Other,
                    instruction: String::new(),
                    in_result: false,
                }),
                Some("separate") => {
                    if let Some(field) = self.fields.last_mut() {
                        field.kind = FieldKind::of(&field.instruction);
                        field.in_result = true;
                    }
                }
                Some("end") => {
                    self.fields.pop();
                }
                _ => {}
            },
            "w:instrText" if !empty => {
                // Read as the field's instruction, below, not as text.
                let end = self.xml[after..].find("</w:instrText>").map_or(after, |i| after + i);
                if let Some(field) = self.fields.last_mut().filter(|f| !f.in_result) {
                    field.instruction.push_str(&self.xml[after..end]);
                }
                self.unseen += 1;
            }
            "w:fldSimple" => {
                let instruction = attribute(e, "w:instr").unwrap_or_default();
                self.fields.push(Field {
                    kind: FieldKind::of(&instruction),
                    instruction,
                    in_result: true,
                });
                self.uneditable += 1;
            }
            "w:sdt" => self.controls.push(FieldKind::Other),
            "w:docPartGallery" => {
                if attribute(e, "w:val").is_some_and(|v| v.contains("Bibliograph"))
                    && let Some(control) = self.controls.last_mut()
                {
                    *control = FieldKind::Bibliography;
                }
            }
            "w:citation" => {
                if let Some(control) = self.controls.last_mut() {
                    *control = FieldKind::Citation;
                }
            }
            "w:ins" | "w:moveTo" | "w:smartTag" => self.uneditable += 1,
            "w:footnoteReference" | "w:endnoteReference" => {
                let kind = if name == "w:footnoteReference" {
                    NoteKind::Footnote
                } else {
                    NoteKind::Endnote
                };
                if let (Some(id), Some(paragraph)) = (attribute(e, "w:id"), self.open.last_mut()) {
                    paragraph.notes.push((kind, id));
                }
            }
            "w:footnote" | "w:endnote" => {
                let separator = attribute(e, "w:type")
                    .is_some_and(|t| t.contains("eparator") || t == "continuationNotice");
                self.note = match (self.note_kind, attribute(e, "w:id")) {
                    (Some(kind), Some(id)) if !separator => Some((kind, id)),
                    _ => None,
                };
                if separator && !empty {
                    self.unseen += 1;
                }
            }
            _ if !empty && is_unseen(name) => self.unseen += 1,
            _ => {}
        }
    }

    fn end(&mut self, name: &str, before: usize, after: usize, empty: bool) {
        if self.unseen > 0 {
            // A separator note is not read either.
            let closes = is_unseen(name) || name == "w:footnote" || name == "w:endnote";
            if closes && !empty {
                self.unseen -= 1;
            }
            return;
        }
        match name {
            "w:p" => {
                let Some(paragraph) = self.open.pop() else { return };
                match (self.open.last_mut(), &self.note) {
                    (Some(outer), _) => outer.after.push(paragraph),
                    (None, Some(note)) => {
                        self.notes.entry(note.clone()).or_default().push(paragraph)
                    }
                    (None, None) => self.done.push(paragraph),
                }
            }
            "w:tbl" => self.tables = self.tables.saturating_sub(1),
            "w:r" => self.run = None,
            "w:rPr" => {
                if let Some(run) = &mut self.run
                    && let Some(start) = run.properties_start
                {
                    run.properties.get_or_insert(start..after);
                }
            }
            "w:t" => {
                if let Some(content_start) = self.text_element.take() {
                    self.remember_piece(content_start..before);
                }
            }
            "w:fldSimple" => {
                self.fields.pop();
                self.uneditable = self.uneditable.saturating_sub(1);
            }
            "w:sdt" => {
                self.controls.pop();
            }
            "w:ins" | "w:moveTo" | "w:smartTag" => {
                self.uneditable = self.uneditable.saturating_sub(1)
            }
            "w:footnote" | "w:endnote" => self.note = None,
            _ => {}
        }
    }

    /// Records the `<w:t>` whose content is `xml`, if its text was read: the text it added is
    /// at the end of the paragraph.
    fn remember_piece(&mut self, xml: Range<usize>) {
        // A piece whose content is not plain text (CDATA, which Word never writes) is read but
        // never edited.
        if !self.shown() || self.xml[xml.clone()].contains('<') {
            return;
        }
        let editable = self.uneditable == 0 && self.fields.is_empty();
        let properties = self.run.as_ref().and_then(|r| r.properties.clone());
        let part = self.part;
        let decoded_len = decoded_length(&self.xml[xml.clone()]);
        let Some(paragraph) = self.open.last_mut() else { return };
        let end = paragraph.text.len();
        let start = end.saturating_sub(decoded_len);
        paragraph.pieces.push(Piece { part, xml, text: start..end, properties, editable });
    }
}

/// Whether a paragraph or character style is for code: pandoc's `SourceCode` and
/// `VerbatimChar`, LibreOffice's `PreformattedText`, Word's `HTMLPreformatted` and `HTMLCode`.
fn is_code_style(style: &str) -> bool {
    ["Code", "Verbatim", "Preformatted"].iter().any(|s| style.contains(s))
}

/// Content a reader does not see: deleted and moved-away text, a choice's fallback copy (a text
/// box is stored twice), math, a field's instruction, and the old formatting of a tracked
/// formatting change.
fn is_unseen(name: &str) -> bool {
    matches!(
        name,
        "w:del"
            | "w:moveFrom"
            | "mc:Fallback"
            | "m:oMath"
            | "m:oMathPara"
            | "w:instrText"
            | "w:delText"
            | "w:delInstrText"
            // The formatting before a tracked formatting change: not what the reader sees.
            | "w:rPrChange"
            | "w:pPrChange"
    )
}

/// The length in bytes of `raw` XML text with its entities decoded.
pub(super) fn decoded_length(raw: &str) -> usize {
    decode_prefix(raw, raw.len()).1
}

/// Walks `raw` XML text up to raw byte `limit`: the raw offset reached (never inside an entity)
/// and the decoded length of what came before it.
pub(super) fn decode_prefix(raw: &str, limit: usize) -> (usize, usize) {
    let mut raw_at = 0;
    let mut decoded = 0;
    while raw_at < limit.min(raw.len()) {
        let rest = &raw[raw_at..];
        if rest.starts_with('&')
            && let Some(end) = rest.find(';')
        {
            let entity = &rest[1..end];
            let length = match entity {
                "amp" | "lt" | "gt" | "quot" | "apos" => 1,
                _ => entity
                    .strip_prefix("#x")
                    .map(|hex| u32::from_str_radix(hex, 16))
                    .or_else(|| entity.strip_prefix('#').map(str::parse))
                    .and_then(Result::ok)
                    .and_then(char::from_u32)
                    .map_or(0, char::len_utf8),
            };
            raw_at += end + 1;
            decoded += length;
            continue;
        }
        let c = rest.chars().next().expect("raw_at is below raw.len()");
        raw_at += c.len_utf8();
        decoded += c.len_utf8();
    }
    (raw_at, decoded)
}

/// The raw offset in `raw` XML text where decoded byte `target` falls (at an entity, its start).
pub(super) fn raw_offset(raw: &str, target: usize) -> usize {
    let mut raw_at = 0;
    let mut decoded = 0;
    while raw_at < raw.len() && decoded < target {
        let (next_raw, next_decoded) = decode_prefix(&raw[raw_at..], 1);
        raw_at += next_raw;
        decoded += next_decoded;
    }
    raw_at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_and_italics(body: &str) -> (String, Vec<String>) {
        let xml = format!(
            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
        );
        let parts = [Part { name: "word/document.xml".into(), xml }];
        let extract = extract(&parts, 0, &[]).unwrap();
        let italics =
            extract.structure.italic.iter().map(|r| extract.text[r.clone()].to_owned()).collect();
        (extract.text, italics)
    }

    #[test]
    fn a_superscript_reads_into_the_word_but_is_no_gene_italics() {
        let (text, italics) = text_and_italics(
            "<w:p><w:r><w:rPr><w:i/></w:rPr><w:t>Xpd</w:t></w:r><w:r><w:rPr><w:i/><w:vertAlign w:val=\"superscript\"/></w:rPr><w:t>TTD/TTD</w:t></w:r><w:r><w:t xml:space=\"preserve\"> mice</w:t></w:r></w:p>",
        );
        assert_eq!(text, "XpdTTD/TTD mice\n");
        assert_eq!(italics, ["Xpd"]);
    }

    #[test]
    fn tabs_breaks_symbols_and_entities() {
        let (text, _) = text_and_italics(
            "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr><w:r><w:t>NF-</w:t><w:sym w:font=\"Symbol\" w:char=\"F06B\"/><w:t>B</w:t><w:tab/><w:t>a&amp;b</w:t><w:br/><w:t>c</w:t></w:r></w:p><w:p/>",
        );
        assert_eq!(text, "NF-κB a&b c\n\n");
    }
}
