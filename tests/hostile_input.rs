//! The hostile-input suite: more than a thousand malformed or hostile JSON
//! and text files, each opened the way the app opens a file (check, then
//! store as a new draft), in a library that already holds drafts. Every one
//! must give a clear error or a sane draft, never panic, and never change a
//! draft that was already there. Script payloads in every text field must
//! come out escaped in every export.
//!
//! The inputs are generated from fixed seeds, so a failure names a case that
//! can be run again.
#![cfg(not(target_arch = "wasm32"))]

mod rng;

use rng::Rng;
use std::collections::BTreeMap;

use baocao::export;
use baocao::numbering::{outline, MAX_SECTION_DEPTH};
use baocao::persist::library::{self, MemoryStore};
use baocao::persist::Envelope;
use baocao::template::seed_sample;
use baocao::transfer::{read_file, ImportError, MAX_FILE_BYTES};

/// A library with three drafts in it, and a copy of its entries.
fn library_with_drafts() -> (MemoryStore, BTreeMap<String, String>) {
    let mut kv = MemoryStore::default();
    for n in 0..3 {
        let mut document = seed_sample();
        document.title = format!("Bản thảo có sẵn {n}");
        library::create(&mut kv, document, 1_000.0 + n as f64).unwrap();
    }
    let before = kv.items.clone();
    (kv, before)
}

fn sample_envelope_json() -> String {
    Envelope::new("1", seed_sample(), 0.0).to_json()
}

/// What one input gave.
#[derive(Debug, Default)]
struct Tally {
    cases: usize,
    errors: usize,
    drafts: usize,
}

/// Opens `bytes` as the app does and checks the outcome.
fn open_case(name: &str, bytes: &[u8], tally: &mut Tally) {
    let (mut kv, before) = library_with_drafts();
    tally.cases += 1;
    match read_file(bytes) {
        Err(error) => {
            tally.errors += 1;
            // Every error has a sentence for people, in both languages.
            for lang in [baocao::i18n::Lang::Vi, baocao::i18n::Lang::En] {
                let sentence = baocao::i18n::describe_import_error(lang, &error);
                assert!(sentence.chars().count() > 15, "{name}: {sentence}");
            }
        }
        Ok(incoming) => {
            tally.drafts += 1;
            let document = incoming.document;
            assert!(
                outline(&document)
                    .iter()
                    .all(|entry| entry.depth <= MAX_SECTION_DEPTH),
                "{name}: too deep"
            );
            // Stored as a new draft, it leaves the others as they were.
            if let Ok(envelope) = library::create(&mut kv, document, 9_000.0) {
                let reloaded = library::load(&mut kv, &envelope.meta.id).unwrap();
                assert_eq!(reloaded.document, envelope.document, "{name}: round trip");
            }
        }
    }
    for (key, value) in &before {
        assert_eq!(kv.items.get(key), Some(value), "{name}: {key} changed");
    }
}

