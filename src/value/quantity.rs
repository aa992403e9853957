//! A number as written, in digits or words with its scale word, and the whole count it stands for.

use super::grammar::{ValueError, fault};
use super::lexer::{Decimal, Kind, Token, slice};
use super::words::{digit_scale, number_words};
use std::ops::Range;

/// A number as written: amount × multiplier, plus the scale word it ended with, which the first
/// end of a range borrows ("2.8 to 3.8 million").
#[derive(Debug, Clone)]
pub(super) struct Quantity {
    pub(super) amount: Decimal,
    pub(super) multiplier: u64,
    pub(super) scale_word: Option<u64>,
    pub(super) span: Range<usize>,
}

impl Quantity {
    pub(super) fn new(
        amount: Decimal,
        multiplier: u64,
        scale_word: Option<u64>,
        span: Range<usize>,
    ) -> Self {
        Quantity {
            amount,
            multiplier,
            scale_word,
            span,
        }
    }

    pub(super) fn count(&self, text: &str) -> Result<u64, ValueError> {
        let quoted = slice(text, &self.span);
        let fail = |why: &str| fault(format!("\"{quoted}\" {why}"), self.span.clone());
        let scaled = self.amount.mantissa.checked_mul(self.multiplier.into());
        let divisor = 10u128.checked_pow(self.amount.decimals);
        let (Some(scaled), Some(divisor)) = (scaled, divisor) else {
            return Err(fail("is too large to count"));
        };
        if scaled % divisor != 0 {
            return Err(fail("is not a whole count"));
        }
        u64::try_from(scaled / divisor).map_err(|_| fail("is too large to count"))
    }
}

pub(super) fn too_large(text: &str, span: Range<usize>) -> ValueError {
    let message = format!("\"{}\" is too large to count", slice(text, &span));
    fault(message, span)
}

/// The number written at `tokens[start]` in digits or words, and the index after it.
pub(super) fn quantity_at(
    text: &str,
    tokens: &[Token],
    start: usize,
) -> Result<Option<(Quantity, usize)>, ValueError> {
    let Some(first) = tokens.get(start) else {
        return Ok(None);
    };
    let Kind::Number(amount) = &first.kind else {
        return number_words(text, tokens, start);
    };
    let amount = amount
        .clone()
        .map_err(|message| fault(message, first.span.clone()))?;
    let scale = tokens
        .get(start + 1)
        .and_then(|next| Some((next, digit_scale(next.word()?)?)));
    let (multiplier, scale_word, end, next) = match scale {
        Some((word, scale)) => (scale, Some(scale), word.span.end, start + 2),
        None => (1, None, first.span.end, start + 1),
    };
    let span = first.span.start..end;
    Ok(Some((
        Quantity::new(amount, multiplier, scale_word, span),
        next,
    )))
}
