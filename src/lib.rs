//! The `biolint` binary's front ends, thin over the engine in `biolint-core`: the command line
//! ([`cli`]) and the language server ([`lsp`]). They read files, walk folders, speak the
//! protocol and print; every entity and finding comes from the engine's front door
//! (`biolint_core::engine`).

pub mod cli;
pub mod lsp;
mod project;

/// Where biolint lives, for links in reports.
pub const REPOSITORY_URL: &str = "https://github.com/biolint/biolint";
/// Where each rule is explained (`#` and the rule's anchor, see `biolint_core::rules::anchor`).
pub const RULES_URL: &str = "https://github.com/biolint/biolint/blob/main/docs/rules.md";

/// Larger documents are not manuscripts (a whole book is a few MB): the command line refuses
/// such files (unless `--max-file-size` says otherwise) and the language server does not lint
/// them, so that a stray data file never stalls a run.
const MAX_DOCUMENT_BYTES: u64 = 16 * 1024 * 1024;
