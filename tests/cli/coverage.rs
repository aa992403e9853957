//! `claimtrack coverage`: the number phrases of archived sources that no claim quotes, per source
//! the share covered, ignore entries that rot, and the `--fail-under` gate.

use crate::support::{fixture, run_in, temp_copy};
use std::path::Path;

fn texts() -> String {
    fixture("coverage-texts").to_str().unwrap().to_string()
}

fn coverage(dir: &Path, extra: &[&str]) -> crate::support::Run {
    let archive = texts();
    let mut args = vec!["coverage", "--archive", archive.as_str()];
    args.extend_from_slice(extra);
    run_in(dir, &args)
}

#[test]
fn uncovered_phrases_are_listed_with_their_paragraph_and_context() {
    let run = coverage(&fixture("coverage"), &[]);
    assert_eq!(run.code, 0, "without --fail-under it only reports: {run:?}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines[..2],
        [
            "source  phrases  quoted  ignored  uncovered  covered",
            "report        4       1        1          2      50%",
        ]
    );
    assert!(
        run.stdout.contains(
            "  paragraph 2: \"40\" (exact 40)\n      The commission heard 40 witnesses over three weeks in 2019.\n"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("claimtrack.toml:8:1: `report` \"the 300-page annex\": the phrase is not in the archived text of `report`"),
        "{}",
        run.stdout
    );
}

#[test]
fn json_carries_every_count_and_phrase() {
    let run = coverage(&fixture("coverage"), &["--format", "json"]);
    assert_eq!(run.code, 0, "{run:?}");
    let json = run.json();
    let report = &json["sources"][0];
    assert_eq!(report["source"], "report");
    assert_eq!(report["phrases"], 4);
    assert_eq!(report["quoted"], 1);
    assert_eq!(report["ignored"], 1);
    assert_eq!(
        report["not_figures"], 4,
        "1988, 2019, the day of 4 March, and \"over three weeks\", a measure of time"
    );
    assert_eq!(report["covered_percent"], 50.0);
    let phrases: Vec<(u64, &str)> = report["uncovered"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["paragraph"].as_u64().unwrap(),
                p["phrase"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(phrases, [(2, "40"), (4, ">12")]);
    assert_eq!(json["stale_ignores"][0]["line"], 8);
    assert_eq!(json["summary"]["uncovered"], 2);
    assert_eq!(json["summary"]["stale_ignores"], 1);
}

#[test]
fn markdown_escapes_the_archived_text() {
    let run = coverage(&fixture("coverage"), &["--format", "markdown"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout
            .contains("| report | 4 | \\>12 | at-least \\[12, ∞) | Survivors named \\<b\\>12\\</b\\> guards \\| on 4 March. |"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("<b>"));
}

#[test]
fn the_gate_fails_below_the_share_or_on_a_stale_entry_and_passes_once_all_is_covered() {
    let run = coverage(&fixture("coverage"), &["--fail-under", "100"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("covered below 100%: report"),
        "{}",
        run.stderr
    );
    // A low bar passes the share, but the stale entry still fails.
    let run = coverage(&fixture("coverage"), &["--fail-under", "40"]);
    assert_eq!(run.code, 1);
    assert!(!run.stderr.contains("covered below"), "{}", run.stderr);
    assert!(run.stderr.contains("1 ignore entry"), "{}", run.stderr);

    let dir = temp_copy(&fixture("coverage"));
    let config = std::fs::read_to_string(dir.path().join("claimtrack.toml")).unwrap();
    let stale_entry = config
        .find("\n[[coverage-ignore]]\nsource = \"report\"\nphrase = \"the 300")
        .unwrap();
    let config = format!(
        "{}\n[[coverage-ignore]]\nsource = \"report\"\nphrase = \"named <b>12</b> guards\"\nreason = \"markup in the copy; the count is recorded from the printed report\"\n",
        &config[..stale_entry]
    );
    std::fs::write(dir.path().join("claimtrack.toml"), config).unwrap();
    let claims = dir.path().join("claims/claims.toml");
    let mut text = std::fs::read_to_string(&claims).unwrap();
    text.push_str(
        "\n[[claim]]\nid = \"report/witnesses-40\"\nstatement = \"The commission heard 40 witnesses over three weeks.\"\n\
         speaker = \"commission\"\nsource = \"report\"\nquote = \"The commission heard 40 witnesses over three weeks\"\n\
         locator = \"paragraph 2\"\n",
    );
    std::fs::write(&claims, text).unwrap();
    let run = coverage(dir.path(), &["--fail-under", "100"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with(
        "source  phrases  quoted  ignored  uncovered  covered\nreport        4       2        2          0     100%\n"
    ), "{}", run.stdout);
}

#[test]
fn usage_errors_exit_with_2() {
    let run = coverage(&fixture("coverage"), &["--source", "reprot"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("no source `reprot` in the claim base: did you mean `report`?"),
        "{}",
        run.stderr
    );
    let run = run_in(
        &fixture("coverage"),
        &["coverage", "--archive", "no-such-folder"],
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no-such-folder"), "{}", run.stderr);
    let run = coverage(&fixture("coverage"), &["--fail-under", "120"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("from 0 to 100"), "{}", run.stderr);
    // The fixture's archive holds no copy of these sources.
    let run = coverage(&fixture("archive-quotes"), &[]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("holds no copy of any source"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_broken_ignore_list_leaves_nothing_measured() {
    let dir = temp_copy(&fixture("coverage"));
    std::fs::write(
        dir.path().join("claimtrack.toml"),
        "[[coverage-ignore]]\nsource = \"report\"\nphrase = \"96-page\"\nreason = \"pages\"\nparagraf = 3\n",
    )
    .unwrap();
    let run = coverage(dir.path(), &[]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr.contains("unknown field `paragraf`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("claimtrack.toml:5:1"), "{}", run.stderr);
}
