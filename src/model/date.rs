//! Partial dates (`1988`, `2018-12`, `2018-12-04`): the precision sources give, kept as given.

use std::fmt;

/// A date known to the year, the month or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    pub year: i16,
    pub month: Option<i8>,
    pub day: Option<i8>,
}

/// The form [`PartialDate::parse`] reads, as a regular expression for the JSON Schema of the
/// record files; whether a day exists in its month (`2018-02-30`) is left to `parse`.
pub const PARTIAL_DATE_PATTERN: &str = "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";

/// The precision at which dates are compared.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    #[default]
    Year,
}

impl Precision {
    pub fn name(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

impl PartialDate {
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut parts = text.split('-');
        let year = parts.next().unwrap_or_default();
        let year: i16 = parse_digits(year, 4)
            .ok_or_else(|| format!("`{text}` does not start with a four-digit year"))?;
        let month = parts
            .next()
            .map(|month| {
                parse_digits(month, 2)
                    .filter(|month| (1..=12).contains(month))
                    .ok_or_else(|| format!("`{month}` is not a month from 01 to 12"))
            })
            .transpose()?;
        let day = parts
            .next()
            .map(|day| {
                parse_digits(day, 2).ok_or_else(|| format!("`{day}` is not a two-digit day"))
            })
            .transpose()?;
        if parts.next().is_some() {
            return Err(format!("`{text}` has more parts than year-month-day"));
        }
        if let (Some(month), Some(day)) = (month, day) {
            jiff::civil::Date::new(year, month, day)
                .map_err(|_| format!("{year:04}-{month:02} has no day {day:02}"))?;
        }
        Ok(Self { year, month, day })
    }

    /// Whether every day this date may mean comes after every day `other` may mean: `2019` is
    /// after `2018-12-04`, `2018-12` is not after `2018`.
    pub fn surely_after(self, other: PartialDate) -> bool {
        let first_day = (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1));
        let last_day = (
            other.year,
            other.month.unwrap_or(12),
            other.day.unwrap_or(31),
        );
        first_day > last_day
    }

    pub fn precision(self) -> Precision {
        match (self.month, self.day) {
            (_, Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The date cut to a coarser precision; a date coarser than asked for stays as it is.
    pub fn truncate(self, precision: Precision) -> Self {
        match precision {
            Precision::Year => Self {
                month: None,
                day: None,
                ..self
            },
            Precision::Month => Self { day: None, ..self },
            Precision::Day => self,
        }
    }
}

fn parse_digits<T: std::str::FromStr>(text: &str, width: usize) -> Option<T> {
    (text.len() == width && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

impl serde::Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        assert_eq!(
            PartialDate::parse("1988").unwrap().precision(),
            Precision::Year
        );
        assert_eq!(
            PartialDate::parse("2018-12").unwrap().to_string(),
            "2018-12"
        );
        assert_eq!(
            PartialDate::parse("2018-12-04").unwrap().to_string(),
            "2018-12-04"
        );
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(
            PartialDate::parse("2018-13")
                .unwrap_err()
                .contains("01 to 12")
        );
        assert!(
            PartialDate::parse("2019-02-29")
                .unwrap_err()
                .contains("no day 29")
        );
        assert!(PartialDate::parse("88").is_err());
        assert!(PartialDate::parse("2018-1").is_err());
        assert!(PartialDate::parse("2018-12-04-01").is_err());
        assert!(PartialDate::parse("").is_err());
    }

    #[test]
    fn truncation_and_order() {
        let day = PartialDate::parse("2018-12-04").unwrap();
        assert_eq!(
            day.truncate(Precision::Year),
            PartialDate::parse("2018").unwrap()
        );
        assert_eq!(day.truncate(Precision::Month).to_string(), "2018-12");
        assert!(PartialDate::parse("1988").unwrap() < day);
    }
}
