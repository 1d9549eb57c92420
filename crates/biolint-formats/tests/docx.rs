//! Reading real Word files (written by pandoc, LibreOffice and python-docx; see
//! `tests/fixtures/docx/README.md`) and writing comments and tracked changes into them.

use std::io::{Cursor, Read, Write};

use biolint_formats::docx::{Comment, Docx, Edit, MAX_UNPACKED_BYTES};

fn fixture(name: &str) -> Vec<u8> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/docx/");
    std::fs::read(format!("{path}{name}")).unwrap()
}

fn read(name: &str) -> Docx {
    Docx::read(fixture(name)).unwrap()
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    archive.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

#[test]
fn what_a_reader_sees_a_line_per_paragraph_in_reading_order() {
    let docx = read("word-features.docx");
    let lines: Vec<&str> = docx.text().lines().map(str::trim).collect();
    assert_eq!(
        lines,
        [
            "Split: PARK2 was renamed.",
            "Italic: Expression of CX43 rose in astrocytes.",
            // The deletion is not read, the insertion is.
            "Tracked: Loss of PARK7 was seen.",
            // The citation field's instruction (CSL JSON naming PARK2) is not read.
            "Field: CX43 was reduced in knockout mice (Smith et al., 2020).",
            "SimpleField: Staining is shown in Figure 1.",
            "Caption: Figure 1. Mitophagy in fibroblasts.",
            // Hidden text is not read.
            "Hidden: Visible text.",
            "Table: the next table lists genes.",
            "Gene",
            "Symbol",
            "CX43",
            "PARK2",
            // A note follows the paragraph that cites it.
            "Footnote: Parkin is discussed here.",
            "PARK2 in a footnote.",
            "Endnote: Connexin is discussed here.",
            "CX43 in an endnote.",
            // The text box once, though the file holds it twice.
            "TextBox: This paragraph anchors a text box.",
            "NRF2 in a text box.",
            // The comment's text is not read.
            "Comment: Commented word in a sentence.",
            "Unicode: α-synuclein and PARK2 in Müller glia — m.8993 T>G.",
            "References",
            "1. Smith J. PARK2 and CX43 in mice. Nature. 2020.",
            "2. Jones K. NRF2 signalling in Müller glia. Cell. 2021.",
        ]
    );
}

#[test]
fn italics_citations_tables_and_the_bibliography_are_marked() {
    let docx = read("word-features.docx");
    let text = docx.text();
    let structure = docx.structure();
    let slices = |ranges: &[std::ops::Range<usize>]| -> Vec<String> {
        ranges.iter().map(|r| text[r.clone()].trim_end().to_owned()).collect()
    };
    assert_eq!(slices(&structure.italic), ["K2", "CX43"]);
    assert_eq!(slices(&structure.not_prose), ["(Smith et al., 2020)"]);
    assert_eq!(slices(&structure.tables), ["Gene\nSymbol\nCX43\nPARK2"]);
    let references = slices(&structure.references);
    assert_eq!(references.len(), 1);
    assert!(references[0].starts_with("1.") && references[0].ends_with("Cell. 2021."));
    assert!(structure.lines_are_paragraphs);
}

#[test]
fn pandoc_and_libreoffice_documents_read_like_their_markdown() {
    for name in ["manuscript-pandoc.docx", "manuscript-libreoffice.docx"] {
        let docx = read(name);
        let text = docx.text();
        assert!(text.contains("Loss of PARK2") || text.contains("PARK2 (parkin)"), "{name}");
        // Code blocks are not prose.
        let code = text.find("genes = [").unwrap();
        assert!(
            docx.structure().not_prose.iter().any(|r| r.start <= code && code < r.end),
            "{name}: the code block is prose"
        );
    }
}

#[test]
fn bad_files_get_one_clear_line() {
    let cases = [
        ("encrypted.docx", "is encrypted (password-protected)"),
        ("old-binary.doc", "is a Word 97–2003 document (.doc)"),
        ("corrupt.docx", "is a damaged ZIP archive"),
        ("no-document-xml.docx", "has no word/document.xml"),
        ("not-a-zip.docx", "is not a Word document"),
    ];
    for (name, expected) in cases {
        let error = Docx::read(fixture(name)).err().unwrap();
        assert!(error.starts_with(expected), "{name}: {error}");
        assert!(!error.contains('\n'), "{name}: {error}");
    }
}

#[test]
fn a_zip_bomb_is_refused_without_unpacking_it() {
    // A document part that unpacks to more than the limit, compressed to a few hundred KB.
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    writer.start_file("word/document.xml", options).unwrap();
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..=(MAX_UNPACKED_BYTES >> 20) {
        writer.write_all(&zeros).unwrap();
    }
    let bomb = writer.finish().unwrap().into_inner();
    assert!(bomb.len() < 2 << 20, "{} bytes", bomb.len());
    let error = Docx::read(bomb).err().unwrap();
    assert!(error.contains("unpacks to more than 256 MB"), "{error}");
}

#[test]
fn comments_are_anchored_on_their_words_and_nothing_else_changes() {
    let docx = read("manuscript-pandoc.docx");
    let text = docx.text();
    let park2 = text.find("PARK2").unwrap();
    let cx43 = text.find("CX43").unwrap();
    let comments = [
        Comment { span: park2..park2 + 5, text: "PARK2 is a previous symbol\nFix: PRKN".into() },
        Comment { span: cx43..cx43 + 4, text: "CX43 & <GJA1>".into() },
    ];
    let (bytes, written) =
        docx.with_comments(&comments, "biolint", "2026-12-03T00:00:00Z").unwrap();
    assert_eq!((written.comments, written.edits), (2, 0));
    let copy = Docx::read(bytes.clone()).unwrap();
    assert_eq!(copy.text(), text, "comments change no text");
    let document = part(&bytes, "word/document.xml");
    assert_eq!(document.matches("<w:commentRangeStart ").count(), 2);
    assert_eq!(document.matches("<w:commentReference ").count(), 2);
    let comments_xml = part(&bytes, "word/comments.xml");
    assert_eq!(comments_xml.matches("w:author=\"biolint\"").count(), 2);
    assert!(comments_xml.contains("CX43 &amp; &lt;GJA1&gt;"));
    // Every other part is byte for byte the original.
    let mut before = zip::ZipArchive::new(Cursor::new(docx.bytes())).unwrap();
    for i in 0..before.len() {
        let mut entry = before.by_index(i).unwrap();
        let name = entry.name().unwrap().into_owned();
        if name == "word/document.xml" || name == "word/comments.xml" {
            continue;
        }
        let mut original = Vec::new();
        entry.read_to_end(&mut original).unwrap();
        let mut after = zip::ZipArchive::new(Cursor::new(&bytes[..])).unwrap();
        let mut copied = Vec::new();
        after.by_name(&name).unwrap().read_to_end(&mut copied).unwrap();
        assert_eq!(original, copied, "{name}");
    }
}

#[test]
fn edits_are_tracked_changes_and_the_copy_reads_the_new_text() {
    let docx = read("word-features.docx");
    let text = docx.text();
    let split = text.find("PARK2 was renamed").unwrap();
    let variant = text.find("m.8993 T>G").unwrap();
    let field = text.find("(Smith").unwrap();
    let edits = [
        // Across the runs `PAR` and italic `K2`.
        Edit { span: split..split + 5, replacement: "PRKN".into() },
        // Inside a citation field's result: not edited.
        Edit { span: field..field + 6, replacement: "(Jones".into() },
        Edit { span: variant..variant + 10, replacement: "m.8993T>G".into() },
    ];
    let (bytes, written) =
        docx.with_tracked_changes(&edits, "biolint", "2026-12-03T00:00:00Z").unwrap();
    assert_eq!(written.edits, 2);
    let document = part(&bytes, "word/document.xml");
    assert_eq!(document.matches("w:author=\"biolint\"").count(), 2 + 1 + 2, "{document}");
    let copy = Docx::read(bytes).unwrap();
    let lines: Vec<&str> = copy.text().lines().map(str::trim).collect();
    assert_eq!(lines[0], "Split: PRKN was renamed.");
    assert_eq!(lines[3], "Field: CX43 was reduced in knockout mice (Smith et al., 2020).");
    assert_eq!(lines[19], "Unicode: α-synuclein and PARK2 in Müller glia — m.8993T>G.");
    // The other tracked changes, the notes and the rest are as they were.
    assert_eq!(copy.text().lines().count(), text.lines().count());
}

/// A minimal Word package around `body` (the content of `<w:body>`), its document part
/// preceded by `prefix` (a byte-order mark, say); its relationships part empty and self-closing.
fn package(prefix: &str, body: &str) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    let parts = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#.to_owned()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.to_owned()),
        ("word/_rels/document.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>"#.to_owned()),
        ("word/document.xml", format!(r#"{prefix}<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#)),
    ];
    for (name, xml) in parts {
        writer.start_file(name, options).unwrap();
        writer.write_all(xml.as_bytes()).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

fn edit_all(docx: &Docx, word: &str, replacement: &str) -> (Vec<u8>, usize) {
    let edits: Vec<Edit> = docx
        .text()
        .match_indices(word)
        .map(|(at, _)| Edit { span: at..at + word.len(), replacement: replacement.into() })
        .collect();
    let (bytes, written) =
        docx.with_tracked_changes(&edits, "biolint", "2026-12-03T00:00:00Z").unwrap();
    (bytes, written.edits)
}

#[test]
fn a_byte_order_mark_moves_nothing() {
    let docx = Docx::read(package(
        "\u{FEFF}",
        "<w:p><w:r><w:t xml:space=\"preserve\">BOM: A&amp;B PARK2 cost 5 €</w:t></w:r></w:p>",
    ))
    .unwrap();
    assert_eq!(docx.text(), "BOM: A&B PARK2 cost 5 €\n");
    let (bytes, edits) = edit_all(&docx, "PARK2", "PRKN");
    assert_eq!(edits, 1);
    assert_eq!(Docx::read(bytes).unwrap().text(), "BOM: A&B PRKN cost 5 €\n");
}

#[test]
fn paragraphs_nested_too_deep_are_refused_not_a_crash() {
    let deep =
        format!("{}<w:r><w:t>x</w:t></w:r>{}", "<w:p>".repeat(100_000), "</w:p>".repeat(100_000));
    let error = Docx::read(package("", &deep)).err().unwrap();
    assert!(error.contains("nests paragraphs more than 64 deep"), "{error}");
}

#[test]
fn a_tracked_formatting_change_keeps_its_new_formatting() {
    // The run was hidden and is now bold: it is read, and the fix keeps it bold.
    let body = "<w:p><w:r><w:rPr><w:b/><w:rPrChange w:id=\"3\" w:author=\"Rev\"><w:rPr><w:vanish/><w:i/></w:rPr></w:rPrChange></w:rPr><w:t>PARK2 now</w:t></w:r></w:p>";
    let docx = Docx::read(package("", body)).unwrap();
    assert_eq!(docx.text(), "PARK2 now\n");
    assert!(docx.structure().italic.is_empty());
    let (bytes, _) = edit_all(&docx, "PARK2", "PRKN");
    let document = part(&bytes, "word/document.xml");
    // Every copy of the properties is bold, with a formatting change of its own id.
    assert_eq!(document.matches("<w:b/>").count(), 4, "{document}");
    let ids: Vec<&str> =
        document.match_indices("w:id=\"").map(|(at, _)| &document[at..at + 9]).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "{ids:?}");
}

#[test]
fn line_breaks_and_tabs_inside_text_are_spaces() {
    let body = "<w:p><w:r><w:t xml:space=\"preserve\">One&#10;two\tPARK2</w:t></w:r></w:p><w:p><w:r><w:t>Next</w:t></w:r></w:p>";
    let docx = Docx::read(package("", body)).unwrap();
    assert_eq!(docx.text(), "One two PARK2\nNext\n");
}

#[test]
fn comments_into_a_package_without_comments_and_a_self_closing_relationships_part() {
    let body = "<w:p><w:r><w:t xml:space=\"preserve\">HO</w:t></w:r><w:r><w:noBreakHyphen/><w:t>1 and PARK2</w:t></w:r></w:p>";
    let docx = Docx::read(package("", body)).unwrap();
    assert_eq!(docx.text(), "HO-1 and PARK2\n");
    let comments = [
        // Across a non-breaking hyphen, which is no text of a run.
        Comment { span: 0..4, text: "HO-1 is an alias".into() },
        Comment { span: 9..14, text: "PARK2".into() },
    ];
    let (bytes, written) =
        docx.with_comments(&comments, "biolint", "2026-12-03T00:00:00Z").unwrap();
    assert_eq!(written.comments, 2);
    assert!(
        part(&bytes, "word/_rels/document.xml.rels").contains("comments.xml\"/></Relationships>")
    );
    assert!(part(&bytes, "[Content_Types].xml").contains("/word/comments.xml"));
    assert_eq!(Docx::read(bytes).unwrap().text(), docx.text());
}

#[test]
fn superscript_note_marks_are_not_prose() {
    let body = "<w:p><w:r><w:t>C10orf2</w:t></w:r><w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:t>2,3</w:t></w:r><w:r><w:t xml:space=\"preserve\"> and Ca</w:t></w:r><w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:t>2+</w:t></w:r></w:p>";
    let docx = Docx::read(package("", body)).unwrap();
    let text = docx.text();
    assert_eq!(text, "C10orf22,3 and Ca2+\n");
    let marks: Vec<&str> = docx.structure().not_prose.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(marks, ["2,3"]);
}
