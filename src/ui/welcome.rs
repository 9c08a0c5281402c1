//! The welcome screen: the draft library (search, open, duplicate, use for
//! next year's report with the review of the years changed, rename,
//! trash and restore), entries that could not be read, the storage meter
//! (local storage and IndexedDB) with "Xóa dữ liệu trên máy này" and its
//! confirmation, and the outlines to start a new draft from.

use leptos::prelude::*;

use crate::i18n::{bulk_storage_sentence, erase_sentence, format_size, storage_sentence, Msg};
use crate::model::Ruleset;
use crate::persist::{
    search, storage_nearly_full, storage_percent, DraftMeta, LOCAL_STORAGE_CAPACITY_BYTES,
    STORAGE_NEARLY_FULL_PERCENT,
};
use crate::platform::clock;
use crate::template::{builtin, instantiate, seed_sample};

use super::store::{use_store, Store};

fn template_name(store: Store, id: &str) -> String {
    builtin()
        .into_iter()
        .chain(store.user_templates.get_untracked())
        .find(|template| template.id == id)
        .map(|template| template.name)
        .unwrap_or_default()
}

/// One row of the library.
fn draft_row(store: Store, meta: DraftMeta) -> impl IntoView {
    let renaming = RwSignal::new(false);
    let id = meta.id.clone();
    let (open_id, dup_id, trash_id, rename_id) = (id.clone(), id.clone(), id.clone(), id.clone());
    let next_id = id.clone();
    let untitled = meta.title.trim().is_empty();
    let title = meta.title.clone();
    let title = move || {
        if untitled {
            store.t(Msg::Untitled).to_owned()
        } else {
            title.clone()
        }
    };
    let size = meta.size;
    let rename_field = format!("rename-{id}");
    let focus_field = rename_field.clone();
    view! {
        <tr data-testid="library-row">
            <td class="library-title">
                <Show
                    when=move || renaming.get()
                    fallback={
                        let title = title.clone();
                        move || view! { <span data-testid="library-title">{title.clone()}</span> }
                    }
                >
                    <label class="visually-hidden" for=rename_field.clone()>{move || store.t(Msg::RenameLabel)}</label>
                    <input
                        id=rename_field.clone()
                        data-testid="rename-input"
                        prop:value=meta.title.clone()
                        on:keydown={
                            let rename_id = rename_id.clone();
                            move |event| {
                                let key = crate::platform::events::key_press(&event).key;
                                if key == "Enter" && renaming.get_untracked() {
                                    renaming.set(false);
                                    store.rename(&rename_id, &event_target_value(&event));
                                } else if key == "Escape" {
                                    renaming.set(false);
                                }
                            }
                        }
                        // A name typed and left (a click elsewhere, Tab) is
                        // kept too, not only one confirmed with Enter.
                        on:blur={
                            let rename_id = rename_id.clone();
                            let old_title = meta.title.clone();
                            move |event| {
                                let typed = event_target_value(&event);
                                if renaming.get_untracked() && typed != old_title {
                                    renaming.set(false);
                                    store.rename(&rename_id, &typed);
                                }
                            }
                        }
                    />
                </Show>
            </td>
            <td>{template_name(store, &meta.template_id)}</td>
            <td>{clock::local_date_time(meta.edited_ms)}</td>
            <td class="number">{move || format_size(store.lang.get(), size as u64)}</td>
            <td class="library-actions">
                <button type="button" data-testid="library-open" on:click=move |_| store.open_stored(&open_id)>
                    {move || store.t(Msg::Open)}
                </button>
                <button type="button" data-testid="library-duplicate" on:click=move |_| store.duplicate(&dup_id)>
                    {move || store.t(Msg::Duplicate)}
                </button>
                <button
                    type="button"
                    data-testid="library-next-year"
                    title=move || store.t(Msg::UseForNextYearHint)
                    on:click=move |_| store.use_for_next_year(&next_id)
                >
                    {move || store.t(Msg::UseForNextYear)}
                </button>
                <button
                    type="button"
                    data-testid="library-rename"
                    on:click=move |_| {
                        renaming.set(true);
                        store.focus_element_selected(focus_field.clone());
                    }
                >
                    {move || store.t(Msg::Rename)}
                </button>
                <button type="button" class="danger" data-testid="library-trash" on:click=move |_| store.trash(&trash_id)>
                    {move || store.t(Msg::MoveToTrash)}
                </button>
            </td>
        </tr>
    }
}

