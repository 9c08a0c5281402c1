//! Where every node of a document is, for lookups by id in time
//! proportional to the node's depth rather than to the document's size.
//!
//! The editor shows one field per node and each field looks its node up
//! after every edit; with `Document::find_*` (a walk of the whole tree) that
//! is quadratic in the size of the report, about a third of a second per
//! keystroke on a 300-item report. The index is built once per document
//! version, in one walk.

use std::collections::HashMap;

use crate::model::{Block, Document, ListItem, NodeId, Section, SectionKind, Shared};
use crate::numbering::OutlineEntry;

/// One step down the tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Section(usize),
    Block(usize),
    Item(usize),
}

/// Where a node is: the steps from the root, whether it is in the preamble,
/// and for a list item the depth of its list ("-" is 0, "+" is 1 …).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Place {
    in_preamble: bool,
    steps: Vec<Step>,
    list_depth: usize,
}

/// Node ids to places, for one version of a document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NodeIndex {
    places: HashMap<NodeId, Place>,
}

impl NodeIndex {
    pub fn new(document: &Document) -> NodeIndex {
        let mut index = NodeIndex::default();
        let mut steps = Vec::new();
        index.blocks(&document.preamble, true, &mut steps, 0);
        index.sections(&document.sections, &mut steps);
        index
    }

    fn sections(&mut self, list: &[Section], steps: &mut Vec<Step>) {
        for (at, section) in list.iter().enumerate() {
            steps.push(Step::Section(at));
            self.places.insert(
                section.id,
                Place {
                    in_preamble: false,
                    steps: steps.clone(),
                    list_depth: 0,
                },
            );
            self.blocks(&section.blocks, false, steps, 0);
            self.sections(&section.children, steps);
            steps.pop();
        }
    }

    fn blocks(&mut self, list: &[Block], in_preamble: bool, steps: &mut Vec<Step>, depth: usize) {
        for (at, block) in list.iter().enumerate() {
            steps.push(Step::Block(at));
            self.places.insert(
                block.id(),
                Place {
                    in_preamble,
                    steps: steps.clone(),
                    list_depth: depth,
                },
            );
            match block {
                Block::List(list) => {
                    for (at, item) in list.items.iter().enumerate() {
                        steps.push(Step::Item(at));
                        self.places.insert(
                            item.id,
                            Place {
                                in_preamble,
                                steps: steps.clone(),
                                list_depth: depth,
                            },
                        );
                        self.blocks(&item.blocks, in_preamble, steps, depth + 1);
                        steps.pop();
                    }
                }
                Block::Assessment(assessment) => {
                    self.blocks(&assessment.blocks, in_preamble, steps, depth)
                }
                Block::Paragraph(_) | Block::Figure(_) | Block::Table(_) => {}
            }
            steps.pop();
        }
    }

    /// Follows `place` in `document`; `None` if the document is not the
    /// version the index was built from.
    fn follow<'d>(document: &'d Document, place: &Place) -> Option<Node<'d>> {
        let mut node = if place.in_preamble {
            Node::Blocks(&document.preamble)
        } else {
            Node::Sections(&document.sections)
        };
        for step in &place.steps {
            node = match (node, *step) {
                (Node::Sections(list), Step::Section(at)) => Node::Section(list.get(at)?),
                (Node::Section(section), Step::Section(at)) => {
                    Node::Section(section.children.get(at)?)
                }
                (Node::Section(section), Step::Block(at)) => Node::Block(section.blocks.get(at)?),
                (Node::Blocks(list), Step::Block(at)) => Node::Block(list.get(at)?),
                (Node::Block(Block::List(list)), Step::Item(at)) => Node::Item(list.items.get(at)?),
                (Node::Block(Block::Assessment(assessment)), Step::Block(at)) => {
                    Node::Block(assessment.blocks.get(at)?)
                }
                (Node::Item(item), Step::Block(at)) => Node::Block(item.blocks.get(at)?),
                _ => return None,
            };
        }
        Some(node)
    }

    /// The section `id`.
    pub fn section<'d>(&self, document: &'d Document, id: NodeId) -> Option<&'d Section> {
        match Self::follow(document, self.places.get(&id)?)? {
            Node::Section(section) if section.id == id => Some(section),
            _ => None,
        }
    }

    /// The block `id`, in the preamble or the body.
    pub fn block<'d>(&self, document: &'d Document, id: NodeId) -> Option<&'d Block> {
        match Self::follow(document, self.places.get(&id)?)? {
            Node::Block(block) if block.id() == id => Some(block),
            _ => None,
        }
    }

    /// The list item `id`, with the depth of its list.
    pub fn item<'d>(&self, document: &'d Document, id: NodeId) -> Option<(&'d ListItem, usize)> {
        let place = self.places.get(&id)?;
        match Self::follow(document, place)? {
            Node::Item(item) if item.id == id => Some((item, place.list_depth)),
            _ => None,
        }
    }
}

