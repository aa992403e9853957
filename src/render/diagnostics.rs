//! Human diagnostics in the rustc style: `file:line:column`, the source line, a caret under the
//! span, related places and a help line.

use crate::files::Files;
use crate::finding::{Finding, Severity};
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use std::fmt::Write;

pub fn render(files: &Files, findings: &[Finding], colour: bool) -> String {
    let renderer = if colour {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for finding in findings {
        let report = [group(files, finding)];
        let _ = writeln!(out, "{}\n", renderer.render(&report));
    }
    out
}

/// The closing line: how many findings of each severity, and whether the gate failed.
pub fn summary(findings: &[Finding], failed: usize) -> String {
    let count = |severity| findings.iter().filter(|f| f.severity == severity).count();
    let (errors, warnings, infos) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let verdict = if failed == 0 {
        "check passed".to_string()
    } else {
        format!(
            "check failed: {failed} finding{} fail the gate",
            plural(failed)
        )
    };
    format!(
        "{verdict} ({errors} error{}, {warnings} warning{}, {infos} info)",
        plural(errors),
        plural(warnings)
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

fn group<'a>(files: &'a Files, finding: &'a Finding) -> Group<'a> {
    let title = level(finding.severity)
        .primary_title(finding.message.as_str())
        .id(finding.code.name());
    let primary = files.get(finding.location.file);
    let path = files.display_path(finding.location.file);
    let mut group = if primary.text.is_empty() {
        let position = files.line_col(&finding.location);
        title.element(
            Origin::path(path)
                .line(position.line)
                .char_column(position.column),
        )
    } else {
        let mut snippet = Snippet::source(primary.text.as_str())
            .path(path)
            .fold(true)
            .annotation(
                AnnotationKind::Primary
                    .span(finding.location.span.clone())
                    .label(non_empty(&finding.label)),
            );
        for related in finding
            .related
            .iter()
            .filter(|r| r.location.file == finding.location.file)
        {
            snippet = snippet.annotation(
                AnnotationKind::Context
                    .span(related.location.span.clone())
                    .label(related.message.as_str()),
            );
        }
        title.element(snippet)
    };
    for related in finding
        .related
        .iter()
        .filter(|r| r.location.file != finding.location.file)
    {
        let file = files.get(related.location.file);
        group = group.element(
            Snippet::source(file.text.as_str())
                .path(files.display_path(related.location.file))
                .fold(true)
                .annotation(
                    AnnotationKind::Context
                        .span(related.location.span.clone())
                        .label(related.message.as_str()),
                ),
        );
    }
    if let Some(help) = &finding.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    group
}

fn non_empty(label: &str) -> Option<&str> {
    (!label.is_empty()).then_some(label)
}
