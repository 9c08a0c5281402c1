//! Access to `localStorage` that never panics.
//!
//! Values go through gloo-storage (JSON via serde). gloo's
//! `LocalStorage::raw()` panics when the browser has no local storage (some
//! private modes, site data disabled), so every call first checks
//! `window.localStorage` through web-sys and turns its absence, a full quota
//! or any other browser error into a `StorageError` value.

use gloo_storage::{LocalStorage, Storage};
use serde::{de::DeserializeOwned, Serialize};

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

/// Tells whether `localStorage` can be used at all, without panicking.
pub fn is_available() -> bool {
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

/// Classifies an error from gloo. Chromium and current browsers name a full
/// storage `QuotaExceededError`; old Firefox used `NS_ERROR_DOM_QUOTA_REACHED`
/// and `NS_ERROR_DOM_QUOTA_EXCEEDED`.
fn classify(error: gloo_storage::errors::StorageError) -> StorageError {
    use gloo_storage::errors::StorageError as Gloo;
    match error {
        Gloo::KeyNotFound(key) => StorageError::Unreadable(key),
        Gloo::SerdeError(error) => StorageError::Unreadable(error.to_string()),
        Gloo::JsError(error) => match error.name.as_str() {
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" | "NS_ERROR_DOM_QUOTA_EXCEEDED" => {
                StorageError::QuotaExceeded
            }
            _ => StorageError::Other(error.name),
        },
    }
}

/// Reads the value under `key`; `Ok(None)` when it is absent.
pub fn get<T: DeserializeOwned>(key: &str) -> Result<Option<T>, StorageError> {
    ensure_available()?;
    match LocalStorage::get::<T>(key) {
        Ok(value) => Ok(Some(value)),
        Err(gloo_storage::errors::StorageError::KeyNotFound(_)) => Ok(None),
        Err(error) => Err(classify(error)),
    }
}

/// Writes `value` under `key`.
pub fn set<T: Serialize>(key: &str, value: &T) -> Result<(), StorageError> {
    ensure_available()?;
    LocalStorage::set(key, value).map_err(classify)
}

/// Reads the raw text under `key`, without decoding it.
pub fn get_raw(key: &str) -> Result<Option<String>, StorageError> {
    ensure_available()?;
    let storage = web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)?;
    storage
        .get_item(key)
        .map_err(|_| StorageError::Other("getItem".into()))
}

/// Every key in local storage.
pub fn keys() -> Vec<String> {
    if !is_available() {
        return Vec::new();
    }
    let length = LocalStorage::length();
    let storage = web_sys::window().and_then(|window| window.local_storage().ok().flatten());
    let Some(storage) = storage else {
        return Vec::new();
    };
    (0..length)
        .filter_map(|index| storage.key(index).ok().flatten())
        .collect()
}

/// Removes `key`; removing an absent key is not an error.
pub fn remove(key: &str) -> Result<(), StorageError> {
    ensure_available()?;
    LocalStorage::delete(key);
    Ok(())
}
