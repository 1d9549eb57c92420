//! BioC collections, the format PubTator3 and many text-mining pipelines exchange: documents of
//! passages (each at an offset in the document, with its text), annotations on the passages
//! (infons `type` and `identifier`, locations at document offsets), in XML
//! (`<collection><document><passage>...`) or JSON (the PubTator3 / bioc-python shape).
//!
//! Offsets count characters (Unicode scalar values) from the start of the document, as
//! PubTator3 and [`crate::pubtator`] count them; [`BiocDocument::text`] is the text they count
//! in. Relations, document infons and collection metadata are not kept: biolint reads the text
//! and writes its own annotations.

use std::collections::BTreeMap;
use std::fmt::Write;

use quick_xml::events::{BytesRef, BytesStart, Event};
use serde_json::{Map, Value, json};

use crate::dictionary::Dictionary;
use crate::entity::Entity;
use crate::pubtator::{PubtatorAnnotation, PubtatorDocument};
use crate::text::LineIndex;

/// Key-value pairs on a passage or annotation (`type`: `title`; `identifier`: `65018`).
pub type Infons = BTreeMap<String, String>;

/// The longest document text, in characters, that [`parse`] accepts (the size of the largest
/// file biolint reads): passage offsets beyond it are an error rather than gigabytes of spaces.
pub const MAX_TEXT_CHARS: usize = 16 * 1024 * 1024;

/// One BioC document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BiocDocument {
    pub id: String,
    pub passages: Vec<BiocPassage>,
}

/// A passage: a title, an abstract, a paragraph... at `offset` characters into the document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BiocPassage {
    pub infons: Infons,
    pub offset: usize,
    pub text: String,
    pub annotations: Vec<BiocAnnotation>,
}

/// A mention: infons `type` (`Gene`) and `identifier` (`65018`), where it is, what it reads.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BiocAnnotation {
    pub id: String,
    pub infons: Infons,
    pub locations: Vec<BiocLocation>,
    pub text: String,
}

/// A span of an annotation, in characters from the start of the document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BiocLocation {
    pub offset: usize,
    pub length: usize,
}

impl BiocPassage {
    /// The passage's `type` infon: `title`, `abstract`, `paragraph`...
    pub fn passage_type(&self) -> Option<&str> {
        self.infons.get("type").map(String::as_str)
    }
}

impl BiocAnnotation {
    /// The annotation's `type` infon: `Gene`, `Disease`...
    pub fn entity_type(&self) -> Option<&str> {
        self.infons.get("type").map(String::as_str)
    }

    /// The annotation's `identifier` infon.
    pub fn identifier(&self) -> Option<&str> {
        self.infons.get("identifier").map(String::as_str)
    }
}

impl BiocDocument {
    /// The text the offsets count in: each passage at its offset, the gaps filled with spaces
    /// (a title at 0 and an abstract one character after it read as title, space, abstract). A
    /// passage that starts before the previous one ends (which [`parse`] rejects) follows it
    /// directly.
    pub fn text(&self) -> String {
        placed(0, self.passages.iter().map(|p| (p.offset, p.text.as_str())))
    }

    /// A plain document as BioC: one passage (type `document`) holding the whole text.
    pub fn plain(id: &str, text: &str) -> BiocDocument {
        BiocDocument {
            id: id.to_owned(),
            passages: vec![BiocPassage {
                infons: Infons::from([("type".to_owned(), "document".to_owned())]),
                offset: 0,
                text: text.to_owned(),
                annotations: Vec::new(),
            }],
        }
    }

    /// The PubTator document this is, when its passages are exactly a title at 0 and an
    /// abstract one character after it (or a title alone), neither spanning lines; its
    /// annotations with a location, each from its first character to its last.
    pub fn to_pubtator(&self) -> Option<PubtatorDocument> {
        let is = |p: &BiocPassage, kind: &str| {
            p.passage_type().is_some_and(|t| t.eq_ignore_ascii_case(kind))
                && !p.text.contains(['\n', '\r'])
        };
        let (title, abstract_text) = match self.passages.as_slice() {
            [title] if is(title, "title") && title.offset == 0 => (title, None),
            [title, abstract_text]
                if is(title, "title")
                    && title.offset == 0
                    && is(abstract_text, "abstract")
                    && abstract_text.offset == title.text.chars().count() + 1 =>
            {
                (title, Some(abstract_text))
            }
            _ => return None,
        };
        let annotations = self
            .passages
            .iter()
            .flat_map(|p| &p.annotations)
            .filter_map(|a| {
                let start = a.locations.iter().map(|l| l.offset).min()?;
                let end = a.locations.iter().map(|l| l.offset.saturating_add(l.length)).max()?;
                Some(PubtatorAnnotation {
                    start,
                    end,
                    text: a.text.clone(),
                    entity_type: a.entity_type().unwrap_or("").to_owned(),
                    id: a.identifier().unwrap_or("").to_owned(),
                })
            })
            .collect();
        Some(PubtatorDocument {
            id: self.id.clone(),
            title: title.text.clone(),
            abstract_text: abstract_text.map_or_else(String::new, |a| a.text.clone()),
            annotations,
        })
    }

