//! Edits: every change a person can make to a document, as data, applied by
//! a pure function that returns a new document or an error. The interface
//! dispatches `Edit` values and never changes a document itself; undo
//! (`history`) keeps the documents edits return.
//!
//! Every text an edit carries is cleaned on the way in (`text::clean_input`:
//! NFC, no control characters), whatever path it came by.

mod history;
pub mod locate;

pub use history::{History, SharedDocument};
pub use locate::Container;

use crate::model::{
    Assessment, AssessmentLabel, Block, DivisionStyle, DocDate, Document, Figure, List, ListItem,
    NodeId, PageSettings, Paragraph, Ruleset, Section, SectionKind, Table,
};
use crate::numbering::MAX_SECTION_DEPTH;
use crate::rules::PageSetting;
use crate::table::{TableError, TableOp, TableSlot};
use crate::text::clean_input;
use locate::{blocks_mut, index, list_mut, section_mut, sections_of_mut, subtree_height, Location};

/// A single-line or multi-line field of the metadata or closing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    SuperiorBody,
    IssuingBody,
    NumberSymbol,
    Place,
    DocType,
    Subject,
    SigningAuthority,
    Position,
    SignerName,
    Author,
}

impl Field {
    /// The field's name in DOM ids ("field-issuingbody") and tests. Written
    /// out rather than taken from `Debug`, which the release build compiles
    /// without.
    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::SuperiorBody => "superiorbody",
            Field::IssuingBody => "issuingbody",
            Field::NumberSymbol => "numbersymbol",
            Field::Place => "place",
            Field::DocType => "doctype",
            Field::Subject => "subject",
            Field::SigningAuthority => "signingauthority",
            Field::Position => "position",
            Field::SignerName => "signername",
            Field::Author => "author",
        }
    }
}

/// Up or down among siblings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// What kind of block to insert.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    List,
    Assessment(AssessmentLabel),
    Figure,
    /// A figure with a picture already stored (one pasted into a
    /// paragraph goes after it this way).
    FigureWith(crate::model::PictureRef),
    /// A ready table (a preset, or cells pasted as a new table); it gets
    /// fresh ids on the way in.
    Table(Box<Table>),
}

/// One change to a document.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    SetField {
        field: Field,
        text: String,
    },
    SetRuleset(Ruleset),
    SetDate(DocDate),
    /// The draft's page settings, all at once (a value outside what a
    /// page can hold is brought inside it; see `PageSetting::sanitize`).
    SetPage(PageSettings),
    SetRecipients(Vec<String>),
    SetHeading {
        section: NodeId,
        text: String,
    },
    SetHeadingLocked {
        section: NodeId,
        locked: bool,
    },
    /// The text of a paragraph, a list item or a figure caption.
    SetText {
        node: NodeId,
        text: String,
    },
    InsertSection {
        parent: Option<NodeId>,
        index: usize,
        heading: String,
    },
    DeleteSection {
        section: NodeId,
    },
    MoveSection {
        section: NodeId,
        direction: Direction,
    },
    IndentSection {
        section: NodeId,
    },
    OutdentSection {
        section: NodeId,
    },
    InsertBlock {
        container: Container,
        index: usize,
        kind: BlockKind,
    },
    DeleteBlock {
        block: NodeId,
    },
    MoveBlock {
        block: NodeId,
        direction: Direction,
    },
    InsertListItem {
        list: NodeId,
        index: usize,
        text: String,
    },
    DeleteListItem {
        item: NodeId,
    },
    MoveListItem {
        item: NodeId,
        direction: Direction,
    },
    IndentListItem {
        item: NodeId,
    },
    OutdentListItem {
        item: NodeId,
    },
    SetNothingToReport {
        assessment: NodeId,
        value: bool,
    },
    SetAssessmentLabel {
        assessment: NodeId,
        label: AssessmentLabel,
    },
    /// Typing in a table: its caption, unit, a header place or a cell.
    SetTableText {
        table: NodeId,
        slot: TableSlot,
        text: String,
    },
    /// A change of a table's shape or kinds (`table::TableOp`).
    EditTable {
        table: NodeId,
        op: TableOp,
    },
    /// A division ("PHẦN THỨ …") at top-level position `index`, which takes
    /// in the parts that follow it up to the next division or appendix.
    InsertDivision {
        index: usize,
        heading: String,
    },
    /// A division after the one that holds part `part` (a part directly
    /// under a division, not its first), taking in that part and those
    /// after it: "+ PHẦN" with a part of PHẦN THỨ NHẤT picked makes PHẦN
    /// THỨ HAI from there.
    SplitDivision {
        part: NodeId,
        heading: String,
    },
    /// An appendix after the others.
    InsertAppendix {
        heading: String,
    },
    /// An appendix printed on its side, or upright.
    SetLandscape {
        section: NodeId,
        landscape: bool,
    },
    SetDivisionStyle(DivisionStyle),
    /// A figure's picture, chosen, replaced or removed (`None`); its bytes
    /// are stored apart and stay stored (see `persist::pictures`).
    SetPicture {
        figure: NodeId,
        picture: Option<crate::model::PictureRef>,
    },
    /// Copies of `blocks` (a text kept beside a section: last year's, a
    /// unit's) at the end of `container`, with fresh ids, taking the place
    /// of the empty paragraphs and bullet lists left at its end.
    CopyBlocksIn {
        container: Container,
        blocks: Vec<Block>,
    },
}

