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

/// Runs `f` and records how long it took as a User Timing measure called
/// `name` ("baocao-autosave", "baocao-export-docx" …). The browser's
/// performance tools show them, and `./dev bench` reads them. At most the
/// last 500 of a name are kept, so a long session does not pile them up.
pub fn measure<T>(name: &str, f: impl FnOnce() -> T) -> T {
    start_measure(name);
    let out = f();
    end_measure(name);
    out
}

/// Starts a measure called `name` that `end_measure` ends, for work spread
/// over several tasks (a text read in slices).
pub fn start_measure(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark(&format!("{name}-start"));
    }
}

/// Ends the measure `start_measure(name)` started.
pub fn end_measure(name: &str) {
    let start_mark = format!("{name}-start");
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.measure_with_start_mark(name, &start_mark);
        performance.clear_marks_with_mark_name(&start_mark);
        if performance.get_entries_by_name(name).length() > 500 {
            performance.clear_measures_with_measure_name(name);
        }
    }
}

/// Resolves in a task of its own, after the browser has had the chance to
/// paint and handle input: what long work awaits between its slices. A
/// message to itself, not a zero timeout, which browsers hold back at least
/// 4 ms once timeouts nest.
pub async fn next_task() {
    let Ok(channel) = web_sys::MessageChannel::new() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let port = channel.port1();
        port.set_onmessage(Some(&resolve));
    });
    let _ = channel.port2().post_message(&wasm_bindgen::JsValue::NULL);
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    channel.port1().set_onmessage(None);
}

/// Runs `f` `delay_ms` from now, in a task of its own, when the browser is
/// next idle (at most `idle_wait_ms` later): what the preview's follow-up
/// of typing waits for (`crate::follow`). Where the browser has no
/// `requestIdleCallback` (Safari), it runs after the delay.
pub fn at_idle(delay_ms: u32, idle_wait_ms: u32, f: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let when_idle = move || {
        let Some(window) = web_sys::window() else {
            return;
        };
        let f = std::rc::Rc::new(std::cell::Cell::new(Some(f)));
        let run = {
            let f = f.clone();
            wasm_bindgen::closure::Closure::once_into_js(move || {
                if let Some(f) = f.take() {
                    f();
                }
            })
        };
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(idle_wait_ms);
        if window
            .request_idle_callback_with_options(run.unchecked_ref(), &options)
            .is_err()
        {
            if let Some(f) = f.take() {
                f();
            }
        }
    };
    let callback = wasm_bindgen::closure::Closure::once_into_js(when_idle);
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
        callback.unchecked_ref(),
        delay_ms as i32,
    );
}

/// The size of the app's WebAssembly memory in bytes, for `./dev bench`
/// (called from the page as `wasmBindings.wasm_memory_bytes()`).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    use wasm_bindgen::JsCast;
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|memory| {
            memory
                .buffer()
                .dyn_into::<js_sys::ArrayBuffer>()
                .map_or(0.0, |buffer| f64::from(buffer.byte_length()))
        })
        .unwrap_or(0.0)
}
