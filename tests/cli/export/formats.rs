//! CSV, JSON-LD and DOT read back: CSV by the `csv` crate against the database, JSON-LD against
//! the report and the vendored schema.org context, DOT by a lexer of its quoted strings; each on
//! record text written to break it.

use super::{cell, database, export, report, rows};
use crate::support::{fixture, manifest_dir};
use claimtrack::render::sanitize::one_line;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use tempfile::TempDir;

const HOSTILE: [&str; 2] = ["export-hostile", "hostile-text"];

/// Every CSV file of the export of `base`: table name → header and records, read by the `csv`
/// crate (RFC 4180).
fn csv_tables(base: &Path) -> Vec<(String, Vec<String>, Vec<Vec<String>>)> {
    let out = TempDir::new().unwrap();
    export(
        base,
        &["--format", "csv", "--out", out.path().to_str().unwrap()],
    );
    let mut tables = Vec::new();
    for entry in std::fs::read_dir(out.path()).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            bytes.ends_with(b"\r\n"),
            "{} ends with CRLF",
            path.display()
        );
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        let header = reader.headers().unwrap().iter().map(String::from).collect();
        let records = reader
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        tables.push((name, header, records));
    }
    tables.sort();
    tables
}

/// What OWASP asks of a cell that a spreadsheet would run.
fn neutralised(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

#[test]
fn csv_files_hold_the_databases_tables_cell_for_cell() {
    let (_out, db) = database(&manifest_dir());
    let tables = csv_tables(&manifest_dir());
    let names: Vec<String> = rows(
        &db,
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
    )
    .into_iter()
    .map(|row| row[0].clone())
    .collect();
    let csv_names: Vec<String> = tables.iter().map(|(name, ..)| name.clone()).collect();
    assert_eq!(csv_names, names);
    for (name, header, records) in tables {
        let columns: Vec<String> = rows(&db, &format!("PRAGMA table_info(\"{name}\")"))
            .into_iter()
            .map(|row| row[1].clone())
            .collect();
        assert_eq!(header, columns, "columns of {name}");
        let stored: Vec<Vec<String>> = rows(&db, &format!("SELECT * FROM \"{name}\""))
            .into_iter()
            .map(|row| {
                let as_csv = |c: String| {
                    if c == "NULL" {
                        String::new()
                    } else {
                        neutralised(&c)
                    }
                };
                row.into_iter().map(as_csv).collect()
            })
            .collect();
        assert_eq!(records, stored, "rows of {name}");
    }
}

#[test]
fn csv_cells_never_start_a_spreadsheet_formula() {
    for base in HOSTILE {
        for (name, _, records) in csv_tables(&fixture(base)) {
            for field in records.iter().flatten() {
                assert!(
                    !field.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{base}: {name}.csv holds {field:?}"
                );
            }
        }
    }
    let tables = csv_tables(&fixture("export-hostile"));
    let column = |table: &str, name: &str| -> Vec<String> {
        let (_, header, records) = tables.iter().find(|(t, ..)| t == table).unwrap();
        let index = header.iter().position(|h| h == name).unwrap();
        records.iter().map(|r| r[index].clone()).collect()
    };
    assert_eq!(column("aliases", "alias"), ["'-2+3", "'@SUM(A1:A9)"]);
    assert_eq!(column("sources", "note"), ["'\t=cmd|' /C calc'!A0"]);
    assert!(column("speakers", "note").contains(&"'\r=1+1 after a carriage return".to_string()));
    // Each text of each claim, line breaks and quotes included, comes back as recorded.
    let report = report(&fixture("export-hostile"));
    for field in ["id", "value", "statement", "quote", "locator"] {
        let expected: Vec<String> = report["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c[field].as_str().map_or(String::new(), neutralised))
            .collect();
        assert_eq!(column("claims", field), expected, "claims.{field}");
    }
    assert!(column("value_groups", "value").contains(&"'=HYPERLINK(\"x\")".to_string()));
}

fn jsonld(base: &Path) -> Value {
    let run = export(base, &["--format", "jsonld"]);
    serde_json::from_str(&run.stdout).expect("the export is JSON")
}

/// The node with this `@id`.
fn node_of<'a>(document: &'a Value, id: &str) -> &'a Value {
    document["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["@id"] == id)
        .unwrap_or_else(|| panic!("no node {id}"))
}

fn iri(kind: &str, id: &Value) -> Value {
    Value::String(format!("urn:claimtrack:{kind}:{}", id.as_str().unwrap()))
}

#[test]
fn jsonld_claims_carry_author_appearance_date_and_figure() {
    let document = jsonld(&manifest_dir());
    assert_eq!(document["@context"], "https://schema.org/");
    let report = report(&manifest_dir());
    let claims = report["claims"].as_array().unwrap();
    let graph = document["@graph"].as_array().unwrap();
    assert_eq!(
        graph.iter().filter(|n| n["@type"] == "Claim").count(),
        claims.len()
    );
    for claim in claims {
        let node = node_of(&document, iri("claim", &claim["id"]).as_str().unwrap());
        assert_eq!(node["@type"], "Claim");
        assert_eq!(node["identifier"], claim["id"]);
        assert_eq!(node["author"]["@id"], iri("speaker", &claim["speaker"]));
        assert_eq!(node["appearance"]["@id"], iri("source", &claim["source"]));
        assert_eq!(node["firstAppearance"], node["appearance"]);
        let source = node_of(&document, iri("source", &claim["source"]).as_str().unwrap());
        assert_eq!(node["datePublished"], source["datePublished"]);
        if claim["figure"].is_string() {
            assert_eq!(node["about"]["@id"], iri("figure", &claim["figure"]));
        }
        let text = claim["statement"].as_str().map(Value::from);
        assert_eq!(node["text"], text.unwrap_or_else(|| node["name"].clone()));
        assert!(node["text"].is_string(), "{} has a text", claim["id"]);
    }
    let kinds = report["speakers"].as_array().unwrap().iter().map(|s| {
        let node = node_of(&document, iri("speaker", &s["id"]).as_str().unwrap());
        (cell(&s["kind"]), cell(&node["@type"]))
    });
    let kinds: BTreeSet<(String, String)> = kinds.collect();
    for (kind, schema_type) in [
        ("person", "Person"),
        ("organisation", "Organization"),
        ("outlet", "NewsMediaOrganization"),
    ] {
        assert!(
            kinds.contains(&(kind.into(), schema_type.into())),
            "{kinds:?}"
        );
    }
}

/// Every key and type of `value` and the values nested in it.
fn terms(value: &Value, found: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                if key == "@type" {
                    found.insert(cell(inner));
                } else if !key.starts_with('@') {
                    found.insert(key.clone());
                }
                terms(inner, found);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| terms(item, found)),
        _ => {}
    }
}

