//! "Dùng làm báo cáo năm sau": a new draft made from last year's report.
//!
//! The new draft keeps the outline, headings, guidance, header bodies and
//! the signature block; its body text is cleared and kept beside each
//! section as last year's text (`BesideText`, `BesideSource::LastYear`),
//! read-only, to be copied in by hand. Tables keep their rows and labels;
//! their figures move into the "cùng kỳ" (previous period) column where the
//! table has one, and are cleared otherwise (the old table stays in the
//! text beside). The number and date are cleared; years in the title, the
//! subject, headings, guidance and table captions and headers move on one
//! year, and every such change is listed for the user to review.
//!
//! Years in text that is cleared anyway (the body, the opening) are not
//! touched, and a year that belongs to a date ("ngày 5/1/2025", "tháng 01
//! năm 2025"), a document number ("05/2025/NĐ-CP", "Kế hoạch số 01-KH/ĐU
//! năm 2025") or a range longer than one year ("nhiệm kỳ 2020 - 2025") is
//! left as it is: those name last year's documents and terms, not the
//! period the report covers. This file recognises Vietnamese wording, which
//! is why `tests/tidy.rs` lets it hold Vietnamese words.

use crate::index::PREAMBLE;
use crate::model::{
    Assessment, BesideSource, BesideText, Block, DocDate, Document, List, ListItem, NodeId,
    Paragraph, Section, Shared,
};
use crate::table::{ColumnKind, Table};
use crate::text::fold_for_search;

/// Where a year was changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// The draft's name in the library.
    Title,
    /// The subject line (trích yếu).
    Subject,
    /// The heading of section `id`.
    Heading(NodeId),
    /// The guidance of section `id` or of a block in it (`PREAMBLE` for
    /// the opening).
    Guidance(NodeId),
    /// A caption or header of a table in section `id` (`PREAMBLE` for the
    /// opening).
    Table(NodeId),
}

/// One year changed, shown to the user to review: the words around it
/// before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearChange {
    pub place: Place,
    pub before: String,
    pub after: String,
}

/// The draft for next year, with the list of what was changed.
#[derive(Clone, Debug, PartialEq)]
pub struct NextYear {
    pub document: Document,
    pub changes: Vec<YearChange>,
}

/// One year (or a range of two consecutive years) found in a text, with
/// its byte range and what it becomes.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Found {
    start: usize,
    end: usize,
    replacement: String,
    /// A school year or other range "2024 - 2025".
    range: bool,
}

fn is_year(value: u32) -> bool {
    (1900..=2199).contains(&value)
}

/// The maximal runs of ASCII digits in `text`, as byte ranges.
fn digit_runs(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut runs = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at].is_ascii_digit() {
            let start = at;
            while at < bytes.len() && bytes[at].is_ascii_digit() {
                at += 1;
            }
            runs.push((start, at));
        } else {
            at += 1;
        }
    }
    runs
}

fn year_of(text: &str, (start, end): (usize, usize)) -> Option<u32> {
    if end - start != 4 {
        return None;
    }
    text[start..end].parse().ok().filter(|year| is_year(*year))
}

/// True when the range between two years is a dash or slash with spaces.
fn joins_range(between: &str) -> bool {
    let trimmed = between.trim();
    trimmed.chars().count() == 1 && matches!(trimmed, "-" | "–" | "—" | "/")
}

/// True when the year at `start..end` is glued to a letter or to a date or
/// number symbol ("5/1/2025", "05/2025/NĐ-CP", "05-01-2025", "KH2025").
fn glued(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    if letter(before) || letter(after) {
        return true;
    }
    if matches!(before, Some('/' | '.' | '-' | '–')) {
        return true;
    }
    // "2025/NĐ-CP", "2025-KH": a slash or dash followed by more symbol.
    let mut rest = text[end..].chars();
    if matches!(rest.next(), Some('/' | '-' | '.'))
        && rest.next().is_some_and(char::is_alphanumeric)
    {
        return true;
    }
    false
}

/// True when the words before `start` make the year part of a date in
/// words ("tháng 01 năm 2025") or of a document's reference ("Kế hoạch số
/// 01-KH/ĐU năm 2025").
fn in_reference(text: &str, start: usize) -> bool {
    let words: Vec<&str> = text[..start].split_whitespace().collect();
    let folded: Vec<String> = words
        .iter()
        .rev()
        .take(4)
        .map(|word| fold_for_search(word.trim_matches(|c: char| c == ',' || c == '(')))
        .collect();
    // "tháng 01 năm 2025", "tháng 1, năm 2025".
    if folded.first().map(String::as_str) == Some("nam")
        && folded
            .get(1)
            .is_some_and(|word| !word.is_empty() && word.chars().all(|c| c.is_ascii_digit()))
        && folded.get(2).map(String::as_str) == Some("thang")
    {
        return true;
    }
    // A document symbol among the last words: "01-KH/ĐU", "123/QĐ-UBND".
    words.iter().rev().take(4).any(|word| {
        let has_digit = word.chars().any(|c| c.is_ascii_digit());
        let has_letter = word.chars().any(char::is_alphabetic);
        has_digit && has_letter && (word.contains('/') || word.contains('-'))
    })
}

