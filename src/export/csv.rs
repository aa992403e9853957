//! `export --format csv`: the report's tables as one RFC 4180 file each (`claims.csv`, …) in a
//! folder, with a header row, CRLF line ends and quotes where needed. Record text that would start
//! a spreadsheet formula is neutralised as OWASP recommends, so opening an export never runs a
//! formula a hostile source planted.

use super::tables::{self, Cell, Table};
use super::{ExportError, Overwrite};
use crate::view::report::Report;
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// Write one file per table into `dir` (created when missing); returns the files written.
pub fn write(
    report: &Report,
    dir: &Path,
    overwrite: Overwrite,
) -> Result<Vec<PathBuf>, ExportError> {
    super::check_ids(report)?;
    std::fs::create_dir_all(dir).map_err(|source| super::io_error(dir, source))?;
    let tables = tables::tables(report)?;
    let paths: Vec<PathBuf> = tables.iter().map(|t| file_of(dir, t)).collect();
    // Refuse before writing anything, rather than leave a folder half replaced.
    if overwrite == Overwrite::Refuse
        && let Some(existing) = paths.iter().find(|path| path.exists())
    {
        return Err(ExportError::Exists(existing.clone()));
    }
    for (table, path) in tables.iter().zip(&paths) {
        let file = super::create(path, overwrite)?;
        write_table(table, file).map_err(|source| ExportError::Csv {
            path: path.clone(),
            source,
        })?;
    }
    Ok(paths)
}

fn file_of(dir: &Path, table: &Table) -> PathBuf {
    dir.join(format!("{}.csv", table.name))
}

fn write_table(table: &Table, out: impl std::io::Write) -> Result<(), csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(out);
    writer.write_record(table.columns.iter().map(|column| column.name))?;
    for row in &table.rows {
        for cell in row {
            writer.write_field(field(cell).as_bytes())?;
        }
        writer.write_record(std::iter::empty::<&[u8]>())?;
    }
    writer.flush()?;
    Ok(())
}

/// A cell as CSV text: empty for no value, numbers as written in plain decimal (a whole count
/// without a fraction), text neutralised.
fn field<'a>(cell: &'a Cell) -> Cow<'a, str> {
    match cell {
        Cell::Null => Cow::Borrowed(""),
        Cell::Text(text) => neutralised(text),
        Cell::Integer(n) => Cow::Owned(n.to_string()),
        Cell::Number(n) => Cow::Owned(plain_number(*n)),
    }
}

/// Below 2^53 a whole f64 is an exact integer; beyond that, and for fractions, Rust's shortest
/// round-tripping decimal, which never uses an exponent.
fn plain_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Text a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) gets a leading `'`, which spreadsheets show as text and do not run.
fn neutralised(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tables::{Column, Type};

    #[test]
    fn formula_starts_are_neutralised_and_other_text_is_not() {
        for hostile in ["=1+1", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralised(hostile), format!("'{hostile}"));
        }
        for plain in ["1,000", "a=b", " =1", "'quoted", "über", ""] {
            assert_eq!(neutralised(plain), plain);
        }
    }

    #[test]
    fn numbers_are_plain_decimals() {
        assert_eq!(plain_number(30_000.0), "30000");
        assert_eq!(plain_number(17.4), "17.4");
        assert_eq!(plain_number(1e20), "100000000000000000000");
        assert_eq!(plain_number(0.000_1), "0.0001");
    }

    #[test]
    fn fields_are_quoted_where_rfc_4180_needs_it() {
        const fn column(name: &'static str) -> Column {
            Column {
                name,
                kind: Type::Text,
                primary: false,
                references: None,
                optional: true,
            }
        }
        const COLUMNS: &[Column] = &[column("text"), column("none"), column("count")];
        let table = Table {
            name: "t",
            columns: COLUMNS,
            rows: vec![vec![
                Cell::Text("a \"quoted\", line\nbreak".into()),
                Cell::Null,
                Cell::Integer(3),
            ]],
        };
        let mut out = Vec::new();
        write_table(&table, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "text,none,count\r\n\"a \"\"quoted\"\", line\nbreak\",,3\r\n"
        );
    }
}
