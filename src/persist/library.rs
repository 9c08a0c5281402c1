//! The draft library over any key-value store: create, save (with read-back),
//! load (setting unreadable entries aside), duplicate, rename, trash and
//! restore, local versions. The browser's local storage is one `KeyValue`
//! (in `platform`); the tests use an in-memory one that fails on demand.

use std::collections::BTreeMap;

use super::{
    add_snapshot, expired_from_trash, keys, DraftMeta, Envelope, LoadError, Snapshot,
    SnapshotReason,
};
use crate::model::Document;

/// Why the store refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    Unavailable,
    QuotaExceeded,
    Other(String),
}

/// A key-value store of strings, like `localStorage`.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    fn keys(&self) -> Vec<String>;

    /// Writes `value` under `key`, reads it back and tells whether it came
    /// back the same. A store may compare where the text lives: the
    /// browser's storage compares JavaScript strings without copying half
    /// a megabyte back into the app at every autosave.
    fn set_and_verify(&mut self, key: &str, value: &str) -> Result<bool, StoreError> {
        self.set(key, value)?;
        Ok(self.get(key)?.as_deref() == Some(value))
    }

    /// Tells whether `key` holds a value. A store may answer without
    /// reading the value.
    fn contains(&self, key: &str) -> bool {
        matches!(self.get(key), Ok(Some(_)))
    }
}

/// What storage holds of an open draft's parts: the entry names, in order,
/// and the text of each. Saving compares each part's text with these and
/// writes only the parts that changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StoredParts {
    names: Vec<String>,
    texts: Vec<String>,
}

/// Why a library operation failed. Nothing stored was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LibraryError {
    Store(StoreError),
    /// The stored text did not read back as written.
    VerifyFailed,
    /// No draft with this id.
    Missing(String),
    /// The stored draft cannot be read; its text was kept under `kept_as`.
    Unreadable {
        id: String,
        kept_as: String,
        reason: LoadError,
    },
}

impl From<StoreError> for LibraryError {
    fn from(error: StoreError) -> Self {
        LibraryError::Store(error)
    }
}

/// A new draft id, unique in `kv`, from the clock.
pub fn new_id(kv: &dyn KeyValue, now_ms: f64) -> String {
    let mut stamp = now_ms.max(0.0) as u64;
    loop {
        let id = stamp.to_string();
        if kv.get(&keys::draft(&id)).ok().flatten().is_none() {
            return id;
        }
        stamp += 1;
    }
}

/// Saves `envelope` with all its parts. `edited_ms` is set to `now_ms`.
pub fn save(
    kv: &mut dyn KeyValue,
    envelope: &mut Envelope,
    now_ms: f64,
) -> Result<(), LibraryError> {
    envelope.meta.edited_ms = now_ms;
    write(kv, envelope, &mut StoredParts::default())
}

/// Saves `document` as the text of draft `envelope`, which keeps its own
/// document as it was (the editor saves its current document at every pause
/// without copying it into the envelope). `stored` is what storage holds of
/// the draft's parts; only the parts that differ from it are written, and
/// it is brought up to date.
///
/// A draft is stored in pieces: each part (I., II., …) in an entry of its
/// own under a fresh name, then the head (the envelope with the frame and
/// preamble, naming the part entries) in the draft's entry. Every entry is
/// read back and compared. The head is written last, so until it is, the
/// stored draft is the previous one, whole; the parts it no longer names
/// are removed after. A save that fails leaves the previous draft as it was.
pub fn save_document(
    kv: &mut dyn KeyValue,
    envelope: &mut Envelope,
    document: &Document,
    stored: &mut StoredParts,
    now_ms: f64,
) -> Result<(), LibraryError> {
    envelope.meta.edited_ms = now_ms;
    write_parts(kv, envelope, document, stored)
}

/// Writes `envelope` with its own document.
fn write(
    kv: &mut dyn KeyValue,
    envelope: &mut Envelope,
    stored: &mut StoredParts,
) -> Result<(), LibraryError> {
    let document = std::mem::take(&mut envelope.document);
    let outcome = write_parts(kv, envelope, &document, stored);
    envelope.document = document;
    outcome
}

