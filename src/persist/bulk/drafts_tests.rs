//! Closed drafts parked in the bulk store and brought back, natively over
//! `MemoryBulk` and a `MemoryStore` that fail on demand: nothing lost when
//! a move is cut short at any step, the trash restored, emptied and purged
//! in both stores, lost library entries given back; the pictures' move and
//! their collection; and the bulk store kept in local storage where
//! IndexedDB is missing.

use std::cell::RefCell;
use std::collections::BTreeSet;

use super::super::*;
use crate::model::Document;
use crate::persist::library::{self, MemoryStore};
use crate::persist::{keys, DAY_MS};
use crate::picture::Picture;
use crate::template::seed_sample;

/// Local storage with five drafts, each with its own title; the fourth in
/// the trash.
fn library_of_five() -> (RefCell<MemoryStore>, Vec<(String, Document)>) {
    let mut kv = MemoryStore::default();
    let mut drafts = Vec::new();
    for n in 0..5 {
        let mut document = seed_sample();
        document.title = format!("Bản thảo {n}");
        let draft = library::create(&mut kv, document, f64::from(n)).unwrap();
        let id = draft.meta.id.clone();
        if n == 3 {
            library::trash(&mut kv, &id, 10.0).unwrap();
        }
        let stored = library::load(&mut kv, &id).unwrap().document;
        drafts.push((id, stored));
    }
    (RefCell::new(kv), drafts)
}

/// Draft `id`'s text from whichever store holds it.
fn read(kv: &RefCell<MemoryStore>, bulk: &MemoryBulk, id: &str) -> Document {
    block_on(read_draft(kv, bulk, id)).unwrap().document
}

fn heads(kv: &RefCell<MemoryStore>) -> usize {
    kv.borrow()
        .items
        .keys()
        .filter(|key| key.starts_with(keys::DRAFT_PREFIX) || key.starts_with(keys::PART_PREFIX))
        .count()
}

fn local_heads(kv: &RefCell<MemoryStore>) -> usize {
    kv.borrow()
        .items
        .keys()
        .filter(|key| key.starts_with(keys::DRAFT_PREFIX))
        .count()
}

#[test]
fn closed_drafts_move_to_the_bulk_store_and_come_back_whole() {
    let (kv, drafts) = library_of_five();
    let bulk = MemoryBulk::default();
    let open = drafts[0].0.clone();
    let moved = block_on(park_closed(&kv, &bulk, std::slice::from_ref(&open)));
    assert_eq!((moved.moved, moved.left, moved.stopped), (4, 0, None));
    // Local storage keeps the open draft's text and a library entry for
    // every draft; the others' text is in the bulk store.
    for (id, document) in &drafts {
        let local = kv.borrow().items.contains_key(&keys::draft(id));
        assert_eq!(local, *id == open, "{id}");
        assert_eq!(library::is_parked(&*kv.borrow(), id), *id != open);
        assert_eq!(bulk.state().items.contains_key(&draft_key(id)), *id != open);
        assert_eq!(&read(&kv, &bulk, id), document);
    }
    let (listed, unreadable) = library::list(&mut *kv.borrow_mut());
    assert!(unreadable.is_empty());
    let mut titles: Vec<String> = listed.iter().map(|meta| meta.title.clone()).collect();
    titles.sort();
    assert_eq!(
        titles,
        (0..5).map(|n| format!("Bản thảo {n}")).collect::<Vec<_>>()
    );
    assert_eq!(listed.iter().filter(|m| m.trashed_ms.is_some()).count(), 1);
    // Brought back, a draft is in local storage in pieces again, the same.
    let (id, document) = &drafts[2];
    block_on(unpark(&kv, &bulk, id)).unwrap();
    assert!(!library::is_parked(&*kv.borrow(), id));
    assert_eq!(
        &library::load(&mut *kv.borrow_mut(), id).unwrap().document,
        document
    );
    // Its copy in the bulk store is stale now: the head here wins.
    library::rename(&mut *kv.borrow_mut(), id, "Đổi tên ở đây", 20.0).unwrap();
    assert_eq!(read(&kv, &bulk, id).title, "Đổi tên ở đây");
    block_on(park_closed(&kv, &bulk, &[open]));
    assert!(library::is_parked(&*kv.borrow(), id));
    assert_eq!(read(&kv, &bulk, id).title, "Đổi tên ở đây");
}

