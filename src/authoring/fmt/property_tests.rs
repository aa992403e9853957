//! Generated record files, from random field subsets, comments, spacing and order: formatting keeps
//! the records and every comment, keeps comments beside what they precede, and is idempotent.

use super::layout::field_order;
use super::values;
use super::verify::comments;
use super::{Options, format};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Value {
    Integer(i64),
    Text(String),
    Flag(bool),
    List {
        items: Vec<String>,
        comments: Vec<Option<String>>,
        multi_line: bool,
    },
}

#[derive(Debug, Clone)]
struct Field {
    name: String,
    value: Value,
    above: Option<String>,
    trailing: Option<String>,
    escaped: bool,
    spacing: (&'static str, &'static str, &'static str),
}

#[derive(Debug, Clone)]
struct Record {
    kind: &'static str,
    fields: Vec<Field>,
    leading: Option<(String, bool)>,
    header_comment: Option<String>,
    blank_lines_before: usize,
}

#[derive(Debug, Clone)]
struct File {
    header: Option<String>,
    records: Vec<Record>,
    trailer: Option<String>,
}

const KINDS: [&str; 5] = ["speaker", "source", "figure", "claim", "extra"];
const LISTS: [&str; 6] = [
    "aliases",
    "affiliations",
    "authors",
    "basis",
    "disputes",
    "supersedes",
];

fn comment() -> impl Strategy<Value = String> {
    "[ -~]{0,20}".prop_map(|text| format!("# {text}"))
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{0,30}",
        "\\PC{0,12}",
        "[a-z\n\t\u{1}\u{7f}'\"\\\\]{0,12}",
    ]
}

fn value(name: &str) -> BoxedStrategy<Value> {
    let list = (
        prop::collection::vec(text(), 0..4),
        prop::collection::vec(prop::option::of(comment()), 4),
        any::<bool>(),
    )
        .prop_map(|(items, comments, multi_line)| Value::List {
            items,
            comments,
            multi_line,
        });
    match name {
        "value" => prop_oneof![
            any::<i64>().prop_map(Value::Integer),
            text().prop_map(Value::Text)
        ]
        .boxed(),
        "low" | "best" | "high" => any::<i64>().prop_map(Value::Integer).boxed(),
        "varies" | "withdrawn" => any::<bool>().prop_map(Value::Flag).boxed(),
        name if LISTS.contains(&name) => list.boxed(),
        _ => prop_oneof![
            4 => text().prop_map(Value::Text),
            1 => any::<i64>().prop_map(Value::Integer),
            1 => list,
        ]
        .boxed(),
    }
}

fn field(name: String) -> impl Strategy<Value = Field> {
    let spacing = prop::sample::select(vec![("", "", ""), ("", " ", " "), ("  ", "   ", "\t")]);
    (
        value(&name),
        prop::option::of(comment()),
        prop::option::of(comment()),
        any::<bool>(),
        spacing,
    )
        .prop_map(move |(value, above, trailing, escaped, spacing)| Field {
            name: name.clone(),
            value,
            above,
            trailing,
            escaped,
            spacing,
        })
}

fn record() -> impl Strategy<Value = Record> {
    prop::sample::select(KINDS.to_vec()).prop_flat_map(|kind| {
        let mut names: Vec<String> = field_order(kind).iter().map(|s| s.to_string()).collect();
        names.extend(["x_extra".to_string(), "a_extra".to_string()]);
        let count = names.len();
        let fields = prop::sample::subsequence(names, 0..=count)
            .prop_shuffle()
            .prop_flat_map(|names| names.into_iter().map(field).collect::<Vec<_>>());
        (
            fields,
            prop::option::of((comment(), any::<bool>())),
            prop::option::of(comment()),
            0..3usize,
        )
            .prop_map(
                move |(fields, leading, header_comment, blank_lines_before)| Record {
                    kind,
                    fields,
                    leading,
                    header_comment,
                    blank_lines_before,
                },
            )
    })
}

fn file() -> impl Strategy<Value = File> {
    (
        prop::option::of(comment()),
        prop::collection::vec(record(), 0..7),
        prop::option::of(comment()),
    )
        .prop_map(|(header, records, trailer)| {
            let mut file = File {
                header,
                records,
                trailer,
            };
            number_comments(&mut file);
            file
        })
}

/// Make every comment unique, so a test can find each one in the output.
fn number_comments(file: &mut File) {
    let mut count = 0;
    let mut number = |comment: &mut String| {
        count += 1;
        *comment = format!("#{count}{}", &comment[1..]).trim_end().to_string();
    };
    let records = file.records.iter_mut();
    for comment in file.header.iter_mut().chain(file.trailer.iter_mut()) {
        number(comment);
    }
    for record in records {
        for (comment, _) in record.leading.iter_mut() {
            number(comment);
        }
        for comment in record.header_comment.iter_mut() {
            number(comment);
        }
        for field in &mut record.fields {
            for comment in field.above.iter_mut().chain(field.trailing.iter_mut()) {
                number(comment);
            }
            if let Value::List { comments, .. } = &mut field.value {
                for comment in comments.iter_mut().flatten() {
                    number(comment);
                }
            }
        }
    }
}

