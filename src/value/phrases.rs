//! The fixed phrases of the grammar (bounds, range openers, hedges, estimate intervals, trailing
//! bounds) and the settings' phrases (approximation words, vague words), matched word for word
//! against a value's tokens.

use super::lexer::{Kind, Token, word_end};
use super::settings::ValueSettings;
use foldhash::HashMap;
use std::sync::LazyLock;

/// "More than" and "over" keep the stated number as the lower end (not n+1): sources use them
/// loosely, and an interval that includes n never contradicts a source that said n.
/// "As few as n" and "as many as n" name one end of what the source thinks possible. "Well over n"
/// says no more than "over n" of how far over.
pub(super) const AT_LEAST: &[&str] = &[
    "at least",
    "more than",
    "greater than",
    "over",
    "well over",
    "above",
    "well above",
    "beyond",
    "north of",
    "exceeding",
    "upwards of",
    "in excess of",
    "well in excess of",
    "a minimum of",
    "minimum",
    "no fewer than",
    "no less than",
    "not fewer than",
    "not less than",
    "as few as",
    "as low as",
    ">",
    "≥",
    ">=",
];
pub(super) const AT_MOST: &[&str] = &[
    "at most",
    "fewer than",
    "less than",
    "up to",
    "under",
    "below",
    "south of",
    "a maximum of",
    "maximum",
    "max",
    "max.",
    "no more than",
    "not more than",
    "as many as",
    "as high as",
    "as much as",
    "<",
    "≤",
    "<=",
];
/// Phrases that open a range; "between" takes "and", the others "to" or a dash.
pub(super) const RANGE_OPENERS: &[&str] = &[
    "between",
    "anything from",
    "anywhere from",
    "from",
    "in the range of",
    "in the range from",
    "in the range",
];
/// Hedges and estimate markers: they qualify the reading, which stays as read, tagged hedged.
/// Longer phrases first, so "estimated at" is not read as "estimated".
pub(super) const HEDGES: &[&str] = &[
    "an estimated",
    "estimated at",
    "estimated",
    "est.",
    "probably",
    "possibly",
    "perhaps",
    "maybe",
    "likely",
    "could be",
    "may be",
    "might be",
];
/// After a central value: the interval an estimate gives it ("(95% CI 10.2–25.1 million)").
pub(super) const INTERVAL_LABELS: &[&str] = &[
    "confidence interval",
    "credible interval",
    "uncertainty interval",
    "ci",
    "ui",
    "range",
];
/// Approximation words that only widen downwards: they mean "just below n".
pub(super) const BELOW_WORDS: [&str; 11] = [
    "nearly",
    "almost",
    "close to",
    "just under",
    "just below",
    "just short of",
    "slightly under",
    "slightly below",
    "slightly less than",
    "a little under",
    "a little less than",
];
pub(super) const DASHES: [&str; 4] = ["-", "–", "—", "‒"];

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Bound {
    AtLeast,
    AtMost,
    Approx { tolerance: f64, below: bool },
}

/// A bound or approximation phrase: what it means and the tokens it covers.
pub(super) struct Prefix {
    pub(super) bound: Bound,
    pub(super) next: usize,
}

/// The bound phrases of the grammar by their first word: each place of a quote is tried against
/// the few that start with its word.
static BOUNDS_BY_FIRST_WORD: LazyLock<HashMap<&str, Vec<(&str, Bound)>>> = LazyLock::new(|| {
    let mut by_first_word: HashMap<&str, Vec<(&str, Bound)>> = HashMap::default();
    let at_least = AT_LEAST.iter().map(|&phrase| (phrase, Bound::AtLeast));
    let at_most = AT_MOST.iter().map(|&phrase| (phrase, Bound::AtMost));
    for (phrase, bound) in at_least.chain(at_most) {
        if let Some(first) = phrase_words(phrase).next() {
            by_first_word
                .entry(first)
                .or_default()
                .push((phrase, bound));
        }
    }
    by_first_word
});

/// The longest bound or approximation phrase written at `tokens[start]`.
pub(super) fn prefix_at(
    tokens: &[Token],
    start: usize,
    settings: &ValueSettings,
) -> Option<Prefix> {
    let opening = opening(tokens, start)?;
    // Tokens are lowercase, and so are the grammar's phrases: a bound phrase written here starts
    // with this very word.
    let word = tokens.get(start).and_then(Token::word)?;
    let bounds = (BOUNDS_BY_FIRST_WORD.get(word).into_iter().flatten())
        .map(|&(phrase, bound)| (phrase, Some(bound)));
    let approximations = (settings.tolerance.keys())
        .filter(|phrase| opens(phrase, opening))
        .map(|phrase| (phrase.as_str(), None));
    let (length, phrase, bound) = bounds
        .chain(approximations)
        .filter_map(|(phrase, bound)| {
            phrase_at(tokens, start, phrase).map(|length| (length, phrase, bound))
        })
        .max_by_key(|(length, ..)| *length)?;
    // An approximation's meaning is worked out only for the phrase written: this runs at every
    // token of every quote.
    let bound = bound.unwrap_or_else(|| Bound::Approx {
        tolerance: settings.tolerance[phrase],
        below: BELOW_WORDS.contains(&phrase.trim().to_lowercase().as_str()),
    });
    Some(Prefix {
        bound,
        next: start + length,
    })
}

