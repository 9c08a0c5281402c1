//! The session with the shell's bulk store work done as the shell does it
//! (`ui::bulk`), natively over a `MemoryStore` of about 5 MB for local
//! storage and a `MemoryBulk` for IndexedDB: closed drafts parked and
//! opened again with their pictures, the trash restored, another tab's
//! park never taken for a deletion, and the library's capacity: 200
//! reports of 8,000 words, each with three versions.

use std::cell::RefCell;
use std::rc::Rc;

use super::*;
use crate::persist::bulk::{self, block_on, MemoryBulk};
use crate::persist::library::MemoryStore;
use crate::template::seed_sample;

type Shared = Rc<RefCell<MemoryStore>>;

/// A tab: its session, over local storage shared with other tabs, and the
/// bulk store.
struct Tab {
    kv: Shared,
    bulk: MemoryBulk,
    s: Session,
}

impl Tab {
    fn new(kv: &Shared, bulk: &MemoryBulk) -> Tab {
        Tab {
            kv: kv.clone(),
            bulk: bulk.clone(),
            s: Session::new(Box::new(kv.clone())),
        }
    }

    /// Keeps the versions and pictures waiting (`Store::keep_versions`).
    fn keep(&mut self) {
        for version in self.s.versions_to_keep() {
            block_on(version.keep(&self.bulk)).unwrap();
        }
        for picture in self.s.pictures_to_keep() {
            block_on(bulk::keep_picture(&self.bulk, &picture, 0.0)).unwrap();
        }
    }

    /// Parks every closed draft (`Store::park_closed`).
    fn park(&mut self) -> bulk::Migration {
        let keep: Vec<String> = self.s.open_id().map(str::to_owned).into_iter().collect();
        block_on(bulk::park_closed(&*self.kv, &self.bulk, &keep))
    }

    /// Opens draft `id` as `Store::open_stored` does: brought back from the
    /// bulk store, opened, its pictures loaded.
    fn open(&mut self, id: &str, now: f64) -> Result<(), SessionError> {
        block_on(bulk::unpark(&*self.kv, &self.bulk, id))?;
        self.s.open_stored(id, now)?;
        let mut loaded = crate::picture::Pictures::new();
        for picture in self.s.pictures_to_load() {
            if let Some(found) = block_on(bulk::load_picture(&self.bulk, &picture)).unwrap() {
                loaded.insert(picture, found);
            }
        }
        self.s.add_pictures(loaded);
        self.keep();
        self.park();
        Ok(())
    }

    /// A library action as `Store::library_action` runs it.
    fn act(&mut self, id: &str, action: impl FnOnce(&mut Session) -> Result<(), SessionError>) {
        block_on(bulk::unpark(&*self.kv, &self.bulk, id)).unwrap();
        action(&mut self.s).unwrap();
        self.park();
    }
}

