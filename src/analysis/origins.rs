//! Origins and independence: where each claim comes from, found on the graph by following
//! `according_to` and `basis` back to the earliest speaker, which speakers form one origin group
//! because affiliations join them (a dated affiliation only for claims within its dates; an
//! anonymous speaker's claimed affiliations never), and which claims rest on each other in a cycle.

use super::attributed::Attributed;
use super::lists::Lists;
use super::own_words::OwnWords;
use crate::model::date::PartialDate;
use crate::model::{Basis, ClaimBase, Node, Relation};
use foldhash::{HashMap, HashSet};
use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::unionfind::UnionFind;
use petgraph::visit::EdgeRef;
use rayon::prelude::*;

/// Speakers joined by affiliations, named after the member the others are most affiliated with.
#[derive(Debug, Clone)]
pub struct OriginGroup {
    /// The speaker whose id names the group.
    pub representative: usize,
    pub members: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct Origins {
    pub groups: Vec<OriginGroup>,
    /// The group of each speaker.
    pub speaker_group: Vec<usize>,
    /// The origin groups of each claim, sorted; empty when its speaker is unresolved.
    pub claim_groups: Lists<usize>,
    /// For each claim without a basis, for each party it is attributed to (in `according_to`
    /// order), the party's own claim it follows, if one is found.
    pub followed: Lists<Option<usize>>,
    /// Claims that rest on each other in a cycle: each cycle's claims sorted by id, the cycles by
    /// their first id.
    pub cycles: Vec<Vec<usize>>,
}

impl Origins {
    pub fn find(base: &ClaimBase, own_words: &OwnWords, attributed: &Attributed) -> Origins {
        let (groups, speaker_group) = affiliation_groups(base);
        let followed = followed(base, own_words, attributed);
        let claim_speakers = origin_speakers(base, &followed);
        let cycles = basis_cycles(base);
        let dated = DatedAffiliations::of(base, &speaker_group);
        let claim_groups = claim_speakers
            .into_iter()
            .map(|speakers| {
                let mut groups: Vec<usize> = speakers
                    .into_iter()
                    .flat_map(|(s, date)| dated.groups_at(speaker_group[s], date))
                    .collect();
                groups.sort_unstable();
                groups.dedup();
                groups
            })
            .collect();
        Origins {
            groups,
            speaker_group,
            claim_groups,
            followed,
            cycles,
        }
    }

    /// The id that names a group in reports: its representative speaker's id.
    pub fn group_name<'a>(&self, base: &'a ClaimBase, group: usize) -> &'a str {
        &base.speakers[self.groups[group].representative].id
    }
}

/// For each claim without a basis, for each party it is attributed to, the party's own claim it
/// follows, if one is found. What each party says is indexed once per figure and window, on
/// every core.
fn followed(
    base: &ClaimBase,
    own_words: &OwnWords,
    attributed: &Attributed,
) -> Lists<Option<usize>> {
    let without_basis = |c: &usize| base.claims[*c].basis.is_empty();
    let mut follows: Vec<((usize, usize), Option<usize>)> = (attributed.asked().par_iter())
        .filter(|asked| asked.claims.iter().any(without_basis))
        .flat_map_iter(|asked| {
            let (figure, party, _) = asked.key;
            let said = own_words.said(base, asked.key);
            (asked.claims.iter().filter(|c| without_basis(c)))
                .map(|&c| ((c, party), said.followed(base, figure, c)))
                .collect::<Vec<_>>()
        })
        .collect();
    follows.sort_unstable_by_key(|&(at, _)| at);
    (0..base.claims.len())
        .map(|c| {
            let claim = &base.claims[c];
            if claim.figure().is_none() || !claim.basis.is_empty() || claim.value.is_none() {
                return Vec::new();
            }
            (claim.according_to.iter())
                .map(|&party| {
                    let at = follows.binary_search_by_key(&(c, party), |&(at, _)| at);
                    at.ok().and_then(|at| follows[at].1)
                })
                .collect()
        })
        .collect()
}

