//! The fields that take one name of a fixed list (`kind`, `values`, `window`, `measure`,
//! `stance`). Given a value of the wrong type, the TOML reader says only "wanted string or
//! table"; the finding names the field and the names it takes instead.

use crate::input::records::{ClaimMeasure, SourceKind, SpeakerKind, Stance, ValueKind};
use crate::model::date::Precision;
use serde::de::DeserializeOwned;

/// The TOML reader's words for a value that is not a name where a field takes one.
pub(super) const NOT_A_NAME: &str = "wanted string or table";

/// The names `field` of a `record` takes, if it takes one name of a fixed list.
pub(super) fn names(record: &str, field: &str) -> Option<Vec<String>> {
    match (record, field) {
        ("speaker", "kind") => Some(names_of::<SpeakerKind>()),
        ("source", "kind") => Some(names_of::<SourceKind>()),
        ("figure", "values") => Some(names_of::<ValueKind>()),
        ("figure", "window") => Some(names_of::<Precision>()),
        ("claim", "measure") => Some(names_of::<ClaimMeasure>()),
        ("claim", "stance") => Some(names_of::<Stance>()),
        _ => None,
    }
}

/// The names `T` is read from, as the reader lists them (`expected one of `a`, `b``) when given a
/// name it does not know: the list then always matches the type.
fn names_of<T: DeserializeOwned>() -> Vec<String> {
    let unknown = toml::Value::String(String::new()).try_into::<T>();
    let message = unknown.err().map(|error| error.message().to_string());
    let expected = message
        .as_deref()
        .and_then(|message| message.split_once("expected "))
        .map_or("", |(_, names)| names);
    expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// The key of the `key = value` in `text` whose value starts at `value_start`: the last part of a
/// dotted key, without quotes.
pub(super) fn key_before(text: &str, value_start: usize) -> Option<&str> {
    let before = text
        .get(..value_start)?
        .trim_end()
        .strip_suffix('=')?
        .trim_end();
    let is_key = |c: char| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '"');
    let key = &before[before.trim_end_matches(is_key).len()..];
    let key = key.rsplit('.').next()?.trim_matches('"');
    (!key.is_empty()).then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_field_lists_the_names_its_type_reads() {
        assert_eq!(
            names("claim", "stance"),
            Some(vec!["asserts".into(), "reports".into(), "disputes".into()])
        );
        assert_eq!(
            names("figure", "values"),
            Some(vec!["count".into(), "label".into()])
        );
        assert!(
            names("source", "kind").is_some_and(|names| names.contains(&"press-release".into()))
        );
        assert!(names("figure", "window").is_some_and(|names| names.len() > 1));
        assert_eq!(names("claim", "note"), None);
    }

    #[test]
    fn the_key_is_read_from_the_line_of_the_value() {
        let text = "[[claim]]\nid = \"c\"\nstance   =  5\n";
        assert_eq!(key_before(text, text.find('5').unwrap()), Some("stance"));
        let inline = "claim = [{ id = \"c\", measure = [1] }]";
        assert_eq!(
            key_before(inline, inline.find("[1]").unwrap()),
            Some("measure")
        );
        let dotted = "claim.\"stance\" = 5";
        assert_eq!(key_before(dotted, dotted.len() - 1), Some("stance"));
        assert_eq!(key_before("5", 0), None);
    }
}
