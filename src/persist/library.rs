//! The draft library over any key-value store: create, save (with read-back),
//! load (setting unreadable entries aside), duplicate, rename, trash and
//! restore, local versions. The browser's local storage is one `KeyValue`
//! (in `platform`); the tests use an in-memory one that fails on demand.

use std::collections::BTreeMap;

use super::{keys, DraftMeta, Envelope, LoadError};
use crate::model::Document;
use crate::template::Template;

/// Why the store refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    Unavailable,
    QuotaExceeded,
    Other(String),
}

/// A key-value store of strings, like `localStorage`.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    fn keys(&self) -> Vec<String>;

    /// Writes `value` under `key`, reads it back and tells whether it came
    /// back the same. A store may compare where the text lives: the
    /// browser's storage compares JavaScript strings without copying half
    /// a megabyte back into the app at every autosave.
    fn set_and_verify(&mut self, key: &str, value: &str) -> Result<bool, StoreError> {
        self.set(key, value)?;
        Ok(self.get(key)?.as_deref() == Some(value))
    }

    /// Tells whether `key` holds a value. A store may answer without
    /// reading the value.
    fn contains(&self, key: &str) -> bool {
        matches!(self.get(key), Ok(Some(_)))
    }
}

/// A store shared by its owner and a session (tests keep a handle to make
/// it fail mid-session; two sessions over one store stand for two tabs).
impl<K: KeyValue + ?Sized> KeyValue for std::rc::Rc<std::cell::RefCell<K>> {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.borrow().get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.borrow_mut().set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.borrow_mut().remove(key)
    }
    fn keys(&self) -> Vec<String> {
        self.borrow().keys()
    }
    fn set_and_verify(&mut self, key: &str, value: &str) -> Result<bool, StoreError> {
        self.borrow_mut().set_and_verify(key, value)
    }
    fn contains(&self, key: &str) -> bool {
        self.borrow().contains(key)
    }
}

/// What storage holds of an open draft's parts: the entry names, in order,
/// and the text of each. Saving compares each part's text with these and
/// writes only the parts that changed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoredParts {
    names: Vec<String>,
    texts: Vec<String>,
    /// The parts the first texts were written from, in order, when this
    /// app wrote them: a part equal to the one written in its place is not
    /// serialised again (a pause in typing changes one part of a long
    /// report; comparing the others costs little, since their blocks are
    /// shared with the saved version's and compared by pointer). Empty
    /// after a load: the first save serialises every part.
    parts: Vec<crate::model::Section>,
}

impl StoredParts {
    /// Each part's name with its text, as `recoverable_text` takes them.
    fn found(&self) -> Vec<(String, Option<String>)> {
        self.names
            .iter()
            .cloned()
            .zip(self.texts.iter().cloned().map(Some))
            .collect()
    }
}

/// Why a library operation failed. Nothing stored was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LibraryError {
    Store(StoreError),
    /// The stored text did not read back as written.
    VerifyFailed,
    /// No draft with this id.
    Missing(String),
    /// The stored draft cannot be read; its text was kept under `kept_as`.
    Unreadable {
        id: String,
        kept_as: String,
        reason: LoadError,
    },
}

impl From<StoreError> for LibraryError {
    fn from(error: StoreError) -> Self {
        LibraryError::Store(error)
    }
}

/// A new draft id, unique in `kv`, from the clock.
pub fn new_id(kv: &dyn KeyValue, now_ms: f64) -> String {
    let mut stamp = now_ms.max(0.0) as u64;
    loop {
        let id = stamp.to_string();
        if kv.get(&keys::draft(&id)).ok().flatten().is_none() {
            return id;
        }
        stamp += 1;
    }
}

/// Saves `envelope` with all its parts. `edited_ms` is set to `now_ms`.
pub fn save(
    kv: &mut dyn KeyValue,
    envelope: &mut Envelope,
    now_ms: f64,
) -> Result<(), LibraryError> {
    envelope.meta.edited_ms = now_ms;
    write(kv, envelope, &mut StoredParts::default())
}

/// Saves `document` as the text of draft `envelope`, which keeps its own
/// document as it was (the editor saves its current document at every pause
/// without copying it into the envelope). `stored` is what storage holds of
/// the draft's parts; only the parts that differ from it are written, and
/// it is brought up to date.
///
/// A draft is stored in pieces: each part (I., II., …) in an entry of its
/// own under a fresh name, then the head (the envelope with the frame and
/// preamble, naming the part entries) in the draft's entry. Every entry is
/// read back and compared. The head is written last, so until it is, the
/// stored draft is the previous one, whole; the parts it no longer names
/// are removed after. A save that fails leaves the previous draft as it was.
pub fn save_document(
    kv: &mut dyn KeyValue,
    envelope: &mut Envelope,
    document: &Document,
    stored: &mut StoredParts,
    now_ms: f64,
) -> Result<(), LibraryError> {
    envelope.meta.edited_ms = now_ms;
    write_parts(kv, envelope, document, stored)
}

/// Writes `envelope` with its own document.
fn write(
    kv: &mut dyn KeyValue,
    envelope: &mut Envelope,
    stored: &mut StoredParts,
) -> Result<(), LibraryError> {
    let document = std::mem::take(&mut envelope.document);
    let outcome = write_parts(kv, envelope, &document, stored);
    envelope.document = document;
    outcome
}

