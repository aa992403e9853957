//! Reading a quote's own number phrases with the value grammar, so that a claim whose value reads
//! otherwise than the words it quotes is caught: a bound turned round, other range ends, another
//! scale word, a share for a count, or a phrase the quote negates ("greater than 25 million are not
//! realistic"). A value written more plainly than its quote (`30` for "over 30 years", `1,500` for
//! "about 1,500") is not caught: "over" is as often a span of time as a bound.

use super::lexer::{Kind, Token, tokenize};
use super::negation::Negations;
use super::number::{Number, Ratio};
use super::parser::Parser;
use super::phrases::{AT_LEAST, AT_MOST, HEDGES, RANGE_OPENERS, phrase_words};
use super::reading::{Detail, Reading, Rule};
use super::settings::ValueSettings;
use super::words::{SMALL_NUMBERS, TENS};
use foldhash::HashSet;
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

/// Scale, fraction and other words that state a quantity without being a number word.
const QUANTITY_WORDS: [&str; 16] = [
    "half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths",
    "dozen", "hundred", "thousand", "million", "billion", "trillion", "%",
];

/// Reads quotes with one base's settings; made once for all the claims of a base.
pub struct QuoteReader<'a> {
    settings: &'a ValueSettings,
    /// The first words of every phrase a number phrase may open with; looked up for every word
    /// of every quote, hence a hash set.
    starters: HashSet<&'a str>,
    /// Words that state a quantity (number, scale, fraction and vague words): a number phrase
    /// holds one of them or digits.
    quantities: HashSet<&'a str>,
}

/// How far before its number a phrase may start: "could be in the vicinity of 50".
const LONGEST_LEAD: usize = 7;

impl<'a> QuoteReader<'a> {
    pub fn new(settings: &'a ValueSettings) -> Self {
        let fixed = [AT_LEAST, AT_MOST, RANGE_OPENERS, HEDGES]
            .into_iter()
            .flatten()
            .copied();
        let configured = settings.tolerance.keys().chain(settings.vague.keys());
        let starters = fixed
            .chain(configured.map(String::as_str))
            .filter_map(|phrase| phrase_words(phrase).next())
            .chain(["n", "only", "half", "a", "an"])
            .chain(SMALL_NUMBERS)
            .chain(TENS)
            .collect();
        let vague_words = settings
            .vague
            .keys()
            .flat_map(|phrase| phrase_words(phrase));
        let quantities = vague_words
            .chain(SMALL_NUMBERS)
            .chain(TENS)
            .chain(QUANTITY_WORDS)
            .filter(|word| !matches!(*word, "a" | "an" | "of"))
            .collect();
        QuoteReader {
            settings,
            starters,
            quantities,
        }
    }

    /// The first phrase of `quote` that states one of the numbers `reading` states but reads
    /// otherwise; None when a phrase stating them reads the same, or none states them.
    pub fn differs(&self, reading: &Reading, quote: &str) -> Option<QuotePhrase> {
        quote_reading_differs(reading, quote, self)
    }

    pub(super) fn settings(&self) -> &'a ValueSettings {
        self.settings
    }

    /// Whether a number phrase may start at `token`: most words of a quote cannot.
    pub(super) fn could_start(&self, token: &Token) -> bool {
        match token.kind {
            Kind::Number(_) => true,
            _ => self.starters.contains(token.text.as_ref()),
        }
    }

    /// Whether `token` may belong to a phrase that states one of `stated`: digits whose number,
    /// or that number times a scale, is stated; or a word that states a quantity.
    fn may_state(&self, token: &Token, stated: &[Number]) -> bool {
        match &token.kind {
            Kind::Number(Ok(n)) => [1, 12, 100, 1_000, 1_000_000, 1_000_000_000]
                .into_iter()
                .filter_map(|scale| Number::new(n.mul(Ratio::whole(scale))?.to_f64()))
                .any(|n| stated.contains(&n)),
            Kind::Number(Err(_)) => false,
            _ => self.quantities.contains(token.text.as_ref()),
        }
    }
}

fn quote_reading_differs(
    reading: &Reading,
    quote: &str,
    reader: &QuoteReader,
) -> Option<QuotePhrase> {
    let tokens = tokenize(quote, reader.settings.decimal);
    let parser = Parser {
        text: quote,
        tokens: &tokens,
        settings: reader.settings,
        measure: None,
    };
    // Only phrases near a token that may state the value's numbers can matter; most of a quote
    // is never read. For each token: the next such token at or after it.
    let stated = reading.stated();
    let mut next_relevant = vec![None; tokens.len()];
    let mut next = None;
    for (i, token) in tokens.iter().enumerate().rev() {
        if reader.may_state(token, &stated) {
            next = Some(i);
        }
        next_relevant[i] = next;
    }
    // Phrases are read from left to right, each as long as it goes: a phrase inside a longer one
    // ("30" in "over 30") is not read on its own.
    let mut phrases: Vec<(Range<usize>, Reading)> = Vec::new();
    let mut start = 0;
    while start < tokens.len() {
        let near = next_relevant[start].is_some_and(|at| at - start <= LONGEST_LEAD);
        let read = (near && reader.could_start(&tokens[start]))
            .then(|| parser.number_phrase(start).ok())
            .flatten()
            .filter(|(_, end)| *end > start);
        match read {
            Some((phrase, end)) => {
                phrases.push((start..end, phrase));
                start = end;
            }
            None => start += 1,
        }
    }
    let outermost = phrases.iter();
    // Phrases that state a number of the value, and whether they state it only in digits before
    // another scale word.
    let stating: Vec<(&Range<usize>, &Reading, bool)> = outermost
        .filter_map(|(range, phrase)| {
            let alike = states_alike(phrase, reading);
            let digits = digits_alike(&tokens[range.clone()], reading);
            (alike || digits).then_some((range, phrase, !alike))
        })
        .collect();
    // The first is the one shown when none reads alike; with none, the quote has nothing to say.
    let &(first, first_phrase, _) = stating.first()?;
    let negations = Negations::of(&tokens);
    let read_alike = |&(range, phrase, rescaled): &(&Range<usize>, &Reading, bool)| {
        !rescaled && !negations.deny(range) && !reads_otherwise(phrase, reading)
    };
    if stating.iter().any(read_alike) {
        return None;
    }
    let span = parser.span(first.clone());
    Some(QuotePhrase {
        text: parser.slice(&span).to_string(),
        span,
        reading: first_phrase.clone(),
        negated: negations.deny(first),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::{Measure, read_value};

    /// The quote's phrase that reads otherwise than `value`, as "phrase: rule interval", or "".
    fn differs(value: &str, quote: &str) -> String {
        let settings = ValueSettings::default();
        let reading = read_value(value, &settings, Measure::Count).unwrap();
        QuoteReader::new(&settings)
            .differs(&reading, quote)
            .map_or(String::new(), |p| {
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
        assert_eq!(differs("1,100", "1,100 families were never seen again"), "");
        assert_eq!(differs("1,100", "no word of 1,100 families was heard"), "");
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
        assert_eq!(
            differs("30,000", "the figure of 30,000 is exaggerated"),
            "30,000: exact 30,000 (negated)"
        );
    }
}
