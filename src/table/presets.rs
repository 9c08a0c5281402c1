//! Ready tables: a blank grid, and the statistics tables of school and
//! Party reports with their totals and percentages computed.

use super::{Cell, Column, ColumnKind, Row, RowKind, Table};

/// A blank table of `rows` data rows and `cols` columns: the first column
/// for words, the others for numbers, one header row. Ids are given when
/// it is inserted.
pub fn blank(rows: usize, cols: usize) -> Table {
    let cols = cols.max(1);
    Table {
        columns: (0..cols)
            .map(|c| Column {
                id: c as u64 + 1,
                kind: if c == 0 {
                    ColumnKind::Text
                } else {
                    ColumnKind::Number { decimals: 0 }
                },
                ..Column::default()
            })
            .collect(),
        header: vec![vec![String::new(); cols]],
        rows: (0..rows.max(1))
            .map(|_| Row {
                kind: RowKind::Data,
                cells: vec![Cell::default(); cols],
                ..Row::default()
            })
            .collect(),
        ..Table::default()
    }
}
