//! Sources and speakers that nothing refers to: usually left over, or misspelt where they are used.

use crate::finding::{Code, Finding};
use crate::model::ClaimBase;
use crate::model::Node;
use petgraph::Direction;

pub fn unused_records(base: &ClaimBase) -> Vec<Finding> {
    let is_unused = |node: Node| {
        base.graph
            .neighbors_directed(base.node(node), Direction::Incoming)
            .next()
            .is_none()
    };
    let sources = base
        .sources
        .iter()
        .enumerate()
        .filter(|&(i, _)| is_unused(Node::Source(i)))
        .map(|(_, source)| {
            Finding::new(
                Code::UnusedSource,
                source.location.clone(),
                format!("no claim refers to source `{}`", source.id),
            )
            .label("unused source")
            .help("add the claims it holds, or remove the source")
        });
    let speakers = base
        .speakers
        .iter()
        .enumerate()
        .filter(|&(i, _)| is_unused(Node::Speaker(i)))
        .map(|(_, speaker)| {
            Finding::new(
                Code::UnusedSpeaker,
                speaker.location.clone(),
                format!("nothing refers to speaker `{}`", speaker.id),
            )
            .label("unused speaker")
            .help("refer to it as a claim's speaker, a publisher, an attribution or an affiliation, or remove it")
        });
    sources.chain(speakers).collect()
}
