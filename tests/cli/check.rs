//! `check`: the CI gate on the shipped claim base, on a broken copy of it, and the severity
//! settings that decide what fails.

use crate::support::{
    check_json, findings_of, fixture, manifest_dir, run_fixture, run_in, snapshot_settings,
    temp_copy, with_code,
};

#[test]
fn shipped_claim_base_passes() {
    let root = manifest_dir();
    let run = run_in(&root, &["check", "--root", root.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("check passed"), "{}", run.stdout);
}

/// A copy of the shipped base with the `source = ...` line of the first claim of
/// `claims/doc000.toml` removed; returns the copy and the line of that claim's id.
fn shipped_base_with_uncited_claim() -> (tempfile::TempDir, usize, String) {
    let dir = temp_copy(&manifest_dir());
    let path = dir.path().join("claims/doc000.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let source_line = lines
        .iter()
        .position(|line| line.starts_with("source = "))
        .expect("doc000.toml has a claim with a source");
    let id_line = lines[..source_line]
        .iter()
        .rposition(|line| line.starts_with("id = "))
        .expect("the claim has an id");
    let id = lines[id_line]
        .trim_start_matches("id = ")
        .trim_matches('"')
        .to_string();
    let mut kept: Vec<&str> = lines.clone();
    kept.remove(source_line);
    std::fs::write(&path, kept.join("\n") + "\n").unwrap();
    (dir, id_line + 1, id)
}

#[test]
fn removing_a_source_fails_the_gate_at_that_claim() {
    let (dir, line, id) = shipped_base_with_uncited_claim();

    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains(&format!(
            "error[uncited-claim]: claim `{id}` names no source\n  --> claims/doc000.toml:{line}:6"
        )) || run.stdout.contains(&format!(
            "error[uncited-claim]: claim `{id}` names no source\n --> claims/doc000.toml:{line}:6"
        )),
        "{}",
        run.stdout
    );

    let run = run_in(dir.path(), &["check", "--format", "github"]);
    assert_eq!(run.code, 1);
    let wanted = format!("::error file=claims/doc000.toml,line={line},col=6,");
    let annotation = run
        .stdout
        .lines()
        .find(|l| l.starts_with(&wanted))
        .unwrap_or_else(|| panic!("no {wanted} in\n{}", run.stdout));
    assert!(
        annotation.contains(&format!(
            "title=uncited-claim::claim `{id}` names no source%0Ahelp: "
        )),
        "{annotation}"
    );

    let run = run_in(dir.path(), &["check", "--format", "json"]);
    assert_eq!(run.code, 1);
    let json = run.json();
    let uncited = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "uncited-claim" && f["claims"][0] == id.as_str())
        .unwrap_or_else(|| panic!("no uncited-claim for {id}"));
    assert_eq!(uncited["file"], "claims/doc000.toml");
    assert_eq!(uncited["line"], line);
    assert_eq!(uncited["column"], 6);
    assert_eq!(uncited["severity"], "error");
    assert_eq!(
        uncited["message"],
        format!("claim `{id}` names no source").as_str()
    );
    assert!(json["summary"]["failed"].as_u64().unwrap() >= 1);
    for finding in json["findings"].as_array().unwrap() {
        for key in ["file", "line", "column", "code", "severity", "message"] {
            assert!(!finding[key].is_null(), "no `{key}` in {finding}");
        }
    }
}

#[test]
fn root_option_prefixes_paths_with_the_root() {
    let (dir, line, _) = shipped_base_with_uncited_claim();
    let root = dir.path().to_str().unwrap();
    let run = run_in(
        &manifest_dir(),
        &["check", "--format", "json", "--root", root],
    );
    assert_eq!(run.code, 1);
    let findings = findings_of(&run.json());
    let uncited = with_code(&findings, "uncited-claim");
    assert!(
        uncited
            .iter()
            .any(|f| f.file == format!("{root}/claims/doc000.toml") && f.line == line as u64),
        "{uncited:#?}"
    );
}

#[test]
fn a_subfolder_finds_its_claim_base_and_shows_paths_from_there() {
    let run = run_in(
        &fixture("several-errors").join("claims"),
        &["check", "--format", "json"],
    );
    assert_eq!(run.code, 1);
    let findings = findings_of(&run.json());
    assert!(
        findings.iter().any(|f| f.file == "../claims/more.toml"),
        "{findings:#?}"
    );
}

