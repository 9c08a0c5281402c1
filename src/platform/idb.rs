//! The browser's IndexedDB as the bulk store (`persist::bulk::BulkStore`):
//! a thin wrapper over web-sys, one database `baocao` with one object store
//! `bulk` of strings under string keys. Each request becomes a future; a
//! write resolves once its transaction has committed, so a read that
//! follows sees it (the read-back of `bulk::put_verified`). Every browser
//! error becomes a `StoreError` (a full quota, `QuotaExceededError`, as
//! `QuotaExceeded`; no IndexedDB at all as `Unavailable`).

use std::cell::RefCell;

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

use crate::persist::bulk::{BulkStore, Pending};
use crate::persist::library::StoreError;

const DATABASE: &str = "baocao";
const STORE: &str = "bulk";

thread_local! {
    /// The open database, once opened.
    static OPEN: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

/// The browser's IndexedDB as the app's bulk store.
#[derive(Clone, Copy, Debug, Default)]
pub struct IdbStore;

fn classify(value: JsValue) -> StoreError {
    let name = js_sys::Reflect::get(&value, &"name".into())
        .ok()
        .and_then(|name| name.as_string())
        .unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" => StoreError::QuotaExceeded,
        "InvalidStateError" | "SecurityError" => StoreError::Unavailable,
        _ => {
            let message = js_sys::Reflect::get(&value, &"message".into())
                .ok()
                .and_then(|message| message.as_string())
                .unwrap_or_default();
            StoreError::Other(format!("IndexedDB: {name} {message}"))
        }
    }
}

/// A promise of a request's result.
fn request_done(request: &IdbRequest) -> JsFuture {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let ok_request = request.clone();
        let on_success = Closure::once_into_js(move |_: web_sys::Event| {
            let result = ok_request.result().unwrap_or(JsValue::UNDEFINED);
            let _ = resolve.call1(&JsValue::NULL, &result);
        });
        let error_request = request.clone();
        let on_error = Closure::once_into_js(move |_: web_sys::Event| {
            let error = error_request
                .error()
                .ok()
                .flatten()
                .map_or(JsValue::NULL, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise)
}

/// A promise that a transaction committed (or why it did not).
fn transaction_done(transaction: &IdbTransaction) -> JsFuture {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let on_complete = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = transaction.clone();
        let on_fail = Closure::once_into_js(move |_: web_sys::Event| {
            let error = failed.error().map_or(JsValue::NULL, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        transaction.set_oncomplete(Some(on_complete.unchecked_ref()));
        transaction.set_onerror(Some(on_fail.unchecked_ref()));
        transaction.set_onabort(Some(on_fail.unchecked_ref()));
    });
    JsFuture::from(promise)
}

/// The database, opened (and its store made) at the first call.
async fn database() -> Result<IdbDatabase, StoreError> {
    if let Some(database) = OPEN.with(|open| open.borrow().clone()) {
        return Ok(database);
    }
    let mut database = open(None).await?;
    // A database of that name without the store (made by something else
    // opening it first): one version up, the store is made.
    if !database.object_store_names().contains(STORE) {
        let version = database.version() as u32 + 1;
        database.close();
        database = open(Some(version)).await?;
    }
    // Another tab upgrading the database (a newer version of the app)
    // asks this one to let go.
    let closing = database.clone();
    let on_version_change = Closure::once_into_js(move |_: web_sys::Event| {
        closing.close();
        OPEN.with(|open| open.borrow_mut().take());
    });
    database.set_onversionchange(Some(on_version_change.unchecked_ref()));
    OPEN.with(|open| *open.borrow_mut() = Some(database.clone()));
    Ok(database)
}

/// Opens the database at `version` (the present one, at least 1, when
/// `None`), making the store when it upgrades.
async fn open(version: Option<u32>) -> Result<IdbDatabase, StoreError> {
    let factory = web_sys::window()
        .and_then(|window| window.indexed_db().ok().flatten())
        .ok_or(StoreError::Unavailable)?;
    let request = match version {
        Some(version) => factory.open_with_u32(DATABASE, version),
        None => factory.open(DATABASE),
    }
    .map_err(classify)?;
    let upgrading = request.clone();
    let on_upgrade = Closure::once_into_js(move |_: web_sys::Event| {
        if let Ok(result) = upgrading.result() {
            let database: IdbDatabase = result.unchecked_into();
            if !database.object_store_names().contains(STORE) {
                let _ = database.create_object_store(STORE);
            }
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    Ok(request_done(&request)
        .await
        .map_err(|error| match classify(error) {
            StoreError::Other(_) => StoreError::Unavailable,
            error => error,
        })?
        .unchecked_into())
}

fn transaction(
    database: &IdbDatabase,
    mode: IdbTransactionMode,
) -> Result<(IdbTransaction, web_sys::IdbObjectStore), StoreError> {
    let transaction = database
        .transaction_with_str_and_mode(STORE, mode)
        .map_err(classify)?;
    let store = transaction.object_store(STORE).map_err(classify)?;
    Ok((transaction, store))
}

async fn get(key: &str) -> Result<Option<String>, StoreError> {
    let database = database().await?;
    let (_, store) = transaction(&database, IdbTransactionMode::Readonly)?;
    let request = store.get(&JsValue::from_str(key)).map_err(classify)?;
    let value = request_done(&request).await.map_err(classify)?;
    Ok(value.as_string())
}

async fn write(
    change: impl FnOnce(&web_sys::IdbObjectStore) -> Result<IdbRequest, JsValue>,
) -> Result<(), StoreError> {
    let database = database().await?;
    let (transaction, store) = transaction(&database, IdbTransactionMode::Readwrite)?;
    let done = transaction_done(&transaction);
    change(&store).map_err(classify)?;
    done.await.map(|_| ()).map_err(classify)
}

async fn keys(prefix: &str) -> Result<Vec<String>, StoreError> {
    let database = database().await?;
    let (_, store) = transaction(&database, IdbTransactionMode::Readonly)?;
    let request = if prefix.is_empty() {
        store.get_all_keys()
    } else {
        let upper = format!("{prefix}\u{FFFF}");
        let range = web_sys::IdbKeyRange::bound(&prefix.into(), &upper.as_str().into())
            .map_err(classify)?;
        store.get_all_keys_with_key(&range)
    }
    .map_err(classify)?;
    let list = request_done(&request).await.map_err(classify)?;
    Ok(js_sys::Array::from(&list)
        .iter()
        .filter_map(|key| key.as_string())
        .collect())
}

impl BulkStore for IdbStore {
    fn get<'a>(&'a self, key: &'a str) -> Pending<'a, Option<String>> {
        Box::pin(get(key))
    }
    fn put<'a>(&'a self, key: &'a str, value: &'a str) -> Pending<'a, ()> {
        Box::pin(write(move |store| {
            store.put_with_key(&JsValue::from_str(value), &JsValue::from_str(key))
        }))
    }
    fn delete<'a>(&'a self, key: &'a str) -> Pending<'a, ()> {
        Box::pin(write(move |store| store.delete(&JsValue::from_str(key))))
    }
    fn keys<'a>(&'a self, prefix: &'a str) -> Pending<'a, Vec<String>> {
        Box::pin(keys(prefix))
    }
    fn clear(&self) -> Pending<'_, ()> {
        Box::pin(write(|store| store.clear()))
    }
}
