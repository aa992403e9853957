//! The `claimtrack` command line: parses arguments, calls the library, renders, and turns the
//! outcome into an exit code. Results go to stdout, problems with the invocation to stderr.

use claimtrack::finding::Code;
use claimtrack::loader::{LoadError, find_root};
use claimtrack::render;
use claimtrack::{Gate, open};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Track claims and where sources disagree: who said which figure, where, and on what basis.
///
/// claimtrack reads a claim base (a folder with `claims/` and `sources/` of TOML records), checks
/// it, and reports where figures disagree. It records and compares; it never decides the truth.
///
/// Exit codes: 0 nothing fails the gate, 1 findings fail the gate (or, with `diff --exit-code`,
/// differences were found; with `fmt --check`, files would change), 2 usage or I/O error.
#[derive(Parser)]
#[command(name = "claimtrack", version, max_term_width = 100)]
struct Cli {
    /// The claim base root; by default the current directory or its nearest ancestor holding
    /// `claims/` and `sources/`.
    #[arg(long, global = true, value_name = "DIR")]
    root: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check the claim base: data errors, uncited claims, and every other finding. The CI gate.
    Check {
        /// Output format.
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// Also fail on warnings.
        #[arg(long, value_enum, value_name = "LEVEL")]
        deny: Option<DenyLevel>,
        /// Check every quote against the archived source texts in DIR (found by sha256).
        #[arg(long, value_name = "DIR")]
        archive: Option<PathBuf>,
        /// Also print info findings (what sources say: conflicts, divergences, attributions) in
        /// the human and GitHub formats; JSON always has them, and `report` shows them.
        #[arg(long)]
        show_info: bool,
        /// Fail only on findings that the claim base at REV (a git revision or a folder) did not
        /// have; the ones it had are listed as known.
        #[arg(long, value_name = "REV")]
        baseline: Option<String>,
    },
    /// Print the canonical snapshot: the resolved claim base, one fact a line, in id order.
    Snapshot,
    /// Show what changed between two states of the claim base, in claim terms.
    Diff {
        /// The old state: a git revision (`HEAD~1`, a branch) or a claim base folder.
        old: String,
        /// The new state; by default the working tree.
        new: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
        /// Exit with 1 when there are differences, as `git diff --exit-code`.
        #[arg(long)]
        exit_code: bool,
    },
    /// The consistency report: every figure with every value, who states it, on what basis, and
    /// where sources disagree.
    Report {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
        format: ReportFormat,
        /// Only this figure (its id).
        #[arg(long, value_name = "ID")]
        figure: Option<String>,
    },
    /// Rewrite record files in the canonical style of docs/format.md, keeping every comment.
    Fmt {
        /// Write nothing: list the files that would change, and exit with 1 if there are any.
        #[arg(long)]
        check: bool,
        /// Put the tables of each kind in id order instead of the order they stand in.
        #[arg(long)]
        sort: bool,
        /// The files to format; by default every record file of the claim base.
        files: Vec<PathBuf>,
    },
    /// Explain what a finding code means and how to fix it.
    Explain {
        /// The code, e.g. `uncited-claim`.
        #[arg(required_unless_present = "list")]
        code: Option<String>,
        /// List every code with its default severity.
        #[arg(long)]
        list: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    /// rustc-style diagnostics
    Human,
    /// one JSON object with every finding
    Json,
    /// GitHub Actions workflow commands
    Github,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    /// tables for a terminal
    Table,
    /// GitHub-flavoured markdown, for a pull-request comment
    Markdown,
    /// the JSON contract of docs/json.md
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum DiffFormat {
    /// plain text
    Text,
    /// GitHub-flavoured markdown, for a pull-request comment
    Markdown,
    /// JSON
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum DenyLevel {
    /// fail on warnings as well as errors
    Warnings,
}

/// The documented exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Exit {
    Clean = 0,
    GateFailed = 1,
    UsageOrIo = 2,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        ExitCode::from(exit as u8)
    }
}

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
    match run(cli) {
        Ok(exit) => exit.into(),
        Err(error) => {
            eprintln!("error: {error:#}");
            Exit::UsageOrIo.into()
        }
    }
}

