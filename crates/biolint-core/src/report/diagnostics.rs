//! `biolint check --format json`: each finding as data, with lines and columns next to the
//! byte offsets. (The human format is the command line's own: `src/cli/human.rs` in the binary.)

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
    /// In a Word document, the paragraph (in reading order) the finding starts in: the line of
    /// the text read out of it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
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
    /// `safe`, `unsafe` or `suggestion` (see [`crate::Applicability`]).
    pub applicability: &'static str,
}

pub fn diagnostic_json(d: &Diagnostic, text: &str, lines: &LineIndex) -> DiagnosticJson {
    let (line, column) = lines.line_column(d.span.start);
    let (end_line, end_column) = lines.line_column(d.span.end);
    DiagnosticJson {
        rule: d.rule,
        severity: d.severity,
        message: d.message.clone(),
        text: d.text(text).to_owned(),
        start: d.span.start,
        end: d.span.end,
        paragraph: None,
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
                applicability: f.applicability.name(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Applicability, Fix};

    #[test]
    fn json_gives_lines_and_columns() {
        let text = "intro\nLoss of PARK2 in neurons\n";
        let start = text.find("PARK2").unwrap();
        let d = Diagnostic {
            rule: "gene/previous-symbol",
            reads: None,
            severity: Severity::Warning,
            message: "PARK2 is a previous HGNC symbol of PRKN".into(),
            span: start..start + 5,
            fixes: vec![Fix::replace(start..start + 5, "PRKN", Applicability::Safe)],
            entity: None,
        };
        let json = diagnostic_json(&d, text, &LineIndex::new(text));
        assert_eq!((json.line, json.column, json.end_line, json.end_column), (2, 9, 2, 14));
    }
}
