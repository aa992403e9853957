//! A text a claim writes (its id, the ids it names, its value, quote or statement), read without a
//! copy where the file writes it as it reads: the parser hands such a string over as a slice of the
//! file's text, and only its place in that text is kept. A large base's claims hold most of its
//! strings, and every claim is held as read until all are resolved.

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{Deserialize, Deserializer, Error, MapAccess, SeqAccess, Visitor};
use std::cell::Cell;
use std::fmt;
use std::ops::Range;

/// A string as read from a record file, in one word: nearly every string is written as it reads,
/// and is then found in the file's text by the place of the TOML string.
#[derive(Debug, Clone, PartialEq)]
pub enum RawText {
    /// The bytes of the file's text inside the TOML string's quotes, as the string reads.
    InFile,
    /// The string as read, where the file writes it otherwise (with escapes); boxed twice, so
    /// that the common case takes a word.
    Own(Box<Box<str>>),
}

impl RawText {
    /// The string, given where its TOML string stands in the text of the file it was read from.
    pub fn text<'a>(&'a self, span: Range<usize>, file_text: &'a str) -> &'a str {
        match self {
            RawText::InFile => &file_text[unquoted(file_text, span)],
            RawText::Own(text) => text,
        }
    }

    fn own(text: impl Into<Box<str>>) -> RawText {
        RawText::Own(Box::new(text.into()))
    }

    /// A string held in the file is found there by its TOML string's span (see [`unquoted`]),
    /// which holds only where the TOML string has no escapes: the parser may hand over in place
    /// what a basic string holding a backslash reads as (a line-ending backslash drops a line
    /// break and the spaces after it), somewhere else than inside its quotes. Such a string is
    /// read again by the parser, as a copy.
    pub(super) fn settle(&mut self, span: Range<usize>, file_text: &str) {
        let written = &file_text[span];
        if *self != RawText::InFile || !written.starts_with('"') {
            return;
        }
        // Every string of every record is searched for a backslash: with vector instructions.
        if memchr::memchr(b'\\', written.as_bytes()).is_none() {
            return;
        }
        if let Ok(toml::Value::String(read)) = written.parse::<toml::Value>() {
            *self = RawText::own(read);
        }
    }
}

/// The bytes a TOML string at `span` of `file_text` reads as when it holds no escapes: those inside
/// its quotes, less the line break TOML drops after an opening `"""` or `'''`.
pub fn unquoted(file_text: &str, span: Range<usize>) -> Range<usize> {
    let written = &file_text[span.clone()];
    if !(written.starts_with("\"\"\"") || written.starts_with("'''")) || written.len() < 6 {
        return span.start + 1..span.end - 1;
    }
    let after = &written[3..];
    let dropped = if after.starts_with('\n') {
        1
    } else if after.starts_with("\r\n") {
        2
    } else {
        0
    };
    span.start + 3 + dropped..span.end - 3
}

thread_local! {
    /// The text being read on this thread (its address and length), while [`reading`] lasts.
    static DOCUMENT: Cell<Option<(usize, usize)>> = const { Cell::new(None) };
}

/// Marks `text` as the file being read on this thread until the guard is dropped: a string the
/// parser hands over as a slice of it is then kept as its place in it.
pub fn reading(text: &str) -> Reading {
    Reading(DOCUMENT.replace(Some((text.as_ptr() as usize, text.len()))))
}

/// While it lives, the records deserialised on this thread are read from one file's text.
#[must_use = "the file is marked as read only while the guard lives"]
pub struct Reading(Option<(usize, usize)>);

impl Drop for Reading {
    fn drop(&mut self) {
        DOCUMENT.set(self.0);
    }
}

impl<'de> Deserialize<'de> for RawText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_string(RawTextVisitor)
    }
}

/// A string the parser hands over as a slice of the text it reads. A slice that lies within the
/// file being read is that file's bytes, inside the quotes of the TOML string it is read from: no
/// more is kept. Any other is copied.
pub(super) fn borrowed(text: &str) -> RawText {
    let in_file = DOCUMENT.get().is_some_and(|(document, len)| {
        (text.as_ptr() as usize)
            .checked_sub(document)
            .and_then(|start| start.checked_add(text.len()))
            .is_some_and(|end| end <= len)
    });
    if in_file {
        RawText::InFile
    } else {
        RawText::own(text)
    }
}

struct RawTextVisitor;

