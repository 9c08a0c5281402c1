//! The document model: one report, as plain data, written with serde and
//! read by hand (`read`).
//!
//! A `Document` is immutable in spirit: edits (`crate::edit`) take a document
//! and return a new one, which is what makes undo a matter of keeping old
//! values. Every node that can be edited, moved or jumped to has a `NodeId`
//! that is unique within its document and never reused.
//!
//! Numbers ("I.", "1.", "a)", "-", "+") are not stored anywhere: they follow
//! from the position of a node in the tree (`crate::numbering`).
//!
//! Unknown fields met while loading are kept in `extra` maps and written back
//! unchanged, so that a file saved by a newer version survives a round trip
//! through this one.

use std::ops::{Deref, DerefMut};
use std::sync::Arc;

use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

pub use crate::table::Table;

// The model read from JSON by hand (its `Deserialize` impls), and the
// helpers the types that hold it read with.
pub(crate) mod read;

/// Identifies a node (section, block or list item) within one document.
pub type NodeId = u64;

/// A value that versions of a document share until one of them changes it.
///
/// Cloning copies a pointer. The first change through `DerefMut` copies the
/// value if another version still holds it (copy on write), so an edit
/// copies the one section it changes, not the whole report; two versions'
/// values are found equal by one pointer compare when they are the same
/// value. Serialized as the value itself.
#[derive(Default)]
pub struct Shared<T>(Arc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Shared<T> {
        Shared(Arc::new(value))
    }

    /// True when both are the very same value (not only equal ones).
    pub fn same(a: &Shared<T>, b: &Shared<T>) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Shared<T> {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Clone> DerefMut for Shared<T> {
    fn deref_mut(&mut self) -> &mut T {
        Arc::make_mut(&mut self.0)
    }
}

impl<T: PartialEq> PartialEq for Shared<T> {
    fn eq(&self, other: &Shared<T>) -> bool {
        Shared::same(self, other) || *self.0 == *other.0
    }
}

impl<T: PartialEq> PartialEq<T> for Shared<T> {
    fn eq(&self, other: &T) -> bool {
        *self.0 == *other
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl<T> From<T> for Shared<T> {
    fn from(value: T) -> Shared<T> {
        Shared::new(value)
    }
}

impl<T: Serialize> Serialize for Shared<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// Which official layout the document follows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Ruleset {
    /// Party documents: Quy định 399-QĐ/TW (2026), laid out after Hướng
    /// dẫn 36-HD/VPTW (see `rules::PARTY`).
    #[default]
    Party,
    /// State documents: Nghị định 30/2020/NĐ-CP, Phụ lục I.
    State,
}

/// A calendar date whose day or month may still be blank, as official
/// documents are often drafted before the signing date is known.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DocDate {
    pub day: Option<u8>,
    pub month: Option<u8>,
    pub year: Option<u16>,
}

/// The header block and title of the document.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Meta {
    pub ruleset: Ruleset,
    /// The superior body, or the parent body for State documents: one
    /// level per line, top level first ("ĐẢNG BỘ TỈNH ĐỒNG THÁP\nĐẢNG ỦY
    /// XÃ LẤP VÒ" above a chi bộ since 2025), each a line of the header
    /// (`frame::superior_lines`). A draft of one line stays valid as is.
    pub superior_body: String,
    /// The issuing body ("ĐẢNG ỦY TRƯỜNG THPT LẤP VÒ 2").
    pub issuing_body: String,
    /// Number and symbol as written after "Số": "12-BC/ĐU" or "02/BC-UBND".
    pub number_symbol: String,
    /// The place in the date line ("Lấp Vò").
    pub place: String,
    pub date: DocDate,
    /// The document type, normally "BÁO CÁO".
    pub doc_type: String,
    /// The subject line (trích yếu), starting lowercase.
    pub subject: String,
    /// The page settings chosen for this draft (margins, body size, line
    /// spacing, orientation); the ruleset's own wherever none is chosen.
    /// Left out of the saved JSON while nothing is chosen.
    #[serde(skip_serializing_if = "PageSettings::is_default")]
    pub page: PageSettings,
    /// How divisions ("PHẦN THỨ NHẤT") are numbered, when there are any.
    #[serde(skip_serializing_if = "DivisionStyle::is_default")]
    pub division_style: DivisionStyle,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A draft's own page settings, each `None` while the ruleset's value
/// stands (`rules::layout` puts them together). Values outside the
/// ruleset's ranges are kept as chosen; the format check names them.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PageSettings {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub margin_top_mm: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub margin_bottom_mm: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub margin_left_mm: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub margin_right_mm: Option<f32>,
    /// The body text's size in points.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body_pt: Option<f32>,
    /// Line spacing as a multiple of the font size (1 to 1.5).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line_spacing: Option<f32>,
    /// A4 turned on its side.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub landscape: bool,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl PageSettings {
    /// True when nothing is chosen: the ruleset's page.
    pub fn is_default(&self) -> bool {
        *self == PageSettings::default()
    }
}

/// The signature block and the list of recipients.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Closing {
    /// "T/M ĐẢNG ỦY", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH" …
    pub signing_authority: String,
    /// "BÍ THƯ", "PHÓ CHỦ TỊCH" …
    pub position: String,
    pub signer_name: String,
    /// One recipient per entry, without the leading "- ".
    pub recipients: Vec<String>,
    /// The author line of a web post ("Tác giả bài viết: …"), if any.
    pub author: String,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A numbered section: a part (depth 0, "I."), an item (depth 1, "1.") or a
/// point (depth 2, "a)").
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Section {
    pub id: NodeId,
    /// The heading as typed. It may be empty: the number then runs into the
    /// first paragraph ("1. Hội nghị Trung ương 5 …").
    pub heading: String,
    /// True while the heading is the template's and the user has not
    /// unlocked it for editing.
    pub heading_locked: bool,
    /// What the template asks for here; shown as a placeholder, never
    /// exported.
    pub guidance: String,
    /// Shared between versions of the document: see `Shared`.
    pub blocks: Shared<Vec<Block>>,
    pub children: Vec<Section>,
    /// A part, a division above parts ("PHẦN THỨ NHẤT") or an appendix.
    /// Divisions and appendices stand only at the top of the tree, and
    /// appendices after everything else; a part's level follows from its
    /// depth (one less under a division).
    #[serde(skip_serializing_if = "SectionKind::is_numbered")]
    pub kind: SectionKind,
    /// An appendix printed on A4 turned on its side (for wide tables).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub landscape: bool,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// What a section is. Saved only when it is not `Numbered`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// A part ("I."), an item ("1.") or a point ("a)"), by depth.
    #[default]
    Numbered,
    /// "PHẦN THỨ NHẤT …": a level above parts, whose parts are numbered
    /// from I again.
    Division,
    /// "PHỤ LỤC": after the closing, numbered when there is more than one.
    Appendix,
}

impl SectionKind {
    pub fn is_numbered(&self) -> bool {
        *self == SectionKind::Numbered
    }
}

/// How divisions are numbered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DivisionStyle {
    /// "PHẦN THỨ NHẤT", "PHẦN THỨ HAI".
    #[default]
    Ordinal,
    /// "PHẦN I", "PHẦN II".
    Roman,
    /// "PHẦN 1", "PHẦN 2".
    Arabic,
    /// "A.", "B.": a report's top level written in capital letters above
    /// its Roman parts ("A. KẾT QUẢ THỰC HIỆN", "B. ĐÁNH GIÁ CHUNG").
    /// Stored as "letter"; drafts saved before it still load.
    Letter,
}

