//! Exports: the report model ([`crate::view::report::Report`]) written in the formats other tools
//! read (SQLite, CSV, JSON-LD, Graphviz DOT), one module per format, and the rules every export
//! keeps: ids must be unique, and a file is written only where the caller says, never over an
//! existing one unless told to. Exports format the model; they decide no verdict.

pub mod csv;
pub mod dot;
pub mod jsonld;
pub mod sqlite;
pub mod tables;

use crate::view::report::Report;
use foldhash::HashSet;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Component, Path, PathBuf};

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(
        "the claim base uses {} more than once ({}); every export keys records by id, so fix them first (`claimtrack check` shows where)",
        if .0.len() == 1 { "an id" } else { "ids" },
        listed(.0)
    )]
    DuplicateIds(Vec<String>),
    #[error("{} already exists; choose another path, or pass --force to replace it", .0.display())]
    Exists(PathBuf),
    #[error(
        "{} is inside the claim base's record folders, where the export would be read as records; choose a path outside `claims/` and `sources/`",
        .0.display()
    )]
    IntoRecords(PathBuf),
    #[error("cannot write {}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write the SQLite database {}", path.display())]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("cannot write {}", path.display())]
    Csv { path: PathBuf, source: ::csv::Error },
    #[error(transparent)]
    Inconsistent(#[from] tables::Dangling),
}

/// "`a`, `b`, 3 more": the first few ids, so a base full of them still gets a short message.
fn listed(ids: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut text: Vec<String> = ids.iter().take(SHOWN).map(|id| format!("`{id}`")).collect();
    if ids.len() > SHOWN {
        text.push(format!("{} more", ids.len() - SHOWN));
    }
    text.join(", ")
}

/// Whether an export may replace files that already exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    Refuse,
    Replace,
}

/// Refuse a report whose records share an id: every export keys figures, claims, sources and
/// speakers by id (SQL keys, linked-data IRIs, graph nodes), and the model also names bases by id
/// alone, so a shared id would silently merge two records.
pub fn check_ids(report: &Report) -> Result<(), ExportError> {
    let ids = report
        .figures
        .iter()
        .map(|f| f.id)
        .chain(report.claims.iter().map(|c| c.id))
        .chain(report.sources.iter().map(|s| s.id.as_str()))
        .chain(report.speakers.iter().map(|s| s.id.as_str()));
    let mut seen = HashSet::default();
    let mut shared: Vec<String> = ids
        .filter(|id| !seen.insert(*id))
        .map(str::to_string)
        .collect();
    shared.sort_unstable();
    shared.dedup();
    if shared.is_empty() {
        Ok(())
    } else {
        Err(ExportError::DuplicateIds(shared))
    }
}

/// Refuse an output path inside the `claims/` or `sources/` folder of the claim base at `root`:
/// an export written there would change the claim base it was read from. `out` need not exist
/// yet: its nearest existing folder is resolved (links included) and the rest read as written.
pub fn check_out(root: &Path, out: &Path) -> Result<(), ExportError> {
    let Some(out_path) = resolved(out) else {
        return Ok(());
    };
    let inside = ["claims", "sources"].iter().any(|folder| {
        resolved(&root.join(folder)).is_some_and(|records| out_path.starts_with(records))
    });
    if inside {
        Err(ExportError::IntoRecords(out.to_path_buf()))
    } else {
        Ok(())
    }
}

/// `path` made absolute: its nearest existing ancestor canonicalised, the part below it with `..`
/// taken away lexically (nothing there exists, so no link can redirect it).
fn resolved(path: &Path) -> Option<PathBuf> {
    let (existing, rest) = path.ancestors().find_map(|ancestor| {
        let probe = if ancestor.as_os_str().is_empty() {
            Path::new(".")
        } else {
            ancestor
        };
        let rest = path.strip_prefix(ancestor).ok()?;
        probe.exists().then_some((probe, rest))
    })?;
    let mut resolved = existing.canonicalize().ok()?;
    for component in rest.components() {
        match component {
            Component::ParentDir => {
                resolved.pop();
            }
            Component::Normal(name) => resolved.push(name),
            _ => {}
        }
    }
    Some(resolved)
}

/// Write `text` to `path`: a new file, or with [`Overwrite::Replace`] also over an existing one.
pub fn write_file(path: &Path, text: &str, overwrite: Overwrite) -> Result<(), ExportError> {
    let mut file = create(path, overwrite)?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.flush())
        .map_err(|source| io_error(path, source))
}

/// Create `path` for writing. Without permission to replace, the file must not exist: the check
/// and the creation are one step, so nothing written in between is lost.
fn create(path: &Path, overwrite: Overwrite) -> Result<File, ExportError> {
    let mut options = OpenOptions::new();
    options.write(true);
    match overwrite {
        Overwrite::Refuse => options.create_new(true),
        Overwrite::Replace => options.create(true).truncate(true),
    };
    options.open(path).map_err(|source| {
        if source.kind() == std::io::ErrorKind::AlreadyExists {
            ExportError::Exists(path.to_path_buf())
        } else {
            io_error(path, source)
        }
    })
}

fn io_error(path: &Path, source: std::io::Error) -> ExportError {
    ExportError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// What a claim's basis names. The model names bases by id alone; ids are unique across records
/// ([`check_ids`] refuses a report otherwise) and first-hand names are reserved, so the id says
/// which.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Basis {
    Source,
    Claim,
    /// A witness, the speaker's own count or research, official records: no record.
    FirstHand,
}

/// The ids of a report's sources and claims, to tell what each basis names.
struct BasisKinds<'a> {
    sources: HashSet<&'a str>,
    claims: HashSet<&'a str>,
}

impl<'a> BasisKinds<'a> {
    fn of(report: &'a Report) -> BasisKinds<'a> {
        BasisKinds {
            sources: report.sources.iter().map(|s| s.id.as_str()).collect(),
            claims: report.claims.iter().map(|c| c.id).collect(),
        }
    }

    fn kind(&self, basis: &str) -> Basis {
        if self.sources.contains(basis) {
            Basis::Source
        } else if self.claims.contains(basis) {
            Basis::Claim
        } else {
            Basis::FirstHand
        }
    }
}

/// The kind-prefixed name of a record, shared by the formats that name records in one
/// namespace (a graph's nodes, linked-data IRIs): `claim:doc000/killed`.
fn node_name(kind: &str, id: &str) -> String {
    format!("{kind}:{id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_list_of_shared_ids_is_cut_short() {
        let ids: Vec<String> = (1..=7).map(|i| format!("c{i}")).collect();
        assert_eq!(listed(&ids), "`c1`, `c2`, `c3`, `c4`, `c5`, 2 more");
        assert_eq!(listed(&ids[..1]), "`c1`");
    }
}
