//! Maintainers' tools for biolint, kept out of the crates users install: regenerating the
//! committed dictionaries from the upstream data ([`generate`]) and the documents generated from
//! the rules ([`docs`]), scoring the engine on the annotated corpora ([`evaluation`]), and
//! comparing what it reports on the CRAFT papers as plain text, LaTeX and Markdown
//! ([`markup`]).
//! `cargo xtask --help` runs them; the tests in `tests/` hold the dictionaries to the
//! generator, the documents to the rules, and the engine to its accuracy targets.

pub mod docs;
pub mod evaluation;
pub mod fulltext;
pub mod generate;
pub mod jats;
pub mod markup;

use std::path::PathBuf;

/// The repository's root folder.
pub fn repository() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// `../shared` beside the repository: the upstream data and the annotated corpora.
pub fn shared() -> PathBuf {
    repository().join("../shared")
}