/// The numbered names of draft `id`'s part entries in storage. Names are
/// numbers: the entries of a draft whose id is `id` followed by a dot and
/// more (`X.7` beside `X`) share the prefix and are not `id`'s.
fn part_names_in_store(kv: &dyn KeyValue, id: &str) -> Vec<String> {
    let prefix = keys::parts_of(id);
    kv.keys()
        .into_iter()
        .filter_map(|key| key.strip_prefix(&prefix).map(str::to_owned))
        .filter(|name| !name.is_empty() && name.bytes().all(|b| b.is_ascii_digit()))
        .collect()
}

fn write_parts(
    kv: &mut dyn KeyValue,
    envelope: &mut Envelope,
    document: &Document,
    stored: &mut StoredParts,
) -> Result<(), LibraryError> {
    let id = envelope.meta.id.clone();
    let mut texts: Vec<String> = document
        .sections
        .iter()
        .enumerate()
        .map(
            |(index, part)| match (stored.parts.get(index), stored.texts.get(index)) {
                (Some(written), Some(text)) if written == part => text.clone(),
                _ => serde_json::to_string(part).unwrap_or_default(),
            },
        )
        .collect();
    // The texts kept beside sections, last: unchanged by typing, so found
    // unchanged below and never written again.
    if !document.beside.is_empty() {
        texts.push(super::beside_part(&document.beside));
    }
    // Removes the part entries this save wrote, when it cannot finish.
    fn undo(kv: &mut dyn KeyValue, id: &str, written: &[String]) {
        for name in written {
            let _ = kv.remove(&keys::part(id, name));
        }
    }
    let mut names = Vec::with_capacity(texts.len());
    let mut written: Vec<String> = Vec::new();
    let mut in_store: Option<Vec<String>> = None;
    let mut next_name = 0u64;
    for text in &texts {
        let unchanged = stored
            .texts
            .iter()
            .position(|old| old == text)
            .map(|index| stored.names[index].clone())
            .filter(|name| kv.contains(&keys::part(&id, name)));
        if let Some(name) = unchanged {
            names.push(name);
            continue;
        }
        // A fresh name, above every name in storage: an entry the stored
        // head may name is never overwritten.
        let present = in_store.get_or_insert_with(|| part_names_in_store(kv, &id));
        if next_name == 0 {
            next_name = present
                .iter()
                .chain(&stored.names)
                .filter_map(|name| name.parse::<u64>().ok())
                .max()
                .map_or(1, |max| max + 1);
        }
        let name = next_name.to_string();
        next_name += 1;
        match kv.set_and_verify(&keys::part(&id, &name), text) {
            Ok(true) => written.push(name.clone()),
            Ok(false) => {
                written.push(name);
                undo(kv, &id, &written);
                return Err(LibraryError::VerifyFailed);
            }
            Err(error) => {
                undo(kv, &id, &written);
                return Err(error.into());
            }
        }
        names.push(name);
    }
    let parts_bytes = texts.iter().map(String::len).sum();
    let head = envelope.head_json(document, &names, parts_bytes);
    match kv.set_and_verify(&keys::draft(&id), &head) {
        Ok(true) => {}
        // Written, but not as sent: the parts it may name stay.
        Ok(false) => return Err(LibraryError::VerifyFailed),
        Err(error) => {
            undo(kv, &id, &written);
            return Err(error.into());
        }
    }
    // The new head is in place: the part entries it does not name go,
    // with any a save cut short left behind.
    let present = in_store.unwrap_or_else(|| part_names_in_store(kv, &id));
    for name in present.iter().filter(|name| !names.contains(name)) {
        let _ = kv.remove(&keys::part(&id, name));
    }
    *stored = StoredParts {
        names,
        texts,
        parts: document.sections.clone(),
    };
    // The draft is saved. Its library entry is a copy of the head's
    // details, rebuilt from the head when missing: one that cannot be
    // written is removed rather than left stale.
    let meta = serde_json::to_string(&envelope.meta).unwrap_or_default();
    if kv.set(&keys::meta(&id), &meta).is_err() {
        let _ = kv.remove(&keys::meta(&id));
    }
    Ok(())
}

/// Creates a draft from `document` and saves it.
pub fn create(
    kv: &mut dyn KeyValue,
    document: Document,
    now_ms: f64,
) -> Result<Envelope, LibraryError> {
    create_with_parts(kv, document, now_ms).map(|(envelope, _)| envelope)
}

/// Creates a draft from `document`, saves it, and tells what storage holds
/// of its parts, for the editor's saves.
pub fn create_with_parts(
    kv: &mut dyn KeyValue,
    document: Document,
    now_ms: f64,
) -> Result<(Envelope, StoredParts), LibraryError> {
    let id = new_id(kv, now_ms);
    let mut envelope = Envelope::new(&id, document, now_ms);
    let mut stored = StoredParts::default();
    write(kv, &mut envelope, &mut stored)?;
    Ok((envelope, stored))
}

/// Keeps the text of an unreadable entry under a key of its own, once.
/// Returns the key, or the store's error when the copy could not be made
/// (storage full): then nothing may replace the unreadable entry.
fn set_aside(kv: &mut dyn KeyValue, name: &str, text: &str) -> Result<String, StoreError> {
    let kept_as = format!("{}{name}", keys::CORRUPT_PREFIX);
    match kv.get(&kept_as)? {
        Some(_) => Ok(kept_as),
        None => match kv.set_and_verify(&kept_as, text)? {
            true => Ok(kept_as),
            false => Err(StoreError::Other("set-aside copy did not read back".into())),
        },
    }
}

/// Loads draft `id`. An entry that cannot be read is copied aside (never
/// overwritten) and reported.
pub fn load(kv: &mut dyn KeyValue, id: &str) -> Result<Envelope, LibraryError> {
    load_with_parts(kv, id).map(|(envelope, _)| envelope)
}

