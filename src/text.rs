//! Vietnamese text handling shared by every input and output path.
//!
//! The model stores text in Unicode NFC exactly as the user typed it (old or
//! new tone placement, "hoà" or "hòa", is never rewritten). Rendering may
//! uppercase a heading; it does so on NFC text with Rust's full Unicode case
//! mapping, which has a pair for every Vietnamese letter.

/// Puts text in NFC. Native builds use the `unicode-normalization` crate.
/// The browser build asks the browser's own `String.prototype.normalize`,
/// which spares the download the crate's tables (about 40 KB gzip);
/// `platform::text` installs it at start. Until then, or if none is
/// installed, text is returned as it came.
#[cfg(not(target_arch = "wasm32"))]
fn normalize(input: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    input.nfc().collect()
}

#[cfg(target_arch = "wasm32")]
static NORMALIZER: std::sync::OnceLock<fn(&str) -> String> = std::sync::OnceLock::new();

#[cfg(target_arch = "wasm32")]
fn normalize(input: &str) -> String {
    match NORMALIZER.get() {
        Some(normalizer) => normalizer(input),
        None => input.to_owned(),
    }
}

/// Installs the NFC normaliser of the browser build (see `normalize`).
#[cfg(target_arch = "wasm32")]
pub fn install_normalizer(normalizer: fn(&str) -> String) {
    let _ = NORMALIZER.set(normalizer);
}

/// True when no character of `input` can change under NFC: everything
/// below U+0300 (ASCII, Latin-1, Latin Extended) and the precomposed
/// Vietnamese letters of U+1E00–U+1EFF. Typed Vietnamese in NFC is all
/// of this, so the common case costs one pass and no allocation.
fn surely_nfc(input: &str) -> bool {
    input
        .chars()
        .all(|c| (c as u32) < 0x300 || ('\u{1e00}'..='\u{1eff}').contains(&c))
}

/// Returns `input` in NFC. Unikey's "Unicode tổ hợp", the Windows IME and
/// macOS produce decomposed (NFD) text that looks identical but compares,
/// searches and exports differently.
pub fn to_nfc(input: &str) -> String {
    if surely_nfc(input) {
        return input.to_owned();
    }
    normalize(input)
}

/// Tells whether `input` is already in NFC, so that a format check can point
/// at text that came in decomposed.
pub fn is_nfc(input: &str) -> bool {
    surely_nfc(input) || normalize(input) == input
}

/// Folds text for search: no case, no diacritics, "đ" as "d", so that
/// "bao cao tong ket" finds "Báo cáo tổng kết". It knows the Vietnamese
/// letters (and drops stray combining marks) rather than decomposing with
/// Unicode tables.
pub fn fold_for_search(text: &str) -> String {
    const FOLDS: [(char, &str); 7] = [
        ('a', "àáảãạăằắẳẵặâầấẩẫậ"),
        ('e', "èéẻẽẹêềếểễệ"),
        ('i', "ìíỉĩị"),
        ('o', "òóỏõọôồốổỗộơờớởỡợ"),
        ('u', "ùúủũụưừứửữự"),
        ('y', "ỳýỷỹỵ"),
        ('d', "đ"),
    ];
    to_nfc(text)
        .to_lowercase()
        .chars()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| {
            FOLDS
                .iter()
                .find(|(_, letters)| letters.contains(c))
                .map_or(c, |(base, _)| *base)
        })
        .collect()
}

/// Cleans text on its way into the model, whatever path it came by (typing,
/// paste, import): NFC, and no control characters other than line breaks and
/// tabs (a NUL or a stray escape from a pasted file has no meaning in a
/// report), no noncharacters (U+FFFE, U+FFFF and their kin, which XML cannot
/// carry: a DOCX holding one is refused by LibreOffice). Windows line
/// endings become `\n`.
pub fn clean_input(input: &str) -> String {
    let unified = input.replace("\r\n", "\n").replace('\r', "\n");
    let kept: String = unified.chars().filter(|c| !is_unwanted(*c)).collect();
    to_nfc(&kept)
}

/// Characters that have no place in a report and can hide or disguise text:
/// control characters other than line breaks and tabs; zero-width spaces
/// and joiners, direction marks, overrides and isolates (a right-to-left
/// override can make a title read backwards); byte-order marks that web
/// copies leave inside text; noncharacters.
fn is_unwanted(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || is_noncharacter(c)
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}')
}

/// The 66 noncharacters of Unicode: U+FDD0–U+FDEF, and the last two code
/// points of every plane (U+FFFE, U+FFFF, U+1FFFE, …, U+10FFFF). They are
/// never text; U+FFFE and U+FFFF are not even allowed in XML 1.0.
pub fn is_noncharacter(c: char) -> bool {
    let code = c as u32;
    (0xfdd0..=0xfdef).contains(&code) || code & 0xfffe == 0xfffe
}

