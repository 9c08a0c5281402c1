//! "Tổng hợp báo cáo…": the button on the library screen and its dialog.
//! The units' files (several at once, picked or dropped) and drafts of the
//! library are read as one file is opened, each with its status or the
//! sentence saying why it cannot be read; then the units in the order
//! printed, the sections that match no outline section with where to put
//! them, the tables' option, what to note, and the completeness table
//! (with its CSV); "Tạo báo cáo tổng hợp" adds the draft and opens it. The
//! rules are `crate::consolidate`'s; this file holds signals and wiring.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::consolidate::{
    completeness_csv, consolidate, plan, short_names, Breakdown, Cell, Options, Plan, Target, Unit,
    UnitSection, Unmatched,
};
use crate::i18n::{describe_consolidation_note, describe_duplicate, describe_import_error, Msg};
use crate::platform::files::{self, FileRead};
use crate::platform::{clock, events};
use crate::session::Origin;
use crate::transfer::{ImportError, Incoming, Reading};

use super::store::{use_store, Store};

/// The id of the dialog's file input, which its button clicks.
const FILES_INPUT_ID: &str = "consolidate-files";
/// How many characters of a unit's name a column of the completeness
/// table shows (the whole name is its tooltip).
const SHORT_NAME_CHARS: usize = 9;

/// Where a file or draft chosen stands.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    Reading,
    /// Read: the unit at this index of the units read.
    Read(usize),
    /// Why it cannot be taken, as a sentence.
    Failed(String),
}

/// A file or library draft chosen.
#[derive(Clone, Debug, PartialEq)]
struct Source {
    label: String,
    /// The library draft's id, for a draft of the library.
    draft: Option<String>,
    status: Status,
}

/// Reads a unit's file: a Word file unzipped by the browser, a text read
/// in slices with the page free between them, a draft file at once.
async fn read_unit(bytes: Vec<u8>) -> Result<Incoming, ImportError> {
    use crate::import_docx::{self, DocxError};
    let reading = if crate::transfer::is_docx(&bytes) {
        match import_docx::plan(&bytes) {
            Ok(plan) => {
                let parts = super::actions::inflate_docx_parts(&bytes, &plan, |_, _| true)
                    .await?
                    .unwrap_or_default();
                clock::next_task().await;
                crate::transfer::start_docx_parts(&plan, &parts, bytes.len())
            }
            Err(DocxError::NotWord) => crate::transfer::start_file(&bytes),
            Err(error) => return Err(ImportError::Docx(error)),
        }
    } else {
        crate::transfer::start_file(&bytes)
    };
    match reading {
        Reading::Done(outcome) => *outcome,
        Reading::Text(mut text) => {
            while text.step() == crate::import_text::Step::Working {
                clock::next_task().await;
            }
            text.finish()
        }
    }
}

/// The dialog's state: what was chosen, the units read, the user's
/// choices, and the plan they make.
#[derive(Clone, Copy)]
struct Consolidation {
    sources: RwSignal<Vec<Source>>,
    units: RwSignal<Vec<Unit>>,
    /// The units taken, by index into `units`, in the order printed.
    order: RwSignal<Vec<usize>>,
    breakdown: RwSignal<Breakdown>,
    /// The sections the user sent somewhere, with what the mapping step
    /// shows of them.
    mapped: RwSignal<Vec<(Unmatched, Target)>>,
    plan: Memo<Option<Plan>>,
}

impl Consolidation {
    fn new() -> Consolidation {
        let units = RwSignal::new(Vec::<Unit>::new());
        let order = RwSignal::new(Vec::<usize>::new());
        let breakdown = RwSignal::new(Breakdown::None);
        let mapped = RwSignal::new(Vec::<(Unmatched, Target)>::new());
        let sources = RwSignal::new(Vec::<Source>::new());
        // No plan while a file is still being read: the units are not all
        // in, and the draft is not made from part of them.
        let plan = Memo::new(move |_| {
            if sources.with(|s| s.iter().any(|s| s.status == Status::Reading)) {
                return None;
            }
            let options = options_of(order.get(), breakdown.get(), &mapped.read());
            if options.order.is_empty() {
                return None;
            }
            Some(units.with(|units| plan(units, &options)))
        });
        Consolidation {
            sources,
            units,
            order,
            breakdown,
            mapped,
            plan,
        }
    }

