//! The canonical layout of a record file: its records with the comments that belong to them, put
//! in table order and field order, and written back with one blank line between tables.

use super::comments::{self, Line};
use super::values::{self, raw};
use std::cmp::Ordering;
use toml_edit::{Document, Item, Table};

/// The record kinds in the order their tables stand in a file, each with its fields in the order
/// they stand in a table. Fields the loader does not know yet are listed where a reader expects
/// them, so files keep one order as the format grows.
const KINDS: [(&str, &[&str]); 4] = [
    (
        "speaker",
        &["id", "name", "kind", "aliases", "affiliations", "note"],
    ),
    (
        "source",
        &[
            "id",
            "title",
            "publisher",
            "authors",
            "kind",
            "published",
            "url",
            "sha256",
            "archive_file",
            "note",
        ],
    ),
    (
        "figure",
        &[
            "id", "label", "unit", "part_of", "subject", "values", "varies", "window", "note",
        ],
    ),
    (
        "claim",
        &[
            "id",
            "figure",
            "value",
            "low",
            "best",
            "high",
            "measure",
            "stance",
            "disputes",
            "statement",
            "speaker",
            "source",
            "quote",
            "locator",
            "as_of",
            "according_to",
            "basis",
            "supersedes",
            "withdrawn",
            "note",
        ],
    ),
];

/// The field order of a record kind; empty for a kind the format does not have.
pub(super) fn field_order(kind: &str) -> &'static [&'static str] {
    KINDS
        .iter()
        .find(|(name, _)| *name == kind)
        .map_or(&[], |(_, fields)| fields)
}

/// Where tables of `kind` stand among the kinds of a file: speakers first, claims last, kinds the
/// format does not have after them.
pub(in crate::authoring) fn kind_rank(kind: &str) -> usize {
    KINDS
        .iter()
        .position(|(name, _)| *name == kind)
        .unwrap_or(KINDS.len())
}

