//! Tests of the format check's table and division findings: each finding
//! is found where it should be, points at its cell or section, says where
//! in words, and is not found where the figures are right.

use super::*;
use crate::i18n::{describe_finding, Lang};
use crate::model::{Section, Shared};
use crate::table::{presets, Table};

/// The seed sample, complete, with `table` as the first block of its
/// first item (ids given as on insertion).
fn with_table(table: Table) -> (Document, Table) {
    let mut draft = crate::template::seed_sample();
    let mut table = table;
    let mut next = 10_000;
    table.assign_ids(&mut || {
        next += 1;
        next
    });
    let item = &mut draft.sections[0].children[0];
    let mut blocks = (*item.blocks).clone();
    blocks.insert(0, Block::Table(table.clone()));
    item.blocks = Shared::new(blocks);
    (draft, table)
}

fn findings(document: &Document) -> Vec<Finding> {
    check(document)
        .into_iter()
        .map(|issue| issue.finding)
        .collect()
}

fn table_issues(document: &Document) -> Vec<Issue> {
    check(document)
        .into_iter()
        .filter(|issue| matches!(issue.target, Target::Cell { .. }))
        .collect()
}

fn fill(table: &mut Table, r: usize, figures: &[&str]) {
    for (c, figure) in figures.iter().enumerate() {
        table.rows[r].cells[c + 1].text = (*figure).to_owned();
    }
}

/// The Biểu 1-TCTW table with every figure filled in.
fn membership() -> Table {
    let mut table = presets::party_membership();
    for r in [1, 2, 4, 5, 6, 7, 8] {
        fill(&mut table, r, &["2", "1"]);
    }
    table
}

#[test]
fn a_filled_preset_gives_no_finding_and_a_fresh_one_neither() {
    let (draft, _) = with_table(membership());
    assert_eq!(table_issues(&draft), []);
    for preset in presets::ALL {
        let (draft, _) = with_table((preset.make)());
        assert_eq!(table_issues(&draft), [], "{}", preset.id);
    }
}

#[test]
fn a_typed_total_that_disagrees_with_its_rows_is_found_at_its_cell() {
    let mut table = membership();
    // "Đảng viên tăng" typed over: 5 where the rows give 4.
    table.rows[0].cells[1] = crate::table::Cell {
        text: "5".into(),
        typed: true,
    };
    // Typed over and agreeing: no finding.
    table.rows[3].cells[1] = crate::table::Cell {
        text: "10".into(),
        typed: true,
    };
    let (draft, table) = with_table(table);
    let issues = table_issues(&draft);
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(
        issues[0].target,
        Target::Cell {
            table: table.id,
            row: table.rows[0].id,
            column: table.columns[1].id,
        }
    );
    let Finding::TypedDisagrees {
        place,
        typed,
        computed,
    } = &issues[0].finding
    else {
        panic!("{issues:?}")
    };
    assert_eq!((typed.as_str(), computed.as_str()), ("5", "4"));
    assert_eq!(place.row_label, "Đảng viên tăng");
    assert_eq!(place.column_label, "Kỳ này");
    assert_eq!(
        describe_finding(Lang::Vi, &issues[0].finding),
        "Mục I.1, bảng “Tình hình tăng, giảm đảng viên”, hàng “Đảng viên tăng”, cột “Kỳ này”: số gõ tay 5 khác với số tính từ các hàng (4). Sửa lại, hoặc trả ô về tính tự động."
    );
    assert!(describe_finding(Lang::En, &issues[0].finding).contains("typed figure 5"));
}

#[test]
fn a_typed_percentage_rounded_to_fewer_decimals_agrees() {
    let mut table = presets::party_rating();
    for (r, count) in [(1, "1"), (2, "1"), (3, "1"), (4, "0")] {
        fill(&mut table, r, &[count]);
    }
    // 1 of 3 is 33,33 %: "33,3" and "33" are that rounded, "34" is not.
    for (typed, found) in [
        ("33,3", false),
        ("33", false),
        ("33,33", false),
        ("34", true),
    ] {
        let mut table = table.clone();
        table.rows[1].cells[2] = crate::table::Cell {
            text: typed.into(),
            typed: true,
        };
        let (draft, _) = with_table(table);
        assert_eq!(!table_issues(&draft).is_empty(), found, "{typed}");
    }
}

#[test]
fn an_empty_cell_among_filled_ones_says_whether_its_row_or_column_is_filled() {
    let mut table = presets::pupil_results();
    fill(&mut table, 0, &["400", "120", "", "200", "", "75", "", "5"]);
    fill(&mut table, 1, &["380", "100", "", "180", "", "", "", "10"]);
    fill(&mut table, 2, &["350", "150", "", "150", "", "50", "", "0"]);
    let (draft, table) = with_table(table);
    let issues = table_issues(&draft);
    assert_eq!(issues.len(), 1, "{issues:?}");
    let Finding::EmptyCell { place, along } = &issues[0].finding else {
        panic!("{issues:?}")
    };
    assert_eq!(*along, EmptyAlong::Both);
    assert_eq!(place.column_label, "Đạt – SL");
    assert_eq!(place.row_label, "Khối 11");
    assert_eq!(
        issues[0].target,
        Target::Cell {
            table: table.id,
            row: table.rows[1].id,
            column: table.columns[6].id,
        }
    );
    assert!(describe_finding(Lang::Vi, &issues[0].finding).ends_with(
        "ô còn trống trong khi các ô khác cùng hàng và cùng cột đã có số liệu. Ghi 0 nếu không có."
    ));
    // Only the column filled: say so.
    let mut only_column = presets::party_rating();
    for (r, count) in [(1, "3"), (2, "20"), (4, "2")] {
        fill(&mut only_column, r, &[count]);
    }
    let (draft, _) = with_table(only_column);
    let issues = table_issues(&draft);
    assert!(matches!(
        &issues[..],
        [Issue {
            finding: Finding::EmptyCell {
                along: EmptyAlong::Column,
                ..
            },
            ..
        }]
    ));
}

