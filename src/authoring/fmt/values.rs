//! One canonical text for each TOML value and key: basic strings unless the text needs a literal
//! or multi-line string, integers in decimal, arrays on one line when short and without comments,
//! one item a line otherwise, with every comment inside kept beside the item it belongs to.

use super::comments::comment_in;
use toml_edit::{Array, Formatted, RawString, Value};
use toml_writer::{ToTomlKey, ToTomlValue, TomlKeyBuilder, TomlStringBuilder};

/// The widest line an array is kept on, in characters.
pub(super) const WIDTH: usize = 100;
/// The indentation of each item of an array written one item a line.
const INDENT: &str = "    ";

/// A value that cannot be written back as it stands.
#[derive(Debug)]
pub(super) struct ValueError {
    pub(super) message: &'static str,
}

/// The text of decor as it stands in the file: toml_edit keeps parsed decor as byte ranges.
pub(super) fn raw<'t>(raw: Option<&RawString>, text: &'t str) -> &'t str {
    raw.and_then(RawString::span)
        .and_then(|span| text.get(span))
        .unwrap_or("")
}

/// A key, bare when it can be.
pub(super) fn key(name: &str) -> String {
    TomlKeyBuilder::new(name).as_default().to_toml_key()
}

/// A string: basic unless the text needs a literal (quotes or backslashes it would escape) or a
/// multi-line string (line breaks); escapes only when no form avoids them.
pub(super) fn string(text: &str) -> String {
    let builder = TomlStringBuilder::new(text);
    let single_line = builder.as_basic_pretty().or_else(|| builder.as_literal());
    let chosen = if text.contains('\n') {
        single_line
            .or_else(|| builder.as_ml_basic_pretty())
            .or_else(|| builder.as_ml_literal())
            .unwrap_or_else(|| builder.as_ml_basic())
    } else {
        single_line.unwrap_or_else(|| builder.as_basic())
    };
    chosen.to_toml_value()
}

/// The canonical text of `value`, written where `column` characters of its line already stand and
/// with `indent` before each of its own lines. Inline tables are kept as written.
pub(super) fn render(
    value: &Value,
    text: &str,
    indent: &str,
    column: usize,
) -> Result<String, ValueError> {
    Ok(match value {
        Value::String(s) => string(s.value()),
        Value::Integer(n) => n.value().to_string(),
        Value::Float(f) => Formatted::new(*f.value()).display_repr().into_owned(),
        Value::Boolean(b) => b.value().to_string(),
        Value::Datetime(d) => d.value().to_string(),
        Value::Array(array) => render_array(array, text, indent, column)?,
        Value::InlineTable(table) => table
            .span()
            .and_then(|span| text.get(span))
            .map(str::to_string)
            .ok_or(ValueError {
                message: "this inline table cannot be kept as written",
            })?,
    })
}

/// An item of an array with the comments that belong to it.
struct Item {
    above: Vec<String>,
    text: String,
    trailing: Option<String>,
}

/// The comments of an array, each given to the item it belongs to: a comment on the line of an item
/// (or of the opening bracket) stays on that line, a comment on a line of its own goes above the next
/// item (or before the closing bracket).
#[derive(Default)]
struct Collected {
    after_open: Option<String>,
    items: Vec<Item>,
    pending: Vec<String>,
    line_break_since_token: bool,
}

impl Collected {
    fn decor(&mut self, raw: &str) {
        for (index, segment) in raw.split('\n').enumerate() {
            self.line_break_since_token |= index > 0;
            let Some(comment) = comment_in(segment) else {
                continue;
            };
            if self.line_break_since_token {
                self.pending.push(comment);
            } else {
                // Only one comment fits on a line, so the slot is free.
                match self.items.last_mut() {
                    Some(item) => item.trailing = Some(comment),
                    None => self.after_open = Some(comment),
                }
            }
        }
    }

    fn item(&mut self, text: String) {
        self.items.push(Item {
            above: std::mem::take(&mut self.pending),
            text,
            trailing: None,
        });
        self.line_break_since_token = false;
    }

    fn has_comments(&self) -> bool {
        self.after_open.is_some()
            || !self.pending.is_empty()
            || self
                .items
                .iter()
                .any(|item| !item.above.is_empty() || item.trailing.is_some())
    }
}

