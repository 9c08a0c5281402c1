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
    format!(
        "Nội dung {} thứ {}",
        WORDS[(part * 3 + item) % WORDS.len()],
        item + 1
    )
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
    let mut rng = Rng(seed
        .wrapping_mul(2_654_435_761)
        .wrapping_add(unit as u64 + 1));
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
        .map(|n| {
            Unit::new(
                unit_draft(7, n, items, tables),
                &format!("ap-{}.baocao.json", n + 1),
            )
        })
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

/// The row of the plan's outline with `reference`.
fn row_of(plan: &baocao::consolidate::Plan, reference: &str) -> usize {
    plan.outline
        .iter()
        .position(|row| row.reference == reference)
        .unwrap_or_else(|| panic!("no outline row {reference}"))
}

#[test]
fn the_plan_names_missing_sections_extra_ones_nothing_to_report_and_other_shapes() {
    let units = three_units();
    let plan = plan(&units, &Options::default());
    assert_eq!(plan.units, vec![0, 1, 2]);
    assert_eq!(plan.outline.len(), 15);
    // Ấp 2 has no part III; it said "không có" for I.1.
    for reference in ["III", "III.1", "III.2"] {
        let row = row_of(&plan, reference);
        assert_eq!(
            plan.matrix[row],
            vec![Cell::Filled, Cell::Missing, Cell::Filled]
        );
    }
    assert_eq!(plan.matrix[row_of(&plan, "I.1")][1], Cell::NothingToReport);
    // A part stands for its items: I is filled for Ấp 2 through I.2.
    assert_eq!(plan.matrix[row_of(&plan, "I")][1], Cell::Filled);
    assert_eq!(plan.answered(), vec![15, 12, 15]);
    // Ấp 3's extra part is offered for mapping, with where it goes now.
    assert_eq!(plan.unmatched.len(), 1);
    let extra = &plan.unmatched[0];
    assert_eq!(
        (extra.section.unit, extra.heading.as_str()),
        (2, "Công tác dân vận")
    );
    assert_eq!(extra.target, Target::Other);
    assert_eq!(extra.reference, "IV");
    // Ấp 3's second table has a row more: kept apart and named.
    assert!(plan.notes.contains(&Note::TableShape {
        unit: 2,
        section: "II.1".into(),
        caption: "Bảng 2. Kết quả thực hiện chỉ tiêu".into(),
    }));
    assert!(plan.duplicates.is_empty());
}

#[test]
fn a_section_mapped_by_the_user_goes_where_it_is_mapped() {
    let units = three_units();
    let first = plan(&units, &Options::default());
    let extra = first.unmatched[0].section;
    let target = row_of(&first, "IV.2");
    let mut options = Options::default();
    options.mapping.insert(extra, Target::Outline(target));
    let plan = plan(&units, &options);
    assert!(plan.unmatched.is_empty());
    let made = consolidate(&units, &options, &plan);
    let text = plain_text(&made.document);
    assert!(
        !text.contains(&OTHER_CONTENT_HEADING.to_uppercase()),
        "{text}"
    );
    // The section mapped there, then Ấp 3's own text of IV.2, under one
    // name (in the order of Ấp 3's draft).
    let item = &made.document.sections[3].children[1];
    let texts: Vec<&str> = item
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Paragraph(p) => Some(p.text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        texts[2],
        "Chi bộ Ấp 3: Ấp 3 vận động nhân dân hiến 300 m² đất làm đường."
    );
    assert!(texts[3].starts_with("Ấp 3 làm tốt"), "{texts:?}");
}

/// The cell of `table`'s view at `row` (its label) and column `col`.
fn figure(table: &Table, label: &str, col: usize) -> String {
    let view = table::view(table);
    let row = view
        .rows
        .iter()
        .find(|row| row.cells[0].text == label)
        .unwrap_or_else(|| panic!("no row {label}"));
    row.cells[col].text.clone()
}

