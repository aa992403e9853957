//! Values as a claim base gives them: share figures, the decimal mark set in claimtrack.toml, and
//! the `low`, `best`, `high` fields alone or next to a value.

use crate::support::{Found, check_json, fixture, run_in, temp_copy, with_code};
use serde_json::Value;
use tempfile::TempDir;

/// The clean `value-not-in-quote-passing` base with its claims file replaced by `claims` and,
/// when given, a claimtrack.toml.
fn base(claims: &str, config: Option<&str>) -> TempDir {
    let dir = temp_copy(&fixture("value-not-in-quote-passing"));
    std::fs::write(dir.path().join("claims/claims.toml"), claims).unwrap();
    if let Some(config) = config {
        std::fs::write(dir.path().join("claimtrack.toml"), config).unwrap();
    }
    dir
}

/// A figure and one claim on it, with `fields` (TOML lines) and quote `quote`.
fn one_claim(unit: &str, fields: &str, quote: &str) -> String {
    format!(
        "[[figure]]\nid = \"f\"\nlabel = \"A figure\"\nunit = \"{unit}\"\n\n[[claim]]\nid = \"c\"\n\
         figure = \"f\"\n{fields}\nspeaker = \"watchdog\"\nsource = \"watchdog-report\"\n\
         quote = \"{quote}\"\nbasis = [\"own-research\"]\n"
    )
}

