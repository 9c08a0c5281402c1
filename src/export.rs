//! Exports that are plain text formats: Markdown, plain text and a
//! standalone HTML file. Every one lays out `frame`'s lines (header, title,
//! closing) and `render`'s elements (the body), so which lines exist, their
//! case, weight and size, and the numbering all match the preview and the
//! DOCX; every one escapes user text.
//!
//! The HTML file opens offline in any browser: one file, inline CSS, and a
//! Content-Security-Policy that allows no script at all, so text that looks
//! like markup stays text. It carries the draft's JSON in a
//! `<script type="application/json">` block (data, never run) so that the
//! file can be opened in Báo cáo again (`transfer::read_file`).

use std::fmt::Write as _;

use crate::frame::{self, Align, Column, Line, Role, Rule};
use crate::model::Document;
use crate::persist::Envelope;
use crate::render::{self, element_line, Element};
use crate::text::is_xml_safe;

/// The id of the script block that carries the draft in an HTML export.
pub const EMBEDDED_DRAFT_ID: &str = "baocao-draft";

/// Escapes text for HTML element content and attribute values, leaving out
/// control characters and noncharacters.
pub fn escape_html(text: &str) -> String {
    crate::text::replace_chars(text, |c| match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '"' => Some("&quot;"),
        '\'' => Some("&#39;"),
        // Not text, and not allowed in HTML: drafts stored by older
        // versions may still hold them.
        c if !is_xml_safe(c) => Some(""),
        _ => None,
    })
}

/// Escapes text so that Markdown shows it as typed: no emphasis, links,
/// headings, lists or HTML made from the user's characters.
pub fn escape_markdown(text: &str) -> String {
    let mut out = escape_markdown_inline(text);
    // A line that starts like a list item or a numbered item stays text.
    let starts_like_a_list =
        out.starts_with("- ") || out.starts_with("+ ") || out.starts_with("= ");
    let numbered = out
        .split_once(". ")
        .is_some_and(|(head, _)| !head.is_empty() && head.chars().all(|c| c.is_ascii_digit()));
    if starts_like_a_list || numbered {
        out.insert(0, '\\');
    }
    out
}