/// A bound written after its number: "5,000+", "5,000-plus", "5,000 or more", "5,000 at least"
/// and "5,000 and counting" (a toll still rising) read as at-least; "5,000 or fewer", "or less"
/// and "5,000 at most" as at-most.
const SUFFIXES: [(&str, Bound); 19] = [
    ("+", Bound::AtLeast),
    ("plus", Bound::AtLeast),
    ("-plus", Bound::AtLeast),
    ("or more", Bound::AtLeast),
    ("at least", Bound::AtLeast),
    ("at the least", Bound::AtLeast),
    ("at the very least", Bound::AtLeast),
    ("at minimum", Bound::AtLeast),
    ("at a minimum", Bound::AtLeast),
    ("minimum", Bound::AtLeast),
    ("and counting", Bound::AtLeast),
    ("or fewer", Bound::AtMost),
    ("or less", Bound::AtMost),
    ("at most", Bound::AtMost),
    ("at the most", Bound::AtMost),
    ("at the very most", Bound::AtMost),
    ("at maximum", Bound::AtMost),
    ("at a maximum", Bound::AtMost),
    ("maximum", Bound::AtMost),
];

/// The bound written at `tokens[start]`, after a number (see [`SUFFIXES`]), and the index after
/// it. Before another number it is none: "5,000 plus 300" adds, as a quote may write.
pub(super) fn suffix_at(tokens: &[Token], start: usize) -> Option<(Bound, usize)> {
    // Every suffix starts with a word or symbol; most places the grammar looks at are numbers,
    // and most words open none of the suffixes.
    let opening = opening(tokens, start)?;
    let (bound, next) = (SUFFIXES.into_iter())
        .filter(|(phrase, _)| opens(phrase, opening))
        .find_map(|(phrase, bound)| {
            phrase_at(tokens, start, phrase).map(|length| (bound, start + length))
        })?;
    let number = |token: &Token| matches!(token.kind, Kind::Number(_));
    (!tokens.get(next).is_some_and(number)).then_some((bound, next))
}

/// The longest vague word of the settings written at `tokens[start]`: the word as the settings
/// name it, its interval and the index after it.
pub(super) fn vague_at(
    tokens: &[Token],
    start: usize,
    settings: &ValueSettings,
) -> Option<(String, [u64; 2], usize)> {
    let opening = opening(tokens, start)?;
    let matches = (settings.vague.iter())
        .filter(|(phrase, _)| opens(phrase, opening))
        .filter_map(|(phrase, bounds)| {
            phrase_at(tokens, start, phrase).map(|length| (phrase.clone(), *bounds, start + length))
        });
    matches.max_by_key(|(_, _, next)| *next)
}

/// The first byte of the word or symbol at `tokens[start]`, lowercase: a phrase written there
/// starts with it. The grammar tries dozens of phrases at a place, and most fail on this byte.
pub(super) fn opening(tokens: &[Token], start: usize) -> Option<u8> {
    let word = tokens.get(start).and_then(Token::word)?;
    word.as_bytes().first().map(u8::to_ascii_lowercase)
}

/// Whether `phrase` may be written where a word opening with `opening` stands.
pub(super) fn opens(phrase: &str, opening: u8) -> bool {
    // The grammar's phrases start with no white space: trimming waits for one that does.
    let first = match phrase.as_bytes().first() {
        Some(byte) if byte.is_ascii_whitespace() => phrase.trim_start().as_bytes().first(),
        first => first,
    };
    first.is_some_and(|byte| byte.to_ascii_lowercase() == opening)
}

/// How many tokens `phrase` covers when it is written at `tokens[start]`.
pub(super) fn phrase_at(tokens: &[Token], start: usize, phrase: &str) -> Option<usize> {
    // Most phrases tried at a place fail on their first word: compared on the phrase's bytes
    // before the phrase is split into words. A phrase that matches starts with the word, in
    // any ASCII case.
    let first = tokens.get(start).and_then(Token::word)?.as_bytes();
    let head = phrase.trim_start().as_bytes();
    if !head
        .get(..first.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(first))
    {
        return None;
    }
    // A word of a quote runs over all the letters in a row: a phrase whose first word runs on
    // past it with another letter ("about" at "a") starts with another word.
    let letter = |byte: Option<&u8>| byte.is_some_and(u8::is_ascii_alphabetic);
    if letter(first.last()) && letter(head.get(first.len())) {
        return None;
    }
    let mut length = 0;
    for want in phrase_words(phrase) {
        let word = tokens.get(start + length).and_then(Token::word)?;
        let same = word == want || (want.is_ascii() && word.eq_ignore_ascii_case(want));
        if !same {
            return None;
        }
        length += 1;
    }
    (length > 0).then_some(length)
}