impl Edit {
    /// Edits that type into one field share a key, so that a burst of typing
    /// becomes one undo step. Structural edits have none.
    pub fn typing_key(&self) -> Option<(u8, u64)> {
        match self {
            Edit::SetField { field, .. } => Some((0, *field as u64)),
            Edit::SetHeading { section, .. } => Some((1, *section)),
            Edit::SetText { node, .. } => Some((2, *node)),
            Edit::SetRecipients(_) => Some((3, 0)),
            Edit::SetTableText { table, slot, .. } => Some(match slot {
                TableSlot::Caption => (4, *table),
                TableSlot::Unit => (5, *table),
                TableSlot::Header { row, col } => (
                    6,
                    table.wrapping_mul(1 << 16) ^ ((*row as u64) << 8) ^ *col as u64,
                ),
                TableSlot::Cell { row, column } => (7, row.wrapping_mul(1 << 20) ^ column),
            }),
            _ => None,
        }
    }

    /// True when the edit changes only what nodes hold (text, labels,
    /// flags) and never which nodes there are or where they sit, so that
    /// whatever was worked out from the tree's shape (`NodeIndex`, the
    /// locations below) still holds after it.
    pub fn keeps_structure(&self) -> bool {
        match self {
            Edit::SetField { .. }
            | Edit::SetRuleset(_)
            | Edit::SetPage(_)
            | Edit::SetDate(_)
            | Edit::SetRecipients(_)
            | Edit::SetHeading { .. }
            | Edit::SetHeadingLocked { .. }
            | Edit::SetText { .. }
            | Edit::SetNothingToReport { .. }
            | Edit::SetAssessmentLabel { .. }
            | Edit::SetTableText { .. }
            | Edit::EditTable { .. }
            | Edit::SetLandscape { .. }
            | Edit::SetPicture { .. }
            | Edit::SetDivisionStyle(_) => true,
            Edit::InsertSection { .. }
            | Edit::DeleteSection { .. }
            | Edit::MoveSection { .. }
            | Edit::IndentSection { .. }
            | Edit::OutdentSection { .. }
            | Edit::InsertBlock { .. }
            | Edit::DeleteBlock { .. }
            | Edit::MoveBlock { .. }
            | Edit::InsertListItem { .. }
            | Edit::DeleteListItem { .. }
            | Edit::MoveListItem { .. }
            | Edit::IndentListItem { .. }
            | Edit::OutdentListItem { .. }
            | Edit::InsertDivision { .. }
            | Edit::SplitDivision { .. }
            | Edit::InsertAppendix { .. }
            | Edit::CopyBlocksIn { .. } => false,
        }
    }
}

