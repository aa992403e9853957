//! The archive: a folder of plain-text copies of the sources, each found by its sha256. The folder
//! is read as the claim base is (regular files only, within the size limit, no link leading out of
//! it), [`matcher`] finds a quote in a copy, and [`paragraphs`] numbers its paragraphs.

pub mod matcher;
pub mod paragraphs;

use crate::finding::{Code, Finding};
use crate::input::files::{Files, Location, SourceFile};
use crate::input::loader::confined::Confined;
use crate::model::Source;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("the archive folder `{0}` does not exist")]
    Missing(PathBuf),
    #[error("the archive folder `{0}` is not a directory")]
    NotADirectory(PathBuf),
    #[error("cannot read the archive folder `{path}`")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// An archived file: where it is and what its bytes hash to.
pub(crate) struct ArchivedFile {
    pub display: String,
    pub name: String,
    pub sha256: String,
    pub bytes: Vec<u8>,
}

/// Every regular file directly in `dir`, hashed. A file that cannot be read, or a link leading out
/// of `dir`, is an error finding; sub-folders and special files cannot be copies and are passed over.
pub(crate) fn read_archive(
    dir: &Path,
    max_file_size: u64,
    files: &mut Files,
    findings: &mut Vec<Finding>,
) -> Result<Vec<ArchivedFile>, ArchiveError> {
    match std::fs::metadata(dir) {
        Err(_) => return Err(ArchiveError::Missing(dir.to_path_buf())),
        Ok(metadata) if !metadata.is_dir() => {
            return Err(ArchiveError::NotADirectory(dir.to_path_buf()));
        }
        Ok(_) => {}
    }
    let read_error = |source| ArchiveError::Read {
        path: dir.to_path_buf(),
        source,
    };
    let folder = Confined::new(dir, "the archive folder", max_file_size).map_err(read_error)?;
    let mut names = std::fs::read_dir(folder.root())
        .and_then(|entries| {
            entries
                .map(|entry| entry.map(|entry| entry.file_name()))
                .collect::<Result<Vec<_>, _>>()
        })
        .map_err(read_error)?;
    names.sort();
    let mut archived = Vec::new();
    for name in names {
        let display = dir.join(&name).display().to_string();
        let read = folder.resolve(&folder.root().join(&name)).and_then(|path| {
            if path.is_file() {
                folder.read_resolved(&path).map(Some)
            } else {
                Ok(None)
            }
        });
        let bytes = match read {
            Ok(Some(bytes)) => bytes,
            Ok(None) => continue,
            Err(refusal) => {
                let file = files.add(SourceFile::external(display.clone(), String::new()));
                findings.push(
                    Finding::new(
                        Code::UnreadableFile,
                        Location::new(file, 0..0),
                        format!("`{display}` {refusal}"),
                    )
                    .help(refusal.help()),
                );
                continue;
            }
        };
        archived.push(ArchivedFile {
            display,
            name: name.to_string_lossy().into_owned(),
            sha256: format!("{:x}", Sha256::digest(&bytes)),
            bytes,
        });
    }
    Ok(archived)
}

/// The archived files looked up by hash, and by name to tell a changed copy from a missing one.
pub(crate) struct Copies<'a> {
    by_hash: HashMap<&'a str, &'a ArchivedFile>,
    by_name: HashMap<&'a str, &'a ArchivedFile>,
}

/// Why a source has no archived copy to read.
pub(crate) enum MissingCopy<'a> {
    /// The source records no sha256.
    NoHash,
    /// The file the source names is archived, with another sha256.
    Changed(&'a ArchivedFile),
    /// No archived file has the source's sha256.
    NotArchived,
}

impl<'a> Copies<'a> {
    pub(crate) fn new(archived: &'a [ArchivedFile]) -> Self {
        Copies {
            by_hash: archived.iter().map(|f| (f.sha256.as_str(), f)).collect(),
            by_name: archived.iter().map(|f| (f.name.as_str(), f)).collect(),
        }
    }

    /// The archived copy of `source`: the file with its sha256.
    pub(crate) fn of(&self, source: &Source) -> Result<&'a ArchivedFile, MissingCopy<'a>> {
        let hash = source.sha256.as_ref().ok_or(MissingCopy::NoHash)?;
        if let Some(file) = self.by_hash.get(hash.get_ref().as_str()) {
            return Ok(file);
        }
        let named = source.archive_file.as_deref();
        match named.and_then(|name| self.by_name.get(name)) {
            Some(file) => Err(MissingCopy::Changed(file)),
            None => Err(MissingCopy::NotArchived),
        }
    }
}

impl ArchivedFile {
    /// The copy's text; bytes that are not UTF-8 become U+FFFD, which no quote matches.
    pub(crate) fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error;

    #[test]
    fn a_read_error_keeps_the_os_reason_as_its_source() {
        let reason = || std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let error = ArchiveError::Read {
            path: "archive".into(),
            source: reason(),
        };
        let source = error.source().expect("an I/O error has a source");
        assert_eq!(source.to_string(), reason().to_string());
    }
}
