//! Findings as a report shows them: under the figure they are about, the weightiest first (data
//! errors, then conflicts, divergences and attributions, then the rest), with a figure's unsupported
//! assertions as one finding listing their claims, so the count reflects figures, not sentences.
//! `check` keeps one diagnostic per place; only the report groups.

use super::build::located;
use super::report::{FindingView, RelatedView};
use crate::finding::{Code, Finding, Severity};
use crate::model::ClaimBase;
use crate::sorting::sort_stable_by_key;
use foldhash::HashMap;
use rayon::prelude::*;
use std::borrow::Cow;

/// How much a finding weighs in a report: lower first.
fn weight(finding: &FindingView) -> u8 {
    match (finding.severity, finding.code) {
        (Severity::Error, _) => 0,
        (_, Code::FigureConflict | Code::FigurePartExceedsWhole) => 1,
        (_, Code::FigureDivergence) => 2,
        (_, Code::AttributionContradicted) => 3,
        (_, Code::ValueReadingDiffers) => 4,
        (_, Code::AttributionUnverified) => 5,
        (_, Code::SingleOrigin) => 6,
        (_, Code::UnsupportedAssertion) => 8,
        (Severity::Warning, _) => 7,
        (Severity::Info, _) => 9,
    }
}

/// The findings as views, ordered by figure (id order, findings about no figure last), then weight,
/// then place; a figure's unsupported assertions merged into one.
pub fn group<'a>(base: &'a ClaimBase, findings: Vec<&'a Finding>) -> Vec<FindingView<'a>> {
    let mut findings = merge_unsupported(base, findings);
    // A place's byte orders it as its line and column would.
    sort_stable_by_key(&mut findings, |f| {
        let place = f.place.start().order_key();
        (f.figure.is_none(), f.figure, weight(f), place)
    });
    findings
}

/// The views of the findings, with each figure's unsupported assertions as one. Those are grouped
/// before any view is made: they are most of a large base's findings, and a view of each (its
/// places worked out as line:column, its key made) would be made only to be merged.
fn merge_unsupported<'a>(base: &'a ClaimBase, findings: Vec<&'a Finding>) -> Vec<FindingView<'a>> {
    let view = |(finding, figure)| located(&base.files, finding, figure);
    // A finding's figure is looked up by claim id in the map of every id: on every core.
    let figures: Vec<Option<&str>> = (findings.par_iter())
        .map(|finding| base.figure_of_finding(finding))
        .collect();
    let mut by_figure: HashMap<&str, Vec<&Finding>> = HashMap::default();
    let mut rest = Vec::with_capacity(findings.len());
    for (finding, figure) in findings.into_iter().zip(figures) {
        match figure {
            Some(figure) if finding.code == Code::UnsupportedAssertion => {
                by_figure.entry(figure).or_default().push(finding);
            }
            figure => rest.push((finding, figure)),
        }
    }
    let mut views: Vec<FindingView> = Vec::with_capacity(rest.len() + by_figure.len());
    views.par_extend(rest.into_par_iter().map(view));
    // Each figure's are merged on its own, on every core, and joined in figure order: put in it
    // once, as a tree kept in order compared ids for every finding it took.
    let mut by_figure: Vec<(&str, Vec<&Finding>)> = by_figure.into_iter().collect();
    by_figure.par_sort_unstable_by_key(|(figure, _)| *figure);
    views.par_extend(
        by_figure
            .into_par_iter()
            .map(|(figure, group)| match group.len() {
                1 => view((group[0], Some(figure))),
                _ => merge(base, figure, group),
            }),
    );
    views
}

/// One figure's unsupported assertions as one finding, at the first one's place.
fn merge<'a>(base: &'a ClaimBase, figure: &'a str, mut group: Vec<&'a Finding>) -> FindingView<'a> {
    // By claim id, so neither the message nor the place shown depends on the file layout.
    group.sort_by(|a, b| a.claims.cmp(&b.claims));
    let claims: Vec<Box<str>> = group
        .iter()
        .flat_map(|f| f.claims.iter().cloned())
        .collect();
    let mut merged = located(&base.files, group[0], Some(figure));
    merged.message = Cow::Owned(format!(
        "{} claims on figure `{figure}` state a value with no attribution and no basis: {}",
        claims.len(),
        claims.join(", ")
    ));
    merged.label = Cow::Borrowed("no attribution or basis");
    merged.related = group[1..]
        .iter()
        .map(|f| {
            let message = format!("also unsupported: {}", f.claims.join(", "));
            RelatedView::at(&base.files, &f.location, message)
        })
        .collect();
    merged.key.claims = claims.clone().into();
    merged.claims = Cow::Owned(claims);
    merged
}
