//! The records as written in TOML: plain serde types whose fields keep their byte spans, so every
//! later problem can point at the place in the file. Nothing here is checked beyond types. The same
//! types describe themselves as JSON Schema (`schemars`, see `input::schema`): a field's doc comment
//! is the hover text an editor shows, and `with` names the type a spanned field holds.

mod lists;
mod placed;
mod stance;
mod text;

pub use lists::{DatedAffiliation, IdList, RawAffiliation, ids_of};
pub use placed::Placed;
pub use stance::{ClaimMeasure, Stance};
pub use text::{RawText, ValueText, reading, unquoted};

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer};
use toml::Spanned;

/// What kind of speaker this is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Deserialize,
    serde::Serialize,
    JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum SpeakerKind {
    Person,
    Organisation,
    Government,
    Outlet,
    /// A speaker a source does not name ("three interior ministry officials"): its own origin
    /// group, whose affiliations are only what the reporter claims.
    Anonymous,
}

/// What kind of publication the source is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Deserialize,
    serde::Serialize,
    JsonSchema,
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

/// How the figure's values are read: `count` as numbers or intervals, `label` as labels compared
/// as equal or different.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, serde::Serialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum ValueKind {
    #[default]
    Count,
    Label,
}

/// A speaker: who says things (a person, an organisation, a government, an outlet).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSpeaker {
    /// The speaker's id, unique in the whole claim base: letters, digits and `-_./:`.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The speaker's name as sources write it.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    #[schemars(with = "SpeakerKind")]
    pub kind: Spanned<SpeakerKind>,
    /// Other spellings of the name seen in sources.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub aliases: Vec<Spanned<String>>,
    /// Ids of speakers this one belongs to or speaks for: they form one origin group. An entry may
    /// be dated, `{ id = "niaid", from = "2006" }`, and then counts only for claims within its dates.
    #[serde(default)]
    #[schemars(with = "Vec<RawAffiliation>")]
    pub affiliations: Vec<Spanned<RawAffiliation>>,
    #[schemars(with = "Option<String>")]
    pub note: Option<Spanned<String>>,
}

/// A source: where things are said.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    /// The source's id, unique in the whole claim base: letters, digits and `-_./:`.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    /// The id of the speaker that publishes the source.
    #[schemars(with = "String")]
    pub publisher: Spanned<String>,
    /// Ids of the speakers who wrote the source: a `basis` naming the source leads to them rather
    /// than to the publisher.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub authors: Vec<Spanned<String>>,
    #[schemars(with = "SourceKind")]
    pub kind: Spanned<SourceKind>,
    /// When the source was published.
    #[schemars(with = "DateText")]
    pub published: Spanned<DateText>,
    #[schemars(with = "Option<String>")]
    pub url: Option<Spanned<String>>,
    /// The sha256 of an archived plain-text copy of the source, in 64 hex digits.
    #[schemars(with = "Option<String>")]
    pub sha256: Option<Spanned<String>>,
    /// The file name of the archived plain-text copy.
    #[schemars(with = "Option<String>")]
    pub archive_file: Option<Spanned<String>>,
    /// Say what an inferred date or title rests on.
    #[schemars(with = "Option<String>")]
    pub note: Option<Spanned<String>>,
}

/// A figure: what is being counted or described. Only claims on one figure are compared.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFigure {
    /// The figure's id, unique in the whole claim base: letters, digits and `-_./:`.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// What the figure counts or describes, in words.
    #[schemars(with = "String")]
    pub label: Spanned<String>,
    /// What is counted; "percent" makes the values shares.
    #[schemars(with = "Option<String>")]
    pub unit: Option<Spanned<String>>,
    /// The id of the figure this one is a part of (security forces killed, of all killed): no
    /// part's value may exceed the whole's.
    #[schemars(with = "Option<String>")]
    pub part_of: Option<Spanned<String>>,
    /// The id of the speaker the figure is about (an office holder).
    #[schemars(with = "Option<String>")]
    pub subject: Option<Spanned<String>>,
    #[serde(default)]
    pub values: ValueKind,
    /// True for a running count or a state that changes over time: claims are then compared only
    /// when their `as_of` dates fall in the same `window`.
    #[serde(default)]
    pub varies: bool,
    /// For a varying figure, the window in which claims are compared (default year).
    #[schemars(with = "Option<crate::model::date::Precision>")]
    pub window: Option<Spanned<crate::model::date::Precision>>,
    #[schemars(with = "Option<String>")]
    pub note: Option<Spanned<String>>,
}

