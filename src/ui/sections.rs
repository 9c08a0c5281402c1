//! What the editor and the preview show of the open document, section by
//! section: one signal per section on screen, set only when that section
//! changes, for the editor (`Store::section_view`, the document as it is)
//! and for the preview (`Store::shown_section_view`, the document as it
//! was at the last pause of typing); the node index for lookups by id; the
//! sections still to build while a long report opens (`defer_render`); and
//! focus requests for fields that may not be built yet.

use std::collections::{HashMap, VecDeque};

use leptos::prelude::*;

use crate::edit::SharedDocument;
use crate::index::{NodeIndex, SectionView};
use crate::model::{Block, Document, ListItem, NodeId, Section};
use crate::numbering::OutlineEntry;

use super::store::Store;

/// The DOM id of the editable field of node `id`.
pub fn field_id(id: NodeId) -> String {
    format!("n{id}")
}

/// How many sections (heading and body) are built per frame while a long
/// report opens. A short report (up to this many sections) is built at
/// once; a 300-item report shows its first screen editable at once and the
/// rest over the next frames (docs/performance.md has the measurements).
pub(super) const RENDER_PER_FRAME: usize = 6;

/// The node index of one document version. Two handles are equal only if
/// they are the same index, so every new version notifies its readers.
#[derive(Clone, Debug)]
pub struct IndexHandle(pub(super) std::sync::Arc<NodeIndex>);

impl PartialEq for IndexHandle {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The open document with its index: `find_section`, `find_block` and
/// `find_item` go through the index, everything else reads the document.
pub struct Indexed<'a> {
    document: &'a Document,
    index: &'a NodeIndex,
}

impl<'a> Indexed<'a> {
    pub fn find_section(&self, id: NodeId) -> Option<&'a Section> {
        self.index.section(self.document, id)
    }

    pub fn find_block(&self, id: NodeId) -> Option<&'a Block> {
        self.index.block(self.document, id)
    }

    pub fn find_item(&self, id: NodeId) -> Option<(&'a ListItem, usize)> {
        self.index.item(self.document, id)
    }
}

impl std::ops::Deref for Indexed<'_> {
    type Target = Document;

    fn deref(&self) -> &Document {
        self.document
    }
}

/// One signal per section on screen for one reader: the editor, which
/// shows the document as it is, or the preview, which shows it as it was
/// at the last pause of typing (`Store::shown`).
pub(super) type ViewSet = StoredValue<HashMap<NodeId, RwSignal<Option<SectionView>>>>;

/// The per-section state the store keeps for the views.
pub(super) struct Sections {
    /// One signal per section in the editor (and one for the preamble).
    pub(super) views: ViewSet,
    /// One signal per section on the preview.
    pub(super) shown_views: ViewSet,
    /// The app's reactive owner: section views live as long as the app.
    pub(super) owner: StoredValue<Owner>,
    /// Sections still to build, in document order, and how many more may
    /// be built at once in this frame.
    pub(super) queue: StoredValue<VecDeque<RwSignal<bool>>>,
    pub(super) slots: StoredValue<usize>,
}

impl Sections {
    pub(super) fn new() -> Sections {
        Sections {
            views: StoredValue::new(HashMap::new()),
            shown_views: StoredValue::new(HashMap::new()),
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
            queue: StoredValue::new(VecDeque::new()),
            slots: StoredValue::new(RENDER_PER_FRAME),
        }
    }
}

impl Clone for Sections {
    fn clone(&self) -> Self {
        *self
    }
}

impl Copy for Sections {}

/// Hands every section of `set` its new view when `document` changes.
fn follow(
    set: ViewSet,
    document: RwSignal<Option<SharedDocument>>,
    index: Memo<IndexHandle>,
    numbers: Memo<HashMap<NodeId, OutlineEntry>>,
) {
    Effect::new(move |_| {
        let changed: Vec<(RwSignal<Option<SectionView>>, Option<SectionView>)> =
            index.with(|index| {
                numbers.with(|numbers| {
                    document.with(|document| {
                        set.with_value(|views| {
                            views
                                .iter()
                                .filter_map(|(id, signal)| {
                                    let same = signal.try_with_untracked(|old| {
                                        SectionView::is_current(
                                            old,
                                            document.as_deref(),
                                            &index.0,
                                            numbers,
                                            *id,
                                        )
                                    })?;
                                    if same {
                                        return None;
                                    }
                                    let view = document.as_ref().and_then(|document| {
                                        SectionView::of(document, &index.0, numbers, *id)
                                    });
                                    Some((*signal, view))
                                })
                                .collect()
                        })
                    })
                })
            });
        for (signal, view) in changed {
            signal.try_set(view);
        }
    });
}

impl Store {
    /// The view of section `id` (or of the preamble, `PREAMBLE`) in the
    /// editor, as a signal that changes only when that section does.
    pub fn section_view(&self, id: NodeId) -> RwSignal<Option<SectionView>> {
        self.view_in(
            self.sections.views,
            self.document,
            self.index,
            self.numbers,
            id,
        )
    }

    /// The view of section `id` on the preview: the section as it was at
    /// the last pause of typing (`Store::shown`).
    pub fn shown_section_view(&self, id: NodeId) -> RwSignal<Option<SectionView>> {
        self.view_in(
            self.sections.shown_views,
            self.shown,
            self.shown_index,
            self.shown_numbers,
            id,
        )
    }

