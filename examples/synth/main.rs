//! Synthetic claim bases for benchmarks and stress tests.
//!
//! ```text
//! cargo run --release --example synth -- --claims 10000 --out /tmp/base [--seed 1] [--per-file 200] [--force]
//!     [--shape normal|wire-agency|deleted-sources|one-figure|long-chain|chained-affiliations|many-aliases|many-figures|running-toll]
//! ```
//!
//! Writes `OUT/claims/part-NNNNN.toml` (figures and claims) and `OUT/sources/part-NNNNN.toml`
//! (speakers and sources), about `--per-file` claims (or sources) per file, with N claims,
//! about N/10 sources, N/20 speakers and N/50 figures. Values use every form of the value grammar,
//! and each quote contains its value's number (as digits or the same words), so the base passes
//! `claimtrack check` with info findings only (conflicts, divergences, unsupported assertions,
//! unverified attributions, single origins). The output is a pure function of the arguments.
//! `--shape` bends that base into one that stresses one part of claimtrack (see `shape.rs`).
//!
//! Without `--force`, an OUT that already holds `claims/` or `sources/` is refused; with it, those
//! two folders (and nothing else) are removed first. `OUT/.synth-stamp` records the arguments.

mod claims;
mod records;
mod rng;
mod shape;
mod values;
mod words;
mod world;

use clap::Parser;
use rng::Rng;
use shape::Shape;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use world::World;

/// Bump when the generated text changes, so cached bases are regenerated.
const GENERATOR_VERSION: u32 = 3;

/// Write a synthetic claim base for benchmarks and stress tests.
#[derive(Parser)]
#[command(name = "synth")]
struct Args {
    /// Number of claims
    #[arg(short = 'n', long, value_parser = whole_number)]
    claims: u64,
    /// Folder to write `claims/` and `sources/` into
    #[arg(short = 'o', long)]
    out: PathBuf,
    /// Seed of the random draws: the same arguments always write the same base
    #[arg(long, default_value = "1", value_parser = whole_number)]
    seed: u64,
    /// Claims (or sources) per file
    #[arg(long, default_value = "200", value_parser = at_least_one)]
    per_file: u64,
    /// Replace `claims/` and `sources/` if OUT already holds them
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    shape: shape::ShapeArgs,
}

/// A whole number, `_` allowed between digits (`100_000`).
fn whole_number(text: &str) -> Result<u64, String> {
    text.replace('_', "")
        .parse()
        .map_err(|_| format!("`{text}` is not a whole number"))
}

fn at_least_one(text: &str) -> Result<u64, String> {
    match whole_number(text)? {
        0 => Err("must be at least 1".to_string()),
        n => Ok(n),
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
    }
}

fn write_file(path: &Path, text: &str) -> io::Result<()> {
    let mut file = BufWriter::new(fs::File::create(path)?);
    file.write_all(text.as_bytes())?;
    file.flush()
}

/// Empty `dir` for a new base: refused without `--force` when it already exists.
fn prepare(dir: &Path, force: bool) -> Result<(), String> {
    if dir.exists() {
        if !force {
            return Err(format!(
                "`{}` already exists; pass --force to replace claims/ and sources/",
                dir.display()
            ));
        }
        fs::remove_dir_all(dir).map_err(|e| format!("cannot remove `{}`: {e}", dir.display()))?;
    }
    fs::create_dir_all(dir).map_err(|e| format!("cannot create `{}`: {e}", dir.display()))
}

