//! Where the values of one window disagree, worked out once for checks and views alike: pairs of
//! values that cannot both be true (conflicts) and stated numbers that lie far apart although both
//! can be true (divergences). Each value is set against the window's extreme, so the work stays
//! near-linear in the values.

use super::compare::{Value, ValueKey, Window};
use crate::model::ClaimBase;
use crate::value::Number;

/// A value that cannot be true together with `against`, the window's value with the highest lower
/// end (counts) or the label most claims give (labels).
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// Indices into the window's values.
    pub value: usize,
    pub against: usize,
    /// How many other values of the window the value also conflicts with.
    pub others: usize,
}

/// A stated number that lies at least the divergence factor below the window's largest stated
/// number, while their intervals overlap.
#[derive(Debug, Clone, PartialEq)]
pub struct Divergence {
    /// Indices into the window's values.
    pub value: usize,
    pub largest: usize,
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

pub fn count_conflicts(base: &ClaimBase, window: &Window) -> Vec<Conflict> {
    let readings: Vec<_> = window
        .values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| Some((i, v.reading(base)?)))
        .collect();
    let Some(&(highest, highest_reading)) = readings.iter().max_by_key(|(_, r)| r.low) else {
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
            Some(Conflict {
                value,
                against: highest,
                others: above.saturating_sub(1),
            })
        })
        .collect()
}

/// Each label is set against the one most claims give, so a window yields one conflict per label.
pub fn label_conflicts(window: &Window) -> Vec<Conflict> {
    let Some((common, common_value)) = window.values.iter().enumerate().max_by(|(_, a), (_, b)| {
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
        .enumerate()
        .filter(|(_, value)| value.key != common_value.key)
        .filter(|(_, value)| matches!(value.key, ValueKey::Label(_)))
        .map(|(value, _)| Conflict {
            value,
            against: common,
            others: 0,
        })
        .collect()
}

pub fn divergences(base: &ClaimBase, window: &Window) -> Vec<Divergence> {
    let factor = base.config.compare.divergence_factor;
    let pointed: Vec<_> = window
        .values
        .iter()
        .enumerate()
        .filter_map(|(i, v): (usize, &Value)| {
            let reading = v.reading(base)?;
            Some((i, reading, reading.point?))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{FIGURE, SOURCES, checked, claim};

    /// The window of `killed` and each value's text, for a base of claims with these values.
    fn window_of(values: &[&str]) -> (crate::Checked, Vec<String>) {
        let mut claims = FIGURE.to_string();
        for (i, value) in values.iter().enumerate() {
            claims.push_str(&claim(&format!("c{i}"), value, "outlet", ""));
        }
        let checked = checked(SOURCES, &claims);
        let written = checked.analysis.comparisons[0].windows[0]
            .values
            .iter()
            .map(|v| v.written(&checked.base).to_string())
            .collect();
        (checked, written)
    }

    #[test]
    fn a_value_below_the_highest_lower_end_conflicts_and_counts_the_others() {
        let (checked, written) = window_of(&["at most 100", "at least 500", "at least 300", "200"]);
        let window = &checked.analysis.comparisons[0].windows[0];
        let named: Vec<(&str, &str, usize)> = window
            .conflicts
            .iter()
            .map(|c| {
                (
                    written[c.value].as_str(),
                    written[c.against].as_str(),
                    c.others,
                )
            })
            .collect();
        assert_eq!(
            named,
            [
                ("at most 100", "at least 500", 2),
                ("200", "at least 500", 1)
            ]
        );
    }

    #[test]
    fn stated_numbers_far_apart_diverge_only_when_they_overlap() {
        let (checked, written) = window_of(&[
            "at least 5,000",
            "30,000",
            "at least 14,000",
            "about 12,000",
        ]);
        let window = &checked.analysis.comparisons[0].windows[0];
        let named: Vec<(&str, String)> = window
            .divergences
            .iter()
            .map(|d| (written[d.value].as_str(), format_ratio(d.ratio)))
            .collect();
        assert_eq!(
            named,
            [
                ("at least 5,000", "×6".to_string()),
                ("at least 14,000", "×2.1".to_string())
            ]
        );
        // "about 12,000" lies too far from 30,000 to overlap: a conflict, never a divergence.
        assert_eq!(window.conflicts.len(), 1);
        assert_eq!(written[window.conflicts[0].value], "about 12,000");
        assert_eq!(
            checked.analysis.comparisons[0].widest_divergence(),
            Some(6.0)
        );
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
