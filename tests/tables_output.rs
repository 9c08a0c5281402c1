//! Divisions, statistics tables and appendices in every output: the
//! sample report (`tables_sample`) as Markdown, plain text, HTML and the
//! DOCX's `document.xml` against golden files, and the checks that hold
//! whatever the golden files say: the appendix comes after the closing
//! and on its own landscape page, the table's header is repeated and its
//! rows never split, merged cells, numbers to the right.
#![cfg(not(target_arch = "wasm32"))]

mod tables_sample;

use baocao::docx::document_xml;
use baocao::export::{html, markdown, plain_text};
use baocao::persist::Envelope;
use tables_sample::tables_sample;

/// When the sample was made, for the envelope.
const SAVED_MS: f64 = 1_795_858_363_609.0;

fn golden(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
    }
    let expected =
        std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing golden file {name}"));
    assert!(
        actual == expected,
        "{name} differs from its golden file; rerun with UPDATE_GOLDEN=1 after checking"
    );
}

fn envelope() -> Envelope {
    Envelope::new("tables-sample", tables_sample(), SAVED_MS)
}

#[test]
fn the_tables_sample_matches_its_golden_files() {
    let document = tables_sample();
    golden("tests/golden/tables-sample.md", &markdown(&document));
    golden("tests/golden/tables-sample.txt", &plain_text(&document));
    golden("tests/golden/tables-sample.html", &html(&mut envelope()));
    golden(
        "tests/golden/tables-sample.document.xml",
        &document_xml(&document),
    );
    // The draft the end-to-end test imports.
    golden("tests/fixtures/tables-sample.json", &envelope().to_json());
}

/// Where each of `needles` is in `text`, in order; panics naming the
/// first one missing or out of order.
fn in_order(output: &str, text: &str, needles: &[&str]) {
    let mut from = 0;
    for needle in needles {
        match text[from..].find(needle) {
            Some(at) => from += at + needle.len(),
            None => panic!("{output}: {needle:?} missing or out of order"),
        }
    }
}

