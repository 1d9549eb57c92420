//! `biolint check`: lint files, folders (walked, honouring `.gitignore`) or standard input.

use std::io::Write;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::ValueEnum;
use serde::Serialize;

use super::configs::Configs;
use super::human;
use super::human::Places;
use super::input::{self, Container, Input};
use super::{EXIT_BAD_INPUT, KindArg, MB};
use super::{fix, parallel, sarif, word};
use crate::{REPOSITORY_URL, RULES_URL};
use biolint_core::Config;
use biolint_core::diagnostic::{Diagnostic, Severity};
use biolint_core::markup::DocumentKind;
use biolint_core::report::diagnostics::{DiagnosticJson, diagnostic_json};
use biolint_core::text::LineIndex;

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
    /// Apply the safe fixes to the files (suggestions are never applied); report what is left.
    #[arg(long)]
    fix: bool,
    /// With --fix or --diff, apply the unsafe fixes too (an alias may stand for the protein).
    #[arg(long)]
    unsafe_fixes: bool,
    /// Print the fixes as a unified diff instead of writing them.
    #[arg(long)]
    diff: bool,
    /// Only these rules: ids or prefixes (`gene/`, `variant/hgvs-syntax`), comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    select: Vec<String>,
    /// Not these rules: ids or prefixes, comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    ignore: Vec<String>,
    /// Human format: print only the summary.
    #[arg(long)]
    quiet: bool,
    /// Human format: print how many findings each rule made, instead of the findings.
    #[arg(long)]
    statistics: bool,
    /// Word documents: write a copy of the document to OUT.docx with a comment on each finding
    /// (the input is left as it is). With --fix, a Word document's fixes are tracked changes.
    #[arg(long, value_name = "OUT.docx")]
    comments: Option<String>,
    /// Refuse files larger than this many megabytes (MiB), against checking a data file by
    /// mistake.
    #[arg(long, value_name = "MB", default_value_t = crate::MAX_DOCUMENT_BYTES / MB)]
    max_file_size: u64,
    /// Use this many threads (default: one per core): files are checked that many at once,
    /// and a long file's work is split only while fewer are being checked.
    #[arg(long, value_name = "N")]
    threads: Option<NonZeroUsize>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
    /// GitHub Actions workflow commands (`::warning file=...::message`), one per finding.
    Github,
    /// reviewdog's diagnostic JSON lines, the fixes as suggestions.
    Rdjsonl,
    /// SARIF 2.1.0 (GitHub code scanning), one run with the rules, results and fixes.
    Sarif,
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

