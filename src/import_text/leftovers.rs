//! What websites and PDF copies leave in a report's text, taken out of the
//! body before it is read: a post's breadcrumb, date and view count, photo
//! captions, share buttons, the lists of links after the post; a PDF's page
//! numbers ("2", "- 3 -", "Trang 4/7") and the running header repeated at
//! each page's top. Each is listed as unplaced, never dropped silently.
//!
//! It also puts back what the copy broke: a website's headline "BÁO CÁO
//! …" becomes the title and subject when the text has no title line of its
//! own; a part's number left alone at the bottom of a page ("II.") meets
//! its heading again; and lines a PDF hard-wrapped mid-sentence are joined,
//! even where the next line starts with a capital or a figure.

use super::{classify, Line};
use super::{equals_ignoring_case, starts_with_ignoring_case};

/// The body with the leftovers taken out, and the leftovers.
pub(super) struct Cleaned {
    pub body: String,
    pub unplaced: Vec<String>,
}

/// How lines that a website adds start (any case).
const WEB_PREFIXES: [&str; 29] = [
    "Bản quyền thuộc",
    "Lượt xem",
    "Số lượt xem",
    "Lượt đọc",
    "Lượt truy cập",
    "Cập nhật lúc",
    "Cập nhật:",
    "Ngày cập nhật",
    "Đăng lúc",
    "Ngày đăng",
    "Người đăng",
    "Ngày xuất bản",
    "Nguồn tin:",
    "Nguồn ảnh",
    "Từ khóa:",
    "Từ khoá:",
    "Thẻ:",
    "Tags:",
    "Tag:",
    "Đánh giá bài viết",
    "Đính kèm:",
    "File đính kèm",
    "Copyright",
    "©",
    "Ảnh:",
    "(Ảnh:",
    "Ảnh minh họa",
    "In bài viết",
    "Gửi email",
];

/// Starts of website lines that a report's sentence may also have
/// ("Chia sẻ kinh nghiệm …", "Nguồn: số liệu …" under a table): leftovers
/// only on a short line that ends no sentence.
const SOFT_WEB_PREFIXES: [&str; 11] = [
    "Chia sẻ",
    "Bình luận",
    "Bản quyền",
    "Cổng thông tin điện tử",
    "Trang thông tin điện tử",
    "Trang chủ",
    "Tải về",
    "Tải xuống",
    "In trang",
    "Nguồn:",
    "Xem thêm",
];

/// Whole lines that a website adds: share buttons, navigation.
const WEB_LINES: [&str; 9] = [
    "In",
    "Facebook",
    "Zalo",
    "Twitter",
    "Email",
    "Quay lại",
    "Về đầu trang",
    "Lên đầu trang",
    "Bản in",
];

/// Headings of the lists of links under a post; the links after them are
/// leftovers too.
const LINK_HEADINGS: [&str; 16] = [
    "Tin liên quan",
    "Các tin khác",
    "Tin khác",
    "Tin cùng chuyên mục",
    "Bài viết liên quan",
    "Bài viết khác",
    "Các bài viết khác",
    "Tin bài gần đây",
    "Văn bản khác",
    "Tin mới hơn",
    "Tin cũ hơn",
    "Tin mới",
    "Tin đọc nhiều",
    "Tin xem nhiều",
    "Xem thêm",
    "Chia sẻ",
];

/// Days of the week that open a post's date line ("Thứ hai, 15/12/2025 -
/// 08:30").
const WEEKDAYS: [&str; 2] = ["Thứ ", "Chủ nhật"];

/// Lines that open a paragraph of their own even after a line ending in
/// ";": the grounds of a report ("Căn cứ …;" one under another).
const PARAGRAPH_OPENERS: [&str; 3] = ["Căn cứ", "Thực hiện", "Xét"];

/// "15/12/2025", "15/12", "15-12-2025" somewhere in `text`.
fn has_date(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(5).any(|w| {
        w[0].is_ascii_digit()
            && w[1].is_ascii_digit()
            && matches!(w[2], '/' | '-')
            && w[3].is_ascii_digit()
            && (w[4].is_ascii_digit() || w[4] == '/' || w[4] == '-')
    }) || chars.windows(4).any(|w| {
        w[0].is_ascii_digit()
            && matches!(w[1], '/' | '-')
            && w[2].is_ascii_digit()
            && (w[3].is_ascii_digit() || w[3] == '/')
    })
}

