//! The check for bodies that no longer exist: since 1 July 2025 Vietnam
//! has two levels of local government (34 provinces, 3,321 communes,
//! wards and special zones), with no district level and no thị trấn. A
//! document dated on or after that day that names a huyện, quận, thị xã,
//! Huyện ủy, UBND huyện, Phòng GD&ĐT and the like in its header or its
//! text was most likely copied from an older one.
//!
//! Words are matched on whole syllables, in any case, in NFC, with the old
//! and new tone placement alike ("uỷ", "ủy"): "huyện" is found in "UBND
//! huyện" but never inside another syllable such as "luyện" or "huyền".
//! A date with no year is not checked (nothing to compare), nor a 2025 date
//! with no month; a year from 2026 on is after the change, one before 2025
//! before it.

use super::{Finding, Issue, Target};
use crate::edit::Field;
use crate::model::{Block, DocDate, Document, Section};
use crate::numbering::OutlineEntry;
use crate::rules::{GONE_SINCE_2025, OLD_TONE_PLACEMENT};
use crate::text::to_nfc;

/// The first day without districts: 1 July 2025.
pub const REORGANISED: (u16, u8, u8) = (2025, 7, 1);

/// Where words naming a body that no longer exists were found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WordsPlace {
    /// A field of the header or the signature block.
    Field(Field),
    /// The recipients ("Nơi nhận").
    Recipients,
    /// The opening, before the first part.
    Opening,
    /// A section of the body, by its reference ("II.1"), its heading and
    /// everything in it (paragraphs, bullets, tables, captions).
    Section { reference: String },
}

impl WordsPlace {
    /// True for the header and the closing, where a body is named as the
    /// document's own sender or receiver, so the name must be today's; in
    /// the text (and the subject) a name may speak of the past, so it is
    /// only to be checked again.
    pub fn names_a_body(&self) -> bool {
        match self {
            WordsPlace::Field(field) => *field != Field::Subject,
            WordsPlace::Recipients => true,
            WordsPlace::Opening | WordsPlace::Section { .. } => false,
        }
    }
}

/// Whether `date` is on or after 1 July 2025; `None` when it cannot tell
/// (no year, or 2025 with no month).
pub fn after_reorganisation(date: &DocDate) -> Option<bool> {
    let (year, month, day) = REORGANISED;
    let got = date.year?;
    if got != year {
        return Some(got > year);
    }
    let got_month = date.month?;
    if got_month != month {
        return Some(got_month > month);
    }
    // 1 July itself is after: the new bodies worked from that day.
    Some(date.day.is_none_or(|got_day| got_day >= day))
}

/// A syllable of `text`: its byte range and its folded form.
struct Syllable {
    start: usize,
    end: usize,
    folded: String,
}

/// `text` in lowercase, with the new tone placement.
fn fold(text: &str) -> String {
    let lower = text.to_lowercase();
    OLD_TONE_PLACEMENT.iter().fold(lower, |folded, (old, new)| {
        if folded.contains(old) {
            folded.replace(old, new)
        } else {
            folded
        }
    })
}

fn syllables(text: &str) -> Vec<Syllable> {
    let mut out = Vec::new();
    let mut start = None;
    let close = |start: usize, end: usize, out: &mut Vec<Syllable>| {
        let folded = fold(&text[start..end]);
        out.push(Syllable { start, end, folded });
    };
    for (at, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                close(from, at, &mut out);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        close(from, text.len(), &mut out);
    }
    out
}

/// The words of `text` that name a body that no longer exists, as written
/// (in NFC), each once whatever its case, in the order found.
pub fn obsolete_words(text: &str) -> Vec<String> {
    let text = to_nfc(text);
    // Most texts hold no pattern's syllables at all: one pass over the
    // folded text says so before any syllable is cut out (the check runs
    // over every text of a long report).
    let folded = fold(&text);
    if !GONE_SINCE_2025
        .iter()
        .any(|pattern| pattern.iter().all(|syllable| folded.contains(syllable)))
    {
        return Vec::new();
    }
    let syllables = syllables(&text);
    // (first syllable, one past the last) of each match.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    while at < syllables.len() {
        let found = GONE_SINCE_2025
            .iter()
            .filter(|pattern| {
                syllables.len() - at >= pattern.len()
                    && pattern
                        .iter()
                        .zip(&syllables[at..])
                        .all(|(want, got)| got.folded == **want)
            })
            .map(|pattern| pattern.len())
            .max();
        match found {
            Some(length) => {
                // Joined only across spaces: "huyện, huyện" is two.
                let joined = at > 0
                    && text[syllables[at - 1].end..syllables[at].start]
                        .chars()
                        .all(char::is_whitespace);
                match spans.last_mut() {
                    Some(last) if last.1 == at && joined => last.1 = at + length,
                    _ => spans.push((at, at + length)),
                }
                at += length;
            }
            None => at += 1,
        }
    }
    let mut words: Vec<String> = Vec::new();
    for (first, end) in spans {
        let word = &text[syllables[first].start..syllables[end - 1].end];
        if !words
            .iter()
            .any(|known| known.to_lowercase() == word.to_lowercase())
        {
            words.push(word.to_owned());
        }
    }
    words
}

