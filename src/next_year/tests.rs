//! Tests of the next year's draft: years moved on where they name the
//! period and left where they name a date, a document or a term; tables
//! rolled into their previous-period column; nothing of last year's text
//! dropped.

use super::*;
use crate::model::{BesideSource, Block, Document, Section};
use crate::table::{presets, Cell};

fn advanced(text: &str) -> String {
    advance_years(text).0
}

#[test]
fn a_school_year_moves_on_keeping_its_dash_and_spaces() {
    let (text, changes) = advance_years("tổng kết năm học 2024 - 2025");
    assert_eq!(text, "tổng kết năm học 2025 - 2026");
    assert_eq!(
        changes,
        vec![(
            "năm học 2024 - 2025".to_owned(),
            "năm học 2025 - 2026".to_owned()
        )]
    );
    assert_eq!(advanced("năm học 2024–2025"), "năm học 2025–2026");
    assert_eq!(advanced("năm học 2024 – 2025"), "năm học 2025 – 2026");
    assert_eq!(advanced("năm học 2024-2025"), "năm học 2025-2026");
    assert_eq!(advanced("niên học 2024/2025"), "niên học 2025/2026");
}

#[test]
fn a_year_and_half_a_year_move_on() {
    assert_eq!(
        advanced("kết quả 6 tháng đầu năm 2025"),
        "kết quả 6 tháng đầu năm 2026"
    );
    assert_eq!(advanced("Năm 2025"), "Năm 2026");
    assert_eq!(advanced("công tác (2025)"), "công tác (2026)");
}

#[test]
fn two_years_in_one_line_each_move_on() {
    let (text, changes) = advance_years("tổng kết năm 2025, phương hướng, nhiệm vụ năm 2026");
    assert_eq!(text, "tổng kết năm 2026, phương hướng, nhiệm vụ năm 2027");
    assert_eq!(changes.len(), 2);
    assert_eq!(changes[0].0, "kết năm 2025");
    assert_eq!(changes[1].1, "vụ năm 2027");
}

#[test]
fn dates_documents_and_terms_are_left_as_they_are() {
    for text in [
        "Kế hoạch số 01-KH/ĐU ngày 5/1/2025 của Đảng ủy",
        "ngày 05 tháng 01 năm 2025",
        "tháng 12, năm 2024",
        "Nghị định số 30/2020/NĐ-CP",
        "Quyết định số 123/QĐ-UBND năm 2024",
        "Kế hoạch số 01-KH/ĐU năm 2025",
        "nhiệm kỳ 2020 - 2025",
        "giai đoạn 2021-2025",
        "ngày 05-01-2025",
        "ngày 5.1.2025",
        "mã KH2025",
        "trên 1.500 học sinh, 12345 lượt",
        "năm 20251",
    ] {
        let (after, changes) = advance_years(text);
        assert_eq!(after, text);
        assert!(changes.is_empty(), "{text}: {changes:?}");
    }
}

#[test]
fn a_year_beside_a_date_still_moves_on() {
    assert_eq!(
        advanced("Thực hiện Kế hoạch ngày 5/1/2025, báo cáo năm 2025"),
        "Thực hiện Kế hoạch ngày 5/1/2025, báo cáo năm 2026"
    );
}

fn filled_membership() -> Table {
    let mut table = presets::party_membership();
    for (r, row) in table.rows.iter_mut().enumerate() {
        row.cells[1].text = format!("{}", r + 10);
        row.cells[2].text = format!("{}", r + 1);
    }
    table
}

#[test]
fn figures_move_into_the_same_period_column_and_this_period_is_cleared() {
    let mut table = filled_membership();
    let labels: Vec<String> = table.rows.iter().map(|r| r.cells[0].text.clone()).collect();
    assert_eq!(previous_period_pairs(&table), vec![(2, 1)]);
    assert_eq!(roll_table(&mut table), 1);
    for (r, row) in table.rows.iter().enumerate() {
        assert_eq!(row.cells[0].text, labels[r]);
        assert_eq!(row.cells[1].text, "");
        assert_eq!(row.cells[2].text, format!("{}", r + 10));
    }
}

