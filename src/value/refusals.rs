//! Wordings that state no number of their own, refused with help that says what to record
//! instead: figures relative to another ("more than twice that number", "100 percent
//! understated", "far fewer"), denials ("utter lies") and a count put close above its number
//! ("just over 5,000").

use super::lexer::{Kind, Token};
use super::parser::{ValueError, fault};
use super::phrases::phrase_at;

/// Words that set a figure against another one.
const RELATIVE: &[&str] = &[
    "twice",
    "thrice",
    "double",
    "doubled",
    "triple",
    "tripled",
    "quadruple",
    "times",
    "understated",
    "overstated",
    "underestimated",
    "overestimated",
    "underestimate",
    "overestimate",
    "underreported",
    "overreported",
    "exaggerated",
    "inflated",
];
/// Words that, after "far" or "much", compare with another figure: "far fewer", "much higher".
const COMPARATIVES: &[&str] = &[
    "more", "fewer", "less", "higher", "lower", "greater", "smaller", "larger", "bigger", "above",
    "below",
];
/// Nouns that, after "that", "this" or "official", name another figure: "that number".
const OTHER_FIGURE: &[&str] = &[
    "number",
    "figure",
    "figures",
    "toll",
    "count",
    "estimate",
    "estimates",
    "tally",
];
/// Words that deny a figure rather than state one.
const DENIALS: &[&str] = &[
    "lie",
    "lies",
    "lying",
    "false",
    "falsehood",
    "falsehoods",
    "fabricated",
    "fabrication",
    "fabrications",
    "untrue",
    "baseless",
    "groundless",
    "hoax",
    "myth",
    "denied",
    "denies",
    "deny",
    "nonsense",
];

/// Phrases putting a count close above its number: no bound the grammar reads says that.
const CLOSE_ABOVE: [&str; 8] = [
    "just over",
    "just above",
    "slightly over",
    "slightly above",
    "slightly more than",
    "a little over",
    "a little above",
    "a little more than",
];

/// Refuses "just over 5,000" and its kin: read as at least 5,000 it would let any larger count
/// pass without a conflict, though the source puts the count near 5,000.
pub(super) fn refuse_close_above(text: &str, tokens: &[Token]) -> Result<(), ValueError> {
    let found = (0..tokens.len()).find_map(|start| {
        let words = CLOSE_ABOVE
            .iter()
            .find_map(|p| phrase_at(tokens, start, p))?;
        Some((start, words))
    });
    let Some((start, words)) = found else {
        return Ok(());
    };
    let span = tokens[start].span.start..tokens[start + words - 1].span.end;
    let message = format!(
        "\"{}\" puts the count close above its number, which no bound the grammar reads says: read \
         as at least that number, it would let any larger count pass; record the span the source \
         allows as a range (such as \"5,000 to 5,500\") or with `low` and `high`, keeping its words \
         in `quote`",
        &text[span.clone()]
    );
    Err(fault(message, span))
}

/// Refuses a value whose words set it against another figure or deny one, wherever they stand.
pub(super) fn refuse_relative_or_denial(text: &str, tokens: &[Token]) -> Result<(), ValueError> {
    let words: Vec<(&str, &Token)> = tokens
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .map(|t| (t.text.as_ref(), t))
        .collect();
    let listed = |list: &[&str], word: &str| list.contains(&word);
    for (k, &(word, token)) in words.iter().enumerate() {
        let next = words.get(k + 1).map_or("", |(w, _)| *w);
        let relative = listed(RELATIVE, word)
            || (word.len() > 4 && word.ends_with("fold"))
            || (matches!(word, "far" | "much") && listed(COMPARATIVES, next))
            || (matches!(word, "that" | "this" | "official") && listed(OTHER_FIGURE, next));
        if relative {
            let message = format!(
                "\"{}\" states a figure relative to another one, not a number: record the number \
                 it implies as the value with the source's words in a `note`, or record a \
                 `statement` without a value",
                text.trim()
            );
            return Err(fault(message, token.span.clone()));
        }
        if listed(DENIALS, word) {
            let message = format!(
                "\"{}\" denies a figure rather than stating one: record a claim with a \
                 `statement` and no value, and leave the figure it denies to the claims that \
                 state it",
                text.trim()
            );
            return Err(fault(message, token.span.clone()));
        }
    }
    Ok(())
}
