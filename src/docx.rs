//! DOCX export in the official layout, written by hand as WordprocessingML.
//!
//! Everything comes from `frame`'s lines (the header, title and closing:
//! which lines, their case, weight, size and rules), `render`'s elements
//! (numbering, case, "không có") and `rules` (A4, margins, body sizes). Page
//! numbers sit centred in the top margin from page 2 on (a header with
//! `titlePg`, so the first page has none). Fonts are Times New Roman.
//!
//! The container is a zip whose entries are stored, not compressed: Word and
//! LibreOffice read it, and the app carries no deflate code for it (a
//! `.docx` of a long report is a few hundred kilobytes either way). Checksums
//! are CRC-32 from a 1 KB table built at compile time.

use std::fmt::Write as _;

use crate::frame::{self, Align as FrameAlign, Line, Rule};
use crate::model::Document;
use crate::render::{self, Element};
use crate::rules::LayoutRules;
use crate::text::is_xml_safe;

/// The CRC-32 (IEEE 802.3, reflected) of zip entries, one table lookup
/// per byte.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut index = 0;
    while index < 256 {
        let mut crc = index as u32;
        let mut bit = 0;
        while bit < 8 {
            crc = if crc & 1 == 1 {
                0xedb8_8320 ^ (crc >> 1)
            } else {
                crc >> 1
            };
            bit += 1;
        }
        table[index] = crc;
        index += 1;
    }
    table
};

fn crc32(data: &[u8]) -> u32 {
    !data.iter().fold(!0u32, |crc, &byte| {
        CRC_TABLE[((crc ^ u32::from(byte)) & 0xff) as usize] ^ (crc >> 8)
    })
}

/// Twips (1/20 pt) in a millimetre.
const TWIPS_PER_MM: f32 = 56.692_91;

pub fn mm_to_twips(mm: f32) -> u32 {
    (mm * TWIPS_PER_MM).round() as u32
}

/// A4 in twips.
pub const A4_WIDTH_TWIPS: u32 = 11906;
pub const A4_HEIGHT_TWIPS: u32 = 16838;

fn escape_xml(text: &str) -> String {
    crate::text::replace_chars(text, |c| match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '"' => Some("&quot;"),
        // Characters XML 1.0 cannot carry at all, and noncharacters
        // (drafts stored by older versions may hold them). A carriage
        // return is a line break Word would not show either.
        '\r' => Some(""),
        c if !is_xml_safe(c) => Some(""),
        _ => None,
    })
}

/// How a run of text looks.
#[derive(Clone, Copy, Default)]
struct Style {
    bold: bool,
    italic: bool,
    underline: bool,
    size_pt: f32,
}

fn run(text: &str, style: Style) -> String {
    run_of_pieces(&[text], style)
}

/// A run of `pieces` with a line break between each and the next.
fn run_of_pieces(pieces: &[&str], style: Style) -> String {
    let mut props = String::from(
        "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\" w:eastAsia=\"Times New Roman\"/>",
    );
    if style.bold {
        props.push_str("<w:b/><w:bCs/>");
    }
    if style.italic {
        props.push_str("<w:i/><w:iCs/>");
    }
    let half_points = (style.size_pt * 2.0).round() as u32;
    let _ = write!(
        props,
        "<w:sz w:val=\"{half_points}\"/><w:szCs w:val=\"{half_points}\"/>"
    );
    // The schema orders a run's properties: the underline after the size.
    if style.underline {
        props.push_str("<w:u w:val=\"single\"/>");
    }
    let text = pieces
        .iter()
        .map(|piece| format!("<w:t xml:space=\"preserve\">{}</w:t>", escape_xml(piece)))
        .collect::<Vec<_>>()
        .join("<w:br/>");
    format!("<w:r><w:rPr>{props}</w:rPr>{text}</w:r>")
}

/// Paragraph alignment.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Align {
    Center,
    Left,
    Right,
    Justify,
}

/// How a paragraph is spaced and kept, in twips.
#[derive(Clone, Copy, Default)]
struct Spacing {
    before: u32,
    after: u32,
    /// The exact distance between baselines.
    line: u32,
    /// Kept on the page of the next paragraph (headings, the title).
    keep_next: bool,
    /// Never split across pages.
    keep_lines: bool,
}

impl Spacing {
    /// Lines `pitch_pt` apart, `after_pt` below.
    fn pitch(pitch_pt: f32, after_pt: f32) -> Spacing {
        Spacing {
            line: twips(pitch_pt),
            after: twips(after_pt),
            ..Spacing::default()
        }
    }

    fn kept(mut self) -> Spacing {
        self.keep_next = true;
        self.keep_lines = true;
        self
    }
}

/// Points in twips.
fn twips(pt: f32) -> u32 {
    (pt * 20.0).round() as u32
}

/// A figure's caption: centred, in italics, under its picture.
fn figure_caption(caption: &str, size_pt: f32, spacing: Spacing) -> String {
    paragraph(
        &[run(
            caption,
            Style {
                italic: true,
                size_pt,
                ..Style::default()
            },
        )],
        Align::Center,
        0,
        spacing,
    )
}

/// A paragraph: a line alone at a page's top or bottom is never left
/// (`widowControl`), and the line pitch is exact, as the print's
/// `line-height` is.
fn paragraph(runs: &[String], align: Align, first_line_indent: u32, spacing: Spacing) -> String {
    let jc = match align {
        Align::Center => "center",
        Align::Left => "left",
        Align::Right => "right",
        Align::Justify => "both",
    };
    let indent = if first_line_indent > 0 {
        format!("<w:ind w:firstLine=\"{first_line_indent}\"/>")
    } else {
        String::new()
    };
    // The schema orders a paragraph's properties: keeps, widow control,
    // spacing, indent, alignment.
    let keep = match (spacing.keep_next, spacing.keep_lines) {
        (true, true) => "<w:keepNext/><w:keepLines/>",
        (true, false) => "<w:keepNext/>",
        (false, true) => "<w:keepLines/>",
        (false, false) => "",
    };
    let Spacing {
        before,
        after,
        line,
        ..
    } = spacing;
    format!(
        "<w:p><w:pPr>{keep}<w:widowControl/><w:spacing w:before=\"{before}\" w:after=\"{after}\" w:line=\"{line}\" w:lineRule=\"exact\"/>{indent}<w:jc w:val=\"{jc}\"/></w:pPr>{}</w:p>",
        runs.concat()
    )
}

/// An empty paragraph `height_pt` tall whose bottom border is a solid
/// rule `length` twips long, centred in a column `width` twips wide: the
/// rule stands `height_pt` below the line above, clear of its descenders.
fn rule_paragraph(length: u32, width: u32, height_pt: f32, after_pt: f32, keep: bool) -> String {
    let indent = width.saturating_sub(length) / 2;
    let line = twips(height_pt);
    let after = twips(after_pt);
    let keep = if keep {
        "<w:keepNext/><w:keepLines/>"
    } else {
        ""
    };
    format!(
        "<w:p><w:pPr>{keep}<w:widowControl/><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/></w:pBdr>\
<w:spacing w:before=\"0\" w:after=\"{after}\" w:line=\"{line}\" w:lineRule=\"exact\"/><w:ind w:left=\"{indent}\" w:right=\"{indent}\"/>\
<w:rPr><w:sz w:val=\"4\"/><w:szCs w:val=\"4\"/></w:rPr></w:pPr></w:p>"
    )
}

