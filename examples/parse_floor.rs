//! The parse floor: how long the `toml` crate alone takes to parse every record file of a claim
//! base, the time no loader built on it can beat.
//!
//! ```text
//! cargo run --release --example parse_floor -- DIR [--runs R]
//! ```
//!
//! Reads every `*.toml` below `DIR/claims` and `DIR/sources` into memory (timed apart), then parses
//! each with `toml::from_str::<toml::Table>`, once on one thread and once in parallel with rayon,
//! and, for reference, with `toml::de::DeTable::parse` (the spanned parser the loader uses).
//! Each is run R times (default 3) and the median is printed, first for people, then as one
//! `key=value` line for scripts.

use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "toml") && path.is_file() {
            out.push(path);
        } else if path.is_dir() {
            collect(&path, out)?;
        }
    }
    Ok(())
}

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn timed(runs: usize, mut work: impl FnMut() -> usize) -> (f64, usize) {
    let mut times = Vec::with_capacity(runs);
    let mut result = 0;
    for _ in 0..runs {
        let start = Instant::now();
        result = std::hint::black_box(work());
        times.push(start.elapsed().as_secs_f64());
    }
    (median(times), result)
}

fn main() {
    let mut root = None;
    let mut runs = 3usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => {
                runs = args
                    .next()
                    .and_then(|r| r.parse().ok())
                    .filter(|&r| r > 0)
                    .expect("--runs needs a positive number")
            }
            _ if root.is_none() => root = Some(PathBuf::from(arg)),
            other => panic!("unexpected argument `{other}`; usage: parse_floor DIR [--runs R]"),
        }
    }
    let root = root.expect("usage: parse_floor DIR [--runs R]");

    let start = Instant::now();
    let mut paths = Vec::new();
    for folder in ["sources", "claims"] {
        let dir = root.join(folder);
        if dir.is_dir() {
            collect(&dir, &mut paths).expect("cannot list the claim base");
        }
    }
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("cannot read a record file"))
        .collect();
    let read_s = start.elapsed().as_secs_f64();
    let bytes: usize = texts.iter().map(String::len).sum();

    let parse = |text: &String| -> usize {
        let table: toml::Table = toml::from_str(text).expect("invalid TOML");
        table
            .values()
            .map(|v| v.as_array().map_or(1, Vec::len))
            .sum::<usize>()
    };
    let (serial_s, records) = timed(runs, || texts.iter().map(parse).sum());
    let (parallel_s, _) = timed(runs, || texts.par_iter().map(parse).sum());
    let (detable_s, _) = timed(runs, || {
        texts
            .iter()
            .map(|text| {
                let table = toml::de::DeTable::parse(text).expect("invalid TOML");
                table.get_ref().len()
            })
            .sum()
    });

    println!(
        "{} files, {:.1} MB, {records} records; median of {runs} runs",
        paths.len(),
        bytes as f64 / 1e6
    );
    println!("  read files (once)           {read_s:8.3} s");
    println!("  toml::Table, 1 thread       {serial_s:8.3} s");
    println!(
        "  toml::Table, rayon ({} thr) {parallel_s:8.3} s",
        rayon::current_num_threads()
    );
    println!("  DeTable (spanned), 1 thread {detable_s:8.3} s");
    println!(
        "FLOOR files={} bytes={bytes} records={records} read_s={read_s:.4} serial_s={serial_s:.4} parallel_s={parallel_s:.4} detable_s={detable_s:.4} threads={}",
        paths.len(),
        rayon::current_num_threads()
    );
}
