//! Turning an existing report, pasted or opened as plain text, into a
//! structured draft: title, preamble, parts, items, points, "-"/"+"
//! bullets, assessment groups, "không có", the author line. What cannot be
//! placed is listed, never dropped silently.
//!
//! It recognises the numbering and bullet styles of real reports ("I." and
//! "I-" and "II/.", "PHẦN I", "1." and "1.Về", "a)", "-", "–", "*", "+"),
//! the assessment labels, "BÁO CÁO" with its subject line, website
//! leftovers, and joins lines hard-wrapped mid-sentence. The header and
//! signature block are read into metadata by `frame` first; TCVN3 text is
//! converted by `legacy_encoding` before anything else.

use crate::legacy_encoding::{self, LegacyEncoding};
use crate::model::{Assessment, AssessmentLabel, Block, Document, List, ListItem, Section};
use crate::text::clean_input;

mod frame;

/// Lines that websites add around a post; left out and listed.
const WEBSITE_LEFTOVERS: [&str; 4] = [
    "Tin bài gần đây",
    "Tin liên quan",
    "Bài viết liên quan",
    "Chia sẻ",
];

/// The outcome of reading a text.
#[derive(Clone, Debug, PartialEq)]
pub struct TextImport {
    pub document: Document,
    /// Lines that were not placed in the document ("chưa xếp được").
    pub unplaced: Vec<String>,
    /// The legacy encoding the text was converted from, if any.
    pub converted_from: Option<LegacyEncoding>,
}

/// What one logical line is.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Line {
    Part(String),
    Item(String),
    Point(String),
    Bullet {
        depth: usize,
        text: String,
    },
    Assessment {
        label: AssessmentLabel,
        rest: String,
    },
    Author(String),
    Leftover(String),
    Header(String),
    Text(String),
}

/// The value of a part number written in canonical Roman numerals ("IV",
/// not "IIII"), up to 50. Anything else, such as "IIIIIIIIIIIX" from a
/// mangled paste, is not a part number.
/// The longest numbered line read as an item's heading, in characters. The
/// seed's headings run to 170 characters ("1. Về nhận thức, quan điểm, …");
/// its one-sentence paragraph item "2. Nhận thức rõ vị trí …" has 400.
const ITEM_HEADING_MAX_CHARS: usize = 250;

fn roman_value(text: &str) -> Option<usize> {
    if text.is_empty() || text.len() > 8 {
        return None;
    }
    (1..=50).find(|&n| crate::numbering::roman(n) == text)
}

/// Splits "II/. VỀ …", "I- Về …", "PHẦN I: …", "Phần thứ nhất" into a part
/// heading.
fn part_heading(line: &str) -> Option<String> {
    let upper = line.to_uppercase();
    if let Some(rest) = upper.strip_prefix("PHẦN ") {
        let heading = line[line.len() - rest.len()..].trim_start();
        let after = heading
            .split_once([':', '.', '-'])
            .map_or("", |(_, after)| after)
            .trim();
        return Some(after.to_owned());
    }
    let end = line.find(|c: char| !matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))?;
    roman_value(&line[..end])?;
    let rest = &line[end..];
    let rest = rest
        .strip_prefix("/.")
        .or_else(|| rest.strip_prefix('.'))
        .or_else(|| rest.strip_prefix('-'))?;
    let heading = rest.trim();
    (!heading.is_empty()).then(|| heading.to_owned())
}

/// "1. …", "1.Về …", "12- …", "3) …" as an item.
fn item_text(line: &str) -> Option<String> {
    let end = line.find(|c: char| !c.is_ascii_digit())?;
    if end == 0 || end > 3 {
        return None;
    }
    let rest = &line[end..];
    let rest = rest
        .strip_prefix('.')
        .or_else(|| rest.strip_prefix('/'))
        .or_else(|| rest.strip_prefix("- "))
        .or_else(|| rest.strip_prefix(") "))?;
    // "1.5 triệu" is a number, not an item.
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some(rest.trim().to_owned())
}

/// "a) …", "đ) …", and "b. …" (Word's lettered lists) as a point; "v.v."
/// has no space after its first dot and stays text.
fn point_text(line: &str) -> Option<String> {
    let mut chars = line.chars();
    let letter = chars.next()?;
    if !letter.is_lowercase() {
        return None;
    }
    match chars.next()? {
        ')' => {}
        '.' if chars.as_str().starts_with(' ') => {}
        _ => return None,
    }
    Some(chars.as_str().trim().to_owned())
}

