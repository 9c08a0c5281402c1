//! Pictures in local storage and the pictures a draft file carries.
//!
//! Before the bulk store, each picture was stored once under its own key
//! (`keys::picture`), as a `data:` URL, apart from the draft; those entries
//! are read until `bulk::migrate_pictures` moves them to the bulk store at
//! the next start (a draft of a version before 4 carrying its pictures in
//! its envelope puts them here first, `move_to_store`). Pictures now live in
//! the bulk store (`bulk::keep_picture`), held in memory by the session for
//! the open draft; `bulk::collect_pictures` removes those nothing names.
//! `referenced` gives the ids a document's figures name.
//!
//! A shared draft file carries its figures' pictures in one top-level
//! field, `FILE_PICTURES_FIELD`: `{"<id>": "data:image/png;base64,…"}`,
//! at most `picture::MAX_FILE_PICTURES_BYTES` of pictures in all.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::keys;
use super::library::{KeyValue, StoreError};
use crate::model::{Block, Document, Section};
use crate::picture::{Picture, Pictures, MAX_FILE_PICTURES_BYTES};

/// The top-level field of a draft file that carries its pictures.
pub const FILE_PICTURES_FIELD: &str = "pictures";

/// Stores `picture` under its id, unless a picture with that id (the same
/// bytes) is stored already. Returns the id.
pub fn put_picture(kv: &mut dyn KeyValue, picture: &Picture) -> Result<String, StoreError> {
    let id = picture.id();
    let key = keys::picture(&id);
    if kv.contains(&key) {
        return Ok(id);
    }
    if kv.set_and_verify(&key, &picture.data_url())? {
        Ok(id)
    } else {
        let _ = kv.remove(&key);
        Err(StoreError::Other("read-back".into()))
    }
}

/// The stored picture `id`, if there is one and it reads back as a picture
/// with that id.
pub fn get_picture(kv: &dyn KeyValue, id: &str) -> Option<Picture> {
    if !crate::picture::is_id(id) {
        return None;
    }
    let text = kv.get(&keys::picture(id)).ok()??;
    Picture::from_data_url(&text)
        .ok()
        .filter(|picture| picture.id() == id)
}

/// Removes stored picture `id`.
pub fn remove_picture(kv: &mut dyn KeyValue, id: &str) -> Result<(), StoreError> {
    kv.remove(&keys::picture(id))
}

/// The ids of the pictures `document`'s figures name.
pub fn referenced(document: &Document) -> BTreeSet<String> {
    fn blocks(list: &[Block], out: &mut BTreeSet<String>) {
        for block in list {
            match block {
                Block::Figure(figure) => {
                    if let Some(picture) = &figure.picture {
                        out.insert(picture.id.clone());
                    }
                }
                Block::List(list) => {
                    for item in &list.items {
                        blocks(&item.blocks, out);
                    }
                }
                Block::Assessment(assessment) => blocks(&assessment.blocks, out),
                Block::Paragraph(_) | Block::Table(_) => {}
            }
        }
    }
    fn sections(list: &[Section], out: &mut BTreeSet<String>) {
        for section in list {
            blocks(&section.blocks, out);
            sections(&section.children, out);
        }
    }
    let mut out = BTreeSet::new();
    blocks(&document.preamble, &mut out);
    sections(&document.sections, &mut out);
    out
}

/// The stored pictures `document`'s figures name (those missing are left
/// out).
pub fn pictures_of(kv: &dyn KeyValue, document: &Document) -> Pictures {
    referenced(document)
        .into_iter()
        .filter_map(|id| get_picture(kv, &id).map(|picture| (id, picture)))
        .collect()
}

/// The total size of `pictures`' bytes.
pub fn total_bytes(pictures: &Pictures) -> usize {
    pictures.values().map(|picture| picture.bytes.len()).sum()
}

/// Why the pictures of a draft file were refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FilePicturesError {
    /// More than `MAX_FILE_PICTURES_BYTES` of pictures, with their size.
    TooLarge(usize),
    /// The field is not a map of data URLs of PNG or JPEG pictures.
    Malformed,
}

/// `pictures` as the value of `FILE_PICTURES_FIELD`, or why not.
pub fn file_pictures_value(pictures: &Pictures) -> Result<Value, FilePicturesError> {
    let total = total_bytes(pictures);
    if total > MAX_FILE_PICTURES_BYTES {
        return Err(FilePicturesError::TooLarge(total));
    }
    let map: Map<String, Value> = pictures
        .iter()
        .map(|(id, picture)| (id.clone(), Value::String(picture.data_url())))
        .collect();
    Ok(Value::Object(map))
}

