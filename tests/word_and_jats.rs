//! `biolint check` on Word documents and JATS articles, end to end: positions users can find,
//! the same findings as the Markdown a document was made from, comments and tracked changes
//! that LibreOffice opens, and one clear line for each file that cannot be read.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn biolint_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_biolint")).current_dir(dir).args(args).output().unwrap()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/docx").join(name)
}

fn copy_fixture(dir: &Path, name: &str) {
    std::fs::copy(fixture(name), dir.join(name)).unwrap();
}

/// (rule, text) of every finding, sorted.
fn findings(dir: &Path, file: &str) -> Vec<(String, String)> {
    let out = biolint_in(dir, &["check", "--format", "json", "--fail-on", "never", file]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut found: Vec<(String, String)> = json[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["rule"].as_str().unwrap().to_owned(), d["text"].as_str().unwrap().to_owned()))
        .collect();
    found.sort();
    found
}

/// Whether LibreOffice can run here; under CI it must.
fn soffice() -> bool {
    let found = Command::new("soffice").arg("--version").output().is_ok_and(|o| o.status.success());
    if !found && std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "LibreOffice (soffice) is missing, and under CI this test must run (.ci/run installs it)"
        );
    }
    if !found {
        eprintln!("skipped the LibreOffice part: soffice is not installed");
    }
    found
}

/// Converts `file` in `dir` to PDF with LibreOffice: whether it opened.
fn opens_in_libreoffice(dir: &Path, file: &str) -> bool {
    let profile = format!("-env:UserInstallation=file://{}/lo-profile", dir.display());
    let status = Command::new("soffice")
        .current_dir(dir)
        .args([&profile, "--headless", "--convert-to", "pdf", file])
        .output()
        .unwrap();
    let pdf = dir.join(Path::new(file).with_extension("pdf"));
    status.status.success() && pdf.is_file()
}

fn part(path: &Path, name: &str) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    archive.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

#[test]
fn a_word_document_gets_the_findings_of_the_markdown_it_was_made_from() {
    let dir = tempfile::tempdir().unwrap();
    // Pandoc drops HTML comments, the suppression directive among them: compare with the
    // Markdown without it.
    let markdown = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/manuscript.md"),
    )
    .unwrap();
    let without_directives: String = markdown
        .lines()
        .filter(|l| !l.contains("biolint-disable"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(dir.path().join("manuscript.md"), without_directives).unwrap();
    let expected = findings(dir.path(), "manuscript.md");
    assert!(expected.len() > 10);
    for name in ["manuscript-pandoc.docx", "manuscript-libreoffice.docx"] {
        copy_fixture(dir.path(), name);
        assert_eq!(findings(dir.path(), name), expected, "{name}");
    }
}

#[test]
fn word_positions_are_paragraphs() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(dir.path(), "word-features.docx");
    let out = biolint_in(dir.path(), &["check", "word-features.docx"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("word-features.docx:¶1:8: warning[gene/previous-symbol]: PARK2 is a previous HGNC symbol of PRKN"),
        "{stdout}"
    );
    assert!(stdout.contains("1 | Split: PARK2 was renamed.\n"), "{stdout}");
    // The footnote (¶14) follows the paragraph that cites it.
    assert!(stdout.contains("= also at ¶12:1, ¶14:2, ¶20:26"), "{stdout}");
    let out = biolint_in(dir.path(), &["check", "--format", "json", "word-features.docx"]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let nrf2 = json[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["text"] == "NRF2")
        .unwrap()
        .clone();
    assert_eq!((nrf2["paragraph"].as_u64(), nrf2["column"].as_u64()), (Some(18), Some(1)));
}

#[test]
fn comments_go_into_a_copy_that_libreoffice_opens() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(dir.path(), "manuscript-pandoc.docx");
    let before = std::fs::read(dir.path().join("manuscript-pandoc.docx")).unwrap();
    let out = biolint_in(
        dir.path(),
        &["check", "--comments", "commented.docx", "manuscript-pandoc.docx"],
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr, "biolint: wrote commented.docx: 18 comments\n");
    assert_eq!(std::fs::read(dir.path().join("manuscript-pandoc.docx")).unwrap(), before);
    let comments = part(&dir.path().join("commented.docx"), "word/comments.xml");
    assert_eq!(comments.matches("w:author=\"biolint\"").count(), 18);
    assert!(comments.contains("PARK2 is a previous HGNC symbol of PRKN"));
    assert!(comments.contains("[gene/previous-symbol]"));
    // The copy reads as the original did.
    assert_eq!(
        findings(dir.path(), "commented.docx"),
        findings(dir.path(), "manuscript-pandoc.docx")
    );
    // A copy over the document itself is refused.
    let out = biolint_in(
        dir.path(),
        &["check", "--comments", "manuscript-pandoc.docx", "manuscript-pandoc.docx"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(dir.path().join("manuscript-pandoc.docx")).unwrap(), before);
    // One copy of one Word document: not of several, nor of a Markdown file.
    std::fs::write(dir.path().join("notes.md"), "PARK2.\n").unwrap();
    for inputs in [&["manuscript-pandoc.docx", "commented.docx"][..], &["notes.md"]] {
        let mut args = vec!["check", "--comments", "again.docx"];
        args.extend(inputs);
        let out = biolint_in(dir.path(), &args);
        assert_eq!(out.status.code(), Some(2), "{inputs:?}");
        assert!(String::from_utf8(out.stderr).unwrap().contains("give one .docx"));
        assert!(!dir.path().join("again.docx").exists());
    }
    if soffice() {
        assert!(opens_in_libreoffice(dir.path(), "commented.docx"));
    }
}

#[test]
fn fixes_are_tracked_changes_and_a_second_run_finds_none_left() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(dir.path(), "word-features.docx");
    let out = biolint_in(dir.path(), &["check", "--fix", "word-features.docx"]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with("biolint: wrote word-features.docx: 5 tracked changes"), "{stderr}");
    let document = part(&dir.path().join("word-features.docx"), "word/document.xml");
    // One insertion per fix; a word split across runs (`PAR` + italic `K2`) is two deletions.
    let by = |author: &str| {
        document
            .split("<w:ins ")
            .skip(1)
            .filter(|tag| tag.split('>').next().unwrap().contains(author))
            .count()
    };
    assert_eq!((by("\"biolint\""), by("\"Reviewer\"")), (4, 1));
    let footnotes = part(&dir.path().join("word-features.docx"), "word/footnotes.xml");
    assert!(
        footnotes.contains("<w:t xml:space=\"preserve\">PRKN</w:t>"),
        "the fifth, in the footnote"
    );
    // The Reviewer's own tracked change is kept.
    assert!(document.contains("w:author=\"Reviewer\""));
    let again = biolint_in(dir.path(), &["check", "--fix", "word-features.docx"]);
    assert!(String::from_utf8(again.stderr).unwrap().is_empty(), "nothing left to fix");
    let left = findings(dir.path(), "word-features.docx");
    assert!(
        left.iter()
            .all(|(rule, _)| rule != "gene/previous-symbol" && rule != "variant/hgvs-syntax"),
        "{left:?}"
    );
    if soffice() {
        assert!(opens_in_libreoffice(dir.path(), "word-features.docx"));
    }
    // A read-only document is reported and left as it was.
    copy_fixture(dir.path(), "manuscript-pandoc.docx");
    let path = dir.path().join("manuscript-pandoc.docx");
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions).unwrap();
    let out = biolint_in(dir.path(), &["check", "--fix", "manuscript-pandoc.docx"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "biolint: manuscript-pandoc.docx: is read-only; not fixed\n"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        std::fs::read(fixture("manuscript-pandoc.docx")).unwrap()
    );
}

#[test]
fn unreadable_word_files_get_one_line_each_and_the_rest_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "encrypted.docx",
        "old-binary.doc",
        "corrupt.docx",
        "no-document-xml.docx",
        "not-a-zip.docx",
        "manuscript-pandoc.docx",
    ] {
        copy_fixture(dir.path(), name);
    }
    let out = biolint_in(
        dir.path(),
        &[
            "check",
            "--quiet",
            "encrypted.docx",
            "old-binary.doc",
            "corrupt.docx",
            "no-document-xml.docx",
            "not-a-zip.docx",
            "manuscript-pandoc.docx",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 5, "{stderr}");
    assert!(lines[0].starts_with("biolint: encrypted.docx: is encrypted (password-protected)"));
    assert!(lines[1].starts_with("biolint: old-binary.doc: is a Word 97–2003 document (.doc)"));
    assert!(lines[2].starts_with("biolint: corrupt.docx: is a damaged ZIP archive"));
    assert!(lines[3].starts_with("biolint: no-document-xml.docx: has no word/document.xml"));
    assert!(lines[4].starts_with("biolint: not-a-zip.docx: is not a Word document"));
    assert!(String::from_utf8(out.stdout).unwrap().contains("in 1 of 1 file"));
}

