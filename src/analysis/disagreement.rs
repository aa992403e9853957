//! Where the values of one window disagree, worked out once for checks and views alike: every
//! pair of value groups that cannot both be true (conflicts), and stated numbers that lie far apart
//! although both can be true (divergences). The work stays near-linear: conflicts are counted by
//! binary search over the sorted ends, and only a bounded number of pairs is listed.

use super::compare::{Value, Window};
use crate::model::ClaimBase;
use crate::value::{Number, Reading, Rule};

/// How many conflicting pairs a window lists; every pair is still counted. A window of thousands
/// of distinct exact values would otherwise list millions of pairs.
pub const LISTED_PAIRS: usize = 1_000;

/// How many of a value's conflicting groups its finding names; the rest are counted.
pub const NAMED_CONFLICTS: usize = 3;

/// How far down the list of larger stated numbers a value looks for a partner to diverge from.
const DIVERGENCE_SCAN: usize = 64;

/// Two value groups (indices into the window's values) that cannot both be true. For counts,
/// `lower`'s whole interval lies below `upper`'s; for labels, they are two different labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConflictPair {
    pub lower: usize,
    pub upper: usize,
}

/// The conflicts of one window.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Conflicts {
    /// The first [`LISTED_PAIRS`] pairs, by the lower value, then the upper.
    pub pairs: Vec<ConflictPair>,
    /// How many pairs there are in all.
    pub total: usize,
    /// For each value of the window: the groups it conflicts with that its finding names (the
    /// nearest ones), and how many it conflicts with in all.
    pub of_value: Vec<ValueConflicts>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ValueConflicts {
    pub named: Vec<usize>,
    pub count: usize,
}

/// A stated number at least the divergence factor below `larger`'s, while the two intervals
/// overlap, at least one of them states a point (not only a bound), and no origin group stands
/// behind both.
#[derive(Debug, Clone, PartialEq)]
pub struct Divergence {
    /// Indices into the window's values.
    pub value: usize,
    pub larger: usize,
    pub ratio: f64,
}

/// The ratio between two stated numbers, if the smaller is not zero.
pub fn ratio(smaller: Number, larger: Number) -> Option<f64> {
    (smaller > Number::ZERO).then(|| larger.get() / smaller.get())
}

/// `×6`, `×2.5`: a ratio as people say it.
pub fn format_ratio(ratio: f64) -> String {
    if ratio >= 10.0 || (ratio - ratio.round()).abs() < 0.05 {
        format!("×{}", ratio.round())
    } else {
        format!("×{ratio:.1}")
    }
}

/// Conflicts between counts: two values conflict when one's interval ends below the other's
/// start. The window's values are sorted by their lower end, so the values entirely above a value
/// are a suffix, and those entirely below are found among the upper ends sorted.
pub fn count_conflicts(base: &ClaimBase, window: &Window) -> Conflicts {
    let readings: Vec<Option<&Reading>> = window.values.iter().map(|v| v.reading(base)).collect();
    // Values the grammar read, in window order, which is by lower end.
    let read: Vec<(usize, &Reading)> = readings
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some((i, (*r)?)))
        .collect();
    let lows: Vec<Number> = read.iter().map(|(_, r)| r.low).collect();
    debug_assert!(lows.is_sorted());
    // Upper ends sorted, open ends last, with the value each belongs to.
    let mut highs: Vec<(Number, usize)> = read
        .iter()
        .filter_map(|&(i, r)| Some((r.high?, i)))
        .collect();
    highs.sort_unstable();
    let above_start = |high: Option<Number>| high.map(|h| lows.partition_point(|&low| low <= h));
    let mut conflicts = Conflicts {
        of_value: vec![ValueConflicts::default(); window.values.len()],
        ..Conflicts::default()
    };
    for &(i, reading) in &read {
        let above = above_start(reading.high).map_or(0..0, |start| start..read.len());
        let below = highs.partition_point(|&(high, _)| high < reading.low);
        let mut named: Vec<usize> = read[above.clone()]
            .iter()
            .take(NAMED_CONFLICTS)
            .map(|&(j, _)| j)
            .collect();
        named.extend(
            highs[..below]
                .iter()
                .rev()
                .take(NAMED_CONFLICTS - named.len().min(NAMED_CONFLICTS))
                .map(|&(_, j)| j),
        );
        conflicts.of_value[i] = ValueConflicts {
            named,
            count: above.len() + below,
        };
        conflicts.total += above.len();
        for &(j, _) in &read[above] {
            if conflicts.pairs.len() == LISTED_PAIRS {
                break;
            }
            conflicts.pairs.push(ConflictPair { lower: i, upper: j });
        }
    }
    conflicts
}

