//! Tests of every edit, of undo grouping, and a property test: any sequence of
//! edits followed by as many undos gives back the original document.

use super::locate::index;
use super::*;
use crate::index::NodeIndex;
use crate::model::{
    Assessment, AssessmentLabel, Block, Document, List, ListItem, NodeId, Paragraph, Section,
    Shared,
};
use crate::numbering::outline;
use crate::table::{ColumnKind, Merge, RowKind};
use proptest::prelude::*;

fn paragraph(text: &str) -> Block {
    Block::Paragraph(Paragraph {
        id: 0,
        text: text.into(),
        ..Paragraph::default()
    })
}

fn item(text: &str) -> ListItem {
    ListItem {
        id: 0,
        text: text.into(),
        blocks: Vec::new(),
    }
}

fn list(items: Vec<ListItem>) -> Block {
    Block::List(List { id: 0, items })
}

fn section(heading: &str, blocks: Vec<Block>, children: Vec<Section>) -> Section {
    Section {
        heading: heading.into(),
        blocks: blocks.into(),
        children,
        ..Section::default()
    }
}

/// A small document with every kind of node.
fn sample() -> Document {
    let mut document = Document {
        title: "Báo cáo thử".into(),
        preamble: vec![paragraph("Thực hiện Kế hoạch số 01-KH/BCĐ.")],
        sections: vec![
            section(
                "Về phương thức lãnh đạo",
                vec![],
                vec![
                    section("", vec![paragraph("Nhận thức.")], vec![]),
                    section(
                        "Kết quả:",
                        vec![list(vec![item("Một"), item("Hai"), item("Ba")])],
                        vec![],
                    ),
                    section(
                        "Hạn chế",
                        vec![Block::Assessment(Assessment {
                            id: 0,
                            label: AssessmentLabel::Limitations,
                            nothing_to_report: false,
                            blocks: vec![paragraph("Chưa nhiều ý kiến.")],
                        })],
                        vec![],
                    ),
                ],
            ),
            section(
                "Về tổ chức bộ máy",
                vec![],
                vec![section("Nhận thức", vec![], vec![])],
            ),
        ],
        ..Document::default()
    };
    document.assign_ids();
    document
}

fn id_of(document: &Document, heading: &str) -> NodeId {
    outline(document)
        .into_iter()
        .find(|entry| entry.heading == heading)
        .unwrap()
        .id
}

fn list_items(document: &Document, section_heading: &str) -> Vec<(String, usize)> {
    fn walk(blocks: &[Block], depth: usize, out: &mut Vec<(String, usize)>) {
        for block in blocks {
            if let Block::List(list) = block {
                for item in &list.items {
                    out.push((item.text.clone(), depth));
                    walk(&item.blocks, depth + 1, out);
                }
            }
        }
    }
    fn find<'a>(sections: &'a [Section], heading: &str) -> Option<&'a Section> {
        sections.iter().find_map(|s| {
            if s.heading == heading {
                Some(s)
            } else {
                find(&s.children, heading)
            }
        })
    }
    let mut out = Vec::new();
    walk(
        &find(&document.sections, section_heading).unwrap().blocks,
        0,
        &mut out,
    );
    out
}

fn first_item_ids(document: &Document, section_heading: &str) -> Vec<NodeId> {
    let id = id_of(document, section_heading);
    let locations = index(document);
    let mut ids: Vec<(usize, NodeId)> = locations
        .iter()
        .filter_map(|(node, location)| match location {
            Location::ListItem { index, .. } => Some((*index, *node)),
            _ => None,
        })
        .collect();
    ids.sort();
    let _ = id;
    ids.into_iter().map(|(_, node)| node).collect()
}

fn run(document: &Document, edit: Edit) -> Document {
    apply(document, &edit).unwrap().document
}

#[test]
fn insert_section_renumbers_the_following_ones() {
    let document = sample();
    let part = id_of(&document, "Về phương thức lãnh đạo");
    let next = run(
        &document,
        Edit::InsertSection {
            parent: Some(part),
            index: 0,
            heading: "Mới".into(),
        },
    );
    let numbers: Vec<(String, String)> = outline(&next)
        .into_iter()
        .map(|e| (e.reference, e.heading))
        .collect();
    assert_eq!(numbers[1], ("I.1".into(), "Mới".into()));
    assert_eq!(numbers[2], ("I.2".into(), "".into()));
    assert_eq!(numbers[4], ("I.4".into(), "Hạn chế".into()));
}

#[test]
fn delete_and_move_sections() {
    let document = sample();
    let second = id_of(&document, "Về tổ chức bộ máy");
    let moved = run(
        &document,
        Edit::MoveSection {
            section: second,
            direction: Direction::Up,
        },
    );
    assert_eq!(outline(&moved)[0].heading, "Về tổ chức bộ máy");
    assert_eq!(outline(&moved)[0].number, "I.");
    assert_eq!(
        apply(
            &moved,
            &Edit::MoveSection {
                section: second,
                direction: Direction::Up
            }
        ),
        Err(EditError::AtEdge)
    );
    let deleted = run(&document, Edit::DeleteSection { section: second });
    assert_eq!(deleted.sections.len(), 1);
}