/// A frame line as paragraphs, as the frame sets it, in a column
/// `width` twips wide: a rule as long as the text is the text underlined;
/// a shorter one is the top border of an empty paragraph below, indented
/// to its length. Lines of the title block are kept with what follows,
/// lines of the closing with each other.
fn frame_line(line: &Line, width: u32) -> String {
    let style = Style {
        bold: line.bold,
        italic: line.italic,
        underline: line.underline || line.rule == Some(Rule::TextWidth),
        size_pt: line.size_pt,
    };
    let align = match line.align {
        FrameAlign::Center => Align::Center,
        FrameAlign::Left => Align::Left,
    };
    let keep = line.column == frame::Column::Whole;
    let mut spacing = Spacing::pitch(line.pitch_pt, line.space_after_pt);
    spacing.before = twips(line.space_before_pt);
    if keep {
        spacing = spacing.kept();
    }
    if let Some(Rule::Short { length_pt }) = line.rule {
        return rule_paragraph(
            twips(length_pt),
            width,
            line.pitch_pt,
            line.space_after_pt,
            keep,
        );
    }
    let mut out = paragraph(&[run_of_pieces(&line.pieces(), style)], align, 0, spacing);
    if let Some(Rule::Fraction(fraction)) = line.rule {
        let estimated = twips(line.estimated_width_pt());
        let length = (estimated.min(width) as f32 * fraction).round() as u32;
        out.push_str(&rule_paragraph(
            length,
            width,
            frame::RULE_LINE_PT,
            0.0,
            keep,
        ));
    }
    out
}

/// Frame lines in a column `width` twips wide.
fn frame_lines(lines: &[Line], width: u32) -> String {
    lines.iter().map(|line| frame_line(line, width)).collect()
}

fn cell(width: u32, content: &str) -> String {
    format!("<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/></w:tcPr>{content}</w:tc>")
}

/// A borderless two-column table of one row, which is never split across
/// pages (the closing: recipients and the whole signature block).
fn two_columns(left_width: u32, right_width: u32, left: &str, right: &str) -> String {
    let none = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .iter()
        .map(|side| format!("<w:{side} w:val=\"nil\"/>"))
        .collect::<String>();
    format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{}\" w:type=\"dxa\"/><w:tblBorders>{none}</w:tblBorders><w:tblLayout w:type=\"fixed\"/>\
<w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>\
<w:tblGrid><w:gridCol w:w=\"{left_width}\"/><w:gridCol w:w=\"{right_width}\"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>{}{}</w:tr></w:tbl>",
        left_width + right_width,
        cell(left_width, left),
        cell(right_width, right)
    )
}

/// What the body's paragraphs are set with, from the layout.
struct BodyStyle {
    size: f32,
    indent: u32,
    body_spacing: Spacing,
    heading_spacing: Spacing,
    table_pt: f32,
    table_pitch: f32,
    paragraph_gap: f32,
}

/// A page's size, orientation and text width, for a section.
#[derive(Clone, Copy)]
struct Page {
    width: u32,
    height: u32,
    landscape: bool,
}

impl Page {
    fn of(landscape: bool) -> Page {
        if landscape {
            Page {
                width: A4_HEIGHT_TWIPS,
                height: A4_WIDTH_TWIPS,
                landscape,
            }
        } else {
            Page {
                width: A4_WIDTH_TWIPS,
                height: A4_HEIGHT_TWIPS,
                landscape,
            }
        }
    }

    fn text_width(self, layout: &LayoutRules) -> u32 {
        let margins = layout.margins_mm;
        self.width - mm_to_twips(margins.left) - mm_to_twips(margins.right)
    }

    /// The section properties of a section on this page: the page number
    /// header, size, orientation and margins; `first_page` leaves the
    /// number off its first page (the report's first page).
    fn section_properties(self, layout: &LayoutRules, first_page: bool) -> String {
        let margins = layout.margins_mm;
        let orient = if self.landscape {
            " w:orient=\"landscape\""
        } else {
            ""
        };
        format!(
            "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>\
<w:pgSz w:w=\"{}\" w:h=\"{}\"{orient}/>\
<w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>{}</w:sectPr>",
            self.width,
            self.height,
            mm_to_twips(margins.top),
            mm_to_twips(margins.right),
            mm_to_twips(margins.bottom),
            mm_to_twips(margins.left),
            if first_page { "<w:titlePg/>" } else { "" },
        )
    }
}

/// The paragraphs and tables of `elements` in a text column `width`
/// twips wide.
fn elements_xml(elements: &[Element], style: &BodyStyle, width: u32, media: &Media) -> String {
    let size = style.size;
    let indent = style.indent;
    let body = |size: f32| Style {
        size_pt: size,
        ..Style::default()
    };
    let bold = |size: f32| Style {
        bold: true,
        size_pt: size,
        ..Style::default()
    };
    let mut xml = String::new();
    for element in elements {
        let p = match element {
            Element::Heading {
                depth,
                number,
                text,
                ..
            } => {
                let heading_style = match depth {
                    0 | 1 => bold(size),
                    _ => Style {
                        italic: true,
                        size_pt: size,
                        ..Style::default()
                    },
                };
                let mut runs = vec![run(number, heading_style)];
                if !text.trim().is_empty() {
                    runs.push(run(&format!(" {text}"), heading_style));
                }
                if let Some(text) = element.trailing_text() {
                    runs.push(run(&format!(" {text}"), body(size)));
                }
                paragraph(&runs, Align::Justify, indent, style.heading_spacing)
            }
            Element::Paragraph { text, .. } if !text.trim().is_empty() => paragraph(
                &[run(text, body(size))],
                Align::Justify,
                indent,
                style.body_spacing,
            ),
            Element::Bullet { marker, text, .. } if !text.trim().is_empty() => paragraph(
                &[run(&format!("{marker} {text}"), body(size))],
                Align::Justify,
                indent,
                style.body_spacing,
            ),
            Element::Assessment { label, .. } => {
                let mut runs = vec![run(
                    &format!("{label}:"),
                    Style {
                        bold: true,
                        italic: true,
                        size_pt: size,
                        underline: false,
                    },
                )];
                if let Some(text) = element.trailing_text() {
                    runs.push(run(&format!(" {text}"), body(size)));
                }
                paragraph(&runs, Align::Justify, indent, style.body_spacing)
            }
            Element::Figure {
                caption,
                picture: Some(picture),
                ..
            } => {
                let mut p = media
                    .index_of(&picture.id)
                    .map(|index| {
                        picture_paragraph(index, picture, width, style.paragraph_gap / 2.0)
                    })
                    .unwrap_or_default();
                if !caption.trim().is_empty() {
                    p.push_str(&figure_caption(caption, size, style.body_spacing));
                }
                p
            }
            Element::Figure { caption, .. } if !caption.trim().is_empty() => {
                figure_caption(caption, size, style.body_spacing)
            }
            // The number line, then the title; both centred, bold, kept
            // with what follows.
            Element::Division { number, text, .. } | Element::Appendix { number, text, .. } => {
                let attachment = match element {
                    Element::Appendix { attachment, .. } => attachment.as_str(),
                    _ => "",
                };
                let mut out = String::new();
                let mut first = style.heading_spacing;
                if !text.trim().is_empty() || !attachment.trim().is_empty() {
                    first.after = 0;
                }
                out.push_str(&paragraph(
                    &[run(number, bold(size))],
                    Align::Center,
                    0,
                    first,
                ));
                if !text.trim().is_empty() {
                    let mut spacing = style.heading_spacing;
                    if !attachment.trim().is_empty() {
                        spacing.after = 0;
                    }
                    out.push_str(&paragraph(
                        &[run(text, bold(size))],
                        Align::Center,
                        0,
                        spacing,
                    ));
                }
                if !attachment.trim().is_empty() {
                    out.push_str(&paragraph(
                        &[run(
                            attachment,
                            Style {
                                italic: true,
                                size_pt: size,
                                ..Style::default()
                            },
                        )],
                        Align::Center,
                        0,
                        style.heading_spacing,
                    ));
                }
                out
            }
            Element::Table { view, .. } => table_xml(view, style, width),
            _ => String::new(),
        };
        xml.push_str(&p);
    }
    xml
}

