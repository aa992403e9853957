//! A claim base diff: plain text for a terminal, markdown for a pull-request comment, and JSON with
//! machine field names and structured readings.

use super::sanitize::{self, one_line};
use crate::view::diff::{Diff, FieldChange, FindingChange, RecordChange};
use crate::view::facts::{FactValue, label};
use std::collections::BTreeMap;
use std::fmt::Write;

pub fn text(diff: &Diff, _style: &super::Style) -> String {
    render(diff, &Layout::Text)
}

pub fn markdown(diff: &Diff, _style: &super::Style) -> String {
    render(diff, &Layout::Markdown)
}

pub fn json(diff: &Diff, _style: &super::Style) -> String {
    // A diff holds only strings, numbers and lists, which always serialise.
    serde_json::to_string_pretty(diff).expect("a diff serialises to JSON") + "\n"
}

enum Layout {
    Text,
    Markdown,
}

impl Layout {
    fn heading(&self, out: &mut String, title: &str) {
        match self {
            Layout::Text => {
                let _ = writeln!(out, "{title}");
            }
            Layout::Markdown => {
                let _ = writeln!(out, "### {title}\n");
            }
        }
    }

    fn item(&self, out: &mut String, depth: usize, text: &str) {
        let text = match self {
            Layout::Text => one_line(text),
            Layout::Markdown => sanitize::markdown(text),
        };
        let indent = "  ".repeat(depth);
        match self {
            Layout::Text => {
                let _ = writeln!(out, "  {indent}{text}");
            }
            Layout::Markdown => {
                let _ = writeln!(out, "{indent}- {text}");
            }
        }
    }
}

fn render(diff: &Diff, style: &Layout) -> String {
    let mut out = String::new();
    if let Layout::Markdown = style {
        out.push_str("## Claim base changes\n\n");
    }
    if diff.is_empty() {
        out.push_str("no changes in claim terms\n");
        return out;
    }
    for (title, changes) in [
        ("Figures", &diff.figures),
        ("Claims", &diff.claims),
        ("Speakers", &diff.speakers),
        ("Sources", &diff.sources),
    ] {
        if changes.is_empty() {
            continue;
        }
        style.heading(&mut out, title);
        for change in changes {
            record(&mut out, style, change);
        }
        out.push('\n');
    }
    if !diff.findings_appeared.is_empty()
        || !diff.findings_resolved.is_empty()
        || !diff.findings_changed.is_empty()
    {
        style.heading(&mut out, "Findings");
        let mut by_figure: BTreeMap<Option<String>, Vec<String>> = BTreeMap::new();
        let marked = |changes: &[FindingChange], mark: &'static str| {
            changes
                .iter()
                .map(move |change| (change.figure.clone(), format!("{mark} {}", change.finding)))
                .collect::<Vec<_>>()
        };
        let changed = diff.findings_changed.iter().map(|change| {
            let line = format!("changed: {} → {}", change.old, change.new);
            (change.figure.clone(), line)
        });
        for (figure, line) in marked(&diff.findings_resolved, "resolved:")
            .into_iter()
            .chain(changed)
            .chain(marked(&diff.findings_appeared, "appeared:"))
        {
            by_figure.entry(figure).or_default().push(line);
        }
        for (figure, lines) in by_figure {
            let heading = figure
                .as_deref()
                .map_or("not about a figure".to_string(), |f| format!("figure {f}"));
            style.item(&mut out, 0, &heading);
            for line in lines {
                style.item(&mut out, 1, &line);
            }
        }
        out.push('\n');
    }
    let records = diff.figures.len() + diff.claims.len() + diff.speakers.len() + diff.sources.len();
    let _ = writeln!(
        out,
        "{records} record{} changed, {} finding{} appeared, {} resolved, {} changed",
        if records == 1 { "" } else { "s" },
        diff.findings_appeared.len(),
        if diff.findings_appeared.len() == 1 {
            ""
        } else {
            "s"
        },
        diff.findings_resolved.len(),
        diff.findings_changed.len()
    );
    out
}

fn record(out: &mut String, style: &Layout, change: &RecordChange) {
    match change {
        RecordChange::Added { id } => style.item(out, 0, &format!("added {id}")),
        RecordChange::Removed { id } => style.item(out, 0, &format!("removed {id}")),
        RecordChange::Renamed { id, to } => style.item(out, 0, &format!("renamed {id} to {to}")),
        RecordChange::Merged { id, into } => {
            style.item(out, 0, &format!("merged {id} into {into}"))
        }
        RecordChange::Changed { id, fields } => {
            style.item(out, 0, &format!("changed {id}"));
            for FieldChange { field, old, new } in fields {
                let field = label(field);
                let (old, new) = (old.as_ref().map(shown), new.as_ref().map(shown));
                let line = match (old, new) {
                    (Some(old), Some(new)) => format!("{field}: {old} → {new}"),
                    (None, Some(new)) => format!("{field}: added {new}"),
                    (Some(old), None) => format!("{field}: removed {old}"),
                    (None, None) => continue,
                };
                style.item(out, 1, &line);
            }
        }
    }
}

/// A fact value on one line.
fn shown(value: &FactValue) -> String {
    value.shown().join("; ")
}
