//! Opening a file: the hidden file picker, and the dialog that previews a
//! checked file (title, sections, size, and what was found: the header
//! fields, missing ones named, the parts, items, tables, the encoding, the
//! lines not placed) with the ruleset to open it with, or says why it
//! cannot be opened. A long text shows its reading's progress. Nothing is
//! stored until the user confirms.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::model::Ruleset;
use crate::platform::files::{self, FileRead};
use crate::transfer::{Found, HeaderField, ImportError};

use super::store::{use_store, Store};

/// The id of the hidden file input that Ctrl+O and "Mở tệp…" click.
pub const FILE_INPUT_ID: &str = "file-input";

/// Reads the file the user picked or dropped and checks it.
pub fn take_files(store: Store, files: files::PickedFiles) {
    // A Word file may be larger than a draft or a text (its pictures); each
    // kind's own limit is checked on its bytes.
    let limit = crate::transfer::MAX_DRAFT_FILE_BYTES.max(crate::import_docx::MAX_DOCX_BYTES);
    files::read_first(files, limit, move |read| match read {
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
            accept=".json,.txt,.html,.docx,.odt,.doc,.rtf,.pdf,application/json,text/plain,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            data-testid="file-input"
            on:change=move |event| {
                take_files(store, files::files_of_input(&event));
                files::reset_input(&event);
            }
        />
    }
}

/// The label and test id of a header field in the summary.
fn field_label(field: HeaderField) -> (Msg, &'static str) {
    match field {
        HeaderField::SuperiorBody => (Msg::ImportSuperiorBody, "import-superior-body"),
        HeaderField::IssuingBody => (Msg::ImportIssuingBody, "import-issuing-body"),
        HeaderField::NumberSymbol => (Msg::ImportNumber, "import-number"),
        HeaderField::PlaceDate => (Msg::ImportPlaceDate, "import-place-date"),
        HeaderField::Title => (Msg::ImportDocTitle, "import-doc-title"),
        HeaderField::Subject => (Msg::ImportSubject, "import-subject"),
        HeaderField::Signer => (Msg::ImportSigner, "import-signer"),
        HeaderField::Recipients => (Msg::ImportRecipients, "import-recipients"),
    }
}

/// What the import found: the header and closing fields (missing ones
/// said so, for the clerk to fill in), the structure's figures, the
/// encoding, the pictures left out.
fn found_summary(store: Store, found: &Found) -> impl IntoView {
    // The title is the summary's first line already.
    let fields = found
        .fields
        .iter()
        .filter(|field| field.field != HeaderField::Title)
        .map(|field| {
            let (label, testid) = field_label(field.field);
            let missing = field.is_missing();
            let value = field.value.clone();
            view! {
                <dt>{move || store.t(label)}</dt>
                <dd data-testid=testid class:missing=missing data-missing=missing.then_some("true")>
                    {move || if missing { store.t(Msg::ImportMissing).to_owned() } else { value.clone() }}
                </dd>
            }
        })
        .collect_view();
    let figures = [
        (Msg::ImportDivisions, found.divisions, "import-divisions"),
        (Msg::ImportParts, found.parts, "import-parts"),
        (Msg::ImportItems, found.items, "import-items"),
        (Msg::ImportPoints, found.points, "import-points"),
        (Msg::ImportTables, found.tables, "import-tables"),
        (Msg::ImportAppendices, found.appendices, "import-appendices"),
    ];
    let heads = figures
        .iter()
        .map(|(label, _, _)| {
            let label = *label;
            view! { <th scope="col">{move || store.t(label)}</th> }
        })
        .collect_view();
    let counts = figures
        .iter()
        .map(|(_, count, testid)| view! { <td data-testid=*testid>{*count}</td> })
        .collect_view();
    let converted = found.converted;
    let pictures = found.pictures_unplaced;
    view! {
        <h3 class="import-found-heading">{move || store.t(Msg::ImportFoundHeading)}</h3>
        <dl class="import-preview import-found" data-testid="import-found">
            {fields}
            <dt>{move || store.t(Msg::ImportEncoding)}</dt>
            <dd data-testid="import-encoding">{move || crate::i18n::describe_converted(store.lang.get(), converted)}</dd>
            {(pictures > 0).then(|| view! {
                <dt>{move || store.t(Msg::ImportPicturesUnplaced)}</dt>
                <dd data-testid="import-pictures-unplaced">{pictures}</dd>
            })}
        </dl>
        <table class="import-figures" data-testid="import-figures">
            <caption>{move || store.t(Msg::ImportStructure)}</caption>
            <thead><tr>{heads}</tr></thead>
            <tbody><tr>{counts}</tr></tbody>
        </table>
    }
}

/// The choice of ruleset the draft opens with; the import's own guess
/// first.
fn ruleset_choice(store: Store, ruleset: Ruleset) -> impl IntoView {
    view! {
        <div class="form-row import-ruleset">
            <label for="import-ruleset">{move || store.t(Msg::ImportRulesetLabel)}</label>
            <select
                id="import-ruleset"
                data-testid="import-ruleset"
                on:change=move |event| {
                    let ruleset = if event_target_value(&event) == "state" { Ruleset::State } else { Ruleset::Party };
                    store.choose_import_ruleset(ruleset);
                }
            >
                <option value="party" selected=ruleset == Ruleset::Party>{move || store.t(Msg::PartyRuleset)}</option>
                <option value="state" selected=ruleset == Ruleset::State>{move || store.t(Msg::StateRuleset)}</option>
            </select>
        </div>
    }
}

/// The preview or error dialog.
#[component]
pub fn ImportDialog() -> impl IntoView {
    let store = use_store();
    super::focus_dialog_when_opened(store, "import-dialog", move || {
        store.incoming.with(Option::is_some)
            || store.import_error.with(Option::is_some)
            || store.import_progress.with(Option::is_some)
    });
    let has_document = Memo::new(move |_| store.document.with(Option::is_some));
    // The summary is built again only when the file changes, not when the
    // ruleset is chosen in it (the choice keeps its focus).
    let summary = Memo::new(move |_| {
        store.incoming.with(|incoming| {
            incoming.as_ref().map(|incoming| {
                let mut found = incoming.found();
                found.ruleset = Ruleset::default();
                (incoming.bytes, incoming.title.clone(), found)
            })
        })
    });
    view! {
        <Show when=move || {
            store.incoming.with(Option::is_some)
                || store.import_error.with(Option::is_some)
                || store.import_progress.with(Option::is_some)
        }>
            <div class="dialog-backdrop">
                <section
                    id="import-dialog"
                    tabindex="-1"
                    class="dialog"
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby="import-heading"
                    data-testid="import-dialog"
                    on:keydown=move |event| super::dialog_key(&event, || store.cancel_import())
                >
                    <h2 id="import-heading">{move || store.t(Msg::ImportHeading)}</h2>
                    {move || {
                        store.import_progress.get().map(|percent| view! {
                            <p class="notice" role="status" data-testid="import-progress">
                                {move || store.t(Msg::ImportReading)} " " {percent} " %"
                                <progress max="100" value=percent></progress>
                            </p>
                        })
                    }}
                    {move || {
                        store.import_error.get().map(|error| view! { <p class="problem" role="alert" data-testid="import-error">{error}</p> })
                    }}
                    {move || {
                        summary.with(|_| ());
                        store.incoming.with_untracked(|incoming| incoming.as_ref().map(|incoming| {
                            let kind = if incoming.is_template { Msg::ImportTemplateKind } else { Msg::ImportDraftKind };
                            let found = (!incoming.is_template).then(|| incoming.found());
                            let unplaced = incoming.unplaced.clone();
                            let few = unplaced.len() <= 10;
                            view! {
                                <dl class="import-preview" data-testid="import-preview">
                                    <dt>{move || store.t(kind)}</dt>
                                    {
                                        // The title heads the summary; an empty one is named
                                        // missing like the header fields below.
                                        let title = incoming.title.trim().to_owned();
                                        let missing = title.is_empty() && !incoming.is_template;
                                        view! {
                                            <dd data-testid="import-title" class:missing=missing data-missing=missing.then_some("true")>
                                                {move || if missing { store.t(Msg::ImportMissing).to_owned() } else { title.clone() }}
                                            </dd>
                                        }
                                    }
                                    <dt>{move || store.t(Msg::ImportSections)}</dt>
                                    <dd data-testid="import-sections">{incoming.sections}</dd>
                                    <dt>{move || store.t(Msg::ImportSize)}</dt>
                                    <dd data-testid="import-size">
                                        {
                                            let bytes = incoming.bytes as u64;
                                            move || crate::i18n::format_size(store.lang.get(), bytes)
                                        }
                                    </dd>
                                </dl>
                                {found.as_ref().map(|found| found_summary(store, found))}
                                {found.as_ref().map(|found| ruleset_choice(store, found.ruleset))}
                                {incoming.converted_from.map(|_| view! {
                                    <p class="notice" role="status" data-testid="import-converted">{move || store.t(Msg::ImportConvertedTcvn3)}</p>
                                })}
                                {(!unplaced.is_empty()).then(|| view! {
                                    <details class="unplaced-lines" open=few data-testid="import-unplaced-details">
                                        <summary>
                                            {move || store.t(Msg::ImportUnplacedCount)} ": "
                                            <span data-testid="import-unplaced-count">{unplaced.len()}</span>
                                        </summary>
                                        <p class="hint">{move || store.t(Msg::ImportUnplaced)}</p>
                                        <ul class="unplaced" data-testid="import-unplaced">
                                            {unplaced.iter().map(|line| view! { <li>{line.clone()}</li> }).collect_view()}
                                        </ul>
                                    </details>
                                })}
                            }
                        }))
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
                            on:click=move |_| store.cancel_import()
                        >
                            {move || store.t(Msg::Cancel)}
                        </button>
                    </div>
                </section>
            </div>
        </Show>
    }
}
