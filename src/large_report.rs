//! A generated large report for benchmarks and load tests: the seed
//! sample's header and closing around ten parts of thirty items each (300
//! items, about 60,000 words) with paragraphs, "-"/"+" bullets and
//! assessment groups, in plausible Vietnamese, and a statistics table of
//! 20 rows × 6 columns in every tenth item (30 in the 300-item report:
//! typed figures, a computed sum and percentage, a total row). The same
//! seed always gives the same report.

use crate::model::{Assessment, AssessmentLabel, Block, Document, List, ListItem, Section};
use crate::table::{Cell, Column, ColumnKind, Formula, Row, RowKind, Table};

/// Which items carry a table: those whose index in their part leaves this
/// remainder divided by `TABLE_EVERY`.
const TABLE_AT: usize = 4;
const TABLE_EVERY: usize = 10;
/// A table's body rows, the total row included, and its columns.
pub const TABLE_ROWS: usize = 20;
pub const TABLE_COLUMNS: usize = 6;

/// Words the sentences are drawn from.
const WORDS: [&str; 48] = [
    "Đảng", "ủy", "chi", "bộ", "lãnh", "đạo", "chỉ", "đạo", "thực", "hiện", "nhiệm", "vụ", "năm",
    "học", "giáo", "viên", "học", "sinh", "kết", "quả", "đánh", "giá", "nâng", "cao", "chất",
    "lượng", "hiệu", "quả", "công", "tác", "tổ", "chức", "xây", "dựng", "đoàn", "kết", "thống",
    "nhất", "phong", "trào", "thi", "đua", "kế", "hoạch", "triển", "khai", "kịp", "thời",
];

/// A small deterministic generator, so that runs compare.
struct Words(u64);

impl Words {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % WORDS.len() as u64) as usize
    }

    /// A sentence of `count` words, capitalised, ending with a full stop.
    fn sentence(&mut self, count: usize) -> String {
        let mut out = String::new();
        for index in 0..count {
            let word = WORDS[self.next()];
            if index == 0 {
                let mut chars = word.chars();
                if let Some(first) = chars.next() {
                    out.extend(first.to_uppercase());
                    out.push_str(chars.as_str());
                }
            } else {
                out.push(' ');
                out.push_str(word);
            }
        }
        out.push('.');
        out
    }
}

fn paragraph(text: String) -> Block {
    Block::paragraph(text)
}

/// A statistics table of `TABLE_ROWS` × `TABLE_COLUMNS`: a unit's name,
/// three typed figures, their computed sum and the first one's computed
/// share of it; 19 data rows and a total row. `number` numbers its
/// caption.
fn statistics_table(words: &mut Words, number: usize) -> Table {
    let number_column = || ColumnKind::Number { decimals: 0 };
    let columns = vec![
        Column {
            id: 1,
            kind: ColumnKind::Text,
            ..Column::default()
        },
        Column {
            id: 2,
            kind: number_column(),
            ..Column::default()
        },
        Column {
            id: 3,
            kind: number_column(),
            ..Column::default()
        },
        Column {
            id: 4,
            kind: number_column(),
            ..Column::default()
        },
        Column {
            id: 5,
            kind: ColumnKind::Computed {
                formula: Formula::Sum {
                    columns: vec![2, 3, 4],
                },
                decimals: 0,
            },
            ..Column::default()
        },
        Column {
            id: 6,
            kind: ColumnKind::Computed {
                formula: Formula::Percent { part: 2, whole: 5 },
                decimals: 1,
            },
            ..Column::default()
        },
    ];
    let mut rows: Vec<Row> = (0..TABLE_ROWS - 1)
        .map(|row| {
            let figure = |words: &mut Words| (words.next() * 7 + row) % 90 + 10;
            let cells = vec![
                Cell {
                    text: format!("Chi bộ {}", row + 1),
                    typed: false,
                },
                Cell {
                    text: figure(words).to_string(),
                    typed: false,
                },
                Cell {
                    text: figure(words).to_string(),
                    typed: false,
                },
                Cell {
                    text: figure(words).to_string(),
                    typed: false,
                },
                Cell::default(),
                Cell::default(),
            ];
            Row {
                kind: RowKind::Data,
                cells,
                ..Row::default()
            }
        })
        .collect();
    let mut total = vec![Cell::default(); TABLE_COLUMNS];
    total[0].text = "Cộng".into();
    rows.push(Row {
        kind: RowKind::Total,
        cells: total,
        ..Row::default()
    });
    Table {
        caption: format!("Bảng {number}. {}", words.sentence(6).trim_end_matches('.')),
        unit: "Người".into(),
        columns,
        header: vec![vec![
            "Đơn vị".into(),
            "Hoàn thành xuất sắc".into(),
            "Hoàn thành tốt".into(),
            "Hoàn thành".into(),
            "Tổng số".into(),
            "Tỷ lệ xuất sắc (%)".into(),
        ]],
        rows,
        ..Table::default()
    }
}

