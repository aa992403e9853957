use super::*;
use crate::value::{Measure, read_value};

/// The quote's phrase that reads otherwise than `value`, as "phrase: rule interval", or "".
fn differs(value: &str, quote: &str) -> String {
    differs_in(value, quote, None)
}

/// [`differs`] for a figure whose `unit` is given.
fn differs_in(value: &str, quote: &str, unit: Option<&str>) -> String {
    let settings = ValueSettings::default();
    let unit = crate::value::Unit::of_figure(unit);
    let reading = read_value(value, &settings, Measure::Count, unit).unwrap();
    QuoteReader::new(&settings)
        .differs(&reading, quote, unit, None)
        .map_or(String::new(), |p| {
            let negated = if p.negated { " (negated)" } else { "" };
            match p.says {
                QuoteSays::Reads(read) => {
                    format!(
                        "{}: {} {}{negated}",
                        p.text,
                        read.tag(),
                        read.interval_text()
                    )
                }
                QuoteSays::Refused(why) => format!("{}: refused, {why}{negated}", p.text),
                QuoteSays::CountsOther(why) => format!("{}: {why}{negated}", p.text),
                QuoteSays::KnownSoFar(word) => format!("{}: {word} so far{negated}", p.text),
                QuoteSays::Projected(words) => format!("{}: projected, {words}{negated}", p.text),
            }
        })
}

#[test]
fn reading_a_quote_once_answers_as_both_questions_asked_apart() {
    let settings = ValueSettings::default();
    let reader = QuoteReader::new(&settings);
    let pairs = [
        ("at most 32", "at least 32 cities"),
        ("thousands", "killed thousands of political dissidents"),
        ("dozens", "scores were held"),
        ("30,000", "Thirty thousand people were murdered"),
        ("1,500", "about 1,500 people"),
        ("20 to 50", "20 to 50 million died"),
        ("5,000", "thousands were killed"),
        ("20", "one in five of the 20 detainees"),
        ("50 million", "it is not true that 50 million died"),
    ];
    for (value, quote) in pairs {
        let reading = read_value(value, &settings, Measure::Count, None).unwrap();
        let apart = (
            crate::value::value_in_quote(value, &reading, quote, &settings, None),
            reader.differs(&reading, quote, None, None),
        );
        assert_eq!(
            reader.read(value, &reading, quote, None, None),
            apart,
            "{value} in {quote}"
        );
    }
}

#[test]
fn a_quote_that_reads_the_same_passes() {
    assert_eq!(
        differs(
            "at least 5,000",
            "at least 5,000 political dissidents were killed"
        ),
        ""
    );
    assert_eq!(
        differs("30,000", "Thirty thousand people were murdered"),
        ""
    );
    assert_eq!(
        differs("roughly 1,500", "Roughly 1,500 peaceful protesters"),
        ""
    );
    assert_eq!(
        differs("thousands", "killed thousands of political dissidents"),
        ""
    );
    assert_eq!(
        differs("2,800 to 3,800", "between 2,800 and 3,800 died"),
        ""
    );
    assert_eq!(
        differs_in("30", "over the past 30 years", Some("years")),
        "",
        "'over the' reads no bound"
    );
    assert_eq!(
        differs(
            "more than a dozen",
            "More than a dozen of these individuals"
        ),
        ""
    );
    // One phrase reading the same is enough, wherever the number stands again.
    assert_eq!(differs("32", "in 32 cities, at most 32 by one count"), "");
    // Leaving out an approximation says less, not otherwise; so does leaving out "over", as
    // often a span of time as a bound.
    assert_eq!(
        differs_in("30", "perpetuated over 30 years", Some("years")),
        ""
    );
    assert_eq!(differs("1,500", "about 1,500 people"), "");
    assert_eq!(differs("32", "not only to end a 32-year deferral"), "");
    assert_eq!(differs("1,100", "1,100 families were never seen again"), "");
    assert_eq!(differs("1,100", "no word of 1,100 families was heard"), "");
    // A quote that does not state the number is the other check's business.
    assert_eq!(differs("5,000", "thousands were killed"), "");
}

/// A phrase the grammar would refuse as a value is set apart whole: a value holding one of its
/// numbers may take a part of it for the whole. A rate or a bound after the number is not: the
/// value may be recorded as written before them.
#[test]
fn a_value_taking_part_of_a_phrase_the_grammar_refuses_is_caught() {
    assert_eq!(
        differs("40,000", "some 30-40,000 prisoners were killed"),
        "30-40,000: refused, \"30-40,000\" may leave the zeros or scale of 40,000 off 30, or run from 30 itself"
    );
    assert_eq!(
        differs("3", "3 lakh people were displaced"),
        "3 lakh: refused, \"lakh\" looks like a scale word it does not read"
    );
    assert_eq!(differs("5,000", "5,000 a day crossed the border"), "");
    assert_eq!(differs("at least 5,000", "5,000 minimum were killed"), "");
    assert_eq!(differs("300,000", "3 lakh people were displaced"), "");
}

