//! The horizontal axis of a range plot: linear from zero, or logarithmic when the numbers span more
//! than ×10, with ticks at round numbers labelled as people read them ("5,000", "1.5 M").

/// Numbers spanning more than this ratio get a logarithmic axis.
const LOG_ABOVE_RATIO: f64 = 10.0;

/// Maps numbers onto `[0, 1]` along the axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    pub log: bool,
    pub min: f64,
    pub max: f64,
}

impl Axis {
    /// An axis holding every number in `numbers` (ends and points of the plotted intervals), with
    /// room to the right for arrows when `open_upwards`. `None` when there is no finite number.
    pub fn fitting(numbers: &[f64], open_upwards: bool) -> Option<Axis> {
        let finite = || numbers.iter().copied().filter(|n| n.is_finite());
        let largest = finite().fold(f64::NEG_INFINITY, f64::max);
        if !largest.is_finite() {
            return None;
        }
        let smallest_positive = finite().filter(|&n| n > 0.0).fold(f64::INFINITY, f64::min);
        // Room past the largest number so an open end shows as an arrow, not a point.
        let reach = if open_upwards { largest * 1.5 } else { largest };
        if smallest_positive.is_finite() && largest / smallest_positive > LOG_ABOVE_RATIO {
            let min = 10f64.powf(smallest_positive.log10().floor());
            let max = 10f64.powf(reach.log10().ceil()).max(min * 10.0);
            return Some(Axis {
                log: true,
                min,
                max,
            });
        }
        let max = if reach > 0.0 {
            nice_ceiling(reach)
        } else {
            1.0
        };
        Some(Axis {
            log: false,
            min: 0.0,
            max,
        })
    }

    /// Where `n` falls, 0 at the left end and 1 at the right; numbers outside are clamped, and zero
    /// on a log axis sits at the left end.
    pub fn position(&self, n: f64) -> f64 {
        let at = if self.log {
            if n <= 0.0 {
                return 0.0;
            }
            (n.log10() - self.min.log10()) / (self.max.log10() - self.min.log10())
        } else {
            (n - self.min) / (self.max - self.min)
        };
        at.clamp(0.0, 1.0)
    }

    /// Whether `n` lies left of what the axis shows (zero on a log axis).
    pub fn below(&self, n: f64) -> bool {
        n < self.min
    }

    /// Round numbers to mark along the axis, in order.
    pub fn ticks(&self) -> Vec<f64> {
        if !self.log {
            let step = nice_step(self.max / 5.0);
            let count = (self.max / step).round() as usize;
            return (0..=count).map(|i| i as f64 * step).collect();
        }
        let first = self.min.log10().round() as i32;
        let last = self.max.log10().round() as i32;
        let decades = last - first;
        let multiples: &[f64] = match decades {
            0..=2 => &[1.0, 2.0, 5.0],
            3..=4 => &[1.0, 3.0],
            _ => &[1.0],
        };
        let every = if decades > 8 { 2 } else { 1 };
        let mut ticks = Vec::new();
        for exponent in (first..=last).step_by(every) {
            for &m in multiples {
                let tick = m * 10f64.powi(exponent);
                if tick <= self.max * 1.000_001 {
                    ticks.push(tick);
                }
            }
        }
        ticks
    }
}

/// The smallest of 1, 2, 2.5, 5 × 10^k that is at least `n`.
fn nice_ceiling(n: f64) -> f64 {
    let magnitude = 10f64.powf(n.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|&candidate| candidate >= n)
        .unwrap_or(10.0 * magnitude)
}

/// A round step near `rough`: 1, 2 or 5 × 10^k, at least 1 for counts of small things.
fn nice_step(rough: f64) -> f64 {
    if rough <= 1.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(rough.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|&candidate| candidate >= rough)
        .unwrap_or(10.0 * magnitude)
}

/// "950", "5,000", "250,000", "1.5 M", "2 B": a number as a tick label or a value in the plot.
pub fn label(n: f64) -> String {
    let (scaled, suffix) = if n >= 1e9 {
        (n / 1e9, " B")
    } else if n >= 1e6 {
        (n / 1e6, " M")
    } else {
        return with_separators(n);
    };
    let text = format!("{scaled:.1}");
    let text = text.strip_suffix(".0").unwrap_or(&text);
    format!("{text}{suffix}")
}

fn with_separators(n: f64) -> String {
    if n.fract() != 0.0 && n < 1000.0 {
        let text = format!("{n:.2}");
        return text.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    let digits = format!("{:.0}", n.round());
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_read_as_people_write_numbers() {
        assert_eq!(label(0.0), "0");
        assert_eq!(label(950.0), "950");
        assert_eq!(label(5000.0), "5,000");
        assert_eq!(label(250_000.0), "250,000");
        assert_eq!(label(1_500_000.0), "1.5 M");
        assert_eq!(label(2_000_000.0), "2 M");
        assert_eq!(label(3_000_000_000.0), "3 B");
        assert_eq!(label(2.5), "2.5");
    }

    #[test]
    fn numbers_within_ten_times_get_a_linear_axis_from_zero() {
        let axis = Axis::fitting(&[2800.0, 3800.0, 5000.0], false).unwrap();
        assert!(!axis.log);
        assert_eq!((axis.min, axis.max), (0.0, 5000.0));
        assert_eq!(axis.ticks(), [0.0, 1000.0, 2000.0, 3000.0, 4000.0, 5000.0]);
        assert_eq!(axis.position(2500.0), 0.5);
    }

    #[test]
    fn numbers_spanning_more_than_ten_times_get_a_log_axis_with_round_ticks() {
        let axis = Axis::fitting(&[2000.0, 5000.0, 30_000.0, 99_999.0], false).unwrap();
        assert!(axis.log);
        assert_eq!((axis.min, axis.max), (1000.0, 100_000.0));
        let labels: Vec<String> = axis.ticks().into_iter().map(label).collect();
        assert_eq!(
            labels,
            [
                "1,000", "2,000", "5,000", "10,000", "20,000", "50,000", "100,000"
            ]
        );
        assert!((axis.position(10_000.0) - 0.5).abs() < 1e-9);
        assert_eq!(axis.position(0.0), 0.0);
        assert!(axis.below(0.0));
    }

    #[test]
    fn an_open_end_leaves_room_to_the_right() {
        let closed = Axis::fitting(&[5000.0], false).unwrap();
        let open = Axis::fitting(&[5000.0], true).unwrap();
        assert_eq!(closed.max, 5000.0);
        assert!(open.max > 5000.0 && open.position(5000.0) < 0.9);
    }

    #[test]
    fn nothing_to_plot_gives_no_axis_and_zero_alone_gives_a_unit_axis() {
        assert_eq!(Axis::fitting(&[], false), None);
        assert_eq!(Axis::fitting(&[0.0], false).unwrap().max, 1.0);
    }
}
