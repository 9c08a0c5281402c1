//! Word files read back: our own DOCX exports import to the same structure
//! (round trip), the Word corpus (`tests/corpus/word/`, made by
//! `tools/make-docx.py`) is scored against its expected structure, and
//! random paragraphs and tables lose no word.
#![cfg(not(target_arch = "wasm32"))]

mod tables_sample;

mod rng;

use rng::Rng;
use std::fs;
use std::path::Path;

use baocao::import_docx::{read_docx_with, DocxError, DocxImport, ZipProblem};
use baocao::model::{Block, Document, Ruleset, Section, SectionKind};
use baocao::table::{RowKind, Table};
use serde::Deserialize;

/// The lowest score a file may have, in percent of its points.
const FILE_THRESHOLD: f64 = 80.0;
/// The lowest score over the whole corpus.
const CORPUS_THRESHOLD: f64 = 90.0;

/// Inflates raw deflate, stopping at `cap` bytes (what it got so far is
/// returned: the reader refuses it as too large).
fn inflate(data: &[u8], cap: usize) -> Result<Vec<u8>, ()> {
    use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};
    match decompress_to_vec_with_limit(data, cap) {
        Ok(bytes) => Ok(bytes),
        Err(error) if error.status == TINFLStatus::HasMoreOutput => Ok(error.output),
        Err(_) => Err(()),
    }
}

fn import(bytes: &[u8]) -> DocxImport {
    read_docx_with(bytes, inflate).expect("the file reads")
}

