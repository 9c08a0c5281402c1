//! The application shell: toolbar, status line, and either the welcome
//! screen or the editor with its outline and preview.

use leptos::ev;
use leptos::prelude::*;

use crate::i18n::Msg;
use crate::keymap::{command, Command};
use crate::platform::{dom, events, page};

use super::editor::Editor;
use super::outline::OutlinePanel;
use super::preview::Preview;
use super::store::Store;
use super::welcome::Welcome;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let store = Store::new();
    provide_context(store);

    Effect::new(move |_| {
        let lang = store.lang.get();
        page::set_title(crate::i18n::t(lang, Msg::DocumentTitle));
        page::set_lang(lang.tag());
    });

    // Undo and redo work wherever the focus is; the browser's own undo in a
    // text field would bypass the document history.
    let listener = window_event_listener(ev::keydown, move |event| {
        if events::is_composing(&event) {
            return;
        }
        match command(&events::key_press(&event), false) {
            Some(Command::Undo) => {
                events::prevent_default(&event);
                store.undo();
            }
            Some(Command::Redo) => {
                events::prevent_default(&event);
                store.redo();
            }
            _ => {}
        }
    });
    on_cleanup(move || listener.remove());

    let has_document = Memo::new(move |_| store.document.with(Option::is_some));

    view! {
        <header class="toolbar">
            <div class="brand">
                <span class="brand-name">{move || store.t(Msg::AppName)}</span>
                <span class="brand-tagline">{move || store.t(Msg::AppTagline)}</span>
            </div>
            <nav class="toolbar-actions" aria-label="Thanh công cụ">
                <Show when=move || has_document.get()>
                    <button
                        type="button"
                        data-testid="undo"
                        title=move || store.t(Msg::UndoLabel)
                        aria-label=move || store.t(Msg::UndoLabel)
                        disabled=move || !store.can_undo.get()
                        on:click=move |_| store.undo()
                    >
                        {move || store.t(Msg::Undo)}
                    </button>
                    <button
                        type="button"
                        data-testid="redo"
                        title=move || store.t(Msg::RedoLabel)
                        aria-label=move || store.t(Msg::RedoLabel)
                        disabled=move || !store.can_redo.get()
                        on:click=move |_| store.redo()
                    >
                        {move || store.t(Msg::Redo)}
                    </button>
                    <button
                        type="button"
                        data-testid="print"
                        title=move || store.t(Msg::PrintLabel)
                        aria-label=move || store.t(Msg::PrintLabel)
                        on:click=move |_| dom::print()
                    >
                        {move || store.t(Msg::Print)}
                    </button>
                    <button
                        type="button"
                        data-testid="close-draft"
                        title=move || store.t(Msg::CloseDraftLabel)
                        aria-label=move || store.t(Msg::CloseDraftLabel)
                        on:click=move |_| store.close()
                    >
                        {move || store.t(Msg::CloseDraft)}
                    </button>
                </Show>
                <button
                    type="button"
                    class="lang-switch"
                    data-testid="lang-switch"
                    aria-label=move || store.t(Msg::SwitchLanguageLabel)
                    on:click=move |_| store.set_lang(store.lang.get().other())
                >
                    {move || store.t(Msg::SwitchLanguage)}
                </button>
            </nav>
        </header>
        <p class="status-line" role="status" aria-live="polite" data-testid="status">
            {move || store.message.get().unwrap_or_default()}
        </p>
        <main id="workspace" class="workspace" data-testid="workspace">
            <Show when=move || has_document.get() fallback=|| view! { <Welcome /> }>
                <div class="editor-layout">
                    <OutlinePanel />
                    <Editor />
                    <Preview />
                </div>
            </Show>
        </main>
    }
}
