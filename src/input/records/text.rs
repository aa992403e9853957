//! A long text a record writes (a claim's quote or statement), read without a copy where the file
//! writes it as it reads: the parser hands such a string over as a slice of the file's text, and
//! only its place in that text is kept. A large base's quotes and statements are most of its
//! strings, and every record is held as read until all are resolved.

use serde::de::{Deserialize, Deserializer, Visitor};
use std::cell::Cell;
use std::fmt;
use std::ops::Range;

/// A string as read from a record file.
#[derive(Debug, Clone)]
pub enum RawText {
    /// Bytes of the file's text, as the string reads.
    InFile(Range<usize>),
    /// The string as read, where the file writes it otherwise (with escapes).
    Own(String),
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

struct RawTextVisitor;

impl<'de> Visitor<'de> for RawTextVisitor {
    type Value = RawText;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        // As a `String` field says it, so that a misplaced value reads the same.
        f.write_str("a string")
    }

    fn visit_borrowed_str<E>(self, text: &'de str) -> Result<RawText, E> {
        // A slice that lies within the file being read is that file's bytes: its place is all
        // there is to keep. Any other is copied.
        let place = DOCUMENT.get().and_then(|(document, len)| {
            let start = (text.as_ptr() as usize).checked_sub(document)?;
            let end = start.checked_add(text.len()).filter(|&end| end <= len)?;
            Some(start..end)
        });
        Ok(match place {
            Some(place) => RawText::InFile(place),
            None => RawText::Own(text.to_owned()),
        })
    }

    fn visit_str<E>(self, text: &str) -> Result<RawText, E> {
        Ok(RawText::Own(text.to_owned()))
    }

    fn visit_string<E>(self, text: String) -> Result<RawText, E> {
        Ok(RawText::Own(text))
    }
}