fn item(text: String, blocks: Vec<Block>) -> ListItem {
    ListItem {
        id: 0,
        text,
        blocks,
    }
}

/// The large report: `parts` × `items_per_part` items of about 200 words.
pub fn large_report(parts: usize, items_per_part: usize) -> Document {
    let mut words = Words(0x9e37_79b9_7f4a_7c15);
    let mut document = crate::template::seed_sample();
    document.title = format!("Báo cáo lớn để đo tốc độ ({} mục)", parts * items_per_part);
    let mut tables = 0;
    document.sections = (0..parts)
        .map(|part| Section {
            heading: format!("PHẦN {} — {}", part + 1, words.sentence(6).to_uppercase()),
            children: (0..items_per_part)
                .map(|index| Section {
                    heading: words.sentence(7),
                    blocks: [paragraph(format!(
                        "{} {}",
                        words.sentence(30),
                        words.sentence(25)
                    ))]
                    .into_iter()
                    .chain((index % TABLE_EVERY == TABLE_AT).then(|| {
                        tables += 1;
                        Block::Table(statistics_table(&mut words, tables))
                    }))
                    .chain([
                        paragraph(words.sentence(40)),
                        Block::List(List {
                            id: 0,
                            items: vec![
                                item(words.sentence(20), Vec::new()),
                                item(
                                    words.sentence(18),
                                    vec![Block::List(List {
                                        id: 0,
                                        items: vec![item(words.sentence(15), Vec::new())],
                                    })],
                                ),
                            ],
                        }),
                        Block::Assessment(Assessment {
                            id: 0,
                            label: AssessmentLabel::Strengths,
                            nothing_to_report: false,
                            blocks: vec![paragraph(words.sentence(35))],
                        }),
                        Block::Assessment(Assessment {
                            id: 0,
                            label: AssessmentLabel::Limitations,
                            nothing_to_report: true,
                            blocks: Vec::new(),
                        }),
                    ])
                    .collect::<Vec<_>>()
                    .into(),
                    ..Section::default()
                })
                .collect(),
            ..Section::default()
        })
        .collect();
    document.assign_ids();
    document
}

/// The benchmark report: 300 items, about 60,000 words.
pub fn benchmark_report() -> Document {
    large_report(10, 30)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_benchmark_report_has_300_items_and_about_60000_words() {
        let document = benchmark_report();
        let items: usize = document
            .sections
            .iter()
            .map(|part| part.children.len())
            .sum();
        assert_eq!(items, 300);
        let words = crate::render::plain_text(&document)
            .split_whitespace()
            .count();
        assert!((55_000..=70_000).contains(&words), "{words} words");
        assert_eq!(document, benchmark_report());
    }

    #[test]
    fn the_benchmark_report_has_30_tables_of_20_by_6_spread_over_the_parts() {
        let document = benchmark_report();
        let mut per_part = Vec::new();
        for part in &document.sections {
            let tables: Vec<&Table> = part
                .children
                .iter()
                .flat_map(|item| item.blocks.iter())
                .filter_map(|block| match block {
                    Block::Table(table) => Some(table),
                    _ => None,
                })
                .collect();
            for table in &tables {
                assert_eq!(table.rows.len(), TABLE_ROWS);
                assert_eq!(table.columns.len(), TABLE_COLUMNS);
                assert_eq!(table.rows.last().map(|row| row.kind), Some(RowKind::Total));
                // The sum, the share and the total row are worked out.
                let view = crate::table::view(table);
                let first = &view.rows[0].cells;
                let typed: f64 = (1..4)
                    .map(|c| crate::table::parse_number(&first[c].text).unwrap())
                    .sum();
                assert!(first[4].computed && first[5].computed);
                assert_eq!(crate::table::parse_number(&first[4].text), Some(typed));
                assert!(view.rows[TABLE_ROWS - 1].cells[1].computed);
            }
            per_part.push(tables.len());
        }
        assert_eq!(per_part, vec![3; 10]);
        // Every item still opens with a paragraph, where the bench types.
        assert!(document
            .sections
            .iter()
            .flat_map(|part| part.children.iter())
            .all(|item| matches!(item.blocks.first(), Some(Block::Paragraph(_)))));
        // Small reports, as other tests build them, have none before item 5.
        assert!(large_report(3, 4)
            .sections
            .iter()
            .flat_map(|part| part.children.iter())
            .all(|item| item.blocks.iter().all(|b| !matches!(b, Block::Table(_)))));
    }
}
