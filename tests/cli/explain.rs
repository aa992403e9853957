//! `explain` and `--help`: the words users read to learn the tool.

use crate::support::{fixture, manifest_dir, run_in, snapshot_settings};

fn run(args: &[&str]) -> crate::support::Run {
    run_in(&manifest_dir(), args)
}

#[test]
fn explain_uncited_claim() {
    let out = run(&["explain", "uncited-claim"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .starts_with("uncited-claim (error by default, raised by the `citation` check): "),
        "{}",
        out.stdout
    );
    snapshot_settings().bind(|| insta::assert_snapshot!("explain_uncited_claim", out.stdout));
}

#[test]
fn explain_unknown_code_suggests_one() {
    let out = run(&["explain", "uncited-claims"]);
    assert_eq!(out.code, 2);
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr.contains(
            "error: unknown code `uncited-claims` (did you mean `uncited-claim`?); `claimtrack explain --list` lists them"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn explain_needs_a_code_or_list() {
    let out = run(&["explain"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("<CODE>"), "{}", out.stderr);
}

#[test]
fn explain_list_gives_each_code_with_its_severity() {
    let out = run_in(&fixture("figure-divergence"), &["explain", "--list"]);
    assert_eq!(out.code, 0);
    let rows: Vec<Vec<&str>> = out
        .stdout
        .lines()
        .map(|line| line.split_whitespace().take(2).collect())
        .collect();
    for expected in [
        ["toml-syntax", "error"],
        ["uncited-claim", "error"],
        ["unused-source", "warning"],
        ["figure-divergence", "info"],
        ["single-origin", "info"],
    ] {
        assert!(
            rows.contains(&expected.to_vec()),
            "{expected:?} in\n{}",
            out.stdout
        );
    }
}

#[test]
fn help_of_main_command() {
    let out = run(&["--help"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    snapshot_settings().bind(|| insta::assert_snapshot!("help", out.stdout));
}

#[test]
fn help_of_check() {
    let out = run(&["check", "--help"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    snapshot_settings().bind(|| insta::assert_snapshot!("help_check", out.stdout));
}

#[test]
fn help_of_report() {
    let out = run(&["report", "--help"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    snapshot_settings().bind(|| insta::assert_snapshot!("help_report", out.stdout));
}

#[test]
fn help_of_export() {
    let out = run(&["export", "--help"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    snapshot_settings().bind(|| insta::assert_snapshot!("help_export", out.stdout));
}

#[test]
fn unknown_option_is_a_usage_error() {
    let out = run(&["check", "--format", "xml"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("invalid value 'xml'"), "{}", out.stderr);
    let out = run(&["frobnicate"]);
    assert_eq!(out.code, 2);
}
