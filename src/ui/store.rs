//! The interface's state: signals that show the editing session
//! (`session::Session`, which holds every rule about saving, versions and
//! what is at risk), the timers and the tab lock that drive it, the
//! language, messages and panels. Components get the `Store` from context,
//! read its signals and call its methods; they never change a document or
//! touch storage themselves.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::edit::{Edit, SharedDocument};
use crate::follow::{Follow, Step, FOLLOW_MS, IDLE_WAIT_MS};
use crate::i18n::{t, Lang, Msg};
use crate::index::NodeIndex;
use crate::model::{BesideText, Document, NodeId, Shared};
use crate::numbering::{outline, OutlineEntry};
use crate::persist::library::{KeyValue, StoreError};
use crate::persist::{DraftMeta, Snapshot};
use crate::platform::{channel, clock, dom, locks, page};
use crate::session::{Elsewhere, Origin, SaveOutcome, Session, SessionError};
use crate::template::Template;
use crate::transfer::Incoming;

pub use super::actions::{ExportFormat, NextYearReview, Outgoing};
pub use super::sections::{field_id, Indexed};
use super::sections::{IndexHandle, Sections};

/// Autosave waits this long after the last edit.
pub const SAVE_DEBOUNCE_MS: u64 = 300;

/// How long after opening a draft its "on open" version is written, unless
/// something needs it sooner (`Session::write_open_snapshot`): not while a
/// long report is still being built on screen.
const OPEN_SNAPSHOT_DELAY: std::time::Duration = std::time::Duration::from_secs(3);

/// Where saving stands, for the status in the toolbar.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SaveStatus {
    Idle,
    Pending,
    /// Saved at this time (ms since 1970).
    Saved(f64),
    Failed,
}

/// Shared state, cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct Store {
    pub(super) session: StoredValue<Session, LocalStorage>,
    pub(super) lock: StoredValue<Option<locks::LockHandle>, LocalStorage>,
    /// Counts edits, so that a save timer knows whether a later edit came.
    save_generation: StoredValue<u64>,
    /// The draft this tab is waiting to take over.
    pub(super) awaiting_take_over: StoredValue<Option<String>>,
    pub(super) sections: Sections,
    pub lang: RwSignal<Lang>,
    /// The open document, if any.
    pub document: RwSignal<Option<SharedDocument>>,
    pub open_meta: RwSignal<Option<DraftMeta>>,
    /// Every section with its computed number, by id, worked out again
    /// only when the document's shape or division style changes: its
    /// numbers, depths, kinds and references are current, its headings
    /// and summaries are those of the last change of shape (read
    /// `outline` for those).
    pub numbers: Memo<HashMap<NodeId, OutlineEntry>>,
    /// The open document as the preview, the outline and the format check
    /// show it: the document at the last pause of typing, within 150 ms
    /// of a key (`crate::follow`), so that a key's frame never waits for
    /// them. A newly opened draft, a print and an export bring it up to
    /// date at once (`show_now`).
    pub shown: RwSignal<Option<SharedDocument>>,
    /// True while `shown` is older than `document`.
    pub shown_waiting: RwSignal<bool>,
    follow: StoredValue<Follow>,
    /// The draft `shown` belongs to.
    shown_draft: StoredValue<Option<String>>,
    /// `index`, `numbers`, `part_ids` and `frame` of the shown document.
    pub shown_index: Memo<IndexHandle>,
    pub shown_numbers: Memo<HashMap<NodeId, OutlineEntry>>,
    pub shown_part_ids: Memo<Vec<NodeId>>,
    pub shown_frame: Memo<Option<Document>>,
    /// The ids of the parts in order, which the editor and preview list.
    pub part_ids: Memo<Vec<NodeId>>,
    /// Where each node of the open document is, for lookups by id.
    pub index: Memo<IndexHandle>,
    /// The outline of the shown document, with headings and summaries.
    pub outline: Memo<Vec<OutlineEntry>>,
    /// The document's frame (title, header, closing: `clone_frame`), which
    /// changes only when they do: the details form and the preview read it.
    pub frame: Memo<Option<Document>>,
    /// The texts kept beside sections (last year's, the units'), which
    /// change only when a draft is made from another: typing shares them,
    /// and learning that they did not change is one pointer compare.
    pub beside: Memo<Shared<Vec<BesideText>>>,
    /// Next year's draft just made, with the years changed, for the user
    /// to review on the library screen.
    pub next_year_review: RwSignal<Option<NextYearReview>>,
    /// The section the outline panel acts on.
    pub selected: RwSignal<Option<NodeId>>,
    /// A short message for the user, shown in the status line.
    pub message: RwSignal<Option<String>>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    pub save_status: RwSignal<SaveStatus>,
    /// A storage problem that stays on screen until a save succeeds.
    pub storage_problem: RwSignal<Option<StoreError>>,
    /// True while another tab holds this draft.
    pub read_only: RwSignal<bool>,
    /// True when another tab took this draft over from this one.
    pub read_only_taken: RwSignal<bool>,
    pub library: RwSignal<Vec<DraftMeta>>,
    /// Stored entries that could not be read, kept aside: (key, text).
    pub set_aside: RwSignal<Vec<(String, String)>>,
    pub versions_open: RwSignal<bool>,
    /// The open draft's local versions, newest first, read when the panel
    /// opens and after each save while it is open.
    pub versions: RwSignal<Vec<Snapshot>>,
    pub check_open: RwSignal<bool>,
    /// The preview's scale while the app is open: `None` fits the sheet to
    /// the window (the stylesheet's scale for its width), `Some(1.0)` is
    /// 100 %.
    pub preview_zoom: RwSignal<Option<f32>>,
    /// A checked file waiting for the user to confirm the import.
    pub incoming: RwSignal<Option<Incoming>>,
    /// Why the last file could not be imported.
    pub import_error: RwSignal<Option<String>>,
    /// How far a long text being read has got (0 to 100), while it is read
    /// in slices.
    pub import_progress: RwSignal<Option<u8>>,
    /// Counts the imports started; a text still being read stops once a
    /// newer import starts or the user cancels.
    pub import_generation: StoredValue<u64>,
    /// Outlines imported from template files, kept in storage.
    pub user_templates: RwSignal<Vec<Template>>,
    /// A file an in-app browser could not download, offered to share.
    pub outgoing: RwSignal<Option<Outgoing>>,
    /// What IndexedDB takes and what the browser allows the site, in
    /// bytes, once the browser has said (`navigator.storage.estimate()`).
    pub bulk_usage: RwSignal<Option<(f64, f64)>>,
    /// IndexedDB could not be opened: everything stays in local storage.
    pub bulk_in_local: RwSignal<bool>,
    /// The erase confirmation, open, with what erasing would remove.
    pub erase_plan: RwSignal<Option<crate::persist::bulk::ErasePlan>>,
}

