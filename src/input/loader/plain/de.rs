//! Records deserialised from the tape as `toml` deserialises them from its tree: each kind of value
//! makes the same call on the visitor, strings written as they read are handed over as slices of
//! the file's text, and a `Spanned` field takes the same place. Anything `toml` would hand over
//! otherwise (a date) is not read here, and the file goes to `toml`.

use super::{Entry, Failed, Kind};
use serde::de::value::{BorrowedStrDeserializer, StringDeserializer};
use serde::de::{DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::forward_to_deserialize_any;
use serde_spanned::de::{SpannedDeserializer, is_spanned};
use std::borrow::Cow;
use std::fmt;
use toml_parser::decoder::ScalarKind;
use toml_parser::{Raw, Span};

/// Why a record was not read from the tape; `toml` reads the file again and tells why.
#[derive(Debug)]
pub(super) struct Unread;

impl fmt::Display for Unread {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("not read from the plain shape")
    }
}

impl std::error::Error for Unread {}

impl serde::de::Error for Unread {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Unread
    }
}

/// The keys and values of a record or an inline table, from `at` up to `end` on the tape.
pub(super) struct Fields<'t, 'i> {
    text: &'i str,
    tape: &'t [Entry],
    at: usize,
    end: usize,
}

impl<'t, 'i> Fields<'t, 'i> {
    pub(super) fn new(text: &'i str, tape: &'t [Entry], at: usize, end: usize) -> Self {
        Fields {
            text,
            tape,
            at,
            end,
        }
    }
}

/// The written text of an entry, as the decoders take it.
fn raw<'i>(text: &'i str, entry: &Entry) -> Raw<'i> {
    let (start, end) = (entry.start as usize, entry.end as usize);
    Raw::new_unchecked(
        &text[start..end],
        entry.encoding,
        Span::new_unchecked(start, end),
    )
}

impl<'i> serde::Deserializer<'i> for Fields<'_, 'i> {
    type Error = Unread;

    fn deserialize_any<V: Visitor<'i>>(self, visitor: V) -> Result<V::Value, Unread> {
        visitor.visit_map(self)
    }

    forward_to_deserialize_any! {
        <W: Visitor<'i>>
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier
        ignored_any
    }
}

impl<'i> MapAccess<'i> for Fields<'_, 'i> {
    type Error = Unread;

    fn next_key_seed<K: DeserializeSeed<'i>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Unread> {
        let Some(entry) = self.tape.get(self.at).filter(|_| self.at < self.end) else {
            return Ok(None);
        };
        let mut key = Cow::Borrowed("");
        let mut failed = Failed(false);
        raw(self.text, entry).decode_key(&mut key, &mut failed);
        if failed.0 || entry.kind != Kind::Key {
            return Err(Unread);
        }
        self.at += 1;
        match key {
            Cow::Borrowed(key) => seed.deserialize(BorrowedStrDeserializer::new(key)),
            Cow::Owned(key) => seed.deserialize(StringDeserializer::new(key)),
        }
        .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'i>>(&mut self, seed: V) -> Result<V::Value, Unread> {
        let value = Value {
            text: self.text,
            tape: self.tape,
            at: self.at,
        };
        self.at = value.entry().next as usize;
        seed.deserialize(value)
    }
}

/// The elements of an array, from `at` up to `end` on the tape.
struct Elements<'t, 'i> {
    text: &'i str,
    tape: &'t [Entry],
    at: usize,
    end: usize,
}

impl<'i> SeqAccess<'i> for Elements<'_, 'i> {
    type Error = Unread;

    fn next_element_seed<T: DeserializeSeed<'i>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Unread> {
        if self.at >= self.end {
            return Ok(None);
        }
        let value = Value {
            text: self.text,
            tape: self.tape,
            at: self.at,
        };
        self.at = value.entry().next as usize;
        seed.deserialize(value).map(Some)
    }
}

/// One value on the tape: a scalar, an array or an inline table.
struct Value<'t, 'i> {
    text: &'i str,
    tape: &'t [Entry],
    at: usize,
}

impl<'i> Value<'_, 'i> {
    fn entry(&self) -> &Entry {
        &self.tape[self.at]
    }

    /// The scalar decoded, and what kind it is; Unread when it does not decode.
    fn decoded(&self) -> Result<(ScalarKind, Cow<'i, str>), Unread> {
        let mut decoded = Cow::Borrowed("");
        let mut failed = Failed(false);
        let kind = raw(self.text, self.entry()).decode_scalar(&mut decoded, &mut failed);
        match failed.0 {
            true => Err(Unread),
            false => Ok((kind, decoded)),
        }
    }

    fn scalar<V: Visitor<'i>>(self, visitor: V) -> Result<V::Value, Unread> {
        let (kind, decoded) = self.decoded()?;
        match kind {
            ScalarKind::String => match decoded {
                Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
                Cow::Owned(text) => visitor.visit_string(text),
            },
            ScalarKind::Boolean(value) => visitor.visit_bool(value),
            ScalarKind::Integer(radix) => {
                let radix = radix.value();
                if let Ok(n) = i64::from_str_radix(&decoded, radix) {
                    visitor.visit_i64(n)
                } else if let Ok(n) = u64::from_str_radix(&decoded, radix) {
                    visitor.visit_u64(n)
                } else if let Ok(n) = i128::from_str_radix(&decoded, radix) {
                    visitor.visit_i128(n)
                } else {
                    visitor.visit_u128(u128::from_str_radix(&decoded, radix).map_err(|_| Unread)?)
                }
            }
            ScalarKind::Float => match decoded.parse::<f64>() {
                Ok(x) if x.is_finite() || decoded.contains("inf") => visitor.visit_f64(x),
                _ => Err(Unread),
            },
            ScalarKind::DateTime => Err(Unread),
        }
    }
}

impl<'i> serde::Deserializer<'i> for Value<'_, 'i> {
    type Error = Unread;

    fn deserialize_any<V: Visitor<'i>>(self, visitor: V) -> Result<V::Value, Unread> {
        let entry = *self.entry();
        let (at, end) = (self.at + 1, entry.next as usize);
        let (text, tape) = (self.text, self.tape);
        match entry.kind {
            Kind::Scalar => self.scalar(visitor),
            Kind::Array => visitor.visit_seq(Elements {
                text,
                tape,
                at,
                end,
            }),
            Kind::Table => visitor.visit_map(Fields::new(text, tape, at, end)),
            Kind::Key => Err(Unread),
        }
    }

    // A value that is present is `Some`: an absent field is the `None`.
    fn deserialize_option<V: Visitor<'i>>(self, visitor: V) -> Result<V::Value, Unread> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'i>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Unread> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_struct<V: Visitor<'i>>(
        self,
        name: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Unread> {
        if is_spanned(name) {
            let entry = self.entry();
            let span = entry.start as usize..entry.end as usize;
            return visitor.visit_map(SpannedDeserializer::new(self, span));
        }
        self.deserialize_any(visitor)
    }

    fn deserialize_enum<V: Visitor<'i>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Unread> {
        if self.entry().kind != Kind::Scalar {
            return Err(Unread);
        }
        match self.decoded()? {
            (ScalarKind::String, name) => visitor.visit_enum(name.into_deserializer()),
            _ => Err(Unread),
        }
    }

    forward_to_deserialize_any! {
        <W: Visitor<'i>>
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map identifier ignored_any
    }
}

impl<'t, 'i> IntoDeserializer<'i, Unread> for Value<'t, 'i> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}
