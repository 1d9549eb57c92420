//! `cargo xtask`: maintainers' tools (see the crate's documentation).

mod eval;
mod gene_findings;
mod variant_findings;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use xtask::{generate, repository, shared};

#[derive(Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask", about = "Maintainers' tools for biolint")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Regenerate the files of dictionaries/ from the upstream data (see dictionaries/README.md).
    Dictionaries {
        /// Folder with the upstream files [default: ../shared/data beside the repository].
        #[arg(long)]
        from: Option<PathBuf>,
        /// Folder to write the generated files into [default: the repository's dictionaries/].
        #[arg(long)]
        to: Option<PathBuf>,
    },
    /// Regenerate the rules reference (docs/rules.md) and README.md's table of rules.
    Docs,
    /// Score biolint on the annotated corpora (abstracts and CRAFT papers) and print the tables
    /// EVALUATION.md quotes.
    Eval {
        /// Also write every error (FP, FN, FLAG-FP, FLAG-FN, FULLTEXT-FP) to DIR/errors.tsv.
        #[arg(long, value_name = "DIR")]
        details: Option<PathBuf>,
    },
    /// Every gene finding on the training abstracts and the CRAFT articles (TSV), with whether
    /// it falls on a gold gene mention and the text around it.
    GeneFindings,
    /// Convert the CRAFT papers to LaTeX and Markdown with pandoc (into target/craft-markup)
    /// and compare what biolint reports on the three renderings.
    Markup {
        /// Also list every gene finding a rendering gives more or fewer times than the plain
        /// text.
        #[arg(long)]
        details: bool,
    },
    /// Compare the gene findings on the CRAFT papers as JATS XML and as plain text.
    Jats,
    /// List every mtDNA variant entity and `variant/*` finding on the training corpora, with
    /// the gold annotations at the same place, for reading.
    VariantFindings,
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Dictionaries { from, to } => {
            let from = from.unwrap_or_else(|| shared().join("data"));
            let to = to.unwrap_or_else(|| repository().join("dictionaries"));
            generate::generate(&from).and_then(|g| generate::write(&g, &to)).map_err(|e| e.0).map(
                |()| {
                    eprintln!(
                        "xtask: wrote {} files to {}",
                        generate::GENERATED_FILES.len(),
                        to.display()
                    )
                },
            )
        }
        Command::Docs => xtask::docs::write(&repository()),
        Command::Eval { details } => eval::run(details.as_deref()),
        Command::GeneFindings => gene_findings::run(),
        Command::VariantFindings => variant_findings::run(),
        Command::Jats => {
            let corpora = shared().join("corpora");
            xtask::jats::compare(
                &corpora.join("craft"),
                &corpora.join("craft_nxml"),
                &biolint_core::Config::default(),
            )
            .map(|articles| print!("{}", xtask::jats::report(&articles)))
        }
        Command::Markup { details } => {
            let corpora = shared().join("corpora");
            xtask::markup::renderings(
                &corpora.join("craft_nxml"),
                &corpora.join("craft"),
                &repository().join("target/craft-markup"),
            )
            .map(|renderings| {
                let report = xtask::markup::check(&renderings, &biolint_core::Config::default());
                print!("{}", report.table());
                if details {
                    print!("{}", report.differences());
                }
            })
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::from(2)
        }
    }
}
