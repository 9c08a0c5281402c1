//! Access to `localStorage` that never panics: `BrowserStorage`, the
//! library's `KeyValue` in the browser.
//!
//! gloo-storage gives the handle and the typed JSON helpers. Its
//! `LocalStorage::raw()` panics when the browser has no local storage (some
//! private modes, site data disabled), so every call first checks
//! `window.localStorage` through web-sys and turns its absence, a full quota
//! or any other browser error into a `StoreError` value. Drafts go through
//! the raw text functions, because saving reads the stored text back to
//! compare it and a full quota must be recognised from the exception itself.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

use crate::persist::library::{KeyValue, StoreError};

/// The browser's local storage as the library's key-value store. Every
/// browser error becomes a `StoreError` (the one error type of the storage
/// boundary); tests hand the app a `MemoryStore` instead of this.
pub struct BrowserStorage;

impl KeyValue for BrowserStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        get_raw(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        set_raw(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        ensure_available()?;
        LocalStorage::delete(key);
        Ok(())
    }
    fn keys(&self) -> Vec<String> {
        if !is_available() {
            return Vec::new();
        }
        let storage = LocalStorage::raw();
        (0..LocalStorage::length())
            .filter_map(|index| storage.key(index).ok().flatten())
            .collect()
    }
    fn set_and_verify(&mut self, key: &str, value: &str) -> Result<bool, StoreError> {
        set_and_compare_in_js(key, value)
    }
    fn contains(&self, key: &str) -> bool {
        contains_in_js(key)
    }
}

/// Tells whether `key` is stored, without copying its value (`key in
/// localStorage`): a save asks this of every part it does not rewrite.
fn contains_in_js(key: &str) -> bool {
    if ensure_available().is_err() {
        return false;
    }
    let storage = LocalStorage::raw();
    js_sys::Reflect::has(&storage, &wasm_bindgen::JsValue::from_str(key)).unwrap_or(false)
}

/// Writes `value` and reads it back, comparing the two as JavaScript
/// strings: the text crosses into JavaScript once and never comes back.
fn set_and_compare_in_js(key: &str, value: &str) -> Result<bool, StoreError> {
    use js_sys::{Function, Object, Reflect};
    use wasm_bindgen::JsValue;
    ensure_available()?;
    let storage = LocalStorage::raw();
    let method = |name: &str| -> Result<Function, StoreError> {
        Reflect::get(&storage, &JsValue::from_str(name))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .ok_or_else(|| StoreError::Other(format!("localStorage.{name}")))
    };
    let key = JsValue::from_str(key);
    let text = JsValue::from(js_sys::JsString::from(value));
    method("setItem")?
        .call2(&storage, &key, &text)
        .map_err(classify_js)?;
    let back = method("getItem")?
        .call1(&storage, &key)
        .map_err(classify_js)?;
    Ok(Object::is(&back, &text))
}

/// Tells whether storage can be used at all, without panicking.
pub fn is_available() -> bool {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .is_some()
}

fn ensure_available() -> Result<(), StoreError> {
    if is_available() {
        Ok(())
    } else {
        Err(StoreError::Unavailable)
    }
}

/// Recognises a full quota: Chromium and current browsers raise
/// `QuotaExceededError` (code 22); old Firefox raised
/// `NS_ERROR_DOM_QUOTA_REACHED` (code 1014) and old Safari code 22 with
/// another name.
pub fn classify_exception(name: &str, code: u16) -> StoreError {
    match (name, code) {
        (
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" | "NS_ERROR_DOM_QUOTA_EXCEEDED",
            _,
        )
        | (_, 22 | 1014) => StoreError::QuotaExceeded,
        ("SecurityError", _) => StoreError::Unavailable,
        (name, _) => StoreError::Other(name.to_owned()),
    }
}

fn classify_js(error: wasm_bindgen::JsValue) -> StoreError {
    if let Some(exception) = error.dyn_ref::<web_sys::DomException>() {
        return classify_exception(&exception.name(), exception.code());
    }
    if let Some(error) = error.dyn_ref::<js_sys::Error>() {
        return classify_exception(&String::from(error.name()), 0);
    }
    StoreError::Other(error.as_string().unwrap_or_else(|| "?".to_owned()))
}

/// Reads the raw text under `key`; `Ok(None)` when it is absent.
fn get_raw(key: &str) -> Result<Option<String>, StoreError> {
    ensure_available()?;
    LocalStorage::raw().get_item(key).map_err(classify_js)
}

/// Writes `value` under `key`.
fn set_raw(key: &str, value: &str) -> Result<(), StoreError> {
    ensure_available()?;
    LocalStorage::raw()
        .set_item(key, value)
        .map_err(classify_js)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_browsers_quota_error_is_recognised() {
        assert_eq!(
            classify_exception("QuotaExceededError", 22),
            StoreError::QuotaExceeded
        );
        assert_eq!(
            classify_exception("NS_ERROR_DOM_QUOTA_REACHED", 1014),
            StoreError::QuotaExceeded
        );
        assert_eq!(classify_exception("Error", 22), StoreError::QuotaExceeded);
        assert_eq!(
            classify_exception("SecurityError", 18),
            StoreError::Unavailable
        );
        assert_eq!(
            classify_exception("InvalidStateError", 11),
            StoreError::Other("InvalidStateError".into())
        );
    }
}
