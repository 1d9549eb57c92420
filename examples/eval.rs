//! Scores biolint against the annotated training corpora in ../shared/corpora and prints the
//! tables that EVALUATION.md quotes (see `biolint::evaluation` for the protocol).
//!
//! cargo run --release --example eval -- [--details DIR]
//!
//! With `--details DIR`, every error is written to DIR/errors.tsv (FP, FN, FLAG-FP, FLAG-FN).

use std::path::{Path, PathBuf};

use biolint::evaluation::{Knowledge, evaluate, load_corpora};
use biolint::{Config, Dictionary};

fn main() {
    let mut args = std::env::args().skip(1);
    let details = match (args.next().as_deref(), args.next()) {
        (Some("--details"), Some(dir)) => Some(PathBuf::from(dir)),
        (None, _) => None,
        _ => {
            eprintln!("usage: eval [--details DIR]");
            std::process::exit(2);
        }
    };
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let corpora = load_corpora(&shared.join("corpora")).unwrap_or_else(|e| {
        eprintln!("eval: {e}");
        std::process::exit(2);
    });
    let knowledge = Knowledge::new(Dictionary::embedded(), Some(&shared.join("data")));
    let report = evaluate(&corpora, &knowledge, &Config::default());
    print!("{}", report.tables());
    if let Some(dir) = details {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("errors.tsv"), &report.log).unwrap();
    }
}
