//! Unit tests of the quote matcher: normalisation, ellipses, offsets, closest passages.

use super::*;
use proptest::prelude::*;

/// The original text matched by `quote`, failing the test if it is not found.
fn found<'a>(text: &'a str, quote: &str) -> &'a str {
    match Archive::new(text).find(quote) {
        QuoteMatch::Found(r) => text.get(r).expect("range on char boundaries"),
        other => panic!("{quote:?} not found: {other:?}"),
    }
}

fn is_not_found(text: &str, quote: &str) -> bool {
    matches!(Archive::new(text).find(quote), QuoteMatch::NotFound { .. })
}

const MEK: &str = "In 1988 the People’s Mujahedin Organization of Iran (MEK) \
    [PMOI] said that\nthousands  of prisoners were executed\u{a0}in the summer.";

#[test]
fn exact_match_reports_original_byte_range() {
    let quote = "thousands  of prisoners were executed";
    let start = MEK.find(quote).unwrap();
    assert_eq!(
        Archive::new(MEK).find(quote),
        QuoteMatch::Found(start..start + quote.len())
    );
}

#[test]
fn the_parts_of_a_quote_leave_out_what_its_ellipsis_omits() {
    let archive = Archive::new(MEK);
    let parts = archive
        .quoted_parts("In 1988 the People's ... Iran (MEK)")
        .unwrap();
    let texts: Vec<&str> = parts.iter().map(|part| &MEK[part.clone()]).collect();
    assert_eq!(texts, ["In 1988 the People’s", "Iran (MEK)"]);
    assert_eq!(archive.quoted_parts("not in the text"), None);
}

#[test]
fn every_place_of_a_phrase_is_found_in_order() {
    let text = "One said one thing;\none more, and no one else.";
    let places: Vec<&str> = Archive::new(text)
        .every_place("one")
        .into_iter()
        .map(|place| &text[place])
        .collect();
    // Only the first character is matched either way, as for quotes.
    assert_eq!(places, ["One", "one", "one", "one"]);
    assert!(Archive::new(text).every_place("two").is_empty());
    assert!(Archive::new(text).every_place("").is_empty());
}

#[test]
fn curly_and_straight_quotes_are_equal() {
    assert_eq!(found(MEK, "People's Mujahedin"), "People’s Mujahedin");
    assert_eq!(found("he said \"no\".", "said “no”"), "said \"no\"");
}

#[test]
fn dashes_fold_to_hyphen() {
    let text = "the 1981–1988 purge — a massacre";
    assert_eq!(found(text, "1981-1988 purge - a"), "1981–1988 purge — a");
}

#[test]
fn line_breaks_and_double_spaces_are_one_space() {
    assert_eq!(
        found(MEK, "said that thousands of prisoners"),
        "said that\nthousands  of prisoners"
    );
}

#[test]
fn nfkc_ligatures_and_nbsp() {
    let text = "the ﬁnal\u{a0}report,\u{202f}2024";
    assert_eq!(found(text, "the final report, 2024"), text);
    assert_eq!(
        found(MEK, "executed in the summer"),
        "executed\u{a0}in the summer"
    );
}

#[test]
fn markdown_emphasis_is_dropped() {
    let text = "*Blood-soaked secrets: Why Iran's 1988 massacres are ongoing*\n\
        **Alireza Avaei**, Iran’s current minister of justice";
    assert_eq!(
        found(text, "Alireza Avaei, Iran's current minister"),
        "Alireza Avaei**, Iran’s current minister"
    );
    assert_eq!(
        found(text, "Blood-soaked secrets: Why"),
        "Blood-soaked secrets: Why"
    );
}

#[test]
fn ellipsis_forms_are_ordered_gaps() {
    let text = "The trials were brief, the verdicts fixed, and the executions swift.";
    for gap in ["[…]", "[...]", "…", "..."] {
        let quote = format!("the trials were brief, {gap} the executions swift");
        assert_eq!(
            found(text, &quote),
            "The trials were brief, the verdicts fixed, and the executions swift"
        );
    }
    assert!(is_not_found(
        text,
        "the executions swift ... trials were brief"
    ));
    // Segments may not overlap: "brief" is in the text only once.
    assert!(is_not_found(text, "trials were brief ... brief"));
}

