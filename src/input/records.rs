//! The records as written in TOML: plain serde types whose fields keep their byte spans, so every
//! later problem can point at the place in the file. Nothing here is checked beyond types.

use serde::{Deserialize, Deserializer};
use toml::Spanned;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, serde::Serialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum SpeakerKind {
    Person,
    Organisation,
    Government,
    Outlet,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, serde::Serialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    Report,
    PressRelease,
    News,
    Statement,
    Transcript,
    Event,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ValueKind {
    #[default]
    Count,
    Label,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSpeaker {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub kind: Spanned<SpeakerKind>,
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    #[serde(default)]
    pub affiliations: Vec<Spanned<String>>,
    pub note: Option<Spanned<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub publisher: Spanned<String>,
    pub kind: Spanned<SourceKind>,
    pub published: Spanned<DateText>,
    pub url: Option<Spanned<String>>,
    pub sha256: Option<Spanned<String>>,
    pub archive_file: Option<Spanned<String>>,
    pub note: Option<Spanned<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFigure {
    pub id: Spanned<String>,
    pub label: Spanned<String>,
    pub unit: Option<Spanned<String>>,
    pub subject: Option<Spanned<String>>,
    #[serde(default)]
    pub values: ValueKind,
    #[serde(default)]
    pub varies: bool,
    pub window: Option<Spanned<crate::model::date::Precision>>,
    pub note: Option<Spanned<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClaim {
    pub id: Spanned<String>,
    pub figure: Option<Spanned<String>>,
    pub value: Option<Spanned<ValueText>>,
    /// An estimate's ends and best value, as datasets give them; any subset, with or without
    /// `value`.
    pub low: Option<Spanned<FieldNumber>>,
    pub best: Option<Spanned<FieldNumber>>,
    pub high: Option<Spanned<FieldNumber>>,
    pub statement: Option<Spanned<String>>,
    pub speaker: Spanned<String>,
    pub source: Option<Spanned<String>>,
    pub quote: Option<Spanned<String>>,
    pub locator: Option<Spanned<String>>,
    pub as_of: Option<Spanned<DateText>>,
    pub according_to: Option<Spanned<String>>,
    #[serde(default)]
    pub basis: Vec<Spanned<String>>,
    pub note: Option<Spanned<String>>,
}

/// A value as written: an integer or text. Read by the value grammar later, so an unreadable value
/// is a finding on its span rather than a type error.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ValueText {
    Integer(i64),
    Text(String),
}

impl ValueText {
    /// The value as the source words it; integers are shown as written in TOML.
    pub fn as_written(&self) -> String {
        match self {
            ValueText::Integer(n) => n.to_string(),
            ValueText::Text(text) => text.clone(),
        }
    }
}

impl<'de> Deserialize<'de> for ValueText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match toml::Value::deserialize(deserializer)? {
            toml::Value::Integer(n) => Ok(ValueText::Integer(n)),
            toml::Value::String(text) => Ok(ValueText::Text(text)),
            other => Err(serde::de::Error::custom(format!(
                "`value` must be an integer or text such as \"at least 5,000\", found {}",
                other.type_str()
            ))),
        }
    }
}

/// A number in a claim's `low`, `best` or `high` field: an integer, or a decimal for shares.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FieldNumber(pub f64);

impl<'de> Deserialize<'de> for FieldNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wrong = |found: &str| {
            serde::de::Error::custom(format!(
                "`low`, `best` and `high` are numbers such as 20000000 (or 2.5 for a share), found {found}"
            ))
        };
        match toml::Value::deserialize(deserializer)? {
            // Beyond 2^53 an integer would be rounded as a float: refused here, not misread.
            toml::Value::Integer(n) if n.unsigned_abs() < 1 << 53 => Ok(FieldNumber(n as f64)),
            toml::Value::Integer(n) => Err(wrong(&format!("{n}, too large to count exactly"))),
            toml::Value::Float(x) => Ok(FieldNumber(x)),
            other => Err(wrong(other.type_str())),
        }
    }
}

/// A date as written: text or a TOML date, parsed into a partial date when the base is resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateText(pub String);

impl<'de> Deserialize<'de> for DateText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match toml::Value::deserialize(deserializer)? {
            toml::Value::String(text) => Ok(DateText(text)),
            toml::Value::Datetime(date) if date.time.is_none() && date.offset.is_none() => {
                Ok(DateText(date.to_string()))
            }
            toml::Value::Integer(year) => Err(serde::de::Error::custom(format!(
                "a date is text: write the year as \"{year}\""
            ))),
            other => Err(serde::de::Error::custom(format!(
                "expected a partial date such as \"1988\", \"2018-12\" or \"2018-12-04\", found {}",
                other.type_str()
            ))),
        }
    }
}

/// The field names of each record kind, for "did you mean" suggestions.
pub mod fields {
    pub const SPEAKER: &[&str] = &["id", "name", "kind", "aliases", "affiliations", "note"];
    pub const SOURCE: &[&str] = &[
        "id",
        "title",
        "publisher",
        "kind",
        "published",
        "url",
        "sha256",
        "archive_file",
        "note",
    ];
    pub const FIGURE: &[&str] = &[
        "id", "label", "unit", "subject", "values", "varies", "window", "note",
    ];
    pub const CLAIM: &[&str] = &[
        "id",
        "figure",
        "value",
        "low",
        "best",
        "high",
        "statement",
        "speaker",
        "source",
        "quote",
        "locator",
        "as_of",
        "according_to",
        "basis",
        "note",
    ];
}
