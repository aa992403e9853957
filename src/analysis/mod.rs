//! Analysis: what the engine works out from the resolved model before any check runs — where each
//! claim comes from (origins) and which claims are compared with which (windows and values).

pub mod compare;
pub mod origins;
