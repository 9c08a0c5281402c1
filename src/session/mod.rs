//! The editing session: the open draft with its undo history, and the rules
//! a user relies on to never lose a word — saving and reading back, the
//! "on open", periodic, "before import" and "before restore" versions, what
//! is at risk (typed text held only in memory), replacing the open draft,
//! take-over by another tab, and library actions taken in another tab.
//!
//! Plain Rust: storage is a `KeyValue` handed in, and time comes in as
//! arguments. The Leptos store (`ui::store`) keeps the signals, timers and
//! locks and calls this; every outcome it shows comes back as a value, and
//! every rule is tested natively (`tests.rs`) against a `MemoryStore` that
//! fails on demand.

use crate::edit::{Edit, EditError, Field, History, SharedDocument};
use crate::model::{Document, NodeId};
use crate::persist::bulk::VersionToKeep;
use crate::persist::library::{self, KeyValue, LibraryError, StoreError, StoredParts, Usage};
use crate::persist::pictures;
use crate::persist::{keys, periodic_snapshot_due, DraftMeta, Envelope, SnapshotReason};
use crate::template::Template;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod bulk_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

/// Why a session operation did not do what was asked. Nothing stored was
/// changed by a failed operation, and no text held in memory was dropped.
/// `i18n::describe_session_error` says each in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SessionError {
    /// Storage refused: full, unavailable, or another browser error.
    Storage(StoreError),
    /// What was written did not read back the same.
    NotReadBack,
    /// The stored draft cannot be read; its text was kept under `kept_as`.
    Unreadable { kept_as: String },
    /// No stored draft with that id.
    Missing,
    /// Another tab has this draft: this one only shows it.
    ReadOnly,
    /// No draft is open.
    NothingOpen,
    /// The edit does not apply (see `EditError`).
    Edit(EditError),
    /// The version of the current text that must precede replacing it (an
    /// import or a restore) could not be kept, so the text was not
    /// replaced. Downloading the draft first keeps it.
    VersionNotKept(StoreError),
    /// The draft was deleted for good in another tab: it is not written
    /// again behind the user's back.
    DeletedElsewhere,
    /// Erasing everything was refused: another tab is editing a draft and
    /// would write it back.
    EditedElsewhere,
    /// Erasing everything was refused: text of the open draft is held only
    /// in this tab (see `work_at_risk`).
    WorkAtRisk,
}

impl SessionError {
    /// The storage problem to keep on screen until a save succeeds, if any.
    pub fn storage_problem(&self) -> Option<StoreError> {
        match self {
            SessionError::Storage(error) | SessionError::VersionNotKept(error) => {
                Some(error.clone())
            }
            SessionError::NotReadBack => Some(StoreError::Other("read-back".into())),
            _ => None,
        }
    }
}

impl From<LibraryError> for SessionError {
    fn from(error: LibraryError) -> Self {
        match error {
            LibraryError::Store(error) => SessionError::Storage(error),
            LibraryError::VerifyFailed => SessionError::NotReadBack,
            LibraryError::Missing(_) => SessionError::Missing,
            LibraryError::Unreadable { kept_as, .. } => SessionError::Unreadable { kept_as },
        }
    }
}

impl From<EditError> for SessionError {
    fn from(error: EditError) -> Self {
        SessionError::Edit(error)
    }
}

/// What a save did.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveOutcome {
    /// Nothing was waiting to be saved (or this tab may not save).
    NotNeeded,
    /// Written and read back.
    Saved,
    /// Not written; the text stays in memory and is at risk until a save
    /// succeeds or the draft is downloaded.
    Failed(SessionError),
}

/// A library action another tab took on the open draft, found before a
/// save and respected by it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Elsewhere {
    /// Renamed: the new title is now the open document's.
    Renamed(String),
    /// Moved to the trash, or taken out of it.
    Trashed(bool),
    /// Deleted for good: this tab no longer writes the draft.
    Deleted,
}

/// The draft open in this session.
struct OpenDraft {
    history: History,
    /// The draft as loaded (its library details and unknown fields, which
    /// are written back unchanged); its document is the one opened.
    envelope: Envelope,
    /// What storage holds of the draft's parts.
    stored: StoredParts,
    /// The version last written to storage and read back.
    saved: Option<SharedDocument>,
    /// The version last downloaded as a file, or opened from one.
    in_file: Option<SharedDocument>,
    /// The version as opened from an outline: nothing typed yet.
    from_outline: Option<SharedDocument>,
    /// Changes wait for a save.
    pending: bool,
    /// Why the last save failed, until one succeeds.
    failed: Option<SessionError>,
    last_snapshot_ms: f64,
    /// The "on open" version, while still to be written: the document as
    /// opened and when.
    open_snapshot: Option<(SharedDocument, f64)>,
    read_only: bool,
    /// Another tab took the draft over from this one.
    taken_over: bool,
    /// The title and trash state this tab last wrote or read, to notice
    /// another tab's library actions.
    known: Option<(String, Option<f64>)>,
    /// Deleted for good in another tab: never written again.
    deleted_elsewhere: bool,
}

