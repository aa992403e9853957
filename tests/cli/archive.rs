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

/// A locator naming paragraphs is checked against where the quote stands in the archived text:
/// anywhere the quote stands will do, a passage over two lines may be cited by both, and a page
/// is not checked.
#[test]
fn a_locator_naming_another_paragraph_than_the_quotes_is_a_warning() {
    let base = fixture("locator-mismatch");
    let archive = base.join("archive");
    let args = ["check", "--format", "json", "--archive"];
    let run = run_in(&base, &[&args[..], &[archive.to_str().unwrap()]].concat());
    assert_eq!(run.code, 0, "{}", run.stdout);
    let findings = findings_of(&run.json());
    let misplaced = with_code(&findings, "locator-mismatch");
    assert_eq!(misplaced.len(), 1, "{findings:#?}");
    assert_eq!(
        misplaced[0].message,
        "the locator of claim `office/monitors-deaths-300` names paragraph 3, but its quote \
         stands in paragraph 5 of the archived text of `flood-update-7`"
    );
    assert_eq!(misplaced[0].severity, "warning");
    assert_eq!((misplaced[0].line, misplaced[0].column), (27, 11));
    let (file, line, column) = &misplaced[0].related[0];
    assert!(file.ends_with("archive/flood-update.txt"), "{file}");
    assert_eq!((*line, *column), (7, 1));
    assert!(misplaced[0].help.contains("`locator = \"paragraph 5\"`"));
}
