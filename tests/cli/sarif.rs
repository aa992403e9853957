//! `check --format sarif`: every log valid against the OASIS SARIF 2.1.0 schema (vendored under
//! tests/data/sarif), every finding code a rule, results at the places the findings are, and the
//! exit codes of the other formats.

use crate::support::{fixture, manifest_dir, run_in, temp_copy};
use claimtrack::finding::{Code, Severity};
use serde_json::Value;
use std::path::Path;
use std::sync::OnceLock;

fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let path = manifest_dir().join("tests/data/sarif/sarif-schema-2.1.0.json");
        let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .expect("the SARIF schema compiles")
    })
}

/// The schema gives `artifactLocation.uri` the format `uri-reference`, which draft 04 (the
/// schema's draft) does not define, so a draft 04 validator passes any string: check it under the
/// draft 07 definition.
fn uri_reference() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let schema = serde_json::json!({
            "$schema": "http://json-schema.org/draft-07/schema#",
            "type": "string",
            "format": "uri-reference"
        });
        jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .unwrap()
    })
}

/// Every artifact URI in `value`.
fn uris(value: &Value, out: &mut Vec<Value>) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                match (key.as_str(), value.get("uri")) {
                    ("artifactLocation", Some(uri)) => out.push(uri.clone()),
                    _ => uris(value, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| uris(item, out)),
        _ => {}
    }
}

/// Every way `log` breaks the SARIF 2.1.0 schema, one a line.
fn schema_errors(log: &Value) -> Vec<String> {
    let mut errors: Vec<String> = validator()
        .iter_errors(log)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect();
    let mut found = Vec::new();
    uris(log, &mut found);
    for uri in found {
        if !uri_reference().is_valid(&uri) {
            errors.push(format!("{uri} is no URI reference"));
        }
    }
    errors
}

/// `check --format sarif ARGS` in `dir`: the exit code and the log, checked against the schema.
fn sarif_in(dir: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["check", "--format", "sarif"];
    all.extend_from_slice(args);
    let run = run_in(dir, &all);
    let log = run.json();
    let errors = schema_errors(&log);
    assert!(
        errors.is_empty(),
        "not valid SARIF 2.1.0:\n{}",
        errors.join("\n")
    );
    (run.code, log)
}

fn results(log: &Value) -> &Vec<Value> {
    log["runs"][0]["results"]
        .as_array()
        .expect("the run has results")
}

#[test]
fn the_schema_rejects_what_sarif_forbids() {
    let (_, mut log) = sarif_in(&fixture("several-errors"), &[]);
    log["runs"][0]["results"][0]["level"] = "info".into();
    assert!(!schema_errors(&log).is_empty(), "`info` is no SARIF level");
    let (_, mut log) = sarif_in(&fixture("several-errors"), &[]);
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        0.into();
    assert!(!schema_errors(&log).is_empty(), "lines start at 1");
    let (_, mut log) = sarif_in(&fixture("several-errors"), &[]);
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] =
        "claims/a b.toml".into();
    assert!(!schema_errors(&log).is_empty(), "a URI holds no space");
}

#[test]
fn every_code_is_a_rule_with_its_explanation_and_default_level() {
    let (_, log) = sarif_in(&manifest_dir(), &[]);
    let driver = &log["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "claimtrack");
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), Code::ALL.len());
    for (rule, code) in rules.iter().zip(Code::ALL) {
        assert_eq!(rule["id"], code.name());
        assert_eq!(rule["shortDescription"]["text"], code.summary());
        assert_eq!(rule["fullDescription"]["text"], code.explanation());
        assert_eq!(rule["help"]["text"], code.explanation());
        let level = match code.default_severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "note",
        };
        assert_eq!(rule["defaultConfiguration"]["level"], level, "{code}");
    }
}

#[test]
fn shipped_claim_base_passes_with_no_results() {
    let (code, log) = sarif_in(&manifest_dir(), &[]);
    assert_eq!(code, 0);
    assert!(results(&log).is_empty(), "{log:#}");
}

/// The 1-based line and the columns (of the first character, and of the one after the last) of
/// the one occurrence of `needle` in `text`.
fn place_of(text: &str, needle: &str) -> (u64, u64, u64) {
    assert_eq!(text.matches(needle).count(), 1, "`{needle}` occurs once");
    let offset = text.find(needle).unwrap();
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..offset].matches('\n').count() + 1;
    let column = text[line_start..offset].chars().count() + 1;
    let end = column + needle.chars().count();
    (line as u64, column as u64, end as u64)
}