#[test]
fn indent_and_outdent_sections_respect_the_depth_limit() {
    let document = sample();
    let part_two = id_of(&document, "Về tổ chức bộ máy");
    // A part with items cannot go under another part's items' level twice.
    let indented = run(&document, Edit::IndentSection { section: part_two });
    let entry = outline(&indented)
        .into_iter()
        .find(|e| e.heading == "Về tổ chức bộ máy")
        .unwrap();
    assert_eq!((entry.depth, entry.reference.as_str()), (1, "I.4"));
    assert_eq!(
        apply(&indented, &Edit::IndentSection { section: part_two }),
        Err(EditError::TooDeep)
    );
    let back = run(&indented, Edit::OutdentSection { section: part_two });
    assert_eq!(back, document);
    let first = id_of(&document, "Về phương thức lãnh đạo");
    assert_eq!(
        apply(&document, &Edit::IndentSection { section: first }),
        Err(EditError::NoPlaceToGo)
    );
    // Outdenting a part at the top makes it a division: its items become
    // its parts, numbered from I; outdenting it again goes nowhere.
    let divided = run(&document, Edit::OutdentSection { section: first });
    let entries = outline(&divided);
    assert_eq!(entries[0].kind, SectionKind::Division);
    assert_eq!(entries[0].number, "PHẦN THỨ NHẤT");
    assert_eq!((entries[1].depth, entries[1].number.as_str()), (0, "I."));
    assert_eq!(entries[1].reference, "Phần 1, I");
    assert_eq!(
        apply(&divided, &Edit::OutdentSection { section: first }),
        Err(EditError::NoPlaceToGo)
    );
    // Indenting it under nothing is refused; the next part indents under
    // it as its last part.
    let second = divided.sections[1].id;
    let joined = run(&divided, Edit::IndentSection { section: second });
    assert_eq!(joined.sections.len(), 1);
    let last = outline(&joined)
        .into_iter()
        .rfind(|e| e.indent == 1)
        .unwrap();
    assert_eq!(
        last.reference,
        format!(
            "Phần 1, {}",
            crate::numbering::roman(document.sections[0].children.len() + 1)
        )
    );
}

#[test]
fn locked_headings_refuse_edits_until_unlocked() {
    let mut document = sample();
    let id = id_of(&document, "Kết quả:");
    document = run(
        &document,
        Edit::SetHeadingLocked {
            section: id,
            locked: true,
        },
    );
    assert_eq!(
        apply(
            &document,
            &Edit::SetHeading {
                section: id,
                text: "X".into()
            }
        ),
        Err(EditError::HeadingLocked(id))
    );
    document = run(
        &document,
        Edit::SetHeadingLocked {
            section: id,
            locked: false,
        },
    );
    document = run(
        &document,
        Edit::SetHeading {
            section: id,
            text: "Kết quả thực hiện:".into(),
        },
    );
    assert_eq!(outline(&document)[2].heading, "Kết quả thực hiện:");
}

#[test]
fn text_is_normalised_to_nfc_on_every_edit() {
    use unicode_normalization::UnicodeNormalization;
    let document = sample();
    let nfd: String = "Đảng ủy".nfd().collect();
    let next = run(
        &document,
        Edit::SetField {
            field: Field::IssuingBody,
            text: nfd.clone(),
        },
    );
    assert_eq!(next.meta.issuing_body, "Đảng ủy");
    let paragraph_id = document.preamble[0].id();
    let next = run(
        &next,
        Edit::SetText {
            node: paragraph_id,
            text: nfd,
        },
    );
    assert_eq!(
        next.preamble[0],
        Block::Paragraph(Paragraph {
            id: paragraph_id,
            text: "Đảng ủy".into(),
            ..Paragraph::default()
        })
    );
}

#[test]
fn enter_tab_and_shift_tab_on_list_items() {
    let document = sample();
    let items = first_item_ids(&document, "Kết quả:");
    let (one, two, three) = (items[0], items[1], items[2]);
    let Location::ListItem { list, .. } = index(&document)[&one] else {
        panic!()
    };
    // Enter after "Một" adds an empty bullet in second place.
    let applied = apply(
        &document,
        &Edit::InsertListItem {
            list,
            index: 1,
            text: String::new(),
        },
    )
    .unwrap();
    assert!(applied.created.is_some());
    assert_eq!(list_items(&applied.document, "Kết quả:")[1], ("".into(), 0));
    // Tab makes "Hai" a "+" under "Một"; Tab on "Ba" joins the same sub-list.
    let indented = run(&document, Edit::IndentListItem { item: two });
    let indented = run(&indented, Edit::IndentListItem { item: three });
    assert_eq!(
        list_items(&indented, "Kết quả:"),
        vec![("Một".into(), 0), ("Hai".into(), 1), ("Ba".into(), 1)]
    );
    assert_eq!(
        apply(&document, &Edit::IndentListItem { item: one }),
        Err(EditError::NoPlaceToGo)
    );
    // Shift+Tab brings them back.
    let out = run(&indented, Edit::OutdentListItem { item: three });
    let out = run(&out, Edit::OutdentListItem { item: two });
    assert_eq!(
        list_items(&out, "Kết quả:"),
        list_items(&document, "Kết quả:")
    );
    assert_eq!(
        apply(&document, &Edit::OutdentListItem { item: one }),
        Err(EditError::NoPlaceToGo)
    );
}

#[test]
fn deleting_the_last_item_removes_the_list() {
    let document = sample();
    let mut next = document.clone();
    for item in first_item_ids(&document, "Kết quả:") {
        next = run(&next, Edit::DeleteListItem { item });
    }
    let section = &next.sections[0].children[1];
    assert!(section.blocks.is_empty(), "{:?}", section.blocks);
}

