//! Tests of the table changes (`apply_op`), one or more per `TableOp`, and a
//! property test that random sequences of changes never panic, keep the
//! invariants and leave the table unchanged when refused.

use super::*;
use proptest::prelude::*;

/// A table of 3 columns (Text, Number, Number) with `rows` data rows, one
/// header row, ids: columns 1..=3, rows 11.., with figures in the numbers.
fn small(rows: usize) -> Table {
    let mut table = presets::blank(rows, 3);
    for (r, row) in table.rows.iter_mut().enumerate() {
        row.id = 11 + r as u64;
        row.cells[0].text = format!("Hàng {r}");
        row.cells[1].text = (r + 1).to_string();
        row.cells[2].text = ((r + 1) * 10).to_string();
    }
    table.header[0] = vec!["Chỉ tiêu".into(), "Kỳ này".into(), "Cùng kỳ".into()];
    table
}

/// Ids from 100 up.
fn ids() -> impl FnMut() -> NodeId {
    let mut next = 99;
    move || {
        next += 1;
        next
    }
}

fn apply(table: &mut Table, op: TableOp) -> Result<(), TableError> {
    let before = table.clone();
    let result = apply_op(table, &op, &mut ids());
    if result.is_err() {
        assert_eq!(*table, before, "a refused {op:?} changed the table");
    }
    assert_eq!(table.invariant_problem(), None, "after {op:?}");
    result
}

fn texts(table: &Table, c: usize) -> Vec<String> {
    table
        .rows
        .iter()
        .map(|row| row.cells[c].text.clone())
        .collect()
}

#[test]
fn rows_are_inserted_deleted_and_moved_and_the_last_one_stays() {
    let mut table = small(2);
    apply(
        &mut table,
        TableOp::InsertRow {
            index: 1,
            kind: RowKind::Total,
        },
    )
    .unwrap();
    assert_eq!(table.rows.len(), 3);
    assert_eq!(table.rows[1].id, 100);
    assert_eq!(table.rows[1].kind, RowKind::Total);
    assert_eq!(table.rows[1].cells.len(), 3);
    assert_eq!(
        apply(
            &mut table,
            TableOp::InsertRow {
                index: 9,
                kind: RowKind::Data
            }
        ),
        Err(TableError::NotFound)
    );
    apply(&mut table, TableOp::MoveRow { row: 11, up: false }).unwrap();
    assert_eq!(
        table.rows.iter().map(|row| row.id).collect::<Vec<_>>(),
        [100, 11, 12]
    );
    assert_eq!(
        apply(&mut table, TableOp::MoveRow { row: 100, up: true }),
        Err(TableError::AtEdge)
    );
    assert_eq!(
        apply(&mut table, TableOp::MoveRow { row: 12, up: false }),
        Err(TableError::AtEdge)
    );
    apply(&mut table, TableOp::DeleteRow { row: 100 }).unwrap();
    apply(&mut table, TableOp::DeleteRow { row: 11 }).unwrap();
    assert_eq!(
        apply(&mut table, TableOp::DeleteRow { row: 12 }),
        Err(TableError::LastOne)
    );
    assert_eq!(
        apply(&mut table, TableOp::DeleteRow { row: 77 }),
        Err(TableError::NotFound)
    );
}

#[test]
fn a_row_kind_change_makes_its_numbers_computed_and_indent_stops_at_three() {
    let mut table = small(3);
    apply(
        &mut table,
        TableOp::SetRowKind {
            row: 11,
            kind: RowKind::Group,
        },
    )
    .unwrap();
    let shown = view(&table);
    // The group sums the data rows under it: 2 + 3 and 20 + 30.
    assert_eq!(shown.rows[0].cells[1].text, "5");
    assert_eq!(shown.rows[0].cells[2].text, "50");
    assert!(shown.rows[0].cells[1].computed);
    // Its typed figure is kept (hidden) for when it is a data row again.
    assert_eq!(table.rows[0].cells[1].text, "1");
    apply(&mut table, TableOp::SetRowIndent { row: 12, indent: 2 }).unwrap();
    assert_eq!(table.rows[1].indent, 2);
    apply(&mut table, TableOp::SetRowIndent { row: 12, indent: 9 }).unwrap();
    assert_eq!(table.rows[1].indent, MAX_INDENT);
}

