//! Disagreement findings: each conflict and divergence the analysis found in a figure's windows,
//! worded with the values and who states them.

use super::Context;
use crate::analysis::compare::Value;
use crate::analysis::disagreement::format_ratio;
use crate::finding::{Code, Finding};
use crate::input::records::ValueKind;
use crate::model::ClaimBase;

pub fn disagreements(context: &Context) -> Vec<Finding> {
    let base = context.base;
    let mut findings = Vec::new();
    for comparison in &context.analysis.comparisons {
        let is_label = base.figures[comparison.figure].values == ValueKind::Label;
        for window in &comparison.windows {
            for conflict in &window.conflicts {
                let (value, other) = (
                    &window.values[conflict.value],
                    &window.values[conflict.against],
                );
                let finding = if is_label {
                    let message = format!(
                        "{} differs from {}",
                        describe(base, value),
                        describe(base, other)
                    );
                    between(base, Code::FigureConflict, value, other, message)
                        .label("a different value")
                        .help("the report shows every value with who states it and when")
                } else {
                    let others = match conflict.others {
                        0 => String::new(),
                        1 => " (and 1 other value)".to_string(),
                        n => format!(" (and {n} other values)"),
                    };
                    let interval =
                        |v: &Value| v.reading(base).map_or(String::new(), |r| r.interval_text());
                    let message = format!(
                        "{} cannot both be true with {}{others}: {} and {} do not overlap",
                        describe(base, value),
                        describe(base, other),
                        interval(value),
                        interval(other)
                    );
                    between(base, Code::FigureConflict, value, other, message)
                        .label("conflicting value")
                        .help("the report shows every value with who states it and on what basis")
                };
                findings.push(finding);
            }
            for divergence in &window.divergences {
                let (value, largest) = (
                    &window.values[divergence.value],
                    &window.values[divergence.largest],
                );
                let ratio = format_ratio(divergence.ratio);
                let message = format!(
                    "{} and {} lie {ratio} apart",
                    describe(base, value),
                    describe(base, largest)
                );
                findings.push(
                    between(base, Code::FigureDivergence, value, largest, message)
                        .label(format!("{ratio} below the largest value"))
                        .help("both can be true; the report shows who stands behind each value"),
                );
            }
        }
    }
    findings
}

/// "`30,000` (outlet-doc000 and 1 more)": a value as written, with who states it.
fn describe(base: &ClaimBase, value: &Value) -> String {
    let claim = &base.claims[value.claims[0]];
    let speaker = claim
        .speaker
        .map_or("an unknown speaker", |s| base.speakers[s].id.as_str());
    let more = match value.claims.len() - 1 {
        0 => String::new(),
        others => format!(" and {others} more"),
    };
    format!("`{}` ({speaker}{more})", value.written(base))
}

/// A finding on the first claim of `value`, pointing at the first claim of `other`.
fn between(base: &ClaimBase, code: Code, value: &Value, other: &Value, message: String) -> Finding {
    let claim = &base.claims[value.claims[0]];
    let other_claim = &base.claims[other.claims[0]];
    Finding::new(code, claim.value_location().clone(), message)
        .related(
            other_claim.value_location().clone(),
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
