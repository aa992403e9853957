//! `claimtrack check`: every finding, in the format CI wants, and the gate as the exit code.

use super::output::{Exit, print, stream};
use super::{Context, Error};
use claimtrack::Gate;
use claimtrack::render::{diagnostics, github, json, sarif, short};
use claimtrack::view::check::CheckView;
use clap::ValueEnum;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Also fail on warnings.
    #[arg(long, value_enum, value_name = "LEVEL")]
    deny: Option<DenyLevel>,
    /// Check every quote against the archived source texts in DIR (found by sha256).
    #[arg(long, value_name = "DIR")]
    archive: Option<PathBuf>,
    /// Also print info findings (what sources say: conflicts, divergences, attributions) in
    /// the human, GitHub, short and SARIF formats; JSON always has them, and `report` shows them.
    #[arg(long)]
    show_info: bool,
    /// Fail only on findings that the claim base at REV (a git revision or a folder) did not
    /// have; the ones it had are listed as known.
    #[arg(long, value_name = "REV")]
    baseline: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// rustc-style diagnostics
    Human,
    /// one JSON object with every finding
    Json,
    /// GitHub Actions workflow commands
    Github,
    /// one line per finding: `file:line:column: severity[code] message`
    Short,
    /// a SARIF 2.1.0 log, for GitHub code scanning and IDEs
    Sarif,
}

#[derive(Clone, Copy, ValueEnum)]
enum DenyLevel {
    /// fail on warnings as well as errors
    Warnings,
}

pub fn run(context: &Context, args: Args) -> Result<Exit, Error> {
    // The baseline is a second state of the claim base, checked beside the working tree.
    let (root, prefix) = context.locate()?;
    let (mut checked, baseline) = match &args.baseline {
        Some(revision) => {
            let (baseline, current) = claimtrack::open_two(&root, Some(revision), None);
            (current?, Some(baseline?))
        }
        None => (claimtrack::open(&root)?, None),
    };
    checked.base.files.set_display_prefix(&prefix);
    if let Some(dir) = &args.archive {
        checked.check_archive(dir)?;
    }
    let gate = Gate {
        deny_warnings: args.deny.is_some(),
    };
    let view = CheckView::new(&checked, gate, baseline.as_ref(), args.show_info);
    if let (Some(revision), false) = (&args.baseline, view.known.is_empty()) {
        let mut note = format!("findings already present at {revision} do not fail the gate:\n");
        for finding in &view.known {
            note.push_str(&format!(
                "known: {} {}: {}\n",
                finding.severity, finding.code, finding.message
            ));
        }
        context.note(&note);
    }
    let style = &context.style;
    match args.format {
        Format::Human => stream(|out| diagnostics::write(&view, style, out)),
        Format::Json => stream(|out| json::write_check(&view, style, out)),
        Format::Github => print(&github::render(&view, style)),
        Format::Short => print(&short::render(&view, style)),
        Format::Sarif => print(&sarif::render(&view, style)),
    }?;
    let failed = view.summary.failed > 0;
    // The process ends next: freeing a large claim base piece by piece only costs time.
    std::mem::forget(view);
    std::mem::forget(checked);
    Ok(if failed {
        Exit::GateFailed
    } else {
        Exit::Clean
    })
}
