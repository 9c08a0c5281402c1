//! The interface's state: the open draft with its undo history, the language,
//! the message line and focus requests. Components get the `Store` from
//! context, read its memos and call `dispatch`; they never change a document
//! themselves.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::edit::{Edit, EditError, History};
use crate::i18n::{t, Lang, Msg};
use crate::model::{Document, NodeId};
use crate::numbering::{outline, OutlineEntry};
use crate::platform::{clock, dom, storage};

/// Every draft is stored under its own key, `DRAFT_PREFIX` + its id, so that
/// saving one never rewrites another; `CURRENT_KEY` names the open one. (The
/// draft library of the persistence work builds on this.)
pub const DRAFT_PREFIX: &str = "baocao.draft.";
pub const CURRENT_KEY: &str = "baocao.current";

/// The storage key of the remembered interface language.
pub const LANG_KEY: &str = "baocao.lang";

/// The DOM id of the editable field of node `id`.
pub fn field_id(id: NodeId) -> String {
    format!("n{id}")
}

/// Shared state, cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct Store {
    history: RwSignal<Option<History>>,
    /// The storage id of the open draft.
    draft_id: RwSignal<Option<String>>,
    pub lang: RwSignal<Lang>,
    /// The open document, if any.
    pub document: Memo<Option<Document>>,
    /// Every section with its computed number, by id.
    pub numbers: Memo<HashMap<NodeId, OutlineEntry>>,
    pub outline: Memo<Vec<OutlineEntry>>,
    /// The section the outline panel acts on.
    pub selected: RwSignal<Option<NodeId>>,
    /// A short message for the user (an edit that could not be made, a
    /// storage problem), shown in the status line.
    pub message: RwSignal<Option<String>>,
    pub can_undo: Memo<bool>,
    pub can_redo: Memo<bool>,
}

impl Store {
    /// Creates the store, reading the language and the open draft from
    /// storage, and starts saving the draft whenever it changes.
    pub fn new() -> Store {
        let lang = storage::get::<String>(LANG_KEY)
            .ok()
            .flatten()
            .map(|tag| Lang::from_tag(&tag))
            .unwrap_or_default();
        let lang = RwSignal::new(lang);
        let message = RwSignal::new(None);
        // A draft that cannot be read stays where it is, untouched; the app
        // starts without it and says so.
        let current = storage::get::<String>(CURRENT_KEY).ok().flatten();
        let stored = current.as_ref().and_then(|id| {
            match storage::get::<Document>(&format!("{DRAFT_PREFIX}{id}")) {
                Ok(document) => document,
                Err(error) => {
                    message.set(Some(
                        t(lang.get_untracked(), storage_message(&error)).to_owned(),
                    ));
                    None
                }
            }
        });
        let draft_id = RwSignal::new(stored.as_ref().and(current));
        let history = RwSignal::new(stored.map(History::new));
        let document = Memo::new(move |_| {
            history.with(|history| history.as_ref().map(|h| h.document().clone()))
        });
        let outline = Memo::new(move |_| {
            document.with(|document| document.as_ref().map(outline).unwrap_or_default())
        });
        let numbers = Memo::new(move |_| {
            outline.with(|entries| {
                entries
                    .iter()
                    .map(|entry| (entry.id, entry.clone()))
                    .collect()
            })
        });
        let can_undo =
            Memo::new(move |_| history.with(|h| h.as_ref().is_some_and(History::can_undo)));
        let can_redo =
            Memo::new(move |_| history.with(|h| h.as_ref().is_some_and(History::can_redo)));
        let store = Store {
            history,
            draft_id,
            lang,
            document,
            numbers,
            outline,
            selected: RwSignal::new(None),
            message,
            can_undo,
            can_redo,
        };
        store.save_on_change();
        store
    }

    fn save_on_change(self) {
        Effect::new(move |_| {
            // Read the document first, whatever happens next: an effect
            // re-runs only for what it read, so an early return before this
            // line would leave it deaf to every later edit.
            self.document.track();
            let Some(id) = self.draft_id.get_untracked() else {
                return;
            };
            let result = self.document.with_untracked(|document| match document {
                Some(document) => storage::set(&format!("{DRAFT_PREFIX}{id}"), document),
                None => Ok(()),
            });
            if let Err(error) = result {
                self.message.set(Some(
                    t(self.lang.get_untracked(), storage_message(&error)).to_owned(),
                ));
            }
        });
    }

