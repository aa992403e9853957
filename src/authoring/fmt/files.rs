//! Formatting record files on disk: the files that make up a claim base, and checking or rewriting
//! each of them. A file is written only when its text changes, and through a temporary file beside
//! it, so an interrupted run never leaves half a record file.

use super::{FormatError, Options, format};
use crate::authoring::replace;
use crate::input::loader::{self, LoadError};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Whether `fmt` only reports the files it would change or rewrites them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Check,
    Write,
}

/// What formatting one file came to.
#[derive(Debug)]
pub struct FileOutcome {
    pub path: PathBuf,
    /// `Ok(true)` when the file's text changes (is rewritten in [`Mode::Write`]).
    pub changed: Result<bool, FileError>,
}

/// Why a file was left as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}{}{problem}\n  help: {}", if problem.at.is_some() { ":" } else { ": " }, problem.help)]
pub struct FileError {
    /// The path as the user gave it.
    pub path: String,
    pub problem: FormatError,
}

/// Every record file of the claim base at `root`, as the user reaches it through `prefix` (the
/// `--root` given, `../` from a subfolder, or nothing), in path order.
pub fn base_files(root: &Path, prefix: &str) -> Result<Vec<PathBuf>, LoadError> {
    let mut paths: Vec<PathBuf> = loader::record_paths(root)?
        .into_iter()
        .map(|path| match path.strip_prefix(root) {
            Ok(relative) => Path::new(prefix).join(relative),
            Err(_) => path,
        })
        .collect();
    paths.sort();
    Ok(paths)
}

/// Format each file in `paths`; in [`Mode::Write`], rewrite those whose text changes. A file named
/// twice is formatted once.
pub fn format_files(paths: &[PathBuf], options: Options, mode: Mode) -> Vec<FileOutcome> {
    let mut seen = HashSet::new();
    let unique: Vec<&PathBuf> = paths
        .iter()
        .filter(|path| {
            seen.insert(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
        })
        .collect();
    crate::progress::enter(crate::progress::Step::Formatting);
    crate::progress::files_found(unique.len());
    unique
        .into_par_iter()
        .map(|path| {
            let outcome = FileOutcome {
                path: path.to_path_buf(),
                changed: format_file(path, options, mode).map_err(|problem| FileError {
                    path: path.display().to_string(),
                    problem,
                }),
            };
            crate::progress::file_done();
            outcome
        })
        .collect()
}

fn format_file(path: &Path, options: Options, mode: Mode) -> Result<bool, FormatError> {
    let io_error = |what: &str, error: std::io::Error, help: &str| FormatError {
        at: None,
        message: format!("cannot be {what}: {error}"),
        help: help.to_string(),
    };
    let bytes = std::fs::read(path)
        .map_err(|error| io_error("read", error, "give the path of a readable record file"))?;
    let text = String::from_utf8(bytes).map_err(|error| {
        let valid_up_to = error.utf8_error().valid_up_to();
        let valid = String::from_utf8_lossy(&error.as_bytes()[..valid_up_to]).into_owned();
        FormatError::at_offset(
            &valid,
            valid_up_to,
            "file is not valid UTF-8".to_string(),
            "re-save the file as UTF-8",
        )
    })?;
    let formatted = format(&text, options)?;
    if formatted == text {
        return Ok(false);
    }
    if mode == Mode::Write {
        replace(path, &formatted).map_err(|error| {
            io_error(
                "written",
                error,
                "check that the file and its folder are writable",
            )
        })?;
    }
    Ok(true)
}
