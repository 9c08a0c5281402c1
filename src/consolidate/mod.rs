//! Consolidating units' reports ("Tổng hợp báo cáo"): the drafts of several
//! units (chi bộ, ấp, trường) on the same outline put together into one
//! draft for the body above them.
//!
//! `plan` matches each unit's sections to the outline (the first unit's in
//! the order chosen, or a template's): by the heading compared after
//! normalisation (case, numbering, punctuation; diacritics only as a
//! fallback) under the matched parent, then anywhere in the outline, then
//! by position for headings left empty in drafts of the same template. What
//! does not match is listed with suggestions for the mapping step; a
//! section the user maps goes where it is mapped, one left unmapped goes
//! with its whole subtree to a last part, "Nội dung khác của các đơn vị".
//! The plan also holds the completeness matrix (each outline section ×
//! unit: filled, "không có", empty, missing), the units found twice (same
//! body, or the same text), and what the tables will do.
//!
//! `consolidate` then builds the draft (`build.rs`): section by section,
//! each unit's text attributed to it ("Chi bộ Ấp 1: …") in the order the
//! user set, the units with nothing to report on one line, assessment
//! groups merged by label with each unit's part attributed, tables of the
//! same shape summed (`tables.rs`: number cells added, computed cells left
//! to their formulas so percentages are worked out again, not added), with
//! a per-unit breakdown on request; each unit's own text is kept beside
//! its section (`Document::beside`). Nothing of a unit is dropped.

use std::collections::HashMap;

use crate::model::{Block, Document, Section};
use crate::numbering::outline;

mod build;
mod tables;
#[cfg(test)]
mod tests;

pub use build::{consolidate, Consolidated, OTHER_CONTENT_HEADING};
pub use tables::TableShape;

/// One unit's draft, as read from a file or the library.
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    /// The unit's name as it is printed before its text ("Chi bộ Ấp 1").
    pub name: String,
    /// Where it came from: the file's name or the draft's title.
    pub source: String,
    pub document: Document,
}

impl Unit {
    /// A unit named after its issuing body, or after `source` (a file's
    /// name) when the draft has none.
    pub fn new(document: Document, source: &str) -> Unit {
        Unit {
            name: unit_name(&document, source),
            source: source.to_owned(),
            document,
        }
    }
}

/// How the summed tables show each unit's figures.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Breakdown {
    /// Only the sum.
    #[default]
    None,
    /// Under each row of the sum, one row per unit (the row becomes a
    /// group whose figures are the sum of its units' rows).
    Rows,
    /// After the summed table, each unit's own table.
    Tables,
}

/// A section of a unit's draft: the unit's index in the list given to
/// `plan`, and the section's place in its draft's outline (pre-order,
/// as `numbering::outline` lists them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnitSection {
    pub unit: usize,
    pub index: usize,
}

/// Where the user sent a section that did not match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// The outline section at this index (pre-order).
    Outline(usize),
    /// The last part, "Nội dung khác của các đơn vị".
    Other,
}

/// The user's choices.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    /// The units to take, by index, in the order their texts are printed.
    /// Empty: all of them, in the order given.
    pub order: Vec<usize>,
    pub breakdown: Breakdown,
    /// Where unmatched sections go; unmapped ones go to `Target::Other`.
    pub mapping: HashMap<UnitSection, Target>,
    /// An outline to follow instead of the first unit's (a template's
    /// document).
    pub outline: Option<Document>,
}

impl Options {
    /// The units taken, in order: `order` without repeats or indexes past
    /// `count`, or all of them.
    pub fn units(&self, count: usize) -> Vec<usize> {
        if self.order.is_empty() {
            return (0..count).collect();
        }
        let mut seen = vec![false; count];
        self.order
            .iter()
            .copied()
            .filter(|&unit| unit < count && !std::mem::replace(&mut seen[unit], true))
            .collect()
    }
}

/// A section of the outline the consolidated draft follows.
#[derive(Clone, Debug, PartialEq)]
pub struct OutlineRow {
    /// "II.2", as messages name places.
    pub reference: String,
    /// "2.", as printed.
    pub number: String,
    pub heading: String,
    pub depth: usize,
}