/// Whether `c` may stand in an XML or HTML export: a character of XML 1.0
/// (no C0 control but tab, line feed and carriage return; not U+FFFE or
/// U+FFFF) and no noncharacter. Text is cleaned on the way in, but drafts
/// stored by older versions may still hold such characters, so the
/// exports check again.
pub fn is_xml_safe(c: char) -> bool {
    let allowed_control = matches!(c, '\t' | '\n' | '\r');
    ((c as u32) >= 0x20 || allowed_control) && !is_noncharacter(c)
}

/// Copies `text` with some characters replaced: `replace(c)` gives the
/// replacement of `c` ("" drops it), or None to keep it. Text between
/// such characters is copied a run at a time, and `replace` is asked only
/// about the characters it may concern: ASCII punctuation and controls,
/// and characters from U+F000 up, where every noncharacter lies. A report
/// is mostly Vietnamese letters, which it never sees; copying it a
/// character at a time made each export a sixth slower.
pub fn replace_chars(text: &str, replace: impl Fn(char) -> Option<&'static str>) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        let asked = byte < 0x20 || (byte < 0x80 && byte.is_ascii_punctuation()) || byte >= 0xef;
        if !asked {
            at += 1;
            continue;
        }
        // `at` is a character boundary: continuation bytes lie in 0x80–0xbf.
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        let width = c.len_utf8();
        if let Some(replacement) = replace(c) {
            out.push_str(&text[copied..at]);
            out.push_str(replacement);
            copied = at + width;
        }
        at += width;
    }
    out.push_str(&text[copied..]);
    out
}

/// Uppercases for display: headings of parts and the issuing body render in
/// capitals while the stored text keeps the user's case.
pub fn to_display_uppercase(input: &str) -> String {
    to_nfc(input).to_uppercase()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    /// The run-at-a-time copy replaces exactly what a character-by-character
    /// one does, wherever the awkward characters fall.
    #[test]
    fn replace_chars_agrees_with_one_character_at_a_time() {
        let table = |c: char| match c {
            '&' => Some("&amp;"),
            '\'' => Some("&#39;"),
            '\r' => Some(""),
            c if !is_xml_safe(c) => Some(""),
            _ => None,
        };
        let one_by_one = |text: &str| {
            let mut out = String::new();
            for c in text.chars() {
                match table(c) {
                    Some(replacement) => out.push_str(replacement),
                    None => out.push(c),
                }
            }
            out
        };
        let pieces = [
            "&",
            "'",
            "\r",
            "\n",
            "\t",
            "\u{1}",
            "\u{7f}",
            "\u{85}",
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
            "",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = format!("{a}{b}{c}");
                    assert_eq!(replace_chars(&text, table), one_by_one(&text), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn the_fast_path_agrees_with_full_normalisation() {
        let samples = [
            "Báo cáo tổng kết năm học 2025–2026 của Đảng ủy trường",
            "ÀÁẢÃẠ ăằắẳẵặ ƠỜỚỞỠỢ ƯỪỨỬỮỰ đĐ",
            "e\u{301} decomposed",
            "\u{212b} angstrom sign",
        ];
        for sample in samples {
            let full: String = sample.nfc().collect();
            assert_eq!(to_nfc(sample), full);
            assert_eq!(is_nfc(sample), full == sample);
        }
    }

    #[test]
    fn search_folding_drops_case_and_every_vietnamese_mark() {
        assert_eq!(fold_for_search("Đảng ủy"), "dang uy");
        assert_eq!(
            fold_for_search("BÁO CÁO TỔNG KẾT Ưu điểm, hạn chế"),
            "bao cao tong ket uu diem, han che"
        );
        let nfd: String = "Tổng kết".nfd().collect();
        assert_eq!(fold_for_search(&nfd), "tong ket");
    }

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
        assert_eq!(
            clean_input("\u{202e}gnáht\u{200b} Đảng\u{feff}ủy\u{2066}"),
            "gnáht Đảngủy"
        );
    }

    /// Defect 7: U+FFFE and U+FFFF, typed, pasted or imported, made the
    /// DOCX's `document.xml` ill-formed and LibreOffice refused the file.
    #[test]
    fn regression_clean_input_drops_noncharacters() {
        let input = "a\u{fffe}b\u{ffff}c\u{fdd0}d\u{fdef}e\u{1fffe}f\u{10ffff}g\u{b}h\u{c}i";
        assert_eq!(clean_input(input), "abcdefghi");
        // Their neighbours are ordinary characters and stay.
        assert_eq!(
            clean_input("\u{fdcf}\u{fdf0}\u{fffd}\u{1fffd}\u{10000}"),
            "\u{fdcf}\u{fdf0}\u{fffd}\u{1fffd}\u{10000}"
        );
        for c in [
            '\u{fffe}',
            '\u{ffff}',
            '\u{fdd0}',
            '\u{2fffe}',
            '\u{0}',
            '\u{1f}',
        ] {
            assert!(!is_xml_safe(c), "{:04x}", c as u32);
        }
        for c in ['\t', '\n', '\r', ' ', 'Đ', '\u{fffd}', '\u{1f600}'] {
            assert!(is_xml_safe(c), "{:04x}", c as u32);
        }
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
