//! Who speaks for whom: a party's members are the speakers affiliated with it, directly or through
//! others. Where a group's affiliations form a forest (each speaker belongs to at most one other,
//! and no loop), one walk of the graph numbers the speakers so that each party's members are one
//! contiguous range of numbers: "is a member" and "the members' claims" then cost a comparison or a
//! binary search, however deep the chain. Other groups are walked party by party.

use crate::model::{ClaimBase, Node, Relation};
use foldhash::HashSet;
use petgraph::Direction;
use petgraph::visit::EdgeRef;
use std::ops::Range;

pub struct Membership {
    /// Each speaker's number in the walk, for speakers in forests.
    order: Vec<Option<u32>>,
    /// One past the number of the last member, for speakers in forests.
    end: Vec<u32>,
}

impl Membership {
    pub fn of(base: &ClaimBase) -> Membership {
        let count = base.speakers.len();
        let affiliations = |s: usize| {
            base.graph
                .edges_directed(base.node(Node::Speaker(s)), Direction::Outgoing)
                .filter(|edge| *edge.weight() == Relation::AffiliatedWith)
                .filter_map(|edge| match base.graph[edge.target()] {
                    Node::Speaker(party) => Some(party),
                    _ => None,
                })
                .collect::<HashSet<usize>>()
        };
        let members = |s: usize| {
            base.graph
                .edges_directed(base.node(Node::Speaker(s)), Direction::Incoming)
                .filter(|edge| *edge.weight() == Relation::AffiliatedWith)
                .filter_map(|edge| match base.graph[edge.source()] {
                    Node::Speaker(member) => Some(member),
                    _ => None,
                })
                .collect::<HashSet<usize>>()
        };
        let parents: Vec<HashSet<usize>> = (0..count).map(affiliations).collect();
        let mut membership = Membership {
            order: vec![None; count],
            end: vec![0; count],
        };
        let mut next = 0u32;
        // Roots of trees: speakers affiliated with nobody. A speaker with two affiliations, or on
        // a loop, is never reached from a root through single-parent links, so its group stays
        // unnumbered and is walked party by party.
        for root in (0..count).filter(|&s| parents[s].is_empty()) {
            let mut stack = vec![(root, false)];
            let mut tree = Vec::new();
            let mut is_tree = true;
            while let Some((speaker, done)) = stack.pop() {
                if done {
                    membership.end[speaker] = next;
                    continue;
                }
                membership.order[speaker] = Some(next);
                tree.push(speaker);
                next += 1;
                stack.push((speaker, true));
                for member in members(speaker) {
                    if parents[member].len() == 1 {
                        stack.push((member, false));
                    } else {
                        is_tree = false;
                    }
                }
            }
            if !is_tree {
                // A member with several affiliations would be missed by the other party's range.
                for speaker in tree {
                    membership.order[speaker] = None;
                }
            }
        }
        membership
    }

    /// The walk number of a speaker in a forest, which orders the members' claims.
    pub fn number(&self, speaker: usize) -> Option<u32> {
        self.order[speaker]
    }

    /// The numbers of a party's members (the party included), when its group is a forest.
    pub fn members(&self, party: usize) -> Option<Range<u32>> {
        self.order[party].map(|start| start..self.end[party])
    }
}

/// A party's members found by walking the affiliation edges backwards from it, for groups that are
/// not forests.
pub fn walk_members(base: &ClaimBase, party: usize) -> Vec<usize> {
    let mut members = vec![party];
    let mut seen = HashSet::from_iter([party]);
    let mut next = 0;
    while let Some(&current) = members.get(next) {
        next += 1;
        let node = base.node(Node::Speaker(current));
        for edge in base.graph.edges_directed(node, Direction::Incoming) {
            if *edge.weight() != Relation::AffiliatedWith {
                continue;
            }
            if let Node::Speaker(member) = base.graph[edge.source()]
                && seen.insert(member)
            {
                members.push(member);
            }
        }
    }
    members
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{FIGURE, checked};

    fn speakers(affiliations: &[(&str, &[&str])]) -> String {
        affiliations
            .iter()
            .map(|(id, parties)| {
                let list: Vec<String> = parties.iter().map(|p| format!("\"{p}\"")).collect();
                format!(
                    "[[speaker]]\nid = \"{id}\"\nname = \"{id}\"\nkind = \"person\"\naffiliations = [{}]\n\n",
                    list.join(", ")
                )
            })
            .collect()
    }

    #[test]
    fn members_of_a_tree_are_one_range_and_a_second_affiliation_falls_back_to_walking() {
        let sources = speakers(&[
            ("org", &[]),
            ("dept", &["org"]),
            ("staff", &["dept"]),
            ("other", &[]),
            ("dual", &["other", "elsewhere"]),
            ("elsewhere", &[]),
        ]);
        let checked = checked(&sources, FIGURE);
        let base = &checked.base;
        let id = |name: &str| match base.lookup(name) {
            Some(Node::Speaker(s)) => s,
            _ => panic!("{name}"),
        };
        let membership = Membership::of(base);
        let org = membership.members(id("org")).expect("a tree");
        for member in ["org", "dept", "staff"] {
            assert!(
                org.contains(&membership.number(id(member)).unwrap()),
                "{member}"
            );
        }
        let dept = membership.members(id("dept")).unwrap();
        assert!(!dept.contains(&membership.number(id("org")).unwrap()));
        assert_eq!(membership.members(id("other")), None);
        let mut walked: Vec<&str> = walk_members(base, id("other"))
            .into_iter()
            .map(|s| base.speakers[s].id.as_str())
            .collect();
        walked.sort_unstable();
        assert_eq!(walked, ["dual", "other"]);
    }

    #[test]
    fn a_chain_of_a_hundred_thousand_speakers_is_numbered_in_one_walk() {
        let mut sources = String::new();
        for i in 0..100_000 {
            let parent = if i + 1 < 100_000 {
                format!("\"s{}\"", i + 1)
            } else {
                String::new()
            };
            sources.push_str(&format!(
                "[[speaker]]\nid = \"s{i}\"\nname = \"S {i}\"\nkind = \"person\"\naffiliations = [{parent}]\n\n"
            ));
        }
        let checked = checked(&sources, FIGURE);
        let membership = Membership::of(&checked.base);
        let top = checked.base.speakers.len() - 1;
        assert_eq!(membership.members(top).map(|r| r.len()), Some(100_000));
    }
}