impl<'de> Visitor<'de> for RawTextVisitor {
    type Value = RawText;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        // As a `String` field says it, so that a misplaced value reads the same.
        f.write_str("a string")
    }

    fn visit_borrowed_str<E>(self, text: &'de str) -> Result<RawText, E> {
        Ok(borrowed(text))
    }

    fn visit_str<E>(self, text: &str) -> Result<RawText, E> {
        Ok(RawText::own(text))
    }

    fn visit_string<E>(self, text: String) -> Result<RawText, E> {
        Ok(RawText::own(text))
    }
}

/// A value as written: an integer or text. Read by the value grammar later, so an unreadable value
/// is a finding on its span rather than a type error.
#[derive(Debug, Clone, PartialEq)]
pub enum ValueText {
    Integer(i64),
    Text(RawText),
}

impl ValueText {
    /// The value as the source words it, given where it stands in the text of its file; integers
    /// are shown as written in TOML.
    pub fn as_written(&self, span: Range<usize>, file_text: &str) -> String {
        match self {
            ValueText::Integer(n) => n.to_string(),
            ValueText::Text(text) => text.text(span, file_text).to_string(),
        }
    }
}

impl<'de> Deserialize<'de> for ValueText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueTextVisitor)
    }
}

struct ValueTextVisitor;

impl ValueTextVisitor {
    fn wrong<E: Error>(found: &str) -> E {
        E::custom(format!(
            "`value` must be an integer or text such as \"at least 5,000\", found {found}"
        ))
    }
}

impl<'de> Visitor<'de> for ValueTextVisitor {
    type Value = ValueText;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an integer or text")
    }

    fn visit_i64<E>(self, n: i64) -> Result<ValueText, E> {
        Ok(ValueText::Integer(n))
    }

    fn visit_u64<E: Error>(self, n: u64) -> Result<ValueText, E> {
        i64::try_from(n)
            .map(ValueText::Integer)
            .map_err(|_| Self::wrong(&format!("{n}, too large an integer")))
    }

    fn visit_borrowed_str<E>(self, text: &'de str) -> Result<ValueText, E> {
        Ok(ValueText::Text(borrowed(text)))
    }

    fn visit_str<E>(self, text: &str) -> Result<ValueText, E> {
        Ok(ValueText::Text(RawText::own(text)))
    }

    fn visit_string<E>(self, text: String) -> Result<ValueText, E> {
        Ok(ValueText::Text(RawText::own(text)))
    }

    fn visit_bool<E: Error>(self, _: bool) -> Result<ValueText, E> {
        Err(Self::wrong("boolean"))
    }

    fn visit_f64<E: Error>(self, _: f64) -> Result<ValueText, E> {
        Err(Self::wrong("float"))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<ValueText, A::Error> {
        let found = toml::Value::deserialize(SeqAccessDeserializer::new(seq))?;
        Err(Self::wrong(found.type_str()))
    }

    // A table, or a date: the parser hands both over as maps.
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ValueText, A::Error> {
        let found = toml::Value::deserialize(MapAccessDeserializer::new(map))?;
        Err(Self::wrong(found.type_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The value of `value = ...` in `line`, read while `line` is marked as the file being read.
    fn value(line: &str) -> Result<ValueText, String> {
        #[derive(serde::Deserialize)]
        struct Record {
            value: ValueText,
        }
        let _reading = reading(line);
        toml::from_str::<Record>(line)
            .map(|record| record.value)
            .map_err(|error| error.message().to_string())
    }

    #[test]
    fn a_value_is_an_integer_or_text_held_where_the_file_writes_it() {
        assert_eq!(value("value = 30000"), Ok(ValueText::Integer(30000)));
        let line = "value = \"at least 5,000\"";
        let read = value(line).unwrap();
        assert_eq!(read, ValueText::Text(RawText::InFile));
        assert_eq!(read.as_written(8..line.len(), line), "at least 5,000");
        let escaped = "value = \"about \\u0035,000\"";
        let read = value(escaped).unwrap();
        assert_eq!(read, ValueText::Text(RawText::own("about 5,000")));
        assert_eq!(read.as_written(8..escaped.len(), escaped), "about 5,000");
    }

    #[test]
    fn a_value_of_another_type_is_refused_by_name() {
        for (line, found) in [
            ("value = true", "boolean"),
            ("value = 1.5", "float"),
            ("value = [5000]", "array"),
            ("value = { low = 5000 }", "table"),
            ("value = 1988-07-19", "datetime"),
        ] {
            let message = value(line).unwrap_err();
            assert!(
                message.ends_with(&format!("found {found}")),
                "{line}: {message}"
            );
            assert!(
                message.starts_with("`value` must be an integer or text"),
                "{message}"
            );
        }
    }
}
