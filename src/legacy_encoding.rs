//! Vietnamese text written in the legacy TCVN3 (ABC) and VNI-Windows
//! encodings, as it still arrives from old Word files set in .VnTime or
//! VNI-Times: detection, line by line, and conversion to Unicode.
//!
//! Text copied out of such a file shows each Vietnamese letter as the
//! Latin-1 characters with the same bytes: "§¶ng bé" (TCVN3) or "Ñaûng boä"
//! (VNI, a base letter followed by a mark) for "Đảng bộ". A `.txt` file saved
//! from it is not UTF-8 at all; its bytes are read as Latin-1 first, which
//! gives the same characters.
//!
//! Each line is judged on its own, since a report often mixes them: a
//! header still in .VnTime over a body retyped in Unicode, a table pasted
//! from an old file. A line is converted only when it holds a character
//! that no Unicode Vietnamese text contains ("§", "¶", "ñ", "ø" …) and no
//! letter that only Unicode has ("ả", "ơ", "đ" …), so a Unicode line is never
//! touched; whether it is TCVN3 or VNI is told by the characters only one
//! of them uses (TCVN3's "µ", "¸", "®" …) against VNI's letter-and-mark
//! pairs ("aù", "oä"). A text with fewer than three such characters in all
//! is left as it is.
//!
//! A line made only of letters both have ("Sè 09-BC/CB", TCVN3 for "Số
//! 09-BC/CB") is converted when the lines on both sides of it are (or the
//! rows of its table); beside a Unicode line it cannot be told from Unicode
//! ("heo nãn" is TCVN3 for "heo nón" and Unicode for itself) and is left as
//! written.

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
    /// VNI-Windows, the VNI-Times fonts: a letter followed by its marks.
    Vni,
}

/// What converting a text did, for telling the user ("Đã chuyển 4 dòng từ
/// TCVN3").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conversion {
    pub text: String,
    /// The encoding most converted lines were in, if any line was.
    pub encoding: Option<LegacyEncoding>,
    /// Lines converted (from either encoding).
    pub converted_lines: usize,
    /// Lines with text in the whole text.
    pub total_lines: usize,
}

fn tcvn3_letter(c: char) -> Option<char> {
    TCVN3
        .iter()
        .find_map(|&(code, letter)| (code == c).then_some(letter))
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

/// VNI-Windows marks that follow a vowel: the tone marks, and the marks
/// that make "â", "ê", "ô" (with their tones) or "ă" (with its tones).
/// Each in lowercase and capitals, with the combining marks it stands for.
const VNI_MARKS: [(char, char, &str); 17] = [
    ('ù', 'Ù', "\u{301}"),
    ('ø', 'Ø', "\u{300}"),
    ('û', 'Û', "\u{309}"),
    ('õ', 'Õ', "\u{303}"),
    ('ï', 'Ï', "\u{323}"),
    ('â', 'Â', "\u{302}"),
    ('á', 'Á', "\u{302}\u{301}"),
    ('à', 'À', "\u{302}\u{300}"),
    ('å', 'Å', "\u{302}\u{309}"),
    ('ã', 'Ã', "\u{302}\u{303}"),
    ('ä', 'Ä', "\u{302}\u{323}"),
    ('ê', 'Ê', "\u{306}"),
    ('é', 'É', "\u{306}\u{301}"),
    ('è', 'È', "\u{306}\u{300}"),
    ('ú', 'Ú', "\u{306}\u{309}"),
    ('ü', 'Ü', "\u{306}\u{303}"),
    ('ë', 'Ë', "\u{306}\u{323}"),
];

/// VNI-Windows letters written as one character.
const VNI_LETTERS: [(char, char); 18] = [
    ('ñ', 'đ'),
    ('Ñ', 'Đ'),
    ('ô', 'ơ'),
    ('Ô', 'Ơ'),
    ('ö', 'ư'),
    ('Ö', 'Ư'),
    ('í', 'í'),
    ('Í', 'Í'),
    ('ì', 'ì'),
    ('Ì', 'Ì'),
    ('æ', 'ỉ'),
    ('Æ', 'Ỉ'),
    ('ó', 'ĩ'),
    ('Ó', 'Ĩ'),
    ('ò', 'ị'),
    ('Ò', 'Ị'),
    ('î', 'ỵ'),
    ('Î', 'Ỵ'),
];

/// The combining marks `mark` stands for after the VNI letter `base`, if
/// it is one of that letter's marks: every mark after "a", the tones and
/// the circumflex after "e" and "o", the tones after "u", "y", "ơ", "ư".
fn vni_mark(base: char, mark: char) -> Option<&'static str> {
    let (index, combining) =
        VNI_MARKS
            .iter()
            .enumerate()
            .find_map(|(index, &(lower, upper, combining))| {
                (mark == lower || mark == upper).then_some((index, combining))
            })?;
    let allowed = match base.to_lowercase().next()? {
        'a' => VNI_MARKS.len(),
        'e' | 'o' => 11,
        'u' | 'y' | 'ô' | 'ö' => 5,
        _ => 0,
    };
    (index < allowed).then_some(combining)
}

