//! The canonical snapshot: the report model of the whole claim base as text, one fact a line,
//! ordered by id and free of file locations, so it does not change when records move between files
//! and `git diff` of it reads as a change in claim terms.

use super::sanitize::one_line;
use crate::view::facts::{self, Facts, label};
use crate::view::report::{ClaimView, Report};
use foldhash::HashMap;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::io;

pub fn render(report: &Report) -> String {
    super::collect(|out| write(report, out))
}

/// The snapshot written to `writer` a figure at a time: each is laid out in one buffer, reused.
pub fn write(report: &Report, writer: &mut dyn io::Write) -> io::Result<()> {
    let mut out = String::new();
    let mut findings: BTreeMap<Option<&str>, Vec<String>> = BTreeMap::new();
    for finding in &report.findings {
        findings
            .entry(finding.figure)
            .or_default()
            .push(finding.line_without_place());
    }
    findings.values_mut().for_each(|lines| lines.sort());
    let mut claims_of: HashMap<Option<&str>, Vec<&ClaimView>> = HashMap::default();
    for claim in &report.claims {
        claims_of.entry(claim.figure).or_default().push(claim);
    }
    for figure in &report.figures {
        let _ = writeln!(out, "figure {}", one_line(figure.id));
        write_facts(&mut out, 1, facts::figure(figure));
        for claim in claims_of.remove(&Some(figure.id)).unwrap_or_default() {
            let _ = writeln!(out, "  claim {}", one_line(claim.id));
            write_facts(&mut out, 2, facts::claim(claim));
        }
        for line in findings.remove(&Some(figure.id)).unwrap_or_default() {
            let _ = writeln!(out, "  finding {}", one_line(&line));
        }
        out.push('\n');
        writer.write_all(out.as_bytes())?;
        out.clear();
    }
    if let Some(statements) = claims_of.remove(&None) {
        out.push_str("statements\n");
        for claim in statements {
            let _ = writeln!(out, "  claim {}", one_line(claim.id));
            write_facts(&mut out, 2, facts::claim(claim));
        }
        out.push('\n');
    }
    for speaker in &report.speakers {
        let _ = writeln!(out, "speaker {}", one_line(&speaker.id));
        write_facts(&mut out, 1, facts::speaker(speaker));
        writer.write_all(out.as_bytes())?;
        out.clear();
    }
    for source in &report.sources {
        let _ = writeln!(out, "source {}", one_line(&source.id));
        write_facts(&mut out, 1, facts::source(source));
        writer.write_all(out.as_bytes())?;
        out.clear();
    }
    let rest: Vec<String> = findings.into_values().flatten().collect();
    if !rest.is_empty() {
        out.push_str("\nother findings\n");
        for line in rest {
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
