//! A claim's explicit estimate fields, `low`, `best` and `high`, as casualty datasets give them:
//! the reading they make on their own, and whether they agree with the reading of the claim's
//! value when both are given.

use super::number::Number;
use super::reading::{Measure, Reading, Rule};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Low,
    Best,
    High,
}

impl Field {
    pub fn name(self) -> &'static str {
        match self {
            Field::Low => "low",
            Field::Best => "best",
            Field::High => "high",
        }
    }
}

/// What is wrong with one of the fields, to be reported at that field.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    pub field: Field,
    pub message: String,
}

/// The fields as given in the record, before they are checked.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct EstimateFields {
    pub low: Option<f64>,
    pub best: Option<f64>,
    pub high: Option<f64>,
}

impl EstimateFields {
    pub fn is_empty(&self) -> bool {
        self.given().next().is_none()
    }

    fn given(&self) -> impl Iterator<Item = (Field, f64)> {
        [
            (Field::Low, self.low),
            (Field::Best, self.best),
            (Field::High, self.high),
        ]
        .into_iter()
        .filter_map(|(field, value)| Some((field, value?)))
    }

    /// The fields as numbers of `measure`, checked: not negative; whole and below 2^53 for
    /// counts, at most 100 for shares; low ≤ best ≤ high.
    fn numbers(&self, measure: Measure) -> Result<[Option<Number>; 3], FieldError> {
        let mut numbers = [None; 3];
        for (field, value) in self.given() {
            let fail = |why: &str| FieldError {
                field,
                message: format!("`{}` is {value}, {why}", field.name()),
            };
            let number =
                Number::new(value).ok_or_else(|| fail("but a value cannot be negative"))?;
            match measure {
                Measure::Count if number.as_count().is_none() => {
                    return Err(fail("but a count is a whole number below 2^53"));
                }
                Measure::Share if value > 100.0 => {
                    return Err(fail("but a share is at most 100 (percent)"));
                }
                _ => {}
            }
            let slot = match field {
                Field::Low => 0,
                Field::Best => 1,
                Field::High => 2,
            };
            numbers[slot] = Some(number);
            let below = numbers[..slot]
                .iter()
                .flatten()
                .any(|earlier| *earlier > number);
            if below {
                return Err(fail(
                    "below a field that must not be larger (low ≤ best ≤ high)",
                ));
            }
        }
        Ok(numbers)
    }

    /// The reading the fields make on their own: `best` alone is exact; `low` and `high` make a
    /// range, or a bound when only one is given; with `best` and an end they make an estimate
    /// whose missing end is 0 below or open above.
    pub fn reading(&self, measure: Measure) -> Result<Reading, FieldError> {
        let [low, best, high] = self.numbers(measure)?;
        let rule = match (low, best, high) {
            (None, Some(_), None) => Rule::Exact,
            (Some(_), None, Some(_)) => Rule::Range,
            (Some(_), None, None) => Rule::AtLeast,
            (None, None, Some(_)) => Rule::AtMost,
            (None, None, None) => {
                let message = "give at least one of `low`, `best` and `high`".to_string();
                return Err(FieldError {
                    field: Field::Best,
                    message,
                });
            }
            _ => Rule::Estimate,
        };
        let point = match rule {
            Rule::AtLeast => low,
            Rule::AtMost => high,
            _ => best,
        };
        let low_end = low.or(best.filter(|_| rule == Rule::Exact));
        let high_end = high.or(best.filter(|_| rule == Rule::Exact));
        let mut reading = Reading::new(low_end.unwrap_or(Number::ZERO), high_end, point, rule);
        reading.measure = measure;
        Ok(reading)
    }

    /// Checks that each given field states what the value reads: `low` its lower end, `best` its
    /// point, `high` its upper end.
    pub fn agree_with(&self, reading: &Reading) -> Result<(), FieldError> {
        let [low, best, high] = self.numbers(reading.measure)?;
        let checks = [
            (Field::Low, low, Some(reading.low), "lower end"),
            (Field::Best, best, reading.point, "best value"),
            (Field::High, high, reading.high, "upper end"),
        ];
        for (field, given, read, what) in checks {
            let Some(given) = given else { continue };
            if Some(given) != read {
                let read = read.map_or("none (open or not stated)".to_string(), |n| n.to_string());
                let message = format!(
                    "`{}` is {given}, but the value reads its {what} as {read}: make them agree, \
                     or keep only one of them",
                    field.name()
                );
                return Err(FieldError { field, message });
            }
        }
        Ok(())
    }

