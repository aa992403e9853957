//! Bad input gives a clear error at file:line:column, in the human output every user sees first.

use crate::findings::{byte_order_mark, directory_named_toml, not_utf8};
use crate::support::{check_json, fixture, run_fixture, run_in, temp_copy, with_code};
use tempfile::TempDir;

/// `check` in human format on a fixture: asserts the exit code and returns stdout.
fn human(name: &str, exit: i32) -> String {
    let run = run_fixture(name, &["check"]);
    assert_eq!(run.code, exit, "{}{}", run.stdout, run.stderr);
    run.stdout
}

fn assert_contains(text: &str, wanted: &[&str]) {
    for piece in wanted {
        assert!(text.contains(piece), "missing {piece:?} in:\n{text}");
    }
}

#[test]
fn malformed_toml() {
    let out = human("bad-toml-syntax", 1);
    assert_contains(
        &out,
        &[
            "error[toml-syntax]: invalid TOML",
            "--> claims/claims.toml:9:15",
            "9 | value = \"5,000",
        ],
    );
}

#[test]
fn value_true_is_an_invalid_field() {
    let out = human("value-true", 1);
    assert_contains(
        &out,
        &[
            "error[invalid-field]: `value` must be an integer or text such as \"at least 5,000\", found boolean",
            "--> claims/claims.toml:9:9",
        ],
    );
}

#[test]
fn unknown_field_suggests_the_closest() {
    let out = human("unknown-field-sorce", 1);
    assert_contains(
        &out,
        &[
            "error[unknown-field]: unknown field `sorce`",
            "--> claims/claims.toml:11:1",
            "help: did you mean `source`?",
        ],
    );
}

#[test]
fn unknown_table_suggests_the_closest() {
    let out = human("unknown-table-claims", 1);
    assert_contains(
        &out,
        &[
            "error[unknown-table]",
            "--> claims/claims.toml:6:3",
            "did you mean `[[claim]]`?",
        ],
    );
}

#[test]
fn duplicate_ids_show_both_places() {
    let (exit, findings) = check_json(&fixture("duplicate-ids"));
    assert_eq!(exit, 1);
    let duplicates = with_code(&findings, "duplicate-id");
    assert_eq!(duplicates.len(), 2, "{findings:#?}");
    // Within one file.
    assert_eq!(
        (duplicates[0].file.as_str(), duplicates[0].line),
        ("claims/claims.toml", 11)
    );
    assert_eq!(
        duplicates[0].related,
        vec![("claims/claims.toml".to_string(), 2, 6)]
    );
    // Across files and record kinds.
    assert_eq!(
        (duplicates[1].file.as_str(), duplicates[1].line),
        ("claims/figures.toml", 8)
    );
    assert_eq!(
        duplicates[1].related,
        vec![("sources/sources.toml".to_string(), 2, 6)]
    );
    let out = human("duplicate-ids", 1);
    assert_contains(
        &out,
        &[
            "error[duplicate-id]: duplicate id `watchdog`",
            "--> claims/figures.toml:8:6",
            "::: sources/sources.toml:2:6",
            "first used here by a speaker",
            "--> claims/claims.toml:11:6",
            "first used here by a claim",
        ],
    );
}

#[test]
fn references_to_missing_ids() {
    let out = human("unknown-reference", 1);
    assert_contains(
        &out,
        &[
            "error[unknown-reference]: `speaker` names unknown speaker `watchdgo`",
            "--> claims/claims.toml:10:11",
            "help: did you mean `watchdog`?",
            "error[unknown-reference]: `source` names unknown source `missing-report`",
            "--> claims/claims.toml:20:10",
        ],
    );
    let out = human("undeclared-figure", 1);
    assert_contains(
        &out,
        &[
            "error[undeclared-figure]: figure `detainees` is not declared",
            "--> claims/claims.toml:8:10",
            "did you mean `detained`?",
        ],
    );
}

#[test]
fn empty_file_warns() {
    let out = human("empty-file", 0);
    assert_contains(
        &out,
        &[
            "warning[empty-file]: `claims/empty.toml` holds no records",
            "--> claims/empty.toml:1:1",
            "check passed (0 errors, 1 warning, 0 info)",
        ],
    );
}

