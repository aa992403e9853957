//! What changed between two states of a claim base, in claim terms: records added, removed and
//! changed fact by fact (a value from → to with both readings), speakers renamed or merged, and
//! findings that appeared or were resolved.

use super::facts::{self, FactValue, Facts};
use super::report::{FindingView, Report};
use crate::finding::key::FindingKey;
use foldhash::fast::FixedState;
use foldhash::{HashMap, HashSet};
use rayon::prelude::*;
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};
use std::hash::BuildHasher;

/// A field of a record that changed: its name as the records spell it, and its old and new value
/// (a claim's value with its reading as structured data).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    pub field: &'static str,
    pub old: Option<FactValue>,
    pub new: Option<FactValue>,
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
pub struct FindingChange<'a> {
    pub key: FindingKey<'a>,
    /// The figure the finding is about, if any.
    pub figure: Option<String>,
    pub finding: String,
}

/// A finding about the same things on both sides whose message moved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingChanged<'a> {
    pub key: FindingKey<'a>,
    pub figure: Option<String>,
    pub old: String,
    pub new: String,
}

#[derive(Debug, Default, Serialize)]
pub struct Diff<'a> {
    pub figures: Vec<RecordChange>,
    pub claims: Vec<RecordChange>,
    pub speakers: Vec<RecordChange>,
    pub sources: Vec<RecordChange>,
    pub findings_appeared: Vec<FindingChange<'a>>,
    pub findings_resolved: Vec<FindingChange<'a>>,
    /// Findings still there, about the same things, whose message moved (a count, a value).
    pub findings_changed: Vec<FindingChanged<'a>>,
}

impl Diff<'_> {
    pub fn is_empty(&self) -> bool {
        self.figures.is_empty()
            && self.claims.is_empty()
            && self.speakers.is_empty()
            && self.sources.is_empty()
            && self.findings_appeared.is_empty()
            && self.findings_resolved.is_empty()
            && self.findings_changed.is_empty()
    }
}

/// What changed from the `old` report to the `new` one; both cover the whole claim base.
pub fn diff<'a>(old: &Report<'a>, new: &Report<'a>) -> Diff<'a> {
    // The claims and the findings are the bulk of a base, and independent: one core each.
    let (claims, (findings, figures)) = rayon::join(
        || compare_records(&old.claims, &new.claims, |c| c.id, facts::claim),
        || {
            (
                compare_findings(old, new),
                compare_records(&old.figures, &new.figures, |f| f.id, facts::figure),
            )
        },
    );
    let (findings_appeared, findings_resolved, findings_changed) = findings;
    let mut speakers = compare_records(&old.speakers, &new.speakers, |s| &s.id, facts::speaker);
    detect_renames(old, new, &mut speakers);
    Diff {
        figures,
        claims,
        speakers,
        sources: compare_records(&old.sources, &new.sources, |s| &s.id, facts::source),
        findings_appeared,
        findings_resolved,
        findings_changed,
    }
}

/// The records of two reports compared by id. Both lists are in id order (the report model keeps
/// them so), so one walk pairs them, and each pair's facts are made only while it is compared:
/// a large base is never held twice more as facts. A pair whose views are equal has equal facts
/// and is passed over without making them: most records of a base do not change.
fn compare_records<T: PartialEq>(
    old: &[T],
    new: &[T],
    id: impl Fn(&T) -> &str,
    facts_of: impl Fn(&T) -> Facts,
) -> Vec<RecordChange> {
    let (mut old, mut new) = (old.iter().peekable(), new.iter().peekable());
    let mut changes = Vec::new();
    loop {
        let order = match (old.peek(), new.peek()) {
            (None, None) => break,
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (Some(a), Some(b)) => id(a).cmp(id(b)),
        };
        match order {
            Ordering::Less => {
                let record = old.next().expect("peeked");
                changes.push(RecordChange::Removed {
                    id: id(record).to_string(),
                });
            }
            Ordering::Greater => {
                let record = new.next().expect("peeked");
                changes.push(RecordChange::Added {
                    id: id(record).to_string(),
                });
            }
            Ordering::Equal => {
                let (before, after) = (old.next().expect("peeked"), new.next().expect("peeked"));
                if before == after {
                    continue;
                }
                let fields = compare_facts(&facts_of(before), &facts_of(after));
                if !fields.is_empty() {
                    changes.push(RecordChange::Changed {
                        id: id(before).to_string(),
                        fields,
                    });
                }
            }
        }
    }
    changes
}

