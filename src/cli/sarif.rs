//! `biolint check --format sarif`: SARIF 2.1.0, as GitHub code scanning reads it.
//!
//! One run; the tool's rules with their descriptions, help and default level; each finding a
//! result with its physical location (lines 1-based, columns in UTF-16 code units, as the run
//! declares) and its fixes. A relative path stays relative to `%SRCROOT%` (the folder biolint ran
//! in); an absolute one is a `file://` URI.

use std::path::Path;

use biolint_core::diagnostic::{Diagnostic, Severity};
use biolint_core::rules;
use biolint_core::text::LineIndex;
use serde_json::{Value, json};

use crate::{REPOSITORY_URL, RULES_URL};

/// One checked file: its path as given, its text, its findings.
pub struct Checked {
    pub path: String,
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// The SARIF log of `files`, checked in folder `root`.
pub fn log(files: &[Checked], root: &Path) -> Value {
    let ids = rules::ids();
    let rules: Vec<Value> = rules::all()
        .iter()
        .map(|rule| {
            let info = rule.info();
            json!({
                "id": info.id,
                "name": info.id.replace('/', "-"),
                "shortDescription": {"text": info.summary},
                "fullDescription": {"text": info.explanation},
                "help": {"text": format!("{}\nExample: {}", info.explanation, info.example)},
                "helpUri": format!("{RULES_URL}#{}", rules::anchor(info.id)),
                "defaultConfiguration": {"level": level(info.default_severity)},
            })
        })
        .collect();
    let mut results = Vec::new();
    for file in files {
        let artifact = artifact_location(&file.path);
        let lines = LineIndex::new(&file.text);
        let region = |span: &std::ops::Range<usize>| region(&lines, span);
        for d in &file.diagnostics {
            let fixes: Vec<Value> = d
                .fixes
                .iter()
                .map(|f| {
                    json!({
                        "description": {"text": f.title},
                        "artifactChanges": [{
                            "artifactLocation": artifact,
                            "replacements": [{
                                "deletedRegion": region(&f.span),
                                "insertedContent": {"text": f.replacement},
                            }],
                        }],
                    })
                })
                .collect();
            results.push(json!({
                "ruleId": d.rule,
                "ruleIndex": ids.iter().position(|id| *id == d.rule),
                "level": level(d.severity),
                "message": {"text": d.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": artifact,
                        "region": region(&d.span),
                    },
                }],
                "fixes": fixes,
            }));
        }
    }
    let root_uri = format!("{}/", file_uri(root).trim_end_matches('/'));
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "biolint",
                "informationUri": REPOSITORY_URL,
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": root_uri}},
            "columnKind": "utf16CodeUnits",
            "results": results,
        }],
    })
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

/// A relative path relative to `%SRCROOT%`; an absolute one as a `file://` URI.
fn artifact_location(path: &str) -> Value {
    if Path::new(path).is_absolute() {
        json!({"uri": file_uri(Path::new(path))})
    } else {
        let relative = path.trim_start_matches("./");
        json!({"uri": percent_encode(relative), "uriBaseId": "%SRCROOT%"})
    }
}

fn file_uri(path: &Path) -> String {
    format!("file://{}", percent_encode(&path.to_string_lossy()))
}

/// `path` with the characters a URI cannot hold percent-encoded (`/` kept).
fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The SARIF region of byte range `span` of the text `lines` indexes: 1-based lines, 1-based
/// UTF-16 columns.
fn region(lines: &LineIndex, span: &std::ops::Range<usize>) -> Value {
    let position = |offset: usize| {
        let (line, before) = lines.line_and_prefix(offset);
        (line, before.encode_utf16().count() + 1)
    };
    let (start_line, start_column) = position(span.start);
    let (end_line, end_column) = position(span.end);
    json!({
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_utf16_code_units_and_paths_relative_or_uris() {
        let text = "α𝛼 PARK2\n";
        let start = text.find("PARK2").unwrap();
        assert_eq!(
            region(&LineIndex::new(text), &(start..start + 5)),
            json!({"startLine": 1, "startColumn": 5, "endLine": 1, "endColumn": 10})
        );
        assert_eq!(
            artifact_location("./my paper.md"),
            json!({"uri": "my%20paper.md", "uriBaseId": "%SRCROOT%"})
        );
        assert_eq!(artifact_location("/a/b.md"), json!({"uri": "file:///a/b.md"}));
    }
}
