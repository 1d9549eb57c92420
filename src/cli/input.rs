//! Reading the documents named on the command line, with one clear line for each that cannot be
//! read, so that one bad file never stops the others.

use std::fs;
use std::io::Read;
use std::path::Path;

use biolint_core::{Diagnostic, Document, DocumentKind, Entity};
use biolint_formats::docx::Docx;
use biolint_formats::jats::{self, Jats};

/// The largest Word document read: its figures make most of it; its text is limited when it is
/// unpacked (`biolint_formats::docx::MAX_UNPACKED_BYTES`).
const MAX_WORD_BYTES: u64 = 512 * 1024 * 1024;

/// A document read from disk or standard input.
pub struct Input {
    /// The path as given, or `-` for standard input.
    pub name: String,
    /// The text findings point into: the document's own, a Word document's read out a line
    /// per paragraph, a JATS file's XML.
    pub text: String,
    pub kind: DocumentKind,
    pub container: Container,
}

/// What a document came in.
pub enum Container {
    Text,
    /// A Word document: `text` is what it reads, a line per paragraph.
    Docx(Box<Docx>),
    /// JATS XML: `text` is the XML; the article's text is read out of it.
    Jats(Box<Jats>),
}

impl Input {
    /// The entities and findings of the document, at their places in `text`.
    pub fn analyze(&self, config: &biolint_core::Config) -> (Vec<Entity>, Vec<Diagnostic>) {
        let plain = |text| Document { text, kind: DocumentKind::Plain };
        let analysis = match &self.container {
            Container::Text => {
                biolint_core::analyze(Document { text: &self.text, kind: self.kind }, config)
            }
            Container::Docx(docx) => {
                biolint_core::analyze_structured(plain(docx.text()), docx.structure(), config)
            }
            Container::Jats(article) => {
                let analysis = biolint_core::analyze_structured(
                    plain(&article.text),
                    &article.structure,
                    config,
                );
                return jats_in_xml(article, analysis);
            }
        };
        (analysis.entities, analysis.diagnostics)
    }

    /// The entities [`biolint_core::annotate`] reports for the document, at their places in
    /// `text`.
    pub fn annotate(&self, config: &biolint_core::Config) -> Vec<Entity> {
        match self.container {
            Container::Text => {
                biolint_core::annotate(Document { text: &self.text, kind: self.kind }, config)
            }
            _ => self.analyze(config).0.into_iter().filter(Entity::is_identified).collect(),
        }
    }

    /// The text biolint reads: a Word document's paragraphs a line each, a JATS article's
    /// text read out of its XML, any other document's own text.
    pub fn reading(&self) -> &str {
        match &self.container {
            Container::Jats(article) => &article.text,
            _ => &self.text,
        }
    }

    /// Whether positions are paragraphs (a Word document's), not lines.
    pub fn in_paragraphs(&self) -> bool {
        matches!(self.container, Container::Docx(_))
    }
}

/// Entities and findings of a JATS article's text at their places in its XML. Where the XML
/// holds markup or a character reference, the reader's text is kept, and no fix is offered (it
/// would have to edit the markup).
fn jats_in_xml(article: &Jats, analysis: biolint_core::Analysis) -> (Vec<Entity>, Vec<Diagnostic>) {
    let text = &article.text;
    let entity = |mut e: Entity| {
        e.reads.get_or_insert_with(|| text[e.span.clone()].to_owned());
        e.span = article.xml_range(&e.span);
        e
    };
    let diagnostics = analysis
        .diagnostics
        .into_iter()
        .map(|mut d| {
            d.reads.get_or_insert_with(|| text[d.span.clone()].to_owned());
            d.span = article.xml_range(&d.span);
            d.fixes.retain(|f| article.is_verbatim(&f.span));
            for fix in &mut d.fixes {
                fix.span = article.xml_range(&fix.span);
            }
            d.entity = d.entity.take().map(entity);
            d
        })
        .collect();
    (analysis.entities.into_iter().map(entity).collect(), diagnostics)
}

