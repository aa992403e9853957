//! A quote's number before words saying it counts other than what the figure counts: groups, an
//! increase, those something else happened to, a part of the people, the cases known so far.

use super::*;
use crate::value::{Counting, Measure, read_value};

/// What the quote says of `value` on a figure with this unit and label, where it reads otherwise.
fn says_in(value: &str, quote: &str, unit: &str, label: &str) -> Option<(String, QuoteSays)> {
    let settings = ValueSettings::default();
    let reading = read_value(value, &settings, Measure::Count, None).unwrap();
    let counting = Counting {
        unit: Some(unit),
        label,
    };
    let phrase = QuoteReader::new(&settings).differs(&reading, quote, None, Some(counting));
    phrase.map(|p| (p.text, p.says))
}

/// [`says_in`] on a figure of people.
fn says(value: &str, quote: &str, label: &str) -> Option<(String, QuoteSays)> {
    says_in(value, quote, "people", label)
}

/// A number before words counting groups or an increase that the figure does not say it counts
/// states none of its values; one the figure counts, other people, or a name, still do.
#[test]
fn a_number_of_groups_or_an_increase_states_no_count_of_another_figure() {
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
}

/// A number right before those something else happened to, or a part of the people, that the
/// figure does not count states none of its values; words saying who further on leave it alone.
#[test]
fn a_number_of_another_outcome_or_a_part_states_no_count_of_the_figure() {
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

/// A number right before or after words saying it counts the cases known so far states a lower
/// bound, unless the figure counts just those, or the value is a lower bound.
#[test]
fn a_number_of_the_cases_known_so_far_is_a_lower_bound() {
    let killed = "People killed in the strike";
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
}

/// A number for each period read as a figure's whole would pass a rate for the total; on a figure
/// whose label names a period it is the value.
#[test]
fn a_number_for_each_period_is_a_rate_on_a_figure_counting_a_whole() {
    let killed = "People killed in the siege";
    let rate = says("5,000", "some 5,000 a day were killed", killed);
    let why = "gives a number for each period or item (\"a day\"), a rate, not the whole the \
               figure counts (label \"People killed in the siege\")";
    let expected = (
        "some 5,000 a day".to_string(),
        QuoteSays::CountsOther(why.into()),
    );
    assert_eq!(rate, Some(expected));
    assert!(says("5,000", "5,000 daily deaths were recorded", killed).is_some());
    // After words saying what is counted, too; "each" only before a period.
    for (value, quote, rate) in [
        ("300", "300 people a day were killed", "300 people a day"),
        ("5,000", "5,000 died each week", "5,000 died each week"),
        (
            "5,000",
            "5,000 deaths every year",
            "5,000 deaths every year",
        ),
    ] {
        let found = says(value, quote, killed);
        assert!(
            matches!(&found, Some((text, QuoteSays::CountsOther(_))) if text == rate),
            "{quote}: {found:?}"
        );
    }
    assert_eq!(
        says("5,000", "the 5,000 victims each had a name", killed),
        None
    );
    assert_eq!(says("5,000", "5,000 people died a year ago", killed), None);
    for label in [
        "Deaths a day at the height of the siege",
        "Daily deaths",
        "Weekly tolls",
    ] {
        let quote = "some 5,000 a day were killed";
        assert_eq!(says("about 5,000", quote, label), None, "{label}");
    }
    // One period named, not a rate.
    assert_eq!(says("5,000", "5,000 died in a single day", killed), None);
    assert_eq!(
        says("5,000", "5,000 died in a day of fighting", killed),
        None
    );
}