    /// This document with biolint's `entities` (found in `text`, which is [`Self::text`]) as
    /// its annotations, in place of its own: each in the passage it starts in, with the type
    /// and identifiers a PubTator annotation line gives it
    /// ([`crate::report::entities::pubtator_line`]), numbered from 1.
    pub fn with_entities(
        mut self,
        text: &str,
        entities: &[Entity],
        dictionary: &Dictionary,
    ) -> BiocDocument {
        for passage in &mut self.passages {
            passage.annotations.clear();
        }
        if self.passages.is_empty() {
            return self;
        }
        let lines = LineIndex::new(text);
        for (i, entity) in entities.iter().enumerate() {
            let start = lines.char_offset(entity.span.start);
            let end = lines.char_offset(entity.span.end);
            let entity_type = entity.entity_type(dictionary).name();
            let mut type_name = entity_type[..1].to_uppercase();
            type_name.push_str(&entity_type[1..]);
            let ids: Vec<String> = std::iter::once(entity.id(dictionary))
                .chain(entity.also_ids(dictionary))
                .map(bare_id)
                .collect();
            let annotation = BiocAnnotation {
                id: (i + 1).to_string(),
                infons: Infons::from([
                    ("type".to_owned(), type_name),
                    ("identifier".to_owned(), ids.join(";")),
                ]),
                locations: vec![BiocLocation { offset: start, length: end.saturating_sub(start) }],
                text: entity.text(text).to_owned(),
            };
            let passage = passage_at(&self.passages, start);
            self.passages[passage].annotations.push(annotation);
        }
        self
    }
}

impl From<&PubtatorDocument> for BiocDocument {
    /// A title passage at 0 and an abstract passage one character after it, so that
    /// [`BiocDocument::text`] is [`PubtatorDocument::text`]; the gold annotations numbered from
    /// 1, each in the passage it starts in.
    fn from(pubtator: &PubtatorDocument) -> BiocDocument {
        let passage = |kind: &str, offset: usize, text: &str| BiocPassage {
            infons: Infons::from([("type".to_owned(), kind.to_owned())]),
            offset,
            text: text.to_owned(),
            annotations: Vec::new(),
        };
        let mut document = BiocDocument {
            id: pubtator.id.clone(),
            passages: vec![
                passage("title", 0, &pubtator.title),
                passage("abstract", pubtator.title.chars().count() + 1, &pubtator.abstract_text),
            ],
        };
        for (i, a) in pubtator.annotations.iter().enumerate() {
            let mut infons = Infons::from([("type".to_owned(), a.entity_type.clone())]);
            if !a.id.is_empty() {
                infons.insert("identifier".to_owned(), a.id.clone());
            }
            let annotation = BiocAnnotation {
                id: (i + 1).to_string(),
                infons,
                locations: vec![BiocLocation {
                    offset: a.start,
                    length: a.end.saturating_sub(a.start),
                }],
                text: a.text.clone(),
            };
            let passage = passage_at(&document.passages, a.start);
            document.passages[passage].annotations.push(annotation);
        }
        document
    }
}

/// PubTator's bare identifiers: 65018, D007888, 9606 (as `pubtator_line` writes them).
fn bare_id(id: String) -> String {
    ["NCBIGene:", "MESH:", "NCBITaxon:"]
        .iter()
        .find_map(|prefix| id.strip_prefix(prefix).map(str::to_owned))
        .unwrap_or(id)
}

/// The index of the passage character `offset` falls in (or the gap after it); the first
/// passage for an offset before every passage. `passages` is not empty.
fn passage_at(passages: &[BiocPassage], offset: usize) -> usize {
    passages.partition_point(|p| p.offset <= offset).saturating_sub(1)
}

/// `pieces` (offset, text) placed at their offsets counted from `start`, gaps filled with
/// spaces; a piece that starts before the previous one ends follows it directly.
fn placed<'a>(start: usize, pieces: impl IntoIterator<Item = (usize, &'a str)>) -> String {
    let mut text = String::new();
    let mut chars = start;
    for (offset, piece) in pieces {
        if offset > chars {
            text.extend(std::iter::repeat_n(' ', offset - chars));
            chars = offset;
        }
        text.push_str(piece);
        chars += piece.chars().count();
    }
    text
}

/// Checks that `pieces` (offset, text) follow one another from `start` without overlapping and
/// end within [`MAX_TEXT_CHARS`]; an error names the piece (`what` 1-based, e.g. "passage").
fn check_order<'a>(
    start: usize,
    pieces: impl IntoIterator<Item = (usize, &'a str)>,
    what: &str,
) -> Result<(), String> {
    let mut end = start;
    let mut previous: Option<(usize, usize)> = None;
    for (i, (offset, text)) in pieces.into_iter().enumerate() {
        let n = i + 1;
        if offset < end {
            return Err(match previous {
                Some((from, to)) => format!(
                    "{what} {n} starts at character {offset}, inside {what} {} (characters {from} to {to})",
                    n - 1
                ),
                None => format!("{what} {n} starts at character {offset}, before {start}"),
            });
        }
        let chars = text.chars().count();
        if offset > MAX_TEXT_CHARS || chars > MAX_TEXT_CHARS - offset {
            return Err(format!(
                "{what} {n} at character {offset} ends past the {MAX_TEXT_CHARS} characters biolint reads"
            ));
        }
        end = offset + chars;
        previous = Some((offset, end));
    }
    Ok(())
}