impl Store {
    /// Creates the store over `kv` (the browser's storage, or a test's):
    /// reads the language and the library, starts the bulk store's work
    /// (moves, thirty-day-old trash, parking closed drafts), and reopens
    /// the draft this tab had open.
    pub fn new(kv: Box<dyn KeyValue>) -> Store {
        let session = Session::new(kv);
        let lang = session
            .language()
            .map(|tag| Lang::from_tag(&tag))
            .unwrap_or_default();
        let available = session.storage_available();
        let document = RwSignal::new(None::<SharedDocument>);
        let shown = RwSignal::new(None::<SharedDocument>);
        // The index depends on the document's shape only, so typing (which
        // keeps the shape) does not rebuild it.
        let shape = Memo::new(move |_| {
            document.with(|document| document.as_ref().map(SharedDocument::shape))
        });
        let index = Memo::new(move |_| {
            let _shape = shape.get();
            IndexHandle(std::sync::Arc::new(document.with_untracked(|document| {
                document.as_deref().map(NodeIndex::new).unwrap_or_default()
            })))
        });
        // The shown document's index is the open one's while both have
        // the same shape (typing), built again only when the shapes differ.
        let shown_shape =
            Memo::new(move |_| shown.with(|shown| shown.as_ref().map(SharedDocument::shape)));
        let shown_index = Memo::new(move |_| {
            let shown_shape = shown_shape.get();
            if shape.get_untracked() == shown_shape {
                return index.get_untracked();
            }
            IndexHandle(std::sync::Arc::new(shown.with_untracked(|shown| {
                shown.as_deref().map(NodeIndex::new).unwrap_or_default()
            })))
        });
        let outline = Memo::new(move |_| {
            shown.with(|shown| shown.as_deref().map(outline).unwrap_or_default())
        });
        let shown_numbers = Memo::new(move |_| {
            outline.with(|entries| entries.iter().map(|e| (e.id, e.clone())).collect())
        });
        let division_style = Memo::new(move |_| {
            document.with(|document| document.as_deref().map(|d| d.meta.division_style))
        });
        let numbers = Memo::new(move |_| {
            let _ = (shape.get(), division_style.get());
            document.with_untracked(|document| {
                document
                    .as_deref()
                    .map(|document| {
                        crate::numbering::outline(document)
                            .into_iter()
                            .map(|e| (e.id, e))
                            .collect()
                    })
                    .unwrap_or_default()
            })
        });
        let part_ids_of = |document: &Option<SharedDocument>| -> Vec<NodeId> {
            document
                .as_deref()
                .map(|document| document.sections.iter().map(|part| part.id).collect())
                .unwrap_or_default()
        };
        let part_ids = Memo::new(move |_| document.with(part_ids_of));
        let shown_part_ids = Memo::new(move |_| shown.with(part_ids_of));
        let frame = Memo::new(move |_| {
            document.with(|document| document.as_deref().map(Document::clone_frame))
        });
        let shown_frame =
            Memo::new(move |_| shown.with(|shown| shown.as_deref().map(Document::clone_frame)));
        let beside = Memo::new(move |_| {
            document.with(|document| {
                document
                    .as_deref()
                    .map(|document| document.beside.clone())
                    .unwrap_or_default()
            })
        });
        let store = Store {
            frame,
            beside,
            next_year_review: RwSignal::new(None),
            session: StoredValue::new_local(session),
            lock: StoredValue::new_local(None),
            save_generation: StoredValue::new(0),
            awaiting_take_over: StoredValue::new(None),
            sections: Sections::new(),
            lang: RwSignal::new(lang),
            document,
            shown,
            shown_waiting: RwSignal::new(false),
            follow: StoredValue::new(Follow::default()),
            shown_draft: StoredValue::new(None),
            shown_index,
            shown_numbers,
            shown_part_ids,
            shown_frame,
            open_meta: RwSignal::new(None),
            numbers,
            part_ids,
            index,
            outline,
            selected: RwSignal::new(None),
            message: RwSignal::new(None),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            save_status: RwSignal::new(SaveStatus::Idle),
            storage_problem: RwSignal::new((!available).then_some(StoreError::Unavailable)),
            read_only: RwSignal::new(false),
            read_only_taken: RwSignal::new(false),
            library: RwSignal::new(Vec::new()),
            set_aside: RwSignal::new(Vec::new()),
            versions_open: RwSignal::new(false),
            versions: RwSignal::new(Vec::new()),
            check_open: RwSignal::new(false),
            preview_zoom: RwSignal::new(None),
            incoming: RwSignal::new(None),
            import_error: RwSignal::new(None),
            import_progress: RwSignal::new(None),
            import_generation: StoredValue::new(0),
            user_templates: RwSignal::new(Vec::new()),
            outgoing: RwSignal::new(None),
            bulk_usage: RwSignal::new(None),
            bulk_in_local: RwSignal::new(false),
            erase_plan: RwSignal::new(None),
        };
        store.follow_sections();
        channel::listen(move |message| store.on_tab_message(message));
        // The trash is purged in both stores by the bulk store's start.
        store.refresh_library();
        store.start_bulk_store();
        let reopen = store.with_session(|session| session.draft_to_reopen(page::tab_draft()));
        if let Some(id) = reopen {
            store.open_stored(&id);
        }
        store
    }