/// Why an edit could not be applied. The document is unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// No node with this id, or not of the kind the edit needs.
    NotFound(NodeId),
    /// The heading comes from the template and is locked.
    HeadingLocked(NodeId),
    /// The node is already first or last among its siblings.
    AtEdge,
    /// Indenting would go deeper than parts, items and points.
    TooDeep,
    /// There is no previous sibling to indent under, or no parent to leave.
    NoPlaceToGo,
    /// The position is outside the list it names.
    BadIndex(usize),
    /// A table edit that could not be made (`table::TableError`).
    Table(TableError),
    /// Divisions and appendices stand at the top of the report, appendices
    /// after everything else; this move or insert would break that.
    WrongPlace,
}

/// The result of a successful edit.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    pub document: Document,
    /// The node the edit created, if any, so that the interface can focus it.
    pub created: Option<NodeId>,
    /// False when the edit left the document as it was (typing text that
    /// cleaning removes, moving nothing), so that it adds no undo step.
    pub changed: bool,
}

/// The edit that puts a figure holding `picture` right after block `node`
/// (a paragraph an image was pasted into), or after the list that holds
/// list item `node`; `None` when `node` is neither.
pub fn figure_after(
    document: &Document,
    node: NodeId,
    picture: crate::model::PictureRef,
) -> Option<Edit> {
    let locations = locate::index(document);
    let location = match locations.get(&node)? {
        locate::Location::ListItem { list, .. } => locations.get(list)?,
        other => other,
    };
    match location {
        locate::Location::Block { container, index } => Some(Edit::InsertBlock {
            container: *container,
            index: index + 1,
            kind: BlockKind::FigureWith(picture),
        }),
        _ => None,
    }
}

fn swap_neighbour<T>(items: &mut [T], index: usize, direction: Direction) -> Result<(), EditError> {
    let other = match direction {
        Direction::Up => index.checked_sub(1),
        Direction::Down => Some(index + 1).filter(|next| *next < items.len()),
    };
    let other = other.ok_or(EditError::AtEdge)?;
    items.swap(index, other);
    Ok(())
}

fn new_block(document: &mut Document, kind: &BlockKind) -> Block {
    let id = document.fresh_id();
    match kind {
        BlockKind::Paragraph => Block::Paragraph(Paragraph {
            id,
            text: String::new(),
            ..Paragraph::default()
        }),
        BlockKind::List => {
            let item = document.fresh_id();
            Block::List(List {
                id,
                items: vec![ListItem {
                    id: item,
                    ..ListItem::default()
                }],
            })
        }
        // An assessment comes with the paragraph that runs in after its
        // label, where the caret goes next.
        BlockKind::Assessment(label) => Block::Assessment(Assessment {
            id,
            label: label.clone(),
            nothing_to_report: false,
            blocks: vec![Block::Paragraph(Paragraph {
                id: document.fresh_id(),
                ..Paragraph::default()
            })],
        }),
        BlockKind::Figure => Block::Figure(Figure {
            id,
            ..Figure::default()
        }),
        BlockKind::FigureWith(picture) => Block::Figure(Figure {
            id,
            picture: Some(picture.clone()),
            ..Figure::default()
        }),
        BlockKind::Table(table) => {
            let mut table = (**table).clone();
            table.clean_all_text();
            // Whatever shape it came in (a paste, a preset), it keeps the
            // table's invariants from here on.
            table.make_sane();
            let mut take = || document.fresh_id();
            table.assign_ids(&mut take);
            Block::Table(table)
        }
    }
}