    fn options(&self) -> Options {
        options_of(
            self.order.get_untracked(),
            self.breakdown.get_untracked(),
            &self.mapped.read_untracked(),
        )
    }

    /// Takes a read unit in (last in the order), or says why not.
    fn arrived(
        &self,
        source: usize,
        name: &str,
        outcome: Result<Incoming, ImportError>,
        store: Store,
    ) {
        let lang = store.lang.get_untracked();
        let status = match outcome {
            Ok(incoming) if incoming.is_template => {
                Status::Failed(crate::i18n::t(lang, Msg::ConsolidateTemplateFile).to_owned())
            }
            Ok(incoming) => {
                let unit = Unit::new(incoming.document, name);
                let Some(index) = self.units.try_update(|units| {
                    units.push(unit);
                    units.len() - 1
                }) else {
                    return;
                };
                // In the order the files were chosen, whichever is read first.
                let source_of = |unit: usize| {
                    self.sources.with_untracked(|sources| {
                        sources
                            .iter()
                            .position(|s| s.status == Status::Read(unit))
                            .unwrap_or(usize::MAX)
                    })
                };
                let mut order = self.order.get_untracked();
                let at = order
                    .iter()
                    .position(|unit| source_of(*unit) > source)
                    .unwrap_or(order.len());
                order.insert(at, index);
                self.order.set(order);
                Status::Read(index)
            }
            Err(error) => Status::Failed(describe_import_error(lang, &error)),
        };
        self.sources.try_update(|sources| {
            if let Some(entry) = sources.get_mut(source) {
                entry.status = status;
            }
        });
    }

    /// Reads the files picked or dropped, each as it comes in.
    fn take_files(&self, picked: files::PickedFiles, store: Store) {
        let this = *self;
        let first = self.sources.with_untracked(Vec::len);
        let limit = crate::transfer::MAX_DRAFT_FILE_BYTES.max(crate::import_docx::MAX_DOCX_BYTES);
        let names = files::read_each(picked, limit, move |index, read| {
            let source = first + index;
            let Some(name) = this
                .sources
                .try_with_untracked(|s| s.get(source).map(|s| s.label.clone()))
                .flatten()
            else {
                return;
            };
            match read {
                FileRead::Bytes(bytes) => leptos::task::spawn_local(async move {
                    let outcome = read_unit(bytes).await;
                    this.arrived(source, &name, outcome, store);
                }),
                FileRead::TooLarge(bytes) => {
                    this.arrived(source, &name, Err(ImportError::TooLarge { bytes }), store)
                }
                FileRead::Failed => this.arrived(source, &name, Err(ImportError::NotText), store),
            }
        });
        self.sources.update(|sources| {
            sources.extend(names.into_iter().map(|label| Source {
                label,
                draft: None,
                status: Status::Reading,
            }))
        });
    }

    /// Takes a draft of the library in, or out again.
    fn toggle_draft(&self, id: &str, title: &str, store: Store) {
        let present = self.sources.with_untracked(|sources| {
            sources
                .iter()
                .find(|s| s.draft.as_deref() == Some(id))
                .map(|s| s.status.clone())
        });
        if let Some(Status::Read(unit)) = present {
            self.order.update(|order| {
                if let Some(at) = order.iter().position(|u| *u == unit) {
                    order.remove(at);
                } else {
                    order.push(unit);
                }
            });
            return;
        }
        let source = self.sources.with_untracked(Vec::len);
        self.sources.update(|sources| {
            sources.push(Source {
                label: title.to_owned(),
                draft: Some(id.to_owned()),
                status: Status::Reading,
            })
        });
        let this = *self;
        let title = title.to_owned();
        store.read_stored_then(id, move |outcome| {
            match outcome.map(|document| Incoming::of_draft(document, 0)) {
                Ok(incoming) => this.arrived(source, &title, Ok(incoming), store),
                Err(error) => {
                    let sentence =
                        crate::i18n::describe_session_error(store.lang.get_untracked(), &error);
                    this.sources
                        .update(|sources| sources[source].status = Status::Failed(sentence));
                }
            }
        });
    }

