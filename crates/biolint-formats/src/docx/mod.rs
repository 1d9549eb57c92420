//! Word documents (`.docx`): read into text a line per paragraph, and written back with
//! biolint's findings as Word comments or its fixes as tracked changes.
//!
//! A `.docx` is a ZIP archive of XML parts. Everything that could make reading it dangerous or
//! slow is refused with one line: an encrypted document or a Word 97–2003 `.doc` (both OLE
//! compound files, not ZIP), a damaged archive, an archive that unpacks to more than
//! [`MAX_UNPACKED_BYTES`] (a ZIP bomb), a package without a main document.

mod read;
mod write;

use std::io::{Cursor, Read};

pub use read::{Extract, Piece};
use read::{NoteKind, Part};
pub use write::{Comment, Edit};

/// The most a document's parts may unpack to: far above any manuscript (a 500-page thesis's
/// XML is about 20 MB), far below what would exhaust memory.
pub const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;

/// The relationship types of the parts biolint reads.
const OFFICE_DOCUMENT: &str = "/officeDocument";
const FOOTNOTES: &str = "/footnotes";
const ENDNOTES: &str = "/endnotes";

/// A Word document read: its text and the parts it came from.
pub struct Docx {
    archive: Vec<u8>,
    parts: Vec<Part>,
    main: usize,
    extract: Extract,
}

impl Docx {
    /// Reads a `.docx` file's bytes. The error is one line for the user, without the file's
    /// name.
    pub fn read(bytes: Vec<u8>) -> Result<Docx, String> {
        if is_compound_file(&bytes) {
            let utf16 = |s: &str| s.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>();
            let encrypted = utf16("EncryptedPackage");
            return Err(if bytes.windows(encrypted.len()).any(|w| w == encrypted) {
                "is encrypted (password-protected); save an unprotected copy to check it".into()
            } else {
                "is a Word 97–2003 document (.doc), not .docx; save it as .docx to check it".into()
            });
        }
        if !bytes.starts_with(b"PK") {
            return Err(
                "is not a Word document (.docx files are ZIP archives; this is not one)".into()
            );
        }
        let mut archive = zip::ZipArchive::new(Cursor::new(&bytes[..]))
            .map_err(|e| format!("is a damaged ZIP archive, not a readable .docx ({e})"))?;
        let mut budget = MAX_UNPACKED_BYTES;
        let mut read_part = |name: &str| -> Result<Option<String>, String> {
            let mut file = match archive.by_name(name) {
                Ok(file) => file,
                Err(zip::result::ZipError::FileNotFound) => return Ok(None),
                Err(e) => return Err(format!("cannot read {name} ({e})")),
            };
            let mut data = Vec::new();
            (&mut file)
                .take(budget + 1)
                .read_to_end(&mut data)
                .map_err(|e| format!("is damaged: {name} cannot be unpacked ({e})"))?;
            if data.len() as u64 > budget {
                return Err(format!(
                    "unpacks to more than {} MB; not read (a ZIP bomb?)",
                    MAX_UNPACKED_BYTES / (1024 * 1024)
                ));
            }
            budget -= data.len() as u64;
            let mut text = String::from_utf8(data)
                .map_err(|_| format!("is damaged: {name} is not UTF-8 XML"))?;
            // The byte-order mark some writers put first is no part of the XML: offsets into
            // the part count without it.
            let marks = text.len() - text.trim_start_matches('\u{FEFF}').len();
            text.drain(..marks);
            Ok(Some(text))
        };
        let main_name = read_part("_rels/.rels")?
            .and_then(|rels| relationship_target(&rels, OFFICE_DOCUMENT, ""))
            .unwrap_or_else(|| "word/document.xml".to_owned());
        let Some(main_xml) = read_part(&main_name)? else {
            return Err(format!("has no {main_name}: not a Word document"));
        };
        let folder = main_name.rsplit_once('/').map_or("", |(folder, _)| folder);
        let file_name = main_name.rsplit_once('/').map_or(main_name.as_str(), |(_, f)| f);
        let rels_name = format!("{folder}/_rels/{file_name}.rels");
        let document_rels = read_part(&rels_name)?.unwrap_or_default();
        let mut parts = vec![Part { name: main_name.clone(), xml: main_xml }];
        let mut notes = Vec::new();
        for (kind, relationship) in [(NoteKind::Footnote, FOOTNOTES), (NoteKind::Endnote, ENDNOTES)]
        {
            if let Some(name) = relationship_target(&document_rels, relationship, folder)
                && let Some(xml) = read_part(&name)?
            {
                notes.push((kind, parts.len()));
                parts.push(Part { name, xml });
            }
        }
        let extract = read::extract(&parts, 0, &notes).map_err(|e| format!("is damaged: {e}"))?;
        Ok(Docx { archive: bytes, parts, main: 0, extract })
    }

