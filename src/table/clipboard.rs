//! Cells from the clipboard: the tab-separated text that Excel, LibreOffice
//! Calc and Word put there (`from_tsv`), the `<table>` of their `text/html`
//! (`from_html`, with row and column spans as merges), and a new table made
//! from such a grid (`table_from_grid`): which leading rows are the header,
//! which columns hold numbers, which row is the total and whether a column
//! number row ("1 2 3 4") follows the header.
//!
//! Pure and defensive: any text, however malformed, gives a grid or
//! nothing, in time linear in its length, and never panics.

use super::{
    parse_number, Cell, Column, ColumnKind, Merge, Row, RowKind, Table, TableError, MAX_CELLS,
    MAX_COLUMNS,
};

/// Cells read from the clipboard, with the merged rectangles an HTML table
/// had (in the grid's places).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Grid {
    /// Rows of texts; rows may differ in length.
    pub rows: Vec<Vec<String>>,
    pub merges: Vec<Merge>,
}

impl From<Vec<Vec<String>>> for Grid {
    fn from(rows: Vec<Vec<String>>) -> Grid {
        Grid {
            rows,
            merges: Vec::new(),
        }
    }
}

/// The most places a grid read from the clipboard holds: one more than a
/// table may have, so that a larger one is refused as too big rather than
/// cut short.
const GRID_LIMIT: usize = MAX_CELLS + 1;

/// Reads what a paste carries: the HTML table when there is one (it keeps
/// merged cells and line breaks exactly), else the plain text as
/// tab-separated cells. `None` when neither holds a cell.
pub fn read_clipboard(plain: &str, html: Option<&str>) -> Option<Grid> {
    if let Some(grid) = html.and_then(from_html) {
        return Some(grid);
    }
    let rows = from_tsv(plain);
    (!rows.is_empty()).then(|| Grid::from(rows))
}

/// Reads tab-separated text: rows end with CRLF, LF or CR (a last empty
/// line is dropped); a cell that starts with `"` and ends with `"` before a
/// tab or line end is quoted as Excel writes cells holding line breaks or
/// tabs (`""` inside is one `"`). A `"` that does not close so is text.
pub fn from_tsv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.is_empty() {
        return Vec::new();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut at = 0;
    let mut places = 0usize;
    loop {
        // One field from `at`.
        let (field, next) = match quoted_field(&chars, at) {
            Some(found) => found,
            None => {
                let end = (at..chars.len())
                    .find(|&i| matches!(chars[i], '\t' | '\n' | '\r'))
                    .unwrap_or(chars.len());
                (chars[at..end].iter().collect(), end)
            }
        };
        row.push(field);
        places += 1;
        at = next;
        match chars.get(at) {
            Some('\t') => at += 1,
            Some('\r') | Some('\n') => {
                if chars[at] == '\r' && chars.get(at + 1) == Some(&'\n') {
                    at += 1;
                }
                at += 1;
                rows.push(std::mem::take(&mut row));
                if at >= chars.len() {
                    break;
                }
            }
            _ => {
                rows.push(std::mem::take(&mut row));
                break;
            }
        }
        if places > GRID_LIMIT {
            break;
        }
    }
    rows
}

/// A quoted field starting at `at`: its text and where it ends (at the tab
/// or line end after the closing quote); `None` when the field is not
/// quoted or its quote does not close before a separator.
fn quoted_field(chars: &[char], at: usize) -> Option<(String, usize)> {
    if chars.get(at) != Some(&'"') {
        return None;
    }
    let mut text = String::new();
    let mut i = at + 1;
    while i < chars.len() {
        if chars[i] == '"' {
            if chars.get(i + 1) == Some(&'"') {
                text.push('"');
                i += 2;
                continue;
            }
            return match chars.get(i + 1) {
                None | Some('\t' | '\n' | '\r') => {
                    Some((text.replace("\r\n", "\n").replace('\r', "\n"), i + 1))
                }
                Some(_) => None,
            };
        }
        text.push(chars[i]);
        i += 1;
    }
    None
}

