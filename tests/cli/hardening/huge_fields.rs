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
