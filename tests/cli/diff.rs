//! `claimtrack diff` in claim terms, the snapshot's independence from file layout, and the
//! `check --baseline` ratchet, on claim bases written by the tests and on a real git repository.

use crate::support::{copy_dir, manifest_dir, run_in};
use std::path::Path;
use std::process::Command;
use tempfile::TempDir;

const SOURCES: &str = r#"
[[speaker]]
id = "amnesty"
name = "Amnesty International"
kind = "organisation"

[[speaker]]
id = "outlet"
name = "An outlet"
kind = "outlet"
aliases = ["The Outlet"]

[[source]]
id = "release"
title = "Press release"
publisher = "amnesty"
kind = "press-release"
published = "2018-12-04"

[[source]]
id = "article"
title = "Article"
publisher = "outlet"
kind = "news"
published = "2019"
"#;

const FIGURE: &str = r#"
[[figure]]
id = "executed"
label = "People executed"
unit = "people"
"#;

fn claim(id: &str, value: &str, speaker: &str, source: &str) -> String {
    format!(
        "\n[[claim]]\nid = \"{id}\"\nfigure = \"executed\"\nvalue = \"{value}\"\nspeaker = \"{speaker}\"\n\
         source = \"{source}\"\nquote = \"{value} people were executed\"\nbasis = [\"own-research\"]\n"
    )
}

fn write_base(dir: &Path, sources: &str, claims: &[(&str, String)]) {
    std::fs::create_dir_all(dir.join("sources")).unwrap();
    std::fs::create_dir_all(dir.join("claims")).unwrap();
    std::fs::write(dir.join("sources/sources.toml"), sources).unwrap();
    for (file, text) in claims {
        std::fs::write(dir.join("claims").join(file), text).unwrap();
    }
}

fn base_pair() -> (TempDir, TempDir) {
    let old = TempDir::new().unwrap();
    let new = TempDir::new().unwrap();
    let claims = format!(
        "{FIGURE}{}{}",
        claim("amnesty-toll", "at least 5,000", "amnesty", "release"),
        claim("outlet-toll", "30,000", "outlet", "article")
    );
    write_base(old.path(), SOURCES, &[("claims.toml", claims.clone())]);
    write_base(new.path(), SOURCES, &[("claims.toml", claims)]);
    (old, new)
}

