//! What the steps of recognition share about the document being read.

use std::cell::OnceCell;
use std::ops::Range;

use rustc_hash::FxHashSet;

use super::evidence::Evidence;
use super::not_genes::DocumentFacts;
use crate::dictionary::{Dictionary, GeneId};
use crate::markup::DocumentKind;

/// The document and what recognition learnt of it before choosing meanings.
pub(super) struct Context<'a> {
    pub text: &'a str,
    /// The document's format: some marks mean markup in one and text in another (`~` is a
    /// subscript's delimiter in Pandoc's Markdown, a non-breaking space in LaTeX).
    pub kind: DocumentKind,
    pub dictionary: &'a Dictionary,
    /// Genes the document writes by their approved symbol somewhere.
    pub written_symbols: FxHashSet<GeneId>,
    /// Emphasised text, where a symbol is clearly a gene.
    pub italic: &'a [Range<usize>],
    /// The document is about mitochondria (see [`super::mitochondria::is_about_mitochondria`]).
    pub mitochondrial: bool,
    /// The prose, with code and markup blanked (what the facts are read from).
    pub prose: &'a str,
    /// What the document says that some tokens' readings depend on, read when first needed.
    pub facts: OnceCell<DocumentFacts>,
    /// The forms the document uses as genes somewhere (see [`Evidence`]).
    pub evidence: Evidence,
}

impl Context<'_> {
    /// What the document says that some tokens' readings depend on (a scan of the whole prose,
    /// made once, and only for a document with a token that needs it).
    pub fn facts(&self) -> &DocumentFacts {
        self.facts.get_or_init(|| DocumentFacts::of(self.prose))
    }
}