impl DivisionStyle {
    pub fn is_default(&self) -> bool {
        *self == DivisionStyle::Ordinal
    }
}

/// A piece of content inside a section, a list item or an assessment.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph(Paragraph),
    List(List),
    Assessment(Assessment),
    Figure(Figure),
    Table(Table),
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Paragraph {
    pub id: NodeId,
    pub text: String,
    /// What the template asks for here; shown while the text is empty,
    /// never exported.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub guidance: String,
}

/// A bullet list. Its marker is "-" at the top and "+" when the list sits
/// inside another list item.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct List {
    pub id: NodeId,
    pub items: Vec<ListItem>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ListItem {
    pub id: NodeId,
    pub text: String,
    /// Content under this item: sub-lists ("+") and assessment groups.
    pub blocks: Vec<Block>,
}

/// The recurring assessment headings of Vietnamese reports.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AssessmentLabel {
    Strengths,
    Shortcomings,
    Limitations,
    Causes,
    Solutions,
    LessonsLearned,
    Proposals,
    Custom(String),
}

impl AssessmentLabel {
    /// The standard labels, in the order reports use them.
    pub const STANDARD: [AssessmentLabel; 7] = [
        AssessmentLabel::Strengths,
        AssessmentLabel::Shortcomings,
        AssessmentLabel::Limitations,
        AssessmentLabel::Causes,
        AssessmentLabel::Solutions,
        AssessmentLabel::LessonsLearned,
        AssessmentLabel::Proposals,
    ];

