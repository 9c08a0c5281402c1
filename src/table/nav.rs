//! Moving about a table from the keyboard and the choices of its editor,
//! as plain rules the interface only calls: which place Tab, Enter and
//! the arrows lead to (and when they add a row, as Word does), what a
//! column-kind choice becomes, and where a table pasted into a paragraph
//! goes.

use crate::edit::locate::{index, Container, Location};
use crate::keymap::KeyPress;
use crate::model::{Document, NodeId};

use super::{ColumnKind, Formula, Merge, Table};

/// A place of the table editor that holds a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// A header cell, by the row and column of its top-left place.
    Header { row: usize, col: usize },
    /// A body cell.
    Cell { row: NodeId, column: NodeId },
}

/// A move asked for from the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Tab.
    Next,
    /// Shift+Tab.
    Previous,
    Up,
    Down,
    /// ← at the start of the text.
    Left,
    /// → at the end of the text.
    Right,
    /// Enter.
    Enter,
}

/// What a step leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Focus this place.
    Focus(Place),
    /// Add a data row at body index `index`, then focus its cell of
    /// `column` (Tab on the last cell, Enter on the last row).
    AddRow { index: usize, column: NodeId },
    /// Nowhere to go: the key does what the field does.
    Stay,
}

/// The step `press` asks for in a table field whose caret is at the start
/// (`at_start`) or end (`at_end`) of its text. Keys with Ctrl or Alt are
/// left to the rest of the editor (undo, moving blocks).
pub fn step_for(press: &KeyPress, at_start: bool, at_end: bool) -> Option<Step> {
    if press.ctrl || press.meta || press.alt {
        return None;
    }
    match press.key.as_str() {
        "Tab" => Some(if press.shift {
            Step::Previous
        } else {
            Step::Next
        }),
        _ if press.shift => None,
        "ArrowUp" => Some(Step::Up),
        "ArrowDown" => Some(Step::Down),
        "ArrowLeft" if at_start => Some(Step::Left),
        "ArrowRight" if at_end => Some(Step::Right),
        "Enter" => Some(Step::Enter),
        _ => None,
    }
}

/// The header cells that start a place, in reading order, with the column
/// each covers last.
fn header_starts(table: &Table) -> Vec<(usize, usize, usize)> {
    let width = table.width();
    let mut out = Vec::new();
    for row in 0..table.header.len() {
        for col in 0..width {
            match table.merge_at(row, col) {
                Some(merge) if merge.row == row && merge.col == col => {
                    out.push((row, col, (col + merge.cols).min(width) - 1))
                }
                Some(_) => {}
                None => out.push((row, col, col)),
            }
        }
    }
    out
}

/// The header place whose cell covers (`row`, `col`).
fn header_cover(table: &Table, row: usize, col: usize) -> Place {
    match table.merge_at(row, col) {
        Some(merge) => Place::Header {
            row: merge.row,
            col: merge.col,
        },
        None => Place::Header { row, col },
    }
}

/// Every place in Tab order: header cells, then body cells row by row.
fn reading_order(table: &Table) -> Vec<Place> {
    let mut out: Vec<Place> = header_starts(table)
        .into_iter()
        .map(|(row, col, _)| Place::Header { row, col })
        .collect();
    for row in &table.rows {
        for column in &table.columns {
            out.push(Place::Cell {
                row: row.id,
                column: column.id,
            });
        }
    }
    out
}

/// Whether a figure is typed at `place`: a header cell, or a body cell
/// that is not computed (or was typed over). Tab, Shift+Tab and Enter
/// pass computed places by, so that a figure typed after Tab never meets
/// the "computed, type over it?" question; the arrows still reach them.
fn typed_at(table: &Table, place: Place) -> bool {
    match place {
        Place::Header { .. } => true,
        Place::Cell { row, column } => match (table.row_index(row), table.column_index(column)) {
            (Some(r), Some(c)) => !table.is_computed_place(r, c) || table.rows[r].cells[c].typed,
            _ => false,
        },
    }
}

