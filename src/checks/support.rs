//! Support: a figure asserted with neither an attribution nor a basis, so nothing in the claim base
//! says where the speaker has it from. A figure the speaker only reports is not an assertion.

use crate::finding::{Code, Finding};
use crate::input::records::Stance;
use crate::model::{Claim, ClaimBase, ClaimValue, Speaker};
use rayon::prelude::*;

pub fn unsupported_assertions(base: &ClaimBase) -> Vec<Finding> {
    // Most claims of a large base are unsupported assertions (56 % of the synthetic bench base's):
    // they are picked out, then a finding is made for each, on every core.
    let unsupported: Vec<(&Claim, &ClaimValue, &Speaker)> = (base.claims.par_iter())
        .filter_map(|claim| unsupported_claim(base, claim))
        .collect();
    // Room for a finding per claim: every check's findings are joined into the roomiest list
    // (`checks::joined`), most often this one, which then need not move.
    let mut findings = Vec::with_capacity(base.claims.len());
    (unsupported.into_par_iter())
        .map(|(claim, value, speaker)| finding(base, claim, value, speaker))
        .collect_into_vec(&mut findings);
    findings
}

/// The value and speaker of a claim that states a figure's value with neither an attribution
/// nor a basis; None for any other claim.
fn unsupported_claim<'b>(
    base: &'b ClaimBase,
    claim: &'b Claim,
) -> Option<(&'b Claim, &'b ClaimValue, &'b Speaker)> {
    let asserted = claim.figure().is_some()
        && claim.according_to.is_empty()
        && claim.stance != Stance::Reports
        && claim.basis.is_empty();
    if !asserted {
        return None;
    }
    Some((
        claim,
        claim.value.as_ref()?,
        &base.speakers[claim.speaker()?],
    ))
}

fn finding(base: &ClaimBase, claim: &Claim, value: &ClaimValue, speaker: &Speaker) -> Finding {
    let own_voice = claim
        .source()
        .is_some_and(|s| base.sources[s].publisher == claim.speaker());
    let (message, label) = if own_voice {
        (
            format!(
                "`{}` is asserted in the publisher's own voice by `{}`, with no attribution and no basis",
                value.written, speaker.id
            ),
            "asserted in the outlet's own voice",
        )
    } else {
        (
            format!(
                "`{}` is stated by `{}` with no attribution and no basis",
                value.written, speaker.id
            ),
            "no attribution or basis",
        )
    };
    Finding::new(Code::UnsupportedAssertion, value.location.clone(), message)
        .label(label)
        .help("record `according_to` or `basis` if the source gives one")
        .claims([&*claim.id])
}
