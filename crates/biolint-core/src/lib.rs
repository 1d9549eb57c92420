//! The biolint engine: recognises genes, diseases, chemicals, species and mtDNA variants in
//! biomedical manuscripts, and reports nonstandard nomenclature.
//!
//! The engine is a pure function of (document text, kind, configuration): [`annotate`] returns
//! what a document mentions, [`analyze`] also what is wrong with it ([`engine`] is the front
//! door). It reads no files and knows no terminal or editor: the `biolint` binary's command
//! line and language server are thin front ends over it and do all the I/O.

pub mod bioc;
pub mod config;
pub mod diagnostic;
pub mod dictionary;
pub mod engine;
pub mod entity;
pub mod markup;
mod parallel;
pub mod pubtator;
pub mod recognize;
pub mod report;
pub mod rules;
pub mod suppression;
pub mod text;
pub mod variant;

pub use config::Config;
pub use diagnostic::{Applicability, Diagnostic, Fix, Severity};
pub use dictionary::Dictionary;
pub use dictionary::user::UserDictionary;
pub use engine::{Analysis, Document, analyze, analyze_structured, annotate, lint};
pub use entity::{Entity, EntityType, Meaning};
pub use markup::{DocumentKind, Structure};
pub use parallel::limit_threads;
