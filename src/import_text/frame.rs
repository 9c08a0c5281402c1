//! The frame around a report's body in plain text: the two-column header
//! (superior and issuing body, national motto, "Số …", date line) and the
//! closing (signing authority, position, signer, "Nơi nhận:" and its list).
//! They become the draft's metadata instead of body text.
//!
//! Text copied out of Word or a PDF gives the two columns either padded
//! with spaces or a tab on one line ("ĐẢNG BỘ HUYỆN LẤP VÒ        ĐẢNG CỘNG
//! SẢN VIỆT NAM"), or flattened into one run ("Số 12-BC/ĐU Lấp Vò, ngày 05
//! tháng 01 năm 2026"). Each line is cut into cells: first at runs of two or
//! more spaces, then at the places where a known right-column text starts.
//! Cells that fit nowhere are handed back as unplaced, never dropped.

use crate::model::{DocDate, Document, Ruleset};

/// What the frame gives back: the body text to read, and the cells that
/// could not be placed.
pub(super) struct Framed {
    pub body: String,
    pub unplaced: Vec<String>,
}

/// Mottos heading the right column, and the ruleset each implies.
const NATIONAL_LINES: [(&str, Ruleset); 3] = [
    ("ĐẢNG CỘNG SẢN VIỆT NAM", Ruleset::Party),
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Ruleset::State),
    ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", Ruleset::State),
];

/// How a signature block opens: "T/M ĐẢNG ỦY", "TM. ỦY BAN NHÂN DÂN",
/// "KT. CHỦ TỊCH" and their kin.
const SIGNING_PREFIXES: [&str; 10] = [
    "T/M ", "TM. ", "TM.", "K/T ", "KT. ", "KT.", "T/L ", "TL. ", "TUQ. ", "Q. ",
];

fn starts_with_ignoring_case(text: &str, prefix: &str) -> bool {
    let mut lowered = text.chars().flat_map(char::to_lowercase);
    prefix
        .chars()
        .flat_map(char::to_lowercase)
        .all(|wanted| lowered.next() == Some(wanted))
}

/// Where "Độc lập - Tự do - Hạnh phúc" starts in `cell`, written with
/// any dash or in capitals; "độc lập, tự do" inside a sentence is not it.
fn motto_at(cell: &str) -> Option<usize> {
    ["Độc lập", "ĐỘC LẬP"].iter().find_map(|start| {
        let at = cell.find(start)?;
        let rest = cell[at + start.len()..].trim_start_matches([' ', '-', '–', '—']);
        (rest.starts_with("Tự do") || rest.starts_with("TỰ DO")).then_some(at)
    })
}

pub(super) fn is_all_caps(text: &str) -> bool {
    text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase)
}

pub(super) fn is_rule(cell: &str) -> bool {
    let cell = cell.trim();
    !cell.is_empty()
        && cell
            .chars()
            .all(|c| matches!(c, '*' | '-' | '_' | '=' | '~' | '–' | '—'))
}

/// "Số 12-BC/ĐU" or "Số: 02/BC-UBND" at the start of `cell`: the number and
/// symbol, and what follows it on the same line.
fn number_symbol(cell: &str) -> Option<(String, &str)> {
    let rest = cell
        .strip_prefix("Số")
        .or_else(|| cell.strip_prefix("SỐ"))?;
    let rest = rest.trim_start_matches([':', ' ', '\t', '\u{a0}']);
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let token = &rest[..end];
    let looks_like_symbol = token.chars().any(|c| c.is_ascii_digit()) && token.contains(['/', '-'])
        || token.starts_with(['/', '-', '.']) && token.contains('/');
    looks_like_symbol.then(|| (token.to_owned(), rest[end..].trim()))
}

/// "Số" or "Số:" alone: the number line of a draft not yet registered,
/// with blanks to write the number in.
fn blank_number(cell: &str) -> bool {
    matches!(cell.trim(), "Số" | "Số:" | "SỐ" | "SỐ:")
}