#[test]
fn tables_of_one_shape_are_summed_and_their_percentages_worked_out_again() {
    let units = units(3, 10, 2);
    let plan = plan(&units, &Options::default());
    let made = consolidate(&units, &Options::default(), &plan);
    let summed = tables_in(&made.document.sections[0].children[0].blocks)[0].clone();
    let originals: Vec<Table> = units
        .iter()
        .map(|unit| tables_in(&unit.document.sections[0].children[0].blocks)[0].clone())
        .collect();
    let number = |text: String| table::parse_number(&text).unwrap();
    for label in ["Chỉ tiêu 1", "Chỉ tiêu 4", "Tổng cộng"] {
        for col in [1, 2] {
            let sum: f64 = originals
                .iter()
                .map(|t| number(figure(t, label, col)))
                .sum();
            assert_eq!(number(figure(&summed, label, col)), sum, "{label} {col}");
        }
        // The percentage of the sums, not the sum of the percentages.
        let planned: f64 = originals.iter().map(|t| number(figure(t, label, 1))).sum();
        let done: f64 = originals.iter().map(|t| number(figure(t, label, 2))).sum();
        assert_eq!(
            figure(&summed, label, 3),
            table::format_number(done / planned * 100.0, 1)
        );
    }
    // Computed places stay computed in the stored sum.
    assert!(summed.rows.iter().all(|row| row.cells[3].text.is_empty()));
    assert_eq!(summed.caption, "Bảng 1. Kết quả thực hiện chỉ tiêu");
}

#[test]
fn a_breakdown_gives_rows_or_tables_per_unit_and_the_same_totals() {
    let units = units(3, 10, 1);
    let total = |breakdown: Breakdown| {
        let options = Options {
            breakdown,
            ..Options::default()
        };
        let plan = plan(&units, &options);
        let made = consolidate(&units, &options, &plan);
        tables_in(&made.document.sections[0].children[0].blocks)
            .into_iter()
            .cloned()
            .collect::<Vec<_>>()
    };
    let plain = total(Breakdown::None);
    assert_eq!(plain.len(), 1);
    let rows = total(Breakdown::Rows);
    assert_eq!(rows.len(), 1);
    let by_rows = &rows[0];
    // 4 rows of figures, each with its 3 units, and the total.
    assert_eq!(by_rows.rows.len(), 4 * 4 + 1);
    assert_eq!(by_rows.rows[0].kind, RowKind::Group);
    assert_eq!(by_rows.rows[1].cells[0].text, "Chi bộ Ấp 1");
    assert_eq!(by_rows.rows[1].indent, 1);
    for col in 1..4 {
        assert_eq!(
            figure(by_rows, "Tổng cộng", col),
            figure(&plain[0], "Tổng cộng", col)
        );
        assert_eq!(
            figure(by_rows, "Chỉ tiêu 2", col),
            figure(&plain[0], "Chỉ tiêu 2", col)
        );
    }
    let tables = total(Breakdown::Tables);
    assert_eq!(tables.len(), 4);
    assert_eq!(tables[0], plain[0]);
    assert_eq!(
        tables[3].caption,
        "Bảng 1. Kết quả thực hiện chỉ tiêu (Chi bộ Ấp 3)"
    );
}

#[test]
fn a_typed_rate_column_is_not_added_and_is_named() {
    let mut units = units(2, 5, 1);
    for unit in &mut units {
        for block in unit.document.sections[0].children[0].blocks.iter_mut() {
            if let Block::Table(table) = block {
                table.columns[3].kind = ColumnKind::Number { decimals: 1 };
                for row in &mut table.rows {
                    row.cells[3].text = "50,0".into();
                }
            }
        }
    }
    let plan = plan(&units, &Options::default());
    assert!(plan.notes.contains(&Note::RateNotSummed {
        section: "I.1".into(),
        caption: "Bảng 1. Kết quả thực hiện chỉ tiêu".into(),
        column: "Tỉ lệ (%)".into(),
    }));
    let made = consolidate(&units, &Options::default(), &plan);
    let summed = tables_in(&made.document.sections[0].children[0].blocks)[0];
    assert_eq!(figure(summed, "Chỉ tiêu 1", 3), "");
}

