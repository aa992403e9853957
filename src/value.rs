//! Reads counts the way sources write them ("30,000", "at least 5,000", "roughly 1,500",
//! "between 2,800 and 3,800", "thousands") into an interval tagged with the rule that produced it,
//! and finds the numbers a text states, so that a claim's value can be checked against its quote.
//! Nothing here panics on any input: numbers are built with checked arithmetic and every error
//! span lies on character boundaries of the text it points into.

use std::collections::BTreeMap;
use std::ops::Range;

/// How a value's text was read; shown next to every value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    Exact,
    AtLeast,
    AtMost,
    Approximate,
    Range,
    Vague,
}

impl Rule {
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Exact => "exact",
            Rule::AtLeast => "at-least",
            Rule::AtMost => "at-most",
            Rule::Approximate => "approximate",
            Rule::Range => "range",
            Rule::Vague => "vague",
        }
    }
}

/// A count read as an interval.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Reading {
    pub low: u64,
    /// None = open upwards.
    pub high: Option<u64>,
    /// The number stated, when one is: "about 1,500" -> 1500; ranges and vague words -> None.
    pub point: Option<u64>,
    pub rule: Rule,
}

impl Reading {
    pub fn exact(n: u64) -> Self {
        reading(n, Some(n), Some(n), Rule::Exact)
    }

    /// Rule tag with detail for display: "exact", "approximate ±10%", "vague: thousands", ...
    /// A reading carries neither its tolerance nor its vague word, so both are recovered from the
    /// interval: the percentage is the wider side relative to the point (rounding shows for small
    /// counts), and the vague word is looked up among the default vague words.
    pub fn describe(&self) -> String {
        match (self.rule, self.point, self.high) {
            (Rule::Approximate, Some(point), Some(high)) if point > 0 => {
                let wider = high
                    .saturating_sub(point)
                    .max(point.saturating_sub(self.low));
                let percent = (u128::from(wider) * 100 + u128::from(point / 2)) / u128::from(point);
                let sign = if high == point { "−" } else { "±" };
                format!("approximate {sign}{percent}%")
            }
            (Rule::Vague, _, Some(high)) => {
                // "thousands" and "several thousand" share an interval: prefer the shorter phrase.
                let word = ValueSettings::default()
                    .vague
                    .into_iter()
                    .filter(|(_, bounds)| *bounds == [self.low, high])
                    .min_by_key(|(word, _)| (word.split(' ').count(), word.clone()));
                word.map_or("vague".to_string(), |(word, _)| format!("vague: {word}"))
            }
            (rule, _, _) => rule.as_str().to_string(),
        }
    }

    /// "[5,000, ∞)", "[1,350, 1,650]", or "30,000" when both ends are equal.
    pub fn interval_text(&self) -> String {
        let low = with_separators(self.low);
        match self.high {
            None => format!("[{low}, ∞)"),
            Some(high) if high == self.low => low,
            Some(high) => format!("[{low}, {}]", with_separators(high)),
        }
    }

    pub fn overlaps(&self, other: &Reading) -> bool {
        self.low <= other.high.unwrap_or(u64::MAX) && other.low <= self.high.unwrap_or(u64::MAX)
    }
}

fn reading(low: u64, high: Option<u64>, point: Option<u64>, rule: Rule) -> Reading {
    Reading {
        low,
        high,
        point,
        rule,
    }
}

/// Settings from the `[values]` table of claimtrack.toml; Default gives the documented defaults.
/// A table that is given replaces the default table as a whole.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ValueSettings {
    /// Approximation word -> relative tolerance (0.10 = ±10%). The words in `BELOW_WORDS`
    /// ("nearly", "almost", "close to") only widen downwards: they mean "just below n".
    pub tolerance: BTreeMap<String, f64>,
    /// Vague quantity word -> [low, high].
    pub vague: BTreeMap<String, [u64; 2]>,
}