/// What a unit has for an outline section (its subsections included).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cell {
    /// Some text, a list, a table or a picture.
    Filled,
    /// Only "không có", "không", "chưa có" (or an assessment group marked
    /// so).
    NothingToReport,
    /// The section is there with nothing written.
    Empty,
    /// The unit's draft has no section that matches.
    Missing,
}

/// A unit section that matched no outline section.
#[derive(Clone, Debug, PartialEq)]
pub struct Unmatched {
    pub section: UnitSection,
    /// Its number in the unit's draft ("III.1").
    pub reference: String,
    pub heading: String,
    /// Outline sections whose headings look alike, best first.
    pub suggestions: Vec<usize>,
    /// Where it goes now (the user's mapping, else `Target::Other`).
    pub target: Target,
}

/// Why two units look like the same one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DuplicateReason {
    /// The same issuing body, once normalised.
    SameName,
    /// The same text throughout.
    SameContent,
}

/// Two units that look like the same one (both are kept unless the user
/// takes one out of the order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Duplicate {
    pub first: usize,
    pub second: usize,
    pub reason: DuplicateReason,
}

/// Something the user should know before creating the draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// Fewer than half of a unit's sections match the outline: it is
    /// probably on another outline.
    OutlineMismatch {
        unit: usize,
        matched: usize,
        total: usize,
    },
    /// A unit's table is not of the shape the others share in this
    /// section: it is kept apart, attributed, and not added in.
    TableShape {
        unit: usize,
        /// The outline section, by reference ("II.2").
        section: String,
        caption: String,
    },
    /// A number column that holds typed percentages or rates: figures that
    /// cannot be added are left empty in the sum.
    RateNotSummed {
        section: String,
        caption: String,
        column: String,
    },
    /// Rows per unit were asked for a table with group rows: it gets one
    /// table per unit instead.
    BreakdownAsTables { section: String, caption: String },
}

/// What consolidating would do, shown before the draft is made.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// The units taken, in order (indexes into the list given).
    pub units: Vec<usize>,
    /// The outline followed, in pre-order.
    pub outline: Vec<OutlineRow>,
    /// For each unit given (by index), for each of its sections
    /// (pre-order), where the section goes: an outline section, the other
    /// content part, or `None` when it is carried with its parent (a
    /// subsection of an unmatched section) or the unit is not taken.
    pub targets: Vec<Vec<Option<Target>>>,
    pub unmatched: Vec<Unmatched>,
    pub duplicates: Vec<Duplicate>,
    /// `matrix[row][column]`: outline row × unit taken (in `units` order).
    pub matrix: Vec<Vec<Cell>>,
    pub notes: Vec<Note>,
}

impl Plan {
    /// How many outline sections each unit taken has filled (or said
    /// "không có" for), in `units` order.
    pub fn answered(&self) -> Vec<usize> {
        (0..self.units.len())
            .map(|column| {
                self.matrix
                    .iter()
                    .filter(|row| matches!(row[column], Cell::Filled | Cell::NothingToReport))
                    .count()
            })
            .collect()
    }
}

/// A unit's name from its draft: the issuing body (in sentence case when
/// typed in capitals, as it is printed in the header), else `source`
/// without its extension.
pub fn unit_name(document: &Document, source: &str) -> String {
    let body = document
        .meta
        .issuing_body
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if !body.is_empty() {
        return sentence_case_name(&body);
    }
    let mut name = source.trim();
    for ending in [".baocao.json", ".json", ".docx", ".txt", ".html"] {
        if name.len() > ending.len() && name.to_lowercase().ends_with(ending) {
            name = &name[..name.len() - ending.len()];
            break;
        }
    }
    name.to_owned()
}

/// The prefixes of unit names, as written in running text.
const NAME_PREFIXES: [&str; 12] = [
    "Chi bộ",
    "Đảng bộ",
    "Đảng ủy",
    "Ủy ban nhân dân",
    "Chi đoàn",
    "Đoàn Thanh niên",
    "Hội Nông dân",
    "Hội Cựu chiến binh",
    "Hội Liên hiệp Phụ nữ",
    "Mặt trận Tổ quốc",
    "Ban",
    "Tổ",
];

/// Words written in lower case before a place's name ("xã Tân Hòa").
const LOWER_WORDS: [&str; 6] = ["xã", "phường", "thị", "trấn", "huyện", "và"];

