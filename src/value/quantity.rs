//! A number as written, in digits or words: its amount with its scale word ("2.8 million",
//! "half a billion"), a trailing "+", and whether it is written as a share ("5%", "5 per cent",
//! "a third", "one in five"), in which case its amount is the percentage.

use super::lexer::Kind;
use super::number::{Number, Ratio};
use super::parser::{Parser, ValueError, fault};
use super::reading::Measure;
use super::words::{digit_scale, word_scale};
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Quantity {
    /// The count, or for a share the percentage.
    pub(super) amount: Ratio,
    /// The scale word's multiplier, which the first end of a range borrows ("2.8 to 3.8 million").
    pub(super) scale: Option<Ratio>,
    /// How the quantity is written as a share, if it is one.
    pub(super) share: Option<Share>,
    /// "5,000+", "50+ million".
    pub(super) plus: bool,
    pub(super) span: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Share {
    /// "5%", "5 percent", "5 per cent": the first end of a range borrows the sign.
    Percent,
    /// "a third", "two-thirds", "half".
    Fraction,
    /// "one in five", "9 out of 10": the two numbers as written.
    OutOf(Ratio, Ratio),
}

impl Parser<'_> {
    /// The number written at `start` in digits or words, and the index after it.
    pub(super) fn quantity(&self, start: usize) -> Result<Option<(Quantity, usize)>, ValueError> {
        let Some(token) = self.tokens.get(start) else {
            return Ok(None);
        };
        let too_large = |end: usize| {
            let span = self.span(start..end + 1);
            let message = format!("\"{}\" is too large to read", self.slice(&span));
            fault(message, span)
        };
        let mut plus = false;
        let (amount, scale, share, mut i) = if let Kind::Number(number) = &token.kind {
            let mut amount = number
                .clone()
                .map_err(|message| fault(message, token.span.clone()))?;
            let mut i = start + 1;
            if self.glued_plus(i) {
                (plus, i) = (true, i + 1);
            }
            if let Some((fraction, next)) = self.and_fraction(i) {
                amount = amount.add(fraction).ok_or_else(|| too_large(next))?;
                i = next;
            }
            // A letter joined to a number is a name, not a scale: "M23", "K2".
            let names_code = self.word(i).is_some_and(|letters| letters.len() <= 2)
                && (self.tokens.get(i + 1))
                    .is_some_and(|t| t.glued && matches!(t.kind, Kind::Number(_)));
            let scale = self.word(i).and_then(digit_scale).map(u128::from);
            let scale = scale.filter(|_| !names_code).map(Ratio::whole);
            if scale.is_some()
                && let Some(reason) = self.scale_names(i)
            {
                let name = self.span(i..self.name_end(i));
                let message = format!(
                    "cannot read \"{}\" after \"{}\": {reason}",
                    self.slice(&name),
                    self.slice(&token.span),
                );
                return Err(fault(message, token.span.start..name.end));
            }
            // "5,000m runners", "1500m", "10,000 k", "100 m": a letter after a thousand or more,
            // or set apart from its number as units are, is most often metres, a distance or a
            // sum of money, rarely a count in millions.
            let letter = self.word(i).is_some_and(|word| matches!(word, "k" | "m"))
                && !self.tokens.get(i + 1).is_some_and(|t| t.glued);
            if letter && (amount >= Ratio::whole(1000) || !self.tokens[i].glued) {
                let span = token.span.start..self.tokens[i].span.end;
                let message = format!(
                    "\"{}\" is a distance or a sum of money as often as a count: write the count \
                     in full, or the scale as a word (\"5,000 million\")",
                    self.slice(&span)
                );
                return Err(fault(message, span));
            }
            // "100m sprinters", "5k run": before a race, a letter is a distance at any size.
            if letter
                && let Some(race) = (self.word(i + 1))
                    .filter(|word| RACES.split_whitespace().any(|race| race == *word))
            {
                let span = token.span.start..self.tokens[i].span.end;
                let scale_word = if self.is(i, "k") {
                    "thousand"
                } else {
                    "million"
                };
                let message = format!(
                    "\"{}\" before \"{race}\" is a distance: write the count in full, or the \
                     scale as a word (\"{} {scale_word}\")",
                    self.slice(&span),
                    self.slice(&token.span),
                );
                return Err(fault(message, span));
            }
            if let Some(scale) = scale {
                amount = amount.mul(scale).ok_or_else(|| too_large(i))?;
                i += 1;
            }
            (amount, scale, None, i)
        } else if let Some((fraction, next)) = self.fraction(start) {
            // "half a million", "a quarter of a million", "half a dozen": a fraction of a scale.
            let mut at = next;
            at += usize::from(self.is(at, "of"));
            at += usize::from(matches!(self.word(at), Some("a" | "an")));
            let scale = self.word(at).and_then(scale_word).map(Ratio::whole);
            match scale {
                Some(scale) => {
                    let amount = fraction.mul(scale).ok_or_else(|| too_large(at))?;
                    (amount, Some(scale), None, at + 1)
                }
                None => {
                    let percent = fraction
                        .mul(Ratio::HUNDRED)
                        .ok_or_else(|| too_large(next))?;
                    (percent, None, Some(Share::Fraction), next)
                }
            }
        } else {
            let Some(words) = self.number_words(start).map_err(too_large)? else {
                return Ok(None);
            };
            let last = words.next - 1;
            if words.scale.is_some()
                && let Some(reason) = self.scale_names(last)
            {
                let name = self.span(last..self.name_end(last));
                let message = format!(
                    "cannot read \"{}\" after \"{}\": {reason}",
                    self.slice(&name),
                    self.slice(&self.span(start..last)),
                );
                return Err(fault(message, token.span.start..name.end));
            }
            let mut amount = Ratio::whole(words.value.into());
            let (mut scale, mut i) = (words.scale.map(|s| Ratio::whole(s.into())), words.next);
            // "one and a half million", "twenty-one and a half million"
            if let Some((fraction, next)) = self.and_fraction(i) {
                amount = amount.add(fraction).ok_or_else(|| too_large(next))?;
                i = next;
                if let Some(multiplier) = self.word(i).and_then(scale_word) {
                    let multiplier = Ratio::whole(multiplier);
                    amount = amount.mul(multiplier).ok_or_else(|| too_large(i))?;
                    (scale, i) = (Some(multiplier), i + 1);
                }
            }
            (amount, scale, None, i)
        };
        if !plus && self.glued_plus(i) {
            (plus, i) = (true, i + 1);
        }
        let quantity = Quantity {
            amount,
            scale,
            share,
            plus,
            span: self.span(start..i),
        };
        if quantity.share.is_some() || quantity.scale.is_some() || plus {
            return Ok(Some((quantity, i)));
        }
        self.share_marker(quantity, i, start)
    }

    /// Why the scale word at `i` names something rather than scales the number before it, if it
    /// does: a letter joined to a word by a hyphen ("K-pop", "M-Pesa"), a capitalised scale
    /// before a capitalised word ("Thousand Oaks", "K Street"), or "MN" and "BN" before a word,
    /// which are codes as often ("MN residents"). Words in capitals throughout ("30 THOUSAND
    /// DEAD") still read.
    fn scale_names(&self, i: usize) -> Option<&'static str> {
        let written = self.slice(&self.tokens[i].span);
        let next = self.tokens.get(i + 1)?;
        if self.hyphenated_name(i) {
            return Some("a letter joined to a word names something, not a scale");
        }
        let next_written = self.slice(&next.span);
        if next.glued || !matches!(next.kind, Kind::Word) {
            return None;
        }
        let capitalised = |word: &str| word.chars().next().is_some_and(char::is_uppercase);
        let all_capitals = |word: &str| !word.chars().any(char::is_lowercase);
        let title = capitalised(written) && !(written.len() > 1 && all_capitals(written));
        if title && capitalised(next_written) {
            return Some(
                "a capitalised scale word before a capitalised word reads as a name; write the \
                 figure without it, or the scale in lower case",
            );
        }
        if matches!(written, "MN" | "BN") {
            return Some(
                "a scale in capitals before a word reads as a code as often; write the figure \
                 without it, or the scale in full (\"million\", \"billion\")",
            );
        }
        None
    }

    /// A scale letter joined to a word by a hyphen at `i`: "K-pop".
    fn hyphenated_name(&self, i: usize) -> bool {
        let glued = |at: usize| self.tokens.get(at).is_some_and(|t| t.glued);
        self.word(i).is_some_and(|letters| letters.len() <= 2)
            && self.is(i + 1, "-")
            && glued(i + 1)
            && glued(i + 2)
            && self.word(i + 2).is_some()
    }

    /// The index after the name a scale word at `i` opens: the hyphenated word, or the word after.
    fn name_end(&self, i: usize) -> usize {
        if self.hyphenated_name(i) {
            i + 3
        } else {
            i + 2
        }
    }

    fn glued_plus(&self, i: usize) -> bool {
        self.is(i, "+") && self.tokens.get(i).is_some_and(|t| t.glued)
    }

    /// "5%", "5 percent", "5 per cent", "one in five", "9 out of 10" after a plain number.
    fn share_marker(
        &self,
        quantity: Quantity,
        i: usize,
        start: usize,
    ) -> Result<Option<(Quantity, usize)>, ValueError> {
        let with_share = |share: Share, amount: Ratio, next: usize| {
            let quantity = Quantity {
                amount,
                share: Some(share),
                span: self.span(start..next),
                ..quantity.clone()
            };
            Ok(Some((quantity, next)))
        };
        if let Some((_, next)) = self.any_phrase(i, &["%", "percent", "per cent"]) {
            return with_share(Share::Percent, quantity.amount, next);
        }
        let Some((_, at)) = self.any_phrase(i, &["in", "out of"]) else {
            return Ok(Some((quantity, i)));
        };
        let whole = match self.tokens.get(at).map(|t| &t.kind) {
            Some(Kind::Number(Ok(n))) if n.is_whole() => Some((*n, at + 1)),
            Some(Kind::Word) => self
                .number_words(at)
                .ok()
                .flatten()
                .filter(|words| words.scale.is_none())
                .map(|words| (Ratio::whole(words.value.into()), words.next)),
            _ => None,
        };
        let Some((of, next)) = whole else {
            return Ok(Some((quantity, i)));
        };
        // "3,800 in 2019" is no share: the number stands alone, and what follows is read after it.
        let part = quantity.amount;
        let percent = (part <= of && part.is_whole())
            .then(|| part.div(of)?.mul(Ratio::HUNDRED))
            .flatten();
        match percent {
            Some(percent) => with_share(Share::OutOf(part, of), percent, next),
            None => Ok(Some((quantity, i))),
        }
    }

    /// Refuses a share on a figure of counts and a count on a figure of shares.
    pub(super) fn check_measure(&self, quantity: &Quantity) -> Result<(), ValueError> {
        let written = self.slice(&quantity.span);
        match (self.measure, quantity.share) {
            (Some(Measure::Count), Some(share)) => {
                let hint = match share {
                    Share::OutOf(part, _) => format!(
                        "record the count the source gives ({}) and the whole in a `note`, or",
                        Number::new(part.to_f64()).unwrap_or_default()
                    ),
                    _ => "record the count the source gives, or".to_string(),
                };
                let message = format!(
                    "\"{written}\" is a share, but this figure holds counts: {hint} record the \
                     share on a figure with `unit = \"percent\"`"
                );
                Err(fault(message, quantity.span.clone()))
            }
            (Some(Measure::Share), None) => Err(self.count_on_share_figure(&quantity.span)),
            _ => Ok(()),
        }
    }

    pub(super) fn count_on_share_figure(&self, span: &Range<usize>) -> ValueError {
        let message = format!(
            "\"{}\" is a count, but this figure holds shares (`unit = \"percent\"`): write it as \
             a share (\"5%\", \"5 percent\", \"a third\", \"one in five\")",
            self.slice(span)
        );
        fault(message, span.clone())
    }
}

/// A scale word after number words or a fraction: "million", "a hundred", "a dozen".
fn scale_word(word: &str) -> Option<u128> {
    word_scale(word)
        .or_else(|| (word == "hundred").then_some(100))
        .map(u128::from)
}

/// Words for a race or its runners, after which "100m" and "5k" are distances.
const RACES: &str = "sprint sprints sprinter sprinters dash race races racer racers run runs \
    runner runners relay relays hurdles hurdler hurdlers steeplechase freestyle backstroke \
    breaststroke butterfly medley swim swimmer swimmers walk walker walkers final finals heat \
    heats champion champions medal medals medallist medallists medalist medalists course lap laps \
    loop";
