//! Hostile claim bases: special files, links leading out of the base or into loops, look-alike file
//! names, broken settings and archives. Special files are made in temporary directories at test
//! time, as they cannot be committed.
#![cfg(unix)]

mod archive;
mod config;
mod links;
mod messages;
mod names;
mod special_files;

use crate::support::{Found, Run, findings_of, fixture, temp_copy};
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// Long enough for any slow machine: only a run that hangs reaches it.
const HANG: Duration = Duration::from_secs(60);

/// A clean claim base (one claim, one source) in a temporary directory.
pub fn clean_base() -> TempDir {
    temp_copy(&fixture("value-not-in-quote-passing"))
}

/// Run `claimtrack ARGS` in `dir` with extra environment variables, failing the test if it has not
/// ended after [`HANG`], so a read that blocks fails instead of stalling the suite.
pub fn run_bounded(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimtrack"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the claimtrack binary runs");
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            pipe.read_to_end(&mut bytes).map(|_| bytes)
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > HANG {
            child.kill().unwrap();
            panic!("claimtrack {args:?} did not end within {HANG:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let text = |handle: std::thread::JoinHandle<std::io::Result<Vec<u8>>>| {
        String::from_utf8(handle.join().unwrap().unwrap()).expect("output is UTF-8")
    };
    Run {
        code: status.code().expect("claimtrack exits with a code"),
        stdout: text(stdout),
        stderr: text(stderr),
    }
}

/// `check --format json ARGS` in `dir`, bounded: the exit code and the findings.
pub fn check(dir: &Path, extra: &[&str]) -> (i32, Vec<Found>) {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(extra);
    let run = run_bounded(dir, &args, &[]);
    (run.code, findings_of(&run.json()))
}

pub fn symlink(target: impl AsRef<Path>, link: impl AsRef<Path>) {
    std::os::unix::fs::symlink(target, link).unwrap();
}