/// What one section's editor shows, copied out of the document: its own
/// heading, the ids of its subsections and its blocks (not its
/// subsections' blocks). The editor keeps one per section and compares it
/// after each edit, so typing in one section re-runs the fields of that
/// section only. The preamble is a snapshot with blocks only.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SectionSnapshot {
    pub heading: String,
    pub heading_locked: bool,
    pub guidance: String,
    pub children: Vec<NodeId>,
    pub blocks: Shared<Vec<Block>>,
    pub kind: SectionKind,
    pub landscape: bool,
}

impl SectionSnapshot {
    pub fn of(section: &Section) -> SectionSnapshot {
        SectionSnapshot {
            heading: section.heading.clone(),
            heading_locked: section.heading_locked,
            guidance: section.guidance.clone(),
            children: section.children.iter().map(|child| child.id).collect(),
            blocks: section.blocks.clone(),
            kind: section.kind,
            landscape: section.landscape,
        }
    }

    /// True when this snapshot shows `section` as it is now, compared in
    /// place (no copy is made to compare).
    pub fn shows(&self, section: &Section) -> bool {
        self.heading == section.heading
            && self.heading_locked == section.heading_locked
            && self.guidance == section.guidance
            && self.children.len() == section.children.len()
            && self
                .children
                .iter()
                .zip(&section.children)
                .all(|(id, child)| *id == child.id)
            && self.blocks == section.blocks
            && self.kind == section.kind
            && self.landscape == section.landscape
    }

    pub fn of_preamble(document: &Document) -> SectionSnapshot {
        SectionSnapshot {
            blocks: Shared::new(document.preamble.clone()),
            ..SectionSnapshot::default()
        }
    }

    /// The block `id` among these blocks, at any depth.
    pub fn find_block(&self, id: NodeId) -> Option<&Block> {
        crate::model::find_block_in(&self.blocks, id)
    }

    /// The list item `id` among these blocks, with the depth of its list.
    pub fn find_item(&self, id: NodeId) -> Option<(&ListItem, usize)> {
        crate::model::find_item_in(&self.blocks, id)
    }
}

/// The key of the preamble among section views (node ids start at 1).
pub const PREAMBLE: NodeId = 0;

/// What one section's editor shows: the section's own content and its
/// number. The editor keeps one per section on screen and replaces it only
/// when `is_current` says it changed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SectionView {
    pub snapshot: SectionSnapshot,
    pub number: String,
    pub depth: usize,
}

impl SectionView {
    /// The ids of the subsections `view` shows, in order (none for no view).
    pub fn child_ids(view: Option<&SectionView>) -> Vec<NodeId> {
        view.map(|view| view.snapshot.children.clone())
            .unwrap_or_default()
    }

    /// The view of section `id` (or of the preamble) in `document`.
    pub fn of(
        document: &Document,
        index: &NodeIndex,
        numbers: &HashMap<NodeId, OutlineEntry>,
        id: NodeId,
    ) -> Option<SectionView> {
        if id == PREAMBLE {
            return Some(SectionView {
                snapshot: SectionSnapshot::of_preamble(document),
                ..SectionView::default()
            });
        }
        let section = index.section(document, id)?;
        let entry = numbers.get(&id);
        Some(SectionView {
            snapshot: SectionSnapshot::of(section),
            number: entry.map(|entry| entry.number.clone()).unwrap_or_default(),
            depth: entry.map_or(0, |entry| entry.depth),
        })
    }

    /// True when `old` is what `of` would give now, compared in place, so
    /// that a keystroke does not copy every section to find the one that
    /// changed.
    pub fn is_current(
        old: &Option<SectionView>,
        document: Option<&Document>,
        index: &NodeIndex,
        numbers: &HashMap<NodeId, OutlineEntry>,
        id: NodeId,
    ) -> bool {
        let Some(document) = document else {
            return old.is_none();
        };
        let Some(old) = old else {
            return id != PREAMBLE && index.section(document, id).is_none();
        };
        if id == PREAMBLE {
            return old.snapshot.blocks == document.preamble;
        }
        let Some(section) = index.section(document, id) else {
            return false;
        };
        let entry = numbers.get(&id);
        old.snapshot.shows(section)
            && entry.map_or("", |entry| entry.number.as_str()) == old.number
            && entry.map_or(0, |entry| entry.depth) == old.depth
    }
}

