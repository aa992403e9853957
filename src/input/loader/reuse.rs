//! A second state of the same claim base (a git revision beside the working tree, for `diff` and
//! `--baseline`) mostly holds the same files. A record file parses to the same records and
//! findings whatever else the base holds, so a file with the path and the bytes of one parsed
//! before is copied from that parse instead of parsed again: copying costs about a seventh of
//! parsing. A revision's file whose blob id is the hash of the bytes read before is not even read
//! from git.

use super::{FileInput, Loaded, ParsedFile};
use crate::finding::Finding;
use crate::input::files::FileId;
use foldhash::HashMap;

/// The files an earlier parse read as they are, by path, with the findings about each.
pub(super) struct Earlier<'e> {
    loaded: &'e Loaded,
    by_path: HashMap<&'e str, FileId>,
    findings: Vec<Vec<&'e Finding>>,
}

impl<'e> Earlier<'e> {
    pub(super) fn of(loaded: &'e Loaded) -> Self {
        // Only the files parsed hold records; files added after parsing (unread ones) do not.
        let parsed = loaded.records.len();
        let by_path = (loaded.files.iter())
            .take(parsed)
            .filter(|(id, _)| loaded.verbatim[id.0 as usize])
            .map(|(id, file)| (file.path.as_str(), id))
            .collect();
        let mut findings = vec![Vec::new(); parsed];
        for finding in &loaded.findings {
            if let Some(about) = findings.get_mut(finding.location.file.0 as usize) {
                about.push(finding);
            }
        }
        Earlier {
            loaded,
            by_path,
            findings,
        }
    }

    /// The earlier parse of `input` as the file `file`, if it read the same path and bytes.
    pub(super) fn parsed(&self, input: &FileInput, file: FileId) -> Option<ParsedFile> {
        let bytes = input.content.as_ref().ok()?;
        let &earlier = self.by_path.get(input.path.as_str())?;
        let source = self.loaded.files.get(earlier);
        if source.text.as_bytes() != bytes.as_slice() {
            return None;
        }
        let at = earlier.0 as usize;
        let findings = self.findings[at]
            .iter()
            .map(|&finding| moved(finding, earlier, file))
            .collect();
        Some(ParsedFile {
            source: source.clone(),
            records: self.loaded.records[at].clone(),
            findings,
            verbatim: true,
        })
    }
}

impl Loaded {
    /// The bytes of the record file at `path` as this state read them, when they are the git blob
    /// `object`: a revision's files that this state holds unchanged need not be read from git.
    pub fn blob_at_hand(&self, path: &str, object: &str) -> Option<Vec<u8>> {
        // The files parsed come first, in path order; files left unread follow them.
        let parsed = &self.files.as_slice()[..self.records.len()];
        let file = (parsed.binary_search_by(|file| file.path.as_str().cmp(path))).ok()?;
        let bytes = parsed[file].text.as_bytes();
        (self.verbatim[file] && crate::input::git::is_blob(bytes, object)).then(|| bytes.to_vec())
    }
}

/// A copy of `finding` with its places in the file `from` put in the file `to`.
fn moved(finding: &Finding, from: FileId, to: FileId) -> Finding {
    let mut finding = finding.clone();
    let locations = std::iter::once(&mut finding.location).chain(
        finding
            .related
            .iter_mut()
            .map(|related| &mut related.location),
    );
    for location in locations.filter(|location| location.file == from) {
        location.file = to;
    }
    finding
}

#[cfg(test)]
mod tests;
