//! A `claimtrack.toml` that cannot be read is an error, and `[severity]` cannot lower the errors
//! that mean input went unread.

use super::{check, clean_base};
use crate::support::{fixture, temp_copy, with_code};

#[test]
fn a_claimtrack_toml_directory_is_an_error() {
    let base = clean_base();
    std::fs::create_dir(base.path().join("claimtrack.toml")).unwrap();
    let (exit, findings) = check(base.path(), &[]);
    assert_eq!(exit, 1, "{findings:#?}");
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(
        (findings[0].code.as_str(), findings[0].file.as_str()),
        ("unreadable-file", "claimtrack.toml")
    );
    assert_eq!(
        findings[0].message,
        "`claimtrack.toml` is a directory, not a file"
    );
    assert!(
        findings[0]
            .help
            .contains("severity overrides are not applied"),
        "{findings:#?}"
    );
}

#[test]
fn a_claimtrack_toml_that_is_not_utf8_is_an_error() {
    // Its override would hide the value-not-in-quote warning; it must not vanish silently.
    let base = temp_copy(&fixture("value-not-in-quote"));
    std::fs::write(
        base.path().join("claimtrack.toml"),
        b"# caf\xe9\n[severity]\nvalue-not-in-quote = \"info\"\n",
    )
    .unwrap();
    let (exit, findings) = check(base.path(), &[]);
    assert_eq!(exit, 1, "{findings:#?}");
    let refused = with_code(&findings, "unreadable-file");
    assert_eq!(refused.len(), 1, "{findings:#?}");
    assert_eq!(
        refused[0].message,
        "`claimtrack.toml` is not valid UTF-8 (the first invalid byte is at offset 5)"
    );
    assert_eq!(with_code(&findings, "value-not-in-quote").len(), 1);
}

#[test]
fn loader_errors_cannot_be_lowered_below_error() {
    let base = temp_copy(&fixture("bad-toml-syntax"));
    std::fs::write(
        base.path().join("claimtrack.toml"),
        "[severity]\ntoml-syntax = \"info\"\nunreadable-file = \"warning\"\nuncited-claim = \"warning\"\n",
    )
    .unwrap();
    let (exit, findings) = check(base.path(), &[]);
    assert_eq!(exit, 1, "{findings:#?}");
    let syntax = with_code(&findings, "toml-syntax");
    assert!(!syntax.is_empty(), "{findings:#?}");
    assert!(syntax.iter().all(|f| f.severity == "error"), "{syntax:?}");
    let refused: Vec<(u64, &str)> = with_code(&findings, "invalid-config")
        .iter()
        .map(|f| (f.line, f.message.as_str()))
        .collect();
    assert_eq!(
        refused,
        [
            (
                2,
                "`toml-syntax` cannot be set below error: the input it marks is not read"
            ),
            (
                3,
                "`unreadable-file` cannot be set below error: the input it marks is not read"
            ),
        ]
    );
}

#[test]
fn other_codes_can_still_be_lowered() {
    let base = temp_copy(&fixture("uncited-claim"));
    std::fs::write(
        base.path().join("claimtrack.toml"),
        "[severity]\nuncited-claim = \"warning\"\n",
    )
    .unwrap();
    let (exit, findings) = check(base.path(), &[]);
    assert_eq!(exit, 0, "{findings:#?}");
    let uncited = with_code(&findings, "uncited-claim");
    assert!(!uncited.is_empty());
    assert!(uncited.iter().all(|f| f.severity == "warning"));
}
