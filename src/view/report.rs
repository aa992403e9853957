//! The report model: every figure with its summary, compared values and claims, every source,
//! speaker and finding, computed once from the checked claim base. The table, markdown, JSON and
//! snapshot outputs and the diff all read this one model, so no format can show a row, a verdict
//! or a number the others do not.

mod findings;
mod place;

pub use findings::{FindingView, RelatedView};
pub use place::{Extent, Place};

use crate::finding::Code;
use crate::input::records::{ClaimMeasure, SourceKind, SpeakerKind, Stance, ValueKind};
use crate::model::date::PartialDate;
use crate::value::{Number, Reading, Rule};
use serde::Serialize;
use std::borrow::Cow;

/// Claims are shown with the text of the claim base they come from, borrowed rather than copied.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    /// In id order.
    pub figures: Vec<FigureView<'a>>,
    /// In id order.
    pub sources: Vec<SourceView>,
    /// In id order.
    pub speakers: Vec<SpeakerView>,
    /// In id order: claims on the figures in scope, and statements (claims without a figure) when
    /// no figure is singled out.
    pub claims: Vec<ClaimView<'a>>,
    /// By figure (in id order; findings about no figure last), then weight (data errors,
    /// conflicts, divergences, attributions, the rest), then place. A figure's unsupported
    /// assertions are one finding listing their claims.
    pub findings: Vec<FindingView<'a>>,
    /// What the claim base is and how recent its data is, for a report's header.
    #[serde(skip)]
    pub about: AboutView,
}

#[derive(Debug, Default)]
pub struct AboutView {
    /// The name of the claim base root's folder.
    pub name: String,
    /// The latest `published` date among the sources: the date of the data.
    pub data_date: Option<PartialDate>,
    /// Superseded and withdrawn claims are compared as if each still stood.
    pub history: bool,
}

/// What a report made with `--all` says first.
pub const HISTORY_NOTE: &str =
    "History view: superseded and withdrawn claims are compared as if each still stood.";

#[derive(Debug, PartialEq, Serialize)]
pub struct FigureView<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub unit: Option<&'a str>,
    /// The figure this one is a part of.
    pub part_of: Option<&'a str>,
    /// The figures that are parts of this one, in id order.
    pub parts: Vec<&'a str>,
    pub subject: Option<&'a str>,
    pub values: ValueKind,
    pub varies: bool,
    /// The window claims are compared in, for figures that vary: `day`, `month` or `year`.
    pub window: Option<&'static str>,
    pub note: Option<&'a str>,
    /// How many claims measure the figure.
    pub claims: usize,
    pub distinct_values: usize,
    pub independent_origins: Vec<&'a str>,
    /// The largest ratio between overlapping stated numbers that reaches the divergence factor;
    /// shown to two decimals.
    #[serde(serialize_with = "two_decimals")]
    pub divergence: Option<f64>,
    pub conflicts: usize,
    pub summary: SummaryView<'a>,
    pub windows: Vec<WindowView<'a>>,
    pub not_compared: Vec<NotComparedView<'a>>,
    /// Indices into [`Report::claims`] in the order a report lists them: by window, value, id;
    /// claims that are not compared last.
    #[serde(skip)]
    pub rows: Vec<usize>,
    /// Indices into [`Report::findings`] of the findings about the figure, weightiest first.
    #[serde(skip)]
    pub findings: Vec<usize>,
}

#[derive(Debug, PartialEq, Serialize)]
pub struct WindowView<'a> {
    /// The `as_of` window for figures that vary; `None` for fixed totals.
    pub as_of: Option<PartialDate>,
    pub values: Vec<ValueView<'a>>,
    /// Pairs of values that cannot both be true, each pair once (at most
    /// [`crate::analysis::disagreement::LISTED_PAIRS`]; `conflicts_total` counts them all).
    pub conflicts: Vec<ConflictView>,
    pub conflicts_total: usize,
}

/// Two values of a window (indices into its `values`) that cannot both be true: for counts,
/// `lower`'s interval lies wholly below `upper`'s.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ConflictView {
    pub lower: usize,
    pub upper: usize,
}

