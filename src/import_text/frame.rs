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

use super::starts_with_ignoring_case;
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

/// The right column's heading of mass organisations ("ĐOÀN TNCS HỒ CHÍ
/// MINH" over the Youth Union's header): a motto, not a body's name; it
/// implies no ruleset.
const ORGANISATION_MOTTOS: [&str; 6] = [
    "ĐOÀN TNCS HỒ CHÍ MINH",
    "ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH",
    "HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM",
    "HỘI NÔNG DÂN VIỆT NAM",
    "HỘI CỰU CHIẾN BINH VIỆT NAM",
    "CÔNG ĐOÀN VIỆT NAM",
];

/// Words that give a body's level and start its place name ("XÃ BÌNH
/// MINH" under "ỦY BAN NHÂN DÂN").
const LEVEL_WORDS: [&str; 9] = [
    "XÃ ",
    "PHƯỜNG ",
    "THỊ TRẤN ",
    "THỊ XÃ ",
    "HUYỆN ",
    "QUẬN ",
    "TỈNH ",
    "THÀNH PHỐ ",
    "ĐẶC KHU ",
];

/// Words that open the name of an issuing body; met after a complete
/// superior body on the same line ("ĐẢNG BỘ XÃ TÂN AN CHI BỘ ẤP 2"), they
/// start the issuing body.
const BODY_STARTS: [&str; 13] = [
    "CHI BỘ ",
    "ĐẢNG ỦY ",
    "ĐẢNG BỘ ",
    "TRƯỜNG ",
    "UBND ",
    "ỦY BAN ",
    "HỘI ",
    "BCH ",
    "BAN ",
    "CÔNG ĐOÀN ",
    "ĐOÀN ",
    "PHÒNG ",
    "TRẠM ",
];

/// Signers' positions that stand alone in a signature block when the
/// signer acts in their own name ("HIỆU TRƯỞNG", "CHỦ TỊCH"): the block
/// has no "T/M …" line.
const POSITIONS: [&str; 12] = [
    "HIỆU TRƯỞNG",
    "PHÓ HIỆU TRƯỞNG",
    "CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "BÍ THƯ",
    "PHÓ BÍ THƯ",
    "GIÁM ĐỐC",
    "PHÓ GIÁM ĐỐC",
    "TRƯỞNG BAN",
    "TRƯỞNG PHÒNG",
    "TRƯỞNG TRẠM",
    "CHI HỘI TRƯỞNG",
];

/// A position alone on its cell: "HIỆU TRƯỞNG", "TRƯỞNG PHÒNG VĂN HÓA - XÃ HỘI".
fn is_position(cell: &str) -> bool {
    let cell = cell.trim();
    is_all_caps(cell)
        && POSITIONS.iter().any(|position| {
            cell == *position
                || cell
                    .strip_prefix(position)
                    .is_some_and(|rest| rest.starts_with(' ') && cell.chars().count() < 60)
        })
}

/// How a signature block opens: "T/M ĐẢNG ỦY", "TM. ỦY BAN NHÂN DÂN",
/// "KT. CHỦ TỊCH" and their kin.
const SIGNING_PREFIXES: [&str; 10] = [
    "T/M ", "TM. ", "TM.", "K/T ", "KT. ", "KT.", "T/L ", "TL. ", "TUQ. ", "Q. ",
];

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
            .all(|c| matches!(c, '*' | '-' | '_' | '=' | '~' | '–' | '—' | '|'))
}

