//! Word files read back: our own DOCX exports import to the same structure
//! (round trip), the Word corpus (`tests/corpus/word/`, made by
//! `tools/make-docx.py`) is scored against its expected structure, and
//! random paragraphs and tables lose no word.
#![cfg(not(target_arch = "wasm32"))]

mod tables_sample;

use std::fs;
use std::path::Path;

use baocao::import_docx::{read_docx_with, DocxImport};
use baocao::model::{Block, Document, Ruleset, Section, SectionKind};
use baocao::table::{RowKind, Table};
use serde::Deserialize;

/// The lowest score a file may have, in percent of its points.
const FILE_THRESHOLD: f64 = 80.0;
/// The lowest score over the whole corpus.
const CORPUS_THRESHOLD: f64 = 90.0;

/// Inflates raw deflate, refusing output past `cap` bytes.
fn inflate(data: &[u8], cap: usize) -> Result<Vec<u8>, ()> {
    miniz_oxide::inflate::decompress_to_vec_with_limit(data, cap).map_err(|_| ())
}

fn import(bytes: &[u8]) -> DocxImport {
    read_docx_with(bytes, inflate).expect("the file reads")
}

fn outline(sections: &[Section], depth: usize, out: &mut Vec<String>) {
    for section in sections {
        out.push(format!(
            "{}{:?} {}",
            "  ".repeat(depth),
            section.kind,
            section.heading
        ));
        outline(&section.children, depth + 1, out);
    }
}

fn outline_of(document: &Document) -> Vec<String> {
    let mut out = Vec::new();
    outline(&document.sections, 0, &mut out);
    out
}

