//! Every finding code has a fixture that raises it, asserted at its file, line and column in
//! `check --format json`; the figure findings also have a passing twin that does not raise it.

use crate::support::{check_json, fixture, run_in, temp_copy, with_code};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// A claim base a case runs on: a committed fixture, or one a test writes to a temporary directory
/// because its bad input cannot be committed as it is.
pub enum Base {
    Committed(PathBuf),
    Made(TempDir),
}

impl Base {
    pub fn path(&self) -> &Path {
        match self {
            Base::Committed(path) => path,
            Base::Made(dir) => dir.path(),
        }
    }
}

fn committed(name: &str) -> Base {
    Base::Committed(fixture(name))
}

/// A clean fixture copied to a temporary directory, with `claims/latin1.toml` holding a Latin-1 `é`
/// on line 2, column 10.
pub fn not_utf8() -> Base {
    let dir = temp_copy(&fixture("value-not-in-quote-passing"));
    std::fs::write(
        dir.path().join("claims/latin1.toml"),
        b"[[figure]]\nid = \"caf\xe9\"\nlabel = \"Latin-1\"\n",
    )
    .unwrap();
    Base::Made(dir)
}

/// A clean fixture copied to a temporary directory, with a directory named `claims/x.toml`.
pub fn directory_named_toml() -> Base {
    let dir = temp_copy(&fixture("value-not-in-quote-passing"));
    std::fs::create_dir(dir.path().join("claims/x.toml")).unwrap();
    Base::Made(dir)
}

/// A clean fixture copied to a temporary directory, with `claims/claims.toml.txt`: a copy of its
/// claims under a name that is not read.
pub fn look_alike() -> Base {
    let dir = temp_copy(&fixture("value-not-in-quote-passing"));
    let claims = dir.path().join("claims");
    std::fs::copy(claims.join("claims.toml"), claims.join("claims.toml.txt")).unwrap();
    Base::Made(dir)
}

