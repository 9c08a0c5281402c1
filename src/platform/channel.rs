//! Messages between tabs of the app, over the browser's
//! `BroadcastChannel`: a tab about to take a draft over asks the editing
//! tab to save first, and waits for its answer. Browsers without it (very
//! old ones) send nothing, and the take-over goes on after its wait.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::session::TabMessage;

/// The channel's name, shared by every tab of the app on this site.
const CHANNEL: &str = "baocao-tabs";

thread_local! {
    /// The channel this tab sends on (one per page).
    static SENDER: RefCell<Option<web_sys::BroadcastChannel>> = const { RefCell::new(None) };
}

fn channel() -> Option<web_sys::BroadcastChannel> {
    SENDER.with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot.is_none() {
            *slot = web_sys::BroadcastChannel::new(CHANNEL).ok();
        }
        slot.clone()
    })
}

/// Sends `message` to the other tabs.
pub fn post(message: &TabMessage) {
    if let Some(channel) = channel() {
        let _ = channel.post_message(&JsValue::from_str(&message.to_text()));
    }
}

/// Calls `on_message` for every message another tab sends. A channel of
/// its own receives what this tab's sender posts.
pub fn listen(on_message: impl Fn(TabMessage) + 'static) {
    let Ok(receiver) = web_sys::BroadcastChannel::new(CHANNEL) else {
        return;
    };
    let handler =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            if let Some(message) = event
                .data()
                .as_string()
                .and_then(|text| TabMessage::from_text(&text))
            {
                on_message(message);
            }
        });
    receiver.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // Both live as long as the page.
    handler.forget();
    std::mem::forget(receiver);
}
