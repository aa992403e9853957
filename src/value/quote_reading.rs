//! Reading a quote's own number phrases with the value grammar, so that a claim whose value reads
//! otherwise than the words it quotes is caught: a bound turned round, other range ends, another
//! scale word, a share for a count, or a phrase the quote negates ("greater than 25 million are not
//! realistic"). A value written more plainly than its quote (`30` for "over 30 years", `1,500` for
//! "about 1,500") is not caught: "over" is as often a span of time as a bound.

use super::lexer::{Kind, Token, tokenize};
use super::number::Number;
use super::parser::Parser;
use super::reading::{Detail, Reading, Rule};
use super::settings::ValueSettings;
use std::ops::Range;

/// A number phrase of a quote that states a number of the claim's value but reads otherwise.
#[derive(Debug, Clone, PartialEq)]
pub struct QuotePhrase {
    /// The phrase as the quote writes it, and where (bytes in the quote).
    pub text: String,
    pub span: Range<usize>,
    pub reading: Reading,
    /// A negation stands in the phrase's clause: the quote denies what the phrase says.
    pub negated: bool,
}

/// Words that deny what their clause says.
const NEGATIONS: [&str; 6] = ["not", "no", "never", "nor", "neither", "cannot"];

/// The first phrase of `quote` that states one of the numbers `reading` states but reads
/// otherwise; None when a phrase stating them reads the same, or none states them.
pub fn quote_reading_differs(
    reading: &Reading,
    quote: &str,
    settings: &ValueSettings,
) -> Option<QuotePhrase> {
    let tokens = tokenize(quote, settings.decimal);
    let parser = Parser {
        text: quote,
        tokens: &tokens,
        settings,
        measure: None,
    };
    let phrases: Vec<(Range<usize>, Reading)> = (0..tokens.len())
        .filter_map(|start| {
            let (phrase, end) = parser.number_phrase(start).ok()?;
            Some((start..end, phrase))
        })
        .collect();
    // A phrase inside a longer one ("30" in "over 30") is not read on its own.
    let outermost = phrases.iter().filter(|(range, _)| {
        !phrases.iter().any(|(other, _)| {
            other != range && other.start <= range.start && range.end <= other.end
        })
    });
    // Phrases that state a number of the value, and whether they state it only in digits before
    // another scale word.
    let stating: Vec<(&Range<usize>, &Reading, bool)> = outermost
        .filter_map(|(range, phrase)| {
            let alike = states_alike(phrase, reading);
            let digits = digits_alike(&tokens[range.clone()], reading);
            (alike || digits).then_some((range, phrase, !alike))
        })
        .collect();
    let read_alike = |&(range, phrase, rescaled): &(&Range<usize>, &Reading, bool)| {
        !rescaled && !negated(&tokens, range) && !reads_otherwise(phrase, reading)
    };
    if stating.iter().any(read_alike) {
        return None;
    }
    let &(range, phrase, _) = stating.first()?;
    let span = parser.span(range.clone());
    Some(QuotePhrase {
        text: parser.slice(&span).to_string(),
        span,
        reading: phrase.clone(),
        negated: negated(&tokens, range),
    })
}

/// Whether the phrase states a number the value states (or, for vague values, the same word).
fn states_alike(phrase: &Reading, value: &Reading) -> bool {
    match (&phrase.detail, &value.detail) {
        (Detail::Vague(a), Detail::Vague(b)) => a == b,
        _ => {
            let stated = value.stated();
            phrase.stated().iter().any(|n| stated.contains(n))
        }
    }
}

/// Whether the phrase writes in digits a number the value states, before any scale word: "20 to
/// 50 million" writes 20 and 50, which a value "20 to 50" states.
fn digits_alike(tokens: &[Token], value: &Reading) -> bool {
    let stated = value.stated();
    tokens.iter().any(|token| match &token.kind {
        Kind::Number(Ok(n)) => Number::new(n.to_f64()).is_some_and(|n| stated.contains(&n)),
        _ => false,
    })
}

/// Whether two readings that state a number in common say different things about it: a share
/// and a count, bounds in opposite directions, or ranges with other ends. A value that only leaves
/// out a bound or an approximation of its quote says less, not otherwise.
fn reads_otherwise(phrase: &Reading, value: &Reading) -> bool {
    let upwards = |r: &Reading| {
        matches!(r.rule, Rule::AtLeast) || (r.rule == Rule::Range && r.high.is_none())
    };
    let downwards = |r: &Reading| r.rule == Rule::AtMost;
    let spans = |r: &Reading| matches!(r.rule, Rule::Range | Rule::Estimate);
    phrase.measure != value.measure
        || (upwards(phrase) && downwards(value))
        || (downwards(phrase) && upwards(value))
        || (spans(phrase) && spans(value) && (phrase.low, phrase.high) != (value.low, value.high))
}