/// Reads the first `<table>` of clipboard HTML into a grid: `td`/`th` in
/// `tr`, `rowspan`/`colspan` as merges, `<br>` and paragraph ends as line
/// breaks, entities decoded, white space collapsed, styles, scripts,
/// comments and rows hidden with `display:none` (Excel's) left out. A table
/// inside a cell gives its words to that cell. `None` when there is no
/// table with a cell.
pub fn from_html(html: &str) -> Option<Grid> {
    let mut reader = HtmlReader::default();
    let mut at = 0;
    let bytes = html.as_bytes();
    while at < bytes.len() {
        if bytes[at] != b'<' {
            let end = find_byte(bytes, at, b'<').unwrap_or(bytes.len());
            reader.text(&html[at..end]);
            at = end;
            continue;
        }
        let rest = &html[at..];
        if rest.starts_with("<!--") {
            at = find(html, at + 4, "-->").map_or(bytes.len(), |end| end + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            at = find_byte(bytes, at, b'>').map_or(bytes.len(), |end| end + 1);
            continue;
        }
        let tag = match read_tag(html, at) {
            Ok(tag) => tag,
            Err(NotTag::Text) => {
                // A "<" that opens no tag is text.
                reader.text("<");
                at += 1;
                continue;
            }
            // A tag left open at the end is dropped, with what follows
            // it, as browsers do: so no byte is read twice.
            Err(NotTag::Unclosed) => break,
        };
        at = tag.end;
        if !tag.closing && matches!(tag.name.as_str(), "style" | "script" | "title" | "xml") {
            let close = format!("</{}", tag.name);
            at = find_ignoring_case(html, at, &close)
                .and_then(|start| find_byte(bytes, start, b'>').map(|end| end + 1))
                .unwrap_or(bytes.len());
            continue;
        }
        if reader.tag(&tag) {
            break;
        }
        if reader.places > GRID_LIMIT {
            break;
        }
    }
    reader.finish()
}

/// A start or end tag.
struct Tag {
    name: String,
    closing: bool,
    /// Attributes by lowercase name, values with entities decoded.
    attributes: Vec<(String, String)>,
    /// Just past its `>`.
    end: usize,
}

impl Tag {
    fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    fn span(&self, name: &str, most: usize) -> usize {
        self.attribute(name)
            .and_then(|value| {
                let digits: String = value
                    .trim()
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .take(6)
                    .collect();
                digits.parse::<usize>().ok()
            })
            .filter(|span| *span >= 1)
            .unwrap_or(1)
            .min(most)
    }
}

fn find_byte(bytes: &[u8], from: usize, byte: u8) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|b| *b == byte)
        .map(|at| from + at)
}

fn find(text: &str, from: usize, needle: &str) -> Option<usize> {
    text.get(from..)?.find(needle).map(|at| from + at)
}

/// Where `needle` (ASCII, lowercase) next starts in `text` from `from`, in
/// any case.
fn find_ignoring_case(text: &str, from: usize, needle: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let needle = needle.as_bytes();
    (from..bytes.len().saturating_sub(needle.len() - 1)).find(|&at| {
        bytes[at..at + needle.len()]
            .iter()
            .zip(needle)
            .all(|(a, b)| a.to_ascii_lowercase() == *b)
    })
}

/// Why a `<` opens no tag.
enum NotTag {
    /// No name follows: the `<` is text.
    Text,
    /// The text ends inside the tag.
    Unclosed,
}