    fn view_in(
        &self,
        set: ViewSet,
        document: RwSignal<Option<SharedDocument>>,
        index: Memo<IndexHandle>,
        numbers: Memo<HashMap<NodeId, OutlineEntry>>,
        id: NodeId,
    ) -> RwSignal<Option<SectionView>> {
        if let Some(signal) = set.with_value(|views| views.get(&id).copied()) {
            return signal;
        }
        let current = index.with_untracked(|index| {
            numbers.with_untracked(|numbers| {
                document.with_untracked(|document| {
                    document
                        .as_ref()
                        .and_then(|document| SectionView::of(document, &index.0, numbers, id))
                })
            })
        });
        let signal = self
            .sections
            .owner
            .with_value(|owner| owner.with(|| RwSignal::new(current)));
        set.update_value(|views| {
            views.insert(id, signal);
        });
        signal
    }

    /// After a change of the document, hands every section on screen its
    /// new view, if it changed: in the editor, and on the preview when
    /// the preview catches up. One effect per reader is the document's
    /// subscriber on behalf of all its sections.
    pub(super) fn follow_sections(&self) {
        follow(self.sections.views, self.document, self.index, self.numbers);
        follow(
            self.sections.shown_views,
            self.shown,
            self.shown_index,
            self.shown_numbers,
        );
    }

    /// Lets a section be built now if this frame has room, or queues it for
    /// a later frame, in document order. Sections added while editing find
    /// room at once.
    pub fn defer_render(&self, ready: RwSignal<bool>) {
        let sections = self.sections;
        let queued = sections.queue.with_value(|queue| !queue.is_empty());
        if !queued && sections.slots.get_value() > 0 {
            sections.slots.update_value(|slots| *slots -= 1);
            ready.set(true);
            if sections.slots.get_value() == RENDER_PER_FRAME - 1 {
                self.schedule_render_frame(true);
            }
            return;
        }
        sections.queue.update_value(|queue| queue.push_back(ready));
    }

    /// Builds every queued section at once, for a focus or scroll request
    /// that cannot wait for the frames to come.
    pub fn build_queued_now(&self) {
        let queued: Vec<RwSignal<bool>> = self
            .sections
            .queue
            .try_update_value(|queue| queue.drain(..).collect())
            .unwrap_or_default();
        for ready in queued {
            ready.try_set(true);
        }
    }

    /// At the next frame: builds the next queued sections and gives the
    /// frame after that its slots back. The first frame of a run waits for
    /// the paint of the sections built at once.
    fn schedule_render_frame(&self, first: bool) {
        let store = *self;
        let build = move || {
            let sections = store.sections;
            let mut batch = Vec::new();
            sections.queue.update_value(|queue| {
                for _ in 0..RENDER_PER_FRAME {
                    match queue.pop_front() {
                        Some(ready) => batch.push(ready),
                        None => break,
                    }
                }
            });
            let more = sections.queue.with_value(|queue| !queue.is_empty());
            for ready in batch.iter() {
                ready.try_set(true);
            }
            if more || !batch.is_empty() {
                sections.slots.set_value(0);
                store.schedule_render_frame(false);
            } else {
                sections.slots.set_value(RENDER_PER_FRAME);
            }
        };
        if first {
            super::after_next_paint(build);
        } else {
            request_animation_frame(build);
        }
    }

    /// Reads the open document through its index (tracked, for memos).
    pub fn indexed<T>(&self, f: impl FnOnce(Option<&Indexed<'_>>) -> T) -> T {
        self.index.with(|index| {
            self.document.with(|document| match document {
                Some(document) => f(Some(&Indexed {
                    document,
                    index: &index.0,
                })),
                None => f(None),
            })
        })
    }

    /// Moves focus to the field of node `id` as soon as it is on the page.
    ///
    /// Leptos renders on the microtask queue, and every key press is a task
    /// of its own, so focusing within the microtasks that follow the edit
    /// guarantees that the next key typed lands in the new field. An
    /// animation frame is the fallback.
    pub fn focus(&self, id: NodeId) {
        self.focus_element(field_id(id));
    }

    /// Focuses the element with id `element` once it exists; see `focus`.
    pub fn focus_element(&self, element: String) {
        self.focus_element_with(element, crate::platform::dom::focus);
    }

    /// Focuses the element with id `element` with its text selected, once
    /// it exists; see `focus`.
    pub fn focus_element_selected(&self, element: String) {
        self.focus_element_with(element, crate::platform::dom::focus_selected);
    }

    fn focus_element_with(&self, element: String, focus: fn(&str) -> bool) {
        async fn focus_soon(element: &str, focus: fn(&str) -> bool) -> bool {
            for _ in 0..8 {
                leptos::task::tick().await;
                if focus(element) {
                    return true;
                }
            }
            false
        }
        let store = *self;
        leptos::task::spawn_local(async move {
            if focus_soon(&element, focus).await {
                return;
            }
            // The field may be in a section not built yet: build the rest
            // now, then focus.
            store.build_queued_now();
            if focus_soon(&element, focus).await {
                return;
            }
            // The field may be in a part of the app still downloading
            // (the table editor, `lazy`): it is looked for a while longer,
            // unless the user has moved the focus meanwhile.
            let focused = crate::platform::dom::focused_id();
            request_animation_frame(move || {
                focus_later(element, focus, focused, FOCUS_RETRY_FRAMES);
            });
        });
    }
}

/// How many more frames a field not yet on the page is looked for (about
/// 3 s: a part of the app on a slow connection). Each look is before the
/// frame's paint, so the field is focused when it is first seen.
const FOCUS_RETRY_FRAMES: u32 = 180;

/// Focuses `element` once it exists, looking again at each of the next
/// `frames` frames, while the focus stays where it was (`focused`) when
/// the request was made.
fn focus_later(element: String, focus: fn(&str) -> bool, focused: Option<String>, frames: u32) {
    if crate::platform::dom::focused_id() != focused || focus(&element) || frames == 0 {
        return;
    }
    request_animation_frame(move || focus_later(element, focus, focused, frames - 1));
}
