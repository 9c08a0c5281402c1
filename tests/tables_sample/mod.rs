//! The sample document of the table outputs' tests: a Party report with
//! two divisions (its parts numbered from I under each), a statistics
//! table like Biểu 1-TCTW (a two-row header with merged cells, the column
//! number row, group and total rows, a computed "%" column and a total
//! typed over), and a landscape appendix with a wide table of ratings.
//! Built by hand: the Markdown, text, HTML and DOCX golden files and the
//! e2e's JSON draft (`tests/fixtures/tables-sample.json`) come from it.
#![allow(dead_code)]

use baocao::model::{Block, DocDate, Document, Section, SectionKind, Shared};
use baocao::table::{Cell, Column, ColumnKind, Formula, Merge, Row, RowKind, Table};
use baocao::template::{builtin, instantiate};

fn paragraph(text: &str) -> Block {
    Block::paragraph(text.to_owned())
}

fn section(heading: &str, blocks: Vec<Block>, children: Vec<Section>) -> Section {
    Section {
        heading: heading.to_owned(),
        blocks: Shared::new(blocks),
        children,
        ..Section::default()
    }
}

fn cells(texts: &[&str]) -> Vec<Cell> {
    texts
        .iter()
        .map(|text| Cell {
            text: (*text).to_owned(),
            typed: false,
        })
        .collect()
}

fn row(kind: RowKind, indent: u8, texts: &[&str]) -> Row {
    Row {
        kind,
        indent,
        cells: cells(texts),
        ..Row::default()
    }
}

fn column(id: u64, kind: ColumnKind, width: u16) -> Column {
    Column {
        id,
        kind,
        width,
        ..Column::default()
    }
}

/// Biểu 1-TCTW's shape: Chỉ tiêu | Số lượng (Kỳ này, Cùng kỳ năm trước) |
/// Kỳ này so với cùng kỳ (%) with "4=2:3" computed; "Tổng số" sums the
/// data rows, its "Cùng kỳ" typed over.
pub fn members_table() -> Table {
    let number = ColumnKind::Number { decimals: 0 };
    let mut total = row(RowKind::Total, 0, &["Tổng số đảng viên", "", "56", ""]);
    total.cells[2].typed = true;
    Table {
        caption: "Bảng 1. Tình hình đảng viên của Đảng bộ".into(),
        unit: "Người".into(),
        columns: vec![
            column(1, ColumnKind::Text, 40),
            column(2, number.clone(), 18),
            column(3, number, 18),
            column(
                4,
                ColumnKind::Computed {
                    formula: Formula::Ratio { a: 2, b: 3 },
                    decimals: 1,
                },
                24,
            ),
        ],
        header: vec![
            vec![
                "Chỉ tiêu".into(),
                "Số lượng".into(),
                String::new(),
                "Kỳ này so với cùng kỳ (%)".into(),
            ],
            vec![
                String::new(),
                "Kỳ này".into(),
                "Cùng kỳ năm trước".into(),
                String::new(),
            ],
        ],
        merges: vec![
            Merge {
                row: 0,
                col: 0,
                rows: 2,
                cols: 1,
            },
            Merge {
                row: 0,
                col: 1,
                rows: 1,
                cols: 2,
            },
            Merge {
                row: 0,
                col: 3,
                rows: 2,
                cols: 1,
            },
        ],
        number_row: true,
        rows: vec![
            row(RowKind::Group, 0, &["1. Đảng viên chính thức", "", "", ""]),
            row(RowKind::Data, 1, &["- Nam", "30", "28", ""]),
            row(RowKind::Data, 1, &["- Nữ", "25", "22", ""]),
            row(RowKind::Group, 0, &["2. Đảng viên dự bị", "", "", ""]),
            row(RowKind::Data, 1, &["- Nam", "3", "4", ""]),
            row(
                RowKind::Data,
                1,
                &["- Nữ | trong đó kết nạp mới", "2", "1", ""],
            ),
            total,
        ],
        ..Table::default()
    }
}

