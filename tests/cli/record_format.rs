//! The record format a desk needs, on the November 2019 protest toll as a desk records it:
//! revisions, lower-bound measures, reported and disputed figures, a part and its whole, and an
//! anonymous leak.

use crate::support::{fixture, run_in};
use serde_json::{Value, json};

fn report(extra: &[&str]) -> Value {
    let mut args = vec!["report", "--format", "json"];
    args.extend_from_slice(extra);
    let run = run_in(&fixture("protest-toll-2019"), &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.json()
}

fn claim<'a>(json: &'a Value, id: &str) -> &'a Value {
    json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no claim {id}"))
}

fn figure<'a>(json: &'a Value, id: &str) -> &'a Value {
    json["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == id)
        .unwrap_or_else(|| panic!("no figure {id}"))
}

/// Every value compared in the figure's windows, as written.
fn compared(figure: &Value) -> Vec<String> {
    figure["windows"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|w| w["values"].as_array().unwrap())
        .map(|v| v["value"].as_str().unwrap().to_string())
        .collect()
}

fn codes_on<'a>(json: &'a Value, id: &str) -> Vec<&'a str> {
    claim(json, id)["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect()
}

#[test]
fn a_revision_chain_shows_one_current_value_with_its_history() {
    let json = report(&[]);
    let killed = figure(&json, "killed");
    let values = compared(killed);
    assert!(values.contains(&"at least 321".to_string()), "{values:?}");
    for replaced in ["at least 208", "304", "1,029"] {
        assert!(!values.contains(&replaced.to_string()), "{values:?}");
    }
    assert_eq!(claim(&json, "amnesty/killed-208")["current"], false);
    assert_eq!(
        claim(&json, "amnesty/killed-208")["superseded_by"],
        json!(["amnesty/killed-304"])
    );
    assert_eq!(
        claim(&json, "amnesty/killed-321")["supersedes"],
        json!(["amnesty/killed-304"])
    );
    let reasons: Vec<(&str, &str)> = killed["not_compared"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["claim"].as_str().unwrap(), n["reason"].as_str().unwrap()))
        .collect();
    assert!(
        reasons.contains(&("amnesty/killed-304", "superseded by `amnesty/killed-321`")),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|(id, reason)| *id == "weekly/killed-2000" && reason.starts_with("withdrawn")),
        "{reasons:?}"
    );
    // Amnesty's latest position is its current claim, not the figure it only reports.
    let latest: Vec<(&str, &str)> = killed["summary"]["latest_by_origin"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["origin"].as_str().unwrap(), l["claim"].as_str().unwrap()))
        .collect();
    assert!(
        latest.contains(&("amnesty", "amnesty/killed-321")),
        "{latest:?}"
    );

    // The history view compares every claim as if it still stood.
    let history = report(&["--all"]);
    let values = compared(figure(&history, "killed"));
    for replaced in ["at least 208", "304", "1,029"] {
        assert!(values.contains(&replaced.to_string()), "{values:?}");
    }
}

