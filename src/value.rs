//! placeholder until the grammar lands
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Reading { pub low: u64, pub high: Option<u64>, pub point: Option<u64>, pub rule: Rule }
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub enum Rule { Exact }
#[derive(Debug, Clone, PartialEq, Default, serde::Deserialize)]
pub struct ValueSettings {}
pub struct ValueError { pub message: String, pub span: std::ops::Range<usize> }
pub const ACCEPTED_FORMS: &str = "";
pub fn read_value(_t: &str, _s: &ValueSettings) -> Result<Reading, ValueError> { Err(ValueError{message: String::new(), span: 0..0}) }
pub fn read_integer(n: i64) -> Result<Reading, ValueError> { Ok(Reading{low: n as u64, high: Some(n as u64), point: Some(n as u64), rule: Rule::Exact}) }
