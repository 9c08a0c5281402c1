//! The outline panel: every section with its computed number; picking one
//! jumps to it, and the buttons below add, delete and move the picked one.

use leptos::prelude::*;

use crate::edit::{Direction, Edit};
use crate::i18n::Msg;
use crate::model::{NodeId, SectionKind};
use crate::numbering::MAX_SECTION_DEPTH;
use crate::platform::dom;

use super::app::ViewChoice;
use super::store::{field_id, use_store};

/// How many outline entries are listed before the first paint: more than
/// the outline panel shows on a tall screen.
const OUTLINE_FIRST_SCREEN: usize = 60;

/// The kind's name in class names and tests.
fn kind_name(kind: SectionKind) -> &'static str {
    match kind {
        SectionKind::Numbered => "part",
        SectionKind::Division => "division",
        SectionKind::Appendix => "appendix",
    }
}

#[component]
pub fn OutlinePanel() -> impl IntoView {
    let store = use_store();
    let view_choice = ViewChoice::of_context();
    // A long outline is listed in two steps: the entries of the first
    // screen at once, the rest once that screen is painted, so a 300-item
    // report's first screen is not kept waiting for 300 entries nobody sees
    // yet.
    let listed = RwSignal::new(OUTLINE_FIRST_SCREEN);
    super::after_next_paint(move || {
        let _ = listed.try_set(usize::MAX);
    });
    let act = move |make: fn(NodeId) -> Edit| {
        if let Some(id) = store.selected.get_untracked() {
            let _ = store.dispatch(make(id));
            request_animation_frame(move || dom::scroll_to(&format!("outline-{id}")));
        }
    };
    let add_after = move |_| {
        let Some(id) = store.selected.get_untracked() else {
            // Nothing picked: add a part at the end.
            let index = store
                .document
                .with_untracked(|d| d.as_ref().map_or(0, |d| d.sections.len()));
            if let Ok(Some(new)) = store.dispatch(Edit::InsertSection {
                parent: None,
                index,
                heading: String::new(),
            }) {
                store.selected.set(Some(new));
            }
            return;
        };
        if let Some((parent, index)) = store.document.with_untracked(|d| {
            d.as_ref()
                .and_then(|d| crate::edit::locate::slot_after_section(d, id))
        }) {
            if let Ok(Some(new)) = store.dispatch(Edit::InsertSection {
                parent,
                index,
                heading: String::new(),
            }) {
                store.selected.set(Some(new));
            }
        }
    };
    let add_child = move |_| {
        if let Some(id) = store.selected.get_untracked() {
            let index = store.document.with_untracked(|d| {
                d.as_ref()
                    .and_then(|d| d.find_section(id))
                    .map_or(0, |s| s.children.len())
            });
            if let Ok(Some(new)) = store.dispatch(Edit::InsertSection {
                parent: Some(id),
                index,
                heading: String::new(),
            }) {
                store.selected.set(Some(new));
            }
        }
    };
    let delete = move |_| {
        if let Some(id) = store.selected.get_untracked() {
            if store.dispatch(Edit::DeleteSection { section: id }).is_ok() {
                store.message.set(Some(store.t(Msg::Deleted).to_owned()));
                store.selected.set(None);
            }
        }
    };
    // A division takes in the part picked and those after it.
    // Within a division, it splits that division at the part picked.
    let add_division = move |_| {
        let edit = store.document.with_untracked(|d| {
            d.as_ref()
                .map(|d| crate::edit::locate::division_edit(d, store.selected.get_untracked()))
        });
        if let Some(Ok(Some(new))) = edit.map(|edit| store.dispatch(edit)) {
            store.selected.set(Some(new));
        }
    };
    let add_appendix = move |_| {
        if let Ok(Some(new)) = store.dispatch(Edit::InsertAppendix {
            heading: String::new(),
        }) {
            store.selected.set(Some(new));
        }
    };
    let selected_depth = Memo::new(move |_| {
        store.selected.get().and_then(|id| {
            store
                .numbers
                .with(|numbers| numbers.get(&id).map(|entry| entry.depth))
        })
    });
    // An appendix holds blocks, not sections.
    let appendix_selected = Memo::new(move |_| {
        store.selected.get().is_some_and(|id| {
            store.numbers.with(|numbers| {
                numbers
                    .get(&id)
                    .is_some_and(|entry| entry.kind == SectionKind::Appendix)
            })
        })
    });

    view! {
        <nav class="outline-panel" aria-label=move || store.t(Msg::OutlineLabel) data-testid="outline">
            <h2>{move || store.t(Msg::OutlineHeading)}</h2>
            <ol class="outline-list">
                <For
                    each=move || {
                        let limit = listed.get();
                        store.outline.with(|entries| entries.iter().take(limit).cloned().collect::<Vec<_>>())
                    }
                    key=|entry| (entry.id, entry.number.clone(), entry.summary.clone(), entry.depth, entry.indent)
                    let:entry
                >
                    {
                        let id = entry.id;
                        let label = format!("{} {}", entry.number, entry.summary);
                        let title = label.clone();
                        // A label too long for one line shows cut at a word
                        // with "…"; the whole of it is the title (hover), the
                        // accessible name, and shows when the entry has focus.
                        let short = (entry.short_label != label).then(|| entry.short_label.clone());
                        let aria = short.is_some().then(|| label.clone());
                        view! {
                            <li
                                class=format!("outline-entry depth-{} indent-{} kind-{}", entry.depth, entry.indent, kind_name(entry.kind))
                                data-kind=kind_name(entry.kind)
                            >
                                <button
                                    type="button"
                                    id=format!("outline-{id}")
                                    class="outline-jump"
                                    class:selected=move || store.selected.get() == Some(id)
                                    aria-current=move || (store.selected.get() == Some(id)).then_some("true")
                                    data-testid="outline-entry"
                                    data-reference=entry.reference.clone()
                                    title=title
                                    aria-label=aria
                                    on:click=move |_| {
                                        store.selected.set(Some(id));
                                        // On a phone the form is shown first; a section
                                        // not built yet is built first.
                                        let shown = view_choice.is_some_and(ViewChoice::show_form);
                                        if !dom::focus(&field_id(id)) || shown {
                                            store.focus(id);
                                        }
                                    }
                                >
                                    {match short {
                                        Some(short) => view! {
                                            <span class="outline-short" aria-hidden="true">{short}</span>
                                            <span class="outline-full" aria-hidden="true">{label}</span>
                                        }
                                        .into_any(),
                                        None => label.into_any(),
                                    }}
                                </button>
                            </li>
                        }
                    }
                </For>
            </ol>
            <div class="outline-actions" role="group">
                <button type="button" data-testid="add-section" on:click=add_after>
                    {move || {
                        if store.selected.get().is_some() { store.t(Msg::AddSectionAfter) } else { store.t(Msg::AddPart) }
                    }}
                </button>
                <button
                    type="button"
                    data-testid="add-child-section"
                    disabled=move || {
                        appendix_selected.get() || selected_depth.get().is_none_or(|depth| depth >= MAX_SECTION_DEPTH)
                    }
                    on:click=add_child
                >
                    {move || store.t(Msg::AddChildSection)}
                </button>
                <button
                    type="button"
                    data-testid="section-up"
                    aria-label=move || store.t(Msg::MoveUpLabel)
                    title=move || store.t(Msg::MoveUpLabel)
                    disabled=move || store.selected.get().is_none()
                    on:click=move |_| act(|id| Edit::MoveSection { section: id, direction: Direction::Up })
                >
                    "↑ "{move || store.t(Msg::MoveUp)}
                </button>
                <button
                    type="button"
                    data-testid="section-down"
                    aria-label=move || store.t(Msg::MoveDownLabel)
                    title=move || store.t(Msg::MoveDownLabel)
                    disabled=move || store.selected.get().is_none()
                    on:click=move |_| act(|id| Edit::MoveSection { section: id, direction: Direction::Down })
                >
                    "↓ "{move || store.t(Msg::MoveDown)}
                </button>
                <button
                    type="button"
                    data-testid="section-indent"
                    aria-label=move || store.t(Msg::IndentLabel)
                    title=move || store.t(Msg::IndentLabel)
                    disabled=move || store.selected.get().is_none()
                    on:click=move |_| act(|id| Edit::IndentSection { section: id })
                >
                    "→ "{move || store.t(Msg::Indent)}
                </button>
                <button
                    type="button"
                    data-testid="section-outdent"
                    aria-label=move || store.t(Msg::OutdentLabel)
                    title=move || store.t(Msg::OutdentLabel)
                    disabled=move || store.selected.get().is_none()
                    on:click=move |_| act(|id| Edit::OutdentSection { section: id })
                >
                    "← "{move || store.t(Msg::Outdent)}
                </button>
                <button
                    type="button"
                    data-testid="add-division"
                    title=move || store.t(Msg::AddDivisionLabel)
                    aria-label=move || store.t(Msg::AddDivisionLabel)
                    on:click=add_division
                >
                    {move || store.t(Msg::AddDivision)}
                </button>
                <button
                    type="button"
                    data-testid="add-appendix"
                    title=move || store.t(Msg::AddAppendixLabel)
                    aria-label=move || store.t(Msg::AddAppendixLabel)
                    on:click=add_appendix
                >
                    {move || store.t(Msg::AddAppendix)}
                </button>
                <button
                    type="button"
                    class="danger"
                    data-testid="section-delete"
                    disabled=move || store.selected.get().is_none()
                    on:click=delete
                >
                    {move || store.t(Msg::DeleteSection)}
                </button>
            </div>
            <Show when=move || store.selected.get().is_none()>
                <p class="hint">{move || store.t(Msg::NoSectionSelected)}</p>
            </Show>
        </nav>
    }
}