fn compare_facts(old: &Facts, new: &Facts) -> Vec<FieldChange> {
    let (old, new): (BTreeMap<_, _>, BTreeMap<_, _>) = (
        old.iter().map(|(name, value)| (*name, value)).collect(),
        new.iter().map(|(name, value)| (*name, value)).collect(),
    );
    let names: BTreeSet<&'static str> = old.keys().chain(new.keys()).copied().collect();
    names
        .into_iter()
        .filter(|name| old.get(name) != new.get(name))
        .map(|field| {
            // A field left out at its default changed to or from that default.
            let side = |facts: &BTreeMap<&str, &FactValue>| {
                facts
                    .get(field)
                    .map(|&value| value.clone())
                    .or_else(|| facts::default_of(field))
            };
            FieldChange {
                field,
                old: side(&old),
                new: side(&new),
            }
        })
        .collect()
}

fn detect_renames(old: &Report, new: &Report, changes: &mut Vec<RecordChange>) {
    // Looked up by id, name and alias rather than searched for each removed speaker: a base
    // whose speaker ids all changed would otherwise take time growing with their square.
    let old_by_id = first_by(old.speakers.iter().map(|s| s.id.as_str()).enumerate());
    let new_by_name = first_by(new.speakers.iter().map(|s| s.name.as_str()).enumerate());
    let new_by_alias = first_by(
        (new.speakers.iter().enumerate())
            .flat_map(|(at, s)| s.aliases.iter().map(move |alias| (at, alias.as_str()))),
    );
    let mut gone_removed: HashSet<&str> = HashSet::default();
    let mut gone_added: HashSet<&str> = HashSet::default();
    let mut found = Vec::new();
    for change in changes.iter() {
        let RecordChange::Removed { id } = change else {
            continue;
        };
        let Some(&old_at) = old_by_id.get(id.as_str()) else {
            continue;
        };
        let old_speaker = &old.speakers[old_at];
        let old_name = old_speaker.name.as_str();
        // The first new speaker that carries the old name or id as an alias, or the old name.
        let heir = [
            new_by_alias.get(old_name),
            new_by_alias.get(id.as_str()),
            new_by_name.get(old_name),
        ];
        let Some(&heir) = heir.into_iter().flatten().min() else {
            continue;
        };
        let heir = new.speakers[heir].id.as_str();
        gone_removed.insert(old_speaker.id.as_str());
        if old_by_id.contains_key(heir) {
            found.push(RecordChange::Merged {
                id: id.clone(),
                into: heir.to_string(),
            });
        } else {
            gone_added.insert(heir);
            found.push(RecordChange::Renamed {
                id: id.clone(),
                to: heir.to_string(),
            });
        }
    }
    changes.retain(|change| match change {
        RecordChange::Removed { id } => !gone_removed.contains(id.as_str()),
        RecordChange::Added { id } => !gone_added.contains(id.as_str()),
        _ => true,
    });
    changes.extend(found);
    changes.sort_by(|a, b| change_id(a).cmp(change_id(b)));
}

/// Where each key is first met, from (place, key) pairs.
fn first_by<'k>(keys: impl Iterator<Item = (usize, &'k str)>) -> HashMap<&'k str, usize> {
    let mut first = HashMap::default();
    for (at, key) in keys {
        first.entry(key).or_insert(at);
    }
    first
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