/// The `value-not-in-quote` fixture with a UTF-8 byte-order mark before `claims/claims.toml`.
pub fn byte_order_mark() -> Base {
    let dir = temp_copy(&fixture("value-not-in-quote"));
    let path = dir.path().join("claims/claims.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("\u{feff}{text}")).unwrap();
    Base::Made(dir)
}

/// Run `check --format json` on the base and assert a finding `code` at `file:line:column`; the
/// exit code must follow the severities found (1 when an error is among them).
fn assert_raises(base: Base, code: &str, file: &str, line: u64, column: u64) {
    let (exit, findings) = check_json(base.path());
    let found = with_code(&findings, code);
    assert!(
        found
            .iter()
            .any(|f| f.file == file && f.line == line && f.column == column),
        "expected {code} at {file}:{line}:{column}, found {found:#?}\nall findings: {findings:#?}"
    );
    let errors = findings.iter().any(|f| f.severity == "error");
    assert_eq!(exit, i32::from(errors), "exit code for {findings:#?}");
}

macro_rules! finding_cases {
    ($($test:ident: $code:literal in $base:expr => $file:literal : $line:literal : $column:literal;)*) => {
        /// The codes these cases raise: the one list the coverage test compares with
        /// `claimtrack explain --list`.
        pub const COVERED: &[&str] = &[$($code),*];
        $(
            #[test]
            fn $test() {
                assert_raises($base, $code, $file, $line, $column);
            }
        )*
    };
}

finding_cases! {
    toml_syntax: "toml-syntax" in committed("bad-toml-syntax") => "claims/claims.toml":9:15;
    unreadable_file_not_utf8: "unreadable-file" in not_utf8() => "claims/latin1.toml":2:10;
    unreadable_file_directory: "unreadable-file" in directory_named_toml() => "claims/x.toml":1:1;
    byte_order_mark_warns: "byte-order-mark" in byte_order_mark() => "claims/claims.toml":1:1;
    empty_file: "empty-file" in committed("empty-file") => "claims/empty.toml":1:1;
    ignored_file: "ignored-file" in look_alike() => "claims/claims.toml.txt":1:1;
    unknown_table: "unknown-table" in committed("unknown-table-claims") => "claims/claims.toml":6:3;
    unknown_field: "unknown-field" in committed("unknown-field-sorce") => "claims/claims.toml":11:1;
    invalid_field: "invalid-field" in committed("value-true") => "claims/claims.toml":9:9;
    invalid_id: "invalid-id" in committed("id-with-space") => "claims/claims.toml":7:6;
    invalid_date: "invalid-date" in committed("date-month-13") => "sources/sources.toml":11:13;
    duplicate_id_in_one_file: "duplicate-id" in committed("duplicate-ids") => "claims/claims.toml":11:6;
    duplicate_id_across_files: "duplicate-id" in committed("duplicate-ids") => "claims/figures.toml":8:6;
    case_variant_id: "case-variant-id" in committed("case-variant-id") => "sources/sources.toml":8:6;
    possible_duplicate_speaker_by_alias: "possible-duplicate-speaker" in committed("possible-duplicate-speaker") => "sources/wire.toml":4:6;
    possible_duplicate_speaker_named_as_an_alias: "possible-duplicate-speaker" in committed("possible-duplicate-speaker") => "sources/wire.toml":10:6;
    possible_duplicate_speaker_near_identical: "possible-duplicate-speaker" in committed("possible-duplicate-speaker") => "sources/wire.toml":15:6;
    possible_duplicate_source_by_hash: "possible-duplicate-source" in committed("possible-duplicate-source") => "sources/toll-followup.toml":9:10;
    possible_duplicate_source_by_url: "possible-duplicate-source" in committed("possible-duplicate-source") => "sources/toll-followup.toml":12:6;
    unknown_reference_speaker: "unknown-reference" in committed("unknown-reference") => "claims/claims.toml":10:11;
    unknown_reference_source: "unknown-reference" in committed("unknown-reference") => "claims/claims.toml":20:10;
    undeclared_figure: "undeclared-figure" in committed("undeclared-figure") => "claims/claims.toml":8:10;
    missing_value_of_figure: "missing-value" in committed("missing-value") => "claims/claims.toml":7:6;
    missing_figure_of_value: "missing-value" in committed("missing-value") => "claims/claims.toml":16:9;
    uncited_claim_without_source: "uncited-claim" in committed("uncited-claim") => "claims/claims.toml":7:6;
    uncited_claim_without_quote: "uncited-claim" in committed("uncited-claim") => "claims/claims.toml":14:6;
    unused_source: "unused-source" in committed("unused-source-and-speaker") => "sources/sources.toml":19:6;
    unused_speaker: "unused-speaker" in committed("unused-source-and-speaker") => "sources/sources.toml":7:6;
    invalid_config: "invalid-config" in committed("invalid-config") => "claimtrack.toml":3:1;
    unreadable_value: "unreadable-value" in committed("unreadable-value") => "claims/claims.toml":9:10;
    value_not_in_quote: "value-not-in-quote" in committed("value-not-in-quote") => "claims/claims.toml":9:9;
    value_reading_differs: "value-reading-differs" in committed("value-reading-differs") => "claims/claims.toml":9:9;
    basis_cycle: "basis-cycle" in committed("basis-cycle") => "claims/claims.toml":9:6;
    implausible_date_after_source: "implausible-date" in committed("implausible-date") => "claims/claims.toml":14:9;
    implausible_date_year_zero: "implausible-date" in committed("implausible-date") => "sources/sources.toml":19:13;
    figure_conflict_bounds: "figure-conflict" in committed("figure-conflict-bounds") => "claims/claims.toml":9:9;
    figure_conflict_exact: "figure-conflict" in committed("figure-conflict-exact") => "claims/claims.toml":9:9;
    figure_conflict_labels: "figure-conflict" in committed("label-values-different") => "claims/claims.toml":18:9;
    figure_conflict_varying_same_year: "figure-conflict" in committed("varying-figure-same-year") => "claims/claims.toml":14:9;
    figure_divergence: "figure-divergence" in committed("figure-divergence") => "claims/claims.toml":22:9;
    unsupported_assertion: "unsupported-assertion" in committed("unsupported-assertion") => "claims/claims.toml":9:9;
    attribution_unverified: "attribution-unverified" in committed("attribution-unverified") => "claims/claims.toml":9:9;
    attribution_contradicted: "attribution-contradicted" in committed("attribution-contradicted") => "claims/claims.toml":9:9;
    single_origin: "single-origin" in committed("single-origin") => "claims/claims.toml":4:9;
    supersedes_another_origin: "invalid-supersession" in committed("supersedes-other-origin") => "claims/claims.toml":23:15;
    supersedes_in_a_loop: "invalid-supersession" in committed("supersedes-cycle") => "claims/claims.toml":14:15;
    supersedes_unknown_claim: "unknown-reference" in committed("revision-and-dispute-unknown") => "claims/claims.toml":14:15;
    disputes_unknown_claim: "unknown-reference" in committed("revision-and-dispute-unknown") => "claims/claims.toml":23:13;
    figure_part_cycle: "figure-part-cycle" in committed("part-of-cycle") => "claims/claims.toml":8:6;
    figure_part_exceeds_whole: "figure-part-exceeds-whole" in committed("figure-part-exceeds-whole") => "claims/claims.toml":24:9;
    affiliation_without_dates: "invalid-field" in committed("affiliation-dates") => "sources/sources.toml":15:17;
    affiliation_with_a_bad_date: "invalid-date" in committed("affiliation-dates") => "sources/sources.toml":15:64;
}

/// Codes another test suite covers: they need an archive of source texts.
const ARCHIVE_CODES: &[&str] = &[
    "quote-not-found",
    "locator-mismatch",
    "archive-missing-source",
    "archive-hash-mismatch",
    "archive-empty",
];

#[test]
fn every_code_has_a_fixture_that_raises_it() {
    let run = run_in(&fixture("figure-divergence"), &["explain", "--list"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let listed: Vec<&str> = run
        .stdout
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    assert!(listed.len() > 20, "explain --list lists codes: {listed:?}");
    let missing: Vec<&&str> = listed
        .iter()
        .filter(|code| !ARCHIVE_CODES.contains(code) && !COVERED.contains(code))
        .collect();
    assert!(missing.is_empty(), "codes no fixture raises: {missing:?}");
    let unknown: Vec<&&str> = COVERED
        .iter()
        .filter(|code| !listed.contains(code))
        .collect();
    assert!(
        unknown.is_empty(),
        "covered codes explain does not list: {unknown:?}"
    );
    for code in ARCHIVE_CODES {
        assert!(listed.contains(code), "`{code}` is no longer a code");
    }
}

/// Each figure finding's fixture has a twin that differs in the one thing that raises it.
#[test]
fn passing_twins_do_not_raise_the_finding() {
    let twins = [
        ("figure-conflict-bounds-passing", "figure-conflict"),
        ("figure-conflict-exact-passing", "figure-conflict"),
        ("label-values-equal", "figure-conflict"),
        ("varying-figure-different-years", "figure-conflict"),
        ("figure-divergence-passing", "figure-divergence"),
        ("unsupported-assertion-passing", "unsupported-assertion"),
        ("attribution-confirmed", "attribution-unverified"),
        ("attribution-confirmed", "attribution-contradicted"),
        ("single-origin-passing", "single-origin"),
        (
            "figure-part-exceeds-whole-passing",
            "figure-part-exceeds-whole",
        ),
        ("value-not-in-quote-passing", "value-not-in-quote"),
        ("value-reading-differs-passing", "value-reading-differs"),
        ("basis-cycle-passing", "basis-cycle"),
        ("implausible-date-passing", "implausible-date"),
        ("case-variant-id-passing", "case-variant-id"),
        (
            "possible-duplicate-speaker-passing",
            "possible-duplicate-speaker",
        ),
        (
            "possible-duplicate-source-passing",
            "possible-duplicate-source",
        ),
        ("unreadable-value-passing", "unreadable-value"),
    ];
    for (twin, code) in twins {
        let (exit, findings) = check_json(&fixture(twin));
        assert_eq!(exit, 0, "{twin}: {findings:#?}");
        assert!(
            with_code(&findings, code).is_empty(),
            "{twin} raises {code}: {findings:#?}"
        );
    }
}

/// The twins of the fixtures that only show one figure finding are clean altogether.
#[test]
fn clean_twins_have_no_findings() {
    for twin in [
        "figure-conflict-bounds-passing",
        "figure-conflict-exact-passing",
        "unsupported-assertion-passing",
        "attribution-confirmed",
        "single-origin-passing",
        "value-not-in-quote-passing",
        "value-reading-differs-passing",
        "unreadable-value-passing",
        "label-values-equal",
    ] {
        let (exit, findings) = check_json(&fixture(twin));
        assert_eq!((exit, findings), (0, Vec::new()), "{twin}");
    }
}

#[test]
fn figure_findings_name_both_sides() {
    let (_, findings) = check_json(&fixture("figure-conflict-bounds"));
    let conflict = with_code(&findings, "figure-conflict")[0];
    assert_eq!(conflict.severity, "info");
    assert!(
        conflict
            .message
            .contains("`at most 4,000` (ministry/detained by ministry)"),
        "{conflict:?}"
    );
    assert!(
        conflict
            .message
            .contains("`at least 5,000` (watchdog/detained by watchdog)"),
        "{conflict:?}"
    );
    assert_eq!(
        conflict.related,
        vec![("claims/claims.toml".to_string(), 18, 9)]
    );

    let (_, findings) = check_json(&fixture("figure-conflict-exact"));
    let conflict = with_code(&findings, "figure-conflict")[0];
    assert_eq!(
        conflict.message,
        "`230` (ministry/killed by ministry) cannot both be true with `1,500` (watchdog/killed by watchdog): their intervals do not overlap"
    );

    let (_, findings) = check_json(&fixture("attribution-contradicted"));
    let contradicted = with_code(&findings, "attribution-contradicted")[0];
    assert!(
        contradicted.message.contains("give `at most 1,000`"),
        "{contradicted:?}"
    );
    assert_eq!(
        contradicted.related,
        vec![("claims/claims.toml".to_string(), 18, 9)]
    );

    let (_, findings) = check_json(&fixture("basis-cycle"));
    let cycle = with_code(&findings, "basis-cycle")[0];
    assert_eq!(cycle.severity, "warning");
    assert!(
        cycle
            .message
            .contains("2 claims rest on each other in a cycle: daily/detained, weekly/detained"),
        "{cycle:?}"
    );
}

#[test]
fn duplicate_findings_name_both_records_and_point_back_at_the_earlier() {
    let (_, findings) = check_json(&fixture("possible-duplicate-speaker"));
    let duplicates = with_code(&findings, "possible-duplicate-speaker");
    assert_eq!(duplicates.len(), 3, "{duplicates:#?}");
    let near = duplicates
        .iter()
        .find(|f| f.line == 15)
        .expect("zolnur is reported");
    assert_eq!(near.severity, "warning");
    assert_eq!(
        near.message,
        "speaker `zolnur` may be `zolnour` recorded twice: the name `Mojtaba Zolnur` of `zolnur` and the name `Mojtaba Zolnour` of `zolnour` are 1 letter apart once case, accents, spaces and punctuation are set aside"
    );
    assert_eq!(
        near.related,
        vec![("sources/speakers.toml".to_string(), 16, 6)]
    );

    let (_, findings) = check_json(&fixture("possible-duplicate-source"));
    let by_hash = with_code(&findings, "possible-duplicate-source")[0];
    assert!(
        by_hash
            .message
            .starts_with("source `amnesty-304-release` may be `amnesty-2019-12` recorded twice: both have the sha256 `5f1d3c1b"),
        "{by_hash:?}"
    );
    assert_eq!(
        by_hash.related,
        vec![("sources/sources.toml".to_string(), 18, 10)]
    );
}