/// Applies `edit` to `document`, returning the new document.
pub fn apply(document: &Document, edit: &Edit) -> Result<Applied, EditError> {
    let mut next = document.clone();
    let mut text_changed = None;
    let created = apply_in_place(&mut next, edit, &mut text_changed)?;
    // A text edit knows whether its one field changed; anything else is
    // compared whole.
    let changed = text_changed.unwrap_or_else(|| next != *document);
    Ok(Applied {
        document: next,
        created,
        changed,
    })
}

/// Puts `text` into `slot`; tells whether that changed it.
fn replace_text(slot: &mut String, text: String) -> bool {
    if *slot == text {
        return false;
    }
    *slot = text;
    true
}

/// Applies `edit` to `document`. A text edit sets `text_changed` to whether
/// its field changed.
fn apply_in_place(
    document: &mut Document,
    edit: &Edit,
    text_changed: &mut Option<bool>,
) -> Result<Option<NodeId>, EditError> {
    // Edits that keep the shape find their node by a walk that stops there;
    // the others need the location of every node, built in one walk.
    let locations = if edit.keeps_structure() {
        std::collections::HashMap::new()
    } else {
        index(document)
    };
    let locate = |id: NodeId| locations.get(&id).copied().ok_or(EditError::NotFound(id));
    match edit {
        Edit::SetField { field, text } => {
            let text = clean_input(text);
            let meta = &mut document.meta;
            let closing = &mut document.closing;
            let slot = match field {
                Field::Title => &mut document.title,
                Field::SuperiorBody => &mut meta.superior_body,
                Field::IssuingBody => &mut meta.issuing_body,
                Field::NumberSymbol => &mut meta.number_symbol,
                Field::Place => &mut meta.place,
                Field::DocType => &mut meta.doc_type,
                Field::Subject => &mut meta.subject,
                Field::SigningAuthority => &mut closing.signing_authority,
                Field::Position => &mut closing.position,
                Field::SignerName => &mut closing.signer_name,
                Field::Author => &mut closing.author,
            };
            *text_changed = Some(replace_text(slot, text));
        }
        Edit::SetRuleset(ruleset) => document.meta.ruleset = *ruleset,
        Edit::SetDate(date) => document.meta.date = *date,
        Edit::SetPage(page) => {
            let mut page = page.clone();
            for setting in PageSetting::ALL {
                let value = setting
                    .chosen(&page)
                    .and_then(|value| setting.sanitize(value));
                setting.set(&mut page, value);
            }
            document.meta.page = page;
        }
        Edit::SetRecipients(recipients) => {
            document.closing.recipients = recipients.iter().map(|line| clean_input(line)).collect();
        }
        Edit::SetHeading { section, text } => {
            let target = section_mut(&mut document.sections, *section)
                .ok_or(EditError::NotFound(*section))?;
            if target.heading_locked {
                return Err(EditError::HeadingLocked(*section));
            }
            *text_changed = Some(replace_text(&mut target.heading, clean_input(text)));
        }
        Edit::SetHeadingLocked { section, locked } => {
            section_mut(&mut document.sections, *section)
                .ok_or(EditError::NotFound(*section))?
                .heading_locked = *locked;
        }
        Edit::SetText { node, text } => {
            let text = clean_input(text);
            let slot = locate::text_mut(document, *node).ok_or(EditError::NotFound(*node))?;
            *text_changed = Some(replace_text(slot, text));
        }
        Edit::InsertSection {
            parent,
            index,
            heading,
        } => {
            let level = match parent {
                None => 0,
                Some(id) => child_level(document, &locations, *id)?,
            };
            if level > MAX_SECTION_DEPTH {
                return Err(EditError::TooDeep);
            }
            if parent.is_some_and(|id| {
                document
                    .find_section(id)
                    .is_some_and(|section| section.kind == SectionKind::Appendix)
            }) {
                return Err(EditError::WrongPlace);
            }
            if parent.is_none() && *index > first_appendix(document) {
                return Err(EditError::WrongPlace);
            }
            let id = document.fresh_id();
            let siblings = sections_of_mut(document, *parent)
                .ok_or(EditError::NotFound(parent.unwrap_or(0)))?;
            if *index > siblings.len() {
                return Err(EditError::BadIndex(*index));
            }
            siblings.insert(
                *index,
                Section {
                    id,
                    heading: clean_input(heading),
                    ..Section::default()
                },
            );
            return Ok(Some(id));
        }
        Edit::DeleteSection { section } => {
            let Location::Section { parent, index, .. } = locate(*section)? else {
                return Err(EditError::NotFound(*section));
            };
            sections_of_mut(document, parent)
                .ok_or(EditError::NotFound(*section))?
                .remove(index);
        }
        Edit::MoveSection { section, direction } => {
            let Location::Section { parent, index, .. } = locate(*section)? else {
                return Err(EditError::NotFound(*section));
            };
            let siblings =
                sections_of_mut(document, parent).ok_or(EditError::NotFound(*section))?;
            let other = match direction {
                Direction::Up => index.checked_sub(1),
                Direction::Down => Some(index + 1),
            };
            // Appendices stay after everything else.
            if let Some(other) = other.and_then(|other| siblings.get(other)) {
                if (other.kind == SectionKind::Appendix)
                    != (siblings[index].kind == SectionKind::Appendix)
                {
                    return Err(EditError::AtEdge);
                }
            }
            swap_neighbour(siblings, index, *direction)?;
        }
        Edit::IndentSection { section } => {
            let Location::Section {
                parent,
                index,
                depth,
            } = locate(*section)?
            else {
                return Err(EditError::NotFound(*section));
            };
            if index == 0 {
                return Err(EditError::NoPlaceToGo);
            }
            let top_division = under_division(document, &locations, *section);
            let siblings =
                sections_of_mut(document, parent).ok_or(EditError::NotFound(*section))?;
            let (previous, this) = (&siblings[index - 1], &siblings[index]);
            if previous.kind == SectionKind::Appendix || this.kind == SectionKind::Appendix {
                return Err(EditError::NoPlaceToGo);
            }
            // Its new level: one below the previous sibling's (a part
            // under a division is at level 0). A division moved under
            // another becomes one of its parts, and its parts items.
            let new_level = if depth == 0 {
                usize::from(previous.kind != SectionKind::Division)
            } else {
                level_of_depth(depth, top_division) + 1
            };
            if new_level + subtree_height(this) > MAX_SECTION_DEPTH {
                return Err(EditError::TooDeep);
            }
            let mut moved = siblings.remove(index);
            moved.kind = SectionKind::Numbered;
            siblings[index - 1].children.push(moved);
        }
        Edit::OutdentSection { section } => {
            if let Location::Section {
                parent: None,
                index,
                ..
            } = locate(*section)?
            {
                // A part at the top becomes a division: its items become
                // its parts.
                let top = &mut document.sections[index];
                if top.kind != SectionKind::Numbered {
                    return Err(EditError::NoPlaceToGo);
                }
                top.kind = SectionKind::Division;
                return Ok(None);
            }
            let Location::Section {
                parent: Some(parent),
                index,
                ..
            } = locate(*section)?
            else {
                return Err(EditError::NoPlaceToGo);
            };
            let Location::Section {
                parent: grandparent,
                index: parent_index,
                ..
            } = locate(parent)?
            else {
                return Err(EditError::NotFound(parent));
            };
            let moved = sections_of_mut(document, Some(parent))
                .ok_or(EditError::NotFound(parent))?
                .remove(index);
            sections_of_mut(document, grandparent)
                .ok_or(EditError::NotFound(parent))?
                .insert(parent_index + 1, moved);
        }
        Edit::InsertBlock {
            container,
            index,
            kind,
        } => {
            let block = new_block(document, kind);
            let id = block.id();
            let blocks =
                blocks_mut(document, &locations, *container).ok_or(EditError::NotFound(0))?;
            if *index > blocks.len() {
                return Err(EditError::BadIndex(*index));
            }
            blocks.insert(*index, block);
            return Ok(Some(id));
        }
        Edit::DeleteBlock { block } => {
            let Location::Block { container, index } = locate(*block)? else {
                return Err(EditError::NotFound(*block));
            };
            blocks_mut(document, &locations, container)
                .ok_or(EditError::NotFound(*block))?
                .remove(index);
        }
        Edit::MoveBlock { block, direction } => {
            let Location::Block { container, index } = locate(*block)? else {
                return Err(EditError::NotFound(*block));
            };
            let blocks =
                blocks_mut(document, &locations, container).ok_or(EditError::NotFound(*block))?;
            swap_neighbour(blocks, index, *direction)?;
        }
        Edit::InsertListItem { list, index, text } => {
            let id = document.fresh_id();
            let target = list_mut(document, *list).ok_or(EditError::NotFound(*list))?;
            if *index > target.items.len() {
                return Err(EditError::BadIndex(*index));
            }
            target.items.insert(
                *index,
                ListItem {
                    id,
                    text: clean_input(text),
                    blocks: Vec::new(),
                },
            );
            return Ok(Some(id));
        }
        Edit::DeleteListItem { item } => {
            let Location::ListItem { list, index } = locate(*item)? else {
                return Err(EditError::NotFound(*item));
            };
            let target = list_mut(document, list).ok_or(EditError::NotFound(*item))?;
            target.items.remove(index);
            // A list with no items left disappears with its last item.
            if target.items.is_empty() {
                if let Location::Block { container, index } = locate(list)? {
                    if let Some(blocks) = blocks_mut(document, &locations, container) {
                        blocks.remove(index);
                    }
                }
            }
        }
        Edit::MoveListItem { item, direction } => {
            let Location::ListItem { list, index } = locate(*item)? else {
                return Err(EditError::NotFound(*item));
            };
            let target = list_mut(document, list).ok_or(EditError::NotFound(*item))?;
            swap_neighbour(&mut target.items, index, *direction)?;
        }
        Edit::IndentListItem { item } => {
            let Location::ListItem { list, index } = locate(*item)? else {
                return Err(EditError::NotFound(*item));
            };
            if index == 0 {
                return Err(EditError::NoPlaceToGo);
            }
            let new_list_id = document.fresh_id();
            let target = list_mut(document, list).ok_or(EditError::NotFound(*item))?;
            let moved = target.items.remove(index);
            let previous = &mut target.items[index - 1];
            // Join the previous item's last sub-list, or start one.
            match previous.blocks.last_mut() {
                Some(Block::List(sub)) => sub.items.push(moved),
                _ => previous.blocks.push(Block::List(List {
                    id: new_list_id,
                    items: vec![moved],
                })),
            }
        }
        Edit::OutdentListItem { item } => {
            let Location::ListItem { list, index } = locate(*item)? else {
                return Err(EditError::NotFound(*item));
            };
            let Location::Block {
                container: Container::ListItem(owner),
                index: list_index,
            } = locate(list)?
            else {
                return Err(EditError::NoPlaceToGo);
            };
            let Location::ListItem {
                list: owner_list,
                index: owner_index,
            } = locate(owner)?
            else {
                return Err(EditError::NotFound(owner));
            };
            let sub = list_mut(document, list).ok_or(EditError::NotFound(list))?;
            let moved = sub.items.remove(index);
            // Items after the moved one stay where they are; an emptied
            // sub-list goes away.
            if sub.items.is_empty() {
                if let Some(blocks) = blocks_mut(document, &locations, Container::ListItem(owner)) {
                    blocks.remove(list_index);
                }
            }
            list_mut(document, owner_list)
                .ok_or(EditError::NotFound(owner_list))?
                .items
                .insert(owner_index + 1, moved);
        }
        Edit::SetPicture { figure, picture } => match locate::block_mut(document, *figure) {
            Some(Block::Figure(target)) => target.picture.clone_from(picture),
            _ => return Err(EditError::NotFound(*figure)),
        },
        Edit::SetNothingToReport { assessment, value } => {
            locate::assessment_mut(document, *assessment)
                .ok_or(EditError::NotFound(*assessment))?
                .nothing_to_report = *value;
        }
        Edit::SetAssessmentLabel { assessment, label } => {
            let label = match label {
                AssessmentLabel::Custom(text) => AssessmentLabel::from_text(&clean_input(text)),
                other => other.clone(),
            };
            locate::assessment_mut(document, *assessment)
                .ok_or(EditError::NotFound(*assessment))?
                .label = label;
        }
        Edit::SetTableText { table, slot, text } => {
            let text = clean_input(text);
            let target = table_mut(document, *table)?;
            *text_changed =
                Some(crate::table::set_text(target, *slot, text).map_err(EditError::Table)?);
        }
        Edit::EditTable { table, op } => {
            let op = match op {
                TableOp::Paste { row, col, cells } => TableOp::Paste {
                    row: *row,
                    col: *col,
                    cells: cells
                        .iter()
                        .map(|line| line.iter().map(|text| clean_input(text)).collect())
                        .collect(),
                },
                other => other.clone(),
            };
            let mut next_id = document.next_id;
            let target = table_mut(document, *table)?;
            let mut fresh = || {
                next_id += 1;
                next_id
            };
            crate::table::apply_op(target, &op, &mut fresh).map_err(EditError::Table)?;
            document.next_id = next_id;
        }
        Edit::InsertDivision { index, heading } => {
            if *index > first_appendix(document) {
                return Err(EditError::WrongPlace);
            }
            let id = document.fresh_id();
            // It takes in the parts that follow, up to the next division
            // or appendix.
            let taken = document.sections[*index..]
                .iter()
                .take_while(|section| section.kind == SectionKind::Numbered)
                .count();
            let children: Vec<Section> = document.sections.drain(*index..*index + taken).collect();
            document
                .sections
                .insert(*index, division(id, heading, children));
            return Ok(Some(id));
        }
        Edit::SplitDivision { part, heading } => {
            let (at, from) = document
                .sections
                .iter()
                .enumerate()
                .filter(|(_, top)| top.kind == SectionKind::Division)
                .find_map(|(at, top)| {
                    let from = top.children.iter().position(|child| child.id == *part)?;
                    Some((at, from))
                })
                .ok_or(EditError::NotFound(*part))?;
            if from == 0 {
                return Err(EditError::WrongPlace);
            }
            let id = document.fresh_id();
            let children: Vec<Section> = document.sections[at].children.drain(from..).collect();
            document
                .sections
                .insert(at + 1, division(id, heading, children));
            return Ok(Some(id));
        }
        Edit::InsertAppendix { heading } => {
            let id = document.fresh_id();
            document.sections.push(Section {
                id,
                heading: clean_input(heading),
                kind: SectionKind::Appendix,
                ..Section::default()
            });
            return Ok(Some(id));
        }
        Edit::SetLandscape { section, landscape } => {
            let target = document
                .sections
                .iter_mut()
                .find(|top| top.id == *section && top.kind == SectionKind::Appendix)
                .ok_or(EditError::NotFound(*section))?;
            target.landscape = *landscape;
        }
        Edit::SetDivisionStyle(style) => document.meta.division_style = *style,
        Edit::CopyBlocksIn { container, blocks } => {
            let mut copies: Vec<Block> = blocks
                .iter()
                .map(|block| {
                    let mut copy = block.clone();
                    renew_block(document, &mut copy);
                    copy
                })
                .collect();
            let target =
                blocks_mut(document, &locations, *container).ok_or(EditError::NotFound(0))?;
            while target.last().is_some_and(|block| {
                matches!(block, Block::Paragraph(_) | Block::List(_)) && block.is_empty()
            }) {
                target.pop();
            }
            let first = copies.first().map(Block::id);
            target.append(&mut copies);
            return Ok(first);
        }
    }
    Ok(None)
}

