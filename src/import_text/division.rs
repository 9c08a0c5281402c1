//! Division and appendix title lines in a pasted report: "PHẦN THỨ NHẤT",
//! "Phần thứ hai: …", "PHẦN I", "PHẦN 2 - …", "PHẦN THỨ NHẤT KẾT QUẢ …"
//! (the ordinal words end the number, the rest is the heading, which is
//! never lost), and "PHỤ LỤC", "Phụ lục I", "PHỤ LỤC 2: …".
//!
//! A line that starts like a title but reads on as a sentence ("Phần lớn
//! học sinh …", "Phần thứ hai của hội nghị …") is not one.

use crate::model::DivisionStyle;
use crate::rules::{APPENDIX_WORD, DIVISION_ORDINALS, DIVISION_WORD};

/// A division's title line as read: how it is numbered, its number
/// counted from one, and the heading written on the same line, maybe
/// empty, when the heading follows on the next line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct DivisionLine {
    pub style: DivisionStyle,
    pub number: usize,
    pub heading: String,
}

/// The separators written between a number and its heading.
const SEPARATORS: [char; 6] = [':', '.', '-', '–', '—', ','];

/// The longest heading a title line holds, in characters.
const MAX_TITLE_CHARS: usize = 250;

/// The words of `line` with their byte offsets.
fn words(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (at, c) in line.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, &line[s..at]));
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &line[s..]));
    }
    out
}

/// `word` without the separators stuck to its end ("NHẤT:" → "NHẤT"), and
/// whether there were any.
fn bare(word: &str) -> (&str, bool) {
    let trimmed = word.trim_end_matches(SEPARATORS);
    (trimmed, trimmed.len() != word.len())
}

/// The value of a Roman numeral up to 50, written canonically.
fn roman_value(text: &str) -> Option<usize> {
    if text.is_empty() || text.len() > 8 {
        return None;
    }
    (1..=50).find(|&n| crate::numbering::roman(n) == text)
}

/// A division or appendix number after the title word: the number, its
/// style, and where the rest of the line starts (byte offset), plus
/// whether a separator followed the number.
fn number_after(words: &[(usize, &str)]) -> Option<(DivisionStyle, usize, usize, bool)> {
    let (_, first) = *words.first()?;
    let (first_bare, first_sep) = bare(first);
    let upper = first_bare.to_uppercase();
    let end_of = |index: usize| {
        let (at, word) = words[index];
        at + word.len()
    };
    if upper == "THỨ" && !first_sep {
        // "THỨ NHẤT", "thứ hai", "THỨ MƯỜI".
        let (_, second) = *words.get(1)?;
        let (second_bare, second_sep) = bare(second);
        let wanted = format!("THỨ {}", second_bare.to_uppercase());
        let index = DIVISION_ORDINALS.iter().position(|o| *o == wanted)?;
        return Some((DivisionStyle::Ordinal, index + 1, end_of(1), second_sep));
    }
    if let Some(value) = roman_value(&upper).filter(|_| first_bare == upper) {
        return Some((DivisionStyle::Roman, value, end_of(0), first_sep));
    }
    if !first_bare.is_empty()
        && first_bare.len() <= 2
        && first_bare.chars().all(|c| c.is_ascii_digit())
    {
        let value: usize = first_bare.parse().ok()?;
        return (value > 0).then_some((DivisionStyle::Arabic, value, end_of(0), first_sep));
    }
    None
}

/// The heading after a number: separators and spaces trimmed. `None` when
/// the rest reads as a sentence rather than a heading.
fn heading_after(rest: &str, had_separator: bool, all_caps: bool) -> Option<String> {
    let heading = rest.trim().trim_start_matches(SEPARATORS).trim().to_owned();
    let separated = had_separator || rest.trim_start().starts_with(SEPARATORS);
    if heading.is_empty() {
        return Some(heading);
    }
    // "Phần thứ hai của hội nghị …", "Phần 1 triệu đồng": a sentence.
    let starts_lower = heading.starts_with(|c: char| c.is_lowercase());
    if !all_caps && !separated && starts_lower {
        return None;
    }
    if heading.chars().count() > MAX_TITLE_CHARS || heading.matches(". ").count() > 1 {
        return None;
    }
    Some(heading)
}

fn is_caps(text: &str) -> bool {
    text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase)
}

