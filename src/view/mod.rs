//! Views: the one report model every output format reads, and the typed facts the snapshot and the
//! diff share.

pub mod diff;
pub mod report;
pub mod snapshot;