#[derive(Debug, PartialEq, Serialize)]
pub struct ValueView<'a> {
    /// As its first claim writes it.
    pub value: &'a str,
    #[serde(flatten)]
    pub reading: ReadingView,
    pub claims: Vec<&'a str>,
    /// The origin groups behind the value: how many independent origins state it.
    pub origins: Vec<&'a str>,
    /// How many values of the window it cannot both be true with.
    pub conflicts_with: usize,
    /// The value's stated number lies at least the divergence factor apart from another's (either
    /// side of a divergence).
    #[serde(skip)]
    pub diverges: bool,
}

/// The figure in a few neutral words a desk can paste: the span of the values with who states each
/// end, how many independent origins stand behind them, and each origin's latest value. It never
/// picks a value.
#[derive(Debug, PartialEq, Serialize)]
pub struct SummaryView<'a> {
    pub text: String,
    /// The value with the smallest stated number (or lower end), and the largest: counts only.
    pub lowest: Option<EndView<'a>>,
    pub highest: Option<EndView<'a>>,
    /// For each origin group, the value of its latest claim (by `as_of`).
    pub latest_by_origin: Vec<LatestView<'a>>,
}

#[derive(Debug, PartialEq, Serialize)]
pub struct EndView<'a> {
    pub value: &'a str,
    pub claims: Vec<&'a str>,
    pub speakers: Vec<&'a str>,
}

#[derive(Debug, PartialEq, Serialize)]
pub struct LatestView<'a> {
    pub origin: &'a str,
    pub value: &'a str,
    pub claim: &'a str,
    pub as_of: Option<PartialDate>,
}

/// A count as read: every field `None` for labels, statements and unreadable values.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ReadingView {
    pub low: Option<Number>,
    /// `None` also when open upwards.
    pub high: Option<Number>,
    /// The best value: the number stated, or an estimate's central value.
    pub point: Option<Number>,
    pub rule: Option<Rule>,
    /// The hedge or estimate marker as written ("probably"), when one qualifies the value.
    pub hedge: Option<String>,
}

/// What a claim's value reads as, kept to be put in words when a format shows it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Worded<'a> {
    /// A statement: no value.
    Nothing,
    Read(&'a Reading),
    /// A value of a label figure or of a statement: compared as written.
    Label,
    /// A count the grammar could not read.
    Unreadable,
}

impl ClaimView<'_> {
    /// How the value reads, in words: `[5,000, ∞) at-least`, `label`, `unreadable`; empty for a
    /// statement.
    pub fn reading_text(&self) -> String {
        match self.worded {
            Worded::Nothing => String::new(),
            Worded::Read(reading) => format!("{} {}", reading.interval_text(), reading.describe()),
            Worded::Label => "label".to_string(),
            Worded::Unreadable => "unreadable".to_string(),
        }
    }
}

#[derive(Debug, PartialEq, Serialize)]
pub struct NotComparedView<'a> {
    pub claim: &'a str,
    pub reason: &'a str,
}

#[derive(Debug, PartialEq, Serialize)]
pub struct SourceView {
    pub id: String,
    pub title: String,
    pub publisher: Option<String>,
    /// Speaker ids, in the order the source names them.
    pub authors: Vec<String>,
    pub kind: SourceKind,
    pub published: Option<PartialDate>,
    pub url: Option<String>,
    pub sha256: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, PartialEq, Serialize)]
pub struct SpeakerView {
    pub id: String,
    pub name: String,
    pub kind: SpeakerKind,
    /// Sorted.
    pub aliases: Vec<String>,
    /// By speaker id.
    pub affiliations: Vec<AffiliationView>,
    pub origin_group: String,
    pub note: Option<String>,
}

/// A speaker's affiliation: dated when it holds only between dates; `claimed` when the speaker is
/// anonymous and the affiliation is only what the reporter says, which joins no origin group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AffiliationView {
    pub id: String,
    pub from: Option<PartialDate>,
    pub until: Option<PartialDate>,
    pub claimed: bool,
}

impl AffiliationView {
    /// "niaid (from 2006)", "interior-ministry (claimed by the reporter)".
    pub fn text(&self) -> String {
        let mut notes = Vec::new();
        if let Some(from) = self.from {
            notes.push(format!("from {from}"));
        }
        if let Some(until) = self.until {
            notes.push(format!("until {until}"));
        }
        if self.claimed {
            notes.push("claimed by the reporter".to_string());
        }
        if notes.is_empty() {
            self.id.clone()
        } else {
            format!("{} ({})", self.id, notes.join(", "))
        }
    }
}

