//! Splits a value or a quote into tokens: numbers (digits of any script the grammar knows, with
//! their group separators and decimal part, read by the base's decimal mark), words and single
//! symbols. Every character is white space or part of a token, so the grammar sees all of it and
//! can refuse what it does not read.

use super::number::Ratio;
use super::settings::DecimalMark;
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
    // Sized up front (a character is at least a byte, a token at least two on average with the
    // white space between): every quote of a base is split.
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(text.len());
    chars.extend(text.char_indices());
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |&(byte, _)| byte);
    let mut tokens = Vec::with_capacity(text.len() / 2 + 1);
    let mut i = 0;
    while let Some(&(_, c)) = chars.get(i) {
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let (kind, next) = if digit(c).is_some() {
            let (number, next) = scan_number(&chars, i, decimal);
            (Kind::Number(number), next)
        } else if c.is_alphabetic() {
            (Kind::Word, word_end(&chars, i))
        } else {
            (Kind::Symbol, i + 1)
        };
        let span = byte_at(i)..byte_at(next);
        let written = slice(text, &span);
        let uppercase = if written.is_ascii() {
            written.bytes().any(|b| b.is_ascii_uppercase())
        } else {
            written.chars().any(char::is_uppercase)
        };
        let text = if uppercase {
            Cow::Owned(written.to_lowercase())
        } else {
            Cow::Borrowed(written)
        };
        let glued = i > 0 && chars.get(i - 1).is_some_and(|(_, c)| !c.is_whitespace());
        tokens.push(Token {
            kind,
            text,
            span,
            glued,
        });
        i = next;
    }
    tokens
}

/// A word runs over letters and over an apostrophe between letters ("world's").
fn word_end(chars: &[(usize, char)], start: usize) -> usize {
    let letter_at = |i: usize| chars.get(i).is_some_and(|(_, c)| c.is_alphabetic());
    let mut i = start;
    loop {
        if letter_at(i) {
            i += 1;
        } else if chars.get(i).is_some_and(|(_, c)| matches!(c, '\'' | '’')) && letter_at(i + 1) {
            i += 2;
        } else {
            return i;
        }
    }
}

/// The scripts whose digits are read: ASCII, Arabic-Indic, Persian (Extended Arabic-Indic) and
/// full-width. Returns the digit's value and its script's first code point.
fn digit(c: char) -> Option<(u32, u32)> {
    [0x30, 0x660, 0x6F0, 0xFF10].into_iter().find_map(|zero| {
        let value = u32::from(c).checked_sub(zero).filter(|v| *v < 10)?;
        Some((value, zero))
    })
}

/// How a character between digits may be read.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Separator {
    /// "." or ",": a decimal mark or a group separator, by the base's setting.
    Mark(char),
    /// White space, an apostrophe ("1'000'000") or the Arabic thousands separator.
    Group(char),
    /// The Arabic decimal separator.
    Decimal,
}

fn separator(c: char) -> Option<Separator> {
    match c {
        '.' | '．' => Some(Separator::Mark('.')),
        ',' | '，' => Some(Separator::Mark(',')),
        '\'' | '’' | '٬' => Some(Separator::Group(c)),
        '٫' => Some(Separator::Decimal),
        ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' => Some(Separator::Group(' ')),
        _ => None,
    }
}

/// Reads digits from `chars[start]` with their separators; returns the number, or why it cannot be
/// read, and the index after everything that belongs to it.
fn scan_number(
    chars: &[(usize, char)],
    start: usize,
    decimal: DecimalMark,
) -> (Result<Ratio, String>, usize) {
    let digit_at = |i: usize| chars.get(i).and_then(|&(_, c)| digit(c));
    let run_end = |from: usize| (from..).find(|&i| digit_at(i).is_none()).unwrap_or(from);
    // Each part is a run of digits and the separator before it.
    let mut parts: Vec<(Option<Separator>, Range<usize>)> = vec![(None, start..run_end(start))];
    let mut i = parts[0].1.end;
    while let Some(sep) = chars.get(i).and_then(|&(_, c)| separator(c)) {
        if digit_at(i + 1).is_none() {
            break;
        }
        let end = run_end(i + 1);
        // "in 2019 150 fled" stays two numbers: white space joins only groups of three digits
        // after a lead of one to three.
        let spaced_group = parts.iter().all(|(sep, run)| match sep {
            None => run.len() <= 3,
            Some(sep) => *sep == Separator::Group(' '),
        }) && end - (i + 1) == 3;
        if sep == Separator::Group(' ') && !spaced_group {
            break;
        }
        parts.push((Some(sep), i + 1..end));
        i = end;
    }
    let text: String = chars[start..i].iter().map(|(_, c)| c).collect();
    if let Some(end) = exponent_end(chars, i) {
        let written: String = chars[start..end].iter().map(|(_, c)| c).collect();
        let message = format!(
            "\"{written}\" is written with an exponent, which is not read: write the number out in digits"
        );
        return (Err(message), end);
    }
    (interpret(&text, chars, &parts, decimal), i)
}