/// Parses a BioC collection, XML or JSON (told apart by the first character: `<`, or `{` or
/// `[`). JSON may also be an array of collections, or PubTator3's `{"PubTator3": [documents]}`.
/// An error is one line naming the document (1-based) or XML line and what is wrong.
pub fn parse(input: &str) -> Result<Vec<BiocDocument>, String> {
    let input = input.trim_start_matches('\u{feff}');
    match input.trim_start().chars().next() {
        Some('<') => parse_xml(input),
        Some('{' | '[') => parse_json(input),
        Some(_) => Err("neither BioC XML (which starts with <) nor BioC JSON ({ or [)".to_owned()),
        None => Err("empty: no BioC collection".to_owned()),
    }
}

/// "document 3 (PMID)", to start an error.
fn document_label(n: usize, id: &str) -> String {
    if id.is_empty() { format!("document {n}") } else { format!("document {n} ({id})") }
}

/// Builds the text of a passage given as sentences, and checks a finished document.
fn finish_document(
    n: usize,
    mut document: BiocDocument,
    sentences: Vec<Vec<(usize, String)>>,
) -> Result<BiocDocument, String> {
    let label = document_label(n, &document.id);
    if document.id.is_empty() {
        return Err(format!("{label}: no id"));
    }
    for (i, (passage, sentences)) in document.passages.iter_mut().zip(sentences).enumerate() {
        if passage.text.is_empty() && !sentences.is_empty() {
            let pieces = || sentences.iter().map(|(o, t)| (*o, t.as_str()));
            check_order(passage.offset, pieces(), "sentence")
                .map_err(|e| format!("{label}: passage {}: {e}", i + 1))?;
            passage.text = placed(passage.offset, pieces());
        }
    }
    check_order(0, document.passages.iter().map(|p| (p.offset, p.text.as_str())), "passage")
        .map_err(|e| format!("{label}: {e}"))?;
    Ok(document)
}

// ---------------------------------------------------------------------------------------------
// XML

/// What the XML parser is building: the elements open, and the document, passage, sentence and
/// annotation inside them.
#[derive(Default)]
struct XmlState {
    stack: Vec<String>,
    documents: Vec<BiocDocument>,
    document: BiocDocument,
    /// Per passage of `document`, its sentences (offset, text).
    sentences: Vec<Vec<(usize, String)>>,
    passage: BiocPassage,
    passage_offset: Option<usize>,
    sentence_annotations: Vec<BiocAnnotation>,
    sentence_offset: Option<usize>,
    sentence_text: String,
    annotation: BiocAnnotation,
    infon_key: Option<String>,
    /// The text of the element being read, when it is one whose text counts.
    buffer: Option<String>,
    collection_closed: bool,
}

/// The elements around a passage's infons.
const PASSAGE: [&str; 3] = ["collection", "document", "passage"];

fn parse_xml(input: &str) -> Result<Vec<BiocDocument>, String> {
    let mut reader = quick_xml::Reader::from_str(input);
    let mut state = XmlState::default();
    let line = |position: u64| {
        let position = (position as usize).min(input.len());
        input.as_bytes()[..position].iter().filter(|b| **b == b'\n').count() + 1
    };
    loop {
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => {
                return Err(format!("line {}: {e}", line(reader.error_position())));
            }
        };
        let result = match event {
            Event::Start(e) => state.start(&e),
            Event::Empty(e) => state.start(&e).and_then(|()| state.end()),
            Event::End(_) => state.end(),
            Event::Text(e) => {
                state.push_text(&e.xml10_content());
                Ok(())
            }
            Event::CData(e) => {
                state.push_text(&e.xml10_content());
                Ok(())
            }
            Event::GeneralRef(r) => state.push_reference(&r),
            Event::Eof => {
                return match state.stack.last() {
                    Some(open) => Err(format!("the XML ends inside <{open}>")),
                    None if !state.collection_closed => {
                        Err("no <collection> element: not BioC XML".to_owned())
                    }
                    None => Ok(state.documents),
                };
            }
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => Ok(()),
        };
        result.map_err(|e| format!("line {}: {e}", line(reader.buffer_position())))?;
    }
}

impl XmlState {
    fn label(&self) -> String {
        document_label(self.documents.len() + 1, &self.document.id)
    }

    fn start(&mut self, e: &BytesStart) -> Result<(), String> {
        let name = e.local_name().into_inner().to_owned();
        if self.stack.is_empty() && (name != "collection" || self.collection_closed) {
            return Err(format!("<{name}> where a BioC <collection> should be"));
        }
        self.stack.push(name);
        let path: Vec<&str> = self.stack.iter().map(String::as_str).collect();
        match path.as_slice() {
            ["collection", "document"] => {
                self.document = BiocDocument::default();
                self.sentences.clear();
            }
            ["collection", "document", "passage"] => {
                self.passage = BiocPassage::default();
                self.passage_offset = None;
                self.sentences.push(Vec::new());
            }
            ["collection", "document", "passage", "sentence"] => {
                self.sentence_annotations.clear();
                self.sentence_offset = None;
                self.sentence_text.clear();
            }
            ["collection", "document", "passage", "annotation"]
            | ["collection", "document", "passage", "sentence", "annotation"] => {
                self.annotation = BiocAnnotation {
                    id: attribute(e, "id")?.unwrap_or_default(),
                    ..Default::default()
                };
            }
            ["collection", "document", "passage", .., "annotation", "location"] => {
                let number = |key: &str| -> Result<usize, String> {
                    let value = attribute(e, key)?.ok_or_else(|| {
                        format!(
                            "{}: annotation {:?}: a location without {key}",
                            self.label(),
                            self.annotation.id
                        )
                    })?;
                    value.trim().parse::<usize>().map_err(|_| {
                        format!(
                            "{}: annotation {:?}: location {key} {value:?} is not a number",
                            self.label(),
                            self.annotation.id
                        )
                    })
                };
                let location =
                    BiocLocation { offset: number("offset")?, length: number("length")? };
                self.annotation.locations.push(location);
            }
            ["collection", "document", "passage", .., "infon"] => {
                self.infon_key = attribute(e, "key")?;
                self.buffer = Some(String::new());
            }
            ["collection", "document", "id"]
            | ["collection", "document", "passage", "offset" | "text"]
            | ["collection", "document", "passage", "sentence", "offset" | "text"]
            | ["collection", "document", "passage", .., "annotation", "text"] => {
                self.buffer = Some(String::new())
            }
            _ => {}
        }
        Ok(())
    }