/// True for a character VNI-Windows text uses for a Vietnamese letter or
/// mark.
fn vni_uses(c: char) -> bool {
    VNI_MARKS
        .iter()
        .any(|&(lower, upper, _)| c == lower || c == upper)
        || VNI_LETTERS.iter().any(|&(code, _)| code == c)
}

/// What one line holds that tells its encoding.
#[derive(Default)]
struct Evidence {
    /// Letters that only Unicode Vietnamese text has ("ả", "ơ", "đ").
    unicode: usize,
    /// Characters of TCVN3 or VNI that no Unicode Vietnamese text holds.
    legacy: usize,
    /// Characters only TCVN3 uses ("µ", "¸", "®", "×" …).
    tcvn3: usize,
    /// VNI letter-and-mark pairs ("aù", "oä") and "ñ".
    vni: usize,
    /// Characters either encoding uses, Unicode letters among them ("è",
    /// "á"): no evidence on their own.
    shared: usize,
}

fn evidence(line: &str) -> Evidence {
    let mut found = Evidence::default();
    let mut previous: Option<char> = None;
    for c in line.chars() {
        if is_beyond_latin1_vietnamese(c) {
            found.unicode += 1;
        }
        let tcvn3 = tcvn3_letter(c).is_some();
        let vni = vni_uses(c);
        if tcvn3 || vni {
            found.shared += 1;
        }
        if (tcvn3 || vni) && !is_unicode_vietnamese_letter(c) {
            found.legacy += 1;
        }
        if tcvn3 && !vni {
            found.tcvn3 += 1;
        }
        // "bÕn", "ViÖt": a capital with a mark inside a lowercase word is
        // TCVN3's code for a lowercase letter; Unicode words never change
        // case so.
        if tcvn3
            && ('\u{c0}'..='\u{dd}').contains(&c)
            && previous.is_some_and(|p| p.is_ascii_lowercase())
        {
            found.legacy += 1;
            found.tcvn3 += 1;
        }
        let pair = previous.is_some_and(|base| vni_mark(base, c).is_some());
        if matches!(c, 'ñ' | 'Ñ') || pair {
            found.vni += 1;
        }
        // A VNI pair is a letter Unicode text never writes so ("aù" is
        // "á"), but for "oà", "oá", "oã", which Unicode text has in the old
        // spelling ("hoà", "thoả").
        let unicode_spelling =
            matches!(previous, Some('o' | 'O')) && matches!(c, 'à' | 'á' | 'ã' | 'À' | 'Á' | 'Ã');
        if pair && !unicode_spelling && is_unicode_vietnamese_letter(c) {
            found.legacy += 1;
        }
        previous = Some(c);
    }
    found
}

/// Converts one VNI-Windows line.
fn vni_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        let letter = VNI_LETTERS
            .iter()
            .find_map(|&(code, letter)| (code == c).then_some(letter));
        // "ô" and "ö" are "ơ" and "ư", which take tone marks too.
        let base = letter.filter(|_| matches!(c, 'ô' | 'Ô' | 'ö' | 'Ö'));
        match chars.peek().and_then(|&next| vni_mark(c, next)) {
            Some(combining) => {
                chars.next();
                out.push(base.unwrap_or(c));
                out.push_str(combining);
            }
            None => out.push(letter.unwrap_or(c)),
        }
    }
    crate::text::to_nfc(&out)
}

