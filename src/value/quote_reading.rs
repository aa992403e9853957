//! Reading a quote's own number phrases with the value grammar, so that a claim whose value reads
//! otherwise than the words it quotes is caught: a bound turned round, other range ends, another
//! scale word, a share for a count, a measure for a count ("a 320 km march"), or a phrase the quote
//! negates ("greater than 25 million are not realistic"). A value written more plainly than its
//! quote (`30` for "over 30 years" on a figure in years, `1,500` for "about 1,500") is not caught:
//! "over" is as often a span of time as a bound.

use super::counted::{Counting, known_in_quote, uncounted_in_quote};
use super::in_quote::value_in_tokens;
use super::lexer::{Kind, Token, tokenize};
use super::negation::Negations;
use super::number::{Number, Ratio};
use super::parser::Parser;
use super::phrases::{AT_LEAST, AT_MOST, HEDGES, RANGE_OPENERS, phrase_at, phrase_words};
use super::projection::projected;
use super::reading::{Detail, Reading, Rule};
use super::settings::ValueSettings;
use super::tail;
use super::units::Unit;
use super::word_set::WordSet;
use super::words::{SMALL_NUMBERS, TENS};
use foldhash::HashMap;
use std::ops::Range;

/// A number phrase of a quote that states a number of the claim's value but reads otherwise.
#[derive(Debug, Clone, PartialEq)]
pub struct QuotePhrase {
    /// The phrase as the quote writes it, and where (bytes in the quote).
    pub text: String,
    pub span: Range<usize>,
    pub says: QuoteSays,
    /// A negation stands in the phrase's clause: the quote denies what the phrase says.
    pub negated: bool,
}

/// What a phrase of a quote says, as the value grammar reads it.
#[derive(Debug, Clone, PartialEq)]
pub enum QuoteSays {
    Reads(Reading),
    /// The grammar would refuse the phrase as a value, for this reason: "30-40,000" may have its
    /// zeros left off the first end, "lakh" in "3 lakh" is a scale it does not read. A value
    /// holding one of its numbers ("40,000", "3") may take a part of it for the whole.
    Refused(String),
    /// The phrase counts groups or an increase the figure does not say it counts, as this says:
    /// "counts families, not what the figure counts (...)".
    CountsOther(String),
    /// The phrase counts only the cases this word says are known so far ("304 documented"): a
    /// lower bound of the whole, which a value bounded above reads as the whole unless the
    /// claim's `measure` says so.
    KnownSoFar(&'static str),
    /// The quote gives the phrase as a projection, in these words ("could reach"): a count of what
    /// happened unless the claim's `measure` says it projects.
    Projected(String),
}

/// Scale, fraction and other words that state a quantity without being a number word.
const QUANTITY_WORDS: [&str; 16] = [
    "half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths",
    "dozen", "hundred", "thousand", "million", "billion", "trillion", "%",
];

/// Reads quotes with one base's settings; made once for all the claims of a base.
pub struct QuoteReader<'a> {
    settings: &'a ValueSettings,
    /// The words a number phrase may open with, each with how: looked up for every word near a
    /// number of every quote, hence a hash map.
    starters: HashMap<&'a str, Opening<'a>>,
    /// Words that state a quantity (number, scale, fraction and vague words): a number phrase
    /// holds one of them or digits.
    quantities: WordSet<'a>,
}

/// How far before its number a phrase may start: "could be in the vicinity of 50".
const LONGEST_LEAD: usize = 7;

/// How a number phrase may open with a word.
enum Opening<'a> {
    /// With the word itself: a number word, or a phrase of one word ("over").
    Word,
    /// Only with one of these phrases of more than one word that it starts ("at least", "at
    /// most"): most words such as "at" or "in" near a number start none of them.
    Phrases(Vec<&'a str>),
}