    pub(super) fn with_session<T>(&self, f: impl FnOnce(&mut Session) -> T) -> T {
        self.session
            .try_update_value(f)
            .expect("the store lives as long as the app")
    }

    /// Shows the session's open draft: document, undo state, details and
    /// whether this tab may edit. Signals change only when their value did.
    pub(super) fn sync(&self) {
        let (document, open_id, undo, redo, meta, read_only, taken) =
            self.session.with_value(|s| {
                (
                    s.document(),
                    s.open_id().map(str::to_owned),
                    s.can_undo(),
                    s.can_redo(),
                    s.meta().cloned(),
                    s.is_read_only(),
                    s.was_taken_over(),
                )
            });
        if self.document.with_untracked(|current| *current != document) {
            self.document.set(document);
            self.follow_document(open_id);
        }
        set_if_changed(self.can_undo, undo);
        set_if_changed(self.can_redo, redo);
        set_if_changed(self.open_meta, meta);
        set_if_changed(self.read_only, read_only);
        set_if_changed(self.read_only_taken, taken);
        self.keep_versions();
    }

    /// After a change of the open document: the preview, the outline and
    /// the check follow now (another draft, or none, is shown) or after a
    /// pause (`crate::follow`), all changes meanwhile in one update.
    fn follow_document(&self, open_id: Option<String>) {
        let shown_other = self.shown.with_untracked(Option::is_none)
            || self.document.with_untracked(Option::is_none)
            || self.shown_draft.with_value(|shown| *shown != open_id);
        self.shown_draft.set_value(open_id);
        match self
            .follow
            .try_update_value(|follow| follow.changed(shown_other))
        {
            Some(Step::Now) => self.show_document(),
            Some(Step::Later) => {
                set_if_changed(self.shown_waiting, true);
                let store = *self;
                clock::at_idle(FOLLOW_MS, IDLE_WAIT_MS, move || {
                    if store.follow.try_update_value(Follow::due) == Some(true) {
                        store.show_document();
                    }
                });
            }
            Some(Step::Waiting) | None => {}
        }
    }

