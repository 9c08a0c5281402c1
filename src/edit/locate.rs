//! Finding nodes by id: where each node sits (an index built by one walk) and
//! mutable access to the containers that edits change.

use std::collections::HashMap;

use crate::model::{
    find_block_in, find_item_in, Assessment, Block, Document, List, ListItem, NodeId, Section,
};

/// A place that holds blocks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Container {
    Preamble,
    Section(NodeId),
    ListItem(NodeId),
    Assessment(NodeId),
}

/// Where a node sits in the tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Location {
    /// A section, the `index`-th child of `parent` (`None` for parts).
    Section {
        parent: Option<NodeId>,
        index: usize,
        depth: usize,
    },
    /// A block, the `index`-th in `container`.
    Block { container: Container, index: usize },
    /// A list item, the `index`-th in the list `list`.
    ListItem { list: NodeId, index: usize },
}

/// Maps every id of `document` to its location.
pub fn index(document: &Document) -> HashMap<NodeId, Location> {
    fn walk_blocks(blocks: &[Block], container: Container, out: &mut HashMap<NodeId, Location>) {
        for (index, block) in blocks.iter().enumerate() {
            out.insert(block.id(), Location::Block { container, index });
            match block {
                Block::List(list) => {
                    for (index, item) in list.items.iter().enumerate() {
                        out.insert(
                            item.id,
                            Location::ListItem {
                                list: list.id,
                                index,
                            },
                        );
                        walk_blocks(&item.blocks, Container::ListItem(item.id), out);
                    }
                }
                Block::Assessment(assessment) => walk_blocks(
                    &assessment.blocks,
                    Container::Assessment(assessment.id),
                    out,
                ),
                Block::Paragraph(_) | Block::Figure(_) | Block::Table(_) => {}
            }
        }
    }
    fn walk_sections(
        list: &[Section],
        parent: Option<NodeId>,
        depth: usize,
        out: &mut HashMap<NodeId, Location>,
    ) {
        for (index, section) in list.iter().enumerate() {
            out.insert(
                section.id,
                Location::Section {
                    parent,
                    index,
                    depth,
                },
            );
            walk_blocks(&section.blocks, Container::Section(section.id), out);
            walk_sections(&section.children, Some(section.id), depth + 1, out);
        }
    }
    let mut out = HashMap::new();
    walk_blocks(&document.preamble, Container::Preamble, &mut out);
    walk_sections(&document.sections, None, 0, &mut out);
    out
}

pub fn section_mut(list: &mut [Section], id: NodeId) -> Option<&mut Section> {
    for section in list {
        if section.id == id {
            return Some(section);
        }
        if let Some(found) = section_mut(&mut section.children, id) {
            return Some(found);
        }
    }
    None
}

/// The sibling list that holds the children of `parent` (`None`: the parts).
pub fn sections_of_mut(
    document: &mut Document,
    parent: Option<NodeId>,
) -> Option<&mut Vec<Section>> {
    match parent {
        None => Some(&mut document.sections),
        Some(id) => section_mut(&mut document.sections, id).map(|section| &mut section.children),
    }
}

