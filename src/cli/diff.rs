//! `claimtrack diff`: what changed between two states of the claim base, in claim terms.

use super::output::{Exit, print};
use super::{Context, Error};
use claimtrack::render::diff as render;
use clap::ValueEnum;

#[derive(clap::Args)]
pub struct Args {
    /// The old state: a git revision (`HEAD~1`, a branch) or a claim base folder.
    old: String,
    /// The new state; by default the working tree.
    new: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Exit with 1 when there are differences, as `git diff --exit-code`.
    #[arg(long)]
    exit_code: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// plain text
    Text,
    /// GitHub-flavoured markdown, for a pull-request comment
    Markdown,
    /// JSON
    Json,
}

pub fn run(context: &Context, args: Args) -> Result<Exit, Error> {
    let (root, _) = context.locate()?;
    let (old, new) = claimtrack::open_two(&root, Some(&args.old), args.new.as_deref());
    let (old, new) = match (context.complete(old?), context.complete(new?)) {
        (Ok(old), Ok(new)) => (old, new),
        (Err(exit), _) | (_, Err(exit)) => return Ok(exit),
    };
    claimtrack::progress::enter(claimtrack::progress::Step::Comparing);
    let (old_view, new_view) = rayon::join(
        || claimtrack::view::build_facts(&old),
        || claimtrack::view::build_facts(&new),
    );
    let diff = claimtrack::view::diff::diff(&old_view, &new_view);
    let output = match args.format {
        Format::Text => render::text(&diff, &context.style),
        Format::Markdown => render::markdown(&diff, &context.style),
        Format::Json => render::json(&diff, &context.style),
    };
    let differs = !diff.is_empty();
    // Freeing the diff, the views and the claim bases they show would only delay the exit.
    std::mem::forget(diff);
    std::mem::forget((old_view, new_view));
    std::mem::forget((old, new));
    print(&output)?;
    Ok(if args.exit_code && differs {
        Exit::GateFailed
    } else {
        Exit::Clean
    })
}