#[test]
fn a_park_cut_short_loses_nothing_and_resumes_at_the_next_start() {
    let (kv, drafts) = library_of_five();
    let bulk = MemoryBulk::default();
    // The bulk store fills after two writes.
    bulk.state().writes_left = Some(2);
    let moved = block_on(park_closed(&kv, &bulk, &[]));
    assert_eq!(moved.moved, 2);
    assert_eq!(moved.left, 3);
    assert_eq!(moved.stopped, Some(StoreError::QuotaExceeded));
    for (id, document) in &drafts {
        assert_eq!(&read(&kv, &bulk, id), document, "{id}");
    }
    assert_eq!(library::list(&mut *kv.borrow_mut()).0.len(), 5);
    // A copy that does not read back, or a bulk store that is gone,
    // removes nothing from local storage.
    bulk.state().writes_left = None;
    let before = kv.borrow().items.clone();
    bulk.state().corrupt_reads = true;
    let moved = block_on(park_closed(&kv, &bulk, &[]));
    assert_eq!(moved.moved, 0);
    assert_eq!(kv.borrow().items, before);
    bulk.state().corrupt_reads = false;
    bulk.state().fail_with = Some(StoreError::Unavailable);
    let moved = block_on(park_closed(&kv, &bulk, &[]));
    assert_eq!(moved.stopped, Some(StoreError::Unavailable));
    assert_eq!(kv.borrow().items, before);
    bulk.state().fail_with = None;
    // Local storage refusing the library entry that says "in the bulk
    // store": the head stays, and is the draft.
    kv.borrow_mut().full_for_prefix = Some(keys::META_PREFIX.to_owned());
    let moved = block_on(park_closed(&kv, &bulk, &[]));
    assert_eq!(moved.moved, 0);
    assert_eq!(local_heads(&kv), 3);
    for (id, document) in &drafts {
        assert_eq!(&read(&kv, &bulk, id), document, "{id}");
    }
    kv.borrow_mut().full_for_prefix = None;
    // The next start, with room again, parks the rest.
    let moved = block_on(park_closed(&kv, &bulk, &[]));
    assert_eq!((moved.moved, moved.left, moved.stopped), (3, 0, None));
    assert_eq!(heads(&kv), 0);
    for (id, document) in &drafts {
        assert_eq!(&read(&kv, &bulk, id), document, "{id}");
    }
    // Bringing one back into a full local storage fails and keeps it
    // parked, whole.
    let (id, document) = &drafts[1];
    let half = library::usage(&*kv.borrow()).app / 2;
    kv.borrow_mut().quota_bytes = Some(half);
    assert!(block_on(unpark(&kv, &bulk, id)).is_err());
    assert!(library::is_parked(&*kv.borrow(), id));
    kv.borrow_mut().quota_bytes = None;
    assert_eq!(&read(&kv, &bulk, id), document);
}

#[test]
fn the_trash_in_the_bulk_store_is_restored_emptied_and_purged() {
    let (kv, drafts) = library_of_five();
    let bulk = MemoryBulk::default();
    let trashed = drafts[3].0.clone();
    block_on(park_closed(&kv, &bulk, &[]));
    // Restored: brought back, taken out of the trash, parked again.
    block_on(unpark(&kv, &bulk, &trashed)).unwrap();
    library::restore(&mut *kv.borrow_mut(), &trashed, 30.0).unwrap();
    block_on(park_closed(&kv, &bulk, &[]));
    let listed = library::list(&mut *kv.borrow_mut()).0;
    assert!(listed.iter().all(|meta| meta.trashed_ms.is_none()));
    assert_eq!(
        block_on(read_parked(&kv, &bulk, &trashed))
            .unwrap()
            .meta
            .trashed_ms,
        None
    );
    // Two in the trash, one parked and one in local storage, each with
    // versions: emptying removes both, with their versions.
    let (parked, local) = (drafts[1].0.clone(), drafts[2].0.clone());
    for id in [&parked, &local] {
        block_on(unpark(&kv, &bulk, id)).unwrap();
        library::trash(&mut *kv.borrow_mut(), id, 40.0).unwrap();
        block_on(keep_version(
            &bulk,
            id,
            &seed_sample(),
            SnapshotReason::Opened,
            1.0,
        ))
        .unwrap();
    }
    block_on(park_closed(&kv, &bulk, std::slice::from_ref(&local)));
    assert!(library::is_parked(&*kv.borrow(), &parked));
    assert_eq!(block_on(empty_trash(&kv, &bulk)), Ok(2));
    block_on(remove_orphan_versions(&kv, &bulk)).unwrap();
    for id in [&parked, &local] {
        assert!(!library::exists(&*kv.borrow(), id));
        assert!(!bulk.state().items.contains_key(&draft_key(id)));
        assert!(!bulk.state().items.contains_key(&versions_key(id)));
    }
    assert_eq!(library::list(&mut *kv.borrow_mut()).0.len(), 3);
    // Purged thirty days after a start first found it in the trash.
    let id = drafts[4].0.clone();
    block_on(unpark(&kv, &bulk, &id)).unwrap();
    library::trash(&mut *kv.borrow_mut(), &id, 0.0).unwrap();
    block_on(park_closed(&kv, &bulk, &[]));
    assert_eq!(block_on(purge_expired(&kv, &bulk, DAY_MS)), 0);
    assert_eq!(block_on(purge_expired(&kv, &bulk, 30.0 * DAY_MS)), 0);
    assert!(library::exists(&*kv.borrow(), &id));
    assert_eq!(block_on(purge_expired(&kv, &bulk, 32.0 * DAY_MS)), 1);
    assert!(!library::exists(&*kv.borrow(), &id));
    assert!(!bulk.state().items.contains_key(&draft_key(&id)));
}

