//! Statistics tables: the stored table (columns with their kinds and
//! formulas, a header grid with merged cells, body rows), numbers written
//! and read in Vietnamese style ("1.234,5"), and the computed view every
//! output lays out (`view`): header cells with their spans, the column
//! number row, each body cell's text with whether it was computed.
//!
//! Computed cells are never stored: a computed column or a total row is
//! worked out from the typed cells each time the table is shown, so it is
//! right after every change. A cell the user typed over a computed place
//! keeps its text (`Cell::typed`); the format check compares it with what
//! the rows give.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::model::NodeId;

pub mod clipboard;
mod incoming;
pub mod nav;
mod ops;
pub mod presets;

pub use incoming::{make_tables_sane, tables_in, tables_of, Trouble, MAX_CELL_CHARS};
pub use ops::{MAX_INDENT, MAX_MERGES};

// The tests of table changes use proptest, a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod incoming_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod ops_tests;

/// A statistics table.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Table {
    pub id: NodeId,
    /// The caption above the table ("Bảng 1. Kết quả xếp loại …"); may be
    /// empty.
    pub caption: String,
    /// The unit written above the table's right edge, without "Đvt:"
    /// ("Người", "%"); may be empty.
    pub unit: String,
    pub columns: Vec<Column>,
    /// The header rows, each with one text per column. A merged cell's
    /// text is the text of its top-left place; the places it covers keep
    /// theirs (empty as a rule) so that splitting it again loses nothing.
    pub header: Vec<Vec<String>>,
    /// Merged header cells.
    pub merges: Vec<Merge>,
    /// Whether the column number row ("1 2 3 4=2:3") follows the header.
    pub number_row: bool,
    pub rows: Vec<Row>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A column: its id (which formulas name, so that moving columns keeps
/// them right), what it holds, and its width.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Column {
    pub id: NodeId,
    pub kind: ColumnKind,
    /// The column's share of the table's width, in any unit (the outputs
    /// divide by the sum); 0 lets the output choose.
    pub width: u16,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// What a column holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ColumnKind {
    /// Words: the first column's "Chỉ tiêu", a unit's name.
    #[default]
    Text,
    /// Typed numbers, shown with `decimals` places when computed from them.
    Number { decimals: u8 },
    /// Worked out in every row from the row's other cells.
    Computed { formula: Formula, decimals: u8 },
}

/// How a computed column is worked out from columns of the same row.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Formula {
    /// The sum of these columns.
    Sum { columns: Vec<NodeId> },
    /// `part ÷ whole × 100`: a percentage.
    Percent { part: NodeId, whole: NodeId },
    /// `a − b`: the change against "cùng kỳ".
    Difference { a: NodeId, b: NodeId },
    /// `a ÷ b × 100`: "kỳ này so với cùng kỳ (%)", the "4=2:3" column.
    Ratio { a: NodeId, b: NodeId },
    /// The row's share of the table's total in column `part`, in percent:
    /// `part ÷ part of the first total row × 100` ("Tỉ lệ (%)" beside a
    /// count by level). Empty when the table has no total row.
    Share { part: NodeId },
}

/// A merged header cell: the rectangle from (`row`, `col`) spanning
/// `rows` × `cols` places.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Merge {
    pub row: usize,
    pub col: usize,
    pub rows: usize,
    pub cols: usize,
}

/// A body row.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Row {
    pub id: NodeId,
    pub kind: RowKind,
    /// One cell per column.
    pub cells: Vec<Cell>,
    /// How far the first cell's text is indented ("Chia ra: - …"), 0 to 3.
    #[serde(skip_serializing_if = "is_zero")]
    pub indent: u8,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

fn is_zero(value: &u8) -> bool {
    *value == 0
}

/// What a body row is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// Typed figures.
    #[default]
    Data,
    /// A group's own row: its numbers are the sums of the data rows that
    /// follow it, up to the next group or total row.
    Group,
    /// The table's total: the sums of all its data rows.
    Total,
    /// A line of words across the table ("Chia ra:"), without figures.
    Label,
}

/// One body cell as stored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Cell {
    /// The text as typed; empty in a computed place unless `typed`.
    pub text: String,
    /// True when the user typed this cell in a place that is otherwise
    /// computed (a total, a percentage): its text is shown, not the
    /// computed value.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub typed: bool,
}

/// A place in a table that text is typed into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TableSlot {
    Caption,
    Unit,
    /// A header place, by row and column index.
    Header {
        row: usize,
        col: usize,
    },
    /// A body cell, by row and column id.
    Cell {
        row: NodeId,
        column: NodeId,
    },
}

