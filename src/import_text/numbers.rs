//! Numbering and labels as real report texts write them, beyond the plain
//! "I." / "1." / "a)": decimal items ("1.1.", "I.1."), list numbers Word
//! leaves in front of the real ones when a list is copied ("1. I.", "2.
//! 2."), and the assessment labels in their many wordings ("Hạn chế, yếu
//! kém", "Nguyên nhân của hạn chế"), with "Không." / "Không có." meaning
//! there is nothing to report.

use crate::model::AssessmentLabel;

/// "1. I. CÔNG TÁC …", "2. 2. Kết quả …": Word's own list number copied in
/// front of the number typed by hand. The rest of the line, when what
/// follows the first number is itself a number the reader knows.
pub(super) fn word_leftover(line: &str) -> Option<&str> {
    let digits = line.find(|c: char| !c.is_ascii_digit())?;
    if digits == 0 || digits > 2 {
        return None;
    }
    let rest = line[digits..].strip_prefix(". ")?.trim_start();
    let numbered = matches!(
        super::classify_numbered(rest),
        Some(super::Line::Part(_) | super::Line::Item(_) | super::Line::Point(_))
    ) || decimal_item(rest).is_some();
    numbered.then_some(rest)
}

/// "1.1. Vốn tài liệu", "I.2. Kiện toàn …", "2.1 Thiết bị", "1.2.3. …":
/// how many numbers come after the first (1 for an item under its part, 2
/// for a point), whether the first is Roman, and the text. The text must
/// start with a capital, so "2.5 triệu đồng" stays a sentence.
pub(super) fn decimal_item(line: &str) -> Option<(usize, bool, String)> {
    let first_end = line.find('.')?;
    let first = &line[..first_end];
    let roman = super::roman_value(first).is_some();
    let first_ok =
        (!first.is_empty() && first.len() <= 2 && first.chars().all(|c| c.is_ascii_digit()))
            || roman;
    if !first_ok {
        return None;
    }
    let mut rest = &line[first_end + 1..];
    let mut depth = 0;
    loop {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if digits == 0 || digits > 2 {
            break;
        }
        depth += 1;
        rest = &rest[digits..];
        match rest.strip_prefix('.') {
            Some(after) if after.starts_with(|c: char| c.is_ascii_digit()) => rest = after,
            Some(after) => {
                rest = after;
                break;
            }
            None => break,
        }
    }
    if depth == 0 || depth > 2 || !rest.starts_with(' ') {
        return None;
    }
    let text = rest.trim();
    text.starts_with(char::is_uppercase)
        .then(|| (depth, roman, text.to_owned()))
}

/// The words an assessment label starts with.
const LABEL_STEMS: [&str; 10] = [
    "ưu điểm",
    "khuyết điểm",
    "hạn chế",
    "yếu kém",
    "tồn tại",
    "nguyên nhân",
    "giải pháp",
    "bài học kinh nghiệm",
    "đề xuất",
    "kiến nghị",
];

/// Labels beyond the standard ones that reports group their assessment
/// under ("Thuận lợi", "Mặt mạnh", "Những mặt làm được", "Nguyên nhân
/// khách quan"), read as custom groups, as written. They may say what they
/// are for: "Hướng khắc phục trong học kỳ II".
const CUSTOM_STEMS: [&str; 9] = [
    "thuận lợi",
    "khó khăn",
    "hướng khắc phục",
    "mặt mạnh",
    "mặt hạn chế",
    "mặt làm được",
    "mặt chưa làm được",
    "nguyên nhân khách quan",
    "nguyên nhân chủ quan",
];

/// Custom labels read only with their colon ("Kết quả đạt được: …"): as a
/// plain heading ("1. Kết quả đạt được") they name a part of the report.
const COLON_STEMS: [&str; 1] = ["kết quả đạt được"];

/// The longest label read, in characters.
const LABEL_MAX_CHARS: usize = 60;

/// The assessment label `text` is, if it is one: a standard label ("Ưu
/// điểm", "Đề xuất, kiến nghị", any case), or labels joined ("Hạn chế,
/// khuyết điểm", "Tồn tại, hạn chế"), or one with what it is of ("Nguyên
/// nhân của hạn chế"). Written in capitals in a heading, it comes back in
/// sentence case. "Hạn chế việc …" and "Nhận xét chung" are not labels.
pub(super) fn assessment_label(text: &str) -> Option<AssessmentLabel> {
    label_of(text, false)
}

/// As `assessment_label`, for a label written with its colon ("Kết quả
/// đạt được:"), which reads a few more wordings (`COLON_STEMS`).
pub(super) fn colon_label(text: &str) -> Option<AssessmentLabel> {
    label_of(text, true)
}