#[test]
fn a_previous_column_is_found_by_its_usual_names() {
    for (current, previous) in [
        ("Thực hiện năm 2025", "Cùng kỳ"),
        ("Năm học này", "Năm học trước"),
        ("Kỳ báo cáo", "Kỳ trước"),
        ("TH", "CK"),
    ] {
        let mut table = presets::blank(2, 3);
        table.header = vec![vec!["Chỉ tiêu".into(), current.into(), previous.into()]];
        assert_eq!(previous_period_pairs(&table), vec![(2, 1)], "{previous}");
    }
    // The previous column first, this period's after it.
    let mut table = presets::blank(2, 4);
    table.header = vec![vec![
        "Chỉ tiêu".into(),
        "Cùng kỳ năm trước".into(),
        "Kỳ này".into(),
        "Ghi chú số".into(),
    ]];
    assert_eq!(previous_period_pairs(&table), vec![(1, 2)]);
}

#[test]
fn a_comparison_column_is_not_the_previous_period() {
    let mut table = presets::blank(2, 3);
    table.header = vec![vec![
        "Chỉ tiêu".into(),
        "Số lượng".into(),
        "So với cùng kỳ (%)".into(),
    ]];
    assert!(previous_period_pairs(&table).is_empty());
}

#[test]
fn columns_headed_by_years_shift_by_one_year() {
    let mut table = presets::blank(1, 4);
    table.header = vec![vec![
        "Chỉ tiêu".into(),
        "Năm 2023".into(),
        "Năm 2024".into(),
        "Năm 2025".into(),
    ]];
    table.rows[0].cells = ["Đảng viên", "40", "42", "45"]
        .iter()
        .map(|text| Cell {
            text: (*text).into(),
            typed: false,
        })
        .collect();
    roll_table(&mut table);
    let cells: Vec<&str> = table.rows[0]
        .cells
        .iter()
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(cells, ["Đảng viên", "42", "45", ""]);
}

#[test]
fn a_table_without_a_previous_column_is_cleared_but_keeps_its_labels() {
    let mut table = presets::party_rating();
    for row in &mut table.rows {
        row.cells[1].text = "7".into();
        row.cells[2] = Cell {
            text: "12,5".into(),
            typed: true,
        };
    }
    assert_eq!(roll_table(&mut table), 0);
    for (row, fresh) in table.rows.iter().zip(presets::party_rating().rows) {
        assert_eq!(row.cells[0].text, fresh.cells[0].text);
        assert!(row.cells[1..].iter().all(|c| c.text.is_empty() && !c.typed));
    }
}

/// A filled report over a school year, with a table and its previous
/// period, a dated plan in the opening, a number and a date.
fn school_report() -> Document {
    let mut document = crate::template::seed_sample();
    document.title = "Báo cáo tổng kết năm học 2024 - 2025".into();
    document.meta.subject = "tổng kết năm học 2024 - 2025".into();
    document.meta.number_symbol = "12-BC/ĐU".into();
    document.meta.date = DocDate {
        day: Some(20),
        month: Some(5),
        year: Some(2025),
    };
    document.sections[0].heading = "Kết quả năm học 2024-2025".into();
    document.sections[0].children[0].guidance = "Số liệu 6 tháng đầu năm 2025".into();
    let mut table = filled_membership();
    table.caption = "Tăng, giảm đảng viên năm 2025".into();
    table.id = document.fresh_id();
    let mut next = document.next_id + 1000;
    let mut take = || {
        next += 1;
        next
    };
    table.assign_ids(&mut take);
    let mut item = document.sections[1].children[0].blocks.to_vec();
    item.push(Block::Table(table));
    document.sections[1].children[0].blocks = item.into();
    document.next_id += 2000;
    document
}

