//! The graph of the claim base: one node per record and one edge per relation a record names
//! (measures, stated by, appears in, according to, rests on, disputes, supersedes, published by,
//! written by, affiliated with, part of, about).
//! Walks over relations (affiliation groups, basis cycles, what refers to a record) start here.

use super::{Affiliation, Basis, ClaimBase};
use petgraph::Direction;
use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::{EdgeFiltered, EdgeRef, NodeFiltered};

/// What a record is, as a node of the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Node {
    Figure(usize),
    Claim(usize),
    Source(usize),
    Speaker(usize),
}

impl Node {
    pub(crate) fn kind_name(self) -> &'static str {
        match self {
            Node::Figure(_) => "figure",
            Node::Claim(_) => "claim",
            Node::Source(_) => "source",
            Node::Speaker(_) => "speaker",
        }
    }
}

/// How two records relate: the edges of the graph, pointing from the record that names the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relation {
    /// claim → figure
    Measures,
    /// claim → speaker
    StatedBy,
    /// claim → source
    AppearsIn,
    /// claim → speaker: "according to"
    AttributedTo,
    /// claim → source or claim
    RestsOn,
    /// claim → claim: a dispute and what it rejects
    Disputes,
    /// claim → claim: a revision and the earlier claim it replaces
    Supersedes,
    /// source → speaker
    PublishedBy,
    /// source → speaker: an author
    WrittenBy,
    /// speaker → speaker: one origin group
    AffiliatedWith,
    /// speaker → speaker: an affiliation that holds only between its dates
    AffiliatedWhile,
    /// anonymous speaker → speaker: an affiliation the reporter claims, which joins no group
    ClaimedAffiliation,
    /// figure → figure: a part and its whole
    PartOf,
    /// figure → speaker: the party the figure is about, such as the holder of an office
    About,
}

impl Node {
    /// The record's index among those of its kind.
    pub(crate) fn index(self) -> usize {
        match self {
            Node::Figure(i) | Node::Claim(i) | Node::Source(i) | Node::Speaker(i) => i,
        }
    }

    pub(crate) fn source(self) -> Option<usize> {
        match self {
            Node::Source(i) => Some(i),
            _ => None,
        }
    }
}

impl ClaimBase {
    pub(super) fn build_graph(&mut self) {
        let mut graph = DiGraph::with_capacity(
            self.figures.len() + self.claims.len() + self.sources.len() + self.speakers.len(),
            self.claims.len() * 4,
        );
        // Nodes are added kind by kind, so a record's node index is derived from its position.
        (0..self.figures.len()).for_each(|i| {
            graph.add_node(Node::Figure(i));
        });
        (0..self.claims.len()).for_each(|i| {
            graph.add_node(Node::Claim(i));
        });
        (0..self.sources.len()).for_each(|i| {
            graph.add_node(Node::Source(i));
        });
        (0..self.speakers.len()).for_each(|i| {
            graph.add_node(Node::Speaker(i));
        });
        self.graph = graph;
        // One list of a claim's edges, emptied for the next: a claim has a handful.
        let mut edges = Vec::new();
        for (i, claim) in self.claims.iter().enumerate() {
            let from = self.node(Node::Claim(i));
            edges.extend(
                claim
                    .figure()
                    .map(|f| (Node::Figure(f), Relation::Measures)),
            );
            edges.extend(
                claim
                    .speaker()
                    .map(|s| (Node::Speaker(s), Relation::StatedBy)),
            );
            edges.extend(
                claim
                    .source()
                    .map(|s| (Node::Source(s), Relation::AppearsIn)),
            );
            edges.extend(
                claim
                    .according_to
                    .iter()
                    .map(|&s| (Node::Speaker(s), Relation::AttributedTo)),
            );
            edges.extend(
                claim
                    .disputes()
                    .iter()
                    .map(|&d| (Node::Claim(d), Relation::Disputes)),
            );
            edges.extend(
                claim
                    .supersedes()
                    .iter()
                    .map(|&d| (Node::Claim(d), Relation::Supersedes)),
            );
            edges.extend(claim.basis.iter().filter_map(|basis| match *basis {
                Basis::Source(s) => Some((Node::Source(s), Relation::RestsOn)),
                Basis::Claim(c) => Some((Node::Claim(c), Relation::RestsOn)),
                Basis::FirstHand(_) => None,
            }));
            for (to, relation) in edges.drain(..) {
                let to = self.node(to);
                self.graph.add_edge(from, to, relation);
            }
        }
        for (i, source) in self.sources.iter().enumerate() {
            let from = self.node(Node::Source(i));
            if let Some(publisher) = source.publisher {
                let to = self.node(Node::Speaker(publisher));
                self.graph.add_edge(from, to, Relation::PublishedBy);
            }
            for &author in &source.authors {
                let to = self.node(Node::Speaker(author));
                self.graph.add_edge(from, to, Relation::WrittenBy);
            }
        }
        for (i, figure) in self.figures.iter().enumerate() {
            if let Some(whole) = figure.part_of {
                let (from, to) = (self.node(Node::Figure(i)), self.node(Node::Figure(whole)));
                self.graph.add_edge(from, to, Relation::PartOf);
            }
            if let Some(subject) = figure.subject {
                let (from, to) = (
                    self.node(Node::Figure(i)),
                    self.node(Node::Speaker(subject)),
                );
                self.graph.add_edge(from, to, Relation::About);
            }
        }
        for (i, speaker) in self.speakers.iter().enumerate() {
            for affiliation in &speaker.affiliations {
                let relation = if speaker.is_anonymous() {
                    Relation::ClaimedAffiliation
                } else if affiliation.is_dated() {
                    Relation::AffiliatedWhile
                } else {
                    Relation::AffiliatedWith
                };
                let (from, to) = (
                    self.node(Node::Speaker(i)),
                    self.node(Node::Speaker(affiliation.speaker)),
                );
                self.graph.add_edge(from, to, relation);
            }
        }
    }

