//! The progress line: on a large claim base, reading, checking and reporting take seconds, so
//! while stderr is a terminal a line there says which step the run is in and how long it has
//! taken, redrawn in place. It appears only once a run has taken half a second (a small base
//! shows nothing), and is cleared before anything else is written to stderr, and before results
//! are written to stdout unless they go to a file: a pipe (`| head`, `| less`) may well lead to
//! the same terminal. Piped or redirected, stderr gets nothing.

use claimtrack::progress::{self, Status, Step};
use std::io::{IsTerminal, Write};
use std::sync::{Arc, Condvar, Mutex, PoisonError, TryLockError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long a run goes before the line appears.
const DELAY: Duration = Duration::from_millis(500);
/// How often the line is redrawn.
const EVERY: Duration = Duration::from_millis(100);

/// The line of this run, while it is shown.
static LINE: Mutex<Option<Line>> = Mutex::new(None);

/// Show the progress line on stderr, unless `quiet`, stderr is not a terminal or the terminal
/// cannot redraw a line (`TERM=dumb`).
pub fn show(quiet: bool) {
    let dumb = std::env::var_os("TERM").is_some_and(|term| term == "dumb");
    if shown(quiet, std::io::stderr().is_terminal(), dumb) {
        let line = Line::start(std::io::stderr(), DELAY, EVERY, |elapsed| {
            text(progress::status(), elapsed)
        });
        *LINE.lock().unwrap_or_else(PoisonError::into_inner) = Some(line);
        end_on_panic();
    }
}

/// A panic's message is printed once the line is cleared, rather than drawn over by it.
fn end_on_panic() {
    let print = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // The panic may have struck while this thread held the line: then it is left as it is.
        let line = match LINE.try_lock() {
            Ok(mut line) => line.take(),
            Err(TryLockError::Poisoned(line)) => line.into_inner().take(),
            Err(TryLockError::WouldBlock) => None,
        };
        if let Some(line) = line {
            line.stop();
        }
        print(info);
    }));
}

/// Whether the line is shown: on a terminal that redraws lines, unless the user asked for quiet.
fn shown(quiet: bool, stderr_is_terminal: bool, dumb_terminal: bool) -> bool {
    !quiet && stderr_is_terminal && !dumb_terminal
}

/// Clear the line and show it no more: something else is written to the terminal next.
pub fn end() {
    let line = LINE.lock().unwrap_or_else(PoisonError::into_inner).take();
    if let Some(line) = line {
        line.stop();
    }
}

/// Results are written to stdout next: into a file (or `/dev/null`) the line goes on, saying that
/// they are being written; anywhere else it ends first.
pub fn output_begins() {
    if stdout_is_a_file() {
        progress::enter(Step::Writing);
    } else {
        end();
    }
}

