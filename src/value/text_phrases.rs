//! Every number phrase of a whole text that the grammar reads ("30,000", "at least 5,000",
//! "thousands", "a third"), each as long as it goes, for curators looking for the figures of a
//! document. Dates, years, times of day and ordinals are set apart as not figures: a number next
//! to a month name ("4 December", "July 13"), four plain digits from 1600 to 2099 ("1988", "the
//! 1980s"), digits before "am" or "pm" or around a colon ("10am", "10:30"), and digits with an
//! ordinal ending ("20th"). Ordinal words ("first", "second") are not number words of the grammar.

use super::lexer::{Kind, Token, tokenize};
use super::parser::Parser;
use super::quote_reading::QuoteReader;
use super::reading::Reading;
use super::tail;
use super::units::Unit;
use std::ops::Range;

/// A number phrase of a text: as written, where (bytes in the text), and how it reads.
#[derive(Debug, Clone, PartialEq)]
pub struct TextPhrase {
    pub text: String,
    pub span: Range<usize>,
    pub reading: Reading,
}

/// The number phrases of a text, and the numbers set apart as dates, years, times, ordinals or
/// measures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextNumbers {
    pub figures: Vec<TextPhrase>,
    /// Where each number read as a date, year, time or ordinal stands, and each phrase that
    /// measures in a unit ("30 years", "5,000 km"), bytes in the text.
    pub not_figures: Vec<Range<usize>>,
    /// Where the grammar would refuse the text as a value: a number whose phrase it refuses
    /// ("30-40,000"), or a phrase followed by a word that changes what it says ("3 lakh", "5,000 a
    /// day"). A phrase read there, such as "40,000" or "3", is not the figure the text states.
    pub doubtful: Vec<Range<usize>>,
}

pub(super) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const ORDINAL_ENDINGS: [&str; 4] = ["st", "nd", "rd", "th"];
const CLOCK_WORDS: [&str; 2] = ["am", "pm"];

impl QuoteReader<'_> {
    /// Every number phrase of `text` the grammar reads, left to right, each as long as it goes
    /// (a phrase inside a longer one is not read on its own); a phrase never runs across a date,
    /// year, time or ordinal, which are listed apart. So is a phrase before a unit of measure
    /// other than `unit`, the figure's: "5,000 km" where no figure is measured in km.
    pub fn numbers_in(&self, text: &str, unit: Option<Unit>) -> TextNumbers {
        let tokens = tokenize(text, self.settings().decimal);
        let not_figure: Vec<bool> = (0..tokens.len())
            .map(|i| is_not_figure(text, &tokens, i))
            .collect();
        let mut numbers = TextNumbers::default();
        // Stretches of tokens between the numbers that are not figures, each read on its own, so
        // that "5,000 in 1988" is not read as a share.
        let mut start = 0;
        for end in (0..=tokens.len()).filter(|&i| i == tokens.len() || not_figure[i]) {
            self.read_stretch(text, &tokens[start..end], unit, &mut numbers);
            if let Some(token) = tokens.get(end) {
                numbers.not_figures.push(token.span.clone());
            }
            start = end + 1;
        }
        numbers
    }

    fn read_stretch(
        &self,
        text: &str,
        tokens: &[Token],
        unit: Option<Unit>,
        numbers: &mut TextNumbers,
    ) {
        let parser = Parser {
            text,
            tokens,
            settings: self.settings(),
            measure: None,
            unit,
        };
        let mut i = 0;
        while i < tokens.len() {
            let read = (self.may_open(tokens, i)).then(|| parser.number_phrase(i));
            match read {
                // A measure ("30 years", "5,000 km") is no figure that counts.
                Some(Ok((_, end))) if let Some((_, unit_end)) = parser.other_unit(end) => {
                    numbers.not_figures.push(parser.span(i..unit_end));
                    i = unit_end;
                }
                Some(Ok((reading, end))) if end > i => {
                    let span = parser.span(i..end);
                    if let Some((_, words)) = tail::refused_words(None, &tokens[end..]) {
                        numbers
                            .doubtful
                            .push(span.start..parser.span(end..end + words).end);
                    }
                    numbers.figures.push(TextPhrase {
                        text: parser.slice(&span).to_string(),
                        span,
                        reading,
                    });
                    i = end;
                }
                Some(Err(refusal)) if matches!(tokens[i].kind, Kind::Number(_)) => {
                    numbers.doubtful.push(refusal.span);
                    i += 1;
                }
                _ => i += 1,
            }
        }
    }
}

