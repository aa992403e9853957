//! Which entries of a `git ls-tree -r -z` listing are record files, decided as the loader decides on
//! disk: a `*.toml` name (in any letter case) below `claims/` or `sources/` is a record file, and a folder so named or a
//! link is reported rather than read.

use super::GitError;
use crate::input::loader::FileInput;
use crate::input::loader::walk::is_record_name;

/// One entry of `git ls-tree -r`: its mode, its object id, and its path from the claim base root.
pub(super) struct TreeEntry {
    pub mode: String,
    pub object: String,
    pub path: String,
}

impl TreeEntry {
    pub fn is_link(&self) -> bool {
        self.mode == "120000"
    }
}

/// A revision's listing sorted into what is to be read and what is to be reported.
pub(super) struct RecordFiles {
    /// Whether anything lies below `claims/`: a revision without it holds no claim base.
    pub has_claims: bool,
    /// Record files whose text is read from the object store.
    pub blobs: Vec<TreeEntry>,
    /// `claimtrack.toml`, when the revision has one.
    pub config: Option<TreeEntry>,
    /// Paths that look like record files but hold no file text, each with why.
    pub unreadable: Vec<FileInput>,
}

impl RecordFiles {
    pub fn from_listing(listing: &[u8]) -> Result<Self, GitError> {
        let mut files = Self {
            has_claims: false,
            blobs: Vec::new(),
            config: None,
            unreadable: Vec::new(),
        };
        for entry in parse_listing(listing)? {
            files.has_claims |= entry.path.starts_with("claims/");
            if entry.path == crate::input::config::FILE_NAME {
                files.config = Some(entry);
            } else {
                files.sort_record(entry);
            }
        }
        Ok(files)
    }

    fn sort_record(&mut self, entry: TreeEntry) {
        let parts: Vec<&str> = entry.path.split('/').collect();
        let is_toml = is_record_name;
        // The first part is `claims` or `sources`; the first `*.toml` part below it is the file.
        let Some(toml_part) = parts.iter().skip(1).position(|part| is_toml(part)) else {
            return;
        };
        let toml_part = toml_part + 1;
        let (path, why) = if toml_part + 1 < parts.len() {
            (parts[..=toml_part].join("/"), "is a directory, not a file")
        } else if entry.is_link() {
            (
                entry.path.clone(),
                "is a symbolic link, which cannot be followed inside a git revision",
            )
        } else if entry.mode.starts_with("100") {
            self.blobs.push(entry);
            return;
        } else {
            (entry.path.clone(), "is a submodule, not a file")
        };
        if !self.unreadable.iter().any(|input| input.path == path) {
            self.unreadable.push(FileInput {
                path,
                content: Err(why.to_string()),
            });
        }
    }
}

/// Parse `git ls-tree -r -z`: `<mode> <type> <object>\t<path>\0` per entry, paths unquoted.
pub(super) fn parse_listing(listing: &[u8]) -> Result<Vec<TreeEntry>, GitError> {
    let unexpected = |record: &[u8]| GitError::Unexpected {
        command: "git ls-tree -r -z".to_string(),
        line: String::from_utf8_lossy(record).into_owned(),
    };
    listing
        .split(|&byte| byte == 0)
        .filter(|record| !record.is_empty())
        .map(|record| {
            let tab = record
                .iter()
                .position(|&byte| byte == b'\t')
                .ok_or_else(|| unexpected(record))?;
            let meta = String::from_utf8_lossy(&record[..tab]);
            let mut fields = meta.split(' ');
            let (Some(mode), Some(_kind), Some(object), None) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                return Err(unexpected(record));
            };
            Ok(TreeEntry {
                mode: mode.to_string(),
                object: object.to_string(),
                path: String::from_utf8_lossy(&record[tab + 1..]).into_owned(),
            })
        })
        .collect()
}
