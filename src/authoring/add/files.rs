//! Where a new record goes: the record file holding its source's claims (or most figures), a
//! file below `claims/` given instead, and writing it without ever leaving half a file.

use super::{AddError, Addition, Target, refuse};
use crate::Checked;
use std::path::Path;

/// The record file a claim on `source` goes into by default: the file holding most of the
/// source's claims, else `claims/<source>.toml`.
pub fn claim_file(checked: &Checked, source: &str) -> String {
    let base = &checked.base;
    let files = base
        .claims
        .iter()
        .filter(|claim| claim.source().is_some_and(|s| base.sources[s].id == source))
        .map(|claim| base.files.path(claim.file()));
    most_common(files).unwrap_or_else(|| {
        let name: String = source
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        format!("claims/{name}.toml")
    })
}

/// The record file a figure goes into by default: the one declaring most figures, else
/// `claims/figures.toml`.
pub fn figure_file(checked: &Checked) -> String {
    let base = &checked.base;
    let files = base
        .figures
        .iter()
        .map(|f| base.files.path(f.location.file));
    most_common(files).unwrap_or_else(|| "claims/figures.toml".to_string())
}

/// The path met most often; the first in path order among equals.
fn most_common<'a>(paths: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut counts = std::collections::BTreeMap::<&str, usize>::new();
    for path in paths {
        *counts.entry(path).or_default() += 1;
    }
    let most = counts.values().copied().max()?;
    counts
        .into_iter()
        .find(|(_, count)| *count == most)
        .map(|(path, _)| path.to_string())
}

/// Write the record file: replaced through a temporary file beside it, or created with its folder.
pub fn write(root: &Path, addition: &Addition) -> std::io::Result<()> {
    let path = root.join(&addition.path);
    if path.exists() {
        return crate::authoring::replace(&path, &addition.text);
    }
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder)?;
    }
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .and_then(|mut file| std::io::Write::write_all(&mut file, addition.text.as_bytes()))
}

/// A record file is a `.toml` file below `claims/`, reached without leaving it.
pub(super) fn check_target(target: &Target) -> Result<(), AddError> {
    let path = Path::new(&target.path);
    let inside = path.starts_with("claims")
        && path.components().count() > 1
        && path
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
    let toml = target.path.to_lowercase().ends_with(".toml");
    if inside && toml {
        return Ok(());
    }
    Err(refuse(
        format!("`{}` is not a record file below `claims/`", target.path),
        "claims and figures live in `.toml` files below `claims/` of the claim base",
    ))
}
