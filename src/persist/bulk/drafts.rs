//! Closed drafts in the bulk store: local storage (about 5 MB) keeps the
//! open draft's text, where its autosave reads back at once, and a small
//! library entry for every draft; the text of every other draft, in the
//! trash too, is "parked" in the bulk store under `drafts/<id>`, whole, in
//! one piece (the envelope as a shared file holds it, without pictures).
//!
//! A draft's text is where its head is: a head in local storage is the
//! draft (newer than any copy in the bulk store, which the next park
//! writes over); otherwise its library entry says `in_bulk` and the bulk
//! store holds it. Every move copies first, reads the copy back, and only
//! then removes the original, so a move cut short at any step leaves the
//! draft whole in one store at least:
//! - `park`: the envelope is written to the bulk store and read back; then,
//!   if local storage still holds the head it was read from, the entry
//!   saying `in_bulk` is written and read back, and the head and parts go.
//! - `unpark`: the bulk copy is written into local storage in pieces and
//!   read back (`library::write_envelope`); the bulk copy stays, stale, so
//!   that no tab's park can race with its removal.
//! - deleting for good removes the bulk copy and versions first, then the
//!   library entry: a failure there leaves the draft listed.

use super::{put_verified, versions_key, BulkStore, LocalAccess, Migration};
use crate::persist::library::{self, KeyValue, LibraryError, StoreError};
use crate::persist::{keys, DraftMeta, Envelope};

/// The namespace of drafts parked in the bulk store.
pub const DRAFTS_NS: &str = "drafts/";

/// The key of parked draft `id`.
pub fn draft_key(id: &str) -> String {
    format!("{DRAFTS_NS}{id}")
}

/// Parks draft `id` (see the module's comment). `Ok(true)` when its text
/// left local storage; `Ok(false)` when there was nothing to park, it could
/// not be read (it is kept aside and stays), or another tab wrote it
/// meanwhile (it stays, and is parked at a later pass).
pub async fn park(
    kv: &impl LocalAccess,
    bulk: &dyn BulkStore,
    id: &str,
) -> Result<bool, StoreError> {
    let read = kv.local(|kv| -> Result<_, StoreError> {
        let Some(head) = kv.get(&keys::draft(id))? else {
            return Ok(None);
        };
        match library::load_with_parts(kv, id) {
            Ok((envelope, _)) => Ok(Some((head, envelope))),
            Err(LibraryError::Store(error)) => Err(error),
            Err(_) => Ok(None),
        }
    })?;
    let Some((head, mut envelope)) = read else {
        return Ok(false);
    };
    envelope.meta.in_bulk = false;
    let text = envelope.to_json();
    if !put_verified(bulk, &draft_key(id), &text).await? {
        return Err(StoreError::Other("the copy did not read back".into()));
    }
    kv.local(|kv| {
        if kv.get(&keys::draft(id))?.as_deref() != Some(head.as_str()) {
            return Ok(false);
        }
        let mut meta = envelope.meta.clone();
        meta.in_bulk = true;
        let entry = serde_json::to_string(&meta).unwrap_or_default();
        if !kv.set_and_verify(&keys::meta(id), &entry)? {
            return Err(StoreError::Other(
                "the library entry did not read back".into(),
            ));
        }
        kv.remove(&keys::draft(id))?;
        let prefix = keys::parts_of(id);
        for key in kv.keys() {
            if key
                .strip_prefix(&prefix)
                .is_some_and(|name| !name.is_empty() && name.bytes().all(|b| b.is_ascii_digit()))
            {
                // A part left behind is removed by the next write of the
                // draft; the head that named it is gone.
                let _ = kv.remove(&key);
            }
        }
        Ok(true)
    })
}

