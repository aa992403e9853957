//! The report model's findings: each as reports show it, with the other places it points at.

use super::place::{Extent, Place};
use crate::finding::key::FindingKey;
use crate::finding::{Code, Severity};
use crate::input::files::{Files, Location};
use serde::Serialize;
use std::borrow::Cow;

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
    /// Where it starts and ends.
    #[serde(flatten)]
    pub place: Extent<'a>,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub label: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<&'a str>,
    pub claims: Cow<'a, [Box<str>]>,
    pub related: Vec<RelatedView<'a>>,
}

/// Another place a finding points at, with its message; its line and column are worked out when
/// it is written (see [`Place`]).
#[derive(Debug, Clone, Serialize)]
pub struct RelatedView<'a> {
    pub message: Cow<'a, str>,
    #[serde(flatten)]
    pub place: Place<'a>,
}

impl<'a> RelatedView<'a> {
    /// A related place with its message, shown as file:line:column.
    pub fn at(files: &'a Files, location: &'a Location, message: impl Into<Cow<'a, str>>) -> Self {
        RelatedView {
            message: message.into(),
            place: Place::of(files, location),
        }
    }
}

impl FindingView<'_> {
    /// "warning single-origin: …": the finding without its place, as the snapshot and the diff
    /// show it, so moving a record between files changes nothing.
    pub fn line_without_place(&self) -> String {
        format!("{} {}: {}", self.severity, self.code, self.message)
    }
}
