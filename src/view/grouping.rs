//! Findings as a report shows them: under the figure they are about, the weightiest first (data
//! errors, then conflicts, divergences and attributions, then the rest), with a figure's unsupported
//! assertions as one finding listing their claims, so the count reflects figures, not sentences.
//! `check` keeps one diagnostic per place; only the report groups.

use super::report::FindingView;
use crate::finding::{Code, Severity};
use rayon::prelude::*;

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

/// The findings ordered by figure (id order, findings about no figure last), then weight, then
/// place; a figure's unsupported assertions merged into one.
pub fn group(findings: Vec<FindingView>) -> Vec<FindingView> {
    let mut findings = merge_unsupported(findings);
    findings.par_sort_by(|a, b| {
        (
            a.figure.is_none(),
            &a.figure,
            weight(a),
            &a.file,
            a.line,
            a.column,
        )
            .cmp(&(
                b.figure.is_none(),
                &b.figure,
                weight(b),
                &b.file,
                b.line,
                b.column,
            ))
    });
    findings
}

fn merge_unsupported(findings: Vec<FindingView>) -> Vec<FindingView> {
    let merged_on_figure =
        |f: &FindingView| f.code == Code::UnsupportedAssertion && f.figure.is_some();
    // Sized once: a finding view is large, and a list that grows copies every one it holds. The
    // rest, with the merged findings after it, holds at most every finding.
    let mut unsupported =
        Vec::with_capacity(findings.iter().filter(|f| merged_on_figure(f)).count());
    let mut rest = Vec::with_capacity(findings.len());
    for finding in findings {
        if merged_on_figure(&finding) {
            unsupported.push(finding);
        } else {
            rest.push(finding);
        }
    }
    let mut by_figure: std::collections::BTreeMap<String, Vec<FindingView>> = Default::default();
    for finding in unsupported {
        by_figure
            .entry(finding.figure.clone().unwrap_or_default())
            .or_default()
            .push(finding);
    }
    // Each figure's are merged on its own, on every core, and joined in figure order.
    let merged: Vec<Vec<FindingView>> = by_figure
        .into_par_iter()
        .map(|(figure, group)| match group.len() {
            1 => group,
            _ => vec![merge(&figure, group)],
        })
        .collect();
    rest.extend(merged.into_iter().flatten());
    rest
}

/// One figure's unsupported assertions as one finding, at the first one's place.
fn merge(figure: &str, mut group: Vec<FindingView>) -> FindingView {
    // By claim id, so neither the message nor the place shown depends on the file layout.
    group.sort_by(|a, b| a.claims.cmp(&b.claims));
    let claims: Vec<String> = group.iter().flat_map(|f| f.claims.clone()).collect();
    let mut merged = group[0].clone();
    merged.message = format!(
        "{} claims on figure `{figure}` state a value with no attribution and no basis: {}",
        claims.len(),
        claims.join(", ")
    );
    merged.label = "no attribution or basis".to_string();
    merged.related = group[1..]
        .iter()
        .map(|f| super::report::RelatedView {
            message: format!("also unsupported: {}", f.claims.join(", ")),
            file: f.file.clone(),
            line: f.line,
            column: f.column,
        })
        .collect();
    merged.key.claims = claims.clone();
    merged.claims = claims;
    merged
}
