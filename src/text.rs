//! Vietnamese text handling shared by every input and output path.
//!
//! The model stores text in Unicode NFC exactly as the user typed it (old or
//! new tone placement, "hoà" or "hòa", is never rewritten). Rendering may
//! uppercase a heading; it does so on NFC text with Rust's full Unicode case
//! mapping, which has a pair for every Vietnamese letter.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Returns `input` in NFC. Unikey's "Unicode tổ hợp", the Windows IME and
/// macOS produce decomposed (NFD) text that looks identical but compares,
/// searches and exports differently.
pub fn to_nfc(input: &str) -> String {
    if is_nfc_quick(input.chars()) == IsNormalized::Yes {
        return input.to_owned();
    }
    input.nfc().collect()
}

/// Tells whether `input` is already in NFC, so that a format check can point
/// at text that came in decomposed.
pub fn is_nfc(input: &str) -> bool {
    match is_nfc_quick(input.chars()) {
        IsNormalized::Yes => true,
        IsNormalized::No => false,
        IsNormalized::Maybe => input.nfc().eq(input.chars()),
    }
}

/// Cleans text on its way into the model, whatever path it came by (typing,
/// paste, import): NFC, and no control characters other than line breaks and
/// tabs (a NUL or a stray escape from a pasted file has no meaning in a
/// report). Windows line endings become `\n`.
pub fn clean_input(input: &str) -> String {
    let unified = input.replace("\r\n", "\n").replace('\r', "\n");
    let kept: String = unified
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect();
    to_nfc(&kept)
}

/// Uppercases for display: headings of parts and the issuing body render in
/// capitals while the stored text keeps the user's case.
pub fn to_display_uppercase(input: &str) -> String {
    to_nfc(input).to_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfd_input_becomes_nfc() {
        let nfd: String = "Đảng ủy trường".nfd().collect();
        assert_ne!(nfd, "Đảng ủy trường");
        assert_eq!(to_nfc(&nfd), "Đảng ủy trường");
        assert!(!is_nfc(&nfd));
        assert!(is_nfc("Đảng ủy trường"));
    }

    #[test]
    fn clean_input_drops_control_characters_and_normalises() {
        let nfd: String = "Đảng".nfd().collect();
        assert_eq!(
            clean_input(&format!("a\u{0}b\r\nc\u{1b}{nfd}")),
            "ab\ncĐảng"
        );
        assert_eq!(clean_input("tab\there"), "tab\there");
    }

    #[test]
    fn old_and_new_tone_placement_are_both_kept() {
        assert_eq!(to_nfc("hoà"), "hoà");
        assert_eq!(to_nfc("hòa"), "hòa");
    }

    #[test]
    fn uppercase_covers_every_vietnamese_letter() {
        assert_eq!(
            to_display_uppercase("về đổi mới phương thức lãnh đạo của đảng"),
            "VỀ ĐỔI MỚI PHƯƠNG THỨC LÃNH ĐẠO CỦA ĐẢNG"
        );
        let lower = "aàảãáạăằẳẵắặâầẩẫấậđeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵ";
        let upper = "AÀẢÃÁẠĂẰẲẴẮẶÂẦẨẪẤẬĐEÈẺẼÉẸÊỀỂỄẾỆIÌỈĨÍỊOÒỎÕÓỌÔỒỔỖỐỘƠỜỞỠỚỢUÙỦŨÚỤƯỪỬỮỨỰYỲỶỸÝỴ";
        assert_eq!(to_display_uppercase(lower), upper);
    }

    #[test]
    fn uppercase_of_nfd_input_is_nfc() {
        let nfd: String = "ủy".nfd().collect();
        assert_eq!(to_display_uppercase(&nfd), "ỦY");
    }
}
