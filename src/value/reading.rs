//! What a value reads as: an interval with its point, the rule that produced it and the detail
//! (tolerance, vague word) a reader needs to see how it was read.

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

/// A count read as an interval.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Reading {
    pub low: u64,
    /// None = open upwards.
    pub high: Option<u64>,
    /// The number stated, when one is: "about 1,500" -> 1500; ranges and vague words -> None.
    pub point: Option<u64>,
    pub rule: Rule,
    pub detail: Detail,
}

impl Reading {
    pub fn exact(n: u64) -> Self {
        reading(n, Some(n), Some(n), Rule::Exact)
    }

    pub fn overlaps(&self, other: &Reading) -> bool {
        self.low <= other.high.unwrap_or(u64::MAX) && other.low <= self.high.unwrap_or(u64::MAX)
    }

    pub(super) fn with_detail(self, detail: Detail) -> Self {
        Reading { detail, ..self }
    }
}

pub(super) fn reading(low: u64, high: Option<u64>, point: Option<u64>, rule: Rule) -> Reading {
    Reading {
        low,
        high,
        point,
        rule,
        detail: Detail::None,
    }
}