impl OpenDraft {
    fn new(envelope: Envelope, stored: StoredParts, now_ms: f64) -> OpenDraft {
        let history = History::new(envelope.document.clone());
        let present = history.shared();
        OpenDraft {
            open_snapshot: Some((present, now_ms)),
            history,
            known: Some((envelope.meta.title.clone(), envelope.meta.trashed_ms)),
            envelope,
            stored,
            saved: None,
            in_file: None,
            from_outline: None,
            pending: false,
            failed: None,
            last_snapshot_ms: now_ms,
            read_only: false,
            taken_over: false,
            deleted_elsewhere: false,
        }
    }

    /// Tells whether the present version is `other`: one pointer compare,
    /// then the content (an edit that typed and took back a letter made a
    /// new version with the same text).
    fn is(&self, other: &Option<SharedDocument>) -> bool {
        let present = self.history.shared();
        other
            .as_ref()
            .is_some_and(|other| *other == present || **other == *present)
    }
}

/// Where a new draft comes from, which tells whether its text is safe
/// outside this tab's memory before it is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// An outline or the sample: it can be made again at any time.
    Outline,
    /// A file the user has.
    File,
    /// Text only this tab holds (pasted, say).
    Memory,
}

/// One editing session over a key-value store.
pub struct Session {
    kv: Box<dyn KeyValue>,
    open: Option<OpenDraft>,
    /// Versions waiting to be kept in the bulk store.
    outbox: Vec<VersionToKeep>,
    /// Pictures held in memory: those put or brought in by a file in this
    /// session, and those of the drafts opened, loaded from the bulk store
    /// when each opened (`pictures_to_load`), so that the preview, the
    /// print and every export have them at once.
    pictures: crate::picture::Pictures,
    /// Pictures waiting to be kept in the bulk store.
    pictures_out: Vec<crate::picture::Picture>,
}

impl Session {
    /// A session over `kv`. Nothing is read or written yet.
    pub fn new(kv: Box<dyn KeyValue>) -> Session {
        Session {
            kv,
            open: None,
            outbox: Vec::new(),
            pictures: crate::picture::Pictures::new(),
            pictures_out: Vec::new(),
        }
    }

    /// Tells whether storage answers at all.
    pub fn storage_available(&self) -> bool {
        self.kv.get(keys::LANG).is_ok()
    }

    /// The remembered interface language tag.
    pub fn language(&self) -> Option<String> {
        let text = self.kv.get(keys::LANG).ok().flatten()?;
        serde_json::from_str(&text).ok()
    }

    /// Remembers the interface language. A preference that cannot be
    /// stored is not worth an error: the switch still works for now.
    pub fn set_language(&mut self, tag: &str) {
        let _ = self
            .kv
            .set(keys::LANG, &serde_json::to_string(tag).unwrap_or_default());
    }

    /// The draft to open at start: the one this tab had open (kept by the
    /// browser per tab, across reloads), else the one open last anywhere.
    /// A tab that had no draft open stays on the library.
    pub fn draft_to_reopen(&self, this_tab: Option<Option<String>>) -> Option<String> {
        match this_tab {
            Some(tab) => tab,
            None => self
                .kv
                .get(keys::CURRENT)
                .ok()
                .flatten()
                .and_then(|text| serde_json::from_str(&text).ok()),
        }
    }

    /// Deletes drafts that have been in the trash for thirty days (see
    /// `library::purge_expired`).
    pub fn purge_trash(&mut self, now_ms: f64) -> usize {
        library::purge_expired(self.kv.as_mut(), now_ms)
    }

    /// The library's drafts, newest edit first.
    pub fn library(&mut self) -> Vec<DraftMeta> {
        library::list(self.kv.as_mut()).0
    }

    /// Entries set aside because they could not be read: (key, text).
    pub fn set_aside(&self) -> Vec<(String, String)> {
        library::set_aside_entries(self.kv.as_ref())
    }

    /// Removes a set-aside entry.
    pub fn remove_set_aside(&mut self, key: &str) -> Result<(), SessionError> {
        Ok(library::remove_set_aside(self.kv.as_mut(), key)?)
    }

    /// Templates imported from files.
    pub fn templates(&mut self) -> Vec<Template> {
        library::templates(self.kv.as_mut())
    }

    /// Stores an imported template; returns the id it was stored under.
    pub fn add_template(&mut self, template: &Template) -> Result<String, SessionError> {
        Ok(library::save_template(self.kv.as_mut(), template)?)
    }

