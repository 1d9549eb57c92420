//! Open documents: their text as ropes, edited strictly in version order, each with the worker
//! that lints it.
//!
//! tower-lsp-server may handle notifications concurrently (its issue #36, tower-lsp #284), so
//! `didChange` 7 can reach us before `didChange` 6. An edit for a later version than the next
//! one waits in `early` until the versions before it are applied; an edit not newer than the
//! text is dropped.
//!
//! A gap does not always mean a reordering: the protocol only asks versions to increase, and
//! clients skip numbers (Neovim sends its buffer's change counter). tower-lsp-server reads
//! messages in order and starts their handlers in order, concurrently with at most a few
//! others; so when `didChange` 7 sees version 6 missing because of a reordering, 6 is already
//! among the handlers started and runs as soon as 7 yields. The handler of an early edit
//! therefore yields a few times ([`GAP_YIELDS`]), and if the gap is still open, the client
//! skipped the version: [`Documents::close_gap`] applies the earliest waiting edit. No clock is
//! involved, and a client that skips numbers waits microseconds, not a timeout.
//!
//! After each batch of edits the newest text goes to the document's worker through a `watch`
//! channel, which holds only the latest value: versions that arrive while a lint runs replace
//! each other, and the worker lints only the newest (see [`super::worker`]).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use ropey::Rope;
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tower_lsp_server::ls_types::{TextDocumentContentChangeEvent, Uri};

use super::Shared;
use super::position::{self, Encoding};
use super::worker::{Analyzed, Snapshot, Worker};
use biolint_core::markup::DocumentKind;

/// How many times the handler of an early edit lets the others run before it takes the
/// missing version for skipped. One is enough for tower-lsp-server's scheduling; more cost
/// nothing.
pub const GAP_YIELDS: usize = 4;

#[derive(Default)]
pub struct Documents {
    open: Mutex<HashMap<Uri, Open>>,
    /// Workers of closed documents that may still be clearing their diagnostics: the worker of
    /// a document opened again waits for its predecessor, so their publications never cross.
    closing: Mutex<HashMap<Uri, JoinHandle<()>>>,
}

struct Open {
    version: i32,
    rope: Rope,
    /// Edits that arrived before the versions they follow, by version.
    early: BTreeMap<i32, Vec<TextDocumentContentChangeEvent>>,
    snapshots: watch::Sender<Snapshot>,
    results: watch::Receiver<Option<Arc<Analyzed>>>,
    worker: JoinHandle<()>,
}

/// What became of a `didChange`.
#[derive(Debug, PartialEq, Eq)]
pub enum Change {
    /// Applied, with any edits that were waiting for it. `waiting` is the version still missing
    /// before the remaining early edits, if any.
    Applied { version: i32, waiting: Option<i32> },
    /// Too early: it waits for `waiting`.
    Early { waiting: i32 },
    /// Not newer than the text the server has (`current`): dropped.
    Stale { current: i32 },
    /// No such open document.
    Unknown,
}

impl Documents {
    /// Opens (or reopens) a document and starts its worker.
    pub fn open(
        &self,
        shared: &Arc<Shared>,
        uri: Uri,
        version: i32,
        text: &str,
        kind: DocumentKind,
        root: Option<PathBuf>,
    ) {
        let rope = Rope::from_str(text);
        let (snapshots, snapshot_receiver) =
            watch::channel(Snapshot { version, rope: rope.clone() });
        let (results_sender, results) = watch::channel(None);
        let mut open = self.lock_open();
        // A reopened document's old worker must finish first; so must one closed earlier.
        let predecessor =
            open.remove(&uri).map(|old| old.worker).or_else(|| lock(&self.closing).remove(&uri));
        let worker = Worker {
            uri: uri.clone(),
            kind,
            root,
            snapshots: snapshot_receiver,
            results: results_sender,
            shared: shared.clone(),
        };
        let worker = tokio::spawn(worker.run(predecessor));
        open.insert(
            uri,
            Open { version, rope, early: BTreeMap::new(), snapshots, results, worker },
        );
    }

    /// Applies the edits of `version`, in order with the others. Positions off the text are
    /// clamped and described in `notes`.
    pub fn change(
        &self,
        uri: &Uri,
        version: i32,
        edits: Vec<TextDocumentContentChangeEvent>,
        encoding: Encoding,
        notes: &mut Vec<String>,
    ) -> Change {
        let mut open = self.lock_open();
        let Some(document) = open.get_mut(uri) else { return Change::Unknown };
        if version <= document.version {
            return Change::Stale { current: document.version };
        }
        if document.early.insert(version, edits).is_some() {
            notes
                .push(format!("{}: version {version} was sent twice; kept the last", uri.as_str()));
        }
        let before = document.version;
        document.apply_ready(encoding, uri, notes);
        if document.version == before {
            return Change::Early { waiting: before + 1 };
        }
        document.publish_snapshot();
        Change::Applied { version: document.version, waiting: document.waiting() }
    }

