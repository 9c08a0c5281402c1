//! Tests of the editing session's rules against a `MemoryStore` that fails
//! on demand: saving, versions before destructive steps, what is at risk,
//! take-over, other tabs' library actions, damaged entries; regression
//! tests named after the defects of issue 14; and a property test over
//! random sequences of edits, saves, failures, restores, imports,
//! take-overs and reloads.

use std::cell::RefCell;
use std::rc::Rc;

use proptest::prelude::*;

use super::*;
use crate::edit::Edit;
use crate::model::Block;
use crate::persist::bulk::{self, block_on, MemoryBulk};
use crate::persist::library::MemoryStore;
use crate::persist::{Snapshot, DAY_MS};
use crate::template::seed_sample;

type Shared = Rc<RefCell<MemoryStore>>;

fn store() -> Shared {
    Rc::new(RefCell::new(MemoryStore::default()))
}

fn session(kv: &Shared) -> Session {
    Session::new(Box::new(kv.clone()))
}

/// Keeps the versions the session has waiting, as the shell does.
fn keep_waiting(s: &mut Session, bulk: &MemoryBulk) {
    for version in s.versions_to_keep() {
        let _ = block_on(version.keep(bulk));
    }
}

/// The open draft's versions, newest first, as the versions panel reads
/// them.
fn versions(s: &mut Session, bulk: &MemoryBulk) -> Vec<Snapshot> {
    let Some(key) = s.versions_key() else {
        return Vec::new();
    };
    keep_waiting(s, bulk);
    let id = key.trim_start_matches(bulk::VERSIONS_NS);
    let mut list = block_on(bulk::snapshots(bulk, id)).unwrap_or_default();
    list.reverse();
    list
}

/// The versions stored for draft `id`, oldest first.
fn stored_versions(bulk: &MemoryBulk, id: &str) -> Vec<Snapshot> {
    block_on(bulk::snapshots(bulk, id)).unwrap()
}

/// Replaces the open text as the shell does: the session asks for the
/// version to keep, the shell keeps it, the session replaces when it was
/// kept.
fn replace(
    s: &mut Session,
    bulk: &MemoryBulk,
    document: Document,
    reason: SnapshotReason,
    now_ms: f64,
) -> Result<(), SessionError> {
    let version = s.prepare_replace(reason, now_ms)?;
    keep_waiting(s, bulk);
    let kept = block_on(version.keep(bulk));
    s.finish_replace(&version, kept, document)
}

fn import_replacing(
    s: &mut Session,
    bulk: &MemoryBulk,
    document: Document,
    now_ms: f64,
) -> Result<(), SessionError> {
    replace(s, bulk, document, SnapshotReason::BeforeImport, now_ms)
}

fn restore_version(
    s: &mut Session,
    bulk: &MemoryBulk,
    snapshot: Snapshot,
    now_ms: f64,
) -> Result<(), SessionError> {
    replace(
        s,
        bulk,
        snapshot.document,
        SnapshotReason::BeforeRestore,
        now_ms,
    )
}

/// The id of the first paragraph in the document.
pub(super) fn first_paragraph(document: &Document) -> NodeId {
    fn find(blocks: &[Block]) -> Option<NodeId> {
        blocks.iter().find_map(|block| match block {
            Block::Paragraph(p) => Some(p.id),
            _ => None,
        })
    }
    fn walk(sections: &[crate::model::Section]) -> Option<NodeId> {
        sections
            .iter()
            .find_map(|s| find(&s.blocks).or_else(|| walk(&s.children)))
    }
    walk(&document.sections).expect("a paragraph")
}

fn type_text(s: &mut Session, text: &str, at: f64) {
    let node = first_paragraph(&s.document().unwrap());
    s.apply(
        &Edit::SetText {
            node,
            text: text.to_owned(),
        },
        at,
    )
    .unwrap();
}

fn text_of(document: &Document) -> String {
    crate::export::plain_text(document)
}

/// What a fresh tab opening draft `id` would show.
fn reload(kv: &Shared, id: &str) -> Document {
    let mut other = session(kv);
    other.open_stored(id, 0.0).expect("the draft opens");
    Document::clone(&other.document().unwrap())
}

fn used(kv: &Shared) -> usize {
    kv.borrow()
        .items
        .iter()
        .map(|(k, v)| k.len() + v.len())
        .sum()
}

/// Opens the seed sample as a new stored draft; returns its id.
fn open_sample(s: &mut Session) -> String {
    assert_eq!(s.open_new(seed_sample(), Origin::Outline, 1_000.0), None);
    s.open_id().unwrap().to_owned()
}

#[test]
fn an_edit_is_saved_after_the_pause_and_reads_back() {
    let kv = store();
    let mut s = session(&kv);
    let id = open_sample(&mut s);
    type_text(&mut s, "Đã lưu.", 10.0);
    assert!(s.save_pending());
    assert_eq!(s.save(2_000.0).0, SaveOutcome::Saved);
    assert!(!s.save_pending());
    assert!(text_of(&reload(&kv, &id)).contains("Đã lưu."));
    assert_eq!(s.save(3_000.0).0, SaveOutcome::NotNeeded);
}

#[test]
fn a_failed_edit_is_an_error_not_a_success_that_created_nothing() {
    let kv = store();
    let mut s = session(&kv);
    open_sample(&mut s);
    let error = s
        .apply(&Edit::DeleteSection { section: 9_999_999 }, 1.0)
        .unwrap_err();
    assert!(matches!(error, SessionError::Edit(_)), "{error:?}");
    assert!(!s.save_pending());
}