/// "CHI BỘ ẤP 1" as "Chi bộ Ấp 1", "ĐẢNG ỦY TRƯỜNG THPT LẤP VÒ 2" as
/// "Đảng ủy Trường THPT Lấp Vò 2"; a name not all in capitals as it is.
fn sentence_case_name(name: &str) -> String {
    let letters = name.chars().filter(|c| c.is_alphabetic());
    if letters.clone().count() == 0 || letters.clone().any(char::is_lowercase) {
        return name.to_owned();
    }
    let lower = crate::text::to_nfc(name).to_lowercase();
    let (head, rest) = match NAME_PREFIXES
        .iter()
        .find(|prefix| starts_with_words(&lower, &prefix.to_lowercase()))
    {
        Some(prefix) => (
            prefix.to_string(),
            lower[prefix.to_lowercase().len()..].to_owned(),
        ),
        None => (String::new(), lower.clone()),
    };
    let original: Vec<&str> = name.split_whitespace().collect();
    let skip = head.split_whitespace().count();
    let mut words: Vec<String> = if head.is_empty() {
        Vec::new()
    } else {
        vec![head]
    };
    for (at, word) in rest.split_whitespace().enumerate() {
        let typed = original.get(skip + at).copied().unwrap_or(word);
        let word = if !typed.chars().any(is_vowel) {
            // An abbreviation: "THPT", "UBND", "HTX".
            typed.to_owned()
        } else if LOWER_WORDS.contains(&word) && !(words.is_empty() && at == 0) {
            word.to_owned()
        } else {
            capitalised(word)
        };
        words.push(word);
    }
    let mut out = words.join(" ");
    if let Some(first) = out.chars().next() {
        if first.is_lowercase() {
            out = capitalised(&out);
        }
    }
    out
}

fn starts_with_words(text: &str, prefix: &str) -> bool {
    text.starts_with(prefix)
        && text[prefix.len()..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace)
}

