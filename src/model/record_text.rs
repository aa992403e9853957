//! A text a record writes, such as a claim's quote or statement: where the record writes it and
//! what it says. Most are written as they read (no escapes) and are then held as the place of the
//! TOML string in the file's text, which is kept anyway, rather than as a copy: a large base's
//! quotes and statements are most of its strings.

use crate::input::records::{Placed, RawText};
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub struct RecordText(Placed<RawText>);

impl RecordText {
    pub fn new(written: Placed<RawText>) -> Self {
        RecordText(written)
    }

    /// Where the TOML string stands in its file, its quotes included.
    pub fn span(&self) -> Range<usize> {
        self.0.span()
    }

    /// The text as read, given the text of the file it is written in.
    pub fn text<'a>(&'a self, file_text: &'a str) -> &'a str {
        self.0.text(file_text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::records::reading;

    /// The string at the only `= ` of `line`, read by the TOML parser with its span, while
    /// `marked` is marked as the file being read.
    fn read(line: &str, marked: Option<&str>) -> RecordText {
        #[derive(serde::Deserialize)]
        struct Record {
            text: Placed<RawText>,
        }
        let _reading = marked.map(reading);
        let record: Record = toml::from_str(line).unwrap();
        RecordText::new(record.text)
    }

    fn as_toml_reads(line: &str) -> String {
        let table: toml::Table = toml::from_str(line).unwrap();
        table["text"].as_str().unwrap().to_string()
    }

    #[test]
    fn a_string_written_as_it_reads_is_held_in_the_file() {
        for line in [
            "text = \"about 5,000 were killed\"",
            "text = 'at least \"5,000\"'",
            "text = \"\"\"\nthousands, the report says\"\"\"",
            "text = '''\r\nover 30,000'''",
            "text = \"\"",
            "text = ''",
            "text = \"\"\"\"\"\"",
            "text = '''\n'''",
            "text = \"\"\"no break first\"\"\"",
            "text = \"\"\"\n\nthe second line\"\"\"",
            "text = \"\"\"the \"official\" toll, \"\"2,000\"\"\"\"\"",
            "text = '''it's \"5,000\"'''''",
        ] {
            let text = read(line, Some(line));
            assert!(matches!(text.0.get_ref(), RawText::InFile), "{line}");
            assert_eq!(text.text(line), as_toml_reads(line), "{line}");
            assert_eq!(&line[text.span()], line.split_once("= ").unwrap().1);
        }
    }

    #[test]
    fn a_string_with_escapes_or_from_another_text_keeps_its_own_copy() {
        let another = "text = \"about 5,000 were killed\"".to_string();
        for (line, marked) in [
            ("text = \"the \\\"official\\\" toll\"", true),
            ("text = \"caf\\u00e9\"", true),
            ("text = \"\"\"\nline one \\\n   and two\"\"\"", true),
            ("text = \"about 5,000 were killed\"", false),
        ] {
            // A file read while another is marked is copied too.
            let text = read(line, Some(if marked { line } else { &another }));
            assert!(matches!(text.0.get_ref(), RawText::Own(_)), "{line}");
            assert_eq!(text.text(line), as_toml_reads(line), "{line}");
        }
        // And one read while no file is marked, or while the text before it in memory is.
        assert!(matches!(read(&another, None).0.get_ref(), RawText::Own(_)));
        let both = format!("{another}\n{another}");
        let (before, line) = both.split_at(another.len() + 1);
        let text = read(line, Some(before));
        assert!(matches!(text.0.get_ref(), RawText::Own(_)));
        assert_eq!(text.text(line), as_toml_reads(line));
    }
}
