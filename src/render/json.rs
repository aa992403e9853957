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

/// `report --format json`, serialised straight to `writer`: the bytes `serde_json` writes for the
/// whole report, with the elements of its lists serialised on every core (a report on 100,000
/// claims is a quarter of a gigabyte of JSON).
pub fn write(report: &Report, _style: &Style, writer: &mut dyn io::Write) -> io::Result<()> {
    writer.write_all(b"{")?;
    write_list(writer, "figures", &report.figures, true)?;
    write_list(writer, "sources", &report.sources, false)?;
    write_list(writer, "speakers", &report.speakers, false)?;
    write_list(writer, "claims", &report.claims, false)?;
    write_list(writer, "findings", &report.findings, false)?;
    writer.write_all(b"\n}\n")
}

/// One field of the report object, a list, as `serde_json`'s pretty printer lays it out at that
/// depth: each element on its own lines, indented two levels.
fn write_list<T: Serialize + Sync>(
    writer: &mut dyn io::Write,
    name: &str,
    items: &[T],
    first: bool,
) -> io::Result<()> {
    let separator = if first { "" } else { "," };
    write!(writer, "{separator}\n  \"{name}\": [")?;
    if items.is_empty() {
        return writer.write_all(b"]");
    }
    super::write_sections(items, writer, |i, item| {
        let separator = if i == 0 { "" } else { "," };
        // A newline in the JSON text is always layout (one in a string is escaped): indenting
        // after each moves the element two levels in.
        let element = to_json(item).trim_end_matches('\n').replace('\n', "\n    ");
        format!("{separator}\n    {element}")
    })?;
    writer.write_all(b"\n  ]")
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{FIGURE, SOURCES, checked, claim};

    #[test]
    fn the_report_is_written_as_serde_json_writes_it_whole() {
        let claims = [
            FIGURE.to_string(),
            claim("a", "30,000", "watchdog", ""),
            claim("b", "at least 5,000", "outlet", ""),
            claim(
                "c",
                "about 4,000",
                "watchdog",
                "note = \"a \\\"quoted\\\" note\\nover two lines\"",
            ),
        ]
        .concat();
        let report = crate::view::build(&checked(SOURCES, &claims), None);
        assert!(!report.findings.is_empty() && !report.sources.is_empty());
        let whole = serde_json::to_string_pretty(&report).unwrap() + "\n";
        assert_eq!(render(&report, &Style::default()), whole);

        let empty = crate::view::build(&checked(SOURCES, ""), None);
        assert!(empty.claims.is_empty());
        let whole = serde_json::to_string_pretty(&empty).unwrap() + "\n";
        assert_eq!(render(&empty, &Style::default()), whole);
    }
}