#[test]
fn blocks_insert_move_and_delete() {
    let document = sample();
    let id = id_of(&document, "Hạn chế");
    let applied = apply(
        &document,
        &Edit::InsertBlock {
            container: Container::Section(id),
            index: 1,
            kind: BlockKind::Assessment(AssessmentLabel::Causes),
        },
    )
    .unwrap();
    let new_id = applied.created.unwrap();
    let moved = run(
        &applied.document,
        Edit::MoveBlock {
            block: new_id,
            direction: Direction::Up,
        },
    );
    let Block::Assessment(first) = &moved.sections[0].children[2].blocks[0] else {
        panic!()
    };
    assert_eq!(first.label, AssessmentLabel::Causes);
    let nothing = run(
        &moved,
        Edit::SetNothingToReport {
            assessment: new_id,
            value: true,
        },
    );
    let Block::Assessment(first) = &nothing.sections[0].children[2].blocks[0] else {
        panic!()
    };
    assert!(first.nothing_to_report);
    let deleted = run(&nothing, Edit::DeleteBlock { block: new_id });
    assert_eq!(deleted.sections[0].children[2].blocks.len(), 1);
    assert_eq!(
        apply(
            &document,
            &Edit::InsertBlock {
                container: Container::Section(id),
                index: 9,
                kind: BlockKind::Paragraph
            }
        ),
        Err(EditError::BadIndex(9))
    );
}

#[test]
fn custom_assessment_label_that_matches_a_standard_one_becomes_standard() {
    let document = sample();
    let Block::Assessment(assessment) = &document.sections[0].children[2].blocks[0] else {
        panic!()
    };
    let next = run(
        &document,
        Edit::SetAssessmentLabel {
            assessment: assessment.id,
            label: AssessmentLabel::Custom("ưu điểm".into()),
        },
    );
    let Block::Assessment(changed) = &next.sections[0].children[2].blocks[0] else {
        panic!()
    };
    assert_eq!(changed.label, AssessmentLabel::Strengths);
}

#[test]
fn edits_on_missing_nodes_are_errors_not_panics() {
    let document = sample();
    for edit in [
        Edit::SetText {
            node: 9999,
            text: "x".into(),
        },
        Edit::DeleteSection { section: 9999 },
        Edit::DeleteBlock { block: 9999 },
        Edit::IndentListItem { item: 9999 },
        Edit::SetHeading {
            section: 9999,
            text: "x".into(),
        },
    ] {
        assert_eq!(
            apply(&document, &edit),
            Err(EditError::NotFound(9999)),
            "{edit:?}"
        );
    }
}

#[test]
fn text_that_cleaning_leaves_as_it_was_adds_no_undo_step() {
    let document = sample();
    let mut history = History::new(document.clone());
    let before = history.shared();
    let Block::Paragraph(first) = &document.preamble[0] else {
        panic!("the sample opens with a paragraph");
    };
    // A zero-width space is cleaned away: the text is what it was.
    let edits = [
        Edit::SetText {
            node: first.id,
            text: format!("{}\u{200b}", first.text),
        },
        Edit::SetHeading {
            section: document.sections[0].id,
            text: document.sections[0].heading.clone(),
        },
        Edit::SetField {
            field: Field::Title,
            text: document.title.clone(),
        },
    ];
    for edit in &edits {
        let applied = apply(&document, edit).unwrap();
        assert!(!applied.changed, "{edit:?}");
        history.apply(edit, 0.0).unwrap();
    }
    assert!(!history.can_undo());
    // Nothing changed, so the shared version is the same one.
    assert_eq!(history.shared(), before);
    history
        .apply(
            &Edit::SetText {
                node: first.id,
                text: "Khác".into(),
            },
            0.0,
        )
        .unwrap();
    assert_ne!(history.shared(), before);
    assert!(history.can_undo());
}

#[test]
fn typing_is_one_undo_step_per_pause() {
    let document = sample();
    let mut history = History::new(document.clone());
    let node = document.preamble[0].id();
    for (i, at) in [0.0, 200.0, 400.0, 600.0].into_iter().enumerate() {
        history
            .apply(
                &Edit::SetText {
                    node,
                    text: "x".repeat(i + 1),
                },
                at,
            )
            .unwrap();
    }
    // A pause, then more typing: a second step.
    history
        .apply(
            &Edit::SetText {
                node,
                text: "xxxxy".into(),
            },
            3000.0,
        )
        .unwrap();
    assert!(history.undo());
    assert_eq!(
        history.document().preamble[0],
        Block::Paragraph(Paragraph {
            id: node,
            text: "xxxx".into(),
            ..Paragraph::default()
        })
    );
    assert!(history.undo());
    assert_eq!(history.document(), &document);
    assert!(!history.undo());
    assert!(history.redo());
    assert!(history.redo());
    assert!(!history.redo());
}

#[test]
fn typing_in_another_field_starts_a_new_step() {
    let document = sample();
    let mut history = History::new(document.clone());
    history
        .apply(
            &Edit::SetField {
                field: Field::Title,
                text: "A".into(),
            },
            0.0,
        )
        .unwrap();
    history
        .apply(
            &Edit::SetField {
                field: Field::Subject,
                text: "B".into(),
            },
            10.0,
        )
        .unwrap();
    assert!(history.undo());
    assert_eq!(history.document().title, "A");
    assert_eq!(history.document().meta.subject, "");
}

#[test]
fn a_failed_edit_leaves_history_unchanged() {
    let document = sample();
    let mut history = History::new(document.clone());
    assert!(history
        .apply(&Edit::DeleteSection { section: 9999 }, 0.0)
        .is_err());
    assert!(!history.can_undo());
    assert_eq!(history.document(), &document);
}

/// Picks a node id of the document from a random number, so that generated
/// edits mostly hit real nodes, and sometimes a missing one.
fn pick(document: &Document, kind: u8, n: usize) -> NodeId {
    let mut ids: Vec<(NodeId, Location)> = index(document).into_iter().collect();
    ids.sort_by_key(|(id, _)| *id);
    let matching: Vec<NodeId> = ids
        .into_iter()
        .filter(|(_, location)| {
            matches!(
                (kind, location),
                (0, Location::Section { .. })
                    | (1, Location::Block { .. })
                    | (2, Location::ListItem { .. })
            )
        })
        .map(|(id, _)| id)
        .collect();
    if matching.is_empty() || n % 17 == 16 {
        return 424242;
    }
    matching[n % matching.len()]
}

