//! The grammar's behaviour, one wording per line.

use super::display::with_separators;
use super::grammar::fault;
use super::in_quote::written_in;
use super::reading::{Rule, reading};
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
    let phrases = "at most 300|fewer than 300|less than 300|up to 300|under 300|no more than 300";
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
fn describe_shows_the_settings_a_value_was_read_with() {
    let mut settings = ValueSettings::default();
    settings.vague.insert("a few".into(), [2, 5]);
    // Same interval as a default word: the reading still names the word it was written with.
    settings.vague.insert("scads".into(), [2_000, 99_999]);
    settings.tolerance.insert("about".into(), 0.25);
    let describe = |text| read_value(text, &settings).map(|r| r.describe());
    assert_eq!(describe("a few"), Ok("vague: a few".into()));
    assert_eq!(describe("scads"), Ok("vague: scads".into()));
    assert_eq!(describe("about 7"), Ok("approximate ±25%".into()));
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
    assert!(!value_in_quote(
        "5,000",
        &reading,
        "some 15,000 people",
        DecimalMark::Point
    ));
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
        assert_eq!(
            numbers_in_text(text, DecimalMark::Point),
            numbers,
            "numbers in {text:?}"
        );
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
            value_in_quote(value, &reading, quote, DecimalMark::Point),
            expected,
            "{value:?} in {quote:?}"
        );
    }
    assert!(value_in_quote(
        "",
        &Reading::exact(42),
        "forty-two",
        DecimalMark::Point
    ));
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
        numbers_in_text(&text, DecimalMark::Point);
    }

    #[test]
    fn formatted_integers_read_exactly(
        n in 0u64..1_000_000_000_000_000,
        separator in prop::sample::select(vec![",", " ", "\u{a0}", "\u{202f}", ""])
    ) {
        let text = with_separators(n).replace(',', separator);
        prop_assert_eq!(read(&text), Ok(Reading::exact(n)));
        prop_assert_eq!(numbers_in_text(&text, DecimalMark::Point), vec![n]);
    }
}

/// Asserts that `text` is refused at `span` with a message that contains `fragment`.
fn assert_refused(text: &str, span: std::ops::Range<usize>, fragment: &str) {
    match read(text) {
        Ok(r) => panic!("{text:?} should be refused, read as {r:?}"),
        Err(e) => {
            assert_eq!(e.span, span, "span of the error on {text:?}: {}", e.message);
            assert!(e.message.contains(fragment), "{text:?}: {}", e.message);
        }
    }
}

#[test]
fn nothing_is_dropped_that_would_change_the_reading() {
    let cases = [
        (
            "30.000",
            0..6,
            "\"30.000\" is ambiguous: 30 with \".\" as the decimal mark, 30,000",
        ),
        ("5.000", 0..5, "is ambiguous"),
        ("1.000.000", 0..9, "uses \".\" between groups of digits"),
        ("30,00", 0..5, "\",\" separates groups of three digits"),
        ("1,5 million", 0..3, "set the decimal mark to \",\""),
        ("1e400", 0..5, "exponent"),
        ("5e3 people", 0..3, "exponent"),
        ("∞", 0..3, "open upper end"),
        ("\u{1b}[2m", 0..1, "invisible character (U+001B)"),
        ("2\u{200b}000", 1..4, "invisible character (U+200B)"),
        ("30,000 or 40,000", 0..16, "gives alternatives"),
        ("thirty or forty", 0..15, "gives alternatives"),
        (
            "5,000 or more or fewer",
            14..22,
            "\"or\" would change the reading",
        ),
        (
            "at least 5,000 or more",
            15..22,
            "\"or\" would change the reading",
        ),
        (
            "at least 5,000+",
            14..15,
            "cannot read \"+\" after \"at least 5,000\"",
        ),
        ("thousands +", 10..11, "cannot read \"+\""),
        ("thousands of people or more", 20..27, "\"or\" would change"),
        ("dozens of thousands", 10..19, "\"thousands\" would change"),
        ("a dozen thousand", 8..16, "\"thousand\" would change"),
        ("5,000 not", 6..9, "\"not\" would change"),
        ("5,000 only", 6..10, "\"only\" would change"),
        ("5,000 twice", 6..11, "\"twice\" would change"),
        ("one fifth", 4..9, "\"fifth\" would change"),
        ("5th", 0..3, "cannot read \"5th\" as a count"),
        ("1 in 5", 5..6, "a value states one number phrase"),
        (
            "5,000/6,000",
            5..11,
            "cannot read \"/6,000\" after \"5,000\"",
        ),
        ("5,000.", 5..6, "cannot read \".\" after \"5,000\""),
    ];
    for (text, span, fragment) in cases {
        assert_refused(text, span, fragment);
    }
}

#[test]
fn signs_and_other_scripts_are_read() {
    assert_summaries(&[
        ("≈ 1,500", "approximate [1,350, 1,650] @1500"),
        ("≈1,500", "approximate [1,350, 1,650] @1500"),
        (">14 million", "at-least [14,000,000, ∞) @14000000"),
        ("≥ 5,000", "at-least [5,000, ∞) @5000"),
        (">= 5,000", "at-least [5,000, ∞) @5000"),
        ("<300", "at-most [0, 300] @300"),
        ("≤ 300", "at-most [0, 300] @300"),
        ("5,000 +", "at-least [5,000, ∞) @5000"),
        ("1'000'000", "exact 1,000,000 @1000000"),
        ("1’000", "exact 1,000 @1000"),
        ("۳۰٬۰۰۰", "exact 30,000 @30000"),
        ("۱۵۰۰ نفر", "exact 1,500 @1500"),
        ("٣٠٠", "exact 300 @300"),
        ("３０，０００", "exact 30,000 @30000"),
        ("0.5 million", "exact 500,000 @500000"),
    ]);
}

#[test]
fn a_decimal_comma_base_reads_points_between_thousands() {
    let settings = ValueSettings {
        decimal: DecimalMark::Comma,
        ..ValueSettings::default()
    };
    let interval = |text| read_value(text, &settings).map(|r| r.interval_text());
    assert_eq!(interval("30.000"), Ok("30,000".into()));
    assert_eq!(interval("1.000.000"), Ok("1,000,000".into()));
    assert_eq!(interval("1,5 million"), Ok("1,500,000".into()));
    assert_eq!(interval("30 000"), Ok("30,000".into()));
    let ambiguous = read_value("30,000", &settings).unwrap_err();
    assert!(
        ambiguous.message.contains("is ambiguous"),
        "{}",
        ambiguous.message
    );
}
