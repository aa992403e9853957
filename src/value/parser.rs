//! What every part of the grammar reads with: the text, its tokens, the settings and the measure
//! the figure expects, with the small look-ups they share (a word at a position, a phrase, the
//! span of some tokens) and the error type.

use super::lexer::{Token, slice};
use super::phrases::{opening, opens, phrase_at};
use super::reading::Measure;
use super::settings::ValueSettings;
use super::units::Unit;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub struct ValueError {
    pub message: String,
    /// Byte range inside the text at fault (whole text if unknown); lies on char boundaries.
    pub span: Range<usize>,
}

pub(super) fn fault(message: String, span: Range<usize>) -> ValueError {
    ValueError { message, span }
}

pub(super) struct Parser<'a> {
    pub(super) text: &'a str,
    pub(super) tokens: &'a [Token<'a>],
    pub(super) settings: &'a ValueSettings,
    /// The figure's measure; None when reading a quote, which may state either.
    pub(super) measure: Option<Measure>,
    /// The unit of measure the figure is measured in, which may follow its numbers; None for a
    /// figure that counts, and for text read with no figure.
    pub(super) unit: Option<Unit>,
}

impl<'a> Parser<'a> {
    /// The word or symbol at `i`; None for a number or past the end.
    pub(super) fn word(&self, i: usize) -> Option<&'a str> {
        self.tokens.get(i).and_then(Token::word)
    }

    pub(super) fn is(&self, i: usize, word: &str) -> bool {
        self.word(i) == Some(word)
    }

    /// The index after `phrase` when it is written at `i`.
    pub(super) fn phrase(&self, i: usize, phrase: &str) -> Option<usize> {
        phrase_at(self.tokens, i, phrase).map(|length| i + length)
    }

    /// The first of `phrases` written at `i`, and the index after it.
    pub(super) fn any_phrase<'p>(&self, i: usize, phrases: &[&'p str]) -> Option<(&'p str, usize)> {
        let opening = opening(self.tokens, i)?;
        (phrases.iter())
            .filter(|phrase| opens(phrase, opening))
            .find_map(|&phrase| self.phrase(i, phrase).map(|next| (phrase, next)))
    }

    /// The byte span of `tokens[range]`; an empty span where the range starts if it is empty.
    pub(super) fn span(&self, range: Range<usize>) -> Range<usize> {
        let start = self
            .tokens
            .get(range.start)
            .map_or(self.text.len(), |t| t.span.start);
        let last = range.end.checked_sub(1).filter(|&i| i >= range.start);
        let end = last
            .and_then(|i| self.tokens.get(i))
            .map_or(start, |t| t.span.end.max(start));
        start..end
    }

    pub(super) fn slice(&self, span: &Range<usize>) -> &'a str {
        slice(self.text, span)
    }

    /// The unit of measure written after the number phrase that ends before `next` ("5,000 km",
    /// "thousands of dollars"), with the index after it, when it is not the figure's.
    pub(super) fn other_unit(&self, next: usize) -> Option<(Unit, usize)> {
        let at = next + usize::from(self.is(next, "of"));
        let (unit, length) = Unit::written_at(self.tokens.get(at..)?)?;
        (self.unit != Some(unit)).then_some((unit, at + length))
    }

    /// Refuses the number phrase `tokens[start..next]` when a unit of measure other than the
    /// figure's follows it: read as a count, "5,000 km" would pass as 5,000 people.
    pub(super) fn refuse_other_unit(&self, start: usize, next: usize) -> Result<(), ValueError> {
        match self.other_unit(next) {
            Some((unit, end)) => {
                let span = self.span(start..end);
                Err(fault(unit.refusal(self.slice(&span), self.unit), span))
            }
            None => Ok(()),
        }
    }
}
