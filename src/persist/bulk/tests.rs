//! The bulk store's rules, natively over `MemoryBulk`: the move of old
//! versions out of local storage (cut short and resumed, nothing lost),
//! versions kept with read-back and caps, pictures, erasing everything,
//! and the capacity of the library with both stores.

use super::*;
use crate::persist::library::{self, MemoryStore};
use crate::persist::Snapshot;
use crate::template::seed_sample;
use std::cell::RefCell;

/// The move over `kv`, reached as the browser reaches local storage.
fn migrate(kv: &mut MemoryStore, bulk: &MemoryBulk) -> Migration {
    let cell = RefCell::new(std::mem::take(kv));
    let migration = block_on(migrate_versions(&cell, bulk));
    *kv = cell.into_inner();
    migration
}

fn plan(kv: &mut MemoryStore, bulk: &MemoryBulk) -> ErasePlan {
    let cell = RefCell::new(std::mem::take(kv));
    let plan = block_on(erase_plan(&cell, bulk));
    *kv = cell.into_inner();
    plan
}

fn erase(kv: &mut MemoryStore, bulk: &MemoryBulk) -> Result<(), StoreError> {
    let cell = RefCell::new(std::mem::take(kv));
    let outcome = block_on(erase_everything(&cell, bulk));
    *kv = cell.into_inner();
    outcome
}

/// A versions list of the old layout, as local storage held it.
fn old_versions(title: &str, count: usize) -> String {
    let list: Vec<Snapshot> = (0..count)
        .map(|i| {
            let mut document = seed_sample();
            document.title = format!("{title} v{i}");
            Snapshot {
                taken_ms: i as f64,
                reason: SnapshotReason::Periodic,
                document,
            }
        })
        .collect();
    serde_json::to_string(&list).unwrap()
}

/// Local storage with five drafts, each with old-layout versions.
fn old_layout() -> (MemoryStore, Vec<(String, String)>) {
    let mut kv = MemoryStore::default();
    let mut entries = Vec::new();
    for n in 0..5 {
        let draft = library::create(&mut kv, seed_sample(), f64::from(n)).unwrap();
        let text = old_versions(&format!("d{n}"), 3);
        kv.items
            .insert(keys::versions(&draft.meta.id), text.clone());
        entries.push((draft.meta.id, text));
    }
    (kv, entries)
}

#[test]
fn old_versions_move_to_the_bulk_store_and_leave_local_storage() {
    let (mut kv, entries) = old_layout();
    let before = library::usage(&kv).app;
    let bulk = MemoryBulk::default();
    let migration = migrate(&mut kv, &bulk);
    assert_eq!(
        migration,
        Migration {
            moved: 5,
            left: 0,
            stopped: None
        }
    );
    for (id, text) in &entries {
        assert!(!kv.items.contains_key(&keys::versions(id)));
        assert_eq!(bulk.state().items.get(&versions_key(id)), Some(text));
        assert_eq!(block_on(snapshots(&bulk, id)).unwrap().len(), 3);
    }
    assert!(library::usage(&kv).app < before / 2, "local storage shrank");
    // A second start has nothing to move.
    assert_eq!(migrate(&mut kv, &bulk).moved, 0);
}

#[test]
fn a_move_cut_short_loses_nothing_and_resumes_at_the_next_start() {
    let (mut kv, entries) = old_layout();
    let bulk = MemoryBulk::default();
    // The bulk store fills after two writes.
    bulk.state().writes_left = Some(2);
    let migration = migrate(&mut kv, &bulk);
    assert_eq!(migration.moved, 2);
    assert_eq!(migration.left, 3);
    assert_eq!(migration.stopped, Some(StoreError::QuotaExceeded));
    // Every draft's versions are whole in one store or the other.
    for (id, text) in &entries {
        let local = kv.items.get(&keys::versions(id));
        let moved = bulk.state().items.get(&versions_key(id)).cloned();
        match (local, moved) {
            (Some(local), None) => assert_eq!(local, text),
            (None, Some(moved)) => assert_eq!(&moved, text),
            other => panic!("{id}: {other:?}"),
        }
    }
    // The next start, with room again, moves the rest.
    bulk.state().writes_left = None;
    let migration = migrate(&mut kv, &bulk);
    assert_eq!((migration.moved, migration.left), (3, 0));
    for (id, text) in &entries {
        assert_eq!(bulk.state().items.get(&versions_key(id)), Some(text));
        assert!(!kv.items.contains_key(&keys::versions(id)));
    }
}

#[test]
fn a_copy_that_does_not_read_back_or_a_store_that_is_gone_removes_nothing() {
    let (mut kv, _) = old_layout();
    let local = kv.items.clone();
    let bulk = MemoryBulk::default();
    bulk.state().corrupt_reads = true;
    let migration = migrate(&mut kv, &bulk);
    assert_eq!((migration.moved, migration.left), (0, 5));
    assert_eq!(kv.items, local);
    let bulk = MemoryBulk::default();
    bulk.state().fail_with = Some(StoreError::Unavailable);
    let migration = migrate(&mut kv, &bulk);
    assert_eq!(migration.stopped, Some(StoreError::Unavailable));
    assert_eq!(kv.items, local);
}

