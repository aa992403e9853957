//! The value grammar, one wording per line: each wording as sources publish it, with the reading
//! it must get or the error it must raise. docs/report.md lists the forms and why each vague
//! interval is what it is.
//!
//! A reading is written "rule interval @point" (the rule tag, the interval as the report shows
//! it, the best value); an error "error start..end: message", where the message need only begin
//! with the words given.

use claimtrack::value::{DecimalMark, Measure, Unit, ValueSettings, read_value};

fn summary(text: &str, settings: &ValueSettings, measure: Measure, unit: Option<Unit>) -> String {
    match read_value(text, settings, measure, unit) {
        Ok(r) => {
            let percent = if measure == Measure::Share { "%" } else { "" };
            let point = r.point.map_or(String::new(), |p| format!(" @{p}{percent}"));
            format!("{} {}{point}", r.tag(), r.interval_text())
        }
        Err(e) => format!("error {}..{}: {}", e.span.start, e.span.end, e.message),
    }
}

fn check_with(
    table: &[(&str, &str)],
    settings: &ValueSettings,
    measure: Measure,
    unit: Option<Unit>,
) {
    let wrong: Vec<String> = table
        .iter()
        .filter_map(|&(text, expected)| {
            let got = summary(text, settings, measure, unit);
            let matches = if expected.starts_with("error") {
                got.starts_with(expected)
            } else {
                got == expected
            };
            (!matches).then(|| format!("{text:?}\n   expected {expected}\n   got      {got}"))
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "{} wordings misread:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

fn check(table: &[(&str, &str)], measure: Measure) {
    check_with(table, &ValueSettings::default(), measure, None);
}

/// [`check`] on a figure that counts in `unit` (its `unit` field).
fn check_in_unit(table: &[(&str, &str)], unit: &str) {
    let unit = Unit::of_figure(Some(unit));
    assert!(unit.is_some(), "a unit of measure");
    check_with(table, &ValueSettings::default(), Measure::Count, unit);
}

/// Accepted without a word before, and read wrongly: each is now read as it says, or refused.
#[test]
fn wordings_once_misread_in_silence() {
    check(
        &[
            (">14 million", "at-least [14,000,000, ∞) @14,000,000"),
            ("17–50+ million", "range [17,000,000, ∞)"),
            ("50+ million", "at-least [50,000,000, ∞) @50,000,000"),
            (
                "twenty-one and a half million",
                "exact 21,500,000 @21,500,000",
            ),
            (
                "one-third of the world's population",
                "error 0..9: \"one-third\" is a share, but this figure holds counts",
            ),
            ("one fifth", "error 0..9: \"one fifth\" is a share"),
            ("≈1%", "error 3..5: \"1%\" is a share"),
            ("about 1 percent", "error 6..15: \"1 percent\" is a share"),
            ("50 to 100 million or more", "range [50,000,000, ∞)"),
            (
                "30.000",
                "error 0..6: \"30.000\" is ambiguous: 30 with \".\" as the decimal mark, 30,000 with \".\" between thousands",
            ),
            ("5.000", "error 0..5: \"5.000\" is ambiguous"),
            (
                "1.000.000",
                "error 0..9: \"1.000.000\" uses \".\" between groups of digits",
            ),
            ("1'000'000", "exact 1,000,000 @1,000,000"),
            (
                "30,00",
                "error 0..5: \"30,00\" cannot be read: \",\" separates groups of three digits",
            ),
            (
                "dozens of thousands",
                "error 10..19: cannot read \"thousands\" after \"dozens\"",
            ),
            (
                "a dozen thousand",
                "error 8..16: cannot read \"thousand\" after \"a dozen\"",
            ),
            ("1e400", "error 0..5: \"1e400\" is written with an exponent"),
            ("5e3", "error 0..3: \"5e3\" is written with an exponent"),
            ("50%", "error 0..3: \"50%\" is a share"),
            (
                "1 in 5",
                "error 0..6: \"1 in 5\" is a share, but this figure holds counts: record the count the source gives (1)",
            ),
            ("≈ 1,500", "approximate [1,350, 1,650] @1,500"),
            ("over 9,000 and under 10,000", "range [9,000, 10,000]"),
            (
                "30,000 or 40,000",
                "error 0..16: \"30,000 or 40,000\" gives alternatives",
            ),
            (
                "\u{1b}[2m",
                "error 0..1: the value holds an invisible character (U+001B)",
            ),
            ("۳۰٬۰۰۰", "exact 30,000 @30,000"),
            ("٣٠٠٠", "exact 3,000 @3,000"),
            ("３０，０００", "exact 30,000 @30,000"),
            (
                "3 lakh",
                "error 2..6: cannot read \"lakh\" after \"3\": \"lakh\" looks like a scale word the grammar does not read; write the number in digits",
            ),
            (
                "2 crore people",
                "error 2..14: cannot read \"crore people\" after \"2\": \"crore\" looks like a scale word",
            ),
            ("5 mln", "error 2..5: cannot read \"mln\" after \"5\""),
            ("30 mil", "error 3..6: cannot read \"mil\" after \"30\""),
            ("5 тысяч", "error 2..12: cannot read \"тысяч\" after \"5\""),
            (
                "5,000 a year",
                "error 6..12: cannot read \"a year\" after \"5,000\": a number for each period or item is a rate, not a count",
            ),
            (
                "at least 1,200 annually",
                "error 15..23: cannot read \"annually\" after \"at least 1,200\": a number for each period or item",
            ),
            (
                "300 every month",
                "error 4..15: cannot read \"every month\"",
            ),
            (
                "30-40,000",
                "error 0..9: \"30-40,000\" may leave the zeros or scale of 40,000 off 30, or run from 30 itself: write both ends in full, or give them as `low` and `high`",
            ),
            (
                "between 30 and 40,000",
                "error 8..21: \"30 and 40,000\" may leave",
            ),
            ("3-400", "error 0..5: \"3-400\" may leave"),
            ("about 3-4,000", "error 6..13: \"3-4,000\" may leave"),
            (
                "ten to fifteen hundred",
                "error 0..22: \"ten to fifteen hundred\" may leave",
            ),
            (
                "two to three hundred",
                "error 0..20: \"two to three hundred\" may leave",
            ),
            (
                "five to six hundred thousand",
                "error 0..28: \"five to six hundred thousand\" may leave",
            ),
            ("2-300k", "error 0..6: \"2-300k\" may leave"),
            ("2 to 3 hundred", "range [200, 300]"),
            ("between 500 and 2 million", "range [500, 2,000,000]"),
            ("0-400", "range [0, 400]"),
            ("1,000-40,000", "range [1,000, 40,000]"),
            (
                "5,000 each",
                "error 6..10: cannot read \"each\" after \"5,000\": a number for each period or item",
            ),
            (
                "12 tsd",
                "error 3..6: cannot read \"tsd\" after \"12\": \"tsd\" looks like a scale word",
            ),
            (
                "12 millon",
                "error 3..9: cannot read \"millon\" after \"12\": \"millon\" looks like a scale word",
            ),
            ("12 B", "error 3..4: cannot read \"B\" after \"12\""),
            (
                "5,000 every single day",
                "error 6..22: cannot read \"every single day\" after \"5,000\": a number for each period",
            ),
            ("5,000 minimum", "at-least [5,000, ∞) @5,000"),
            (
                "5,000 apart from soldiers",
                "error 6..25: cannot read \"apart from soldiers\" after \"5,000\": the words limit",
            ),
            (
                "5,000 in addition",
                "error 6..17: cannot read \"in addition\" after \"5,000\": the words limit",
            ),
            ("5,000 in addition to the missing", "exact 5,000 @5,000"),
            ("a total of 5,000", "exact 5,000 @5,000"),
            (
                "at most 5,000 and counting",
                "error 18..26: cannot read \"counting\" after \"at most 5,000\"",
            ),
            (
                "5,000-odd",
                "error 6..9: cannot read \"odd\" after \"5,000\"",
            ),
            (
                "5,000 feared dead",
                "error 6..17: cannot read \"feared dead\" after \"5,000\"",
            ),
            (
                "5,000 additional",
                "error 6..16: cannot read \"additional\" after \"5,000\"",
            ),
            ("5 pct", "error 2..5: cannot read \"pct\" after \"5\""),
            ("5,000 mission staff", "exact 5,000 @5,000"),
            (
                "5,000 killed in a single day",
                "error 13..28: cannot read \"in a single day\" after \"5,000\": the words limit",
            ),
            (
                "5,000 that summer",
                "error 6..17: cannot read \"that summer\" after \"5,000\": the words limit",
            ),
            (
                "5,000 executed in the first wave",
                "error 15..32: cannot read \"in the first wave\" after \"5,000\": the words limit",
            ),
            ("5,000 executed in waves", "exact 5,000 @5,000"),
            ("5,000 held for a year without trial", "exact 5,000 @5,000"),
            ("5,000 hepatitis B cases", "exact 5,000 @5,000"),
            ("5,000 PA employees", "exact 5,000 @5,000"),
            ("1,500-2,000,000", "range [1,500, 2,000,000]"),
            (
                "5 milions",
                "error 2..9: cannot read \"milions\" after \"5\": \"milions\" looks like a scale word",
            ),
            ("3 lkh", "error 2..5: cannot read \"lkh\""),
            (
                "5,000 protesters every Friday",
                "error 17..29: cannot read \"every Friday\" after \"5,000\": a number for each period",
            ),
            (
                "5,000, every one of them civilians",
                "error 5..34: cannot read \", every one of them civilians\"",
            ),
            ("5,000 a minute", "error 6..14: cannot read \"a minute\""),
            (
                "5,000 at its height",
                "error 13..19: cannot read \"height\"",
            ),
            ("5,000 and soaring", "error 10..17: cannot read \"soaring\""),
            (
                "5,000 supposedly",
                "error 6..16: cannot read \"supposedly\"",
            ),
            (
                "5,000 further deaths",
                "error 6..20: cannot read \"further deaths\"",
            ),
            ("5,000-something", "error 6..15: cannot read \"something\""),
            (
                "5,000 K-pop fans",
                "error 0..11: cannot read \"K-pop\" after \"5,000\": a letter joined to a word names something",
            ),
            ("5,000 M-Pesa users", "error 0..12: cannot read \"M-Pesa\""),
            (
                "5,000 Thousand Oaks residents",
                "error 0..19: cannot read \"Thousand Oaks\" after \"5,000\": a capitalised scale word before a capitalised word reads as a name",
            ),
            (
                "5,000 K Street lobbyists",
                "error 0..14: cannot read \"K Street\"",
            ),
            (
                "Five Thousand Oaks residents",
                "error 0..18: cannot read \"Thousand Oaks\" after \"Five\"",
            ),
            (
                "5,000 MN residents",
                "error 0..18: cannot read \"MN residents\" after \"5,000\": a scale in capitals before a word reads as a code",
            ),
            ("5 MN", "exact 5,000,000 @5,000,000"),
            (
                "1988 massacre victims",
                "error 0..21: \"1988\" followed by more reads as a year: write a count of that size with a thousands separator (\"1,988\")",
            ),
            (
                "1988 – 5,000",
                "error 0..14: \"1988\" followed by more reads as a year",
            ),
            ("2023", "exact 2,023 @2,023"),
            ("1,988 people", "exact 1,988 @1,988"),
            (
                "7 October hostages",
                "error 0..9: \"7 October\" reads as a date, not a count",
            ),
            ("15 May", "error 0..6: \"15 May\" reads as a date"),
            (
                "16 Dec. protesters",
                "error 0..6: \"16 Dec\" reads as a date",
            ),
            (
                "30 may have died",
                "error 3..16: cannot read \"may have died\"",
            ),
            (
                "Three Mile Island evacuees",
                "error 0..10: \"Three Mile\" reads as the start of a name",
            ),
            ("ONE DEAD", "exact 1 @1"),
            ("Three killed", "exact 3 @3"),
            (
                "5,000-seat arena",
                "error 0..10: \"5,000-seat\" describes what the number is joined to",
            ),
            ("28-day deaths", "error 0..6: \"28-day\" describes"),
            ("30,000-strong", "exact 30,000 @30,000"),
            ("30,000-person march", "exact 30,000 @30,000"),
            ("thirty-two", "exact 32 @32"),
            (
                "5,000 and shrinking",
                "error 10..19: cannot read \"shrinking\"",
            ),
            ("5,000 margin", "error 6..12: cannot read \"margin\""),
            ("5,000 pledged", "error 6..13: cannot read \"pledged\""),
            (
                "5,000m runners",
                "error 0..6: \"5,000m\" is a distance or a sum of money as often as a count",
            ),
            ("1500m", "error 0..5: \"1500m\" is a distance"),
            ("5,000 K residents", "error 0..7: \"5,000 K\" is a distance"),
            (
                "100m sprinters",
                "error 0..4: \"100m\" before \"sprinters\" is a distance",
            ),
            (
                "5k run participants",
                "error 0..2: \"5k\" before \"run\" is a distance: write the count in full, or the scale as a word (\"5 thousand\")",
            ),
            (
                "10 k race",
                "error 0..4: \"10 k\" is a distance or a sum of money",
            ),
            (
                "100 m",
                "error 0..5: \"100 m\" is a distance or a sum of money",
            ),
            (
                "5 m people",
                "error 0..3: \"5 m\" is a distance or a sum of money",
            ),
            ("100m people", "exact 100,000,000 @100,000,000"),
            ("5k marchers", "exact 5,000 @5,000"),
            (
                "7-Eleven",
                "error 0..8: \"7-Eleven\" joins digits and number words with a dash, as names do",
            ),
            ("7 to eleven", "range [7, 11]"),
            (
                "48-52 vote",
                "error 0..10: \"48-52 vote\" is a tally as often as a range, before \"vote\"",
            ),
            ("3-1 win", "error 0..7: \"3-1 win\" is a tally"),
            ("48 to 52 votes", "range [48, 52]"),
            ("between 48 and 52 votes", "range [48, 52]"),
            ("7-11", "range [7, 11]"),
            ("2.5m", "exact 2,500,000 @2,500,000"),
            ("5,000 COVID-19 deaths", "exact 5,000 @5,000"),
            ("5,000 H1N1 deaths", "exact 5,000 @5,000"),
            ("5,000 SARS-CoV-2 infections", "exact 5,000 @5,000"),
            ("5,000 M23 fighters", "exact 5,000 @5,000"),
            ("5,000 G7 protesters", "exact 5,000 @5,000"),
            ("3x1,000", "error 0..2: cannot read \"3x\" as a count"),
            ("1-on-1", "error 2..6: cannot read \"on-1\" after \"1\""),
            ("999k", "exact 999,000 @999,000"),
            ("5,000 million", "exact 5,000,000,000 @5,000,000,000"),
            (
                "5 grand",
                "error 2..7: cannot read \"grand\" after \"5\": \"grand\" looks like a scale word",
            ),
            (
                "65 and older",
                "error 3..12: cannot read \"and older\" after \"65\": \"and older\" would change the reading",
            ),
            ("30 THOUSAND DEAD", "exact 30,000 @30,000"),
            ("Two Million people", "exact 2,000,000 @2,000,000"),
            ("2.5 Million", "exact 2,500,000 @2,500,000"),
            ("12k", "exact 12,000 @12,000"),
            ("2 million-strong", "exact 2,000,000 @2,000,000"),
            (
                "1,000.000",
                "error 0..9: \"1,000.000\" is ambiguous: three digits follow the decimal mark",
            ),
            ("30,000.0", "exact 30,000 @30,000"),
            (
                "5,000 a-year",
                "error 6..12: cannot read \"a-year\" after \"5,000\": a number for each period",
            ),
            ("5,000 at a time", "error 6..15: cannot read \"at a time\""),
            ("5,000 at the peak", "error 13..17: cannot read \"peak\""),
            (
                "17.4 million (95% CI 25.1–10.2 million)",
                "error 21..40: the ends of the range are reversed: 25.1, at the scale of the second end, is 25,100,000, more than 10.2 million",
            ),
            ("2.5 to 3 million", "range [2,500,000, 3,000,000]"),
            ("5,000 at least", "at-least [5,000, ∞) @5,000"),
            (
                "5,000 conservatively",
                "error 6..20: cannot read \"conservatively\"",
            ),
            ("5,000 a day's walk away", "exact 5,000 @5,000"),
            // A time or a part of the figure's whole, compared with the whole in silence.
            (
                "5,000 since Monday",
                "error 6..18: cannot read \"since Monday\" after \"5,000\": the words limit",
            ),
            (
                "5,000 people killed since the war began",
                "error 20..39: cannot read \"since the war began\"",
            ),
            ("5,000 overnight", "error 6..15: cannot read \"overnight\""),
            ("5,000 last week", "error 6..15: cannot read \"last week\""),
            ("5,000 this year", "error 6..15: cannot read \"this year\""),
            ("5,000 in March", "error 6..14: cannot read \"in March\""),
            (
                "5,000 during the summer",
                "error 6..23: cannot read \"during",
            ),
            (
                "5,000 within a week",
                "error 6..19: cannot read \"within a week\"",
            ),
            (
                "5,000 over the past month",
                "error 6..25: cannot read \"over the past month\"",
            ),
            ("5,000 in Evin alone", "error 14..19: cannot read \"alone\""),
            (
                "thousands since Monday",
                "error 10..22: cannot read \"since Monday\" after \"thousands\"",
            ),
            (
                "at least 5,000 yesterday",
                "error 15..24: cannot read \"yesterday\"",
            ),
            // Words that keep the whole, or say what is counted, pass.
            ("5,000 in total", "exact 5,000 @5,000"),
            ("5,000 so far", "exact 5,000 @5,000"),
            ("5,000 to date", "exact 5,000 @5,000"),
            ("5,000 killed during the protests", "exact 5,000 @5,000"),
            ("5,000 first responders", "exact 5,000 @5,000"),
        ],
        Measure::Count,
    );
}

/// Refused before, forcing the curator to rewrite the source's words.
#[test]
fn wordings_sources_publish() {
    check(
        &[
            ("n = 17.4 million", "exact 17,400,000 @17,400,000"),
            (
                "of the order of 50 million",
                "approximate [25,000,000, 75,000,000] @50,000,000",
            ),
            (
                "in the vicinity of 21.5 million",
                "approximate [19,350,000, 23,650,000] @21,500,000",
            ),
            (
                "in the range 24.7-39.3 million",
                "range [24,700,000, 39,300,000]",
            ),
            (
                "in the range of 20 to 22 million",
                "range [20,000,000, 22,000,000]",
            ),
            (
                "greater than 25 million",
                "at-least [25,000,000, ∞) @25,000,000",
            ),
            (
                "possibly as high as 100 million",
                "at-most (hedged) [0, 100,000,000] @100,000,000",
            ),
            (
                "anything from 17 million to 50 million",
                "range [17,000,000, 50,000,000]",
            ),
            (
                "Probably 50 million",
                "exact (hedged) 50,000,000 @50,000,000",
            ),
            (
                "an estimated 20 million to 50 million",
                "range (hedged) [20,000,000, 50,000,000]",
            ),
            ("estimated 1,500", "exact (hedged) 1,500 @1,500"),
            ("as many as 1,500", "at-most [0, 1,500] @1,500"),
            ("as high as 1,500", "at-most [0, 1,500] @1,500"),
            ("as much as 1,500", "at-most [0, 1,500] @1,500"),
            ("half a billion", "exact 500,000,000 @500,000,000"),
            (
                "at least half a billion",
                "at-least [500,000,000, ∞) @500,000,000",
            ),
            ("tens of millions", "vague [20,000,000, 99,999,999]"),
            ("several million", "vague [2,000,000, 9,999,999]"),
            ("a few hundred", "vague [200, 599]"),
            ("many hundreds", "vague [500, 9,999]"),
            (
                "circa 50 million",
                "approximate [45,000,000, 55,000,000] @50,000,000",
            ),
            (
                "c. 50 million",
                "approximate [45,000,000, 55,000,000] @50,000,000",
            ),
            ("could be over 1,000", "at-least (hedged) [1,000, ∞) @1,000"),
            ("only five", "exact 5 @5"),
        ],
        Measure::Count,
    );
}

#[test]
fn digits_separators_and_scales() {
    check(
        &[
            ("30,000", "exact 30,000 @30,000"),
            ("30 000", "exact 30,000 @30,000"),
            ("30\u{a0}000", "exact 30,000 @30,000"),
            ("30\u{202f}000", "exact 30,000 @30,000"),
            ("30000", "exact 30,000 @30,000"),
            ("  1,234,567 people ", "exact 1,234,567 @1,234,567"),
            ("1.5 million", "exact 1,500,000 @1,500,000"),
            ("12k", "exact 12,000 @12,000"),
            ("2.3m", "exact 2,300,000 @2,300,000"),
            ("5bn", "exact 5,000,000,000 @5,000,000,000"),
            ("3 billion", "exact 3,000,000,000 @3,000,000,000"),
            ("3 dozen", "exact 36 @36"),
            ("0", "exact 0 @0"),
            ("0.5 million", "exact 500,000 @500,000"),
            ("21 and a half million", "exact 21,500,000 @21,500,000"),
            ("۱۵۰۰ نفر", "exact 1,500 @1,500"),
            ("۱٫۵ million", "exact 1,500,000 @1,500,000"),
            (
                "9,007,199,254,740,991",
                "exact 9,007,199,254,740,991 @9,007,199,254,740,991",
            ),
        ],
        Measure::Count,
    );
}

#[test]
fn number_words_and_fractions_of_a_scale() {
    check(
        &[
            ("thirty thousand", "exact 30,000 @30,000"),
            ("Thirty Thousand", "exact 30,000 @30,000"),
            ("one hundred and fifty", "exact 150 @150"),
            ("fourteen", "exact 14 @14"),
            ("thirty-two", "exact 32 @32"),
            ("a dozen", "exact 12 @12"),
            ("two dozen", "exact 24 @24"),
            ("a hundred", "exact 100 @100"),
            ("two thousand five hundred and six", "exact 2,506 @2,506"),
            (
                "one million two hundred thousand",
                "exact 1,200,000 @1,200,000",
            ),
            (
                "five-minute trials",
                "error 0..11: \"five-minute\" describes what the number is joined to",
            ),
            ("half a million", "exact 500,000 @500,000"),
            ("a quarter of a million", "exact 250,000 @250,000"),
            ("half a dozen", "exact 6 @6"),
            ("one and a half million", "exact 1,500,000 @1,500,000"),
            ("two and a half thousand", "exact 2,500 @2,500"),
            ("three quarters of a million", "exact 750,000 @750,000"),
            (
                "a third of a million",
                "error 0..20: \"a third of a million\" is not a whole count",
            ),
        ],
        Measure::Count,
    );
}

#[test]
fn bounds_keep_the_stated_number() {
    check(
        &[
            (
                "at least 5,000 political dissidents",
                "at-least [5,000, ∞) @5,000",
            ),
            ("more than 5,000", "at-least [5,000, ∞) @5,000"),
            ("over 5,000", "at-least [5,000, ∞) @5,000"),
            ("above 5,000", "at-least [5,000, ∞) @5,000"),
            ("upwards of 5,000", "at-least [5,000, ∞) @5,000"),
            ("in excess of 5,000", "at-least [5,000, ∞) @5,000"),
            ("No less than 5,000", "at-least [5,000, ∞) @5,000"),
            ("not fewer than 5,000", "at-least [5,000, ∞) @5,000"),
            ("as few as 5,000", "at-least [5,000, ∞) @5,000"),
            ("≥ 5,000", "at-least [5,000, ∞) @5,000"),
            ("5,000+", "at-least [5,000, ∞) @5,000"),
            ("5,000 or more", "at-least [5,000, ∞) @5,000"),
            ("more than a dozen", "at-least [12, ∞) @12"),
            ("at most 300", "at-most [0, 300] @300"),
            ("fewer than 300", "at-most [0, 300] @300"),
            ("up to 300", "at-most [0, 300] @300"),
            ("under 300", "at-most [0, 300] @300"),
            ("below 300", "at-most [0, 300] @300"),
            ("not more than 300", "at-most [0, 300] @300"),
            ("<300", "at-most [0, 300] @300"),
            ("300 or fewer", "at-most [0, 300] @300"),
            ("300 or less", "at-most [0, 300] @300"),
            ("less than two", "at-most [0, 2] @2"),
            ("under 10,000 and over 9,000", "range [9,000, 10,000]"),
            (
                "at least 9,000 but fewer than 10,000",
                "range [9,000, 10,000]",
            ),
        ],
        Measure::Count,
    );
}

/// Bounds as wire copy and newsroom shorthand write them, before or after the number, read as
/// the bound they write; a bound that only says "a little" above its number keeps being
/// refused, since read as at-least it would let a far larger count pass.
#[test]
fn bounds_in_the_words_desks_write() {
    check(
        &[
            ("north of 5,000", "at-least [5,000, ∞) @5,000"),
            ("well over 5,000", "at-least [5,000, ∞) @5,000"),
            ("well above 5,000", "at-least [5,000, ∞) @5,000"),
            ("well in excess of 5,000", "at-least [5,000, ∞) @5,000"),
            ("beyond 5,000", "at-least [5,000, ∞) @5,000"),
            ("a minimum of 5,000", "at-least [5,000, ∞) @5,000"),
            ("Minimum 5,000", "at-least [5,000, ∞) @5,000"),
            ("5,000-plus", "at-least [5,000, ∞) @5,000"),
            ("5,000 plus", "at-least [5,000, ∞) @5,000"),
            ("5,000-plus people", "at-least [5,000, ∞) @5,000"),
            ("5,000 at minimum", "at-least [5,000, ∞) @5,000"),
            ("5,000 at a minimum", "at-least [5,000, ∞) @5,000"),
            ("5,000 at the very least", "at-least [5,000, ∞) @5,000"),
            ("5,000 and counting", "at-least [5,000, ∞) @5,000"),
            ("south of 300", "at-most [0, 300] @300"),
            ("max 300", "at-most [0, 300] @300"),
            ("max. 300", "at-most [0, 300] @300"),
            ("a maximum of 300", "at-most [0, 300] @300"),
            ("300 at most", "at-most [0, 300] @300"),
            ("300 at the most", "at-most [0, 300] @300"),
            ("300 maximum", "at-most [0, 300] @300"),
            ("north of 5,000 and south of 7,000", "range [5,000, 7,000]"),
            ("est. 5,000", "exact (hedged) 5,000 @5,000"),
            (
                "5,000 plus 2,000",
                "error 6..16: cannot read \"plus 2,000\" after \"5,000\"",
            ),
            (
                "at least 5,000 at most",
                "error 15..22: cannot read \"at most\" after \"at least 5,000\"",
            ),
            (
                "5,000+ at least",
                "error 7..15: cannot read \"at least\" after \"5,000+\"",
            ),
            (
                "5,000 people and counting",
                "error 17..25: cannot read \"counting\" after \"5,000\"",
            ),
            (
                "just over 5,000",
                "error 0..9: \"just over\" puts the count close above its number",
            ),
            (
                "A little more than 5,000 people",
                "error 0..18: \"A little more than\" puts the count close above",
            ),
            (
                "5,000 or so",
                "error 6..11: cannot read \"or so\" after \"5,000\"",
            ),
        ],
        Measure::Count,
    );
}

#[test]
fn approximations_widen_by_their_tolerance() {
    check(
        &[
            (
                "about 1,500 protesters",
                "approximate [1,350, 1,650] @1,500",
            ),
            ("around 1,500", "approximate [1,350, 1,650] @1,500"),
            ("Roughly 1,500", "approximate [1,350, 1,650] @1,500"),
            ("approximately 1,500", "approximate [1,350, 1,650] @1,500"),
            ("some 1,500", "approximate [1,350, 1,650] @1,500"),
            ("approx. 1,500", "approximate [1,350, 1,650] @1,500"),
            ("~1,500", "approximate [1,350, 1,650] @1,500"),
            ("ca. 1,500", "approximate [1,350, 1,650] @1,500"),
            ("nearly 1,000", "approximate [900, 1,000] @1,000"),
            ("almost 1,000", "approximate [900, 1,000] @1,000"),
            ("close to 1,000", "approximate [900, 1,000] @1,000"),
            ("just under 1,000", "approximate [900, 1,000] @1,000"),
            ("just short of 1,000", "approximate [900, 1,000] @1,000"),
            (
                "slightly less than 1,000",
                "approximate [900, 1,000] @1,000",
            ),
            ("a little under 1,000", "approximate [900, 1,000] @1,000"),
            ("more or less 1,500", "approximate [1,350, 1,650] @1,500"),
            ("~7", "approximate [6, 8] @7"),
            ("about two", "approximate [1, 3] @2"),
            (
                "on the order of 50 million",
                "approximate [25,000,000, 75,000,000] @50,000,000",
            ),
            (
                "in the region of 50 million",
                "approximate [45,000,000, 55,000,000] @50,000,000",
            ),
            (
                "50 million in the region",
                "error 18..24: cannot read \"region\" after \"50 million\": \"region\" would change the reading",
            ),
        ],
        Measure::Count,
    );
}

#[test]
fn ranges() {
    check(
        &[
            ("2,800–3,800", "range [2,800, 3,800]"),
            ("2,800-3,800", "range [2,800, 3,800]"),
            ("2,800 — 3,800", "range [2,800, 3,800]"),
            ("2,800 to 3,800", "range [2,800, 3,800]"),
            ("between 2,800 and 3,800 people", "range [2,800, 3,800]"),
            ("from 2,800 to 3,800", "range [2,800, 3,800]"),
            ("anywhere from 2,800 to 3,800", "range [2,800, 3,800]"),
            ("2.8 to 3.8 million", "range [2,800,000, 3,800,000]"),
            ("20 million to 50 million", "range [20,000,000, 50,000,000]"),
            ("between two and three thousand", "range [2,000, 3,000]"),
            ("between 500 and 2 million", "range [500, 2,000,000]"),
            ("2 to 3 dozen", "range [24, 36]"),
            ("roughly 2,800 to 3,800", "range [2,520, 4,180]"),
            ("2,800 to 3,800 or more", "range [2,800, ∞)"),
            (
                "3,800–2,800",
                "error 0..13: the ends of the range are reversed: 3,800 is more than 2,800",
            ),
        ],
        Measure::Count,
    );
}

#[test]
fn vague_quantities_by_default() {
    check(
        &[
            ("a handful", "vague [3, 10]"),
            ("dozens", "vague [24, 199]"),
            ("several dozen", "vague [24, 119]"),
            ("a few dozen", "vague [24, 71]"),
            ("scores", "vague [40, 199]"),
            ("hundreds", "vague [200, 9,999]"),
            ("several hundred", "vague [200, 999]"),
            ("thousands of political dissidents", "vague [2,000, 99,999]"),
            ("many thousands", "vague [5,000, 99,999]"),
            ("a few thousand", "vague [2,000, 5,999]"),
            ("several thousand", "vague [2,000, 9,999]"),
            ("tens of thousands", "vague [20,000, 99,999]"),
            ("Hundreds of thousands", "vague [200,000, 999,999]"),
            ("millions", "vague [2,000,000, 99,999,999]"),
            ("hundreds of millions", "vague [200,000,000, 999,999,999]"),
            ("billions", "vague [2,000,000,000, 99,999,999,999]"),
        ],
        Measure::Count,
    );
}

#[test]
fn hedges_keep_the_reading_and_show_in_the_rule() {
    check(
        &[
            (
                "probably about 50 million",
                "approximate (hedged) [45,000,000, 55,000,000] @50,000,000",
            ),
            ("perhaps 2,000", "exact (hedged) 2,000 @2,000"),
            ("possibly 5,000+", "at-least (hedged) [5,000, ∞) @5,000"),
            ("may be thousands", "vague (hedged) [2,000, 99,999]"),
            ("estimated at 1,500", "exact (hedged) 1,500 @1,500"),
            ("likely fewer than 300", "at-most (hedged) [0, 300] @300"),
        ],
        Measure::Count,
    );
}

#[test]
fn estimates_with_a_central_value_and_an_interval() {
    check(
        &[
            (
                "about 50 million, possibly as high as 100 million",
                "estimate (hedged) [45,000,000, 100,000,000] @50,000,000",
            ),
            (
                "17.4 million (95% CI 10.2–25.1 million)",
                "estimate [10,200,000, 25,100,000] @17,400,000",
            ),
            (
                "50 million (range 20–100 million)",
                "estimate [20,000,000, 100,000,000] @50,000,000",
            ),
            (
                "50 million, range: 20 to 100 million",
                "estimate [20,000,000, 100,000,000] @50,000,000",
            ),
            (
                "about 50 million, possibly as low as 20 million",
                "estimate (hedged) [20,000,000, 55,000,000] @50,000,000",
            ),
            (
                "50 million (95% confidence interval 40–60 million)",
                "estimate [40,000,000, 60,000,000] @50,000,000",
            ),
            (
                "17.4 million (95% CI 20–25.1 million)",
                "error 0..38: the central value \"17.4 million\" lies outside its interval 20,000,000–25,100,000",
            ),
            (
                "50 million, possibly as high as 40 million",
                "error 0..42: the central value \"50 million\" lies outside its interval 50,000,000–40,000,000",
            ),
            (
                "17.4 million (95% CI 10.2 million)",
                "error 21..33: expected \"to\" or a dash after \"10.2 million\" in the interval",
            ),
        ],
        Measure::Count,
    );
}

#[test]
fn shares_on_a_figure_of_shares() {
    check(
        &[
            ("5%", "exact 5% @5%"),
            ("5 percent", "exact 5% @5%"),
            ("5 per cent", "exact 5% @5%"),
            ("0.5%", "exact 0.5% @0.5%"),
            (
                "one-third of the world's population",
                "exact 33.33% @33.33%",
            ),
            ("a third", "exact 33.33% @33.33%"),
            ("one fifth", "exact 20% @20%"),
            ("two-thirds", "exact 66.67% @66.67%"),
            ("half", "exact 50% @50%"),
            ("about a quarter", "approximate [22.5%, 27.5%] @25%"),
            ("one in five", "exact 20% @20%"),
            ("9 in 10", "exact 90% @90%"),
            ("9 out of 10", "exact 90% @90%"),
            ("≈1%", "approximate [0.9%, 1.1%] @1%"),
            ("about 1 percent", "approximate [0.9%, 1.1%] @1%"),
            ("5–10%", "range [5%, 10%]"),
            ("between 5 and 10 percent", "range [5%, 10%]"),
            ("at least a third", "at-least [33.33%, ∞) @33.33%"),
            ("more than 50%", "at-least [50%, ∞) @50%"),
            ("up to 10%", "at-most [0%, 10%] @10%"),
            ("1% (95% CI 0.5–2%)", "estimate [0.5%, 2%] @1%"),
            (
                "1,500",
                "error 0..5: \"1,500\" is a count, but this figure holds shares (`unit = \"percent\"`)",
            ),
            ("thousands", "error 0..9: \"thousands\" is a count"),
            ("1.5 million", "error 0..11: \"1.5 million\" is a count"),
            (
                "5% to 10",
                "error 0..8: \"5% to 10\" mixes a share and a count",
            ),
            ("101%", "error 0..4: \"101%\" is more than 100%"),
            (
                "100 percent understated",
                "error 12..23: \"100 percent understated\" states a figure relative to another one",
            ),
        ],
        Measure::Share,
    );
}

#[test]
fn refusals_say_what_to_record_instead() {
    check(
        &[
            (
                "more than twice that number",
                "error 10..15: \"more than twice that number\" states a figure relative to another one, not a number: record the number it implies as the value with the source's words in a `note`, or record a `statement` without a value",
            ),
            (
                "100 percent understated",
                "error 12..23: \"100 percent understated\" states a figure relative",
            ),
            (
                "far fewer",
                "error 0..3: \"far fewer\" states a figure relative",
            ),
            (
                "three times as many",
                "error 6..11: \"three times as many\" states a figure relative",
            ),
            (
                "tenfold",
                "error 0..7: \"tenfold\" states a figure relative",
            ),
            (
                "utter lies",
                "error 6..10: \"utter lies\" denies a figure rather than stating one: record a claim with a `statement` and no value",
            ),
            (
                "a fabrication",
                "error 2..13: \"a fabrication\" denies a figure",
            ),
        ],
        Measure::Count,
    );
}

#[test]
fn what_cannot_be_read_is_refused_where_it_stands() {
    check(
        &[
            ("", "error 0..0: empty value"),
            ("several", "error 0..7: cannot read \"several\" as a count"),
            ("many", "error 0..4: cannot read \"many\" as a count"),
            ("n/a", "error 0..3: cannot read \"n/a\" as a count"),
            ("-5", "error 0..2: cannot read \"-5\" as a count"),
            (
                "99999999999999999999",
                "error 0..20: \"99999999999999999999\" is too large to count",
            ),
            (
                "9,007,199,254,740,992",
                "error 0..21: \"9,007,199,254,740,992\" is too large to count",
            ),
            ("2.5", "error 0..3: \"2.5\" is not a whole count"),
            (
                "at least",
                "error 0..8: expected a number after \"at least\"",
            ),
            (
                "over the past",
                "error 5..8: expected a number after \"over\", found \"the\"",
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
            (
                "about 5,000+",
                "error 0..5: \"about\" cannot apply to a number followed by \"+\"",
            ),
            (
                "at least 10,000 and under 9,000",
                "error 0..31: the bounds of \"at least 10,000 and under 9,000\" exclude each other",
            ),
            ("∞", "error 0..3: \"∞\" is not a count"),
            (
                "2\u{200b}000",
                "error 1..4: the value holds an invisible character (U+200B)",
            ),
            (
                "5,000\u{ad}killed",
                "error 5..7: the value holds an invisible character (U+00AD)",
            ),
            (
                "5,000 killed\u{2066}",
                "error 12..15: the value holds an invisible character (U+2066)",
            ),
            ("5,000\ttrials", "exact 5,000 @5,000"),
            ("1,5 million", "error 0..3: \"1,5\" cannot be read"),
            (
                "5,000 or more or fewer",
                "error 14..22: cannot read \"or fewer\" after \"5,000 or more\": \"or\" would change the reading",
            ),
            (
                "at least 5,000 or more",
                "error 15..22: cannot read \"or more\" after \"at least 5,000\"",
            ),
            (
                "at least 5,000+",
                "error 0..8: \"at least\" cannot apply to a number followed by \"+\"",
            ),
            (
                "thousands of people or more",
                "error 20..27: cannot read \"or more\"",
            ),
            (
                "5,000 not",
                "error 6..9: cannot read \"not\" after \"5,000\": \"not\" would change the reading",
            ),
            ("5,000 only", "error 6..10: cannot read \"only\""),
            ("5th", "error 0..3: cannot read \"5th\" as a count"),
            (
                "5,000/6,000",
                "error 5..11: cannot read \"/6,000\" after \"5,000\"",
            ),
            (
                "thirty or forty",
                "error 0..15: \"thirty or forty\" gives alternatives",
            ),
            (
                "17+–50 million",
                "error 0..3: \"+\" can only follow the upper end of a range",
            ),
        ],
        Measure::Count,
    );
}

#[test]
fn a_decimal_comma_base_reads_points_between_thousands() {
    let settings = ValueSettings {
        decimal: DecimalMark::Comma,
        ..ValueSettings::default()
    };
    check_with(
        &[
            ("30.000", "exact 30,000 @30,000"),
            ("1.000.000", "exact 1,000,000 @1,000,000"),
            ("1,5 million", "exact 1,500,000 @1,500,000"),
            ("30,00", "exact 30 @30"),
            ("30 000", "exact 30,000 @30,000"),
            (
                "30,000",
                "error 0..6: \"30,000\" is ambiguous: 30 with \",\" as the decimal mark",
            ),
            (
                "1,000.5",
                "error 0..7: \"1,000.5\" uses \",\" between groups of digits",
            ),
        ],
        &settings,
        Measure::Count,
        None,
    );
}

/// A number before a unit of measure or a currency is a length, a weight, a sum or a time, which
/// read as a count would pass in silence: refused on a figure that counts, read on a figure
/// measured in that unit, and refused on a figure measured in another.
#[test]
fn units_of_measure_read_only_on_a_figure_measured_in_them() {
    check(
        &[
            (
                "5,000 km",
                "error 0..8: \"5,000 km\" is a measure in kilometres, not a count",
            ),
            (
                "about 300 miles",
                "error 0..15: \"about 300 miles\" is a measure in miles",
            ),
            (
                "thousands of dollars",
                "error 0..20: \"thousands of dollars\" is a measure in dollars",
            ),
            (
                "2 million USD",
                "error 0..13: \"2 million USD\" is a measure in dollars",
            ),
            (
                "5,000 square miles",
                "error 0..18: \"5,000 square miles\" is a measure in square miles",
            ),
            ("30 days", "error 0..7: \"30 days\" is a measure in days"),
            (
                "between 5 and 10 tonnes",
                "error 0..23: \"between 5 and 10 tonnes\" is a measure in tonnes",
            ),
            (
                "5,000 km of road",
                "error 0..8: \"5,000 km\" is a measure in kilometres",
            ),
            ("5,000 people", "exact 5,000 @5,000"),
            ("5,000 people a day", "error 13..18: cannot read \"a day\""),
            (
                "5,000 marchers a km",
                "error 15..19: cannot read \"a km\" after \"5,000\": a number for each period or item is a rate",
            ),
            ("5,000 square", "exact 5,000 @5,000"),
        ],
        Measure::Count,
    );
    check_in_unit(
        &[
            ("5,000 km", "exact 5,000 @5,000"),
            (
                "about 5,000 kilometres",
                "approximate [4,500, 5,500] @5,000",
            ),
            ("5,000", "exact 5,000 @5,000"),
            (
                "300 miles",
                "error 0..9: \"300 miles\" is a measure in miles, not in the figure's unit (kilometres): record the number in kilometres",
            ),
            (
                "5,000 sq km",
                "error 0..11: \"5,000 sq km\" is a measure in square kilometres, not in the figure's unit (kilometres)",
            ),
        ],
        "km",
    );
    check_in_unit(
        &[
            ("5,000 square km", "exact 5,000 @5,000"),
            (
                "5,000 km",
                "error 0..8: \"5,000 km\" is a measure in kilometres, not in the figure's unit (square kilometres)",
            ),
        ],
        "km²",
    );
}
