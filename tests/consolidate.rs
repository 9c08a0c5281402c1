//! Consolidating units' reports (`baocao::consolidate`): 3 and 30
//! generated units, missing and extra sections, "không có", tables of
//! another shape, a unit file of an older format, the same unit twice; the
//! 3-unit draft as text against its golden file.

mod rng;

use baocao::consolidate::{
    completeness_csv, consolidate, plan, Breakdown, Cell, DuplicateReason, Note, Options, Target,
    Unit, OTHER_CONTENT_HEADING,
};
use baocao::export::plain_text;
use baocao::model::{
    Assessment, AssessmentLabel, BesideSource, Block, Document, List, ListItem, Meta, Section,
    Shared,
};
use baocao::table::{self, Cell as TableCell, Column, ColumnKind, Formula, Row, RowKind, Table};
use rng::Rng;

const PART_HEADINGS: [&str; 5] = [
    "Công tác chính trị, tư tưởng",
    "Công tác tổ chức, xây dựng Đảng",
    "Công tác kiểm tra, giám sát",
    "Lãnh đạo phát triển kinh tế - xã hội",
    "Đánh giá chung và phương hướng",
];

const WORDS: [&str; 16] = [
    "tuyên truyền",
    "đảng viên",
    "sinh hoạt",
    "nghị quyết",
    "hộ nghèo",
    "giao thông nông thôn",
    "an ninh trật tự",
    "học tập",
    "thôn ấp",
    "mô hình",
    "kinh tế hộ",
    "vệ sinh môi trường",
    "quỹ khuyến học",
    "tiếp dân",
    "văn hóa",
    "kết nạp",
];

fn item_heading(part: usize, item: usize) -> String {
    format!("Nội dung {} thứ {}", WORDS[(part * 3 + item) % WORDS.len()], item + 1)
}

fn sentence(rng: &mut Rng, unit: usize) -> String {
    let words: Vec<&str> = (0..4 + rng.below(6))
        .map(|_| WORDS[rng.below(WORDS.len())])
        .collect();
    format!("Ấp {} làm tốt công tác {}.", unit + 1, words.join(", "))
}

/// A results table: "Chỉ tiêu", planned, done, and the share done (%),
/// computed; four rows of figures and a total.
fn results_table(rng: &mut Rng, caption: &str, rows: usize) -> Table {
    let mut table_rows: Vec<Row> = (0..rows)
        .map(|r| {
            let planned = 10 + rng.below(90);
            let done = rng.below(planned + 1);
            Row {
                cells: vec![
                    TableCell {
                        text: format!("Chỉ tiêu {}", r + 1),
                        typed: false,
                    },
                    TableCell {
                        text: planned.to_string(),
                        typed: false,
                    },
                    TableCell {
                        text: done.to_string(),
                        typed: false,
                    },
                    TableCell::default(),
                ],
                ..Row::default()
            }
        })
        .collect();
    table_rows.push(Row {
        kind: RowKind::Total,
        cells: vec![
            TableCell {
                text: "Tổng cộng".into(),
                typed: false,
            },
            TableCell::default(),
            TableCell::default(),
            TableCell::default(),
        ],
        ..Row::default()
    });
    let column = |id, kind| Column {
        id,
        kind,
        width: 1,
        ..Column::default()
    };
    Table {
        caption: caption.to_owned(),
        unit: "Chỉ tiêu".into(),
        columns: vec![
            column(1, ColumnKind::Text),
            column(2, ColumnKind::Number { decimals: 0 }),
            column(3, ColumnKind::Number { decimals: 0 }),
            column(
                4,
                ColumnKind::Computed {
                    formula: Formula::Percent { part: 3, whole: 2 },
                    decimals: 1,
                },
            ),
        ],
        header: vec![vec![
            "Chỉ tiêu".into(),
            "Kế hoạch".into(),
            "Thực hiện".into(),
            "Tỉ lệ (%)".into(),
        ]],
        rows: table_rows,
        ..Table::default()
    }
}