#[test]
fn a_quote_that_reads_otherwise_is_caught() {
    assert_eq!(
        differs(
            "at least 25 million",
            "greater than 25 million are not realistic"
        ),
        "greater than 25 million: at-least [25,000,000, ∞) (negated)"
    );
    assert_eq!(
        differs("at most 32", "at least 32 cities"),
        "at least 32: at-least [32, ∞)"
    );
    assert_eq!(
        differs("at least 1,500", "up to 1,500 died"),
        "up to 1,500: at-most [0, 1,500]"
    );
    // An exact value taking a bound's number or a range's end as the whole.
    assert_eq!(
        differs("32", "at least 32 cities"),
        "at least 32: at-least [32, ∞)"
    );
    assert_eq!(
        differs("1,500", "up to 1,500 died"),
        "up to 1,500: at-most [0, 1,500]"
    );
    assert_eq!(
        differs("2,800", "between 2,800 and 3,800 died"),
        "between 2,800 and 3,800: range [2,800, 3,800]"
    );
    assert_eq!(
        differs("2,000 to 3,000", "2,000 to 3,500 died"),
        "2,000 to 3,500: range [2,000, 3,500]"
    );
    assert_eq!(
        differs("50", "50 million died"),
        "50 million: exact 50,000,000"
    );
    assert_eq!(
        differs("20 to 50", "20 to 50 million died"),
        "20 to 50 million: range [20,000,000, 50,000,000]"
    );
    assert_eq!(
        differs("50 million", "it is not true that 50 million died"),
        "50 million: exact 50,000,000 (negated)"
    );
    assert_eq!(
        differs("30,000", "the figure of 30,000 is exaggerated"),
        "30,000: exact 30,000 (negated)"
    );
}

/// Words of every kind a number phrase may open with or hold, and words that hold none.
const VOCABULARY: &[&str] = &[
    "at",
    "least",
    "most",
    "more",
    "than",
    "up",
    "to",
    "over",
    "of",
    "the",
    "order",
    "in",
    "excess",
    "vicinity",
    "region",
    "range",
    "from",
    "between",
    "and",
    "an",
    "estimated",
    "could",
    "be",
    "may",
    "as",
    "many",
    "few",
    "no",
    "fewer",
    "not",
    "a",
    "handful",
    "dozen",
    "dozens",
    "tens",
    "thousands",
    "hundreds",
    "several",
    "hundred",
    "thousand",
    "million",
    "half",
    "third",
    "only",
    "n",
    "=",
    "about",
    "nearly",
    "close",
    "some",
    "one",
    "five",
    "twenty",
    "-",
    "%",
    ">",
    "5",
    "30",
    "1,500",
    "2019",
    "people",
    "died",
    ",",
    "(",
    "ci",
    "95",
];

proptest::proptest! {
    #[test]
    fn a_phrase_is_tried_wherever_one_can_be_read(
        words in proptest::collection::vec(proptest::sample::select(VOCABULARY), 1..12),
    ) {
        let settings = ValueSettings::default();
        let reader = QuoteReader::new(&settings);
        let text = words.join(" ");
        let tokens = tokenize(&text, settings.decimal);
        let parser = Parser { text: &text, tokens: &tokens, settings: &settings, measure: None, unit: None };
        for start in 0..tokens.len() {
            // Where a phrase may start by its first word alone, and one is read there.
            let opens_word = match tokens[start].kind {
                Kind::Number(_) => true,
                _ => reader.starters.contains_key(tokens[start].text.as_ref()),
            };
            let read = parser.number_phrase(start).is_ok_and(|(_, end)| end > start);
            if opens_word && read {
                proptest::prop_assert!(reader.may_open(&tokens, start), "at {start} of {text}");
            }
        }
    }
}

/// A number before a unit of measure is a measure, not the count of a figure that counts: a
/// value taking it is caught, with how a figure measured in that unit is declared.
#[test]
fn a_measure_in_the_quote_is_no_count() {
    assert_eq!(
        differs("30", "over the past 30 years"),
        "30 years: refused, \"30 years\" is a measure in years, not a count (a figure measured \
         in years says so with `unit = \"years\"`)"
    );
    assert_eq!(
        differs_in("300", "the column walked 300 miles", Some("km")),
        "300 miles: refused, \"300 miles\" is a measure in miles, not in the figure's unit \
         (kilometres) (a figure measured in miles says so with `unit = \"miles\"`)"
    );
    // The count stated beside the measure is found as before.
    assert_eq!(differs("300", "300 marchers walked 300 km"), "");
}

mod counted;