/// Every year of `text` that names the period a report covers, with what
/// it becomes one year on.
fn find_years(text: &str) -> Vec<Found> {
    let runs = digit_runs(text);
    let mut found = Vec::new();
    let mut index = 0;
    while index < runs.len() {
        let run = runs[index];
        let Some(year) = year_of(text, run) else {
            index += 1;
            continue;
        };
        // A range: "2024-2025", "2024 – 2025", "2024/2025".
        if let Some(&next) = runs.get(index + 1) {
            if let Some(second) = year_of(text, next) {
                if joins_range(&text[run.1..next.0]) {
                    let before = text[..run.0].chars().next_back();
                    let start_ok = !before.is_some_and(char::is_alphanumeric)
                        && !matches!(before, Some('/' | '.' | '-' | '–'));
                    let end_ok = !text[next.1..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                    if second == year + 1 && start_ok && end_ok && !in_reference(text, run.0) {
                        found.push(Found {
                            start: run.0,
                            end: next.1,
                            replacement: format!(
                                "{}{}{}",
                                year + 1,
                                &text[run.1..next.0],
                                second + 1
                            ),
                            range: true,
                        });
                    }
                    // A longer range (a term) is left as it is.
                    index += 2;
                    continue;
                }
            }
        }
        if !glued(text, run.0, run.1) && !in_reference(text, run.0) {
            found.push(Found {
                start: run.0,
                end: run.1,
                replacement: (year + 1).to_string(),
                range: false,
            });
        }
        index += 1;
    }
    found
}

/// The two words before byte `start` of `text`, with a space after them
/// (or nothing), so that a change reads "năm học 2024 - 2025".
fn words_before(text: &str, start: usize) -> String {
    let prefix = &text[..start];
    if !prefix.ends_with(char::is_whitespace) {
        return String::new();
    }
    let words: Vec<&str> = prefix.split_whitespace().collect();
    let from = words.len().saturating_sub(2);
    let mut out = words[from..].join(" ");
    if !out.is_empty() {
        out.push(' ');
    }
    out
}

/// `text` with every year of the period it covers moved on one year, and
/// each change as (before, after) with the two words before it.
pub fn advance_years(text: &str) -> (String, Vec<(String, String)>) {
    let found = find_years(text);
    let mut out = String::with_capacity(text.len());
    let mut changes = Vec::with_capacity(found.len());
    let mut at = 0;
    for year in &found {
        out.push_str(&text[at..year.start]);
        out.push_str(&year.replacement);
        at = year.end;
        let words = words_before(text, year.start);
        changes.push((
            format!("{words}{}", &text[year.start..year.end]),
            format!("{words}{}", year.replacement),
        ));
    }
    out.push_str(&text[at..]);
    (out, changes)
}

/// Advances the years of `slot`, listing each change at `place`.
fn advance_in(slot: &mut String, place: Place, changes: &mut Vec<YearChange>) {
    let (text, found) = advance_years(slot);
    if found.is_empty() {
        return;
    }
    *slot = text;
    changes.extend(found.into_iter().map(|(before, after)| YearChange {
        place,
        before,
        after,
    }));
}

/// The text of `blocks` as plain text, one line a paragraph, bullet or
/// table row, as a copy to the clipboard carries it.
pub fn blocks_text(blocks: &[Block]) -> String {
    crate::render::elements_text(&crate::render::preamble_elements(blocks))
}

/// The label of last year's texts: the period the old report covered
/// ("Năm học 2024 - 2025", "Năm 2025"), else its date's year, else its
/// title.
pub fn period_label(old: &Document) -> String {
    for text in [&old.meta.subject, &old.title] {
        if let Some(first) = find_years(text).first() {
            let period = &text[first.start..first.end];
            return if first.range {
                format!("Năm học {period}")
            } else {
                format!("Năm {period}")
            };
        }
    }
    if let Some(year) = old.meta.date.year {
        return format!("Năm {year}");
    }
    old.title.trim().to_owned()
}

/// The folded text of column `col`'s header: every header row's text at
/// that column, a merged cell's text under each column it covers.
fn header_text(table: &Table, col: usize) -> String {
    let mut words = Vec::new();
    for (r, row) in table.header.iter().enumerate() {
        let text = match table.merge_at(r, col) {
            Some(merge) => table
                .header
                .get(merge.row)
                .and_then(|row| row.get(merge.col))
                .map(String::as_str)
                .unwrap_or(""),
            None => row.get(col).map(String::as_str).unwrap_or(""),
        };
        if !text.trim().is_empty() {
            words.push(text);
        }
    }
    fold_for_search(&words.join(" "))
}

/// True when a folded header names the previous period: "Cùng kỳ năm
/// trước", "Năm học trước", "Kỳ trước", "CK".
fn names_previous(header: &str) -> bool {
    if header.contains("so voi") || header.contains('%') {
        return false;
    }
    [
        "cung ky",
        "nam truoc",
        "ky truoc",
        "nam hoc truoc",
        "thang truoc",
    ]
    .iter()
    .any(|words| header.contains(words))
        || header
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| word == "ck")
}

