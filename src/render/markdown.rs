//! The consistency report as GitHub-flavoured markdown, for a pull-request comment.

use super::Style;
use super::row::{HEADER, cells};
use super::sanitize::markdown as escape;
use crate::view::report::{ClaimView, FindingView, Report};
use std::fmt::Write;
use std::io;

pub fn render(report: &Report, style: &Style) -> String {
    super::collect(|out| write(report, style, out))
}

/// The report written to `writer` a figure at a time, figures laid out on every core.
pub fn write(report: &Report, _style: &Style, writer: &mut dyn io::Write) -> io::Result<()> {
    let mut out = String::from("# Consistency report\n\n");
    if report.about.history {
        out.push_str(&format!("**{}**\n\n", crate::view::report::HISTORY_NOTE));
    }
    writer.write_all(out.as_bytes())?;
    out.clear();
    super::write_sections(&report.figures_busiest_first(), writer, |_, figure| {
        let mut out = String::new();
        let unit = figure
            .unit
            .map(|u| format!(" ({})", escape(u)))
            .unwrap_or_default();
        let _ = writeln!(out, "## {}{unit}\n", escape(figure.label));
        let _ = writeln!(out, "{} — {}\n", escape(figure.id), figure.summary_text());
        let _ = writeln!(out, "{}\n", escape(&figure.summary.text));
        table(&mut out, figure.rows.iter().map(|&row| &report.claims[row]));
        if !figure.findings.is_empty() {
            let _ = writeln!(out, "Findings ({})\n", figure.findings.len());
            findings(
                &mut out,
                figure.findings.iter().map(|&i| &report.findings[i]),
            );
        }
        out
    })?;
    let mut statements = report.statements().peekable();
    if statements.peek().is_some() {
        out.push_str("## Statements without a figure\n\n");
        table(&mut out, statements);
    }
    let mut others = report.other_findings().peekable();
    if others.peek().is_some() {
        out.push_str("## Findings about no figure\n\n");
        findings(&mut out, others);
    }
    let _ = writeln!(out, "Findings in all: {}", report.findings.len());
    writer.write_all(out.as_bytes())
}

fn findings<'r, 'a: 'r>(out: &mut String, findings: impl Iterator<Item = &'r FindingView<'a>>) {
    for finding in findings {
        let place = finding.place.start();
        let at = place.line_col();
        let _ = writeln!(
            out,
            "- **{}** `{}` {}:{}:{} — {}",
            finding.severity,
            finding.code,
            escape(place.file()),
            at.line,
            at.column,
            escape(&finding.message)
        );
    }
    out.push('\n');
}

fn table<'a>(out: &mut String, rows: impl Iterator<Item = &'a ClaimView<'a>>) {
    let _ = writeln!(out, "| {} |", HEADER.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(HEADER.len()));
    for claim in rows {
        let cells: Vec<String> = cells(claim).iter().map(|cell| escape(cell)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}
