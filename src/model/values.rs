//! Claim values in the model: each value read by the grammar for its figure's measure (counts, or
//! shares on a `unit = "percent"` figure), the `low`, `best`
//! and `high` fields read on their own or checked against the value, and whatever cannot be read
//! reported at the words or field it stumbled on.

use super::resolve::Resolver;
use super::{ClaimValue, Figure};
use crate::finding::{Code, Finding};
use crate::input::config::Config;
use crate::input::files::{FileId, Location};
use crate::input::records::{
    ClaimMeasure, FieldNumber, Placed, RawClaim, RawText, Stance, ValueKind, ValueText, unquoted,
};
use crate::value::{self, Counted, EstimateFields, Field, FieldError, Measure, Reading, Unit};
use foldhash::HashMap;
use std::sync::Arc;
use toml::Spanned;

/// The readings of the value texts one base's claims have met so far, by measure and unit.
/// Reading is pure, and a base writes the same few values ("hundreds", "at least 5,000") over and
/// over: seven claims in eight of the synthetic 100k bench base repeat a value written before.
#[derive(Default)]
pub(super) struct ReadValues {
    by_measure: Vec<(ReadAs, HashMap<String, ValueRead>)>,
}

/// What a figure's values are read as: counts or shares, and the unit they are measured in.
type ReadAs = (Measure, Option<Unit>);

/// A reading, shared by every claim that writes the same words on a figure of the same measure,
/// with what the words count when they count other than a figure's whole ("5,000 families",
/// "5,000 new cases"): whether the figure counts that is a question of each claim's figure.
type ValueRead = Result<(Arc<Reading>, Vec<Counted>), value::ValueError>;

impl ReadValues {
    fn read(
        &mut self,
        value: &Placed<ValueText>,
        file_text: &str,
        config: &Config,
        read_as: ReadAs,
    ) -> ValueRead {
        let ValueText::Text(text) = value.get_ref() else {
            return read_value_text(value, file_text, config, read_as)
                .map(|(reading, counted)| (Arc::new(reading), counted));
        };
        let text = text.text(value.span(), file_text);
        let at = match self.by_measure.iter().position(|(m, _)| *m == read_as) {
            Some(at) => at,
            None => {
                self.by_measure.push((read_as, HashMap::default()));
                self.by_measure.len() - 1
            }
        };
        let read = &mut self.by_measure[at].1;
        if let Some(reading) = read.get(text) {
            return reading.clone();
        }
        let reading = read_value_text(value, file_text, config, read_as)
            .map(|(reading, counted)| (Arc::new(reading), counted));
        read.insert(text.to_string(), reading.clone());
        reading
    }
}

