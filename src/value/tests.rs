//! Behaviour of the value module as a whole: settings, descriptions, comparisons of readings, values
//! found in quotes. Properties over generated values are in properties.rs; the wordings, one per
//! line, in tests/value_grammar.rs.

use super::in_quote::written_in;
use super::parser::fault;
use super::*;

fn read(text: &str) -> Result<Reading, ValueError> {
    read_value(text, &ValueSettings::default(), Measure::Count, None)
}

fn number(x: f64) -> Number {
    Number::new(x).expect("a finite non-negative number")
}

#[test]
fn settings_change_tolerances_and_vague_words() {
    let mut settings = ValueSettings::default();
    settings.tolerance.insert("about".into(), 0.2);
    settings.vague.insert("a couple".into(), [2, 3]);
    let interval =
        |text| read_value(text, &settings, Measure::Count, None).map(|r| r.interval_text());
    assert_eq!(interval("about 1,000"), Ok("[800, 1,200]".into()));
    assert_eq!(interval("a couple"), Ok("[2, 3]".into()));
    settings.tolerance.insert("about".into(), 1.5);
    let message = "the tolerance for \"about\" must be between 0 and 1, not 1.5";
    let too_wide = read_value("about 10", &settings, Measure::Count, None);
    assert_eq!(too_wide, Err(fault(message.into(), 0..5)));
    settings.vague.insert("loads".into(), [10, 2]);
    let reversed = read_value("loads", &settings, Measure::Count, None).unwrap_err();
    assert!(reversed.message.contains("must run from low to high"));
    // A word the settings read may not follow the number either.
    let after = read_value("5,000 a couple", &settings, Measure::Count, None).unwrap_err();
    assert!(
        after
            .message
            .contains("\"couple\" would change the reading")
    );
}

#[test]
fn settings_deserialize_with_defaults_and_reject_unknown_fields() {
    let parse = |text: &str| toml::from_str::<ValueSettings>(text);
    assert_eq!(parse(""), Ok(ValueSettings::default()));
    let error = parse("bogus = 1").unwrap_err().to_string();
    assert!(error.contains("unknown field `bogus`"), "{error}");
    let custom = parse("[vague]\nloads = [10, 20]").unwrap();
    assert_eq!(
        custom.vague.len(),
        1,
        "a table given replaces the default table"
    );
}

#[test]
fn describe_names_rule_detail_and_hedge() {
    let cases = [
        ("30,000", "exact"),
        ("at least 5,000", "at-least"),
        ("under 300", "at-most"),
        ("about 1,500", "approximate ±10%"),
        ("about two", "approximate ±10%"),
        ("nearly 1,000", "approximate −10%"),
        ("of the order of 50 million", "approximate ±50%"),
        ("2,800 to 3,800", "range"),
        ("roughly 2,800 to 3,800", "range ±10%"),
        ("50 to 100 million or more", "range, open upper end"),
        ("thousands", "vague: thousands"),
        ("a handful", "vague: a handful"),
        ("Probably 50 million", "exact (hedged: probably)"),
        ("could be over 1,000", "at-least (hedged: could be)"),
        ("17.4 million (95% CI 10.2–25.1 million)", "estimate"),
    ];
    for (text, description) in cases {
        let described = read(text).map(|r| r.describe());
        assert_eq!(described, Ok(description.into()), "describing {text:?}");
    }
}

#[test]
fn describe_shows_the_settings_a_value_was_read_with() {
    let mut settings = ValueSettings::default();
    settings.vague.insert("a couple".into(), [2, 3]);
    // Same interval as a default word: the reading still names the word it was written with.
    settings.vague.insert("scads".into(), [2_000, 99_999]);
    settings.tolerance.insert("about".into(), 0.25);
    let describe = |text| read_value(text, &settings, Measure::Count, None).map(|r| r.describe());
    assert_eq!(describe("a couple"), Ok("vague: a couple".into()));
    assert_eq!(describe("scads"), Ok("vague: scads".into()));
    assert_eq!(describe("about 7"), Ok("approximate ±25%".into()));
}

#[test]
fn shares_hold_exact_fractions_of_a_hundred() {
    let share = |text| read_value(text, &ValueSettings::default(), Measure::Share, None).unwrap();
    let third = share("one-third of the world's population");
    assert_eq!(third.point, Some(number(100.0 / 3.0)));
    assert_eq!(
        (third.low, third.high),
        (number(100.0 / 3.0), Some(number(100.0 / 3.0)))
    );
    assert_eq!(third.measure, Measure::Share);
    let about = share("about 1 percent");
    assert_eq!((about.low, about.high), (number(0.9), Some(number(1.1))));
    assert_eq!(share("100%").interval_text(), "100%");
    let over = read_value("101%", &ValueSettings::default(), Measure::Share, None).unwrap_err();
    assert_eq!(over.message, "\"101%\" is more than 100%");
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
    let exact = |n| Reading::exact(n).unwrap();
    assert!(at_least.overlaps(&thousands) && thousands.overlaps(&at_least));
    assert!(at_least.overlaps(&exact(Number::COUNT_LIMIT - 1)));
    assert!(!at_least.overlaps(&about) && !about.overlaps(&at_least));
    assert!(!hundreds.overlaps(&thousands));
    assert!(under.overlaps(&exact(300)) && !under.overlaps(&exact(301)));
    assert_eq!(Reading::exact(Number::COUNT_LIMIT), None);
}

