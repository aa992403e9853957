//! Finding a value in its quote: the numbers a text states, in digits or words, and whether the
//! numbers a value states are among them.

use super::lexer::{Kind, tokenize};
use super::quantity::quantity_at;
use super::reading::{Reading, Rule};
use super::settings::DecimalMark;

/// Words naming a vague quantity: a vague value is in a quote when its quantity words are.
const QUANTITY_WORDS: &str = "dozens dozen scores hundreds hundred thousands thousand millions million billions billion \
    tens handful";

/// Whether the value can be read from the quote: each number stated by the value (the point, the ends of a
/// range; for vague values the vague word itself, e.g. "thousands") appears in the quote, as digits
/// (any separator style: "30,000", "30000", "30 000") or as number words ("Thirty thousand", "five-minute",
/// "a dozen", "fourteen"). Case-insensitive.
pub fn value_in_quote(
    value_text: &str,
    reading: &Reading,
    quote: &str,
    decimal: DecimalMark,
) -> bool {
    if reading.rule == Rule::Vague {
        let quote_words: Vec<String> = words(quote, decimal).collect();
        let value_words: Vec<String> = words(value_text, decimal).collect();
        let quantity_words: Vec<&str> = QUANTITY_WORDS.split(' ').collect();
        let is_quantity = |word: &&String| quantity_words.contains(&word.as_str());
        let mut wanted: Vec<&String> = value_words.iter().filter(is_quantity).collect();
        if wanted.is_empty() {
            // A custom vague word that names no known quantity must appear whole.
            wanted = value_words.iter().collect();
        }
        return !wanted.is_empty() && wanted.iter().all(|word| quote_words.contains(word));
    }
    if written_in(quote, value_text.trim()) {
        return true;
    }
    let mut stated = numbers_in_text(value_text, decimal);
    if stated.is_empty() {
        stated = match reading.rule {
            Rule::Range => [Some(reading.low), reading.high]
                .into_iter()
                .flatten()
                .collect(),
            _ => reading.point.into_iter().collect(),
        };
    }
    let found = numbers_in_text(quote, decimal);
    !stated.is_empty() && stated.iter().all(|n| found.contains(n))
}

/// Whether `value` stands in `text` word for word, not as part of a longer word or number: the
/// common case, found without reading every number of the quote.
pub(super) fn written_in(text: &str, value: &str) -> bool {
    if value.is_empty() {
        return false;
    }
    let digit_follows = |rest: &str| rest.chars().next().is_some_and(|c| c.is_ascii_digit());
    text.match_indices(value).any(|(start, _)| {
        let before = &text[..start];
        let after = &text[start + value.len()..];
        let mut back = before.chars().rev();
        let clean_start = match back.next() {
            None => true,
            Some(c) if c.is_alphanumeric() => false,
            Some(',' | '.') => !back.next().is_some_and(|c| c.is_ascii_digit()),
            Some(_) => true,
        };
        let mut ahead = after.chars();
        let clean_end = match ahead.next() {
            None => true,
            Some(c) if c.is_alphanumeric() => false,
            Some(',' | '.') => !digit_follows(ahead.as_str()),
            Some(_) => true,
        };
        clean_start && clean_end
    })
}

/// Every number mentioned in a text, in order: digits with separators and decimals+scale ("1.5 million"),
/// and number words ("thirty thousand", "five-minute" -> 5, "thirty-two" -> 32). Used by value_in_quote.
/// Numbers that are not whole ("2.5") or too large for u64 are left out.
pub fn numbers_in_text(text: &str, decimal: DecimalMark) -> Vec<u64> {
    let tokens = tokenize(text, decimal);
    let mut numbers = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match quantity_at(text, &tokens, i) {
            Ok(Some((quantity, next))) => {
                numbers.extend(quantity.count(text).ok());
                i = next;
            }
            _ => i += 1,
        }
    }
    numbers
}
fn words(text: &str, decimal: DecimalMark) -> impl Iterator<Item = String> {
    tokenize(text, decimal)
        .into_iter()
        .filter(|token| token.kind == Kind::Word)
        .map(|token| token.text)
}
