//! Vietnamese text written in the legacy TCVN3 (ABC) encoding, as it still
//! arrives from old Word files set in .VnTime: detection and conversion to
//! Unicode.
//!
//! Text copied out of such a file shows each Vietnamese letter as the
//! Latin-1 character with the same byte ("§¶ng bé" for "Đảng bộ"). A `.txt`
//! file saved from it is not UTF-8 at all; its bytes are read as Latin-1
//! first, which gives the same characters. The conversion is a fixed table
//! of one character to one letter, so it cannot fail; detection decides
//! whether to apply it, and it is applied line by line only to lines that
//! carry no Unicode Vietnamese letter, so a document whose header was
//! retyped in Unicode keeps that header as it is.
//!
//! VNI-Windows text (two characters per accented letter, "Ñaûng boä") is not
//! converted yet.

/// TCVN3 characters and the letters they stand for, from the TCVN 5712:1993
/// VN3 table of the .VnTime fonts. Capitals with tone marks live in the
/// separate .VnTimeH fonts, whose text uses the lowercase codes; it comes out
/// lowercase here.
const TCVN3: [(char, char); 74] = [
    ('\u{b5}', 'à'),
    ('\u{b8}', 'á'),
    ('\u{b6}', 'ả'),
    ('\u{b7}', 'ã'),
    ('\u{b9}', 'ạ'),
    ('\u{a8}', 'ă'),
    ('\u{bb}', 'ằ'),
    ('\u{be}', 'ắ'),
    ('\u{bc}', 'ẳ'),
    ('\u{bd}', 'ẵ'),
    ('\u{c6}', 'ặ'),
    ('\u{a9}', 'â'),
    ('\u{c7}', 'ầ'),
    ('\u{ca}', 'ấ'),
    ('\u{c8}', 'ẩ'),
    ('\u{c9}', 'ẫ'),
    ('\u{cb}', 'ậ'),
    ('\u{ae}', 'đ'),
    ('\u{cc}', 'è'),
    ('\u{d0}', 'é'),
    ('\u{ce}', 'ẻ'),
    ('\u{cf}', 'ẽ'),
    ('\u{d1}', 'ẹ'),
    ('\u{aa}', 'ê'),
    ('\u{d2}', 'ề'),
    ('\u{d5}', 'ế'),
    ('\u{d3}', 'ể'),
    ('\u{d4}', 'ễ'),
    ('\u{d6}', 'ệ'),
    ('\u{d7}', 'ì'),
    ('\u{dd}', 'í'),
    ('\u{d8}', 'ỉ'),
    ('\u{dc}', 'ĩ'),
    ('\u{de}', 'ị'),
    ('\u{df}', 'ò'),
    ('\u{e3}', 'ó'),
    ('\u{e1}', 'ỏ'),
    ('\u{e2}', 'õ'),
    ('\u{e4}', 'ọ'),
    ('\u{ab}', 'ô'),
    ('\u{e5}', 'ồ'),
    ('\u{e8}', 'ố'),
    ('\u{e6}', 'ổ'),
    ('\u{e7}', 'ỗ'),
    ('\u{e9}', 'ộ'),
    ('\u{ac}', 'ơ'),
    ('\u{ea}', 'ờ'),
    ('\u{ed}', 'ớ'),
    ('\u{eb}', 'ở'),
    ('\u{ec}', 'ỡ'),
    ('\u{ee}', 'ợ'),
    ('\u{ef}', 'ù'),
    ('\u{f3}', 'ú'),
    ('\u{f1}', 'ủ'),
    ('\u{f2}', 'ũ'),
    ('\u{f4}', 'ụ'),
    ('\u{ad}', 'ư'),
    ('\u{f5}', 'ừ'),
    ('\u{f8}', 'ứ'),
    ('\u{f6}', 'ử'),
    ('\u{f7}', 'ữ'),
    ('\u{f9}', 'ự'),
    ('\u{fa}', 'ỳ'),
    ('\u{fd}', 'ý'),
    ('\u{fb}', 'ỷ'),
    ('\u{fc}', 'ỹ'),
    ('\u{fe}', 'ỵ'),
    ('\u{a1}', 'Ă'),
    ('\u{a2}', 'Â'),
    ('\u{a7}', 'Đ'),
    ('\u{a3}', 'Ê'),
    ('\u{a4}', 'Ô'),
    ('\u{a5}', 'Ơ'),
    ('\u{a6}', 'Ư'),
];