/// Where the place of a date line starts in `cell`, if the cell holds one:
/// "Lấp Vò, ngày 05 tháng 01 năm 2026". The place is up to five capitalised
/// words, not in capitals (those belong to the body's name on the left),
/// and nothing but the date follows it: a sentence that cites a plan "…
/// Lấp Vò, ngày 14 tháng 02 năm 2017 của …" is not a date line.
fn date_line_at(cell: &str) -> Option<usize> {
    let comma = cell.find(", ngày")?;
    let date = &cell[comma + ", ngày".len()..];
    let only_date = date
        .replace("tháng", " ")
        .replace("năm", " ")
        .chars()
        .all(|c| c.is_ascii_digit() || c.is_whitespace() || matches!(c, '.' | '/' | '…' | '_'));
    if !only_date || !(date.contains("tháng") || date.contains('/')) {
        return None;
    }
    let before = &cell[..comma];
    let place_words = before
        .split(' ')
        .rev()
        .take(5)
        .take_while(|word| word.starts_with(char::is_uppercase) && !is_all_caps(word))
        .collect::<Vec<_>>();
    if place_words.is_empty() {
        return None;
    }
    let place_len: usize =
        place_words.iter().map(|word| word.len()).sum::<usize>() + place_words.len() - 1;
    Some(comma - place_len)
}

/// Reads "Lấp Vò, ngày 05 tháng 01 năm 2026" (or "…, ngày 05/01/2026",
/// or with blanks for an unfinished date).
fn parse_date_line(cell: &str) -> (String, DocDate) {
    let (place, rest) = cell.split_once(", ngày").unwrap_or(("", cell));
    fn number<T: std::str::FromStr>(text: &str) -> Option<T> {
        let digits: String = text
            .trim()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().ok()
    }
    let date = if let Some((day, rest)) = rest.split_once("tháng") {
        let (month, year) = rest.split_once("năm").unwrap_or((rest, ""));
        DocDate {
            day: number(day),
            month: number(month),
            year: number(year),
        }
    } else {
        let mut parts = rest.trim().split('/');
        DocDate {
            day: parts.next().and_then(number),
            month: parts.next().and_then(number),
            year: parts.next().and_then(number),
        }
    };
    (place.trim().to_owned(), date)
}

/// Cuts a line into cells at runs of two or more spaces (or a tab).
fn padded_cells(line: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut current = String::new();
    let mut spaces = 0;
    for c in line.chars() {
        if c == '\t' || c.is_whitespace() {
            spaces += if c == '\t' { 2 } else { 1 };
            continue;
        }
        if spaces >= 2 && !current.is_empty() {
            cells.push(std::mem::take(&mut current));
        } else if spaces > 0 && !current.is_empty() {
            current.push(' ');
        }
        spaces = 0;
        current.push(c);
    }
    if !current.is_empty() {
        cells.push(current);
    }
    // An unfinished date keeps its blanks: "ngày    tháng    năm 2026" is
    // one cell.
    let mut merged: Vec<String> = Vec::new();
    for cell in cells {
        match merged.last_mut() {
            Some(last)
                if (last.ends_with("ngày") || last.ends_with("tháng"))
                    && (cell.starts_with("tháng") || cell.starts_with("năm")) =>
            {
                last.push(' ');
                last.push_str(&cell);
            }
            _ => merged.push(cell),
        }
    }
    merged
}

/// Cuts a header cell where a right-column text starts in it.
fn split_header_cell(cell: &str, out: &mut Vec<String>) {
    let cell = cell.trim();
    if cell.is_empty() {
        return;
    }
    if let Some(rest) = cell
        .strip_suffix('*')
        .filter(|rest| !rest.trim().is_empty())
    {
        split_header_cell(rest, out);
        return;
    }
    let mut cut = None;
    for (line, _) in NATIONAL_LINES {
        if let Some(at) = cell.find(line).filter(|&at| at > 0) {
            cut = Some(cut.map_or(at, |c: usize| c.min(at)));
        }
    }
    if let Some(at) = motto_at(cell).filter(|&at| at > 0) {
        cut = Some(cut.map_or(at, |c: usize| c.min(at)));
    }
    if let Some((number, rest)) = number_symbol(cell).filter(|(_, rest)| !rest.is_empty()) {
        out.push(format!("Số {number}"));
        split_header_cell(rest, out);
        return;
    }
    if let Some(at) = date_line_at(cell).filter(|&at| at > 0) {
        cut = Some(cut.map_or(at, |c: usize| c.min(at)));
    }
    match cut {
        Some(at) => {
            split_header_cell(&cell[..at], out);
            split_header_cell(&cell[at..], out);
        }
        None => out.push(cell.to_owned()),
    }
}

/// The longest cell a header holds, even flattened: two names of bodies,
/// or a number and a date line. Longer text is a sentence.
const MAX_HEADER_CELL_CHARS: usize = 110;