    /// The label as printed in the document (official wording, from
    /// `rules::assessment_label`).
    pub fn text(&self) -> &str {
        crate::rules::assessment_label(self)
    }

    /// Recognises a printed label (any case, NFC); anything else is custom.
    pub fn from_text(text: &str) -> AssessmentLabel {
        let wanted = crate::text::to_nfc(text.trim()).to_lowercase();
        Self::STANDARD
            .into_iter()
            .find(|label| label.text().to_lowercase() == wanted)
            .unwrap_or_else(|| AssessmentLabel::Custom(text.trim().to_owned()))
    }
}

/// An assessment group ("Ưu điểm:", "Hạn chế:" …) with its content, or an
/// explicit "không có" when there is nothing to report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Assessment {
    pub id: NodeId,
    pub label: AssessmentLabel,
    /// True when the report says explicitly that there is nothing here.
    pub nothing_to_report: bool,
    pub blocks: Vec<Block>,
}

/// A picture with its caption. The picture's bytes are stored once, apart
/// from the text, under the id the figure holds (see `crate::picture`);
/// a draft file carries them beside the document (`persist::FilePictures`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Figure {
    pub id: NodeId,
    pub caption: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub picture: Option<PictureRef>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A figure's picture: its id in the picture store and its size in pixels.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct PictureRef {
    pub id: String,
    pub width: u32,
    pub height: u32,
}

/// A whole report.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Document {
    /// The draft's own name in the library; also the headline of a web post.
    pub title: String,
    /// The template this draft was made from, by its id.
    pub template_id: String,
    pub meta: Meta,
    /// The opening paragraphs ("Thực hiện Kế hoạch số …", "Căn cứ …") and
    /// anything else that comes before part I.
    pub preamble: Vec<Block>,
    /// The parts (depth 0), each with its items and points.
    pub sections: Vec<Section>,
    pub closing: Closing,
    /// The next free `NodeId`.
    pub next_id: NodeId,
    /// Read-only texts kept beside sections: last year's text of a report
    /// made with "Dùng làm báo cáo năm sau", or each unit's text of a
    /// consolidated report. Shown on demand, copied in by hand, never
    /// printed or exported as the report's own. Left out of the saved JSON
    /// while there are none.
    #[serde(skip_serializing_if = "beside_is_empty")]
    pub beside: Shared<Vec<BesideText>>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

fn beside_is_empty(beside: &Shared<Vec<BesideText>>) -> bool {
    beside.is_empty()
}

/// Where a text beside a section comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BesideSource {
    /// The same section of the report this draft was made from, a year (or
    /// a term) earlier.
    #[default]
    LastYear,
    /// One unit's text for this section, in a consolidated report.
    Unit,
}