/// Converts the lines of `text` written in TCVN3 or VNI-Windows to
/// Unicode, line by line, and says what it did. A line that holds a letter
/// only Unicode has, or nothing that only the old encodings have, is kept
/// as it is.
pub fn convert(text: &str) -> Conversion {
    let lines: Vec<&str> = text.split('\n').collect();
    let found: Vec<Evidence> = lines.iter().map(|line| evidence(line)).collect();
    let candidate = |e: &Evidence| e.unicode == 0 && e.legacy > 0;
    let total_lines = lines.iter().filter(|line| !line.trim().is_empty()).count();
    let legacy_chars: usize = found
        .iter()
        .filter(|e| candidate(e))
        .map(|e| e.legacy)
        .sum();
    if legacy_chars < 3 {
        return Conversion {
            text: text.to_owned(),
            encoding: None,
            converted_lines: 0,
            total_lines,
        };
    }
    // A line with nothing but characters both encodings use goes with the
    // text's main one.
    let (tcvn3_total, vni_total) = found
        .iter()
        .filter(|e| candidate(e))
        .fold((0, 0), |(t, v), e| (t + e.tcvn3, v + e.vni));
    let main = if vni_total > tcvn3_total {
        LegacyEncoding::Vni
    } else {
        LegacyEncoding::Tcvn3
    };
    // A line of letters both Unicode and the old encodings have ("Sè
    // 09-BC/CB" is "Số 09-BC/CB" in TCVN3) is converted when the lines with
    // text on either side of it are.
    let mut convert_line: Vec<bool> = found.iter().map(candidate).collect();
    let with_text: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .collect();
    // The text's first or last line has one side only.
    for (position, &at) in with_text.iter().enumerate() {
        let before = position.checked_sub(1).map(|p| with_text[p]);
        let after = with_text.get(position + 1).copied();
        let converted = |line: Option<usize>| line.is_none_or(|i| candidate(&found[i]));
        let e = &found[at];
        if e.unicode == 0
            && e.shared > 0
            && (before.is_some() || after.is_some())
            && converted(before)
            && converted(after)
        {
            convert_line[at] = true;
        }
    }
    // So is such a row of a table pasted with tabs ("Céng\t246\t343")
    // whose other rows are in the old encoding.
    let mut start = 0;
    while start < lines.len() {
        let end = (start..lines.len())
            .find(|&i| !lines[i].contains('\t'))
            .unwrap_or(lines.len());
        if end > start && (start..end).any(|i| candidate(&found[i])) {
            for i in start..end {
                if found[i].unicode == 0 && found[i].shared > 0 {
                    convert_line[i] = true;
                }
            }
        }
        start = end + 1;
    }
    let mut counts = [0usize; 2];
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    for (index, (line, e)) in lines.iter().zip(&found).enumerate() {
        if index > 0 {
            out.push('\n');
        }
        if !convert_line[index] {
            out.push_str(line);
            continue;
        }
        let encoding = match e.tcvn3.cmp(&e.vni) {
            std::cmp::Ordering::Greater => LegacyEncoding::Tcvn3,
            std::cmp::Ordering::Less => LegacyEncoding::Vni,
            std::cmp::Ordering::Equal => main,
        };
        let converted = match encoding {
            LegacyEncoding::Tcvn3 => restore_capitals(line),
            LegacyEncoding::Vni => vni_line(line),
        };
        if converted != *line {
            counts[usize::from(encoding == LegacyEncoding::Vni)] += 1;
        }
        out.push_str(&converted);
    }
    let encoding = match counts {
        [0, 0] => None,
        [tcvn3, vni] if vni > tcvn3 => Some(LegacyEncoding::Vni),
        _ => Some(LegacyEncoding::Tcvn3),
    };
    Conversion {
        text: out,
        encoding,
        converted_lines: counts[0] + counts[1],
        total_lines,
    }
}

