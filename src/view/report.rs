//! The consistency report as data: for each figure a summary and one row per claim with every
//! value, who states it and why. Table, markdown and snapshot renderers all show this one view, so
//! no format can hide a row the others show.

use crate::analysis::compare::FigureComparison;
use crate::checks::figures::{divergences_in, format_ratio};
use crate::finding::{Code, Finding};
use crate::input::records::ValueKind;
use crate::model::{Claim, ClaimBase};
use crate::{Analysis, Checked};
use std::collections::{BTreeSet, HashMap};

pub struct FigureSection {
    pub id: String,
    pub label: String,
    pub unit: Option<String>,
    pub summary: String,
    pub rows: Vec<Row>,
}

/// One claim, as every format shows it.
pub struct Row {
    pub claim: String,
    pub value: String,
    pub reading: String,
    pub speaker: String,
    pub source: String,
    pub as_of: String,
    pub attribution: String,
    pub origin: String,
    pub flags: String,
}

pub struct Report {
    pub figures: Vec<FigureSection>,
    /// Claims that carry no figure: statements, shown with the same columns.
    pub statements: Vec<Row>,
}

/// Build the report, for every figure or only the one `figure` names.
pub fn build(checked: &Checked, figure: Option<&str>) -> Report {
    let Checked {
        base,
        analysis,
        findings,
    } = checked;
    let flags = flags_by_claim(findings);
    let row = |c: usize| make_row(base, analysis, &flags, c);
    let figures = analysis
        .comparisons
        .iter()
        .filter(|comparison| figure.is_none_or(|id| base.figures[comparison.figure].id == id))
        .map(|comparison| {
            let figure = &base.figures[comparison.figure];
            FigureSection {
                id: figure.id.clone(),
                label: figure.label.clone(),
                unit: figure.unit.clone(),
                summary: summary(base, comparison, findings),
                rows: ordered_claims(base, comparison)
                    .into_iter()
                    .map(row)
                    .collect(),
            }
        })
        .collect();
    let statements = if figure.is_some() {
        Vec::new()
    } else {
        (0..base.claims.len())
            .filter(|&c| base.claims[c].figure.is_none())
            .map(row)
            .collect()
    };
    // The most discussed figures first: they are what a fact-checker opens the report for.
    let mut figures: Vec<FigureSection> = figures;
    figures.sort_by(|a, b| {
        b.rows
            .len()
            .cmp(&a.rows.len())
            .then_with(|| a.id.cmp(&b.id))
    });
    Report {
        figures,
        statements,
    }
}

/// Claims in the order the report lists them: by window, then value, then id; claims that are not
/// compared last.
fn ordered_claims(base: &ClaimBase, comparison: &FigureComparison) -> Vec<usize> {
    let mut ordered: Vec<usize> = Vec::with_capacity(comparison.claims.len());
    for window in &comparison.windows {
        for value in &window.values {
            let mut claims = value.claims.clone();
            claims.sort_by(|&a, &b| base.claims[a].id.cmp(&base.claims[b].id));
            ordered.extend(claims);
        }
    }
    // Lonely claims of a varying figure are in a window and also listed as not compared.
    let listed: std::collections::HashSet<usize> = ordered.iter().copied().collect();
    let mut rest: Vec<usize> = comparison
        .not_compared
        .iter()
        .map(|n| n.claim)
        .filter(|c| !listed.contains(c))
        .collect();
    rest.sort_by(|&a, &b| base.claims[a].id.cmp(&base.claims[b].id));
    ordered.extend(rest);
    ordered
}

