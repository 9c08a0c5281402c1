//! The local versions panel: automatic snapshots of the open draft, with
//! their time and size, each restorable (and the restore undoable).

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::persist::SnapshotReason;
use crate::platform::clock;

use super::store::use_store;

#[component]
pub fn VersionsPanel() -> impl IntoView {
    let store = use_store();
    // Read when the panel opens; the store reads them again after each
    // save while it is open. (A memo must not write: reading the versions
    // first writes the "on open" one.)
    Effect::new(move |_| store.refresh_versions());
    let versions = store.versions;
    view! {
        <section class="versions-panel" data-testid="versions-panel" aria-label=move || store.t(Msg::VersionsLabel)>
            <h2 class="column-heading">{move || store.t(Msg::VersionsHeading)}</h2>
            <Show when=move || versions.with(Vec::is_empty)>
                <p class="hint">{move || store.t(Msg::NoVersions)}</p>
            </Show>
            <ol class="versions-list">
                {move || {
                    versions
                        .get()
                        .into_iter()
                        .map(|snapshot| {
                            let size = serde_json::to_string(&snapshot.document).map_or(0, |text| text.len());
                            let reason = match snapshot.reason {
                                SnapshotReason::Opened => Msg::ReasonOpened,
                                SnapshotReason::Periodic => Msg::ReasonPeriodic,
                                SnapshotReason::BeforeRestore => Msg::ReasonBeforeRestore,
                                SnapshotReason::BeforeImport => Msg::ReasonBeforeImport,
                            };
                            let when = clock::local_date_time(snapshot.taken_ms);
                            let title = snapshot.document.title.clone();
                            view! {
                                <li data-testid="version">
                                    <span class="version-time">{when}</span>
                                    " · "
                                    <span>{move || store.t(reason)}</span>
                                    " · "
                                    <span>{move || crate::i18n::format_size(store.lang.get(), size as u64)}</span>
                                    <span class="version-title">{title}</span>
                                    <button
                                        type="button"
                                        data-testid="version-restore"
                                        on:click=move |_| store.restore_version(snapshot.clone())
                                    >
                                        {move || store.t(Msg::RestoreVersion)}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
        </section>
    }
}
