//! Origins and independence: where each claim comes from, found on the graph by following
//! `according_to` and `basis` back to the earliest speaker, which speakers form one origin group
//! because affiliations join them, and which claims rest on each other in a cycle.

use crate::model::{Basis, ClaimBase, Node, Relation};
use petgraph::algo::kosaraju_scc;
use petgraph::unionfind::UnionFind;
use petgraph::visit::{EdgeFiltered, EdgeRef};

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
    /// Claims that rest on each other in a cycle: each cycle's claims sorted by id, the cycles by
    /// their first id.
    pub cycles: Vec<Vec<usize>>,
}

impl Origins {
    pub fn find(base: &ClaimBase) -> Origins {
        let (groups, speaker_group) = affiliation_groups(base);
        let (claim_speakers, cycles) = origin_speakers(base);
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
        Origins {
            groups,
            speaker_group,
            claim_groups,
            cycles,
        }
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

/// The earliest speakers behind each claim, and the cycles among claims resting on claims. The
/// graph's `rests on` edges between claims are condensed into strongly connected components
/// (iteratively, so long chains cannot overflow); components come sinks first, so every claim's
/// basis is resolved before the claim itself.
fn origin_speakers(base: &ClaimBase) -> (Vec<Vec<usize>>, Vec<Vec<usize>>) {
    let claims = &base.claims;
    let rests_on_claim = EdgeFiltered::from_fn(&base.graph, |edge| {
        *edge.weight() == Relation::RestsOn && matches!(base.graph[edge.target()], Node::Claim(_))
    });
    let mut result: Vec<Vec<usize>> = vec![Vec::new(); claims.len()];
    let mut cycles = Vec::new();
    let mut component_of = vec![usize::MAX; claims.len()];
    for (component, nodes) in kosaraju_scc(&rests_on_claim).into_iter().enumerate() {
        let members: Vec<usize> = nodes
            .iter()
            .filter_map(|&n| match base.graph[n] {
                Node::Claim(c) => Some(c),
                _ => None,
            })
            .collect();
        for &c in &members {
            component_of[c] = component;
        }
        let rests_on_itself = |c: usize| claims[c].basis.contains(&Basis::Claim(c));
        if members.len() > 1 || members.first().is_some_and(|&c| rests_on_itself(c)) {
            let mut cycle = members.clone();
            cycle.sort_by(|&a, &b| claims[a].id.cmp(&claims[b].id));
            cycles.push(cycle);
        }
        for &c in &members {
            result[c] = own_origins(base, c, &result, |d| component_of[d] == component);
        }
    }
    cycles.sort_by(|a, b| claims[a[0]].id.cmp(&claims[b[0]].id));
    (result, cycles)
}

/// A claim's origins: its attributed party, the publishers of the sources it rests on, the origins
/// of the claims it rests on (except those on a cycle with it, which contribute nothing), or else
/// its own speaker.
fn own_origins(
    base: &ClaimBase,
    c: usize,
    done: &[Vec<usize>],
    on_cycle_with: impl Fn(usize) -> bool,
) -> Vec<usize> {
    let claim = &base.claims[c];
    let mut speakers: Vec<usize> = claim.according_to.into_iter().collect();
    for basis in &claim.basis {
        match *basis {
            Basis::Source(s) => speakers.extend(base.sources[s].publisher),
            Basis::Claim(d) if !on_cycle_with(d) => speakers.extend(&done[d]),
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

#[cfg(test)]
mod tests {
    use crate::finding::Code;
    use crate::testing::{FIGURE, SOURCES, checked, claim, claim_index};

    fn origin_names<'a>(checked: &'a crate::Checked, id: &str) -> Vec<&'a str> {
        let origins = &checked.analysis.origins;
        origins.claim_groups[claim_index(checked, id)]
            .iter()
            .map(|&g| origins.group_name(&checked.base, g))
            .collect()
    }

    #[test]
    fn a_basis_chain_leads_to_the_first_speaker_and_affiliates_share_a_group() {
        let claims = [
            FIGURE.to_string(),
            claim(
                "first",
                "1,000",
                "ministry",
                "basis = [\"official-records\"]",
            ),
            claim("second", "1,000", "watchdog", "basis = [\"first\"]"),
            claim("third", "1,000", "outlet", "basis = [\"second\"]"),
        ]
        .concat();
        let checked = checked(SOURCES, &claims);
        assert_eq!(origin_names(&checked, "third"), ["government"]);
        assert_eq!(origin_names(&checked, "second"), ["government"]);
        assert!(checked.analysis.origins.cycles.is_empty());
    }

    #[test]
    fn cycles_are_found_once_each_and_a_self_reference_is_a_cycle() {
        let claims = [
            FIGURE.to_string(),
            claim("a", "10", "outlet", "basis = [\"b\"]"),
            claim("b", "10", "outlet", "basis = [\"c\"]"),
            claim("c", "10", "outlet", "basis = [\"a\"]"),
            claim("d", "10", "outlet", "basis = [\"a\"]"),
            claim("self", "10", "watchdog", "basis = [\"self\"]"),
        ]
        .concat();
        let checked = checked(SOURCES, &claims);
        let ids = |cycle: &Vec<usize>| -> Vec<&str> {
            cycle
                .iter()
                .map(|&c| checked.base.claims[c].id.as_str())
                .collect()
        };
        let cycles: Vec<Vec<&str>> = checked.analysis.origins.cycles.iter().map(ids).collect();
        assert_eq!(cycles, [vec!["a", "b", "c"], vec!["self"]]);
        // A claim resting on a cycle is not on it, and takes no origin from it.
        assert_eq!(origin_names(&checked, "d"), ["outlet"]);
        let found: Vec<_> = checked
            .findings
            .iter()
            .filter(|f| f.code == Code::BasisCycle)
            .map(|f| f.message.as_str())
            .collect();
        assert_eq!(
            found,
            [
                "3 claims rest on each other in a cycle: a, b, c",
                "claim `self` rests on itself"
            ]
        );
    }

    #[test]
    fn a_long_chain_resolves_without_deep_recursion() {
        let mut claims = FIGURE.to_string();
        claims.push_str(&claim("c0", "5", "watchdog", "basis = [\"own-count\"]"));
        for i in 1..20_000 {
            claims.push_str(&claim(
                &format!("c{i}"),
                "5",
                "outlet",
                &format!("basis = [\"c{}\"]", i - 1),
            ));
        }
        let checked = checked(SOURCES, &claims);
        assert_eq!(origin_names(&checked, "c19999"), ["watchdog"]);
    }
}
