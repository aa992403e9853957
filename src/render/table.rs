//! The consistency report for a terminal: per figure a heading, its summary and a comfy-table with
//! one row per claim, then the findings. Fits the terminal width; colour only on a terminal.

use crate::finding::{Finding, Severity};
use crate::input::files::Files;
use crate::view::report::{Report, Row};
use comfy_table::{
    Attribute, Cell, Color, ContentArrangement, Table, presets::UTF8_FULL_CONDENSED,
};
use std::fmt::Write;

pub struct Style {
    pub colour: bool,
    /// Terminal width to fit the tables to; `None` leaves rows unwrapped.
    pub width: Option<u16>,
}

const HEADER: [&str; 9] = [
    "claim",
    "value",
    "reading",
    "speaker",
    "source",
    "as of",
    "attribution",
    "origin",
    "flags",
];

pub fn render(report: &Report, files: &Files, findings: &[Finding], style: &Style) -> String {
    let mut out = String::new();
    for section in &report.figures {
        let unit = section
            .unit
            .as_deref()
            .map(|u| format!(" ({u})"))
            .unwrap_or_default();
        let heading = format!("{} — {}{unit}", section.id, section.label);
        let _ = writeln!(out, "{}", bold(&heading, style.colour));
        let _ = writeln!(out, "{}", section.summary);
        let _ = writeln!(out, "{}\n", table(&section.rows, style));
    }
    if !report.statements.is_empty() {
        let _ = writeln!(out, "{}", bold("Statements without a figure", style.colour));
        let _ = writeln!(out, "{}\n", table(&report.statements, style));
    }
    let _ = writeln!(
        out,
        "{}",
        bold(&format!("Findings ({})", findings.len()), style.colour)
    );
    for finding in findings {
        let at = files.line_col(&finding.location);
        let _ = writeln!(
            out,
            "{}[{}] {}:{}:{}: {}",
            severity(finding.severity, style.colour),
            finding.code,
            files.display_path(finding.location.file),
            at.line,
            at.column,
            finding.message
        );
    }
    out
}

fn table(rows: &[Row], style: &Style) -> Table {
    let mut table = Table::new();
    table.load_preset(UTF8_FULL_CONDENSED);
    if !style.colour {
        table.force_no_tty();
    }
    match style.width {
        Some(width) => {
            table.set_content_arrangement(ContentArrangement::Dynamic);
            table.set_width(width);
        }
        None => {
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    table.set_header(
        HEADER
            .iter()
            .map(|h| Cell::new(h).add_attribute(Attribute::Bold)),
    );
    for row in rows {
        let flags = Cell::new(&row.flags);
        let flags = if style.colour && !row.flags.is_empty() {
            flags.fg(Color::Yellow)
        } else {
            flags
        };
        table.add_row(vec![
            Cell::new(&row.claim),
            Cell::new(&row.value),
            Cell::new(&row.reading),
            Cell::new(&row.speaker),
            Cell::new(&row.source),
            Cell::new(&row.as_of),
            Cell::new(&row.attribution),
            Cell::new(&row.origin),
            flags,
        ]);
    }
    table
}

fn bold(text: &str, colour: bool) -> String {
    if colour {
        format!("\x1b[1m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

fn severity(severity: Severity, colour: bool) -> String {
    let code = match severity {
        Severity::Error => "31",
        Severity::Warning => "33",
        Severity::Info => "36",
    };
    if colour {
        format!("\x1b[{code}m{severity}\x1b[0m")
    } else {
        severity.to_string()
    }
}