    fn move_unit(&self, unit: usize, up: bool) {
        self.order.update(|order| {
            let Some(at) = order.iter().position(|u| *u == unit) else {
                return;
            };
            let to = if up { at.checked_sub(1) } else { Some(at + 1) };
            if let Some(to) = to.filter(|to| *to < order.len()) {
                order.swap(at, to);
            }
        });
    }

    fn send(&self, section: &Unmatched, target: Target) {
        self.mapped.update(|mapped| {
            match mapped
                .iter_mut()
                .find(|(m, _)| m.section == section.section)
            {
                Some(entry) => entry.1 = target,
                None => mapped.push((section.clone(), target)),
            }
        });
    }

    /// The units' names by index.
    fn names(&self) -> Vec<String> {
        self.units
            .with(|units| units.iter().map(|unit| unit.name.clone()).collect())
    }
}

fn options_of(order: Vec<usize>, breakdown: Breakdown, mapped: &[(Unmatched, Target)]) -> Options {
    let mapping: HashMap<UnitSection, Target> = mapped
        .iter()
        .filter(|(section, _)| order.contains(&section.section.unit))
        .map(|(section, target)| (section.section, *target))
        .collect();
    Options {
        order,
        breakdown,
        mapping,
        outline: None,
    }
}

/// The button on the library screen, and the dialog it opens.
#[component]
pub fn ConsolidateButton() -> impl IntoView {
    let store = use_store();
    let open = RwSignal::new(false);
    view! {
        <div class="consolidate-entry">
            <button
                type="button"
                data-testid="consolidate-open"
                title=move || store.t(Msg::ConsolidateOpenHint)
                on:click=move |_| open.set(true)
            >
                {move || store.t(Msg::ConsolidateOpen)}
            </button>
            " "
            <span class="hint">{move || store.t(Msg::ConsolidateOpenHint)}</span>
        </div>
        <Show when=move || open.get()>
            {super::lazy::lazy_view(store, move || super::lazy::consolidate_dialog(open))}
        </Show>
    }
}

/// The consolidation dialog, as the lazily loaded part shows it.
pub(super) fn dialog(open: RwSignal<bool>) -> AnyView {
    view! { <ConsolidateDialog open=open /> }.into_any()
}

/// The consolidation dialog.
#[component]
fn ConsolidateDialog(open: RwSignal<bool>) -> impl IntoView {
    let store = use_store();
    // Mounted when opened: the focus goes into it.
    store.focus_element("consolidate-dialog".to_owned());
    let state = Consolidation::new();
    let create = move |_| {
        let options = state.options();
        if options.order.is_empty() {
            return;
        }
        let document = clock::measure("baocao-consolidate", || {
            state.units.with_untracked(|units| {
                let plan = plan(units, &options);
                consolidate(units, &options, &plan).document
            })
        });
        open.set(false);
        store.open_new_from(document, Origin::Memory);
        store.say(Msg::ConsolidateCreated);
    };
    view! {
        <div class="dialog-backdrop">
            <section
                id="consolidate-dialog"
                tabindex="-1"
                class="dialog consolidate-dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby="consolidate-heading"
                data-testid="consolidate-dialog"
                on:keydown=move |event| super::dialog_key(&event, || open.set(false))
            >
                <h2 id="consolidate-heading">{move || store.t(Msg::ConsolidateHeading)}</h2>
                <p class="hint">{move || store.t(Msg::ConsolidateIntro)}</p>
                {pick_files(state, store)}
                {library_drafts(state, store)}
                {sources_list(state, store)}
                {units_list(state, store)}
                {problems(state, store)}
                {mapping_step(state, store)}
                {table_options(state, store)}
                {completeness(state, store)}
                <div class="dialog-actions">
                    <button
                        type="button"
                        class="primary"
                        data-testid="consolidate-create"
                        disabled=move || state.plan.with(Option::is_none)
                        on:click=create
                    >
                        {move || store.t(Msg::ConsolidateCreate)}
                    </button>
                    <button type="button" data-testid="consolidate-cancel" on:click=move |_| open.set(false)>
                        {move || store.t(Msg::Cancel)}
                    </button>
                </div>
            </section>
        </div>
    }
}

