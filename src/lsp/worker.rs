//! One task per open document lints its newest text and publishes the findings.
//!
//! There is no debounce: a lint takes milliseconds, so each version is linted as it arrives.
//! The worker waits on the document's `watch` channel, takes the newest snapshot (versions that
//! arrived during the previous lint were replaced by it), lints it on the blocking pool, and
//! publishes only if nothing newer arrived meanwhile: a stale result is dropped, never shown.
//! Every version it finishes is published with its version number, even when the findings did
//! not change, because clients use that to know the list is current.
//!
//! Being the only task that publishes for its document, the worker also clears the
//! diagnostics when the document closes, so a late result can never reappear after the close.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use ropey::Rope;
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tower_lsp_server::ls_types::{self as lsp, MessageType, Uri};

use super::Shared;
use super::diagnostics::{self, Presentation};
use super::position::IndexedText;
use crate::MAX_DOCUMENT_BYTES;
use biolint_core::Document;
use biolint_core::analyze;
use biolint_core::config;
use biolint_core::diagnostic::Diagnostic;
use biolint_core::entity::Entity;
use biolint_core::markup::DocumentKind;

/// A version of a document's text, as handed to its worker. Cloning a rope is cheap: the
/// snapshot shares its text with the document until either is edited.
#[derive(Clone)]
pub struct Snapshot {
    pub version: i32,
    pub rope: Rope,
}

/// One lint of one version of a document: what hover, code actions, symbols and pull
/// diagnostics answer from.
pub struct Analyzed {
    pub version: i32,
    /// Tells lints apart, also two of one version (the configuration changed): the `resultId`
    /// of pull diagnostics.
    pub lint_id: u64,
    pub kind: DocumentKind,
    /// The document's project, where `biolint.toml` lives.
    pub root: Option<PathBuf>,
    pub text: IndexedText,
    /// False for documents biolint does not lint (too large, or `biolint.toml` itself): they
    /// have no entities and no findings.
    pub linted: bool,
    pub entities: Vec<Entity>,
    pub findings: Vec<Diagnostic>,
    /// The findings as the client sees them, in the same order.
    pub diagnostics: Vec<lsp::Diagnostic>,
}

/// Numbers lints for [`Analyzed::lint_id`].
static LINTS: AtomicU64 = AtomicU64::new(0);

pub struct Worker {
    pub uri: Uri,
    pub kind: DocumentKind,
    pub root: Option<PathBuf>,
    pub snapshots: watch::Receiver<Snapshot>,
    pub results: watch::Sender<Option<Arc<Analyzed>>>,
    pub shared: Arc<Shared>,
}

impl Worker {
    /// Lints until the document closes, then clears its diagnostics. Starts after
    /// `predecessor`, the worker of the same document opened before, has finished.
    pub async fn run(mut self, predecessor: Option<JoinHandle<()>>) {
        if let Some(predecessor) = predecessor {
            let _ = predecessor.await;
        }
        let client = self.shared.client.clone();
        let is_config_file = self
            .uri
            .to_file_path()
            .is_some_and(|p| p.file_name() == Some(config::FILE_NAME.as_ref()));
        // The document's first version has not been linted yet.
        self.snapshots.mark_changed();
        let mut was_too_large = false;
        // Whether the client shows findings of this document.
        let mut showing = false;
        // The client asks for findings itself where it can (`textDocument/diagnostic`), on
        // opening and after every change; findings are then never also pushed, or it would show
        // each twice.
        let pull = self.shared.features().pull_diagnostics;
        let mut last_version = None;
        while self.snapshots.changed().await.is_ok() {
            let snapshot = self.snapshots.borrow_and_update().clone();
            let version = snapshot.version;
            let too_large = snapshot.rope.len_bytes() as u64 > MAX_DOCUMENT_BYTES;
            if too_large && !was_too_large {
                let message = format!(
                    "{}: not linted: {:.1} MB is over biolint's limit of {} MB",
                    self.uri.as_str(),
                    snapshot.rope.len_bytes() as f64 / 1e6,
                    MAX_DOCUMENT_BYTES / (1024 * 1024)
                );
                client.log_message(MessageType::WARNING, message).await;
            }
            was_too_large = too_large;
            let lint = !too_large && !is_config_file;
            let job = self.job(snapshot.clone(), lint);
            let analyzed = match tokio::task::spawn_blocking(job).await {
                Ok(analyzed) => Arc::new(analyzed),
                Err(failure) => {
                    let message = format!(
                        "{}: linting version {version} failed: {failure}",
                        self.uri.as_str()
                    );
                    client.log_message(MessageType::ERROR, message).await;
                    // Requests waiting for this version get an answer without findings.
                    Arc::new(self.job(snapshot, false)())
                }
            };
            // Newer text arrived (or the document closed) while linting: this result is stale.
            if self.snapshots.has_changed().unwrap_or(true) {
                continue;
            }
            let previous = self.results.send_replace(Some(analyzed.clone()));
            let relinted = last_version.replace(version) == Some(version);
            if pull {
                // The same version linted again (the configuration changed): the client is told
                // to ask again, when it can be.
                if relinted && self.shared.features().diagnostic_refresh {
                    let _ = client.workspace_diagnostic_refresh().await;
                }
            } else if lint {
                let diagnostics = analyzed.diagnostics.clone();
                client.publish_diagnostics(self.uri.clone(), diagnostics, Some(version)).await;
                showing = true;
            } else if showing {
                // It grew too large: its old findings would sit at the wrong places.
                client.publish_diagnostics(self.uri.clone(), Vec::new(), Some(version)).await;
                showing = false;
            }
            // Freeing the previous lint's thousands of allocations can wait for the client.
            drop(previous);
        }
        if !pull {
            client.publish_diagnostics(self.uri, Vec::new(), None).await;
        }
    }

    /// The lint of `snapshot`, to run on the blocking pool.
    fn job(&self, snapshot: Snapshot, lint: bool) -> impl FnOnce() -> Analyzed + Send + 'static {
        let (config, rule_links) = {
            let settings = self.shared.settings();
            (settings.config(self.root.as_deref()), settings.rule_links())
        };
        let uri = self.uri.clone();
        let kind = self.kind;
        let root = self.root.clone();
        let features = self.shared.features();
        move || {
            let text =
                IndexedText::new(if lint { snapshot.rope.to_string() } else { String::new() });
            let analysis = lint.then(|| analyze(Document { text: text.as_str(), kind }, &config));
            let (entities, findings) =
                analysis.map(|a| (a.entities, a.diagnostics)).unwrap_or_default();
            let presentation = Presentation {
                uri: &uri,
                encoding: features.encoding,
                rule_links: &rule_links,
                related_information: features.related_information,
            };
            let diagnostics = diagnostics::to_lsp(&findings, &entities, &text, &presentation);
            Analyzed {
                version: snapshot.version,
                lint_id: LINTS.fetch_add(1, Ordering::Relaxed),
                kind,
                root,
                text,
                linted: lint,
                entities,
                findings,
                diagnostics,
            }
        }
    }
}
