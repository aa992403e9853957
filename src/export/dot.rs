//! `export --format dot`: the claim graph for Graphviz and Gephi. Claims sit in one cluster per
//! figure (claims without a figure outside any); speakers, sources, origin groups and first-hand
//! bases are nodes; edges say who made a claim, where, according to whom, on what basis and from
//! which origin. Every string is quoted and escaped, so record text can neither end a string nor
//! be read as a Graphviz escape, and never starts a new line of the file.

use super::{Basis, BasisKinds, ExportError, node_name};
use crate::finding::Code;
use crate::render::sanitize::one_line;
use crate::view::report::{ClaimView, Report};
use std::collections::BTreeSet;
use std::fmt::Write;

/// Labels longer than this are cut; the full text is in the tooltip.
const LABEL_CHARS: usize = 60;

/// The DOT document.
pub fn render(report: &Report) -> Result<String, ExportError> {
    super::check_ids(report)?;
    let mut out = String::from(
        "digraph claimtrack {\n  graph [rankdir=LR, fontname=\"Helvetica\"];\n  \
         node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=8];\n",
    );
    nodes(report, &mut out);
    for figure in &report.figures {
        let _ = writeln!(
            out,
            "  subgraph {} {{\n    label={};\n    tooltip={};",
            quoted(&format!("cluster_{}", node_name("figure", figure.id))),
            label(&[figure.label]),
            label(&[figure.id])
        );
        for claim in figure.rows.iter().filter_map(|&row| report.claims.get(row)) {
            out.push_str("  ");
            claim_node(claim, &mut out);
        }
        out.push_str("  }\n");
    }
    for claim in report.statements() {
        claim_node(claim, &mut out);
    }
    edges(report, &mut out);
    out.push_str("}\n");
    Ok(out)
}

/// Speakers, sources, origin groups and first-hand bases.
fn nodes(report: &Report, out: &mut String) {
    for speaker in &report.speakers {
        let _ = writeln!(
            out,
            "  {} [shape=box, style=rounded, label={}, tooltip={}];",
            node("speaker", &speaker.id),
            label(&[&speaker.name]),
            label(&[&speaker.id])
        );
    }
    for source in &report.sources {
        let published = source.published.map(|d| d.to_string()).unwrap_or_default();
        let _ = writeln!(
            out,
            "  {} [shape=note, label={}, tooltip={}];",
            node("source", &source.id),
            label(&[&source.title, &published]),
            label(&[&source.id])
        );
    }
    let groups: BTreeSet<&str> = report
        .claims
        .iter()
        .flat_map(|c| c.origin.iter().copied())
        .collect();
    for group in groups {
        let _ = writeln!(
            out,
            "  {} [shape=hexagon, label={}];",
            node("origin", group),
            label(&["origin", group])
        );
    }
    let kinds = BasisKinds::of(report);
    let first_hand: BTreeSet<&str> = report
        .claims
        .iter()
        .flat_map(|c| &c.basis)
        .filter(|b| kinds.kind(b) == Basis::FirstHand)
        .copied()
        .collect();
    for basis in first_hand {
        let _ = writeln!(
            out,
            "  {} [shape=plaintext, label={}];",
            node("first-hand", basis),
            label(&[basis])
        );
    }
}

/// A claim: its value (or "statement") over its id, the statement or quote as tooltip, and red
/// or orange when a conflict or divergence finding names it.
fn claim_node(claim: &ClaimView, out: &mut String) {
    let value = claim.value.unwrap_or("statement");
    let tooltip = claim.statement.or(claim.quote).unwrap_or(claim.id);
    let colour = if claim.flags.contains(&Code::FigureConflict) {
        ", color=red, penwidth=2"
    } else if claim.flags.contains(&Code::FigureDivergence) {
        ", color=orange, penwidth=2"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "  {} [label={}, tooltip={}{colour}];",
        node("claim", claim.id),
        label(&[value, claim.id]),
        quoted(tooltip)
    );
}

