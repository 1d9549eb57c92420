//! Two independent halves of one document's work, run side by side on a long document.
//!
//! An editor re-lints the whole document after every keystroke, and a 50 MB file is one
//! document: checking files in parallel helps neither. Some steps of recognition, and the gene
//! rules beside the variant rules, need nothing from each other, so they run on two threads
//! when a core is idle. The results are the same as one after the other. A short document (an
//! abstract) stays on one thread, where starting another costs more than it saves, and so does
//! every document while as many are being checked as there are cores (`biolint check` on a
//! folder), where a second thread would only take a core from another document.
//!
//! The dictionary search, the longest step, splits once more inside its half, so a long
//! document briefly has three threads on two cores: the other half's steps finish first, and
//! the search's two halves then have a core each. [`limit_threads`] lowers the number of
//! cores counted on; at one, every document stays on the thread that checks it.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Documents at least this long (bytes) are worth a second thread: about half a millisecond
/// of work against some 50 microseconds to start one.
const PARALLEL_FROM: usize = 32 * 1024;

/// How many documents are being checked in this process now.
static CHECKING: AtomicUsize = AtomicUsize::new(0);

/// The cores counted on; 0 until [`limit_threads`] sets it: every core.
static THREADS: AtomicUsize = AtomicUsize::new(0);

/// Counts on `threads` cores from now on, however many the machine has: at 1, no document's
/// work is split (`biolint check --threads 1`).
pub fn limit_threads(threads: usize) {
    THREADS.store(threads.max(1), Ordering::Relaxed);
}

/// Counts a document as being checked while it lives.
pub(crate) struct Checking(());

impl Checking {
    pub(crate) fn start() -> Checking {
        CHECKING.fetch_add(1, Ordering::Relaxed);
        Checking(())
    }
}

impl Drop for Checking {
    fn drop(&mut self) {
        CHECKING.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Whether work on a document of `length` bytes is split across two threads: it is long, and
/// fewer documents are being checked than there are cores to count on.
pub(crate) fn worth_it(length: usize) -> bool {
    #[cfg(test)]
    if let Some(split) = FORCED.get() {
        return split;
    }
    static CORES: OnceLock<usize> = OnceLock::new();
    let cores = match THREADS.load(Ordering::Relaxed) {
        0 => *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
        threads => threads,
    };
    length >= PARALLEL_FROM && CHECKING.load(Ordering::Relaxed) < cores
}

/// `(a(), b())`, on two threads when `parallel`.
pub(crate) fn both<A: Send, B: Send>(
    parallel: bool,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    if !parallel {
        return (a(), b());
    }
    std::thread::scope(|scope| {
        let b = scope.spawn(b);
        let a = a();
        // A panic in `b` is re-raised here, as it would have been on this thread.
        (a, b.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
    })
}

#[cfg(test)]
thread_local! {
    /// Whether tests on this thread split every document (`Some(true)`) or none.
    static FORCED: std::cell::Cell<Option<bool>> = const { std::cell::Cell::new(None) };
}

/// Runs `f` with every document split across two threads (`split`), or none.
#[cfg(test)]
pub(crate) fn forced<R>(split: bool, f: impl FnOnce() -> R) -> R {
    FORCED.set(Some(split));
    let result = f();
    FORCED.set(None);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_halves_run_and_keep_their_order() {
        for parallel in [false, true] {
            assert_eq!(both(parallel, || 1, || "two"), (1, "two"));
        }
    }

    #[test]
    #[should_panic(expected = "from b")]
    fn a_panic_on_the_second_thread_reaches_the_caller() {
        both(true, || (), || panic!("from b"));
    }
}