    /// Called when version `waiting` has not come although the handlers started before the
    /// early edit have run: the client skipped it, and the earliest waiting edit is applied.
    /// `None` when the gap was filled meanwhile.
    pub fn close_gap(
        &self,
        uri: &Uri,
        waiting: i32,
        encoding: Encoding,
        notes: &mut Vec<String>,
    ) -> Option<Change> {
        let mut open = self.lock_open();
        let document = open.get_mut(uri)?;
        if document.waiting() != Some(waiting) {
            return None;
        }
        let (version, edits) = document.early.pop_first()?;
        notes.push(format!(
            "{}: version {waiting} never came; applying version {version} after version {}",
            uri.as_str(),
            document.version
        ));
        document.apply(version, edits, encoding, uri, notes);
        document.apply_ready(encoding, uri, notes);
        document.publish_snapshot();
        Some(Change::Applied { version: document.version, waiting: document.waiting() })
    }

    /// Closes a document: its worker clears its diagnostics and ends.
    pub fn close(&self, uri: &Uri) -> bool {
        let Some(document) = self.lock_open().remove(uri) else { return false };
        let mut closing = lock(&self.closing);
        closing.retain(|_, worker| !worker.is_finished());
        closing.insert(uri.clone(), document.worker);
        true
    }

    /// The lint of the document's current version (or a later one), once it is done; `None`
    /// for a document that is not open or was closed meanwhile.
    pub async fn analyzed(&self, uri: &Uri) -> Option<Arc<Analyzed>> {
        let (version, mut results) = {
            let open = self.lock_open();
            let document = open.get(uri)?;
            (document.version, document.results.clone())
        };
        let ready = results.wait_for(|r| r.as_ref().is_some_and(|a| a.version >= version)).await;
        ready.ok().and_then(|result| result.clone())
    }

    /// Lints every open document again (the configuration changed).
    pub fn relint_all(&self) {
        for document in self.lock_open().values() {
            document.snapshots.send_modify(|_| {});
        }
    }

    /// The version and text the server holds for `uri`.
    pub fn text(&self, uri: &Uri) -> Option<(i32, String)> {
        self.lock_open().get(uri).map(|d| (d.version, d.rope.to_string()))
    }

    /// The version and text of the open document at `path`, if one is open there.
    pub fn text_at(&self, path: &Path) -> Option<(i32, String)> {
        let open = self.lock_open();
        let (_, document) =
            open.iter().find(|(uri, _)| uri.to_file_path().is_some_and(|p| p == path))?;
        Some((document.version, document.rope.to_string()))
    }

    fn lock_open(&self) -> MutexGuard<'_, HashMap<Uri, Open>> {
        lock(&self.open)
    }
}

impl Open {
    /// Applies the waiting edits that follow the current version without a gap.
    fn apply_ready(&mut self, encoding: Encoding, uri: &Uri, notes: &mut Vec<String>) {
        while let Some(entry) = self.early.first_entry() {
            if Some(*entry.key()) != self.version.checked_add(1) {
                break;
            }
            let (version, edits) = entry.remove_entry();
            self.apply(version, edits, encoding, uri, notes);
        }
    }

    fn apply(
        &mut self,
        version: i32,
        edits: Vec<TextDocumentContentChangeEvent>,
        encoding: Encoding,
        uri: &Uri,
        notes: &mut Vec<String>,
    ) {
        for edit in edits {
            let Some(range) = edit.range else {
                self.rope = Rope::from_str(&edit.text);
                continue;
            };
            let span = position::span(&self.rope, range, encoding).unwrap_or_else(|clamped| {
                notes.push(format!(
                    "{}: version {version}: the edit at {range:?} is off the text; \
                     applied to bytes {:?}",
                    uri.as_str(),
                    clamped.span
                ));
                clamped.span
            });
            let start = self.rope.byte_to_char(span.start);
            self.rope.remove(start..self.rope.byte_to_char(span.end));
            self.rope.insert(start, &edit.text);
        }
        self.version = version;
    }

    /// Hands the current text to the worker.
    fn publish_snapshot(&self) {
        self.snapshots.send_replace(Snapshot { version: self.version, rope: self.rope.clone() });
    }

    /// The version the early edits wait for, if any wait.
    fn waiting(&self) -> Option<i32> {
        (!self.early.is_empty()).then(|| self.version + 1)
    }
}

/// Locks a mutex, also after a panic elsewhere: the maps stay consistent between statements.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