/// Parks every draft whose text is in local storage except those in
/// `keep` (open in this tab, or held by another): the move of drafts out
/// of local storage, at every start and after a draft is closed. The first
/// failure stops it; what was not parked stays in local storage, whole,
/// and is parked at the next pass.
pub async fn park_closed(
    kv: &impl LocalAccess,
    bulk: &dyn BulkStore,
    keep: &[String],
) -> Migration {
    let ids: Vec<String> = kv.local(|kv| {
        kv.keys()
            .into_iter()
            .filter_map(|key| key.strip_prefix(keys::DRAFT_PREFIX).map(str::to_owned))
            .filter(|id| !keep.contains(id))
            .collect()
    });
    let mut migration = Migration {
        left: ids.len(),
        ..Migration::default()
    };
    for id in ids {
        match park(kv, bulk, &id).await {
            Ok(true) => {
                migration.moved += 1;
                migration.left -= 1;
            }
            Ok(false) => {}
            Err(error) => {
                migration.stopped = Some(error);
                break;
            }
        }
    }
    migration
}

/// Reads parked draft `id` from the bulk store. An unreadable copy is kept
/// aside in local storage (once) and reported.
pub async fn read_parked(
    kv: &impl LocalAccess,
    bulk: &dyn BulkStore,
    id: &str,
) -> Result<Envelope, LibraryError> {
    let text = bulk
        .get(&draft_key(id))
        .await?
        .ok_or_else(|| LibraryError::Missing(id.to_owned()))?;
    match Envelope::from_json(&text) {
        Ok(mut envelope) => {
            envelope.meta.id = id.to_owned();
            envelope.meta.in_bulk = false;
            Ok(envelope)
        }
        Err(reason) => {
            let kept_as = kv.local(|kv| library::keep_aside(kv, id, &text))?;
            Err(LibraryError::Unreadable {
                id: id.to_owned(),
                kept_as,
                reason,
            })
        }
    }
}

/// Draft `id` as stored, from whichever store holds it.
pub async fn read_draft(
    kv: &impl LocalAccess,
    bulk: &dyn BulkStore,
    id: &str,
) -> Result<Envelope, LibraryError> {
    if kv.local(|kv| library::is_parked(kv, id)) {
        read_parked(kv, bulk, id).await
    } else {
        kv.local(|kv| library::load(kv, id))
    }
}

/// Brings parked draft `id` back into local storage, written in pieces and
/// read back, so that the library's actions and the editor work on it as
/// on any draft there. Nothing to do for a draft already there.
pub async fn unpark(
    kv: &impl LocalAccess,
    bulk: &dyn BulkStore,
    id: &str,
) -> Result<(), LibraryError> {
    if !kv.local(|kv| library::is_parked(kv, id)) {
        return Ok(());
    }
    let mut envelope = read_parked(kv, bulk, id).await?;
    kv.local(|kv| {
        // Written meanwhile (another tab): that text is the draft.
        if kv.contains(&keys::draft(id)) {
            return Ok(());
        }
        library::write_envelope(kv, &mut envelope)
    })
}

/// Deletes draft `id` for good from both stores: the bulk store's copy and
/// versions first, then local storage (a failure leaves it listed).
pub async fn delete_for_good(
    kv: &impl LocalAccess,
    bulk: &dyn BulkStore,
    id: &str,
) -> Result<(), LibraryError> {
    bulk.delete(&draft_key(id)).await?;
    bulk.delete(&versions_key(id)).await?;
    kv.local(|kv| library::delete_for_good(kv, id))
}

/// The drafts whose library entry says they are in the trash, in either
/// store.
fn in_trash(kv: &mut dyn KeyValue) -> Vec<DraftMeta> {
    library::list(kv)
        .0
        .into_iter()
        .filter(|meta| meta.trashed_ms.is_some())
        .collect()
}

/// Writes parked draft `envelope` back to the bulk store, read back, with
/// its library entry.
async fn rewrite_parked(
    kv: &impl LocalAccess,
    bulk: &dyn BulkStore,
    envelope: &mut Envelope,
) -> Result<(), LibraryError> {
    let text = envelope.to_json();
    if !put_verified(bulk, &draft_key(&envelope.meta.id), &text).await? {
        return Err(LibraryError::VerifyFailed);
    }
    let mut meta = envelope.meta.clone();
    meta.in_bulk = true;
    kv.local(|kv| {
        let entry = serde_json::to_string(&meta).unwrap_or_default();
        match kv.set_and_verify(&keys::meta(&meta.id), &entry)? {
            true => Ok(()),
            false => Err(LibraryError::VerifyFailed),
        }
    })
}

