//! Revisions: a claim may supersede only its own origin's earlier claims on the same figure, and
//! never itself, directly or through others.

use super::Context;
use crate::finding::{Code, Finding};
use crate::model::{Claim, ClaimBase, Relation};

pub fn supersessions(context: &Context) -> Vec<Finding> {
    let base = context.base;
    let groups = &context.analysis.origins.speaker_group;
    let origin_groups = |claim: &Claim| -> Vec<usize> {
        let mut found: Vec<usize> = claim.voices().into_iter().map(|s| groups[s]).collect();
        found.sort_unstable();
        found
    };
    let mut findings = Vec::new();
    for (c, claim) in base.claims.iter().enumerate() {
        for (&d, at) in claim.supersedes().iter().zip(claim.supersedes_at()) {
            if d == c {
                continue; // a loop of one, reported with the loops
            }
            let earlier = &base.claims[d];
            let problem = if earlier.figure() != claim.figure() {
                Some((
                    format!(
                        "claim `{}` supersedes `{}`, which is on another figure",
                        claim.id, earlier.id
                    ),
                    "on another figure",
                ))
            } else {
                let (mine, theirs) = (origin_groups(claim), origin_groups(earlier));
                let shared = mine.iter().any(|g| theirs.binary_search(g).is_ok());
                (!shared && !mine.is_empty() && !theirs.is_empty()).then(|| {
                    (
                        format!(
                            "claim `{}` supersedes `{}`, which comes from another origin group",
                            claim.id, earlier.id
                        ),
                        "another origin's claim",
                    )
                })
            };
            if let Some((message, label)) = problem {
                findings.push(
                    Finding::new(Code::InvalidSupersession, at.clone(), message)
                        .label(label)
                        .related(
                            earlier.location.clone(),
                            format!("claim `{}` is declared here", earlier.id),
                        )
                        .help("only an origin's own revision supersedes; to reject another's figure, use `stance = \"disputes\"` and `disputes`")
                        .claims([&*claim.id, &*earlier.id]),
                );
            }
        }
    }
    findings.extend(cycles(base));
    findings
}

/// Claims that supersede each other in a loop.
fn cycles(base: &ClaimBase) -> Vec<Finding> {
    // Most bases record no revision: the graph is not walked for them.
    if base
        .claims
        .iter()
        .all(|claim| claim.supersedes().is_empty())
    {
        return Vec::new();
    }
    let found = base.claim_loops(Relation::Supersedes);
    found
        .into_iter()
        .map(|cycle| {
            let first = &base.claims[cycle[0]];
            let ids: Vec<&str> = cycle.iter().map(|&c| &*base.claims[c].id).collect();
            let message = match ids.as_slice() {
                [one] => format!("claim `{one}` supersedes itself"),
                more => format!("claims supersede each other in a loop: {}", more.join(", ")),
            };
            let at = first.supersedes_at().first().unwrap_or(&first.location);
            Finding::new(Code::InvalidSupersession, at.clone(), message)
                .label("supersedes a claim that supersedes it")
                .help("a revision replaces earlier claims only: remove `supersedes` from the earliest claim of the loop")
                .claims(ids)
        })
        .collect()
}
