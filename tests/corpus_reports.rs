//! The corpus of report texts (`tests/corpus/reports/`): reports written by
//! this team in the shapes real published reports take (Party and State;
//! chi bộ, Đảng ủy, UBND, schools; website posts, PDF and Word copies,
//! TCVN3, VNI-Windows and mixed encodings, NFD), each imported as plain
//! text and scored against its expected structure (`*.expected.json`,
//! format in the corpus' README.md): header fields, title and subject, the
//! outline (divisions, parts, items, points, appendices) with headings,
//! assessments, tables, the closing, the encoding converted and the lines
//! left unplaced. It prints a score per file and per shape, and fails below
//! the thresholds. The seed report is one file among them.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use baocao::import_text::{read_text, TextImport};
use baocao::model::{AssessmentLabel, Block, Document, Section, SectionKind};
use serde::Deserialize;

/// The lowest score a file may have, in percent of its points, unless it
/// names a known gap.
const FILE_THRESHOLD: f64 = 75.0;
/// The lowest score over the whole corpus.
const CORPUS_THRESHOLD: f64 = 90.0;
/// The fewest files the corpus holds (issue 17 asks for 60 texts).
const MIN_FILES: usize = 60;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Expected {
    /// The shape family the file stands for ("website-post",
    /// "pdf-copy", "state-closing" …); scores are summed per shape.
    shape: String,
    /// A shape the importer does not read yet, said in words: the file
    /// counts in the totals but is not held to `FILE_THRESHOLD`.
    #[serde(default)]
    known_gap: Option<String>,
    /// "party" or "state", when the text says which.
    #[serde(default)]
    ruleset: Option<String>,
    #[serde(default)]
    header: ExpectedHeader,
    /// "BÁO CÁO" as printed above the subject.
    #[serde(default)]
    doc_type: Option<String>,
    #[serde(default)]
    subject: Option<String>,
    /// The outline in reading order: `[level, heading]` with level one of
    /// "division", "part", "item", "point", "appendix". Headings compare
    /// on their first 60 characters, spaces collapsed.
    #[serde(default)]
    outline: Vec<(String, String)>,
    /// Assessment groups in reading order: the printed label ("Ưu điểm",
    /// "Hạn chế", a custom label as written), followed by ": không có"
    /// when the group says there is nothing to report.
    #[serde(default)]
    assessments: Vec<String>,
    /// Tables in reading order: rows (body rows) and columns.
    #[serde(default)]
    tables: Vec<ExpectedTable>,
    #[serde(default)]
    closing: ExpectedClosing,
    /// "tcvn3", "vni" or "none".
    #[serde(default)]
    converted: Option<String>,
    /// The most lines left unplaced that is still right (website
    /// leftovers, photo captions, page numbers belong there).
    #[serde(default)]
    unplaced_max: Option<usize>,
    /// Texts that must be among the unplaced lines (each a substring).
    #[serde(default)]
    unplaced: Vec<String>,
    /// Texts that must be somewhere in the draft's body (each a
    /// substring of some paragraph, bullet or heading): a line joined
    /// back after a hard wrap, a point's run-in text.
    #[serde(default)]
    body_contains: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ExpectedHeader {
    #[serde(default)]
    superior_body: Option<String>,
    #[serde(default)]
    issuing_body: Option<String>,
    #[serde(default)]
    number_symbol: Option<String>,
    #[serde(default)]
    place: Option<String>,
    /// [day, month, year], 0 for a blank.
    #[serde(default)]
    date: Option<(u16, u16, u16)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedTable {
    rows: usize,
    columns: usize,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ExpectedClosing {
    #[serde(default)]
    signing_authority: Option<String>,
    #[serde(default)]
    position: Option<String>,
    #[serde(default)]
    signer_name: Option<String>,
    /// How many recipient lines under "Nơi nhận:".
    #[serde(default)]
    recipients: Option<usize>,
}

/// Points won out of points possible, by what they measure.
#[derive(Default, Clone, Copy)]
struct Score {
    header: (usize, usize),
    outline: (usize, usize),
    assessments: (usize, usize),
    tables: (usize, usize),
    closing: (usize, usize),
    rest: (usize, usize),
}

const COLUMNS: [&str; 6] = [
    "header",
    "outline",
    "assessments",
    "tables",
    "closing",
    "rest",
];

impl Score {
    fn all(&self) -> [(usize, usize); 6] {
        [
            self.header,
            self.outline,
            self.assessments,
            self.tables,
            self.closing,
            self.rest,
        ]
    }

    fn percent(&self) -> f64 {
        let (won, possible) = self
            .all()
            .iter()
            .fold((0, 0), |(w, p), (won, possible)| (w + won, p + possible));
        percent(won, possible)
    }

    fn add(&mut self, other: &Score) {
        for (mine, theirs) in [
            (&mut self.header, other.header),
            (&mut self.outline, other.outline),
            (&mut self.assessments, other.assessments),
            (&mut self.tables, other.tables),
            (&mut self.closing, other.closing),
            (&mut self.rest, other.rest),
        ] {
            mine.0 += theirs.0;
            mine.1 += theirs.1;
        }
    }
}

fn percent(won: usize, possible: usize) -> f64 {
    if possible == 0 {
        100.0
    } else {
        100.0 * won as f64 / possible as f64
    }
}

/// Spaces collapsed, cut to 60 characters: how headings compare.
fn key(text: &str) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed.chars().take(60).collect()
}

/// One point for a field that is said, won when it is equal.
fn field(score: &mut (usize, usize), want: &Option<String>, found: &str) {
    if let Some(want) = want {
        score.1 += 1;
        score.0 += usize::from(key(want) == key(found));
    }
}

/// The length of the longest common subsequence of two lists.
fn common<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                row[j + 1].max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Points for two lists: what they share in order, out of the longer.
fn list_points<T: PartialEq>(found: &[T], expected: &[T]) -> (usize, usize) {
    if found.is_empty() && expected.is_empty() {
        return (1, 1);
    }
    (common(found, expected), found.len().max(expected.len()))
}

/// The outline as `[level, heading]`, in reading order.
fn outline(document: &Document) -> Vec<(String, String)> {
    fn walk(sections: &[Section], depth: usize, out: &mut Vec<(String, String)>) {
        for section in sections {
            let level = match section.kind {
                SectionKind::Division => "division",
                SectionKind::Appendix => "appendix",
                SectionKind::Numbered => ["part", "item", "point", "point"][depth.min(3)],
            };
            out.push((level.to_owned(), key(&section.heading)));
            let below = if section.kind == SectionKind::Division {
                0
            } else {
                depth + 1
            };
            walk(&section.children, below, out);
        }
    }
    let mut out = Vec::new();
    walk(&document.sections, 0, &mut out);
    out
}

fn assessments_in(blocks: &[Block], out: &mut Vec<String>) {
    for block in blocks {
        match block {
            Block::Assessment(group) => {
                let label = match &group.label {
                    AssessmentLabel::Custom(text) => text.clone(),
                    label => label.text().to_owned(),
                };
                let label = label.trim_end_matches(':').trim().to_owned();
                out.push(if group.nothing_to_report {
                    format!("{label}: không có")
                } else {
                    label
                });
                assessments_in(&group.blocks, out);
            }
            Block::List(list) => {
                for item in &list.items {
                    assessments_in(&item.blocks, out);
                }
            }
            Block::Paragraph(_) | Block::Figure(_) | Block::Table(_) => {}
        }
    }
}

fn sections_assessments(sections: &[Section], out: &mut Vec<String>) {
    for section in sections {
        assessments_in(&section.blocks, out);
        sections_assessments(&section.children, out);
    }
}

fn tables_in(blocks: &[Block], out: &mut Vec<(usize, usize)>) {
    for block in blocks {
        match block {
            Block::Table(table) => out.push((table.rows.len(), table.columns.len())),
            Block::List(list) => {
                for item in &list.items {
                    tables_in(&item.blocks, out);
                }
            }
            Block::Assessment(group) => tables_in(&group.blocks, out),
            Block::Paragraph(_) | Block::Figure(_) => {}
        }
    }
}

fn sections_tables(sections: &[Section], out: &mut Vec<(usize, usize)>) {
    for section in sections {
        tables_in(&section.blocks, out);
        sections_tables(&section.children, out);
    }
}

/// Every text of the draft's body, headings included, for `body_contains`.
fn body_text(document: &Document) -> String {
    fn blocks_text(blocks: &[Block], out: &mut String) {
        for block in blocks {
            match block {
                Block::Paragraph(paragraph) => out.push_str(&paragraph.text),
                Block::List(list) => {
                    for item in &list.items {
                        out.push_str(&item.text);
                        out.push('\n');
                        blocks_text(&item.blocks, out);
                    }
                }
                Block::Assessment(group) => blocks_text(&group.blocks, out),
                Block::Figure(figure) => out.push_str(&figure.caption),
                Block::Table(table) => {
                    for row in baocao::table::view(table).rows {
                        for cell in row.cells {
                            out.push_str(&cell.text);
                            out.push('\t');
                        }
                    }
                }
            }
            out.push('\n');
        }
    }
    fn sections_text(sections: &[Section], out: &mut String) {
        for section in sections {
            out.push_str(&section.heading);
            out.push('\n');
            blocks_text(&section.blocks, out);
            sections_text(&section.children, out);
        }
    }
    let mut out = String::new();
    blocks_text(&document.preamble, &mut out);
    sections_text(&document.sections, &mut out);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn score(imported: &TextImport, expected: &Expected) -> Score {
    let document = &imported.document;
    let meta = &document.meta;
    let mut score = Score::default();

    let header = &expected.header;
    field(
        &mut score.header,
        &header.superior_body,
        &meta.superior_body,
    );
    field(&mut score.header, &header.issuing_body, &meta.issuing_body);
    field(
        &mut score.header,
        &header.number_symbol,
        &meta.number_symbol,
    );
    field(&mut score.header, &header.place, &meta.place);
    if let Some((day, month, year)) = header.date {
        let found = (
            meta.date.day.map_or(0, u16::from),
            meta.date.month.map_or(0, u16::from),
            meta.date.year.unwrap_or(0),
        );
        score.header.1 += 1;
        score.header.0 += usize::from(found == (day, month, year));
    }
    field(&mut score.header, &expected.doc_type, &meta.doc_type);
    field(&mut score.header, &expected.subject, &meta.subject);
    if let Some(ruleset) = &expected.ruleset {
        let found = serde_json::to_value(meta.ruleset).unwrap();
        score.header.1 += 1;
        score.header.0 += usize::from(found.as_str() == Some(ruleset.as_str()));
    }

    let want_outline: Vec<(String, String)> = expected
        .outline
        .iter()
        .map(|(level, heading)| (level.clone(), key(heading)))
        .collect();
    score.outline = list_points(&outline(document), &want_outline);

    let mut found_assessments = Vec::new();
    assessments_in(&document.preamble, &mut found_assessments);
    sections_assessments(&document.sections, &mut found_assessments);
    let found_assessments: Vec<String> = found_assessments.iter().map(|a| key(a)).collect();
    let want_assessments: Vec<String> = expected.assessments.iter().map(|a| key(a)).collect();
    score.assessments = list_points(&found_assessments, &want_assessments);

    let mut found_tables = Vec::new();
    tables_in(&document.preamble, &mut found_tables);
    sections_tables(&document.sections, &mut found_tables);
    let want_tables: Vec<(usize, usize)> = expected
        .tables
        .iter()
        .map(|t| (t.rows, t.columns))
        .collect();
    score.tables = list_points(&found_tables, &want_tables);

    let closing = &expected.closing;
    let found = &document.closing;
    field(
        &mut score.closing,
        &closing.signing_authority,
        &found.signing_authority,
    );
    field(&mut score.closing, &closing.position, &found.position);
    field(&mut score.closing, &closing.signer_name, &found.signer_name);
    if let Some(recipients) = closing.recipients {
        score.closing.1 += 1;
        score.closing.0 += usize::from(found.recipients.len() == recipients);
    }

    if let Some(converted) = &expected.converted {
        let found = match imported.converted_from {
            None => "none".to_owned(),
            Some(encoding) => format!("{encoding:?}").to_lowercase(),
        };
        score.rest.1 += 1;
        score.rest.0 += usize::from(&found == converted);
    }
    if let Some(max) = expected.unplaced_max {
        score.rest.1 += 1;
        score.rest.0 += usize::from(imported.unplaced.len() <= max);
    }
    for want in &expected.unplaced {
        score.rest.1 += 1;
        score.rest.0 += usize::from(imported.unplaced.iter().any(|line| line.contains(want)));
    }
    let body = body_text(document);
    for want in &expected.body_contains {
        let want = want.split_whitespace().collect::<Vec<_>>().join(" ");
        score.rest.1 += 1;
        score.rest.0 += usize::from(body.contains(&want));
    }
    score
}

/// What the importer made of a file, for reading when a score drops.
fn describe(imported: &TextImport) -> String {
    let document = &imported.document;
    let meta = &document.meta;
    let mut out = format!(
        "ruleset {:?} | superior {:?} | issuing {:?} | number {:?} | place {:?} | date {:?}\n\
         doc type {:?} | subject {:?} | converted {:?}\n",
        meta.ruleset,
        meta.superior_body,
        meta.issuing_body,
        meta.number_symbol,
        meta.place,
        meta.date,
        meta.doc_type,
        meta.subject,
        imported.converted_from,
    );
    for (level, heading) in outline(document) {
        out.push_str(&format!("  {level:9} {heading:?}\n"));
    }
    let mut assessments = Vec::new();
    sections_assessments(&document.sections, &mut assessments);
    out.push_str(&format!("assessments {assessments:?}\n"));
    let mut tables = Vec::new();
    sections_tables(&document.sections, &mut tables);
    out.push_str(&format!("tables (rows, columns) {tables:?}\n"));
    let closing = &document.closing;
    out.push_str(&format!(
        "closing {:?} / {:?} / {:?}, {} recipients\n",
        closing.signing_authority,
        closing.position,
        closing.signer_name,
        closing.recipients.len()
    ));
    out.push_str(&format!("unplaced {:?}\n", imported.unplaced));
    out
}

/// The file's text: UTF-8, or the bytes of an old Windows code page read
/// as the app reads a file (`transfer::decode_text`).
fn read(path: &Path) -> String {
    let bytes = fs::read(path).unwrap();
    baocao::transfer::decode_text(&bytes)
        .unwrap_or_else(|| panic!("{} is not text", path.display()))
        .into_owned()
}

#[test]
fn the_corpus_of_report_texts_scores_above_its_thresholds() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/reports");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".txt"))
        .collect();
    names.sort();
    // The seed report stays in the corpus, read from where it lives.
    let seed = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bao-cao-tong-ket-thpt-lap-vo-2.txt");
    let mut files: Vec<(String, std::path::PathBuf)> = names
        .iter()
        .map(|name| (name.clone(), dir.join(name)))
        .collect();
    files.push(("seed".to_owned(), seed));
    let min_files = std::env::var("CORPUS_MIN_FILES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(MIN_FILES);
    assert!(
        files.len() >= min_files,
        "the corpus has {} files, fewer than {min_files}",
        files.len()
    );

    let mut total = Score::default();
    let mut by_shape: BTreeMap<String, (usize, Score)> = BTreeMap::new();
    let mut failures = Vec::new();
    println!(
        "{:48} {:>6} | {}",
        "file",
        "score",
        COLUMNS.map(|c| format!("{c:>11}")).join(" ")
    );
    for (name, path) in &files {
        let expected_path = if name == "seed" {
            dir.join("seed.expected.json")
        } else {
            path.with_extension("expected.json")
        };
        let expected: Expected = serde_json::from_str(
            &fs::read_to_string(&expected_path)
                .unwrap_or_else(|_| panic!("{} is missing", expected_path.display())),
        )
        .unwrap_or_else(|error| panic!("{}: {error}", expected_path.display()));
        let imported = read_text(&read(path));
        let file_score = score(&imported, &expected);
        println!(
            "{:48} {:>5.1}% | {}",
            name,
            file_score.percent(),
            file_score
                .all()
                .map(|(won, possible)| format!("{:>11}", format!("{won}/{possible}")))
                .join(" ")
        );
        // CORPUS_DESCRIBE=<part of a file name> prints what the importer
        // made of the matching files, for writing and checking expectations.
        if std::env::var("CORPUS_DESCRIBE").is_ok_and(|wanted| name.contains(&wanted)) {
            println!("{}", describe(&imported));
        }
        total.add(&file_score);
        let shape = by_shape.entry(expected.shape.clone()).or_default();
        shape.0 += 1;
        shape.1.add(&file_score);
        if file_score.percent() < FILE_THRESHOLD && expected.known_gap.is_none() {
            failures.push(format!(
                "{name}: {:.1} %\n{}",
                file_score.percent(),
                describe(&imported)
            ));
        }
    }
    println!("\nby shape:");
    for (shape, (count, score)) in &by_shape {
        println!("{shape:32} {count:>3} files {:>6.1} %", score.percent());
    }
    println!(
        "\nby measure: {}",
        COLUMNS
            .iter()
            .zip(total.all())
            .map(|(name, (won, possible))| format!("{name} {:.1} %", percent(won, possible)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!("corpus: {} files, {:.1} %", files.len(), total.percent());
    assert!(
        failures.is_empty(),
        "files below {FILE_THRESHOLD} %:\n{}",
        failures.join("\n")
    );
    assert!(
        total.percent() >= CORPUS_THRESHOLD,
        "the corpus scores {:.1} %, below {CORPUS_THRESHOLD} %",
        total.percent()
    );
}
