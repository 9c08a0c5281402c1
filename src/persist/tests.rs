//! Tests of the envelope, the migrations (with a fixture from every version
//! they upgrade) and the library policies.

use super::*;
use crate::template::seed_sample;
use proptest::prelude::*;

const V1_FIXTURE: &str = include_str!("../../tests/fixtures/drafts/v1-bare-document.json");
const V2_FIXTURE: &str = include_str!("../../tests/fixtures/drafts/v2-envelope.json");
const V2_UNKNOWN_FIELDS: &str = include_str!("../../tests/fixtures/drafts/v2-unknown-fields.json");

#[test]
fn a_version_1_draft_loads_as_the_seed_sample() {
    let envelope = Envelope::from_json(V1_FIXTURE).unwrap();
    assert_eq!(envelope.version, CURRENT_VERSION);
    assert_eq!(envelope.document, seed_sample());
    assert_eq!(envelope.meta.title, seed_sample().title);
    assert_eq!(envelope.meta.template_id, "tong-ket-phuong-thuc-lanh-dao");
}

#[test]
fn a_version_2_draft_loads_unchanged() {
    let envelope = Envelope::from_json(V2_FIXTURE).unwrap();
    assert_eq!(envelope.document, seed_sample());
    assert_eq!(envelope.meta.id, "1795858363609");
    assert_eq!(envelope.meta.exported_ms, Some(1795858400000.0));
}

#[test]
fn unknown_fields_survive_load_and_save_at_every_level() {
    let mut envelope = Envelope::from_json(V2_UNKNOWN_FIELDS).unwrap();
    let saved: Value = serde_json::from_str(&envelope.to_json()).unwrap();
    assert_eq!(saved["sync"]["device"], "máy trường");
    assert_eq!(saved["meta"]["color"], "đỏ");
    assert_eq!(saved["document"]["review"]["by"], "Văn phòng");
    assert_eq!(saved["document"]["sections"][0]["note"], 7);
}

const V2_PAGE_SETTINGS: &str = include_str!("../../tests/fixtures/drafts/v2-page-settings.json");

#[test]
fn page_settings_are_optional_and_survive_a_round_trip() {
    // Drafts saved before page settings existed load with the ruleset's.
    for text in [V1_FIXTURE, V2_FIXTURE, V2_UNKNOWN_FIELDS] {
        let envelope = Envelope::from_json(text).unwrap();
        assert!(envelope.document.meta.page.is_default());
        assert_eq!(
            crate::rules::layout(&envelope.document.meta),
            *crate::rules::rules(envelope.document.meta.ruleset)
        );
    }
    // Nothing chosen writes nothing: the saved JSON is as before.
    let mut plain = Envelope::from_json(V2_FIXTURE).unwrap();
    let saved: Value = serde_json::from_str(&plain.to_json()).unwrap();
    assert!(saved["document"]["meta"].get("page").is_none());
    // A draft with settings (and a field of a later version) keeps them.
    let mut envelope = Envelope::from_json(V2_PAGE_SETTINGS).unwrap();
    let page = &envelope.document.meta.page;
    assert_eq!(page.margin_left_mm, Some(35.0));
    assert_eq!(page.body_pt, Some(13.0));
    assert_eq!(page.line_spacing, Some(1.5));
    assert!(page.landscape);
    assert_eq!(page.margin_top_mm, None);
    let saved: Value = serde_json::from_str(&envelope.to_json()).unwrap();
    assert_eq!(saved["document"]["meta"]["page"]["paper"], "A4");
    let again = Envelope::from_json(&envelope.to_json()).unwrap();
    assert_eq!(again.document, envelope.document);
}

#[test]
fn a_draft_from_a_newer_version_is_refused() {
    let text = r#"{"format":"baocao-draft","version":99,"meta":{},"document":{}}"#;
    assert_eq!(Envelope::from_json(text), Err(LoadError::TooNew(99)));
}