impl<'a> QuoteReader<'a> {
    pub fn new(settings: &'a ValueSettings) -> Self {
        let fixed = [AT_LEAST, AT_MOST, RANGE_OPENERS, HEDGES]
            .into_iter()
            .flatten()
            .copied();
        let configured = settings.tolerance.keys().chain(settings.vague.keys());
        let mut starters: HashMap<&str, Opening> = HashMap::default();
        for phrase in fixed.chain(configured.map(String::as_str)) {
            let mut words = phrase_words(phrase);
            let Some(first) = words.next() else { continue };
            let opening = starters
                .entry(first)
                .or_insert_with(|| Opening::Phrases(Vec::new()));
            match (opening, words.next()) {
                (Opening::Phrases(phrases), Some(_)) => phrases.push(phrase),
                (opening, _) => *opening = Opening::Word,
            }
        }
        // Words that open a quantity of their own: "n = 5", "only five", "half a million", "a
        // dozen", "an estimated".
        let quantity_words = ["n", "only", "half", "a", "an"].into_iter();
        for word in quantity_words.chain(SMALL_NUMBERS).chain(TENS) {
            starters.insert(word, Opening::Word);
        }
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
    /// A number before a unit of measure other than `unit`, the figure's, states none of them,
    /// nor, when the figure's `counting` is given, one before words counting groups or an
    /// increase it does not say it counts.
    pub fn differs(
        &self,
        reading: &Reading,
        quote: &str,
        unit: Option<Unit>,
        counting: Option<Counting>,
    ) -> Option<QuotePhrase> {
        let tokens = tokenize(quote, self.settings.decimal);
        quote_reading_differs(reading, quote, &tokens, self, (unit, counting))
    }

    /// Whether the value written as `written` and read as `reading` can be read from `quote` (see
    /// [`value_in_quote`](super::value_in_quote)), and the phrase of `quote` that reads otherwise
    /// (see [`Self::differs`]), for a figure measured in `unit` and counting `counting`: the
    /// quote split into tokens once for both.
    pub fn read(
        &self,
        written: &str,
        reading: &Reading,
        quote: &str,
        unit: Option<Unit>,
        counting: Option<Counting>,
    ) -> (bool, Option<QuotePhrase>) {
        let tokens = tokenize(quote, self.settings.decimal);
        let in_quote = value_in_tokens(written, reading, quote, &tokens, self.settings, unit);
        (
            in_quote,
            quote_reading_differs(reading, quote, &tokens, self, (unit, counting)),
        )
    }

    pub(super) fn settings(&self) -> &'a ValueSettings {
        self.settings
    }

