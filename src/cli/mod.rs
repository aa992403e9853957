//! The command line: clap arguments, resolved into what a command needs (the claim base, the output
//! style), one file per command. Results go to stdout; notes and errors to stderr.

mod add;
mod check;
mod completions;
mod coverage;
mod diff;
mod explain;
mod export;
mod fmt;
mod man;
mod output;
mod progress;
mod report;
mod schema;
mod snapshot;

use claimtrack::Checked;
use claimtrack::render::{ColorChoice, Style};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

pub use output::Exit;

/// Track claims and where sources disagree: who said which figure, where, and on what basis.
///
/// claimtrack reads a claim base (a folder with `claims/` and `sources/` of TOML records), checks
/// it, and reports where figures disagree. It records and compares; it never decides the truth.
///
/// Exit codes: 0 nothing fails the gate, 1 findings fail the gate (or, with `diff --exit-code`,
/// differences were found; with `fmt --check`, files would change; with `coverage --fail-under`,
/// a source is below it), 2 usage or I/O error.
#[derive(Parser)]
#[command(name = "claimtrack", version, max_term_width = 100)]
pub struct Cli {
    /// The claim base root; by default the current directory or its nearest ancestor holding
    /// `claims/` and `sources/`.
    #[arg(long, global = true, value_name = "DIR")]
    root: Option<PathBuf>,

    /// When to colour output: `auto` colours on a terminal unless NO_COLOR is set (CLICOLOR_FORCE
    /// colours elsewhere too).
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto, value_name = "WHEN")]
    color: Color,

    /// Print results only: no notes, summaries or progress line on stderr.
    #[arg(short, long, global = true)]
    quiet: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check the claim base: data errors, uncited claims, and every other finding. The CI gate.
    Check(check::Args),
    /// The consistency report: every figure with every value, who states it, on what basis, and
    /// where sources disagree.
    Report(report::Args),
    /// Print the canonical snapshot: the resolved claim base, one fact a line, in id order.
    Snapshot,
    /// Show what changed between two states of the claim base, in claim terms.
    Diff(diff::Args),
    /// Rewrite record files in one canonical style, keeping every comment; `--check` for CI.
    Fmt(fmt::Args),
    /// Add a claim from a quote found in its source's archived text, or declare a figure.
    Add(Box<add::Args>),
    /// List the numbers in archived sources that no claim quotes; `--fail-under 100` for CI.
    Coverage(coverage::Args),
    /// Explain what a finding code means and how to fix it.
    Explain(explain::Args),
    /// Write the report for other tools: SQLite, CSV, schema.org JSON-LD or Graphviz DOT.
    Export(export::Args),
    /// Print the JSON Schema of record files, for editors that check TOML while it is typed.
    Schema(schema::Args),
    /// Print the completion script for a shell.
    Completions(completions::Args),
    /// Print the manual page (roff), or write every command's page with `--out-dir`.
    Man(man::Args),
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

/// What every command is given besides its own arguments.
struct Context {
    root: Option<PathBuf>,
    style: Style,
    quiet: bool,
}

impl Context {
    /// The claim base the user points at (or stands in), checked, its paths shown from where they
    /// stand; and its root.
    fn open(&self) -> Result<(PathBuf, Checked), claimtrack::OpenError> {
        let (root, prefix) = self.locate()?;
        let mut checked = claimtrack::open(&root)?;
        checked.base.files.set_display_prefix(&prefix);
        Ok((root, checked))
    }

    fn locate(&self) -> Result<(PathBuf, String), claimtrack::input::loader::LoadError> {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        claimtrack::locate(self.root.as_deref(), Path::new(&cwd))
    }

    /// `checked`, unless it has load errors: those are printed on stderr instead, since a report,
    /// snapshot or diff of records that were not read would silently leave them out.
    fn complete(&self, checked: Checked) -> Result<Checked, Exit> {
        let errors = checked.load_errors();
        if errors.is_empty() {
            return Ok(checked);
        }
        progress::end();
        let view = claimtrack::view::check::CheckView::of_findings(&checked, errors);
        eprint!(
            "{}",
            claimtrack::render::diagnostics::render(&view, &self.style)
        );
        eprintln!("error: the claim base has errors that leave records unread; fix them first");
        Err(Exit::GateFailed)
    }

    /// A note for the user on stderr, unless `--quiet`.
    fn note(&self, text: &str) {
        if !self.quiet {
            progress::end();
            eprint!("{text}");
        }
    }
}

pub type Error = Box<dyn std::error::Error>;

impl Cli {
    pub fn run(self) -> Result<Exit, Error> {
        let terminal = std::io::stdout().is_terminal();
        let choice = match self.color {
            Color::Auto => ColorChoice::Auto,
            Color::Always => ColorChoice::Always,
            Color::Never => ColorChoice::Never,
        };
        let context = Context {
            root: self.root,
            style: Style {
                colour: choice.colour(terminal, |name| std::env::var_os(name)),
                width: output::terminal_width(terminal, std::env::var_os("COLUMNS")),
            },
            quiet: self.quiet,
        };
        let reads_a_claim_base = !matches!(
            self.command,
            Command::Explain(_) | Command::Schema(_) | Command::Completions(_) | Command::Man(_)
        );
        if reads_a_claim_base {
            progress::show(self.quiet);
        }
        let outcome = match self.command {
            Command::Check(args) => check::run(&context, args),
            Command::Report(args) => report::run(&context, args),
            Command::Snapshot => snapshot::run(&context),
            Command::Diff(args) => diff::run(&context, args),
            Command::Fmt(args) => fmt::run(&context, args),
            Command::Add(args) => add::run(&context, *args),
            Command::Coverage(args) => coverage::run(&context, args),
            Command::Explain(args) => explain::run(args),
            Command::Export(args) => export::run(&context, args),
            Command::Schema(args) => schema::run(args),
            Command::Completions(args) => completions::run(args),
            Command::Man(args) => man::run(args),
        };
        progress::end();
        outcome
    }
}
