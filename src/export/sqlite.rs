//! `export --format sqlite`: the report's tables in one SQLite database, with primary and foreign
//! keys, an index on every reference, and views for the questions a desk asks first (the current
//! values of each figure, each claim with who said it where). Built in a file beside the target in
//! one transaction and moved into place only when complete, so a failed export leaves nothing
//! half-written and an existing database is replaced only with permission.

use super::tables::{self, Cell, Column, Table, Type};
use super::{ExportError, Overwrite};
use crate::view::report::Report;
use rusqlite::types::{ToSql, ToSqlOutput, ValueRef};
use rusqlite::{Connection, params_from_iter};
use std::path::{Path, PathBuf};

/// The schema's version, in `PRAGMA user_version`; raised when a table or column changes meaning.
pub const SCHEMA_VERSION: i32 = 2;

/// Views over the tables, documented in docs/exports.md.
const VIEWS: &str = r#"
CREATE VIEW current_values AS
SELECT v.figure, f.label, v.as_of, v.value, v.low, v.high, v.point, v.rule, v.hedge,
       (SELECT count(*) FROM claims c WHERE c.value_group = v.id) AS claims,
       v.origins
FROM value_groups v JOIN figures f ON f.id = v.figure
WHERE v.as_of IS NULL
   OR v.as_of = (SELECT max(w.as_of) FROM value_groups w WHERE w.figure = v.figure);

CREATE VIEW claim_details AS
SELECT c.id, c.figure, c.value, c.reading, c.measure, c.stance, c.current, c.as_of,
       c.speaker, sp.name AS speaker_name,
       (SELECT group_concat(a.according_to, ', ') FROM attributions a WHERE a.claim = c.id)
           AS according_to,
       c.source, so.title AS source_title, so.published AS source_published,
       c.quote, c.locator, c.flags
FROM claims c
LEFT JOIN speakers sp ON sp.id = c.speaker
LEFT JOIN sources so ON so.id = c.source;
"#;

/// Write the report to a new SQLite database at `path`.
pub fn write(report: &Report, path: &Path, overwrite: Overwrite) -> Result<(), ExportError> {
    super::check_ids(report)?;
    let tables = tables::tables(report)?;
    // Claiming the name first means a file that appears meanwhile is never replaced.
    let placeholder = match overwrite {
        Overwrite::Refuse => Some(super::create(path, Overwrite::Refuse)?),
        Overwrite::Replace => None,
    };
    let partial = partial_path(path);
    let result = build(&tables, &partial)
        .map_err(|source| ExportError::Sqlite {
            path: path.to_path_buf(),
            source,
        })
        .and_then(|()| {
            std::fs::rename(&partial, path).map_err(|source| super::io_error(path, source))
        });
    if result.is_err() {
        // Best effort: the error being reported matters more than leftovers failing to go.
        let _ = std::fs::remove_file(&partial);
        if placeholder.is_some() {
            let _ = std::fs::remove_file(path);
        }
    }
    result
}

/// `.base.db.partial-1234` beside `base.db`.
fn partial_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "export".into(), |n| n.to_string_lossy());
    path.with_file_name(format!(".{name}.partial-{}", std::process::id()))
}

fn build(tables: &[Table], path: &Path) -> rusqlite::Result<()> {
    // A file left by an earlier export that died is ours to replace.
    if path.exists() {
        let _ = std::fs::remove_file(path);
    }
    let mut connection = Connection::open(path)?;
    // The file is moved into place only when complete, so a journal would protect nothing.
    // References were checked with the tables; SQLite checking each row again doubles the time.
    // A larger page cache and in-memory sorting keep SQLite from reading back pages it just
    // wrote while it builds the indexes.
    connection.execute_batch(
        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; \
         PRAGMA cache_size = -131072; PRAGMA temp_store = MEMORY;",
    )?;
    let transaction = connection.transaction()?;
    for table in tables {
        transaction.execute_batch(&create_table(table))?;
        insert_rows(&transaction, table)?;
    }
    for table in tables {
        transaction.execute_batch(&create_indexes(table))?;
    }
    transaction.execute_batch(VIEWS)?;
    transaction.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    transaction.commit()?;
    connection.close().map_err(|(_, error)| error)
}

fn insert_rows(connection: &Connection, table: &Table) -> rusqlite::Result<()> {
    let placeholders = vec!["?"; table.columns.len()].join(", ");
    let mut statement = connection.prepare(&format!(
        "INSERT INTO {} VALUES ({placeholders})",
        quoted(table.name)
    ))?;
    for row in &table.rows {
        statement.execute(params_from_iter(row.iter()))?;
    }
    Ok(())
}

/// `CREATE TABLE` with a type, key and reference for each column. Numbers read from values have
/// NUMERIC affinity, so a whole count is stored as an integer and a share as a real.
fn create_table(table: &Table) -> String {
    let columns: Vec<String> = table.columns.iter().map(column_definition).collect();
    format!(
        "CREATE TABLE {} (\n  {}\n);",
        quoted(table.name),
        columns.join(",\n  ")
    )
}

fn column_definition(column: &Column) -> String {
    let kind = match column.kind {
        Type::Text => "TEXT",
        Type::Integer => "INTEGER",
        Type::Number => "NUMERIC",
    };
    let mut definition = format!("{} {kind}", quoted(column.name));
    if column.primary {
        definition.push_str(" PRIMARY KEY");
    }
    if !column.optional {
        definition.push_str(" NOT NULL");
    }
    if let Some(table) = column.references {
        definition.push_str(&format!(" REFERENCES {}(\"id\")", quoted(table)));
    }
    definition
}

fn create_indexes(table: &Table) -> String {
    table
        .columns
        .iter()
        .filter(|column| column.references.is_some())
        .map(|column| {
            format!(
                "CREATE INDEX {} ON {}({});\n",
                quoted(&format!("{}_{}", table.name, column.name)),
                quoted(table.name),
                quoted(column.name)
            )
        })
        .collect()
}

/// An SQL identifier. Table and column names are the tool's own, but quoting keeps words like
/// `window` from being read as keywords.
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

impl ToSql for Cell<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(match self {
            Cell::Null => ValueRef::Null,
            Cell::Text(text) => ValueRef::Text(text.as_bytes()),
            Cell::Integer(n) => ValueRef::Integer(*n),
            Cell::Number(n) => ValueRef::Real(*n),
        }))
    }
}
