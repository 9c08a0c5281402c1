//! Tables in pasted text: rows of cells separated by tabs (as Word and
//! Excel put a table on the clipboard or into a .txt), or columns aligned
//! with runs of spaces (as `pdftotext -layout` gives), with the unit line
//! ("Đvt: Người") and caption ("Bảng 1: …", "Biểu …") just above.
//!
//! Prose must never become a table: tab rows need at least two filled
//! cells and are told apart from Word's "1.<tab>Heading" list lines; space
//! aligned rows need three lines or more that split into the same number
//! (three or more) of columns at the same places, with figures in them.

use crate::table::{
    parse_number, Cell, Column, ColumnKind, Formula, Merge, Row, RowKind, Table, MAX_CELLS,
    MAX_COLUMNS,
};

/// A run of body lines: text to read line by line, or a table.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Chunk {
    Text(Vec<String>),
    Table(Table),
}

/// Collapses runs of whitespace inside a cell.
fn tidy(cell: &str) -> String {
    cell.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What numbers a list line ("I.", "1.", "a)", "•", "-") before a tab.
fn is_list_marker(cell: &str) -> bool {
    let cell = cell.trim();
    if cell.is_empty() || cell.chars().count() > 6 {
        return false;
    }
    let body = cell.trim_end_matches(['.', ')', '/', '-', ':']);
    let marker_chars = ["•", "o", "§", "-", "–", "+", "*", "▪", "◦", "●"];
    marker_chars.contains(&cell)
        || (body.len() < cell.len()
            && !body.is_empty()
            && (body.chars().all(|c| c.is_ascii_digit())
                || body.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
                || (body.chars().count() == 1 && body.chars().all(char::is_lowercase))))
        || cell.starts_with(|c: char| ('\u{f000}'..='\u{f0ff}').contains(&c))
}

/// The cells of a line with tabs, unless it is a list line copied from
/// Word ("1.<tab>Heading").
fn tab_cells(line: &str) -> Option<Vec<String>> {
    if !line.contains('\t') {
        return None;
    }
    let mut cells: Vec<String> = line.split('\t').map(tidy).collect();
    while cells.last().is_some_and(String::is_empty) {
        cells.pop();
    }
    let filled: Vec<&String> = cells.iter().filter(|c| !c.is_empty()).collect();
    if filled.is_empty() {
        return None;
    }
    if filled.len() <= 2 && is_list_marker(filled[0]) {
        return None;
    }
    Some(cells)
}

fn filled(cells: &[String]) -> usize {
    cells.iter().filter(|c| !c.is_empty()).count()
}

/// A cell that holds a figure: "12", "1.234", "95,5", "95,5%", "-".
fn is_figure(cell: &str) -> bool {
    parse_number(cell).is_some()
}

/// The unit in a unit line: "Đvt: Người", "ĐVT: người", "(Đơn vị tính:
/// người)".
pub(super) fn unit_of(line: &str) -> Option<String> {
    let line = line.trim().trim_start_matches('(').trim_end_matches(')');
    let lower = line.to_lowercase();
    for prefix in ["đvt", "đơn vị tính", "đơn vị"] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            let rest = rest.trim_start();
            if let Some(value) = rest.strip_prefix(':') {
                let at = line.len() - value.len();
                let unit = line[at..].trim();
                return (!unit.is_empty() && unit.chars().count() < 40).then(|| unit.to_owned());
            }
        }
    }
    None
}

/// A caption line: "Bảng 1: …", "Bảng 2. …", "BIỂU SỐ 01 …", "Biểu 1-TCTW".
pub(super) fn is_caption(line: &str) -> bool {
    let line = line.trim();
    let lower = line.to_lowercase();
    ["bảng ", "biểu ", "bảng:", "biểu:"]
        .iter()
        .any(|start| lower.starts_with(start))
        && line.chars().count() < 200
        && lower.split_whitespace().nth(1).is_some_and(|word| {
            word.starts_with(|c: char| c.is_ascii_digit()) || word == "số" || word.ends_with(':')
        })
}

/// Header texts that name a running number column.
fn is_number_heading(text: &str) -> bool {
    matches!(
        text.to_uppercase().trim_end_matches('.'),
        "STT" | "TT" | "SỐ TT" | "S TT"
    )
}

/// The column number row under a header: "1 2 3 4=2:3", "(1) (2) (3)",
/// "A B 1 2".
fn is_number_row(cells: &[String]) -> bool {
    let mut expected = 1;
    let mut seen = 0;
    for cell in cells.iter().filter(|c| !c.is_empty()) {
        let bare = cell.trim_start_matches('(').trim_end_matches(')');
        let digits: String = bare.chars().take_while(char::is_ascii_digit).collect();
        let rest = &bare[digits.len()..];
        if digits.is_empty() {
            if bare.chars().count() == 1 && bare.chars().all(|c| c.is_ascii_uppercase()) {
                continue;
            }
            return false;
        }
        if digits.parse::<usize>().ok() != Some(expected)
            || !(rest.is_empty() || rest.starts_with('='))
        {
            return false;
        }
        expected += 1;
        seen += 1;
    }
    seen >= 2 && seen * 2 >= cells.len()
}

/// A total row's label: "Tổng", "Tổng số …", "Tổng cộng", "Cộng",
/// "Toàn trường", "Toàn xã"; not "Tổng đàn heo" or "Tổng giá trị sản
/// xuất", figures of their own.
fn is_total(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ':')
        .filter(|w| !w.is_empty())
        .collect();
    match words.as_slice() {
        ["tổng"] | ["cộng"] => true,
        ["tổng", "số" | "cộng", ..] => true,
        ["toàn", rest @ ..] => !rest.is_empty() && rest.len() <= 2,
        _ => false,
    }
}

/// How many decimals a figure is written with ("95,5" → 1).
fn decimals(cell: &str) -> u8 {
    let cell = cell.trim().trim_end_matches('%');
    match cell.rsplit_once(',') {
        Some((_, after)) if after.len() != 3 || cell.contains('.') => after.len().min(6) as u8,
        _ => match cell.rsplit_once('.') {
            Some((_, after)) if after.len() != 3 => after.len().min(6) as u8,
            _ => 0,
        },
    }
}