#[test]
fn each_unit_s_own_text_is_kept_beside_its_section() {
    let units = three_units();
    let plan = plan(&units, &Options::default());
    let made = consolidate(&units, &Options::default(), &plan);
    let document = &made.document;
    let item = &document.sections[0].children[1];
    let beside: Vec<_> = document.beside_of(item.id).collect();
    assert_eq!(
        beside.iter().map(|b| b.label.as_str()).collect::<Vec<_>>(),
        ["Chi bộ Ấp 1", "Chi bộ Ấp 2", "Chi bộ Ấp 3"]
    );
    assert!(beside.iter().all(|b| b.source == BesideSource::Unit));
    assert_eq!(
        beside[1].blocks,
        *units[1].document.sections[0].children[1].blocks
    );
    // Ấp 2's "không có" is its text too; Ấp 2 has nothing for III.
    let first = &document.sections[0].children[0];
    assert_eq!(document.beside_of(first.id).count(), 3);
    let third = &document.sections[2].children[0];
    assert_eq!(document.beside_of(third.id).count(), 2);
    // The other content part has Ấp 3's text beside it.
    let other = document.sections.last().unwrap();
    assert_eq!(other.heading, OTHER_CONTENT_HEADING);
    assert_eq!(
        document
            .beside_of(other.id)
            .map(|b| b.label.as_str())
            .collect::<Vec<_>>(),
        ["Chi bộ Ấp 3"]
    );
    // Every id it names is a section of the draft.
    assert!(document
        .beside
        .iter()
        .all(|text| document.find_section(text.section).is_some()));
    // It survives a save: the JSON round trip keeps it.
    let json = serde_json::to_string(document).unwrap();
    let back: Document = serde_json::from_str(&json).unwrap();
    assert_eq!(back.beside, document.beside);
}

#[test]
fn the_order_set_by_the_user_is_the_order_of_the_texts() {
    let units = units(3, 5, 0);
    let options = Options {
        order: vec![2, 0],
        ..Options::default()
    };
    let plan = plan(&units, &options);
    assert_eq!(plan.units, vec![2, 0]);
    assert_eq!(plan.matrix[0].len(), 2);
    let made = consolidate(&units, &options, &plan);
    let text = plain_text(&made.document);
    let third = text.find("Chi bộ Ấp 3:").unwrap();
    let first = text.find("Chi bộ Ấp 1:").unwrap();
    assert!(third < first);
    assert!(!text.contains("Chi bộ Ấp 2"));
    assert!(made.document.title.starts_with("Tổng hợp 2 đơn vị"));
}

#[test]
fn the_same_unit_twice_is_reported_by_name_or_by_text() {
    let mut units = units(3, 5, 1);
    units[2].document.meta.issuing_body = "Chi bộ  ấp 1".into();
    let mut copy = units[1].clone();
    copy.document.meta.issuing_body = "CHI BỘ ẤP 9".into();
    units.push(copy);
    let plan = plan(&units, &Options::default());
    assert_eq!(plan.duplicates.len(), 2, "{:?}", plan.duplicates);
    assert_eq!(
        (
            plan.duplicates[0].first,
            plan.duplicates[0].second,
            plan.duplicates[0].reason
        ),
        (0, 2, DuplicateReason::SameName)
    );
    assert_eq!(
        (
            plan.duplicates[1].first,
            plan.duplicates[1].second,
            plan.duplicates[1].reason
        ),
        (1, 3, DuplicateReason::SameContent)
    );
    // Taking one out of the order settles it.
    let options = Options {
        order: vec![0, 1, 2],
        ..Options::default()
    };
    assert_eq!(
        baocao::consolidate::plan(&units, &options).duplicates.len(),
        1
    );
}

