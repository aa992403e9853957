//! The records a new one names: its figure, speakers and basis must exist, and its own id must
//! be new and valid; each refusal suggests the id meant.

use super::{AddError, refuse};
use crate::Checked;
use crate::model::{FirstHand, Node, Source};
use crate::suggest::did_you_mean;

/// The source with this id.
pub(super) fn find_source<'a>(checked: &'a Checked, id: &str) -> Result<&'a Source, AddError> {
    let sources = &checked.base.sources;
    sources.iter().find(|s| s.id == id).ok_or_else(|| {
        let hint = did_you_mean(id, sources.iter().map(|s| s.id.as_str()));
        refuse(
            format!("no source `{id}` in the claim base"),
            hint.map_or(
                "add the [[source]] record first (docs/format.md)".to_string(),
                |s| format!("did you mean `{s}`?"),
            ),
        )
    })
}

/// The figure with this id.
pub(super) fn find_figure(checked: &Checked, id: &str) -> Result<usize, AddError> {
    let base = &checked.base;
    base.figure_by_id(id).ok_or_else(|| {
        let hint = did_you_mean(id, base.figures.iter().map(|f| f.id.as_str()));
        refuse(
            format!("no figure `{id}` in the claim base"),
            hint.map_or(
                format!("declare it first: claimtrack add --figure {id} --label \"…\""),
                |f| format!("did you mean `{f}`?"),
            ),
        )
    })
}

/// A speaker named by `flag`.
pub(super) fn check_speaker(checked: &Checked, id: &str, flag: &str) -> Result<(), AddError> {
    let base = &checked.base;
    if matches!(base.lookup(id), Some(Node::Speaker(_))) {
        return Ok(());
    }
    let hint = did_you_mean(id, base.speakers.iter().map(|s| s.id.as_str()));
    Err(refuse(
        format!("{flag}: no speaker `{id}` in the claim base"),
        hint.map_or(
            "add the [[speaker]] record first (docs/format.md)".to_string(),
            |s| format!("did you mean `{s}`?"),
        ),
    ))
}

/// A source, claim or first-hand basis.
pub(super) fn check_basis(checked: &Checked, basis: &str) -> Result<(), AddError> {
    let first_hand = FirstHand::ALL.iter().any(|(name, _)| *name == basis);
    let record = matches!(
        checked.base.lookup(basis),
        Some(Node::Source(_) | Node::Claim(_))
    );
    if first_hand || record {
        return Ok(());
    }
    Err(refuse(
        format!("--basis: `{basis}` is neither a source, a claim nor a first-hand basis"),
        "give a source or claim id, or one of witness, own-count, own-research, official-records",
    ))
}

/// An id no record has, valid by the rules of docs/format.md.
pub(super) fn check_new_id(checked: &Checked, id: &str) -> Result<String, AddError> {
    if let Some(problem) = crate::model::ids::id_problem(id) {
        return Err(refuse(
            format!("invalid id `{id}`: {problem}"),
            "use letters, digits and `-_./:` only",
        ));
    }
    if checked.base.lookup(id).is_some() {
        return Err(refuse(
            format!("the claim base has a record `{id}` already"),
            "choose another id, or leave --id out to have one proposed",
        ));
    }
    Ok(id.to_string())
}
