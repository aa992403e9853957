//! A claim as the report model shows it: ids instead of indices, its reading in words, how it
//! stands beside other claims (measure, stance, disputes, revisions) and its place in its file.

use super::build::sorted;
use super::report::{ClaimView, Place, ReadingView, Worded};
use crate::finding::CodeSet;
use crate::input::records::ValueKind;
use crate::model::{Claim, ClaimBase};
use crate::value::Reading;

pub(super) fn claim_view<'a>(
    base: &'a ClaimBase,
    claim: &'a Claim,
    origin: Vec<&'a str>,
    flags: CodeSet,
    place: Place<'a>,
) -> ClaimView<'a> {
    let is_label = claim
        .figure()
        .is_some_and(|f| base.figures[f].values == ValueKind::Label);
    let reading = claim.value.as_ref().and_then(|v| v.reading.as_deref());
    let worded = match (&claim.value, reading) {
        (None, _) => Worded::Nothing,
        (Some(_), Some(reading)) => Worded::Read(reading),
        (Some(_), None) if is_label || claim.figure().is_none() => Worded::Label,
        (Some(_), None) => Worded::Unreadable,
    };
    ClaimView {
        id: &claim.id,
        figure: claim.figure().map(|f| base.figures[f].id.as_str()),
        value: claim.value.as_ref().map(|v| &*v.written),
        reading: reading_view(reading),
        worded,
        statement: claim.statement_text(&base.files),
        speaker: claim.speaker().map(|s| base.speakers[s].id.as_str()),
        source: claim.source().map(|s| base.sources[s].id.as_str()),
        source_published: claim.source().and_then(|s| base.sources[s].published),
        quote: claim.quote_text(&base.files),
        locator: claim.locator_text(&base.files),
        as_of: claim.as_of,
        according_to: speaker_ids(base, &claim.according_to),
        basis: claim
            .basis
            .iter()
            .map(|&basis| base.basis_name(basis))
            .collect(),
        measure: claim.measure,
        stance: claim.stance,
        disputes: claim_ids(base, claim.disputes()),
        disputed_by: Vec::new(),
        supersedes: claim_ids(base, claim.supersedes()),
        superseded_by: claim_ids(base, claim.superseded_by()),
        withdrawn: claim.withdrawn(),
        current: claim.is_current(),
        origin,
        chain: Vec::new(),
        note: claim.note_text(&base.files),
        flags: flags.iter().collect(),
        place,
    }
}

/// The ids of the claims that dispute claim `c`, sorted: found on the graph's `disputes` edges.
pub(super) fn disputed_by(base: &ClaimBase, c: usize) -> Vec<&str> {
    sorted(base.disputed_by(c).map(|d| &*base.claims[d].id))
}

fn speaker_ids<'a>(base: &'a ClaimBase, speakers: &[usize]) -> Vec<&'a str> {
    speakers
        .iter()
        .map(|&s| base.speakers[s].id.as_str())
        .collect()
}

/// Claim ids, sorted.
fn claim_ids<'a>(base: &'a ClaimBase, claims: &[usize]) -> Vec<&'a str> {
    sorted(claims.iter().map(|&c| &*base.claims[c].id))
}

pub fn reading_view(reading: Option<&Reading>) -> ReadingView {
    reading.map_or_else(ReadingView::default, |r| ReadingView {
        low: Some(r.low),
        high: r.high,
        point: r.point,
        rule: Some(r.rule),
        hedge: r.hedge.as_deref().map(str::to_string),
    })
}