#[test]
fn a_unit_on_another_outline_is_reported_and_nothing_of_it_is_dropped() {
    let mut units = units(2, 10, 0);
    let other = baocao::template::builtin()
        .into_iter()
        .find(|t| t.id == "tong-ket-phuong-thuc-lanh-dao")
        .unwrap();
    let mut document = baocao::template::instantiate(&other);
    document.meta.issuing_body = "CHI BỘ ẤP 7".into();
    document.sections[0].children[0].blocks =
        Shared::new(vec![Block::paragraph("Ấp 7 viết theo mẫu khác.".into())]);
    document.assign_ids();
    units.push(Unit::new(document, "ap-7.baocao.json"));
    let plan = plan(&units, &Options::default());
    assert!(plan.notes.iter().any(|note| matches!(
        note,
        Note::OutlineMismatch {
            unit: 2,
            matched: 0,
            ..
        }
    )));
    let made = consolidate(&units, &Options::default(), &plan);
    let text = plain_text(&made.document);
    assert!(text.contains("Ấp 7 viết theo mẫu khác."), "{text}");
}

/// Every paragraph and list item of every unit, somewhere in the text.
fn assert_nothing_dropped(units: &[Unit], text: &str) {
    fn texts(blocks: &[Block], out: &mut Vec<String>) {
        for block in blocks {
            match block {
                Block::Paragraph(p) => out.push(p.text.clone()),
                Block::List(list) => {
                    for item in &list.items {
                        out.push(item.text.clone());
                        texts(&item.blocks, out);
                    }
                }
                Block::Assessment(group) => texts(&group.blocks, out),
                Block::Figure(figure) => out.push(figure.caption.clone()),
                Block::Table(_) => {}
            }
        }
    }
    fn sections(list: &[Section], out: &mut Vec<String>) {
        for section in list {
            texts(&section.blocks, out);
            sections(&section.children, out);
        }
    }
    for unit in units {
        let mut out = Vec::new();
        texts(&unit.document.preamble, &mut out);
        sections(&unit.document.sections, &mut out);
        for line in out {
            if baocao::consolidate::is_nothing_to_report(&line) {
                continue;
            }
            assert!(text.contains(line.trim()), "{} lost: {line}", unit.name);
        }
    }
}

#[test]
fn thirty_units_of_fifty_items_and_three_tables_consolidate_whole() {
    let units = units(30, 50, 3);
    let started = std::time::Instant::now();
    let options = Options::default();
    let plan = plan(&units, &options);
    let made = consolidate(&units, &options, &plan);
    eprintln!(
        "30 units × 50 items × 3 tables: plan and draft in {} ms (native, this profile)",
        started.elapsed().as_millis()
    );
    assert_eq!(plan.outline.len(), 55);
    assert!(plan.unmatched.is_empty());
    assert!(plan.notes.is_empty(), "{:?}", plan.notes);
    assert!(plan.matrix.iter().all(|row| row.len() == 30));
    assert!(plan
        .matrix
        .iter()
        .flatten()
        .all(|cell| *cell == Cell::Filled));
    let tables = all_tables(&made.document);
    assert_eq!(tables.len(), 3);
    let text = plain_text(&made.document);
    assert_nothing_dropped(&units, &text);
    for n in 1..=30 {
        assert!(text.contains(&format!("Chi bộ Ấp {n}: Ấp {n} làm tốt")));
    }
    // Part V's limitations: every unit said "không có".
    let Some(Block::Assessment(group)) = made.document.sections[4].children[0]
        .blocks
        .iter()
        .find(|b| matches!(b, Block::Assessment(g) if g.label == AssessmentLabel::Limitations))
    else {
        panic!("no limitations group")
    };
    assert!(group.nothing_to_report && group.blocks.is_empty());
    assert!(!made.document.has_repeated_ids());
    let csv = completeness_csv(
        &plan,
        &units,
        ["Mục", "Tiêu đề", "Có", "Không có", "Trống", "Thiếu"],
    );
    assert_eq!(csv.lines().count(), 56);
    assert!(csv.starts_with("\u{feff}Mục,Tiêu đề,Chi bộ Ấp 1,"));
}

#[test]
fn three_units_lose_nothing() {
    let units = three_units();
    let plan = plan(&units, &Options::default());
    let made = consolidate(&units, &Options::default(), &plan);
    assert_nothing_dropped(&units, &plain_text(&made.document));
}

