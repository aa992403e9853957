//! Reads counts the way sources write them ("30,000", "at least 5,000", "roughly 1,500",
//! "between 2,800 and 3,800", "thousands") into an interval tagged with the rule that produced it,
//! and finds the numbers a text states, so that a claim's value can be checked against its quote.
//! Nothing here panics on any input: numbers are built with checked arithmetic and every error
//! span lies on character boundaries of the text it points into.

mod display;
mod grammar;
mod in_quote;
mod lexer;
mod phrases;
mod quantity;
mod reading;
mod settings;
mod stated;
mod strict;
mod words;

#[cfg(test)]
mod tests;

pub use grammar::{ACCEPTED_FORMS, ValueError, read_integer, read_value};
pub use in_quote::{numbers_in_text, value_in_quote};
pub use reading::{Detail, Reading, Rule};
pub use settings::{DecimalMark, ValueSettings};
pub use words::{SMALL_NUMBERS, TENS};