/// What a head says of its parts.
enum PartList {
    /// A draft in one piece: no list.
    None,
    /// The names, in order.
    Names(Vec<String>),
    /// A list that is not a list of names.
    Malformed,
}

/// Loads draft `id` with what storage holds of its parts, for
/// `save_document`. A draft stored in pieces is put together from its head
/// and part entries. A head that cannot be read, a malformed list of parts,
/// or a part that is missing or unreadable makes the draft unreadable: the
/// whole of what storage holds of it (the head with every part that could
/// be read in its place, and any part entries the head does not name) is
/// copied aside, nothing is removed, and the draft is reported.
///
/// A stored draft passes the same structure check as an imported one: its
/// text is cleaned as typed text is, repeated node ids are given fresh ones
/// (typing into one node would otherwise change another), and a tree too
/// deep to edit is unreadable.
pub fn load_with_parts(
    kv: &mut dyn KeyValue,
    id: &str,
) -> Result<(Envelope, StoredParts), LibraryError> {
    let text = kv
        .get(&keys::draft(id))?
        .ok_or_else(|| LibraryError::Missing(id.to_owned()))?;
    let unreadable =
        |kv: &mut dyn KeyValue, kept: &str, reason: LoadError| -> Result<_, LibraryError> {
            let kept_as = set_aside(kv, id, kept)?;
            Err(LibraryError::Unreadable {
                id: id.to_owned(),
                kept_as,
                reason,
            })
        };
    let mut stored = StoredParts::default();
    // A quick look first: only a head names its parts; a draft in one piece
    // is read without parsing it twice.
    let list = if text.contains(&format!("\"{}\":", super::STORED_PARTS_FIELD)) {
        stored_part_names(&text)
    } else {
        PartList::None
    };
    match list {
        PartList::None => {}
        PartList::Malformed => {
            let kept = recoverable_text(kv, id, &text, &[]);
            let reason = LoadError::Shape("the list of stored parts is malformed".into());
            return unreadable(kv, &kept, reason);
        }
        PartList::Names(names) => {
            let mut missing = None;
            let mut found = Vec::with_capacity(names.len());
            for name in &names {
                let part = kv.get(&keys::part(id, name))?;
                if part.is_none() && missing.is_none() {
                    missing = Some(name.clone());
                }
                found.push((name.clone(), part));
            }
            if let Some(name) = missing {
                let kept = recoverable_text(kv, id, &text, &found);
                let reason = LoadError::Shape(format!("part {name} is missing"));
                return unreadable(kv, &kept, reason);
            }
            for (name, part) in found {
                stored.names.push(name);
                stored.texts.push(part.unwrap_or_default());
            }
        }
    }
    match Envelope::from_stored(&text, &stored.texts) {
        Ok(mut envelope) => {
            let unclean =
                may_need_cleaning(&text) || stored.texts.iter().any(|part| may_need_cleaning(part));
            if let Err(reason) = check_stored(&mut envelope.document, unclean) {
                let kept = recoverable_text(kv, id, &text, &stored.found());
                return unreadable(kv, &kept, reason);
            }
            // The id is the key's; a copied file may carry another.
            envelope.meta.id = id.to_owned();
            // Pictures a migrated draft carries go to the picture store.
            super::pictures::move_to_store(kv, &mut envelope.extra, &mut envelope.document);
            Ok((envelope, stored))
        }
        Err(reason) => {
            let kept = recoverable_text(kv, id, &text, &stored.found());
            unreadable(kv, &kept, reason)
        }
    }
}

/// The structure check a stored draft passes on loading, as an imported
/// one does (`transfer`): cleaned text, unique node ids, a tree no deeper
/// than the editor handles, sane tables.
fn check_stored(document: &mut Document, unclean: bool) -> Result<(), LoadError> {
    if crate::transfer::too_deep(document) {
        return Err(LoadError::Shape("the outline is too deep".into()));
    }
    if document.has_repeated_ids() {
        document.assign_ids();
    }
    if unclean {
        document.clean_all_text();
    }
    // A table larger than any the app makes was not made by it: the draft
    // is set aside rather than laid out (its header and rows would be
    // filled out to its width).
    if crate::table::tables_of(document)
        .iter()
        .any(|(_, table)| table.trouble() == Some(crate::table::Trouble::TooLarge))
    {
        return Err(LoadError::Shape("a table is too large".into()));
    }
    // A table stored ragged or with formulas that cannot be worked out (by
    // hand, or a version with another idea of tables) is repaired in the
    // loaded copy; the stored text is left as it is.
    crate::table::make_tables_sane(document);
    Ok(())
}

/// Tells, in one pass over a stored text, whether it may hold characters
/// that typing never lets in (controls, written as JSON escapes; zero-width
/// and bidi controls; noncharacters), stored by an older version: then the
/// loaded text is cleaned as typed text is.
fn may_need_cleaning(stored: &str) -> bool {
    stored.contains("\\u00")
        || stored.chars().any(|c| {
            matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{FDD0}'..='\u{FDEF}')
                || (c as u32) & 0xFFFE == 0xFFFE
        })
}

/// The part names a head lists, if it is a head.
fn stored_part_names(head: &str) -> PartList {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(head) else {
        // Not JSON at all: the envelope reader says so.
        return PartList::None;
    };
    let Some(list) = value.get(super::STORED_PARTS_FIELD) else {
        return PartList::None;
    };
    let Some(list) = list.as_array() else {
        return PartList::Malformed;
    };
    let names: Option<Vec<String>> = list
        .iter()
        .map(|name| {
            name.as_str()
                .filter(|name| !name.is_empty() && name.bytes().all(|b| b.is_ascii_digit()))
                .map(str::to_owned)
        })
        .collect();
    names.map_or(PartList::Malformed, PartList::Names)
}