#[test]
fn a_column_is_inserted_with_its_header_places_and_merges_grow_over_it() {
    let mut table = small(2);
    table
        .header
        .insert(0, vec!["Số liệu".into(), String::new(), String::new()]);
    table.merges.push(Merge {
        row: 0,
        col: 1,
        rows: 1,
        cols: 2,
    });
    apply(
        &mut table,
        TableOp::InsertColumn {
            index: 2,
            kind: ColumnKind::Number { decimals: 1 },
        },
    )
    .unwrap();
    assert_eq!(table.width(), 4);
    assert_eq!(table.columns[2].id, 100);
    assert_eq!(table.header[1], ["Chỉ tiêu", "Kỳ này", "", "Cùng kỳ"]);
    assert_eq!(
        table.merges,
        [Merge {
            row: 0,
            col: 1,
            rows: 1,
            cols: 3
        }]
    );
    // Before the merge: it moves right.
    apply(
        &mut table,
        TableOp::InsertColumn {
            index: 0,
            kind: ColumnKind::Text,
        },
    )
    .unwrap();
    assert_eq!(table.merges[0].col, 2);
    assert_eq!(
        apply(
            &mut table,
            TableOp::InsertColumn {
                index: 9,
                kind: ColumnKind::Text
            }
        ),
        Err(TableError::NotFound)
    );
    // A formula naming a column the table lacks is refused.
    assert_eq!(
        apply(
            &mut table,
            TableOp::InsertColumn {
                index: 1,
                kind: ColumnKind::Computed {
                    formula: Formula::Sum { columns: vec![555] },
                    decimals: 0
                }
            }
        ),
        Err(TableError::NotFound)
    );
}

#[test]
fn columns_stop_at_the_most_a_page_shows() {
    let mut table = presets::blank(1, MAX_COLUMNS);
    assert_eq!(
        apply(
            &mut table,
            TableOp::InsertColumn {
                index: 0,
                kind: ColumnKind::Text
            }
        ),
        Err(TableError::TooBig)
    );
}

#[test]
fn moving_a_column_takes_its_header_and_cells_and_formulas_follow_by_id() {
    let mut table = small(2);
    table.columns.push(Column {
        id: 4,
        kind: ColumnKind::Computed {
            formula: Formula::Ratio { a: 2, b: 3 },
            decimals: 1,
        },
        ..Column::default()
    });
    table.header[0].push("Tỉ lệ".into());
    for row in &mut table.rows {
        row.cells.push(Cell::default());
    }
    let before = view(&table).rows[0].cells[3].text.clone();
    assert_eq!(before, "10,0");
    apply(
        &mut table,
        TableOp::MoveColumn {
            column: 3,
            left: true,
        },
    )
    .unwrap();
    assert_eq!(table.header[0], ["Chỉ tiêu", "Cùng kỳ", "Kỳ này", "Tỉ lệ"]);
    assert_eq!(texts(&table, 1), ["10", "20"]);
    let shown = view(&table);
    assert_eq!(shown.rows[0].cells[3].text, before);
    assert_eq!(shown.number_row, None);
    table.number_row = true;
    assert_eq!(view(&table).number_row.unwrap(), ["1", "2", "3", "4=3:2"]);
    assert_eq!(
        apply(
            &mut table,
            TableOp::MoveColumn {
                column: 1,
                left: true
            }
        ),
        Err(TableError::AtEdge)
    );
    assert_eq!(
        apply(
            &mut table,
            TableOp::MoveColumn {
                column: 4,
                left: false
            }
        ),
        Err(TableError::AtEdge)
    );
}