fn block_in_mut(blocks: &mut [Block], id: NodeId) -> Option<&mut Block> {
    for block in blocks {
        if block.id() == id {
            return Some(block);
        }
        let found = match block {
            Block::List(list) => list
                .items
                .iter_mut()
                .find_map(|item| block_in_mut(&mut item.blocks, id)),
            Block::Assessment(assessment) => block_in_mut(&mut assessment.blocks, id),
            Block::Paragraph(_) | Block::Figure(_) | Block::Table(_) => None,
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// True when block or list item `id` is among `blocks`, at any depth.
fn holds(blocks: &[Block], id: NodeId) -> bool {
    find_block_in(blocks, id).is_some() || find_item_in(blocks, id).is_some()
}

/// The section whose own blocks hold block or list item `id`.
fn section_holding(list: &[Section], id: NodeId) -> Option<NodeId> {
    list.iter().find_map(|section| {
        if holds(&section.blocks, id) {
            Some(section.id)
        } else {
            section_holding(&section.children, id)
        }
    })
}

fn block_in_sections_mut(list: &mut [Section], id: NodeId) -> Option<&mut Block> {
    // The holder is found first without changing anything: a mutable look
    // at a section's blocks copies them while an older version of the
    // document shares them (see `Shared`), and only the holder may be
    // copied.
    let holder = section_holding(list, id)?;
    block_in_mut(&mut section_mut(list, holder)?.blocks, id)
}

/// The text of paragraph, figure or list item `id` (its caption for a
/// figure); `None` for any other node or an unknown id.
pub fn text_mut(document: &mut Document, id: NodeId) -> Option<&mut String> {
    fn text_in(blocks: &mut [Block], id: NodeId) -> Option<&mut String> {
        for block in blocks {
            match block {
                Block::Paragraph(paragraph) if paragraph.id == id => {
                    return Some(&mut paragraph.text)
                }
                Block::Figure(figure) if figure.id == id => return Some(&mut figure.caption),
                Block::List(list) => {
                    for item in &mut list.items {
                        if item.id == id {
                            return Some(&mut item.text);
                        }
                        if let Some(found) = text_in(&mut item.blocks, id) {
                            return Some(found);
                        }
                    }
                }
                Block::Assessment(assessment) => {
                    if let Some(found) = text_in(&mut assessment.blocks, id) {
                        return Some(found);
                    }
                }
                Block::Paragraph(_) | Block::Figure(_) | Block::Table(_) => {}
            }
        }
        None
    }
    if holds(&document.preamble, id) {
        return text_in(&mut document.preamble, id);
    }
    // As in `block_in_sections_mut`: only the holder is touched mutably.
    let section = section_holding(&document.sections, id)?;
    text_in(
        &mut section_mut(&mut document.sections, section)?.blocks,
        id,
    )
}

pub fn block_mut(document: &mut Document, id: NodeId) -> Option<&mut Block> {
    if let Some(found) = block_in_mut(&mut document.preamble, id) {
        return Some(found);
    }
    block_in_sections_mut(&mut document.sections, id)
}

pub fn list_mut(document: &mut Document, id: NodeId) -> Option<&mut List> {
    match block_mut(document, id)? {
        Block::List(list) => Some(list),
        _ => None,
    }
}

pub fn assessment_mut(document: &mut Document, id: NodeId) -> Option<&mut Assessment> {
    match block_mut(document, id)? {
        Block::Assessment(assessment) => Some(assessment),
        _ => None,
    }
}

/// The list item `id`, given the index of `document`.
pub fn item_mut<'d>(
    document: &'d mut Document,
    locations: &HashMap<NodeId, Location>,
    id: NodeId,
) -> Option<&'d mut ListItem> {
    match locations.get(&id)? {
        Location::ListItem { list, index } => list_mut(document, *list)?.items.get_mut(*index),
        _ => None,
    }
}

/// The blocks held by `container`.
pub fn blocks_mut<'d>(
    document: &'d mut Document,
    locations: &HashMap<NodeId, Location>,
    container: Container,
) -> Option<&'d mut Vec<Block>> {
    match container {
        Container::Preamble => Some(&mut document.preamble),
        Container::Section(id) => {
            section_mut(&mut document.sections, id).map(|section| &mut *section.blocks)
        }
        Container::ListItem(id) => item_mut(document, locations, id).map(|item| &mut item.blocks),
        Container::Assessment(id) => {
            assessment_mut(document, id).map(|assessment| &mut assessment.blocks)
        }
    }
}

/// How many section levels lie below `section` (0 for a leaf).
pub fn subtree_height(section: &Section) -> usize {
    section
        .children
        .iter()
        .map(|child| 1 + subtree_height(child))
        .max()
        .unwrap_or(0)
}

/// Where a new sibling of section `id` goes: its parent and the index after
/// it.
pub fn slot_after_section(document: &Document, id: NodeId) -> Option<(Option<NodeId>, usize)> {
    match index(document).get(&id)? {
        Location::Section { parent, index, .. } => Some((*parent, index + 1)),
        _ => None,
    }
}

/// What "+ PHẦN" does with section `selected` picked: a part (or what is
/// in it) under a division, not its first, splits that division there
/// (`Edit::SplitDivision`); anything else inserts a division at
/// `division_slot`.
pub fn division_edit(document: &Document, selected: Option<NodeId>) -> crate::edit::Edit {
    use crate::model::SectionKind;
    let locations = index(document);
    // The chain of sections from the picked one up to the top.
    let mut chain = Vec::new();
    let mut current = selected;
    while let Some(id) = current {
        chain.push(id);
        current = match locations.get(&id) {
            Some(Location::Section { parent, .. }) => *parent,
            _ => None,
        };
    }
    if let [.., part, top] = chain[..] {
        let split = document
            .sections
            .iter()
            .find(|section| section.id == top && section.kind == SectionKind::Division)
            .and_then(|division| division.children.iter().position(|child| child.id == part))
            .is_some_and(|at| at > 0);
        if split {
            return crate::edit::Edit::SplitDivision {
                part,
                heading: String::new(),
            };
        }
    }
    crate::edit::Edit::InsertDivision {
        index: division_slot(document, selected),
        heading: String::new(),
    }
}

/// Where a division added from the outline goes among the top-level
/// sections (`Edit::InsertDivision`'s index): before the part that holds
/// the picked section, so that it takes in that part and those after it;
/// after a picked division; before the appendices when an appendix is
/// picked; first when nothing is.
pub fn division_slot(document: &Document, selected: Option<NodeId>) -> usize {
    use crate::model::SectionKind;
    let appendices = document
        .sections
        .iter()
        .position(|section| section.kind == SectionKind::Appendix)
        .unwrap_or(document.sections.len());
    let Some(selected) = selected else {
        return 0;
    };
    let locations = index(document);
    let mut top = selected;
    while let Some(Location::Section {
        parent: Some(parent),
        ..
    }) = locations.get(&top)
    {
        top = *parent;
    }
    match document
        .sections
        .iter()
        .position(|section| section.id == top)
    {
        Some(at) => match document.sections[at].kind {
            SectionKind::Numbered => at,
            SectionKind::Division => at + 1,
            SectionKind::Appendix => appendices,
        },
        None => 0,
    }
}

