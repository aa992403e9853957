//! The `[values]` settings of claimtrack.toml: the decimal mark, approximation words with their
//! tolerances and vague quantity words with their intervals, and the documented defaults.

use std::collections::BTreeMap;

/// Settings from the `[values]` table of claimtrack.toml; Default gives the documented defaults.
/// A table that is given replaces the default table as a whole.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ValueSettings {
    /// The decimal mark digits are written with; the other of "." and "," separates thousands.
    pub decimal: DecimalMark,
    /// Approximation word -> relative tolerance (0.10 = ±10%). The words in `BELOW_WORDS`
    /// ("nearly", "almost", "close to") only widen downwards: they mean "just below n".
    pub tolerance: BTreeMap<String, f64>,
    /// Vague quantity word -> [low, high].
    pub vague: BTreeMap<String, [u64; 2]>,
}

impl Default for ValueSettings {
    fn default() -> Self {
        let approximations =
            "about|around|roughly|approximately|some|~|≈|approx.|nearly|almost|close to";
        let vague = [
            // Bare plurals are used loosely, for counts of their order or the next ("thousands
            // killed" of 30,000); phrases naming an order or "several" stay within it.
            ("a handful", [3, 10]),
            ("dozens", [24, 199]),
            ("scores", [40, 199]),
            ("hundreds", [200, 9_999]),
            ("several hundred", [200, 999]),
            ("thousands", [2_000, 99_999]),
            ("several thousand", [2_000, 9_999]),
            ("tens of thousands", [20_000, 99_999]),
            ("hundreds of thousands", [200_000, 999_999]),
            ("millions", [2_000_000, 99_999_999]),
        ];
        ValueSettings {
            decimal: DecimalMark::Point,
            tolerance: approximations
                .split('|')
                .map(|word| (word.to_string(), 0.10))
                .collect(),
            vague: vague
                .iter()
                .map(|(word, bounds)| (word.to_string(), *bounds))
                .collect(),
        }
    }
}

/// `decimal = "."` (the default) or `decimal = ","`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
pub enum DecimalMark {
    #[default]
    #[serde(rename = ".")]
    Point,
    #[serde(rename = ",")]
    Comma,
}

impl DecimalMark {
    pub fn char(self) -> char {
        match self {
            DecimalMark::Point => '.',
            DecimalMark::Comma => ',',
        }
    }

    /// The mark that separates thousands under this setting.
    pub fn other(self) -> char {
        match self {
            DecimalMark::Point => ',',
            DecimalMark::Comma => '.',
        }
    }

    /// The setting as written in claimtrack.toml, for messages.
    pub(super) fn setting_text(self) -> String {
        format!("decimal = \"{}\"", self.char())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_decimal_mark_is_read_from_claimtrack_toml() {
        let read = |text: &str| toml::from_str::<ValueSettings>(text).map(|s| s.decimal);
        assert_eq!(read(""), Ok(DecimalMark::Point));
        assert_eq!(read("decimal = \".\""), Ok(DecimalMark::Point));
        assert_eq!(read("decimal = \",\""), Ok(DecimalMark::Comma));
        let error = read("decimal = \";\"").unwrap_err().to_string();
        assert!(
            error.contains("unknown variant `;`, expected `.` or `,`"),
            "{error}"
        );
    }
}
