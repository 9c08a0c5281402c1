//! The application shell: toolbar, language switch and workspace.

use leptos::prelude::*;

use crate::i18n::{t, Lang, Msg};
use crate::platform::{page, storage};

/// The storage key of the remembered interface language.
const LANG_KEY: &str = "baocao.lang";

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let stored = storage::get::<String>(LANG_KEY).ok().flatten();
    let lang = RwSignal::new(stored.as_deref().map(Lang::from_tag).unwrap_or_default());

    Effect::new(move |_| {
        let lang = lang.get();
        page::set_title(t(lang, Msg::DocumentTitle));
        page::set_lang(lang.tag());
    });

    let switch_language = move |_| {
        let next = lang.get().other();
        lang.set(next);
        // A preference that cannot be stored is not worth an error: the
        // switch still works for this session.
        let _ = storage::set(LANG_KEY, &next.tag().to_owned());
    };

    view! {
        <header class="toolbar" role="banner">
            <div class="brand">
                <span class="brand-name">{move || t(lang.get(), Msg::AppName)}</span>
                <span class="brand-tagline">{move || t(lang.get(), Msg::AppTagline)}</span>
            </div>
            <button
                type="button"
                class="lang-switch"
                data-testid="lang-switch"
                on:click=switch_language
            >
                {move || t(lang.get(), Msg::SwitchLanguage)}
            </button>
        </header>
        <main id="workspace" class="workspace" data-testid="workspace">
            <section class="empty-workspace" data-testid="empty-workspace">
                <h1>{move || t(lang.get(), Msg::EmptyWorkspaceTitle)}</h1>
                <p>{move || t(lang.get(), Msg::EmptyWorkspaceBody)}</p>
                <p class="offline-notice">{move || t(lang.get(), Msg::OfflineNotice)}</p>
            </section>
        </main>
    }
}
