//! `claimtrack snapshot`: the canonical snapshot of the whole claim base.

use super::output::{Exit, print};
use super::{Context, Error};

pub fn run(context: &Context) -> Result<Exit, Error> {
    let (_, checked) = context.open()?;
    let checked = match context.complete(checked) {
        Ok(checked) => checked,
        Err(exit) => return Ok(exit),
    };
    let report = claimtrack::view::build(&checked, None);
    print(&claimtrack::render::snapshot::render(&report))?;
    Ok(Exit::Clean)
}
