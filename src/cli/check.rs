//! `biolint check`: lint files, folders (walked, honouring `.gitignore`) or standard input.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;
use serde::Serialize;

use super::configs::Configs;
use super::human;
use super::input::{self, Input};
use super::{EXIT_BAD_INPUT, KindArg};
use biolint_core::diagnostic::Severity;
use biolint_core::markup::DocumentKind;
use biolint_core::report::diagnostics::{DiagnosticJson, diagnostic_json};
use biolint_core::text::LineIndex;
use biolint_core::{Document, lint};

#[derive(clap::Args)]
pub struct Args {
    /// Files or folders to check; `-` reads standard input.
    #[arg(required = true)]
    paths: Vec<String>,
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// The exit status is 1 when a finding at or above this severity is reported.
    #[arg(long, value_enum, default_value = "warning")]
    fail_on: FailOn,
    /// Kind of the document read from standard input.
    #[arg(long, value_enum, default_value = "plain")]
    stdin_kind: KindArg,
    /// Use this configuration file instead of the nearest biolint.toml.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Hint,
    Never,
}

impl FailOn {
    fn fails(self, severity: Severity) -> bool {
        let threshold = match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
            FailOn::Hint => Severity::Hint,
            FailOn::Never => return false,
        };
        severity <= threshold
    }
}

#[derive(Serialize)]
struct FileDiagnostics {
    path: String,
    diagnostics: Vec<DiagnosticJson>,
}

pub fn run(args: Args) -> ExitCode {
    let mut bad_input = false;
    let mut configs = Configs::new(args.config.as_deref(), &mut bad_input);

    let mut files = Vec::new();
    for path in &args.paths {
        if path != "-" && Path::new(path).is_dir() {
            files.extend(walk(path));
        } else {
            files.push(path.clone());
        }
    }

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut json = Vec::new();
    let mut counts = [0usize; 4];
    let mut failed = false;
    let (mut checked, mut with_findings) = (0, 0);
    for file in &files {
        let kind = (file == "-").then(|| DocumentKind::from(args.stdin_kind));
        let Input { name, text, kind } = match input::read(file, kind) {
            Ok(input) => input,
            Err(e) => {
                eprintln!("biolint: {}", e.0);
                bad_input = true;
                continue;
            }
        };
        let config = configs.for_file(file, &mut bad_input);
        let diagnostics = lint(Document { text: &text, kind }, &config);
        checked += 1;
        with_findings += usize::from(!diagnostics.is_empty());
        let lines = LineIndex::new(&text);
        for d in &diagnostics {
            counts[d.severity as usize] += 1;
            failed |= args.fail_on.fails(d.severity);
        }
        match args.format {
            Format::Human => {
                let _ = write!(out, "{}", human::report(&name, &text, &diagnostics, &lines));
            }
            Format::Json => json.push(FileDiagnostics {
                path: name,
                diagnostics: diagnostics
                    .iter()
                    .map(|d| diagnostic_json(d, &text, &lines))
                    .collect(),
            }),
        }
    }
    match args.format {
        Format::Human => {
            let counts: Vec<(Severity, usize)> =
                Severity::ALL.iter().map(|s| (*s, counts[*s as usize])).collect();
            let _ = writeln!(out, "{}", human::summary(&counts, with_findings, checked));
        }
        Format::Json => {
            let _ = serde_json::to_writer_pretty(&mut out, &json);
            let _ = writeln!(out);
        }
    }
    let _ = out.flush();
    if bad_input {
        ExitCode::from(EXIT_BAD_INPUT)
    } else if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The manuscripts under `dir` (files of a kind biolint reads), honouring `.gitignore`, sorted.
fn walk(dir: &str) -> Vec<String> {
    let mut files: Vec<String> = ignore::WalkBuilder::new(dir)
        .require_git(false)
        .build()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
        .filter(|e| DocumentKind::from_path(e.path()).is_some())
        .map(|e| e.path().display().to_string())
        .collect();
    files.sort();
    files
}