/// True when a folded header names the period reported on: "Kỳ này",
/// "Năm nay", "Thực hiện", "Kỳ báo cáo".
fn names_current(header: &str) -> bool {
    if header.contains("so voi") || header.contains('%') {
        return false;
    }
    [
        "ky nay",
        "nam nay",
        "thuc hien",
        "ky bao cao",
        "nam hoc nay",
    ]
    .iter()
    .any(|words| header.contains(words))
}

/// The one year a folded header names, if it names exactly one.
fn header_year(header: &str) -> Option<u32> {
    let runs = digit_runs(header);
    let years: Vec<u32> = runs
        .iter()
        .filter_map(|run| year_of(header, *run))
        .collect();
    match years.as_slice() {
        [year] => Some(*year),
        _ => None,
    }
}

/// Which column receives which column's figures: (to, from) pairs of
/// column indices, or none when the table has no previous-period column.
pub fn previous_period_pairs(table: &Table) -> Vec<(usize, usize)> {
    let numbers: Vec<usize> = (0..table.width())
        .filter(|&c| matches!(table.columns[c].kind, ColumnKind::Number { .. }))
        .collect();
    let headers: Vec<String> = (0..table.width()).map(|c| header_text(table, c)).collect();
    let previous: Vec<usize> = numbers
        .iter()
        .copied()
        .filter(|&c| names_previous(&headers[c]))
        .collect();
    if !previous.is_empty() {
        let others: Vec<usize> = numbers
            .iter()
            .copied()
            .filter(|c| !previous.contains(c))
            .collect();
        let current: Vec<usize> = others
            .iter()
            .copied()
            .filter(|&c| names_current(&headers[c]))
            .collect();
        if current.len() == previous.len() {
            return previous.into_iter().zip(current).collect();
        }
        if others.len() == previous.len() {
            return previous.into_iter().zip(others).collect();
        }
        if let [to] = previous.as_slice() {
            // The nearest figures column before it, else after it.
            let from = others
                .iter()
                .copied()
                .filter(|&c| c < *to)
                .max()
                .or_else(|| others.iter().copied().find(|&c| c > *to));
            if let Some(from) = from {
                return vec![(*to, from)];
            }
        }
        return Vec::new();
    }
    // Columns headed by years ("Năm 2024 | Năm 2025"): each takes the
    // figures of the next year's column.
    let years: Vec<(usize, u32)> = numbers
        .iter()
        .filter_map(|&c| header_year(&headers[c]).map(|year| (c, year)))
        .collect();
    let mut pairs = Vec::new();
    for &(to, year) in &years {
        let next: Vec<usize> = years
            .iter()
            .filter(|(_, other)| *other == year + 1)
            .map(|(c, _)| *c)
            .collect();
        if let [from] = next.as_slice() {
            pairs.push((to, *from));
        }
    }
    pairs
}

/// The table for next year: labels kept, figures moved into the previous
/// period's column where it has one, every other figure cleared.
/// Returns how many columns of figures were moved.
pub fn roll_table(table: &mut Table) -> usize {
    let pairs = previous_period_pairs(table);
    let old = table.clone();
    let receiving: Vec<usize> = pairs.iter().map(|(to, _)| *to).collect();
    for (r, row) in table.rows.iter_mut().enumerate() {
        for (c, cell) in row.cells.iter_mut().enumerate() {
            let Some(column) = old.columns.get(c) else {
                continue;
            };
            if let Some((_, from)) = pairs.iter().find(|(to, _)| *to == c) {
                *cell = old.rows[r].cells.get(*from).cloned().unwrap_or_default();
                continue;
            }
            let figures = !matches!(column.kind, ColumnKind::Text);
            if figures && !receiving.contains(&c) {
                cell.text.clear();
                cell.typed = false;
            }
        }
    }
    pairs.len()
}

