//! `claimtrack schema`: the committed JSON Schemas are the generated ones, and `.taplo.toml`
//! points each folder's record files at its schema. `scripts/taplo.sh` runs Taplo itself.

use crate::support::{manifest_dir, run_in};
use claimtrack::input::loader::Folder;
use claimtrack::input::schema::committed_path;

const FOLDERS: [Folder; 2] = [Folder::Claims, Folder::Sources];

#[test]
fn committed_schemas_are_the_generated_ones() {
    for folder in FOLDERS {
        let path = committed_path(folder);
        let generated = run_in(&manifest_dir(), &["schema", folder.name()]);
        assert_eq!(generated.code, 0, "{}", generated.stderr);
        let committed = std::fs::read_to_string(manifest_dir().join(&path)).unwrap_or_default();
        assert!(
            committed == generated.stdout,
            "{path} is not what the record types generate: the record types changed. Regenerate \
             it with `cargo run -- schema {} > {path}` and commit it.",
            folder.name()
        );
    }
}

#[test]
fn schemas_are_json_schema_draft_07() {
    for folder in FOLDERS {
        let out = run_in(&manifest_dir(), &["schema", folder.name()]);
        let schema = out.json();
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
        let tables: Vec<&String> = schema["properties"].as_object().unwrap().keys().collect();
        assert_eq!(tables.len(), folder.tables().len());
        for table in folder.tables() {
            assert_eq!(schema["properties"][table]["type"], "array", "{table}");
        }
    }
}

#[test]
fn taplo_config_maps_each_folder_to_its_schema() {
    let text = std::fs::read_to_string(manifest_dir().join(".taplo.toml")).unwrap();
    let config: toml::Table = toml::from_str(&text).unwrap();
    let rules = config["rule"].as_array().expect("[[rule]] tables");
    let mapped: Vec<(Vec<&str>, &str)> = rules
        .iter()
        .map(|rule| {
            let include = rule["include"].as_array().unwrap();
            let include = include.iter().map(|glob| glob.as_str().unwrap()).collect();
            (include, rule["schema"]["path"].as_str().unwrap())
        })
        .collect();
    for folder in FOLDERS {
        let glob = format!("{}/**/*.toml", folder.name());
        let path = committed_path(folder);
        assert!(
            mapped.contains(&(vec![glob.as_str()], path.as_str())),
            "no rule maps {glob} to {path} in {mapped:?}"
        );
    }
    assert_eq!(mapped.len(), FOLDERS.len(), "{mapped:?}");
}

#[test]
fn an_unknown_folder_is_a_usage_error() {
    let out = run_in(&manifest_dir(), &["schema", "claim"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("claims"), "{}", out.stderr);
    assert!(out.stdout.is_empty());
}