/// Every path to a value in a JSON tree, as JSON pointers.
fn pointers(value: &serde_json::Value, at: String, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, child) in map {
                pointers(
                    child,
                    format!("{at}/{}", key.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        serde_json::Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                pointers(child, format!("{at}/{index}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

#[test]
fn wrong_types_at_every_place_of_a_draft() {
    let json = sample_envelope_json();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut paths = Vec::new();
    pointers(&value, String::new(), &mut paths);
    let replacements = [
        serde_json::json!(null),
        serde_json::json!(-1),
        serde_json::json!(1e308),
        serde_json::json!(true),
        serde_json::json!("<script>alert(1)</script>"),
        serde_json::json!([]),
        serde_json::json!({}),
    ];
    let mut tally = Tally::default();
    let mut rng = Rng(0x5eed_0001);
    // Every place gets one wrong type, chosen in turn; the first places all.
    for (index, path) in paths.iter().enumerate().filter(|(_, p)| !p.is_empty()) {
        let picks: Vec<usize> = if index < 60 {
            (0..replacements.len()).collect()
        } else {
            vec![rng.below(replacements.len())]
        };
        for pick in picks {
            let mut broken = value.clone();
            *broken.pointer_mut(path).unwrap() = replacements[pick].clone();
            let text = serde_json::to_string(&broken).unwrap();
            open_case(
                &format!("{path} = {}", replacements[pick]),
                text.as_bytes(),
                &mut tally,
            );
        }
    }
    assert!(tally.cases >= 500, "{tally:?}");
    assert!(tally.errors > 0 && tally.drafts > 0, "{tally:?}");
}

#[test]
fn cut_spliced_and_flipped_draft_files() {
    let json = sample_envelope_json().into_bytes();
    let mut rng = Rng(0x5eed_0002);
    let mut tally = Tally::default();
    for case in 0..300 {
        let mut bytes = json.clone();
        match case % 5 {
            // Cut short, as an interrupted download.
            0 => bytes.truncate(rng.below(json.len())),
            // A flipped byte anywhere, often breaking UTF-8.
            1 => {
                let at = rng.below(bytes.len());
                bytes[at] ^= 1 << rng.below(8);
            }
            // A NUL or another control byte in the middle.
            2 => {
                let at = rng.below(bytes.len());
                bytes.insert(at, [0u8, 7, 27, 0x7f][rng.below(4)]);
            }
            // A bad UTF-8 sequence.
            3 => {
                let at = rng.below(bytes.len());
                let bad: &[u8] = [
                    &[0xc3][..],
                    &[0xe1, 0xbb],
                    &[0xff, 0xfe],
                    &[0xed, 0xa0, 0x80],
                ][rng.below(4)];
                bytes.splice(at..at, bad.iter().copied());
            }
            // Two halves of different places spliced.
            _ => {
                let a = rng.below(json.len());
                let b = rng.below(json.len());
                bytes = [&json[..a.min(b)], &json[a.max(b)..]].concat();
            }
        }
        open_case(&format!("mutation {case}"), &bytes, &mut tally);
    }
    assert_eq!(tally.cases, 300);
}

#[test]
fn deep_nesting_huge_strings_and_odd_characters() {
    let mut tally = Tally::default();
    // Deep nesting: plain arrays, objects, and sections inside a draft.
    for depth in [10, 127, 129, 1_000, 100_000] {
        let arrays = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        open_case(&format!("arrays {depth}"), arrays.as_bytes(), &mut tally);
        let objects = format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth));
        open_case(&format!("objects {depth}"), objects.as_bytes(), &mut tally);
    }
    for depth in [2, 3, 4, 8, 60] {
        let mut section = serde_json::json!({ "heading": "Đáy", "blocks": [] });
        for level in 0..depth {
            section =
                serde_json::json!({ "heading": format!("Mức {level}"), "children": [section] });
        }
        let mut value: serde_json::Value = serde_json::from_str(&sample_envelope_json()).unwrap();
        value["document"]["sections"] = serde_json::json!([section]);
        let text = serde_json::to_string(&value).unwrap();
        open_case(&format!("sections {depth}"), text.as_bytes(), &mut tally);
        if depth > MAX_SECTION_DEPTH + 1 {
            assert!(matches!(
                read_file(text.as_bytes()),
                Err(ImportError::Problems(_))
            ));
        }
    }
    // A 5 MB paragraph, in a draft and as text; and a file over the limit.
    let paragraph = "Đảng bộ lãnh đạo toàn diện. ".repeat(5 * 1024 * 1024 / 30);
    let mut value: serde_json::Value = serde_json::from_str(&sample_envelope_json()).unwrap();
    value["document"]["preamble"][0]["text"] = serde_json::json!(paragraph);
    let text = serde_json::to_string(&value).unwrap();
    assert!(text.len() > 5_000_000 && text.len() < MAX_FILE_BYTES);
    open_case("5 MB paragraph in a draft", text.as_bytes(), &mut tally);
    let incoming = read_file(text.as_bytes()).unwrap();
    assert!(serde_json::to_string(&incoming.document).unwrap().len() > 5_000_000);
    open_case("5 MB paragraph as text", paragraph.as_bytes(), &mut tally);
    let too_large = vec![b' '; MAX_FILE_BYTES + 1];
    assert!(matches!(
        read_file(&too_large),
        Err(ImportError::TooLarge { .. })
    ));
    // Right-to-left overrides, zero-width characters, NUL, byte-order marks
    // and lone surrogates written as escapes, in every string of a draft.
    let odd = [
        "\u{202e}gnáht 3 gnàgN",
        "\u{200b}Đảng\u{200d}ủy\u{feff}",
        "a\u{0}b",
        "\u{2066}x\u{2069}",
        "\\ud800",
        "\u{1f4a9}",
        "\u{301}\u{301}\u{301}",
    ];
    let json = sample_envelope_json();
    for (index, bad) in odd.iter().enumerate() {
        let escaped = serde_json::to_string(bad).unwrap();
        let escaped = &escaped[1..escaped.len() - 1];
        let text = json.replace("Đảng", escaped);
        open_case(
            &format!("odd characters {index}"),
            text.as_bytes(),
            &mut tally,
        );
        if let Ok(incoming) = read_file(text.as_bytes()) {
            let stored = serde_json::to_string(&incoming.document).unwrap();
            for invisible in ['\u{0}', '\u{202e}', '\u{200b}', '\u{feff}', '\u{2066}'] {
                assert!(
                    !stored.contains(invisible),
                    "case {index} kept {invisible:?}"
                );
            }
        }
    }
    // Not JSON at all: binary, and random bytes.
    let mut rng = Rng(0x5eed_0003);
    for case in 0..100 {
        let length = rng.below(4096);
        let bytes: Vec<u8> = (0..length).map(|_| rng.next() as u8).collect();
        open_case(&format!("random bytes {case}"), &bytes, &mut tally);
    }
    open_case("png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", &mut tally);
    assert!(tally.cases >= 120, "{tally:?}");
}

#[test]
fn texts_that_are_not_reports() {
    let mut rng = Rng(0x5eed_0004);
    let mut tally = Tally::default();
    let pieces = [
        "I.",
        "II-",
        "1.",
        "a)",
        "- ",
        "+ ",
        "* ",
        "Ưu điểm:",
        "không có",
        "Nơi nhận:",
        "T/M ĐẢNG ỦY",
        "Số 12-BC/ĐU",
        "Lấp Vò, ngày 05 tháng 01 năm 2026",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "§¶ng bé",
        "<script>alert(1)</script>",
        "\u{202e}",
        "\u{0}",
        "\t",
        "\n",
        "\n\n",
        "    ",
        "Báo cáo",
        "{",
        "}",
        "\"",
        "&amp;",
        "]]>",
        "</w:t>",
        "IIIIIIIIIIIIX.",
        "99999999999999999999.",
    ];
    for case in 0..300 {
        let count = rng.below(60);
        let text: String = (0..count)
            .map(|_| pieces[rng.below(pieces.len())])
            .collect::<Vec<_>>()
            .join(" ");
        // Text must not start like JSON to be read as text.
        let text = format!("x {text}");
        open_case(&format!("text {case}"), text.as_bytes(), &mut tally);
    }
    assert_eq!(tally.errors, 0, "text always gives a draft: {tally:?}");
}

/// Script payloads of every common shape.
const PAYLOADS: [&str; 8] = [
    "<script>window.pwned=1</script>",
    "<img src=x onerror=\"window.pwned=1\">",
    "\"><svg onload=window.pwned=1>",
    "javascript:window.pwned=1",
    "</script><script>window.pwned=1</script>",
    "]]></w:t></w:r><w:r><w:t>",
    "*[x](javascript:alert(1))* <b>`code`</b>",
    "'; window.pwned=1; '",
];

#[test]
fn script_payloads_in_every_text_field_come_out_escaped() {
    let json = sample_envelope_json();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut paths = Vec::new();
    pointers(&value, String::new(), &mut paths);
    let text_paths: Vec<&String> = paths
        .iter()
        .filter(|path| value.pointer(path).is_some_and(|v| v.is_string()))
        .filter(|path| {
            !path.ends_with("/type")
                && !path.ends_with("/format")
                && !path.ends_with("/ruleset")
                && !path.contains("/label")
        })
        .collect();
    assert!(text_paths.len() > 50);
    let mut hostile = value.clone();
    for (index, path) in text_paths.iter().enumerate() {
        *hostile.pointer_mut(path).unwrap() =
            serde_json::json!(format!("{} {}", PAYLOADS[index % PAYLOADS.len()], index));
    }
    let incoming = read_file(serde_json::to_string(&hostile).unwrap().as_bytes()).unwrap();
    let mut envelope = Envelope::new("9", incoming.document, 0.0);
    let html = export::html(&mut envelope);
    // The only script element is the draft's JSON data block, and no
    // payload opens an element or an attribute.
    assert_eq!(html.matches("<script").count(), 1, "{html}");
    // ("onerror=" is there as text after an escaped "&lt;img", harmless.)
    for needle in ["<img", "<svg", "</script><script"] {
        assert!(!html.contains(needle), "{needle} in the HTML export");
    }
    // The embedded draft still reads back exactly.
    let back = read_file(html.as_bytes()).unwrap();
    assert_eq!(back.document, envelope.document);
    let xml = baocao::docx::document_xml(&envelope.document);
    assert!(
        !xml.contains("]]></w:t></w:r><w:r><w:t>"),
        "raw XML from user text"
    );
    assert!(!xml.contains("<script"));
    let markdown = export::markdown(&envelope.document);
    // Markdown shows "<" as "\<": no raw tag survives.
    let raw_angle = markdown
        .char_indices()
        .any(|(at, c)| c == '<' && !markdown[..at].ends_with('\\'));
    assert!(!raw_angle, "{markdown}");
}

/// A draft with tables (two divisions, a merged header, an appendix).
const V3_TABLES: &str = include_str!("fixtures/drafts/v3-tables.json");
/// Where the fixture's first table is.
const TABLE: &str = "/document/sections/0/children/0/blocks/1";

/// Checks that every table of a draft that came in is sane and can be
/// shown and exported.
fn tables_are_sane(name: &str, document: &baocao::model::Document) {
    for (_, table) in baocao::table::tables_of(document) {
        assert_eq!(table.invariant_problem(), None, "{name}");
        assert!(table.is_sane(), "{name}");
        let shown = baocao::table::view(table);
        assert_eq!(shown.rows.len(), table.rows.len(), "{name}");
    }
    let _ = baocao::conformance::check(document);
    let _ = export::markdown(document);
    let _ = export::plain_text(document);
}

#[test]
fn hostile_tables_give_a_clear_error_or_a_sane_table() {
    use baocao::transfer::ProblemKind;
    use serde_json::json;
    let base: serde_json::Value = serde_json::from_str(V3_TABLES).unwrap();
    let table = base.pointer(TABLE).unwrap().clone();
    let column = table["columns"][1].clone();
    let row = table["rows"][0].clone();
    let with = |change: &dyn Fn(&mut serde_json::Value)| {
        let mut value = base.clone();
        change(value.pointer_mut(TABLE).unwrap());
        serde_json::to_string(&value).unwrap()
    };
    let big_rows = with(&|t| {
        t["rows"] = json!(vec![
            json!({"cells": vec![json!({"text": "1"}); 10]});
            10_000
        ])
    });
    let wide = with(&|t| {
        t["columns"] = json!((0..1000)
            .map(|id| json!({"id": id, "kind": {"kind": "number", "decimals": 0}}))
            .collect::<Vec<_>>())
    });
    let long_row = with(&|t| t["rows"][0]["cells"] = json!(vec![json!({"text": "1"}); 100_000]));
    let huge_cell =
        with(&|t| t["rows"][0]["cells"][0]["text"] = json!("Đảng viên ".repeat(100_000)));
    let refused: [(&str, String, ProblemKind); 4] = [
        ("100,000 cells", big_rows, ProblemKind::TableTooLarge),
        ("1,000 columns", wide, ProblemKind::TableTooLarge),
        (
            "a row of 100,000 cells",
            long_row,
            ProblemKind::TableTooLarge,
        ),
        ("1 MB in a cell", huge_cell, ProblemKind::TableTextTooLong),
    ];
    let mut tally = Tally::default();
    for (name, text, kind) in &refused {
        match read_file(text.as_bytes()) {
            Err(ImportError::Problems(problems)) => {
                assert_eq!(problems.len(), 1, "{name}");
                assert_eq!(problems[0].kind, *kind, "{name}");
                // Named by the section the table stands in.
                assert_eq!(problems[0].place, "Phần 1, I", "{name}");
                let sentence = baocao::i18n::describe_import_error(
                    baocao::i18n::Lang::Vi,
                    &ImportError::Problems(problems),
                );
                assert!(sentence.contains("bảng"), "{name}: {sentence}");
            }
            other => panic!("{name}: {other:?}"),
        }
        open_case(name, text.as_bytes(), &mut tally);
    }
    let repaired: Vec<(&str, String)> = vec![
        (
            "a merge past the edge",
            with(&|t| t["merges"] = json!([{"row": 0, "col": 8, "rows": 5, "cols": 9}])),
        ),
        (
            "overlapping merges",
            with(
                &|t| t["merges"] = json!([{"row": 0, "col": 0, "rows": 2, "cols": 2}, {"row": 1, "col": 1, "rows": 1, "cols": 3}]),
            ),
        ),
        (
            "a merge at the end of numbers",
            with(&|t| {
                t["merges"] =
                    json!([{"row": u64::MAX, "col": u64::MAX, "rows": u64::MAX, "cols": 2}])
            }),
        ),
        (
            "short and long rows",
            with(&|t| {
                t["rows"][0]["cells"] = json!([{"text": "a"}]);
                t["rows"][1]["cells"] = json!(vec![json!({"text": "9"}); 15]);
            }),
        ),
        (
            "header rows of the wrong width",
            with(&|t| t["header"] = json!([["a"], vec!["b"; 20], []])),
        ),
        (
            "a formula naming a missing column",
            with(&|t| t["columns"][3]["kind"]["formula"]["part"] = json!(999)),
        ),
        (
            "a formula naming itself",
            with(&|t| t["columns"][3]["kind"]["formula"] = json!({"op": "sum", "columns": [8]})),
        ),
        (
            "a cycle",
            with(&|t| {
                t["columns"][3]["kind"]["formula"] = json!({"op": "sum", "columns": [10]});
                t["columns"][5]["kind"]["formula"] = json!({"op": "difference", "a": 8, "b": 6});
            }),
        ),
        (
            "repeated column ids",
            with(&|t| {
                t["columns"][2] = column.clone();
            }),
        ),
        (
            "no columns, rows or header",
            with(&|t| {
                t["columns"] = json!([]);
                t["rows"] = json!([]);
                t["header"] = json!([]);
                t["merges"] = json!([]);
            }),
        ),
        (
            "an indent of 200 and a typed label row",
            with(&|t| {
                let mut odd = row.clone();
                odd["indent"] = json!(200);
                odd["kind"] = json!("label");
                odd["cells"][1] = json!({"text": "5", "typed": true});
                t["rows"] = json!([odd]);
            }),
        ),
    ];
    for (name, text) in &repaired {
        let incoming = match read_file(text.as_bytes()) {
            Ok(incoming) => incoming,
            Err(error) => panic!("{name}: {error:?}"),
        };
        tables_are_sane(name, &incoming.document);
        assert_eq!(
            baocao::table::tables_of(&incoming.document).len(),
            2,
            "{name}"
        );
        open_case(name, text.as_bytes(), &mut tally);
    }
    // The cycle's columns are typed numbers now; the others still compute.
    let incoming = read_file(repaired[7].1.as_bytes()).unwrap();
    let (_, table) = baocao::table::tables_of(&incoming.document)[0];
    let shown = baocao::table::view(table);
    assert!(!shown.columns[3].computed && !shown.columns[5].computed);
    assert!(shown.columns[7].computed);
    assert_eq!(tally.cases, refused.len() + repaired.len());
}

#[test]
fn hostile_tables_in_a_stored_draft_load_repaired_or_are_set_aside_and_the_stored_text_stays() {
    use serde_json::json;
    let base: serde_json::Value = serde_json::from_str(V3_TABLES).unwrap();
    let cases: Vec<(&str, serde_json::Value)> = vec![
        (
            "ragged",
            json!({"columns": [{"id": 1}, {"id": 2, "kind": {"kind": "computed", "formula": {"op": "sum", "columns": [2]}, "decimals": 0}}], "header": [[], ["a", "b", "c"]], "merges": [{"row": 9, "col": 0, "rows": 1, "cols": 2}], "rows": [{"cells": []}, {"kind": "total", "cells": [{"text": "x"}, {"text": "1", "typed": true}, {"text": "9"}]}]}),
        ),
        (
            "large",
            json!({"columns": (0..100).map(|id| json!({"id": id})).collect::<Vec<_>>(), "rows": vec![json!({"cells": vec![json!({"text": "1"}); 100]}); 300]}),
        ),
        ("empty", json!({})),
    ];
    for (name, table) in cases {
        let mut value = base.clone();
        let mut table = table;
        table["type"] = json!("table");
        *value.pointer_mut(TABLE).unwrap() = table;
        let text = serde_json::to_string(&value).unwrap();
        let (mut kv, mut before) = library_with_drafts();
        let key = baocao::persist::keys::draft("1796000000001");
        kv.items.insert(key.clone(), text.clone());
        before.insert(key.clone(), text);
        match library::load(&mut kv, "1796000000001") {
            Ok(loaded) => {
                assert_ne!(name, "large");
                tables_are_sane(name, &loaded.document);
                assert_eq!(kv.items, before, "{name}: loading changed the store");
            }
            Err(library::LibraryError::Unreadable { kept_as, .. }) => {
                // A table larger than the app makes: the draft is kept
                // as it was, and a copy set aside to download.
                assert_eq!(name, "large");
                assert_eq!(kv.items.get(&kept_as), before.get(&key));
                for (stored, text) in &before {
                    assert_eq!(kv.items.get(stored), Some(text), "{name}: {stored}");
                }
            }
            Err(error) => panic!("{name}: {error:?}"),
        }
    }
}

/// A draft file carrying `pictures` (the field's JSON value), with its
/// first figure naming `id`.
fn draft_with_pictures(id: &str, pictures: serde_json::Value) -> Vec<u8> {
    let mut value: serde_json::Value = serde_json::from_str(&sample_envelope_json()).unwrap();
    value["document"]["preamble"][1]["picture"] =
        serde_json::json!({"id": id, "width": 2, "height": 2});
    value["pictures"] = pictures;
    serde_json::to_vec(&value).unwrap()
}

#[test]
fn hostile_pictures_in_a_draft_file_give_a_clear_error_or_a_figure_without_them() {
    use baocao::picture::{base64_encode, test_png, Picture, MAX_FILE_PICTURES_BYTES};
    let mut tally = Tally::default();
    let png = Picture::from_bytes(test_png(2, 2)).unwrap();
    let id = png.id();
    let url = png.data_url();
    // A good one first: it comes in under the id of its bytes, whatever
    // id the file gave it.
    let good = draft_with_pictures("my-own-name", serde_json::json!({"my-own-name": url}));
    open_case("a picture under another id", &good, &mut tally);
    let incoming = read_file(&good).unwrap();
    assert_eq!(incoming.pictures.keys().collect::<Vec<_>>(), [&id]);
    let figure = match &incoming.document.preamble[1] {
        baocao::model::Block::Figure(figure) => figure.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(figure.picture.unwrap().id, id);
    let jpeg_named = url.replace("image/png", "image/jpeg");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "bad base64",
            draft_with_pictures(&id, serde_json::json!({&id: "data:image/png;base64,@@@@"})),
        ),
        (
            "not a data URL",
            draft_with_pictures(&id, serde_json::json!({&id: "https://example.com/a.png"})),
        ),
        (
            "a script as a picture",
            draft_with_pictures(
                &id,
                serde_json::json!({&id: format!("data:text/html;base64,{}", base64_encode(b"<script>alert(1)</script>"))}),
            ),
        ),
        (
            "an svg",
            draft_with_pictures(
                &id,
                serde_json::json!({&id: format!("data:image/svg+xml;base64,{}", base64_encode(b"<svg onload=alert(1)/>"))}),
            ),
        ),
        (
            "a PNG called a JPEG",
            draft_with_pictures(&id, serde_json::json!({&id: jpeg_named})),
        ),
        (
            "a number",
            draft_with_pictures(&id, serde_json::json!({&id: 7})),
        ),
        ("a list", draft_with_pictures(&id, serde_json::json!([url]))),
        (
            "a PNG cut short",
            draft_with_pictures(
                &id,
                serde_json::json!({&id: format!("data:image/png;base64,{}", base64_encode(&test_png(2, 2)[..20]))}),
            ),
        ),
        ("a PNG claiming 100000 pixels", {
            let mut bytes = test_png(2, 2);
            bytes[16..20].copy_from_slice(&100_000u32.to_be_bytes());
            draft_with_pictures(
                &id,
                serde_json::json!({&id: format!("data:image/png;base64,{}", base64_encode(&bytes))}),
            )
        }),
    ];
    for (name, bytes) in &cases {
        open_case(name, bytes, &mut tally);
        assert!(
            matches!(read_file(bytes), Err(ImportError::BadPictures)),
            "{name}"
        );
    }
    // A figure naming a picture the file does not carry, or a path, keeps
    // its caption only.
    for dangling in [id.as_str(), "../../baocao.draft.1", ""] {
        let bytes = draft_with_pictures(dangling, serde_json::json!({}));
        open_case("a dangling picture", &bytes, &mut tally);
        let incoming = read_file(&bytes).unwrap();
        assert!(incoming.pictures.is_empty());
        match &incoming.document.preamble[1] {
            baocao::model::Block::Figure(figure) => assert!(figure.picture.is_none()),
            other => panic!("{other:?}"),
        }
    }
    // More than the cap: refused with the cap in the sentence, before any
    // picture is decoded.
    let huge = format!(
        "data:image/png;base64,{}",
        "A".repeat(MAX_FILE_PICTURES_BYTES / 3 * 4 + 400)
    );
    let bytes = draft_with_pictures(&id, serde_json::json!({&id: huge}));
    let error = read_file(&bytes).unwrap_err();
    assert!(
        matches!(error, ImportError::PicturesTooLarge { .. }),
        "{error:?}"
    );
    let sentence = baocao::i18n::describe_import_error(baocao::i18n::Lang::Vi, &error);
    assert!(sentence.contains("20 MB"), "{sentence}");
    open_case("pictures over the cap", &bytes, &mut tally);
    // A draft's text beyond MAX_FILE_BYTES is refused even with a
    // pictures field.
    let mut value: serde_json::Value = serde_json::from_str(&sample_envelope_json()).unwrap();
    value["document"]["preamble"][0]["text"] = serde_json::json!("x".repeat(MAX_FILE_BYTES + 10));
    value["pictures"] = serde_json::json!({});
    let bytes = serde_json::to_vec(&value).unwrap();
    assert!(matches!(
        read_file(&bytes),
        Err(ImportError::TooLarge { .. })
    ));
    assert!(tally.cases >= 14);
}