/// A table of the document picked from `n` (a missing id when there is
/// none, or sometimes).
fn pick_table(document: &Document, n: usize) -> NodeId {
    let mut ids: Vec<NodeId> = index(document)
        .into_keys()
        .filter(|id| matches!(document.find_block(*id), Some(Block::Table(_))))
        .collect();
    ids.sort_unstable();
    if ids.is_empty() || n % 17 == 16 {
        return 424242;
    }
    ids[n % ids.len()]
}

fn table_of(document: &Document, id: NodeId) -> Option<&crate::table::Table> {
    match document.find_block(id) {
        Some(Block::Table(table)) => Some(table),
        _ => None,
    }
}

/// Divisions and appendices only at the top, appendices last, and no
/// numbered section deeper than a point.
fn shape_is_sound(document: &Document) -> bool {
    fn below(list: &[Section], level: usize) -> bool {
        list.iter().all(|section| {
            section.kind == SectionKind::Numbered
                && level <= 2
                && below(&section.children, level + 1)
        })
    }
    let first_appendix = document
        .sections
        .iter()
        .position(|section| section.kind == SectionKind::Appendix)
        .unwrap_or(document.sections.len());
    document.sections.iter().enumerate().all(|(at, section)| {
        (section.kind == SectionKind::Appendix) == (at >= first_appendix)
            && match section.kind {
                SectionKind::Numbered => below(&section.children, 1),
                SectionKind::Division => below(&section.children, 0),
                SectionKind::Appendix => section.children.is_empty(),
            }
    })
}

/// How many kinds of edit `make_edit` makes: one per `Edit` variant.
const EDIT_KINDS: u8 = 32;

/// Which kind of edit `edit` is, as `make_edit` numbers them. The match
/// has no wildcard arm: a new `Edit` variant does not compile until it has
/// a number here, and `every_kind_of_edit_is_generated` then fails until
/// `make_edit` makes it.
fn kind_of(edit: &Edit) -> u8 {
    match edit {
        Edit::SetField { .. } => 0,
        Edit::SetHeading { .. } => 1,
        Edit::SetText { .. } => 2,
        Edit::InsertSection { .. } => 3,
        Edit::DeleteSection { .. } => 4,
        Edit::MoveSection { .. } => 5,
        Edit::IndentSection { .. } => 6,
        Edit::OutdentSection { .. } => 7,
        Edit::InsertBlock { .. } => 8,
        Edit::DeleteBlock { .. } => 9,
        Edit::MoveBlock { .. } => 10,
        Edit::InsertListItem { .. } => 11,
        Edit::DeleteListItem { .. } => 12,
        Edit::MoveListItem { .. } => 13,
        Edit::IndentListItem { .. } => 14,
        Edit::OutdentListItem { .. } => 15,
        Edit::SetNothingToReport { .. } => 16,
        Edit::SetHeadingLocked { .. } => 17,
        Edit::SetRuleset(_) => 18,
        Edit::SetAssessmentLabel { .. } => 19,
        Edit::SetDate(_) => 20,
        Edit::SetRecipients(_) => 21,
        Edit::SetPage(_) => 22,
        Edit::SetTableText { .. } => 23,
        Edit::EditTable { .. } => 24,
        Edit::InsertDivision { .. } => 25,
        Edit::InsertAppendix { .. } => 26,
        Edit::SetLandscape { .. } => 27,
        Edit::SetDivisionStyle(_) => 28,
        Edit::CopyBlocksIn { .. } => 29,
        Edit::SetPicture { .. } => 30,
        Edit::SplitDivision { .. } => 31,
    }
}

