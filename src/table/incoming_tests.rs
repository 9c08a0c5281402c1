//! Property tests over arbitrary tables, as a hand-edited or hostile file
//! could hold them (ragged rows, merges anywhere, formulas naming missing
//! columns or going round in a cycle, odd numbers): showing and computing
//! never panic, the repair always gives a sane table that keeps its
//! invariants, and a table survives JSON unchanged. And the refusals of
//! tables too large to take in.

use super::*;
use proptest::prelude::*;

fn arb_formula() -> impl Strategy<Value = Formula> {
    let id = 0u64..9;
    prop_oneof![
        prop::collection::vec(id.clone(), 0..4).prop_map(|columns| Formula::Sum { columns }),
        (id.clone(), id.clone()).prop_map(|(part, whole)| Formula::Percent { part, whole }),
        (id.clone(), id.clone()).prop_map(|(a, b)| Formula::Difference { a, b }),
        (id.clone(), id.clone()).prop_map(|(a, b)| Formula::Ratio { a, b }),
        id.prop_map(|part| Formula::Share { part }),
    ]
}

fn arb_kind() -> impl Strategy<Value = ColumnKind> {
    prop_oneof![
        Just(ColumnKind::Text),
        any::<u8>().prop_map(|decimals| ColumnKind::Number { decimals }),
        (arb_formula(), any::<u8>())
            .prop_map(|(formula, decimals)| ColumnKind::Computed { formula, decimals }),
    ]
}

fn arb_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("1".to_owned()),
        Just("2,5".to_owned()),
        Just("1.234.567,89".to_owned()),
        Just("-0".to_owned()),
        Just("1e308".to_owned()),
        Just("99999999999999999999999999999999999999".to_owned()),
        Just("0,0000001".to_owned()),
        "[0-9.,% -]{0,8}",
        "[a-zđ ]{0,6}",
    ]
}

fn arb_row() -> impl Strategy<Value = Row> {
    (
        0u64..30,
        prop_oneof![
            Just(RowKind::Data),
            Just(RowKind::Group),
            Just(RowKind::Total),
            Just(RowKind::Label)
        ],
        prop::collection::vec(
            (arb_text(), any::<bool>()).prop_map(|(text, typed)| Cell { text, typed }),
            0..9,
        ),
        any::<u8>(),
    )
        .prop_map(|(id, kind, cells, indent)| Row {
            id,
            kind,
            cells,
            indent,
            ..Row::default()
        })
}

fn arb_merge() -> impl Strategy<Value = Merge> {
    let place = prop_oneof![0usize..5, Just(usize::MAX), Just(usize::MAX / 2)];
    (place.clone(), place.clone(), place.clone(), place).prop_map(|(row, col, rows, cols)| Merge {
        row,
        col,
        rows,
        cols,
    })
}