/// A read-only text kept beside one section (see `Document::beside`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct BesideText {
    /// The section it stands beside, by id.
    pub section: NodeId,
    pub source: BesideSource,
    /// Who or what it is from, as shown: "Năm 2025", "Chi bộ Ấp 1".
    pub label: String,
    /// The text, as blocks (ids are not kept unique: nothing edits them).
    pub blocks: Vec<Block>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Block {
    pub fn id(&self) -> NodeId {
        match self {
            Block::Paragraph(block) => block.id,
            Block::List(block) => block.id,
            Block::Assessment(block) => block.id,
            Block::Figure(block) => block.id,
            Block::Table(block) => block.id,
        }
    }

    /// Tells whether the block holds no text at all.
    pub fn is_empty(&self) -> bool {
        match self {
            Block::Paragraph(paragraph) => paragraph.text.trim().is_empty(),
            Block::List(list) => list
                .items
                .iter()
                .all(|item| item.text.trim().is_empty() && item.blocks.iter().all(Block::is_empty)),
            Block::Assessment(assessment) => {
                !assessment.nothing_to_report && assessment.blocks.iter().all(Block::is_empty)
            }
            Block::Figure(figure) => figure.caption.trim().is_empty() && figure.picture.is_none(),
            Block::Table(table) => table.is_empty(),
        }
    }
}

impl Section {
    /// Tells whether the section and everything under it is still empty.
    pub fn is_empty(&self) -> bool {
        self.blocks.iter().all(Block::is_empty) && self.children.iter().all(Section::is_empty)
    }
}

/// The block `id` among `blocks`, at any depth (inside lists and
/// assessment groups), not in subsections.
pub fn find_block_in(blocks: &[Block], id: NodeId) -> Option<&Block> {
    blocks.iter().find_map(|block| {
        if block.id() == id {
            return Some(block);
        }
        match block {
            Block::List(list) => list
                .items
                .iter()
                .find_map(|item| find_block_in(&item.blocks, id)),
            Block::Assessment(assessment) => find_block_in(&assessment.blocks, id),
            Block::Paragraph(_) | Block::Figure(_) | Block::Table(_) => None,
        }
    })
}

/// The list item `id` among `blocks`, with the depth of its list (0 for
/// "-", 1+ for "+").
pub fn find_item_in(blocks: &[Block], id: NodeId) -> Option<(&ListItem, usize)> {
    fn walk(list: &[Block], id: NodeId, depth: usize) -> Option<(&ListItem, usize)> {
        list.iter().find_map(|block| match block {
            Block::List(list) => list.items.iter().find_map(|item| {
                if item.id == id {
                    Some((item, depth))
                } else {
                    walk(&item.blocks, id, depth + 1)
                }
            }),
            Block::Assessment(assessment) => walk(&assessment.blocks, id, depth),
            Block::Paragraph(_) | Block::Figure(_) | Block::Table(_) => None,
        })
    }
    walk(blocks, id, 0)
}

impl Block {
    /// A paragraph with `text` and no id yet.
    pub fn paragraph(text: String) -> Block {
        Block::Paragraph(Paragraph {
            id: 0,
            text,
            guidance: String::new(),
        })
    }
}

impl Document {
    /// A copy of the header, title and closing: the preamble and sections
    /// are left empty and `next_id` at 0, so that the copy changes only
    /// when something outside the body does.
    pub fn clone_frame(&self) -> Document {
        Document {
            title: self.title.clone(),
            template_id: self.template_id.clone(),
            meta: self.meta.clone(),
            preamble: Vec::new(),
            sections: Vec::new(),
            closing: self.closing.clone(),
            next_id: 0,
            beside: Shared::default(),
            extra: self.extra.clone(),
        }
    }

    /// The texts kept beside section `id`, in their order.
    pub fn beside_of(&self, id: NodeId) -> impl Iterator<Item = &BesideText> {
        self.beside.iter().filter(move |text| text.section == id)
    }

