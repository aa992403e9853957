//! The grammar of a value: a bound or approximation phrase, what is stated (one number, a range,
//! a vague quantity) and a trailing bound, read into a [`Reading`].

use super::display::with_separators;
use super::lexer::{Token, slice, tokenize, whole_word};
use super::quantity::{Quantity, quantity_at};
use super::reading::{Detail, Reading, Rule, reading};
use super::settings::ValueSettings;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub struct ValueError {
    pub message: String,
    /// Byte range inside the text at fault (whole text if unknown); lies on char boundaries.
    pub span: Range<usize>,
}

pub(super) fn fault(message: String, span: Range<usize>) -> ValueError {
    ValueError { message, span }
}

/// The accepted forms, one per line, for the help line of a finding.
pub const ACCEPTED_FORMS: &str = "\
30,000 · 30 000 · 30000 · 1.5 million · 12k · thirty thousand · a dozen
at least / more than / over / upwards of / in excess of / no fewer than / no less than 5,000 · 5,000+ · 5,000 or more
at most / fewer than / less than / up to / under / no more than 5,000 · 5,000 or fewer
about / around / roughly / approximately / some / approx. / ~ 1,500 (±10%) · nearly / almost / close to 1,500 (−10%)
2,800–3,800 · 2,800 to 3,800 · between 2,800 and 3,800 · from 2,800 to 3,800 · 2.8 to 3.8 million
dozens · scores · hundreds · thousands · tens of thousands · hundreds of thousands · millions · several hundred · several thousand · a handful";

/// "More than" and "over" keep the stated number as the lower end (not n+1): sources use them
/// loosely, and an interval that includes n never contradicts a source that said n.
const AT_LEAST: &str = "at least|more than|over|upwards of|in excess of|no fewer than|no less than";
const AT_MOST: &str = "at most|fewer than|less than|up to|under|no more than";
const BELOW_WORDS: [&str; 3] = ["nearly", "almost", "close to"];
const DASHES: [&str; 4] = ["-", "–", "—", "‒"];

pub fn read_value(text: &str, settings: &ValueSettings) -> Result<Reading, ValueError> {
    let tokens = tokenize(text);
    if tokens.is_empty() {
        let message = "empty value: expected a count such as \"30,000\"";
        return Err(fault(message.to_string(), 0..text.len()));
    }
    let prefix = prefix_at(&tokens, settings);
    let start = prefix.as_ref().map_or(0, |prefix| prefix.tokens);
    let after = prefix.as_ref().map(|prefix| prefix.span.clone());
    let (stated, next) = read_stated(text, &tokens, start, after, settings)?;
    let Some(prefix) = prefix else {
        return Ok(match stated {
            Stated::One(n) => match suffix_at(&tokens, next) {
                Some(Rule::AtLeast) => reading(n, None, Some(n), Rule::AtLeast),
                Some(_) => reading(0, Some(n), Some(n), Rule::AtMost),
                None => Reading::exact(n),
            },
            Stated::Between(low, high) => reading(low, Some(high), None, Rule::Range),
            Stated::Vague(low, high, word) => {
                reading(low, Some(high), None, Rule::Vague).with_detail(Detail::Vague(word))
            }
        });
    };
    let phrase = slice(text, &prefix.span);
    match (prefix.bound, stated) {
        (Bound::AtLeast, Stated::One(n)) => Ok(reading(n, None, Some(n), Rule::AtLeast)),
        (Bound::AtMost, Stated::One(n)) => Ok(reading(0, Some(n), Some(n), Rule::AtMost)),
        (Bound::Approx { tolerance, below }, Stated::One(n)) => {
            let (low, high) = widen(n, n, tolerance, below, phrase, &prefix.span)?;
            let detail = Detail::Tolerance { tolerance, below };
            Ok(reading(low, Some(high), Some(n), Rule::Approximate).with_detail(detail))
        }
        // An approximate range widens both ends by the tolerance, like an approximate point.
        (Bound::Approx { tolerance, below }, Stated::Between(low, high)) => {
            let (low, high) = widen(low, high, tolerance, below, phrase, &prefix.span)?;
            Ok(reading(low, Some(high), None, Rule::Range))
        }
        (_, stated) => {
            let what = if let Stated::Vague(..) = stated {
                "a vague quantity"
            } else {
                "a range"
            };
            Err(fault(
                format!("\"{phrase}\" cannot apply to {what}"),
                prefix.span,
            ))
        }
    }
}

