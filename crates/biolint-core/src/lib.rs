//! biolint: recognises genes, diseases, chemicals, species and mtDNA variants in biomedical
//! manuscripts, and reports nonstandard nomenclature.
//!
//! The engine is a pure function of (document text, kind, configuration): [`annotate`] returns
//! what a document mentions, [`lint`] what is wrong with it. The command line (`src/cli`) and
//! the language server are thin front ends over it and do all the I/O.

pub mod config;
pub mod diagnostic;
pub mod dictionary;
pub mod entity;
pub mod lint;
pub mod markup;
pub mod pubtator;
pub mod recognize;
pub mod report;
pub mod rules;
pub mod suppression;
pub mod text;
pub mod variant;

pub use config::Config;
pub use diagnostic::{Diagnostic, Fix, Severity};
pub use dictionary::Dictionary;
pub use dictionary::user::UserDictionary;
pub use entity::{Entity, EntityType, Meaning};
pub use lint::lint;
pub use markup::DocumentKind;

/// A document to check: its text and what kind of markup it is written in.
#[derive(Clone, Copy, Debug)]
pub struct Document<'a> {
    pub text: &'a str,
    pub kind: DocumentKind,
}

/// The entities `document` mentions, in order: those biolint can identify (an ambiguous gene
/// alias with nothing in the document to choose between its genes is left out; the rules flag
/// it instead).
pub fn annotate(document: Document, config: &Config) -> Vec<Entity> {
    let mut entities = recognize::recognize(
        document.text,
        document.kind,
        Dictionary::embedded(),
        config.user_dictionary.as_ref(),
    )
    .entities;
    entities.retain(|e| e.as_gene().is_none_or(|g| g.confident));
    entities
}
