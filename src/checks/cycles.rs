//! Basis cycles: claims that rest on each other, so following `basis` never reaches an origin.

use super::Context;
use crate::finding::{Code, Finding};

/// How many members of a cycle a message names before it says how many more there are.
const NAMED_MEMBERS: usize = 5;

pub fn basis_cycles(context: &Context) -> Vec<Finding> {
    let base = context.base;
    context
        .analysis
        .origins
        .cycles
        .iter()
        .map(|cycle| {
            let ids: Vec<&str> = cycle.iter().map(|&c| &*base.claims[c].id).collect();
            let named = ids[..ids.len().min(NAMED_MEMBERS)].join(", ");
            let members = match ids.len() {
                1 => format!("claim `{named}` rests on itself"),
                n if n <= NAMED_MEMBERS => {
                    format!("{n} claims rest on each other in a cycle: {named}")
                }
                n => format!(
                    "{n} claims rest on each other in a cycle: {named} and {} more",
                    n - NAMED_MEMBERS
                ),
            };
            Finding::new(
                Code::BasisCycle,
                base.claims[cycle[0]].location.clone(),
                members,
            )
            .label("its basis leads back here")
            .help("one claim of the cycle must rest on a source or a first-hand basis instead")
            .claims(ids)
        })
        .collect()
}