    /// The local storage the session works over, for the steps of the
    /// bulk store that read or clear it (`bulk::LocalAccess`).
    pub fn storage(&mut self) -> &mut dyn KeyValue {
        self.kv.as_mut()
    }

    /// What the app's entries, and the whole site's, take in storage.
    pub fn usage(&self) -> Usage {
        library::usage(self.kv.as_ref())
    }

    // --- the open draft ------------------------------------------------

    /// The open document, shared.
    pub fn document(&self) -> Option<SharedDocument> {
        self.open.as_ref().map(|open| open.history.shared())
    }

    /// The open draft's library details.
    pub fn meta(&self) -> Option<&DraftMeta> {
        self.open.as_ref().map(|open| &open.envelope.meta)
    }

    /// The open draft's id.
    pub fn open_id(&self) -> Option<&str> {
        self.meta().map(|meta| meta.id.as_str())
    }

    pub fn can_undo(&self) -> bool {
        self.open
            .as_ref()
            .is_some_and(|open| open.history.can_undo())
    }

    pub fn can_redo(&self) -> bool {
        self.open
            .as_ref()
            .is_some_and(|open| open.history.can_redo())
    }

    pub fn is_read_only(&self) -> bool {
        self.open.as_ref().is_some_and(|open| open.read_only)
    }

    /// Tells whether another tab took the draft over from this one.
    pub fn was_taken_over(&self) -> bool {
        self.open.as_ref().is_some_and(|open| open.taken_over)
    }

    /// Tells whether changes wait for a save.
    pub fn save_pending(&self) -> bool {
        self.open.as_ref().is_some_and(|open| open.pending)
    }

    /// Why the last save failed, while no save has succeeded since.
    pub fn save_failure(&self) -> Option<&SessionError> {
        self.open.as_ref().and_then(|open| open.failed.as_ref())
    }

    /// Tells whether some typed text exists only in this tab's memory: the
    /// open document is neither the one last stored, nor the one last
    /// downloaded or opened from a file, nor an untouched outline.
    /// Closing the draft or the page then loses it, so both ask first.
    pub fn work_at_risk(&self) -> bool {
        self.open.as_ref().is_some_and(|open| {
            !open.is(&open.saved) && !open.is(&open.in_file) && !open.is(&open.from_outline)
        })
    }

    /// Starts a new draft from `document`. When it cannot be stored it is
    /// still opened, in memory, and the error says why.
    pub fn open_new(
        &mut self,
        document: Document,
        origin: Origin,
        now_ms: f64,
    ) -> Option<SessionError> {
        self.close(now_ms);
        let (envelope, stored, error) =
            match library::create_with_parts(self.kv.as_mut(), document.clone(), now_ms) {
                Ok((envelope, stored)) => (envelope, stored, None),
                Err(error) => {
                    let id = library::new_id(self.kv.as_ref(), now_ms);
                    (
                        Envelope::new(&id, document, now_ms),
                        StoredParts::default(),
                        Some(SessionError::from(error)),
                    )
                }
            };
        let mut open = OpenDraft::new(envelope, stored, now_ms);
        let present = Some(open.history.shared());
        match &error {
            None => open.saved = present.clone(),
            Some(error) => open.failed = Some(error.clone()),
        }
        match origin {
            Origin::Outline => open.from_outline = present,
            Origin::File => open.in_file = present,
            Origin::Memory => {}
        }
        self.remember_current(&open.envelope.meta.id.clone());
        self.open = Some(open);
        error
    }

    /// The document of stored draft `id` without opening it (to read it
    /// into another draft, such as a consolidated report): the open one's
    /// text as it stands when `id` is open.
    pub fn read_stored(&mut self, id: &str) -> Result<Document, SessionError> {
        if let Some(open) = self
            .open
            .as_ref()
            .filter(|open| open.envelope.meta.id == id)
        {
            return Ok(open.history.document().clone());
        }
        Ok(library::load(self.kv.as_mut(), id)?.document)
    }

    /// Opens stored draft `id`.
    pub fn open_stored(&mut self, id: &str, now_ms: f64) -> Result<(), SessionError> {
        let (envelope, stored) = library::load_with_parts(self.kv.as_mut(), id)?;
        self.close(now_ms);
        let mut open = OpenDraft::new(envelope, stored, now_ms);
        open.saved = Some(open.history.shared());
        self.remember_current(id);
        self.open = Some(open);
        Ok(())
    }

    fn remember_current(&mut self, id: &str) {
        let _ = self.kv.set(
            keys::CURRENT,
            &serde_json::to_string(id).unwrap_or_default(),
        );
    }

    /// Forgets which draft was open last (the user closed it, or it could
    /// not be read).
    pub fn forget_current(&mut self) {
        let _ = self.kv.remove(keys::CURRENT);
    }

