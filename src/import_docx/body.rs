//! The body of `document.xml` as paragraphs and tables in reading order:
//! each paragraph's visible text (runs' text, tabs, line breaks, its
//! rebuilt list label, text in .VnTime fonts converted from TCVN3), its
//! style and the pictures it holds; each table's rows and cells with
//! their spans (`gridSpan`, `vMerge`), repeated header rows and borders;
//! which page section (portrait or landscape) each belongs to.
//!
//! Text Word does not show is left out: field codes (`instrText`), deleted
//! revisions, and the fallback copy of a drawing (`mc:Fallback`), which
//! would count a picture twice. A table inside a table gives its text to
//! the cell holding it; a text box's paragraphs follow the paragraph that
//! anchors it.

use std::collections::BTreeMap;

use super::numbering::{style_list, Numbering, Style};
use super::xml::{walk, Ev, Tag};
use super::DocxError;

/// A paragraph as read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Para {
    /// The list label Word draws ("II.", "a)", "-"), if numbered.
    pub label: Option<String>,
    /// The text, with `\t` for tabs and `\n` for line breaks.
    pub text: String,
    pub style: Option<String>,
    /// Relationship ids of the pictures in it.
    pub pictures: Vec<String>,
    /// The index of the page section it is in.
    pub section: usize,
    /// Whether some of its text was converted from TCVN3.
    pub converted: bool,
}

/// A table cell.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cell {
    pub paras: Vec<Para>,
    /// Grid columns it spans.
    pub span: usize,
    /// `Some(true)` starts a vertical merge, `Some(false)` continues one.
    pub vmerge: Option<bool>,
}

/// A table row.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// Repeated at the top of each page (`w:tblHeader`).
    pub header: bool,
    /// Grid columns skipped before the first cell.
    pub before: usize,
}

/// A table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TableX {
    pub rows: Vec<Row>,
    /// A grid table style ("TableGrid", "Lưới bảng").
    pub grid_style: bool,
    /// The table's own borders, when it sets them: whether any is drawn.
    pub borders: Option<bool>,
    /// Cells whose own borders are all "none".
    pub bare_cells: usize,
    pub section: usize,
}

impl TableX {
    /// Whether a border is drawn: the table's own borders when it sets
    /// them, else its style's; none when every cell turns its own off (as
    /// Word's "No Border" on selected cells does).
    pub fn bordered(&self) -> bool {
        let cells: usize = self.rows.iter().map(|row| row.cells.len()).sum();
        if cells > 0 && self.bare_cells >= cells {
            return false;
        }
        self.borders.unwrap_or(self.grid_style)
    }
}

/// A body element.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Para(Para),
    Table(TableX),
}

/// What the body holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Body {
    pub nodes: Vec<Node>,
    /// Whether each page section is landscape, in order.
    pub landscape: Vec<bool>,
}

/// Elements whose content Word does not show as text.
const SKIPPED: [&str; 8] = [
    "instrText",
    "delText",
    "del",
    "moveFrom",
    "Fallback",
    "fldData",
    "rPrChange",
    "pPrChange",
];

#[derive(Default)]
struct Run {
    text: String,
    font: Option<String>,
    /// Shown in capitals whatever was typed (`w:caps`).
    caps: bool,
}

struct Reader<'a> {
    numbering: &'a mut Numbering,
    styles: &'a BTreeMap<String, Style>,
    body: Body,
    path: Vec<String>,
    /// Inside a skipped element: the depth it opened at.
    skipping: Option<usize>,
    paras: Vec<Para>,
    /// Paragraphs of text boxes, placed after the paragraph holding them.
    nested: Vec<Para>,
    tables: Vec<TableX>,
    /// Open runs: a text box's runs sit inside the run of its drawing.
    runs: Vec<Run>,
    /// The paragraph's own list, from its properties.
    num_id: Option<String>,
    ilvl: Option<u8>,
    section: usize,
    /// The orientation of the section properties being read.
    landscape: bool,
    /// The table or cell borders being read: some side is drawn.
    border_drawn: bool,
    /// The table or cell borders being read: sides set to "none".
    border_sides_none: usize,
}

fn is_tcvn3_font(font: &str) -> bool {
    font.to_ascii_lowercase().starts_with(".vn")
}

