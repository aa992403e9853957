//! What each claim's quote says of its value: whether the value can be read from it (see
//! [`value_in_quote`](crate::value::value_in_quote)) and whether a number phrase of it reads
//! otherwise (see [`QuoteReader`]), worked out once per claim base. Reading quotes is a fifth of
//! a `check` at 100,000 claims; the second state of a base that `diff` and `check --baseline`
//! compare takes the first's answers for every claim the first holds alike.

use super::{Claim, ClaimBase, Figure, Node};
use crate::value::{Counting, QuotePhrase, QuoteReader, Unit};
use rayon::prelude::*;

/// The claims whose quote does not state their value as it reads, by claim index (in order).
#[derive(Debug, Default)]
pub struct QuoteReadings {
    /// Claims whose value cannot be read from their quote.
    pub not_in_quote: Vec<usize>,
    /// Claims whose quote has a phrase reading otherwise than the value, with the first such phrase.
    pub read_otherwise: Vec<(usize, QuotePhrase)>,
}

impl ClaimBase {
    /// What the claims' quotes say of their values, read on first use.
    pub fn quote_readings(&self) -> &QuoteReadings {
        self.quote_readings.get_or_init(|| read(self, None))
    }

    /// Read this base's quotes beside `other`'s (another state of the same base): a claim that
    /// `other` holds alike, the same id with the same value as written and read and the same
    /// quote, on a figure of the same unit, under the same value settings, reads as it does
    /// there, its quote not read again.
    pub fn read_quotes_beside(&self, other: &ClaimBase) {
        self.quote_readings.get_or_init(|| read(self, Some(other)));
    }
}

/// What one claim's quote says of its value: whether the value is in it, and the phrase that
/// reads otherwise.
type Answer = (bool, Option<QuotePhrase>);

fn read(base: &ClaimBase, other: Option<&ClaimBase>) -> QuoteReadings {
    let settings = &base.config.values;
    let reader = QuoteReader::new(settings);
    let other = other.filter(|other| other.config.values == *settings);
    let other = other.map(|other| (other, other.quote_readings()));
    // Every quote is read phrase by phrase: on every core.
    let answers: Vec<(usize, Answer)> = (base.claims.par_iter().enumerate())
        .filter_map(|(c, claim)| {
            let (written, reading) = value_of(claim)?;
            let quote = claim.quote_text(&base.files)?;
            let there = other.and_then(|(other, read)| Some((alike(other, base, claim)?, read)));
            let answer = match there {
                Some((there, read)) => answer_at(read, there),
                None => {
                    let figure = claim.figure().map(|f| &base.figures[f]);
                    let unit = figure.and_then(|figure| figure.measured_in);
                    reader.read(written, reading, quote, unit, figure.map(Figure::counting))
                }
            };
            (!answer.0 || answer.1.is_some()).then_some((c, answer))
        })
        .collect();
    let mut readings = QuoteReadings::default();
    for (c, (in_quote, phrase)) in answers {
        if !in_quote {
            readings.not_in_quote.push(c);
        }
        if let Some(phrase) = phrase {
            readings.read_otherwise.push((c, phrase));
        }
    }
    readings
}

/// The answer for claim `c` of a base whose quotes `read` holds.
fn answer_at(read: &QuoteReadings, c: usize) -> Answer {
    let in_quote = read.not_in_quote.binary_search(&c).is_err();
    let phrase = read.read_otherwise.binary_search_by_key(&c, |(c, _)| *c);
    (
        in_quote,
        phrase.ok().map(|at| read.read_otherwise[at].1.clone()),
    )
}

/// The claim of `there` with the id, value (as written and as read), quote, and figure unit and
/// label of `claim`, a claim of `here`, if any.
fn alike(there: &ClaimBase, here: &ClaimBase, claim: &Claim) -> Option<usize> {
    let Some(Node::Claim(c)) = there.lookup(&claim.id) else {
        return None;
    };
    let candidate = &there.claims[c];
    let same = candidate.id == claim.id
        && candidate.quote_text(&there.files) == claim.quote_text(&here.files)
        && value_of(candidate) == value_of(claim)
        && counting(there, candidate) == counting(here, claim);
    same.then_some(c)
}

/// The unit of measure of the figure `claim` (of `base`) measures, and what it says it counts.
fn counting<'a>(base: &'a ClaimBase, claim: &Claim) -> Option<(Option<Unit>, Counting<'a>)> {
    let figure = &base.figures[claim.figure()?];
    Some((figure.measured_in, figure.counting()))
}