/// A change of a table's shape, kinds or several cells at once. Typing is
/// `Edit::SetTableText`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableOp {
    InsertRow {
        index: usize,
        kind: RowKind,
    },
    DeleteRow {
        row: NodeId,
    },
    MoveRow {
        row: NodeId,
        up: bool,
    },
    SetRowKind {
        row: NodeId,
        kind: RowKind,
    },
    SetRowIndent {
        row: NodeId,
        indent: u8,
    },
    InsertColumn {
        index: usize,
        kind: ColumnKind,
    },
    DeleteColumn {
        column: NodeId,
    },
    MoveColumn {
        column: NodeId,
        left: bool,
    },
    SetColumnKind {
        column: NodeId,
        kind: ColumnKind,
    },
    SetColumnWidth {
        column: NodeId,
        width: u16,
    },
    InsertHeaderRow {
        index: usize,
    },
    DeleteHeaderRow {
        index: usize,
    },
    /// Merges the header places of the rectangle into one cell.
    Merge(Merge),
    /// Splits the merged header cell that covers (`row`, `col`).
    Split {
        row: usize,
        col: usize,
    },
    SetNumberRow(bool),
    /// Makes a computed place hold what is typed (`typed`), or gives it
    /// back to its formula (its typed text is cleared).
    SetTyped {
        row: NodeId,
        column: NodeId,
        typed: bool,
    },
    /// Puts a block of cells (rows of texts, as pasted from a spreadsheet)
    /// at body place (`row`, `col`), adding rows and columns as needed.
    /// Computed places are left to their formulas.
    Paste {
        row: usize,
        col: usize,
        cells: Vec<Vec<String>>,
    },
}

/// Why a table edit could not be made. The table is unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableError {
    /// No row, column or header place with this id or index.
    NotFound,
    /// Already first or last.
    AtEdge,
    /// The place is computed: typing there must first make it a typed one
    /// (`TableOp::SetTyped`).
    Computed,
    /// A merge that overlaps another or goes past the header's edge.
    BadMerge,
    /// The table would grow past `MAX_COLUMNS` or `MAX_CELLS`.
    TooBig,
    /// A table keeps at least one column and one row.
    LastOne,
    /// A column move that would cut through a merged header cell (one
    /// that covers one of the two columns and not the other).
    MoveThroughMerge,
}

/// The most columns a table may have: more than a landscape page can show.
pub const MAX_COLUMNS: usize = 40;
/// The most body and header places a table may have.
pub const MAX_CELLS: usize = 20_000;

/// Applies `op` to `table`; new rows and columns get ids from `fresh`.
/// On an error the table is unchanged. A table that came in ragged (rows
/// of the wrong width, merges past the edge) is repaired as part of any
/// change (`Table::repair`); see `ops` for what deleting a column does to
/// the formulas that read it.
pub fn apply_op(
    table: &mut Table,
    op: &TableOp,
    fresh: &mut dyn FnMut() -> NodeId,
) -> Result<(), TableError> {
    ops::apply(table, op, fresh)
}

/// Puts `text` (already cleaned) into `slot`; tells whether it changed.
pub fn set_text(table: &mut Table, slot: TableSlot, text: String) -> Result<bool, TableError> {
    let place = match slot {
        TableSlot::Caption => &mut table.caption,
        TableSlot::Unit => &mut table.unit,
        TableSlot::Header { row, col } => {
            if col >= table.columns.len() {
                return Err(TableError::NotFound);
            }
            let line = table.header.get_mut(row).ok_or(TableError::NotFound)?;
            if line.len() < col + 1 {
                line.resize(col + 1, String::new());
            }
            &mut line[col]
        }
        TableSlot::Cell { row, column } => {
            let r = table.row_index(row).ok_or(TableError::NotFound)?;
            let c = table.column_index(column).ok_or(TableError::NotFound)?;
            if table.is_computed_place(r, c)
                && !table.rows[r].cells.get(c).is_some_and(|cell| cell.typed)
            {
                return Err(TableError::Computed);
            }
            let cells = &mut table.rows[r].cells;
            if cells.len() < c + 1 {
                cells.resize(c + 1, Cell::default());
            }
            &mut cells[c].text
        }
    };
    if *place == text {
        return Ok(false);
    }
    *place = text;
    Ok(true)
}