/// Where a data row added from the keyboard goes: before the total rows
/// that end the table, or at its end.
fn data_end(table: &Table) -> usize {
    table
        .rows
        .iter()
        .rposition(|row| row.kind != super::RowKind::Total)
        .map_or(0, |last| last + 1)
}

/// Where `step` from `from` leads in `table`.
pub fn navigate(table: &Table, from: Place, step: Step) -> Outcome {
    let order = reading_order(table);
    let Some(at) = order.iter().position(|place| *place == from) else {
        return Outcome::Stay;
    };
    let last_row = table.rows.len().saturating_sub(1);
    match (from, step) {
        (_, Step::Next) => match order[at + 1..]
            .iter()
            .find(|place| typed_at(table, **place))
        {
            Some(place) => Outcome::Focus(*place),
            None => match (from, table.columns.first()) {
                (Place::Cell { .. }, Some(first)) => Outcome::AddRow {
                    index: data_end(table),
                    // The new row's first place that takes a figure.
                    column: table
                        .columns
                        .iter()
                        .find(|c| !matches!(c.kind, ColumnKind::Computed { .. }))
                        .unwrap_or(first)
                        .id,
                },
                _ => Outcome::Stay,
            },
        },
        (_, Step::Previous) => match order[..at]
            .iter()
            .rev()
            .find(|place| typed_at(table, **place))
        {
            Some(place) => Outcome::Focus(*place),
            None => Outcome::Stay,
        },
        (Place::Header { row, col }, Step::Left) => match col.checked_sub(1) {
            Some(left) => Outcome::Focus(header_cover(table, row, left)),
            None => Outcome::Stay,
        },
        (Place::Header { row, col }, Step::Right) => {
            let end = header_starts(table)
                .into_iter()
                .find(|(r, c, _)| (*r, *c) == (row, col))
                .map_or(col, |(_, _, end)| end);
            if end + 1 < table.width() {
                Outcome::Focus(header_cover(table, row, end + 1))
            } else {
                Outcome::Stay
            }
        }
        (Place::Header { row, col }, Step::Up) => match row.checked_sub(1) {
            Some(up) => Outcome::Focus(header_cover(table, up, col)),
            None => Outcome::Stay,
        },
        (Place::Header { row, col }, Step::Down | Step::Enter) => {
            let below = table
                .merge_at(row, col)
                .map_or(row + 1, |merge| merge.row + merge.rows);
            if below < table.header.len() {
                Outcome::Focus(header_cover(table, below, col))
            } else {
                match (table.rows.first(), table.columns.get(col)) {
                    (Some(first), Some(column)) => Outcome::Focus(Place::Cell {
                        row: first.id,
                        column: column.id,
                    }),
                    _ => Outcome::Stay,
                }
            }
        }
        (Place::Cell { row, column }, step) => {
            let (Some(r), Some(c)) = (table.row_index(row), table.column_index(column)) else {
                return Outcome::Stay;
            };
            let cell = |r: usize, c: usize| {
                Outcome::Focus(Place::Cell {
                    row: table.rows[r].id,
                    column: table.columns[c].id,
                })
            };
            match step {
                Step::Left if c > 0 => cell(r, c - 1),
                Step::Right if c + 1 < table.width() => cell(r, c + 1),
                Step::Up if r > 0 => cell(r - 1, c),
                Step::Up if !table.header.is_empty() => {
                    Outcome::Focus(header_cover(table, table.header.len() - 1, c))
                }
                // Enter goes down to the next place that takes a figure;
                // past the last data row it adds a row, before the totals
                // that end the table (as Word adds one at a table's end).
                Step::Enter if typed_at(table, from) => {
                    let end = data_end(table);
                    let below = if r < end {
                        (r + 1..end).find(|below| {
                            typed_at(
                                table,
                                Place::Cell {
                                    row: table.rows[*below].id,
                                    column,
                                },
                            )
                        })
                    } else {
                        (r < last_row).then_some(r + 1)
                    };
                    match below {
                        Some(below) => cell(below, c),
                        None => Outcome::AddRow { index: end, column },
                    }
                }
                Step::Down | Step::Enter if r < last_row => cell(r + 1, c),
                Step::Enter => Outcome::AddRow {
                    index: table.rows.len(),
                    column,
                },
                _ => Outcome::Stay,
            }
        }
    }
}

