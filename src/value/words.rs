//! Number words: "one hundred and fifty", "thirty-two", "a dozen", "two million", and the scale
//! words that multiply digits ("12k", "1.5 million").

use super::grammar::ValueError;
use super::lexer::{Decimal, Token};
use super::quantity::{Quantity, too_large};

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

pub(super) fn position_in(list: &[&str], word: &str) -> Option<u64> {
    list.iter()
        .position(|known| *known == word)
        .and_then(|n| u64::try_from(n).ok())
}

/// What the number words read so far ended with, which decides what may follow.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Last {
    Start,
    Article,
    Unit,
    Tens,
    Hundred,
    Scale(u64),
    And,
}

/// Reads number words: "one hundred and fifty", "thirty-two", "a dozen", "two million".
pub(super) fn number_words(
    text: &str,
    tokens: &[Token],
    start: usize,
) -> Result<Option<(Quantity, usize)>, ValueError> {
    let word = |i: usize| tokens.get(i).and_then(Token::word);
    let unit_at = |i: usize| word(i).and_then(|w| position_in(&SMALL_NUMBERS, w));
    let span_to = |end: usize| {
        let last = tokens.get(end).or(tokens.last());
        tokens.get(start).map_or(0, |t| t.span.start)..last.map_or(text.len(), |t| t.span.end)
    };
    let (mut total, mut current, mut last, mut i) = (0u64, 0u64, Last::Start, start);
    // "a dozen", "a hundred": the article stands for one.
    let scaled = |w: &str| w == "hundred" || word_scale(w).is_some();
    if matches!(word(i), Some("a" | "an")) && word(i + 1).is_some_and(scaled) {
        (current, last, i) = (1, Last::Article, i + 1);
    }
    while let Some(w) = word(i) {
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
                let next = word(i + 1).unwrap_or_default();
                if unit_at(i + 1).is_none() && position_in(&TENS, next).is_none() {
                    break;
                }
                (Some(total), Some(current), Last::And)
            }
            _ => break,
        };
        let (Some(new_total), Some(new_current)) = (step.0, step.1) else {
            return Err(too_large(text, span_to(i)));
        };
        (total, current, last, i) = (new_total, new_current, step.2, i + 1);
    }
    if matches!(last, Last::Start | Last::Article) {
        return Ok(None);
    }
    let span = span_to(i - 1);
    let value = total
        .checked_add(current)
        .ok_or_else(|| too_large(text, span.clone()))?;
    let scale_word = match last {
        Last::Scale(scale) => Some(scale),
        _ => None,
    };
    let amount = Decimal {
        mantissa: value.into(),
        decimals: 0,
    };
    Ok(Some((Quantity::new(amount, 1, scale_word, span), i)))
}