    /// The section `id`, anywhere in the tree.
    pub fn find_section(&self, id: NodeId) -> Option<&Section> {
        fn walk(list: &[Section], id: NodeId) -> Option<&Section> {
            list.iter().find_map(|section| {
                if section.id == id {
                    Some(section)
                } else {
                    walk(&section.children, id)
                }
            })
        }
        walk(&self.sections, id)
    }

    /// The block `id`, in the preamble or anywhere in the body.
    pub fn find_block(&self, id: NodeId) -> Option<&Block> {
        fn in_sections(list: &[Section], id: NodeId) -> Option<&Block> {
            list.iter().find_map(|section| {
                find_block_in(&section.blocks, id).or_else(|| in_sections(&section.children, id))
            })
        }
        find_block_in(&self.preamble, id).or_else(|| in_sections(&self.sections, id))
    }

    /// The list item `id`, with the depth of its list (0 for "-", 1+ for "+").
    pub fn find_item(&self, id: NodeId) -> Option<(&ListItem, usize)> {
        fn in_sections(list: &[Section], id: NodeId) -> Option<(&ListItem, usize)> {
            list.iter().find_map(|section| {
                find_item_in(&section.blocks, id).or_else(|| in_sections(&section.children, id))
            })
        }
        find_item_in(&self.preamble, id).or_else(|| in_sections(&self.sections, id))
    }

    /// Passes every text of the document through `text::clean_input` (NFC,
    /// no control characters), for documents that come from files rather
    /// than through edits.
    pub fn clean_all_text(&mut self) {
        use crate::text::clean_input;
        fn blocks(list: &mut [Block]) {
            for block in list {
                match block {
                    Block::Paragraph(paragraph) => {
                        paragraph.text = clean_input(&paragraph.text);
                        paragraph.guidance = clean_input(&paragraph.guidance);
                    }
                    Block::List(list) => {
                        for item in &mut list.items {
                            item.text = clean_input(&item.text);
                            blocks(&mut item.blocks);
                        }
                    }
                    Block::Assessment(assessment) => {
                        if let AssessmentLabel::Custom(label) = &assessment.label {
                            assessment.label = AssessmentLabel::Custom(clean_input(label));
                        }
                        blocks(&mut assessment.blocks);
                    }
                    Block::Figure(figure) => figure.caption = clean_input(&figure.caption),
                    Block::Table(table) => table.clean_all_text(),
                }
            }
        }
        fn sections(list: &mut [Section]) {
            for section in list {
                section.heading = clean_input(&section.heading);
                section.guidance = clean_input(&section.guidance);
                blocks(&mut section.blocks);
                sections(&mut section.children);
            }
        }
        self.title = clean_input(&self.title);
        let meta = &mut self.meta;
        for field in [
            &mut meta.superior_body,
            &mut meta.issuing_body,
            &mut meta.number_symbol,
            &mut meta.place,
            &mut meta.doc_type,
            &mut meta.subject,
        ] {
            *field = clean_input(field);
        }
        let closing = &mut self.closing;
        for field in [
            &mut closing.signing_authority,
            &mut closing.position,
            &mut closing.signer_name,
            &mut closing.author,
        ] {
            *field = clean_input(field);
        }
        for line in &mut closing.recipients {
            *line = clean_input(line);
        }
        blocks(&mut self.preamble);
        sections(&mut self.sections);
        if !self.beside.is_empty() {
            for text in self.beside.iter_mut() {
                text.label = clean_input(&text.label);
                blocks(&mut text.blocks);
            }
        }
    }