/// A string as a curator might write it: escaped by hand, or in toml_edit's own choice of form.
fn string(text: &str, escaped: bool) -> String {
    if !escaped {
        return toml_edit::Value::from(text).to_string();
    }
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn write_value(value: &Value, escaped: bool) -> String {
    match value {
        Value::Integer(n) => n.to_string(),
        Value::Text(text) => string(text, escaped),
        Value::Flag(flag) => flag.to_string(),
        Value::List {
            items,
            comments,
            multi_line,
        } => {
            let has_comments = comments.iter().take(items.len()).any(Option::is_some);
            if !multi_line && !has_comments {
                let items: Vec<_> = items.iter().map(|item| string(item, escaped)).collect();
                return format!("[ {} ]", items.join(" ,"));
            }
            let mut out = String::from("[\n");
            for (item, comment) in items.iter().zip(comments) {
                out.push_str(&format!("  {},", string(item, escaped)));
                if let Some(comment) = comment {
                    out.push_str(&format!(" {comment}\n  {comment} own line"));
                }
                out.push('\n');
            }
            out.push(']');
            out
        }
    }
}

fn write_file(file: &File) -> String {
    let mut out = String::new();
    if let Some(header) = &file.header {
        out.push_str(&format!("{header}\n\n"));
    }
    for record in &file.records {
        out.push_str(&"\n".repeat(record.blank_lines_before));
        if let Some((comment, set_apart)) = &record.leading {
            out.push_str(&format!(
                "{comment}\n{}",
                if *set_apart { "\n" } else { "" }
            ));
        }
        out.push_str(&format!("[[{}]]", record.kind));
        if let Some(comment) = &record.header_comment {
            out.push_str(&format!(" {comment}"));
        }
        out.push('\n');
        for field in &record.fields {
            if let Some(comment) = &field.above {
                out.push_str(&format!("  {comment}\n"));
            }
            let (indent, before, after) = field.spacing;
            let value = write_value(&field.value, field.escaped);
            out.push_str(&format!("{indent}{}{before}={after}{value}", field.name));
            if let Some(comment) = &field.trailing {
                out.push_str(&format!("   {comment}   "));
            }
            out.push('\n');
        }
    }
    if let Some(trailer) = &file.trailer {
        out.push_str(trailer);
    }
    out
}

fn sorted_by_id(mut table: toml::Table) -> toml::Table {
    for (_, value) in table.iter_mut() {
        if let toml::Value::Array(records) = value {
            records.sort_by_key(|record| {
                let id = record
                    .get("id")
                    .and_then(toml::Value::as_str)
                    .map(str::to_string);
                (id.is_none(), id)
            });
        }
    }
    table
}

/// The first line after `comment` that is not itself a comment or blank.
fn line_after<'a>(output: &'a str, comment: &str) -> Option<&'a str> {
    let mut lines = output.lines().skip_while(|line| *line != comment);
    lines.next()?;
    lines.find(|line| !line.is_empty() && !line.starts_with('#'))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn formatting_keeps_records_and_comments_and_is_idempotent(file in file(), sort: bool) {
        let input = write_file(&file);
        let options = Options { sort };
        let output = format(&input, options).map_err(|error| {
            TestCaseError::fail(format!("{error}\n--- input:\n{input}"))
        })?;

        let before: toml::Table = toml::from_str(&input).expect("the generated file is TOML");
        let after: toml::Table = toml::from_str(&output).expect("the output is TOML");
        let before = if sort { sorted_by_id(before) } else { before };
        prop_assert_eq!(before, after, "records changed\n--- output:\n{}", output);

        let mut expected_comments = comments(&input);
        let mut kept_comments = comments(&output);
        expected_comments.sort_unstable();
        kept_comments.sort_unstable();
        prop_assert_eq!(expected_comments, kept_comments);

        for record in &file.records {
            for field in &record.fields {
                let field_start = format!("{} = ", field.name);
                if let Some(comment) = &field.above {
                    let next = line_after(&output, comment).unwrap_or_default();
                    prop_assert!(next.starts_with(&field_start), "`{}` above `{}`:\n{}", comment, next, output);
                }
                let canonical = match &field.value {
                    Value::Integer(n) => Some(n.to_string()),
                    Value::Text(text) => Some(values::string(text)),
                    Value::Flag(flag) => Some(flag.to_string()),
                    Value::List { .. } => None,
                };
                if let (Some(comment), Some(value)) = (&field.trailing, canonical) {
                    let on_field = format!("\n{field_start}{value} {comment}\n");
                    prop_assert!(output.contains(&on_field), "`{}` left its field:\n{}", comment, output);
                }
            }
            if let Some((comment, false)) = &record.leading {
                let next = line_after(&output, comment).unwrap_or_default();
                prop_assert!(next.starts_with(&format!("[[{}]]", record.kind)), "`{}` above `{}`", comment, next);
            }
        }

        let again = format(&output, options).expect("formatted text formats");
        prop_assert_eq!(again, output);
    }
}