fn bullet(line: &str) -> Option<(usize, String)> {
    for (prefix, depth) in [
        ("- ", 0),
        ("– ", 0),
        ("— ", 0),
        ("* ", 0),
        ("• ", 0),
        ("● ", 0),
        ("▪ ", 0),
        ("■ ", 0),
        ("➢ ", 0),
        ("► ", 0),
        ("❖ ", 0),
        ("✓ ", 0),
        ("+ ", 1),
        ("◦ ", 1),
    ] {
        if let Some(text) = line.strip_prefix(prefix) {
            return Some((depth, text.trim().to_owned()));
        }
    }
    None
}

fn assessment(line: &str) -> Option<(AssessmentLabel, String)> {
    let (label, rest) = line.split_once(':')?;
    let found = AssessmentLabel::from_text(label);
    let known = !matches!(found, AssessmentLabel::Custom(_));
    // Combined labels such as "Nguyên nhân, giải pháp" are kept as written.
    let combined = label.split(',').count() == 2
        && label
            .split(',')
            .all(|part| !matches!(AssessmentLabel::from_text(part), AssessmentLabel::Custom(_)));
    (known || combined).then(|| (found, rest.trim().to_owned()))
}

/// A header or signature line met in the body, outside the frame that
/// `frame` reads: listed, since it has no place in the body.
fn is_header_line(line: &str) -> bool {
    frame::is_frame_line(line)
}

fn classify(line: &str) -> Line {
    if WEBSITE_LEFTOVERS
        .iter()
        .any(|leftover| line.eq_ignore_ascii_case(leftover))
    {
        return Line::Leftover(line.to_owned());
    }
    if let Some(author) = line
        .strip_prefix("Tác giả bài viết:")
        .or_else(|| line.strip_prefix("Tác giả:"))
    {
        return Line::Author(author.trim().to_owned());
    }
    if is_header_line(line) {
        return Line::Header(line.to_owned());
    }
    if let Some(heading) = part_heading(line) {
        return Line::Part(heading);
    }
    if let Some(text) = item_text(line) {
        return Line::Item(text);
    }
    if let Some(text) = point_text(line) {
        return Line::Point(text);
    }
    if let Some((depth, text)) = bullet(line) {
        return Line::Bullet { depth, text };
    }
    if let Some((label, rest)) = assessment(line) {
        return Line::Assessment { label, rest };
    }
    Line::Text(line.to_owned())
}

/// The bullet a line copied from a Word list starts with, as "-" or "+",
/// and the rest. Word's default markers come as text: "•" (read as is),
/// then "o" and "§" followed by a tab for the second and third levels, or
/// private-use characters of the Symbol and Wingdings fonts.
fn word_list_marker(raw: &str) -> Option<(&'static str, &str)> {
    let line = raw.trim_start();
    for (marker, bullet) in [
        ("o\t", "+ "),
        ("§\t", "+ "),
        ("\u{f0b7}", "- "),
        ("\u{f0a7}", "+ "),
        ("\u{f0d8}", "- "),
        ("\u{f076}", "- "),
        ("\u{f0fc}", "- "),
    ] {
        if let Some(rest) = line.strip_prefix(marker) {
            return Some((bullet, rest));
        }
    }
    None
}

/// Joins lines hard-wrapped mid-sentence: a line that does not end a
/// sentence and is followed by one that starts in lowercase.
fn logical_lines(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for raw in text.lines() {
        let marked;
        let raw = match word_list_marker(raw) {
            Some((bullet, rest)) => {
                marked = format!("{bullet}{rest}");
                marked.as_str()
            }
            None => raw,
        };
        let line = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            continue;
        }
        // A line that does not end a sentence, followed (even across blank
        // lines, as web pages space them) by one that starts in lowercase, was
        // wrapped by hand.
        let continues_last = !matches!(classify(&line), Line::Point(_))
            && line.starts_with(|c: char| c.is_lowercase());
        match out.last_mut() {
            // A line in capitals ("BÁO CÁO") is a title of its own; the
            // subject line under it starts lowercase on purpose.
            Some(last)
                if continues_last
                    && !last.ends_with(['.', ':', ';', '!', '?'])
                    && !frame::is_all_caps(last) =>
            {
                last.push(' ');
                last.push_str(&line);
            }
            _ => out.push(line),
        }
    }
    out
}

