//! `report`: every figure with every value, who states it, on what basis, and where sources
//! disagree, in table, markdown and JSON.

use crate::support::{fixture, run_fixture, run_in, snapshot_settings};
use serde_json::{Value, json};

fn report_json(name: &str, extra: &[&str]) -> Value {
    let mut args = vec!["report", "--format", "json"];
    args.extend_from_slice(extra);
    let run = run_fixture(name, &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.json()
}

fn codes(json: &Value) -> Vec<&str> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect()
}

fn finding<'a>(json: &'a Value, code: &str) -> &'a Value {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {json:#}"))
}

#[test]
fn divergence_of_an_origin_group_against_an_independent_speaker() {
    let json = report_json("figure-divergence", &[]);
    let figures = json["figures"].as_array().unwrap();
    assert_eq!(figures.len(), 1);
    let figure = &figures[0];
    assert_eq!(figure["id"], "killed");
    assert_eq!(figure["claims"], 3);
    assert_eq!(figure["divergence"], json!(6.0));
    assert_eq!(figure["distinct_values"], 2);
    assert_eq!(
        figure["independent_origins"],
        json!(["council", "watchdog"])
    );
    let values = figure["windows"][0]["values"].as_array().unwrap();
    let summary: Vec<(&str, &Value, &Value)> = values
        .iter()
        .map(|v| (v["value"].as_str().unwrap(), &v["claims"], &v["origins"]))
        .collect();
    assert_eq!(
        summary,
        [
            (
                "at least 5,000",
                &json!(["watchdog/killed"]),
                &json!(["watchdog"])
            ),
            (
                "30,000",
                &json!(["council/killed", "spokesman/killed"]),
                &json!(["council"])
            ),
        ]
    );
    assert_eq!(values[0]["rule"], "at-least");
    assert_eq!(values[0]["low"], 5000);
    assert_eq!(values[0]["high"], Value::Null);
    assert_eq!(values[1]["point"], 30000);

    // Grouped by weight: the divergence before the repetition.
    assert_eq!(codes(&json), ["figure-divergence", "single-origin"]);
    let single = finding(&json, "single-origin");
    assert_eq!(
        single["claims"],
        json!(["council/killed", "spokesman/killed"])
    );
    assert!(
        single["message"]
            .as_str()
            .unwrap()
            .starts_with("`30,000` is stated by 2 claims")
    );
    let divergence = finding(&json, "figure-divergence");
    assert_eq!(
        divergence["claims"],
        json!(["watchdog/killed", "council/killed", "spokesman/killed"])
    );
    assert!(divergence["message"].as_str().unwrap().contains("×6"));

    let speakers = json["speakers"].as_array().unwrap();
    let groups: Vec<(&str, &str)> = speakers
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap(),
                s["origin_group"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        groups,
        [
            ("council", "council"),
            ("council-spokesman", "council"),
            ("watchdog", "watchdog")
        ]
    );
}

#[test]
fn divergence_below_the_factor_is_not_reported() {
    let json = report_json("figure-divergence-passing", &[]);
    assert_eq!(json["figures"][0]["divergence"], Value::Null);
    assert_eq!(codes(&json), ["single-origin"]);
}

#[test]
fn conflicts_are_counted_in_the_summary() {
    for (name, reading) in [
        ("figure-conflict-bounds", "[0, 4,000] at-most"),
        ("figure-conflict-exact", "230 exact"),
    ] {
        let json = report_json(name, &[]);
        // One finding for each side of the conflict.
        assert_eq!(
            codes(&json),
            ["figure-conflict", "figure-conflict"],
            "{name}"
        );
        assert_eq!(json["figures"][0]["distinct_values"], 2);
        assert_eq!(json["figures"][0]["divergence"], Value::Null, "{name}");
        let run = run_fixture(name, &["report"]);
        assert!(
            run.stdout
                .contains("2 claims, 2 values, 2 independent origins, 1 conflict"),
            "{}",
            run.stdout
        );
        assert!(run.stdout.contains(reading), "{}", run.stdout);
    }
}

#[test]
fn label_values_compare_equal_or_different() {
    let json = report_json("label-values-equal", &[]);
    let figure = &json["figures"][0];
    assert_eq!(figure["values"], "label");
    assert_eq!(figure["distinct_values"], 1);
    assert_eq!(
        figure["windows"][0]["values"][0]["claims"],
        json!(["ministry/held-in", "watchdog/held-in"])
    );
    assert_eq!(codes(&json), Vec::<&str>::new());

    let json = report_json("label-values-different", &[]);
    assert_eq!(json["figures"][0]["distinct_values"], 2);
    assert_eq!(codes(&json), ["figure-conflict", "figure-conflict"]);
    assert_eq!(
        finding(&json, "figure-conflict")["message"],
        "`Evin prison` (ministry/held-in by ministry) differs from `Gohardasht prison` (watchdog/held-in by watchdog)"
    );
}