/// Makes a table of the rows of cells read (`grid`), with the header rows
/// at its top (`header_rows` when known; otherwise the leading rows
/// without figures), the column number row, totals, labels and unit.
fn build(
    mut grid: Vec<Vec<String>>,
    header_rows: Option<usize>,
    mut unit: String,
) -> Option<Table> {
    // A unit written in a row of its own at the top ("\t\tĐvt: người").
    while let Some(first) = grid.first() {
        let only: Vec<&String> = first.iter().filter(|c| !c.is_empty()).collect();
        match (only.as_slice(), only.first().and_then(|c| unit_of(c))) {
            ([_], Some(found)) => {
                unit = found;
                grid.remove(0);
            }
            _ => break,
        }
    }
    let width = grid.iter().map(Vec::len).max()?;
    // Too wide or too big for a table of the editor: left as text.
    if width < 2 || grid.len() < 2 || width > MAX_COLUMNS || width * grid.len() > MAX_CELLS {
        return None;
    }
    for row in &mut grid {
        row.resize(width, String::new());
    }
    let figures = |row: &[String]| row.iter().skip(1).filter(|c| is_figure(c)).count();
    let any_figures = grid.iter().any(|row| figures(row) > 0);
    let header_count = header_rows.unwrap_or_else(|| {
        if !any_figures {
            return 1;
        }
        let mut count = 0;
        for (index, row) in grid.iter().enumerate().take(3) {
            let label_only = filled(row) == 1 && !row[0].is_empty();
            if figures(row) > 0 || is_number_row(row) || (index > 0 && label_only) {
                break;
            }
            count += 1;
        }
        count
    });
    let header_count = header_count.min(grid.len() - 1);
    let mut body: Vec<Vec<String>> = grid.split_off(header_count);
    let header = grid;
    let number_row = body.first().is_some_and(|row| is_number_row(row));
    if number_row {
        body.remove(0);
    }
    if body.is_empty() {
        return None;
    }
    let first_header = |col: usize| {
        header
            .iter()
            .map(|row| row[col].as_str())
            .find(|t| !t.is_empty())
            .unwrap_or("")
    };
    // "Tổng số" as the last row sums the rows above. As the first row it
    // is the total when the rows below add up to it (the Biểu shape, total
    // first); a breakdown ("Tổng số đảng viên", then "Trong đó: nữ") does
    // not, and it stays a row of figures, so that no check compares it
    // with them.
    let last = body.len() - 1;
    let shares: Vec<bool> = (0..width)
        .map(|col| {
            let heading = header
                .iter()
                .map(|row| row[col].to_lowercase())
                .collect::<Vec<_>>()
                .join(" ");
            heading.contains('%') || heading.contains("tỷ lệ") || heading.contains("tỉ lệ")
        })
        .collect();
    let kinds: Vec<RowKind> = body
        .iter()
        .enumerate()
        .map(|(index, row)| {
            let first_text = row.iter().take(2).find(|c| !c.is_empty() && !is_figure(c));
            let total_label = first_text.is_some_and(|t| is_total(t));
            if total_label && (index == last || index == 0 && last > 0 && adds_up(&body, &shares)) {
                RowKind::Total
            } else if filled(row) == 1 && first_text.is_some() {
                RowKind::Label
            } else {
                RowKind::Data
            }
        })
        .collect();
    let columns: Vec<Column> = (0..width)
        .map(|col| {
            let cells: Vec<&str> = body
                .iter()
                .zip(&kinds)
                .filter(|(_, kind)| **kind != RowKind::Label)
                .map(|(row, _)| row[col].as_str())
                .filter(|c| !c.is_empty())
                .collect();
            let numeric = col > 0
                && !is_number_heading(first_header(col))
                && !cells.is_empty()
                && cells.iter().all(|c| is_figure(c));
            Column {
                id: col as u64 + 1,
                kind: if numeric {
                    ColumnKind::Number {
                        decimals: cells.iter().map(|c| decimals(c)).max().unwrap_or(0),
                    }
                } else {
                    ColumnKind::Text
                },
                ..Column::default()
            }
        })
        .collect();
    let rows = body
        .into_iter()
        .zip(kinds)
        .map(|(cells, kind)| Row {
            kind,
            cells: cells
                .into_iter()
                .zip(&columns)
                .map(|(text, column)| Cell {
                    // A total typed in the text stays as typed; the format
                    // check compares it with its rows.
                    typed: kind == RowKind::Total
                        && matches!(column.kind, ColumnKind::Number { .. })
                        && !text.is_empty(),
                    text,
                })
                .collect(),
            ..Row::default()
        })
        .collect();
    let mut table = Table {
        unit,
        columns,
        header,
        number_row,
        rows,
        ..Table::default()
    };
    table.merges = header_merges(&table.header);
    infer_formulas(&mut table, &shares);
    follow_agreeing_totals(&mut table);
    table.make_sane();
    // A cell of pages (a paragraph pasted after a tab) is not a table's.
    table.trouble().is_none().then_some(table)
}

/// The merged cells of a header of two rows or more, as Word's text shows
/// them: a heading followed by empty places over headings below it spans
/// those columns ("Kết quả học tập" over "Tốt | Khá | Đạt"); a heading with
/// nothing under it spans down ("Khối").
fn header_merges(header: &[Vec<String>]) -> Vec<Merge> {
    let mut merges = Vec::new();
    let height = header.len();
    if height < 2 {
        return merges;
    }
    let below_has_text = |r: usize, c: usize| (r + 1..height).any(|b| !header[b][c].is_empty());
    for r in 0..height - 1 {
        let width = header[r].len();
        for c in 0..width {
            if header[r][c].is_empty() {
                continue;
            }
            let cols = 1
                + (c + 1..width)
                    .take_while(|&k| header[r][k].is_empty() && below_has_text(r, k))
                    .count();
            let rows = if cols == 1 {
                1 + (r + 1..height)
                    .take_while(|&b| header[b][c].is_empty())
                    .count()
            } else {
                1
            };
            if cols > 1 || rows > 1 {
                merges.push(Merge {
                    row: r,
                    col: c,
                    rows,
                    cols,
                });
            }
        }
    }
    merges
}

