//! Time for the editor: a monotonic clock in milliseconds, used to group
//! typing into undo steps.

/// Milliseconds since the page loaded (`performance.now()`), or 0 outside a
/// browser.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map(|performance| performance.now())
        .unwrap_or(0.0)
}

/// Milliseconds since 1970, for naming drafts and stamping saves.
pub fn epoch_ms() -> f64 {
    js_sys::Date::now()
}

/// The local time of day of `epoch_ms` as "hh:mm:ss".
pub fn local_time(epoch_ms: f64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(epoch_ms));
    format!(
        "{:02}:{:02}:{:02}",
        date.get_hours(),
        date.get_minutes(),
        date.get_seconds()
    )
}

/// The local date and time of `epoch_ms` as "dd/mm/yyyy hh:mm".
pub fn local_date_time(epoch_ms: f64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(epoch_ms));
    format!(
        "{:02}/{:02}/{} {:02}:{:02}",
        date.get_date(),
        date.get_month() + 1,
        date.get_full_year(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// The local date of `epoch_ms` as "yyyy-mm-dd".
pub fn local_date_iso(epoch_ms: f64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(epoch_ms));
    format!(
        "{}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}
