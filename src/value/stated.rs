//! What a value states once its hedge and bound or approximation phrase are set aside: one number,
//! a range ("2,800 to 3,800", "between 2,800 and 3,800", "in the range of 20 to 22 million") or a
//! vague quantity ("thousands").

use super::number::{Number, Ratio};
use super::parser::{Parser, ValueError, fault};
use super::phrases::{DASHES, RANGE_OPENERS, vague_at};
use super::quantity::{Quantity, Share};
use super::reading::Measure;
use std::ops::Range;

pub(super) enum Stated {
    One(Quantity),
    /// `open` when the upper end is followed by "+" ("17–50+ million").
    Between {
        low: Quantity,
        high: Quantity,
        open: bool,
    },
    /// The vague word as the settings name it, and its interval.
    Vague {
        word: String,
        low: Ratio,
        high: Ratio,
        span: Range<usize>,
    },
}

impl Parser<'_> {
    /// What is stated at `start`; `after` is the phrase before it, for messages.
    pub(super) fn stated(
        &self,
        start: usize,
        after: Option<Range<usize>>,
    ) -> Result<(Stated, usize), ValueError> {
        if let Some((opener, next)) = self.any_phrase(start, RANGE_OPENERS) {
            let (first, next) = self.expect_quantity(next, Some(self.span(start..next)))?;
            let joined = match opener {
                "between" => self.is(next, "and"),
                _ => self.is_range_word(next),
            };
            if !joined {
                let expected = if opener == "between" {
                    "\"and\""
                } else {
                    "\"to\" or a dash"
                };
                let message = format!("expected {expected} after \"{}\"", self.slice(&first.span));
                let span = self.span(next..next + 1);
                let span = if span.is_empty() { first.span } else { span };
                return Err(fault(message, span));
            }
            let (second, end) = self.expect_quantity(next + 1, Some(self.span(next..next + 1)))?;
            return Ok((self.range(first, second)?, end));
        }
        if let Some((word, [low, high], next)) = vague_at(self.tokens, start, self.settings) {
            let span = self.span(start..next);
            if self.measure == Some(Measure::Share) {
                return Err(self.count_on_share_figure(&span));
            }
            if low > high || Number::count(high).is_none() {
                let message = format!(
                    "the interval of \"{word}\" in the settings must run from low to high, \
                     below 2^53"
                );
                return Err(fault(message, span));
            }
            let (low, high) = (Ratio::whole(low.into()), Ratio::whole(high.into()));
            let vague = Stated::Vague {
                word,
                low,
                high,
                span,
            };
            return Ok((vague, next));
        }
        let (first, next) = self.expect_quantity(start, after)?;
        if self.is_range_word(next)
            && let Some((second, end)) = self.quantity(next + 1)?
        {
            self.refuse_mixed_dash(next, &first, &second)?;
            self.refuse_tally(next, &first, end)?;
            return Ok((self.range(first, second)?, end));
        }
        self.check_measure(&first)?;
        Ok((Stated::One(first), next))
    }

    /// Refuses a dash at `dash` joining digits to number words with no space ("7-Eleven"): names
    /// are written so, ranges with both ends alike ("7-11", "seven to eleven").
    fn refuse_mixed_dash(
        &self,
        dash: usize,
        first: &Quantity,
        second: &Quantity,
    ) -> Result<(), ValueError> {
        let glued = |i: usize| self.tokens.get(i).is_some_and(|t| t.glued);
        let digits = |end: &Quantity| self.slice(&end.span).starts_with(char::is_numeric);
        if glued(dash) && glued(dash + 1) && digits(first) != digits(second) {
            let span = first.span.start..second.span.end;
            let message = format!(
                "\"{}\" joins digits and number words with a dash, as names do: write a range \
                 with both ends alike (\"7 to 11\", \"seven to eleven\")",
                self.slice(&span)
            );
            return Err(fault(message, span));
        }
        Ok(())
    }

    /// Refuses two numbers joined by a dash before a word of a vote or a game ("a 48-52 vote",
    /// "a 3-1 win"): a tally as often as a range.
    fn refuse_tally(&self, dash: usize, first: &Quantity, end: usize) -> Result<(), ValueError> {
        let tally = (self.word(end)).filter(|word| TALLIES.split_whitespace().any(|t| t == *word));
        if let (false, Some(tally)) = (self.is(dash, "to"), tally) {
            let span = first.span.start..self.tokens[end].span.end;
            let message = format!(
                "\"{}\" is a tally as often as a range, before \"{tally}\": write a range with \
                 \"to\" (\"48 to 52\"), a tally as a `statement`",
                self.slice(&span)
            );
            return Err(fault(message, span));
        }
        Ok(())
    }

    pub(super) fn is_range_word(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|w| w == "to" || DASHES.contains(&w))
    }

    pub(super) fn expect_quantity(
        &self,
        i: usize,
        after: Option<Range<usize>>,
    ) -> Result<(Quantity, usize), ValueError> {
        if let Some(found) = self.quantity(i)? {
            return Ok(found);
        }
        let Some(token) = self.tokens.get(i) else {
            let span = after.unwrap_or(0..self.text.len());
            let message = format!("expected a number after \"{}\"", self.slice(&span));
            return Err(fault(message, span));
        };
        let span = super::lexer::whole_word(self.text, token.span.clone());
        let found = self.slice(&span);
        let message = match after {
            Some(after) => format!(
                "expected a number after \"{}\", found \"{found}\"",
                self.slice(&after)
            ),
            None => format!("cannot read \"{found}\" as a count"),
        };
        Err(fault(message, span))
    }

    /// The first end borrows the second's scale word when it has none and stays below the second
    /// ("2.8 to 3.8 million" is 2,800,000–3,800,000, but "500 to 2 million" keeps 500), and the
    /// second's percent sign ("5 to 10%").
    pub(super) fn range(&self, first: Quantity, second: Quantity) -> Result<Stated, ValueError> {
        let first_written = first.clone();
        let mut low = first;
        if let Some(scale) = second
            .scale
            .filter(|_| low.scale.is_none() && low.share.is_none())
            && let Some(scaled) = low.amount.mul(scale)
        {
            if scaled <= second.amount {
                low.amount = scaled;
            } else if !low.amount.is_whole() {
                // A fraction of one cannot be counted, so "25.1–10.2 million" has its ends reversed.
                let scaled = Number::new(scaled.to_f64()).unwrap_or_default();
                let message = format!(
                    "the ends of the range are reversed: {}, at the scale of the second end, is \
                     {scaled}, more than {}",
                    self.slice(&low.span),
                    self.slice(&second.span)
                );
                return Err(fault(message, low.span.start..second.span.end));
            }
        }
        if second.share == Some(Share::Percent) && low.share.is_none() && low.scale.is_none() {
            low.share = Some(Share::Percent);
        }
        let span = low.span.start..second.span.end;
        if low.share.is_some() != second.share.is_some() {
            let message = format!("\"{}\" mixes a share and a count", self.slice(&span));
            return Err(fault(message, span));
        }
        if low.plus {
            let message = "\"+\" can only follow the upper end of a range".to_string();
            return Err(fault(message, low.span));
        }
        self.check_measure(&low)?;
        self.check_measure(&second)?;
        self.refuse_elided_end(&first_written, &low, &second)?;
        if low.amount > second.amount {
            let (from, to) = (self.slice(&low.span), self.slice(&second.span));
            let message = format!("the ends of the range are reversed: {from} is more than {to}");
            return Err(fault(message, span));
        }
        let open = second.plus;
        Ok(Stated::Between {
            low,
            high: second,
            open,
        })
    }

    /// Refuses a count range whose first end, written without a scale of its own, stands more
    /// than a hundred times below the second: "30-40,000", "3-400", "ten to fifteen hundred" and
    /// "five to six hundred thousand" are most often written for 30,000-40,000, 300-400,
    /// 1,000-1,500 and 500,000-600,000, with the second end's zeros or scale left off the first,
    /// yet read as written they span from 30, 3, 10 and 5,000.
    fn refuse_elided_end(
        &self,
        first: &Quantity,
        low: &Quantity,
        high: &Quantity,
    ) -> Result<(), ValueError> {
        // A first end of four digits or more is written in full: "1,500-2,000,000".
        let short = first.amount < Ratio::whole(1_000);
        let bare = short && first.scale.is_none() && first.share.is_none() && high.share.is_none();
        let far_below = (low.amount.mul(Ratio::whole(100)))
            .is_some_and(|hundredfold| low.amount > Ratio::whole(0) && hundredfold < high.amount);
        // A first end that could not borrow the second's scale word without passing it is read
        // as written: "500 to 2 million".
        let borrowed = low.amount != first.amount;
        if !(bare && far_below && (high.scale.is_none() || borrowed)) {
            return Ok(());
        }
        let span = first.span.start..high.span.end;
        let (from, to) = (self.slice(&first.span), self.slice(&high.span));
        let message = format!(
            "\"{}\" may leave the zeros or scale of {to} off {from}, or run from {from} itself: \
             write both ends in full, or give them as `low` and `high` with the source's words in \
             `quote`",
            self.slice(&span)
        );
        Err(fault(message, span))
    }
}

/// Words of a vote or a game, after which "48-52" and "3-1" are tallies.
const TALLIES: &str = "vote votes voted verdict decision ruling split score scores scoreline win \
    wins victory defeat loss draw tie record";
