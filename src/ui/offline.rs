//! The offline copy in the interface: registers the service worker, shows
//! "Có phiên bản mới" when a new version waits (the rules are
//! `crate::offline::Update`), and opens the files the system hands the
//! installed app like a file picked with "Mở tệp…".

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::offline::{Update as UpdateState, UpdateStep};
use crate::platform::offline;

use super::import::take_files;
use super::store::use_store;

/// The banner of a new version, and the worker's wiring behind it.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let store = use_store();
    let update = RwSignal::new(UpdateState::default());
    offline::register(
        move |controlled| update.update(|u| *u = u.installed(controlled)),
        move || {
            if update.get_untracked().reloads_on_new_controller() {
                offline::reload();
            }
        },
    );
    offline::on_launch_files(move |files| take_files(store, files));

    let reload = move |_| {
        // Saves what waits first; a page that could not save stays.
        let (next, step) = update.get_untracked().clicked(store.leaving_loses_work());
        update.set(next);
        match step {
            UpdateStep::Activate => {
                if !offline::activate_waiting() {
                    offline::reload();
                }
            }
            UpdateStep::KeepUnsavedWork => store.say(Msg::UpdateWaitsForSave),
        }
    };
    view! {
        <Show when=move || update.get().banner()>
            <div class="banner banner-info" role="status" data-testid="update-banner">
                <p>{move || store.t(Msg::UpdateAvailable)}</p>
                <button type="button" data-testid="update-reload" on:click=reload>
                    {move || store.t(Msg::UpdateReload)}
                </button>
            </div>
        </Show>
    }
}