    fn end(&mut self) -> Result<(), String> {
        let path: Vec<&str> = self.stack.iter().map(String::as_str).collect();
        let text = self.buffer.take().unwrap_or_default();
        let offset = |what: &str| {
            text.trim().parse::<usize>().map_err(|_| format!("{what} {text:?} is not a number"))
        };
        let passage_number = self.document.passages.len() + 1;
        match path.as_slice() {
            ["collection"] => self.collection_closed = true,
            ["collection", "document"] => {
                let document = std::mem::take(&mut self.document);
                let sentences = std::mem::take(&mut self.sentences);
                let document = finish_document(self.documents.len() + 1, document, sentences)?;
                self.documents.push(document);
            }
            ["collection", "document", "id"] => self.document.id = text,
            ["collection", "document", "passage"] => {
                let Some(offset) = self.passage_offset else {
                    return Err(format!("{}: passage {passage_number}: no offset", self.label()));
                };
                self.passage.offset = offset;
                self.document.passages.push(std::mem::take(&mut self.passage));
            }
            ["collection", "document", "passage", "offset"] => {
                self.passage_offset = Some(
                    offset("offset")
                        .map_err(|e| format!("{}: passage {passage_number}: {e}", self.label()))?,
                );
            }
            ["collection", "document", "passage", "text"] => self.passage.text = text,
            ["collection", "document", "passage", "sentence"] => {
                let Some(offset) = self.sentence_offset else {
                    return Err(format!(
                        "{}: passage {passage_number}: a sentence without an offset",
                        self.label()
                    ));
                };
                let text = std::mem::take(&mut self.sentence_text);
                if let Some(sentences) = self.sentences.last_mut() {
                    sentences.push((offset, text));
                }
                self.passage.annotations.append(&mut self.sentence_annotations);
            }
            ["collection", "document", "passage", "sentence", "offset"] => {
                self.sentence_offset = Some(
                    offset("sentence offset")
                        .map_err(|e| format!("{}: passage {passage_number}: {e}", self.label()))?,
                );
            }
            ["collection", "document", "passage", "sentence", "text"] => self.sentence_text = text,
            ["collection", "document", "passage", "annotation"] => {
                self.passage.annotations.push(std::mem::take(&mut self.annotation));
            }
            ["collection", "document", "passage", "sentence", "annotation"] => {
                self.sentence_annotations.push(std::mem::take(&mut self.annotation));
            }
            ["collection", "document", "passage", .., "annotation", "text"] => {
                self.annotation.text = text
            }
            [.., last, "infon"] if path.starts_with(&PASSAGE) => {
                if let Some(key) = self.infon_key.take() {
                    match *last {
                        "passage" => self.passage.infons.insert(key, text),
                        "annotation" => self.annotation.infons.insert(key, text),
                        _ => None,
                    };
                }
            }
            _ => {}
        }
        self.stack.pop();
        Ok(())
    }

    fn push_text(&mut self, text: &str) {
        if let Some(buffer) = &mut self.buffer {
            buffer.push_str(text);
        }
    }

    fn push_reference(&mut self, reference: &BytesRef) -> Result<(), String> {
        let name: &str = reference;
        let resolved = match reference.resolve_char_ref() {
            Ok(Some(c)) => c.to_string(),
            Ok(None) => match quick_xml::escape::resolve_predefined_entity(name) {
                Some(s) => s.to_owned(),
                None => return Err(format!("unknown entity &{name};")),
            },
            Err(_) => return Err(format!("&{name}; is not a character")),
        };
        self.push_text(&resolved);
        Ok(())
    }
}

/// The value of attribute `key` of `e`, entities resolved.
fn attribute(e: &BytesStart, key: &str) -> Result<Option<String>, String> {
    for attribute in e.attributes() {
        let attribute = attribute.map_err(|e| e.to_string())?;
        if attribute.key.local_name().into_inner() == key {
            let value = attribute
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|e| format!("attribute {key}: {e}"))?;
            return Ok(Some(value.into_owned()));
        }
    }
    Ok(None)
}

// ---------------------------------------------------------------------------------------------
// JSON

fn parse_json(input: &str) -> Result<Vec<BiocDocument>, String> {
    let value: Value = serde_json::from_str(input).map_err(|e| format!("JSON: {e}"))?;
    let mut documents = Vec::new();
    json_documents(&value, &mut documents, 0)?;
    documents.iter().enumerate().map(|(i, d)| json_document(i + 1, d)).collect()
}