/// The table as it is shown: what every output lays out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct TableView {
    pub id: NodeId,
    pub caption: String,
    /// The unit line ("Đvt: Người"), empty when there is no unit.
    pub unit_line: String,
    pub columns: Vec<ColumnView>,
    /// The header rows: only the cells that start at a place (a merged
    /// cell once, at its top-left), each with its spans.
    pub header: Vec<Vec<HeaderCellView>>,
    /// The column number row ("1", "2", "3", "4=2:3"), when shown.
    pub number_row: Option<Vec<String>>,
    pub rows: Vec<RowView>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ColumnView {
    pub id: NodeId,
    /// Numbers, aligned right.
    pub numeric: bool,
    pub computed: bool,
    /// Share of the width in thousandths; the columns sum to 1000.
    pub width_permille: u16,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct HeaderCellView {
    /// The header row this cell starts in.
    pub row: usize,
    pub col: usize,
    pub row_span: usize,
    pub col_span: usize,
    pub text: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct RowView {
    pub id: NodeId,
    pub kind: RowKind,
    pub indent: u8,
    pub cells: Vec<CellView>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct CellView {
    pub text: String,
    /// Numbers, aligned right.
    pub numeric: bool,
    /// Worked out, not typed: shown distinctly in the editor.
    pub computed: bool,
    /// Typed in a place that would otherwise be computed.
    pub typed_over: bool,
}

impl Table {
    /// How many places wide the table is.
    pub fn width(&self) -> usize {
        self.columns.len()
    }

    /// The index of column `id`.
    pub fn column_index(&self, id: NodeId) -> Option<usize> {
        self.columns.iter().position(|column| column.id == id)
    }

    /// The index of body row `id`.
    pub fn row_index(&self, id: NodeId) -> Option<usize> {
        self.rows.iter().position(|row| row.id == id)
    }

    /// The merge that covers header place (`row`, `col`), if any.
    pub fn merge_at(&self, row: usize, col: usize) -> Option<&Merge> {
        self.merges.iter().find(|merge| {
            row >= merge.row
                && row < merge.row.saturating_add(merge.rows)
                && col >= merge.col
                && col < merge.col.saturating_add(merge.cols)
        })
    }

    /// True when body place (`row`, `col`) is worked out rather than typed
    /// (before any `typed` override): a computed column, or a numeric
    /// column in a group or total row.
    pub fn is_computed_place(&self, row: usize, col: usize) -> bool {
        let (Some(row), Some(column)) = (self.rows.get(row), self.columns.get(col)) else {
            return false;
        };
        match (&column.kind, row.kind) {
            (_, RowKind::Label) => false,
            (ColumnKind::Computed { .. }, _) => true,
            (ColumnKind::Number { .. }, RowKind::Group | RowKind::Total) => true,
            _ => false,
        }
    }

    /// The ids of its rows and columns (not the table's own).
    pub fn node_ids(&self) -> Vec<NodeId> {
        self.columns
            .iter()
            .map(|column| column.id)
            .chain(self.rows.iter().map(|row| row.id))
            .collect()
    }

    /// Gives the table, its columns and rows fresh ids from `take`, and
    /// points the formulas at their columns' new ids.
    pub fn assign_ids(&mut self, take: &mut dyn FnMut() -> NodeId) {
        self.id = take();
        let mut renamed = std::collections::HashMap::new();
        for column in &mut self.columns {
            let id = take();
            renamed.insert(column.id, id);
            column.id = id;
        }
        let rename = |id: &mut NodeId| {
            // A formula naming no column of this table keeps naming none.
            *id = renamed.get(id).copied().unwrap_or(0);
        };
        for column in &mut self.columns {
            if let ColumnKind::Computed { formula, .. } = &mut column.kind {
                match formula {
                    Formula::Sum { columns } => columns.iter_mut().for_each(rename),
                    Formula::Percent { part, whole } => {
                        rename(part);
                        rename(whole);
                    }
                    Formula::Difference { a, b } | Formula::Ratio { a, b } => {
                        rename(a);
                        rename(b);
                    }
                    Formula::Share { part } => rename(part),
                }
            }
        }
        for row in &mut self.rows {
            row.id = take();
        }
    }

    /// Passes every text through `text::clean_input`, for tables that come
    /// from files rather than through edits.
    pub fn clean_all_text(&mut self) {
        use crate::text::clean_input;
        self.caption = clean_input(&self.caption);
        self.unit = clean_input(&self.unit);
        for text in self.header.iter_mut().flatten() {
            *text = clean_input(text);
        }
        for cell in self.rows.iter_mut().flat_map(|row| row.cells.iter_mut()) {
            cell.text = clean_input(&cell.text);
        }
    }

    /// True when nothing is typed in the table's body.
    pub fn is_empty(&self) -> bool {
        self.caption.trim().is_empty()
            && self
                .rows
                .iter()
                .all(|row| row.cells.iter().all(|cell| cell.text.trim().is_empty()))
    }
}

/// Reads a number as people write it in Vietnamese ("1.234,5", "1234,5",
/// "12,50%") and as spreadsheets in English copy it ("1,234.5", "1234.5").
/// `None` for empty or non-numeric text.
///
/// Where only one kind of separator appears, a "." or "," followed by
/// groups of exactly three digits (more than one such separator, or a
/// "." after 1–3 digits) is a thousands separator; otherwise it is the
/// decimal point. So "1.234" is 1234 and "1,5" is 1.5, as Vietnamese
/// readers expect; "12.5" is 12.5.
pub fn parse_number(text: &str) -> Option<f64> {
    let mut text: String = text
        .trim()
        .trim_end_matches('%')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    if text.is_empty() {
        return None;
    }
    let negative = text.starts_with('-') || text.starts_with('−');
    if negative {
        text = text.trim_start_matches(['-', '−']).to_owned();
    }
    if text.is_empty()
        || !text
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let dots = text.matches('.').count();
    let commas = text.matches(',').count();
    let normalized = match (dots, commas) {
        (0, 0) => text,
        (_, 0) => single_separator(&text, '.', true)?,
        (0, _) => single_separator(&text, ',', false)?,
        _ => {
            // Both: whichever comes last is the decimal point.
            let last_dot = text.rfind('.')?;
            let last_comma = text.rfind(',')?;
            let (thousands, decimal) = if last_comma > last_dot {
                ('.', ',')
            } else {
                (',', '.')
            };
            if text.matches(decimal).count() != 1 {
                return None;
            }
            text.replace(thousands, "").replace(decimal, ".")
        }
    };
    if normalized.is_empty() || normalized.starts_with('.') && normalized.len() == 1 {
        return None;
    }
    let value: f64 = normalized
        .parse()
        .ok()
        .filter(|value: &f64| value.is_finite())?;
    Some(if negative { -value } else { value })
}

/// `text` with only `sep` as separator, as digits and at most one ".".
fn single_separator(text: &str, sep: char, dot: bool) -> Option<String> {
    let groups: Vec<&str> = text.split(sep).collect();
    let grouped = groups.len() > 1
        && !groups[0].is_empty()
        && groups[0].len() <= 3
        && groups[1..].iter().all(|group| group.len() == 3);
    let thousands = grouped && (groups.len() > 2 || dot);
    if thousands {
        Some(groups.concat())
    } else if groups.len() == 2 {
        Some(format!("{}.{}", groups[0], groups[1]))
    } else {
        None
    }
}

/// Writes `value` in Vietnamese style with `decimals` places: "1.234,5".
/// Trailing zeros are kept (a table's column reads evenly).
pub fn format_number(value: f64, decimals: u8) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let decimals = usize::from(decimals.min(6));
    // Rounded half away from zero on the scaled value, as people round
    // (0,125 to two places is 0,13), and by integer arithmetic: the
    // formatting of floats with a precision is the slowest step of a
    // table's view, run for every figure on every key typed in a table.
    let scale = 10f64.powi(decimals as i32);
    let scaled = (value.abs() * scale).round();
    let fixed = if scaled < 1e15 {
        let scaled = scaled as u64;
        let unit = 10u64.pow(decimals as u32);
        if decimals == 0 {
            scaled.to_string()
        } else {
            format!("{}.{:0decimals$}", scaled / unit, scaled % unit)
        }
    } else {
        format!("{:.*}", decimals, value.abs())
    };
    let (whole, fraction) = match fixed.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (fixed.as_str(), None),
    };
    let mut out = String::new();
    let negative = value < 0.0 && fixed.chars().any(|c| c.is_ascii_digit() && c != '0');
    if negative {
        out.push('-');
    }
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            out.push('.');
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push(',');
        out.push_str(fraction);
    }
    out
}