fn affiliation_groups(base: &ClaimBase) -> (Vec<OriginGroup>, Vec<usize>) {
    let count = base.speakers.len();
    let mut union = UnionFind::<usize>::new(count);
    let mut affiliated_to = vec![0usize; count];
    for edge in base.graph.edge_references() {
        if *edge.weight() != Relation::AffiliatedWith {
            continue;
        }
        if let (Node::Speaker(from), Node::Speaker(to)) =
            (base.graph[edge.source()], base.graph[edge.target()])
        {
            union.union(from, to);
            affiliated_to[to] += 1;
        }
    }
    let labels = union.into_labeling();
    let mut group_of_label = vec![usize::MAX; count];
    let mut groups: Vec<OriginGroup> = Vec::new();
    for (speaker, &label) in labels.iter().enumerate() {
        if group_of_label[label] == usize::MAX {
            group_of_label[label] = groups.len();
            groups.push(OriginGroup {
                representative: speaker,
                members: Vec::new(),
            });
        }
        groups[group_of_label[label]].members.push(speaker);
    }
    for group in &mut groups {
        group.representative = *group
            .members
            .iter()
            .min_by(|&&a, &&b| {
                affiliated_to[b]
                    .cmp(&affiliated_to[a])
                    .then_with(|| base.speakers[a].id.cmp(&base.speakers[b].id))
            })
            .expect("a group has a member");
    }
    // Numbered in the order of their names, so every list of groups reads the same whatever the
    // order of the records.
    groups.sort_by(|a, b| {
        base.speakers[a.representative]
            .id
            .cmp(&base.speakers[b.representative].id)
    });
    let mut speaker_group = vec![0; count];
    for (g, group) in groups.iter().enumerate() {
        for &member in &group.members {
            speaker_group[member] = g;
        }
    }
    (groups, speaker_group)
}

/// Affiliations that hold only between dates, between the groups the undated ones form: a member's
/// claim within the dates counts for the party's group, outside them for its own.
struct DatedAffiliations<'a> {
    /// For each group with a member dated into another: (member's speaker, affiliation).
    out_of_group: HashMap<usize, Vec<(usize, crate::model::Affiliation)>>,
    speaker_group: &'a [usize],
}

impl<'a> DatedAffiliations<'a> {
    fn of(base: &ClaimBase, speaker_group: &'a [usize]) -> Self {
        let mut out_of_group: HashMap<usize, Vec<_>> = HashMap::default();
        for (s, affiliation) in base.dated_affiliations() {
            out_of_group
                .entry(speaker_group[s])
                .or_default()
                .push((s, affiliation));
        }
        DatedAffiliations {
            out_of_group,
            speaker_group,
        }
    }

    /// The groups a claim dated `date` by a speaker of `group` counts for: the group itself, or
    /// the groups its dated affiliations lead to on that date, followed to their end.
    fn groups_at(&self, group: usize, date: Option<PartialDate>) -> Vec<usize> {
        if self.out_of_group.is_empty() {
            return vec![group];
        }
        let mut seen = HashSet::from_iter([group]);
        let mut stack = vec![group];
        let mut ends = Vec::new();
        while let Some(g) = stack.pop() {
            let mut leads_on = false;
            for (_, affiliation) in self.out_of_group.get(&g).into_iter().flatten() {
                if !affiliation.holds_at(date) {
                    continue;
                }
                leads_on = true;
                let next = self.speaker_group[affiliation.speaker];
                if seen.insert(next) {
                    stack.push(next);
                }
            }
            if !leads_on {
                ends.push(g);
            }
        }
        // A loop of dated affiliations has no end: its groups stand for themselves.
        if ends.is_empty() {
            ends.push(group);
        }
        ends
    }
}

