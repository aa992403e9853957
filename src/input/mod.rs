//! Input: what claimtrack reads from outside — the record files of a claim base (from disk or a git
//! revision), their text for diagnostics, the raw serde records and their JSON Schema, and
//! `claimtrack.toml`.

pub mod config;
pub mod files;
pub mod git;
pub mod loader;
pub mod records;
pub mod schema;