/// The list item before item `id` in its list, which takes the focus when
/// `id` is deleted.
pub fn item_before(document: &Document, id: NodeId) -> Option<NodeId> {
    let Location::ListItem { list, index } = *self::index(document).get(&id)? else {
        return None;
    };
    let Some(Block::List(list)) = document.find_block(list) else {
        return None;
    };
    index
        .checked_sub(1)
        .and_then(|previous| list.items.get(previous))
        .map(|item| item.id)
}

/// The node whose field takes the caret when `node` has just been added: a
/// list's first bullet, an assessment's first block (its label when it has
/// none), otherwise `node` itself.
pub fn field_of(document: &Document, node: NodeId) -> NodeId {
    match document.find_block(node) {
        Some(Block::List(list)) => list.items.first().map_or(node, |item| item.id),
        Some(Block::Assessment(assessment)) => assessment
            .blocks
            .first()
            .map_or(node, |block| field_of(document, block.id())),
        _ => node,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::seed_sample;

    #[test]
    fn a_division_goes_before_the_part_of_the_picked_section() {
        use crate::model::SectionKind;
        let mut sample = seed_sample();
        let second = sample.sections[1].id;
        let item = sample.sections[1].children[0].id;
        assert_eq!(division_slot(&sample, None), 0);
        assert_eq!(division_slot(&sample, Some(second)), 1);
        assert_eq!(division_slot(&sample, Some(item)), 1);
        sample.sections[1].kind = SectionKind::Division;
        assert_eq!(division_slot(&sample, Some(item)), 2);
        sample.sections.push(crate::model::Section {
            id: 9999,
            kind: SectionKind::Appendix,
            ..Default::default()
        });
        assert_eq!(division_slot(&sample, Some(9999)), 2);
        // Within a division, a part after its first (or an item in it)
        // splits the division there.
        let division = sample.sections[1].id;
        let parts: Vec<NodeId> = sample.sections[1].children.iter().map(|p| p.id).collect();
        let inside = sample.sections[1].children[1]
            .children
            .first()
            .map(|s| s.id);
        let split = crate::edit::Edit::SplitDivision {
            part: parts[1],
            heading: String::new(),
        };
        assert_eq!(division_edit(&sample, Some(parts[1])), split);
        if let Some(inside) = inside {
            assert_eq!(division_edit(&sample, Some(inside)), split);
        }
        let after = crate::edit::Edit::InsertDivision {
            index: 2,
            heading: String::new(),
        };
        assert_eq!(division_edit(&sample, Some(parts[0])), after);
        assert_eq!(division_edit(&sample, Some(division)), after);
        assert_eq!(
            division_edit(&sample, None),
            crate::edit::Edit::InsertDivision {
                index: 0,
                heading: String::new()
            }
        );
    }

    #[test]
    fn the_caret_goes_into_the_first_field_of_an_added_block() {
        use crate::edit::{apply, BlockKind, Edit};
        use crate::model::AssessmentLabel;
        let sample = seed_sample();
        let section = sample.sections[0].children[0].id;
        for kind in [
            BlockKind::List,
            BlockKind::Assessment(AssessmentLabel::Strengths),
            BlockKind::Paragraph,
            BlockKind::Figure,
        ] {
            let applied = apply(
                &sample,
                &Edit::InsertBlock {
                    container: Container::Section(section),
                    index: 0,
                    kind: kind.clone(),
                },
            )
            .unwrap();
            let block = applied.created.unwrap();
            let field = field_of(&applied.document, block);
            let document = &applied.document;
            match kind {
                BlockKind::List => {
                    let (item, _) = document.find_item(field).expect("a bullet");
                    assert!(item.text.is_empty());
                }
                BlockKind::Assessment(_) => {
                    assert!(matches!(
                        document.find_block(field),
                        Some(Block::Paragraph(_))
                    ));
                    assert_ne!(field, block);
                }
                _ => assert_eq!(field, block),
            }
        }
    }

    #[test]
    fn a_new_section_goes_after_the_picked_one() {
        let sample = seed_sample();
        let item_two = sample.sections[1].children[1].id;
        assert_eq!(
            slot_after_section(&sample, item_two),
            Some((Some(sample.sections[1].id), 2))
        );
        assert_eq!(
            slot_after_section(&sample, sample.sections[0].id),
            Some((None, 1))
        );
        assert_eq!(slot_after_section(&sample, 999_999), None);
    }

    #[test]
    fn the_item_before_takes_the_focus() {
        let sample = seed_sample();
        let Block::List(list) = &sample.sections[0].children[2].blocks[0] else {
            panic!()
        };
        assert_eq!(
            item_before(&sample, list.items[1].id),
            Some(list.items[0].id)
        );
        assert_eq!(item_before(&sample, list.items[0].id), None);
    }
}
