//! `claimtrack fmt`: `--check` lists the files that would change and writes nothing; without it,
//! only those files are rewritten, to text that says the same records with the same comments.

use crate::support::{check_json, fixture, manifest_dir, run_in, temp_copy};
use std::path::Path;
use tempfile::TempDir;

const SPEAKERS: &str = "\
# Who speaks.

[[speaker]]
id = \"amnesty\"
name = \"Amnesty International\"
kind = \"organisation\"
";

const CLAIMS_UNTIDY: &str = "\
# Claims of document 001.

# The headline.
[[claim]]
speaker=\"amnesty\"   # own voice
id = \"c/b\"
value = 5000
# The words as printed.
quote = \"at least \\\"5,000\\\"\"
[[figure]]
id = \"f\"
label = 'Executed'
[[claim]]
id = \"c/a\"
speaker = \"amnesty\"
value = \"thousands\"
";

const CLAIMS_TIDY: &str = "\
# Claims of document 001.

[[figure]]
id = \"f\"
label = \"Executed\"

# The headline.
[[claim]]
id = \"c/b\"
value = 5000
speaker = \"amnesty\" # own voice
# The words as printed.
quote = 'at least \"5,000\"'

[[claim]]
id = \"c/a\"
value = \"thousands\"
speaker = \"amnesty\"
";

fn base(claims: &str) -> TempDir {
    let dir = TempDir::new().unwrap();
    for (path, text) in [
        ("sources/speakers.toml", SPEAKERS),
        ("claims/doc001.toml", claims),
    ] {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn read(dir: &Path, path: &str) -> String {
    std::fs::read_to_string(dir.join(path)).unwrap()
}

#[test]
fn check_lists_the_files_that_would_change_and_writes_nothing() {
    let dir = base(CLAIMS_UNTIDY);
    let run = run_in(dir.path(), &["fmt", "--check"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (1, "claims/doc001.toml\n"),
        "{run:?}"
    );
    assert_eq!(read(dir.path(), "claims/doc001.toml"), CLAIMS_UNTIDY);

    let tidy = base(CLAIMS_TIDY);
    let run = run_in(tidy.path(), &["fmt", "--check"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{run:?}");
}

#[test]
fn fmt_rewrites_only_files_that_change_and_the_records_stay_the_same() {
    let dir = base(CLAIMS_UNTIDY);
    let snapshot_before = run_in(dir.path(), &["snapshot"]);
    let speakers = dir.path().join("sources/speakers.toml");
    let untouched_since = std::fs::metadata(&speakers).unwrap().modified().unwrap();

    let run = run_in(dir.path(), &["fmt"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "claims/doc001.toml\n"),
        "{run:?}"
    );
    assert_eq!(read(dir.path(), "claims/doc001.toml"), CLAIMS_TIDY);
    assert_eq!(read(dir.path(), "sources/speakers.toml"), SPEAKERS);
    let modified = std::fs::metadata(&speakers).unwrap().modified().unwrap();
    assert_eq!(modified, untouched_since, "an unchanged file was written");

    let snapshot_after = run_in(dir.path(), &["snapshot"]);
    assert_eq!(snapshot_before.code, 0, "{snapshot_before:?}");
    assert_eq!(snapshot_after.stdout, snapshot_before.stdout);
    let again = run_in(dir.path(), &["fmt", "--check"]);
    assert_eq!((again.code, again.stdout.as_str()), (0, ""), "{again:?}");
}

#[test]
fn sort_puts_records_in_id_order() {
    let dir = base(CLAIMS_TIDY);
    let run = run_in(dir.path(), &["fmt", "--sort"]);
    assert_eq!(run.code, 0, "{run:?}");
    let text = read(dir.path(), "claims/doc001.toml");
    let a = text.find("id = \"c/a\"").unwrap();
    let b = text.find("id = \"c/b\"").unwrap();
    assert!(a < b, "{text}");
    assert!(
        text.contains("# The headline.\n[[claim]]\nid = \"c/b\""),
        "the comment left its record:\n{text}"
    );
}

#[test]
fn named_files_are_formatted_from_anywhere() {
    let dir = base(CLAIMS_UNTIDY);
    let claims = dir.path().join("claims");
    let run = run_in(
        &claims,
        &["fmt", "--check", "doc001.toml", "../sources/speakers.toml"],
    );
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (1, "doc001.toml\n"),
        "{run:?}"
    );
    let from_below = run_in(&claims, &["fmt", "--check"]);
    assert_eq!(
        from_below.stdout, "../claims/doc001.toml\n",
        "{from_below:?}"
    );
}

#[test]
fn a_file_that_is_not_toml_is_an_error_at_its_place_and_never_rewritten() {
    let broken = "[[claim]]\nid = \"c/a\nspeaker = \"amnesty\"\n";
    let dir = base(broken);
    std::fs::write(
        dir.path().join("sources/speakers.toml"),
        SPEAKERS.replace("id =", "id="),
    )
    .unwrap();
    let run = run_in(dir.path(), &["fmt"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr
            .contains("error: claims/doc001.toml:2:10: invalid TOML"),
        "{run:?}"
    );
    assert!(run.stderr.contains("help: "), "{run:?}");
    assert_eq!(read(dir.path(), "claims/doc001.toml"), broken);
    // The other files are still formatted.
    assert_eq!(run.stdout, "sources/speakers.toml\n");
    assert_eq!(read(dir.path(), "sources/speakers.toml"), SPEAKERS);
}

#[test]
fn a_file_that_is_not_utf8_is_an_error_at_its_first_bad_byte() {
    let dir = base(CLAIMS_TIDY);
    let path = dir.path().join("claims/doc001.toml");
    let bytes = b"[[claim]]\nid = \"c/\xff\"\n";
    std::fs::write(&path, bytes).unwrap();
    let run = run_in(dir.path(), &["fmt"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr
            .contains("claims/doc001.toml:2:9: file is not valid UTF-8"),
        "{run:?}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn a_missing_file_or_claim_base_is_a_usage_error() {
    let dir = TempDir::new().unwrap();
    let run = run_in(dir.path(), &["fmt", "--check", "nothing.toml"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("nothing.toml: cannot be read"),
        "{run:?}"
    );
    let run = run_in(dir.path(), &["fmt"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("is not a claim base"), "{run:?}");
}

#[test]
fn the_shipped_claim_base_is_canonical() {
    let run = run_in(&manifest_dir(), &["fmt", "--check"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, "", ""),
        "run `claimtrack fmt` and commit the result"
    );
}

/// What `check` finds in the claim base at `dir`, without the places.
fn findings_without_places(dir: &Path) -> Vec<(String, String, String, String)> {
    let (_, findings) = check_json(dir);
    let mut found: Vec<_> = findings
        .into_iter()
        .map(|f| (f.code, f.severity, f.message, f.help))
        .collect();
    found.sort();
    found
}

#[test]
fn formatting_any_fixture_changes_no_finding_but_its_place() {
    let fixtures = manifest_dir().join("tests/fixtures");
    let mut formatted = 0;
    for entry in std::fs::read_dir(&fixtures).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if !fixture(&name).join("claims").is_dir() || name == "bad-toml-syntax" {
            continue;
        }
        let dir = temp_copy(&fixture(&name));
        let before = findings_without_places(dir.path());
        let run = run_in(dir.path(), &["fmt"]);
        assert_eq!(run.code, 0, "{name}: {run:?}");
        assert_eq!(findings_without_places(dir.path()), before, "{name}");
        formatted += run.stdout.lines().count();
    }
    assert!(
        formatted > 0,
        "no fixture needed formatting, so nothing was tested"
    );
}