/// What to keep of an unreadable draft: the head with the parts put back
/// in their places (a part that is missing as `null`), and every part
/// entry of the draft the head does not name under `unlisted_parts`, as one
/// JSON text; or the head's own text, when it is not JSON.
fn recoverable_text(
    kv: &dyn KeyValue,
    id: &str,
    head: &str,
    parts: &[(String, Option<String>)],
) -> String {
    let Ok(mut value) = serde_json::from_str::<serde_json::Value>(head) else {
        return head.to_owned();
    };
    let as_value =
        |part: &str| serde_json::from_str(part).unwrap_or_else(|_| serde_json::Value::from(part));
    let unlisted: Vec<serde_json::Value> = part_names_in_store(kv, id)
        .into_iter()
        .filter(|name| !parts.iter().any(|(listed, _)| listed == name))
        .filter_map(|name| kv.get(&keys::part(id, &name)).ok().flatten())
        .map(|part| as_value(&part))
        .collect();
    if value.get(super::STORED_PARTS_FIELD).is_none() && unlisted.is_empty() {
        return head.to_owned();
    }
    if value.get(super::STORED_PARTS_FIELD).is_some() {
        let sections: Vec<serde_json::Value> = parts
            .iter()
            .map(|(_, part)| part.as_deref().map_or(serde_json::Value::Null, as_value))
            .collect();
        super::put_parts_back(&mut value, sections);
    }
    if !unlisted.is_empty() {
        if let Some(object) = value.as_object_mut() {
            object.insert("unlisted_parts".into(), serde_json::Value::Array(unlisted));
        }
    }
    serde_json::to_string(&value).unwrap_or_else(|_| head.to_owned())
}

/// The library: every draft's entry (rebuilt from the draft when missing)
/// and the ids of drafts that cannot be read.
pub fn list(kv: &mut dyn KeyValue) -> (Vec<DraftMeta>, Vec<String>) {
    let all = kv.keys();
    let mut drafts = Vec::new();
    let mut unreadable = Vec::new();
    // Drafts kept in the bulk store: their library entry, with no head.
    for key in &all {
        let Some(id) = key.strip_prefix(keys::META_PREFIX) else {
            continue;
        };
        if let Some(meta) = parked_meta(kv, id) {
            drafts.push(meta);
        }
    }
    for key in &all {
        let Some(id) = key.strip_prefix(keys::DRAFT_PREFIX) else {
            continue;
        };
        let stored_meta = kv
            .get(&keys::meta(id))
            .ok()
            .flatten()
            .and_then(|text| serde_json::from_str::<DraftMeta>(&text).ok());
        match stored_meta {
            Some(mut meta) => {
                meta.id = id.to_owned();
                drafts.push(meta);
            }
            None => match load(kv, id) {
                Ok(envelope) => {
                    let meta = envelope.meta.clone();
                    let _ = kv.set(
                        &keys::meta(id),
                        &serde_json::to_string(&meta).unwrap_or_default(),
                    );
                    drafts.push(meta);
                }
                Err(_) => unreadable.push(id.to_owned()),
            },
        }
    }
    drafts.sort_by(|a, b| b.edited_ms.total_cmp(&a.edited_ms));
    (drafts, unreadable)
}

/// The library entry of draft `id` when its text is in the bulk store
/// (`bulk::park`): an entry that says so, and no head in local storage
/// (a head there is the draft's text, newer than any copy elsewhere).
pub fn parked_meta(kv: &dyn KeyValue, id: &str) -> Option<DraftMeta> {
    let text = kv.get(&keys::meta(id)).ok().flatten()?;
    if !text.contains("\"in_bulk\":true") {
        return None;
    }
    let mut meta = serde_json::from_str::<DraftMeta>(&text).ok()?;
    if !meta.in_bulk || kv.contains(&keys::draft(id)) {
        return None;
    }
    meta.id = id.to_owned();
    Some(meta)
}

/// Tells whether draft `id`'s text is in the bulk store, not here.
pub fn is_parked(kv: &dyn KeyValue, id: &str) -> bool {
    parked_meta(kv, id).is_some()
}

/// Tells whether draft `id` is in the library, in either store.
pub fn exists(kv: &dyn KeyValue, id: &str) -> bool {
    kv.contains(&keys::draft(id)) || is_parked(kv, id)
}

/// Writes `envelope` whole into local storage in pieces, as a new draft's
/// are (parts, then the head, each read back); its library entry follows.
pub fn write_envelope(kv: &mut dyn KeyValue, envelope: &mut Envelope) -> Result<(), LibraryError> {
    write(kv, envelope, &mut StoredParts::default())
}

/// Keeps the text of an unreadable entry aside (`set_aside`), for the
/// bulk store's drafts.
pub fn keep_aside(kv: &mut dyn KeyValue, name: &str, text: &str) -> Result<String, StoreError> {
    set_aside(kv, name, text)
}

/// Entries set aside because they could not be read: (key, text).
pub fn set_aside_entries(kv: &dyn KeyValue) -> Vec<(String, String)> {
    kv.keys()
        .into_iter()
        .filter(|key| key.starts_with(keys::CORRUPT_PREFIX))
        .filter_map(|key| kv.get(&key).ok().flatten().map(|text| (key, text)))
        .collect()
}