fn summary(base: &ClaimBase, comparison: &FigureComparison, findings: &[Finding]) -> String {
    let claims = comparison.claims.len();
    let values = comparison.value_count();
    let origins = comparison.origin_groups.len();
    let mut parts = vec![
        count(claims, "claim", "claims"),
        count(values, "value", "values"),
        count(origins, "independent origin", "independent origins"),
    ];
    let widest = comparison
        .windows
        .iter()
        .flat_map(|w| divergences_in(base, w))
        .map(|d| d.ratio)
        .max_by(f64::total_cmp);
    if let Some(ratio) = widest {
        parts.push(format!("divergence {}", format_ratio(ratio)));
    }
    let figure_id = &base.figures[comparison.figure].id;
    let conflicts = findings
        .iter()
        .filter(|f| f.code == Code::FigureConflict)
        .filter(|f| {
            f.claims
                .first()
                .is_some_and(|c| base.figure_of_claim(c) == Some(figure_id.as_str()))
        })
        .count();
    if conflicts > 0 {
        parts.push(count(conflicts, "conflict", "conflicts"));
    }
    if base.figures[comparison.figure].varies {
        parts.push(count(comparison.windows.len(), "window", "windows"));
    }
    if !comparison.not_compared.is_empty() {
        parts.push(format!("{} not compared", comparison.not_compared.len()));
    }
    parts.join(", ")
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn flags_by_claim(findings: &[Finding]) -> HashMap<&str, BTreeSet<Code>> {
    let mut flags: HashMap<&str, BTreeSet<Code>> = HashMap::new();
    for finding in findings {
        for claim in &finding.claims {
            flags
                .entry(claim.as_str())
                .or_default()
                .insert(finding.code);
        }
    }
    flags
}

/// The short flag a finding code puts on a row.
pub fn flag(code: Code) -> &'static str {
    match code {
        Code::FigureConflict => "conflict",
        Code::FigureDivergence => "divergence",
        Code::UnsupportedAssertion => "unsupported",
        Code::AttributionUnverified => "attribution-unverified",
        Code::AttributionContradicted => "attribution-contradicted",
        Code::SingleOrigin => "single-origin",
        Code::ValueNotInQuote => "value-not-in-quote",
        Code::UncitedClaim => "uncited",
        Code::QuoteNotFound => "quote-not-found",
        other => other.name(),
    }
}

fn make_row(
    base: &ClaimBase,
    analysis: &Analysis,
    flags: &HashMap<&str, BTreeSet<Code>>,
    c: usize,
) -> Row {
    let claim = &base.claims[c];
    let reading = match (&claim.value, claim.figure.map(|f| base.figures[f].values)) {
        (Some(_), Some(ValueKind::Label)) => "label".to_string(),
        (Some(value), _) => value
            .reading
            .as_ref()
            .map_or("unreadable".to_string(), |r| {
                format!("{} {}", r.interval_text(), r.describe())
            }),
        (None, _) => String::new(),
    };
    let source = claim.source.map_or(String::new(), |s| {
        let source = &base.sources[s];
        match source.published {
            Some(date) => format!("{} ({date})", source.id),
            None => source.id.clone(),
        }
    });
    Row {
        claim: claim.id.clone(),
        value: claim.value.as_ref().map_or_else(
            || claim.statement.clone().unwrap_or_default(),
            |v| v.written.clone(),
        ),
        reading,
        speaker: claim
            .speaker
            .map_or(String::new(), |s| base.speakers[s].id.clone()),
        source,
        as_of: claim.as_of.map_or(String::new(), |d| d.to_string()),
        attribution: attribution(base, claim),
        origin: analysis.origins.claim_groups[c]
            .iter()
            .map(|&g| analysis.origins.group_name(base, g))
            .collect::<Vec<_>>()
            .join(", "),
        flags: flags
            .get(claim.id.as_str())
            .map(|codes| {
                codes
                    .iter()
                    .map(|&code| flag(code))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default(),
    }
}

/// "according to X; basis: …", or empty when the claim gives neither.
fn attribution(base: &ClaimBase, claim: &Claim) -> String {
    let mut parts = Vec::new();
    if let Some(party) = claim.according_to {
        parts.push(format!("according to {}", base.speakers[party].id));
    }
    if !claim.basis.is_empty() {
        let bases: Vec<&str> = claim
            .basis
            .iter()
            .map(|&basis| base.basis_name(basis))
            .collect();
        parts.push(format!("basis: {}", bases.join(", ")));
    }
    parts.join("; ")
}