/// An edit of kind `op % EDIT_KINDS` (see `kind_of`), its target and
/// values picked from `n`, `m` and `text`.
fn make_edit(document: &Document, op: u8, n: usize, m: usize, text: &str) -> Edit {
    let direction = if m % 2 == 0 {
        Direction::Up
    } else {
        Direction::Down
    };
    match op % EDIT_KINDS {
        0 => Edit::SetField {
            field: [Field::Title, Field::Subject, Field::IssuingBody][m % 3],
            text: text.into(),
        },
        1 => Edit::SetHeading {
            section: pick(document, 0, n),
            text: text.into(),
        },
        2 => Edit::SetText {
            node: pick(document, 1 + (m % 2) as u8, n),
            text: text.into(),
        },
        3 => Edit::InsertSection {
            parent: if m % 3 == 0 {
                None
            } else {
                Some(pick(document, 0, n))
            },
            index: m % 3,
            heading: text.into(),
        },
        4 => Edit::DeleteSection {
            section: pick(document, 0, n),
        },
        5 => Edit::MoveSection {
            section: pick(document, 0, n),
            direction,
        },
        6 => Edit::IndentSection {
            section: pick(document, 0, n),
        },
        7 => Edit::OutdentSection {
            section: pick(document, 0, n),
        },
        8 => Edit::InsertBlock {
            container: if m % 4 == 0 {
                Container::Preamble
            } else {
                Container::Section(pick(document, 0, n))
            },
            index: m % 2,
            kind: [
                BlockKind::Paragraph,
                BlockKind::List,
                BlockKind::Figure,
                BlockKind::Assessment(AssessmentLabel::Causes),
                BlockKind::Table(Box::new(crate::table::presets::blank(2, 3))),
                BlockKind::FigureWith(test_picture()),
            ][m % 6]
                .clone(),
        },
        9 => Edit::DeleteBlock {
            block: pick(document, 1, n),
        },
        10 => Edit::MoveBlock {
            block: pick(document, 1, n),
            direction,
        },
        11 => Edit::InsertListItem {
            list: pick(document, 1, n),
            index: m % 3,
            text: text.into(),
        },
        12 => Edit::DeleteListItem {
            item: pick(document, 2, n),
        },
        13 => Edit::MoveListItem {
            item: pick(document, 2, n),
            direction,
        },
        14 => Edit::IndentListItem {
            item: pick(document, 2, n),
        },
        15 => Edit::OutdentListItem {
            item: pick(document, 2, n),
        },
        16 => Edit::SetNothingToReport {
            assessment: pick(document, 1, n),
            value: m % 2 == 0,
        },
        17 => Edit::SetHeadingLocked {
            section: pick(document, 0, n),
            locked: m % 2 == 0,
        },
        18 => Edit::SetRuleset(if m % 2 == 0 {
            crate::model::Ruleset::State
        } else {
            crate::model::Ruleset::Party
        }),
        19 => Edit::SetAssessmentLabel {
            assessment: pick(document, 1, n),
            label: AssessmentLabel::Custom(text.into()),
        },
        20 => Edit::SetDate(DocDate {
            day: (n % 3 != 0).then_some((n % 32) as u8),
            month: (m % 3 != 0).then_some((m % 13) as u8),
            year: (n % 5 != 0).then_some(2000 + (m % 40) as u16),
        }),
        21 => Edit::SetRecipients(text.split(' ').take(m % 4).map(str::to_owned).collect()),
        22 => Edit::SetPage(crate::model::PageSettings {
            margin_left_mm: (n % 3 != 0).then_some(25.0 + (n % 15) as f32),
            body_pt: (m % 3 != 0).then_some(12.0 + (m % 5) as f32 * 0.5),
            line_spacing: (n % 4 == 1).then_some(1.0 + (m % 6) as f32 * 0.1),
            landscape: m % 2 == 0,
            ..Default::default()
        }),
        23 => {
            let table = pick_table(document, n);
            let slot = match (table_of(document, table), m % 4) {
                (_, 0) => TableSlot::Caption,
                (_, 1) => TableSlot::Unit,
                (Some(found), 2) if !found.header.is_empty() => TableSlot::Header {
                    row: n % found.header.len(),
                    col: m % found.columns.len().max(1),
                },
                (Some(found), _) if !found.rows.is_empty() && !found.columns.is_empty() => {
                    TableSlot::Cell {
                        row: found.rows[n % found.rows.len()].id,
                        column: found.columns[m % found.columns.len()].id,
                    }
                }
                _ => TableSlot::Cell { row: 1, column: 1 },
            };
            Edit::SetTableText {
                table,
                slot,
                text: format!("{}", n % 1000),
            }
        }
        24 => {
            let table = pick_table(document, n);
            let found = table_of(document, table);
            let row = found
                .and_then(|found| found.rows.get(n % found.rows.len().max(1)))
                .map_or(1, |row| row.id);
            let column = found
                .and_then(|found| found.columns.get(m % found.columns.len().max(1)))
                .map_or(1, |column| column.id);
            let op = match m % 10 {
                0 => TableOp::InsertRow {
                    index: n % 3,
                    kind: [RowKind::Data, RowKind::Group, RowKind::Total][n % 3],
                },
                1 => TableOp::DeleteRow { row },
                2 => TableOp::MoveRow {
                    row,
                    up: n % 2 == 0,
                },
                3 => TableOp::InsertColumn {
                    index: n % 3,
                    kind: ColumnKind::Number { decimals: 0 },
                },
                4 => TableOp::DeleteColumn { column },
                5 => TableOp::MoveColumn {
                    column,
                    left: n % 2 == 0,
                },
                6 => TableOp::Merge(Merge {
                    row: 0,
                    col: n % 2,
                    rows: 1,
                    cols: 2,
                }),
                7 => TableOp::Split { row: 0, col: n % 3 },
                8 => TableOp::SetTyped {
                    row,
                    column,
                    typed: n % 2 == 0,
                },
                _ => TableOp::Paste {
                    row: n % 3,
                    col: 0,
                    cells: vec![vec!["1".into(), "2,5".into()], vec!["x".into()]],
                },
            };
            Edit::EditTable { table, op }
        }
        25 => Edit::InsertDivision {
            index: m % 3,
            heading: text.into(),
        },
        26 => Edit::InsertAppendix {
            heading: text.into(),
        },
        27 => Edit::SetLandscape {
            section: pick(document, 0, n),
            landscape: m % 2 == 0,
        },
        28 => Edit::SetDivisionStyle(
            [
                DivisionStyle::Ordinal,
                DivisionStyle::Roman,
                DivisionStyle::Arabic,
            ][m % 3],
        ),
        29 => Edit::CopyBlocksIn {
            container: if m % 3 == 0 {
                Container::Preamble
            } else {
                Container::Section(pick(document, 0, n))
            },
            blocks: crate::template::seed_sample().sections[1].children[m % 3]
                .blocks
                .to_vec(),
        },
        30 => Edit::SetPicture {
            figure: document
                .preamble
                .iter()
                .find(|block| matches!(block, Block::Figure(_)))
                .filter(|_| m % 2 == 0)
                .map_or_else(|| pick(document, 1, n), Block::id),
            picture: (m % 3 != 0).then(test_picture),
        },
        31 => {
            // A part under a division when there is one (the first of its
            // division is refused), else any section (not found).
            let parts: Vec<NodeId> = document
                .sections
                .iter()
                .filter(|top| top.kind == SectionKind::Division)
                .flat_map(|top| top.children.iter().map(|part| part.id))
                .collect();
            Edit::SplitDivision {
                part: match parts.len() {
                    0 => pick(document, 0, n),
                    len => parts[n % len],
                },
                heading: text.into(),
            }
        }
        _ => unreachable!("op % EDIT_KINDS is below EDIT_KINDS"),
    }
}

