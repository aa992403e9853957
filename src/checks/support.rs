//! Support: a figure asserted with neither an attribution nor a basis, so nothing in the claim base
//! says where the speaker has it from. A figure the speaker only reports is not an assertion.

use crate::finding::{Code, Finding};
use crate::input::records::Stance;
use crate::model::ClaimBase;

pub fn unsupported_assertions(base: &ClaimBase) -> Vec<Finding> {
    base.claims
        .iter()
        .filter(|claim| claim.figure.is_some() && claim.according_to.is_empty())
        .filter(|claim| claim.stance != Stance::Reports)
        .filter(|claim| claim.basis.is_empty())
        .filter_map(|claim| {
            let value = claim.value.as_ref()?;
            let speaker = &base.speakers[claim.speaker?];
            let own_voice = claim
                .source
                .is_some_and(|s| base.sources[s].publisher == claim.speaker);
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
            Some(
                Finding::new(Code::UnsupportedAssertion, value.location.clone(), message)
                    .label(label)
                    .help("record `according_to` or `basis` if the source gives one")
                    .claims([claim.id.as_str()]),
            )
        })
        .collect()
}
