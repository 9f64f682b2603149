//! A progress bar on standard error for long runs on a terminal, and never anywhere else: not
//! in a pipe, in CI, with NO_COLOR or on a dumb terminal.

use std::ffi::OsString;
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

/// A run shorter than this shows no bar at all.
const DELAY: Duration = Duration::from_secs(2);
const TICK: Duration = Duration::from_millis(100);

/// Whether a bar may be drawn, given whether standard error is a terminal and the environment.
fn allowed(stderr_is_terminal: bool, env: impl Fn(&str) -> Option<OsString>) -> bool {
    let set = |name: &str| env(name).is_some_and(|v| !v.is_empty());
    stderr_is_terminal
        && !set("CI")
        && !set("NO_COLOR")
        && env("TERM").is_none_or(|t| t != "dumb" && !t.is_empty())
}

/// Counts finished inputs; draws a bar once the run has taken longer than [`DELAY`].
pub struct Progress {
    pub done: Arc<AtomicUsize>,
    stop: Arc<(Mutex<bool>, Condvar)>,
    drawer: Option<JoinHandle<()>>,
}

impl Progress {
    /// Starts counting towards `total` inputs (a count without a bar when the total is not
    /// known); `quiet` runs never draw.
    pub fn start(total: Option<usize>, quiet: bool) -> Progress {
        let done = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new((Mutex::new(false), Condvar::new()));
        let wanted = !quiet
            && total.is_none_or(|t| t > 1)
            && allowed(std::io::stderr().is_terminal(), |n| std::env::var_os(n));
        let drawer = wanted.then(|| {
            let (done, stop) = (done.clone(), stop.clone());
            std::thread::spawn(move || draw(total, &done, &stop))
        });
        Progress { done, stop, drawer }
    }

    /// Stops and clears the bar.
    pub fn finish(mut self) {
        self.halt();
    }

    fn halt(&mut self) {
        let (lock, cvar) = &*self.stop;
        *lock.lock().unwrap_or_else(|e| e.into_inner()) = true;
        cvar.notify_all();
        if let Some(handle) = self.drawer.take() {
            let _ = handle.join();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.halt();
    }
}

fn draw(total: Option<usize>, done: &AtomicUsize, stop: &(Mutex<bool>, Condvar)) {
    let (lock, cvar) = stop;
    let stopped = AtomicBool::new(false);
    let wait = |timeout: Duration| {
        let guard = lock.lock().unwrap_or_else(|e| e.into_inner());
        let (guard, _) = cvar
            .wait_timeout_while(guard, timeout, |stop| !*stop)
            .unwrap_or_else(|e| e.into_inner());
        stopped.store(*guard, Ordering::Relaxed);
    };
    wait(DELAY);
    if stopped.load(Ordering::Relaxed) {
        return;
    }
    let bar = match total {
        Some(total) => ProgressBar::new(total as u64).with_style(
            ProgressStyle::with_template("{spinner} checking {pos}/{len} inputs {wide_bar} {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {pos} inputs read")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    while !stopped.load(Ordering::Relaxed) {
        bar.set_position(done.load(Ordering::Relaxed) as u64);
        wait(TICK);
    }
    bar.finish_and_clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&str, &str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[test]
    fn a_bar_only_on_a_capable_terminal_outside_ci() {
        assert!(allowed(true, env(&[("TERM", "xterm-256color")])));
        assert!(allowed(true, env(&[])));
        assert!(!allowed(false, env(&[("TERM", "xterm")])), "a pipe");
        assert!(!allowed(true, env(&[("CI", "true")])));
        assert!(!allowed(true, env(&[("NO_COLOR", "1")])));
        assert!(!allowed(true, env(&[("TERM", "dumb")])));
        assert!(
            allowed(true, env(&[("CI", ""), ("NO_COLOR", "")])),
            "set but empty"
        );
    }

    #[test]
    fn a_short_run_draws_nothing_and_finishes_at_once() {
        let p = Progress::start(Some(10), false);
        p.done.fetch_add(10, Ordering::Relaxed);
        p.finish();
    }
}
