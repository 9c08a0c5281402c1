//! The interface's state: the open draft with its undo history and saving,
//! the draft library, the language, messages and focus requests. Components
//! get the `Store` from context, read its signals and call its methods; they
//! never change a document or touch storage themselves.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::index::{NodeIndex, SectionView};

use crate::edit::{Edit, EditError, History, SharedDocument};
use crate::i18n::{t, Lang, Msg};
use crate::model::{Document, NodeId};
use crate::numbering::{outline, OutlineEntry};
use crate::persist::library::{self, LibraryError, StoreError, StoredParts};
use crate::persist::{keys, periodic_snapshot_due, DraftMeta, Envelope, Snapshot, SnapshotReason};
use crate::platform::storage::{self, BrowserStorage};
use crate::platform::{clock, dom, files, locks, page};
use crate::template::Template;
use crate::transfer::{read_file, ImportError, Incoming};

/// Autosave waits this long after the last edit.
pub const SAVE_DEBOUNCE_MS: u64 = 300;

/// The DOM id of the editable field of node `id`.
pub fn field_id(id: NodeId) -> String {
    format!("n{id}")
}

/// Where saving stands, for the status in the toolbar.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SaveStatus {
    Idle,
    Pending,
    /// Saved at this time (ms since 1970).
    Saved(f64),
    Failed,
}

/// A storage problem that stays on screen until it is solved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageProblem {
    Full,
    Unavailable,
    Other,
}

/// The text formats a draft can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Docx,
    Html,
    Markdown,
    Text,
}

/// Shared state, cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct Store {
    history: RwSignal<Option<History>>,
    /// The open draft as loaded (its library details and any unknown fields,
    /// which are written back unchanged). Its document is the one opened:
    /// saves and exports pass the current one from `document` beside it.
    envelope: StoredValue<Option<Envelope>, LocalStorage>,
    /// What storage holds of the open draft's parts, so that a save writes
    /// only the parts that changed.
    stored_parts: StoredValue<StoredParts>,
    lock: StoredValue<Option<locks::LockHandle>, LocalStorage>,
    save_generation: StoredValue<u64>,
    /// The change count (`save_generation`) at which the open draft was last
    /// safe outside local storage: when it was opened (from storage, a file
    /// or an outline) or last downloaded as a file.
    safe_generation: StoredValue<u64>,
    /// When the open draft's newest local version was taken, so that an
    /// autosave need not read (and parse) the versions to know whether a
    /// periodic one is due.
    last_snapshot_ms: StoredValue<f64>,
    /// The open draft's "on open" version while it is still to be written:
    /// draft id, the document as opened, and when it was opened.
    pending_open_snapshot: StoredValue<Option<(String, Document, f64)>>,
    pub lang: RwSignal<Lang>,
    /// The open document, if any.
    pub document: Memo<Option<SharedDocument>>,
    /// The open draft's library details.
    pub open_meta: RwSignal<Option<DraftMeta>>,
    /// Every section with its computed number, by id.
    pub numbers: Memo<HashMap<NodeId, OutlineEntry>>,
    /// The ids of the parts (I., II., …) in order, which the editor and the
    /// preview list.
    pub part_ids: Memo<Vec<NodeId>>,
    /// Where each node of the open document is, for lookups by id.
    pub index: Memo<IndexHandle>,
    /// One signal per section on screen (and one for the preamble, under
    /// `PREAMBLE`), set only when that section's own content or number
    /// changes. See `section_view`.
    sections: StoredValue<HashMap<NodeId, RwSignal<Option<SectionView>>>>,
    /// The app's reactive owner: section views live as long as the app, not
    /// as long as the editor that first asked for them (two editors of the
    /// same section can exist for a moment while a list is re-keyed).
    owner: StoredValue<Owner>,
    /// Sections still to build, in document order, and how many more
    /// may be built at once in this frame (see `defer_render`).
    render_queue: StoredValue<std::collections::VecDeque<RwSignal<bool>>>,
    render_slots: StoredValue<usize>,
    pub outline: Memo<Vec<OutlineEntry>>,
    /// The section the outline panel acts on.
    pub selected: RwSignal<Option<NodeId>>,
    /// A short message for the user, shown in the status line.
    pub message: RwSignal<Option<String>>,
    pub can_undo: Memo<bool>,
    pub can_redo: Memo<bool>,
    pub save_status: RwSignal<SaveStatus>,
    pub storage_problem: RwSignal<Option<StorageProblem>>,
    /// True while another tab holds this draft.
    pub read_only: RwSignal<bool>,
    /// True when another tab took this draft over from this one.
    pub read_only_taken: RwSignal<bool>,
    pub library: RwSignal<Vec<DraftMeta>>,
    /// Stored entries that could not be read, kept aside: (key, text).
    pub set_aside: RwSignal<Vec<(String, String)>>,
    /// The browser's estimate of (usage, quota) in bytes.
    pub estimate: RwSignal<Option<(f64, f64)>>,
    pub versions_open: RwSignal<bool>,
    pub check_open: RwSignal<bool>,
    /// A checked file waiting for the user to confirm the import.
    pub incoming: RwSignal<Option<Incoming>>,
    /// Why the last file could not be imported.
    pub import_error: RwSignal<Option<String>>,
    /// Outlines imported from template files, kept in storage.
    pub user_templates: RwSignal<Vec<Template>>,
}

