//! The bulk store's work in the shell: the core decides (`persist::bulk`,
//! `Session::versions_to_keep`, `pictures_to_keep`, `prepare_replace`/
//! `finish_replace`, `begin_erase`), this carries it out over IndexedDB
//! (`platform::idb`), or over local storage where IndexedDB cannot be
//! opened (`bulk::LocalBulk`), one job after another so that two writes of
//! one entry never cross, and shows the outcome: versions and pictures
//! kept, versions listed, a restore or an import in place of the open text
//! once its version is kept, the moves at start (old versions, pictures,
//! closed drafts), closed drafts parked and brought back to open them or
//! act on them, the trash emptied and purged in both stores, unnamed
//! pictures collected, the meter's figures, and erasing everything.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::model::Document;
use crate::persist::bulk::{self, BulkStore, LocalAccess, LocalBulk};
use crate::persist::library::{KeyValue, StoreError};
use crate::persist::{Snapshot, SnapshotReason};
use crate::platform::idb::IdbStore;
use crate::platform::{clock, files, locks, page};
use crate::session::{Session, SessionError};

use super::store::Store;

type Job = Box<dyn FnOnce() -> Pin<Box<dyn Future<Output = ()>>>>;

thread_local! {
    /// The jobs waiting, and whether one is running.
    static QUEUE: RefCell<(VecDeque<Job>, bool)> = RefCell::new((VecDeque::new(), false));
    /// IndexedDB could not be opened: the bulk store is local storage.
    static IN_LOCAL: Cell<bool> = const { Cell::new(false) };
}

/// Runs `job` after every job queued before it.
/// How long after a close the closed drafts are parked a second time.
const PARK_AGAIN_AFTER: std::time::Duration = std::time::Duration::from_millis(1000);

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

/// Whether no job of the bulk store is queued or running. The browser
/// tests wait for it before they use IndexedDB themselves: a job of an app
/// mounted by an earlier test (removing the versions of drafts it does not
/// know) would otherwise take their entries away under them.
pub fn jobs_idle() -> bool {
    QUEUE.with(|queue| {
        let queue = queue.borrow();
        queue.0.is_empty() && !queue.1
    })
}

/// The session's local storage, reached between two waits on IndexedDB.
#[derive(Clone, Copy)]
struct SessionStorage(Store);

impl LocalAccess for SessionStorage {
    fn local<T>(&self, f: impl FnOnce(&mut dyn KeyValue) -> T) -> T {
        self.0.with_session(|s| f(s.storage()))
    }
}

/// The bulk store in use: IndexedDB, or local storage where IndexedDB
/// cannot be opened.
fn bulk_of(store: Store) -> Box<dyn BulkStore> {
    if IN_LOCAL.with(Cell::get) {
        Box::new(LocalBulk(SessionStorage(store)))
    } else {
        Box::new(IdbStore)
    }
}