/// Loads draft `id`, changes it and writes it back. `is_edit` tells whether
/// the change counts as editing (renaming does; trashing does not).
fn update(
    kv: &mut dyn KeyValue,
    id: &str,
    now_ms: f64,
    is_edit: bool,
    change: impl FnOnce(&mut Envelope),
) -> Result<Envelope, LibraryError> {
    let (mut envelope, mut stored) = load_with_parts(kv, id)?;
    change(&mut envelope);
    if is_edit {
        envelope.meta.edited_ms = now_ms;
    }
    write(kv, &mut envelope, &mut stored)?;
    Ok(envelope)
}

/// Renames draft `id`.
pub fn rename(
    kv: &mut dyn KeyValue,
    id: &str,
    title: &str,
    now_ms: f64,
) -> Result<Envelope, LibraryError> {
    let title = crate::text::clean_input(title);
    update(kv, id, now_ms, true, |envelope| {
        envelope.document.title = title
    })
}

/// Copies draft `id` into a new draft titled as `copy_title` says of the
/// original's title (the interface adds "(bản sao)" in its language).
pub fn duplicate(
    kv: &mut dyn KeyValue,
    id: &str,
    copy_title: &dyn Fn(&str) -> String,
    now_ms: f64,
) -> Result<Envelope, LibraryError> {
    let original = load(kv, id)?;
    let mut document = original.document;
    document.title = copy_title(&document.title);
    create(kv, document, now_ms)
}

/// Makes next year's draft from draft `id` (`next_year::next_year`: the
/// outline and frame kept, the text kept beside each section, years moved
/// on) and stores it as a new draft. Returns it with the years changed,
/// for the user to review. Draft `id` is left as it was.
pub fn next_year(
    kv: &mut dyn KeyValue,
    id: &str,
    untitled: &dyn Fn(&str) -> String,
    now_ms: f64,
) -> Result<(Envelope, Vec<crate::next_year::YearChange>), LibraryError> {
    let original = load(kv, id)?;
    let made = crate::next_year::next_year(&original.document, untitled);
    let envelope = create(kv, made.document, now_ms)?;
    Ok((envelope, made.changes))
}

/// Moves draft `id` to the trash. The thirty days before it is deleted for
/// good are counted from the first start of the app that finds it there
/// (`purge_expired`), not from this clock reading.
pub fn trash(kv: &mut dyn KeyValue, id: &str, now_ms: f64) -> Result<Envelope, LibraryError> {
    update(kv, id, now_ms, false, |envelope| {
        envelope.meta.trashed_ms = Some(now_ms);
        envelope.meta.trash_seen_ms = None;
    })
}

/// Takes draft `id` out of the trash.
pub fn restore(kv: &mut dyn KeyValue, id: &str, now_ms: f64) -> Result<Envelope, LibraryError> {
    update(kv, id, now_ms, false, |envelope| {
        envelope.meta.trashed_ms = None;
        envelope.meta.trash_seen_ms = None;
    })
}

/// Records that draft `id` was saved to a file.
pub fn mark_exported(
    kv: &mut dyn KeyValue,
    id: &str,
    now_ms: f64,
) -> Result<Envelope, LibraryError> {
    update(kv, id, now_ms, false, |envelope| {
        envelope.meta.exported_ms = Some(now_ms)
    })
}

/// Deletes a draft for good, with its entry and versions.
pub fn delete_for_good(kv: &mut dyn KeyValue, id: &str) -> Result<(), LibraryError> {
    kv.remove(&keys::draft(id))?;
    kv.remove(&keys::meta(id))?;
    kv.remove(&keys::versions(id))?;
    for name in part_names_in_store(kv, id) {
        kv.remove(&keys::part(id, &name))?;
    }
    Ok(())
}

/// Empties the trash; returns how many drafts were deleted. Each draft's
/// own head is read first: a library entry that says "trashed" while the
/// draft itself does not (an entry left stale) deletes nothing.
pub fn empty_trash(kv: &mut dyn KeyValue) -> Result<usize, LibraryError> {
    let (drafts, _) = list(kv);
    let mut deleted = 0;
    for meta in drafts.iter().filter(|meta| meta.trashed_ms.is_some()) {
        let Ok(envelope) = load(kv, &meta.id) else {
            continue;
        };
        if envelope.meta.trashed_ms.is_some() {
            delete_for_good(kv, &meta.id)?;
            deleted += 1;
        } else {
            rewrite_meta(kv, &envelope.meta);
        }
    }
    Ok(deleted)
}

/// Records that a start first found draft `id` in the trash at `now_ms`
/// (see `purge_expired`).
pub fn mark_trash_seen(kv: &mut dyn KeyValue, id: &str, now_ms: f64) -> Result<(), LibraryError> {
    update(kv, id, now_ms, false, |envelope| {
        envelope.meta.trash_seen_ms = Some(now_ms)
    })
    .map(|_| ())
}

/// Writes a draft's library entry from its head's details.
pub fn rewrite_meta(kv: &mut dyn KeyValue, meta: &DraftMeta) {
    let _ = kv.set(
        &keys::meta(&meta.id),
        &serde_json::to_string(meta).unwrap_or_default(),
    );
}