#[test]
fn bracket_insertions_are_literal() {
    assert_eq!(found(MEK, "(MEK) [PMOI] said"), "(MEK) [PMOI] said");
    assert!(is_not_found(MEK, "the [PMOI] said"));
}

#[test]
fn only_the_first_character_ignores_case() {
    assert_eq!(
        found(MEK, "Thousands of prisoners"),
        "thousands  of prisoners"
    );
    assert_eq!(found(MEK, "in 1988 the"), "In 1988 the");
    assert!(is_not_found(MEK, "thousands of Prisoners"));
}

#[test]
fn misquote_offers_closest_passage() {
    let text = "Officials denied everything. The commission sent thousands of \
        political prisoners to their deaths within weeks. Nobody was charged.";
    let sentence =
        "The commission sent thousands of political prisoners to their deaths within weeks";
    let quote = "the commission sent hundreds of political prisoners to their deaths within weeks";
    let QuoteMatch::NotFound { closest: Some(p) } = Archive::new(text).find(quote) else {
        panic!("expected a closest passage");
    };
    assert_eq!(text.get(p.span.clone()), Some(sentence));
    assert_eq!(p.text, sentence);
    assert!(p.similarity > 0.7 && p.similarity < 1.0, "{}", p.similarity);
}

#[test]
fn no_shared_word_means_no_closest_passage() {
    assert_eq!(
        Archive::new(MEK).find("completely unrelated words"),
        QuoteMatch::NotFound { closest: None }
    );
}

#[test]
fn quotes_without_words_are_empty() {
    for quote in ["", "...", "[…] … ", " \n "] {
        assert_eq!(
            Archive::new(MEK).find(quote),
            QuoteMatch::Empty,
            "{quote:?}"
        );
    }
}

#[test]
fn ranges_fall_on_char_boundaries_in_multibyte_text() {
    let text = "«Ça va» — dit‑il.\nمجاهدین خلق ایران گفتند که زندانیان اعدام شدند";
    assert_eq!(found(text, "ça va\" - dit-il"), "Ça va» — dit‑il");
    let QuoteMatch::NotFound { closest: Some(p) } =
        Archive::new(text).find("خلق ایران گفتند که زندانیان آزاد شدند")
    else {
        panic!("expected a closest passage");
    };
    assert_eq!(
        text.get(p.span),
        Some("خلق ایران گفتند که زندانیان اعدام شدند")
    );
}

#[test]
fn normalize_folds_typography() {
    assert_eq!(
        normalize("  “Hi”\u{a0}—\n ﬁ **x** ″y″ it’s\u{ad} "),
        "\"Hi\" - fi x \"y\" it's"
    );
}

/// Every reported range must slice the original text.
fn assert_valid(text: &str, quote: &str) {
    match Archive::new(text).find(quote) {
        QuoteMatch::Found(r) => assert!(text.get(r).is_some()),
        QuoteMatch::NotFound { closest: Some(p) } => {
            assert!(text.get(p.span).is_some());
            assert!((0.0..=1.0).contains(&p.similarity));
        }
        QuoteMatch::NotFound { closest: None } | QuoteMatch::Empty => {}
    }
}

proptest! {
    #[test]
    fn never_panics_on_arbitrary_input(text in any::<String>(), quote in any::<String>()) {
        assert_valid(&text, &quote);
    }

    #[test]
    fn never_panics_on_typographic_input(
        text in "[aA’“”«—–…*.\\[\\] \n\u{a0}\u{301}\u{fb01}\u{2033}\u{ad}-]{0,40}",
        quote in "[aA’'\"…*.\\[\\] \u{301}\u{fb01}-]{0,12}",
    ) {
        assert_valid(&text, &quote);
    }

    #[test]
    fn every_substring_is_found(text in "[a-zA-Z ]{0,60}", a in 0..=60usize, b in 0..=60usize) {
        let (a, b) = (a.min(b).min(text.len()), a.max(b).min(text.len()));
        let sub = &text[a..b];
        match Archive::new(&text).find(sub) {
            QuoteMatch::Empty => prop_assert!(sub.trim().is_empty()),
            QuoteMatch::Found(r) => {
                prop_assert!(normalize(&text[r]).eq_ignore_ascii_case(&normalize(sub)));
            }
            other => prop_assert!(false, "{sub:?} in {text:?}: {other:?}"),
        }
    }
}