/// The reading of claim `c` in `report --format json`: low, high, point, rule.
fn reading(dir: &TempDir) -> [Value; 4] {
    let run = run_in(dir.path(), &["report", "--format", "json"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    let claim = &json["claims"][0];
    ["low", "high", "point", "rule"].map(|field| claim[field].clone())
}

#[test]
fn a_share_figure_reads_shares_and_refuses_counts() {
    let shares = base(
        &one_claim("percent", "value = \"one in five\"", "one in five died"),
        None,
    );
    let [low, high, point, rule] = reading(&shares);
    assert_eq!(
        (low, high, point, rule.as_str()),
        (20.into(), 20.into(), 20.into(), Some("exact"))
    );
    let count = base(
        &one_claim("percent", "value = \"1,500\"", "1,500 died"),
        None,
    );
    let (exit, findings) = check_json(count.path());
    assert_eq!(exit, 1);
    let found = with_code(&findings, "unreadable-value");
    assert_eq!((found[0].line, found[0].column), (9, 10), "{findings:#?}");
    assert!(
        found[0]
            .message
            .contains("is a count, but this figure holds shares")
    );
}

#[test]
fn a_share_on_a_count_figure_is_an_error_saying_so() {
    let dir = base(
        &one_claim("people", "value = \"about 1 percent\"", "about 1 percent"),
        None,
    );
    let (_, findings) = check_json(dir.path());
    let found = with_code(&findings, "unreadable-value");
    assert_eq!((found[0].line, found[0].column), (9, 16), "{findings:#?}");
    assert!(
        found[0]
            .message
            .starts_with("\"1 percent\" is a share, but this figure holds counts")
    );
}

#[test]
fn the_decimal_mark_comes_from_claimtrack_toml() {
    let claims = one_claim("people", "value = \"30.000\"", "30.000 died");
    let comma = base(&claims, Some("[values]\ndecimal = \",\"\n"));
    assert_eq!(reading(&comma)[0], Value::from(30_000));
    let point = base(&claims, None);
    let (_, findings) = check_json(point.path());
    let found = with_code(&findings, "unreadable-value");
    assert!(found[0].message.contains("is ambiguous"), "{findings:#?}");
}

#[test]
fn low_best_high_alone_make_an_estimate() {
    let fields = "low = 20000000\nbest = 50000000\nhigh = 100000000";
    let dir = base(
        &one_claim("people", fields, "50 million (20 to 100 million)"),
        None,
    );
    let [low, high, point, rule] = reading(&dir);
    assert_eq!(
        (low, high, point),
        (20_000_000.into(), 100_000_000.into(), 50_000_000.into())
    );
    assert_eq!(rule, "estimate");
    let (exit, findings) = check_json(dir.path());
    assert_eq!((exit, findings.len()), (0, 0), "{findings:#?}");
}

#[test]
fn fields_that_disagree_with_the_value_are_an_error_at_the_field() {
    let fields = "value = \"about 50 million, possibly as high as 100 million\"\nlow = 40000000";
    let quote = "about 50 million, possibly as high as 100 million";
    let dir = base(&one_claim("people", fields, quote), None);
    let (exit, findings) = check_json(dir.path());
    assert_eq!(exit, 1);
    let found = with_code(&findings, "unreadable-value");
    assert_eq!((found[0].line, found[0].column), (10, 7), "{findings:#?}");
    assert!(
        found[0]
            .message
            .contains("reads its lower end as 45,000,000")
    );
    let agreeing = fields.replace("40000000", "45000000");
    let dir = base(&one_claim("people", &agreeing, quote), None);
    assert_eq!(check_json(dir.path()), (0, Vec::new()));
}

/// A desk's own approximation and vague words, capitalised in claimtrack.toml, are read as the
/// same words in lowercase: in the quote too, where the negated phrase starts at the house word.
#[test]
fn house_phrases_are_read_in_any_case() {
    let (exit, findings) = check_json(&fixture("house-phrases"));
    assert_eq!(exit, 0, "{findings:#?}");
    let differs = with_code(&findings, "value-reading-differs");
    assert_eq!(differs.len(), 1, "{findings:#?}");
    assert!(
        (differs[0].message).contains("its quote says \"roughly 2,000\", which the quote negates"),
        "{findings:#?}"
    );
    let quote = ("claims/dam-collapse.toml".to_string(), 31, 21);
    assert_eq!(differs[0].related, [quote]);

    let lowercase = temp_copy(&fixture("house-phrases"));
    let config = lowercase.path().join("claimtrack.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, text.to_lowercase()).unwrap();
    assert_eq!(check_json(lowercase.path()), (exit, findings));
}

/// The findings of `check` on `base`, which fails on its one `unreadable-value` finding, written
/// at `line`:`column`; and that finding's message.
fn one_refusal(base: &std::path::Path, line: u64, column: u64) -> (Vec<Found>, String) {
    let (exit, findings) = check_json(base);
    assert_eq!(exit, 1, "{findings:#?}");
    let refused = with_code(&findings, "unreadable-value");
    assert_eq!(refused.len(), 1, "{findings:#?}");
    assert_eq!((refused[0].line, refused[0].column), (line, column));
    let message = refused[0].message.clone();
    (findings, message)
}

/// Shorthand the grammar does not read is refused as a value, and a value holding a part of it
/// ("40,000" of "30-40,000", 3 of "3 lakh") is caught against its quote.
#[test]
fn number_shorthand_is_refused_and_a_part_of_it_caught() {
    let (findings, refused) = one_refusal(&fixture("number-shorthand"), 20, 10);
    assert!(refused.starts_with("\"30-40,000\" may leave the zeros"));
    let parts: Vec<(u64, &str)> = with_code(&findings, "value-reading-differs")
        .iter()
        .map(|f| (f.line, f.message.as_str()))
        .collect();
    assert_eq!(parts.len(), 2, "{findings:#?}");
    assert_eq!(parts[0].0, 10);
    assert!(parts[0].1.contains(
        "its quote says \"30-40,000\", which the value grammar cannot read as one figure"
    ));
    assert_eq!(parts[1].0, 30);
    assert!(parts[1].1.contains("its quote says \"nearly 3 lakh\""));
    assert!(
        parts[1]
            .1
            .ends_with("\"lakh\" looks like a scale word it does not read")
    );
}

/// A race's distance before its runners ("10k runners") is refused as a value rather than read
/// as 10,000, and a value of 10,000 no longer passes as read from such a quote.
#[test]
fn a_race_distance_is_refused_not_read_as_a_count() {
    let (findings, refused) = one_refusal(&fixture("race-distances"), 19, 10);
    assert!(
        refused.starts_with("\"10k\" before \"runners\" is a distance"),
        "{refused}"
    );
    let not_in_quote: Vec<u64> = (with_code(&findings, "value-not-in-quote").iter())
        .map(|f| f.line)
        .collect();
    assert_eq!(not_in_quote, [28], "{findings:#?}");
}

/// A number before a unit of measure is read only on a figure measured in that unit: "320 km"
/// and "40 tonnes" read on the distance and the load, "200 miles" is refused on a figure in
/// kilometres and "40 tonnes" on the count of marchers, and a count taken from a measure in its
/// quote ("A 320 km march") is caught.
#[test]
fn a_measure_is_read_only_on_a_figure_measured_in_its_unit() {
    let (exit, findings) = check_json(&fixture("march-measures"));
    assert_eq!(exit, 1, "{findings:#?}");
    let refused = with_code(&findings, "unreadable-value");
    let places: Vec<(u64, u64)> = refused.iter().map(|f| (f.line, f.column)).collect();
    assert_eq!(places, [(48, 10), (68, 10)], "{findings:#?}");
    assert!(
        refused[0].message.starts_with(
            "\"200 miles\" is a measure in miles, not in the figure's unit (kilometres)"
        )
    );
    assert!(
        refused[1]
            .message
            .starts_with("\"40 tonnes\" is a measure in tonnes, not a count")
    );
    let gated: Vec<(u64, &str)> = (findings.iter())
        .filter(|f| f.severity != "info")
        .map(|f| (f.line, f.code.as_str()))
        .collect();
    assert_eq!(
        gated,
        [
            (48, "unreadable-value"),
            (58, "value-not-in-quote"),
            (58, "value-reading-differs"),
            (68, "unreadable-value"),
        ]
    );
    let differs = with_code(&findings, "value-reading-differs");
    assert!(
        differs[0].message.contains("its quote says \"320 km\""),
        "{}",
        differs[0].message
    );
}

/// A vote's tally copied into a value ("48-52 vote") is refused rather than read as the range 48
/// to 52, which would agree with either side's count.
#[test]
fn a_tally_is_refused_not_read_as_a_range() {
    let (findings, refused) = one_refusal(&fixture("council-vote"), 19, 10);
    assert!(
        refused.starts_with("\"48-52 vote\" is a tally as often as a range"),
        "{refused}"
    );
    let gated = findings.iter().filter(|f| f.severity != "info").count();
    assert_eq!(gated, 1, "{findings:#?}");
}

/// A scale word that starts a place name ("5,000 Thousand Oaks residents") is refused as a value
/// rather than multiplied, and a value taking the number before the name is caught against its
/// quote with the reason; a quote naming the place after the number reads as written.
#[test]
fn a_scale_word_starting_a_place_name_is_refused_not_multiplied() {
    let base = fixture("place-names");
    let (findings, refused) = one_refusal(&base, 20, 10);
    assert!(refused.contains("a capitalised scale word before a capitalised word"));
    let differs = with_code(&findings, "value-reading-differs");
    assert_eq!(differs.len(), 1, "{findings:#?}");
    assert_eq!(differs[0].line, 10);
    assert!(
        differs[0]
            .message
            .contains("cannot read \"Thousand Oaks\" after \"5,000\"")
    );
    let shown = findings.iter().filter(|f| f.severity != "info").count();
    assert_eq!(shown, 2, "{findings:#?}");

    let report = run_in(&base, &["report", "--format", "json"]).json();
    let lows: Vec<&Value> = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|claim| &claim["low"])
        .collect();
    assert_eq!(lows, [&Value::from(5000), &Value::from(5000), &Value::Null]);
}

/// A day, a span of years and a seat count pasted into a value are refused, each with its
/// reason, where they read as 6 people, 2,021 to 2,024 people and a crowd of 20,000.
#[test]
fn a_year_a_date_or_a_size_in_a_value_is_refused_not_counted() {
    let base = fixture("years-and-dates");
    let (exit, findings) = check_json(&base);
    assert_eq!(exit, 1, "{findings:#?}");
    let refused: Vec<(u64, &str)> = with_code(&findings, "unreadable-value")
        .iter()
        .map(|f| (f.line, f.message.as_str()))
        .collect();
    assert_eq!(refused.len(), 3, "{findings:#?}");
    assert_eq!(refused[0].0, 24);
    assert!(refused[0].1.starts_with("\"6 January\" reads as a date"));
    assert_eq!(refused[1].0, 34);
    assert!(
        refused[1]
            .1
            .starts_with("\"2021\" followed by more reads as a year")
    );
    assert_eq!(refused[2].0, 44);
    assert!(
        refused[2]
            .1
            .starts_with("\"20,000-seat\" describes what the number is joined to")
    );
    let errors = findings.iter().filter(|f| f.severity == "error").count();
    assert_eq!(errors, 3, "{findings:#?}");
}

/// An exact value taking a quote's bound or range end as the whole is flagged, saying what the
/// quote's phrase reads as: read as exact, "1,000" from "at least 1,000" conflicts with 1,500,
/// which the source's own bound does not. One leaving out only "about" passes.
#[test]
fn a_value_leaving_out_its_quotes_bound_or_range_end_is_flagged() {
    let (exit, findings) = check_json(&fixture("bounds-dropped"));
    assert_eq!(exit, 0, "{findings:#?}");
    let differs = with_code(&findings, "value-reading-differs");
    let found: Vec<(u64, &str)> = (differs.iter())
        .map(|f| (f.line, f.message.as_str()))
        .collect();
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0].0, 20);
    assert!(
        found[0]
            .1
            .ends_with("its quote says \"at least 1,000\", which reads as [1,000, ∞) at-least"),
        "{}",
        found[0].1
    );
    assert_eq!(found[1].0, 30);
    assert!(
        found[1]
            .1
            .contains("its quote says \"between 1,500 and 2,000\""),
        "{}",
        found[1].1
    );
}