/// Ratings of members by chi bộ (Quy định 124-QĐ/TW's four levels), each
/// level a number and its share of the chi bộ's members: ten columns, for
/// a landscape page.
pub fn ratings_table() -> Table {
    let number = ColumnKind::Number { decimals: 0 };
    let mut columns = vec![
        column(1, ColumnKind::Text, 22),
        column(2, number.clone(), 8),
    ];
    let levels = [
        "Hoàn thành xuất sắc nhiệm vụ",
        "Hoàn thành tốt nhiệm vụ",
        "Hoàn thành nhiệm vụ",
        "Không hoàn thành nhiệm vụ",
    ];
    let mut top = vec!["Chi bộ".to_owned(), "Tổng số đảng viên".to_owned()];
    let mut second = vec![String::new(), String::new()];
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
    for (index, level) in levels.iter().enumerate() {
        let count = 3 + 2 * index as u64;
        columns.push(column(count, number.clone(), 8));
        columns.push(column(
            count + 1,
            ColumnKind::Computed {
                formula: Formula::Percent {
                    part: count,
                    whole: 2,
                },
                decimals: 1,
            },
            9,
        ));
        top.push((*level).to_owned());
        top.push(String::new());
        second.push("Số lượng".into());
        second.push("Tỷ lệ (%)".into());
        merges.push(Merge {
            row: 0,
            col: 2 + 2 * index,
            rows: 1,
            cols: 2,
        });
    }
    let data = |name: &str, counts: [&str; 5]| {
        row(
            RowKind::Data,
            0,
            &[
                name, counts[0], counts[1], "", counts[2], "", counts[3], "", counts[4], "",
            ],
        )
    };
    Table {
        caption: "Kết quả xếp loại chất lượng đảng viên năm 2026".into(),
        unit: "Người".into(),
        columns,
        header: vec![top, second],
        merges,
        number_row: true,
        rows: vec![
            data("Chi bộ Giáo viên", ["40", "8", "28", "4", "0"]),
            data("Chi bộ Hành chính", ["12", "2", "9", "1", "0"]),
            data("Chi bộ Học sinh", ["8", "1", "5", "1", "1"]),
            row(
                RowKind::Total,
                0,
                &["Cộng", "", "", "", "", "", "", "", "", ""],
            ),
        ],
        ..Table::default()
    }
}

/// The sample report.
pub fn tables_sample() -> Document {
    let template = builtin()
        .into_iter()
        .find(|template| template.id == "bao-cao-dang-trong")
        .expect("the Party's blank template");
    let mut document = instantiate(&template);
    document.title = "Báo cáo tổng kết năm 2026".into();
    let meta = &mut document.meta;
    meta.superior_body = "Đảng bộ xã Lấp Vò".into();
    meta.issuing_body = "Đảng ủy Trường THPT Lấp Vò 2".into();
    meta.number_symbol = "12-BC/ĐU".into();
    meta.place = "Lấp Vò".into();
    meta.date = DocDate {
        day: Some(15),
        month: Some(12),
        year: Some(2026),
    };
    meta.subject = "tổng kết công tác xây dựng Đảng năm 2026".into();
    document.closing.signer_name = "Nguyễn Văn Kiệt".into();
    document.preamble = vec![paragraph(
        "Thực hiện Kế hoạch số 01-KH/ĐU, Đảng ủy báo cáo kết quả năm 2026 như sau:",
    )];
    let mut first = section(
        "Kết quả thực hiện nhiệm vụ năm 2026",
        vec![],
        vec![
            section(
                "Công tác chính trị, tư tưởng",
                vec![paragraph(
                    "Đảng ủy tổ chức học tập, quán triệt các nghị quyết cho toàn thể đảng viên.",
                )],
                vec![],
            ),
            section(
                "Công tác tổ chức, đảng viên",
                vec![
                    paragraph("Số lượng đảng viên tăng so với cùng kỳ năm trước:"),
                    Block::Table(members_table()),
                ],
                vec![],
            ),
        ],
    );
    first.kind = SectionKind::Division;
    let mut second = section(
        "Phương hướng, nhiệm vụ năm 2027",
        vec![],
        vec![
            section(
                "Mục tiêu",
                vec![paragraph("Xây dựng Đảng bộ trong sạch, vững mạnh.")],
                vec![],
            ),
            section(
                "Nhiệm vụ trọng tâm",
                vec![paragraph("Kết nạp ít nhất 5 đảng viên mới.")],
                vec![],
            ),
        ],
    );
    second.kind = SectionKind::Division;
    let mut appendix = section(
        "Kết quả xếp loại chất lượng đảng viên",
        vec![
            Block::Table(ratings_table()),
            paragraph("Số liệu tính đến ngày 15/12/2026."),
        ],
        vec![],
    );
    appendix.kind = SectionKind::Appendix;
    appendix.landscape = true;
    document.sections = vec![first, second, appendix];
    document.assign_ids();
    document
}
