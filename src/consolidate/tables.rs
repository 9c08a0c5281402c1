//! The units' tables in a consolidated section: grouped by shape (the same
//! columns with the same kinds and formulas, the same header texts, the
//! same rows with the same labels), each group of two or more summed.
//!
//! A sum adds the typed number cells of the data rows; computed places
//! (computed columns, group and total rows) are left to their formulas, so
//! percentages, differences and totals are worked out again from the sums,
//! never added. A number column whose header speaks of a rate ("%", "tỉ
//! lệ", "bình quân") is left empty in the sum and named in a note. A table
//! of another shape is kept apart, attributed to its unit, and named too.

use crate::model::{Block, NodeId};
use crate::table::{
    format_number, parse_number, Cell, ColumnKind, Formula, Row, RowKind, Table, MAX_CELLS,
};

use super::{normalised_heading, Breakdown, Flat, Note, OutlineRow, Target, Unit};

/// What makes two tables addable, compared whole.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TableShape {
    /// Each column's kind: 0 text, 1 number, 2+ a formula over column
    /// indexes.
    columns: Vec<String>,
    header: Vec<Vec<String>>,
    rows: Vec<(RowKind, String)>,
}

impl TableShape {
    pub fn of(table: &Table) -> TableShape {
        let index = |id: &NodeId| {
            table
                .column_index(*id)
                .map_or_else(|| "?".to_owned(), |at| at.to_string())
        };
        let columns = table
            .columns
            .iter()
            .map(|column| match &column.kind {
                ColumnKind::Text => "text".to_owned(),
                ColumnKind::Number { .. } => "number".to_owned(),
                ColumnKind::Computed { formula, .. } => match formula {
                    Formula::Sum { columns } => format!(
                        "sum {}",
                        columns.iter().map(index).collect::<Vec<_>>().join(" ")
                    ),
                    Formula::Percent { part, whole } => {
                        format!("percent {} {}", index(part), index(whole))
                    }
                    Formula::Difference { a, b } => format!("difference {} {}", index(a), index(b)),
                    Formula::Ratio { a, b } => format!("ratio {} {}", index(a), index(b)),
                    Formula::Share { part } => format!("share {}", index(part)),
                },
            })
            .collect();
        let label = label_column(table);
        TableShape {
            columns,
            header: table
                .header
                .iter()
                .map(|row| row.iter().map(|text| normalised_heading(text)).collect())
                .collect(),
            rows: table
                .rows
                .iter()
                .map(|row| {
                    let text = label
                        .and_then(|c| row.cells.get(c))
                        .map(|cell| normalised_heading(&cell.text))
                        .unwrap_or_default();
                    (row.kind, text)
                })
                .collect(),
        }
    }
}

/// The first text column: the rows' labels ("Chỉ tiêu").
fn label_column(table: &Table) -> Option<usize> {
    table
        .columns
        .iter()
        .position(|column| matches!(column.kind, ColumnKind::Text))
}

/// Tables of one shape in a section, each with its unit (in the units'
/// order).
pub(super) struct Group<'a> {
    pub members: Vec<(usize, &'a Table)>,
}

/// The tables of one section, unit by unit in order, grouped by shape in
/// the order they first come; within a unit, the n-th table of a shape
/// joins the n-th group of that shape.
pub(super) fn group<'a>(contributions: &[(usize, Vec<&'a Table>)]) -> Vec<Group<'a>> {
    let mut groups: Vec<(TableShape, usize, Group<'a>)> = Vec::new();
    for (unit, tables) in contributions {
        let mut seen: Vec<(TableShape, usize)> = Vec::new();
        for table in tables {
            let shape = TableShape::of(table);
            let nth = match seen.iter_mut().find(|(s, _)| *s == shape) {
                Some((_, count)) => {
                    *count += 1;
                    *count - 1
                }
                None => {
                    seen.push((shape.clone(), 1));
                    0
                }
            };
            match groups.iter_mut().find(|(s, n, _)| *s == shape && *n == nth) {
                Some((_, _, group)) => group.members.push((*unit, table)),
                None => groups.push((
                    shape,
                    nth,
                    Group {
                        members: vec![(*unit, table)],
                    },
                )),
            }
        }
    }
    groups.into_iter().map(|(_, _, group)| group).collect()
}

