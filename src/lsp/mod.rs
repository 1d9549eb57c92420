//! `biolint lsp`: the language server, over standard input and output.
//!
//! The engine is pure and position-agnostic; this module is its edge. It keeps the editor's
//! text (`documents.rs`), lints each new version on a per-document task (`worker.rs`), converts
//! byte spans to the negotiated position encoding (`position.rs`, the only place that does), and
//! answers hovers, code actions, symbols and pull diagnostics from the latest lint. It reads
//! `biolint.toml` and project dictionaries (`config.rs`); it never writes a file (the client
//! applies the workspace edits of code actions). Logs go to the client (`window/logMessage`):
//! standard output is the protocol.

mod actions;
mod config;
mod diagnostics;
mod documents;
mod frames;
pub(crate) mod hover;
mod position;
mod symbols;
mod worker;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use serde::{Deserialize, Serialize};
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, ClientSocket, LanguageServer, LspService};

use self::config::{Notice, Settings};
use self::documents::{Change, Documents, GAP_YIELDS};
use self::position::{Encoding, IndexedText};
use biolint_core::markup::DocumentKind;

/// What the client can do, from its capabilities at `initialize`.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct ClientFeatures {
    pub encoding: Encoding,
    /// It shows `relatedInformation` of diagnostics.
    pub related_information: bool,
    /// It accepts `documentChanges` (versioned edits) in workspace edits.
    pub document_changes: bool,
    /// It can create files in a workspace edit.
    pub create_files: bool,
    /// It shows nested document symbols.
    pub hierarchical_symbols: bool,
    /// It asks for diagnostics (`textDocument/diagnostic`); they are then never pushed.
    pub pull_diagnostics: bool,
    /// It asks for them again when told to (`workspace/diagnostic/refresh`).
    pub diagnostic_refresh: bool,
    /// It lets the server register file watchers.
    pub watch_files: bool,
}

impl ClientFeatures {
    fn of(capabilities: &ClientCapabilities) -> ClientFeatures {
        let text = capabilities.text_document.as_ref();
        let workspace = capabilities.workspace.as_ref();
        let edits = workspace.and_then(|w| w.workspace_edit.as_ref());
        ClientFeatures {
            encoding: Encoding::negotiate(
                capabilities.general.as_ref().and_then(|g| g.position_encodings.as_deref()),
            ),
            related_information: text
                .and_then(|t| t.publish_diagnostics.as_ref())
                .and_then(|p| p.related_information)
                .unwrap_or(false),
            document_changes: edits.and_then(|e| e.document_changes).unwrap_or(false),
            create_files: edits
                .and_then(|e| e.resource_operations.as_ref())
                .is_some_and(|ops| ops.contains(&ResourceOperationKind::Create)),
            hierarchical_symbols: text
                .and_then(|t| t.document_symbol.as_ref())
                .and_then(|s| s.hierarchical_document_symbol_support)
                .unwrap_or(false),
            pull_diagnostics: text.is_some_and(|t| t.diagnostic.is_some()),
            diagnostic_refresh: workspace
                .and_then(|w| w.diagnostics.as_ref())
                .and_then(|d| d.refresh_support)
                .unwrap_or(false),
            watch_files: workspace
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|w| w.dynamic_registration)
                .unwrap_or(false),
        }
    }
}

/// What the server's handlers and the document workers share.
pub(crate) struct Shared {
    client: Client,
    features: OnceLock<ClientFeatures>,
    settings: Mutex<Settings>,
}

impl Shared {
    fn features(&self) -> ClientFeatures {
        self.features.get().copied().unwrap_or_default()
    }

    fn settings(&self) -> MutexGuard<'_, Settings> {
        self.settings.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The language server.
pub struct Server {
    shared: Arc<Shared>,
    documents: Arc<Documents>,
    shutdown_requested: Arc<AtomicBool>,
}

/// The answer to `biolint/documentText`: the text the server holds for a document.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct DocumentText {
    pub version: i32,
    pub text: String,
}

