//! `biolint check --fix`: applying the fixes that can be applied unseen, and writing the file
//! back without ever losing it.
//!
//! Only safe fixes are applied (`--unsafe-fixes`: unsafe ones too); suggestions never are. Of
//! overlapping fixes the first wins; the rest wait for the next run. A file is written by
//! writing a temporary file beside it and renaming it over the original, with the original's
//! permissions, and only if the file on disk is still the text that was checked.

use std::fs;
use std::io::Write;
use std::path::Path;

use biolint_core::{Applicability, Diagnostic};

/// `text` with the fixes of `diagnostics` applied (the first fix of each that `applicable`
/// allows), and how many were applied.
pub fn apply(text: &str, diagnostics: &[Diagnostic], unsafe_fixes: bool) -> (String, usize) {
    let applicable =
        |a: Applicability| a == Applicability::Safe || (unsafe_fixes && a == Applicability::Unsafe);
    let mut fixes: Vec<_> = diagnostics
        .iter()
        .filter_map(|d| d.fixes.iter().find(|f| applicable(f.applicability)))
        .collect();
    fixes.sort_by_key(|f| (f.span.start, f.span.end));
    let mut fixed = String::with_capacity(text.len());
    let mut at = 0;
    let mut applied = 0;
    for fix in fixes {
        if fix.span.start < at || fix.span.end > text.len() {
            continue;
        }
        fixed.push_str(&text[at..fix.span.start]);
        fixed.push_str(&fix.replacement);
        at = fix.span.end;
        applied += 1;
    }
    fixed.push_str(&text[at..]);
    (fixed, applied)
}

/// A unified diff of `path` from `before` to `after` (empty when they are equal).
pub fn diff(path: &str, before: &str, after: &str) -> String {
    if before == after {
        return String::new();
    }
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

/// Writes `fixed` to `path` in place of `checked`, atomically; the error is one line for the
/// user. Nothing is written when the file changed on disk since it was read, or cannot be
/// written.
pub fn write(path: &str, checked: &[u8], fixed: &[u8]) -> Result<(), String> {
    let fail = |problem: String| format!("{path}: {problem}; not fixed");
    let metadata = fs::metadata(path).map_err(|e| fail(format!("cannot read it again ({e})")))?;
    if metadata.permissions().readonly() {
        return Err(fail("is read-only".to_owned()));
    }
    if fs::read(path).ok().as_deref() != Some(checked) {
        return Err(fail("changed on disk while it was being checked".to_owned()));
    }
    replace(path, fixed, Some(metadata.permissions()))
        .map_err(|e| fail(format!("cannot write it ({e})")))
}

/// Writes `bytes` to `path`, a new file or one to replace, atomically: a temporary file beside it
/// renamed over it. The error is one line for the user.
pub fn write_new(path: &str, bytes: &[u8]) -> Result<(), String> {
    replace(path, bytes, None).map_err(|e| format!("{path}: cannot write it ({e})"))
}

/// Writes `bytes` to a temporary file beside `path`, with `permissions` if given, and renames it
/// over `path`; the temporary file is removed when that fails.
fn replace(path: &str, bytes: &[u8], permissions: Option<fs::Permissions>) -> std::io::Result<()> {
    let target = Path::new(path);
    let folder = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = target.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    let temporary = folder.join(format!(".{name}.biolint-{}.tmp", std::process::id()));
    let written = (|| {
        let mut file = fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        if let Some(permissions) = permissions {
            fs::set_permissions(&temporary, permissions)?;
        }
        fs::rename(&temporary, target)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;
    use biolint_core::{Config, Document, DocumentKind, lint};

    fn fixed(text: &str, unsafe_fixes: bool) -> String {
        let diagnostics = lint(Document { text, kind: DocumentKind::Markdown }, &Config::default());
        apply(text, &diagnostics, unsafe_fixes).0
    }

    #[test]
    fn safe_fixes_are_applied_unsafe_ones_on_request_and_suggestions_never() {
        let text = "PARK2, CX43 and NRF2 in cells with m.8993 T>G.\n";
        assert_eq!(fixed(text, false), "PRKN, CX43 and NRF2 in cells with m.8993T>G.\n");
        assert_eq!(fixed(text, true), "PRKN, GJA1 and NRF2 in cells with m.8993T>G.\n");
        // A second run finds nothing left to fix.
        let once = fixed(text, true);
        assert_eq!(fixed(&once, true), once);
    }

    #[test]
    fn a_file_that_changed_since_it_was_checked_is_not_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("paper.md");
        std::fs::write(&path, "PARK2 and a new sentence.\n").unwrap();
        let path = path.to_str().unwrap();
        let problem = write(path, b"PARK2.\n", b"PRKN.\n").unwrap_err();
        assert!(
            problem.ends_with("changed on disk while it was being checked; not fixed"),
            "{problem}"
        );
        assert_eq!(std::fs::read_to_string(path).unwrap(), "PARK2 and a new sentence.\n");
        // Unchanged, it is written, and nothing else is left in the folder.
        write(path, b"PARK2 and a new sentence.\n", b"PRKN and a new sentence.\n").unwrap();
        assert_eq!(std::fs::read_to_string(path).unwrap(), "PRKN and a new sentence.\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn the_diff_is_unified_and_empty_without_changes() {
        let diff = diff("p.md", "a\nPARK2\n", "a\nPRKN\n");
        assert!(diff.starts_with("--- a/p.md\n+++ b/p.md\n@@"), "{diff}");
        assert!(diff.contains("-PARK2\n+PRKN\n"), "{diff}");
        assert_eq!(super::diff("p.md", "a\n", "a\n"), "");
    }
}
