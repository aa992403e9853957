//! Disagreement findings: each value in conflict, and each divergence, that the analysis found in a
//! figure's windows, worded with the values, the claims that state them and who states them.

use super::Context;
use crate::analysis::compare::{Value, Window};
use crate::analysis::disagreement::{ValueConflicts, format_ratio};
use crate::finding::{Code, Finding};
use crate::input::records::ValueKind;
use crate::model::ClaimBase;

pub fn disagreements(context: &Context) -> Vec<Finding> {
    let base = context.base;
    let mut findings = Vec::new();
    for comparison in &context.analysis.comparisons {
        let is_label = base.figures[comparison.figure].values == ValueKind::Label;
        for window in &comparison.windows {
            for (i, conflicts) in window.conflicts.of_value.iter().enumerate() {
                if conflicts.count == 0 {
                    continue;
                }
                findings.push(conflict(base, window, i, conflicts, is_label));
            }
            for divergence in &window.divergences {
                let (value, larger) = (
                    &window.values[divergence.value],
                    &window.values[divergence.larger],
                );
                let ratio = format_ratio(divergence.ratio);
                let message = format!(
                    "{} and {} lie {ratio} apart",
                    describe(base, value),
                    describe(base, larger)
                );
                let other = &base.claims[larger.claims[0]];
                findings.push(
                    Finding::new(Code::FigureDivergence, first_place(base, value), message)
                        .label(format!("{ratio} below a larger stated number"))
                        .related(
                            other.value_location().clone(),
                            format!("compared with claim `{}`", other.id),
                        )
                        .help("both can be true; the report shows who stands behind each value")
                        .claims(ids(base, value).chain(ids(base, larger))),
                );
            }
        }
    }
    findings
}

/// The finding for one value in conflict: it names the nearest groups it conflicts with and counts
/// the rest, and lists only the value's own claims, so each side of a conflict is flagged by its
/// own finding and keeps its identity when the other side changes.
fn conflict(
    base: &ClaimBase,
    window: &Window,
    i: usize,
    conflicts: &ValueConflicts,
    is_label: bool,
) -> Finding {
    let value = &window.values[i];
    let mut names: Vec<String> = conflicts
        .named
        .iter()
        .map(|&j| describe(base, &window.values[j]))
        .collect();
    let more = conflicts.count - conflicts.named.len();
    if more > 0 {
        names.push(format!(
            "{more} more value{}",
            if more == 1 { "" } else { "s" }
        ));
    }
    let others = join_names(&names);
    let (message, label, help) = if is_label {
        (
            format!("{} differs from {others}", describe(base, value)),
            "a different value",
            "the report shows every value with who states it and when",
        )
    } else {
        (
            format!(
                "{} cannot both be true with {others}: their intervals do not overlap",
                describe(base, value)
            ),
            "conflicting value",
            "the report shows every value with who states it and on what basis",
        )
    };
    Finding::new(Code::FigureConflict, first_place(base, value), message)
        .label(label)
        .help(help)
        .claims(ids(base, value))
        .related_all(conflicts.named.iter().map(|&j| {
            let other = &base.claims[window.values[j].claims[0]];
            (
                other.value_location().clone(),
                format!("conflicts with claim `{}`", other.id),
            )
        }))
}

/// "a", "a and b", "a, b and c".
pub(super) fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

pub(super) fn ids<'a>(base: &'a ClaimBase, value: &'a Value) -> impl Iterator<Item = &'a str> + 'a {
    value.claims.iter().map(|&c| &*base.claims[c].id)
}

/// Where a value is written by its first claim.
pub(super) fn first_place(base: &ClaimBase, value: &Value) -> crate::input::files::Location {
    base.claims[value.claims[0]].value_location().clone()
}

/// "`30,000` (doc000/executed-30000 by outlet-doc000, and 1 more claim)": a value as written, with
/// the claim that states it first and its speaker.
pub(super) fn describe(base: &ClaimBase, value: &Value) -> String {
    let claim = &base.claims[value.claims[0]];
    let speaker = claim
        .speaker()
        .map_or("an unknown speaker", |s| base.speakers[s].id.as_str());
    let more = match value.claims.len() - 1 {
        0 => String::new(),
        1 => ", and 1 more claim".to_string(),
        others => format!(", and {others} more claims"),
    };
    format!(
        "`{}` ({} by {speaker}{more})",
        value.written(base),
        claim.id
    )
}