#[test]
fn work_is_at_risk_exactly_while_typed_text_is_only_in_memory() {
    let kv = store();
    let mut s = session(&kv);
    open_sample(&mut s);
    assert!(!s.work_at_risk());
    type_text(&mut s, "Chữ mới.", 1.0);
    assert!(s.work_at_risk(), "typed, not yet saved");
    kv.borrow_mut().quota_bytes = Some(used(&kv));
    assert!(matches!(s.save(2.0).0, SaveOutcome::Failed(_)));
    assert!(s.work_at_risk(), "the save failed");
    s.downloaded(3.0);
    assert!(!s.work_at_risk(), "in a downloaded file");
    type_text(&mut s, "Chữ mới hơn.", 5_000.0);
    assert!(s.work_at_risk());
    // Undo back to what is in the file: nothing at risk.
    assert!(s.undo());
    assert!(!s.work_at_risk());
    kv.borrow_mut().quota_bytes = None;
    assert!(s.redo());
    assert_eq!(s.save(6.0).0, SaveOutcome::Saved);
    assert!(!s.work_at_risk());
}

#[test]
fn a_new_draft_that_cannot_be_stored_opens_in_memory_and_an_untouched_outline_is_not_at_risk() {
    let kv = store();
    kv.borrow_mut().fail_with = Some(StoreError::QuotaExceeded);
    let mut s = session(&kv);
    let error = s.open_new(seed_sample(), Origin::Outline, 1.0);
    assert_eq!(
        error,
        Some(SessionError::Storage(StoreError::QuotaExceeded))
    );
    assert!(s.document().is_some());
    assert!(!s.work_at_risk());
    type_text(&mut s, "Gõ khi không lưu được.", 2.0);
    assert!(s.work_at_risk());
    // Pasted text exists only here from the start.
    let mut pasted = session(&kv);
    pasted.open_new(seed_sample(), Origin::Memory, 3.0);
    assert!(pasted.work_at_risk());
}

#[test]
fn nearly_full_storage_refuses_an_import_replace_rather_than_skip_its_version() {
    // Defect 1: the "before import" version was skipped without a word.
    let kv = store();
    let mut s = session(&kv);
    let bulk = MemoryBulk::default();
    let id = open_sample(&mut s);
    type_text(&mut s, "Văn bản cũ cần giữ.", 1.0);
    assert_eq!(s.save(2.0).0, SaveOutcome::Saved);
    s.write_open_snapshot();
    keep_waiting(&mut s, &bulk);
    bulk.state().writes_left = Some(0);
    let mut incoming = seed_sample();
    incoming.title = "Nội dung nhập".into();
    let error = import_replacing(&mut s, &bulk, incoming, 3.0).unwrap_err();
    assert!(
        matches!(error, SessionError::VersionNotKept(_)),
        "{error:?}"
    );
    // Nothing changed: the old text is open, stored, and not pending.
    assert!(text_of(&s.document().unwrap()).contains("Văn bản cũ cần giữ."));
    assert!(!s.save_pending());
    assert!(text_of(&reload(&kv, &id)).contains("Văn bản cũ cần giữ."));
}

#[test]
fn nearly_full_storage_refuses_a_restore_rather_than_skip_its_version() {
    let kv = store();
    let mut s = session(&kv);
    let bulk = MemoryBulk::default();
    open_sample(&mut s);
    let old = versions(&mut s, &bulk).pop().expect("the on-open version");
    type_text(&mut s, "Bản đang sửa.", 1.0);
    assert_eq!(s.save(2.0).0, SaveOutcome::Saved);
    bulk.state().fail_with = Some(StoreError::Unavailable);
    let error = restore_version(&mut s, &bulk, old, 3.0).unwrap_err();
    assert!(
        matches!(error, SessionError::VersionNotKept(_)),
        "{error:?}"
    );
    assert!(text_of(&s.document().unwrap()).contains("Bản đang sửa."));
}

#[test]
fn with_little_room_a_replace_drops_older_versions_to_keep_the_current_text() {
    let kv = store();
    let mut s = session(&kv);
    let bulk = MemoryBulk::default();
    let id = open_sample(&mut s);
    s.write_open_snapshot();
    keep_waiting(&mut s, &bulk);
    type_text(&mut s, "Phải giữ.", 1.0);
    assert_eq!(s.save(2.0).0, SaveOutcome::Saved);
    let used = bulk.used_bytes();
    bulk.state().quota_bytes = Some(used + 2_000);
    import_replacing(&mut s, &bulk, seed_sample(), 3.0).unwrap();
    let versions = stored_versions(&bulk, &id);
    assert_eq!(versions.len(), 1);
    assert!(text_of(&versions[0].document).contains("Phải giữ."));
}

#[test]
fn a_replace_keeps_the_current_text_as_a_version_first_and_can_be_undone() {
    let kv = store();
    let mut s = session(&kv);
    let bulk = MemoryBulk::default();
    let id = open_sample(&mut s);
    type_text(&mut s, "Trước khi nhập.", 1.0);
    let mut incoming = seed_sample();
    incoming.title = "Nhập vào".into();
    import_replacing(&mut s, &bulk, incoming, 2.0).unwrap();
    assert_eq!(s.document().unwrap().title, "Nhập vào");
    let versions = stored_versions(&bulk, &id);
    let before = versions.last().unwrap();
    assert_eq!(before.reason, SnapshotReason::BeforeImport);
    assert!(text_of(&before.document).contains("Trước khi nhập."));
    assert!(s.undo());
    assert!(text_of(&s.document().unwrap()).contains("Trước khi nhập."));
}

