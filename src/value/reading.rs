//! What a value reads as: an interval with its point (the best value), the rule that produced it,
//! whether it counts or gives a share, and the detail (tolerance, vague word, hedge) a reader
//! needs to see how it was read.

use super::number::Number;

/// How a value's text was read; shown next to every value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    Exact,
    AtLeast,
    AtMost,
    Approximate,
    Range,
    Vague,
    /// A central value with an interval around it: "17.4 million (95% CI 10.2–25.1 million)".
    Estimate,
}

impl Rule {
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Exact => "exact",
            Rule::AtLeast => "at-least",
            Rule::AtMost => "at-most",
            Rule::Approximate => "approximate",
            Rule::Range => "range",
            Rule::Vague => "vague",
            Rule::Estimate => "estimate",
        }
    }
}

/// What a figure's values measure: a count of things, or a share of a whole in percent
/// (a figure with `unit = "percent"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    #[default]
    Count,
    Share,
}

impl Measure {
    /// The units that make a figure's values shares.
    pub const SHARE_UNITS: [&str; 3] = ["percent", "%", "per cent"];

    pub fn of_unit(unit: Option<&str>) -> Measure {
        let is_share = unit.is_some_and(|unit| {
            let unit = unit.trim().to_lowercase();
            Measure::SHARE_UNITS.contains(&unit.as_str())
        });
        if is_share {
            Measure::Share
        } else {
            Measure::Count
        }
    }
}

/// What a reading was read with, beyond its rule, so that it can describe itself.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Detail {
    None,
    /// An approximation word's relative tolerance; `below` for words meaning "just below n".
    Tolerance {
        tolerance: f64,
        below: bool,
    },
    /// The vague word as the settings name it.
    Vague(String),
}

/// A value read as an interval.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Reading {
    pub low: Number,
    /// None = open upwards.
    pub high: Option<Number>,
    /// The best value, when the source states one: "about 1,500" -> 1500, the central value of an
    /// estimate; ranges and vague words -> None.
    pub point: Option<Number>,
    pub rule: Rule,
    pub measure: Measure,
    pub detail: Detail,
    /// The hedge or estimate marker as written ("probably", "an estimated"), which the rule tag
    /// keeps visible.
    pub hedge: Option<Box<str>>,
}

impl Reading {
    /// An exact count; None from 2^53 on.
    pub fn exact(n: u64) -> Option<Self> {
        let n = Number::count(n)?;
        Some(Reading::new(n, Some(n), Some(n), Rule::Exact))
    }

    pub(super) fn new(
        low: Number,
        high: Option<Number>,
        point: Option<Number>,
        rule: Rule,
    ) -> Self {
        Reading {
            low,
            high,
            point,
            rule,
            measure: Measure::Count,
            detail: Detail::None,
            hedge: None,
        }
    }

    /// The reading as a lower bound of a larger whole: from its lower end up, keeping the number
    /// it states. A count of documented cases reads so.
    pub fn at_least(&self) -> Reading {
        Reading {
            high: None,
            rule: Rule::AtLeast,
            ..self.clone()
        }
    }

    /// "approximate", or "approximate (hedged)" when a hedge qualifies it.
    pub fn tag(&self) -> String {
        match self.hedge {
            Some(_) => format!("{} (hedged)", self.rule.as_str()),
            None => self.rule.as_str().to_string(),
        }
    }

    pub fn overlaps(&self, other: &Reading) -> bool {
        let below = |low: Number, high: Option<Number>| high.is_none_or(|high| low <= high);
        below(self.low, other.high) && below(other.low, self.high)
    }

    /// The numbers the value states: the point and the ends of a range or estimate; none for a
    /// vague quantity.
    pub fn stated(&self) -> Vec<Number> {
        let ends = [Some(self.low), self.high].into_iter().flatten();
        match self.rule {
            Rule::Vague => Vec::new(),
            Rule::Range => ends.collect(),
            Rule::Estimate => self.point.into_iter().chain(ends).collect(),
            _ => self.point.into_iter().collect(),
        }
    }
}
