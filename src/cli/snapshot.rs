//! `claimtrack snapshot`: the canonical snapshot of the whole claim base.

use super::output::{Exit, print};
use super::{Context, Error};

pub fn run(context: &Context) -> Result<Exit, Error> {
    let (_, checked) = context.open()?;
    let report = claimtrack::view::build(&checked, None);
    print(&claimtrack::render::snapshot::render(&report))?;
    Ok(Exit::Clean)
}
