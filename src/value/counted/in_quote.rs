//! What a quote's number phrase counts, where its words say it counts other than what the figure
//! counts: groups, an increase, those something else happened to, or a part of the people.

use super::part::part_in_quote;
use super::{Counted, Counting, Counts, counted_after, counted_words, outcome_after};
use crate::value::lexer::Token;
use crate::value::outcome::Outcomes;

/// Why the number phrase of a quote ending before `next` states no number of a value on a figure
/// counting `counting`, with the index of the token after the words that say so: they count groups
/// or an increase the figure does not say it counts ("More than 4,000 families" on a count of
/// people), those something else happened to ("96 wounded" on a death toll) or a part of the
/// people counted ("5,000 children"). "Others" in a
/// quote is as often other people ("killed 300 and injured 5,000 others").
pub(in crate::value) fn uncounted_in_quote(
    quote: &str,
    tokens: &[Token],
    next: usize,
    counting: Counting,
) -> Option<(String, usize)> {
    let (counted, end) = match counted_after(quote, tokens, next) {
        Some((counted, _)) if counted.counts == Counts::Others => return None,
        Some(found) => found,
        None => (outcome_in_quote(tokens, next, counting))
            .or_else(|| part_in_quote(tokens, next, counting))?,
    };
    if counted.counted_by(counting) {
        return None;
    }
    let what = match counted.counts {
        Counts::Groups => counted.word.to_string(),
        Counts::Outcome(outcomes) => outcomes.who(),
        Counts::Part(parts) => parts.listed(),
        _ => "an increase".to_string(),
    };
    let figure = match counting.unit {
        Some(unit) => format!("`unit = \"{unit}\"`, label \"{}\"", counting.label),
        None => format!("label \"{}\"", counting.label),
    };
    Some((
        format!("counts {what}, not what the figure counts ({figure})"),
        end,
    ))
}

/// Outcome words that in a quote as often say who as what is counted: "5,000 detainees were
/// executed", "200 refugees drowned".
const WHO_IN_QUOTES: [&str; 5] = ["detainees", "refugees", "evacuees", "survivors", "homeless"];

/// What happened to those a quote's number phrase ending before `next` counts, when the word
/// right after it says so ("96 wounded", "52 people killed"); with the index of the token after
/// the words that say so. Only there: further on, a quote's words as often say who ("5,000
/// imprisoned dissidents were executed", "thousands of imprisoned dissidents") or one step of
/// what happened ("thousands forcibly disappeared and extrajudicially executed"), so words naming
/// an outcome the figure counts anywhere among them leave the phrase alone.
fn outcome_in_quote(tokens: &[Token], next: usize, counting: Counting) -> Option<(Counted, usize)> {
    // Not after "of": "thousands of imprisoned dissidents" say who.
    if tokens.get(next)?.text == "of" {
        return None;
    }
    let (_, words) = counted_words(tokens, next)?;
    let first = usize::from(words.first()?.text == "people");
    let word = &words.get(first)?.text;
    if WHO_IN_QUOTES.contains(&word.as_ref()) {
        return None;
    }
    let outcome_at = |k: usize| {
        let following = words.get(k + 1).map(|token| &*token.text);
        Outcomes::of_words(&words[k].text, following)
    };
    outcome_at(first)?;
    let counts_one = |k| outcome_at(k).is_some_and(|(outcome, _)| outcome.counted_by(counting));
    if (0..words.len()).any(counts_one) {
        return None;
    }
    let counted = outcome_after(tokens, next + first, &words[first..=first])?;
    let last = (tokens[next..].iter()).position(|token| token.span.end == counted.span.end)?;
    Some((counted, next + last + 1))
}
