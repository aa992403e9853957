//! Splits a value or a quote into numbers (digits with group separators and a decimal part),
//! words and the symbols the grammar uses; other punctuation separates.

use std::ops::Range;

pub(super) const SYMBOLS: [char; 7] = ['~', '+', '-', '–', '—', '‒', '−'];
pub(super) const GROUP_SEPARATORS: [char; 5] = [',', ' ', '\u{a0}', '\u{202f}', '\u{2009}'];

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Decimal {
    pub(super) mantissa: u128,
    pub(super) decimals: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Kind {
    /// None when the digits do not fit in u128.
    Number(Option<Decimal>),
    Word,
    Symbol,
}

#[derive(Debug, Clone)]
pub(super) struct Token {
    pub(super) kind: Kind,
    /// Lowercased source text.
    pub(super) text: String,
    pub(super) span: Range<usize>,
}

impl Token {
    /// The text of a word or symbol; None for a number.
    pub(super) fn word(&self) -> Option<&str> {
        (!matches!(self.kind, Kind::Number(_))).then_some(self.text.as_str())
    }
}

/// Splits text into numbers, words and the symbols the grammar uses; other punctuation separates.
pub(super) fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |&(byte, _)| byte);
    let mut tokens = Vec::new();
    let mut i = 0;
    while let Some(&(_, c)) = chars.get(i) {
        let (kind, next) = if c.is_ascii_digit() {
            let (number, next) = scan_number(&chars, i);
            (Kind::Number(number), next)
        } else if c.is_alphabetic() {
            let length = chars[i..]
                .iter()
                .take_while(|(_, c)| c.is_alphabetic())
                .count();
            (Kind::Word, i + length)
        } else if SYMBOLS.contains(&c) {
            (Kind::Symbol, i + 1)
        } else {
            i += 1;
            continue;
        };
        let span = byte_at(i)..byte_at(next);
        let text = slice(text, &span).to_lowercase();
        tokens.push(Token { kind, text, span });
        i = next;
    }
    tokens
}

/// Reads digits from `chars[start]`, with thousands groups ("30,000", "30 000") and a decimal
/// part; returns the number and the index after it.
pub(super) fn scan_number(chars: &[(usize, char)], start: usize) -> (Option<Decimal>, usize) {
    let digit_at = |i: usize| chars.get(i).and_then(|&(_, c)| c.to_digit(10));
    let push =
        |mantissa: Option<u128>, digit: u32| mantissa?.checked_mul(10)?.checked_add(digit.into());
    let (mut mantissa, mut decimals, mut i) = (Some(0), 0u32, start);
    while let Some(digit) = digit_at(i) {
        mantissa = push(mantissa, digit);
        i += 1;
    }
    // "in 2019 150 fled" stays two numbers: groups only follow a lead of one to three digits.
    if i - start <= 3 {
        while chars
            .get(i)
            .is_some_and(|(_, c)| GROUP_SEPARATORS.contains(c))
        {
            let group: Option<Vec<u32>> = (1..=3).map(|k| digit_at(i + k)).collect();
            match group {
                Some(group) if digit_at(i + 4).is_none() => {
                    mantissa = group.into_iter().fold(mantissa, push)
                }
                _ => break,
            }
            i += 4;
        }
    }
    if chars.get(i).is_some_and(|&(_, c)| c == '.') && digit_at(i + 1).is_some() {
        i += 1;
        while let Some(digit) = digit_at(i) {
            mantissa = push(mantissa, digit);
            decimals = decimals.saturating_add(1);
            i += 1;
        }
    }
    (mantissa.map(|mantissa| Decimal { mantissa, decimals }), i)
}

/// Widens a token's span to the whitespace-delimited word around it, so "n/a" is reported whole.
pub(super) fn whole_word(text: &str, span: Range<usize>) -> Range<usize> {
    let before = text.char_indices().take_while(|&(i, _)| i < span.start);
    let start = before
        .filter(|(_, c)| c.is_whitespace())
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text
        .char_indices()
        .find(|&(i, c)| i >= span.end && c.is_whitespace());
    start..end.map_or(text.len(), |(i, _)| i)
}

pub(super) fn slice<'a>(text: &'a str, span: &Range<usize>) -> &'a str {
    text.get(span.clone()).unwrap_or(text)
}
