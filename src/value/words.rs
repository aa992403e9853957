//! Number words: whole numbers ("one hundred and fifty", "thirty-two", "a dozen", "two million"),
//! fractions ("a third", "two-thirds", "half"), and the scale words that multiply digits
//! ("12k", "1.5 million").

use super::number::Ratio;
use super::parser::Parser;

/// Number words below twenty, in order: their index is their value.
pub const SMALL_NUMBERS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
/// "twenty" to "ninety", in order: index 0 is twenty.
pub const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
/// Fraction words, singular and plural, with their denominator.
const FRACTIONS: [(&str, &str, u128); 10] = [
    ("half", "halves", 2),
    ("third", "thirds", 3),
    ("quarter", "quarters", 4),
    ("fourth", "fourths", 4),
    ("fifth", "fifths", 5),
    ("sixth", "sixths", 6),
    ("seventh", "sevenths", 7),
    ("eighth", "eighths", 8),
    ("ninth", "ninths", 9),
    ("tenth", "tenths", 10),
];

/// Scale words after digits: "12k", "1.5 million", "3 dozen".
pub(super) fn digit_scale(word: &str) -> Option<u64> {
    match word {
        "dozen" => Some(12),
        "hundred" => Some(100),
        "k" | "thousand" => Some(1_000),
        "m" | "mn" | "million" => Some(1_000_000),
        "bn" | "billion" => Some(1_000_000_000),
        "trillion" => Some(1_000_000_000_000),
        _ => None,
    }
}

/// Scale words that multiply everything before them in number words ("two dozen").
pub(super) fn word_scale(word: &str) -> Option<u64> {
    match word {
        "dozen" | "thousand" | "million" | "billion" | "trillion" => digit_scale(word),
        _ => None,
    }
}

fn position_in(list: &[&str], word: &str) -> Option<u64> {
    list.iter()
        .position(|known| *known == word)
        .and_then(|n| u64::try_from(n).ok())
}

/// "third", "thirds", "half": a word that makes the number before it a fraction.
pub(super) fn is_fraction_word(word: &str) -> bool {
    word == "half"
        || FRACTIONS
            .iter()
            .any(|&(one, more, _)| word == one || word == more)
}

pub(super) fn is_number_word(word: &str) -> bool {
    SMALL_NUMBERS.contains(&word) || TENS.contains(&word)
}

/// What the number words read so far ended with, which decides what may follow.
#[derive(Clone, Copy, PartialEq)]
enum Last {
    Start,
    Article,
    Unit,
    Tens,
    Hundred,
    Scale(u64),
    And,
}

/// Whole number words read at a position.
pub(super) struct Words {
    pub(super) value: u64,
    /// The scale word the words ended with ("two million"), which the first end of a range borrows.
    pub(super) scale: Option<u64>,
    pub(super) next: usize,
}

impl Parser<'_> {
    /// Reads whole number words at `start`: "one hundred and fifty", "thirty-two", "a dozen",
    /// "two million". Err(index) where the number grows too large.
    pub(super) fn number_words(&self, start: usize) -> Result<Option<Words>, usize> {
        let unit_at = |i: usize| self.word(i).and_then(|w| position_in(&SMALL_NUMBERS, w));
        let (mut total, mut current, mut last, mut i) = (0u64, 0u64, Last::Start, start);
        // "a dozen", "a hundred": the article stands for one.
        let scaled = |w: &str| w == "hundred" || word_scale(w).is_some();
        if matches!(self.word(i), Some("a" | "an")) && self.word(i + 1).is_some_and(scaled) {
            (current, last, i) = (1, Last::Article, i + 1);
        }
        while let Some(w) = self.word(i) {
            let counting = matches!(
                last,
                Last::Unit | Last::Tens | Last::Hundred | Last::Article
            );
            let adding = matches!(
                last,
                Last::Start | Last::Hundred | Last::Scale(_) | Last::And
            );
            let step = match (unit_at(i), position_in(&TENS, w), word_scale(w)) {
                // "thirty two", "thirty-two"
                (Some(n), ..) if adding || (last == Last::Tens && n > 0 && n < 10) => {
                    (Some(total), current.checked_add(n), Last::Unit)
                }
                (_, Some(n), _) if adding => {
                    (Some(total), current.checked_add((n + 2) * 10), Last::Tens)
                }
                (_, _, Some(scale)) if counting => (
                    current
                        .checked_mul(scale)
                        .and_then(|n| total.checked_add(n)),
                    Some(0),
                    Last::Scale(scale),
                ),
                _ if w == "hundred" && counting && last != Last::Hundred => {
                    (Some(total), current.checked_mul(100), Last::Hundred)
                }
                _ if w == "-"
                    && last == Last::Tens
                    && unit_at(i + 1).is_some_and(|n| n > 0 && n < 10) =>
                {
                    (Some(total), Some(current), last)
                }
                _ if w == "and" && matches!(last, Last::Hundred | Last::Scale(_)) => {
                    let next = self.word(i + 1).unwrap_or_default();
                    if unit_at(i + 1).is_none() && position_in(&TENS, next).is_none() {
                        break;
                    }
                    (Some(total), Some(current), Last::And)
                }
                _ => break,
            };
            let (Some(new_total), Some(new_current)) = (step.0, step.1) else {
                return Err(i);
            };
            (total, current, last, i) = (new_total, new_current, step.2, i + 1);
        }
        if matches!(last, Last::Start | Last::Article) {
            return Ok(None);
        }
        let value = total.checked_add(current).ok_or(i - 1)?;
        let scale = match last {
            Last::Scale(scale) => Some(scale),
            _ => None,
        };
        Ok(Some(Words {
            value,
            scale,
            next: i,
        }))
    }

    /// A fraction at `i`: "half", "a third", "one-third", "two thirds", "three quarters".
    /// Returns the fraction and the index after it.
    pub(super) fn fraction(&self, i: usize) -> Option<(Ratio, usize)> {
        if self.is(i, "half") {
            return Ratio::new(1, 2).map(|half| (half, i + 1));
        }
        let numerator = match self.word(i)? {
            "a" | "an" => 1,
            word => position_in(&SMALL_NUMBERS, word).filter(|n| (1..10).contains(n))?,
        };
        let hyphen = self.is(i + 1, "-") && self.tokens.get(i + 2).is_some_and(|t| t.glued);
        let at = if hyphen { i + 2 } else { i + 1 };
        let word = self.word(at)?;
        let denominator = FRACTIONS.iter().find_map(|&(singular, plural, d)| {
            let fits = if numerator == 1 { singular } else { plural };
            (word == fits).then_some(d)
        })?;
        Ratio::new(numerator.into(), denominator).map(|fraction| (fraction, at + 1))
    }

    /// "and a half", "and three quarters" after a whole number: the fraction and the index after it.
    pub(super) fn and_fraction(&self, i: usize) -> Option<(Ratio, usize)> {
        if !self.is(i, "and") || self.is(i + 1, "half") {
            return None;
        }
        self.fraction(i + 1)
    }
}
