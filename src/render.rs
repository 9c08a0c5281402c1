//! The document as a flat sequence of numbered, display-ready elements. The
//! live preview and every export start from this one walk, so numbering,
//! case and "không có" are decided in one place.

use std::fmt::Write as _;

use crate::index::SectionSnapshot;
use crate::model::{Block, Document, NodeId, Section, SectionKind};
use crate::numbering::{bullet_marker, section_number};
use crate::table::TableView;
use crate::text::to_display_uppercase;

use crate::rules::{AUTHOR_LINE_PREFIX, NOTHING_TO_REPORT};

/// One displayable piece of the body. Each carries the id of its node, so
/// an element is its own key: the preview re-renders only elements whose
/// content changed.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Element {
    /// A section heading. Parts (depth 0) display in capitals. When the
    /// heading is empty and the section opens with a paragraph, that
    /// paragraph runs in after the number.
    Heading {
        id: NodeId,
        depth: usize,
        number: String,
        text: String,
        run_in: Option<(NodeId, String)>,
        guidance: String,
    },
    Paragraph {
        id: NodeId,
        text: String,
        guidance: String,
    },
    /// A bullet: "-" at list depth 0, "+" deeper.
    Bullet {
        id: NodeId,
        list_depth: usize,
        marker: &'static str,
        text: String,
    },
    /// An assessment label with the text that runs in after it ("Hạn chế:
    /// …", "Đề xuất, kiến nghị: không có.").
    Assessment {
        id: NodeId,
        label: String,
        run_in: Option<(NodeId, String)>,
        nothing_to_report: bool,
    },
    Figure {
        id: NodeId,
        caption: String,
        /// The picture, when one was chosen; its bytes are in the store.
        picture: Option<crate::model::PictureRef>,
    },
    /// A division's heading: its number on one line ("PHẦN THỨ NHẤT") and
    /// its title in capitals on the next, both centred.
    Division {
        id: NodeId,
        number: String,
        text: String,
        guidance: String,
    },
    /// An appendix's title block ("PHỤ LỤC II" and its title), which
    /// starts a new page, turned on its side when `landscape`.
    Appendix {
        id: NodeId,
        number: String,
        text: String,
        guidance: String,
        landscape: bool,
        /// The line that ties it to its report: "(Kèm theo Báo cáo số …
        /// ngày … của …)" (`rules::appendix_attachment_line`).
        attachment: String,
    },
    /// A statistics table, computed.
    Table { id: NodeId, view: Box<TableView> },
}

impl Element {
    /// What follows a heading, or an assessment's label, on the same line:
    /// the run-in paragraph, or "không có." for an assessment with nothing
    /// to report. `None` when there is nothing to show.
    pub fn trailing_text(&self) -> Option<&str> {
        match self {
            Element::Assessment {
                nothing_to_report: true,
                ..
            } => Some(NOTHING_TO_REPORT),
            Element::Heading { run_in, .. } | Element::Assessment { run_in, .. } => run_in
                .as_ref()
                .map(|(_, text)| text.as_str())
                .filter(|text| !text.trim().is_empty()),
            Element::Paragraph { .. }
            | Element::Bullet { .. }
            | Element::Figure { .. }
            | Element::Division { .. }
            | Element::Appendix { .. }
            | Element::Table { .. } => None,
        }
    }
}