fn run(cli: Cli) -> Result<Exit, Box<dyn std::error::Error>> {
    match cli.command {
        Command::Check {
            format,
            deny,
            archive,
            baseline,
            show_info,
        } => {
            let (root, mut checked) = open_located(cli.root.as_deref())?;
            if let Some(dir) = &archive {
                checked.check_archive(dir)?;
            }
            let gate = Gate {
                deny_warnings: deny.is_some(),
            };
            let mut known_note = String::new();
            if let Some(revision) = &baseline {
                let old = open_state(&root, revision)?;
                let known = claimtrack::baseline::known(&checked.findings, &old.findings);
                let mut findings = Vec::new();
                for (finding, known) in checked.findings.drain(..).zip(known) {
                    if known && gate.fails(&finding) {
                        known_note.push_str(&format!(
                            "known: {} {}: {}\n",
                            finding.severity, finding.code, finding.message
                        ));
                    } else {
                        findings.push(finding);
                    }
                }
                checked.findings = findings;
                if !known_note.is_empty() {
                    eprint!(
                        "findings already present at {revision} do not fail the gate:\n{known_note}"
                    );
                }
            }
            let failed = checked.findings.iter().filter(|f| gate.fails(f)).count();
            let files = &checked.base.files;
            // Info findings describe the sources, not the records: a CI log shows them on request.
            let shown: Vec<_> = checked
                .findings
                .iter()
                .filter(|f| show_info || f.severity != claimtrack::finding::Severity::Info)
                .cloned()
                .collect();
            let output = match format {
                CheckFormat::Human => {
                    let colour = render::use_colour(std::io::stdout().is_terminal());
                    let mut text = render::diagnostics::render(files, &shown, colour);
                    text.push_str(&render::diagnostics::summary(&checked.findings, failed));
                    text.push('\n');
                    text
                }
                CheckFormat::Json => render::json::render_check(files, &checked.findings, failed),
                CheckFormat::Github => render::github::render(files, &shown),
            };
            print(&output)?;
            // The process ends next: freeing a large claim base piece by piece only costs time.
            std::mem::forget(shown);
            std::mem::forget(checked);
            Ok(if failed > 0 {
                Exit::GateFailed
            } else {
                Exit::Clean
            })
        }
        Command::Report { format, figure } => {
            let (_, checked) = open_located(cli.root.as_deref())?;
            if let Some(id) = &figure
                && checked.base.figure_by_id(id).is_none()
            {
                let known = checked.base.figures.iter().map(|f| f.id.as_str());
                let hint = claimtrack::finding::did_you_mean(id, known)
                    .map(|s| format!(" (did you mean `{s}`?)"))
                    .unwrap_or_default();
                eprintln!("error: no figure `{id}` in the claim base{hint}");
                return Ok(Exit::UsageOrIo);
            }
            let figure = figure.as_deref();
            let output = match format {
                ReportFormat::Json => render::json::render_report(&checked, figure),
                ReportFormat::Table | ReportFormat::Markdown => {
                    let report = claimtrack::report::build(&checked, figure);
                    let findings: Vec<_> = checked.findings_about(figure).cloned().collect();
                    let files = &checked.base.files;
                    if matches!(format, ReportFormat::Markdown) {
                        render::markdown::render(&report, files, &findings)
                    } else {
                        let terminal = std::io::stdout().is_terminal();
                        let style = render::table::Style {
                            colour: render::use_colour(terminal),
                            width: terminal.then(terminal_width).flatten(),
                        };
                        render::table::render(&report, files, &findings, &style)
                    }
                }
            };
            print(&output)?;
            Ok(Exit::Clean)
        }
        Command::Snapshot => {
            let (_, checked) = open_located(cli.root.as_deref())?;
            print(&claimtrack::snapshot::render(&checked))?;
            Ok(Exit::Clean)
        }
        Command::Diff {
            old,
            new,
            format,
            exit_code,
        } => {
            let (root, _) = locate(cli.root.as_deref())?;
            let old = open_state(&root, &old)?;
            let new = match &new {
                Some(new) => open_state(&root, new)?,
                None => open(&root)?,
            };
            let diff = claimtrack::diff::diff(&old, &new);
            let output = match format {
                DiffFormat::Text => render::diff::text(&diff),
                DiffFormat::Markdown => render::diff::markdown(&diff),
                DiffFormat::Json => serde_json::to_string_pretty(&diff)? + "\n",
            };
            print(&output)?;
            Ok(if exit_code && !diff.is_empty() {
                Exit::GateFailed
            } else {
                Exit::Clean
            })
        }
        Command::Fmt { check, sort, files } => {
            use claimtrack::authoring::fmt;
            let files = if files.is_empty() {
                let (root, prefix) = locate(cli.root.as_deref())?;
                fmt::base_files(&root, &prefix)?
            } else {
                files
            };
            let mode = if check {
                fmt::Mode::Check
            } else {
                fmt::Mode::Write
            };
            let (mut changed, mut failed) = (String::new(), false);
            for outcome in fmt::format_files(&files, fmt::Options { sort }, mode) {
                match outcome.changed {
                    Ok(true) => changed.push_str(&format!("{}\n", outcome.path.display())),
                    Ok(false) => {}
                    Err(error) => {
                        eprintln!("error: {error}");
                        failed = true;
                    }
                }
            }
            print(&changed)?;
            Ok(if failed {
                Exit::UsageOrIo
            } else if check && !changed.is_empty() {
                Exit::GateFailed
            } else {
                Exit::Clean
            })
        }
        Command::Explain { code, list } => {
            if list {
                let mut out = String::new();
                for code in Code::ALL {
                    out.push_str(&format!(
                        "{:<24} {:<8} {}\n",
                        code.name(),
                        code.default_severity(),
                        code.summary()
                    ));
                }
                print(&out)?;
                return Ok(Exit::Clean);
            }
            let name = code.unwrap_or_default();
            match Code::from_name(&name) {
                Some(code) => {
                    print(&format!(
                        "{} ({} by default): {}\n\n{}\n",
                        code.name(),
                        code.default_severity(),
                        code.summary(),
                        code.explanation()
                    ))?;
                    Ok(Exit::Clean)
                }
                None => {
                    let suggestion = claimtrack::finding::did_you_mean(
                        &name,
                        Code::ALL.iter().map(|c| c.name()),
                    )
                    .map(|s| format!(" (did you mean `{s}`?)"))
                    .unwrap_or_default();
                    eprintln!(
                        "error: unknown code `{name}`{suggestion}; `claimtrack explain --list` lists them"
                    );
                    Ok(Exit::UsageOrIo)
                }
            }
        }
    }
}

