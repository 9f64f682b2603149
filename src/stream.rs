//! A parallel map over a lazy sequence with bounded memory: worker threads take items in
//! sequence order, and results are handed back on the calling thread either in sequence order
//! (a reorder buffer keyed by the item's index, as ripgrep orders its parallel output) or as
//! they finish. A worker never runs more than a window of items ahead of the oldest result not
//! yet handed back, so however long the sequence, only a window of items and results is alive.

use std::collections::BTreeMap;
use std::sync::mpsc;
use std::sync::{Condvar, Mutex};

/// The order in which results are handed back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// The items' order, whatever the number of threads.
    #[default]
    Input,
    /// As soon as each item is done.
    Finish,
}

/// Items a worker may take beyond the oldest result not yet handed back, per thread.
const WINDOW_PER_THREAD: usize = 16;

/// Results a worker sends at once: each send may wake the calling thread, and a run over
/// thousands of short articles spent more time waking threads than reading files.
const BATCH: usize = 8;

struct State<I> {
    items: I,
    /// Index of the next item to take.
    next: usize,
    /// Results handed back so far, in `Order::Input` the index below which all are.
    handed: usize,
    /// The sequence is exhausted or the caller stopped.
    over: bool,
    /// Workers waiting for room in the window: only then does a result handed back wake them.
    waiting: usize,
}

/// Wakes blocked workers when the caller stops or unwinds, so the scope can end.
struct Stop<'a, I>(&'a Mutex<State<I>>, &'a Condvar);

impl<I> Drop for Stop<'_, I> {
    fn drop(&mut self) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).over = true;
        self.1.notify_all();
    }
}

/// Runs `work` on every item on `threads` threads (at least one) and hands each result to
/// `emit`, with the item's index, on the calling thread. `emit` returns false to stop: no
/// further item is started and the results still in flight are dropped.
pub fn map<I, T, W, E>(items: I, threads: usize, order: Order, work: W, mut emit: E)
where
    I: Iterator + Send,
    I::Item: Send,
    T: Send,
    W: Fn(usize, I::Item) -> T + Sync,
    E: FnMut(usize, T) -> bool,
{
    // One item at most (a request's document, a file named alone): checked on the calling
    // thread, which keeps what that thread has cached and costs no thread.
    if items.size_hint().1.is_some_and(|most| most <= 1) {
        for (index, item) in items.enumerate() {
            if !emit(index, work(index, item)) {
                break;
            }
        }
        return;
    }
    let threads = threads.max(1);
    let window = threads * WINDOW_PER_THREAD;
    let state = Mutex::new(State {
        items,
        next: 0,
        handed: 0,
        over: false,
        waiting: 0,
    });
    let room = Condvar::new();
    let (tx, rx) = mpsc::sync_channel::<Vec<(usize, T)>>(window);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (state, room, work) = (&state, &room, &work);
            scope.spawn(move || {
                let mut batch: Vec<(usize, T)> = Vec::with_capacity(BATCH);
                loop {
                    // Results waiting here may be what the window waits for: they go before
                    // this worker waits.
                    let taken = match take(state, room, window, false) {
                        Taken::Item(item) => Some(item),
                        Taken::Full => {
                            if !batch.is_empty() && tx.send(std::mem::take(&mut batch)).is_err() {
                                break;
                            }
                            match take(state, room, window, true) {
                                Taken::Item(item) => Some(item),
                                _ => None,
                            }
                        }
                        Taken::Over => None,
                    };
                    let Some((index, item)) = taken else { break };
                    let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        work(index, item)
                    }));
                    match done {
                        Ok(result) => {
                            batch.push((index, result));
                            if batch.len() >= BATCH && tx.send(std::mem::take(&mut batch)).is_err()
                            {
                                break;
                            }
                        }
                        Err(panic) => {
                            drop(Stop(state, room));
                            std::panic::resume_unwind(panic);
                        }
                    }
                }
                if !batch.is_empty() {
                    let _ = tx.send(batch);
                }
            });
        }
        drop(tx);
        let rx = rx;
        let stop = Stop(&state, &room);
        let mut pending: BTreeMap<usize, T> = BTreeMap::new();
        let mut next = 0;
        'results: for batch in rx.iter() {
            for (index, result) in batch {
                let keep_going = match order {
                    Order::Finish => {
                        next += 1;
                        emit(index, result)
                    }
                    Order::Input => {
                        pending.insert(index, result);
                        let mut go = true;
                        while go && let Some(result) = pending.remove(&next) {
                            go = emit(next, result);
                            next += 1;
                        }
                        go
                    }
                };
                if !keep_going {
                    break 'results;
                }
            }
            let mut s = state.lock().unwrap_or_else(|e| e.into_inner());
            s.handed = next;
            if s.waiting > 0 {
                room.notify_all();
            }
        }
        drop(stop);
        drop(rx);
    });
}

