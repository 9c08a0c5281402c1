//! An existing report as a Word `.docx` file into a draft, in pure Rust:
//! the same outcome as the text import (`import_text::TextImport`), built
//! by the same reader, from the file's own paragraphs, list numbers and
//! tables.
//!
//! In three steps, so that the browser inflates and nothing here does:
//! `plan` reads the zip's directory and checks every limit before a byte
//! is inflated (the file's size, each needed part's declared size, their
//! total, the compression ratio); the shell inflates the entries the plan
//! names (`zip::stored` copies the stored ones), each capped at its
//! declared size; `read` checks what came back and reads it.
//! `read_docx_with` does all three with an inflater handed in (tests and
//! native tools).
//!
//! What is read: paragraphs and their runs (`body`), Word's automatic
//! numbers rebuilt as the reader sees them (`numbering`), heading styles
//! as structure hints, the borderless two-column tables of the header and
//! the signature block as the frame's lines, every other table as a
//! table block with its merged header cells, landscape sections for
//! appendices, text in .VnTime fonts converted from TCVN3. Pictures are not
//! placed: each is listed in `unplaced`, as every text that finds no place
//! is.

use std::collections::BTreeMap;

use crate::import_text::{self, Piece, TextImport};
use crate::model::SectionKind;
use crate::table::{clipboard::Grid, Merge};

mod body;
mod numbering;
mod xml;
pub mod zip;

use body::{Node, Para, TableX};
use numbering::{heading_level, Numbering};
pub use zip::{stored, ZipEntry, ZipProblem};

/// Word files larger than this are refused before their directory is
/// read. Only the text parts are inflated (each capped below); the rest
/// of a file is pictures, which are counted and never decoded, so the
/// file's size costs only the memory that holds it. Reports with a few
/// photos from a phone run to 5–15 MB; 25 MB leaves room for them and
/// refuses the 50 MB hostile files the issue names.
pub const MAX_DOCX_BYTES: usize = 25 * 1024 * 1024;

/// The most a needed part (document, numbering, styles …) may declare
/// once inflated. The 300-item benchmark report's `document.xml` is under
/// 2 MB; 32 MB is sixteen times that.
pub const MAX_PART_BYTES: u64 = 32 * 1024 * 1024;

/// The most all needed parts together may declare.
pub const MAX_PARTS_TOTAL_BYTES: u64 = 48 * 1024 * 1024;

/// The highest ratio of inflated to compressed size a part may declare.
/// Deflate cannot do better than about 1,032 to 1: more is a lie (a bomb
/// declared as large) or damage.
pub const MAX_RATIO: u64 = 1_100;

/// Why a Word file cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocxError {
    /// Larger than `MAX_DOCX_BYTES`, refused before unzipping.
    TooLarge {
        bytes: usize,
    },
    /// Not a Word document: not a zip, or a zip of something else.
    NotWord,
    /// The zip container is damaged.
    Damaged(ZipProblem),
    /// Protected with a password.
    Encrypted,
    /// A part declares (or inflates to) more than it may: a zip bomb.
    PartTooLarge {
        part: String,
        bytes: u64,
    },
    /// A part the document needs is not in the file.
    MissingPart(String),
    /// A part's XML is not well formed.
    NotWellFormed {
        part: String,
    },
    /// A part declares a document type (entities), which Word never does.
    Doctype,
    /// Elements nested deeper than `xml::MAX_DEPTH`.
    TooDeep,
    /// A Word 97–2003 `.doc` file.
    OldWord,
    /// A Rich Text Format `.rtf` file.
    Rtf,
    /// A LibreOffice `.odt` file.
    OpenDocument,
    Pdf,
}

/// The entries to inflate and the pictures found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The text parts to inflate, each capped at its `uncompressed_len`.
    pub needed: Vec<ZipEntry>,
    /// The pictures' entries (`word/media/…`), never inflated.
    pub pictures: Vec<String>,
}

/// A Word file read.
#[derive(Clone, Debug, PartialEq)]
pub struct DocxImport {
    pub import: TextImport,
    /// Pictures in the text (each listed in `import.unplaced`).
    pub pictures: usize,
    /// Tables that became table blocks.
    pub tables: usize,
    /// The names of the pictures not placed ("image1.png"), in order.
    pub unplaced_pictures: Vec<String>,
}

