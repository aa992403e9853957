//! Putting a new record into a record file's text without touching a byte of what stands there:
//! after the last table of its kind (without one, before the first table of a kind that stands
//! after it in the canonical order), ahead of the comment that belongs to the next table and of
//! the file's closing comment, with one blank line on each side, in the file's own line breaks.

use crate::authoring::fmt::kind_rank;
use toml_edit::{Document, Item, RawString};

/// Why a file's text cannot take a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Unfit {
    pub(super) message: String,
}

/// `text` with `record` (a canonical record text of `kind`, ending in a newline) put in its place;
/// and the byte range the record took in the result.
pub(super) fn insert(
    text: &str,
    kind: &str,
    record: &str,
) -> Result<(String, std::ops::Range<usize>), Unfit> {
    let bom = if text.starts_with('\u{feff}') {
        "\u{feff}"
    } else {
        ""
    };
    let body = &text[bom.len()..];
    let doc = Document::parse(body).map_err(|error| Unfit {
        message: format!("it is not valid TOML ({})", error.message().trim()),
    })?;
    // Every table in the order it stands: its kind and where its own comment lines begin.
    let mut tables: Vec<(isize, &str, usize)> = Vec::new();
    for (name, item) in doc.as_table().iter() {
        let Item::ArrayOfTables(array) = item else {
            return Err(Unfit {
                message: format!("`{name}` is not a table of records"),
            });
        };
        for table in array.iter() {
            let header = table.span().map_or(0, |span| span.start);
            let start = comment_above(body, span_of(table.decor().prefix()), header);
            tables.push((table.position().unwrap_or(isize::MAX), name, start));
        }
    }
    tables.sort_by_key(|(position, _, _)| *position);
    let next = match tables.iter().rposition(|(_, name, _)| *name == kind) {
        Some(last) => tables.get(last + 1),
        None => tables
            .iter()
            .find(|(_, name, _)| kind_rank(name) > kind_rank(kind)),
    };
    let at = match next {
        Some((_, _, start)) => *start,
        None => span_of(Some(doc.trailing())).map_or(body.len(), |span| span.start),
    };
    let newline = if body.contains("\r\n") { "\r\n" } else { "\n" };
    let (before, after) = body.split_at(at);
    let blank_before = if before.is_empty() || before.ends_with(&newline.repeat(2)) {
        ""
    } else if before.ends_with(newline) {
        newline
    } else {
        &newline.repeat(2)
    };
    let blank_after = if after.is_empty() || after.starts_with(newline) {
        ""
    } else {
        newline
    };
    let record = record.replace('\n', newline);
    let start = bom.len() + before.len() + blank_before.len();
    let inserted = format!("{bom}{before}{blank_before}{record}{blank_after}{after}");
    Ok((inserted, start..start + record.len()))
}

fn span_of(raw: Option<&RawString>) -> Option<std::ops::Range<usize>> {
    raw.and_then(RawString::span)
}