fn render_array(
    array: &Array,
    text: &str,
    indent: &str,
    column: usize,
) -> Result<String, ValueError> {
    let inner_indent = format!("{indent}{INDENT}");
    let mut collected = Collected::default();
    for value in array.iter() {
        collected.decor(raw(value.decor().prefix(), text));
        let rendered = render(value, text, &inner_indent, inner_indent.chars().count())?;
        collected.item(rendered);
        collected.decor(raw(value.decor().suffix(), text));
    }
    collected.decor(raw(Some(array.trailing()), text));

    let one_line = format!(
        "[{}]",
        collected
            .items
            .iter()
            .map(|item| item.text.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    let fits = column + one_line.chars().count() <= WIDTH;
    if !collected.has_comments() && !one_line.contains('\n') && (fits || collected.items.len() < 2)
    {
        return Ok(one_line);
    }
    let mut out = String::from("[");
    if let Some(comment) = &collected.after_open {
        out.push(' ');
        out.push_str(comment);
    }
    for item in &collected.items {
        for comment in &item.above {
            out.push_str(&format!("\n{inner_indent}{comment}"));
        }
        out.push_str(&format!("\n{inner_indent}{},", item.text));
        if let Some(comment) = &item.trailing {
            out.push(' ');
            out.push_str(comment);
        }
    }
    for comment in &collected.pending {
        out.push_str(&format!("\n{inner_indent}{comment}"));
    }
    out.push_str(&format!("\n{indent}]"));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The canonical text of the value of `x` in `x = <source>`.
    fn canonical(source: &str) -> String {
        let text = format!("x = {source}");
        let doc = toml_edit::Document::parse(text.as_str()).expect("valid TOML");
        let value = doc.as_table()["x"].as_value().expect("a value");
        render(value, &text, "", 4).expect("renders")
    }

    #[test]
    fn strings_are_basic_unless_the_text_needs_another_form() {
        assert_eq!(canonical("'plain'"), r#""plain""#);
        assert_eq!(canonical(r#""say \"no\"""#), r#"'say "no"'"#);
        assert_eq!(canonical(r#""a\\b""#), r#"'a\b'"#);
        assert_eq!(canonical(r#""it's \"x\"""#), r#""it's \"x\"""#);
        assert_eq!(canonical(r#""tab\tand\u0001""#), r#""tab\tand\u0001""#);
        assert_eq!(canonical(r#""one\ntwo""#), "\"\"\"\none\ntwo\"\"\"");
    }

    #[test]
    fn numbers_are_never_turned_into_text_or_back() {
        assert_eq!(canonical("5_000"), "5000");
        assert_eq!(canonical("0x1F"), "31");
        assert_eq!(canonical(r#""5000""#), r#""5000""#);
        assert_eq!(canonical("1e3"), "1000.0");
        assert_eq!(canonical("1988-08-01"), "1988-08-01");
    }

    #[test]
    fn keys_are_quoted_only_when_they_must_be() {
        assert_eq!(key("as_of"), "as_of");
        assert_eq!(key("a b"), r#""a b""#);
    }

    #[test]
    fn short_arrays_stand_on_one_line() {
        assert_eq!(canonical("[\n  'a',\n  \"b\" ,\n]"), r#"["a", "b"]"#);
        assert_eq!(canonical("[ ]"), "[]");
        assert_eq!(canonical("[[1,2],[ ]]"), "[[1, 2], []]");
    }

    #[test]
    fn long_arrays_take_one_item_a_line() {
        let long = format!("['{}', 'b']", "a".repeat(WIDTH));
        let expected = format!("[\n    \"{}\",\n    \"b\",\n]", "a".repeat(WIDTH));
        assert_eq!(canonical(&long), expected);
        // A single item gains nothing from a line of its own.
        let single = format!("['{}']", "a".repeat(WIDTH));
        assert_eq!(canonical(&single), format!("[\"{}\"]", "a".repeat(WIDTH)));
    }

    #[test]
    fn comments_in_an_array_stay_with_their_items() {
        let source =
            "[ # open\n  'a', # on a\n  # above b\n  'b' # on b\n  , 'c'\n  # before close\n]";
        let expected = "[ # open\n    \"a\", # on a\n    # above b\n    \"b\", # on b\n    \"c\",\n    # before close\n]";
        assert_eq!(canonical(source), expected);
        assert_eq!(canonical(expected), expected);
    }

    #[test]
    fn nested_arrays_indent_one_level_deeper() {
        let source = "[[ # inner\n 1]]";
        assert_eq!(canonical(source), "[\n    [ # inner\n        1,\n    ],\n]");
    }

    #[test]
    fn inline_tables_are_kept_as_written() {
        assert_eq!(canonical("{a=1,  b = 'x'}"), "{a=1,  b = 'x'}");
    }
}