fn push_blocks(blocks: &[Block], list_depth: usize, out: &mut Vec<Element>) {
    for block in blocks {
        match block {
            Block::Paragraph(paragraph) => out.push(Element::Paragraph {
                id: paragraph.id,
                text: paragraph.text.clone(),
                guidance: paragraph.guidance.clone(),
            }),
            Block::List(list) => {
                for item in &list.items {
                    out.push(Element::Bullet {
                        id: item.id,
                        list_depth,
                        marker: bullet_marker(list_depth),
                        text: item.text.clone(),
                    });
                    push_blocks(&item.blocks, list_depth + 1, out);
                }
            }
            Block::Assessment(assessment) => {
                let (run_in, rest) = match assessment.blocks.split_first() {
                    Some((Block::Paragraph(first), rest)) if !assessment.nothing_to_report => {
                        (Some((first.id, first.text.clone())), rest)
                    }
                    _ => (None, assessment.blocks.as_slice()),
                };
                out.push(Element::Assessment {
                    id: assessment.id,
                    label: assessment.label.text().to_owned(),
                    run_in,
                    nothing_to_report: assessment.nothing_to_report,
                });
                if !assessment.nothing_to_report {
                    push_blocks(rest, list_depth, out);
                }
            }
            Block::Figure(figure) => out.push(Element::Figure {
                id: figure.id,
                caption: figure.caption.clone(),
                picture: figure.picture.clone(),
            }),
            Block::Table(table) => out.push(Element::Table {
                id: table.id,
                view: Box::new(crate::table::view(table)),
            }),
        }
    }
}

fn push_sections(sections: &[Section], depth: usize, out: &mut Vec<Element>) {
    for (index, section) in sections.iter().enumerate() {
        push_section_own(
            section.id,
            &section.heading,
            &section.guidance,
            &section.blocks,
            depth,
            section_number(depth, index),
            out,
        );
        push_sections(&section.children, depth + 1, out);
    }
}

/// The top of the tree with each section numbered as `numbering::outline`
/// numbers it; appendices only when `appendices`, and only them then.
fn push_top(document: &Document, appendices: bool, out: &mut Vec<Element>) {
    let numbers: std::collections::HashMap<NodeId, String> = crate::numbering::outline(document)
        .into_iter()
        .filter(|entry| entry.indent == 0)
        .map(|entry| (entry.id, entry.number))
        .collect();
    for section in &document.sections {
        let number = numbers.get(&section.id).cloned().unwrap_or_default();
        match (section.kind, appendices) {
            (SectionKind::Appendix, true) => {
                let mut elements =
                    section_elements(section.id, &SectionSnapshot::of(section), 0, &number);
                set_attachment(&mut elements, &document.meta);
                out.extend(elements);
            }
            (SectionKind::Division, false) => {
                out.extend(section_elements(
                    section.id,
                    &SectionSnapshot::of(section),
                    0,
                    &number,
                ));
                push_sections(&section.children, 0, out);
            }
            (SectionKind::Numbered, false) => {
                out.extend(section_elements(
                    section.id,
                    &SectionSnapshot::of(section),
                    0,
                    &number,
                ));
                push_sections(&section.children, 1, out);
            }
            _ => {}
        }
    }
}

/// A section's heading line and its own content, without its children.
fn push_section_own(
    id: NodeId,
    heading: &str,
    guidance: &str,
    blocks: &[Block],
    depth: usize,
    number: String,
    out: &mut Vec<Element>,
) {
    let (run_in, rest) = match blocks.split_first() {
        Some((Block::Paragraph(first), rest)) if heading.trim().is_empty() => {
            (Some((first.id, first.text.clone())), rest)
        }
        // "5. Đề xuất, kiến nghị: không có.": a heading that is the label
        // of the assessment group under it is printed once, with what the
        // group says running in after it.
        Some((Block::Assessment(group), rest)) if heading_is_label(heading, &group.label) => {
            let mut text = if depth == 0 {
                to_display_uppercase(heading)
            } else {
                heading.to_owned()
            };
            // Text runs in after a label with its colon ("3. Nguyên nhân:
            // do …"); under "1. Ưu điểm" it stands on its own lines.
            let (run_in, own) = match group.blocks.split_first() {
                // "không có" as written, or as the rules print it.
                Some((Block::Paragraph(first), _)) if group.nothing_to_report => {
                    (Some((first.id, first.text.clone())), &[][..])
                }
                _ if group.nothing_to_report => {
                    (Some((group.id, NOTHING_TO_REPORT.to_owned())), &[][..])
                }
                Some((Block::Paragraph(first), own)) if heading.trim_end().ends_with(':') => {
                    (Some((first.id, first.text.clone())), own)
                }
                _ => (None, group.blocks.as_slice()),
            };
            if group.nothing_to_report && !text.trim_end().ends_with(':') {
                text = format!("{}:", text.trim_end());
            }
            out.push(Element::Heading {
                id,
                depth,
                number,
                text,
                run_in,
                guidance: guidance.to_owned(),
            });
            push_blocks(own, 0, out);
            push_blocks(rest, 0, out);
            return;
        }
        _ => (None, blocks),
    };
    let text = if depth == 0 {
        to_display_uppercase(heading)
    } else {
        heading.to_owned()
    };
    out.push(Element::Heading {
        id,
        depth,
        number,
        text,
        run_in,
        guidance: guidance.to_owned(),
    });
    push_blocks(rest, 0, out);
}

