//! Where exports write: only to `--out`, never over an existing file without `--force`, and
//! nothing half-written left behind.

use super::{database, export, rows};
use crate::support::{manifest_dir, run_in};
use std::path::Path;
use tempfile::TempDir;

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn an_existing_database_is_replaced_only_with_force() {
    let out = TempDir::new().unwrap();
    let path = out.path().join("base.db");
    std::fs::write(&path, "a desk's own file").unwrap();
    let args = [
        "export",
        "--format",
        "sqlite",
        "--out",
        path.to_str().unwrap(),
    ];
    let run = run_in(&manifest_dir(), &args);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("already exists") && run.stderr.contains("--force"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "a desk's own file");
    assert_eq!(names(out.path()), ["base.db"], "nothing else was written");

    export(&manifest_dir(), &[&args[1..], &["--force"]].concat());
    let db = rusqlite::Connection::open(&path).unwrap();
    assert!(!rows(&db, "SELECT id FROM claims").is_empty());
    assert_eq!(names(out.path()), ["base.db"], "no partial file is left");
}

#[test]
fn a_failed_database_export_leaves_no_file() {
    let out = TempDir::new().unwrap();
    let path = out.path().join("missing-folder").join("base.db");
    let args = [
        "export",
        "--format",
        "sqlite",
        "--out",
        path.to_str().unwrap(),
    ];
    let run = run_in(&manifest_dir(), &args);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("cannot write"), "{}", run.stderr);
    assert!(names(out.path()).is_empty());
}

#[test]
fn the_database_records_its_schema_version() {
    let (_out, db) = database(&manifest_dir());
    assert_eq!(rows(&db, "PRAGMA user_version"), [["2"]]);
}

#[test]
fn csv_tables_are_replaced_only_with_force_and_other_files_are_left_alone() {
    let out = TempDir::new().unwrap();
    let dir = out.path().join("tables");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("claims.csv"), "mine").unwrap();
    std::fs::write(dir.join("notes.txt"), "keep").unwrap();
    let args = ["export", "--format", "csv", "--out", dir.to_str().unwrap()];
    let run = run_in(&manifest_dir(), &args);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("claims.csv") && run.stderr.contains("--force"));
    assert_eq!(
        names(&dir),
        ["claims.csv", "notes.txt"],
        "nothing was written"
    );

    export(&manifest_dir(), &[&args[1..], &["--force"]].concat());
    assert_ne!(
        std::fs::read_to_string(dir.join("claims.csv")).unwrap(),
        "mine"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("notes.txt")).unwrap(),
        "keep"
    );
    assert!(names(&dir).contains(&"value_groups.csv".to_string()));
}

#[test]
fn text_exports_go_to_stdout_or_to_a_new_file() {
    let out = TempDir::new().unwrap();
    for format in ["jsonld", "dot"] {
        let stdout = export(&manifest_dir(), &["--format", format]).stdout;
        let path = out.path().join(format);
        let args = ["--format", format, "--out", path.to_str().unwrap()];
        let run = export(&manifest_dir(), &args);
        assert!(run.stdout.is_empty());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), stdout);

        let again = run_in(&manifest_dir(), &[&["export"], &args[..]].concat());
        assert_eq!(again.code, 2, "{format}: {}", again.stderr);
        export(&manifest_dir(), &[&args[..], &["--force"]].concat());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), stdout);
    }
}

#[test]
fn nothing_is_written_into_the_record_folders() {
    let base = crate::support::temp_copy(&manifest_dir());
    for (format, out) in [
        ("jsonld", "claims/export.toml"),
        ("csv", "sources/tables"),
        ("sqlite", "claims/../claims/base.db"),
        ("csv", "new-folder/../sources/tables"),
    ] {
        let run = run_in(base.path(), &["export", "--format", format, "--out", out]);
        assert_eq!(run.code, 2, "{format} {out}: {}", run.stderr);
        assert!(run.stderr.contains("record folders"), "{}", run.stderr);
        assert!(!base.path().join(out).exists(), "{out} was written");
    }
    let beside = ["export", "--format", "dot", "--out", "graph.dot"];
    assert_eq!(
        run_in(base.path(), &beside).code,
        0,
        "beside the folders is fine"
    );
}