/// The numbered names of draft `id`'s part entries in storage.
fn part_names_in_store(kv: &dyn KeyValue, id: &str) -> Vec<String> {
    let prefix = keys::parts_of(id);
    kv.keys()
        .into_iter()
        .filter_map(|key| key.strip_prefix(&prefix).map(str::to_owned))
        .collect()
}

fn write_parts(
    kv: &mut dyn KeyValue,
    envelope: &mut Envelope,
    document: &Document,
    stored: &mut StoredParts,
) -> Result<(), LibraryError> {
    let id = envelope.meta.id.clone();
    let texts: Vec<String> = document
        .sections
        .iter()
        .map(|part| serde_json::to_string(part).unwrap_or_default())
        .collect();
    // Removes the part entries this save wrote, when it cannot finish.
    fn undo(kv: &mut dyn KeyValue, id: &str, written: &[String]) {
        for name in written {
            let _ = kv.remove(&keys::part(id, name));
        }
    }
    let mut names = Vec::with_capacity(texts.len());
    let mut written: Vec<String> = Vec::new();
    let mut in_store: Option<Vec<String>> = None;
    let mut next_name = 0u64;
    for text in &texts {
        let unchanged = stored
            .texts
            .iter()
            .position(|old| old == text)
            .map(|index| stored.names[index].clone())
            .filter(|name| kv.contains(&keys::part(&id, name)));
        if let Some(name) = unchanged {
            names.push(name);
            continue;
        }
        // A fresh name, above every name in storage: an entry the stored
        // head may name is never overwritten.
        let present = in_store.get_or_insert_with(|| part_names_in_store(kv, &id));
        if next_name == 0 {
            next_name = present
                .iter()
                .chain(&stored.names)
                .filter_map(|name| name.parse::<u64>().ok())
                .max()
                .map_or(1, |max| max + 1);
        }
        let name = next_name.to_string();
        next_name += 1;
        match kv.set_and_verify(&keys::part(&id, &name), text) {
            Ok(true) => written.push(name.clone()),
            Ok(false) => {
                written.push(name);
                undo(kv, &id, &written);
                return Err(LibraryError::VerifyFailed);
            }
            Err(error) => {
                undo(kv, &id, &written);
                return Err(error.into());
            }
        }
        names.push(name);
    }
    let parts_bytes = texts.iter().map(String::len).sum();
    let head = envelope.head_json(document, &names, parts_bytes);
    match kv.set_and_verify(&keys::draft(&id), &head) {
        Ok(true) => {}
        // Written, but not as sent: the parts it may name stay.
        Ok(false) => return Err(LibraryError::VerifyFailed),
        Err(error) => {
            undo(kv, &id, &written);
            return Err(error.into());
        }
    }
    // The new head is in place: the part entries it does not name go,
    // with any a save cut short left behind.
    let present = in_store.unwrap_or_else(|| part_names_in_store(kv, &id));
    for name in present.iter().filter(|name| !names.contains(name)) {
        let _ = kv.remove(&keys::part(&id, name));
    }
    *stored = StoredParts { names, texts };
    let meta = serde_json::to_string(&envelope.meta).unwrap_or_default();
    kv.set(&keys::meta(&id), &meta)?;
    Ok(())
}

/// Creates a draft from `document` and saves it.
pub fn create(
    kv: &mut dyn KeyValue,
    document: Document,
    now_ms: f64,
) -> Result<Envelope, LibraryError> {
    create_with_parts(kv, document, now_ms).map(|(envelope, _)| envelope)
}

/// Creates a draft from `document`, saves it, and tells what storage holds
/// of its parts, for the editor's saves.
pub fn create_with_parts(
    kv: &mut dyn KeyValue,
    document: Document,
    now_ms: f64,
) -> Result<(Envelope, StoredParts), LibraryError> {
    let id = new_id(kv, now_ms);
    let mut envelope = Envelope::new(&id, document, now_ms);
    let mut stored = StoredParts::default();
    write(kv, &mut envelope, &mut stored)?;
    Ok((envelope, stored))
}