const CONTENT_TYPES: &str = "[Content_Types].xml";
const PACKAGE_RELS: &str = "_rels/.rels";
const MAIN_TYPES: [&str; 4] = [
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
];

/// Whether the entry named `name` is a part the reader needs.
fn is_needed(name: &str) -> bool {
    if name == CONTENT_TYPES || name == PACKAGE_RELS {
        return true;
    }
    let Some(rest) = name.strip_prefix("word/") else {
        return false;
    };
    if let Some(rels) = rest.strip_prefix("_rels/") {
        return rels.starts_with("document") && rels.ends_with(".xml.rels") && !rels.contains('/');
    }
    !rest.contains('/')
        && (rest == "numbering.xml"
            || rest == "styles.xml"
            || rest == "footnotes.xml"
            || rest == "endnotes.xml"
            || (rest.starts_with("document") && rest.ends_with(".xml")))
}

/// True when `bytes` hold `text` in UTF-16LE (a name in a compound file).
fn holds_utf16(bytes: &[u8], text: &str) -> bool {
    let needle: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(needle.len()).any(|window| window == needle)
}

/// Reads the zip's directory and checks every limit, before anything is
/// inflated.
pub fn plan(bytes: &[u8]) -> Result<Plan, DocxError> {
    if bytes.len() > MAX_DOCX_BYTES {
        return Err(DocxError::TooLarge { bytes: bytes.len() });
    }
    if bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) {
        // A password-protected .docx is a compound file holding the
        // encrypted package.
        return Err(if holds_utf16(bytes, "EncryptedPackage") {
            DocxError::Encrypted
        } else {
            DocxError::OldWord
        });
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(DocxError::Rtf);
    }
    if bytes.starts_with(b"%PDF-") {
        return Err(DocxError::Pdf);
    }
    if !bytes.starts_with(b"PK") {
        return Err(DocxError::NotWord);
    }
    let entries = zip::entries(bytes).map_err(|problem| match problem {
        ZipProblem::Encrypted(_) => DocxError::Encrypted,
        problem => DocxError::Damaged(problem),
    })?;
    let odt = entries.iter().any(|entry| {
        entry.name == "mimetype"
            && stored(bytes, entry)
                .is_some_and(|content| content.starts_with(b"application/vnd.oasis.opendocument"))
    });
    if odt {
        return Err(DocxError::OpenDocument);
    }
    if !entries.iter().any(|entry| entry.name == CONTENT_TYPES)
        || !entries.iter().any(|entry| entry.name.starts_with("word/"))
    {
        return Err(DocxError::NotWord);
    }
    let needed: Vec<ZipEntry> = entries
        .iter()
        .filter(|entry| is_needed(&entry.name))
        .cloned()
        .collect();
    let mut total = 0u64;
    for entry in &needed {
        let too_large = || DocxError::PartTooLarge {
            part: entry.name.clone(),
            bytes: entry.uncompressed_len,
        };
        if entry.uncompressed_len > MAX_PART_BYTES {
            return Err(too_large());
        }
        if entry.method == zip::DEFLATED
            && entry.uncompressed_len > entry.compressed_len.saturating_mul(MAX_RATIO) + 1024
        {
            return Err(too_large());
        }
        total += entry.uncompressed_len;
        if total > MAX_PARTS_TOTAL_BYTES {
            return Err(too_large());
        }
    }
    let pictures = entries
        .iter()
        .filter(|entry| entry.name.starts_with("word/media/"))
        .map(|entry| entry.name.clone())
        .collect();
    Ok(Plan { needed, pictures })
}

/// Relationships of a part: id to (type, target).
fn read_rels(bytes: &[u8], part: &str) -> Result<BTreeMap<String, (String, String)>, DocxError> {
    let mut rels = BTreeMap::new();
    xml::walk(bytes, part, |event| {
        if let xml::Ev::Open(tag) = event {
            if tag.name == "Relationship" {
                if let (Some(id), Some(target)) = (tag.attr("Id"), tag.attr("Target")) {
                    let kind = tag.attr("Type").unwrap_or("").to_owned();
                    rels.insert(id.to_owned(), (kind, target.to_owned()));
                }
            }
        }
    })?;
    Ok(rels)
}