#[test]
fn a_take_over_with_storage_full_never_drops_the_first_tab_s_text() {
    // Defect 2.
    let kv = store();
    let mut first = session(&kv);
    let id = open_sample(&mut first);
    first.set_editing(true);
    kv.borrow_mut().quota_bytes = Some(used(&kv));
    type_text(&mut first, "Chỉ có trong bộ nhớ.", 1.0);
    // The second tab asks; the first saves what it can and answers.
    let mut second = session(&kv);
    second.open_stored(&id, 2.0).unwrap();
    second.set_editing(false);
    assert!(first.before_take_over(3.0), "text is still only in memory");
    second.set_editing(true);
    assert!(second.reload_from_storage(4.0));
    first.taken_over();
    assert!(first.is_read_only());
    // The first tab keeps its text, refuses to reload over it, and can
    // still download it.
    assert!(!first.reload_from_storage(5.0));
    assert!(text_of(&first.document().unwrap()).contains("Chỉ có trong bộ nhớ."));
    assert!(first.work_at_risk());
    let (_, json) = first.draft_file("2026-12-06", 6.0).unwrap();
    assert!(json.contains("Chỉ có trong bộ nhớ."));
    // A read-only tab neither edits nor saves.
    assert_eq!(
        first.apply(
            &Edit::SetField {
                field: Field::Title,
                text: "x".into()
            },
            7.0
        ),
        Err(SessionError::ReadOnly)
    );
}

#[test]
fn a_take_over_after_a_successful_flush_shows_the_saved_text_in_both_tabs() {
    let kv = store();
    let mut first = session(&kv);
    let id = open_sample(&mut first);
    type_text(&mut first, "Đã lưu trước khi nhận.", 1.0);
    let mut second = session(&kv);
    second.open_stored(&id, 2.0).unwrap();
    assert!(!first.before_take_over(3.0));
    second.set_editing(true);
    second.reload_from_storage(4.0);
    first.taken_over();
    assert!(text_of(&second.document().unwrap()).contains("Đã lưu trước khi nhận."));
    // A read-only tab follows the editing tab's saves.
    type_text(&mut second, "Sửa ở tab hai.", 5.0);
    assert_eq!(second.save(6.0).0, SaveOutcome::Saved);
    assert!(first.reload_from_storage(7.0));
    assert!(text_of(&first.document().unwrap()).contains("Sửa ở tab hai."));
}

#[test]
fn an_unreadable_versions_entry_is_never_overwritten_by_the_next_version() {
    // Defect 3.
    let kv = store();
    let mut s = session(&kv);
    let bulk = MemoryBulk::default();
    let id = open_sample(&mut s);
    s.write_open_snapshot();
    keep_waiting(&mut s, &bulk);
    let key = bulk::versions_key(&id);
    let good = bulk.state().items[&key].clone();
    // One entry damaged inside the list: it stays as it is.
    let mut list: Vec<serde_json::Value> = serde_json::from_str(&good).unwrap();
    list.insert(0, serde_json::json!({"taken_ms": "hỏng"}));
    bulk.state()
        .items
        .insert(key.clone(), serde_json::to_string(&list).unwrap());
    type_text(&mut s, "Bản mới.", 1.0);
    import_replacing(&mut s, &bulk, seed_sample(), 2.0).unwrap();
    let stored: Vec<serde_json::Value> = serde_json::from_str(&bulk.state().items[&key]).unwrap();
    assert_eq!(stored[0], serde_json::json!({"taken_ms": "hỏng"}));
    assert_eq!(stored.len(), 3);
    // A list that is not a list at all is never written over: the version
    // is not kept, so the replace is refused and the text stays.
    bulk.state().items.insert(key.clone(), "{hỏng cả".into());
    type_text(&mut s, "Giữ lại.", 3.0);
    let error = import_replacing(&mut s, &bulk, seed_sample(), 4.0).unwrap_err();
    assert!(
        matches!(error, SessionError::VersionNotKept(_)),
        "{error:?}"
    );
    assert_eq!(bulk.state().items[&key], "{hỏng cả");
    assert!(text_of(&s.document().unwrap()).contains("Giữ lại."));
}

#[test]
fn a_malformed_list_of_stored_parts_is_set_aside_and_never_emptied() {
    // Defect 4.
    let kv = store();
    let mut s = session(&kv);
    let id = open_sample(&mut s);
    let head = kv.borrow().items[&keys::draft(&id)].clone();
    let mut value: serde_json::Value = serde_json::from_str(&head).unwrap();
    value["stored_parts"] = serde_json::json!("1,2");
    let damaged = value.to_string();
    kv.borrow_mut()
        .items
        .insert(keys::draft(&id), damaged.clone());
    let parts_before: Vec<String> = kv
        .borrow()
        .items
        .keys()
        .filter(|k| k.starts_with(&keys::parts_of(&id)))
        .cloned()
        .collect();
    assert!(!parts_before.is_empty());
    let mut other = session(&kv);
    let error = other.open_stored(&id, 1.0).unwrap_err();
    assert!(
        matches!(error, SessionError::Unreadable { .. }),
        "{error:?}"
    );
    assert!(
        other.document().is_none(),
        "never opened as an empty report"
    );
    // Every part entry is still there, and the head as it was.
    for key in &parts_before {
        assert!(kv.borrow().items.contains_key(key), "{key}");
    }
    assert_eq!(kv.borrow().items[&keys::draft(&id)], damaged);
    let kept = &kv.borrow().items[&format!("{}{id}", keys::CORRUPT_PREFIX)];
    assert!(kept.contains("unlisted_parts"), "{kept}");
    assert!(kept.contains("Lấp Vò"));
}