/// What checking one file gives the report: problems to print on standard error, and, if it
/// could be read, its findings rendered in the chosen format.
#[derive(Default)]
struct FileReport {
    problems: Vec<String>,
    /// What was written besides the file's findings (a commented copy, tracked changes).
    notes: Vec<String>,
    checked: bool,
    tally: Tally,
    fixed: usize,
    /// Human, GitHub, rdjsonl or diff output, written as it comes.
    text: String,
    /// JSON and SARIF are one document for all files, written at the end.
    json: Option<FileDiagnostics>,
    sarif: Option<sarif::Checked>,
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
    if let Some(out) = &args.comments {
        let one_word_document = files.len() == 1 && input::is_docx(&files[0]);
        if !one_word_document {
            eprintln!(
                "biolint: --comments {out}: writes the commented copy of one Word document; give one .docx"
            );
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    }
    let jobs: Vec<(String, Arc<Config>)> = files
        .into_iter()
        .map(|file| {
            let config = configs.for_file(&file, &mut bad_input);
            (file, config)
        })
        .collect();
    let threads = args
        .threads
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get);
    biolint_core::limit_threads(threads);

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut json = Vec::new();
    let mut sarif_files = Vec::new();
    let mut tally = Tally::default();
    let (mut checked, mut with_findings, mut fixed_count) = (0, 0, 0);
    let colour = colour();
    parallel::map_in_order(
        &jobs,
        threads,
        |(file, config)| check_file(&args, file, config, colour),
        |report| {
            for problem in &report.problems {
                eprintln!("biolint: {problem}");
            }
            for note in &report.notes {
                eprintln!("biolint: wrote {note}");
            }
            bad_input |= !report.problems.is_empty();
            if !report.checked {
                return;
            }
            checked += 1;
            with_findings += usize::from(report.tally.total() > 0);
            fixed_count += report.fixed;
            tally.merge(report.tally);
            let _ = out.write_all(report.text.as_bytes());
            json.extend(report.json);
            sarif_files.extend(report.sarif);
        },
    );
    if args.diff {
        // The diff is the output.
    } else {
        match args.format {
            Format::Github | Format::Rdjsonl => {}
            Format::Sarif => {
                let root = std::env::current_dir().unwrap_or_default();
                let _ = serde_json::to_writer_pretty(&mut out, &sarif::log(&sarif_files, &root));
                let _ = writeln!(out);
            }
            Format::Human => {
                if args.statistics {
                    for (rule, found) in &tally.per_rule {
                        let _ = writeln!(out, "{found:>7}  {rule}");
                    }
                }
                if fixed_count > 0 {
                    let _ = writeln!(
                        out,
                        "Fixed {fixed_count} problem{}.",
                        if fixed_count == 1 { "" } else { "s" }
                    );
                }
                let counts: Vec<(Severity, usize)> =
                    Severity::ALL.iter().map(|s| (*s, tally.counts[*s as usize])).collect();
                let _ = writeln!(out, "{}", human::summary(&counts, with_findings, checked));
            }
            Format::Json => {
                let _ = serde_json::to_writer_pretty(&mut out, &json);
                let _ = writeln!(out);
            }
        }
    }
    let _ = out.flush();
    if bad_input {
        ExitCode::from(EXIT_BAD_INPUT)
    } else if tally.failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Reads, lints, fixes (when asked) and renders one file; runs on any thread.
fn check_file(args: &Args, file: &str, config: &Config, colour: bool) -> FileReport {
    let mut report = FileReport::default();
    let kind = (file == "-").then(|| DocumentKind::from(args.stdin_kind));
    let input = match input::read(file, kind, args.max_file_size * MB) {
        Ok(input) => input,
        Err(e) => {
            report.problems.push(e.0);
            return report;
        }
    };
    let chosen = |d: &Diagnostic| {
        let matches = |rules: &[String]| rules.iter().any(|r| d.rule.starts_with(r.as_str()));
        (args.select.is_empty() || matches(&args.select)) && !matches(&args.ignore)
    };
    let findings = |input: &Input| {
        let mut diagnostics = input.analyze(config).1;
        diagnostics.retain(chosen);
        diagnostics
    };
    let mut diagnostics = findings(&input);
    let mut input = input;
    if let (Some(out), Container::Docx(docx)) = (&args.comments, &input.container) {
        match word::write_comments(docx, &diagnostics, file, out) {
            Ok(written) => report.notes.push(format!("{out}: {written}")),
            Err(problem) => report.problems.push(problem),
        }
    }
    if args.fix || args.diff {
        let (fixed, applied) = fix::apply(&input.text, &diagnostics, args.unsafe_fixes);
        if args.diff {
            report.text = fix::diff(&input.name, &input.text, &fixed);
        } else if applied > 0 {
            let written = match &input.container {
                _ if file == "-" => {
                    Err("-: standard input cannot be fixed in place; use --diff".to_owned())
                }
                // A Word document's fixes are tracked changes for the author to accept.
                Container::Docx(docx) => {
                    word::write_tracked_changes(docx, &diagnostics, args.unsafe_fixes, file).map(
                        |changes| {
                            report.notes.push(format!("{file}: {changes}"));
                        },
                    )
                }
                _ => fix::write(file, input.text.as_bytes(), fixed.as_bytes()),
            };
            match written {
                Ok(()) if matches!(input.container, Container::Docx(_)) => {
                    // The findings stand until the author accepts the changes.
                }
                Ok(()) => {
                    report.fixed = applied;
                    // What is left to report is what the fixed file holds.
                    match input::read(file, kind, args.max_file_size * MB) {
                        Ok(again) => input = again,
                        Err(e) => report.problems.push(e.0),
                    }
                    diagnostics = findings(&input);
                }
                Err(problem) => report.problems.push(problem),
            }
        }
    }
    report.checked = true;
    report.tally.add(&diagnostics, args.fail_on);
    if !args.diff {
        render(args, &mut report, &input, diagnostics, colour);
    }
    report
}

/// Colours for a terminal, never with `NO_COLOR` set (https://no-color.org).
fn colour() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// The findings reported so far: per severity and per rule, and whether one fails the check.
#[derive(Default)]
struct Tally {
    counts: [usize; 4],
    per_rule: std::collections::BTreeMap<&'static str, usize>,
    failed: bool,
}

impl Tally {
    fn total(&self) -> usize {
        self.counts.iter().sum()
    }

