//! `claimtrack snapshot`: the canonical snapshot of the whole claim base.

use super::output::{Exit, stream};
use super::{Context, Error};

pub fn run(context: &Context) -> Result<Exit, Error> {
    let (_, checked) = context.open()?;
    let checked = match context.complete(checked) {
        Ok(checked) => checked,
        Err(exit) => return Ok(exit),
    };
    claimtrack::progress::enter(claimtrack::progress::Step::Reporting);
    let report = claimtrack::view::build_facts(&checked);
    stream(|out| claimtrack::render::snapshot::write(&report, out))?;
    // The process ends next: freeing a large report piece by piece only costs time.
    std::mem::forget(report);
    std::mem::forget(checked);
    Ok(Exit::Clean)
}