/// Each column's share of the width, in the columns' own unit: a column
/// of width 0 (one added to a preset, or a file's column without a width)
/// takes the mean of the columns that have one, so it is never drawn
/// zero wide beside them.
fn column_shares(table: &Table) -> Vec<u32> {
    let set: Vec<u32> = table
        .columns
        .iter()
        .map(|c| u32::from(c.width))
        .filter(|w| *w > 0)
        .collect();
    let mean = match set.len() {
        0 => 1,
        n => (set.iter().sum::<u32>() / n as u32).max(1),
    };
    table
        .columns
        .iter()
        .map(|c| match u32::from(c.width) {
            0 => mean,
            w => w,
        })
        .collect()
}

/// The table as shown. Computed places are worked out here.
pub fn view(table: &Table) -> TableView {
    let width = table.width();
    let values = compute(table);
    let shares = column_shares(table);
    let total_width: u32 = shares.iter().sum();
    let columns = table
        .columns
        .iter()
        .zip(&shares)
        .map(|(column, share)| ColumnView {
            id: column.id,
            numeric: !matches!(column.kind, ColumnKind::Text),
            computed: matches!(column.kind, ColumnKind::Computed { .. }),
            width_permille: match (share * 1000).checked_div(total_width) {
                Some(share) => share as u16,
                None => (1000 / width.max(1)) as u16,
            },
        })
        .collect();
    let header = header_cells(table);
    let number_row = table.number_row.then(|| number_row(table));
    let rows = table
        .rows
        .iter()
        .enumerate()
        .map(|(r, row)| RowView {
            id: row.id,
            kind: row.kind,
            indent: row.indent,
            cells: (0..width)
                .map(|c| {
                    let cell = row.cells.get(c).cloned().unwrap_or_default();
                    let column = &table.columns[c];
                    let numeric = !matches!(column.kind, ColumnKind::Text);
                    let computed_place = table.is_computed_place(r, c);
                    if computed_place && !cell.typed {
                        let decimals = decimals_of(table, c);
                        CellView {
                            text: values[r][c]
                                .map(|value| format_number(value, decimals))
                                .unwrap_or_default(),
                            numeric,
                            computed: true,
                            typed_over: false,
                        }
                    } else {
                        CellView {
                            text: cell.text,
                            numeric,
                            computed: false,
                            typed_over: computed_place,
                        }
                    }
                })
                .collect(),
        })
        .collect();
    TableView {
        id: table.id,
        caption: table.caption.clone(),
        unit_line: if table.unit.trim().is_empty() {
            String::new()
        } else {
            format!("{}{}", crate::rules::TABLE_UNIT_PREFIX, table.unit.trim())
        },
        columns,
        header,
        number_row,
        rows,
    }
}

