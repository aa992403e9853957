//! The consistency report for a terminal, fitted to its width: per figure a heading, its summary
//! and its claims, then the findings. Claims stand in a table, one row per claim, when every column
//! fits without breaking a word; below 100 columns, or when they do not fit, each claim is a block
//! of its fields. Every line fits the width, and ids and numbers never break across lines.

use super::row::{HEADER, cells};
use super::sanitize::one_line;
use super::wrap::{widest_word, width as columns, wrap};
use super::{Style, bold, paint};
use crate::finding::Severity;
use crate::view::report::{ClaimView, FindingView, Report};
use comfy_table::{
    Attribute, Cell, Color, ContentArrangement, Table, presets::UTF8_FULL_CONDENSED,
};
use std::fmt::Write;
use std::io;

/// The width when none is known (output to a pipe or a file).
pub const DEFAULT_WIDTH: u16 = 100;
/// Narrower widths are taken as this one: a block needs room beside its field names.
const NARROWEST: usize = 30;
/// Narrower than this, claims are always blocks.
const TABLE_FROM: usize = 100;
/// A table column takes its text's width plus a space each side and a border.
const COLUMN_FRAME: usize = 3;
/// Block fields stand under the claim id, their names in a column this wide.
const FIELD_INDENT: usize = 4;
const FIELD_NAME: usize = 13;

pub fn render(report: &Report, style: &Style) -> String {
    super::collect(|out| write(report, style, out))
}

/// The report written to `writer` a figure at a time, figures laid out on every core.
pub fn write(report: &Report, style: &Style, writer: &mut dyn io::Write) -> io::Result<()> {
    let width = usize::from(style.width.unwrap_or(DEFAULT_WIDTH)).max(NARROWEST);
    let mut out = String::new();
    if report.about.history {
        paragraph(
            &mut out,
            crate::view::report::HISTORY_NOTE,
            width,
            style.colour,
        );
    }
    writer.write_all(out.as_bytes())?;
    out.clear();
    super::write_sections(&report.figures_busiest_first(), writer, |_, figure| {
        let mut out = String::new();
        let unit = figure.unit.map(|u| format!(" ({u})")).unwrap_or_default();
        let heading = one_line(&format!("{} — {}{unit}", figure.id, figure.label));
        paragraph(&mut out, &heading, width, style.colour);
        paragraph(&mut out, &figure.summary_text(), width, false);
        paragraph(&mut out, &one_line(&figure.summary.text), width, false);
        let rows: Vec<&ClaimView> = figure.rows.iter().map(|&row| &report.claims[row]).collect();
        let _ = writeln!(out, "{}", claims(&rows, width, style));
        findings(
            &mut out,
            figure.findings.iter().map(|&i| &report.findings[i]),
            width,
            style,
        );
        out.push('\n');
        out
    })?;
    let statements: Vec<&ClaimView> = report.statements().collect();
    if !statements.is_empty() {
        paragraph(&mut out, "Statements without a figure", width, style.colour);
        let _ = writeln!(out, "{}", claims(&statements, width, style));
        writer.write_all(out.as_bytes())?;
        out.clear();
    }
    let mut others = report.other_findings().peekable();
    if others.peek().is_some() {
        paragraph(&mut out, "Findings about no figure", width, style.colour);
        findings(&mut out, others, width, style);
    }
    let heading = format!("Findings in all: {}", report.findings.len());
    paragraph(&mut out, &heading, width, style.colour);
    writer.write_all(out.as_bytes())
}

/// Each finding on its own lines, wrapped to `width` with the lines after the first indented.
fn findings<'r, 'a: 'r>(
    out: &mut String,
    findings: impl Iterator<Item = &'r FindingView<'a>>,
    width: usize,
    style: &Style,
) {
    for finding in findings {
        let place = finding.place.start();
        let at = place.line_col();
        let line = format!(
            "{}[{}] {}:{}:{}: {}",
            finding.severity,
            finding.code,
            one_line(place.file()),
            at.line,
            at.column,
            one_line(&finding.message)
        );
        for (i, part) in wrap(&line, width.saturating_sub(2)).iter().enumerate() {
            if i == 0 {
                // The severity leads the first line; colour it alone.
                let rest = part.strip_prefix(finding.severity.as_str()).unwrap_or(part);
                let _ = writeln!(out, "{}{rest}", severity(finding.severity, style.colour));
            } else {
                let _ = writeln!(out, "  {part}");
            }
        }
    }
}

/// `text` wrapped to `width`, bold when `strong` (and colouring is on).
fn paragraph(out: &mut String, text: &str, width: usize, strong: bool) {
    for line in wrap(text, width) {
        let _ = writeln!(out, "{}", bold(&line, strong));
    }
}

