//! Changes of a table's shape and kinds (`TableOp`), each made on a copy
//! that replaces the table only when the whole change succeeded, and the
//! table's invariants: every header row and body row as wide as the
//! columns, merges inside the header grid and apart, indents 0 to 3.
//!
//! Deleting a column that a formula reads: a sum drops it and sums the
//! rest; any other formula (a percentage, a difference, a ratio) cannot
//! stand without it, so its column becomes a plain number column that
//! keeps, as typed figures, the values it showed before the deletion.

use super::{
    compute, format_number, formula_inputs, Cell, Column, ColumnKind, Formula, Merge, Row, RowKind,
    Table, TableError, TableOp, MAX_CELLS, MAX_COLUMNS,
};
use crate::model::NodeId;

/// The deepest indent of a row's first cell.
pub const MAX_INDENT: u8 = 3;

/// The most merged cells a table's header has: far more than any form's,
/// few enough that checking them against each other stays quick.
pub const MAX_MERGES: usize = 1000;

/// Applies `op` to `table`; see `super::apply_op`.
pub(super) fn apply(
    table: &mut Table,
    op: &TableOp,
    fresh: &mut dyn FnMut() -> NodeId,
) -> Result<(), TableError> {
    let mut work = table.clone();
    work.repair();
    change(&mut work, op, fresh)?;
    debug_assert_eq!(work.invariant_problem(), None);
    *table = work;
    Ok(())
}

/// How many header and body places a table of this size has.
fn places(header: usize, rows: usize, width: usize) -> usize {
    header.saturating_add(rows).saturating_mul(width)
}

fn fits(header: usize, rows: usize, width: usize) -> Result<(), TableError> {
    if width > MAX_COLUMNS || places(header, rows, width) > MAX_CELLS {
        Err(TableError::TooBig)
    } else {
        Ok(())
    }
}