/// The order of records by id under `--sort`: byte order of the ids, records without one last.
pub(super) fn by_id(a: Option<&str>, b: Option<&str>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Something in a file that has no place in a record file's layout.
#[derive(Debug)]
pub(super) struct Unsupported {
    pub(super) offset: usize,
    pub(super) message: String,
    pub(super) help: &'static str,
}

/// A record file taken apart: the comment that opens it, its records, the comment that ends it.
pub(super) struct Layout {
    header: Vec<Line>,
    records: Vec<Record>,
    trailer: Vec<Line>,
}

struct Record {
    header: String,
    /// Known kinds first in their order, then other kinds as they first appear.
    kind_rank: usize,
    id: Option<String>,
    position: isize,
    leading: Vec<Line>,
    header_comment: Option<String>,
    fields: Vec<Field>,
}

struct Field {
    /// Known fields in the documented order, then the others as they stand.
    rank: usize,
    above: Vec<String>,
    line: String,
}

impl Layout {
    pub(super) fn read(doc: &Document<&str>, text: &str) -> Result<Self, Unsupported> {
        let mut records = Vec::new();
        for (index, (kind, item)) in doc.as_table().iter().enumerate() {
            let Item::ArrayOfTables(tables) = item else {
                return Err(Unsupported {
                    offset: key_offset(doc.as_table(), kind),
                    message: format!("`{kind}` is not a table of records"),
                    help: "a record file holds only [[speaker]], [[source]], [[figure]] and \
                           [[claim]] tables (docs/format.md); move or delete it, then run fmt again",
                });
            };
            let kind_rank = KINDS
                .iter()
                .position(|(name, _)| *name == kind)
                .unwrap_or(KINDS.len() + index);
            for table in tables.iter() {
                records.push(Record::read(kind, kind_rank, table, text)?);
            }
        }
        let mut header = Vec::new();
        if let Some(first) = records.iter_mut().min_by_key(|record| record.position) {
            let (opening, attached) =
                comments::split_file_header(std::mem::take(&mut first.leading));
            header = comments::paragraphs(opening, false);
            first.leading = attached;
        }
        let trailer = comments::paragraphs(comments::lines(raw(Some(doc.trailing()), text)), false);
        Ok(Self {
            header,
            records,
            trailer,
        })
    }

    /// Put the tables in canonical order: by kind, then as they stand or, with `sort`, by id.
    pub(super) fn order(&mut self, sort: bool) {
        self.records.sort_by(|a, b| {
            a.kind_rank.cmp(&b.kind_rank).then_with(|| {
                if sort {
                    by_id(a.id.as_deref(), b.id.as_deref())
                } else {
                    Ordering::Equal
                }
            })
        });
    }

    /// The canonical text: blocks of lines with one blank line between them, ending in a newline.
    pub(super) fn write(&self) -> String {
        let mut blocks: Vec<Vec<String>> = Vec::new();
        if !self.header.is_empty() {
            blocks.push(line_texts(&self.header));
        }
        for record in &self.records {
            let mut block = line_texts(&record.leading);
            block.push(match &record.header_comment {
                Some(comment) => format!("{} {comment}", record.header),
                None => record.header.clone(),
            });
            for field in &record.fields {
                block.extend(field.above.iter().cloned());
                block.push(field.line.clone());
            }
            blocks.push(block);
        }
        if !self.trailer.is_empty() {
            blocks.push(line_texts(&self.trailer));
        }
        let mut out = blocks
            .iter()
            .map(|block| block.join("\n"))
            .collect::<Vec<_>>()
            .join("\n\n");
        if !out.is_empty() {
            out.push('\n');
        }
        out
    }
}

impl Record {
    fn read(kind: &str, kind_rank: usize, table: &Table, text: &str) -> Result<Self, Unsupported> {
        let order = field_order(kind);
        let mut fields = Vec::new();
        for (index, (name, item)) in table.iter().enumerate() {
            let offset = key_offset(table, name);
            let Item::Value(value) = item else {
                return Err(Unsupported {
                    offset,
                    message: format!("`{name}` is a table inside a [[{kind}]] record"),
                    help: "a record's fields are plain values (docs/format.md): write it as \
                           `key = value` or delete it, then run fmt again",
                });
            };
            let key = values::key(name);
            let column = key.chars().count() + " = ".len();
            let rendered =
                values::render(value, text, "", column).map_err(|error| Unsupported {
                    offset,
                    message: format!("`{name}`: {}", error.message),
                    help: "write it as a plain value or delete it, then run fmt again",
                })?;
            let mut line = format!("{key} = {rendered}");
            if let Some(comment) = comments::comment_in(raw(value.decor().suffix(), text)) {
                line.push(' ');
                line.push_str(&comment);
            }
            let key_prefix = table
                .key(name)
                .map_or("", |key| raw(key.leaf_decor().prefix(), text));
            fields.push(Field {
                rank: order
                    .iter()
                    .position(|known| *known == name)
                    .unwrap_or(order.len() + index),
                above: comments::comments_only(comments::lines_before_token(key_prefix)),
                line,
            });
        }
        fields.sort_by_key(|field| field.rank);
        let leading = comments::lines_before_token(raw(table.decor().prefix(), text));
        Ok(Self {
            header: format!("[[{}]]", values::key(kind)),
            kind_rank,
            id: table.get("id").and_then(Item::as_str).map(str::to_string),
            position: table.position().unwrap_or(isize::MAX),
            leading: comments::paragraphs(leading, true),
            header_comment: comments::comment_in(raw(table.decor().suffix(), text)),
            fields,
        })
    }
}

fn key_offset(table: &Table, name: &str) -> usize {
    table
        .key(name)
        .and_then(toml_edit::Key::span)
        .map_or(0, |span| span.start)
}

fn line_texts(lines: &[Line]) -> Vec<String> {
    lines
        .iter()
        .map(|line| match line {
            Line::Blank => String::new(),
            Line::Comment(text) => text.clone(),
        })
        .collect()
}
