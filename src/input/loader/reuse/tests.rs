use super::*;
use crate::input::loader::{parse_inputs, parse_inputs_reusing};
use crate::testing::{FIGURE, SOURCES, claim};
use std::path::Path;

fn input(path: &str, content: &[u8]) -> FileInput {
    FileInput {
        path: path.to_string(),
        content: Ok(content.to_vec()),
    }
}

/// Everything a parse hands on, as text: each file's path, text and records, and the findings.
fn parse_of(loaded: &Loaded) -> String {
    let files: Vec<_> = (loaded.files.iter())
        .map(|(id, file)| (id, &file.path, &file.text))
        .collect();
    format!("{files:?}\n{:?}\n{:#?}", loaded.records, loaded.findings)
}

/// The parse of `second` reusing that of `first`, and a parse of `second` from scratch.
fn both_ways(first: Vec<FileInput>, second: impl Fn() -> Vec<FileInput>) -> (String, String) {
    let earlier = parse_inputs(Path::new("."), first);
    let reused = parse_inputs_reusing(Path::new("."), second(), Some(&earlier));
    let fresh = parse_inputs(Path::new("."), second());
    (parse_of(&reused), parse_of(&fresh))
}

/// Claims with a finding the parse makes (an unknown field), so moved findings are compared too.
fn claims(value: &str) -> String {
    format!(
        "{FIGURE}{}",
        claim("c", value, "outlet", "colour = \"red\"")
    )
}

/// A state of three files: `c.toml` holds a syntax error.
fn first_state() -> Vec<FileInput> {
    vec![
        input("sources/s.toml", SOURCES.as_bytes()),
        input("claims/b.toml", claims("5").as_bytes()),
        input("claims/c.toml", b"[[claim]\nid = "),
    ]
}

/// The next state: `a.toml` is new and, sorted first, shifts every file's id by one; `b.toml`
/// changed; `s.toml` and `c.toml` did not.
fn second_state() -> Vec<FileInput> {
    vec![
        input("sources/s.toml", SOURCES.as_bytes()),
        input("claims/a.toml", claims("7").as_bytes()),
        input("claims/b.toml", claims("6").as_bytes()),
        input("claims/c.toml", b"[[claim]\nid = "),
    ]
}

#[test]
fn a_file_unchanged_between_states_is_copied_and_parses_the_same() {
    let earlier = parse_inputs(Path::new("."), first_state());
    let reuse = Earlier::of(&earlier);
    let second = second_state();
    let copied: Vec<&str> = (second.iter())
        .filter(|input| reuse.parsed(input, FileId(0)).is_some())
        .map(|input| input.path.as_str())
        .collect();
    assert_eq!(copied, ["sources/s.toml", "claims/c.toml"]);

    let (reused, fresh) = both_ways(first_state(), second_state);
    assert_eq!(reused, fresh);
    // The findings compared include some made by the parse, whose places moved to new file ids.
    assert!(
        fresh.contains("TomlSyntax") && fresh.contains("UnknownField"),
        "{fresh}"
    );
}

#[test]
fn a_file_whose_text_was_not_its_bytes_is_parsed_again() {
    let records = claims("5");
    let cases: [(&str, FileInput, Vec<u8>); 3] = [
        // A byte-order mark is read as three spaces; a file that starts with three spaces has none.
        (
            "byte-order mark",
            input("claims/a.toml", format!("\u{feff}{records}").as_bytes()),
            format!("   {records}").into_bytes(),
        ),
        // What is kept of a file that is not UTF-8 is its valid start.
        (
            "not UTF-8",
            input("claims/a.toml", &[records.as_bytes(), b"\xff"].concat()),
            records.clone().into_bytes(),
        ),
        // An unreadable file is kept empty; an empty file holds no records.
        (
            "unreadable",
            FileInput {
                path: "claims/a.toml".into(),
                content: Err("is a directory".into()),
            },
            Vec::new(),
        ),
    ];
    for (case, first, second) in cases {
        let earlier = parse_inputs(Path::new("."), vec![first]);
        let reuse = Earlier::of(&earlier);
        assert!(
            reuse
                .parsed(&input("claims/a.toml", &second), FileId(0))
                .is_none(),
            "{case}"
        );
    }
}

/// The id git gives a blob holding `bytes`.
fn blob_id(bytes: &[u8]) -> String {
    use sha1::Digest;
    let digest = sha1::Sha1::new()
        .chain_update(format!("blob {}\0", bytes.len()))
        .chain_update(bytes)
        .finalize();
    digest.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[test]
fn a_revisions_blob_is_at_hand_only_where_this_state_read_its_very_bytes() {
    let earlier = parse_inputs(Path::new("."), first_state());
    let sources = SOURCES.as_bytes();
    assert_eq!(
        earlier.blob_at_hand("sources/s.toml", &blob_id(sources)),
        Some(sources.to_vec())
    );
    let syntax_error = b"[[claim]\nid = ";
    assert_eq!(
        earlier.blob_at_hand("claims/c.toml", &blob_id(syntax_error)),
        Some(syntax_error.to_vec())
    );
    assert_eq!(earlier.blob_at_hand("sources/s.toml", &blob_id(b"s")), None);
    assert_eq!(
        earlier.blob_at_hand("claims/a.toml", &blob_id(sources)),
        None
    );

    // The text kept of a file that began with a byte-order mark is not the file's bytes.
    let records = claims("5");
    let with_mark = format!("\u{feff}{records}");
    let earlier = parse_inputs(
        Path::new("."),
        vec![input("claims/a.toml", with_mark.as_bytes())],
    );
    let kept = format!("   {records}");
    assert_eq!(earlier.files.get(FileId(0)).text, kept);
    assert_eq!(
        earlier.blob_at_hand("claims/a.toml", &blob_id(kept.as_bytes())),
        None
    );
    assert_eq!(
        earlier.blob_at_hand("claims/a.toml", &blob_id(with_mark.as_bytes())),
        None
    );
}
