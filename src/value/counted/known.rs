//! Words after a value's number saying that it counts only the cases documented or confirmed so
//! far ("304 documented deaths", "5,000 confirmed"): a lower bound of the whole by nature. Read as
//! an exact count, such a number would conflict with every larger estimate of the whole, in
//! silence; the record says it with `measure`, which compares it as a lower bound. Such words
//! read on a figure whose label or unit names them ("Confirmed cases"), or on a claim whose
//! `measure` says so (see `crate::model::values`).

use super::{Counted, Counting, Counts, counted_words};
use crate::value::lexer::Token;
use std::ops::Range;

/// Words that make a count one of the cases known so far.
const KNOWN_SO_FAR: [&str; 8] = [
    "confirmed",
    "documented",
    "verified",
    "identified",
    "recorded",
    "registered",
    "known",
    "named",
];

/// The word after a value's number phrase (`tokens[..next]`), among those saying what is counted,
/// that makes it a count of the cases known so far.
pub(super) fn known_in_value(tokens: &[Token], next: usize) -> Option<Counted> {
    let (_, words) = counted_words(tokens, next)?;
    let (word, token) = words.into_iter().find_map(|token| {
        let word = KNOWN_SO_FAR.iter().find(|word| **word == token.text)?;
        Some((*word, token))
    })?;
    Some(Counted {
        counts: Counts::KnownSoFar,
        word,
        span: 0..token.span.end,
    })
}

/// The word that makes a quote's number phrase (`tokens[start..end]`) a count of the cases known
/// so far, unless the figure counting `counting` names it, with the tokens from the phrase to the
/// word: right after it (or after "people": "304 documented deaths"), or right before it, or
/// before "the deaths of" ("has documented the deaths of 304 people", "recorded 1,200 deaths").
/// Elsewhere such words as often say what else is known ("5,000 people, 300 of them
/// identified").
pub(in crate::value) fn known_in_quote(
    tokens: &[Token],
    (start, end): (usize, usize),
    counting: Counting,
) -> Option<(&'static str, Range<usize>)> {
    let known = |at: usize| KNOWN_SO_FAR.iter().find(|word| **word == tokens[at].text);
    let after = end + usize::from(tokens.get(end).is_some_and(|token| token.text == "people"));
    let before = [1, 4]
        .into_iter()
        .filter_map(|back| start.checked_sub(back));
    let (word, range) = match (after < tokens.len()).then(|| known(after)).flatten() {
        Some(word) => (word, start..after + 1),
        None => before
            .filter(|&at| {
                at + 1 == start || [&tokens[at + 1].text, &tokens[start - 1].text] == ["the", "of"]
            })
            .find_map(|at| Some((known(at)?, at..end)))?,
    };
    let counted = Counted {
        counts: Counts::KnownSoFar,
        word,
        span: 0..tokens[range.end - 1].span.end,
    };
    (!counted.counted_by(counting)).then_some((*word, range))
}

/// The message and help refusing `phrase`, whose `word` makes it a count of the cases known so
/// far, on a figure labelled `label` that does not name them.
pub(super) fn refusal(phrase: &str, word: &str, label: &str) -> (String, String) {
    (
        format!(
            "\"{phrase}\" counts the cases {word} so far, which the figure's label (\"{label}\") \
             does not name: read as an exact count of the whole, it would conflict with every \
             larger estimate"
        ),
        format!(
            "record the number alone with `measure = \"documented\"` (or `\"confirmed-so-far\"` \
             for a running count), which compares it as a lower bound, keeping the source's words \
             in `quote`; or give it a figure that counts the {word} cases, its label saying so"
        ),
    )
}