fn is_vowel(c: char) -> bool {
    "aeiouy".contains(crate::text::fold_for_search(&c.to_string()).as_str())
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A heading for comparison: NFC, lower case, without its numbering
/// ("II.", "1.2.", "a)", "PHẦN THỨ NHẤT:"), punctuation and repeated
/// spaces.
pub fn normalised_heading(heading: &str) -> String {
    let lower = crate::text::to_nfc(heading).to_lowercase();
    let mut text = lower.trim();
    // Numbering left in a heading by an import or by hand.
    loop {
        let before = text;
        text = strip_number(text).trim_start();
        if text == before {
            break;
        }
    }
    text.chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` without one leading number: "ii.", "2.", "1.2.", "a)", "-",
/// "phần thứ nhất", "phần i".
fn strip_number(text: &str) -> &str {
    if let Some(rest) = text.strip_prefix("phần ") {
        let rest = rest.trim_start();
        let rest = rest.strip_prefix("thứ ").unwrap_or(rest);
        let end = rest
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest.len());
        return rest[end..].trim_start_matches([':', '.', '-', '–', ' ']);
    }
    if let Some(rest) = text.strip_prefix(['-', '+', '*', '•', '–']) {
        return rest;
    }
    let token_end = text.find(char::is_whitespace).unwrap_or(text.len());
    let token = &text[..token_end];
    let core = token.trim_end_matches(['.', ')', ':']);
    if core.len() == token.len() || core.is_empty() {
        return text;
    }
    let numeric = core.split('.').all(|piece| {
        !piece.is_empty()
            && (piece.chars().all(|c| c.is_ascii_digit())
                || piece.chars().all(|c| "ivxlc".contains(c))
                || (piece.chars().count() == 1 && piece.chars().all(|c| c.is_alphabetic())))
    });
    if numeric {
        &text[token_end..]
    } else {
        text
    }
}

/// A section of a draft, flattened in pre-order.
struct Flat<'a> {
    section: &'a Section,
    parent: Option<usize>,
    /// The index of its parent's children it is at.
    position: usize,
    reference: String,
    key: String,
}

fn flatten(document: &Document) -> Vec<Flat<'_>> {
    fn walk<'a>(
        list: &'a [Section],
        parent: Option<usize>,
        out: &mut Vec<Flat<'a>>,
        references: &mut std::vec::IntoIter<String>,
    ) {
        for (position, section) in list.iter().enumerate() {
            let at = out.len();
            out.push(Flat {
                section,
                parent,
                position,
                reference: references.next().unwrap_or_default(),
                key: normalised_heading(&section.heading),
            });
            walk(&section.children, Some(at), out, references);
        }
    }
    let references: Vec<String> = outline(document).into_iter().map(|e| e.reference).collect();
    let mut out = Vec::new();
    walk(
        &document.sections,
        None,
        &mut out,
        &mut references.into_iter(),
    );
    out
}

/// Words of a heading folded for comparison (no diacritics).
fn folded_words(key: &str) -> Vec<String> {
    crate::text::fold_for_search(key)
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

/// How alike two headings' words are, from 0 to 1000.
fn likeness(a: &[String], b: &[String]) -> usize {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let common = a.iter().filter(|word| b.contains(word)).count();
    common * 1000 / a.len().max(b.len())
}

/// Matches the units' sections to the outline, and says what the
/// consolidated draft would hold.
pub fn plan(units: &[Unit], options: &Options) -> Plan {
    let taken = options.units(units.len());
    let base: Option<&Document> = options
        .outline
        .as_ref()
        .or_else(|| taken.first().map(|&unit| &units[unit].document));
    let Some(base) = base else {
        return Plan {
            units: taken,
            outline: Vec::new(),
            targets: vec![Vec::new(); units.len()],
            unmatched: Vec::new(),
            duplicates: Vec::new(),
            matrix: Vec::new(),
            notes: Vec::new(),
        };
    };
    let entries = outline(base);
    let rows: Vec<OutlineRow> = entries
        .iter()
        .map(|entry| OutlineRow {
            reference: entry.reference.clone(),
            number: entry.number.clone(),
            heading: if entry.heading.trim().is_empty() {
                entry.summary.clone()
            } else {
                entry.heading.clone()
            },
            depth: entry.indent,
        })
        .collect();
    let base_flat = flatten(base);
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_folded: HashMap<String, Vec<usize>> = HashMap::new();
    for (at, flat) in base_flat.iter().enumerate() {
        if !flat.key.is_empty() {
            by_key.entry(flat.key.as_str()).or_default().push(at);
            by_folded
                .entry(crate::text::fold_for_search(&flat.key))
                .or_default()
                .push(at);
        }
    }
    let base_words: Vec<Vec<String>> = base_flat.iter().map(|f| folded_words(&f.key)).collect();
    let mut children_of: Vec<Vec<usize>> = vec![Vec::new(); base_flat.len()];
    let mut top: Vec<usize> = Vec::new();
    for (at, flat) in base_flat.iter().enumerate() {
        match flat.parent {
            Some(parent) => children_of[parent].push(at),
            None => top.push(at),
        }
    }

    let mut targets: Vec<Vec<Option<Target>>> = vec![Vec::new(); units.len()];
    let mut unmatched = Vec::new();
    let mut notes = Vec::new();
    let mut flats: Vec<Option<Vec<Flat<'_>>>> = (0..units.len()).map(|_| None).collect();
    for &unit in &taken {
        let document = &units[unit].document;
        let flat = flatten(document);
        let mut unit_targets: Vec<Option<Target>> = vec![None; flat.len()];
        let mut matched_count = 0;
        for (at, section) in flat.iter().enumerate() {
            // Under a section that went elsewhere as a whole, a subsection
            // goes with it.
            let parent_target = match section.parent {
                None => None,
                Some(parent) => match unit_targets[parent] {
                    Some(Target::Outline(row)) => Some(row),
                    _ => {
                        unit_targets[at] = None;
                        continue;
                    }
                },
            };
            let place = UnitSection { unit, index: at };
            let siblings: &[usize] = match parent_target {
                Some(row) => &children_of[row],
                None => &top,
            };
            let found = if let Some(target) = options.mapping.get(&place) {
                Some(*target)
            } else {
                find_match(section, siblings, &base_flat, &by_key, &by_folded).map(Target::Outline)
            };
            match found {
                Some(target) => {
                    if matches!(target, Target::Outline(_)) {
                        matched_count += 1;
                    }
                    unit_targets[at] = Some(target);
                }
                None => {
                    let words = folded_words(&section.key);
                    let mut scored: Vec<(usize, usize)> = base_words
                        .iter()
                        .enumerate()
                        .map(|(row, other)| (likeness(&words, other), row))
                        .filter(|(score, _)| *score > 0)
                        .collect();
                    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
                    unmatched.push(Unmatched {
                        section: place,
                        reference: section.reference.clone(),
                        heading: if section.section.heading.trim().is_empty() {
                            crate::numbering::outline_label(0, "", &first_words(section.section))
                                .trim()
                                .to_owned()
                        } else {
                            section.section.heading.clone()
                        },
                        suggestions: scored.into_iter().take(3).map(|(_, row)| row).collect(),
                        target: Target::Other,
                    });
                    unit_targets[at] = Some(Target::Other);
                }
            }
        }
        if !flat.is_empty() && matched_count * 2 < flat.len() {
            notes.push(Note::OutlineMismatch {
                unit,
                matched: matched_count,
                total: flat.len(),
            });
        }
        targets[unit] = unit_targets;
        flats[unit] = Some(flat);
    }

    // The completeness matrix: each outline row, each unit taken, what the
    // unit's sections sent there (with the rows under it) hold.
    let mut matrix = vec![vec![Cell::Missing; taken.len()]; rows.len()];
    for (column, &unit) in taken.iter().enumerate() {
        let Some(flat) = &flats[unit] else { continue };
        let mut own: Vec<Option<Cell>> = vec![None; rows.len()];
        for (at, target) in targets[unit].iter().enumerate() {
            if let Some(Target::Outline(row)) = target {
                let cell = blocks_cell(&own_blocks(flat[at].section, &base_flat[*row]));
                let carried = carried_cell(flat, &targets[unit], at);
                own[*row] = Some(merge_cells(
                    [own[*row], Some(cell), carried].into_iter().flatten(),
                ));
            }
        }
        // A row stands for its subsections too: bottom-up over pre-order.
        let mut whole: Vec<Option<Cell>> = own.clone();
        for row in (0..rows.len()).rev() {
            if let Some(parent) = base_flat[row].parent {
                if let Some(cell) = whole[row] {
                    whole[parent] = Some(match whole[parent] {
                        Some(mine) => merge_cells([mine, cell].into_iter()),
                        None => cell,
                    });
                }
            }
        }
        for row in 0..rows.len() {
            matrix[row][column] = whole[row].unwrap_or(Cell::Missing);
        }
    }

    let duplicates = find_duplicates(units, &taken);
    notes.extend(tables::plan_notes(
        units,
        &taken,
        &targets,
        &flats,
        &rows,
        options.breakdown,
    ));
    Plan {
        units: taken,
        outline: rows,
        targets,
        unmatched,
        duplicates,
        matrix,
        notes,
    }
}

/// A unit section's own blocks as they go to outline section `to`: a
/// run-in item's text that an import made its heading ("1. Ấp 2 họp chi bộ
/// đều đặn.") is its first paragraph.
fn own_blocks<'a>(section: &'a Section, to: &Flat<'_>) -> std::borrow::Cow<'a, [Block]> {
    if to.key.is_empty() && !section.heading.trim().is_empty() {
        let mut blocks = vec![Block::paragraph(section.heading.trim().to_owned())];
        blocks.extend(section.blocks.iter().cloned());
        std::borrow::Cow::Owned(blocks)
    } else {
        std::borrow::Cow::Borrowed(&section.blocks[..])
    }
}

/// The state of the sections carried under section `at` (those of an
/// unmatched section's subtree have no target of their own).
fn carried_cell(flat: &[Flat<'_>], targets: &[Option<Target>], at: usize) -> Option<Cell> {
    let mut cells = Vec::new();
    let mut next = at + 1;
    while next < flat.len() && is_under(flat, next, at) {
        if targets[next].is_none() {
            cells.push(blocks_cell(&flat[next].section.blocks));
        }
        next += 1;
    }
    (!cells.is_empty()).then(|| merge_cells(cells.into_iter()))
}

fn is_under(flat: &[Flat<'_>], mut at: usize, ancestor: usize) -> bool {
    while let Some(parent) = flat[at].parent {
        if parent == ancestor {
            return true;
        }
        at = parent;
    }
    false
}

fn first_words(section: &Section) -> String {
    section
        .blocks
        .iter()
        .find_map(|block| match block {
            Block::Paragraph(p) if !p.text.trim().is_empty() => Some(p.text.clone()),
            _ => None,
        })
        .unwrap_or_default()
}

/// The outline section `section` matches among `siblings` (its matched
/// parent's children), else anywhere when only one heading is the same,
/// else the sibling at its place when that one is a run-in item (no
/// heading).
fn find_match(
    section: &Flat<'_>,
    siblings: &[usize],
    base: &[Flat<'_>],
    by_key: &HashMap<&str, Vec<usize>>,
    by_folded: &HashMap<String, Vec<usize>>,
) -> Option<usize> {
    let kind = section.section.kind;
    let fits = |row: &usize| base[*row].section.kind == kind;
    // A run-in item ("1. Ấp 2 họp …") has no heading to compare: it is
    // matched by its place, whatever a text import made its heading.
    let by_place = siblings
        .get(section.position)
        .copied()
        .filter(|row| base[*row].key.is_empty() && fits(row));
    if section.key.is_empty() {
        return by_place;
    }
    if let Some(&row) = siblings
        .iter()
        .find(|row| base[**row].key == section.key && fits(row))
    {
        return Some(row);
    }
    let folded = crate::text::fold_for_search(&section.key);
    if let Some(&row) = siblings
        .iter()
        .find(|row| crate::text::fold_for_search(&base[**row].key) == folded && fits(row))
    {
        return Some(row);
    }
    let anywhere = |list: Option<&Vec<usize>>| -> Option<usize> {
        match list.map(Vec::as_slice) {
            Some([row]) if fits(row) => Some(*row),
            _ => None,
        }
    };
    anywhere(by_key.get(section.key.as_str()))
        .or_else(|| anywhere(by_folded.get(&folded)))
        .or(by_place)
}

/// Combines cells: filled wins, then "không có", then empty.
fn merge_cells(cells: impl Iterator<Item = Cell>) -> Cell {
    let mut best = Cell::Missing;
    for cell in cells {
        best = match (best, cell) {
            (Cell::Filled, _) | (_, Cell::Filled) => Cell::Filled,
            (Cell::NothingToReport, _) | (_, Cell::NothingToReport) => Cell::NothingToReport,
            (Cell::Empty, _) | (_, Cell::Empty) => Cell::Empty,
            _ => Cell::Missing,
        };
    }
    if best == Cell::Missing {
        Cell::Empty
    } else {
        best
    }
}

/// Whether `text`, the whole of a paragraph, says there is nothing to
/// report: "Không.", "Không có.", "Chưa có", "Không phát sinh".
pub fn is_nothing_to_report(text: &str) -> bool {
    let text = crate::text::to_nfc(text).to_lowercase();
    let text = text.trim().trim_end_matches(['.', ';', '!']).trim();
    matches!(
        text,
        "không" | "không có" | "chưa có" | "không có gì" | "không phát sinh" | "không có nội dung"
    )
}

/// What `blocks` hold: text, only "không có", or nothing.
pub fn blocks_cell(blocks: &[Block]) -> Cell {
    let mut nothing = false;
    for block in blocks {
        match block {
            Block::Paragraph(p) if is_nothing_to_report(&p.text) => nothing = true,
            Block::Assessment(group)
                if group.nothing_to_report
                    && group.blocks.iter().all(|b| {
                        b.is_empty()
                            || matches!(b, Block::Paragraph(p) if is_nothing_to_report(&p.text))
                    }) =>
            {
                nothing = true
            }
            block if block.is_empty() => {}
            _ => return Cell::Filled,
        }
    }
    if nothing {
        Cell::NothingToReport
    } else {
        Cell::Empty
    }
}

/// Units that look like the same one: the same issuing body once
/// normalised, or the same text.
fn find_duplicates(units: &[Unit], taken: &[usize]) -> Vec<Duplicate> {
    let mut duplicates = Vec::new();
    let mut names: HashMap<String, usize> = HashMap::new();
    let mut texts: HashMap<u64, usize> = HashMap::new();
    for &unit in taken {
        let document = &units[unit].document;
        let body = crate::text::fold_for_search(&document.meta.issuing_body)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if !body.is_empty() {
            if let Some(&first) = names.get(&body) {
                duplicates.push(Duplicate {
                    first,
                    second: unit,
                    reason: DuplicateReason::SameName,
                });
                continue;
            }
            names.insert(body, unit);
        }
        let fingerprint = text_fingerprint(document);
        if let Some(&first) = texts.get(&fingerprint) {
            duplicates.push(Duplicate {
                first,
                second: unit,
                reason: DuplicateReason::SameContent,
            });
        } else {
            texts.insert(fingerprint, unit);
        }
    }
    duplicates
}

/// A hash of a draft's written text (headings, paragraphs, items, cells),
/// ids and layout aside.
fn text_fingerprint(document: &Document) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    fn blocks(list: &[Block], hasher: &mut impl Hasher) {
        for block in list {
            match block {
                Block::Paragraph(p) => p.text.hash(hasher),
                Block::List(list) => {
                    for item in &list.items {
                        item.text.hash(hasher);
                        blocks(&item.blocks, hasher);
                    }
                }
                Block::Assessment(group) => {
                    group.nothing_to_report.hash(hasher);
                    blocks(&group.blocks, hasher);
                }
                Block::Figure(figure) => figure.caption.hash(hasher),
                Block::Table(table) => {
                    table.caption.hash(hasher);
                    for row in &table.rows {
                        for cell in &row.cells {
                            cell.text.hash(hasher);
                        }
                    }
                }
            }
        }
    }
    fn sections(list: &[Section], hasher: &mut impl Hasher) {
        for section in list {
            section.heading.hash(hasher);
            blocks(&section.blocks, hasher);
            sections(&section.children, hasher);
        }
    }
    blocks(&document.preamble, &mut hasher);
    sections(&document.sections, &mut hasher);
    hasher.finish()
}

/// Short names for the columns of a table of units: the words all names
/// begin with left out, but for the word a number goes with ("Chi bộ Ấp
/// 1", "Chi bộ Ấp 2" as "Ấp 1", "Ấp 2"),
/// then cut to `max` characters with "…". The full names go in tooltips.
pub fn short_names(names: &[String], max: usize) -> Vec<String> {
    let words: Vec<Vec<&str>> = names
        .iter()
        .map(|n| n.split_whitespace().collect())
        .collect();
    let mut common = 0;
    if names.len() > 1 {
        let shortest = words.iter().map(Vec::len).min().unwrap_or(0);
        // Keep at least one word of each name.
        while common + 1 < shortest && words.iter().all(|w| w[common] == words[0][common]) {
            common += 1;
        }
        // "Ấp 12", not "12": a number keeps the word it numbers.
        if common > 0
            && words
                .iter()
                .any(|w| w[common].starts_with(|c: char| c.is_ascii_digit()))
        {
            common -= 1;
        }
    }
    words
        .iter()
        .map(|w| {
            let short = w[common.min(w.len())..].join(" ");
            if short.chars().count() > max {
                let cut: String = short.chars().take(max.saturating_sub(1)).collect();
                format!("{}…", cut.trim_end())
            } else {
                short
            }
        })
        .collect()
}

/// The completeness matrix as CSV (UTF-8 with a byte-order mark, so that
/// Excel reads the Vietnamese letters): a row per outline section, a
/// column per unit, the headings given by `words` (the section column,
/// then each cell state's word: filled, nothing to report, empty,
/// missing).
pub fn completeness_csv(plan: &Plan, units: &[Unit], words: [&str; 6]) -> String {
    let [section_word, heading_word, filled, nothing, empty, missing] = words;
    let mut out = String::from("\u{feff}");
    let field = |text: &str| {
        if text.contains([',', '"', '\n', ';']) {
            format!("\"{}\"", text.replace('"', "\"\""))
        } else {
            text.to_owned()
        }
    };
    let mut header = vec![field(section_word), field(heading_word)];
    header.extend(plan.units.iter().map(|&unit| field(&units[unit].name)));
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for (row, outline_row) in plan.outline.iter().enumerate() {
        let mut line = vec![field(&outline_row.reference), field(&outline_row.heading)];
        line.extend(plan.matrix[row].iter().map(|cell| {
            field(match cell {
                Cell::Filled => filled,
                Cell::NothingToReport => nothing,
                Cell::Empty => empty,
                Cell::Missing => missing,
            })
        }));
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}
