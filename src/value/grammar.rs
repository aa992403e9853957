//! The grammar of a value: an optional notation ("n =") and hedge ("probably"), then a bound or
//! approximation phrase with what it qualifies (one number, a range, a vague quantity) or a
//! trailing bound, then an estimate's interval; read into a [`Reading`] whose numbers are checked
//! against the figure's measure.

use super::counted::{Counted, counted_in_value};
use super::lexer::tokenize;
use super::not_counts::refuse_not_counts;
use super::number::{Number, Ratio};
use super::parser::{Parser, ValueError, fault};
use super::phrases::{Bound, HEDGES, prefix_at, suffix_at};
use super::quantity::Quantity;
use super::reading::{Detail, Measure, Reading, Rule};
use super::refusals::{refuse_close_above, refuse_relative_or_denial};
use super::settings::ValueSettings;
use super::stated::Stated;
use super::strict::{check_tail, refuse_unreadable};
use super::units::Unit;
use std::ops::Range;

/// The accepted forms, one per line, for the help line of a finding.
pub const ACCEPTED_FORMS: &str = "\
30,000 · 30 000 · 1'000'000 · ۳۰٬۰۰۰ · 1.5 million · 12k · thirty thousand · a dozen · half a billion · twenty-one and a half million
at least / more than / greater than / over / above / as few as / ≥ 5,000 · >14 million · 5,000+ · 50+ million · 5,000 or more
at most / fewer than / less than / up to / under / below / as many as / as high as / ≤ 5,000 · <300 · 5,000 or fewer
about / around / roughly / approximately / some / circa / c. / in the vicinity of / in the region of / ~ 1,500 (±10%) · ≈1,500 · nearly / almost / close to 1,500 (−10%) · of the order of 50 million (±50%)
2,800–3,800 · between 2,800 and 3,800 · from / anything from / in the range of 2,800 to 3,800 · 17–50+ million · 50 to 100 million or more · over 9,000 and under 10,000
about 50 million, possibly as high as 100 million · 17.4 million (95% CI 10.2–25.1 million) · 50 million (range 20–100 million)
dozens · scores · a handful · hundreds · thousands · millions · several / a few hundred · many hundreds · tens of thousands · hundreds of thousands · tens of millions
hedged: an estimated / estimated / probably / possibly / perhaps / could be 1,500 · n = 17.4 million · only five
shares, on a figure with unit = \"percent\": 5% · 5 percent · 5 per cent · about 1% · a third · one-third · two thirds · one in five · 9 out of 10 · 5–10%";

/// Reads a value written as text for a figure of `measure`, measured in `unit` when it is
/// measured in a unit of measure rather than counted.
pub fn read_value(
    text: &str,
    settings: &ValueSettings,
    measure: Measure,
    unit: Option<Unit>,
) -> Result<Reading, ValueError> {
    read_value_counting(text, settings, measure, unit).map(|(reading, _)| reading)
}

/// [`read_value`], with what the value's number counts when its words say it counts other than
/// the whole of what a figure counts ("5,000 families", "5,000 new cases"), which only a figure
/// counting that may read.
pub fn read_value_counting(
    text: &str,
    settings: &ValueSettings,
    measure: Measure,
    unit: Option<Unit>,
) -> Result<(Reading, Vec<Counted>), ValueError> {
    let tokens = tokenize(text, settings.decimal);
    if tokens.is_empty() {
        let message = "empty value: expected a number such as \"30,000\"";
        return Err(fault(message.to_string(), 0..text.len()));
    }
    refuse_unreadable(text, &tokens)?;
    refuse_relative_or_denial(text, &tokens)?;
    refuse_close_above(text, &tokens)?;
    refuse_not_counts(text, &tokens, settings)?;
    let parser = Parser {
        text,
        tokens: &tokens,
        settings,
        measure: Some(measure),
        unit,
    };
    let (reading, next) = parser.number_phrase(0)?;
    parser.refuse_other_unit(0, next)?;
    check_tail(text, &tokens, next, settings)?;
    let counted = counted_in_value(text, &tokens, next);
    Ok((reading, counted))
}

/// Reads a value written as a TOML integer: an exact count.
pub fn read_integer(n: i64, measure: Measure) -> Result<Reading, ValueError> {
    let span = 0..n.to_string().len();
    if measure == Measure::Share {
        let message = format!(
            "{n} is a count, but this figure holds shares (`unit = \"percent\"`): write it as a \
             share, such as \"{n}%\""
        );
        return Err(fault(message, span));
    }
    let message = match u64::try_from(n) {
        Ok(n) => match Reading::exact(n) {
            Some(reading) => return Ok(reading),
            None => format!("{n} is too large to count"),
        },
        Err(_) => format!("a count cannot be negative: {n}"),
    };
    Err(fault(message, span))
}

