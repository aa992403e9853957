//! `claimtrack explain`: what a finding code means, which check raises it, and how to fix it.

use super::Error;
use super::output::{Exit, print};
use claimtrack::checks::check_of;
use claimtrack::finding::Code;
use claimtrack::suggest::did_you_mean;

#[derive(clap::Args)]
pub struct Args {
    /// The code, e.g. `uncited-claim`.
    #[arg(required_unless_present = "list")]
    code: Option<String>,
    /// List every code with its default severity.
    #[arg(long)]
    list: bool,
}

pub fn run(args: Args) -> Result<Exit, Error> {
    if args.list {
        let list: String = Code::ALL
            .iter()
            .map(|code| {
                format!(
                    "{:<24} {:<8} {}\n",
                    code.name(),
                    code.default_severity(),
                    code.summary()
                )
            })
            .collect();
        print(&list)?;
        return Ok(Exit::Clean);
    }
    let name = args.code.unwrap_or_default();
    let Some(code) = Code::from_name(&name) else {
        let suggestion = did_you_mean(&name, Code::ALL.iter().map(|c| c.name()))
            .map(|s| format!(" (did you mean `{s}`?)"))
            .unwrap_or_default();
        eprintln!(
            "error: unknown code `{name}`{suggestion}; `claimtrack explain --list` lists them"
        );
        return Ok(Exit::UsageOrIo);
    };
    print(&format!(
        "{} ({} by default, raised by the `{}` check): {}\n\n{}\n",
        code.name(),
        code.default_severity(),
        check_of(code).name,
        code.summary(),
        code.explanation()
    ))?;
    Ok(Exit::Clean)
}