/// A statistics table in a column `width` twips wide: its caption (bold,
/// centred) and unit line (italic, right) kept with it, then the grid:
/// borders all round, the header rows and the column number row repeated
/// at the top of every page (`tblHeader`), no row split over two pages
/// (`cantSplit`), merged header cells as `gridSpan` and `vMerge`, numbers
/// to the right, group and total rows bold. The text is `table_pt`.
fn table_xml(view: &crate::table::TableView, style: &BodyStyle, width: u32) -> String {
    let size = style.table_pt;
    let mut out = String::new();
    let kept = Spacing::pitch(style.table_pitch, 0.0).kept();
    if !view.caption.trim().is_empty() {
        let mut spacing = kept;
        spacing.after = twips(style.paragraph_gap / 2.0);
        out.push_str(&paragraph(
            &[run(
                &view.caption,
                Style {
                    bold: true,
                    size_pt: style.size,
                    ..Style::default()
                },
            )],
            Align::Center,
            0,
            Spacing {
                line: style.body_spacing.line,
                ..spacing
            },
        ));
    }
    if !view.unit_line.is_empty() {
        out.push_str(&paragraph(
            &[run(
                &view.unit_line,
                Style {
                    italic: true,
                    size_pt: size,
                    ..Style::default()
                },
            )],
            Align::Right,
            0,
            kept,
        ));
    }
    let columns = view.columns.len();
    if columns == 0 {
        return out;
    }
    // Column widths from their shares; the last takes what rounding left.
    let mut grid: Vec<u32> = view
        .columns
        .iter()
        .map(|column| width * u32::from(column.width_permille) / 1000)
        .collect();
    let used: u32 = grid[..columns - 1].iter().sum();
    grid[columns - 1] = width.saturating_sub(used);
    let span_width =
        |col: usize, span: usize| -> u32 { grid[col..(col + span).min(columns)].iter().sum() };
    let border = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .iter()
        .map(|side| {
            format!("<w:{side} w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/>")
        })
        .collect::<String>();
    let _ = write!(
        out,
        "<w:tbl><w:tblPr><w:tblW w:w=\"{width}\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>{border}</w:tblBorders><w:tblLayout w:type=\"fixed\"/>\
<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"57\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>"
    );
    for column in &grid {
        let _ = write!(out, "<w:gridCol w:w=\"{column}\"/>");
    }
    out.push_str("</w:tblGrid>");
    let cell_spacing = Spacing::pitch(style.table_pitch, 0.0);
    let cell = |width: u32, extra: &str, text: &str, align: Align, look: Style, left: u32| {
        let pieces: Vec<&str> = text.split('\n').collect();
        let runs = if text.is_empty() {
            Vec::new()
        } else {
            vec![run_of_pieces(&pieces, look)]
        };
        let mut p = paragraph(&runs, align, 0, cell_spacing);
        if left > 0 {
            p = p.replacen("<w:jc ", &format!("<w:ind w:left=\"{left}\"/><w:jc "), 1);
        }
        format!(
            "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>{extra}<w:vAlign w:val=\"center\"/></w:tcPr>{p}</w:tc>"
        )
    };
    let header_look = Style {
        bold: true,
        size_pt: size,
        ..Style::default()
    };
    for row in crate::table::header_grid(view) {
        out.push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for place in row {
            let (start, merge) = match place {
                crate::table::HeaderPlace::Start(start) => (
                    start,
                    if start.row_span > 1 {
                        "<w:vMerge w:val=\"restart\"/>"
                    } else {
                        ""
                    },
                ),
                crate::table::HeaderPlace::Below(start) => (start, "<w:vMerge/>"),
                crate::table::HeaderPlace::Covered => continue,
            };
            let span = if start.col_span > 1 {
                format!("<w:gridSpan w:val=\"{}\"/>", start.col_span)
            } else {
                String::new()
            };
            let text = if merge == "<w:vMerge/>" {
                ""
            } else {
                start.text.as_str()
            };
            out.push_str(&cell(
                span_width(start.col, start.col_span),
                &format!("{span}{merge}"),
                text,
                Align::Center,
                header_look,
                0,
            ));
        }
        out.push_str("</w:tr>");
    }
    if let Some(numbers) = &view.number_row {
        out.push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for (c, column) in grid.iter().enumerate() {
            let text = numbers.get(c).map(String::as_str).unwrap_or("");
            out.push_str(&cell(
                *column,
                "",
                text,
                Align::Center,
                Style {
                    italic: true,
                    size_pt: size,
                    ..Style::default()
                },
                0,
            ));
        }
        out.push_str("</w:tr>");
    }
    for row in &view.rows {
        let strong = matches!(
            row.kind,
            crate::table::RowKind::Group | crate::table::RowKind::Total
        );
        out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        for (c, column) in grid.iter().enumerate() {
            let Some(body) = row.cells.get(c) else {
                out.push_str(&cell(*column, "", "", Align::Left, Style::default(), 0));
                continue;
            };
            let align = if body.numeric {
                Align::Right
            } else {
                Align::Left
            };
            let left = if c == 0 {
                u32::from(row.indent.min(3)) * TABLE_INDENT_TWIPS
            } else {
                0
            };
            out.push_str(&cell(
                *column,
                "",
                &body.text,
                align,
                Style {
                    bold: strong,
                    size_pt: size,
                    ..Style::default()
                },
                left,
            ));
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
    // The space below the table, as below a paragraph.
    out.push_str(&paragraph(
        &[],
        Align::Left,
        0,
        Spacing {
            line: twips(style.paragraph_gap),
            ..Spacing::default()
        },
    ));
    out
}

/// How far a row's first cell is indented per level ("- Nam"), 5 mm.
const TABLE_INDENT_TWIPS: u32 = 283;

/// The body of `document.xml` for `document`.
pub fn document_xml(document: &Document) -> String {
    document_xml_with(document, &Media::default())
}

/// The pictures a DOCX carries, in the order of their first figure: the
/// `n`th (from 1) is `word/media/image{n}.{png|jpeg}`, related as
/// `rIdImage{n}`. A picture used twice is carried once.
#[derive(Debug, Default)]
pub struct Media {
    pictures: Vec<(String, crate::picture::Mime)>,
}

impl Media {
    /// The pictures of `document`'s figures found in `pictures`; a figure
    /// whose picture is missing keeps its caption only.
    pub fn of(document: &Document, pictures: &crate::picture::Pictures) -> Media {
        let mut media = Media::default();
        let elements = render::elements(document);
        let appendices = render::appendices(document);
        for element in elements.iter().chain(appendices.iter()) {
            if let Element::Figure {
                picture: Some(picture),
                ..
            } = element
            {
                if let Some(stored) = pictures.get(&picture.id) {
                    if media.index_of(&picture.id).is_none() {
                        media.pictures.push((picture.id.clone(), stored.mime));
                    }
                }
            }
        }
        media
    }

    fn index_of(&self, id: &str) -> Option<usize> {
        self.pictures
            .iter()
            .position(|(known, _)| known == id)
            .map(|at| at + 1)
    }

    fn name(&self, index: usize) -> String {
        let extension = self.pictures[index - 1].1.extension();
        format!("image{index}.{extension}")
    }
}

/// EMUs per twip (914,400 an inch, 1,440 twips an inch).
const EMU_PER_TWIP: u64 = 635;
/// EMUs per pixel at 96 pixels an inch.
const EMU_PER_PIXEL: u64 = 9_525;
/// The tallest a picture is set, in millimetres, so that it fits a page's
/// text column with its caption.
pub const PICTURE_MAX_HEIGHT_MM: f32 = 200.0;

/// A picture's size in EMUs: its pixels at 96 an inch, scaled down (its
/// proportions kept) to fit `width` twips and `PICTURE_MAX_HEIGHT_MM`.
pub fn picture_extent(width_px: u32, height_px: u32, width: u32) -> (u64, u64) {
    let (w, h) = (
        u64::from(width_px.max(1)) * EMU_PER_PIXEL,
        u64::from(height_px.max(1)) * EMU_PER_PIXEL,
    );
    let max_w = u64::from(width) * EMU_PER_TWIP;
    let max_h = u64::from(mm_to_twips(PICTURE_MAX_HEIGHT_MM)) * EMU_PER_TWIP;
    // The smaller of the two scales, as a fraction w_num / w_den.
    let (num, den) = if w * max_h >= h * max_w {
        (max_w, w)
    } else {
        (max_h, h)
    };
    if num >= den {
        (w, h)
    } else {
        ((w * num / den).max(1), (h * num / den).max(1))
    }
}

/// The centred paragraph holding picture `index` inline, kept with its
/// caption.
fn picture_paragraph(
    index: usize,
    picture: &crate::model::PictureRef,
    width: u32,
    after_pt: f32,
) -> String {
    let (cx, cy) = picture_extent(picture.width, picture.height, width);
    format!(
        "<w:p><w:pPr><w:keepNext/><w:spacing w:before=\"0\" w:after=\"{after}\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/></w:pPr>\
<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" \
xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\">\
<wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:docPr id=\"{index}\" name=\"Picture {index}\"/>\
<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>\
<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">\
<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
<pic:nvPicPr><pic:cNvPr id=\"{index}\" name=\"Picture {index}\"/><pic:cNvPicPr/></pic:nvPicPr>\
<pic:blipFill><a:blip r:embed=\"rIdImage{index}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>\
</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>",
        after = twips(after_pt),
    )
}

/// `document.xml` with the figures' pictures of `media` inline.
fn document_xml_with(document: &Document, media: &Media) -> String {
    let meta = &document.meta;
    let layout = crate::rules::layout(meta);
    let layout = &layout;
    let page = Page::of(layout.landscape);
    let text_width = page.text_width(layout);
    let left_width = text_width * layout.header_left_percent / 100;
    let right_width = text_width - left_width;
    // Body paragraphs: lines at the body's pitch, the ruleset's space
    // after; headings kept with what follows.
    let body_spacing = Spacing::pitch(
        layout.line_pitch_pt(layout.body_pt),
        layout.paragraph_spacing_pt,
    );
    let style = BodyStyle {
        size: layout.body_pt,
        indent: mm_to_twips(layout.first_line_indent_mm),
        body_spacing,
        heading_spacing: body_spacing.kept(),
        table_pt: layout.table_pt(),
        table_pitch: layout.line_pitch_pt(layout.table_pt()),
        paragraph_gap: layout.paragraph_spacing_pt,
    };

    let frame = frame::frame(document);
    let mut xml = String::new();
    // The header: issuing side left, national heading and date right.
    xml.push_str(&two_columns(
        left_width,
        right_width,
        &frame_lines(&frame.header.left, left_width),
        &frame_lines(&frame.header.right, right_width),
    ));

    // Title, subject and the rule under them, spaced as the frame says.
    for line in &frame.title {
        xml.push_str(&frame_line(line, text_width));
    }

    // Preamble and body.
    xml.push_str(&elements_xml(
        &render::elements(document),
        &style,
        text_width,
        media,
    ));

    // Recipients left, signature right, a little apart from the body and
    // kept with it.
    xml.push_str(&paragraph(
        &[],
        Align::Left,
        0,
        Spacing {
            line: twips(layout.closing_space_before_pt),
            keep_next: true,
            ..Spacing::default()
        },
    ));
    xml.push_str(&two_columns(
        left_width,
        right_width,
        &frame_lines(&frame.closing.left, left_width),
        &frame_lines(&frame.closing.right, right_width),
    ));

    // The appendices, after the closing, each a section of its own that
    // starts a new page, on its side when it says so. A section ends with
    // a paragraph carrying its properties; the last one's are the body's.
    let appendices = render::appendices(document);
    let mut section = page;
    let mut first_section = true;
    let mut at = 0;
    while at < appendices.len() {
        let end = appendices[at + 1..]
            .iter()
            .position(|element| matches!(element, Element::Appendix { .. }))
            .map_or(appendices.len(), |next| at + 1 + next);
        let _ = write!(
            xml,
            "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"40\" w:lineRule=\"exact\"/>{}</w:pPr></w:p>",
            section.section_properties(layout, first_section)
        );
        first_section = false;
        let landscape = match &appendices[at] {
            Element::Appendix { landscape, .. } => *landscape || layout.landscape,
            _ => layout.landscape,
        };
        section = Page::of(landscape);
        xml.push_str(&elements_xml(
            &appendices[at..end],
            &style,
            section.text_width(layout),
            media,
        ));
        at = end;
    }
    xml.push_str(&section.section_properties(layout, first_section));
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document \
xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>{xml}</w:body></w:document>"
    )
}

/// The run properties of Times New Roman text of `size_pt`.
fn times_run_properties(size_pt: f32) -> String {
    let half_points = (size_pt * 2.0).round() as u32;
    format!(
        "<w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\" w:eastAsia=\"Times New Roman\"/>\
<w:sz w:val=\"{half_points}\"/><w:szCs w:val=\"{half_points}\"/></w:rPr>"
    )
}

/// The header of pages 2 and on: the page number, centred, in Times New
/// Roman (each run of the field carries the font: LibreOffice sets the
/// number in the font of the field's first run).
fn header_xml(layout: &LayoutRules) -> String {
    let props = times_run_properties(layout.page_number_pt);
    let field = |kind: &str| format!("<w:r>{props}<w:fldChar w:fldCharType=\"{kind}\"/></w:r>");
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:p><w:pPr><w:jc w:val=\"center\"/>{props}</w:pPr>{}<w:r>{props}<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>{}{}{}</w:p></w:hdr>",
        field("begin"),
        field("separate"),
        run("2", Style { size_pt: layout.page_number_pt, ..Style::default() }),
        field("end"),
    )
}

