//! The shipped claim base: clean, its quotes verbatim in the seed documents, its snapshot kept
//! under `snapshots/`, and the report showing what the desk asked of it.

use crate::support::{findings_of, manifest_dir, run_in, seeds, with_code};
use serde_json::Value;

#[test]
fn the_shipped_snapshot_is_kept_under_snapshots() {
    let run = run_in(&manifest_dir(), &["snapshot"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::with_settings!({
        snapshot_path => "../../snapshots",
        prepend_module_to_snapshot => false,
    }, {
        insta::assert_snapshot!("shipped_claim_base", run.stdout);
    });
}

#[test]
fn quotes_are_verbatim_in_the_seed_documents_when_they_are_present() {
    let Some(seeds) = seeds("quote checks against the seed documents") else {
        return;
    };
    let run = run_in(
        &manifest_dir(),
        &[
            "check",
            "--format",
            "json",
            "--archive",
            seeds.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
    let findings = findings_of(&run.json());
    for code in [
        "quote-not-found",
        "archive-missing-source",
        "archive-hash-mismatch",
        "value-not-in-quote",
    ] {
        assert!(
            with_code(&findings, code).is_empty(),
            "{code}: {findings:#?}"
        );
    }
}

#[test]
fn every_number_phrase_of_the_seed_documents_is_quoted_or_dismissed_with_a_reason() {
    let Some(seeds) = seeds("coverage of the seed documents") else {
        return;
    };
    let archive = seeds.to_str().unwrap();
    let args = [
        "coverage",
        "--archive",
        archive,
        "--format",
        "json",
        "--fail-under",
        "100",
    ];
    let run = run_in(&manifest_dir(), &args);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let json = run.json();
    let sources = json["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 5);
    for source in sources {
        assert_eq!(source["covered_percent"], 100.0, "{source}");
    }
    assert_eq!(json["summary"]["uncovered"], 0);
    assert_eq!(json["summary"]["stale_ignores"], 0);
    // Most figures are quoted by claims; the few dismissed are telephone numbers and "one of".
    // Spans of time ("30 years", "three decades") are measures, not figures.
    assert_eq!(json["summary"]["phrases"], 43);
    assert_eq!(json["summary"]["ignored"], 11);
}

fn report() -> Value {
    let run = run_in(&manifest_dir(), &["report", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.json()
}

fn claims_on<'a>(report: &'a Value, figure: &str) -> Vec<&'a Value> {
    report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["figure"] == figure)
        .collect()
}

#[test]
fn the_death_toll_shows_both_sides_their_divergence_and_origins() {
    let report = report();
    let figure = report["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "iran-1988/executed")
        .expect("the death toll figure");
    assert_eq!(figure["divergence"], 6.0);
    let claims = claims_on(&report, "iran-1988/executed");
    let thirty: Vec<_> = claims
        .iter()
        .filter(|c| c["point"] == 30000 && c["rule"] == "exact")
        .collect();
    let speakers: std::collections::BTreeSet<_> = thirty
        .iter()
        .map(|c| c["speaker"].as_str().unwrap())
        .collect();
    assert!(
        speakers.len() > 1,
        "30,000 is stated by more than one speaker: {speakers:?}"
    );
    let amnesty_values: std::collections::BTreeSet<_> = claims
        .iter()
        .filter(|c| {
            c["origin"]
                .as_array()
                .unwrap()
                .iter()
                .any(|o| o == "amnesty")
        })
        .map(|c| c["value"].as_str().unwrap())
        .collect();
    assert!(amnesty_values.contains("at least 5,000") && amnesty_values.contains("thousands"));
    let divergence = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| {
            f["code"] == "figure-divergence" && f["message"].as_str().unwrap().contains("30,000")
        })
        .expect("a divergence finding on the death toll");
    assert!(divergence["message"].as_str().unwrap().contains("×6"));
}

#[test]
fn the_desk_sees_unattributed_protest_deaths_five_minute_trials_and_differing_roles() {
    let report = report();
    let findings = report["findings"].as_array().unwrap();
    let about = |code: &str, figure: &str| {
        let ids: Vec<&str> = claims_on(&report, figure)
            .iter()
            .map(|c| c["id"].as_str().unwrap())
            .collect();
        findings.iter().filter(|f| f["code"] == code).any(|f| {
            f["claims"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| ids.contains(&c.as_str().unwrap()))
        })
    };
    assert!(about(
        "unsupported-assertion",
        "iran-2019/protesters-killed"
    ));
    assert!(about("attribution-unverified", "iran-1988/trial-duration"));
    assert!(about(
        "figure-conflict",
        "role/pour-mohammadi/death-commission"
    ));
    let roles: std::collections::BTreeSet<_> =
        claims_on(&report, "role/pour-mohammadi/death-commission")
            .iter()
            .map(|c| c["value"].as_str().unwrap().to_string())
            .collect();
    assert!(roles.len() >= 3, "{roles:?}");
}

#[test]
fn every_spelling_of_a_speaker_resolves_to_one_speaker() {
    let report = report();
    let speakers = report["speakers"].as_array().unwrap();
    let owner = |spelling: &str| -> Vec<&str> {
        speakers
            .iter()
            .filter(|s| {
                s["name"] == spelling
                    || s["aliases"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|a| a == spelling)
            })
            .map(|s| s["id"].as_str().unwrap())
            .collect()
    };
    for group in [
        &["Pour-Mohammadi", "Pour Mohammadi", "Pourmohammadi"][..],
        &["Alireza Avaei", "Alireza Avaie"],
        &["MEK", "PMOI"],
    ] {
        let owners: std::collections::BTreeSet<Vec<&str>> =
            group.iter().map(|s| owner(s)).collect();
        assert_eq!(owners.len(), 1, "{group:?} resolve to {owners:?}");
        assert_eq!(
            owners.iter().next().unwrap().len(),
            1,
            "{group:?} resolve to one speaker"
        );
    }
}
