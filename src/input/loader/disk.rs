//! Opening a claim base on disk: checking the root the user gave, finding one from where they
//! stand, and reading its files (`claimtrack.toml` first, for the size limit) without leaving it,
//! every refused path becoming a finding.

use super::confined::{Confined, DEFAULT_MAX_FILE_SIZE};
use super::{FileInput, Folder, Loaded, parse_inputs_reusing, walk};
use crate::finding::{Code, Finding};
use crate::input::config;
use crate::input::files::{Location, SourceFile};
use rayon::iter::Either;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Failures that stop loading altogether: no claim base to read. Problems inside files are findings.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("the claim base root `{0}` does not exist")]
    RootMissing(PathBuf),
    #[error("the claim base root `{0}` is not a directory")]
    RootNotADirectory(PathBuf),
    #[error(
        "`{path}` is not a claim base: it has no {missing} folder\n\
         A claim base is a folder holding `claims/` (with [[figure]] and [[claim]] tables) and \
         `sources/` (with [[speaker]] and [[source]] tables) of *.toml files; see docs/format.md.\n\
         Run claimtrack inside one, or point at one with `--root DIR`."
    )]
    NotAClaimBase {
        path: PathBuf,
        /// The folders it lacks, as the message names them: "`claims/`", "`claims/` or `sources/`".
        missing: &'static str,
    },
    #[error("cannot list `{path}`")]
    ReadDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot resolve the claim base root `{path}`")]
    ResolveRoot {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// How messages name the folder the claim base's reads are confined to.
const CLAIM_BASE: &str = "the claim base";

/// Check that a root the user gave exists and is a directory, with an error saying which it is not.
pub fn check_root(root: &Path) -> Result<(), LoadError> {
    match std::fs::metadata(root) {
        Err(_) => Err(LoadError::RootMissing(root.to_path_buf())),
        Ok(metadata) if !metadata.is_dir() => Err(LoadError::RootNotADirectory(root.to_path_buf())),
        Ok(_) => Ok(()),
    }
}

/// The folders a claim base needs that `dir` lacks, as a message names them.
fn missing_folders(dir: &Path) -> Option<&'static str> {
    match (dir.join("claims").is_dir(), dir.join("sources").is_dir()) {
        (true, true) => None,
        (false, true) => Some("`claims/`"),
        (true, false) => Some("`sources/`"),
        (false, false) => Some("`claims/` or `sources/`"),
    }
}

/// The claim base root: `start` itself or its nearest ancestor holding both `claims/` and `sources/`.
pub fn find_root(start: &Path) -> Result<PathBuf, LoadError> {
    check_root(start)?;
    start
        .ancestors()
        .find(|dir| missing_folders(dir).is_none())
        .map(Path::to_path_buf)
        .ok_or_else(|| LoadError::NotAClaimBase {
            path: start.to_path_buf(),
            missing: missing_folders(start).unwrap_or("`claims/` or `sources/`"),
        })
}

/// The record files of the claim base at `root`, as `load` reads them (links inside the base
/// included, refused paths left out), each as `root` joined with its path in the base.
pub fn record_paths(root: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let confined = open_root(root)?;
    let walked = walk::walk(&confined, &[Folder::Sources.name(), Folder::Claims.name()]);
    Ok(walked
        .record_files
        .into_iter()
        .map(|(relative, _)| root.join(relative))
        .collect())
}

/// The root checked and confined: a folder holding `claims/` and `sources/`.
fn open_root(root: &Path) -> Result<Confined, LoadError> {
    check_root(root)?;
    if let Some(missing) = missing_folders(root) {
        return Err(LoadError::NotAClaimBase {
            path: root.to_path_buf(),
            missing,
        });
    }
    Confined::new(root, CLAIM_BASE, DEFAULT_MAX_FILE_SIZE).map_err(|source| {
        LoadError::ResolveRoot {
            path: root.to_path_buf(),
            source,
        }
    })
}

