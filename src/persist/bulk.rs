//! The bulk store: where what is large and read on demand lives — closed
//! drafts (the trash included), the local versions of each draft and the
//! pictures of figures — apart from the small, synchronous local storage
//! that keeps the open draft's text (its autosave reads back at once there)
//! and a small library entry per draft.
//!
//! The browser's bulk store is IndexedDB (`platform::idb`), which answers
//! later, so `BulkStore` hands back futures. The rules — what goes where,
//! read-back, the caps on versions, the moves out of local storage, the
//! pictures nothing names, erasing everything — are the async functions
//! here and in `drafts.rs`, plain Rust over any `BulkStore`; the tests run
//! them natively over `MemoryBulk`, which fails on demand (at once, after
//! so many writes, or by reading back something else), with `block_on`.
//! Where IndexedDB cannot be opened, `LocalBulk` keeps the same entries in
//! local storage.
//!
//! Keys are namespaced: `versions/<draft id>` holds a draft's versions as
//! one JSON list (the text local storage held under `baocao.versions.<id>`,
//! so the move copies it as it is); `pictures/<picture id>` holds one
//! picture (`StoredPicture`); `drafts/<draft id>` a closed draft
//! (`drafts.rs`).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use super::library::{KeyValue, LibraryError, StoreError};
use super::{add_snapshot, keys, Snapshot, SnapshotReason};
use crate::model::Document;
use crate::picture::Picture;

mod drafts;
pub use drafts::*;

/// What a bulk store hands back: a future of its answer.
pub type Pending<'a, T> = Pin<Box<dyn Future<Output = Result<T, StoreError>> + 'a>>;

/// A store of strings under string keys that answers later, like IndexedDB.
pub trait BulkStore {
    fn get<'a>(&'a self, key: &'a str) -> Pending<'a, Option<String>>;
    fn put<'a>(&'a self, key: &'a str, value: &'a str) -> Pending<'a, ()>;
    fn delete<'a>(&'a self, key: &'a str) -> Pending<'a, ()>;
    /// Every key that starts with `prefix` ("" for all), in no set order.
    fn keys<'a>(&'a self, prefix: &'a str) -> Pending<'a, Vec<String>>;
    /// Removes every entry.
    fn clear(&self) -> Pending<'_, ()>;
}

/// Local storage as the async steps reach it: briefly, between two waits
/// on the bulk store, never across one (in the browser it is the session's,
/// which other code uses meanwhile).
pub trait LocalAccess {
    fn local<T>(&self, f: impl FnOnce(&mut dyn KeyValue) -> T) -> T;
}

impl<L: LocalAccess + ?Sized> LocalAccess for &L {
    fn local<T>(&self, f: impl FnOnce(&mut dyn KeyValue) -> T) -> T {
        (**self).local(f)
    }
}

impl<K: KeyValue> LocalAccess for RefCell<K> {
    fn local<T>(&self, f: impl FnOnce(&mut dyn KeyValue) -> T) -> T {
        f(&mut *self.borrow_mut())
    }
}

/// The namespace of drafts' versions.
pub const VERSIONS_NS: &str = "versions/";
/// The namespace of pictures.
pub const PICTURES_NS: &str = "pictures/";

/// The key of draft `id`'s versions.
pub fn versions_key(id: &str) -> String {
    format!("{VERSIONS_NS}{id}")
}

/// The key of picture `id`.
pub fn picture_key(id: &str) -> String {
    format!("{PICTURES_NS}{id}")
}

/// Writes `value` under `key` and reads it back: `Ok(true)` when it came
/// back the same.
pub async fn put_verified(
    bulk: &dyn BulkStore,
    key: &str,
    value: &str,
) -> Result<bool, StoreError> {
    bulk.put(key, value).await?;
    Ok(bulk.get(key).await?.as_deref() == Some(value))
}

// --- versions ----------------------------------------------------------

/// The local versions of a draft as stored: those that could be read, and
/// the entries that could not (kept as they are, and written back with the
/// next version).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Versions {
    pub readable: Vec<Snapshot>,
    pub unreadable: Vec<serde_json::Value>,
}

