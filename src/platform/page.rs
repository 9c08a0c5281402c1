//! The page around the app: its title and language attribute.

/// Sets `document.title`.
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(title);
    }
}

/// Sets `<html lang>` so that screen readers and spell checkers use the
/// interface language.
pub fn set_lang(tag: &str) {
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element());
    if let Some(root) = root {
        let _ = root.set_attribute("lang", tag);
    }
}
