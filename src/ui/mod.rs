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

/// Mounts the app on `<body>`. Called by `main`.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}
