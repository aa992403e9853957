//! The verdicts a desk acts on, on bases written as desks write them: origins counted once through
//! repeats, every conflicting pair named, and the neutral summary.

use crate::support::{check_json, fixture, run_in, with_code};
use serde_json::Value;

fn report_json(name: &str) -> Value {
    let run = run_in(&fixture(name), &["report", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.json()
}

#[test]
fn three_outlets_repeating_a_wire_story_over_one_leak_count_one_origin() {
    let json = report_json("wire-repeats");
    let figure = &json["figures"][0];
    // The leak (through the wire and its three repeats) and the rights group's own count.
    assert_eq!(
        figure["independent_origins"],
        serde_json::json!(["interior-officials", "rights-group"])
    );
    let daily = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "daily/killed")
        .unwrap();
    assert_eq!(daily["origin"], serde_json::json!(["interior-officials"]));
    assert_eq!(daily["chain"][0]["via"], "according to wire");
    assert_eq!(daily["chain"][0]["to"], "wire/killed");
    assert_eq!(daily["chain"][1]["to"], "interior-officials");
    let run = run_in(
        &fixture("wire-repeats"),
        &["report", "--format", "markdown"],
    );
    assert!(
        run.stdout.contains("interior-officials (via wire/killed)"),
        "{}",
        run.stdout
    );
}

#[test]
fn five_values_in_two_clusters_name_every_cross_cluster_pair() {
    let json = report_json("two-clusters");
    let window = &json["figures"][0]["windows"][0];
    let values: Vec<&str> = window["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["value"].as_str().unwrap())
        .collect();
    let low = ["230", "about 230", "between 200 and 260"];
    let pairs: Vec<(&str, &str)> = window["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                values[p["lower"].as_u64().unwrap() as usize],
                values[p["upper"].as_u64().unwrap() as usize],
            )
        })
        .collect();
    assert_eq!(pairs.len(), 6, "{pairs:?}");
    assert_eq!(window["conflicts_total"], 6);
    assert!(
        pairs
            .iter()
            .all(|(a, b)| low.contains(a) && !low.contains(b)),
        "{pairs:?}"
    );

    // The markdown report names, for each value, every value of the other cluster.
    let run = run_in(
        &fixture("two-clusters"),
        &["report", "--format", "markdown"],
    );
    for (a, b) in &pairs {
        let names_b = run.stdout.lines().any(|line| {
            line.contains("`figure-conflict`")
                && line.contains(&format!("— \\`{a}\\`"))
                && line.contains(&format!("\\`{b}\\`"))
        });
        assert!(names_b, "{a} does not name {b}:\n{}", run.stdout);
    }
    let summary = json["figures"][0]["summary"]["text"].as_str().unwrap();
    assert!(
        summary.starts_with(
            "Values range from `between 200 and 260` (monitor) to `about 1,500` (wire)"
        ) || summary.starts_with(
            "Values range from `between 200 and 260` (monitor) to `at least 1,500` (exile-group)"
        ),
        "{summary}"
    );
    assert!(
        summary.contains("6 pairs of values cannot both be true"),
        "{summary}"
    );
}

/// An agency updating its toll daily, each report replacing the one before, and outlets quoting
/// it: an attribution is held to what the agency said as it stood on the attribution's date.
#[test]
fn attributions_to_a_running_toll_are_held_to_the_toll_standing_on_their_date() {
    let (code, findings) = check_json(&fixture("running-toll"));
    // The radio's wording cannot be read: its own error, and never a contradiction.
    assert_eq!(code, 1);
    let unreadable = with_code(&findings, "unreadable-value");
    assert_eq!(unreadable.len(), 1, "{unreadable:?}");
    assert_eq!(unreadable[0].line, 39);
    let contradicted: Vec<(u64, &str, usize)> = with_code(&findings, "attribution-contradicted")
        .iter()
        .map(|f| (f.line, f.message.as_str(), f.related.len()))
        .collect();
    // The courier's 19 on 2 March was the toll that day: not listed. The Post's 19 on 6 March
    // was replaced on 3 March: held to the two reports standing then. The Post's "about 300"
    // of 1 March, a figure the agency never gave: every report stood then, five named by id.
    assert_eq!(
        contradicted,
        [
            (
                18,
                "`19` is attributed to `disaster-agency`, but `disaster-agency`'s own claims on figure `flood-deaths` give `48`, `52`",
                2
            ),
            (
                29,
                "`about 300` is attributed to `disaster-agency`, but `disaster-agency`'s own claims on figure `flood-deaths` give `12`, `19`, `27`, `34`, `41`, and 2 more",
                5
            ),
        ]
    );
}
