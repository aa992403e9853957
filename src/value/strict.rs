//! What a value may hold besides its number phrase: after the phrase, only words that say what is
//! counted ("political dissidents"), never a word or sign that would change the reading or limit
//! the count to a time or a part; and nowhere a character or number the grammar cannot read. Each
//! refusal names what it refused.

use super::lexer::{Kind, Token, slice};
use super::outcome::Outcomes;
use super::parser::{ValueError, fault};
use super::phrases::is_reading_word;
use super::scope;
use super::settings::ValueSettings;
use super::tail::{self, Refusal};
use super::words::is_number_word;

/// Refuses characters that would be misleading in any message (invisible ones, "∞") and numbers
/// no reading accepts, wherever they stand. Other symbols are refused where the grammar meets
/// them, with the words around them.
pub(super) fn refuse_unreadable(text: &str, tokens: &[Token]) -> Result<(), ValueError> {
    // Looked for in the text, not among the symbols: a soft hyphen or a joiner inside a word is
    // part of the word's token.
    if let Some((at, c)) = text.char_indices().find(|&(_, c)| invisible(c)) {
        let message = format!(
            "the value holds an invisible character (U+{:04X}): remove it",
            u32::from(c)
        );
        return Err(fault(message, at..at + c.len_utf8()));
    }
    for token in tokens {
        let refusal = match &token.kind {
            Kind::Number(Err(message)) => Some(message.clone()),
            Kind::Symbol if slice(text, &token.span).starts_with('∞') => Some(
                "\"∞\" is not a count: for an open upper end write \"at least\" and the number"
                    .to_string(),
            ),
            _ => None,
        };
        if let Some(message) = refusal {
            return Err(fault(message, token.span.clone()));
        }
    }
    Ok(())
}

/// Control characters other than white space, and the format characters that show as nothing:
/// soft hyphen, zero-width spaces and joiners, direction marks and isolates, invisible operators,
/// byte-order mark.
fn invisible(c: char) -> bool {
    (c.is_control() && !c.is_whitespace())
        || matches!(
            c,
            '\u{ad}'
                | '\u{180e}'
                | '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{feff}'
        )
}