fn sections_of(document: &Document) -> Vec<&Section> {
    fn walk<'a>(list: &'a [Section], out: &mut Vec<&'a Section>) {
        for section in list {
            out.push(section);
            walk(&section.children, out);
        }
    }
    let mut out = Vec::new();
    walk(&document.sections, &mut out);
    out
}

fn untitled(title: &str) -> String {
    format!("{title} (năm sau)")
}

#[test]
fn the_next_year_s_draft_keeps_the_frame_and_clears_number_and_date() {
    let old = school_report();
    let NextYear { document, changes } = next_year(&old, &untitled);
    assert_eq!(document.title, "Báo cáo tổng kết năm học 2025 - 2026");
    assert_eq!(document.meta.subject, "tổng kết năm học 2025 - 2026");
    assert_eq!(document.meta.number_symbol, "");
    assert_eq!(document.meta.date, DocDate::default());
    assert_eq!(document.meta.place, old.meta.place);
    assert_eq!(document.meta.issuing_body, old.meta.issuing_body);
    assert_eq!(document.meta.superior_body, old.meta.superior_body);
    assert_eq!(document.closing, old.closing);
    assert_eq!(document.sections[0].heading, "Kết quả năm học 2025-2026");
    assert_eq!(
        document.sections[0].children[0].guidance,
        "Số liệu 6 tháng đầu năm 2026"
    );
    let places: Vec<Place> = changes.iter().map(|change| change.place).collect();
    assert_eq!(
        places,
        vec![
            Place::Title,
            Place::Subject,
            Place::Heading(old.sections[0].id),
            Place::Guidance(old.sections[0].children[0].id),
            Place::Table(old.sections[1].children[0].id),
        ]
    );
    // The table's figures moved into its "Cùng kỳ năm trước" column.
    let Some(Block::Table(table)) = document.sections[1].children[0].blocks.last() else {
        panic!("{:?}", document.sections[1].children[0].blocks)
    };
    assert_eq!(table.caption, "Tăng, giảm đảng viên năm 2026");
    for (r, row) in table.rows.iter().enumerate() {
        assert_eq!(row.cells[1].text, "");
        assert_eq!(row.cells[2].text, format!("{}", r + 10));
    }
    assert_eq!(changes[1].before, "năm học 2024 - 2025");
    assert_eq!(changes[1].after, "năm học 2025 - 2026");
    // The opening's dated plan is last year's text: kept beside, as it was.
    let opening: Vec<&BesideText> = document.beside_of(PREAMBLE).collect();
    assert_eq!(opening.len(), 1);
    assert_eq!(opening[0].blocks, old.preamble);
    assert!(document.preamble.iter().all(Block::is_empty));
    assert!(!document.has_repeated_ids());
    assert!(document
        .preamble
        .iter()
        .all(|block| !matches!(block, Block::Figure(_))));
}

