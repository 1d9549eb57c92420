//! Writing findings into a copy of a Word document, in Word's own terms: a comment anchored on
//! each finding's words, and each fix as a tracked change (the old words deleted, the new ones
//! inserted) that the author accepts or rejects. Only the runs that hold those words are split;
//! every other byte of every part is copied as it was.

use std::collections::HashMap;
use std::io::{Cursor, Read, Write};
use std::ops::Range;

use super::Docx;
use super::read::{Piece, raw_offset};

/// A comment to anchor on `span` of the document's text; each line is a paragraph.
pub struct Comment {
    pub span: Range<usize>,
    pub text: String,
}

/// A replacement of `span` of the document's text, written as a tracked change.
pub struct Edit {
    pub span: Range<usize>,
    pub replacement: String,
}

/// How many comments and edits were written.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Written {
    pub comments: usize,
    pub edits: usize,
}

const COMMENTS_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const COMMENTS_CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
const W_NAMESPACE: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Text inserted at a raw byte offset of a part; at one offset, in the order added.
struct Insertion {
    part: usize,
    at: usize,
    text: String,
}

pub(super) fn annotated(
    docx: &Docx,
    comments: &[Comment],
    edits: &[Edit],
    author: &str,
    date: &str,
) -> Result<(Vec<u8>, Written), String> {
    let pieces = &docx.extract.pieces;
    let mut insertions: Vec<Insertion> = Vec::new();
    // Comment and revision ids must be unique in the whole package (comments, headers too).
    let mut next_id = largest_id_in_package(docx)? + 1;
    let mut written = Written::default();
    let author = escape(author);
    let date = escape(date);

    let mut comment_xml = String::new();
    for comment in comments {
        let Some(overlapping) = overlapping(pieces, &comment.span) else { continue };
        // Comments anchored in a footnote or an endnote stop LibreOffice from opening the
        // document; those findings go without one.
        if pieces[overlapping.start].part != docx.main {
            continue;
        }
        let id = next_id;
        next_id += 1;
        let (first, last) = (&pieces[overlapping.start], &pieces[overlapping.end - 1]);
        // Around the text the pieces hold: a symbol or a tab at either end stays outside.
        let (start, end) =
            (comment.span.start.max(first.text.start), comment.span.end.min(last.text.end));
        split(
            docx,
            first,
            start,
            format!("<w:commentRangeStart w:id=\"{id}\"/>"),
            &mut insertions,
            &mut next_id,
        );
        split(
            docx,
            last,
            end,
            format!(
                "<w:commentRangeEnd w:id=\"{id}\"/><w:r><w:commentReference w:id=\"{id}\"/></w:r>"
            ),
            &mut insertions,
            &mut next_id,
        );
        comment_xml.push_str(&format!(
            "<w:comment w:id=\"{id}\" w:author=\"{author}\" w:date=\"{date}\" w:initials=\"BL\">"
        ));
        for (i, line) in comment.text.lines().enumerate() {
            comment_xml.push_str("<w:p>");
            if i == 0 {
                comment_xml.push_str("<w:r><w:annotationRef/></w:r>");
            }
            comment_xml.push_str(&format!(
                "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                escape(line)
            ));
        }
        comment_xml.push_str("</w:comment>");
        written.comments += 1;
    }

    let mut edited_until = 0;
    for edit in edits {
        if edit.span.start < edited_until {
            continue;
        }
        let Some(covering) = covering(pieces, &edit.span) else { continue };
        edited_until = edit.span.end.max(edit.span.start + 1);
        let covered = &pieces[covering];
        for (i, piece) in covered.iter().enumerate() {
            let from = edit.span.start.max(piece.text.start);
            let to = edit.span.end.min(piece.text.end);
            let mut after = String::new();
            if from < to {
                // The run is closed before the deleted text, which goes into a deleted run.
                let deletion_id = next_id;
                next_id += 1;
                let properties = properties(docx, piece, &mut next_id);
                insertions.push(Insertion {
                    part: piece.part,
                    at: raw_at(docx, piece, from),
                    text: format!(
                        "</w:t></w:r><w:del w:id=\"{deletion_id}\" w:author=\"{author}\" w:date=\"{date}\"><w:r>{properties}<w:delText xml:space=\"preserve\">"
                    ),
                });
                after.push_str("</w:delText></w:r></w:del>");
            }
            if i == covered.len() - 1 && !edit.replacement.is_empty() {
                let insertion_id = next_id;
                next_id += 1;
                let properties = properties(docx, piece, &mut next_id);
                after.push_str(&format!(
                    "<w:ins w:id=\"{insertion_id}\" w:author=\"{author}\" w:date=\"{date}\"><w:r>{properties}<w:t xml:space=\"preserve\">{}</w:t></w:r></w:ins>",
                    escape(&edit.replacement)
                ));
                if from == to {
                    // A pure insertion splits the run.
                    after.insert_str(0, "</w:t></w:r>");
                }
            }
            if !after.is_empty() {
                // Then the rest of the run.
                let properties = properties(docx, piece, &mut next_id);
                insertions.push(Insertion {
                    part: piece.part,
                    at: raw_at(docx, piece, to),
                    text: format!("{after}<w:r>{properties}<w:t xml:space=\"preserve\">"),
                });
            }
        }
        written.edits += 1;
    }
    rebuild(docx, insertions, &comment_xml).map(|bytes| (bytes, written))
}

