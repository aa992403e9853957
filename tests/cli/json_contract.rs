//! The JSON contract of docs/json.md is the JSON the tool writes: every object of a report on bases
//! that use every part of the format has exactly the keys the document lists.

use crate::support::{fixture, manifest_dir, run_in};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The documented keys of each object, from the list under "The keys of each object".
fn documented() -> BTreeMap<String, Vec<(String, bool)>> {
    let text = std::fs::read_to_string(manifest_dir().join("docs/json.md")).unwrap();
    let mut objects = BTreeMap::new();
    for line in text.lines() {
        let Some(rest) = line.strip_prefix("- **") else {
            continue;
        };
        let Some((name, keys)) = rest.split_once("**: ") else {
            continue;
        };
        let keys = keys
            .split(", ")
            .map(|key| {
                let optional = key.ends_with("(optional)");
                (
                    key.split('`').nth(1).unwrap_or_default().to_string(),
                    optional,
                )
            })
            .collect();
        objects.insert(name.to_string(), keys);
    }
    objects
}

fn check(kind: &str, object: &Map<String, Value>, docs: &BTreeMap<String, Vec<(String, bool)>>) {
    let expected = docs
        .get(kind)
        .unwrap_or_else(|| panic!("docs/json.md lists no keys for `{kind}`"));
    let mut written: Vec<&str> = object.keys().map(String::as_str).collect();
    let mut wanted: Vec<&str> = expected
        .iter()
        .filter(|(key, optional)| !optional || object.contains_key(key))
        .map(|(key, _)| key.as_str())
        .collect();
    written.sort_unstable();
    wanted.sort_unstable();
    assert_eq!(
        written, wanted,
        "the keys of a `{kind}` drift from docs/json.md"
    );
}

fn each<'a>(value: &'a Value, key: &str) -> impl Iterator<Item = &'a Map<String, Value>> {
    value[key]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
}

fn check_report(json: &Value, docs: &BTreeMap<String, Vec<(String, bool)>>) {
    check("report", json.as_object().unwrap(), docs);
    for figure in each(json, "figures") {
        check("figure", figure, docs);
        let summary = &figure["summary"];
        check("summary", summary.as_object().unwrap(), docs);
        for end in ["lowest", "highest"] {
            if let Some(end) = summary[end].as_object() {
                check("end", end, docs);
            }
        }
        each(summary, "latest_by_origin").for_each(|o| check("latest", o, docs));
        for window in each(&Value::Object(figure.clone()), "windows") {
            check("window", window, docs);
            let window = Value::Object(window.clone());
            each(&window, "values").for_each(|o| check("value", o, docs));
            each(&window, "conflicts").for_each(|o| check("conflict", o, docs));
        }
        each(&Value::Object(figure.clone()), "not_compared")
            .for_each(|o| check("not_compared", o, docs));
    }
    each(json, "sources").for_each(|o| check("source", o, docs));
    each(json, "speakers").for_each(|o| check("speaker", o, docs));
    for claim in each(json, "claims") {
        check("claim", claim, docs);
        each(&Value::Object(claim.clone()), "chain").for_each(|o| check("link", o, docs));
    }
    for finding in each(json, "findings") {
        check("finding", finding, docs);
        check("key", finding["key"].as_object().unwrap(), docs);
        each(&Value::Object(finding.clone()), "related").for_each(|o| check("related", o, docs));
    }
}

#[test]
fn every_object_has_the_keys_docs_json_lists() {
    let docs = documented();
    assert!(
        docs.len() >= 16,
        "the key list in docs/json.md was not found: {docs:?}"
    );
    for root in [
        manifest_dir(),
        fixture("wire-repeats"),
        fixture("two-clusters"),
        fixture("varying-figure-different-years"),
        fixture("several-errors"),
    ] {
        let run = run_in(&root, &["report", "--format", "json"]);
        assert_eq!(run.code, 0, "{}: {}", root.display(), run.stderr);
        check_report(&run.json(), &docs);
    }
}