#[test]
fn units_from_an_older_file_a_text_and_the_current_format_consolidate_together() {
    let old = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/drafts/v1-bare-document.json"),
    )
    .unwrap();
    let old = baocao::transfer::read_file(&old).expect("the version 1 file reads");
    let template = baocao::template::builtin()
        .into_iter()
        .find(|t| t.id == "tong-ket-phuong-thuc-lanh-dao")
        .unwrap();
    let mut fresh = baocao::template::instantiate(&template);
    fresh.meta.issuing_body = "CHI BỘ ẤP 2".into();
    fresh.sections[0].children[0].blocks =
        Shared::new(vec![Block::paragraph("Ấp 2 họp chi bộ đều đặn.".into())]);
    fresh.assign_ids();
    // The same draft written out as text and read back, as a .txt unit.
    let mut as_text = fresh.clone();
    as_text.meta.issuing_body = "CHI BỘ ẤP 3".into();
    let read_back =
        baocao::transfer::read_file(plain_text(&as_text).as_bytes()).expect("the text reads");
    let units = vec![
        Unit::new(fresh, "ap-2.baocao.json"),
        Unit::new(old.document, "truong.baocao.json"),
        Unit::new(read_back.document, "ap-3.txt"),
    ];
    assert_eq!(units[1].name, "Đảng ủy Trường THPT Lấp Vò 2");
    assert_eq!(units[2].name, "Chi bộ Ấp 3");
    let plan = plan(&units, &Options::default());
    assert!(plan.unmatched.is_empty(), "{:?}", plan.unmatched);
    let made = consolidate(&units, &Options::default(), &plan);
    let text = plain_text(&made.document);
    assert!(text.contains("Chi bộ Ấp 2: Ấp 2 họp chi bộ đều đặn."));
    assert!(text.contains("Chi bộ Ấp 3: Ấp 2 họp chi bộ đều đặn."));
    assert!(text.contains("Đảng ủy Trường THPT Lấp Vò 2: "));
    assert_nothing_dropped(&units, &text);
}

/// The unit files the end-to-end test opens, read as the dialog reads them.
fn fixture_units() -> Vec<Unit> {
    [
        "chi-bo-ap-1.baocao.json",
        "chi-bo-ap-2.baocao.json",
        "chi-bo-ap-3.txt",
    ]
    .iter()
    .map(|name| {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/units")
            .join(name);
        let incoming = baocao::transfer::read_file(&std::fs::read(path).unwrap())
            .unwrap_or_else(|error| panic!("{name}: {error:?}"));
        Unit::new(incoming.document, name)
    })
    .collect()
}

#[test]
fn the_end_to_end_unit_files_give_the_plan_the_test_expects() {
    let units = fixture_units();
    let names: Vec<&str> = units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["Chi bộ Ấp 1", "Chi bộ Ấp 2", "Chi bộ Ấp 3"]);
    let plan = plan(&units, &Options::default());
    let rows: Vec<&str> = plan.outline.iter().map(|r| r.reference.as_str()).collect();
    assert_eq!(rows, ["I", "I.1", "I.2", "II", "II.1", "II.2"]);
    use Cell::*;
    assert_eq!(
        plan.matrix,
        vec![
            vec![Filled, Filled, Filled],
            vec![Filled, Filled, Filled],
            vec![Filled, Filled, NothingToReport],
            vec![Filled, Filled, Filled],
            vec![Filled, Filled, Filled],
            vec![NothingToReport, Filled, Missing],
        ]
    );
    assert_eq!(plan.unmatched.len(), 1);
    assert_eq!(plan.unmatched[0].heading, "Công tác dân vận");
    let made = consolidate(&units, &Options::default(), &plan);
    let text = plain_text(&made.document);
    assert!(
        text.contains("Chi bộ Ấp 3: Chi bộ tổ chức học tập Nghị quyết cho 12/12 đảng viên."),
        "{text}"
    );
    assert!(text.contains("Chi bộ Ấp 3: không có."), "{text}");
    assert!(text.contains("Chi bộ Ấp 1: không có."), "{text}");
    let summed = all_tables(&made.document)[0];
    assert_eq!(figure(summed, "Kết nạp đảng viên mới", 1), "7");
    assert_eq!(figure(summed, "Kết nạp đảng viên mới", 3), "71,4");
    assert_eq!(figure(summed, "Tổng cộng", 2), "8");
    assert_eq!(figure(summed, "Tổng cộng", 3), "80,0");
}

