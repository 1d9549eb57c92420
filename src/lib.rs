//! The `biolint` binary's front ends, thin over the engine in `biolint-core`: the command line
//! ([`cli`]) and the language server ([`lsp`]). They read files, walk folders, speak the
//! protocol and print; everything a finding says comes from `biolint_core::analyze`.

pub mod cli;
pub mod lsp;
mod project;
