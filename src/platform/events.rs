//! Reading browser events into plain values for the core.

use crate::keymap::KeyPress;

/// The key press of a `keydown` event.
pub fn key_press(event: &web_sys::KeyboardEvent) -> KeyPress {
    KeyPress {
        key: event.key(),
        ctrl: event.ctrl_key(),
        shift: event.shift_key(),
        alt: event.alt_key(),
        meta: event.meta_key(),
    }
}

/// Stops the browser's own handling of an event (its undo, its Tab).
pub fn prevent_default(event: &web_sys::Event) {
    event.prevent_default();
}

/// Keeps an event to the element it reached: the browser's own handling
/// and the page's listeners (a drop zone's file is not also opened by the
/// page-wide drop).
pub fn keep_here(event: &web_sys::Event) {
    event.prevent_default();
    event.stop_propagation();
}

/// Makes the browser ask before the page is left or closed (from a
/// `beforeunload` listener). Browsers show their own wording; the return
/// value is set too, which older ones need.
pub fn ask_before_leaving(event: &web_sys::Event) {
    event.prevent_default();
    let _ = js_sys::Reflect::set(
        event,
        &wasm_bindgen::JsValue::from_str("returnValue"),
        &wasm_bindgen::JsValue::from_str("unsaved"),
    );
}

/// The plain text of a `paste` event aimed at the page itself, not at a
/// field or editable element (whose paste is the browser's own).
pub fn page_paste_text(event: &web_sys::ClipboardEvent) -> Option<String> {
    use wasm_bindgen::JsCast;
    let in_field = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|element| {
            matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || element.is_content_editable()
        });
    if in_field {
        return None;
    }
    let text = event.clipboard_data()?.get_data("text/plain").ok()?;
    (!text.trim().is_empty()).then_some(text)
}

/// Tells whether an input method is composing text (the key press belongs to
/// the input method, not to the editor).
pub fn is_composing(event: &web_sys::KeyboardEvent) -> bool {
    event.is_composing()
}

/// The value of the field an `input` event came from, in NFC. When the
/// browser delivered decomposed text (Unikey's "Unicode tổ hợp", macOS), the
/// field itself is rewritten in NFC with the caret kept after the same
/// letters, so that the model's NFC text and the field never disagree and
/// the caret never jumps to the end.
pub fn input_value(event: &web_sys::Event) -> String {
    use wasm_bindgen::JsCast;
    let Some(target) = event.target() else {
        return String::new();
    };
    if let Some(area) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return normalise_field(
            area.value(),
            area.selection_start().ok().flatten(),
            |value| area.set_value(value),
            |caret| {
                let _ = area.set_selection_range(caret, caret);
            },
        );
    }
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return normalise_field(
            input.value(),
            input.selection_start().ok().flatten(),
            |value| input.set_value(value),
            |caret| {
                let _ = input.set_selection_range(caret, caret);
            },
        );
    }
    String::new()
}

/// Rewrites a field's `value` in NFC when it is not, keeping the caret.
fn normalise_field(
    value: String,
    caret: Option<u32>,
    set_value: impl FnOnce(&str),
    set_caret: impl FnOnce(u32),
) -> String {
    if crate::text::is_nfc(&value) {
        return value;
    }
    let (normalised, caret) = normalise_with_caret(&value, caret);
    set_value(&normalised);
    if let Some(caret) = caret {
        set_caret(caret);
    }
    normalised
}

/// NFC of `value`, and where a caret at UTF-16 offset `caret` lands in it.
fn normalise_with_caret(value: &str, caret: Option<u32>) -> (String, Option<u32>) {
    let normalised = crate::text::to_nfc(value);
    let caret = caret.map(|caret| {
        let mut units = 0u32;
        let mut prefix_end = value.len();
        for (at, c) in value.char_indices() {
            if units >= caret {
                prefix_end = at;
                break;
            }
            units += c.len_utf16() as u32;
        }
        crate::text::to_nfc(&value[..prefix_end])
            .encode_utf16()
            .count() as u32
    });
    (normalised, caret)
}

/// The key a `storage` event (another tab wrote to local storage) is about;
/// `None` when the whole storage was cleared.
pub fn storage_key(event: &web_sys::StorageEvent) -> Option<String> {
    event.key()
}

/// What a `paste` event carries: its plain text and, when the program it
/// came from put one there (Excel, LibreOffice Calc, Word), its HTML.
pub fn clipboard_contents(event: &web_sys::ClipboardEvent) -> (String, Option<String>) {
    let Some(data) = event.clipboard_data() else {
        return (String::new(), None);
    };
    let text = data.get_data("text/plain").unwrap_or_default();
    let html = data
        .get_data("text/html")
        .ok()
        .filter(|html| !html.trim().is_empty());
    (text, html)
}

/// Whether the caret of the text field a key event came from stands at the
/// start and at the end of its text (with nothing selected).
pub fn caret_at_edges(event: &web_sys::KeyboardEvent) -> (bool, bool) {
    use wasm_bindgen::JsCast;
    let Some(input) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return (false, false);
    };
    let start = input.selection_start().ok().flatten();
    let end = input.selection_end().ok().flatten();
    let length = input.value().encode_utf16().count() as u32;
    match (start, end) {
        (Some(start), Some(end)) if start == end => (start == 0, end == length),
        _ => (false, false),
    }
}

/// Puts `value` back into the field an event came from (a change the
/// document refused, such as typing into a computed cell).
pub fn restore_value(event: &web_sys::Event, value: &str) {
    use wasm_bindgen::JsCast;
    if let Some(input) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.set_value(value);
    }
}
