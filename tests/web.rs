//! Browser tests (wasm-bindgen-test in headless Chromium) for the platform
//! layer and the components. Run by `./dev test` with
//! `cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use baocao::platform::storage::{self, StorageError};
use baocao::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app into a fresh `<div>` and returns that element.
fn mount_app() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), App);
    // Keep the app mounted for the rest of the test.
    std::mem::forget(handle);
    host
}

/// Lets Leptos run its effects, which are scheduled on the microtask queue.
async fn settle() {
    let promise = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
fn storage_round_trips_vietnamese_text() {
    let value = "Đảng ủy trường THPT Lấp Vò 2".to_owned();
    storage::set("baocao.test.roundtrip", &value).unwrap();
    assert_eq!(
        storage::get::<String>("baocao.test.roundtrip").unwrap(),
        Some(value)
    );
    storage::remove("baocao.test.roundtrip").unwrap();
    assert_eq!(
        storage::get::<String>("baocao.test.roundtrip").unwrap(),
        None
    );
}

#[wasm_bindgen_test]
fn storage_reports_an_unreadable_value_instead_of_panicking() {
    storage::set("baocao.test.number", &"not a number".to_owned()).unwrap();
    let result = storage::get::<u32>("baocao.test.number");
    assert!(
        matches!(result, Err(StorageError::Unreadable(_))),
        "{result:?}"
    );
    storage::remove("baocao.test.number").unwrap();
}

#[wasm_bindgen_test]
fn storage_full_is_reported_as_quota_exceeded() {
    // A value far larger than any browser's local storage quota.
    let huge = "x".repeat(12 * 1024 * 1024);
    let result = storage::set("baocao.test.huge", &huge);
    assert_eq!(result, Err(StorageError::QuotaExceeded));
    assert_eq!(storage::get::<String>("baocao.test.huge").unwrap(), None);
}

#[wasm_bindgen_test]
async fn app_shows_an_empty_workspace_in_vietnamese() {
    storage::remove("baocao.lang").unwrap();
    let host = mount_app();
    settle().await;
    let text = host.text_content().unwrap();
    assert!(text.contains("Chưa có bản thảo nào"), "{text}");
    let document = web_sys::window().unwrap().document().unwrap();
    assert_eq!(document.title(), "Báo cáo — soạn báo cáo tổng kết, sơ kết");
    host.remove();
}

#[wasm_bindgen_test]
async fn language_switch_changes_the_interface_and_is_remembered() {
    storage::remove("baocao.lang").unwrap();
    let host = mount_app();
    settle().await;
    let button: web_sys::HtmlElement = host
        .query_selector("[data-testid=lang-switch]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
    settle().await;
    assert!(host.text_content().unwrap().contains("No drafts yet"));
    assert_eq!(
        storage::get::<String>("baocao.lang").unwrap(),
        Some("en".to_owned())
    );
    host.remove();

    // A newly mounted app reads the remembered preference.
    let again = mount_app();
    settle().await;
    assert!(again.text_content().unwrap().contains("No drafts yet"));
    again.remove();
    storage::remove("baocao.lang").unwrap();
}