/// The index after an exponent ("e3", "E+400") glued to the digits before `i`, if there is one.
fn exponent_end(chars: &[(usize, char)], i: usize) -> Option<usize> {
    let is = |i: usize, f: fn(char) -> bool| chars.get(i).is_some_and(|&(_, c)| f(c));
    if !is(i, |c| matches!(c, 'e' | 'E')) {
        return None;
    }
    let digits = if is(i + 1, |c| matches!(c, '+' | '-' | '−')) {
        i + 2
    } else {
        i + 1
    };
    is(digits, |c| digit(c).is_some())
        .then(|| (digits..).find(|&k| !is(k, |c| digit(c).is_some())))
        .flatten()
}

/// Reads the parts by their separators; refuses what the decimal setting leaves ambiguous.
fn interpret(
    text: &str,
    chars: &[(usize, char)],
    parts: &[(Option<Separator>, Range<usize>)],
    decimal: DecimalMark,
) -> Result<Ratio, String> {
    let digits_of = |run: &Range<usize>| chars[run.clone()].iter().filter_map(|&(_, c)| digit(c));
    let scripts: Vec<u32> = parts
        .iter()
        .flat_map(|(_, run)| digits_of(run).map(|(_, script)| script))
        .collect();
    if scripts.windows(2).any(|pair| pair[0] != pair[1]) {
        return Err(format!("\"{text}\" mixes digits of different scripts"));
    }
    let (mark, other) = (decimal.char(), decimal.other());
    let is_decimal = |sep: &Option<Separator>| match sep {
        Some(Separator::Mark(c)) => *c == mark,
        Some(Separator::Decimal) => true,
        _ => false,
    };
    let decimal_parts = parts.iter().filter(|(sep, _)| is_decimal(sep)).count();
    let last_is_decimal = parts.last().is_some_and(|(sep, _)| is_decimal(sep));
    let setting = decimal.setting_text();
    if decimal_parts > 1 || (decimal_parts == 1 && !last_is_decimal) {
        return Err(format!(
            "\"{text}\" uses \"{mark}\" between groups of digits, but this base reads \"{mark}\" as \
             the decimal mark ({setting} in claimtrack.toml): write the groups with \"{other}\", or \
             set the decimal mark to \"{other}\" if the base writes \"{mark}\" between thousands"
        ));
    }
    let groups = &parts[..parts.len() - decimal_parts];
    let lead = groups[0].1.len();
    let group_seps: Vec<Separator> = groups.iter().filter_map(|(sep, _)| *sep).collect();
    if group_seps.windows(2).any(|pair| pair[0] != pair[1]) {
        return Err(format!("\"{text}\" mixes group separators"));
    }
    let regular = lead <= 3 && groups[1..].iter().all(|(_, run)| run.len() == 3);
    if !group_seps.is_empty() && !regular {
        return Err(format!(
            "\"{text}\" cannot be read: \"{other}\" separates groups of three digits in this base \
             ({setting} in claimtrack.toml); write a decimal number with \"{mark}\", or set the \
             decimal mark to \"{other}\" if the base writes decimal {}",
            if other == ',' { "commas" } else { "points" }
        ));
    }
    let leading_zero = digits_of(&groups[0].1).next().is_some_and(|(d, _)| d == 0);
    if let [(None, _), (Some(Separator::Mark(_)), fraction)] = parts
        && decimal_parts == 1
        && fraction.len() == 3
        && lead <= 3
        && !leading_zero
    {
        let lead: String = chars[parts[0].1.clone()].iter().map(|(_, c)| c).collect();
        let fraction: String = chars[fraction.clone()].iter().map(|(_, c)| c).collect();
        return Err(format!(
            "\"{text}\" is ambiguous: {lead} with \"{mark}\" as the decimal mark, {lead}{other}{fraction} \
             with \"{mark}\" between thousands; write the number without the ambiguity, or set the \
             decimal mark in claimtrack.toml ({setting} now)"
        ));
    }
    let mut mantissa: Option<u128> = Some(0);
    for (_, run) in parts {
        for (d, _) in digits_of(run) {
            mantissa = mantissa.and_then(|m| m.checked_mul(10)?.checked_add(d.into()));
        }
    }
    let decimals = match parts.last() {
        Some((sep, run)) if is_decimal(sep) => u32::try_from(run.len()).ok(),
        _ => Some(0),
    };
    let denominator = decimals.and_then(|decimals| 10u128.checked_pow(decimals));
    mantissa
        .zip(denominator)
        .and_then(|(mantissa, denominator)| Ratio::new(mantissa, denominator))
        .ok_or_else(|| format!("\"{text}\" has too many digits to read"))
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
mod tests {
    use super::*;

    fn numbers(text: &str, decimal: DecimalMark) -> Vec<Result<f64, String>> {
        tokenize(text, decimal)
            .into_iter()
            .filter_map(|token| match token.kind {
                Kind::Number(n) => Some(n.map(Ratio::to_f64)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn separators_follow_the_decimal_mark() {
        let point = DecimalMark::Point;
        let comma = DecimalMark::Comma;
        assert_eq!(numbers("30,000", point), [Ok(30000.0)]);
        assert_eq!(numbers("30.000", comma), [Ok(30000.0)]);
        assert_eq!(numbers("1.000.000", comma), [Ok(1000000.0)]);
        assert_eq!(numbers("1,5", comma), [Ok(1.5)]);
        assert_eq!(numbers("1.5", point), [Ok(1.5)]);
        assert_eq!(numbers("1'000'000", point), [Ok(1000000.0)]);
        assert_eq!(numbers("0.500", point), [Ok(0.5)]);
        assert_eq!(numbers("2019.500", point), [Ok(2019.5)]);
        for (text, decimal) in [
            ("30.000", point),
            ("30,000", comma),
            ("1.000.000", point),
            ("1,5", point),
            ("30,00", point),
            ("1,000'000", point),
        ] {
            let read = numbers(text, decimal);
            assert!(matches!(read.as_slice(), [Err(_)]), "{text}: {read:?}");
        }
    }

    #[test]
    fn white_space_groups_only_threes_after_a_short_lead() {
        let point = DecimalMark::Point;
        assert_eq!(numbers("30 000", point), [Ok(30000.0)]);
        assert_eq!(numbers("1\u{202f}500.5", point), [Ok(1500.5)]);
        assert_eq!(numbers("2019 150", point), [Ok(2019.0), Ok(150.0)]);
        assert_eq!(numbers("5 000 10", point), [Ok(5000.0), Ok(10.0)]);
    }

    #[test]
    fn digits_of_other_scripts() {
        let point = DecimalMark::Point;
        assert_eq!(numbers("۳۰٬۰۰۰", point), [Ok(30000.0)]);
        assert_eq!(numbers("٣٠٠", point), [Ok(300.0)]);
        assert_eq!(numbers("۱٫۵", point), [Ok(1.5)]);
        assert_eq!(numbers("３０，０００", point), [Ok(30000.0)]);
        assert!(numbers("3۰", point)[0].is_err());
    }

    #[test]
    fn exponents_are_refused_whole() {
        let tokens = tokenize("1e400 people", DecimalMark::Point);
        assert!(matches!(&tokens[0].kind, Kind::Number(Err(m)) if m.contains("exponent")));
        assert_eq!(tokens[0].span, 0..5);
        assert_eq!(tokens[1].text, "people");
    }

    #[test]
    fn every_character_is_in_a_token_or_white_space() {
        let text = "\u{1b}[2m ≈1,500 world's";
        let tokens = tokenize(text, DecimalMark::Point);
        let kinds: Vec<&str> = tokens.iter().map(|t| t.text.as_ref()).collect();
        assert_eq!(kinds, ["\u{1b}", "[", "2", "m", "≈", "1,500", "world's"]);
        assert!(tokens[3].glued && !tokens[4].glued && tokens[5].glued);
    }
}
