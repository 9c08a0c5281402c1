//! Tests of drafts stored in pieces: a save writes only the parts that
//! changed and the head, a failed save leaves the previous draft whole,
//! unreadable pieces are set aside, and any sequence of edits and saves
//! loads back as saved with no stray entries.

use proptest::prelude::*;

use super::*;
use crate::large_report::large_report;
use crate::template::seed_sample;

/// The keys of draft `id`'s part entries.
fn part_keys(kv: &MemoryStore, id: &str) -> Vec<String> {
    let prefix = keys::parts_of(id);
    kv.items
        .keys()
        .filter(|key| key.starts_with(&prefix))
        .cloned()
        .collect()
}

/// Creates a draft of `document` and opens it as the editor does.
fn open(kv: &mut MemoryStore, document: Document) -> (Envelope, StoredParts) {
    let envelope = create(kv, document, 1.0).unwrap();
    load_with_parts(kv, &envelope.meta.id).unwrap()
}

#[test]
fn a_keystroke_in_one_part_rewrites_that_part_and_the_head_only() {
    let mut kv = MemoryStore::default();
    let (mut envelope, mut stored) = open(&mut kv, large_report(4, 3));
    let id = envelope.meta.id.clone();
    assert_eq!(part_keys(&kv, &id).len(), 4);
    let before = kv.items.clone();
    let mut document = envelope.document.clone();
    document.sections[2].heading.push('x');
    save_document(&mut kv, &mut envelope, &document, &mut stored, 2.0).unwrap();
    let changed: Vec<&String> = kv
        .items
        .iter()
        .filter(|(key, value)| before.get(*key) != Some(value))
        .map(|(key, _)| key)
        .collect();
    let removed: Vec<&String> = before
        .keys()
        .filter(|key| !kv.items.contains_key(*key))
        .collect();
    // The head, the library entry, one new part; the part it replaces goes.
    assert_eq!(changed.len(), 3, "{changed:?}");
    assert!(changed.contains(&&keys::draft(&id)));
    assert!(changed.contains(&&keys::meta(&id)));
    assert_eq!(removed.len(), 1, "{removed:?}");
    assert_eq!(part_keys(&kv, &id).len(), 4);
    assert_eq!(load(&mut kv, &id).unwrap().document, document);
    // The head is small: the parts are not in it.
    assert!(kv.items[&keys::draft(&id)].len() < 2_000);
    // The library's size counts the parts too.
    let total: usize = part_keys(&kv, &id)
        .iter()
        .map(|key| kv.items[key].len())
        .sum();
    assert!(envelope.meta.size > total);
}

#[test]
fn a_save_whose_head_cannot_be_written_leaves_the_previous_draft_whole() {
    let mut kv = MemoryStore::default();
    let (mut envelope, mut stored) = open(&mut kv, large_report(3, 2));
    let id = envelope.meta.id.clone();
    let before = kv.items.clone();
    let mut document = envelope.document.clone();
    document.sections[0].heading = "Đổi".into();
    kv.full_for_prefix = Some(keys::DRAFT_PREFIX.to_owned());
    assert_eq!(
        save_document(&mut kv, &mut envelope, &document, &mut stored, 2.0),
        Err(LibraryError::Store(StoreError::QuotaExceeded))
    );
    // The part written for it was taken back.
    assert_eq!(kv.items, before);
    kv.full_for_prefix = None;
    assert_eq!(load(&mut kv, &id).unwrap().document, large_report(3, 2));
    // The next save writes what the failed one could not.
    save_document(&mut kv, &mut envelope, &document, &mut stored, 3.0).unwrap();
    assert_eq!(load(&mut kv, &id).unwrap().document, document);
}

#[test]
fn a_save_whose_part_cannot_be_written_leaves_the_previous_draft_whole() {
    let mut kv = MemoryStore::default();
    let (mut envelope, mut stored) = open(&mut kv, large_report(3, 2));
    let before = kv.items.clone();
    let mut document = envelope.document.clone();
    document.sections[1].heading = "Đổi".into();
    kv.full_for_prefix = Some(keys::PART_PREFIX.to_owned());
    assert!(save_document(&mut kv, &mut envelope, &document, &mut stored, 2.0).is_err());
    assert_eq!(kv.items, before);
}

#[test]
fn a_part_that_reads_back_wrong_fails_the_save_and_is_taken_back() {
    let mut kv = MemoryStore::default();
    let (mut envelope, mut stored) = open(&mut kv, seed_sample());
    let id = envelope.meta.id.clone();
    let parts_before = part_keys(&kv, &id);
    let mut document = envelope.document.clone();
    document.sections[0].heading = "Khác".into();
    kv.corrupt_reads = true;
    assert_eq!(
        save_document(&mut kv, &mut envelope, &document, &mut stored, 2.0),
        Err(LibraryError::VerifyFailed)
    );
    kv.corrupt_reads = false;
    assert_eq!(part_keys(&kv, &id), parts_before);
    assert_eq!(load(&mut kv, &id).unwrap().document, seed_sample());
}