/// Whether the number at `tokens[i]` is a date, year, time of day or ordinal.
fn is_not_figure(text: &str, tokens: &[Token], i: usize) -> bool {
    let Kind::Number(Ok(number)) = &tokens[i].kind else {
        return false;
    };
    let written = &text[tokens[i].span.clone()];
    let plain_digits = written.chars().all(|c| c.is_ascii_digit());
    let word = |at: Option<usize>| at.and_then(|at| tokens.get(at)).and_then(Token::word);
    let glued_word = |at: usize| {
        tokens
            .get(at)
            .filter(|token| token.glued)
            .and_then(Token::word)
    };
    let month = |at: Option<usize>| {
        at.and_then(|at| tokens.get(at)).is_some_and(|token| {
            let capitalised = text[token.span.clone()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            capitalised && MONTHS.contains(&token.text.as_ref())
        })
    };
    let whole = number.as_whole();
    let year =
        plain_digits && written.len() == 4 && whole.is_some_and(|n| (1600..2100).contains(&n));
    let day = whole.is_some_and(|n| (1..=31).contains(&n))
        && (month(i.checked_sub(1)) || month(Some(i + 1)));
    let ordinal = glued_word(i + 1).is_some_and(|w| ORDINAL_ENDINGS.contains(&w));
    let clock = word(Some(i + 1)).is_some_and(|w| CLOCK_WORDS.contains(&w))
        || (glued_word(i + 1) == Some(":") && tokens.get(i + 2).is_some_and(|t| t.glued))
        || (i >= 2 && tokens[i].glued && word(Some(i - 1)) == Some(":"));
    year || day || ordinal || clock
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::ValueSettings;

    /// The figures of `text` as written, and the numbers set apart.
    fn read(text: &str) -> (Vec<String>, Vec<String>) {
        let settings = ValueSettings::default();
        let numbers = QuoteReader::new(&settings).numbers_in(text, None);
        let figures = numbers.figures.into_iter().map(|p| p.text).collect();
        let apart = numbers
            .not_figures
            .into_iter()
            .map(|span| text[span].to_string())
            .collect();
        (figures, apart)
    }

    #[test]
    fn every_phrase_the_grammar_reads_is_found_whole() {
        let (figures, _) = read(
            "Over the following weeks at least 5,000 political dissidents were executed; \
             Thirty thousand people, thousands of others, roughly 1,500 protesters, a third of them, \
             more than a dozen survivors, the 201-page report, one in five, 14 members.",
        );
        assert_eq!(
            figures,
            [
                "at least 5,000",
                "Thirty thousand",
                "thousands",
                "roughly 1,500",
                "a third",
                "more than a dozen",
                "201",
                "one in five",
                "14"
            ]
        );
    }

    #[test]
    fn dates_years_times_and_ordinals_are_not_figures() {
        let (figures, apart) = read(
            "Under embargo until 10am GMT Tuesday 4 December; on July 13, 2024 and in the 1980s, \
             between 2013 and 2017, in the 20th century, at 10:30, 150 of us in 1988.",
        );
        assert_eq!(figures, ["150"]);
        assert_eq!(
            apart,
            [
                "10", "4", "13", "2024", "1980", "2013", "2017", "20", "10", "30", "1988"
            ]
        );
    }

    #[test]
    fn measures_are_not_figures_unless_the_figure_measures_in_their_unit() {
        let text = "Some 5,000 marchers walked 300 km over 12 days, at a cost of $2 million.";
        let (figures, apart) = read(text);
        assert_eq!(figures, ["Some 5,000", "2 million"]);
        assert_eq!(apart, ["300 km", "over 12 days"]);
        let settings = ValueSettings::default();
        let km = crate::value::Unit::of_figure(Some("km"));
        let numbers = QuoteReader::new(&settings).numbers_in(text, km);
        let figures: Vec<&str> = numbers.figures.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(figures, ["Some 5,000", "300", "2 million"]);
    }

    #[test]
    fn a_phrase_never_runs_across_a_year() {
        let (figures, apart) = read("5,000 in 1988 and one in five");
        assert_eq!(figures, ["5,000", "one in five"]);
        assert_eq!(apart, ["1988"]);
    }

    #[test]
    fn counts_that_look_like_neither_stay_figures() {
        // Digits with a separator, or beyond the years, are counts; a lower-case "may" is a verb.
        let (figures, apart) = read("2,000 people, 7831 calls, they may 5 times, 30 000 died");
        assert_eq!(figures, ["2,000", "7831", "5", "30 000"]);
        assert!(apart.is_empty());
    }

    #[test]
    fn words_that_only_look_like_numbers_are_not_read() {
        let (figures, _) =
            read("the first step, a second time, some still hold power, several of them");
        assert!(figures.is_empty(), "{figures:?}");
    }
}