/// The encodings a text can be converted from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegacyEncoding {
    /// TCVN3 (ABC), the .VnTime fonts.
    Tcvn3,
}

fn tcvn3_letter(c: char) -> Option<char> {
    TCVN3
        .iter()
        .find_map(|&(code, letter)| (code == c).then_some(letter))
}

/// True for a Latin-1 character that TCVN3 uses for a Vietnamese letter
/// but that no Unicode Vietnamese text contains ("§", "¶", "×", "¸" …).
/// Letters such as "á" or "ê" are shared by both and prove nothing.
fn is_tcvn3_marker(c: char) -> bool {
    tcvn3_letter(c).is_some() && !is_unicode_vietnamese_letter(c)
}

/// True for a letter that only Unicode Vietnamese text has: outside
/// Latin-1, such as "ả", "ơ", "đ".
fn is_unicode_vietnamese_letter(c: char) -> bool {
    matches!(
        c,
        'à' | 'á'
            | 'â'
            | 'ã'
            | 'è'
            | 'é'
            | 'ê'
            | 'ì'
            | 'í'
            | 'ò'
            | 'ó'
            | 'ô'
            | 'õ'
            | 'ù'
            | 'ú'
            | 'ý'
            | 'À'
            | 'Á'
            | 'Â'
            | 'Ã'
            | 'È'
            | 'É'
            | 'Ê'
            | 'Ì'
            | 'Í'
            | 'Ò'
            | 'Ó'
            | 'Ô'
            | 'Õ'
            | 'Ù'
            | 'Ú'
            | 'Ý'
    ) || is_beyond_latin1_vietnamese(c)
}

fn is_beyond_latin1_vietnamese(c: char) -> bool {
    matches!(
        c,
        'Ă' | 'ă' | 'Đ' | 'đ' | 'Ĩ' | 'ĩ' | 'Ũ' | 'ũ' | 'Ơ' | 'ơ' | 'Ư' | 'ư' | '\u{1ea0}'
            ..='\u{1ef9}'
    )
}

/// Tells which legacy encoding `text` is in, if any: TCVN3 when it has at
/// least three TCVN3-only characters and they outnumber the letters that
/// only Unicode Vietnamese has.
pub fn detect(text: &str) -> Option<LegacyEncoding> {
    let mut markers = 0usize;
    let mut unicode = 0usize;
    for c in text.chars() {
        if is_tcvn3_marker(c) {
            markers += 1;
        } else if is_beyond_latin1_vietnamese(c) {
            unicode += 1;
        }
    }
    (markers >= 3 && markers > unicode * 4).then_some(LegacyEncoding::Tcvn3)
}

/// Converts TCVN3 text to Unicode. Lines that already hold a Unicode
/// Vietnamese letter are kept as they are.
pub fn tcvn3_to_unicode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            out.push('\n');
        }
        if line.chars().any(is_beyond_latin1_vietnamese) {
            out.push_str(line);
        } else {
            out.push_str(&restore_capitals(line));
        }
    }
    out
}

