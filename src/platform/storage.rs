//! Access to `localStorage` that never panics, with a stand-in that fails on
//! demand for the browser tests.
//!
//! gloo-storage gives the handle and the typed JSON helpers. Its
//! `LocalStorage::raw()` panics when the browser has no local storage (some
//! private modes, site data disabled), so every call first checks
//! `window.localStorage` through web-sys and turns its absence, a full quota
//! or any other browser error into a `StorageError` value. Drafts go through
//! the raw text functions, because saving reads the stored text back to
//! compare it and a full quota must be recognised from the exception itself.

use std::cell::RefCell;

use gloo_storage::{LocalStorage, Storage};
use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::JsCast;

use crate::persist::library::{KeyValue, MemoryStore, StoreError};

/// What went wrong while touching browser storage. The interface turns each
/// case into a sentence through `crate::i18n`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser offers no local storage here (private mode, disabled site
    /// data, or not running in a browser at all).
    Unavailable,
    /// The storage is full.
    QuotaExceeded,
    /// The stored value is not what the code expected.
    Unreadable(String),
    /// Any other error the browser raised, with its name.
    Other(String),
}

thread_local! {
    /// While set, every storage call goes to this in-memory store instead of
    /// the browser's, so browser tests can make storage fail on demand.
    static FAKE: RefCell<Option<MemoryStore>> = const { RefCell::new(None) };
}

/// Routes every storage call to `fake` until `remove_fake`.
pub fn install_fake(fake: MemoryStore) {
    FAKE.with(|slot| *slot.borrow_mut() = Some(fake));
}

/// Goes back to the browser's storage.
pub fn remove_fake() {
    FAKE.with(|slot| *slot.borrow_mut() = None);
}

/// Changes the installed fake (to make it fail from now on, say).
pub fn with_fake<R>(change: impl FnOnce(&mut MemoryStore) -> R) -> Option<R> {
    FAKE.with(|slot| slot.borrow_mut().as_mut().map(change))
}

fn fake_active() -> bool {
    FAKE.with(|slot| slot.borrow().is_some())
}

fn from_store(error: StoreError) -> StorageError {
    match error {
        StoreError::Unavailable => StorageError::Unavailable,
        StoreError::QuotaExceeded => StorageError::QuotaExceeded,
        StoreError::Other(name) => StorageError::Other(name),
    }
}

fn to_store(error: StorageError) -> StoreError {
    match error {
        StorageError::Unavailable => StoreError::Unavailable,
        StorageError::QuotaExceeded => StoreError::QuotaExceeded,
        StorageError::Unreadable(what) | StorageError::Other(what) => StoreError::Other(what),
    }
}

/// The browser's local storage as the library's key-value store.
pub struct BrowserStorage;