/// Conflicts between labels: every two different labels.
pub fn label_conflicts(window: &Window) -> Conflicts {
    let n = window.values.len();
    let mut conflicts = Conflicts {
        total: n * n.saturating_sub(1) / 2,
        ..Conflicts::default()
    };
    conflicts.of_value = (0..n)
        .map(|i| ValueConflicts {
            named: (0..n).filter(|&j| j != i).take(NAMED_CONFLICTS).collect(),
            count: n - 1,
        })
        .collect();
    'pairs: for lower in 0..n {
        for upper in lower + 1..n {
            if conflicts.pairs.len() == LISTED_PAIRS {
                break 'pairs;
            }
            conflicts.pairs.push(ConflictPair { lower, upper });
        }
    }
    conflicts
}

/// Whether a reading states a number as an estimate of the count itself (exact, approximate, a
/// best value), rather than only a bound on it.
fn states_a_point(reading: &Reading) -> bool {
    matches!(
        reading.rule,
        Rule::Exact | Rule::Approximate | Rule::Estimate
    ) && reading.point.is_some()
}

/// For each value with a stated number, the value with the largest stated number it diverges
/// from, if any. Two bounds never diverge, nor do two values one origin group stands behind.
pub fn divergences(base: &ClaimBase, window: &Window) -> Vec<Divergence> {
    let factor = base.config.compare.divergence_factor;
    let mut pointed: Vec<(usize, &Value, &Reading, Number)> = window
        .values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let reading = v.reading(base)?;
            Some((i, v, reading, reading.point?))
        })
        .collect();
    // Largest stated number first.
    pointed.sort_by(|a, b| b.3.cmp(&a.3).then(a.0.cmp(&b.0)));
    let shares_an_origin = |a: &Value, b: &Value| {
        a.origin_groups
            .iter()
            .any(|g| b.origin_groups.binary_search(g).is_ok())
    };
    let mut found = Vec::new();
    for &(value, v, reading, point) in &pointed {
        let partner = pointed
            .iter()
            .take(DIVERGENCE_SCAN)
            .take_while(|&&(_, _, _, larger)| {
                ratio(point, larger).is_some_and(|ratio| ratio >= factor)
            })
            .find(|&&(_, w, other, _)| {
                (states_a_point(reading) || states_a_point(other))
                    && reading.overlaps(other)
                    && !shares_an_origin(v, w)
            });
        if let Some(&(larger, _, _, larger_point)) = partner {
            found.push(Divergence {
                value,
                larger,
                ratio: ratio(point, larger_point).unwrap_or(f64::INFINITY),
            });
        }
    }
    found.sort_by_key(|d| d.value);
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{FIGURE, SOURCES, checked, claim};

    /// The window of `killed` and each value's text, for a base of claims with these values.
    fn window_of(values: &[&str]) -> (crate::Checked, Vec<String>) {
        let mut claims = FIGURE.to_string();
        // Each claim by a speaker of another origin group than its neighbours.
        let speakers = ["outlet", "watchdog", "government"];
        for (i, value) in values.iter().enumerate() {
            claims.push_str(&claim(&format!("c{i}"), value, speakers[i % 3], ""));
        }
        let checked = checked(SOURCES, &claims);
        let written = checked.analysis.comparisons[0].windows[0]
            .values
            .iter()
            .map(|v| v.written(&checked.base).to_string())
            .collect();
        (checked, written)
    }

    /// The conflicting pairs of the first window, as written values.
    fn pairs(checked: &crate::Checked, written: &[String]) -> Vec<(String, String)> {
        let window = &checked.analysis.comparisons[0].windows[0];
        window
            .conflicts
            .pairs
            .iter()
            .map(|p| (written[p.lower].clone(), written[p.upper].clone()))
            .collect()
    }

    #[test]
    fn every_pair_of_values_that_cannot_both_be_true_is_found_once() {
        let (checked, written) = window_of(&["at most 100", "at least 500", "at least 300", "200"]);
        let window = &checked.analysis.comparisons[0].windows[0];
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            pairs(&checked, &written),
            [
                pair("at most 100", "200"),
                pair("at most 100", "at least 300"),
                pair("at most 100", "at least 500"),
                pair("200", "at least 300"),
                pair("200", "at least 500"),
            ]
        );
        assert_eq!(window.conflicts.total, 5);
        let counts: Vec<usize> = window.conflicts.of_value.iter().map(|v| v.count).collect();
        assert_eq!(counts, [3, 3, 2, 2]);
    }

    #[test]
    fn two_disjoint_clusters_conflict_across_and_not_within() {
        let (checked, written) = window_of(&[
            "about 300",
            "between 280 and 320",
            "310",
            "1,500",
            "about 1,400",
        ]);
        let found = pairs(&checked, &written);
        assert_eq!(found.len(), 6, "{found:?}");
        let cluster = |v: &str| ["about 300", "between 280 and 320", "310"].contains(&v);
        assert!(
            found.iter().all(|(a, b)| cluster(a) && !cluster(b)),
            "{found:?}"
        );
    }

    #[test]
    fn a_stated_point_diverges_from_a_far_number_but_two_bounds_never_do() {
        let (checked, written) = window_of(&[
            "at least 5,000",
            "30,000",
            "at least 50,000",
            "up to 100,000",
        ]);
        let window = &checked.analysis.comparisons[0].windows[0];
        let named: Vec<(&str, &str, String)> = window
            .divergences
            .iter()
            .map(|d| {
                (
                    written[d.value].as_str(),
                    written[d.larger].as_str(),
                    format_ratio(d.ratio),
                )
            })
            .collect();
        // "at least 50,000" and "up to 100,000" bracket each other: no divergence between bounds;
        // "at least 5,000" and "up to 100,000" are bounds too.
        assert_eq!(
            named,
            [
                ("at least 5,000", "30,000", "×6".to_string()),
                ("30,000", "up to 100,000", "×3.3".to_string()),
            ]
        );
    }

    #[test]
    fn one_partys_own_range_does_not_diverge() {
        let claims = [
            FIGURE.to_string(),
            claim("central", "50 million", "watchdog", ""),
            claim("upper", "about 100 million", "watchdog", ""),
            claim("other", "at most 150 million", "outlet", ""),
        ]
        .concat();
        let checked = checked(SOURCES, &claims);
        let window = &checked.analysis.comparisons[0].windows[0];
        let written: Vec<String> = window
            .values
            .iter()
            .map(|v| v.written(&checked.base).to_string())
            .collect();
        let named: Vec<(&str, &str)> = window
            .divergences
            .iter()
            .map(|d| (written[d.value].as_str(), written[d.larger].as_str()))
            .collect();
        assert_eq!(named, [("50 million", "at most 150 million")]);
    }

    #[test]
    fn ratios_read_as_people_say_them() {
        assert_eq!(format_ratio(6.0), "×6");
        assert_eq!(format_ratio(2.5), "×2.5");
        assert_eq!(format_ratio(12.4), "×12");
        let count = |n| Number::count(n).unwrap();
        assert_eq!(ratio(count(0), count(5)), None);
        assert_eq!(ratio(count(2), count(5)), Some(2.5));
    }
}