/// Findings matched by key, counting repeats: a key on one side only appeared or was resolved; a
/// key on both whose message differs changed. Moving a record between files changes nothing here.
/// Both sides are sorted by a hash of the key, then the key, then the finding's line without place,
/// and walked once; only the findings that changed are copied, and put in key order at the end.
/// Sorting by the hash first spares most comparisons of the keys' text (claim ids, messages),
/// where most of the matching's time went.
fn compare_findings<'a>(
    old: &Report<'a>,
    new: &Report<'a>,
) -> (
    Vec<FindingChange<'a>>,
    Vec<FindingChange<'a>>,
    Vec<FindingChanged<'a>>,
) {
    let (old, new) = rayon::join(|| by_key_and_line(old), || by_key_and_line(new));
    let mut changes = FindingChanges::default();
    let (mut i, mut j) = (0, 0);
    while i < old.len() || j < new.len() {
        let key = match (old.get(i), new.get(j)) {
            (Some(o), Some(n)) => o.order().min(n.order()),
            (Some(o), None) => o.order(),
            (None, Some(n)) => n.order(),
            (None, None) => unreachable!("the loop runs while either side has findings"),
        };
        let old_end = i + old[i..].iter().take_while(|f| f.order() == key).count();
        let new_end = j + new[j..].iter().take_while(|f| f.order() == key).count();
        changes.compare_group(&old[i..old_end], &new[j..new_end]);
        (i, j) = (old_end, new_end);
    }
    // Stable: within a key, the changes stay in the order of their lines.
    changes.appeared.sort_by(|a, b| a.key.cmp(&b.key));
    changes.resolved.sort_by(|a, b| a.key.cmp(&b.key));
    changes.changed.sort_by(|a, b| a.key.cmp(&b.key));
    (changes.appeared, changes.resolved, changes.changed)
}

/// A finding with the hash of its key.
struct Keyed<'r, 'a> {
    hash: u64,
    finding: &'r FindingView<'a>,
}

impl<'r, 'a> Keyed<'r, 'a> {
    /// The order findings are matched in: equal keys are next to each other.
    fn order(&self) -> (u64, &'r FindingKey<'a>) {
        (self.hash, &self.finding.key)
    }
}

/// A report's findings in the order of their keys' hashes and keys, and within a key in the order
/// of their lines without place (`severity code: message`; the code is the key's); otherwise as
/// the report lists them.
fn by_key_and_line<'r, 'a>(report: &'r Report<'a>) -> Vec<Keyed<'r, 'a>> {
    let hasher = FixedState::default();
    let mut findings: Vec<Keyed> = (report.findings.par_iter())
        .map(|finding| Keyed {
            hash: hasher.hash_one(&finding.key),
            finding,
        })
        .collect();
    findings.par_sort_by(|a, b| (a.order(), line(a.finding)).cmp(&(b.order(), line(b.finding))));
    findings
}

#[derive(Default)]
struct FindingChanges<'a> {
    appeared: Vec<FindingChange<'a>>,
    resolved: Vec<FindingChange<'a>>,
    changed: Vec<FindingChanged<'a>>,
}

impl<'a> FindingChanges<'a> {
    /// The findings of one key on each side, both in line order. A line on both sides is no
    /// change; what is left pairs up, in order, as changed, and the rest appeared or was resolved.
    fn compare_group(&mut self, old: &[Keyed<'_, 'a>], new: &[Keyed<'_, 'a>]) {
        let (mut olds, mut news) = (Vec::new(), Vec::new());
        let (mut i, mut j) = (0, 0);
        while i < old.len() && j < new.len() {
            match line(old[i].finding).cmp(&line(new[j].finding)) {
                Ordering::Equal => (i, j) = (i + 1, j + 1),
                Ordering::Less => {
                    olds.push(old[i].finding);
                    i += 1;
                }
                Ordering::Greater => {
                    news.push(new[j].finding);
                    j += 1;
                }
            }
        }
        olds.extend(old[i..].iter().map(|f| f.finding));
        news.extend(new[j..].iter().map(|f| f.finding));
        let paired = olds.len().min(news.len());
        for (o, n) in olds.iter().zip(&news) {
            self.changed.push(FindingChanged {
                key: n.key.clone(),
                figure: n.figure.map(str::to_string),
                old: o.line_without_place(),
                new: n.line_without_place(),
            });
        }
        self.resolved
            .extend(olds[paired..].iter().map(|f| change(f)));
        self.appeared
            .extend(news[paired..].iter().map(|f| change(f)));
    }
}

/// What a finding's line without place is made of, besides the code its key holds.
fn line<'f>(finding: &'f FindingView) -> (&'static str, &'f str) {
    (finding.severity.as_str(), &finding.message)
}

fn change<'a>(finding: &FindingView<'a>) -> FindingChange<'a> {
    FindingChange {
        key: finding.key.clone(),
        figure: finding.figure.map(str::to_string),
        finding: finding.line_without_place(),
    }
}

#[cfg(test)]
mod tests;
