//! `biolint rules` and `biolint explain RULE`.

use std::fmt::Write as _;
use std::process::ExitCode;

use super::{EXIT_BAD_INPUT, print};
use biolint_core::rules;

pub fn list(markdown: bool) -> ExitCode {
    if markdown {
        print(&rules::markdown_reference());
        return ExitCode::SUCCESS;
    }
    let width = rules::ids().iter().map(|id| id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for rule in rules::all() {
        let info = rule.info();
        let severity = info.default_severity.name();
        let _ = writeln!(out, "{:<width$} {severity:<7} {}", info.id, info.summary);
        let _ = writeln!(out, "{:<width$} {:<7} e.g. {}", "", "", info.example);
    }
    print(&out);
    ExitCode::SUCCESS
}

pub fn explain(id: &str) -> ExitCode {
    let Some(rule) = rules::find(id) else {
        eprintln!("biolint: no rule {id:?}; `biolint rules` lists them");
        return ExitCode::from(EXIT_BAD_INPUT);
    };
    let info = rule.info();
    print(&format!(
        "{} ({} by default)\n\n{}\n\nExample: {}\n\n{}\n\nTo silence it: `\"{}\" = \"off\"` under \
         [rules] in biolint.toml, or a `biolint-disable-next-line {}` comment.\n",
        info.id,
        info.default_severity.name(),
        info.summary,
        info.example,
        info.explanation,
        info.id,
        info.id
    ));
    ExitCode::SUCCESS
}
