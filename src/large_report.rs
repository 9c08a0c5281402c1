//! A generated large report for benchmarks and load tests: the seed
//! sample's header and closing around ten parts of thirty items each (300
//! items, about 60,000 words) with paragraphs, "-"/"+" bullets and
//! assessment groups, in plausible Vietnamese. The same seed always gives
//! the same report.

use crate::model::{Assessment, AssessmentLabel, Block, Document, List, ListItem, Section};

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
    document.sections = (0..parts)
        .map(|part| Section {
            heading: format!("PHẦN {} — {}", part + 1, words.sentence(6).to_uppercase()),
            children: (0..items_per_part)
                .map(|_| Section {
                    heading: words.sentence(7),
                    blocks: vec![
                        paragraph(format!("{} {}", words.sentence(30), words.sentence(25))),
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
                    ]
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
}
