//! Tools that write record files for curators (`fmt` restyles them, `add` adds a record): they
//! produce the text a curator would write by hand, in the project's one style, never change what
//! a record already there says, and replace a file only whole.

pub mod add;
pub mod fmt;

use std::path::{Path, PathBuf};

/// Replace the file at `path` (or the file a symlink there points to) with `text`, keeping its
/// permissions.
pub(crate) fn replace(path: &Path, text: &str) -> std::io::Result<()> {
    let target = std::fs::canonicalize(path)?;
    let permissions = std::fs::metadata(&target)?.permissions();
    let mut temporary = target.clone().into_os_string();
    temporary.push(".fmt-tmp");
    let temporary = PathBuf::from(temporary);
    let written = std::fs::write(&temporary, text)
        .and_then(|()| std::fs::set_permissions(&temporary, permissions))
        .and_then(|()| std::fs::rename(&temporary, &target));
    if written.is_err() {
        // Best effort: the original file is untouched either way.
        let _ = std::fs::remove_file(&temporary);
    }
    written
}