/// Keeps the text of an unreadable entry under a key of its own, once.
fn set_aside(kv: &mut dyn KeyValue, id: &str, text: &str) -> String {
    let kept_as = format!("{}{id}", keys::CORRUPT_PREFIX);
    if kv.get(&kept_as).ok().flatten().is_none() {
        let _ = kv.set(&kept_as, text);
    }
    kept_as
}

/// Loads draft `id`. An entry that cannot be read is copied aside (never
/// overwritten) and reported.
pub fn load(kv: &mut dyn KeyValue, id: &str) -> Result<Envelope, LibraryError> {
    load_with_parts(kv, id).map(|(envelope, _)| envelope)
}

/// Loads draft `id` with what storage holds of its parts, for
/// `save_document`. A draft stored in pieces is put together from its head
/// and part entries; an entry that cannot be read, or a part that is
/// missing, makes the draft unreadable: what could be read is copied aside
/// (never overwritten) and reported.
pub fn load_with_parts(
    kv: &mut dyn KeyValue,
    id: &str,
) -> Result<(Envelope, StoredParts), LibraryError> {
    let text = kv
        .get(&keys::draft(id))?
        .ok_or_else(|| LibraryError::Missing(id.to_owned()))?;
    let unreadable = |kv: &mut dyn KeyValue, kept: &str, reason: LoadError| {
        let kept_as = set_aside(kv, id, kept);
        LibraryError::Unreadable {
            id: id.to_owned(),
            kept_as,
            reason,
        }
    };
    let mut stored = StoredParts::default();
    // A quick look first: only a head names its parts; a draft in one piece
    // is read without parsing it twice.
    if text.contains(&format!("\"{}\":", super::STORED_PARTS_FIELD)) {
        if let Some(names) = stored_part_names(&text) {
            for name in names {
                match kv.get(&keys::part(id, &name))? {
                    Some(part) => {
                        stored.names.push(name);
                        stored.texts.push(part);
                    }
                    None => {
                        let kept = recoverable_text(&text, &stored.texts);
                        let reason = LoadError::Shape(format!("part {name} is missing"));
                        return Err(unreadable(kv, &kept, reason));
                    }
                }
            }
        }
    }
    match Envelope::from_stored(&text, &stored.texts) {
        Ok(mut envelope) => {
            // The id is the key's; a copied file may carry another.
            envelope.meta.id = id.to_owned();
            Ok((envelope, stored))
        }
        Err(reason) => {
            let kept = recoverable_text(&text, &stored.texts);
            Err(unreadable(kv, &kept, reason))
        }
    }
}

/// The part names a head lists, if it is a head.
fn stored_part_names(head: &str) -> Option<Vec<String>> {
    let value: serde_json::Value = serde_json::from_str(head).ok()?;
    value
        .get(super::STORED_PARTS_FIELD)?
        .as_array()?
        .iter()
        .map(|name| name.as_str().map(str::to_owned))
        .collect()
}

/// What to keep of an unreadable draft: the head with the parts that could
/// be read put back, as one JSON text (or the head's own text, when it is
/// not JSON).
fn recoverable_text(head: &str, parts: &[String]) -> String {
    let Ok(mut value) = serde_json::from_str::<serde_json::Value>(head) else {
        return head.to_owned();
    };
    if value.get(super::STORED_PARTS_FIELD).is_none() {
        return head.to_owned();
    }
    let sections: Vec<serde_json::Value> = parts
        .iter()
        .map(|part| {
            serde_json::from_str(part).unwrap_or_else(|_| serde_json::Value::from(part.as_str()))
        })
        .collect();
    super::put_parts_back(&mut value, sections);
    serde_json::to_string(&value).unwrap_or_else(|_| head.to_owned())
}

