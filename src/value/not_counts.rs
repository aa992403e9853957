//! Numbers in a value that are not the count: a year ("1988 massacre victims", "2003–2011"), a
//! date ("7 October hostages"), a number joined to the word it describes ("a 5,000-seat arena",
//! "28-day deaths", "five-minute trials") and a name that starts with a number word ("Three Mile
//! Island evacuees"). Each reads as a count of the wrong thing, so each is refused; quotes are
//! not held to this, since they name years and dates around the figures they state.

use super::lexer::{Kind, Token, slice};
use super::parser::{ValueError, fault};
use super::phrases::is_reading_word;
use super::settings::ValueSettings;
use super::tail;
use super::text_phrases::MONTHS;
use super::words::{digit_scale, is_fraction_word, is_number_word};

/// Words a number may be joined to by a hyphen and still count people: "a 30,000-strong march".
const COUNTING_COMPOUNDS: [&str; 8] = [
    "strong", "person", "people", "man", "men", "woman", "women", "member",
];

/// Abbreviated months, beside the names [`MONTHS`] holds.
const MONTH_ABBREVIATIONS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Refuses a value whose numbers name a year, a date, what they are joined to, or a name.
pub(super) fn refuse_not_counts(
    text: &str,
    tokens: &[Token],
    settings: &ValueSettings,
) -> Result<(), ValueError> {
    for (i, token) in tokens.iter().enumerate() {
        let Some(next) = tokens.get(i + 1) else {
            break;
        };
        let refusal = year_or_date(text, token, next)
            .or_else(|| joined_size(text, tokens, i, settings))
            .or_else(|| name_start(text, token, next));
        if let Some(refusal) = refusal {
            return Err(refusal);
        }
    }
    Ok(())
}

/// "1988 massacre victims", "2003–2011": a year with more after it; "7 October hostages": a day.
fn year_or_date(text: &str, token: &Token, next: &Token) -> Option<ValueError> {
    let Kind::Number(Ok(n)) = &token.kind else {
        return None;
    };
    let written = slice(text, &token.span);
    let whole = n.is_whole().then(|| n.to_f64());
    let year = written.len() == 4 && written.bytes().all(|b| b.is_ascii_digit());
    if year && whole.is_some_and(|n| (1900.0..2100.0).contains(&n)) {
        let message = format!(
            "\"{written}\" followed by more reads as a year: write a count of that size with a \
             thousands separator (\"{},{}\"), and a year in `as_of` or the figure's label",
            &written[..1],
            &written[1..]
        );
        return Some(fault(message, token.span.start..text.len()));
    }
    let day = written.len() <= 2 && whole.is_some_and(|n| (1.0..=31.0).contains(&n));
    let next_written = slice(text, &next.span);
    // "May" with its capital: "30 may have died" is no date.
    let month = next_written == "May"
        || (next_written != "may" && {
            let word = next.text.trim_end_matches('.');
            MONTHS.contains(&word) || MONTH_ABBREVIATIONS.contains(&word)
        });
    (day && month).then(|| {
        let both = token.span.start..next.span.end;
        let message = format!(
            "\"{}\" reads as a date, not a count: record the date in `as_of` and the count the \
             source gives as the value",
            slice(text, &both)
        );
        fault(message, both)
    })
}

/// "a 5,000-seat arena", "28-day deaths": a number joined to what it describes.
fn joined_size(
    text: &str,
    tokens: &[Token],
    i: usize,
    settings: &ValueSettings,
) -> Option<ValueError> {
    let token = &tokens[i];
    let number = matches!(token.kind, Kind::Number(Ok(_))) || is_number_word(&token.text);
    (number && describes_joined_word(tokens, i, settings)).then(|| {
        let span = token.span.start..tokens[i + 2].span.end;
        let message = format!(
            "\"{}\" describes what the number is joined to (as in \"a 5,000-seat arena\", \
             \"28-day deaths\"), not a count: record the count the source gives, or a `statement`",
            slice(text, &span)
        );
        fault(message, span)
    })
}

/// "Three Mile Island evacuees": a capitalised number word before a capitalised word.
fn name_start(text: &str, token: &Token, next: &Token) -> Option<ValueError> {
    let written = slice(text, &token.span);
    let capitalised = |word: &str| word.chars().next().is_some_and(char::is_uppercase);
    let name_follows = matches!(next.kind, Kind::Word)
        && !next.glued
        && capitalised(slice(text, &next.span))
        && !is_number_word(&next.text)
        && digit_scale(&next.text).is_none();
    // Capitals throughout are a shouted headline ("ONE DEAD"), not a name.
    let shouted = written.len() > 1 && !written.chars().any(char::is_lowercase);
    (is_number_word(&token.text) && capitalised(written) && !shouted && name_follows).then(|| {
        let both = token.span.start..next.span.end;
        let message = format!(
            "\"{}\" reads as the start of a name (as in \"Three Mile Island\"), not a count: \
             write the count in digits, with the name in the figure's label or a `note`",
            slice(text, &both)
        );
        fault(message, both)
    })
}

/// Whether the number at `i` is joined by a hyphen to a word it describes: not a number or
/// fraction word ("thirty-two", "one-third"), nor a scale, nor a word the tail refuses with its
/// own reason ("5,000-odd", "5,000-plus"), nor one that still counts people ("30,000-strong").
fn describes_joined_word(tokens: &[Token], i: usize, settings: &ValueSettings) -> bool {
    let (Some(hyphen), Some(word)) = (tokens.get(i + 1), tokens.get(i + 2)) else {
        return false;
    };
    let joined = hyphen.text == "-" && hyphen.glued && word.glued && word.kind == Kind::Word;
    let text = word.text.as_ref();
    // "one-and-a-half million", "two-point-eight million": number words spelt out with hyphens.
    let spelt_number = matches!(text, "and" | "point" | "a");
    joined
        && !spelt_number
        && !(is_number_word(text)
            || is_fraction_word(text)
            || digit_scale(text).is_some()
            || COUNTING_COMPOUNDS.contains(&text)
            || is_reading_word(text, settings)
            || tail::refusal(Some(hyphen), &tokens[i + 2..]).is_some())
}
