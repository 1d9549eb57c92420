//! `cargo xtask eval`: scores biolint against the annotated training corpora in
//! ../shared/corpora and prints the tables that EVALUATION.md quotes (see
//! `xtask::evaluation` for the protocol), then the gene findings on the CRAFT full-text
//! articles (`xtask::fulltext`).

use std::path::Path;

use biolint_core::{Config, Dictionary};
use xtask::evaluation::{Knowledge, evaluate, load_corpora};
use xtask::fulltext::{evaluate_articles, load_articles};
use xtask::shared;

pub fn run(details: Option<&Path>) -> Result<(), String> {
    let corpora = load_corpora(&shared().join("corpora"))?;
    let knowledge = Knowledge::new(Dictionary::embedded(), Some(&shared().join("data")));
    let config = Config::default();
    let mut report = evaluate(&corpora, &knowledge, &config);
    print!("{}", report.tables());
    let articles = load_articles(&shared().join("corpora/craft"))?;
    let fulltext = evaluate_articles(&articles, &config, &mut report.log);
    print!("\nGene findings on the CRAFT full-text articles:\n\n{}", fulltext.table());
    if let Some(dir) = details {
        let file = dir.join("errors.tsv");
        std::fs::create_dir_all(dir)
            .and_then(|()| std::fs::write(&file, &report.log))
            .map_err(|e| format!("{}: {e}", file.display()))?;
    }
    Ok(())
}