fn test_picture() -> crate::model::PictureRef {
    crate::model::PictureRef {
        id: crate::picture::id_of(b"picture"),
        width: 1600,
        height: 1200,
    }
}

#[test]
fn choosing_and_removing_a_picture_are_one_undo_step_each() {
    let document = crate::template::seed_sample();
    let figure = document.preamble[1].id();
    let mut history = History::new(document.clone());
    let set = Edit::SetPicture {
        figure,
        picture: Some(test_picture()),
    };
    history.apply(&set, 0.0).unwrap();
    let picture_of = |document: &Document| match &document.preamble[1] {
        Block::Figure(figure) => figure.picture.clone(),
        _ => None,
    };
    assert_eq!(picture_of(history.document()), Some(test_picture()));
    history
        .apply(
            &Edit::SetPicture {
                figure,
                picture: None,
            },
            10_000.0,
        )
        .unwrap();
    assert_eq!(picture_of(history.document()), None);
    assert!(history.undo());
    assert_eq!(picture_of(history.document()), Some(test_picture()));
    assert!(history.undo());
    assert_eq!(history.document(), &document);
    // Only a figure takes a picture.
    let paragraph = document.preamble[0].id();
    assert_eq!(
        crate::edit::apply(
            &document,
            &Edit::SetPicture {
                figure: paragraph,
                picture: None
            }
        )
        .map(|_| ()),
        Err(EditError::NotFound(paragraph))
    );
}

#[test]
fn an_image_pasted_into_a_paragraph_goes_into_a_new_figure_after_it() {
    let document = crate::template::seed_sample();
    let paragraph = document.preamble[0].id();
    let edit = crate::edit::figure_after(&document, paragraph, test_picture()).unwrap();
    let applied = crate::edit::apply(&document, &edit).unwrap();
    match &applied.document.preamble[1] {
        Block::Figure(figure) => assert_eq!(figure.picture, Some(test_picture())),
        other => panic!("not a figure: {other:?}"),
    }
    assert_eq!(applied.created, Some(applied.document.preamble[1].id()));
    // A section is not a block: no figure goes "after" it.
    let section = document.sections[0].id;
    assert_eq!(
        crate::edit::figure_after(&document, section, test_picture()),
        None
    );
}

#[test]
fn every_kind_of_edit_is_generated() {
    let document = sample();
    for op in 0..EDIT_KINDS {
        for (n, m) in [(0, 0), (1, 2), (16, 3)] {
            assert_eq!(kind_of(&make_edit(&document, op, n, m, "ab")), op);
        }
    }
}

/// Every kind of edit the property test makes succeeds in some of the
/// cases it makes, in runs like the property test's (up to 40 random edits
/// from the sample): no kind is always refused, so each is exercised.
#[test]
fn every_generated_kind_of_edit_applies_somewhere() {
    let mut applied = [0usize; EDIT_KINDS as usize];
    let mut seed = 7u64;
    let mut random = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    for _ in 0..300 {
        let mut history = History::new(sample());
        for step in 0..40 {
            let (op, n, m) = ((random() % 256) as u8, random(), random());
            let edit = make_edit(history.document(), op, n, m, "ab cd");
            if history.apply(&edit, f64::from(step) * 1000.0).is_ok() {
                applied[usize::from(kind_of(&edit))] += 1;
            }
        }
    }
    for (kind, count) in applied.iter().enumerate() {
        assert!(*count > 0, "no generated edit of kind {kind} applied");
    }
}

/// Every section of `document`, by id.
fn sections_by_id(document: &Document) -> std::collections::HashMap<NodeId, &Section> {
    fn walk<'d>(list: &'d [Section], out: &mut std::collections::HashMap<NodeId, &'d Section>) {
        for section in list {
            out.insert(section.id, section);
            walk(&section.children, out);
        }
    }
    let mut out = std::collections::HashMap::new();
    walk(&document.sections, &mut out);
    out
}

#[test]
fn typing_keeps_the_shape_id_and_a_structural_edit_gives_a_new_one() {
    let document = sample();
    let item = document.sections[0].children[0].id;
    let paragraph = document.sections[0].children[0].blocks[0].id();
    let mut history = History::new(document);
    let first = history.shared().shape();
    let typed = Edit::SetText {
        node: paragraph,
        text: "Đã gõ".into(),
    };
    history.apply(&typed, 0.0).unwrap();
    assert_eq!(history.shared().shape(), first);
    for edit in [
        Edit::SetHeadingLocked {
            section: item,
            locked: false,
        },
        Edit::SetHeading {
            section: item,
            text: "Tiêu đề".into(),
        },
    ] {
        history.apply(&edit, 5000.0).unwrap();
        assert_eq!(history.shared().shape(), first);
    }
    history
        .apply(
            &Edit::InsertSection {
                parent: None,
                index: 0,
                heading: String::new(),
            },
            10_000.0,
        )
        .unwrap();
    let inserted = history.shared().shape();
    assert_ne!(inserted, first);
    // Undo brings back the version before, with its own shape.
    history.undo();
    assert_eq!(history.shared().shape(), first);
    history.redo();
    assert_eq!(history.shared().shape(), inserted);
    // Another draft never shares a shape id with this one.
    assert_ne!(History::new(sample()).shared().shape(), first);
}