/// Converts one line. .VnTime has capitals for only seven letters, so text
/// typed in capitals comes out as "§¶NG Bé HUYÖN": ASCII capitals with
/// lowercase accented letters between them. A line whose ASCII letters are
/// all capitals (four or more), and a word with two or more ASCII letters
/// all capitals, is put in capitals whole.
fn restore_capitals(line: &str) -> String {
    let converted: String = line.chars().map(|c| tcvn3_letter(c).unwrap_or(c)).collect();
    let ascii_letters = |text: &str| text.chars().filter(char::is_ascii_alphabetic).count();
    let ascii_all_caps = |text: &str| {
        text.chars()
            .filter(char::is_ascii_alphabetic)
            .all(|c| c.is_ascii_uppercase())
    };
    if ascii_letters(line) >= 4 && ascii_all_caps(line) {
        return converted.to_uppercase();
    }
    let words: Vec<&str> = converted.split(' ').collect();
    let capitals: Vec<bool> = words
        .iter()
        .map(|word| ascii_letters(word) >= 2 && ascii_all_caps(word))
        .collect();
    words
        .iter()
        .enumerate()
        .map(|(index, word)| {
            // "ñY" beside "§¶NG": one ASCII capital, in a run of capitals.
            let beside_capitals = index.checked_sub(1).is_some_and(|i| capitals[i])
                || capitals.get(index + 1).copied().unwrap_or(false);
            let one_capital = ascii_letters(word) == 1 && ascii_all_caps(word);
            if capitals[index] || one_capital && beside_capitals {
                word.to_uppercase()
            } else {
                (*word).to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Converts `text` if it is in a legacy encoding, and says which.
pub fn to_unicode(text: &str) -> (String, Option<LegacyEncoding>) {
    match detect(text) {
        Some(LegacyEncoding::Tcvn3) => (tcvn3_to_unicode(text), Some(LegacyEncoding::Tcvn3)),
        None => (text.to_owned(), None),
    }
}

/// Reads bytes that are not UTF-8 as Latin-1, as a TCVN3 text file saved by
/// an old Word is. Bytes with no place in a text file (NUL and the other C0
/// controls but tab and line breaks) mean it is not text.
pub fn latin1_text(bytes: &[u8]) -> Option<String> {
    let binary = bytes
        .iter()
        .any(|&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t'));
    (!binary).then(|| bytes.iter().map(|&b| char::from(b)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vntime_text_becomes_unicode() {
        let (text, encoding) = to_unicode("§¶ng bé tr\u{AD}êng THPT LÊp Vß 2\nB¸o c¸o tæng kÕt");
        assert_eq!(encoding, Some(LegacyEncoding::Tcvn3));
        assert_eq!(text, "Đảng bộ trường THPT Lấp Vò 2\nBáo cáo tổng kết");
    }

    #[test]
    fn capitals_typed_in_vntime_come_back_as_capitals() {
        let converted = tcvn3_to_unicode(
            "§¶NG Bé HUYÖN LÊP Vß\nBé Gi¸o dôc vµ §µo t¹o c«ng bè KÕT QU¶\nN¬i nhËn: T/M §¶NG ñY",
        );
        assert_eq!(
            converted,
            "ĐẢNG BỘ HUYỆN LẤP VÒ\nBộ Giáo dục và Đào tạo công bố KẾT QUẢ\nNơi nhận: T/M ĐẢNG ỦY"
        );
    }

    #[test]
    fn unicode_text_is_left_alone() {
        let text = "Đảng bộ trường THPT Lấp Vò 2 — § 3, ¶ 2, giá 5 ×";
        assert_eq!(detect(text), None);
        assert_eq!(to_unicode(text).0, text);
        // French or plain ASCII with a few Latin-1 letters is not TCVN3.
        assert_eq!(detect("café à la crème, né à Paris"), None);
    }

    #[test]
    fn a_unicode_line_inside_tcvn3_text_is_kept() {
        let converted = tcvn3_to_unicode("Đảng ủy xã\n§¶ng ñy x·");
        assert_eq!(converted.lines().next(), Some("Đảng ủy xã"));
        assert!(converted.ends_with("Đảng ủy xã"), "{converted}");
    }

    #[test]
    fn every_letter_of_the_table_is_a_distinct_vietnamese_letter() {
        let mut letters: Vec<char> = TCVN3.iter().map(|&(_, letter)| letter).collect();
        letters.sort_unstable();
        letters.dedup();
        assert_eq!(letters.len(), TCVN3.len());
        assert!(TCVN3
            .iter()
            .all(|&(code, _)| ('\u{a1}'..='\u{fe}').contains(&code)));
    }

    #[test]
    fn latin1_bytes_are_read_but_binary_is_refused() {
        assert_eq!(
            latin1_text(b"\xa7\xb6ng b\xe9\r\n").as_deref(),
            Some("§¶ng bé\r\n")
        );
        assert_eq!(latin1_text(b"\x89PNG\r\n\x1a\n\0\0"), None);
    }
}
