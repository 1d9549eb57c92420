//! Reading the documents named on the command line, with one clear line for each that cannot be
//! read, so that one bad file never stops the others.

use std::fs;
use std::io::Read;
use std::path::Path;

use biolint_core::DocumentKind;

use crate::MAX_DOCUMENT_BYTES;

/// A document read from disk or standard input.
pub struct Input {
    /// The path as given, or `-` for standard input.
    pub name: String,
    pub text: String,
    pub kind: DocumentKind,
}

/// Why an input could not be read: one line, naming the input.
pub struct InputError(pub String);

/// Reads `path`, or standard input for `-`. `kind` overrides the kind the extension implies;
/// a file with an unknown extension is read as plain text.
pub fn read(path: &str, kind: Option<DocumentKind>) -> Result<Input, InputError> {
    let fail = |problem: String| InputError(format!("{path}: {problem}"));
    let bytes = if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(MAX_DOCUMENT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| fail(format!("cannot read standard input: {e}")))?;
        bytes
    } else {
        let metadata = fs::metadata(path).map_err(|e| fail(io_problem(&e)))?;
        if metadata.is_dir() {
            return Err(fail("is a directory, not a file".to_owned()));
        }
        if metadata.len() > MAX_DOCUMENT_BYTES {
            return Err(fail(too_large(metadata.len())));
        }
        fs::read(path).map_err(|e| fail(io_problem(&e)))?
    };
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(fail(too_large(bytes.len() as u64)));
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
    let kind =
        kind.or_else(|| DocumentKind::from_path(Path::new(path))).unwrap_or(DocumentKind::Plain);
    Ok(Input { name: path.to_owned(), text, kind })
}

fn too_large(bytes: u64) -> String {
    format!(
        "is too large ({:.1} MB; biolint reads files of up to {} MB)",
        bytes as f64 / 1e6,
        MAX_DOCUMENT_BYTES / (1024 * 1024)
    )
}

fn io_problem(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    }
}
