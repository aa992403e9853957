//! Numbers as the lexer reads them: a run of digits of one script with its group separators and
//! decimal part, read by the base's decimal mark, or refused with the reason when the run cannot be
//! read without guessing.

use super::super::number::Ratio;
use super::super::settings::DecimalMark;
use std::ops::Range;

/// Reads the numbers of one text, keeping what it read for the next: the run of digits and
/// separators last met (the next number of the same run, "2019 150", is read from it without
/// reading the run again), and the parts of the number last read.
#[derive(Default)]
pub(super) struct NumberReader {
    run: NumberRun,
    parts: Vec<Part>,
}

impl NumberReader {
    /// The number whose first digit is at byte `start` of `text`, or why it cannot be read, and
    /// the byte offset after it.
    pub(super) fn read(
        &mut self,
        text: &str,
        start: usize,
        decimal: DecimalMark,
    ) -> (Result<Ratio, String>, usize) {
        let (chars, run_end) = self.run.from(text, start);
        let (number, next) = scan_number(chars, decimal, &mut self.parts);
        let end = chars.get(next).map_or(run_end, |&(byte, _)| byte);
        (number, end)
    }
}

/// The characters a number may be read from, with their byte offsets: digits, each separator
/// followed by a digit, and an exponent after them. [`scan_number`] looks at nothing past them.
#[derive(Default)]
struct NumberRun {
    chars: Vec<(usize, char)>,
    /// The byte offset after the last of them.
    end: usize,
}

impl NumberRun {
    /// The characters from byte `start` (a digit) on, and the byte offset after them: the rest
    /// of this run if `start` lies in it, else a new run read from `start`.
    fn from(&mut self, text: &str, start: usize) -> (&[(usize, char)], usize) {
        let at = match self.chars.binary_search_by_key(&start, |&(byte, _)| byte) {
            Ok(at) => at,
            Err(_) => {
                self.read(text, start);
                0
            }
        };
        (&self.chars[at..], self.end)
    }

    fn read(&mut self, text: &str, start: usize) {
        self.chars.clear();
        let mut rest = (text[start..].char_indices())
            .map(|(i, c)| (start + i, c))
            .peekable();
        loop {
            take_digits(&mut rest, &mut self.chars);
            let mut ahead = rest.clone();
            match (ahead.next(), ahead.next()) {
                (Some(sep), Some((_, next)))
                    if separator(sep.1).is_some() && digit(next).is_some() =>
                {
                    self.chars.push(sep);
                    rest.next();
                }
                _ => break,
            }
        }
        if let Some(&e) = rest.peek()
            && matches!(e.1, 'e' | 'E')
        {
            self.chars.push(e);
            rest.next();
            if let Some(&sign) = rest.peek()
                && matches!(sign.1, '+' | '-' | '−')
            {
                self.chars.push(sign);
                rest.next();
            }
            take_digits(&mut rest, &mut self.chars);
        }
        self.end = rest.peek().map_or(text.len(), |&(byte, _)| byte);
    }
}

/// Moves the digits at the front of `rest` to `into`.
fn take_digits(
    rest: &mut std::iter::Peekable<impl Iterator<Item = (usize, char)>>,
    into: &mut Vec<(usize, char)>,
) {
    while let Some(&(byte, c)) = rest.peek()
        && digit(c).is_some()
    {
        into.push((byte, c));
        rest.next();
    }
}

/// The scripts whose digits are read: ASCII, Arabic-Indic, Persian (Extended Arabic-Indic) and
/// full-width. Returns the digit's value and its script's first code point.
pub(super) fn digit(c: char) -> Option<(u32, u32)> {
    [0x30, 0x660, 0x6F0, 0xFF10].into_iter().find_map(|zero| {
        let value = u32::from(c).checked_sub(zero).filter(|v| *v < 10)?;
        Some((value, zero))
    })
}

/// A run of digits of a number (indices into its characters) and the separator before it.
type Part = (Option<Separator>, Range<usize>);

/// How a character between digits may be read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Separator {
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