fn region_of(result: &Value) -> (String, u64, u64, u64, u64) {
    let location = &result["locations"][0]["physicalLocation"];
    let region = &location["region"];
    let number = |key: &str| region[key].as_u64().unwrap();
    (
        location["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .to_string(),
        number("startLine"),
        number("startColumn"),
        number("endLine"),
        number("endColumn"),
    )
}

#[test]
fn results_sit_where_the_findings_are() {
    let dir = fixture("several-errors");
    let (code, log) = sarif_in(&dir, &[]);
    assert_eq!(code, 1, "errors fail the gate");
    let text = std::fs::read_to_string(dir.join("claims/claims.toml")).unwrap();
    for (rule, literal) in [
        ("unknown-reference", "\"minstry\""),
        ("invalid-date", "\"2020-13\""),
    ] {
        let result = results(&log)
            .iter()
            .find(|r| r["ruleId"] == rule)
            .unwrap_or_else(|| panic!("no {rule} in {log:#}"));
        assert_eq!(result["level"], "error");
        let (line, column, end) = place_of(&text, literal);
        assert_eq!(
            region_of(result),
            ("claims/claims.toml".to_string(), line, column, line, end),
            "{rule}"
        );
        assert_eq!(
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"],
            "%SRCROOT%"
        );
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(Code::ALL[index].name(), rule);
    }
}

#[test]
fn results_agree_with_the_json_format_finding_for_finding() {
    let dir = fixture("several-errors");
    // JSON always carries info findings; SARIF with `--show-info`.
    let (_, log) = sarif_in(&dir, &["--show-info"]);
    let json = run_in(&dir, &["check", "--format", "json"]).json();
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(results(&log).len(), findings.len());
    for (result, finding) in results(&log).iter().zip(findings) {
        let number = |key: &str| finding[key].as_u64().unwrap();
        assert_eq!(result["ruleId"], finding["code"]);
        assert_eq!(
            region_of(result),
            (
                finding["file"].as_str().unwrap().to_string(),
                number("line"),
                number("column"),
                number("end_line"),
                number("end_column")
            )
        );
        let message = result["message"]["text"].as_str().unwrap();
        assert!(
            message.starts_with(finding["message"].as_str().unwrap()),
            "{message}"
        );
    }
}

#[test]
fn related_places_are_related_locations() {
    let (_, log) = sarif_in(&fixture("several-errors"), &[]);
    let duplicate = results(&log)
        .iter()
        .find(|r| r["ruleId"] == "duplicate-id")
        .expect("a duplicate-id result");
    let related = &duplicate["relatedLocations"][0];
    assert_eq!(
        related["physicalLocation"]["artifactLocation"]["uri"],
        "claims/claims.toml"
    );
    let text =
        std::fs::read_to_string(fixture("several-errors").join("claims/claims.toml")).unwrap();
    let first_definition = text
        .lines()
        .position(|line| line == "id = \"watchdog/detained\"")
        .unwrap()
        + 1;
    assert_eq!(
        related["physicalLocation"]["region"]["startLine"],
        first_definition as u64
    );
}

#[test]
fn warnings_fail_only_with_deny_warnings() {
    let dir = fixture("value-not-in-quote");
    let (code, log) = sarif_in(&dir, &[]);
    assert_eq!(code, 0);
    assert_eq!(results(&log).len(), 1);
    assert_eq!(results(&log)[0]["level"], "warning");
    let (code, _) = sarif_in(&dir, &["--deny", "warnings"]);
    assert_eq!(code, 1);
}

#[test]
fn info_findings_are_notes_shown_on_request() {
    let dir = fixture("figure-conflict-exact");
    let (code, log) = sarif_in(&dir, &[]);
    assert_eq!(code, 0);
    assert!(results(&log).is_empty(), "{log:#}");
    let (code, log) = sarif_in(&dir, &["--show-info"]);
    assert_eq!(code, 0);
    assert_eq!(results(&log).len(), 2);
    for result in results(&log) {
        assert_eq!(result["ruleId"], "figure-conflict");
        assert_eq!(result["level"], "note");
    }
}

#[test]
fn a_severity_setting_sets_the_level_but_not_the_default() {
    let (code, log) = sarif_in(&fixture("severity-override"), &[]);
    assert_eq!(code, 1);
    let result = &results(&log)[0];
    assert_eq!(result["ruleId"], "unsupported-assertion");
    assert_eq!(result["level"], "error");
    let index = result["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(
        log["runs"][0]["tool"]["driver"]["rules"][index]["defaultConfiguration"]["level"],
        "note"
    );
}

#[test]
fn archived_texts_are_named_by_file_uri() {
    let archive = fixture("archive-texts");
    let (code, log) = sarif_in(
        &fixture("archive-quotes"),
        &["--archive", archive.to_str().unwrap()],
    );
    assert_eq!(code, 1);
    let misquoted = results(&log)
        .iter()
        .find(|r| r["ruleId"] == "quote-not-found")
        .expect("a quote-not-found result");
    let related = &misquoted["relatedLocations"][0]["physicalLocation"]["artifactLocation"];
    let uri = related["uri"].as_str().unwrap();
    assert!(
        uri.starts_with("file:///") && uri.ends_with("archive-texts/statement.txt"),
        "{uri}"
    );
    assert!(related.get("uriBaseId").is_none(), "{related}");
}

#[test]
fn paths_and_record_text_stay_data() {
    let dir = temp_copy(&fixture("several-errors"));
    std::fs::rename(
        dir.path().join("claims/more.toml"),
        dir.path().join("claims/more #1?.toml"),
    )
    .unwrap();
    let (_, log) = sarif_in(dir.path(), &[]);
    assert!(
        results(&log)
            .iter()
            .any(|r| region_of(r).0 == "claims/more%20%231%3F.toml"),
        "{log:#}"
    );

    let (_, log) = sarif_in(&fixture("hostile-text"), &["--show-info"]);
    assert!(
        results(&log).iter().any(|r| r["message"]["text"]
            .as_str()
            .unwrap()
            .contains("::error file=y.toml::forged\u{1b}[2J")),
        "record text is carried as JSON string data: {log:#}"
    );
}

#[test]
fn the_documented_example_is_valid_and_what_the_tool_writes() {
    let doc = std::fs::read_to_string(manifest_dir().join("docs/sarif.md")).unwrap();
    let block = doc
        .split("```json\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("docs/sarif.md shows a JSON example");
    let example: Value = serde_json::from_str(block).unwrap();
    let errors = schema_errors(&example);
    assert!(errors.is_empty(), "{}", errors.join("\n"));

    let (_, log) = sarif_in(&fixture("several-errors"), &[]);
    let wanted = &results(&example)[0];
    assert!(
        results(&log).contains(wanted),
        "the example's result drifted from the output"
    );
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert!(rules.contains(&example["runs"][0]["tool"]["driver"]["rules"][0]));
}