#[test]
fn a_column_does_not_move_out_of_a_merged_header_cell() {
    let mut table = small(1);
    table
        .header
        .insert(0, vec![String::new(), "Số liệu".into(), String::new()]);
    table.merges.push(Merge {
        row: 0,
        col: 1,
        rows: 1,
        cols: 2,
    });
    assert_eq!(
        apply(
            &mut table,
            TableOp::MoveColumn {
                column: 2,
                left: true
            }
        ),
        Err(TableError::MoveThroughMerge)
    );
    // Said as a move, not as a merge (the "←" on a new column said
    // "Không gộp được").
    let said = crate::i18n::describe_session_error(
        crate::i18n::Lang::Vi,
        &crate::session::SessionError::Edit(crate::edit::EditError::Table(
            TableError::MoveThroughMerge,
        )),
    );
    assert!(said.starts_with("Không chuyển được cột"), "{said}");
    // Both inside the merge: they swap under it.
    apply(
        &mut table,
        TableOp::MoveColumn {
            column: 2,
            left: false,
        },
    )
    .unwrap();
    assert_eq!(table.header[1], ["Chỉ tiêu", "Cùng kỳ", "Kỳ này"]);
}

#[test]
fn deleting_a_column_drops_it_from_sums_and_freezes_other_formulas() {
    let mut table = small(2);
    let computed = |formula, id| Column {
        id,
        kind: ColumnKind::Computed {
            formula,
            decimals: 1,
        },
        ..Column::default()
    };
    table.columns.push(computed(
        Formula::Sum {
            columns: vec![2, 3],
        },
        4,
    ));
    table
        .columns
        .push(computed(Formula::Percent { part: 2, whole: 3 }, 5));
    table.header[0].extend(["Cộng".into(), "%".into()]);
    for row in &mut table.rows {
        row.cells.extend([Cell::default(), Cell::default()]);
    }
    table.merges.push(Merge {
        row: 0,
        col: 2,
        rows: 1,
        cols: 2,
    });
    table.header.push(vec![String::new(); 5]);
    table.merges.push(Merge {
        row: 1,
        col: 0,
        rows: 1,
        cols: 2,
    });
    apply(&mut table, TableOp::DeleteColumn { column: 2 }).unwrap();
    assert_eq!(table.width(), 4);
    // The sum now reads column 3 only.
    assert_eq!(
        table.columns[2].kind,
        ColumnKind::Computed {
            formula: Formula::Sum { columns: vec![3] },
            decimals: 1
        }
    );
    // The percentage became typed figures: what it showed (1/10, 2/20).
    assert_eq!(table.columns[3].kind, ColumnKind::Number { decimals: 1 });
    assert_eq!(texts(&table, 3), ["10,0", "10,0"]);
    // The merge over columns 2–3 now covers 1–2; the one over 0–1 is gone.
    assert_eq!(
        table.merges,
        [Merge {
            row: 0,
            col: 1,
            rows: 1,
            cols: 2
        }]
    );
    for _ in 0..3 {
        let id = table.columns[0].id;
        apply(&mut table, TableOp::DeleteColumn { column: id }).unwrap();
    }
    let id = table.columns[0].id;
    assert_eq!(
        apply(&mut table, TableOp::DeleteColumn { column: id }),
        Err(TableError::LastOne)
    );
}

#[test]
fn column_kind_and_width_are_set_and_self_reading_formulas_refused() {
    let mut table = small(1);
    apply(
        &mut table,
        TableOp::SetColumnKind {
            column: 3,
            kind: ColumnKind::Computed {
                formula: Formula::Difference { a: 2, b: 2 },
                decimals: 0,
            },
        },
    )
    .unwrap();
    assert_eq!(view(&table).rows[0].cells[2].text, "0");
    assert_eq!(
        apply(
            &mut table,
            TableOp::SetColumnKind {
                column: 3,
                kind: ColumnKind::Computed {
                    formula: Formula::Sum {
                        columns: vec![2, 3]
                    },
                    decimals: 0
                }
            }
        ),
        Err(TableError::NotFound)
    );
    apply(
        &mut table,
        TableOp::SetColumnWidth {
            column: 1,
            width: 40,
        },
    )
    .unwrap();
    assert_eq!(table.columns[0].width, 40);
}

