use super::*;
use crate::testing::{FIGURE, SOURCES, checked, claim};
use crate::view;
use std::collections::HashSet;

/// Two conflicting claims, one resting on the other and on a first-hand basis, one attributed.
fn report_tables(test: impl FnOnce(&[Table])) {
    let claims = format!(
        "{FIGURE}{}{}",
        claim(
            "outlet/killed",
            "1,000",
            "outlet",
            "according_to = \"ministry\"\nbasis = [\"watchdog/killed\", \"witness\"]"
        ),
        claim(
            "watchdog/killed",
            "at least 5,000",
            "watchdog",
            "basis = [\"article\"]"
        ),
    );
    let checked = checked(SOURCES, &claims);
    let report = view::build(&checked, None);
    test(&tables(&report).expect("the references hold"));
}

fn table<'t>(tables: &'t [Table<'t>], name: &str) -> &'t Table<'t> {
    tables
        .iter()
        .find(|t| t.name == name)
        .expect("the table exists")
}

fn column(table: &Table, row: usize, name: &str) -> Cell<'static> {
    let index = table
        .columns
        .iter()
        .position(|c| c.name == name)
        .expect("the column exists");
    table.rows[row][index].clone().into_static()
}

impl Cell<'_> {
    fn into_static(self) -> Cell<'static> {
        match self {
            Cell::Null => Cell::Null,
            Cell::Text(text) => Cell::Text(Cow::Owned(text.into_owned())),
            Cell::Integer(n) => Cell::Integer(n),
            Cell::Number(n) => Cell::Number(n),
        }
    }
}

fn text(value: &str) -> Cell<'static> {
    Cell::Text(Cow::Owned(value.to_string()))
}

#[test]
fn every_row_has_a_cell_per_column_and_keys_are_unique() {
    report_tables(|tables| {
        for table in tables {
            for row in &table.rows {
                assert_eq!(row.len(), table.columns.len(), "a row of {}", table.name);
            }
            if let Some(key) = table.columns.iter().position(|c| c.primary) {
                let keys: HashSet<String> = table
                    .rows
                    .iter()
                    .map(|row| format!("{:?}", row[key]))
                    .collect();
                assert_eq!(keys.len(), table.rows.len(), "keys of {}", table.name);
            }
        }
    });
}

#[test]
fn every_reference_names_an_earlier_table() {
    report_tables(|tables| {
        for (i, table) in tables.iter().enumerate() {
            for referenced in table.columns.iter().filter_map(|c| c.references) {
                let position = tables.iter().position(|t| t.name == referenced);
                assert!(
                    position.is_some_and(|p| p < i || referenced == table.name),
                    "{} references {referenced}, which does not come before it",
                    table.name
                );
            }
        }
    });
}

#[test]
fn a_basis_lands_in_the_column_of_what_it_names() {
    report_tables(|tables| {
        let bases = table(tables, "bases");
        let rows: Vec<[Cell; 4]> = (0..bases.rows.len())
            .map(|row| {
                ["claim", "source", "basis_claim", "first_hand"].map(|c| column(bases, row, c))
            })
            .collect();
        assert_eq!(
            rows,
            vec![
                [
                    text("outlet/killed"),
                    Cell::Null,
                    text("watchdog/killed"),
                    Cell::Null
                ],
                [
                    text("outlet/killed"),
                    Cell::Null,
                    Cell::Null,
                    text("witness")
                ],
                [
                    text("watchdog/killed"),
                    text("article"),
                    Cell::Null,
                    Cell::Null
                ],
            ]
        );
    });
}

#[test]
fn claims_carry_their_reading_and_value_group() {
    report_tables(|tables| {
        let claims = table(tables, "claims");
        let groups = table(tables, "value_groups");
        assert_eq!(column(claims, 0, "low"), Cell::Number(1000.0));
        assert_eq!(column(claims, 1, "low"), Cell::Number(5000.0));
        assert_eq!(column(claims, 1, "high"), Cell::Null);
        assert_eq!(column(claims, 1, "rule"), text("at-least"));
        for row in 0..2 {
            let Cell::Integer(group) = column(claims, row, "value_group") else {
                panic!("claim {row} is in no value group");
            };
            let group_row = usize::try_from(group - 1).unwrap();
            assert_eq!(
                column(groups, group_row, "value"),
                column(claims, row, "value")
            );
        }
    });
}

#[test]
fn the_conflict_pairs_the_two_value_groups_lower_first() {
    report_tables(|tables| {
        let conflicts = table(tables, "conflicts");
        let groups = table(tables, "value_groups");
        assert_eq!(conflicts.rows.len(), 1);
        let value = |end: &str| {
            let Cell::Integer(id) = column(conflicts, 0, end) else {
                panic!("{end} names no value group");
            };
            column(groups, usize::try_from(id - 1).unwrap(), "value")
        };
        assert_eq!(value("lower"), text("1,000"));
        assert_eq!(value("upper"), text("at least 5,000"));
        assert_eq!(column(conflicts, 0, "figure"), text("killed"));
    });
}

#[test]
fn a_reference_to_no_record_is_refused() {
    report_tables(|tables| {
        let mut tables: Vec<Table> = tables
            .iter()
            .map(|t| Table {
                name: t.name,
                columns: t.columns,
                rows: t.rows.clone(),
            })
            .collect();
        assert!(check_references(&tables).is_ok());
        let claims = tables.iter_mut().find(|t| t.name == "claims").unwrap();
        let speaker = claims
            .columns
            .iter()
            .position(|c| c.name == "speaker")
            .unwrap();
        claims.rows[0][speaker] = text("nobody");
        let dangling = check_references(&tables).unwrap_err();
        assert_eq!(
            (dangling.table, dangling.column, dangling.target),
            ("claims", "speaker", "speakers")
        );
    });
}