#[test]
fn non_utf8_file() {
    let base = not_utf8();
    let run = run_in(base.path(), &["check"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert_contains(
        &run.stdout,
        &[
            "error[unreadable-file]: file is not valid UTF-8",
            "--> claims/latin1.toml:2:10",
            "help: re-save the file as UTF-8",
        ],
    );
}

#[test]
fn byte_order_mark_is_read_past() {
    let base = byte_order_mark();
    let (exit, findings) = check_json(base.path());
    assert_eq!(exit, 0, "{findings:#?}");
    let codes: Vec<&str> = findings.iter().map(|f| f.code.as_str()).collect();
    // The records are still read, at their own lines: the BOM shifts nothing.
    assert_eq!(codes, ["byte-order-mark", "value-not-in-quote"]);
    assert_eq!((findings[1].line, findings[1].column), (9, 9));
    let run = run_in(base.path(), &["check"]);
    assert_contains(
        &run.stdout,
        &[
            "warning[byte-order-mark]: file starts with a byte-order mark",
            "--> claims/claims.toml:1:1",
        ],
    );
}

#[test]
fn directory_named_like_a_record_file() {
    let base = directory_named_toml();
    let run = run_in(base.path(), &["check"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert_contains(
        &run.stdout,
        &[
            "error[unreadable-file]: `claims/x.toml` is a directory, not a file",
            "--> claims/x.toml:1:1",
        ],
    );
}

#[test]
fn partial_date_with_month_13() {
    let out = human("date-month-13", 1);
    assert_contains(
        &out,
        &[
            "error[invalid-date]: invalid date `2018-13`",
            "--> sources/sources.toml:11:13",
            "`13` is not a month from 01 to 12",
        ],
    );
}

#[test]
fn id_with_spaces() {
    let out = human("id-with-space", 1);
    assert_contains(
        &out,
        &[
            "error[invalid-id]: invalid id `watchdog detained`: an id cannot contain spaces",
            "--> claims/claims.toml:7:6",
            "e.g. `watchdog-detained`",
        ],
    );
}

#[test]
fn missing_claims_folder_says_what_a_claim_base_is() {
    let dir = TempDir::new().unwrap();
    std::fs::create_dir(dir.path().join("sources")).unwrap();
    let root = dir.path().to_str().unwrap();
    for run in [
        run_in(dir.path(), &["check", "--root", root]),
        run_in(dir.path(), &["report", "--root", "."]),
        run_in(dir.path(), &["check"]),
    ] {
        assert_eq!(run.code, 2, "{run:?}");
        assert!(run.stdout.is_empty(), "{run:?}");
        assert_contains(
            &run.stderr,
            &[
                "is not a claim base",
                "A claim base is a folder holding `claims/`",
                "`sources/`",
                "--root DIR",
            ],
        );
    }
}

#[test]
fn root_that_does_not_exist() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("nowhere");
    let missing = missing.to_str().unwrap();
    for command in ["check", "report"] {
        let run = run_in(dir.path(), &[command, "--root", missing]);
        assert_eq!(run.code, 2, "{run:?}");
        assert_contains(
            &run.stderr,
            &["error: the claim base root", "nowhere", "does not exist"],
        );
    }
}

#[test]
fn an_unreadable_value_written_with_escapes_points_at_the_whole_value() {
    let dir = crate::support::temp_copy(&crate::support::fixture("unreadable-value"));
    let file = dir.path().join("claims/claims.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    // "\u00e9" makes the string's text differ from its bytes in the file.
    std::fs::write(
        &file,
        text.replace("value = \"a great many\"", "value = \"a gr\\u00e9at many\""),
    )
    .unwrap();
    let (code, findings) = crate::support::check_json(dir.path());
    assert_eq!(code, 1);
    let unreadable = crate::support::with_code(&findings, "unreadable-value");
    assert_eq!(unreadable.len(), 1, "{findings:#?}");
    assert_eq!((unreadable[0].line, unreadable[0].column), (9, 9));
}

/// One unquoted enum value breaks a whole file; the records of that file keep their ids, so the
/// syntax error comes first and is not buried under unknown references to them.
#[test]
fn a_broken_file_is_the_first_error_and_its_ids_stay_taken() {
    let dir = temp_copy(&fixture("figure-divergence"));
    let path = dir.path().join("sources/speakers.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen("kind = \"organisation\"", "kind = organisation", 1),
    )
    .unwrap();
    let (exit, findings) = check_json(dir.path());
    assert_eq!(exit, 1);
    assert_eq!(findings[0].code, "toml-syntax", "{findings:#?}");
    assert!(
        findings.iter().all(|f| f.code != "unknown-reference"),
        "{findings:#?}"
    );

    // An invalid value drops one record; references to it are not reported again.
    let dir = temp_copy(&fixture("figure-divergence"));
    let path = dir.path().join("sources/speakers.toml");
    std::fs::write(
        &path,
        text.replacen("kind = \"organisation\"", "kind = \"ngo\"", 1),
    )
    .unwrap();
    let (exit, findings) = check_json(dir.path());
    assert_eq!(exit, 1);
    assert_eq!(findings[0].code, "invalid-field", "{findings:#?}");
    assert!(
        findings.iter().all(|f| f.code != "unknown-reference"),
        "{findings:#?}"
    );
}

/// Two phrases of one `[values]` table that differ only in case are one phrase to the grammar: the
/// later is refused at its line, and the earlier applied.
#[test]
fn phrases_written_twice_in_other_cases_are_refused_at_the_second() {
    let dir = temp_copy(&fixture("house-phrases"));
    let config = dir.path().join("claimtrack.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    let twice = text.replace("\"Some\" = 0.10\n", "\"Some\" = 0.10\nsome = 0.5\n");
    std::fs::write(&config, twice).unwrap();
    let (exit, findings) = check_json(dir.path());
    assert_eq!(exit, 1);
    let config = with_code(&findings, "invalid-config");
    assert_eq!(config.len(), 1, "{findings:#?}");
    assert_eq!((config[0].line, config[0].column), (6, 1), "{config:#?}");
    assert_eq!(
        config[0].message,
        "`[values.tolerance]` lists `Some` and `some`, which are one phrase: phrases are read in any case"
    );
    let conflict = with_code(&findings, "figure-conflict");
    assert!(
        conflict.iter().any(|f| f.message.contains("`some 1,400`")),
        "the ±10% of `Some` is applied: {findings:#?}"
    );
}

/// A setting that cannot be used is an error at its line in claimtrack.toml, not at every claim
/// value that uses it.
#[test]
fn a_bad_value_setting_is_blamed_on_the_settings_not_the_claims() {
    let dir = temp_copy(&fixture("figure-divergence"));
    std::fs::write(
        dir.path().join("claimtrack.toml"),
        "[values.vague]\nthousands = [5000, 1000]\n\n[values.tolerance]\nabout = 1.5\n",
    )
    .unwrap();
    let (exit, findings) = check_json(dir.path());
    assert_eq!(exit, 1);
    let config: Vec<_> = findings
        .iter()
        .filter(|f| f.code == "invalid-config")
        .collect();
    assert_eq!(config.len(), 2, "{findings:#?}");
    assert!(
        config.iter().all(|f| f.file == "claimtrack.toml"),
        "{config:#?}"
    );
    assert_eq!((config[0].line, config[1].line), (2, 5), "{config:#?}");
    assert!(
        findings.iter().all(|f| f.code != "unreadable-value"),
        "{findings:#?}"
    );
}

#[test]
fn a_field_that_takes_a_name_says_which_names_when_given_another_type() {
    let out = human("names-not-quoted", 1);
    assert_contains(
        &out,
        &[
            "error[invalid-field]: `kind` takes one of `person`, `organisation`, `government`, `outlet`, `anonymous` in quotes",
            "--> sources/sources.toml:6:8",
            "error[invalid-field]: `kind` takes one of `report`, `press-release`, `news`, `statement`, `transcript`, `event`, `other` in quotes",
            "--> sources/sources.toml:17:8",
            "error[invalid-field]: `window` takes one of `day`, `month`, `year` in quotes",
            "--> claims/claims.toml:6:10",
            "error[invalid-field]: `stance` takes one of `asserts`, `reports`, `disputes` in quotes",
            "help: write the name as a string, as in `stance = \"asserts\"`",
            "error[invalid-field]: `measure` takes one of `estimate`, `documented`, `confirmed-so-far`, `official`, `projection` in quotes",
        ],
    );
    // The TOML reader's own words name neither the field nor the names.
    assert!(!out.contains("wanted string or table"), "{out}");
}
