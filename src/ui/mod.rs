//! The Leptos interface. Components read state and dispatch edits; they hold
//! no business logic, which lives in the pure core modules.

mod actions;
mod app;
mod beside;
mod bulk;
mod check;
mod consolidate;
mod editor;
mod import;
mod lazy;
mod offline;
mod outline;
mod pictures;
mod preview;
mod sections;
mod share;
pub mod store;
mod table;
mod tabs;
mod versions;
mod welcome;

pub use app::{app_with, App};
pub use bulk::jobs_idle as bulk_jobs_idle;

use leptos::prelude::request_animation_frame;

/// Runs `f` once the next frame has been painted. An animation frame's
/// callbacks run before its paint, so a callback asked for from one of
/// them runs after it: work deferred while a draft opens goes there, so
/// that it does not hold back the first paint of the editor.
pub(crate) fn after_next_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || request_animation_frame(f));
}

/// A dialog's keyboard: Escape does what its cancel button does (`cancel`).
pub(crate) fn dialog_key(event: &leptos::ev::KeyboardEvent, cancel: impl FnOnce()) {
    if crate::platform::events::key_press(event).key == "Escape" {
        crate::platform::events::prevent_default(event);
        cancel();
    }
}

/// Puts the focus in dialog `id` each time `open` turns true, so that the
/// keyboard and a screen reader are in it (the dialog has `tabindex="-1"`).
pub(crate) fn focus_dialog_when_opened(
    store: store::Store,
    id: &'static str,
    open: impl Fn() -> bool + 'static,
) {
    leptos::prelude::Effect::new(move |was_open: Option<bool>| {
        let now = open();
        if now && was_open != Some(true) {
            store.focus_element(id.to_owned());
        }
        now
    });
}

/// Mounts the app on `<body>`. Called by `main`.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}