/// The header rectangle of the cell at (`row`, `col`): its merge, or the
/// one place.
fn header_rect(table: &Table, row: usize, col: usize) -> Merge {
    table.merge_at(row, col).copied().unwrap_or(Merge {
        row,
        col,
        rows: 1,
        cols: 1,
    })
}

/// The merge that joins the header cell at (`row`, `col`) with the one to
/// its right (`down` false) or below it: the rectangle covering both.
/// `None` at the header's edge.
pub fn merge_with(table: &Table, row: usize, col: usize, down: bool) -> Option<Merge> {
    if row >= table.header.len() || col >= table.width() {
        return None;
    }
    let own = header_rect(table, row, col);
    let (next_row, next_col) = if down {
        (own.row + own.rows, col)
    } else {
        (row, own.col + own.cols)
    };
    if next_row >= table.header.len() || next_col >= table.width() {
        return None;
    }
    let other = header_rect(table, next_row, next_col);
    let top = own.row.min(other.row);
    let left = own.col.min(other.col);
    let bottom = (own.row + own.rows).max(other.row + other.rows);
    let right = (own.col + own.cols).max(other.col + other.cols);
    Some(Merge {
        row: top,
        col: left,
        rows: bottom - top,
        cols: right - left,
    })
}

/// What a column holds, as the editor's picker offers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnChoice {
    Text,
    Number,
    /// The sum of other columns.
    Sum,
    /// One column as a percentage of another.
    Percent,
    /// One column less another.
    Difference,
    /// This period against the same period last year ("cùng kỳ"), in %.
    Ratio,
    /// Each row's share of the total row, in %.
    Share,
}

impl ColumnChoice {
    pub const ALL: [ColumnChoice; 7] = [
        ColumnChoice::Text,
        ColumnChoice::Number,
        ColumnChoice::Sum,
        ColumnChoice::Percent,
        ColumnChoice::Difference,
        ColumnChoice::Ratio,
        ColumnChoice::Share,
    ];

    /// The choice's name in the picker's values and in tests.
    pub fn name(self) -> &'static str {
        match self {
            ColumnChoice::Text => "text",
            ColumnChoice::Number => "number",
            ColumnChoice::Sum => "sum",
            ColumnChoice::Percent => "percent",
            ColumnChoice::Difference => "difference",
            ColumnChoice::Ratio => "ratio",
            ColumnChoice::Share => "share",
        }
    }

    pub fn from_name(name: &str) -> Option<ColumnChoice> {
        ColumnChoice::ALL
            .into_iter()
            .find(|choice| choice.name() == name)
    }

    /// The choice a column's kind shows as.
    pub fn of(kind: &ColumnKind) -> ColumnChoice {
        match kind {
            ColumnKind::Text => ColumnChoice::Text,
            ColumnKind::Number { .. } => ColumnChoice::Number,
            ColumnKind::Computed { formula, .. } => match formula {
                Formula::Sum { .. } => ColumnChoice::Sum,
                Formula::Percent { .. } => ColumnChoice::Percent,
                Formula::Difference { .. } => ColumnChoice::Difference,
                Formula::Ratio { .. } => ColumnChoice::Ratio,
                Formula::Share { .. } => ColumnChoice::Share,
            },
        }
    }

    /// Whether the formula reads two columns (picked one by one).
    pub fn has_two_operands(self) -> bool {
        matches!(
            self,
            ColumnChoice::Percent | ColumnChoice::Difference | ColumnChoice::Ratio
        )
    }
}

/// The decimals a column shows.
pub fn decimals(kind: &ColumnKind) -> u8 {
    match kind {
        ColumnKind::Text => 0,
        ColumnKind::Number { decimals } | ColumnKind::Computed { decimals, .. } => *decimals,
    }
}