/// The tag that starts with the `<` at `at`.
fn read_tag(html: &str, at: usize) -> Result<Tag, NotTag> {
    let bytes = html.as_bytes();
    let mut i = at + 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b':') {
        i += 1;
    }
    if i == name_start || !bytes[name_start].is_ascii_alphabetic() {
        return Err(NotTag::Text);
    }
    let name = html[name_start..i].to_ascii_lowercase();
    let mut attributes = Vec::new();
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        match bytes.get(i) {
            None => return Err(NotTag::Unclosed),
            Some(b'>') => {
                return Ok(Tag {
                    name,
                    closing,
                    attributes,
                    end: i + 1,
                })
            }
            Some(_) => {}
        }
        let key_start = i;
        while i < bytes.len()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
            && !bytes[i].is_ascii_whitespace()
        {
            i += 1;
        }
        let key = html[key_start..i].to_ascii_lowercase();
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            match bytes.get(i) {
                Some(&quote @ (b'"' | b'\'')) => {
                    let end = find_byte(bytes, i + 1, quote).ok_or(NotTag::Unclosed)?;
                    value = decode_entities(&html[i + 1..end]);
                    i = end + 1;
                }
                _ => {
                    let start = i;
                    while i < bytes.len() && bytes[i] != b'>' && !bytes[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    value = decode_entities(&html[start..i]);
                }
            }
        }
        if key_start == i {
            // Nothing read: a stray character; step over it.
            i += 1;
        } else {
            attributes.push((key, value));
        }
    }
}