fn label_of(text: &str, colon: bool) -> Option<AssessmentLabel> {
    let text = text.trim().trim_end_matches(':').trim();
    if text.is_empty() || text.chars().count() > LABEL_MAX_CHARS {
        return None;
    }
    let standard = AssessmentLabel::from_text(text);
    if !matches!(standard, AssessmentLabel::Custom(_)) {
        return Some(standard);
    }
    let lower = text.to_lowercase();
    let pieces: Vec<&str> = lower.split([',', ';']).map(str::trim).collect();
    let last = pieces.len() - 1;
    let all_labels = pieces.iter().enumerate().all(|(index, piece)| {
        let piece = ["những ", "các "]
            .iter()
            .find_map(|article| piece.strip_prefix(article))
            .unwrap_or(piece);
        let edge = index == 0 || index == last;
        LABEL_STEMS.iter().any(|stem| {
            piece
                .strip_prefix(stem)
                .is_some_and(|after| after.is_empty() || edge && after.starts_with(" của "))
        }) || CUSTOM_STEMS
            .iter()
            .chain(COLON_STEMS.iter().filter(|_| colon))
            .any(|stem| {
                piece.strip_prefix(stem).is_some_and(|after| {
                    after.is_empty()
                        || edge && (after.starts_with(" của ") || after.starts_with(" trong "))
                })
            })
    });
    if !all_labels {
        return None;
    }
    let written = if super::frame::is_all_caps(text) {
        let mut chars = lower.chars();
        chars
            .next()
            .map(|first| first.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    } else {
        text.to_owned()
    };
    Some(AssessmentLabel::from_text(&written))
}

/// "Không.", "Không có.", "không", "Không có": nothing to report.
pub(super) fn is_nothing(text: &str) -> bool {
    let text = text
        .trim()
        .trim_end_matches(['.', ';'])
        .trim()
        .to_lowercase();
    text == "không" || text == "không có"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_list_numbers_left_in_front_are_dropped() {
        assert_eq!(
            word_leftover("1. I. CÔNG TÁC TIẾP DÂN"),
            Some("I. CÔNG TÁC TIẾP DÂN")
        );
        assert_eq!(
            word_leftover("2. 2. Kết quả giải quyết"),
            Some("2. Kết quả giải quyết")
        );
        assert_eq!(word_leftover("1. 1.1. Vốn"), Some("1.1. Vốn"));
        assert_eq!(word_leftover("1. Kết quả"), None);
        assert_eq!(word_leftover("3. 15 hộ được hỗ trợ."), None);
    }

    #[test]
    fn decimal_items() {
        assert_eq!(
            decimal_item("1.1. Vốn tài liệu"),
            Some((1, false, "Vốn tài liệu".into()))
        );
        assert_eq!(
            decimal_item("II.3. Công tác Mặt trận"),
            Some((1, true, "Công tác Mặt trận".into()))
        );
        assert_eq!(
            decimal_item("2.1 Thiết bị hiện có"),
            Some((1, false, "Thiết bị hiện có".into()))
        );
        assert_eq!(
            decimal_item("1.2.3. Chi tiết"),
            Some((2, false, "Chi tiết".into()))
        );
        assert_eq!(decimal_item("2.5 triệu đồng mỗi hộ"), None);
        assert_eq!(decimal_item("1.5"), None);
        assert_eq!(decimal_item("v.v. và nhiều việc khác"), None);
    }

    #[test]
    fn label_wordings() {
        for (text, label) in [
            ("Ưu điểm", "Ưu điểm"),
            ("ĐỀ XUẤT, KIẾN NGHỊ", "Đề xuất, kiến nghị"),
            ("Hạn chế, khuyết điểm", "Hạn chế, khuyết điểm"),
            ("Hạn chế, yếu kém:", "Hạn chế, yếu kém"),
            ("Tồn tại, hạn chế", "Tồn tại, hạn chế"),
            ("Nguyên nhân của hạn chế", "Nguyên nhân của hạn chế"),
            ("KIẾN NGHỊ", "Kiến nghị"),
        ] {
            let found = assessment_label(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(found.text(), label, "{text}");
        }
        for text in [
            "Hạn chế việc sử dụng điện thoại",
            "Nhận xét chung",
            "Những hạn chế, yếu kém; khó khăn, vướng mắc trong quá trình tổ chức thực hiện",
            "Kết quả",
            // A part's title naming two topics, each with its own label below.
            "HẠN CHẾ VÀ NGUYÊN NHÂN",
            "",
        ] {
            assert_eq!(assessment_label(text), None, "{text}");
        }
    }

    #[test]
    fn nothing_to_report() {
        for text in ["Không.", "Không có.", "không", "Không có", "KHÔNG CÓ."] {
            assert!(is_nothing(text), "{text}");
        }
        assert!(!is_nothing("Không có đơn thư khiếu nại."));
    }
}