/// Reads a top level written in capital letters above Roman parts: "A.
/// KẾT QUẢ THỰC HIỆN", "B - ĐÁNH GIÁ CHUNG". The heading must be in
/// capitals ("A. Nguyễn Văn …" is not one), and letters that are Roman
/// numerals ("I.", "V.", "X.", "L.") are parts, never letters.
fn letter_line(line: &str) -> Option<DivisionLine> {
    let mut chars = line.chars();
    let letter = chars.next()?;
    if !('A'..='H').contains(&letter) {
        return None;
    }
    let rest = chars.as_str();
    let rest = [". ", "/ ", "- ", " - ", " – ", ") "]
        .iter()
        .find_map(|sep| rest.strip_prefix(sep))?
        .trim();
    if !is_caps(rest) || rest.chars().count() > MAX_TITLE_CHARS || rest.ends_with(['.', ';']) {
        return None;
    }
    Some(DivisionLine {
        style: DivisionStyle::Letter,
        number: usize::from(letter as u8 - b'A') + 1,
        heading: rest.to_owned(),
    })
}

/// Reads a division title line: "PHẦN THỨ NHẤT", "Phần thứ hai: …",
/// "PHẦN I", "PHẦN 2 - …", "PHẦN THỨ NHẤT KẾT QUẢ …".
pub(super) fn division_line(line: &str) -> Option<DivisionLine> {
    let line = line.trim();
    if let Some(found) = letter_line(line) {
        return Some(found);
    }
    let all = words(line);
    let (_, first) = *all.first()?;
    let (first_bare, _) = bare(first);
    if first_bare.to_uppercase() != DIVISION_WORD || !first_bare.starts_with('P') {
        return None;
    }
    let rest_words = &all[1..];
    let (style, number, end, separated) = number_after(rest_words)?;
    let heading = heading_after(&line[end..], separated, is_caps(line))?;
    Some(DivisionLine {
        style,
        number,
        heading,
    })
}

