//! The application shell: toolbar, status line, and either the welcome
//! screen or the editor with its outline and preview.

use leptos::ev;
use leptos::prelude::*;

use crate::i18n::Msg;
use crate::keymap::{command, Command};
use crate::platform::{dom, events, page};

use super::check::CheckPanel;
use super::editor::Editor;
use super::import::{take_files, FileInput, FILE_INPUT_ID};
use super::offline::UpdateBanner;
use super::outline::OutlinePanel;
use super::preview::Preview;
use super::share::ShareDialog;
use super::store::{ExportFormat, SaveStatus, Store};
use super::versions::VersionsPanel;
use crate::persist::library::{KeyValue, StoreError};

/// Which column a narrow screen (a phone) shows: the outline, the form or
/// the preview. Wide screens show all three whatever is chosen; the choice
/// is made with the tab bar and kept while the draft is open.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum View {
    Outline,
    Form,
    Preview,
}

impl View {
    const ALL: [View; 3] = [View::Outline, View::Form, View::Preview];

    /// The name the stylesheet reads (`data-view`) and tests click.
    fn name(self) -> &'static str {
        match self {
            View::Outline => "outline",
            View::Form => "form",
            View::Preview => "preview",
        }
    }

    /// The tab that chooses this view.
    fn tab_id(self) -> String {
        format!("view-tab-{}", self.name())
    }

    /// The tab to the right, and to the left, wrapping around.
    fn next(self) -> View {
        match self {
            View::Outline => View::Form,
            View::Form => View::Preview,
            View::Preview => View::Outline,
        }
    }

    fn previous(self) -> View {
        self.next().next()
    }

    fn label(self) -> Msg {
        match self {
            View::Outline => Msg::ViewOutline,
            View::Form => Msg::ViewForm,
            View::Preview => Msg::ViewPreview,
        }
    }
}

/// The narrow screen's chosen view, given to the panels through context.
#[derive(Clone, Copy)]
pub struct ViewChoice(pub RwSignal<View>);

impl ViewChoice {
    /// The choice the app provides, if any (component tests may mount a
    /// panel alone).
    pub fn of_context() -> Option<Self> {
        use_context::<Self>()
    }

    /// Shows the form, where a jump to a field lands (from the outline or
    /// the check panel). True when another view was chosen: the field is
    /// then shown only at the next render, so it is focused then.
    pub fn show_form(self) -> bool {
        let other = self.0.get_untracked() != View::Form;
        if other {
            self.0.set(View::Form);
        }
        other
    }
}

/// The menu button of a narrow screen, and the toolbar's actions it opens.
const MENU_TOGGLE_ID: &str = "menu-toggle";
const TOOLBAR_ACTIONS_ID: &str = "toolbar-actions";
/// The editing screen's columns, which the narrow screen's tabs choose.
const EDITOR_LAYOUT_ID: &str = "editor-layout";

/// The whole app, over the browser's local storage.
#[component]
pub fn App() -> impl IntoView {
    app_with(Box::new(crate::platform::storage::BrowserStorage))
}

