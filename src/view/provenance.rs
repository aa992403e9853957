//! The steps between a claim and its origins (the party it is attributed to, the sources, claims and
//! first-hand bases it rests on) with the origin groups each step leads to, worked out the way
//! `analysis::origins` traces origins, so a provenance picture draws the edges the analysis followed.

use super::report::{ProvenanceStep, StepKind};
use crate::analysis::origins::Origins;
use crate::model::{Basis, Claim, ClaimBase};

/// Which basis cycle each claim is on, if any: a claim on a cycle with the claim it rests on gets
/// no origin from it.
pub fn cycle_of_claims(base: &ClaimBase, origins: &Origins) -> Vec<Option<usize>> {
    let mut cycle_of = vec![None; base.claims.len()];
    for (cycle, members) in origins.cycles.iter().enumerate() {
        for &claim in members {
            cycle_of[claim] = Some(cycle);
        }
    }
    cycle_of
}

/// The steps of claim `c`, in the order the claim gives them: the attributed party, then its basis.
pub fn steps(
    base: &ClaimBase,
    origins: &Origins,
    cycle_of: &[Option<usize>],
    c: usize,
) -> Vec<ProvenanceStep> {
    let claim: &Claim = &base.claims[c];
    let group_of_speaker = |s: usize| {
        origins
            .group_name(base, origins.speaker_group[s])
            .to_string()
    };
    let mut steps = Vec::new();
    if let Some(party) = claim.according_to {
        // The attributed party is the origin only when no basis is given: a basis is earlier.
        let origins = if claim.basis.is_empty() {
            vec![group_of_speaker(party)]
        } else {
            Vec::new()
        };
        steps.push(ProvenanceStep {
            kind: StepKind::AccordingTo,
            id: base.speakers[party].id.clone(),
            origins,
        });
    }
    for &basis in &claim.basis {
        let (kind, leads_to) = match basis {
            Basis::Source(s) => (
                StepKind::Source,
                base.sources[s]
                    .publisher
                    .map(group_of_speaker)
                    .into_iter()
                    .collect(),
            ),
            Basis::Claim(d) if cycle_of[d].is_some() && cycle_of[d] == cycle_of[c] => {
                (StepKind::Claim, Vec::new())
            }
            Basis::Claim(d) => (
                StepKind::Claim,
                origins.claim_groups[d]
                    .iter()
                    .map(|&g| origins.group_name(base, g).to_string())
                    .collect(),
            ),
            Basis::FirstHand(_) => (
                StepKind::FirstHand,
                claim
                    .according_to
                    .or(claim.speaker)
                    .map(group_of_speaker)
                    .into_iter()
                    .collect(),
            ),
        };
        steps.push(ProvenanceStep {
            kind,
            id: base.basis_name(basis).to_string(),
            origins: leads_to,
        });
    }
    steps
}

#[cfg(test)]
mod tests {
    use crate::testing::{FIGURE, SOURCES, checked, claim};
    use crate::view::report::StepKind;

    #[test]
    fn a_basis_outranks_the_attributed_party_and_a_claim_basis_passes_on_its_origins() {
        let claims = [
            FIGURE.to_string(),
            claim(
                "first",
                "1,000",
                "ministry",
                "basis = [\"official-records\"]",
            ),
            claim(
                "second",
                "1,000",
                "outlet",
                "according_to = \"watchdog\"\nbasis = [\"first\"]",
            ),
            claim("third", "1,000", "outlet", "according_to = \"watchdog\""),
        ]
        .concat();
        let report = crate::view::build(&checked(SOURCES, &claims), None);
        let steps = |id: &str| {
            report
                .claims
                .iter()
                .find(|c| c.id == id)
                .unwrap()
                .provenance
                .iter()
                .map(|s| (s.kind, s.id.as_str(), s.origins.join(",")))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            steps("first"),
            [(StepKind::FirstHand, "official-records", "government".into())]
        );
        assert_eq!(
            steps("second"),
            [
                (StepKind::AccordingTo, "watchdog", String::new()),
                (StepKind::Claim, "first", "government".into())
            ]
        );
        assert_eq!(
            steps("third"),
            [(StepKind::AccordingTo, "watchdog", "watchdog".into())]
        );
    }
}