/// [floor(low·(1−t)), ceil(high·(1+t))], or up to `high` itself for words meaning "just below".
fn widen(
    low: u64,
    high: u64,
    tolerance: f64,
    below: bool,
    phrase: &str,
    span: &Range<usize>,
) -> Result<(u64, u64), ValueError> {
    if !(0.0..=1.0).contains(&tolerance) {
        let message =
            format!("the tolerance for \"{phrase}\" must be between 0 and 1, not {tolerance}");
        return Err(fault(message, span.clone()));
    }
    // Whole parts per million keep "about 1,500" at exactly [1,350, 1,650], free of float error.
    let parts_per_million = (tolerance * 1e6).round() as u128;
    let margin = |n: u64| {
        let margin = (u128::from(n) * parts_per_million).div_ceil(1_000_000);
        u64::try_from(margin).unwrap_or(u64::MAX)
    };
    let high = if below {
        high
    } else {
        high.saturating_add(margin(high))
    };
    Ok((low.saturating_sub(margin(low)), high))
}

pub fn read_integer(n: i64) -> Result<Reading, ValueError> {
    let message = format!("a count cannot be negative: {n}");
    u64::try_from(n)
        .map(Reading::exact)
        .map_err(|_| fault(message, 0..n.to_string().len()))
}
/// What a value states once its bound or approximation word is set aside.
enum Stated {
    One(u64),
    Between(u64, u64),
    /// The interval and the vague word as the settings name it.
    Vague(u64, u64, String),
}

fn read_stated(
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
    if let Some((word, low, high, next)) = vague_at(tokens, start, settings) {
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

/// The longest vague word of the settings written at `tokens[start]`.
fn vague_at(
    tokens: &[Token],
    start: usize,
    settings: &ValueSettings,
) -> Option<(String, u64, u64, usize)> {
    let matches = settings.vague.iter().filter_map(|(phrase, [low, high])| {
        phrase_at(tokens, start, phrase).map(|length| (phrase.clone(), *low, *high, start + length))
    });
    matches.max_by_key(|(_, _, _, next)| *next)
}

#[derive(Clone, Copy)]
enum Bound {
    AtLeast,
    AtMost,
    Approx { tolerance: f64, below: bool },
}

struct Prefix {
    bound: Bound,
    tokens: usize,
    span: Range<usize>,
}

/// The longest bound or approximation phrase the value starts with.
fn prefix_at(tokens: &[Token], settings: &ValueSettings) -> Option<Prefix> {
    let at_least = AT_LEAST.split('|').map(|phrase| (phrase, Bound::AtLeast));
    let at_most = AT_MOST.split('|').map(|phrase| (phrase, Bound::AtMost));
    let approximations = settings.tolerance.iter().map(|(phrase, tolerance)| {
        let below = BELOW_WORDS.contains(&phrase.trim().to_lowercase().as_str());
        (
            phrase.as_str(),
            Bound::Approx {
                tolerance: *tolerance,
                below,
            },
        )
    });
    let (length, bound) = at_least
        .chain(at_most)
        .chain(approximations)
        .filter_map(|(phrase, bound)| phrase_at(tokens, 0, phrase).map(|length| (length, bound)))
        .max_by_key(|(length, _)| *length)?;
    let span = tokens.first()?.span.start..tokens.get(length - 1)?.span.end;
    Some(Prefix {
        bound,
        tokens: length,
        span,
    })
}

/// "5,000+" and "5,000 or more" read as at-least; "5,000 or fewer" and "or less" as at-most.
fn suffix_at(tokens: &[Token], start: usize) -> Option<Rule> {
    let suffixes = [
        ("+", Rule::AtLeast),
        ("or more", Rule::AtLeast),
        ("or fewer", Rule::AtMost),
    ];
    let mut suffixes = suffixes.into_iter().chain([("or less", Rule::AtMost)]);
    suffixes.find_map(|(phrase, rule)| phrase_at(tokens, start, phrase).map(|_| rule))
}

/// How many tokens `phrase` covers when it is written at `tokens[start]`.
fn phrase_at(tokens: &[Token], start: usize, phrase: &str) -> Option<usize> {
    // Most phrases fail on their first word: reject those before tokenizing the phrase.
    let first = tokens.get(start).and_then(Token::word)?;
    let starts_alike = phrase
        .trim_start()
        .get(..first.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(first));
    if !starts_alike {
        return None;
    }
    let wanted = tokenize(phrase);
    let matches = wanted.iter().enumerate().all(|(k, want)| {
        want.word().is_some() && tokens.get(start + k).and_then(Token::word) == want.word()
    });
    (matches && !wanted.is_empty()).then_some(wanted.len())
}
