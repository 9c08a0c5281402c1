//! Ready tables: a blank grid, and the statistics tables of school and
//! Party reports with their totals and percentages computed. Their wording
//! is that of the official forms (data, like the templates), which is why
//! `tests/tidy.rs` lets this file hold Vietnamese words.
//!
//! - `party_rating`: the four levels of Party members' quality rating
//!   (Quy định 124-QĐ/TW, 2023), each level's count and its share of the
//!   total.
//! - `party_membership`: members joining and leaving in the shape of
//!   Biểu 1-TCTW: "Chỉ tiêu | Kỳ này | Cùng kỳ năm trước | % kỳ này so với
//!   cùng kỳ", the column number row "1 2 3 4=2:3", grouped rows, "Người".
//! - `pupil_results`: pupils' results by grade under Thông tư 22/2021
//!   (Tốt / Khá / Đạt / Chưa đạt), each level's count and share of the
//!   grade's pupils, under a two-row header.

use super::{Cell, Column, ColumnKind, Formula, Merge, Row, RowKind, Table};
use crate::i18n::Msg;
use crate::model::NodeId;

/// A ready table the insert menu offers.
#[derive(Clone, Copy, Debug)]
pub struct Preset {
    /// A stable name, for tests and the interface's element ids.
    pub id: &'static str,
    /// What the menu shows.
    pub name: Msg,
    pub make: fn() -> Table,
}

/// Every ready table, in the menu's order.
pub const ALL: [Preset; 3] = [
    Preset {
        id: "party-rating",
        name: Msg::PresetPartyRating,
        make: party_rating,
    },
    Preset {
        id: "party-membership",
        name: Msg::PresetPartyMembership,
        make: party_membership,
    },
    Preset {
        id: "pupil-results",
        name: Msg::PresetPupilResults,
        make: pupil_results,
    },
];

/// The ready table named `id` (`Preset::id`).
pub fn find(id: &str) -> Option<&'static Preset> {
    ALL.iter().find(|preset| preset.id == id)
}

/// A blank table of `rows` data rows and `cols` columns: the first column
/// for words, the others for numbers, one header row. Ids are given when
/// it is inserted.
pub fn blank(rows: usize, cols: usize) -> Table {
    let cols = cols.max(1);
    Table {
        columns: (0..cols)
            .map(|c| Column {
                id: c as u64 + 1,
                kind: if c == 0 {
                    ColumnKind::Text
                } else {
                    ColumnKind::Number { decimals: 0 }
                },
                ..Column::default()
            })
            .collect(),
        header: vec![vec![String::new(); cols]],
        rows: (0..rows.max(1))
            .map(|_| Row {
                kind: RowKind::Data,
                cells: vec![Cell::default(); cols],
                ..Row::default()
            })
            .collect(),
        ..Table::default()
    }
}

fn column(id: NodeId, kind: ColumnKind, width: u16) -> Column {
    Column {
        id,
        kind,
        width,
        ..Column::default()
    }
}

/// Body rows of `width` cells, each (kind, indent, first cell's words),
/// with ids after the columns'.
fn rows(width: usize, lines: &[(RowKind, u8, &str)]) -> Vec<Row> {
    lines
        .iter()
        .enumerate()
        .map(|(r, (kind, indent, label))| {
            let mut cells = vec![Cell::default(); width];
            cells[0].text = (*label).to_owned();
            Row {
                id: (width + r + 1) as NodeId,
                kind: *kind,
                cells,
                indent: *indent,
                ..Row::default()
            }
        })
        .collect()
}

fn words(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|text| (*text).to_owned()).collect()
}

/// Party members' quality rating in four levels (Quy định 124-QĐ/TW):
/// "Xếp loại | Số lượng | Tỉ lệ (%)", the total first.
pub fn party_rating() -> Table {
    Table {
        caption: "Kết quả đánh giá, xếp loại chất lượng đảng viên".into(),
        columns: vec![
            column(1, ColumnKind::Text, 55),
            column(2, ColumnKind::Number { decimals: 0 }, 20),
            column(
                3,
                ColumnKind::Computed {
                    formula: Formula::Share { part: 2 },
                    decimals: 2,
                },
                20,
            ),
        ],
        header: vec![words(&["Xếp loại", "Số lượng (đảng viên)", "Tỉ lệ (%)"])],
        rows: rows(
            3,
            &[
                (RowKind::Total, 0, "Tổng số đảng viên được xếp loại"),
                (RowKind::Data, 1, "Hoàn thành xuất sắc nhiệm vụ"),
                (RowKind::Data, 1, "Hoàn thành tốt nhiệm vụ"),
                (RowKind::Data, 1, "Hoàn thành nhiệm vụ"),
                (RowKind::Data, 1, "Không hoàn thành nhiệm vụ"),
            ],
        ),
        ..Table::default()
    }
}