/// Storage keys of imported templates.
const TEMPLATE_PREFIX: &str = "baocao.template.";

fn problem_of(error: &LibraryError) -> StorageProblem {
    match error {
        LibraryError::Store(StoreError::QuotaExceeded) => StorageProblem::Full,
        LibraryError::Store(StoreError::Unavailable) => StorageProblem::Unavailable,
        _ => StorageProblem::Other,
    }
}

/// How many sections (heading and body) are built per frame while a long
/// report opens. A short report (up to this many sections) is built at
/// once; a 300-item report shows its first screen editable at once and the
/// rest over the next frames, instead of building 3,000 fields before the
/// first paint. Six sections fill more than the first screen; twelve made
/// the first paint of the 300-item report about 50 ms later. Building only
/// the bodies this way and every heading at once cost about 100 ms more of
/// the first task than building whole sections.
const RENDER_PER_FRAME: usize = 6;

/// How long after opening a draft its "on open" version is written, unless
/// something needs it sooner (see `write_open_snapshot`). Reading and
/// rewriting the versions (up to 1.5 MB) while a 300-item report is still
/// being built on screen made the first editable screen later; the whole
/// report takes 2.0–2.4 s to build in the benchmark.
const OPEN_SNAPSHOT_DELAY: std::time::Duration = std::time::Duration::from_secs(3);

/// The node index of one document version. Two handles are equal only if
/// they are the same index, so every new version notifies its readers.
#[derive(Clone, Debug)]
pub struct IndexHandle(std::sync::Arc<NodeIndex>);

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
    pub fn find_section(&self, id: NodeId) -> Option<&'a crate::model::Section> {
        self.index.section(self.document, id)
    }

    pub fn find_block(&self, id: NodeId) -> Option<&'a crate::model::Block> {
        self.index.block(self.document, id)
    }

    pub fn find_item(&self, id: NodeId) -> Option<(&'a crate::model::ListItem, usize)> {
        self.index.item(self.document, id)
    }
}

impl std::ops::Deref for Indexed<'_> {
    type Target = Document;

    fn deref(&self) -> &Document {
        self.document
    }
}

impl Store {
    /// The view of section `id` (or of the preamble, `PREAMBLE`) as a
    /// signal that changes only when that section does.
    pub fn section_view(&self, id: NodeId) -> RwSignal<Option<SectionView>> {
        if let Some(signal) = self
            .sections
            .with_value(|sections| sections.get(&id).copied())
        {
            return signal;
        }
        let current = self.index.with_untracked(|index| {
            self.numbers.with_untracked(|numbers| {
                self.document.with_untracked(|document| {
                    document
                        .as_ref()
                        .and_then(|document| SectionView::of(document, &index.0, numbers, id))
                })
            })
        });
        let signal = self
            .owner
            .with_value(|owner| owner.with(|| RwSignal::new(current)));
        self.sections.update_value(|sections| {
            sections.insert(id, signal);
        });
        signal
    }

    /// Lets a section be built now if this frame has room, or queues
    /// it for a later frame, in document order. Sections added while
    /// editing find room at once.
    pub fn defer_render(&self, ready: RwSignal<bool>) {
        let queued = self.render_queue.with_value(|queue| !queue.is_empty());
        if !queued && self.render_slots.get_value() > 0 {
            self.render_slots.update_value(|slots| *slots -= 1);
            ready.set(true);
            if self.render_slots.get_value() == RENDER_PER_FRAME - 1 {
                self.schedule_render_frame(true);
            }
            return;
        }
        self.render_queue
            .update_value(|queue| queue.push_back(ready));
    }