/// Escapes the characters Markdown would read as markup inside a line
/// (emphasis, links, code, HTML, a table's "|"), but not what only counts
/// at a line's start: a table cell's text.
fn escape_markdown_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A frame line as Markdown: its weight and slant as emphasis (Markdown
/// has no underline or sizes), the title as the page's heading.
fn markdown_line(line: &Line) -> String {
    let text = escape_markdown(&line.text);
    if line.role == Role::Title {
        return format!("# {text}");
    }
    let marks = match (line.bold, line.italic) {
        (true, true) => "***",
        (true, false) => "**",
        (false, true) => "*",
        (false, false) => "",
    };
    if marks.is_empty() {
        text
    } else {
        // Emphasis may not close after a space.
        format!("{marks}{}{marks}", text.trim_end())
    }
}

/// Frame lines as Markdown lines kept together by hard breaks; the title,
/// the subject and the rule under it stand alone (Markdown draws the rule
/// as a rule).
fn markdown_lines(out: &mut String, lines: &[Line]) {
    let lines: Vec<&Line> = lines
        .iter()
        .filter(|line| !line.text.trim().is_empty())
        .collect();
    for (index, line) in lines.iter().enumerate() {
        let separate = matches!(line.role, Role::Title | Role::Subject | Role::SubjectRule);
        let end = if separate || index + 1 == lines.len() {
            "\n\n"
        } else {
            "  \n"
        };
        if line.role == Role::SubjectRule {
            // Raw: escaped, it would not be a rule.
            let _ = write!(out, "{}{end}", line.text);
        } else {
            let _ = write!(out, "{}{end}", markdown_line(line));
        }
    }
}

/// Elements as Markdown.
fn markdown_elements(out: &mut String, elements: &[Element]) {
    for element in elements {
        let _ = match element {
            Element::Heading {
                depth,
                number,
                text,
                ..
            } => match (depth, element.trailing_text()) {
                (_, Some(text)) => writeln!(out, "**{number}** {}\n", escape_markdown(text)),
                (0, None) => writeln!(out, "## {number} {}\n", escape_markdown(text)),
                (1, None) => writeln!(out, "### {number} {}\n", escape_markdown(text)),
                (_, None) => writeln!(out, "#### {number} {}\n", escape_markdown(text)),
            },
            Element::Paragraph { text, .. } if !text.trim().is_empty() => {
                writeln!(out, "{}\n", escape_markdown(text))
            }
            Element::Bullet {
                list_depth, text, ..
            } if !text.trim().is_empty() => {
                let indent = "  ".repeat(*list_depth);
                writeln!(out, "{indent}- {}\n", escape_markdown(text))
            }
            Element::Assessment { label, .. } => {
                let rest = element
                    .trailing_text()
                    .map(|text| format!(" {}", escape_markdown(text)))
                    .unwrap_or_default();
                writeln!(out, "*{}:*{rest}\n", escape_markdown(label))
            }
            Element::Figure {
                caption,
                picture: Some(_),
                ..
            } => writeln!(
                out,
                "*{}*\n",
                escape_markdown(&crate::rules::picture_mark(caption))
            ),
            Element::Figure { caption, .. } if !caption.trim().is_empty() => {
                writeln!(out, "*{}*\n", escape_markdown(caption))
            }
            // The number as a heading, the title in bold under it.
            Element::Division { number, text, .. } | Element::Appendix { number, text, .. } => {
                let _ = writeln!(out, "## {}\n", escape_markdown(number));
                if !text.trim().is_empty() {
                    let _ = writeln!(out, "**{}**\n", escape_markdown(text.trim()));
                }
                match element {
                    Element::Appendix { attachment, .. } if !attachment.trim().is_empty() => {
                        writeln!(out, "*{}*\n", escape_markdown(attachment.trim()))
                    }
                    _ => Ok(()),
                }
            }
            Element::Table { view, .. } => {
                markdown_table(out, view);
                Ok(())
            }
            _ => Ok(()),
        };
    }
}

/// A cell's text for a Markdown pipe table: escaped (a "|" too), on one
/// line, emphasised when `marks` says.
fn markdown_cell(text: &str, marks: &str) -> String {
    let text = escape_markdown_inline(text.trim()).replace('\n', " ");
    if text.is_empty() || marks.is_empty() {
        text
    } else {
        format!("{marks}{text}{marks}")
    }
}

/// A statistics table as a Markdown pipe table: the caption in bold and
/// the unit line in italics above it; the first header row is the pipe
/// table's header (bold as such) and the other header rows follow in bold (a merged
/// cell's text in its first place, the places it covers empty), then the
/// column number row in italics, then the body (numbers aligned right,
/// group and total rows in bold, an indented first cell led by
/// no-break spaces).
fn markdown_table(out: &mut String, view: &crate::table::TableView) {
    let width = view.columns.len();
    if width == 0 {
        return;
    }
    if !view.caption.trim().is_empty() {
        let _ = writeln!(out, "**{}**\n", escape_markdown(view.caption.trim()));
    }
    if !view.unit_line.is_empty() {
        let _ = writeln!(out, "*{}*\n", escape_markdown(&view.unit_line));
    }
    let line = |cells: Vec<String>| format!("| {} |", cells.join(" | "));
    let mut header_rows: Vec<Vec<String>> = view
        .header
        .iter()
        .map(|row| {
            let mut cells = vec![String::new(); width];
            for cell in row {
                if cell.col < width {
                    cells[cell.col] = cell.text.clone();
                }
            }
            cells
        })
        .collect();
    if header_rows.is_empty() {
        header_rows.push(vec![String::new(); width]);
    }
    let mut rows = header_rows.into_iter();
    if let Some(first) = rows.next() {
        // A pipe table's header row is bold as it is.
        let cells = first.iter().map(|text| markdown_cell(text, "")).collect();
        let _ = writeln!(out, "{}", line(cells));
    }
    let rule = view
        .columns
        .iter()
        .map(|column| if column.numeric { "---:" } else { ":---" }.to_owned())
        .collect();
    let _ = writeln!(out, "{}", line(rule));
    for row in rows {
        let cells = row.iter().map(|text| markdown_cell(text, "**")).collect();
        let _ = writeln!(out, "{}", line(cells));
    }
    if let Some(numbers) = &view.number_row {
        let cells = (0..width)
            .map(|c| markdown_cell(numbers.get(c).map(String::as_str).unwrap_or(""), "*"))
            .collect();
        let _ = writeln!(out, "{}", line(cells));
    }
    for row in &view.rows {
        let strong = matches!(
            row.kind,
            crate::table::RowKind::Group | crate::table::RowKind::Total
        );
        let marks = if strong { "**" } else { "" };
        let cells = (0..width)
            .map(|c| {
                let text = row
                    .cells
                    .get(c)
                    .map(|cell| cell.text.as_str())
                    .unwrap_or("");
                let cell = markdown_cell(text, marks);
                if c == 0 && row.indent > 0 && !cell.is_empty() {
                    format!(
                        "{}{cell}",
                        "\u{a0}\u{a0}".repeat(usize::from(row.indent.min(3)))
                    )
                } else {
                    cell
                }
            })
            .collect();
        let _ = writeln!(out, "{}", line(cells));
    }
    out.push('\n');
}

/// The draft as Markdown: the frame and body, then the closing, then
/// each appendix after a rule.
pub fn markdown(document: &Document) -> String {
    let frame = frame::frame(document);
    let mut out = String::new();
    markdown_lines(&mut out, &frame.header.left);
    markdown_lines(&mut out, &frame.header.right);
    markdown_lines(&mut out, &frame.title);
    markdown_elements(&mut out, &render::elements(document));
    markdown_lines(&mut out, &frame.closing.left);
    markdown_lines(&mut out, &frame.closing.right);
    for appendix in render::appendix_groups(&render::appendices(document)) {
        out.push_str("---\n\n");
        markdown_elements(&mut out, appendix);
    }
    out
}

/// Frame lines as plain text, one a line; the signature space is three
/// empty lines.
fn text_lines(out: &mut String, lines: &[Line]) {
    for line in lines {
        if line.role == Role::SignatureSpace {
            out.push_str("\n\n\n");
        } else if !line.text.trim().is_empty() {
            let _ = writeln!(out, "{}", line.text);
        }
    }
}

/// The draft as plain text: the header's left column then its right one,
/// the title block, the body one paragraph a line, then the recipients and
/// the signature block, each group after an empty line.
pub fn plain_text(document: &Document) -> String {
    let frame = frame::frame(document);
    let mut out = String::new();
    for group in [&frame.header.left, &frame.header.right, &frame.title] {
        text_lines(&mut out, group);
        out.push('\n');
    }
    // The body text ends with an empty line.
    out.push_str(&render::body_text(document));
    text_lines(&mut out, &frame.closing.left);
    out.push('\n');
    text_lines(&mut out, &frame.closing.right);
    // Each appendix after the closing, set apart by an empty line.
    for appendix in render::appendix_groups(&render::appendices(document)) {
        out.push('\n');
        out.push_str(&render::elements_text(appendix));
    }
    out
}

/// A figure's picture as an `img` with its bytes as a data URL, sized to
/// its pixels and never wider than the text column; nothing when its bytes
/// are not at hand.
fn html_picture(
    picture: &crate::model::PictureRef,
    caption: &str,
    pictures: &crate::picture::Pictures,
) -> String {
    let Some(stored) = pictures.get(&picture.id) else {
        return String::new();
    };
    format!(
        "<p class=\"picture\"><img src=\"{}\" alt=\"{}\" width=\"{}\" height=\"{}\"></p>\n",
        stored.data_url(),
        escape_html(caption.trim()),
        picture.width,
        picture.height
    )
}

fn html_element(element: &Element, pictures: &crate::picture::Pictures) -> String {
    match element {
        Element::Figure {
            caption,
            picture: Some(picture),
            ..
        } => {
            let mut out = html_picture(picture, caption, pictures);
            if !caption.trim().is_empty() {
                let _ = writeln!(out, "<p class=\"figure\">{}</p>", escape_html(caption));
            }
            out
        }
        Element::Heading {
            depth,
            number,
            text,
            ..
        } => {
            let class = match depth {
                0 => "part",
                1 => "item",
                _ => "point",
            };
            let heading = if text.trim().is_empty() {
                String::new()
            } else {
                format!(" {}", escape_html(text))
            };
            let run_in = element
                .trailing_text()
                .map(|text| format!(" {}", escape_html(text)))
                .unwrap_or_default();
            format!(
                "<p class=\"{class}\"><b>{}{heading}</b>{run_in}</p>\n",
                escape_html(number)
            )
        }
        Element::Assessment { label, .. } => {
            let rest = element
                .trailing_text()
                .map(|text| format!(" {}", escape_html(text)))
                .unwrap_or_default();
            format!("<p><b><i>{}:</i></b>{rest}</p>\n", escape_html(label))
        }
        Element::Figure { caption, .. } if !caption.trim().is_empty() => {
            format!("<p class=\"figure\">{}</p>\n", escape_html(caption))
        }
        Element::Paragraph { text, .. } | Element::Bullet { text, .. }
            if text.trim().is_empty() =>
        {
            String::new()
        }
        Element::Division { number, text, .. } | Element::Appendix { number, text, .. } => {
            let attachment = match element {
                Element::Appendix { attachment, .. } => attachment.as_str(),
                _ => "",
            };
            let lines: Vec<(&str, &str)> = [
                ("division", number.as_str()),
                ("division", text.as_str()),
                ("division attachment", attachment),
            ]
            .into_iter()
            .filter(|(_, line)| !line.trim().is_empty())
            .collect();
            let last = lines.len().saturating_sub(1);
            lines
                .iter()
                .enumerate()
                .map(|(at, (class, line))| {
                    let end = if at == last { " end" } else { "" };
                    format!("<p class=\"{class}{end}\">{}</p>\n", escape_html(line))
                })
                .collect()
        }
        Element::Table { view, .. } => html_table(view),
        Element::Bullet { .. } | Element::Paragraph { .. } => {
            format!("<p>{}</p>\n", escape_html(&element_line(element)))
        }
        Element::Figure { .. } => String::new(),
    }
}

/// A statistics table as HTML: the caption and the unit line above it,
/// then the grid with its widths (`colgroup`), the header rows and the
/// column number row in `thead` (repeated on each printed page), merged
/// header cells as `rowspan` and `colspan`, numbers to the right, group
/// and total rows bold. The style sheet sets the rest.
pub fn html_table(view: &crate::table::TableView) -> String {
    let mut out = String::new();
    if !view.caption.trim().is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"table-caption\">{}</p>",
            escape_html(&view.caption)
        );
    }
    if !view.unit_line.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"table-unit\">{}</p>",
            escape_html(&view.unit_line)
        );
    }
    out.push_str("<table class=\"data\">\n<colgroup>");
    for column in &view.columns {
        let _ = write!(
            out,
            "<col style=\"width: {}%\">",
            f32::from(column.width_permille) / 10.0
        );
    }
    out.push_str("</colgroup>\n<thead>\n");
    for row in &view.header {
        out.push_str("<tr>");
        for cell in row {
            let mut spans = String::new();
            if cell.row_span > 1 {
                let _ = write!(spans, " rowspan=\"{}\"", cell.row_span);
            }
            if cell.col_span > 1 {
                let _ = write!(spans, " colspan=\"{}\"", cell.col_span);
            }
            let _ = write!(out, "<th{spans}>{}</th>", escape_html(&cell.text));
        }
        out.push_str("</tr>\n");
    }
    if let Some(numbers) = &view.number_row {
        out.push_str("<tr class=\"numbers\">");
        for number in numbers {
            let _ = write!(out, "<th>{}</th>", escape_html(number));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</thead>\n<tbody>\n");
    for row in &view.rows {
        let class = match row.kind {
            crate::table::RowKind::Group => " class=\"group\"",
            crate::table::RowKind::Total => " class=\"total\"",
            crate::table::RowKind::Label => " class=\"label\"",
            crate::table::RowKind::Data => "",
        };
        let _ = write!(out, "<tr{class}>");
        for (c, cell) in row.cells.iter().enumerate() {
            let mut classes = Vec::new();
            if cell.numeric {
                classes.push("num");
            }
            if cell.computed {
                classes.push("computed");
            }
            if cell.typed_over {
                classes.push("typed");
            }
            if c == 0 && row.indent > 0 {
                classes
                    .push(["", "indent-1", "indent-2", "indent-3"][usize::from(row.indent.min(3))]);
            }
            let class = if classes.is_empty() {
                String::new()
            } else {
                format!(" class=\"{}\"", classes.join(" "))
            };
            let _ = write!(out, "<td{class}>{}</td>", escape_html(&cell.text));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// The class of a frame line in the HTML export.
fn html_class(role: Role) -> &'static str {
    match role {
        Role::SuperiorBody => "superior",
        Role::IssuingBody => "issuer",
        Role::Star => "star",
        Role::Number => "number",
        Role::NationalHeading => "national",
        Role::Date => "date",
        Role::Title => "title",
        Role::Subject => "subject",
        Role::SubjectRule => "subject-rule",
        Role::RecipientsHeading => "recipients-heading",
        Role::Recipient => "recipient",
        Role::SigningAuthority => "authority",
        Role::Position => "position",
        Role::SignatureSpace => "space",
        Role::Signer => "signer",
    }
}

/// A frame line as an HTML paragraph, set as the frame says.
fn html_line(line: &Line) -> String {
    let mut style = format!(
        "font-size: {}pt; text-align: {}",
        line.size_pt,
        match line.align {
            Align::Center => "center",
            Align::Left => "left",
        }
    );
    if line.bold {
        style.push_str("; font-weight: bold");
    }
    if line.italic {
        style.push_str("; font-style: italic");
    }
    if line.underline {
        style.push_str("; text-decoration: underline");
    }
    let text = escape_html(&line.text);
    let text = match line.rule {
        // The standalone page keeps the text of the rule under the subject.
        None | Some(Rule::Short { .. }) => format!("<span>{text}</span>"),
        Some(Rule::TextWidth) => format!("<span class=\"ruled\">{text}</span>"),
        Some(Rule::Fraction(fraction)) => format!(
            "<span class=\"fraction\" style=\"--rule: {}%\">{text}</span>",
            (fraction * 100.0).round()
        ),
    };
    let place = match line.column {
        Column::Whole => " center",
        Column::Left | Column::Right => "",
    };
    format!(
        "<p class=\"frame {}{place}\" style=\"{style}\">{text}</p>",
        html_class(line.role)
    )
}

fn html_lines(lines: &[Line]) -> String {
    lines.iter().map(html_line).collect()
}

/// The draft as one standalone HTML file with the draft embedded, without
/// its pictures (see `html_with`).
pub fn html(envelope: &mut Envelope) -> String {
    html_with(envelope, &crate::picture::Pictures::new())
}

/// The draft as one standalone HTML file with the draft embedded and the
/// figures' pictures from `pictures` as data URLs (the embedded draft
/// names them but does not carry their bytes twice).
pub fn html_with(envelope: &mut Envelope, pictures: &crate::picture::Pictures) -> String {
    let document = envelope.document.clone();
    let meta = &document.meta;
    let layout = crate::rules::layout(meta);
    let margins = layout.margins_mm;
    let (page_width, page_height) = layout.page_mm();
    let orientation = if layout.landscape { " landscape" } else { "" };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>\n\
@page {{ size: A4{orientation}; margin: {top}mm {right}mm {bottom}mm {left}mm; }}\n\
body {{ margin: 0; background: #e5e7ea; }}\n\
.sheet {{ box-sizing: border-box; width: {page_width}mm; min-height: {page_height}mm; margin: 1rem auto; background: #fff; color: #000; \
padding: {top}mm {right}mm {bottom}mm {left}mm; font-family: 'Times New Roman', 'Liberation Serif', Tinos, serif; \
font-size: {body}pt; line-height: {spacing}; }}\n\
.sheet p {{ margin: 0 0 {gap}pt; text-align: justify; text-indent: {indent}mm; }}\n\
.header, .closing {{ width: 100%; border-collapse: collapse; table-layout: fixed; }}\n\
.header td, .closing td {{ vertical-align: top; padding: 0; }}\n\
.header td:first-child {{ width: {header_left}%; }}\n\
.recipients {{ width: 45%; }}\n\
.sheet p.frame {{ text-indent: 0; margin: 0; white-space: pre-wrap; }}\n\
.sheet p.national {{ white-space: nowrap; }}\n\
.sheet p.date {{ margin-top: 6pt; }}\n\
.sheet p.title {{ margin-top: 18pt; }}\n\
.sheet p.space {{ height: 22mm; }}\n\
.ruled {{ border-bottom: 1px solid #000; }}\n\
.fraction {{ display: inline-block; position: relative; }}\n\
.fraction::after {{ content: \"\"; position: absolute; bottom: -2pt; left: calc((100% - var(--rule)) / 2); width: var(--rule); border-bottom: 1px solid #000; }}\n\
.sheet .figure {{ text-align: center; text-indent: 0; font-style: italic; }}\n\
.sheet p.picture {{ text-align: center; text-indent: 0; margin: 0 0 {half_gap}pt; break-after: avoid; page-break-after: avoid; }}\n\
.sheet p.picture img {{ max-width: 100%; height: auto; }}\n\
.sheet p.division {{ text-align: center; text-indent: 0; margin: 0; font-weight: bold; break-after: avoid; page-break-after: avoid; }}\n\
.sheet p.division.end {{ margin-bottom: {gap}pt; }}\n\
.sheet p.division.attachment {{ font-weight: normal; font-style: italic; }}\n\
.sheet p.table-caption {{ text-align: center; text-indent: 0; font-weight: bold; margin: 0 0 {half_gap}pt; break-after: avoid; page-break-after: avoid; }}\n\
.sheet p.table-unit {{ text-align: right; text-indent: 0; font-style: italic; font-size: {table}pt; margin: 0; break-after: avoid; page-break-after: avoid; }}\n\
table.data {{ width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0 0 {gap}pt; font-size: {table}pt; line-height: {table_pitch}pt; }}\n\
table.data th, table.data td {{ border: 0.75pt solid #000; padding: 0 1mm; vertical-align: middle; overflow-wrap: break-word; }}\n\
table.data thead {{ display: table-header-group; }}\n\
table.data th {{ font-weight: bold; text-align: center; }}\n\
table.data tr.numbers th {{ font-weight: normal; font-style: italic; }}\n\
table.data tr {{ break-inside: avoid; page-break-inside: avoid; }}\n\
table.data td {{ text-align: left; }}\n\
table.data td.num {{ text-align: right; }}\n\
table.data tr.group td, table.data tr.total td {{ font-weight: bold; }}\n\
table.data td.indent-1 {{ padding-left: calc(1mm + 5mm); }}\n\
table.data td.indent-2 {{ padding-left: calc(1mm + 10mm); }}\n\
table.data td.indent-3 {{ padding-left: calc(1mm + 15mm); }}\n\
.sheet.appendix {{ break-before: page; page-break-before: always; }}\n\
.sheet.landscape {{ width: {page_height}mm; min-height: {page_width}mm; page: landscape; }}\n\
@page landscape {{ size: A4 landscape; }}\n\
@media print {{ body {{ background: #fff; }} .sheet, .sheet.landscape {{ margin: 0; padding: 0; width: auto; min-height: 0; }} }}\n\
</style>\n</head>\n<body>\n<article class=\"sheet\">\n",
        title = escape_html(&document.title),
        top = margins.top,
        right = margins.right,
        bottom = margins.bottom,
        left = margins.left,
        body = layout.body_pt,
        spacing = layout.line_spacing,
        gap = layout.paragraph_spacing_pt,
        indent = layout.first_line_indent_mm,
        header_left = layout.header_left_percent,
        half_gap = layout.paragraph_spacing_pt / 2.0,
        table = layout.table_pt(),
        table_pitch = layout.line_pitch_pt(layout.table_pt()),
    );
    let frame = frame::frame(&document);
    let _ = writeln!(
        out,
        "<table class=\"header\"><tr><td>{}</td><td>{}</td></tr></table>",
        html_lines(&frame.header.left),
        html_lines(&frame.header.right),
    );
    for line in &frame.title {
        let _ = writeln!(out, "{}", html_line(line));
    }
    for element in &render::elements(&document) {
        out.push_str(&html_element(element, pictures));
    }
    let _ = writeln!(
        out,
        "<table class=\"closing\"><tr><td class=\"recipients\">{}</td><td>{}</td></tr></table>",
        html_lines(&frame.closing.left),
        html_lines(&frame.closing.right),
    );
    out.push_str("</article>\n");
    // Each appendix after the closing on a sheet of its own, which starts
    // a new printed page (on its side when it says so).
    for appendix in render::appendix_groups(&render::appendices(&document)) {
        let landscape = matches!(
            appendix.first(),
            Some(Element::Appendix {
                landscape: true,
                ..
            })
        );
        let class = if landscape && !layout.landscape {
            "sheet appendix landscape"
        } else {
            "sheet appendix"
        };
        let _ = writeln!(out, "<article class=\"{class}\">");
        for element in appendix {
            out.push_str(&html_element(element, pictures));
        }
        out.push_str("</article>\n");
    }
    let json = embedded_json(&envelope.to_json());
    let _ = write!(
        out,
        "<script type=\"application/json\" id=\"{EMBEDDED_DRAFT_ID}\">{json}</script>\n</body>\n</html>\n"
    );
    out
}

/// The draft's JSON as the HTML export embeds it. "<" never appears raw, so
/// nothing in it can close the block early or open a comment; nor does a
/// noncharacter, which HTML does not allow (a draft stored by an older
/// version may hold one). Both can only stand inside JSON strings, where a
/// `\u` escape reads back as the same text.
///
/// The text is copied a run at a time: only '<' and the characters whose
/// UTF-8 form starts with 0xEF or above (U+F000 and up, where every
/// noncharacter lies) are looked at one by one. Vietnamese letters start
/// with lower bytes, so a report's JSON is mostly copied whole (pushing it
/// character by character made the HTML export a third slower).
fn embedded_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let bytes = json.as_bytes();
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        if byte != b'<' && byte < 0xef {
            at += 1;
            continue;
        }
        // `at` is a character boundary: continuation bytes are below 0xc0.
        let Some(c) = json[at..].chars().next() else {
            break;
        };
        let width = c.len_utf8();
        if c == '<' || crate::text::is_noncharacter(c) {
            out.push_str(&json[copied..at]);
            for unit in c.encode_utf16(&mut [0; 2]) {
                let _ = write!(out, "\\u{unit:04x}");
            }
            copied = at + width;
        }
        at += width;
    }
    out.push_str(&json[copied..]);
    out
}

/// The draft JSON embedded in an HTML export, if `text` is one.
pub fn embedded_draft(text: &str) -> Option<&str> {
    let marker = format!("<script type=\"application/json\" id=\"{EMBEDDED_DRAFT_ID}\">");
    let start = text.find(&marker)? + marker.len();
    let end = start + text[start..].find("</script>")?;
    Some(&text[start..end])
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::template::seed_sample;

    /// Compares `actual` with the golden file `name`; with UPDATE_GOLDEN=1
    /// set, writes it instead.
    fn golden(name: &str, actual: &str) {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden")
            .join(name);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, actual).unwrap();
        }
        let expected =
            std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing golden file {name}"));
        assert!(
            actual == expected,
            "{name} differs from its golden file; rerun with UPDATE_GOLDEN=1 after checking"
        );
    }

    fn sample_envelope() -> Envelope {
        Envelope::new("1", seed_sample(), 1_795_858_363_609.0)
    }

    #[test]
    fn seed_sample_markdown_matches_its_golden_file() {
        golden("seed-sample.md", &markdown(&seed_sample()));
    }

    #[test]
    fn seed_sample_text_matches_its_golden_file() {
        golden("seed-sample.txt", &plain_text(&seed_sample()));
    }

    #[test]
    fn seed_sample_html_matches_its_golden_file() {
        golden("seed-sample.html", &html(&mut sample_envelope()));
    }

    #[test]
    fn regression_the_html_header_ignored_the_ruleset() {
        // A state document's HTML had every header line in 14 pt, both
        // lines of the national heading underlined (so the first broke
        // onto two lines), and the Party's underlined "Nơi nhận:".
        let mut sample = seed_sample();
        sample.meta.ruleset = crate::model::Ruleset::State;
        let text = html(&mut Envelope::new("1", sample, 0.0));
        let bold_13 = "style=\"font-size: 13pt; text-align: center; font-weight: bold\"";
        assert!(text.contains(&format!(
            "<p class=\"frame national\" {bold_13}><span>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</span></p>"
        )));
        assert!(text.contains(&format!(
            "<p class=\"frame national\" {bold_13}><span class=\"ruled\">Độc lập - Tự do - Hạnh phúc</span></p>"
        )));
        assert!(text.contains(".sheet p.national { white-space: nowrap; }"));
        assert!(text.contains(".header td:first-child { width: 38%; }"));
        assert!(text.contains("<p class=\"frame recipients-heading\" style=\"font-size: 12pt; text-align: left; font-weight: bold; font-style: italic\"><span>Nơi nhận:</span></p>"));
        assert!(text.contains("<p class=\"frame position\" style=\"font-size: 14pt; text-align: center; font-weight: bold\"><span>BÍ THƯ</span></p>"));
    }

    #[test]
    fn the_html_export_opens_again_as_the_same_draft() {
        let text = html(&mut sample_envelope());
        let incoming = crate::transfer::read_file(text.as_bytes()).unwrap();
        assert_eq!(incoming.document, seed_sample());
    }

    #[test]
    fn script_payloads_stay_text_in_every_export() {
        let payload = "</script><script>alert(1)</script><img src=x onerror=alert(2)> *đậm* [link](javascript:x)";
        let mut document = seed_sample();
        document.title = payload.into();
        document.meta.subject = payload.into();
        document.sections[0].heading = payload.into();
        document.closing.recipients.push(payload.into());
        let mut envelope = Envelope::new("1", document.clone(), 0.0);
        let page = html(&mut envelope);
        assert!(
            !page.contains("<script>alert"),
            "raw script in the HTML export"
        );
        assert!(!page.contains("<img src=x"), "raw img in the HTML export");
        assert_eq!(page.matches("<script").count(), 1, "only the data block");
        assert!(page.contains("default-src 'none'"));
        // The embedded draft still reads back with the payload as text.
        let back = crate::transfer::read_file(page.as_bytes()).unwrap();
        assert_eq!(back.document.title, payload);
        let md = markdown(&document);
        assert!(!md.contains("<script>"));
        assert!(md.contains("\\*đậm\\*"));
        assert!(md.contains("\\[link\\]"));
    }

    /// Defect 7 (the HTML side): noncharacters and control characters in
    /// a draft stored by an older version reached the HTML export.
    #[test]
    fn html_with_noncharacters_carries_none() {
        let bad = "\u{fffe}\u{ffff}\u{fdd0}\u{1fffe}\u{10ffff}\u{b}\u{1}";
        let mut document = seed_sample();
        document.meta.subject = format!("tổng{bad} kết");
        document.closing.signer_name = format!("Nguyễn{bad} Văn Kiệt");
        document.sections[0].heading = format!("Phần{bad} một");
        let page = html(&mut Envelope::new("1", document, 0.0));
        assert_eq!(
            page.chars().find(|c| !crate::text::is_xml_safe(*c)),
            None,
            "a noncharacter or control character in the HTML"
        );
        let (shown, _) = page.split_once(EMBEDDED_DRAFT_ID).unwrap();
        assert!(shown.contains("tổng kết"));
        assert!(shown.contains("Nguyễn Văn Kiệt"));
        // The embedded draft still reads back, cleaned like any file.
        let back = crate::transfer::read_file(page.as_bytes()).unwrap();
        assert_eq!(back.document.meta.subject, "tổng kết");
    }

    /// The run-at-a-time copy of the embedded JSON escapes exactly what a
    /// character-by-character one does, wherever the characters fall.
    #[test]
    fn embedded_json_escapes_like_one_character_at_a_time() {
        fn one_by_one(json: &str) -> String {
            let mut out = String::new();
            for c in json.chars() {
                if c == '<' || crate::text::is_noncharacter(c) {
                    for unit in c.encode_utf16(&mut [0; 2]) {
                        out.push_str(&format!("\\u{unit:04x}"));
                    }
                } else {
                    out.push(c);
                }
            }
            out
        }
        let pieces = [
            "<",
            "a",
            "Đảng ủy",
            "\u{fdd0}",
            "\u{fdef}",
            "\u{fdf0}",
            "\u{fffe}",
            "\u{ffff}",
            "\u{fffd}",
            "\u{f000}",
            "\u{1fffe}",
            "\u{10ffff}",
            "\u{1f600}",
            "</script>",
            "",
        ];
        // Every sequence of three pieces, so each stands first, last and
        // between the others.
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let json = format!("{a}{b}{c}");
                    assert_eq!(embedded_json(&json), one_by_one(&json), "{json:?}");
                }
            }
        }
    }

    #[test]
    fn markdown_keeps_list_like_text_as_text() {
        assert_eq!(
            escape_markdown("- không phải gạch đầu dòng"),
            "\\- không phải gạch đầu dòng"
        );
        assert_eq!(
            escape_markdown("12. không phải mục"),
            "\\12. không phải mục"
        );
        assert_eq!(escape_markdown("Năm 2020. Tốt"), "Năm 2020. Tốt");
    }

    #[test]
    fn a_figure_s_picture_is_embedded_in_html_and_named_in_markdown_and_text() {
        let picture =
            crate::picture::Picture::from_bytes(crate::picture::test_png(40, 30)).unwrap();
        let mut document = seed_sample();
        if let crate::model::Block::Figure(figure) = &mut document.preamble[1] {
            figure.picture = Some(picture.reference());
            figure.caption = "Hội nghị <tổng kết>".into();
        }
        let pictures: crate::picture::Pictures =
            [(picture.id(), picture.clone())].into_iter().collect();
        let page = html_with(&mut Envelope::new("1", document.clone(), 0.0), &pictures);
        assert!(page.contains(&format!(
            "<p class=\"picture\"><img src=\"{}\" alt=\"Hội nghị &lt;tổng kết&gt;\" width=\"40\" height=\"30\"></p>",
            picture.data_url()
        )));
        // The page's policy lets data images in and nothing else.
        assert!(page.contains("img-src data:\""));
        assert!(page.contains("<p class=\"figure\">Hội nghị &lt;tổng kết&gt;</p>"));
        // Without the bytes: the caption only.
        let bare = html(&mut Envelope::new("1", document.clone(), 0.0));
        assert!(!bare.contains("<img"));
        let text = markdown(&document);
        assert!(
            text.contains("*\\[Hình: Hội nghị \\<tổng kết\\>\\]*"),
            "{text}"
        );
        assert!(plain_text(&document).contains("[Hình: Hội nghị <tổng kết>]"));
    }
}
