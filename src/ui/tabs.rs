//! One editing tab per draft: the draft's lock (Web Locks), take-over by
//! another tab (which first asks this one to save, and waits), and
//! following what other tabs write to storage. The rules — what a tab that
//! lost the lock keeps, when a reload may replace the text on screen — are
//! the session's.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::platform::{channel, clock, dom, locks};
use crate::session::{Session, TabMessage};

use super::store::Store;

/// How long a take-over waits for the editing tab to save.
const TAKE_OVER_WAIT: std::time::Duration = std::time::Duration::from_millis(1500);

impl Store {
    /// Asks for this draft's lock; without it the tab is read-only.
    pub(super) fn acquire_lock(&self, id: &str, steal: bool) {
        let store = *self;
        let handle = locks::request(
            &format!("baocao-draft-{id}"),
            steal,
            move |held| {
                store.with_session(|s| s.set_editing(held));
                if held && steal {
                    store.with_session(|s| s.reload_from_storage(clock::epoch_ms()));
                    store.message.set(None);
                }
                store.sync();
            },
            move || {
                store.with_session(Session::taken_over);
                store.sync();
                if store.with_session(|s| s.work_at_risk()) {
                    store.say(Msg::TakenOverUnsavedKept);
                }
            },
        );
        self.lock.set_value(Some(handle));
    }

    pub(super) fn release_lock(&self) {
        self.lock.update_value(|lock| {
            if let Some(lock) = lock.take() {
                lock.release();
            }
        });
    }

    /// Takes this draft over from the tab that has it open: that tab is
    /// asked to save first, and this one waits for its answer.
    pub fn take_over(&self) {
        let Some(id) = self.open_meta.get_untracked().map(|meta| meta.id) else {
            return;
        };
        self.awaiting_take_over.set_value(Some(id.clone()));
        channel::post(&TabMessage::SaveBeforeTakeOver { id });
        let store = *self;
        // No answer (an older tab, or none at all): go on.
        set_timeout(move || store.finish_take_over(None), TAKE_OVER_WAIT);
    }

    fn finish_take_over(&self, other_has_unsaved: Option<bool>) {
        let Some(id) = self
            .awaiting_take_over
            .try_update_value(Option::take)
            .flatten()
        else {
            return;
        };
        if other_has_unsaved == Some(true) && !dom::confirm(self.t(Msg::ConfirmTakeOverUnsaved)) {
            return;
        }
        self.release_lock();
        self.acquire_lock(&id, true);
    }

    /// A message from another tab of the app.
    pub(super) fn on_tab_message(&self, message: TabMessage) {
        let open = self.open_meta.get_untracked().map(|meta| meta.id);
        match message {
            TabMessage::SaveBeforeTakeOver { id } if open.as_deref() == Some(id.as_str()) => {
                if self.read_only.get_untracked() {
                    return;
                }
                let unsaved = self.with_session(|s| s.before_take_over(clock::epoch_ms()));
                self.after_save_outcome(None);
                channel::post(&TabMessage::Answer { id, unsaved });
            }
            TabMessage::Answer { id, unsaved }
                if self
                    .awaiting_take_over
                    .with_value(|w| w.as_deref() == Some(id.as_str())) =>
            {
                self.finish_take_over(Some(unsaved));
            }
            _ => {}
        }
    }

    /// Reacts to another tab writing to storage: the library follows, and a
    /// read-only view of a draft follows its editing tab.
    pub fn on_storage_changed(&self, key: Option<String>) {
        let open = self.open_meta.get_untracked().map(|meta| meta.id);
        if open.is_none() {
            self.refresh_library();
            return;
        }
        let ours = open.is_some_and(|id| {
            key.as_deref()
                .is_none_or(|key| key == crate::persist::keys::draft(&id))
        });
        if self.read_only.get_untracked() && ours {
            self.with_session(|s| s.reload_from_storage(clock::epoch_ms()));
            self.sync();
        }
    }
}
