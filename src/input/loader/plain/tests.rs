use super::read;
use crate::input::files::FileId;
use crate::input::loader::{FileRecords, Folder, parse_document};
use crate::input::records::reading;
use std::path::{Path, PathBuf};

/// The records of `text` read in the plain shape, and read through `toml`'s document with the
/// findings that met.
fn both_ways(text: &str, folder: Folder) -> (Option<FileRecords>, FileRecords, usize) {
    let _reading = reading(text);
    let mut findings = Vec::new();
    let document = parse_document(text, FileId(0), folder, &mut findings);
    (read(text, folder), document, findings.len())
}

fn record_files(root: &Path, found: &mut Vec<(PathBuf, Folder)>) {
    for (name, folder) in [("claims", Folder::Claims), ("sources", Folder::Sources)] {
        let Ok(entries) = std::fs::read_dir(root.join(name)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|ext| ext == "toml") {
                found.push((path, folder));
            }
        }
    }
}

#[test]
fn a_plain_file_reads_as_toml_reads_it_and_others_go_to_toml() {
    let project = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut shipped = Vec::new();
    record_files(project, &mut shipped);
    let mut fixtures = Vec::new();
    for base in std::fs::read_dir(project.join("tests/fixtures")).unwrap() {
        record_files(&base.unwrap().path(), &mut fixtures);
    }
    assert!(shipped.len() >= 5 && fixtures.len() > 100);
    let mut plain = 0;
    for (path, folder) in shipped.iter().chain(&fixtures) {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let (read, document, findings) = both_ways(&text, *folder);
        if let Some(read) = read {
            assert_eq!(findings, 0, "{}", path.display());
            assert_eq!(
                format!("{read:?}"),
                format!("{document:?}"),
                "{}",
                path.display()
            );
            plain += 1;
        } else if shipped.iter().any(|(shipped, _)| shipped == path) {
            panic!(
                "the shipped {} is not read in the plain shape",
                path.display()
            );
        }
    }
    assert!(
        plain > fixtures.len() / 2,
        "{plain} of {} read plain",
        fixtures.len()
    );
}

#[test]
fn strings_numbers_lists_and_inline_tables_take_the_places_toml_gives() {
    let claims = r#"# a comment
[[figure]]
id = "killed"
label = 'Killed'
varies = true
window = "year"

[[claim]]
id = "c1"
figure = "killed"
value = 5000
low = 4_000
high = 6.5e3
speaker = "amnesty"   # trailing comment
quote = """
about 5,000 "people" died"""
statement = """about \u0035,000 \
    died"""
according_to = ["hrana", 'iran-hrm']
basis = []
stance = "reports"
as_of = "1988-07"
"#;
    let (read, document, findings) = both_ways(claims, Folder::Claims);
    assert_eq!(findings, 0);
    let read = read.expect("a plain file");
    assert_eq!(format!("{read:?}"), format!("{document:?}"));
    assert_eq!(
        read.claims[0].quote.as_ref().unwrap().text(claims),
        "about 5,000 \"people\" died"
    );

    let sources = r#"[[speaker]]
id = "fauci"
name = "Anthony Fauci"
kind = "person"
affiliations = ["niaid", { id = "nih", from = "2006", until = "2022" }]
"#;
    let (read, document, _) = both_ways(sources, Folder::Sources);
    assert_eq!(
        format!("{:?}", read.expect("a plain file")),
        format!("{document:?}")
    );
}

#[test]
fn any_other_shape_or_a_problem_goes_to_toml() {
    let claim = "[[claim]]\nid = \"c1\"\nspeaker = \"amnesty\"\n";
    // Each text, and whether `toml` finds a problem in it.
    for (text, folder, problem) in [
        ("[claim]\nid = \"c1\"\n", Folder::Claims, true),
        (
            &format!("{claim}[meta]\nquote = \"5,000\"\n"),
            Folder::Claims,
            true,
        ),
        (
            "id = \"c1\"\n[[claim]]\nspeaker = \"x\"\n",
            Folder::Claims,
            true,
        ),
        (&format!("{claim}source.id = \"s\"\n"), Folder::Claims, true),
        (
            &format!("{claim}as_of = 1988-07-19\n"),
            Folder::Claims,
            false,
        ),
        (&format!("{claim}basis = [[\"a\"]]\n"), Folder::Claims, true),
        (
            &format!("{claim}according_to = {{ a = {{ b = 1 }} }}\n"),
            Folder::Claims,
            true,
        ),
        (
            "[[\"claim\"]]\nid = \"c1\"\nspeaker = \"amnesty\"\n",
            Folder::Claims,
            false,
        ),
        ("[[claim.x]]\nid = \"c1\"\n", Folder::Claims, true),
        (
            &format!("{claim}quote = \"unclosed\n"),
            Folder::Claims,
            true,
        ),
        (
            &format!("{claim}quote = \"bad \\q escape\"\n"),
            Folder::Claims,
            true,
        ),
        (&format!("{claim}# a \u{7} bell\n"), Folder::Claims, true),
        (
            &format!("{claim}speaker = \"again\"\n"),
            Folder::Claims,
            true,
        ),
        (
            &format!("{claim}qoute = \"misspelt\"\n"),
            Folder::Claims,
            true,
        ),
        (&format!("{claim}value = true\n"), Folder::Claims, true),
        (claim, Folder::Sources, true),
        ("[[speaker]]\nid = \"x\"\n", Folder::Claims, true),
    ] {
        let (read, _, findings) = both_ways(text, folder);
        assert!(read.is_none(), "{text}");
        assert_eq!(findings > 0, problem, "{text}");
    }
}