/// Whether a negation stands in the clause around `tokens[range]`: from the punctuation before
/// it to the punctuation after it.
fn negated(tokens: &[Token], range: &Range<usize>) -> bool {
    let breaks = |token: &Token| {
        token.kind == Kind::Symbol && !matches!(token.text.as_str(), "-" | "'" | "’")
    };
    let before = tokens[..range.start]
        .iter()
        .rev()
        .take_while(|token| !breaks(token));
    let after = tokens[range.end..]
        .iter()
        .take_while(|token| !breaks(token));
    let words: Vec<&str> = before
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .chain(after)
        .map(|token| token.text.as_str())
        .collect();
    words.iter().enumerate().any(|(k, word)| {
        // "not only", "not just" add rather than deny.
        let additive = *word == "not" && matches!(words.get(k + 1), Some(&"only" | &"just"));
        (NEGATIONS.contains(word) || word.ends_with("n't")) && !additive
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::{Measure, read_value};

    /// The quote's phrase that reads otherwise than `value`, as "phrase: rule interval", or "".
    fn differs(value: &str, quote: &str) -> String {
        let settings = ValueSettings::default();
        let reading = read_value(value, &settings, Measure::Count).unwrap();
        quote_reading_differs(&reading, quote, &settings).map_or(String::new(), |p| {
            let negated = if p.negated { " (negated)" } else { "" };
            format!(
                "{}: {} {}{negated}",
                p.text,
                p.reading.tag(),
                p.reading.interval_text()
            )
        })
    }

    #[test]
    fn a_quote_that_reads_the_same_passes() {
        assert_eq!(
            differs(
                "at least 5,000",
                "at least 5,000 political dissidents were killed"
            ),
            ""
        );
        assert_eq!(
            differs("30,000", "Thirty thousand people were murdered"),
            ""
        );
        assert_eq!(
            differs("roughly 1,500", "Roughly 1,500 peaceful protesters"),
            ""
        );
        assert_eq!(
            differs("thousands", "killed thousands of political dissidents"),
            ""
        );
        assert_eq!(
            differs("2,800 to 3,800", "between 2,800 and 3,800 died"),
            ""
        );
        assert_eq!(
            differs("30", "over the past 30 years"),
            "",
            "'over the' reads no bound"
        );
        assert_eq!(
            differs(
                "more than a dozen",
                "More than a dozen of these individuals"
            ),
            ""
        );
        // One phrase reading the same is enough, wherever the number stands again.
        assert_eq!(differs("32", "in 32 cities, at most 32 by one count"), "");
        // Leaving out a bound or an approximation says less, not otherwise.
        assert_eq!(differs("32", "at least 32 cities"), "");
        assert_eq!(differs("30", "perpetuated over 30 years"), "");
        assert_eq!(differs("1,500", "about 1,500 people"), "");
        assert_eq!(differs("32", "not only to end a 32-year deferral"), "");
        // A quote that does not state the number is the other check's business.
        assert_eq!(differs("5,000", "thousands were killed"), "");
    }

    #[test]
    fn a_quote_that_reads_otherwise_is_caught() {
        assert_eq!(
            differs(
                "at least 25 million",
                "greater than 25 million are not realistic"
            ),
            "greater than 25 million: at-least [25,000,000, ∞) (negated)"
        );
        assert_eq!(
            differs("at most 32", "at least 32 cities"),
            "at least 32: at-least [32, ∞)"
        );
        assert_eq!(
            differs("at least 1,500", "up to 1,500 died"),
            "up to 1,500: at-most [0, 1,500]"
        );
        assert_eq!(
            differs("2,000 to 3,000", "2,000 to 3,500 died"),
            "2,000 to 3,500: range [2,000, 3,500]"
        );
        assert_eq!(
            differs("50", "50 million died"),
            "50 million: exact 50,000,000"
        );
        assert_eq!(
            differs("20 to 50", "20 to 50 million died"),
            "20 to 50 million: range [20,000,000, 50,000,000]"
        );
        assert_eq!(
            differs("50 million", "it is not true that 50 million died"),
            "50 million: exact 50,000,000 (negated)"
        );
    }
}
