//! Word documents answered in Word's own terms: `check --comments OUT.docx` writes a copy with a
//! comment on each finding, and `check --fix` writes a Word document's fixes as tracked changes
//! for the author to accept or reject, never as silent edits.

use biolint_core::{Applicability, Diagnostic};
use biolint_formats::docx::{Comment, Docx, Edit};

use super::{clock, fix};

/// The author of biolint's comments and changes.
const AUTHOR: &str = "biolint";

/// Writes a copy of `docx` (read from `input`) to `out` with a comment on each finding: its
/// message, rule and fixes. Returns what was written, for the user.
pub fn write_comments(
    docx: &Docx,
    diagnostics: &[Diagnostic],
    input: &str,
    out: &str,
) -> Result<String, String> {
    if same_file(input, out) {
        return Err(format!("{out}: is the document being checked; --comments writes a copy"));
    }
    let comments: Vec<Comment> = diagnostics
        .iter()
        .map(|d| {
            let mut text = format!("{} [{}]", d.message, d.rule);
            for f in &d.fixes {
                text.push_str(&format!("\nFix ({}): {}", f.applicability.name(), f.title));
            }
            Comment { span: d.span.clone(), text }
        })
        .collect();
    let (bytes, written) = docx
        .with_comments(&comments, AUTHOR, &clock::now())
        .map_err(|e| format!("{input}: {e}"))?;
    fix::write_new(out, &bytes)?;
    let mut note = format!("{} comment{}", written.comments, plural(written.comments));
    let left = comments.len() - written.comments;
    if left > 0 {
        note.push_str(&format!(
            " ({left} finding{} in footnotes or endnotes without one)",
            plural(left)
        ));
    }
    Ok(note)
}

/// Writes the safe fixes (with `unsafe_fixes`, the unsafe ones too) of `diagnostics` into
/// `path` as tracked changes.
pub fn write_tracked_changes(
    docx: &Docx,
    diagnostics: &[Diagnostic],
    unsafe_fixes: bool,
    path: &str,
) -> Result<String, String> {
    let applicable =
        |a: Applicability| a == Applicability::Safe || (unsafe_fixes && a == Applicability::Unsafe);
    let mut edits: Vec<Edit> = diagnostics
        .iter()
        .filter_map(|d| d.fixes.iter().find(|f| applicable(f.applicability)))
        .map(|f| Edit { span: f.span.clone(), replacement: f.replacement.clone() })
        .collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let (bytes, written) = docx
        .with_tracked_changes(&edits, AUTHOR, &clock::now())
        .map_err(|e| format!("{path}: {e}"))?;
    if written.edits > 0 {
        fix::write(path, docx.bytes(), &bytes)?;
    }
    let left = edits.len() - written.edits;
    let mut note = format!("{} tracked change{}", written.edits, plural(written.edits));
    if left > 0 {
        note.push_str(&format!(
            " ({left} fix{} across fields, tracked changes or symbols left for you)",
            if left == 1 { "" } else { "es" }
        ));
    }
    Ok(note)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn same_file(a: &str, b: &str) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
