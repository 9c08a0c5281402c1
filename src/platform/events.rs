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

/// Tells whether an input method is composing text (the key press belongs to
/// the input method, not to the editor).
pub fn is_composing(event: &web_sys::KeyboardEvent) -> bool {
    event.is_composing()
}
