//! Words after a value's number saying that it counts only the cases documented or confirmed so
//! far ("304 documented deaths", "5,000 confirmed"): a lower bound of the whole by nature. Read as
//! an exact count, such a number would conflict with every larger estimate of the whole, in
//! silence; the record says it with `measure`, which compares it as a lower bound. Such words
//! read on a figure whose label or unit names them ("Confirmed cases"), or on a claim whose
//! `measure` says so (see `crate::model::values`).

use super::{Counted, Counting, Counts, counted_words};
use crate::value::lexer::Token;

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

/// The word right after a quote's number phrase ending before `next` (or after "people") that
/// makes it a count of the cases known so far ("304 documented deaths"), unless the figure
/// counting `counting` names it; with the index of the token after it. Further on, such words
/// as often say what else is known ("5,000 people, 300 of them identified").
pub(in crate::value) fn known_in_quote(
    tokens: &[Token],
    next: usize,
    counting: Counting,
) -> Option<(&'static str, usize)> {
    let first = next + usize::from(tokens.get(next)?.text == "people");
    let token = tokens.get(first)?;
    let word = KNOWN_SO_FAR.iter().find(|word| **word == token.text)?;
    let counted = Counted {
        counts: Counts::KnownSoFar,
        word,
        span: 0..token.span.end,
    };
    (!counted.counted_by(counting)).then_some((*word, first + 1))
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