/// The formula a column of figures follows, when every row's figure agrees
/// with it: a "Tổng số" column the sum of the other figures (those to its
/// right, or all others); a column of shares ("Tỷ lệ (%)", "So với cùng kỳ
/// (%)") a percentage of two columns, or each row's share of the total
/// row. The column becomes computed, its agreeing figures cleared and the
/// others kept as typed.
fn infer_formulas(table: &mut Table, shares: &[bool]) {
    let numbers: Vec<usize> = (1..table.width())
        .filter(|&c| matches!(table.columns[c].kind, ColumnKind::Number { .. }))
        .collect();
    let id = |table: &Table, c: usize| table.columns[c].id;
    for &c in &numbers {
        let ColumnKind::Number { decimals } = table.columns[c].kind else {
            continue;
        };
        let heading = table
            .header
            .iter()
            .map(|row| row[c].to_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        let mut candidates = Vec::new();
        if shares[c] {
            let compares = heading.contains("so với") || heading.contains("so sánh");
            for &a in numbers.iter().filter(|&&a| a != c && !shares[a]) {
                for &b in numbers.iter().filter(|&&b| b != c && b != a && !shares[b]) {
                    let (a, b) = (id(table, a), id(table, b));
                    candidates.push(if compares {
                        Formula::Ratio { a, b }
                    } else {
                        Formula::Percent { part: a, whole: b }
                    });
                }
            }
            for &a in numbers.iter().filter(|&&a| a != c && !shares[a]) {
                candidates.push(Formula::Share { part: id(table, a) });
            }
        } else if ["tổng", "cộng", "sĩ số"]
            .iter()
            .any(|w| heading.trim_start().starts_with(w))
        {
            let others = |keep: &dyn Fn(usize) -> bool| -> Vec<u64> {
                numbers
                    .iter()
                    .filter(|&&o| o != c && !shares[o] && keep(o))
                    .map(|&o| id(table, o))
                    .collect()
            };
            for columns in [others(&|o| o > c), others(&|_| true)] {
                if columns.len() >= 2 {
                    candidates.push(Formula::Sum { columns });
                }
            }
        }
        let mut found = false;
        for formula in candidates {
            let mut trial = table.clone();
            trial.columns[c].kind = ColumnKind::Computed {
                formula: formula.clone(),
                decimals,
            };
            for row in &mut trial.rows {
                if let Some(cell) = row.cells.get_mut(c) {
                    *cell = Cell::default();
                }
            }
            let values = crate::table::compute(&trial);
            let mut compared = 0;
            let agrees = table.rows.iter().enumerate().all(|(r, row)| {
                let Some(typed) = row.cells.get(c).and_then(|cell| parse_number(&cell.text)) else {
                    return true;
                };
                compared += 1;
                let tolerance = 0.5 * 10f64.powi(-i32::from(decimals)) + 1e-6;
                values[r][c].is_some_and(|value| (value - typed).abs() <= tolerance)
            });
            if agrees && compared >= 2 {
                // A "percentage" above 100 is a ratio against another
                // figure ("kỳ này so với cùng kỳ"), not a share.
                let above_hundred = table.rows.iter().any(|row| {
                    row.cells
                        .get(c)
                        .and_then(|cell| parse_number(&cell.text))
                        .is_some_and(|value| value > 100.0 + 1e-9)
                });
                let formula = match formula {
                    Formula::Percent { part, whole } if above_hundred => {
                        Formula::Ratio { a: part, b: whole }
                    }
                    other => other,
                };
                table.columns[c].kind = ColumnKind::Computed { formula, decimals };
                for row in &mut table.rows {
                    if let Some(cell) = row.cells.get_mut(c) {
                        *cell = Cell::default();
                    }
                }
                found = true;
                break;
            }
        }
        // Shares no formula gives ("Tỷ lệ hoàn thành (%)" of two columns
        // together) do not add up: their total row would be worked out as
        // their sum. They are kept as written, as words.
        let in_total = table.rows.iter().any(|row| {
            row.kind == RowKind::Total && row.cells.get(c).is_some_and(|cell| !cell.text.is_empty())
        });
        if shares[c] && !found && in_total {
            table.columns[c].kind = ColumnKind::Text;
            for row in &mut table.rows {
                if let Some(cell) = row.cells.get_mut(c) {
                    cell.typed = false;
                }
            }
        }
    }
}

/// True when the first row's figures are the sums of the rows below it,
/// column by column, wherever it has a figure (and it has one), leaving
/// out columns of shares and ratios (`shares`), which do not add up.
fn adds_up(body: &[Vec<String>], shares: &[bool]) -> bool {
    let Some((first, rest)) = body.split_first() else {
        return false;
    };
    let mut compared = 0;
    for (col, text) in first.iter().enumerate().skip(1) {
        if shares.get(col).copied().unwrap_or(false) {
            continue;
        }
        let Some(total) = parse_number(text) else {
            continue;
        };
        let sum: f64 = rest
            .iter()
            .filter_map(|row| row.get(col).and_then(|c| parse_number(c)))
            .sum();
        if (total - sum).abs() > 0.5 * 10f64.powi(-i32::from(decimals(text))) + 1e-9 {
            return false;
        }
        compared += 1;
    }
    compared > 0
}

/// A typed total that agrees with the rows above it is cleared, so that it
/// is computed from them from now on; one that disagrees stays typed, and
/// the format check points at it.
fn follow_agreeing_totals(table: &mut Table) {
    let numeric: Vec<Option<u8>> = table
        .columns
        .iter()
        .map(|column| match column.kind {
            ColumnKind::Number { decimals } => Some(decimals),
            _ => None,
        })
        .collect();
    let sums: Vec<Option<f64>> = numeric
        .iter()
        .enumerate()
        .map(|(col, kind)| {
            kind.map(|_| {
                table
                    .rows
                    .iter()
                    .filter(|row| row.kind == RowKind::Data)
                    .filter_map(|row| row.cells.get(col).and_then(|c| parse_number(&c.text)))
                    .sum()
            })
        })
        .collect();
    for row in table
        .rows
        .iter_mut()
        .filter(|row| row.kind == RowKind::Total)
    {
        for (cell, (sum, kind)) in row.cells.iter_mut().zip(sums.iter().zip(&numeric)) {
            let (Some(sum), Some(_)) = (sum, kind) else {
                continue;
            };
            let agrees = parse_number(&cell.text).is_some_and(|typed| {
                (typed - sum).abs() <= 0.5 * 10f64.powi(-i32::from(decimals(&cell.text))) + 1e-9
            });
            if agrees || cell.text.trim().is_empty() {
                *cell = Cell::default();
            }
        }
    }
}

/// The most lines an aligned table's core is looked for over, so that a
/// long run of lines alike is read in linear time.
const MAX_ALIGNED_ROWS: usize = 500;

/// A cell of a space-aligned line: its text and where it stands, in
/// characters from the line's start.
#[derive(Clone, Debug)]
pub(super) struct Span {
    start: usize,
    end: usize,
    text: String,
}

/// Cuts a line at runs of two or more spaces, keeping where each cell is.
fn spans(line: &str) -> Vec<Span> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        if chars[at].is_whitespace() {
            at += 1;
            continue;
        }
        let start = at;
        let mut end = at;
        while end < chars.len() {
            if chars[end].is_whitespace() {
                let gap = chars[end..]
                    .iter()
                    .take_while(|c| c.is_whitespace())
                    .count();
                if gap >= 2 || end + gap == chars.len() || chars[end] == '\t' {
                    break;
                }
                end += gap;
            } else {
                end += 1;
            }
        }
        out.push(Span {
            start,
            end,
            text: chars[start..end].iter().collect(),
        });
        at = end;
    }
    out
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// `line` with a cell that runs over two columns cut before its last
/// word when that word is a figure: "Toàn trường 1.046", where the text
/// left one space before the number.
fn split_runs(line: &[Span], zones: &[(usize, usize)]) -> Vec<Span> {
    let mut out = Vec::new();
    for span in line {
        let covered = zones
            .iter()
            .filter(|&&zone| overlaps((span.start, span.end), zone))
            .count();
        let cut = span
            .text
            .rsplit_once(' ')
            .filter(|(before, word)| covered > 1 && is_figure(word) && !is_figure(before));
        match cut {
            Some((before, word)) => {
                let before_chars = before.chars().count();
                out.push(Span {
                    start: span.start,
                    end: span.start + before_chars,
                    text: before.to_owned(),
                });
                out.push(Span {
                    start: span.end - word.chars().count(),
                    end: span.end,
                    text: word.to_owned(),
                });
            }
            None => out.push(span.clone()),
        }
    }
    out
}

