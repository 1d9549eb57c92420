//! The command line: argument parsing and dispatch. Each subcommand lives in its own file.

mod annotate;
mod check;
mod clock;
mod configs;
mod fix;
mod human;
mod input;
mod lookup;
mod parallel;
mod rules;
mod sarif;
mod word;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use biolint_core::markup::DocumentKind;

#[derive(Parser)]
#[command(
    name = "biolint",
    version,
    about = "Lints biomedical manuscripts: gene symbols, diseases, chemicals, species and mtDNA variants"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Report nonstandard nomenclature in manuscripts (files, folders, or - for stdin).
    Check(check::Args),
    /// Print the genes, diseases, chemicals, species and mtDNA variants a document mentions.
    Annotate(annotate::Args),
    /// List every rule with its id, default severity and an example.
    Rules {
        /// Print the full reference in Markdown (docs/rules.md).
        #[arg(long)]
        markdown: bool,
    },
    /// Explain a rule in full.
    Explain {
        /// A rule id, e.g. gene/previous-symbol.
        rule: String,
    },
    /// Print what biolint knows of a gene symbol, alias, disease, chemical, species or mtDNA
    /// variant: the card the editor's hover shows (exit 1 when nothing is known).
    Lookup {
        /// The term, e.g. PARK2, NRF2, "Leigh syndrome", m.3243A>G.
        #[arg(required = true)]
        term: Vec<String>,
    },
    /// Run the language server on standard input and output (editors start it).
    Lsp {
        /// Accepted for editors that pass it; standard input and output are the only transport.
        #[arg(long)]
        stdio: bool,
    },
    /// About the embedded dictionaries.
    #[command(subcommand)]
    Dict(DictCommand),
}

#[derive(Subcommand)]
enum DictCommand {
    /// Print how many entries each embedded dictionary holds.
    Stats,
}

/// A document kind as a command-line value: its name (`markdown`, `latex`, `plain`).
#[derive(Clone, Copy)]
pub struct KindArg(DocumentKind);

impl ValueEnum for KindArg {
    fn value_variants<'a>() -> &'a [Self] {
        const KINDS: [KindArg; 3] = [
            KindArg(DocumentKind::ALL[0]),
            KindArg(DocumentKind::ALL[1]),
            KindArg(DocumentKind::ALL[2]),
        ];
        &KINDS
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.0.name()))
    }
}

impl From<KindArg> for DocumentKind {
    fn from(kind: KindArg) -> DocumentKind {
        kind.0
    }
}

/// Exit status: inputs or arguments that could not be used.
pub const EXIT_BAD_INPUT: u8 = 2;

/// A megabyte as `--max-file-size` counts them (MiB).
const MB: u64 = 1024 * 1024;

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Annotate(args) => annotate::run(args),
        Command::Rules { markdown } => rules::list(markdown),
        Command::Explain { rule } => rules::explain(&rule),
        Command::Lookup { term } => lookup::run(&term),
        Command::Lsp { stdio: _ } => crate::lsp::run(),
        Command::Dict(DictCommand::Stats) => {
            let counts = biolint_core::Dictionary::embedded().counts();
            print(
                &counts
                    .iter()
                    .map(|(what, count)| format!("{count:>9}  {what}\n"))
                    .collect::<String>(),
            );
            ExitCode::SUCCESS
        }
    }
}

/// Writes `text` to standard output. A reader that stops reading (`biolint rules | head`) is
/// no error: what it did not read is simply not written.
fn print(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