/// Reads a versions list. `None` when the text is not a JSON list at all.
pub fn parse_versions(text: &str) -> Option<Versions> {
    let list = serde_json::from_str::<Vec<serde_json::Value>>(text).ok()?;
    let mut versions = Versions::default();
    for entry in list {
        match <Snapshot as crate::model::read::FromJson>::from_json(entry.clone()) {
            Ok(snapshot) => versions.readable.push(snapshot),
            Err(_) => versions.unreadable.push(entry),
        }
    }
    Some(versions)
}

/// The stored text of a versions list: the unreadable entries first, as
/// they were, then the readable ones.
fn versions_text(unreadable: &[serde_json::Value], list: &[Snapshot]) -> String {
    // Each entry written as text and joined, rather than through
    // `serde_json::Value`: writing the model into a `Value` would put a
    // second copy of its serde code in the download.
    let entries = unreadable
        .iter()
        .filter_map(|entry| serde_json::to_string(entry).ok())
        .chain(
            list.iter()
                .filter_map(|snapshot| serde_json::to_string(snapshot).ok()),
        );
    format!("[{}]", entries.collect::<Vec<_>>().join(","))
}

/// The local versions of draft `id` that can be read, oldest first.
pub async fn snapshots(bulk: &dyn BulkStore, id: &str) -> Result<Vec<Snapshot>, StoreError> {
    let text = bulk.get(&versions_key(id)).await?;
    Ok(text
        .as_deref()
        .and_then(parse_versions)
        .map(|versions| versions.readable)
        .unwrap_or_default())
}

/// A version the session asks to keep: the shell keeps it with
/// `keep_version` and, for a replace, hands the outcome back.
#[derive(Clone, Debug, PartialEq)]
pub struct VersionToKeep {
    pub draft_id: String,
    pub document: crate::edit::SharedDocument,
    pub reason: SnapshotReason,
    pub taken_ms: f64,
}

impl VersionToKeep {
    /// Keeps this version in `bulk` (`keep_version`).
    pub async fn keep(&self, bulk: &dyn BulkStore) -> Result<(), LibraryError> {
        keep_version(
            bulk,
            &self.draft_id,
            &self.document,
            self.reason,
            self.taken_ms,
        )
        .await
    }
}

/// Keeps a local version: reads draft `id`'s list, adds the version (caps:
/// `add_snapshot`), writes the list and reads it back. Entries that cannot
/// be read are kept in the list as they are; a list that is not a list at
/// all is never overwritten (the version is not kept: the error says so,
/// and a replace waiting on it is refused). When the store is full, the
/// older half of the readable versions makes room.
pub async fn keep_version(
    bulk: &dyn BulkStore,
    id: &str,
    document: &Document,
    reason: SnapshotReason,
    now_ms: f64,
) -> Result<(), LibraryError> {
    let key = versions_key(id);
    let Versions {
        readable: mut list,
        unreadable,
    } = match bulk.get(&key).await? {
        None => Versions::default(),
        Some(text) => parse_versions(&text).ok_or_else(|| {
            LibraryError::Store(StoreError::Other("the versions entry is not a list".into()))
        })?,
    };
    add_snapshot(
        &mut list,
        Snapshot {
            taken_ms: now_ms,
            reason,
            document: document.clone(),
        },
    );
    let key = key.as_str();
    let write = |text: String| async move {
        match put_verified(bulk, key, &text).await {
            Ok(true) => Ok(()),
            Ok(false) => Err(LibraryError::VerifyFailed),
            Err(error) => Err(LibraryError::Store(error)),
        }
    };
    match write(versions_text(&unreadable, &list)).await {
        Err(LibraryError::Store(StoreError::QuotaExceeded)) if list.len() > 1 => {
            let keep = list.split_off(list.len() / 2);
            write(versions_text(&unreadable, &keep)).await
        }
        outcome => outcome,
    }
}