/// Reads the digits `chars` starts with, and their separators; returns the number, or why it
/// cannot be read, and the index after everything that belongs to it.
pub(super) fn scan_number(
    chars: &[(usize, char)],
    decimal: DecimalMark,
    parts: &mut Vec<Part>,
) -> (Result<Ratio, String>, usize) {
    let digit_at = |i: usize| chars.get(i).and_then(|&(_, c)| digit(c));
    let run_end = |from: usize| (from..).find(|&i| digit_at(i).is_none()).unwrap_or(from);
    // Each part is a run of digits and the separator before it.
    parts.clear();
    parts.push((None, 0..run_end(0)));
    let mut i = parts[0].1.end;
    // "in 2019 150 fled" stays two numbers: white space joins only groups of three digits after a
    // lead of one to three, every group so far joined by white space. Kept as the parts are read,
    // so a long run of groups is read in one pass.
    let mut spaced_so_far = parts[0].1.len() <= 3;
    while let Some(sep) = chars.get(i).and_then(|&(_, c)| separator(c)) {
        if digit_at(i + 1).is_none() {
            break;
        }
        let end = run_end(i + 1);
        let spaced_group = spaced_so_far && end - (i + 1) == 3;
        if sep == Separator::Group(' ') && !spaced_group {
            break;
        }
        parts.push((Some(sep), i + 1..end));
        spaced_so_far &= sep == Separator::Group(' ');
        i = end;
    }
    if let Some(end) = exponent_end(chars, i) {
        let written = quoted(&chars[..end]);
        let message = format!(
            "{written} is written with an exponent, which is not read: write the number out in digits"
        );
        return (Err(message), end);
    }
    (interpret(&chars[..i], parts, decimal), i)
}

/// A number as its messages quote it: whole, or its two ends when it is too long to read in a
/// message.
fn quoted(chars: &[(usize, char)]) -> String {
    const SHOWN_WHOLE: usize = 40;
    let text = |chars: &[(usize, char)]| -> String { chars.iter().map(|(_, c)| c).collect() };
    if chars.len() <= SHOWN_WHOLE {
        return format!("\"{}\"", text(chars));
    }
    format!(
        "\"{}…{}\" ({} characters)",
        text(&chars[..16]),
        text(&chars[chars.len() - 8..]),
        chars.len()
    )
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

/// Reads the `parts` of the number written in `chars` by their separators; refuses what the
/// decimal setting leaves ambiguous. Only a refusal quotes the number.
fn interpret(
    chars: &[(usize, char)],
    parts: &[Part],
    decimal: DecimalMark,
) -> Result<Ratio, String> {
    let text = || quoted(chars);
    let digits_of = |run: &Range<usize>| chars[run.clone()].iter().filter_map(|&(_, c)| digit(c));
    let mut scripts = parts
        .iter()
        .flat_map(|(_, run)| digits_of(run).map(|(_, script)| script));
    if let Some(first) = scripts.next()
        && scripts.any(|script| script != first)
    {
        return Err(format!("{} mixes digits of different scripts", text()));
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
            "{} uses \"{mark}\" between groups of digits, but this base reads \"{mark}\" as \
             the decimal mark ({setting} in claimtrack.toml): write the groups with \"{other}\", or \
             set the decimal mark to \"{other}\" if the base writes \"{mark}\" between thousands",
            text()
        ));
    }
    let groups = &parts[..parts.len() - decimal_parts];
    let lead = groups[0].1.len();
    let mut group_seps = groups.iter().filter_map(|(sep, _)| *sep);
    let first_sep = group_seps.next();
    if group_seps.any(|sep| Some(sep) != first_sep) {
        return Err(format!("{} mixes group separators", text()));
    }
    let regular = lead <= 3 && groups[1..].iter().all(|(_, run)| run.len() == 3);
    if first_sep.is_some() && !regular {
        return Err(format!(
            "{} cannot be read: \"{other}\" separates groups of three digits in this base \
             ({setting} in claimtrack.toml); write a decimal number with \"{mark}\", or set the \
             decimal mark to \"{other}\" if the base writes decimal {}",
            text(),
            if other == ',' { "commas" } else { "points" }
        ));
    }
    // "1,000.000": groups of thousands, then three decimals, read as 1,000 only if the last mark
    // is not a slip for a group separator, which would make it 1,000,000.
    let three_decimals = last_is_decimal && parts.last().is_some_and(|(_, run)| run.len() == 3);
    if first_sep.is_some() && three_decimals {
        return Err(format!(
            "{} is ambiguous: three digits follow the decimal mark \"{mark}\" after groups of \
             thousands, and a slip for a group separator would make it a thousand times larger; \
             write the number without the ambiguity",
            text()
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
            "{} is ambiguous: {lead} with \"{mark}\" as the decimal mark, {lead}{other}{fraction} \
             with \"{mark}\" between thousands; write the number without the ambiguity, or set the \
             decimal mark in claimtrack.toml ({setting} now)",
            text()
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
        .ok_or_else(|| format!("{} has too many digits to read", text()))
}
