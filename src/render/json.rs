//! JSON: the report model and the check outcome serialised as they are, in the contract of
//! docs/json.md, so JSON shows exactly what every other format shows.

use super::Style;
use crate::view::check::{CheckView, Summary};
use crate::view::located;
use crate::view::report::{FindingView, Report};
use serde::Serialize;
use std::io;

/// `report --format json`.
pub fn render(report: &Report, style: &Style) -> String {
    super::collect(|out| write(report, style, out))
}

/// `report --format json`, serialised straight to `writer`.
pub fn write(report: &Report, _style: &Style, writer: &mut dyn io::Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *writer, report)?;
    writer.write_all(b"\n")
}

#[derive(Serialize)]
struct CheckOutput {
    findings: Vec<FindingView>,
    summary: Summary,
}

/// `check --format json`: every finding, info included, and how many fail the gate.
pub fn render_check(view: &CheckView, _style: &Style) -> String {
    let output = CheckOutput {
        findings: view
            .findings
            .iter()
            .map(|finding| located(view.files, finding, view.figure_of(finding)))
            .collect(),
        summary: view.summary,
    };
    to_json(&output)
}

fn to_json(value: &impl Serialize) -> String {
    // The views hold only strings, numbers and maps with string keys, which always serialise.
    serde_json::to_string_pretty(value).expect("views serialise to JSON") + "\n"
}
