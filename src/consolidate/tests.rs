//! Unit tests of the consolidation's small rules: heading normalisation,
//! unit names, "không có", cells.

use super::*;

#[test]
fn headings_compare_without_numbers_case_or_punctuation() {
    assert_eq!(
        normalised_heading("II. KẾT QUẢ THỰC HIỆN:"),
        "kết quả thực hiện"
    );
    assert_eq!(
        normalised_heading("1.2. Công tác  tổ chức, xây dựng Đảng."),
        "công tác tổ chức xây dựng đảng"
    );
    assert_eq!(normalised_heading("a) Ưu điểm"), "ưu điểm");
    assert_eq!(normalised_heading("PHẦN THỨ NHẤT: Kết quả"), "kết quả");
    assert_eq!(normalised_heading("- Về tư tưởng"), "về tư tưởng");
    // A heading starting with a word is not cut.
    assert_eq!(normalised_heading("Công tác dân vận"), "công tác dân vận");
    assert_eq!(normalised_heading("Ấp 1"), "ấp 1");
}

#[test]
fn unit_names_come_from_the_issuing_body_in_running_text() {
    let named = |body: &str| {
        let mut document = Document::default();
        document.meta.issuing_body = body.into();
        unit_name(&document, "x.baocao.json")
    };
    assert_eq!(named("CHI BỘ ẤP 1"), "Chi bộ Ấp 1");
    assert_eq!(
        named("ĐẢNG ỦY TRƯỜNG THPT LẤP VÒ 2"),
        "Đảng ủy Trường THPT Lấp Vò 2"
    );
    assert_eq!(
        named("ỦY BAN NHÂN DÂN XÃ TÂN HÒA"),
        "Ủy ban nhân dân xã Tân Hòa"
    );
    assert_eq!(named("Chi bộ ấp Tân Lợi"), "Chi bộ ấp Tân Lợi");
    assert_eq!(named("  "), "x");
    assert_eq!(
        unit_name(&Document::default(), "Chi bo Ap 4.docx"),
        "Chi bo Ap 4"
    );
}

#[test]
fn nothing_to_report_is_the_whole_content_not_a_word_in_it() {
    assert!(is_nothing_to_report("Không có."));
    assert!(is_nothing_to_report(" không "));
    assert!(is_nothing_to_report("Chưa có"));
    assert!(!is_nothing_to_report("Không có đảng viên vi phạm."));
    assert_eq!(
        blocks_cell(&[Block::paragraph("Không.".into())]),
        Cell::NothingToReport
    );
    assert_eq!(blocks_cell(&[Block::paragraph(" ".into())]), Cell::Empty);
    assert_eq!(blocks_cell(&[]), Cell::Empty);
    assert_eq!(
        blocks_cell(&[
            Block::paragraph("Không có.".into()),
            Block::paragraph("Tổ chức 12 buổi.".into())
        ]),
        Cell::Filled
    );
    let group = Block::Assessment(crate::model::Assessment {
        id: 0,
        label: crate::model::AssessmentLabel::Limitations,
        nothing_to_report: true,
        blocks: Vec::new(),
    });
    assert_eq!(blocks_cell(&[group]), Cell::NothingToReport);
}

#[test]
fn the_order_drops_repeats_and_strangers() {
    let options = Options {
        order: vec![2, 0, 2, 9],
        ..Options::default()
    };
    assert_eq!(options.units(3), vec![2, 0]);
    assert_eq!(Options::default().units(3), vec![0, 1, 2]);
}

#[test]
fn no_units_make_an_empty_plan_and_draft() {
    let plan = plan(&[], &Options::default());
    assert!(plan.outline.is_empty() && plan.matrix.is_empty());
    let made = consolidate(&[], &Options::default(), &plan);
    assert!(made.document.sections.is_empty());
}

#[test]
fn short_names_leave_out_the_words_all_share() {
    let names: Vec<String> = [
        "Chi bộ Ấp 1",
        "Chi bộ Ấp 12",
        "Chi bộ Trường Tiểu học Tân Hòa",
    ]
    .map(String::from)
    .to_vec();
    assert_eq!(short_names(&names, 8), ["Ấp 1", "Ấp 12", "Trường…"]);
    let same: Vec<String> = ["Chi bộ", "Chi bộ"].map(String::from).to_vec();
    assert_eq!(short_names(&same, 8), ["bộ", "bộ"]);
    assert_eq!(short_names(&["Ấp 1".to_owned()], 8), ["Ấp 1"]);
    let numbered: Vec<String> = (1..=30).map(|n| format!("Chi bộ Ấp {n}")).collect();
    assert_eq!(short_names(&numbered, 8)[29], "Ấp 30");
}

#[test]
fn the_consolidating_body_is_the_units_common_superior_body_as_its_committee() {
    use super::build::consolidating_body;
    use crate::model::{Meta, Ruleset};
    let meta = |superior: &str| Meta {
        superior_body: superior.into(),
        ..Meta::default()
    };
    let units = [meta("Đảng bộ xã Tân Hòa"), meta("ĐẢNG BỘ XÃ TÂN HÒA")];
    assert_eq!(
        consolidating_body(Ruleset::Party, units.iter()),
        (String::new(), "ĐẢNG ỦY XÃ TÂN HÒA".to_owned())
    );
    let two = [meta("ĐẢNG BỘ TỈNH ĐỒNG THÁP\nĐẢNG BỘ XÃ TÂN HÒA")];
    assert_eq!(
        consolidating_body(Ruleset::Party, two.iter()),
        (
            "ĐẢNG BỘ TỈNH ĐỒNG THÁP".to_owned(),
            "ĐẢNG ỦY XÃ TÂN HÒA".to_owned()
        )
    );
    // A State body writes as itself.
    let schools = [meta("UBND XÃ TÂN HÒA"), meta("UBND XÃ TÂN HÒA")];
    assert_eq!(
        consolidating_body(Ruleset::State, schools.iter()),
        (String::new(), "UBND XÃ TÂN HÒA".to_owned())
    );
    // Units that disagree, or one without a superior body: left to the user.
    let mixed = [meta("ĐẢNG BỘ XÃ TÂN HÒA"), meta("ĐẢNG BỘ XÃ TÂN PHÚ")];
    assert_eq!(
        consolidating_body(Ruleset::Party, mixed.iter()),
        (String::new(), String::new())
    );
    let missing = [meta("ĐẢNG BỘ XÃ TÂN HÒA"), meta("  ")];
    assert_eq!(
        consolidating_body(Ruleset::Party, missing.iter()),
        (String::new(), String::new())
    );
}
