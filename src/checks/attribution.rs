//! Attribution and support: figures asserted with no attribution or basis, and "according to X"
//! checked against what X (or a member of X) says on the same figure in the claim base.

use crate::analysis::compare::fold_label;
use crate::finding::{Code, Finding};
use crate::input::records::ValueKind;
use crate::model::date::PartialDate;
use crate::model::{Claim, ClaimBase, Relation};
use petgraph::Direction;
use petgraph::visit::EdgeRef;
use std::collections::HashMap;

pub fn unsupported_assertions(base: &ClaimBase) -> Vec<Finding> {
    base.claims
        .iter()
        .filter(|claim| claim.figure.is_some() && claim.value.is_some())
        .filter(|claim| claim.according_to.is_none() && claim.basis.is_empty())
        .filter_map(|claim| {
            let speaker = &base.speakers[claim.speaker?];
            let location = claim.value.as_ref().map_or(claim.location.clone(), |v| v.location.clone());
            let own_voice = claim.source.is_some_and(|s| base.sources[s].publisher == claim.speaker);
            let message = if own_voice {
                format!(
                    "`{}` is asserted in the publisher's own voice by `{}`, with no attribution and no basis",
                    written(claim),
                    speaker.id
                )
            } else {
                format!("`{}` is stated by `{}` with no attribution and no basis", written(claim), speaker.id)
            };
            Some(
                Finding::new(Code::UnsupportedAssertion, location, message)
                    .label(if own_voice { "asserted in the outlet's own voice" } else { "no attribution or basis" })
                    .help("record `according_to` or `basis` if the source gives one")
                    .claims([claim.id.as_str()]),
            )
        })
        .collect()
}

fn written(claim: &Claim) -> &str {
    claim.value.as_ref().map_or("", |v| v.written.as_str())
}

/// The window a claim is compared in: its `as_of` cut to the figure's window for varying figures.
fn window(base: &ClaimBase, claim: &Claim) -> Option<Option<PartialDate>> {
    let figure = &base.figures[claim.figure?];
    if !figure.varies {
        return Some(None);
    }
    let date = claim.as_of?;
    (date.precision() <= figure.window).then(|| Some(date.truncate(figure.window)))
}

pub fn attributions(base: &ClaimBase) -> Vec<Finding> {
    let parties = parties_of_speakers(base);
    // (figure, party) -> claims on the figure by the party or one of its members
    let mut by_party: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (c, claim) in base.claims.iter().enumerate() {
        if let (Some(figure), Some(speaker)) = (claim.figure, claim.speaker) {
            for &party in &parties[speaker] {
                by_party.entry((figure, party)).or_default().push(c);
            }
        }
    }
    let mut findings = Vec::new();
    for (c, claim) in base.claims.iter().enumerate() {
        let (Some(figure), Some(party), Some(value)) =
            (claim.figure, claim.according_to, &claim.value)
        else {
            continue;
        };
        let party_id = &base.speakers[party].id;
        let own_window = window(base, claim);
        let own_words: Vec<&Claim> = by_party
            .get(&(figure, party))
            .into_iter()
            .flatten()
            .filter(|&&other| other != c)
            .map(|&other| &base.claims[other])
            .filter(|other| window(base, other) == own_window)
            .collect();
        if own_words.is_empty() {
            findings.push(
                Finding::new(
                    Code::AttributionUnverified,
                    value.location.clone(),
                    format!(
                        "`{}` is attributed to `{party_id}`, but the claim base holds no claim by `{party_id}` (or a member) on figure `{}`",
                        value.written, base.figures[figure].id
                    ),
                )
                .label(format!("according to `{party_id}`"))
                .help(format!("add what `{party_id}` itself says on this figure, from its own source"))
                .claims([claim.id.as_str()]),
            );
            continue;
        }
        let compatible = |other: &&Claim| compatible(base, figure, claim, other);
        if own_words.iter().any(compatible) {
            continue;
        }
        let mut finding = Finding::new(
            Code::AttributionContradicted,
            value.location.clone(),
            format!(
                "`{}` is attributed to `{party_id}`, but `{party_id}`'s own claims on figure `{}` give {}",
                value.written,
                base.figures[figure].id,
                own_words.iter().map(|o| format!("`{}`", written(o))).collect::<Vec<_>>().join(", ")
            ),
        )
        .label(format!("according to `{party_id}`"))
        .help("compare the attribution with the attributed party's own words")
        .claims(std::iter::once(claim.id.as_str()).chain(own_words.iter().map(|o| o.id.as_str())));
        for other in &own_words {
            let location = other
                .value
                .as_ref()
                .map_or(other.location.clone(), |v| v.location.clone());
            finding = finding.related(location, format!("`{party_id}`'s own claim `{}`", other.id));
        }
        findings.push(finding);
    }
    findings
}

fn compatible(base: &ClaimBase, figure: usize, a: &Claim, b: &Claim) -> bool {
    let (Some(x), Some(y)) = (&a.value, &b.value) else {
        return false;
    };
    match base.figures[figure].values {
        ValueKind::Label => fold_label(&x.written) == fold_label(&y.written),
        ValueKind::Count => match (&x.reading, &y.reading) {
            (Some(x), Some(y)) => x.overlaps(y),
            // An unreadable value has its own finding; it neither supports nor contradicts.
            _ => true,
        },
    }
}

/// For each speaker, the parties its words count for: itself and every speaker it is affiliated
/// with, directly or through others.
fn parties_of_speakers(base: &ClaimBase) -> Vec<Vec<usize>> {
    (0..base.speakers.len())
        .map(|speaker| {
            let mut parties = vec![speaker];
            let mut next = 0;
            while let Some(&current) = parties.get(next) {
                next += 1;
                let node = base.node(crate::model::Node::Speaker(current));
                for edge in base.graph.edges_directed(node, Direction::Outgoing) {
                    if *edge.weight() != Relation::AffiliatedWith {
                        continue;
                    }
                    if let crate::model::Node::Speaker(group) = base.graph[edge.target()]
                        && !parties.contains(&group)
                    {
                        parties.push(group);
                    }
                }
            }
            parties
        })
        .collect()
}