/// True when `line`'s cells stand in the columns `zones` one to a column.
fn fits(line: &[Span], zones: &[(usize, usize)]) -> Option<Vec<usize>> {
    let mut taken = Vec::new();
    for span in line {
        let hits: Vec<usize> = (0..zones.len())
            .filter(|&z| overlaps((span.start, span.end), zones[z]))
            .collect();
        let [zone] = hits[..] else { return None };
        if taken.last().is_some_and(|&last| last >= zone) {
            return None;
        }
        taken.push(zone);
    }
    Some(taken)
}

/// The aligned table whose core starts at line `start` of `lines`, if
/// any: its first and last line (the header lines above included) and
/// the table.
fn aligned_table(all: &[Vec<Span>], start: usize) -> Option<(usize, usize, Table)> {
    let lines = all;
    let count = all[start].len();
    if !(3..=MAX_COLUMNS).contains(&count) {
        return None;
    }
    // The core: lines with the same number of cells, each column's cells
    // overlapping the line above's.
    let mut end = start + 1;
    while end < lines.len()
        && end - start < MAX_ALIGNED_ROWS
        && all[end].len() == count
        && (0..count).all(|k| {
            let (a, b) = (&all[end - 1][k], &all[end][k]);
            overlaps((a.start, a.end), (b.start, b.end))
                && (k + 1 >= count || b.end <= all[end - 1][k + 1].start)
                && (k == 0 || b.start >= all[end - 1][k - 1].end)
        })
    {
        end += 1;
    }
    if end - start < 3 {
        return None;
    }
    let with_figures = all[start..end]
        .iter()
        .filter(|line| line.iter().skip(1).filter(|s| is_figure(&s.text)).count() >= 2)
        .count();
    if with_figures < 2 {
        return None;
    }
    let mut zones: Vec<(usize, usize)> = (0..count)
        .map(|k| {
            let lo = all[start..end]
                .iter()
                .map(|l| l[k].start)
                .min()
                .unwrap_or(0);
            let hi = all[start..end].iter().map(|l| l[k].end).max().unwrap_or(0);
            (lo, hi)
        })
        .collect();
    // The first column reaches back to the line's start (labels indent).
    zones[0].0 = 0;
    let place = |line: &[Span], at: &[usize]| {
        let mut row = vec![String::new(); count];
        for (span, &zone) in line.iter().zip(at) {
            row[zone] = span.text.clone();
        }
        row
    };
    let mut grid: Vec<Vec<String>> = all[start..end]
        .iter()
        .map(|line| place(line, &(0..count).collect::<Vec<_>>()))
        .collect();
    // Rows below with empty cells, and "Chia ra:" lines between rows.
    let mut last = end;
    while last < lines.len() && last - start < MAX_ALIGNED_ROWS {
        let line = split_runs(&all[last], &zones);
        match fits(&line, &zones) {
            Some(at) if at.len() >= 2 => {
                grid.push(place(&line, &at));
                last += 1;
            }
            Some(at)
                if at.len() == 1
                    && last + 1 < lines.len()
                    && fits(&split_runs(&all[last + 1], &zones), &zones)
                        .is_some_and(|next| next.len() >= 2) =>
            {
                grid.push(place(&line, &at));
                last += 1;
            }
            _ => break,
        }
    }
    // Header lines above: cells in the columns' places, a header cell
    // wrapped over several lines joined ("Chưa" over "đạt"). A unit line
    // standing in the last column's place is not one.
    let zone_of = |line: &[Span]| -> Option<Vec<usize>> {
        let mut at: Vec<usize> = Vec::new();
        for span in line {
            let zone = (0..count)
                .filter(|&z| overlaps((span.start, span.end.max(span.start + 1)), zones[z]))
                .min()?;
            if at.contains(&zone) {
                return None;
            }
            at.push(zone);
        }
        (!at.is_empty()).then_some(at)
    };
    let mut above: Vec<(usize, Vec<usize>)> = Vec::new();
    while above.len() < 4 {
        let index = start - above.len();
        if index == 0 {
            break;
        }
        match zone_of(&all[index - 1]) {
            Some(at) => above.push((index - 1, at)),
            None => break,
        }
    }
    while above.last().is_some_and(|(_, at)| at.len() < 2) {
        above.pop();
    }
    let first = above.last().map_or(start, |(index, _)| *index);
    let header_lines = above.len();
    let mut header = vec![String::new(); count];
    for (index, at) in above.iter().rev() {
        for (span, &zone) in all[*index].iter().zip(at) {
            let cell = &mut header[zone];
            if !cell.is_empty() {
                cell.push(' ');
            }
            cell.push_str(&span.text);
        }
    }
    if header_lines > 0 {
        grid.insert(0, header);
    }
    let table = build(grid, None, String::new())?;
    Some((first, last, table))
}

