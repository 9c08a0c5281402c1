//! The dialog an in-app browser (Zalo, Facebook, Messenger) shows in place
//! of a download, which cannot start there: what happened, a "Chia sẻ tệp"
//! button that hands the file to the share sheet where the browser can
//! (`Store::share_outgoing`), and how to open the page in a real browser
//! (the ⋯ menu; the draft does not follow, so its file goes first).
//!
//! No Android intent link ("intent://…#Intent;scheme=https;end") is
//! offered: the browser it opens does not have the draft, which lives in
//! this in-app browser's storage, so the link alone would look like lost
//! work; and the apps handle such links differently from version to
//! version (blocked, an error page), which cannot be tested here. The ⋯
//! menu works in every one of them, on Android and iOS alike.

use leptos::prelude::*;

use crate::i18n::Msg;

use super::store::use_store;

#[component]
pub fn ShareDialog() -> impl IntoView {
    let store = use_store();
    super::focus_dialog_when_opened(store, "share-dialog", move || {
        store.outgoing.with(Option::is_some)
    });
    let can_share = move || {
        store
            .outgoing
            .with(|o| o.as_ref().is_some_and(|o| o.can_share))
    };
    view! {
        <Show when=move || store.outgoing.with(Option::is_some)>
            <div class="dialog-backdrop share-backdrop">
                <section
                    id="share-dialog"
                    tabindex="-1"
                    class="dialog share-dialog"
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby="share-heading"
                    data-testid="inapp-download"
                    on:keydown=move |event| super::dialog_key(&event, || store.outgoing.set(None))
                    data-app=move || store.outgoing.with(|o| o.as_ref().map(|o| o.app))
                >
                    <h2 id="share-heading">{move || store.t(Msg::InAppHeading)}</h2>
                    <p class="problem" role="alert" data-testid="inapp-message">
                        {move || store.t(Msg::InAppCannotDownload)}
                    </p>
                    <p class="share-file-name" data-testid="inapp-file-name">
                        {move || store.outgoing.with(|o| o.as_ref().map(|o| o.name.clone()))}
                    </p>
                    <Show
                        when=can_share
                        fallback=move || view! { <p class="hint" data-testid="inapp-cannot-share">{move || store.t(Msg::InAppCannotShare)}</p> }
                    >
                        <p class="hint">{move || store.t(Msg::InAppShareHint)}</p>
                    </Show>
                    <h3>{move || store.t(Msg::InAppOpenHeading)}</h3>
                    <p>{move || store.t(Msg::InAppOpenHow)}</p>
                    <p class="hint">{move || store.t(Msg::InAppOpenDraft)}</p>
                    <div class="dialog-actions">
                        <Show when=can_share>
                            <button type="button" class="primary" data-testid="inapp-share" on:click=move |_| store.share_outgoing()>
                                {move || store.t(Msg::InAppShareFile)}
                            </button>
                        </Show>
                        <button type="button" data-testid="inapp-close" on:click=move |_| store.outgoing.set(None)>
                            {move || store.t(Msg::InAppClose)}
                        </button>
                    </div>
                </section>
            </div>
        </Show>
    }
}
