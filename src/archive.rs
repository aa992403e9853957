//! Quote checks against an archive: a folder of plain-text copies of the sources, each found by its
//! sha256. Every quote of a source's claims must appear in its archived text.

use crate::finding::{Code, Finding};
use crate::input::files::{Files, Location, SourceFile};
use crate::model::ClaimBase;
use crate::quote::{Archive, QuoteMatch};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("the archive folder `{0}` does not exist")]
    Missing(PathBuf),
    #[error("cannot read the archive folder `{path}`")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// An archived file: where it is and what its bytes hash to.
struct ArchivedFile {
    display: String,
    name: String,
    sha256: String,
    bytes: Vec<u8>,
}

/// Check every quote against the archive in `dir`. Archived texts that findings point into join
/// `files`, so diagnostics can show the closest passage in place.
pub fn check_quotes(
    base: &ClaimBase,
    files: &mut Files,
    dir: &Path,
) -> Result<Vec<Finding>, ArchiveError> {
    let archived = read_archive(dir)?;
    let by_hash: HashMap<&str, &ArchivedFile> =
        archived.iter().map(|f| (f.sha256.as_str(), f)).collect();
    let by_name: HashMap<&str, &ArchivedFile> =
        archived.iter().map(|f| (f.name.as_str(), f)).collect();
    let mut claims_by_source: Vec<Vec<usize>> = vec![Vec::new(); base.sources.len()];
    for (c, claim) in base.claims.iter().enumerate() {
        if let (Some(source), Some(_)) = (claim.source, &claim.quote) {
            claims_by_source[source].push(c);
        }
    }
    let mut findings = Vec::new();
    for (s, source) in base.sources.iter().enumerate() {
        let Some(hash) = &source.sha256 else {
            findings.push(
                Finding::new(
                    Code::ArchiveMissingSource,
                    source.location.clone(),
                    format!(
                        "source `{}` has no sha256, so its quotes cannot be checked",
                        source.id
                    ),
                )
                .help("add `sha256 = \"...\"`, the hash of the archived text (`sha256sum FILE`)"),
            );
            continue;
        };
        let hash_location = Location::new(source.location.file, hash.span());
        let Some(file) = by_hash.get(hash.get_ref().as_str()) else {
            let named = source
                .archive_file
                .as_deref()
                .and_then(|name| by_name.get(name));
            let finding = match named {
                Some(file) => Finding::new(
                    Code::ArchiveHashMismatch,
                    hash_location,
                    format!(
                        "the archived copy `{}` of source `{}` has sha256 {}, not the one recorded",
                        file.display, source.id, file.sha256
                    ),
                )
                .label("recorded hash")
                .help("restore the original text, or after review record the new hash"),
                None => Finding::new(
                    Code::ArchiveMissingSource,
                    hash_location,
                    format!("the archive holds no copy of source `{}`", source.id),
                )
                .label("no archived file has this hash")
                .help(format!("add the source's text to {}", dir.display())),
            };
            findings.push(finding);
            continue;
        };
        let text = String::from_utf8_lossy(&file.bytes).into_owned();
        let archive = Archive::new(&text);
        let mut archive_file = None;
        for &c in &claims_by_source[s] {
            let claim = &base.claims[c];
            let Some(quote) = &claim.quote else { continue };
            let location = Location::new(claim.file(), quote.span());
            let finding = match archive.find(quote.get_ref()) {
                QuoteMatch::Found(_) => continue,
                QuoteMatch::Empty => Finding::new(
                    Code::QuoteNotFound,
                    location,
                    format!("the quote of claim `{}` has no words to look for", claim.id),
                )
                .help("copy the source's words into `quote`"),
                QuoteMatch::NotFound { closest } => {
                    let finding = Finding::new(
                        Code::QuoteNotFound,
                        location,
                        format!(
                            "the quote of claim `{}` is not in the archived text of `{}`",
                            claim.id, source.id
                        ),
                    )
                    .label("not found in the archive");
                    match closest {
                        Some(passage) => {
                            let id = *archive_file.get_or_insert_with(|| {
                                files.add(SourceFile::external(file.display.clone(), text.clone()))
                            });
                            finding
                                .related(
                                    Location::new(id, passage.span),
                                    format!(
                                        "closest passage ({:.0}% alike)",
                                        passage.similarity * 100.0
                                    ),
                                )
                                .help(format!(
                                    "copy the source's exact words; the closest passage is: \"{}\"",
                                    passage.text
                                ))
                        }
                        None => finding.help("copy the source's exact words into `quote`"),
                    }
                }
            };
            findings.push(finding.claims([claim.id.as_str()]));
        }
    }
    Ok(findings)
}

fn read_archive(dir: &Path) -> Result<Vec<ArchivedFile>, ArchiveError> {
    if !dir.is_dir() {
        return Err(ArchiveError::Missing(dir.to_path_buf()));
    }
    let read_error = |source| ArchiveError::Read {
        path: dir.to_path_buf(),
        source,
    };
    let mut archived = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read_error)? {
        let path = entry.map_err(read_error)?.path();
        if !path.is_file() {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|source| ArchiveError::Read {
            path: path.clone(),
            source,
        })?;
        archived.push(ArchivedFile {
            display: path.display().to_string(),
            name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            sha256: format!("{:x}", Sha256::digest(&bytes)),
            bytes,
        });
    }
    archived.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(archived)
}