fn decimals_of(table: &Table, col: usize) -> u8 {
    match &table.columns[col].kind {
        ColumnKind::Text => 0,
        ColumnKind::Number { decimals } | ColumnKind::Computed { decimals, .. } => *decimals,
    }
}

/// The header cells that start at a place, with their spans. Which merge
/// covers a place is worked out once for the whole header (the first in
/// the list, as `Table::merge_at` says), so this is linear in the header's
/// places for a sane table.
fn header_cells(table: &Table) -> Vec<Vec<HeaderCellView>> {
    let width = table.width();
    let height = table.header.len();
    let mut owner: Vec<Option<usize>> = vec![None; width.saturating_mul(height)];
    for (index, merge) in table.merges.iter().enumerate() {
        let rows = merge.row.min(height)..merge.row.saturating_add(merge.rows).min(height);
        let cols = merge.col.min(width)..merge.col.saturating_add(merge.cols).min(width);
        for r in rows {
            for place in &mut owner[r * width + cols.start..r * width + cols.end] {
                place.get_or_insert(index);
            }
        }
    }
    table
        .header
        .iter()
        .enumerate()
        .map(|(r, texts)| {
            (0..width)
                .filter_map(|c| {
                    let text = texts.get(c).cloned().unwrap_or_default();
                    match owner[r * width + c].map(|index| &table.merges[index]) {
                        Some(merge) if merge.row == r && merge.col == c => Some(HeaderCellView {
                            row: r,
                            col: c,
                            row_span: merge.rows.min(height - r).max(1),
                            col_span: merge.cols.min(width - c).max(1),
                            text,
                        }),
                        Some(_) => None,
                        None => Some(HeaderCellView {
                            row: r,
                            col: c,
                            row_span: 1,
                            col_span: 1,
                            text,
                        }),
                    }
                })
                .collect()
        })
        .collect()
}

/// The column number row: "1", "2", … and for a computed column the
/// formula in those numbers ("4=2:3", "5=2-3", "6=2+3").
fn number_row(table: &Table) -> Vec<String> {
    let number = |id: NodeId| {
        table
            .column_index(id)
            .map(|index| (index + 1).to_string())
            .unwrap_or_else(|| "?".to_owned())
    };
    table
        .columns
        .iter()
        .enumerate()
        .map(|(index, column)| {
            let own = (index + 1).to_string();
            match &column.kind {
                ColumnKind::Computed { formula, .. } => {
                    let expression = match formula {
                        Formula::Sum { columns } => columns
                            .iter()
                            .map(|id| number(*id))
                            .collect::<Vec<_>>()
                            .join("+"),
                        Formula::Percent { part, whole } => {
                            format!("{}/{}", number(*part), number(*whole))
                        }
                        Formula::Difference { a, b } => format!("{}-{}", number(*a), number(*b)),
                        Formula::Ratio { a, b } => format!("{}:{}", number(*a), number(*b)),
                        // "3=2/Σ": column 2 over its total.
                        Formula::Share { part } => format!("{}/\u{3a3}", number(*part)),
                    };
                    format!("{own}={expression}")
                }
                _ => own,
            }
        })
        .collect()
}