    /// The loops among records joined by `relation`: each strongly connected component of its
    /// edges that holds more than one record, or one record naming itself. Found iteratively, so
    /// long chains cannot overflow the stack.
    pub fn loops(&self, relation: Relation) -> Vec<Vec<Node>> {
        // Only a record that names another by `relation` and is named by one can be on a loop: the
        // search keeps to those, which most records of a large base are not (a component is made
        // for every record searched).
        let mut names = vec![false; self.graph.node_count()];
        let mut named = vec![false; self.graph.node_count()];
        for edge in (self.graph.edge_references()).filter(|edge| *edge.weight() == relation) {
            names[edge.source().index()] = true;
            named[edge.target().index()] = true;
        }
        let on_loop = |node: NodeIndex| names[node.index()] && named[node.index()];
        let edges = EdgeFiltered::from_fn(&self.graph, |edge| *edge.weight() == relation);
        let candidates = NodeFiltered::from_fn(&edges, on_loop);
        kosaraju_scc(&candidates)
            .into_iter()
            .filter(|nodes| {
                nodes.len() > 1
                    || self
                        .graph
                        .edges_connecting(nodes[0], nodes[0])
                        .any(|edge| *edge.weight() == relation)
            })
            .map(|nodes| nodes.into_iter().map(|n| self.graph[n]).collect())
            .collect()
    }

    /// The loops among claims joined by `relation`, as claim indices: each loop sorted by id, the
    /// loops by their first id.
    pub fn claim_loops(&self, relation: Relation) -> Vec<Vec<usize>> {
        let mut loops: Vec<Vec<usize>> = self
            .loops(relation)
            .into_iter()
            .map(|nodes| {
                let mut claims: Vec<usize> = nodes
                    .into_iter()
                    .filter_map(|node| match node {
                        Node::Claim(c) => Some(c),
                        _ => None,
                    })
                    .collect();
                claims.sort_by(|&a, &b| self.claims[a].id.cmp(&self.claims[b].id));
                claims
            })
            .filter(|claims| !claims.is_empty())
            .collect();
        loops.sort_by(|a, b| self.claims[a[0]].id.cmp(&self.claims[b[0]].id));
        loops
    }

