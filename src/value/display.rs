//! How a reading is shown: its interval with thousands separators and its rule with the detail
//! it was read with.

use super::reading::{Detail, Reading};

impl Reading {
    /// Rule tag with detail for display: "exact", "approximate ±10%", "vague: thousands", ...
    pub fn describe(&self) -> String {
        let rule = self.rule.as_str();
        match &self.detail {
            Detail::None => rule.to_string(),
            Detail::Tolerance { tolerance, below } => {
                let sign = if *below { "−" } else { "±" };
                format!("{rule} {sign}{}%", percent(*tolerance))
            }
            Detail::Vague(word) => format!("{rule}: {word}"),
        }
    }

    /// "[5,000, ∞)", "[1,350, 1,650]", or "30,000" when both ends are equal.
    pub fn interval_text(&self) -> String {
        let low = with_separators(self.low);
        match self.high {
            None => format!("[{low}, ∞)"),
            Some(high) if high == self.low => low,
            Some(high) => format!("[{low}, {}]", with_separators(high)),
        }
    }
}

/// A tolerance as a percentage, with as many decimals as it needs: 0.1 -> "10", 0.025 -> "2.5".
fn percent(tolerance: f64) -> String {
    let text = format!("{:.4}", tolerance * 100.0);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

pub(super) fn with_separators(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}