/// The range of `pieces` whose text covers `span` without a gap, all in one part and editable.
fn covering(pieces: &[Piece], span: &Range<usize>) -> Option<Range<usize>> {
    let first = pieces.partition_point(|p| p.text.end <= span.start);
    let piece = pieces.get(first)?;
    if piece.text.start > span.start {
        return None;
    }
    let mut last = first;
    while pieces[last].text.end < span.end {
        let next = pieces.get(last + 1)?;
        if next.text.start != pieces[last].text.end || next.part != piece.part {
            return None;
        }
        last += 1;
    }
    let covered = first..last + 1;
    pieces[covered.clone()].iter().all(|p| p.editable).then_some(covered)
}

/// The range of `pieces` that `span` overlaps, if they are all in one part: a comment may span
/// whatever lies between them (a tab, a symbol, a non-breaking hyphen, other runs).
fn overlapping(pieces: &[Piece], span: &Range<usize>) -> Option<Range<usize>> {
    let first = pieces.partition_point(|p| p.text.end <= span.start);
    let last = pieces.partition_point(|p| p.text.start < span.end);
    let part = pieces.get(first)?.part;
    (first < last && pieces[first..last].iter().all(|p| p.part == part)).then_some(first..last)
}

/// A copy of the run properties of `piece`'s run, as XML, for a new run: a tracked formatting
/// change in them (`w:rPrChange`) gets an id of its own, from `next_id`.
fn properties(docx: &Docx, piece: &Piece, next_id: &mut u64) -> String {
    let Some(range) = piece.properties.clone() else { return String::new() };
    let xml = &docx.parts[piece.part].xml[range];
    let mut copy = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(at) = rest.find("w:id=\"") {
        let value_start = at + "w:id=\"".len();
        let Some(value_len) = rest[value_start..].find('"') else { break };
        copy.push_str(&rest[..value_start]);
        copy.push_str(&next_id.to_string());
        *next_id += 1;
        rest = &rest[value_start + value_len..];
    }
    copy.push_str(rest);
    copy
}

/// The raw offset in the part where the text offset `at` of `piece` falls.
fn raw_at(docx: &Docx, piece: &Piece, at: usize) -> usize {
    let raw = &docx.parts[piece.part].xml[piece.xml.clone()];
    piece.xml.start + raw_offset(raw, at - piece.text.start)
}

