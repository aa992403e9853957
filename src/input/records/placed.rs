//! A field's value with the place it is written, in half the room `toml::Spanned` takes: a large
//! base holds every claim as read until all are resolved, and much of a claim as read is the
//! places of its fields.

use super::{RawText, ValueText};
use crate::input::files::Span;
use serde::{Deserialize, Deserializer};
use std::ops::Range;
use toml::Spanned;

#[derive(Debug, Clone, PartialEq)]
pub struct Placed<T> {
    span: Span,
    value: T,
}

impl<T> Placed<T> {
    pub fn new(span: Range<usize>, value: T) -> Self {
        Placed {
            span: Span::new(span),
            value,
        }
    }

    /// The byte range of the field's value in its file.
    pub fn span(&self) -> Range<usize> {
        self.span.range()
    }

    pub fn get_ref(&self) -> &T {
        &self.value
    }

    pub fn into_inner(self) -> T {
        self.value
    }
}

impl Placed<RawText> {
    /// The string, given the text of the file it was read from.
    pub fn text<'a>(&'a self, file_text: &'a str) -> &'a str {
        self.value.text(self.span(), file_text)
    }

    /// Copy the string as the parser reads it when its place in the file cannot be trusted to
    /// hold it, given the text of the file it was read from (see `RawText::settle`).
    pub fn settle(&mut self, file_text: &str) {
        self.value.settle(self.span.range(), file_text);
    }
}

impl Placed<ValueText> {
    /// As [`Placed::<RawText>::settle`], for a value written as text.
    pub fn settle(&mut self, file_text: &str) {
        if let ValueText::Text(text) = &mut self.value {
            text.settle(self.span.range(), file_text);
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Placed<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // The parser hands a place over only to `Spanned`; files are held below 4 GiB, so its
        // offsets fit the smaller span.
        let spanned = Spanned::<T>::deserialize(deserializer)?;
        Ok(Placed::new(spanned.span(), spanned.into_inner()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_placed_field_keeps_the_place_spanned_gives() {
        #[derive(Deserialize)]
        struct Record {
            id: Placed<String>,
            count: Option<Placed<i64>>,
            absent: Option<Placed<i64>>,
        }
        let text = "id = \"amnesty\"\ncount = 5000\n";
        let record: Record = toml::from_str(text).unwrap();
        assert_eq!(&text[record.id.span()], "\"amnesty\"");
        assert_eq!(record.id.get_ref(), "amnesty");
        let count = record.count.unwrap();
        assert_eq!(&text[count.span()], "5000");
        assert_eq!(count.into_inner(), 5000);
        assert!(record.absent.is_none());
        assert_eq!(
            std::mem::size_of::<Option<Placed<u64>>>(),
            std::mem::size_of::<Placed<u64>>()
        );
    }
}
