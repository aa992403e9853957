//! What a value states once its bound or approximation phrase is set aside: one number, a range
//! ("2,800 to 3,800", "between 2,800 and 3,800") or a vague quantity ("thousands").

use super::display::with_separators;
use super::grammar::{ValueError, fault};
use super::lexer::{Token, slice, whole_word};
use super::phrases::{DASHES, vague_at};
use super::quantity::{Quantity, quantity_at};
use super::settings::ValueSettings;
use std::ops::Range;

/// What a value states once its bound or approximation word is set aside.
pub(super) enum Stated {
    One(u64),
    Between(u64, u64),
    /// The interval and the vague word as the settings name it.
    Vague(u64, u64, String),
}

pub(super) fn read_stated(
    text: &str,
    tokens: &[Token],
    start: usize,
    after: Option<Range<usize>>,
    settings: &ValueSettings,
) -> Result<(Stated, usize), ValueError> {
    let word = |i: usize| tokens.get(i).and_then(Token::word);
    let span_of = |i: usize| tokens.get(i).map(|t| t.span.clone());
    let is_range_word = |i: usize| word(i).is_some_and(|w| w == "to" || DASHES.contains(&w));
    // "between A and B", "from A to B"
    if let Some(opening @ ("between" | "from")) = word(start) {
        let (first, next) = expect_quantity(text, tokens, start + 1, span_of(start))?;
        let (joined, expected) = match opening {
            "between" => (word(next) == Some("and"), "\"and\""),
            _ => (is_range_word(next), "\"to\" or a dash"),
        };
        if !joined {
            let message = format!("expected {expected} after \"{}\"", slice(text, &first.span));
            let span = span_of(next).map_or(first.span, |span| whole_word(text, span));
            return Err(fault(message, span));
        }
        let (second, end) = expect_quantity(text, tokens, next + 1, span_of(next))?;
        return Ok((range_ends(text, &first, &second)?, end));
    }
    if let Some((word, [low, high], next)) = vague_at(tokens, start, settings) {
        if low > high {
            let message = "the ends of this vague word's interval are reversed in the settings";
            let span = span_of(start).unwrap_or(0..text.len());
            return Err(fault(message.to_string(), span));
        }
        return Ok((Stated::Vague(low, high, word), next));
    }
    let (first, next) = expect_quantity(text, tokens, start, after)?;
    if is_range_word(next)
        && let Some((second, end)) = quantity_at(text, tokens, next + 1)?
    {
        return Ok((range_ends(text, &first, &second)?, end));
    }
    Ok((Stated::One(first.count(text)?), next))
}

fn expect_quantity(
    text: &str,
    tokens: &[Token],
    i: usize,
    after: Option<Range<usize>>,
) -> Result<(Quantity, usize), ValueError> {
    if let Some(found) = quantity_at(text, tokens, i)? {
        return Ok(found);
    }
    let Some(token) = tokens.get(i) else {
        let span = after.unwrap_or(0..text.len());
        let message = format!("expected a count after \"{}\"", slice(text, &span));
        return Err(fault(message, span));
    };
    let span = whole_word(text, token.span.clone());
    let found = slice(text, &span);
    let message = match after {
        Some(after) => format!(
            "expected a count after \"{}\", found \"{found}\"",
            slice(text, &after)
        ),
        None => format!("cannot read \"{found}\" as a count"),
    };
    Err(fault(message, span))
}

/// The first end borrows the second's scale word when it has none and stays below the second:
/// "2.8 to 3.8 million" is 2,800,000–3,800,000, but "500 to 2 million" keeps 500.
fn range_ends(text: &str, first: &Quantity, second: &Quantity) -> Result<Stated, ValueError> {
    let high = second.count(text)?;
    let borrowed = second
        .scale_word
        .filter(|_| first.scale_word.is_none())
        .and_then(|scale| {
            let scaled = Quantity {
                multiplier: scale,
                ..first.clone()
            };
            scaled.count(text).ok().filter(|low| *low <= high)
        });
    let low = match borrowed {
        Some(low) => low,
        None => first.count(text)?,
    };
    if low > high {
        let (low, high) = (with_separators(low), with_separators(high));
        let message = format!("the ends of the range are reversed: {low} is more than {high}");
        return Err(fault(message, first.span.start..second.span.end));
    }
    Ok(Stated::Between(low, high))
}