/// Splits `piece`'s run at text offset `at` and puts `between` between the halves.
fn split(
    docx: &Docx,
    piece: &Piece,
    at: usize,
    between: String,
    insertions: &mut Vec<Insertion>,
    next_id: &mut u64,
) {
    let properties = properties(docx, piece, next_id);
    let raw = raw_at(docx, piece, at);
    insertions.push(Insertion {
        part: piece.part,
        at: raw,
        text: format!("</w:t></w:r>{between}<w:r>{properties}<w:t xml:space=\"preserve\">"),
    });
}

/// The parts with the insertions made and the comments added, in a copy of the archive.
fn rebuild(
    docx: &Docx,
    mut insertions: Vec<Insertion>,
    comment_xml: &str,
) -> Result<Vec<u8>, String> {
    // Every split `<w:t>` keeps its spaces at the ends of the halves.
    let mut preserve: Vec<(usize, usize)> = insertions
        .iter()
        .filter_map(|i| {
            let xml = &docx.parts[i.part].xml;
            let tag_start = xml[..i.at].rfind('<')?;
            let tag = &xml[tag_start..i.at];
            (tag.starts_with("<w:t") && !tag.contains("xml:space"))
                .then_some((i.part, tag_start + 4))
        })
        .collect();
    preserve.sort_unstable();
    preserve.dedup();
    for (part, at) in preserve {
        insertions.push(Insertion { part, at, text: " xml:space=\"preserve\"".to_owned() });
    }
    // Stable: at one offset, the order they were added in.
    insertions.sort_by_key(|i| (i.part, i.at));
    let mut new_parts: HashMap<&str, String> = HashMap::new();
    for (index, part) in docx.parts.iter().enumerate() {
        let mine: Vec<&Insertion> = insertions.iter().filter(|i| i.part == index).collect();
        if mine.is_empty() {
            continue;
        }
        let mut xml = String::with_capacity(part.xml.len() + mine.len() * 128);
        let mut from = 0;
        for insertion in mine {
            xml.push_str(&part.xml[from..insertion.at]);
            xml.push_str(&insertion.text);
            from = insertion.at;
        }
        xml.push_str(&part.xml[from..]);
        new_parts.insert(part.name.as_str(), xml);
    }

    let mut archive = zip::ZipArchive::new(Cursor::new(&docx.archive[..]))
        .map_err(|e| format!("cannot reopen the document ({e})"))?;
    let main = &docx.parts[docx.main].name;
    let (folder, file) = main.rsplit_once('/').unwrap_or(("", main.as_str()));
    let rels_name = format!("{folder}/_rels/{file}.rels");
    let comments_name = format!("{folder}/comments.xml");
    let mut extra: Vec<(String, String)> = Vec::new();
    if !comment_xml.is_empty() {
        let existing = read_entry(&mut archive, &comments_name)?;
        match existing {
            Some(xml) => {
                let merged = append_to_root(&xml, "w:comments", comment_xml)
                    .ok_or("its comments part is damaged")?;
                new_parts.insert(comments_name.as_str(), merged);
            }
            _ => {
                extra.push((
                    comments_name.clone(),
                    format!(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments xmlns:w=\"{W_NAMESPACE}\">{comment_xml}</w:comments>"
                    ),
                ));
                let rels = read_entry(&mut archive, &rels_name)?.unwrap_or_else(|| {
                    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"></Relationships>".to_owned()
                });
                if !rels.contains(COMMENTS_TYPE) {
                    let relationship = format!(
                        "<Relationship Id=\"rIdBiolintComments\" Type=\"{COMMENTS_TYPE}\" Target=\"comments.xml\"/>"
                    );
                    let updated = append_to_root(&rels, "Relationships", &relationship)
                        .ok_or("its relationships are damaged")?;
                    if archive.index_for_name(&rels_name).is_some() {
                        new_parts.insert(rels_name.as_str(), updated);
                    } else {
                        extra.push((rels_name.clone(), updated));
                    }
                }
                let types = read_entry(&mut archive, "[Content_Types].xml")?
                    .ok_or("has no [Content_Types].xml")?;
                if !types.contains(&format!("PartName=\"/{comments_name}\"")) {
                    let override_ = format!(
                        "<Override PartName=\"/{comments_name}\" ContentType=\"{COMMENTS_CONTENT_TYPE}\"/>"
                    );
                    let updated = append_to_root(&types, "Types", &override_)
                        .ok_or("its content types are damaged")?;
                    new_parts.insert("[Content_Types].xml", updated);
                }
            }
        }
    }

    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let fail = |e: zip::result::ZipError| format!("cannot write the copy ({e})");
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index).map_err(fail)?;
        let name = entry.name().map_err(fail)?.into_owned();
        match new_parts.get(name.as_str()) {
            Some(xml) => {
                drop(entry);
                out.start_file(name.as_str(), options).map_err(fail)?;
                out.write_all(xml.as_bytes())
                    .map_err(|e| format!("cannot write the copy ({e})"))?;
            }
            None => out.raw_copy_file(entry).map_err(fail)?,
        }
    }
    for (name, xml) in extra {
        out.start_file(name.as_str(), options).map_err(fail)?;
        out.write_all(xml.as_bytes()).map_err(|e| format!("cannot write the copy ({e})"))?;
    }
    Ok(out.finish().map_err(fail)?.into_inner())
}

