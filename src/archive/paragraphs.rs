//! Paragraph numbers in an archived text, as claim locators count them ("paragraph 9"): the lines
//! that hold more than white space, numbered from 1 at the top, headings, date lines and list
//! items included.

use std::ops::Range;

/// The paragraphs of a text, as byte ranges of its non-blank lines.
pub struct Paragraphs {
    lines: Vec<Range<usize>>,
}

impl Paragraphs {
    pub fn new(text: &str) -> Self {
        let mut lines = Vec::new();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            let end = start + line.len();
            if !line.trim().is_empty() {
                lines.push(start..end);
            }
            start = end;
        }
        Paragraphs { lines }
    }

    /// The number of the paragraph that holds byte `offset`; for an offset on a blank line, the
    /// paragraph after it (the last one at the end of the text). None for a text of blank lines.
    pub fn number_at(&self, offset: usize) -> Option<usize> {
        if self.lines.is_empty() {
            return None;
        }
        let after = self.lines.partition_point(|line| line.end <= offset);
        Some(after.min(self.lines.len() - 1) + 1)
    }

    /// The locator of a passage: "paragraph 9", or "paragraphs 36-37" across a line break.
    pub fn locator(&self, span: &Range<usize>) -> Option<String> {
        let first = self.number_at(span.start)?;
        let last = self.number_at(span.end.saturating_sub(1).max(span.start))?;
        Some(if last > first {
            format!("paragraphs {first}-{last}")
        } else {
            format!("paragraph {first}")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_the_non_blank_lines() {
        let text = "Title\n\n  \nFirst line.\r\nSecond line\n\nlast";
        let paragraphs = Paragraphs::new(text);
        let at = |word: &str| paragraphs.number_at(text.find(word).unwrap());
        assert_eq!(at("Title"), Some(1));
        assert_eq!(at("First"), Some(2));
        assert_eq!(at("line."), Some(2));
        assert_eq!(at("Second"), Some(3));
        assert_eq!(at("last"), Some(4));
        // A blank line belongs to the paragraph after it.
        assert_eq!(paragraphs.number_at(6), Some(2));
        assert_eq!(paragraphs.number_at(text.len()), Some(4));
        assert_eq!(Paragraphs::new(" \n\n").number_at(0), None);
    }

    #[test]
    fn a_passage_across_lines_names_both_paragraphs() {
        let text = "one two\nthree four\n";
        let paragraphs = Paragraphs::new(text);
        assert_eq!(paragraphs.locator(&(0..3)).unwrap(), "paragraph 1");
        assert_eq!(paragraphs.locator(&(4..13)).unwrap(), "paragraphs 1-2");
        assert_eq!(paragraphs.locator(&(8..8)).unwrap(), "paragraph 2");
    }
}