    /// The fields as a reader sees them: "low 20,000,000, best 50,000,000, high 100,000,000".
    pub fn written(&self) -> String {
        self.given()
            .map(|(field, value)| match Number::new(value) {
                Some(number) => format!("{} {number}", field.name()),
                None => format!("{} {value}", field.name()),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(low: Option<f64>, best: Option<f64>, high: Option<f64>) -> EstimateFields {
        EstimateFields { low, best, high }
    }

    fn read(f: EstimateFields) -> String {
        match f.reading(Measure::Count) {
            Ok(r) => {
                let point = r.point.map_or(String::new(), |p| format!(" @{p}"));
                format!("{} {}{point}", r.tag(), r.interval_text())
            }
            Err(e) => format!("error at {}: {}", e.field.name(), e.message),
        }
    }

    #[test]
    fn any_subset_of_the_fields_reads() {
        let (l, b, h) = (Some(20e6), Some(50e6), Some(100e6));
        assert_eq!(
            read(fields(l, b, h)),
            "estimate [20,000,000, 100,000,000] @50,000,000"
        );
        assert_eq!(read(fields(None, b, None)), "exact 50,000,000 @50,000,000");
        assert_eq!(read(fields(l, None, h)), "range [20,000,000, 100,000,000]");
        assert_eq!(
            read(fields(l, None, None)),
            "at-least [20,000,000, ∞) @20,000,000"
        );
        assert_eq!(
            read(fields(None, None, h)),
            "at-most [0, 100,000,000] @100,000,000"
        );
        assert_eq!(
            read(fields(l, b, None)),
            "estimate [20,000,000, ∞) @50,000,000"
        );
        assert_eq!(
            read(fields(None, b, h)),
            "estimate [0, 100,000,000] @50,000,000"
        );
        assert_eq!(
            fields(l, b, h).written(),
            "low 20,000,000, best 50,000,000, high 100,000,000"
        );
    }

    #[test]
    fn fields_are_checked_for_their_measure_and_order() {
        assert_eq!(
            read(fields(Some(60.0), Some(50.0), None)),
            "error at best: `best` is 50, below a field that must not be larger (low ≤ best ≤ high)"
        );
        assert!(read(fields(None, Some(2.5), None)).starts_with("error at best: `best` is 2.5"));
        assert!(read(fields(Some(-1.0), None, None)).contains("cannot be negative"));
        let share = fields(None, Some(120.0), None).reading(Measure::Share);
        assert_eq!(
            share.unwrap_err().message,
            "`best` is 120, but a share is at most 100 (percent)"
        );
        let third = fields(None, Some(100.0 / 3.0), None)
            .reading(Measure::Share)
            .unwrap();
        assert_eq!(third.interval_text(), "33.33%");
    }

    #[test]
    fn fields_must_agree_with_the_value() {
        use crate::value::{ValueSettings, read_value};
        let value = "about 50 million, possibly as high as 100 million";
        let reading = read_value(value, &ValueSettings::default(), Measure::Count, None).unwrap();
        assert_eq!(
            fields(Some(45e6), Some(50e6), Some(100e6)).agree_with(&reading),
            Ok(())
        );
        let error = fields(Some(40e6), None, None)
            .agree_with(&reading)
            .unwrap_err();
        assert_eq!(error.field, Field::Low);
        assert_eq!(
            error.message,
            "`low` is 40,000,000, but the value reads its lower end as 45,000,000: make them \
             agree, or keep only one of them"
        );
        let open = read_value(
            "at least 5,000",
            &ValueSettings::default(),
            Measure::Count,
            None,
        )
        .unwrap();
        let error = fields(None, None, Some(9000.0))
            .agree_with(&open)
            .unwrap_err();
        assert!(
            error.message.contains("as none (open or not stated)"),
            "{}",
            error.message
        );
    }
}