impl KeyValue for BrowserStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        get_raw(key).map_err(to_store)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        set_raw(key, value).map_err(to_store)
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        remove(key).map_err(to_store)
    }
    fn keys(&self) -> Vec<String> {
        keys()
    }
    fn set_and_verify(&mut self, key: &str, value: &str) -> Result<bool, StoreError> {
        if fake_active() {
            self.set(key, value)?;
            return Ok(self.get(key)?.as_deref() == Some(value));
        }
        set_and_compare_in_js(key, value).map_err(to_store)
    }
    fn contains(&self, key: &str) -> bool {
        if fake_active() {
            return matches!(self.get(key), Ok(Some(_)));
        }
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
fn set_and_compare_in_js(key: &str, value: &str) -> Result<bool, StorageError> {
    use js_sys::{Function, Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    ensure_available()?;
    let storage = LocalStorage::raw();
    let method = |name: &str| -> Result<Function, StorageError> {
        Reflect::get(&storage, &JsValue::from_str(name))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .ok_or_else(|| StorageError::Other(format!("localStorage.{name}")))
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
    if let Some(failing) = with_fake(|fake| fake.fail_with.clone()) {
        return failing != Some(StoreError::Unavailable);
    }
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .is_some()
}

fn ensure_available() -> Result<(), StorageError> {
    if is_available() {
        Ok(())
    } else {
        Err(StorageError::Unavailable)
    }
}

/// Recognises a full quota: Chromium and current browsers raise
/// `QuotaExceededError` (code 22); old Firefox raised
/// `NS_ERROR_DOM_QUOTA_REACHED` (code 1014) and old Safari code 22 with
/// another name.
pub fn classify_exception(name: &str, code: u16) -> StorageError {
    match (name, code) {
        (
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" | "NS_ERROR_DOM_QUOTA_EXCEEDED",
            _,
        )
        | (_, 22 | 1014) => StorageError::QuotaExceeded,
        ("SecurityError", _) => StorageError::Unavailable,
        (name, _) => StorageError::Other(name.to_owned()),
    }
}

fn classify_js(error: wasm_bindgen::JsValue) -> StorageError {
    if let Some(exception) = error.dyn_ref::<web_sys::DomException>() {
        return classify_exception(&exception.name(), exception.code());
    }
    if let Some(error) = error.dyn_ref::<js_sys::Error>() {
        return classify_exception(&String::from(error.name()), 0);
    }
    StorageError::Other(error.as_string().unwrap_or_else(|| "?".to_owned()))
}

fn classify_gloo(error: gloo_storage::errors::StorageError) -> StorageError {
    use gloo_storage::errors::StorageError as Gloo;
    match error {
        Gloo::KeyNotFound(key) => StorageError::Unreadable(key),
        Gloo::SerdeError(error) => StorageError::Unreadable(error.to_string()),
        Gloo::JsError(error) => classify_exception(&error.name, 0),
    }
}

/// Reads the raw text under `key`; `Ok(None)` when it is absent.
pub fn get_raw(key: &str) -> Result<Option<String>, StorageError> {
    if fake_active() {
        return with_fake(|fake| KeyValue::get(fake, key).map_err(from_store)).unwrap_or(Ok(None));
    }
    ensure_available()?;
    LocalStorage::raw().get_item(key).map_err(classify_js)
}

/// Writes `value` under `key`.
pub fn set_raw(key: &str, value: &str) -> Result<(), StorageError> {
    if fake_active() {
        return with_fake(|fake| KeyValue::set(fake, key, value).map_err(from_store))
            .unwrap_or(Ok(()));
    }
    ensure_available()?;
    LocalStorage::raw()
        .set_item(key, value)
        .map_err(classify_js)
}

/// Removes `key`; removing an absent key is not an error.
pub fn remove(key: &str) -> Result<(), StorageError> {
    if fake_active() {
        return with_fake(|fake| KeyValue::remove(fake, key).map_err(from_store)).unwrap_or(Ok(()));
    }
    ensure_available()?;
    LocalStorage::delete(key);
    Ok(())
}

/// Every key in storage.
pub fn keys() -> Vec<String> {
    if fake_active() {
        return with_fake(|fake| KeyValue::keys(fake)).unwrap_or_default();
    }
    if !is_available() {
        return Vec::new();
    }
    let storage = LocalStorage::raw();
    (0..LocalStorage::length())
        .filter_map(|index| storage.key(index).ok().flatten())
        .collect()
}

/// Reads the JSON value under `key`; `Ok(None)` when it is absent.
pub fn get<T: DeserializeOwned>(key: &str) -> Result<Option<T>, StorageError> {
    if fake_active() {
        return match get_raw(key)? {
            Some(text) => serde_json::from_str(&text)
                .map(Some)
                .map_err(|e| StorageError::Unreadable(e.to_string())),
            None => Ok(None),
        };
    }
    ensure_available()?;
    match LocalStorage::get::<T>(key) {
        Ok(value) => Ok(Some(value)),
        Err(gloo_storage::errors::StorageError::KeyNotFound(_)) => Ok(None),
        Err(error) => Err(classify_gloo(error)),
    }
}

/// Writes `value` under `key` as JSON.
pub fn set<T: Serialize>(key: &str, value: &T) -> Result<(), StorageError> {
    if fake_active() {
        let text = serde_json::to_string(value).map_err(|e| StorageError::Other(e.to_string()))?;
        return set_raw(key, &text);
    }
    ensure_available()?;
    LocalStorage::set(key, value).map_err(classify_gloo)
}

/// Bytes taken in local storage, keys and values (local storage keeps
/// UTF-16, two bytes a code unit), read in one pass.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    /// The keys starting with the prefix asked for.
    pub prefixed: usize,
    /// The whole site's local storage, which other apps on the same origin
    /// may share: this is what fills up.
    pub site: usize,
}

/// What the keys starting with `prefix`, and all keys, take.
pub fn usage_bytes(prefix: &str) -> Usage {
    let mut usage = Usage::default();
    for key in keys() {
        // JS string lengths count UTF-16 code units, as the quota does.
        let value_units = get_raw(&key)
            .ok()
            .flatten()
            .map_or(0, |value| value.encode_utf16().count());
        let bytes = 2 * (key.encode_utf16().count() + value_units);
        usage.site += bytes;
        if key.starts_with(prefix) {
            usage.prefixed += bytes;
        }
    }
    usage
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_browsers_quota_error_is_recognised() {
        assert_eq!(
            classify_exception("QuotaExceededError", 22),
            StorageError::QuotaExceeded
        );
        assert_eq!(
            classify_exception("NS_ERROR_DOM_QUOTA_REACHED", 1014),
            StorageError::QuotaExceeded
        );
        assert_eq!(classify_exception("Error", 22), StorageError::QuotaExceeded);
        assert_eq!(
            classify_exception("SecurityError", 18),
            StorageError::Unavailable
        );
        assert_eq!(
            classify_exception("InvalidStateError", 11),
            StorageError::Other("InvalidStateError".into())
        );
    }
}
