//! Parts and wholes: a figure declared `part_of` another counts a part of it, so the parts form a
//! tree, and no part's value may lie wholly above a comparable value of its whole.

use super::Context;
use super::conflicts::{describe, first_place, ids, join_names};
use crate::analysis::compare::{FigureComparison, Window};
use crate::finding::{Code, Finding};
use crate::input::records::ValueKind;
use crate::model::{ClaimBase, Node, Relation};
use crate::value::Number;

/// How many of the whole's values a finding names; the rest are counted.
const NAMED_WHOLES: usize = 3;

pub fn parts(context: &Context) -> Vec<Finding> {
    let base = context.base;
    let looped = loops(base);
    let mut findings: Vec<Finding> = looped
        .iter()
        .map(|cycle| loop_finding(base, cycle))
        .collect();
    let on_loop: std::collections::HashSet<usize> = looped.into_iter().flatten().collect();
    let comparisons = &context.analysis.comparisons;
    for (p, figure) in base.figures.iter().enumerate() {
        let Some(w) = figure.part_of.filter(|_| !on_loop.contains(&p)) else {
            continue;
        };
        let whole = &base.figures[w];
        if figure.values != ValueKind::Count || whole.values != ValueKind::Count {
            continue;
        }
        let (part, whole_comparison) = (&comparisons[p], &comparisons[w]);
        for window in &part.windows {
            // A fixed whole bounds its part at any date; a varying one only in the same window.
            let Some(whole_window) = whole_comparison
                .windows
                .iter()
                .find(|ww| ww.key.is_none() || (whole.varies && ww.key == window.key))
            else {
                continue;
            };
            findings.extend(exceeding(base, part, window, whole_window));
        }
    }
    findings
}

/// Each value of the part's window whose lower end lies above the upper end of some value of the
/// whole's window: the whole's upper ends are sorted once, so each part value costs a search.
fn exceeding(
    base: &ClaimBase,
    part: &FigureComparison,
    window: &Window,
    whole: &Window,
) -> Vec<Finding> {
    let mut highs: Vec<(Number, usize)> = whole
        .values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| Some((v.reading(base)?.high?, i)))
        .collect();
    highs.sort_unstable();
    let part_id = &base.figures[part.figure].id;
    let mut findings = Vec::new();
    for value in &window.values {
        let Some(reading) = value.reading(base) else {
            continue;
        };
        let below = highs.partition_point(|&(high, _)| high < reading.low);
        if below == 0 {
            continue;
        }
        let nearest: Vec<usize> = highs[..below]
            .iter()
            .rev()
            .take(NAMED_WHOLES)
            .map(|&(_, i)| i)
            .collect();
        let mut names: Vec<String> = nearest
            .iter()
            .map(|&i| describe(base, &whole.values[i]))
            .collect();
        if below > nearest.len() {
            names.push(format!("{} more", below - nearest.len()));
        }
        let whole_id = base.figures[base.figures[part.figure].part_of.unwrap_or(part.figure)]
            .id
            .as_str();
        let message = format!(
            "{} on `{part_id}` exceeds {} on `{whole_id}`, the figure it is a part of",
            describe(base, value),
            join_names(&names)
        );
        let finding = Finding::new(
            Code::FigurePartExceedsWhole,
            first_place(base, value),
            message,
        )
        .label("a part larger than its whole")
        .help("both are shown; check that each figure counts what it declares")
        .claims(ids(base, value))
        .related_all(nearest.iter().map(|&i| {
            let other = &base.claims[whole.values[i].claims[0]];
            (
                other.value_location().clone(),
                format!("the whole's claim `{}`", other.id),
            )
        }));
        findings.push(finding);
    }
    findings
}

/// Figures that are parts of each other in a loop (or of themselves), each loop sorted by id.
fn loops(base: &ClaimBase) -> Vec<Vec<usize>> {
    // Most bases declare no part: the graph is not walked for them.
    if base.figures.iter().all(|figure| figure.part_of.is_none()) {
        return Vec::new();
    }
    let mut found: Vec<Vec<usize>> = base
        .loops(Relation::PartOf)
        .into_iter()
        .map(|nodes| {
            let mut figures: Vec<usize> = nodes
                .into_iter()
                .filter_map(|node| match node {
                    Node::Figure(f) => Some(f),
                    _ => None,
                })
                .collect();
            figures.sort_by(|&a, &b| base.figures[a].id.cmp(&base.figures[b].id));
            figures
        })
        .collect();
    found.sort_by(|a, b| base.figures[a[0]].id.cmp(&base.figures[b[0]].id));
    found
}

fn loop_finding(base: &ClaimBase, cycle: &[usize]) -> Finding {
    let ids: Vec<&str> = cycle.iter().map(|&f| base.figures[f].id.as_str()).collect();
    let message = match ids.as_slice() {
        [one] => format!("figure `{one}` is declared a part of itself"),
        more => format!(
            "figures are parts of each other in a loop: {}",
            more.join(", ")
        ),
    };
    Finding::new(
        Code::FigurePartCycle,
        base.figures[cycle[0]].location.clone(),
        message,
    )
    .label("its `part_of` leads back here")
    .help("fix `part_of` so that parts form a tree under one whole")
}
