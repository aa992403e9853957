//! Integration tests of the `claimtrack` binary: one test binary, one module per area.

mod add;
mod archive;
mod bad_input;
mod check;
mod claim_base;
mod coverage;
mod diff;
mod explain;
mod export;
mod findings;
mod fmt;
mod fuzz;
mod hardening;
mod html;
mod injection;
mod json_contract;
mod layout;
mod packaging;
mod record_format;
mod report;
mod schema;
mod support;
mod terminal;
mod values;
mod verdicts;