/// Deletes drafts that have been in the trash for 30 days, and returns how
/// many. A wrong clock must never turn into a deletion, so the days are
/// counted from the first start that finds a draft in the trash
/// (`trash_seen_ms`, written then), and a clock that has gone back since
/// starts the count again; the draft's own head, not its library entry,
/// must say it is trashed. A draft whose first sighting cannot be recorded
/// (storage full) stays.
pub fn purge_expired(kv: &mut dyn KeyValue, now_ms: f64) -> usize {
    let (drafts, _) = list(kv);
    let mut deleted = 0;
    for meta in drafts.iter().filter(|meta| meta.trashed_ms.is_some()) {
        let Ok(envelope) = load(kv, &meta.id) else {
            continue;
        };
        let head = &envelope.meta;
        if head.trashed_ms.is_none() {
            rewrite_meta(kv, head);
            continue;
        }
        match head.trash_seen_ms {
            Some(seen) if seen <= now_ms => {
                if super::trash_expired(head, now_ms) && delete_for_good(kv, &meta.id).is_ok() {
                    deleted += 1;
                }
            }
            // Never seen at a start, or seen "later" than now: the count
            // starts now.
            _ => {
                let _ = update(kv, &meta.id, now_ms, false, |envelope| {
                    envelope.meta.trash_seen_ms = Some(now_ms)
                });
            }
        }
    }
    deleted
}

/// Removes an entry that was set aside (`baocao.corrupt.…`), once the user
/// has downloaded it or decided it is not needed. The unreadable entry it
/// is a copy of goes too, while it is still unreadable (a draft with all
/// its pieces, or a template): left in place, it was set aside again at the
/// next listing, and the entry could never be removed. Other keys are
/// refused.
pub fn remove_set_aside(kv: &mut dyn KeyValue, key: &str) -> Result<(), LibraryError> {
    let Some(name) = key.strip_prefix(keys::CORRUPT_PREFIX) else {
        return Err(LibraryError::Missing(key.to_owned()));
    };
    if let Some(id) = name.strip_prefix("template.") {
        let unreadable = kv
            .get(&keys::template(id))?
            .is_some_and(|text| crate::template::parse(&text).is_err());
        if unreadable {
            kv.remove(&keys::template(id))?;
        }
    } else if !name.starts_with("versions.")
        && matches!(load(kv, name), Err(LibraryError::Unreadable { .. }))
    {
        delete_for_good(kv, name)?;
    }
    kv.remove(key)?;
    Ok(())
}

/// The file name a set-aside entry is downloaded under.
pub fn set_aside_file_name(key: &str) -> String {
    format!(
        "{}.khong-doc-duoc.json",
        key.strip_prefix(keys::APP_PREFIX).unwrap_or(key)
    )
}

/// Imported templates: those that could be read, in the order of their
/// names. An unreadable one is copied aside once and left in place.
pub fn templates(kv: &mut dyn KeyValue) -> Vec<Template> {
    let mut found = Vec::new();
    for key in kv.keys() {
        let Some(id) = key.strip_prefix(keys::TEMPLATE_PREFIX) else {
            continue;
        };
        let Ok(Some(text)) = kv.get(&key) else {
            continue;
        };
        match crate::template::parse(&text) {
            Ok(template) => found.push(template),
            Err(_) => {
                let _ = set_aside(kv, &format!("template.{id}"), &text);
            }
        }
    }
    found.sort_by(|a, b| a.name.cmp(&b.name));
    found
}

/// Stores an imported template, written and read back. Its id is made
/// unique: a file may carry the id of a built-in template or of one
/// already imported, which would hide the other. Returns the id used.
pub fn save_template(kv: &mut dyn KeyValue, template: &Template) -> Result<String, LibraryError> {
    let taken = |id: &str, kv: &dyn KeyValue| {
        crate::template::builtin()
            .iter()
            .any(|builtin| builtin.id == id)
            || kv.contains(&keys::template(id))
    };
    let base = if template.id.trim().is_empty() {
        "mau".to_owned()
    } else {
        template.id.clone()
    };
    let mut id = base.clone();
    let mut n = 2;
    while taken(&id, kv) {
        id = format!("{base}-{n}");
        n += 1;
    }
    let mut template = template.clone();
    template.id = id.clone();
    let text = serde_json::to_string(&template).unwrap_or_default();
    match kv.set_and_verify(&keys::template(&id), &text)? {
        true => Ok(id),
        false => {
            let _ = kv.remove(&keys::template(&id));
            Err(LibraryError::VerifyFailed)
        }
    }
}

/// Bytes taken in local storage, keys and values (local storage keeps
/// UTF-16, two bytes a code unit), read in one pass.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    /// The app's own keys.
    pub app: usize,
    /// The whole site's local storage, which other apps on the same origin
    /// may share: this is what fills up.
    pub site: usize,
}

/// What the app's keys, and all keys, take.
pub fn usage(kv: &dyn KeyValue) -> Usage {
    let mut usage = Usage::default();
    for key in kv.keys() {
        let value_units = kv
            .get(&key)
            .ok()
            .flatten()
            .map_or(0, |value| value.encode_utf16().count());
        let bytes = 2 * (key.encode_utf16().count() + value_units);
        usage.site += bytes;
        if key.starts_with(keys::APP_PREFIX) {
            usage.app += bytes;
        }
    }
    usage
}

/// An in-memory `KeyValue` that can be told to fail, for tests here and in
/// the browser.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    pub items: BTreeMap<String, String>,
    pub fail_with: Option<StoreError>,
    pub quota_bytes: Option<usize>,
    /// Makes reads return something other than what was written.
    pub corrupt_reads: bool,
    /// Makes writes to keys that start with this fail as a full store.
    pub full_for_prefix: Option<String>,
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        if let Some(error) = &self.fail_with {
            return Err(error.clone());
        }
        let value = self.items.get(key).cloned();
        Ok(if self.corrupt_reads {
            value.map(|v| v.chars().rev().collect())
        } else {
            value
        })
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(error) = &self.fail_with {
            return Err(error.clone());
        }
        if self
            .full_for_prefix
            .as_ref()
            .is_some_and(|prefix| key.starts_with(prefix.as_str()))
        {
            return Err(StoreError::QuotaExceeded);
        }
        if let Some(quota) = self.quota_bytes {
            let others: usize = self
                .items
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if others + key.len() + value.len() > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
        self.items.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        if let Some(error) = &self.fail_with {
            return Err(error.clone());
        }
        self.items.remove(key);
        Ok(())
    }

    fn keys(&self) -> Vec<String> {
        if self.fail_with.is_some() {
            return Vec::new();
        }
        self.items.keys().cloned().collect()
    }

    fn contains(&self, key: &str) -> bool {
        self.fail_with.is_none() && self.items.contains_key(key)
    }
}

