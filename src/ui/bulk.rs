//! The bulk store's work in the shell: the core decides (`persist::bulk`,
//! `Session::versions_to_keep`, `prepare_replace`/`finish_replace`,
//! `begin_erase`), this carries it out over IndexedDB (`platform::idb`),
//! one job after another so that two writes of one draft's versions never
//! cross, and shows the outcome: versions kept and listed, a restore or an
//! import in place of the open text once its version is kept, the move of
//! old versions at start, the meter's figures, and erasing everything.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::model::Document;
use crate::persist::bulk::{self, LocalAccess};
use crate::persist::library::KeyValue;
use crate::persist::{Snapshot, SnapshotReason};
use crate::platform::idb::IdbStore;
use crate::platform::{clock, files, locks, page};
use crate::session::{Session, SessionError};

use super::store::Store;

type Job = Box<dyn FnOnce() -> Pin<Box<dyn Future<Output = ()>>>>;

thread_local! {
    /// The jobs waiting, and whether one is running.
    static QUEUE: RefCell<(VecDeque<Job>, bool)> = RefCell::new((VecDeque::new(), false));
}

/// Runs `job` after every job queued before it.
fn run<F: Future<Output = ()> + 'static>(job: impl FnOnce() -> F + 'static) {
    let start = QUEUE.with(|queue| {
        let mut queue = queue.borrow_mut();
        queue.0.push_back(Box::new(move || Box::pin(job())));
        !std::mem::replace(&mut queue.1, true)
    });
    if start {
        wasm_bindgen_futures::spawn_local(async {
            while let Some(job) = QUEUE.with(|queue| queue.borrow_mut().0.pop_front()) {
                job().await;
            }
            QUEUE.with(|queue| queue.borrow_mut().1 = false);
        });
    }
}

/// The session's local storage, reached between two waits on IndexedDB.
struct SessionStorage(Store);

impl LocalAccess for SessionStorage {
    fn local<T>(&self, f: impl FnOnce(&mut dyn KeyValue) -> T) -> T {
        self.0.with_session(|s| f(s.storage()))
    }
}

impl Store {
    /// Keeps the versions the session has waiting ("on open", periodic).
    pub(super) fn keep_versions(&self) {
        for version in self.with_session(Session::versions_to_keep) {
            run(move || async move {
                let _ = version.keep(&IdbStore).await;
            });
        }
    }

    /// Reads the open draft's local versions again (for the panel), once
    /// those waiting are kept.
    pub fn refresh_versions(&self) {
        let key = self.with_session(Session::versions_key);
        self.keep_versions();
        let store = *self;
        run(move || async move {
            let mut list = match &key {
                Some(key) => {
                    let id = key.trim_start_matches(bulk::VERSIONS_NS);
                    bulk::snapshots(&IdbStore, id).await.unwrap_or_default()
                }
                None => Vec::new(),
            };
            list.reverse();
            store.versions.set(list);
        });
    }

    /// Brings back a local version after keeping the current text as one;
    /// when that cannot be kept, nothing changes and the user is told.
    pub fn restore_version(&self, snapshot: Snapshot) {
        self.replace_keeping(
            snapshot.document,
            SnapshotReason::BeforeRestore,
            Some(Msg::VersionRestored),
        );
    }

    /// Puts `document` in place of the open text once a version of the
    /// current text is kept (`Session::prepare_replace`, then
    /// `finish_replace` with the outcome).
    pub(super) fn replace_keeping(
        &self,
        document: Document,
        reason: SnapshotReason,
        done: Option<Msg>,
    ) {
        let prepared = self.with_session(|s| s.prepare_replace(reason, clock::epoch_ms()));
        let version = match prepared {
            Ok(version) => version,
            Err(error) => return self.report(&error),
        };
        self.keep_versions();
        let store = *self;
        run(move || async move {
            let kept = version.keep(&IdbStore).await;
            match store.with_session(|s| s.finish_replace(&version, kept, document)) {
                Ok(()) => {
                    store.changed();
                    if let Some(msg) = done {
                        store.say(msg);
                    }
                }
                Err(error) => store.report(&error),
            }
            if store.versions_open.get_untracked() {
                store.refresh_versions();
            }
        });
    }

    /// At start: moves versions of the old layout out of local storage
    /// (`bulk::migrate_versions`: copied, read back, then removed; what
    /// fails stays and moves at the next start), removes the versions of
    /// drafts deleted for good, and updates the meter.
    pub(super) fn start_bulk_store(&self) {
        let store = *self;
        run(move || async move {
            // What was not moved stays in local storage, whole, and moves
            // at the next start.
            let _ = bulk::migrate_versions(&SessionStorage(store), &IdbStore).await;
            let _ = bulk::remove_orphan_versions(&SessionStorage(store), &IdbStore).await;
            store.refresh_library();
        });
    }

    /// Removes the versions of drafts deleted for good (the trash emptied).
    pub(super) fn remove_deleted_versions(&self) {
        let store = *self;
        run(move || async move {
            let _ = bulk::remove_orphan_versions(&SessionStorage(store), &IdbStore).await;
            store.refresh_bulk_meter();
        });
    }

    /// Asks the browser what IndexedDB takes, for the meter.
    pub(super) fn refresh_bulk_meter(&self) {
        let usage = self.bulk_usage;
        page::storage_persist_and_estimate(move |used, quota| {
            usage.set(Some((used, quota)));
        });
    }

    /// Opens the erase confirmation with what it would remove, counted.
    pub fn ask_erase(&self) {
        self.flush();
        let store = *self;
        run(move || async move {
            let plan = bulk::erase_plan(&SessionStorage(store), &IdbStore).await;
            store.erase_plan.set(Some(plan));
        });
    }

    /// Closes the erase confirmation without erasing.
    pub fn cancel_erase(&self) {
        self.erase_plan.set(None);
    }

    /// Downloads every draft as its own .baocao.json file, and every entry
    /// set aside as it was stored.
    pub fn download_everything(&self) {
        let now = clock::epoch_ms();
        let date = clock::local_date_iso(now);
        let drafts = self.with_session(|s| s.all_draft_files(&date, now));
        for (name, text) in drafts {
            files::download_text(&name, "application/json", &text);
        }
        for (key, text) in self.with_session(|s| s.set_aside()) {
            self.download_set_aside(&key, &text);
        }
        if self.open_meta.get_untracked().is_some() {
            self.with_session(|s| s.downloaded(now));
        }
    }

    /// Erases everything on this device (`Session::begin_erase`, then
    /// `bulk::erase_everything`) and shows the empty library.
    pub fn erase_everything(&self) {
        let store = *self;
        run(move || async move {
            let held = locks::held_count("baocao-draft-").await;
            let mine = store
                .session
                .with_value(|s| s.open_id().is_some() && !s.is_read_only());
            let others = held > usize::from(mine);
            if let Err(error) = store.with_session(|s| s.begin_erase(others, clock::epoch_ms())) {
                store.erase_plan.set(None);
                return store.report(&error);
            }
            store.release_lock();
            page::set_tab_draft(None);
            store.versions_open.set(false);
            store.check_open.set(false);
            store.selected.set(None);
            let outcome = bulk::erase_everything(&SessionStorage(store), &IdbStore).await;
            store.erase_plan.set(None);
            store.sync();
            store.refresh_library();
            match outcome {
                Ok(()) => store.say(Msg::Erased),
                Err(error) => {
                    store.report(&SessionError::Storage(error));
                    store.say(Msg::EraseFailed);
                }
            }
        });
    }
}
