//! Paragraph numbers in an archived text, as claim locators count them ("paragraph 9"): the lines
//! that hold more than white space, numbered from 1 at the top, headings, date lines and list
//! items included.

use std::ops::{Range, RangeInclusive};

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

    /// The paragraphs a passage stands in, from its first byte to its last.
    pub fn numbers_of(&self, span: &Range<usize>) -> Option<RangeInclusive<usize>> {
        let first = self.number_at(span.start)?;
        let last = self.number_at(span.end.saturating_sub(1).max(span.start))?;
        Some(first..=last)
    }

    /// The locator of a passage: "paragraph 9", or "paragraphs 36-37" across a line break.
    pub fn locator(&self, span: &Range<usize>) -> Option<String> {
        self.numbers_of(span).map(|numbers| locator_of(&numbers))
    }
}

/// A locator naming `numbers`: "paragraph 9" or "paragraphs 36-37".
pub fn locator_of(numbers: &RangeInclusive<usize>) -> String {
    let (first, last) = (numbers.start(), numbers.end());
    if last > first {
        format!("paragraphs {first}-{last}")
    } else {
        format!("paragraph {first}")
    }
}

/// The paragraphs a claim's locator names, when it names paragraphs alone: "paragraph 9",
/// "paragraphs 36-37", "para. 4", "paras 3–5", "¶ 12". None for any other locator: a page, a
/// section or a paragraph of a page ("p. 3, para. 2") cannot be counted in an archived text.
pub fn named_by(locator: &str) -> Option<RangeInclusive<usize>> {
    let locator = locator.trim().to_lowercase();
    let words = [
        "paragraphs",
        "paragraph",
        "paras.",
        "paras",
        "para.",
        "para",
        "¶¶",
        "¶",
    ];
    let rest = words.iter().find_map(|word| locator.strip_prefix(word))?;
    // "paragraph" must end its word: "paragraph9" is read, "paragraphing 9" is not.
    if rest.starts_with(char::is_alphabetic) {
        return None;
    }
    let number = |text: &str| {
        let text = text.trim();
        (!text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| text.parse::<usize>().ok())
            .flatten()
            .filter(|&n| n > 0)
    };
    let (first, last) = match rest.split_once(['-', '–', '—']) {
        Some((first, last)) => (number(first)?, number(last)?),
        None => {
            let first = number(rest)?;
            (first, first)
        }
    };
    (first <= last).then_some(first..=last)
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
    fn a_locator_is_read_when_it_names_paragraphs_alone() {
        assert_eq!(named_by("paragraph 9"), Some(9..=9));
        assert_eq!(named_by(" Paragraphs 36-37 "), Some(36..=37));
        assert_eq!(named_by("paras 3 – 5"), Some(3..=5));
        assert_eq!(named_by("para. 4"), Some(4..=4));
        assert_eq!(named_by("¶12"), Some(12..=12));
        for other in [
            "p. 3",
            "page 12, paragraph 2",
            "paragraph 2 of page 12",
            "paragraph 0",
            "paragraphs 9-3",
            "paragraph nine",
            "paragraphing 9",
            "section 4",
            "paragraph 3, 5",
            "paragraph",
        ] {
            assert_eq!(named_by(other), None, "{other}");
        }
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
