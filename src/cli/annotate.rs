//! `biolint annotate`: the entities of each document, as JSON or PubTator.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use serde::Serialize;

use super::configs::Configs;
use super::input::{self, Input};
use super::{EXIT_BAD_INPUT, KindArg};
use biolint_core::report::entities::{EntityJson, entity_json, pubtator_line};
use biolint_core::text::LineIndex;
use biolint_core::{Dictionary, Document, DocumentKind, UserDictionary, pubtator};

#[derive(clap::Args)]
pub struct Args {
    /// Files to annotate; `-` reads standard input.
    #[arg(required = true)]
    files: Vec<String>,
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// What the files hold: documents (kind from the extension) or PubTator corpora.
    #[arg(long, value_enum, default_value = "document")]
    input: InputFormat,
    /// Kind of documents read from standard input (or to force for every file).
    #[arg(long, value_enum)]
    stdin_kind: Option<KindArg>,
    /// A dictionary of your own (TSV: term, type, id, name), in place of the configuration's;
    /// may be repeated.
    #[arg(long = "dictionary", value_name = "TSV")]
    dictionaries: Vec<String>,
    /// Use this configuration file instead of the nearest biolint.toml.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Pubtator,
}

#[derive(Clone, Copy, ValueEnum)]
enum InputFormat {
    Document,
    Pubtator,
}

#[derive(Serialize)]
struct FileEntities {
    path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    document: Option<String>,
    entities: Vec<EntityJson>,
}

pub fn run(args: Args) -> ExitCode {
    let mut failed = false;
    let dictionaries = match load_dictionaries(&args.dictionaries) {
        Ok(dictionaries) => dictionaries,
        Err(message) => {
            eprintln!("biolint: {message}");
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    let mut configs = Configs::new(args.config.as_deref(), &mut failed);
    let dictionary = Dictionary::embedded();
    let mut json = Vec::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for name in &args.files {
        let kind = args
            .stdin_kind
            .filter(|_| name == "-" || matches!(args.input, InputFormat::Document))
            .map(DocumentKind::from);
        let Input { name, text, kind } = match input::read(
            name,
            if name == "-" { kind.or(Some(DocumentKind::Plain)) } else { kind },
        ) {
            Ok(input) => input,
            Err(e) => {
                eprintln!("biolint: {}", e.0);
                failed = true;
                continue;
            }
        };
        if text.trim().is_empty() {
            eprintln!("biolint: {name}: empty file, nothing to annotate");
        }
        // (PubTator document, its text, kind)
        let documents: Vec<(Option<pubtator::PubtatorDocument>, String, DocumentKind)> =
            match args.input {
                InputFormat::Document => vec![(None, text, kind)],
                InputFormat::Pubtator => match pubtator::parse(&text) {
                    Ok(docs) => docs
                        .into_iter()
                        .map(|d| (d.text(), d))
                        .map(|(t, d)| (Some(d), t, DocumentKind::Plain))
                        .collect(),
                    Err(e) => {
                        eprintln!("biolint: {name}: {e}");
                        failed = true;
                        continue;
                    }
                },
            };
        for (source, text, kind) in documents {
            let entities = match &dictionaries {
                Some(user) => {
                    let mut config = (*configs.for_file(&name, &mut failed)).clone();
                    config.user_dictionary = Some(user.clone());
                    biolint_core::annotate(Document { text: &text, kind }, &config)
                }
                None => biolint_core::annotate(
                    Document { text: &text, kind },
                    &configs.for_file(&name, &mut failed),
                ),
            };
            let lines = LineIndex::new(&text);
            match args.format {
                Format::Json => json.push(FileEntities {
                    path: name.clone(),
                    document: source.map(|d| d.id),
                    entities: entities
                        .iter()
                        .map(|e| entity_json(e, &text, &lines, dictionary))
                        .collect(),
                }),
                Format::Pubtator => {
                    let id = source.as_ref().map_or(name.as_str(), |d| d.id.as_str());
                    if let Some(d) = &source {
                        let _ = writeln!(out, "{id}|t|{}\n{id}|a|{}", d.title, d.abstract_text);
                    }
                    for entity in &entities {
                        let _ = writeln!(
                            out,
                            "{}",
                            pubtator_line(id, entity, &text, &lines, dictionary)
                        );
                    }
                    let _ = writeln!(out);
                }
            }
        }
    }
    if let Format::Json = args.format {
        let _ = serde_json::to_writer_pretty(&mut out, &json);
        let _ = writeln!(out);
    }
    let _ = out.flush();
    if failed { ExitCode::from(EXIT_BAD_INPUT) } else { ExitCode::SUCCESS }
}

fn load_dictionaries(paths: &[String]) -> Result<Option<UserDictionary>, String> {
    if paths.is_empty() {
        return Ok(None);
    }
    let mut files = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        files.push((path.clone(), text));
    }
    UserDictionary::parse(&files).map(Some).map_err(|e| e.0)
}