/// What stands at one place of the header's grid, for outputs that lay
/// the header out place by place (the DOCX's merged cells, plain text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderPlace<'a> {
    /// A cell starts here.
    Start(&'a HeaderCellView),
    /// The first column of a cell merged down from a row above.
    Below(&'a HeaderCellView),
    /// Covered by a cell that starts to the left.
    Covered,
}

/// The header as a grid of places, one row per header row and one place
/// per column.
pub fn header_grid(view: &TableView) -> Vec<Vec<HeaderPlace<'_>>> {
    let width = view.columns.len();
    let height = view.header.len();
    let mut grid = vec![vec![HeaderPlace::Covered; width]; height];
    for cell in view.header.iter().flatten() {
        if cell.row >= height || cell.col >= width {
            continue;
        }
        grid[cell.row][cell.col] = HeaderPlace::Start(cell);
        let below = (cell.row + cell.row_span).min(height);
        for places in grid.iter_mut().take(below).skip(cell.row + 1) {
            places[cell.col] = HeaderPlace::Below(cell);
        }
    }
    grid
}

/// The characters `text` takes on a line (text in the model is NFC, and
/// Vietnamese letters are one column each then).
fn text_width(text: &str) -> usize {
    text.chars().count()
}

/// `text` in `width` columns: to the right, left or centred.
fn pad(text: &str, width: usize, align: PlainAlign) -> String {
    let room = width.saturating_sub(text_width(text));
    match align {
        PlainAlign::Left => format!("{text}{}", " ".repeat(room)),
        PlainAlign::Right => format!("{}{text}", " ".repeat(room)),
        PlainAlign::Center => format!(
            "{}{text}{}",
            " ".repeat(room / 2),
            " ".repeat(room - room / 2)
        ),
    }
}

#[derive(Clone, Copy)]
enum PlainAlign {
    Left,
    Right,
    Center,
}

/// The gap between two columns in plain text.
const PLAIN_GAP: usize = 2;

/// The table as lines of plain text with its columns aligned: caption,
/// unit line (to the table's right edge), header, column numbers, body.
/// A merged header cell's text is centred over the columns it spans.
/// Header and number cells are centred, numbers aligned right.
pub fn plain_lines(view: &TableView) -> Vec<String> {
    let width = view.columns.len();
    let body: Vec<Vec<String>> = view
        .rows
        .iter()
        .map(|row| {
            let mut line: Vec<String> = row.cells.iter().map(|cell| cell.text.clone()).collect();
            if let Some(first) = line.first_mut() {
                *first = format!("{}{first}", "  ".repeat(usize::from(row.indent.min(3))));
            }
            line.resize(width, String::new());
            line
        })
        .collect();
    let mut widths = vec![0usize; width];
    for line in body.iter().chain(view.number_row.iter()) {
        for (c, text) in line.iter().enumerate().take(width) {
            widths[c] = widths[c].max(text_width(text));
        }
    }
    let cells: Vec<&HeaderCellView> = view.header.iter().flatten().collect();
    for cell in cells.iter().filter(|cell| cell.col_span == 1) {
        if cell.col < width {
            widths[cell.col] = widths[cell.col].max(text_width(&cell.text));
        }
    }
    let span_width = |widths: &[usize], col: usize, span: usize| {
        let end = (col + span).min(width);
        widths[col..end].iter().sum::<usize>() + PLAIN_GAP * (end - col).saturating_sub(1)
    };
    for cell in cells.iter().filter(|cell| cell.col_span > 1) {
        if cell.col >= width {
            continue;
        }
        let room = span_width(&widths, cell.col, cell.col_span);
        let need = text_width(&cell.text);
        if need > room {
            let last = (cell.col + cell.col_span).min(width) - 1;
            widths[last] += need - room;
        }
    }
    let mut out = Vec::new();
    if !view.caption.trim().is_empty() {
        out.push(view.caption.clone());
    }
    let total = span_width(&widths, 0, width);
    if !view.unit_line.is_empty() {
        out.push(pad(&view.unit_line, total, PlainAlign::Right));
    }
    let gap = " ".repeat(PLAIN_GAP);
    for row in header_grid(view) {
        let mut pieces = Vec::new();
        for (c, place) in row.iter().enumerate() {
            match place {
                HeaderPlace::Start(cell) => pieces.push(pad(
                    &cell.text,
                    span_width(&widths, c, cell.col_span),
                    PlainAlign::Center,
                )),
                HeaderPlace::Below(cell) => {
                    pieces.push(" ".repeat(span_width(&widths, c, cell.col_span)))
                }
                HeaderPlace::Covered => {}
            }
        }
        out.push(pieces.join(&gap).trim_end().to_owned());
    }
    if let Some(numbers) = &view.number_row {
        let pieces: Vec<String> = (0..width)
            .map(|c| {
                let text = numbers.get(c).map(String::as_str).unwrap_or("");
                pad(text, widths[c], PlainAlign::Center)
            })
            .collect();
        out.push(pieces.join(&gap).trim_end().to_owned());
    }
    for line in &body {
        let pieces: Vec<String> = line
            .iter()
            .enumerate()
            .map(|(c, text)| {
                let align = if view.columns[c].numeric {
                    PlainAlign::Right
                } else {
                    PlainAlign::Left
                };
                pad(text, widths[c], align)
            })
            .collect();
        out.push(pieces.join(&gap).trim_end().to_owned());
    }
    out
}

