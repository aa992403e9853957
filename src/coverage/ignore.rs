//! The `[[coverage-ignore]]` entries at work: where each stands in its source's archived text,
//! which number phrases it dismisses, and why an entry that dismisses none is stale.

use super::inside;
use crate::archive::matcher::Archive;
use crate::archive::paragraphs::Paragraphs;
use crate::input::config::CoverageIgnore;
use crate::input::files::Files;
use crate::model::{ClaimBase, Node};
use serde::Serialize;
use std::ops::Range;

/// An ignore entry that dismisses no phrase, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StaleIgnore {
    /// Where the entry stands in `claimtrack.toml`.
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub source: String,
    pub phrase: String,
    pub paragraph: Option<usize>,
    pub why: String,
}

/// The ignore entries of the sources being measured, grouped by source.
pub(super) struct Dismissals<'a> {
    by_source: Vec<Vec<Entry<'a>>>,
    /// Entries naming a source the base does not have.
    unknown: Vec<&'a CoverageIgnore>,
}

struct Entry<'a> {
    ignore: &'a CoverageIgnore,
    /// Whether its source was measured, so that its staleness can be told.
    measured: bool,
    /// Whether the phrase stands anywhere in the text, and where in its paragraph (everywhere
    /// without one).
    in_text: bool,
    places: Vec<Range<usize>>,
    dismissed: usize,
    /// Whether a number phrase it holds is quoted by a claim.
    holds_quoted: bool,
}

impl<'a> Dismissals<'a> {
    /// The entries of `base`, of source `only` when given.
    pub(super) fn new(base: &'a ClaimBase, only: Option<&str>) -> Self {
        let mut by_source: Vec<Vec<Entry>> = base.sources.iter().map(|_| Vec::new()).collect();
        let mut unknown = Vec::new();
        let entries = base.config.coverage_ignore.iter();
        for ignore in entries.filter(|ignore| only.is_none_or(|id| id == ignore.source)) {
            match base.lookup(&ignore.source) {
                Some(Node::Source(source)) => by_source[source].push(Entry {
                    ignore,
                    measured: false,
                    in_text: false,
                    places: Vec::new(),
                    dismissed: 0,
                    holds_quoted: false,
                }),
                _ => unknown.push(ignore),
            }
        }
        Dismissals { by_source, unknown }
    }

    fn of_source(&mut self, source: usize) -> impl Iterator<Item = &mut Entry<'a>> {
        self.by_source[source].iter_mut()
    }

    /// Find where the entries of `source` stand in its archived text.
    pub(super) fn locate(&mut self, source: usize, archive: &Archive, paragraphs: &Paragraphs) {
        for entry in self.of_source(source) {
            let places = archive.every_place(&entry.ignore.phrase);
            entry.measured = true;
            entry.in_text = !places.is_empty();
            entry.places = places
                .into_iter()
                .filter(|place| {
                    entry.ignore.paragraph.is_none()
                        || paragraphs.number_at(place.start) == entry.ignore.paragraph
                })
                .collect();
        }
    }

    /// Note a phrase of `source` that a claim quotes, for the entries that would dismiss it.
    pub(super) fn quoted(&mut self, source: usize, span: &Range<usize>) {
        for entry in self.of_source(source) {
            entry.holds_quoted |= entry.places.iter().any(|place| inside(span, place));
        }
    }

    /// Whether an entry dismisses the phrase of `source` at `span`; every entry that does is used.
    pub(super) fn dismiss(&mut self, source: usize, span: &Range<usize>) -> bool {
        let mut dismissed = false;
        for entry in self.of_source(source) {
            if entry.places.iter().any(|place| inside(span, place)) {
                entry.dismissed += 1;
                dismissed = true;
            }
        }
        dismissed
    }

    /// The entries that dismissed nothing, with why, in the order they stand; entries of sources
    /// that were not measured cannot be told stale.
    pub(super) fn stale(self, files: &Files) -> Vec<StaleIgnore> {
        let unknown = self.unknown.into_iter().map(|ignore| {
            let why = format!("the claim base has no source `{}`", ignore.source);
            (ignore, why)
        });
        let known = self.by_source.into_iter().flatten().filter_map(|entry| {
            let ignore = entry.ignore;
            let why = if !entry.measured || entry.dismissed > 0 {
                return None;
            } else if !entry.in_text {
                format!(
                    "the phrase is not in the archived text of `{}`",
                    ignore.source
                )
            } else if entry.places.is_empty() {
                format!(
                    "the phrase is not in paragraph {} of `{}`",
                    ignore.paragraph.unwrap_or_default(),
                    ignore.source
                )
            } else if entry.holds_quoted {
                "every number phrase it holds is quoted by a claim".to_string()
            } else {
                "it holds no number phrase that is counted (dates, years, times and ordinals \
                 are not)"
                    .to_string()
            };
            Some((ignore, why))
        });
        let mut stale: Vec<(&CoverageIgnore, String)> = unknown.chain(known).collect();
        stale.sort_by_key(|(ignore, _)| ignore.location.span().start);
        stale
            .into_iter()
            .map(|(ignore, why)| {
                let at = files.line_col(&ignore.location);
                StaleIgnore {
                    file: files.display_path(ignore.location.file).to_string(),
                    line: at.line,
                    column: at.column,
                    source: ignore.source.clone(),
                    phrase: ignore.phrase.clone(),
                    paragraph: ignore.paragraph,
                    why,
                }
            })
            .collect()
    }
}