/// True when `heading` is `label` as printed, in any case, with or
/// without its colon.
fn heading_is_label(heading: &str, label: &crate::model::AssessmentLabel) -> bool {
    let heading = heading.trim().trim_end_matches(':').trim().to_lowercase();
    !heading.is_empty() && heading == label.text().trim().to_lowercase()
}

/// The lines of one section without those of its children: the preview
/// builds each section from its own view, so a keystroke re-renders the
/// lines of the section typed in and no others. A numbered section at
/// `depth` (its level: 0 for parts), numbered `number`, or a division or
/// appendix, whose `number` is its title line; the preamble (no heading) is
/// `preamble_elements`.
pub fn section_elements(
    id: NodeId,
    section: &SectionSnapshot,
    depth: usize,
    number: &str,
) -> Vec<Element> {
    let mut out = Vec::new();
    match section.kind {
        SectionKind::Numbered => push_section_own(
            id,
            &section.heading,
            &section.guidance,
            &section.blocks,
            depth,
            number.to_owned(),
            &mut out,
        ),
        SectionKind::Division => {
            out.push(Element::Division {
                id,
                number: number.to_owned(),
                text: to_display_uppercase(&section.heading),
                guidance: section.guidance.clone(),
            });
            push_blocks(&section.blocks, 0, &mut out);
        }
        SectionKind::Appendix => {
            out.push(Element::Appendix {
                id,
                number: number.to_owned(),
                text: to_display_uppercase(&section.heading),
                guidance: section.guidance.clone(),
                landscape: section.landscape,
                attachment: String::new(),
            });
            push_blocks(&section.blocks, 0, &mut out);
        }
    }
    out
}

/// Puts the line that ties an appendix to its report (from `meta`) into
/// the appendix title among `elements`, which `section_elements` leaves
/// empty: a section's own lines do not know the document's number and date.
pub fn set_attachment(elements: &mut [Element], meta: &crate::model::Meta) {
    for element in elements {
        if let Element::Appendix { attachment, .. } = element {
            *attachment = crate::rules::appendix_attachment_line(meta);
        }
    }
}

/// The lines of the preamble's blocks.
pub fn preamble_elements(blocks: &[Block]) -> Vec<Element> {
    let mut out = Vec::new();
    push_blocks(blocks, 0, &mut out);
    out
}

/// The preamble as elements.
pub fn preamble(document: &Document) -> Vec<Element> {
    let mut out = Vec::new();
    push_blocks(&document.preamble, 0, &mut out);
    out
}

/// The numbered body (divisions, parts, items, points and their content)
/// as elements, without the appendices.
pub fn body(document: &Document) -> Vec<Element> {
    let mut out = Vec::new();
    push_top(document, false, &mut out);
    out
}

/// The appendices, printed after the closing: each an `Element::Appendix`
/// followed by its content.
pub fn appendices(document: &Document) -> Vec<Element> {
    let mut out = Vec::new();
    push_top(document, true, &mut out);
    out
}

/// Everything that is printed between the title and the closing: the
/// preamble, then the numbered body.
pub fn elements(document: &Document) -> Vec<Element> {
    let mut out = preamble(document);
    out.extend(body(document));
    out
}

