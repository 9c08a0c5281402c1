//! How drafts are stored: the versioned envelope, the ordered migrations that
//! bring any older stored or shared file up to date, and the pure policies of
//! the draft library (trash, local versions, backup reminder, search).
//!
//! The saved JSON is a public format: files travel by e-mail and Zalo and
//! are opened by other versions of the app. So loading is forgiving (unknown
//! fields are kept and written back), migrations are ordered pure steps with
//! a fixture from every version they upgrade, and a file from a newer
//! version is refused rather than guessed at.

pub mod bulk;
pub mod library;
mod migrate;
pub mod pictures;
mod read;

pub use migrate::{migrate, LoadError, CURRENT_VERSION, FORMAT};

use serde::Serialize;
use serde_json::{Map, Value};

use crate::model::read::{FromJson, Object};
use crate::model::BesideText;

use crate::model::Document;

/// Storage keys. Each draft has its own keys, so a save of one draft never
/// rewrites another.
pub mod keys {
    /// Every key the app writes starts with this.
    pub const APP_PREFIX: &str = "baocao.";
    pub const DRAFT_PREFIX: &str = "baocao.draft.";
    pub const META_PREFIX: &str = "baocao.meta.";
    pub const VERSIONS_PREFIX: &str = "baocao.versions.";
    pub const CORRUPT_PREFIX: &str = "baocao.corrupt.";
    /// The draft that was open last, reopened on the next visit.
    pub const CURRENT: &str = "baocao.current";
    pub const LANG: &str = "baocao.lang";
    /// The draft a tab has open, in that tab's own session storage, so
    /// that a reload reopens it rather than another tab's.
    pub const TAB_DRAFT: &str = "baocao.tab-draft";
    /// Pictures, each stored once under the id of its bytes.
    pub const PICTURE_PREFIX: &str = "baocao.picture.";
    pub fn picture(id: &str) -> String {
        format!("{PICTURE_PREFIX}{id}")
    }
    /// When pictures nothing names were last looked for (`bulk::collect_pictures`).
    pub const PICTURES_COLLECTED: &str = "baocao.pictures-collected";
    /// Templates imported from files.
    pub const TEMPLATE_PREFIX: &str = "baocao.template.";

    pub fn template(id: &str) -> String {
        format!("{TEMPLATE_PREFIX}{id}")
    }

    pub fn draft(id: &str) -> String {
        format!("{DRAFT_PREFIX}{id}")
    }
    pub fn meta(id: &str) -> String {
        format!("{META_PREFIX}{id}")
    }
    pub fn versions(id: &str) -> String {
        format!("{VERSIONS_PREFIX}{id}")
    }
    /// A part of a draft stored in pieces (see `library::save_document`).
    pub const PART_PREFIX: &str = "baocao.part.";
    /// The prefix of every stored part of draft `id`.
    pub fn parts_of(id: &str) -> String {
        format!("{PART_PREFIX}{id}.")
    }
    pub fn part(id: &str, name: &str) -> String {
        format!("{PART_PREFIX}{id}.{name}")
    }
}

/// The field of a stored draft's head that names the entries holding its
/// parts, in order. A draft stored in one piece, and every shared file, has
/// no such field and carries its parts in `document.sections`.
pub const STORED_PARTS_FIELD: &str = "stored_parts";

/// The one field of the stored entry that holds a draft's texts kept
/// beside its sections (`Document::beside`), stored as a last part after
/// the sections: `{"beside_texts":[…]}`. Typing never changes them, so
/// saves find the entry unchanged and never write it again.
pub const BESIDE_PART_FIELD: &str = "beside_texts";

/// The stored text of the part that holds `beside`.
pub(crate) fn beside_part(beside: &[crate::model::BesideText]) -> String {
    let texts = serde_json::to_string(beside).unwrap_or_else(|_| "[]".to_owned());
    format!("{{\"{BESIDE_PART_FIELD}\":{texts}}}")
}

/// True when a stored part's text is the one `beside_part` writes.
fn is_beside_part(text: &str) -> bool {
    text.starts_with(&format!("{{\"{BESIDE_PART_FIELD}\":"))
}