/// Removes the versions of drafts that are no longer in `kv` (deleted for
/// good, here or in another tab); returns how many lists went.
pub async fn remove_orphan_versions(
    kv: &impl LocalAccess,
    bulk: &dyn BulkStore,
) -> Result<usize, StoreError> {
    let mut removed = 0;
    for key in bulk.keys(VERSIONS_NS).await? {
        let id = &key[VERSIONS_NS.len()..];
        if !kv.local(|kv| super::library::exists(kv, id)) {
            bulk.delete(&key).await?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// Two version lists as one: every entry of both, once, oldest first (the
/// unreadable ones first, as they were).
fn merge_versions(first: &str, second: &str) -> Option<String> {
    let a: Vec<serde_json::Value> = serde_json::from_str(first).ok()?;
    let b: Vec<serde_json::Value> = serde_json::from_str(second).ok()?;
    let mut all: Vec<serde_json::Value> = Vec::new();
    for entry in a.into_iter().chain(b) {
        if !all.contains(&entry) {
            all.push(entry);
        }
    }
    let taken = |entry: &serde_json::Value| entry.get("taken_ms").and_then(|t| t.as_f64());
    all.sort_by(|x, y| match (taken(x), taken(y)) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        (None, Some(_)) => std::cmp::Ordering::Less,
        (Some(_), None) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    serde_json::to_string(&all).ok()
}

/// What moving the versions out of local storage did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Migration {
    /// Drafts whose versions were copied, read back and removed from
    /// local storage.
    pub moved: usize,
    /// Entries left in local storage, to move at the next start.
    pub left: usize,
    /// Why the move stopped, if it did.
    pub stopped: Option<StoreError>,
}

/// Moves every draft's versions from local storage (`baocao.versions.<id>`,
/// the layout before the bulk store) to the bulk store: copies each entry
/// (merged with a list the bulk store already holds for the draft, from an
/// earlier move cut short), reads the copy back, and only then removes the
/// local entry. The first failure stops the move: what was not moved stays
/// in local storage, whole, and moves at the next start. An entry that is
/// not a list is copied as it is only when the bulk store holds nothing
/// for the draft; otherwise it stays where it is.
pub async fn migrate_versions(kv: &impl LocalAccess, bulk: &dyn BulkStore) -> Migration {
    let mut migration = Migration::default();
    let local_keys: Vec<String> = kv.local(|kv| {
        kv.keys()
            .into_iter()
            .filter(|key| key.starts_with(keys::VERSIONS_PREFIX))
            .collect()
    });
    let mut remaining = local_keys.len();
    for local_key in local_keys {
        let id = &local_key[keys::VERSIONS_PREFIX.len()..];
        let step = async {
            let Some(text) = kv.local(|kv| kv.get(&local_key))? else {
                return Ok(false);
            };
            let key = versions_key(id);
            let value = match bulk.get(&key).await? {
                None => text,
                Some(there) if there == text => text,
                Some(there) => match merge_versions(&there, &text) {
                    Some(merged) => merged,
                    None => return Err(StoreError::Other("versions that cannot be merged".into())),
                },
            };
            if !put_verified(bulk, &key, &value).await? {
                return Err(StoreError::Other("the copy did not read back".into()));
            }
            Ok(true)
        };
        match step.await {
            Ok(copied) => {
                if let Err(error) = kv.local(|kv| kv.remove(&local_key)) {
                    migration.stopped = Some(error);
                    break;
                }
                remaining -= 1;
                if copied {
                    migration.moved += 1;
                }
            }
            Err(error) => {
                migration.stopped = Some(error);
                break;
            }
        }
    }
    migration.left = remaining;
    migration
}

// --- pictures ----------------------------------------------------------

/// A picture as stored: its type and its bytes in base64.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct StoredPicture {
    pub mime: String,
    pub base64: String,
    /// Fields a later version adds, kept.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// Stores picture `id` (content-addressed: the same id is the same
/// picture), written and read back.
pub async fn put_picture(
    bulk: &dyn BulkStore,
    id: &str,
    picture: &StoredPicture,
) -> Result<(), LibraryError> {
    let text = serde_json::to_string(picture).unwrap_or_default();
    match put_verified(bulk, &picture_key(id), &text).await? {
        true => Ok(()),
        false => Err(LibraryError::VerifyFailed),
    }
}

/// Picture `id`, if stored and readable.
pub async fn get_picture(
    bulk: &dyn BulkStore,
    id: &str,
) -> Result<Option<StoredPicture>, StoreError> {
    let text = bulk.get(&picture_key(id)).await?;
    Ok(text.and_then(|text| serde_json::from_str(&text).ok()))
}

/// Removes picture `id`.
pub async fn delete_picture(bulk: &dyn BulkStore, id: &str) -> Result<(), StoreError> {
    bulk.delete(&picture_key(id)).await
}

impl StoredPicture {
    /// `picture` as stored, stamped with when it was stored (a picture
    /// named nowhere is kept a day: another tab's undo may bring it back).
    pub fn of(picture: &Picture, now_ms: f64) -> StoredPicture {
        let mut extra = BTreeMap::new();
        extra.insert(STORED_MS_FIELD.to_owned(), serde_json::Value::from(now_ms));
        StoredPicture {
            mime: picture.mime.as_str().to_owned(),
            base64: crate::picture::base64_encode(&picture.bytes),
            extra,
        }
    }

    /// The picture, when its bytes are a PNG or JPEG.
    pub fn picture(&self) -> Option<Picture> {
        Picture::from_data_url(&format!("data:{};base64,{}", self.mime, self.base64)).ok()
    }

    fn stored_ms(&self) -> Option<f64> {
        self.extra
            .get(STORED_MS_FIELD)
            .and_then(serde_json::Value::as_f64)
    }
}

/// The field of a stored picture that says when it was stored.
const STORED_MS_FIELD: &str = "stored_ms";

/// Keeps `picture` under its id, written and read back, unless it is there
/// already (an id names the same bytes forever).
pub async fn keep_picture(
    bulk: &dyn BulkStore,
    picture: &Picture,
    now_ms: f64,
) -> Result<(), LibraryError> {
    let id = picture.id();
    if load_picture(bulk, &id).await?.is_some() {
        return Ok(());
    }
    put_picture(bulk, &id, &StoredPicture::of(picture, now_ms)).await
}

/// Picture `id` from the bulk store, when it is there and its bytes are
/// the picture of that id.
pub async fn load_picture(bulk: &dyn BulkStore, id: &str) -> Result<Option<Picture>, StoreError> {
    if !crate::picture::is_id(id) {
        return Ok(None);
    }
    Ok(get_picture(bulk, id)
        .await?
        .and_then(|stored| stored.picture())
        .filter(|picture| picture.id() == id))
}

/// Moves the pictures local storage holds (`baocao.picture.<id>`, the
/// layout before the bulk store) to the bulk store: each copied (unless the
/// bulk store has it), read back, and only then removed from local storage.
/// The first failure stops the move; the rest stays and moves at the next
/// start. An entry that is not a picture of its id stays where it is.
pub async fn migrate_pictures(
    kv: &impl LocalAccess,
    bulk: &dyn BulkStore,
    now_ms: f64,
) -> Migration {
    let local_keys: Vec<String> = kv.local(|kv| {
        kv.keys()
            .into_iter()
            .filter(|key| key.starts_with(keys::PICTURE_PREFIX))
            .collect()
    });
    let mut migration = Migration {
        left: local_keys.len(),
        ..Migration::default()
    };
    for local_key in local_keys {
        let id = &local_key[keys::PICTURE_PREFIX.len()..];
        let Some(picture) = kv.local(|kv| super::pictures::get_picture(kv, id)) else {
            continue;
        };
        if let Err(error) = keep_picture(bulk, &picture, now_ms).await {
            migration.stopped = Some(match error {
                LibraryError::Store(error) => error,
                _ => StoreError::Other("the copy did not read back".into()),
            });
            break;
        }
        if let Err(error) = kv.local(|kv| kv.remove(&local_key)) {
            migration.stopped = Some(error);
            break;
        }
        migration.moved += 1;
        migration.left -= 1;
    }
    migration
}

/// A day: a picture stored since is kept even when nothing names it, and
/// names are looked for at most once a day.
const PICTURE_GRACE_MS: f64 = 24.0 * 60.0 * 60.0 * 1000.0;

/// Removes the pictures that nothing names any longer: no draft (in either
/// store, the trash included), no version, no entry set aside, none of
/// `in_use` (what the open draft's undo steps hold), and stored more than a
/// day ago. A name anywhere in a stored text counts, so an entry that cannot
/// be read keeps its pictures. Looking for names reads every stored text, so
/// it is done at most once a day (`keys::PICTURES_COLLECTED`, written only
/// then; a clock gone back does it again). Returns how many went.
pub async fn collect_pictures(
    kv: &impl LocalAccess,
    bulk: &dyn BulkStore,
    in_use: &std::collections::BTreeSet<String>,
    now_ms: f64,
) -> Result<usize, StoreError> {
    let mut unnamed: Vec<String> = Vec::new();
    for key in bulk.keys(PICTURES_NS).await? {
        let id = &key[PICTURES_NS.len()..];
        if in_use.contains(id) {
            continue;
        }
        let recent = get_picture(bulk, id)
            .await?
            .and_then(|stored| stored.stored_ms())
            .is_some_and(|stored| (now_ms - stored).abs() < PICTURE_GRACE_MS);
        if !recent {
            unnamed.push(id.to_owned());
        }
    }
    if unnamed.is_empty() {
        return Ok(0);
    }
    let last: Option<f64> = kv
        .local(|kv| kv.get(keys::PICTURES_COLLECTED))?
        .and_then(|text| text.parse().ok());
    if last.is_some_and(|last| last <= now_ms && now_ms - last < PICTURE_GRACE_MS) {
        return Ok(0);
    }
    let _ = kv.local(|kv| kv.set(keys::PICTURES_COLLECTED, &now_ms.to_string()));
    let strike =
        |text: &str, unnamed: &mut Vec<String>| unnamed.retain(|id| !text.contains(id.as_str()));
    let local_keys = kv.local(|kv| kv.keys());
    for key in local_keys {
        if key.starts_with(keys::APP_PREFIX) && !key.starts_with(keys::PICTURE_PREFIX) {
            if let Some(text) = kv.local(|kv| kv.get(&key))? {
                strike(&text, &mut unnamed);
            }
        }
    }
    for namespace in [DRAFTS_NS, VERSIONS_NS] {
        for key in bulk.keys(namespace).await? {
            if unnamed.is_empty() {
                return Ok(0);
            }
            if let Some(text) = bulk.get(&key).await? {
                strike(&text, &mut unnamed);
            }
        }
    }
    for id in &unnamed {
        delete_picture(bulk, id).await?;
    }
    Ok(unnamed.len())
}

// --- when IndexedDB is missing -----------------------------------------

/// Local storage's keys of `LocalBulk`'s entries start with this.
pub const LOCAL_BULK_PREFIX: &str = "baocao.bulk.";

/// The bulk store kept in local storage, where IndexedDB cannot be opened
/// (private windows of some browsers): versions and pictures stay in
/// local storage as before, under `LOCAL_BULK_PREFIX`, and drafts are not
/// parked. Nothing is lost; the room is local storage's.
pub struct LocalBulk<L>(pub L);

impl<L: LocalAccess> BulkStore for LocalBulk<L> {
    fn get<'a>(&'a self, key: &'a str) -> Pending<'a, Option<String>> {
        let value = self
            .0
            .local(|kv| kv.get(&format!("{LOCAL_BULK_PREFIX}{key}")));
        Box::pin(async move { value })
    }
    fn put<'a>(&'a self, key: &'a str, value: &'a str) -> Pending<'a, ()> {
        let outcome = self
            .0
            .local(|kv| kv.set(&format!("{LOCAL_BULK_PREFIX}{key}"), value));
        Box::pin(async move { outcome })
    }
    fn delete<'a>(&'a self, key: &'a str) -> Pending<'a, ()> {
        let outcome = self
            .0
            .local(|kv| kv.remove(&format!("{LOCAL_BULK_PREFIX}{key}")));
        Box::pin(async move { outcome })
    }
    fn keys<'a>(&'a self, prefix: &'a str) -> Pending<'a, Vec<String>> {
        let full = format!("{LOCAL_BULK_PREFIX}{prefix}");
        // In local storage's order, which no caller relies on.
        let list: Vec<String> = self.0.local(|kv| {
            kv.keys()
                .into_iter()
                .filter(|key| key.starts_with(&full))
                .map(|key| key[LOCAL_BULK_PREFIX.len()..].to_owned())
                .collect()
        });
        Box::pin(async move { Ok(list) })
    }
    fn clear(&self) -> Pending<'_, ()> {
        let outcome = self.0.local(|kv| {
            for key in kv.keys() {
                if key.starts_with(LOCAL_BULK_PREFIX) {
                    kv.remove(&key)?;
                }
            }
            Ok(())
        });
        Box::pin(async move { outcome })
    }
}

