//! The format check before export: what is missing or off against the
//! chosen ruleset, each finding pointing at the field or section to fix.
//! Export is never blocked by it; it only tells.

use crate::edit::Field;
use crate::model::{Block, Document, NodeId, Section, SectionKind};
use crate::numbering::outline;
use crate::rules::{
    check_date, check_number_symbol, format_number, page_out_of_range, DateProblem, NumberProblem,
    PageSetting,
};
use crate::text::is_nfc;

pub mod reorg;
mod tables;

pub use reorg::WordsPlace;

/// Where a finding points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Field(Field),
    Date,
    Recipients,
    /// One of the page settings in the details form.
    Page(PageSetting),
    /// A section or block, by id.
    Node(NodeId),
    /// A body cell of a table, by the table's, the row's and the column's
    /// ids.
    Cell {
        table: NodeId,
        row: NodeId,
        column: NodeId,
    },
}

/// Where a table cell is, in words a finding can say: the section's
/// reference (empty for the opening before the parts), the table's caption
/// (may be empty), the row and column by number from 1 and by label (the
/// row's first cell, the header texts over the column; either may be
/// empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellPlace {
    pub reference: String,
    pub caption: String,
    pub row: usize,
    pub row_label: String,
    pub column: usize,
    pub column_label: String,
}

/// Which neighbours of an empty cell are filled in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmptyAlong {
    Row,
    Column,
    Both,
}

/// What is missing or off.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    MissingIssuingBody,
    MissingSuperiorBody,
    /// The superior body takes more lines than the header has room for
    /// (`frame::MAX_SUPERIOR_LINES`): the number of lines written.
    SuperiorTooManyLines {
        lines: usize,
    },
    MissingNumber,
    NumberShape(NumberProblem),
    DateIncomplete,
    Date(DateProblem),
    MissingPlace,
    MissingSubject,
    SubjectCapital,
    MissingSigningAuthority,
    MissingSignerName,
    MissingRecipients,
    /// A section with nothing in it: write it, or say "không có".
    EmptySection {
        reference: String,
    },
    /// A part, item or point without a heading and without a paragraph
    /// for its number to run into ("1. …" followed by a list).
    MissingHeading {
        reference: String,
    },
    /// An assessment group neither filled in nor marked "không có".
    EmptyAssessment {
        reference: String,
        label: String,
    },
    /// Text that is not in NFC (decomposed), which searches and exports
    /// differently.
    NotNfc {
        reference: String,
    },
    /// A figure typed over a computed place (a total, a percentage, as
    /// imported tables have) that differs from what the rows give by more
    /// than its rounding.
    TypedDisagrees {
        place: CellPlace,
        typed: String,
        computed: String,
    },
    /// An empty cell whose row or column is otherwise filled in.
    EmptyCell {
        place: CellPlace,
        along: EmptyAlong,
    },
    /// A percentage above 100 in a column that holds a part of a whole
    /// (`value` as written, without "%").
    PercentOver100 {
        place: CellPlace,
        value: String,
    },
    /// A division ("PHẦN THỨ NHẤT") without its heading text.
    DivisionWithoutHeading {
        reference: String,
    },
    /// A part standing outside the divisions of a report that has them.
    PartOutsideDivisions {
        reference: String,
    },
    /// An appendix with nothing in it.
    EmptyAppendix {
        reference: String,
    },
    /// A page setting of the draft outside what the rules allow, with the
    /// value and the range as written in the form.
    PageOutOfRange {
        setting: PageSetting,
        value: String,
        min: String,
        max: String,
    },
    /// A document dated on or after 1 July 2025 names a body that no
    /// longer exists (district level, thị trấn): the words as written.
    ObsoleteBody {
        place: WordsPlace,
        words: Vec<String>,
    },
}

/// One finding and where to go to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub finding: Finding,
    pub target: Target,
}

/// Whether every text of `blocks` is in NFC, read in place (the check runs
/// at every pause in typing, over every text of a long report).
fn blocks_are_nfc(blocks: &[Block]) -> bool {
    blocks.iter().all(|block| match block {
        Block::Paragraph(paragraph) => is_nfc(&paragraph.text),
        Block::List(list) => list
            .items
            .iter()
            .all(|item| is_nfc(&item.text) && blocks_are_nfc(&item.blocks)),
        Block::Assessment(assessment) => blocks_are_nfc(&assessment.blocks),
        Block::Figure(figure) => is_nfc(&figure.caption),
        Block::Table(table) => {
            is_nfc(&table.caption)
                && table.header.iter().flatten().all(|text| is_nfc(text))
                && table
                    .rows
                    .iter()
                    .all(|row| row.cells.iter().all(|cell| is_nfc(&cell.text)))
        }
    })
}