    /// Tells whether two nodes share an id (a draft stored by hand or by
    /// an old version), which would make an edit of one change the other.
    pub fn has_repeated_ids(&self) -> bool {
        fn blocks(list: &[Block], ids: &mut Vec<NodeId>) {
            for block in list {
                ids.push(block.id());
                match block {
                    Block::List(list) => {
                        for item in &list.items {
                            ids.push(item.id);
                            blocks(&item.blocks, ids);
                        }
                    }
                    Block::Assessment(assessment) => blocks(&assessment.blocks, ids),
                    Block::Table(table) => ids.extend(table.node_ids()),
                    Block::Paragraph(_) | Block::Figure(_) => {}
                }
            }
        }
        fn sections(list: &[Section], ids: &mut Vec<NodeId>) {
            for section in list {
                ids.push(section.id);
                blocks(&section.blocks, ids);
                sections(&section.children, ids);
            }
        }
        let mut ids = Vec::new();
        blocks(&self.preamble, &mut ids);
        sections(&self.sections, &mut ids);
        ids.sort_unstable();
        ids.windows(2).any(|pair| pair[0] == pair[1])
    }

    /// Hands out a fresh `NodeId`.
    pub fn fresh_id(&mut self) -> NodeId {
        self.next_id += 1;
        self.next_id
    }

