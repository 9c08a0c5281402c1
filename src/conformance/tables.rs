//! The format check's findings inside statistics tables: a figure typed
//! over a computed place that disagrees with what the rows give, an empty
//! cell among filled ones, and a percentage above 100 where the columns
//! cannot give one. Each points at its cell.

use super::{CellPlace, EmptyAlong, Finding, Issue, Target};
use crate::table::{compute, format_number, parse_number, ColumnKind, Formula, RowKind, Table};

/// The most findings one table gives: past them, the table needs a look
/// as a whole, and the list stays readable.
const MOST_PER_TABLE: usize = 20;

/// The findings of `table`, in the section `reference` names.
pub(super) fn check_table(table: &Table, reference: &str, out: &mut Vec<Issue>) {
    // A table from a file may be ragged: check its repaired copy.
    let mut table = table.clone();
    table.repair();
    let table = &table;
    let mut found = Vec::new();
    typed_over(table, reference, &mut found);
    empty_cells(table, reference, &mut found);
    over_100(table, reference, &mut found);
    found.sort_by_key(|issue| match issue.target {
        Target::Cell { row, column, .. } => (
            table.row_index(row).unwrap_or(0),
            table.column_index(column).unwrap_or(0),
        ),
        _ => (0, 0),
    });
    out.extend(found.into_iter().take(MOST_PER_TABLE));
}

fn decimals_of(table: &Table, c: usize) -> u8 {
    match &table.columns[c].kind {
        ColumnKind::Text => 0,
        ColumnKind::Number { decimals } | ColumnKind::Computed { decimals, .. } => *decimals,
    }
}

/// The decimals `text` is written with, up to 6.
fn written_decimals(text: &str) -> u8 {
    let Some(value) = parse_number(text) else {
        return 0;
    };
    (0u8..=6)
        .find(|&d| {
            let scaled = value * 10f64.powi(i32::from(d));
            (scaled - scaled.round()).abs() < 1e-6
        })
        .unwrap_or(6)
}

/// Where a cell is, in words.
fn place(table: &Table, reference: &str, r: usize, c: usize) -> CellPlace {
    let row_label = if matches!(
        table.columns.first().map(|c| &c.kind),
        Some(ColumnKind::Text)
    ) && c != 0
    {
        table.rows[r].cells[0]
            .text
            .lines()
            .next()
            .unwrap_or("")
            .trim()
            .to_owned()
    } else {
        String::new()
    };
    CellPlace {
        reference: reference.to_owned(),
        caption: table.caption.trim().to_owned(),
        row: r + 1,
        row_label,
        column: c + 1,
        column_label: column_label(table, c),
    }
}

/// The header texts over column `c`, top to bottom ("Tốt – %").
fn column_label(table: &Table, c: usize) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for (r, line) in table.header.iter().enumerate() {
        let text = match table.merge_at(r, c) {
            Some(merge) => table.header[merge.row][merge.col].as_str(),
            None => line[c].as_str(),
        };
        let text = text.trim();
        if !text.is_empty() && parts.last() != Some(&text) {
            parts.push(text);
        }
    }
    parts.join(" – ")
}

fn target(table: &Table, r: usize, c: usize) -> Target {
    Target::Cell {
        table: table.id,
        row: table.rows[r].id,
        column: table.columns[c].id,
    }
}

/// Typed figures in computed places that differ from what the rows give
/// by more than their rounding.
fn typed_over(table: &Table, reference: &str, out: &mut Vec<Issue>) {
    let typed: Vec<(usize, usize)> = table
        .rows
        .iter()
        .enumerate()
        .flat_map(|(r, row)| {
            row.cells
                .iter()
                .enumerate()
                .filter(move |(c, cell)| cell.typed && table.is_computed_place(r, *c))
                .map(move |(c, _)| (r, c))
        })
        .collect();
    if typed.is_empty() {
        return;
    }
    // What the rows give: every computed place left to its formula.
    let mut bare = table.clone();
    for row in &mut bare.rows {
        for cell in &mut row.cells {
            cell.typed = false;
        }
    }
    let values = compute(&bare);
    for (r, c) in typed {
        let text = &table.rows[r].cells[c].text;
        let (Some(typed), Some(computed)) = (parse_number(text), values[r][c]) else {
            continue;
        };
        let decimals = decimals_of(table, c).min(written_decimals(text));
        let tolerance = 0.5 * 10f64.powi(-i32::from(decimals)) + 1e-9;
        if (typed - computed).abs() > tolerance {
            out.push(Issue {
                finding: Finding::TypedDisagrees {
                    place: place(table, reference, r, c),
                    typed: text.trim().to_owned(),
                    computed: format_number(computed, decimals_of(table, c)),
                },
                target: target(table, r, c),
            });
        }
    }
}