#[test]
fn a_missing_part_sets_aside_every_part_not_only_those_before_it() {
    // Defect 5.
    let kv = store();
    let mut s = session(&kv);
    let id = open_sample(&mut s);
    let parts: Vec<String> = kv
        .borrow()
        .items
        .keys()
        .filter(|k| k.starts_with(&keys::parts_of(&id)))
        .cloned()
        .collect();
    assert!(parts.len() >= 2);
    let last_text = kv.borrow().items[parts.last().unwrap()].clone();
    kv.borrow_mut().items.remove(&parts[0]);
    let error = library::load(&mut *kv.borrow_mut(), &id).unwrap_err();
    assert!(matches!(error, LibraryError::Unreadable { .. }));
    let kept = kv.borrow().items[&format!("{}{id}", keys::CORRUPT_PREFIX)].clone();
    let kept: serde_json::Value = serde_json::from_str(&kept).unwrap();
    let sections = kept["document"]["sections"].as_array().unwrap();
    assert_eq!(sections.len(), parts.len());
    assert!(sections[0].is_null());
    let last: serde_json::Value = serde_json::from_str(&last_text).unwrap();
    assert_eq!(sections.last().unwrap(), &last);
}

#[test]
fn a_wrong_clock_when_trashing_never_deletes_a_draft_at_the_next_start() {
    // Defect 6.
    let kv = store();
    let mut s = session(&kv);
    let id = open_sample(&mut s);
    s.close(2.0);
    // The clock read 1970 when the draft was trashed; today is 2026.
    s.trash(&id, 0.0).unwrap();
    let today = 20_000.0 * DAY_MS;
    assert_eq!(s.purge_trash(today), 0);
    assert!(kv.borrow().items.contains_key(&keys::draft(&id)));
    assert_eq!(s.purge_trash(today + 29.0 * DAY_MS), 0);
    // A clock gone back starts the count again.
    assert_eq!(s.purge_trash(today - 5.0 * DAY_MS), 0);
    assert_eq!(s.purge_trash(today + 20.0 * DAY_MS), 0);
    assert_eq!(s.purge_trash(today + 25.0 * DAY_MS), 1);
    assert!(!kv.borrow().items.contains_key(&keys::draft(&id)));
}

#[test]
fn the_startup_purge_trusts_the_draft_not_its_library_entry() {
    let kv = store();
    let mut s = session(&kv);
    let id = open_sample(&mut s);
    s.close(2.0);
    // A stale library entry says "trashed long ago"; the draft does not.
    let mut meta: DraftMeta = serde_json::from_str(&kv.borrow().items[&keys::meta(&id)]).unwrap();
    meta.trashed_ms = Some(0.0);
    meta.trash_seen_ms = Some(0.0);
    kv.borrow_mut()
        .items
        .insert(keys::meta(&id), serde_json::to_string(&meta).unwrap());
    assert_eq!(s.purge_trash(100.0 * DAY_MS), 0);
    assert_eq!(s.empty_trash().unwrap(), 0);
    assert!(kv.borrow().items.contains_key(&keys::draft(&id)));
}

#[test]
fn a_rename_or_trash_in_another_tab_is_kept_by_the_editing_tab_s_next_save() {
    // Defect 8: the editing tab's next save undid them.
    let kv = store();
    let mut editing = session(&kv);
    let id = open_sample(&mut editing);
    let mut library_tab = session(&kv);
    library_tab.rename(&id, "Tên mới", 2.0).unwrap();
    type_text(&mut editing, "Gõ tiếp.", 3.0);
    let (outcome, elsewhere) = editing.save(4.0);
    assert_eq!(outcome, SaveOutcome::Saved);
    assert_eq!(elsewhere, Some(Elsewhere::Renamed("Tên mới".into())));
    let stored = reload(&kv, &id);
    assert_eq!(stored.title, "Tên mới");
    assert!(text_of(&stored).contains("Gõ tiếp."));
    library_tab.trash(&id, 5.0).unwrap();
    type_text(&mut editing, "Gõ nữa.", 6_000.0);
    assert_eq!(editing.save(7.0).1, Some(Elsewhere::Trashed(true)));
    assert!(library_tab
        .library()
        .iter()
        .any(|m| m.id == id && m.trashed_ms.is_some()));
}

#[test]
fn emptying_the_trash_in_another_tab_is_not_undone_by_the_editing_tab() {
    let kv = store();
    let mut editing = session(&kv);
    let id = open_sample(&mut editing);
    let mut library_tab = session(&kv);
    library_tab.trash(&id, 2.0).unwrap();
    assert_eq!(library_tab.empty_trash().unwrap(), 1);
    type_text(&mut editing, "Sau khi xóa.", 3.0);
    let (outcome, elsewhere) = editing.save(4.0);
    assert_eq!(elsewhere, Some(Elsewhere::Deleted));
    assert_eq!(outcome, SaveOutcome::Failed(SessionError::DeletedElsewhere));
    assert!(kv.borrow().items.keys().all(|k| !k.contains(&id)));
    // The text is still here, at risk, to download.
    assert!(editing.work_at_risk());
}

