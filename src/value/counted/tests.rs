use super::*;
use crate::value::{Measure, ValueSettings, read_value_counting};

fn counted(text: &str) -> Option<Counted> {
    let settings = ValueSettings::default();
    let read = read_value_counting(text, &settings, Measure::Count, None);
    let counted = read.unwrap_or_else(|error| panic!("{text}: {error:?}")).1;
    counted.into_iter().next()
}

fn on<'a>(unit: Option<&'a str>, label: &'a str) -> Counting<'a> {
    Counting { unit, label }
}

/// What the words after the number say is counted, leaving a place aside (see
/// [`a_place_reads_only_on_a_figure_whose_label_names_it`]).
fn counts(text: &str) -> Option<(Counts, &'static str)> {
    let settings = ValueSettings::default();
    let read = read_value_counting(text, &settings, Measure::Count, None).unwrap();
    (read.1.into_iter())
        .find(|counted| !matches!(counted.counts, Counts::Place(_)))
        .map(|counted| (counted.counts, counted.word))
}

#[test]
fn words_saying_what_the_number_counts_are_found() {
    for (text, kind, word) in [
        ("5,000 families", Counts::Groups, "families"),
        (
            "about 5,000 displaced Kurdish families",
            Counts::Groups,
            "families",
        ),
        ("hundreds of households", Counts::Groups, "households"),
        ("at least 12 busloads", Counts::Groups, "busloads"),
        ("some 300 homes", Counts::Groups, "homes"),
        ("2 million households", Counts::Groups, "households"),
        ("thousands of families", Counts::Groups, "families"),
        ("300 mass graves", Counts::Groups, "graves"),
        ("more than 40 airstrikes", Counts::Groups, "airstrikes"),
        ("5,000 new cases", Counts::Additions, "new"),
        ("300 newly displaced", Counts::Additions, "newly"),
        ("about 1,200 fresh infections", Counts::Additions, "fresh"),
        ("5,000 others", Counts::Others, "others"),
        ("at least 40 other victims", Counts::Others, "other"),
    ] {
        assert_eq!(counts(text), Some((kind, word)), "{text}");
    }
}

#[test]
fn members_places_and_names_say_nothing_of_what_is_counted() {
    for text in [
        "5,000",
        "5,000 people",
        "5,000 family members",
        "300 village elders",
        "5,000 people across villages",
        "300 people from poor families",
        "5,000 members of families",
        "5,000 villagers",
        "5,000 attack victims",
        "5,000 New Yorkers",
        "5,000 people in New Delhi",
        "thousands",
    ] {
        assert_eq!(counts(text), None, "{text}");
    }
}

#[test]
fn a_figure_saying_it_counts_them_reads_them() {
    let refused = |value: &str, unit: Option<&str>, label: &str| {
        let counted = counted(value).unwrap();
        counted.refusal(value, on(unit, label)).is_some()
    };
    let families = "5,000 families";
    assert!(!refused(families, Some("families"), "Displaced"));
    assert!(!refused(families, Some("family"), "Displaced"));
    assert!(!refused(families, None, "Families displaced by the floods"));
    assert!(refused(families, Some("people"), "Families displaced"));
    let homes = "about 5,000 homes";
    assert!(refused(
        homes,
        Some("people"),
        "People displaced from their homes"
    ));
    assert!(!refused(homes, Some("homes"), "Homes destroyed"));
    assert!(refused(families, Some("people"), "People displaced"));
    assert!(refused(families, None, "Displaced by the floods"));
    assert!(refused(
        families,
        Some("family members"),
        "Relatives displaced"
    ));
    assert!(!refused(
        "5,000 new cases",
        Some("people"),
        "New cases a day"
    ));
    assert!(!refused(
        "300 newly displaced",
        None,
        "Newly displaced people"
    ));
    assert!(refused(
        "5,000 new cases",
        Some("people"),
        "Confirmed cases"
    ));
    assert!(!refused("5,000 others", Some("people"), "Other casualties"));
    assert!(refused("5,000 others", Some("people"), "Casualties"));

    let refusal = counted(families).unwrap();
    let refusal = refusal
        .refusal(families, on(Some("people"), "Displaced"))
        .unwrap();
    assert_eq!(refusal.span, 0..14);
    let message = "\"5,000 families\" counts families, but the figure counts people";
    assert!(refusal.message.starts_with(message), "{}", refusal.message);
    let new = counted("5,000 new cases").unwrap();
    let refusal = new
        .refusal("5,000 new cases", on(None, "Confirmed cases"))
        .unwrap();
    let message = "\"5,000 new cases\" counts an increase, which the figure's label";
    assert!(refusal.message.starts_with(message), "{}", refusal.message);
}

