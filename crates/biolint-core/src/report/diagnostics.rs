//! `biolint check` output: human-readable (file:line:col, rule, message, the source line with a
//! caret under the span, the fix) and JSON.

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity};
use crate::text::LineIndex;

/// One finding as `--format json` prints it.
#[derive(Serialize, Debug, PartialEq)]
pub struct DiagnosticJson {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub fixes: Vec<FixJson>,
}

#[derive(Serialize, Debug, PartialEq)]
pub struct FixJson {
    pub title: String,
    pub replacement: String,
    pub start: usize,
    pub end: usize,
}

pub fn diagnostic_json(d: &Diagnostic, text: &str, lines: &LineIndex) -> DiagnosticJson {
    let (line, column) = lines.line_column(d.span.start);
    let (end_line, end_column) = lines.line_column(d.span.end);
    DiagnosticJson {
        rule: d.rule,
        severity: d.severity,
        message: d.message.clone(),
        text: text[d.span.clone()].to_owned(),
        start: d.span.start,
        end: d.span.end,
        line,
        column,
        end_line,
        end_column,
        fixes: d
            .fixes
            .iter()
            .map(|f| FixJson {
                title: f.title.clone(),
                replacement: f.replacement.clone(),
                start: f.span.start,
                end: f.span.end,
            })
            .collect(),
    }
}

/// A finding for a terminal:
///
/// ```text
/// paper.md:14:9: warning[gene/previous-symbol]: PARK2 is a previous symbol of PRKN (...)
///    |
/// 14 | Loss of PARK2 in neurons
///    |         ^^^^^
///    = fix: Replace with PRKN
/// ```
pub fn human(path: &str, d: &Diagnostic, lines: &LineIndex) -> String {
    let (line, column) = lines.line_column(d.span.start);
    let (end_line, end_column) = lines.line_column(d.span.end);
    let source = lines.line_text(line);
    let width = line.to_string().len();
    let carets = if end_line == line {
        (end_column - column).max(1)
    } else {
        source.chars().count() + 1 - column
    };
    let mut out = format!(
        "{path}:{line}:{column}: {}[{}]: {}\n{:width$} |\n{line} | {}\n{:width$} | {}{}\n",
        d.severity.name(),
        d.rule,
        d.message,
        "",
        source.replace('\t', " "),
        "",
        " ".repeat(column - 1),
        "^".repeat(carets),
    );
    for fix in &d.fixes {
        out.push_str(&format!("{:width$} = fix: {}\n", "", fix.title));
    }
    out
}

/// "Found 3 problems in 2 files (1 error, 2 warnings)."
pub fn summary(counts: &[(Severity, usize)], files_with_findings: usize, files: usize) -> String {
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return format!("No problems found in {files} {}.", plural(files, "file", "files"));
    }
    let parts: Vec<String> = counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{n} {}", plural(*n, s.name(), &format!("{}s", s.name()))))
        .collect();
    format!(
        "Found {total} {} in {files_with_findings} of {files} {} ({}).",
        plural(total, "problem", "problems"),
        plural(files, "file", "files"),
        parts.join(", ")
    )
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Fix;

    #[test]
    fn human_output_points_at_the_span() {
        let text = "intro\nLoss of PARK2 in neurons\n";
        let start = text.find("PARK2").unwrap();
        let d = Diagnostic {
            rule: "gene/previous-symbol",
            severity: Severity::Warning,
            message: "PARK2 is a previous symbol of PRKN".into(),
            span: start..start + 5,
            fixes: vec![Fix::replace(start..start + 5, "PRKN")],
            entity: None,
        };
        let lines = LineIndex::new(text);
        assert_eq!(
            human("paper.md", &d, &lines),
            "paper.md:2:9: warning[gene/previous-symbol]: PARK2 is a previous symbol of PRKN\n  |\n2 | Loss of PARK2 in neurons\n  |         ^^^^^\n  = fix: Replace with PRKN\n"
        );
        let json = diagnostic_json(&d, text, &lines);
        assert_eq!((json.line, json.column, json.end_line, json.end_column), (2, 9, 2, 14));
    }

    #[test]
    fn summaries() {
        assert_eq!(summary(&[(Severity::Warning, 0)], 0, 3), "No problems found in 3 files.");
        assert_eq!(
            summary(&[(Severity::Error, 1), (Severity::Warning, 2), (Severity::Info, 0)], 2, 5),
            "Found 3 problems in 2 of 5 files (1 error, 2 warnings)."
        );
    }
}