/// Gives `block` and everything in it fresh ids, and cleans its text like
/// typed text, for a block copied in from elsewhere.
fn renew_block(document: &mut Document, block: &mut Block) {
    match block {
        Block::Paragraph(paragraph) => {
            paragraph.id = document.fresh_id();
            paragraph.text = clean_input(&paragraph.text);
            paragraph.guidance = clean_input(&paragraph.guidance);
        }
        Block::List(list) => {
            list.id = document.fresh_id();
            for item in &mut list.items {
                item.id = document.fresh_id();
                item.text = clean_input(&item.text);
                for inner in &mut item.blocks {
                    renew_block(document, inner);
                }
            }
        }
        Block::Assessment(assessment) => {
            assessment.id = document.fresh_id();
            if let AssessmentLabel::Custom(label) = &assessment.label {
                assessment.label = AssessmentLabel::from_text(&clean_input(label));
            }
            for inner in &mut assessment.blocks {
                renew_block(document, inner);
            }
        }
        Block::Figure(figure) => {
            figure.id = document.fresh_id();
            figure.caption = clean_input(&figure.caption);
        }
        Block::Table(table) => {
            table.clean_all_text();
            table.make_sane();
            let mut take = || document.fresh_id();
            table.assign_ids(&mut take);
        }
    }
}