/// The columns that may feed a formula of column `col`: the others that
/// hold numbers.
pub fn operand_columns(table: &Table, col: usize) -> Vec<NodeId> {
    table
        .columns
        .iter()
        .enumerate()
        .filter(|(c, column)| *c != col && !matches!(column.kind, ColumnKind::Text))
        .map(|(_, column)| column.id)
        .collect()
}

/// The kind column `col` gets when `choice` is picked for it, with the
/// usual columns as operands: for a sum the number columns before it;
/// for a ratio or a difference the two before it ("4=2:3"); for a
/// percentage the one before it of the first number column. A choice it
/// already has keeps its operands and takes `decimals`.
pub fn kind_for(table: &Table, col: usize, choice: ColumnChoice, decimals: u8) -> ColumnKind {
    let decimals = decimals.min(6);
    if let Some(column) = table.columns.get(col) {
        if ColumnChoice::of(&column.kind) == choice {
            if let ColumnKind::Computed { formula, .. } = &column.kind {
                return ColumnKind::Computed {
                    formula: formula.clone(),
                    decimals,
                };
            }
        }
    }
    let numbers_before: Vec<NodeId> = table.columns[..col.min(table.width())]
        .iter()
        .filter(|column| !matches!(column.kind, ColumnKind::Text))
        .map(|column| column.id)
        .collect();
    let others = operand_columns(table, col);
    let pool = if numbers_before.is_empty() {
        others
    } else {
        numbers_before
    };
    let last = pool.last().copied().unwrap_or(0);
    let before_last = pool.len().checked_sub(2).map_or(last, |index| pool[index]);
    let first = pool.first().copied().unwrap_or(0);
    let formula = match choice {
        ColumnChoice::Text => return ColumnKind::Text,
        ColumnChoice::Number => return ColumnKind::Number { decimals },
        ColumnChoice::Sum => Formula::Sum { columns: pool },
        ColumnChoice::Percent => Formula::Percent {
            part: last,
            whole: first,
        },
        ColumnChoice::Difference => Formula::Difference {
            a: before_last,
            b: last,
        },
        ColumnChoice::Ratio => Formula::Ratio {
            a: before_last,
            b: last,
        },
        ColumnChoice::Share => Formula::Share { part: last },
    };
    // A ratio or percentage reads best with one decimal.
    let decimals = if decimals == 0
        && matches!(
            choice,
            ColumnChoice::Percent | ColumnChoice::Ratio | ColumnChoice::Share
        ) {
        1
    } else {
        decimals
    };
    ColumnKind::Computed { formula, decimals }
}

/// The two operands of a two-column formula (`None` for the others).
pub fn operands(kind: &ColumnKind) -> Option<(NodeId, NodeId)> {
    match kind {
        ColumnKind::Computed {
            formula:
                Formula::Percent { part: a, whole: b }
                | Formula::Difference { a, b }
                | Formula::Ratio { a, b },
            ..
        } => Some((*a, *b)),
        _ => None,
    }
}

/// `kind` with its first (`second` false) or second operand set to
/// `column`; a sum gains or loses `column`. Other kinds are unchanged.
pub fn with_operand(kind: &ColumnKind, second: bool, column: NodeId) -> ColumnKind {
    let ColumnKind::Computed { formula, decimals } = kind else {
        return kind.clone();
    };
    let formula = match formula.clone() {
        Formula::Sum { mut columns } => {
            if let Some(at) = columns.iter().position(|id| *id == column) {
                columns.remove(at);
            } else {
                columns.push(column);
            }
            Formula::Sum { columns }
        }
        Formula::Percent { part, whole } => {
            let (part, whole) = if second {
                (part, column)
            } else {
                (column, whole)
            };
            Formula::Percent { part, whole }
        }
        Formula::Difference { a, b } => {
            let (a, b) = if second { (a, column) } else { (column, b) };
            Formula::Difference { a, b }
        }
        Formula::Ratio { a, b } => {
            let (a, b) = if second { (a, column) } else { (column, b) };
            Formula::Ratio { a, b }
        }
        Formula::Share { .. } => Formula::Share { part: column },
    };
    ColumnKind::Computed {
        formula,
        decimals: *decimals,
    }
}