/// The words and symbols of a phrase, split as the lexer splits a value: runs of letters (with an
/// apostrophe between letters), and every other character that is not white space on its own.
/// Phrases are matched on every token of every quote, so this allocates nothing.
pub(super) fn phrase_words(phrase: &str) -> impl Iterator<Item = &str> {
    let mut rest = phrase.trim_start();
    std::iter::from_fn(move || {
        rest = rest.trim_start();
        let first = rest.chars().next()?;
        let end = if first.is_alphabetic() {
            word_end(rest, 0)
        } else {
            first.len_utf8()
        };
        let (word, after) = rest.split_at(end);
        rest = after;
        Some(word)
    })
}

/// Whether `word` is part of a phrase the grammar or the settings read, so that it would change
/// the reading if it were let through after the number.
pub(super) fn is_reading_word(word: &str, settings: &ValueSettings) -> bool {
    /// Words that occur in phrases but say nothing on their own.
    const PLAIN: [&str; 11] = [
        "a", "an", "the", "of", "to", "in", "and", "from", "at", "be", "may",
    ];
    if PLAIN.contains(&word) {
        return false;
    }
    let in_phrase = |phrase: &str| phrase.split_whitespace().any(|w| w == word);
    READING_WORDS.split_whitespace().any(|w| w == word)
        || [AT_LEAST, AT_MOST, RANGE_OPENERS, HEDGES]
            .into_iter()
            .flatten()
            .any(|phrase| in_phrase(phrase))
        || settings.tolerance.keys().any(|phrase| in_phrase(phrase))
        || settings.vague.keys().any(|phrase| in_phrase(phrase))
}

/// Words that change what a number says: negations, alternatives, restrictions, multipliers,
/// hedges, shares, and the number and quantity words themselves.
const READING_WORDS: &str = "or nor not no never none only just twice thrice double triple times \
    more fewer less least most than over under above below up plus minus \
    estimated estimate probably possibly perhaps maybe likely could might circa \
    half halves third thirds quarter quarters fourth fourths fifth fifths sixth sixths seventh \
    sevenths eighth eighths ninth ninths tenth tenths hundredth hundredths percent per cent \
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen \
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety \
    dozen hundred thousand million billion trillion k m mn bn \
    dozens scores hundreds thousands millions billions tens several few many handful";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::lexer::tokenize;
    use crate::value::settings::DecimalMark;

    proptest::proptest! {
        #[test]
        fn phrases_split_where_the_lexer_splits_text(
            chars in proptest::collection::vec(
                proptest::sample::select(&['a', 'B', 'é', 'Ж', '\'', '’', ' ', '\t', '.', '>', '=', '-'][..]),
                0..24,
            ),
        ) {
            let phrase: String = chars.into_iter().collect();
            let tokens = tokenize(&phrase, DecimalMark::Point);
            let written: Vec<&str> = tokens.iter().map(|t| &phrase[t.span.clone()]).collect();
            proptest::prop_assert_eq!(phrase_words(&phrase).collect::<Vec<_>>(), written);
        }
    }

    #[test]
    fn phrases_split_as_the_lexer_splits_values() {
        let words = |phrase| phrase_words(phrase).collect::<Vec<_>>();
        assert_eq!(words("  in the range of"), ["in", "the", "range", "of"]);
        assert_eq!(words("approx."), ["approx", "."]);
        assert_eq!(words(">="), [">", "="]);
        assert_eq!(words("world's"), ["world's"]);
        let tokens = tokenize("About ≥ 5,000", DecimalMark::Point);
        assert_eq!(phrase_at(&tokens, 0, "about"), Some(1));
        assert_eq!(phrase_at(&tokens, 1, ">="), None);
        let few = tokenize("at least a few", DecimalMark::Point);
        assert_eq!(phrase_at(&few, 0, "at least"), Some(2));
        assert_eq!(phrase_at(&few, 0, "Above"), None);
        assert_eq!(phrase_at(&few, 2, "a few"), Some(2));
        assert_eq!(phrase_at(&few, 2, "about"), None);
        assert_eq!(phrase_at(&tokens, 1, "≥"), Some(1));
        assert_eq!(phrase_at(&tokens, 0, ""), None);
    }
}
