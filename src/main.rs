//! The `claimtrack` binary: parses the command line, runs the command, and turns the outcome into a
//! documented exit code. An error is printed with every cause behind it.

mod cli;

use clap::Parser;
use cli::{Cli, Exit};
use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() {
                Exit::UsageOrIo
            } else {
                Exit::Clean
            }
            .into();
        }
    };
    match cli.run() {
        Ok(exit) => exit.into(),
        Err(error) => {
            let mut message = format!("error: {error}");
            let mut cause = error.source();
            while let Some(inner) = cause {
                message.push_str(&format!("\n  caused by: {inner}"));
                cause = inner.source();
            }
            eprintln!("{message}");
            Exit::UsageOrIo.into()
        }
    }
}