#[test]
fn a_value_naming_what_happened_reads_only_on_a_figure_naming_it_or_none() {
    let refusal = |value: &str, label: &str| {
        let counted = counted(value).unwrap_or_else(|| panic!("{value}: no outcome"));
        counted.refusal(value, on(Some("people"), label))
    };
    let killed = "People killed in the strike";
    assert!(refusal("more than 150 casualties", "Casualties of the strike").is_none());
    assert!(refusal("52 dead", killed).is_none());
    assert!(refusal("80 injured", "Victims of the strike").is_none());
    let wounded = refusal("80 people wounded", killed).unwrap();
    assert_eq!(wounded.span, 0..17);
    let message = "\"80 people wounded\" counts the injured, but the figure (\"People killed \
                   in the strike\") counts the dead";
    assert!(wounded.message.starts_with(message), "{}", wounded.message);
    let casualties = refusal("150 dead and wounded", killed).unwrap();
    assert!(
        casualties
            .message
            .contains("counts casualties (the dead and the injured)")
    );
    let either = counted("at least 150 killed or injured").unwrap();
    assert_eq!(either.span, 0..30);
    assert!(either.refusal("", on(Some("people"), killed)).is_some());
    let joined = on(Some("people"), "People killed or injured");
    assert!(either.refusal("", joined).is_none());
    assert!(refusal("52 killed", "People killed or injured").is_some());
    // Groups say what is counted first: "displaced" is how the families came to count.
    let families = counted("5,000 displaced families").unwrap();
    assert_eq!(families.counts, Counts::Groups);
}

/// Why `value` is refused on a figure of people labelled `label`, by the first of its words that
/// is.
fn refusal(value: &str, label: &str) -> Option<CountedRefusal> {
    let settings = ValueSettings::default();
    let read = read_value_counting(value, &settings, Measure::Count, None).unwrap();
    let counting = on(Some("people"), label);
    (read.1.iter()).find_map(|counted| counted.refusal(value, counting))
}

