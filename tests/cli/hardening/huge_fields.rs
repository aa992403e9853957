//! A megabyte in every text field (a pasted page, a runaway script) costs linear time in every
//! output: the terminal table cuts long cells with an ellipsis, the other formats keep the text.

use super::run_bounded;
use tempfile::TempDir;

const MEGABYTE: usize = 1 << 20;

fn huge_base() -> TempDir {
    let big = "word ".repeat(MEGABYTE / 5);
    let dir = TempDir::new().unwrap();
    std::fs::create_dir_all(dir.path().join("claims")).unwrap();
    std::fs::create_dir_all(dir.path().join("sources")).unwrap();
    std::fs::write(
        dir.path().join("sources/sources.toml"),
        format!(
            "[[speaker]]\nid = \"outlet\"\nname = \"{big}\"\nkind = \"outlet\"\naliases = [\"{big}\"]\nnote = \"{big}\"\n\n\
             [[source]]\nid = \"page\"\ntitle = \"{big}\"\npublisher = \"outlet\"\nkind = \"news\"\npublished = \"2020\"\nurl = \"https://example.org/{big}\"\nnote = \"{big}\"\n"
        ),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("claims/claims.toml"),
        format!(
            "[[figure]]\nid = \"office\"\nlabel = \"{big}\"\nvalues = \"label\"\nnote = \"{big}\"\n\n\
             [[claim]]\nid = \"outlet/office\"\nfigure = \"office\"\nvalue = \"{big}\"\nspeaker = \"outlet\"\nsource = \"page\"\nquote = \"{big}\"\nlocator = \"{big}\"\nnote = \"{big}\"\n\n\
             [[claim]]\nid = \"outlet/said\"\nstatement = \"{big}\"\nspeaker = \"outlet\"\nsource = \"page\"\nquote = \"{big}\"\n"
        ),
    )
    .unwrap();
    dir
}

#[test]
fn every_output_of_a_base_with_megabyte_fields_ends_and_the_table_stays_narrow() {
    let base = huge_base();
    for args in [
        &["check"][..],
        &["check", "--format", "json"],
        &["check", "--format", "github", "--show-info"],
        &["check", "--format", "short", "--show-info"],
        &["report", "--format", "markdown"],
        &["report", "--format", "json"],
        &["report", "--format", "html"],
        &["snapshot"],
    ] {
        let run = run_bounded(base.path(), args, &[]);
        assert!(run.code <= 1, "{args:?}: {}", run.stderr);
    }
    let table = run_bounded(base.path(), &["report"], &[]);
    assert_eq!(table.code, 0, "{}", table.stderr);
    for line in table.stdout.lines() {
        assert!(
            line.chars().count() <= 100,
            "a line of {} characters",
            line.chars().count()
        );
    }
    assert!(
        table.stdout.contains("outlet/office") && table.stdout.contains("outlet/said"),
        "{}",
        &table.stdout[..2000.min(table.stdout.len())]
    );
    assert!(
        table.stdout.contains('…'),
        "a long cell is cut with an ellipsis"
    );
    let json = run_bounded(base.path(), &["report", "--format", "json"], &[]);
    assert!(
        json.stdout.len() > 5 * MEGABYTE,
        "JSON keeps the text whole"
    );
}

/// A claim base of one claim per quote, each quote a megabyte of one clause: the value is read
/// against every phrase of it, and each phrase asks whether the clause around it denies the
/// figure.
fn long_quote_base(claims: &[(&str, &str, &str)]) -> TempDir {
    let dir = super::clean_base();
    let records: String = claims
        .iter()
        .map(|(id, value, wording)| {
            let quote = wording.repeat(MEGABYTE / wording.len());
            format!(
                "[[claim]]\nid = \"{id}\"\nfigure = \"detained\"\nvalue = \"{value}\"\nspeaker = \"watchdog\"\nsource = \"watchdog-report\"\nquote = \"{quote}\"\nbasis = [\"own-research\"]\n\n"
            )
        })
        .collect();
    let figure =
        "[[figure]]\nid = \"detained\"\nlabel = \"People detained\"\nunit = \"people\"\n\n";
    std::fs::write(
        dir.path().join("claims/claims.toml"),
        figure.to_string() + &records,
    )
    .unwrap();
    dir
}

#[test]
fn a_megabyte_quote_of_number_phrases_is_read_whole_and_ends() {
    let base = long_quote_base(&[
        ("bound-turned", "at most 5,000", "at least 5,000 "),
        ("denied", "5,000", "not realistic 5,000 "),
        ("range-ends", "2,000 to 3,000", "2,000 to 3,500 "),
        ("groups", "1,000", "1 000 000 000 "),
    ]);
    let run = run_bounded(base.path(), &["check", "--format", "json"], &[]);
    assert!(run.code <= 1, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON output");
    let differs: Vec<String> = crate::support::findings_of(&json)
        .into_iter()
        .filter(|f| f.code == "value-reading-differs")
        .map(|f| f.message)
        .collect();
    let about = |claim: &str| {
        differs
            .iter()
            .find(|m| m.contains(&format!("claim `{claim}`")))
            .unwrap_or_else(|| panic!("no value-reading-differs for `{claim}`: {differs:?}"))
    };
    assert!(
        about("bound-turned").contains("\"at least 5,000\", which reads as [5,000, ∞) at-least")
    );
    assert!(about("denied").contains("which the quote negates"));
    assert!(about("range-ends").contains("\"2,000 to 3,500\""));
    assert!(
        !differs.iter().any(|m| m.contains("claim `groups`")),
        "a run of groups far too long to be a count states no number: {differs:?}"
    );
}