/// A line of a website's list of links: a title with its date in
/// brackets, "Hội nghị … (15/10/2024)".
fn is_link(line: &str) -> bool {
    let line = line.trim_start_matches(['-', '–', '•', '»', '>', '*', ' ']);
    let Some(open) = line.rfind('(') else {
        return false;
    };
    line.ends_with(')') && has_date(&line[open..]) && line.chars().count() < 250
}

/// A breadcrumb or a menu: short pieces between "›", "»", ">", "|", "/".
fn is_breadcrumb(line: &str) -> bool {
    let separators = [" › ", " » ", " > ", " | ", " / "];
    let count: usize = separators
        .iter()
        .map(|separator| line.matches(separator).count())
        .sum();
    let pieces_short = line
        .split(['›', '»', '>', '|', '/'])
        .all(|piece| piece.trim().chars().count() <= 40);
    count >= 2 && pieces_short && !line.ends_with(['.', ';', ':']) && line.chars().count() < 160
}

/// A post's date and time line: "Thứ hai, 15/12/2025 - 08:30",
/// "12/12/2025 07:45".
fn is_date_time_line(line: &str) -> bool {
    let date_and_time = |text: &str| {
        has_date(text)
            && text.chars().all(|c| {
                c.is_ascii_digit()
                    || matches!(
                        c,
                        '/' | '-'
                            | '–'
                            | ':'
                            | ' '
                            | ','
                            | '|'
                            | '['
                            | ']'
                            | '+'
                            | 'G'
                            | 'M'
                            | 'T'
                            | 'h'
                    )
            })
    };
    let after_weekday = WEEKDAYS
        .iter()
        .any(|day| starts_with_ignoring_case(line, day))
        .then(|| line.split_once(','))
        .flatten()
        .filter(|(day, _)| day.chars().count() <= 10)
        .is_some_and(|(_, rest)| date_and_time(rest));
    line.chars().count() <= 60 && (after_weekday || date_and_time(line))
}

/// True for a line a website adds around a post.
pub(super) fn is_web_leftover(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty()
        && (WEB_PREFIXES
            .iter()
            .any(|prefix| starts_with_ignoring_case(line, prefix))
            || SOFT_WEB_PREFIXES
                .iter()
                .any(|prefix| starts_with_ignoring_case(line, prefix))
                && line.chars().count() <= 100
                && !line.ends_with(['.', ';', ':'])
            || WEB_LINES
                .iter()
                .chain(LINK_HEADINGS.iter())
                .any(|whole| equals_ignoring_case(line.trim_end_matches(':'), whole))
            || is_breadcrumb(line)
            || is_date_time_line(line))
}

fn is_link_heading(line: &str) -> bool {
    LINK_HEADINGS
        .iter()
        .any(|heading| equals_ignoring_case(line.trim().trim_end_matches(':'), heading))
}

/// A page number alone on its line: "- 3 -", "Trang 4/7", and "2" when a
/// blank line or the text's edge is next to it.
fn is_page_number(line: &str, blank_beside: bool) -> bool {
    let line = line.trim();
    let digits = |text: &str| {
        let text = text.trim();
        !text.is_empty() && text.len() <= 3 && text.chars().all(|c| c.is_ascii_digit())
    };
    let dashed = line
        .strip_prefix(['-', '–', '—'])
        .and_then(|rest| rest.strip_suffix(['-', '–', '—']))
        .is_some_and(digits);
    let page_of = |line: &str| {
        ["Trang ", "TRANG ", "Page "].iter().any(|word| {
            line.strip_prefix(word).is_some_and(|rest| {
                let (page, total) = rest.split_once('/').unwrap_or((rest, "1"));
                digits(page) && digits(total)
            })
        })
    };
    // "Báo cáo tổng kết …              Trang 1/2": a running footer with
    // its page number in a column of its own.
    let footer = line
        .rsplit_once("   ")
        .or_else(|| line.rsplit_once('\t'))
        .is_some_and(|(head, tail)| {
            let head = head.trim();
            !head.is_empty()
                && head.chars().count() < 150
                && !head.ends_with(['.', ':', ';'])
                && page_of(tail.trim())
        });
    dashed || page_of(line) || footer || digits(line) && blank_beside
}

