//! Unit tests of files: places, line and column positions, paths.

use super::*;

#[test]
fn display_paths_follow_the_prefix_whenever_a_file_is_added() {
    let mut files = Files::new(PathBuf::from("base"));
    let before = files.add(SourceFile::new("claims/a.toml".into(), String::new()));
    files.set_display_prefix("../base/");
    let after = files.add(SourceFile::new("claims/b.toml".into(), String::new()));
    let archived = files.add(SourceFile::external("texts/a.txt".into(), String::new()));
    let shown = [before, after, archived].map(|id| files.display_path(id));
    assert_eq!(
        shown,
        [
            "../base/claims/a.toml",
            "../base/claims/b.toml",
            "texts/a.txt"
        ]
    );
    files.set_display_prefix(".");
    assert_eq!(files.display_path(after), "claims/b.toml");
}

#[test]
fn columns_count_characters_not_bytes() {
    let file = SourceFile::new("a.toml".into(), "id = \"x\"\nquote = \"’é\" x\n".into());
    let offset = file.text.find(" x\n").unwrap() + 1;
    assert_eq!(
        file.line_col(offset),
        LineCol {
            line: 2,
            column: 14
        }
    );
    assert_eq!(file.line_col(0), LineCol { line: 1, column: 1 });
}

#[test]
fn line_range_excludes_line_break() {
    let file = SourceFile::new("a.toml".into(), "a = 1\r\nb = 2".into());
    assert_eq!(&file.text[file.line_range(8)], "b = 2");
    assert_eq!(&file.text[file.line_range(2)], "a = 1");
}

#[test]
fn lines_are_found_from_the_marks_before_them() {
    // Lines of every length, empty and with CRLF, over several marks.
    let text: String = (0..LINES_PER_MARK * 3 + 5)
        .map(|i| match i % 4 {
            0 => "\n".to_string(),
            1 => format!("quote = \"{}\"\r\n", "x".repeat(i)),
            _ => format!("a = {i}\n"),
        })
        .collect();
    let starts = LineStarts::of(&text);
    assert_eq!(starts.0.len(), 4);
    let mut line = (0, 0);
    for (at, byte) in text.bytes().enumerate() {
        assert_eq!(starts.line_of(&text, at), line, "at {at}");
        if byte == b'\n' {
            line = (line.0 + 1, at + 1);
        }
    }
    assert_eq!(starts.line_of(&text, text.len()), line);
    let file = SourceFile::new("a.toml".into(), text.clone());
    for (start, line) in text.split_inclusive('\n').scan(0, |start, line| {
        let this = *start;
        *start += line.len();
        Some((this, line))
    }) {
        let shown = line.trim_end_matches('\n').trim_end_matches('\r');
        for at in start..start + line.len() {
            assert_eq!(&text[file.line_range(at)], shown, "at {at}");
        }
    }
}

#[test]
fn a_location_gives_back_its_span() {
    for span in [
        0..0,
        3..17,
        0..MAX_TEXT_LEN as usize,
        MAX_TEXT_LEN as usize..MAX_TEXT_LEN as usize,
    ] {
        assert_eq!(Location::new(FileId(1), span.clone()).span(), span);
    }
}

#[test]
fn both_ends_of_a_span_are_placed_as_each_alone() {
    // Spans on one line, across lines, inside characters, reversed and past the end.
    let text = "a = \"é1\"\n\nquote = \"Ж x\"\r\nb = 2";
    let file = SourceFile::new("a.toml".into(), text.into());
    for start in 0..text.len() + 2 {
        for end in 0..text.len() + 2 {
            let each_alone = (file.line_col(start), file.line_col(end));
            assert_eq!(
                file.span_line_cols(&(start..end)),
                each_alone,
                "{start}..{end}"
            );
        }
    }
}

#[test]
fn offsets_past_the_end_are_clamped() {
    let file = SourceFile::new("a.toml".into(), "ab".into());
    assert_eq!(file.line_col(99), LineCol { line: 1, column: 3 });
}
