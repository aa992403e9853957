//! Uncited claims: a claim must name its source and give the words (quote) or the place (locator)
//! where the source says it, or no reader can check it.

use crate::finding::{Code, Finding};
use crate::model::ClaimBase;

pub fn uncited_claims(base: &ClaimBase) -> Vec<Finding> {
    base.claims
        .iter()
        .filter_map(|claim| {
            let has_words = claim.quote.is_some() || claim.locator.is_some();
            let (message, help) = match (claim.source(), has_words) {
                (Some(_), true) => return None,
                // An unresolved `source` has its own finding; only a missing one is uncited.
                (None, _) if claim.names_source => return None,
                (None, _) => (
                    format!("claim `{}` names no source", claim.id),
                    "add `source = \"...\"` naming where the claim appears, and a `quote` with its words",
                ),
                (Some(_), false) => (
                    format!("claim `{}` gives neither a quote nor a locator", claim.id),
                    "add `quote = \"...\"` with the source's exact words, or `locator = \"page 3\"`",
                ),
            };
            Some(
                Finding::new(Code::UncitedClaim, claim.location.clone(), message)
                    .label("uncited claim")
                    .help(help)
                    .claims([&*claim.id]),
            )
        })
        .collect()
}