#[test]
fn header_rows_come_and_go_with_their_merges() {
    let mut table = small(1);
    apply(&mut table, TableOp::InsertHeaderRow { index: 0 }).unwrap();
    assert_eq!(table.header.len(), 2);
    assert_eq!(table.header[0], ["", "", ""]);
    table.header[0][1] = "Số liệu".into();
    apply(
        &mut table,
        TableOp::Merge(Merge {
            row: 0,
            col: 0,
            rows: 2,
            cols: 1,
        }),
    )
    .unwrap();
    // Inserting between the rows of a merge makes it taller.
    apply(&mut table, TableOp::InsertHeaderRow { index: 1 }).unwrap();
    assert_eq!(table.merges[0].rows, 3);
    apply(&mut table, TableOp::DeleteHeaderRow { index: 1 }).unwrap();
    apply(&mut table, TableOp::DeleteHeaderRow { index: 0 }).unwrap();
    // One row left: the merge joined nothing any more.
    assert!(table.merges.is_empty());
    assert_eq!(table.header, [["Chỉ tiêu", "Kỳ này", "Cùng kỳ"]]);
    assert_eq!(
        apply(&mut table, TableOp::DeleteHeaderRow { index: 0 }),
        Err(TableError::LastOne)
    );
    assert_eq!(
        apply(&mut table, TableOp::InsertHeaderRow { index: 5 }),
        Err(TableError::NotFound)
    );
}

#[test]
fn merges_stay_inside_the_header_and_apart_and_split_undoes_them() {
    let mut table = small(1);
    table
        .header
        .insert(0, vec![String::new(), String::new(), "Số liệu".into()]);
    let merge = Merge {
        row: 0,
        col: 1,
        rows: 1,
        cols: 2,
    };
    apply(&mut table, TableOp::Merge(merge)).unwrap();
    // The only text under the merge moves to its top-left place.
    assert_eq!(table.header[0], ["", "Số liệu", ""]);
    let shown = view(&table);
    assert_eq!(shown.header[0].len(), 2);
    assert_eq!(shown.header[0][1].col_span, 2);
    for bad in [
        Merge {
            row: 0,
            col: 0,
            rows: 1,
            cols: 2,
        },
        Merge {
            row: 1,
            col: 2,
            rows: 1,
            cols: 2,
        },
        Merge {
            row: 1,
            col: 0,
            rows: 2,
            cols: 1,
        },
        Merge {
            row: 0,
            col: 0,
            rows: 1,
            cols: 1,
        },
        Merge {
            row: 0,
            col: 0,
            rows: 0,
            cols: 3,
        },
        Merge {
            row: usize::MAX,
            col: 0,
            rows: 2,
            cols: 1,
        },
    ] {
        assert_eq!(
            apply(&mut table, TableOp::Merge(bad)),
            Err(TableError::BadMerge),
            "{bad:?}"
        );
    }
    assert_eq!(
        apply(&mut table, TableOp::Split { row: 1, col: 1 }),
        Err(TableError::NotFound)
    );
    apply(&mut table, TableOp::Split { row: 0, col: 2 }).unwrap();
    assert!(table.merges.is_empty());
}

#[test]
fn the_number_row_is_shown_or_not() {
    let mut table = small(1);
    apply(&mut table, TableOp::SetNumberRow(true)).unwrap();
    assert_eq!(view(&table).number_row.unwrap(), ["1", "2", "3"]);
    apply(&mut table, TableOp::SetNumberRow(false)).unwrap();
    assert!(view(&table).number_row.is_none());
}

/// `small(2)` with a total row below its two rows.
fn small_with_total() -> Table {
    let mut table = small(2);
    apply(
        &mut table,
        TableOp::InsertRow {
            index: 2,
            kind: RowKind::Total,
        },
    )
    .unwrap();
    table
}