#[test]
fn a_percentage_above_100_is_found_where_a_part_cannot_pass_its_whole() {
    let mut table = presets::pupil_results();
    // 450 "Tốt" of 400 pupils.
    fill(&mut table, 0, &["400", "450", "", "0", "", "0", "", "0"]);
    fill(
        &mut table,
        1,
        &["380", "100", "", "180", "", "90", "", "10"],
    );
    fill(&mut table, 2, &["350", "150", "", "150", "", "50", "", "0"]);
    let (draft, table) = with_table(table);
    let over: Vec<Issue> = table_issues(&draft)
        .into_iter()
        .filter(|issue| matches!(issue.finding, Finding::PercentOver100 { .. }))
        .collect();
    assert_eq!(over.len(), 1, "{over:?}");
    let Finding::PercentOver100 { place, value } = &over[0].finding else {
        unreachable!()
    };
    assert_eq!(value, "112,50");
    assert_eq!(place.column_label, "Tốt – %");
    assert_eq!(
        over[0].target,
        Target::Cell {
            table: table.id,
            row: table.rows[0].id,
            column: table.columns[3].id,
        }
    );
    // A ratio against last year may pass 100: no finding.
    let mut ratio = membership();
    fill(&mut ratio, 1, &["30", "1"]);
    let (draft, _) = with_table(ratio);
    assert_eq!(table_issues(&draft), []);
    // A typed number column headed "Tỉ lệ (%)" (as pasted tables have).
    let mut pasted = crate::table::clipboard::table_from_grid(
        vec![
            vec!["Lớp".to_owned(), "Tỉ lệ (%)".to_owned()],
            vec!["10A".to_owned(), "98,5".to_owned()],
            vec!["10B".to_owned(), "101,2".to_owned()],
        ],
        None,
    )
    .unwrap();
    pasted.caption = String::new();
    let (draft, _) = with_table(pasted);
    let issues = table_issues(&draft);
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(
        describe_finding(Lang::Vi, &issues[0].finding),
        "Mục I.1, bảng, hàng “10B”, cột “Tỉ lệ (%)”: tỉ lệ 101,2% vượt quá 100% — phần lớn hơn tổng; hãy kiểm tra lại số liệu."
    );
}

fn division(heading: &str, children: Vec<Section>) -> Section {
    Section {
        id: 0,
        heading: heading.into(),
        kind: SectionKind::Division,
        children,
        ..Section::default()
    }
}

#[test]
fn divisions_without_heading_parts_outside_them_and_empty_appendices_are_found() {
    let mut draft = crate::template::seed_sample();
    let parts = std::mem::take(&mut draft.sections);
    let (first, rest) = parts.split_at(1);
    draft.sections = vec![
        division("Kết quả thực hiện", first.to_vec()),
        division("  ", rest[..1].to_vec()),
    ];
    // A part left outside the divisions.
    draft.sections.extend(rest[1..].iter().cloned());
    draft.sections.push(Section {
        heading: "Số liệu".into(),
        kind: SectionKind::Appendix,
        ..Section::default()
    });
    draft.assign_ids();
    let found = findings(&draft);
    assert!(
        found.contains(&Finding::DivisionWithoutHeading {
            reference: "PHẦN THỨ HAI".into()
        }),
        "{found:?}"
    );
    assert!(!found.iter().any(|finding| matches!(
        finding,
        Finding::DivisionWithoutHeading { reference } if reference == "PHẦN THỨ NHẤT"
    )));
    let outside: Vec<&Finding> = found
        .iter()
        .filter(|finding| matches!(finding, Finding::PartOutsideDivisions { .. }))
        .collect();
    assert_eq!(outside.len(), rest.len() - 1, "{found:?}");
    assert!(found.contains(&Finding::EmptyAppendix {
        reference: "PHỤ LỤC".into()
    }));
    // The appendix is not also an "empty section".
    assert!(!found
        .iter()
        .any(|finding| matches!(finding, Finding::EmptySection { reference } if reference.contains("PHỤ LỤC"))));
    let appendix = draft.sections.last().unwrap().id;
    assert!(check(&draft)
        .iter()
        .any(|issue| issue.target == Target::Node(appendix)));
    assert_eq!(
        describe_finding(
            Lang::Vi,
            &Finding::DivisionWithoutHeading {
                reference: "PHẦN THỨ HAI".into()
            }
        ),
        "PHẦN THỨ HAI: chưa có tên phần — ghi nội dung của phần sau số phần."
    );
    // Without divisions, parts are where they belong.
    let plain = crate::template::seed_sample();
    assert!(!findings(&plain)
        .iter()
        .any(|finding| matches!(finding, Finding::PartOutsideDivisions { .. })));
}

#[test]
fn a_ragged_table_from_a_file_is_checked_without_panicking() {
    let mut table = membership();
    table.rows[2].cells.truncate(1);
    table.header[0].clear();
    table.merges.push(crate::table::Merge {
        row: 5,
        col: 9,
        rows: usize::MAX,
        cols: 3,
    });
    let (draft, _) = with_table(table);
    let _ = check(&draft);
}
