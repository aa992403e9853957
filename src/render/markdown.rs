//! The consistency report as GitHub-flavoured markdown, for a pull-request comment.

use crate::finding::Finding;
use crate::input::files::Files;
use crate::view::report::{Report, Row};
use std::fmt::Write;

pub fn render(report: &Report, files: &Files, findings: &[Finding]) -> String {
    let mut out = String::from("# Consistency report\n\n");
    for section in &report.figures {
        let unit = section
            .unit
            .as_deref()
            .map(|u| format!(" ({})", escape(u)))
            .unwrap_or_default();
        let _ = writeln!(out, "## {}{unit}\n", escape(&section.label));
        let _ = writeln!(out, "`{}` — {}\n", section.id, section.summary);
        table(&mut out, &section.rows);
    }
    if !report.statements.is_empty() {
        out.push_str("## Statements without a figure\n\n");
        table(&mut out, &report.statements);
    }
    let _ = writeln!(out, "## Findings ({})\n", findings.len());
    for finding in findings {
        let at = files.line_col(&finding.location);
        let _ = writeln!(
            out,
            "- **{}** `{}` {}:{}:{} — {}",
            finding.severity,
            finding.code,
            files.display_path(finding.location.file),
            at.line,
            at.column,
            escape(&finding.message)
        );
    }
    out
}

fn table(out: &mut String, rows: &[Row]) {
    out.push_str(
        "| claim | value | reading | speaker | source | as of | attribution | origin | flags |\n",
    );
    out.push_str("|---|---|---|---|---|---|---|---|---|\n");
    for row in rows {
        let cells = [
            &row.claim,
            &row.value,
            &row.reading,
            &row.speaker,
            &row.source,
            &row.as_of,
            &row.attribution,
            &row.origin,
            &row.flags,
        ];
        let cells: Vec<String> = cells.iter().map(|cell| escape(cell)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

/// Keep cell text from breaking the table or turning into markup.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' | '*' | '_' | '`' | '<' | '>' | '[' | ']' | '\\' => {
                escaped.push('\\');
                escaped.push(c);
            }
            '\n' | '\r' => escaped.push(' '),
            _ => escaped.push(c),
        }
    }
    escaped
}
