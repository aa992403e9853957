//! Which file names are read: `.toml` in any letter case, and a warning for each file that looks
//! like a record file but is not read.

use super::{check, clean_base};
use crate::support::with_code;

#[test]
fn record_files_ending_in_upper_case_toml_are_read() {
    let base = clean_base();
    let claims = base.path().join("claims");
    std::fs::rename(claims.join("claims.toml"), claims.join("CLAIMS.TOML")).unwrap();
    std::fs::rename(
        base.path().join("sources/sources.toml"),
        base.path().join("sources/Sources.Toml"),
    )
    .unwrap();
    // Had either file been skipped, the claim would cite an unknown source or vanish.
    let run = super::run_bounded(base.path(), &["report", "--format", "json"], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report = run.json();
    let claims: Vec<&str> = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(claims, ["watchdog/detained"]);
    let (exit, findings) = check(base.path(), &[]);
    assert_eq!((exit, findings), (0, Vec::new()));
}

#[test]
fn files_that_look_like_record_files_warn_by_name() {
    let base = clean_base();
    for name in [
        "claims/claims.toml.txt",
        "claims/old.TOML~",
        "sources/people.tml",
        "claims/README.md",
        "sources/.gitkeep",
    ] {
        std::fs::write(base.path().join(name), "").unwrap();
    }
    let (exit, findings) = check(base.path(), &[]);
    assert_eq!(exit, 0, "{findings:#?}");
    let ignored: Vec<&str> = with_code(&findings, "ignored-file")
        .iter()
        .map(|f| f.file.as_str())
        .collect();
    assert_eq!(
        ignored,
        [
            "claims/claims.toml.txt",
            "claims/old.TOML~",
            "sources/people.tml"
        ]
    );
    assert_eq!(findings.len(), 3, "{findings:#?}");
    assert_eq!(
        findings[0].message,
        "`claims/claims.toml.txt` is not read: only files whose names end in `.toml` are"
    );
    assert_eq!(findings[0].severity, "warning");
    let (exit, _) = check(base.path(), &["--deny", "warnings"]);
    assert_eq!(exit, 1);
}
