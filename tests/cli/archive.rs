//! `check --archive`: quotes checked against archived source texts found by sha256.

use crate::support::{findings_of, fixture, run_in, with_code};

#[test]
fn quotes_are_checked_against_the_archived_text() {
    let archive = fixture("archive-texts");
    let run = run_in(
        &fixture("archive-quotes"),
        &[
            "check",
            "--format",
            "json",
            "--archive",
            archive.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stdout);
    let findings = findings_of(&run.json());

    // Straight quotes match curly ones, `...` stands for omitted words: only the misquote fails.
    let missing = with_code(&findings, "quote-not-found");
    assert_eq!(missing.len(), 1, "{findings:#?}");
    assert_eq!(
        (missing[0].file.as_str(), missing[0].line),
        ("claims/claims.toml", 25)
    );
    assert!(
        missing[0].help.contains("\"Families were never told\""),
        "{}",
        missing[0].help
    );
    assert!(
        missing[0].related[0]
            .0
            .ends_with("archive-texts/statement.txt")
    );
    assert_eq!(missing[0].related[0].1, 2);

    let changed = with_code(&findings, "archive-hash-mismatch");
    assert_eq!(changed.len(), 1);
    assert_eq!(
        (changed[0].file.as_str(), changed[0].line),
        ("sources/sources.toml", 21)
    );

    let unarchived = with_code(&findings, "archive-missing-source");
    assert_eq!(unarchived.len(), 1);
    assert!(unarchived[0].message.contains("`unarchived`"));
}

#[test]
fn a_missing_archive_folder_is_a_usage_error() {
    let run = run_in(
        &fixture("archive-quotes"),
        &["check", "--archive", "no-such-folder"],
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no-such-folder"), "{}", run.stderr);
}
