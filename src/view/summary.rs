//! The neutral summary of a figure: the span of its values with who states each end, the number of
//! independent origins, each origin's latest value, and what was not compared. Generated from the
//! analysis; it states who says what and never picks a value.

use super::report::{EndView, LatestView, SummaryView};
use crate::analysis::compare::{FigureComparison, Value};
use crate::analysis::origins::Origins;
use crate::input::records::{ClaimMeasure, ValueKind};
use crate::model::ClaimBase;
use crate::value::Number;

/// How many labels a summary names before it counts the rest.
const NAMED_LABELS: usize = 5;

pub fn summarise<'a>(
    base: &'a ClaimBase,
    comparison: &FigureComparison,
    origins: &Origins,
) -> SummaryView<'a> {
    let figure = &base.figures[comparison.figure];
    // A figure that varies is summarised as it stands in its latest window.
    let window = comparison.windows.last();
    let values: Vec<&Value> = window.map_or_else(Vec::new, |w| w.values.iter().collect());
    // A value is placed by the number it states, or else where its interval starts: "thousands"
    // sits below "30,000", as a reader would place them.
    let placed: Vec<(Number, usize)> = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let reading = v.reading(base)?;
            Some((reading.point.unwrap_or(reading.low), i))
        })
        .collect();
    let lowest_index = placed.iter().min().map(|&(_, i)| i);
    let highest_index = placed.iter().max().map(|&(_, i)| i);
    let lowest = lowest_index.map(|i| end(base, values[i]));
    let highest = highest_index.map(|i| end(base, values[i]));

    let mut parts = Vec::new();
    let when = match (figure.varies, window.and_then(|w| w.key)) {
        (true, Some(date)) => format!("In {date}: "),
        _ => String::new(),
    };
    match figure.values {
        ValueKind::Count => match (&lowest, &highest) {
            (Some(low), Some(high)) if lowest_index != highest_index => parts.push(format!(
                "{when}values range from `{}` ({}) to `{}` ({})",
                low.value,
                low.speakers.join(", "),
                high.value,
                high.speakers.join(", ")
            )),
            (Some(only), _) => parts.push(format!(
                "{when}one value: `{}` ({})",
                only.value,
                only.speakers.join(", ")
            )),
            _ => parts.push(format!("{when}no value could be read")),
        },
        ValueKind::Label if values.len() == 1 => parts.push(format!(
            "{when}one value: `{}` ({})",
            values[0].written(base),
            end(base, values[0]).speakers.join(", ")
        )),
        ValueKind::Label => {
            let mut named: Vec<String> = values
                .iter()
                .take(NAMED_LABELS)
                .map(|v| named_value(base, v))
                .collect();
            if values.len() > NAMED_LABELS {
                named.push(format!("{} more", values.len() - NAMED_LABELS));
            }
            parts.push(format!("{when}values: {}", named.join(", ")));
        }
    }
    // Counted over the values summarised: for a figure that varies, its latest window.
    let mut groups: Vec<usize> = values
        .iter()
        .flat_map(|v| v.origin_groups.iter().copied())
        .collect();
    groups.sort_unstable();
    groups.dedup();
    let origin_count = groups.len();
    let anonymous: Vec<&str> = groups
        .iter()
        .map(|&g| origins.groups[g].representative)
        .filter(|&s| base.speakers[s].is_anonymous())
        .map(|s| base.speakers[s].id.as_str())
        .collect();
    let anonymous = match anonymous.as_slice() {
        [] => String::new(),
        names => format!(" ({} anonymous: {})", names.len(), names.join(", ")),
    };
    parts.push(format!(
        "{origin_count} independent origin{}{anonymous}",
        if origin_count == 1 { "" } else { "s" }
    ));
    parts.extend(official(base, &values));
    parts.extend(disputed(base, comparison));
    let conflicts = window.map_or(0, |w| w.conflicts.total);
    if conflicts > 0 {
        parts.push(format!(
            "{conflicts} pair{} of values cannot both be true",
            if conflicts == 1 { "" } else { "s" }
        ));
    }
    let not_compared = comparison.not_compared.len();
    if not_compared > 0 {
        parts.push(format!(
            "{not_compared} claim{} not compared",
            if not_compared == 1 { "" } else { "s" }
        ));
    }
    let mut text = parts.join("; ");
    if let Some(first) = text.get(..1) {
        text = first.to_uppercase() + &text[1..];
    }
    SummaryView {
        text: format!("{text}."),
        lowest: lowest.filter(|_| figure.values == ValueKind::Count),
        highest: highest.filter(|_| figure.values == ValueKind::Count),
        latest_by_origin: latest_by_origin(base, comparison, origins),
    }
}