#[test]
fn drafts_of_the_bulk_store_that_lost_their_library_entry_are_listed_again() {
    let (kv, drafts) = library_of_five();
    let bulk = MemoryBulk::default();
    block_on(park_closed(&kv, &bulk, &[]));
    // Local storage cleared by hand.
    kv.borrow_mut().items.clear();
    assert!(library::list(&mut *kv.borrow_mut()).0.is_empty());
    assert_eq!(block_on(list_unlisted(&kv, &bulk)), 5);
    assert_eq!(library::list(&mut *kv.borrow_mut()).0.len(), 5);
    for (id, document) in &drafts {
        assert_eq!(&read(&kv, &bulk, id), document);
    }
    assert_eq!(block_on(list_unlisted(&kv, &bulk)), 0);
}

#[test]
fn an_unreadable_parked_draft_is_kept_aside_and_left_in_place() {
    let (kv, drafts) = library_of_five();
    let bulk = MemoryBulk::default();
    block_on(park_closed(&kv, &bulk, &[]));
    let id = &drafts[0].0;
    bulk.state().items.insert(draft_key(id), "{hỏng".into());
    let error = block_on(unpark(&kv, &bulk, id)).unwrap_err();
    assert!(
        matches!(error, LibraryError::Unreadable { .. }),
        "{error:?}"
    );
    assert_eq!(
        kv.borrow().items[&format!("{}{id}", keys::CORRUPT_PREFIX)],
        "{hỏng"
    );
    assert_eq!(bulk.state().items[&draft_key(id)], "{hỏng");
    assert!(library::is_parked(&*kv.borrow(), id));
}

fn picture(n: u32) -> Picture {
    Picture::from_bytes(crate::picture::test_png(10 + n, 10)).unwrap()
}

#[test]
fn old_pictures_move_to_the_bulk_store_and_a_move_cut_short_loses_none() {
    let mut kv = MemoryStore::default();
    let pictures: Vec<Picture> = (0..4).map(picture).collect();
    for p in &pictures {
        crate::persist::pictures::put_picture(&mut kv, p).unwrap();
    }
    let kv = RefCell::new(kv);
    let bulk = MemoryBulk::default();
    bulk.state().writes_left = Some(2);
    let moved = block_on(migrate_pictures(&kv, &bulk, 0.0));
    assert_eq!((moved.moved, moved.left), (2, 2));
    assert_eq!(moved.stopped, Some(StoreError::QuotaExceeded));
    for p in &pictures {
        let local = crate::persist::pictures::get_picture(&*kv.borrow(), &p.id());
        let there = block_on(load_picture(&bulk, &p.id())).unwrap();
        match (local, there) {
            (Some(local), None) => assert_eq!(&local, p),
            (None, Some(there)) => assert_eq!(&there, p),
            other => panic!("{other:?}"),
        }
    }
    bulk.state().writes_left = None;
    let moved = block_on(migrate_pictures(&kv, &bulk, 0.0));
    assert_eq!((moved.moved, moved.left, moved.stopped), (2, 0, None));
    assert!(!kv
        .borrow()
        .items
        .keys()
        .any(|key| key.starts_with(keys::PICTURE_PREFIX)));
    for p in &pictures {
        assert_eq!(
            block_on(load_picture(&bulk, &p.id())).unwrap().as_ref(),
            Some(p)
        );
    }
}