fn diff_json(old: &Path, new: &Path) -> serde_json::Value {
    let run = run_in(
        old,
        &[
            "diff",
            old.to_str().unwrap(),
            new.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.json()
}

#[test]
fn a_moved_value_names_the_claim_both_readings_and_the_finding_change() {
    let (old, new) = base_pair();
    let claims = format!(
        "{FIGURE}{}{}",
        claim("amnesty-toll", "at least 6,000", "amnesty", "release"),
        claim("outlet-toll", "30,000", "outlet", "article")
    );
    write_base(new.path(), SOURCES, &[("claims.toml", claims)]);
    let run = run_in(
        old.path(),
        &[
            "diff",
            old.path().to_str().unwrap(),
            new.path().to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 0);
    let text = run.stdout;
    assert!(text.contains("changed amnesty-toll"), "{text}");
    assert!(
        text.contains("value: at least 5,000 read as [5,000, ∞) at-least → at least 6,000 read as [6,000, ∞) at-least"),
        "{text}"
    );
    assert!(
        text.contains("changed: info figure-divergence") && text.contains("×6 apart → "),
        "{text}"
    );
    assert!(text.contains("×5 apart"), "{text}");
    assert!(
        text.ends_with("0 findings appeared, 0 resolved, 1 changed\n"),
        "{text}"
    );
}

#[test]
fn added_and_removed_claims_and_a_conflict_that_appears() {
    let (old, new) = base_pair();
    let claims = format!(
        "{FIGURE}{}{}",
        claim("amnesty-toll", "at least 5,000", "amnesty", "release"),
        claim("outlet-low", "at most 4,000", "outlet", "article")
    );
    write_base(new.path(), SOURCES, &[("claims.toml", claims)]);
    let json = diff_json(old.path(), new.path());
    let changes = json["claims"].as_array().unwrap();
    assert!(
        changes.contains(&serde_json::json!({"change": "added", "id": "outlet-low"})),
        "{json:#}"
    );
    assert!(
        changes.contains(&serde_json::json!({"change": "removed", "id": "outlet-toll"})),
        "{json:#}"
    );
    let appeared: Vec<&str> = json["findings_appeared"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["finding"].as_str().unwrap())
        .collect();
    assert!(
        appeared
            .iter()
            .any(|f| f.starts_with("info figure-conflict")),
        "{appeared:?}"
    );
}

#[test]
fn a_new_source_and_a_changed_attribution_are_named_field_by_field() {
    let (old, new) = base_pair();
    let moved = claim("outlet-toll", "30,000", "outlet", "article")
        .replace("source = \"article\"", "source = \"release\"")
        .replace("basis = [\"own-research\"]", "according_to = \"amnesty\"");
    let claims = format!(
        "{FIGURE}{}{moved}",
        claim("amnesty-toll", "at least 5,000", "amnesty", "release")
    );
    write_base(new.path(), SOURCES, &[("claims.toml", claims)]);
    let json = diff_json(old.path(), new.path());
    let change = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "outlet-toll")
        .expect("outlet-toll changed");
    let fields: Vec<&str> = change["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        ["according_to", "as_of", "basis", "origin", "source"],
        "{change:#}"
    );
    let source = &change["fields"][4];
    assert_eq!(
        (source["old"].as_str(), source["new"].as_str()),
        (Some("article"), Some("release"))
    );
}

#[test]
fn a_renamed_speaker_is_reported_as_renamed_not_removed_and_added() {
    let (old, new) = base_pair();
    let sources = SOURCES
        .replace("id = \"outlet\"", "id = \"the-outlet\"")
        .replace("publisher = \"outlet\"", "publisher = \"the-outlet\"")
        .replace(
            "aliases = [\"The Outlet\"]",
            "aliases = [\"The Outlet\", \"outlet\"]",
        );
    let claims = format!(
        "{FIGURE}{}{}",
        claim("amnesty-toll", "at least 5,000", "amnesty", "release"),
        claim("outlet-toll", "30,000", "the-outlet", "article")
    );
    write_base(new.path(), &sources, &[("claims.toml", claims)]);
    let json = diff_json(old.path(), new.path());
    let speakers = json["speakers"].as_array().unwrap();
    assert_eq!(
        speakers,
        &[serde_json::json!({"change": "renamed", "id": "outlet", "to": "the-outlet"})]
    );
}

#[test]
fn exit_code_reports_differences_like_git_diff() {
    let (old, new) = base_pair();
    let args = |extra: &[&str]| {
        let mut args = vec![
            "diff",
            old.path().to_str().unwrap(),
            new.path().to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        run_in(old.path(), &args).code
    };
    assert_eq!(args(&["--exit-code"]), 0);
    std::fs::write(
        new.path().join("claims/more.toml"),
        claim("another", "30,000", "outlet", "article"),
    )
    .unwrap();
    assert_eq!(args(&["--exit-code"]), 1);
    assert_eq!(args(&[]), 0);
}

/// The shipped base rearranged: every record of a folder in one file, or one record a file.
fn rearranged(one_file: bool) -> TempDir {
    let dir = TempDir::new().unwrap();
    for folder in ["claims", "sources"] {
        std::fs::create_dir_all(dir.path().join(folder)).unwrap();
        let mut tables: Vec<String> = Vec::new();
        let mut paths: Vec<_> = std::fs::read_dir(manifest_dir().join(folder))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(path).unwrap();
            let mut current = String::new();
            for line in text.lines() {
                if line.starts_with("[[") && !current.trim().is_empty() {
                    tables.push(std::mem::take(&mut current));
                }
                current.push_str(line);
                current.push('\n');
            }
            tables.push(current);
        }
        // Reversed, so the order of records changes too.
        tables.reverse();
        if one_file {
            std::fs::write(dir.path().join(folder).join("all.toml"), tables.concat()).unwrap();
        } else {
            for (i, table) in tables.iter().enumerate().filter(|(_, t)| t.contains("[[")) {
                std::fs::write(dir.path().join(folder).join(format!("r{i:04}.toml")), table)
                    .unwrap();
            }
        }
    }
    dir
}

#[test]
fn the_snapshot_does_not_change_when_records_move_between_files() {
    let original = run_in(&manifest_dir(), &["snapshot"]);
    assert_eq!(original.code, 0, "{}", original.stderr);
    for one_file in [true, false] {
        let moved = rearranged(one_file);
        let snapshot = run_in(moved.path(), &["snapshot"]);
        assert_eq!(snapshot.code, 0, "{}", snapshot.stderr);
        assert_eq!(snapshot.stdout, original.stdout, "one file: {one_file}");
    }
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.invalid",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .expect("git runs");
    assert!(
        status.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

/// A git repository holding a claim base below `desk/`, with two commits.
fn repository() -> TempDir {
    let repo = TempDir::new().unwrap();
    let base = repo.path().join("desk");
    let (old, _) = base_pair();
    copy_dir(old.path(), &base);
    git(repo.path(), &["init", "-q"]);
    git(repo.path(), &["add", "."]);
    git(repo.path(), &["commit", "-qm", "first"]);
    let claims = std::fs::read_to_string(base.join("claims/claims.toml")).unwrap();
    std::fs::write(
        base.join("claims/claims.toml"),
        claims.replace("at least 5,000", "at least 6,000"),
    )
    .unwrap();
    git(repo.path(), &["commit", "-qam", "second"]);
    repo
}

#[test]
fn revisions_are_read_from_git_without_touching_the_working_tree() {
    let repo = repository();
    let base = repo.path().join("desk");
    std::fs::write(
        base.join("claims/untracked.toml"),
        claim("draft", "1,000", "outlet", "article"),
    )
    .unwrap();
    let before = std::fs::read_to_string(base.join("claims/claims.toml")).unwrap();

    let run = run_in(&base, &["diff", "HEAD~1", "HEAD"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("changed amnesty-toll"),
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains("draft"),
        "HEAD does not hold the untracked file"
    );

    let against_tree = run_in(&base, &["diff", "HEAD"]);
    assert!(
        against_tree.stdout.contains("added draft"),
        "{}",
        against_tree.stdout
    );
    assert_eq!(
        std::fs::read_to_string(base.join("claims/claims.toml")).unwrap(),
        before
    );

    let unknown = run_in(&base, &["diff", "no-such-branch"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("no-such-branch"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn a_checked_out_file_whose_bytes_are_not_its_blob_is_read_from_git() {
    let repo = repository();
    let base = repo.path().join("desk");
    // A smudge filter (as end-of-line conversion or a large-file store does) checks the file out
    // as other bytes than the blob's: only the blob is the revision's file.
    std::fs::write(base.join(".gitattributes"), "claims/*.toml filter=bump\n").unwrap();
    git(
        repo.path(),
        &["config", "filter.bump.smudge", "sed s/6,000/7,000/"],
    );
    std::fs::remove_file(base.join("claims/claims.toml")).unwrap();
    git(repo.path(), &["checkout", "--", "desk/claims/claims.toml"]);

    let run = run_in(&base, &["diff", "HEAD"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("changed amnesty-toll")
            && run
                .stdout
                .contains("value: at least 6,000 read as [6,000, ∞) at-least → at least 7,000"),
        "{}",
        run.stdout
    );
}

#[test]
fn the_baseline_fails_only_on_new_uncited_claims() {
    let repo = repository();
    let base = repo.path().join("desk");
    let uncited = |id: &str| {
        format!(
            "\n[[claim]]\nid = \"{id}\"\nspeaker = \"outlet\"\nstatement = \"Said without a source.\"\n"
        )
    };
    std::fs::write(base.join("claims/old.toml"), uncited("old-uncited")).unwrap();
    git(repo.path(), &["add", "."]);
    git(repo.path(), &["commit", "-qm", "an uncited claim"]);
    std::fs::write(base.join("claims/new.toml"), uncited("new-uncited")).unwrap();

    let gated = run_in(&base, &["check", "--baseline", "HEAD"]);
    assert_eq!(gated.code, 1, "{}", gated.stdout);
    assert!(
        gated.stdout.contains("claim `new-uncited` names no source"),
        "{}",
        gated.stdout
    );
    assert!(!gated.stdout.contains("old-uncited"), "{}", gated.stdout);
    assert!(
        gated.stderr.contains("old-uncited"),
        "known findings are listed: {}",
        gated.stderr
    );

    std::fs::remove_file(base.join("claims/new.toml")).unwrap();
    assert_eq!(run_in(&base, &["check", "--baseline", "HEAD"]).code, 0);
    assert_eq!(run_in(&base, &["check"]).code, 1);
}

#[test]
fn changing_a_value_on_the_shipped_base_names_the_claim_both_values_and_the_finding_change() {
    let changed = crate::support::temp_copy(&manifest_dir());
    let file = changed.path().join("claims/doc001.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = text.replacen(
        "value = \"at least 5,000\"",
        "value = \"at least 6,000\"",
        1,
    );
    assert_ne!(
        edited, text,
        "the shipped base has Amnesty's 'at least 5,000'"
    );
    std::fs::write(&file, edited).unwrap();

    let run = run_in(
        changed.path(),
        &[
            "diff",
            manifest_dir().to_str().unwrap(),
            changed.path().to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = run.stdout;
    assert!(
        text.contains("changed doc001/executed-at-least-5000"),
        "{text}"
    );
    assert!(text.contains("at least 5,000 read as [5,000, ∞) at-least → at least 6,000 read as [6,000, ∞) at-least"), "{text}");
    assert!(text.contains("figure iran-1988/executed"), "{text}");
    // The divergence is about the same claims: it changed, it did not resolve and reappear.
    assert!(
        text.contains("changed: info figure-divergence: `at least 5,000` (doc001/executed-at-least-5000 by amnesty) and `30,000` (doc000/executed-30000 by outlet-doc000, and 1 more claim) lie ×6 apart → info figure-divergence: `at least 6,000` (doc001/executed-at-least-5000 by amnesty) and `30,000` (doc000/executed-30000 by outlet-doc000, and 1 more claim) lie ×5 apart"),
        "{text}"
    );
    assert!(!text.contains("resolved: info figure-divergence"), "{text}");
}

#[test]
fn a_revision_a_measure_and_a_stance_are_reported_in_claim_terms() {
    let (old, new) = base_pair();
    let revised = "\n[[claim]]\nid = \"amnesty-revised\"\nfigure = \"executed\"\nvalue = \"at least 5,500\"\n\
         measure = \"documented\"\nspeaker = \"amnesty\"\nsource = \"release\"\n\
         quote = \"at least 5,500 people were executed\"\nbasis = [\"own-research\"]\n\
         supersedes = [\"amnesty-toll\"]\n";
    let reported = claim("outlet-toll", "30,000", "outlet", "article")
        .replace("basis = [\"own-research\"]", "stance = \"reports\"");
    let claims = format!(
        "{FIGURE}{}{reported}{revised}",
        claim("amnesty-toll", "at least 5,000", "amnesty", "release"),
    );
    write_base(new.path(), SOURCES, &[("claims.toml", claims)]);
    let run = run_in(
        old.path(),
        &[
            "diff",
            old.path().to_str().unwrap(),
            new.path().to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = run.stdout;
    assert!(text.contains("added amnesty-revised"), "{text}");
    assert!(text.contains("superseded by: "), "{text}");
    assert!(text.contains("amnesty-revised"), "{text}");
    // Records leave the default stance out: the change is from it, not an addition.
    assert!(text.contains("stance: asserts → reports"), "{text}");
    let json = diff_json(old.path(), new.path());
    let changed = |id: &str| -> Vec<String> {
        json["claims"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["id"] == id && c["change"] == "changed")
            .flat_map(|c| c["fields"].as_array().unwrap())
            .map(|f| f["field"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(changed("amnesty-toll"), ["superseded_by"]);
    assert!(
        changed("outlet-toll").contains(&"stance".to_string()),
        "{json:#}"
    );
}

#[test]
fn a_revisions_file_past_its_size_limit_is_refused_as_on_disk() {
    let repo = repository();
    let base = repo.path().join("desk");
    std::fs::write(
        base.join("claimtrack.toml"),
        "[input]\nmax-file-size = 4000\n",
    )
    .unwrap();
    let padded = format!(
        "# {}\n{}",
        "-".repeat(5000),
        claim("big", "1,000", "outlet", "article")
    );
    std::fs::write(base.join("claims/big.toml"), padded).unwrap();
    git(repo.path(), &["add", "."]);
    git(repo.path(), &["commit", "-qm", "a large file"]);
    let refusal = "`claims/big.toml` is larger than the limit of 4000 bytes";

    let on_disk = run_in(&base, &["check"]);
    assert!(on_disk.stdout.contains(refusal), "{}", on_disk.stdout);
    // Read from git, the revision's file is held to the revision's limit as well.
    let from_git = run_in(&base, &["diff", "HEAD~1", "HEAD"]);
    assert_eq!(from_git.code, 1, "{}", from_git.stdout);
    assert!(from_git.stderr.contains(refusal), "{}", from_git.stderr);
}

#[test]
fn a_revisions_unreadable_settings_are_an_error_as_on_disk() {
    let repo = repository();
    let base = repo.path().join("desk");
    std::fs::write(
        base.join("claimtrack.toml"),
        b"[compare]\ndivergence-factor = 3.0 # \xd7 the smaller\n",
    )
    .unwrap();
    git(repo.path(), &["add", "."]);
    git(repo.path(), &["commit", "-qm", "settings"]);
    let refusal = "error[unreadable-file]: `claimtrack.toml` is not valid UTF-8 (the first invalid byte is at offset 36)";

    let on_disk = run_in(&base, &["check"]);
    assert_eq!(on_disk.code, 1, "{}", on_disk.stdout);
    assert!(on_disk.stdout.contains(refusal), "{}", on_disk.stdout);
    // Read from git, the settings are refused alike rather than taken as absent.
    let from_git = run_in(&base, &["diff", "HEAD~1", "HEAD"]);
    assert_eq!(from_git.code, 1, "{}", from_git.stdout);
    assert!(from_git.stderr.contains(refusal), "{}", from_git.stderr);
}