#[test]
fn jsonld_speaks_only_schema_org_terms_and_never_rates() {
    let context: Value = serde_json::from_str(
        &std::fs::read_to_string(manifest_dir().join("tests/data/schemaorg/context.jsonld"))
            .unwrap(),
    )
    .unwrap();
    let defined = context["@context"].as_object().unwrap();
    for base in [manifest_dir(), fixture("export-hostile")] {
        let mut used = BTreeSet::new();
        terms(&jsonld(&base)["@graph"], &mut used);
        for term in &used {
            assert!(defined.contains_key(term), "{term} is no schema.org term");
            let lower = term.to_lowercase();
            assert!(
                !lower.contains("rating") && !lower.contains("review"),
                "{term}"
            );
        }
        assert!(used.contains("firstAppearance") && used.contains("Claim"));
    }
}

#[test]
fn jsonld_keeps_hostile_record_text_exactly() {
    for base in HOSTILE {
        let document = jsonld(&fixture(base));
        for claim in report(&fixture(base))["claims"].as_array().unwrap() {
            let node = node_of(&document, iri("claim", &claim["id"]).as_str().unwrap());
            if claim["statement"].is_string() {
                assert_eq!(node["text"], claim["statement"], "{base}");
            }
            if claim["quote"].is_string() {
                assert_eq!(node["citation"]["text"], claim["quote"], "{base}");
            }
        }
    }
}

/// The quoted strings of a DOT document, decoded, with the text outside them; fails the test if a
/// string runs past the end of its line.
fn dot_strings(dot: &str) -> (Vec<String>, String) {
    let (mut strings, mut outside) = (Vec::new(), String::new());
    for line in dot.lines() {
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            if c != '"' {
                outside.push(c);
                continue;
            }
            let mut text = String::new();
            loop {
                match chars.next() {
                    Some('"') => break,
                    Some('\\') => match chars.next() {
                        Some(escaped @ ('\\' | '"')) => text.push(escaped),
                        Some('n') => text.push('\n'),
                        other => panic!("unexpected escape {other:?} in {line}"),
                    },
                    Some(c) => text.push(c),
                    None => panic!("a string runs past its line: {line}"),
                }
            }
            strings.push(text);
        }
        outside.push('\n');
    }
    (strings, outside)
}

#[test]
fn dot_has_a_cluster_per_figure_and_a_node_per_claim() {
    let dot = export(&manifest_dir(), &["--format", "dot"]).stdout;
    let report = report(&manifest_dir());
    let clusters = dot.matches("subgraph \"cluster_figure:").count();
    assert_eq!(clusters, report["figures"].as_array().unwrap().len());
    for claim in report["claims"].as_array().unwrap() {
        let definition = format!("\"claim:{}\" [label=", cell(&claim["id"]));
        assert_eq!(dot.matches(&definition).count(), 1, "{definition}");
    }
    assert!(dot.starts_with("digraph claimtrack {\n") && dot.ends_with("}\n"));
}

#[test]
fn dot_strings_hold_hostile_record_text_and_nothing_escapes_them() {
    for base in HOSTILE {
        let dot = export(&fixture(base), &["--format", "dot"]).stdout;
        let (strings, outside) = dot_strings(&dot);
        let grammar = |c: char| c.is_ascii_alphanumeric() || " \n_=,;[]{}->".contains(c);
        assert!(
            outside.chars().all(grammar),
            "{base}: record text outside a string:\n{outside}"
        );
        let report = report(&fixture(base));
        for claim in report["claims"].as_array().unwrap() {
            let tooltip = claim["statement"].as_str().or(claim["quote"].as_str());
            if let Some(text) = tooltip {
                assert!(
                    strings.contains(&one_line(text)),
                    "{base}: tooltip {text:?}"
                );
            }
        }
        for speaker in report["speakers"].as_array().unwrap() {
            let name = one_line(speaker["name"].as_str().unwrap());
            assert!(
                strings.iter().any(|s| s.starts_with(&name)),
                "{base}: {name:?}"
            );
        }
    }
}