/// A claim's value as written and as its words read.
fn value_of(claim: &Claim) -> Option<(&str, &crate::value::Reading)> {
    let value = claim.value.as_ref()?;
    Some((&value.written, value.words_reading()?))
}

#[cfg(test)]
mod tests {
    use crate::finding::{Code, Finding};
    use crate::testing::{FIGURE, SOURCES, claim};
    use std::path::Path;

    /// A claim base folder with these claims (on `killed`, by `outlet`, quoting `quote`) and this
    /// claimtrack.toml.
    fn base(dir: &Path, claims: &[(&str, &str, &str)], config: &str) {
        let claims: String = (claims.iter())
            .map(|(id, value, quote)| claim(id, value, "outlet", &format!("quote = \"{quote}\"")))
            .collect();
        for (path, text) in [
            ("sources/sources.toml", SOURCES.to_string()),
            ("claims/claims.toml", format!("{FIGURE}{claims}")),
            ("claimtrack.toml", config.to_string()),
        ] {
            std::fs::create_dir_all(dir.join(path).parent().unwrap()).unwrap();
            std::fs::write(dir.join(path), text).unwrap();
        }
    }

    /// The findings on quotes of the second state, checked beside the first and alone.
    fn beside_and_alone(old: &Path, new: &Path) -> (Vec<Finding>, Vec<Finding>) {
        let on_quotes = |findings: Vec<Finding>| -> Vec<Finding> {
            let codes = [Code::ValueReadingDiffers, Code::ValueNotInQuote];
            (findings.into_iter())
                .filter(|f| codes.contains(&f.code))
                .collect()
        };
        let (_, beside) = crate::open_two(old, old.to_str(), new.to_str());
        let alone = crate::open(new).unwrap();
        (
            on_quotes(beside.unwrap().findings),
            on_quotes(alone.findings),
        )
    }

    /// The claims of the findings with this code, in order.
    fn claims_of(findings: &[Finding], code: Code) -> Vec<&str> {
        (findings.iter())
            .filter(|f| f.code == code)
            .map(|f| &*f.claims[0])
            .collect()
    }

    #[test]
    fn a_state_read_beside_another_reads_as_it_does_alone() {
        let (old, new) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let kept = ("kept", "at most 32", "at least 32 cities");
        let absent = ("absent", "5,000", "thousands died");
        let revalued = ("revalued", "at least 32", "at least 32 cities");
        let requoted = ("requoted", "30,000", "30,000 died");
        let found = ("found", "1,500", "1,500 died");
        base(old.path(), &[kept, absent, revalued, requoted, found], "");
        let revalued = ("revalued", "at most 32", "at least 32 cities");
        let requoted = ("requoted", "30,000", "the figure of 30,000 is exaggerated");
        let found = ("found", "1,500", "many died");
        base(new.path(), &[kept, absent, revalued, requoted, found], "");
        let (beside, alone) = beside_and_alone(old.path(), new.path());
        assert_eq!(beside, alone);
        let read_otherwise = claims_of(&beside, Code::ValueReadingDiffers);
        assert_eq!(read_otherwise, ["kept", "revalued", "requoted"]);
        assert_eq!(
            claims_of(&beside, Code::ValueNotInQuote),
            ["absent", "found"]
        );

        // Read with another decimal mark, the same words read otherwise: "5,0" is 5.
        let marked = ("marked", "at least 5", "up to 5,0 died");
        base(old.path(), &[marked], "");
        base(new.path(), &[marked], "[values]\ndecimal = \",\"\n");
        let (beside, alone) = beside_and_alone(old.path(), new.path());
        assert_eq!(beside, alone);
        assert_eq!(claims_of(&beside, Code::ValueReadingDiffers), ["marked"]);

        // Measured in years in the first state and counted in the second, "30 years" states the
        // value only in the first.
        let span = ("span", "30", "over the past 30 years");
        base(old.path(), &[span], "");
        let claims = old.path().join("claims/claims.toml");
        let in_years = std::fs::read_to_string(&claims)
            .unwrap()
            .replace("unit = \"people\"", "unit = \"years\"");
        std::fs::write(&claims, in_years).unwrap();
        base(new.path(), &[span], "");
        let (beside, alone) = beside_and_alone(old.path(), new.path());
        assert_eq!(beside, alone);
        assert_eq!(claims_of(&beside, Code::ValueNotInQuote), ["span"]);
        let (in_years, _) = beside_and_alone(new.path(), old.path());
        assert!(in_years.is_empty(), "{in_years:#?}");
    }
}
