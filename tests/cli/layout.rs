//! How records are spread over files and in which order they stand changes no result, only the
//! places shown. A property test splits each fixture's records (and the shipped claim base's) into
//! random files in random order, and the snapshot, the report without locations, and the findings
//! without locations must all stay the same.

use crate::support::{fixture, manifest_dir};
use claimtrack::input::loader::FileInput;
use proptest::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

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

/// What a claim base shows, with every file location removed: the snapshot, the report JSON and
/// the findings.
fn location_free(root: &Path, inputs: Vec<FileInput>) -> (String, Value) {
    let config = std::fs::read_to_string(root.join("claimtrack.toml")).ok();
    let checked = claimtrack::open_inputs(root, inputs, config);
    let report = claimtrack::view::build(&checked, None);
    let snapshot = claimtrack::render::snapshot::render(&report);
    let mut json = serde_json::to_value(&report).unwrap();
    strip_locations(&mut json);
    // Findings are listed by file and position; without their locations they are a set.
    if let Some(Value::Array(findings)) = json.get_mut("findings") {
        findings.sort_by_key(Value::to_string);
    }
    (snapshot, json)
}

fn strip_locations(value: &mut Value) {
    match value {
        Value::Object(object) => {
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
            object.values_mut().for_each(strip_locations);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_locations),
        _ => {}
    }
}

/// The records of `root` laid out as `files` files per folder: record `i` of the (shuffled) list
/// goes to file `assignment[i] % files`.
fn layout(root: &Path, order: &[usize], assignment: &[usize], files: usize) -> Vec<FileInput> {
    let mut inputs = Vec::new();
    for folder in ["sources", "claims"] {
        let records = records(&root.join(folder));
        let mut texts = vec![String::new(); files];
        for &i in order.iter().filter(|&&i| i < records.len()) {
            texts[assignment[i] % files].push_str(&records[i]);
            texts[assignment[i] % files].push('\n');
        }
        // An empty file is a finding of its own; a layout only moves records.
        for (n, text) in texts.into_iter().enumerate().filter(|(_, t)| !t.is_empty()) {
            inputs.push(FileInput {
                path: format!("{folder}/part{n}/records.toml"),
                content: Ok(text.into_bytes()),
            });
        }
    }
    inputs
}

fn as_written(root: &Path) -> Vec<FileInput> {
    ["sources", "claims"]
        .iter()
        .flat_map(|folder| toml_files(&root.join(folder)))
        .map(|path| FileInput {
            path: path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/"),
            content: Ok(std::fs::read(&path).unwrap()),
        })
        .collect()
}

/// Fixtures whose results must not depend on layout or order. `duplicate-ids` and `several-errors`
/// are left out: which of two records sharing an id counts as the first is their order, by design.
const BASES: &[&str] = &[
    "figure-divergence",
    "attribution-contradicted",
    "label-values-different",
    "varying-figure-same-year",
    "varying-figure-different-years",
    "unused-source-and-speaker",
    "unknown-reference",
    "missing-value",
    "uncited-claim",
    "basis-cycle",
    "single-origin",
    "running-toll",
];

fn root_of(base: usize) -> PathBuf {
    BASES
        .get(base)
        .map_or_else(manifest_dir, |name| fixture(name))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Base index `BASES.len()` is the shipped claim base.
    #[test]
    fn any_split_and_order_of_the_records_gives_the_same_results(
        base in 0..=BASES.len(),
        order in Just((0..200).collect::<Vec<usize>>()).prop_shuffle(),
        assignment in prop::collection::vec(0usize..8, 200),
        files in 1usize..6,
    ) {
        let root = root_of(base);
        let expected = location_free(&root, as_written(&root));
        let moved = location_free(&root, layout(&root, &order, &assignment, files));
        prop_assert_eq!(&moved.0, &expected.0, "snapshot of {}", root.display());
        prop_assert_eq!(&moved.1, &expected.1, "report of {}", root.display());
    }
}

#[test]
fn the_layouts_really_move_records() {
    let root = fixture("figure-divergence");
    let order: Vec<usize> = (0..200).rev().collect();
    let inputs = layout(&root, &order, &vec![1; 200], 3);
    let checked = claimtrack::open_inputs(&root, inputs, None);
    let files: Vec<&str> = checked
        .findings
        .iter()
        .map(|f| checked.base.files.display_path(f.location.file))
        .collect();
    assert!(
        files
            .iter()
            .all(|&file| file == "claims/part1/records.toml"),
        "{files:?}"
    );
}