/// The documents of a collection, of an array of collections or documents, of PubTator3's
/// `{"PubTator3": [...]}`, or a document itself.
fn json_documents<'a>(
    value: &'a Value,
    documents: &mut Vec<&'a Value>,
    depth: usize,
) -> Result<(), String> {
    let not_bioc = || {
        "neither a BioC collection (with \"documents\") nor a document (with \"passages\")"
            .to_owned()
    };
    match value {
        Value::Array(items) if depth < 2 => {
            for item in items {
                json_documents(item, documents, depth + 1)?;
            }
        }
        Value::Object(object) => {
            if let Some(inner) = object.get("documents").or_else(|| object.get("PubTator3")) {
                let Value::Array(items) = inner else {
                    return Err("\"documents\" is not an array".to_owned());
                };
                documents.extend(items);
            } else if object.contains_key("passages") {
                documents.push(value);
            } else {
                return Err(not_bioc());
            }
        }
        _ => return Err(not_bioc()),
    }
    Ok(())
}

fn json_document(n: usize, value: &Value) -> Result<BiocDocument, String> {
    let Value::Object(object) = value else {
        return Err(format!("document {n} is not an object"));
    };
    let id = match object.get("id").or_else(|| object.get("pmid")) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(number)) => number.to_string(),
        _ => String::new(),
    };
    let label = document_label(n, &id);
    let mut document = BiocDocument { id, passages: Vec::new() };
    let mut sentences = Vec::new();
    for (i, passage) in json_array(object, "passages").map_err(|e| format!("{label}: {e}"))? {
        let fail = |e: String| format!("{label}: passage {}: {e}", i + 1);
        let Value::Object(passage) = passage else {
            return Err(fail("not an object".to_owned()));
        };
        let offset = json_number(passage, "offset").map_err(fail)?;
        let mut annotations = json_annotations(passage).map_err(fail)?;
        let mut passage_sentences = Vec::new();
        for (j, sentence) in json_array(passage, "sentences").map_err(fail)? {
            let fail = |e: String| fail(format!("sentence {}: {e}", j + 1));
            let Value::Object(sentence) = sentence else {
                return Err(fail("not an object".to_owned()));
            };
            let offset = json_number(sentence, "offset").map_err(fail)?;
            passage_sentences.push((offset, json_string(sentence, "text").map_err(fail)?));
            annotations.extend(json_annotations(sentence).map_err(fail)?);
        }
        sentences.push(passage_sentences);
        document.passages.push(BiocPassage {
            infons: json_infons(passage).map_err(fail)?,
            offset,
            text: json_string(passage, "text").map_err(fail)?,
            annotations,
        });
    }
    finish_document(n, document, sentences)
}

fn json_annotations(object: &Map<String, Value>) -> Result<Vec<BiocAnnotation>, String> {
    let mut annotations = Vec::new();
    for (i, annotation) in json_array(object, "annotations")? {
        let fail = |e: String| format!("annotation {}: {e}", i + 1);
        let Value::Object(annotation) = annotation else {
            return Err(fail("not an object".to_owned()));
        };
        let mut locations = Vec::new();
        for (j, location) in json_array(annotation, "locations").map_err(fail)? {
            let fail = |e: String| fail(format!("location {}: {e}", j + 1));
            let Value::Object(location) = location else {
                return Err(fail("not an object".to_owned()));
            };
            locations.push(BiocLocation {
                offset: json_number(location, "offset").map_err(fail)?,
                length: json_number(location, "length").map_err(fail)?,
            });
        }
        annotations.push(BiocAnnotation {
            id: match annotation.get("id") {
                Some(Value::Number(number)) => number.to_string(),
                _ => json_string(annotation, "id").map_err(fail)?,
            },
            infons: json_infons(annotation).map_err(fail)?,
            locations,
            text: json_string(annotation, "text").map_err(fail)?,
        });
    }
    Ok(annotations)
}

/// The items of array `key` of `object`, numbered; none when it is absent or null.
fn json_array<'a>(
    object: &'a Map<String, Value>,
    key: &str,
) -> Result<impl Iterator<Item = (usize, &'a Value)>, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok([].iter().enumerate()),
        Some(Value::Array(items)) => Ok(items.iter().enumerate()),
        Some(_) => Err(format!("{key} is not an array")),
    }
}

/// Number `key` of `object` (a JSON number or a string of digits).
fn json_number(object: &Map<String, Value>, key: &str) -> Result<usize, String> {
    let number = match object.get(key) {
        None | Some(Value::Null) => return Err(format!("no {key}")),
        Some(Value::Number(n)) => n.as_u64().and_then(|n| usize::try_from(n).ok()),
        Some(Value::String(s)) => s.trim().parse::<usize>().ok(),
        Some(_) => None,
    };
    number.ok_or_else(|| format!("{key} is not a number"))
}

/// String `key` of `object`; empty when it is absent or null.
fn json_string(object: &Map<String, Value>, key: &str) -> Result<String, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(_) => Err(format!("{key} is not a string")),
    }
}

