//! A text a record writes, such as a claim's quote or statement: where the record writes it and
//! what it says. Most are written as they read (no escapes) and are then held as a place in the
//! file's text, which is kept anyway, rather than as a copy: a large base's quotes and statements
//! are most of its strings.

use std::ops::Range;
use toml::Spanned;

#[derive(Debug, Clone, PartialEq)]
pub struct RecordText {
    /// The TOML string in its file, its quotes included.
    span: Range<usize>,
    text: Held,
}

#[derive(Debug, Clone, PartialEq)]
enum Held {
    /// The file's text from `span.start + opening` to `span.end - closing`.
    InFile { opening: u8, closing: u8 },
    /// The text as read, where the file writes it otherwise (with escapes).
    Own(Box<str>),
}

impl RecordText {
    /// The string `written` as read from a file whose text is `file_text`.
    pub fn new(written: Spanned<String>, file_text: &str) -> Self {
        let span = written.span();
        let text = in_file(file_text, &span, written.get_ref())
            .unwrap_or_else(|| Held::Own(written.into_inner().into_boxed_str()));
        RecordText { span, text }
    }

    /// Where the TOML string stands in its file, its quotes included.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// The text as read, given the text of the file it is written in.
    pub fn text<'a>(&'a self, file_text: &'a str) -> &'a str {
        match &self.text {
            Held::Own(text) => text,
            Held::InFile { opening, closing } => {
                let start = self.span.start + usize::from(*opening);
                &file_text[start..self.span.end - usize::from(*closing)]
            }
        }
    }
}

/// How much of the TOML string at `span` is quotes, when what stands between them is `text` as
/// read: `"`, `'`, or `"""` and `'''` with the line break TOML leaves out after them.
fn in_file(file_text: &str, span: &Range<usize>, text: &str) -> Option<Held> {
    let written = file_text.get(span.clone())?;
    let quotes = ["\"\"\"", "'''", "\"", "'"]
        .into_iter()
        .find(|quotes| written.len() >= 2 * quotes.len() && written.starts_with(quotes))?;
    let mut opening = quotes.len();
    if quotes.len() == 3 {
        opening += ["\r\n", "\n"]
            .into_iter()
            .find(|line_break| written[opening..].starts_with(line_break))
            .map_or(0, str::len);
    }
    let inside = written.get(opening..written.len().checked_sub(quotes.len())?)?;
    (written.ends_with(quotes) && inside == text).then_some(Held::InFile {
        opening: opening as u8,
        closing: quotes.len() as u8,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The string at the only `= ` of `line`, read by the TOML parser with its span.
    fn read(line: &str) -> RecordText {
        #[derive(serde::Deserialize)]
        struct Record {
            text: Spanned<String>,
        }
        let record: Record = toml::from_str(line).unwrap();
        RecordText::new(record.text, line)
    }

    #[test]
    fn a_string_written_as_it_reads_is_held_in_the_file() {
        for line in [
            "text = \"about 5,000 were killed\"",
            "text = 'at least \"5,000\"'",
            "text = \"\"\"\nthousands, the report says\"\"\"",
            "text = '''\r\nover 30,000'''",
            "text = \"\"",
        ] {
            let text = read(line);
            assert!(matches!(text.text, Held::InFile { .. }), "{line}");
            let as_read: toml::Table = toml::from_str(line).unwrap();
            assert_eq!(text.text(line), as_read["text"].as_str().unwrap(), "{line}");
            assert_eq!(&line[text.span()], line.split_once("= ").unwrap().1);
        }
    }

    #[test]
    fn a_string_with_escapes_keeps_its_own_copy() {
        for line in [
            "text = \"the \\\"official\\\" toll\"",
            "text = \"caf\\u00e9\"",
            "text = \"\"\"\nline one \\\n   and two\"\"\"",
        ] {
            let text = read(line);
            assert!(matches!(text.text, Held::Own(_)), "{line}");
            let as_read: toml::Table = toml::from_str(line).unwrap();
            assert_eq!(text.text(line), as_read["text"].as_str().unwrap(), "{line}");
        }
    }
}