#[test]
fn varying_figure_compares_claims_within_a_window_only() {
    let json = report_json("varying-figure-different-years", &[]);
    let figure = &json["figures"][0];
    assert_eq!(figure["varies"], true);
    assert_eq!(codes(&json), Vec::<&str>::new());
    let windows: Vec<&Value> = figure["windows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| &w["as_of"])
        .collect();
    assert_eq!(windows, [&json!("2017"), &json!("2019")]);
    assert_eq!(
        figure["not_compared"],
        json!([
            {
                "claim": "daily-2017/office",
                "reason": "no other claim on the figure falls in its window 2017"
            },
            {
                "claim": "daily-2019/office",
                "reason": "no other claim on the figure falls in its window 2019"
            }
        ])
    );

    let json = report_json("varying-figure-same-year", &[]);
    let figure = &json["figures"][0];
    assert_eq!(figure["not_compared"], json!([]));
    assert_eq!(figure["windows"].as_array().unwrap().len(), 1);
    assert_eq!(figure["windows"][0]["as_of"], "2019");
    assert_eq!(codes(&json), ["figure-conflict", "figure-conflict"]);
}

#[test]
fn attribution_findings_in_the_report() {
    let json = report_json("attribution-unverified", &[]);
    assert_eq!(codes(&json), ["attribution-unverified"]);
    assert_eq!(json["claims"][0]["according_to"], json!(["ministry"]));
    assert_eq!(json["claims"][0]["origin"], json!(["ministry"]));

    let json = report_json("attribution-contradicted", &[]);
    assert_eq!(
        codes(&json),
        [
            "figure-conflict",
            "figure-conflict",
            "attribution-contradicted"
        ]
    );
    assert_eq!(
        finding(&json, "attribution-contradicted")["claims"],
        json!(["daily/detained", "ministry/detained"])
    );

    let run = run_fixture("attribution-unverified", &["report"]);
    assert!(
        run.stdout.contains("according to ministry")
            && run.stdout.contains("attribution-unverified"),
        "{}",
        run.stdout
    );
}

#[test]
fn figure_option_filters_the_report() {
    let json = report_json("two-figures", &["--figure", "killed"]);
    let figures: Vec<&str> = json["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(figures, ["killed"]);
    let claims: Vec<&str> = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(claims, ["ministry/killed", "watchdog/killed"]);
    // Each side of the conflict has its finding, naming the other.
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 2);
    assert_eq!(findings[0]["claims"], json!(["ministry/killed"]));
    assert_eq!(findings[1]["claims"], json!(["watchdog/killed"]));

    let all = report_json("two-figures", &[]);
    assert_eq!(all["figures"].as_array().unwrap().len(), 2);
    assert_eq!(all["findings"].as_array().unwrap().len(), 4);

    for format in ["table", "markdown"] {
        let run = run_fixture(
            "two-figures",
            &["report", "--format", format, "--figure", "killed"],
        );
        assert_eq!(run.code, 0);
        assert!(run.stdout.contains("ministry/killed"), "{}", run.stdout);
        assert!(!run.stdout.contains("detained"), "{}", run.stdout);
        assert!(run.stdout.contains("Findings in all: 2"), "{}", run.stdout);
    }
}

#[test]
fn unknown_figure_is_a_usage_error() {
    let run = run_fixture("two-figures", &["report", "--figure", "kiled"]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert_eq!(
        run.stderr,
        "error: no figure `kiled` in the claim base; did you mean `killed`?\n"
    );
    let run = run_fixture(
        "two-figures",
        &["report", "--format", "json", "--figure", "nothing-like-it"],
    );
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr.contains("no figure `nothing-like-it`"),
        "{}",
        run.stderr
    );
}

#[test]
fn report_table_snapshot() {
    let run = run_fixture("figure-divergence", &["report"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains('\x1b'), "no colour when piped");
    snapshot_settings().bind(|| insta::assert_snapshot!("report_table_divergence", run.stdout));
}

#[test]
fn report_markdown_snapshot() {
    let run = run_fixture("figure-divergence", &["report", "--format", "markdown"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    snapshot_settings().bind(|| insta::assert_snapshot!("report_markdown_divergence", run.stdout));
}

#[test]
fn report_json_snapshot() {
    let run = run_fixture("figure-divergence", &["report", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The output is pretty JSON already: snapshot it as printed, keys in the contract's order.
    let json = run.json();
    assert_eq!(json["figures"][0]["divergence"], json!(6.0));
    snapshot_settings().bind(|| insta::assert_snapshot!("report_json_divergence", run.stdout));
}

#[test]
fn report_runs_when_check_fails_on_what_sources_say() {
    let run = run_fixture("several-errors", &["report"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Findings in all: 7"), "{}", run.stdout);
}

/// A report, snapshot or diff of a base whose records were not all read would leave them out
/// without a word: each prints the errors instead and exits 1.
#[test]
fn records_left_unread_stop_report_snapshot_and_diff() {
    let base = fixture("bad-toml-syntax");
    for args in [
        vec!["report"],
        vec!["report", "--format", "json"],
        vec!["snapshot"],
    ] {
        let run = run_in(&base, &args);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{args:?}: {}", run.stdout);
        assert!(
            run.stderr.contains("error[toml-syntax]"),
            "{args:?}: {}",
            run.stderr
        );
    }
    let good = fixture("figure-divergence");
    let run = run_in(
        &good,
        &["diff", good.to_str().unwrap(), base.to_str().unwrap()],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("error[toml-syntax]"), "{}", run.stderr);
}

#[test]
fn figures_are_listed_and_an_unknown_one_is_named_with_the_way_to_list_them() {
    let run = run_fixture("two-figures", &["report", "--list-figures"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ids: Vec<&str> = run
        .stdout
        .lines()
        .map(|line| line.split('\t').next().unwrap())
        .collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(ids, sorted);
    assert_eq!(ids.len(), 2, "{}", run.stdout);

    let run = run_fixture(
        "two-figures",
        &["report", "--figure", "zzz-nothing-like-it"],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("`claimtrack report --list-figures` lists them"),
        "{}",
        run.stderr
    );
}