/// The longest line a table pasted one cell per line holds.
const MAX_CELL_LINE_CHARS: usize = 50;
/// The most lines such a table is looked for over.
const MAX_CELL_LINES: usize = 600;

/// A line that may be a cell of a table pasted one cell per line: short,
/// not a sentence, without tabs.
fn is_cell_line(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty()
        && line.chars().count() <= MAX_CELL_LINE_CHARS
        && !line.ends_with(['.', ';', ':', ','])
        && !line.contains('\t')
}

/// A table that came out of Word with one cell per line (the header's `k`
/// cells, then each row's `k`): lines from `start`, when some `k` from 3 to
/// 12 makes a header without figures and two rows or more whose figures
/// stand in the same places, two or more of them. `figures` tells which
/// lines are figures; `short_end` is where the
/// run of cell lines from `start` ends (`is_cell_line`). Gives its last
/// line and the table. Short lines of prose have no figures in fixed places, so they
/// never fit.
fn cell_per_line_table(
    lines: &[&str],
    figures: &[bool],
    start: usize,
    short_end: usize,
) -> Option<(usize, Table)> {
    // A header's first cell is words.
    if short_end <= start || figures[start] {
        return None;
    }
    let run = (short_end - start).min(MAX_CELL_LINES);
    let cells = &figures[start..start + run];
    let mut best: Option<(usize, usize)> = None;
    for k in 3..=12 {
        if run < 3 * k {
            break;
        }
        if cells[..k].iter().any(|figure| *figure) {
            continue;
        }
        let first = &cells[k..2 * k];
        if first.iter().skip(1).filter(|f| **f).count() < 2 {
            continue;
        }
        let rows = cells[k..]
            .chunks_exact(k)
            .take_while(|chunk| *chunk == first)
            .count();
        if rows >= 2 && best.is_none_or(|(_, covered)| rows * k + k > covered) {
            best = Some((k, rows * k + k));
        }
    }
    let (k, covered) = best?;
    let grid: Vec<Vec<String>> = lines[start..start + covered]
        .chunks_exact(k)
        .map(|chunk| chunk.iter().map(|c| tidy(c)).collect())
        .collect();
    let table = build(grid, Some(1), String::new())?;
    Some((start + covered, table))
}

/// The lines with tabs from `at` (and "Chia ra:" lines between them, typed
/// without a tab), as rows of cells, and where they end.
fn tab_run(lines: &[&str], at: usize) -> (usize, Vec<Vec<String>>) {
    let mut end = at;
    let mut rows = Vec::new();
    loop {
        if let Some(cells) = lines.get(end).and_then(|line| tab_cells(line)) {
            rows.push(cells);
            end += 1;
            continue;
        }
        let label = lines.get(end).map_or("", |line| line.trim());
        let next_is_row = lines
            .get(end + 1)
            .and_then(|line| tab_cells(line))
            .is_some();
        if !rows.is_empty() && next_is_row && !label.is_empty() && label.chars().count() < 60 {
            rows.push(vec![tidy(label)]);
            end += 1;
            continue;
        }
        return (end, rows);
    }
}

/// Cuts the body's lines into text and tables, taking each table's caption
/// and unit line from just above it.
#[cfg(test)]
pub(super) fn split_tables(text: &str) -> Vec<Chunk> {
    split_tables_with(text, &mut [])
}

/// The line that stands for the table `index` of a list handed in ready
/// made (a Word file's tables): a private-use character and the index.
pub(super) fn table_mark(index: usize) -> String {
    format!("{TABLE_MARK}{index}")
}

/// The character that starts a ready-made table's line. Text from a file
/// has it removed first (`super::read_pieces`).
pub(super) const TABLE_MARK: char = '\u{f8ff}';

/// The ready-made table a line stands for, taken out of `ready`.
fn ready_table(line: &str, ready: &mut [Option<Table>]) -> Option<Table> {
    let index: usize = line.trim().strip_prefix(TABLE_MARK)?.parse().ok()?;
    ready.get_mut(index)?.take()
}

/// `split_tables`, with the lines `table_mark` wrote standing for the
/// tables in `ready` (each taking its caption and unit from above it too).
/// The text between two ready tables is read on its own, so that no table
/// found in it runs over a ready one.
pub(super) fn split_tables_with(text: &str, ready: &mut [Option<Table>]) -> Vec<Chunk> {
    if ready.is_empty() {
        return split_text(text);
    }
    let mut chunks = Vec::new();
    let mut segment: Vec<&str> = Vec::new();
    for line in text.split('\n') {
        let Some(mut table) = ready_table(line, ready) else {
            segment.push(line);
            continue;
        };
        if !segment.is_empty() {
            let mut before = split_text(&segment.join("\n"));
            segment.clear();
            if let Some(Chunk::Text(lines)) = before.last_mut() {
                take_caption(lines, &mut table);
                if lines.is_empty() {
                    before.pop();
                }
            }
            chunks.extend(before);
        }
        chunks.push(Chunk::Table(table));
    }
    if !segment.is_empty() {
        chunks.extend(split_text(&segment.join("\n")));
    }
    chunks
}

/// Cuts lines of text (no ready tables among them) into text and tables.
fn split_text(text: &str) -> Vec<Chunk> {
    let all = text.split('\n').map(line_spans).collect();
    split_tables_spanned(text, all)
}

/// The runs of text of one line of `text.split('\n')` (a carriage return
/// at its end left out), which `split_tables_spanned` takes for each line:
/// the costly part of finding tables, which a reader in slices works out
/// a slice of lines at a time.
pub(super) fn line_spans(line: &str) -> Vec<Span> {
    spans(line.trim_end_matches('\r'))
}

