//! Numbers computed from the document tree: "I." for parts, "1." for items,
//! "a)" for points, "-" and "+" for bullets. Nobody types a number; every
//! insert, move and delete renumbers by construction, because numbers are
//! derived from positions each time they are shown.

use crate::model::{DivisionStyle, Document, NodeId, Section, SectionKind};
use crate::rules::{APPENDIX_WORD, DIVISION_ORDINALS, DIVISION_REFERENCE_WORD, DIVISION_WORD};

/// The deepest section level: parts (0), items (1), points (2).
pub const MAX_SECTION_DEPTH: usize = 2;

/// Letters used for points, in Vietnamese alphabetical order ("đ" follows
/// "d"; there is no "f", "j", "w" or "z"), as in official documents.
const POINT_LETTERS: [&str; 23] = [
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y",
];

/// Writes `n` (from 1) in Roman numerals.
pub fn roman(mut n: usize) -> String {
    const TABLE: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// The letter of point number `index` (from 0): "a", …, "y", then "aa", "ab" …
pub fn point_letter(index: usize) -> String {
    let count = POINT_LETTERS.len();
    if index < count {
        POINT_LETTERS[index].to_owned()
    } else {
        format!(
            "{}{}",
            point_letter(index / count - 1),
            POINT_LETTERS[index % count]
        )
    }
}

/// The number shown before a section at `depth` that is the `index`-th (from
/// 0) among its siblings: "I.", "1." or "a)".
pub fn section_number(depth: usize, index: usize) -> String {
    match depth {
        0 => format!("{}.", roman(index + 1)),
        1 => format!("{}.", index + 1),
        _ => format!("{})", point_letter(index)),
    }
}

/// The marker of a bullet in a list nested `list_depth` lists deep (0 for a
/// list directly in a section).
pub fn bullet_marker(list_depth: usize) -> &'static str {
    if list_depth == 0 {
        "-"
    } else {
        "+"
    }
}

/// One section as it appears in the outline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlineEntry {
    pub id: NodeId,
    /// The numbering level: 0 for parts ("I."), 1 for items, 2 for points;
    /// 0 for divisions and appendices too (see `kind`).
    pub depth: usize,
    /// How far the outline indents the entry: its depth in the tree.
    pub indent: usize,
    pub kind: SectionKind,
    /// The number shown before the heading: "II.", "2.", "b)".
    pub number: String,
    /// The full reference used in messages: "II", "II.2", "II.2.b".
    pub reference: String,
    pub heading: String,
    /// What the outline shows after the number: the heading, or for a
    /// run-in item the opening words of its first paragraph, or the
    /// template's guidance.
    pub summary: String,
    /// The number and summary as the outline panel shows them on one line:
    /// cut at a word boundary with "…" when longer than the panel holds
    /// (`OUTLINE_LABEL_CHARS`). The whole label is the entry's title.
    pub short_label: String,
}

/// How many characters of an outline label (number, space, summary) fit on
/// one line of the outline panel at its narrowest (13rem), by depth: a
/// deeper entry is indented, a part's label is bold.
pub const OUTLINE_LABEL_CHARS: [usize; 3] = [24, 26, 24];

/// The outline's one-line label for an entry at `depth`: `number` and
/// `summary`, cut at a word boundary with "…" when too long.
pub fn outline_label(depth: usize, number: &str, summary: &str) -> String {
    let budget = OUTLINE_LABEL_CHARS[depth.min(OUTLINE_LABEL_CHARS.len() - 1)];
    let room = budget.saturating_sub(number.chars().count() + 1).max(4);
    format!("{number} {}", opening_words(summary, room))
}

/// The opening words of `text` within about `max` characters, cut at a word
/// boundary, with "…" when cut.
fn opening_words(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max + 1).collect();
    let cut = match cut.rfind(char::is_whitespace) {
        Some(at) if at > 0 => &cut[..at],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end())
}

fn summary(section: &Section) -> String {
    if !section.heading.trim().is_empty() {
        return section.heading.clone();
    }
    let first_paragraph = section.blocks.iter().find_map(|block| match block {
        crate::model::Block::Paragraph(paragraph) if !paragraph.text.trim().is_empty() => {
            Some(&paragraph.text)
        }
        _ => None,
    });
    opening_words(first_paragraph.unwrap_or(&section.guidance), 60)
}