/// Every report of the corpus of real-shaped reports (`tests/corpus/reports`,
/// written in the shapes of published ones, on many outlines), read as a
/// text file is read by the dialog.
fn corpus_units() -> Vec<Unit> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/reports");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|path| {
            let incoming = baocao::transfer::read_file(&std::fs::read(path).unwrap()).ok()?;
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            Some(Unit::new(incoming.document, &name))
        })
        .collect()
}

/// Groups of two to six reports of the corpus, each on its own outline
/// (headings that do not match, tables of other shapes, parts in
/// divisions): the plan and the draft come out whole, with every unit's
/// text in the draft and beside its sections, and no id twice.
#[test]
fn reports_on_different_outlines_from_the_corpus_consolidate_without_losing_a_line() {
    let all = corpus_units();
    assert!(all.len() >= 60, "{} corpus reports read", all.len());
    let mut rng = Rng(2026);
    for round in 0..40 {
        let count = 2 + rng.below(5);
        let group: Vec<Unit> = (0..count)
            .map(|_| all[rng.below(all.len())].clone())
            .collect();
        let options = Options::default();
        let plan = plan(&group, &options);
        assert_eq!(plan.matrix.len(), plan.outline.len(), "round {round}");
        let made = consolidate(&group, &options, &plan);
        assert!(!made.document.has_repeated_ids(), "round {round}");
        let text = plain_text(&made.document);
        // A unit sent twice is reported and left out by the dialog; the
        // core still keeps every line of every unit it is given.
        assert_nothing_dropped(&group, &text);
        let beside: usize = made
            .document
            .beside
            .iter()
            .filter(|text| text.source == BesideSource::Unit)
            .count();
        let units_with_text = group
            .iter()
            .filter(|unit| unit.document.sections.iter().any(|s| !s.is_empty()))
            .count();
        assert!(
            beside >= units_with_text,
            "round {round}: {beside} texts beside for {units_with_text} units with text"
        );
    }
}

/// A consolidated draft was named after the first unit's draft ("Tổng hợp
/// 3 đơn vị – Sơ kết 6 tháng - CHI BỘ ẤP 1") and had no signature block;
/// it now leaves the unit's name out and signs for the committee.
#[test]
fn regression_the_consolidated_draft_was_named_after_a_unit_and_unsigned() {
    let mut units = units(3, 5, 0);
    for unit in &mut units {
        unit.document.title = format!("Sơ kết 6 tháng - {}", unit.document.meta.issuing_body);
        unit.document.closing.signing_authority = "T/M CHI BỘ".into();
        unit.document.closing.position = "BÍ THƯ".into();
    }
    let options = Options::default();
    let plan = plan(&units, &options);
    let made = consolidate(&units, &options, &plan);
    assert_eq!(made.document.title, "Tổng hợp 3 đơn vị – Sơ kết 6 tháng");
    assert_eq!(made.document.meta.issuing_body, "ĐẢNG ỦY XÃ TÂN HÒA");
    assert_eq!(made.document.closing.signing_authority, "T/M ĐẢNG ỦY");
    // Its position and signer are the committee's, not a unit's.
    assert_eq!(made.document.closing.position, "");
    // A title that names no unit is kept whole.
    for unit in &mut units {
        unit.document.title = "Báo cáo sơ kết 6 tháng".into();
    }
    let made = consolidate(&units, &options, &plan);
    assert_eq!(
        made.document.title,
        "Tổng hợp 3 đơn vị – Báo cáo sơ kết 6 tháng"
    );
}