#[test]
fn a_move_finds_versions_already_in_the_bulk_store_and_keeps_both() {
    let (mut kv, entries) = old_layout();
    let bulk = MemoryBulk::default();
    let (id, old) = &entries[0];
    // A version kept in the bulk store since a move that was cut short.
    block_on(keep_version(
        &bulk,
        id,
        &seed_sample(),
        SnapshotReason::Opened,
        100.0,
    ))
    .unwrap();
    migrate(&mut kv, &bulk);
    let kept = block_on(snapshots(&bulk, id)).unwrap();
    assert_eq!(kept.len(), 4);
    assert_eq!(kept.last().unwrap().taken_ms, 100.0);
    let old: Vec<Snapshot> = serde_json::from_str(old).unwrap();
    assert_eq!(&kept[..3], &old[..]);
}

#[test]
fn versions_are_kept_read_back_capped_and_never_written_over_an_unreadable_list() {
    let bulk = MemoryBulk::default();
    let mut document = seed_sample();
    for i in 0..(crate::persist::MAX_SNAPSHOTS + 3) {
        document.title = format!("v{i}");
        block_on(keep_version(
            &bulk,
            "7",
            &document,
            SnapshotReason::Periodic,
            i as f64,
        ))
        .unwrap();
    }
    let kept = block_on(snapshots(&bulk, "7")).unwrap();
    assert_eq!(kept.len(), crate::persist::MAX_SNAPSHOTS);
    assert_eq!(kept.last().unwrap().document.title, "v22");
    bulk.state().corrupt_reads = true;
    document.title = "khác".into();
    assert!(block_on(keep_version(
        &bulk,
        "7",
        &document,
        SnapshotReason::Periodic,
        99.0
    ))
    .is_err());
    bulk.state().corrupt_reads = false;
    bulk.state().items.insert(versions_key("8"), "{hỏng".into());
    assert!(block_on(keep_version(
        &bulk,
        "8",
        &document,
        SnapshotReason::Periodic,
        1.0
    ))
    .is_err());
    assert_eq!(bulk.state().items[&versions_key("8")], "{hỏng");
}

#[test]
fn versions_of_drafts_deleted_for_good_are_removed() {
    let mut kv = MemoryStore::default();
    let bulk = MemoryBulk::default();
    let kept = library::create(&mut kv, seed_sample(), 1.0).unwrap();
    let gone = library::create(&mut kv, seed_sample(), 2.0).unwrap();
    for id in [&kept.meta.id, &gone.meta.id] {
        block_on(keep_version(
            &bulk,
            id,
            &seed_sample(),
            SnapshotReason::Opened,
            1.0,
        ))
        .unwrap();
    }
    library::delete_for_good(&mut kv, &gone.meta.id).unwrap();
    assert_eq!(
        block_on(remove_orphan_versions(&RefCell::new(kv.clone()), &bulk)),
        Ok(1)
    );
    let left: Vec<String> = bulk.state().items.keys().cloned().collect();
    assert_eq!(left, [versions_key(&kept.meta.id)]);
}

#[test]
fn pictures_are_stored_in_their_own_namespace_and_read_back() {
    let bulk = MemoryBulk::default();
    let picture = StoredPicture {
        mime: "image/png".into(),
        base64: "iVBORw0KGgo=".into(),
        extra: Default::default(),
    };
    block_on(put_picture(&bulk, "sha256-ab", &picture)).unwrap();
    assert!(bulk.state().items.contains_key("pictures/sha256-ab"));
    assert_eq!(
        block_on(get_picture(&bulk, "sha256-ab")).unwrap(),
        Some(picture.clone())
    );
    assert_eq!(block_on(get_picture(&bulk, "khác")).unwrap(), None);
    bulk.state().corrupt_reads = true;
    assert_eq!(
        block_on(put_picture(&bulk, "x", &picture)),
        Err(LibraryError::VerifyFailed)
    );
    bulk.state().corrupt_reads = false;
    block_on(delete_picture(&bulk, "sha256-ab")).unwrap();
    assert_eq!(block_on(get_picture(&bulk, "sha256-ab")).unwrap(), None);
}