#[test]
fn integers_from_toml() {
    let read = |n| read_integer(n, Measure::Count).map(|r| r.interval_text());
    assert_eq!(read(30_000), Ok("30,000".into()));
    let negative = fault("a count cannot be negative: -5".into(), 0..2);
    assert_eq!(read_integer(-5, Measure::Count), Err(negative));
    assert!(read(i64::MAX).unwrap_err().message.contains("too large"));
    let share = read_integer(5, Measure::Share).unwrap_err();
    assert!(
        share
            .message
            .contains("write it as a share, such as \"5%\"")
    );
}

#[test]
fn a_value_written_word_for_word_is_found_only_as_a_whole_number() {
    let settings = ValueSettings::default();
    let found = |text: &str, value: &str| written_in(text, value, &settings, None);
    assert!(found(
        "at least 5,000 political dissidents",
        "at least 5,000"
    ));
    assert!(found("five-minute trials", "five"));
    assert!(!found("15,000 people", "5,000"));
    assert!(!found("5,0001 people", "5,000"));
    assert!(!found("1,500.5 km", "1,500"));
    assert!(!found("fivefold", "five"));
    // Nor before a unit of measure, unless the figure is measured in it.
    assert!(!found("marched 5,000 km", "5,000"));
    assert!(!found("thousands of dollars", "thousands"));
    let km = crate::value::Unit::of_figure(Some("km"));
    assert!(written_in("marched 5,000 km", "5,000", &settings, km));
    let reading = read("5,000").unwrap();
    assert!(!value_in_quote(
        "5,000",
        &reading,
        "some 15,000 people",
        &settings,
        None
    ));
}

#[test]
fn numbers_found_in_text() {
    let cases: [(&str, &[f64]); 10] = [
        ("Thirty thousand people were murdered", &[30_000.0]),
        ("1.5 million and 12k", &[1_500_000.0, 12_000.0]),
        ("five-minute trials of thirty-two men", &[5.0, 32.0]),
        ("The 201-page report", &[201.0]),
        (
            "2,800–3,800 in 2019 150 fled",
            &[2_800.0, 3_800.0, 2_019.0, 150.0],
        ),
        ("a dozen, a hundred, a handful", &[12.0, 100.0]),
        ("2.5 percent of 30 000", &[2.5, 30_000.0]),
        ("thousands were killed", &[]),
        (
            "one in five died; a third fled",
            &[1.0, 5.0, 20.0, 100.0 / 3.0],
        ),
        ("30.000 or ۳۰٬۰۰۰", &[30_000.0]),
    ];
    let settings = ValueSettings::default();
    for (text, numbers) in cases {
        let expected: Vec<Number> = numbers.iter().map(|&x| number(x)).collect();
        assert_eq!(
            numbers_in_text(text, &settings),
            expected,
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
        // A vague value is in its quote when its quantity words are, in any case.
        ("many thousands", "Thousands were killed", true),
        ("14", "who lost 14 members", true),
        ("five", "five-minute trials", true),
        ("5", "five-minute trials", true),
        ("201", "The 201-page report", true),
        ("150", "all of us – 150 of us –", true),
        // A measure is no count of a figure that counts (see below for one measured in years).
        ("30", "over the past 30 years", false),
        ("seven", "detained for seven years", false),
        ("5,000", "they marched 5,000 km", false),
        ("5,000", "5,000 marched 5,000 km", true),
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
        (
            "about 50 million, possibly as high as 100 million",
            "50 to 100 million",
            true,
        ),
        ("half a billion", "500 million", true),
    ];
    let settings = ValueSettings::default();
    for (value, quote, expected) in cases {
        let reading = read(value).unwrap();
        let found = value_in_quote(value, &reading, quote, &settings, None);
        assert_eq!(found, expected, "{value:?} in {quote:?}");
    }
    let years = crate::value::Unit::of_figure(Some("years"));
    for (value, quote) in [
        ("30", "over the past 30 years"),
        ("seven", "detained for seven years"),
        ("30 years", "over the past 30 years"),
    ] {
        let reading = read_value(value, &settings, Measure::Count, years).unwrap();
        let found = value_in_quote(value, &reading, quote, &settings, years);
        assert!(found, "{value:?} in {quote:?}, on a figure in years");
    }
    let share = read_value("one in five", &settings, Measure::Share, None).unwrap();
    assert!(value_in_quote(
        "one in five",
        &share,
        "20% of them",
        &settings,
        None
    ));
}

#[test]
fn accepted_forms_all_read() {
    for line in ACCEPTED_FORMS.lines() {
        let (measure, forms) = match line.split_once(": ") {
            Some((label, forms)) if label.starts_with("shares") => (Measure::Share, forms),
            Some((_, forms)) => (Measure::Count, forms),
            None => (Measure::Count, line),
        };
        for form in forms.split(" · ").filter(|form| !form.contains(" / ")) {
            let form = form.split(" (±").next().unwrap_or(form);
            let read = read_value(form, &ValueSettings::default(), measure, None);
            assert!(read.is_ok(), "{form:?} should read: {read:?}");
        }
    }
}