/// Checks the tokens after the number phrase `tokens[..start]`: words describing what is counted
/// may follow, joined by hyphens ("five-minute trials"); nothing that would change the reading.
pub(super) fn check_tail(
    text: &str,
    tokens: &[Token],
    start: usize,
    settings: &ValueSettings,
) -> Result<(), ValueError> {
    let phrase_start = tokens.first().map_or(0, |t| t.span.start);
    let phrase_end = start
        .checked_sub(1)
        .and_then(|i| tokens.get(i))
        .map_or(0, |t| t.span.end);
    let phrase = slice(text, &(phrase_start..phrase_end));
    let rest = |k: usize| {
        let from = tokens.get(k).map_or(text.len(), |t| t.span.start);
        slice(text, &(from..text.len())).trim_end()
    };
    // Inside a name written with digits ("COVID-19", "H1N1", "SARS-CoV-2", "G7"): from its word
    // to the last token joined to it, none of it is a number of the value.
    let mut in_code = false;
    for (k, token) in tokens.iter().enumerate().skip(start) {
        let previous = k.checked_sub(1).and_then(|i| tokens.get(i));
        let next = tokens.get(k + 1);
        if in_code && token.glued && (token.kind != Kind::Symbol || token.text == "-") {
            continue;
        }
        in_code = token.kind == Kind::Word && opens_code(tokens, k);
        if in_code {
            continue;
        }
        let number_follows = next.is_some_and(|n| n.word().is_none_or(is_number_word));
        if token.text == "or" && number_follows {
            let message = format!(
                "\"{}\" gives alternatives: record one claim per number, or the range they span \
                 (\"A to B\") with the source's words in a `note`",
                rest(0)
            );
            return Err(fault(message, phrase_start..text.len()));
        }
        match token.kind {
            Kind::Number(_) => {
                let message = format!(
                    "cannot read \"{}\" after \"{phrase}\": a value states one number phrase",
                    rest(k)
                );
                return Err(fault(message, token.span.start..text.len()));
            }
            Kind::Word if token.glued && previous.is_some_and(|p| p.word().is_none()) => {
                let number = previous.map_or(token.span.clone(), |p| p.span.start..token.span.end);
                let message = format!("cannot read \"{}\" as a count", slice(text, &number));
                return Err(fault(message, number));
            }
            // "killed or injured": those of either outcome, read as what is counted.
            Kind::Word if token.text == "or" && joins_outcomes(previous, next) => continue,
            Kind::Word => {
                let refused = if is_reading_word(&token.text, settings) {
                    Some((Refusal::Reading, 1))
                } else {
                    tail::refused_words(previous, &tokens[k..])
                        .or_else(|| Some((Refusal::Scope, scope::limiting_words(&tokens[k..])?)))
                };
                let (refusal, length) = refused.unzip();
                // "5,000 at least", "5,000 at most": the word before belongs to the phrase.
                let from = match (&refusal, previous) {
                    (Some(Refusal::Reading), Some(p)) if k > start && p.text == "at" => k - 1,
                    _ => k,
                };
                // The refused words whole: "at least", "and older".
                let end = (k + length.unwrap_or(1)).min(tokens.len());
                let words: Vec<&str> = tokens[from..end].iter().map(|t| t.text.as_ref()).collect();
                let word = words.join(" ");
                let why = match refusal {
                    Some(Refusal::Scale) => format!(
                        "\"{word}\" looks like a scale word the grammar does not read; write the \
                         number in digits, keeping the source's words in `quote`"
                    ),
                    Some(Refusal::Rate) => "a number for each period or item is a rate, not a \
                        count; on a figure that counts per period (label \"Deaths a day\") write \
                        the number alone, keeping the source's words in `quote`"
                        .to_string(),
                    Some(Refusal::Scope) => "the words limit the count to a time or a part; \
                        record the number alone on a figure that counts just that time or part \
                        (one declared with `part_of`, say), keeping the source's words in `quote`"
                        .to_string(),
                    Some(Refusal::Reading) => format!(
                        "\"{word}\" would change the reading; words after the number may only say \
                         what is counted"
                    ),
                    None => continue,
                };
                let message = format!("cannot read \"{}\" after \"{phrase}\": {why}", rest(from));
                return Err(fault(message, tokens[from].span.start..text.len()));
            }
            Kind::Symbol => {
                let joins_words = token.text == "-"
                    && token.glued
                    && next.is_some_and(|n| n.kind == Kind::Word && n.glued);
                if !joins_words {
                    let message = format!("cannot read \"{}\" after \"{phrase}\"", rest(k));
                    return Err(fault(message, token.span.start..text.len()));
                }
            }
        }
    }
    Ok(())
}

/// Whether the word at `k` is joined to a number that follows it, directly or by a hyphen
/// ("COVID-19", "H1N1", "G7"), and not to one before it: "3x1,000", "12ʼ500" and "1-on-1" write
/// numbers, not names.
fn opens_code(tokens: &[Token], k: usize) -> bool {
    let mut at = k;
    while tokens[at].glued && at > 0 {
        at -= 1;
        if matches!(tokens[at].kind, Kind::Number(_)) {
            return false;
        }
    }
    tail::joined_to_number(tokens, k)
}

/// Whether "or" between `previous` and `next` joins two outcomes ("killed or injured"): those of
/// either, which the words after the number say are counted.
fn joins_outcomes(previous: Option<&Token>, next: Option<&Token>) -> bool {
    let outcome =
        |token: Option<&Token>| token.is_some_and(|t| Outcomes::of_word(&t.text).is_some());
    outcome(previous) && outcome(next)
}