/// `xml` with `content` added at the end of its root element `root`, written `<root>...</root>`
/// or, empty, `<root .../>`.
fn append_to_root(xml: &str, root: &str, content: &str) -> Option<String> {
    if let Some(at) = xml.rfind(&format!("</{root}>")) {
        return Some(format!("{}{content}{}", &xml[..at], &xml[at..]));
    }
    let open = xml.find(&format!("<{root}"))?;
    let close = open + xml[open..].find('>')?;
    xml[..close]
        .ends_with('/')
        .then(|| format!("{}>{content}</{root}>{}", &xml[..close - 1], &xml[close + 1..]))
}

fn read_entry(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, String> {
    let mut entry = match archive.by_name(name) {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("cannot read {name} ({e})")),
    };
    let mut text = String::new();
    (&mut entry)
        .take(super::MAX_UNPACKED_BYTES)
        .read_to_string(&mut text)
        .map_err(|e| format!("cannot read {name} ({e})"))?;
    Ok(Some(text))
}

/// The largest `w:id` of every XML part of the package.
fn largest_id_in_package(docx: &Docx) -> Result<u64, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(&docx.archive[..]))
        .map_err(|e| format!("cannot reopen the document ({e})"))?;
    let names: Vec<String> = archive
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .filter(|n| n.starts_with("word/") && n.ends_with(".xml"))
        .collect();
    // The parts read already are not unpacked again.
    let mut largest = docx.parts.iter().map(|p| largest_id(&p.xml)).max().unwrap_or(0);
    for name in names.iter().filter(|n| docx.parts.iter().all(|p| &p.name != *n)) {
        if let Some(xml) = read_entry(&mut archive, name)? {
            largest = largest.max(largest_id(&xml));
        }
    }
    Ok(largest)
}

/// The largest number in a `w:id="N"` attribute of `xml`.
fn largest_id(xml: &str) -> u64 {
    xml.match_indices("w:id=\"")
        .filter_map(|(at, found)| {
            let rest = &xml[at + found.len()..];
            rest[..rest.find('"')?].parse().ok()
        })
        .max()
        .unwrap_or(0)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_escaping() {
        assert_eq!(largest_id(r#"<w:comment w:id="3"/><w:ins w:id="12"/>"#), 12);
        assert_eq!(escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
        assert_eq!(super::super::read::decoded_length("a&amp;b&#x3b1;"), 1 + 1 + 1 + 2);
    }
}
