//! Where a claim, a finding or a finding's other place is written, as reports show it:
//! file:line:column. A finding's places are worked out when a format shows them (a large base has
//! tens of thousands, and the diff and the snapshot show none); a claim's as its view is made, in
//! id order (see [`Place::worked_out`]).

use crate::input::files::{Files, LineCol, Location};
use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};
use std::fmt;

/// A place in a file of the claim base. Written as `file`, `line` and `column`.
#[derive(Clone, Copy)]
pub struct Place<'a> {
    files: &'a Files,
    location: &'a Location,
    /// Its line and column, when worked out as the place was made.
    start: Option<LineCol>,
}

impl<'a> Place<'a> {
    /// A place whose line and column are worked out when shown.
    pub fn of(files: &'a Files, location: &'a Location) -> Self {
        Place {
            files,
            location,
            start: None,
        }
    }

    /// A place with its line and column worked out now: for places made in the order of the
    /// files (as claims are, by id), which a format may show in another order (figure by figure)
    /// that would reach into the file texts at random.
    pub fn worked_out(files: &'a Files, location: &'a Location) -> Self {
        Place {
            start: Some(files.line_col(location)),
            ..Place::of(files, location)
        }
    }

    /// The file's path as the user's shell reaches it.
    pub fn file(&self) -> &'a str {
        self.files.display_path(self.location.file)
    }

    /// The line and column where the place starts.
    pub fn line_col(&self) -> LineCol {
        self.start
            .unwrap_or_else(|| self.files.line_col(self.location))
    }

    /// The line and column where the place starts and where it ends.
    pub fn line_cols(&self) -> (LineCol, LineCol) {
        self.files.line_cols(self.location)
    }

    /// Places of one file in the order they are written (the order of their lines and columns),
    /// without working either out.
    pub fn order_key(&self) -> (&'a str, usize) {
        (self.file(), self.location.span().start)
    }

    /// The same place with its end: written as `file`, `line`, `column`, `end_line` and
    /// `end_column`.
    pub fn with_end(self) -> Extent<'a> {
        Extent(self)
    }
}

/// Two places are the same when they start at the same byte of files of the same path.
impl PartialEq for Place<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.order_key() == other.order_key()
    }
}

impl fmt::Debug for Place<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = self.line_col();
        write!(f, "{}:{}:{}", self.file(), at.line, at.column)
    }
}

impl Serialize for Place<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let at = self.line_col();
        let mut place = serializer.serialize_struct("Place", 3)?;
        place.serialize_field("file", self.file())?;
        place.serialize_field("line", &at.line)?;
        place.serialize_field("column", &at.column)?;
        place.end()
    }
}

/// A place with where it ends, as a finding's is shown.
#[derive(Clone, Copy, PartialEq)]
pub struct Extent<'a>(Place<'a>);

impl<'a> Extent<'a> {
    pub fn start(&self) -> Place<'a> {
        self.0
    }
}

impl fmt::Debug for Extent<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (start, end) = self.0.line_cols();
        let file = self.0.file();
        write!(
            f,
            "{file}:{}:{}-{}:{}",
            start.line, start.column, end.line, end.column
        )
    }
}

impl Serialize for Extent<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (start, end) = self.0.line_cols();
        let mut place = serializer.serialize_struct("Extent", 5)?;
        place.serialize_field("file", self.0.file())?;
        place.serialize_field("line", &start.line)?;
        place.serialize_field("column", &start.column)?;
        place.serialize_field("end_line", &end.line)?;
        place.serialize_field("end_column", &end.column)?;
        place.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::files::SourceFile;
    use serde_json::json;

    #[test]
    fn a_place_is_written_where_it_starts_and_an_extent_also_where_it_ends() {
        let mut files = Files::new("base".into());
        let text = "id = \"a\"\nquote = \"\"\"\nfirst\nsecond é\"\"\"\n";
        let file = files.add(SourceFile::new("claims/a.toml".into(), text.into()));
        let quote = Location::new(file, text.find("\"\"\"").unwrap()..text.len() - 1);
        let place = Place::of(&files, &quote);
        let start = json!({"file": "claims/a.toml", "line": 2, "column": 9});
        assert_eq!(serde_json::to_value(place).unwrap(), start);
        let mut extent = start.clone();
        extent["end_line"] = json!(4);
        // Columns count characters: `é` is one.
        extent["end_column"] = json!(12);
        assert_eq!(serde_json::to_value(place.with_end()).unwrap(), extent);

        let id = Location::new(file, 0..2);
        let same_byte = Location::new(file, 0..8);
        assert!(Place::of(&files, &id) == Place::of(&files, &same_byte));
        assert!(Place::of(&files, &id) != place);
        assert!(Place::of(&files, &id).order_key() < place.order_key());
        let worked_out = Place::worked_out(&files, &quote);
        assert_eq!(serde_json::to_value(worked_out).unwrap(), start);
    }
}
