//! biolint: recognises genes, diseases, chemicals, species and mtDNA variants in biomedical
//! manuscripts, and reports nonstandard nomenclature.
//!
//! The engine is a pure function of (document text, kind, configuration): [`annotate`] returns
//! what a document mentions. The command line (`src/cli`) and, later, the language server are
//! thin front ends over it and do all the I/O.

pub mod cli;
pub mod dictionary;
pub mod entity;
pub mod markup;
pub mod pubtator;
pub mod recognize;
pub mod report;
pub mod text;
pub mod variant;

pub use dictionary::Dictionary;
pub use dictionary::user::UserDictionary;
pub use entity::{Entity, EntityType, Meaning};
pub use markup::DocumentKind;

/// A document to check: its text and what kind of markup it is written in.
#[derive(Clone, Copy, Debug)]
pub struct Document<'a> {
    pub text: &'a str,
    pub kind: DocumentKind,
}

/// What a project configures for the engine.
#[derive(Default)]
pub struct Config {
    /// The project's own dictionaries, added to the embedded ones.
    pub user_dictionary: Option<UserDictionary>,
}

/// The entities `document` mentions, in order.
pub fn annotate(document: Document, config: &Config) -> Vec<Entity> {
    recognize::recognize(
        document.text,
        document.kind,
        Dictionary::embedded(),
        config.user_dictionary.as_ref(),
    )
    .entities
}