/// `split_tables` with each line's spans (`line_spans`) worked out already.
pub(super) fn split_tables_spanned(text: &str, all: Vec<Vec<Span>>) -> Vec<Chunk> {
    let lines: Vec<&str> = text.split('\n').map(|l| l.trim_end_matches('\r')).collect();
    debug_assert_eq!(all.len(), lines.len());
    let figures: Vec<bool> = lines.iter().map(|line| is_figure(line)).collect();
    let mut chunks = Vec::new();
    let mut pending: Vec<String> = Vec::new();
    let mut at = 0;
    // The end of the last run of tab lines that made no table: a run
    // starting inside it makes none either (it has no more filled rows).
    let mut no_table_before = 0;
    // Where the run of short lines from `at` ends, once looked for.
    let mut short_end = 0;
    while at < lines.len() {
        // Tab rows.
        let (end, rows) = if at >= no_table_before {
            tab_run(&lines, at)
        } else {
            (at, Vec::new())
        };
        let table = if rows.iter().filter(|row| filled(row) >= 2).count() >= 2 {
            build(rows, None, String::new()).map(|table| (at, end, table))
        } else {
            None
        };
        if table.is_none() && end > at {
            no_table_before = end;
        }
        let table = table
            .or_else(|| {
                (!lines[at].contains('\t'))
                    .then(|| aligned_table(&all, at))
                    .flatten()
            })
            .or_else(|| {
                if short_end <= at {
                    short_end = at
                        + lines[at..]
                            .iter()
                            .take_while(|line| is_cell_line(line))
                            .count();
                }
                cell_per_line_table(&lines, &figures, at, short_end)
                    .map(|(last, table)| (at, last, table))
            });
        match table {
            Some((first, last, mut table)) => {
                // Header lines of an aligned table were already kept as text.
                let keep = pending.len() - (at - first).min(pending.len());
                pending.truncate(keep);
                take_caption(&mut pending, &mut table);
                if !pending.is_empty() {
                    chunks.push(Chunk::Text(std::mem::take(&mut pending)));
                }
                chunks.push(Chunk::Table(table));
                at = last.max(at + 1);
            }
            None => {
                pending.push(lines[at].to_owned());
                at += 1;
            }
        }
    }
    if !pending.is_empty() {
        chunks.push(Chunk::Text(pending));
    }
    chunks
}