/// `text` with character references decoded: the named ones clipboard
/// HTML uses, and numeric ones. Unknown references stay as written.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest
            .char_indices()
            .take(12)
            .find(|(_, c)| *c == ';')
            .map(|(i, _)| i);
        let decoded = end.and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                "ndash" => Some('\u{2013}'),
                "mdash" => Some('\u{2014}'),
                "hellip" => Some('\u{2026}'),
                "lsquo" => Some('\u{2018}'),
                "rsquo" => Some('\u{2019}'),
                "ldquo" => Some('\u{201c}'),
                "rdquo" => Some('\u{201d}'),
                "laquo" => Some('\u{ab}'),
                "raquo" => Some('\u{bb}'),
                _ => {
                    let number = if let Some(hex) =
                        name.strip_prefix("#x").or_else(|| name.strip_prefix("#X"))
                    {
                        u32::from_str_radix(hex, 16).ok()
                    } else {
                        name.strip_prefix('#')
                            .and_then(|dec| dec.parse::<u32>().ok())
                    };
                    number.and_then(char::from_u32).filter(|c| *c != '\0')
                }
            };
            c.map(|c| (c, end + 1))
        });
        match decoded {
            Some((c, length)) => {
                out.push(c);
                rest = &rest[length..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// What the reader has built so far.
#[derive(Default)]
struct HtmlReader {
    /// Depth of `<table>` tags open; the grid is the first one's.
    tables: usize,
    /// True once the first table closed.
    done: bool,
    /// A row is open (and not hidden).
    in_row: bool,
    hidden_row: bool,
    /// The open cell: its text so far.
    cell: Option<String>,
    /// Places of the grid: `None` where no cell has been put yet.
    grid: Vec<Vec<Option<String>>>,
    merges: Vec<Merge>,
    /// The next column in the open row.
    col: usize,
    /// The open cell's place and spans.
    place: (usize, usize, usize, usize),
    /// The open row's index in the grid, and the next row's.
    row: usize,
    next_row: usize,
    places: usize,
}

impl HtmlReader {
    fn line_break(&mut self) {
        if let Some(cell) = &mut self.cell {
            cell.push(LINE_BREAK);
        }
    }

    fn text(&mut self, raw: &str) {
        if let Some(cell) = &mut self.cell {
            cell.push_str(&decode_entities(raw));
        }
    }

    /// Reads one tag; true when the first table has ended.
    fn tag(&mut self, tag: &Tag) -> bool {
        let name = tag.name.as_str();
        match (name, tag.closing) {
            ("table", false) => {
                self.tables += 1;
                if self.tables > 1 {
                    self.text(" ");
                }
            }
            ("table", true) => {
                if self.tables == 1 {
                    self.end_cell();
                    self.done = true;
                    return true;
                }
                self.tables = self.tables.saturating_sub(1);
            }
            _ if self.tables != 1 => {
                // Inside a nested table: its cells' words go to the cell.
                if matches!(name, "td" | "th" | "br" | "p" | "div" | "tr") {
                    self.text(" ");
                }
            }
            ("tr", false) => {
                self.end_row();
                let style = tag.attribute("style").unwrap_or("").to_ascii_lowercase();
                self.hidden_row = style.replace(' ', "").contains("display:none");
                self.open_row();
            }
            ("tr", true) => self.end_row(),
            ("td" | "th", false) => {
                self.end_cell();
                if !self.in_row {
                    // A cell outside any row opens one.
                    self.hidden_row = false;
                    self.open_row();
                }
                if self.hidden_row {
                    return false;
                }
                let r = self.row;
                // Skip the places earlier rows' spans took.
                while self.grid[r].get(self.col).is_some_and(Option::is_some) {
                    self.col += 1;
                }
                let cols = tag.span("colspan", MAX_COLUMNS + 1);
                let rows = tag.span("rowspan", 1000);
                self.place = (r, self.col, rows, cols);
                self.cell = Some(String::new());
            }
            ("td" | "th", true) => self.end_cell(),
            ("br", _) => self.line_break(),
            ("p" | "div" | "li", true) => self.line_break(),
            _ => {}
        }
        false
    }

    /// Opens a row; a hidden one (Excel's `display:none`) takes no place.
    fn open_row(&mut self) {
        self.in_row = true;
        self.col = 0;
        if self.hidden_row {
            return;
        }
        self.row = self.next_row;
        self.next_row += 1;
        while self.grid.len() <= self.row {
            self.grid.push(Vec::new());
        }
    }

    fn end_row(&mut self) {
        self.end_cell();
        self.in_row = false;
        self.hidden_row = false;
    }

    fn end_cell(&mut self) {
        let Some(raw) = self.cell.take() else {
            return;
        };
        let text = tidy_cell_text(&raw);
        let (row, col, rows, cols) = self.place;
        // Keep the grid within bounds: spans past the limit are cut.
        let cols = cols.min(GRID_LIMIT / (row + 1).max(1)).max(1);
        for r in row..row + rows {
            while self.grid.len() <= r {
                self.grid.push(Vec::new());
            }
            let line = &mut self.grid[r];
            if line.len() < col + cols {
                self.places += col + cols - line.len();
                line.resize(col + cols, None);
            }
            for place in &mut line[col..col + cols] {
                if place.is_none() {
                    *place = Some(String::new());
                }
            }
            if self.places > GRID_LIMIT {
                break;
            }
        }
        self.grid[row][col] = Some(text);
        if rows * cols > 1 {
            self.merges.push(Merge {
                row,
                col,
                rows,
                cols,
            });
        }
        self.col = col + cols;
    }

    fn finish(mut self) -> Option<Grid> {
        self.end_row();
        // Rows that spans reached past the table's last row are cut.
        while self.grid.last().is_some_and(|row| {
            row.iter()
                .all(|place| place.as_deref().is_none_or(str::is_empty))
        }) {
            self.grid.pop();
        }
        let height = self.grid.len();
        let rows: Vec<Vec<String>> = self
            .grid
            .into_iter()
            .map(|row| row.into_iter().map(Option::unwrap_or_default).collect())
            .collect();
        if rows.iter().all(Vec::is_empty) {
            return None;
        }
        let mut merges = self.merges;
        for merge in &mut merges {
            merge.rows = merge.rows.min(height.saturating_sub(merge.row));
        }
        merges.retain(|merge| merge.rows * merge.cols > 1);
        Some(Grid { rows, merges })
    }
}

/// Where `<br>` or a paragraph's end broke a cell's line, while the
/// HTML's own line ends are white space.
const LINE_BREAK: char = '\u{1e}';

/// A cell's text as shown: runs of white space as one space, the line
/// breaks of `<br>` and paragraphs kept, no-break spaces as spaces, lines
/// trimmed, empty lines at the ends dropped.
fn tidy_cell_text(raw: &str) -> String {
    let lines: Vec<String> = raw
        .split(LINE_BREAK)
        .map(|line| {
            line.split(|c: char| c.is_whitespace() || c == '\u{a0}')
                .filter(|word| !word.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let first = lines.iter().position(|line| !line.is_empty());
    let last = lines.iter().rposition(|line| !line.is_empty());
    match (first, last) {
        (Some(first), Some(last)) => lines[first..=last].join("\n"),
        _ => String::new(),
    }
}

/// True when `row` is a column number row: "1", "2", "3", … in order, a
/// cell possibly with its formula ("4=2:3", "(4)"), after letters "A",
/// "B", … for the first columns as statistical forms number their word
/// columns.
fn is_number_row(row: &[String]) -> bool {
    let cells: Vec<&str> = row
        .iter()
        .map(|text| {
            // The column's own number, before its formula ("(3)=1:2").
            let own = text.split('=').next().unwrap_or("").trim();
            own.strip_prefix('(')
                .and_then(|inner| inner.strip_suffix(')'))
                .unwrap_or(own)
        })
        .collect();
    let letters = cells
        .iter()
        .enumerate()
        .take_while(|(c, text)| text.len() == 1 && text.as_bytes()[0] == b'A' + (*c as u8).min(25))
        .count();
    let filled = cells.iter().filter(|text| !text.is_empty()).count();
    filled >= 2
        && filled > letters
        && cells
            .iter()
            .enumerate()
            .skip(letters)
            .all(|(c, own)| own.is_empty() || *own == (c - letters + 1).to_string())
}

fn has_number(row: &[String]) -> bool {
    row.iter().skip(1).any(|text| parse_number(text).is_some())
}

/// True when the numbers of `row` are years heading columns ("2023",
/// "2024"): at least two, written as four digits from 1900 to 2100, in
/// ascending order.
fn is_year_row(row: &[String]) -> bool {
    let numbers: Vec<&str> = row
        .iter()
        .skip(1)
        .map(|text| text.trim())
        .filter(|text| parse_number(text).is_some())
        .collect();
    numbers.len() >= 2
        && numbers.iter().all(|text| {
            text.len() == 4
                && text.bytes().all(|b| b.is_ascii_digit())
                && ("1900"..="2100").contains(text)
        })
        && numbers.windows(2).all(|pair| pair[0] < pair[1])
}

/// The decimals `text` is written with (0 to 3).
fn decimals_in(text: &str) -> u8 {
    let Some(value) = parse_number(text) else {
        return 0;
    };
    (0u8..=3)
        .find(|&d| {
            let scaled = value * 10f64.powi(i32::from(d));
            (scaled - scaled.round()).abs() < 1e-6
        })
        .unwrap_or(3)
}

/// Makes a table of `grid` for "paste as a new table". `header_rows` says
/// how many leading rows are the header; `None` guesses: the leading rows
/// with no number after their first cell but years heading columns (and at
/// least as many as the
/// merges that start in them reach), or the first row when no row holds a
/// number. A column number row ("1 2 3 4=2:3") after the header becomes
/// `number_row`. A column is a number column when every body cell in it is
/// empty or a number, unless it is a row count (1, 2, 3, …). A row whose
/// first cell says "Tổng cộng", "Tổng số" or "Cộng" (`rules::TOTAL_ROW_LABELS`)
/// is the total: its figures are computed when they agree with the rows,
/// and kept as typed (so the format check points at them) when not.
pub fn table_from_grid(
    grid: impl Into<Grid>,
    header_rows: Option<usize>,
) -> Result<Table, TableError> {
    let grid: Grid = grid.into();
    let mut rows = grid.rows;
    while rows
        .last()
        .is_some_and(|row| row.iter().all(|text| text.trim().is_empty()))
    {
        rows.pop();
    }
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    if width == 0 {
        return Err(TableError::NotFound);
    }
    if width > MAX_COLUMNS || rows.len().saturating_mul(width) > MAX_CELLS {
        return Err(TableError::TooBig);
    }
    for row in &mut rows {
        row.resize(width, String::new());
    }
    let numbered = rows.iter().position(|row| is_number_row(row));
    let mut header = match header_rows {
        Some(count) => count.min(rows.len()),
        None => {
            let numeric = rows
                .iter()
                .position(|row| is_number_row(row) || (has_number(row) && !is_year_row(row)))
                .unwrap_or(1.min(rows.len() - 1));
            let mut count = numeric;
            for merge in &grid.merges {
                if merge.row < count {
                    count = count.max(merge.row + merge.rows);
                }
            }
            count.min(rows.len())
        }
    };
    let number_row = numbered == Some(header) && header + 1 < rows.len();
    let mut body: Vec<Vec<String>> = rows.split_off(header);
    if number_row {
        body.remove(0);
    }
    if body.is_empty() {
        // Everything was header: the last header row is the body.
        body.push(rows.pop().unwrap_or_default());
        header = rows.len();
    }
    let mut head = rows;
    let mut merges: Vec<Merge> = grid
        .merges
        .into_iter()
        .filter(|merge| merge.row + merge.rows <= header && merge.col + merge.cols <= width)
        .collect();
    if head.is_empty() {
        head.push(vec![String::new(); width]);
        merges.clear();
    }
    let kinds: Vec<RowKind> = body
        .iter()
        .map(|row| {
            // The label is in the first column, or in the second when the
            // first is a running number column left empty on that row.
            if crate::rules::is_total_label(&row[0])
                || (row[0].trim().is_empty()
                    && row.len() > 1
                    && crate::rules::is_total_label(&row[1]))
            {
                RowKind::Total
            } else {
                RowKind::Data
            }
        })
        .collect();
    let columns: Vec<Column> = (0..width)
        .map(|c| {
            let data: Vec<&str> = body
                .iter()
                .zip(&kinds)
                .filter(|(_, kind)| **kind == RowKind::Data)
                .map(|(row, _)| row[c].trim())
                .filter(|text| !text.is_empty())
                .collect();
            let numeric = !data.is_empty() && data.iter().all(|text| parse_number(text).is_some());
            let counts_rows = data.len() > 1
                && data
                    .iter()
                    .enumerate()
                    .all(|(i, text)| *text == (i + 1).to_string());
            let kind = if numeric && !counts_rows {
                ColumnKind::Number {
                    decimals: data.iter().map(|text| decimals_in(text)).max().unwrap_or(0),
                }
            } else {
                ColumnKind::Text
            };
            Column {
                id: c as u64 + 1,
                kind,
                ..Column::default()
            }
        })
        .collect();
    let mut table = Table {
        columns,
        header: head,
        merges,
        number_row,
        rows: body
            .into_iter()
            .zip(kinds)
            .enumerate()
            .map(|(r, (texts, kind))| Row {
                id: (width + r) as u64 + 1,
                kind,
                cells: texts
                    .into_iter()
                    .map(|text| Cell { text, typed: false })
                    .collect(),
                ..Row::default()
            })
            .collect(),
        ..Table::default()
    };
    keep_disagreeing_totals(&mut table);
    table.repair();
    Ok(table)
}

/// In computed places: a typed figure that agrees with what the rows give
/// is cleared (so it follows the rows from now on); one that disagrees is
/// kept as typed.
fn keep_disagreeing_totals(table: &mut Table) {
    // What the rows give, with every computed place left to its formula.
    let mut bare = table.clone();
    for (r, row) in bare.rows.iter_mut().enumerate() {
        for (c, cell) in row.cells.iter_mut().enumerate() {
            if table.is_computed_place(r, c) {
                *cell = Cell::default();
            }
        }
    }
    let values = super::compute(&bare);
    let computed: Vec<Vec<bool>> = (0..table.rows.len())
        .map(|r| {
            (0..table.width())
                .map(|c| table.is_computed_place(r, c))
                .collect()
        })
        .collect();
    for ((row, line), places) in table.rows.iter_mut().zip(&values).zip(&computed) {
        for ((cell, value), computed) in row.cells.iter_mut().zip(line).zip(places) {
            if !computed {
                continue;
            }
            if cell.text.trim().is_empty() {
                cell.text.clear();
                continue;
            }
            let agrees = match (parse_number(&cell.text), value) {
                (Some(typed), Some(computed)) => {
                    (typed - computed).abs()
                        <= 0.5 * 10f64.powi(-i32::from(decimals_in(&cell.text))) + 1e-9
                }
                _ => false,
            };
            if agrees {
                *cell = Cell::default();
            } else {
                cell.typed = true;
            }
        }
    }
}

#[cfg(test)]
#[path = "clipboard_tests.rs"]
mod tests;
