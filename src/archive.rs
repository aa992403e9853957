//! Quote checks against an archive: a folder of plain-text copies of the sources, each found by its
//! sha256. Every quote of a source's claims must appear in its archived text. The folder is read
//! as the claim base is: regular files only, within the size limit, no link leading out of it.

use crate::finding::{Code, Finding};
use crate::input::files::{Files, Location, SourceFile};
use crate::input::loader::confined::Confined;
use crate::model::ClaimBase;
use crate::quote::{Archive, QuoteMatch};
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
    let mut findings = Vec::new();
    let max_file_size = base.config.input.max_file_size;
    let archived = read_archive(dir, max_file_size, files, &mut findings)?;
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
    let mut copies_found = 0;
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
        copies_found += 1;
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
    if copies_found == 0 {
        findings.push(no_copies(base, files, dir));
    }
    Ok(findings)
}

/// The error for an archive that holds no source's copy: a wrong or empty folder, or no hashes.
fn no_copies(base: &ClaimBase, files: &mut Files, dir: &Path) -> Finding {
    let folder = files.add(SourceFile::external(
        dir.display().to_string(),
        String::new(),
    ));
    let location = Location::new(folder, 0..0);
    if base.sources.iter().all(|source| source.sha256.is_none()) {
        Finding::new(
            Code::ArchiveEmpty,
            location,
            "no source records a `sha256`, so `--archive` can check no quote",
        )
        .help("add `sha256 = \"...\"` to each source whose text is archived (`sha256sum FILE`)")
    } else {
        Finding::new(
            Code::ArchiveEmpty,
            location,
            format!(
                "`{}` holds no archived copy of any source, so no quote was checked",
                dir.display()
            ),
        )
        .help("point `--archive` at the folder holding the sources' texts (found by their sha256)")
    }
}

/// Every regular file directly in `dir`, hashed. A file that cannot be read, or a link leading out
/// of `dir`, is an error finding; sub-folders and special files cannot be copies and are passed over.
fn read_archive(
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