/// The text of `document.xml`, tags off, a paragraph a line.
fn docx_text(xml: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in xml.replace("</w:p>", "\n").chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

#[test]
fn divisions_restart_parts_and_the_appendix_follows_the_closing_in_every_output() {
    let document = tables_sample();
    let order = [
        "PHẦN THỨ NHẤT",
        "KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2026",
        "I. CÔNG TÁC CHÍNH TRỊ, TƯ TƯỞNG",
        "II. CÔNG TÁC TỔ CHỨC, ĐẢNG VIÊN",
        "PHẦN THỨ HAI",
        "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027",
        "I. MỤC TIÊU",
        "II. NHIỆM VỤ TRỌNG TÂM",
        "Nơi nhận:",
        "Nguyễn Văn Kiệt",
        "PHỤ LỤC",
        "KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN",
        "Chi bộ Giáo viên",
    ];
    in_order("Markdown", &markdown(&document), &order);
    in_order("text", &plain_text(&document), &order);
    in_order("HTML", &html(&mut envelope()), &order);
    in_order("DOCX", &docx_text(&document_xml(&document)), &order);
}

#[test]
fn the_docx_table_repeats_its_header_never_splits_a_row_and_merges_cells() {
    let xml = document_xml(&tables_sample());
    let caption = xml.find("Bảng 1.").unwrap();
    let first = &xml[caption + xml[caption..].find("<w:tbl>").unwrap()..];
    let first = &first[..first.find("</w:tbl>").unwrap()];
    // Two header rows and the number row repeat; 7 body rows.
    assert_eq!(first.matches("<w:tblHeader/>").count(), 3);
    assert_eq!(first.matches("<w:tr>").count(), 10);
    assert_eq!(first.matches("<w:cantSplit/>").count(), 10);
    // "Chỉ tiêu" and the "%" column span both header rows, "Số lượng" two
    // columns.
    assert_eq!(first.matches("<w:vMerge w:val=\"restart\"/>").count(), 2);
    assert_eq!(first.matches("<w:vMerge/>").count(), 2);
    assert_eq!(first.matches("<w:gridSpan w:val=\"2\"/>").count(), 1);
    // The grid fills the portrait text width: 210 − 30 − 15 mm.
    let width = 11906 - 1701 - 850;
    assert!(first.contains(&format!("<w:tblW w:w=\"{width}\" w:type=\"dxa\"/>")));
    let grid: u32 = first
        .match_indices("<w:gridCol w:w=\"")
        .map(|(at, found)| {
            let rest = &first[at + found.len()..];
            rest[..rest.find('"').unwrap()].parse::<u32>().unwrap()
        })
        .sum();
    assert_eq!(grid, width);
    // Computed: the total's "Kỳ này" (60), its ratio with the typed 56.
    assert!(first.contains(">60</w:t>"));
    assert!(first.contains(">56</w:t>"));
    assert!(first.contains(">107,1</w:t>"));
    assert!(first.contains("<w:jc w:val=\"right\"/>"));
    // 13 pt under a 14 pt body.
    assert!(first.contains("<w:sz w:val=\"26\"/>"));
}

#[test]
fn the_docx_appendix_is_a_landscape_section_after_the_closing() {
    let xml = document_xml(&tables_sample());
    let closing = xml.find("Nguyễn Văn Kiệt").unwrap();
    let appendix = xml.find("PHỤ LỤC").unwrap();
    let sections: Vec<usize> = xml.match_indices("<w:sectPr>").map(|(at, _)| at).collect();
    assert_eq!(sections.len(), 2, "the body's section, the appendix's");
    // The body's section ends between the closing and the appendix, on a
    // portrait page with no number on its first page.
    assert!(closing < sections[0] && sections[0] < appendix);
    let body = &xml[sections[0]..];
    let body = &body[..body.find("</w:sectPr>").unwrap()];
    assert!(body.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
    assert!(body.contains("<w:titlePg/>"));
    // The last section is the appendix's, landscape, numbered on.
    let last = &xml[sections[1]..];
    assert!(last.contains("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"));
    assert!(!last.contains("<w:titlePg/>"));
    assert!(xml.ends_with("</w:sectPr></w:body></w:document>"));
    // Its table spans the landscape text width.
    let width = 16838 - 1701 - 850;
    assert!(xml[appendix..].contains(&format!("<w:tblW w:w=\"{width}\"")));
}

#[test]
fn the_html_table_has_a_header_group_spans_and_a_landscape_appendix() {
    let page = html(&mut envelope());
    assert!(page.contains("<th rowspan=\"2\">Chỉ tiêu</th><th colspan=\"2\">Số lượng</th>"));
    assert!(
        page.contains("<tr class=\"numbers\"><th>1</th><th>2</th><th>3</th><th>4=2:3</th></tr>")
    );
    assert!(page.contains("table.data thead { display: table-header-group; }"));
    assert!(page.contains("@page landscape { size: A4 landscape; }"));
    assert!(page.contains("<article class=\"sheet appendix landscape\">"));
    assert!(page.contains("<td class=\"num computed\">107,1</td>"));
    assert!(page.contains("<td class=\"num typed\">56</td>"));
    assert!(!page.contains("<pre>"));
}

#[test]
fn markdown_tables_escape_pipes_and_keep_one_line_per_row() {
    let text = markdown(&tables_sample());
    assert!(text.contains("| Chỉ tiêu | Số lượng |  | Kỳ này so với cùng kỳ (%) |"));
    assert!(text.contains("| :--- | ---: | ---: | ---: |"));
    assert!(text.contains("| \u{a0}\u{a0}- Nữ \\| trong đó kết nạp mới |"));
    assert!(text.contains("| **1. Đảng viên chính thức** |"));
    let rows = text.lines().filter(|line| line.starts_with("| ")).count();
    // 2 header + rule + numbers + 7 rows; 2 + rule + numbers + 4 rows.
    assert_eq!(rows, 11 + 8);
}

/// A portrait appendix after a landscape one: three sections (the body,
/// each appendix), numbered "PHỤ LỤC I" and "PHỤ LỤC II", the last one
/// back on an upright page; the HTML and Markdown keep them in order.
#[test]
fn a_portrait_appendix_after_a_landscape_one_returns_to_portrait() {
    use baocao::model::{Block, Section, SectionKind, Shared};
    let mut document = tables_sample();
    document.sections.push(Section {
        kind: SectionKind::Appendix,
        heading: "Danh sách chi bộ".into(),
        blocks: Shared::new(vec![Block::paragraph("Chi bộ Giáo viên.".into())]),
        ..Section::default()
    });
    document.assign_ids();
    let xml = document_xml(&document);
    let sizes: Vec<&str> = xml
        .match_indices("<w:pgSz ")
        .map(|(at, _)| &xml[at..at + xml[at..].find("/>").unwrap()])
        .collect();
    assert_eq!(
        sizes,
        [
            "<w:pgSz w:w=\"11906\" w:h=\"16838\"",
            "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"",
            "<w:pgSz w:w=\"11906\" w:h=\"16838\"",
        ]
    );
    let text = docx_text(&xml);
    in_order(
        "DOCX",
        &text,
        &[
            "Nguyễn Văn Kiệt",
            "PHỤ LỤC I\n",
            "Chi bộ Giáo viên",
            "PHỤ LỤC II\n",
            "DANH SÁCH CHI BỘ",
        ],
    );
    let page = html(&mut Envelope::new("1", document.clone(), 0.0));
    in_order(
        "HTML",
        &page,
        &[
            "<article class=\"sheet appendix landscape\">",
            "PHỤ LỤC I<",
            "<article class=\"sheet appendix\">",
            "PHỤ LỤC II<",
        ],
    );
    in_order(
        "Markdown",
        &markdown(&document),
        &["## PHỤ LỤC I\n", "## PHỤ LỤC II\n"],
    );
}