    /// The text of `msg` in the current language.
    pub fn t(&self, msg: Msg) -> &'static str {
        t(self.lang.get(), msg)
    }

    /// Opens `document` as a new draft with its own storage key.
    pub fn open_new(&self, document: Document) {
        let id = format!("{}", clock::epoch_ms() as u64);
        self.open(id, document);
    }

    /// Opens the stored draft `id`; says so when it cannot be read.
    pub fn open_stored(&self, id: &str) {
        match storage::get::<Document>(&format!("{DRAFT_PREFIX}{id}")) {
            Ok(Some(document)) => self.open(id.to_owned(), document),
            Ok(None) => self
                .message
                .set(Some(self.t(Msg::EditErrorNotFound).to_owned())),
            Err(error) => self
                .message
                .set(Some(self.t(storage_message(&error)).to_owned())),
        }
    }

    fn open(&self, id: String, document: Document) {
        let _ = storage::set(CURRENT_KEY, &id);
        self.draft_id.set(Some(id));
        self.history.set(Some(History::new(document)));
        self.selected.set(None);
        self.message.set(None);
    }

    /// Closes the open draft; it stays stored.
    pub fn close(&self) {
        let _ = storage::remove(CURRENT_KEY);
        self.draft_id.set(None);
        self.history.set(None);
        self.selected.set(None);
    }

    /// The stored drafts, newest first: (id, title, size in bytes).
    pub fn stored_drafts(&self) -> Vec<(String, String, usize)> {
        let mut drafts: Vec<(String, String, usize)> = storage::keys()
            .into_iter()
            .filter_map(|key| key.strip_prefix(DRAFT_PREFIX).map(str::to_owned))
            .filter_map(|id| {
                let raw = storage::get_raw(&format!("{DRAFT_PREFIX}{id}"))
                    .ok()
                    .flatten()?;
                let title = serde_json::from_str::<serde_json::Value>(&raw)
                    .ok()
                    .and_then(|value| {
                        value
                            .get("title")
                            .and_then(|t| t.as_str())
                            .map(str::to_owned)
                    })
                    .unwrap_or_default();
                Some((id, title, raw.len()))
            })
            .collect();
        drafts.sort_by(|a, b| b.0.cmp(&a.0));
        drafts
    }

    /// Applies `edit`; on success focuses what it created, on failure says
    /// why in the status line.
    pub fn dispatch(&self, edit: Edit) -> Option<NodeId> {
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
                if let Some(id) = created {
                    self.focus(id);
                }
                created
            }
            Some(Err(error)) => {
                self.message
                    .set(Some(self.t(edit_error_message(&error)).to_owned()));
                None
            }
            None => None,
        }
    }

    pub fn undo(&self) {
        self.history.update(|history| {
            if let Some(history) = history {
                history.undo();
            }
        });
    }

    pub fn redo(&self) {
        self.history.update(|history| {
            if let Some(history) = history {
                history.redo();
            }
        });
    }

    /// Moves focus to the field of node `id` as soon as it is on the page.
    ///
    /// Leptos renders on the microtask queue, and every key press is a task
    /// of its own, so focusing within the microtasks that follow the edit
    /// guarantees that the next key typed lands in the new field (a person
    /// typing fast after Enter otherwise loses the first letter to the old
    /// bullet). An animation frame is the fallback.
    pub fn focus(&self, id: NodeId) {
        leptos::task::spawn_local(async move {
            for _ in 0..8 {
                leptos::task::tick().await;
                if dom::focus(&field_id(id)) {
                    return;
                }
            }
            request_animation_frame(move || {
                dom::focus(&field_id(id));
            });
        });
    }

    /// Remembers the language.
    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        // A preference that cannot be stored is not worth an error: the
        // switch still works for this session.
        let _ = storage::set(LANG_KEY, &lang.tag().to_owned());
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

fn storage_message(error: &storage::StorageError) -> Msg {
    match error {
        storage::StorageError::Unavailable => Msg::StorageUnavailable,
        storage::StorageError::QuotaExceeded => Msg::StorageFull,
        storage::StorageError::Unreadable(_) | storage::StorageError::Other(_) => Msg::StorageOther,
    }
}
