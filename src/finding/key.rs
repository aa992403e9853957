//! A finding's identity across two states of a claim base: what it is about, not where it is shown
//! or how its message counts things. The baseline ratchet and the diff match findings on it, so a
//! moved record or a changed count does not make an old finding look new.

use super::{Code, Finding};
use crate::checks::{Stage, check_of};
use crate::input::files::Files;
use serde::Serialize;
use std::borrow::Cow;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct FindingKey<'a> {
    pub code: Code,
    /// The file, for findings about a file itself (syntax, unreadable, unknown fields): the same
    /// mistake in another file is another finding.
    pub file: Option<&'a str>,
    /// The ids of the claims it is about, sorted.
    pub claims: Cow<'a, [Box<str>]>,
    /// For findings about no claim (an unused source, an unknown reference), their message, which
    /// names the record and field.
    pub detail: Option<&'a str>,
}

impl<'a> FindingKey<'a> {
    pub fn of(finding: &'a Finding, files: &'a Files) -> FindingKey<'a> {
        let about_a_file = matches!(check_of(finding.code).stage, Stage::Load | Stage::Config);
        // Most findings name their claims once each and in order already: those are borrowed.
        let claims = if finding.claims.is_sorted_by(|a, b| a < b) {
            Cow::Borrowed(&finding.claims[..])
        } else {
            let mut claims = finding.claims.to_vec();
            claims.sort_unstable();
            claims.dedup();
            Cow::Owned(claims)
        };
        FindingKey {
            code: finding.code,
            file: about_a_file.then(|| files.path(finding.location.file)),
            detail: (claims.is_empty() || about_a_file).then_some(&*finding.message),
            claims,
        }
    }

    /// Whether a baseline may ever count a finding with this key as known. A file that does not
    /// parse hides every finding its records would raise, so it is always new.
    pub fn can_be_known(&self) -> bool {
        !matches!(self.code, Code::TomlSyntax | Code::UnreadableFile)
    }
}
