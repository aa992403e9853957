//! `check --archive DIR`: reads confined to DIR, and an archive that holds no copy is an error.

use super::{check, clean_base, symlink};
use crate::support::{fixture, run_in, with_code};
use tempfile::TempDir;

/// The archive of the `archive-quotes` fixture copied to a fresh folder.
fn archive_copy() -> TempDir {
    let dir = TempDir::new().unwrap();
    for name in ["statement.txt", "changed.txt"] {
        std::fs::copy(fixture("archive-texts").join(name), dir.path().join(name)).unwrap();
    }
    dir
}

fn check_archive(archive: &std::path::Path) -> (i32, Vec<crate::support::Found>) {
    check(
        &fixture("archive-quotes"),
        &["--archive", archive.to_str().unwrap()],
    )
}

#[test]
fn a_link_out_of_the_archive_is_refused() {
    let archive = archive_copy();
    let outside = TempDir::new().unwrap();
    // The real copy sits outside; inside is only a link to it.
    std::fs::rename(
        archive.path().join("statement.txt"),
        outside.path().join("statement.txt"),
    )
    .unwrap();
    symlink(
        outside.path().join("statement.txt"),
        archive.path().join("statement.txt"),
    );
    let (exit, findings) = check_archive(archive.path());
    assert_eq!(exit, 1, "{findings:#?}");
    let refused = with_code(&findings, "unreadable-file");
    assert_eq!(refused.len(), 1, "{findings:#?}");
    assert!(
        refused[0]
            .message
            .ends_with("outside the archive folder: it is not followed"),
        "{refused:?}"
    );
    // Not followed: the statement has no copy and its quotes go unchecked.
    assert!(with_code(&findings, "quote-not-found").is_empty());
    let missing: Vec<&str> = with_code(&findings, "archive-missing-source")
        .iter()
        .map(|f| f.message.as_str())
        .collect();
    assert!(
        missing.contains(&"the archive holds no copy of source `statement`"),
        "{missing:?}"
    );
}

#[test]
fn a_link_inside_the_archive_is_followed() {
    let archive = archive_copy();
    std::fs::create_dir(archive.path().join("texts")).unwrap();
    std::fs::rename(
        archive.path().join("statement.txt"),
        archive.path().join("texts/statement.txt"),
    )
    .unwrap();
    symlink("texts/statement.txt", archive.path().join("statement.txt"));
    let (_, findings) = check_archive(archive.path());
    assert!(with_code(&findings, "unreadable-file").is_empty());
    assert_eq!(with_code(&findings, "quote-not-found").len(), 1);
}

#[test]
fn an_archive_without_any_copy_is_an_error_and_each_missing_copy_a_warning() {
    let empty = TempDir::new().unwrap();
    let (exit, findings) = check(
        clean_base().path(),
        &["--archive", empty.path().to_str().unwrap()],
    );
    assert_eq!(exit, 1, "{findings:#?}");
    let codes: Vec<(&str, &str)> = findings
        .iter()
        .map(|f| (f.code.as_str(), f.severity.as_str()))
        .collect();
    assert_eq!(
        codes,
        [
            ("archive-missing-source", "warning"),
            ("archive-empty", "error")
        ]
    );
    assert_eq!(
        findings[1].message,
        "no source records a `sha256`, so `--archive` can check no quote"
    );

    let (exit, findings) = check_archive(empty.path());
    assert_eq!(exit, 1, "{findings:#?}");
    let empty_error = with_code(&findings, "archive-empty");
    assert_eq!(empty_error.len(), 1, "{findings:#?}");
    assert_eq!(empty_error[0].severity, "error");
    assert!(
        empty_error[0]
            .message
            .ends_with("holds no archived copy of any source, so no quote was checked"),
        "{empty_error:?}"
    );
    let missing = with_code(&findings, "archive-missing-source");
    assert_eq!(missing.len(), 3, "{findings:#?}");
    assert!(missing.iter().all(|f| f.severity == "warning"));
}

#[test]
fn an_archive_that_is_a_file_is_not_a_directory() {
    let run = run_in(
        &fixture("archive-quotes"),
        &["check", "--archive", "claims/claims.toml"],
    );
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(
        run.stderr,
        "error: the archive folder `claims/claims.toml` is not a directory\n"
    );
}
