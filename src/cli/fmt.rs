//! `claimtrack fmt`: record files rewritten in the one canonical style, or, with `--check`, the
//! files that would change listed for CI.

use super::output::{Exit, print};
use super::{Context, Error};
use claimtrack::authoring::fmt;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Write nothing: list the files that would change, and exit with 1 if there are any.
    #[arg(long)]
    check: bool,
    /// Put the tables of each kind in id order instead of the order they stand in.
    #[arg(long)]
    sort: bool,
    /// The files to format; by default every record file of the claim base.
    files: Vec<PathBuf>,
}

pub fn run(context: &Context, args: Args) -> Result<Exit, Error> {
    let files = if args.files.is_empty() {
        let (root, prefix) = context.locate()?;
        fmt::base_files(&root, &prefix)?
    } else {
        args.files
    };
    let mode = if args.check {
        fmt::Mode::Check
    } else {
        fmt::Mode::Write
    };
    let (mut changed, mut failed) = (String::new(), false);
    for outcome in fmt::format_files(&files, fmt::Options { sort: args.sort }, mode) {
        match outcome.changed {
            Ok(true) => changed.push_str(&format!("{}\n", outcome.path.display())),
            Ok(false) => {}
            Err(error) => {
                super::progress::end();
                eprintln!("error: {error}");
                failed = true;
            }
        }
    }
    print(&changed)?;
    Ok(if failed {
        Exit::UsageOrIo
    } else if args.check && !changed.is_empty() {
        Exit::GateFailed
    } else {
        Exit::Clean
    })
}