#[test]
fn things_that_are_not_drafts_are_named() {
    assert!(matches!(
        Envelope::from_json("{not json"),
        Err(LoadError::NotJson(_))
    ));
    assert_eq!(Envelope::from_json("[1,2]"), Err(LoadError::NotADraft));
    assert_eq!(
        Envelope::from_json(r#"{"format":"baocao-template"}"#),
        Err(LoadError::NotADraft)
    );
    assert_eq!(
        Envelope::from_json(r#"{"hello":1}"#),
        Err(LoadError::NotADraft)
    );
    assert!(matches!(
        Envelope::from_json(r#"{"format":"baocao-draft","version":"two"}"#),
        Err(LoadError::Shape(_))
    ));
    assert!(matches!(
        Envelope::from_json(
            r#"{"format":"baocao-draft","version":2,"meta":{},"document":{"sections":"x"}}"#
        ),
        Err(LoadError::Shape(_))
    ));
}

#[test]
fn the_stored_text_is_what_serde_writes_with_its_own_size() {
    let mut envelope = Envelope::from_json(V2_UNKNOWN_FIELDS).unwrap();
    // A title that looks like the size field must not confuse it.
    envelope.document.title = r#"Báo cáo "size":12 {"meta":1}"#.into();
    let text = envelope.to_json();
    assert_eq!(text, serde_json::to_string(&envelope).unwrap());
    assert_eq!(envelope.meta.size, text.len());
    assert_eq!(envelope.meta.title, envelope.document.title);
}

#[test]
fn saving_with_another_document_leaves_the_envelope_s_own() {
    let mut envelope = Envelope::new("42", seed_sample(), 1000.0);
    let mut current = seed_sample();
    current.title = "Bản đang sửa".into();
    let text = envelope.to_json_with(&current);
    assert_eq!(envelope.document, seed_sample());
    let back = Envelope::from_json(&text).unwrap();
    assert_eq!(back.document, current);
    assert_eq!(back.meta.title, "Bản đang sửa");
    assert_eq!(back.meta.size, text.len());
}

#[test]
fn saving_then_loading_gives_back_the_draft() {
    let mut envelope = Envelope::new("42", seed_sample(), 1000.0);
    let text = envelope.to_json();
    let back = Envelope::from_json(&text).unwrap();
    assert_eq!(back, envelope);
    assert_eq!(back.meta.size, text.len());
}

fn meta(id: &str, title: &str, edited: f64, trashed: Option<f64>) -> DraftMeta {
    DraftMeta {
        id: id.into(),
        title: title.into(),
        edited_ms: edited,
        created_ms: edited,
        trashed_ms: trashed,
        ..DraftMeta::default()
    }
}

#[test]
fn downloaded_files_are_named_after_the_title_and_date() {
    assert_eq!(
        file_name("Báo cáo tổng kết Đảng ủy!", "2026-11-28"),
        "bao-cao-tong-ket-dang-uy-2026-11-28.baocao.json"
    );
    assert_eq!(
        file_name("  ", "2026-01-05"),
        "bao-cao-2026-01-05.baocao.json"
    );
}

#[test]
fn search_ignores_case_and_diacritics_and_skips_the_trash() {
    let drafts = [
        meta("1", "Báo cáo tổng kết năm học", 10.0, None),
        meta("2", "Báo cáo sơ kết Đảng ủy", 20.0, None),
        meta("3", "Tổng kết cũ", 30.0, Some(5.0)),
    ];
    let ids = |query: &str| {
        search(&drafts, query)
            .into_iter()
            .map(|m| m.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids("tong ket"), ["1"]);
    assert_eq!(ids("DANG UY"), ["2"]);
    assert_eq!(ids(""), ["2", "1"]);
    assert_eq!(fold_for_search("Đảng ủy"), "dang uy");
}

#[test]
fn the_trash_empties_itself_after_thirty_days() {
    let now = 100.0 * DAY_MS;
    let seen = |mut meta: DraftMeta, days_ago: f64| {
        meta.trash_seen_ms = Some(now - days_ago * DAY_MS);
        meta
    };
    let drafts = [
        seen(meta("old", "a", 0.0, Some(now - 31.0 * DAY_MS)), 30.0),
        seen(meta("new", "b", 0.0, Some(now - 2.0 * DAY_MS)), 2.0),
        meta("live", "c", 0.0, None),
        // Trashed "long ago" by a wrong clock, first seen at a start today.
        seen(meta("clock", "d", 0.0, Some(now - 400.0 * DAY_MS)), 0.0),
        // Never seen at a start yet.
        meta("unseen", "e", 0.0, Some(now - 400.0 * DAY_MS)),
        // Seen "in the future": the clock went back since.
        seen(meta("back", "f", 0.0, Some(now - 400.0 * DAY_MS)), -40.0),
    ];
    assert_eq!(expired_from_trash(&drafts, now), ["old"]);
}

#[test]
fn a_week_without_a_backup_earns_a_reminder() {
    let now = 100.0 * DAY_MS;
    let mut draft = meta("1", "a", now, None);
    draft.created_ms = now - 8.0 * DAY_MS;
    assert!(needs_backup_reminder(&draft, now));
    draft.exported_ms = Some(now - DAY_MS);
    assert!(!needs_backup_reminder(&draft, now));
    draft.exported_ms = Some(now - 7.5 * DAY_MS);
    assert!(needs_backup_reminder(&draft, now));
}

#[test]
fn local_versions_are_capped_and_skip_duplicates() {
    let mut snapshots = Vec::new();
    let mut document = seed_sample();
    for minute in 0..30 {
        document.title = format!("Bản {minute}");
        add_snapshot(
            &mut snapshots,
            Snapshot {
                taken_ms: f64::from(minute) * 60_000.0,
                reason: SnapshotReason::Periodic,
                document: document.clone(),
            },
        );
    }
    assert_eq!(snapshots.len(), MAX_SNAPSHOTS);
    assert_eq!(snapshots.last().unwrap().document.title, "Bản 29");
    let before = snapshots.len();
    add_snapshot(
        &mut snapshots,
        Snapshot {
            taken_ms: 1e9,
            reason: SnapshotReason::Opened,
            document: document.clone(),
        },
    );
    assert_eq!(snapshots.len(), before);
    assert!(serde_json::to_string(&snapshots).unwrap().len() <= MAX_SNAPSHOT_BYTES);
}

#[test]
fn a_huge_version_still_keeps_the_newest() {
    let mut snapshots = Vec::new();
    let mut document = seed_sample();
    document.title = "x".repeat(MAX_SNAPSHOT_BYTES + 10);
    add_snapshot(
        &mut snapshots,
        Snapshot {
            taken_ms: 0.0,
            reason: SnapshotReason::Opened,
            document,
        },
    );
    assert_eq!(snapshots.len(), 1);
}

#[test]
fn periodic_versions_come_every_five_minutes() {
    assert!(periodic_snapshot_due(None, 0.0));
    assert!(!periodic_snapshot_due(Some(0.0), 60_000.0));
    assert!(periodic_snapshot_due(Some(0.0), SNAPSHOT_EVERY_MS));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Any JSON at all gives a draft or an error, never a panic; and a v1
    /// document migrated and saved loads back equal.
    #[test]
    fn loading_any_json_never_panics(text in ".{0,200}") {
        let _ = Envelope::from_json(&text);
    }

    /// Whatever the title and the unknown fields, the stored text is what
    /// serde writes, and its size field counts it exactly (the size may
    /// cross a power of ten while it settles).
    #[test]
    fn the_stored_size_is_exact(title in ".{0,40}", padding in 0usize..20_000, extra in proptest::option::of("[a-z]{1,8}")) {
        let mut envelope = Envelope::new("1", seed_sample(), 1.0);
        envelope.document.title = title;
        envelope.document.preamble.push(crate::model::Block::paragraph("x".repeat(padding)));
        if let Some(key) = extra {
            envelope.extra.insert(key, Value::from("giữ"));
        }
        let text = envelope.to_json();
        prop_assert_eq!(&text, &serde_json::to_string(&envelope).unwrap());
        prop_assert_eq!(envelope.meta.size, text.len());
    }

    #[test]
    fn migrating_a_v1_document_keeps_its_text(title in "[a-zA-Zàáảãạđêô ]{0,30}", heading in "[a-zđơư ]{0,20}") {
        let mut document = seed_sample();
        document.title = title.clone();
        document.sections[0].heading = heading;
        let v1 = serde_json::to_string(&document).unwrap();
        let mut envelope = Envelope::from_json(&v1).unwrap();
        prop_assert_eq!(&envelope.document, &document);
        prop_assert_eq!(&envelope.meta.title, &title);
        let again = Envelope::from_json(&envelope.to_json()).unwrap();
        prop_assert_eq!(again.document, document);
    }
}

#[test]
fn the_storage_meter_rounds_up_and_warns_from_four_fifths() {
    assert_eq!(storage_percent(0), 0);
    // Any use shows as at least 1 %, never as an empty meter.
    assert_eq!(storage_percent(1), 1);
    assert_eq!(storage_percent(LOCAL_STORAGE_CAPACITY_BYTES / 2), 50);
    assert_eq!(storage_percent(LOCAL_STORAGE_CAPACITY_BYTES), 100);
    assert_eq!(storage_percent(3 * LOCAL_STORAGE_CAPACITY_BYTES), 100);
    let percent = |n: usize| LOCAL_STORAGE_CAPACITY_BYTES * n / 100;
    assert!(!storage_nearly_full(percent(78)));
    assert_eq!(storage_percent(percent(79) + 1), 80);
    assert!(storage_nearly_full(percent(80)));
    assert!(storage_nearly_full(LOCAL_STORAGE_CAPACITY_BYTES));
    // Five drafts of the bench's size (4.3 million characters, 8.6 MB as
    // the meter counts) are near the limit.
    assert!(storage_nearly_full(2 * 4_300_000));
}

const V3_TABLES: &str = include_str!("../../tests/fixtures/drafts/v3-tables.json");

/// The table of the v3 fixture's first division and its appendix's.
fn fixture_tables(document: &crate::model::Document) -> Vec<crate::table::Table> {
    crate::table::tables_of(document)
        .into_iter()
        .map(|(_, table)| table.clone())
        .collect()
}

#[test]
fn a_version_3_draft_with_tables_divisions_and_an_appendix_loads() {
    use crate::model::SectionKind;
    let envelope = Envelope::from_json(V3_TABLES).unwrap();
    assert_eq!(envelope.version, CURRENT_VERSION);
    let document = &envelope.document;
    let kinds: Vec<SectionKind> = document.sections.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [
            SectionKind::Division,
            SectionKind::Division,
            SectionKind::Appendix
        ]
    );
    assert!(document.sections[2].landscape);
    let entries = crate::numbering::outline(document);
    assert_eq!(entries[0].number, "PHẦN THỨ NHẤT");
    assert_eq!(entries[1].number, "I.");
    assert_eq!(entries.last().unwrap().number, "PHỤ LỤC");
    let tables = fixture_tables(document);
    assert_eq!(tables.len(), 2);
    let pupils = &tables[0];
    assert_eq!(pupils.header.len(), 2);
    assert_eq!(pupils.merges.len(), 6);
    let shown = crate::table::view(pupils);
    // The total's typed-over "Sĩ số", and the rest computed.
    let total = &shown.rows[3].cells;
    assert_eq!(
        (total[1].text.as_str(), total[1].typed_over),
        ("1.131", true)
    );
    assert_eq!(total[2].text, "370");
    assert_eq!(shown.rows[0].cells[3].text, "30,00");
    // The format check points at the typed total: the rows give 1.130.
    let typed: Vec<_> = crate::conformance::check(document)
        .into_iter()
        .filter(|issue| {
            matches!(
                issue.finding,
                crate::conformance::Finding::TypedDisagrees { .. }
            )
        })
        .collect();
    assert_eq!(typed.len(), 1);
    assert_eq!(
        typed[0].target,
        crate::conformance::Target::Cell {
            table: pupils.id,
            row: pupils.rows[3].id,
            column: pupils.columns[1].id,
        }
    );
    // The appendix's table gives each level its share.
    let rating = crate::table::view(&tables[1]);
    assert_eq!(rating.rows[0].cells[2].text, "100,00");
    assert_eq!(rating.rows[2].cells[2].text, "50,00");
}

#[test]
fn unknown_fields_in_a_table_a_column_and_a_row_survive_a_round_trip() {
    let mut envelope = Envelope::from_json(V3_TABLES).unwrap();
    let saved: Value = serde_json::from_str(&envelope.to_json()).unwrap();
    let table = &saved["document"]["sections"][0]["children"][0]["blocks"][1];
    assert_eq!(table["type"], "table");
    assert_eq!(table["source"]["program"], "Excel");
    assert_eq!(table["columns"][1]["note"], "sĩ số đầu năm");
    assert_eq!(table["rows"][0]["flag"], "đã đối chiếu");
}

#[test]
fn tables_and_divisions_round_trip_through_json() {
    let mut envelope = Envelope::from_json(V3_TABLES).unwrap();
    let text = envelope.to_json();
    let again = Envelope::from_json(&text).unwrap();
    assert_eq!(again.document, envelope.document);
    // And the stored text is the fixture's, field for field (its size
    // aside, which counts the text's bytes).
    let mut fixture: Value = serde_json::from_str(V3_TABLES).unwrap();
    let mut saved: Value = serde_json::from_str(&text).unwrap();
    fixture["meta"]["size"] = Value::Null;
    saved["meta"]["size"] = Value::Null;
    // Version 4 changed figures only; this draft has none.
    fixture["version"] = Value::from(CURRENT_VERSION);
    assert_eq!(saved, fixture);
}

#[test]
fn a_version_2_build_s_fixtures_have_no_tables_and_load_as_version_3() {
    for text in [V1_FIXTURE, V2_FIXTURE, V2_UNKNOWN_FIELDS, V2_PAGE_SETTINGS] {
        let envelope = Envelope::from_json(text).unwrap();
        assert_eq!(envelope.version, CURRENT_VERSION);
        assert!(fixture_tables(&envelope.document).is_empty());
    }
}

const V3_FIGURE_IMAGE: &str = include_str!("../../tests/fixtures/drafts/v3-figure-image.json");

fn preamble_figure(document: &crate::model::Document, at: usize) -> &crate::model::Figure {
    match &document.preamble[at] {
        crate::model::Block::Figure(figure) => figure,
        other => panic!("not a figure: {other:?}"),
    }
}

#[test]
fn a_version_3_figure_s_data_url_becomes_a_stored_picture_named_by_its_bytes() {
    let mut envelope = Envelope::from_json(V3_FIGURE_IMAGE).unwrap();
    assert_eq!(envelope.version, 4);
    let document = &envelope.document;
    let first = preamble_figure(document, 0);
    let picture = first
        .picture
        .clone()
        .expect("the data URL became a picture");
    assert_eq!((picture.width, picture.height), (4, 3));
    assert!(crate::picture::is_id(&picture.id));
    // Its unknown field is kept; the data URL is gone from the text.
    assert_eq!(first.extra["figure_extra"], "kept");
    assert!(!first.extra.contains_key("image"));
    // "image": null goes; a data URL that is not a picture stays as it was.
    assert!(preamble_figure(document, 1).picture.is_none());
    assert!(preamble_figure(document, 1).extra.is_empty());
    let broken = preamble_figure(document, 2);
    assert!(broken.picture.is_none());
    assert_eq!(broken.extra["image"], "data:image/png;base64,@@@");
    // The same bytes twice are one picture.
    let carried = envelope.extra[pictures::FILE_PICTURES_FIELD]
        .as_object()
        .unwrap();
    assert_eq!(carried.len(), 1);
    assert!(carried.contains_key(&picture.id));
    let second = match &document.sections[0].blocks[1] {
        crate::model::Block::Figure(figure) => figure.picture.clone().unwrap(),
        other => panic!("not a figure: {other:?}"),
    };
    assert_eq!(second, picture);
    // Saved again, the text names the picture and holds no data URL but
    // the one that was not a picture.
    let saved = envelope.to_json();
    assert_eq!(saved.matches("data:image/png;base64,iVBOR").count(), 1);
}

#[test]
fn the_library_moves_a_migrated_draft_s_pictures_to_the_picture_store() {
    use crate::persist::library::{KeyValue, MemoryStore};
    let mut kv = MemoryStore::default();
    kv.set(&keys::draft("7"), V3_FIGURE_IMAGE).unwrap();
    let envelope = crate::persist::library::load(&mut kv, "7").unwrap();
    assert!(!envelope.extra.contains_key(pictures::FILE_PICTURES_FIELD));
    let picture = preamble_figure(&envelope.document, 0)
        .picture
        .clone()
        .unwrap();
    let stored = pictures::get_picture(&kv, &picture.id).expect("stored once");
    assert_eq!(stored.id(), picture.id);
    assert_eq!(pictures::pictures_of(&kv, &envelope.document).len(), 1);
    let picture_keys = kv
        .keys()
        .into_iter()
        .filter(|key| key.starts_with(keys::PICTURE_PREFIX))
        .count();
    assert_eq!(picture_keys, 1);
}

#[test]
fn a_picture_is_stored_once_and_read_back_only_when_it_is_what_its_id_says() {
    use crate::persist::library::{KeyValue, MemoryStore};
    let mut kv = MemoryStore::default();
    let picture = crate::picture::Picture::from_bytes(crate::picture::test_png(5, 5)).unwrap();
    let id = pictures::put_picture(&mut kv, &picture).unwrap();
    assert_eq!(id, picture.id());
    assert_eq!(pictures::put_picture(&mut kv, &picture).unwrap(), id);
    assert_eq!(pictures::get_picture(&kv, &id), Some(picture));
    // Another picture's bytes under this id are not taken for it.
    let other = crate::picture::Picture::from_bytes(crate::picture::test_png(6, 6)).unwrap();
    kv.set(&keys::picture(&id), &other.data_url()).unwrap();
    assert_eq!(pictures::get_picture(&kv, &id), None);
    assert_eq!(pictures::get_picture(&kv, "../../etc"), None);
    pictures::remove_picture(&mut kv, &id).unwrap();
    assert!(!kv.contains(&keys::picture(&id)));
}
