//! Wiring for pictures in figure blocks: a picked, dropped or pasted image
//! goes through `platform::picture` (scaled down), into the session (which
//! holds it and hands it to the bulk store), and into the draft as one edit (one undo step); the
//! preview and the editor show stored pictures as data URLs, kept in a
//! small cache by id (an id names the same bytes forever).

use std::cell::RefCell;
use std::collections::HashMap;

use leptos::prelude::*;

use crate::edit::Edit;
use crate::i18n::Msg;
use crate::model::NodeId;
use crate::picture::PictureError;
use crate::platform::picture::{take, ImageFile};

use super::store::Store;

thread_local! {
    static URLS: RefCell<HashMap<String, Option<String>>> = RefCell::new(HashMap::new());
}

/// Where a picture goes.
#[derive(Clone, Copy, Debug)]
pub enum Target {
    /// Into this figure, in place of its picture.
    Figure(NodeId),
    /// Into a new figure after this paragraph or list item.
    After(NodeId),
}

/// The data URL of stored picture `id`, or `None` when it is not stored.
pub fn url(store: Store, id: &str) -> Option<String> {
    if let Some(known) = URLS.with(|urls| urls.borrow().get(id).cloned()) {
        return known;
    }
    let found = store
        .with_session(|session| session.picture(id))
        .map(|picture| picture.data_url());
    // A picture not at hand yet (still loading from the bulk store) is
    // asked for again next time.
    if found.is_some() {
        URLS.with(|urls| urls.borrow_mut().insert(id.to_owned(), found.clone()));
    }
    found
}

/// Scales `file` down, stores it and puts it at `target`; says why not
/// when it cannot.
pub fn take_file(store: Store, file: ImageFile, target: Target) {
    store
        .message
        .set(Some(store.t(Msg::PictureWorking).to_owned()));
    take(file, move |outcome| {
        store.message.set(None);
        let picture = match outcome {
            Ok(picture) => picture,
            Err(error) => return refuse(store, &error),
        };
        let reference = match store.with_session(|session| session.put_picture(&picture)) {
            Ok(reference) => reference,
            Err(error) => return store.report(&error),
        };
        URLS.with(|urls| {
            urls.borrow_mut()
                .insert(reference.id.clone(), Some(picture.data_url()))
        });
        let edit = match target {
            Target::Figure(figure) => Some(Edit::SetPicture {
                figure,
                picture: Some(reference),
            }),
            Target::After(node) => store.document.with_untracked(|document| {
                document
                    .as_deref()
                    .and_then(|document| crate::edit::figure_after(document, node, reference))
            }),
        };
        if let Some(edit) = edit {
            let _ = store.dispatch(edit);
        }
    });
}

fn refuse(store: Store, error: &PictureError) {
    let lang = store.lang.get_untracked();
    store
        .message
        .set(Some(crate::i18n::describe_picture_error(lang, error)));
}

/// A paste into a paragraph or list item: an image in the clipboard goes
/// into a new figure after it (and nothing else of the paste is taken).
/// Returns true when it did.
pub fn paste_after(store: Store, node: NodeId, event: &leptos::ev::ClipboardEvent) -> bool {
    match ImageFile::of_paste(event) {
        Some(file) => {
            event.prevent_default();
            take_file(store, file, Target::After(node));
            true
        }
        None => false,
    }
}