/// The text of each footnote or endnote (not Word's separator notes):
/// they have no place in a draft, so they are listed rather than lost.
fn read_notes(bytes: &[u8], part: &str, out: &mut Vec<String>) -> Result<(), DocxError> {
    let mut current: Option<String> = None;
    let mut in_text = false;
    let mut skipping = 0usize;
    xml::walk(bytes, part, |event| match event {
        xml::Ev::Open(tag) => match tag.name.as_str() {
            "footnote" | "endnote" => {
                let separator = tag.attr("type").is_some_and(|kind| kind != "normal");
                current = (!separator).then(String::new);
            }
            "instrText" | "delText" | "Fallback" => skipping += 1,
            "t" => in_text = true,
            "tab" | "br" => {
                if let Some(note) = current.as_mut() {
                    note.push(' ');
                }
            }
            _ => {}
        },
        xml::Ev::Close(name) => match name.as_str() {
            "footnote" | "endnote" => {
                if let Some(note) = current.take() {
                    let note = note.split_whitespace().collect::<Vec<_>>().join(" ");
                    if !note.is_empty() {
                        out.push(note);
                    }
                }
            }
            "instrText" | "delText" | "Fallback" => skipping = skipping.saturating_sub(1),
            "t" => in_text = false,
            "p" => {
                if let Some(note) = current.as_mut() {
                    note.push(' ');
                }
            }
            _ => {}
        },
        xml::Ev::Text(text) => {
            if let (Some(note), true, 0) = (current.as_mut(), in_text, skipping) {
                note.push_str(&text);
            }
        }
    })
}

/// A relationship's target as a part name, from the folder of the part
/// that names it ("media/image1.png" from "word/" is
/// "word/media/image1.png"; "/word/document.xml" is absolute).
fn resolve(folder: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        folder.split('/').filter(|s| !s.is_empty()).collect()
    };
    for segment in target.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            segment => parts.push(segment),
        }
    }
    parts.join("/")
}

/// Checks what the shell inflated against the plan and reads it.
pub fn read(plan: &Plan, parts: &BTreeMap<String, Vec<u8>>) -> Result<DocxImport, DocxError> {
    start(plan, parts).map(DocxReading::finish)
}

