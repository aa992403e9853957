//! A claim's value should be readable from its own quote, so readers see the figure in the
//! source's words.

use crate::finding::{Code, Finding};
use crate::model::ClaimBase;

pub fn values_not_in_quotes(base: &ClaimBase) -> Vec<Finding> {
    (base.quote_readings().not_in_quote.iter())
        .map(|&c| {
            let claim = &base.claims[c];
            let value = claim
                .value
                .as_ref()
                .expect("a claim whose quote was read has a value");
            Finding::new(
                Code::ValueNotInQuote,
                value.location.clone(),
                format!(
                    "the value `{}` of claim `{}` cannot be read from its quote",
                    value.written, claim.id
                ),
            )
            .label("not in the quote")
            .help("extend the quote to the words that state the figure, or correct the value")
            .claims([&*claim.id])
        })
        .collect()
}