#[test]
fn debug_round_trip_of_the_tables_sample() {
    let document = tables_sample::tables_sample();
    let bytes = baocao::docx::docx(&document);
    let read = import(&bytes);
    println!("{:#?}", read.import.document.meta);
    println!("{:#?}", read.import.document.closing);
    for line in outline_of(&read.import.document) {
        println!("{line}");
    }
    println!("unplaced {:?}", read.import.unplaced);
    assert_eq!(outline_of(&read.import.document), outline_of(&document));
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Expected {
    ruleset: Option<String>,
    title: Option<String>,
    superior_body: Option<String>,
    issuing_body: Option<String>,
    number_symbol: Option<String>,
    place: Option<String>,
    date: Option<[u32; 3]>,
    divisions: Vec<ExpectedDivision>,
    parts: Vec<ExpectedPart>,
    assessments: Option<usize>,
    bullets: Option<usize>,
    tables: Vec<ExpectedTable>,
    appendices: Vec<ExpectedAppendix>,
    converted: Option<bool>,
    signing_authority: Option<String>,
    position: Option<String>,
    signer_name: Option<String>,
    recipients: Option<usize>,
    pictures: Option<usize>,
    unplaced: Option<usize>,
}

#[derive(Deserialize)]
struct ExpectedDivision {
    heading: String,
    parts: Vec<String>,
}

#[derive(Deserialize)]
struct ExpectedPart {
    heading: String,
    items: usize,
    points: usize,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ExpectedTable {
    caption: Option<String>,
    unit: Option<String>,
    rows: usize,
    columns: usize,
    header_rows: Option<usize>,
    merges: Option<usize>,
    total_rows: Option<usize>,
    number_row: Option<bool>,
    cells: Vec<(usize, usize, String)>,
}

#[derive(Deserialize)]
struct ExpectedAppendix {
    heading: String,
    landscape: bool,
    tables: usize,
}

/// Points scored and possible, with what was missed.
#[derive(Default)]
struct Score {
    got: usize,
    of: usize,
    missed: Vec<String>,
}

impl Score {
    fn check(&mut self, what: &str, ok: bool, detail: impl FnOnce() -> String) {
        self.of += 1;
        if ok {
            self.got += 1;
        } else {
            self.missed.push(format!("{what}: {}", detail()));
        }
    }

    fn eq<T: PartialEq + std::fmt::Debug>(&mut self, what: &str, got: T, want: T) {
        let ok = got == want;
        self.check(what, ok, || format!("got {got:?}, want {want:?}"));
    }

    fn percent(&self) -> f64 {
        if self.of == 0 {
            100.0
        } else {
            100.0 * self.got as f64 / self.of as f64
        }
    }
}

fn blocks_walk<'a>(blocks: &'a [Block], each: &mut dyn FnMut(&'a Block)) {
    for block in blocks {
        each(block);
        match block {
            Block::List(list) => {
                for item in &list.items {
                    blocks_walk(&item.blocks, each);
                }
            }
            Block::Assessment(group) => blocks_walk(&group.blocks, each),
            _ => {}
        }
    }
}

fn sections_walk<'a>(sections: &'a [Section], each: &mut dyn FnMut(&'a Section)) {
    for section in sections {
        each(section);
        sections_walk(&section.children, each);
    }
}

/// Every block of the document, preamble and sections.
fn all_blocks(document: &Document) -> Vec<&Block> {
    let mut out = Vec::new();
    blocks_walk(&document.preamble, &mut |block| out.push(block));
    sections_walk(&document.sections, &mut |section| {
        blocks_walk(&section.blocks, &mut |block| out.push(block));
    });
    out
}

fn tables_in(sections: &[Section]) -> Vec<&Table> {
    let mut out = Vec::new();
    sections_walk(sections, &mut |section| {
        blocks_walk(&section.blocks, &mut |block| {
            if let Block::Table(table) = block {
                out.push(table);
            }
        });
    });
    out
}

fn count_bullets(document: &Document) -> usize {
    all_blocks(document)
        .iter()
        .map(|block| match block {
            Block::List(list) => list.items.len(),
            _ => 0,
        })
        .sum()
}

fn score_table(score: &mut Score, name: &str, table: Option<&Table>, want: &ExpectedTable) {
    let Some(table) = table else {
        score.check(name, false, || "missing".into());
        return;
    };
    if let Some(caption) = &want.caption {
        score.eq(
            &format!("{name} caption"),
            table.caption.as_str(),
            caption.as_str(),
        );
    }
    if let Some(unit) = &want.unit {
        score.eq(&format!("{name} unit"), table.unit.as_str(), unit.as_str());
    }
    score.eq(&format!("{name} rows"), table.rows.len(), want.rows);
    score.eq(
        &format!("{name} columns"),
        table.columns.len(),
        want.columns,
    );
    if let Some(header) = want.header_rows {
        score.eq(&format!("{name} header rows"), table.header.len(), header);
    }
    if let Some(merges) = want.merges {
        score.eq(&format!("{name} merges"), table.merges.len(), merges);
    }
    if let Some(totals) = want.total_rows {
        let got = table
            .rows
            .iter()
            .filter(|row| row.kind == RowKind::Total)
            .count();
        score.eq(&format!("{name} total rows"), got, totals);
    }
    if let Some(number_row) = want.number_row {
        score.eq(&format!("{name} number row"), table.number_row, number_row);
    }
    let view = baocao::table::view(table);
    for (row, col, text) in &want.cells {
        let got = view
            .rows
            .get(*row)
            .and_then(|r| r.cells.get(*col))
            .map(|cell| cell.text.clone())
            .unwrap_or_default();
        score.eq(
            &format!("{name} cell {row},{col}"),
            got.as_str(),
            text.as_str(),
        );
    }
}

fn score_file(read: &DocxImport, want: &Expected) -> Score {
    let document = &read.import.document;
    let meta = &document.meta;
    let closing = &document.closing;
    let mut score = Score::default();
    let text_fields = [
        ("title", &document.title, &want.title),
        ("superior body", &meta.superior_body, &want.superior_body),
        ("issuing body", &meta.issuing_body, &want.issuing_body),
        ("number", &meta.number_symbol, &want.number_symbol),
        ("place", &meta.place, &want.place),
        (
            "signing authority",
            &closing.signing_authority,
            &want.signing_authority,
        ),
        ("position", &closing.position, &want.position),
        ("signer", &closing.signer_name, &want.signer_name),
    ];
    for (what, got, want) in text_fields {
        if let Some(want) = want {
            score.eq(what, got.as_str(), want.as_str());
        }
    }
    if let Some(ruleset) = &want.ruleset {
        let got = match meta.ruleset {
            Ruleset::Party => "party",
            Ruleset::State => "state",
        };
        score.eq("ruleset", got, ruleset.as_str());
    }
    if let Some([day, month, year]) = want.date {
        let got = (meta.date.day, meta.date.month, meta.date.year);
        let want = (Some(day as u8), Some(month as u8), Some(year as u16));
        score.check("date", format!("{got:?}") == format!("{want:?}"), || {
            format!("got {got:?}, want {want:?}")
        });
    }
    if let Some(recipients) = want.recipients {
        score.eq("recipients", closing.recipients.len(), recipients);
    }
    let divisions: Vec<&Section> = document
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Division)
        .collect();
    score.eq("divisions", divisions.len(), want.divisions.len());
    for (i, want_division) in want.divisions.iter().enumerate() {
        let got = divisions.get(i);
        score.eq(
            &format!("division {i} heading"),
            got.map(|d| d.heading.as_str()),
            Some(want_division.heading.as_str()),
        );
        let parts: Vec<&str> = got
            .map(|d| d.children.iter().map(|p| p.heading.as_str()).collect())
            .unwrap_or_default();
        let want_parts: Vec<&str> = want_division.parts.iter().map(String::as_str).collect();
        score.eq(&format!("division {i} parts"), parts, want_parts);
    }
    let parts: Vec<&Section> = document
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Numbered)
        .collect();
    if want.divisions.is_empty() {
        score.eq("parts", parts.len(), want.parts.len());
    }
    for (i, want_part) in want.parts.iter().enumerate() {
        let got = parts.get(i);
        score.eq(
            &format!("part {i} heading"),
            got.map(|p| p.heading.as_str()),
            Some(want_part.heading.as_str()),
        );
        score.eq(
            &format!("part {i} items"),
            got.map_or(0, |p| p.children.len()),
            want_part.items,
        );
        score.eq(
            &format!("part {i} points"),
            got.map_or(0, |p| {
                p.children.iter().map(|i| i.children.len()).sum::<usize>()
            }),
            want_part.points,
        );
    }
    if let Some(assessments) = want.assessments {
        let got = all_blocks(document)
            .iter()
            .filter(|b| matches!(b, Block::Assessment(_)))
            .count();
        score.eq("assessments", got, assessments);
    }
    if let Some(bullets) = want.bullets {
        score.eq("bullets", count_bullets(document), bullets);
    }
    let body_sections: Vec<Section> = document
        .sections
        .iter()
        .filter(|s| s.kind != SectionKind::Appendix)
        .cloned()
        .collect();
    let body_tables = tables_in(&body_sections);
    score.eq("tables", body_tables.len(), want.tables.len());
    for (i, want_table) in want.tables.iter().enumerate() {
        score_table(
            &mut score,
            &format!("table {i}"),
            body_tables.get(i).copied(),
            want_table,
        );
    }
    let appendices: Vec<&Section> = document
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Appendix)
        .collect();
    score.eq("appendices", appendices.len(), want.appendices.len());
    for (i, want_appendix) in want.appendices.iter().enumerate() {
        let got = appendices.get(i);
        score.eq(
            &format!("appendix {i} heading"),
            got.map(|a| a.heading.as_str()),
            Some(want_appendix.heading.as_str()),
        );
        score.eq(
            &format!("appendix {i} landscape"),
            got.is_some_and(|a| a.landscape),
            want_appendix.landscape,
        );
        score.eq(
            &format!("appendix {i} tables"),
            got.map_or(0, |a| tables_in(std::slice::from_ref(a)).len()),
            want_appendix.tables,
        );
    }
    if let Some(converted) = want.converted {
        score.eq(
            "converted from TCVN3",
            read.import.converted_from.is_some(),
            converted,
        );
    }
    if let Some(pictures) = want.pictures {
        score.eq("pictures", read.pictures, pictures);
    }
    if let Some(unplaced) = want.unplaced {
        let unplaced_lines = read.import.unplaced.clone();
        score.check("unplaced", unplaced_lines.len() == unplaced, || {
            format!("got {unplaced_lines:?}, want {unplaced}")
        });
    }
    score
}

