//! SARIF 2.1.0, the log format GitHub code scanning and IDEs read: one run whose tool lists every
//! finding code as a rule (its summary and `explain` text, its default level), and one result per
//! shown finding with its level, message and region.

use super::Style;
use crate::finding::{Code, Finding, Severity};
use crate::input::files::{FileId, Files, Location};
use crate::view::check::CheckView;
use serde::Serialize;

/// The schema the log declares: the OASIS SARIF 2.1.0 schema (errata 01).
const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The base every claim base path is relative to: the claim base root.
const ROOT_BASE: &str = "%SRCROOT%";

/// `check --format sarif`: the findings the human and GitHub formats show (info ones with
/// `--show-info`), as one SARIF run.
pub fn render(view: &CheckView, _style: &Style) -> String {
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "claimtrack",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules: Code::ALL.iter().map(|&code| rule(code)).collect(),
                },
            },
            column_kind: "unicodeCodePoints",
            results: view
                .shown()
                .map(|finding| result(view.files, finding))
                .collect(),
        }],
    };
    // The log holds only strings, numbers and arrays, which always serialise.
    serde_json::to_string_pretty(&log).expect("a SARIF log serialises to JSON") + "\n"
}

/// The SARIF level of a severity: info findings are notes.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn rule(code: Code) -> Rule {
    Rule {
        id: code.name(),
        short_description: Text {
            text: code.summary().to_string(),
        },
        full_description: Text {
            text: code.explanation().to_string(),
        },
        help: Text {
            text: code.explanation().to_string(),
        },
        default_configuration: Configuration {
            level: level(code.default_severity()),
        },
    }
}

fn result(files: &Files, finding: &Finding) -> SarifResult {
    let mut text = finding.message.to_string();
    if let Some(help) = &finding.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    SarifResult {
        rule_id: finding.code.name(),
        rule_index: Code::ALL
            .iter()
            .position(|&code| code == finding.code)
            .expect("every code is in Code::ALL"),
        level: level(finding.severity),
        message: Text { text },
        locations: vec![TopLocation {
            id: None,
            physical_location: physical(files, &finding.location, &finding.label),
            message: None,
        }],
        related_locations: finding
            .related
            .iter()
            .enumerate()
            .map(|(id, related)| TopLocation {
                id: Some(id),
                physical_location: physical(files, &related.location, ""),
                message: Some(Text {
                    text: related.message.to_string(),
                }),
            })
            .collect(),
    }
}

fn physical(files: &Files, location: &Location, label: &str) -> PhysicalLocation {
    let file = files.get(location.file);
    let span = location.span().start..location.span().end.max(location.span().start);
    let (start, end) = file.span_line_cols(&span);
    PhysicalLocation {
        artifact_location: artifact(files, location.file),
        region: Region {
            start_line: start.line,
            start_column: start.column,
            end_line: end.line,
            end_column: end.column,
            message: (!label.is_empty()).then(|| Text {
                text: label.to_string(),
            }),
        },
    }
}

/// A file of the claim base by its path below the root; a file from outside it (an archived text)
/// by the path it was given, as a `file:` URI when that path is absolute.
fn artifact(files: &Files, id: FileId) -> ArtifactLocation {
    let file = files.get(id);
    if !file.external {
        return ArtifactLocation {
            uri: encode_path(&file.path),
            uri_base_id: Some(ROOT_BASE),
        };
    }
    let path = file.path.replace('\\', "/");
    let uri = if path.starts_with('/') {
        format!("file://{}", encode_path(&path))
    } else {
        encode_path(&path)
    };
    ArtifactLocation {
        uri,
        uri_base_id: None,
    }
}

/// A path as a URI path: every byte but the unreserved characters and `/` percent-encoded, so a
/// space, `%`, `#`, `?` or a `:` in the first segment cannot change what the URI names.
fn encode_path(path: &str) -> String {
    let mut uri = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    short_description: Text,
    full_description: Text,
    help: Text,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<TopLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<TopLocation>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TopLocation {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_percent_encoded_except_unreserved_characters_and_slashes() {
        assert_eq!(
            encode_path("claims/doc-1_a.b~.toml"),
            "claims/doc-1_a.b~.toml"
        );
        assert_eq!(
            encode_path("claims/a b%#?.toml"),
            "claims/a%20b%25%23%3F.toml"
        );
        assert_eq!(encode_path("c:/x"), "c%3A/x");
        assert_eq!(encode_path("claims/é.toml"), "claims/%C3%A9.toml");
    }

    #[test]
    fn info_findings_are_notes() {
        assert_eq!(level(Severity::Error), "error");
        assert_eq!(level(Severity::Warning), "warning");
        assert_eq!(level(Severity::Info), "note");
    }
}
