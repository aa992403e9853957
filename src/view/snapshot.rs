//! The canonical snapshot: a deterministic text rendering of the resolved claim base, one fact a
//! line, ordered by id and free of file locations, so it does not change when records move between
//! files and `git diff` of it reads as a change in claim terms. The facts of each record are also
//! what `claimtrack diff` compares.

use crate::Checked;
use crate::finding::Finding;
use crate::input::records::ValueKind;
use crate::model::ClaimBase;
use std::collections::BTreeMap;
use std::fmt::Write;

/// A record's facts, in display order: (name, value).
pub type Facts = Vec<(&'static str, String)>;

pub fn render(checked: &Checked) -> String {
    let base = &checked.base;
    let mut out = String::new();
    let mut findings = findings_by_figure(checked);
    for f in sorted(base.figures.len(), |f| &base.figures[f].id) {
        let _ = writeln!(out, "figure {}", base.figures[f].id);
        facts(&mut out, 1, figure_facts(checked, f));
        let comparison = &checked.analysis.comparisons[f];
        for c in sorted_subset(&comparison.claims, |c| &base.claims[c].id) {
            let _ = writeln!(out, "  claim {}", base.claims[c].id);
            facts(&mut out, 2, claim_facts(checked, c));
        }
        for line in findings
            .remove(&Some(base.figures[f].id.clone()))
            .unwrap_or_default()
        {
            let _ = writeln!(out, "  finding {line}");
        }
        out.push('\n');
    }
    let statements: Vec<usize> = (0..base.claims.len())
        .filter(|&c| base.claims[c].figure.is_none())
        .collect();
    if !statements.is_empty() {
        out.push_str("statements\n");
        for c in sorted_subset(&statements, |c| &base.claims[c].id) {
            let _ = writeln!(out, "  claim {}", base.claims[c].id);
            facts(&mut out, 2, claim_facts(checked, c));
        }
        out.push('\n');
    }
    for s in sorted(base.speakers.len(), |s| &base.speakers[s].id) {
        let _ = writeln!(out, "speaker {}", base.speakers[s].id);
        facts(&mut out, 1, speaker_facts(checked, s));
    }
    for s in sorted(base.sources.len(), |s| &base.sources[s].id) {
        let _ = writeln!(out, "source {}", base.sources[s].id);
        facts(&mut out, 1, source_facts(base, s));
    }
    let rest: Vec<String> = findings.into_values().flatten().collect();
    if !rest.is_empty() {
        out.push_str("\nother findings\n");
        for line in rest {
            let _ = writeln!(out, "  finding {line}");
        }
    }
    out
}

/// Each finding as a location-free line, grouped by the figure it is about (`None`: no figure).
pub fn findings_by_figure(checked: &Checked) -> BTreeMap<Option<String>, Vec<String>> {
    let mut grouped: BTreeMap<Option<String>, Vec<String>> = BTreeMap::new();
    for finding in &checked.findings {
        grouped
            .entry(finding_figure(&checked.base, finding).map(str::to_string))
            .or_default()
            .push(format!(
                "{} {}: {}",
                finding.severity, finding.code, finding.message
            ));
    }
    grouped.values_mut().for_each(|lines| lines.sort());
    grouped
}

pub fn figure_facts(checked: &Checked, f: usize) -> Facts {
    let base = &checked.base;
    let figure = &base.figures[f];
    let origins = &checked.analysis.origins;
    let mut facts = vec![("label", figure.label.clone())];
    push(&mut facts, "unit", figure.unit.clone());
    push(
        &mut facts,
        "subject",
        figure.subject.map(|s| base.speakers[s].id.clone()),
    );
    let values = match figure.values {
        ValueKind::Count => "count",
        ValueKind::Label => "label",
    };
    facts.push(("values", values.to_string()));
    if figure.varies {
        let window = figure.window.name();
        facts.push(("varies", format!("yes, compared within one {window}")));
    }
    push(&mut facts, "note", figure.note.clone());
    let comparison = &checked.analysis.comparisons[f];
    let groups = comparison
        .origin_groups
        .iter()
        .map(|&g| origins.group_name(base, g));
    push_list(&mut facts, "independent origins", groups);
    let mut not_compared: Vec<String> = comparison
        .not_compared
        .iter()
        .map(|n| format!("{}: {}", base.claims[n.claim].id, n.reason))
        .collect();
    not_compared.sort();
    facts.extend(
        not_compared
            .into_iter()
            .map(|entry| ("not compared", entry)),
    );
    facts
}

pub fn claim_facts(checked: &Checked, c: usize) -> Facts {
    let base = &checked.base;
    let claim = &base.claims[c];
    let mut facts = Facts::new();
    push(
        &mut facts,
        "figure",
        claim.figure.map(|f| base.figures[f].id.clone()),
    );
    if let Some(value) = &claim.value {
        let is_label = claim
            .figure
            .is_some_and(|f| base.figures[f].values == ValueKind::Label);
        let shown = match &value.reading {
            Some(r) => format!(
                "{} read as {} {}",
                value.written,
                r.interval_text(),
                r.describe()
            ),
            None if is_label || claim.figure.is_none() => value.written.clone(),
            None => format!("{} (unreadable)", value.written),
        };
        facts.push(("value", shown));
    }
    push(&mut facts, "statement", claim.statement.clone());
    push(
        &mut facts,
        "speaker",
        claim.speaker.map(|s| base.speakers[s].id.clone()),
    );
    push(
        &mut facts,
        "source",
        claim.source.map(|s| base.sources[s].id.clone()),
    );
    push(
        &mut facts,
        "quote",
        claim.quote.as_ref().map(|q| q.get_ref().clone()),
    );
    push(&mut facts, "locator", claim.locator.clone());
    push(&mut facts, "as of", claim.as_of.map(|d| d.to_string()));
    push(
        &mut facts,
        "according to",
        claim.according_to.map(|s| base.speakers[s].id.clone()),
    );
    let bases = claim.basis.iter().map(|&basis| base.basis_name(basis));
    push_list(&mut facts, "basis", bases);
    let origins = &checked.analysis.origins;
    push_list(
        &mut facts,
        "origin",
        origins.claim_groups[c]
            .iter()
            .map(|&g| origins.group_name(base, g)),
    );
    push(&mut facts, "note", claim.note.clone());
    facts
}

pub fn speaker_facts(checked: &Checked, s: usize) -> Facts {
    let base = &checked.base;
    let speaker = &base.speakers[s];
    let origins = &checked.analysis.origins;
    let mut facts = vec![
        ("name", speaker.name.clone()),
        ("kind", serialized_name(&speaker.kind)),
    ];
    let mut aliases: Vec<&str> = speaker.aliases.iter().map(String::as_str).collect();
    aliases.sort_unstable();
    push_list(&mut facts, "aliases", aliases);
    let mut affiliations: Vec<&str> = speaker
        .affiliations
        .iter()
        .map(|&a| base.speakers[a].id.as_str())
        .collect();
    affiliations.sort_unstable();
    push_list(&mut facts, "affiliations", affiliations);
    facts.push((
        "origin group",
        origins
            .group_name(base, origins.speaker_group[s])
            .to_string(),
    ));
    push(&mut facts, "note", speaker.note.clone());
    facts
}

pub fn source_facts(base: &ClaimBase, s: usize) -> Facts {
    let source = &base.sources[s];
    let mut facts = vec![("title", source.title.clone())];
    push(
        &mut facts,
        "publisher",
        source.publisher.map(|p| base.speakers[p].id.clone()),
    );
    facts.push(("kind", serialized_name(&source.kind)));
    push(
        &mut facts,
        "published",
        source.published.map(|d| d.to_string()),
    );
    push(&mut facts, "url", source.url.clone());
    push(
        &mut facts,
        "sha256",
        source.sha256.as_ref().map(|h| h.get_ref().clone()),
    );
    push(&mut facts, "note", source.note.clone());
    facts
}

/// The figure a finding is about: the figure of the first claim it names.
pub fn finding_figure<'a>(base: &'a ClaimBase, finding: &Finding) -> Option<&'a str> {
    base.figure_of_claim(finding.claims.first()?)
}

/// An enum's name as the records write it (`press-release`).
fn serialized_name(value: &impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn sorted<'a>(count: usize, id: impl Fn(usize) -> &'a String) -> Vec<usize> {
    sorted_subset(&(0..count).collect::<Vec<_>>(), id)
}

fn sorted_subset<'a>(indices: &[usize], id: impl Fn(usize) -> &'a String) -> Vec<usize> {
    let mut indices = indices.to_vec();
    indices.sort_by(|&a, &b| id(a).cmp(id(b)));
    indices
}

fn push(facts: &mut Facts, name: &'static str, value: Option<String>) {
    facts.extend(value.map(|value| (name, value)));
}

fn push_list<'a>(facts: &mut Facts, name: &'static str, items: impl IntoIterator<Item = &'a str>) {
    let items: Vec<&str> = items.into_iter().collect();
    if !items.is_empty() {
        facts.push((name, items.join(", ")));
    }
}

fn facts(out: &mut String, depth: usize, facts: Facts) {
    for (name, value) in facts {
        // One fact a line: line breaks inside a value are shown escaped.
        let _ = writeln!(
            out,
            "{}{name}: {}",
            "  ".repeat(depth),
            value.replace('\n', "\\n")
        );
    }
}