    fn merge(&mut self, other: Tally) {
        for (count, more) in self.counts.iter_mut().zip(other.counts) {
            *count += more;
        }
        for (rule, found) in other.per_rule {
            *self.per_rule.entry(rule).or_default() += found;
        }
        self.failed |= other.failed;
    }

    fn add(&mut self, diagnostics: &[Diagnostic], fail_on: FailOn) {
        for d in diagnostics {
            self.counts[d.severity as usize] += 1;
            *self.per_rule.entry(d.rule).or_default() += 1;
            self.failed |= fail_on.fails(d.severity);
        }
    }
}

/// Renders the findings of one file in the chosen format.
fn render(
    args: &Args,
    report: &mut FileReport,
    input: &Input,
    diagnostics: Vec<Diagnostic>,
    colour: bool,
) {
    let (name, text) = (input.name.as_str(), input.text.as_str());
    let lines = LineIndex::new(text);
    let out = &mut report.text;
    match args.format {
        Format::Human if args.quiet || args.statistics => {}
        Format::Human => {
            let places = if input.in_paragraphs() { Places::Paragraphs } else { Places::Lines };
            *out = human::report(name, text, &diagnostics, &lines, places, colour)
        }
        Format::Github => {
            for d in &diagnostics {
                out.push_str(&github_command(name, d, &lines));
                out.push('\n');
            }
        }
        Format::Rdjsonl => {
            for d in &diagnostics {
                out.push_str(&reviewdog_line(name, d, &lines));
                out.push('\n');
            }
        }
        Format::Json => {
            let paragraphs = input.in_paragraphs();
            report.json = Some(FileDiagnostics {
                path: name.to_owned(),
                diagnostics: diagnostics
                    .iter()
                    .map(|d| DiagnosticJson {
                        paragraph: paragraphs.then(|| lines.line_column(d.span.start).0),
                        ..diagnostic_json(d, text, &lines)
                    })
                    .collect(),
            })
        }
        Format::Sarif => {
            report.sarif =
                Some(sarif::Checked { path: name.to_owned(), text: text.to_owned(), diagnostics })
        }
    }
}

/// A GitHub Actions workflow command for `d`:
/// `::warning file=paper.md,line=14,col=9,endLine=14,endColumn=14,title=RULE::MESSAGE`, escaped
/// as GitHub requires. Infos and hints are notices.
fn github_command(path: &str, d: &Diagnostic, lines: &LineIndex) -> String {
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "notice",
    };
    let (line, column) = lines.line_column(d.span.start);
    let (end_line, end_column) = lines.line_column(d.span.end);
    format!(
        "::{level} file={},line={line},col={column},endLine={end_line},endColumn={end_column},title={}::{}",
        escape_property(path),
        escape_property(d.rule),
        escape_data(&d.message)
    )
}

/// A line of reviewdog's diagnostic format (rdjsonl): lines 1-based, columns 1-based UTF-8
/// bytes; each fix a suggestion.
fn reviewdog_line(path: &str, d: &Diagnostic, lines: &LineIndex) -> String {
    let position = |offset: usize| {
        let (line, before) = lines.line_and_prefix(offset);
        serde_json::json!({"line": line, "column": before.len() + 1})
    };
    let range = |span: &std::ops::Range<usize>| serde_json::json!({"start": position(span.start), "end": position(span.end)});
    let severity = match d.severity {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Info | Severity::Hint => "INFO",
    };
    let rule_url = format!("{RULES_URL}#{}", biolint_core::rules::anchor(d.rule));
    let suggestions: Vec<serde_json::Value> = d
        .fixes
        .iter()
        .map(|f| serde_json::json!({"range": range(&f.span), "text": f.replacement}))
        .collect();
    serde_json::json!({
        "message": d.message,
        "location": {"path": path, "range": range(&d.span)},
        "severity": severity,
        "source": {"name": "biolint", "url": REPOSITORY_URL},
        "code": {"value": d.rule, "url": rule_url},
        "suggestions": suggestions,
    })
    .to_string()
}

fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// The manuscripts under `dir` (files of a kind biolint reads), honouring `.gitignore`, sorted.
fn walk(dir: &str) -> Vec<String> {
    let mut files: Vec<String> = ignore::WalkBuilder::new(dir)
        .require_git(false)
        .build()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
        .filter(|e| input::is_checked(e.path()))
        .map(|e| e.path().display().to_string())
        .collect();
    files.sort();
    files
}
