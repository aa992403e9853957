//! Reads values the way sources write them ("30,000", "at least 5,000", "roughly 1,500",
//! "between 2,800 and 3,800", "thousands", "about 50 million, possibly as high as 100 million",
//! "one in five") into an interval with its best value, tagged with the rule that produced it, and
//! refuses what it cannot read rather than guess. Around that grammar: a claim's `low`, `best` and
//! `high` fields, the numbers a quote states, and the readings of a quote's own number phrases, so
//! that a claim's value can be checked against its quote. Nothing here panics on any input:
//! numbers are built with checked arithmetic and every error span lies on character boundaries of
//! the text it points into.

mod counted;
mod display;
mod estimate;
mod fields;
mod grammar;
mod in_quote;
mod lexer;
mod negation;
mod not_counts;
mod number;
mod outcome;
mod parser;
mod phrases;
mod projection;
mod quantity;
mod quote_reading;
mod reading;
mod refusals;
mod scope;
mod settings;
mod stated;
mod strict;
mod tail;
mod text_phrases;
mod units;
mod word_set;
mod words;

#[cfg(test)]
mod properties;
#[cfg(test)]
mod tests;

pub use counted::{Counted, CountedRefusal, Counting};
pub use fields::{EstimateFields, Field, FieldError};
pub use grammar::{ACCEPTED_FORMS, read_integer, read_value, read_value_counting};
pub use in_quote::{numbers_in_text, value_in_quote};
pub use number::Number;
pub use parser::ValueError;
pub use quote_reading::{QuotePhrase, QuoteReader, QuoteSays};
pub use reading::{Detail, Measure, Reading, Rule};
pub use settings::{DecimalMark, ValueSettings};
pub use text_phrases::{TextNumbers, TextPhrase};
pub use units::Unit;
pub use words::{SMALL_NUMBERS, TENS};