/// Checks the parts and reads the Word file's XML, then leaves its text to
/// be read a slice at a time (`DocxReading`).
pub fn start(plan: &Plan, parts: &BTreeMap<String, Vec<u8>>) -> Result<DocxReading, DocxError> {
    for entry in &plan.needed {
        let Some(bytes) = parts.get(&entry.name) else {
            return Err(DocxError::MissingPart(entry.name.clone()));
        };
        let got = bytes.len() as u64;
        if got > entry.uncompressed_len {
            return Err(DocxError::PartTooLarge {
                part: entry.name.clone(),
                bytes: got,
            });
        }
        if got < entry.uncompressed_len {
            return Err(DocxError::Damaged(ZipProblem::Truncated));
        }
    }
    let part = |name: &str| {
        plan.needed
            .iter()
            .any(|entry| entry.name == name)
            .then(|| parts.get(name))
            .flatten()
    };
    let types = part(CONTENT_TYPES).ok_or_else(|| DocxError::MissingPart(CONTENT_TYPES.into()))?;
    let mut overrides: BTreeMap<String, String> = BTreeMap::new();
    xml::walk(types, CONTENT_TYPES, |event| {
        if let xml::Ev::Open(tag) = event {
            if tag.name == "Override" {
                if let (Some(name), Some(kind)) = (tag.attr("PartName"), tag.attr("ContentType")) {
                    overrides.insert(resolve("", name), kind.to_owned());
                }
            }
        }
    })?;
    // The main part: named by the package's relationships, else by its
    // content type.
    let from_rels = match part(PACKAGE_RELS) {
        Some(bytes) => read_rels(bytes, PACKAGE_RELS)?
            .into_values()
            .find(|(kind, _)| kind.ends_with("/officeDocument"))
            .map(|(_, target)| resolve("", &target)),
        None => None,
    };
    let main = from_rels
        .or_else(|| {
            overrides
                .iter()
                .find(|(_, kind)| MAIN_TYPES.contains(&kind.as_str()))
                .map(|(name, _)| name.clone())
        })
        .ok_or(DocxError::NotWord)?;
    if !overrides
        .get(&main)
        .is_some_and(|kind| MAIN_TYPES.contains(&kind.as_str()))
    {
        return Err(DocxError::NotWord);
    }
    let document = part(&main).ok_or_else(|| DocxError::MissingPart(main.clone()))?;
    let (folder, file) = main.rsplit_once('/').unwrap_or(("", main.as_str()));
    let rels_name = format!("{folder}/_rels/{file}.rels");
    let rels = match part(&rels_name) {
        Some(bytes) => read_rels(bytes, &rels_name)?,
        None => BTreeMap::new(),
    };
    let related = |suffix: &str, fallback: &str| {
        rels.values()
            .find(|(kind, _)| kind.ends_with(suffix))
            .map_or_else(
                || format!("{folder}/{fallback}"),
                |(_, target)| resolve(folder, target),
            )
    };
    let mut numbering = match part(&related("/numbering", "numbering.xml")) {
        Some(bytes) => Numbering::read(bytes, "numbering.xml")?,
        None => Numbering::default(),
    };
    let styles = match part(&related("/styles", "styles.xml")) {
        Some(bytes) => numbering::read_styles(bytes, "styles.xml")?,
        None => BTreeMap::new(),
    };
    let body = body::read_body(document, &main, &mut numbering, &styles)?;
    // A picture's name, cut short: it is listed once per place the
    // picture is shown.
    let picture_name = |id: &str| {
        let name = rels.get(id).map_or(id, |(_, target)| {
            target.rsplit('/').next().unwrap_or(target)
        });
        name.chars().take(100).collect::<String>()
    };
    let mut notes = Vec::new();
    for (kind, fallback) in [
        ("/footnotes", "footnotes.xml"),
        ("/endnotes", "endnotes.xml"),
    ] {
        let name = related(kind, fallback);
        if let Some(bytes) = part(&name) {
            read_notes(bytes, &name, &mut notes)?;
        }
    }
    let mut assembled = assemble(body, &styles, picture_name);
    assembled.after.notes = notes;
    Ok(DocxReading {
        reader: import_text::TextReader::of_pieces(assembled.pieces),
        after: assembled.after,
    })
}

/// Inflates with `inflate` and reads: the whole path, natively.
///
/// `inflate(compressed, cap)` returns the inflated bytes, stopping at
/// `cap` bytes: a stream with more may come back cut at `cap` (it is then
/// refused as too large, since `cap` is one over the declared size), or
/// as `Err(())`, as may a damaged stream. The browser's inflater is to
/// behave the same: stop reading past the declared size plus one.
pub fn read_docx_with(
    bytes: &[u8],
    inflate: impl Fn(&[u8], usize) -> Result<Vec<u8>, ()>,
) -> Result<DocxImport, DocxError> {
    let plan = plan(bytes)?;
    let mut parts = BTreeMap::new();
    for entry in &plan.needed {
        let data = match stored(bytes, entry) {
            Some(data) => data,
            None => {
                let compressed = bytes
                    .get(entry.data.clone())
                    .ok_or(DocxError::Damaged(ZipProblem::Truncated))?;
                // One byte over the declared size shows a part that lies.
                inflate(compressed, entry.inflate_cap())
                    .map_err(|()| DocxError::Damaged(ZipProblem::Truncated))?
            }
        };
        parts.insert(entry.name.clone(), data);
    }
    read(&plan, &parts)
}

/// True when `text` starts with a number or letter of its own ("I.",
/// "1.", "a)", "-"), typed into a paragraph Word also numbers.
fn starts_with_marker(text: &str) -> bool {
    let text = text.trim_start();
    let head: String = text.chars().take_while(|c| c.is_alphanumeric()).collect();
    let after = text[head.len()..].chars().next();
    let numeral = !head.is_empty()
        && (head.chars().all(|c| c.is_ascii_digit())
            || head.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
            || (head.chars().count() == 1 && head.chars().all(char::is_lowercase)));
    (numeral && matches!(after, Some('.' | ')' | '/' | '-')))
        || text.starts_with(['-', '+', '–', '•'])
        || text.to_uppercase().starts_with("PHẦN ")
}