fn type_text(s: &mut Session, text: &str, at: f64) {
    let node = super::tests::first_paragraph(&s.document().unwrap());
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

fn app_bytes(kv: &Shared) -> usize {
    crate::persist::library::usage(&*kv.borrow()).app
}

#[test]
fn a_closed_draft_is_parked_and_opens_again_with_its_pictures_for_every_export() {
    let kv: Shared = Rc::default();
    let bulk = MemoryBulk::default();
    let mut tab = Tab::new(&kv, &bulk);
    assert_eq!(tab.s.open_new(seed_sample(), Origin::Outline, 1.0), None);
    let first = tab.s.open_id().unwrap().to_owned();
    let picture = crate::picture::Picture::from_bytes(crate::picture::test_png(300, 200)).unwrap();
    let reference = tab.s.put_picture(&picture).unwrap();
    let figure = tab.s.document().unwrap().preamble[1].id();
    tab.s
        .apply(
            &Edit::SetPicture {
                figure,
                picture: Some(reference),
            },
            2.0,
        )
        .unwrap();
    type_text(&mut tab.s, "Đoạn của bản thảo thứ nhất.", 3.0);
    assert_eq!(tab.s.save(4.0).0, SaveOutcome::Saved);
    tab.keep();
    // Another draft opens: the first is closed and parked.
    tab.s.open_new(seed_sample(), Origin::Outline, 5.0);
    tab.keep();
    assert_eq!(tab.park().moved, 1);
    assert!(tab.s.is_parked(&first));
    // Local storage holds no picture and no text of the first draft.
    for (key, value) in &kv.borrow().items {
        assert!(!value.contains("iVBOR"), "{key}");
        assert!(!value.contains("Đoạn của bản thảo thứ nhất."), "{key}");
    }
    assert_eq!(tab.s.library().len(), 2);
    // A reload opens it again from the bulk store, with its picture at
    // hand for the preview, the DOCX and the draft file.
    let mut reloaded = Tab::new(&kv, &bulk);
    reloaded.open(&first, 6.0).unwrap();
    let document = reloaded.s.document().unwrap();
    assert!(text_of(&document).contains("Đoạn của bản thảo thứ nhất."));
    assert_eq!(reloaded.s.picture(&picture.id()), Some(picture.clone()));
    let pictures = reloaded.s.pictures();
    assert_eq!(pictures.len(), 1);
    let docx = crate::docx::docx_with(&document, &pictures);
    let needle = &picture.bytes[..64];
    assert!(docx.windows(needle.len()).any(|window| window == needle));
    let (_, file) = reloaded.s.draft_file("2026-12-06", 7.0).unwrap();
    assert!(file.contains(&picture.data_url()));
    // The draft opened is in local storage again; the one closed, parked.
    assert!(!reloaded.s.is_parked(&first));
    assert!(reloaded
        .s
        .library()
        .iter()
        .all(|meta| meta.id == first || reloaded.s.is_parked(&meta.id)));
}

#[test]
fn a_draft_moved_to_the_trash_is_parked_and_restored_whole() {
    let kv: Shared = Rc::default();
    let bulk = MemoryBulk::default();
    let mut tab = Tab::new(&kv, &bulk);
    tab.s.open_new(seed_sample(), Origin::Outline, 1.0);
    let gone = tab.s.open_id().unwrap().to_owned();
    type_text(&mut tab.s, "Nội dung sẽ vào thùng rác.", 2.0);
    tab.s.save(3.0);
    tab.s.open_new(seed_sample(), Origin::Outline, 4.0);
    tab.park();
    tab.act(&gone, |s| s.trash(&gone, 5.0));
    assert!(tab.s.is_parked(&gone));
    let trashed: Vec<_> = tab
        .s
        .library()
        .into_iter()
        .filter(|m| m.trashed_ms.is_some())
        .collect();
    assert_eq!(trashed.len(), 1);
    // A reload still lists it in the trash; restoring brings it back.
    let mut reloaded = Tab::new(&kv, &bulk);
    assert!(reloaded
        .s
        .library()
        .iter()
        .any(|m| m.id == gone && m.trashed_ms.is_some()));
    reloaded.act(&gone, |s| s.restore_from_trash(&gone, 6.0));
    assert!(reloaded.s.library().iter().all(|m| m.trashed_ms.is_none()));
    reloaded.open(&gone, 7.0).unwrap();
    assert!(text_of(&reloaded.s.document().unwrap()).contains("Nội dung sẽ vào thùng rác."));
}

#[test]
fn a_draft_another_tab_parked_meanwhile_is_saved_back_not_taken_for_deleted() {
    let kv: Shared = Rc::default();
    let bulk = MemoryBulk::default();
    let mut first = Tab::new(&kv, &bulk);
    first.s.open_new(seed_sample(), Origin::Outline, 1.0);
    let id = first.s.open_id().unwrap().to_owned();
    type_text(&mut first.s, "Trước.", 2.0);
    first.s.save(3.0);
    // A second tab parks it (between the first's opening and its lock).
    let mut second = Tab::new(&kv, &bulk);
    assert_eq!(second.park().moved, 1);
    type_text(&mut first.s, "Sau khi thẻ kia cất đi.", 4.0);
    let (outcome, elsewhere) = first.s.save(5.0);
    assert_eq!((outcome, elsewhere), (SaveOutcome::Saved, None));
    assert!(!first.s.is_parked(&id));
    let stored = crate::persist::library::load(&mut *kv.borrow_mut(), &id).unwrap();
    assert!(text_of(&stored.document).contains("Sau khi thẻ kia cất đi."));
}

#[test]
fn two_hundred_reports_of_eight_thousand_words_with_three_versions_fit() {
    const LOCAL_QUOTA: usize = 5 * 1024 * 1024;
    let kv: Shared = Rc::new(RefCell::new(MemoryStore {
        quota_bytes: Some(LOCAL_QUOTA),
        ..MemoryStore::default()
    }));
    let bulk = MemoryBulk::default();
    let mut tab = Tab::new(&kv, &bulk);
    let report = crate::large_report::large_report(4, 10);
    let words = text_of(&report).split_whitespace().count();
    assert!(words >= 8_000, "{words} words");
    let mut most_local = 0;
    for n in 0..200 {
        let mut document = report.clone();
        document.title = format!("Báo cáo {n}");
        // Typed into a new draft, saved, with three versions kept.
        assert_eq!(
            tab.s.open_new(document, Origin::Memory, f64::from(n) * 1e6),
            None,
            "report {n}"
        );
        // Three versions kept as typing went on.
        let id = tab.s.open_id().unwrap().to_owned();
        for v in 0..3 {
            let mut version = report.clone();
            version.title = format!("Báo cáo {n}, bản {v}");
            let at = f64::from(n) * 1e6 + f64::from(v);
            block_on(bulk::keep_version(
                &bulk,
                &id,
                &version,
                SnapshotReason::Periodic,
                at,
            ))
            .unwrap();
        }
        tab.keep();
        assert_eq!(tab.park().stopped, None);
        most_local = most_local.max(app_bytes(&kv));
    }
    tab.s.close(1e12);
    tab.park();
    let local = app_bytes(&kv);
    let in_bulk = bulk.used_bytes();
    println!(
        "200 reports of {words} words with 3 versions each: {local} bytes in local storage \
         (at most {most_local} while one is open), {in_bulk} bytes in the bulk store"
    );
    assert!(most_local < LOCAL_QUOTA / 4, "{most_local}");
    let library = tab.s.library();
    assert_eq!(library.len(), 200);
    for meta in &library {
        assert!(tab.s.is_parked(&meta.id));
        assert!(block_on(bulk::snapshots(&bulk, &meta.id)).unwrap().len() >= 3);
    }
    // Any of them opens, whole.
    let pick = library
        .iter()
        .find(|meta| meta.title == "Báo cáo 123")
        .unwrap()
        .id
        .clone();
    tab.open(&pick, 2e12).unwrap();
    let mut expected = report.clone();
    expected.title = "Báo cáo 123".into();
    assert_eq!(text_of(&tab.s.document().unwrap()), text_of(&expected));
}
