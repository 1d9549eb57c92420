//! `cargo xtask eval`: scores biolint against the annotated training corpora in
//! ../shared/corpora and prints the tables that EVALUATION.md quotes (see
//! `xtask::evaluation` for the protocol).

use std::path::Path;

use biolint_core::{Config, Dictionary};
use xtask::evaluation::{Knowledge, evaluate, load_corpora};
use xtask::shared;

pub fn run(details: Option<&Path>) -> Result<(), String> {
    let corpora = load_corpora(&shared().join("corpora"))?;
    let knowledge = Knowledge::new(Dictionary::embedded(), Some(&shared().join("data")));
    let report = evaluate(&corpora, &knowledge, &Config::default());
    print!("{}", report.tables());
    if let Some(dir) = details {
        let file = dir.join("errors.tsv");
        std::fs::create_dir_all(dir)
            .and_then(|()| std::fs::write(&file, &report.log))
            .map_err(|e| format!("{}: {e}", file.display()))?;
    }
    Ok(())
}
