//! Checking many files on every core while reporting them in the order given: threads take the
//! next file as they free up, and the results are handed on in order, so output streams and
//! never depends on which thread was faster.
//!
//! The calling thread checks files too, handing on what the others finished between its own
//! files: a thread that only waited for results would be woken for each of them (thousands of
//! context switches for a folder of abstracts) and take turns on a core with the workers. So a
//! result is handed on once its predecessors are done and the calling thread is between files;
//! until then it waits in memory (the workers never wait for the calling thread).

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// Calls `work` on each item on up to `threads` threads (the calling thread among them) and
/// `emit` on each result, in the items' order, on the calling thread.
pub fn map_in_order<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    work: impl Fn(&T) -> R + Sync,
    mut emit: impl FnMut(R),
) {
    let threads = threads.clamp(1, items.len().max(1));
    if threads == 1 {
        items.iter().map(work).for_each(emit);
        return;
    }
    let next = AtomicUsize::new(0);
    let take = || {
        let i = next.fetch_add(1, Ordering::Relaxed);
        items.get(i).map(|item| (i, item))
    };
    // Unbounded: a worker must not wait for the calling thread to finish a long file of its own.
    let (sender, receiver) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        for _ in 1..threads {
            let sender = sender.clone();
            let (take, work) = (&take, &work);
            scope.spawn(move || {
                while let Some((i, item)) = take() {
                    if sender.send((i, work(item))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        let mut waiting = BTreeMap::new();
        let mut due = 0;
        let mut hand_on = |i: usize, result: R| {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&due) {
                emit(result);
                due += 1;
            }
        };
        while let Some((i, item)) = take() {
            hand_on(i, work(item));
            for (i, result) in receiver.try_iter() {
                hand_on(i, result);
            }
        }
        for (i, result) in receiver {
            hand_on(i, result);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_the_items_order_whatever_the_threads_take() {
        let items: Vec<u64> = (0..500).collect();
        for threads in [1, 2, 3, 8] {
            let mut seen = Vec::new();
            // Later items finish first: without reordering, the output would be reversed.
            map_in_order(
                &items,
                threads,
                |&i| {
                    std::thread::sleep(std::time::Duration::from_micros((500 - i) % 7 * 20));
                    i * 2
                },
                |r| seen.push(r),
            );
            assert_eq!(seen, items.iter().map(|i| i * 2).collect::<Vec<_>>(), "{threads} threads");
        }
    }

    #[test]
    fn no_items_no_calls() {
        let mut calls = 0;
        map_in_order(&Vec::<u8>::new(), 4, |_| 1, |_| calls += 1);
        assert_eq!(calls, 0);
    }
}
