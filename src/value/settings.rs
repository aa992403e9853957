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
        let approximations = "about|around|roughly|approximately|some|~|≈|approx.|circa|c.|ca.\
            |in the vicinity of|in the region of|more or less|nearly|almost|close to|just under\
            |just below|just short of|slightly under|slightly below|slightly less than\
            |a little under|a little less than";
        // "Of the order of" names a magnitude rather than a figure: half the number either way
        // stays within it.
        let magnitudes = ["of the order of", "on the order of"];
        let tolerance = approximations
            .split('|')
            .map(|word| (word.to_string(), 0.10))
            .chain(magnitudes.map(|word| (word.to_string(), 0.5)))
            .collect();
        ValueSettings {
            decimal: DecimalMark::Point,
            tolerance,
            vague: default_vague_words().collect(),
        }
    }
}

/// The default vague words and their intervals; docs/report.md gives the reason for each.
fn default_vague_words() -> impl Iterator<Item = (String, [u64; 2])> {
    let fixed = [
        ("a handful", [3, 10]),
        ("dozens", [24, 199]),
        // As "several" and "a few" of the other orders: two to nine dozen, two to five.
        ("several dozen", [24, 119]),
        ("a few dozen", [24, 71]),
        ("scores", [40, 199]),
    ];
    let scales = [
        ("hundred", 100),
        ("thousand", 1_000),
        ("million", 1_000_000),
        ("billion", 1_000_000_000),
    ];
    let per_scale = scales.into_iter().flat_map(|(word, s)| {
        [
            // A bare plural is used loosely, for counts of its order or the next ("thousands
            // killed" of 30,000).
            (format!("{word}s"), [2 * s, 100 * s - 1]),
            // "Many" is more than "a few" and, like the bare plural, may reach the next order.
            (format!("many {word}s"), [5 * s, 100 * s - 1]),
            // "Several" and "a few" stay within the order they name; "a few" is two to five.
            (format!("several {word}"), [2 * s, 10 * s - 1]),
            (format!("a few {word}"), [2 * s, 6 * s - 1]),
        ]
    });
    // "Tens of" and "hundreds of" an order name the next order up and stay within it.
    let orders = [
        ("tens of thousands", [20_000, 99_999]),
        ("hundreds of thousands", [200_000, 999_999]),
        ("tens of millions", [20_000_000, 99_999_999]),
        ("hundreds of millions", [200_000_000, 999_999_999]),
        ("tens of billions", [20_000_000_000, 99_999_999_999]),
    ];
    fixed
        .into_iter()
        .chain(orders)
        .map(|(word, bounds)| (word.to_string(), bounds))
        .chain(per_scale)
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
    pub(super) fn setting_text(self) -> &'static str {
        match self {
            DecimalMark::Point => "`[values] decimal = \".\"`",
            DecimalMark::Comma => "`[values] decimal = \",\"`",
        }
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
