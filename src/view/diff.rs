//! What changed between two states of a claim base, in claim terms: records added, removed and
//! changed fact by fact (a value from → to with both readings), speakers renamed or merged, and
//! findings that appeared or were resolved.

use crate::Checked;
use crate::view::snapshot::{
    Facts, claim_facts, figure_facts, findings_by_figure, source_facts, speaker_facts,
};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    pub field: &'static str,
    pub old: Option<String>,
    pub new: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum RecordChange {
    Added {
        id: String,
    },
    Removed {
        id: String,
    },
    Changed {
        id: String,
        fields: Vec<FieldChange>,
    },
    /// A speaker whose id changed: the new record carries the old name or id among its aliases.
    Renamed {
        id: String,
        to: String,
    },
    /// A speaker removed whose name or id an existing speaker now carries as an alias.
    Merged {
        id: String,
        into: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingChange {
    /// The figure the finding is about, if any.
    pub figure: Option<String>,
    pub finding: String,
}

#[derive(Debug, Default, Serialize)]
pub struct Diff {
    pub figures: Vec<RecordChange>,
    pub claims: Vec<RecordChange>,
    pub speakers: Vec<RecordChange>,
    pub sources: Vec<RecordChange>,
    pub findings_appeared: Vec<FindingChange>,
    pub findings_resolved: Vec<FindingChange>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.figures.is_empty()
            && self.claims.is_empty()
            && self.speakers.is_empty()
            && self.sources.is_empty()
            && self.findings_appeared.is_empty()
            && self.findings_resolved.is_empty()
    }
}

pub fn diff(old: &Checked, new: &Checked) -> Diff {
    let records = |checked: &Checked, kind: Kind| -> BTreeMap<String, Facts> {
        let base = &checked.base;
        match kind {
            Kind::Figure => (0..base.figures.len())
                .map(|f| (base.figures[f].id.clone(), figure_facts(checked, f)))
                .collect(),
            Kind::Claim => (0..base.claims.len())
                .map(|c| (base.claims[c].id.clone(), claim_facts(checked, c)))
                .collect(),
            Kind::Speaker => (0..base.speakers.len())
                .map(|s| (base.speakers[s].id.clone(), speaker_facts(checked, s)))
                .collect(),
            Kind::Source => (0..base.sources.len())
                .map(|s| (base.sources[s].id.clone(), source_facts(base, s)))
                .collect(),
        }
    };
    let compare = |kind| compare_records(&records(old, kind), &records(new, kind));
    let mut speakers = compare(Kind::Speaker);
    detect_renames(old, new, &mut speakers);
    let (findings_appeared, findings_resolved) = compare_findings(old, new);
    Diff {
        figures: compare(Kind::Figure),
        claims: compare(Kind::Claim),
        speakers,
        sources: compare(Kind::Source),
        findings_appeared,
        findings_resolved,
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Figure,
    Claim,
    Speaker,
    Source,
}

fn compare_records(
    old: &BTreeMap<String, Facts>,
    new: &BTreeMap<String, Facts>,
) -> Vec<RecordChange> {
    let ids: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    ids.into_iter()
        .filter_map(|id| match (old.get(id), new.get(id)) {
            (Some(_), None) => Some(RecordChange::Removed { id: id.clone() }),
            (None, Some(_)) => Some(RecordChange::Added { id: id.clone() }),
            (Some(before), Some(after)) => {
                let fields = compare_facts(before, after);
                (!fields.is_empty()).then(|| RecordChange::Changed {
                    id: id.clone(),
                    fields,
                })
            }
            (None, None) => None,
        })
        .collect()
}

fn compare_facts(old: &Facts, new: &Facts) -> Vec<FieldChange> {
    // A fact may repeat ("not compared"); compare each name's values joined.
    let gather = |facts: &Facts| -> BTreeMap<&'static str, String> {
        let mut map: BTreeMap<&'static str, String> = BTreeMap::new();
        for (name, value) in facts {
            map.entry(name)
                .and_modify(|joined| {
                    joined.push_str("; ");
                    joined.push_str(value);
                })
                .or_insert_with(|| value.clone());
        }
        map
    };
    let (old, new) = (gather(old), gather(new));
    let order: Vec<&'static str> = {
        let mut names: Vec<&'static str> = old.keys().chain(new.keys()).copied().collect();
        names.sort_unstable();
        names.dedup();
        names
    };
    order
        .into_iter()
        .filter(|name| old.get(name) != new.get(name))
        .map(|field| FieldChange {
            field,
            old: old.get(field).cloned(),
            new: new.get(field).cloned(),
        })
        .collect()
}

fn detect_renames(old: &Checked, new: &Checked, changes: &mut Vec<RecordChange>) {
    let removed: Vec<String> = changes
        .iter()
        .filter_map(|c| match c {
            RecordChange::Removed { id } => Some(id.clone()),
            _ => None,
        })
        .collect();
    for id in removed {
        let Some(crate::model::Node::Speaker(s)) = old.base.lookup(&id) else {
            continue;
        };
        let old_name = &old.base.speakers[s].name;
        let carries_old = |speaker: &crate::model::Speaker| {
            speaker
                .aliases
                .iter()
                .any(|alias| alias == old_name || *alias == id)
                || speaker.name == *old_name
        };
        let Some(heir) = new
            .base
            .speakers
            .iter()
            .find(|speaker| carries_old(speaker))
        else {
            continue;
        };
        let heir_is_new = old.base.lookup(&heir.id).is_none();
        changes.retain(|c| !matches!(c, RecordChange::Removed { id: removed } if *removed == id));
        if heir_is_new {
            changes
                .retain(|c| !matches!(c, RecordChange::Added { id: added } if *added == heir.id));
            changes.push(RecordChange::Renamed {
                id: id.clone(),
                to: heir.id.clone(),
            });
        } else {
            changes.push(RecordChange::Merged {
                id: id.clone(),
                into: heir.id.clone(),
            });
        }
    }
    changes.sort_by(|a, b| change_id(a).cmp(change_id(b)));
}

fn change_id(change: &RecordChange) -> &str {
    match change {
        RecordChange::Added { id }
        | RecordChange::Removed { id }
        | RecordChange::Changed { id, .. }
        | RecordChange::Renamed { id, .. }
        | RecordChange::Merged { id, .. } => id,
    }
}

/// Findings compared as location-free lines, counting repeats, so a record moved between files
/// changes nothing here.
fn compare_findings(old: &Checked, new: &Checked) -> (Vec<FindingChange>, Vec<FindingChange>) {
    let flatten = |checked: &Checked| -> BTreeMap<(Option<String>, String), usize> {
        let mut counts = BTreeMap::new();
        for (figure, lines) in findings_by_figure(checked) {
            for line in lines {
                *counts.entry((figure.clone(), line)).or_insert(0) += 1;
            }
        }
        counts
    };
    let (before, after) = (flatten(old), flatten(new));
    let surplus = |a: &BTreeMap<(Option<String>, String), usize>,
                   b: &BTreeMap<(Option<String>, String), usize>| {
        a.iter()
            .flat_map(|((figure, finding), &count)| {
                let extra = count.saturating_sub(
                    b.get(&(figure.clone(), finding.clone()))
                        .copied()
                        .unwrap_or(0),
                );
                std::iter::repeat_n(
                    FindingChange {
                        figure: figure.clone(),
                        finding: finding.clone(),
                    },
                    extra,
                )
            })
            .collect::<Vec<_>>()
    };
    (surplus(&after, &before), surplus(&before, &after))
}