fn corpus_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/word")
}

#[test]
fn the_word_corpus_comes_out_structured() {
    let mut names: Vec<String> = fs::read_dir(corpus_dir())
        .expect("the corpus folder")
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".docx").map(str::to_owned)
        })
        .collect();
    names.sort();
    assert!(
        names.len() >= 12,
        "the corpus holds {} Word files",
        names.len()
    );
    let (mut got, mut of) = (0, 0);
    let mut failures = Vec::new();
    println!("{:<42} {:>7} {:>6}", "file", "points", "score");
    for name in &names {
        let bytes = fs::read(corpus_dir().join(format!("{name}.docx"))).expect("the file");
        let expected: Expected = serde_json::from_str(
            &fs::read_to_string(corpus_dir().join(format!("{name}.expected.json")))
                .expect("its expected.json"),
        )
        .expect("expected.json parses");
        let read = import(&bytes);
        let score = score_file(&read, &expected);
        println!(
            "{name:<42} {:>3}/{:<3} {:>5.1}%",
            score.got,
            score.of,
            score.percent()
        );
        for missed in &score.missed {
            println!("    missed {missed}");
        }
        if score.percent() < FILE_THRESHOLD {
            failures.push(format!("{name}: {:.1}%", score.percent()));
        }
        got += score.got;
        of += score.of;
    }
    let overall = 100.0 * got as f64 / of as f64;
    println!("{:<42} {got:>3}/{of:<3} {overall:>5.1}%", "corpus");
    assert!(
        failures.is_empty(),
        "files below {FILE_THRESHOLD}%: {failures:?}"
    );
    assert!(overall >= CORPUS_THRESHOLD, "corpus at {overall:.1}%");
}
