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
