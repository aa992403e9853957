//! `claimtrack export`: every format on the shipped claim base and on record text that is hostile
//! to it, read back by the consumers' own libraries (rusqlite, csv, serde_json) and compared with
//! the report, plus where exports may write.

use crate::support::{Run, fixture, manifest_dir, run_in, temp_copy};
use rusqlite::Connection;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

mod files;
mod formats;

/// `claimtrack export ARGS` on the claim base at `base`; fails the test unless it succeeds.
fn export(base: &Path, args: &[&str]) -> Run {
    let run = run_in(base, &[&["export"], args].concat());
    assert_eq!(run.code, 0, "export {args:?} failed: {}", run.stderr);
    run
}

/// The report on `base` as JSON: what every export must agree with.
fn report(base: &Path) -> Value {
    let run = run_in(base, &["report", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.json()
}

/// The SQLite export of `base`, in a temporary folder kept alive with it.
fn database(base: &Path) -> (TempDir, Connection) {
    let out = TempDir::new().unwrap();
    let path = out.path().join("base.db");
    export(
        base,
        &["--format", "sqlite", "--out", path.to_str().unwrap()],
    );
    let connection = Connection::open(&path).unwrap();
    (out, connection)
}

/// Every row of `sql`, each cell as text (`NULL` for no value).
fn rows(connection: &Connection, sql: &str) -> Vec<Vec<String>> {
    let mut statement = connection
        .prepare(sql)
        .unwrap_or_else(|error| panic!("{sql}: {error}"));
    let columns = statement.column_count();
    statement
        .query_map([], |row| {
            (0..columns)
                .map(|i| {
                    Ok(match row.get_ref(i)? {
                        rusqlite::types::ValueRef::Null => "NULL".to_string(),
                        rusqlite::types::ValueRef::Integer(n) => n.to_string(),
                        rusqlite::types::ValueRef::Real(n) => n.to_string(),
                        rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into(),
                        rusqlite::types::ValueRef::Blob(_) => "BLOB".to_string(),
                    })
                })
                .collect()
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// A JSON value as the cells above show it.
fn cell(value: &Value) -> String {
    match value {
        Value::Null => "NULL".to_string(),
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// The SQL blocks of docs/exports.md.
fn documented_queries() -> Vec<String> {
    let doc = std::fs::read_to_string(manifest_dir().join("docs/exports.md")).unwrap();
    doc.split("```sql\n")
        .skip(1)
        .map(|block| block.split("```").next().unwrap().to_string())
        .collect()
}

/// Every file below `dir` with its bytes.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(folder) = todo.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path);
            } else {
                files.insert(path.clone(), std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

#[test]
fn the_shipped_base_exports_with_every_reference_resolved() {
    let (_out, db) = database(&manifest_dir());
    assert!(rows(&db, "PRAGMA foreign_key_check").is_empty());
    assert_eq!(rows(&db, "PRAGMA integrity_check"), [["ok"]]);
    let report = report(&manifest_dir());
    for table in ["figures", "claims", "sources", "speakers", "findings"] {
        let count = rows(&db, &format!("SELECT count(*) FROM {table}"));
        let expected = report[table].as_array().unwrap().len();
        assert_eq!(count, [[expected.to_string()]], "rows of {table}");
    }
}

#[test]
fn claims_keep_the_reports_values_readings_and_places() {
    let (_out, db) = database(&manifest_dir());
    let report = report(&manifest_dir());
    let stored = rows(
        &db,
        "SELECT id, figure, value, low, high, point, rule, hedge, speaker, source, as_of, \
         measure, stance, file, line, \"column\" FROM claims ORDER BY id",
    );
    let mut claims: Vec<&Value> = report["claims"].as_array().unwrap().iter().collect();
    claims.sort_by_key(|c| c["id"].as_str().unwrap().to_string());
    let expected: Vec<Vec<String>> = claims
        .iter()
        .map(|c| {
            let fields = [
                "id", "figure", "value", "low", "high", "point", "rule", "hedge", "speaker",
                "source", "as_of", "measure", "stance", "file", "line", "column",
            ];
            fields.iter().map(|f| cell(&c[*f])).collect()
        })
        .collect();
    // Whole numbers come back as integers, JSON may write them as `30000.0`.
    let normal = |rows: Vec<Vec<String>>| -> Vec<Vec<String>> {
        rows.into_iter()
            .map(|row| {
                row.into_iter()
                    .map(|c| c.trim_end_matches(".0").to_string())
                    .collect()
            })
            .collect()
    };
    assert_eq!(normal(stored), normal(expected));
}

#[test]
fn conflicts_are_the_reports_pairs_of_values() {
    let (_out, db) = database(&manifest_dir());
    let report = report(&manifest_dir());
    let mut expected = BTreeSet::new();
    for figure in report["figures"].as_array().unwrap() {
        for window in figure["windows"].as_array().unwrap() {
            let values = window["values"].as_array().unwrap();
            for pair in window["conflicts"].as_array().unwrap() {
                let value =
                    |end: &str| cell(&values[pair[end].as_u64().unwrap() as usize]["value"]);
                expected.insert((cell(&figure["id"]), value("lower"), value("upper")));
            }
        }
    }
    assert!(!expected.is_empty(), "the shipped base has conflicts");
    let stored: BTreeSet<(String, String, String)> = rows(
        &db,
        "SELECT k.figure, lo.value, up.value FROM conflicts k \
         JOIN value_groups lo ON lo.id = k.lower JOIN value_groups up ON up.id = k.upper",
    )
    .into_iter()
    .map(|row| (row[0].clone(), row[1].clone(), row[2].clone()))
    .collect();
    assert_eq!(stored, expected);
}

#[test]
fn current_values_are_the_values_of_each_figures_latest_window() {
    let (_out, db) = database(&manifest_dir());
    let report = report(&manifest_dir());
    let mut expected = BTreeSet::new();
    for figure in report["figures"].as_array().unwrap() {
        let windows = figure["windows"].as_array().unwrap();
        // Windows are in date order; a figure that does not vary has one.
        if let Some(latest) = windows.last() {
            for value in latest["values"].as_array().unwrap() {
                let claims = value["claims"].as_array().unwrap().len();
                expected.insert((
                    cell(&figure["id"]),
                    cell(&value["value"]),
                    claims.to_string(),
                ));
            }
        }
    }
    let stored: BTreeSet<(String, String, String)> =
        rows(&db, "SELECT figure, value, claims FROM current_values")
            .into_iter()
            .map(|row| (row[0].clone(), row[1].clone(), row[2].clone()))
            .collect();
    assert_eq!(stored, expected);
}

#[test]
fn the_documented_queries_run_and_answer() {
    let (_out, db) = database(&manifest_dir());
    let queries = documented_queries();
    assert!(queries.len() >= 5, "docs/exports.md shows its queries");
    for query in queries {
        assert!(!rows(&db, &query).is_empty(), "no answer to\n{query}");
    }
}

#[test]
fn the_claim_base_is_left_as_it_was() {
    let base = temp_copy(&manifest_dir());
    let before = tree(base.path());
    let out = TempDir::new().unwrap();
    let at = |name: &str| out.path().join(name).to_string_lossy().into_owned();
    export(
        base.path(),
        &["--format", "sqlite", "--out", &at("base.db")],
    );
    export(base.path(), &["--format", "csv", "--out", &at("tables")]);
    export(
        base.path(),
        &["--format", "jsonld", "--out", &at("claims.jsonld")],
    );
    export(base.path(), &["--format", "dot"]);
    assert!(before == tree(base.path()), "export changed the claim base");
    let written: BTreeSet<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        written,
        ["base.db", "claims.jsonld", "tables"]
            .map(String::from)
            .into()
    );
}

#[test]
fn a_base_with_a_shared_id_is_refused_by_every_format() {
    let out = TempDir::new().unwrap();
    for format in ["sqlite", "csv", "jsonld", "dot"] {
        let target = out.path().join(format);
        let run = run_in(
            &fixture("duplicate-ids"),
            &[
                "export",
                "--format",
                format,
                "--out",
                target.to_str().unwrap(),
            ],
        );
        assert_eq!(run.code, 2, "{format}: {}", run.stderr);
        assert!(
            run.stderr.contains("`watchdog/detained`") && run.stderr.contains("`watchdog`"),
            "{format}: {}",
            run.stderr
        );
        assert!(!target.exists(), "{format} wrote {}", target.display());
    }
}

#[test]
fn sqlite_and_csv_need_an_out_path() {
    for format in ["sqlite", "csv"] {
        let run = run_in(&manifest_dir(), &["export", "--format", format]);
        assert_eq!(run.code, 2, "{format}");
        assert!(run.stderr.contains("--out"), "{}", run.stderr);
        assert!(run.stdout.is_empty());
    }
}

#[test]
fn docs_list_every_table_and_column_in_order() {
    let doc = std::fs::read_to_string(manifest_dir().join("docs/exports.md")).unwrap();
    let documented: Vec<(String, &str)> = doc
        .lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .filter_map(|rest| rest.split_once("` |"))
        .map(|(name, row)| (name.to_string(), row))
        .collect();
    let (_out, db) = database(&manifest_dir());
    let tables: Vec<String> = rows(&db, "SELECT name FROM sqlite_master WHERE type = 'table'")
        .into_iter()
        .map(|row| row[0].clone())
        .collect();
    let names: Vec<&String> = documented.iter().map(|(name, _)| name).collect();
    assert_eq!(
        names,
        tables.iter().collect::<Vec<_>>(),
        "the tables of docs/exports.md"
    );
    const READING: [&str; 5] = ["low", "high", "point", "rule", "hedge"];
    for (table, row) in documented {
        for column in rows(
            &db,
            &format!("SELECT name FROM pragma_table_info('{table}')"),
        ) {
            let column = &column[0];
            let named = row.contains(&format!("`{column}`"))
                || (READING.contains(&column.as_str()) && row.contains("the reading"));
            assert!(named, "docs/exports.md does not name {table}.{column}");
        }
    }
}
