//! The saved document's reader, held to cases recorded from the reader
//! serde derived (the model's reader is hand-written since; see
//! `src/model/read.rs`).
//!
//! Each case is a document in JSON: a base (each built-in template, the
//! seed sample, the drafts in `tests/fixtures/`, a document with every
//! kind of node) or the base with one change to one field of one of its
//! objects: the field left out, set to null, to a string, to a number (7,
//! -1, 1.5, 300), to true, to an empty array or object; or an unknown field
//! added. A field is changed once per shape of object (the path without
//! its indices), so the cases stay a few thousand. `tests/golden/model-json.txt`
//! holds, per case, "error" or the hash of the document read and written
//! again. The file was recorded with the derived reader; run with
//! `UPDATE_GOLDEN=1` to record it again, and only when the saved format
//! is meant to change.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::fmt::Write;

use baocao::model::Document;
use baocao::persist::bulk::StoredPicture;
use baocao::persist::{DraftMeta, Envelope, Snapshot};
use baocao::template::Template;
use baocao::template::{builtin, instantiate, seed_sample};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

const GOLDEN: &str = "tests/golden/model-json.txt";

/// FNV-1a, 64 bits: a hash that stays the same across Rust versions.
fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// What reading `value` as a document gives: "error", or the hash of the
/// document written again.
fn outcome(value: &Value) -> String {
    outcome_as::<Document>(value)
}

/// The same for any type the app reads.
fn outcome_as<T: DeserializeOwned + Serialize>(value: &Value) -> String {
    match serde_json::from_value::<T>(value.clone()) {
        Ok(read) => format!("{:016x}", fnv(&serde_json::to_string(&read).unwrap())),
        Err(_) => "error".to_owned(),
    }
}

/// The same from the text, as a draft file is read.
fn outcome_of_text(text: &str) -> String {
    match serde_json::from_str::<Document>(text) {
        Ok(document) => format!("{:016x}", fnv(&serde_json::to_string(&document).unwrap())),
        Err(_) => "error".to_owned(),
    }
}

fn fixture_document(name: &str) -> Value {
    let text = std::fs::read_to_string(format!("tests/fixtures/{name}")).unwrap();
    let mut value: Value = serde_json::from_str(&text).unwrap();
    value["document"].take()
}

/// A document with a node of every kind the format has: divisions, an
/// appendix on its side, page settings, a custom assessment label and an
/// empty one, a figure with its picture, texts beside a section, the three
/// table presets and a blank table with merges, and unknown fields at
/// several levels.
fn every_kind() -> Value {
    let mut document = serde_json::to_value(seed_sample()).unwrap();
    document["meta"]["page"] = json!({
        "margin_top_mm": 20.5, "margin_bottom_mm": 15, "margin_left_mm": 30.1,
        "margin_right_mm": 0.1, "body_pt": 13.5, "line_spacing": 1.15,
        "landscape": true, "future": [1, 2]
    });
    document["meta"]["division_style"] = json!("letter");
    document["meta"]["ruleset"] = json!("state");
    document["meta"]["later"] = json!({ "kept": true });
    let tables: Vec<Value> = [
        baocao::table::presets::party_rating(),
        baocao::table::presets::party_membership(),
        baocao::table::presets::pupil_results(),
        baocao::table::presets::blank(3, 4),
    ]
    .into_iter()
    .enumerate()
    .map(|(index, table)| {
        let mut value = serde_json::to_value(table).unwrap();
        value["type"] = json!("table");
        value["id"] = json!(9000 + index);
        value
    })
    .collect();
    let mut last_table = tables[3].clone();
    last_table["merges"] = json!([{ "row": 0, "col": 0, "rows": 1, "cols": 2 }]);
    last_table["header"] = json!([["A", "", "C", "D"], ["a", "b", "c", "d"]]);
    last_table["rows"][0]["indent"] = json!(2);
    last_table["rows"][0]["cells"][1] = json!({ "text": "12", "typed": true });
    last_table["rows"][1]["kind"] = json!("total");
    last_table["columns"][0]["new"] = json!("x");
    let mut blocks = tables;
    blocks[3] = last_table;
    blocks.push(json!({
        "type": "figure", "id": 9100, "caption": "Ảnh",
        "picture": { "id": "p1", "width": 800, "height": 600 }, "later": 1
    }));
    blocks.push(json!({
        "type": "assessment", "id": 9101, "label": { "custom": "Bài học" },
        "nothing_to_report": false,
        "blocks": [{ "type": "paragraph", "id": 9102, "text": "Một", "guidance": "G" }]
    }));
    blocks.push(json!({
        "type": "assessment", "id": 9103, "label": "proposals", "nothing_to_report": true
    }));
    blocks.push(json!({
        "type": "list", "id": 9104,
        "items": [{ "id": 9105, "text": "-", "blocks": [{ "type": "list", "id": 9106,
            "items": [{ "id": 9107, "text": "+" }] }] }]
    }));
    let sections = document["sections"].as_array_mut().unwrap();
    let first = sections.remove(0);
    sections.insert(
        0,
        json!({
            "id": 9200, "heading": "KẾT QUẢ", "kind": "division", "blocks": blocks,
            "children": [first], "heading_locked": true, "guidance": "g", "later": null
        }),
    );
    sections.push(json!({
        "id": 9201, "heading": "PHỤ LỤC", "kind": "appendix", "landscape": true,
        "blocks": [], "children": []
    }));
    document["beside"] = json!([
        { "section": 9200, "source": "unit", "label": "Chi bộ Ấp 1",
          "blocks": [{ "type": "paragraph", "id": 1, "text": "Văn bản" }], "x": 1 },
        { "section": 9201, "source": "last_year", "label": "Năm 2025", "blocks": [] }
    ]);
    document["closing"]["recipients"] = json!(["Như trên", "Lưu"]);
    document["closing"]["later"] = json!("kept");
    document["future"] = json!({ "a": [1, 2, 3] });
    document
}