/// Tells which legacy encoding `text` is in, if any: the one most of its
/// converted lines are in.
pub fn detect(text: &str) -> Option<LegacyEncoding> {
    convert(text).encoding
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

/// Converts the lines of `text` in a legacy encoding, and says which.
pub fn to_unicode(text: &str) -> (String, Option<LegacyEncoding>) {
    let conversion = convert(text);
    (conversion.text, conversion.encoding)
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

/// Writes Unicode text in TCVN3, as .VnTime would hold it (capitals with
/// marks, which live in .VnTimeH, get the lowercase code): for tests.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn to_tcvn3(text: &str) -> String {
    text.chars()
        .map(|c| {
            let code = |letter: char| {
                TCVN3
                    .iter()
                    .find_map(|&(code, l)| (l == letter).then_some(code))
            };
            code(c)
                .or_else(|| {
                    (!c.is_ascii())
                        .then(|| c.to_lowercase().next())
                        .flatten()
                        .and_then(code)
                })
                .unwrap_or(c)
        })
        .collect()
}

/// Writes Unicode text in VNI-Windows: each letter and its marks. For
/// tests.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn to_vni(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::new();
    for c in text.chars() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        let upper = c != lower;
        let parts: Vec<char> = std::iter::once(lower).nfd().collect();
        let base = parts[0];
        let marks = &parts[1..];
        let tone = marks
            .iter()
            .find(|m| matches!(m, '\u{301}' | '\u{300}' | '\u{309}' | '\u{303}' | '\u{323}'));
        let shape = marks
            .iter()
            .find(|m| matches!(m, '\u{302}' | '\u{306}' | '\u{31b}'));
        let tone_index = tone.map(|t| match t {
            '\u{301}' => 0,
            '\u{300}' => 1,
            '\u{309}' => 2,
            '\u{303}' => 3,
            _ => 4,
        });
        let mark = |index: usize| VNI_MARKS[index].0;
        let written: String = if lower == 'đ' {
            "ñ".into()
        } else if !"aeiouy".contains(base) || marks.is_empty() {
            c.to_string()
        } else if base == 'i' {
            ['í', 'ì', 'æ', 'ó', 'ò'][tone_index.unwrap_or(0)].to_string()
        } else if base == 'y' && tone_index == Some(4) {
            "î".into()
        } else {
            let mut written = String::new();
            match shape {
                Some('\u{302}') => {
                    written.push(base);
                    written.push(mark(5 + tone_index.map_or(0, |t| t + 1)));
                }
                Some('\u{306}') => {
                    written.push(base);
                    written.push(mark(11 + tone_index.map_or(0, |t| t + 1)));
                }
                Some(_) => {
                    written.push(if base == 'o' { 'ô' } else { 'ö' });
                    if let Some(t) = tone_index {
                        written.push(mark(t));
                    }
                }
                None => {
                    written.push(base);
                    if let Some(t) = tone_index {
                        written.push(mark(t));
                    }
                }
            }
            written
        };
        if upper && !(lower == 'đ' || marks.is_empty() && !"aeiouy".contains(base)) {
            out.push_str(&written.to_uppercase());
        } else if upper && lower == 'đ' {
            out.push('Ñ');
        } else {
            out.push_str(&written);
        }
    }
    out
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
    fn vni_text_becomes_unicode() {
        let conversion = convert(
            "ÑAÛNG BOÄ XAÕ TAÂN HOØA\nÑaûng uûy xaõ laõnh ñaïo thöïc hieän toát nhieäm vuï.\nNgöôøi daân ñoàng thuaän, taêng tröôûng kinh teá ñaït 8%.",
        );
        assert_eq!(conversion.encoding, Some(LegacyEncoding::Vni));
        assert_eq!(
            conversion.text,
            "ĐẢNG BỘ XÃ TÂN HÒA\nĐảng ủy xã lãnh đạo thực hiện tốt nhiệm vụ.\nNgười dân đồng thuận, tăng trưởng kinh tế đạt 8%."
        );
        assert_eq!((conversion.converted_lines, conversion.total_lines), (3, 3));
    }

    #[test]
    fn every_vietnamese_letter_comes_back_from_vni() {
        // Each letter as VNI writes it: the letter and its marks.
        let vni = "aù aø aû aõ aï aê aé aè aú aü aë aâ aá aà aå aã aä ñ eù eø eû eõ eï eâ eá eà eå eã eä í ì æ ó ò où oø oû oõ oï oâ oá oà oå oã oä ô ôù ôø ôû ôõ ôï uù uø uû uõ uï ö öù öø öû öõ öï yù yø yû yõ î";
        let unicode = "á à ả ã ạ ă ắ ằ ẳ ẵ ặ â ấ ầ ẩ ẫ ậ đ é è ẻ ẽ ẹ ê ế ề ể ễ ệ í ì ỉ ĩ ị ó ò ỏ õ ọ ô ố ồ ổ ỗ ộ ơ ớ ờ ở ỡ ợ ú ù ủ ũ ụ ư ứ ừ ử ữ ự ý ỳ ỷ ỹ ỵ";
        assert_eq!(vni_line(vni), unicode);
        assert_eq!(vni_line(&vni.to_uppercase()), unicode.to_uppercase());
    }

    #[test]
    fn a_tcvn3_header_over_a_unicode_body_is_converted_line_by_line() {
        let text =
            "§¶NG Bé X· LONG PH¦íC\nSè 58-BC/§U\nĐảng ủy xã báo cáo như sau:\nKết quả đạt được.";
        let conversion = convert(text);
        assert_eq!(conversion.encoding, Some(LegacyEncoding::Tcvn3));
        assert_eq!(
            conversion.text,
            "ĐẢNG BỘ XÃ LONG PHƯỚC\nSỐ 58-BC/ĐU\nĐảng ủy xã báo cáo như sau:\nKết quả đạt được."
        );
        assert_eq!((conversion.converted_lines, conversion.total_lines), (2, 4));
    }

    #[test]
    fn a_vni_line_and_a_tcvn3_line_in_one_text_are_each_read_in_their_own() {
        let conversion = convert("Ñaûng boä xaõ\n§¶ng bé x·\nĐảng bộ xã");
        assert_eq!(conversion.text, "Đảng bộ xã\nĐảng bộ xã\nĐảng bộ xã");
        assert_eq!(conversion.converted_lines, 2);
    }

    #[test]
    fn regression_a_tcvn3_number_line_of_shared_letters_stayed_unconverted() {
        // "Sè" has only letters Unicode has too; between two TCVN3 lines it
        // is TCVN3.
        let conversion = convert("CHI Bé ÊP B×NH AN\nSè 09-BC/CB\nB¸O C¸O");
        assert_eq!(conversion.text, "CHI BỘ ẤP BÌNH AN\nSỐ 09-BC/CB\nBÁO CÁO");
        // The last line, under a TCVN3 one (found by the nothing-dropped
        // property test: "dõa bÕn", the subject, stayed as it was).
        let last = convert("§¶NG Bé\nB¸O C¸O\ndõa bÕn");
        assert_eq!(last.text, "ĐẢNG BỘ\nBÁO CÁO\ndừa bến");
        // Over a Unicode line too: "bÕn" is no Unicode word.
        let over = convert("§¶NG Bé\nB¸O C¸O\ndõa bÕn\nNơi nhận:");
        assert_eq!(over.text, "ĐẢNG BỘ\nBÁO CÁO\ndừa bến\nNơi nhận:");
        // A table row pasted with its table.
        let table = convert("Khèi\tTèt\tKh¸\t§¹t\n6\t62\t88\t1\nCéng\t246\t343\t1\nCộng đồng");
        assert_eq!(
            table.text,
            "Khối\tTốt\tKhá\tĐạt\n6\t62\t88\t1\nCộng\t246\t343\t1\nCộng đồng"
        );
        // Alone among Unicode lines it is left as written.
        let alone = "Đảng bộ\nSè 09-BC/CB\nBáo cáo";
        assert_eq!(convert(alone).text, alone);
    }

    #[test]
    fn a_stray_legacy_character_in_a_unicode_text_converts_nothing() {
        // "×" and "§" are TCVN3 letters, but two of them are no evidence.
        let text = "Điều 5 § 2\nDiện tích 5 × 3 m\nHà Nội";
        let conversion = convert(text);
        assert_eq!(conversion.text, text);
        assert_eq!(conversion.encoding, None);
        assert_eq!(conversion.converted_lines, 0);
    }

    #[test]
    fn latin1_bytes_are_read_but_binary_is_refused() {
        assert_eq!(
            latin1_text(b"\xa7\xb6ng b\xe9\r\n").as_deref(),
            Some("§¶ng bé\r\n")
        );
        assert_eq!(latin1_text(b"\x89PNG\r\n\x1a\n\0\0"), None);
    }

    /// Property tests (proptest runs natively only).
    #[cfg(not(target_arch = "wasm32"))]
    mod property {
        use super::*;

        #[test]
        fn the_tests_vni_writer_gives_every_letter_back() {
            let unicode = "á à ả ã ạ ă ắ ằ ẳ ẵ ặ â ấ ầ ẩ ẫ ậ đ é è ẻ ẽ ẹ ê ế ề ể ễ ệ í ì ỉ ĩ ị ó ò ỏ õ ọ ô ố ồ ổ ỗ ộ ơ ớ ờ ở ỡ ợ ú ù ủ ũ ụ ư ứ ừ ử ữ ự ý ỳ ỷ ỹ ỵ";
            assert_eq!(vni_line(&to_vni(unicode)), unicode);
            assert_eq!(
                vni_line(&to_vni(&unicode.to_uppercase())),
                unicode.to_uppercase()
            );
        }

        /// Vietnamese syllables in Unicode (NFC), the Latin-1-only ones ("Tô",
        /// "Bá", "hoà", "thoá") among them, in any case, numbers and punctuation.
        const SYLLABLES: &str = "Đảng bộ ủy xã ấp Tân Hòa hoà Hoá thoá khoẻ Tô Bá Hà Lê Hồ Võ Vũ Ngô Tạ Lý Mã Từ Ông Bà Anh Em tỉnh huyện Ủy ban nhân dân Cộng hòa xã hội chủ nghĩa Việt Nam Độc lập Tự do Hạnh phúc Số ngày tháng năm BÁO CÁO kết quả thực hiện nhiệm vụ ưu điểm hạn chế khuyết điểm nguyên nhân đề xuất kiến nghị không có người trường học sinh giáo viên điểm thi đua khen thưởng chỉ tiêu đạt vượt bình quân thu nhập triệu đồng tỷ lệ phần trăm quốc phòng an ninh trật tự Đoàn thanh niên Hội phụ nữ Mặt trận Tổ quốc Bí thư Chủ tịch Phó Hiệu trưởng T/M TM. KT. Nơi nhận Lưu VT I. II. III. 1. 2. a) b) - + * • – … “ ” ( ) % ; : , . ! ? 2025 12 15 100% 3.215 1,9";

        proptest::proptest! {
            #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

            /// Any Unicode Vietnamese text, however its lines are made (a line
            /// of Latin-1 letters only, such as "Tô Bá Hà", included), comes out
            /// of the conversion unchanged.
            #[test]
            fn unicode_vietnamese_text_is_never_converted(
                lines in proptest::collection::vec(
                    proptest::collection::vec(
                        (proptest::sample::select(SYLLABLES.split(' ').collect::<Vec<_>>()), 0..3u8),
                        0..20,
                    ),
                    0..12,
                )
            ) {
                let text = lines
                    .iter()
                    .map(|words| {
                        words
                            .iter()
                            .map(|(word, case)| match case {
                                0 => word.to_string(),
                                1 => word.to_uppercase(),
                                _ => word.to_lowercase(),
                            })
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                let conversion = convert(&text);
                proptest::prop_assert_eq!(&conversion.text, &text);
                proptest::prop_assert_eq!(conversion.converted_lines, 0);
            }
        }
    }
}