    /// Brings the preview, the outline and the check up to date now, as
    /// before a print or an export.
    pub fn show_now(&self) {
        if self.follow.try_update_value(Follow::flush) == Some(true) {
            self.show_document();
        }
    }

    fn show_document(&self) {
        let document = self.document.get_untracked();
        if self.shown.with_untracked(|shown| *shown != document) {
            self.shown.set(document);
        }
        set_if_changed(self.shown_waiting, false);
    }

    /// The text of `msg` in the current language.
    pub fn t(&self, msg: Msg) -> &'static str {
        t(self.lang.get(), msg)
    }

    pub(super) fn say(&self, msg: Msg) {
        self.message
            .set(Some(t(self.lang.get_untracked(), msg).to_owned()));
    }

    /// Shows why an operation failed, and keeps a storage problem on
    /// screen.
    pub(super) fn report(&self, error: &SessionError) {
        if let Some(problem) = error.storage_problem() {
            self.storage_problem.set(Some(problem));
        }
        let lang = self.lang.get_untracked();
        self.message
            .set(Some(crate::i18n::describe_session_error(lang, error)));
    }

    /// Starts a new draft from `document`. If it cannot be stored, it is
    /// still opened, in memory, with the problem on screen.
    pub fn open_new(&self, document: Document) {
        self.open_new_from(document, Origin::Outline);
    }

    pub(super) fn open_new_from(&self, document: Document, origin: Origin) {
        if !self.may_put_away_open_draft() {
            return;
        }
        self.release_lock();
        let now = clock::epoch_ms();
        let error = self.with_session(|s| s.open_new(document, origin, now));
        self.opened();
        if let Some(error) = error {
            self.save_status.set(SaveStatus::Failed);
            self.report(&error);
        }
    }

    /// Opens stored draft `id` (brought back from the bulk store first
    /// when it is parked there, and shown once its pictures are at hand);
    /// says so when it cannot be read.
    pub fn open_stored(&self, id: &str) {
        let current = self.session.with_value(|s| s.open_id().map(str::to_owned));
        if current.as_deref() != Some(id) && current.is_some() && !self.may_put_away_open_draft() {
            return;
        }
        self.unpark_then(id, {
            let id = id.to_owned();
            move |store| store.open_here(&id)
        });
    }

    fn open_here(&self, id: &str) {
        let now = clock::epoch_ms();
        self.release_lock();
        match self.with_session(|s| s.open_stored(id, now)) {
            Ok(()) => self.load_pictures_then(|store| store.opened()),
            Err(error) => {
                if matches!(
                    error,
                    SessionError::Unreadable { .. } | SessionError::Missing
                ) {
                    self.with_session(Session::forget_current);
                    page::set_tab_draft(None);
                }
                if !matches!(error, SessionError::Missing) {
                    self.report(&error);
                }
                self.refresh_library();
            }
        }
    }

    /// Shows a newly opened draft and asks for its lock.
    fn opened(&self) {
        self.sync();
        let Some(id) = self.open_meta.get_untracked().map(|meta| meta.id) else {
            return;
        };
        page::set_tab_draft(Some(&id));
        let store = *self;
        set_timeout(
            move || {
                store.with_session(Session::write_open_snapshot);
                store.keep_versions();
            },
            OPEN_SNAPSHOT_DELAY,
        );
        self.selected.set(None);
        self.message.set(None);
        self.save_status.set(SaveStatus::Idle);
        self.acquire_lock(&id, false);
        // The draft open before, if any, is closed now.
        self.park_closed();
    }

    /// Before the open draft is put away: true when nothing would be lost,
    /// or when the user, asked, chooses to drop the unsaved changes.
    fn may_put_away_open_draft(&self) -> bool {
        !self.leaving_loses_work() || dom::confirm(self.t(Msg::ConfirmDropUnsaved))
    }

    /// Tries once more to save changes not yet in storage, then tells
    /// whether leaving the page now would lose any.
    pub fn leaving_loses_work(&self) -> bool {
        self.flush();
        self.with_session(|s| s.work_at_risk())
    }

    /// Closes the open draft (saving it first); it stays in the library.
    pub fn close(&self) {
        if !self.may_put_away_open_draft() {
            return;
        }
        self.with_session(|s| {
            s.close(clock::epoch_ms());
            s.forget_current();
        });
        page::set_tab_draft(None);
        self.release_lock();
        self.versions_open.set(false);
        self.check_open.set(false);
        self.selected.set(None);
        self.sync();
        self.refresh_library();
        self.park_closed();
    }

    /// Applies `edit`; on success focuses what it created and schedules a
    /// save, on failure says why.
    pub fn dispatch(&self, edit: Edit) -> Result<Option<NodeId>, SessionError> {
        let outcome = self.with_session(|s| s.apply(&edit, clock::now_ms()));
        match &outcome {
            Ok(created) => {
                if self.message.get_untracked().is_some() {
                    self.message.set(None);
                }
                self.changed();
                if let Some(id) = created {
                    // The caret goes into what was added: a new list's
                    // first bullet, a new assessment's paragraph.
                    let field = self.document.with_untracked(|document| {
                        document
                            .as_ref()
                            .map_or(*id, |d| crate::edit::locate::field_of(d, *id))
                    });
                    self.focus(field);
                }
            }
            Err(error) => self.report(error),
        }
        outcome
    }

    pub fn undo(&self) {
        if self.with_session(Session::undo) {
            self.changed();
        }
    }

    pub fn redo(&self) {
        if self.with_session(Session::redo) {
            self.changed();
        }
    }

    /// Shows a change and saves about `SAVE_DEBOUNCE_MS` after the last one.
    pub(super) fn changed(&self) {
        self.sync();
        self.save_status.set(SaveStatus::Pending);
        self.save_generation.update_value(|g| *g += 1);
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

    /// Saves at once if a save is waiting (the page is hidden or left).
    pub fn flush(&self) {
        if self.session.with_value(Session::save_pending) {
            self.save_now();
        }
    }

    /// Writes the open draft, reads it back, and shows the outcome.
    pub fn save_now(&self) {
        let now = clock::epoch_ms();
        let (outcome, elsewhere) =
            clock::measure("baocao-autosave", || self.with_session(|s| s.save(now)));
        match outcome {
            SaveOutcome::NotNeeded => {}
            SaveOutcome::Saved => self.save_status.set(SaveStatus::Saved(now)),
            SaveOutcome::Failed(error) => {
                self.save_status.set(SaveStatus::Failed);
                self.report(&error);
            }
        }
        self.after_save_outcome(elsewhere);
    }

    pub(super) fn after_save_outcome(&self, elsewhere: Option<Elsewhere>) {
        if self.session.with_value(|s| s.save_failure().is_none()) {
            if self.storage_problem.get_untracked().is_some()
                && self.session.with_value(Session::storage_available)
            {
                self.storage_problem.set(None);
            }
            if self.save_status.get_untracked() == SaveStatus::Failed {
                self.save_status.set(SaveStatus::Saved(clock::epoch_ms()));
            }
        }
        match elsewhere {
            Some(Elsewhere::Renamed(_)) => self.say(Msg::RenamedElsewhere),
            Some(Elsewhere::Trashed(true)) => self.say(Msg::TrashedElsewhere),
            Some(Elsewhere::Deleted) => self.say(Msg::DeletedElsewhere),
            _ => {}
        }
        self.sync();
        if self.versions_open.get_untracked() {
            self.refresh_versions();
        }
    }

    /// Remembers the language.
    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        self.with_session(|s| s.set_language(lang.tag()));
    }
}

fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|current| *current != value) {
        signal.set(value);
    }
}

/// The store from context.
pub fn use_store() -> Store {
    expect_context::<Store>()
}