fn bases() -> Vec<(String, Value)> {
    let mut bases: Vec<(String, Value)> = builtin()
        .iter()
        .map(|template| {
            (
                format!("template-{}", template.id),
                serde_json::to_value(instantiate(template)).unwrap(),
            )
        })
        .collect();
    bases.push((
        "seed-sample".to_owned(),
        serde_json::to_value(seed_sample()).unwrap(),
    ));
    for name in [
        "tables-sample.json",
        "drafts/v2-envelope.json",
        "drafts/v2-page-settings.json",
        "drafts/v2-unknown-fields.json",
        "drafts/v3-figure-image.json",
        "drafts/v3-tables.json",
    ] {
        bases.push((name.to_owned(), fixture_document(name)));
    }
    bases.push(("every-kind".to_owned(), every_kind()));
    bases
}

/// The changes tried on each field.
fn changes() -> Vec<(&'static str, Option<Value>)> {
    vec![
        ("missing", None),
        ("null", Some(Value::Null)),
        ("string", Some(json!("x"))),
        ("seven", Some(json!(7))),
        ("minus-one", Some(json!(-1))),
        ("one-and-a-half", Some(json!(1.5))),
        ("three-hundred", Some(json!(300))),
        ("true", Some(json!(true))),
        ("empty-array", Some(json!([]))),
        ("empty-object", Some(json!({}))),
    ]
}

/// Every object in `value` with its path and its shape (the path without
/// indices), in document order.
fn objects(value: &Value, path: String, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            out.push((path.clone(), shape(&path)));
            for (key, child) in map {
                objects(child, format!("{path}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                objects(child, format!("{path}/{index}"), out);
            }
        }
        _ => {}
    }
}

fn shape(path: &str) -> String {
    path.split('/')
        .filter(|part| part.parse::<usize>().is_err())
        .collect::<Vec<_>>()
        .join("/")
}

/// The cases of one base read as `T`: the base itself (and, for a
/// document, its text), then each field of each shape of object not yet
/// `seen` changed in turn. Objects under `skip` (the document inside an
/// envelope, whose cases come from the documents) are left alone.
fn mutations<T: DeserializeOwned + Serialize>(
    name: &str,
    base: &Value,
    skip: Option<&str>,
    seen: &mut BTreeSet<String>,
    lines: &mut String,
) {
    let outcome = outcome_as::<T>;
    writeln!(lines, "{name} base {}", outcome(base)).unwrap();
    if std::any::type_name::<T>() == std::any::type_name::<Document>() {
        writeln!(
            lines,
            "{name} base-as-text {}",
            outcome_of_text(&base.to_string())
        )
        .unwrap();
    }
    let mut found = Vec::new();
    objects(base, String::new(), &mut found);
    for (path, shape) in found {
        if skip.is_some_and(|skip| path.starts_with(skip)) {
            continue;
        }
        {
            let keys: Vec<String> = base
                .pointer(&path)
                .unwrap()
                .as_object()
                .unwrap()
                .keys()
                .cloned()
                .collect();
            if seen.insert(format!("{shape}/+unknown")) {
                let mut changed: Value = base.clone();
                changed.pointer_mut(&path).unwrap()["zz_unknown"] = json!({ "kept": [1, "a"] });
                writeln!(lines, "{name} {path}/+unknown {}", outcome(&changed)).unwrap();
            }
            for key in keys {
                // The tags ("type", "kind" in a column's kind, "op") are
                // changed like any field: a wrong tag is an error.
                if !seen.insert(format!("{shape}/{key}")) {
                    continue;
                }
                for (change, to) in changes() {
                    let mut changed = base.clone();
                    let object = changed.pointer_mut(&path).unwrap().as_object_mut().unwrap();
                    match &to {
                        None => {
                            object.remove(&key);
                        }
                        Some(to) => {
                            object.insert(key.clone(), to.clone());
                        }
                    }
                    writeln!(lines, "{name} {path}/{key} {change} {}", outcome(&changed)).unwrap();
                }
            }
        }
    }
}