/// The text of an element on one line, as plain text and the preview's text
/// layer show it. Guidance is never part of it.
pub fn element_line(element: &Element) -> String {
    let trailing = element.trailing_text();
    match element {
        Element::Heading { number, text, .. } => {
            let mut line = number.clone();
            for part in [Some(text.as_str()), trailing]
                .into_iter()
                .flatten()
                .filter(|part| !part.trim().is_empty())
            {
                line.push(' ');
                line.push_str(part);
            }
            line
        }
        Element::Paragraph { text, .. } => text.clone(),
        Element::Bullet { marker, text, .. } => format!("{marker} {text}"),
        Element::Assessment { label, .. } => match trailing {
            Some(text) => format!("{label}: {text}"),
            None => format!("{label}:"),
        },
        Element::Figure {
            caption,
            picture: Some(_),
            ..
        } => crate::rules::picture_mark(caption),
        Element::Figure { caption, .. } => caption.clone(),
        Element::Division { number, text, .. } => {
            if text.trim().is_empty() {
                number.clone()
            } else {
                format!("{number}\n{text}")
            }
        }
        Element::Appendix {
            number,
            text,
            attachment,
            ..
        } => [number, text, attachment]
            .into_iter()
            .filter(|line| !line.trim().is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join("\n"),
        Element::Table { view, .. } => crate::table::plain_lines(view).join("\n"),
    }
}

/// The document as plain text in the style of a school-website post, like
/// the seed: headline in capitals, preamble, numbered body, author line.
/// Empty elements are left out.
pub fn plain_text(document: &Document) -> String {
    let mut out = String::new();
    if !document.title.trim().is_empty() {
        let _ = writeln!(out, "{}\n", to_display_uppercase(&document.title));
    }
    out.push_str(&body_text(document));
    if !document.closing.author.trim().is_empty() {
        let _ = writeln!(out, "{AUTHOR_LINE_PREFIX}{}", document.closing.author);
    }
    out
}

/// The preamble and the numbered body as plain text, one element a line,
/// each followed by an empty line; empty elements are left out.
pub fn body_text(document: &Document) -> String {
    elements_text(&elements(document))
}

/// The appendices one by one: each from its `Element::Appendix` to the
/// next.
pub fn appendix_groups(elements: &[Element]) -> Vec<&[Element]> {
    let mut groups = Vec::new();
    let mut start = 0;
    for (at, element) in elements.iter().enumerate() {
        if at > start && matches!(element, Element::Appendix { .. }) {
            groups.push(&elements[start..at]);
            start = at;
        }
    }
    if start < elements.len() {
        groups.push(&elements[start..]);
    }
    groups
}

/// Elements as plain text, one element a line (a table's lines, a
/// division's two), each followed by an empty line; empty elements are
/// left out.
pub fn elements_text(elements: &[Element]) -> String {
    let mut out = String::new();
    for element in elements {
        let line = element_line(element);
        let empty = match element {
            Element::Paragraph { text, .. } | Element::Bullet { text, .. } => {
                text.trim().is_empty()
            }
            Element::Figure {
                caption, picture, ..
            } => caption.trim().is_empty() && picture.is_none(),
            Element::Heading { .. }
            | Element::Assessment { .. }
            | Element::Division { .. }
            | Element::Appendix { .. }
            | Element::Table { .. } => false,
        };
        if !empty {
            let _ = writeln!(out, "{line}\n");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::seed_sample;

    /// The preview builds its lines section by section from the editor's
    /// section views; together they must be the document's lines exactly.
    #[test]
    fn section_by_section_lines_are_the_document_s_lines() {
        use crate::index::{NodeIndex, SectionView, PREAMBLE};
        use std::collections::HashMap;
        fn walk(
            ids: &[NodeId],
            document: &Document,
            index: &NodeIndex,
            numbers: &HashMap<NodeId, crate::numbering::OutlineEntry>,
            out: &mut Vec<Element>,
        ) {
            for id in ids {
                let view = SectionView::of(document, index, numbers, *id).unwrap();
                let snapshot = &view.snapshot;
                out.extend(section_elements(*id, snapshot, view.depth, &view.number));
                walk(&snapshot.children, document, index, numbers, out);
            }
        }
        let mut untitled = seed_sample();
        untitled.sections[0].heading.clear();
        for document in [
            seed_sample(),
            untitled,
            crate::large_report::large_report(3, 4),
        ] {
            let index = NodeIndex::new(&document);
            let numbers: HashMap<_, _> = crate::numbering::outline(&document)
                .into_iter()
                .map(|entry| (entry.id, entry))
                .collect();
            let preamble = SectionView::of(&document, &index, &numbers, PREAMBLE).unwrap();
            let mut lines = preamble_elements(&preamble.snapshot.blocks);
            let parts: Vec<NodeId> = document.sections.iter().map(|part| part.id).collect();
            walk(&parts, &document, &index, &numbers, &mut lines);
            assert_eq!(lines, elements(&document));
        }
    }

    #[test]
    fn run_in_items_put_the_number_before_the_first_paragraph() {
        let sample = seed_sample();
        let lines: Vec<String> = body(&sample).iter().map(element_line).collect();
        assert!(
            lines[1].starts_with("1. Hội nghị Trung ương 5, khoá X khẳng định:"),
            "{}",
            lines[1]
        );
        assert_eq!(
            lines[0],
            "I. VỀ ĐỔI MỚI PHƯƠNG THỨC LÃNH ĐẠO CỦA ĐẢNG ĐỐI VỚI HỆ THỐNG CHÍNH TRỊ"
        );
    }

    #[test]
    fn assessments_in_a_bullet_get_plus_sub_bullets() {
        let sample = seed_sample();
        let lines: Vec<String> = body(&sample).iter().map(element_line).collect();
        let strengths = lines.iter().position(|line| line == "Ưu điểm:").unwrap();
        assert!(lines[strengths + 1].starts_with("+ Trong Ban Chấp hành"));
        assert!(lines[strengths - 1].starts_with("- Kết quả cụ thể"));
        assert!(lines.contains(&"Khuyết điểm: Trong công tác quản lý nề nếp vẫn còn học sinh vi phạm an toàn giao thông.".to_owned()));
    }

    #[test]
    fn nothing_to_report_reads_khong_co() {
        let mut sample = seed_sample();
        let Block::Assessment(limitations) = &mut sample.sections[0].children[3].blocks[0] else {
            panic!()
        };
        limitations.nothing_to_report = true;
        let lines: Vec<String> = body(&sample).iter().map(element_line).collect();
        assert!(lines.contains(&"Hạn chế: không có.".to_owned()));
        assert!(!lines
            .iter()
            .any(|line| line.contains("chưa có niều ý kiến")));
    }

    #[test]
    fn a_heading_that_is_its_assessment_label_is_printed_once() {
        let document = crate::import_text::read_text(
            "I. KẾT QUẢ\n1. Ưu điểm\n- Đoàn kết.\n2. Hạn chế: Không.\n3. Nguyên nhân: do thiếu người.\n4. Bài học kinh nghiệm\nKhông có.\nIV. ĐỀ XUẤT, KIẾN NGHỊ: không có.\nV. KIẾN NGHỊ\nĐề nghị cấp thêm kinh phí.\n",
        )
        .document;
        let lines: Vec<String> = body(&document).iter().map(element_line).collect();
        assert_eq!(
            lines,
            [
                "I. KẾT QUẢ",
                "1. Ưu điểm",
                "- Đoàn kết.",
                "2. Hạn chế: Không.",
                "3. Nguyên nhân: do thiếu người.",
                "4. Bài học kinh nghiệm: không có.",
                "II. ĐỀ XUẤT, KIẾN NGHỊ: không có.",
                "III. KIẾN NGHỊ",
                "Đề nghị cấp thêm kinh phí.",
            ]
        );
    }

    #[test]
    fn guidance_never_reaches_the_text() {
        let template = crate::template::instantiate(&crate::template::builtin()[0]);
        let text = plain_text(&template);
        assert!(
            !text.contains("quan điểm của Trung ương, ý nghĩa"),
            "{text}"
        );
        assert!(text.contains("3. Kết quả thực hiện đổi mới phương thức lãnh đạo của Đảng:"));
    }
}
