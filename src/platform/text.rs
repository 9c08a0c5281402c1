//! The browser's own Unicode normalisation, installed into `crate::text` so
//! that the download carries no normalisation tables.

/// NFC by `String.prototype.normalize("NFC")`.
fn browser_nfc(input: &str) -> String {
    js_sys::JsString::from(input)
        .normalize("NFC")
        .as_string()
        .unwrap_or_else(|| input.to_owned())
}

/// Makes `crate::text::to_nfc` use the browser. Safe to call more than once.
pub fn install() {
    #[cfg(target_arch = "wasm32")]
    crate::text::install_normalizer(browser_nfc);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = browser_nfc;
}
