//! Single origin: a value repeated by several claims that all go back to one origin group, which is
//! repetition, not independent confirmation.

use super::Context;
use crate::finding::{Code, Finding};
use std::collections::BTreeSet;

pub fn single_origins(context: &Context) -> Vec<Finding> {
    let base = context.base;
    let origins = &context.analysis.origins;
    let mut findings = Vec::new();
    let values = context
        .analysis
        .comparisons
        .iter()
        .flat_map(|comparison| &comparison.windows)
        .flat_map(|window| &window.values);
    for value in values {
        // A claim whose origin is unknown (its speaker unresolved) may be independent.
        if value.claims.len() < 2
            || value.origin_groups.len() != 1
            || value
                .claims
                .iter()
                .any(|&c| origins.claim_groups[c].is_empty())
        {
            continue;
        }
        let group = origins.group_name(base, value.origin_groups[0]);
        let speakers: BTreeSet<&str> = value
            .claims
            .iter()
            .filter_map(|&c| {
                base.claims[c]
                    .speaker()
                    .map(|s| base.speakers[s].id.as_str())
            })
            .collect();
        let claim = &base.claims[value.claims[0]];
        let finding = Finding::new(
            Code::SingleOrigin,
            claim.value_location().clone(),
            format!(
                "`{}` is stated by {} claims ({}) that all go back to one origin group, `{group}`",
                value.written(base),
                value.claims.len(),
                speakers.into_iter().collect::<Vec<_>>().join(", ")
            ),
        )
        .label("repeated, not independently confirmed")
        .help("repetition within one origin group is not independent confirmation")
        .claims(value.claims.iter().map(|&c| &*base.claims[c].id))
        .related_all(value.claims[1..].iter().map(|&c| {
            let other = &base.claims[c];
            (
                other.location.clone(),
                format!("also stated by claim `{}`", other.id),
            )
        }));
        findings.push(finding);
    }
    findings
}
