use super::numbers::scan_number;
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

/// The tokenizer as it was first written, over a list of every character of the text: slower,
/// plainly right, and what [`tokenize`] must agree with on any text.
fn tokenize_by_chars(text: &str, decimal: DecimalMark) -> Vec<Token<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |&(byte, _)| byte);
    let letter_at = |i: usize| chars.get(i).is_some_and(|(_, c)| c.is_alphabetic());
    let mut tokens = Vec::new();
    let mut i = 0;
    while let Some(&(_, c)) = chars.get(i) {
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let (kind, next) = if digit(c).is_some() {
            let (number, length) = scan_number(&chars[i..], decimal, &mut Vec::new());
            (Kind::Number(number), i + length)
        } else if c.is_alphabetic() {
            let mut end = i;
            loop {
                if letter_at(end) {
                    end += 1;
                } else if chars.get(end).is_some_and(|(_, c)| matches!(c, '\'' | '’'))
                    && letter_at(end + 1)
                {
                    end += 2;
                } else {
                    break;
                }
            }
            (Kind::Word, end)
        } else {
            (Kind::Symbol, i + 1)
        };
        let span = byte_at(i)..byte_at(next);
        let written = &text[span.clone()];
        let text = if written.chars().any(char::is_uppercase) {
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

/// A token as the two tokenizers are compared: everything but whether its text is borrowed.
fn compared(tokens: Vec<Token>) -> Vec<(Kind, String, Range<usize>, bool)> {
    tokens
        .into_iter()
        .map(|t| (t.kind, t.text.into_owned(), t.span, t.glued))
        .collect()
}

/// Characters that make numbers, separators, exponents, words and white space of every kind the
/// lexer tells apart, in the scripts it reads.
const PIECES: &[&str] = &[
    "0", "1", "3", "5", "9", "12", "000", "500", "2019", "۳", "٣", "０", "٫", "٬", ".", ",", "．",
    "，", "'", "’", " ", "\u{a0}", "\u{202f}", "\u{2009}", "\t", "\n", "e", "E", "+", "-", "−",
    "a", "World", "s", "É", "ß", "million", "≈", "~", "%", "–", "(", ")",
];

proptest::proptest! {
    #[test]
    fn tokenize_agrees_with_reading_every_character(
        pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..40),
        comma in proptest::bool::ANY,
    ) {
        let text = pieces.concat();
        let decimal = if comma { DecimalMark::Comma } else { DecimalMark::Point };
        proptest::prop_assert_eq!(
            compared(tokenize(&text, decimal)),
            compared(tokenize_by_chars(&text, decimal))
        );
    }

    #[test]
    fn tokenize_agrees_on_any_text(text in "\\PC{0,60}") {
        proptest::prop_assert_eq!(
            compared(tokenize(&text, DecimalMark::Point)),
            compared(tokenize_by_chars(&text, DecimalMark::Point))
        );
    }
}

#[test]
fn a_long_run_of_short_numbers_is_read_once() {
    // Each "1" is its own number (white space joins only groups of three), so every number
    // starts inside the run the first one read.
    let text = "1 ".repeat(20_000);
    let tokens = tokenize(&text, DecimalMark::Point);
    assert_eq!(tokens.len(), 20_000);
    assert_eq!(
        compared(tokens),
        compared(tokenize_by_chars(&text, DecimalMark::Point))
    );
}

#[test]
fn a_long_run_of_spaced_groups_is_one_number_refused_whole() {
    // White space joins groups of three into one number; a run far too long to be a count is one
    // token, refused, not split or read in part.
    let text = format!("1{}", " 000".repeat(20_000));
    let tokens = tokenize(&text, DecimalMark::Point);
    assert_eq!(tokens.len(), 1);
    assert_eq!(tokens[0].span, 0..text.len());
    let Kind::Number(Err(message)) = &tokens[0].kind else {
        panic!("refused expected: {:?}", tokens[0].kind);
    };
    // The message quotes the number's two ends, not all 80,001 characters.
    assert_eq!(
        message,
        "\"1 000 000 000 00… 000 000\" (80001 characters) has too many digits to read"
    );
}

#[test]
fn a_number_short_enough_to_read_is_quoted_whole() {
    let text = "1".repeat(40);
    let tokens = tokenize(&text, DecimalMark::Point);
    assert!(
        matches!(&tokens[0].kind, Kind::Number(Err(m)) if *m == format!("\"{text}\" has too many digits to read")),
        "{:?}",
        tokens[0].kind
    );
}

#[test]
fn digits_of_two_scripts_in_one_number_are_refused_and_of_one_are_read() {
    let mixed = tokenize("1٢3", DecimalMark::Point);
    assert!(
        matches!(&mixed[0].kind, Kind::Number(Err(m)) if *m == "\"1٢3\" mixes digits of different scripts"),
        "{mixed:?}"
    );
    let arabic_indic = tokenize("١٢٣", DecimalMark::Point);
    assert!(
        matches!(&arabic_indic[0].kind, Kind::Number(Ok(_))),
        "{arabic_indic:?}"
    );
}