/// The document defaults: Times New Roman in the body's size, widow and
/// orphan control, no space between paragraphs, so that whatever a
/// paragraph does not set is set as the rest of the report.
fn styles_xml(layout: &LayoutRules) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:docDefaults><w:rPrDefault>{}</w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:before=\"0\" w:after=\"0\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:pPr><w:widowControl/></w:pPr>{}</w:style>\
</w:styles>",
        times_run_properties(layout.body_pt),
        times_run_properties(layout.body_pt),
    )
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
<Override PartName=\"/docProps/custom.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.custom-properties+xml\"/>\
</Types>";

const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties\" Target=\"docProps/custom.xml\"/>\
</Relationships>";

const DOCUMENT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rIdHeader\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>\
<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
</Relationships>";

/// The custom property naming the ruleset a file was laid out with.
pub const RULESET_PROPERTY: &str = "BaoCaoRuleset";

/// The custom property citing the texts of that ruleset.
pub const RULESET_SOURCES_PROPERTY: &str = "BaoCaoRulesetSources";

/// The core properties: which rules the file follows, in the fields Word
/// and LibreOffice show under File › Properties (keywords: the ruleset's
/// id; description: its texts). No user text goes here, and no date, so
/// the same draft keeps giving the same bytes.
fn core_xml(layout: &LayoutRules) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
<dc:description>{}</dc:description><cp:keywords>{}</cp:keywords></cp:coreProperties>",
        escape_xml(&layout.sources.citation()),
        escape_xml(layout.sources.id),
    )
}

