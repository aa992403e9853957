//! Where comparable claims disagree: values that cannot both be true (conflict), values that can
//! but lie far apart (divergence), and a value repeated by claims that share one origin. Each value
//! is compared against the window's extremes, so the work stays near-linear in the claims.

use crate::base::ClaimBase;
use crate::compare::{FigureComparison, Value, ValueKey, Window};
use crate::finding::{Code, Finding};
use crate::origins::Origins;
use crate::records::ValueKind;
use crate::value::Number;

pub fn figure_findings(
    base: &ClaimBase,
    origins: &Origins,
    comparisons: &[FigureComparison],
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for comparison in comparisons {
        let figure = &base.figures[comparison.figure];
        for window in &comparison.windows {
            match figure.values {
                ValueKind::Count => {
                    findings.extend(count_conflicts(base, window));
                    findings.extend(divergences(base, window));
                }
                ValueKind::Label => findings.extend(label_conflicts(base, window)),
            }
            findings.extend(single_origins(base, origins, window));
        }
    }
    findings
}

/// The ratio between two stated numbers, if both are stated and the smaller is not zero.
pub fn ratio(low_point: Number, high_point: Number) -> Option<f64> {
    (low_point > Number::ZERO).then(|| high_point.get() / low_point.get())
}

/// `×6`, `×2.5`: the ratio as people say it.
pub fn format_ratio(ratio: f64) -> String {
    if ratio >= 10.0 || (ratio - ratio.round()).abs() < 0.05 {
        format!("×{}", ratio.round())
    } else {
        format!("×{ratio:.1}")
    }
}

fn describe(base: &ClaimBase, value: &Value) -> String {
    let claim = &base.claims[value.claims[0]];
    let speaker = claim
        .speaker
        .map_or("an unknown speaker", |s| base.speakers[s].id.as_str());
    let others = value.claims.len() - 1;
    let more = if others > 0 {
        format!(" and {others} more")
    } else {
        String::new()
    };
    format!("`{}` ({}{more})", value.written(base), speaker)
}

fn finding_between(
    base: &ClaimBase,
    code: Code,
    value: &Value,
    other: &Value,
    message: String,
) -> Finding {
    let claim = &base.claims[value.claims[0]];
    let other_claim = &base.claims[other.claims[0]];
    let location = claim
        .value
        .as_ref()
        .map_or(claim.location.clone(), |v| v.location.clone());
    let other_location = other_claim
        .value
        .as_ref()
        .map_or(other_claim.location.clone(), |v| v.location.clone());
    Finding::new(code, location, message)
        .related(
            other_location,
            format!("compared with claim `{}`", other_claim.id),
        )
        .claims(
            value
                .claims
                .iter()
                .chain(&other.claims)
                .map(|&c| base.claims[c].id.as_str()),
        )
}

fn count_conflicts(base: &ClaimBase, window: &Window) -> Vec<Finding> {
    let readings: Vec<_> = window
        .values
        .iter()
        .filter_map(|v| Some((v, v.reading(base)?)))
        .collect();
    let Some((highest, highest_reading)) = readings.iter().max_by_key(|(_, r)| r.low).copied()
    else {
        return Vec::new();
    };
    let mut lows: Vec<Number> = readings.iter().map(|(_, r)| r.low).collect();
    lows.sort_unstable();
    readings
        .iter()
        .filter_map(|&(value, reading)| {
            let high = reading.high?;
            if high >= highest_reading.low {
                return None;
            }
            let above = lows.len() - lows.partition_point(|&low| low <= high);
            let others = if above > 1 {
                format!(
                    " (and {} other value{})",
                    above - 1,
                    if above > 2 { "s" } else { "" }
                )
            } else {
                String::new()
            };
            let message = format!(
                "{} cannot both be true with {}{others}: {} and {} do not overlap",
                describe(base, value),
                describe(base, highest),
                reading.interval_text(),
                highest_reading.interval_text()
            );
            Some(
                finding_between(base, Code::FigureConflict, value, highest, message)
                    .label("conflicting value")
                    .help("the report shows every value with who states it and on what basis"),
            )
        })
        .collect()
}