fn change(
    table: &mut Table,
    op: &TableOp,
    fresh: &mut dyn FnMut() -> NodeId,
) -> Result<(), TableError> {
    let width = table.width();
    match op {
        TableOp::InsertRow { index, kind } => {
            if *index > table.rows.len() {
                return Err(TableError::NotFound);
            }
            fits(table.header.len(), table.rows.len() + 1, width)?;
            table.rows.insert(
                *index,
                Row {
                    id: fresh(),
                    kind: *kind,
                    cells: vec![Cell::default(); width],
                    ..Row::default()
                },
            );
        }
        TableOp::DeleteRow { row } => {
            let r = table.row_index(*row).ok_or(TableError::NotFound)?;
            if table.rows.len() == 1 {
                return Err(TableError::LastOne);
            }
            table.rows.remove(r);
        }
        TableOp::MoveRow { row, up } => {
            let r = table.row_index(*row).ok_or(TableError::NotFound)?;
            let other = if *up {
                r.checked_sub(1)
            } else {
                Some(r + 1).filter(|next| *next < table.rows.len())
            };
            table.rows.swap(r, other.ok_or(TableError::AtEdge)?);
        }
        TableOp::SetRowKind { row, kind } => {
            let r = table.row_index(*row).ok_or(TableError::NotFound)?;
            table.rows[r].kind = *kind;
        }
        TableOp::SetRowIndent { row, indent } => {
            let r = table.row_index(*row).ok_or(TableError::NotFound)?;
            table.rows[r].indent = (*indent).min(MAX_INDENT);
        }
        TableOp::InsertColumn { index, kind } => {
            if *index > width {
                return Err(TableError::NotFound);
            }
            check_formula(table, kind, None)?;
            insert_column(table, *index, kind.clone(), fresh)?;
        }
        TableOp::DeleteColumn { column } => {
            let c = table.column_index(*column).ok_or(TableError::NotFound)?;
            if width == 1 {
                return Err(TableError::LastOne);
            }
            delete_column(table, c);
        }
        TableOp::MoveColumn { column, left } => {
            let c = table.column_index(*column).ok_or(TableError::NotFound)?;
            let other = if *left {
                c.checked_sub(1)
            } else {
                Some(c + 1).filter(|next| *next < width)
            }
            .ok_or(TableError::AtEdge)?;
            // A merged header cell that holds one of the two columns but
            // not the other would change what it covers: split it first.
            let holds =
                |merge: &Merge, col: usize| col >= merge.col && col < merge.col + merge.cols;
            if table
                .merges
                .iter()
                .any(|merge| holds(merge, c) != holds(merge, other))
            {
                return Err(TableError::MoveThroughMerge);
            }
            table.columns.swap(c, other);
            for line in &mut table.header {
                line.swap(c, other);
            }
            for row in &mut table.rows {
                row.cells.swap(c, other);
            }
        }
        TableOp::SetColumnKind { column, kind } => {
            let c = table.column_index(*column).ok_or(TableError::NotFound)?;
            check_formula(table, kind, Some(*column))?;
            table.columns[c].kind = kind.clone();
        }
        TableOp::SetColumnWidth { column, width } => {
            let c = table.column_index(*column).ok_or(TableError::NotFound)?;
            table.columns[c].width = *width;
        }
        TableOp::InsertHeaderRow { index } => {
            if *index > table.header.len() {
                return Err(TableError::NotFound);
            }
            fits(table.header.len() + 1, table.rows.len(), width)?;
            table.header.insert(*index, vec![String::new(); width]);
            for merge in &mut table.merges {
                if merge.row >= *index {
                    merge.row += 1;
                } else if merge.row + merge.rows > *index {
                    merge.rows += 1;
                }
            }
        }
        TableOp::DeleteHeaderRow { index } => {
            if *index >= table.header.len() {
                return Err(TableError::NotFound);
            }
            if table.header.len() == 1 {
                return Err(TableError::LastOne);
            }
            // A merged cell that starts in the row and goes on below keeps
            // its text in its new top-left place.
            for merge in &table.merges {
                if merge.row == *index && merge.rows > 1 {
                    let text = std::mem::take(&mut table.header[*index][merge.col]);
                    let below = &mut table.header[*index + 1][merge.col];
                    if below.trim().is_empty() {
                        *below = text;
                    }
                }
            }
            table.header.remove(*index);
            for merge in &mut table.merges {
                if merge.row > *index {
                    merge.row -= 1;
                } else if merge.row + merge.rows > *index {
                    merge.rows -= 1;
                }
            }
            drop_single_places(&mut table.merges);
        }
        TableOp::Merge(merge) => merge_places(table, *merge)?,
        TableOp::Split { row, col } => {
            let at = table
                .merges
                .iter()
                .position(|merge| covers(merge, *row, *col))
                .ok_or(TableError::NotFound)?;
            table.merges.remove(at);
        }
        TableOp::SetNumberRow(shown) => table.number_row = *shown,
        TableOp::SetTyped { row, column, typed } => {
            let r = table.row_index(*row).ok_or(TableError::NotFound)?;
            let c = table.column_index(*column).ok_or(TableError::NotFound)?;
            let computed_place = table.is_computed_place(r, c);
            if *typed {
                if !computed_place || table.rows[r].cells[c].typed {
                    return Ok(());
                }
                // The typed figure starts as the one shown.
                let shown = compute(table)[r][c]
                    .map(|value| format_number(value, super::decimals_of(table, c)))
                    .unwrap_or_default();
                let cell = &mut table.rows[r].cells[c];
                cell.typed = true;
                cell.text = shown;
            } else {
                let cell = &mut table.rows[r].cells[c];
                if cell.typed {
                    cell.typed = false;
                    if computed_place {
                        cell.text.clear();
                    }
                }
            }
        }
        TableOp::Paste { row, col, cells } => paste(table, *row, *col, cells, fresh)?,
    }
    Ok(())
}

/// Refuses a formula that names a column the table does not have, or (when
/// set on column `own`) the column itself.
fn check_formula(table: &Table, kind: &ColumnKind, own: Option<NodeId>) -> Result<(), TableError> {
    if let ColumnKind::Computed { formula, .. } = kind {
        for input in formula_inputs(formula) {
            if Some(input) == own || table.column_index(input).is_none() {
                return Err(TableError::NotFound);
            }
        }
    }
    Ok(())
}

fn insert_column(
    table: &mut Table,
    index: usize,
    kind: ColumnKind,
    fresh: &mut dyn FnMut() -> NodeId,
) -> Result<(), TableError> {
    fits(table.header.len(), table.rows.len(), table.width() + 1)?;
    table.columns.insert(
        index,
        Column {
            id: fresh(),
            kind,
            ..Column::default()
        },
    );
    for line in &mut table.header {
        line.insert(index, String::new());
    }
    for row in &mut table.rows {
        row.cells.insert(index, Cell::default());
    }
    for merge in &mut table.merges {
        if merge.col >= index {
            merge.col += 1;
        } else if merge.col + merge.cols > index {
            merge.cols += 1;
        }
    }
    Ok(())
}