/// Takes the pictures out of a draft file's `extra` fields: each checked
/// (a PNG or JPEG, within the caps) and filed under the id of its bytes,
/// whatever id the file gave it, and the figures pointed at those ids.
/// The file's field is refused whole when one picture is not a picture or
/// they are too large together.
pub fn take_file_pictures(
    extra: &mut Map<String, Value>,
    document: &mut Document,
) -> Result<Pictures, FilePicturesError> {
    let Some(value) = extra.remove(FILE_PICTURES_FIELD) else {
        return Ok(Pictures::new());
    };
    let Value::Object(map) = value else {
        return Err(FilePicturesError::Malformed);
    };
    // The size told by the base64 first, so that nothing huge is decoded.
    let declared: usize = map
        .values()
        .map(|value| value.as_str().map_or(0, |text| text.len() / 4 * 3))
        .sum();
    if declared > MAX_FILE_PICTURES_BYTES + 3 * map.len() {
        return Err(FilePicturesError::TooLarge(declared));
    }
    let mut pictures = Pictures::new();
    let mut renamed = std::collections::BTreeMap::new();
    for (given, value) in map {
        let text = value.as_str().ok_or(FilePicturesError::Malformed)?;
        let picture = Picture::from_data_url(text).map_err(|_| FilePicturesError::Malformed)?;
        let id = picture.id();
        renamed.insert(given, id.clone());
        pictures.insert(id, picture);
    }
    let total = total_bytes(&pictures);
    if total > MAX_FILE_PICTURES_BYTES {
        return Err(FilePicturesError::TooLarge(total));
    }
    rename(document, &renamed);
    Ok(pictures)
}

/// Moves the pictures a stored draft carries in its envelope (a draft
/// stored by a version before 4, migrated) to the picture store. When one
/// cannot be stored, the field stays, so the draft keeps them.
pub fn move_to_store(
    kv: &mut dyn KeyValue,
    extra: &mut Map<String, Value>,
    document: &mut Document,
) {
    if !extra.contains_key(FILE_PICTURES_FIELD) {
        return;
    }
    let kept = extra.get(FILE_PICTURES_FIELD).cloned();
    let Ok(pictures) = take_file_pictures(extra, document) else {
        // Not pictures: kept as an unknown field.
        if let Some(kept) = kept {
            extra.insert(FILE_PICTURES_FIELD.to_owned(), kept);
        }
        return;
    };
    for picture in pictures.values() {
        if put_picture(kv, picture).is_err() {
            if let Some(kept) = kept {
                extra.insert(FILE_PICTURES_FIELD.to_owned(), kept);
            }
            return;
        }
    }
}

/// Every figure of `document`, mutably, in order.
fn for_each_figure(document: &mut Document, f: &mut dyn FnMut(&mut crate::model::Figure)) {
    fn blocks(list: &mut [Block], f: &mut dyn FnMut(&mut crate::model::Figure)) {
        for block in list {
            match block {
                Block::Figure(figure) => f(figure),
                Block::List(list) => {
                    for item in &mut list.items {
                        blocks(&mut item.blocks, f);
                    }
                }
                Block::Assessment(assessment) => blocks(&mut assessment.blocks, f),
                Block::Paragraph(_) | Block::Table(_) => {}
            }
        }
    }
    fn sections(list: &mut [Section], f: &mut dyn FnMut(&mut crate::model::Figure)) {
        for section in list {
            blocks(&mut section.blocks, f);
            sections(&mut section.children, f);
        }
    }
    blocks(&mut document.preamble, f);
    sections(&mut document.sections, f);
}

fn rename(document: &mut Document, renamed: &std::collections::BTreeMap<String, String>) {
    for_each_figure(document, &mut |figure| {
        if let Some(picture) = figure.picture.as_mut() {
            if let Some(id) = renamed.get(&picture.id) {
                picture.id.clone_from(id);
            }
        }
    });
}

/// Figures whose picture is not in `pictures` keep their caption only;
/// the others take the picture's own size, whatever the file said.
pub fn drop_missing(document: &mut Document, pictures: &Pictures) {
    for_each_figure(document, &mut |figure| {
        if let Some(picture) = figure.picture.as_mut() {
            match pictures.get(&picture.id) {
                // The size is the picture's own, whatever the file said.
                Some(stored) => {
                    picture.width = stored.width;
                    picture.height = stored.height;
                }
                None => figure.picture = None,
            }
        }
    });
}