/// What the check finds, in the order of the document.
#[derive(Default)]
pub(super) struct Found {
    /// The header's fields and the subject.
    pub header: Vec<Issue>,
    /// The opening and the sections.
    pub body: Vec<Issue>,
    /// The signing authority, the position and the recipients.
    pub closing: Vec<Issue>,
}

fn push(out: &mut Vec<Issue>, place: &WordsPlace, words: Vec<String>, target: Target) {
    if !words.is_empty() {
        out.push(Issue {
            finding: Finding::ObsoleteBody {
                place: place.clone(),
                words,
            },
            target,
        });
    }
}

/// Each node holding such words, once, with all its words.
fn blocks(blocks: &[Block], place: &WordsPlace, out: &mut Vec<Issue>) {
    for block in blocks {
        match block {
            Block::Paragraph(paragraph) => push(
                out,
                place,
                obsolete_words(&paragraph.text),
                Target::Node(paragraph.id),
            ),
            Block::List(list) => {
                for item in &list.items {
                    push(
                        out,
                        place,
                        obsolete_words(&item.text),
                        Target::Node(item.id),
                    );
                    self::blocks(&item.blocks, place, out);
                }
            }
            Block::Assessment(assessment) => self::blocks(&assessment.blocks, place, out),
            Block::Figure(figure) => push(
                out,
                place,
                obsolete_words(&figure.caption),
                Target::Node(figure.id),
            ),
            Block::Table(table) => {
                // The caption, the unit and the header go to the caption's
                // field; a body cell to its cell.
                let mut words = obsolete_words(&table.caption);
                for text in table.header.iter().flatten() {
                    for word in obsolete_words(text) {
                        if !words.contains(&word) {
                            words.push(word);
                        }
                    }
                }
                push(out, place, words, Target::Node(table.id));
                for row in &table.rows {
                    for (cell, column) in row.cells.iter().zip(&table.columns) {
                        push(
                            out,
                            place,
                            obsolete_words(&cell.text),
                            Target::Cell {
                                table: table.id,
                                row: row.id,
                                column: column.id,
                            },
                        );
                    }
                }
            }
        }
    }
}

fn sections(sections: &[Section], entries: &[OutlineEntry], out: &mut Vec<Issue>) {
    for section in sections {
        let reference = entries
            .iter()
            .find(|entry| entry.id == section.id)
            .map(|entry| entry.reference.clone())
            .unwrap_or_default();
        let place = WordsPlace::Section { reference };
        push(
            out,
            &place,
            obsolete_words(&section.heading),
            Target::Node(section.id),
        );
        blocks(&section.blocks, &place, out);
        self::sections(&section.children, entries, out);
    }
}

/// The places of `document` that name a body gone since 1 July 2025, when
/// its date is on or after that day; nothing otherwise.
pub(super) fn check(document: &Document, entries: &[OutlineEntry]) -> Found {
    let mut found = Found::default();
    if after_reorganisation(&document.meta.date) != Some(true) {
        return found;
    }
    let meta = &document.meta;
    for (field, text) in [
        (Field::SuperiorBody, &meta.superior_body),
        (Field::IssuingBody, &meta.issuing_body),
        (Field::Place, &meta.place),
        (Field::Subject, &meta.subject),
    ] {
        push(
            &mut found.header,
            &WordsPlace::Field(field),
            obsolete_words(text),
            Target::Field(field),
        );
    }
    blocks(&document.preamble, &WordsPlace::Opening, &mut found.body);
    sections(&document.sections, entries, &mut found.body);
    let closing = &document.closing;
    for (field, text) in [
        (Field::SigningAuthority, &closing.signing_authority),
        (Field::Position, &closing.position),
    ] {
        push(
            &mut found.closing,
            &WordsPlace::Field(field),
            obsolete_words(text),
            Target::Field(field),
        );
    }
    let mut words: Vec<String> = Vec::new();
    for line in &closing.recipients {
        for word in obsolete_words(line) {
            if !words
                .iter()
                .any(|known| known.to_lowercase() == word.to_lowercase())
            {
                words.push(word);
            }
        }
    }
    push(
        &mut found.closing,
        &WordsPlace::Recipients,
        words,
        Target::Recipients,
    );
    found
}