/// The custom properties: `BaoCaoRuleset` (the ruleset's id and version)
/// and `BaoCaoRulesetSources` (its texts), as strings.
fn custom_xml(layout: &LayoutRules) -> String {
    let property = |pid: u32, name: &str, value: &str| {
        format!(
            "<property fmtid=\"{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}\" pid=\"{pid}\" name=\"{}\"><vt:lpwstr>{}</vt:lpwstr></property>",
            escape_xml(name),
            escape_xml(value)
        )
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">{}{}</Properties>",
        property(2, RULESET_PROPERTY, layout.sources.id),
        property(3, RULESET_SOURCES_PROPERTY, &layout.sources.citation()),
    )
}

/// A zip archive with stored (uncompressed) entries.
fn zip_stored(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    // 1 January 2026, 00:00, in DOS format: the date is fixed so that the
    // same draft always gives the same bytes.
    let (dos_time, dos_date): (u16, u16) = (0, ((2026 - 1980) << 9) | (1 << 5) | 1);
    for (name, data) in entries {
        let offset = out.len() as u32;
        let crc = crc32(data);
        let size = data.len() as u32;
        let name_bytes = name.as_bytes();
        let local = [
            &0x0403_4b50u32.to_le_bytes()[..],
            &20u16.to_le_bytes(),
            &0x0800u16.to_le_bytes(), // UTF-8 names
            &0u16.to_le_bytes(),      // stored
            &dos_time.to_le_bytes(),
            &dos_date.to_le_bytes(),
            &crc.to_le_bytes(),
            &size.to_le_bytes(),
            &size.to_le_bytes(),
            &(name_bytes.len() as u16).to_le_bytes(),
            &0u16.to_le_bytes(),
        ]
        .concat();
        out.extend_from_slice(&local);
        out.extend_from_slice(name_bytes);
        out.extend_from_slice(data);
        let entry = [
            &0x0201_4b50u32.to_le_bytes()[..],
            &20u16.to_le_bytes(),
            &20u16.to_le_bytes(),
            &0x0800u16.to_le_bytes(),
            &0u16.to_le_bytes(),
            &dos_time.to_le_bytes(),
            &dos_date.to_le_bytes(),
            &crc.to_le_bytes(),
            &size.to_le_bytes(),
            &size.to_le_bytes(),
            &(name_bytes.len() as u16).to_le_bytes(),
            &0u16.to_le_bytes(),
            &0u16.to_le_bytes(),
            &0u16.to_le_bytes(),
            &0u16.to_le_bytes(),
            &0u32.to_le_bytes(),
            &offset.to_le_bytes(),
        ]
        .concat();
        central.extend_from_slice(&entry);
        central.extend_from_slice(name_bytes);
    }
    let central_offset = out.len() as u32;
    out.extend_from_slice(&central);
    let end = [
        &0x0605_4b50u32.to_le_bytes()[..],
        &0u16.to_le_bytes(),
        &0u16.to_le_bytes(),
        &(entries.len() as u16).to_le_bytes(),
        &(entries.len() as u16).to_le_bytes(),
        &(central.len() as u32).to_le_bytes(),
        &central_offset.to_le_bytes(),
        &0u16.to_le_bytes(),
    ]
    .concat();
    out.extend_from_slice(&end);
    out
}

/// The content types, with the picture formats `media` uses.
fn content_types(media: &Media) -> String {
    let mut defaults = String::new();
    for mime in [crate::picture::Mime::Jpeg, crate::picture::Mime::Png] {
        if media.pictures.iter().any(|(_, used)| *used == mime) {
            let _ = write!(
                defaults,
                "<Default Extension=\"{}\" ContentType=\"{}\"/>",
                mime.extension(),
                mime.as_str()
            );
        }
    }
    CONTENT_TYPES.replacen("<Override ", &format!("{defaults}<Override "), 1)
}

/// The document's relationships, with one per picture of `media`.
fn document_rels(media: &Media) -> String {
    let mut pictures = String::new();
    for index in 1..=media.pictures.len() {
        let _ = write!(
            pictures,
            "<Relationship Id=\"rIdImage{index}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/{}\"/>",
            media.name(index)
        );
    }
    DOCUMENT_RELS.replacen(
        "</Relationships>",
        &format!("{pictures}</Relationships>"),
        1,
    )
}

