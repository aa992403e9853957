//! Human diagnostics in the rustc style: `file:line:column`, the source line, a caret under the
//! span, related places and a help line.

use super::Style;
use super::sanitize::{multi_line, one_line};
use crate::finding::{Finding, Severity};
use crate::input::files::{Files, Location};
use crate::view::check::{CheckView, Summary};
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use rayon::prelude::*;
use std::io;

/// How many diagnostics are laid out at once before they are written.
const BATCH: usize = 512;

/// Every shown finding as a diagnostic, then the closing summary line.
pub fn render(view: &CheckView, style: &Style) -> String {
    super::collect(|out| write(view, style, out))
}

/// [`render`], written to `out` a diagnostic at a time rather than gathered first.
pub fn write(view: &CheckView, style: &Style, out: &mut dyn io::Write) -> io::Result<()> {
    let renderer = if style.colour {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    // Laying out a diagnostic is most of the work: a batch is laid out on every core, then written
    // in order.
    let shown: Vec<&Finding> = view.shown().collect();
    for batch in shown.chunks(BATCH) {
        let rendered: Vec<String> = (batch.par_iter())
            .map(|finding| {
                let finding = sanitized(finding);
                renderer.render(&[group(view.files, &finding)])
            })
            .collect();
        for diagnostic in rendered {
            writeln!(out, "{diagnostic}\n")?;
        }
    }
    writeln!(out, "{}", summary(&view.summary))
}

/// The closing line: how many findings of each severity, and whether the gate failed.
pub fn summary(summary: &Summary) -> String {
    let Summary {
        errors,
        warnings,
        infos,
        failed,
    } = *summary;
    let verdict = if failed == 0 {
        "check passed".to_string()
    } else {
        format!(
            "check failed: {failed} finding{} the gate",
            if failed == 1 { " fails" } else { "s fail" }
        )
    };
    let infos = if infos > 0 {
        format!("{infos} info: `claimtrack report` or `check --show-info` shows them")
    } else {
        "0 info".to_string()
    };
    format!(
        "{verdict} ({errors} error{}, {warnings} warning{}, {infos})",
        plural(errors),
        plural(warnings)
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The finding with its text made safe for a terminal or a CI log: record text quoted in a message
/// or label can start no line, and no help line can start a workflow command.
fn sanitized(finding: &Finding) -> Finding {
    let mut finding = finding.clone();
    finding.message = one_line(&finding.message).into();
    finding.label = one_line(&finding.label).into();
    finding.help = finding.help.map(|help| multi_line(&help).into());
    for related in &mut finding.related {
        related.message = one_line(&related.message).into();
    }
    finding
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
        .primary_title(&*finding.message)
        .id(finding.code.name());
    let mut group = title.element(snippet(
        files,
        &finding.location,
        &finding.label,
        AnnotationKind::Primary,
    ));
    for related in &finding.related {
        group = group.element(snippet(
            files,
            &related.location,
            &related.message,
            AnnotationKind::Context,
        ));
    }
    if let Some(help) = &finding.help {
        group = group.element(Level::HELP.message(help.as_ref()));
    }
    group
}

/// A snippet of only the lines a span covers, so rendering costs what is shown, not the file size.
fn snippet<'a>(
    files: &'a Files,
    location: &'a Location,
    label: &'a str,
    kind: AnnotationKind,
) -> annotate_snippets::Element<'a> {
    let file = files.get(location.file);
    let path = files.display_path(location.file);
    if file.text.is_empty() {
        let position = files.line_col(location);
        return Origin::path(path)
            .line(position.line)
            .char_column(position.column)
            .into();
    }
    let first = file.line_range(location.span().start);
    let last = file.line_range(location.span().end.max(location.span().start));
    let lines = first.start..last.end.max(first.end);
    let span = location.span().start.clamp(lines.start, lines.end) - lines.start
        ..location.span().end.clamp(lines.start, lines.end) - lines.start;
    Snippet::source(&file.text[lines])
        .path(path)
        .line_start(file.line_col(first.start).line)
        .fold(true)
        .annotation(kind.span(span).label(non_empty(label)))
        .into()
}

fn non_empty(label: &str) -> Option<&str> {
    (!label.is_empty()).then_some(label)
}
