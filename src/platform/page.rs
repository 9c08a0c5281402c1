//! The page around the app: its title, language attribute and body class.

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

/// Adds `class` to `<body>`, or takes it away, for styles that apply to a
/// whole screen.
pub fn set_body_class(class: &str, on: bool) {
    let Some(body) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.body())
    else {
        return;
    };
    let current = body.class_name();
    let mut classes: Vec<&str> = current
        .split_whitespace()
        .filter(|name| *name != class)
        .collect();
    if on {
        classes.push(class);
    }
    body.set_class_name(&classes.join(" "));
}

/// Scrolls the page back to its top, as when another screen opens.
pub fn scroll_to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Tells whether the page is hidden (another tab, minimised, closing).
pub fn is_hidden() -> bool {
    web_sys::window()
        .and_then(|window| window.document())
        .is_some_and(|document| document.hidden())
}

/// Asks the browser to keep this site's storage even under pressure
/// (`navigator.storage.persist()`), and the browser's estimate of usage and
/// quota, delivered to `on_estimate(usage, quota)` in bytes. The usage is
/// IndexedDB's alone where the browser tells it apart
/// (`usageDetails.indexedDB`, Chromium), otherwise the whole site's.
pub fn storage_persist_and_estimate(on_estimate: impl FnOnce(f64, f64) + 'static) {
    use js_sys::{Function, Promise, Reflect};
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(manager) = Reflect::get(&window.navigator(), &"storage".into()) else {
        return;
    };
    if manager.is_undefined() {
        return;
    }
    let call = |name: &str| -> Option<Promise> {
        let method = Reflect::get(&manager, &name.into())
            .ok()?
            .dyn_into::<Function>()
            .ok()?;
        method.call0(&manager).ok()?.dyn_into::<Promise>().ok()
    };
    let _ = call("persist");
    if let Some(estimate) = call("estimate") {
        let mut on_estimate = Some(on_estimate);
        let done = Closure::<dyn FnMut(JsValue)>::new(move |value: JsValue| {
            let number = |key: &str| {
                Reflect::get(&value, &key.into())
                    .ok()
                    .and_then(|v| v.as_f64())
                    .unwrap_or(0.0)
            };
            let indexed_db = Reflect::get(&value, &"usageDetails".into())
                .ok()
                .filter(|details| details.is_object())
                .map(|details| {
                    Reflect::get(&details, &"indexedDB".into())
                        .ok()
                        .and_then(|v| v.as_f64())
                        .unwrap_or(0.0)
                });
            if let Some(on_estimate) = on_estimate.take() {
                on_estimate(
                    indexed_db.unwrap_or_else(|| number("usage")),
                    number("quota"),
                );
            }
        });
        let _ = estimate.then(&done);
        done.forget();
    }
}

fn tab_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// The draft this tab had open, kept per tab across reloads (the browser's
/// session storage): `None` when this tab has no record (a new tab),
/// `Some(None)` when it had no draft open.
pub fn tab_draft() -> Option<Option<String>> {
    let value = tab_storage()?
        .get_item(crate::persist::keys::TAB_DRAFT)
        .ok()??;
    Some((!value.is_empty()).then_some(value))
}

/// Records the draft this tab has open (`None`: the library).
pub fn set_tab_draft(id: Option<&str>) {
    if let Some(storage) = tab_storage() {
        let _ = storage.set_item(crate::persist::keys::TAB_DRAFT, id.unwrap_or(""));
    }
}

/// The browser's user agent string (`navigator.userAgent`), empty when
/// there is none.
pub fn user_agent() -> String {
    web_sys::window()
        .and_then(|window| window.navigator().user_agent().ok())
        .unwrap_or_default()
}