fn outline(sections: &[Section], depth: usize, out: &mut Vec<String>) {
    for section in sections {
        // A blank outline's empty section writes nothing to come back.
        if section.heading.trim().is_empty() && section.is_empty() {
            continue;
        }
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

/// A section's outline line for comparison: kind and heading, in
/// capitals (the DOCX writes headings in capitals where the rules say).
fn outline_upper(document: &Document) -> Vec<String> {
    outline_of(document)
        .into_iter()
        .map(|line| baocao::text::to_display_uppercase(&line))
        .collect()
}

/// Every table's cells as the outputs show them.
fn table_cells(sections: &[Section]) -> Vec<Vec<Vec<String>>> {
    tables_in(sections)
        .into_iter()
        .map(|table| {
            let view = baocao::table::view(table);
            let mut rows: Vec<Vec<String>> = table.header.clone();
            rows.extend(
                view.rows
                    .iter()
                    .map(|row| row.cells.iter().map(|cell| cell.text.clone()).collect()),
            );
            rows
        })
        .collect()
}

fn drafts_to_round_trip() -> Vec<(String, Document)> {
    let mut out = vec![
        ("seed sample".to_owned(), baocao::template::seed_sample()),
        ("tables sample".to_owned(), tables_sample::tables_sample()),
        (
            "benchmark report".to_owned(),
            baocao::large_report::benchmark_report(),
        ),
    ];
    for template in baocao::template::builtin() {
        let mut document = baocao::template::instantiate(&template);
        // An outline's headings with the frame of the sample, as a user
        // starting from it has them.
        document.meta = baocao::template::seed_sample().meta;
        document.closing = baocao::template::seed_sample().closing;
        out.push((format!("template {}", template.name), document));
    }
    out
}

#[test]
fn our_own_docx_exports_import_back_to_the_same_structure() {
    for (name, document) in drafts_to_round_trip() {
        let bytes = baocao::docx::docx(&document);
        let read = import(&bytes);
        let back = &read.import.document;
        assert_eq!(
            outline_upper(back),
            outline_upper(&document),
            "{name}: outline"
        );
        assert_eq!(
            table_cells(&back.sections),
            table_cells(&document.sections),
            "{name}: tables"
        );
        let (meta, want) = (&back.meta, &document.meta);
        let upper = baocao::text::to_display_uppercase;
        assert_eq!(
            (
                upper(&meta.issuing_body),
                upper(&meta.superior_body),
                &meta.number_symbol,
                &meta.place,
                &meta.date
            ),
            (
                upper(&want.issuing_body),
                upper(&want.superior_body),
                &want.number_symbol,
                &want.place,
                &want.date
            ),
            "{name}: header"
        );
        let (closing, want) = (&back.closing, &document.closing);
        // The writer ends each recipient with "," or "." as the rules say.
        let recipients = |list: &[String]| -> Vec<String> {
            list.iter()
                .map(|r| r.trim_end_matches([',', ';', '.']).to_owned())
                .collect()
        };
        assert_eq!(
            (
                &closing.signing_authority,
                &closing.position,
                &closing.signer_name,
                recipients(&closing.recipients)
            ),
            (
                &want.signing_authority,
                &want.position,
                &want.signer_name,
                recipients(&want.recipients)
            ),
            "{name}: signature"
        );
        let landscape = |d: &Document| -> Vec<bool> {
            d.sections
                .iter()
                .filter(|s| s.kind == SectionKind::Appendix)
                .map(|s| s.landscape)
                .collect()
        };
        assert_eq!(
            landscape(back),
            landscape(&document),
            "{name}: landscape appendices"
        );
        println!(
            "{name}: {} sections, {} tables, unplaced {:?}",
            outline_of(back).len(),
            read.tables,
            read.import.unplaced
        );
    }
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
    let docx_in = |folder: &Path, prefix: &str| -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(folder)
            .expect("the corpus folder")
            .filter_map(|entry| {
                let name = entry.ok()?.file_name().into_string().ok()?;
                name.strip_suffix(".docx")
                    .map(|stem| format!("{prefix}{stem}"))
            })
            .collect();
        names.sort();
        names
    };
    let mut names = docx_in(&corpus_dir(), "");
    assert!(
        names.len() >= 12,
        "the corpus holds {} Word files",
        names.len()
    );
    // The same files opened and saved again by LibreOffice, whose
    // WordprocessingML (numbering, styles, tables) is its own.
    names.extend(docx_in(&corpus_dir().join("libreoffice"), "libreoffice/"));
    let (mut got, mut of) = (0, 0);
    let mut failures = Vec::new();
    println!("{:<54} {:>7} {:>6}", "file", "points", "score");
    for name in &names {
        let bytes = fs::read(corpus_dir().join(format!("{name}.docx"))).expect("the file");
        let expected: Expected = serde_json::from_str(
            &fs::read_to_string(corpus_dir().join(format!(
                "{}.expected.json",
                name.trim_start_matches("libreoffice/")
            )))
            .expect("its expected.json"),
        )
        .expect("expected.json parses");
        let read = import(&bytes);
        let score = score_file(&read, &expected);
        println!(
            "{name:<54} {:>3}/{:<3} {:>5.1}%",
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
    println!("{:<54} {got:>3}/{of:<3} {overall:>5.1}%", "corpus");
    assert!(
        failures.is_empty(),
        "files below {FILE_THRESHOLD}%: {failures:?}"
    );
    assert!(overall >= CORPUS_THRESHOLD, "corpus at {overall:.1}%");
}

// ---------------------------------------------------------------- hostile

/// One entry of a hand-made zip: its name, the bytes stored for it, the
/// method, the size it declares, and its flags.
struct RawEntry {
    name: String,
    data: Vec<u8>,
    method: u16,
    declared: u32,
    flags: u16,
}

impl RawEntry {
    fn stored(name: &str, text: &[u8]) -> RawEntry {
        RawEntry {
            name: name.to_owned(),
            data: text.to_vec(),
            method: 0,
            declared: text.len() as u32,
            flags: 0,
        }
    }

    fn deflated(name: &str, text: &[u8]) -> RawEntry {
        RawEntry {
            name: name.to_owned(),
            data: miniz_oxide::deflate::compress_to_vec(text, 6),
            method: 8,
            declared: text.len() as u32,
            flags: 0,
        }
    }
}

/// A zip of `entries` (CRCs left at 0: the reader does not check them).
fn raw_zip(entries: &[RawEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for entry in entries {
        let offset = out.len() as u32;
        let header = |out: &mut Vec<u8>, signature: u32, central: bool| {
            out.extend_from_slice(&signature.to_le_bytes());
            if central {
                out.extend_from_slice(&20u16.to_le_bytes());
            }
            out.extend_from_slice(&20u16.to_le_bytes());
            out.extend_from_slice(&entry.flags.to_le_bytes());
            out.extend_from_slice(&entry.method.to_le_bytes());
            out.extend_from_slice(&[0; 4]);
            out.extend_from_slice(&0u32.to_le_bytes());
            out.extend_from_slice(&(entry.data.len() as u32).to_le_bytes());
            out.extend_from_slice(&entry.declared.to_le_bytes());
            out.extend_from_slice(&(entry.name.len() as u16).to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes());
            if central {
                out.extend_from_slice(&[0; 6]);
                out.extend_from_slice(&0u32.to_le_bytes());
                out.extend_from_slice(&offset.to_le_bytes());
            }
            out.extend_from_slice(entry.name.as_bytes());
        };
        header(&mut out, 0x0403_4b50, false);
        out.extend_from_slice(&entry.data);
        header(&mut central, 0x0201_4b50, true);
    }
    let start = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&start.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

const TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

fn document_xml(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    )
}

/// A minimal Word file around `document` (the bytes of document.xml).
fn minimal_docx(document: &[u8]) -> Vec<u8> {
    raw_zip(&[
        RawEntry::stored("[Content_Types].xml", TYPES.as_bytes()),
        RawEntry::deflated("word/document.xml", document),
    ])
}

/// How long a hostile input may take. Each is answered in well under a
/// second (debug build, one test at a time, on a loaded machine: the 1 GB
/// bomb, 10,000 nested tables and the rest under 0.05 s; 10,000 cells
/// spanning 64 columns 0.2 to 0.4 s); the limit leaves room for a machine
/// running the tests side by side, and still catches a hang or a blow-up.
const HOSTILE_SECONDS: f64 = 5.0;

/// Reads `bytes`, timed.
fn read_timed(bytes: &[u8]) -> Result<DocxImport, DocxError> {
    let started = std::time::Instant::now();
    let result = read_docx_with(bytes, inflate);
    let took = started.elapsed();
    assert!(took.as_secs_f64() < HOSTILE_SECONDS, "took {took:?}");
    if took.as_secs_f64() > 0.05 {
        println!("slowest inputs: {took:?}");
    }
    result
}

/// A deflate stream of `megabytes` MB of zeros, made without compressing
/// them all: one compressed megabyte ended by a sync flush (so that it can
/// be repeated: its back references only ever reach zeros), repeated, then
/// an empty final block.
fn zeros_stream(megabytes: usize) -> Vec<u8> {
    use miniz_oxide::deflate::core::{
        compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush,
    };
    let mut compressor = CompressorOxide::new(create_comp_flags_from_zip_params(6, -15, 0));
    let zeros = vec![0u8; 1 << 20];
    let mut chunk = vec![0u8; 64 * 1024];
    let (_, _, written) = compress(&mut compressor, &zeros, &mut chunk, TDEFLFlush::Sync);
    chunk.truncate(written);
    let mut out = Vec::with_capacity(chunk.len() * megabytes + 8);
    for _ in 0..megabytes {
        out.extend_from_slice(&chunk);
    }
    // An empty fixed-Huffman final block: BFINAL=1, BTYPE=01, end of block.
    out.extend_from_slice(&[0x03, 0x00]);
    out
}

#[test]
fn the_zeros_stream_inflates_to_what_it_says() {
    let stream = zeros_stream(3);
    let inflated = miniz_oxide::inflate::decompress_to_vec(&stream).expect("a valid stream");
    assert_eq!(inflated.len(), 3 << 20);
    assert!(inflated.iter().all(|&b| b == 0));
}

fn bomb(declared: u32) -> Vec<u8> {
    let stream = zeros_stream(1024);
    assert!(
        stream.len() < 2 << 20,
        "1 GB of zeros in {} bytes",
        stream.len()
    );
    raw_zip(&[
        RawEntry::stored("[Content_Types].xml", TYPES.as_bytes()),
        RawEntry {
            name: "word/document.xml".into(),
            data: stream,
            method: 8,
            declared,
            flags: 0,
        },
    ])
}

#[test]
fn a_zip_bomb_declared_as_small_is_stopped_at_its_declared_size() {
    let error = read_timed(&bomb(10_000)).unwrap_err();
    assert!(matches!(error, DocxError::PartTooLarge { .. }), "{error:?}");
}

#[test]
fn a_zip_bomb_declared_as_large_is_refused_before_inflating() {
    let bytes = bomb(1 << 30);
    let error = baocao::import_docx::plan(&bytes).unwrap_err();
    assert!(matches!(error, DocxError::PartTooLarge { .. }), "{error:?}");
    assert_eq!(read_timed(&bytes).unwrap_err(), error);
}

#[test]
fn a_part_declaring_more_than_deflate_can_give_is_refused() {
    // 8 MB declared from 1 KB: over deflate's 1,032 to 1.
    let bytes = raw_zip(&[
        RawEntry::stored("[Content_Types].xml", TYPES.as_bytes()),
        RawEntry {
            name: "word/document.xml".into(),
            data: vec![0; 1024],
            method: 8,
            declared: 8 << 20,
            flags: 0,
        },
    ]);
    let error = read_timed(&bytes).unwrap_err();
    assert!(matches!(error, DocxError::PartTooLarge { .. }), "{error:?}");
}

#[test]
fn ten_thousand_nested_tables_are_too_deep_not_a_stack_overflow() {
    let body = format!(
        "{}<w:p><w:r><w:t>deep</w:t></w:r></w:p>{}",
        "<w:tbl><w:tr><w:tc>".repeat(10_000),
        "</w:tc></w:tr></w:tbl>".repeat(10_000)
    );
    let error = read_timed(&minimal_docx(document_xml(&body).as_bytes())).unwrap_err();
    assert_eq!(error, DocxError::TooDeep);
}

#[test]
fn tables_nested_a_few_deep_give_their_text_to_the_cell() {
    let inner =
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>bên trong</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
    let body = format!(
        "<w:p><w:r><w:t>I. PHẦN MỘT</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/></w:tblPr><w:tr><w:tc><w:p><w:r><w:t>Chỉ tiêu</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Số</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc>{inner}</w:tc><w:tc><w:p><w:r><w:t>12</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    );
    let read = read_timed(&minimal_docx(document_xml(&body).as_bytes())).unwrap();
    let tables = tables_in(&read.import.document.sections);
    assert_eq!(tables.len(), 1);
    assert_eq!(tables[0].rows[0].cells[0].text, "bên trong");
}

#[test]
fn a_missing_document_part_is_named() {
    let bytes = raw_zip(&[
        RawEntry::stored("[Content_Types].xml", TYPES.as_bytes()),
        RawEntry::stored("word/styles.xml", b"<w:styles/>"),
    ]);
    assert_eq!(
        read_timed(&bytes).unwrap_err(),
        DocxError::MissingPart("word/document.xml".into())
    );
}

#[test]
fn a_doctype_with_entities_is_refused() {
    let xml = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"#;
    assert_eq!(
        read_timed(&minimal_docx(xml.as_bytes())).unwrap_err(),
        DocxError::Doctype
    );
    // An undeclared entity without a DOCTYPE is malformed XML.
    let xml = document_xml("<w:p><w:r><w:t>&lol;</w:t></w:r></w:p>");
    assert!(matches!(
        read_timed(&minimal_docx(xml.as_bytes())).unwrap_err(),
        DocxError::NotWellFormed { .. }
    ));
}

#[test]
fn malformed_xml_is_named_by_its_part() {
    for xml in [
        "<w:document><w:body><w:p></w:body></w:document>",
        "<w:document><w:body>",
        "not xml at all",
        "<w:document a=\"1\" a=\"2\"/>",
    ] {
        let error = read_timed(&minimal_docx(xml.as_bytes())).unwrap_err();
        assert_eq!(
            error,
            DocxError::NotWellFormed {
                part: "word/document.xml".into()
            },
            "{xml}"
        );
    }
}

#[test]
fn a_spreadsheet_or_wrong_content_types_are_not_word() {
    let wrong = TYPES.replace(
        "wordprocessingml.document.main+xml",
        "spreadsheetml.sheet.main+xml",
    );
    let bytes = raw_zip(&[
        RawEntry::stored("[Content_Types].xml", wrong.as_bytes()),
        RawEntry::deflated("word/document.xml", document_xml("").as_bytes()),
    ]);
    assert_eq!(read_timed(&bytes).unwrap_err(), DocxError::NotWord);
    let bytes = raw_zip(&[RawEntry::stored("xl/workbook.xml", b"<workbook/>")]);
    assert_eq!(read_timed(&bytes).unwrap_err(), DocxError::NotWord);
}

fn corpus_file() -> Vec<u8> {
    fs::read(corpus_dir().join("01-chi-bo-tong-ket.docx")).expect("a corpus file")
}

#[test]
fn a_truncated_zip_is_damaged() {
    let bytes = corpus_file();
    for cut in [bytes.len() / 2, bytes.len() - 1, bytes.len() - 30, 100, 4] {
        let error = read_timed(&bytes[..cut]).unwrap_err();
        assert!(
            matches!(error, DocxError::Damaged(_) | DocxError::NotWord),
            "cut at {cut}: {error:?}"
        );
    }
}

#[test]
fn a_50_mb_file_is_refused_before_unzipping() {
    let mut bytes = corpus_file();
    bytes.resize(50 << 20, 0);
    assert_eq!(
        read_timed(&bytes).unwrap_err(),
        DocxError::TooLarge { bytes: 50 << 20 }
    );
}

#[test]
fn garbage_and_other_programs_files_are_named() {
    assert_eq!(read_timed(b"").unwrap_err(), DocxError::NotWord);
    assert_eq!(read_timed(b"hello, world").unwrap_err(), DocxError::NotWord);
    assert_eq!(
        read_timed(b"PK\x03\x04 and nothing else").unwrap_err(),
        DocxError::Damaged(ZipProblem::NoDirectory)
    );
    let mut doc = vec![0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    doc.resize(4096, 0);
    assert_eq!(read_timed(&doc).unwrap_err(), DocxError::OldWord);
    let encrypted: Vec<u8> = doc
        .iter()
        .copied()
        .chain("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert_eq!(read_timed(&encrypted).unwrap_err(), DocxError::Encrypted);
    assert_eq!(
        read_timed(b"{\\rtf1\\ansi hello}").unwrap_err(),
        DocxError::Rtf
    );
    assert_eq!(read_timed(b"%PDF-1.7\n...").unwrap_err(), DocxError::Pdf);
    let odt = raw_zip(&[
        RawEntry::stored("mimetype", b"application/vnd.oasis.opendocument.text"),
        RawEntry::deflated("content.xml", b"<office:document-content/>"),
    ]);
    assert_eq!(read_timed(&odt).unwrap_err(), DocxError::OpenDocument);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..200 {
        let len = rng.below(4096);
        let mut bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        if rng.below(2) == 0 {
            bytes.splice(0..0, *b"PK\x03\x04");
        }
        assert!(read_timed(&bytes).is_err());
    }
}

#[test]
fn names_climbing_out_of_the_archive_are_refused() {
    for name in [
        "../word/document.xml",
        "word/../../etc/passwd",
        "/word/document.xml",
        "word\\document.xml",
        "C:/x.xml",
    ] {
        let bytes = raw_zip(&[
            RawEntry::stored("[Content_Types].xml", TYPES.as_bytes()),
            RawEntry::deflated(name, document_xml("").as_bytes()),
        ]);
        let error = read_timed(&bytes).unwrap_err();
        assert_eq!(
            error,
            DocxError::Damaged(ZipProblem::BadName(name.into())),
            "{name}"
        );
    }
}

#[test]
fn an_encrypted_entry_is_refused() {
    let mut entry = RawEntry::deflated("word/document.xml", document_xml("").as_bytes());
    entry.flags = 1;
    let bytes = raw_zip(&[
        RawEntry::stored("[Content_Types].xml", TYPES.as_bytes()),
        entry,
    ]);
    assert_eq!(read_timed(&bytes).unwrap_err(), DocxError::Encrypted);
}

#[test]
fn zip64_markers_are_refused() {
    let bytes = minimal_docx(document_xml("").as_bytes());
    // The end record's entry counts set to 0xFFFF, as zip64 archives have.
    let mut marked = bytes.clone();
    let end = marked.len() - 22;
    marked[end + 8..end + 12].copy_from_slice(&[0xff; 4]);
    assert_eq!(
        read_timed(&marked).unwrap_err(),
        DocxError::Damaged(ZipProblem::Zip64)
    );
    // An entry whose sizes are 0xFFFFFFFF (the real ones in a zip64 field).
    let mut entry = RawEntry::deflated("word/document.xml", document_xml("").as_bytes());
    entry.declared = u32::MAX;
    let bytes = raw_zip(&[
        RawEntry::stored("[Content_Types].xml", TYPES.as_bytes()),
        entry,
    ]);
    assert_eq!(
        read_timed(&bytes).unwrap_err(),
        DocxError::Damaged(ZipProblem::Zip64)
    );
}

#[test]
fn overlapping_entries_and_unknown_methods_are_damage() {
    let mut bytes = minimal_docx(document_xml("").as_bytes());
    // Point the second central entry at the first local header.
    let central =
        u32::from_le_bytes(bytes[bytes.len() - 6..bytes.len() - 2].try_into().unwrap()) as usize;
    let second = central + 46 + "[Content_Types].xml".len();
    bytes[second + 42..second + 46].copy_from_slice(&0u32.to_le_bytes());
    let error = read_timed(&bytes).unwrap_err();
    assert!(
        matches!(
            error,
            DocxError::Damaged(ZipProblem::Overlapping | ZipProblem::Truncated)
        ),
        "{error:?}"
    );
    let mut entry = RawEntry::deflated("word/document.xml", document_xml("").as_bytes());
    entry.method = 14;
    let bytes = raw_zip(&[
        RawEntry::stored("[Content_Types].xml", TYPES.as_bytes()),
        entry,
    ]);
    assert!(matches!(
        read_timed(&bytes).unwrap_err(),
        DocxError::Damaged(ZipProblem::Method { method: 14, .. })
    ));
}

#[test]
fn flipped_bytes_in_a_word_file_never_panic() {
    let original = corpus_file();
    let mut rng = Rng(42);
    let (mut errors, mut drafts) = (0, 0);
    for _ in 0..300 {
        let mut bytes = original.clone();
        for _ in 0..1 + rng.below(8) {
            let at = rng.below(bytes.len());
            bytes[at] = rng.next() as u8;
        }
        match read_timed(&bytes) {
            Ok(_) => drafts += 1,
            Err(error) => {
                errors += 1;
                // Every error has a sentence in both languages.
                for lang in [baocao::i18n::Lang::Vi, baocao::i18n::Lang::En] {
                    assert!(!baocao::i18n::describe_docx_error(lang, &error).is_empty());
                }
            }
        }
    }
    assert_eq!(errors + drafts, 300);
}

// ---------------------------------------------------------------- no word lost

/// Ordinary words (none a label, number or frame word), so that any
/// structure the reader makes comes from the markup around them.
const VOCABULARY: [&str; 24] = [
    "kết",
    "quả",
    "công",
    "tác",
    "viên",
    "nhân",
    "dân",
    "ấp",
    "học",
    "sinh",
    "kinh",
    "tế",
    "văn",
    "hóa",
    "tổ",
    "chức",
    "triển",
    "nông",
    "nghiệp",
    "giáo",
    "dục",
    "thôn",
    "đường",
    "lúa",
];

const NUMBERING: &str = r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl><w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="+"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#;

/// A generated block of a Word body.
#[derive(Clone, Debug)]
enum GenBlock {
    Plain(Vec<usize>),
    Numbered(u8, Vec<usize>),
    Bullet(u8, Vec<usize>),
    Labelled(Vec<usize>),
    Table {
        bordered: bool,
        cells: Vec<Vec<Vec<usize>>>,
    },
}

fn words_text(words: &[usize]) -> String {
    words
        .iter()
        .map(|&w| VOCABULARY[w])
        .collect::<Vec<_>>()
        .join(" ")
}

fn para_xml(props: &str, runs: &str) -> String {
    format!("<w:p><w:pPr>{props}</w:pPr>{runs}</w:p>")
}

fn run_xml(text: &str, bold: bool) -> String {
    let bold = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    format!("<w:r>{bold}<w:t xml:space=\"preserve\">{text}</w:t></w:r>")
}

fn generated_docx(blocks: &[GenBlock]) -> Vec<u8> {
    let mut body = String::new();
    for block in blocks {
        match block {
            GenBlock::Plain(words) => {
                body.push_str(&para_xml("", &run_xml(&words_text(words), false)))
            }
            GenBlock::Numbered(level, words) | GenBlock::Bullet(level, words) => {
                let id = if matches!(block, GenBlock::Numbered(..)) {
                    1
                } else {
                    2
                };
                let props = format!(
                    "<w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{id}\"/></w:numPr>"
                );
                body.push_str(&para_xml(&props, &run_xml(&words_text(words), false)));
            }
            GenBlock::Labelled(words) => {
                let runs = format!(
                    "{}{}",
                    run_xml("Ưu điểm: ", true),
                    run_xml(&words_text(words), false)
                );
                body.push_str(&para_xml("", &runs));
            }
            GenBlock::Table { bordered, cells } => {
                let border = if *bordered { "single" } else { "none" };
                body.push_str(&format!("<w:tbl><w:tblPr><w:tblBorders><w:top w:val=\"{border}\"/><w:insideV w:val=\"{border}\"/></w:tblBorders></w:tblPr>"));
                for row in cells {
                    body.push_str("<w:tr>");
                    for cell in row {
                        body.push_str(&format!(
                            "<w:tc>{}</w:tc>",
                            para_xml("", &run_xml(&words_text(cell), false))
                        ));
                    }
                    body.push_str("</w:tr>");
                }
                body.push_str("</w:tbl>");
            }
        }
    }
    let types = TYPES.replace(
        "</Types>",
        r#"<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>"#,
    );
    raw_zip(&[
        RawEntry::stored("[Content_Types].xml", types.as_bytes()),
        RawEntry::deflated("word/document.xml", document_xml(&body).as_bytes()),
        RawEntry::deflated("word/numbering.xml", NUMBERING.as_bytes()),
    ])
}

/// How many times each vocabulary word occurs in `text`.
fn vocabulary_counts(text: &str, counts: &mut [usize; VOCABULARY.len()]) {
    for word in text
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if let Some(at) = VOCABULARY.iter().position(|v| *v == word) {
            counts[at] += 1;
        }
    }
}

fn json_strings(value: &serde_json::Value, out: &mut String) {
    match value {
        serde_json::Value::String(text) => {
            out.push_str(text);
            out.push('\n');
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| json_strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| json_strings(v, out)),
        _ => {}
    }
}

fn gen_words() -> impl proptest::strategy::Strategy<Value = Vec<usize>> {
    proptest::collection::vec(0..VOCABULARY.len(), 1..7)
}

fn gen_block() -> impl proptest::strategy::Strategy<Value = GenBlock> {
    use proptest::prelude::*;
    prop_oneof![
        gen_words().prop_map(GenBlock::Plain),
        (0u8..3, gen_words()).prop_map(|(l, w)| GenBlock::Numbered(l, w)),
        (0u8..2, gen_words()).prop_map(|(l, w)| GenBlock::Bullet(l, w)),
        gen_words().prop_map(GenBlock::Labelled),
        (any::<bool>(), 1usize..4, 1usize..5).prop_flat_map(|(bordered, rows, cols)| {
            proptest::collection::vec(proptest::collection::vec(gen_words(), cols), rows)
                .prop_map(move |cells| GenBlock::Table { bordered, cells })
        }),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(96))]

    /// Every word of a generated Word file lands in the draft or in the
    /// unplaced list, and no word comes from nowhere.
    #[test]
    fn every_word_in_is_placed_or_listed(blocks in proptest::collection::vec(gen_block(), 1..14)) {
        let bytes = generated_docx(&blocks);
        let read = import(&bytes);
        let mut wanted = [0usize; VOCABULARY.len()];
        for block in &blocks {
            match block {
                GenBlock::Plain(w) | GenBlock::Numbered(_, w) | GenBlock::Bullet(_, w) | GenBlock::Labelled(w) => {
                    vocabulary_counts(&words_text(w), &mut wanted);
                }
                GenBlock::Table { cells, .. } => {
                    for cell in cells.iter().flatten() {
                        vocabulary_counts(&words_text(cell), &mut wanted);
                    }
                }
            }
        }
        let mut out = String::new();
        json_strings(&serde_json::to_value(&read.import.document).unwrap(), &mut out);
        for line in &read.import.unplaced {
            out.push_str(line);
            out.push('\n');
        }
        let mut got = [0usize; VOCABULARY.len()];
        vocabulary_counts(&out, &mut got);
        for (at, word) in VOCABULARY.iter().enumerate() {
            proptest::prop_assert!(
                got[at] >= wanted[at],
                "{word}: {} in, {} out\n{out}", wanted[at], got[at]
            );
            proptest::prop_assert!(got[at] == 0 || wanted[at] > 0, "{word} came from nowhere");
        }
    }
}

// ---------------------------------------------------------------- the shell's path

/// What the shell does: plan, copy the stored entries, inflate the others
/// capped at their declared size plus one, then `transfer::read_docx_parts`.
fn through_transfer(
    bytes: &[u8],
) -> Result<baocao::transfer::Incoming, baocao::transfer::ImportError> {
    use baocao::transfer::ImportError;
    let plan = baocao::import_docx::plan(bytes).map_err(ImportError::Docx)?;
    let mut parts = std::collections::BTreeMap::new();
    for entry in &plan.needed {
        let data = match baocao::import_docx::stored(bytes, entry) {
            Some(data) => data,
            None => inflate(&bytes[entry.data.clone()], entry.inflate_cap()).expect("inflates"),
        };
        parts.insert(entry.name.clone(), data);
    }
    baocao::transfer::read_docx_parts(&plan, &parts, bytes.len())
}

#[test]
fn a_word_file_comes_in_through_transfer_with_fresh_ids_and_its_pictures_listed() {
    let bytes = fs::read(corpus_dir().join("08-hinh-anh.docx")).unwrap();
    let plan = baocao::import_docx::plan(&bytes).unwrap();
    assert_eq!(plan.pictures, ["word/media/image1.png"]);
    assert!(plan
        .needed
        .iter()
        .all(|entry| !entry.name.starts_with("word/media/")));
    let incoming = through_transfer(&bytes).unwrap();
    assert_eq!(
        incoming.title,
        "Báo cáo kết quả tổ chức ngày hội đọc sách năm 2026"
    );
    assert_eq!(incoming.bytes, bytes.len());
    assert!(!incoming.is_template);
    assert_eq!(incoming.unplaced, ["Hình ảnh: image1.png"]);
    assert!(!incoming.document.has_repeated_ids());
    assert_eq!(incoming.sections, 2);
}

#[test]
fn a_part_inflated_past_its_declared_size_is_refused_by_read() {
    let bytes = corpus_file();
    let plan = baocao::import_docx::plan(&bytes).unwrap();
    let mut parts = std::collections::BTreeMap::new();
    for entry in &plan.needed {
        let mut data = inflate(&bytes[entry.data.clone()], entry.inflate_cap()).unwrap();
        if entry.name == "word/document.xml" {
            data.push(b' ');
        }
        parts.insert(entry.name.clone(), data);
    }
    assert!(matches!(
        baocao::import_docx::read(&plan, &parts),
        Err(DocxError::PartTooLarge { .. })
    ));
    if let Some(document) = parts.get_mut("word/document.xml") {
        document.pop();
    }
    parts.remove("word/styles.xml");
    assert_eq!(
        baocao::transfer::read_docx_parts(&plan, &parts, bytes.len()),
        Err(baocao::transfer::ImportError::Docx(DocxError::MissingPart(
            "word/styles.xml".into()
        )))
    );
}

#[test]
fn a_table_too_wide_for_a_draft_comes_in_as_lines() {
    // 45 columns: more than a table may have. Its rows stay text (placed
    // or listed), never a table over the limits.
    let row: String = (0..45)
        .map(|c| format!("<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>"))
        .collect();
    let body = format!(
        "<w:p><w:r><w:t>I. PHẦN</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/></w:tblPr><w:tr>{row}</w:tr><w:tr>{row}</w:tr></w:tbl>"
    );
    let incoming = through_transfer(&minimal_docx(document_xml(&body).as_bytes())).unwrap();
    assert!(baocao::table::tables_of(&incoming.document).is_empty());
    let mut text = String::new();
    json_strings(
        &serde_json::to_value(&incoming.document).unwrap(),
        &mut text,
    );
    text.extend(incoming.unplaced.iter().map(String::as_str));
    assert!(text.contains("44"), "{text}");
}

#[test]
fn hidden_text_is_left_out_and_text_boxes_caps_and_fallback_pictures_are_read_once() {
    let body = r#"<w:p><w:r><w:rPr><w:caps/></w:rPr><w:t>i. phần hoa</w:t></w:r></w:p>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>Nội dung giữ lại</w:t></w:r><w:del><w:r><w:delText>chữ đã xóa</w:delText></w:r></w:del></w:p>
<w:p><w:r><w:t>Đoạn có ảnh</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><a:blip r:embed="rId5"/><wps:txbx><w:txbxContent><w:p><w:r><w:t>chữ trong hộp</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:imagedata r:id="rId5"/><w:p><w:r><w:t>chữ trong hộp</w:t></w:r></w:p></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#;
    let read = read_timed(&minimal_docx(document_xml(body).as_bytes())).unwrap();
    let document = &read.import.document;
    assert_eq!(document.sections.len(), 1);
    assert_eq!(document.sections[0].heading, "PHẦN HOA");
    assert_eq!(read.pictures, 1);
    let mut text = String::new();
    json_strings(&serde_json::to_value(document).unwrap(), &mut text);
    text.extend(read.import.unplaced.iter().map(|line| format!("{line}\n")));
    assert!(text.contains("Nội dung giữ lại"), "{text}");
    assert_eq!(text.matches("chữ trong hộp").count(), 1, "{text}");
    assert!(
        !text.contains("PAGE") && !text.contains("chữ đã xóa"),
        "{text}"
    );
}

#[test]
fn footnotes_are_listed_not_lost() {
    let notes = r#"<?xml version="1.0"?><w:footnotes xmlns:w="w"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>Số liệu tính đến ngày 30/9.</w:t></w:r></w:p></w:footnote></w:footnotes>"#;
    let body = r#"<w:p><w:r><w:t>I. PHẦN MỘT</w:t></w:r></w:p><w:p><w:r><w:t>Có 12 hộ</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>"#;
    let bytes = raw_zip(&[
        RawEntry::stored("[Content_Types].xml", TYPES.as_bytes()),
        RawEntry::deflated("word/document.xml", document_xml(body).as_bytes()),
        RawEntry::deflated("word/footnotes.xml", notes.as_bytes()),
    ]);
    let read = read_timed(&bytes).unwrap();
    assert_eq!(
        read.import.unplaced,
        ["Chú thích: Số liệu tính đến ngày 30/9."]
    );
}

#[test]
fn cells_spanning_many_columns_cannot_inflate_memory() {
    // 10,000 cells each spanning 64 columns: 640,000 places if spans were
    // taken at their word (a 32 MB part could hold 600,000 such cells).
    let row: String =
        "<w:tc><w:tcPr><w:gridSpan w:val=\"64\"/></w:tcPr><w:p/></w:tc>".repeat(1_000);
    let rows = format!("<w:tr>{row}</w:tr>").repeat(10);
    let body = format!("<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/></w:tblPr>{rows}</w:tbl>");
    let read = read_timed(&minimal_docx(document_xml(&body).as_bytes())).unwrap();
    assert_eq!(read.tables, 0);
}

#[test]
fn many_vertical_merges_are_read_quickly() {
    // A first column merged down 20,000 rows beside a second column that
    // starts a merge on every row: a search through all merges for each
    // continuing cell of the first column would be quadratic.
    let cell = |merge: &str| format!("<w:tc><w:tcPr>{merge}</w:tcPr><w:p/></w:tc>");
    let restart = cell("<w:vMerge w:val=\"restart\"/>");
    let continued = cell("<w:vMerge/>");
    let body = format!(
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/></w:tblPr><w:tr>{restart}{restart}</w:tr>{}</w:tbl>",
        format!("<w:tr>{continued}{restart}</w:tr>").repeat(20_000)
    );
    read_timed(&minimal_docx(document_xml(&body).as_bytes())).unwrap();
}
