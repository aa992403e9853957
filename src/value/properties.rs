//! Properties of the grammar over generated values: a stated number always lies in its reading,
//! words that change what a value says always change or refuse its reading, and nothing panics.

use super::*;
use proptest::prelude::*;

fn read(text: &str) -> Result<Reading, ValueError> {
    read_value(text, &ValueSettings::default(), Measure::Count, None)
}

fn number(x: f64) -> Number {
    Number::new(x).expect("a finite non-negative number")
}

/// Wordings the generators combine; "{n}" is a number as digits or words.
const PREFIXES: [&str; 16] = [
    "",
    "about ",
    "at least ",
    "more than ",
    "at most ",
    "up to ",
    "nearly ",
    "roughly ",
    "over ",
    "fewer than ",
    "≈",
    ">",
    "estimated ",
    "probably ",
    "could be ",
    "as many as ",
];
const SUFFIXES: [&str; 5] = ["", "+", " or more", " or fewer", " people"];
/// Appending any of these changes what a value says: the reading must change or be refused.
const READING_CHANGERS: [&str; 6] = [" or more", " not", " twice", "+", " or fewer", " only"];

fn written(n: u64, style: usize) -> String {
    let digits = Number::count(n).map_or(n.to_string(), |n| n.to_string());
    match style {
        0 => digits,
        1 => digits.replace(',', " "),
        2 => digits.replace(',', ""),
        3 => digits.replace(',', "'"),
        // Below 2^53 the division is rounded once, so it prints as the digits of n moved.
        _ => format!("{} million", n as f64 / 1e6),
    }
}

fn check_no_panic(text: &str) {
    match read(text) {
        Ok(r) => assert!(
            r.high.is_none_or(|high| r.low <= high),
            "{r:?} from {text:?}"
        ),
        Err(e) => assert!(text.get(e.span.clone()).is_some(), "{e:?} in {text:?}"),
    }
}

const GRAMMAR_WORDS: &str = "at least between and from to 1,500 2.8 thousand million - ~ a dozen \
    thousands nearly thirty + or 99999999999999999999 hundred half a third in % , ( ) 95% ci \
    possibly as high estimated km sq square of dollars years a";

