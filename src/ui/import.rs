//! Opening a file: the hidden file picker, and the dialog that previews a
//! checked file (title, sections, size) or says why it cannot be opened.
//! Nothing is stored until the user confirms.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::platform::files::{self, FileRead};
use crate::transfer::{ImportError, MAX_FILE_BYTES};

use super::store::{use_store, Store};

/// The id of the hidden file input that Ctrl+O and "Mở tệp…" click.
pub const FILE_INPUT_ID: &str = "file-input";

/// Reads the file the user picked or dropped and checks it.
pub fn take_files(store: Store, files: files::PickedFiles) {
    files::read_first(files, MAX_FILE_BYTES, move |read| match read {
        FileRead::Bytes(bytes) => store.import_bytes(&bytes),
        FileRead::TooLarge(bytes) => store.show_import_error(&ImportError::TooLarge { bytes }),
        FileRead::Failed => store.show_import_error(&ImportError::NotText),
    });
}

/// The hidden `<input type=file>`.
#[component]
pub fn FileInput() -> impl IntoView {
    let store = use_store();
    view! {
        <input
            id=FILE_INPUT_ID
            type="file"
            class="visually-hidden"
            tabindex="-1"
            aria-hidden="true"
            accept=".json,.txt,.html,application/json,text/plain,text/html"
            data-testid="file-input"
            on:change=move |event| {
                take_files(store, files::files_of_input(&event));
                files::reset_input(&event);
            }
        />
    }
}

/// The header and signature fields a text import filled, so the user sees
/// them before confirming.
fn frame_rows(store: Store, document: &crate::model::Document) -> impl IntoView {
    let meta = &document.meta;
    let closing = &document.closing;
    let number = if meta.number_symbol.is_empty() {
        String::new()
    } else {
        let date = crate::rules::date_line(&meta.place, &meta.date);
        format!("{} — {}", meta.number_symbol, date.trim())
    };
    let signer = [
        closing.signing_authority.as_str(),
        closing.position.as_str(),
        closing.signer_name.as_str(),
    ]
    .into_iter()
    .filter(|part| !part.is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    [
        (
            Msg::ImportIssuingBody,
            meta.issuing_body.clone(),
            "import-issuing-body",
        ),
        (Msg::ImportNumber, number, "import-number"),
        (Msg::ImportSigner, signer, "import-signer"),
    ]
    .into_iter()
    .filter(|(_, value, _)| !value.is_empty())
    .map(|(label, value, testid)| {
        view! {
            <dt>{move || store.t(label)}</dt>
            <dd data-testid=testid>{value}</dd>
        }
    })
    .collect_view()
}

/// The preview or error dialog.
#[component]
pub fn ImportDialog() -> impl IntoView {
    let store = use_store();
    let has_document = Memo::new(move |_| store.document.with(Option::is_some));
    view! {
        <Show when=move || store.incoming.with(Option::is_some) || store.import_error.with(Option::is_some)>
            <div class="dialog-backdrop">
                <section class="dialog" role="dialog" aria-modal="true" aria-labelledby="import-heading" data-testid="import-dialog">
                    <h2 id="import-heading">{move || store.t(Msg::ImportHeading)}</h2>
                    {move || {
                        store.import_error.get().map(|error| view! { <p class="problem" role="alert" data-testid="import-error">{error}</p> })
                    }}
                    {move || {
                        store.incoming.get().map(|incoming| {
                            let kind = if incoming.is_template { Msg::ImportTemplateKind } else { Msg::ImportDraftKind };
                            view! {
                                <dl class="import-preview" data-testid="import-preview">
                                    <dt>{move || store.t(kind)}</dt>
                                    <dd data-testid="import-title">{incoming.title.clone()}</dd>
                                    <dt>{move || store.t(Msg::ImportSections)}</dt>
                                    <dd data-testid="import-sections">{incoming.sections}</dd>
                                    <dt>{move || store.t(Msg::ImportSize)}</dt>
                                    <dd>{format!("{:.1} KB", incoming.bytes as f64 / 1024.0)}</dd>
                                    {frame_rows(store, &incoming.document)}
                                </dl>
                                {incoming.converted_from.map(|_| view! {
                                    <p class="notice" role="status" data-testid="import-converted">{move || store.t(Msg::ImportConvertedTcvn3)}</p>
                                })}
                                <Show when={
                                    let empty = incoming.unplaced.is_empty();
                                    move || !empty
                                }>
                                    <p class="hint">{move || store.t(Msg::ImportUnplaced)}</p>
                                    <ul class="unplaced" data-testid="import-unplaced">
                                        {incoming.unplaced.iter().map(|line| view! { <li>{line.clone()}</li> }).collect_view()}
                                    </ul>
                                </Show>
                            }
                        })
                    }}
                    <div class="dialog-actions">
                        <Show when=move || store.incoming.with(|i| i.as_ref().is_some_and(|i| !i.is_template))>
                            <button type="button" class="primary" data-testid="import-as-new" on:click=move |_| store.accept_import(false)>
                                {move || store.t(Msg::ImportAsNew)}
                            </button>
                            <Show when=move || has_document.get()>
                                <button type="button" data-testid="import-replace" title=move || store.t(Msg::ImportReplaceHint) on:click=move |_| store.accept_import(true)>
                                    {move || store.t(Msg::ImportReplace)}
                                </button>
                            </Show>
                        </Show>
                        <Show when=move || store.incoming.with(|i| i.as_ref().is_some_and(|i| i.is_template))>
                            <button type="button" class="primary" data-testid="import-add-template" on:click=move |_| store.accept_import(false)>
                                {move || store.t(Msg::ImportAddTemplate)}
                            </button>
                        </Show>
                        <button
                            type="button"
                            data-testid="import-cancel"
                            on:click=move |_| {
                                store.incoming.set(None);
                                store.import_error.set(None);
                            }
                        >
                            {move || store.t(Msg::Cancel)}
                        </button>
                    </div>
                </section>
            </div>
        </Show>
    }
}
