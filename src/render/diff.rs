//! A claim base diff for people: plain text for a terminal, markdown for a pull-request comment.

use crate::view::diff::{Diff, FieldChange, FindingChange, RecordChange};
use std::collections::BTreeMap;
use std::fmt::Write;

pub fn text(diff: &Diff) -> String {
    render(diff, &Style::Text)
}

pub fn markdown(diff: &Diff) -> String {
    render(diff, &Style::Markdown)
}

enum Style {
    Text,
    Markdown,
}

impl Style {
    fn heading(&self, out: &mut String, title: &str) {
        match self {
            Style::Text => {
                let _ = writeln!(out, "{title}");
            }
            Style::Markdown => {
                let _ = writeln!(out, "### {title}\n");
            }
        }
    }

    fn item(&self, out: &mut String, depth: usize, text: &str) {
        let text = match self {
            Style::Text => text.to_string(),
            Style::Markdown => text
                .replace('|', "\\|")
                .replace('*', "\\*")
                .replace('_', "\\_"),
        };
        let indent = "  ".repeat(depth);
        match self {
            Style::Text => {
                let _ = writeln!(out, "  {indent}{text}");
            }
            Style::Markdown => {
                let _ = writeln!(out, "{indent}- {text}");
            }
        }
    }
}

fn render(diff: &Diff, style: &Style) -> String {
    let mut out = String::new();
    if let Style::Markdown = style {
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
    if !diff.findings_appeared.is_empty() || !diff.findings_resolved.is_empty() {
        style.heading(&mut out, "Findings");
        let mut by_figure: BTreeMap<Option<String>, Vec<String>> = BTreeMap::new();
        let marked = |changes: &[FindingChange], mark: &'static str| {
            changes
                .iter()
                .map(move |change| (change.figure.clone(), format!("{mark} {}", change.finding)))
                .collect::<Vec<_>>()
        };
        for (figure, line) in marked(&diff.findings_resolved, "resolved:")
            .into_iter()
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
        "{records} record{} changed, {} finding{} appeared, {} resolved",
        if records == 1 { "" } else { "s" },
        diff.findings_appeared.len(),
        if diff.findings_appeared.len() == 1 {
            ""
        } else {
            "s"
        },
        diff.findings_resolved.len()
    );
    out
}

fn record(out: &mut String, style: &Style, change: &RecordChange) {
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
