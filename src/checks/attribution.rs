//! Attribution: "according to X" checked against what X, or a member of X, says on the same figure
//! in the same window. Each party's own claims are indexed once, so the work is linear in claims
//! however many claims cite one party.

use super::Context;
use crate::analysis::compare::fold_label;
use crate::finding::{Code, Finding};
use crate::input::records::ValueKind;
use crate::model::date::PartialDate;
use crate::model::{Claim, ClaimBase, Node, Relation};
use petgraph::Direction;
use petgraph::visit::EdgeRef;
use std::collections::HashMap;

/// The window a claim is compared in: its `as_of` cut to the figure's window for varying figures;
/// `None` when a varying figure's claim has no usable date (such claims are compared among
/// themselves).
fn window(base: &ClaimBase, claim: &Claim) -> Option<Option<PartialDate>> {
    let figure = &base.figures[claim.figure?];
    if !figure.varies {
        return Some(None);
    }
    let date = claim.as_of?;
    (date.precision() <= figure.window).then(|| Some(date.truncate(figure.window)))
}

/// (figure, speaker, window)
type Key = (usize, usize, Option<Option<PartialDate>>);

pub fn attributions(context: &Context) -> Vec<Finding> {
    let base = context.base;
    // (figure, speaker, window) -> the speaker's own claims there.
    let mut own_claims: HashMap<Key, Vec<usize>> = HashMap::new();
    for (c, claim) in base.claims.iter().enumerate() {
        if let (Some(figure), Some(speaker)) = (claim.figure, claim.speaker) {
            let window = window(base, claim);
            own_claims
                .entry((figure, speaker, window))
                .or_default()
                .push(c);
        }
    }
    let mut members = Members::default();
    let mut findings = Vec::new();
    for (c, claim) in base.claims.iter().enumerate() {
        let (Some(figure), Some(party), Some(value)) =
            (claim.figure, claim.according_to, &claim.value)
        else {
            continue;
        };
        let window = window(base, claim);
        let own_words: Vec<&Claim> = members
            .of(base, party)
            .iter()
            .filter_map(|&member| own_claims.get(&(figure, member, window)))
            .flatten()
            .filter(|&&other| other != c)
            .map(|&other| &base.claims[other])
            .collect();
        let party_id = &base.speakers[party].id;
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
        if own_words
            .iter()
            .any(|other| compatible(base, figure, claim, other))
        {
            continue;
        }
        let mut own_words = own_words;
        own_words.sort_by(|a, b| a.id.cmp(&b.id));
        let mut finding = Finding::new(
            Code::AttributionContradicted,
            value.location.clone(),
            format!(
                "`{}` is attributed to `{party_id}`, but `{party_id}`'s own claims on figure `{}` give {}",
                value.written,
                base.figures[figure].id,
                own_words
                    .iter()
                    .map(|o| format!("`{}`", o.value.as_ref().map_or("", |v| v.written.as_str())))
                    .collect::<Vec<_>>()
                    .join(", ")
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

/// The speakers whose words count for a party: the party and every speaker affiliated with it,
/// directly or through others. Found by one walk of the graph's affiliation edges backwards from
/// each party that is cited, and kept, so a party cited a thousand times is walked once.
#[derive(Default)]
struct Members {
    walked: HashMap<usize, Vec<usize>>,
}

impl Members {
    fn of(&mut self, base: &ClaimBase, party: usize) -> &[usize] {
        self.walked.entry(party).or_insert_with(|| {
            let mut members = vec![party];
            let mut seen = std::collections::HashSet::from([party]);
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
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::finding::Code;
    use crate::testing::{FIGURE, SOURCES, checked, claim};

    fn codes_on(claims: &str, id: &str) -> Vec<Code> {
        let checked = checked(SOURCES, claims);
        checked
            .findings
            .iter()
            .filter(|f| f.claims.first().is_some_and(|c| c == id))
            .map(|f| f.code)
            .filter(|code| {
                matches!(
                    code,
                    Code::AttributionUnverified | Code::AttributionContradicted
                )
            })
            .collect()
    }

    #[test]
    fn a_member_speaks_for_the_party_it_is_affiliated_with() {
        let claims = [
            FIGURE.to_string(),
            claim(
                "ministry-says",
                "230",
                "ministry",
                "basis = [\"official-records\"]",
            ),
            claim(
                "outlet-says",
                "230",
                "outlet",
                "according_to = \"government\"",
            ),
        ]
        .concat();
        assert_eq!(codes_on(&claims, "outlet-says"), []);
    }

    #[test]
    fn the_party_does_not_speak_for_its_members() {
        let claims = [
            FIGURE.to_string(),
            claim("government-says", "230", "government", ""),
            claim(
                "outlet-says",
                "230",
                "outlet",
                "according_to = \"ministry\"",
            ),
        ]
        .concat();
        assert_eq!(
            codes_on(&claims, "outlet-says"),
            [Code::AttributionUnverified]
        );
    }

    #[test]
    fn an_attribution_no_own_claim_supports_is_contradicted() {
        let claims = [
            FIGURE.to_string(),
            claim("government-says", "230", "government", ""),
            claim("ministry-says", "at most 250", "ministry", ""),
            claim(
                "outlet-says",
                "at least 1,500",
                "outlet",
                "according_to = \"government\"",
            ),
        ]
        .concat();
        let checked = checked(SOURCES, &claims);
        let contradicted = checked
            .findings
            .iter()
            .find(|f| f.code == Code::AttributionContradicted)
            .expect("contradicted");
        assert_eq!(
            contradicted.claims,
            ["outlet-says", "government-says", "ministry-says"]
        );
    }
}
