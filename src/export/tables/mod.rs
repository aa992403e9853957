//! The report model as relational tables, the rows SQLite and CSV both write: one small function
//! per table reads the view, records are keyed by id, and relations (aliases, bases, origins, the
//! claims a finding names) get tables of their own. Tables come in an order where each follows the
//! tables it references.

mod findings;
mod records;
mod values;

use crate::value::Number;
use crate::view::facts::serialized_name;
use crate::view::report::{ReadingView, Report};
use foldhash::{HashMap, HashSet};
use rayon::prelude::*;
use std::borrow::Cow;

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    Null,
    Text(Cow<'a, str>),
    Integer(i64),
    /// A count or share as read from a value; never negative.
    Number(f64),
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    Text,
    Integer,
    Number,
}

#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub kind: Type,
    /// The record's id: unique, never empty.
    pub primary: bool,
    /// The table whose `id` this column holds.
    pub references: Option<&'static str>,
    pub optional: bool,
}

impl Column {
    const fn new(name: &'static str, kind: Type) -> Column {
        Column {
            name,
            kind,
            primary: false,
            references: None,
            optional: false,
        }
    }
    const fn text(name: &'static str) -> Column {
        Column::new(name, Type::Text)
    }
    const fn integer(name: &'static str) -> Column {
        Column::new(name, Type::Integer)
    }
    const fn number(name: &'static str) -> Column {
        Column::new(name, Type::Number).optional()
    }
    const fn id(kind: Type) -> Column {
        Column {
            primary: true,
            ..Column::new("id", kind)
        }
    }
    /// Text holding the id of a record in `table`.
    const fn to(name: &'static str, table: &'static str) -> Column {
        Column {
            references: Some(table),
            ..Column::text(name)
        }
    }
    const fn optional(self) -> Column {
        Column {
            optional: true,
            ..self
        }
    }
}

pub struct Table<'a> {
    pub name: &'static str,
    pub columns: &'static [Column],
    /// Each with one cell per column.
    pub rows: Vec<Vec<Cell<'a>>>,
}

/// Every table of the report, each after the tables it references; refused if a reference
/// names no record, so neither the database nor the CSV files can hold a dangling one. The claims
/// and the rest are built on two threads: on a large base they take about as long.
pub fn tables<'r>(report: &'r Report) -> Result<Vec<Table<'r>>, Dangling> {
    let ((value_groups, conflicts, claims), (mut records, findings)) = rayon::join(
        || {
            let groups = values::ValueGroups::of(report);
            let conflicts = groups.conflicts(report);
            let claims = records::claims(report, &groups);
            (groups.table, conflicts, claims)
        },
        || {
            let records = vec![
                records::speakers(report),
                records::aliases(report),
                records::affiliations(report),
                records::sources(report),
                records::authors(report),
                records::figures(report),
            ];
            let about_claims = vec![
                records::attributions(report),
                records::disputes(report),
                records::supersessions(report),
                records::bases(report),
                records::origins(report),
                records::not_compared(report),
                findings::findings(report),
                findings::finding_claims(report),
            ];
            (records, about_claims)
        },
    );
    records.extend([value_groups, conflicts, claims]);
    records.extend(findings);
    check_references(&records)?;
    Ok(records)
}

/// A reference to a record that is not in the report: a flaw in the report model, never in the
/// claim base (which reports unknown references as findings and leaves them out).
#[derive(Debug, thiserror::Error)]
#[error(
    "the report is inconsistent: `{value}` in {table}.{column} is not in {target}; please report this bug"
)]
pub struct Dangling {
    pub table: &'static str,
    pub column: &'static str,
    pub value: String,
    pub target: &'static str,
}

/// A key cell: record ids are text, numbered rows integers.
#[derive(PartialEq, Eq, Hash)]
enum Key<'a> {
    Text(&'a str),
    Integer(i64),
}

impl<'a> Key<'a> {
    fn of(cell: &'a Cell) -> Option<Key<'a>> {
        match cell {
            Cell::Text(text) => Some(Key::Text(text)),
            Cell::Integer(n) => Some(Key::Integer(*n)),
            Cell::Null | Cell::Number(_) => None,
        }
    }
}

/// Checked here, over hash sets and a table a thread, rather than by SQLite row by row: several
/// times faster on a large base, and it covers CSV too.
fn check_references(tables: &[Table]) -> Result<(), Dangling> {
    let keys: HashMap<&str, HashSet<Key>> = tables
        .par_iter()
        .filter_map(|table| {
            let index = table.columns.iter().position(|c| c.primary)?;
            let ids = table.rows.iter().filter_map(|row| Key::of(&row[index]));
            Some((table.name, ids.collect()))
        })
        .collect();
    tables
        .par_iter()
        .try_for_each(|table| check_table(table, &keys))
}

fn check_table(table: &Table, keys: &HashMap<&str, HashSet<Key>>) -> Result<(), Dangling> {
    for (index, column) in table.columns.iter().enumerate() {
        let Some(target) = column.references else {
            continue;
        };
        let known = keys.get(target);
        for cell in table.rows.iter().map(|row| &row[index]) {
            if let Some(key) = Key::of(cell)
                && !known.is_some_and(|ids| ids.contains(&key))
            {
                return Err(Dangling {
                    table: table.name,
                    column: column.name,
                    value: format!("{cell:?}"),
                    target,
                });
            }
        }
    }
    Ok(())
}

fn text(value: &str) -> Cell<'_> {
    Cell::Text(Cow::Borrowed(value))
}

fn maybe(value: Option<&str>) -> Cell<'_> {
    value.map_or(Cell::Null, text)
}

fn owned<'a>(value: Option<impl ToString>) -> Cell<'a> {
    value.map_or(Cell::Null, |v| Cell::Text(Cow::Owned(v.to_string())))
}

fn count<'a>(n: usize) -> Cell<'a> {
    Cell::Integer(ordinal(n))
}

/// A count or position as an SQL integer; no report holds 2^63 of anything.
fn ordinal(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn number<'a>(n: Option<Number>) -> Cell<'a> {
    n.map_or(Cell::Null, |n| Cell::Number(n.get()))
}

/// The reading columns (`low`, `high`, `point`, `rule`, `hedge`) of a value or a claim.
const READING: [Column; 5] = [
    Column::number("low"),
    Column::number("high"),
    Column::number("point"),
    Column::text("rule").optional(),
    Column::text("hedge").optional(),
];

fn reading(reading: &ReadingView) -> [Cell<'_>; 5] {
    [
        number(reading.low),
        number(reading.high),
        number(reading.point),
        maybe(reading.rule.map(|rule| rule.as_str())),
        maybe(reading.hedge.as_deref()),
    ]
}

fn table<'a>(
    name: &'static str,
    columns: &'static [Column],
    rows: impl IntoIterator<Item = Vec<Cell<'a>>>,
) -> Table<'a> {
    Table {
        name,
        columns,
        rows: rows.into_iter().collect(),
    }
}

/// An enum as the record files spell it (`press-release`).
fn kebab<'a>(value: &impl serde::Serialize) -> Cell<'a> {
    Cell::Text(Cow::Owned(serialized_name(value)))
}

#[cfg(test)]
mod tests;