    /// Whether a number phrase may start at `tokens[start]`: at digits, at a word that opens a
    /// quantity, or where a phrase of the grammar or the settings is written; most words of a
    /// quote are none of these.
    pub(super) fn may_open(&self, tokens: &[Token], start: usize) -> bool {
        let token = &tokens[start];
        if let Kind::Number(_) = token.kind {
            return true;
        }
        match self.starters.get(token.text.as_ref()) {
            None => false,
            Some(Opening::Word) => true,
            Some(Opening::Phrases(phrases)) => {
                (phrases.iter()).any(|phrase| phrase_at(tokens, start, phrase).is_some())
            }
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
    tokens: &[Token],
    reader: &QuoteReader,
    (unit, counting): (Option<Unit>, Option<Counting>),
) -> Option<QuotePhrase> {
    let parser = Parser {
        text: quote,
        tokens,
        settings: reader.settings,
        measure: None,
        unit,
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
    // ("30" in "over 30") is not read on its own. A phrase the grammar would refuse as a value is
    // set apart whole, so that no part of it ("40,000" of "30-40,000") is read for it.
    let mut phrases: Vec<(Range<usize>, Reading)> = Vec::new();
    // Each with whether it states the value's numbers in words alike ("thousands" of families).
    let mut refused: Vec<(Range<usize>, QuoteSays, bool)> = Vec::new();
    let mut start = 0;
    while start < tokens.len() {
        let near = next_relevant[start].is_some_and(|at| at - start <= LONGEST_LEAD);
        let read = (near && reader.may_open(tokens, start)).then(|| parser.number_phrase(start));
        match read {
            Some(Ok((phrase, end))) if let Some(words) = projected(tokens, start, end) => {
                let words = parser.slice(&parser.span(words.0..words.1)).to_string();
                let says = QuoteSays::Projected(words);
                refused.push((start..end, says, states_alike(&phrase, reading)));
                start = end;
            }
            Some(Ok((_, end))) if let Some((unit, unit_end)) = parser.other_unit(end) => {
                let measure = parser.slice(&parser.span(start..unit_end));
                let reason = format!(
                    "{} ({})",
                    unit.reason(measure, parser.unit),
                    unit.declared()
                );
                refused.push((start..unit_end, QuoteSays::Refused(reason), false));
                start = unit_end;
            }
            Some(Ok((phrase, end)))
                if let Some((reason, counted_end)) = counting
                    .and_then(|counting| uncounted_in_quote(quote, tokens, end, counting)) =>
            {
                let says = QuoteSays::CountsOther(reason);
                refused.push((start..counted_end, says, states_alike(&phrase, reading)));
                start = counted_end;
            }
            Some(Ok((phrase, end)))
                if reading.high.is_some()
                    && let Some((word, known)) = counting
                        .and_then(|counting| known_in_quote(tokens, (start, end), counting)) =>
            {
                let says = QuoteSays::KnownSoFar(word);
                start = known.end;
                refused.push((known, says, states_alike(&phrase, reading)));
            }
            Some(Ok((phrase, end))) if end > start => {
                // A number for each period or with a bound after it may be recorded as written
                // before the words: only a scale the grammar does not read makes it another number.
                // "5,000 a day" on a figure counting a whole: a rate taken for the total.
                let rate = counting
                    .and_then(|counting| Some((counting, tail::rate_after(tokens, end)?)))
                    .filter(|&(counting, _)| !tail::counts_per_period(counting));
                match tail::refused_words(None, &tokens[end..]) {
                    Some((tail::Refusal::Scale, words)) => {
                        let scale = parser.slice(&parser.span(end..end + words));
                        let reason =
                            format!("\"{scale}\" looks like a scale word it does not read");
                        refused.push((start..end + words, QuoteSays::Refused(reason), false));
                    }
                    _ if let Some((counting, rate)) = rate => {
                        let words = parser.slice(&parser.span(rate.clone()));
                        let says = QuoteSays::CountsOther(format!(
                            "gives a number for each period or item (\"{words}\"), a rate, not the \
                             whole the figure counts (label \"{}\")",
                            counting.label
                        ));
                        refused.push((start..rate.end, says, states_alike(&phrase, reading)));
                    }
                    _ => phrases.push((start..end, phrase)),
                }
                start = end;
            }
            Some(Err(error)) if matches!(tokens[start].kind, Kind::Number(_)) => {
                let end = (start..tokens.len())
                    .find(|&i| tokens[i].span.start >= error.span.end)
                    .unwrap_or(tokens.len())
                    .max(start + 1);
                let reason = error.message.split(": ").next().unwrap_or_default();
                refused.push((start..end, QuoteSays::Refused(reason.to_string()), false));
                start = end;
            }
            _ => start += 1,
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
    let negations = Negations::of(tokens);
    let read_alike = |&(range, phrase, rescaled): &(&Range<usize>, &Reading, bool)| {
        // "Over" is as often a span of time as a bound ("over 30 years").
        let over = tokens[range.start].text == "over";
        !rescaled
            && !negations.deny(range)
            && !reads_otherwise(phrase, reading)
            && (over || !drops_bound_or_end(phrase, reading))
    };
    if stating.iter().any(read_alike) {
        return None;
    }
    let phrase = |range: &Range<usize>, says: QuoteSays| {
        let span = parser.span(range.clone());
        QuotePhrase {
            text: parser.slice(&span).to_string(),
            span,
            says,
            negated: negations.deny(range),
        }
    };
    // A refused phrase holding digits of the value comes first: the value may take a part of it;
    // so does one counting other things that states the value in words ("thousands of families").
    let refused_stating = (refused.into_iter())
        .find(|(range, _, alike)| *alike || digits_alike(&tokens[range.clone()], reading));
    if let Some((range, says, _)) = refused_stating {
        return Some(phrase(&range, says));
    }
    // The first is the one shown when none reads alike; with none, the quote has nothing to say.
    let &(first, first_phrase, _) = stating.first()?;
    Some(phrase(first, QuoteSays::Reads(first_phrase.clone())))
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
/// out an approximation of its quote says less, not otherwise; one that leaves out a bound or a
/// range's other end is caught apart (see [`drops_bound_or_end`]).
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

/// Whether an exact value takes the number of a quote's bound or range end as the whole: "5,000"
/// from "at least 5,000" or "between 5,000 and 7,000" would conflict with every count the source
/// leaves open.
fn drops_bound_or_end(phrase: &Reading, value: &Reading) -> bool {
    let bounded = matches!(phrase.rule, Rule::AtLeast | Rule::AtMost | Rule::Range);
    value.rule == Rule::Exact && bounded
}

#[cfg(test)]
mod tests;
