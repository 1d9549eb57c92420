//! The human format of `biolint check`: each finding with its source line, as rustc and ruff
//! show them, readable on real manuscripts.
//!
//! - A Markdown paragraph is often one line of thousands of characters: the source line is cut
//!   to a window of about [`WINDOW`] columns around the finding, with `…` where it is cut.
//! - A paper may repeat one finding hundreds of times (`ERK5` in every paragraph): a finding of
//!   the same rule on the same text is shown in full once, at its first place, followed by one
//!   line that says where else it stands. The summary still counts every occurrence, and the
//!   JSON format lists each.

use std::collections::HashMap;
use std::fmt::Write as _;

use biolint_core::diagnostic::{Diagnostic, Severity};
use biolint_core::text::LineIndex;

/// The columns of source shown around a finding.
const WINDOW: usize = 100;

/// Places of a repeated finding listed before "(N more)".
const LISTED_PLACES: usize = 8;

/// What the lines of a file's text are: its lines, or a Word document's paragraphs, which a
/// place names with `¶` (`paper.docx:¶14:9`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Places {
    Lines,
    Paragraphs,
}

impl Places {
    fn mark(self) -> &'static str {
        match self {
            Places::Lines => "",
            Places::Paragraphs => "¶",
        }
    }
}

/// Every finding of one file, repeats folded into the first occurrence.
/// `colour`: the severity and the carets in ANSI colours (for a terminal).
pub fn report(
    path: &str,
    text: &str,
    diagnostics: &[Diagnostic],
    lines: &LineIndex,
    places: Places,
    colour: bool,
) -> String {
    // (rule, text) → the other places of that finding, after its first.
    let mut repeats: HashMap<(&str, &str), Vec<(usize, usize)>> = HashMap::new();
    let mut firsts = Vec::new();
    for d in diagnostics {
        let key = (d.rule, d.text(text));
        match repeats.get_mut(&key) {
            Some(places) => places.push(lines.line_column(d.span.start)),
            None => {
                repeats.insert(key, Vec::new());
                firsts.push(d);
            }
        }
    }
    let mut out = String::new();
    for d in firsts {
        out.push_str(&finding(path, d, lines, places, colour));
        let others = &repeats[&(d.rule, d.text(text))];
        let mark = places.mark();
        if !others.is_empty() {
            let width = lines.line_column(d.span.start).0.to_string().len();
            let listed: Vec<String> =
                others.iter().take(LISTED_PLACES).map(|(l, c)| format!("{mark}{l}:{c}")).collect();
            let more = others.len().saturating_sub(LISTED_PLACES);
            let rest = if more > 0 { format!(", … ({more} more)") } else { String::new() };
            let _ = writeln!(out, "{:width$} = also at {}{rest}", "", listed.join(", "));
        }
        out.push('\n');
    }
    out
}

/// One finding for a terminal:
///
/// ```text
/// paper.md:14:9: warning[gene/previous-symbol]: PARK2 is a previous HGNC symbol of PRKN (...)
///    |
/// 14 | Loss of PARK2 in neurons
///    |         ^^^^^
///    = fix: Replace with PRKN
/// ```
pub fn finding(
    path: &str,
    d: &Diagnostic,
    lines: &LineIndex,
    places: Places,
    colour: bool,
) -> String {
    let (line, column) = lines.line_column(d.span.start);
    let (end_line, end_column) = lines.line_column(d.span.end);
    let source: Vec<char> =
        lines.line_text(line).chars().map(|c| if c == '\t' { ' ' } else { c }).collect();
    let start = column - 1;
    let end = if end_line == line { (end_column - 1).max(start + 1) } else { source.len() + 1 };
    let (shown, caret_start, carets) = window(&source, start, end);
    let width = line.to_string().len();
    // Bold red errors, bold yellow warnings, blue infos, cyan hints.
    let (on, off) = match (colour, d.severity) {
        (false, _) => ("", ""),
        (true, Severity::Error) => ("\x1b[1;31m", "\x1b[0m"),
        (true, Severity::Warning) => ("\x1b[1;33m", "\x1b[0m"),
        (true, Severity::Info) => ("\x1b[34m", "\x1b[0m"),
        (true, Severity::Hint) => ("\x1b[36m", "\x1b[0m"),
    };
    let mut out = format!(
        "{path}:{}{line}:{column}: {on}{}[{}]{off}: {}\n{:width$} |\n{line} | {shown}\n{:width$} | {}{on}{}{off}\n",
        places.mark(),
        d.severity.name(),
        d.rule,
        d.message,
        "",
        "",
        " ".repeat(caret_start),
        "^".repeat(carets),
    );
    for fix in &d.fixes {
        let _ = writeln!(out, "{:width$} = fix: {}", "", fix.title);
    }
    out
}

