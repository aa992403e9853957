//! `claimtrack report`: the consistency report on every figure, or on one.

use super::output::{Exit, print};
use super::{Context, Error};
use claimtrack::finding::did_you_mean;
use claimtrack::render::sanitize::one_line;
use claimtrack::render::{json, markdown, table};
use clap::ValueEnum;

#[derive(clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Only this figure (its id).
    #[arg(long, value_name = "ID")]
    figure: Option<String>,
    /// List the figures (id, claims, label) instead of reporting.
    #[arg(long, conflicts_with_all = ["figure", "format"])]
    list_figures: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// tables for a terminal
    Table,
    /// GitHub-flavoured markdown, for a pull-request comment
    Markdown,
    /// the JSON contract of docs/json.md
    Json,
}

pub fn run(context: &Context, args: Args) -> Result<Exit, Error> {
    let (_, checked) = context.open()?;
    let checked = match context.complete(checked) {
        Ok(checked) => checked,
        Err(exit) => return Ok(exit),
    };
    if let Some(id) = &args.figure
        && checked.base.figure_by_id(id).is_none()
    {
        let known = checked.base.figures.iter().map(|f| f.id.as_str());
        let hint = match did_you_mean(id, known) {
            Some(close) => format!("did you mean `{close}`?"),
            None => "`claimtrack report --list-figures` lists them".to_string(),
        };
        eprintln!("error: no figure `{id}` in the claim base; {hint}");
        return Ok(Exit::UsageOrIo);
    }
    let report = claimtrack::view::build(&checked, args.figure.as_deref());
    if args.list_figures {
        let list: String = report
            .figures
            .iter()
            .map(|figure| {
                format!(
                    "{}\t{}\t{}\n",
                    one_line(&figure.id),
                    figure.claims,
                    one_line(&figure.label)
                )
            })
            .collect();
        print(&list)?;
        return Ok(Exit::Clean);
    }
    let output = match args.format {
        Format::Table => table::render(&report, &context.style),
        Format::Markdown => markdown::render(&report, &context.style),
        Format::Json => json::render(&report, &context.style),
    };
    print(&output)?;
    Ok(Exit::Clean)
}