/// Lists every section in document order with its computed number.
/// Divisions are numbered among divisions, appendices among appendices,
/// and the parts of each division from I again.
pub fn outline(document: &Document) -> Vec<OutlineEntry> {
    fn walk(
        sections: &[Section],
        depth: usize,
        indent: usize,
        parent: &str,
        out: &mut Vec<OutlineEntry>,
    ) {
        for (index, section) in sections.iter().enumerate() {
            let number = section_number(depth, index);
            let own = number.trim_end_matches(['.', ')']).to_owned();
            let reference = if parent.is_empty() {
                own
            } else if depth == 0 {
                format!("{parent}, {own}")
            } else {
                format!("{parent}.{own}")
            };
            let summary = summary(section);
            let short_label = outline_label(depth, &number, &summary);
            out.push(OutlineEntry {
                id: section.id,
                depth,
                indent,
                kind: SectionKind::Numbered,
                number,
                reference: reference.clone(),
                heading: section.heading.clone(),
                short_label,
                summary,
            });
            walk(&section.children, depth + 1, indent + 1, &reference, out);
        }
    }
    let mut out = Vec::new();
    let appendices = document
        .sections
        .iter()
        .filter(|section| section.kind == SectionKind::Appendix)
        .count();
    let (mut divisions, mut parts, mut appendix) = (0, 0, 0);
    for section in &document.sections {
        match section.kind {
            SectionKind::Numbered => {
                // Numbered among the top-level parts only.
                let mut own = Vec::new();
                walk(std::slice::from_ref(section), 0, 0, "", &mut own);
                renumber_top(&mut own, parts);
                out.extend(own);
                parts += 1;
            }
            SectionKind::Division => {
                let number = division_number(document.meta.division_style, divisions);
                let reference = division_reference(divisions);
                let summary = summary(section);
                out.push(OutlineEntry {
                    id: section.id,
                    depth: 0,
                    indent: 0,
                    kind: SectionKind::Division,
                    short_label: outline_label(0, &number, &summary),
                    number,
                    reference: reference.clone(),
                    heading: section.heading.clone(),
                    summary,
                });
                walk(&section.children, 0, 1, &reference, &mut out);
                divisions += 1;
            }
            SectionKind::Appendix => {
                let number = appendix_number(appendix, appendices);
                let summary = summary(section);
                out.push(OutlineEntry {
                    id: section.id,
                    depth: 0,
                    indent: 0,
                    kind: SectionKind::Appendix,
                    short_label: outline_label(0, &number, &summary),
                    reference: number.clone(),
                    number,
                    heading: section.heading.clone(),
                    summary,
                });
                appendix += 1;
            }
        }
    }
    out
}

/// Gives a top-level part walked alone (numbered "I.") its number among
/// the top-level parts, `index`, in its own entry and its children's
/// references.
fn renumber_top(entries: &mut [OutlineEntry], index: usize) {
    if index == 0 {
        return;
    }
    let number = section_number(0, index);
    let own = number.trim_end_matches('.').to_owned();
    for entry in entries.iter_mut() {
        if entry.depth == 0 {
            entry.short_label = outline_label(0, &number, &entry.summary);
            entry.number = number.clone();
            entry.reference = own.clone();
        } else {
            entry.reference = format!("{own}{}", &entry.reference[1..]);
        }
    }
}

/// The heading number of the `index`-th division (from 0): "PHẦN THỨ
/// NHẤT", "PHẦN II", "PHẦN 3".
pub fn division_number(style: DivisionStyle, index: usize) -> String {
    let number = match style {
        DivisionStyle::Ordinal => match DIVISION_ORDINALS.get(index) {
            Some(ordinal) => (*ordinal).to_owned(),
            None => format!("THỨ {}", index + 1),
        },
        DivisionStyle::Roman => roman(index + 1),
        DivisionStyle::Arabic => (index + 1).to_string(),
        DivisionStyle::Letter => return letter_number(index),
    };
    format!("{DIVISION_WORD} {number}")
}

/// "A.", "B.", … "Z.", then "AA." for a (never seen) 27th division.
fn letter_number(index: usize) -> String {
    let letters = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let letter = char::from(letters[index % letters.len()]);
    let times = index / letters.len() + 1;
    format!("{}.", letter.to_string().repeat(times))
}

