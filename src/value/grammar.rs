//! The grammar of a value: a bound or approximation phrase, what is stated (one number, a range,
//! a vague quantity) and a trailing bound, read into a [`Reading`].

use super::lexer::{Token, slice, tokenize};
use super::phrases::{Bound, prefix_at, suffix_at};
use super::reading::{Detail, Reading, Rule, reading};
use super::settings::ValueSettings;
use super::stated::{Stated, read_stated};
use super::strict::{check_tail, refuse_unreadable};
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
30,000 · 30 000 · 30000 · 1'000'000 · ۳۰٬۰۰۰ · 1.5 million · 12k · thirty thousand · a dozen
at least / more than / over / upwards of / in excess of / no fewer than / no less than / > / ≥ 5,000 · 5,000+ · 5,000 or more
at most / fewer than / less than / up to / under / no more than / < / ≤ 5,000 · 5,000 or fewer
about / around / roughly / approximately / some / approx. / ~ / ≈ 1,500 (±10%) · nearly / almost / close to 1,500 (−10%)
2,800–3,800 · 2,800 to 3,800 · between 2,800 and 3,800 · from 2,800 to 3,800 · 2.8 to 3.8 million
dozens · scores · hundreds · thousands · tens of thousands · hundreds of thousands · millions · several hundred · several thousand · a handful";

pub fn read_value(text: &str, settings: &ValueSettings) -> Result<Reading, ValueError> {
    let tokens = tokenize(text, settings.decimal);
    if tokens.is_empty() {
        let message = "empty value: expected a count such as \"30,000\"";
        return Err(fault(message.to_string(), 0..text.len()));
    }
    refuse_unreadable(text, &tokens)?;
    let prefix = prefix_at(&tokens, 0, settings);
    let start = prefix.as_ref().map_or(0, |prefix| prefix.next);
    let prefix_span = span_of(&tokens, 0..start);
    let after = prefix.is_some().then(|| prefix_span.clone());
    let (stated, next) = read_stated(text, &tokens, start, after, settings)?;
    let (reading, next) = match prefix {
        None => match (stated, suffix_at(&tokens, next)) {
            (Stated::One(n), Some((bound, next))) => (bounded(bound, n), next),
            (Stated::One(n), None) => (Reading::exact(n), next),
            (Stated::Between(low, high), _) => (reading(low, Some(high), None, Rule::Range), next),
            (Stated::Vague(low, high, word), _) => {
                let vague = reading(low, Some(high), None, Rule::Vague);
                (vague.with_detail(Detail::Vague(word)), next)
            }
        },
        Some(prefix) => {
            let phrase = slice(text, &prefix_span);
            let reading = match (prefix.bound, stated) {
                (Bound::Approx { tolerance, below }, Stated::One(n)) => {
                    let (low, high) = widen(n, n, tolerance, below, phrase, &prefix_span)?;
                    let detail = Detail::Tolerance { tolerance, below };
                    reading(low, Some(high), Some(n), Rule::Approximate).with_detail(detail)
                }
                (bound, Stated::One(n)) => bounded(bound, n),
                // An approximate range widens both ends by the tolerance, like an approximate point.
                (Bound::Approx { tolerance, below }, Stated::Between(low, high)) => {
                    let (low, high) = widen(low, high, tolerance, below, phrase, &prefix_span)?;
                    reading(low, Some(high), None, Rule::Range)
                }
                (_, stated) => {
                    let what = if let Stated::Vague(..) = stated {
                        "a vague quantity"
                    } else {
                        "a range"
                    };
                    let message = format!("\"{phrase}\" cannot apply to {what}");
                    return Err(fault(message, prefix_span));
                }
            };
            (reading, next)
        }
    };
    check_tail(text, &tokens, next, settings)?;
    Ok(reading)
}

fn bounded(bound: Bound, n: u64) -> Reading {
    match bound {
        Bound::AtLeast => reading(n, None, Some(n), Rule::AtLeast),
        _ => reading(0, Some(n), Some(n), Rule::AtMost),
    }
}

/// The byte span from the first to the last of `tokens[range]`; empty at the start if none.
fn span_of(tokens: &[Token], range: Range<usize>) -> Range<usize> {
    let first = tokens.get(range.start).map_or(0, |t| t.span.start);
    let last = range.end.checked_sub(1).and_then(|i| tokens.get(i));
    first..last.map_or(first, |t| t.span.end.max(first))
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
