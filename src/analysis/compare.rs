//! Comparability: claims are compared only within one declared figure and, for figures that vary
//! over time, only within one `as_of` window. Within a window, claims with the same reading form
//! one value, and each window's disagreements are worked out once. Everything here is near-linear:
//! claims are grouped by hashing, never paired.

use super::disagreement::{self, Conflicts, Divergence};
use super::origins::Origins;
use crate::input::records::ValueKind;
use crate::model::date::PartialDate;
use crate::model::{Claim, ClaimBase};
use crate::value::{Number, Reading};
use foldhash::HashMap;
use rayon::prelude::*;

/// What makes two claims' values the same value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ValueKey {
    /// low, high (`None` = open), point, rule, hedge
    Count(
        Number,
        Option<Number>,
        Option<Number>,
        crate::value::Rule,
        Option<Box<str>>,
    ),
    /// A label, compared case-insensitively with white space folded.
    Label(String),
}

impl ValueKey {
    fn of(figure_values: ValueKind, claim: &Claim) -> Option<ValueKey> {
        let value = claim.value.as_ref()?;
        match figure_values {
            ValueKind::Count => {
                let r = value.reading.as_ref()?;
                let hedge = r.hedge.clone();
                Some(ValueKey::Count(r.low, r.high, r.point, r.rule, hedge))
            }
            ValueKind::Label => Some(ValueKey::Label(fold_label(&value.written))),
        }
    }
}

pub fn fold_label(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Claims on one figure that give the same value within one window.
#[derive(Debug, Clone)]
pub struct Value {
    pub key: ValueKey,
    /// Claim indices, sorted by claim id.
    pub claims: Vec<usize>,
    /// The distinct origin groups behind these claims, sorted.
    pub origin_groups: Vec<usize>,
}

impl Value {
    pub fn reading<'a>(&self, base: &'a ClaimBase) -> Option<&'a Reading> {
        base.claims[self.claims[0]]
            .value
            .as_ref()?
            .reading
            .as_deref()
    }

    /// The value as the first of its claims writes it.
    pub fn written<'a>(&self, base: &'a ClaimBase) -> &'a str {
        base.claims[self.claims[0]]
            .value
            .as_ref()
            .map_or("", |v| &*v.written)
    }
}

/// The claims of a figure that are compared with each other.
#[derive(Debug, Clone)]
pub struct Window {
    /// The `as_of` window for figures that vary over time; `None` for fixed totals.
    pub key: Option<PartialDate>,
    /// Values sorted by reading (counts) or label.
    pub values: Vec<Value>,
    pub conflicts: Conflicts,
    pub divergences: Vec<Divergence>,
}

/// A claim on the figure that is not compared, and why.
#[derive(Debug, Clone, serde::Serialize)]
pub struct NotCompared {
    pub claim: usize,
    pub reason: String,
}

#[derive(Debug, Clone)]
pub struct FigureComparison {
    pub figure: usize,
    /// Every claim on the figure, in claim base order.
    pub claims: Vec<usize>,
    pub windows: Vec<Window>,
    pub not_compared: Vec<NotCompared>,
    /// Distinct origin groups behind the figure's current claims (all claims in the history view).
    pub origin_groups: Vec<usize>,
}

impl FigureComparison {
    pub fn value_count(&self) -> usize {
        self.windows.iter().map(|w| w.values.len()).sum()
    }

    pub fn conflict_count(&self) -> usize {
        self.windows.iter().map(|w| w.conflicts.total).sum()
    }

    /// The largest ratio between overlapping stated numbers that reaches the divergence factor.
    pub fn widest_divergence(&self) -> Option<f64> {
        self.windows
            .iter()
            .flat_map(|w| &w.divergences)
            .map(|d| d.ratio)
            .max_by(f64::total_cmp)
    }
}

pub fn compare(base: &ClaimBase, origins: &Origins) -> Vec<FigureComparison> {
    let mut by_figure: Vec<Vec<usize>> = vec![Vec::new(); base.figures.len()];
    for (i, claim) in base.claims.iter().enumerate() {
        if let Some(figure) = claim.figure() {
            by_figure[figure].push(i);
        }
    }
    // Each figure is compared on its own: on every core.
    by_figure
        .into_par_iter()
        .enumerate()
        .map(|(figure, claims)| compare_figure(base, origins, figure, claims))
        .collect()
}