/// A node met on the way down.
#[derive(Clone, Copy)]
enum Node<'d> {
    Sections(&'d [Section]),
    Blocks(&'d [Block]),
    Section(&'d Section),
    Block(&'d Block),
    Item(&'d ListItem),
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// Every node of a document found through the index is the node the
    /// walk of the whole tree finds.
    fn agrees_with_the_walk(document: &Document) {
        let index = NodeIndex::new(document);
        for id in 0..=document.next_id + 1 {
            assert_eq!(
                index.section(document, id),
                document.find_section(id),
                "section {id}"
            );
            assert_eq!(
                index.block(document, id),
                document.find_block(id),
                "block {id}"
            );
            assert_eq!(
                index.item(document, id),
                document.find_item(id),
                "item {id}"
            );
        }
    }

    #[test]
    fn the_index_agrees_with_a_walk_of_the_tree() {
        agrees_with_the_walk(&crate::template::seed_sample());
        agrees_with_the_walk(&crate::large_report::large_report(2, 3));
        for template in crate::template::builtin() {
            agrees_with_the_walk(&crate::template::instantiate(&template));
        }
    }

    #[test]
    fn a_snapshot_finds_the_blocks_of_its_own_section() {
        let document = crate::large_report::large_report(1, 2);
        let item = &document.sections[0].children[1];
        let snapshot = SectionSnapshot::of(item);
        for id in 0..=document.next_id {
            let in_item = document.find_block(id).filter(|_| {
                let index = NodeIndex::new(&document);
                index.block(&document, id).is_some() && snapshot.find_block(id).is_some()
            });
            assert_eq!(snapshot.find_block(id), in_item);
            if let Some((found, depth)) = snapshot.find_item(id) {
                assert_eq!(document.find_item(id), Some((found, depth)));
            }
        }
        assert!(snapshot
            .find_block(document.sections[0].children[0].blocks[0].id())
            .is_none());
        assert!(snapshot.shows(item));
        let mut changed = item.clone();
        changed.heading.push('!');
        assert!(!snapshot.shows(&changed));
        let mut changed = item.clone();
        changed.children.push(Section::default());
        assert!(!snapshot.shows(&changed));
    }

    /// The in-place check agrees with rebuilding the view, for every
    /// section of a document, after edits of text, structure and numbers.
    #[test]
    fn is_current_agrees_with_rebuilding_the_view() {
        let numbers_of = |document: &Document| {
            crate::numbering::outline(document)
                .into_iter()
                .map(|entry| (entry.id, entry))
                .collect::<HashMap<_, _>>()
        };
        let before = crate::template::seed_sample();
        let mut edited = before.clone();
        edited.sections[0].children[0].heading.push_str(" sửa");
        edited.sections[1].children.swap(0, 1);
        edited.preamble.clear();
        let removed = edited.sections[0].children.pop().map(|s| s.id);
        let (old_index, new_index) = (NodeIndex::new(&before), NodeIndex::new(&edited));
        let (old_numbers, new_numbers) = (numbers_of(&before), numbers_of(&edited));
        let mut changed = 0;
        for id in (0..=before.next_id).chain(removed) {
            let old = SectionView::of(&before, &old_index, &old_numbers, id);
            let new = SectionView::of(&edited, &new_index, &new_numbers, id);
            let current =
                SectionView::is_current(&old, Some(&edited), &new_index, &new_numbers, id);
            assert_eq!(current, old == new, "node {id}");
            changed += usize::from(!current);
            assert!(SectionView::is_current(
                &new,
                Some(&edited),
                &new_index,
                &new_numbers,
                id
            ));
            assert_eq!(
                SectionView::is_current(&old, None, &new_index, &new_numbers, id),
                old.is_none()
            );
        }
        // The edited heading, the parent that lost a child, the two swapped
        // items, the removed one and the preamble.
        assert!(changed >= 5, "{changed}");
    }

    #[test]
    fn an_index_of_another_version_finds_nothing_wrong() {
        let sample = crate::template::seed_sample();
        let index = NodeIndex::new(&sample);
        let mut changed = sample.clone();
        changed.sections.remove(0);
        for id in 0..=sample.next_id {
            if let Some(section) = index.section(&changed, id) {
                assert_eq!(section.id, id);
            }
            if let Some(block) = index.block(&changed, id) {
                assert_eq!(block.id(), id);
            }
        }
    }
}