    /// Writes the "on open" version if it is still to be written. The shell
    /// calls it a few seconds after opening; everything that changes the
    /// document, lists the versions or closes the draft calls it first, so
    /// that it is always of the document as opened.
    pub fn write_open_snapshot(&mut self) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        if open.read_only {
            return;
        }
        if let Some((document, opened_ms)) = open.open_snapshot.take() {
            // Not for a draft deleted meanwhile (in another tab): its
            // versions went with it.
            let id = &open.envelope.meta.id;
            if open.saved.is_some() && !library::exists(self.kv.as_ref(), id) {
                return;
            }
            self.outbox.push(VersionToKeep {
                draft_id: open.envelope.meta.id.clone(),
                document,
                reason: SnapshotReason::Opened,
                taken_ms: opened_ms,
            });
        }
    }

    /// The versions waiting to be kept in the bulk store (the "on open"
    /// and periodic ones), oldest first, handed to the shell, which keeps
    /// each with `bulk::keep_version`. They are a convenience: one that
    /// cannot be kept costs no text.
    pub fn versions_to_keep(&mut self) -> Vec<VersionToKeep> {
        std::mem::take(&mut self.outbox)
    }

    /// Before any change of the open text: refused when nothing is open or
    /// the tab may not edit; the "on open" version is written first.
    fn before_change(&mut self) -> Result<(), SessionError> {
        let open = self.open.as_ref().ok_or(SessionError::NothingOpen)?;
        if open.read_only {
            return Err(SessionError::ReadOnly);
        }
        self.write_open_snapshot();
        Ok(())
    }

    /// Applies `edit` (`mono_ms`, a monotonic clock, groups typing into
    /// undo steps). Returns the node it created, if any.
    pub fn apply(&mut self, edit: &Edit, mono_ms: f64) -> Result<Option<NodeId>, SessionError> {
        self.before_change()?;
        let open = self.open.as_mut().ok_or(SessionError::NothingOpen)?;
        let before = open.history.shared();
        let created = open.history.apply(edit, mono_ms)?;
        if open.history.shared() != before {
            open.pending = true;
        }
        Ok(created)
    }

    /// Steps back; false when there is nothing to undo or the tab may not
    /// edit.
    pub fn undo(&mut self) -> bool {
        self.step(History::undo)
    }

    /// Steps forward again.
    pub fn redo(&mut self) -> bool {
        self.step(History::redo)
    }

    fn step(&mut self, step: fn(&mut History) -> bool) -> bool {
        if self.open.as_ref().is_none_or(|open| open.read_only) {
            return false;
        }
        self.write_open_snapshot();
        let Some(open) = self.open.as_mut() else {
            return false;
        };
        let changed = step(&mut open.history);
        open.pending |= changed;
        changed
    }

    /// Saves the open draft if changes wait: writes what changed, reads it
    /// back, and takes a periodic version when one is due. Library actions
    /// another tab took on this draft (rename, trash, delete) are found
    /// first and respected.
    pub fn save(&mut self, now_ms: f64) -> (SaveOutcome, Option<Elsewhere>) {
        let Some(open) = self.open.as_ref() else {
            return (SaveOutcome::NotNeeded, None);
        };
        if open.read_only || !open.pending {
            return (SaveOutcome::NotNeeded, None);
        }
        let elsewhere = self.notice_elsewhere();
        let Some(open) = self.open.as_mut() else {
            return (SaveOutcome::NotNeeded, elsewhere);
        };
        if open.deleted_elsewhere {
            let error = SessionError::DeletedElsewhere;
            open.failed = Some(error.clone());
            return (SaveOutcome::Failed(error), elsewhere);
        }
        let document = open.history.shared();
        let outcome = library::save_document(
            self.kv.as_mut(),
            &mut open.envelope,
            &document,
            &mut open.stored,
            now_ms,
        );
        match outcome {
            Ok(()) => {
                open.saved = Some(document.clone());
                open.pending = false;
                open.failed = None;
                open.known = Some((
                    open.envelope.meta.title.clone(),
                    open.envelope.meta.trashed_ms,
                ));
                if periodic_snapshot_due(Some(open.last_snapshot_ms), now_ms) {
                    // Versions are a convenience: the draft itself is saved.
                    self.outbox.push(VersionToKeep {
                        draft_id: open.envelope.meta.id.clone(),
                        document: document.clone(),
                        reason: SnapshotReason::Periodic,
                        taken_ms: now_ms,
                    });
                    open.last_snapshot_ms = now_ms;
                }
                (SaveOutcome::Saved, elsewhere)
            }
            Err(error) => {
                let error = SessionError::from(error);
                open.failed = Some(error.clone());
                (SaveOutcome::Failed(error), elsewhere)
            }
        }
    }

    /// Saves now if changes wait (the page is hidden or left, another tab
    /// asks before taking over, a file is exported).
    pub fn flush(&mut self, now_ms: f64) -> (SaveOutcome, Option<Elsewhere>) {
        self.save(now_ms)
    }

    /// Compares the stored library details of the open draft with what
    /// this tab last wrote, and takes in what another tab changed.
    fn notice_elsewhere(&mut self) -> Option<Elsewhere> {
        let open = self.open.as_ref()?;
        let id = open.envelope.meta.id.clone();
        // Only a draft this tab has stored can have been changed elsewhere.
        open.saved.as_ref()?;
        // Whether the head is there, without reading it.
        // A draft parked in the bulk store by another tab meanwhile is not
        // deleted: this save writes it here again, and here is newer.
        if !self.kv.contains(&keys::draft(&id))
            && self.kv.get(keys::LANG).is_ok()
            && !library::is_parked(self.kv.as_ref(), &id)
        {
            let open = self.open.as_mut()?;
            open.deleted_elsewhere = true;
            return Some(Elsewhere::Deleted);
        }
        let stored: DraftMeta = self
            .kv
            .get(&keys::meta(&id))
            .ok()
            .flatten()
            .and_then(|text| serde_json::from_str(&text).ok())?;
        let open = self.open.as_mut()?;
        let (known_title, known_trash) = open.known.clone()?;
        let mut change = None;
        if stored.trashed_ms != known_trash {
            open.envelope.meta.trashed_ms = stored.trashed_ms;
            open.envelope.meta.trash_seen_ms = stored.trash_seen_ms;
            change = Some(Elsewhere::Trashed(stored.trashed_ms.is_some()));
        }
        if stored.title != known_title && open.history.document().title != stored.title {
            let edit = Edit::SetField {
                field: Field::Title,
                text: stored.title.clone(),
            };
            if open.history.apply(&edit, f64::MIN).is_ok() {
                change = Some(Elsewhere::Renamed(stored.title.clone()));
            }
        }
        open.known = Some((stored.title, stored.trashed_ms));
        change
    }

    /// Where the open draft's versions are, in the bulk store: the shell
    /// first keeps `versions_to_keep`, then reads them there
    /// (`bulk::snapshots`) when the versions panel opens. The "on open"
    /// version is written first, so that it is in the list.
    pub fn versions_key(&mut self) -> Option<String> {
        self.write_open_snapshot();
        self.open_id().map(crate::persist::bulk::versions_key)
    }

    /// The first step of putting another text in place of the open draft's
    /// (an import or a restore): the version of the current text that must
    /// be kept first. The shell keeps it (`bulk::keep_version`, written and
    /// read back) and hands the outcome to `finish_replace`.
    pub fn prepare_replace(
        &mut self,
        reason: SnapshotReason,
        now_ms: f64,
    ) -> Result<VersionToKeep, SessionError> {
        self.before_change()?;
        let open = self.open.as_ref().ok_or(SessionError::NothingOpen)?;
        Ok(VersionToKeep {
            draft_id: open.envelope.meta.id.clone(),
            document: open.history.shared(),
            reason,
            taken_ms: now_ms,
        })
    }

    /// The second step: puts `document` in place of the open draft's text,
    /// as one undoable step, when `kept` (the version `prepare_replace`
    /// asked for, of the text still open) was kept. When it was not, or
    /// the text changed meanwhile, or another draft is open, nothing
    /// changes and the error says so.
    pub fn finish_replace(
        &mut self,
        kept_version: &VersionToKeep,
        kept: Result<(), LibraryError>,
        document: Document,
    ) -> Result<(), SessionError> {
        kept.map_err(|error| match SessionError::from(error) {
            SessionError::Storage(error) => SessionError::VersionNotKept(error),
            _ => SessionError::VersionNotKept(StoreError::Other("read-back".into())),
        })?;
        let open = self.open.as_mut().ok_or(SessionError::NothingOpen)?;
        if open.read_only {
            return Err(SessionError::ReadOnly);
        }
        if open.envelope.meta.id != kept_version.draft_id
            || open.history.shared() != kept_version.document
        {
            return Err(SessionError::VersionNotKept(StoreError::Other(
                "the text changed before its version was kept".into(),
            )));
        }
        open.history.replace(document);
        open.pending = true;
        Ok(())
    }

    /// The open draft as a shared file: its name and JSON text. Call
    /// `downloaded` once the file is out.
    /// The file carries the figures' pictures (`persist::pictures`); it is
    /// not made (`None`) when they are more than the cap together, which
    /// `pictures_too_large` tells beforehand.
    pub fn draft_file(&mut self, date_iso: &str, now_ms: f64) -> Option<(String, String)> {
        let document = self.open.as_ref()?.history.shared();
        let pictures = self.pictures();
        let field = if pictures.is_empty() {
            None
        } else {
            Some(pictures::file_pictures_value(&pictures).ok()?)
        };
        let open = self.open.as_mut()?;
        // The envelope is written in place (a copy would copy the document
        // it was opened with); only the export time and the pictures
        // differ, and go back.
        let exported = open.envelope.meta.exported_ms.replace(now_ms);
        let kept = field.map(|field| {
            open.envelope
                .extra
                .insert(pictures::FILE_PICTURES_FIELD.to_owned(), field)
        });
        let text = open.envelope.to_json_with(&document);
        match kept {
            Some(Some(kept)) => {
                open.envelope
                    .extra
                    .insert(pictures::FILE_PICTURES_FIELD.to_owned(), kept);
            }
            Some(None) => {
                open.envelope.extra.remove(pictures::FILE_PICTURES_FIELD);
            }
            None => {}
        }
        open.envelope.meta.exported_ms = exported;
        let name = crate::persist::file_name(&document.title, date_iso);
        Some((name, text))
    }

    /// Records that the open draft's present text is in a downloaded file.
    pub fn downloaded(&mut self, now_ms: f64) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        open.in_file = Some(open.history.shared());
        open.envelope.meta.exported_ms = Some(now_ms);
        if open.read_only || open.saved.is_none() || open.deleted_elsewhere {
            return;
        }
        let id = open.envelope.meta.id.clone();
        if let Ok(envelope) = library::mark_exported(self.kv.as_mut(), &id, now_ms) {
            if let Some(open) = self.open.as_mut() {
                open.envelope.meta = envelope.meta;
            }
        }
    }

    /// The size of the open draft's pictures when they are more than a
    /// draft file may carry, so that the file is not made.
    pub fn pictures_too_large(&self) -> Option<usize> {
        let total = pictures::total_bytes(&self.pictures());
        (total > crate::picture::MAX_FILE_PICTURES_BYTES).then_some(total)
    }

    /// Holds `picture` (once: an id names the same bytes forever) for the
    /// open draft, to be kept in the bulk store (`pictures_to_keep`), and
    /// returns what a figure holds of it.
    pub fn put_picture(
        &mut self,
        picture: &crate::picture::Picture,
    ) -> Result<crate::model::PictureRef, SessionError> {
        self.hold_picture(picture);
        Ok(picture.reference())
    }

    fn hold_picture(&mut self, picture: &crate::picture::Picture) {
        let id = picture.id();
        if let std::collections::btree_map::Entry::Vacant(entry) = self.pictures.entry(id) {
            entry.insert(picture.clone());
            self.pictures_out.push(picture.clone());
        }
    }

    /// Picture `id`: held in memory, or in local storage (the layout before
    /// the bulk store, until it moves).
    pub fn picture(&self, id: &str) -> Option<crate::picture::Picture> {
        self.pictures
            .get(id)
            .cloned()
            .or_else(|| pictures::get_picture(self.kv.as_ref(), id))
    }

    /// The pictures the open draft's figures name, of those at hand.
    pub fn pictures(&self) -> crate::picture::Pictures {
        let mut found = crate::picture::Pictures::new();
        if let Some(open) = &self.open {
            for id in pictures::referenced(&open.history.shared()) {
                if let Some(picture) = self.picture(&id) {
                    found.insert(id, picture);
                }
            }
        }
        found
    }

    /// Holds the pictures an imported file carried, before its draft is
    /// opened or put in place; they are kept in the bulk store with the
    /// others waiting.
    pub fn store_pictures(
        &mut self,
        incoming: &crate::picture::Pictures,
    ) -> Result<(), SessionError> {
        for picture in incoming.values() {
            self.hold_picture(picture);
        }
        Ok(())
    }

    /// The pictures waiting to be kept in the bulk store, handed to the
    /// shell, which keeps each with `bulk::keep_picture`.
    pub fn pictures_to_keep(&mut self) -> Vec<crate::picture::Picture> {
        std::mem::take(&mut self.pictures_out)
    }

    /// The pictures the open draft names that are not at hand: the shell
    /// loads them from the bulk store (`add_pictures`) as the draft opens.
    pub fn pictures_to_load(&self) -> Vec<String> {
        match &self.open {
            Some(open) => pictures::referenced(&open.history.shared())
                .into_iter()
                .filter(|id| self.picture(id).is_none())
                .collect(),
            None => Vec::new(),
        }
    }

    /// Pictures loaded from the bulk store.
    pub fn add_pictures(&mut self, loaded: crate::picture::Pictures) {
        self.pictures.extend(loaded);
    }

    /// The ids of the pictures this session holds or names (its undo steps
    /// may bring them back): never collected while it runs.
    pub fn pictures_in_use(&self) -> std::collections::BTreeSet<String> {
        let mut ids = match &self.open {
            Some(open) => pictures::referenced(&open.history.shared()),
            None => std::collections::BTreeSet::new(),
        };
        for id in self.pictures.keys() {
            ids.insert(id.clone());
        }
        ids
    }

    /// Tells whether draft `id`'s text is in the bulk store: the shell
    /// brings it back (`bulk::unpark`) before opening it or acting on it.
    pub fn is_parked(&self, id: &str) -> bool {
        library::is_parked(self.kv.as_ref(), id)
    }

    /// The open draft's envelope with its present text, for exports that
    /// embed the draft.
    pub fn envelope(&self) -> Option<Envelope> {
        let open = self.open.as_ref()?;
        let envelope = &open.envelope;
        Some(Envelope {
            format: envelope.format.clone(),
            version: envelope.version,
            meta: envelope.meta.clone(),
            document: Document::clone(&open.history.shared()),
            extra: envelope.extra.clone(),
        })
    }

    /// Closes the open draft, writing its "on open" version and any
    /// waiting save first. The shell asks the user before calling this
    /// while `work_at_risk`.
    pub fn close(&mut self, now_ms: f64) {
        self.write_open_snapshot();
        let _ = self.flush(now_ms);
        self.open = None;
    }

    // --- one editing tab per draft -------------------------------------

    /// This tab holds (or, `false`, does not hold) the draft's lock.
    pub fn set_editing(&mut self, held: bool) {
        if let Some(open) = self.open.as_mut() {
            open.read_only = !held;
            if held {
                open.taken_over = false;
            }
        }
    }

    /// Another tab asks for the draft: save what waits, and tell whether
    /// text would still be held only here.
    pub fn before_take_over(&mut self, now_ms: f64) -> bool {
        let _ = self.flush(now_ms);
        self.work_at_risk()
    }

    /// Another tab took the draft over. This tab shows it read-only and
    /// keeps whatever it holds: text held only here stays, to download.
    pub fn taken_over(&mut self) {
        if let Some(open) = self.open.as_mut() {
            open.read_only = true;
            open.taken_over = true;
        }
    }

    /// Shows the stored version of the open draft (another tab saved it, or
    /// this tab took it over). Refused, returning false, while text is held
    /// only in this tab: it is never replaced without asking.
    pub fn reload_from_storage(&mut self, now_ms: f64) -> bool {
        if self.work_at_risk() {
            return false;
        }
        let Some(id) = self.open_id().map(str::to_owned) else {
            return false;
        };
        let Ok((envelope, stored)) = library::load_with_parts(self.kv.as_mut(), &id) else {
            return false;
        };
        let Some(open) = self.open.as_mut() else {
            return false;
        };
        let read_only = open.read_only;
        let taken_over = open.taken_over;
        let mut fresh = OpenDraft::new(envelope, stored, now_ms);
        fresh.open_snapshot = None;
        fresh.saved = Some(fresh.history.shared());
        fresh.from_outline = open.from_outline.take();
        // A file this tab downloaded is still on the user's disk.
        fresh.in_file = open.in_file.take();
        fresh.read_only = read_only;
        fresh.taken_over = taken_over;
        *open = fresh;
        true
    }

    // --- library actions -----------------------------------------------

    /// Renames draft `id`. The open draft is renamed through its document,
    /// so that the next save keeps the name.
    pub fn rename(&mut self, id: &str, title: &str, now_ms: f64) -> Result<(), SessionError> {
        if self.open_id() == Some(id) {
            let edit = Edit::SetField {
                field: Field::Title,
                text: title.to_owned(),
            };
            self.apply(&edit, now_ms)?;
            let (outcome, _) = self.save(now_ms);
            return match outcome {
                SaveOutcome::Failed(error) => Err(error),
                _ => Ok(()),
            };
        }
        library::rename(self.kv.as_mut(), id, title, now_ms)?;
        Ok(())
    }

    /// Copies draft `id` into a new draft titled by `copy_title`.
    pub fn duplicate(
        &mut self,
        id: &str,
        copy_title: &dyn Fn(&str) -> String,
        now_ms: f64,
    ) -> Result<(), SessionError> {
        library::duplicate(self.kv.as_mut(), id, copy_title, now_ms)?;
        Ok(())
    }

    /// Makes next year's draft from draft `id` as stored, and tells what
    /// was made (see `library::next_year`).
    pub fn next_year(
        &mut self,
        id: &str,
        untitled: &dyn Fn(&str) -> String,
        now_ms: f64,
    ) -> Result<NextYearMade, SessionError> {
        let (envelope, changes) = library::next_year(self.kv.as_mut(), id, untitled, now_ms)?;
        Ok(NextYearMade {
            id: envelope.meta.id,
            document: envelope.document,
            changes,
        })
    }

    /// Moves draft `id` to the trash.
    pub fn trash(&mut self, id: &str, now_ms: f64) -> Result<(), SessionError> {
        library::trash(self.kv.as_mut(), id, now_ms)?;
        Ok(())
    }

    /// Takes draft `id` out of the trash.
    pub fn restore_from_trash(&mut self, id: &str, now_ms: f64) -> Result<(), SessionError> {
        library::restore(self.kv.as_mut(), id, now_ms)?;
        Ok(())
    }

    /// Empties the trash; returns how many drafts were deleted.
    pub fn empty_trash(&mut self) -> Result<usize, SessionError> {
        Ok(library::empty_trash(self.kv.as_mut())?)
    }

    // --- erasing everything on this device ------------------------------

    /// Every stored draft (those in the trash too) as a shared file, for
    /// "Tải về tất cả trước khi xóa": its name and JSON text, the open one
    /// with its present text. A draft that cannot be read is left out (it
    /// is kept aside, and downloaded from there).
    /// `parked` holds the drafts whose text is in the bulk store, read
    /// there by the shell (`bulk::read_parked`).
    pub fn all_draft_files(
        &mut self,
        date_iso: &str,
        now_ms: f64,
        parked: &[Envelope],
    ) -> Vec<(String, String)> {
        let open_id = self.open_id().map(str::to_owned);
        let mut files = Vec::new();
        let mut names: Vec<String> = Vec::new();
        for meta in library::list(self.kv.as_mut()).0 {
            let file = if open_id.as_deref() == Some(meta.id.as_str()) {
                self.draft_file(date_iso, now_ms)
            } else {
                let found = match parked.iter().find(|envelope| envelope.meta.id == meta.id) {
                    Some(envelope) => Some(envelope.clone()),
                    None => library::load(self.kv.as_mut(), &meta.id).ok(),
                };
                found.map(|mut envelope| {
                    let name = crate::persist::file_name(&envelope.document.title, date_iso);
                    (name, envelope.to_json())
                })
            };
            let Some((mut name, text)) = file else {
                continue;
            };
            // Two drafts of the same title on the same day: the files
            // are told apart by a number.
            let base = name.trim_end_matches(".baocao.json").to_owned();
            let mut n = 2;
            while names.contains(&name) {
                name = format!("{base}-{n}.baocao.json");
                n += 1;
            }
            names.push(name.clone());
            files.push((name, text));
        }
        files
    }

    /// The first step of "Xóa dữ liệu trên máy này": refused while another
    /// tab edits a draft (`other_tab_editing`, from the editing locks: it
    /// would write its draft back after the erase) or while text of the
    /// open draft is held only in this tab; otherwise the open draft is
    /// saved and closed, the versions waiting are dropped (they would be
    /// written after the erase), and the shell goes on with
    /// `bulk::erase_everything`.
    pub fn begin_erase(
        &mut self,
        other_tab_editing: bool,
        now_ms: f64,
    ) -> Result<(), SessionError> {
        if other_tab_editing {
            return Err(SessionError::EditedElsewhere);
        }
        let _ = self.flush(now_ms);
        if self.work_at_risk() {
            return Err(SessionError::WorkAtRisk);
        }
        self.open = None;
        self.outbox.clear();
        self.pictures.clear();
        self.pictures_out.clear();
        Ok(())
    }
}

