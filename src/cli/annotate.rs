//! `biolint annotate`: the entities of each document, as JSON, PubTator or BioC.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use serde::Serialize;

use super::clock;
use super::configs::Configs;
use super::input::{self, Input};
use super::{EXIT_BAD_INPUT, KindArg, MB};
use biolint_core::bioc::{self, BiocDocument};
use biolint_core::report::entities::{EntityJson, entity_json, pubtator_line};
use biolint_core::text::LineIndex;
use biolint_core::{Dictionary, Document, DocumentKind, UserDictionary, pubtator};

#[derive(clap::Args)]
pub struct Args {
    /// Files to annotate; `-` reads standard input.
    #[arg(required = true)]
    files: Vec<String>,
    /// JSON entities, PubTator annotation lines, or a BioC collection (XML, or JSON with
    /// bioc-json) of the documents with the entities as annotations.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// What the files hold: documents (kind from the extension), PubTator corpora or BioC
    /// collections (XML or JSON).
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
    /// Refuse files larger than this many megabytes (MiB).
    #[arg(long, value_name = "MB", default_value_t = crate::MAX_DOCUMENT_BYTES / MB)]
    max_file_size: u64,
    /// Print the text biolint reads instead of the entities: a Word document's paragraphs a
    /// line each (the text its offsets count in), a JATS article's text.
    #[arg(long)]
    text: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Pubtator,
    Bioc,
    BiocJson,
}

#[derive(Clone, Copy, ValueEnum)]
enum InputFormat {
    Document,
    Pubtator,
    Bioc,
}

/// Where the text of a document came from.
enum Source {
    /// A document file, read as its kind.
    File,
    Pubtator(pubtator::PubtatorDocument),
    Bioc(BiocDocument),
}

impl Source {
    /// The id of a corpus document; none for a file.
    fn id(&self) -> Option<&str> {
        match self {
            Source::File => None,
            Source::Pubtator(d) => Some(&d.id),
            Source::Bioc(d) => Some(&d.id),
        }
    }
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
    let mut bioc_documents = Vec::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for name in &args.files {
        let kind = args
            .stdin_kind
            .filter(|_| name == "-" || matches!(args.input, InputFormat::Document))
            .map(DocumentKind::from);
        let document = match input::read(
            name,
            if name == "-" { kind.or(Some(DocumentKind::Plain)) } else { kind },
            args.max_file_size * MB,
        ) {
            Ok(input) => input,
            Err(e) => {
                eprintln!("biolint: {}", e.0);
                failed = true;
                continue;
            }
        };
        if args.text {
            let _ = out.write_all(document.reading().as_bytes());
            continue;
        }
        let Input { name, text, kind, .. } = &document;
        let (name, text, kind) = (name.clone(), text.clone(), *kind);
        if text.trim().is_empty() {
            eprintln!("biolint: {name}: empty file, nothing to annotate");
        }
        // (where it came from, its text, kind)
        let parsed = match args.input {
            InputFormat::Document => Ok(vec![(Source::File, text, kind)]),
            InputFormat::Pubtator => pubtator::parse(&text).map(|docs| {
                docs.into_iter()
                    .map(|d| (d.text(), Source::Pubtator(d)))
                    .map(|(t, d)| (d, t, DocumentKind::Plain))
                    .collect()
            }),
            InputFormat::Bioc => bioc::parse(&text).map(|docs| {
                docs.into_iter()
                    .map(|d| (d.text(), Source::Bioc(d)))
                    .map(|(t, d)| (d, t, DocumentKind::Plain))
                    .collect()
            }),
        };
        let documents: Vec<(Source, String, DocumentKind)> = match parsed {
            Ok(documents) => documents,
            Err(e) => {
                eprintln!("biolint: {name}: {e}");
                failed = true;
                continue;
            }
        };
        for (source, text, kind) in documents {
            let mut config = configs.for_file(&name, &mut failed);
            if let Some(user) = &dictionaries {
                let mut own = (*config).clone();
                own.user_dictionary = Some(user.clone());
                config = own.into();
            }
            let entities = match source {
                // A Word document or a JATS article, read with what its container says.
                Source::File => document.annotate(&config),
                _ => biolint_core::annotate(Document { text: &text, kind }, &config),
            };
            let lines = LineIndex::new(&text);
            match args.format {
                Format::Json => json.push(FileEntities {
                    path: name.clone(),
                    document: source.id().map(str::to_owned),
                    entities: entities
                        .iter()
                        .map(|e| entity_json(e, &text, &lines, dictionary))
                        .collect(),
                }),
                Format::Pubtator => {
                    let id = source.id().unwrap_or(name.as_str());
                    // A BioC document that is no title and abstract gets its annotation lines
                    // only, as a document file does.
                    let title_abstract = match &source {
                        Source::File => None,
                        Source::Pubtator(d) => Some((d.title.clone(), d.abstract_text.clone())),
                        Source::Bioc(d) => d.to_pubtator().map(|d| (d.title, d.abstract_text)),
                    };
                    if let Some((title, abstract_text)) = title_abstract {
                        let _ = writeln!(out, "{id}|t|{title}\n{id}|a|{abstract_text}");
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
                Format::Bioc | Format::BiocJson => {
                    let document = match source {
                        Source::File => BiocDocument::plain(&name, &text),
                        Source::Pubtator(d) => BiocDocument::from(&d),
                        Source::Bioc(d) => d,
                    };
                    bioc_documents.push(document.with_entities(&text, &entities, dictionary));
                }
            }
        }
    }
    match args.format {
        // With --text, the text is the output.
        _ if args.text => {}
        Format::Json => {
            let _ = serde_json::to_writer_pretty(&mut out, &json);
            let _ = writeln!(out);
        }
        Format::Bioc => {
            let _ = out.write_all(bioc::to_xml(&bioc_documents, &clock::today()).as_bytes());
        }
        Format::BiocJson => {
            let _ = writeln!(out, "{}", bioc::to_json(&bioc_documents, &clock::today()));
        }
        Format::Pubtator => {}
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
