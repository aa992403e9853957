//! Coordinates of the page's pictures, written as `{:.1}` writes them.

/// A coordinate with one decimal, as `{:.1}` writes it. A report's pictures write hundreds of
/// thousands, and the formatter's exact rounding is slow: the tenths are rounded here instead,
/// except near a tie (where only the exact decimal expansion can tell), for a negative value
/// (`-0.0`), and beyond 2^40 tenths (where the product's rounding could tip the digit). A number
/// holds no character HTML escapes, so its digits go straight into the page, with no string of
/// their own.
pub(super) fn px(value: f64) -> Px {
    Px(value)
}

pub(super) struct Px(f64);

impl maud::Render for Px {
    fn render_to(&self, buffer: &mut String) {
        let value = self.0;
        let tenths = value * 10.0;
        let rounded = tenths.round();
        if value.is_sign_positive()
            && tenths < (1u64 << 40) as f64
            && (tenths - rounded).abs() < 0.499
        {
            push_tenths(buffer, rounded as u64);
        } else {
            use std::fmt::Write;
            // Writing into a String cannot fail.
            let _ = write!(buffer, "{value:.1}");
        }
    }
}

/// `tenths` / 10 with one decimal. The digits are put together right to left (the tenth, the
/// point, then the whole part) and pushed with room made once.
fn push_tenths(buffer: &mut String, tenths: u64) {
    let mut digits = [0u8; 22];
    let mut start = digits.len() - 2;
    digits[start..].copy_from_slice(&[b'.', b'0' + (tenths % 10) as u8]);
    let mut whole = tenths / 10;
    loop {
        start -= 1;
        digits[start] = b'0' + (whole % 10) as u8;
        whole /= 10;
        if whole == 0 {
            break;
        }
    }
    let written = &digits[start..];
    buffer.reserve(written.len());
    for &byte in written {
        buffer.push(char::from(byte));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use maud::Render;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_coordinate_is_written_as_the_formatter_writes_it(value in -1e4f64..1e6) {
            prop_assert_eq!(px(value).render().into_string(), format!("{value:.1}"));
        }
    }

    #[test]
    fn coordinates_at_ties_and_edges_are_written_as_the_formatter_writes_them() {
        for value in [
            0.0,
            -0.0,
            0.05,
            0.25,
            0.35,
            1.45,
            2.5,
            12.25,
            99.95,
            0.04999,
            -0.04,
            -12.25,
            1e12,
            1e15,
            1e300,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            assert_eq!(
                px(value).render().into_string(),
                format!("{value:.1}"),
                "{value:e}"
            );
        }
    }
}