#[test]
fn a_stored_draft_with_repeated_ids_is_given_fresh_ones_on_opening() {
    // Defect 8: typing into one section overwrote another.
    let kv = store();
    let mut document = seed_sample();
    let first = document.sections[0].id;
    document.sections[1].id = first;
    let envelope = Envelope::new("5", document, 1.0);
    let mut one_piece = envelope.clone();
    kv.borrow_mut()
        .items
        .insert(keys::draft("5"), one_piece.to_json());
    let mut s = session(&kv);
    s.open_stored("5", 2.0).unwrap();
    assert!(!s.document().unwrap().has_repeated_ids());
}

#[test]
fn a_draft_whose_id_extends_another_keeps_its_parts_when_the_other_is_saved() {
    // Defect 8: "X.7" beside "X".
    let kv = store();
    let mut a = session(&kv);
    let id = open_sample(&mut a);
    let mut document = seed_sample();
    document.title = "Bản kia".into();
    let mut other = Envelope::new(&format!("{id}.7"), document.clone(), 1.0);
    library::save(&mut *kv.borrow_mut(), &mut other, 1.0).unwrap();
    type_text(&mut a, "Lưu bản này.", 2.0);
    assert_eq!(a.save(3.0).0, SaveOutcome::Saved);
    let reloaded = reload(&kv, &format!("{id}.7"));
    assert_eq!(reloaded.title, "Bản kia");
}

#[test]
fn set_aside_entries_can_be_removed_and_nothing_else_through_that_door() {
    let kv = store();
    kv.borrow_mut()
        .items
        .insert(keys::draft("9"), "{hỏng".into());
    let mut s = session(&kv);
    assert!(s.open_stored("9", 1.0).is_err());
    let key = format!("{}9", keys::CORRUPT_PREFIX);
    assert_eq!(s.set_aside(), [(key.clone(), "{hỏng".to_owned())]);
    assert!(s.remove_set_aside(&keys::draft("9")).is_err());
    // A readable draft is never removed through that door.
    let readable = open_sample(&mut s);
    s.close(2.0);
    kv.borrow_mut().items.insert(
        format!("{}{readable}", keys::CORRUPT_PREFIX),
        "{old copy".into(),
    );
    s.remove_set_aside(&format!("{}{readable}", keys::CORRUPT_PREFIX))
        .unwrap();
    assert!(kv.borrow().items.contains_key(&keys::draft(&readable)));
    s.remove_set_aside(&key).unwrap();
    // Regression: the unreadable draft stayed, so the next listing set it
    // aside again and the entry could never be removed.
    assert_eq!(s.library().len(), 1);
    assert!(s.set_aside().is_empty());
    assert!(!kv.borrow().items.contains_key(&keys::draft("9")));
    // An unreadable template goes with its copy.
    kv.borrow_mut()
        .items
        .insert(keys::template("hong"), "{".into());
    assert!(s.templates().is_empty());
    let (copy, _) = s.set_aside().remove(0);
    s.remove_set_aside(&copy).unwrap();
    assert!(s.templates().is_empty());
    assert!(s.set_aside().is_empty());
}

#[test]
fn a_reloaded_tab_reopens_its_own_draft_not_another_tab_s() {
    // Defect 8.
    let kv = store();
    let mut a = session(&kv);
    let first = open_sample(&mut a);
    let mut b = session(&kv);
    b.open_new(seed_sample(), Origin::Outline, 5_000.0);
    let second = b.open_id().unwrap().to_owned();
    assert_ne!(first, second);
    let reloaded = session(&kv);
    assert_eq!(
        reloaded.draft_to_reopen(Some(Some(first.clone()))),
        Some(first)
    );
    assert_eq!(reloaded.draft_to_reopen(Some(None)), None);
    // A new tab opens the one open last.
    assert_eq!(reloaded.draft_to_reopen(None), Some(second));
}

#[test]
fn a_template_file_cannot_take_a_built_in_template_s_id() {
    // Defect 8.
    let kv = store();
    let mut s = session(&kv);
    let builtin = crate::template::builtin().remove(0);
    let id = s.add_template(&builtin).unwrap();
    assert_ne!(id, builtin.id);
    let again = s.add_template(&builtin).unwrap();
    assert_ne!(again, id);
    assert_eq!(s.templates().len(), 2);
    // An unreadable stored template is set aside, and the rest listed.
    kv.borrow_mut()
        .items
        .insert(keys::template("hong"), "{".into());
    assert_eq!(s.templates().len(), 2);
    assert!(s
        .set_aside()
        .iter()
        .any(|(key, _)| key.ends_with("template.hong")));
    // A template that does not read back is not kept.
    kv.borrow_mut().corrupt_reads = true;
    assert_eq!(s.add_template(&builtin), Err(SessionError::NotReadBack));
}

#[test]
fn the_on_open_version_is_of_the_document_as_opened() {
    let kv = store();
    let mut s = session(&kv);
    let bulk = MemoryBulk::default();
    let id = open_sample(&mut s);
    type_text(&mut s, "Sửa đầu tiên.", 1.0);
    keep_waiting(&mut s, &bulk);
    let versions = stored_versions(&bulk, &id);
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].reason, SnapshotReason::Opened);
    assert_eq!(versions[0].document, seed_sample());
}

#[test]
fn tab_messages_read_back_and_foreign_ones_are_ignored() {
    for message in [
        TabMessage::SaveBeforeTakeOver { id: "1".into() },
        TabMessage::Answer {
            id: "1".into(),
            unsaved: true,
        },
    ] {
        assert_eq!(TabMessage::from_text(&message.to_text()), Some(message));
    }
    assert_eq!(TabMessage::from_text("{\"kind\":\"x\",\"id\":\"1\"}"), None);
    assert_eq!(TabMessage::from_text("not json"), None);
}

