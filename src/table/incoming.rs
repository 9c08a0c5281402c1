//! Tables that come from files and stored drafts rather than through
//! edits: what makes one too much to take in (`Table::trouble`: more
//! places than a table may have, a text longer than a cell holds), and the
//! repair that makes any other one sane (`Table::make_sane`: the shape's
//! invariants, formulas that name missing columns or go round in a cycle
//! turned into typed number columns, at least one column, header row and
//! body row).

use super::{
    computed_order, formula_inputs, Cell, Column, ColumnKind, Formula, Row, Table, MAX_CELLS,
    MAX_COLUMNS,
};
use crate::model::{Block, Document, Section};
use crate::numbering::outline;

/// The longest text a table place holds, in characters: a few pages, far
/// more than any cell of a statistics table.
pub const MAX_CELL_CHARS: usize = 10_000;

/// Why a table from a file is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trouble {
    /// More columns than `MAX_COLUMNS` or places than `MAX_CELLS`.
    TooLarge,
    /// A caption, unit, header or cell text longer than `MAX_CELL_CHARS`.
    TextTooLong,
}

/// True when `text` is longer than `MAX_CELL_CHARS` characters (counted
/// only as far as needed).
fn too_long(text: &str) -> bool {
    text.len() > MAX_CELL_CHARS && text.chars().nth(MAX_CELL_CHARS).is_some()
}

impl Table {
    /// Why this table cannot be taken in, if it cannot.
    pub fn trouble(&self) -> Option<Trouble> {
        let width = self.width();
        let places = self
            .header
            .len()
            .saturating_add(self.rows.len())
            .saturating_mul(width.max(1));
        let longest_row = self
            .rows
            .iter()
            .map(|row| row.cells.len())
            .chain(self.header.iter().map(Vec::len))
            .max()
            .unwrap_or(0);
        if width > MAX_COLUMNS || places > MAX_CELLS || longest_row > MAX_COLUMNS {
            return Some(Trouble::TooLarge);
        }
        let texts = [&self.caption, &self.unit]
            .into_iter()
            .chain(self.header.iter().flatten())
            .chain(
                self.rows
                    .iter()
                    .flat_map(|row| row.cells.iter().map(|cell| &cell.text)),
            );
        for text in texts {
            if too_long(text) {
                return Some(Trouble::TextTooLong);
            }
        }
        None
    }

    /// Makes the table sane whatever it was: at least one column, header
    /// row and body row; the shape's invariants (`repair`); every formula
    /// naming only columns of the table, never itself and in no cycle (a
    /// sum drops what is missing; any other formula that cannot be worked
    /// out makes its column a typed number column). Tells whether anything
    /// changed.
    pub fn make_sane(&mut self) -> bool {
        let mut changed = false;
        if self.columns.is_empty() {
            self.columns.push(Column::default());
            changed = true;
        }
        if self.header.is_empty() {
            self.header.push(Vec::new());
            changed = true;
        }
        if self.rows.is_empty() {
            self.rows.push(Row::default());
            changed = true;
        }
        changed |= self.repair();
        let ids: Vec<_> = self.columns.iter().map(|column| column.id).collect();
        for column in &mut self.columns {
            let own = column.id;
            let ColumnKind::Computed { formula, decimals } = &mut column.kind else {
                continue;
            };
            let known = |id: &u64| *id != own && ids.contains(id);
            let keep = match formula {
                Formula::Sum { columns } => {
                    let before = columns.len();
                    columns.retain(known);
                    changed |= columns.len() != before;
                    !columns.is_empty()
                }
                other => formula_inputs(other).iter().all(known),
            };
            if !keep {
                column.kind = ColumnKind::Number {
                    decimals: *decimals,
                };
                changed = true;
            }
        }
        // Columns in a cycle (or reading one) are left out of the order.
        let ordered = computed_order(self);
        for (c, column) in self.columns.iter_mut().enumerate() {
            if let ColumnKind::Computed { decimals, .. } = column.kind {
                if !ordered.contains(&c) {
                    column.kind = ColumnKind::Number { decimals };
                    changed = true;
                }
            }
        }
        if changed {
            // Cells typed over places that are no longer computed are
            // plain typed cells.
            for r in 0..self.rows.len() {
                for c in 0..self.width() {
                    if self.rows[r].cells[c].typed && !self.is_computed_place(r, c) {
                        self.rows[r].cells[c] = Cell {
                            text: std::mem::take(&mut self.rows[r].cells[c].text),
                            typed: false,
                        };
                    }
                }
            }
        }
        changed
    }

    /// True when `make_sane` would change nothing.
    pub fn is_sane(&self) -> bool {
        !self.clone().make_sane()
    }
}

/// Every table in `blocks`, nested ones too.
pub fn tables_in<'b>(blocks: &'b [Block], out: &mut Vec<&'b Table>) {
    for block in blocks {
        match block {
            Block::Table(table) => out.push(table),
            Block::List(list) => {
                for item in &list.items {
                    tables_in(&item.blocks, out);
                }
            }
            Block::Assessment(assessment) => tables_in(&assessment.blocks, out),
            Block::Paragraph(_) | Block::Figure(_) => {}
        }
    }
}

/// Every table of `document` with the reference of the section it stands
/// in ("" for the opening before the parts).
pub fn tables_of(document: &Document) -> Vec<(String, &Table)> {
    let mut out = Vec::new();
    let mut found = Vec::new();
    tables_in(&document.preamble, &mut found);
    out.extend(found.drain(..).map(|table| (String::new(), table)));
    for entry in outline(document) {
        if let Some(section) = document.find_section(entry.id) {
            tables_in(&section.blocks, &mut found);
            out.extend(
                found
                    .drain(..)
                    .map(|table| (entry.reference.clone(), table)),
            );
        }
    }
    out
}

/// Makes every table of `document` sane (`Table::make_sane`); touches no
/// section without a table that needs it. Tells whether anything changed.
pub fn make_tables_sane(document: &mut Document) -> bool {
    fn blocks_need(blocks: &[Block]) -> bool {
        let mut found = Vec::new();
        tables_in(blocks, &mut found);
        found.iter().any(|table| !table.is_sane())
    }
    fn fix(blocks: &mut [Block]) -> bool {
        let mut changed = false;
        for block in blocks {
            match block {
                Block::Table(table) => changed |= table.make_sane(),
                Block::List(list) => {
                    for item in &mut list.items {
                        changed |= fix(&mut item.blocks);
                    }
                }
                Block::Assessment(assessment) => changed |= fix(&mut assessment.blocks),
                Block::Paragraph(_) | Block::Figure(_) => {}
            }
        }
        changed
    }
    fn sections(list: &mut [Section]) -> bool {
        let mut changed = false;
        for section in list {
            if blocks_need(&section.blocks) {
                changed |= fix(&mut section.blocks);
            }
            changed |= sections(&mut section.children);
        }
        changed
    }
    let mut changed = false;
    if blocks_need(&document.preamble) {
        changed |= fix(&mut document.preamble);
    }
    // The texts kept beside sections are shown and copied in as tables too.
    if document.beside.iter().any(|text| blocks_need(&text.blocks)) {
        for text in document.beside.iter_mut() {
            changed |= fix(&mut text.blocks);
        }
    }
    changed | sections(&mut document.sections)
}