/// True when body place (`r`, `c`) is one the user fills in.
fn typed_place(table: &Table, r: usize, c: usize) -> bool {
    table.rows[r].kind != RowKind::Label
        && (!table.is_computed_place(r, c) || table.rows[r].cells[c].typed)
}

fn filled(table: &Table, r: usize, c: usize) -> bool {
    !table.rows[r].cells[c].text.trim().is_empty()
}

/// Empty cells whose column (at least two other rows) or row (at least two
/// other cells) is otherwise filled in.
fn empty_cells(table: &Table, reference: &str, out: &mut Vec<Issue>) {
    let width = table.width();
    let height = table.rows.len();
    // Per column: typed places and how many are filled; per row likewise.
    let mut column_places = vec![0usize; width];
    let mut column_filled = vec![0usize; width];
    let mut row_places = vec![0usize; height];
    let mut row_filled = vec![0usize; height];
    for r in 0..height {
        for c in 0..width {
            if typed_place(table, r, c) {
                column_places[c] += 1;
                row_places[r] += 1;
                if filled(table, r, c) {
                    column_filled[c] += 1;
                    row_filled[r] += 1;
                }
            }
        }
    }
    for r in 0..height {
        for c in 0..width {
            if !typed_place(table, r, c) || filled(table, r, c) {
                continue;
            }
            let column_full = column_places[c] >= 3 && column_filled[c] == column_places[c] - 1;
            let row_full = row_places[r] >= 3 && row_filled[r] == row_places[r] - 1;
            let along = match (column_full, row_full) {
                (true, true) => EmptyAlong::Both,
                (true, false) => EmptyAlong::Column,
                (false, true) => EmptyAlong::Row,
                (false, false) => continue,
            };
            out.push(Issue {
                finding: Finding::EmptyCell {
                    place: place(table, reference, r, c),
                    along,
                },
                target: target(table, r, c),
            });
        }
    }
}

/// True when column `c` holds a share of a whole: a percentage or share
/// formula, or typed numbers under a header "%" or "… (%)".
fn is_share_column(table: &Table, c: usize) -> bool {
    match &table.columns[c].kind {
        ColumnKind::Computed {
            formula: Formula::Percent { .. } | Formula::Share { .. },
            ..
        } => true,
        ColumnKind::Number { .. } => {
            let label = column_label(table, c);
            let last = label.rsplit(" – ").next().unwrap_or("").trim();
            last == "%" || last.ends_with("(%)")
        }
        _ => false,
    }
}

/// Percentages above 100 in columns that hold a share of a whole.
fn over_100(table: &Table, reference: &str, out: &mut Vec<Issue>) {
    let values = compute(table);
    for c in 0..table.width() {
        if !is_share_column(table, c) {
            continue;
        }
        let decimals = decimals_of(table, c);
        for (r, line) in values.iter().enumerate() {
            let Some(value) = line[c] else {
                continue;
            };
            if value > 100.0 + 0.5 * 10f64.powi(-i32::from(decimals)) {
                let written = if table.rows[r].cells[c].typed || !table.is_computed_place(r, c) {
                    table.rows[r].cells[c]
                        .text
                        .trim()
                        .trim_end_matches('%')
                        .trim()
                        .to_owned()
                } else {
                    format_number(value, decimals)
                };
                out.push(Issue {
                    finding: Finding::PercentOver100 {
                        place: place(table, reference, r, c),
                        value: written,
                    },
                    target: target(table, r, c),
                });
            }
        }
    }
}