// --- the whole of it ---------------------------------------------------

/// What erasing everything on this device removes, counted before, for the
/// confirmation to name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ErasePlan {
    /// Drafts outside the trash.
    pub drafts: usize,
    /// Drafts in the trash.
    pub trashed: usize,
    /// Drafts with versions (in either store).
    pub versioned_drafts: usize,
    pub pictures: usize,
    pub templates: usize,
}

/// Counts what `erase_everything` would remove.
pub async fn erase_plan(kv: &impl LocalAccess, bulk: &dyn BulkStore) -> ErasePlan {
    let (drafts, unreadable, local_keys) = kv.local(|kv| {
        let (drafts, unreadable) = super::library::list(kv);
        (drafts, unreadable, kv.keys())
    });
    let trashed = drafts.iter().filter(|m| m.trashed_ms.is_some()).count();
    let mut versioned: Vec<String> = bulk
        .keys(VERSIONS_NS)
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|key| key[VERSIONS_NS.len()..].to_owned())
        .collect();
    for key in &local_keys {
        if let Some(id) = key.strip_prefix(keys::VERSIONS_PREFIX) {
            if !versioned.iter().any(|v| v == id) {
                versioned.push(id.to_owned());
            }
        }
    }
    ErasePlan {
        drafts: drafts.len() - trashed + unreadable.len(),
        trashed,
        versioned_drafts: versioned.len(),
        pictures: bulk
            .keys(PICTURES_NS)
            .await
            .map(|keys| keys.len())
            .unwrap_or(0),
        templates: local_keys
            .iter()
            .filter(|key| key.starts_with(keys::TEMPLATE_PREFIX))
            .count(),
    }
}