prop_compose! {
    fn arb_table()(
        columns in prop::collection::vec((0u64..9, arb_kind(), any::<u16>()), 0..8),
        header in prop::collection::vec(prop::collection::vec(arb_text(), 0..9), 0..4),
        merges in prop::collection::vec(arb_merge(), 0..5),
        rows in prop::collection::vec(arb_row(), 0..7),
        number_row in any::<bool>(),
    ) -> Table {
        Table {
            columns: columns
                .into_iter()
                .map(|(id, kind, width)| Column { id, kind, width, ..Column::default() })
                .collect(),
            header,
            merges,
            rows,
            number_row,
            unit: "Người".into(),
            ..Table::default()
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_table_is_shown_and_computed_without_panicking(table in arb_table()) {
        let values = compute(&table);
        prop_assert_eq!(values.len(), table.rows.len());
        prop_assert!(values.iter().flatten().flatten().all(|value| value.is_finite()));
        let shown = view(&table);
        prop_assert_eq!(shown.rows.len(), table.rows.len());
        prop_assert!(shown.rows.iter().all(|row| row.cells.len() == table.width()));
        let _ = plain_lines(&shown);
        let _ = computed_order(&table);
    }

    #[test]
    fn any_table_is_repaired_into_a_sane_one(table in arb_table()) {
        let mut repaired = table.clone();
        repaired.make_sane();
        prop_assert_eq!(repaired.invariant_problem(), None);
        prop_assert!(repaired.is_sane());
        prop_assert!(!repaired.columns.is_empty() && !repaired.rows.is_empty());
        prop_assert!(!repaired.header.is_empty());
        // Every computed column can be worked out.
        let computed = repaired
            .columns
            .iter()
            .filter(|column| matches!(column.kind, ColumnKind::Computed { .. }))
            .count();
        prop_assert_eq!(computed_order(&repaired).len(), computed);
        // Its figures are as typed: the repair changes no cell's text.
        for (before, after) in table.rows.iter().zip(&repaired.rows) {
            for (cell, kept) in before.cells.iter().zip(&after.cells) {
                prop_assert_eq!(&cell.text, &kept.text);
            }
        }
        // And any change can be made to it.
        let mut next = 100;
        let mut fresh = || { next += 1; next };
        let id = repaired.rows[0].id;
        let _ = apply_op(&mut repaired, &TableOp::InsertRow { index: 0, kind: RowKind::Total }, &mut fresh);
        let _ = apply_op(&mut repaired, &TableOp::DeleteRow { row: id }, &mut fresh);
        prop_assert_eq!(repaired.invariant_problem(), None);
    }

    #[test]
    fn any_table_survives_json(table in arb_table()) {
        let text = serde_json::to_string(&table).unwrap();
        let back: Table = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(back, table);
    }
}

#[test]
fn a_formula_cycle_and_a_missing_column_become_typed_numbers() {
    let computed = |id, formula| Column {
        id,
        kind: ColumnKind::Computed {
            formula,
            decimals: 1,
        },
        ..Column::default()
    };
    let mut table = presets::blank(1, 1);
    table.columns.extend([
        // A reads B, B reads A.
        computed(2, Formula::Sum { columns: vec![3] }),
        computed(3, Formula::Sum { columns: vec![2] }),
        computed(4, Formula::Percent { part: 1, whole: 99 }),
        computed(
            5,
            Formula::Sum {
                columns: vec![1, 99],
            },
        ),
    ]);
    table.rows[0].cells = vec![Cell::default(); 5];
    table.rows[0].cells[1] = Cell {
        text: "7".into(),
        typed: true,
    };
    // Shown without panicking: the cycle's places are empty.
    assert_eq!(view(&table).rows[0].cells[2].text, "");
    assert!(table.make_sane());
    let kinds: Vec<&ColumnKind> = table.columns.iter().map(|column| &column.kind).collect();
    assert_eq!(kinds[1], &ColumnKind::Number { decimals: 1 });
    assert_eq!(kinds[2], &ColumnKind::Number { decimals: 1 });
    assert_eq!(kinds[3], &ColumnKind::Number { decimals: 1 });
    assert_eq!(
        kinds[4],
        &ColumnKind::Computed {
            formula: Formula::Sum { columns: vec![1] },
            decimals: 1
        }
    );
    // The typed-over figure is now a plain typed one.
    assert_eq!(
        table.rows[0].cells[1],
        Cell {
            text: "7".into(),
            typed: false
        }
    );
    assert!(!table.make_sane());
}

#[test]
fn tables_too_large_or_with_an_overlong_text_are_trouble() {
    let mut wide = presets::blank(1, 1000);
    assert_eq!(wide.trouble(), Some(Trouble::TooLarge));
    wide = presets::blank(10_000, 10);
    assert_eq!(wide.trouble(), Some(Trouble::TooLarge));
    // Rows longer than the columns count too.
    let mut long_rows = presets::blank(2, 2);
    long_rows.rows[0].cells = vec![Cell::default(); 5000];
    assert_eq!(long_rows.trouble(), Some(Trouble::TooLarge));
    let mut long_text = presets::blank(2, 2);
    long_text.rows[1].cells[1].text = "x".repeat(MAX_CELL_CHARS + 1);
    assert_eq!(long_text.trouble(), Some(Trouble::TextTooLong));
    long_text.rows[1].cells[1].text = "ế".repeat(MAX_CELL_CHARS);
    assert_eq!(long_text.trouble(), None);
    assert_eq!(presets::pupil_results().trouble(), None);
}
