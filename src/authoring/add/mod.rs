//! `claimtrack add`: a claim made from a quote found in its source's archived copy (its paragraph
//! for the locator, its figure read by the grammar for the value, a proposed id, the publisher for
//! the speaker), or a figure declared; written as `fmt` writes records into the record file where
//! it belongs, every byte already there kept, and refused when the base would not read it cleanly.

mod files;
mod insert;
mod names;
mod quote;
mod record;
mod verify;

pub use files::{claim_file, figure_file, write};

use crate::Checked;
use quote::Quoted;
use record::Field;
use std::path::Path;

/// What the user gives for a new claim.
#[derive(Debug, Clone, Default)]
pub struct ClaimSpec {
    pub source: String,
    pub quote: String,
    pub figure: Option<String>,
    pub value: Option<String>,
    pub statement: Option<String>,
    pub speaker: Option<String>,
    pub according_to: Option<String>,
    pub basis: Vec<String>,
    pub as_of: Option<String>,
    pub note: Option<String>,
    pub id: Option<String>,
    /// Take the closest passage as the quote when the quote is not in the archived copy.
    pub accept_closest: bool,
}

/// What the user gives for a new figure.
#[derive(Debug, Clone, Default)]
pub struct FigureSpec {
    pub id: String,
    pub label: String,
    pub unit: Option<String>,
    pub note: Option<String>,
}

/// The record file a record goes into: its path in the claim base and its text, None when the
/// file does not exist yet.
#[derive(Debug, Clone)]
pub struct Target {
    pub path: String,
    pub text: Option<String>,
}

/// A record ready to be written.
#[derive(Debug, Clone, PartialEq)]
pub struct Addition {
    pub id: String,
    /// The record file, as a path in the claim base.
    pub path: String,
    /// The record as `fmt` writes it.
    pub record: String,
    /// The file's text with the record in it.
    pub text: String,
    /// What the user should know: where the quote was found, warnings the record raises.
    pub notes: Vec<String>,
}

/// Why a record is not added, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}\n  help: {help}")]
pub struct AddError {
    pub message: String,
    pub help: String,
}

fn refuse(message: impl Into<String>, help: impl Into<String>) -> AddError {
    AddError {
        message: message.into(),
        help: help.into(),
    }
}

/// A new claim from `spec`, its quote looked up in the archive in `dir`, for `target`.
pub fn claim(
    checked: &Checked,
    dir: &Path,
    spec: &ClaimSpec,
    target: &Target,
) -> Result<Addition, AddError> {
    let base = &checked.base;
    files::check_target(target)?;
    let source = names::find_source(checked, &spec.source)?;
    let figure = spec
        .figure
        .as_deref()
        .map(|id| names::find_figure(checked, id))
        .transpose()?;
    let Quoted {
        quote,
        locator,
        copy,
        mut notes,
    } = quote::locate(checked, dir, source, spec)?;
    let value = match (figure, &spec.value) {
        (None, Some(_)) => {
            return Err(refuse(
                "--value needs --figure",
                "name the figure the value measures with --figure",
            ));
        }
        (None, None) => {
            if spec.statement.is_none() {
                return Err(refuse(
                    "a claim without a figure needs --statement",
                    "say in --statement what the quote states, or give its --figure",
                ));
            }
            None
        }
        (Some(f), given) => Some(record::figure_value(checked, f, given.as_deref(), &quote)?),
    };
    let publisher = source.publisher.map(|p| base.speakers[p].id.clone());
    let Some(speaker) = spec.speaker.clone().or(publisher) else {
        return Err(refuse(
            format!("source `{}` names no publisher to speak", source.id),
            "name who says it with --speaker",
        ));
    };
    names::check_speaker(checked, &speaker, "--speaker")?;
    if let Some(party) = &spec.according_to {
        names::check_speaker(checked, party, "--according-to")?;
    }
    for basis in &spec.basis {
        names::check_basis(checked, basis)?;
    }
    let figure_id = figure.map(|f| base.figures[f].id.clone());
    let id = match &spec.id {
        Some(id) => names::check_new_id(checked, id)?,
        None => record::propose_id(
            base,
            &source.id,
            figure_id.as_deref(),
            value.as_deref(),
            &quote,
        ),
    };
    let mut fields = vec![("id", Field::Text(id.clone()))];
    let optional = |name, text: &Option<String>| text.clone().map(|text| (name, Field::Text(text)));
    fields.extend(optional("figure", &figure_id));
    fields.extend(value.as_deref().map(|v| ("value", Field::of_value(v))));
    fields.extend(optional("statement", &spec.statement));
    fields.push(("speaker", Field::Text(speaker)));
    fields.push(("source", Field::Text(source.id.clone())));
    fields.push(("quote", Field::Text(quote)));
    fields.push(("locator", Field::Text(locator.clone())));
    fields.extend(optional("as_of", &spec.as_of));
    fields.extend(optional("according_to", &spec.according_to));
    if !spec.basis.is_empty() {
        fields.push(("basis", Field::List(spec.basis.clone())));
    }
    fields.extend(optional("note", &spec.note));
    notes.insert(0, format!("quote found in {locator} of `{copy}`"));
    finish(checked, "claim", &id, &fields, target, notes)
}

/// A new figure from `spec`, for `target`.
pub fn figure(checked: &Checked, spec: &FigureSpec, target: &Target) -> Result<Addition, AddError> {
    files::check_target(target)?;
    let id = names::check_new_id(checked, &spec.id)?;
    if spec.label.trim().is_empty() {
        return Err(refuse(
            "a figure needs a label",
            "say what it counts with --label",
        ));
    }
    let mut fields = vec![
        ("id", Field::Text(id.clone())),
        ("label", Field::Text(spec.label.clone())),
    ];
    fields.extend(spec.unit.clone().map(|unit| ("unit", Field::Text(unit))));
    fields.extend(spec.note.clone().map(|note| ("note", Field::Text(note))));
    finish(checked, "figure", &id, &fields, target, Vec::new())
}

/// The record written, put into the target's text, and the base checked with it.
fn finish(
    checked: &Checked,
    kind: &str,
    id: &str,
    fields: &[(&str, Field)],
    target: &Target,
    mut notes: Vec<String>,
) -> Result<Addition, AddError> {
    let record = record::canonical(kind, fields)?;
    let (text, range) = insert::insert(target.text.as_deref().unwrap_or(""), kind, &record)
        .map_err(|unfit| {
            refuse(
                format!(
                    "`{}` cannot take the record: {}",
                    target.path, unfit.message
                ),
                "fix the file (`claimtrack check` shows where), or name another with --to",
            )
        })?;
    notes.extend(verify::check_with(checked, &target.path, &text, id, range)?);
    Ok(Addition {
        id: id.to_string(),
        path: target.path.clone(),
        record,
        text,
        notes,
    })
}