/// Removes everything the app keeps on this device: every key of local
/// storage that is the app's (drafts, parts, library entries, versions of
/// the old layout, set-aside entries, templates, the last open draft, the
/// language) and every entry of the bulk store. Other apps' keys on the same
/// site stay. The bulk store goes first: when it fails, the drafts are all
/// still there to try again.
pub async fn erase_everything(
    kv: &impl LocalAccess,
    bulk: &dyn BulkStore,
) -> Result<(), StoreError> {
    bulk.clear().await?;
    kv.local(|kv| {
        for key in kv.keys() {
            if key.starts_with(keys::APP_PREFIX) {
                kv.remove(&key)?;
            }
        }
        Ok(())
    })
}

/// Bytes the bulk store holds, keys and values, counted as UTF-8.
pub async fn usage(bulk: &dyn BulkStore) -> Result<usize, StoreError> {
    let mut bytes = 0;
    for key in bulk.keys("").await? {
        bytes += key.len() + bulk.get(&key).await?.map_or(0, |value| value.len());
    }
    Ok(bytes)
}

// --- in memory -----------------------------------------------------------

/// What `MemoryBulk` holds and how it fails.
#[derive(Clone, Debug, Default)]
pub struct MemoryBulkState {
    pub items: BTreeMap<String, String>,
    /// Every call fails with this.
    pub fail_with: Option<StoreError>,
    /// Writes succeed this many more times, then fail as a full store.
    pub writes_left: Option<usize>,
    /// Reads return something other than what was written.
    pub corrupt_reads: bool,
    /// Writes that would make keys and values take more bytes fail as a
    /// full store.
    pub quota_bytes: Option<usize>,
}