    /// The claims that dispute claim `c`, found on the graph's `disputes` edges.
    pub fn disputed_by(&self, c: usize) -> impl Iterator<Item = usize> + '_ {
        self.graph
            .edges_directed(self.node(Node::Claim(c)), Direction::Incoming)
            .filter(|edge| *edge.weight() == Relation::Disputes)
            .filter_map(|edge| match self.graph[edge.source()] {
                Node::Claim(d) => Some(d),
                _ => None,
            })
    }

    /// Every affiliation that holds only between dates, as (member, affiliation). An anonymous
    /// speaker's affiliations are claimed, never held, so they are left out.
    pub fn dated_affiliations(&self) -> impl Iterator<Item = (usize, Affiliation)> + '_ {
        self.speakers
            .iter()
            .enumerate()
            .filter(|(_, speaker)| !speaker.is_anonymous())
            .flat_map(|(s, speaker)| {
                speaker
                    .affiliations
                    .iter()
                    .filter(|a| a.is_dated())
                    .map(move |a| (s, *a))
            })
    }

    /// The graph node of a record.
    pub fn node(&self, node: Node) -> NodeIndex {
        let (offset, i) = match node {
            Node::Figure(i) => (0, i),
            Node::Claim(i) => (self.figures.len(), i),
            Node::Source(i) => (self.figures.len() + self.claims.len(), i),
            Node::Speaker(i) => (
                self.figures.len() + self.claims.len() + self.sources.len(),
                i,
            ),
        };
        NodeIndex::new(offset + i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{FIGURE, SOURCES, checked, claim};
    use petgraph::visit::EdgeRef;

    #[test]
    fn every_relation_a_claim_names_is_an_edge() {
        let claims = [
            FIGURE.to_string(),
            claim("first", "5", "watchdog", ""),
            claim(
                "second",
                "5",
                "outlet",
                "according_to = \"watchdog\"\nbasis = [\"first\", \"article\"]",
            ),
        ]
        .concat();
        let checked = checked(SOURCES, &claims);
        let base = &checked.base;
        let second = base.node(Node::Claim(1));
        let mut edges: Vec<(Relation, Node)> = base
            .graph
            .edges(second)
            .map(|edge| (*edge.weight(), base.graph[edge.target()]))
            .collect();
        edges.sort_by_key(|(relation, node)| (format!("{relation:?}"), format!("{node:?}")));
        let lookup = |id: &str| base.lookup(id).expect(id);
        assert_eq!(
            edges,
            [
                (Relation::AppearsIn, lookup("article")),
                (Relation::AttributedTo, lookup("watchdog")),
                (Relation::Measures, lookup("killed")),
                (Relation::RestsOn, lookup("first")),
                (Relation::RestsOn, lookup("article")),
                (Relation::StatedBy, lookup("outlet")),
            ]
        );
        let ministry = base.node(lookup("ministry"));
        let affiliations: Vec<Node> = base
            .graph
            .edges(ministry)
            .map(|edge| base.graph[edge.target()])
            .collect();
        assert_eq!(affiliations, [lookup("government")]);
    }

    #[test]
    fn loops_are_found_past_the_records_that_lead_into_and_out_of_them() {
        // a -> b -> c -> a is a loop; d leads into it and c leads out to e; f rests on itself.
        let rests_on = |on: &str| format!("basis = [\"{on}\"]");
        let claims = [
            FIGURE.to_string(),
            claim("a", "5", "watchdog", &rests_on("b")),
            claim("b", "5", "watchdog", &rests_on("c")),
            claim("c", "5", "watchdog", "basis = [\"a\", \"e\"]"),
            claim("d", "5", "watchdog", &rests_on("a")),
            claim("e", "5", "watchdog", ""),
            claim("f", "5", "watchdog", &rests_on("f")),
        ]
        .concat();
        let checked = checked(SOURCES, &claims);
        let ids = |claims: &[usize]| -> Vec<&str> {
            claims
                .iter()
                .map(|&c| &*checked.base.claims[c].id)
                .collect()
        };
        let loops: Vec<Vec<&str>> = (checked.base.claim_loops(Relation::RestsOn).iter())
            .map(|claims| ids(claims))
            .collect();
        assert_eq!(loops, [vec!["a", "b", "c"], vec!["f"]]);
    }
}