/// The `infons` of `object`: strings as they are, numbers and booleans written out, nulls
/// left out.
fn json_infons(object: &Map<String, Value>) -> Result<Infons, String> {
    match object.get("infons") {
        None | Some(Value::Null) => Ok(Infons::new()),
        Some(Value::Object(infons)) => Ok(infons
            .iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| (k.clone(), v.as_str().map_or_else(|| v.to_string(), str::to_owned)))
            .collect()),
        Some(_) => Err("infons is not an object".to_owned()),
    }
}

// ---------------------------------------------------------------------------------------------
// Writers

/// `documents` as one BioC XML collection (source `biolint`, `date` as BioC writes it,
/// `20261203`, key `BioC.key`), one element a line.
pub fn to_xml(documents: &[BiocDocument], date: &str) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<!DOCTYPE collection SYSTEM \"BioC.dtd\">\n");
    let _ = writeln!(
        out,
        "<collection>\n<source>biolint</source>\n<date>{}</date>\n<key>BioC.key</key>",
        escape(date, false)
    );
    let infons = |out: &mut String, indent: &str, infons: &Infons| {
        for (key, value) in infons {
            let _ = writeln!(
                out,
                "{indent}<infon key=\"{}\">{}</infon>",
                escape(key, true),
                escape(value, false)
            );
        }
    };
    for document in documents {
        let _ = writeln!(out, "<document>\n  <id>{}</id>", escape(&document.id, false));
        for passage in &document.passages {
            out.push_str("  <passage>\n");
            infons(&mut out, "    ", &passage.infons);
            let _ = writeln!(out, "    <offset>{}</offset>", passage.offset);
            let _ = writeln!(out, "    <text>{}</text>", escape(&passage.text, false));
            for annotation in &passage.annotations {
                let _ = writeln!(out, "    <annotation id=\"{}\">", escape(&annotation.id, true));
                infons(&mut out, "      ", &annotation.infons);
                for location in &annotation.locations {
                    let _ = writeln!(
                        out,
                        "      <location offset=\"{}\" length=\"{}\"/>",
                        location.offset, location.length
                    );
                }
                let _ = writeln!(out, "      <text>{}</text>", escape(&annotation.text, false));
                out.push_str("    </annotation>\n");
            }
            out.push_str("  </passage>\n");
        }
        out.push_str("</document>\n");
    }
    out.push_str("</collection>\n");
    out
}

/// `documents` as one BioC JSON collection, in the shape bioc-python and PubTator3 write
/// (every key present, empty relations), on one line.
pub fn to_json(documents: &[BiocDocument], date: &str) -> String {
    let documents: Vec<Value> = documents
        .iter()
        .map(|d| {
            let passages: Vec<Value> = d
                .passages
                .iter()
                .map(|p| {
                    let annotations: Vec<Value> = p
                        .annotations
                        .iter()
                        .map(|a| {
                            let locations: Vec<Value> = a
                                .locations
                                .iter()
                                .map(|l| json!({"offset": l.offset, "length": l.length}))
                                .collect();
                            json!({"id": a.id, "infons": a.infons, "text": a.text, "locations": locations})
                        })
                        .collect();
                    json!({
                        "infons": p.infons, "offset": p.offset, "text": p.text,
                        "sentences": [], "annotations": annotations, "relations": [],
                    })
                })
                .collect();
            json!({
                "id": d.id, "infons": {}, "passages": passages,
                "annotations": [], "relations": [],
            })
        })
        .collect();
    json!({
        "source": "biolint", "date": date, "key": "BioC.key", "infons": {},
        "documents": documents,
    })
    .to_string()
}