/// An in-memory `BulkStore` that fails on demand, for tests. Clones share
/// the same entries: a test keeps one to look inside and to make it fail.
#[derive(Clone, Debug, Default)]
pub struct MemoryBulk(pub Rc<RefCell<MemoryBulkState>>);

impl MemoryBulk {
    pub fn state(&self) -> std::cell::RefMut<'_, MemoryBulkState> {
        self.0.borrow_mut()
    }

    /// The bytes the entries take, keys and values, as `quota_bytes`
    /// counts them.
    pub fn used_bytes(&self) -> usize {
        self.0
            .borrow()
            .items
            .iter()
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }

    fn check(&self) -> Result<(), StoreError> {
        self.0.borrow().fail_with.clone().map_or(Ok(()), Err)
    }

    fn write(&self) -> Result<(), StoreError> {
        self.check()?;
        let mut state = self.0.borrow_mut();
        match &mut state.writes_left {
            Some(0) => Err(StoreError::QuotaExceeded),
            Some(n) => {
                *n -= 1;
                Ok(())
            }
            None => Ok(()),
        }
    }
}

impl BulkStore for MemoryBulk {
    fn get<'a>(&'a self, key: &'a str) -> Pending<'a, Option<String>> {
        Box::pin(async move {
            self.check()?;
            let state = self.0.borrow();
            let value = state.items.get(key).cloned();
            Ok(if state.corrupt_reads {
                value.map(|v| v.chars().rev().collect())
            } else {
                value
            })
        })
    }
    fn put<'a>(&'a self, key: &'a str, value: &'a str) -> Pending<'a, ()> {
        Box::pin(async move {
            self.write()?;
            if let Some(quota) = self.0.borrow().quota_bytes {
                let others: usize = self
                    .0
                    .borrow()
                    .items
                    .iter()
                    .filter(|(k, _)| k.as_str() != key)
                    .map(|(k, v)| k.len() + v.len())
                    .sum();
                if others + key.len() + value.len() > quota {
                    return Err(StoreError::QuotaExceeded);
                }
            }
            self.0
                .borrow_mut()
                .items
                .insert(key.to_owned(), value.to_owned());
            Ok(())
        })
    }
    fn delete<'a>(&'a self, key: &'a str) -> Pending<'a, ()> {
        Box::pin(async move {
            self.check()?;
            self.0.borrow_mut().items.remove(key);
            Ok(())
        })
    }
    fn keys<'a>(&'a self, prefix: &'a str) -> Pending<'a, Vec<String>> {
        Box::pin(async move {
            self.check()?;
            Ok(self
                .0
                .borrow()
                .items
                .keys()
                .filter(|key| key.starts_with(prefix))
                .cloned()
                .collect())
        })
    }
    fn clear(&self) -> Pending<'_, ()> {
        Box::pin(async move {
            self.check()?;
            self.0.borrow_mut().items.clear();
            Ok(())
        })
    }
}

/// Runs a future whose every step is ready at once (a `MemoryBulk`'s), for
/// the native tests of the rules over a bulk store.
pub fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    match future.as_mut().poll(&mut context) {
        std::task::Poll::Ready(output) => output,
        std::task::Poll::Pending => panic!("block_on runs only futures that are ready at once"),
    }
}

#[cfg(test)]
mod tests;
