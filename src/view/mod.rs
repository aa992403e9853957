//! Views: the one report model every report format, the snapshot and the diff read, the typed facts
//! the snapshot and the diff share, and the outcome the check formats show.

mod build;
mod chain;
pub mod check;
mod claim;
pub mod diff;
pub mod facts;
mod figure_order;
mod grouping;
pub mod report;
mod summary;

pub use build::{build, build_facts, located};
pub use claim::reading_view;
