//! The canonical snapshot: the report model of the whole claim base as text, one fact a line,
//! ordered by id and free of file locations, so it does not change when records move between files
//! and `git diff` of it reads as a change in claim terms.

use super::sanitize::one_line;
use crate::view::facts::{self, Facts, label};
use crate::view::report::{ClaimView, Report};
use foldhash::{HashMap, HashSet};
use std::fmt::Write;
use std::io;

pub fn render(report: &Report) -> String {
    super::collect(|out| write(report, out))
}

/// The snapshot written to `writer` a record at a time: each figure (with its claims and
/// findings), speaker and source is laid out on every core, a batch at a time.
pub fn write(report: &Report, writer: &mut dyn io::Write) -> io::Result<()> {
    let mut findings: HashMap<Option<&str>, Vec<String>> = HashMap::default();
    for finding in &report.findings {
        findings
            .entry(finding.figure)
            .or_default()
            .push(finding.line_without_place());
    }
    let mut claims_of: HashMap<Option<&str>, Vec<&ClaimView>> = HashMap::default();
    for claim in &report.claims {
        claims_of.entry(claim.figure).or_default().push(claim);
    }
    // A figure id written twice is a finding of its own; its claims and findings are shown under
    // the first figure of that id only.
    let mut listed = HashSet::default();
    let first_of_id: Vec<bool> = (report.figures.iter())
        .map(|figure| listed.insert(figure.id))
        .collect();
    super::write_sections(&report.figures, writer, |i, figure| {
        let mut out = String::new();
        let _ = writeln!(out, "figure {}", one_line(figure.id));
        write_facts(&mut out, 1, facts::figure(figure));
        if !first_of_id[i] {
            out.push('\n');
            return out;
        }
        for claim in claims_of.get(&Some(figure.id)).into_iter().flatten() {
            let _ = writeln!(out, "  claim {}", one_line(claim.id));
            write_facts(&mut out, 2, facts::claim(claim));
        }
        let mut lines: Vec<&String> = findings
            .get(&Some(figure.id))
            .into_iter()
            .flatten()
            .collect();
        lines.sort();
        for line in lines {
            let _ = writeln!(out, "  finding {}", one_line(line));
        }
        out.push('\n');
        out
    })?;
    if let Some(statements) = claims_of.get(&None) {
        let mut out = String::from("statements\n");
        for claim in statements {
            let _ = writeln!(out, "  claim {}", one_line(claim.id));
            write_facts(&mut out, 2, facts::claim(claim));
        }
        out.push('\n');
        writer.write_all(out.as_bytes())?;
    }
    super::write_sections(&report.speakers, writer, |_, speaker| {
        let mut out = format!("speaker {}\n", one_line(&speaker.id));
        write_facts(&mut out, 1, facts::speaker(speaker));
        out
    })?;
    super::write_sections(&report.sources, writer, |_, source| {
        let mut out = format!("source {}\n", one_line(&source.id));
        write_facts(&mut out, 1, facts::source(source));
        out
    })?;
    // Findings about no figure, and about a figure the report does not list, in the order of the
    // figure they name (none first), each figure's sorted.
    let mut rest: Vec<(Option<&str>, Vec<String>)> = findings
        .into_iter()
        .filter(|(figure, _)| figure.is_none_or(|id| !listed.contains(id)))
        .collect();
    rest.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = String::new();
    for (_, mut lines) in rest {
        lines.sort();
        if out.is_empty() {
            out.push_str("\nother findings\n");
        }
        for line in lines {
            let _ = writeln!(out, "  finding {}", one_line(&line));
        }
    }
    writer.write_all(out.as_bytes())
}

fn write_facts(out: &mut String, depth: usize, facts: Facts) {
    for (field, value) in facts {
        for line in value.shown() {
            // One fact a line: line breaks and control characters inside a value are shown escaped.
            let _ = writeln!(
                out,
                "{}{}: {}",
                "  ".repeat(depth),
                label(field),
                one_line(&line)
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{FIGURE, SOURCES, checked, claim};

    #[test]
    fn a_figure_id_written_twice_shows_its_claims_under_the_first_only() {
        let claims = [FIGURE, FIGURE, &claim("a", "30,000", "watchdog", "")].concat();
        let base = checked(SOURCES, &claims);
        let snapshot = render(&crate::view::build(&base, None));
        let sections: Vec<&str> = snapshot.split("\n\n").collect();
        let figures: Vec<&&str> = (sections.iter())
            .filter(|section| section.starts_with("figure killed"))
            .collect();
        assert_eq!(figures.len(), 2, "{snapshot}");
        assert!(figures[0].contains("  claim a\n"), "{snapshot}");
        assert!(!figures[1].contains("claim a"), "{snapshot}");
    }
}