/// What a worker found when it came for an item.
enum Taken<T> {
    Item((usize, T)),
    /// The window is full (and the worker chose not to wait).
    Full,
    Over,
}

fn take<I: Iterator>(
    state: &Mutex<State<I>>,
    room: &Condvar,
    window: usize,
    wait: bool,
) -> Taken<I::Item> {
    let mut s = state.lock().unwrap_or_else(|e| e.into_inner());
    while !s.over && s.next >= s.handed + window {
        if !wait {
            return Taken::Full;
        }
        s.waiting += 1;
        s = room.wait(s).unwrap_or_else(|e| e.into_inner());
        s.waiting -= 1;
    }
    if s.over {
        return Taken::Over;
    }
    match s.items.next() {
        Some(item) => {
            let index = s.next;
            s.next += 1;
            Taken::Item((index, item))
        }
        None => {
            s.over = true;
            room.notify_all();
            Taken::Over
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Work whose duration varies with the item, so that items finish out of order.
    fn uneven(i: usize) -> usize {
        let spins = (i * 7919) % 13 * 2000;
        let mut x = i;
        for k in 0..spins {
            x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(k));
        }
        std::hint::black_box(x);
        i * 2
    }

    #[test]
    fn input_order_is_kept_whatever_the_thread_count() {
        for threads in [1, 2, 3, 8] {
            let mut seen = Vec::new();
            map(
                0..500,
                threads,
                Order::Input,
                |_, i| uneven(i),
                |index, r| {
                    seen.push((index, r));
                    true
                },
            );
            let expected: Vec<(usize, usize)> = (0..500).map(|i| (i, i * 2)).collect();
            assert_eq!(seen, expected, "{threads} threads");
        }
    }

    #[test]
    fn one_item_is_worked_on_the_calling_thread() {
        let caller = std::thread::current().id();
        for order in [Order::Input, Order::Finish] {
            let mut seen = Vec::new();
            map(
                std::iter::once(21),
                4,
                order,
                |_, i| (i * 2, std::thread::current().id()),
                |index, r| {
                    seen.push((index, r));
                    true
                },
            );
            assert_eq!(seen, [(0, (42, caller))], "{order:?}");
        }
        let mut none = 0;
        map(
            std::iter::empty::<usize>(),
            4,
            Order::Input,
            |_, i| i,
            |_, _| {
                none += 1;
                true
            },
        );
        assert_eq!(none, 0);
    }

    #[test]
    fn finish_order_hands_back_every_result_once() {
        let mut seen = Vec::new();
        map(
            0..500,
            4,
            Order::Finish,
            |_, i| uneven(i),
            |index, r| {
                seen.push((index, r));
                true
            },
        );
        seen.sort();
        assert_eq!(seen, (0..500).map(|i| (i, i * 2)).collect::<Vec<_>>());
    }

    #[test]
    fn workers_stay_within_the_window() {
        // The caller is slow: no item may start more than a window ahead of what it has taken.
        let started = AtomicUsize::new(0);
        let threads = 3;
        let mut max_ahead = 0;
        map(
            0..2000,
            threads,
            Order::Input,
            |i, _| {
                started.fetch_max(i + 1, Ordering::SeqCst);
                i
            },
            |index, _| {
                let ahead = started.load(Ordering::SeqCst) - index;
                max_ahead = max_ahead.max(ahead);
                true
            },
        );
        assert!(
            max_ahead <= threads * WINDOW_PER_THREAD + threads,
            "{max_ahead} items ahead"
        );
    }

    #[test]
    fn stopping_early_starts_no_further_item() {
        let started = AtomicUsize::new(0);
        let mut handed = 0;
        map(
            0..100_000,
            2,
            Order::Input,
            |_, i| {
                started.fetch_add(1, Ordering::SeqCst);
                i
            },
            |_, _| {
                handed += 1;
                handed < 10
            },
        );
        assert_eq!(handed, 10);
        assert!(started.load(Ordering::SeqCst) < 10 + 2 * 2 * WINDOW_PER_THREAD + 2);
    }

    #[test]
    fn a_panicking_worker_ends_the_run_instead_of_hanging_it() {
        let outcome = std::panic::catch_unwind(|| {
            map(
                0..10_000,
                2,
                Order::Input,
                |_, i| {
                    assert!(i != 5, "item 5 fails");
                    i
                },
                |_, _| true,
            );
        });
        assert!(outcome.is_err());
    }

    #[test]
    fn an_empty_sequence_hands_back_nothing() {
        let mut n = 0;
        map(
            std::iter::empty::<u8>(),
            4,
            Order::Input,
            |_, x| x,
            |_, _| {
                n += 1;
                true
            },
        );
        assert_eq!(n, 0);
    }
}