#[test]
fn a_place_reads_only_on_a_figure_whose_label_names_it() {
    let iran = "People executed in Iran in 1988";
    for value in [
        "5,000 in Iran",
        "thousands across Iran",
        "5,000 killed in Iran",
        "5,000 in Iran's prisons",
        "5,000 in the country",
        "5,000",
    ] {
        assert_eq!(refusal(value, iran), None, "{value}");
    }
    let tehran = refusal("5,000 dead in Tehran", iran).unwrap();
    assert_eq!(tehran.span, 11..20);
    let message = "\"in Tehran\" names a place, Tehran, that the figure's label (\"People \
                   executed in Iran in 1988\") does not";
    assert!(tehran.message.starts_with(message), "{}", tehran.message);
    let province = refusal("300 from Sistan-Baluchestan", iran).unwrap();
    assert!(province.message.contains("a place, Sistan-Baluchestan,"));
    let capital = refusal("300 outside the capital", iran).unwrap();
    assert!(capital.message.contains("a place, the capital,"));
    assert!(refusal("300 across the northern provinces", iran).is_some());
    assert_eq!(refusal("300 in the camps", "Deaths in the camps"), None);
    assert_eq!(refusal("300 in the protests", iran), None);
    assert!(refusal("300 at Evin prison", iran).is_some());
    assert!(refusal("300 within Tehran", iran).is_some());
    assert_eq!(refusal("300 within Iran", iran), None);
    assert_eq!(
        refusal("300 at Evin prison", "Executions at Evin prison"),
        None
    );
    // An outcome and a place: each is held to the label.
    assert!(refusal("5,000 injured in Iran", iran).is_some());
    // A part of a place, or a noun of one without "the".
    let north = refusal("5,000 in northern Iran", iran).unwrap();
    assert!(
        north.message.contains("a place, northern Iran,"),
        "{}",
        north.message
    );
    assert!(refusal("300 in central Tehran", iran).is_some());
    let rural = refusal("300 in rural areas", iran).unwrap();
    assert!(
        rural.message.contains("a place, rural areas,"),
        "{}",
        rural.message
    );
    assert!(refusal("300 in camps", iran).is_some());
    assert_eq!(refusal("300 in camps", "Deaths in the camps"), None);
    let northern = "People executed in northern Iran in 1988";
    assert_eq!(refusal("5,000 in northern Iran", northern), None);
    // A noun with a word before it; a label naming it in the other number names it.
    let prisons = refusal("300 in the main prisons", iran).unwrap();
    assert!(prisons.message.contains("a place, the main prisons,"));
    assert!(refusal("600 in the mountain villages", iran).is_some());
    let massacres = "People executed in the 1988 prison massacres";
    assert_eq!(refusal("5,000 in prisons", massacres), None);
    assert_eq!(refusal("300 in the camp", "Deaths in the camps"), None);
    assert!(refusal("300 in the main prisons", massacres).is_some());
}

#[test]
fn a_count_of_the_cases_known_so_far_reads_only_on_a_figure_naming_them() {
    let killed = "People killed in the protests";
    for value in [
        "304 documented deaths",
        "5,000 confirmed",
        "5,000 deaths documented by Amnesty",
        "200 identified victims",
    ] {
        let refused = refusal(value, killed).unwrap_or_else(|| panic!("{value}"));
        assert!(
            refused.help.contains("`measure = \"documented\"`"),
            "{value}"
        );
    }
    let confirmed = refusal("5,000 confirmed dead", killed).unwrap();
    assert_eq!(confirmed.span, 0..15);
    assert_eq!(refusal("5,000 confirmed cases", "Confirmed cases"), None);
    assert_eq!(refusal("5,000 reported deaths", killed), None);
}

#[test]
fn a_part_of_the_people_reads_only_on_a_figure_naming_every_part() {
    let killed = "People killed in the siege";
    for (value, listed) in [
        ("5,000 children", "children"),
        ("more than 1,000 Kurdish children", "children"),
        ("thousands of civilians", "civilians"),
        ("5,000 children killed", "children"),
        ("2,100 women and children", "women and children"),
        ("about 300 men and boys", "men and boys"),
    ] {
        let refused = refusal(value, killed).unwrap_or_else(|| panic!("{value}"));
        let message = format!("counts {listed}, a part of the people a figure counts");
        assert!(refused.message.contains(&message), "{}", refused.message);
    }
    // Everyone: the young beside the grown.
    assert_eq!(refusal("5,000 adults and children", killed), None);
    assert_eq!(refusal("5,000 people", killed), None);
    let children = "Children killed in the siege";
    assert_eq!(refusal("5,000 children", children), None);
    assert_eq!(refusal("5,000 children", "Child deaths"), None);
    assert!(refusal("2,100 women and children", children).is_some());
    assert_eq!(
        refusal("2,100 women and children", "Women and children killed"),
        None
    );
    // Boys are a part of the children, too.
    assert!(refusal("300 boys", children).is_some());
    let refused = refusal("5,000 children killed", killed).unwrap();
    assert_eq!(refused.span, 0..14);
}
