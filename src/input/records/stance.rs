//! How a claim's value stands: what kind of number it is (`measure`) and how its speaker stands to
//! it (`stance`).

use schemars::JsonSchema;
use serde::Deserialize;

/// What kind of number a claim's value is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, serde::Serialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum ClaimMeasure {
    /// An estimate of the whole count (the default).
    #[default]
    Estimate,
    /// A count of identified cases: a lower bound of the whole.
    Documented,
    /// A count confirmed by a date, still rising: a lower bound of the whole.
    ConfirmedSoFar,
    /// An authority's own figure.
    Official,
    /// A forecast or model projection.
    Projection,
}

impl ClaimMeasure {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimMeasure::Estimate => "estimate",
            ClaimMeasure::Documented => "documented",
            ClaimMeasure::ConfirmedSoFar => "confirmed-so-far",
            ClaimMeasure::Official => "official",
            ClaimMeasure::Projection => "projection",
        }
    }

    /// Whether the value counts only what is known so far, so the whole may be any larger number.
    pub fn is_lower_bound(self) -> bool {
        matches!(
            self,
            ClaimMeasure::Documented | ClaimMeasure::ConfirmedSoFar
        )
    }
}

/// How the speaker stands to the value.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, serde::Serialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Stance {
    /// The speaker states the value as its own (the default).
    #[default]
    Asserts,
    /// The speaker repeats a value without endorsing it.
    Reports,
    /// The speaker rejects the claims named in `disputes`.
    Disputes,
}

impl Stance {
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Asserts => "asserts",
            Stance::Reports => "reports",
            Stance::Disputes => "disputes",
        }
    }
}