/// One step of the property test.
#[derive(Clone, Debug)]
enum Step {
    Type(u8),
    Save,
    Undo,
    Redo,
    StorageFull,
    StorageThrows,
    StorageFailsAtWrite(usize),
    StorageRecovers,
    Restore,
    ImportReplace,
    Download,
    TakeOver,
    Reload,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => any::<u8>().prop_map(Step::Type),
        3 => Just(Step::Save),
        1 => Just(Step::Undo),
        1 => Just(Step::Redo),
        1 => Just(Step::StorageFull),
        1 => Just(Step::StorageThrows),
        1 => (0usize..4).prop_map(Step::StorageFailsAtWrite),
        2 => Just(Step::StorageRecovers),
        1 => Just(Step::Restore),
        1 => Just(Step::ImportReplace),
        1 => Just(Step::Download),
        1 => Just(Step::TakeOver),
        1 => Just(Step::Reload),
    ]
}

/// A store that fails at the n-th write from now.
#[derive(Clone, Debug, Default)]
struct Flaky {
    inner: MemoryStore,
    writes_left: Option<usize>,
}

impl KeyValue for Flaky {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.inner.get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(left) = self.writes_left.as_mut() {
            if *left == 0 {
                return Err(StoreError::Other("InvalidStateError".into()));
            }
            *left -= 1;
        }
        self.inner.set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.inner.remove(key)
    }
    fn keys(&self) -> Vec<String> {
        self.inner.keys()
    }
}