#[test]
fn pictures_nothing_names_are_collected_after_a_day() {
    let (kv, drafts) = library_of_five();
    let bulk = MemoryBulk::default();
    let [in_draft, in_version, in_trash, unnamed, recent, in_use] = [0, 1, 2, 3, 4, 5].map(picture);
    for p in [&in_draft, &in_version, &in_trash, &unnamed, &in_use] {
        block_on(keep_picture(&bulk, p, 0.0)).unwrap();
    }
    block_on(keep_picture(&bulk, &recent, 10.0 * DAY_MS)).unwrap();
    let with = |p: &Picture| {
        let mut document = seed_sample();
        let crate::model::Block::Figure(figure) = &mut document.preamble[1] else {
            panic!("the sample's figure")
        };
        figure.picture = Some(p.reference());
        document
    };
    // A parked draft names one, a version another, a draft in the trash a
    // third (local storage), this session the last.
    let mut envelope = library::load(&mut *kv.borrow_mut(), &drafts[0].0).unwrap();
    envelope.document = with(&in_draft);
    library::save(&mut *kv.borrow_mut(), &mut envelope, 5.0).unwrap();
    block_on(park_closed(&kv, &bulk, &[drafts[3].0.clone()]));
    block_on(keep_version(
        &bulk,
        &drafts[1].0,
        &with(&in_version),
        SnapshotReason::Opened,
        1.0,
    ))
    .unwrap();
    let mut trashed = library::load(&mut *kv.borrow_mut(), &drafts[3].0).unwrap();
    trashed.document = with(&in_trash);
    library::save(&mut *kv.borrow_mut(), &mut trashed, 6.0).unwrap();
    let in_use_ids = BTreeSet::from([in_use.id()]);
    let now = 10.5 * DAY_MS;
    assert_eq!(
        block_on(collect_pictures(&kv, &bulk, &in_use_ids, now)),
        Ok(1)
    );
    for p in [&in_draft, &in_version, &in_trash, &recent, &in_use] {
        assert!(block_on(load_picture(&bulk, &p.id())).unwrap().is_some());
    }
    assert_eq!(block_on(load_picture(&bulk, &unnamed.id())).unwrap(), None);
    // Looked for at most once a day: half a day later nothing is read.
    block_on(keep_picture(&bulk, &unnamed, 0.0)).unwrap();
    assert_eq!(
        block_on(collect_pictures(&kv, &bulk, &in_use_ids, 11.0 * DAY_MS)),
        Ok(0)
    );
    assert!(block_on(load_picture(&bulk, &unnamed.id()))
        .unwrap()
        .is_some());
    // A day later the recent one goes too, once nothing names it.
    assert_eq!(
        block_on(collect_pictures(&kv, &bulk, &in_use_ids, 12.0 * DAY_MS)),
        Ok(2)
    );
    assert_eq!(block_on(load_picture(&bulk, &recent.id())).unwrap(), None);
}

#[test]
fn where_indexed_db_is_missing_the_bulk_store_is_local_storage() {
    let kv = RefCell::new(MemoryStore::default());
    let local = LocalBulk(&kv);
    block_on(keep_version(
        &local,
        "7",
        &seed_sample(),
        SnapshotReason::Opened,
        1.0,
    ))
    .unwrap();
    let p = picture(1);
    block_on(keep_picture(&local, &p, 1.0)).unwrap();
    assert_eq!(block_on(snapshots(&local, "7")).unwrap().len(), 1);
    assert_eq!(
        block_on(load_picture(&local, &p.id())).unwrap(),
        Some(p.clone())
    );
    assert_eq!(
        block_on(local.keys("")).unwrap(),
        [format!("pictures/{}", p.id()), "versions/7".to_owned()]
    );
    assert!(kv
        .borrow()
        .items
        .keys()
        .all(|key| key.starts_with(LOCAL_BULK_PREFIX)));
    // Local storage full: the write fails as it would in the browser.
    kv.borrow_mut().quota_bytes = Some(10);
    assert_eq!(
        block_on(keep_picture(&local, &picture(2), 1.0)),
        Err(LibraryError::Store(StoreError::QuotaExceeded))
    );
    kv.borrow_mut().quota_bytes = None;
    block_on(local.clear()).unwrap();
    assert!(kv.borrow().items.is_empty());
}
