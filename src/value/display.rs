//! How a reading is shown: its interval with thousands separators (and "%" for shares) and its
//! rule with the detail and hedge it was read with.

use super::number::Number;
use super::reading::{Detail, Measure, Reading, Rule};

impl Reading {
    /// Rule tag with detail for display: "exact", "approximate ±10%", "vague: thousands",
    /// "exact (hedged: probably)", "range, open upper end".
    pub fn describe(&self) -> String {
        let rule = self.rule.as_str();
        let mut described = match &self.detail {
            Detail::None => rule.to_string(),
            Detail::Tolerance { tolerance, below } => {
                let sign = if *below { "−" } else { "±" };
                format!("{rule} {sign}{}%", percent(*tolerance))
            }
            Detail::Vague(word) => format!("{rule}: {word}"),
        };
        if self.rule == Rule::Range && self.high.is_none() {
            described.push_str(", open upper end");
        }
        if let Some(hedge) = &self.hedge {
            described.push_str(&format!(" (hedged: {hedge})"));
        }
        described
    }

    /// "[5,000, ∞)", "[1,350, 1,650]", "30,000" when both ends are equal; shares end in "%".
    pub fn interval_text(&self) -> String {
        let show = |n: Number| match self.measure {
            Measure::Count => n.to_string(),
            Measure::Share => format!("{n}%"),
        };
        let low = show(self.low);
        match self.high {
            None => format!("[{low}, ∞)"),
            Some(high) if high == self.low => low,
            Some(high) => format!("[{low}, {}]", show(high)),
        }
    }
}

/// A tolerance as a percentage, with as many decimals as it needs: 0.1 -> "10", 0.025 -> "2.5".
fn percent(tolerance: f64) -> String {
    let text = format!("{:.4}", tolerance * 100.0);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}