/// What the library shows of a draft, stored beside it so that listing the
/// library never parses whole drafts.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DraftMeta {
    pub id: String,
    pub title: String,
    pub template_id: String,
    pub created_ms: f64,
    pub edited_ms: f64,
    /// When the draft was last saved to a file, if ever.
    pub exported_ms: Option<f64>,
    /// When the draft was moved to the trash, if it is there.
    pub trashed_ms: Option<f64>,
    /// When a start of the app first found the draft in the trash: the
    /// thirty days are counted from then (see `trash_expired`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trash_seen_ms: Option<f64>,
    /// The size of the stored draft in bytes.
    pub size: usize,
    /// On a library entry only: the draft's text is in the bulk store
    /// (`bulk::park`), not in local storage. Never set in a draft's head.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub in_bulk: bool,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A stored or shared draft: the document with its library details.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Envelope {
    pub format: String,
    pub version: u32,
    pub meta: DraftMeta,
    pub document: Document,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Envelope {
    /// Wraps `document` for storage under `id`.
    pub fn new(id: &str, document: Document, now_ms: f64) -> Envelope {
        let meta = DraftMeta {
            id: id.to_owned(),
            title: document.title.clone(),
            template_id: document.template_id.clone(),
            created_ms: now_ms,
            edited_ms: now_ms,
            ..DraftMeta::default()
        };
        Envelope {
            format: FORMAT.to_owned(),
            version: CURRENT_VERSION,
            meta,
            document,
            extra: Map::new(),
        }
    }

    /// The JSON text to store, with `meta` brought up to date.
    pub fn to_json(&mut self) -> String {
        let Envelope {
            format,
            version,
            meta,
            document,
            extra,
        } = self;
        envelope_json(format, *version, meta, document, extra, 0)
    }

    /// The JSON text to store with `document` in place of the envelope's
    /// own, which is left as it is. The editor saves its current document
    /// this way without copying it into the envelope first.
    pub fn to_json_with(&mut self, document: &Document) -> String {
        envelope_json(
            &self.format,
            self.version,
            &mut self.meta,
            document,
            &self.extra,
            0,
        )
    }

    /// The head of `document` stored in pieces: the envelope with the
    /// document's frame and preamble but no parts, and the names of the
    /// entries that hold the parts (`STORED_PARTS_FIELD`). `parts_bytes`,
    /// the size of those entries, counts in `meta.size`.
    pub fn head_json(
        &mut self,
        document: &Document,
        names: &[String],
        parts_bytes: usize,
    ) -> String {
        let mut head = document.clone_frame();
        head.preamble = document.preamble.clone();
        head.next_id = document.next_id;
        let mut extra = self.extra.clone();
        extra.insert(STORED_PARTS_FIELD.to_owned(), Value::from(names.to_vec()));
        envelope_json(
            &self.format,
            self.version,
            &mut self.meta,
            &head,
            &extra,
            parts_bytes,
        )
    }

    /// Reads a draft stored in pieces: its head (`head_json`) and the texts
    /// of its parts in order. A head without `STORED_PARTS_FIELD` is a
    /// draft in one piece, and `parts` is ignored.
    pub fn from_stored(head: &str, parts: &[String]) -> Result<Envelope, LoadError> {
        let mut value: Value =
            serde_json::from_str(head).map_err(|error| LoadError::NotJson(error.to_string()))?;
        let names = value
            .as_object_mut()
            .and_then(|object| object.remove(STORED_PARTS_FIELD));
        if names.is_none() {
            return Envelope::from_json(head);
        }
        let current = value.get("format").and_then(Value::as_str) == Some(FORMAT)
            && value.get("version").and_then(Value::as_u64) == Some(u64::from(CURRENT_VERSION));
        if current {
            // The head is small; the parts are read straight into sections.
            let mut envelope =
                Envelope::from_json_value(migrate(value)?).map_err(LoadError::Shape)?;
            let (beside, sections): (Vec<&String>, Vec<&String>) =
                parts.iter().partition(|text| is_beside_part(text));
            envelope.document.sections = sections
                .into_iter()
                .map(|text| serde_json::from_str(text))
                .collect::<Result<_, _>>()
                .map_err(|error| LoadError::Shape(error.to_string()))?;
            if let Some(text) = beside.last() {
                // {"beside_texts": [...]}, as `beside_part` writes it.
                let part: Value = serde_json::from_str(text)
                    .map_err(|error| LoadError::Shape(error.to_string()))?;
                let texts = Object::of(part, "struct BesidePart")
                    .and_then(|mut part| part.required::<Vec<BesideText>>("beside_texts"))
                    .map_err(LoadError::Shape)?;
                envelope.document.beside = texts.into();
            }
            return Ok(envelope);
        }
        // An older version: the parts go back where they belong, and the
        // migrations see the whole draft.
        let sections = parts
            .iter()
            .map(|text| serde_json::from_str::<Value>(text))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|error| LoadError::NotJson(error.to_string()))?;
        put_parts_back(&mut value, sections);
        Envelope::from_json_value(migrate(value)?).map_err(LoadError::Shape)
    }

    /// Reads a stored or shared draft of any version this build knows.
    pub fn from_json(text: &str) -> Result<Envelope, LoadError> {
        let value: Value =
            serde_json::from_str(text).map_err(|error| LoadError::NotJson(error.to_string()))?;
        let value = migrate(value)?;
        Envelope::from_json_value(value).map_err(LoadError::Shape)
    }

    /// Reads an envelope of the current version from its JSON tree, which
    /// it takes apart; the error is the reader's sentence.
    pub fn from_json_value(value: Value) -> Result<Envelope, String> {
        <Envelope as FromJson>::from_json(value)
    }
}