/// A cell with letters but no capital: text set in the capitals-only
/// .VnTimeH font, stored in lowercase. In a header or signature block it is
/// meant in capitals.
fn capitals_font(cell: &str) -> Option<String> {
    let all_lower = cell.chars().any(char::is_alphabetic) && !cell.chars().any(char::is_uppercase);
    (all_lower && !cell.contains(", ngày")).then(|| cell.to_uppercase())
}

fn header_cells(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    for cell in padded_cells(line) {
        let cell = capitals_font(&cell).unwrap_or(cell);
        if cell.chars().count() > MAX_HEADER_CELL_CHARS {
            out.push(cell);
        } else {
            split_header_cell(&cell, &mut out);
        }
    }
    out
}

/// The motto in capitals at the start of `cell`, as headers write it; the
/// same words inside a sentence are not a header.
fn national_line(cell: &str) -> Option<Ruleset> {
    NATIONAL_LINES
        .iter()
        .find(|(line, _)| cell.starts_with(line))
        .map(|(_, ruleset)| *ruleset)
}

fn is_header_anchor(cell: &str) -> bool {
    national_line(cell).is_some()
        || motto_at(cell) == Some(0)
        || number_symbol(cell).is_some()
        || date_line_at(cell) == Some(0)
}

fn signing_prefix(cell: &str) -> bool {
    let upper = cell.to_uppercase();
    is_all_caps(cell)
        && SIGNING_PREFIXES
            .iter()
            .any(|prefix| upper.starts_with(prefix))
}

/// "Nơi nhận:" (or "Nơi nhận" alone), not a sentence that starts with the
/// same words.
fn is_recipients_label(cell: &str) -> bool {
    starts_with_ignoring_case(cell, "Nơi nhận")
        && cell
            .get("Nơi nhận".len()..)
            .is_some_and(|rest| rest.trim().is_empty() || rest.trim_start().starts_with(':'))
}

/// Cuts a closing cell where the right column starts: "Nơi nhận: T/M ĐẢNG
/// ỦY" or "- Huyện ủy Lấp Vò, BÍ THƯ" flattened onto one line.
fn split_closing_cell(cell: &str, out: &mut Vec<String>) {
    let cell = cell.trim();
    if cell.is_empty() {
        return;
    }
    // A signing prefix after some other text.
    for prefix in SIGNING_PREFIXES {
        if let Some(at) = cell.find(&format!(" {}", prefix.trim_end())) {
            let (left, right) = cell.split_at(at);
            if signing_prefix(right.trim()) && !left.trim().is_empty() {
                out.push(left.trim().to_owned());
                out.push(right.trim().to_owned());
                return;
            }
        }
    }
    if let Some(rest) = cell
        .strip_prefix("Nơi nhận:")
        .or_else(|| cell.strip_prefix("Nơi nhận :"))
    {
        out.push("Nơi nhận:".to_owned());
        split_closing_cell(rest, out);
        return;
    }
    // A list line followed by the right column's text after its
    // punctuation: "- Huyện ủy Lấp Vò, BÍ THƯ".
    if cell.starts_with(['-', '–', '+']) {
        if let Some(at) = cell.rfind([',', ';', '.']) {
            let tail = cell[at + 1..].trim();
            if !tail.is_empty() && (is_all_caps(tail) || is_name(tail)) {
                out.push(cell[..=at].to_owned());
                out.push(tail.to_owned());
                return;
            }
        }
    }
    out.push(cell.to_owned());
}

/// A person's name: two to six capitalised words, no digits, no closing
/// punctuation.
fn is_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words.iter().all(|word| {
            word.starts_with(char::is_uppercase) && word.chars().all(char::is_alphabetic)
        })
}

/// True for a line that cannot be in a header: the title, a numbered
/// heading or bullet, a sentence.
fn starts_body(line: &str) -> bool {
    // "*" under the Party body's name, with the date line beside it, is
    // not a bullet.
    if header_cells(line).iter().any(|cell| is_header_anchor(cell)) {
        return false;
    }
    let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
    line == "BÁO CÁO"
        || line.chars().count() > MAX_HEADER_CELL_CHARS
        || !matches!(
            super::classify(&line),
            super::Line::Text(_) | super::Line::Header(_)
        )
}

/// True for a line that belongs in a frame: a motto, "Số …", a date line,
/// "Nơi nhận:", a signing authority.
pub(super) fn is_frame_line(line: &str) -> bool {
    is_header_anchor(line) || is_recipients_label(line) || signing_prefix(line)
}