impl Default for ValueSettings {
    fn default() -> Self {
        let approximations =
            "about|around|roughly|approximately|some|~|approx.|nearly|almost|close to";
        let vague = [
            // Bare plurals are used loosely, for counts of their order or the next ("thousands
            // killed" of 30,000); phrases naming an order or "several" stay within it.
            ("a handful", [3, 10]),
            ("dozens", [24, 199]),
            ("scores", [40, 199]),
            ("hundreds", [200, 9_999]),
            ("several hundred", [200, 999]),
            ("thousands", [2_000, 99_999]),
            ("several thousand", [2_000, 9_999]),
            ("tens of thousands", [20_000, 99_999]),
            ("hundreds of thousands", [200_000, 999_999]),
            ("millions", [2_000_000, 99_999_999]),
        ];
        ValueSettings {
            tolerance: approximations
                .split('|')
                .map(|word| (word.to_string(), 0.10))
                .collect(),
            vague: vague
                .iter()
                .map(|(word, bounds)| (word.to_string(), *bounds))
                .collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValueError {
    pub message: String,
    /// Byte range inside the text at fault (whole text if unknown); lies on char boundaries.
    pub span: Range<usize>,
}

fn fault(message: String, span: Range<usize>) -> ValueError {
    ValueError { message, span }
}

/// The accepted forms, one per line, for the help line of a finding.
pub const ACCEPTED_FORMS: &str = "\
30,000 · 30 000 · 30000 · 1.5 million · 12k · thirty thousand · a dozen
at least / more than / over / upwards of / in excess of / no fewer than / no less than 5,000 · 5,000+ · 5,000 or more
at most / fewer than / less than / up to / under / no more than 5,000 · 5,000 or fewer
about / around / roughly / approximately / some / approx. / ~ 1,500 (±10%) · nearly / almost / close to 1,500 (−10%)
2,800–3,800 · 2,800 to 3,800 · between 2,800 and 3,800 · from 2,800 to 3,800 · 2.8 to 3.8 million
dozens · scores · hundreds · thousands · tens of thousands · hundreds of thousands · millions · several hundred · several thousand · a handful";

/// "More than" and "over" keep the stated number as the lower end (not n+1): sources use them
/// loosely, and an interval that includes n never contradicts a source that said n.
const AT_LEAST: &str = "at least|more than|over|upwards of|in excess of|no fewer than|no less than";
const AT_MOST: &str = "at most|fewer than|less than|up to|under|no more than";
const BELOW_WORDS: [&str; 3] = ["nearly", "almost", "close to"];
const DASHES: [&str; 4] = ["-", "–", "—", "‒"];
/// Words naming a vague quantity: a vague value is in a quote when its quantity words are.
const QUANTITY_WORDS: &str = "dozens dozen scores hundreds hundred thousands thousand millions million billions billion \
    tens handful";
/// Number words below twenty, in order: their index is their value.
pub const SMALL_NUMBERS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
/// "twenty" to "ninety", in order: index 0 is twenty.
pub const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const SYMBOLS: [char; 7] = ['~', '+', '-', '–', '—', '‒', '−'];
const GROUP_SEPARATORS: [char; 5] = [',', ' ', '\u{a0}', '\u{202f}', '\u{2009}'];

pub fn read_value(text: &str, settings: &ValueSettings) -> Result<Reading, ValueError> {
    let tokens = tokenize(text);
    if tokens.is_empty() {
        let message = "empty value: expected a count such as \"30,000\"";
        return Err(fault(message.to_string(), 0..text.len()));
    }
    let prefix = prefix_at(&tokens, settings);
    let start = prefix.as_ref().map_or(0, |prefix| prefix.tokens);
    let after = prefix.as_ref().map(|prefix| prefix.span.clone());
    let (stated, next) = read_stated(text, &tokens, start, after, settings)?;
    let Some(prefix) = prefix else {
        return Ok(match stated {
            Stated::One(n) => match suffix_at(&tokens, next) {
                Some(Rule::AtLeast) => reading(n, None, Some(n), Rule::AtLeast),
                Some(_) => reading(0, Some(n), Some(n), Rule::AtMost),
                None => Reading::exact(n),
            },
            Stated::Between(low, high) => reading(low, Some(high), None, Rule::Range),
            Stated::Vague(low, high) => reading(low, Some(high), None, Rule::Vague),
        });
    };
    let phrase = slice(text, &prefix.span);
    match (prefix.bound, stated) {
        (Bound::AtLeast, Stated::One(n)) => Ok(reading(n, None, Some(n), Rule::AtLeast)),
        (Bound::AtMost, Stated::One(n)) => Ok(reading(0, Some(n), Some(n), Rule::AtMost)),
        (Bound::Approx { tolerance, below }, Stated::One(n)) => {
            let (low, high) = widen(n, n, tolerance, below, phrase, &prefix.span)?;
            Ok(reading(low, Some(high), Some(n), Rule::Approximate))
        }
        // An approximate range widens both ends by the tolerance, like an approximate point.
        (Bound::Approx { tolerance, below }, Stated::Between(low, high)) => {
            let (low, high) = widen(low, high, tolerance, below, phrase, &prefix.span)?;
            Ok(reading(low, Some(high), None, Rule::Range))
        }
        (_, stated) => {
            let what = if let Stated::Vague(..) = stated {
                "a vague quantity"
            } else {
                "a range"
            };
            Err(fault(
                format!("\"{phrase}\" cannot apply to {what}"),
                prefix.span,
            ))
        }
    }
}

/// [floor(low·(1−t)), ceil(high·(1+t))], or up to `high` itself for words meaning "just below".
fn widen(
    low: u64,
    high: u64,
    tolerance: f64,
    below: bool,
    phrase: &str,
    span: &Range<usize>,
) -> Result<(u64, u64), ValueError> {
    if !(0.0..=1.0).contains(&tolerance) {
        let message =
            format!("the tolerance for \"{phrase}\" must be between 0 and 1, not {tolerance}");
        return Err(fault(message, span.clone()));
    }
    // Whole parts per million keep "about 1,500" at exactly [1,350, 1,650], free of float error.
    let parts_per_million = (tolerance * 1e6).round() as u128;
    let margin = |n: u64| {
        let margin = (u128::from(n) * parts_per_million).div_ceil(1_000_000);
        u64::try_from(margin).unwrap_or(u64::MAX)
    };
    let high = if below {
        high
    } else {
        high.saturating_add(margin(high))
    };
    Ok((low.saturating_sub(margin(low)), high))
}

pub fn read_integer(n: i64) -> Result<Reading, ValueError> {
    let message = format!("a count cannot be negative: {n}");
    u64::try_from(n)
        .map(Reading::exact)
        .map_err(|_| fault(message, 0..n.to_string().len()))
}

/// Whether the value can be read from the quote: each number stated by the value (the point, the ends of a
/// range; for vague values the vague word itself, e.g. "thousands") appears in the quote, as digits
/// (any separator style: "30,000", "30000", "30 000") or as number words ("Thirty thousand", "five-minute",
/// "a dozen", "fourteen"). Case-insensitive.
pub fn value_in_quote(value_text: &str, reading: &Reading, quote: &str) -> bool {
    if reading.rule == Rule::Vague {
        let quote_words: Vec<String> = words(quote).collect();
        let value_words: Vec<String> = words(value_text).collect();
        let quantity_words: Vec<&str> = QUANTITY_WORDS.split(' ').collect();
        let is_quantity = |word: &&String| quantity_words.contains(&word.as_str());
        let mut wanted: Vec<&String> = value_words.iter().filter(is_quantity).collect();
        if wanted.is_empty() {
            // A custom vague word that names no known quantity must appear whole.
            wanted = value_words.iter().collect();
        }
        return !wanted.is_empty() && wanted.iter().all(|word| quote_words.contains(word));
    }
    if written_in(quote, value_text.trim()) {
        return true;
    }
    let mut stated = numbers_in_text(value_text);
    if stated.is_empty() {
        stated = match reading.rule {
            Rule::Range => [Some(reading.low), reading.high]
                .into_iter()
                .flatten()
                .collect(),
            _ => reading.point.into_iter().collect(),
        };
    }
    let found = numbers_in_text(quote);
    !stated.is_empty() && stated.iter().all(|n| found.contains(n))
}

/// Whether `value` stands in `text` word for word, not as part of a longer word or number: the
/// common case, found without reading every number of the quote.
fn written_in(text: &str, value: &str) -> bool {
    if value.is_empty() {
        return false;
    }
    let digit_follows = |rest: &str| rest.chars().next().is_some_and(|c| c.is_ascii_digit());
    text.match_indices(value).any(|(start, _)| {
        let before = &text[..start];
        let after = &text[start + value.len()..];
        let mut back = before.chars().rev();
        let clean_start = match back.next() {
            None => true,
            Some(c) if c.is_alphanumeric() => false,
            Some(',' | '.') => !back.next().is_some_and(|c| c.is_ascii_digit()),
            Some(_) => true,
        };
        let mut ahead = after.chars();
        let clean_end = match ahead.next() {
            None => true,
            Some(c) if c.is_alphanumeric() => false,
            Some(',' | '.') => !digit_follows(ahead.as_str()),
            Some(_) => true,
        };
        clean_start && clean_end
    })
}

/// Every number mentioned in a text, in order: digits with separators and decimals+scale ("1.5 million"),
/// and number words ("thirty thousand", "five-minute" -> 5, "thirty-two" -> 32). Used by value_in_quote.
/// Numbers that are not whole ("2.5") or too large for u64 are left out.
pub fn numbers_in_text(text: &str) -> Vec<u64> {
    let tokens = tokenize(text);
    let mut numbers = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match quantity_at(text, &tokens, i) {
            Ok(Some((quantity, next))) => {
                numbers.extend(quantity.count(text).ok());
                i = next;
            }
            _ => i += 1,
        }
    }
    numbers
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Decimal {
    mantissa: u128,
    decimals: u32,
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    /// None when the digits do not fit in u128.
    Number(Option<Decimal>),
    Word,
    Symbol,
}

#[derive(Debug, Clone)]
struct Token {
    kind: Kind,
    /// Lowercased source text.
    text: String,
    span: Range<usize>,
}

impl Token {
    /// The text of a word or symbol; None for a number.
    fn word(&self) -> Option<&str> {
        (!matches!(self.kind, Kind::Number(_))).then_some(self.text.as_str())
    }
}

/// Splits text into numbers, words and the symbols the grammar uses; other punctuation separates.
fn tokenize(text: &str) -> Vec<Token> {
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
fn scan_number(chars: &[(usize, char)], start: usize) -> (Option<Decimal>, usize) {
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

/// A number as written: amount × multiplier, plus the scale word it ended with, which the first
/// end of a range borrows ("2.8 to 3.8 million").
#[derive(Debug, Clone)]
struct Quantity {
    amount: Decimal,
    multiplier: u64,
    scale_word: Option<u64>,
    span: Range<usize>,
}

impl Quantity {
    fn new(amount: Decimal, multiplier: u64, scale_word: Option<u64>, span: Range<usize>) -> Self {
        Quantity {
            amount,
            multiplier,
            scale_word,
            span,
        }
    }

    fn count(&self, text: &str) -> Result<u64, ValueError> {
        let quoted = slice(text, &self.span);
        let fail = |why: &str| fault(format!("\"{quoted}\" {why}"), self.span.clone());
        let scaled = self.amount.mantissa.checked_mul(self.multiplier.into());
        let divisor = 10u128.checked_pow(self.amount.decimals);
        let (Some(scaled), Some(divisor)) = (scaled, divisor) else {
            return Err(fail("is too large to count"));
        };
        if scaled % divisor != 0 {
            return Err(fail("is not a whole count"));
        }
        u64::try_from(scaled / divisor).map_err(|_| fail("is too large to count"))
    }
}

fn too_large(text: &str, span: Range<usize>) -> ValueError {
    let message = format!("\"{}\" is too large to count", slice(text, &span));
    fault(message, span)
}

/// The number written at `tokens[start]` in digits or words, and the index after it.
fn quantity_at(
    text: &str,
    tokens: &[Token],
    start: usize,
) -> Result<Option<(Quantity, usize)>, ValueError> {
    let Some(first) = tokens.get(start) else {
        return Ok(None);
    };
    let Kind::Number(amount) = first.kind else {
        return number_words(text, tokens, start);
    };
    let amount = amount.ok_or_else(|| too_large(text, first.span.clone()))?;
    let scale = tokens
        .get(start + 1)
        .and_then(|next| Some((next, digit_scale(next.word()?)?)));
    let (multiplier, scale_word, end, next) = match scale {
        Some((word, scale)) => (scale, Some(scale), word.span.end, start + 2),
        None => (1, None, first.span.end, start + 1),
    };
    let span = first.span.start..end;
    Ok(Some((
        Quantity::new(amount, multiplier, scale_word, span),
        next,
    )))
}

fn digit_scale(word: &str) -> Option<u64> {
    match word {
        "dozen" => Some(12),
        "hundred" => Some(100),
        "k" | "thousand" => Some(1_000),
        "m" | "mn" | "million" => Some(1_000_000),
        "bn" | "billion" => Some(1_000_000_000),
        "trillion" => Some(1_000_000_000_000),
        _ => None,
    }
}

/// Scale words that multiply everything before them in number words ("two dozen").
fn word_scale(word: &str) -> Option<u64> {
    match word {
        "dozen" | "thousand" | "million" | "billion" | "trillion" => digit_scale(word),
        _ => None,
    }
}

fn position_in(list: &[&str], word: &str) -> Option<u64> {
    list.iter()
        .position(|known| *known == word)
        .and_then(|n| u64::try_from(n).ok())
}

/// What the number words read so far ended with, which decides what may follow.
#[derive(Clone, Copy, PartialEq)]
enum Last {
    Start,
    Article,
    Unit,
    Tens,
    Hundred,
    Scale(u64),
    And,
}

/// Reads number words: "one hundred and fifty", "thirty-two", "a dozen", "two million".
fn number_words(
    text: &str,
    tokens: &[Token],
    start: usize,
) -> Result<Option<(Quantity, usize)>, ValueError> {
    let word = |i: usize| tokens.get(i).and_then(Token::word);
    let unit_at = |i: usize| word(i).and_then(|w| position_in(&SMALL_NUMBERS, w));
    let span_to = |end: usize| {
        let last = tokens.get(end).or(tokens.last());
        tokens.get(start).map_or(0, |t| t.span.start)..last.map_or(text.len(), |t| t.span.end)
    };
    let (mut total, mut current, mut last, mut i) = (0u64, 0u64, Last::Start, start);
    // "a dozen", "a hundred": the article stands for one.
    let scaled = |w: &str| w == "hundred" || word_scale(w).is_some();
    if matches!(word(i), Some("a" | "an")) && word(i + 1).is_some_and(scaled) {
        (current, last, i) = (1, Last::Article, i + 1);
    }
    while let Some(w) = word(i) {
        let counting = matches!(
            last,
            Last::Unit | Last::Tens | Last::Hundred | Last::Article
        );
        let adding = matches!(
            last,
            Last::Start | Last::Hundred | Last::Scale(_) | Last::And
        );
        let step = match (unit_at(i), position_in(&TENS, w), word_scale(w)) {
            // "thirty two", "thirty-two"
            (Some(n), ..) if adding || (last == Last::Tens && n > 0 && n < 10) => {
                (Some(total), current.checked_add(n), Last::Unit)
            }
            (_, Some(n), _) if adding => {
                (Some(total), current.checked_add((n + 2) * 10), Last::Tens)
            }
            (_, _, Some(scale)) if counting => (
                current
                    .checked_mul(scale)
                    .and_then(|n| total.checked_add(n)),
                Some(0),
                Last::Scale(scale),
            ),
            _ if w == "hundred" && counting && last != Last::Hundred => {
                (Some(total), current.checked_mul(100), Last::Hundred)
            }
            _ if w == "-"
                && last == Last::Tens
                && unit_at(i + 1).is_some_and(|n| n > 0 && n < 10) =>
            {
                (Some(total), Some(current), last)
            }
            _ if w == "and" && matches!(last, Last::Hundred | Last::Scale(_)) => {
                let next = word(i + 1).unwrap_or_default();
                if unit_at(i + 1).is_none() && position_in(&TENS, next).is_none() {
                    break;
                }
                (Some(total), Some(current), Last::And)
            }
            _ => break,
        };
        let (Some(new_total), Some(new_current)) = (step.0, step.1) else {
            return Err(too_large(text, span_to(i)));
        };
        (total, current, last, i) = (new_total, new_current, step.2, i + 1);
    }
    if matches!(last, Last::Start | Last::Article) {
        return Ok(None);
    }
    let span = span_to(i - 1);
    let value = total
        .checked_add(current)
        .ok_or_else(|| too_large(text, span.clone()))?;
    let scale_word = match last {
        Last::Scale(scale) => Some(scale),
        _ => None,
    };
    let amount = Decimal {
        mantissa: value.into(),
        decimals: 0,
    };
    Ok(Some((Quantity::new(amount, 1, scale_word, span), i)))
}

/// What a value states once its bound or approximation word is set aside.
enum Stated {
    One(u64),
    Between(u64, u64),
    Vague(u64, u64),
}

fn read_stated(
    text: &str,
    tokens: &[Token],
    start: usize,
    after: Option<Range<usize>>,
    settings: &ValueSettings,
) -> Result<(Stated, usize), ValueError> {
    let word = |i: usize| tokens.get(i).and_then(Token::word);
    let span_of = |i: usize| tokens.get(i).map(|t| t.span.clone());
    let is_range_word = |i: usize| word(i).is_some_and(|w| w == "to" || DASHES.contains(&w));
    // "between A and B", "from A to B"
    if let Some(opening @ ("between" | "from")) = word(start) {
        let (first, next) = expect_quantity(text, tokens, start + 1, span_of(start))?;
        let (joined, expected) = match opening {
            "between" => (word(next) == Some("and"), "\"and\""),
            _ => (is_range_word(next), "\"to\" or a dash"),
        };
        if !joined {
            let message = format!("expected {expected} after \"{}\"", slice(text, &first.span));
            let span = span_of(next).map_or(first.span, |span| whole_word(text, span));
            return Err(fault(message, span));
        }
        let (second, end) = expect_quantity(text, tokens, next + 1, span_of(next))?;
        return Ok((range_ends(text, &first, &second)?, end));
    }
    if let Some((low, high, next)) = vague_at(tokens, start, settings) {
        if low > high {
            let message = "the ends of this vague word's interval are reversed in the settings";
            let span = span_of(start).unwrap_or(0..text.len());
            return Err(fault(message.to_string(), span));
        }
        return Ok((Stated::Vague(low, high), next));
    }
    let (first, next) = expect_quantity(text, tokens, start, after)?;
    if is_range_word(next)
        && let Some((second, end)) = quantity_at(text, tokens, next + 1)?
    {
        return Ok((range_ends(text, &first, &second)?, end));
    }
    Ok((Stated::One(first.count(text)?), next))
}

fn expect_quantity(
    text: &str,
    tokens: &[Token],
    i: usize,
    after: Option<Range<usize>>,
) -> Result<(Quantity, usize), ValueError> {
    if let Some(found) = quantity_at(text, tokens, i)? {
        return Ok(found);
    }
    let Some(token) = tokens.get(i) else {
        let span = after.unwrap_or(0..text.len());
        let message = format!("expected a count after \"{}\"", slice(text, &span));
        return Err(fault(message, span));
    };
    let span = whole_word(text, token.span.clone());
    let found = slice(text, &span);
    let message = match after {
        Some(after) => format!(
            "expected a count after \"{}\", found \"{found}\"",
            slice(text, &after)
        ),
        None => format!("cannot read \"{found}\" as a count"),
    };
    Err(fault(message, span))
}

/// The first end borrows the second's scale word when it has none and stays below the second:
/// "2.8 to 3.8 million" is 2,800,000–3,800,000, but "500 to 2 million" keeps 500.
fn range_ends(text: &str, first: &Quantity, second: &Quantity) -> Result<Stated, ValueError> {
    let high = second.count(text)?;
    let borrowed = second
        .scale_word
        .filter(|_| first.scale_word.is_none())
        .and_then(|scale| {
            let scaled = Quantity {
                multiplier: scale,
                ..first.clone()
            };
            scaled.count(text).ok().filter(|low| *low <= high)
        });
    let low = match borrowed {
        Some(low) => low,
        None => first.count(text)?,
    };
    if low > high {
        let (low, high) = (with_separators(low), with_separators(high));
        let message = format!("the ends of the range are reversed: {low} is more than {high}");
        return Err(fault(message, first.span.start..second.span.end));
    }
    Ok(Stated::Between(low, high))
}

/// The longest vague word of the settings written at `tokens[start]`.
fn vague_at(tokens: &[Token], start: usize, settings: &ValueSettings) -> Option<(u64, u64, usize)> {
    let matches = settings.vague.iter().filter_map(|(phrase, [low, high])| {
        phrase_at(tokens, start, phrase).map(|length| (*low, *high, start + length))
    });
    matches.max_by_key(|(_, _, next)| *next)
}

#[derive(Clone, Copy)]
enum Bound {
    AtLeast,
    AtMost,
    Approx { tolerance: f64, below: bool },
}

struct Prefix {
    bound: Bound,
    tokens: usize,
    span: Range<usize>,
}

/// The longest bound or approximation phrase the value starts with.
fn prefix_at(tokens: &[Token], settings: &ValueSettings) -> Option<Prefix> {
    let at_least = AT_LEAST.split('|').map(|phrase| (phrase, Bound::AtLeast));
    let at_most = AT_MOST.split('|').map(|phrase| (phrase, Bound::AtMost));
    let approximations = settings.tolerance.iter().map(|(phrase, tolerance)| {
        let below = BELOW_WORDS.contains(&phrase.trim().to_lowercase().as_str());
        (
            phrase.as_str(),
            Bound::Approx {
                tolerance: *tolerance,
                below,
            },
        )
    });
    let (length, bound) = at_least
        .chain(at_most)
        .chain(approximations)
        .filter_map(|(phrase, bound)| phrase_at(tokens, 0, phrase).map(|length| (length, bound)))
        .max_by_key(|(length, _)| *length)?;
    let span = tokens.first()?.span.start..tokens.get(length - 1)?.span.end;
    Some(Prefix {
        bound,
        tokens: length,
        span,
    })
}

/// "5,000+" and "5,000 or more" read as at-least; "5,000 or fewer" and "or less" as at-most.
fn suffix_at(tokens: &[Token], start: usize) -> Option<Rule> {
    let suffixes = [
        ("+", Rule::AtLeast),
        ("or more", Rule::AtLeast),
        ("or fewer", Rule::AtMost),
    ];
    let mut suffixes = suffixes.into_iter().chain([("or less", Rule::AtMost)]);
    suffixes.find_map(|(phrase, rule)| phrase_at(tokens, start, phrase).map(|_| rule))
}

/// How many tokens `phrase` covers when it is written at `tokens[start]`.
fn phrase_at(tokens: &[Token], start: usize, phrase: &str) -> Option<usize> {
    // Most phrases fail on their first word: reject those before tokenizing the phrase.
    let first = tokens.get(start).and_then(Token::word)?;
    let starts_alike = phrase
        .trim_start()
        .get(..first.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(first));
    if !starts_alike {
        return None;
    }
    let wanted = tokenize(phrase);
    let matches = wanted.iter().enumerate().all(|(k, want)| {
        want.word().is_some() && tokens.get(start + k).and_then(Token::word) == want.word()
    });
    (matches && !wanted.is_empty()).then_some(wanted.len())
}

fn words(text: &str) -> impl Iterator<Item = String> {
    tokenize(text)
        .into_iter()
        .filter(|token| token.kind == Kind::Word)
        .map(|token| token.text)
}

/// Widens a token's span to the whitespace-delimited word around it, so "n/a" is reported whole.
fn whole_word(text: &str, span: Range<usize>) -> Range<usize> {
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

fn slice<'a>(text: &'a str, span: &Range<usize>) -> &'a str {
    text.get(span.clone()).unwrap_or(text)
}

fn with_separators(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn read(text: &str) -> Result<Reading, ValueError> {
        read_value(text, &ValueSettings::default())
    }

    /// "rule interval @point" or "error start..end: message", so each case fits on a line.
    fn summary(text: &str) -> String {
        match read(text) {
            Ok(r) => {
                let point = r.point.map_or(String::new(), |point| format!(" @{point}"));
                format!("{} {}{point}", r.rule.as_str(), r.interval_text())
            }
            Err(e) => format!("error {}..{}: {}", e.span.start, e.span.end, e.message),
        }
    }

    fn assert_summaries(cases: &[(&str, &str)]) {
        for (text, expected) in cases {
            assert_eq!(summary(text), *expected, "reading {text:?}");
        }
    }

    #[test]
    fn digits_with_separators_and_scales() {
        assert_summaries(&[
            ("30,000", "exact 30,000 @30000"),
            ("30 000", "exact 30,000 @30000"),
            ("30\u{a0}000", "exact 30,000 @30000"),
            ("30\u{202f}000", "exact 30,000 @30000"),
            ("30000", "exact 30,000 @30000"),
            ("  1,234,567 people ", "exact 1,234,567 @1234567"),
            ("1.5 million", "exact 1,500,000 @1500000"),
            ("12k", "exact 12,000 @12000"),
            ("2.3m", "exact 2,300,000 @2300000"),
            ("3 billion", "exact 3,000,000,000 @3000000000"),
            ("1 thousand", "exact 1,000 @1000"),
            ("0", "exact 0 @0"),
        ]);
    }

    #[test]
    fn number_words() {
        assert_summaries(&[
            ("thirty thousand", "exact 30,000 @30000"),
            ("Thirty Thousand", "exact 30,000 @30000"),
            ("one hundred and fifty", "exact 150 @150"),
            ("fourteen", "exact 14 @14"),
            ("thirty-two", "exact 32 @32"),
            ("a dozen", "exact 12 @12"),
            ("two dozen", "exact 24 @24"),
            ("a hundred", "exact 100 @100"),
            ("two million", "exact 2,000,000 @2000000"),
            ("two thousand five hundred and six", "exact 2,506 @2506"),
            (
                "one million two hundred thousand",
                "exact 1,200,000 @1200000",
            ),
            ("five-minute trials", "exact 5 @5"),
        ]);
    }

    #[test]
    fn lower_bounds_keep_the_stated_number() {
        let phrases = "at least|more than|over|upwards of|in excess of|no fewer than|No less than";
        for phrase in phrases.split('|') {
            let text = format!("{phrase} 5,000 dissidents");
            assert_eq!(
                summary(&text),
                "at-least [5,000, ∞) @5000",
                "reading {text:?}"
            );
        }
        assert_summaries(&[
            ("5,000+", "at-least [5,000, ∞) @5000"),
            ("5,000 or more", "at-least [5,000, ∞) @5000"),
            ("more than a dozen", "at-least [12, ∞) @12"),
        ]);
    }

    #[test]
    fn upper_bounds_start_at_zero() {
        let phrases =
            "at most 300|fewer than 300|less than 300|up to 300|under 300|no more than 300";
        for text in phrases.split('|').chain(["300 or fewer", "300 or less"]) {
            assert_eq!(summary(text), "at-most [0, 300] @300", "reading {text:?}");
        }
    }

    #[test]
    fn approximations_widen_by_the_tolerance() {
        for word in "about|around|Roughly|approximately|some|~|approx.".split('|') {
            let text = format!("{word} 1,500 protesters");
            assert_eq!(
                summary(&text),
                "approximate [1,350, 1,650] @1500",
                "reading {text:?}"
            );
        }
        for word in ["nearly", "almost", "close to"] {
            let text = format!("{word} 1,000");
            assert_eq!(
                summary(&text),
                "approximate [900, 1,000] @1000",
                "reading {text:?}"
            );
        }
        assert_eq!(summary("~7"), "approximate [6, 8] @7");
    }

    #[test]
    fn ranges() {
        assert_summaries(&[
            ("2,800–3,800", "range [2,800, 3,800]"),
            ("2,800-3,800", "range [2,800, 3,800]"),
            ("2,800 — 3,800", "range [2,800, 3,800]"),
            ("2,800 to 3,800", "range [2,800, 3,800]"),
            ("between 2,800 and 3,800 people", "range [2,800, 3,800]"),
            ("from 2,800 to 3,800", "range [2,800, 3,800]"),
            ("2.8 to 3.8 million", "range [2,800,000, 3,800,000]"),
            ("between two and three thousand", "range [2,000, 3,000]"),
            ("between 500 and 2 million", "range [500, 2,000,000]"),
            ("2 to 3 dozen", "range [24, 36]"),
            ("roughly 2,800 to 3,800", "range [2,520, 4,180]"),
            (
                "3,800–2,800",
                "error 0..13: the ends of the range are reversed: 3,800 is more than 2,800",
            ),
        ]);
    }

    #[test]
    fn vague_quantities() {
        assert_summaries(&[
            ("dozens", "vague [24, 199]"),
            ("scores", "vague [40, 199]"),
            ("hundreds", "vague [200, 9,999]"),
            ("thousands of political dissidents", "vague [2,000, 99,999]"),
            ("tens of thousands", "vague [20,000, 99,999]"),
            ("Hundreds of thousands", "vague [200,000, 999,999]"),
            ("millions", "vague [2,000,000, 99,999,999]"),
            ("several thousand", "vague [2,000, 9,999]"),
            ("several hundred", "vague [200, 999]"),
            ("a handful", "vague [3, 10]"),
        ]);
    }

    #[test]
    fn unreadable_values_point_at_the_first_bad_word() {
        assert_summaries(&[
            ("several", "error 0..7: cannot read \"several\" as a count"),
            ("many", "error 0..4: cannot read \"many\" as a count"),
            (
                "",
                "error 0..0: empty value: expected a count such as \"30,000\"",
            ),
            ("n/a", "error 0..3: cannot read \"n/a\" as a count"),
            ("true", "error 0..4: cannot read \"true\" as a count"),
            ("-5", "error 0..2: cannot read \"-5\" as a count"),
            (
                "99999999999999999999",
                "error 0..20: \"99999999999999999999\" is too large to count",
            ),
            ("2.5", "error 0..3: \"2.5\" is not a whole count"),
            (
                "at least",
                "error 0..8: expected a count after \"at least\"",
            ),
            (
                "over the past",
                "error 5..8: expected a count after \"over\", found \"the\"",
            ),
            (
                "between 5 or 6",
                "error 10..12: expected \"and\" after \"5\"",
            ),
            (
                "at least thousands",
                "error 0..8: \"at least\" cannot apply to a vague quantity",
            ),
            (
                "up to 2,800–3,800",
                "error 0..5: \"up to\" cannot apply to a range",
            ),
        ]);
    }

    #[test]
    fn settings_change_tolerances_and_vague_words() {
        let mut settings = ValueSettings::default();
        settings.tolerance.insert("about".into(), 0.2);
        settings.vague.insert("a few".into(), [2, 5]);
        let interval = |text| read_value(text, &settings).map(|r| r.interval_text());
        assert_eq!(interval("about 1,000"), Ok("[800, 1,200]".into()));
        assert_eq!(interval("a few"), Ok("[2, 5]".into()));
        settings.tolerance.insert("about".into(), 1.5);
        let message = "the tolerance for \"about\" must be between 0 and 1, not 1.5";
        assert_eq!(
            read_value("about 10", &settings),
            Err(fault(message.into(), 0..5))
        );
    }

    #[test]
    fn settings_deserialize_with_defaults_and_reject_unknown_fields() {
        use serde::Deserialize;
        use serde::de::value::{Error, MapDeserializer};
        let empty = MapDeserializer::<_, Error>::new(std::iter::empty::<(&str, u64)>());
        assert_eq!(
            ValueSettings::deserialize(empty),
            Ok(ValueSettings::default())
        );
        let unknown = MapDeserializer::<_, Error>::new([("bogus", 1u64)].into_iter());
        let error = ValueSettings::deserialize(unknown).unwrap_err().to_string();
        assert!(error.starts_with("unknown field `bogus`"), "{error}");
    }

    #[test]
    fn describe_names_rule_and_detail() {
        let cases = [
            ("30,000", "exact"),
            ("at least 5,000", "at-least"),
            ("under 300", "at-most"),
            ("about 1,500", "approximate ±10%"),
            ("nearly 1,000", "approximate −10%"),
            ("2,800 to 3,800", "range"),
            ("thousands", "vague: thousands"),
            ("a handful", "vague: a handful"),
        ];
        for (text, description) in cases {
            let described = read(text).map(|r| r.describe());
            assert_eq!(described, Ok(description.into()), "describing {text:?}");
        }
        assert_eq!(reading(2, Some(5), None, Rule::Vague).describe(), "vague");
    }

    #[test]
    fn overlaps_compares_intervals() {
        let [at_least, thousands, about, hundreds, under] = [
            "at least 5,000",
            "thousands",
            "about 1,500",
            "several hundred",
            "under 300",
        ]
        .map(|t| read(t).unwrap());
        assert!(at_least.overlaps(&thousands) && thousands.overlaps(&at_least));
        assert!(at_least.overlaps(&Reading::exact(u64::MAX)));
        assert!(!at_least.overlaps(&about) && !about.overlaps(&at_least));
        assert!(!hundreds.overlaps(&thousands));
        assert!(under.overlaps(&Reading::exact(300)) && !under.overlaps(&Reading::exact(301)));
    }

    #[test]
    fn a_value_written_word_for_word_is_found_only_as_a_whole_number() {
        assert!(written_in(
            "at least 5,000 political dissidents",
            "at least 5,000"
        ));
        assert!(written_in("five-minute trials", "five"));
        assert!(!written_in("15,000 people", "5,000"));
        assert!(!written_in("5,0001 people", "5,000"));
        assert!(!written_in("1,500.5 km", "1,500"));
        assert!(!written_in("fivefold", "five"));
        let reading = read("5,000").unwrap();
        assert!(!value_in_quote("5,000", &reading, "some 15,000 people"));
    }

    #[test]
    fn integers_from_toml() {
        assert_eq!(read_integer(30_000), Ok(Reading::exact(30_000)));
        let negative = fault("a count cannot be negative: -5".into(), 0..2);
        assert_eq!(read_integer(-5), Err(negative));
    }

    #[test]
    fn numbers_found_in_text() {
        let cases: [(&str, &[u64]); 8] = [
            ("Thirty thousand people were murdered", &[30_000]),
            ("1.5 million and 12k", &[1_500_000, 12_000]),
            ("five-minute trials of thirty-two men", &[5, 32]),
            ("The 201-page report", &[201]),
            ("2,800–3,800 in 2019 150 fled", &[2_800, 3_800, 2_019, 150]),
            ("a dozen, a hundred, a handful", &[12, 100]),
            ("2.5 percent of 30 000", &[30_000]),
            ("thousands were killed", &[]),
        ];
        for (text, numbers) in cases {
            assert_eq!(numbers_in_text(text), numbers, "numbers in {text:?}");
        }
    }

    #[test]
    fn values_found_in_quotes() {
        let cases = [
            ("30,000", "Thirty thousand people were murdered", true),
            (
                "at least 5,000",
                "at least 5,000 political dissidents",
                true,
            ),
            ("1,500", "Roughly 1,500 peaceful protesters", true),
            ("32", "at least 32 cities", true),
            (
                "thousands",
                "killed thousands of political dissidents",
                true,
            ),
            ("5,000", "thousands were killed", false),
            ("14", "who lost 14 members", true),
            ("five", "five-minute trials", true),
            ("5", "five-minute trials", true),
            ("201", "The 201-page report", true),
            ("150", "all of us – 150 of us –", true),
            ("30", "over the past 30 years", true),
            ("seven", "detained for seven years", true),
            (
                "more than a dozen",
                "More than a dozen of these individuals",
                true,
            ),
            ("30000", "30 000 died", true),
            ("2,800 to 3,800", "between 2,800 and 3,800 died", true),
            ("2,800 to 3,800", "3,800 died", false),
            ("30,000", "300,000 died", false),
            ("tens of thousands", "thousands died", false),
            ("hundreds", "thousands died", false),
        ];
        for (value, quote, expected) in cases {
            let reading = read(value).unwrap();
            assert_eq!(
                value_in_quote(value, &reading, quote),
                expected,
                "{value:?} in {quote:?}"
            );
        }
        assert!(value_in_quote("", &Reading::exact(42), "forty-two"));
    }

    #[test]
    fn accepted_forms_all_read() {
        for line in ACCEPTED_FORMS.lines() {
            for form in line.split(" · ").filter(|form| !form.contains(" / ")) {
                assert!(read(form).is_ok(), "{form:?} should read");
            }
        }
    }

    const GRAMMAR_WORDS: &str = "at least between and from to 1,500 2.8 thousand million - ~ a dozen \
        thousands nearly thirty + or 99999999999999999999 hundred";

    fn check_reading(text: &str) {
        match read(text) {
            Ok(r) => assert!(
                r.high.is_none_or(|high| r.low <= high),
                "{r:?} from {text:?}"
            ),
            Err(e) => assert!(text.get(e.span.clone()).is_some(), "{e:?} in {text:?}"),
        }
    }

    proptest! {
        #[test]
        fn any_text_reads_without_panic(text in any::<String>()) {
            check_reading(&text);
        }

        #[test]
        fn grammar_words_read_without_panic(
            words in prop::collection::vec(prop::sample::select(GRAMMAR_WORDS.split_whitespace().collect::<Vec<_>>()), 0..8)
        ) {
            check_reading(&words.join(" "));
        }

        #[test]
        fn numbers_in_any_text_without_panic(text in any::<String>()) {
            numbers_in_text(&text);
        }

        #[test]
        fn formatted_integers_read_exactly(
            n in 0u64..1_000_000_000_000_000,
            separator in prop::sample::select(vec![",", " ", "\u{a0}", "\u{202f}", ""])
        ) {
            let text = with_separators(n).replace(',', separator);
            prop_assert_eq!(read(&text), Ok(Reading::exact(n)));
            prop_assert_eq!(numbers_in_text(&text), vec![n]);
        }
    }
}
