//! Unzipping in the browser: a raw DEFLATE stream (how a zip entry of a
//! .docx is compressed) inflated by the browser's own
//! `DecompressionStream("deflate-raw")`, so the download carries no inflate
//! code. The output is capped: a zip bomb is stopped as soon as it passes
//! the cap, not after it has filled the memory.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why a stream could not be inflated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InflateError {
    /// The browser has no `DecompressionStream`, or none for "deflate-raw"
    /// (Chrome and Edge before 103, Firefox before 113, Safari before
    /// 16.4).
    Unsupported,
    /// The output passed `max_out` bytes; reading stopped after `seen`.
    TooLarge { max_out: usize, seen: usize },
    /// The bytes are not a whole DEFLATE stream.
    Corrupt,
}

/// Inflates `compressed`, a raw DEFLATE stream (no zlib or gzip wrapper),
/// refusing as soon as the output passes `max_out` bytes.
pub async fn inflate_raw(compressed: &[u8], max_out: usize) -> Result<Vec<u8>, InflateError> {
    let decompressor = decompression_stream()?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(compressed));
    let blob =
        web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(|_| InflateError::Corrupt)?;
    let output = blob
        .stream()
        .pipe_through(decompressor.unchecked_ref::<web_sys::ReadableWritablePair>());
    let reader =
        web_sys::ReadableStreamDefaultReader::new(&output).map_err(|_| InflateError::Corrupt)?;
    let mut out = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| InflateError::Corrupt)?;
        let done = js_sys::Reflect::get(&chunk, &JsValue::from_str("done"))
            .ok()
            .and_then(|done| done.as_bool())
            .unwrap_or(true);
        if done {
            return Ok(out);
        }
        let Ok(bytes) = js_sys::Reflect::get(&chunk, &JsValue::from_str("value"))
            .and_then(|value| value.dyn_into::<js_sys::Uint8Array>())
        else {
            return Err(InflateError::Corrupt);
        };
        let seen = out.len() + bytes.length() as usize;
        if seen > max_out {
            // Stops the decompressor: nothing more is inflated.
            let _ = reader.cancel();
            return Err(InflateError::TooLarge { max_out, seen });
        }
        let start = out.len();
        out.resize(seen, 0);
        bytes.copy_to(&mut out[start..]);
    }
}

/// A new `DecompressionStream("deflate-raw")`, through `Reflect` (web-sys
/// has it only behind its unstable APIs).
fn decompression_stream() -> Result<JsValue, InflateError> {
    let constructor =
        js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("DecompressionStream"))
            .ok()
            .and_then(|constructor| constructor.dyn_into::<js_sys::Function>().ok())
            .ok_or(InflateError::Unsupported)?;
    // An unknown format throws a TypeError.
    js_sys::Reflect::construct(
        &constructor,
        &js_sys::Array::of1(&JsValue::from_str("deflate-raw")),
    )
    .map_err(|_| InflateError::Unsupported)
}
