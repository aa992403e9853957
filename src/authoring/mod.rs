//! Tools that write record files for curators: they produce the text a curator would write by
//! hand, in the project's one style, and never change what a record says.

pub mod fmt;
