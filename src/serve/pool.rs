//! The workers that run checks: a fixed rayon pool, so CPU-bound work never runs on the
//! async reactor's threads. Jobs are admitted before they get here, so its queue is bounded.

use std::panic::{AssertUnwindSafe, catch_unwind};

use tokio::sync::oneshot;

pub struct Pool {
    threads: rayon::ThreadPool,
}

/// A job that panicked (the engine catches a panic per document; this is everything else).
#[derive(Debug)]
pub struct Panicked;

impl Pool {
    pub fn new(workers: usize) -> Result<Pool, rayon::ThreadPoolBuildError> {
        let threads = rayon::ThreadPoolBuilder::new()
            .num_threads(workers)
            .thread_name(|i| format!("concord-check-{i}"))
            .build()?;
        Ok(Pool { threads })
    }

    /// Runs `f` on the pool, blocking the caller.
    pub fn install<T: Send>(&self, f: impl FnOnce() -> T + Send) -> T {
        self.threads.install(f)
    }

    pub fn workers(&self) -> usize {
        self.threads.current_num_threads()
    }

    /// Runs `job` on a worker (its parallel iterators on the same pool) and awaits its result.
    pub async fn run<T: Send + 'static>(
        &self,
        job: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, Panicked> {
        let (tx, rx) = oneshot::channel();
        self.threads.spawn(move || {
            // The receiver is gone when the request timed out; the result is dropped.
            let _ = tx.send(catch_unwind(AssertUnwindSafe(job)));
        });
        match rx.await {
            Ok(Ok(value)) => Ok(value),
            _ => Err(Panicked),
        }
    }
}