#[test]
fn a_documented_count_is_a_lower_bound_and_does_not_conflict_with_a_larger_count() {
    let json = report(&["--all"]);
    let documented = claim(&json, "amnesty/killed-304");
    assert_eq!(documented["measure"], "documented");
    assert_eq!(documented["rule"], "at-least");
    assert_eq!(documented["high"], Value::Null);
    let window = &figure(&json, "killed")["windows"][0];
    let written = |i: &Value| {
        window["values"][i.as_u64().unwrap() as usize]["value"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let pairs: Vec<(String, String)> = window["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (written(&p["lower"]), written(&p["upper"])))
        .collect();
    // "304 documented" lies below 1,500 but bounds it only from below: no conflict.
    assert!(
        !pairs
            .iter()
            .any(|(low, high)| low == "304" && high.contains("1,500")),
        "{pairs:?}"
    );
    // The official 230 is exact and below the documented 304: they do conflict.
    assert!(
        pairs.contains(&("230".to_string(), "304".to_string())),
        "{pairs:?}"
    );
}

#[test]
fn a_reported_figure_is_not_its_reporters_assertion() {
    let json = report(&[]);
    let reported = claim(&json, "amnesty/reports-of-more");
    assert_eq!(reported["stance"], "reports");
    assert!(!codes_on(&json, "amnesty/reports-of-more").contains(&"unsupported-assertion"));
}

#[test]
fn a_denial_is_shown_beside_the_claim_it_disputes() {
    let json = report(&[]);
    assert_eq!(
        claim(&json, "wire/killed-1500")["disputed_by"],
        json!(["spokesperson/denies-1500"])
    );
    assert_eq!(
        claim(&json, "spokesperson/denies-1500")["disputes"],
        json!(["wire/killed-1500"])
    );
    let summary = figure(&json, "killed")["summary"]["text"].as_str().unwrap();
    assert!(
        summary.contains("`about 1,500` (wire) disputed by spokesperson"),
        "{summary}"
    );
    let run = run_in(
        &fixture("protest-toll-2019"),
        &["report", "--format", "markdown"],
    );
    assert!(
        run.stdout.contains("disputed by spokesperson/denies-1500"),
        "{}",
        run.stdout
    );
}

#[test]
fn an_anonymous_leak_and_a_rights_groups_count_are_two_origins() {
    let json = report(&[]);
    let origins = &figure(&json, "killed")["independent_origins"];
    assert!(
        origins
            .as_array()
            .unwrap()
            .contains(&json!("interior-officials")),
        "{origins}"
    );
    assert!(
        origins.as_array().unwrap().contains(&json!("rights-group")),
        "{origins}"
    );
    assert_eq!(
        claim(&json, "wire/killed-1500")["origin"],
        json!(["interior-officials"])
    );
    let officials = json["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "interior-officials")
        .unwrap();
    assert_eq!(officials["kind"], "anonymous");
    assert_eq!(officials["origin_group"], "interior-officials");
    assert_eq!(officials["affiliations"][0]["claimed"], true);
    let summary = figure(&json, "killed")["summary"]["text"].as_str().unwrap();
    assert!(
        summary.contains("1 anonymous: interior-officials"),
        "{summary}"
    );
}

#[test]
fn a_part_within_its_whole_is_consistent_and_shown_under_it() {
    let json = report(&[]);
    let part = figure(&json, "security-forces-killed");
    assert_eq!(part["part_of"], "killed");
    assert_eq!(
        figure(&json, "killed")["parts"],
        json!(["security-forces-killed"])
    );
    let codes: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert!(!codes.contains(&"figure-part-exceeds-whole"), "{codes:?}");
    let run = run_in(&fixture("protest-toll-2019"), &["report", "--width", "200"]);
    let whole = run.stdout.find("killed — People killed").unwrap();
    let part = run.stdout.find("security-forces-killed — ").unwrap();
    assert!(whole < part);
    assert!(run.stdout.contains("part of killed"), "{}", run.stdout);
}

/// The 1918 influenza toll: a journal's estimate traced to its authors as of the paper, though
/// one of them joined a health agency years later; a figure attributed to several parties.
#[test]
fn authors_are_the_origin_of_a_source_and_affiliations_count_within_their_dates() {
    let run = run_in(&fixture("influenza-1918"), &["report", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    // The agency repeats the 2002 paper: its origin is the paper's authors, as they were then.
    assert_eq!(
        claim(&json, "agency-2010/deaths")["origin"],
        json!(["first-author", "second-author"])
    );
    // The first author speaking at the agency in 2010 speaks for the agency.
    assert_eq!(
        claim(&json, "agency-2010/own-estimate")["origin"],
        json!(["health-agency"])
    );
    let attributed = claim(&json, "newspaper-2018/attributed");
    assert_eq!(
        attributed["according_to"],
        json!(["first-author", "health-agency"])
    );
    assert_eq!(attributed["flags"], json!([]));
    let source = json["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "journal-2002")
        .unwrap();
    assert_eq!(source["authors"], json!(["first-author", "second-author"]));
    let author = json["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "first-author")
        .unwrap();
    assert_eq!(
        author["affiliations"],
        json!([{"id": "health-agency", "from": "2006", "until": null, "claimed": false}])
    );
}