/// Read and parse every record file below `root` on disk. `claimtrack.toml` is read first, for
/// `[input] max-file-size`; a problem reading it is a finding, as its settings would otherwise
/// vanish without a word.
pub fn load(root: &Path) -> Result<Loaded, LoadError> {
    load_reusing(root, None)
}

/// [`load`], copying the parse of each file `earlier` read with the same path and bytes.
pub fn load_reusing(root: &Path, earlier: Option<&Loaded>) -> Result<Loaded, LoadError> {
    crate::progress::enter(crate::progress::Step::Reading);
    let confined = open_root(root)?;
    let config_text = config::read_text(&confined);
    let confined = confined.with_max_file_size(config::max_file_size(&config_text));
    let walked = walk::walk(&confined, &[Folder::Sources.name(), Folder::Claims.name()]);
    let (inputs, refused): (Vec<_>, Vec<_>) =
        walked
            .record_files
            .into_par_iter()
            .partition_map(|(path, real)| match confined.read_resolved(&real) {
                Ok(bytes) => Either::Left(FileInput {
                    path,
                    content: Ok(bytes),
                }),
                Err(refusal) => Either::Right((path, refusal)),
            });
    let mut loaded = parse_inputs_reusing(root, inputs, earlier);
    loaded.config_text = config_text.as_ref().ok().cloned().flatten();
    // Paths that were not read still get a file, in path order, so findings can point at them.
    let mut unread = Vec::new();
    if let Err(why) = config_text {
        let path = config::FILE_NAME.to_string();
        unread.push((path, Code::UnreadableFile, why, CONFIG_HELP));
    }
    for (path, refusal) in walked.refused.into_iter().chain(refused) {
        unread.push((
            path,
            Code::UnreadableFile,
            refusal.to_string(),
            refusal.help(),
        ));
    }
    for path in walked.look_alikes {
        let why = "is not read: only files whose names end in `.toml` are".to_string();
        unread.push((path, Code::IgnoredFile, why, LOOK_ALIKE_HELP));
    }
    unread.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, code, why, help) in unread {
        not_read(&mut loaded, path, code, &why, help);
    }
    Ok(loaded)
}

/// `loaded` with the text of `claimtrack.toml` read from elsewhere (a git revision), or with why
/// it could not be read as an error, as for one on disk.
pub fn with_config(mut loaded: Loaded, config_text: config::ConfigText) -> Loaded {
    match config_text {
        Ok(text) => loaded.config_text = text,
        Err(why) => {
            let path = config::FILE_NAME.to_string();
            not_read(&mut loaded, path, Code::UnreadableFile, &why, CONFIG_HELP);
        }
    }
    loaded
}

/// A file that was not read, given an empty text so that the finding saying why can point at it.
fn not_read(loaded: &mut Loaded, path: String, code: Code, why: &str, help: &'static str) {
    let message = format!("`{path}` {why}");
    let file = loaded.files.add(SourceFile::new(path, String::new()));
    let finding = Finding::new(code, Location::new(file, 0..0), message).help(help);
    loaded.findings.push(finding);
}

const CONFIG_HELP: &str = "make claimtrack.toml a readable UTF-8 file or remove it; until then \
                           its settings and severity overrides are not applied";
const LOOK_ALIKE_HELP: &str = "rename it to end in `.toml` if it holds records, or move it out of \
                               `claims/` and `sources/`";

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error;

    /// A caller walking `source()` prints the OS reason after the message.
    #[test]
    fn io_errors_keep_the_os_reason_as_their_source() {
        let reason = || std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        for error in [
            LoadError::ReadDir {
                path: "claims".into(),
                source: reason(),
            },
            LoadError::ResolveRoot {
                path: ".".into(),
                source: reason(),
            },
        ] {
            let source = error.source().expect("an I/O error has a source");
            assert_eq!(source.to_string(), reason().to_string());
            assert!(!error.to_string().contains(&reason().to_string()));
        }
    }
}
