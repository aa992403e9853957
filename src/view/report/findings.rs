//! The report model's findings: each as reports show it, with the other places it points at.

use crate::finding::key::FindingKey;
use crate::finding::{Code, Severity};
use crate::input::files::{Files, LineCol, Location};
use serde::Serialize;
use std::borrow::Cow;
use std::fmt;

/// A finding as reports show it, borrowing its text from the checked claim base: a large base has
/// tens of thousands.
#[derive(Debug, Clone, Serialize)]
pub struct FindingView<'a> {
    pub code: Code,
    /// What the finding is about, the same across states of the claim base: the baseline and the
    /// diff match findings on it.
    pub key: FindingKey<'a>,
    pub severity: Severity,
    pub message: Cow<'a, str>,
    /// The figure of the first claim the finding names.
    pub figure: Option<&'a str>,
    pub file: &'a str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub label: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<&'a str>,
    pub claims: Cow<'a, [String]>,
    pub related: Vec<RelatedView<'a>>,
}

/// Another place a finding points at, with its message. Its line and column are worked out when
/// it is written (as `file`, `line` and `column`): a large base's findings point at tens of
/// thousands of places that most outputs (the diff, the table, the snapshot) never show.
#[derive(Clone)]
pub struct RelatedView<'a> {
    pub message: Cow<'a, str>,
    files: &'a Files,
    location: &'a Location,
}

impl<'a> RelatedView<'a> {
    /// A related place with its message, shown as file:line:column.
    pub fn at(files: &'a Files, location: &'a Location, message: impl Into<Cow<'a, str>>) -> Self {
        RelatedView {
            message: message.into(),
            files,
            location,
        }
    }

    pub fn file(&self) -> &'a str {
        self.files.display_path(self.location.file)
    }

    pub fn line_col(&self) -> LineCol {
        self.files.line_col(self.location)
    }
}

impl Serialize for RelatedView<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let at = self.line_col();
        let mut related = serializer.serialize_struct("RelatedView", 4)?;
        related.serialize_field("message", &self.message)?;
        related.serialize_field("file", self.file())?;
        related.serialize_field("line", &at.line)?;
        related.serialize_field("column", &at.column)?;
        related.end()
    }
}

impl fmt::Debug for RelatedView<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = self.line_col();
        f.debug_struct("RelatedView")
            .field("message", &self.message)
            .field("file", &self.file())
            .field("line", &at.line)
            .field("column", &at.column)
            .finish()
    }
}

impl FindingView<'_> {
    /// "warning single-origin: …": the finding without its place, as the snapshot and the diff
    /// show it, so moving a record between files changes nothing.
    pub fn line_without_place(&self) -> String {
        format!("{} {}: {}", self.severity, self.code, self.message)
    }
}