#[test]
fn a_missing_part_makes_the_draft_unreadable_and_keeps_what_could_be_read() {
    let mut kv = MemoryStore::default();
    let (envelope, _) = open(&mut kv, large_report(3, 2));
    let id = envelope.meta.id.clone();
    let lost = part_keys(&kv, &id)[1].clone();
    kv.items.remove(&lost);
    let error = load(&mut kv, &id).unwrap_err();
    let LibraryError::Unreadable { kept_as, .. } = error else {
        panic!("{error:?}");
    };
    // What was kept is one JSON text with every part that was there, the
    // missing one as null in its place.
    let kept: serde_json::Value = serde_json::from_str(&kv.items[&kept_as]).unwrap();
    assert!(kept.get(crate::persist::STORED_PARTS_FIELD).is_none());
    let sections = kept["document"]["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 3);
    assert!(sections[1].is_null() && !sections[0].is_null() && !sections[2].is_null());
    assert_eq!(list(&mut kv).1, Vec::<String>::new());
}

#[test]
fn a_draft_stored_in_one_piece_loads_and_is_stored_in_pieces_at_its_next_save() {
    let mut kv = MemoryStore::default();
    let mut old = Envelope::new("5", seed_sample(), 1.0);
    kv.items.insert(keys::draft("5"), old.to_json());
    let (mut envelope, mut stored) = load_with_parts(&mut kv, "5").unwrap();
    assert_eq!(envelope.document, seed_sample());
    assert_eq!(stored, StoredParts::default());
    let document = envelope.document.clone();
    save_document(&mut kv, &mut envelope, &document, &mut stored, 2.0).unwrap();
    assert!(kv.items[&keys::draft("5")].contains(crate::persist::STORED_PARTS_FIELD));
    assert_eq!(part_keys(&kv, "5").len(), seed_sample().sections.len());
    assert_eq!(load(&mut kv, "5").unwrap().document, seed_sample());
}

/// The stored layout is a saved format: a draft this version stored in
/// pieces loads in every later version.
#[test]
fn a_draft_stored_in_pieces_by_format_version_2_loads_forever() {
    let mut kv = MemoryStore::default();
    kv.items.insert(
        "baocao.draft.9".into(),
        r#"{"format":"baocao-draft","version":2,"meta":{"id":"9","title":"Báo cáo","template_id":"","created_ms":1.0,"edited_ms":2.0,"exported_ms":null,"trashed_ms":null,"size":400},"document":{"title":"Báo cáo","template_id":"","preamble":[{"type":"paragraph","id":3,"text":"Thực hiện Kế hoạch số 01-KH/BCĐ."}],"sections":[],"next_id":9},"stored_parts":["4","7"]}"#.into(),
    );
    kv.items.insert(
        "baocao.part.9.4".into(),
        r#"{"id":1,"heading":"Kết quả","blocks":[{"type":"paragraph","id":5,"text":"Đã làm."}]}"#
            .into(),
    );
    kv.items.insert(
        "baocao.part.9.7".into(),
        r#"{"id":2,"heading":"Kiến nghị","note":"giữ"}"#.into(),
    );
    let (envelope, stored) = load_with_parts(&mut kv, "9").unwrap();
    let document = &envelope.document;
    assert_eq!(document.sections.len(), 2);
    assert_eq!(document.sections[0].heading, "Kết quả");
    assert_eq!(document.sections[1].heading, "Kiến nghị");
    assert_eq!(document.sections[1].extra["note"], "giữ");
    assert_eq!(document.preamble.len(), 1);
    assert_eq!(document.next_id, 9);
    assert!(!envelope
        .extra
        .contains_key(crate::persist::STORED_PARTS_FIELD));
    assert_eq!(stored.names, ["4", "7"]);
}

#[test]
fn deleting_a_draft_for_good_removes_its_parts() {
    let mut kv = MemoryStore::default();
    let (envelope, _) = open(&mut kv, large_report(2, 2));
    let other = create(&mut kv, seed_sample(), 5.0).unwrap();
    delete_for_good(&mut kv, &envelope.meta.id).unwrap();
    assert!(part_keys(&kv, &envelope.meta.id).is_empty());
    assert!(!part_keys(&kv, &other.meta.id).is_empty());
    assert_eq!(
        load(&mut kv, &other.meta.id).unwrap().document,
        seed_sample()
    );
}

#[test]
fn renaming_an_open_draft_keeps_its_parts() {
    let mut kv = MemoryStore::default();
    let (mut envelope, mut stored) = open(&mut kv, large_report(3, 2));
    let id = envelope.meta.id.clone();
    let parts = part_keys(&kv, &id);
    rename(&mut kv, &id, "Tên mới", 2.0).unwrap();
    assert_eq!(part_keys(&kv, &id), parts);
    // The editor's next save still finds its parts.
    let mut document = envelope.document.clone();
    document.title = "Tên mới".into();
    document.sections[0].heading = "Sửa".into();
    save_document(&mut kv, &mut envelope, &document, &mut stored, 3.0).unwrap();
    assert_eq!(load(&mut kv, &id).unwrap().document, document);
}

/// One step of the property test below.
#[derive(Clone, Debug)]
enum Step {
    Type {
        part: usize,
        text: String,
    },
    Swap {
        part: usize,
    },
    Remove {
        part: usize,
    },
    Add,
    /// Another tab or a crash left a stray part entry behind.
    Stray {
        name: u64,
    },
    /// A part the editor believes stored was removed behind its back.
    Lose {
        part: usize,
    },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0usize..6, "[a-zđơư ]{0,12}").prop_map(|(part, text)| Step::Type { part, text }),
        (0usize..6).prop_map(|part| Step::Swap { part }),
        (0usize..6).prop_map(|part| Step::Remove { part }),
        Just(Step::Add),
        (0u64..40).prop_map(|name| Step::Stray { name }),
        (0usize..6).prop_map(|part| Step::Lose { part }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// After any sequence of edits, saves and mishaps, the stored draft
    /// loads back as last saved, and the only part entries left are the
    /// ones its head names.
    #[test]
    fn any_sequence_of_saves_loads_back_as_saved(steps in proptest::collection::vec(step(), 1..25)) {
        let mut kv = MemoryStore::default();
        let (mut envelope, mut stored) = open(&mut kv, large_report(3, 2));
        let id = envelope.meta.id.clone();
        let mut document = envelope.document.clone();
        for (n, step) in steps.into_iter().enumerate() {
            let parts = document.sections.len();
            match step {
                Step::Type { part, text } if parts > 0 => document.sections[part % parts].heading = text,
                Step::Swap { part } if parts > 1 => document.sections.swap(part % parts, (part + 1) % parts),
                Step::Remove { part } if parts > 0 => {
                    document.sections.remove(part % parts);
                }
                Step::Add => {
                    document.sections.push(large_report(1, 1).sections.remove(0));
                    // Node ids are unique in a document (a stored draft
                    // with repeated ones gets fresh ids when it loads).
                    document.assign_ids();
                }
                // A save never writes over an entry the stored head names
                // (fresh names are above every name present), so a stray
                // has a name of its own.
                Step::Stray { name } if !stored.names.contains(&name.to_string()) => {
                    kv.items.insert(keys::part(&id, &name.to_string()), "{\"stray\":1}".into());
                }
                Step::Lose { part } => {
                    let keys = part_keys(&kv, &id);
                    if !keys.is_empty() {
                        kv.items.remove(&keys[part % keys.len()]);
                    }
                    // The draft in storage is now damaged; the editor's
                    // next save must write it whole again.
                }
                _ => {}
            }
            save_document(&mut kv, &mut envelope, &document, &mut stored, n as f64).unwrap();
            prop_assert_eq!(&load(&mut kv, &id).unwrap().document, &document);
            prop_assert_eq!(part_keys(&kv, &id).len(), {
                let mut names = stored.names.clone();
                names.sort();
                names.dedup();
                names.len()
            });
        }
    }
}

/// A pause in typing serialises only the part typed in: the others, equal
/// to what was written, keep the text written for them. What is stored is
/// always each part's text as it now is, a part changed and changed back
/// included.
#[test]
fn saves_of_keystrokes_store_each_part_as_it_now_is() {
    let mut kv = MemoryStore::default();
    let (mut envelope, mut stored) = open(&mut kv, large_report(4, 3));
    let id = envelope.meta.id.clone();
    let original = envelope.document.clone();
    let mut document = original.clone();
    // The first save after opening writes from the parts themselves.
    save_document(&mut kv, &mut envelope, &document, &mut stored, 2.0).unwrap();
    assert_eq!(stored.parts, document.sections);
    let stored_parts = |kv: &MemoryStore, stored: &StoredParts| -> Vec<String> {
        stored
            .names
            .iter()
            .map(|name| kv.items[&keys::part(&id, name)].clone())
            .collect()
    };
    let typed: Vec<Document> = ["a", "ab", ""]
        .iter()
        .map(|suffix| {
            let mut next = original.clone();
            next.sections[1].heading.push_str(suffix);
            next
        })
        .collect();
    for (n, next) in typed.into_iter().enumerate() {
        // The text kept for an unchanged part is its own: a part whose
        // kept text had gone stale would show here.
        document = next;
        save_document(
            &mut kv,
            &mut envelope,
            &document,
            &mut stored,
            3.0 + n as f64,
        )
        .unwrap();
        assert_eq!(load(&mut kv, &id).unwrap().document, document);
        let expected: Vec<String> = document
            .sections
            .iter()
            .map(|part| serde_json::to_string(part).unwrap())
            .collect();
        assert_eq!(stored_parts(&kv, &stored), expected);
    }
    // After all that, the draft is as opened, stored as at first.
    assert_eq!(document, original);
}