/// The claim base the user points at (or stands in), checked, its paths shown from where they stand.
fn open_located(root: Option<&Path>) -> Result<(PathBuf, claimtrack::Checked), LoadError> {
    let (root, prefix) = locate(root)?;
    let mut checked = open(&root)?;
    checked.base.files.set_display_prefix(&prefix);
    Ok((root, checked))
}

/// A state of the claim base: a folder holding one, or a git revision of the one at `root`.
fn open_state(root: &Path, state: &str) -> Result<claimtrack::Checked, Box<dyn std::error::Error>> {
    let folder = Path::new(state);
    if folder.is_dir() {
        return Ok(open(folder)?);
    }
    let (inputs, config) = claimtrack::git::read_revision(root, state)?;
    Ok(claimtrack::open_inputs(root, inputs, config))
}

fn terminal_width() -> Option<u16> {
    comfy_table::Table::new().width()
}

/// The claim base root, and the prefix that shows its files relative to the current directory.
fn locate(root: Option<&Path>) -> Result<(PathBuf, String), LoadError> {
    match root {
        Some(root) => {
            if !root.exists() {
                return Err(LoadError::RootMissing(root.to_path_buf()));
            }
            Ok((root.to_path_buf(), root.to_string_lossy().into_owned()))
        }
        None => {
            let cwd = std::env::current_dir().map_err(|source| LoadError::ReadDir {
                path: PathBuf::from("."),
                source,
            })?;
            let root = find_root(&cwd)?;
            let depth = cwd
                .strip_prefix(&root)
                .map_or(0, |rest| rest.components().count());
            Ok((root, "../".repeat(depth)))
        }
    }
}

/// Write results to stdout; a closed pipe (`claimtrack report | head`) is not an error.
fn print(text: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