#[test]
fn every_section_s_text_is_kept_beside_it_and_nothing_is_dropped() {
    let mut reports = vec![
        school_report(),
        crate::template::seed_sample(),
        crate::large_report::large_report(4, 6),
    ];
    reports.extend(
        crate::template::builtin()
            .iter()
            .map(crate::template::instantiate),
    );
    for old in reports {
        let NextYear { document, .. } = next_year(&old, &untitled);
        let old_sections = sections_of(&old);
        let new_sections = sections_of(&document);
        // The same outline, the same ids, in the same order.
        assert_eq!(
            old_sections
                .iter()
                .map(|s| (s.id, s.kind))
                .collect::<Vec<_>>(),
            new_sections
                .iter()
                .map(|s| (s.id, s.kind))
                .collect::<Vec<_>>()
        );
        for (before, after) in old_sections.iter().zip(&new_sections) {
            // The body is cleared, tables keeping their labels.
            assert!(
                after.blocks.iter().all(|block| match block {
                    Block::Table(table) => table.rows.iter().all(|row| {
                        row.cells[1..]
                            .iter()
                            .zip(&table.columns[1..])
                            .all(|(cell, column)| {
                                matches!(column.kind, ColumnKind::Text)
                                    || cell.text.is_empty()
                                    || previous_period_pairs(table)
                                        .iter()
                                        .any(|(to, _)| table.columns[*to].id == column.id)
                            })
                    }),
                    other => other.is_empty(),
                }),
                "section {} not cleared",
                after.id
            );
            let kept: Vec<&BesideText> = document.beside_of(before.id).collect();
            if before.blocks.iter().all(Block::is_empty) {
                assert!(kept.is_empty());
            } else {
                assert_eq!(kept.len(), 1, "section {}", before.id);
                assert_eq!(kept[0].source, BesideSource::LastYear);
                assert_eq!(kept[0].blocks, *before.blocks, "section {}", before.id);
            }
        }
        assert!(!document.has_repeated_ids());
        assert!(document.next_id >= old.next_id);
        // What was typed in the old report is all beside the new one.
        let words = |blocks: &[Block]| blocks_text(blocks);
        let typed = |blocks: &[Block]| !blocks.iter().all(Block::is_empty);
        let mut old_text = String::new();
        if typed(&old.preamble) {
            old_text.push_str(&words(&old.preamble));
        }
        for section in old_sections.iter().filter(|s| typed(&s.blocks)) {
            old_text.push_str(&words(&section.blocks));
        }
        let mut new_text = String::new();
        for text in document.beside.iter() {
            new_text.push_str(&words(&text.blocks));
        }
        assert_eq!(old_text, new_text);
    }
}

#[test]
fn the_label_names_last_year_s_period() {
    let old = school_report();
    assert_eq!(period_label(&old), "Năm học 2024 - 2025");
    let mut plain = crate::template::seed_sample();
    assert_eq!(period_label(&plain), plain.title);
    plain.meta.date.year = Some(2025);
    assert_eq!(period_label(&plain), "Năm 2025");
    plain.meta.subject = "sơ kết 6 tháng đầu năm 2025".into();
    assert_eq!(period_label(&plain), "Năm 2025");
}

#[test]
fn a_title_without_a_year_is_marked_as_next_year_s() {
    let old = crate::template::seed_sample();
    let NextYear { document, changes } = next_year(&old, &untitled);
    assert_eq!(document.title, format!("{} (năm sau)", old.title));
    assert!(changes.iter().all(|change| change.place != Place::Title));
    // A second year on keeps last year's text only, not the year before's.
    let again = next_year(&document, &untitled).document;
    assert!(again.beside.iter().all(|text| text.blocks != old.preamble));
}

#[test]
fn texts_beside_sections_are_never_printed_or_exported_as_the_report_s_own() {
    let made = next_year(&school_report(), &untitled).document;
    assert!(!made.beside.is_empty());
    let mut bare = made.clone();
    bare.beside = Shared::default();
    assert_eq!(
        crate::render::elements(&made),
        crate::render::elements(&bare)
    );
    assert_eq!(
        crate::render::appendices(&made),
        crate::render::appendices(&bare)
    );
    assert_eq!(
        crate::export::markdown(&made),
        crate::export::markdown(&bare)
    );
    assert_eq!(
        crate::export::plain_text(&made),
        crate::export::plain_text(&bare)
    );
    assert_eq!(
        crate::docx::document_xml(&made),
        crate::docx::document_xml(&bare)
    );
    // The HTML file carries the draft as data, to be opened again; what
    // it shows is the same.
    let shown = |document: &Document| {
        let html = crate::export::html(&mut crate::persist::Envelope::new(
            "x",
            document.clone(),
            0.0,
        ));
        let data = crate::export::embedded_draft(&html)
            .unwrap_or_default()
            .to_owned();
        html.replace(&data, "")
    };
    assert_eq!(shown(&made), shown(&bare));
    let last_year = crate::next_year::blocks_text(&made.beside[0].blocks);
    let line = last_year.lines().next().unwrap();
    assert!(!crate::export::plain_text(&made).contains(line));
}
