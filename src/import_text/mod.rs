//! Turning an existing report, pasted or opened as plain text, into a
//! structured draft: title, preamble, parts, items, points, "-"/"+"
//! bullets, assessment groups, "không có", the author line. What cannot be
//! placed is listed, never dropped silently.
//!
//! It recognises the numbering and bullet styles of real reports ("I." and
//! "I-" and "II/.", "1." and "1.Về", "a)", "-", "–", "*", "+"),
//! the assessment labels, "BÁO CÁO" with its subject line, website
//! leftovers, and joins lines hard-wrapped mid-sentence. The header and
//! signature block are read into metadata by `frame` first; TCVN3 text is
//! converted by `legacy_encoding` before anything else.
//!
//! Divisions ("PHẦN THỨ NHẤT …", every common spelling: `division`) hold
//! the parts that follow them, numbered from I again; appendices ("PHỤ
//! LỤC …" after the signature) hold what follows them. Tables pasted with
//! tabs or aligned with spaces become table blocks (`grid`).

use crate::legacy_encoding::{self, LegacyEncoding};
use crate::model::{
    Assessment, AssessmentLabel, Block, DivisionStyle, Document, List, ListItem, Section,
    SectionKind, Shared,
};
use crate::text::clean_input;

mod division;

/// Whether `text` starts with `prefix`, letters compared in lower case.
fn starts_with_ignoring_case(text: &str, prefix: &str) -> bool {
    let mut lowered = text.chars().flat_map(char::to_lowercase);
    prefix
        .chars()
        .flat_map(char::to_lowercase)
        .all(|wanted| lowered.next() == Some(wanted))
}

/// Letter by letter, stopping at the first difference: it runs for every
/// line of a long report against each known website line.
fn equals_ignoring_case(text: &str, other: &str) -> bool {
    let mut a = text.chars().flat_map(char::to_lowercase);
    let mut b = other.chars().flat_map(char::to_lowercase);
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (x, y) if x == y => {}
            _ => return false,
        }
    }
}

mod frame;
mod grid;
mod leftovers;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod nothing_dropped;
mod numbers;

/// The outcome of reading a text.
#[derive(Clone, Debug, PartialEq)]
pub struct TextImport {
    pub document: Document,
    /// Lines that were not placed in the document ("chưa xếp được").
    pub unplaced: Vec<String>,
    /// The legacy encoding the text was converted from, if any (the one
    /// most converted lines were in).
    pub converted_from: Option<LegacyEncoding>,
    /// How many lines were converted from a legacy encoding, for "Đã
    /// chuyển 4 dòng từ TCVN3".
    pub converted_lines: usize,
    /// How many lines with text the pasted or opened text had.
    pub total_lines: usize,
}

/// What one logical line is.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Line {
    Division {
        style: DivisionStyle,
        heading: String,
    },
    Appendix(String),
    Part(String),
    Item(String),
    Point(String),
    /// "1.1. …", "I.2. …": `depth` numbers after the first, which is
    /// `roman` or not.
    Decimal {
        depth: usize,
        roman: bool,
        text: String,
    },
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

/// The title lines that name a document's type, read as
/// `meta.doc_type` as written, the subject on the line after.
const DOC_TYPES: [&str; 8] = [
    "BÁO CÁO",
    "KẾ HOẠCH",
    "TỜ TRÌNH",
    "CHƯƠNG TRÌNH",
    "THÔNG BÁO",
    "BIÊN BẢN",
    "ĐỀ ÁN",
    "PHƯƠNG ÁN",
];

/// True for a title line naming the document's type ("KẾ HOẠCH").
fn is_doc_type(line: &str) -> bool {
    DOC_TYPES.contains(&line)
}

/// True for a line that carries on a subject read on the line above: a
/// subject ending in ";" or ",", or a short line with the school year,
/// term or period it is for ("Năm học 2025 - 2026").
fn continues_subject(subject: &str, line: &str) -> bool {
    if line.chars().count() > 120 || line.ends_with(['.', ':']) {
        return false;
    }
    let numbered = !matches!(classify(line), Line::Text(_));
    if numbered {
        return false;
    }
    subject.ends_with([';', ','])
        || [
            "Năm học",
            "NĂM HỌC",
            "Năm ",
            "NĂM ",
            "Nhiệm kỳ",
            "NHIỆM KỲ",
            "Giai đoạn",
            "GIAI ĐOẠN",
            "Học kỳ",
            "HỌC KỲ",
            "Vụ ",
            "VỤ ",
            "(",
        ]
        .iter()
        .any(|start| line.starts_with(start))
            && line.chars().filter(char::is_ascii_digit).count() >= 1
}

/// The most words a line with no number is read as an item's title in
/// (a Word copy that lost its numbering).
const TITLE_MAX_WORDS: usize = 12;

/// A short title-like line: no final punctuation, a capital first,
/// a few words, not in capitals (a capitals line is a title or heading
/// read elsewhere). Never a sentence.
fn title_like(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (2..=TITLE_MAX_WORDS).contains(&words)
        && line.starts_with(char::is_uppercase)
        && !frame::is_all_caps(line)
        && !line.ends_with(['.', ';', ':', ',', '!', '?', ')', '…', '"', '”'])
        && !line.contains(". ")
        && matches!(classify(line), Line::Text(_))
}

/// Body text: a plain line that ends a sentence, or too long for a title.
fn is_sentence(line: &str) -> bool {
    matches!(classify(line), Line::Text(_))
        && (line.ends_with(['.', ';', '!', '?'])
            || line.split_whitespace().count() > TITLE_MAX_WORDS)
}

/// For each line, whether it is the title of an item whose number a Word
/// copy lost: a `title_like` line over body text, in a part (the lines
/// between two part titles) with no numbered item and at least two such
/// titles, so that one short line over a sentence is never enough.
fn lost_number_titles(lines: &[String]) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    let mut start = 0;
    let close = |start: usize, end: usize, out: &mut Vec<bool>| {
        let numbered = lines[start..end]
            .iter()
            .any(|line| matches!(classify(line), Line::Item(_) | Line::Decimal { .. }));
        let candidates: Vec<usize> = (start..end)
            .filter(|&i| {
                title_like(&lines[i]) && lines.get(i + 1).is_some_and(|next| is_sentence(next))
            })
            .collect();
        if !numbered && candidates.len() >= 2 {
            for i in candidates {
                out[i] = true;
            }
        }
    };
    for (index, line) in lines.iter().enumerate() {
        if matches!(
            classify(line),
            Line::Part(_) | Line::Division { .. } | Line::Appendix(_)
        ) {
            close(start, index, &mut out);
            start = index + 1;
        }
    }
    close(start, lines.len(), &mut out);
    out
}

/// "KẾ HOẠCH" → "Kế hoạch".
fn sentence_case(text: &str) -> String {
    let lower = text.to_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn roman_value(text: &str) -> Option<usize> {
    if text.is_empty() || text.len() > 8 {
        return None;
    }
    (1..=50).find(|&n| crate::numbering::roman(n) == text)
}

/// Splits "II/. VỀ …", "I- Về …" into a part heading. ("PHẦN I" is a
/// division: `division::division_line`.)
fn part_heading(line: &str) -> Option<String> {
    let end = line.find(|c: char| !matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))?;
    roman_value(&line[..end])?;
    let rest = &line[end..];
    // "I - CÔNG TÁC …", "II – …", "III . …": a spaced separator.
    if let Some(spaced) = rest.strip_prefix(' ') {
        let spaced = spaced.trim_start();
        let heading = ["- ", "– ", "— ", ". "]
            .iter()
            .find_map(|sep| spaced.strip_prefix(sep))?
            .trim();
        return (!heading.is_empty()).then(|| heading.to_owned());
    }
    let rest = rest
        .strip_prefix("/.")
        .or_else(|| rest.strip_prefix('.'))
        .or_else(|| rest.strip_prefix('-'))
        .or_else(|| rest.strip_prefix("/ "))
        // "I/KẾT QUẢ": a slash alone, before a heading in capitals.
        .or_else(|| {
            rest.strip_prefix('/')
                .filter(|after| after.trim_start().starts_with(char::is_uppercase))
        })?;
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
        .or_else(|| rest.strip_prefix("/."))
        .or_else(|| rest.strip_prefix('/'))
        .or_else(|| rest.strip_prefix("- "))
        .or_else(|| rest.strip_prefix(") "))?;
    // "1.5 triệu" is a number, not an item.
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some(rest.trim().to_owned())
}

/// "a) …", "đ) …", "b. …" (Word's lettered lists), "a/ …" and "a- …" as a
/// point; "v.v." has no space after its first dot and stays text.
fn point_text(line: &str) -> Option<String> {
    let mut chars = line.chars();
    let letter = chars.next()?;
    if !letter.is_lowercase() {
        return None;
    }
    match chars.next()? {
        ')' => {}
        '.' | '/' | '-' if chars.as_str().starts_with(' ') => {}
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
        // "-Ký hợp đồng", "+Sổ kiểm thực": no space, a capital after.
        if let Some(text) = line.strip_prefix(prefix.trim_end()) {
            if text.starts_with(char::is_uppercase) && matches!(prefix, "- " | "+ " | "• ") {
                return Some((depth, text.trim().to_owned()));
            }
        }
    }
    None
}

/// "Ưu điểm: …", "Nguyên nhân, giải pháp: …" (`numbers::assessment_label`
/// says which wordings), or a label alone on its line, "Hạn chế", with or
/// without its colon.
fn assessment(line: &str) -> Option<(AssessmentLabel, String)> {
    match line.split_once(':') {
        Some((label, rest)) => {
            numbers::colon_label(label).map(|found| (found, rest.trim().to_owned()))
        }
        None if !line.ends_with(['.', ';', ',']) => {
            numbers::assessment_label(line).map(|found| (found, String::new()))
        }
        None => None,
    }
}

