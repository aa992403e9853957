//! The numbers of a reading: [`Number`], a finite non-negative value that orders, hashes and
//! serialises like the count or share it holds; and [`Ratio`], the exact fraction the grammar
//! computes with ("twenty-one and a half million", "one-third") before a reading is made.

use std::cmp::Ordering;
use std::fmt;

/// A finite, non-negative number: a count (whole, below 2^53 so that it is exact) or a share in
/// percent. Ordered and hashed by value, serialised as an integer when it is whole.
#[derive(Debug, Clone, Copy, Default)]
pub struct Number(f64);

impl Number {
    pub const ZERO: Number = Number(0.0);
    /// Counts from here on are no longer exact in an f64.
    pub const COUNT_LIMIT: u64 = 1 << 53;

    /// None unless `value` is finite and not negative.
    pub fn new(value: f64) -> Option<Number> {
        // `+ 0.0` turns -0.0 into 0.0, so that equal values have equal bits.
        (value.is_finite() && value >= 0.0).then_some(Number(value + 0.0))
    }

    /// None from 2^53 on, where f64 would round the count.
    pub fn count(n: u64) -> Option<Number> {
        // Below 2^53 the conversion is exact.
        (n < Number::COUNT_LIMIT).then_some(Number(n as f64))
    }

    pub fn get(self) -> f64 {
        self.0
    }

    /// The number as a whole count, when it is one.
    pub fn as_count(self) -> Option<u64> {
        let whole = self.0.fract() == 0.0 && self.0 < Number::COUNT_LIMIT as f64;
        // A whole f64 below 2^53 converts exactly.
        whole.then_some(self.0 as u64)
    }
}

impl PartialEq for Number {
    fn eq(&self, other: &Self) -> bool {
        self.0.to_bits() == other.0.to_bits()
    }
}

impl Eq for Number {}

impl PartialOrd for Number {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Number {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

impl std::hash::Hash for Number {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.to_bits().hash(state);
    }
}

impl serde::Serialize for Number {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.as_count() {
            Some(n) => serializer.serialize_u64(n),
            None => serializer.serialize_f64(self.0),
        }
    }
}

/// "30,000", "1,500,000"; fractions with up to two decimals ("33.33"), or four below one ("0.05").
impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Whole counts, nearly every number shown, are written from their integer: formatting an
        // f64 to a precision takes its exact and slow path.
        let text = match self.as_count() {
            Some(n) => n.to_string(),
            None => {
                let decimals = if self.0 < 1.0 { 4 } else { 2 };
                format!("{:.*}", decimals, self.0)
            }
        };
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let fraction = fraction.trim_end_matches('0');
        let mut shown = String::with_capacity(text.len() + whole.len() / 3);
        for (i, digit) in whole.char_indices() {
            if i > 0 && (whole.len() - i).is_multiple_of(3) {
                shown.push(',');
            }
            shown.push(digit);
        }
        if !fraction.is_empty() {
            shown.push('.');
            shown.push_str(fraction);
        }
        f.write_str(&shown)
    }
}

/// An exact non-negative fraction, kept in lowest terms; every operation is checked and gives
/// None on overflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Ratio {
    numerator: u128,
    denominator: u128,
}

impl Ratio {
    pub(super) const ZERO: Ratio = Ratio {
        numerator: 0,
        denominator: 1,
    };
    pub(super) const HUNDRED: Ratio = Ratio {
        numerator: 100,
        denominator: 1,
    };

    pub(super) fn new(numerator: u128, denominator: u128) -> Option<Ratio> {
        if denominator == 0 {
            return None;
        }
        let divisor = gcd(numerator, denominator);
        Some(Ratio {
            numerator: numerator / divisor,
            denominator: denominator / divisor,
        })
    }

    pub(super) fn whole(n: u128) -> Ratio {
        Ratio {
            numerator: n,
            denominator: 1,
        }
    }

    pub(super) fn add(self, other: Ratio) -> Option<Ratio> {
        let left = self.numerator.checked_mul(other.denominator)?;
        let right = other.numerator.checked_mul(self.denominator)?;
        let denominator = self.denominator.checked_mul(other.denominator)?;
        Ratio::new(left.checked_add(right)?, denominator)
    }

    pub(super) fn mul(self, other: Ratio) -> Option<Ratio> {
        // Cross-reducing first keeps "1/3 of a million" and the like far from overflow.
        let a = gcd(self.numerator, other.denominator).max(1);
        let b = gcd(other.numerator, self.denominator).max(1);
        let numerator = (self.numerator / a).checked_mul(other.numerator / b)?;
        let denominator = (self.denominator / b).checked_mul(other.denominator / a)?;
        Ratio::new(numerator, denominator)
    }

    pub(super) fn div(self, other: Ratio) -> Option<Ratio> {
        let inverse = Ratio::new(other.denominator, other.numerator)?;
        self.mul(inverse)
    }

    pub(super) fn is_whole(self) -> bool {
        self.denominator == 1
    }

    /// The number itself when it is whole.
    pub(super) fn as_whole(self) -> Option<u128> {
        self.is_whole().then_some(self.numerator)
    }