impl Resolver<'_> {
    pub(super) fn value(
        &mut self,
        record: &RawClaim,
        figure: Option<&Figure>,
        file: FileId,
        config: &Config,
        read_values: &mut ReadValues,
    ) -> Option<ClaimValue> {
        let claim_location = Location::new(file, record.id.span());
        let file_text = &self.declared.files.get(file).text;
        let id = record.id.text(file_text);
        let fields = estimate_fields(record);
        let field_span = |field: Field| field_of(record, field).map(Spanned::span);
        let first_field = [Field::Low, Field::Best, Field::High]
            .into_iter()
            .find_map(field_span);
        let given = match (&record.value, first_field.clone()) {
            (Some(value), _) => value.span(),
            (None, Some(span)) => span,
            (None, None) => {
                // A dispute may reject a figure without stating one of its own.
                let disputes = record
                    .stance
                    .as_ref()
                    .is_some_and(|s| *s.get_ref() == Stance::Disputes);
                if record.figure.is_some() && !disputes {
                    self.findings.push(
                        Finding::new(
                            Code::MissingValue,
                            claim_location,
                            format!(
                                "claim `{}` names a figure but gives no value",
                                id
                            ),
                        )
                        .help("add `value = ...` with the figure as the source words it (or `low`, `best`, `high`)"),
                    );
                }
                return None;
            }
        };
        let location = Location::new(file, given);
        if record.figure.is_none() {
            self.findings.push(
                Finding::new(
                    Code::MissingValue,
                    location.clone(),
                    format!("claim `{}` gives a value but names no figure", id),
                )
                .label("a value without a figure")
                .help("add `figure = \"...\"` naming what the value counts, or remove the value"),
            );
        }
        let written = match &record.value {
            Some(value) => value.get_ref().as_written(value.span(), file_text),
            None => fields.written(),
        };
        let is_label = figure.is_some_and(|f| f.values == ValueKind::Label);
        let Some(figure) = figure.filter(|_| !is_label) else {
            if is_label && let Some(span) = first_field {
                self.findings.push(
                    Finding::new(
                        Code::UnreadableValue,
                        Location::new(file, span),
                        "`low`, `best` and `high` give numbers, but this figure holds labels",
                    )
                    .help("remove the fields, or declare the figure with `values = \"count\"`"),
                );
            }
            return Some(ClaimValue {
                written: written.into(),
                reading: None,
                worded: None,
                location,
            });
        };
        let measure = Measure::of_unit(figure.unit.as_deref());
        let read_as = (measure, figure.measured_in);
        let reading = match &record.value {
            Some(value) => match read_values.read(value, file_text, config, read_as) {
                Ok((reading, counted)) => {
                    let counting = figure.counting();
                    // A measure counting the cases known so far, or a value open upwards ("at
                    // least 5,000 documented"), already says what such words say.
                    let known_so_far = reading.high.is_none()
                        || (record.measure.as_ref())
                            .is_some_and(|measure| measure.get_ref().is_lower_bound());
                    let refusal = (counted.iter())
                        .filter(|c| !(known_so_far && c.counts_known_so_far()))
                        .find_map(|c| c.refusal(&written, counting));
                    match refusal {
                        None => Some(reading),
                        Some(refusal) => {
                            let error = value::ValueError {
                                message: refusal.message,
                                span: refusal.span,
                            };
                            self.unreadable(value, file_text, file, error, refusal.help);
                            None
                        }
                    }
                }
                Err(error) => {
                    self.unreadable(value, file_text, file, error, accepted_forms());
                    None
                }
            },
            None => match fields.reading(measure) {
                Ok(reading) => Some(Arc::new(reading)),
                Err(error) => {
                    self.field_error(record, id, file, error);
                    None
                }
            },
        };
        if let (Some(reading), Some(_), false) = (&reading, &record.value, fields.is_empty())
            && let Err(error) = fields.agree_with(reading)
        {
            self.field_error(record, id, file, error);
        }
        let measure = record.measure.as_ref().map(|m| *m.get_ref());
        let (reading, worded) = match reading {
            Some(reading) if measure.is_some_and(ClaimMeasure::is_lower_bound) => {
                (Some(Arc::new(reading.at_least())), Some(reading))
            }
            reading => (reading, None),
        };
        Some(ClaimValue {
            written: written.into(),
            reading,
            worded,
            location,
        })
    }

    fn unreadable(
        &mut self,
        value: &Placed<ValueText>,
        file_text: &str,
        file: FileId,
        error: value::ValueError,
        help: String,
    ) {
        // The error's span is inside the text: it maps into the file only when the TOML string
        // holds the text as written, without escapes.
        let span = match value.get_ref() {
            ValueText::Text(RawText::InFile) => {
                let start = unquoted(file_text, value.span()).start;
                start + error.span.start..start + error.span.end
            }
            _ => value.span(),
        };
        self.findings.push(
            Finding::new(
                Code::UnreadableValue,
                Location::new(file, span),
                error.message,
            )
            .label("cannot read this as a value")
            .help(help),
        );
    }

    fn field_error(&mut self, record: &RawClaim, id: &str, file: FileId, error: FieldError) {
        let span = field_of(record, error.field)
            .map(Spanned::span)
            .or_else(|| record.value.as_ref().map(Placed::span))
            .unwrap_or(record.id.span());
        self.findings.push(
            Finding::new(
                Code::UnreadableValue,
                Location::new(file, span),
                error.message,
            )
            .label(format!("`{}`", error.field.name()))
            .help("`low`, `best` and `high` state an estimate's ends and best value; with `value`, they must say what it says")
            .claims([id]),
        );
    }
}

/// The help of a value the grammar cannot read.
fn accepted_forms() -> String {
    format!(
        "write the value in one of the accepted forms (docs/report.md lists them all):\n{}",
        value::ACCEPTED_FORMS
    )
}

fn field_of(record: &RawClaim, field: Field) -> Option<&Spanned<FieldNumber>> {
    match field {
        Field::Low => record.low.as_deref(),
        Field::Best => record.best.as_deref(),
        Field::High => record.high.as_deref(),
    }
}

fn estimate_fields(record: &RawClaim) -> EstimateFields {
    let number = |field| field_of(record, field).map(|n| n.get_ref().0);
    EstimateFields {
        low: number(Field::Low),
        best: number(Field::Best),
        high: number(Field::High),
    }
}

fn read_value_text(
    value: &Placed<ValueText>,
    file_text: &str,
    config: &Config,
    (measure, unit): ReadAs,
) -> Result<(Reading, Vec<Counted>), value::ValueError> {
    match value.get_ref() {
        ValueText::Integer(n) => {
            value::read_integer(*n, measure).map(|reading| (reading, Vec::new()))
        }
        ValueText::Text(text) => {
            let text = text.text(value.span(), file_text);
            value::read_value_counting(text, &config.values, measure, unit)
        }
    }
}