/// "official figure: `230` (government)": the values an authority gives as its own figure. It
/// names a measure the records state, not a value the summary prefers.
fn official(base: &ClaimBase, values: &[&Value]) -> Option<String> {
    let named: Vec<String> = values
        .iter()
        .filter(|v| {
            v.claims
                .iter()
                .any(|&c| base.claims[c].measure == ClaimMeasure::Official)
        })
        .map(|v| named_value(base, v))
        .collect();
    (!named.is_empty()).then(|| format!("official figure: {}", named.join(", ")))
}

/// "`230` (government)": a value with who states it.
fn named_value(base: &ClaimBase, value: &Value) -> String {
    format!(
        "`{}` ({})",
        value.written(base),
        end(base, value).speakers.join(", ")
    )
}

/// "`about 1,500` (wire) disputed by spokesperson": each disputed claim with who disputes it.
fn disputed(base: &ClaimBase, comparison: &FigureComparison) -> Option<String> {
    let mut named = Vec::new();
    for &c in &comparison.claims {
        let claim = &base.claims[c];
        let mut by: Vec<&str> = base
            .disputed_by(c)
            .filter_map(|d| base.claims[d].speaker())
            .map(|s| base.speakers[s].id.as_str())
            .collect();
        by.sort_unstable();
        by.dedup();
        if by.is_empty() {
            continue;
        }
        let value = claim.value.as_ref().map_or("", |v| &*v.written);
        let speaker = claim.speaker().map_or("", |s| base.speakers[s].id.as_str());
        named.push(format!(
            "`{value}` ({speaker}) disputed by {}",
            by.join(", ")
        ));
    }
    (!named.is_empty()).then(|| named.join(", "))
}

fn end<'a>(base: &'a ClaimBase, value: &Value) -> EndView<'a> {
    let mut speakers: Vec<&str> = value
        .claims
        .iter()
        .filter_map(|&c| base.claims[c].speaker())
        .map(|s| base.speakers[s].id.as_str())
        .collect();
    speakers.sort_unstable();
    speakers.dedup();
    EndView {
        value: value.written(base),
        claims: value.claims.iter().map(|&c| &*base.claims[c].id).collect(),
        speakers,
    }
}

/// For each origin group behind the figure, the value of its latest claim (by `as_of`, then id).
fn latest_by_origin<'a>(
    base: &'a ClaimBase,
    comparison: &FigureComparison,
    origins: &Origins,
) -> Vec<LatestView<'a>> {
    // Indexed by place in the figure's (sorted) origin groups, not by group: a list as long as all
    // the base's groups for every figure would be figures × groups entries in all.
    let mut latest: Vec<Option<usize>> = vec![None; comparison.origin_groups.len()];
    for &c in &comparison.claims {
        let claim = &base.claims[c];
        // A replaced or retracted value, or one only reported, is not the origin's position.
        let history = base.config.compare.include_superseded;
        if !claim.is_own_position() || !(claim.is_current() || history) {
            continue;
        }
        for group in &origins.claim_groups[c] {
            let Ok(slot) = comparison.origin_groups.binary_search(group) else {
                continue;
            };
            let later = |other: usize| {
                let other = &base.claims[other];
                (claim.as_of, &claim.id) > (other.as_of, &other.id)
            };
            if latest[slot].is_none_or(later) {
                latest[slot] = Some(c);
            }
        }
    }
    comparison
        .origin_groups
        .iter()
        .zip(latest)
        .filter_map(|(&group, latest)| {
            let claim = &base.claims[latest?];
            Some(LatestView {
                origin: origins.group_name(base, group),
                value: &claim.value.as_ref()?.written,
                claim: &claim.id,
                as_of: claim.as_of,
            })
        })
        .collect()
}
