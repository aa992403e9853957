//! Values of count figures in every form of the value grammar, with the words a quote uses for
//! them. Number words, group separators and vague bounds come from `claimtrack::value`, so every
//! value written is one the grammar reads the way the generator meant.

use crate::rng::Rng;
use claimtrack::value::{Number, SMALL_NUMBERS, TENS, ValueSettings};

/// The vague words values use: those that read naturally as "{word} of people". Their bounds are
/// the grammar's defaults.
const VAGUE_WORDS: [&str; 6] = [
    "dozens",
    "hundreds",
    "thousands",
    "tens of thousands",
    "hundreds of thousands",
    "millions",
];

/// Each of [`VAGUE_WORDS`] with its interval in the grammar's default settings.
pub struct VagueWords(Vec<(&'static str, u64, u64)>);

impl VagueWords {
    /// Fails when the grammar no longer knows one of the words, rather than writing values it
    /// would read differently.
    pub fn from_grammar() -> Result<Self, String> {
        let defaults = ValueSettings::default().vague;
        VAGUE_WORDS
            .iter()
            .map(|&word| match defaults.get(word) {
                Some(&[low, high]) => Ok((word, low, high)),
                None => Err(format!("the value grammar has no vague word `{word}`")),
            })
            .collect::<Result<_, _>>()
            .map(VagueWords)
    }
}

/// `30000` -> `30,000`, with the separators the report shows.
pub fn with_separators(n: u64) -> String {
    Number::count(n).map_or_else(|| n.to_string(), |n| n.to_string())
}

/// Words for 1..=99: `forty-two`.
fn words_below_100(n: u64) -> String {
    if n < 20 {
        SMALL_NUMBERS[n as usize].to_string()
    } else if n.is_multiple_of(10) {
        TENS[(n / 10 - 2) as usize].to_string()
    } else {
        format!(
            "{}-{}",
            TENS[(n / 10 - 2) as usize],
            SMALL_NUMBERS[(n % 10) as usize]
        )
    }
}

/// Round to two significant digits, as sources round.
pub fn round2(n: u64) -> u64 {
    if n < 100 {
        return n.max(1);
    }
    let mut scale = 1u64;
    while n / scale >= 100 {
        scale *= 10;
    }
    ((n + scale / 2) / scale) * scale
}

/// A number near `n`, within ±`spread` (0.2 = ±20%), rounded.
fn near(rng: &mut Rng, n: u64, spread: f64) -> u64 {
    let factor = 1.0 + spread * (2.0 * (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 - 1.0);
    round2(((n as f64) * factor).max(1.0) as u64)
}

pub enum Value {
    Integer(u64),
    Text(String),
}

/// A value and the words the quote uses for it.
pub struct Stated {
    pub value: Value,
    pub in_quote: String,
}

pub fn text(value: String) -> Stated {
    Stated {
        in_quote: value.clone(),
        value: Value::Text(value),
    }
}

/// The number `n` as a TOML integer or as digits with separators, quoted the same way.
pub fn exact(n: u64, as_integer: bool) -> Stated {
    if as_integer {
        Stated {
            value: Value::Integer(n),
            in_quote: with_separators(n),
        }
    } else {
        text(with_separators(n))
    }
}

/// A value on a count figure whose sources state the numbers `canon` (one or two), in one of the
/// grammar's forms. Bounds, approximations, ranges and vague words are chosen to hold the stated
/// numbers, so the only conflicts are between different exact numbers and from
/// [`conflicting_value`].
pub fn count_value(rng: &mut Rng, canon: &[u64], vague: &VagueWords) -> Stated {
    let n = canon[rng.below(canon.len())];
    let lo = *canon.iter().min().unwrap_or(&n);
    let hi = *canon.iter().max().unwrap_or(&n);
    let digits = |n: u64| text(with_separators(n));
    match rng.below(22) {
        0 | 1 => exact(n, true),
        2 | 3 => digits(n),
        4 => {
            // "1.5 million" / "12k"
            if n >= 1_000_000 && n.is_multiple_of(100_000) {
                let tenths = n / 100_000;
                if tenths.is_multiple_of(10) {
                    text(format!("{} million", tenths / 10))
                } else {
                    text(format!("{}.{} million", tenths / 10, tenths % 10))
                }
            } else if n >= 1_000 && n.is_multiple_of(1_000) {
                text(format!("{}k", n / 1_000))
            } else {
                digits(n)
            }
        }
        5 => {
            // number words: "thirty thousand", "forty-two", "three hundred", "two million"
            if n.is_multiple_of(1_000_000) && (1..100).contains(&(n / 1_000_000)) {
                text(format!("{} million", words_below_100(n / 1_000_000)))
            } else if n.is_multiple_of(1_000) && (1..100).contains(&(n / 1_000)) {
                text(format!("{} thousand", words_below_100(n / 1_000)))
            } else if n.is_multiple_of(100) && (1..10).contains(&(n / 100)) {
                text(format!("{} hundred", words_below_100(n / 100)))
            } else if (1..100).contains(&n) {
                text(words_below_100(n))
            } else {
                digits(n)
            }
        }
        // Bounds sit beyond the stated numbers, so they agree with them.
        6..=8 => {
            let low = with_separators(near(rng, lo * 7 / 10, 0.1));
            let word = ["at least", "more than", "over"][rng.below(3)];
            text(format!("{word} {low}"))
        }
        9..=11 => {
            let high = with_separators(near(rng, hi * 14 / 10, 0.1));
            let word = ["at most", "up to", "fewer than"][rng.below(3)];
            text(format!("{word} {high}"))
        }
        12 => text(format!("about {}", with_separators(n))),
        13 => text(format!("roughly {}", with_separators(n))),
        14 => text(format!("nearly {}", with_separators(n))),
        15 => text(format!("around {}", with_separators(n))),
        16 | 17 => {
            let low = near(rng, lo * 8 / 10, 0.05).max(1);
            let high = near(rng, hi * 5 / 4, 0.05).max(low + 1);
            let (low, high) = (with_separators(low), with_separators(high));
            match rng.below(3) {
                0 => text(format!("{low} to {high}")),
                1 => text(format!("between {low} and {high}")),
                _ => text(format!("{low}–{high}")),
            }
        }
        _ => {
            // A vague word whose interval holds the stated numbers with some room.
            let fits = vague
                .0
                .iter()
                .filter(|(_, low, high)| lo * 3 / 4 >= *low && hi * 5 / 4 <= *high)
                .map(|(word, ..)| *word)
                .collect::<Vec<_>>();
            if fits.is_empty() {
                text(format!("approximately {}", with_separators(n)))
            } else {
                let word = fits[rng.below(fits.len())];
                Stated {
                    value: Value::Text(word.to_string()),
                    in_quote: format!("{word} of"),
                }
            }
        }
    }
}

/// A value that overlaps none of the stated numbers `canon`: a conflict on the figure.
pub fn conflicting_value(rng: &mut Rng, canon: &[u64]) -> Stated {
    let lo = *canon.iter().min().unwrap_or(&1);
    let hi = *canon.iter().max().unwrap_or(&1);
    if lo >= 40 && rng.chance(0.5) {
        text(format!("at most {}", with_separators(round2(lo / 4))))
    } else {
        let n = round2(hi.saturating_mul(4));
        if rng.chance(0.5) {
            text(format!("at least {}", with_separators(n)))
        } else {
            exact(n, true)
        }
    }
}
