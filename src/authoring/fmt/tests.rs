use super::*;
use crate::input::records::fields;

fn fmt(text: &str) -> String {
    format(text, Options::default()).unwrap_or_else(|error| panic!("{error}\n{text}"))
}

fn sorted(text: &str) -> String {
    format(text, Options { sort: true }).unwrap_or_else(|error| panic!("{error}\n{text}"))
}

#[test]
fn fields_take_the_documented_order_and_unknown_fields_follow_as_they_stand() {
    let text =
        "[[claim]]\nzeta = 1\nnote = \"n\"\nspeaker = \"s\"\nalpha = 2\nid = \"c\"\nvalue = 3\n";
    let expected =
        "[[claim]]\nid = \"c\"\nvalue = 3\nspeaker = \"s\"\nnote = \"n\"\nzeta = 1\nalpha = 2\n";
    assert_eq!(fmt(text), expected);
}

#[test]
fn every_field_the_loader_reads_has_a_place_in_the_same_order() {
    for (kind, loader_fields) in [
        ("speaker", fields::SPEAKER),
        ("source", fields::SOURCE),
        ("figure", fields::FIGURE),
        ("claim", fields::CLAIM),
    ] {
        let order = layout::field_order(kind);
        let places: Vec<usize> = loader_fields
            .iter()
            .map(|field| {
                order
                    .iter()
                    .position(|known| known == field)
                    .unwrap_or_else(|| {
                        panic!("`{field}` of [[{kind}]] has no place in fmt's order")
                    })
            })
            .collect();
        assert!(
            places.is_sorted(),
            "[[{kind}]]: fmt orders the fields differently from docs/format.md"
        );
    }
}

#[test]
fn tables_stand_in_kind_order_and_otherwise_as_written() {
    let text = "[[claim]]\nid = \"c2\"\n[[figure]]\nid = \"f\"\n[[claim]]\nid = \"c1\"\n\
                [[source]]\nid = \"s\"\n[[speaker]]\nid = \"p\"\n";
    let expected = "[[speaker]]\nid = \"p\"\n\n[[source]]\nid = \"s\"\n\n[[figure]]\nid = \"f\"\n\n\
                    [[claim]]\nid = \"c2\"\n\n[[claim]]\nid = \"c1\"\n";
    assert_eq!(fmt(text), expected);
}

#[test]
fn sort_puts_each_kind_in_id_order_with_records_without_an_id_last() {
    let text = "[[claim]]\nspeaker = \"x\"\n[[claim]]\nid = \"b\"\n[[claim]]\nid = \"a\"\n\
                [[figure]]\nid = \"z\"\n[[figure]]\nid = \"y\"\n";
    let expected = "[[figure]]\nid = \"y\"\n\n[[figure]]\nid = \"z\"\n\n[[claim]]\nid = \"a\"\n\n\
                    [[claim]]\nid = \"b\"\n\n[[claim]]\nspeaker = \"x\"\n";
    assert_eq!(sorted(text), expected);
}

#[test]
fn tables_of_unknown_kinds_are_kept_after_the_known_ones() {
    let text = "[[claims]]\nid = \"typo\"\nb = 1\na = 2\n[[claim]]\nid = \"c\"\n";
    let expected = "[[claim]]\nid = \"c\"\n\n[[claims]]\nid = \"typo\"\nb = 1\na = 2\n";
    assert_eq!(fmt(text), expected);
}

#[test]
fn spacing_and_quoting_are_normalised() {
    let text = "\n\n  [[ claim ]]  \n\n  id='c'\n\n\tvalue   =   \"at least 5,000\"\nbasis=[ 'a',\"b\" ]\n\n\n\n\
                [[claim]]\n\"id\" = \"d\"\n";
    let expected = "[[claim]]\nid = \"c\"\nvalue = \"at least 5,000\"\nbasis = [\"a\", \"b\"]\n\n\
                    [[claim]]\nid = \"d\"\n";
    assert_eq!(fmt(text), expected);
}

#[test]
fn integers_stay_integers_and_text_stays_text() {
    let text = "[[claim]]\nid = \"a\"\nvalue = 30_000\n[[claim]]\nid = \"b\"\nvalue = '30000'\n";
    let expected =
        "[[claim]]\nid = \"a\"\nvalue = 30000\n\n[[claim]]\nid = \"b\"\nvalue = \"30000\"\n";
    assert_eq!(fmt(text), expected);
}