/// Where a table pasted into the field of `node` (a paragraph, a bullet,
/// a figure caption) goes: right after that block, or after the list a
/// bullet belongs to.
pub fn slot_after(document: &Document, node: NodeId) -> Option<(Container, usize)> {
    let locations = index(document);
    let block = match locations.get(&node)? {
        Location::ListItem { list, .. } => *list,
        Location::Block { .. } => node,
        Location::Section { .. } => {
            return Some((Container::Section(node), 0));
        }
    };
    match locations.get(&block)? {
        Location::Block { container, index } => Some((*container, index + 1)),
        _ => None,
    }
}

/// True when `grid` (pasted rows of cells) is a table rather than a line
/// of text: more than one row and more than one column.
pub fn is_table_grid(grid: &[Vec<String>]) -> bool {
    grid.len() > 1 && grid.iter().any(|line| line.len() > 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::presets::blank;

    fn table() -> Table {
        let mut table = blank(2, 3);
        let mut next = 10;
        table.assign_ids(&mut || {
            next += 1;
            next
        });
        table
    }

    fn press(key: &str, shift: bool) -> KeyPress {
        KeyPress {
            key: key.to_owned(),
            shift,
            ..KeyPress::default()
        }
    }

    fn cell(table: &Table, r: usize, c: usize) -> Place {
        Place::Cell {
            row: table.rows[r].id,
            column: table.columns[c].id,
        }
    }

    #[test]
    fn keys_mean_steps_only_without_ctrl_and_at_the_edges_of_the_text() {
        assert_eq!(
            step_for(&press("Tab", false), false, false),
            Some(Step::Next)
        );
        assert_eq!(
            step_for(&press("Tab", true), false, false),
            Some(Step::Previous)
        );
        assert_eq!(step_for(&press("ArrowLeft", false), false, true), None);
        assert_eq!(
            step_for(&press("ArrowLeft", false), true, false),
            Some(Step::Left)
        );
        assert_eq!(
            step_for(&press("ArrowRight", false), false, true),
            Some(Step::Right)
        );
        assert_eq!(step_for(&press("Enter", true), true, true), None);
        let mut undo = press("z", false);
        undo.ctrl = true;
        assert_eq!(step_for(&undo, true, true), None);
    }

    /// In the pupils' table Tab went from "SL" to its "%" (computed), and
    /// the next figure typed asked to replace the formula; Enter on the
    /// last data row went into "Tổng cộng".
    #[test]
    fn regression_tab_and_enter_led_into_computed_cells() {
        let mut table = crate::table::presets::pupil_results();
        let mut next = 100;
        table.assign_ids(&mut || {
            next += 1;
            next
        });
        // Columns: Khối, Sĩ số, then SL and % for each level.
        let tab = |from| navigate(&table, from, Step::Next);
        assert_eq!(tab(cell(&table, 0, 2)), Outcome::Focus(cell(&table, 0, 4)));
        assert_eq!(
            navigate(&table, cell(&table, 0, 4), Step::Previous),
            Outcome::Focus(cell(&table, 0, 2))
        );
        // From the last data row's last figure, Tab passes the total row
        // (its figures computed, its label typed) only to its label...
        let last_figure = table.width() - 2;
        assert_eq!(
            tab(cell(&table, 2, last_figure)),
            Outcome::Focus(cell(&table, 3, 0))
        );
        // ... and from the total's label, with nothing typed after it,
        // adds a data row before the total.
        assert_eq!(
            tab(cell(&table, 3, 0)),
            Outcome::AddRow {
                index: 3,
                column: table.columns[0].id
            }
        );
        // Enter on the last data row adds a row before the total.
        assert_eq!(
            navigate(&table, cell(&table, 2, 2), Step::Enter),
            Outcome::AddRow {
                index: 3,
                column: table.columns[2].id
            }
        );
        assert_eq!(
            navigate(&table, cell(&table, 1, 2), Step::Enter),
            Outcome::Focus(cell(&table, 2, 2))
        );
        // The arrows still reach a computed place.
        assert_eq!(
            navigate(&table, cell(&table, 0, 2), Step::Right),
            Outcome::Focus(cell(&table, 0, 3))
        );
        // A computed place typed over takes Tab like any other.
        table.rows[0].cells[3].typed = true;
        assert_eq!(
            navigate(&table, cell(&table, 0, 2), Step::Next),
            Outcome::Focus(cell(&table, 0, 3))
        );
    }

    #[test]
    fn tab_goes_through_header_then_body_and_adds_a_row_at_the_end() {
        let table = table();
        let first_head = Place::Header { row: 0, col: 0 };
        assert_eq!(
            navigate(&table, first_head, Step::Next),
            Outcome::Focus(Place::Header { row: 0, col: 1 })
        );
        assert_eq!(
            navigate(&table, Place::Header { row: 0, col: 2 }, Step::Next),
            Outcome::Focus(cell(&table, 0, 0))
        );
        assert_eq!(
            navigate(&table, cell(&table, 0, 2), Step::Next),
            Outcome::Focus(cell(&table, 1, 0))
        );
        assert_eq!(
            navigate(&table, cell(&table, 1, 2), Step::Next),
            Outcome::AddRow {
                index: 2,
                column: table.columns[0].id
            }
        );
        assert_eq!(
            navigate(&table, cell(&table, 1, 0), Step::Previous),
            Outcome::Focus(cell(&table, 0, 2))
        );
        assert_eq!(navigate(&table, first_head, Step::Previous), Outcome::Stay);
    }

    #[test]
    fn enter_moves_down_and_adds_a_row_on_the_last() {
        let table = table();
        assert_eq!(
            navigate(&table, cell(&table, 0, 1), Step::Enter),
            Outcome::Focus(cell(&table, 1, 1))
        );
        assert_eq!(
            navigate(&table, cell(&table, 1, 1), Step::Enter),
            Outcome::AddRow {
                index: 2,
                column: table.columns[1].id
            }
        );
        // Down on the last row stays.
        assert_eq!(
            navigate(&table, cell(&table, 1, 1), Step::Down),
            Outcome::Stay
        );
    }

    #[test]
    fn arrows_cross_merged_header_cells() {
        let mut table = table();
        table.header.push(vec![String::new(); 3]);
        table.merges.push(Merge {
            row: 0,
            col: 1,
            rows: 1,
            cols: 2,
        });
        table.merges.push(Merge {
            row: 0,
            col: 0,
            rows: 2,
            cols: 1,
        });
        // Up from the body's first row lands on the header cell above.
        assert_eq!(
            navigate(&table, cell(&table, 0, 2), Step::Up),
            Outcome::Focus(Place::Header { row: 1, col: 2 })
        );
        assert_eq!(
            navigate(&table, Place::Header { row: 1, col: 2 }, Step::Up),
            Outcome::Focus(Place::Header { row: 0, col: 1 })
        );
        assert_eq!(
            navigate(&table, Place::Header { row: 0, col: 1 }, Step::Left),
            Outcome::Focus(Place::Header { row: 0, col: 0 })
        );
        assert_eq!(
            navigate(&table, Place::Header { row: 1, col: 1 }, Step::Left),
            Outcome::Focus(Place::Header { row: 0, col: 0 })
        );
        assert_eq!(
            navigate(&table, Place::Header { row: 0, col: 0 }, Step::Down),
            Outcome::Focus(cell(&table, 0, 0))
        );
        assert_eq!(
            navigate(&table, Place::Header { row: 0, col: 0 }, Step::Right),
            Outcome::Focus(Place::Header { row: 0, col: 1 })
        );
        assert_eq!(
            navigate(&table, Place::Header { row: 0, col: 1 }, Step::Right),
            Outcome::Stay
        );
    }

    #[test]
    fn merging_joins_the_neighbour_rectangles() {
        let mut table = table();
        table.header.push(vec![String::new(); 3]);
        assert_eq!(
            merge_with(&table, 0, 0, false),
            Some(Merge {
                row: 0,
                col: 0,
                rows: 1,
                cols: 2
            })
        );
        table.merges.push(Merge {
            row: 0,
            col: 0,
            rows: 1,
            cols: 2,
        });
        assert_eq!(
            merge_with(&table, 0, 0, false),
            Some(Merge {
                row: 0,
                col: 0,
                rows: 1,
                cols: 3
            })
        );
        assert_eq!(
            merge_with(&table, 0, 0, true),
            Some(Merge {
                row: 0,
                col: 0,
                rows: 2,
                cols: 2
            })
        );
        assert_eq!(merge_with(&table, 1, 0, true), None);
        assert_eq!(merge_with(&table, 0, 2, false), None);
    }

    #[test]
    fn column_choices_pick_the_usual_operands() {
        let mut table = blank(1, 4);
        table.assign_ids(&mut {
            let mut next = 0;
            move || {
                next += 1;
                next
            }
        });
        let ids: Vec<NodeId> = table.columns.iter().map(|c| c.id).collect();
        assert_eq!(
            kind_for(&table, 3, ColumnChoice::Ratio, 0),
            ColumnKind::Computed {
                formula: Formula::Ratio {
                    a: ids[1],
                    b: ids[2]
                },
                decimals: 1
            }
        );
        assert_eq!(
            kind_for(&table, 3, ColumnChoice::Sum, 0),
            ColumnKind::Computed {
                formula: Formula::Sum {
                    columns: vec![ids[1], ids[2]]
                },
                decimals: 0
            }
        );
        let percent = kind_for(&table, 3, ColumnChoice::Percent, 2);
        assert_eq!(operands(&percent), Some((ids[2], ids[1])));
        let changed = with_operand(&percent, true, ids[2]);
        assert_eq!(operands(&changed), Some((ids[2], ids[2])));
        assert_eq!(
            kind_for(&table, 0, ColumnChoice::Number, 1),
            ColumnKind::Number { decimals: 1 }
        );
        for choice in ColumnChoice::ALL {
            assert_eq!(ColumnChoice::from_name(choice.name()), Some(choice));
        }
    }

    #[test]
    fn a_sum_gains_and_loses_columns() {
        let kind = ColumnKind::Computed {
            formula: Formula::Sum { columns: vec![2] },
            decimals: 0,
        };
        let more = with_operand(&kind, false, 3);
        assert_eq!(
            more,
            ColumnKind::Computed {
                formula: Formula::Sum {
                    columns: vec![2, 3]
                },
                decimals: 0
            }
        );
        assert_eq!(
            with_operand(&more, false, 2),
            ColumnKind::Computed {
                formula: Formula::Sum { columns: vec![3] },
                decimals: 0
            }
        );
    }

    #[test]
    fn a_table_pasted_in_a_bullet_goes_after_its_list() {
        use crate::model::Block;
        let sample = crate::template::seed_sample();
        let section = sample.sections[0].children[2].clone();
        let (list_index, list) = section
            .blocks
            .iter()
            .enumerate()
            .find_map(|(i, block)| match block {
                Block::List(list) => Some((i, list.clone())),
                _ => None,
            })
            .expect("the sample's I.3 has a list");
        assert_eq!(
            slot_after(&sample, list.items[0].id),
            Some((Container::Section(section.id), list_index + 1))
        );
        assert!(is_table_grid(&[
            vec!["a".into(), "b".into()],
            vec!["1".into(), "2".into()]
        ]));
        assert!(!is_table_grid(&[vec!["a".into(), "b".into()]]));
        assert!(!is_table_grid(&[vec!["a".into()], vec!["b".into()]]));
    }
}