/// Found by `no_text_reported_saved_is_ever_lost` (its case is in
/// proptest-regressions/session/tests.txt): after another tab took the
/// draft over and handed it back, the reload forgot the file this tab had
/// downloaded, so going back to that text counted as work at risk.
#[test]
fn regression_a_take_over_round_trip_forgot_the_downloaded_file() {
    let kv = store();
    let mut tab = session(&kv);
    tab.open_new(seed_sample(), Origin::Outline, 0.0);
    type_text(&mut tab, "Đã tải về máy.", 1_000.0);
    assert!(tab.draft_file("2026-12-06", 2_000.0).is_some());
    tab.downloaded(2_000.0);
    let downloaded = Document::clone(&tab.document().unwrap());
    // Another tab takes the draft over and hands it back.
    tab.flush(3_000.0);
    tab.before_take_over(3_000.0);
    tab.taken_over();
    tab.set_editing(true);
    assert!(tab.reload_from_storage(4_000.0));
    // Typed on and saved, then taken back to the downloaded text.
    type_text(&mut tab, "Gõ thêm sau khi nhận lại.", 5_000.0);
    tab.save(6_000.0);
    assert!(!tab.work_at_risk(), "the text saved is in storage");
    type_text(&mut tab, "Đã tải về máy.", 7_000.0);
    assert_eq!(Document::clone(&tab.document().unwrap()), downloaded);
    assert!(
        !tab.work_at_risk(),
        "the text is in the file downloaded before the take-over"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any sequence of edits, saves, storage failures, restores, imports,
    /// take-overs and reloads never loses text that was reported saved,
    /// and "work at risk" is true exactly when the open text is neither
    /// in storage, nor in a downloaded file, nor an untouched outline.
    #[test]
    fn no_text_reported_saved_is_ever_lost(steps in proptest::collection::vec(step(), 1..30)) {
        let kv = Rc::new(RefCell::new(Flaky::default()));
        let mut tab = Session::new(Box::new(kv.clone()));
        let bulk = MemoryBulk::default();
        tab.open_new(seed_sample(), Origin::Outline, 0.0);
        let id = tab.open_id().unwrap().to_owned();
        let mut reported_saved: Document = Document::clone(&tab.document().unwrap());
        let mut in_file: Option<Document> = None;
        // The outline the draft was made from, while this tab knows it.
        let mut outline = Some(seed_sample());
        let mut clock = 1_000.0;
        for step in steps {
            clock += 2_000.0;
            match step {
                Step::Type(n) => {
                    if !tab.is_read_only() {
                        type_text(&mut tab, &format!("Chữ số {n} lúc {clock}."), clock);
                    }
                }
                Step::Save => {
                    let before = Document::clone(&tab.document().unwrap());
                    if let (SaveOutcome::Saved, _) = tab.save(clock) {
                        reported_saved = before;
                    }
                }
                Step::Undo => { tab.undo(); }
                Step::Redo => { tab.redo(); }
                Step::StorageFull => {
                    let mut kv = kv.borrow_mut();
                    let used = kv.inner.items.iter().map(|(k, v)| k.len() + v.len()).sum::<usize>();
                    kv.inner.quota_bytes = Some(used + 200);
                }
                Step::StorageThrows => kv.borrow_mut().inner.fail_with = Some(StoreError::Other("x".into())),
                Step::StorageFailsAtWrite(n) => kv.borrow_mut().writes_left = Some(n),
                Step::StorageRecovers => {
                    let mut kv = kv.borrow_mut();
                    kv.inner.quota_bytes = None;
                    kv.inner.fail_with = None;
                    kv.writes_left = None;
                }
                Step::Restore => {
                    if let Some(version) = versions(&mut tab, &bulk).pop() {
                        let before = Document::clone(&tab.document().unwrap());
                        if restore_version(&mut tab, &bulk, version, clock).is_ok() {
                            // The text replaced is kept as a version.
                            let kept = stored_versions(&bulk, &id);
                            prop_assert!(kept.iter().any(|v| v.document == before));
                        }
                    }
                }
                Step::ImportReplace => {
                    let mut incoming = seed_sample();
                    incoming.title = format!("Nhập {clock}");
                    let before = Document::clone(&tab.document().unwrap());
                    match import_replacing(&mut tab, &bulk, incoming, clock) {
                        Ok(()) => {
                            let kept = stored_versions(&bulk, &id);
                            prop_assert!(kept.iter().any(|v| v.document == before));
                        }
                        Err(_) => prop_assert_eq!(Document::clone(&tab.document().unwrap()), before),
                    }
                }
                Step::Download => {
                    if tab.draft_file("2026-12-06", clock).is_some() {
                        tab.downloaded(clock);
                        in_file = Some(Document::clone(&tab.document().unwrap()));
                    }
                }
                Step::TakeOver => {
                    // Another tab takes over and hands back: this tab keeps
                    // what it holds.
                    let held = Document::clone(&tab.document().unwrap());
                    if let (SaveOutcome::Saved, _) = tab.flush(clock) {
                        reported_saved = held.clone();
                    }
                    tab.before_take_over(clock);
                    tab.taken_over();
                    prop_assert_eq!(Document::clone(&tab.document().unwrap()), held.clone());
                    tab.set_editing(true);
                    tab.reload_from_storage(clock);
                    if tab.work_at_risk() {
                        prop_assert_eq!(Document::clone(&tab.document().unwrap()), held);
                    }
                }
                Step::Reload => {
                    // The page is left: the shell saves first and asks
                    // when work is at risk; here the user always stays.
                    let before = Document::clone(&tab.document().unwrap());
                    if let (SaveOutcome::Saved, _) = tab.flush(clock) {
                        reported_saved = before;
                    }
                    if !tab.work_at_risk() {
                        let mut fresh = Session::new(Box::new(kv.clone()));
                        if fresh.open_stored(&id, clock).is_ok() {
                            tab = fresh;
                            in_file = None;
                            outline = None;
                        }
                    }
                }
            }
            // Whatever happened, a fresh tab opens the text last reported
            // saved, whenever storage can be read.
            let stored = {
                let mut kv = kv.borrow_mut();
                let failing = kv.inner.fail_with.take();
                let loaded = library::load(&mut *kv, &id).map(|e| e.document);
                kv.inner.fail_with = failing;
                loaded
            };
            if let Ok(stored) = &stored {
                prop_assert_eq!(stored, &reported_saved);
            }
            // At risk exactly when the open text is nowhere else.
            let present = Document::clone(&tab.document().unwrap());
            let elsewhere = stored.as_ref().ok() == Some(&present)
                || in_file.as_ref() == Some(&present)
                || outline.as_ref() == Some(&present);
            prop_assert_eq!(tab.work_at_risk(), !elsewhere);
        }
    }
}

#[test]
fn a_stored_draft_is_read_without_opening_it_and_the_open_one_as_it_stands() {
    let kv = store();
    let mut s = session(&kv);
    let first = open_sample(&mut s);
    type_text(&mut s, "Văn bản của đơn vị thứ nhất.", 10.0);
    s.flush(20.0);
    s.open_new(seed_sample(), Origin::Outline, 30.0);
    let second = s.open_id().unwrap().to_owned();
    type_text(&mut s, "Chưa lưu.", 40.0);
    let read = s.read_stored(&first).unwrap();
    assert!(text_of(&read).contains("Văn bản của đơn vị thứ nhất."));
    // The open draft stays open; its text is read as it stands.
    assert_eq!(s.open_id(), Some(second.as_str()));
    assert!(text_of(&s.read_stored(&second).unwrap()).contains("Chưa lưu."));
    assert!(matches!(
        s.read_stored("missing"),
        Err(SessionError::Missing)
    ));
}

/// The seed sample's figure with `picture` chosen in `s`'s open draft.
fn choose_picture(s: &mut Session, picture: &crate::picture::Picture, at: f64) {
    let reference = s.put_picture(picture).unwrap();
    let figure = s.document().unwrap().preamble[1].id();
    s.apply(
        &Edit::SetPicture {
            figure,
            picture: Some(reference),
        },
        at,
    )
    .unwrap();
}

#[test]
fn a_draft_file_carries_its_pictures_and_an_import_stores_them_once() {
    let kv = store();
    let bulk = MemoryBulk::default();
    let mut s = session(&kv);
    assert_eq!(s.open_new(seed_sample(), Origin::Outline, 1.0), None);
    let picture = crate::picture::Picture::from_bytes(crate::picture::test_png(300, 200)).unwrap();
    choose_picture(&mut s, &picture, 2.0);
    assert_eq!(s.save(3.0).0, SaveOutcome::Saved);
    // The draft's stored text names the picture; its bytes wait, once, to
    // be kept in the bulk store, never in local storage.
    assert!(kv
        .borrow()
        .items
        .values()
        .all(|value| !value.contains("iVBOR")));
    let waiting = s.pictures_to_keep();
    assert_eq!(waiting, std::slice::from_ref(&picture));
    for p in &waiting {
        block_on(bulk::keep_picture(&bulk, p, 3.0)).unwrap();
    }
    assert_eq!(
        bulk.state().items.keys().cloned().collect::<Vec<_>>(),
        [bulk::picture_key(&picture.id())]
    );
    let (_, json) = s.draft_file("2026-12-06", 4.0).unwrap();
    assert!(json.contains(&picture.data_url()));
    // Exporting put nothing in the stored envelope.
    assert!(!s.envelope().unwrap().extra.contains_key("pictures"));
    // In another browser: the file comes in with its picture.
    let incoming = crate::transfer::read_file(json.as_bytes()).unwrap();
    assert_eq!(incoming.pictures.len(), 1);
    assert_eq!(incoming.pictures[&picture.id()], picture);
    let other = store();
    let mut fresh = session(&other);
    fresh.store_pictures(&incoming.pictures).unwrap();
    assert_eq!(
        fresh.open_new(incoming.document.clone(), Origin::File, 5.0),
        None
    );
    assert_eq!(fresh.pictures().len(), 1);
    assert_eq!(fresh.picture(&picture.id()), Some(picture.clone()));
    assert_eq!(fresh.pictures_to_keep().len(), 1);
    // The same file again keeps nothing new.
    fresh.store_pictures(&incoming.pictures).unwrap();
    assert!(fresh.pictures_to_keep().is_empty());
}

#[test]
fn a_draft_whose_pictures_pass_the_cap_is_not_made_into_a_file() {
    let kv = store();
    let mut s = session(&kv);
    assert_eq!(s.open_new(seed_sample(), Origin::Outline, 1.0), None);
    assert_eq!(s.pictures_too_large(), None);
    let picture = crate::picture::Picture::from_bytes(crate::picture::test_png(300, 200)).unwrap();
    choose_picture(&mut s, &picture, 2.0);
    assert_eq!(s.pictures_too_large(), None);
    // Stored bytes larger than a file may carry: stand-in pictures, read
    // back as stored (a picture is at most 4 MB; six of them pass 20 MB).
    let mut blocks = s.document().unwrap().preamble.clone();
    let mut big = Vec::new();
    for n in 0..6u32 {
        let mut bytes = crate::picture::test_png(1200, 1200 + n);
        bytes.resize(3_900_000, 0);
        let picture = crate::picture::Picture::from_bytes(bytes).unwrap();
        let reference = s.put_picture(&picture).unwrap();
        big.push(picture);
        blocks.push(Block::Figure(crate::model::Figure {
            picture: Some(reference),
            ..crate::model::Figure::default()
        }));
    }
    let mut document = Document::clone(&s.document().unwrap());
    document.preamble = blocks;
    document.assign_ids();
    import_replacing(&mut s, &MemoryBulk::default(), document, 3.0).unwrap();
    let total = s.pictures_too_large().expect("over the cap");
    assert!(total > crate::picture::MAX_FILE_PICTURES_BYTES);
    assert_eq!(s.draft_file("2026-12-06", 4.0), None);
    let message = crate::i18n::pictures_too_large(crate::i18n::Lang::Vi, total);
    assert!(
        message.contains("giới hạn cho một tệp là 20 MB"),
        "{message}"
    );
}

#[test]
fn erasing_everything_is_refused_while_another_tab_edits_or_text_is_only_here() {
    let kv = store();
    let mut s = session(&kv);
    open_sample(&mut s);
    type_text(&mut s, "Đã lưu.", 1.0);
    // Another tab holds a draft's editing lock: it would save it back.
    assert_eq!(s.begin_erase(true, 2.0), Err(SessionError::EditedElsewhere));
    assert!(s.document().is_some());
    // Text that cannot be saved is held only here: not erased either.
    kv.borrow_mut().fail_with = Some(StoreError::QuotaExceeded);
    type_text(&mut s, "Chưa lưu được.", 3.0);
    assert_eq!(s.begin_erase(false, 4.0), Err(SessionError::WorkAtRisk));
    assert!(text_of(&s.document().unwrap()).contains("Chưa lưu được."));
    // Once saved, the draft is closed and the versions waiting dropped:
    // nothing is written after the erase.
    kv.borrow_mut().fail_with = None;
    assert_eq!(s.begin_erase(false, 5.0), Ok(()));
    assert!(s.document().is_none());
    assert!(s.versions_to_keep().is_empty());
    assert!(text_of(&reload(&kv, &s.library()[0].id)).contains("Chưa lưu được."));
}

#[test]
fn a_replace_is_refused_when_the_text_changed_before_its_version_was_kept() {
    let kv = store();
    let mut s = session(&kv);
    let bulk = MemoryBulk::default();
    open_sample(&mut s);
    let version = s
        .prepare_replace(SnapshotReason::BeforeImport, 1.0)
        .unwrap();
    type_text(&mut s, "Gõ trong lúc chờ.", 2.0);
    let kept = block_on(version.keep(&bulk));
    assert_eq!(kept, Ok(()));
    let error = s.finish_replace(&version, kept, seed_sample()).unwrap_err();
    assert!(
        matches!(error, SessionError::VersionNotKept(_)),
        "{error:?}"
    );
    assert!(text_of(&s.document().unwrap()).contains("Gõ trong lúc chờ."));
}

#[test]
fn every_draft_is_offered_as_a_file_before_erasing() {
    let kv = store();
    let mut s = session(&kv);
    let first = open_sample(&mut s);
    open_sample(&mut s);
    s.trash(&first, 2.0).unwrap();
    type_text(&mut s, "Đang mở.", 3.0);
    let files = s.all_draft_files("2026-12-06", 4.0, &[]);
    assert_eq!(files.len(), 2);
    assert_ne!(files[0].0, files[1].0, "two files, two names");
    assert!(files.iter().all(|(name, _)| name.ends_with(".baocao.json")));
    assert!(files.iter().any(|(_, text)| text.contains("Đang mở.")));
    for (_, text) in &files {
        assert!(crate::persist::Envelope::from_json(text).is_ok());
    }
}