/// The file button and the drop zone.
fn pick_files(state: Consolidation, store: Store) -> impl IntoView {
    view! {
        <div
            class="drop-zone"
            data-testid="consolidate-drop"
            on:dragover=move |event| events::keep_here(&event)
            on:drop=move |event| {
                events::keep_here(&event);
                state.take_files(files::files_of_drop(&event), store);
            }
        >
            <input
                id=FILES_INPUT_ID
                type="file"
                multiple=true
                class="visually-hidden"
                tabindex="-1"
                aria-hidden="true"
                accept=".json,.txt,.docx,.html,application/json,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                data-testid="consolidate-files"
                on:change=move |event| {
                    state.take_files(files::files_of_input(&event), store);
                    files::reset_input(&event);
                }
            />
            <button type="button" data-testid="consolidate-pick" on:click=move |_| files::click(FILES_INPUT_ID)>
                {move || store.t(Msg::ConsolidatePickFiles)}
            </button>
            " "
            <span class="hint">{move || store.t(Msg::ConsolidateDropHint)}</span>
        </div>
    }
}

/// The library's drafts, each with a box to take it.
fn library_drafts(state: Consolidation, store: Store) -> impl IntoView {
    let drafts = Memo::new(move |_| {
        store.library.with(|drafts| {
            drafts
                .iter()
                .filter(|meta| meta.trashed_ms.is_none())
                .map(|meta| (meta.id.clone(), meta.title.clone()))
                .collect::<Vec<_>>()
        })
    });
    let taken = move |id: &str| {
        // A draft still being read (from the bulk store) shows as taken.
        let unit = state.sources.with(|sources| {
            sources.iter().find_map(|s| match (&s.draft, &s.status) {
                (Some(draft), Status::Read(unit)) if draft == id => Some(Some(*unit)),
                (Some(draft), Status::Reading) if draft == id => Some(None),
                _ => None,
            })
        });
        match unit {
            Some(Some(unit)) => state.order.with(|order| order.contains(&unit)),
            Some(None) => true,
            None => false,
        }
    };
    view! {
        <Show when=move || drafts.with(|d| !d.is_empty())>
            <details class="consolidate-library" data-testid="consolidate-library">
                <summary>{move || store.t(Msg::ConsolidateFromLibrary)}</summary>
                <ul>
                    <For each=move || drafts.get() key=|(id, title)| (id.clone(), title.clone()) let:draft>
                        {
                            let (id, title) = draft;
                            let untitled = title.trim().is_empty();
                            let shown = if untitled { id.clone() } else { title.clone() };
                            let label = if untitled { store.t(Msg::Untitled).to_owned() } else { title.clone() };
                            let check_id = id.clone();
                            view! {
                                <li>
                                    <label>
                                        <input
                                            type="checkbox"
                                            data-testid="consolidate-draft"
                                            prop:checked=move || taken(&check_id)
                                            on:change=move |_| state.toggle_draft(&id, &shown, store)
                                        />
                                        " "
                                        {label}
                                    </label>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </details>
        </Show>
    }
}

/// Each file or draft chosen, with its status.
fn sources_list(state: Consolidation, store: Store) -> impl IntoView {
    view! {
        <Show when=move || state.sources.with(|s| !s.is_empty())>
            <h3>{move || store.t(Msg::ConsolidateFilesHeading)}</h3>
            <ul class="consolidate-sources" data-testid="consolidate-sources">
                {move || {
                    let names = state.names();
                    state.sources.get().into_iter().map(|source| {
                        let (class, text) = match &source.status {
                            Status::Reading => ("reading", store.t(Msg::ConsolidateReading).to_owned()),
                            Status::Read(unit) => (
                                "read",
                                format!("{} {}", store.t(Msg::ConsolidateReadAs), names.get(*unit).cloned().unwrap_or_default()),
                            ),
                            Status::Failed(sentence) => ("problem", sentence.clone()),
                        };
                        view! {
                            <li data-testid="consolidate-source" data-status=class>
                                <span class="source-label">{source.label.clone()}</span>
                                ": "
                                <span class=class>{text}</span>
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
        </Show>
    }
}

/// The units in the order printed, each movable and leavable out; those
/// left out, to put back.
fn units_list(state: Consolidation, store: Store) -> impl IntoView {
    view! {
        <Show when=move || state.units.with(|u| !u.is_empty())>
            <h3>{move || store.t(Msg::ConsolidateUnitsHeading)}</h3>
            <Show when=move || state.order.with(Vec::is_empty)>
                <p class="problem">{move || store.t(Msg::ConsolidateNoUnits)}</p>
            </Show>
            <table class="consolidate-units" data-testid="consolidate-units">
                <thead>
                    <tr>
                        <th scope="col">"#"</th>
                        <th scope="col">{move || store.t(Msg::ConsolidateUnitName)}</th>
                        <th scope="col">{move || store.t(Msg::ConsolidateSource)}</th>
                        <th></th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let order = state.order.get();
                        let count = order.len();
                        state.units.with(|units| order.iter().enumerate().map(|(at, &unit)| {
                            let name = units[unit].name.clone();
                            let source = units[unit].source.clone();
                            view! {
                                <tr data-testid="consolidate-unit">
                                    <td class="number">{at + 1}</td>
                                    <td data-testid="consolidate-unit-name">{name}</td>
                                    <td class="hint">{source}</td>
                                    <td class="unit-actions">
                                        <button type="button" data-testid="consolidate-up" disabled=at == 0 on:click=move |_| state.move_unit(unit, true)>
                                            {move || store.t(Msg::ConsolidateMoveUp)}
                                        </button>
                                        <button type="button" data-testid="consolidate-down" disabled=at + 1 == count on:click=move |_| state.move_unit(unit, false)>
                                            {move || store.t(Msg::ConsolidateMoveDown)}
                                        </button>
                                        <button type="button" data-testid="consolidate-leave-out" on:click=move |_| state.order.update(|o| o.retain(|u| *u != unit))>
                                            {move || store.t(Msg::ConsolidateLeaveOut)}
                                        </button>
                                    </td>
                                </tr>
                            }
                        }).collect_view())
                    }}
                </tbody>
            </table>
            {move || {
                let order = state.order.get();
                let left_out: Vec<(usize, String)> = state.units.with(|units| {
                    (0..units.len()).filter(|u| !order.contains(u)).map(|u| (u, units[u].name.clone())).collect()
                });
                (!left_out.is_empty()).then(|| view! {
                    <p class="consolidate-left-out" data-testid="consolidate-left-out">
                        {store.t(Msg::ConsolidateLeftOut)} ": "
                        {left_out.into_iter().map(|(unit, name)| view! {
                            <span class="left-out">
                                {name} " "
                                <button type="button" data-testid="consolidate-take-back" on:click=move |_| state.order.update(|o| o.push(unit))>
                                    {move || store.t(Msg::ConsolidateTakeBack)}
                                </button>
                            </span>
                        }).collect_view()}
                    </p>
                })
            }}
        </Show>
    }
}

/// The units found twice and the notes of the plan.
fn problems(state: Consolidation, store: Store) -> impl IntoView {
    move || {
        let lang = store.lang.get();
        state.plan.with(|plan| {
            let plan = plan.as_ref()?;
            if plan.duplicates.is_empty() && plan.notes.is_empty() {
                return None;
            }
            let names = state.names();
            let lines: Vec<String> = plan
                .duplicates
                .iter()
                .map(|duplicate| describe_duplicate(lang, duplicate, &names))
                .chain(
                    plan.notes
                        .iter()
                        .map(|note| describe_consolidation_note(lang, note, &names)),
                )
                .collect();
            Some(view! {
                <h3>{store.t(Msg::ConsolidateNotesHeading)}</h3>
                <ul class="consolidate-notes" role="status" data-testid="consolidate-notes">
                    {lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                </ul>
            })
        })
    }
}

/// The sections that match no outline section, each with a choice of
/// where it goes (kept listed once chosen, to change the choice).
fn mapping_step(state: Consolidation, store: Store) -> impl IntoView {
    move || {
        let lang = store.lang.get();
        let t = move |msg| crate::i18n::t(lang, msg);
        state.plan.with(|plan| {
            let plan = plan.as_ref()?;
            let order = state.order.get();
            let mut entries: Vec<(Unmatched, Target)> = state
                .mapped
                .get()
                .into_iter()
                .filter(|(m, _)| order.contains(&m.section.unit))
                .collect();
            for unmatched in &plan.unmatched {
                if !entries.iter().any(|(m, _)| m.section == unmatched.section) {
                    entries.push((unmatched.clone(), unmatched.target));
                }
            }
            if entries.is_empty() {
                return None;
            }
            let names = state.names();
            let rows = plan.outline.clone();
            Some(view! {
                <h3>{t(Msg::ConsolidateMappingHeading)}</h3>
                <p class="hint">{t(Msg::ConsolidateMappingHint)}</p>
                <table class="consolidate-mapping" data-testid="consolidate-mapping">
                    <tbody>
                        {entries.into_iter().map(|(section, target)| {
                            let label = format!(
                                "{}: {} {}",
                                names.get(section.section.unit).cloned().unwrap_or_default(),
                                section.reference,
                                section.heading
                            );
                            let select_id = format!("map-{}-{}", section.section.unit, section.section.index);
                            let suggested = section.suggestions.clone();
                            let options = rows.iter().enumerate().map(|(row, outline)| {
                                let mark = if suggested.first() == Some(&row) {
                                    format!(" ({})", t(Msg::ConsolidateSuggested))
                                } else {
                                    String::new()
                                };
                                view! {
                                    <option value=row.to_string() selected=target == Target::Outline(row)>
                                        {format!("{}{} {}{mark}", "\u{a0}\u{a0}".repeat(outline.depth), outline.reference, outline.heading)}
                                    </option>
                                }
                            }).collect_view();
                            view! {
                                <tr data-testid="consolidate-unmatched">
                                    <th scope="row"><label for=select_id.clone()>{label}</label></th>
                                    <td>
                                        <select
                                            id=select_id
                                            data-testid="consolidate-target"
                                            on:change=move |event| {
                                                let value = event_target_value(&event);
                                                let target = value.parse().map(Target::Outline).unwrap_or(Target::Other);
                                                state.send(&section, target);
                                            }
                                        >
                                            <option value="other" selected=target == Target::Other>{t(Msg::ConsolidateOtherTarget)}</option>
                                            {options}
                                        </select>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            })
        })
    }
}

/// The choice of how summed tables show each unit.
fn table_options(state: Consolidation, store: Store) -> impl IntoView {
    let choices = [
        (Breakdown::None, Msg::ConsolidateBreakdownNone, "none"),
        (Breakdown::Rows, Msg::ConsolidateBreakdownRows, "rows"),
        (Breakdown::Tables, Msg::ConsolidateBreakdownTables, "tables"),
    ];
    view! {
        <Show when=move || state.plan.with(Option::is_some)>
            <fieldset class="consolidate-tables" data-testid="consolidate-breakdown">
                <legend>{move || store.t(Msg::ConsolidateTablesHeading)}</legend>
                {choices.into_iter().map(|(choice, label, value)| view! {
                    <label>
                        <input
                            type="radio"
                            name="consolidate-breakdown"
                            value=value
                            data-testid=format!("consolidate-breakdown-{value}")
                            prop:checked=move || state.breakdown.get() == choice
                            on:change=move |_| state.breakdown.set(choice)
                        />
                        " " {move || store.t(label)}
                    </label>
                }).collect_view()}
                <p class="hint">{move || store.t(Msg::ConsolidateTablesHint)}</p>
            </fieldset>
        </Show>
    }
}

/// A cell state's mark, class and word.
fn cell_look(cell: Cell) -> (&'static str, &'static str, Msg) {
    match cell {
        Cell::Filled => ("✓", "cell-filled", Msg::ConsolidateFilled),
        Cell::NothingToReport => ("KC", "cell-nothing", Msg::ConsolidateNothing),
        Cell::Empty => ("○", "cell-empty", Msg::ConsolidateEmpty),
        Cell::Missing => ("—", "cell-missing", Msg::ConsolidateMissing),
    }
}

/// The completeness table (outline sections down, units across), its
/// legend and its CSV.
fn completeness(state: Consolidation, store: Store) -> impl IntoView {
    let download = move |_| {
        let lang = store.lang.get_untracked();
        let t = |msg| crate::i18n::t(lang, msg);
        let Some(plan) = state.plan.get_untracked() else {
            return;
        };
        let csv = state.units.with_untracked(|units| {
            completeness_csv(
                &plan,
                units,
                [
                    t(Msg::ConsolidateSection),
                    t(Msg::ConsolidateSectionHeading),
                    t(Msg::ConsolidateFilled),
                    t(Msg::ConsolidateNothing),
                    t(Msg::ConsolidateEmpty),
                    t(Msg::ConsolidateMissing),
                ],
            )
        });
        store.offer_file(
            "bang-kiem-tra-tong-hop.csv",
            "text/csv;charset=utf-8",
            csv.into_bytes(),
            None,
        );
    };
    move || {
        let lang = store.lang.get();
        let t = move |msg| crate::i18n::t(lang, msg);
        state.plan.with(|plan| {
            let plan = plan.as_ref()?;
            let all = state.names();
            let names: Vec<String> = plan.units.iter().map(|u| all[*u].clone()).collect();
            let short = short_names(&names, SHORT_NAME_CHARS);
            let legend = [Cell::Filled, Cell::NothingToReport, Cell::Empty, Cell::Missing]
                .into_iter()
                .map(|cell| {
                    let (mark, class, word) = cell_look(cell);
                    view! { <span class="legend-item"><span class=class>{mark}</span> " " {t(word)}</span> }
                })
                .collect_view();
            let head = names
                .iter()
                .zip(&short)
                .map(|(name, short)| view! { <th scope="col" title=name.clone()>{short.clone()}</th> })
                .collect_view();
            let body = plan
                .outline
                .iter()
                .zip(&plan.matrix)
                .map(|(row, cells)| {
                    let whole = format!("{} {}", row.reference, row.heading);
                    let title = whole.clone();
                    let cells = cells
                        .iter()
                        .zip(&names)
                        .map(|(cell, name)| {
                            let (mark, class, word) = cell_look(*cell);
                            view! { <td class=class title=format!("{name}: {}", t(word))>{mark}</td> }
                        })
                        .collect_view();
                    view! {
                        <tr class=format!("depth-{}", row.depth.min(3))>
                            <th scope="row" title=title>{whole}</th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            let answered = plan
                .answered()
                .into_iter()
                .map(|count| view! { <td class="number">{count}</td> })
                .collect_view();
            let first = names.first().cloned().unwrap_or_default();
            Some(view! {
                <h3>{t(Msg::ConsolidateCompletenessHeading)}</h3>
                <p class="hint">{t(Msg::ConsolidateOutlineFrom)} " " {first}</p>
                <p class="completeness-legend">{legend}</p>
                <div class="completeness-scroll" data-testid="consolidate-completeness">
                    <table class="completeness">
                        <thead>
                            <tr>
                                <th scope="col" class="corner">{t(Msg::ConsolidateSection)}</th>
                                {head}
                            </tr>
                        </thead>
                        <tbody>{body}</tbody>
                        <tfoot>
                            <tr>
                                <th scope="row">{format!("{} (/{})", t(Msg::ConsolidateAnswered), plan.outline.len())}</th>
                                {answered}
                            </tr>
                        </tfoot>
                    </table>
                </div>
                <button type="button" data-testid="consolidate-csv" on:click=download>
                    {t(Msg::ConsolidateDownloadCsv)}
                </button>
            })
        })
    }
}