/// The table `id`.
fn table_mut(document: &mut Document, id: NodeId) -> Result<&mut Table, EditError> {
    match locate::block_mut(document, id) {
        Some(Block::Table(table)) => Ok(table),
        _ => Err(EditError::NotFound(id)),
    }
}

/// Where the appendices start among the top-level sections (their count
/// when there is none).
/// A division ("PHẦN THỨ …") holding `children`.
fn division(id: NodeId, heading: &str, children: Vec<Section>) -> Section {
    Section {
        id,
        heading: clean_input(heading),
        kind: SectionKind::Division,
        children,
        ..Section::default()
    }
}

fn first_appendix(document: &Document) -> usize {
    document
        .sections
        .iter()
        .position(|section| section.kind == SectionKind::Appendix)
        .unwrap_or(document.sections.len())
}

/// True when section `id` stands under a division.
fn under_division(
    document: &Document,
    locations: &std::collections::HashMap<NodeId, Location>,
    id: NodeId,
) -> bool {
    let mut current = id;
    while let Some(Location::Section {
        parent: Some(parent),
        ..
    }) = locations.get(&current)
    {
        current = *parent;
    }
    document
        .sections
        .iter()
        .any(|top| top.id == current && top.id != id && top.kind == SectionKind::Division)
}

/// The numbering level (0 parts, 1 items, 2 points) of a numbered section
/// at tree `depth`.
fn level_of_depth(depth: usize, under_division: bool) -> usize {
    depth - usize::from(under_division && depth > 0)
}

/// The level a child of section `parent` has.
fn child_level(
    document: &Document,
    locations: &std::collections::HashMap<NodeId, Location>,
    parent: NodeId,
) -> Result<usize, EditError> {
    let Some(Location::Section { depth, .. }) = locations.get(&parent) else {
        return Err(EditError::NotFound(parent));
    };
    let top = document.sections.iter().find(|top| top.id == parent);
    if top.is_some_and(|top| top.kind == SectionKind::Division) {
        return Ok(0);
    }
    Ok(level_of_depth(*depth, under_division(document, locations, parent)) + 1)
}

// The tests use proptest, which is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