#[test]
fn a_computed_place_is_typed_over_from_its_figure_and_given_back() {
    let mut table = small_with_total();
    assert_eq!(
        set_text(
            &mut table,
            TableSlot::Cell {
                row: 100,
                column: 2
            },
            "9".into()
        ),
        Err(TableError::Computed)
    );
    apply(
        &mut table,
        TableOp::SetTyped {
            row: 100,
            column: 2,
            typed: true,
        },
    )
    .unwrap();
    // It starts as the figure it showed.
    assert_eq!(table.rows[2].cells[1].text, "3");
    set_text(
        &mut table,
        TableSlot::Cell {
            row: 100,
            column: 2,
        },
        "9".into(),
    )
    .unwrap();
    let cell = &view(&table).rows[2].cells[1];
    assert_eq!((cell.text.as_str(), cell.typed_over), ("9", true));
    apply(
        &mut table,
        TableOp::SetTyped {
            row: 100,
            column: 2,
            typed: false,
        },
    )
    .unwrap();
    assert_eq!(table.rows[2].cells[1], Cell::default());
    let cell = &view(&table).rows[2].cells[1];
    assert_eq!((cell.text.as_str(), cell.computed), ("3", true));
    // A typed place has nothing to give back.
    apply(
        &mut table,
        TableOp::SetTyped {
            row: 11,
            column: 2,
            typed: true,
        },
    )
    .unwrap();
    assert!(!table.rows[0].cells[1].typed);
    assert_eq!(
        apply(
            &mut table,
            TableOp::SetTyped {
                row: 11,
                column: 99,
                typed: true
            }
        ),
        Err(TableError::NotFound)
    );
}

#[test]
fn pasting_fills_cells_grows_the_table_and_leaves_formulas_alone() {
    let mut table = small(1);
    apply(
        &mut table,
        TableOp::InsertRow {
            index: 1,
            kind: RowKind::Total,
        },
    )
    .unwrap();
    let cells = vec![
        vec![
            "Nữ".to_owned(),
            "5".to_owned(),
            "7".to_owned(),
            "12".to_owned(),
        ],
        vec!["Tổng".to_owned(), "99".to_owned()],
        vec![
            "Dân tộc".to_owned(),
            "2".to_owned(),
            "3".to_owned(),
            "x".to_owned(),
        ],
    ];
    apply(
        &mut table,
        TableOp::Paste {
            row: 0,
            col: 0,
            cells,
        },
    )
    .unwrap();
    assert_eq!(table.rows.len(), 3);
    assert_eq!(table.width(), 4);
    // The new fourth column got a word, so it holds text.
    assert_eq!(table.columns[3].kind, ColumnKind::Text);
    assert_eq!(texts(&table, 0), ["Nữ", "Tổng", "Dân tộc"]);
    // The total row's figure stayed computed: 5 + 2.
    assert_eq!(table.rows[1].cells[1].text, "");
    assert_eq!(view(&table).rows[1].cells[1].text, "7");
    assert_eq!(table.header[0].len(), 4);
    // Past the end of the table: not found; too wide: too big.
    assert_eq!(
        apply(
            &mut table,
            TableOp::Paste {
                row: 9,
                col: 0,
                cells: vec![vec!["1".into()]]
            }
        ),
        Err(TableError::NotFound)
    );
    assert_eq!(
        apply(
            &mut table,
            TableOp::Paste {
                row: 0,
                col: 1,
                cells: vec![vec!["1".to_owned(); MAX_COLUMNS]]
            }
        ),
        Err(TableError::TooBig)
    );
    assert_eq!(
        apply(
            &mut table,
            TableOp::Paste {
                row: 0,
                col: 0,
                cells: vec![vec!["1".to_owned()]; MAX_CELLS]
            }
        ),
        Err(TableError::TooBig)
    );
    // Numbers only: a number column.
    apply(
        &mut table,
        TableOp::Paste {
            row: 3,
            col: 4,
            cells: vec![vec!["1.234,5".into()], vec![String::new()]],
        },
    )
    .unwrap();
    assert_eq!(table.columns[4].kind, ColumnKind::Number { decimals: 0 });
    assert_eq!(table.rows.len(), 5);
}