/// Members joining and leaving, Biểu 1-TCTW's shape.
pub fn party_membership() -> Table {
    Table {
        caption: "Tình hình tăng, giảm đảng viên".into(),
        unit: "Người".into(),
        columns: vec![
            column(1, ColumnKind::Text, 46),
            column(2, ColumnKind::Number { decimals: 0 }, 16),
            column(3, ColumnKind::Number { decimals: 0 }, 18),
            column(
                4,
                ColumnKind::Computed {
                    formula: Formula::Ratio { a: 2, b: 3 },
                    decimals: 1,
                },
                20,
            ),
        ],
        header: vec![words(&[
            "Chỉ tiêu",
            "Kỳ này",
            "Cùng kỳ năm trước",
            "% kỳ này so với cùng kỳ",
        ])],
        number_row: true,
        rows: rows(
            4,
            &[
                (RowKind::Group, 0, "Đảng viên tăng"),
                (RowKind::Data, 1, "Kết nạp"),
                (RowKind::Data, 1, "Chuyển đến"),
                (RowKind::Group, 0, "Đảng viên giảm"),
                (RowKind::Data, 1, "Từ trần"),
                (RowKind::Data, 1, "Xin ra Đảng"),
                (RowKind::Data, 1, "Xóa tên"),
                (RowKind::Data, 1, "Khai trừ"),
                (RowKind::Data, 1, "Chuyển đi"),
            ],
        ),
        ..Table::default()
    }
}

/// The four levels of Thông tư 22/2021/TT-BGDĐT.
const PUPIL_LEVELS: [&str; 4] = ["Tốt", "Khá", "Đạt", "Chưa đạt"];