/// The numeric value of every body place after computation (`None` for
/// text, empty cells and what cannot be worked out: a division by zero, a
/// formula that names a missing column or goes round in a cycle).
///
/// Linear in the table's places (times a formula's inputs), so that even a
/// hostile table from a file is shown quickly.
pub fn compute(table: &Table) -> Vec<Vec<Option<f64>>> {
    let width = table.width();
    let height = table.rows.len();
    // Typed values first.
    let mut values: Vec<Vec<Option<f64>>> = table
        .rows
        .iter()
        .map(|row| {
            table
                .columns
                .iter()
                .enumerate()
                .map(|(c, column)| {
                    if matches!(column.kind, ColumnKind::Text) {
                        None
                    } else {
                        row.cells.get(c).and_then(|cell| parse_number(&cell.text))
                    }
                })
                .collect()
        })
        .collect();
    let overridden = |r: usize, c: usize| table.rows[r].cells.get(c).is_some_and(|cell| cell.typed);
    // Group and total rows sum the data rows, column by column (typed
    // number columns; computed columns are worked out per row after).
    let number_columns: Vec<usize> = (0..width)
        .filter(|&c| matches!(table.columns[c].kind, ColumnKind::Number { .. }))
        .collect();
    for &c in &number_columns {
        let total = sum((0..height)
            .filter(|&r| table.rows[r].kind == RowKind::Data)
            .map(|r| values[r][c]));
        // Walking up, the sum of the data rows from here to the next row
        // that is not data.
        let mut below: Option<f64> = None;
        for r in (0..height).rev() {
            let kind = table.rows[r].kind;
            let own = values[r][c];
            if !overridden(r, c) {
                match kind {
                    RowKind::Group => values[r][c] = below,
                    RowKind::Total => values[r][c] = total,
                    RowKind::Data | RowKind::Label => {}
                }
            }
            below = match kind {
                RowKind::Data => sum([below, own].into_iter()),
                _ => None,
            };
        }
    }
    // Computed columns, in an order where every column comes after those it
    // reads; a cycle leaves its columns without values.
    let index = column_positions(table);
    let total_row = table.rows.iter().position(|row| row.kind == RowKind::Total);
    for c in computed_order(table) {
        let ColumnKind::Computed { formula, .. } = &table.columns[c].kind else {
            continue;
        };
        let position = |id: NodeId| index.get(&id).copied();
        // The total a share is of, read before this column changes it.
        let share_of = match formula {
            Formula::Share { part } => position(*part)
                .zip(total_row)
                .and_then(|(at, total)| values[total][at]),
            _ => None,
        };
        for (r, row) in table.rows.iter().enumerate() {
            if overridden(r, c) || row.kind == RowKind::Label {
                continue;
            }
            let line = &values[r];
            let get = |id: NodeId| position(id).and_then(|at| line[at]);
            let value = match formula {
                Formula::Sum { columns } => sum(columns.iter().map(|id| get(*id))),
                Formula::Percent { part, whole } | Formula::Ratio { a: part, b: whole } => {
                    match (get(*part), get(*whole)) {
                        (Some(part), Some(whole)) if whole != 0.0 => Some(part / whole * 100.0),
                        _ => None,
                    }
                }
                Formula::Difference { a, b } => match (get(*a), get(*b)) {
                    (Some(a), Some(b)) => Some(a - b),
                    _ => None,
                },
                Formula::Share { part } => match (get(*part), share_of) {
                    (Some(part), Some(whole)) if whole != 0.0 => Some(part / whole * 100.0),
                    _ => None,
                },
            };
            values[r][c] = value.filter(|value| value.is_finite());
        }
    }
    values
}

/// Each column id's index (the first column with it, should ids repeat).
fn column_positions(table: &Table) -> std::collections::HashMap<NodeId, usize> {
    let mut index = std::collections::HashMap::with_capacity(table.width());
    for (at, column) in table.columns.iter().enumerate() {
        index.entry(column.id).or_insert(at);
    }
    index
}

/// The sum of the values present; `None` when none is.
fn sum(values: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    values
        .flatten()
        .fold(None, |total: Option<f64>, value| {
            Some(total.unwrap_or(0.0) + value)
        })
        .filter(|total| total.is_finite())
}

/// The columns a formula reads.
pub fn formula_inputs(formula: &Formula) -> Vec<NodeId> {
    match formula {
        Formula::Sum { columns } => columns.clone(),
        Formula::Percent { part, whole } => vec![*part, *whole],
        Formula::Difference { a, b } | Formula::Ratio { a, b } => vec![*a, *b],
        Formula::Share { part } => vec![*part],
    }
}