fn compare_figure(
    base: &ClaimBase,
    origins: &Origins,
    figure_index: usize,
    claims: Vec<usize>,
) -> FigureComparison {
    let figure = &base.figures[figure_index];
    let mut not_compared = Vec::new();
    let mut windows: HashMap<Option<PartialDate>, HashMap<ValueKey, Vec<usize>>> =
        HashMap::default();
    let history = base.config.compare.include_superseded;
    for &c in &claims {
        let claim = &base.claims[c];
        if let (Some(reason), false) = (replaced(base, claim), history) {
            not_compared.push(NotCompared { claim: c, reason });
            continue;
        }
        let Some(key) = ValueKey::of(figure.values, claim) else {
            let reason = if claim.value.is_none() {
                "the claim gives no value"
            } else {
                "the value could not be read"
            };
            not_compared.push(NotCompared {
                claim: c,
                reason: reason.to_string(),
            });
            continue;
        };
        let window = if figure.varies {
            match claim.as_of {
                None => {
                    not_compared.push(NotCompared {
                        claim: c,
                        reason: "the figure varies over time and the claim has no as_of date (nor a dated source)".into(),
                    });
                    continue;
                }
                Some(date) if date.precision() > figure.window => {
                    not_compared.push(NotCompared {
                        claim: c,
                        reason: format!(
                            "as_of {date} is less precise than the figure's {} window",
                            figure.window.name()
                        ),
                    });
                    continue;
                }
                Some(date) => Some(date.truncate(figure.window)),
            }
        } else {
            None
        };
        windows
            .entry(window)
            .or_default()
            .entry(key)
            .or_default()
            .push(c);
    }
    let mut windows: Vec<Window> = windows
        .into_iter()
        .map(|(key, values)| {
            let mut values: Vec<Value> = values
                .into_iter()
                .map(|(key, mut claims)| {
                    // By id, so the claim that speaks for a value does not depend on file layout.
                    claims.sort_by(|&a, &b| base.claims[a].id.cmp(&base.claims[b].id));
                    Value {
                        origin_groups: groups_of(origins, &claims),
                        key,
                        claims,
                    }
                })
                .collect();
            values.sort_by(|a, b| a.key.cmp(&b.key));
            let mut window = Window {
                key,
                values,
                conflicts: Conflicts::default(),
                divergences: Vec::new(),
            };
            match figure.values {
                ValueKind::Count => {
                    window.conflicts = disagreement::count_conflicts(base, &window);
                    window.divergences = disagreement::divergences(base, &window);
                }
                ValueKind::Label => window.conflicts = disagreement::label_conflicts(&window),
            }
            window
        })
        .collect();
    windows.sort_by_key(|w| w.key);
    let mut lonely = Vec::new();
    for window in &windows {
        if figure.varies && window.values.len() == 1 && window.values[0].claims.len() == 1 {
            let date = window.key.map(|d| d.to_string()).unwrap_or_default();
            lonely.push(NotCompared {
                claim: window.values[0].claims[0],
                reason: format!("no other claim on the figure falls in its window {date}"),
            });
        }
    }
    not_compared.extend(lonely);
    not_compared.sort_by(|a, b| base.claims[a.claim].id.cmp(&base.claims[b.claim].id));
    FigureComparison {
        figure: figure_index,
        // Origins whose claims all were replaced or withdrawn no longer stand behind the figure.
        origin_groups: groups_of(
            origins,
            &claims
                .iter()
                .copied()
                .filter(|&c| history || base.claims[c].is_current())
                .collect::<Vec<_>>(),
        ),
        claims,
        windows,
        not_compared,
    }
}

/// Why a claim no longer stands as its origin's value, if it does not.
fn replaced(base: &ClaimBase, claim: &Claim) -> Option<String> {
    if let Some(reason) = claim.withdrawn() {
        return Some(format!("withdrawn by its speaker: {reason}"));
    }
    let by: Vec<String> = claim
        .superseded_by()
        .iter()
        .map(|&c| format!("`{}`", base.claims[c].id))
        .collect();
    (!by.is_empty()).then(|| format!("superseded by {}", by.join(", ")))
}

fn groups_of(origins: &Origins, claims: &[usize]) -> Vec<usize> {
    let mut groups: Vec<usize> = claims
        .iter()
        .flat_map(|&c| origins.claim_groups[c].iter().copied())
        .collect();
    groups.sort_unstable();
    groups.dedup();
    groups
}
