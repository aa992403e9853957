//! Integration tests of the `claimtrack` binary: one test binary, one module per area.

mod archive;
mod bad_input;
mod check;
mod claim_base;
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
mod report;
mod sarif;
mod schema;
mod streaming;
mod support;
mod terminal;
mod values;
mod verdicts;