/// The cycles among claims resting on claims: the strongly connected components of the graph's
/// `rests on` edges between claims (found iteratively, so long chains cannot overflow), each sorted
/// by id, in the order of their first ids.
fn basis_cycles(base: &ClaimBase) -> Vec<Vec<usize>> {
    // A source rests on nothing, so every loop of `rests on` edges is among claims.
    base.claim_loops(Relation::RestsOn)
}

/// An origin: the speaker, and the date it spoke (which decides its dated affiliations).
type Origin = (usize, Option<PartialDate>);

/// The earliest speakers behind each claim. A claim depends on the claims it rests on and, for an
/// attribution without a basis, on the attributed party's own claim it follows; these dependencies
/// are condensed into strongly connected components, which come sinks first, so every claim's
/// dependencies are resolved before the claim itself. Dependencies within one component (a loop)
/// contribute nothing.
fn origin_speakers(base: &ClaimBase, followed: &Lists<Option<usize>>) -> Vec<Vec<Origin>> {
    let claims = &base.claims;
    let mut depends: DiGraph<(), ()> = DiGraph::with_capacity(claims.len(), claims.len());
    for _ in claims {
        depends.add_node(());
    }
    for (c, claim) in claims.iter().enumerate() {
        for basis in &claim.basis {
            if let Basis::Claim(d) = *basis {
                depends.add_edge(NodeIndex::new(c), NodeIndex::new(d), ());
            }
        }
        for &d in followed[c].iter().flatten() {
            depends.add_edge(NodeIndex::new(c), NodeIndex::new(d), ());
        }
    }
    let mut result: Vec<Vec<Origin>> = vec![Vec::new(); claims.len()];
    let mut component_of = vec![usize::MAX; claims.len()];
    for (component, nodes) in kosaraju_scc(&depends).into_iter().enumerate() {
        for node in &nodes {
            component_of[node.index()] = component;
        }
        for node in &nodes {
            let c = node.index();
            result[c] = own_origins(base, c, &followed[c], &result, |d| {
                component_of[d] == component
            });
        }
    }
    result
}

/// A claim's origins, the earliest point that can be traced: what its basis leads to (the authors
/// of the sources it rests on, or their publishers when no authors are named, the origins of the
/// claims it rests on, or for a first-hand basis the parties who have it first-hand); without a
/// basis, for each attributed party the origins of its own claim the attribution follows, or else
/// the party itself; else its own speaker. The basis comes first as it is earlier: this also keeps
/// a chain of attributions resting on each other from piling every link's party onto the last
/// claim. A source's authors speak at its publication date, everyone else at the claim's.
fn own_origins(
    base: &ClaimBase,
    c: usize,
    followed: &[Option<usize>],
    done: &[Vec<Origin>],
    on_loop_with: impl Fn(usize) -> bool,
) -> Vec<Origin> {
    let claim = &base.claims[c];
    let now = |speaker: usize| (speaker, claim.as_of);
    let mut origins: Vec<Origin> = Vec::new();
    for basis in &claim.basis {
        match *basis {
            Basis::Source(s) => {
                let source = &base.sources[s];
                if source.authors.is_empty() {
                    origins.extend(source.publisher.map(now));
                } else {
                    origins.extend(source.authors.iter().map(|&a| (a, source.published)));
                }
            }
            Basis::Claim(d) if !on_loop_with(d) => origins.extend(&done[d]),
            Basis::Claim(_) => {}
            Basis::FirstHand(_) => origins.extend(claim.voices().into_iter().map(now)),
        }
    }
    if claim.basis.is_empty() {
        for (k, &party) in claim.according_to.iter().enumerate() {
            match followed.get(k).copied().flatten() {
                Some(d) if !on_loop_with(d) => origins.extend(&done[d]),
                _ => origins.push(now(party)),
            }
        }
    }
    if origins.is_empty() {
        origins.extend(claim.voices().into_iter().map(now));
    }
    origins.sort_unstable();
    origins.dedup();
    origins
}

#[cfg(test)]
mod tests;