impl Reader<'_> {
    fn parent(&self, back: usize) -> Option<&str> {
        self.path
            .len()
            .checked_sub(back + 1)
            .and_then(|at| self.path.get(at))
            .map(String::as_str)
    }

    fn open(&mut self, tag: Tag) {
        if self.skipping.is_some() {
            self.path.push(tag.name);
            return;
        }
        if SKIPPED.contains(&tag.name.as_str()) {
            self.skipping = Some(self.path.len());
            self.path.push(tag.name);
            return;
        }
        match tag.name.as_str() {
            "p" => {
                self.paras.push(Para {
                    section: self.section,
                    ..Para::default()
                });
                if self.paras.len() == 1 {
                    self.num_id = None;
                    self.ilvl = None;
                }
            }
            "pStyle" if self.parent(0) == Some("pPr") => {
                if let Some(para) = self.paras.last_mut() {
                    para.style = tag.attr("val").map(str::to_owned);
                }
            }
            "numId" if self.parent(0) == Some("numPr") && self.paras.len() == 1 => {
                self.num_id = tag.attr("val").map(str::to_owned);
            }
            "ilvl" if self.parent(0) == Some("numPr") && self.paras.len() == 1 => {
                self.ilvl = tag.attr("val").and_then(|v| v.parse::<u8>().ok());
            }
            "r" => self.runs.push(Run::default()),
            "rFonts" if self.parent(0) == Some("rPr") => {
                if let Some(run) = self.runs.last_mut() {
                    run.font = tag.attr("ascii").or(tag.attr("hAnsi")).map(str::to_owned);
                }
            }
            "caps" if self.parent(0) == Some("rPr") => {
                if let Some(run) = self.runs.last_mut() {
                    run.caps = tag.is_on();
                }
            }
            "tab" if self.parent(0) == Some("r") => self.push_text("\t"),
            "br" | "cr" if self.parent(0) == Some("r") => self.push_text("\n"),
            "noBreakHyphen" if self.parent(0) == Some("r") => self.push_text("-"),
            "blip" => {
                if let (Some(id), Some(para)) = (tag.attr("embed"), self.paras.last_mut()) {
                    para.pictures.push(id.to_owned());
                }
            }
            "imagedata" => {
                if let (Some(id), Some(para)) = (tag.attr("id"), self.paras.last_mut()) {
                    para.pictures.push(id.to_owned());
                }
            }
            "tbl" => self.tables.push(TableX {
                section: self.section,
                ..TableX::default()
            }),
            "tblStyle" => {
                let grid = tag.attr("val").is_some_and(|style| {
                    let style = style.to_lowercase();
                    style.contains("grid") || style.contains("lưới")
                });
                if let Some(table) = self.tables.last_mut() {
                    table.grid_style = grid;
                }
            }
            "tblBorders" | "tcBorders" => {
                self.border_drawn = false;
                self.border_sides_none = 0;
            }
            "top" | "left" | "bottom" | "right" | "insideH" | "insideV" | "start" | "end"
                if matches!(self.parent(0), Some("tblBorders" | "tcBorders")) =>
            {
                if matches!(tag.attr("val"), Some("none" | "nil")) {
                    if matches!(
                        tag.name.as_str(),
                        "top" | "bottom" | "left" | "right" | "start" | "end"
                    ) {
                        self.border_sides_none += 1;
                    }
                } else {
                    self.border_drawn = true;
                }
            }
            "tr" => {
                if let Some(table) = self.tables.last_mut() {
                    table.rows.push(Row::default());
                }
            }
            "tblHeader" if self.parent(0) == Some("trPr") && tag.is_on() => {
                if let Some(row) = self.current_row() {
                    row.header = true;
                }
            }
            "gridBefore" if self.parent(0) == Some("trPr") => {
                let before = tag.attr("val").and_then(|v| v.parse::<usize>().ok());
                if let (Some(row), Some(before)) = (self.current_row(), before) {
                    row.before = before.min(64);
                }
            }
            "tc" => {
                if let Some(row) = self.current_row() {
                    row.cells.push(Cell {
                        span: 1,
                        ..Cell::default()
                    });
                }
            }
            "gridSpan" if self.parent(0) == Some("tcPr") => {
                let span = tag.attr("val").and_then(|v| v.parse::<usize>().ok());
                if let (Some(cell), Some(span)) = (self.current_cell(), span) {
                    cell.span = span.clamp(1, 64);
                }
            }
            "vMerge" if self.parent(0) == Some("tcPr") => {
                let restart = tag.attr("val") == Some("restart");
                if let Some(cell) = self.current_cell() {
                    cell.vmerge = Some(restart);
                }
            }
            "sectPr" => self.landscape = false,
            "pgSz" if self.parent(0) == Some("sectPr") => {
                let size = |name: &str| tag.attr(name).and_then(|v| v.parse::<u64>().ok());
                self.landscape = tag.attr("orient") == Some("landscape")
                    || matches!((size("w"), size("h")), (Some(w), Some(h)) if w > h);
            }
            _ => {}
        }
        self.path.push(tag.name);
    }

    fn current_row(&mut self) -> Option<&mut Row> {
        self.tables.last_mut()?.rows.last_mut()
    }

    fn current_cell(&mut self) -> Option<&mut Cell> {
        self.current_row()?.cells.last_mut()
    }

    fn push_text(&mut self, text: &str) {
        if let Some(run) = self.runs.last_mut() {
            run.text.push_str(text);
        }
    }

    fn text(&mut self, text: String) {
        if self.skipping.is_none() && self.path.last().is_some_and(|name| name == "t") {
            self.push_text(&text);
        }
    }

    fn close(&mut self, name: &str) {
        self.path.pop();
        if let Some(depth) = self.skipping {
            if self.path.len() == depth {
                self.skipping = None;
            }
            return;
        }
        match name {
            "r" => {
                let Some(run) = self.runs.pop() else { return };
                let style_font = self
                    .paras
                    .last()
                    .and_then(|para| para.style.as_ref())
                    .and_then(|id| self.styles.get(id))
                    .and_then(|style| style.font.clone());
                let font = run.font.or(style_font);
                let Some(para) = self.paras.last_mut() else {
                    return;
                };
                match font.filter(|font| is_tcvn3_font(font)) {
                    Some(font) => {
                        let mut text = crate::legacy_encoding::tcvn3_to_unicode(&run.text);
                        // .VnTimeH and its kin show lowercase codes as capitals.
                        if font.to_ascii_lowercase().ends_with('h') {
                            text = text.to_uppercase();
                        }
                        para.converted |= text != run.text;
                        para.text.push_str(&text);
                    }
                    None if run.caps => para.text.push_str(&run.text.to_uppercase()),
                    None => para.text.push_str(&run.text),
                }
            }
            "p" => self.close_paragraph(),
            "tblBorders" => {
                let drawn = self.border_drawn;
                if let Some(table) = self.tables.last_mut() {
                    table.borders = Some(drawn);
                }
            }
            "tcBorders" => {
                let bare = !self.border_drawn && self.border_sides_none >= 4;
                if let (Some(table), true) = (self.tables.last_mut(), bare) {
                    table.bare_cells += 1;
                }
            }
            "tbl" => {
                let Some(table) = self.tables.pop() else {
                    return;
                };
                let outer = self.tables.is_empty();
                match self.current_cell() {
                    // A table in a cell gives its text to the cell.
                    Some(cell) => {
                        for row in table.rows {
                            for inner in row.cells {
                                cell.paras.extend(inner.paras);
                            }
                        }
                    }
                    None if outer => self.body.nodes.push(Node::Table(table)),
                    // A table directly in a table's row (malformed): its
                    // text joins the last cell there is, or is lost with
                    // nothing to hold it; keep it as paragraphs.
                    None => {
                        for row in table.rows {
                            for inner in row.cells {
                                for para in inner.paras {
                                    self.body.nodes.push(Node::Para(para));
                                }
                            }
                        }
                    }
                }
            }
            "sectPr" => {
                // Section properties end the section they close: in a
                // paragraph's properties, the section that paragraph ends;
                // in the body, the last one.
                if self.body.landscape.len() <= self.section {
                    self.body.landscape.resize(self.section + 1, false);
                }
                self.body.landscape[self.section] = self.landscape;
                if !self.paras.is_empty() {
                    self.section += 1;
                }
            }
            _ => {}
        }
    }

    fn close_paragraph(&mut self) {
        let Some(mut para) = self.paras.pop() else {
            return;
        };
        if !self.paras.is_empty() {
            // A text box's paragraph, inside a drawing in a paragraph.
            self.nested.push(para);
            return;
        }
        let list = match (&self.num_id, para.style.as_deref()) {
            (Some(id), _) => Some((id.clone(), self.ilvl.unwrap_or(0))),
            (None, Some(style)) => {
                style_list(self.styles, style).map(|(id, level)| (id, self.ilvl.unwrap_or(level)))
            }
            (None, None) => None,
        };
        if let Some((id, level)) = list.filter(|(id, _)| id != "0") {
            if !para.text.trim().is_empty() {
                para.label = self
                    .numbering
                    .next_label(&id, level)
                    .filter(|label| !label.is_empty());
            }
        }
        let mut out = vec![para];
        out.append(&mut self.nested);
        for para in out {
            match self.current_cell() {
                Some(cell) => cell.paras.push(para),
                None => self.body.nodes.push(Node::Para(para)),
            }
        }
    }
}

/// Reads the body of `document.xml`.
pub fn read_body(
    bytes: &[u8],
    part: &str,
    numbering: &mut Numbering,
    styles: &BTreeMap<String, Style>,
) -> Result<Body, DocxError> {
    let mut reader = Reader {
        numbering,
        styles,
        body: Body::default(),
        path: Vec::new(),
        skipping: None,
        paras: Vec::new(),
        nested: Vec::new(),
        tables: Vec::new(),
        runs: Vec::new(),
        num_id: None,
        ilvl: None,
        section: 0,
        landscape: false,
        border_drawn: false,
        border_sides_none: 0,
    };
    walk(bytes, part, |event| match event {
        Ev::Open(tag) => reader.open(tag),
        Ev::Close(name) => reader.close(&name),
        Ev::Text(text) => reader.text(text),
    })?;
    let mut body = reader.body;
    if body.landscape.len() <= reader.section {
        body.landscape.resize(reader.section + 1, false);
    }
    Ok(body)
}