/// Whether a group stands apart: a table only one unit has while another
/// group of the section is shared by more units (another shape of the
/// same table).
pub(super) fn stands_apart(groups: &[Group<'_>], at: usize) -> bool {
    let largest = groups.iter().map(|g| g.members.len()).max().unwrap_or(0);
    groups[at].members.len() == 1 && largest > 1
}

/// Whether column `col`'s header speaks of a rate or an average, which
/// adding would make wrong.
fn is_rate_column(table: &Table, col: usize) -> bool {
    table.header.iter().any(|row| {
        row.get(col).is_some_and(|text| {
            let folded = crate::text::fold_for_search(text);
            text.contains('%')
                || [
                    "ti le",
                    "ty le",
                    "binh quan",
                    "trung binh",
                    "ti suat",
                    "ty suat",
                ]
                .iter()
                .any(|word| folded.contains(word))
        })
    })
}

/// The places after the decimal point that `value` needs (at most 4).
fn decimals_needed(value: f64) -> u8 {
    (0..4u8)
        .find(|&d| {
            let scaled = value * 10f64.powi(i32::from(d));
            (scaled - scaled.round()).abs() < 1e-6
        })
        .unwrap_or(4)
}

/// The sum of a group's tables, and the notes it gives (`section` names
/// the place). The first table lends its texts and layout.
pub(super) fn sum(group: &Group<'_>, names: &[&str], section: &str) -> (Table, Vec<Note>) {
    let first = group.members[0].1;
    let mut table = first.clone();
    let mut notes = Vec::new();
    let label = label_column(first);
    for c in 0..first.width() {
        let rate =
            matches!(first.columns[c].kind, ColumnKind::Number { .. }) && is_rate_column(first, c);
        if rate {
            notes.push(Note::RateNotSummed {
                section: section.to_owned(),
                caption: first.caption.clone(),
                column: header_text(first, c),
            });
        }
        for r in 0..first.rows.len() {
            let place = &mut table.rows[r].cells;
            if place.len() < c + 1 {
                place.resize(c + 1, Cell::default());
            }
            if first.is_computed_place(r, c) {
                // Worked out again from the sums.
                place[c] = Cell::default();
                continue;
            }
            let texts: Vec<&str> = group
                .members
                .iter()
                .map(|(_, t)| t.rows[r].cells.get(c).map_or("", |cell| cell.text.trim()))
                .collect();
            place[c].text = match first.columns[c].kind {
                ColumnKind::Number { .. } if first.rows[r].kind != RowKind::Label => {
                    if rate {
                        String::new()
                    } else {
                        add_texts(&texts)
                    }
                }
                _ if Some(c) == label => place[c].text.clone(),
                _ => joined_texts(&texts, group, names),
            };
        }
    }
    (table, notes)
}

/// The header's text over column `col` (its lowest non-empty row).
fn header_text(table: &Table, col: usize) -> String {
    table
        .header
        .iter()
        .rev()
        .filter_map(|row| row.get(col))
        .find(|text| !text.trim().is_empty())
        .cloned()
        .unwrap_or_else(|| (col + 1).to_string())
}

/// The sum of the numbers among `texts`; a text that is no number is kept
/// when every unit wrote the same one ("x", "-"), and otherwise left out.
fn add_texts(texts: &[&str]) -> String {
    let numbers: Vec<f64> = texts.iter().filter_map(|text| parse_number(text)).collect();
    if numbers.is_empty() {
        let first = texts.first().copied().unwrap_or("");
        return if texts.iter().all(|text| *text == first) {
            first.to_owned()
        } else {
            String::new()
        };
    }
    let decimals = numbers
        .iter()
        .map(|n| decimals_needed(*n))
        .max()
        .unwrap_or(0);
    let total: f64 = numbers.iter().sum();
    format_number(total, decimals)
}

/// A text column's cells: the one text when all units wrote the same,
/// else each unit's, attributed ("Chi bộ Ấp 1: …; Chi bộ Ấp 2: …").
fn joined_texts(texts: &[&str], group: &Group<'_>, names: &[&str]) -> String {
    let first = texts.first().copied().unwrap_or("");
    if texts.iter().all(|text| *text == first) {
        return first.to_owned();
    }
    texts
        .iter()
        .zip(&group.members)
        .filter(|(text, _)| !text.is_empty())
        .map(|(text, (unit, _))| format!("{}: {text}", names[*unit]))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The summed table with a row per unit under each data row (the row
/// becomes a group whose figures are its units' sum), or `None` when the
/// table has group rows already or would grow too large.
pub(super) fn with_unit_rows(summed: &Table, group: &Group<'_>, names: &[&str]) -> Option<Table> {
    if summed.rows.iter().any(|row| row.kind == RowKind::Group) {
        return None;
    }
    let data_rows = summed
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Data)
        .count();
    let places = (summed.rows.len() + data_rows * group.members.len() + summed.header.len())
        * summed.width();
    if places > MAX_CELLS {
        return None;
    }
    let label = label_column(summed)?;
    let mut table = summed.clone();
    table.rows.clear();
    for (r, row) in summed.rows.iter().enumerate() {
        if row.kind != RowKind::Data {
            table.rows.push(row.clone());
            continue;
        }
        let mut head = row.clone();
        head.kind = RowKind::Group;
        for (c, cell) in head.cells.iter_mut().enumerate() {
            if c != label && !matches!(summed.columns[c].kind, ColumnKind::Text) {
                *cell = Cell::default();
            }
        }
        table.rows.push(head);
        for (unit, source) in &group.members {
            let mut cells: Vec<Cell> = source.rows[r].cells.clone();
            cells.resize(summed.width(), Cell::default());
            for (c, cell) in cells.iter_mut().enumerate() {
                if c == label {
                    *cell = Cell {
                        text: names[*unit].to_owned(),
                        typed: false,
                    };
                } else if matches!(summed.columns[c].kind, ColumnKind::Computed { .. }) {
                    *cell = Cell::default();
                }
            }
            table.rows.push(Row {
                id: 0,
                kind: RowKind::Data,
                cells,
                indent: (row.indent + 1).min(crate::table::MAX_INDENT),
                extra: Default::default(),
            });
        }
    }
    Some(table)
}

/// A unit's own table, with its name after the caption.
pub(super) fn attributed(table: &Table, name: &str) -> Table {
    let mut table = table.clone();
    table.caption = if table.caption.trim().is_empty() {
        name.to_owned()
    } else {
        format!("{} ({name})", table.caption.trim())
    };
    table
}

/// The tables of the units' sections sent to each outline row, unit by
/// unit in order.
pub(super) fn tables_by_row<'a>(
    taken: &[usize],
    targets: &[Vec<Option<Target>>],
    flats: &[Option<Vec<Flat<'a>>>],
    rows: usize,
) -> Vec<Vec<(usize, Vec<&'a Table>)>> {
    let mut out: Vec<Vec<(usize, Vec<&'a Table>)>> = vec![Vec::new(); rows];
    for &unit in taken {
        let Some(flat) = &flats[unit] else { continue };
        for (at, target) in targets[unit].iter().enumerate() {
            let Some(Target::Outline(row)) = target else {
                continue;
            };
            let tables: Vec<&'a Table> = flat[at]
                .section
                .blocks
                .iter()
                .filter_map(|block| match block {
                    Block::Table(table) => Some(table),
                    _ => None,
                })
                .collect();
            if tables.is_empty() {
                continue;
            }
            match out[*row].iter_mut().find(|(u, _)| *u == unit) {
                Some((_, list)) => list.extend(tables),
                None => out[*row].push((unit, tables)),
            }
        }
    }
    out
}

/// What the tables will do, for the plan: tables of another shape, rate
/// columns left empty, breakdowns given as tables.
pub(super) fn plan_notes(
    units: &[Unit],
    taken: &[usize],
    targets: &[Vec<Option<Target>>],
    flats: &[Option<Vec<Flat<'_>>>],
    rows: &[OutlineRow],
    breakdown: Breakdown,
) -> Vec<Note> {
    let names: Vec<&str> = units.iter().map(|u| u.name.as_str()).collect();
    let mut notes = Vec::new();
    for (row, contributions) in tables_by_row(taken, targets, flats, rows.len())
        .iter()
        .enumerate()
    {
        let section = &rows[row].reference;
        let groups = group(contributions);
        for (at, group) in groups.iter().enumerate() {
            if stands_apart(&groups, at) {
                let (unit, table) = group.members[0];
                notes.push(Note::TableShape {
                    unit,
                    section: section.clone(),
                    caption: table.caption.clone(),
                });
            } else if group.members.len() > 1 {
                let (summed, sum_notes) = sum(group, &names, section);
                notes.extend(sum_notes);
                if breakdown == Breakdown::Rows && with_unit_rows(&summed, group, &names).is_none()
                {
                    notes.push(Note::BreakdownAsTables {
                        section: section.clone(),
                        caption: summed.caption.clone(),
                    });
                }
            }
        }
    }
    notes
}