fn paragraph(text: String) -> Block {
    Block::paragraph(text)
}

/// Where new content goes while reading.
struct Builder {
    document: Document,
    unplaced: Vec<String>,
}

impl Builder {
    /// The deepest open section, if any.
    fn current_section(&mut self) -> Option<&mut Section> {
        let part = self.document.sections.last_mut()?;
        if part.children.is_empty() {
            return Some(part);
        }
        let item = part.children.last_mut()?;
        if item.children.is_empty() {
            Some(item)
        } else {
            item.children.last_mut()
        }
    }

    /// Hands `f` the blocks new content joins: the last assessment group of
    /// the current section (or of its last bullet), else the section, else
    /// the preamble.
    fn with_blocks(&mut self, f: impl FnOnce(&mut Vec<Block>)) {
        if self.document.sections.is_empty() {
            f(&mut self.document.preamble);
            return;
        }
        let Some(section) = self.current_section() else {
            return;
        };
        let last_is_assessment = matches!(section.blocks.last(), Some(Block::Assessment(_)));
        // An assessment under the last bullet of a list ("- Kết quả …" then
        // "Ưu điểm:") keeps taking that bullet's content.
        let under_bullet = matches!(
            section.blocks.last(),
            Some(Block::List(list)) if list.items.last().is_some_and(|item| matches!(item.blocks.last(), Some(Block::Assessment(_))))
        );
        if last_is_assessment {
            if let Some(Block::Assessment(group)) = section.blocks.last_mut() {
                f(&mut group.blocks);
            }
        } else if under_bullet {
            if let Some(Block::List(list)) = section.blocks.last_mut() {
                if let Some(Block::Assessment(group)) = list
                    .items
                    .last_mut()
                    .and_then(|item| item.blocks.last_mut())
                {
                    f(&mut group.blocks);
                }
            }
        } else {
            f(&mut section.blocks);
        }
    }

    fn push_bullet(&mut self, depth: usize, text: String) {
        self.with_blocks(|blocks| push_bullet_into(blocks, depth, text));
    }

    fn push_assessment(&mut self, label: AssessmentLabel, rest: String) {
        let nothing = rest
            .trim()
            .trim_end_matches('.')
            .eq_ignore_ascii_case("không có");
        let mut group = Assessment {
            id: 0,
            label,
            nothing_to_report: nothing,
            blocks: Vec::new(),
        };
        if !nothing && !rest.is_empty() {
            group.blocks.push(paragraph(rest));
        }
        let Some(section) = self.current_section() else {
            self.document.preamble.push(Block::Assessment(group));
            return;
        };
        // Right after a bullet that introduces results ("- Kết quả …"), the
        // group belongs to that bullet, so its own bullets become "+".
        if let Some(Block::List(list)) = section.blocks.last_mut() {
            if let Some(item) = list.items.last_mut() {
                if item
                    .blocks
                    .iter()
                    .all(|b| matches!(b, Block::Assessment(_)))
                    && !item.text.ends_with('.')
                {
                    item.blocks.push(Block::Assessment(group));
                    return;
                }
            }
        }
        section.blocks.push(Block::Assessment(group));
    }
}

fn push_bullet_into(blocks: &mut Vec<Block>, depth: usize, text: String) {
    if depth > 0 {
        // A "+" goes under the last "-", or starts a list of its own in
        // an assessment group.
        if let Some(Block::List(list)) = blocks.last_mut() {
            if let Some(item) = list.items.last_mut() {
                match item.blocks.last_mut() {
                    Some(Block::List(sub)) => sub.items.push(ListItem {
                        id: 0,
                        text,
                        blocks: Vec::new(),
                    }),
                    _ => item.blocks.push(Block::List(List {
                        id: 0,
                        items: vec![ListItem {
                            id: 0,
                            text,
                            blocks: Vec::new(),
                        }],
                    })),
                }
                return;
            }
        }
    }
    match blocks.last_mut() {
        Some(Block::List(list)) => list.items.push(ListItem {
            id: 0,
            text,
            blocks: Vec::new(),
        }),
        _ => blocks.push(Block::List(List {
            id: 0,
            items: vec![ListItem {
                id: 0,
                text,
                blocks: Vec::new(),
            }],
        })),
    }
}