impl Store {
    /// Keeps the versions the session has waiting ("on open", periodic).
    /// and the pictures put or brought in by a file.
    pub(super) fn keep_versions(&self) {
        let store = *self;
        for version in self.with_session(Session::versions_to_keep) {
            run(move || async move {
                let _ = version.keep(&*bulk_of(store)).await;
            });
        }
        for picture in self.with_session(Session::pictures_to_keep) {
            run(move || async move {
                let kept = bulk::keep_picture(&*bulk_of(store), &picture, clock::epoch_ms()).await;
                if let Err(error) = kept {
                    store.report(&SessionError::from(error));
                }
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
                    bulk::snapshots(&*bulk_of(store), id)
                        .await
                        .unwrap_or_default()
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
            let kept = version.keep(&*bulk_of(store)).await;
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

    /// At start: finds whether IndexedDB opens (where it does not, the
    /// bulk store is local storage and nothing moves); moves versions and
    /// pictures of the old layout out of local storage
    /// (`bulk::migrate_versions`, `bulk::migrate_pictures`: copied, read
    /// back, then removed; what fails stays and moves at the next start);
    /// purges the trash in both stores; lists drafts of the bulk store that
    /// lost their entry; removes the versions of drafts deleted for good;
    /// parks the closed drafts; collects pictures nothing names; and
    /// updates the library and the meter.
    pub(super) fn start_bulk_store(&self) {
        let store = *self;
        run(move || async move {
            let kv = SessionStorage(store);
            if let Err(StoreError::Unavailable) = IdbStore.keys(bulk::DRAFTS_NS).await {
                IN_LOCAL.with(|local| local.set(true));
                store.bulk_in_local.set(true);
            }
            let bulk = bulk_of(store);
            let bulk = &*bulk;
            let now = clock::epoch_ms();
            if !IN_LOCAL.with(Cell::get) {
                // What was not moved stays in local storage, whole, and
                // moves at the next start.
                let _ = bulk::migrate_versions(&kv, bulk).await;
                let _ = bulk::migrate_pictures(&kv, bulk, now).await;
                bulk::list_unlisted(&kv, bulk).await;
            }
            bulk::purge_expired(&kv, bulk, now).await;
            let _ = bulk::remove_orphan_versions(&kv, bulk).await;
            store.refresh_library();
            // The open draft's pictures, if they were not at hand.
            store.load_pictures_then(|_| {});
        });
        self.park_closed();
        run(move || async move {
            let in_use = store.session.with_value(Session::pictures_in_use);
            let kv = SessionStorage(store);
            let _ = bulk::collect_pictures(&kv, &*bulk_of(store), &in_use, clock::epoch_ms()).await;
            store.refresh_bulk_meter();
        });
    }

    /// Parks every closed draft in the bulk store (`bulk::park_closed`),
    /// except the one open here and those other tabs hold; and once more a
    /// moment later. The draft this tab has just closed still shows as held
    /// until the browser has handled the lock's release, which Firefox does
    /// after the first pass has asked (stop 26: the second of two drafts
    /// closed stayed in local storage there).
    pub(super) fn park_closed(&self) {
        self.park_closed_once();
        let store = *self;
        set_timeout(move || store.park_closed_once(), PARK_AGAIN_AFTER);
    }

    fn park_closed_once(&self) {
        let store = *self;
        run(move || async move {
            if IN_LOCAL.with(Cell::get) {
                return;
            }
            let mut keep: Vec<String> = locks::held_names("baocao-draft-")
                .await
                .into_iter()
                .map(|name| name["baocao-draft-".len()..].to_owned())
                .collect();
            if let Some(id) = store.session.with_value(|s| s.open_id().map(str::to_owned)) {
                keep.push(id);
            }
            let parked = bulk::park_closed(&SessionStorage(store), &IdbStore, &keep).await;
            if parked.moved > 0 {
                store.refresh_library();
            }
        });
    }

    /// Loads the open draft's pictures that are not at hand from the bulk
    /// store, then calls `then` (at once when none are missing).
    pub(super) fn load_pictures_then(&self, then: impl FnOnce(Store) + 'static) {
        self.load_pictures_boxed(Box::new(then));
    }

    fn load_pictures_boxed(&self, then: Box<dyn FnOnce(Store)>) {
        let missing = self.session.with_value(Session::pictures_to_load);
        if missing.is_empty() {
            return then(*self);
        }
        let store = *self;
        run(move || async move {
            let bulk = bulk_of(store);
            let bulk = &*bulk;
            let mut loaded = crate::picture::Pictures::new();
            for id in missing {
                if let Ok(Some(picture)) = bulk::load_picture(bulk, &id).await {
                    loaded.insert(id, picture);
                }
            }
            store.with_session(|s| s.add_pictures(loaded));
            then(store);
        });
    }

    /// Brings parked draft `id` back into local storage (`bulk::unpark`),
    /// then runs `then`; says why not when it cannot.
    pub(super) fn unpark_then(&self, id: &str, then: impl FnOnce(Store) + 'static) {
        self.unpark_boxed(id, Box::new(then));
    }

    fn unpark_boxed(&self, id: &str, then: Box<dyn FnOnce(Store)>) {
        if !self.session.with_value(|s| s.is_parked(id)) {
            return then(*self);
        }
        let store = *self;
        let id = id.to_owned();
        run(move || async move {
            match bulk::unpark(&SessionStorage(store), &*bulk_of(store), &id).await {
                Ok(()) => then(store),
                Err(error) => {
                    store.report(&SessionError::from(error));
                    store.refresh_library();
                }
            }
        });
    }

    /// The text of stored draft `id` from whichever store holds it (the
    /// open one's as it stands), for `then`.
    pub(super) fn read_stored_then(
        &self,
        id: &str,
        then: impl FnOnce(Result<Document, SessionError>) + 'static,
    ) {
        if !self.session.with_value(|s| s.is_parked(id)) {
            return then(self.with_session(|s| s.read_stored(id)));
        }
        let store = *self;
        let id = id.to_owned();
        run(move || async move {
            let read = bulk::read_parked(&SessionStorage(store), &*bulk_of(store), &id).await;
            then(
                read.map(|envelope| envelope.document)
                    .map_err(SessionError::from),
            );
        });
    }

    /// Empties the trash in both stores (`bulk::empty_trash`), with the
    /// versions of the drafts deleted.
    pub(super) fn empty_trash_everywhere(&self) {
        let store = *self;
        run(move || async move {
            let kv = SessionStorage(store);
            let bulk = bulk_of(store);
            let bulk = &*bulk;
            if let Err(error) = bulk::empty_trash(&kv, bulk).await {
                store.report(&SessionError::from(error));
            }
            let _ = bulk::remove_orphan_versions(&kv, bulk).await;
            store.refresh_library();
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
            let plan = bulk::erase_plan(&SessionStorage(store), &*bulk_of(store)).await;
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
        let store = *self;
        run(move || async move {
            let kv = SessionStorage(store);
            let bulk = bulk_of(store);
            let bulk = &*bulk;
            let parked_ids: Vec<String> = store.with_session(|s| {
                s.library()
                    .into_iter()
                    .filter(|meta| s.is_parked(&meta.id))
                    .map(|meta| meta.id)
                    .collect()
            });
            let mut parked = Vec::new();
            for id in parked_ids {
                if let Ok(envelope) = bulk::read_parked(&kv, bulk, &id).await {
                    parked.push(envelope);
                }
            }
            let now = clock::epoch_ms();
            let date = clock::local_date_iso(now);
            let drafts = store.with_session(|s| s.all_draft_files(&date, now, &parked));
            for (name, text) in drafts {
                files::download_text(&name, "application/json", &text);
            }
            for (key, text) in store.with_session(|s| s.set_aside()) {
                store.download_set_aside(&key, &text);
            }
            if store.open_meta.get_untracked().is_some() {
                store.with_session(|s| s.downloaded(now));
            }
        });
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
            let outcome = bulk::erase_everything(&SessionStorage(store), &*bulk_of(store)).await;
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