/// The whole app over `kv`: the browser's storage, or a test's store that
/// fails on demand.
pub fn app_with(kv: Box<dyn KeyValue>) -> impl IntoView {
    crate::platform::text::install();
    let store = Store::new(kv);
    provide_context(store);
    let view = RwSignal::new(View::Form);
    provide_context(ViewChoice(view));

    // The tab, and the file name "Save as PDF" suggests, name the open
    // draft. The memo follows typing in the name field, but the title is
    // set only when the name changes.
    let draft_title = Memo::new(move |_| {
        store
            .document
            .with(|document| document.as_ref().map(|document| document.title.clone()))
    });
    Effect::new(move |_| {
        let lang = store.lang.get();
        draft_title.with(|title| page::set_title(&crate::i18n::page_title(lang, title.as_deref())));
        page::set_lang(lang.tag());
    });

    // Opening or closing a draft changes screens: the new one starts at its
    // top, not at the scroll position of the long welcome screen.
    Effect::new(move |previous: Option<Option<String>>| {
        let id = store
            .open_meta
            .with(|meta| meta.as_ref().map(|meta| meta.id.clone()));
        if previous.is_some_and(|previous| previous != id) {
            page::scroll_to_top();
            // A draft opened on a phone starts on its form.
            view.set(View::Form);
        }
        id
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
            Some(Command::OpenFile) => {
                events::prevent_default(&event);
                crate::platform::files::click(FILE_INPUT_ID);
            }
            _ => {}
        }
    });
    on_cleanup(move || listener.remove());

    // Save at once when the page is hidden, left or loses focus: a tab
    // closed right after typing keeps what was typed.
    let flush_on_hide = window_event_listener(ev::pagehide, move |_| store.flush());
    // The browser's own print (Ctrl+P, its menu) prints the preview as it
    // is: typing not yet shown is shown first. The page is laid out for
    // print after this listener and the microtasks that render the change.
    let show_before_print = window_event_listener_untyped("beforeprint", move |_| store.show_now());
    let flush_on_blur = window_event_listener(ev::blur, move |_| store.flush());
    let flush_on_visibility = window_event_listener_untyped("visibilitychange", move |_| {
        if page::is_hidden() {
            store.flush();
        }
    });
    // Changes that could not be saved (storage full or blocked) and were not
    // downloaded: the browser asks before the page goes.
    let ask_before_leaving = window_event_listener_untyped("beforeunload", move |event| {
        if store.leaving_loses_work() {
            events::ask_before_leaving(&event);
        }
    });
    // Another tab wrote to storage: the library and read-only views follow.
    let storage_listener = window_event_listener(ev::storage, move |event| {
        store.on_storage_changed(events::storage_key(&event))
    });
    // Text pasted on the page itself, not in a field, is read as an
    // existing report (checked and previewed first).
    let paste = window_event_listener(ev::paste, move |event| {
        if let Some(text) = events::page_paste_text(&event) {
            events::prevent_default(&event);
            store.import_pasted(&text);
        }
    });
    // A file dropped anywhere on the page is opened (checked first).
    let allow_drop =
        window_event_listener(ev::dragover, move |event| events::prevent_default(&event));
    let drop = window_event_listener(ev::drop, move |event| {
        events::prevent_default(&event);
        take_files(store, crate::platform::files::files_of_drop(&event));
    });
    on_cleanup(move || {
        allow_drop.remove();
        drop.remove();
        paste.remove();
        flush_on_hide.remove();
        show_before_print.remove();
        ask_before_leaving.remove();
        flush_on_blur.remove();
        flush_on_visibility.remove();
        storage_listener.remove();
    });

    let has_document = Memo::new(move |_| store.document.with(Option::is_some));
    // The editing screen fills the window exactly: its columns scroll, the
    // page does not, however many lines the toolbar takes.
    Effect::new(move |_| page::set_body_class("editing", has_document.get()));

    // The toolbar's count of format problems. Checking a long report takes
    // about a millisecond, so while the check panel is closed the count
    // follows the document once typing pauses, not at every keystroke; a
    // newly opened draft is counted at once, and with the panel open the
    // count is live, like the panel.
    let count_problems = move || {
        store.document.with_untracked(|document| {
            document
                .as_deref()
                .map_or(0, |document| crate::conformance::check(document).len())
        })
    };
    let settled_problems = RwSignal::new(0usize);
    let count_generation = StoredValue::new(0u64);
    Effect::new(move |previous: Option<Option<String>>| {
        store.document.track();
        let id = store
            .open_meta
            .with_untracked(|meta| meta.as_ref().map(|meta| meta.id.clone()));
        count_generation.update_value(|generation| *generation += 1);
        let generation = count_generation.get_value();
        if previous.as_ref() != Some(&id) {
            settled_problems.set(count_problems());
        } else {
            set_timeout(
                move || {
                    if count_generation.try_get_value() == Some(generation) {
                        settled_problems.try_set(count_problems());
                    }
                },
                std::time::Duration::from_millis(super::store::SAVE_DEBOUNCE_MS),
            );
        }
        id
    });
    let problem_count = move || {
        if store.check_open.get() {
            store.document.track();
            count_problems()
        } else {
            settled_problems.get()
        }
    };
    let export_open = RwSignal::new(false);
    let export = move |format: ExportFormat| {
        export_open.set(false);
        store.export(format);
    };
    // On a narrow screen the toolbar's actions fold into a menu: a choice
    // in it closes it (but the one that opens the export formats), and so
    // do Escape and a click outside it.
    let menu_open = RwSignal::new(false);
    let keep_menu = StoredValue::new(false);
    let close_menu = move || {
        menu_open.set(false);
        export_open.set(false);
    };
    // The check and versions panels sit above the preview: opening one on
    // a phone shows them.
    let show_side = move |open: bool| {
        if open {
            view.set(View::Preview);
        }
    };

    view! {
        <header
            class="toolbar"
            on:keydown=move |event| {
                if menu_open.get_untracked() && events::key_press(&event).key == "Escape" {
                    close_menu();
                    dom::focus(MENU_TOGGLE_ID);
                }
            }
        >
            <div class="brand">
                <span class="brand-name">{move || store.t(Msg::AppName)}</span>
                <span class="brand-tagline">{move || store.t(Msg::AppTagline)}</span>
            </div>
            <Show when=move || has_document.get()>
                <button
                    type="button"
                    id=MENU_TOGGLE_ID
                    class="menu-toggle"
                    data-testid="menu-toggle"
                    aria-controls=TOOLBAR_ACTIONS_ID
                    aria-expanded=move || if menu_open.get() { "true" } else { "false" }
                    aria-label=move || store.t(Msg::MenuLabel)
                    on:click=move |_| {
                        if menu_open.get_untracked() { close_menu() } else { menu_open.set(true) }
                    }
                >
                    {move || store.t(Msg::Menu)}
                </button>
            </Show>
            <Show when=move || menu_open.get()>
                <div class="menu-backdrop" data-testid="menu-backdrop" on:click=move |_| close_menu()></div>
            </Show>
            <nav
                id=TOOLBAR_ACTIONS_ID
                class="toolbar-actions"
                class:open=move || menu_open.get()
                data-testid="toolbar-actions"
                aria-label=move || store.t(Msg::ToolbarLabel)
                on:click=move |_| {
                    if keep_menu.get_value() {
                        keep_menu.set_value(false);
                    } else if menu_open.get_untracked() {
                        close_menu();
                    }
                }
            >
                <Show when=move || has_document.get()>
                    <span class="save-status" data-testid="save-status" role="status" aria-live="polite">
                        {move || match store.save_status.get() {
                            SaveStatus::Idle => String::new(),
                            SaveStatus::Pending => store.t(Msg::SavePending).to_owned(),
                            SaveStatus::Saved(at) => format!("{} {}", store.t(Msg::SavedAt), crate::platform::clock::local_time(at)),
                            SaveStatus::Failed => store.t(Msg::SaveFailed).to_owned(),
                        }}
                    </span>
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
                        on:click=move |_| store.print()
                    >
                        {move || store.t(Msg::Print)}
                    </button>
                    <button
                        type="button"
                        data-testid="download-draft"
                        on:click=move |_| store.download_draft()
                    >
                        {move || store.t(Msg::DownloadDraft)}
                    </button>
                    <div class="export-menu" data-testid="export-menu">
                        <button
                            type="button"
                            data-testid="export-toggle"
                            aria-expanded=move || if export_open.get() { "true" } else { "false" }
                            on:click=move |_| {
                                keep_menu.set_value(true);
                                export_open.update(|open| *open = !*open);
                                if export_open.get_untracked() {
                                    store.check_open.set(true);
                                }
                            }
                        >
                            {move || store.t(Msg::Export)}
                        </button>
                        <Show when=move || export_open.get()>
                            <div class="export-options" role="group">
                                <button type="button" data-testid="export-docx" on:click=move |_| export(ExportFormat::Docx)>
                                    {move || store.t(Msg::ExportDocx)}
                                </button>
                                <button type="button" data-testid="export-html" on:click=move |_| export(ExportFormat::Html)>
                                    {move || store.t(Msg::ExportHtml)}
                                </button>
                                <button type="button" data-testid="export-markdown" on:click=move |_| export(ExportFormat::Markdown)>
                                    {move || store.t(Msg::ExportMarkdown)}
                                </button>
                                <button type="button" data-testid="export-text" on:click=move |_| export(ExportFormat::Text)>
                                    {move || store.t(Msg::ExportText)}
                                </button>
                            </div>
                        </Show>
                    </div>
                    <button
                        type="button"
                        data-testid="check-toggle"
                        aria-pressed=move || if store.check_open.get() { "true" } else { "false" }
                        on:click=move |_| {
                            store.check_open.update(|open| *open = !*open);
                            show_side(store.check_open.get_untracked());
                            if store.check_open.get_untracked() {
                                store.focus_element(super::check::CHECK_PANEL_ID.to_owned());
                            }
                        }
                    >
                        {move || {
                            format!("{} ({})", store.t(Msg::Check), problem_count())
                        }}
                    </button>
                    <button
                        type="button"
                        data-testid="versions-toggle"
                        aria-pressed=move || if store.versions_open.get() { "true" } else { "false" }
                        aria-label=move || store.t(Msg::VersionsLabel)
                        on:click=move |_| {
                            store.versions_open.update(|open| *open = !*open);
                            show_side(store.versions_open.get_untracked());
                        }
                    >
                        {move || store.t(Msg::Versions)}
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
                    data-testid="open-file"
                    title=move || store.t(Msg::OpenFileLabel)
                    aria-label=move || store.t(Msg::OpenFileLabel)
                    on:click=move |_| crate::platform::files::click(FILE_INPUT_ID)
                >
                    {move || store.t(Msg::OpenFile)}
                </button>
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
        <Show when=move || store.storage_problem.get().is_some()>
            <div class="banner banner-error" role="alert" data-testid="storage-banner">
                <p>
                    {move || store.t(match store.storage_problem.get() {
                        Some(StoreError::QuotaExceeded) => Msg::BannerStorageFull,
                        Some(StoreError::Unavailable) => Msg::BannerStorageUnavailable,
                        _ => Msg::BannerStorageOther,
                    })}
                </p>
                <Show when=move || has_document.get()>
                    <button type="button" data-testid="banner-download" on:click=move |_| store.download_draft()>
                        {move || store.t(Msg::DownloadDraft)}
                    </button>
                </Show>
            </div>
        </Show>
        <UpdateBanner />
        <Show when=move || store.read_only.get() && has_document.get()>
            <div class="banner banner-warning" role="alert" data-testid="read-only-banner">
                <p>
                    {move || {
                        store.t(if store.read_only_taken.get() { Msg::TakenOverElsewhere } else { Msg::OpenInAnotherTab })
                    }}
                </p>
                <button type="button" data-testid="take-over" on:click=move |_| store.take_over()>
                    {move || store.t(Msg::TakeOver)}
                </button>
            </div>
        </Show>
        <Show when=move || {
            store.open_meta.get().is_some_and(|meta| crate::persist::needs_backup_reminder(&meta, crate::platform::clock::epoch_ms()))
        }>
            <div class="banner banner-info" role="status" data-testid="backup-reminder">
                <p>{move || store.t(Msg::BackupReminder)}</p>
                <button type="button" on:click=move |_| store.download_draft()>
                    {move || store.t(Msg::DownloadDraft)}
                </button>
            </div>
        </Show>
        <p class="status-line" role="status" aria-live="polite" data-testid="status">
            {move || store.message.get().unwrap_or_default()}
        </p>
        <Show when=move || has_document.get()>
            <div
                class="view-switch"
                role="tablist"
                data-testid="view-switch"
                aria-label=move || store.t(Msg::ViewSwitchLabel)
                // The arrow keys move between the tabs, as in any tab bar.
                on:keydown=move |event| {
                    let next = match events::key_press(&event).key.as_str() {
                        "ArrowRight" => view.get_untracked().next(),
                        "ArrowLeft" => view.get_untracked().previous(),
                        "Home" => View::Outline,
                        "End" => View::Preview,
                        _ => return,
                    };
                    events::prevent_default(&event);
                    view.set(next);
                    dom::focus(&next.tab_id());
                }
            >
                {View::ALL
                    .into_iter()
                    .map(|choice| {
                        view! {
                            <button
                                type="button"
                                role="tab"
                                id=choice.tab_id()
                                data-testid=format!("view-{}", choice.name())
                                aria-controls=EDITOR_LAYOUT_ID
                                aria-selected=move || if view.get() == choice { "true" } else { "false" }
                                on:click=move |_| view.set(choice)
                            >
                                {move || store.t(choice.label())}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </Show>
        <FileInput />
        <Show when=move || {
            store.incoming.with(Option::is_some)
                || store.import_error.with(Option::is_some)
                || store.import_progress.with(Option::is_some)
        }>
            {super::lazy::lazy_view(store, super::lazy::import_dialog)}
        </Show>
        <ShareDialog />
        <main id="workspace" class="workspace" data-testid="workspace">
            <Show when=move || has_document.get() fallback=move || super::lazy::lazy_view(store, super::lazy::welcome)>
                <div
                    id=EDITOR_LAYOUT_ID
                    class="editor-layout"
                    class:read-only=move || store.read_only.get()
                    data-view=move || view.get().name()
                >
                    <fieldset class="editing-area" disabled=move || store.read_only.get()>
                        <OutlinePanel />
                        <Editor />
                    </fieldset>
                    <div class="side-column">
                        <Show when=move || store.check_open.get()>
                            <CheckPanel />
                        </Show>
                        <Show when=move || store.versions_open.get()>
                            <VersionsPanel />
                        </Show>
                        <Preview />
                    </div>
                </div>
            </Show>
        </main>
    }
}