/// Whether stdout is a file, or a device other than a terminal: nothing written there shows on
/// the terminal.
fn stdout_is_a_file() -> bool {
    let stdout = std::io::stdout();
    if stdout.is_terminal() {
        return false;
    }
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::FileTypeExt;
        let kind = (stdout.as_fd().try_clone_to_owned().ok())
            .and_then(|descriptor| std::fs::File::from(descriptor).metadata().ok())
            .map(|metadata| metadata.file_type());
        kind.is_some_and(|kind| kind.is_file() || kind.is_char_device())
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// What the line says: the step, the files done while it goes through them, and the time so far.
fn text(status: Status, elapsed: Duration) -> String {
    let counted = match status.files {
        files if files > 0 && status.step.counts_files() => {
            format!(" {} of {files}", status.files_done)
        }
        _ => String::new(),
    };
    let doing = status.step.doing();
    format!(
        "claimtrack: {doing}{counted} ({:.1} s)",
        elapsed.as_secs_f64()
    )
}

/// A line redrawn by a thread of its own until stopped.
struct Line {
    stopped: Arc<(Mutex<bool>, Condvar)>,
    thread: JoinHandle<()>,
}

impl Line {
    /// Draw `say(time so far)` on `out` after `delay`, and again every `every`.
    fn start(
        mut out: impl Write + Send + 'static,
        delay: Duration,
        every: Duration,
        say: impl Fn(Duration) -> String + Send + 'static,
    ) -> Line {
        let stopped = Arc::new((Mutex::new(false), Condvar::new()));
        let started = Instant::now();
        let thread = std::thread::spawn({
            let stopped = Arc::clone(&stopped);
            move || {
                let (lock, signal) = &*stopped;
                let mut is_stopped = lock.lock().unwrap_or_else(PoisonError::into_inner);
                let mut wait = delay;
                let mut drawn = false;
                loop {
                    (is_stopped, _) = signal
                        .wait_timeout_while(is_stopped, wait, |stopped| !*stopped)
                        .unwrap_or_else(PoisonError::into_inner);
                    if *is_stopped {
                        break;
                    }
                    // A terminal that went away is no reason to stop the run.
                    let _ = write!(out, "\r\x1b[2K{}", say(started.elapsed()));
                    let _ = out.flush();
                    drawn = true;
                    wait = every;
                }
                if drawn {
                    let _ = write!(out, "\r\x1b[2K");
                    let _ = out.flush();
                }
            }
        });
        Line { stopped, thread }
    }

    /// Stop drawing and clear the line; returns once it is cleared.
    fn stop(self) {
        let (lock, signal) = &*self.stopped;
        *lock.lock().unwrap_or_else(PoisonError::into_inner) = true;
        signal.notify_all();
        // The thread only writes to stderr; its panicking would leave nothing to clean up.
        let _ = self.thread.join();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer the test reads back.
    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Shared {
        fn text(&self) -> String {
            String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
        }
    }

    #[test]
    fn the_line_is_redrawn_in_place_and_cleared_when_stopped() {
        let out = Shared::default();
        let line = Line::start(
            out.clone(),
            Duration::ZERO,
            Duration::from_millis(5),
            |_| "claimtrack: checking claims".to_string(),
        );
        // Wait for two draws, then stop.
        let drawn = |out: &Shared| out.text().matches("checking claims").count();
        let deadline = Instant::now() + Duration::from_secs(10);
        while drawn(&out) < 2 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
        line.stop();
        let written = out.text();
        assert!(drawn(&out) >= 2, "{written:?}");
        assert!(
            written.starts_with("\r\x1b[2Kclaimtrack: checking claims"),
            "{written:?}"
        );
        assert!(written.ends_with("claims\r\x1b[2K"), "{written:?}");
        assert!(!written.contains('\n'), "{written:?}");
    }

    #[test]
    fn a_panic_clears_the_line_before_its_message() {
        let out = Shared::default();
        let line = Line::start(out.clone(), Duration::ZERO, EVERY, |_| {
            "claimtrack: checking claims".to_string()
        });
        let deadline = Instant::now() + Duration::from_secs(10);
        while out.text().is_empty() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
        *LINE.lock().unwrap() = Some(line);
        end_on_panic();
        let panicked = std::panic::catch_unwind(|| panic!("a bug"));
        // The other tests of this process panic with the default hook again.
        let _ = std::panic::take_hook();
        assert!(panicked.is_err());
        assert!(LINE.lock().unwrap().is_none());
        let written = out.text();
        assert!(written.ends_with("claims\r\x1b[2K"), "{written:?}");
    }

    #[test]
    fn a_run_shorter_than_the_delay_draws_nothing() {
        let out = Shared::default();
        let line = Line::start(out.clone(), Duration::from_secs(60), EVERY, |_| {
            "claimtrack: reading record files".to_string()
        });
        line.stop();
        assert_eq!(out.text(), "");
    }

    #[test]
    fn the_line_is_shown_only_on_a_terminal_that_redraws_and_unless_quiet() {
        assert!(shown(false, true, false));
        assert!(!shown(true, true, false));
        assert!(!shown(false, false, false));
        assert!(!shown(false, true, true));
    }

    #[test]
    fn the_line_counts_files_while_reading_and_gives_the_time_so_far() {
        let status = |step, files_done, files| Status {
            step,
            files_done,
            files,
        };
        let second = Duration::from_millis(1240);
        assert_eq!(
            text(status(Step::Reading, 120, 5500), second),
            "claimtrack: reading record files 120 of 5500 (1.2 s)"
        );
        assert_eq!(
            text(status(Step::Reading, 0, 0), second),
            "claimtrack: reading record files (1.2 s)"
        );
        assert_eq!(
            text(status(Step::Checking, 5500, 5500), Duration::from_secs(3)),
            "claimtrack: checking claims (3.0 s)"
        );
        assert_eq!(
            text(status(Step::Formatting, 7, 5500), Duration::from_secs(3)),
            "claimtrack: formatting record files 7 of 5500 (3.0 s)"
        );
    }
}
