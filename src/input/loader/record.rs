//! One record deserialised from its TOML table, or a finding that says why it cannot be: at the
//! field, with a "did you mean" for a misspelt field and the names a field takes for a value that
//! is not one.

use super::choices;
use crate::finding::{Code, Finding};
use crate::input::files::{FileId, Location};
use crate::input::records::fields;
use crate::suggest::did_you_mean;
use serde::Deserialize;
use std::borrow::Cow;
use std::ops::Range;
use toml::de::{DeValue, ValueDeserializer};

/// What a record's problems are told with: its table's name, its fields, and the file it is in.
pub(super) struct Record<'t> {
    pub name: &'t str,
    pub fields: &'static [&'static str],
    pub text: &'t str,
    pub file: FileId,
}

pub(super) fn fields_of(table: &str) -> &'static [&'static str] {
    match table {
        "speaker" => fields::SPEAKER,
        "source" => fields::SOURCE,
        "figure" => fields::FIGURE,
        _ => fields::CLAIM,
    }
}

/// Deserialise one record into `records`, or report why it cannot be; whether it loaded.
pub(super) fn push_record<'i, T: Deserialize<'i>>(
    records: &mut Vec<T>,
    item: toml::Spanned<DeValue<'i>>,
    record: &Record,
    findings: &mut Vec<Finding>,
) -> bool {
    let record_span = item.span();
    match T::deserialize(ValueDeserializer::from(item)) {
        Ok(loaded) => {
            records.push(loaded);
            true
        }
        Err(error) => {
            let span = error.span().unwrap_or(record_span);
            findings.push(record_error(error.message(), span, record));
            false
        }
    }
}

/// A record's `id`, when it is a string, read before the record is deserialised: borrowed from
/// the file's text where the file writes it as it reads, so that it costs nothing unless the
/// record fails to load.
pub(super) fn id_of<'i>(item: &toml::Spanned<DeValue<'i>>) -> Option<Cow<'i, str>> {
    match item.get_ref().get("id")?.get_ref() {
        DeValue::String(text) => Some(text.clone()),
        _ => None,
    }
}

/// Turn a serde error at `span` into a finding, with a "did you mean" for misspelt fields and the
/// names a field takes for a value that is not one.
fn record_error(message: &str, span: Range<usize>, record: &Record) -> Finding {
    let field_names = record.fields;
    let location = Location::new(record.file, span.clone());
    let message = message.trim();
    if message == choices::NOT_A_NAME
        && let Some(field) = choices::key_before(record.text, span.start)
        && let Some(names) = choices::names(record.name, field)
        && let Some(first) = names.first()
    {
        let listed: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
        return Finding::new(
            Code::InvalidField,
            location,
            format!("`{field}` takes one of {} in quotes", listed.join(", ")),
        )
        .label("not a name in quotes")
        .help(format!(
            "write the name as a string, as in `{field} = \"{first}\"`; docs/format.md says what each name means"
        ));
    }
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or_default();
        let help = match did_you_mean(field, field_names.iter().copied()) {
            Some(suggestion) => format!("did you mean `{suggestion}`?"),
            None => format!("the fields are: {}", field_names.join(", ")),
        };
        return Finding::new(
            Code::UnknownField,
            location,
            format!("unknown field `{field}`"),
        )
        .label("not a field of this record")
        .help(help);
    }
    let help = if message.starts_with("missing field") {
        "add the field; docs/format.md lists the required fields of each record"
    } else {
        "docs/format.md lists each field and the values it takes"
    };
    Finding::new(Code::InvalidField, location, message.to_string()).help(help)
}