#[test]
fn comments_move_with_the_table_or_field_they_precede() {
    let text = "\
# The file's opening comment.

# About claim b.
[[claim]] # on b's header
note = \"n\" # on b's note
# About b's id.
id = \"b\"

# About the figure.
[[figure]]
id = \"f\"

# About claim a.

[[claim]]
id = \"a\"
# The end.
";
    let expected = "\
# The file's opening comment.

# About the figure.
[[figure]]
id = \"f\"

# About claim b.
[[claim]] # on b's header
# About b's id.
id = \"b\"
note = \"n\" # on b's note

# About claim a.

[[claim]]
id = \"a\"

# The end.
";
    assert_eq!(fmt(text), expected);
    let sorted_expected = expected.replacen(
        "# About claim b.\n[[claim]] # on b's header\n# About b's id.\nid = \"b\"\nnote = \"n\" # on b's note\n\n\
         # About claim a.\n\n[[claim]]\nid = \"a\"\n",
        "# About claim a.\n\n[[claim]]\nid = \"a\"\n\n\
         # About claim b.\n[[claim]] # on b's header\n# About b's id.\nid = \"b\"\nnote = \"n\" # on b's note\n",
        1,
    );
    assert_ne!(sorted_expected, expected);
    assert_eq!(sorted(text), sorted_expected);
}

#[test]
fn a_comment_above_the_first_table_moves_with_it_unless_set_apart() {
    let touching = "# About the claim.\n[[claim]]\nid = \"c\"\n[[figure]]\nid = \"f\"\n";
    assert_eq!(
        fmt(touching),
        "[[figure]]\nid = \"f\"\n\n# About the claim.\n[[claim]]\nid = \"c\"\n"
    );
    let apart = "# About the file.\n\n[[claim]]\nid = \"c\"\n[[figure]]\nid = \"f\"\n";
    assert_eq!(
        fmt(apart),
        "# About the file.\n\n[[figure]]\nid = \"f\"\n\n[[claim]]\nid = \"c\"\n"
    );
}

#[test]
fn formatting_twice_changes_nothing() {
    for text in [
        "# a\n\n# b\n[[claim]]\nid = \"c\"\n",
        "# a\n\n# b\n\n[[claim]]\nid = \"c\"\n[[figure]] # x\nid = \"f\"\n#end",
        "[[claim]]\nbasis = [ # why\n 'a']\n",
        "# only a comment",
        "",
    ] {
        let once = fmt(text);
        assert_eq!(fmt(&once), once, "from:\n{text}");
    }
}

#[test]
fn empty_and_comment_only_files_keep_what_they_hold() {
    assert_eq!(fmt(""), "");
    assert_eq!(fmt("\n\n"), "");
    assert_eq!(fmt("\n# one\n\n\n# two   \n\n"), "# one\n\n# two\n");
}

#[test]
fn a_byte_order_mark_and_windows_line_breaks_are_dropped() {
    assert_eq!(
        fmt("\u{feff}[[claim]]\r\nid = \"c\" # x\r\n"),
        "[[claim]]\nid = \"c\" # x\n"
    );
}

#[test]
fn invalid_toml_is_an_error_with_its_place() {
    let error = format("[[claim]]\nid = \"c\nnote = 1\n", Options::default())
        .expect_err("unterminated string");
    assert_eq!(error.at, Some((2, 8)));
    assert!(error.message.starts_with("invalid TOML"), "{error}");
}

#[test]
fn what_a_record_file_cannot_hold_is_an_error_with_its_place() {
    let cases = [
        ("title = \"x\"\n[[claim]]\nid = \"c\"\n", (1, 1), "`title`"),
        (
            "[[claim]]\nid = \"c\"\n[claim.extra]\nx = 1\n",
            (3, 8),
            "`extra`",
        ),
        ("[[claim]]\nid = \"c\"\nmeta.x = 1\n", (3, 1), "`meta`"),
        ("[meta]\n", (1, 2), "`meta`"),
    ];
    for (text, at, names) in cases {
        let error = format(text, Options::default()).expect_err(text);
        assert_eq!(error.at, Some(at), "{text}");
        assert!(error.message.contains(names), "{error}");
    }
}