/// "Số 12-BC/ĐU" or "Số: 02/BC-UBND" at the start of `cell`: the number and
/// symbol, and what follows it on the same line.
fn number_symbol(cell: &str) -> Option<(String, &str)> {
    let rest = cell
        .strip_prefix("Số")
        .or_else(|| cell.strip_prefix("SỐ"))?;
    let rest = rest.trim_start_matches([':', ' ', '\t', '\u{a0}']);
    let mut end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    // "07/ BC-CB", "07 -BC/ĐU": pieces of one number typed with spaces.
    loop {
        let after = &rest[end..];
        let next_start = end + (after.len() - after.trim_start().len());
        let next_end = rest[next_start..]
            .find(char::is_whitespace)
            .map_or(rest.len(), |at| next_start + at);
        let next = &rest[next_start..next_end];
        let joins = !next.is_empty()
            && next_start - end <= 2
            && (rest[..end].ends_with(['/', '-']) || next.starts_with(['/', '-']))
            && !next.contains(',');
        if !joins {
            break;
        }
        end = next_end;
    }
    let token: String = rest[..end].split_whitespace().collect();
    let looks_like_symbol = token.chars().any(|c| c.is_ascii_digit()) && token.contains(['/', '-'])
        || token.starts_with(['/', '-', '.']) && token.contains('/');
    looks_like_symbol.then(|| (token, rest[end..].trim()))
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
            // "Số       /BC-UBND": a number not yet written, then its symbol.
            Some(last)
                if blank_number(last)
                    && (cell.starts_with(['/', '-', '.', '…', '_'])
                        || number_symbol(&format!("Số {cell}")).is_some()) =>
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
    let mottos = NATIONAL_LINES
        .iter()
        .map(|(line, _)| *line)
        .chain(ORGANISATION_MOTTOS);
    for line in mottos {
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

/// An organisation's motto at the start of `cell`: "ĐOÀN TNCS HỒ CHÍ MINH".
fn organisation_motto(cell: &str) -> bool {
    ORGANISATION_MOTTOS
        .iter()
        .any(|motto| cell.starts_with(motto))
}

/// True when `text` names a level and a place after it: "ĐẢNG BỘ XÃ TÂN
/// AN", "UBND XÃ MỸ THỌ" (not "ĐẢNG ỦY", not "ỦY BAN NHÂN DÂN").
fn has_level_and_place(text: &str) -> bool {
    LEVEL_WORDS.iter().any(|word| {
        text.match_indices(word).any(|(at, _)| {
            (at == 0 || text[..at].ends_with(' ')) && !text[at + word.len()..].trim().is_empty()
        })
    })
}

/// A cell that starts with a level word: "XÃ BÌNH MINH", the second line of
/// "ỦY BAN NHÂN DÂN / XÃ BÌNH MINH". "HUYỆN ỦY …" is a body of its own.
fn starts_with_level(text: &str) -> bool {
    LEVEL_WORDS
        .iter()
        .any(|word| text.starts_with(word) && !text[word.len()..].starts_with("ỦY"))
}

/// The bodies' names read from the header's left column, put together:
/// a line that only gives the level and place ("XÃ BÌNH MINH") completes the
/// name above it ("ỦY BAN NHÂN DÂN"); a single line holding both the
/// superior and the issuing body ("ĐẢNG BỘ XÃ TÂN AN CHI BỘ ẤP 2") is cut
/// where the second starts.
fn bodies_in_order(cells: Vec<String>) -> Vec<String> {
    let mut bodies: Vec<String> = Vec::new();
    for cell in cells {
        match bodies.last_mut() {
            Some(last) if starts_with_level(&cell) && !has_level_and_place(last) => {
                last.push(' ');
                last.push_str(&cell);
            }
            _ => bodies.push(cell),
        }
    }
    if let [only] = bodies.as_slice() {
        if let Some((superior, issuing)) = split_one_line_bodies(only) {
            return vec![superior, issuing];
        }
    }
    bodies
}

/// "ĐẢNG BỘ XÃ TÂN AN CHI BỘ ẤP 2" as its superior and issuing body.
fn split_one_line_bodies(text: &str) -> Option<(String, String)> {
    text.match_indices(' ')
        .map(|(at, _)| at)
        .find(|&at| {
            let rest = &text[at + 1..];
            BODY_STARTS.iter().any(|start| rest.starts_with(start))
                && has_level_and_place(&text[..at])
        })
        .map(|at| {
            (
                text[..at].trim().to_owned(),
                text[at + 1..].trim().to_owned(),
            )
        })
}

/// Lines of a header whose cells were split over two lines when it was
/// copied out of a table: "CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM",
/// "Thạnh Phú, ngày 20" / "tháng 11 năm 2025", "Số:" / "112/BC-UBND".
/// Joined again within the first lines of `text`.
fn join_split_header_lines(text: &str) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    let mut seen = 0;
    let mut i = 0;
    while i + 1 < lines.len() && seen < 24 {
        let here = lines[i].trim_end().to_owned();
        if here.trim().is_empty() {
            i += 1;
            continue;
        }
        seen += 1;
        let Some(next) = (i + 1..lines.len()).find(|&j| !lines[j].trim().is_empty()) else {
            break;
        };
        let following = lines[next].trim().to_owned();
        let joins = (here.ends_with("CỘNG HÒA XÃ HỘI") || here.ends_with("CỘNG HOÀ XÃ HỘI"))
            && following.starts_with("CHỦ NGHĨA VIỆT NAM")
            || here.contains(", ngày") && !here.contains("tháng") && following.starts_with("tháng")
            || blank_number(here.trim())
                && number_symbol(&format!("Số {following}")).is_some()
                && next == i + 1;
        if joins {
            lines[i] = format!("{here} {following}");
            lines.remove(next);
        } else {
            i += 1;
        }
    }
    lines.join("\n")
}

fn is_header_anchor(cell: &str) -> bool {
    national_line(cell).is_some()
        || organisation_motto(cell)
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

/// True when `cell` completes `position` on the next line: "TRƯỞNG PHÒNG"
/// then "VĂN HÓA - XÃ HỘI" (a name in capitals has no dash and three words
/// or more).
fn position_continues(position: &str, cell: &str) -> bool {
    let open_ended = ["PHÒNG", "BAN", "TRẠM", "TRUNG TÂM"]
        .iter()
        .any(|end| position.ends_with(end));
    open_ended
        && is_all_caps(cell)
        && (cell.contains(['-', '–', '&']) || cell.split_whitespace().count() < 3)
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
    if header_cells(line).iter().any(|cell| is_header_anchor(cell)) {
        // "*   Phú Tân, ngày 22 tháng 9 năm 2025": the star under the
        // issuing body, then the date line.
        return false;
    }
    let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
    super::is_doc_type(&line)
        || line.chars().count() > MAX_HEADER_CELL_CHARS
        || !matches!(
            super::classify(&line),
            super::Line::Text(_) | super::Line::Header(_) | super::Line::Leftover(_)
        )
}

/// True for a line that belongs in a frame: a motto, "Số …", a date line,
/// "Nơi nhận:", a signing authority.
pub(super) fn is_frame_line(line: &str) -> bool {
    is_header_anchor(line) || is_recipients_label(line) || signing_prefix(line)
}

/// Reads the frame out of `text` into `document` and returns the body.
pub(super) fn read_frame(text: &str, document: &mut Document) -> Framed {
    let prepared = join_split_header_lines(text);
    let lines: Vec<&str> = prepared.split('\n').collect();
    let mut unplaced = Vec::new();

    // The header: the first lines up to the last one that holds a header
    // anchor (motto, "Số …", date line), within the first twelve that have
    // text.
    // Rules and the "|" of a table's cells do not count.
    let with_text: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty() && !is_rule(lines[i]))
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
        // "Chia sẻ  Facebook  Zalo  In bài": a website's bar above the
        // header is one leftover line, not one per button.
        // So is a line of a website's in sentence case ("Cỡ chữ: A- A A+
        // In trang  Gửi email"): no cell of it belongs in a header.
        let cells = header_cells(line);
        let anchored = cells.iter().any(|cell| is_header_anchor(cell));
        let web_line = cells.len() > 1
            && cells.iter().all(|cell| {
                !is_all_caps(cell)
                    && national_line(cell).is_none()
                    && motto_at(cell).is_none()
                    && number_symbol(cell).is_none()
                    && date_line_at(cell).is_none()
                    && !blank_number(cell)
                    && !is_rule(cell)
            });
        if !anchored && (web_line || super::leftovers::is_web_leftover(line)) {
            unplaced.push(line.split_whitespace().collect::<Vec<_>>().join(" "));
            continue;
        }
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
            } else if organisation_motto(&cell) {
                // The draft has no field for an organisation's motto.
                unplaced.push(cell);
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
            } else if is_all_caps(&cell) && !cell.contains("BÁO CÁO") {
                bodies.push(cell);
            } else {
                // A website's headline ("… BÁO CÁO KẾT QUẢ …"), its date
                // and view count above the header.
                unplaced.push(cell);
            }
        }
    }
    let mut bodies = bodies_in_order(bodies);
    match bodies.len() {
        0 => {}
        1 => document.meta.issuing_body = bodies.remove(0),
        _ => {
            // Since 2025 a chi bộ names two levels above it ("ĐẢNG BỘ TỈNH
            // …" / "ĐẢNG ỦY XÃ …" / "CHI BỘ …"): the last line that opens
            // a body's name starts the issuing body, the lines above it are
            // the superior bodies, one per line, and what follows it is the
            // rest of its name.
            let issuing = (2..bodies.len())
                .rev()
                .find(|&at| {
                    BODY_STARTS
                        .iter()
                        .any(|start| bodies[at].starts_with(start))
                })
                .unwrap_or(1);
            let rest = bodies.split_off(issuing);
            document.meta.superior_body = bodies.join("\n");
            document.meta.issuing_body = rest.join(" ");
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
    let opens_closing_line = |line: &str| {
        padded_cells(line).iter().any(|cell| {
            let mut cells = Vec::new();
            split_closing_cell(cell, &mut cells);
            cells.iter().any(|cell| {
                signing_prefix(&capitals_font(cell).unwrap_or_else(|| cell.clone()))
                    || is_recipients_label(cell)
            })
        })
    };
    // A position alone ("HIỆU TRƯỞNG") opens the block when a name follows
    // it within three lines.
    let opens_closing = |i: usize| {
        opens_closing_line(lines[i])
            || is_position(lines[i])
                && lines[i + 1..]
                    .iter()
                    .filter(|line| !line.trim().is_empty())
                    .take(3)
                    .any(|line| padded_cells(line).iter().any(|cell| is_name(cell)))
    };
    // Appendices after the signature ("PHỤ LỤC …") are read with the body,
    // after it; the closing ends where the first one starts.
    let appendix_start = (header_end..lines.len())
        .filter(|&i| super::division::appendix_line(lines[i]).is_some())
        .find(|&i| (header_end..i).any(opens_closing))
        .unwrap_or(lines.len());
    let after_last_heading = (header_end..appendix_start)
        .rev()
        .find(|&i| is_heading(lines[i]))
        .map_or(header_end, |i| i + 1);
    let closing_start = (after_last_heading..appendix_start)
        .find(|&i| opens_closing(i))
        .unwrap_or(appendix_start);

    let mut body: Vec<String> = lines[header_end..closing_start]
        .iter()
        .map(|line| (*line).to_owned())
        .collect();
    let closing = &mut document.closing;
    let mut in_recipients = false;
    for line in &lines[closing_start..appendix_start] {
        if super::leftovers::is_page_furniture(line) {
            // A running footer under the signature: one line, listed.
            unplaced.push(line.split_whitespace().collect::<Vec<_>>().join(" "));
            continue;
        }
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
            } else if is_rule(trimmed) {
                // "|" between a table's cells, a rule: decoration.
            } else if signing_prefix(trimmed) && closing.signing_authority.is_empty() {
                closing.signing_authority = trimmed.to_owned();
            } else if signing_prefix(trimmed)
                && closing.position.is_empty()
                && closing.signer_name.is_empty()
            {
                // "TM. ỦY BAN NHÂN DÂN" then "KT. CHỦ TỊCH": both are
                // printed above the position. The field is one line (an
                // input), so they are joined with a space.
                closing.signing_authority.push(' ');
                closing.signing_authority.push_str(trimmed);
            } else if closing.position.is_empty()
                && (!closing.signing_authority.is_empty() || is_position(trimmed))
                && is_all_caps(trimmed)
                && !signing_prefix(trimmed)
            {
                closing.position = trimmed.to_owned();
            } else if closing.signer_name.is_empty()
                && position_continues(&closing.position, trimmed)
            {
                // "TRƯỞNG PHÒNG" / "VĂN HÓA - XÃ HỘI".
                closing.position.push(' ');
                closing.position.push_str(trimmed);
            } else if (!closing.signing_authority.is_empty() || !closing.position.is_empty())
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
        // The second authority line is kept with the first (the field is
        // one line).
        assert_eq!(
            closing.signing_authority,
            "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"
        );
        assert_eq!(closing.recipients, ["UBND huyện;", "Lưu: VT."]);
        assert_eq!(closing.signer_name, "Trần Thị B");
        assert_eq!(closing.position, "PHÓ CHỦ TỊCH");
        assert!(framed.unplaced.is_empty(), "{:?}", framed.unplaced);
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

    #[test]
    fn regression_number_typed_with_spaces() {
        for (line, number) in [
            ("Số : 07/ BC-CB", "07/BC-CB"),
            ("Số:07 -BC/ĐU", "07-BC/ĐU"),
            ("Số:  24/BC-THCT2", "24/BC-THCT2"),
            ("Số       /BC-UBND", "/BC-UBND"),
        ] {
            let cells = header_cells(line);
            assert_eq!(cells.len(), 1, "{cells:?}");
            assert_eq!(
                number_symbol(&cells[0]).map(|(n, _)| n),
                Some(number.to_owned())
            );
        }
        // A date after the number stays a cell of its own.
        assert_eq!(
            header_cells("Số:07 -BC/ĐU An Hiệp, ngày 05 tháng 01 năm 2025"),
            ["Số 07-BC/ĐU", "An Hiệp, ngày 05 tháng 01 năm 2025"]
        );
    }

    /// Since 2025 a chi bộ's header names two levels above it: both are
    /// superior bodies, one per line; a long issuing name wrapped onto a
    /// second line stays one name.
    #[test]
    fn two_levels_above_a_chi_bo_are_two_superior_lines() {
        let text = "ĐẢNG BỘ TỈNH ĐỒNG THÁP                ĐẢNG CỘNG SẢN VIỆT NAM\n\
ĐẢNG ỦY XÃ LẤP VÒ              Lấp Vò, ngày 15 tháng 12 năm 2026\n\
CHI BỘ TRƯỜNG THPT\n\
LẤP VÒ 2\n\
*\n\
Số 05-BC/CB\nBÁO CÁO\ntổng kết\nI. MỘT\n";
        let (document, _) = framed(text);
        assert_eq!(
            document.meta.superior_body,
            "ĐẢNG BỘ TỈNH ĐỒNG THÁP\nĐẢNG ỦY XÃ LẤP VÒ"
        );
        assert_eq!(document.meta.issuing_body, "CHI BỘ TRƯỜNG THPT LẤP VÒ 2");
        assert_eq!(document.meta.place, "Lấp Vò");
    }

    #[test]
    fn regression_superior_and_issuing_body_on_one_line() {
        let text = "ĐẢNG BỘ XÃ HÒA LỢI CHI BỘ ẤP 2          ĐẢNG CỘNG SẢN VIỆT NAM\n\
Số 09-BC/CB                          Hòa Lợi, ngày 10 tháng 6 năm 2025\nBÁO CÁO\nsơ kết\nI. MỘT\n";
        let (document, _) = framed(text);
        assert_eq!(document.meta.superior_body, "ĐẢNG BỘ XÃ HÒA LỢI");
        assert_eq!(document.meta.issuing_body, "CHI BỘ ẤP 2");
        // Names with a second body's word inside stay whole.
        for name in [
            "ĐẢNG ỦY TRƯỜNG THPT LẤP VÒ 2",
            "BCH HỘI NÔNG DÂN XÃ TÂN QUỚI",
            "BCH ĐOÀN XÃ KHÁNH BÌNH",
            "ỦY BAN NHÂN DÂN XÃ BÌNH MINH",
        ] {
            assert_eq!(split_one_line_bodies(name), None, "{name}");
        }
    }

    #[test]
    fn regression_state_body_name_over_two_lines() {
        let text = "ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
XÃ BÌNH MINH                            Độc lập - Tự do - Hạnh phúc\n\
Số       /BC-UBND                  Bình Minh, ngày     tháng 12 năm 2025\nBÁO CÁO\nTình hình\n";
        let (document, framed) = framed(text);
        assert_eq!(document.meta.superior_body, "");
        assert_eq!(document.meta.issuing_body, "ỦY BAN NHÂN DÂN XÃ BÌNH MINH");
        assert_eq!(document.meta.number_symbol, "/BC-UBND");
        assert!(framed.unplaced.is_empty(), "{:?}", framed.unplaced);
        // "HUYỆN ỦY …" under another body is a body of its own.
        assert_eq!(
            bodies_in_order(vec!["ĐẢNG BỘ TỈNH A".into(), "HUYỆN ỦY B".into()]).len(),
            2
        );
    }

    #[test]
    fn regression_header_cells_split_by_a_table_copy() {
        let text =
            "ỦY BAN NHÂN DÂN\nXÃ THẠNH PHÚ\n-------\n|\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\n\
Độc lập - Tự do - Hạnh phúc\n---------------\n|\nSố: 112/BC-UBND\n|\nThạnh Phú, ngày 20\n\
tháng 11 năm 2025\n|\nBÁO CÁO\nKẾT QUẢ\nI. MỘT\n";
        let (document, framed) = framed(text);
        let meta = &document.meta;
        assert_eq!(meta.ruleset, Ruleset::State);
        assert_eq!(meta.issuing_body, "ỦY BAN NHÂN DÂN XÃ THẠNH PHÚ");
        assert_eq!(meta.number_symbol, "112/BC-UBND");
        assert_eq!(meta.place, "Thạnh Phú");
        assert_eq!(meta.date.day, Some(20));
        assert_eq!(meta.date.month, Some(11));
        assert!(framed.unplaced.is_empty(), "{:?}", framed.unplaced);
        // Only the last "|" is left in the body, where it is a rule.
        assert!(
            framed.body.trim_start().starts_with("|\nBÁO CÁO"),
            "{}",
            framed.body
        );
    }

    #[test]
    fn regression_star_under_the_body_on_the_date_line() {
        let text = "ĐẢNG BỘ TỈNH AN GIANG                ĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY XÃ PHÚ TÂN\n\
          *                    Phú Tân, ngày 22 tháng 9 năm 2025\nSố 31-BC/ĐU\n\nBÁO CÁO\nkết quả\n";
        let (document, framed) = framed(text);
        assert_eq!(document.meta.issuing_body, "ĐẢNG ỦY XÃ PHÚ TÂN");
        assert_eq!(document.meta.number_symbol, "31-BC/ĐU");
        assert_eq!(document.meta.place, "Phú Tân");
        assert!(framed.unplaced.is_empty(), "{:?}", framed.unplaced);
    }

    #[test]
    fn regression_youth_union_motto_is_not_a_body() {
        let text =
            "BCH ĐOÀN TỈNH CÀ MAU            ĐOÀN TNCS HỒ CHÍ MINH\nBCH ĐOÀN XÃ KHÁNH BÌNH\n***\n\
Số: 41-BC/ĐTN          Khánh Bình, ngày 10 tháng 12 năm 2025\nBÁO CÁO\nTổng kết\n";
        let (document, framed) = framed(text);
        assert_eq!(document.meta.superior_body, "BCH ĐOÀN TỈNH CÀ MAU");
        assert_eq!(document.meta.issuing_body, "BCH ĐOÀN XÃ KHÁNH BÌNH");
        // The draft has no field for it: listed.
        assert_eq!(framed.unplaced, ["ĐOÀN TNCS HỒ CHÍ MINH"]);
    }

    #[test]
    fn regression_website_headline_in_capitals_above_the_header() {
        let text = "CHI BỘ TRƯỜNG THCS A BÁO CÁO KẾT QUẢ NĂM 2025\nLượt xem: 203\n\
ĐẢNG BỘ XÃ PHÚ HÒA                      ĐẢNG CỘNG SẢN VIỆT NAM\nCHI BỘ TRƯỜNG THCS A\n\
Số 11-BC/CB                       Phú Hòa, ngày 08 tháng 12 năm 2025\nBÁO CÁO\nkết quả\n";
        let (document, framed) = framed(text);
        assert_eq!(document.meta.superior_body, "ĐẢNG BỘ XÃ PHÚ HÒA");
        assert_eq!(document.meta.issuing_body, "CHI BỘ TRƯỜNG THCS A");
        assert_eq!(framed.unplaced.len(), 2, "{:?}", framed.unplaced);
    }

    #[test]
    fn regression_position_alone_signs_without_recipients() {
        let text = "BÁO CÁO\nTổng kết\nI. MỘT\nNội dung.\n\n                  HIỆU TRƯỞNG\n               Phạm Thị Thu Trang\n";
        let (document, read) = framed(text);
        let closing = &document.closing;
        assert_eq!(closing.signing_authority, "");
        assert_eq!(closing.position, "HIỆU TRƯỞNG");
        assert_eq!(closing.signer_name, "Phạm Thị Thu Trang");
        assert!(read.body.trim_end().ends_with("Nội dung."));
        // A position word inside a sentence opens nothing.
        let (document, _) = framed("I. MỘT\nHiệu trưởng báo cáo.\n");
        assert_eq!(document.closing.position, "");
    }

    #[test]
    fn regression_position_over_two_lines_beside_recipients() {
        let text = "I. MỘT\nNội dung.\nNơi nhận:                    TUQ. CHỦ TỊCH\n\
- Sở Nông nghiệp;            TRƯỞNG PHÒNG\n- Lưu: VT.             VĂN HÓA - XÃ HỘI\n                  (Đã ký)\n              Lý Thị Bích Ngọc\n";
        let (document, _) = framed(text);
        let closing = &document.closing;
        assert_eq!(closing.signing_authority, "TUQ. CHỦ TỊCH");
        assert_eq!(closing.position, "TRƯỞNG PHÒNG VĂN HÓA - XÃ HỘI");
        assert_eq!(closing.signer_name, "Lý Thị Bích Ngọc");
        assert_eq!(closing.recipients.len(), 2);
    }

    // -- tfix --

    #[test]
    fn regression_a_website_bar_was_listed_one_button_at_a_time() {
        let text = "Gửi bài  Bình chọn  Thu gọn  Phóng to\nỦY BAN NHÂN DÂN XÃ A      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n                     Độc lập - Tự do - Hạnh phúc\nSố: 3/BC-UBND          Tân An, ngày 02 tháng 3 năm 2026\nBÁO CÁO\nkết quả\nI. MỘT\nNội dung.\n";
        let (document, framed) = framed(text);
        assert_eq!(framed.unplaced, ["Gửi bài Bình chọn Thu gọn Phóng to"]);
        assert_eq!(document.meta.issuing_body, "ỦY BAN NHÂN DÂN XÃ A");
    }

    #[test]
    fn regression_a_running_footer_under_the_signature_was_split_in_two() {
        let text = "BÁO CÁO\nkết quả\nI. MỘT\nNội dung.\nNơi nhận:                          CHỦ TỊCH\n- Lưu.\n                         Trần Văn Ba\nBáo cáo năm 2026 - Hội Nông dân xã A           Trang 3/3\n";
        let (document, framed) = framed(text);
        assert_eq!(
            framed.unplaced,
            ["Báo cáo năm 2026 - Hội Nông dân xã A Trang 3/3"]
        );
        assert_eq!(document.closing.signer_name, "Trần Văn Ba");
    }
}