#[test]
fn typing_in_one_section_copies_that_section_only() {
    let before = crate::large_report::large_report(3, 20);
    let last = &before.sections[2].children[19];
    let Block::Paragraph(paragraph) = &last.blocks[0] else {
        panic!("the large report's items open with a paragraph")
    };
    let edit = Edit::SetText {
        node: paragraph.id,
        text: format!("{} thêm", paragraph.text),
    };
    let after = apply(&before, &edit).unwrap().document;
    let old_sections = sections_by_id(&before);
    let copied: Vec<NodeId> = sections_by_id(&after)
        .into_iter()
        .filter(|(id, section)| !Shared::same(&old_sections[id].blocks, &section.blocks))
        .map(|(id, _)| id)
        .collect();
    assert_eq!(copied, vec![last.id]);
    // The version before is untouched.
    assert_eq!(before.sections[2].children[19].blocks, last.blocks);
    assert_ne!(after.sections[2].children[19].blocks, last.blocks);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_edits_then_as_many_undos_return_the_original(
        steps in prop::collection::vec((any::<u8>(), any::<usize>(), any::<usize>(), "[a-zđảơ ]{0,6}", 0u16..2500), 0..40)
    ) {
        let original = sample();
        let mut history = History::new(original.clone());
        let mut now = 0.0;
        for (op, n, m, text, gap) in &steps {
            now += f64::from(*gap);
            let edit = make_edit(history.document(), *op, *n, *m, text);
            let before = history.document().clone();
            if history.apply(&edit, now).is_err() {
                prop_assert_eq!(history.document(), &before);
            } else {
                let after = history.document();
                // An edit that says it keeps the shape keeps every node
                // where it was, so what was worked out from the shape holds.
                if edit.keeps_structure() {
                    prop_assert_eq!(index(&before), index(after));
                    prop_assert_eq!(NodeIndex::new(&before), NodeIndex::new(after));
                }
                // A section whose content the edit did not change is still
                // shared with the version before (not copied).
                let old_sections = sections_by_id(&before);
                for (id, section) in sections_by_id(after) {
                    if let Some(old) = old_sections.get(&id) {
                        if old.blocks == section.blocks {
                            prop_assert!(Shared::same(&old.blocks, &section.blocks), "section {} was copied", id);
                        }
                    }
                }
            }
            // Ids stay unique and numbering stays within parts, items, points.
            let ids = index(history.document());
            prop_assert!(outline(history.document()).iter().all(|e| e.depth <= 2));
            prop_assert!(shape_is_sound(history.document()), "{:?}", edit);
            prop_assert!(ids.keys().all(|id| *id <= history.document().next_id));
        }
        let final_document = history.document().clone();
        for _ in 0..steps.len() {
            history.undo();
        }
        prop_assert_eq!(history.document(), &original);
        while history.redo() {}
        prop_assert_eq!(history.document(), &final_document);
    }
}

#[test]
fn a_division_takes_in_the_parts_that_follow_and_they_restart_at_one() {
    let document = sample();
    let parts = document.sections.len();
    let divided = run(
        &document,
        Edit::InsertDivision {
            index: 0,
            heading: "Kết quả".into(),
        },
    );
    assert_eq!(divided.sections.len(), 1);
    assert_eq!(divided.sections[0].kind, SectionKind::Division);
    assert_eq!(divided.sections[0].children.len(), parts);
    // A second division before the last part takes that part in.
    let last = divided.sections[0].children.len() - 1;
    let mut split = divided.clone();
    let moved = split.sections[0].children.remove(last);
    split.sections.push(moved);
    let split = run(
        &split,
        Edit::InsertDivision {
            index: 1,
            heading: "Phương hướng".into(),
        },
    );
    let numbers: Vec<(usize, String)> = outline(&split)
        .into_iter()
        .filter(|entry| entry.depth == 0)
        .map(|entry| (entry.indent, entry.number))
        .collect();
    assert_eq!(numbers.first().unwrap(), &(0, "PHẦN THỨ NHẤT".to_owned()));
    assert_eq!(numbers[1], (1, "I.".to_owned()));
    let second = numbers
        .iter()
        .rposition(|(indent, _)| *indent == 0)
        .unwrap();
    assert_eq!(numbers[second].1, "PHẦN THỨ HAI");
    assert_eq!(numbers[second + 1], (1, "I.".to_owned()));
    let roman = run(&split, Edit::SetDivisionStyle(DivisionStyle::Roman));
    assert_eq!(outline(&roman)[0].number, "PHẦN I");
}

#[test]
fn appendices_stay_after_everything_else() {
    let document = sample();
    let with = run(
        &document,
        Edit::InsertAppendix {
            heading: "Biểu thống kê".into(),
        },
    );
    let appendix = with.sections.last().unwrap().id;
    assert_eq!(with.sections.last().unwrap().kind, SectionKind::Appendix);
    // Nothing moves past it, it moves past nothing, and nothing goes in or
    // under it.
    let last_part = with.sections[with.sections.len() - 2].id;
    for edit in [
        Edit::MoveSection {
            section: last_part,
            direction: Direction::Down,
        },
        Edit::MoveSection {
            section: appendix,
            direction: Direction::Up,
        },
    ] {
        assert_eq!(apply(&with, &edit), Err(EditError::AtEdge), "{edit:?}");
    }
    assert_eq!(
        apply(
            &with,
            &Edit::InsertSection {
                parent: None,
                index: with.sections.len(),
                heading: String::new(),
            }
        ),
        Err(EditError::WrongPlace)
    );
    assert_eq!(
        apply(
            &with,
            &Edit::InsertSection {
                parent: Some(appendix),
                index: 0,
                heading: String::new(),
            }
        ),
        Err(EditError::WrongPlace)
    );
    assert_eq!(
        apply(&with, &Edit::IndentSection { section: appendix }),
        Err(EditError::NoPlaceToGo)
    );
    assert_eq!(
        apply(&with, &Edit::OutdentSection { section: appendix }),
        Err(EditError::NoPlaceToGo)
    );
    // A part can still be added just before the appendices.
    let added = run(
        &with,
        Edit::InsertSection {
            parent: None,
            index: with.sections.len() - 1,
            heading: "Mới".into(),
        },
    );
    assert_eq!(added.sections.last().unwrap().id, appendix);
    let turned = run(
        &with,
        Edit::SetLandscape {
            section: appendix,
            landscape: true,
        },
    );
    assert!(turned.sections.last().unwrap().landscape);
    assert_eq!(
        apply(
            &with,
            &Edit::SetLandscape {
                section: last_part,
                landscape: true,
            }
        ),
        Err(EditError::NotFound(last_part))
    );
    // Two appendices are numbered; one is not.
    assert_eq!(outline(&with).last().unwrap().number, "PHỤ LỤC");
    let two = run(
        &with,
        Edit::InsertAppendix {
            heading: String::new(),
        },
    );
    let numbers: Vec<String> = outline(&two)
        .into_iter()
        .filter(|entry| entry.kind == SectionKind::Appendix)
        .map(|entry| entry.number)
        .collect();
    assert_eq!(numbers, ["PHỤ LỤC I", "PHỤ LỤC II"]);
}

