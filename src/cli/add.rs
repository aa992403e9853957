//! `claimtrack add`: a claim from a quote of an archived source, or a figure, appended to the
//! record file where it belongs; `--dry-run` prints the record instead.

use super::output::{Exit, print};
use super::{Context, Error};
use claimtrack::authoring::add::{self, ClaimSpec, FigureSpec, Target};
use claimtrack::render::sanitize::multi_line;
use std::path::{Component, Path, PathBuf};

/// The arguments that only a claim takes.
const CLAIM_ONLY: [&str; 11] = [
    "source",
    "quote",
    "archive",
    "value",
    "statement",
    "speaker",
    "according_to",
    "basis",
    "as_of",
    "id",
    "accept_closest",
];

#[derive(clap::Args)]
pub struct Args {
    /// The source the quote is from (a claim), by id.
    #[arg(long, value_name = "ID", required_unless_present = "label")]
    source: Option<String>,
    /// The source's words, as its archived copy writes them; `...` stands for words left out.
    #[arg(long, value_name = "TEXT", required_unless_present = "label")]
    quote: Option<String>,
    /// The folder of archived source texts, found by their sha256, where the quote is looked up.
    #[arg(long, value_name = "DIR", required_unless_present = "label")]
    archive: Option<PathBuf>,
    /// The figure the claim measures; with `--label`, the id of a new figure to declare.
    #[arg(long, value_name = "FIG")]
    figure: Option<String>,
    /// Declare the figure `--figure` names, with this label, instead of adding a claim.
    #[arg(long, value_name = "TEXT", requires = "figure", conflicts_with_all = CLAIM_ONLY)]
    label: Option<String>,
    /// The new figure's unit: what it counts, a unit of measure ("km", "tonnes") its values are
    /// measured in, or "percent" for shares.
    #[arg(long, value_name = "UNIT", requires = "label")]
    unit: Option<String>,
    /// The value, when the quote states several figures or the grammar reads none; by default
    /// the one figure the quote states.
    #[arg(long, value_name = "VALUE")]
    value: Option<String>,
    /// A paraphrase of what the claim states.
    #[arg(long, value_name = "TEXT")]
    statement: Option<String>,
    /// Who makes the statement; by default the source's publisher.
    #[arg(long, value_name = "ID")]
    speaker: Option<String>,
    /// Reported speech: the speaker says that this party says it.
    #[arg(long, value_name = "ID")]
    according_to: Option<String>,
    /// What the figure rests on: source or claim ids, or witness, own-count, own-research,
    /// official-records (repeat it, or separate with commas).
    #[arg(long, value_name = "BASIS", value_delimiter = ',')]
    basis: Vec<String>,
    /// The date the claim speaks of, when it is not the source's.
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
    /// A note for readers of the record.
    #[arg(long, value_name = "TEXT")]
    note: Option<String>,
    /// The record's id; by default one is proposed from the source, figure and value.
    #[arg(long, value_name = "ID")]
    id: Option<String>,
    /// The record file to add to; by default the file holding the source's claims (figures: the
    /// file declaring most figures), else `claims/<source>.toml`.
    #[arg(long, value_name = "FILE")]
    to: Option<PathBuf>,
    /// Print the record and write nothing.
    #[arg(long)]
    dry_run: bool,
    /// When the quote is not in the archived copy, quote the closest passage instead of refusing.
    #[arg(long)]
    accept_closest: bool,
}

pub fn run(context: &Context, args: Args) -> Result<Exit, Error> {
    let (root, prefix) = context.locate()?;
    let (_, checked) = context.open()?;
    let checked = match context.complete(checked) {
        Ok(checked) => checked,
        Err(exit) => return Ok(exit),
    };
    let to = args
        .to
        .as_deref()
        .map(|to| in_base(&root, to))
        .transpose()?;
    let addition = match (&args.label, &args.figure) {
        (Some(label), Some(figure)) => {
            let spec = FigureSpec {
                id: figure.clone(),
                label: label.clone(),
                unit: args.unit.clone(),
                note: args.note.clone(),
            };
            let path = to.unwrap_or_else(|| add::figure_file(&checked));
            add::figure(&checked, &spec, &target(&root, path)?).map_err(shown)?
        }
        _ => {
            let spec = ClaimSpec {
                source: args.source.clone().unwrap_or_default(),
                quote: args.quote.clone().unwrap_or_default(),
                figure: args.figure.clone(),
                value: args.value.clone(),
                statement: args.statement.clone(),
                speaker: args.speaker.clone(),
                according_to: args.according_to.clone(),
                basis: args.basis.clone(),
                as_of: args.as_of.clone(),
                note: args.note.clone(),
                id: args.id.clone(),
                accept_closest: args.accept_closest,
            };
            let path = to.unwrap_or_else(|| add::claim_file(&checked, &spec.source));
            let archive = args.archive.clone().unwrap_or_default();
            add::claim(&checked, &archive, &spec, &target(&root, path)?).map_err(shown)?
        }
    };
    let shown = Path::new(&prefix)
        .join(&addition.path)
        .display()
        .to_string();
    let mut notes = String::new();
    for note in &addition.notes {
        notes.push_str(&format!("{}\n", multi_line(note)));
    }
    if args.dry_run {
        print(&addition.record)?;
        notes.push_str(&format!("would add `{}` to {shown}\n", addition.id));
    } else {
        add::write(&root, &addition)?;
        notes.push_str(&format!("added `{}` to {shown}\n", addition.id));
    }
    context.note(&notes);
    Ok(Exit::Clean)
}

/// A refusal as the terminal shows it: it quotes archived text and the user's words, which may
/// hold control characters.
fn shown(refusal: add::AddError) -> Error {
    multi_line(&refusal.to_string()).into()
}

/// The record file at `path` in the claim base, with its text when it exists. A path whose links
/// lead out of the claim base is refused.
fn target(root: &Path, path: String) -> Result<Target, Error> {
    let file = root.join(&path);
    if in_base(root, &file)? != path {
        return Err(format!("`{path}` leads out of the claim base through a link").into());
    }
    let text = match std::fs::read(&file) {
        Ok(bytes) => Some(
            String::from_utf8(bytes)
                .map_err(|_| format!("`{}` is not UTF-8: re-save it as UTF-8", file.display()))?,
        ),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => return Err(format!("cannot read `{}`: {error}", file.display()).into()),
    };
    Ok(Target { path, text })
}

/// `to` (as the user gives it, from where they stand) as a path in the claim base at `root`.
fn in_base(root: &Path, to: &Path) -> Result<String, Error> {
    let outside = || format!("`{}` is not inside the claim base", to.display());
    let root = std::fs::canonicalize(root)?;
    let cwd = std::env::current_dir()?;
    let mut absolute = PathBuf::new();
    for component in cwd.join(to).components() {
        match component {
            Component::ParentDir => {
                absolute.pop();
            }
            Component::CurDir => {}
            other => absolute.push(other),
        }
    }
    // The file and its folders may not exist yet: resolve the part that does.
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        rest.push(existing.file_name().ok_or_else(outside)?);
        existing = existing.parent().ok_or_else(outside)?;
    }
    let mut resolved = std::fs::canonicalize(existing)?;
    resolved.extend(rest.iter().rev());
    let relative = resolved.strip_prefix(&root).map_err(|_| outside())?;
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Ok(parts.join("/"))
}