/// Reads the frame out of `text` into `document` and returns the body.
pub(super) fn read_frame(text: &str, document: &mut Document) -> Framed {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut unplaced = Vec::new();

    // The header: the first lines up to the last one that holds a header
    // anchor (motto, "Số …", date line), within the first twelve that have
    // text.
    let with_text: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .take(12)
        .collect();
    let header_end = with_text
        .iter()
        .copied()
        .take_while(|&i| !starts_body(lines[i]))
        .filter(|&i| {
            header_cells(lines[i])
                .iter()
                .any(|cell| is_header_anchor(cell))
        })
        .last()
        .map_or(0, |i| i + 1);
    let mut bodies = Vec::new();
    for line in &lines[..header_end] {
        for cell in header_cells(line) {
            if let Some(ruleset) = national_line(&cell) {
                document.meta.ruleset = ruleset;
                let motto_len = NATIONAL_LINES
                    .iter()
                    .find(|(line, _)| cell.starts_with(line))
                    .map_or(0, |(line, _)| line.len());
                let rest = cell.get(motto_len..).unwrap_or("");
                if !rest.trim().is_empty() {
                    unplaced.push(rest.trim().to_owned());
                }
            } else if motto_at(&cell) == Some(0) {
                // "Độc lập - Tự do - Hạnh phúc" is rendered from the ruleset.
                document.meta.ruleset = Ruleset::State;
            } else if is_rule(&cell) {
                // A star or a rule under a line is decoration.
            } else if let Some((number, _)) = number_symbol(&cell) {
                document.meta.number_symbol = number;
            } else if blank_number(&cell) {
                // No number yet: nothing to place.
            } else if date_line_at(&cell) == Some(0) {
                let (place, date) = parse_date_line(&cell);
                document.meta.place = place;
                document.meta.date = date;
            } else if is_all_caps(&cell) {
                bodies.push(cell);
            } else {
                unplaced.push(cell);
            }
        }
    }
    match bodies.len() {
        0 => {}
        1 => document.meta.issuing_body = bodies.remove(0),
        _ => {
            document.meta.superior_body = bodies.remove(0);
            document.meta.issuing_body = bodies.join(" ");
        }
    }

    // The closing: from the first line that opens a signature block or the
    // list of recipients, when no numbered heading follows it.
    let is_heading = |line: &str| {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        matches!(
            super::classify(&line),
            super::Line::Part(_) | super::Line::Item(_) | super::Line::Division { .. }
        )
    };
    let opens_closing = |line: &str| {
        padded_cells(line).iter().any(|cell| {
            let mut cells = Vec::new();
            split_closing_cell(cell, &mut cells);
            cells.iter().any(|cell| {
                signing_prefix(&capitals_font(cell).unwrap_or_else(|| cell.clone()))
                    || is_recipients_label(cell)
            })
        })
    };
    // Appendices after the signature ("PHỤ LỤC …") are read with the body,
    // after it; the closing ends where the first one starts.
    let appendix_start = (header_end..lines.len())
        .filter(|&i| super::division::appendix_line(lines[i]).is_some())
        .find(|&i| (header_end..i).any(|j| opens_closing(lines[j])))
        .unwrap_or(lines.len());
    let after_last_heading = (header_end..appendix_start)
        .rev()
        .find(|&i| is_heading(lines[i]))
        .map_or(header_end, |i| i + 1);
    let closing_start = (after_last_heading..appendix_start)
        .find(|&i| opens_closing(lines[i]))
        .unwrap_or(appendix_start);

    let mut body: Vec<String> = lines[header_end..closing_start]
        .iter()
        .map(|line| (*line).to_owned())
        .collect();
    let closing = &mut document.closing;
    let mut in_recipients = false;
    for line in &lines[closing_start..appendix_start] {
        let mut cells = Vec::new();
        for cell in padded_cells(line) {
            split_closing_cell(&cell, &mut cells);
        }
        for cell in cells {
            // "t/m đảng ủy", "bí thư" from the .VnTimeH font.
            let wants_capitals = !cell.starts_with(['-', '–', '+', '('])
                && !is_recipients_label(&cell)
                && (closing.position.is_empty() || signing_prefix(&cell.to_uppercase()));
            let cell = capitals_font(&cell)
                .filter(|_| wants_capitals)
                .unwrap_or(cell);
            let trimmed = cell.trim();
            if is_recipients_label(trimmed) {
                in_recipients = true;
                let rest = trimmed.split_once(':').map_or("", |(_, rest)| rest).trim();
                if !rest.is_empty() {
                    closing
                        .recipients
                        .push(rest.trim_start_matches(['-', '–', '+', ' ']).to_owned());
                }
            } else if in_recipients && trimmed.starts_with(['-', '–', '+']) {
                closing
                    .recipients
                    .push(trimmed.trim_start_matches(['-', '–', '+', ' ']).to_owned());
            } else if signing_prefix(trimmed) && closing.signing_authority.is_empty() {
                closing.signing_authority = trimmed.to_owned();
            } else if !closing.signing_authority.is_empty()
                && closing.position.is_empty()
                && is_all_caps(trimmed)
                && !signing_prefix(trimmed)
            {
                closing.position = trimmed.to_owned();
            } else if !closing.signing_authority.is_empty()
                && closing.signer_name.is_empty()
                && !trimmed.starts_with('(')
                && (is_name(trimmed) || is_all_caps(trimmed) && !closing.position.is_empty())
            {
                closing.signer_name = trimmed.to_owned();
            } else if matches!(
                super::classify(trimmed),
                super::Line::Author(_) | super::Line::Leftover(_)
            ) {
                // Web page remains after the signature go through the body
                // reader, which places the author and lists the rest.
                body.push(trimmed.to_owned());
            } else {
                unplaced.push(trimmed.to_owned());
            }
        }
    }
    body.extend(
        lines[appendix_start..]
            .iter()
            .map(|line| (*line).to_owned()),
    );
    Framed {
        body: body.join("\n"),
        unplaced,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn framed(text: &str) -> (Document, Framed) {
        let mut document = Document::default();
        let framed = read_frame(text, &mut document);
        (document, framed)
    }

    const PARTY_PADDED: &str = "\
ĐẢNG BỘ HUYỆN LẤP VÒ                    ĐẢNG CỘNG SẢN VIỆT NAM
ĐẢNG ỦY TRƯỜNG THPT LẤP VÒ 2
              *
Số 12-BC/ĐU                    Lấp Vò, ngày 05 tháng 01 năm 2026

BÁO CÁO
tổng kết đổi mới phương thức lãnh đạo của Đảng
-----
I. KẾT QUẢ
1. Một việc.
Nơi nhận:                                   T/M ĐẢNG ỦY
- Huyện ủy Lấp Vò,                              BÍ THƯ
- Lưu VP.
                                            (đã ký)
                                            Nguyễn Văn Kiệt
";

    #[test]
    fn party_header_padded_with_spaces() {
        let (document, framed) = framed(PARTY_PADDED);
        let meta = &document.meta;
        assert_eq!(meta.ruleset, Ruleset::Party);
        assert_eq!(meta.superior_body, "ĐẢNG BỘ HUYỆN LẤP VÒ");
        assert_eq!(meta.issuing_body, "ĐẢNG ỦY TRƯỜNG THPT LẤP VÒ 2");
        assert_eq!(meta.number_symbol, "12-BC/ĐU");
        assert_eq!(meta.place, "Lấp Vò");
        assert_eq!(
            meta.date,
            DocDate {
                day: Some(5),
                month: Some(1),
                year: Some(2026)
            }
        );
        let closing = &document.closing;
        assert_eq!(closing.signing_authority, "T/M ĐẢNG ỦY");
        assert_eq!(closing.position, "BÍ THƯ");
        assert_eq!(closing.signer_name, "Nguyễn Văn Kiệt");
        assert_eq!(closing.recipients, ["Huyện ủy Lấp Vò,", "Lưu VP."]);
        assert_eq!(framed.unplaced, ["(đã ký)"]);
        assert!(framed.body.contains("BÁO CÁO\ntổng kết"));
        assert!(framed.body.trim_end().ends_with("1. Một việc."));
    }

    #[test]
    fn party_header_flattened_onto_single_lines() {
        let flattened: String = PARTY_PADDED
            .lines()
            .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join("\n");
        let (flat, _) = framed(&flattened);
        let (padded, _) = framed(PARTY_PADDED);
        assert_eq!(flat.meta, padded.meta);
        assert_eq!(flat.closing, padded.closing);
    }

    #[test]
    fn state_header_with_tabs_and_colon() {
        let text = "UBND HUYỆN LẤP VÒ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
UBND XÃ BÌNH THÀNH\tĐộc lập – Tự do – Hạnh phúc\n\
Số: 02/BC-UBND\tBình Thành, ngày    tháng 12 năm 2025\n\
BÁO CÁO\nKết quả công tác năm 2025\nNội dung.\n\
Nơi nhận:\tTM. ỦY BAN NHÂN DÂN\n- UBND huyện;\tKT. CHỦ TỊCH\n- Lưu: VT.\tPHÓ CHỦ TỊCH\n\tTrần Thị B\n";
        let (document, framed) = framed(text);
        let meta = &document.meta;
        assert_eq!(meta.ruleset, Ruleset::State);
        assert_eq!(meta.superior_body, "UBND HUYỆN LẤP VÒ");
        assert_eq!(meta.issuing_body, "UBND XÃ BÌNH THÀNH");
        assert_eq!(meta.number_symbol, "02/BC-UBND");
        assert_eq!(meta.place, "Bình Thành");
        assert_eq!(
            meta.date,
            DocDate {
                day: None,
                month: Some(12),
                year: Some(2025)
            }
        );
        let closing = &document.closing;
        assert_eq!(closing.signing_authority, "TM. ỦY BAN NHÂN DÂN");
        assert_eq!(closing.recipients, ["UBND huyện;", "Lưu: VT."]);
        assert_eq!(closing.signer_name, "Trần Thị B");
        // The second authority line has no field of its own: listed.
        assert_eq!(closing.position, "PHÓ CHỦ TỊCH");
        assert_eq!(framed.unplaced, ["KT. CHỦ TỊCH"]);
    }

    #[test]
    fn a_text_without_frame_is_all_body() {
        let text = "HỘI NGHỊ TỔNG KẾT\nThực hiện Kế hoạch số 01-KH/BCĐ, ngày 14 tháng 02 năm 2017 của Ban Chỉ đạo.\nI. MỘT\nSố học sinh giỏi là 120.\n";
        let (document, framed) = framed(text);
        assert_eq!(framed.body, text);
        assert!(framed.unplaced.is_empty());
        assert_eq!(document.meta, Document::default().meta);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]

        /// Header and signature fragments in any order, padded any way:
        /// never a panic, and every cell lands in a field, the body or the
        /// unplaced list.
        #[test]
        fn any_frame_fragments_are_read_without_panic(
            parts in proptest::collection::vec(
                "(ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập - Tự do|Số:? ?[0-9]{0,3}[-/]?[A-ZĐ]{0,3}|Lấp Vò|, ngày|tháng|năm|[0-9]{1,4}|T/M|TM\\.|Nơi nhận:?|BÍ THƯ|- |\\*|  +|\t|\n|[a-zđảộ]{1,5}|[A-ZĐẢỘ]{1,5}|I\\.|1\\.|,)",
                0..40,
            )
        ) {
            let text: String = parts.concat();
            let (document, framed) = framed(&text);
            let letters = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).count();
            let kept = letters(&framed.body)
                + framed.unplaced.iter().map(|line| letters(line)).sum::<usize>()
                + letters(&serde_json::to_string(&document.meta).unwrap_or_default())
                + letters(&serde_json::to_string(&document.closing).unwrap_or_default());
            proptest::prop_assert!(kept > 0 || letters(&text) == 0);
        }
    }

    #[test]
    fn cells_of_a_flattened_line() {
        assert_eq!(
            header_cells("Số 12-BC/ĐU Lấp Vò, ngày 05 tháng 01 năm 2026"),
            ["Số 12-BC/ĐU", "Lấp Vò, ngày 05 tháng 01 năm 2026"]
        );
        assert_eq!(
            header_cells("ĐẢNG ỦY TRƯỜNG THPT LẤP VÒ 2 Lấp Vò, ngày 05 tháng 01 năm 2026"),
            [
                "ĐẢNG ỦY TRƯỜNG THPT LẤP VÒ 2",
                "Lấp Vò, ngày 05 tháng 01 năm 2026"
            ]
        );
        assert_eq!(
            header_cells("UBND XÃ A Độc lập - Tự do - Hạnh phúc"),
            ["UBND XÃ A", "Độc lập - Tự do - Hạnh phúc"]
        );
        assert_eq!(
            parse_date_line("Hà Nội, ngày 14/02/2017").1,
            DocDate {
                day: Some(14),
                month: Some(2),
                year: Some(2017)
            }
        );
    }
}