/// Reads `text` into a draft.
pub fn read_text(text: &str) -> TextImport {
    let (text, converted_from) = legacy_encoding::to_unicode(&clean_input(text));
    let mut document = Document::default();
    let framed = frame::read_frame(&text, &mut document);
    let mut builder = Builder {
        document,
        unplaced: framed.unplaced,
    };
    let lines = logical_lines(&framed.body);
    let mut title_taken = false;
    let mut subject_expected = false;
    for line in lines {
        match classify(&line) {
            Line::Part(heading) => builder.document.sections.push(Section {
                heading,
                ..Section::default()
            }),
            Line::Item(text) => {
                let Some(part) = builder.document.sections.last_mut() else {
                    builder.unplaced.push(line);
                    continue;
                };
                // "1. Heading." alone is a heading; "1. Long text …" with more
                // than one sentence, or one sentence too long for a heading,
                // runs in after its number.
                let runs_in = text.matches(". ").count() >= 1
                    || text.chars().count() > ITEM_HEADING_MAX_CHARS;
                let (heading, blocks) = if runs_in && !text.ends_with(':') {
                    (String::new(), vec![paragraph(text)])
                } else if let Some((head, rest)) = text
                    .split_once(": ")
                    .filter(|(head, _)| head.chars().count() < 60)
                {
                    (format!("{head}:"), vec![paragraph(rest.to_owned())])
                } else {
                    (text, Vec::new())
                };
                part.children.push(Section {
                    heading,
                    blocks: blocks.into(),
                    ..Section::default()
                });
            }
            Line::Point(text) => match builder
                .document
                .sections
                .last_mut()
                .and_then(|p| p.children.last_mut())
            {
                Some(item) => item.children.push(Section {
                    heading: text,
                    ..Section::default()
                }),
                None => builder.unplaced.push(line),
            },
            Line::Bullet { depth, text } => builder.push_bullet(depth, text),
            Line::Assessment { label, rest } => builder.push_assessment(label, rest),
            Line::Author(name) => builder.document.closing.author = name,
            Line::Leftover(text) | Line::Header(text) => builder.unplaced.push(text),
            Line::Text(text) if frame::is_rule(&text) => {
                // "-----" under the subject line, "***" between parts: the
                // export draws its own.
            }
            Line::Text(text)
                if text == "BÁO CÁO"
                    && builder.document.sections.is_empty()
                    && builder.document.preamble.is_empty()
                    && builder.document.meta.subject.is_empty() =>
            {
                builder.document.meta.doc_type = text;
                subject_expected = true;
            }
            Line::Text(text) if subject_expected && text.chars().count() < 300 => {
                subject_expected = false;
                if builder.document.title.is_empty() {
                    builder.document.title = format!("Báo cáo {text}");
                    title_taken = true;
                }
                builder.document.meta.subject = text;
            }
            Line::Text(text) => {
                let all_caps = text.chars().any(char::is_alphabetic) && text == text.to_uppercase();
                if !title_taken
                    && all_caps
                    && builder.document.sections.is_empty()
                    && builder.document.preamble.is_empty()
                {
                    builder.document.title = text;
                    title_taken = true;
                } else if builder.document.sections.is_empty()
                    && builder.document.preamble.len() == 1
                    && text.len() < 400
                    && !text.starts_with("Thực hiện")
                    && !text.starts_with("Căn cứ")
                {
                    builder
                        .document
                        .preamble
                        .push(Block::Figure(crate::model::Figure {
                            id: 0,
                            caption: text,
                            image: None,
                        }));
                } else {
                    builder.with_blocks(|blocks| blocks.push(paragraph(text)));
                }
            }
        }
    }
    let mut document = builder.document;
    if document.meta.doc_type.is_empty() {
        document.meta.doc_type = "BÁO CÁO".into();
    }
    document.assign_ids();
    TextImport {
        document,
        unplaced: builder.unplaced,
        converted_from,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::render::{body, element_line};

    const SEED: &str = include_str!("../../tests/fixtures/bao-cao-tong-ket-thpt-lap-vo-2.txt");

    #[test]
    fn the_seed_comes_out_structured() {
        let imported = read_text(SEED);
        let document = &imported.document;
        assert!(document.title.starts_with("HỘI NGHỊ TỔNG KẾT"));
        assert_eq!(document.sections.len(), 2);
        assert_eq!(document.sections[0].children.len(), 5);
        assert_eq!(document.sections[1].children.len(), 3);
        assert_eq!(document.sections[1].heading, "VỀ XÂY DỰNG TỔ CHỨC BỘ MÁY.");
        assert_eq!(document.closing.author, "Hồ Thị Anh Thư");
        assert_eq!(imported.unplaced, ["Tin bài gần đây"]);
        let lines: Vec<String> = body(document).iter().map(element_line).collect();
        assert!(lines.contains(&"Hạn chế: Trong quá trình lãnh chỉ đạo, chỉ đạo lấy ý kiến đóng góp các văn kiện Đại hội Đảng ủy chưa có niều ý kiến hay đóng góp cho các văn kiện Đại hội Đảng của Tỉnh ủy.".to_owned()), "{lines:#?}");
        let strengths = lines.iter().position(|l| l == "Ưu điểm:").expect("Ưu điểm");
        assert!(
            lines[strengths + 1].starts_with("+ Trong Ban Chấp hành"),
            "{lines:#?}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("5. Đề xuất, kiến nghị:")),
            "{lines:#?}"
        );
        // The photo caption, hard-wrapped over three lines, is one figure.
        let Some(Block::Figure(figure)) = document.preamble.get(1) else {
            panic!("{:?}", document.preamble)
        };
        assert!(
            figure.caption.ends_with("hoạt động hiệu lực, hiệu quả"),
            "{}",
            figure.caption
        );
    }

    #[test]
    fn numbering_styles_of_real_reports() {
        assert_eq!(part_heading("I- VỀ CÔNG TÁC"), Some("VỀ CÔNG TÁC".into()));
        assert_eq!(part_heading("II/. VỀ BỘ MÁY."), Some("VỀ BỘ MÁY.".into()));
        assert_eq!(part_heading("IV. KIẾN NGHỊ"), Some("KIẾN NGHỊ".into()));
        assert_eq!(part_heading("PHẦN I: KẾT QUẢ"), Some("KẾT QUẢ".into()));
        assert_eq!(part_heading("Ít khi"), None);
        assert_eq!(item_text("1.Về nhận thức"), Some("Về nhận thức".into()));
        assert_eq!(item_text("12. Kết quả"), Some("Kết quả".into()));
        assert_eq!(item_text("1.5 triệu đồng"), None);
        assert_eq!(point_text("đ) Điểm năm"), Some("Điểm năm".into()));
        assert_eq!(bullet("– gạch ngang"), Some((0, "gạch ngang".into())));
        assert_eq!(bullet("* sao"), Some((0, "sao".into())));
        assert_eq!(bullet("+ cộng"), Some((1, "cộng".into())));
    }

    #[test]
    fn regression_long_roman_prefix_overflowed() {
        // A cut-and-spliced seed once gave "IIIIIIIIIIIX. …", whose value went
        // below zero and panicked.
        assert_eq!(roman_value("IIIIIIIIIIIX"), None);
        assert_eq!(part_heading("IIIIIIIIIIIX. Một"), None);
        assert_eq!(roman_value("XIV"), Some(14));
        assert_eq!(roman_value("IIII"), None);
    }

    #[test]
    fn regression_a_long_one_sentence_item_became_a_bold_heading() {
        // Item I.2 of the seed is one sentence of 90 words with no body after
        // it; it was read as the item's heading and printed bold.
        let document = read_text(SEED).document;
        let item = &document.sections[0].children[1];
        assert_eq!(item.heading, "");
        let [Block::Paragraph(paragraph)] = &item.blocks[..] else {
            panic!("{:#?}", item.blocks)
        };
        assert!(paragraph.text.starts_with("Nhận thức rõ vị trí quan trọng"));
        assert!(paragraph
            .text
            .ends_with("sức chiến đấu của tổ chức cơ sở đảng."));
        // The headings around it stay headings.
        let headings: Vec<&str> = document.sections[0]
            .children
            .iter()
            .map(|item| item.heading.as_str())
            .collect();
        assert_eq!(
            headings[2],
            "Kết quả thực hiện đổi mới phương thức lãnh đạo của Đảng:"
        );
        assert!(
            headings[3].starts_with("Những hạn chế, yếu kém"),
            "{headings:#?}"
        );
        assert!(document.sections[1].children[0]
            .heading
            .starts_with("Về nhận thức, quan điểm"));
        assert!(document.sections[1].children[1]
            .heading
            .starts_with("Về lãnh đạo, chỉ đạo"));
    }

    #[test]
    fn regression_words_second_level_bullets_stayed_text() {
        // Text copied from a Word list: "•" and a tab, "o" and a tab for the
        // second level, "§" for the third, or Symbol-font characters.
        let text = "I.\tKẾT QUẢ\n1.\tThuận lợi\n•\tCơ sở vật chất.\no\tPhòng học mới.\n§\tPhòng máy.\n\u{f0b7}\tĐội ngũ.\n\u{f0a7}\tGiáo viên trẻ.\n▪ Học sinh.\n◦ Lớp 10.\no hay không\n";
        let imported = read_text(text);
        let lines: Vec<String> = body(&imported.document).iter().map(element_line).collect();
        assert_eq!(
            lines,
            [
                "I. KẾT QUẢ",
                "1. Thuận lợi",
                "- Cơ sở vật chất.",
                "+ Phòng học mới.",
                "+ Phòng máy.",
                "- Đội ngũ.",
                "+ Giáo viên trẻ.",
                "- Học sinh.",
                "+ Lớp 10.",
                // "o" before a space is a word, not a marker.
                "o hay không",
            ]
        );
    }

    #[test]
    fn regression_items_numbered_1_dash_or_3_paren_and_points_b_dot_stayed_text() {
        let text = "I. KẾT QUẢ\n1- Về giáo dục\na. Điểm một\nb) Điểm hai\n2) Về đội ngũ\n3-4 học sinh giỏi.\nv.v. và nhiều việc khác\n";
        let imported = read_text(text);
        let lines: Vec<String> = body(&imported.document).iter().map(element_line).collect();
        assert_eq!(
            lines,
            [
                "I. KẾT QUẢ",
                "1. Về giáo dục",
                "a) Điểm một",
                "b) Điểm hai",
                "2. Về đội ngũ",
                "3-4 học sinh giỏi.",
                "v.v. và nhiều việc khác",
            ]
        );
    }

    #[test]
    fn nothing_is_dropped_silently() {
        // Header and signature lines become metadata; a stray one in the
        // body and website leftovers are listed.
        let text = "ĐẢNG CỘNG SẢN VIỆT NAM\nSố 12-BC/ĐU\nI. MỘT\n1. Hai.\nSố 13-BC/ĐU\n2. Ba.\nT/M ĐẢNG ỦY\nNơi nhận:\nTin bài gần đây";
        let imported = read_text(text);
        assert_eq!(imported.unplaced, ["Số 13-BC/ĐU", "Tin bài gần đây"]);
        let document = &imported.document;
        assert_eq!(document.meta.number_symbol, "12-BC/ĐU");
        assert_eq!(document.closing.signing_authority, "T/M ĐẢNG ỦY");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        #[test]
        fn any_text_gives_a_sane_draft(text in "(?s).{0,300}") {
            let imported = read_text(&text);
            proptest::prop_assert!(crate::numbering::outline(&imported.document).iter().all(|e| e.depth <= 2));
        }

        #[test]
        fn cut_and_spliced_seed_text_never_panics(cut in 0usize..8000, insert in "[IVX0-9.:)+*–\\- \n]{0,6}") {
            let cut = (0..=cut.min(SEED.len())).rev().find(|at| SEED.is_char_boundary(*at)).unwrap_or(0);
            let text = format!("{}{}{}", &SEED[..cut], insert, &SEED[cut..]);
            let _ = read_text(&text);
        }
    }

    #[test]
    fn decomposed_text_comes_in_as_nfc() {
        use unicode_normalization::UnicodeNormalization;
        let nfd: String = "I. VỀ ĐẢNG\n- Đảng ủy".nfd().collect();
        let imported = read_text(&nfd);
        assert_eq!(imported.document.sections[0].heading, "VỀ ĐẢNG");
    }
}