/// The draft library and the outlines.
#[component]
pub fn Welcome() -> impl IntoView {
    let store = use_store();
    let query = RwSignal::new(String::new());
    let found = Memo::new(move |_| {
        let drafts = store.library.get();
        search(&drafts, &query.get())
            .into_iter()
            .cloned()
            .collect::<Vec<_>>()
    });
    let trashed = Memo::new(move |_| {
        store
            .library
            .get()
            .into_iter()
            .filter(|meta| meta.trashed_ms.is_some())
            .collect::<Vec<_>>()
    });
    let has_drafts = Memo::new(move |_| {
        store
            .library
            .with(|drafts| drafts.iter().any(|m| m.trashed_ms.is_none()))
    });
    let templates = builtin();

    view! {
        <section class="welcome" data-testid="welcome">
            <Show when=move || !has_drafts.get()>
                <div class="empty-workspace" data-testid="empty-workspace">
                    <h1>{move || store.t(Msg::EmptyWorkspaceTitle)}</h1>
                    <p>{move || store.t(Msg::EmptyWorkspaceBody)}</p>
                    <p class="offline-notice">{move || store.t(Msg::OfflineNotice)}</p>
                </div>
            </Show>
            <NextYearReviewPanel />
            <Show when=move || has_drafts.get()>
                <h1 class="library-heading">{move || store.t(Msg::LibraryHeading)}</h1>
                <label class="visually-hidden" for="library-search">{move || store.t(Msg::SearchDrafts)}</label>
                <input
                    id="library-search"
                    type="search"
                    class="library-search"
                    data-testid="library-search"
                    placeholder=move || store.t(Msg::SearchDrafts)
                    on:input=move |event| query.set(event_target_value(&event))
                />
                <table class="library" data-testid="library">
                    <thead>
                        <tr>
                            <th>{move || store.t(Msg::ColumnTitle)}</th>
                            <th>{move || store.t(Msg::ColumnTemplate)}</th>
                            <th>{move || store.t(Msg::ColumnEdited)}</th>
                            <th>{move || store.t(Msg::ColumnSize)}</th>
                            <th></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || found.get() key=|meta| (meta.id.clone(), meta.title.clone(), meta.edited_ms.to_bits()) let:meta>
                            {draft_row(store, meta)}
                        </For>
                    </tbody>
                </table>
            </Show>
            <super::consolidate::ConsolidateButton />
            <Show when=move || !trashed.get().is_empty()>
                <details class="trash" data-testid="trash">
                    <summary>{move || store.t(Msg::TrashHeading)}</summary>
                    <ul>
                        <For each=move || trashed.get() key=|meta| meta.id.clone() let:meta>
                            {
                                let id = meta.id.clone();
                                view! {
                                    <li>
                                        <span>
                                            {if meta.title.trim().is_empty() {
                                                store.t(Msg::Untitled).to_owned()
                                            } else {
                                                meta.title.clone()
                                            }}
                                        </span>
                                        " "
                                        <button type="button" data-testid="trash-restore" on:click=move |_| store.restore_from_trash(&id)>
                                            {move || store.t(Msg::RestoreFromTrash)}
                                        </button>
                                    </li>
                                }
                            }
                        </For>
                    </ul>
                    <button
                        type="button"
                        class="danger"
                        data-testid="empty-trash"
                        on:click=move |_| {
                            // Nothing in the trash comes back after this.
                            if crate::platform::dom::confirm(store.t(Msg::ConfirmEmptyTrash)) {
                                store.empty_trash();
                            }
                        }
                    >
                        {move || store.t(Msg::EmptyTrash)}
                    </button>
                </details>
            </Show>
            <Show when=move || !store.set_aside.get().is_empty()>
                <section class="set-aside" data-testid="set-aside">
                    <h2>{move || store.t(Msg::SetAsideHeading)}</h2>
                    <ul>
                        <For each=move || store.set_aside.get() key=|(key, _)| key.clone() let:entry>
                            {
                                let (key, text) = entry;
                                let bytes = text.len() as u64;
                                let size = move || format_size(store.lang.get(), bytes);
                                let label = key.clone();
                                let remove_key = key.clone();
                                view! {
                                    <li>
                                        <code>{label}</code>
                                        " "
                                        {size}
                                        " "
                                        <button type="button" data-testid="set-aside-download" on:click=move |_| store.download_set_aside(&key, &text)>
                                            {move || store.t(Msg::Download)}
                                        </button>
                                        " "
                                        <button type="button" class="danger" data-testid="set-aside-remove" on:click=move |_| store.remove_set_aside(&remove_key)>
                                            {move || store.t(Msg::RemoveSetAside)}
                                        </button>
                                    </li>
                                }
                            }
                        </For>
                    </ul>
                </section>
            </Show>
            <div class="storage-meter" data-testid="storage-meter">
                {move || {
                    store.library.track();
                    let usage = store.storage_usage();
                    let site = usage.site;
                    let percent = storage_percent(site);
                    let nearly_full = storage_nearly_full(site);
                    let line = storage_sentence(
                        store.lang.get(),
                        site as u64,
                        LOCAL_STORAGE_CAPACITY_BYTES as u64,
                        percent,
                    );
                    view! {
                        <p class="storage-usage">
                            <meter
                                min="0"
                                max=LOCAL_STORAGE_CAPACITY_BYTES.to_string()
                                high=(LOCAL_STORAGE_CAPACITY_BYTES / 100 * STORAGE_NEARLY_FULL_PERCENT as usize).to_string()
                                value=site.to_string()
                            ></meter>
                            " "
                            {line}
                        </p>
                        {nearly_full.then(|| view! {
                            <p class="storage-warning" role="status" data-testid="storage-nearly-full">
                                {store.t(Msg::StorageNearlyFull)}
                            </p>
                        })}
                    }
                }}
                {move || {
                    if store.bulk_in_local.get() {
                        return Some(view! {
                            <p class="storage-usage bulk-usage" data-testid="bulk-in-local">
                                {store.t(Msg::BulkInLocal)}
                            </p>
                        }
                        .into_any());
                    }
                    // With no draft and nothing in the trash, the large store
                    // holds nothing of the user's: the browser's estimate is
                    // its own overhead (it said "244 KB" after everything
                    // was erased), so the line is left out.
                    if store.library.with(Vec::is_empty) {
                        return None;
                    }
                    store.bulk_usage.get().map(|(used, _)| {
                        let line = bulk_storage_sentence(store.lang.get(), used as u64);
                        view! { <p class="storage-usage bulk-usage" data-testid="bulk-usage">{line}</p> }
                            .into_any()
                    })
                }}
                <button
                    type="button"
                    class="danger erase-all"
                    data-testid="erase-all"
                    on:click=move |_| store.ask_erase()
                >
                    {move || store.t(Msg::EraseAll)}
                </button>
            </div>
            <EraseDialog />
            <h2>{move || store.t(Msg::TemplatesHeading)}</h2>
            <ul class="template-grid">
                {move || templates
                    .clone()
                    .into_iter()
                    .chain(store.user_templates.get())
                    .map(|template| {
                        let ruleset = template.document.meta.ruleset;
                        let testid = format!("template-{}", template.id);
                        let name = template.name.clone();
                        let description = template.description.clone();
                        view! {
                            <li class="template-card">
                                <h3>{name}</h3>
                                <p class="template-ruleset">
                                    {move || store.t(match ruleset {
                                        Ruleset::Party => Msg::PartyRuleset,
                                        Ruleset::State => Msg::StateRuleset,
                                    })}
                                </p>
                                <p>{description}</p>
                                <button
                                    type="button"
                                    data-testid=testid
                                    on:click=move |_| store.open_new(instantiate(&template))
                                >
                                    {move || store.t(Msg::UseTemplate)}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <h2>{move || store.t(Msg::SampleHeading)}</h2>
            <div class="template-card sample-card">
                <p>{crate::template::seed_sample_name()}</p>
                <button
                    type="button"
                    data-testid="open-sample"
                    on:click=move |_| store.open_new(seed_sample())
                >
                    {move || store.t(Msg::OpenSample)}
                </button>
            </div>
            <PasteBox />
        </section>
    }
}

/// The confirmation of "Xóa dữ liệu trên máy này": what would be removed,
/// counted, with the download of everything offered first.
#[component]
fn EraseDialog() -> impl IntoView {
    let store = use_store();
    super::focus_dialog_when_opened(store, "erase-dialog", move || {
        store.erase_plan.with(Option::is_some)
    });
    move || {
        store.erase_plan.get().map(|plan| {
            let counts = move || erase_sentence(store.lang.get(), &plan);
            view! {
                <div class="dialog-backdrop">
                    <section
                        id="erase-dialog"
                        tabindex="-1"
                        class="dialog erase-dialog"
                        role="dialog"
                        aria-modal="true"
                        aria-labelledby="erase-heading"
                        data-testid="erase-dialog"
                        on:keydown=move |event| super::dialog_key(&event, || store.cancel_erase())
                    >
                        <h2 id="erase-heading">{move || store.t(Msg::EraseHeading)}</h2>
                        <p data-testid="erase-counts">{counts}</p>
                        <p class="hint">{move || store.t(Msg::EraseCannotUndo)}</p>
                        <div class="dialog-actions">
                            <button
                                type="button"
                                class="primary"
                                data-testid="erase-download"
                                on:click=move |_| store.download_everything()
                            >
                                {move || store.t(Msg::EraseDownloadFirst)}
                            </button>
                            <button
                                type="button"
                                class="danger"
                                data-testid="erase-confirm"
                                on:click=move |_| store.erase_everything()
                            >
                                {move || store.t(Msg::EraseConfirm)}
                            </button>
                            <button type="button" data-testid="erase-cancel" on:click=move |_| store.cancel_erase()>
                                {move || store.t(Msg::EraseCancel)}
                            </button>
                        </div>
                    </section>
                </div>
            }
        })
    }
}

/// Next year's draft just made: what was kept and cleared, each year
/// changed to review, and the button that opens it.
#[component]
fn NextYearReviewPanel() -> impl IntoView {
    let store = use_store();
    move || {
        store.next_year_review.get().map(|review| {
            let id = review.id.clone();
            let lang = store.lang.get();
            let none = review.changes.is_empty();
            let changes = review
                .changes
                .iter()
                .map(|(change, reference)| {
                    let line = crate::i18n::year_change(lang, change, reference);
                    view! { <li data-testid="next-year-change">{line}</li> }
                })
                .collect_view();
            view! {
                <section class="next-year-review" role="region" aria-labelledby="next-year-heading" data-testid="next-year-review">
                    <h2 id="next-year-heading">{store.t(Msg::NextYearHeading)}": "{review.title.clone()}</h2>
                    <p>{store.t(Msg::NextYearIntro)}</p>
                    {if none {
                        view! { <p data-testid="next-year-no-change">{store.t(Msg::NextYearNoChanges)}</p> }.into_any()
                    } else {
                        view! {
                            <p>{store.t(Msg::NextYearChangesHeading)}</p>
                            <ul class="next-year-changes">{changes}</ul>
                        }
                        .into_any()
                    }}
                    <p class="hint">{store.t(Msg::NextYearKept)}</p>
                    <div class="next-year-actions">
                        <button
                            type="button"
                            class="primary"
                            data-testid="next-year-open"
                            on:click=move |_| {
                                store.next_year_review.set(None);
                                store.open_stored(&id);
                            }
                        >
                            {store.t(Msg::OpenNewDraft)}
                        </button>
                        <button type="button" data-testid="next-year-close" on:click=move |_| store.next_year_review.set(None)>
                            {store.t(Msg::CloseReview)}
                        </button>
                    </div>
                </section>
            }
        })
    }
}

/// A box to paste an existing report into, and the button that reads it.
#[component]
fn PasteBox() -> impl IntoView {
    let store = use_store();
    let text = RwSignal::new(String::new());
    view! {
        <h2>{move || store.t(Msg::PasteHeading)}</h2>
        <div class="template-card paste-card">
            <p class="hint">{move || store.t(Msg::PasteHint)}</p>
            <label class="visually-hidden" for="paste-text">{move || store.t(Msg::PasteLabel)}</label>
            <textarea
                id="paste-text"
                data-testid="paste-text"
                rows="6"
                spellcheck="false"
                prop:value=move || text.get()
                on:input=move |event| text.set(crate::platform::events::input_value(&event))
            ></textarea>
            <button
                type="button"
                data-testid="paste-read"
                on:click=move |_| store.import_pasted(&text.get_untracked())
            >
                {move || store.t(Msg::PasteRead)}
            </button>
        </div>
    }
}
