//! The tables of comparison: the values compared in each figure's windows (claims stating the same
//! value form one group), and the pairs of them that cannot both be true, as the report lists them.

use super::{Cell, Column, READING, Table, Type, count, ordinal, owned, reading, table, text};
use crate::view::report::Report;
use foldhash::HashMap;

/// The value groups numbered from 1 in report order (figure, window, value), and where each claim
/// and each window's values are in that numbering.
pub(super) struct ValueGroups<'a> {
    pub(super) table: Table<'a>,
    of_claim: HashMap<&'a str, i64>,
    /// Per figure, per window: the number of the window's first value.
    first_of_window: Vec<Vec<i64>>,
}

impl<'a> ValueGroups<'a> {
    pub(super) fn of(report: &'a Report) -> ValueGroups<'a> {
        const COLUMNS: &[Column] = &[
            Column::id(Type::Integer),
            Column::to("figure", "figures"),
            Column::text("as_of").optional(),
            Column::text("value"),
            READING[0],
            READING[1],
            READING[2],
            READING[3],
            READING[4],
            Column::integer("origins"),
            Column::integer("conflicts_with"),
        ];
        let (mut rows, mut first_of_window) = (Vec::new(), Vec::new());
        let mut of_claim = HashMap::default();
        for figure in &report.figures {
            let mut firsts = Vec::new();
            for window in &figure.windows {
                firsts.push(ordinal(rows.len() + 1));
                for value in &window.values {
                    let id = ordinal(rows.len() + 1);
                    let mut row = vec![
                        Cell::Integer(id),
                        text(figure.id),
                        owned(window.as_of),
                        text(value.value),
                    ];
                    row.extend(reading(&value.reading));
                    row.push(count(value.origins.len()));
                    row.push(count(value.conflicts_with));
                    rows.push(row);
                    for claim in &value.claims {
                        of_claim.insert(*claim, id);
                    }
                }
            }
            first_of_window.push(firsts);
        }
        ValueGroups {
            table: table("value_groups", COLUMNS, rows),
            of_claim,
            first_of_window,
        }
    }

    /// The number of the value group the claim is in, if it is compared.
    pub(super) fn of_claim(&self, claim: &str) -> Option<i64> {
        self.of_claim.get(claim).copied()
    }

    /// Each pair of value groups the report lists as unable to both be true: for counts, `lower`
    /// lies wholly below `upper`. A window lists at most
    /// [`crate::analysis::disagreement::LISTED_PAIRS`]; `figures.conflicts` counts them all.
    pub(super) fn conflicts(&self, report: &'a Report) -> Table<'a> {
        const COLUMNS: &[Column] = &[
            Column::to("figure", "figures"),
            Column::text("as_of").optional(),
            Column {
                kind: Type::Integer,
                ..Column::to("lower", "value_groups")
            },
            Column {
                kind: Type::Integer,
                ..Column::to("upper", "value_groups")
            },
        ];
        let mut rows = Vec::new();
        for (figure, firsts) in report.figures.iter().zip(&self.first_of_window) {
            for (window, &first) in figure.windows.iter().zip(firsts) {
                for pair in &window.conflicts {
                    rows.push(vec![
                        text(figure.id),
                        owned(window.as_of),
                        Cell::Integer(first + ordinal(pair.lower)),
                        Cell::Integer(first + ordinal(pair.upper)),
                    ]);
                }
            }
        }
        table("conflicts", COLUMNS, rows)
    }
}