/// The JSON text of an envelope, as serde would write it. The document,
/// nearly all of the text, is serialised once; only the small `meta` is
/// written again while its `size`, which counts its own digits, settles
/// (at most two more rounds). `meta` ends up with the document's title,
/// template and the text's size plus `stored_elsewhere` bytes.
fn envelope_json(
    format: &str,
    version: u32,
    meta: &mut DraftMeta,
    document: &Document,
    extra: &Map<String, Value>,
    stored_elsewhere: usize,
) -> String {
    meta.title = document.title.clone();
    meta.template_id = document.template_id.clone();
    let head = format!(
        "{{\"format\":{},\"version\":{version},\"meta\":",
        serde_json::to_string(format).unwrap_or_default()
    );
    let document = serde_json::to_string(document).unwrap_or_default();
    let mut tail = String::from("}");
    if !extra.is_empty() {
        // The map's own braces go; its entries follow the document.
        let entries = serde_json::to_string(extra).unwrap_or_default();
        tail = format!(",{}", &entries[1..]);
    }
    const DOCUMENT_KEY: &str = ",\"document\":";
    let mut meta_text = serde_json::to_string(meta).unwrap_or_default();
    for _ in 0..4 {
        let size = head.len()
            + meta_text.len()
            + DOCUMENT_KEY.len()
            + document.len()
            + tail.len()
            + stored_elsewhere;
        if size == meta.size {
            break;
        }
        meta.size = size;
        meta_text = serde_json::to_string(meta).unwrap_or_default();
    }
    let mut text = String::with_capacity(meta.size.saturating_sub(stored_elsewhere));
    for part in [&head, &meta_text, DOCUMENT_KEY, &document, &tail] {
        text.push_str(part);
    }
    text
}

/// Puts the parts of a draft stored in pieces back into its head's JSON, as
/// a draft in one piece holds them (the texts kept beside sections in
/// `document.beside`); the head's list of part entries goes.
pub(crate) fn put_parts_back(head: &mut Value, parts: Vec<Value>) {
    let is_beside = |part: &Value| {
        part.as_object()
            .is_some_and(|object| object.len() == 1 && object.contains_key(BESIDE_PART_FIELD))
    };
    let (beside, sections): (Vec<Value>, Vec<Value>) = parts.into_iter().partition(is_beside);
    if let Some(object) = head.as_object_mut() {
        object.remove(STORED_PARTS_FIELD);
        if let Some(document) = object.get_mut("document").and_then(Value::as_object_mut) {
            document.insert("sections".to_owned(), Value::Array(sections));
            if let Some(mut part) = beside.into_iter().last() {
                if let Some(texts) = part
                    .as_object_mut()
                    .and_then(|part| part.remove(BESIDE_PART_FIELD))
                {
                    document.insert("beside".to_owned(), texts);
                }
            }
        }
    }
}

/// The name of a downloaded draft: `<title>-<yyyy-mm-dd>.baocao.json`, the
/// title without diacritics (names survive e-mail and Zalo unmangled).
pub fn file_name(title: &str, date_iso: &str) -> String {
    let folded = fold_for_search(title);
    let mut slug = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_end_matches('-').chars().take(60).collect();
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "bao-cao" } else { slug };
    format!("{slug}-{date_iso}.baocao.json")
}

/// What one site may keep in the browser's local storage, in the units of
/// the storage meter (two bytes per UTF-16 code unit, as local storage keeps
/// text). Chromium (Chrome, Edge, Cốc Cốc) and Firefox both stop at 5 Mi code
/// units; filling Chromium's here took 5,242,262 with Vietnamese text and
/// 5,200,146 with ASCII. Browsers do not report this limit, and their
/// `navigator.storage.estimate()` quota (gigabytes) is for other stores.
pub const LOCAL_STORAGE_CAPACITY_BYTES: usize = 10 * 1024 * 1024;

/// From this share of the local storage used, the meter warns.
pub const STORAGE_NEARLY_FULL_PERCENT: u32 = 80;

