//! How records are spread over files changes no finding, only where it is shown: a fixture is
//! rewritten with all records of a folder in one file and with one record per file, and the
//! findings, stripped of their locations, must stay the same.

use crate::support::{fixture, run_in};
use serde_json::Value;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// Every `*.toml` file below `dir`, sorted by path.
fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(toml_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "toml") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// The records of a folder, in file order: the text from one `[[` table header to the next.
fn records(dir: &Path) -> Vec<String> {
    let mut records = Vec::new();
    for path in toml_files(dir) {
        let text = std::fs::read_to_string(&path).unwrap();
        let mut current: Option<String> = None;
        for line in text.lines() {
            if line.starts_with("[[") {
                records.extend(current.take());
                current = Some(String::new());
            }
            if let Some(record) = &mut current {
                record.push_str(line);
                record.push('\n');
            }
        }
        records.extend(current);
    }
    records
}

#[derive(Clone, Copy, Debug)]
enum Layout {
    /// All records of `claims/` in one file, all of `sources/` in another.
    OneFile,
    /// Every record in a file of its own.
    FilePerRecord,
    /// One file per folder, records in reverse order.
    OneFileReversed,
}

fn rewrite(name: &str, layout: Layout) -> TempDir {
    let from = fixture(name);
    let dir = TempDir::new().unwrap();
    for folder in ["sources", "claims"] {
        let mut records = records(&from.join(folder));
        assert!(!records.is_empty(), "{name}/{folder} holds records");
        let target = dir.path().join(folder);
        std::fs::create_dir_all(&target).unwrap();
        match layout {
            Layout::OneFile | Layout::OneFileReversed => {
                if let Layout::OneFileReversed = layout {
                    records.reverse();
                }
                std::fs::write(target.join("all.toml"), records.join("\n")).unwrap();
            }
            Layout::FilePerRecord => {
                for (i, record) in records.iter().enumerate() {
                    let sub = target.join(format!("part{}", i % 3));
                    std::fs::create_dir_all(&sub).unwrap();
                    std::fs::write(sub.join(format!("r{i:03}.toml")), record).unwrap();
                }
            }
        }
    }
    if from.join("claimtrack.toml").is_file() {
        std::fs::copy(
            from.join("claimtrack.toml"),
            dir.path().join("claimtrack.toml"),
        )
        .unwrap();
    }
    dir
}

/// The findings of `check --format json` without their locations, sorted.
fn findings_without_locations(dir: &Path) -> (i32, Vec<String>) {
    let run = run_in(dir, &["check", "--format", "json"]);
    let json = run.json();
    let mut findings: Vec<String> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|finding| {
            let mut finding = finding.clone();
            let object = finding.as_object_mut().unwrap();
            for key in [
                "file",
                "line",
                "column",
                "end_line",
                "end_column",
                "related",
            ] {
                object.remove(key);
            }
            Value::Object(object.clone()).to_string()
        })
        .collect();
    findings.sort();
    (run.code, findings)
}

fn assert_layout_free(name: &str, layouts: &[Layout]) {
    let original = findings_without_locations(&fixture(name));
    assert!(!original.1.is_empty(), "{name} has findings to compare");
    for &layout in layouts {
        let dir = rewrite(name, layout);
        let moved = findings_without_locations(dir.path());
        assert_eq!(
            moved, original,
            "{name} rewritten as {layout:?} gives other findings"
        );
    }
}

const ALL: &[Layout] = &[
    Layout::OneFile,
    Layout::FilePerRecord,
    Layout::OneFileReversed,
];

#[test]
fn divergence_is_independent_of_layout() {
    assert_layout_free("figure-divergence", ALL);
}

#[test]
fn conflicts_and_attributions_are_independent_of_layout() {
    assert_layout_free("attribution-contradicted", ALL);
    assert_layout_free("label-values-different", ALL);
    assert_layout_free("varying-figure-same-year", ALL);
}

#[test]
fn data_errors_are_independent_of_layout() {
    assert_layout_free("several-errors", ALL);
    assert_layout_free("unused-source-and-speaker", ALL);
    // Which of two records sharing an id comes first depends on record order, so the duplicates
    // keep their order here.
    assert_layout_free("duplicate-ids", &[Layout::OneFile, Layout::FilePerRecord]);
    assert_layout_free("unknown-reference", ALL);
    assert_layout_free("missing-value", ALL);
    assert_layout_free("uncited-claim", ALL);
}

#[test]
fn basis_cycle_in_file_order_is_independent_of_layout() {
    assert_layout_free("basis-cycle", &[Layout::OneFile, Layout::FilePerRecord]);
}

/// Reversing the records of a basis cycle changes the cycle's message (where it starts) and the
/// origin the single-origin finding names (`weekly` becomes `daily`): origins are searched in
/// record order.
#[test]
fn basis_cycle_is_independent_of_record_order() {
    assert_layout_free("basis-cycle", &[Layout::OneFileReversed]);
}

#[test]
fn rewritten_layouts_really_move_records() {
    let dir = rewrite("figure-divergence", Layout::FilePerRecord);
    let run = run_in(dir.path(), &["check", "--format", "json"]);
    let json = run.json();
    let files: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        files,
        ["claims/part0/r000.toml", "claims/part2/r002.toml"],
        "{}",
        run.stdout
    );
}

/// `not_compared` lists claims in record order (src/compare.rs sorts it by claim index), where
/// every value lists its claims by id: reversing the records reverses the list.
#[test]
fn not_compared_is_independent_of_record_order() {
    let not_compared = |dir: &Path| {
        let run = run_in(dir, &["report", "--format", "json"]);
        run.json()["figures"][0]["not_compared"].clone()
    };
    let name = "varying-figure-different-years";
    let reversed = rewrite(name, Layout::OneFileReversed);
    assert_eq!(not_compared(reversed.path()), not_compared(&fixture(name)));
}
