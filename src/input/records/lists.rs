//! Fields that hold one id or several, or an id with dates: `according_to` and `affiliations`.
//! Each id keeps where it is written, so a reference to an unknown record points at it.

use super::DateText;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer};
use toml::Spanned;

/// One id, or a list of ids: `according_to = "reuters"` or `according_to = ["reuters", "hrana"]`.
/// A single id takes the span of the field; each id of a list keeps its own.
#[derive(Debug, Clone)]
pub enum IdList {
    One(String),
    Many(Vec<Spanned<String>>),
}

/// The ids of an optional one-or-many field, each with where it is written.
pub fn ids_of(field: Option<&Spanned<IdList>>) -> Vec<Spanned<String>> {
    match field {
        None => Vec::new(),
        Some(list) => match list.get_ref() {
            IdList::One(id) => vec![Spanned::new(list.span(), id.clone())],
            IdList::Many(ids) => ids.clone(),
        },
    }
}

impl<'de> Deserialize<'de> for IdList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Ids;
        impl<'de> serde::de::Visitor<'de> for Ids {
            type Value = IdList;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(
                    "a speaker id or a list of speaker ids, such as [\"reuters\", \"hrana\"]",
                )
            }
            fn visit_str<E: serde::de::Error>(self, id: &str) -> Result<IdList, E> {
                Ok(IdList::One(id.to_string()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<IdList, A::Error> {
                let mut ids = Vec::new();
                while let Some(id) = seq.next_element()? {
                    ids.push(id);
                }
                Ok(IdList::Many(ids))
            }
        }
        deserializer.deserialize_any(Ids)
    }
}

/// An affiliation: a speaker id, or a table giving the dates it holds between.
#[derive(Debug, Clone)]
pub enum RawAffiliation {
    Always(String),
    Dated(DatedAffiliation),
}

/// An affiliation that holds between two dates; either end may be open, but not both.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DatedAffiliation {
    /// The id of the speaker this one belongs to.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The first date the affiliation holds.
    #[schemars(with = "Option<DateText>")]
    pub from: Option<Spanned<DateText>>,
    /// The last date the affiliation holds.
    #[schemars(with = "Option<DateText>")]
    pub until: Option<Spanned<DateText>>,
}

impl<'de> Deserialize<'de> for RawAffiliation {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Affiliation;
        impl<'de> serde::de::Visitor<'de> for Affiliation {
            type Value = RawAffiliation;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a speaker id, or a table such as { id = \"niaid\", from = \"2006\" }")
            }
            fn visit_str<E: serde::de::Error>(self, id: &str) -> Result<RawAffiliation, E> {
                Ok(RawAffiliation::Always(id.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<RawAffiliation, A::Error> {
                let dated = DatedAffiliation::deserialize(
                    serde::de::value::MapAccessDeserializer::new(map),
                )?;
                Ok(RawAffiliation::Dated(dated))
            }
        }
        deserializer.deserialize_any(Affiliation)
    }
}