/// Pupils' results by grade (Thông tư 22/2021): "Khối | Sĩ số", then for
/// each level its count ("SL") and share of the grade ("%").
pub fn pupil_results() -> Table {
    let mut columns = vec![
        column(1, ColumnKind::Text, 16),
        column(2, ColumnKind::Number { decimals: 0 }, 10),
    ];
    let mut top = words(&["Khối", "Sĩ số"]);
    let mut below = words(&["", ""]);
    let mut merges = vec![
        Merge {
            row: 0,
            col: 0,
            rows: 2,
            cols: 1,
        },
        Merge {
            row: 0,
            col: 1,
            rows: 2,
            cols: 1,
        },
    ];
    for level in PUPIL_LEVELS {
        let count = columns.len() as NodeId + 1;
        merges.push(Merge {
            row: 0,
            col: columns.len(),
            rows: 1,
            cols: 2,
        });
        columns.push(column(count, ColumnKind::Number { decimals: 0 }, 8));
        columns.push(column(
            count + 1,
            ColumnKind::Computed {
                formula: Formula::Percent {
                    part: count,
                    whole: 2,
                },
                decimals: 2,
            },
            10,
        ));
        top.extend(words(&[level, ""]));
        below.extend(words(&["SL", "%"]));
    }
    Table {
        caption: "Kết quả học tập của học sinh theo khối lớp".into(),
        header: vec![top, below],
        merges,
        rows: rows(
            columns.len(),
            &[
                (RowKind::Data, 0, "Khối 10"),
                (RowKind::Data, 0, "Khối 11"),
                (RowKind::Data, 0, "Khối 12"),
                (RowKind::Total, 0, "Tổng cộng"),
            ],
        ),
        columns,
        ..Table::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::view;

    /// Types `figures` into row `r` from its second cell on.
    fn fill(table: &mut Table, r: usize, figures: &[&str]) {
        for (c, figure) in figures.iter().enumerate() {
            table.rows[r].cells[c + 1].text = (*figure).to_owned();
        }
    }

    fn shown(table: &Table) -> Vec<Vec<String>> {
        view(table)
            .rows
            .into_iter()
            .map(|row| row.cells.into_iter().map(|cell| cell.text).collect())
            .collect()
    }

    #[test]
    fn every_preset_keeps_the_invariants_and_is_listed_once() {
        let mut seen = std::collections::HashSet::new();
        for preset in ALL {
            assert!(seen.insert(preset.id), "{}", preset.id);
            assert_eq!(find(preset.id).map(|found| found.name), Some(preset.name));
            let table = (preset.make)();
            assert_eq!(table.invariant_problem(), None, "{}", preset.id);
            assert!(!crate::i18n::t(crate::i18n::Lang::Vi, preset.name).is_empty());
            // Every formula names a column of the table.
            for column in &table.columns {
                if let ColumnKind::Computed { formula, .. } = &column.kind {
                    for input in crate::table::formula_inputs(formula) {
                        assert!(table.column_index(input).is_some(), "{}", preset.id);
                    }
                }
            }
        }
    }

    #[test]
    fn party_rating_gives_each_level_its_share_of_the_total() {
        let mut table = party_rating();
        for (r, count) in [(1, "3"), (2, "20"), (3, "15"), (4, "2")] {
            fill(&mut table, r, &[count]);
        }
        assert_eq!(
            shown(&table),
            [
                ["Tổng số đảng viên được xếp loại", "40", "100,00"],
                ["Hoàn thành xuất sắc nhiệm vụ", "3", "7,50"],
                ["Hoàn thành tốt nhiệm vụ", "20", "50,00"],
                ["Hoàn thành nhiệm vụ", "15", "37,50"],
                ["Không hoàn thành nhiệm vụ", "2", "5,00"],
            ]
        );
        table.number_row = true;
        assert_eq!(view(&table).number_row.unwrap(), ["1", "2", "3=2/\u{3a3}"]);
        // Without a total row there is nothing to take a share of.
        table.rows.remove(0);
        assert_eq!(view(&table).rows[0].cells[2].text, "");
    }

    #[test]
    fn party_membership_sums_its_groups_and_compares_with_last_year() {
        let mut table = party_membership();
        for (r, figures) in [
            (1, ["12", "10"]),
            (2, ["3", "5"]),
            (4, ["2", "1"]),
            (5, ["0", "1"]),
            (6, ["1", "2"]),
            (7, ["0", "0"]),
            (8, ["4", "3"]),
        ] {
            fill(&mut table, r, &figures);
        }
        assert_eq!(
            shown(&table),
            [
                ["Đảng viên tăng", "15", "15", "100,0"],
                ["Kết nạp", "12", "10", "120,0"],
                ["Chuyển đến", "3", "5", "60,0"],
                ["Đảng viên giảm", "7", "7", "100,0"],
                ["Từ trần", "2", "1", "200,0"],
                ["Xin ra Đảng", "0", "1", "0,0"],
                ["Xóa tên", "1", "2", "50,0"],
                // Nothing last year: no percentage to give.
                ["Khai trừ", "0", "0", ""],
                ["Chuyển đi", "4", "3", "133,3"],
            ]
        );
        let shown = view(&table);
        assert_eq!(shown.number_row.unwrap(), ["1", "2", "3", "4=2:3"]);
        assert_eq!(shown.unit_line, "Đvt: Người");
        assert_eq!(shown.rows[1].indent, 1);
    }

    #[test]
    fn pupil_results_give_each_level_its_share_of_the_grade_and_the_school() {
        let mut table = pupil_results();
        fill(&mut table, 0, &["400", "120", "", "200", "", "75", "", "5"]);
        fill(
            &mut table,
            1,
            &["380", "100", "", "180", "", "90", "", "10"],
        );
        fill(&mut table, 2, &["350", "150", "", "150", "", "50", "", "0"]);
        let rows = shown(&table);
        assert_eq!(
            rows[0],
            [
                "Khối 10",
                "400",
                "120",
                "30,00",
                "200",
                "50,00",
                "75",
                "18,75",
                "5",
                "1,25"
            ]
        );
        assert_eq!(
            rows[3],
            [
                "Tổng cộng",
                "1.130",
                "370",
                "32,74",
                "530",
                "46,90",
                "215",
                "19,03",
                "15",
                "1,33"
            ]
        );
        let header = view(&table).header;
        assert_eq!(header.len(), 2);
        // Khối, Sĩ số and the four levels over two places each.
        assert_eq!(
            header[0]
                .iter()
                .map(|cell| (cell.text.as_str(), cell.row_span, cell.col_span))
                .collect::<Vec<_>>(),
            [
                ("Khối", 2, 1),
                ("Sĩ số", 2, 1),
                ("Tốt", 1, 2),
                ("Khá", 1, 2),
                ("Đạt", 1, 2),
                ("Chưa đạt", 1, 2)
            ]
        );
        assert_eq!(
            header[1]
                .iter()
                .map(|cell| cell.text.as_str())
                .collect::<Vec<_>>(),
            ["SL", "%", "SL", "%", "SL", "%", "SL", "%"]
        );
    }
}
