//! Finding a value in its quote: the numbers a text states, in digits, words or shares, and
//! whether the numbers a value states are among them.

use super::lexer::{Kind, Token, tokenize};
use super::number::Number;
use super::parser::Parser;
use super::quantity::Share;
use super::reading::{Reading, Rule};
use super::settings::ValueSettings;
use super::stated::Stated;
use super::units::Unit;

/// Words naming a vague quantity: a vague value is in a quote when its quantity words are.
const QUANTITY_WORDS: &str = "dozens dozen scores hundreds hundred thousands thousand millions million billions billion \
    tens handful";

/// Whether the value can be read from the quote: each number stated by the value (the point, the
/// ends of a range; for vague values the vague word itself, e.g. "thousands") appears in the quote,
/// as digits (any separator style: "30,000", "30000", "30 000"), as number words ("Thirty
/// thousand", "five-minute", "a dozen", "fourteen") or as a share ("one in five", "20%").
/// Case-insensitive. A number the quote writes before a unit of measure other than `unit`, the
/// figure's ("5,000 km" of a figure that counts people), states no number of the value.
pub fn value_in_quote(
    value_text: &str,
    reading: &Reading,
    quote: &str,
    settings: &ValueSettings,
    unit: Option<Unit>,
) -> bool {
    let quote_tokens = tokenize(quote, settings.decimal);
    value_in_tokens(value_text, reading, quote, &quote_tokens, settings, unit)
}

/// [`value_in_quote`] with the quote already split into tokens.
pub(super) fn value_in_tokens(
    value_text: &str,
    reading: &Reading,
    quote: &str,
    quote_tokens: &[Token],
    settings: &ValueSettings,
    unit: Option<Unit>,
) -> bool {
    if reading.rule == Rule::Vague {
        let value_tokens = tokenize(value_text, settings.decimal);
        let quote_words: Vec<&str> = words(quote_tokens).collect();
        let value_words: Vec<&str> = words(&value_tokens).collect();
        let is_quantity = |word: &&str| QUANTITY_WORDS.split(' ').any(|quantity| quantity == *word);
        let mut wanted: Vec<&str> = value_words.iter().copied().filter(is_quantity).collect();
        if wanted.is_empty() {
            // A custom vague word that names no known quantity must appear whole.
            wanted = value_words;
        }
        return !wanted.is_empty() && wanted.iter().all(|word| quote_words.contains(word));
    }
    if written_in(quote, value_text.trim(), settings, unit) {
        return true;
    }
    // The numbers as the value writes them; the reading's own when it writes none (an integer).
    let value_tokens = tokenize(value_text, settings.decimal);
    let mut stated = numbers_of(value_text, &value_tokens, settings, false, unit);
    if stated.is_empty() {
        stated = reading.stated();
    }
    let found = numbers_of(quote, quote_tokens, settings, true, unit);
    !stated.is_empty() && stated.iter().all(|n| found.contains(n))
}

/// Whether `value` stands in `text` word for word, not as part of a longer word or number, nor
/// before a unit of measure other than `unit`: the common case, found without reading every
/// number of the quote.
pub(super) fn written_in(
    text: &str,
    value: &str,
    settings: &ValueSettings,
    unit: Option<Unit>,
) -> bool {
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
        clean_start && clean_end && !measure_follows(after, settings, unit)
    })
}

/// Whether `after`, the text after a number phrase, opens with a unit of measure other than `unit`.
fn measure_follows(after: &str, settings: &ValueSettings, unit: Option<Unit>) -> bool {
    // Most numbers in a quote are followed by a word that opens no unit, or by no word at all.
    let rest = after.trim_start();
    let first = rest.split(|c: char| !c.is_alphabetic()).next();
    if !first.is_some_and(Unit::may_open) {
        return false;
    }
    // The unit is among the first three words: "km", "square miles", "of square miles".
    let word_ends = (rest.char_indices())
        .filter(|&(at, c)| c.is_whitespace() && !rest[..at].ends_with(char::is_whitespace));
    let head = &rest[..word_ends.map(|(at, _)| at).nth(2).unwrap_or(rest.len())];
    let tokens = tokenize(head, settings.decimal);
    let parser = Parser {
        text: head,
        tokens: &tokens,
        settings,
        measure: None,
        unit,
    };
    parser.other_unit(0).is_some()
}

/// Every number mentioned in a text, in order: digits with separators and decimals+scale ("1.5
/// million"), number words ("thirty thousand", "five-minute" -> 5, "thirty-two" -> 32) and
/// shares as percentages ("one in five" -> 20, with 1 and 5 as written). Used by value_in_quote.
/// Numbers before a unit of measure ("5,000 km") are not among them.
pub fn numbers_in_text(text: &str, settings: &ValueSettings) -> Vec<Number> {
    numbers_of(
        text,
        &tokenize(text, settings.decimal),
        settings,
        true,
        None,
    )
}

/// The numbers of `text`, split into `tokens`, but those before a unit of measure other than
/// `unit`; with `parts`, also the two numbers of "N in M" besides its share, since a quote's
/// "1,500 in 2019" may state a count and a year rather than a share.
fn numbers_of(
    text: &str,
    tokens: &[Token],
    settings: &ValueSettings,
    parts: bool,
    unit: Option<Unit>,
) -> Vec<Number> {
    let parser = Parser {
        text,
        tokens,
        settings,
        measure: None,
        unit,
    };
    let mut numbers = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match parser.quantity(i) {
            Ok(Some((_, next))) if parser.other_unit(next).is_some() => i = next,
            Ok(Some((quantity, next))) => {
                if let Some(Share::OutOf(part, whole)) = quantity.share.filter(|_| parts) {
                    numbers.extend(
                        [part, whole]
                            .map(|n| Number::new(n.to_f64()))
                            .into_iter()
                            .flatten(),
                    );
                }
                numbers.extend(Number::new(quantity.amount.to_f64()));
                // "50 to 100 million" states 50 million too.
                let second = parser
                    .is_range_word(next)
                    .then(|| parser.quantity(next + 1));
                if let Some(Ok(Some((second, _)))) = second
                    && let Ok(Stated::Between { low, .. }) = parser.range(quantity.clone(), second)
                    && low.amount != quantity.amount
                {
                    numbers.extend(Number::new(low.amount.to_f64()));
                }
                i = next;
            }
            _ => i += 1,
        }
    }
    numbers
}

/// The words among `tokens`, lowercase.
fn words<'t>(tokens: &'t [Token]) -> impl Iterator<Item = &'t str> {
    (tokens.iter())
        .filter(|token| token.kind == Kind::Word)
        .map(|token| token.text.as_ref())
}