/// The computed columns' indices in an order where each comes after the
/// computed columns it reads. Columns in a cycle, or reading one, are left
/// out.
pub fn computed_order(table: &Table) -> Vec<usize> {
    let index = column_positions(table);
    let width = table.width();
    // For each computed column, how many computed inputs it still waits
    // for, and who reads each column.
    let mut waiting = vec![0usize; width];
    let mut readers: Vec<Vec<usize>> = vec![Vec::new(); width];
    let mut ready = Vec::new();
    for (c, column) in table.columns.iter().enumerate() {
        let ColumnKind::Computed { formula, .. } = &column.kind else {
            continue;
        };
        let mut inputs: Vec<usize> = formula_inputs(formula)
            .iter()
            .filter_map(|id| index.get(id).copied())
            .filter(|&input| matches!(table.columns[input].kind, ColumnKind::Computed { .. }))
            .collect();
        inputs.sort_unstable();
        inputs.dedup();
        waiting[c] = inputs.len();
        for input in inputs {
            readers[input].push(c);
        }
        if waiting[c] == 0 {
            ready.push(c);
        }
    }
    let mut done = Vec::new();
    while let Some(c) = ready.pop() {
        done.push(c);
        for &reader in &readers[c] {
            waiting[reader] -= 1;
            if waiting[reader] == 0 {
                ready.push(reader);
            }
        }
    }
    done
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_in_vietnamese_and_spreadsheet_styles() {
        let cases = [
            ("1.234,5", Some(1234.5)),
            ("1234,5", Some(1234.5)),
            ("1.234", Some(1234.0)),
            ("1.234.567", Some(1_234_567.0)),
            ("1,5", Some(1.5)),
            ("12.5", Some(12.5)),
            ("1,234.5", Some(1234.5)),
            ("1,234,567", Some(1_234_567.0)),
            ("98,25%", Some(98.25)),
            ("-3", Some(-3.0)),
            ("", None),
            ("abc", None),
            ("1,2,3", None),
            // Too many digits for a number: none rather than infinity.
            (&"9".repeat(400), None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_number(text), expected, "{text}");
        }
    }

    /// A column added with "+ Phải" to a preset (whose columns have
    /// widths) had width 0: the preview and the Word file drew it 0 %
    /// wide, a letter per line.
    #[test]
    fn regression_a_column_added_to_a_preset_was_drawn_zero_wide() {
        for mut table in [presets::party_rating(), presets::pupil_results()] {
            let before = table.width();
            let mut next = 10_000;
            apply_op(
                &mut table,
                &TableOp::InsertColumn {
                    index: before,
                    kind: ColumnKind::Text,
                },
                &mut || {
                    next += 1;
                    next
                },
            )
            .unwrap();
            let shares: Vec<u16> = view(&table)
                .columns
                .iter()
                .map(|c| c.width_permille)
                .collect();
            let narrowest = *shares.iter().min().unwrap();
            let mean = 1000 / shares.len() as u16;
            assert!(narrowest * 3 >= mean, "{shares:?}");
            let sum: u32 = shares.iter().map(|s| u32::from(*s)).sum();
            assert!((990..=1000).contains(&sum), "{shares:?}");
        }
    }

    #[test]
    fn a_merged_header_cell_is_centred_over_its_columns_in_plain_text() {
        let mut table = presets::blank(1, 3);
        table.header = vec![
            vec!["Name".into(), "Together".into(), String::new()],
            vec![String::new(), "a".into(), "b".into()],
        ];
        table.merges = vec![
            Merge {
                row: 0,
                col: 0,
                rows: 2,
                cols: 1,
            },
            Merge {
                row: 0,
                col: 1,
                rows: 1,
                cols: 2,
            },
        ];
        table.rows[0].cells = vec![
            Cell {
                text: "x".into(),
                typed: false,
            },
            Cell {
                text: "1".into(),
                typed: false,
            },
            Cell {
                text: "22".into(),
                typed: false,
            },
        ];
        let view = view(&table);
        let grid = header_grid(&view);
        assert!(matches!(grid[1][0], HeaderPlace::Below(cell) if cell.text == "Name"));
        assert_eq!(grid[0][2], HeaderPlace::Covered);
        // "Together" is wider than "a" and "b" with the gap: the last
        // column it spans grows to hold it.
        assert_eq!(
            plain_lines(&view),
            ["Name  Together", "      a    b", "x     1     22"]
        );
    }

    #[test]
    fn numbers_written_in_vietnamese_style() {
        assert_eq!(format_number(1234.5, 1), "1.234,5");
        assert_eq!(format_number(1_234_567.0, 0), "1.234.567");
        assert_eq!(format_number(98.256, 2), "98,26");
        assert_eq!(format_number(-0.001, 1), "0,0");
        assert_eq!(format_number(-12.0, 0), "-12");
    }
}