    /// The file's bytes, as read.
    pub fn bytes(&self) -> &[u8] {
        &self.archive
    }

    /// The text a reader sees, a line per paragraph in reading order.
    pub fn text(&self) -> &str {
        &self.extract.text
    }

    /// What Word says of the text: italics, citations, the bibliography, tables.
    pub fn structure(&self) -> &biolint_core::Structure {
        &self.extract.structure
    }

    /// A copy of the document with `comments` anchored on their spans of the text, by
    /// `author` on `date`; nothing else changes. Returns the document's bytes and how many
    /// comments could be anchored (see [`write::Written`]).
    pub fn with_comments(
        &self,
        comments: &[Comment],
        author: &str,
        date: &str,
    ) -> Result<(Vec<u8>, write::Written), String> {
        write::annotated(self, comments, &[], author, date)
    }

    /// A copy of the document with `edits` made as tracked changes by `author` on `date`;
    /// nothing else changes. Returns the document's bytes and how many edits could be made (an
    /// edit across text Word does not store as plain runs, a field or a tracked change, is
    /// left).
    pub fn with_tracked_changes(
        &self,
        edits: &[Edit],
        author: &str,
        date: &str,
    ) -> Result<(Vec<u8>, write::Written), String> {
        write::annotated(self, &[], edits, author, date)
    }
}

/// Whether `bytes` are an OLE compound file: a Word 97–2003 document, or an encrypted Word
/// document (which `Docx::read` tells apart and refuses).
pub fn is_compound_file(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// The target of the first relationship whose type ends with `kind` in a `.rels` part,
/// resolved against `folder`.
fn relationship_target(rels: &str, kind: &str, folder: &str) -> Option<String> {
    let mut reader = quick_xml::Reader::from_str(rels);
    loop {
        match reader.read_event().ok()? {
            quick_xml::events::Event::Empty(e) | quick_xml::events::Event::Start(e)
                if e.local_name().as_ref() == "Relationship" =>
            {
                let get = |name: &str| {
                    e.attributes().flatten().find(|a| a.key.as_ref() == name).and_then(|a| {
                        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .ok()
                            .map(|v| v.into_owned())
                    })
                };
                if get("Type").is_some_and(|t| t.ends_with(kind)) {
                    let target = get("Target")?;
                    return Some(resolve(folder, &target));
                }
            }
            quick_xml::events::Event::Eof => return None,
            _ => {}
        }
    }
}

/// `target`, relative to `folder` (or absolute, from the package root), as a part name.
fn resolve(folder: &str, target: &str) -> String {
    if let Some(absolute) = target.strip_prefix('/') {
        return absolute.to_owned();
    }
    let mut segments: Vec<&str> = folder.split('/').filter(|s| !s.is_empty()).collect();
    for segment in target.split('/') {
        match segment {
            ".." => {
                segments.pop();
            }
            "." | "" => {}
            _ => segments.push(segment),
        }
    }
    segments.join("/")
}