/// Whether `path` names a JATS article: `.nxml`, or `.xml` with a JATS DOCTYPE or an
/// `<article>` root.
fn is_jats(path: &str, text: &str) -> bool {
    let extension =
        Path::new(path).extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("nxml") => true,
        Some("xml") => {
            let head = &text[..text.floor_char_boundary(4096)];
            head.contains("JATS") || head.contains("-//NLM//DTD") || head.contains("<article")
        }
        _ => false,
    }
}

/// Whether `path` is a Word document.
pub fn is_docx(path: &str) -> bool {
    Path::new(path).extension().is_some_and(|e| e.eq_ignore_ascii_case("docx"))
}

/// Whether a folder walk should check `path`: a document of a kind biolint reads, a Word
/// document or a JATS article.
pub fn is_checked(path: &Path) -> bool {
    DocumentKind::from_path(path).is_some()
        || path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ["docx", "nxml"].iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// Why an input could not be read: one line, naming the input.
pub struct InputError(pub String);

/// Reads `path`, or standard input for `-`. `kind` overrides the kind the extension implies;
/// a file with an unknown extension is read as plain text. A text larger than `max_bytes` is
/// refused (a Word document may be larger: its figures are never unpacked).
pub fn read(path: &str, kind: Option<DocumentKind>, max_bytes: u64) -> Result<Input, InputError> {
    let fail = |problem: String| InputError(format!("{path}: {problem}"));
    let bytes = if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(max_bytes + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| fail(format!("cannot read standard input: {e}")))?;
        bytes
    } else {
        let metadata = fs::metadata(path).map_err(|e| fail(io_problem(&e)))?;
        if metadata.is_dir() {
            return Err(fail("is a directory, not a file".to_owned()));
        }
        // A Word document's size is mostly its figures, which are not unpacked.
        let limit = if is_docx(path) { MAX_WORD_BYTES.max(max_bytes) } else { max_bytes };
        if metadata.len() > limit {
            return Err(fail(too_large(metadata.len(), limit)));
        }
        fs::read(path).map_err(|e| fail(io_problem(&e)))?
    };
    if bytes.len() as u64 > max_bytes && !(path != "-" && is_docx(path)) {
        return Err(fail(too_large(bytes.len() as u64, max_bytes)));
    }
    // Word 97–2003 documents and encrypted Word documents are OLE compound files.
    let word = is_docx(path) || biolint_formats::docx::is_compound_file(&bytes);
    if path != "-" && kind.is_none() && word {
        let docx = Docx::read(bytes).map_err(fail)?;
        let text = docx.text().to_owned();
        let container = Container::Docx(Box::new(docx));
        return Ok(Input { name: path.to_owned(), text, kind: DocumentKind::Plain, container });
    }
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err(fail("is a binary file (it contains NUL bytes), not text".to_owned()));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        fail(format!(
            "is not UTF-8 text (invalid byte at offset {}); save it as UTF-8",
            e.utf8_error().valid_up_to()
        ))
    })?;
    if text.contains('\0') {
        return Err(fail("is a binary file (it contains NUL bytes), not text".to_owned()));
    }
    if kind.is_none() && is_jats(path, &text) {
        let article = jats::read(&text).map_err(fail)?;
        let container = Container::Jats(Box::new(article));
        return Ok(Input { name: path.to_owned(), text, kind: DocumentKind::Plain, container });
    }
    let kind =
        kind.or_else(|| DocumentKind::from_path(Path::new(path))).unwrap_or(DocumentKind::Plain);
    Ok(Input { name: path.to_owned(), text, kind, container: Container::Text })
}

fn too_large(bytes: u64, limit: u64) -> String {
    format!(
        "is too large ({:.1} MB; biolint reads files of up to {} MB: --max-file-size raises it)",
        bytes as f64 / 1e6,
        limit / (1024 * 1024)
    )
}

fn io_problem(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    }
}