/// A header or signature line met in the body, outside the frame that
/// `frame` reads: listed, since it has no place in the body.
fn is_header_line(line: &str) -> bool {
    frame::is_frame_line(line)
}

/// A part "I.", an item "1." or a point "a)".
fn classify_numbered(line: &str) -> Option<Line> {
    if let Some(heading) = part_heading(line) {
        return Some(Line::Part(heading));
    }
    if let Some(text) = item_text(line) {
        return Some(Line::Item(text));
    }
    point_text(line).map(Line::Point)
}

fn classify(line: &str) -> Line {
    if leftovers::is_web_leftover(line) {
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
    if let Some(found) = division::division_line(line) {
        return Line::Division {
            style: found.style,
            heading: found.heading,
        };
    }
    if let Some(heading) = division::appendix_line(line) {
        return Line::Appendix(heading);
    }
    if let Some(rest) = numbers::word_leftover(line) {
        return classify(rest);
    }
    if let Some((depth, roman, text)) = numbers::decimal_item(line) {
        return Line::Decimal { depth, roman, text };
    }
    if let Some(numbered) = classify_numbered(line) {
        return numbered;
    }
    if let Some((depth, text)) = bullet(line) {
        // "* Ưu điểm:", "- Hạn chế, yếu kém: …": a label behind a bullet.
        if text.contains(':') {
            if let Some((label, rest)) = assessment(&text) {
                return Line::Assessment { label, rest };
            }
        }
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

/// The section an item line "1. …" opens. "1. Heading." alone is a
/// heading; "1. Long text …" with more than one sentence, or one sentence
/// too long for a heading, runs in after its number; "1. Label: text" is a
/// heading with its paragraph.
fn item_section(text: String) -> Section {
    let runs_in = text.matches(". ").count() >= 1 || text.chars().count() > ITEM_HEADING_MAX_CHARS;
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
    labelled(Section {
        heading,
        blocks: blocks.into(),
        ..Section::default()
    })
}

/// A numbered line ending in "." or ";" with more words than this is a
/// sentence: its number runs into its text (heading "").
const SENTENCE_MIN_WORDS: usize = 8;

/// The longest run-in head read as a point's heading ("a) Về nông nghiệp:
/// …"), in words.
const POINT_HEAD_MAX_WORDS: usize = 8;

/// The section a point line "a) …" opens. "a) Về nông nghiệp: text" is a
/// short heading with its paragraph; "a) Chi bộ tổ chức … ." — a sentence —
/// runs in after its letter: heading "" and the sentence as its paragraph,
/// so the point is not read as empty. A short line is a heading.
fn point_section(text: String) -> Section {
    let words = text.split_whitespace().count();
    let runs_in = text.matches(". ").count() >= 1
        || text.chars().count() > ITEM_HEADING_MAX_CHARS
        || (text.ends_with(['.', ';']) && words > SENTENCE_MIN_WORDS);
    let head = text.split_once(": ").filter(|(head, _)| {
        head.split_whitespace().count() <= POINT_HEAD_MAX_WORDS && !head.contains(',')
    });
    let (heading, blocks) = if let Some((head, rest)) = head {
        (format!("{head}:"), vec![paragraph(rest.to_owned())])
    } else if runs_in && !text.ends_with(':') {
        (String::new(), vec![paragraph(text)])
    } else {
        (text, Vec::new())
    };
    labelled(Section {
        heading,
        blocks: blocks.into(),
        ..Section::default()
    })
}

/// A section whose heading is an assessment label ("2. Hạn chế, khuyết
/// điểm", "IV. ĐỀ XUẤT, KIẾN NGHỊ: không có.", "a) Ưu điểm") keeps its
/// heading and holds an assessment group with that label, as the seed's
/// "5. Đề xuất, kiến nghị: không có." does; what the line says after the
/// label is the group's first paragraph, or "không có".
fn labelled(mut section: Section) -> Section {
    // The heading with what follows the label on the same line, if any.
    let (head, rest) = match (section.heading.is_empty(), &section.blocks[..]) {
        (false, []) => match section.heading.split_once(':') {
            Some((head, rest)) => (head.to_owned(), rest.trim().to_owned()),
            None => (section.heading.clone(), String::new()),
        },
        (false, [Block::Paragraph(rest)]) if section.heading.ends_with(':') => (
            section.heading.trim_end_matches(':').to_owned(),
            rest.text.clone(),
        ),
        (true, [Block::Paragraph(text)]) => match text.text.split_once(':') {
            Some((head, rest)) => (head.to_owned(), rest.trim().to_owned()),
            None => return section,
        },
        _ => return section,
    };
    let colon = section.heading.contains(':') || section.heading.is_empty();
    let found = if colon {
        numbers::colon_label(&head)
    } else {
        numbers::assessment_label(&head)
    };
    let Some(label) = found else {
        return section;
    };
    let nothing = numbers::is_nothing(&rest);
    if section.heading.is_empty() || section.heading.contains(':') {
        section.heading = format!("{}:", head.trim());
    }
    section.blocks = Shared::new(vec![Block::Assessment(Assessment {
        id: 0,
        label,
        nothing_to_report: nothing,
        // "không có" as the writer put it, which the heading prints after
        // itself ("3. Đề xuất, kiến nghị: không có").
        blocks: if rest.is_empty() {
            Vec::new()
        } else {
            vec![paragraph(rest)]
        },
    })]);
    section
}

/// Where new content goes while reading.
struct Builder {
    document: Document,
    unplaced: Vec<String>,
    /// Whether a division's or appendix's heading may still come on the
    /// lines after its title line.
    heading_pending: bool,
    /// For each division, whether a Roman-numbered part was read under it.
    roman_parts: Vec<bool>,
    /// Whether the division style has been read.
    style_read: bool,
    /// How many lines the pending heading has taken.
    heading_lines: usize,
    /// Whether an item "1." was read as a division's part.
    item_parts: bool,
    /// Whether the pending heading began on the title line itself.
    title_line_heading: bool,
    /// Whether the report's parts are numbered "1.", with no "I." above
    /// them.
    numbered_parts: bool,
    /// Whether the line being placed is an item's title whose number a
    /// Word copy lost (`lost_number_titles`).
    next_is_body: bool,
    /// Whether the current part may hold items whose numbers a Word copy
    /// lost: a Roman part with no numbered item read under it.
    unnumbered_items: bool,
    /// Whether the current part has items numbered "1.", "2." (so "1.1."
    /// under them is a point).
    plain_items: bool,
}

impl Builder {
    /// The top-level section content now goes into: the last division or
    /// appendix, if the body has reached one.
    fn top_kind(&self) -> SectionKind {
        self.document
            .sections
            .last()
            .map_or(SectionKind::Numbered, |section| section.kind)
    }

    /// Where parts go: the last division's parts, or the document's.
    fn parts(&mut self) -> &mut Vec<Section> {
        let sections = &mut self.document.sections;
        match sections.last().map(|section| section.kind) {
            Some(SectionKind::Division) => {
                let last = sections.len() - 1;
                &mut sections[last].children
            }
            _ => sections,
        }
    }

    /// The deepest open section, if any.
    fn current_section(&mut self) -> Option<&mut Section> {
        let top = self.document.sections.last_mut()?;
        let part = match top.kind {
            SectionKind::Appendix => return Some(top),
            SectionKind::Division if top.children.is_empty() => return Some(top),
            SectionKind::Division => top.children.last_mut()?,
            SectionKind::Numbered => top,
        };
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
        // A group with nothing to report takes nothing more: what follows
        // "Hạn chế: không có." is the section's, and would not be printed
        // inside it.
        let last_is_assessment = matches!(
            section.blocks.last(),
            Some(Block::Assessment(group)) if !group.nothing_to_report
        );
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
        let nothing = numbers::is_nothing(&rest);
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
        // "III. HẠN CHẾ, NGUYÊN NHÂN" then "Hạn chế: …": the heading names
        // the groups below it, and holds none of its own.
        if let [Block::Assessment(own)] = &section.blocks[..] {
            let heading = section.heading.trim().trim_end_matches(':').to_lowercase();
            if own.blocks.is_empty()
                && !own.nothing_to_report
                && heading == own.label.text().to_lowercase()
            {
                section.blocks = Shared::new(Vec::new());
            }
        }
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

/// A piece of a report read out of another format (a Word file): a line
/// of text, or a table already made from the file's own table.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    Line(String),
    Table(crate::table::Table),
}

/// Reads pieces into a draft exactly as `read_text` reads text: the lines
/// go through the same frame, division, list and table reading, and each
/// ready-made table lands where it stood, with the caption and unit line
/// above it.
pub fn read_pieces(pieces: Vec<Piece>) -> TextImport {
    TextReader::of_pieces(pieces).finish()
}

impl TextReader {
    /// A reader of pieces (`read_pieces`), a slice at a time.
    pub fn of_pieces(pieces: Vec<Piece>) -> TextReader {
        let mut text = String::new();
        let mut tables = Vec::new();
        for piece in pieces {
            match piece {
                Piece::Line(line) => {
                    text.extend(line.chars().filter(|&c| c != grid::TABLE_MARK));
                }
                Piece::Table(table) => {
                    text.push_str(&grid::table_mark(tables.len()));
                    tables.push(Some(table));
                }
            }
            text.push('\n');
        }
        let mut reader = TextReader::with_slice(text, SLICE_LINES);
        reader.ready = tables;
        reader
    }
}

/// Reads `text` into a draft, all at once (`TextReader` reads it in
/// slices).
pub fn read_text(text: &str) -> TextImport {
    let mut reader = TextReader::new(text.to_owned());
    while reader.step() == Step::Working {}
    reader.finish()
}

/// How many lines one slice of `TextReader::step` cleans or reads. A
/// 60,000-word report has about 3,000 lines; in the browser a slice of
/// this many takes a few tens of milliseconds, so the page never stops
/// answering for long while a large text is read.
pub const SLICE_LINES: usize = 400;

/// Whether a `TextReader` has more to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Working,
    Done,
}

/// Where a `TextReader` is.
enum Stage {
    /// Cleaning the raw text (line breaks, unwanted characters, NFC), a
    /// slice of lines at a time, from this byte.
    Cleaning {
        raw: String,
        at: usize,
        clean: String,
    },
    /// The text cleaned, the legacy encoding to detect and convert.
    Converting {
        clean: String,
    },
    /// The text in Unicode, its header and signature block to read.
    Framing {
        text: String,
    },
    /// The body, its website and page leftovers (page numbers, running
    /// headers) to take out.
    Leftovers {
        body: String,
    },
    /// The body, each line's runs of text (for aligned tables) worked out
    /// a slice of lines at a time, from byte `at` (`None` once the last
    /// line is done).
    Spanning {
        body: String,
        at: Option<usize>,
        spans: Vec<Vec<grid::Span>>,
    },
    /// The body, its tables to find.
    Splitting {
        body: String,
        spans: Vec<Vec<grid::Span>>,
    },
    /// The body's chunks, read one slice of lines at a time: the chunk
    /// being read, its logical lines and the next of them.
    Reading {
        chunks: std::vec::IntoIter<grid::Chunk>,
        lines: std::vec::IntoIter<(String, bool)>,
    },
    Done,
}

/// Reads a text into a draft in slices (`step`), so that the browser can
/// paint and answer between them; `read_text` reads the same in one go.
/// The outcome does not depend on how the steps are spread in time.
pub struct TextReader {
    stage: Stage,
    /// Lines per slice: `SLICE_LINES`, other sizes in tests.
    slice: usize,
    builder: Builder,
    reading: Reading,
    converted_from: Option<LegacyEncoding>,
    converted_lines: usize,
    total_lines: usize,
    /// The raw text's lines, for `percent`.
    raw_lines: usize,
    /// Lines cleaned, then lines read, for `percent`.
    cleaned_lines: usize,
    read_lines: usize,
    body_lines: usize,
    /// Tables made already (a Word file's), which lines of the text stand
    /// for (`read_pieces`).
    ready: Vec<Option<crate::table::Table>>,
}

impl TextReader {
    pub fn new(text: String) -> TextReader {
        TextReader::with_slice(TextReader::without_marks(text), SLICE_LINES)
    }

    /// Text from a user never stands for a ready-made table (`read_pieces`).
    fn without_marks(text: String) -> String {
        if text.contains(grid::TABLE_MARK) {
            text.chars().filter(|&c| c != grid::TABLE_MARK).collect()
        } else {
            text
        }
    }

    /// A reader whose slices hold `slice` lines (at least one).
    pub fn with_slice(text: String, slice: usize) -> TextReader {
        TextReader {
            ready: Vec::new(),
            slice: slice.max(1),
            raw_lines: text.lines().count().max(1),
            stage: Stage::Cleaning {
                clean: String::with_capacity(text.len()),
                raw: text,
                at: 0,
            },
            builder: Builder {
                document: Document::default(),
                unplaced: Vec::new(),
                heading_pending: false,
                roman_parts: Vec::new(),
                style_read: false,
                heading_lines: 0,
                item_parts: false,
                title_line_heading: false,
                numbered_parts: false,
                plain_items: false,
                next_is_body: false,
                unnumbered_items: false,
            },
            reading: Reading::default(),
            converted_from: None,
            converted_lines: 0,
            total_lines: 0,
            cleaned_lines: 0,
            read_lines: 0,
            body_lines: 1,
        }
    }

    /// Does one slice of the work: at most a slice of lines cleaned,
    /// spanned (for tables) or read, or one of the steps over the whole
    /// text (the encoding, the frame, the tables from the spans).
    pub fn step(&mut self) -> Step {
        self.stage = match std::mem::replace(&mut self.stage, Stage::Done) {
            Stage::Cleaning { raw, at, mut clean } => {
                // Cut after a line break: a "\r\n" stays whole, and NFC
                // never composes across a line break.
                let end = raw[at..]
                    .match_indices('\n')
                    .nth(self.slice - 1)
                    .map_or(raw.len(), |(index, _)| at + index + 1);
                clean.push_str(&clean_input(&raw[at..end]));
                self.cleaned_lines += self.slice;
                if end < raw.len() {
                    Stage::Cleaning {
                        raw,
                        at: end,
                        clean,
                    }
                } else {
                    Stage::Converting { clean }
                }
            }
            Stage::Converting { clean } => {
                let conversion = legacy_encoding::convert(&clean);
                self.converted_from = conversion.encoding;
                self.converted_lines = conversion.converted_lines;
                self.total_lines = conversion.total_lines;
                Stage::Framing {
                    text: conversion.text,
                }
            }
            Stage::Framing { text } => {
                let framed = frame::read_frame(&text, &mut self.builder.document);
                self.builder.unplaced = framed.unplaced;
                Stage::Leftovers { body: framed.body }
            }
            Stage::Leftovers { body } => {
                let cleaned = leftovers::clean_body(&body);
                self.builder.unplaced.extend(cleaned.unplaced);
                self.body_lines = cleaned.body.lines().count().max(1);
                Stage::Spanning {
                    body: cleaned.body,
                    at: Some(0),
                    spans: Vec::new(),
                }
            }
            Stage::Spanning {
                body,
                mut at,
                mut spans,
            } => {
                // One entry for each piece of `body.split('\n')`.
                for _ in 0..self.slice {
                    let Some(start) = at else {
                        break;
                    };
                    let end = body[start..].find('\n').map(|index| start + index);
                    spans.push(grid::line_spans(&body[start..end.unwrap_or(body.len())]));
                    at = end.map(|end| end + 1);
                }
                if at.is_some() {
                    Stage::Spanning { body, at, spans }
                } else {
                    Stage::Splitting { body, spans }
                }
            }
            Stage::Splitting { body, spans } => Stage::Reading {
                chunks: if self.ready.is_empty() {
                    grid::split_tables_spanned(&body, spans)
                } else {
                    grid::split_tables_with(&body, &mut self.ready)
                }
                .into_iter(),
                lines: Vec::new().into_iter(),
            },
            Stage::Reading {
                mut chunks,
                mut lines,
            } => {
                let mut budget = self.slice;
                loop {
                    if let Some((line, title)) = lines.next() {
                        self.builder.next_is_body = title;
                        self.builder.line(line, &mut self.reading);
                        self.read_lines += 1;
                        budget -= 1;
                        if budget == 0 {
                            break Stage::Reading { chunks, lines };
                        }
                        continue;
                    }
                    match chunks.next() {
                        Some(grid::Chunk::Text(text)) => {
                            let text_lines = logical_lines(&text.join("\n"));
                            let titles = lost_number_titles(&text_lines);
                            lines = text_lines
                                .into_iter()
                                .zip(titles)
                                .collect::<Vec<_>>()
                                .into_iter();
                        }
                        Some(grid::Chunk::Table(table)) => {
                            self.read_lines += table.rows.len();
                            self.builder.heading_pending = false;
                            self.builder
                                .with_blocks(|blocks| blocks.push(Block::Table(table)));
                        }
                        None => break Stage::Done,
                    }
                }
            }
            Stage::Done => Stage::Done,
        };
        if matches!(self.stage, Stage::Done) {
            Step::Done
        } else {
            Step::Working
        }
    }

    /// How far the reading has got, from 0 to 100: cleaning counts for a
    /// fifth, the steps over the whole text for a fifth, reading the lines
    /// for the rest.
    pub fn percent(&self) -> u8 {
        let share = |done: usize, of: usize, weight: usize| weight * done.min(of) / of;
        let percent = match self.stage {
            Stage::Cleaning { .. } => share(self.cleaned_lines, self.raw_lines, 20),
            Stage::Converting { .. } => 20,
            Stage::Framing { .. } | Stage::Leftovers { .. } => 25,
            Stage::Spanning { ref spans, .. } => 25 + share(spans.len(), self.body_lines, 10),
            Stage::Splitting { .. } => 35,
            Stage::Reading { .. } => 40 + share(self.read_lines, self.body_lines, 59),
            Stage::Done => 100,
        };
        percent as u8
    }

    /// The draft read, after `step` said `Done`; anything not read yet is
    /// read first.
    pub fn finish(mut self) -> TextImport {
        while self.step() == Step::Working {}
        let mut builder = self.builder;
        let mut document = std::mem::take(&mut builder.document);
        sentences_to_content(&mut document.sections);
        if builder.item_parts && builder.roman_parts.iter().all(|roman| !roman) {
            flatten_divisions(&mut document);
        }
        if document.meta.doc_type.is_empty() {
            document.meta.doc_type = "BÁO CÁO".into();
        }
        document.assign_ids();
        TextImport {
            document,
            unplaced: builder.unplaced,
            converted_from: self.converted_from,
            converted_lines: self.converted_lines,
            total_lines: self.total_lines,
        }
    }
}

/// The one rule for a numbered line that is a whole sentence: a heading
/// is a short title; a line ending in "." or ";" with more than
/// `SENTENCE_MIN_WORDS` words and nothing under it ("1. Chỉ đạo xuống
/// giống vụ Thu Đông, phòng chống dịch bệnh trên cây trồng.") is content:
/// heading "" and the sentence as its paragraph, as the seed's long item
/// "2. Nhận thức rõ …" is. With text or items under it, the same line is
/// a long heading (the seed's "4. Những hạn chế, yếu kém; …"). A line in
/// capitals or naming a topic ("1. Về nhận thức, …") is always a title.
fn sentences_to_content(sections: &mut [Section]) {
    // Nothing under it but the report's closing sentence ("Trên đây là
    // báo cáo …"), which lands under the last item.
    let bare = |section: &Section| {
        let closing_only = matches!(&section.blocks[..], [Block::Paragraph(p)]
            if p.text.starts_with("Trên đây"));
        section.kind == SectionKind::Numbered
            && (section.blocks.is_empty() || closing_only)
            && section.children.is_empty()
            && section.heading.ends_with(['.', ';'])
            // A heading in capitals, or naming a topic ("Về nhận thức, …
            // của Trung ương."), is a title whatever its length.
            && !frame::is_all_caps(&section.heading)
            && !section.heading.starts_with("Về ")
            && numbers::assessment_label(section.heading.split(':').next().unwrap_or("")).is_none()
    };
    // A run of such sentences is read alike: when one of them is long
    // enough to be a sentence, all are ("1. Kết nạp 40 đảng viên mới.").
    let any_sentence = sections.iter().any(|section| {
        bare(section) && section.heading.split_whitespace().count() > SENTENCE_MIN_WORDS
    });
    for section in sections {
        if any_sentence && bare(section) {
            let text = std::mem::take(&mut section.heading);
            let mut blocks = vec![paragraph(text)];
            blocks.extend(section.blocks.iter().cloned());
            section.blocks = Shared::new(blocks);
        }
        sentences_to_content(&mut section.children);
    }
}

/// "PHẦN I", "PHẦN II" with items "1.", "2." right under them and no
/// part "I." anywhere: the report's own parts, spelled with the word
/// "PHẦN". They become parts again, their items items. (Divisions with
/// text only, no numbered line under any, stay divisions.)
fn flatten_divisions(document: &mut Document) {
    for section in &mut document.sections {
        if section.kind == SectionKind::Division {
            section.kind = SectionKind::Numbered;
        }
    }
    document.meta.division_style = DivisionStyle::default();
}

/// What the title lines at the top have given so far.
#[derive(Default)]
struct Reading {
    title_taken: bool,
    subject_expected: bool,
    /// The subject was just read: a second line may carry it on.
    subject_open: bool,
    /// The title was made from the doc type and subject.
    title_from_subject: bool,
}

impl Builder {
    /// True inside a division whose parts are numbered "1." (no "I."
    /// read under it yet): its items are its parts, its points their items.
    fn flat_division(&self) -> bool {
        self.top_kind() == SectionKind::Division && self.roman_parts.last() == Some(&false)
    }

    /// Opens a division or an appendix.
    fn open_top(&mut self, kind: SectionKind, heading: String) {
        // A heading on the title line may still wrap onto the next line
        // ("PHẦN THỨ NHẤT: KẾT QUẢ THỰC HIỆN NHIỆM VỤ" / "NĂM HỌC 2023 -
        // 2024").
        self.heading_pending = true;
        self.title_line_heading = !heading.is_empty();
        self.heading_lines = usize::from(!heading.is_empty());
        if kind == SectionKind::Division {
            self.roman_parts.push(false);
        }
        self.document.sections.push(Section {
            heading,
            kind,
            ..Section::default()
        });
    }

    /// True for the line that ties an appendix to its report, "(Kèm theo
    /// Báo cáo số …)", right under the appendix's title.
    fn attachment_line(&self, text: &str) -> bool {
        let Some(top) = self.document.sections.last() else {
            return false;
        };
        let lower = text.to_lowercase();
        top.kind == SectionKind::Appendix
            && top.blocks.is_empty()
            && (lower.starts_with("(kèm theo") || lower.starts_with("kèm theo"))
            && text.chars().count() < 250
    }

    /// Adds a line to the heading still awaited under a division or
    /// appendix title ("PHẦN THỨ HAI" then "PHƯƠNG HƯỚNG, NHIỆM VỤ" on
    /// the next line, maybe over two lines); false when it is not one.
    fn pending_heading(&mut self, text: &str) -> bool {
        if !self.heading_pending {
            return false;
        }
        let Some(top) = self.document.sections.last_mut() else {
            return false;
        };
        let caps = frame::is_all_caps(text);
        // A second line continues a title wrapped in two: after a long
        // first line, or with the year or term it ends with ("NĂM HỌC
        // 2024 - 2025"). A third is a heading of its own ("ĐẶC ĐIỂM TÌNH
        // HÌNH").
        let continues = |first: &str| {
            let digits = text.chars().filter(char::is_ascii_digit).count();
            (first.chars().count() >= 30 && !self.title_line_heading)
                || digits >= 4
                || ["NĂM", "NHIỆM KỲ", "GIAI ĐOẠN"]
                    .iter()
                    .any(|start| text.starts_with(start))
        };
        let fits = if top.heading.is_empty() {
            caps || (text.chars().count() < 150 && !text.ends_with(['.', ':', ';']))
        } else {
            caps && frame::is_all_caps(&top.heading)
                && self.heading_lines < 2
                && continues(&top.heading)
        };
        if !fits || !top.blocks.is_empty() || !top.children.is_empty() {
            self.heading_pending = false;
            return false;
        }
        if !top.heading.is_empty() {
            top.heading.push(' ');
        }
        top.heading.push_str(text);
        self.heading_lines += 1;
        true
    }

    fn line(&mut self, line: String, reading: &mut Reading) {
        let after_subject = reading.subject_open;
        let kind = match classify(&line) {
            // "A- NHỮNG KẾT QUẢ" inside a "PHẦN THỨ NHẤT": a group of its
            // parts, not a division of the report; kept as written.
            Line::Division {
                style: DivisionStyle::Letter,
                ..
            } if self.style_read && self.document.meta.division_style != DivisionStyle::Letter => {
                Line::Text(line.clone())
            }
            // "Phần thứ ba" then "Đề xuất, kiến nghị": a label alone under a
            // division's title is its heading.
            Line::Assessment { .. } if self.heading_pending && !line.contains(':') => {
                Line::Text(line.clone())
            }
            kind => kind,
        };
        self.place(line, kind, reading);
        if after_subject {
            // Only the line right under the subject may carry it on.
            reading.subject_open = false;
        }
    }

    /// Marks the assessment group just opened with nothing in it ("Hạn
    /// chế:") as having nothing to report, for a "Không." on the line
    /// under it; false when there is no such group.
    fn nothing_under_label(&mut self) -> bool {
        let Some(section) = self.current_section() else {
            return false;
        };
        match section.blocks.last_mut() {
            Some(Block::Assessment(group))
                if group.blocks.is_empty() && !group.nothing_to_report =>
            {
                group.nothing_to_report = true;
                true
            }
            _ => false,
        }
    }

    fn place(&mut self, line: String, kind: Line, reading: &mut Reading) {
        let in_appendix = self.top_kind() == SectionKind::Appendix;
        if !matches!(kind, Line::Text(_)) {
            self.heading_pending = false;
        }
        match kind {
            // Inside an appendix, numbered lines are its text as written.
            Line::Division { .. }
            | Line::Part(_)
            | Line::Item(_)
            | Line::Point(_)
            | Line::Decimal { .. }
                if in_appendix =>
            {
                self.with_blocks(|blocks| blocks.push(paragraph(line)));
            }
            Line::Division { style, heading } => {
                if !self.style_read {
                    self.document.meta.division_style = style;
                    self.style_read = true;
                }
                self.open_top(SectionKind::Division, heading);
            }
            Line::Appendix(heading) => self.open_top(SectionKind::Appendix, heading),
            Line::Part(heading) => {
                self.numbered_parts = false;
                self.unnumbered_items = true;
                if self.top_kind() == SectionKind::Division {
                    if let Some(roman) = self.roman_parts.last_mut() {
                        *roman = true;
                    }
                }
                self.plain_items = false;
                self.parts().push(labelled(Section {
                    heading,
                    ..Section::default()
                }));
            }
            Line::Decimal { depth, roman, text } => {
                // "1.1." under a part whose items are "1.", "2.": a point
                // of the last; under a part with none, an item. "I.2." is
                // item 2 of part I whatever came before.
                let kind = if depth == 1 && (roman || !self.plain_items) {
                    Line::Item(text)
                } else {
                    Line::Point(text)
                };
                let plain = self.plain_items;
                self.place(line, kind, reading);
                self.plain_items = plain;
            }
            Line::Item(text) => {
                self.unnumbered_items = false;
                // Right under a division with no part "I." yet, "1." numbers
                // the division's parts ("PHẦN I" then "1. …").
                if self.flat_division() {
                    self.item_parts = true;
                    self.parts().push(item_section(text));
                    return;
                }
                // "1." with no part "I." above it: the report's parts are
                // numbered "1.", "2." (a chi bộ's short report, a post).
                if self.numbered_parts || self.parts().is_empty() {
                    self.numbered_parts = true;
                    self.parts().push(item_section(text));
                    return;
                }
                let Some(part) = self.parts().last_mut() else {
                    self.unplaced.push(line);
                    return;
                };
                part.children.push(item_section(text));
                self.plain_items = true;
            }
            Line::Point(text) => {
                let flat = self.flat_division() || self.numbered_parts;
                let any_section = !self.document.sections.is_empty();
                let parts = self.parts();
                let target = if flat {
                    parts.last_mut()
                } else {
                    parts.last_mut().and_then(|p| p.children.last_mut())
                };
                match target {
                    Some(section) => section.children.push(point_section(text)),
                    // "a) …" right under a part, with no item to hang on:
                    // kept as written where it stands.
                    None if any_section => {
                        self.with_blocks(|blocks| blocks.push(paragraph(line)));
                    }
                    None => self.unplaced.push(line),
                }
            }
            Line::Bullet { depth, text } => self.push_bullet(depth, text),
            Line::Assessment { label, rest } => self.push_assessment(label, rest),
            Line::Author(name) if self.document.closing.author.is_empty() => {
                self.document.closing.author = name;
            }
            // A second author line would overwrite the first: listed.
            Line::Author(_) => self.unplaced.push(line),
            Line::Leftover(text) | Line::Header(text) => self.unplaced.push(text),
            Line::Text(text) if frame::is_rule(&text) => {
                // "-----" under the subject line, "***" between parts: the
                // export draws its own.
            }
            Line::Text(text) if self.pending_heading(&text) => {}
            Line::Text(text) if numbers::is_nothing(&text) && self.nothing_under_label() => {}
            Line::Text(text) if self.attachment_line(&text) => {
                // "(Kèm theo Báo cáo số … ngày … của …)" under an
                // appendix's title: the outputs write it from the draft's
                // number, date and body, so it stays out of the appendix
                // (it would print twice) but is listed, never dropped.
                self.unplaced.push(text);
            }
            Line::Text(text)
                if reading.subject_open
                    && self.document.sections.is_empty()
                    && self.document.preamble.is_empty()
                    && continues_subject(&self.document.meta.subject, &text) =>
            {
                reading.subject_open = false;
                let subject = &mut self.document.meta.subject;
                subject.push(' ');
                subject.push_str(&text);
                if reading.title_from_subject {
                    self.document.title.push(' ');
                    self.document.title.push_str(&text);
                }
            }
            Line::Text(text)
                if is_doc_type(&text)
                    && self.document.sections.is_empty()
                    && self.document.preamble.is_empty()
                    && self.document.meta.subject.is_empty() =>
            {
                self.document.meta.doc_type = text;
                reading.subject_expected = true;
            }
            Line::Text(text) if reading.subject_expected && text.chars().count() < 300 => {
                reading.subject_expected = false;
                reading.subject_open = true;
                if self.document.title.is_empty() {
                    let doc_type = sentence_case(&self.document.meta.doc_type);
                    self.document.title = format!("{doc_type} {text}");
                    reading.title_taken = true;
                    reading.title_from_subject = true;
                }
                self.document.meta.subject = text;
            }
            Line::Text(text)
                if self.next_is_body
                    && self.unnumbered_items
                    && !self.numbered_parts
                    && !in_appendix
                    && title_like(&text) =>
            {
                // A Word copy that lost its automatic numbering: a short
                // title over body text, in a part whose items have no
                // number either, is an item's heading.
                match self.parts().last_mut() {
                    Some(part) => part.children.push(Section {
                        heading: text,
                        ..Section::default()
                    }),
                    None => self.with_blocks(|blocks| blocks.push(paragraph(text))),
                }
            }
            Line::Text(text) => {
                let all_caps = text.chars().any(char::is_alphabetic) && text == text.to_uppercase();
                if !reading.title_taken
                    && all_caps
                    && self.document.sections.is_empty()
                    && self.document.preamble.is_empty()
                {
                    self.document.title = text;
                    reading.title_taken = true;
                } else if self.document.sections.is_empty()
                    && self.document.preamble.len() == 1
                    && text.len() < 400
                    && !text.starts_with("Thực hiện")
                    && !text.starts_with("Căn cứ")
                {
                    self.document
                        .preamble
                        .push(Block::Figure(crate::model::Figure {
                            id: 0,
                            caption: text,
                            ..crate::model::Figure::default()
                        }));
                } else {
                    self.with_blocks(|blocks| blocks.push(paragraph(text)));
                }
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::render::{body, element_line};

    const SEED: &str = include_str!("../../tests/fixtures/bao-cao-tong-ket-thpt-lap-vo-2.txt");

    /// Reads `text` with slices of `slice` lines, counting the steps.
    fn read_in_slices(text: &str, slice: usize) -> (TextImport, usize) {
        let mut reader = TextReader::with_slice(text.to_owned(), slice);
        let mut steps = 1;
        while reader.step() == Step::Working {
            steps += 1;
        }
        (reader.finish(), steps)
    }

    #[test]
    fn slices_of_any_size_read_the_same_draft() {
        // Line breaks of every kind and decomposed letters on the lines
        // where slices are cut: cleaning a slice at a time cleans the same.
        let crlf = "ĐẢNG BỘ HUYỆN\r\nĐẢNG ỦY XÃ\r\n\r\nI. KE\u{302}\u{301}T QUẢ\r\n1. Việc\rmột\r\n- Gạch\u{200b} đầu dòng\n";
        let large = crate::export::plain_text(&crate::large_report::large_report(2, 12));
        let tcvn3 =
            legacy_encoding::latin1_text(include_bytes!("../../tests/fixtures/tcvn3-bao-cao.txt"))
                .unwrap();
        let texts = [
            SEED,
            crlf,
            include_str!(
                "../../tests/corpus/divisions-tables/03-ubnd-xa-heading-next-line-layout.txt"
            ),
            include_str!("../../tests/corpus/divisions-tables/04-dang-uy-roman-appendices.txt"),
            &tcvn3,
            &large,
        ];
        for text in texts {
            let (whole, steps) = read_in_slices(text, usize::MAX);
            assert!(steps <= 7, "{steps} steps for a text read whole");
            for slice in [1, 2, 7, SLICE_LINES] {
                assert_eq!(read_in_slices(text, slice).0, whole, "slices of {slice}");
            }
        }
        // A long text takes many small steps.
        let lines = large.lines().count();
        let (_, steps) = read_in_slices(&large, 50);
        assert!(steps > lines / 50 + 4, "{steps} steps for {lines} lines");
    }

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
    fn regression_parts_numbered_1_with_no_roman_part_above() {
        // A chi bộ's short report or a post: "1.", "2." are its parts.
        let text = "1. Công tác tư tưởng\nNội dung một.\n2. Công tác tổ chức\n- Kết nạp 2 đảng viên.\na) Điểm một\n";
        let imported = read_text(text);
        let sections = &imported.document.sections;
        assert_eq!(sections.len(), 2, "{sections:#?}");
        assert_eq!(sections[0].heading, "Công tác tư tưởng");
        assert_eq!(sections[1].heading, "Công tác tổ chức");
        assert_eq!(sections[1].children[0].heading, "Điểm một");
        assert!(imported.unplaced.is_empty(), "{:?}", imported.unplaced);
        // A part "I." after them takes its items again.
        let imported = read_text("1. Một\nII. HAI\n1. Ba\n");
        assert_eq!(imported.document.sections.len(), 2);
        assert_eq!(imported.document.sections[1].children.len(), 1);
    }

    #[test]
    fn regression_part_numbered_roman_slash() {
        assert_eq!(part_heading("I/ KẾT QUẢ"), Some("KẾT QUẢ".into()));
        assert_eq!(part_heading("II/. VỀ CÔNG TÁC"), Some("VỀ CÔNG TÁC".into()));
    }

    #[test]
    fn numbering_styles_of_real_reports() {
        assert_eq!(part_heading("I- VỀ CÔNG TÁC"), Some("VỀ CÔNG TÁC".into()));
        assert_eq!(part_heading("II/. VỀ BỘ MÁY."), Some("VỀ BỘ MÁY.".into()));
        assert_eq!(part_heading("IV. KIẾN NGHỊ"), Some("KIẾN NGHỊ".into()));
        assert_eq!(part_heading("PHẦN I: KẾT QUẢ"), None);
        assert_eq!(
            classify("PHẦN I: KẾT QUẢ"),
            Line::Division {
                style: DivisionStyle::Roman,
                heading: "KẾT QUẢ".into()
            }
        );
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

    #[test]
    fn regression_points_whose_text_runs_on_their_line_were_reported_empty() {
        // "a) …" with its text on the same line: the format check found an
        // empty point under a heading that was the whole sentence.
        let text = "I. KẾT QUẢ\n1. Công tác chính trị\na) Chi bộ tổ chức cho 100% đảng viên học tập nghị quyết, viết bài thu hoạch đạt yêu cầu.\nb) Về nông nghiệp: Bà con chuyển đổi 15 ha đất lúa.\nc) Kết nạp 1 đảng viên mới là đoàn viên thanh niên.\nd) Về thu nhập\nThu nhập bình quân đạt 65 triệu đồng.\n";
        let document = read_text(text).document;
        let findings: Vec<crate::conformance::Finding> = crate::conformance::check(&document)
            .into_iter()
            .map(|issue| issue.finding)
            .collect();
        assert!(
            !findings
                .iter()
                .any(|f| matches!(f, crate::conformance::Finding::EmptySection { .. })),
            "{findings:#?}"
        );
        let points = &document.sections[0].children[0].children;
        let headings: Vec<&str> = points.iter().map(|p| p.heading.as_str()).collect();
        assert_eq!(headings, ["", "Về nông nghiệp:", "", "Về thu nhập"]);
        let Block::Paragraph(first) = &points[0].blocks[0] else {
            panic!("{:#?}", points[0])
        };
        assert!(first.text.starts_with("Chi bộ tổ chức cho 100% đảng viên"));
        // Printed back: the sentence after its letter; a short head with its
        // text below, as an item "1. Label: text" is.
        let lines: Vec<String> = body(&document).iter().map(element_line).collect();
        assert_eq!(
            lines[2..6],
            [
                "a) Chi bộ tổ chức cho 100% đảng viên học tập nghị quyết, viết bài thu hoạch đạt yêu cầu.",
                "b) Về nông nghiệp:",
                "Bà con chuyển đổi 15 ha đất lúa.",
                "c) Kết nạp 1 đảng viên mới là đoàn viên thanh niên.",
            ]
        );
    }

    #[test]
    fn regression_slash_dash_decimal_and_word_leftover_numbers_were_misread() {
        // "1/." gave a heading ". Về …", "I/" and "a/" stayed text, "I.1."
        // became a part "1. …", "1.1." stayed text, "1. I." (Word's own
        // number before the typed one) was an item with heading "I. …".
        let text = "I/ KẾT QUẢ\n1/. Về kinh tế\na/ Trồng trọt\nb- Chăn nuôi\n-Ký hợp đồng tiêu thụ.\n+Bao tiêu lúa.\nI.2. Về xã hội\nII. THƯ VIỆN\n2.1. Vốn sách\n2.2 Hoạt động đọc\n3. 3. Kiểm tra\n3.1. Kiểm tra sổ\n2. III. PHƯƠNG HƯỚNG\n2.5 triệu đồng mỗi hộ.\n";
        let document = read_text(text).document;
        assert_eq!(
            outline_lines(&document),
            [
                "I. KẾT QUẢ",
                "1. Về kinh tế",
                "a) Trồng trọt",
                "b) Chăn nuôi",
                "2. Về xã hội",
                "II. THƯ VIỆN",
                "1. Vốn sách",
                "2. Hoạt động đọc",
                "3. Kiểm tra",
                "a) Kiểm tra sổ",
                "III. PHƯƠNG HƯỚNG",
            ]
        );
        let lines: Vec<String> = body(&document).iter().map(element_line).collect();
        assert!(
            lines.contains(&"- Ký hợp đồng tiêu thụ.".to_owned()),
            "{lines:#?}"
        );
        assert!(lines.contains(&"+ Bao tiêu lúa.".to_owned()), "{lines:#?}");
        assert!(
            lines.contains(&"2.5 triệu đồng mỗi hộ.".to_owned()),
            "{lines:#?}"
        );
    }

    #[test]
    fn regression_assessment_labels_in_their_wordings_stayed_text() {
        let text = "I. ĐÁNH GIÁ\n1. Ưu điểm\n- Đoàn kết.\n2. Hạn chế, khuyết điểm\n- Còn chậm.\n3. Nguyên nhân: Không.\n* Hạn chế, tồn tại:\n- Thiếu phòng.\n- Nguyên nhân của hạn chế: thiếu kinh phí.\nBài học kinh nghiệm\nKhông có.\nNhận xét chung:\nII. ĐỀ XUẤT, KIẾN NGHỊ: không có.\n";
        let document = read_text(text).document;
        let mut groups = Vec::new();
        fn walk(sections: &[Section], out: &mut Vec<(String, bool, usize)>) {
            for section in sections {
                for block in section.blocks.iter() {
                    if let Block::Assessment(group) = block {
                        out.push((
                            group.label.text().to_owned(),
                            group.nothing_to_report,
                            group.blocks.len(),
                        ));
                    }
                }
                walk(&section.children, out);
            }
        }
        walk(&document.sections, &mut groups);
        let labels: Vec<(&str, bool)> = groups.iter().map(|(l, n, _)| (l.as_str(), *n)).collect();
        assert_eq!(
            labels,
            [
                ("Ưu điểm", false),
                ("Hạn chế, khuyết điểm", false),
                ("Nguyên nhân", true),
                ("Hạn chế, tồn tại", false),
                ("Nguyên nhân của hạn chế", false),
                ("Bài học kinh nghiệm", true),
                ("Đề xuất, kiến nghị", true),
            ]
        );
        assert_eq!(
            outline_lines(&document),
            [
                "I. ĐÁNH GIÁ",
                "1. Ưu điểm",
                "2. Hạn chế, khuyết điểm",
                "3. Nguyên nhân:",
                "II. ĐỀ XUẤT, KIẾN NGHỊ:",
            ]
        );
        // "Nhận xét chung:" is no label; after a group with nothing to
        // report it is the item's own paragraph, printed (inside the group
        // it was hidden).
        let lines: Vec<String> = body(&document).iter().map(element_line).collect();
        assert!(lines.contains(&"Nhận xét chung:".to_owned()), "{lines:#?}");
    }

    #[test]
    fn regression_a_label_as_a_divisions_heading_became_an_assessment() {
        let text = "Phần thứ nhất\nKết quả\nI. MỘT\nPhần thứ ba\nĐề xuất, kiến nghị\nĐề nghị cấp trên đầu tư thêm phòng học.\n";
        let document = read_text(text).document;
        assert_eq!(document.sections[1].kind, SectionKind::Division);
        assert_eq!(document.sections[1].heading, "Đề xuất, kiến nghị");
    }

    #[test]
    fn regression_a_heading_naming_the_labels_below_it_was_a_group_too() {
        let text = "I. KẾT QUẢ\n1. Một việc.\nII. HẠN CHẾ, NGUYÊN NHÂN\nHạn chế: còn chậm.\nNguyên nhân: thiếu người.\nIII. TỒN TẠI, HẠN CHẾ\n- Còn chậm.\n";
        let document = read_text(text).document;
        let labels = |section: &Section| -> Vec<String> {
            section
                .blocks
                .iter()
                .filter_map(|block| match block {
                    Block::Assessment(group) => Some(group.label.text().to_owned()),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(labels(&document.sections[1]), ["Hạn chế", "Nguyên nhân"]);
        // With its own content, the heading's group stays.
        assert_eq!(labels(&document.sections[2]), ["Tồn tại, hạn chế"]);
    }

    #[test]
    fn regression_a_second_author_line_overwrote_the_first() {
        let imported = read_text("I. MỘT\nTác giả: Lê Văn An\nTác giả: Trần Thị Bình\n");
        assert_eq!(imported.document.closing.author, "Lê Văn An");
        assert_eq!(imported.unplaced, ["Tác giả: Trần Thị Bình"]);
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

    fn outline_lines(document: &Document) -> Vec<String> {
        crate::numbering::outline(document)
            .into_iter()
            .map(|entry| {
                format!("{} {}", entry.number, entry.heading)
                    .trim()
                    .to_owned()
            })
            .collect()
    }

    #[test]
    fn regression_phan_thu_nhat_without_separator_lost_its_heading_on_import() {
        let text = "BÁO CÁO\ntổng kết năm 2024\nPHẦN THỨ NHẤT KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024\nI. CÔNG TÁC CHÍNH TRỊ\n1. Học tập nghị quyết\nNội dung.\nII. CÔNG TÁC TỔ CHỨC\nPHẦN THỨ HAI PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2025\nI. MỤC TIÊU\nII. GIẢI PHÁP\n";
        let document = read_text(text).document;
        assert_eq!(
            outline_lines(&document),
            [
                "PHẦN THỨ NHẤT KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024",
                "I. CÔNG TÁC CHÍNH TRỊ",
                "1. Học tập nghị quyết",
                "II. CÔNG TÁC TỔ CHỨC",
                "PHẦN THỨ HAI PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2025",
                "I. MỤC TIÊU",
                "II. GIẢI PHÁP",
            ]
        );
        assert_eq!(document.sections[0].kind, SectionKind::Division);
        assert_eq!(document.meta.division_style, DivisionStyle::Ordinal);
    }

    #[test]
    fn a_division_heading_on_the_next_line_over_two_lines() {
        let text = "PHẦN THỨ HAI\nPHƯƠNG HƯỚNG, NHIỆM VỤ\nNĂM HỌC 2024 - 2025\nI. NHIỆM VỤ CHUNG\nThực hiện tốt.\nPhần thứ ba\nTổ chức thực hiện\nĐề nghị các tổ thực hiện.\n";
        let document = read_text(text).document;
        assert_eq!(
            document.sections[0].heading,
            "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM HỌC 2024 - 2025"
        );
        assert_eq!(document.sections[0].children[0].heading, "NHIỆM VỤ CHUNG");
        assert_eq!(document.sections[1].heading, "Tổ chức thực hiện");
        let [Block::Paragraph(paragraph)] = &document.sections[1].blocks[..] else {
            panic!("{:#?}", document.sections[1])
        };
        assert_eq!(paragraph.text, "Đề nghị các tổ thực hiện.");
    }

    #[test]
    fn a_division_heading_on_its_title_line_wrapped_onto_the_next() {
        let text = "PHẦN THỨ NHẤT: KẾT QUẢ THỰC HIỆN NHIỆM VỤ\nNĂM HỌC 2023 - 2024\nI. MỘT\nPHẦN THỨ HAI: PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM\nĐẶC ĐIỂM TÌNH HÌNH\nI. HAI\n";
        let document = read_text(text).document;
        assert_eq!(
            document.sections[0].heading,
            "KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM HỌC 2023 - 2024"
        );
        // A capitals line of its own under a complete heading stays text.
        assert_eq!(
            document.sections[1].heading,
            "PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM"
        );
        let [Block::Paragraph(paragraph)] = &document.sections[1].blocks[..] else {
            panic!("{:#?}", document.sections[1])
        };
        assert_eq!(paragraph.text, "ĐẶC ĐIỂM TÌNH HÌNH");
    }

    #[test]
    fn the_division_style_is_read_from_the_text() {
        for (text, style) in [
            (
                "PHẦN I: KẾT QUẢ\nI. MỘT\nPHẦN II: PHƯƠNG HƯỚNG\nI. HAI",
                DivisionStyle::Roman,
            ),
            (
                "PHẦN 1. KẾT QUẢ\nI. MỘT\nPHẦN 2. PHƯƠNG HƯỚNG\nI. HAI",
                DivisionStyle::Arabic,
            ),
            (
                "Phần thứ nhất: Kết quả\nI. MỘT\nPhần thứ hai: Phương hướng\nI. HAI",
                DivisionStyle::Ordinal,
            ),
        ] {
            let document = read_text(text).document;
            assert_eq!(document.meta.division_style, style, "{text}");
            assert_eq!(document.sections.len(), 2, "{text}");
            assert!(document
                .sections
                .iter()
                .all(|s| s.kind == SectionKind::Division && s.children.len() == 1));
        }
    }

    #[test]
    fn parts_restarting_at_i_without_a_phan_line_are_not_divisions() {
        let text = "I. KẾT QUẢ\n1. Một\nII. HẠN CHẾ\nI. PHƯƠNG HƯỚNG\n1. Hai\nII. GIẢI PHÁP\n";
        let document = read_text(text).document;
        assert!(document
            .sections
            .iter()
            .all(|s| s.kind == SectionKind::Numbered));
        assert_eq!(document.sections.len(), 4);
    }

    #[test]
    fn phan_lines_with_items_right_under_them_stay_parts() {
        // "PHẦN I" numbering the report's own parts, items "1." under them:
        // no division level is invented.
        let text = "PHẦN I: KẾT QUẢ\n1. Công tác chính trị\na) Học tập\nb) Quán triệt\n2. Công tác tổ chức\nPHẦN II: PHƯƠNG HƯỚNG\n1. Mục tiêu\n";
        let document = read_text(text).document;
        assert_eq!(
            outline_lines(&document),
            [
                "I. KẾT QUẢ",
                "1. Công tác chính trị",
                "a) Học tập",
                "b) Quán triệt",
                "2. Công tác tổ chức",
                "II. PHƯƠNG HƯỚNG",
                "1. Mục tiêu",
            ]
        );
    }

    #[test]
    fn divisions_with_text_only_stay_divisions() {
        let text = "PHẦN THỨ NHẤT: KẾT QUẢ\n- Hoàn thành các chỉ tiêu.\nPHẦN THỨ HAI: PHƯƠNG HƯỚNG\n- Giữ vững kết quả.\n";
        let document = read_text(text).document;
        assert_eq!(
            outline_lines(&document),
            ["PHẦN THỨ NHẤT KẾT QUẢ", "PHẦN THỨ HAI PHƯƠNG HƯỚNG"]
        );
        let [Block::List(list)] = &document.sections[1].blocks[..] else {
            panic!("{:#?}", document.sections[1])
        };
        assert_eq!(list.items[0].text, "Giữ vững kết quả.");
    }

    #[test]
    fn regression_a_sentence_starting_with_phan_became_an_empty_part() {
        let text = "I. KẾT QUẢ\nPhần lớn học sinh đạt yêu cầu.\n";
        let document = read_text(text).document;
        assert_eq!(document.sections.len(), 1);
        let [Block::Paragraph(paragraph)] = &document.sections[0].blocks[..] else {
            panic!("{:#?}", document.sections)
        };
        assert_eq!(paragraph.text, "Phần lớn học sinh đạt yêu cầu.");
    }

    #[test]
    fn appendices_after_the_signature_keep_their_content() {
        let text = "BÁO CÁO\nkết quả năm 2024\nI. KẾT QUẢ\n1. Một việc.\nNơi nhận:\t\tT/M CHI BỘ\n- Đảng ủy xã,\t\tBÍ THƯ\n- Lưu.\n\t\tNguyễn Văn An\nPHỤ LỤC I\nKẾT QUẢ XẾP LOẠI ĐẢNG VIÊN\n(Kèm theo Báo cáo số 05-BC/CB)\nĐvt: Người\nXếp loại\tSố lượng\tTỷ lệ (%)\nHoàn thành xuất sắc\t3\t15,0\nHoàn thành tốt\t15\t75,0\nHoàn thành\t2\t10,0\nTổng cộng\t20\t100\nPHỤ LỤC II: DANH SÁCH KHEN THƯỞNG\n1. Nguyễn Văn An\n2. Trần Thị Bình\n";
        let imported = read_text(text);
        let document = &imported.document;
        assert_eq!(document.closing.signing_authority, "T/M CHI BỘ");
        assert_eq!(document.closing.signer_name, "Nguyễn Văn An");
        assert_eq!(document.sections.len(), 3, "{:#?}", document.sections);
        let appendix = &document.sections[1];
        assert_eq!(appendix.kind, SectionKind::Appendix);
        assert_eq!(appendix.heading, "KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN");
        // "(Kèm theo Báo cáo số …)" is written by the outputs from the
        // draft's number and date, so it is not kept as a paragraph.
        let Some(Block::Table(table)) = appendix.blocks.first() else {
            panic!("{:#?}", appendix.blocks)
        };
        assert_eq!(table.unit, "Người");
        assert_eq!(table.rows.len(), 4);
        assert_eq!(table.columns.len(), 3);
        let second = &document.sections[2];
        assert_eq!(second.heading, "DANH SÁCH KHEN THƯỞNG");
        let texts: Vec<String> = second
            .blocks
            .iter()
            .map(|block| match block {
                Block::Paragraph(p) => p.text.clone(),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(texts, ["1. Nguyễn Văn An", "2. Trần Thị Bình"]);
        let numbers: Vec<String> = crate::numbering::outline(document)
            .into_iter()
            .map(|e| e.number)
            .collect();
        assert_eq!(numbers, ["I.", "1.", "PHỤ LỤC I", "PHỤ LỤC II"]);
    }

    #[test]
    fn a_table_pasted_from_word_becomes_a_table_block_in_its_item() {
        let text = "I. KẾT QUẢ\n1. Chất lượng giáo dục\nKết quả như sau:\nBảng 1: Kết quả học tập\nKhối\tTốt\tKhá\tĐạt\n10\t120\t200\t80\n11\t110\t190\t90\nCộng\t230\t390\t170\nNhận xét sau bảng.\n";
        let document = read_text(text).document;
        let item = &document.sections[0].children[0];
        let kinds: Vec<&str> = item
            .blocks
            .iter()
            .map(|block| match block {
                Block::Paragraph(_) => "paragraph",
                Block::Table(_) => "table",
                _ => "other",
            })
            .collect();
        assert_eq!(kinds, ["paragraph", "table", "paragraph"]);
        let Block::Table(table) = &item.blocks[1] else {
            panic!()
        };
        assert_eq!(table.caption, "Bảng 1: Kết quả học tập");
        assert_eq!(table.rows[2].kind, crate::table::RowKind::Total);
        // The first column holds the grades "10", "11": words here.
        assert_eq!(table.rows[0].cells[0].text, "10");
    }

    #[test]
    fn ready_made_tables_land_where_they_stood_with_their_caption_and_unit() {
        let table = crate::table::clipboard::table_from_grid(
            vec![
                vec!["Đơn vị".to_owned(), "Số".to_owned()],
                vec!["Tổ 1".to_owned(), "12".to_owned()],
            ],
            None,
        )
        .unwrap();
        let line = |text: &str| Piece::Line(text.to_owned());
        let read = read_pieces(vec![
            line("I. KẾT QUẢ"),
            line("Bảng 1: Số hộ"),
            line("Đvt: hộ"),
            Piece::Table(table),
            line("Nhận xét sau bảng."),
            // A stray table mark in the text is not a table.
            line("\u{f8ff}0 chữ"),
        ]);
        let blocks = &read.document.sections[0].blocks;
        let Block::Table(table) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert_eq!(table.caption, "Bảng 1: Số hộ");
        assert_eq!(table.unit, "hộ");
        assert_eq!(table.rows[0].cells[0].text, "Tổ 1");
        assert!(matches!(&blocks[1], Block::Paragraph(p) if p.text == "Nhận xét sau bảng."));
        assert!(matches!(&blocks[2], Block::Paragraph(p) if p.text == "0 chữ"));
        // Pasted text never has ready-made tables: its marks are dropped.
        let pasted = read_text("I. MỘT\n\u{f8ff}0\nchữ");
        assert!(crate::table::tables_of(&pasted.document).is_empty());
    }

    #[test]
    fn regression_a_ready_table_between_tab_rows_was_read_as_a_label_row() {
        let table =
            crate::table::clipboard::table_from_grid(vec![vec!["chỉ một ô".to_owned()]], None)
                .unwrap();
        let line = |text: &str| Piece::Line(text.to_owned());
        let read = read_pieces(vec![
            line("kết\tquả"),
            Piece::Table(table),
            line("công\ttác"),
        ]);
        let tables = crate::table::tables_of(&read.document);
        assert!(
            tables.iter().any(|(_, table)| table
                .rows
                .iter()
                .any(|row| row.cells[0].text == "chỉ một ô")
                || table
                    .header
                    .iter()
                    .flatten()
                    .any(|text| text == "chỉ một ô")),
            "{read:?}"
        );
    }

    #[test]
    fn the_seed_has_no_divisions_tables_or_appendices() {
        let document = read_text(SEED).document;
        assert!(document
            .sections
            .iter()
            .all(|s| s.kind == SectionKind::Numbered));
        fn no_tables(sections: &[Section]) -> bool {
            sections.iter().all(|s| {
                s.blocks.iter().all(|b| !matches!(b, Block::Table(_))) && no_tables(&s.children)
            })
        }
        assert!(no_tables(&document.sections));
    }

    #[test]
    fn the_benchmark_reports_plain_text_comes_back_with_its_30_tables() {
        // The plain-text export sets tables in columns aligned with spaces;
        // reading it back finds every table, its caption, unit and total.
        let document = crate::large_report::benchmark_report();
        let text = crate::export::plain_text(&document);
        let started = std::time::Instant::now();
        let imported = read_text(&text).document;
        let elapsed = started.elapsed();
        let tables: Vec<&crate::table::Table> = imported
            .sections
            .iter()
            .flat_map(|part| part.children.iter())
            .flat_map(|item| item.blocks.iter())
            .filter_map(|block| match block {
                Block::Table(table) => Some(table),
                _ => None,
            })
            .collect();
        assert_eq!(tables.len(), 30);
        for table in tables {
            assert_eq!(table.rows.len(), crate::large_report::TABLE_ROWS);
            assert_eq!(table.columns.len(), crate::large_report::TABLE_COLUMNS);
            assert_eq!(table.unit, "Người");
            assert!(table.caption.starts_with("Bảng "), "{}", table.caption);
            assert_eq!(
                table.rows.last().map(|row| row.kind),
                Some(crate::table::RowKind::Total)
            );
        }
        // 430,000 characters in well under the time of a page load, even
        // unoptimised.
        assert!(elapsed.as_secs() < 10, "{elapsed:?}");
    }

    #[test]
    fn decomposed_text_comes_in_as_nfc() {
        use unicode_normalization::UnicodeNormalization;
        let nfd: String = "I. VỀ ĐẢNG\n- Đảng ủy".nfd().collect();
        let imported = read_text(&nfd);
        assert_eq!(imported.document.sections[0].heading, "VỀ ĐẢNG");
    }

    // -- tfix --

    /// Headings in reading order as "kind heading", divisions and parts
    /// told apart.
    fn kinds(document: &Document) -> Vec<String> {
        fn walk(sections: &[Section], depth: usize, out: &mut Vec<String>) {
            for section in sections {
                let kind = match section.kind {
                    SectionKind::Division => "division",
                    SectionKind::Appendix => "appendix",
                    SectionKind::Numbered => ["part", "item", "point", "point"][depth.min(3)],
                };
                out.push(format!("{kind} {}", section.heading).trim().to_owned());
                let below = if section.kind == SectionKind::Division {
                    0
                } else {
                    depth + 1
                };
                walk(&section.children, below, out);
            }
        }
        let mut out = Vec::new();
        walk(&document.sections, 0, &mut out);
        out
    }

    #[test]
    fn regression_capital_letter_top_level_was_read_as_text() {
        let text = "BÁO CÁO\nhoạt động quý III\nA. VIỆC ĐÃ LÀM\nI. Tuyên truyền\nNội dung một.\nII. Tổ chức\n1. Họp định kỳ\nB. VIỆC SẮP TỚI\n1. Chuẩn bị đại hội\nC. KIẾN NGHỊ\nKhông có.\n";
        let document = read_text(text).document;
        assert_eq!(
            kinds(&document),
            [
                "division VIỆC ĐÃ LÀM",
                "part Tuyên truyền",
                "part Tổ chức",
                "item Họp định kỳ",
                "division VIỆC SẮP TỚI",
                "part Chuẩn bị đại hội",
                "division KIẾN NGHỊ",
            ]
        );
        assert_eq!(document.meta.division_style, DivisionStyle::Letter);
        assert_eq!(
            crate::numbering::division_number(DivisionStyle::Letter, 1),
            "B."
        );
        // A letter that is a Roman numeral stays a part; a name is no title.
        assert!(division::division_line("V. NHIỆM VỤ").is_none());
        assert!(division::division_line("A. Nguyễn Văn Hai").is_none());
    }

    #[test]
    fn regression_drafts_saved_before_the_letter_style_still_load() {
        let style: DivisionStyle = serde_json::from_str("\"roman\"").unwrap();
        assert_eq!(style, DivisionStyle::Roman);
        let letter = serde_json::to_string(&DivisionStyle::Letter).unwrap();
        assert_eq!(letter, "\"letter\"");
    }

    #[test]
    fn regression_roman_numerals_with_a_spaced_dash_were_not_parts() {
        let text = "BÁO CÁO\nkết quả năm\nI - VIỆC MỘT\n1- Việc nhỏ\nNội dung.\nII – VIỆC HAI\nIII . VIỆC BA\n";
        let document = read_text(text).document;
        assert_eq!(
            kinds(&document),
            [
                "part VIỆC MỘT",
                "item Việc nhỏ",
                "part VIỆC HAI",
                "part VIỆC BA"
            ]
        );
    }

    #[test]
    fn regression_a_plan_title_was_not_read_as_its_doc_type() {
        let text = "KẾ HOẠCH\nTổ chức ngày hội đọc sách năm 2026\nI. MỤC ĐÍCH\nNội dung.\n";
        let document = read_text(text).document;
        assert_eq!(document.meta.doc_type, "KẾ HOẠCH");
        assert_eq!(document.meta.subject, "Tổ chức ngày hội đọc sách năm 2026");
        assert_eq!(
            document.title,
            "Kế hoạch Tổ chức ngày hội đọc sách năm 2026"
        );
    }

    #[test]
    fn regression_a_subject_over_two_lines_lost_its_second_line() {
        let text =
            "BÁO CÁO\nTổng kết công tác thư viện\nNăm học 2024 - 2025\nI. KẾT QUẢ\nNội dung.\n";
        let document = read_text(text).document;
        assert_eq!(
            document.meta.subject,
            "Tổng kết công tác thư viện Năm học 2024 - 2025"
        );
        let text = "BÁO CÁO\nkết quả phong trào thi đua;\nphương hướng quý tới\nI. KẾT QUẢ\n";
        assert_eq!(
            read_text(text).document.meta.subject,
            "kết quả phong trào thi đua; phương hướng quý tới"
        );
        // A sentence after the subject is the preamble's.
        let text = "BÁO CÁO\nkết quả\nNăm nay chi bộ có 12 đảng viên.\nI. MỘT\n";
        assert_eq!(read_text(text).document.meta.subject, "kết quả");
    }

    #[test]
    fn regression_numbered_sentences_with_nothing_under_them_became_headings() {
        let text = "BÁO CÁO\nkết quả\nI. NHIỆM VỤ TỚI\n1. Vận động hội viên góp vốn, mở rộng mô hình nuôi bò vỗ béo ở ấp Hai.\n2. Hoàn thành sổ sách.\n3. Công tác tuyên truyền, vận động hội viên tham gia bảo hiểm y tế hộ gia đình.\n- Một việc.\n";
        let document = read_text(text).document;
        assert_eq!(
            kinds(&document),
            [
                "part NHIỆM VỤ TỚI",
                "item",
                "item",
                "item Công tác tuyên truyền, vận động hội viên tham gia bảo hiểm y tế hộ gia đình.",
            ]
        );
        let first = &document.sections[0].children[0];
        assert!(
            matches!(&first.blocks[..], [Block::Paragraph(p)] if p.text.starts_with("Vận động"))
        );
    }

    #[test]
    fn regression_custom_assessment_labels_stayed_text() {
        let text = "BÁO CÁO\nkết quả\nI. TÌNH HÌNH\nThuận lợi: địa bàn nhỏ.\nKhó khăn:\n- Thiếu kinh phí.\nII. ĐÁNH GIÁ\n1. Mặt mạnh\n- Đoàn kết.\n2. Kết quả đạt được\nTăng trưởng.\nNhững mặt làm được:\n- Nhiều.\na) Nguyên nhân khách quan\n";
        let document = read_text(text).document;
        let mut labels = Vec::new();
        fn walk(sections: &[Section], out: &mut Vec<String>) {
            for section in sections {
                for block in section.blocks.iter() {
                    if let Block::Assessment(group) = block {
                        out.push(group.label.text().to_owned());
                    }
                }
                walk(&section.children, out);
            }
        }
        walk(&document.sections, &mut labels);
        // "2. Kết quả đạt được" names a part of the report; with its colon it
        // is a label.
        assert_eq!(
            labels,
            [
                "Thuận lợi",
                "Khó khăn",
                "Mặt mạnh",
                "Những mặt làm được",
                "Nguyên nhân khách quan"
            ]
        );
        assert!(numbers::colon_label("Kết quả đạt được").is_some());
    }

    #[test]
    fn regression_a_hard_wrapped_run_in_label_lost_its_heading() {
        let one = "BÁO CÁO\nkết quả\nI. CHẤT LƯỢNG\n1. Học tập\n1.1. Thi học sinh giỏi văn hóa cấp huyện: Đạt 12 giải, trong đó 2 giải nhất và 4 giải nhì.\n";
        let wrapped = "BÁO CÁO\nkết quả\nI. CHẤT LƯỢNG\n1. Học tập\n1.1. Thi học sinh giỏi văn hóa cấp huyện: Đạt 12 giải, trong đó 2 giải nhất\nvà 4 giải nhì.\n";
        assert_eq!(
            kinds(&read_text(one).document),
            kinds(&read_text(wrapped).document)
        );
        assert!(kinds(&read_text(wrapped).document)
            .contains(&"point Thi học sinh giỏi văn hóa cấp huyện:".to_owned()));
    }

    #[test]
    fn regression_the_appendix_attachment_line_vanished() {
        let text = "BÁO CÁO\nkết quả\nI. MỘT\nNội dung.\nPHỤ LỤC\nSỐ LIỆU HỘI VIÊN\n(Kèm theo Báo cáo số 4-BC/HND ngày 3/3/2026 của Hội Nông dân xã)\nTổng số 120 hội viên.\n";
        let imported = read_text(text);
        assert_eq!(
            imported.unplaced,
            ["(Kèm theo Báo cáo số 4-BC/HND ngày 3/3/2026 của Hội Nông dân xã)"]
        );
        let appendix = imported.document.sections.last().unwrap();
        assert_eq!(appendix.kind, SectionKind::Appendix);
        assert!(
            matches!(&appendix.blocks[..], [Block::Paragraph(p)] if p.text == "Tổng số 120 hội viên.")
        );
    }

    #[test]
    fn regression_titles_of_a_word_copy_that_lost_its_numbering_stayed_text() {
        let text = "BÁO CÁO\nkết quả\nI. KẾT QUẢ THỰC HIỆN\nCông tác thư viện\nThư viện cho mượn 1.200 lượt sách.\nCông tác thiết bị\nMua bổ sung 10 bộ thiết bị dạy học.\nII. PHƯƠNG HƯỚNG\nTrong năm tới nhà trường tiếp tục\nDuy trì sĩ số.\n";
        let document = read_text(text).document;
        assert_eq!(
            kinds(&document),
            [
                "part KẾT QUẢ THỰC HIỆN",
                "item Công tác thư viện",
                "item Công tác thiết bị",
                "part PHƯƠNG HƯỚNG",
            ]
        );
        // One short line over a sentence is not enough, and sentences stay
        // text.
        let second = &document.sections[1];
        assert_eq!(second.blocks.len(), 2);
    }
}