/// A claim: who said which figure, where, on what basis.
// A large base holds every claim as read until all are resolved: its texts are kept as places in the
// file where it writes them as they read, its fields' places in 32 bits, and the fields most claims
// leave out are boxed, so a claim takes 264 bytes and no more unless it writes escapes or those
// fields.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawClaim {
    /// The claim's id, unique in the whole claim base: letters, digits and `-_./:`.
    #[schemars(with = "String")]
    pub id: Placed<RawText>,
    /// The id of the figure the claim states; absent for a statement that carries no figure.
    #[schemars(with = "Option<String>")]
    pub figure: Option<Placed<RawText>>,
    #[schemars(with = "Option<ValueText>")]
    pub value: Option<Placed<ValueText>>,
    /// An estimate's lower end, as datasets give it; any of `low`, `best` and `high`, with or
    /// without `value`.
    #[schemars(with = "Option<FieldNumber>")]
    pub low: Option<Box<Spanned<FieldNumber>>>,
    /// An estimate's best value, as datasets give it.
    #[schemars(with = "Option<FieldNumber>")]
    pub best: Option<Box<Spanned<FieldNumber>>>,
    /// An estimate's upper end, as datasets give it.
    #[schemars(with = "Option<FieldNumber>")]
    pub high: Option<Box<Spanned<FieldNumber>>>,
    /// A paraphrase of what the speaker states.
    #[schemars(with = "Option<String>")]
    pub statement: Option<Placed<RawText>>,
    /// The id of the speaker who makes the statement in the source: the person quoted, the
    /// organisation, or the outlet in its own voice.
    #[schemars(with = "String")]
    pub speaker: Placed<RawText>,
    /// The id of the source the claim appears in; a claim without one is uncited.
    #[schemars(with = "Option<String>")]
    pub source: Option<Placed<RawText>>,
    /// The source's own words, exactly as printed.
    #[schemars(with = "Option<String>")]
    pub quote: Option<Placed<RawText>>,
    /// Where in the source: a page, a paragraph.
    #[schemars(with = "Option<String>")]
    pub locator: Option<Placed<RawText>>,
    /// The date the value holds at; defaults to the source's `published`.
    #[schemars(with = "Option<DateText>")]
    pub as_of: Option<Box<Spanned<DateText>>>,
    /// The id of the speaker the statement is attributed to: reported speech, "according to X"; a
    /// list when it is attributed to several at once.
    #[schemars(with = "Option<IdList>")]
    pub according_to: Option<Box<Spanned<IdList>>>,
    /// What the figure rests on: ids of sources or claims, or `witness`, `own-count`,
    /// `own-research`, `official-records`.
    #[serde(default)]
    #[schemars(with = "Vec<String>", extend("default" = []))]
    pub basis: Box<[Placed<RawText>]>,
    /// What kind of number the value is; `documented` and `confirmed-so-far` are lower bounds.
    #[schemars(with = "Option<ClaimMeasure>")]
    pub measure: Option<Box<Spanned<ClaimMeasure>>>,
    /// Whether the speaker asserts the value, only reports it, or disputes other claims.
    #[schemars(with = "Option<Stance>")]
    pub stance: Option<Box<Spanned<Stance>>>,
    /// With `stance = "disputes"`: the ids of the claims the speaker disputes.
    #[serde(default)]
    #[schemars(with = "Vec<String>", extend("default" = []))]
    pub disputes: Box<[Placed<RawText>]>,
    /// Ids of earlier claims of the same origin that this one replaces (a revised count).
    #[serde(default)]
    #[schemars(with = "Vec<String>", extend("default" = []))]
    pub supersedes: Box<[Placed<RawText>]>,
    /// Why the speaker retracted the claim: a withdrawn claim is kept but no longer compared.
    #[schemars(with = "Option<String>")]
    pub withdrawn: Option<Box<Spanned<String>>>,
    #[schemars(with = "Option<String>")]
    pub note: Option<Placed<RawText>>,
}

impl RawClaim {
    /// Settle every string of the claim read in place (see [`RawText::settle`]), given the text
    /// of the file it was read from.
    pub fn settle(&mut self, file_text: &str) {
        let optional = [
            &mut self.figure,
            &mut self.statement,
            &mut self.source,
            &mut self.quote,
            &mut self.locator,
            &mut self.note,
        ];
        let lists = (self.basis.iter_mut())
            .chain(self.disputes.iter_mut())
            .chain(self.supersedes.iter_mut());
        [&mut self.id, &mut self.speaker]
            .into_iter()
            .chain(optional.into_iter().flatten())
            .chain(lists)
            .for_each(|text| text.settle(file_text));
        if let Some(value) = &mut self.value {
            value.settle(file_text);
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
        "authors",
        "kind",
        "published",
        "url",
        "sha256",
        "archive_file",
        "note",
    ];
    pub const FIGURE: &[&str] = &[
        "id", "label", "unit", "part_of", "subject", "values", "varies", "window", "note",
    ];
    pub const CLAIM: &[&str] = &[
        "id",
        "figure",
        "value",
        "low",
        "best",
        "high",
        "measure",
        "stance",
        "disputes",
        "statement",
        "speaker",
        "source",
        "quote",
        "locator",
        "as_of",
        "according_to",
        "basis",
        "supersedes",
        "withdrawn",
        "note",
    ];
}
