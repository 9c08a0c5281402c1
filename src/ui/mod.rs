//! The Leptos interface. Components read state and dispatch edits; they hold
//! no business logic, which lives in the pure core modules.

mod app;
mod check;
mod editor;
mod import;
mod outline;
mod preview;
pub mod store;
mod versions;
mod welcome;

pub use app::App;

/// Mounts the app on `<body>`. Called by `main`.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}