/// The claims as a table when it fits `width`, else as blocks.
fn claims(rows: &[&ClaimView], width: usize, style: &Style) -> String {
    let rows: Vec<[String; 9]> = rows
        .iter()
        .map(|claim| cells(claim).map(|cell| cut(one_line(&cell))))
        .collect();
    match column_widths(&rows, width) {
        Some(widths) if width >= TABLE_FROM => table(&rows, &widths, style).to_string() + "\n",
        // One blank line after the last block, as after a table.
        _ => blocks(&rows, width, style).trim_end().to_string() + "\n",
    }
}

/// Column widths that fit `width` without breaking a word: each column gets what its widest word
/// needs, and the room left goes to whole cells; `None` when the widest words alone do not fit.
fn column_widths(rows: &[[String; 9]], width: usize) -> Option<[usize; 9]> {
    let room = width.checked_sub(HEADER.len() * COLUMN_FRAME + 1)?;
    let mut narrowest = HEADER.map(columns);
    let mut widest = narrowest;
    for row in rows {
        for (column, cell) in row.iter().enumerate() {
            narrowest[column] = narrowest[column].max(widest_word(cell));
            widest[column] = widest[column].max(columns(cell));
        }
    }
    let needed: usize = narrowest.iter().sum();
    let wanted: usize = widest.iter().sum();
    if needed > room {
        return None;
    }
    if wanted <= room {
        return Some(widest);
    }
    // Columns that want the least more are given all of it first, so as many as can stand on one
    // line do; what is left goes round the others a column at a time.
    let mut spare = room - needed;
    let mut widths = narrowest;
    let mut by_want: Vec<usize> = (0..HEADER.len()).collect();
    by_want.sort_by_key(|&column| widest[column] - narrowest[column]);
    for &column in &by_want {
        let want = widest[column] - widths[column];
        if want <= spare {
            widths[column] = widest[column];
            spare -= want;
        }
    }
    while spare > 0 {
        let before = spare;
        for &column in &by_want {
            if spare > 0 && widths[column] < widest[column] {
                widths[column] += 1;
                spare -= 1;
            }
        }
        if spare == before {
            break;
        }
    }
    Some(widths)
}

fn table(rows: &[[String; 9]], widths: &[usize; 9], style: &Style) -> Table {
    let mut table = Table::new();
    table.load_preset(UTF8_FULL_CONDENSED);
    if !style.colour {
        table.force_no_tty();
    }
    // The cells come wrapped to their column's width, so the table lays out nothing itself.
    table.set_content_arrangement(ContentArrangement::Disabled);
    table.set_header(
        HEADER
            .iter()
            .map(|h| Cell::new(h).add_attribute(Attribute::Bold)),
    );
    for row in rows {
        let mut cells: Vec<Cell> = row
            .iter()
            .zip(widths)
            .map(|(text, &width)| Cell::new(wrap(text, width).join("\n")))
            .collect();
        if style.colour && !row[8].is_empty() {
            let flags = cells.pop().expect("a row has nine cells");
            cells.push(flags.fg(Color::Yellow));
        }
        table.add_row(cells);
    }
    table
}

/// One block per claim: its id, then each field that has a value under it, wrapped beside the
/// field's name.
fn blocks(rows: &[[String; 9]], width: usize, style: &Style) -> String {
    // A blank line sets the first block apart from the summary above it.
    let mut out = String::from("\n");
    let text_width = width.saturating_sub(FIELD_INDENT + FIELD_NAME);
    for row in rows {
        for line in wrap(&row[0], width.saturating_sub(2)) {
            let _ = writeln!(out, "  {}", bold(&line, style.colour));
        }
        for (name, text) in HEADER.iter().zip(row).skip(1) {
            if text.is_empty() {
                continue;
            }
            let flagged = style.colour && *name == "flags";
            for (i, line) in wrap(text, text_width).into_iter().enumerate() {
                let label = if i == 0 { *name } else { "" };
                let line = if flagged {
                    paint(
                        &line,
                        anstyle::Style::new().fg_color(Some(anstyle::AnsiColor::Yellow.into())),
                        true,
                    )
                } else {
                    line
                };
                let _ = writeln!(
                    out,
                    "{:indent$}{label:<FIELD_NAME$}{line}",
                    "",
                    indent = FIELD_INDENT
                );
            }
        }
        out.push('\n');
    }
    out
}

/// The most characters a table cell shows: longer record text is cut with an ellipsis (the JSON
/// and markdown reports and the snapshot keep it whole), so one pasted page cannot make every row
/// of a terminal table that wide, or laying the table out that slow.
const CELL_LIMIT: usize = 200;

fn cut(mut text: String) -> String {
    if let Some((end, _)) = text.char_indices().nth(CELL_LIMIT) {
        text.truncate(end);
        text.push('…');
    }
    text
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