/// `s` escaped for XML text or, with `attribute`, an attribute value in double quotes.
/// Characters an XML reader would change (a carriage return, and in attributes tabs and line
/// breaks) and control characters are written as character references.
fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\t' | '\n' if !attribute => out.push(c),
            c if c < ' ' || c == '\u{fffe}' || c == '\u{ffff}' => {
                let _ = write!(out, "&#{};", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE collection SYSTEM "BioC.dtd">
<collection><source>PubTator</source><date>20240101</date><key>BioC.key</key>
<document><id>123</id>
<passage><infon key="type">title</infon><offset>0</offset><text>PINK1 &amp; α-synuclein</text>
<annotation id="1"><infon key="identifier">65018</infon><infon key="type">Gene</infon>
<location offset="0" length="5"/><text>PINK1</text></annotation></passage>
<passage><infon key="type">abstract</infon><offset>20</offset><text>In <![CDATA[<b>mice</b>]]>&#x2019;s brain.</text>
<annotation id="2"><infon key="type">Species</infon><infon key="identifier">10090</infon>
<location offset="26" length="4"/><text>mice</text></annotation></passage>
<relation id="R1"><infon key="type">Association</infon><node refid="1" role=""/></relation>
</document>
</collection>
"#;

    #[test]
    fn reads_xml_with_character_offsets() {
        let docs = parse(XML).unwrap();
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(d.id, "123");
        assert_eq!(d.passages[0].text, "PINK1 & α-synuclein");
        assert_eq!(d.passages[1].passage_type(), Some("abstract"));
        assert_eq!(d.passages[1].text, "In <b>mice</b>\u{2019}s brain.");
        assert_eq!(d.text(), "PINK1 & α-synuclein In <b>mice</b>\u{2019}s brain.");
        let mice = &d.passages[1].annotations[0];
        assert_eq!((mice.entity_type(), mice.identifier()), (Some("Species"), Some("10090")));
        // Offsets count characters: "mice" starts at character 26, past the α.
        let chars: Vec<char> = d.text().chars().collect();
        let location = mice.locations[0];
        let at: String = chars[location.offset..location.offset + location.length].iter().collect();
        assert_eq!(at, "mice");
        let pubtator = d.to_pubtator().unwrap();
        assert_eq!(pubtator.text(), d.text());
        assert_eq!(pubtator.annotations[1].start, 26);
        assert_eq!(pubtator.annotations[0].id, "65018");
    }

    #[test]
    fn reads_json_collections_arrays_and_pubtator3() {
        let document = r#"{"id": "7", "infons": {}, "passages": [
            {"infons": {"type": "title", "section": null, "n": 2}, "offset": 0, "text": "Ünïcode PARK2",
             "annotations": [{"id": "T1", "infons": {"type": "Gene", "identifier": "5071"},
                              "locations": [{"offset": 8, "length": 5}], "text": "PARK2"}]},
            {"infons": {"type": "abstract"}, "offset": "14", "text": "Leigh syndrome."}]}"#;
        let collection = format!(r#"{{"source": "x", "documents": [{document}]}}"#);
        for input in [
            collection.clone(),
            format!("[{collection}, {collection}]"),
            format!(r#"{{"PubTator3": [{document}]}}"#),
        ] {
            let docs = parse(&input).unwrap();
            assert!(!docs.is_empty(), "{input}");
            let d = &docs[0];
            assert_eq!(d.text(), "Ünïcode PARK2 Leigh syndrome.");
            assert_eq!(d.passages[0].infons.get("n").map(String::as_str), Some("2"));
            assert!(!d.passages[0].infons.contains_key("section"));
            assert_eq!(d.passages[0].annotations[0].locations[0].offset, 8);
            let p = d.to_pubtator().unwrap();
            assert_eq!(
                (p.title.as_str(), p.abstract_text.as_str()),
                ("Ünïcode PARK2", "Leigh syndrome.")
            );
        }
        assert_eq!(parse(&format!("[{collection}, {collection}]")).unwrap().len(), 2);
    }

    #[test]
    fn sentences_make_the_passage_text() {
        let input = r#"{"documents": [{"id": "s", "passages": [{"offset": 10, "infons": {},
            "sentences": [{"offset": 10, "text": "One."}, {"offset": 16, "text": "Two é.",
              "annotations": [{"id": "a", "locations": [{"offset": 16, "length": 3}], "text": "Two"}]}]}]}]}"#;
        let d = &parse(input).unwrap()[0];
        assert_eq!(d.passages[0].text, "One.  Two é.");
        assert_eq!(d.passages[0].annotations.len(), 1);
        assert_eq!(d.text(), format!("{}One.  Two é.", " ".repeat(10)));
        let xml = "<collection><document><id>s</id><passage><offset>3</offset>\
            <sentence><offset>3</offset><text>A b.</text></sentence>\
            <sentence><offset>8</offset><text>C.</text><annotation id=\"1\"><location offset=\"8\" length=\"1\"/><text>C</text></annotation></sentence>\
            </passage></document></collection>";
        let d = &parse(xml).unwrap()[0];
        assert_eq!(d.passages[0].text, "A b. C.");
        assert_eq!(d.passages[0].annotations[0].text, "C");
    }

    #[test]
    fn pubtator_documents_convert_both_ways() {
        let pubtator = crate::pubtator::parse(
            "9|t|Rôle of PINK1\n9|a|In mice.\n9\t8\t13\tPINK1\tGene\t65018\n9\t17\t21\tmice\tSpecies\t10090\n",
        )
        .unwrap();
        let bioc = BiocDocument::from(&pubtator[0]);
        assert_eq!(bioc.text(), pubtator[0].text());
        assert_eq!(bioc.passages[1].offset, 14);
        assert_eq!(bioc.passages[0].annotations.len(), 1);
        assert_eq!(
            bioc.passages[1].annotations[0].locations[0],
            BiocLocation { offset: 17, length: 4 }
        );
        assert_eq!(bioc.to_pubtator().as_ref(), Some(&pubtator[0]));
        // Other passages are no PubTator document.
        let mut paragraph = bioc.clone();
        paragraph.passages[1].infons.insert("type".to_owned(), "paragraph".to_owned());
        assert_eq!(paragraph.to_pubtator(), None);
        let mut moved = bioc.clone();
        moved.passages[1].offset += 1;
        assert_eq!(moved.to_pubtator(), None);
    }

    #[test]
    fn writers_round_trip_through_the_parser() {
        let mut document = BiocDocument::from(
            &crate::pubtator::parse(
                "1|t|A <b> & \"c\"  \u{3b1}\u{1F9EC}\r\u{7}\n1|a| tab\there ]]> end \n1\t0\t1\tA\tGene\t1;2\n",
            )
            .unwrap()[0],
        );
        document.passages[0].annotations[0].id = "a\"<&\n".to_owned();
        document.passages[0].infons.insert("k\"ey\t".to_owned(), "v <&>".to_owned());
        let plain = BiocDocument::plain("notes.md", "Line one\n\nline two\r\n");
        let documents = vec![document, plain];
        let xml = to_xml(&documents, "20261203");
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE collection SYSTEM \"BioC.dtd\">\n<collection>\n<source>biolint</source>\n<date>"), "{xml}");
        assert_eq!(parse(&xml).unwrap(), documents);
        let json = to_json(&documents, "20261203");
        assert_eq!(parse(&json).unwrap(), documents);
        let value: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["source"], "biolint");
        assert_eq!(
            value["documents"][0]["passages"][0]["annotations"][0]["locations"][0]["length"],
            1
        );
        assert_eq!(value["documents"][0]["passages"][1]["relations"], json!([]));
    }

    #[test]
    fn malformed_input_is_an_error_not_a_panic() {
        let cases = [
            ("", "empty"),
            ("PMID|t|x", "neither BioC XML"),
            ("<collection><document><id>1</id>", "ends inside <document>"),
            ("<collection><document></collection>", "line 1"),
            ("<html/>", "<html> where a BioC <collection> should be"),
            ("<?xml version=\"1.0\"?>", "no <collection>"),
            (
                "<collection><document><id>1</id><passage><offset>x</offset></passage></document></collection>",
                "document 1 (1): passage 1: offset \"x\" is not a number",
            ),
            (
                "<collection><document><id>1</id><passage><text>t</text></passage></document></collection>",
                "passage 1: no offset",
            ),
            (
                "<collection><document><passage><offset>0</offset></passage></document></collection>",
                "document 1: no id",
            ),
            (
                "<collection><document><id>1</id><passage><offset>0</offset><text>&bogus;</text></passage></document></collection>",
                "unknown entity &bogus;",
            ),
            (
                "<collection><document><id>1</id><passage><offset>0</offset><annotation><location offset=\"-1\" length=\"2\"/></annotation></passage></document></collection>",
                "location offset \"-1\" is not a number",
            ),
            (
                "<collection><document><id>1</id><passage><offset>5</offset><text>abcdef</text></passage><passage><offset>7</offset><text>x</text></passage></document></collection>",
                "passage 2 starts at character 7, inside passage 1 (characters 5 to 11)",
            ),
            (
                "<collection><document><id>1</id><passage><offset>99999999999</offset></passage></document></collection>",
                "past the 16777216 characters",
            ),
            (
                "<collection><document><id>1</id><passage><offset>0</offset><text>&#0;</text></passage></document></collection>",
                "not a character",
            ),
            ("<collection></collection><collection/>", "where a BioC <collection> should be"),
            (
                "{\"documents\": [{\"id\": 1, \"passages\": [{\"offset\": -3}]}]}",
                "document 1 (1): passage 1: offset is not a number",
            ),
            (
                "{\"documents\": [{\"id\": \"1\", \"passages\": [{\"text\": \"a\"}]}]}",
                "passage 1: no offset",
            ),
            ("{\"documents\": [{\"passages\": []}]}", "document 1: no id"),
            ("{\"documents\": {}}", "\"documents\" is not an array"),
            ("{\"documents\": [3]}", "document 1 is not an object"),
            (
                "{\"documents\": [{\"id\": \"1\", \"passages\": [{\"offset\": 0, \"annotations\": [{\"locations\": [{\"offset\": 1}]}]}]}]}",
                "passage 1: annotation 1: location 1: no length",
            ),
            (
                "{\"documents\": [{\"id\": \"1\", \"passages\": [{\"offset\": 0, \"text\": 5}]}]}",
                "text is not a string",
            ),
            (
                "{\"documents\": [{\"id\": \"1\", \"passages\": [{\"offset\": 18446744073709551615}]}]}",
                "past the",
            ),
            (
                "{\"documents\": [{\"id\": \"1\", \"passages\": [{\"offset\": 1e3}]}]}",
                "offset is not a number",
            ),
            ("{\"source\": 1}", "neither a BioC collection"),
            ("[[[{\"documents\": []}]]]", "neither a BioC collection"),
            ("{\"documents\": [", "JSON: EOF"),
            ("[1, 2]", "neither a BioC collection"),
        ];
        for (input, expected) in cases {
            let error = parse(input).unwrap_err();
            assert!(error.contains(expected), "{input:?}: {error}");
            assert!(!error.contains('\n'), "{input:?}: {error}");
        }
        // Every prefix of a valid file fails or parses, never panics.
        for end in (0..XML.len()).filter(|i| XML.is_char_boundary(*i)) {
            let _ = parse(&XML[..end]);
        }
        let json = to_json(&parse(XML).unwrap(), "20261203");
        for end in 0..json.len() {
            if json.is_char_boundary(end) {
                let _ = parse(&json[..end]);
            }
        }
    }

    proptest::proptest! {
        /// Damaged BioC (a few characters inserted anywhere in valid XML or JSON), and
        /// arbitrary text, is an error or a collection, never a panic.
        #[test]
        fn damaged_input_never_panics(
            at in 0usize..4000,
            inserted in "[<>/&;#x0-9a-z\"'{}\\[\\],: \u{e9}\u{1F9EC}]{0,6}",
            arbitrary in "\\PC{0,80}",
        ) {
            let _ = parse(&arbitrary);
            let documents = parse(XML).unwrap();
            for valid in [XML.to_owned(), to_xml(&documents, "20261203"), to_json(&documents, "20261203")] {
                let mut damaged = valid.clone();
                let mut at = at % valid.len();
                while !valid.is_char_boundary(at) {
                    at -= 1;
                }
                damaged.insert_str(at, &inserted);
                if let Ok(documents) = parse(&damaged) {
                    for document in &documents {
                        let _ = (document.text(), document.to_pubtator());
                    }
                }
            }
        }
    }
}
