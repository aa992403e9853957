//! The consistency report for a terminal: per figure a heading, its summary and a table with one row
//! per claim, then the findings.

use super::row::{HEADER, cells};
use super::sanitize::one_line;
use super::{Style, bold, paint};
use crate::finding::Severity;
use crate::view::report::{ClaimView, FindingView, Report};
use comfy_table::{
    Attribute, Cell, Color, ContentArrangement, Table, presets::UTF8_FULL_CONDENSED,
};
use std::fmt::Write;

pub fn render(report: &Report, style: &Style) -> String {
    let mut out = String::new();
    for figure in report.figures_busiest_first() {
        let unit = figure
            .unit
            .as_deref()
            .map(|u| format!(" ({u})"))
            .unwrap_or_default();
        let heading = one_line(&format!("{} — {}{unit}", figure.id, figure.label));
        let _ = writeln!(out, "{}", bold(&heading, style.colour));
        let _ = writeln!(out, "{}", figure.summary_text());
        let _ = writeln!(out, "{}", one_line(&figure.summary.text));
        let rows = figure.rows.iter().map(|&row| &report.claims[row]);
        let _ = writeln!(out, "{}", table(rows, style));
        findings(
            &mut out,
            figure.findings.iter().map(|&i| &report.findings[i]),
            style,
        );
        out.push('\n');
    }
    let mut statements = report.statements().peekable();
    if statements.peek().is_some() {
        let _ = writeln!(out, "{}", bold("Statements without a figure", style.colour));
        let _ = writeln!(out, "{}\n", table(statements, style));
    }
    let mut others = report.other_findings().peekable();
    if others.peek().is_some() {
        let _ = writeln!(out, "{}", bold("Findings about no figure", style.colour));
        findings(&mut out, others, style);
    }
    let heading = format!("Findings in all: {}", report.findings.len());
    let _ = writeln!(out, "{}", bold(&heading, style.colour));
    out
}

fn findings<'a>(out: &mut String, findings: impl Iterator<Item = &'a FindingView>, style: &Style) {
    for finding in findings {
        let _ = writeln!(
            out,
            "{}[{}] {}:{}:{}: {}",
            severity(finding.severity, style.colour),
            finding.code,
            one_line(&finding.file),
            finding.line,
            finding.column,
            one_line(&finding.message)
        );
    }
}

fn table<'a>(rows: impl Iterator<Item = &'a ClaimView>, style: &Style) -> Table {
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
    for claim in rows {
        let [
            claim,
            value,
            reading,
            speaker,
            source,
            as_of,
            attribution,
            origin,
            flags,
        ] = cells(claim).map(|cell| cut(&one_line(&cell)));
        let flagged = style.colour && !flags.is_empty();
        let flags = Cell::new(flags);
        let flags = if flagged {
            flags.fg(Color::Yellow)
        } else {
            flags
        };
        table.add_row(vec![
            Cell::new(claim),
            Cell::new(value),
            Cell::new(reading),
            Cell::new(speaker),
            Cell::new(source),
            Cell::new(as_of),
            Cell::new(attribution),
            Cell::new(origin),
            flags,
        ]);
    }
    table
}

/// The most characters a table cell shows: longer record text is cut with an ellipsis (the JSON
/// and markdown reports and the snapshot keep it whole), so one pasted page cannot make every row
/// of a terminal table that wide, or laying the table out that slow.
const CELL_LIMIT: usize = 200;

fn cut(text: &str) -> String {
    match text.char_indices().nth(CELL_LIMIT) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

fn severity(severity: Severity, colour: bool) -> String {
    let colour_of = match severity {
        Severity::Error => anstyle::AnsiColor::Red,
        Severity::Warning => anstyle::AnsiColor::Yellow,
        Severity::Info => anstyle::AnsiColor::Cyan,
    };
    paint(
        severity.as_str(),
        anstyle::Style::new().fg_color(Some(colour_of.into())),
        colour,
    )
}
