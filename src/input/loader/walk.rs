//! Finding the record files of a claim base on disk: every file whose name ends in `.toml` (in any
//! letter case) below `claims/` and `sources/`. Symbolic links are followed only inside the claim
//! base, and no folder or file is read twice, so a link loop is named instead of walked.

use super::confined::{Confined, Refusal};
use std::collections::{HashSet, VecDeque};
use std::fs::{self, FileType};
use std::path::{Path, PathBuf};

/// What walking `claims/` and `sources/` found.
#[derive(Debug, Default)]
pub struct Walk {
    /// Record files: the path relative to the root (with `/` separators) and where to read it.
    pub record_files: Vec<(String, PathBuf)>,
    /// Paths that were not walked or followed, and why.
    pub refused: Vec<(String, Refusal)>,
    /// Files whose names look like record files but do not end in `.toml`.
    pub look_alikes: Vec<String>,
}

/// Whether a file name is read as a record file: it ends in `.toml`, in any letter case.
pub fn is_record_name(name: &str) -> bool {
    name.len() > ".toml".len() && name.to_ascii_lowercase().ends_with(".toml")
}

/// Whether a file that is not read looks as if it was meant to be: `x.toml.txt`, `x.TOML~`, `x.tml`.
fn looks_like_record_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.contains("toml") || name.ends_with(".tml")
}

/// A symbolic link met while walking, followed once every real folder has been walked.
struct Link {
    relative: String,
    path: PathBuf,
    /// The resolved folder holding the link.
    parent: PathBuf,
}

struct Walker<'c> {
    confined: &'c Confined,
    walk: Walk,
    folders_read: HashSet<PathBuf>,
    files_read: HashSet<PathBuf>,
    links: VecDeque<Link>,
}

/// Walk `folders` (e.g. `sources`, `claims`) below the confined root. Real folders are walked first
/// and links after, so a file reached both ways is read once, under its own path.
pub fn walk(confined: &Confined, folders: &[&str]) -> Walk {
    let mut walker = Walker {
        confined,
        walk: Walk::default(),
        folders_read: HashSet::new(),
        files_read: HashSet::new(),
        links: VecDeque::new(),
    };
    let root = confined.root().to_path_buf();
    for folder in folders {
        let path = root.join(folder);
        match fs::symlink_metadata(&path) {
            Ok(metadata) => walker.entry(folder.to_string(), path, metadata.file_type(), &root),
            Err(error) => walker
                .walk
                .refused
                .push((folder.to_string(), Refusal::Io { error })),
        }
    }
    while let Some(link) = walker.links.pop_front() {
        walker.follow(link);
    }
    walker.walk
}

impl Walker<'_> {
    /// One entry of a resolved folder `parent`, of the type the listing gave (links not followed).
    fn entry(&mut self, relative: String, path: PathBuf, file_type: FileType, parent: &Path) {
        let name = file_name(&relative);
        if file_type.is_symlink() {
            self.links.push_back(Link {
                relative,
                path,
                parent: parent.to_path_buf(),
            });
        } else if file_type.is_dir() && !is_record_name(name) {
            self.folder(relative, path);
        } else {
            // A directory or FIFO named `x.toml` is refused when read, not walked into or skipped.
            self.file(relative, path);
        }
    }

    fn folder(&mut self, relative: String, path: PathBuf) {
        if !self.folders_read.insert(path.clone()) {
            return;
        }
        let listing = fs::read_dir(&path).and_then(|entries| {
            entries
                .map(|entry| entry.and_then(|entry| Ok((entry.file_name(), entry.file_type()?))))
                .collect::<Result<Vec<_>, _>>()
        });
        let mut entries = match listing {
            Ok(entries) => entries,
            Err(error) => return self.walk.refused.push((relative, Refusal::Io { error })),
        };
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        for (name, file_type) in entries {
            let entry_relative = format!("{relative}/{}", name.to_string_lossy());
            self.entry(entry_relative, path.join(&name), file_type, &path);
        }
    }

    fn file(&mut self, relative: String, path: PathBuf) {
        let name = file_name(&relative);
        if is_record_name(name) {
            if self.files_read.insert(path.clone()) {
                self.walk.record_files.push((relative, path));
            }
        } else if looks_like_record_name(name) {
            self.walk.look_alikes.push(relative);
        }
    }

    fn follow(&mut self, link: Link) {
        let target = match self.confined.resolve(&link.path) {
            Ok(target) => target,
            Err(refusal) => return self.walk.refused.push((link.relative, refusal)),
        };
        if !target.is_dir() || is_record_name(file_name(&link.relative)) {
            return self.file(link.relative, target);
        }
        if link.parent.starts_with(&target) {
            let shown = fs::read_link(&link.path).unwrap_or(target);
            self.walk
                .refused
                .push((link.relative, Refusal::Loop { link: shown }));
            return;
        }
        self.folder(link.relative, target);
    }
}

fn file_name(relative: &str) -> &str {
    relative.rsplit('/').next().unwrap_or(relative)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_names_end_in_toml_in_any_case() {
        for name in ["a.toml", "a.TOML", "b.Toml", ".hidden.toml"] {
            assert!(is_record_name(name), "{name}");
        }
        for name in [".toml", "a.toml.txt", "a.tml", "toml"] {
            assert!(!is_record_name(name), "{name}");
        }
    }

    #[test]
    fn look_alikes_hold_toml_or_end_in_tml() {
        for name in ["a.toml.txt", "a.TOML~", "a.tml", ".a.toml.swp", ".toml"] {
            assert!(looks_like_record_name(name), "{name}");
        }
        for name in ["README.md", "notes.txt", ".gitkeep"] {
            assert!(!looks_like_record_name(name), "{name}");
        }
    }
}