/// Where the comment lines touching a table's header begin (the header itself when none do):
/// they belong to the table and stay above it.
fn comment_above(text: &str, prefix: Option<std::ops::Range<usize>>, header: usize) -> usize {
    let Some(prefix) = prefix else {
        return header;
    };
    let mut start = header;
    let decor = text.get(prefix.start..header).unwrap_or_default();
    for line in decor.split_inclusive('\n').rev() {
        if !line.trim_start().starts_with('#') {
            break;
        }
        start -= line.len();
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const FIGURE: &str = "[[figure]]\nid = \"new\"\n";
    const CLAIM: &str = "[[claim]]\nid = \"new\"\n";

    fn inserted(text: &str, kind: &str, record: &str) -> String {
        let (result, range) = insert(text, kind, record).unwrap();
        let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
        assert_eq!(result[range], record.replace('\n', newline));
        result
    }

    #[test]
    fn a_claim_goes_after_the_last_table_and_before_the_closing_comment() {
        let text = "# Claims of doc001.\n\n[[claim]]\nid = \"a\" # kept\n\n# the end\n";
        assert_eq!(
            inserted(text, "claim", CLAIM),
            "# Claims of doc001.\n\n[[claim]]\nid = \"a\" # kept\n\n[[claim]]\nid = \"new\"\n\n# the end\n"
        );
        // No blank line and no final newline: both are added around the record only.
        assert_eq!(
            inserted("[[claim]]\nid = \"a\"", "claim", CLAIM),
            "[[claim]]\nid = \"a\"\n\n[[claim]]\nid = \"new\"\n"
        );
        assert_eq!(inserted("", "claim", CLAIM), CLAIM);
    }

    #[test]
    fn a_figure_goes_before_the_claims_and_the_comment_above_them() {
        let text = "# Opening comment.\n\n[[figure]]\nid = \"f\"\n\n# About the claim.\n[[claim]]\nid = \"c\"\n";
        assert_eq!(
            inserted(text, "figure", FIGURE),
            "# Opening comment.\n\n[[figure]]\nid = \"f\"\n\n[[figure]]\nid = \"new\"\n\n# About the claim.\n[[claim]]\nid = \"c\"\n"
        );
        // Before the first table: the file's opening comment stays on top.
        let text = "# Opening comment.\n\n# About the claim.\n[[claim]]\nid = \"c\"\n";
        assert_eq!(
            inserted(text, "figure", FIGURE),
            "# Opening comment.\n\n[[figure]]\nid = \"new\"\n\n# About the claim.\n[[claim]]\nid = \"c\"\n"
        );
    }

    #[test]
    fn a_record_follows_the_last_of_its_kind_in_a_file_out_of_order() {
        let speaker = "[[speaker]]\nid = \"new\"\n";
        assert_eq!(
            inserted("[[figure]]\n[[speaker]]\n", "speaker", speaker),
            "[[figure]]\n[[speaker]]\n\n[[speaker]]\nid = \"new\"\n"
        );
    }

    #[test]
    fn line_breaks_and_a_byte_order_mark_are_the_file_s_own() {
        let text = "\u{feff}[[claim]]\r\nid = \"a\"\r\n";
        assert_eq!(
            inserted(text, "claim", CLAIM),
            "\u{feff}[[claim]]\r\nid = \"a\"\r\n\r\n[[claim]]\r\nid = \"new\"\r\n"
        );
    }

    #[test]
    fn a_file_that_is_no_record_file_is_refused() {
        assert!(
            insert("x = 1\n", "claim", CLAIM)
                .unwrap_err()
                .message
                .contains("`x`")
        );
        assert!(insert("[[claim]\n", "claim", CLAIM).is_err());
    }

    /// A record file of tables of any kind in any order, with comments and blank lines between.
    fn file() -> impl Strategy<Value = String> {
        let kinds = prop::sample::select(vec!["speaker", "source", "figure", "claim", "other"]);
        let gap = prop::sample::select(vec!["", "\n", "# about it\n", "\n# about it\n", "\n\n"]);
        let table = (gap.clone(), kinds, 0u8..3).prop_map(|(gap, kind, fields)| {
            let fields: String = (0..fields).map(|i| format!("f{i} = {i} # c\n")).collect();
            format!("{gap}[[{kind}]]\n{fields}")
        });
        (prop::collection::vec(table, 0..6), gap, any::<bool>()).prop_map(|(tables, end, crlf)| {
            let text = format!("{}{end}", tables.concat());
            if crlf {
                text.replace('\n', "\r\n")
            } else {
                text
            }
        })
    }

    proptest! {
        #[test]
        fn the_record_goes_in_whole_and_every_byte_around_it_stays(
            text in file(),
            kind in prop::sample::select(vec!["speaker", "source", "figure", "claim"]),
        ) {
            let record = format!("[[{kind}]]\nid = \"new\"\n");
            let (result, range) = insert(&text, kind, &record).unwrap();
            // Taking the record and at most the blank lines it added out gives the text back.
            let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
            let restored = (0..=2).flat_map(|before| (0..=1).map(move |after| (before, after))).any(|(before, after)| {
                let start = range.start.checked_sub(before * newline.len());
                let end = range.end + after * newline.len();
                match (start, result.get(end..)) {
                    (Some(start), Some(rest)) => {
                        let added = format!("{}{}", &result[start..range.start], &result[range.end..end]);
                        added.chars().all(|c| c == '\r' || c == '\n')
                            && format!("{}{rest}", &result[..start]) == text
                    }
                    _ => false,
                }
            });
            prop_assert!(restored, "{:?} -> {:?}", text, result);
            // The new table follows the last of its kind; in a file whose kinds stand in the
            // canonical order, it stands after every table of its kind or before, and before the
            // others.
            let doc = Document::parse(result.as_str()).unwrap();
            let mut tables = Vec::new();
            for (name, item) in doc.as_table().iter() {
                for table in item.as_array_of_tables().unwrap().iter() {
                    let new = table.get("id").and_then(Item::as_str) == Some("new");
                    tables.push((table.position().unwrap(), name.to_string(), new));
                }
            }
            tables.sort_by_key(|(position, _, _)| *position);
            let at = tables.iter().position(|(_, _, new)| *new).unwrap();
            if let Some(last) = tables.iter().rposition(|(_, name, new)| name == kind && !new) {
                prop_assert_eq!(last + 1, at, "{:?}", result);
            }
            let ranks: Vec<usize> = tables.iter().filter(|t| !t.2).map(|t| kind_rank(&t.1)).collect();
            if ranks.is_sorted() {
                for (index, (_, name, _)) in tables.iter().enumerate() {
                    prop_assert_eq!(kind_rank(name) <= kind_rank(kind), index <= at, "{:?}", result);
                }
            }
        }
    }
}
