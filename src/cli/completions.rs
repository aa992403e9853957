//! `claimtrack completions`: the completion script for a shell, from the clap definition.

use super::output::{Exit, print};
use super::{Cli, Error};
use clap::CommandFactory;
use clap_complete::Shell;

#[derive(clap::Args)]
pub struct Args {
    /// The shell to complete in.
    #[arg(value_enum)]
    shell: Shell,
}

pub fn run(args: Args) -> Result<Exit, Error> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "claimtrack", &mut script);
    print(&String::from_utf8(script)?)?;
    Ok(Exit::Clean)
}