fn delete_column(table: &mut Table, c: usize) {
    let gone = table.columns[c].id;
    // The figures each dependent column shows now, for those that become
    // typed number columns.
    let values = compute(table);
    for (other, column) in table.columns.iter_mut().enumerate() {
        let ColumnKind::Computed { formula, decimals } = &mut column.kind else {
            continue;
        };
        let decimals = *decimals;
        let keep = match formula {
            Formula::Sum { columns } => {
                columns.retain(|id| *id != gone);
                !columns.is_empty()
            }
            other_formula => !formula_inputs(other_formula).contains(&gone),
        };
        if keep {
            continue;
        }
        column.kind = ColumnKind::Number { decimals };
        for (row, line) in table.rows.iter_mut().zip(&values) {
            let cell = &mut row.cells[other];
            if cell.typed {
                cell.typed = false;
            } else if row.kind != RowKind::Label {
                cell.text = line[other]
                    .map(|value| format_number(value, decimals))
                    .unwrap_or_default();
            }
        }
    }
    // A merged cell that starts in the column and goes on to the right
    // keeps its text in its new top-left place.
    for merge in &table.merges {
        if merge.col == c && merge.cols > 1 {
            let line = &mut table.header[merge.row];
            if line[c + 1].trim().is_empty() {
                line[c + 1] = std::mem::take(&mut line[c]);
            }
        }
    }
    table.columns.remove(c);
    for line in &mut table.header {
        line.remove(c);
    }
    for row in &mut table.rows {
        row.cells.remove(c);
    }
    for merge in &mut table.merges {
        if merge.col > c {
            merge.col -= 1;
        } else if merge.col + merge.cols > c {
            merge.cols -= 1;
        }
    }
    drop_single_places(&mut table.merges);
}

/// Removes merges that no longer join two places.
fn drop_single_places(merges: &mut Vec<Merge>) {
    merges.retain(|merge| merge.rows * merge.cols > 1);
}

fn covers(merge: &Merge, row: usize, col: usize) -> bool {
    row >= merge.row
        && row < merge.row + merge.rows
        && col >= merge.col
        && col < merge.col + merge.cols
}

fn overlap(a: &Merge, b: &Merge) -> bool {
    a.row < b.row + b.rows
        && b.row < a.row + a.rows
        && a.col < b.col + b.cols
        && b.col < a.col + a.cols
}

/// True when `merge` joins at least two places of a header `rows` high and
/// `width` wide.
fn inside(merge: &Merge, rows: usize, width: usize) -> bool {
    merge.rows >= 1
        && merge.cols >= 1
        && merge.rows.saturating_mul(merge.cols) > 1
        && merge
            .row
            .checked_add(merge.rows)
            .is_some_and(|end| end <= rows)
        && merge
            .col
            .checked_add(merge.cols)
            .is_some_and(|end| end <= width)
}

fn merge_places(table: &mut Table, merge: Merge) -> Result<(), TableError> {
    if !inside(&merge, table.header.len(), table.width())
        || table.merges.len() >= MAX_MERGES
        || table.merges.iter().any(|other| overlap(other, &merge))
    {
        return Err(TableError::BadMerge);
    }
    // The merged cell shows its top-left text; when that is empty, the
    // first text it covers moves there, so a merge never hides the only
    // words in it.
    if table.header[merge.row][merge.col].trim().is_empty() {
        let first = (merge.row..merge.row + merge.rows)
            .flat_map(|r| (merge.col..merge.col + merge.cols).map(move |c| (r, c)))
            .find(|&(r, c)| !table.header[r][c].trim().is_empty());
        if let Some((r, c)) = first {
            let text = std::mem::take(&mut table.header[r][c]);
            table.header[merge.row][merge.col] = text;
        }
    }
    table.merges.push(merge);
    Ok(())
}