    /// The largest whole number not above this one, and the smallest not below it.
    pub(super) fn floor(self) -> Ratio {
        Ratio::whole(self.numerator / self.denominator)
    }

    pub(super) fn ceil(self) -> Ratio {
        Ratio::whole(self.numerator.div_ceil(self.denominator))
    }

    pub(super) fn to_f64(self) -> f64 {
        // Both parts are whole, so rounding happens once, in the division.
        self.numerator as f64 / self.denominator as f64
    }
}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ratio {
    fn cmp(&self, other: &Self) -> Ordering {
        let left = self.numerator.checked_mul(other.denominator);
        let right = other.numerator.checked_mul(self.denominator);
        match (left, right) {
            (Some(left), Some(right)) => left.cmp(&right),
            _ => self.to_f64().total_cmp(&other.to_f64()),
        }
    }
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// How numbers were shown before whole counts took their own path: every number formatted as
    /// an f64 to two decimals (four below one), with trailing zeros dropped.
    fn shown_as_f64(value: f64) -> String {
        let decimals = if value < 1.0 { 4 } else { 2 };
        let text = format!("{value:.decimals$}");
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let fraction = fraction.trim_end_matches('0');
        let mut shown = String::new();
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                shown.push(',');
            }
            shown.push(digit);
        }
        if !fraction.is_empty() {
            shown = format!("{shown}.{fraction}");
        }
        shown
    }

    #[test]
    fn numbers_are_shown_with_separators_and_few_decimals() {
        let shown = |value: f64| Number::new(value).unwrap().to_string();
        assert_eq!(shown(30_000.0), "30,000");
        assert_eq!(shown(1_500_000.0), "1,500,000");
        assert_eq!(shown(999.0), "999");
        assert_eq!(shown(0.0), "0");
        assert_eq!(shown(100.0 / 3.0), "33.33");
        assert_eq!(shown(0.05), "0.05");
        assert_eq!(shown(1e20), "100,000,000,000,000,000,000");
        for value in [
            9_007_199_254_740_991.0,
            9_007_199_254_740_992.0,
            1234.5,
            0.999_99,
        ] {
            assert_eq!(shown(value), shown_as_f64(value), "{value}");
        }
    }

    proptest! {
        #[test]
        fn whole_counts_are_shown_as_f64_formatting_shows_them(n in 0u64..Number::COUNT_LIMIT) {
            let number = Number::count(n).unwrap();
            prop_assert_eq!(number.to_string(), shown_as_f64(n as f64));
        }

        #[test]
        fn any_number_is_shown_as_f64_formatting_shows_it(value in 0.0f64..1e18) {
            prop_assert_eq!(Number::new(value).unwrap().to_string(), shown_as_f64(value));
        }
    }

    fn ratio(n: u128, d: u128) -> Ratio {
        Ratio::new(n, d).unwrap()
    }

    #[test]
    fn ratios_stay_exact() {
        let twenty_one_and_a_half = Ratio::whole(21).add(ratio(1, 2)).unwrap();
        let million = Ratio::whole(1_000_000);
        assert_eq!(
            twenty_one_and_a_half.mul(million),
            Some(Ratio::whole(21_500_000))
        );
        assert_eq!(ratio(174, 10).mul(million), Some(Ratio::whole(17_400_000)));
        assert_eq!(ratio(1, 3).mul(Ratio::HUNDRED), Some(ratio(100, 3)));
        assert_eq!(Ratio::whole(1).div(Ratio::whole(5)), Some(ratio(1, 5)));
        assert_eq!(Ratio::whole(1).div(Ratio::ZERO), None);
        assert_eq!(Ratio::whole(u128::MAX).mul(Ratio::whole(2)), None);
        assert!(ratio(1, 3) < ratio(34, 100) && ratio(2, 4) == ratio(1, 2));
        assert_eq!(
            (ratio(7, 2).floor(), ratio(7, 2).ceil()),
            (Ratio::whole(3), Ratio::whole(4))
        );
    }

    #[test]
    fn numbers_are_finite_non_negative_and_exact_as_counts() {
        assert_eq!(Number::new(f64::NAN), None);
        assert_eq!(Number::new(f64::INFINITY), None);
        assert_eq!(Number::new(-1.0), None);
        assert_eq!(Number::new(-0.0), Some(Number::ZERO));
        assert_eq!(Number::count(Number::COUNT_LIMIT), None);
        let largest = Number::count(Number::COUNT_LIMIT - 1).unwrap();
        assert_eq!(largest.as_count(), Some(Number::COUNT_LIMIT - 1));
        assert_eq!(Number::new(2.5).unwrap().as_count(), None);
    }

    #[test]
    fn numbers_show_and_serialise_like_what_they_hold() {
        let shown = |x: f64| Number::new(x).unwrap().to_string();
        assert_eq!(shown(30_000.0), "30,000");
        assert_eq!(shown(1_500_000.0), "1,500,000");
        assert_eq!(shown(100.0 / 3.0), "33.33");
        assert_eq!(shown(0.9), "0.9");
        assert_eq!(shown(0.05), "0.05");
        let json = |x: f64| serde_json::to_string(&Number::new(x).unwrap()).unwrap();
        assert_eq!(json(30_000.0), "30000");
        assert_eq!(json(2.5), "2.5");
    }
}
