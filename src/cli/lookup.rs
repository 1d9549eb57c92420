//! `biolint lookup TERM`: the card the editor's hover shows, for a symbol, alias, disease,
//! chemical, species or variant typed in a terminal.

use std::fmt::Write;
use std::process::ExitCode;

use biolint_core::{Config, Dictionary, Document, DocumentKind, analyze};

use crate::lsp::hover::card;

/// Prints the card of `term` (the words of the command line, joined by spaces) and the
/// findings biolint would report on it; exit 1 when biolint knows nothing of it.
pub fn run(words: &[String]) -> ExitCode {
    let term = words.join(" ");
    let analysis = analyze(Document { text: &term, kind: DocumentKind::Plain }, &Config::default());
    // The entity that is the whole term, else the first one in it.
    let whole = analysis.entities.iter().find(|e| e.span == (0..term.len()));
    let Some(entity) = whole.or(analysis.entities.first()) else {
        eprintln!("biolint: nothing known as {term:?}");
        return ExitCode::from(1);
    };
    let mut out = card(entity, entity.text(&term), Dictionary::embedded());
    for finding in analysis.diagnostics.iter().filter(|d| d.span == entity.span) {
        let _ =
            write!(out, "\n\n{} ({}): {}", finding.rule, finding.severity.name(), finding.message);
        for fix in &finding.fixes {
            let _ = write!(out, "\n  fix ({}): {}", fix.applicability.name(), fix.title);
        }
    }
    super::print(&format!("{out}\n"));
    ExitCode::SUCCESS
}