/// Unit `unit`'s draft: `items` items over five parts, `tables` results
/// tables in the first items of the first parts, the last part's items
/// with assessment groups. Deterministic for a seed.
fn unit_draft(seed: u64, unit: usize, items: usize, tables: usize) -> Document {
    let mut rng = Rng(seed.wrapping_mul(2_654_435_761).wrapping_add(unit as u64 + 1));
    let per_part = items.div_ceil(5).max(1);
    let mut sections = Vec::new();
    let mut made = 0;
    let mut tables_left = tables;
    for (part, heading) in PART_HEADINGS.iter().enumerate() {
        let mut children = Vec::new();
        for item in 0..per_part {
            if made == items {
                break;
            }
            made += 1;
            let mut blocks = vec![Block::paragraph(sentence(&mut rng, unit))];
            if rng.below(3) == 0 {
                blocks.push(Block::List(List {
                    id: 0,
                    items: (0..2)
                        .map(|_| ListItem {
                            text: sentence(&mut rng, unit),
                            ..ListItem::default()
                        })
                        .collect(),
                }));
            }
            if part == 4 {
                blocks.push(Block::Assessment(Assessment {
                    id: 0,
                    label: AssessmentLabel::Strengths,
                    nothing_to_report: false,
                    blocks: vec![Block::paragraph(sentence(&mut rng, unit))],
                }));
                blocks.push(Block::Assessment(Assessment {
                    id: 0,
                    label: AssessmentLabel::Limitations,
                    nothing_to_report: true,
                    blocks: vec![Block::paragraph("Không có.".into())],
                }));
            }
            if item == 0 && tables_left > 0 {
                tables_left -= 1;
                blocks.push(Block::Table(results_table(
                    &mut rng,
                    &format!("Bảng {}. Kết quả thực hiện chỉ tiêu", tables - tables_left),
                    4,
                )));
            }
            children.push(Section {
                heading: item_heading(part, item),
                blocks: Shared::new(blocks),
                ..Section::default()
            });
        }
        sections.push(Section {
            heading: (*heading).to_owned(),
            children,
            ..Section::default()
        });
    }
    let mut document = Document {
        title: "Báo cáo kết quả công tác năm 2026".into(),
        template_id: "generated-units".into(),
        meta: Meta {
            superior_body: "ĐẢNG BỘ XÃ TÂN HÒA".into(),
            issuing_body: format!("CHI BỘ ẤP {}", unit + 1),
            doc_type: "BÁO CÁO".into(),
            subject: "kết quả công tác năm 2026".into(),
            place: "Tân Hòa".into(),
            ..Meta::default()
        },
        preamble: vec![Block::paragraph(format!(
            "Thực hiện Kế hoạch của Đảng ủy xã, Chi bộ Ấp {} báo cáo như sau:",
            unit + 1
        ))],
        sections,
        ..Document::default()
    };
    document.assign_ids();
    document
}

fn units(count: usize, items: usize, tables: usize) -> Vec<Unit> {
    (0..count)
        .map(|n| Unit::new(unit_draft(7, n, items, tables), &format!("ap-{}.baocao.json", n + 1)))
        .collect()
}

/// The three units of the golden file: Ấp 2 has no part III and says
/// "không có" for I.1; Ấp 3 has an extra part and a table with one more
/// row.
fn three_units() -> Vec<Unit> {
    let mut list = units(3, 10, 2);
    let second = &mut list[1].document;
    second.sections.remove(2);
    second.sections[0].children[0].blocks = Shared::new(vec![Block::paragraph("Không có.".into())]);
    let third = &mut list[2].document;
    third.sections.insert(
        3,
        Section {
            heading: "Công tác dân vận".into(),
            blocks: Shared::new(vec![Block::paragraph(
                "Ấp 3 vận động nhân dân hiến 300 m² đất làm đường.".into(),
            )]),
            ..Section::default()
        },
    );
    for block in third.sections[1].children[0].blocks.iter_mut() {
        if let Block::Table(table) = block {
            table.rows.insert(
                4,
                Row {
                    cells: ["Chỉ tiêu 5", "7", "5", ""]
                        .map(|text| TableCell {
                            text: text.into(),
                            typed: false,
                        })
                        .to_vec(),
                    ..Row::default()
                },
            );
        }
    }
    third.assign_ids();
    list
}

/// The tables among `blocks` (not in lists).
fn tables_in(blocks: &[Block]) -> Vec<&Table> {
    blocks
        .iter()
        .filter_map(|block| match block {
            Block::Table(table) => Some(table),
            _ => None,
        })
        .collect()
}

fn all_tables(document: &Document) -> Vec<&Table> {
    fn walk<'a>(list: &'a [Section], out: &mut Vec<&'a Table>) {
        for section in list {
            out.extend(tables_in(&section.blocks));
            walk(&section.children, out);
        }
    }
    let mut out = Vec::new();
    walk(&document.sections, &mut out);
    out
}

fn golden(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected =
        std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing golden file {name}"));
    assert!(
        actual == expected,
        "{name} differs from its golden file; rerun with UPDATE_GOLDEN=1 after checking"
    );
}

#[test]
fn three_units_consolidate_to_their_golden_text() {
    let units = three_units();
    let options = Options::default();
    let plan = plan(&units, &options);
    let made = consolidate(&units, &options, &plan);
    golden(
        "tests/golden/consolidate-3-units.txt",
        &plain_text(&made.document),
    );
}