/// A value that overlaps the window's largest stated number but lies at least the divergence
/// factor below it.
pub struct Divergence<'a> {
    pub value: &'a Value,
    pub largest: &'a Value,
    pub ratio: f64,
}

/// Each stated number is set against the window's largest, so a window yields at most one
/// divergence per value.
pub fn divergences_in<'a>(base: &ClaimBase, window: &'a Window) -> Vec<Divergence<'a>> {
    let factor = base.config.compare.divergence_factor;
    let pointed: Vec<_> = window
        .values
        .iter()
        .filter_map(|v| {
            let reading = v.reading(base)?;
            Some((v, reading, reading.point?))
        })
        .collect();
    let Some(&(largest, largest_reading, largest_point)) =
        pointed.iter().max_by_key(|(_, _, p)| *p)
    else {
        return Vec::new();
    };
    pointed
        .iter()
        .filter_map(|&(value, reading, point)| {
            let ratio = ratio(point, largest_point)?;
            (ratio >= factor && reading.overlaps(largest_reading)).then_some(Divergence {
                value,
                largest,
                ratio,
            })
        })
        .collect()
}

fn divergences(base: &ClaimBase, window: &Window) -> Vec<Finding> {
    divergences_in(base, window)
        .into_iter()
        .map(
            |Divergence {
                 value,
                 largest,
                 ratio,
             }| {
                let message = format!(
                    "{} and {} lie {} apart",
                    describe(base, value),
                    describe(base, largest),
                    format_ratio(ratio)
                );
                finding_between(base, Code::FigureDivergence, value, largest, message)
                    .label(format!("{} below the largest value", format_ratio(ratio)))
                    .help("both can be true; the report shows who stands behind each value")
            },
        )
        .collect()
}

fn label_conflicts(base: &ClaimBase, window: &Window) -> Vec<Finding> {
    // Each label is set against the one most claims give, so a window yields one finding per label.
    let Some(common) = window.values.iter().max_by(|a, b| {
        a.claims
            .len()
            .cmp(&b.claims.len())
            .then_with(|| b.key.cmp(&a.key))
    }) else {
        return Vec::new();
    };
    window
        .values
        .iter()
        .filter(|value| value.key != common.key)
        .filter(|value| matches!(value.key, ValueKey::Label(_)))
        .map(|value| {
            let message = format!(
                "{} differs from {}",
                describe(base, value),
                describe(base, common)
            );
            finding_between(base, Code::FigureConflict, value, common, message)
                .label("a different value")
                .help("the report shows every value with who states it and when")
        })
        .collect()
}

fn single_origins(base: &ClaimBase, origins: &Origins, window: &Window) -> Vec<Finding> {
    window
        .values
        .iter()
        .filter(|value| value.claims.len() > 1 && value.origin_groups.len() == 1)
        // A claim whose origin is unknown (its speaker unresolved) may be independent.
        .filter(|value| value.claims.iter().all(|&c| !origins.claim_groups[c].is_empty()))
        .map(|value| {
            let group = origins.group_name(base, value.origin_groups[0]);
            let speakers: std::collections::BTreeSet<&str> = value
                .claims
                .iter()
                .filter_map(|&c| base.claims[c].speaker.map(|s| base.speakers[s].id.as_str()))
                .collect();
            let claim = &base.claims[value.claims[0]];
            let location = claim.value.as_ref().map_or(claim.location.clone(), |v| v.location.clone());
            let mut finding = Finding::new(
                Code::SingleOrigin,
                location,
                format!(
                    "`{}` is stated by {} claims ({}) that all go back to one origin group, `{group}`",
                    value.written(base),
                    value.claims.len(),
                    speakers.into_iter().collect::<Vec<_>>().join(", ")
                ),
            )
            .label("repeated, not independently confirmed")
            .help("repetition within one origin group is not independent confirmation")
            .claims(value.claims.iter().map(|&c| base.claims[c].id.as_str()));
            for &c in &value.claims[1..] {
                let other = &base.claims[c];
                finding = finding.related(other.location.clone(), format!("also stated by claim `{}`", other.id));
            }
            finding
        })
        .collect()
}
