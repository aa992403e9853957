//! Estimates with a central value and an interval, the way casualty datasets and papers report
//! them: "about 50 million, possibly as high as 100 million", "17.4 million (95% CI 10.2–25.1
//! million)", "50 million (range 20–100 million)". The central value is the reading's point.

use super::grammar::Draft;
use super::lexer::Kind;
use super::number::{Number, Ratio};
use super::parser::{Parser, ValueError, fault};
use super::phrases::{HEDGES, INTERVAL_LABELS};
use super::quantity::Quantity;
use super::reading::{Detail, Rule};
use super::stated::Stated;

impl Parser<'_> {
    /// The interval an estimate gives its central value at `next`, if one follows; returns the
    /// draft, a hedge written before the interval, and the index after it.
    pub(super) fn estimate(
        &self,
        central: Draft,
        next: usize,
    ) -> Result<(Draft, Option<String>, usize), ValueError> {
        let unchanged = |central| Ok((central, None, next));
        let Some(point) = central
            .point
            .filter(|_| matches!(central.rule, Rule::Exact | Rule::Approximate))
        else {
            return unchanged(central);
        };
        if self.is(next, "(") {
            return match self.labelled_interval(next + 1)? {
                Some((low, high, end)) if self.is(end, ")") => {
                    let estimate =
                        self.centred(central, point, low.amount, Some(high.amount), &high)?;
                    Ok((estimate, None, end + 1))
                }
                _ => unchanged(central),
            };
        }
        if !self.is(next, ",") {
            return unchanged(central);
        }
        let mut i = next + 1;
        let hedge = self.any_phrase(i, HEDGES).map(|(hedge, after)| {
            i = after;
            hedge.to_string()
        });
        let upper = self.any_phrase(i, &["as high as", "as many as", "as much as", "up to"]);
        let lower = self.any_phrase(i, &["as low as", "as few as"]);
        if let Some((_, at)) = upper.or(lower) {
            let (end_value, end) = self.expect_quantity(at, Some(self.span(i..at)))?;
            let (low, high) = match upper {
                Some(_) => (central.low, Some(end_value.amount)),
                None => (end_value.amount, central.high),
            };
            let estimate = self.centred(central, point, low, high, &end_value)?;
            return Ok((estimate, hedge, end));
        }
        match self.labelled_interval(i)? {
            Some((low, high, end)) => {
                let estimate =
                    self.centred(central, point, low.amount, Some(high.amount), &high)?;
                Ok((estimate, hedge, end))
            }
            None => unchanged(central),
        }
    }

    /// "95% CI 10.2–25.1 million", "confidence interval 10.2 to 25.1 million", "range: 20–100
    /// million": the interval's ends and the index after it; None when no label starts at `i`.
    fn labelled_interval(
        &self,
        i: usize,
    ) -> Result<Option<(Quantity, Quantity, usize)>, ValueError> {
        let level = matches!(
            self.tokens.get(i).map(|t| &t.kind),
            Some(Kind::Number(Ok(_)))
        ) && self.is(i + 1, "%");
        let at = if level { i + 2 } else { i };
        let Some((_, mut at)) = self.any_phrase(at, INTERVAL_LABELS) else {
            return Ok(None);
        };
        at += usize::from(self.is(at, ":"));
        let (first, next) = self.expect_quantity(at, Some(self.span(i..at)))?;
        if !self.is_range_word(next) {
            let message = format!(
                "expected \"to\" or a dash after \"{}\" in the interval",
                self.slice(&first.span)
            );
            return Err(fault(message, first.span));
        }
        let (second, end) = self.expect_quantity(next + 1, Some(self.span(next..next + 1)))?;
        match self.range(first, second)? {
            Stated::Between {
                low,
                high,
                open: false,
            } => Ok(Some((low, high, end))),
            _ => {
                let message = "an estimate's interval needs both ends".to_string();
                Err(fault(message, self.span(at..end)))
            }
        }
    }

    /// The estimate around `point`, once its interval is known to hold it and to measure alike.
    fn centred(
        &self,
        central: Draft,
        point: Ratio,
        low: Ratio,
        high: Option<Ratio>,
        last: &Quantity,
    ) -> Result<Draft, ValueError> {
        let span = central.span.start..last.span.end;
        if last.share.is_some() != central.share {
            let message = format!("\"{}\" mixes a share and a count", self.slice(&span));
            return Err(fault(message, span));
        }
        self.check_measure(last)?;
        if low > point || high.is_some_and(|high| point > high) {
            let shown = |r: Ratio| Number::new(r.to_f64()).map_or(String::new(), |n| n.to_string());
            let interval = match high {
                Some(high) => format!("{}–{}", shown(low), shown(high)),
                None => format!("from {}", shown(low)),
            };
            let message = format!(
                "the central value \"{}\" lies outside its interval {interval}",
                self.slice(&central.span),
            );
            return Err(fault(message, span));
        }
        Ok(Draft {
            low,
            high,
            point: Some(point),
            rule: Rule::Estimate,
            detail: Detail::None,
            share: central.share,
            span,
        })
    }
}