/// Takes the unit line and the caption from the end of `lines` (blank
/// lines between them allowed) into `table`.
fn take_caption(lines: &mut Vec<String>, table: &mut Table) {
    let last_filled = |lines: &Vec<String>| lines.iter().rposition(|line| !line.trim().is_empty());
    for _ in 0..2 {
        let Some(index) = last_filled(lines) else {
            return;
        };
        let line = lines[index].trim().to_owned();
        if table.unit.is_empty() {
            if let Some(unit) = unit_of(&line) {
                table.unit = unit;
                lines.truncate(index);
                continue;
            }
            // "Bảng 1: …        Đvt: người" on one line.
            let cells = spans(&lines[index]);
            if let [caption, unit] = &cells[..] {
                if let (true, Some(unit)) = (is_caption(&caption.text), unit_of(&unit.text)) {
                    table.unit = unit;
                    table.caption = caption.text.clone();
                    lines.truncate(index);
                    return;
                }
            }
        }
        if table.caption.is_empty() && is_caption(&line) {
            table.caption = tidy(&line);
            lines.truncate(index);
            continue;
        }
        return;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(text: &str) -> Vec<Table> {
        split_tables(text)
            .into_iter()
            .filter_map(|chunk| match chunk {
                Chunk::Table(table) => Some(table),
                Chunk::Text(_) => None,
            })
            .collect()
    }

    #[test]
    fn tab_rows_with_caption_unit_number_row_and_total() {
        let text = "Trước bảng.\nBảng 1: Kết quả xếp loại đảng viên\nĐvt: Người\nChỉ tiêu\tKỳ này\tCùng kỳ\tTỷ lệ (%)\n1\t2\t3\t4=2:3\nTổng số đảng viên\t45\t43\t104,65\nChia ra:\n- Nam\t20\t19\t105,26\n- Nữ\t25\t24\t104,17\nSau bảng.";
        let chunks = split_tables(text);
        assert_eq!(chunks.len(), 3, "{chunks:#?}");
        assert_eq!(chunks[0], Chunk::Text(vec!["Trước bảng.".into()]));
        let Chunk::Table(table) = &chunks[1] else {
            panic!()
        };
        assert_eq!(table.caption, "Bảng 1: Kết quả xếp loại đảng viên");
        assert_eq!(table.unit, "Người");
        assert_eq!(
            table.header,
            vec![vec!["Chỉ tiêu", "Kỳ này", "Cùng kỳ", "Tỷ lệ (%)"]]
        );
        assert!(table.number_row);
        assert_eq!(table.rows.len(), 4);
        // A total first, which the rows below add up to (the share column
        // left out): computed from them.
        assert_eq!(table.rows[0].kind, RowKind::Total);
        assert_eq!(crate::table::view(table).rows[0].cells[1].text, "45");
        assert_eq!(table.rows[1].kind, RowKind::Label);
        assert_eq!(table.rows[3].cells[0].text, "- Nữ");
        // "Tỷ lệ (%)" is "Kỳ này" over "Cùng kỳ" in every row: computed,
        // as a ratio since it goes above 100.
        assert_eq!(
            table.columns[3].kind,
            ColumnKind::Computed {
                formula: Formula::Ratio { a: 2, b: 3 },
                decimals: 2
            }
        );
        assert_eq!(chunks[2], Chunk::Text(vec!["Sau bảng.".into()]));
    }

    #[test]
    fn a_total_first_is_the_total_when_the_rows_below_add_up_to_it() {
        let rating = "Xếp loại\tSố lượng\nTổng số đảng viên\t27\nHoàn thành xuất sắc\t4\nHoàn thành tốt\t19\nHoàn thành\t4";
        let [table] = &tables(rating)[..] else {
            panic!()
        };
        assert_eq!(table.rows[0].kind, RowKind::Total);
        assert_eq!(table.rows[0].cells[1].text, "");
        assert_eq!(crate::table::view(table).rows[0].cells[1].text, "27");
        let breakdown = "Chỉ tiêu\tSố lượng\nTổng số đảng viên\t418\nTrong đó: nữ\t131\nDự bị\t14";
        let [table] = &tables(breakdown)[..] else {
            panic!()
        };
        assert_eq!(table.rows[0].kind, RowKind::Data);
        assert_eq!(table.rows[0].cells[1].text, "418");
    }

    #[test]
    fn sums_percentages_ratios_and_shares_become_computed_columns() {
        let kind = |table: &Table, c: usize| table.columns[c].kind.clone();
        // Biểu 1-TCTW: "kỳ này so với cùng kỳ (%)" is column 2 ÷ column 3.
        let text = "Chỉ tiêu\tKỳ này\tCùng kỳ\tKỳ này so với cùng kỳ (%)\nĐầu kỳ\t26\t25\t104,0\nKết nạp\t2\t1\t200,0\nCuối kỳ\t27\t26\t103,8";
        let [table] = &tables(text)[..] else { panic!() };
        let (a, b) = (table.columns[1].id, table.columns[2].id);
        assert_eq!(
            kind(table, 3),
            ColumnKind::Computed {
                formula: Formula::Ratio { a, b },
                decimals: 1
            }
        );
        let view = crate::table::view(table);
        assert_eq!(view.rows[2].cells[3].text, "103,8");
        assert!(view.rows[2].cells[3].computed);
        // A rating: each level's share of the total row.
        let text = "Xếp loại\tSố lượng\tTỷ lệ (%)\nXuất sắc\t4\t14,8\nTốt\t19\t70,4\nHoàn thành\t4\t14,8\nTổng số\t27\t100";
        let [table] = &tables(text)[..] else { panic!() };
        let part = table.columns[1].id;
        assert_eq!(
            kind(table, 2),
            ColumnKind::Computed {
                formula: Formula::Share { part },
                decimals: 1
            }
        );
        // A "Tổng số" column: the sum of the levels to its right; a share
        // of it.
        let text = "Khối\tTổng số\tTốt\tKhá\tĐạt\tTỷ lệ tốt (%)\n6\t100\t20\t50\t30\t20,0\n7\t90\t30\t40\t20\t33,3";
        let [table] = &tables(text)[..] else { panic!() };
        let ids: Vec<u64> = table.columns.iter().map(|c| c.id).collect();
        assert_eq!(
            kind(table, 1),
            ColumnKind::Computed {
                formula: Formula::Sum {
                    columns: vec![ids[2], ids[3], ids[4]]
                },
                decimals: 0
            }
        );
        assert!(matches!(
            kind(table, 5),
            ColumnKind::Computed {
                formula: Formula::Percent { .. },
                ..
            }
        ));
        // Shares of two columns together, with a total row: kept as
        // written, not summed.
        let text = "Lớp\tSĩ số\tTốt\tĐạt\tTỷ lệ đạt trở lên (%)\n1\t30\t10\t17\t90,0\n2\t20\t5\t15\t100,0\nCộng\t50\t15\t32\t94,0";
        let [table] = &tables(text)[..] else { panic!() };
        assert_eq!(kind(table, 4), ColumnKind::Text);
        assert_eq!(crate::table::view(table).rows[2].cells[4].text, "94,0");
        // A figure that fits no formula leaves its column typed.
        let text = "Khối\tTổng số\tTốt\tKhá\n6\t100\t20\t50\n7\t90\t30\t60";
        let [table] = &tables(text)[..] else { panic!() };
        assert_eq!(kind(table, 1), ColumnKind::Number { decimals: 0 });
    }

    #[test]
    fn a_two_row_header_from_word_keeps_its_merged_cells() {
        let text = "Khối\tTổng số\tKết quả học tập\t\t\t\n\t\tTốt\tKhá\tĐạt\tChưa đạt\n6\t98\t20\t41\t35\t2\n7\t95\t19\t40\t34\t2";
        let [table] = &tables(text)[..] else { panic!() };
        assert_eq!(table.header.len(), 2);
        let merge = |row, col, rows, cols| Merge {
            row,
            col,
            rows,
            cols,
        };
        assert_eq!(
            table.merges,
            [merge(0, 0, 2, 1), merge(0, 1, 2, 1), merge(0, 2, 1, 4)]
        );
        let view = crate::table::view(table);
        assert_eq!(view.header[0].len(), 3);
        assert_eq!(view.header[0][2].col_span, 4);
    }

    #[test]
    fn word_list_lines_with_a_tab_are_not_a_table() {
        let text = "I.\tKẾT QUẢ\n1.\tThuận lợi\n•\tCơ sở vật chất.\no\tPhòng học mới.\na)\tĐiểm a";
        assert!(tables(text).is_empty());
    }

    #[test]
    fn a_stt_column_stays_text_and_text_tables_read() {
        let text = "STT\tHọ và tên\tChức vụ\tXếp loại\n1\tNguyễn Văn An\tBí thư\tHoàn thành tốt\n2\tTrần Thị Bình\tPhó Bí thư\tHoàn thành xuất sắc";
        let [table] = &tables(text)[..] else { panic!() };
        assert_eq!(table.header.len(), 1);
        assert_eq!(table.rows.len(), 2);
        assert!(table.columns.iter().all(|c| c.kind == ColumnKind::Text));
    }

    #[test]
    fn space_aligned_columns_as_pdftotext_layout_gives() {
        let text = "Bảng 2. Kết quả học tập theo khối\n                                                   Đvt: học sinh\n  Khối        Tổng số     Tốt      Khá     Đạt   Chưa đạt\n  Khối 10        420       98      201     110        11\n  Khối 11        398      105      187      99         7\n  Khối 12        376      121      170      82         3\n  Cộng         1.194      324      558     291         9\nSau bảng là một câu văn bình thường.";
        let chunks = split_tables(text);
        let tables: Vec<&Table> = chunks
            .iter()
            .filter_map(|c| match c {
                Chunk::Table(t) => Some(t),
                Chunk::Text(_) => None,
            })
            .collect();
        let [table] = tables[..] else {
            panic!("{chunks:#?}")
        };
        assert_eq!(table.caption, "Bảng 2. Kết quả học tập theo khối");
        assert_eq!(table.unit, "học sinh");
        assert_eq!(
            table.header,
            vec![vec!["Khối", "Tổng số", "Tốt", "Khá", "Đạt", "Chưa đạt"]]
        );
        assert_eq!(table.rows.len(), 4);
        assert_eq!(table.rows[3].kind, RowKind::Total);
        // 420 + 398 + 376: the typed total agrees, so it is computed now.
        assert!(!table.rows[3].cells[1].typed);
        assert_eq!(table.rows[3].cells[1].text, "");
        assert_eq!(crate::table::view(table).rows[3].cells[1].text, "1.194");
        // 11 + 7 + 3 is 21, not 9 as typed: kept as typed, for the check.
        assert!(table.rows[3].cells[5].typed);
        assert_eq!(table.rows[3].cells[5].text, "9");
        assert_eq!(
            chunks.last(),
            Some(&Chunk::Text(vec![
                "Sau bảng là một câu văn bình thường.".into()
            ]))
        );
    }

    #[test]
    fn justified_prose_with_double_spaces_is_not_a_table() {
        let text = "Đảng  ủy  trường  luôn  quan  tâm  lãnh  đạo  thực  hiện  nhiệm  vụ\nchính  trị  của  nhà  trường,  đạt  nhiều  kết  quả  quan  trọng  trong\nnăm  học  2023  -  2024,  tỷ  lệ  tốt  nghiệp  đạt  99,5  %  và  12  giải\ncấp  tỉnh  được  trao  cho  học  sinh  của  trường  trong  năm  qua.";
        assert!(tables(text).is_empty());
    }

    #[test]
    fn the_seed_has_no_tables() {
        let seed = include_str!("../../tests/fixtures/bao-cao-tong-ket-thpt-lap-vo-2.txt");
        assert!(tables(seed).is_empty());
    }

    #[test]
    fn paragraphs_indented_with_a_tab_are_not_a_table() {
        let text = "\tNăm học qua, nhà trường đạt nhiều kết quả.\n\tĐội ngũ ổn định, đủ về số lượng.\n\tCơ sở vật chất được bổ sung.";
        assert!(tables(text).is_empty());
        // Many of them are read in linear time.
        let long = "\tMột đoạn văn thụt đầu dòng.\n".repeat(20_000);
        let started = std::time::Instant::now();
        assert!(tables(&long).is_empty());
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    }

    #[test]
    fn a_word_table_pasted_one_cell_per_line() {
        let text = "Kết quả như sau:\nSTT\nNội dung\nTổng số\nNam\nNữ\n1\nĐảng viên\n27\n15\n12\n2\nQuần chúng ưu tú\n4\n1\n3\nNăm tới chi bộ phấn đấu kết nạp thêm.";
        let chunks = split_tables(text);
        let [Chunk::Text(before), Chunk::Table(table), Chunk::Text(after)] = &chunks[..] else {
            panic!("{chunks:#?}")
        };
        assert_eq!(before, &["Kết quả như sau:"]);
        assert_eq!(
            table.header,
            vec![vec!["STT", "Nội dung", "Tổng số", "Nam", "Nữ"]]
        );
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[1].cells[1].text, "Quần chúng ưu tú");
        assert_eq!(after, &["Năm tới chi bộ phấn đấu kết nạp thêm."]);
        // Short lines without figures in fixed places stay text.
        let list = "Thuận lợi\nĐội ngũ trẻ\nCơ sở vật chất tốt\nKhó khăn\nHọc sinh ở xa\nThiếu phòng học\nĐề xuất\nXây thêm 2 phòng\nCấp 10 máy tính";
        assert!(tables(list).is_empty());
    }

    #[test]
    fn long_runs_of_lines_alike_are_read_in_linear_time() {
        let cases = [
            "Một dòng ngắn\n".repeat(20_000),
            "  Chi bộ 1        12        34        56\n".repeat(20_000),
            format!("{}\n", ["12"; 60].join("   ")).repeat(5_000),
            "Khối\nTốt\nKhá\n6\n12\n13\n".repeat(5_000),
        ];
        for text in cases {
            let started = std::time::Instant::now();
            let chunks = split_tables(&text);
            assert!(!chunks.is_empty());
            assert!(
                started.elapsed().as_secs() < 10,
                "{:?} for {}…",
                started.elapsed(),
                &text[..40]
            );
        }
    }

    #[test]
    fn a_cell_of_pages_stays_text() {
        let long = "chữ ".repeat(5_000);
        let text = format!("Mục\tNội dung\nMột\t{long}\nHai\t{long}");
        assert!(tables(&text).is_empty());
    }

    #[test]
    fn a_paste_too_wide_for_a_table_stays_text() {
        let row = vec!["1"; crate::table::MAX_COLUMNS + 5].join("\t");
        let text = format!("{row}\n{row}\n{row}");
        assert!(tables(&text).is_empty());
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]

        #[test]
        fn any_grid_of_cells_gives_sane_tables_or_text(
            rows in proptest::collection::vec(
                proptest::collection::vec("[A-Za-zđ0-9,.%: -]{0,8}", 1..8),
                0..12,
            ),
            tabs in proptest::bool::ANY,
        ) {
            let sep = if tabs { "\t" } else { "   " };
            let text: String = rows.iter().map(|row| row.join(sep)).collect::<Vec<_>>().join("\n");
            let mut lines_out = 0;
            for chunk in split_tables(&text) {
                match chunk {
                    Chunk::Text(lines) => lines_out += lines.len(),
                    Chunk::Table(table) => {
                        let width = table.columns.len();
                        proptest::prop_assert!(width >= 2);
                        proptest::prop_assert!(table.rows.iter().all(|row| row.cells.len() == width));
                        proptest::prop_assert!(table.header.iter().all(|row| row.len() == width));
                        lines_out += 1;
                    }
                }
            }
            proptest::prop_assert!(lines_out <= rows.len().max(1));
        }
    }

    #[test]
    fn totals_are_told_from_figures_named_tong() {
        for total in [
            "Tổng",
            "Tổng số",
            "Tổng cộng",
            "Cộng",
            "Cộng:",
            "TỔNG CỘNG",
            "Toàn trường",
            "Toàn xã",
            "Tổng số đảng viên",
        ] {
            assert!(is_total(total), "{total}");
        }
        for figure in [
            "Tổng đàn heo",
            "Tổng giá trị sản xuất",
            "Toàn",
            "Cộng đồng dân cư tham gia",
            "Khối 6",
        ] {
            assert!(!is_total(figure), "{figure}");
        }
    }

    #[test]
    fn units_and_captions() {
        assert_eq!(unit_of("Đvt: Người"), Some("Người".into()));
        assert_eq!(unit_of("ĐVT: người"), Some("người".into()));
        assert_eq!(
            unit_of("(Đơn vị tính: đảng viên)"),
            Some("đảng viên".into())
        );
        assert_eq!(unit_of("Đơn vị tổ chức tốt"), None);
        assert!(is_caption("Bảng 1: Kết quả"));
        assert!(is_caption("Biểu số 1-TCTW"));
        assert!(is_caption("BẢNG 3. XẾP LOẠI"));
        assert!(!is_caption("Bảng tin của trường được cập nhật."));
    }
}