/// Bounds as wires and agencies write them, before the number ("north of", "max."), after it
/// ("5,000-plus", "and counting", "at least") or close below it ("just under"), read as the bound
/// they write; the copy leaving off the agency's "north of" is flagged, and so are a rate ("about
/// 400 a day") and a projection ("could reach 10,000") recorded as the toll.
#[test]
fn bounds_in_the_words_desks_write_read_as_they_say() {
    let dir = fixture("quake-toll-wordings");
    let run = run_in(&dir, &["report", "--format", "json"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    // Each claim as "id rule [low, high]", high null when open.
    let readings: Vec<String> = (json["claims"].as_array().unwrap())
        .iter()
        .map(|c| format!("{} {} [{}, {}]", c["id"], c["rule"], c["low"], c["high"]))
        .collect();
    let expected = [
        r#""agency/killed" "at-least" [2000, null]"#,
        r#""business-wire/killed" "at-least" [5000, null]"#,
        r#""business-wire/killed-projected" "exact" [10000, 10000]"#,
        r#""daily/killed-agency" "exact" [2000, 2000]"#,
        r#""daily/killed-estimate" "at-most" [0, 2500]"#,
        r#""daily/killed-first-night" "at-least" [1500, null]"#,
        r#""daily/killed-projected" "exact" [10000, 10000]"#,
        r#""red-crescent/killed" "approximate" [1800, 2000]"#,
        r#""wire/killed" "at-least" [3100, null]"#,
        r#""wire/killed-a-day" "approximate" [360, 440]"#,
    ];
    assert_eq!(readings, expected);

    let (exit, findings) = check_json(&dir);
    assert_eq!(exit, 0, "{findings:#?}");
    assert!(with_code(&findings, "unreadable-value").is_empty());
    let differs = with_code(&findings, "value-reading-differs");
    assert_eq!(differs.len(), 3, "{differs:#?}");
    assert_eq!(differs[0].line, 69);
    assert!(
        differs[0]
            .message
            .ends_with("its quote says \"north of 2,000\", which reads as [2,000, ∞) at-least"),
        "{}",
        differs[0].message
    );
    // A rate of recovery recorded as if it were the toll.
    assert_eq!(differs[1].line, 79);
    let rate = "its quote says \"about 400 a day\", which gives a number for each period or item";
    assert!(differs[1].message.contains(rate), "{}", differs[1].message);
    // A projection copied as a count; recorded with `measure = "projection"`, it passes.
    assert_eq!(differs[2].line, 100);
    let projected = "its quote says \"10,000\", which it gives as a projection (\"could reach\")";
    assert!(
        differs[2].message.contains(projected),
        "{}",
        differs[2].message
    );
}