/// An envelope as the app writes it, with every field of its details set.
fn envelope() -> Value {
    let mut envelope =
        serde_json::to_value(Envelope::new("d1", seed_sample(), 1_795_858_363_609.0)).unwrap();
    envelope["meta"]["exported_ms"] = json!(1_795_858_400_000.5);
    envelope["meta"]["trashed_ms"] = json!(1_795_858_500_000.0);
    envelope["meta"]["trash_seen_ms"] = json!(1_795_858_600_000.0);
    envelope["meta"]["in_bulk"] = json!(true);
    envelope["meta"]["later"] = json!([1]);
    envelope["later"] = json!({ "kept": 1 });
    envelope
}

/// Every case and what reading it gives, one line each.
fn cases() -> String {
    let mut lines = String::new();
    let mut seen = BTreeSet::new();
    for (name, base) in bases() {
        mutations::<Document>(&name, &base, None, &mut seen, &mut lines);
    }
    // What holds a document: the draft's envelope (and its details), a
    // local version, a template.
    let mut seen = BTreeSet::new();
    mutations::<Envelope>(
        "envelope",
        &envelope(),
        Some("/document"),
        &mut seen,
        &mut lines,
    );
    let tables = std::fs::read_to_string("tests/fixtures/tables-sample.json").unwrap();
    let tables: Value = serde_json::from_str(&tables).unwrap();
    mutations::<Envelope>(
        "envelope-tables",
        &tables,
        Some("/document"),
        &mut seen,
        &mut lines,
    );
    mutations::<DraftMeta>(
        "draft-meta",
        &envelope()["meta"],
        None,
        &mut BTreeSet::new(),
        &mut lines,
    );
    let snapshot = json!([{ "taken_ms": 1.5, "reason": "before_import",
        "document": serde_json::to_value(seed_sample()).unwrap() }]);
    mutations::<Vec<Snapshot>>(
        "snapshots",
        &snapshot,
        Some("/0/document"),
        &mut BTreeSet::new(),
        &mut lines,
    );
    for reason in [
        "opened",
        "periodic",
        "before_restore",
        "before_import",
        "other",
    ] {
        let mut changed = snapshot.clone();
        changed[0]["reason"] = json!(reason);
        writeln!(
            lines,
            "snapshots reason {reason} {}",
            outcome_as::<Vec<Snapshot>>(&changed)
        )
        .unwrap();
    }
    let mut seen = BTreeSet::new();
    let mut names: Vec<_> = std::fs::read_dir("templates")
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    names.sort();
    for path in names {
        let template: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        mutations::<Template>(&name, &template, Some("/document"), &mut seen, &mut lines);
    }
    let picture = json!({ "mime": "image/png", "base64": "iVBORw0KGgo=", "later": { "a": 1 } });
    mutations::<StoredPicture>("picture", &picture, None, &mut BTreeSet::new(), &mut lines);
    // Not a document at all.
    for (change, to) in changes() {
        writeln!(
            lines,
            "root {change} {}",
            outcome(&to.unwrap_or(Value::Null))
        )
        .unwrap();
    }
    lines
}

#[test]
fn the_document_reader_gives_what_the_derived_reader_gave() {
    let actual = cases();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(GOLDEN, &actual).unwrap();
    }
    let expected = std::fs::read_to_string(GOLDEN).expect("missing tests/golden/model-json.txt");
    let differing: Vec<String> = expected
        .lines()
        .zip(actual.lines())
        .filter(|(want, got)| want != got)
        .map(|(want, got)| format!("want {want}\n got {got}"))
        .collect();
    assert!(
        differing.is_empty() && expected.lines().count() == actual.lines().count(),
        "{} of {} cases differ ({} expected):\n{}",
        differing.len(),
        actual.lines().count(),
        expected.lines().count(),
        differing
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_cases_cover_errors_and_documents_read() {
    let golden = std::fs::read_to_string(GOLDEN).unwrap();
    let errors = golden
        .lines()
        .filter(|line| line.ends_with(" error"))
        .count();
    let read = golden.lines().count() - errors;
    // Both kinds of outcome are well represented, or the comparison above
    // proves little.
    assert!(
        errors > 300 && read > 300,
        "{errors} errors, {read} documents read"
    );
}
