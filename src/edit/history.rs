//! Undo and redo. The history keeps whole documents (edits return new ones),
//! so undo is exact by construction. Typing into one field is one undo step
//! per pause: an edit with the same typing key as the previous one, less than
//! `TYPING_PAUSE_MS` later, replaces the present without a new step.

use std::ops::Deref;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use super::{apply, Edit, EditError};
use crate::model::{Document, NodeId};

/// A version of the document as the history holds it: shared, never changed
/// in place. Two are equal when they are the same version, found with one
/// pointer compare: the interface learns that the document changed without
/// copying it or comparing it word by word.
#[derive(Clone, Debug)]
pub struct SharedDocument {
    document: Arc<Document>,
    shape: u64,
}

/// The last shape id handed out; ids are unique in the program, so that
/// documents of different drafts never share one.
static LAST_SHAPE: AtomicU64 = AtomicU64::new(0);

impl SharedDocument {
    /// A new version with a shape of its own.
    pub fn new(document: Document) -> SharedDocument {
        SharedDocument {
            document: Arc::new(document),
            shape: LAST_SHAPE.fetch_add(1, Ordering::Relaxed) + 1,
        }
    }

    /// A new version whose nodes are those of `self`, where they were in
    /// `self` (see `Edit::keeps_structure`).
    fn with_same_shape(&self, document: Document) -> SharedDocument {
        SharedDocument {
            document: Arc::new(document),
            shape: self.shape,
        }
    }

    /// Identifies the document's shape: which nodes there are and where
    /// they sit. Two versions with the same shape id have the same nodes in
    /// the same places (only what the nodes hold may differ), so that what
    /// is worked out from the shape alone (`NodeIndex`) is kept across
    /// typing.
    pub fn shape(&self) -> u64 {
        self.shape
    }
}

impl PartialEq for SharedDocument {
    fn eq(&self, other: &SharedDocument) -> bool {
        Arc::ptr_eq(&self.document, &other.document)
    }
}

impl Deref for SharedDocument {
    type Target = Document;

    fn deref(&self) -> &Document {
        &self.document
    }
}

/// A pause in typing longer than this starts a new undo step.
pub const TYPING_PAUSE_MS: f64 = 1000.0;

/// How many undo steps are kept; older ones are dropped.
pub const MAX_UNDO_STEPS: usize = 300;

/// The document being edited, with its undo and redo stacks.
#[derive(Clone, Debug)]
pub struct History {
    present: SharedDocument,
    past: Vec<SharedDocument>,
    future: Vec<SharedDocument>,
    /// The typing key and time of the last edit, for grouping.
    last_typing: Option<((u8, u64), f64)>,
}

impl History {
    pub fn new(document: Document) -> History {
        History {
            present: SharedDocument::new(document),
            past: Vec::new(),
            future: Vec::new(),
            last_typing: None,
        }
    }

    pub fn document(&self) -> &Document {
        &self.present
    }

    /// The present version, shared (a pointer copy).
    pub fn shared(&self) -> SharedDocument {
        self.present.clone()
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// Applies `edit` at time `now_ms` (any monotonic clock, in
    /// milliseconds). On error nothing changes.
    pub fn apply(&mut self, edit: &Edit, now_ms: f64) -> Result<Option<NodeId>, EditError> {
        let applied = apply(&self.present, edit)?;
        if !applied.changed {
            return Ok(applied.created);
        }
        let key = edit.typing_key();
        let continues_typing = match (key, self.last_typing) {
            (Some(key), Some((last_key, at))) => key == last_key && now_ms - at < TYPING_PAUSE_MS,
            _ => false,
        };
        let next = if edit.keeps_structure() {
            self.present.with_same_shape(applied.document)
        } else {
            SharedDocument::new(applied.document)
        };
        let previous = std::mem::replace(&mut self.present, next);
        if !continues_typing {
            self.past.push(previous);
            if self.past.len() > MAX_UNDO_STEPS {
                self.past.remove(0);
            }
        }
        self.future.clear();
        self.last_typing = key.map(|key| (key, now_ms));
        Ok(applied.created)
    }

    /// Replaces the whole document as one undoable step (a restore, an
    /// import into this draft).
    pub fn replace(&mut self, document: Document) {
        let previous = std::mem::replace(&mut self.present, SharedDocument::new(document));
        self.past.push(previous);
        self.future.clear();
        self.last_typing = None;
    }

    /// Steps back; returns false when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        let Some(previous) = self.past.pop() else {
            return false;
        };
        let current = std::mem::replace(&mut self.present, previous);
        self.future.push(current);
        self.last_typing = None;
        true
    }

    /// Steps forward again; returns false when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        let Some(next) = self.future.pop() else {
            return false;
        };
        let current = std::mem::replace(&mut self.present, next);
        self.past.push(current);
        self.last_typing = None;
        true
    }
}