/// Puts a draft's library entry right when it said "trashed" and the
/// draft itself does not.
async fn rewrite_entry(
    kv: &impl LocalAccess,
    bulk: &dyn BulkStore,
    parked: bool,
    envelope: &mut Envelope,
) -> Result<(), LibraryError> {
    if parked {
        rewrite_parked(kv, bulk, envelope).await
    } else {
        kv.local(|kv| library::rewrite_meta(kv, &envelope.meta));
        Ok(())
    }
}

/// Empties the trash in both stores; returns how many drafts went. As in
/// `library::empty_trash`, the draft's own text must say it is trashed;
/// each goes from both stores (`delete_for_good`), so that no copy left in
/// the bulk store is listed again later.
pub async fn empty_trash(
    kv: &impl LocalAccess,
    bulk: &dyn BulkStore,
) -> Result<usize, LibraryError> {
    let mut deleted = 0;
    for meta in kv.local(in_trash) {
        let parked = kv.local(|kv| library::is_parked(kv, &meta.id));
        let Ok(mut envelope) = read_draft(kv, bulk, &meta.id).await else {
            continue;
        };
        if envelope.meta.trashed_ms.is_some() {
            delete_for_good(kv, bulk, &meta.id).await?;
            deleted += 1;
        } else {
            rewrite_entry(kv, bulk, parked, &mut envelope).await?;
        }
    }
    Ok(deleted)
}

/// Deletes drafts thirty days in the trash, in both stores (the rules of
/// `library::purge_expired`: counted from the first start that finds a
/// draft there, a clock gone back starts again, the draft's own text must
/// say it is trashed); returns how many.
pub async fn purge_expired(kv: &impl LocalAccess, bulk: &dyn BulkStore, now_ms: f64) -> usize {
    let mut deleted = 0;
    for meta in kv.local(in_trash) {
        let parked = kv.local(|kv| library::is_parked(kv, &meta.id));
        let Ok(mut envelope) = read_draft(kv, bulk, &meta.id).await else {
            continue;
        };
        if envelope.meta.trashed_ms.is_none() {
            let _ = rewrite_entry(kv, bulk, parked, &mut envelope).await;
            continue;
        }
        match envelope.meta.trash_seen_ms {
            Some(seen) if seen <= now_ms => {
                if crate::persist::trash_expired(&envelope.meta, now_ms)
                    && delete_for_good(kv, bulk, &meta.id).await.is_ok()
                {
                    deleted += 1;
                }
            }
            // Never seen at a start, or seen "later" than now: the count
            // starts now.
            _ if parked => {
                envelope.meta.trash_seen_ms = Some(now_ms);
                let _ = rewrite_parked(kv, bulk, &mut envelope).await;
            }
            _ => {
                let _ = kv.local(|kv| library::mark_trash_seen(kv, &meta.id, now_ms));
            }
        }
    }
    deleted
}

/// Gives a library entry back to drafts the bulk store holds that local
/// storage names nowhere (its entry lost, or local storage cleared by
/// hand): no draft in the bulk store is ever out of sight. Returns how
/// many were listed again.
pub async fn list_unlisted(kv: &impl LocalAccess, bulk: &dyn BulkStore) -> usize {
    let Ok(keys_there) = bulk.keys(DRAFTS_NS).await else {
        return 0;
    };
    let mut listed = 0;
    for key in keys_there {
        let id = &key[DRAFTS_NS.len()..];
        let named = kv.local(|kv| kv.contains(&keys::draft(id)) || kv.contains(&keys::meta(id)));
        if named {
            continue;
        }
        let Ok(Some(text)) = bulk.get(&key).await else {
            continue;
        };
        let Ok(envelope) = Envelope::from_json(&text) else {
            continue;
        };
        let mut meta = envelope.meta;
        meta.id = id.to_owned();
        meta.in_bulk = true;
        let entry = serde_json::to_string(&meta).unwrap_or_default();
        if kv.local(|kv| kv.set_and_verify(&keys::meta(id), &entry)) == Ok(true) {
            listed += 1;
        }
    }
    listed
}

#[cfg(test)]
#[path = "drafts_tests.rs"]
mod tests;