fn edges(report: &Report, out: &mut String) {
    let kinds = BasisKinds::of(report);
    let mut edge = |from: String, to: String, attributes: &str| {
        let _ = writeln!(out, "  {from} -> {to} [{attributes}];");
    };
    for claim in &report.claims {
        let from = || node("claim", claim.id);
        if let Some(speaker) = &claim.speaker {
            edge(from(), node("speaker", speaker), "label=\"said by\"");
        }
        if let Some(source) = &claim.source {
            edge(from(), node("source", source), "label=\"in\"");
        }
        for speaker in &claim.according_to {
            edge(
                from(),
                node("speaker", speaker),
                "label=\"according to\", style=dashed",
            );
        }
        for disputed in &claim.disputes {
            edge(
                from(),
                node("claim", disputed),
                "label=\"disputes\", color=red",
            );
        }
        for earlier in &claim.supersedes {
            edge(
                from(),
                node("claim", earlier),
                "label=\"supersedes\", style=bold",
            );
        }
        for basis in &claim.basis {
            let kind = match kinds.kind(basis) {
                Basis::Source => "source",
                Basis::Claim => "claim",
                Basis::FirstHand => "first-hand",
            };
            edge(
                from(),
                node(kind, basis),
                "label=\"based on\", style=dotted",
            );
        }
        for group in &claim.origin {
            edge(
                from(),
                node("origin", group),
                "label=\"origin\", color=gray",
            );
        }
    }
    for source in &report.sources {
        if let Some(publisher) = &source.publisher {
            let attributes = "label=\"published by\", color=gray";
            edge(
                node("source", &source.id),
                node("speaker", publisher),
                attributes,
            );
        }
        for author in &source.authors {
            edge(
                node("source", &source.id),
                node("speaker", author),
                "label=\"written by\", color=gray",
            );
        }
    }
    for speaker in &report.speakers {
        for other in &speaker.affiliations {
            let attributes = if other.claimed {
                "label=\"claimed affiliation\", style=dotted, color=gray"
            } else {
                "label=\"affiliated with\", style=dashed, color=gray"
            };
            edge(
                node("speaker", &speaker.id),
                node("speaker", &other.id),
                attributes,
            );
        }
    }
}

fn node(kind: &str, id: &str) -> String {
    quoted(&node_name(kind, id))
}

/// A label of several lines, each shortened to [`LABEL_CHARS`] and escaped, joined by Graphviz's
/// line break; empty lines are left out.
fn label(lines: &[&str]) -> String {
    let escaped: Vec<String> = lines
        .iter()
        .filter(|line| !line.is_empty())
        .map(|line| {
            let mut short: String = line.chars().take(LABEL_CHARS).collect();
            if line.chars().count() > LABEL_CHARS {
                short.push('…');
            }
            escape(&short)
        })
        .collect();
    format!("\"{}\"", escaped.join("\\n"))
}

fn quoted(text: &str) -> String {
    format!("\"{}\"", escape(text))
}

/// Text for inside a DOT string: on one line (line breaks and control characters become visible
/// `\n`, `\u{1b}`), then every backslash doubled, so Graphviz shows it rather than reading `\n`,
/// `\N` or `\"` in it, and every quote escaped, so it cannot end the string.
fn escape(text: &str) -> String {
    one_line(text).replace('\\', "\\\\").replace('"', "\\\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_text_cannot_end_a_string_or_start_a_line() {
        assert_eq!(escape(r#"say "hi""#), r#"say \"hi\""#);
        assert_eq!(escape("ends with \\"), "ends with \\\\");
        assert_eq!(escape("\\N and \\G"), "\\\\N and \\\\G");
        assert_eq!(escape("two\nlines"), "two\\\\nlines");
        assert!(!escape("a\r\nb\u{1b}[2J").contains(['\n', '\r', '\u{1b}']));
    }

    #[test]
    fn labels_join_lines_with_a_graphviz_break_and_cut_long_ones() {
        assert_eq!(label(&["30,000", "a/b"]), "\"30,000\\na/b\"");
        assert_eq!(label(&["", "only"]), "\"only\"");
        let long = "x".repeat(LABEL_CHARS + 5);
        let cut = label(&[&long]);
        assert_eq!(cut.chars().count(), LABEL_CHARS + 3);
        assert!(cut.ends_with("…\""));
    }
}