#[test]
fn erasing_counts_first_and_removes_everything_of_the_app_only() {
    let (mut kv, _) = old_layout();
    let bulk = MemoryBulk::default();
    let id = library::list(&mut kv).0[0].id.clone();
    library::trash(&mut kv, &id, 9.0).unwrap();
    block_on(keep_version(
        &bulk,
        &id,
        &seed_sample(),
        SnapshotReason::Opened,
        1.0,
    ))
    .unwrap();
    let picture = StoredPicture {
        mime: "image/jpeg".into(),
        base64: "AA==".into(),
        extra: Default::default(),
    };
    block_on(put_picture(&bulk, "p1", &picture)).unwrap();
    let template = crate::template::builtin()[0].clone();
    library::save_template(&mut kv, &template).unwrap();
    kv.items.insert("other-app".into(), "giữ".into());
    assert_eq!(
        plan(&mut kv, &bulk),
        ErasePlan {
            drafts: 4,
            trashed: 1,
            versioned_drafts: 5,
            pictures: 1,
            templates: 1
        }
    );
    // A bulk store that fails: nothing in local storage is touched.
    let before = kv.items.clone();
    bulk.state().fail_with = Some(StoreError::Unavailable);
    assert!(erase(&mut kv, &bulk).is_err());
    assert_eq!(kv.items, before);
    bulk.state().fail_with = None;
    erase(&mut kv, &bulk).unwrap();
    assert!(bulk.state().items.is_empty());
    let left: Vec<&String> = kv.items.keys().collect();
    assert_eq!(left, ["other-app"]);
    assert_eq!(plan(&mut kv, &bulk), ErasePlan::default());
}

#[test]
fn a_full_bulk_store_drops_the_older_half_of_the_versions_to_keep_the_newest() {
    let bulk = MemoryBulk::default();
    let mut document = seed_sample();
    for i in 0..4 {
        document.title = format!("v{i}");
        block_on(keep_version(
            &bulk,
            "1",
            &document,
            SnapshotReason::Periodic,
            f64::from(i),
        ))
        .unwrap();
    }
    let used = bulk.used_bytes();
    bulk.state().quota_bytes = Some(used + 1000);
    document.title = "v4".into();
    block_on(keep_version(
        &bulk,
        "1",
        &document,
        SnapshotReason::Periodic,
        9.0,
    ))
    .unwrap();
    let kept = block_on(snapshots(&bulk, "1")).unwrap();
    assert!(kept.len() < 5, "{}", kept.len());
    assert_eq!(kept.last().unwrap().document.title, "v4");
}

/// Local storage as the browser gives it: about 5 MB.
const LOCAL_QUOTA: usize = 5 * 1024 * 1024;

/// Stores `count` reports of about 8,000 words (40 items of `large_report`),
/// each with three versions, while local storage has room; `versions_local`
/// keeps the versions in local storage as before the bulk store. Returns
/// how many reports were stored.
fn fill_library(count: usize, versions_local: bool, bulk: &MemoryBulk) -> (usize, MemoryStore) {
    let mut kv = MemoryStore {
        quota_bytes: Some(LOCAL_QUOTA),
        ..MemoryStore::default()
    };
    let report = crate::large_report::large_report(4, 10);
    let mut stored = 0;
    for n in 0..count {
        let mut document = report.clone();
        document.title = format!("Báo cáo {n}");
        let Ok(draft) = library::create(&mut kv, document.clone(), n as f64) else {
            break;
        };
        let id = draft.meta.id;
        let list: Vec<Snapshot> = (0..3)
            .map(|v| {
                let mut document = document.clone();
                document.title = format!("Báo cáo {n} v{v}");
                Snapshot {
                    taken_ms: v as f64,
                    reason: SnapshotReason::Periodic,
                    document,
                }
            })
            .collect();
        let text = serde_json::to_string(&list).unwrap();
        if versions_local {
            if kv.set(&keys::versions(&id), &text).is_err() {
                break;
            }
        } else {
            assert_eq!(
                block_on(put_verified(bulk, &versions_key(&id), &text)),
                Ok(true)
            );
        }
        stored += 1;
    }
    (stored, kv)
}

#[test]
fn the_library_holds_several_times_more_reports_with_versions_in_the_bulk_store() {
    let report = crate::large_report::large_report(4, 10);
    let words = crate::export::plain_text(&report)
        .split_whitespace()
        .count();
    assert!((7_000..10_000).contains(&words), "{words} words");
    let before = MemoryBulk::default();
    let (old_layout, _) = fill_library(200, true, &before);
    let bulk = MemoryBulk::default();
    let (with_bulk, mut kv) = fill_library(200, false, &bulk);
    println!(
        "reports of {words} words with 3 versions each, in 5 MB of local storage: \
         {old_layout} with versions there, {with_bulk} with versions in the bulk store"
    );
    assert!(with_bulk >= 3 * old_layout, "{with_bulk} vs {old_layout}");
    // Local storage holds the drafts only; each one's versions are whole
    // in the bulk store, and every draft still opens.
    assert!(!kv
        .items
        .keys()
        .any(|key| key.starts_with(keys::VERSIONS_PREFIX)));
    let (drafts, unreadable) = library::list(&mut kv);
    assert_eq!((drafts.len(), unreadable.len()), (with_bulk, 0));
    for meta in &drafts {
        assert_eq!(block_on(snapshots(&bulk, &meta.id)).unwrap().len(), 3);
    }
    assert!(library::load(&mut kv, &drafts[0].id).is_ok());
}