#[test]
fn a_ragged_table_from_a_file_is_repaired_by_any_change() {
    let mut table = small(2);
    table.rows[0].cells.truncate(1);
    table.rows[1].cells.push(Cell::default());
    table.header[0].pop();
    table.merges.push(Merge {
        row: 0,
        col: 2,
        rows: 5,
        cols: 5,
    });
    table.rows[1].indent = 200;
    assert!(table.invariant_problem().is_some());
    apply(&mut table, TableOp::SetNumberRow(true)).unwrap();
    assert_eq!(table.rows[0].cells.len(), 3);
    assert_eq!(table.rows[1].cells.len(), 3);
    assert!(table.merges.is_empty());
}

fn arbitrary_op() -> impl Strategy<Value = (u8, usize, usize, usize, usize)> {
    (any::<u8>(), 0usize..8, 0usize..8, 0usize..4, 0usize..4)
}

/// An op of kind `kind % 17` with places picked from the other values.
fn make_op(table: &Table, (kind, a, b, c, d): (u8, usize, usize, usize, usize)) -> TableOp {
    let row = table
        .rows
        .get(a % table.rows.len().max(1))
        .map_or(0, |row| row.id);
    let column = table
        .columns
        .get(b % table.columns.len().max(1))
        .map_or(0, |column| column.id);
    let other = table
        .columns
        .get(c % table.columns.len().max(1))
        .map_or(0, |column| column.id);
    let kinds = [
        RowKind::Data,
        RowKind::Group,
        RowKind::Total,
        RowKind::Label,
    ];
    let column_kinds = [
        ColumnKind::Text,
        ColumnKind::Number { decimals: 1 },
        ColumnKind::Computed {
            formula: Formula::Sum {
                columns: vec![other],
            },
            decimals: 0,
        },
        ColumnKind::Computed {
            formula: Formula::Percent {
                part: other,
                whole: column,
            },
            decimals: 2,
        },
    ];
    match kind % 17 {
        0 => TableOp::InsertRow {
            index: a,
            kind: kinds[c],
        },
        1 => TableOp::DeleteRow { row },
        2 => TableOp::MoveRow {
            row,
            up: c % 2 == 0,
        },
        3 => TableOp::SetRowKind {
            row,
            kind: kinds[c],
        },
        4 => TableOp::SetRowIndent {
            row,
            indent: d as u8 * 2,
        },
        5 => TableOp::InsertColumn {
            index: b,
            kind: column_kinds[c].clone(),
        },
        6 => TableOp::DeleteColumn { column },
        7 => TableOp::MoveColumn {
            column,
            left: c % 2 == 0,
        },
        8 => TableOp::SetColumnKind {
            column,
            kind: column_kinds[c].clone(),
        },
        9 => TableOp::SetColumnWidth {
            column,
            width: (a * 10) as u16,
        },
        10 => TableOp::InsertHeaderRow { index: c },
        11 => TableOp::DeleteHeaderRow { index: c },
        12 => TableOp::Merge(Merge {
            row: c,
            col: a,
            rows: d,
            cols: b,
        }),
        13 => TableOp::Split { row: c, col: a },
        14 => TableOp::SetNumberRow(a % 2 == 0),
        15 => TableOp::SetTyped {
            row,
            column,
            typed: c % 2 == 0,
        },
        _ => TableOp::Paste {
            row: a,
            col: b,
            cells: vec![vec!["1,5".to_owned(); d + 1]; c + 1],
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_changes_never_panic_and_keep_the_invariants(
        steps in prop::collection::vec(arbitrary_op(), 0..60)
    ) {
        let mut table = small(2);
        let mut fresh = ids();
        for step in steps {
            let op = make_op(&table, step);
            let before = table.clone();
            match apply_op(&mut table, &op, &mut fresh) {
                Ok(()) => {}
                Err(_) => prop_assert_eq!(&table, &before),
            }
            prop_assert_eq!(table.invariant_problem(), None, "after {:?}", op);
            prop_assert!(!table.rows.is_empty() && !table.columns.is_empty());
            let shown = view(&table);
            prop_assert_eq!(shown.rows.len(), table.rows.len());
            prop_assert!(shown.rows.iter().all(|row| row.cells.len() == table.width()));
            // Every header place is shown by exactly one cell.
            for r in 0..table.header.len() {
                let covered: usize = shown
                    .header
                    .iter()
                    .flatten()
                    .filter(|cell| r >= cell.row && r < cell.row + cell.row_span)
                    .map(|cell| cell.col_span)
                    .sum();
                prop_assert_eq!(covered, table.width());
            }
        }
    }
}

#[test]
fn deleting_the_first_column_or_row_of_a_merged_cell_keeps_its_text() {
    let mut table = presets::pupil_results();
    // "Tốt" over columns 3 and 4: delete its first column.
    let first = table.columns[2].id;
    apply(&mut table, TableOp::DeleteColumn { column: first }).unwrap();
    assert_eq!(table.header[0][2], "Tốt");
    assert_eq!(view(&table).header[0][2].text, "Tốt");
    // "Khối" over both header rows: delete the first row.
    apply(&mut table, TableOp::DeleteHeaderRow { index: 0 }).unwrap();
    assert_eq!(table.header[0][0], "Khối");
    assert_eq!(table.header[0][1], "Sĩ số");
}

#[test]
fn merges_stop_at_the_most_a_header_holds_and_repair_keeps_the_first() {
    let mut table = presets::blank(1, 2);
    table.header = vec![vec![String::new(); 2]; 1001];
    table.merges = (0..1500)
        .map(|r| Merge {
            row: r,
            col: 0,
            rows: 1,
            cols: 2,
        })
        .collect();
    assert!(table.invariant_problem().is_some());
    assert!(table.repair());
    assert_eq!(table.merges.len(), MAX_MERGES);
    assert_eq!(table.invariant_problem(), None);
    assert_eq!(
        apply(
            &mut table,
            TableOp::Merge(Merge {
                row: 1000,
                col: 0,
                rows: 1,
                cols: 2
            })
        ),
        Err(TableError::BadMerge)
    );
}

/// Two lines pasted on the last data row of the pupils' table: the second
/// took the total row's label ("Khối 13") and its figures were dropped,
/// the total computing over them.
#[test]
fn regression_a_paste_past_the_last_data_row_overwrote_the_total() {
    let mut table = small_with_total();
    let line = |label: &str, a: &str, b: &str| vec![label.to_owned(), a.to_owned(), b.to_owned()];
    apply(
        &mut table,
        TableOp::Paste {
            row: 1,
            col: 0,
            cells: vec![
                line("Khối 12", "4", "40"),
                line("Khối 13", "5", "50"),
                line("Khối 14", "6", "60"),
            ],
        },
    )
    .unwrap();
    let kinds: Vec<RowKind> = table.rows.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        [
            RowKind::Data,
            RowKind::Data,
            RowKind::Data,
            RowKind::Data,
            RowKind::Total
        ]
    );
    assert_eq!(
        texts(&table, 0),
        ["Hàng 0", "Khối 12", "Khối 13", "Khối 14", ""]
    );
    // The total counts every pasted figure: 1 + 4 + 5 + 6.
    assert_eq!(view(&table).rows[4].cells[1].text, "16");
    // Figures alone pasted onto the total (from the second column) get a
    // row too, rather than being dropped.
    apply(
        &mut table,
        TableOp::Paste {
            row: 4,
            col: 1,
            cells: vec![vec!["7".to_owned(), "70".to_owned()]],
        },
    )
    .unwrap();
    assert_eq!(table.rows.len(), 6);
    assert_eq!(table.rows[5].kind, RowKind::Total);
    assert_eq!(view(&table).rows[5].cells[1].text, "23");
    // A total's own line pasted over the total keeps it the total.
    apply(
        &mut table,
        TableOp::Paste {
            row: 5,
            col: 0,
            cells: vec![line("Tổng cộng", "99", "990")],
        },
    )
    .unwrap();
    assert_eq!(table.rows.len(), 6);
    assert_eq!(texts(&table, 0)[5], "Tổng cộng");
    assert_eq!(view(&table).rows[5].cells[1].text, "23");
}