/// A page number or running footer met in the frame's lines (after the
/// signature): "Trang 2/2", "Báo cáo … Trang 2/2", "- 3 -", or a number
/// pushed to the right margin.
pub(super) fn is_page_furniture(line: &str) -> bool {
    let raw = line.trim_end();
    let indented = raw.len() - raw.trim_start().len() >= 10;
    !raw.trim().is_empty() && is_page_number(raw, indented)
}

/// "II.", "3.", "b)" alone: a number whose heading went on to the next
/// line, or the next page.
fn is_bare_number(line: &str) -> bool {
    let line = line.trim();
    let body = line.trim_end_matches(['.', '-', '/', ')']);
    let marks = line.len() - body.len();
    (1..=2).contains(&marks)
        && !body.is_empty()
        && (body.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
            || body.len() <= 2 && body.chars().all(|c| c.is_ascii_digit())
            || body.chars().count() == 1 && body.chars().all(char::is_lowercase))
}

/// A line with columns (tabs, runs of spaces): a table's row or a frame's
/// two columns, never joined.
fn has_columns(line: &str) -> bool {
    line.contains('\t') || line.trim().contains("   ")
}

fn is_all_caps(text: &str) -> bool {
    super::frame::is_all_caps(text)
}

/// True when `line` is plain text as far as the reader goes: no number,
/// bullet, label or leftover.
fn is_plain(line: &str) -> bool {
    let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
    matches!(classify(&line), Line::Text(_))
}

/// The width a PDF copy was hard-wrapped at, if the text was: no more than
/// one line longer than 100 characters, and at least four lines near the
/// longest.
fn wrap_width(lines: &[String]) -> Option<usize> {
    let lengths: Vec<usize> = lines
        .iter()
        .filter(|line| !line.trim().is_empty() && !has_columns(line))
        .map(|line| line.trim().chars().count())
        .collect();
    let over = lengths.iter().filter(|&&len| len > 100).count();
    let width = lengths.iter().copied().filter(|&len| len <= 100).max()?;
    let near = lengths
        .iter()
        .filter(|&&len| len + 15 >= width && len <= width)
        .count();
    // A copy hard-wrapped mid-sentence has lines that go on in lowercase
    // after a full line; a report typed line by line has none.
    let plain: Vec<&str> = lines
        .iter()
        .map(|line| line.trim())
        .filter(|line| !line.is_empty())
        .collect();
    let wrapped_in_lowercase = plain
        .windows(2)
        .filter(|pair| {
            pair[0].chars().count() + 15 >= width
                && !pair[0].ends_with(['.', ':', ';', '!', '?'])
                && pair[1].starts_with(char::is_lowercase)
        })
        .count();
    (over <= 1 && width >= 60 && near >= 4 && wrapped_in_lowercase >= 3).then_some(width)
}

/// True when `next` carries on the sentence of `previous` in a text
/// hard-wrapped at `width`.
fn continues(previous: &str, next: &str, width: usize) -> bool {
    let previous = previous.trim();
    let next = next.trim();
    let full = previous.chars().count() + 15 >= width;
    let ends_sentence = previous.ends_with(['.', ':', '!', '?']);
    let next_opens_paragraph = previous.ends_with(';')
        && PARAGRAPH_OPENERS
            .iter()
            .any(|opener| next.starts_with(opener));
    let open = !ends_sentence && !next_opens_paragraph;
    let caps_match = !is_all_caps(next) || is_all_caps(previous);
    full && open
        && caps_match
        && previous != "BÁO CÁO"
        && !has_columns(previous)
        && !has_columns(next)
        && is_plain(next)
}