// The tests of drafts stored in pieces use proptest, a native-only
// dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod parts_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::seed_sample;

    #[test]
    fn create_save_load_round_trip() {
        let mut kv = MemoryStore::default();
        let mut envelope = create(&mut kv, seed_sample(), 1000.0).unwrap();
        assert_eq!(envelope.meta.id, "1000");
        envelope.document.title = "Đổi tên".into();
        save(&mut kv, &mut envelope, 2000.0).unwrap();
        let loaded = load(&mut kv, "1000").unwrap();
        assert_eq!(loaded.document.title, "Đổi tên");
        assert_eq!(loaded.meta.edited_ms, 2000.0);
        let (drafts, unreadable) = list(&mut kv);
        assert_eq!(drafts.len(), 1);
        assert_eq!(drafts[0].title, "Đổi tên");
        assert!(unreadable.is_empty());
    }

    #[test]
    fn saving_the_editor_s_document_stores_it_and_not_the_envelope_s() {
        let mut kv = MemoryStore::default();
        let mut envelope = create(&mut kv, seed_sample(), 1.0).unwrap();
        let (_, mut stored) = load_with_parts(&mut kv, &envelope.meta.id).unwrap();
        let mut current = seed_sample();
        current.title = "Đang sửa".into();
        save_document(&mut kv, &mut envelope, &current, &mut stored, 2.0).unwrap();
        let loaded = load(&mut kv, &envelope.meta.id).unwrap();
        assert_eq!(loaded.document, current);
        assert_eq!(loaded.meta.edited_ms, 2.0);
        assert_eq!(list(&mut kv).0[0].title, "Đang sửa");
        kv.corrupt_reads = true;
        assert_eq!(
            save_document(&mut kv, &mut envelope, &current, &mut stored, 3.0),
            Err(LibraryError::VerifyFailed)
        );
    }

    #[test]
    fn next_year_s_draft_is_stored_with_last_year_s_text_beside_it() {
        let mut kv = MemoryStore::default();
        let old = create(&mut kv, seed_sample(), 1.0).unwrap();
        let before = kv.items.clone();
        let (made, _) = next_year(&mut kv, &old.meta.id, &|t| format!("{t} 2"), 2.0).unwrap();
        assert_ne!(made.meta.id, old.meta.id);
        for (key, value) in &before {
            assert_eq!(kv.items.get(key), Some(value), "{key} changed");
        }
        let loaded = load(&mut kv, &made.meta.id).unwrap();
        assert!(!loaded.document.beside.is_empty());
        assert_eq!(loaded.document, made.document);
        // They are stored as a part of their own, which a save after
        // typing finds unchanged and does not write again.
        let (mut envelope, mut stored) = load_with_parts(&mut kv, &made.meta.id).unwrap();
        let head = kv.items[&keys::draft(&made.meta.id)].clone();
        assert!(!head.contains("beside"), "{head}");
        let beside_key = kv
            .items
            .iter()
            .find(|(key, value)| {
                key.starts_with(&keys::parts_of(&made.meta.id)) && value.contains("beside_texts")
            })
            .map(|(key, value)| (key.clone(), value.clone()))
            .unwrap();
        let mut document = envelope.document.clone();
        let crate::model::Block::Paragraph(paragraph) = &mut document.preamble[0] else {
            panic!("{:?}", document.preamble)
        };
        paragraph.text = "Năm nay".into();
        let items_before = kv.items.clone();
        save_document(&mut kv, &mut envelope, &document, &mut stored, 3.0).unwrap();
        let changed: Vec<&String> = kv
            .items
            .iter()
            .filter(|(key, value)| items_before.get(*key) != Some(*value))
            .map(|(key, _)| key)
            .collect();
        assert_eq!(
            changed,
            vec![&keys::draft(&made.meta.id), &keys::meta(&made.meta.id)]
        );
        assert_eq!(kv.items.get(&beside_key.0), Some(&beside_key.1));
        let again = load(&mut kv, &made.meta.id).unwrap();
        assert_eq!(again.document, document);
        assert_eq!(again.document.beside, made.document.beside);
        // A draft set aside keeps them too.
        let recovered = recoverable_text(&kv, &made.meta.id, &head, &stored.found());
        let value: serde_json::Value = serde_json::from_str(&recovered).unwrap();
        assert_eq!(
            value["document"]["beside"].as_array().map(Vec::len),
            Some(made.document.beside.len())
        );
        assert_eq!(
            value["document"]["sections"].as_array().map(Vec::len),
            Some(made.document.sections.len())
        );
    }

    #[test]
    fn a_save_of_one_draft_never_touches_another() {
        let mut kv = MemoryStore::default();
        let other = create(&mut kv, seed_sample(), 1.0).unwrap();
        let before = kv.items.get(&keys::draft(&other.meta.id)).cloned();
        let mut mine = create(&mut kv, seed_sample(), 2.0).unwrap();
        mine.document.title = "Của tôi".into();
        save(&mut kv, &mut mine, 3.0).unwrap();
        assert_eq!(kv.items.get(&keys::draft(&other.meta.id)).cloned(), before);
    }

    #[test]
    fn a_full_store_fails_the_save_and_keeps_the_previous_text() {
        let mut kv = MemoryStore::default();
        let mut envelope = create(&mut kv, seed_sample(), 1.0).unwrap();
        let stored = kv.items.clone();
        kv.quota_bytes = Some(kv.items.values().map(String::len).sum::<usize>() + 10);
        envelope.document.title = "x".repeat(5000);
        assert_eq!(
            save(&mut kv, &mut envelope, 2.0),
            Err(LibraryError::Store(StoreError::QuotaExceeded))
        );
        assert_eq!(kv.items, stored);
    }

    #[test]
    fn a_save_that_does_not_read_back_is_reported() {
        let mut kv = MemoryStore::default();
        let mut envelope = create(&mut kv, seed_sample(), 1.0).unwrap();
        kv.corrupt_reads = true;
        assert_eq!(
            save(&mut kv, &mut envelope, 2.0),
            Err(LibraryError::VerifyFailed)
        );
    }

    #[test]
    fn an_unreadable_draft_is_set_aside_and_never_overwritten() {
        let mut kv = MemoryStore::default();
        create(&mut kv, seed_sample(), 1.0).unwrap();
        kv.items.insert(keys::draft("7"), "{hỏng".into());
        let error = load(&mut kv, "7").unwrap_err();
        assert!(
            matches!(&error, LibraryError::Unreadable { kept_as, .. } if kept_as == "baocao.corrupt.7"),
            "{error:?}"
        );
        assert_eq!(kv.items["baocao.corrupt.7"], "{hỏng");
        assert_eq!(kv.items[&keys::draft("7")], "{hỏng");
        // A second failure does not replace what was kept.
        kv.items.insert(keys::draft("7"), "{khác".into());
        let _ = load(&mut kv, "7");
        assert_eq!(kv.items["baocao.corrupt.7"], "{hỏng");
        let (drafts, unreadable) = list(&mut kv);
        assert_eq!(drafts.len(), 1);
        assert_eq!(unreadable, ["7"]);
        assert_eq!(
            set_aside_entries(&kv),
            [("baocao.corrupt.7".to_owned(), "{hỏng".to_owned())]
        );
    }

    #[test]
    fn a_draft_from_the_first_editor_is_listed_and_upgraded() {
        let mut kv = MemoryStore::default();
        kv.items.insert(
            keys::draft("5"),
            serde_json::to_string(&seed_sample()).unwrap(),
        );
        let (drafts, unreadable) = list(&mut kv);
        assert!(unreadable.is_empty());
        assert_eq!(drafts[0].title, seed_sample().title);
        assert!(kv.items.contains_key(&keys::meta("5")));
    }

    #[test]
    fn duplicate_rename_trash_restore_and_empty() {
        let mut kv = MemoryStore::default();
        let original = create(&mut kv, seed_sample(), 1.0).unwrap();
        let copy = duplicate(
            &mut kv,
            &original.meta.id,
            &|title| format!("{title} (bản sao)"),
            2.0,
        )
        .unwrap();
        assert!(copy.meta.title.ends_with("(bản sao)"));
        assert_ne!(copy.meta.id, original.meta.id);
        rename(&mut kv, &copy.meta.id, "Bản nháp hai", 3.0).unwrap();
        trash(&mut kv, &original.meta.id, 4.0).unwrap();
        let (drafts, _) = list(&mut kv);
        let titles: Vec<(&str, bool)> = drafts
            .iter()
            .map(|m| (m.title.as_str(), m.trashed_ms.is_some()))
            .collect();
        assert!(titles.contains(&("Bản nháp hai", false)));
        assert!(titles.iter().any(|(_, trashed)| *trashed));
        restore(&mut kv, &original.meta.id, 5.0).unwrap();
        assert!(list(&mut kv).0.iter().all(|m| m.trashed_ms.is_none()));
        trash(&mut kv, &original.meta.id, 6.0).unwrap();
        assert_eq!(empty_trash(&mut kv).unwrap(), 1);
        assert_eq!(list(&mut kv).0.len(), 1);
        assert!(!kv.items.contains_key(&keys::draft(&original.meta.id)));
    }

    #[test]
    fn the_trash_purges_thirty_days_after_a_start_first_finds_it_there() {
        let mut kv = MemoryStore::default();
        let draft = create(&mut kv, seed_sample(), 0.0).unwrap();
        trash(&mut kv, &draft.meta.id, 0.0).unwrap();
        let day = super::super::DAY_MS;
        assert_eq!(purge_expired(&mut kv, day), 0);
        assert_eq!(purge_expired(&mut kv, 30.0 * day), 0);
        assert_eq!(purge_expired(&mut kv, 31.0 * day), 1);
        assert!(list(&mut kv).0.is_empty());
    }

    #[test]
    fn storage_that_throws_gives_errors_not_panics() {
        let mut kv = MemoryStore {
            fail_with: Some(StoreError::Unavailable),
            ..MemoryStore::default()
        };
        assert_eq!(
            create(&mut kv, seed_sample(), 1.0).unwrap_err(),
            LibraryError::Store(StoreError::Unavailable)
        );
        assert_eq!(list(&mut kv), (Vec::new(), Vec::new()));
        assert!(matches!(
            load(&mut kv, "1"),
            Err(LibraryError::Store(StoreError::Unavailable))
        ));
    }
}
