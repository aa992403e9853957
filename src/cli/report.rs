//! `claimtrack report`: the consistency report on every figure, or on one.

use super::output::{Exit, stream};
use super::{Context, Error};
use claimtrack::progress::{self, Step};
use claimtrack::render::sanitize::one_line;
use claimtrack::render::{Style, html, json, markdown, table};
use claimtrack::suggest::did_you_mean;
use clap::ValueEnum;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Only this figure (its id).
    #[arg(long, value_name = "ID")]
    figure: Option<String>,
    /// Compare superseded and withdrawn claims too, as if each still stood: the figures' history.
    #[arg(long)]
    all: bool,
    /// List the figures (id, claims, label) instead of reporting.
    #[arg(long, conflicts_with_all = ["figure", "format"])]
    list_figures: bool,
    /// Write the report to FILE instead of stdout (replacing FILE), without colour.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Fit the table to N columns; by default COLUMNS, else the terminal's width, else 100.
    /// Below 100 each claim is a block of lines.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(30..=1000))]
    width: Option<u16>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// tables for a terminal
    Table,
    /// GitHub-flavoured markdown, for a pull-request comment
    Markdown,
    /// the JSON contract of docs/json.md
    Json,
    /// one self-contained HTML page with a range plot per figure (docs/html.md)
    Html,
}

pub fn run(context: &Context, args: Args) -> Result<Exit, Error> {
    let (_, checked) = context.open()?;
    let checked = match context.complete(checked) {
        Ok(checked) => checked,
        Err(exit) => return Ok(exit),
    };
    let checked = if args.all {
        checked.with_history()
    } else {
        checked
    };
    if let Some(id) = &args.figure
        && checked.base.figure_by_id(id).is_none()
    {
        let known = checked.base.figures.iter().map(|f| f.id.as_str());
        let hint = match did_you_mean(id, known) {
            Some(close) => format!("did you mean `{close}`?"),
            None => "`claimtrack report --list-figures` lists them".to_string(),
        };
        return Err(format!("no figure `{id}` in the claim base; {hint}").into());
    }
    progress::enter(Step::Reporting);
    let report = claimtrack::view::build(&checked, args.figure.as_deref());
    if args.list_figures {
        let list: String = report
            .figures
            .iter()
            .map(|figure| {
                format!(
                    "{}\t{}\t{}\n",
                    one_line(figure.id),
                    figure.claims,
                    one_line(figure.label)
                )
            })
            .collect();
        return write(args.out.as_deref(), |out| out.write_all(list.as_bytes()));
    }
    // A file is no terminal: no colour, and the width for output that is no terminal.
    let style = match args.out {
        Some(_) => Style::default(),
        None => context.style,
    };
    let style = Style {
        width: args.width.or(style.width),
        ..style
    };
    let render = match args.format {
        Format::Table => table::write,
        Format::Markdown => markdown::write,
        Format::Json => json::write,
        Format::Html => html::write,
    };
    let exit = write(args.out.as_deref(), |out| render(&report, &style, out));
    // The process ends next: freeing a large report piece by piece only costs time.
    std::mem::forget(report);
    std::mem::forget(checked);
    exit
}

/// What `render` writes, streamed to stdout or to the file `out`; a file that cannot be written is
/// a usage or I/O error naming it.
fn write(
    out: Option<&Path>,
    render: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
) -> Result<Exit, Error> {
    match out {
        None => stream(render)?,
        Some(path) => std::fs::File::create(path)
            .and_then(|file| {
                progress::enter(Step::Writing);
                let mut file = io::BufWriter::new(file);
                render(&mut file)?;
                file.flush()
            })
            .map_err(|error| format!("cannot write the report to {}: {error}", path.display()))?,
    }
    Ok(Exit::Clean)
}
