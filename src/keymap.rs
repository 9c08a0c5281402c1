//! Keyboard shortcuts of the editor, decided here rather than in components:
//! which command a key press means, and which edit a command makes on the
//! node that has focus.
//!
//! | keys | on a bullet | on a section heading | on a paragraph |
//! | --- | --- | --- | --- |
//! | Enter | new bullet after it | first paragraph | new paragraph after it |
//! | Tab / Shift+Tab | "+" under the one above / back to "-" | indent / outdent | — |
//! | Alt+↑ / Alt+↓ | move up / down | move up / down | move up / down |
//! | Backspace in an empty bullet | delete it | — | — |
//! | Ctrl+Z / Ctrl+Shift+Z, Ctrl+Y | undo / redo everywhere | | |
//! | Ctrl+O | open a draft or template file | | |

use crate::edit::locate::{index, Container, Location};
use crate::edit::{BlockKind, Direction, Edit};
use crate::model::{Block, Document, NodeId};

/// A key press, as the browser reports it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeyPress {
    /// `KeyboardEvent.key`: "Enter", "Tab", "ArrowUp", "z" …
    pub key: String,
    pub ctrl: bool,
    pub shift: bool,
    pub alt: bool,
    /// The ⌘ key on a Mac, treated like Ctrl.
    pub meta: bool,
}

/// What a key press asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    Undo,
    Redo,
    /// Ctrl+O: open a file.
    OpenFile,
    /// Enter: a new sibling after the focused node.
    NewAfter,
    Indent,
    Outdent,
    MoveUp,
    MoveDown,
    /// Backspace in an empty field.
    DeleteIfEmpty,
}

/// Whether `press` would change the text of the field it is typed in: a
/// letter, digit, space or sign, Backspace or Delete, or a paste or cut.
/// Typed into a locked heading, such a key is refused, and the interface
/// says how to unlock it.
pub fn would_change_text(press: &KeyPress) -> bool {
    let ctrl = press.ctrl || press.meta;
    let key = press.key.as_str();
    match key {
        "Backspace" | "Delete" => !press.alt,
        "v" | "V" | "x" | "X" if ctrl => !press.alt,
        _ => !ctrl && !press.alt && key.chars().count() == 1,
    }
}

/// The command `press` means, if any. `field_is_empty` tells whether the
/// focused field holds no text (Backspace deletes only then).
pub fn command(press: &KeyPress, field_is_empty: bool) -> Option<Command> {
    let ctrl = press.ctrl || press.meta;
    let key = press.key.as_str();
    match key {
        "z" | "Z" if ctrl && !press.alt => Some(if press.shift {
            Command::Redo
        } else {
            Command::Undo
        }),
        "y" | "Y" if ctrl && !press.alt && !press.shift => Some(Command::Redo),
        "o" | "O" if ctrl && !press.alt && !press.shift => Some(Command::OpenFile),
        "Enter" if !ctrl && !press.alt && !press.shift => Some(Command::NewAfter),
        "Tab" if !ctrl && !press.alt => Some(if press.shift {
            Command::Outdent
        } else {
            Command::Indent
        }),
        "ArrowUp" if press.alt && !ctrl => Some(Command::MoveUp),
        "ArrowDown" if press.alt && !ctrl => Some(Command::MoveDown),
        "Backspace" if field_is_empty && !ctrl && !press.alt => Some(Command::DeleteIfEmpty),
        _ => None,
    }
}

/// The edit `command` makes on `node` (a section, block or list item), if it
/// means anything there. Undo and redo are not edits and give `None`.
pub fn edit_for(document: &Document, node: NodeId, command: Command) -> Option<Edit> {
    let locations = index(document);
    let location = *locations.get(&node)?;
    match (location, command) {
        (Location::ListItem { list, index }, Command::NewAfter) => Some(Edit::InsertListItem {
            list,
            index: index + 1,
            text: String::new(),
        }),
        (Location::ListItem { .. }, Command::Indent) => Some(Edit::IndentListItem { item: node }),
        (Location::ListItem { .. }, Command::Outdent) => Some(Edit::OutdentListItem { item: node }),
        (Location::ListItem { .. }, Command::MoveUp) => Some(Edit::MoveListItem {
            item: node,
            direction: Direction::Up,
        }),
        (Location::ListItem { .. }, Command::MoveDown) => Some(Edit::MoveListItem {
            item: node,
            direction: Direction::Down,
        }),
        (Location::ListItem { .. }, Command::DeleteIfEmpty) => {
            Some(Edit::DeleteListItem { item: node })
        }
        (Location::Section { .. }, Command::Indent) => Some(Edit::IndentSection { section: node }),
        (Location::Section { .. }, Command::Outdent) => {
            Some(Edit::OutdentSection { section: node })
        }
        (Location::Section { .. }, Command::MoveUp) => Some(Edit::MoveSection {
            section: node,
            direction: Direction::Up,
        }),
        (Location::Section { .. }, Command::MoveDown) => Some(Edit::MoveSection {
            section: node,
            direction: Direction::Down,
        }),
        (Location::Section { .. }, Command::NewAfter) => Some(Edit::InsertBlock {
            container: Container::Section(node),
            index: 0,
            kind: BlockKind::Paragraph,
        }),
        (Location::Block { container, index }, Command::NewAfter) => {
            let is_paragraph = matches!(
                find_block(document, container, index),
                Some(Block::Paragraph(_))
            );
            is_paragraph.then_some(Edit::InsertBlock {
                container,
                index: index + 1,
                kind: BlockKind::Paragraph,
            })
        }
        (Location::Block { .. }, Command::MoveUp) => Some(Edit::MoveBlock {
            block: node,
            direction: Direction::Up,
        }),
        (Location::Block { .. }, Command::MoveDown) => Some(Edit::MoveBlock {
            block: node,
            direction: Direction::Down,
        }),
        _ => None,
    }
}