fn empty_assessments(blocks: &[Block], reference: &str, out: &mut Vec<Issue>) {
    for block in blocks {
        match block {
            Block::Assessment(assessment) => {
                if block.is_empty() {
                    out.push(Issue {
                        finding: Finding::EmptyAssessment {
                            reference: reference.to_owned(),
                            label: assessment.label.text().to_owned(),
                        },
                        target: Target::Node(assessment.id),
                    });
                }
                empty_assessments(&assessment.blocks, reference, out);
            }
            Block::List(list) => {
                for item in &list.items {
                    empty_assessments(&item.blocks, reference, out);
                }
            }
            Block::Paragraph(_) | Block::Figure(_) | Block::Table(_) => {}
        }
    }
}

/// Checks `document` against its ruleset. Findings come in document order:
/// header, title, body, closing.
pub fn check(document: &Document) -> Vec<Issue> {
    let meta = &document.meta;
    let closing = &document.closing;
    let mut issues = Vec::new();
    let mut push = |finding: Finding, target: Target| issues.push(Issue { finding, target });

    let superior_lines = crate::frame::superior_lines(&meta.superior_body).len();
    if superior_lines == 0 {
        push(
            Finding::MissingSuperiorBody,
            Target::Field(Field::SuperiorBody),
        );
    } else if superior_lines > crate::frame::MAX_SUPERIOR_LINES {
        push(
            Finding::SuperiorTooManyLines {
                lines: superior_lines,
            },
            Target::Field(Field::SuperiorBody),
        );
    }
    if meta.issuing_body.trim().is_empty() {
        push(
            Finding::MissingIssuingBody,
            Target::Field(Field::IssuingBody),
        );
    }
    if meta.number_symbol.trim().is_empty() {
        push(Finding::MissingNumber, Target::Field(Field::NumberSymbol));
    } else if let Err(problem) = check_number_symbol(meta.ruleset, &meta.number_symbol) {
        push(
            Finding::NumberShape(problem),
            Target::Field(Field::NumberSymbol),
        );
    }
    if meta.place.trim().is_empty() {
        push(Finding::MissingPlace, Target::Field(Field::Place));
    }
    match check_date(&meta.date) {
        Err(problem) => push(Finding::Date(problem), Target::Date),
        Ok(()) if meta.date.year.is_none() => push(Finding::DateIncomplete, Target::Date),
        Ok(()) => {}
    }
    if meta.subject.trim().is_empty() {
        push(Finding::MissingSubject, Target::Field(Field::Subject));
    } else if meta.subject.chars().next().is_some_and(char::is_uppercase) {
        push(Finding::SubjectCapital, Target::Field(Field::Subject));
    }

    let entries = outline(document);
    let obsolete = reorg::check(document, &entries);
    for issue in obsolete.header {
        push(issue.finding, issue.target);
    }
    let has_divisions = document
        .sections
        .iter()
        .any(|section| section.kind == SectionKind::Division);
    let mut table_issues = Vec::new();
    // Each section by id, found once (the outline lists them all).
    let mut sections = std::collections::HashMap::new();
    fn index<'a>(list: &'a [Section], out: &mut std::collections::HashMap<NodeId, &'a Section>) {
        for section in list {
            out.entry(section.id).or_insert(section);
            index(&section.children, out);
        }
    }
    index(&document.sections, &mut sections);
    let mut preamble_tables = Vec::new();
    crate::table::tables_in(&document.preamble, &mut preamble_tables);
    for table in preamble_tables {
        tables::check_table(table, "", &mut table_issues);
    }
    for entry in &entries {
        let Some(section) = sections.get(&entry.id).copied() else {
            continue;
        };
        let has_children = !section.children.is_empty();
        let empty = !has_children && section.blocks.iter().all(Block::is_empty);
        match entry.kind {
            SectionKind::Division if section.heading.trim().is_empty() => push(
                Finding::DivisionWithoutHeading {
                    reference: entry.number.clone(),
                },
                Target::Node(section.id),
            ),
            SectionKind::Appendix if empty => push(
                Finding::EmptyAppendix {
                    reference: entry.number.clone(),
                },
                Target::Node(section.id),
            ),
            SectionKind::Numbered if has_divisions && entry.indent == 0 => push(
                Finding::PartOutsideDivisions {
                    reference: entry.reference.clone(),
                },
                Target::Node(section.id),
            ),
            _ => {}
        }
        let mut tables = Vec::new();
        crate::table::tables_in(&section.blocks, &mut tables);
        for table in tables {
            tables::check_table(table, &entry.reference, &mut table_issues);
        }
        // A heading left empty is allowed where the number runs into the
        // section's first paragraph ("1. Hội nghị …"), not elsewhere.
        let runs_in = matches!(section.blocks.first(), Some(Block::Paragraph(_)));
        if entry.kind == SectionKind::Numbered && section.heading.trim().is_empty() && !runs_in {
            push(
                Finding::MissingHeading {
                    reference: entry.reference.clone(),
                },
                Target::Node(section.id),
            );
        }
        if empty && entry.kind != SectionKind::Appendix {
            push(
                Finding::EmptySection {
                    reference: entry.reference.clone(),
                },
                Target::Node(section.id),
            );
        }
        if !(is_nfc(&section.heading) && blocks_are_nfc(&section.blocks)) {
            push(
                Finding::NotNfc {
                    reference: entry.reference.clone(),
                },
                Target::Node(section.id),
            );
        }
    }
    let mut assessment_issues = Vec::new();
    // The first entry of each id, as a search from the start finds it.
    let mut references: std::collections::HashMap<NodeId, &str> = std::collections::HashMap::new();
    for entry in &entries {
        references.entry(entry.id).or_insert(&entry.reference);
    }
    fn walk(
        sections: &[Section],
        references: &std::collections::HashMap<NodeId, &str>,
        out: &mut Vec<Issue>,
    ) {
        for section in sections {
            let reference = references.get(&section.id).copied().unwrap_or_default();
            empty_assessments(&section.blocks, reference, out);
            walk(&section.children, references, out);
        }
    }
    walk(&document.sections, &references, &mut assessment_issues);
    for issue in assessment_issues
        .into_iter()
        .chain(table_issues)
        .chain(obsolete.body)
    {
        push(issue.finding, issue.target);
    }

    // A Party committee signs for the collective ("T/M ĐẢNG ỦY"); under
    // Nghị định 30 the head of a body signs in their own position
    // ("HIỆU TRƯỞNG") with no "TM."/"KT." line, which is then left empty.
    let own_position =
        meta.ruleset == crate::model::Ruleset::State && !closing.position.trim().is_empty();
    if closing.signing_authority.trim().is_empty() && !own_position {
        push(
            Finding::MissingSigningAuthority,
            Target::Field(Field::SigningAuthority),
        );
    }
    if closing.signer_name.trim().is_empty() {
        push(Finding::MissingSignerName, Target::Field(Field::SignerName));
    }
    if closing.recipients.iter().all(|line| line.trim().is_empty()) {
        push(Finding::MissingRecipients, Target::Recipients);
    }
    for issue in obsolete.closing {
        push(issue.finding, issue.target);
    }
    for (setting, value) in page_out_of_range(meta) {
        let range = setting.range(meta.ruleset);
        push(
            Finding::PageOutOfRange {
                setting,
                value: format_number(value),
                min: format_number(range.min),
                max: format_number(range.max),
            },
            Target::Page(setting),
        );
    }
    issues
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn a_page_setting_outside_the_rules_is_a_finding_that_points_at_it() {
        let mut draft = crate::template::seed_sample();
        assert!(!check(&draft)
            .iter()
            .any(|issue| matches!(issue.finding, Finding::PageOutOfRange { .. })));
        draft.meta.page.margin_left_mm = Some(25.0);
        draft.meta.page.body_pt = Some(14.5);
        let page: Vec<Issue> = check(&draft)
            .into_iter()
            .filter(|issue| matches!(issue.finding, Finding::PageOutOfRange { .. }))
            .collect();
        // 14.5 pt is within the Party's 14–15; 25 mm left is not.
        assert_eq!(
            page,
            vec![Issue {
                finding: Finding::PageOutOfRange {
                    setting: PageSetting::MarginLeft,
                    value: "25".into(),
                    min: "30".into(),
                    max: "35".into(),
                },
                target: Target::Page(PageSetting::MarginLeft),
            }]
        );
        let vi = crate::i18n::describe_finding(crate::i18n::Lang::Vi, &page[0].finding);
        assert_eq!(
            vi,
            "Trang: Lề trái (mm) là 25, ngoài khoảng 30–35 theo quy định."
        );
        let en = crate::i18n::describe_finding(crate::i18n::Lang::En, &page[0].finding);
        assert_eq!(
            en,
            "Page: Left margin (mm) is 25, outside the rules' 30–35."
        );
        // The same 14.5 pt is outside the State's 13–14.
        draft.meta.ruleset = crate::model::Ruleset::State;
        assert!(check(&draft)
            .iter()
            .any(|issue| issue.target == Target::Page(PageSetting::BodySize)));
    }
    use crate::model::DocDate;
    use crate::template::{builtin, instantiate, seed_sample};

    fn findings(document: &Document) -> Vec<Finding> {
        check(document)
            .into_iter()
            .map(|issue| issue.finding)
            .collect()
    }

    #[test]
    fn the_seed_sample_lacks_only_its_number_and_date() {
        assert_eq!(
            findings(&seed_sample()),
            [Finding::MissingNumber, Finding::DateIncomplete]
        );
    }

    #[test]
    fn a_complete_sample_passes() {
        let mut sample = seed_sample();
        sample.meta.number_symbol = "12-BC/ĐU".into();
        sample.meta.date = DocDate {
            day: Some(5),
            month: Some(1),
            year: Some(2018),
        };
        assert_eq!(findings(&sample), []);
    }

    #[test]
    fn a_fresh_template_lists_what_is_still_to_do() {
        let draft = instantiate(&builtin()[0]);
        let found = findings(&draft);
        assert!(found.contains(&Finding::MissingIssuingBody));
        assert!(found.contains(&Finding::MissingSignerName));
        assert!(found.contains(&Finding::EmptySection {
            reference: "I.1".into()
        }));
        assert!(found.contains(&Finding::EmptyAssessment {
            reference: "I.4".into(),
            label: "Hạn chế".into()
        }));
        // A part with items is not itself "empty".
        assert!(!found.contains(&Finding::EmptySection {
            reference: "I".into()
        }));
    }

    /// The school's template (Nghị định 30) signs "HIỆU TRƯỞNG" with no
    /// "TM." line, and the check asked for one.
    #[test]
    fn regression_a_head_signing_in_their_own_position_was_told_to_add_tm() {
        let school = builtin()
            .into_iter()
            .find(|template| template.id == "tong-ket-nam-hoc")
            .expect("the school template");
        let mut draft = instantiate(&school);
        assert_eq!(draft.meta.ruleset, crate::model::Ruleset::State);
        assert_eq!(draft.closing.position, "HIỆU TRƯỞNG");
        assert!(draft.closing.signing_authority.trim().is_empty());
        assert!(!findings(&draft).contains(&Finding::MissingSigningAuthority));
        // Without a position either, something has to say who signs.
        draft.closing.position.clear();
        assert!(findings(&draft).contains(&Finding::MissingSigningAuthority));
        // A Party committee always signs for the collective.
        let mut party = instantiate(&builtin()[0]);
        assert_eq!(party.meta.ruleset, crate::model::Ruleset::Party);
        party.closing.signing_authority.clear();
        party.closing.position = "BÍ THƯ".into();
        assert!(findings(&party).contains(&Finding::MissingSigningAuthority));
    }

    #[test]
    fn khong_co_counts_as_filled_in() {
        let mut draft = instantiate(&builtin()[0]);
        let Block::Assessment(limitations) = &mut draft.sections[0].children[3].blocks[0] else {
            panic!()
        };
        limitations.nothing_to_report = true;
        assert!(!findings(&draft).contains(&Finding::EmptyAssessment {
            reference: "I.4".into(),
            label: "Hạn chế".into()
        }));
    }

    #[test]
    fn shapes_and_dates_are_checked_for_the_ruleset() {
        let mut sample = seed_sample();
        sample.meta.number_symbol = "12/BC-ĐU".into();
        sample.meta.date = DocDate {
            day: Some(30),
            month: Some(2),
            year: Some(2018),
        };
        sample.meta.subject = "Tổng kết".into();
        let found = findings(&sample);
        assert!(found.contains(&Finding::NumberShape(NumberProblem::PartyShape)));
        assert!(found.contains(&Finding::Date(DateProblem::NoSuchDay)));
        assert!(found.contains(&Finding::SubjectCapital));
    }

    #[test]
    fn decomposed_text_is_found_and_pointed_at() {
        use unicode_normalization::UnicodeNormalization;
        let mut sample = seed_sample();
        let id = sample.sections[1].children[0].id;
        sample.sections[1].children[0].heading = "Về nhận thức".nfd().collect();
        let issues = check(&sample);
        let issue = issues
            .iter()
            .find(|i| matches!(i.finding, Finding::NotNfc { .. }))
            .unwrap();
        assert_eq!(
            issue.finding,
            Finding::NotNfc {
                reference: "II.1".into()
            }
        );
        assert_eq!(issue.target, Target::Node(id));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "conformance/tables_tests.rs"]
mod tables_tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "conformance/reorg_tests.rs"]
mod reorg_tests;