fn paste(
    table: &mut Table,
    row: usize,
    col: usize,
    cells: &[Vec<String>],
    fresh: &mut dyn FnMut() -> NodeId,
) -> Result<(), TableError> {
    if row > table.rows.len() || col > table.width() {
        return Err(TableError::NotFound);
    }
    let wide = cells.iter().map(Vec::len).max().unwrap_or(0);
    if cells.is_empty() || wide == 0 {
        return Ok(());
    }
    // Where each line goes: the next row down, except that a line reaching
    // the total row gets a data row of its own before it, unless it reads
    // as the total itself ("Tổng cộng" pasted over "Tổng cộng"). Without
    // that, a line pasted past the last data row took the total's label
    // and lost its figures, which the total computes over.
    let mut kinds: Vec<RowKind> = table.rows.iter().map(|r| r.kind).collect();
    let mut places = Vec::with_capacity(cells.len());
    for (r, line) in (row..).zip(cells) {
        if r >= kinds.len() {
            kinds.push(RowKind::Data);
            places.push((r, Landing::Append));
        } else if kinds[r] == RowKind::Total && !reads_as_total(col, line) {
            kinds.insert(r, RowKind::Data);
            places.push((r, Landing::Insert));
        } else {
            places.push((r, Landing::Existing));
        }
    }
    let width = table.width().max(col.saturating_add(wide));
    fits(table.header.len(), kinds.len(), width)?;
    while table.width() < width {
        let c = table.width();
        // A new column holds numbers when everything pasted into it does.
        let numeric = cells.iter().all(|line| {
            line.get(c - col)
                .is_none_or(|text| text.trim().is_empty() || super::parse_number(text).is_some())
        });
        let kind = if numeric {
            ColumnKind::Number { decimals: 0 }
        } else {
            ColumnKind::Text
        };
        insert_column(table, c, kind, fresh)?;
    }
    for (line, (r, landing)) in cells.iter().zip(places) {
        if landing != Landing::Existing {
            table.rows.insert(
                r,
                Row {
                    id: fresh(),
                    kind: RowKind::Data,
                    cells: vec![Cell::default(); width],
                    ..Row::default()
                },
            );
        }
        for (dc, text) in line.iter().enumerate() {
            let c = col + dc;
            if table.is_computed_place(r, c) && !table.rows[r].cells[c].typed {
                continue;
            }
            table.rows[r].cells[c].text = text.clone();
        }
    }
    Ok(())
}

/// Where a pasted line lands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Landing {
    Existing,
    /// A new data row, before the total.
    Insert,
    /// A new data row at the end.
    Append,
}

/// Whether a pasted line (its first cell at column `col`) is a total's
/// line: pasted from the first column, its label "Tổng cộng", "Cộng" …
/// (`rules::is_total_label`).
fn reads_as_total(col: usize, line: &[String]) -> bool {
    col == 0
        && line
            .first()
            .is_some_and(|label| crate::rules::is_total_label(label))
}

impl Table {
    /// Brings a table from anywhere (a file, an old draft, a hand-edited
    /// JSON) to one that keeps the invariants: header rows and body rows
    /// cut or filled to the columns' number, merges outside the header or
    /// overlapping an earlier one dropped (and those past `MAX_MERGES`),
    /// indents at most 3. Tells whether
    /// anything changed.
    pub fn repair(&mut self) -> bool {
        let width = self.width();
        let mut changed = false;
        for line in &mut self.header {
            if line.len() != width {
                line.resize(width, String::new());
                changed = true;
            }
        }
        for row in &mut self.rows {
            if row.cells.len() != width {
                row.cells.resize(width, Cell::default());
                changed = true;
            }
            if row.indent > MAX_INDENT {
                row.indent = MAX_INDENT;
                changed = true;
            }
        }
        let height = self.header.len();
        let mut kept: Vec<Merge> = Vec::with_capacity(self.merges.len());
        for merge in &self.merges {
            if kept.len() == MAX_MERGES {
                break;
            }
            if inside(merge, height, width) && !kept.iter().any(|other| overlap(other, merge)) {
                kept.push(*merge);
            }
        }
        if kept.len() != self.merges.len() {
            self.merges = kept;
            changed = true;
        }
        changed
    }

    /// What breaks the invariants, if anything (for tests and checks).
    pub fn invariant_problem(&self) -> Option<String> {
        let width = self.width();
        if let Some(r) = self.header.iter().position(|line| line.len() != width) {
            return Some(format!("header row {r} is not {width} wide"));
        }
        if let Some(r) = self.rows.iter().position(|row| row.cells.len() != width) {
            return Some(format!("body row {r} is not {width} wide"));
        }
        if let Some(r) = self.rows.iter().position(|row| row.indent > MAX_INDENT) {
            return Some(format!("body row {r} is indented past {MAX_INDENT}"));
        }
        if self.merges.len() > MAX_MERGES {
            return Some(format!("more than {MAX_MERGES} merges"));
        }
        for (at, merge) in self.merges.iter().enumerate() {
            if !inside(merge, self.header.len(), width) {
                return Some(format!("merge {merge:?} is not inside the header"));
            }
            if self.merges[..at].iter().any(|other| overlap(other, merge)) {
                return Some(format!("merge {merge:?} overlaps another"));
            }
        }
        None
    }
}