/// The draft as a `.docx` file, without pictures (see `docx_with`).
pub fn docx(document: &Document) -> Vec<u8> {
    docx_with(document, &crate::picture::Pictures::new())
}

/// The draft as a `.docx` file with the figures' pictures found in
/// `pictures` in `word/media`, each set inline at its size at 96 pixels
/// an inch, scaled down to fit the text column.
pub fn docx_with(document: &Document, pictures: &crate::picture::Pictures) -> Vec<u8> {
    let media = Media::of(document, pictures);
    let document_xml = document_xml_with(document, &media);
    let layout = crate::rules::layout(&document.meta);
    let header = header_xml(&layout);
    let styles = styles_xml(&layout);
    let core = core_xml(&layout);
    let custom = custom_xml(&layout);
    let types = content_types(&media);
    let rels = document_rels(&media);
    let names: Vec<String> = (1..=media.pictures.len())
        .map(|index| format!("word/media/{}", media.name(index)))
        .collect();
    let mut entries: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", types.as_bytes()),
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("docProps/core.xml", core.as_bytes()),
        ("docProps/custom.xml", custom.as_bytes()),
        ("word/document.xml", document_xml.as_bytes()),
        ("word/_rels/document.xml.rels", rels.as_bytes()),
        ("word/header1.xml", header.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
    ];
    for (name, (id, _)) in names.iter().zip(&media.pictures) {
        if let Some(picture) = pictures.get(id) {
            entries.push((name, &picture.bytes));
        }
    }
    zip_stored(&entries)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::template::seed_sample;
    use std::io::Read;

    fn unzip(bytes: &[u8]) -> std::collections::BTreeMap<String, String> {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        (0..archive.len())
            .map(|i| {
                let mut file = archive.by_index(i).unwrap();
                let mut text = String::new();
                file.read_to_string(&mut text).unwrap();
                (file.name().to_owned(), text)
            })
            .collect()
    }

    /// The text of `document.xml`, runs joined per paragraph.
    fn paragraphs(xml: &str) -> Vec<String> {
        xml.split("<w:p>")
            .skip(1)
            .map(|p| {
                p.split("<w:t xml:space=\"preserve\">")
                    .skip(1)
                    .map(|t| t.split("</w:t>").next().unwrap_or(""))
                    .collect::<String>()
            })
            .map(|t| {
                t.replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
            })
            .filter(|t| !t.trim().is_empty())
            .collect()
    }

    #[test]
    fn the_docx_is_a_valid_zip_with_every_part() {
        let files = unzip(&docx(&seed_sample()));
        let names: Vec<&str> = files.keys().map(String::as_str).collect();
        assert_eq!(
            names,
            [
                "[Content_Types].xml",
                "_rels/.rels",
                "docProps/core.xml",
                "docProps/custom.xml",
                "word/_rels/document.xml.rels",
                "word/document.xml",
                "word/header1.xml",
                "word/styles.xml"
            ]
        );
        assert!(files["word/header1.xml"].contains(" PAGE "));
    }

    #[test]
    fn page_size_margins_and_first_page_follow_the_party_rules() {
        let xml = document_xml(&seed_sample());
        assert!(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
        // 20, 15, 20 and 30 mm.
        assert!(
            xml.contains(
                "<w:pgMar w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\""
            ),
            "{}",
            &xml[xml.len() - 400..]
        );
        assert!(xml.contains("<w:titlePg/>"));
        assert!(xml.contains("w:ascii=\"Times New Roman\""));
        // Body 14 pt, title 16 pt, national heading 15 pt.
        assert!(xml.contains("<w:sz w:val=\"28\"/>"));
        assert!(xml.contains("<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr><w:t xml:space=\"preserve\">BÁO CÁO</w:t>"));
        assert!(xml.contains("<w:sz w:val=\"30\"/><w:szCs w:val=\"30\"/><w:u w:val=\"single\"/></w:rPr><w:t xml:space=\"preserve\">ĐẢNG CỘNG SẢN VIỆT NAM"));
        assert!(xml.contains("<w:jc w:val=\"both\"/>"));
        assert!(xml.contains("<w:ind w:firstLine=\"567\"/>"));
    }

    #[test]
    fn the_draft_s_page_settings_reach_the_docx() {
        let mut draft = seed_sample();
        draft.meta.ruleset = crate::model::Ruleset::State;
        draft.meta.page = crate::model::PageSettings {
            margin_top_mm: Some(25.0),
            margin_left_mm: Some(35.0),
            margin_right_mm: Some(20.0),
            body_pt: Some(13.0),
            line_spacing: Some(1.5),
            landscape: true,
            ..Default::default()
        };
        let xml = document_xml(&draft);
        assert!(xml.contains("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"));
        let margins = format!(
            "<w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"1134\" w:left=\"{}\"",
            mm_to_twips(25.0),
            mm_to_twips(20.0),
            mm_to_twips(35.0)
        );
        assert!(xml.contains(&margins), "{}", &xml[xml.len() - 400..]);
        // Body 13 pt at 1.5 lines: 19.5 pt (26 CSS pixels), 390 twips.
        assert!(xml.contains("<w:sz w:val=\"26\"/>"));
        assert!(xml.contains("w:line=\"390\" w:lineRule=\"exact\""));
        // The header table spans the landscape text width.
        let width = 16838 - mm_to_twips(35.0) - mm_to_twips(20.0);
        assert!(xml.contains(&format!("<w:tblW w:w=\"{width}\"")));
        // The document defaults follow the body size too.
        let files = unzip(&docx(&draft));
        assert!(files["word/styles.xml"].contains("<w:sz w:val=\"26\"/>"));
    }

    #[test]
    fn the_document_properties_name_the_ruleset_and_its_texts() {
        let mut draft = seed_sample();
        let files = unzip(&docx(&draft));
        let custom = &files["docProps/custom.xml"];
        assert!(custom
            .contains("name=\"BaoCaoRuleset\"><vt:lpwstr>party-hd36-2018/qd399-2026</vt:lpwstr>"));
        assert!(custom.contains(
            "name=\"BaoCaoRulesetSources\"><vt:lpwstr>Quy định 399-QĐ/TW (09/01/2026); Hướng dẫn 36-HD/VPTW (03/4/2018)</vt:lpwstr>"
        ));
        let core = &files["docProps/core.xml"];
        assert!(core.contains("<cp:keywords>party-hd36-2018/qd399-2026</cp:keywords>"));
        assert!(core.contains("<dc:description>Quy định 399-QĐ/TW (09/01/2026); Hướng dẫn 36-HD/VPTW (03/4/2018)</dc:description>"));
        // Both parts are declared and related, as Word requires.
        let types = &files["[Content_Types].xml"];
        assert!(types.contains("PartName=\"/docProps/core.xml\""));
        assert!(types.contains("PartName=\"/docProps/custom.xml\""));
        let rels = &files["_rels/.rels"];
        assert!(rels.contains("Target=\"docProps/core.xml\""));
        assert!(rels.contains("Target=\"docProps/custom.xml\""));
        draft.meta.ruleset = crate::model::Ruleset::State;
        let files = unzip(&docx(&draft));
        assert!(files["docProps/custom.xml"].contains("<vt:lpwstr>state-nd30-2020</vt:lpwstr>"));
        assert!(files["docProps/custom.xml"]
            .contains("<vt:lpwstr>Nghị định 30/2020/NĐ-CP, Phụ lục I (05/3/2020)</vt:lpwstr>"));
    }

    #[test]
    fn the_text_is_all_there_in_order() {
        let sample = seed_sample();
        let got = paragraphs(&document_xml(&sample));
        let expected_in_order = [
            "ĐẢNG BỘ HUYỆN LẤP VÒ",
            "ĐẢNG ỦY TRƯỜNG THPT LẤP VÒ 2",
            "*",
            "Số ",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Lấp Vò, ngày ",
            "BÁO CÁO",
            "tổng kết đổi mới phương thức lãnh đạo của Đảng, xây dựng hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả",
        ];
        for (want, got) in expected_in_order.iter().zip(&got) {
            assert!(got.starts_with(want), "{got:?} should start with {want:?}");
        }
        // Every line of the web-post rendering of the body is a paragraph,
        // in the same order.
        let body: Vec<String> = render::body(&sample)
            .iter()
            .map(render::element_line)
            .filter(|l| !l.trim().is_empty())
            .collect();
        let mut position = 0;
        for line in body {
            let found = got[position..]
                .iter()
                .position(|p| *p == line)
                .unwrap_or_else(|| panic!("missing or out of order: {line}"));
            position += found + 1;
        }
        assert!(got.iter().any(|p| p == "- Lưu Văn phòng Đảng ủy."));
        assert!(got.iter().any(|p| p == "Nguyễn Văn Kiệt"));
    }

    #[test]
    fn the_state_ruleset_has_its_own_header_and_number() {
        let mut sample = seed_sample();
        sample.meta.ruleset = crate::model::Ruleset::State;
        sample.meta.number_symbol = "02/BC-UBND".into();
        let got = paragraphs(&document_xml(&sample));
        assert!(got.contains(&"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".to_owned()));
        assert!(got.contains(&"Độc lập - Tự do - Hạnh phúc".to_owned()));
        assert!(got.contains(&"Số: 02/BC-UBND".to_owned()));
    }

    #[test]
    fn regression_the_state_national_heading_broke_onto_two_lines() {
        // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in 13 pt bold is 94.9 mm wide
        // in Times New Roman's metrics (Liberation Serif, measured in
        // Chromium); in a right column of 95.7 mm LibreOffice broke it.
        // Each ruleset's right column leaves its heading 5 mm or more.
        for (ruleset, heading_mm) in [
            (crate::model::Ruleset::State, 94.9),
            (crate::model::Ruleset::Party, 72.2),
        ] {
            let mut sample = seed_sample();
            sample.meta.ruleset = ruleset;
            let xml = document_xml(&sample);
            let columns: Vec<u32> = xml
                .match_indices("<w:gridCol w:w=\"")
                .take(2)
                .map(|(at, found)| {
                    let rest = &xml[at + found.len()..];
                    rest[..rest.find('"').unwrap()].parse().unwrap()
                })
                .collect();
            let right_mm = columns[1] as f32 * 25.4 / 1440.0;
            assert!(right_mm >= heading_mm + 5.0, "{ruleset:?}: {right_mm} mm");
        }
    }

    #[test]
    fn user_text_is_escaped() {
        let mut sample = seed_sample();
        sample.title = "x".into();
        sample.meta.subject = "<w:p>&\u{1}\"".into();
        let xml = document_xml(&sample);
        assert!(xml.contains("&lt;w:p&gt;&amp;&quot;"));
        assert!(!xml.contains('\u{1}'));
        // Still a valid archive that reads back.
        unzip(&docx(&sample));
    }

    /// Why `xml` is not well-formed XML 1.0, if it is not: a character XML
    /// cannot carry (or a noncharacter), markup that does not nest, or a
    /// raw "<" or "&" in text. Enough of XML for what `document_xml` writes.
    fn xml_problem(xml: &str) -> Option<String> {
        if let Some(c) = xml.chars().find(|c| !crate::text::is_xml_safe(*c)) {
            return Some(format!("U+{:04X} in the text", c as u32));
        }
        let mut open: Vec<&str> = Vec::new();
        let mut rest = xml;
        while let Some(at) = rest.find(['<', '&']) {
            let (text, tail) = rest.split_at(at);
            if text.contains('>') {
                return Some(format!("raw > in {text:?}"));
            }
            if tail.starts_with('&') {
                let end = tail.find(';')?;
                let name = &tail[1..end];
                let known =
                    ["amp", "lt", "gt", "quot", "apos"].contains(&name) || name.starts_with('#');
                if !known {
                    return Some(format!("unknown entity &{name};"));
                }
                rest = &tail[end + 1..];
                continue;
            }
            let Some(end) = tail.find('>') else {
                return Some("a tag is not closed".into());
            };
            let tag = &tail[1..end];
            if tag.contains('<') {
                return Some(format!("< inside a tag: {tag:?}"));
            }
            if let Some(name) = tag.strip_prefix('/') {
                if open.pop() != Some(name.trim()) {
                    return Some(format!("</{name}> closes nothing"));
                }
            } else if !tag.starts_with('?') && !tag.ends_with('/') {
                open.push(tag.split_whitespace().next().unwrap_or(""));
            }
            rest = &tail[end + 1..];
        }
        (!open.is_empty()).then(|| format!("{open:?} never closed"))
    }

    #[test]
    fn the_well_formedness_check_finds_what_it_should() {
        assert_eq!(xml_problem("<a><b x=\"1\"/>t &amp; u</a>"), None);
        assert!(xml_problem("<a><b></a>").is_some());
        assert!(xml_problem("<a>\u{ffff}</a>").is_some());
        assert!(xml_problem("<a>&nbsp;</a>").is_some());
        assert!(xml_problem("<a>x > y</a>").is_some());
    }

    /// Defect 7: U+FFFE and U+FFFF in a draft (typed, pasted, imported, or
    /// stored by an older version that let them in) made `document.xml`
    /// ill-formed, and LibreOffice refused the file. Every noncharacter and
    /// every character XML 1.0 cannot carry is left out of the export.
    #[test]
    fn docx_with_noncharacters_is_well_formed_xml() {
        let bad = "\u{fffe}\u{ffff}\u{fdd0}\u{fdef}\u{1fffe}\u{10ffff}\u{b}\u{1}";
        let mut sample = seed_sample();
        sample.meta.subject = format!("tổng{bad} kết");
        sample.meta.issuing_body = format!("Đảng ủy{bad}");
        sample.meta.number_symbol = format!("12-BC/ĐU{bad}");
        sample.closing.signer_name = format!("Nguyễn{bad} Văn Kiệt");
        sample.closing.recipients.push(format!("Nơi{bad} khác"));
        sample.sections[0].heading = format!("Phần{bad} một");
        sample
            .preamble
            .push(crate::model::Block::paragraph(format!("Đoạn{bad}.")));
        for ruleset in [crate::model::Ruleset::Party, crate::model::Ruleset::State] {
            sample.meta.ruleset = ruleset;
            let files = unzip(&docx(&sample));
            for (name, xml) in &files {
                assert_eq!(xml_problem(xml), None, "{ruleset:?}: {name}");
            }
            let text = paragraphs(&files["word/document.xml"]);
            assert!(text.iter().any(|p| p == "tổng kết"), "{text:?}");
            assert!(text.iter().any(|p| p == "Nguyễn Văn Kiệt"), "{text:?}");
        }
    }

    /// A table whose cells hold markup, with a header cell merged over
    /// two rows and two columns, in a landscape appendix and in the body:
    /// `document.xml` stays well-formed, the text escaped, the merged
    /// cell written once with its continuation below it.
    #[test]
    fn a_table_with_merged_cells_and_markup_is_well_formed() {
        use crate::model::{Block, Section, SectionKind, Shared};
        use crate::table::{presets, Merge};
        let mut table = presets::blank(2, 3);
        table.header = vec![
            vec!["<b>&".into(), String::new(), "c".into()],
            vec![String::new(), String::new(), "d".into()],
        ];
        table.merges = vec![Merge {
            row: 0,
            col: 0,
            rows: 2,
            cols: 2,
        }];
        table.rows[0].cells[0].text = "</w:t>\u{1}x".into();
        let mut sample = seed_sample();
        sample.sections[0].blocks.push(Block::Table(table.clone()));
        sample.sections.push(Section {
            kind: SectionKind::Appendix,
            landscape: true,
            heading: "Phụ lục".into(),
            blocks: Shared::new(vec![Block::Table(table)]),
            ..Section::default()
        });
        sample.assign_ids();
        let xml = document_xml(&sample);
        assert_eq!(xml_problem(&xml), None);
        assert!(xml.contains("&lt;b&gt;&amp;"));
        assert!(xml.contains("&lt;/w:t&gt;x"));
        assert_eq!(
            xml.matches("<w:gridSpan w:val=\"2\"/><w:vMerge w:val=\"restart\"/>")
                .count(),
            2
        );
        assert_eq!(
            xml.matches("<w:gridSpan w:val=\"2\"/><w:vMerge/>").count(),
            2
        );
        assert!(xml.contains("w:orient=\"landscape\""));
    }

    #[test]
    fn seed_sample_document_xml_matches_its_golden_file() {
        let actual = document_xml(&seed_sample());
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden/seed-sample.document.xml");
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, &actual).unwrap();
        }
        let expected =
            std::fs::read_to_string(&path).expect("missing golden file seed-sample.document.xml");
        assert!(
            actual == expected,
            "document.xml differs from its golden file; rerun with UPDATE_GOLDEN=1 after checking"
        );
    }

    #[test]
    fn the_same_draft_gives_the_same_bytes() {
        assert_eq!(docx(&seed_sample()), docx(&seed_sample()));
    }

    /// The seed sample with its figure holding `picture`, and a second
    /// figure with the same picture in its first section.
    fn with_pictures() -> (Document, crate::picture::Pictures) {
        let picture =
            crate::picture::Picture::from_bytes(crate::picture::test_png(1600, 1200)).unwrap();
        let mut document = seed_sample();
        let reference = picture.reference();
        if let crate::model::Block::Figure(figure) = &mut document.preamble[1] {
            figure.picture = Some(reference.clone());
        }
        let mut blocks = document.sections[0].blocks.to_vec();
        blocks.push(crate::model::Block::Figure(crate::model::Figure {
            id: 9_999,
            caption: String::new(),
            picture: Some(reference.clone()),
            ..crate::model::Figure::default()
        }));
        document.sections[0].blocks = crate::model::Shared::new(blocks);
        let pictures = [(reference.id, picture)].into_iter().collect();
        (document, pictures)
    }

    #[test]
    fn a_figure_s_picture_is_carried_once_in_word_media_and_set_inline_within_the_column() {
        let (document, pictures) = with_pictures();
        let bytes = docx_with(&document, &pictures);
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        let names: Vec<String> = archive.file_names().map(str::to_owned).collect();
        assert_eq!(
            names
                .iter()
                .filter(|name| name.starts_with("word/media/"))
                .collect::<Vec<_>>(),
            ["word/media/image1.png"]
        );
        let mut media = Vec::new();
        archive
            .by_name("word/media/image1.png")
            .unwrap()
            .read_to_end(&mut media)
            .unwrap();
        assert_eq!(&media, &pictures.values().next().unwrap().bytes);
        drop(archive);
        let files: std::collections::BTreeMap<String, String> = {
            let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
            (0..archive.len())
                .filter_map(|i| {
                    let mut file = archive.by_index(i).unwrap();
                    let mut text = String::new();
                    file.read_to_string(&mut text).ok()?;
                    Some((file.name().to_owned(), text))
                })
                .collect()
        };
        assert!(files["[Content_Types].xml"]
            .contains("<Default Extension=\"png\" ContentType=\"image/png\"/>"));
        assert!(!files["[Content_Types].xml"].contains("Extension=\"jpeg\""));
        assert!(files["word/_rels/document.xml.rels"].contains(
            "Id=\"rIdImage1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/image1.png\""
        ));
        let xml = &files["word/document.xml"];
        assert_eq!(xml.matches("<w:drawing>").count(), 2);
        assert_eq!(xml.matches("r:embed=\"rIdImage1\"").count(), 2);
        assert_eq!(xml_problem(xml), None);
        // 1600 px at 96 an inch is 16.9 inches: scaled to the text column
        // (A4 less the party margins), 4:3 kept.
        let layout = crate::rules::layout(&document.meta);
        let column = Page::of(false).text_width(&layout);
        let (cx, cy) = picture_extent(1600, 1200, column);
        assert_eq!(cx, u64::from(column) * 635);
        assert_eq!(cy, cx * 3 / 4);
        assert!(xml.contains(&format!("<wp:extent cx=\"{cx}\" cy=\"{cy}\"/>")));
        // The caption is still there, under the picture.
        let text = paragraphs(xml).join("\n");
        assert!(text.contains("Thầy Nguyễn Văn Kiệt"));
        // Without its bytes, a figure keeps its caption and no drawing.
        let bare = docx_with(&document, &crate::picture::Pictures::new());
        let files = unzip(&bare);
        assert!(!files["word/document.xml"].contains("<w:drawing>"));
        assert!(!files.keys().any(|name| name.starts_with("word/media/")));
        assert_eq!(files["[Content_Types].xml"], CONTENT_TYPES);
    }

    #[test]
    fn a_small_picture_keeps_its_size_and_a_tall_one_fits_the_page() {
        assert_eq!(picture_extent(96, 48, 9_000), (914_400, 457_200));
        let (cx, cy) = picture_extent(400, 1600, 9_000);
        assert_eq!(cy, u64::from(mm_to_twips(PICTURE_MAX_HEIGHT_MM)) * 635);
        assert_eq!(cx, cy / 4);
    }
}
