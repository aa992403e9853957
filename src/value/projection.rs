//! Whether a quote gives its number as a projection rather than a count of what happened: "the
//! toll could reach 5,000", "is expected to rise to 5,000", "5,000 could die". Recorded as a
//! count, a projection would be compared with the tolls as one of them; a claim says it is one
//! with `measure = "projection"`. A possibility in the past ("may have reached 5,000", "5,000 may
//! have died") is a hedge, not a projection.

use super::lexer::Token;

/// Verbs of a count growing to the number that follows them.
const GROWTH: [&str; 8] = [
    "reach", "rise", "climb", "exceed", "top", "surpass", "hit", "grow",
];
/// Words putting such a verb, or a death after the number, in the future or the possible.
const MODALS: [&str; 5] = ["could", "may", "might", "will", "would"];
/// Words that, before "to", put what follows in the future: "expected to reach".
const EXPECTED: [&str; 6] = [
    "expected",
    "projected",
    "forecast",
    "predicted",
    "likely",
    "set",
];
/// What may happen to those a number after it counts: "5,000 could die", "could be killed".
const BEFALL: [&str; 4] = ["die", "perish", "be", "lose"];

/// The tokens (first and after last) giving the number phrase `tokens[start..end]` as a
/// projection, if any: a modal and a verb of growth before it ("could reach", "is expected to rise
/// to"), or a modal and a death after it, with a word saying what is counted between or none
/// ("5,000 people could die").
pub(super) fn projected(tokens: &[Token], start: usize, end: usize) -> Option<(usize, usize)> {
    let word = |k: usize| tokens.get(k).map_or("", |token| token.text.as_ref());
    let back = |n: usize| start.checked_sub(n).map_or("", word);
    // The verb right before the number, or before "to" there.
    let verb = (1..=2).find(|&n| GROWTH.contains(&back(n)) && (n == 1 || back(1) == "to"));
    if let Some(n) = verb {
        let modal = MODALS.contains(&back(n + 1));
        let expected = back(n + 1) == "to" && EXPECTED.contains(&back(n + 2));
        if modal || expected {
            return Some((start - n - if expected { 2 } else { 1 }, start));
        }
    }
    (0..=1).find_map(|skip| {
        let at = end + skip;
        let is_word = |k: usize| tokens.get(k).and_then(Token::word).is_some();
        let between_words = (end..at).all(|k| is_word(k) && !MODALS.contains(&word(k)));
        let befalls = MODALS.contains(&word(at)) && BEFALL.contains(&word(at + 1));
        let expected = matches!(word(at), "are" | "is")
            && EXPECTED.contains(&word(at + 1))
            && word(at + 2) == "to"
            && BEFALL.contains(&word(at + 3));
        (at < tokens.len() && between_words && (befalls || expected)).then(|| {
            let last = at + if expected { 4 } else { 2 };
            (at, last)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::lexer::tokenize;
    use crate::value::settings::DecimalMark;

    /// The words that make `number` (a token of `quote`) a projection, if any.
    fn projection(quote: &str, number: &str) -> Option<String> {
        let tokens = tokenize(quote, DecimalMark::Point);
        let at = (tokens.iter()).position(|t| t.text == number).unwrap();
        let (from, to) = projected(&tokens, at, at + 1)?;
        let span = tokens[from].span.start..tokens[to - 1].span.end;
        Some(quote[span].to_string())
    }

    #[test]
    fn a_number_the_quote_projects_is_found_with_its_words() {
        for (quote, words) in [
            ("the toll could reach 5,000", "could reach"),
            ("the toll may rise to 5,000 by spring", "may rise to"),
            (
                "deaths are expected to climb to 5,000",
                "expected to climb to",
            ),
            ("the toll will exceed 5,000", "will exceed"),
            ("5,000 could die this winter", "could die"),
            ("5,000 people might be killed", "might be"),
            ("5,000 are expected to die", "are expected to die"),
        ] {
            assert_eq!(
                projection(quote, "5,000").as_deref(),
                Some(words),
                "{quote}"
            );
        }
    }

    #[test]
    fn a_count_or_a_possibility_in_the_past_is_no_projection() {
        for quote in [
            "the toll may have reached 5,000",
            "5,000 may have died",
            "the toll reached 5,000",
            "5,000 died and more could die",
            "officials could not confirm 5,000 deaths",
            "to reach 5,000 people, rescuers walked",
            "reach 5,000",
        ] {
            assert_eq!(projection(quote, "5,000"), None, "{quote}");
        }
    }
}