/// The library: every draft's entry (rebuilt from the draft when missing)
/// and the ids of drafts that cannot be read.
pub fn list(kv: &mut dyn KeyValue) -> (Vec<DraftMeta>, Vec<String>) {
    let all = kv.keys();
    let mut drafts = Vec::new();
    let mut unreadable = Vec::new();
    for key in &all {
        let Some(id) = key.strip_prefix(keys::DRAFT_PREFIX) else {
            continue;
        };
        let stored_meta = kv
            .get(&keys::meta(id))
            .ok()
            .flatten()
            .and_then(|text| serde_json::from_str::<DraftMeta>(&text).ok());
        match stored_meta {
            Some(mut meta) => {
                meta.id = id.to_owned();
                drafts.push(meta);
            }
            None => match load(kv, id) {
                Ok(envelope) => {
                    let meta = envelope.meta.clone();
                    let _ = kv.set(
                        &keys::meta(id),
                        &serde_json::to_string(&meta).unwrap_or_default(),
                    );
                    drafts.push(meta);
                }
                Err(_) => unreadable.push(id.to_owned()),
            },
        }
    }
    drafts.sort_by(|a, b| b.edited_ms.total_cmp(&a.edited_ms));
    (drafts, unreadable)
}

/// Entries set aside because they could not be read: (key, text).
pub fn set_aside_entries(kv: &dyn KeyValue) -> Vec<(String, String)> {
    kv.keys()
        .into_iter()
        .filter(|key| key.starts_with(keys::CORRUPT_PREFIX))
        .filter_map(|key| kv.get(&key).ok().flatten().map(|text| (key, text)))
        .collect()
}

/// Loads draft `id`, changes it and writes it back. `is_edit` tells whether
/// the change counts as editing (renaming does; trashing does not).
fn update(
    kv: &mut dyn KeyValue,
    id: &str,
    now_ms: f64,
    is_edit: bool,
    change: impl FnOnce(&mut Envelope),
) -> Result<Envelope, LibraryError> {
    let (mut envelope, mut stored) = load_with_parts(kv, id)?;
    change(&mut envelope);
    if is_edit {
        envelope.meta.edited_ms = now_ms;
    }
    write(kv, &mut envelope, &mut stored)?;
    Ok(envelope)
}

/// Renames draft `id`.
pub fn rename(
    kv: &mut dyn KeyValue,
    id: &str,
    title: &str,
    now_ms: f64,
) -> Result<Envelope, LibraryError> {
    let title = crate::text::clean_input(title);
    update(kv, id, now_ms, true, |envelope| {
        envelope.document.title = title
    })
}

/// Copies draft `id` into a new draft titled "… (bản sao)".
pub fn duplicate(kv: &mut dyn KeyValue, id: &str, now_ms: f64) -> Result<Envelope, LibraryError> {
    let original = load(kv, id)?;
    let mut document = original.document;
    document.title = format!("{} (bản sao)", document.title);
    create(kv, document, now_ms)
}

/// Moves draft `id` to the trash.
pub fn trash(kv: &mut dyn KeyValue, id: &str, now_ms: f64) -> Result<Envelope, LibraryError> {
    update(kv, id, now_ms, false, |envelope| {
        envelope.meta.trashed_ms = Some(now_ms)
    })
}

/// Takes draft `id` out of the trash.
pub fn restore(kv: &mut dyn KeyValue, id: &str, now_ms: f64) -> Result<Envelope, LibraryError> {
    update(kv, id, now_ms, false, |envelope| {
        envelope.meta.trashed_ms = None
    })
}

/// Records that draft `id` was saved to a file.
pub fn mark_exported(
    kv: &mut dyn KeyValue,
    id: &str,
    now_ms: f64,
) -> Result<Envelope, LibraryError> {
    update(kv, id, now_ms, false, |envelope| {
        envelope.meta.exported_ms = Some(now_ms)
    })
}

/// Deletes a draft for good, with its entry and versions.
pub fn delete_for_good(kv: &mut dyn KeyValue, id: &str) -> Result<(), LibraryError> {
    kv.remove(&keys::draft(id))?;
    kv.remove(&keys::meta(id))?;
    kv.remove(&keys::versions(id))?;
    for name in part_names_in_store(kv, id) {
        kv.remove(&keys::part(id, &name))?;
    }
    Ok(())
}