    /// Builds every queued section at once, for a focus or scroll request
    /// that cannot wait for the frames to come.
    pub fn build_queued_now(&self) {
        let queued: Vec<RwSignal<bool>> = self
            .render_queue
            .try_update_value(|queue| queue.drain(..).collect())
            .unwrap_or_default();
        for ready in queued {
            ready.try_set(true);
        }
    }

    /// At the next frame: build the next six queued sections and give the
    /// frame after that its slots back.
    /// The first frame of a run waits for the paint of the sections built
    /// at once, so that a draft's first screen shows without waiting for
    /// the next six.
    fn schedule_render_frame(&self, first: bool) {
        let store = *self;
        let build = move || {
            let mut batch = Vec::new();
            store.render_queue.update_value(|queue| {
                for _ in 0..RENDER_PER_FRAME {
                    match queue.pop_front() {
                        Some(ready) => batch.push(ready),
                        None => break,
                    }
                }
            });
            let more = store.render_queue.with_value(|queue| !queue.is_empty());
            for ready in batch.iter() {
                ready.try_set(true);
            }
            if more || !batch.is_empty() {
                store.render_slots.set_value(0);
                store.schedule_render_frame(false);
            } else {
                store.render_slots.set_value(RENDER_PER_FRAME);
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

    /// Creates the store: reads the language and the library, empties
    /// thirty-day-old trash, and reopens the draft that was open last.
    pub fn new() -> Store {
        let lang = storage::get::<String>(keys::LANG)
            .ok()
            .flatten()
            .map(|tag| Lang::from_tag(&tag))
            .unwrap_or_default();
        let history = RwSignal::new(None::<History>);
        let document =
            Memo::new(move |_| history.with(|history| history.as_ref().map(History::shared)));
        let outline = Memo::new(move |_| {
            document.with(|document| document.as_deref().map(outline).unwrap_or_default())
        });
        // The index depends on the document's shape only, so typing (which
        // keeps the shape) does not rebuild it.
        let shape = Memo::new(move |_| {
            document.with(|document| document.as_ref().map(SharedDocument::shape))
        });
        let index = Memo::new(move |_| {
            // Read, not only tracked: a memo never read is never computed,
            // and then never hears of the document's changes.
            let _shape = shape.get();
            IndexHandle(std::sync::Arc::new(document.with_untracked(|document| {
                document.as_deref().map(NodeIndex::new).unwrap_or_default()
            })))
        });
        let numbers = Memo::new(move |_| {
            outline.with(|entries| {
                entries
                    .iter()
                    .map(|entry| (entry.id, entry.clone()))
                    .collect()
            })
        });
        let part_ids = Memo::new(move |_| {
            document.with(|document| {
                document
                    .as_deref()
                    .map(|document| document.sections.iter().map(|part| part.id).collect())
                    .unwrap_or_default()
            })
        });
        let store = Store {
            index,
            part_ids,
            sections: StoredValue::new(HashMap::new()),
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
            render_queue: StoredValue::new(std::collections::VecDeque::new()),
            render_slots: StoredValue::new(RENDER_PER_FRAME),
            history,
            envelope: StoredValue::new_local(None),
            stored_parts: StoredValue::new(StoredParts::default()),
            lock: StoredValue::new_local(None),
            save_generation: StoredValue::new(0),
            safe_generation: StoredValue::new(0),
            last_snapshot_ms: StoredValue::new(0.0),
            pending_open_snapshot: StoredValue::new(None),
            lang: RwSignal::new(lang),
            document,
            open_meta: RwSignal::new(None),
            numbers,
            outline,
            selected: RwSignal::new(None),
            message: RwSignal::new(None),
            can_undo: Memo::new(move |_| {
                history.with(|h| h.as_ref().is_some_and(History::can_undo))
            }),
            can_redo: Memo::new(move |_| {
                history.with(|h| h.as_ref().is_some_and(History::can_redo))
            }),
            save_status: RwSignal::new(SaveStatus::Idle),
            storage_problem: RwSignal::new(None),
            read_only: RwSignal::new(false),
            read_only_taken: RwSignal::new(false),
            library: RwSignal::new(Vec::new()),
            set_aside: RwSignal::new(Vec::new()),
            estimate: RwSignal::new(None),
            versions_open: RwSignal::new(false),
            check_open: RwSignal::new(false),
            incoming: RwSignal::new(None),
            import_error: RwSignal::new(None),
            user_templates: RwSignal::new(Vec::new()),
        };
        // After each change of the document, hand every section on screen
        // its new view, if it changed. This effect is the document's one
        // subscriber on behalf of all sections: with one per section, each
        // keystroke marked and re-checked thousands of reactive nodes.
        Effect::new(move |_| {
            let changed: Vec<(RwSignal<Option<SectionView>>, Option<SectionView>)> =
                store.index.with(|index| {
                    store.numbers.with(|numbers| {
                        store.document.with(|document| {
                            store.sections.with_value(|sections| {
                                sections
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
        if !storage::is_available() {
            store.storage_problem.set(Some(StorageProblem::Unavailable));
        }
        library::purge_expired(&mut BrowserStorage, clock::epoch_ms());
        store.refresh_library();
        if let Some(id) = storage::get::<String>(keys::CURRENT).ok().flatten() {
            store.open_stored(&id);
        }
        store
    }

    /// The text of `msg` in the current language.
    pub fn t(&self, msg: Msg) -> &'static str {
        t(self.lang.get(), msg)
    }

    fn say(&self, msg: Msg) {
        self.message
            .set(Some(t(self.lang.get_untracked(), msg).to_owned()));
    }

    /// Reads the library from storage again.
    pub fn refresh_library(&self) {
        let (drafts, _unreadable) = library::list(&mut BrowserStorage);
        self.library.set(drafts);
        self.set_aside
            .set(library::set_aside_entries(&BrowserStorage));
        let templates = storage::keys()
            .into_iter()
            .filter(|key| key.starts_with(TEMPLATE_PREFIX))
            .filter_map(|key| storage::get_raw(&key).ok().flatten())
            .filter_map(|text| crate::template::parse(&text).ok())
            .collect();
        self.user_templates.set(templates);
        let estimate = self.estimate;
        page::storage_persist_and_estimate(move |usage, quota| estimate.set(Some((usage, quota))));
    }

    /// Bytes the app's keys take in local storage, and the whole site's
    /// (the app's and any other app's on the same origin).
    pub fn storage_usage(&self) -> storage::Usage {
        storage::usage_bytes("baocao.")
    }

    /// Starts a new draft from `document`. If it cannot be stored, it is
    /// still opened, in memory, with the problem on screen.
    pub fn open_new(&self, document: Document) {
        if !self.may_put_away_open_draft() {
            return;
        }
        let now = clock::epoch_ms();
        match library::create_with_parts(&mut BrowserStorage, document.clone(), now) {
            Ok((envelope, stored)) => self.open_envelope(envelope, stored),
            Err(error) => {
                self.storage_problem.set(Some(problem_of(&error)));
                let id = library::new_id(&BrowserStorage, now);
                self.open_envelope(Envelope::new(&id, document, now), StoredParts::default());
                self.save_status.set(SaveStatus::Failed);
            }
        }
    }

    /// Opens stored draft `id`; says so when it cannot be read.
    pub fn open_stored(&self, id: &str) {
        match library::load_with_parts(&mut BrowserStorage, id) {
            Ok((envelope, stored)) => self.open_envelope(envelope, stored),
            Err(LibraryError::Unreadable { .. }) => {
                let _ = storage::remove(keys::CURRENT);
                self.say(Msg::DraftUnreadable);
                self.refresh_library();
            }
            Err(LibraryError::Missing(_)) => {
                let _ = storage::remove(keys::CURRENT);
            }
            Err(error) => {
                self.storage_problem.set(Some(problem_of(&error)));
            }
        }
    }

    fn open_envelope(&self, envelope: Envelope, stored: StoredParts) {
        self.close_quietly();
        self.stored_parts.set_value(stored);
        let id = envelope.meta.id.clone();
        let _ = storage::set(keys::CURRENT, &id);
        let now = clock::epoch_ms();
        // The version "on open" is of the document as opened, written once
        // the report has been built on screen, or sooner when needed.
        self.pending_open_snapshot
            .set_value(Some((id.clone(), envelope.document.clone(), now)));
        let store = *self;
        set_timeout(move || store.write_open_snapshot(), OPEN_SNAPSHOT_DELAY);
        self.last_snapshot_ms.set_value(now);
        self.history
            .set(Some(History::new(envelope.document.clone())));
        self.open_meta.set(Some(envelope.meta.clone()));
        self.envelope.set_value(Some(envelope));
        self.selected.set(None);
        self.message.set(None);
        self.save_status.set(SaveStatus::Idle);
        self.safe_generation
            .set_value(self.save_generation.get_value());
        self.read_only.set(false);
        self.read_only_taken.set(false);
        self.acquire_lock(&id, false);
    }

    /// Asks for this draft's lock; without it the tab is read-only.
    fn acquire_lock(&self, id: &str, steal: bool) {
        let store = *self;
        let handle = locks::request(
            &format!("baocao-draft-{id}"),
            steal,
            move |held| {
                // The read-only banner says why; no second message needed.
                store.read_only.set(!held);
                if held && steal {
                    store.reload_from_storage();
                    store.message.set(None);
                }
            },
            move || {
                store.read_only.set(true);
                store.read_only_taken.set(true);
            },
        );
        self.lock.set_value(Some(handle));
    }

    /// Takes this draft over from the tab that has it open.
    pub fn take_over(&self) {
        if let Some(id) = self.open_meta.get_untracked().map(|meta| meta.id) {
            self.lock.update_value(|lock| {
                if let Some(lock) = lock.take() {
                    lock.release();
                }
            });
            self.acquire_lock(&id, true);
        }
    }

    /// Shows the stored version of the open draft (another tab saved it).
    fn reload_from_storage(&self) {
        let Some(id) = self.open_meta.get_untracked().map(|meta| meta.id) else {
            return;
        };
        if let Ok((envelope, stored)) = library::load_with_parts(&mut BrowserStorage, &id) {
            self.stored_parts.set_value(stored);
            self.history
                .set(Some(History::new(envelope.document.clone())));
            self.open_meta.set(Some(envelope.meta.clone()));
            self.envelope.set_value(Some(envelope));
        }
    }

    /// Reacts to another tab writing to storage: the library follows, and a
    /// read-only view of a draft follows its editing tab.
    pub fn on_storage_changed(&self, key: Option<String>) {
        let Some(key) = key else {
            self.refresh_library();
            return;
        };
        if !key.starts_with("baocao.") {
            return;
        }
        if self.document.with_untracked(Option::is_none) {
            self.refresh_library();
        }
        let open_id = self.open_meta.get_untracked().map(|meta| meta.id);
        if self.read_only.get_untracked() && open_id.is_some_and(|id| key == keys::draft(&id)) {
            self.reload_from_storage();
        }
    }

    /// Writes the open draft's "on open" version if it is still to be
    /// written. Called after a delay, and before anything that changes the
    /// document, lists the versions or closes the draft, so the version is
    /// always of the document as opened.
    fn write_open_snapshot(&self) {
        let mut pending = None;
        self.pending_open_snapshot
            .update_value(|value| pending = value.take());
        if let Some((id, document, opened_ms)) = pending {
            let _ = library::take_snapshot(
                &mut BrowserStorage,
                &id,
                &document,
                SnapshotReason::Opened,
                opened_ms,
            );
        }
    }

    fn close_quietly(&self) {
        self.write_open_snapshot();
        self.flush();
        self.lock.update_value(|lock| {
            if let Some(lock) = lock.take() {
                lock.release();
            }
        });
        self.history.set(None);
        self.open_meta.set(None);
        self.envelope.set_value(None);
        self.selected.set(None);
        self.versions_open.set(false);
        self.check_open.set(false);
    }

    /// Tells whether the open draft has changes that are neither in local
    /// storage (the last save failed: storage full, blocked or throwing)
    /// nor in a downloaded file, so that closing it or the page loses them.
    pub fn work_at_risk(&self) -> bool {
        self.history.with_untracked(Option::is_some)
            && self.save_status.get_untracked() == SaveStatus::Failed
            && self.safe_generation.get_value() != self.save_generation.get_value()
    }

    /// Tries once more to save changes not yet in storage, then tells
    /// whether leaving the page now would lose any.
    pub fn leaving_loses_work(&self) -> bool {
        if matches!(
            self.save_status.get_untracked(),
            SaveStatus::Pending | SaveStatus::Failed
        ) {
            self.save_now();
        }
        self.work_at_risk()
    }

    /// Before the open draft is put away: true when nothing would be lost,
    /// or when the user, asked, chooses to drop the unsaved changes.
    fn may_put_away_open_draft(&self) -> bool {
        !self.leaving_loses_work() || dom::confirm(self.t(Msg::ConfirmDropUnsaved))
    }

    /// Closes the open draft (saving it first); it stays in the library.
    /// Changes that could not be saved are not dropped without asking.
    pub fn close(&self) {
        if !self.may_put_away_open_draft() {
            return;
        }
        self.close_quietly();
        let _ = storage::remove(keys::CURRENT);
        self.read_only.set(false);
        self.refresh_library();
    }

    /// Applies `edit`; on success focuses what it created and schedules a
    /// save, on failure says why.
    pub fn dispatch(&self, edit: Edit) -> Option<NodeId> {
        if self.read_only.get_untracked() {
            self.say(Msg::ReadOnlyEdit);
            return None;
        }
        self.write_open_snapshot();
        let now = clock::now_ms();
        let mut outcome = None;
        self.history.update(|history| {
            if let Some(history) = history {
                outcome = Some(history.apply(&edit, now));
            }
        });
        match outcome {
            Some(Ok(created)) => {
                if self.message.get_untracked().is_some() {
                    self.message.set(None);
                }
                self.schedule_save();
                if let Some(id) = created {
                    self.focus(id);
                }
                created
            }
            Some(Err(error)) => {
                self.say(edit_error_message(&error));
                None
            }
            None => None,
        }
    }

    pub fn undo(&self) {
        if self.read_only.get_untracked() {
            return;
        }
        let mut changed = false;
        self.history
            .update(|history| changed = history.as_mut().is_some_and(History::undo));
        if changed {
            self.schedule_save();
        }
    }

    pub fn redo(&self) {
        if self.read_only.get_untracked() {
            return;
        }
        let mut changed = false;
        self.history
            .update(|history| changed = history.as_mut().is_some_and(History::redo));
        if changed {
            self.schedule_save();
        }
    }

    /// Saves about `SAVE_DEBOUNCE_MS` after the last change.
    fn schedule_save(&self) {
        self.save_status.set(SaveStatus::Pending);
        self.save_generation
            .update_value(|generation| *generation += 1);
        let generation = self.save_generation.get_value();
        let store = *self;
        set_timeout(
            move || {
                if store.save_generation.get_value() == generation {
                    store.save_now();
                }
            },
            std::time::Duration::from_millis(SAVE_DEBOUNCE_MS),
        );
    }

    /// Saves at once if a save is waiting (the page is being hidden or left).
    pub fn flush(&self) {
        if self.save_status.get_untracked() == SaveStatus::Pending {
            self.save_now();
        }
    }

    /// Writes the open draft, reads it back, and reports the outcome.
    pub fn save_now(&self) {
        clock::measure("baocao-autosave", || self.save_now_unmeasured());
    }

    fn save_now_unmeasured(&self) {
        if self.read_only.get_untracked() {
            return;
        }
        let now = clock::epoch_ms();
        let mut outcome = None;
        // The current document is read in place: copying it would cost more
        // than a frame's worth of a long report at every pause.
        self.document.with_untracked(|document| {
            let Some(document) = document else {
                return;
            };
            self.envelope.update_value(|envelope| {
                if let Some(envelope) = envelope {
                    self.stored_parts.update_value(|stored| {
                        outcome = Some(
                            library::save_document(
                                &mut BrowserStorage,
                                envelope,
                                document,
                                stored,
                                now,
                            )
                            .map(|()| envelope.meta.clone()),
                        );
                    });
                }
            });
        });
        match outcome {
            Some(Ok(meta)) => {
                self.open_meta.set(Some(meta.clone()));
                self.save_status.set(SaveStatus::Saved(now));
                if self.storage_problem.get_untracked().is_some() && storage::is_available() {
                    self.storage_problem.set(None);
                }
                if periodic_snapshot_due(Some(self.last_snapshot_ms.get_value()), now) {
                    self.document.with_untracked(|document| {
                        if let Some(document) = document {
                            let _ = library::take_snapshot(
                                &mut BrowserStorage,
                                &meta.id,
                                document,
                                SnapshotReason::Periodic,
                                now,
                            );
                        }
                    });
                    self.last_snapshot_ms.set_value(now);
                }
            }
            Some(Err(error)) => {
                self.save_status.set(SaveStatus::Failed);
                self.storage_problem.set(Some(problem_of(&error)));
            }
            None => {}
        }
    }

    /// Downloads the open draft as a JSON file, which any copy of the app can
    /// open; records the backup when storage allows.
    pub fn download_draft(&self) {
        clock::measure("baocao-export-json", || self.download_draft_unmeasured());
    }

    fn download_draft_unmeasured(&self) {
        let now = clock::epoch_ms();
        let mut text = String::new();
        let mut name = String::new();
        self.document.with_untracked(|document| {
            let Some(document) = document else {
                return;
            };
            self.envelope.update_value(|envelope| {
                if let Some(envelope) = envelope {
                    envelope.meta.exported_ms = Some(now);
                    name = crate::persist::file_name(&document.title, &clock::local_date_iso(now));
                    text = envelope.to_json_with(document);
                }
            });
        });
        if !text.is_empty() && files::download_text(&name, "application/json", &text) {
            self.safe_generation
                .set_value(self.save_generation.get_value());
            if let Some(id) = self.open_meta.get_untracked().map(|meta| meta.id) {
                if let Ok(envelope) = library::mark_exported(&mut BrowserStorage, &id, now) {
                    self.open_meta.set(Some(envelope.meta));
                }
            }
        }
    }

    /// Downloads the open draft as HTML, Markdown or plain text.
    pub fn export(&self, format: ExportFormat) {
        let name = match format {
            ExportFormat::Docx => "baocao-export-docx",
            ExportFormat::Html => "baocao-export-html",
            ExportFormat::Markdown => "baocao-export-markdown",
            ExportFormat::Text => "baocao-export-text",
        };
        clock::measure(name, || self.export_unmeasured(format));
    }

    fn export_unmeasured(&self, format: ExportFormat) {
        let Some(document) = self.document.get_untracked() else {
            return;
        };
        let now = clock::epoch_ms();
        let base = crate::persist::file_name(&document.title, &clock::local_date_iso(now));
        let base = base.trim_end_matches(".baocao.json");
        let (text, extension, mime) = match format {
            ExportFormat::Html => {
                let document = Document::clone(&document);
                let mut envelope = self
                    .envelope
                    .get_value()
                    .unwrap_or_else(|| Envelope::new("", document.clone(), now));
                envelope.document = document;
                (crate::export::html(&mut envelope), "html", "text/html")
            }
            ExportFormat::Markdown => (crate::export::markdown(&document), "md", "text/markdown"),
            ExportFormat::Text => (crate::export::plain_text(&document), "txt", "text/plain"),
            ExportFormat::Docx => {
                let bytes = crate::docx::docx(&document);
                let mime =
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
                files::download_bytes(&format!("{base}.docx"), mime, &bytes);
                return;
            }
        };
        files::download_text(
            &format!("{base}.{extension}"),
            &format!("{mime};charset=utf-8"),
            &text,
        );
    }

    /// Downloads an entry that could not be read, as it was stored.
    pub fn download_set_aside(&self, key: &str, text: &str) {
        let name = format!("{}.khong-doc-duoc.json", key.trim_start_matches("baocao."));
        files::download_text(&name, "application/json", text);
    }

    /// The local versions of the open draft, newest first.
    pub fn versions(&self) -> Vec<Snapshot> {
        self.write_open_snapshot();
        let Some(id) = self.open_meta.get().map(|meta| meta.id) else {
            return Vec::new();
        };
        let mut list = library::snapshots(&BrowserStorage, &id);
        list.reverse();
        list
    }

    /// Brings back a local version; the current text is kept as a version
    /// first, and the restore itself can be undone.
    pub fn restore_version(&self, snapshot: Snapshot) {
        if self.read_only.get_untracked() {
            self.say(Msg::ReadOnlyEdit);
            return;
        }
        self.write_open_snapshot();
        let (Some(id), Some(current)) = (
            self.open_meta.get_untracked().map(|m| m.id),
            self.document.get_untracked(),
        ) else {
            return;
        };
        let _ = library::take_snapshot(
            &mut BrowserStorage,
            &id,
            &current,
            SnapshotReason::BeforeRestore,
            clock::epoch_ms(),
        );
        self.history.update(|history| {
            if let Some(history) = history {
                history.replace(snapshot.document);
            }
        });
        self.schedule_save();
        self.say(Msg::VersionRestored);
    }

    /// Checks a file's bytes and shows what it would bring in, or why not.
    pub fn import_bytes(&self, bytes: &[u8]) {
        match clock::measure("baocao-import", || read_file(bytes)) {
            Ok(incoming) => {
                self.import_error.set(None);
                self.incoming.set(Some(incoming));
            }
            Err(error) => self.show_import_error(&error),
        }
    }

    /// Checks pasted text and shows what it would bring in, or why not.
    pub fn import_pasted(&self, text: &str) {
        match crate::transfer::read_pasted(text) {
            Ok(incoming) => {
                self.import_error.set(None);
                self.incoming.set(Some(incoming));
            }
            Err(error) => self.show_import_error(&error),
        }
    }

    pub fn show_import_error(&self, error: &ImportError) {
        self.incoming.set(None);
        self.import_error
            .set(Some(crate::i18n::describe_import_error(
                self.lang.get_untracked(),
                error,
            )));
    }

    /// Brings the confirmed file in: as a new draft, in place of the open
    /// draft (after a snapshot, undoably), or as a template in the list.
    pub fn accept_import(&self, replace: bool) {
        let Some(incoming) = self.incoming.get_untracked() else {
            return;
        };
        self.incoming.set(None);
        if let Some(template) = incoming.template.filter(|_| !replace) {
            let text = serde_json::to_string(&template).unwrap_or_default();
            match storage::set_raw(&format!("{TEMPLATE_PREFIX}{}", template.id), &text) {
                Ok(()) => self.say(Msg::ImportedTemplate),
                Err(_) => self.storage_problem.set(Some(StorageProblem::Full)),
            }
            self.refresh_library();
            return;
        }
        let open = self.open_meta.get_untracked().map(|meta| meta.id);
        match (replace, open, self.document.get_untracked()) {
            (true, Some(id), Some(current)) if !self.read_only.get_untracked() => {
                self.write_open_snapshot();
                let now = clock::epoch_ms();
                let _ = library::take_snapshot(
                    &mut BrowserStorage,
                    &id,
                    &current,
                    SnapshotReason::BeforeImport,
                    now,
                );
                self.history.update(|history| {
                    if let Some(history) = history {
                        history.replace(incoming.document);
                    }
                });
                self.schedule_save();
            }
            _ => self.open_new(incoming.document),
        }
    }

    /// Library actions on drafts that are not open.
    pub fn duplicate(&self, id: &str) {
        if let Err(error) = library::duplicate(&mut BrowserStorage, id, clock::epoch_ms()) {
            self.storage_problem.set(Some(problem_of(&error)));
        }
        self.refresh_library();
    }

    pub fn rename(&self, id: &str, title: &str) {
        if let Err(error) = library::rename(&mut BrowserStorage, id, title, clock::epoch_ms()) {
            self.storage_problem.set(Some(problem_of(&error)));
        }
        self.refresh_library();
    }

    pub fn trash(&self, id: &str) {
        if library::trash(&mut BrowserStorage, id, clock::epoch_ms()).is_ok() {
            self.say(Msg::MovedToTrash);
        }
        self.refresh_library();
    }

    pub fn restore_from_trash(&self, id: &str) {
        let _ = library::restore(&mut BrowserStorage, id, clock::epoch_ms());
        self.message.set(None);
        self.refresh_library();
    }

    pub fn empty_trash(&self) {
        let _ = library::empty_trash(&mut BrowserStorage);
        self.refresh_library();
    }

    /// Moves focus to the field of node `id` as soon as it is on the page.
    ///
    /// Leptos renders on the microtask queue, and every key press is a task
    /// of its own, so focusing within the microtasks that follow the edit
    /// guarantees that the next key typed lands in the new field (a person
    /// typing fast after Enter otherwise loses the first letter to the old
    /// bullet). An animation frame is the fallback.
    pub fn focus(&self, id: NodeId) {
        self.focus_element(field_id(id));
    }

    /// Focuses the element with id `element` (a field of the editor) once
    /// it exists; see `focus`.
    pub fn focus_element(&self, element: String) {
        /// Tries to focus `element` within the next few microtasks.
        async fn focus_soon(element: &str) -> bool {
            for _ in 0..8 {
                leptos::task::tick().await;
                if dom::focus(element) {
                    return true;
                }
            }
            false
        }
        let store = *self;
        leptos::task::spawn_local(async move {
            if focus_soon(&element).await {
                return;
            }
            // The field may be in a section not built yet (a long report is
            // built a few sections per frame after opening): build the rest
            // now, then focus.
            store.build_queued_now();
            if focus_soon(&element).await {
                return;
            }
            request_animation_frame(move || {
                dom::focus(&element);
            });
        });
    }

    /// Remembers the language.
    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        // A preference that cannot be stored is not worth an error: the
        // switch still works for this session.
        let _ = storage::set(keys::LANG, &lang.tag().to_owned());
    }
}

impl Default for Store {
    fn default() -> Self {
        Store::new()
    }
}

/// The store from context.
pub fn use_store() -> Store {
    expect_context::<Store>()
}

fn edit_error_message(error: &EditError) -> Msg {
    match error {
        EditError::NotFound(_) => Msg::EditErrorNotFound,
        EditError::HeadingLocked(_) => Msg::EditErrorLocked,
        EditError::AtEdge => Msg::EditErrorAtEdge,
        EditError::TooDeep => Msg::EditErrorTooDeep,
        EditError::NoPlaceToGo => Msg::EditErrorNoPlace,
        EditError::BadIndex(_) => Msg::EditErrorBadIndex,
    }
}