/// "+ PHẦN" with part IV of PHẦN THỨ NHẤT picked added an empty PHẦN THỨ
/// HAI at the end, although its label says it takes in the parts from the
/// one picked.
#[test]
fn regression_a_division_added_from_a_part_of_another_did_not_take_in_its_parts() {
    let document = run(
        &sample(),
        Edit::InsertDivision {
            index: 0,
            heading: "Kết quả".into(),
        },
    );
    let parts: Vec<NodeId> = document.sections[0].children.iter().map(|p| p.id).collect();
    assert!(parts.len() >= 2);
    let split = run(
        &document,
        Edit::SplitDivision {
            part: parts[1],
            heading: "Phương hướng".into(),
        },
    );
    assert_eq!(split.sections.len(), 2);
    assert_eq!(split.sections[1].kind, SectionKind::Division);
    assert_eq!(split.sections[1].heading, "Phương hướng");
    let ids =
        |at: usize| -> Vec<NodeId> { split.sections[at].children.iter().map(|p| p.id).collect() };
    assert_eq!(ids(0), parts[..1]);
    assert_eq!(ids(1), parts[1..]);
    // Its parts are numbered from I again.
    let numbers: Vec<String> = outline(&split)
        .into_iter()
        .filter(|entry| entry.id == parts[1])
        .map(|entry| entry.number)
        .collect();
    assert_eq!(numbers, ["I."]);
    // The first part of a division, or a part outside any, is refused.
    let refused = |part| {
        apply(
            &document,
            &Edit::SplitDivision {
                part,
                heading: String::new(),
            },
        )
        .err()
    };
    assert_eq!(refused(parts[0]), Some(EditError::WrongPlace));
    assert_eq!(refused(999_999), Some(EditError::NotFound(999_999)));
}

#[test]
fn a_division_indented_under_another_brings_its_parts_down_a_level() {
    let document = sample();
    let divided = run(
        &document,
        Edit::InsertDivision {
            index: 0,
            heading: "Một".into(),
        },
    );
    let second = run(
        &divided,
        Edit::InsertDivision {
            index: 1,
            heading: "Hai".into(),
        },
    );
    let inner = second.sections[1].id;
    let part = run(
        &second,
        Edit::InsertSection {
            parent: Some(inner),
            index: 0,
            heading: "Nhiệm vụ".into(),
        },
    );
    let merged = run(&part, Edit::IndentSection { section: inner });
    let entry = outline(&merged)
        .into_iter()
        .find(|entry| entry.heading == "Nhiệm vụ")
        .unwrap();
    // "Hai" is now a part of "Một"; its part "Nhiệm vụ" is an item.
    assert_eq!(entry.depth, 1);
    assert_eq!(merged.sections.len(), 1);
    // A part with items and points cannot go under a part.
    let deep = id_of(&document, "Về tổ chức bộ máy");
    let twice = run(&document, Edit::IndentSection { section: deep });
    assert_eq!(
        apply(&twice, &Edit::IndentSection { section: deep }),
        Err(EditError::TooDeep)
    );
}

#[test]
fn a_text_copied_in_takes_the_place_of_the_empty_paragraph_with_fresh_ids() {
    let old = crate::template::seed_sample();
    let next = crate::next_year::next_year(&old, &|title| title.to_owned()).document;
    let section = old.sections[1].children[1].id;
    let last_year = next.beside_of(section).next().unwrap().blocks.clone();
    let before = next.find_section(section).unwrap().blocks.len();
    assert_eq!(before, 1);
    let applied = apply(
        &next,
        &Edit::CopyBlocksIn {
            container: Container::Section(section),
            blocks: last_year.clone(),
        },
    )
    .unwrap();
    assert!(applied.changed);
    let copied = applied.document.find_section(section).unwrap();
    assert_eq!(copied.blocks.len(), last_year.len());
    assert_eq!(
        crate::next_year::blocks_text(&copied.blocks),
        crate::next_year::blocks_text(&last_year)
    );
    assert_eq!(applied.created, Some(copied.blocks[0].id()));
    assert!(!applied.document.has_repeated_ids());
    // A second copy goes after the first, and both stay editable apart.
    let twice = run(
        &applied.document,
        Edit::CopyBlocksIn {
            container: Container::Section(section),
            blocks: last_year.clone(),
        },
    );
    assert_eq!(
        twice.find_section(section).unwrap().blocks.len(),
        2 * last_year.len()
    );
    assert!(!twice.has_repeated_ids());
}