/// The headline of a website's post, "BÁO CÁO TỔNG KẾT …" or "Báo cáo
/// tổng kết …", as the title "BÁO CÁO" and its subject.
fn headline_subject(line: &str) -> Option<&str> {
    let line = line.trim();
    let rest = line
        .strip_prefix("BÁO CÁO ")
        .or_else(|| line.strip_prefix("Báo cáo "))?;
    // "Báo cáo này gồm ba phần." is a sentence.
    (line.chars().count() < 250 && !rest.trim().is_empty() && !line.ends_with(['.', ':', ';']))
        .then(|| rest.trim())
}

/// Takes the leftovers out of `body` and mends what the copy broke.
pub(super) fn clean_body(body: &str) -> Cleaned {
    let lines: Vec<&str> = body.split('\n').collect();
    let count = lines.len();
    let blank = |i: usize| lines.get(i).is_none_or(|line| line.trim().is_empty());
    // Page furniture: page numbers, then running headers near them.
    let mut furniture = vec![false; count];
    for i in 0..count {
        // "2" pushed to the right margin, as a PDF copy leaves it, is a
        // page number even with text right above and below it.
        let raw = lines[i].trim_end();
        let indented = raw.len() - raw.trim_start().len() >= 10;
        let blank_beside = i == 0 || blank(i - 1) || blank(i + 1) || indented;
        furniture[i] = is_page_number(lines[i], blank_beside);
    }
    // How many lines with text come before each line, and the page numbers
    // nearest before and after it: a running header is within three lines
    // of one. (Linear, for texts of any length.)
    let mut with_text_before = vec![0usize; count + 1];
    for i in 0..count {
        with_text_before[i + 1] = with_text_before[i] + usize::from(!blank(i));
    }
    let mut page_before = vec![None; count];
    let mut last = None;
    for i in 0..count {
        page_before[i] = last;
        if furniture[i] {
            last = Some(i);
        }
    }
    let mut page_after = vec![None; count];
    let mut next = None;
    for i in (0..count).rev() {
        page_after[i] = next;
        if furniture[i] {
            next = Some(i);
        }
    }
    let between = |from: usize, to: usize| with_text_before[to] - with_text_before[from + 1];
    let near_page_number = |i: usize| {
        page_before[i].is_some_and(|page| between(page, i) < 3)
            || page_after[i].is_some_and(|page| between(i, page) < 3)
    };
    let candidates: Vec<usize> = (0..count)
        .filter(|&i| {
            let line = lines[i].trim();
            !line.is_empty()
                && !furniture[i]
                && line != "BÁO CÁO"
                && line.chars().count() < 120
                && near_page_number(i)
                && matches!(
                    classify(&line.split_whitespace().collect::<Vec<_>>().join(" ")),
                    Line::Text(_) | Line::Header(_)
                )
        })
        .collect();
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for &i in &candidates {
        *seen.entry(lines[i].trim()).or_default() += 1;
    }
    for &i in &candidates {
        if seen[lines[i].trim()] >= 2 {
            furniture[i] = true;
        }
    }

    // Website leftovers, and the lists of links under their headings. The
    // leftovers that `classify` knows stay in the body, where the reader
    // lists them in their place; the links are taken out here.
    let mut leftover = vec![false; count];
    let mut remove = vec![false; count];
    let mut in_links = false;
    for i in 0..count {
        let line = lines[i].trim();
        if line.is_empty() {
            continue;
        }
        if is_link_heading(line) {
            in_links = true;
        }
        let link = in_links && is_link(line);
        leftover[i] = link || is_web_leftover(line);
        remove[i] = link;
        if !leftover[i] {
            in_links = false;
        }
    }

    // The headline of a post that has no title line "BÁO CÁO".
    let has_title =
        (0..count).any(|i| lines[i].split_whitespace().collect::<Vec<_>>() == ["BÁO", "CÁO"]);
    let first_structure = (0..count)
        .find(|&i| {
            !leftover[i]
                && !furniture[i]
                && !lines[i].trim().is_empty()
                && !matches!(
                    classify(&lines[i].split_whitespace().collect::<Vec<_>>().join(" ")),
                    Line::Text(_) | Line::Header(_) | Line::Leftover(_) | Line::Author(_)
                )
        })
        .unwrap_or(count);
    // Among the first lines with text, before the first numbered line.
    let first_lines: Vec<usize> = (0..first_structure)
        .filter(|&i| !lines[i].trim().is_empty() && !leftover[i] && !furniture[i])
        .take(8)
        .collect();
    let headline = (!has_title)
        .then(|| {
            first_lines
                .iter()
                .copied()
                .rfind(|&i| headline_subject(lines[i]).is_some())
        })
        .flatten();
    if let Some(at) = headline {
        // What stands above the headline in sentence case is the
        // website's: its name, the post's title in other words. A title in
        // capitals stays the draft's title.
        for i in 0..at {
            let line = lines[i].trim();
            if !line.is_empty() && line.chars().count() < 200 && !is_all_caps(line) {
                remove[i] = true;
            }
        }
    }

    let mut unplaced = Vec::new();
    let mut kept: Vec<String> = Vec::new();
    for i in 0..count {
        if furniture[i] || remove[i] {
            unplaced.push(lines[i].trim().to_owned());
            continue;
        }
        // Blank lines around page furniture go with it, so that a
        // sentence broken by a page break meets its end again.
        let by_furniture =
            blank(i) && ((i > 0 && furniture[i - 1]) || (i + 1 < count && furniture[i + 1]));
        if by_furniture {
            continue;
        }
        if Some(i) == headline {
            let subject = headline_subject(lines[i]).unwrap_or_default();
            kept.push("BÁO CÁO".to_owned());
            kept.push(subject.to_owned());
            continue;
        }
        kept.push(lines[i].to_owned());
    }

    // "II." alone, its heading on the next line with text.
    let mut mended: Vec<String> = Vec::new();
    let mut bare: Option<String> = None;
    for line in kept {
        if let Some(number) = bare.take() {
            if line.trim().is_empty() {
                bare = Some(number);
                continue;
            }
            mended.push(format!("{} {}", number.trim(), line.trim()));
            continue;
        }
        if is_bare_number(&line) {
            bare = Some(line);
            continue;
        }
        mended.push(line);
    }
    mended.extend(bare);

    // Lines hard-wrapped mid-sentence.
    let mut joined: Vec<String> = Vec::new();
    match wrap_width(&mended) {
        Some(width) => {
            // The last physical line of the last joined line, which says
            // whether it was full.
            let mut physical = String::new();
            for line in mended {
                match joined.last_mut() {
                    Some(last)
                        if !line.trim().is_empty()
                            && !physical.trim().is_empty()
                            && continues(&physical, &line, width) =>
                    {
                        last.push(' ');
                        last.push_str(line.trim());
                    }
                    _ => joined.push(line.clone()),
                }
                physical = line;
            }
        }
        None => joined = mended,
    }
    Cleaned {
        body: joined.join("\n"),
        unplaced,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn regression_page_numbers_alone_on_a_line_are_listed() {
        let cleaned = clean_body("Một câu.\n\n- 2 -\n\nHai câu.\nTrang 3/7\nBa câu.\n\n4\n");
        assert_eq!(cleaned.unplaced, ["- 2 -", "Trang 3/7", "4"]);
        assert_eq!(cleaned.body, "Một câu.\nHai câu.\nBa câu.");
    }

    #[test]
    fn regression_a_figure_in_a_sentence_is_no_page_number() {
        // "2" with text on both sides is part of the text.
        let cleaned = clean_body("Tổng số là\n2\nđơn vị.");
        assert!(cleaned.unplaced.is_empty());
    }

    #[test]
    fn regression_running_header_repeated_at_each_page_top() {
        let text = "Câu một.\n\nTrang 1\n\nTRƯỜNG MẦM NON A\nCâu hai.\n\nTrang 2\n\nTRƯỜNG MẦM NON A\nCâu ba.";
        let cleaned = clean_body(text);
        assert_eq!(
            cleaned.unplaced,
            ["Trang 1", "TRƯỜNG MẦM NON A", "Trang 2", "TRƯỜNG MẦM NON A"]
        );
        assert_eq!(cleaned.body, "Câu một.\nCâu hai.\nCâu ba.");
    }

    #[test]
    fn regression_website_view_count_date_and_captions_are_listed() {
        let text = "Trang chủ > Tin tức > Hoạt động\nThứ hai, 15/12/2025 - 08:30\nLượt xem: 125\nNội dung.\nẢnh: Quang cảnh hội nghị\nNguồn: Văn phòng";
        for line in text.lines().filter(|line| *line != "Nội dung.") {
            assert!(is_web_leftover(line), "{line}");
            assert!(matches!(classify(line), Line::Leftover(_)), "{line}");
        }
        assert!(!is_web_leftover("Nội dung."));
        assert!(!is_web_leftover(
            "Chia sẻ kinh nghiệm giữa các tổ chuyên môn được duy trì hằng tháng."
        ));
        assert!(!is_web_leftover(
            "Cổng thông tin điện tử của xã được cập nhật thường xuyên."
        ));
        assert!(!is_web_leftover(
            "Thứ hai là công tác kiểm tra, giám sát 15/12 chi bộ."
        ));
    }

    #[test]
    fn regression_link_list_after_the_post() {
        let text = "Nội dung.\nTin liên quan\nHội nghị viên chức (15/10/2024)\n- Lễ khai giảng (05/9/2024)\n";
        let cleaned = clean_body(text);
        assert_eq!(
            cleaned.unplaced,
            [
                "Hội nghị viên chức (15/10/2024)",
                "- Lễ khai giảng (05/9/2024)"
            ]
        );
        assert_eq!(cleaned.body, "Nội dung.\nTin liên quan\n");
    }

    #[test]
    fn regression_headline_with_bao_cao_becomes_title_and_subject() {
        let text =
            "Cổng thông tin điện tử xã A\nBÁO CÁO TỔNG KẾT NĂM HỌC 2024 - 2025\nI. MỘT\nNội dung.";
        let cleaned = clean_body(text);
        assert!(
            cleaned
                .body
                .starts_with("BÁO CÁO\nTỔNG KẾT NĂM HỌC 2024 - 2025\nI. MỘT"),
            "{}",
            cleaned.body
        );
        assert_eq!(cleaned.unplaced, ["Cổng thông tin điện tử xã A"]);
    }

    #[test]
    fn regression_sentence_opening_with_bao_cao_is_no_headline() {
        let text = "HỘI NGHỊ TỔNG KẾT\nBáo cáo này gồm ba phần.\nI. MỘT";
        let cleaned = clean_body(text);
        assert_eq!(cleaned.body, text);
        assert!(cleaned.unplaced.is_empty());
    }

    #[test]
    fn regression_website_post_read_whole() {
        let text = "Trang chủ > Tin tức > Hoạt động\nBÁO CÁO TỔNG KẾT NĂM 2025\n\
Thứ hai, 15/12/2025 - 08:30\nLượt xem: 125\n\nI. KẾT QUẢ\nNội dung.\nẢnh: Hội nghị\n\
Tin liên quan\nBài một (12/12/2025)\n";
        let imported = crate::import_text::read_text(text);
        let document = &imported.document;
        assert_eq!(document.meta.doc_type, "BÁO CÁO");
        assert_eq!(document.meta.subject, "TỔNG KẾT NĂM 2025");
        assert_eq!(document.sections.len(), 1);
        assert_eq!(imported.unplaced.len(), 6, "{:?}", imported.unplaced);
    }

    #[test]
    fn regression_part_number_left_at_the_bottom_of_a_page() {
        let cleaned = clean_body("Câu.\nII.\n\n- 3 -\n\nKẾT QUẢ\n1. Một");
        assert_eq!(cleaned.body, "Câu.\nII. KẾT QUẢ\n1. Một");
    }

    const WRAPPED: &str = "\
Thực hiện Công văn của Sở Giáo dục và Đào tạo về việc báo cáo tổng kết năm học 2024 -
2025, Trường THPT Nguyễn Trãi báo cáo kết quả thực hiện nhiệm vụ năm học như sau:
I. QUY MÔ
Toàn trường có 42 lớp với 1.756 học sinh, trong đó 412 học sinh là người dân tộc thiểu số;
Tỷ lệ duy trì sĩ số cả năm đạt 98,9%, giảm 0,4% số học sinh bỏ học so với năm trước nhé.
Có 8 phòng học bộ môn, 1 nhà đa năng với tổng kinh phí đầu tư của tỉnh và địa phương là
14,5 tỷ đồng.
- Một ý ngắn.";

    /// Lines wrapped before lowercase words, as the rest of a PDF copy has.
    const LOWERCASE_WRAPS: &str = "\
Tổ chức 24 cuộc tuyên truyền pháp luật với 1.260 lượt hội viên tham dự, phối hợp với
các ngành tổ chức 6 lớp tập huấn kỹ thuật trồng lúa giảm phát thải cho 420 hội viên ở
các chi hội, giúp 38 hộ hội viên thoát nghèo và 12 hộ vươn lên khá giả trong năm qua
nhờ chuyển đổi cây trồng.";

    #[test]
    fn regression_pdf_hard_wrap_before_a_capital_or_a_figure() {
        let cleaned = clean_body(&format!("{WRAPPED}\n{LOWERCASE_WRAPS}"));
        let lines: Vec<&str> = cleaned.body.lines().collect();
        assert_eq!(lines.len(), 6, "{lines:#?}");
        assert!(lines[0].ends_with("năm học 2024 - 2025, Trường THPT Nguyễn Trãi báo cáo kết quả thực hiện nhiệm vụ năm học như sau:"));
        assert!(lines[2].contains("dân tộc thiểu số; Tỷ lệ duy trì"));
        assert!(lines[3].ends_with("địa phương là 14,5 tỷ đồng."));
        assert_eq!(lines[4], "- Một ý ngắn.");
    }

    #[test]
    fn regression_report_typed_line_by_line_keeps_its_lines() {
        // Long lines without a full stop, but none goes on in lowercase:
        // not a hard-wrapped copy.
        let text = "\
- Tổ chức 24 cuộc tuyên truyền pháp luật với 1.260 lượt hội viên dự, đạt kế hoạch
Kết quả đạt được trong năm của các chi hội trên địa bàn xã như sau về các mặt
- Tổ chức 9 lớp tập huấn kỹ thuật trồng lúa giảm phát thải cho 420 hội viên
Phong trào nông dân thi đua sản xuất kinh doanh giỏi tiếp tục phát triển mạnh
- Quỹ Hỗ trợ nông dân xã hiện có 2,46 tỷ đồng, cho 83 hộ vay phát triển sản xuất";
        assert_eq!(clean_body(text).body, text);
    }

    #[test]
    fn regression_short_lines_of_a_pasted_report_are_not_joined() {
        // Lines of their own, not wrapped: no width to wrap at.
        let text =
            "Căn cứ Nghị quyết số 01;\nCăn cứ Kế hoạch số 02;\nỦy ban nhân dân xã báo cáo như sau:";
        assert_eq!(clean_body(text).body, text);
    }

    // -- tfix --

    #[test]
    fn regression_an_indented_page_number_and_a_first_running_footer_stayed_in_the_text() {
        let text = "Câu một chưa hết\n                                        4\ntiếp câu một.\nHội nghị tổng kết - Chi bộ ấp Bình           Trang 1/3\nCâu hai.\nHội nghị tổng kết - Chi bộ ấp Bình           Trang 2/3\nCâu ba.";
        let cleaned = clean_body(text);
        assert_eq!(cleaned.unplaced.len(), 3, "{:?}", cleaned.unplaced);
        assert_eq!(cleaned.unplaced[0], "4");
        assert!(cleaned.unplaced[1].ends_with("Trang 1/3"));
        assert!(!cleaned.body.contains("Trang"));
        // A figure in a table's column is no page number.
        let table = "Tổng số hộ\t\t\t12\nHộ nghèo\t\t\t2";
        assert!(clean_body(table).unplaced.is_empty());
    }
}
