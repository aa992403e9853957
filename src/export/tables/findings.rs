//! The tables of findings: each finding with its place, and the claims it names.

use super::{Column, Table, Type, count, maybe, owned, table, text};
use crate::view::report::Report;

/// Findings are numbered from 1 in the report's order.
pub(super) fn findings<'r>(report: &'r Report) -> Table<'r> {
    const COLUMNS: &[Column] = &[
        Column::id(Type::Integer),
        Column::text("code"),
        Column::text("severity"),
        Column::text("message"),
        Column::to("figure", "figures").optional(),
        Column::text("file"),
        Column::integer("line"),
        Column::integer("column"),
        Column::integer("end_line"),
        Column::integer("end_column"),
        Column::text("help").optional(),
    ];
    let rows = report.findings.iter().enumerate().map(|(i, f)| {
        let (start, end) = f.place.start().line_cols();
        vec![
            count(i + 1),
            text(f.code.name()),
            owned(Some(f.severity)),
            text(&f.message),
            maybe(f.figure),
            text(f.place.start().file()),
            count(start.line),
            count(start.column),
            count(end.line),
            count(end.column),
            maybe(f.help),
        ]
    });
    table("findings", COLUMNS, rows)
}

const FINDING: Column = Column {
    kind: Type::Integer,
    ..Column::to("finding", "findings")
};

pub(super) fn finding_claims<'r>(report: &'r Report) -> Table<'r> {
    const COLUMNS: &[Column] = &[FINDING, Column::to("claim", "claims")];
    let rows = report.findings.iter().enumerate().flat_map(|(i, f)| {
        f.claims
            .iter()
            .map(move |claim| vec![count(i + 1), text(claim)])
    });
    table("finding_claims", COLUMNS, rows)
}
