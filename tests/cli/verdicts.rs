//! The verdicts a desk acts on, on bases written as desks write them: origins counted once through
//! repeats, every conflicting pair named, and the neutral summary.

use crate::support::{fixture, run_in};
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