/// Next year's draft made by `Session::next_year`: its id, its text and
/// the years changed in it.
#[derive(Clone, Debug, PartialEq)]
pub struct NextYearMade {
    pub id: String,
    pub document: crate::model::Document,
    pub changes: Vec<crate::next_year::YearChange>,
}

/// What tabs of the app tell each other about a draft (sent as text over
/// the browser's broadcast channel).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TabMessage {
    /// "I am about to take draft `id` over: save it now."
    SaveBeforeTakeOver { id: String },
    /// "Saved what I could of draft `id`; `unsaved` tells whether text is
    /// still held only here."
    Answer { id: String, unsaved: bool },
}

impl TabMessage {
    /// The message as text.
    pub fn to_text(&self) -> String {
        let value = match self {
            TabMessage::SaveBeforeTakeOver { id } => {
                serde_json::json!({ "kind": "save-before-take-over", "id": id })
            }
            TabMessage::Answer { id, unsaved } => {
                serde_json::json!({ "kind": "answer", "id": id, "unsaved": unsaved })
            }
        };
        value.to_string()
    }

    /// Reads a message; anything else (another app's, a newer version's)
    /// is `None`.
    pub fn from_text(text: &str) -> Option<TabMessage> {
        let value: serde_json::Value = serde_json::from_str(text).ok()?;
        let id = value.get("id")?.as_str()?.to_owned();
        match value.get("kind")?.as_str()? {
            "save-before-take-over" => Some(TabMessage::SaveBeforeTakeOver { id }),
            "answer" => Some(TabMessage::Answer {
                id,
                unsaved: value.get("unsaved")?.as_bool()?,
            }),
            _ => None,
        }
    }
}