#[derive(Debug, PartialEq, Serialize)]
pub struct ClaimView<'a> {
    pub id: &'a str,
    pub figure: Option<&'a str>,
    /// As written.
    pub value: Option<&'a str>,
    #[serde(flatten)]
    pub reading: ReadingView,
    /// How the value reads, for showing it in words (see [`ClaimView::reading_text`]).
    #[serde(skip)]
    pub worded: Worded<'a>,
    pub statement: Option<&'a str>,
    pub speaker: Option<&'a str>,
    pub source: Option<&'a str>,
    /// The source's publication date, for showing next to the source.
    #[serde(skip)]
    pub source_published: Option<PartialDate>,
    pub quote: Option<&'a str>,
    pub locator: Option<&'a str>,
    /// The claim's own `as_of`, or its source's date.
    pub as_of: Option<PartialDate>,
    /// Speaker ids the statement is attributed to.
    pub according_to: Vec<&'a str>,
    /// Source and claim ids, and first-hand bases.
    pub basis: Vec<&'a str>,
    pub measure: ClaimMeasure,
    pub stance: Stance,
    /// Claim ids a dispute rejects.
    pub disputes: Vec<&'a str>,
    /// Ids of the claims that dispute this one.
    pub disputed_by: Vec<&'a str>,
    /// Ids of the earlier claims this one replaces.
    pub supersedes: Vec<&'a str>,
    /// Ids of the later claims that replace this one.
    pub superseded_by: Vec<&'a str>,
    /// Why the speaker retracted the claim.
    pub withdrawn: Option<&'a str>,
    /// Neither superseded nor withdrawn: the claim stands as its origin's value.
    pub current: bool,
    /// Origin group names.
    pub origin: Vec<&'a str>,
    /// How the origin was found, link by link.
    pub chain: Vec<LinkView<'a>>,
    pub note: Option<&'a str>,
    /// The codes of the findings that name the claim, sorted.
    pub flags: Vec<Code>,
    #[serde(flatten)]
    pub place: Place<'a>,
}

/// One link of a claim's chain: `from` (a claim id) leads `via` a relation (`basis`, `published
/// by`, `according to X`, a first-hand basis, `stated by`) `to` a claim, source or speaker id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LinkView<'a> {
    pub from: &'a str,
    pub via: Cow<'a, str>,
    pub to: &'a str,
    /// What `to` names: `claim`, `source` or `speaker` (empty for the note of links left out).
    pub to_kind: &'static str,
}

impl<'a> Report<'a> {
    /// Findings about no figure.
    pub fn other_findings(&self) -> impl Iterator<Item = &FindingView<'a>> {
        self.findings
            .iter()
            .filter(|finding| finding.figure.is_none())
    }

    /// Claims that carry no figure.
    pub fn statements(&self) -> impl Iterator<Item = &ClaimView<'a>> {
        self.claims.iter().filter(|claim| claim.figure.is_none())
    }
}

impl FigureView<'_> {
    /// "8 claims, 3 values, 3 independent origins, divergence ×6": the figure's numbers in words.
    pub fn summary_text(&self) -> String {
        let mut parts = vec![
            count(self.claims, "claim", "claims"),
            count(self.distinct_values, "value", "values"),
            count(
                self.independent_origins.len(),
                "independent origin",
                "independent origins",
            ),
        ];
        if let Some(ratio) = self.divergence {
            parts.push(format!(
                "divergence {}",
                crate::analysis::disagreement::format_ratio(ratio)
            ));
        }
        if self.conflicts > 0 {
            parts.push(count(self.conflicts, "conflict", "conflicts"));
        }
        if self.varies {
            parts.push(count(self.windows.len(), "window", "windows"));
        }
        if !self.not_compared.is_empty() {
            parts.push(format!("{} not compared", self.not_compared.len()));
        }
        if let Some(whole) = &self.part_of {
            parts.insert(0, format!("part of {whole}"));
        }
        if !self.parts.is_empty() {
            parts.push(format!("parts: {}", self.parts.join(", ")));
        }
        parts.join(", ")
    }
}

fn two_decimals<S: serde::Serializer>(
    ratio: &Option<f64>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    ratio
        .map(|ratio| (ratio * 100.0).round() / 100.0)
        .serialize(serializer)
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