const ARTICLE: &str = r#"<?xml version="1.0"?>
<!DOCTYPE article PUBLIC "-//NLM//DTD Journal Archiving and Interchange DTD v2.3 20070202//EN" "archivearticle.dtd">
<article><front><article-meta><title-group><article-title>Loss of <italic>PARK2</italic> in TGF-&#x003b2; signalling</article-title></title-group></article-meta></front>
<body><sec><title>Results</title>
<p>CX43 rose <xref ref-type="bibr" rid="b1">[1]</xref>, and m.8993 T&gt;G was found.</p></sec></body>
<back><ref-list><ref id="b1"><mixed-citation>Smith J. PARK2 in mice.</mixed-citation></ref></ref-list></back></article>
"#;

#[test]
fn jats_findings_point_at_the_xml() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("article.nxml"), ARTICLE).unwrap();
    let out = biolint_in(dir.path(), &["check", "--format", "json", "article.nxml"]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let found: Vec<(String, u64, u64)> = json[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] != "hint")
        .map(|d| {
            (
                d["text"].as_str().unwrap().to_owned(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("PARK2".to_owned(), 3, 75),
            ("TGF-β".to_owned(), 3, 93),
            ("CX43".to_owned(), 5, 4),
            ("m.8993 T>G".to_owned(), 5, 61)
        ]
    );
    // Where the XML holds a character reference, the finding reads as the reader sees it
    // and offers no fix that would edit the XML blindly.
    let variant = &json[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["text"] == "m.8993 T>G")
        .unwrap()
        .clone();
    assert!(variant["fixes"].as_array().unwrap().is_empty());
    let out = biolint_in(dir.path(), &["check", "--fix", "article.nxml"]);
    assert!(out.status.code().is_some_and(|c| c < 2));
    let fixed = std::fs::read_to_string(dir.path().join("article.nxml")).unwrap();
    assert!(
        fixed.contains("<italic>PRKN</italic>")
            && fixed.contains("&#x003b2;")
            && fixed.contains("T&gt;G"),
        "{fixed}"
    );
    // Broken XML is one line.
    std::fs::write(dir.path().join("broken.nxml"), "<article><body><p>PARK2</body>").unwrap();
    let out = biolint_in(dir.path(), &["check", "broken.nxml"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with("biolint: broken.nxml: is not well-formed XML"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1);
}
