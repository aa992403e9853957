//! What a value may hold besides its number phrase: after the phrase, only words that say what is
//! counted ("political dissidents"), never a word or sign that would change the reading; and
//! nowhere a character or number the grammar cannot read. Each refusal names what it refused.

use super::lexer::{Kind, Token, slice};
use super::parser::{ValueError, fault};
use super::phrases::is_reading_word;
use super::settings::ValueSettings;
use super::tail::{self, Refusal};
use super::words::is_number_word;

/// Refuses numbers no reading accepts and characters that would be misleading in any message
/// (invisible ones, "∞"), wherever they stand. Other symbols are refused where the grammar meets
/// them, with the words around them.
pub(super) fn refuse_unreadable(text: &str, tokens: &[Token]) -> Result<(), ValueError> {
    for token in tokens {
        let refusal = match &token.kind {
            Kind::Number(Err(message)) => Some(message.clone()),
            Kind::Symbol => slice(text, &token.span)
                .chars()
                .next()
                .and_then(refused_symbol),
            _ => None,
        };
        if let Some(message) = refusal {
            return Err(fault(message, token.span.clone()));
        }
    }
    Ok(())
}

fn refused_symbol(c: char) -> Option<String> {
    let invisible = c.is_control()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}' | '\u{feff}');
    if invisible {
        let code = format!("U+{:04X}", u32::from(c));
        Some(format!(
            "the value holds an invisible character ({code}): remove it"
        ))
    } else if c == '∞' {
        Some("\"∞\" is not a count: for an open upper end write \"at least\" and the number".into())
    } else {
        None
    }
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
    for (k, token) in tokens.iter().enumerate().skip(start) {
        let previous = k.checked_sub(1).and_then(|i| tokens.get(i));
        let next = tokens.get(k + 1);
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
            Kind::Word => {
                let refusal = if is_reading_word(&token.text, settings) {
                    Some(Refusal::Reading)
                } else {
                    tail::refusal(previous, &tokens[k..])
                };
                let word = &token.text;
                let why = match refusal {
                    Some(Refusal::Scale) => format!(
                        "\"{word}\" looks like a scale word the grammar does not read; write the \
                         number in digits, keeping the source's words in `quote`"
                    ),
                    Some(Refusal::Rate) => "a number for each period or item is a rate, not a \
                        count; on a figure that counts per period (label \"Deaths a day\") write \
                        the number alone, keeping the source's words in `quote`"
                        .to_string(),
                    Some(Refusal::Reading) => format!(
                        "\"{word}\" would change the reading; words after the number may only say \
                         what is counted"
                    ),
                    None => continue,
                };
                let message = format!("cannot read \"{}\" after \"{phrase}\": {why}", rest(k));
                return Err(fault(message, token.span.start..text.len()));
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