/// Empties the trash; returns how many drafts were deleted.
pub fn empty_trash(kv: &mut dyn KeyValue) -> Result<usize, LibraryError> {
    let (drafts, _) = list(kv);
    let trashed: Vec<String> = drafts
        .iter()
        .filter(|m| m.trashed_ms.is_some())
        .map(|m| m.id.clone())
        .collect();
    for id in &trashed {
        delete_for_good(kv, id)?;
    }
    Ok(trashed.len())
}

/// Deletes drafts that have been in the trash for 30 days.
pub fn purge_expired(kv: &mut dyn KeyValue, now_ms: f64) -> usize {
    let (drafts, _) = list(kv);
    let expired = expired_from_trash(&drafts, now_ms);
    expired
        .iter()
        .filter(|id| delete_for_good(kv, id).is_ok())
        .count()
}

/// The local versions of draft `id`, oldest first.
pub fn snapshots(kv: &dyn KeyValue, id: &str) -> Vec<Snapshot> {
    kv.get(&keys::versions(id))
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Takes a local version of `document` for draft `id`.
pub fn take_snapshot(
    kv: &mut dyn KeyValue,
    id: &str,
    document: &Document,
    reason: SnapshotReason,
    now_ms: f64,
) -> Result<(), LibraryError> {
    let mut list = snapshots(kv, id);
    add_snapshot(
        &mut list,
        Snapshot {
            taken_ms: now_ms,
            reason,
            document: document.clone(),
        },
    );
    let text = serde_json::to_string(&list).unwrap_or_default();
    match kv.set(&keys::versions(id), &text) {
        Ok(()) => Ok(()),
        // Versions are a convenience: when storage is full, drop the older
        // half rather than fail the draft itself.
        Err(StoreError::QuotaExceeded) if list.len() > 1 => {
            let keep = list.split_off(list.len() / 2);
            let text = serde_json::to_string(&keep).unwrap_or_default();
            kv.set(&keys::versions(id), &text)
                .map_err(LibraryError::from)
        }
        Err(error) => Err(error.into()),
    }
}

/// An in-memory `KeyValue` that can be told to fail, for tests here and in
/// the browser.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    pub items: BTreeMap<String, String>,
    pub fail_with: Option<StoreError>,
    pub quota_bytes: Option<usize>,
    /// Makes reads return something other than what was written.
    pub corrupt_reads: bool,
    /// Makes writes to keys that start with this fail as a full store.
    pub full_for_prefix: Option<String>,
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        if let Some(error) = &self.fail_with {
            return Err(error.clone());
        }
        let value = self.items.get(key).cloned();
        Ok(if self.corrupt_reads {
            value.map(|v| v.chars().rev().collect())
        } else {
            value
        })
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(error) = &self.fail_with {
            return Err(error.clone());
        }
        if self
            .full_for_prefix
            .as_ref()
            .is_some_and(|prefix| key.starts_with(prefix.as_str()))
        {
            return Err(StoreError::QuotaExceeded);
        }
        if let Some(quota) = self.quota_bytes {
            let others: usize = self
                .items
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if others + key.len() + value.len() > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
        self.items.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        if let Some(error) = &self.fail_with {
            return Err(error.clone());
        }
        self.items.remove(key);
        Ok(())
    }

    fn keys(&self) -> Vec<String> {
        if self.fail_with.is_some() {
            return Vec::new();
        }
        self.items.keys().cloned().collect()
    }

    fn contains(&self, key: &str) -> bool {
        self.fail_with.is_none() && self.items.contains_key(key)
    }
}