fn run(args: &Args) -> Result<(), String> {
    let out = &args.out;
    let claims_dir = out.join("claims");
    let sources_dir = out.join("sources");
    prepare(&claims_dir, args.force)?;
    prepare(&sources_dir, args.force)?;
    let n = usize::try_from(args.claims.max(1)).map_err(|_| "--claims is too large")?;
    let per_file = usize::try_from(args.per_file).map_err(|_| "--per-file is too large")?;
    let vague = values::VagueWords::from_grammar()?;
    let plan = args.shape.plan(n)?;

    let mut rng = Rng::new(args.seed);
    let mut speaker_rng = rng.fork(1);
    let mut source_rng = rng.fork(2);
    let mut figure_rng = rng.fork(3);
    let mut claim_rng = rng.fork(4);
    let mut shape_rng = rng.fork(5);

    let speakers = world::make_speakers(&mut speaker_rng, 0, (n / 20).max(3));
    let sources = world::make_sources(&mut source_rng, (n / 10).max(speakers.len()), &speakers);
    let figure_count = plan.figure_count((n / 50).max(2));
    let figures = world::make_figures(&mut figure_rng, figure_count, &speakers);
    let mut world = World {
        speakers,
        sources,
        figures,
    };
    let twist = plan.shape_world(&mut world, &mut shape_rng);

    let header = format!(
        "# Synthetic claim base: examples/synth.rs v{GENERATOR_VERSION}, --claims {} --seed {}{}\n\n",
        args.claims,
        args.seed,
        plan.describe()
    );
    let toml_error = |e: toml::ser::Error| format!("cannot write a record as TOML: {e}");
    let mut files = 0usize;
    let mut bytes = 0usize;
    let mut write_part = |dir: &Path, part: usize, text: &str| {
        let path = dir.join(format!("part-{:05}.toml", part + 1));
        // Each record ends in a blank line; the file ends in one line break, as `fmt` leaves it.
        let text = format!("{}\n", text.trim_end_matches('\n'));
        files += 1;
        bytes += text.len();
        write_file(&path, &text).map_err(|e| format!("cannot write `{}`: {e}", path.display()))
    };

    // sources/: sources in runs of `per_file`, speakers spread evenly over the same files.
    let source_parts = world.sources.len().div_ceil(per_file);
    let missing_parts = match plan.shape {
        Shape::DeletedSources if plan.missing_files > source_parts => {
            return Err(format!(
                "--missing-files {} exceeds the {source_parts} sources files",
                plan.missing_files
            ));
        }
        Shape::DeletedSources => plan.missing_files,
        _ => 0,
    };
    for part in 0..source_parts {
        let mut text = header.clone();
        let speaker_range = world.speakers.len() * part / source_parts
            ..world.speakers.len() * (part + 1) / source_parts;
        for s in &world.speakers[speaker_range] {
            records::write_speaker(&mut text, s, &world.speakers).map_err(toml_error)?;
        }
        let end = ((part + 1) * per_file).min(world.sources.len());
        for s in &world.sources[part * per_file..end] {
            records::write_source(&mut text, s, &world.speakers).map_err(toml_error)?;
        }
        if part >= missing_parts {
            write_part(&sources_dir, part, &text)?;
        }
    }

    // claims/: claims in runs of `per_file`, figures spread evenly over the same files.
    let claim_parts = n.div_ceil(per_file);
    for part in 0..claim_parts {
        let mut text = header.clone();
        let figure_range = world.figures.len() * part / claim_parts
            ..world.figures.len() * (part + 1) / claim_parts;
        for f in &world.figures[figure_range] {
            records::write_figure(&mut text, f, &world.speakers).map_err(toml_error)?;
        }
        for i in part * per_file..((part + 1) * per_file).min(n) {
            claims::write_claim(&mut text, &mut claim_rng, i, &world, &vague, &twist)
                .map_err(toml_error)?;
        }
        write_part(&claims_dir, part, &text)?;
    }

    let stamp = format!(
        "version={GENERATOR_VERSION} claims={} seed={} per_file={}{}\n",
        args.claims,
        args.seed,
        args.per_file,
        plan.describe()
    );
    fs::write(out.join(".synth-stamp"), stamp).map_err(|e| format!("cannot write stamp: {e}"))?;
    eprintln!(
        "wrote {} claims, {} figures, {} sources, {} speakers in {files} files ({:.1} MB) to {}",
        n,
        world.figures.len(),
        world.sources.len(),
        world.speakers.len(),
        bytes as f64 / 1e6,
        out.display()
    );
    Ok(())
}
