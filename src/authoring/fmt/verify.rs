//! The formatter's guard against itself: the formatted text must read back to the same records
//! and hold the same comments as the input, or it is refused. The records are read with the `toml`
//! crate and the comments with the TOML lexer, so neither check shares code with the formatter.

use super::Options;
use super::layout::by_id;
use toml::{Table, Value};
use toml_parser::lexer::TokenKind;

/// `Ok` when `after` says what `before` says, comments included; otherwise what would change.
pub(super) fn same_content(before: &str, after: &str, options: Options) -> Result<(), String> {
    // A file already in canonical form (what `fmt --check` meets in CI) says what it said: reading
    // it twice more would be two thirds of the work.
    if before == after {
        return Ok(());
    }
    let mut old: Table =
        toml::from_str(before).map_err(|error| format!("how the file reads ({error})"))?;
    let new: Table = toml::from_str(after)
        .map_err(|error| format!("the file into text that does not read back ({error})"))?;
    if options.sort {
        for (_, value) in old.iter_mut() {
            if let Value::Array(records) = value {
                records.sort_by(|a, b| by_id(id(a), id(b)));
            }
        }
    }
    if !same_table(&old, &new) {
        return Err("what the records say".to_string());
    }
    let (mut old_comments, mut new_comments) = (comments(before), comments(after));
    old_comments.sort_unstable();
    new_comments.sort_unstable();
    if old_comments != new_comments {
        return Err("the file's comments".to_string());
    }
    Ok(())
}

fn id(record: &Value) -> Option<&str> {
    record.get("id").and_then(Value::as_str)
}

fn same_table(a: &Table, b: &Table) -> bool {
    a.len() == b.len()
        && a.iter()
            .all(|(key, value)| b.get(key).is_some_and(|other| same(value, other)))
}

/// Equality of values in which a NaN equals a NaN: a file stating `nan` says the same after.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Float(a), Value::Float(b)) => a == b || (a.is_nan() && b.is_nan()),
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b))
        }
        (Value::Table(a), Value::Table(b)) => same_table(a, b),
        _ => a == b,
    }
}

/// Every comment of a TOML text, without trailing space.
pub(super) fn comments(text: &str) -> Vec<&str> {
    toml_parser::Source::new(text)
        .lex()
        .filter(|token| token.kind() == TokenKind::Comment)
        .map(|token| text[token.span().start()..token.span().end()].trim_end())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const INPUT: &str = "# top\n[[claim]]\nid = \"b\" # why\n[[claim]]\nid = \"a\"\n";

    #[test]
    fn the_same_records_and_comments_in_another_layout_pass() {
        let relaid = "# top\n\n[[claim]]\nid = 'b'   # why   \n\n[[claim]]\nid = \"a\"\n";
        assert_eq!(same_content(INPUT, relaid, Options::default()), Ok(()));
        let sorted = "# top\n[[claim]]\nid = \"a\"\n[[claim]]\nid = \"b\" # why\n";
        assert_eq!(same_content(INPUT, sorted, Options { sort: true }), Ok(()));
    }

    #[test]
    fn a_changed_value_or_order_is_refused() {
        let changed = "# top\n[[claim]]\nid = \"b\" # why\n[[claim]]\nid = \"c\"\n";
        assert!(same_content(INPUT, changed, Options::default()).is_err());
        let sorted = "# top\n[[claim]]\nid = \"a\"\n[[claim]]\nid = \"b\" # why\n";
        assert!(same_content(INPUT, sorted, Options::default()).is_err());
        let integer = "[[claim]]\nvalue = 30\n";
        assert!(same_content(integer, "[[claim]]\nvalue = \"30\"\n", Options::default()).is_err());
    }

    #[test]
    fn a_lost_or_changed_comment_is_refused() {
        let lost = "# top\n[[claim]]\nid = \"b\"\n[[claim]]\nid = \"a\"\n";
        assert!(same_content(INPUT, lost, Options::default()).is_err());
        let changed = "# top\n[[claim]]\nid = \"b\" # why not\n[[claim]]\nid = \"a\"\n";
        assert!(same_content(INPUT, changed, Options::default()).is_err());
    }

    #[test]
    fn a_hash_inside_a_string_is_not_a_comment() {
        assert_eq!(comments("x = \"# no\" # yes\n"), vec!["# yes"]);
    }

    #[test]
    fn nan_says_the_same_as_nan() {
        assert_eq!(
            same_content("x = nan\n", "x   =   nan\n", Options::default()),
            Ok(())
        );
    }
}