// The tests of drafts stored in pieces use proptest, a native-only
// dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod parts_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::seed_sample;

    #[test]
    fn create_save_load_round_trip() {
        let mut kv = MemoryStore::default();
        let mut envelope = create(&mut kv, seed_sample(), 1000.0).unwrap();
        assert_eq!(envelope.meta.id, "1000");
        envelope.document.title = "Đổi tên".into();
        save(&mut kv, &mut envelope, 2000.0).unwrap();
        let loaded = load(&mut kv, "1000").unwrap();
        assert_eq!(loaded.document.title, "Đổi tên");
        assert_eq!(loaded.meta.edited_ms, 2000.0);
        let (drafts, unreadable) = list(&mut kv);
        assert_eq!(drafts.len(), 1);
        assert_eq!(drafts[0].title, "Đổi tên");
        assert!(unreadable.is_empty());
    }

    #[test]
    fn saving_the_editor_s_document_stores_it_and_not_the_envelope_s() {
        let mut kv = MemoryStore::default();
        let mut envelope = create(&mut kv, seed_sample(), 1.0).unwrap();
        let (_, mut stored) = load_with_parts(&mut kv, &envelope.meta.id).unwrap();
        let mut current = seed_sample();
        current.title = "Đang sửa".into();
        save_document(&mut kv, &mut envelope, &current, &mut stored, 2.0).unwrap();
        let loaded = load(&mut kv, &envelope.meta.id).unwrap();
        assert_eq!(loaded.document, current);
        assert_eq!(loaded.meta.edited_ms, 2.0);
        assert_eq!(list(&mut kv).0[0].title, "Đang sửa");
        kv.corrupt_reads = true;
        assert_eq!(
            save_document(&mut kv, &mut envelope, &current, &mut stored, 3.0),
            Err(LibraryError::VerifyFailed)
        );
    }

    #[test]
    fn a_save_of_one_draft_never_touches_another() {
        let mut kv = MemoryStore::default();
        let other = create(&mut kv, seed_sample(), 1.0).unwrap();
        let before = kv.items.get(&keys::draft(&other.meta.id)).cloned();
        let mut mine = create(&mut kv, seed_sample(), 2.0).unwrap();
        mine.document.title = "Của tôi".into();
        save(&mut kv, &mut mine, 3.0).unwrap();
        assert_eq!(kv.items.get(&keys::draft(&other.meta.id)).cloned(), before);
    }

    #[test]
    fn a_full_store_fails_the_save_and_keeps_the_previous_text() {
        let mut kv = MemoryStore::default();
        let mut envelope = create(&mut kv, seed_sample(), 1.0).unwrap();
        let stored = kv.items.clone();
        kv.quota_bytes = Some(kv.items.values().map(String::len).sum::<usize>() + 10);
        envelope.document.title = "x".repeat(5000);
        assert_eq!(
            save(&mut kv, &mut envelope, 2.0),
            Err(LibraryError::Store(StoreError::QuotaExceeded))
        );
        assert_eq!(kv.items, stored);
    }

    #[test]
    fn a_save_that_does_not_read_back_is_reported() {
        let mut kv = MemoryStore::default();
        let mut envelope = create(&mut kv, seed_sample(), 1.0).unwrap();
        kv.corrupt_reads = true;
        assert_eq!(
            save(&mut kv, &mut envelope, 2.0),
            Err(LibraryError::VerifyFailed)
        );
    }

    #[test]
    fn an_unreadable_draft_is_set_aside_and_never_overwritten() {
        let mut kv = MemoryStore::default();
        create(&mut kv, seed_sample(), 1.0).unwrap();
        kv.items.insert(keys::draft("7"), "{hỏng".into());
        let error = load(&mut kv, "7").unwrap_err();
        assert!(
            matches!(&error, LibraryError::Unreadable { kept_as, .. } if kept_as == "baocao.corrupt.7"),
            "{error:?}"
        );
        assert_eq!(kv.items["baocao.corrupt.7"], "{hỏng");
        assert_eq!(kv.items[&keys::draft("7")], "{hỏng");
        // A second failure does not replace what was kept.
        kv.items.insert(keys::draft("7"), "{khác".into());
        let _ = load(&mut kv, "7");
        assert_eq!(kv.items["baocao.corrupt.7"], "{hỏng");
        let (drafts, unreadable) = list(&mut kv);
        assert_eq!(drafts.len(), 1);
        assert_eq!(unreadable, ["7"]);
        assert_eq!(
            set_aside_entries(&kv),
            [("baocao.corrupt.7".to_owned(), "{hỏng".to_owned())]
        );
    }

    #[test]
    fn a_draft_from_the_first_editor_is_listed_and_upgraded() {
        let mut kv = MemoryStore::default();
        kv.items.insert(
            keys::draft("5"),
            serde_json::to_string(&seed_sample()).unwrap(),
        );
        let (drafts, unreadable) = list(&mut kv);
        assert!(unreadable.is_empty());
        assert_eq!(drafts[0].title, seed_sample().title);
        assert!(kv.items.contains_key(&keys::meta("5")));
    }

    #[test]
    fn duplicate_rename_trash_restore_and_empty() {
        let mut kv = MemoryStore::default();
        let original = create(&mut kv, seed_sample(), 1.0).unwrap();
        let copy = duplicate(&mut kv, &original.meta.id, 2.0).unwrap();
        assert!(copy.meta.title.ends_with("(bản sao)"));
        assert_ne!(copy.meta.id, original.meta.id);
        rename(&mut kv, &copy.meta.id, "Bản nháp hai", 3.0).unwrap();
        trash(&mut kv, &original.meta.id, 4.0).unwrap();
        let (drafts, _) = list(&mut kv);
        let titles: Vec<(&str, bool)> = drafts
            .iter()
            .map(|m| (m.title.as_str(), m.trashed_ms.is_some()))
            .collect();
        assert!(titles.contains(&("Bản nháp hai", false)));
        assert!(titles.iter().any(|(_, trashed)| *trashed));
        restore(&mut kv, &original.meta.id, 5.0).unwrap();
        assert!(list(&mut kv).0.iter().all(|m| m.trashed_ms.is_none()));
        trash(&mut kv, &original.meta.id, 6.0).unwrap();
        assert_eq!(empty_trash(&mut kv).unwrap(), 1);
        assert_eq!(list(&mut kv).0.len(), 1);
        assert!(!kv.items.contains_key(&keys::draft(&original.meta.id)));
    }

    #[test]
    fn the_trash_purges_after_thirty_days() {
        let mut kv = MemoryStore::default();
        let draft = create(&mut kv, seed_sample(), 0.0).unwrap();
        trash(&mut kv, &draft.meta.id, 0.0).unwrap();
        assert_eq!(purge_expired(&mut kv, 29.0 * super::super::DAY_MS), 0);
        assert_eq!(purge_expired(&mut kv, 30.0 * super::super::DAY_MS), 1);
        assert!(list(&mut kv).0.is_empty());
    }

    #[test]
    fn versions_are_kept_and_shrink_when_storage_is_full() {
        let mut kv = MemoryStore::default();
        let draft = create(&mut kv, seed_sample(), 0.0).unwrap();
        let mut document = seed_sample();
        for i in 0..4 {
            document.title = format!("v{i}");
            take_snapshot(
                &mut kv,
                &draft.meta.id,
                &document,
                SnapshotReason::Periodic,
                f64::from(i),
            )
            .unwrap();
        }
        assert_eq!(snapshots(&kv, &draft.meta.id).len(), 4);
        let used: usize = kv.items.iter().map(|(k, v)| k.len() + v.len()).sum();
        kv.quota_bytes = Some(used + 1000);
        document.title = "v4".into();
        take_snapshot(
            &mut kv,
            &draft.meta.id,
            &document,
            SnapshotReason::Periodic,
            9.0,
        )
        .unwrap();
        let kept = snapshots(&kv, &draft.meta.id);
        assert!(
            kept.len() < 5 && kept.last().unwrap().document.title == "v4",
            "{}",
            kept.len()
        );
    }

    #[test]
    fn storage_that_throws_gives_errors_not_panics() {
        let mut kv = MemoryStore {
            fail_with: Some(StoreError::Unavailable),
            ..MemoryStore::default()
        };
        assert_eq!(
            create(&mut kv, seed_sample(), 1.0).unwrap_err(),
            LibraryError::Store(StoreError::Unavailable)
        );
        assert_eq!(list(&mut kv), (Vec::new(), Vec::new()));
        assert!(matches!(
            load(&mut kv, "1"),
            Err(LibraryError::Store(StoreError::Unavailable))
        ));
    }
}