proptest! {
    #[test]
    fn any_text_reads_without_panic(text in any::<String>()) {
        check_no_panic(&text);
        for measure in [Measure::Count, Measure::Share] {
            for unit in [None, Unit::of_figure(Some("km"))] {
                let _ = read_value(&text, &ValueSettings::default(), measure, unit);
            }
        }
    }

    /// A value written word for word in a quote is looked at with what follows it, which may be
    /// anything.
    #[test]
    fn a_value_is_found_before_any_text_without_panic(
        after in prop_oneof![any::<String>(), "[ ]{0,2}(km|Km|sq|square|of|dollars|families|New|new|²|,|[.])[ a-zA-Zé²,.]{0,12}"]
    ) {
        let settings = ValueSettings::default();
        let reading = read("5,000").unwrap();
        let quote = format!("5,000{after}");
        let counting = crate::value::Counting { unit: Some("people"), label: "People displaced" };
        for unit in [None, Unit::of_figure(Some("square km"))] {
            value_in_quote("5,000", &reading, &quote, &settings, unit);
            let reader = crate::value::QuoteReader::new(&settings);
            reader.read("5,000", &reading, &quote, unit, Some(counting));
        }
    }

    #[test]
    fn grammar_words_read_without_panic(
        words in prop::collection::vec(prop::sample::select(GRAMMAR_WORDS.split_whitespace().collect::<Vec<_>>()), 0..10)
    ) {
        check_no_panic(&words.join(" "));
        check_no_panic(&words.concat());
    }

    #[test]
    fn numbers_in_any_text_without_panic(text in any::<String>()) {
        let settings = ValueSettings::default();
        numbers_in_text(&text, &settings);
        crate::value::QuoteReader::new(&settings).numbers_in(&text, None);
        crate::value::QuoteReader::new(&settings).numbers_in(&text, Unit::of_figure(Some("km")));
    }

    #[test]
    fn the_phrases_of_any_text_lie_in_it_in_order(
        words in prop::collection::vec(prop::sample::select(GRAMMAR_WORDS.split_whitespace().chain(["1988", "May", "4", "20th", "10am"]).collect::<Vec<_>>()), 0..12)
    ) {
        let text = words.join(" ");
        let settings = ValueSettings::default();
        let numbers = crate::value::QuoteReader::new(&settings).numbers_in(&text, None);
        let mut end = 0;
        for phrase in &numbers.figures {
            prop_assert!(phrase.span.start >= end, "{:?} overlaps in {:?}", phrase, text);
            prop_assert_eq!(text.get(phrase.span.clone()), Some(phrase.text.as_str()));
            end = phrase.span.end;
        }
        for span in &numbers.not_figures {
            prop_assert!(text.get(span.clone()).is_some());
        }
    }

    #[test]
    fn formatted_integers_read_exactly(n in 0u64..Number::COUNT_LIMIT, style in 0usize..4) {
        let text = written(n, style);
        let exact = Reading::exact(n);
        prop_assert_eq!(read(&text).ok(), exact);
        prop_assert_eq!(numbers_in_text(&text, &ValueSettings::default()), vec![number(n as f64)]);
    }

    /// No value is ever read into an interval that leaves out a number it states.
    #[test]
    fn a_stated_number_lies_in_its_reading(
        n in 0u64..10_000_000_000,
        style in 0usize..5,
        prefix in prop::sample::select(PREFIXES.to_vec()),
        suffix in prop::sample::select(SUFFIXES.to_vec()),
    ) {
        let stated = written(n, style);
        let text = format!("{prefix}{stated}{suffix}");
        if let Ok(reading) = read(&text) {
            let Ok(alone) = read(&stated) else { return Ok(()) };
            let n = alone.point.expect("a number alone states its point");
            prop_assert!(reading.low <= n && reading.high.is_none_or(|high| n <= high),
                "{text:?} read as {reading:?} leaves out {n:?}");
        }
    }

    /// Appending a reading-changing word never leaves the reading as it was.
    #[test]
    fn reading_changing_words_change_or_refuse(
        n in 0u64..10_000_000,
        style in 0usize..5,
        prefix in prop::sample::select(PREFIXES.to_vec()),
        suffix in prop::sample::select(SUFFIXES.to_vec()),
        changer in prop::sample::select(READING_CHANGERS.to_vec()),
    ) {
        let text = format!("{prefix}{}{suffix}", written(n, style));
        if let Ok(reading) = read(&text) {
            let changed = format!("{text}{changer}");
            prop_assert_ne!(read(&changed).ok(), Some(reading), "{:?} reads like {:?}", changed, text);
        }
    }

    /// Both ends a range states lie in its reading, whatever its form; only a first end more than
    /// a hundred times below the second, which may have its zeros left off, is refused.
    #[test]
    fn a_range_holds_both_its_ends(
        a in 0u64..1_000_000_000,
        b in 0u64..1_000_000_000,
        style in 0usize..4,
        form in prop::sample::select(vec!["{a} to {b}", "between {a} and {b}", "{a}–{b}",
            "from {a} to {b}", "in the range of {a} to {b}", "roughly {a} to {b}", "{a} to {b} or more"]),
    ) {
        let (low, high) = (a.min(b), a.max(b));
        let text = form.replace("{a}", &written(low, style)).replace("{b}", &written(high, style));
        let reading = read(&text);
        if let Err(e) = &reading {
            let elided = low > 0 && u128::from(low) * 100 < u128::from(high);
            prop_assert!(elided && e.message.contains("may leave the zeros"), "{:?} is refused: {:?}", text, e);
        }
        if let Ok(r) = reading {
            for n in [low, high].map(|n| number(n as f64)) {
                prop_assert!(r.low <= n && r.high.is_none_or(|high| n <= high), "{:?} read as {:?}", text, r);
            }
        }
    }
}