/// How messages name the `index`-th division: "Phần 1".
fn division_reference(index: usize) -> String {
    format!("{DIVISION_REFERENCE_WORD} {}", index + 1)
}

/// The title line of the `index`-th of `count` appendices: "PHỤ LỤC" for
/// a single one, "PHỤ LỤC I", "PHỤ LỤC II" when there are more.
pub fn appendix_number(index: usize, count: usize) -> String {
    if count <= 1 {
        APPENDIX_WORD.to_owned()
    } else {
        format!("{APPENDIX_WORD} {}", roman(index + 1))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_long_outline_label_is_cut_at_a_word_boundary_with_an_ellipsis() {
        let label = outline_label(
            1,
            "1.",
            "Về lãnh đạo, chỉ đạo, triển khai tổ chức thực hiện",
        );
        assert_eq!(label, "1. Về lãnh đạo, chỉ đạo,…");
        assert!(label.chars().count() <= OUTLINE_LABEL_CHARS[1] + 1);
        assert_eq!(outline_label(0, "I.", "KẾT QUẢ"), "I. KẾT QUẢ");
        // Every cut ends a word: what precedes "…" is a whole word of the
        // summary.
        let summary = "Đảng ủy chịu sự lãnh đạo trực tiếp của Ban Thường vụ Tỉnh ủy";
        for depth in 0..4 {
            let label = outline_label(depth, "a)", summary);
            let shown = label.trim_start_matches("a) ").trim_end_matches('…');
            assert!(summary.starts_with(shown), "{label}");
            assert!(summary[shown.len()..].starts_with(' '), "{label}");
        }
    }

    use super::*;

    #[test]
    fn roman_numerals() {
        let got: Vec<String> = [1, 2, 3, 4, 5, 9, 10, 14, 40, 90, 400, 1994]
            .into_iter()
            .map(roman)
            .collect();
        assert_eq!(
            got,
            ["I", "II", "III", "IV", "V", "IX", "X", "XIV", "XL", "XC", "CD", "MCMXCIV"]
        );
    }

    #[test]
    fn point_letters_follow_the_vietnamese_alphabet() {
        let first: Vec<String> = (0..7).map(point_letter).collect();
        assert_eq!(first, ["a", "b", "c", "d", "đ", "e", "g"]);
        assert_eq!(point_letter(22), "y");
        assert_eq!(point_letter(23), "aa");
        assert_eq!(point_letter(24), "ab");
    }

    #[test]
    fn section_numbers_by_depth() {
        assert_eq!(section_number(0, 1), "II.");
        assert_eq!(section_number(1, 2), "3.");
        assert_eq!(section_number(2, 4), "đ)");
        assert_eq!(bullet_marker(0), "-");
        assert_eq!(bullet_marker(1), "+");
        assert_eq!(bullet_marker(3), "+");
    }

    #[test]
    fn run_in_items_are_summarised_by_their_opening_words() {
        let sample = crate::template::seed_sample();
        let entries = outline(&sample);
        assert_eq!(entries[1].heading, "");
        assert_eq!(
            entries[1].summary,
            "Hội nghị Trung ương 5, khoá X khẳng định: Phương thức lãnh…"
        );
        assert_eq!(entries[3].summary, entries[3].heading);
        let template = crate::template::instantiate(&crate::template::builtin()[0]);
        assert!(outline(&template)[1]
            .summary
            .starts_with("Nhận thức về phương thức lãnh đạo"));
    }

    #[test]
    fn outline_references_name_the_path() {
        let section = |heading: &str, children: Vec<Section>| Section {
            heading: heading.into(),
            children,
            ..Section::default()
        };
        let mut document = Document {
            sections: vec![
                section("Một", vec![section("a", vec![])]),
                section(
                    "Hai",
                    vec![
                        section("x", vec![]),
                        section("y", vec![section("p", vec![])]),
                    ],
                ),
            ],
            ..Document::default()
        };
        document.assign_ids();
        let refs: Vec<(String, String)> = outline(&document)
            .into_iter()
            .map(|entry| (entry.number, entry.reference))
            .collect();
        let expected = [
            ("I.", "I"),
            ("1.", "I.1"),
            ("II.", "II"),
            ("1.", "II.1"),
            ("2.", "II.2"),
            ("a)", "II.2.a"),
        ];
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(n, r)| (n.to_string(), r.to_string()))
            .collect();
        assert_eq!(refs, expected);
    }
}