    /// Gives every node a unique id and sets `next_id` past them, for
    /// documents built by hand, from a template or by an import. The texts
    /// kept beside sections follow their sections to the new ids (the
    /// first section that had the old id); one whose section is gone
    /// points at none (`NodeId::MAX`).
    pub fn assign_ids(&mut self) {
        let mut next = 0;
        let mut take = || {
            next += 1;
            next
        };
        fn walk_blocks(blocks: &mut [Block], take: &mut dyn FnMut() -> NodeId) {
            for block in blocks {
                match block {
                    Block::Paragraph(paragraph) => paragraph.id = take(),
                    Block::List(list) => {
                        list.id = take();
                        for item in &mut list.items {
                            item.id = take();
                            walk_blocks(&mut item.blocks, take);
                        }
                    }
                    Block::Assessment(assessment) => {
                        assessment.id = take();
                        walk_blocks(&mut assessment.blocks, take);
                    }
                    Block::Figure(figure) => figure.id = take(),
                    Block::Table(table) => table.assign_ids(take),
                }
            }
        }
        fn walk_sections(
            sections: &mut [Section],
            take: &mut dyn FnMut() -> NodeId,
            renamed: &mut Vec<(NodeId, NodeId)>,
        ) {
            for section in sections {
                let old = section.id;
                section.id = take();
                renamed.push((old, section.id));
                walk_blocks(&mut section.blocks, take);
                walk_sections(&mut section.children, take, renamed);
            }
        }
        let mut renamed = Vec::new();
        walk_blocks(&mut self.preamble, &mut take);
        walk_sections(&mut self.sections, &mut take, &mut renamed);
        self.next_id = next;
        if !self.beside.is_empty() {
            for text in self.beside.iter_mut() {
                // The opening (id 0, `index::PREAMBLE`) stays the opening.
                if text.section != 0 {
                    text.section = renamed
                        .iter()
                        .find(|(old, _)| *old == text.section)
                        .map_or(NodeId::MAX, |(_, new)| *new);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assessment_labels_round_trip_through_their_text() {
        for label in AssessmentLabel::STANDARD {
            assert_eq!(AssessmentLabel::from_text(label.text()), label);
        }
        assert_eq!(
            AssessmentLabel::from_text("ưu ĐIỂM"),
            AssessmentLabel::Strengths
        );
        assert_eq!(
            AssessmentLabel::from_text("Nguyên nhân, giải pháp"),
            AssessmentLabel::Custom("Nguyên nhân, giải pháp".into())
        );
    }

    #[test]
    fn unknown_fields_survive_a_json_round_trip() {
        let json = r#"{"title":"T","future_field":{"a":1},
            "meta":{"issuing_body":"ĐẢNG ỦY","meta_extra":true},
            "sections":[{"id":1,"heading":"Về","section_extra":[1,2]}]}"#;
        let document: Document = serde_json::from_str(json).unwrap();
        assert_eq!(document.extra["future_field"]["a"], 1);
        let back: Value = serde_json::to_value(&document).unwrap();
        assert_eq!(back["future_field"]["a"], 1);
        assert_eq!(back["meta"]["meta_extra"], true);
        assert_eq!(back["sections"][0]["section_extra"][1], 2);
    }

    #[test]
    fn find_reaches_every_kind_of_node() {
        let sample = crate::template::seed_sample();
        let part_two = sample.sections[1].id;
        assert_eq!(
            sample.find_section(part_two).unwrap().heading,
            "Về xây dựng tổ chức bộ máy."
        );
        let Block::List(list) = &sample.sections[1].children[1].blocks[0] else {
            panic!()
        };
        let Block::Assessment(strengths) = &list.items[2].blocks[0] else {
            panic!()
        };
        assert_eq!(
            sample.find_block(strengths.id),
            Some(&list.items[2].blocks[0])
        );
        let Block::List(sub) = &strengths.blocks[0] else {
            panic!()
        };
        let (item, depth) = sample.find_item(sub.items[1].id).unwrap();
        assert!(item.text.starts_with("Qua mỗi hoạt động"));
        assert_eq!(depth, 1);
        assert_eq!(sample.find_item(list.items[0].id).unwrap().1, 0);
        assert!(sample.find_section(999_999).is_none());
    }

    #[test]
    fn documents_round_trip_through_json() {
        let mut documents = vec![crate::template::seed_sample()];
        documents.extend(
            crate::template::builtin()
                .iter()
                .map(crate::template::instantiate),
        );
        for document in documents {
            let json = serde_json::to_string(&document).unwrap();
            let back: Document = serde_json::from_str(&json).unwrap();
            assert_eq!(back, document);
        }
    }

    #[test]
    fn assign_ids_makes_every_id_unique() {
        let mut document = Document {
            preamble: vec![Block::Paragraph(Paragraph::default())],
            sections: vec![Section {
                blocks: vec![Block::List(List {
                    id: 0,
                    items: vec![ListItem::default(), ListItem::default()],
                })]
                .into(),
                children: vec![Section::default()],
                ..Section::default()
            }],
            ..Document::default()
        };
        document.assign_ids();
        assert_eq!(document.next_id, 6);
        let fresh = document.fresh_id();
        assert_eq!(fresh, 7);
    }

    #[test]
    fn beside_texts_follow_their_sections_to_fresh_ids() {
        let made = crate::next_year::next_year(&crate::template::seed_sample(), &|t| t.into());
        let mut document = made.document;
        // Each text beside, by the heading of its section and its length.
        let placed = |document: &Document| -> Vec<(String, usize)> {
            document
                .beside
                .iter()
                .map(|text| {
                    let heading = document
                        .find_section(text.section)
                        .map_or_else(|| "opening".to_owned(), |s| s.heading.clone());
                    (heading, text.blocks.len())
                })
                .collect()
        };
        let before = placed(&document);
        // Ids shifted, as a file opened again gets them.
        document.preamble.insert(0, Block::paragraph(String::new()));
        document.assign_ids();
        assert_eq!(placed(&document), before);
        assert!(document.beside.iter().any(|text| text.section == 0));
    }

    #[test]
    fn beside_texts_round_trip_and_are_left_out_while_empty() {
        let mut document = Document::default();
        let plain = serde_json::to_string(&document).unwrap();
        assert!(!plain.contains("beside"), "{plain}");
        document.beside = vec![BesideText {
            section: 7,
            source: BesideSource::Unit,
            label: "Chi bộ Ấp 1".into(),
            blocks: vec![Block::paragraph("Hoàn thành 100% chỉ tiêu.".into())],
            ..BesideText::default()
        }]
        .into();
        let json = serde_json::to_string(&document).unwrap();
        let back: Document = serde_json::from_str(&json).unwrap();
        assert_eq!(back, document);
        assert_eq!(back.beside_of(7).count(), 1);
        assert_eq!(back.beside_of(8).count(), 0);
        assert!(json.contains("\"source\":\"unit\""), "{json}");
    }
}
