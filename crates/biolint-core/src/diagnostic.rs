//! Findings: what the rules report, with byte spans, a stable rule id and fixes.
//!
//! A diagnostic is plain data; the command line and the language server turn spans into lines
//! and positions at their own edge.

use std::ops::Range;

use serde::Serialize;

use crate::entity::Entity;

/// How serious a finding is, most serious first (the order `--fail-on` compares in).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
    Hint,
}

impl Severity {
    pub const ALL: [Severity; 4] =
        [Severity::Error, Severity::Warning, Severity::Info, Severity::Hint];

    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Hint => "hint",
        }
    }

    pub fn from_name(name: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// One edit that resolves a finding: replace `span` with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// What the fix does, for a menu: "Replace with PRKN".
    pub title: String,
    pub span: Range<usize>,
    pub replacement: String,
    pub applicability: Applicability,
}

/// Whether a fix may be applied without the author looking (as ruff's fixes say).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Applicability {
    /// The replacement says the same thing: a previous symbol with one current symbol, HGVS
    /// syntax, legacy notation, redundant bases, a symbol's case. `check --fix` applies it.
    Safe,
    /// Most likely right, but the author may mean something else: an alias of one gene (the
    /// author may mean the protein). `check --fix --unsafe-fixes` applies it.
    Unsafe,
    /// One of several readings (an ambiguous alias's candidates), or a change of what the text
    /// says (a swapped reference allele): offered, never applied.
    Suggestion,
}

impl Applicability {
    pub fn name(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
            Applicability::Suggestion => "suggestion",
        }
    }
}

impl Fix {
    pub fn replace(
        span: Range<usize>,
        replacement: impl Into<String>,
        applicability: Applicability,
    ) -> Fix {
        let replacement = replacement.into();
        Fix { title: format!("Replace with {replacement}"), span, replacement, applicability }
    }
}

/// A finding of one rule at one place of a document.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// Stable id, e.g. `gene/previous-symbol`: configuration, suppression comments and CI
    /// filters use it.
    pub rule: &'static str,
    pub severity: Severity,
    /// Written for a biologist: what is wrong and what is right.
    pub message: String,
    /// Byte range in the document.
    pub span: Range<usize>,
    /// Zero or more alternative fixes, the most likely first.
    pub fixes: Vec<Fix>,
    /// The entity the finding is about, for hover cards.
    pub entity: Option<Entity>,
    /// What a reader sees where the span holds formatting inside a word (`*Park*2` reads
    /// "Park2"); `None` where it is the span's own text.
    pub reads: Option<String>,
}

impl Diagnostic {
    /// The text the finding is about, as a reader sees it in `document`.
    pub fn text<'a>(&'a self, document: &'a str) -> &'a str {
        self.reads.as_deref().unwrap_or(&document[self.span.clone()])
    }
}