#[test]
fn severity_override_raises_info_to_error() {
    let (exit, findings) = check_json(&fixture("unsupported-assertion"));
    assert_eq!(exit, 0);
    assert_eq!(
        with_code(&findings, "unsupported-assertion")[0].severity,
        "info"
    );

    let (exit, findings) = check_json(&fixture("severity-override"));
    assert_eq!(exit, 1, "{findings:#?}");
    let raised = with_code(&findings, "unsupported-assertion");
    assert_eq!(raised.len(), 1);
    assert_eq!(raised[0].severity, "error");
    let run = run_fixture("severity-override", &["check"]);
    assert!(
        run.stdout
            .contains("check failed: 1 finding fails the gate (1 error, 0 warnings, 0 info)"),
        "{}",
        run.stdout
    );
}

#[test]
fn deny_warnings_fails_on_warnings() {
    let run = run_fixture("unused-source-and-speaker", &["check"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("check passed (0 errors, 2 warnings, 0 info)")
    );

    let run = run_fixture(
        "unused-source-and-speaker",
        &["check", "--deny", "warnings"],
    );
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("check failed: 2 findings fail the gate (0 errors, 2 warnings, 0 info)"),
        "{}",
        run.stdout
    );
    let run = run_fixture(
        "unused-source-and-speaker",
        &["check", "--deny", "warnings", "--format", "json"],
    );
    assert_eq!(run.code, 1);
    assert_eq!(run.json()["summary"]["failed"], 2);

    // Infos never fail the gate, even with --deny warnings.
    let run = run_fixture("figure-conflict-bounds", &["check", "--deny", "warnings"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn github_format_uses_workflow_commands() {
    // Info findings become notices only on request: a CI log shows what fails first.
    let quiet = run_fixture("several-errors", &["check", "--format", "github"]);
    assert_eq!(quiet.stdout.lines().count(), 5, "{}", quiet.stdout);
    assert!(!quiet.stdout.contains("::notice"), "{}", quiet.stdout);

    let run = run_fixture(
        "several-errors",
        &["check", "--format", "github", "--show-info"],
    );
    assert_eq!(run.code, 1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    // Both sides of the conflict get a notice of their own.
    assert_eq!(lines.len(), 7, "{}", run.stdout);
    assert!(lines[0].starts_with(
        "::notice file=claims/claims.toml,line=9,col=9,endLine=9,endColumn=24,title=figure-conflict::"
    ));
    assert!(lines.iter().any(|l| l.starts_with(
        "::error file=claims/claims.toml,line=13,col=9,endLine=13,endColumn=18,title=invalid-date::invalid date `2020-13`%0Ahelp: "
    )), "{}", run.stdout);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("::warning file=claims/more.toml,line=4,col=9,")),
        "{}",
        run.stdout
    );
}

#[test]
fn short_format_gives_one_line_per_finding_with_record_text_kept_on_it() {
    let run = run_fixture("several-errors", &["check", "--format", "short"]);
    assert_eq!(run.code, 1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 5, "{}", run.stdout);
    assert!(
        lines.contains(&"claims/claims.toml:13:9: error[invalid-date] invalid date `2020-13`"),
        "{}",
        run.stdout
    );

    // A line break in record text stays on the finding's line, shown as `\n`.
    let dir = temp_copy(&fixture("uncited-claim"));
    let path = dir.path().join("claims/claims.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("watchdog/detained", "watchdog/\\n::error x"),
    )
    .unwrap();
    let run = run_in(dir.path(), &["check", "--format", "short"]);
    assert!(
        run.stdout.contains("`watchdog/\\n::error x`"),
        "{}",
        run.stdout
    );
    for line in run.stdout.lines() {
        assert!(line.starts_with("claims/"), "{}", run.stdout);
    }
}

#[test]
fn human_diagnostics_of_several_errors() {
    let run = run_fixture("several-errors", &["check"]);
    assert_eq!(run.code, 1);
    snapshot_settings().bind(|| insta::assert_snapshot!("check_several_errors", run.stdout));
}

/// A broken file hides every finding its records would raise: an old syntax error in one file must
/// not make a new one in another file "known".
#[test]
fn a_baseline_never_knows_a_file_that_does_not_parse() {
    let old = temp_copy(&fixture("figure-divergence"));
    std::fs::write(
        old.path().join("claims/broken.toml"),
        "[[claim]\nid = \"x\"\n",
    )
    .unwrap();
    let new = temp_copy(old.path());
    std::fs::write(
        new.path().join("claims/also-broken.toml"),
        "[[claim]\nid = \"y\"\n",
    )
    .unwrap();
    let run = run_in(
        new.path(),
        &["check", "--baseline", old.path().to_str().unwrap()],
    );
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains("claims/also-broken.toml"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("claims/broken.toml"), "{}", run.stdout);
}