/// The part of a source line (its characters) to show for a finding at characters
/// `start..end`: the whole line when it is short, else about [`WINDOW`] characters around the
/// finding with `…` where it is cut. Returns the text, where the carets start in it, and how
/// many there are.
fn window(source: &[char], start: usize, end: usize) -> (String, usize, usize) {
    let carets = |from: usize, to: usize| (to - from).clamp(1, WINDOW);
    if source.len() <= WINDOW {
        return (source.iter().collect(), start, carets(start, end));
    }
    // Context before the finding: a third of the window, more when the finding is short.
    let span = (end - start).min(WINDOW);
    let before = (WINDOW - span) / 3;
    let from = start.saturating_sub(before);
    let to = (from + WINDOW).min(source.len());
    let from = to.saturating_sub(WINDOW).min(from);
    let mut shown = String::new();
    if from > 0 {
        shown.push('…');
    }
    shown.extend(&source[from..to]);
    if to < source.len() {
        shown.push('…');
    }
    let caret_start = start - from + usize::from(from > 0);
    (shown, caret_start, carets(start, end.min(to)))
}

/// "Found 3 problems in 2 of 5 files (1 error, 2 warnings)."
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
    use biolint_core::{Applicability, Fix};

    fn previous(start: usize) -> Diagnostic {
        Diagnostic {
            rule: "gene/previous-symbol",
            reads: None,
            severity: Severity::Warning,
            message: "PARK2 is a previous HGNC symbol of PRKN".into(),
            span: start..start + 5,
            fixes: vec![Fix::replace(start..start + 5, "PRKN", Applicability::Safe)],
            entity: None,
        }
    }

    #[test]
    fn a_finding_points_at_its_span() {
        let text = "intro\nLoss of PARK2 in neurons\n";
        let d = previous(text.find("PARK2").unwrap());
        assert_eq!(
            finding("paper.md", &d, &LineIndex::new(text), Places::Lines, false),
            "paper.md:2:9: warning[gene/previous-symbol]: PARK2 is a previous HGNC symbol of PRKN\n  |\n2 | Loss of PARK2 in neurons\n  |         ^^^^^\n  = fix: Replace with PRKN\n"
        );
    }

    #[test]
    fn a_long_line_is_cut_to_a_window_around_the_finding() {
        let text =
            format!("{}Loss of PARK2 in neurons{}", "word ".repeat(400), " more".repeat(400));
        let d = previous(text.find("PARK2").unwrap());
        let shown = finding("paper.md", &d, &LineIndex::new(&text), Places::Lines, false);
        let lines: Vec<&str> = shown.lines().collect();
        assert!(lines[2].starts_with("1 | …") && lines[2].ends_with('…'), "{}", lines[2]);
        assert!(lines.iter().all(|l| l.chars().count() <= 200), "{shown}");
        // The carets stand under PARK2.
        let source = lines[2].trim_start_matches("1 | ");
        let at = lines[3].trim_start_matches("  | ").find('^').unwrap();
        assert_eq!(source.chars().skip(at).take(5).collect::<String>(), "PARK2");
        // At the very start or end of a long line, the window does not run over it.
        let at_end = format!("{}PARK2", "word ".repeat(400));
        let shown = finding(
            "p.md",
            &previous(at_end.len() - 5),
            &LineIndex::new(&at_end),
            Places::Lines,
            false,
        );
        let lines: Vec<&str> = shown.lines().collect();
        assert!(lines[2].ends_with("PARK2") && lines[3].ends_with("^^^^^"), "{shown}");
    }

    #[test]
    fn colour_marks_the_severity_and_the_carets_only_when_asked() {
        let text = "Loss of PARK2.";
        let d = previous(8);
        let plain = finding("p.md", &d, &LineIndex::new(text), Places::Lines, false);
        assert!(!plain.contains('\x1b'), "{plain}");
        let coloured = finding("p.md", &d, &LineIndex::new(text), Places::Lines, true);
        assert!(coloured.contains("\x1b[1;33mwarning[gene/previous-symbol]\x1b[0m"), "{coloured}");
        assert!(coloured.contains("\x1b[1;33m^^^^^\x1b[0m"), "{coloured}");
    }

    #[test]
    fn a_repeated_finding_is_shown_once_with_its_other_places() {
        let text = "PARK2 here.\nPARK2 there.\nAnd PARK2 again.\n";
        let findings: Vec<Diagnostic> =
            text.match_indices("PARK2").map(|(at, _)| previous(at)).collect();
        let shown = report("p.md", text, &findings, &LineIndex::new(text), Places::Lines, false);
        assert_eq!(shown.matches("warning[").count(), 1, "{shown}");
        assert!(shown.contains("  = also at 2:1, 3:5\n"), "{shown}");
        let many = "PARK2 ".repeat(20);
        let findings: Vec<Diagnostic> =
            many.match_indices("PARK2").map(|(at, _)| previous(at)).collect();
        let shown = report("p.md", &many, &findings, &LineIndex::new(&many), Places::Lines, false);
        assert!(shown.contains(", … (11 more)\n"), "{shown}");
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