/// The share of the local storage used, in whole percent rounded up (so
/// that any use shows as at least 1 %), at most 100.
pub fn storage_percent(used_bytes: usize) -> u32 {
    let percent = (used_bytes as u64 * 100).div_ceil(LOCAL_STORAGE_CAPACITY_BYTES as u64);
    percent.min(100) as u32
}

/// Tells whether the local storage is full enough to warn about.
pub fn storage_nearly_full(used_bytes: usize) -> bool {
    storage_percent(used_bytes) >= STORAGE_NEARLY_FULL_PERCENT
}

/// Drafts stay in the trash this long before they are deleted for good.
pub const TRASH_DAYS: f64 = 30.0;
pub const DAY_MS: f64 = 24.0 * 60.0 * 60.0 * 1000.0;

/// Tells whether a trashed draft may be deleted for good at `now_ms`: it
/// was trashed, a start of the app first found it in the trash thirty days
/// ago or more, and the clock has not gone back since. A wrong clock when
/// the draft was trashed cannot shorten the wait, because the count starts
/// at that later sighting.
pub fn trash_expired(meta: &DraftMeta, now_ms: f64) -> bool {
    meta.trashed_ms.is_some()
        && meta
            .trash_seen_ms
            .is_some_and(|seen| seen <= now_ms && now_ms - seen >= TRASH_DAYS * DAY_MS)
}

/// The ids of trashed drafts old enough to delete for good at `now_ms`.
pub fn expired_from_trash(drafts: &[DraftMeta], now_ms: f64) -> Vec<String> {
    drafts
        .iter()
        .filter(|meta| trash_expired(meta, now_ms))
        .map(|meta| meta.id.clone())
        .collect()
}

/// A week without a backup file earns a gentle reminder.
pub const BACKUP_REMINDER_DAYS: f64 = 7.0;

/// Tells whether to remind the user to save a backup file of this draft.
pub fn needs_backup_reminder(meta: &DraftMeta, now_ms: f64) -> bool {
    let since = meta.exported_ms.unwrap_or(meta.created_ms);
    meta.trashed_ms.is_none() && now_ms - since >= BACKUP_REMINDER_DAYS * DAY_MS
}

pub use crate::text::fold_for_search;

/// The drafts whose title matches `query`, not trashed, newest edit first.
pub fn search<'m>(drafts: &'m [DraftMeta], query: &str) -> Vec<&'m DraftMeta> {
    let query = fold_for_search(query.trim());
    let mut found: Vec<&DraftMeta> = drafts
        .iter()
        .filter(|meta| meta.trashed_ms.is_none())
        .filter(|meta| query.is_empty() || fold_for_search(&meta.title).contains(&query))
        .collect();
    found.sort_by(|a, b| b.edited_ms.total_cmp(&a.edited_ms));
    found
}

/// Why a local version was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SnapshotReason {
    Opened,
    Periodic,
    BeforeRestore,
    BeforeImport,
}

/// A local version of a draft.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Snapshot {
    pub taken_ms: f64,
    pub reason: SnapshotReason,
    pub document: Document,
}

/// At most this many local versions per draft…
pub const MAX_SNAPSHOTS: usize = 20;
/// …and at most this many bytes of them, so versions never fill the storage.
pub const MAX_SNAPSHOT_BYTES: usize = 1_500_000;
/// Editing takes a periodic version at most this often.
pub const SNAPSHOT_EVERY_MS: f64 = 5.0 * 60.0 * 1000.0;

/// Tells whether a periodic version is due at `now_ms`, given when the
/// newest was taken (the editor keeps that time rather than reading the
/// versions at each autosave).
pub fn periodic_snapshot_due(last_taken_ms: Option<f64>, now_ms: f64) -> bool {
    last_taken_ms.is_none_or(|last| now_ms - last >= SNAPSHOT_EVERY_MS)
}

/// Adds `snapshot` (unless it equals the newest one) and drops the oldest
/// versions until the list fits both caps. The newest is always kept.
pub fn add_snapshot(snapshots: &mut Vec<Snapshot>, snapshot: Snapshot) {
    if snapshots
        .last()
        .is_some_and(|last| last.document == snapshot.document)
    {
        return;
    }
    snapshots.push(snapshot);
    let size = |list: &[Snapshot]| serde_json::to_string(list).map_or(0, |text| text.len());
    while snapshots.len() > 1
        && (snapshots.len() > MAX_SNAPSHOTS || size(snapshots) > MAX_SNAPSHOT_BYTES)
    {
        snapshots.remove(0);
    }
}

// The tests use proptest, a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
