//! Claim values in the model: each count value read by the grammar (ahead of resolving, on every
//! core), and a value the grammar cannot read reported at the words it stumbled on.

use super::resolve::Resolver;
use super::{ClaimValue, Figure};
use crate::finding::{Code, Finding};
use crate::input::config::Config;
use crate::input::files::{FileId, Files, Location};
use crate::input::loader::{InFile, RawBase};
use crate::input::records::{RawClaim, ValueKind, ValueText};
use crate::value::{self, Measure, Reading};

impl Resolver {
    pub(super) fn value(
        &mut self,
        record: &RawClaim,
        figure: Option<&Figure>,
        files: &Files,
        file: FileId,
        config: &Config,
        read: Option<Result<Reading, value::ValueError>>,
    ) -> Option<ClaimValue> {
        let claim_location = Location::new(file, record.id.span());
        let Some(value) = &record.value else {
            if record.figure.is_some() {
                self.findings.push(
                    Finding::new(
                        Code::MissingValue,
                        claim_location,
                        format!(
                            "claim `{}` names a figure but gives no value",
                            record.id.get_ref()
                        ),
                    )
                    .help("add `value = ...` with the figure as the source words it"),
                );
            }
            return None;
        };
        let location = Location::new(file, value.span());
        if record.figure.is_none() {
            self.findings.push(
                Finding::new(
                    Code::MissingValue,
                    location.clone(),
                    format!(
                        "claim `{}` gives a value but names no figure",
                        record.id.get_ref()
                    ),
                )
                .label("a value without a figure")
                .help("add `figure = \"...\"` naming what the value counts, or remove the value"),
            );
        }
        let written = value.get_ref().as_written();
        let is_label = figure.is_some_and(|f| f.values == ValueKind::Label);
        let reading = if is_label || figure.is_none() {
            None
        } else {
            let measure = Measure::of_unit(figure.and_then(|f| f.unit.as_deref()));
            match read.unwrap_or_else(|| read_value_text(value.get_ref(), config, measure)) {
                Ok(reading) => Some(reading),
                Err(error) => {
                    // The error's span is inside the text: it maps into the file only when the
                    // TOML string holds the text as written, without escapes.
                    let inner = location.span.start + 1..location.span.end.saturating_sub(1);
                    let written_as_is = match value.get_ref() {
                        ValueText::Text(text) => {
                            files.get(file).text.get(inner.clone()) == Some(text.as_str())
                        }
                        ValueText::Integer(_) => false,
                    };
                    let span = if written_as_is {
                        inner.start + error.span.start..inner.start + error.span.end
                    } else {
                        location.span.clone()
                    };
                    self.findings.push(
                        Finding::new(
                            Code::UnreadableValue,
                            Location::new(file, span),
                            error.message,
                        )
                        .label("cannot read this as a count")
                        .help(format!(
                            "write the value in one of the accepted forms:\n{}",
                            value::ACCEPTED_FORMS
                        )),
                    );
                    None
                }
            }
        };
        Some(ClaimValue {
            written,
            reading,
            location,
        })
    }
}

fn read_value_text(
    value: &ValueText,
    config: &Config,
    measure: Measure,
) -> Result<Reading, value::ValueError> {
    match value {
        ValueText::Integer(n) => value::read_integer(*n, measure),
        ValueText::Text(text) => value::read_value(text, &config.values, measure),
    }
}

/// Every count value read ahead, on all cores: reading values is most of resolving's work.
pub(super) fn read_values(
    raw: &RawBase,
    config: &Config,
) -> Vec<Option<Result<Reading, value::ValueError>>> {
    use rayon::prelude::*;
    // What each figure's values measure; None for label figures, whose values are not read.
    let measures: std::collections::HashMap<&str, Option<Measure>> = raw
        .figures
        .iter()
        .map(|InFile { record, .. }| {
            let unit = record.unit.as_ref().map(|unit| unit.get_ref().as_str());
            let measure = (record.values == ValueKind::Count).then(|| Measure::of_unit(unit));
            (record.id.get_ref().as_str(), measure)
        })
        .collect();
    raw.claims
        .par_iter()
        .map(|InFile { record, .. }| {
            let figure = record.figure.as_ref()?.get_ref();
            let measure = measures.get(figure.as_str()).copied().flatten()?;
            Some(read_value_text(
                record.value.as_ref()?.get_ref(),
                config,
                measure,
            ))
        })
        .collect()
}
