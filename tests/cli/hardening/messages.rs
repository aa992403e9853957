//! Errors that stop before any record is read name the real cause.

use crate::support::run_in;
use tempfile::TempDir;

#[test]
fn a_missing_sources_folder_is_named() {
    let dir = TempDir::new().unwrap();
    std::fs::create_dir(dir.path().join("claims")).unwrap();
    let root = dir.path().to_str().unwrap();
    for run in [
        run_in(dir.path(), &["check", "--root", root]),
        run_in(dir.path(), &["check"]),
        run_in(dir.path(), &["report"]),
    ] {
        assert_eq!(run.code, 2, "{run:?}");
        assert!(
            run.stderr
                .contains("is not a claim base: it has no `sources/` folder"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn a_root_that_is_a_file_is_not_a_directory() {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("base.toml"), "").unwrap();
    for command in ["check", "report", "snapshot"] {
        let run = run_in(dir.path(), &[command, "--root", "base.toml"]);
        assert_eq!(run.code, 2, "{run:?}");
        assert_eq!(
            run.stderr,
            "error: the claim base root `base.toml` is not a directory\n"
        );
    }
}
