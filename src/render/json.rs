//! Findings as JSON objects with file, line and column, shared by `check --format json` and the
//! JSON report so both describe a finding the same way.

use crate::files::Files;
use crate::finding::{Code, Finding, Severity};
use serde::Serialize;

#[derive(Serialize)]
pub struct JsonFinding<'a> {
    pub code: Code,
    pub severity: Severity,
    pub message: &'a str,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<&'a str>,
    pub claims: &'a [String],
    pub related: Vec<JsonRelated<'a>>,
}

#[derive(Serialize)]
pub struct JsonRelated<'a> {
    pub message: &'a str,
    pub file: String,
    pub line: usize,
    pub column: usize,
}

impl<'a> JsonFinding<'a> {
    pub fn new(files: &Files, finding: &'a Finding) -> Self {
        let start = files.line_col(&finding.location);
        let end = files.get(finding.location.file).line_col(finding.location.span.end);
        Self {
            code: finding.code,
            severity: finding.severity,
            message: &finding.message,
            file: files.display_path(finding.location.file),
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            label: &finding.label,
            help: finding.help.as_deref(),
            claims: &finding.claims,
            related: finding
                .related
                .iter()
                .map(|related| {
                    let at = files.line_col(&related.location);
                    JsonRelated {
                        message: &related.message,
                        file: files.display_path(related.location.file),
                        line: at.line,
                        column: at.column,
                    }
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
struct CheckOutput<'a> {
    findings: Vec<JsonFinding<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct Summary {
    errors: usize,
    warnings: usize,
    infos: usize,
    failed: usize,
}

/// `check --format json`: every finding, and how many fail the gate.
pub fn render_check(files: &Files, findings: &[Finding], failed: usize) -> String {
    let count = |severity| findings.iter().filter(|f| f.severity == severity).count();
    let output = CheckOutput {
        findings: findings.iter().map(|f| JsonFinding::new(files, f)).collect(),
        summary: Summary {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
            failed,
        },
    };
    serde_json::to_string_pretty(&output).expect("findings serialise") + "\n"
}
