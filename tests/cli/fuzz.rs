//! Mutated record files never crash claimtrack: valid files from the fixtures and the shipped base
//! get bytes flipped, are cut short, or have lines swapped, and every output is built from them.
//! Each run must end, and every finding must point at a real place in a file it read; the binary
//! itself exits with 0, 1 or 2 only.

use crate::support::{fixture, manifest_dir};
use claimtrack::input::loader::FileInput;
use claimtrack::render::{self, Style};
use proptest::prelude::*;
use std::path::Path;

/// The record files mutated: small fixtures of different record kinds, and one shipped file.
fn seeds() -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for (root, name) in [
        (fixture("figure-divergence"), "claims/claims.toml"),
        (fixture("figure-divergence"), "sources/speakers.toml"),
        (fixture("varying-figure-same-year"), "claims/claims.toml"),
        (fixture("attribution-contradicted"), "claims/claims.toml"),
        (manifest_dir(), "claims/doc002.toml"),
    ] {
        files.push((name.to_string(), std::fs::read(root.join(name)).unwrap()));
    }
    files
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip { at: usize, byte: u8 },
    Truncate { at: usize },
    SwapLines { a: usize, b: usize },
    Insert { at: usize, text: &'static str },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let fragment = prop::sample::select(vec![
        "\"",
        "[[",
        "]]",
        "=",
        "\n",
        "\\u",
        "#",
        "'''",
        "\u{feff}",
        "\u{0}",
        "é",
        "[",
        "{",
        ",",
        "value = ",
        "id = \"x\"\n",
        "\"at least\"",
        "99999999999999999999",
        "-",
    ]);
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Flip { at, byte }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines { a, b }),
        (any::<usize>(), fragment).prop_map(|(at, text)| Mutation::Insert { at, text }),
    ]
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let len = bytes.len().max(1);
    match *mutation {
        Mutation::Flip { at, byte } => {
            if !bytes.is_empty() {
                bytes[at % len] ^= byte;
            }
        }
        Mutation::Truncate { at } => bytes.truncate(at % len),
        Mutation::SwapLines { a, b } => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let mut lines: Vec<&str> = text.split('\n').collect();
            let n = lines.len();
            lines.swap(a % n, b % n);
            *bytes = lines.join("\n").into_bytes();
        }
        Mutation::Insert { at, text } => {
            let at = at % len;
            bytes.splice(at..at, text.bytes());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]

    #[test]
    fn mutated_records_never_crash_and_every_finding_has_a_place(
        seed in 0usize..5,
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let (path, mut bytes) = seeds().swap_remove(seed);
        for mutation in &mutations {
            apply(&mut bytes, mutation);
        }
        let inputs = vec![FileInput { path, content: Ok(bytes) }];
        let checked = claimtrack::open_inputs(Path::new("."), inputs, None);
        for finding in &checked.findings {
            let file = checked.base.files.get(finding.location.file);
            prop_assert!(finding.location.span().start <= file.text.len(), "{finding:?}");
            prop_assert!(!finding.message.is_empty());
        }
        let report = claimtrack::view::build(&checked, None);
        let style = Style::default();
        render::table::render(&report, &style);
        render::markdown::render(&report, &style);
        render::json::render(&report, &style);
        render::snapshot::render(&report);
        let view = claimtrack::view::check::CheckView::new(
            &checked,
            claimtrack::Gate { deny_warnings: true },
            None,
            true,
        );
        render::diagnostics::render(&view, &style);
        render::github::render(&view, &style);
        render::short::render(&view, &style);
        render::json::render_check(&view, &style);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// The same mutations through the binary: only the documented exit codes, never a panic.
    #[test]
    fn the_binary_exits_with_a_documented_code(
        seed in 0usize..5,
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let (path, mut bytes) = seeds().swap_remove(seed);
        for mutation in &mutations {
            apply(&mut bytes, mutation);
        }
        let dir = tempfile::TempDir::new().unwrap();
        for folder in ["claims", "sources"] {
            std::fs::create_dir_all(dir.path().join(folder)).unwrap();
        }
        std::fs::write(dir.path().join(path), bytes).unwrap();
        for args in [&["check"][..], &["report"], &["snapshot"]] {
            let run = crate::support::run_in(dir.path(), args);
            prop_assert!((0..=2).contains(&run.code), "{args:?} exited {}: {}", run.code, run.stderr);
            prop_assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
        }
    }
}
