//! Reading files without leaving a folder: only regular files are read, none larger than a limit,
//! and a symbolic link is followed only when its target lies inside the folder. The claim base, its
//! `claimtrack.toml` and the quote archive are all read through here, so a committed link cannot
//! make claimtrack hang on a device, block on a FIFO or show a file from elsewhere.

use crate::input::files::MAX_TEXT_LEN;
use std::fmt;
use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// The size limit of a file when `[input] max-file-size` does not set one: 64 MiB.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// A folder that reads are confined to.
#[derive(Debug, Clone)]
pub struct Confined {
    /// The folder with every symbolic link resolved: resolved targets must lie below it.
    root: PathBuf,
    /// How messages name the folder: "the claim base", "the archive folder".
    name: &'static str,
    max_file_size: u64,
}

/// Why a path was not read; shown after the path ("`claims/x.toml` is a FIFO, …").
#[derive(Debug)]
pub enum Refusal {
    /// A symbolic link whose target lies outside the folder.
    LeavesFolder {
        link: PathBuf,
        resolved: PathBuf,
        folder: &'static str,
    },
    /// A symbolic link to a folder that holds the link itself.
    Loop {
        link: PathBuf,
    },
    /// A symbolic link to nothing.
    Dangling {
        link: PathBuf,
    },
    /// A symbolic link that cannot be resolved, such as a chain of links that comes back to itself.
    Unresolvable {
        error: io::Error,
    },
    /// A directory, FIFO, socket or device, with the words that say which.
    NotRegular {
        kind: &'static str,
    },
    TooLarge {
        limit: u64,
    },
    Io {
        error: io::Error,
    },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::LeavesFolder {
                link,
                resolved,
                folder,
            } => {
                write!(f, "is a symbolic link to `{}`", link.display())?;
                if link != resolved {
                    write!(f, ", which leads to `{}`", resolved.display())?;
                }
                write!(f, ", outside {folder}: it is not followed")
            }
            Refusal::Loop { link } => write!(
                f,
                "is a symbolic link to `{}`, a folder that holds the link itself: following it would \
                 loop",
                link.display()
            ),
            Refusal::Dangling { link } => write!(
                f,
                "is a symbolic link to `{}`, which does not exist",
                link.display()
            ),
            Refusal::Unresolvable { error } => {
                write!(f, "is a symbolic link that cannot be followed: {error}")
            }
            Refusal::NotRegular { kind } => write!(f, "is {kind}"),
            Refusal::TooLarge { limit } => write!(
                f,
                "is larger than the limit of {limit} bytes (`[input] max-file-size` in claimtrack.toml)"
            ),
            Refusal::Io { error } => write!(f, "cannot be read: {error}"),
        }
    }
}

impl Refusal {
    /// How to fix the path, for a finding's help line.
    pub fn help(&self) -> &'static str {
        match self {
            Refusal::LeavesFolder { .. } | Refusal::Dangling { .. } => {
                "replace the link with the file itself, or point it at a file inside the folder"
            }
            Refusal::Loop { .. } | Refusal::Unresolvable { .. } => {
                "remove the link, or point it at a folder that does not hold it"
            }
            Refusal::NotRegular { .. } => {
                "make it a regular file, or rename it so it does not end in `.toml`"
            }
            Refusal::TooLarge { .. } => {
                "split the file, or raise `[input] max-file-size` in claimtrack.toml"
            }
            Refusal::Io { .. } => "make the file readable",
        }
    }
}

impl Confined {
    /// Confine reads to `folder`, which must exist; `name` says what it is in messages.
    pub fn new(folder: &Path, name: &'static str, max_file_size: u64) -> io::Result<Self> {
        Ok(Self {
            root: fs::canonicalize(folder)?,
            name,
            max_file_size,
        })
    }

    pub fn with_max_file_size(self, max_file_size: u64) -> Self {
        Self {
            max_file_size,
            ..self
        }
    }

    /// The folder with every symbolic link resolved.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where `path` leads: itself, or for a symbolic link its target, refused when that lies
    /// outside the folder. `path`'s parent must already be resolved (a folder below [`Self::root`]).
    pub fn resolve(&self, path: &Path) -> Result<PathBuf, Refusal> {
        let metadata = fs::symlink_metadata(path).map_err(|error| Refusal::Io { error })?;
        if !metadata.file_type().is_symlink() {
            return Ok(path.to_path_buf());
        }
        let link = fs::read_link(path).map_err(|error| Refusal::Io { error })?;
        match fs::canonicalize(path) {
            Ok(resolved) if resolved.starts_with(&self.root) => Ok(resolved),
            Ok(resolved) => Err(Refusal::LeavesFolder {
                link,
                resolved,
                folder: self.name,
            }),
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                Err(Refusal::Dangling { link })
            }
            Err(error) => Err(Refusal::Unresolvable { error }),
        }
    }

    /// The bytes of the file at `path`, following a symbolic link only inside the folder.
    pub fn read(&self, path: &Path) -> Result<Vec<u8>, Refusal> {
        self.read_resolved(&self.resolve(path)?)
    }

    /// The bytes of a file that [`Self::resolve`] returned: only a regular file is opened (so a FIFO
    /// cannot block), and no more than the limit is read (so a device cannot grow memory).
    pub fn read_resolved(&self, path: &Path) -> Result<Vec<u8>, Refusal> {
        let metadata = fs::metadata(path).map_err(|error| Refusal::Io { error })?;
        if !metadata.is_file() {
            return Err(Refusal::NotRegular {
                kind: kind_of(metadata.file_type()),
            });
        }
        let limit = self.max_file_size.min(MAX_TEXT_LEN);
        if metadata.len() > limit {
            return Err(Refusal::TooLarge { limit });
        }
        let file = File::open(path).map_err(|error| Refusal::Io { error })?;
        // Some files report no size (those below /proc): the read itself stops past the limit.
        let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
        file.take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|error| Refusal::Io { error })?;
        if bytes.len() as u64 > limit {
            return Err(Refusal::TooLarge { limit });
        }
        Ok(bytes)
    }
}

/// What a path that is not a regular file is, in the words a message uses after "is".
fn kind_of(file_type: fs::FileType) -> &'static str {
    if file_type.is_dir() {
        return "a directory, not a file";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO (named pipe), not a regular file";
        }
        if file_type.is_socket() {
            return "a socket, not a regular file";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device, not a regular file";
        }
    }
    "not a regular file"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_stop_at_the_limit() {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("a.toml");
        fs::write(&path, "0123456789").unwrap();
        let confined = Confined::new(dir.path(), "the claim base", 10).unwrap();
        assert_eq!(confined.read(&path).unwrap(), b"0123456789");
        let confined = confined.with_max_file_size(9);
        assert!(matches!(
            confined.read(&path),
            Err(Refusal::TooLarge { limit: 9 })
        ));
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_folder_are_refused_and_in_it_followed() {
        let outside = tempfile::TempDir::new().unwrap();
        let dir = tempfile::TempDir::new().unwrap();
        fs::write(outside.path().join("secret"), "x").unwrap();
        fs::write(dir.path().join("inside"), "y").unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret"), dir.path().join("out")).unwrap();
        std::os::unix::fs::symlink("inside", dir.path().join("in")).unwrap();
        let confined = Confined::new(dir.path(), "the claim base", 10).unwrap();
        let refusal = confined.read(&confined.root().join("out")).unwrap_err();
        assert!(
            refusal.to_string().contains("outside the claim base"),
            "{refusal}"
        );
        assert_eq!(confined.read(&confined.root().join("in")).unwrap(), b"y");
    }
}
