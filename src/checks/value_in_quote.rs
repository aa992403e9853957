//! A claim's value should be readable from its own quote, so readers see the figure in the
//! source's words.

use crate::finding::{Code, Finding};
use crate::model::ClaimBase;
use crate::value::value_in_quote;
use rayon::prelude::*;

pub fn values_not_in_quotes(base: &ClaimBase) -> Vec<Finding> {
    // Reading numbers out of every quote is the costliest check: it runs on every core.
    base.claims
        .par_iter()
        .filter_map(|claim| {
            let value = claim.value.as_ref()?;
            let reading = value.words_reading()?;
            let quote = claim.quote.as_ref()?;
            if value_in_quote(
                &value.written,
                reading,
                quote.get_ref(),
                &base.config.values,
            ) {
                return None;
            }
            Some(
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
                .claims([claim.id.as_str()]),
            )
        })
        .collect()
}
