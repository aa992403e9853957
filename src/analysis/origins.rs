//! Origins and independence: where each claim comes from, found on the graph by following
//! `according_to` and `basis` back to the earliest speaker, and which speakers form one origin group
//! because affiliations join them.

use crate::finding::{Code, Finding};
use crate::input::files::Location;
use crate::model::{Basis, ClaimBase, Node, Relation};
use petgraph::unionfind::UnionFind;
use petgraph::visit::EdgeRef;

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
    pub claim_groups: Vec<Vec<usize>>,
}

impl Origins {
    pub fn find(base: &ClaimBase) -> (Origins, Vec<Finding>) {
        let (groups, speaker_group) = affiliation_groups(base);
        let (claim_speakers, findings) = origin_speakers(base);
        let claim_groups = claim_speakers
            .into_iter()
            .map(|speakers| {
                let mut groups: Vec<usize> =
                    speakers.into_iter().map(|s| speaker_group[s]).collect();
                groups.sort_unstable();
                groups.dedup();
                groups
            })
            .collect();
        (
            Origins {
                groups,
                speaker_group,
                claim_groups,
            },
            findings,
        )
    }

    /// The id that names a group in reports: its representative speaker's id.
    pub fn group_name<'a>(&self, base: &'a ClaimBase, group: usize) -> &'a str {
        &base.speakers[self.groups[group].representative].id
    }
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

#[derive(Clone, Copy, PartialEq)]
enum Visit {
    New,
    InProgress,
    Done,
}

/// The earliest speakers behind each claim. Claims resting on claims are followed depth-first with
/// an explicit stack, so long chains cannot overflow and cycles are reported, never looped.
fn origin_speakers(base: &ClaimBase) -> (Vec<Vec<usize>>, Vec<Finding>) {
    let claims = &base.claims;
    let mut state = vec![Visit::New; claims.len()];
    let mut result: Vec<Vec<usize>> = vec![Vec::new(); claims.len()];
    let mut findings = Vec::new();
    let basis_claims = |c: usize| {
        claims[c].basis.iter().filter_map(|basis| match basis {
            Basis::Claim(d) => Some(*d),
            _ => None,
        })
    };
    // Visited in id order, so which claim of a cycle is reported does not depend on file layout.
    let mut order: Vec<usize> = (0..claims.len()).collect();
    order.sort_by(|&a, &b| claims[a].id.cmp(&claims[b].id));
    for start in order {
        if state[start] != Visit::New {
            continue;
        }
        let mut stack = vec![(start, 0usize)];
        state[start] = Visit::InProgress;
        while let Some(top) = stack.last_mut() {
            let claim = top.0;
            if let Some(dependency) = basis_claims(claim).nth(top.1) {
                top.1 += 1;
                match state[dependency] {
                    Visit::New => {
                        state[dependency] = Visit::InProgress;
                        stack.push((dependency, 0));
                    }
                    Visit::InProgress => findings.push(cycle_finding(base, &stack, dependency)),
                    Visit::Done => {}
                }
                continue;
            }
            stack.pop();
            state[claim] = Visit::Done;
            result[claim] = own_origins(base, claim, &result, &state);
        }
    }
    (result, findings)
}

fn own_origins(base: &ClaimBase, c: usize, done: &[Vec<usize>], state: &[Visit]) -> Vec<usize> {
    let claim = &base.claims[c];
    let mut speakers: Vec<usize> = claim.according_to.into_iter().collect();
    for basis in &claim.basis {
        match *basis {
            Basis::Source(s) => speakers.extend(base.sources[s].publisher),
            // A claim still in progress sits on a reported cycle and contributes nothing.
            Basis::Claim(d) if state[d] == Visit::Done => speakers.extend(&done[d]),
            Basis::Claim(_) => {}
            Basis::FirstHand(_) => speakers.extend(claim.according_to.or(claim.speaker)),
        }
    }
    if speakers.is_empty() {
        speakers.extend(claim.speaker);
    }
    speakers.sort_unstable();
    speakers.dedup();
    speakers
}

fn cycle_finding(base: &ClaimBase, stack: &[(usize, usize)], back_to: usize) -> Finding {
    let from = stack.iter().position(|&(c, _)| c == back_to).unwrap_or(0);
    let cycle: Vec<&str> = stack[from..]
        .iter()
        .map(|&(c, _)| base.claims[c].id.as_str())
        .collect();
    let last = stack.last().map_or(back_to, |&(c, _)| c);
    let location: Location = base.claims[last].location.clone();
    Finding::new(
        Code::BasisCycle,
        location,
        format!(
            "claims rest on each other in a cycle: {} -> {}",
            cycle.join(" -> "),
            base.claims[back_to].id
        ),
    )
    .label("its basis leads back here")
    .help("one claim of the cycle must rest on a source or a first-hand basis instead")
    .claims(cycle)
}