/// A reading in exact fractions, before its numbers are checked and made into [`Number`]s.
pub(super) struct Draft {
    pub(super) low: Ratio,
    pub(super) high: Option<Ratio>,
    pub(super) point: Option<Ratio>,
    pub(super) rule: Rule,
    pub(super) detail: Detail,
    pub(super) share: bool,
    /// The number phrase, for messages about its numbers.
    pub(super) span: Range<usize>,
}

impl Draft {
    fn new(
        rule: Rule,
        low: Ratio,
        high: Option<Ratio>,
        point: Option<Ratio>,
        q: &Quantity,
    ) -> Self {
        Draft {
            low,
            high,
            point,
            rule,
            detail: Detail::None,
            share: q.share.is_some(),
            span: q.span.clone(),
        }
    }

    fn bounded(bound: Bound, q: &Quantity) -> Self {
        match bound {
            Bound::AtLeast => Draft::new(Rule::AtLeast, q.amount, None, Some(q.amount), q),
            _ => Draft::new(Rule::AtMost, Ratio::ZERO, Some(q.amount), Some(q.amount), q),
        }
    }
}

impl Parser<'_> {
    /// The number phrase at `start`, with its notation, hedge and estimate interval; returns the
    /// reading and the index after the phrase.
    pub(super) fn number_phrase(&self, start: usize) -> Result<(Reading, usize), ValueError> {
        // "n = 17.4 million", "a total of 5,000": the number as stated.
        let mut i = ["n =", "a total of", "total of"]
            .iter()
            .find_map(|opener| self.phrase(start, opener))
            .unwrap_or(start);
        // "only five": "only" stresses that the number is small; it does not change it.
        i += usize::from(self.is(i, "only"));
        let hedge = self.any_phrase(i, HEDGES).map(|(hedge, next)| {
            i = next;
            hedge.to_string()
        });
        let (draft, next) = self.core(i)?;
        let (draft, interval_hedge, next) = self.estimate(draft, next)?;
        let mut reading = self.finish(draft)?;
        reading.hedge = hedge.or(interval_hedge).map(Into::into);
        Ok((reading, next))
    }

    /// A bound or approximation phrase and what it qualifies, or what is stated with its
    /// trailing bound.
    fn core(&self, start: usize) -> Result<(Draft, usize), ValueError> {
        let prefix = prefix_at(self.tokens, start, self.settings);
        let from = prefix.as_ref().map_or(start, |p| p.next);
        let prefix_span = self.span(start..from);
        let after = prefix.is_some().then(|| prefix_span.clone());
        let (stated, next) = self.stated(from, after)?;
        let Some(prefix) = prefix else {
            return Ok(self.unprefixed(stated, next));
        };
        let phrase = self.slice(&prefix_span);
        match (prefix.bound, stated) {
            (Bound::Approx { tolerance, below }, Stated::One(q)) if !q.plus => {
                let widened = self.widen(q.amount, q.amount, tolerance, below, &q, &prefix_span)?;
                let mut draft = Draft::new(Rule::Approximate, widened.0, Some(widened.1), None, &q);
                draft.point = Some(q.amount);
                draft.detail = Detail::Tolerance { tolerance, below };
                Ok((draft, next))
            }
            // An approximate range widens both ends by the tolerance, like an approximate point.
            (Bound::Approx { tolerance, below }, Stated::Between { low, high, open }) if !open => {
                let (from, to) = self.widen(
                    low.amount,
                    high.amount,
                    tolerance,
                    below,
                    &low,
                    &prefix_span,
                )?;
                let mut draft = Draft::new(Rule::Range, from, Some(to), None, &low);
                draft.detail = Detail::Tolerance { tolerance, below };
                draft.span = low.span.start..high.span.end;
                Ok((draft, next))
            }
            (bound @ (Bound::AtLeast | Bound::AtMost), Stated::One(q)) if !q.plus => {
                self.closing_bound(Draft::bounded(bound, &q), start, next)
            }
            (_, stated) => {
                let what = match stated {
                    Stated::Vague { .. } => "a vague quantity",
                    Stated::Between { .. } => "a range",
                    Stated::One(_) => "a number followed by \"+\"",
                };
                let message = format!("\"{phrase}\" cannot apply to {what}");
                Err(fault(message, prefix_span))
            }
        }
    }

    fn unprefixed(&self, stated: Stated, next: usize) -> (Draft, usize) {
        match stated {
            Stated::One(q) if q.plus => (Draft::bounded(Bound::AtLeast, &q), next),
            Stated::One(q) => match suffix_at(self.tokens, next) {
                Some((bound, after)) => (Draft::bounded(bound, &q), after),
                None => (
                    Draft::new(Rule::Exact, q.amount, Some(q.amount), Some(q.amount), &q),
                    next,
                ),
            },
            // "50 to 100 million or more", "17–50+ million": from the first end, open upwards.
            Stated::Between { low, high, open } => {
                let or_more = (!open).then(|| self.phrase(next, "or more")).flatten();
                let open = open || or_more.is_some();
                let top = (!open).then_some(high.amount);
                let mut draft = Draft::new(Rule::Range, low.amount, top, None, &low);
                draft.span = low.span.start..high.span.end;
                (draft, or_more.unwrap_or(next))
            }
            Stated::Vague {
                word,
                low,
                high,
                span,
            } => {
                let draft = Draft {
                    low,
                    high: Some(high),
                    point: None,
                    rule: Rule::Vague,
                    detail: Detail::Vague(word),
                    share: false,
                    span,
                };
                (draft, next)
            }
        }
    }

    /// "over 9,000 and under 10,000", "at least 9,000 but fewer than 10,000": a range.
    fn closing_bound(
        &self,
        first: Draft,
        start: usize,
        next: usize,
    ) -> Result<(Draft, usize), ValueError> {
        let joined = self.is(next, "and") || self.is(next, "but");
        let Some(prefix) = joined
            .then(|| prefix_at(self.tokens, next + 1, self.settings))
            .flatten()
        else {
            return Ok((first, next));
        };
        let opposite = matches!(
            (first.rule, prefix.bound),
            (Rule::AtLeast, Bound::AtMost) | (Rule::AtMost, Bound::AtLeast)
        );
        if !opposite {
            return Ok((first, next));
        }
        let (q, end) = self.expect_quantity(prefix.next, Some(self.span(next + 1..prefix.next)))?;
        self.check_measure(&q)?;
        let second = Draft::bounded(prefix.bound, &q);
        let (low, high) = match first.rule {
            Rule::AtLeast => (first.low, second.high),
            _ => (second.low, first.high),
        };
        if high.is_some_and(|high| low > high) {
            let span = self.span(start..end);
            let message = format!("the bounds of \"{}\" exclude each other", self.slice(&span));
            return Err(fault(message, span));
        }
        let mut range = Draft::new(Rule::Range, low, high, None, &q);
        range.span = first.span.start..q.span.end;
        Ok((range, end))
    }

    /// [low·(1−t), high·(1+t)], or up to `high` itself for words meaning "just below"; counts
    /// are rounded outwards to whole numbers, shares stay within 100%.
    fn widen(
        &self,
        low: Ratio,
        high: Ratio,
        tolerance: f64,
        below: bool,
        q: &Quantity,
        phrase: &Range<usize>,
    ) -> Result<(Ratio, Ratio), ValueError> {
        if !(0.0..=1.0).contains(&tolerance) {
            let message = format!(
                "the tolerance for \"{}\" must be between 0 and 1, not {tolerance}",
                self.slice(phrase)
            );
            return Err(fault(message, phrase.clone()));
        }
        // Whole parts per million keep "about 1,500" at exactly [1,350, 1,650].
        let parts = (tolerance * 1e6).round() as u128;
        let scaled = |n: Ratio, parts: u128| n.mul(Ratio::new(parts, 1_000_000)?);
        let widened_low = scaled(low, 1_000_000 - parts);
        let widened_high = if below {
            Some(high)
        } else {
            scaled(high, 1_000_000 + parts)
        };
        let (Some(low), Some(high)) = (widened_low, widened_high) else {
            let message = format!("\"{}\" is too large to read", self.slice(&q.span));
            return Err(fault(message, q.span.clone()));
        };
        Ok(match q.share {
            Some(_) => (low, high.min(Ratio::HUNDRED)),
            None => (low.floor(), high.ceil()),
        })
    }

    /// Makes the draft's fractions into numbers: shares of at most 100%, whole counts below 2^53.
    fn finish(&self, draft: Draft) -> Result<Reading, ValueError> {
        let written = self.slice(&draft.span);
        let number = |r: Ratio| -> Result<Number, ValueError> {
            let problem = if draft.share {
                (r > Ratio::HUNDRED).then(|| format!("\"{written}\" is more than 100%"))
            } else if !r.is_whole() {
                Some(format!("\"{written}\" is not a whole count"))
            } else {
                None
            };
            let number = match (draft.share, r.as_whole()) {
                (false, Some(n)) => u64::try_from(n).ok().and_then(Number::count),
                _ => Number::new(r.to_f64()),
            };
            match (problem, number) {
                (None, Some(number)) => Ok(number),
                (problem, _) => {
                    let message = problem.unwrap_or(format!("\"{written}\" is too large to count"));
                    Err(fault(message, draft.span.clone()))
                }
            }
        };
        let point = draft.point.map(number).transpose()?;
        let high = draft.high.map(number).transpose()?;
        let mut reading = Reading::new(number(draft.low)?, high, point, draft.rule);
        reading.detail = draft.detail;
        reading.measure = if draft.share {
            Measure::Share
        } else {
            Measure::Count
        };
        Ok(reading)
    }
}