/// The server as a tower service, with the one request biolint adds to the protocol:
/// `biolint/documentText` (params: a `TextDocumentIdentifier`) returns the version and text
/// the server holds, so a test or a puzzled user can check it against the editor's.
pub fn service() -> (LspService<Server>, ClientSocket) {
    LspService::build(Server::new)
        .custom_method("biolint/documentText", Server::document_text)
        .finish()
}

pub use frames::well_formed;

/// Serves one client over standard input and output until it says `exit` or closes the input.
/// The exit status is 0 when `shutdown` came first, as the protocol asks.
pub fn run() -> ExitCode {
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("biolint: cannot start the language server: {e}");
            return ExitCode::FAILURE;
        }
    };
    let (service, socket) = service();
    let shutdown_requested = service.inner().shutdown_requested.clone();
    runtime.block_on(async {
        let (input, output) = (frames::well_formed(tokio::io::stdin()), tokio::io::stdout());
        tower_lsp_server::Server::new(input, output, socket).serve(service).await;
    });
    // Lints still running belong to documents nobody will see again.
    runtime.shutdown_timeout(std::time::Duration::from_millis(200));
    if shutdown_requested.load(Ordering::SeqCst) { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

impl Server {
    pub fn new(client: Client) -> Server {
        let (settings, _) = Settings::new(Vec::new(), None);
        Server {
            shared: Arc::new(Shared {
                client,
                features: OnceLock::new(),
                settings: Mutex::new(settings),
            }),
            documents: Arc::default(),
            shutdown_requested: Arc::new(AtomicBool::new(false)),
        }
    }

    /// `biolint/documentText`.
    pub async fn document_text(
        &self,
        params: TextDocumentIdentifier,
    ) -> Result<Option<DocumentText>> {
        Ok(self.documents.text(&params.uri).map(|(version, text)| DocumentText { version, text }))
    }

    fn encoding(&self) -> Encoding {
        self.shared.features().encoding
    }

    async fn log(&self, level: MessageType, message: impl std::fmt::Display) {
        self.shared.client.log_message(level, message).await;
    }

    async fn report(&self, notices: Vec<Notice>) {
        for notice in notices {
            match notice {
                Notice::Broken(message) => {
                    self.shared.client.show_message(MessageType::ERROR, &message).await;
                    self.log(MessageType::ERROR, message).await;
                }
                Notice::Note(message) => self.log(MessageType::INFO, message).await,
            }
        }
    }

    /// Reacts to a `didChange` outcome: logs what needs it, and closes a gap in the version
    /// numbers that no reordered edit fills (see [`documents`]).
    async fn after_change(&self, uri: &Uri, change: Change, mut notes: Vec<String>) {
        let mut waiting = match change {
            Change::Applied { waiting, .. } => waiting,
            Change::Early { waiting } => Some(waiting),
            Change::Stale { current } => {
                notes.push(format!(
                    "{}: ignored an edit older than version {current}",
                    uri.as_str()
                ));
                None
            }
            Change::Unknown => {
                notes.push(format!(
                    "{}: ignored an edit of a document that is not open",
                    uri.as_str()
                ));
                None
            }
        };
        while let Some(missing) = waiting {
            for _ in 0..GAP_YIELDS {
                tokio::task::yield_now().await;
            }
            waiting = match self.documents.close_gap(uri, missing, self.encoding(), &mut notes) {
                Some(Change::Applied { waiting, .. }) => waiting,
                _ => None,
            };
        }
        for note in notes {
            self.log(MessageType::WARNING, note).await;
        }
    }

    /// Reads every project's configuration again and lints the open documents with it.
    async fn reload_configuration(&self) {
        let notices = self.shared.settings().reload();
        self.report(notices).await;
        self.documents.relint_all();
    }

    /// The project `biolint.toml` the "allow" action edits, as the editor or the disk has it.
    fn project_file(&self, root: &Path) -> Option<actions::ProjectFile> {
        let path = root.join(biolint_core::config::FILE_NAME);
        let uri = Uri::from_file_path(&path)?;
        if let Some((version, text)) = self.documents.text_at(&path) {
            return Some(actions::ProjectFile { uri, text: Some(text), version: Some(version) });
        }
        match std::fs::read_to_string(&path) {
            Ok(text) => Some(actions::ProjectFile { uri, text: Some(text), version: None }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Some(actions::ProjectFile { uri, text: None, version: None })
            }
            Err(_) => None,
        }
    }

    /// The byte offset of a request's position, or `None` (logged) when it is off the text.
    async fn offset_in(&self, uri: &Uri, text: &IndexedText, at: Position) -> Option<usize> {
        match text.offset(at, self.encoding()) {
            Ok(offset) => Some(offset),
            Err(clamped) => {
                let message = format!(
                    "{}: position {at:?} is off the text (clamped to byte {})",
                    uri.as_str(),
                    clamped.offset
                );
                self.log(MessageType::WARNING, message).await;
                None
            }
        }
    }
}

/// The kind of a document: from its language id, else its file extension, else plain text.
fn document_kind(uri: &Uri, language_id: &str) -> DocumentKind {
    DocumentKind::from_language_id(language_id)
        .or_else(|| DocumentKind::from_path(Path::new(uri.path().as_str())))
        .unwrap_or(DocumentKind::Plain)
}

/// The folders the client opened, as paths.
#[allow(deprecated)] // older clients send only `rootUri`
fn workspace_folders(params: &InitializeParams) -> Vec<PathBuf> {
    let uris: Vec<&Uri> = match &params.workspace_folders {
        Some(folders) if !folders.is_empty() => folders.iter().map(|f| &f.uri).collect(),
        _ => params.root_uri.iter().collect(),
    };
    uris.into_iter().filter_map(|uri| uri.to_file_path().map(|p| p.into_owned())).collect()
}

impl LanguageServer for Server {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let features = ClientFeatures::of(&params.capabilities);
        let _ = self.shared.features.set(features);
        let (settings, notices) =
            Settings::new(workspace_folders(&params), params.initialization_options.as_ref());
        *self.shared.settings() = settings;
        self.report(notices).await;
        let capabilities = ServerCapabilities {
            position_encoding: Some(features.encoding.kind()),
            text_document_sync: Some(TextDocumentSyncCapability::Options(
                TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    // A saved `biolint.toml` is read again, also without file watchers.
                    save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                    ..TextDocumentSyncOptions::default()
                },
            )),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                ..CodeActionOptions::default()
            })),
            document_symbol_provider: Some(OneOf::Left(true)),
            diagnostic_provider: features.pull_diagnostics.then(|| {
                DiagnosticServerCapabilities::Options(DiagnosticOptions {
                    identifier: Some(diagnostics::SOURCE.to_owned()),
                    inter_file_dependencies: false,
                    workspace_diagnostics: false,
                    ..DiagnosticOptions::default()
                })
            }),
            ..ServerCapabilities::default()
        };
        Ok(InitializeResult {
            capabilities,
            server_info: Some(ServerInfo {
                name: "biolint".to_owned(),
                version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        if self.shared.features().watch_files {
            let watchers =
                [format!("**/{}", biolint_core::config::FILE_NAME), "**/*.tsv".to_owned()]
                    .into_iter()
                    .map(|glob| FileSystemWatcher {
                        glob_pattern: GlobPattern::String(glob),
                        kind: None,
                    })
                    .collect();
            let registration = Registration {
                id: "biolint-configuration".to_owned(),
                method: "workspace/didChangeWatchedFiles".to_owned(),
                register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions {
                    watchers,
                })
                .ok(),
            };
            if let Err(e) = self.shared.client.register_capability(vec![registration]).await {
                self.log(MessageType::WARNING, format!("cannot watch biolint.toml: {e}")).await;
            }
        }
        // Name the MeSH tree categories now rather than during the first hover.
        tokio::task::spawn_blocking(hover::tree_categories);
    }

    async fn shutdown(&self) -> Result<()> {
        self.shutdown_requested.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let TextDocumentItem { uri, language_id, version, text } = params.text_document;
        let kind = document_kind(&uri, &language_id);
        let (root, notices) = self.shared.settings().project_of(&uri);
        self.documents.open(&self.shared, uri, version, &text, kind, root);
        self.report(notices).await;
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let VersionedTextDocumentIdentifier { uri, version } = params.text_document;
        let mut notes = Vec::new();
        let change = self.documents.change(
            &uri,
            version,
            params.content_changes,
            self.encoding(),
            &mut notes,
        );
        self.after_change(&uri, change, notes).await;
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        if !self.documents.close(&uri) {
            self.log(
                MessageType::WARNING,
                format!("{}: closed, but it was not open", uri.as_str()),
            )
            .await;
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let notices = self.shared.settings().set_editor_settings(&params.settings);
        self.report(notices).await;
        self.documents.relint_all();
    }

    async fn did_change_watched_files(&self, _: DidChangeWatchedFilesParams) {
        self.reload_configuration().await;
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        let path = params.text_document.uri.to_file_path();
        if path.is_some_and(|p| p.file_name() == Some(biolint_core::config::FILE_NAME.as_ref())) {
            self.reload_configuration().await;
        }
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let TextDocumentPositionParams { text_document, position } =
            params.text_document_position_params;
        let Some(analyzed) = self.documents.analyzed(&text_document.uri).await else {
            let message =
                format!("{}: hover in a document that is not open", text_document.uri.as_str());
            self.log(MessageType::WARNING, message).await;
            return Ok(None);
        };
        if !analyzed.linted {
            return Ok(None);
        }
        let Some(offset) = self.offset_in(&text_document.uri, &analyzed.text, position).await
        else {
            return Ok(None);
        };
        Ok(hover::hover(&analyzed, offset, self.encoding()))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        if !actions::wants_quick_fixes(params.context.only.as_deref()) {
            return Ok(None);
        }
        let Some(analyzed) = self.documents.analyzed(&uri).await else {
            self.log(
                MessageType::WARNING,
                format!("{}: code actions in a document that is not open", uri.as_str()),
            )
            .await;
            return Ok(None);
        };
        if !analyzed.linted {
            return Ok(Some(Vec::new()));
        }
        let span = match analyzed.text.span(params.range, self.encoding()) {
            Ok(span) => span,
            Err(clamped) => {
                let message = format!("{}: range {:?} is off the text", uri.as_str(), params.range);
                self.log(MessageType::WARNING, message).await;
                clamped.span
            }
        };
        let project = analyzed.root.as_deref().and_then(|root| self.project_file(root));
        let features = self.shared.features();
        Ok(Some(actions::code_actions(&analyzed, &uri, span, project.as_ref(), &features)))
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let uri = params.text_document.uri;
        let Some(analyzed) = self.documents.analyzed(&uri).await else { return Ok(None) };
        let features = self.shared.features();
        Ok(Some(symbols::document_symbols(
            &analyzed,
            &uri,
            features.encoding,
            features.hierarchical_symbols,
        )))
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let uri = params.text_document.uri;
        let report = match self.documents.analyzed(&uri).await {
            Some(analyzed) => {
                let result_id = analyzed.lint_id.to_string();
                if params.previous_result_id.as_ref() == Some(&result_id) {
                    DocumentDiagnosticReport::Unchanged(RelatedUnchangedDocumentDiagnosticReport {
                        related_documents: None,
                        unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport {
                            result_id,
                        },
                    })
                } else {
                    full_report(Some(result_id), analyzed.diagnostics.clone())
                }
            }
            None => full_report(None, Vec::new()),
        };
        Ok(DocumentDiagnosticReportResult::Report(report))
    }
}

fn full_report(result_id: Option<String>, items: Vec<Diagnostic>) -> DocumentDiagnosticReport {
    DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
        related_documents: None,
        full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id, items },
    })
}
