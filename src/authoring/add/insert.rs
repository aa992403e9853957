//! Putting a new record into a record file's text without touching a byte of what stands there:
//! after the last table of its kind or of a kind before it, ahead of the comment that belongs to
//! the next table and of the file's closing comment, with one blank line on each side, in the
//! file's own line breaks.

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
    let rank = kind_rank(kind);
    let mut next_table: Option<(isize, usize)> = None;
    for (name, item) in doc.as_table().iter() {
        let Item::ArrayOfTables(tables) = item else {
            return Err(Unfit {
                message: format!("`{name}` is not a table of records"),
            });
        };
        if kind_rank(name) <= rank {
            continue;
        }
        for table in tables.iter() {
            let position = table.position().unwrap_or(isize::MAX);
            let header = table.span().map_or(0, |span| span.start);
            let start = comment_above(body, span_of(table.decor().prefix()), header);
            if next_table.is_none_or(|(first, _)| position < first) {
                next_table = Some((position, start));
            }
        }
    }
    let at = match next_table {
        Some((_, start)) => start,
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
    for line in text[prefix.start..header].split_inclusive('\n').rev() {
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
}
