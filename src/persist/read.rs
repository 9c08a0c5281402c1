//! Reading what holds a document by hand: the draft's envelope and its
//! details, local versions, stored pictures and templates, with the
//! model's reader (`crate::model::read`) and serde's rules for the format.
//! `tests/model_json.rs` holds them to the cases recorded from the readers
//! serde derived.

use std::collections::BTreeMap;

use serde_json::Value;

use super::bulk::StoredPicture;
use super::{DraftMeta, Envelope, Snapshot, SnapshotReason};
use crate::model::read::{deserialize_by_hand, invalid, unit_enum, FromJson, Object, Read};
use crate::template::Template;

impl FromJson for f64 {
    fn from_json(value: Value) -> Read<f64> {
        match value {
            Value::Number(number) => Ok(number.as_f64().unwrap_or_default()),
            _ => invalid(&value, "f64"),
        }
    }
}

impl FromJson for DraftMeta {
    fn from_json(value: Value) -> Read<DraftMeta> {
        let mut object = Object::of(value, "struct DraftMeta")?;
        Ok(DraftMeta {
            id: object.get("id")?,
            title: object.get("title")?,
            template_id: object.get("template_id")?,
            created_ms: object.get("created_ms")?,
            edited_ms: object.get("edited_ms")?,
            exported_ms: object.get("exported_ms")?,
            trashed_ms: object.get("trashed_ms")?,
            trash_seen_ms: object.get("trash_seen_ms")?,
            size: object.get("size")?,
            in_bulk: object.get("in_bulk")?,
            extra: object.rest(),
        })
    }
}

impl FromJson for Envelope {
    fn from_json(value: Value) -> Read<Envelope> {
        let mut object = Object::of(value, "struct Envelope")?;
        Ok(Envelope {
            format: object.required("format")?,
            version: object.required("version")?,
            meta: object.required("meta")?,
            document: object.required("document")?,
            extra: object.rest(),
        })
    }
}

impl FromJson for SnapshotReason {
    fn from_json(value: Value) -> Read<SnapshotReason> {
        unit_enum(
            value,
            &[
                ("opened", SnapshotReason::Opened),
                ("periodic", SnapshotReason::Periodic),
                ("before_restore", SnapshotReason::BeforeRestore),
                ("before_import", SnapshotReason::BeforeImport),
            ],
        )
    }
}

impl FromJson for Snapshot {
    fn from_json(value: Value) -> Read<Snapshot> {
        let mut object = Object::of_struct(
            value,
            "struct Snapshot",
            &["taken_ms", "reason", "document"],
        )?;
        Ok(Snapshot {
            taken_ms: object.required("taken_ms")?,
            reason: object.required("reason")?,
            document: object.required("document")?,
        })
    }
}

impl FromJson for StoredPicture {
    fn from_json(value: Value) -> Read<StoredPicture> {
        let mut object = Object::of(value, "struct StoredPicture")?;
        Ok(StoredPicture {
            mime: object.required("mime")?,
            base64: object.required("base64")?,
            extra: object.rest().into_iter().collect::<BTreeMap<_, _>>(),
        })
    }
}

impl FromJson for Template {
    fn from_json(value: Value) -> Read<Template> {
        let mut object = Object::of_struct(
            value,
            "struct Template",
            &["format", "version", "id", "name", "description", "document"],
        )?;
        Ok(Template {
            format: object.required("format")?,
            version: object.required("version")?,
            id: object.required("id")?,
            name: object.required("name")?,
            description: object.get("description")?,
            document: object.required("document")?,
        })
    }
}

deserialize_by_hand!(
    DraftMeta,
    Envelope,
    SnapshotReason,
    Snapshot,
    StoredPicture,
    Template
);