/// The number a heading style stands for when the text has none.
fn heading_marker(level: u8) -> &'static str {
    match level {
        0 => "I. ",
        1 => "1. ",
        _ => "a) ",
    }
}

/// The lines of a paragraph, its label in front.
fn para_lines(para: &Para, hint: Option<u8>, out: &mut Vec<Piece>) {
    let text = para.text.trim_end();
    let prefix = match (&para.label, hint) {
        (Some(label), _) if !starts_with_marker(text) => format!("{label} "),
        (None, Some(level)) if !starts_with_marker(text) && !text.trim().is_empty() => {
            heading_marker(level).to_owned()
        }
        _ => String::new(),
    };
    let mut lines = text.split('\n');
    let first = lines.next().unwrap_or("");
    out.push(Piece::Line(format!("{prefix}{first}")));
    out.extend(lines.map(|line| Piece::Line(line.to_owned())));
}

/// A cell's text: its paragraphs (with their labels) one per line.
fn cell_text(paras: &[Para]) -> String {
    paras
        .iter()
        .map(|para| match &para.label {
            Some(label) => format!("{label} {}", para.text.trim()),
            None => para.text.trim().to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}

/// The most places a table row is widened to by its cells' spans: far
/// more than a table may have (it is then refused as too large), few
/// enough that spans cannot inflate memory.
const MAX_ROW_PLACES: usize = 1_000;

/// A table's cells on the grid, with its merged rectangles.
fn grid_of(table: &TableX) -> Grid {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut merges: Vec<Merge> = Vec::new();
    // The merge each column's vertical run belongs to, so that a
    // continuing cell finds it at once (a search would be quadratic).
    let mut open: BTreeMap<usize, usize> = BTreeMap::new();
    for (r, row) in table.rows.iter().enumerate() {
        let mut texts = vec![String::new(); row.before];
        for cell in &row.cells {
            let col = texts.len();
            let text = cell_text(&cell.paras);
            match cell.vmerge {
                Some(false) => {
                    // Continues the merge above it in the same column.
                    if let Some(merge) = open
                        .get(&col)
                        .and_then(|&at| merges.get_mut(at))
                        .filter(|m| m.row + m.rows == r)
                    {
                        merge.rows += 1;
                    }
                    texts.push(text);
                }
                _ => {
                    if cell.span > 1 || cell.vmerge == Some(true) {
                        if cell.vmerge == Some(true) {
                            open.insert(col, merges.len());
                        }
                        merges.push(Merge {
                            row: r,
                            col,
                            rows: 1,
                            cols: cell.span,
                        });
                    }
                    texts.push(text);
                }
            }
            // Spans widen a row only so far: a row of cells each spanning
            // 64 columns must not multiply the file's size in memory.
            let room = MAX_ROW_PLACES.saturating_sub(texts.len());
            texts.extend(std::iter::repeat_n(
                String::new(),
                (cell.span - 1).min(room),
            ));
        }
        rows.push(texts);
    }
    merges.retain(|merge| merge.rows > 1 || merge.cols > 1);
    Grid { rows, merges }
}

/// The column number row under a header: "1", "2", "3", "4=3:2", "(1)",
/// "A", "B".
fn is_number_row(cells: &[String]) -> bool {
    let filled: Vec<&String> = cells.iter().filter(|c| !c.trim().is_empty()).collect();
    filled.len() >= 2
        && filled.iter().all(|cell| {
            let bare = cell.trim().trim_start_matches('(').trim_end_matches(')');
            let digits = bare.chars().take_while(char::is_ascii_digit).count();
            (digits > 0 && (digits == bare.len() || bare[digits..].starts_with('=')))
                || (bare.len() == 1 && bare.chars().all(|c| c.is_ascii_uppercase()))
        })
}

/// True for a line that only decorates a frame: the star under the
/// issuing body, a rule under the motto.
fn is_decoration(line: &str) -> bool {
    let line = line.trim();
    line.is_empty()
        || line
            .chars()
            .all(|c| matches!(c, '*' | '-' | '_' | '–' | '—' | '=' | ' '))
}

/// A borderless table of at most three columns: the columns of a header
/// or signature block, given as the lines a copy of them gives (cells
/// side by side, separated by a tab), without their decorations. In the
/// header (`joined`) a paragraph broken by hand ("ỦY BAN NHÂN DÂN" /
/// "XÃ TÂN PHÚ") is one cell; in the signature block each line is one
/// ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH").
fn frame_lines(table: &TableX, joined: bool, out: &mut Vec<Piece>) {
    for row in &table.rows {
        let columns: Vec<Vec<String>> = row
            .cells
            .iter()
            .map(|cell| {
                let mut lines = Vec::new();
                for para in &cell.paras {
                    let text = if joined {
                        para.text.split_whitespace().collect::<Vec<_>>().join(" ")
                    } else {
                        para.text.clone()
                    };
                    for (at, line) in text.split('\n').enumerate() {
                        let line = line.trim();
                        if is_decoration(line) {
                            continue;
                        }
                        match (&para.label, at) {
                            (Some(label), 0) => lines.push(format!("{label} {line}")),
                            _ => lines.push(line.to_owned()),
                        }
                    }
                }
                lines
            })
            .filter(|lines| !lines.is_empty())
            .collect();
        let height = columns.iter().map(Vec::len).max().unwrap_or(0);
        for at in 0..height {
            let cells: Vec<&str> = columns
                .iter()
                .map(|lines| lines.get(at).map_or("", String::as_str))
                .collect();
            let line = cells.join("\t");
            out.push(Piece::Line(line.trim_matches('\t').to_owned()));
        }
    }
}

/// True for a table whose cells open with the national motto, "Nơi
/// nhận" or a signing authority: a header or signature block even when its
/// borders show.
fn holds_frame(table: &TableX) -> bool {
    table
        .rows
        .iter()
        .flat_map(|row| &row.cells)
        .filter_map(|cell| cell.paras.iter().find(|para| !para.text.trim().is_empty()))
        .any(|para| {
            let text = para.text.trim_start();
            let upper = text.to_uppercase();
            upper.starts_with("CỘNG HÒA XÃ HỘI")
                || upper.starts_with("CỘNG HOÀ XÃ HỘI")
                || upper.starts_with("ĐẢNG CỘNG SẢN VIỆT NAM")
                || upper.starts_with("NƠI NHẬN")
                || ["T/M ", "TM. ", "KT. ", "K/T ", "TL. ", "T/L "]
                    .iter()
                    .any(|prefix| upper.starts_with(prefix))
        })
}

/// The lines of the right column of a two-column table whose left column
/// opens with "Nơi nhận".
fn signature_column(table: &TableX) -> Option<Vec<String>> {
    let row = table.rows.last()?;
    let [left, right] = &row.cells[..] else {
        return None;
    };
    let opens = left
        .paras
        .iter()
        .find(|para| !para.text.trim().is_empty())?
        .text
        .trim_start()
        .to_lowercase()
        .starts_with("nơi nhận");
    let lines: Vec<String> = right
        .paras
        .iter()
        .flat_map(|para| para.text.split('\n'))
        .map(str::trim)
        .filter(|line| !is_decoration(line) && !line.starts_with('('))
        .map(str::to_owned)
        .collect();
    opens.then_some(lines)
}

/// A signature block with no signing authority ("HIỆU TRƯỞNG" over the
/// name): the text reader cannot tell it from body text and lists it; the
/// Word table says what it is. Its first line is the position, its last
/// the signer, taken back out of the unplaced list.
fn place_signer(import: &mut TextImport, lines: &[String]) {
    let closing = &mut import.document.closing;
    if !closing.signing_authority.is_empty()
        || !closing.position.is_empty()
        || !closing.signer_name.is_empty()
    {
        return;
    }
    let (Some(position), Some(name)) = (lines.first(), lines.last()) else {
        return;
    };
    if lines.len() < 2 {
        return;
    }
    let unplaced = &mut import.unplaced;
    let mut take = |text: &str| match unplaced.iter().position(|line| line == text) {
        Some(at) => {
            unplaced.remove(at);
            true
        }
        None => false,
    };
    if take(position) {
        closing.position = position.clone();
    }
    if take(name) {
        closing.signer_name = name.clone();
    }
}

/// What a Word file gives the text import (`pieces`), and what is put in
/// place once the text import has read them.
struct Assembled {
    pieces: Vec<Piece>,
    after: After,
}

/// What `DocxReading::finish` puts in place in the draft the text import
/// read.
struct After {
    appendix_lines: Vec<bool>,
    signature: Option<Vec<String>>,
    converted: bool,
    pictures: Vec<String>,
    tables: usize,
    notes: Vec<String>,
}

/// A Word file being read: its text pieces go through the text import a
/// slice at a time (`step`), so that a long report never holds the page.
pub struct DocxReading {
    reader: import_text::TextReader,
    after: After,
}

impl DocxReading {
    /// Reads one slice; `Step::Done` once all is read.
    pub fn step(&mut self) -> import_text::Step {
        self.reader.step()
    }

    /// How far the reading has got, from 0 to 100.
    pub fn percent(&self) -> u8 {
        self.reader.percent()
    }

    /// The Word file read (whatever is left is read first).
    pub fn finish(self) -> DocxImport {
        let After {
            appendix_lines,
            signature,
            converted,
            pictures,
            tables,
            notes,
        } = self.after;
        let mut import = self.reader.finish();
        // Appendices in a landscape section of the file stay landscape.
        let appendices: Vec<&mut crate::model::Section> = import
            .document
            .sections
            .iter_mut()
            .filter(|section| section.kind == SectionKind::Appendix)
            .collect();
        let skip = appendix_lines.len().saturating_sub(appendices.len());
        for (section, landscape) in appendices
            .into_iter()
            .zip(appendix_lines.into_iter().skip(skip))
        {
            section.landscape = landscape;
        }
        if let Some(lines) = signature {
            place_signer(&mut import, &lines);
        }
        if converted && import.converted_from.is_none() {
            import.converted_from = Some(crate::legacy_encoding::LegacyEncoding::Tcvn3);
        }
        for name in &pictures {
            import.unplaced.push(format!("Hình ảnh: {name}"));
        }
        import
            .unplaced
            .extend(notes.into_iter().map(|note| format!("Chú thích: {note}")));
        DocxImport {
            import,
            pictures: pictures.len(),
            tables,
            unplaced_pictures: pictures,
        }
    }
}

/// The paragraph and table nodes as the text import's pieces.
fn assemble(
    body: body::Body,
    styles: &BTreeMap<String, numbering::Style>,
    picture_name: impl Fn(&str) -> String,
) -> Assembled {
    // The heading level that stands for parts: the highest used by a
    // heading that is not a division, an appendix or the title.
    let hint_of = |para: &Para| {
        let level = heading_level(styles, para.style.as_deref()?)?;
        let text = para.text.trim().to_uppercase();
        let special = text.starts_with("PHẦN") || text.starts_with("PHỤ LỤC") || text == "BÁO CÁO";
        (!special && level <= 4).then_some(level)
    };
    let top = body
        .nodes
        .iter()
        .filter_map(|node| match node {
            Node::Para(para) => hint_of(para),
            Node::Table(_) => None,
        })
        .min();
    let mut pieces = Vec::new();
    let mut pictures = Vec::new();
    let mut converted = false;
    let mut tables = 0;
    // Whether a paragraph with text came yet: a frame table before any is
    // the header.
    let mut text_seen = false;
    // The right column of the signature block, when its left one is the
    // list of recipients.
    let mut signature: Option<Vec<String>> = None;
    // Appendix title lines, with whether their section is landscape.
    let mut appendix_lines: Vec<bool> = Vec::new();
    let landscape = |section: usize| body.landscape.get(section).copied().unwrap_or(false);
    let mut note_para = |para: &Para, pictures: &mut Vec<String>| {
        converted |= para.converted;
        pictures.extend(para.pictures.iter().map(|id| picture_name(id)));
    };
    for node in &body.nodes {
        match node {
            Node::Para(para) => {
                note_para(para, &mut pictures);
                let hint = hint_of(para)
                    .zip(top)
                    .map(|(level, top)| level.saturating_sub(top));
                if para.text.trim_start().starts_with("PHỤ LỤC") {
                    appendix_lines.push(landscape(para.section));
                }
                para_lines(para, hint, &mut pieces);
                text_seen |= !para.text.trim().is_empty();
            }
            Node::Table(table) => {
                for cell in table.rows.iter().flat_map(|row| &row.cells) {
                    for para in &cell.paras {
                        note_para(para, &mut pictures);
                    }
                }
                let grid = grid_of(table);
                let width = grid.rows.iter().map(Vec::len).max().unwrap_or(0);
                if width == 0 {
                    continue;
                }
                if width <= 3 && (!table.bordered() || holds_frame(table)) {
                    frame_lines(table, !text_seen, &mut pieces);
                    if text_seen {
                        signature = signature_column(table).or(signature);
                    }
                    continue;
                }
                let mut header = table.rows.iter().take_while(|row| row.header).count();
                if header > 0
                    && grid
                        .rows
                        .get(header - 1)
                        .is_some_and(|row| is_number_row(row))
                {
                    header -= 1;
                }
                let rows = grid.rows.clone();
                match crate::table::clipboard::table_from_grid(grid, (header > 0).then_some(header))
                {
                    Ok(table) => {
                        tables += 1;
                        pieces.push(Piece::Table(table));
                    }
                    // Too large for a table: its rows as lines, which the
                    // text reader places or lists.
                    Err(_) => {
                        pieces.extend(rows.into_iter().map(|row| Piece::Line(row.join("\t"))))
                    }
                }
            }
        }
    }
    Assembled {
        pieces,
        after: After {
            appendix_lines,
            signature,
            converted,
            pictures,
            tables,
            notes: Vec::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relationship_targets_resolve_from_their_folder() {
        assert_eq!(resolve("word", "media/image1.png"), "word/media/image1.png");
        assert_eq!(
            resolve("word", "../customXml/item.xml"),
            "customXml/item.xml"
        );
        assert_eq!(resolve("word", "/word/numbering.xml"), "word/numbering.xml");
        assert_eq!(resolve("", "word/document.xml"), "word/document.xml");
        assert_eq!(resolve("word", "../../../../x"), "x");
    }

    #[test]
    fn only_the_text_parts_are_needed() {
        for name in [
            "[Content_Types].xml",
            "_rels/.rels",
            "word/document.xml",
            "word/document2.xml",
            "word/_rels/document.xml.rels",
            "word/numbering.xml",
            "word/styles.xml",
            "word/footnotes.xml",
        ] {
            assert!(is_needed(name), "{name}");
        }
        for name in [
            "word/media/image1.png",
            "word/fontTable.xml",
            "word/theme/theme1.xml",
            "word/_rels/header1.xml.rels",
            "docProps/core.xml",
            "word/sub/document.xml",
        ] {
            assert!(!is_needed(name), "{name}");
        }
    }

    #[test]
    fn a_typed_number_is_told_from_text() {
        for text in [
            "I. KẾT QUẢ",
            "1. Về",
            "a) Điểm",
            "- gạch",
            "+ cộng",
            "PHẦN THỨ HAI",
        ] {
            assert!(starts_with_marker(text), "{text}");
        }
        for text in ["Kết quả", "Năm 2026", "Ia. x", "1,5 triệu"] {
            assert!(!starts_with_marker(text), "{text}");
        }
    }

    #[test]
    fn spans_widen_a_row_only_so_far() {
        let cell = body::Cell {
            span: 64,
            ..body::Cell::default()
        };
        let table = TableX {
            rows: vec![body::Row {
                cells: vec![cell; 100],
                ..body::Row::default()
            }],
            ..TableX::default()
        };
        let grid = grid_of(&table);
        // 6,400 places if spans were taken at their word; each cell past
        // the limit still keeps its own place (its text).
        assert!(
            grid.rows[0].len() <= MAX_ROW_PLACES + 100,
            "{}",
            grid.rows[0].len()
        );
    }

    #[test]
    fn column_number_rows() {
        let row = |cells: &[&str]| cells.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
        assert!(is_number_row(&row(&["1", "2", "3", "4=3:2"])));
        assert!(is_number_row(&row(&["(1)", "(2)", "(3)"])));
        assert!(is_number_row(&row(&["A", "B", "1", "2"])));
        assert!(!is_number_row(&row(&["", "Quý I", "Quý II", "Cộng"])));
        assert!(!is_number_row(&row(&["1"])));
    }
}