/// A fresh node id.
fn take(next_id: &mut NodeId) -> NodeId {
    *next_id += 1;
    *next_id
}

/// What stays of a container's blocks for next year: tables (rolled on)
/// and assessment groups in place, and one empty block to write in where
/// the text was (a bullet list if the text started with one, otherwise a
/// paragraph keeping the first paragraph's guidance).
fn skeleton(
    blocks: &[Block],
    section: NodeId,
    document_next_id: &mut NodeId,
    changes: &mut Vec<YearChange>,
) -> Vec<Block> {
    let mut out = Vec::new();
    let mut text_placed = false;
    for block in blocks {
        match block {
            Block::Table(table) => {
                let mut table = table.clone();
                roll_table(&mut table);
                advance_in(&mut table.caption, Place::Table(section), changes);
                for text in table.header.iter_mut().flatten() {
                    advance_in(text, Place::Table(section), changes);
                }
                out.push(Block::Table(table));
            }
            Block::Assessment(assessment) => {
                let inner = skeleton(&assessment.blocks, section, document_next_id, changes);
                let inner = if inner.is_empty() && !assessment.blocks.is_empty() {
                    vec![Block::Paragraph(Paragraph {
                        id: take(document_next_id),
                        ..Paragraph::default()
                    })]
                } else {
                    inner
                };
                out.push(Block::Assessment(Assessment {
                    id: assessment.id,
                    label: assessment.label.clone(),
                    nothing_to_report: false,
                    blocks: inner,
                }));
            }
            Block::Paragraph(paragraph) if !text_placed => {
                text_placed = true;
                let mut guidance = paragraph.guidance.clone();
                advance_in(&mut guidance, Place::Guidance(section), changes);
                out.push(Block::Paragraph(Paragraph {
                    id: paragraph.id,
                    text: String::new(),
                    guidance,
                }));
            }
            Block::List(list) if !text_placed => {
                text_placed = true;
                out.push(Block::List(List {
                    id: list.id,
                    items: vec![ListItem {
                        id: take(document_next_id),
                        ..ListItem::default()
                    }],
                }));
            }
            Block::Figure(_) if !text_placed => {
                text_placed = true;
                out.push(Block::Paragraph(Paragraph {
                    id: take(document_next_id),
                    ..Paragraph::default()
                }));
            }
            Block::Paragraph(_) | Block::List(_) | Block::Figure(_) => {}
        }
    }
    out
}

/// Walks the sections: headings and guidance moved on, bodies cleared and
/// kept beside.
fn sections_for_next_year(
    list: &mut [Section],
    next_id: &mut NodeId,
    label: &str,
    beside: &mut Vec<BesideText>,
    changes: &mut Vec<YearChange>,
) {
    for section in list {
        let id = section.id;
        advance_in(&mut section.heading, Place::Heading(id), changes);
        advance_in(&mut section.guidance, Place::Guidance(id), changes);
        if !section.blocks.iter().all(Block::is_empty) {
            beside.push(BesideText {
                section: id,
                source: BesideSource::LastYear,
                label: label.to_owned(),
                blocks: section.blocks.to_vec(),
                ..BesideText::default()
            });
        }
        let blocks = skeleton(&section.blocks, id, next_id, changes);
        section.blocks = Shared::new(blocks);
        sections_for_next_year(&mut section.children, next_id, label, beside, changes);
    }
}

/// The draft for next year made from `old`. `untitled` gives the new
/// title when the old one names no year to move on ("… (năm sau)").
pub fn next_year(old: &Document, untitled: &dyn Fn(&str) -> String) -> NextYear {
    let label = period_label(old);
    let mut document = old.clone();
    let mut changes = Vec::new();
    let mut beside = Vec::new();
    advance_in(&mut document.title, Place::Title, &mut changes);
    if !changes.iter().any(|change| change.place == Place::Title) {
        document.title = untitled(&old.title);
    }
    advance_in(&mut document.meta.subject, Place::Subject, &mut changes);
    document.meta.number_symbol.clear();
    document.meta.date = DocDate::default();
    let mut next_id = document.next_id;
    if !old.preamble.iter().all(Block::is_empty) {
        beside.push(BesideText {
            section: PREAMBLE,
            source: BesideSource::LastYear,
            label: label.clone(),
            blocks: old.preamble.clone(),
            ..BesideText::default()
        });
    }
    document.preamble = skeleton(&old.preamble, PREAMBLE, &mut next_id, &mut changes);
    sections_for_next_year(
        &mut document.sections,
        &mut next_id,
        &label,
        &mut beside,
        &mut changes,
    );
    document.next_id = next_id;
    document.beside = Shared::new(beside);
    NextYear { document, changes }
}

#[cfg(test)]
mod tests;
