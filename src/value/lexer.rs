//! Splits a value or a quote into tokens: numbers (digits of any script the grammar knows, with
//! their group separators and decimal part, read by the base's decimal mark), words and single
//! symbols. Every character is white space or part of a token, so the grammar sees all of it and
//! can refuse what it does not read.

mod numbers;

use super::number::Ratio;
use super::settings::DecimalMark;
use numbers::{NumberReader, digit};
use std::borrow::Cow;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Kind {
    /// Digits, or why they cannot be read as a number ("30.000" is ambiguous, "5e3" has an exponent).
    Number(Result<Ratio, String>),
    Word,
    /// One character that is neither a letter, a digit nor white space.
    Symbol,
}

#[derive(Debug, Clone)]
pub(super) struct Token<'t> {
    pub(super) kind: Kind,
    /// Lowercased source text, borrowed from the text when it is lowercase already (most is:
    /// every quote is split into tokens).
    pub(super) text: Cow<'t, str>,
    pub(super) span: Range<usize>,
    /// No white space before it: "12k" is a number with a glued word.
    pub(super) glued: bool,
}

impl Token<'_> {
    /// The text of a word or symbol; None for a number.
    pub(super) fn word(&self) -> Option<&str> {
        (!matches!(self.kind, Kind::Number(_))).then_some(self.text.as_ref())
    }
}

/// Splits text into numbers, words and symbols; white space separates them.
pub(super) fn tokenize(text: &str, decimal: DecimalMark) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 4 + 1);
    let mut numbers = NumberReader::default();
    let mut pos = 0;
    let mut after_space = true;
    while let Some(&byte) = bytes.get(pos) {
        // Most of every quote is ASCII words and spaces: read a byte at a time, not a character.
        if byte == b' ' {
            pos += 1;
            after_space = true;
            continue;
        }
        if byte.is_ascii_alphabetic() {
            let (ascii_end, uppercase) = ascii_word_end(bytes, pos);
            let end = match bytes.get(ascii_end) {
                Some(next) if !next.is_ascii() || *next == b'\'' => word_end(text, pos),
                _ => ascii_end,
            };
            let written = &text[pos..end];
            // A word that runs on past its ASCII letters (an accent, an apostrophe) is read again
            // by characters for its case.
            let uppercase = if end == ascii_end {
                uppercase
            } else {
                written.chars().any(char::is_uppercase)
            };
            tokens.push(token(Kind::Word, written, pos..end, uppercase, after_space));
            pos = end;
            after_space = false;
            continue;
        }
        let c = char_at(text, pos).expect("a character starts at every position the loop reaches");
        if c.is_whitespace() {
            pos += c.len_utf8();
            after_space = true;
            continue;
        }
        let (kind, end) = if digit(c).is_some() {
            let (number, end) = numbers.read(text, pos, decimal);
            (Kind::Number(number), end)
        } else if c.is_alphabetic() {
            (Kind::Word, word_end(text, pos))
        } else {
            (Kind::Symbol, pos + c.len_utf8())
        };
        let span = pos..end;
        let written = slice(text, &span);
        let uppercase = if written.is_ascii() {
            written.bytes().any(|b| b.is_ascii_uppercase())
        } else {
            written.chars().any(char::is_uppercase)
        };
        tokens.push(token(kind, written, span, uppercase, after_space));
        pos = end;
        after_space = false;
    }
    tokens
}

/// A token of `kind` written as `written`, lowercased when it has an uppercase letter.
fn token(
    kind: Kind,
    written: &str,
    span: Range<usize>,
    uppercase: bool,
    after_space: bool,
) -> Token<'_> {
    let text = if uppercase {
        Cow::Owned(written.to_lowercase())
    } else {
        Cow::Borrowed(written)
    };
    Token {
        kind,
        text,
        span,
        glued: !after_space,
    }
}

/// The end of the run of ASCII letters at `start`, and whether any is uppercase.
fn ascii_word_end(bytes: &[u8], start: usize) -> (usize, bool) {
    let mut end = start;
    let mut uppercase = false;
    while let Some(&byte) = bytes.get(end) {
        match byte {
            b'a'..=b'z' => {}
            b'A'..=b'Z' => uppercase = true,
            _ => break,
        }
        end += 1;
    }
    (end, uppercase)
}

/// The character at byte `pos` of `text`; most text is ASCII, read a byte at a time.
fn char_at(text: &str, pos: usize) -> Option<char> {
    match *text.as_bytes().get(pos)? {
        byte if byte.is_ascii() => Some(char::from(byte)),
        _ => text.get(pos..)?.chars().next(),
    }
}

/// A word runs over letters and over an apostrophe between letters ("world's").
pub(super) fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = start;
    loop {
        // A run of ASCII letters at once; an apostrophe or any other character as a character.
        end += bytes[end..]
            .iter()
            .take_while(|byte| byte.is_ascii_alphabetic())
            .count();
        match bytes.get(end) {
            Some(byte) if byte.is_ascii() && *byte != b'\'' => return end,
            None => return end,
            Some(_) => {
                let mut ahead = text[end..].chars();
                match ahead.next() {
                    Some(c) if c.is_alphabetic() => end += c.len_utf8(),
                    Some(c @ ('\'' | '’')) => match ahead.next() {
                        Some(next) if next.is_alphabetic() => end += c.len_utf8() + next.len_utf8(),
                        _ => return end,
                    },
                    _ => return end,
                }
            }
        }
    }
}

/// Widens a token's span to the whitespace-delimited word around it, so "n/a" is reported whole.
pub(super) fn whole_word(text: &str, span: Range<usize>) -> Range<usize> {
    let (Some(before), Some(after)) = (text.get(..span.start), text.get(span.end..)) else {
        return span;
    };
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = after
        .char_indices()
        .find(|(_, c)| c.is_whitespace())
        .map_or(text.len(), |(i, _)| span.end + i);
    start..end
}

pub(super) fn slice<'a>(text: &'a str, span: &Range<usize>) -> &'a str {
    text.get(span.clone()).unwrap_or(text)
}

#[cfg(test)]
mod tests;