fn find_block(document: &Document, container: Container, index: usize) -> Option<&Block> {
    let mut found = None;
    visit_containers(document, &mut |here, blocks| {
        if here == container {
            found = blocks.get(index);
        }
    });
    found
}

/// Calls `f` with every block container of `document` and its blocks.
fn visit_containers<'d>(document: &'d Document, f: &mut dyn FnMut(Container, &'d [Block])) {
    fn blocks<'d>(
        container: Container,
        list: &'d [Block],
        f: &mut dyn FnMut(Container, &'d [Block]),
    ) {
        f(container, list);
        for block in list {
            match block {
                Block::List(list) => {
                    for item in &list.items {
                        blocks(Container::ListItem(item.id), &item.blocks, f);
                    }
                }
                Block::Assessment(assessment) => {
                    blocks(Container::Assessment(assessment.id), &assessment.blocks, f)
                }
                Block::Paragraph(_) | Block::Figure(_) | Block::Table(_) => {}
            }
        }
    }
    fn sections<'d>(list: &'d [crate::model::Section], f: &mut dyn FnMut(Container, &'d [Block])) {
        for section in list {
            blocks(Container::Section(section.id), &section.blocks, f);
            sections(&section.children, f);
        }
    }
    blocks(Container::Preamble, &document.preamble, f);
    sections(&document.sections, f);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply;
    use crate::template::seed_sample;

    fn press(key: &str) -> KeyPress {
        KeyPress {
            key: key.into(),
            ..KeyPress::default()
        }
    }

    #[test]
    fn letters_deletions_and_pastes_would_change_text_and_moves_would_not() {
        for key in ["a", "Ư", " ", "1", ".", "Backspace", "Delete"] {
            assert!(would_change_text(&press(key)), "{key}");
        }
        let shifted = KeyPress {
            shift: true,
            ..press("A")
        };
        assert!(would_change_text(&shifted));
        let paste = KeyPress {
            ctrl: true,
            ..press("v")
        };
        assert!(would_change_text(&paste));
        for key in ["ArrowLeft", "Home", "End", "Tab", "Shift", "Escape", "F5"] {
            assert!(!would_change_text(&press(key)), "{key}");
        }
        let copy = KeyPress {
            ctrl: true,
            ..press("c")
        };
        assert!(!would_change_text(&copy));
    }

    #[test]
    fn shortcuts_map_to_commands() {
        let ctrl_z = KeyPress {
            ctrl: true,
            ..press("z")
        };
        assert_eq!(command(&ctrl_z, false), Some(Command::Undo));
        assert_eq!(
            command(
                &KeyPress {
                    shift: true,
                    ..ctrl_z.clone()
                },
                false
            ),
            Some(Command::Redo)
        );
        assert_eq!(
            command(
                &KeyPress {
                    meta: true,
                    ..press("y")
                },
                false
            ),
            Some(Command::Redo)
        );
        assert_eq!(
            command(
                &KeyPress {
                    ctrl: true,
                    ..press("o")
                },
                false
            ),
            Some(Command::OpenFile)
        );
        assert_eq!(command(&press("Enter"), false), Some(Command::NewAfter));
        assert_eq!(
            command(
                &KeyPress {
                    shift: true,
                    ..press("Enter")
                },
                false
            ),
            None
        );
        assert_eq!(command(&press("Tab"), false), Some(Command::Indent));
        assert_eq!(
            command(
                &KeyPress {
                    shift: true,
                    ..press("Tab")
                },
                false
            ),
            Some(Command::Outdent)
        );
        assert_eq!(
            command(
                &KeyPress {
                    alt: true,
                    ..press("ArrowUp")
                },
                false
            ),
            Some(Command::MoveUp)
        );
        assert_eq!(command(&press("ArrowUp"), false), None);
        assert_eq!(
            command(&press("Backspace"), true),
            Some(Command::DeleteIfEmpty)
        );
        assert_eq!(command(&press("Backspace"), false), None);
        assert_eq!(command(&press("a"), false), None);
    }

    #[test]
    fn enter_on_a_bullet_adds_the_next_bullet() {
        let sample = seed_sample();
        let Block::List(list) = &sample.sections[0].children[2].blocks[0] else {
            panic!()
        };
        let first = list.items[0].id;
        let edit = edit_for(&sample, first, Command::NewAfter).unwrap();
        let applied = apply(&sample, &edit).unwrap();
        let Block::List(after) = &applied.document.sections[0].children[2].blocks[0] else {
            panic!()
        };
        assert_eq!(after.items.len(), 3);
        assert_eq!(after.items[1].id, applied.created.unwrap());
        assert_eq!(after.items[1].text, "");
    }

    #[test]
    fn tab_on_a_section_indents_it_and_enter_on_a_paragraph_adds_one() {
        let sample = seed_sample();
        let part_two = sample.sections[1].id;
        assert_eq!(
            edit_for(&sample, part_two, Command::Indent),
            Some(Edit::IndentSection { section: part_two })
        );
        let paragraph = sample.preamble[0].id();
        assert_eq!(
            edit_for(&sample, paragraph, Command::NewAfter),
            Some(Edit::InsertBlock {
                container: Container::Preamble,
                index: 1,
                kind: BlockKind::Paragraph
            })
        );
        // Enter on a figure caption means nothing.
        let figure = sample.preamble[1].id();
        assert_eq!(edit_for(&sample, figure, Command::NewAfter), None);
        assert_eq!(edit_for(&sample, 987654, Command::NewAfter), None);
    }
}
