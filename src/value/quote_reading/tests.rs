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
    // Leaving out a bound or an approximation says less, not otherwise.
    assert_eq!(differs("32", "at least 32 cities"), "");
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

/// A number before words counting groups or an increase that the figure does not say it counts
/// states none of its values; one the figure counts, other people, or a name, still do.
#[test]
fn a_number_of_groups_or_an_increase_states_no_count_of_another_figure() {
    let settings = ValueSettings::default();
    let reader = QuoteReader::new(&settings);
    let says_in = |value: &str, quote: &str, unit: &'static str, label: &'static str| {
        let reading = read_value(value, &settings, Measure::Count, None).unwrap();
        let counting = crate::value::Counting {
            unit: Some(unit),
            label,
        };
        let phrase = reader.differs(&reading, quote, None, Some(counting));
        phrase.map(|p| (p.text, p.says))
    };
    let says =
        |value: &str, quote: &str, label: &'static str| says_in(value, quote, "people", label);
    let displaced = "People displaced";
    let families = says("4,000", "More than 4,000 families were moved", displaced);
    let why = "counts families, not what the figure counts (`unit = \"people\"`, label \"People \
               displaced\")";
    let expected = (
        "More than 4,000 families".to_string(),
        QuoteSays::CountsOther(why.into()),
    );
    assert_eq!(families, Some(expected));
    let vague = says("thousands", "Thousands of families were moved", displaced);
    let counted = |text: &str| matches!(&vague, Some((t, QuoteSays::CountsOther(_))) if t == text);
    assert!(counted("Thousands of families"), "{vague:?}");
    let new = says("5,000", "5,000 new cases were confirmed", "Confirmed cases");
    assert!(matches!(new, Some((text, QuoteSays::CountsOther(_))) if text == "5,000 new cases"));
    // A figure of people counts people, whatever groups its label names.
    let labelled = says("4,000", "4,000 families were moved", "Families displaced");
    assert!(
        matches!(labelled, Some((_, QuoteSays::CountsOther(_)))),
        "{labelled:?}"
    );
    let quote = "4,000 families were moved";
    assert_eq!(says_in("4,000", quote, "families", "Displaced"), None);
    for (value, quote, label) in [
        ("5,000", "5,000 new cases were confirmed", "New cases a day"),
        (
            "5,000",
            "300 were killed and 5,000 others injured",
            "People injured",
        ),
        ("5,000", "5,000 New Yorkers were moved", displaced),
        ("5,000", "5,000 family members were moved", displaced),
    ] {
        assert_eq!(says(value, quote, label), None, "{quote}");
    }
    // Those something else happened to, named right after the number.
    let killed = "People killed in the strike";
    let wounded = says(
        "96",
        "our teams evacuated 96 wounded from the market",
        killed,
    );
    let why = "counts the injured, not what the figure counts (`unit = \"people\"`, label \"People \
               killed in the strike\")";
    assert_eq!(
        wounded,
        Some(("96 wounded".to_string(), QuoteSays::CountsOther(why.into())))
    );
    let released = says("3,000", "the decree saw 3,000 released on bail", killed);
    assert!(matches!(released, Some((t, QuoteSays::CountsOther(_))) if t == "3,000 released"));
    let sentences = says("17", "courts handed down 17 death sentences", killed);
    assert!(matches!(sentences, Some((t, QuoteSays::CountsOther(_))) if t == "17 death sentences"));
    let missing = says("300", "300 people missing after the strike", killed);
    assert!(matches!(missing, Some((t, QuoteSays::CountsOther(_))) if t == "300 people missing"));
    // A part of the people, named right after the number, unless the figure names it or the
    // parts are everyone.
    let part = |value: &str, quote: &str, label: &'static str| match says(value, quote, label) {
        Some((phrase, QuoteSays::CountsOther(why))) => Some((phrase, why)),
        _ => None,
    };
    let (phrase, why) = part("2,100", "the siege killed 2,100 women and children", killed).unwrap();
    assert_eq!(phrase, "2,100 women and children");
    assert!(
        why.starts_with("counts women and children, not what"),
        "{why}"
    );
    let (phrase, _) = part("hundreds", "hundreds of children died", killed).unwrap();
    assert_eq!(phrase, "hundreds of children");
    for (quote, label) in [
        (
            "the siege killed 2,100 women and children",
            "Women and children killed",
        ),
        ("3,500 men, women and children were killed", killed),
        ("3,500 people, among them 1,020 children", killed),
    ] {
        let value = quote
            .split(' ')
            .find(|w| w.starts_with(char::is_numeric))
            .unwrap();
        assert_eq!(says(value, quote, label), None, "{quote}");
    }
    // The cases known so far, unless the figure counts just those, or the value is a lower bound.
    let documented = says("304", "Amnesty counted 304 documented deaths", killed);
    assert_eq!(
        documented,
        Some((
            "304 documented".to_string(),
            QuoteSays::KnownSoFar("documented")
        ))
    );
    // Before the number too, right before it or before "the deaths of".
    let known = |value: &str, quote: &str| match says(value, quote, killed) {
        Some((phrase, QuoteSays::KnownSoFar(word))) => Some((phrase, word)),
        _ => None,
    };
    let amnesty = "Amnesty International has documented the deaths of 304 people";
    let phrase = "documented the deaths of 304".to_string();
    assert_eq!(known("304", amnesty), Some((phrase, "documented")));
    let verified = "the mission has verified at least 1,900 deaths";
    let phrase = "verified at least 1,900".to_string();
    assert_eq!(known("1,900", verified), Some((phrase, "verified")));
    let recorded = "the ministry recorded 1,200";
    assert_eq!(
        known("1,200", recorded).map(|(_, word)| word),
        Some("recorded")
    );
    for quote in [
        "5,000 people died, 300 of them identified",
        "the deaths of 304 people were documented",
        "documented in the report of 304 pages",
    ] {
        let value = quote.split(' ').find(|w| w.starts_with(char::is_numeric));
        assert_eq!(known(value.unwrap(), quote), None, "{quote}");
    }
    let confirmed = "5,000 confirmed cases";
    assert_eq!(says("5,000", confirmed, "Confirmed cases"), None);
    let confirmed = "officials confirmed 5,000 cases";
    assert_eq!(says("5,000", confirmed, "Confirmed cases"), None);
    assert_eq!(says("at least 304", "304 documented deaths", killed), None);
    // Words saying who died, or how, further on: the quote counts the dead.
    for quote in [
        "52 people killed",
        "5,000 detainees were executed",
        "5,000 imprisoned dissidents were killed",
        "thousands of imprisoned dissidents were killed",
        "300 forcibly disappeared and later killed",
        "300 refugees drowned when the boat sank",
    ] {
        let value = quote.split(' ').next().unwrap();
        assert_eq!(says(value, quote, killed), None, "{quote}");
    }
}