/// Reads an appendix title line: "PHỤ LỤC", "Phụ lục I", "PHỤ LỤC 2: …",
/// "PHỤ LỤC SỐ 01". Gives the heading written on the same line (maybe
/// empty).
pub(super) fn appendix_line(line: &str) -> Option<String> {
    let line = line.trim();
    let all = words(line);
    if all.len() < 2 {
        return None;
    }
    let (first, _) = bare(all[0].1);
    let (second, second_sep) = bare(all[1].1);
    let title = format!("{} {}", first.to_uppercase(), second.to_uppercase());
    if title != APPENDIX_WORD || !first.starts_with('P') {
        return None;
    }
    let caps_word = is_caps(first) && is_caps(second);
    let mut rest_words = &all[2..];
    let mut end = all[1].0 + all[1].1.len();
    let mut separated = second_sep;
    // "PHỤ LỤC SỐ 01".
    if let Some((at, word)) = rest_words.first() {
        if bare(word).0.to_uppercase() == "SỐ" && rest_words.len() > 1 {
            end = at + word.len();
            rest_words = &rest_words[1..];
        }
    }
    if !separated {
        if let Some((_, _, number_end, sep)) = number_after(rest_words) {
            end = number_end;
            separated = sep;
        } else if let Some((at, word)) = rest_words.first() {
            // "Phụ lục 01", "PHỤ LỤC A".
            let (value, sep) = bare(word);
            let letter =
                value.chars().count() == 1 && value.chars().all(|c| c.is_ascii_uppercase());
            let digits =
                !value.is_empty() && value.len() <= 3 && value.chars().all(|c| c.is_ascii_digit());
            if letter || digits {
                end = at + word.len();
                separated = sep;
            }
        }
    }
    let rest = &line[end..];
    if rest.trim().is_empty() {
        return Some(String::new());
    }
    // "Phụ lục kèm theo báo cáo này …" is a sentence, as is "PHỤ LỤC" in
    // the middle of a caps heading without a separator: a title line in
    // capitals, or a separator, is wanted.
    let separated = separated || rest.trim_start().starts_with(SEPARATORS);
    if !(separated || caps_word && is_caps(rest)) {
        return None;
    }
    heading_after(rest, true, caps_word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(line: &str) -> Option<(DivisionStyle, usize, String)> {
        division_line(line).map(|d| (d.style, d.number, d.heading))
    }

    #[test]
    fn every_common_spelling_of_a_division_line() {
        use DivisionStyle::*;
        let cases: [(&str, DivisionStyle, usize, &str); 16] = [
            ("PHẦN THỨ NHẤT", Ordinal, 1, ""),
            ("PHẦN THỨ HAI", Ordinal, 2, ""),
            ("Phần thứ nhất", Ordinal, 1, ""),
            ("Phần thứ ba:", Ordinal, 3, ""),
            ("PHẦN I", Roman, 1, ""),
            ("PHẦN 1", Arabic, 1, ""),
            ("Phần I.", Roman, 1, ""),
            ("PHẦN II.", Roman, 2, ""),
            ("PHẦN THỨ NHẤT: KẾT QUẢ", Ordinal, 1, "KẾT QUẢ"),
            ("PHẦN THỨ NHẤT - KẾT QUẢ", Ordinal, 1, "KẾT QUẢ"),
            ("PHẦN THỨ NHẤT. KẾT QUẢ", Ordinal, 1, "KẾT QUẢ"),
            ("PHẦN THỨ HAI: Phương hướng", Ordinal, 2, "Phương hướng"),
            ("PHẦN II: PHƯƠNG HƯỚNG", Roman, 2, "PHƯƠNG HƯỚNG"),
            ("PHẦN 2 – PHƯƠNG HƯỚNG", Arabic, 2, "PHƯƠNG HƯỚNG"),
            ("Phần thứ hai: phương hướng", Ordinal, 2, "phương hướng"),
            ("PHẦN THỨ TƯ", Ordinal, 4, ""),
        ];
        for (line, style, number, expected) in cases {
            assert_eq!(
                heading(line),
                Some((style, number, expected.to_owned())),
                "{line}"
            );
        }
    }

    #[test]
    fn regression_a_division_line_without_separator_lost_its_heading() {
        // Issue 16's named bug: "PHẦN THỨ NHẤT KẾT QUẢ …" with no ":" or
        // "-" came in without its heading.
        assert_eq!(
            heading("PHẦN THỨ NHẤT KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024"),
            Some((
                DivisionStyle::Ordinal,
                1,
                "KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024".to_owned()
            ))
        );
        assert_eq!(
            heading("Phần thứ hai Phương hướng, nhiệm vụ năm 2025"),
            Some((
                DivisionStyle::Ordinal,
                2,
                "Phương hướng, nhiệm vụ năm 2025".to_owned()
            ))
        );
        assert_eq!(
            heading("PHẦN I KẾT QUẢ"),
            Some((DivisionStyle::Roman, 1, "KẾT QUẢ".to_owned()))
        );
    }

    #[test]
    fn sentences_that_start_like_a_division_are_not_one() {
        for line in [
            "Phần lớn học sinh đạt yêu cầu.",
            "Phần thứ hai của hội nghị bàn về nhân sự.",
            "Phần 1 triệu đồng còn lại chuyển sang năm sau.",
            "PHẦN",
            "Phần thưởng cho học sinh giỏi",
            "Phầnthứ nhất",
            "phần I",
        ] {
            assert_eq!(division_line(line), None, "{line}");
        }
    }

    #[test]
    fn appendix_lines() {
        assert_eq!(appendix_line("PHỤ LỤC"), Some(String::new()));
        assert_eq!(appendix_line("Phụ lục I"), Some(String::new()));
        assert_eq!(appendix_line("PHỤ LỤC 2"), Some(String::new()));
        assert_eq!(appendix_line("PHỤ LỤC SỐ 01"), Some(String::new()));
        assert_eq!(
            appendix_line("PHỤ LỤC 2: KẾT QUẢ XẾP LOẠI"),
            Some("KẾT QUẢ XẾP LOẠI".to_owned())
        );
        assert_eq!(
            appendix_line("PHỤ LỤC II - Danh sách"),
            Some("Danh sách".to_owned())
        );
        assert_eq!(
            appendix_line("PHỤ LỤC KẾT QUẢ XẾP LOẠI"),
            Some("KẾT QUẢ XẾP LOẠI".to_owned())
        );
        assert_eq!(appendix_line("Phụ lục kèm theo báo cáo này"), None);
        assert_eq!(appendix_line("PHỤ"), None);
        assert_eq!(appendix_line("Phụ huynh học sinh"), None);
    }
}
