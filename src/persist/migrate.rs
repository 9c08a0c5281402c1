//! Ordered migrations of stored and shared drafts, each a pure function from
//! the JSON of one version to the JSON of the next. Every version they
//! upgrade has a fixture in `tests/fixtures/drafts/` that is loaded forever.
//!
//! | version | shape |
//! | --- | --- |
//! | 1 | the bare document (what the first editor stored per draft) |
//! | 2 | `{"format": "baocao-draft", "version": 2, "meta": {…}, "document": {…}}` |
//! | 3 | as 2; the document may hold tables (`"type": "table"` blocks), divisions and appendices (`"kind"` on top-level sections) and `meta.division_style` (fixture `v3-tables.json`) |
//! | 4 | as 3; a figure names its picture (`"picture": {"id", "width", "height"}`) instead of holding it as a data URL (`"image"`), and the pictures travel in the envelope's `"pictures"` field, by id (fixture `v3-figure-image.json`) |
//!
//! Version 3 changes no field of version 2, so its migration only raises
//! the number; it exists so that a build that knows only version 2 says
//! "made by a newer version" about a draft with tables instead of failing
//! on a block type it does not know.
//!
//! Optional fields added since, without a new version because a draft
//! without them means what it meant before and a reader without them keeps
//! them as unknown fields: `document.meta.page`, the draft's page settings
//! (fixture `v2-page-settings.json`).

use serde_json::{json, Map, Value};

/// The format name that marks a draft file.
pub const FORMAT: &str = "baocao-draft";

/// The version this build writes.
pub const CURRENT_VERSION: u32 = 4;

/// Why a stored or shared draft could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The text is not JSON; the parser's message says where.
    NotJson(String),
    /// JSON, but not a draft.
    NotADraft,
    /// Written by a newer version of the app.
    TooNew(u32),
    /// A draft of a known version whose content has the wrong shape.
    Shape(String),
}

/// One step: the JSON of version `N` to that of `N + 1`.
type Step = fn(Value) -> Result<Value, LoadError>;

/// `STEPS[i]` upgrades version `i + 1`.
const STEPS: [Step; 3] = [v1_to_v2, v2_to_v3, v3_to_v4];

/// Version 1 stored the bare document; version 2 wraps it in an envelope
/// with the library details.
fn v1_to_v2(document: Value) -> Result<Value, LoadError> {
    let title = document.get("title").cloned().unwrap_or(json!(""));
    let template_id = document.get("template_id").cloned().unwrap_or(json!(""));
    Ok(json!({
        "format": FORMAT,
        "version": 2,
        "meta": { "title": title, "template_id": template_id },
        "document": document,
    }))
}

/// Version 3 may hold tables, divisions and appendices; a version 2 draft
/// has none and means the same.
fn v2_to_v3(mut envelope: Value) -> Result<Value, LoadError> {
    let object = envelope.as_object_mut().ok_or(LoadError::NotADraft)?;
    object.insert("version".into(), json!(3));
    Ok(envelope)
}

/// Version 4 stores pictures apart from the text: each figure's `"image"`
/// data URL becomes a `"picture"` naming it by the id of its bytes, and the
/// picture goes to the envelope's `"pictures"` field (from which the
/// library moves it to the picture store). An `"image"` that is not a PNG
/// or JPEG data URL is kept as it was, as an unknown field.
fn v3_to_v4(mut envelope: Value) -> Result<Value, LoadError> {
    fn walk(value: &mut Value, pictures: &mut Map<String, Value>) {
        match value {
            Value::Array(items) => items.iter_mut().for_each(|item| walk(item, pictures)),
            Value::Object(object) => {
                let is_figure = object.get("type").and_then(Value::as_str) == Some("figure");
                if is_figure && object.get("image") == Some(&Value::Null) {
                    object.remove("image");
                }
                if is_figure && !object.contains_key("picture") {
                    let picture = object
                        .get("image")
                        .and_then(Value::as_str)
                        .and_then(|url| crate::picture::Picture::from_data_url(url).ok());
                    if let Some(picture) = picture {
                        let reference = picture.reference();
                        object.remove("image");
                        object.insert(
                            "picture".into(),
                            json!({
                                "id": reference.id,
                                "width": reference.width,
                                "height": reference.height,
                            }),
                        );
                        pictures.insert(reference.id, Value::String(picture.data_url()));
                    }
                }
                object.values_mut().for_each(|item| walk(item, pictures));
            }
            _ => {}
        }
    }
    let object = envelope.as_object_mut().ok_or(LoadError::NotADraft)?;
    let mut pictures = Map::new();
    if let Some(document) = object.get_mut("document") {
        walk(document, &mut pictures);
    }
    if !pictures.is_empty() {
        let field = object
            .entry(super::pictures::FILE_PICTURES_FIELD)
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(existing) = field {
            existing.extend(pictures);
        }
    }
    object.insert("version".into(), json!(4));
    Ok(envelope)
}

/// The version of a draft's JSON, or why it is not a draft.
fn version_of(value: &Value) -> Result<u32, LoadError> {
    let object: &Map<String, Value> = value.as_object().ok_or(LoadError::NotADraft)?;
    match object.get("format") {
        Some(Value::String(format)) if format == FORMAT => object
            .get("version")
            .and_then(Value::as_u64)
            .map(|version| u32::try_from(version).unwrap_or(u32::MAX))
            .filter(|version| *version >= 1)
            .ok_or(LoadError::Shape("version".into())),
        Some(_) => Err(LoadError::NotADraft),
        // A bare document: version 1.
        None if ["sections", "meta", "preamble"]
            .iter()
            .any(|key| object.contains_key(*key)) =>
        {
            Ok(1)
        }
        None => Err(LoadError::NotADraft),
    }
}

/// Brings a draft's JSON of any known version to `CURRENT_VERSION`.
pub fn migrate(mut value: Value) -> Result<Value, LoadError> {
    let mut version = version_of(&value)?;
    if version > CURRENT_VERSION {
        return Err(LoadError::TooNew(version));
    }
    while version < CURRENT_VERSION {
        value = STEPS[(version - 1) as usize](value)?;
        version += 1;
    }
    Ok(value)
}
