//! `claimtrack export`: the report written for other tools (an SQLite database, a folder of CSV
//! files, schema.org JSON-LD, a Graphviz graph), only to `--out` or stdout.

use super::output::{Exit, print};
use super::{Context, Error};
use claimtrack::export::{self, Overwrite};
use clap::ValueEnum;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// The format to write (docs/exports.md describes each).
    #[arg(long, value_enum)]
    format: Format,
    /// Where to write: the database file (sqlite), the folder for the table files (csv; created
    /// when missing), or the output file (jsonld, dot; stdout without --out). An existing file is
    /// never replaced without --force.
    #[arg(
        long,
        value_name = "PATH",
        required_if_eq_any = [("format", "sqlite"), ("format", "csv")]
    )]
    out: Option<PathBuf>,
    /// Replace what already exists at --out: the database, the output file, or the table files in
    /// the CSV folder (other files there are left alone).
    #[arg(long, requires = "out")]
    force: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// an SQLite database: tables with keys, and views (needs --out)
    Sqlite,
    /// one RFC 4180 file per table, in the folder --out
    Csv,
    /// schema.org Claim items as JSON-LD
    Jsonld,
    /// a Graphviz graph, one cluster per figure
    Dot,
}

pub fn run(context: &Context, args: Args) -> Result<Exit, Error> {
    let (root, checked) = context.open()?;
    if let Some(out) = &args.out {
        export::check_out(&root, out)?;
    }
    let checked = match context.complete(checked) {
        Ok(checked) => checked,
        Err(exit) => return Ok(exit),
    };
    claimtrack::progress::enter(claimtrack::progress::Step::Reporting);
    let report = claimtrack::view::build(&checked, None);
    claimtrack::progress::enter(claimtrack::progress::Step::Writing);
    let overwrite = if args.force {
        Overwrite::Replace
    } else {
        Overwrite::Refuse
    };
    let out = args.out.as_deref();
    match (args.format, out) {
        (Format::Sqlite, Some(path)) => {
            export::sqlite::write(&report, path, overwrite)?;
            context.note(&format!("wrote {}\n", path.display()));
        }
        (Format::Csv, Some(dir)) => {
            let files = export::csv::write(&report, dir, overwrite)?;
            context.note(&format!(
                "wrote {} files to {}\n",
                files.len(),
                dir.display()
            ));
        }
        (Format::Jsonld, out) => emit(context, &export::jsonld::render(&report)?, out, overwrite)?,
        (Format::Dot, out) => emit(context, &export::dot::render(&report)?, out, overwrite)?,
        (Format::Sqlite | Format::Csv, None) => {
            return Err("this format writes files: give --out".into());
        }
    }
    Ok(Exit::Clean)
}

/// A text export to `out`, or to stdout without it.
fn emit(
    context: &Context,
    text: &str,
    out: Option<&Path>,
    overwrite: Overwrite,
) -> Result<(), Error> {
    match out {
        Some(path) => {
            export::write_file(path, text, overwrite)?;
            context.note(&format!("wrote {}\n", path.display()));
        }
        None => print(text)?,
    }
    Ok(())
}
