//! The consistency report as GitHub-flavoured markdown, for a pull-request comment.

use super::Style;
use super::row::{HEADER, cells};
use super::sanitize::markdown as escape;
use crate::view::report::{ClaimView, Report};
use std::fmt::Write;

pub fn render(report: &Report, _style: &Style) -> String {
    let mut out = String::from("# Consistency report\n\n");
    for figure in report.figures_busiest_first() {
        let unit = figure
            .unit
            .as_deref()
            .map(|u| format!(" ({})", escape(u)))
            .unwrap_or_default();
        let _ = writeln!(out, "## {}{unit}\n", escape(&figure.label));
        let _ = writeln!(out, "{} — {}\n", escape(&figure.id), figure.summary_text());
        let _ = writeln!(out, "{}\n", escape(&figure.summary.text));
        table(&mut out, figure.rows.iter().map(|&row| &report.claims[row]));
    }
    let mut statements = report.statements().peekable();
    if statements.peek().is_some() {
        out.push_str("## Statements without a figure\n\n");
        table(&mut out, statements);
    }
    let _ = writeln!(out, "## Findings ({})\n", report.findings.len());
    for finding in &report.findings {
        let _ = writeln!(
            out,
            "- **{}** `{}` {}:{}:{} — {}",
            finding.severity,
            finding.code,
            escape(&finding.file),
            finding.line,
            finding.column,
            escape(&finding.message)
        );
    }
    out
}

fn table<'a>(out: &mut String, rows: impl Iterator<Item = &'a ClaimView>) {
    let _ = writeln!(out, "| {} |", HEADER.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(HEADER.len()));
    for claim in rows {
        let cells: Vec<String> = cells(claim).iter().map(|cell| escape(cell)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}
