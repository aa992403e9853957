//! `claimtrack coverage`: how completely the claims cover the number phrases of the archived
//! sources, and with `--fail-under` the gate that keeps it so.

use super::output::{Exit, print};
use super::{Context, Error};
use claimtrack::coverage;
use claimtrack::render::coverage as render;
use claimtrack::render::sanitize::one_line;
use clap::ValueEnum;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The folder of archived source texts, found by their sha256 (as for `check --archive`).
    #[arg(long, value_name = "DIR")]
    archive: PathBuf,
    /// Measure one source only.
    #[arg(long, value_name = "ID")]
    source: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Exit with 1 when a source's covered share is below PCT percent, or an ignore entry in
    /// claimtrack.toml dismisses nothing.
    #[arg(long, value_name = "PCT", value_parser = percent)]
    fail_under: Option<f64>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// a line per source, then each phrase not covered with its context
    Table,
    /// tables for a pull-request comment
    Markdown,
    /// one JSON object (docs/json.md)
    Json,
}

fn percent(text: &str) -> Result<f64, String> {
    match text.trim().trim_end_matches('%').parse::<f64>() {
        Ok(pct) if (0.0..=100.0).contains(&pct) => Ok(pct),
        _ => Err("expected a percentage from 0 to 100, such as 100 or 95.5".to_string()),
    }
}

pub fn run(context: &Context, args: Args) -> Result<Exit, Error> {
    let (_, checked) = context.open()?;
    let checked = match context.complete(checked) {
        Ok(checked) => checked,
        Err(exit) => return Ok(exit),
    };
    let coverage = coverage::measure(&checked.base, &args.archive, args.source.as_deref())?;
    for refusal in &coverage.unreadable {
        context.note(&format!("note: {}\n", one_line(refusal)));
    }
    let output = match args.format {
        Format::Table => render::text(&coverage, &context.style),
        Format::Markdown => render::markdown(&coverage, &context.style),
        Format::Json => render::json(&coverage, &context.style),
    };
    print(&output)?;
    let Some(threshold) = args.fail_under else {
        return Ok(Exit::Clean);
    };
    let below: Vec<&str> = coverage
        .sources
        .iter()
        .filter(|source| source.covered_percent.is_some_and(|pct| pct < threshold))
        .map(|source| source.source.as_str())
        .collect();
    if !below.is_empty() {
        context.note(&format!(
            "error: covered below {threshold}%: {}\n",
            below.join(", ")
        ));
    }
    match coverage.stale_ignores.len() {
        0 => {}
        1 => context.note("error: 1 ignore entry in claimtrack.toml dismisses nothing\n"),
        n => context.note(&format!(
            "error: {n} ignore entries in claimtrack.toml dismiss nothing\n"
        )),
    }
    Ok(if below.is_empty() && coverage.stale_ignores.is_empty() {
        Exit::Clean
    } else {
        Exit::GateFailed
    })
}
