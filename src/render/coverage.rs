//! Coverage of the archived sources: plain text for a terminal, markdown for a pull-request
//! comment, and JSON in the contract of docs/json.md. Phrases and context come from archived
//! texts and are untrusted like record text.

use super::Style;
use super::sanitize::{markdown as md, one_line};
use crate::coverage::{Coverage, SourceCoverage};
use serde::Serialize;

/// `coverage` as plain text: a line per source, then each uncovered phrase with its context, then
/// the stale ignore entries.
pub fn text(coverage: &Coverage, _style: &Style) -> String {
    let header = [
        "source",
        "phrases",
        "quoted",
        "ignored",
        "uncovered",
        "covered",
    ];
    let rows: Vec<[String; 6]> = coverage
        .sources
        .iter()
        .map(|source| {
            [
                one_line(&source.source),
                source.phrases.to_string(),
                source.quoted.to_string(),
                source.ignored.to_string(),
                source.uncovered.len().to_string(),
                shown_percent(source),
            ]
        })
        .collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|column| {
            rows.iter()
                .map(|row| row[column].chars().count())
                .chain([header[column].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[String]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(column, (cell, width))| match column {
                0 => format!("{cell:<width$}"),
                _ => format!("{cell:>width$}"),
            })
            .collect();
        padded.join("  ").trim_end().to_string() + "\n"
    };
    let mut out = line(&header.map(str::to_string));
    for row in &rows {
        out.push_str(&line(row));
    }
    for source in &coverage.sources {
        if let Some(why) = &source.unmeasured {
            out.push_str(&format!(
                "\n{} was not measured: {}\n",
                one_line(&source.source),
                one_line(why)
            ));
        }
        if source.uncovered.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "\nNot covered in {} ({}):\n",
            one_line(&source.source),
            source
                .archive_file
                .as_deref()
                .map_or(String::new(), one_line)
        ));
        for phrase in &source.uncovered {
            out.push_str(&format!(
                "  paragraph {}: \"{}\" ({})\n      {}\n",
                phrase.paragraph,
                one_line(&phrase.phrase),
                one_line(&phrase.reading),
                one_line(&phrase.context)
            ));
        }
    }
    if !coverage.stale_ignores.is_empty() {
        out.push_str("\nStale ignore entries (they dismiss nothing; remove them):\n");
        for stale in &coverage.stale_ignores {
            out.push_str(&format!(
                "  {}:{}:{}: `{}` \"{}\": {}\n",
                one_line(&stale.file),
                stale.line,
                stale.column,
                one_line(&stale.source),
                one_line(&stale.phrase),
                one_line(&stale.why)
            ));
        }
    }
    out
}

/// `coverage --format markdown`: the table of sources, then the uncovered phrases and stale
/// ignore entries as tables.
pub fn markdown(coverage: &Coverage, _style: &Style) -> String {
    let mut out = String::from(
        "| source | phrases | quoted | ignored | uncovered | covered |\n|---|---:|---:|---:|---:|---:|\n",
    );
    for source in &coverage.sources {
        let covered = match &source.unmeasured {
            Some(why) => format!("not measured: {}", md(why)),
            None => shown_percent(source),
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {covered} |\n",
            md(&source.source),
            source.phrases,
            source.quoted,
            source.ignored,
            source.uncovered.len()
        ));
    }
    let uncovered: Vec<String> = coverage
        .sources
        .iter()
        .flat_map(|source| {
            source.uncovered.iter().map(|phrase| {
                format!(
                    "| {} | {} | {} | {} | {} |\n",
                    md(&source.source),
                    phrase.paragraph,
                    md(&phrase.phrase),
                    md(&phrase.reading),
                    md(&phrase.context)
                )
            })
        })
        .collect();
    if !uncovered.is_empty() {
        out.push_str("\n**Not covered**\n\n| source | paragraph | phrase | reading | context |\n");
        out.push_str("|---|---:|---|---|---|\n");
        out.push_str(&uncovered.concat());
    }
    if !coverage.stale_ignores.is_empty() {
        out.push_str("\n**Stale ignore entries** (they dismiss nothing; remove them)\n\n");
        out.push_str("| entry | source | phrase | why |\n|---|---|---|---|\n");
        for stale in &coverage.stale_ignores {
            out.push_str(&format!(
                "| {}:{}:{} | {} | {} | {} |\n",
                md(&stale.file),
                stale.line,
                stale.column,
                md(&stale.source),
                md(&stale.phrase),
                md(&stale.why)
            ));
        }
    }
    out
}

#[derive(Serialize)]
struct Totals {
    sources: usize,
    phrases: usize,
    quoted: usize,
    ignored: usize,
    uncovered: usize,
    stale_ignores: usize,
}

#[derive(Serialize)]
struct Output<'a> {
    #[serde(flatten)]
    coverage: &'a Coverage,
    summary: Totals,
}

/// `coverage --format json`: every source with its counts and uncovered phrases, the stale
/// ignore entries, and the totals.
pub fn json(coverage: &Coverage, _style: &Style) -> String {
    let sum = |count: fn(&SourceCoverage) -> usize| coverage.sources.iter().map(count).sum();
    let output = Output {
        coverage,
        summary: Totals {
            sources: coverage.sources.len(),
            phrases: sum(|s| s.phrases),
            quoted: sum(|s| s.quoted),
            ignored: sum(|s| s.ignored),
            uncovered: sum(|s| s.uncovered.len()),
            stale_ignores: coverage.stale_ignores.len(),
        },
    };
    // The coverage holds only strings, numbers and lists, which always serialise.
    serde_json::to_string_pretty(&output).expect("coverage serialises to JSON") + "\n"
}

/// The covered share with one decimal, rounded down so that nearly all never shows as 100%.
fn shown_percent(source: &SourceCoverage) -> String {
    match source.covered_percent {
        None => "-".to_string(),
        Some(percent) => {
            let tenths = (percent * 10.0).floor() / 10.0;
            if tenths.fract() == 0.0 {
                format!("{tenths:.0}%")
            } else {
                format!("{tenths:.1}%")
            }
        }
    }
}
