//! `claimtrack man`: the manual pages in roff, from the clap definition: claimtrack(1) and one
//! page per command (claimtrack-check(1), …), which claimtrack(1) refers to.

use super::output::{Exit, print};
use super::{Cli, Error};
use clap::CommandFactory;
use clap_mangen::Man;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Print the page of this command (`check` for claimtrack-check(1)) instead of claimtrack(1).
    #[arg(conflicts_with = "out_dir")]
    command: Option<String>,
    /// Write every page into DIR (claimtrack.1, claimtrack-check.1, …) instead of printing one.
    #[arg(long, value_name = "DIR")]
    out_dir: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<Exit, Error> {
    let date = page_date()?;
    let mut command = Cli::command().disable_help_subcommand(true);
    // Building names each command after its full name, `claimtrack-check`, as its page is named.
    command.build();
    if let Some(dir) = args.out_dir {
        let pages = std::iter::once(command.clone()).chain(command.get_subcommands().cloned());
        for page in pages {
            let path = dir.join(format!(
                "{}.1",
                page.get_display_name().unwrap_or("claimtrack")
            ));
            std::fs::write(&path, render(page, &date)?).map_err(|error| {
                format!("cannot write the manual page {}: {error}", path.display())
            })?;
        }
        return Ok(Exit::Clean);
    }
    let shown = match args.command {
        None => command,
        Some(name) => match command.find_subcommand(&name) {
            Some(subcommand) => subcommand.clone(),
            None => {
                let names: Vec<&str> = command.get_subcommands().map(|c| c.get_name()).collect();
                eprintln!(
                    "error: no command `{name}`; the commands are: {}",
                    names.join(", ")
                );
                return Ok(Exit::UsageOrIo);
            }
        },
    };
    print(&render(shown, &date)?)?;
    Ok(Exit::Clean)
}

/// The page of `command` in roff, its header naming claimtrack's version (commands have none of
/// their own).
fn render(command: clap::Command, date: &str) -> Result<String, Error> {
    let title = command
        .get_display_name()
        .unwrap_or(command.get_name())
        .to_uppercase();
    let mut page = Vec::new();
    Man::new(command)
        .title(title)
        .date(date)
        .source(format!("claimtrack {}", env!("CARGO_PKG_VERSION")))
        .manual("User Commands")
        .render(&mut page)?;
    // clap_mangen sets a default apart from the possible values with `.br`, a blank line and
    // `.br`, which mandoc reports as breaks around a space; one `.sp` is the same space.
    Ok(String::from_utf8(page)?.replace("\n.br\n\n.br\n", "\n.sp\n"))
}

/// The pages' date: SOURCE_DATE_EPOCH when set, as reproducible builds ask, otherwise today (UTC).
fn page_date() -> Result<String, Error> {
    let Some(epoch) = std::env::var_os("SOURCE_DATE_EPOCH") else {
        return Ok(jiff::Timestamp::now().strftime("%Y-%m-%d").to_string());
    };
    let epoch = epoch.to_string_lossy();
    let time = epoch
        .trim()
        .parse()
        .ok()
        .and_then(|seconds| jiff::Timestamp::from_second(seconds).ok())
        .ok_or_else(|| {
            format!("SOURCE_DATE_EPOCH must be a number of seconds since 1970, not `{epoch}`")
        })?;
    Ok(time.strftime("%Y-%m-%d").to_string())
}
