//! The texts kept beside a section (last year's, made by "Dùng làm báo
//! cáo năm sau"; the units', made by a consolidation): a button per source
//! under the section's heading, and on demand a read-only panel with each
//! text under its label, to copy into the section (one undoable edit) or
//! to the clipboard. Hidden by default; it reads `Store::beside`, which
//! typing never changes, so it adds no work per key.

use leptos::prelude::*;

use crate::edit::{Container, Edit};
use crate::i18n::{show_units, Msg};
use crate::index::PREAMBLE;
use crate::model::{BesideSource, BesideText, NodeId};
use crate::next_year::blocks_text;
use crate::platform::dom;

use super::store::{use_store, Store};

/// The buttons and the panel of the texts beside section `section`
/// (`PREAMBLE` for the opening); nothing when it has none.
#[component]
pub fn BesideTexts(section: NodeId) -> impl IntoView {
    let store = use_store();
    let counts = Memo::new(move |_| {
        store.beside.with(|texts| {
            texts.iter().filter(|text| text.section == section).fold(
                (0usize, 0usize),
                |(last, units), text| match text.source {
                    BesideSource::LastYear => (last + 1, units),
                    BesideSource::Unit => (last, units + 1),
                },
            )
        })
    });
    let shown = RwSignal::new(None::<BesideSource>);
    let toggle = move |source: BesideSource| {
        shown.update(|shown| {
            *shown = if *shown == Some(source) {
                None
            } else {
                Some(source)
            }
        })
    };
    let container = if section == PREAMBLE {
        Container::Preamble
    } else {
        Container::Section(section)
    };
    let is_shown = move |source: BesideSource| shown.get() == Some(source);
    view! {
        <Show when=move || counts.get() != (0, 0)>
            <div class="beside-controls">
                <Show when=move || { counts.get().0 > 0 }>
                    <button
                        type="button"
                        class="beside-toggle"
                        data-testid="beside-last-year"
                        aria-expanded=move || is_shown(BesideSource::LastYear).to_string()
                        on:click=move |_| toggle(BesideSource::LastYear)
                    >
                        {move || {
                            if is_shown(BesideSource::LastYear) {
                                store.t(Msg::HideLastYear).to_owned()
                            } else {
                                store.t(Msg::ShowLastYear).to_owned()
                            }
                        }}
                    </button>
                </Show>
                <Show when=move || { counts.get().1 > 0 }>
                    <button
                        type="button"
                        class="beside-toggle"
                        data-testid="beside-units"
                        aria-expanded=move || is_shown(BesideSource::Unit).to_string()
                        on:click=move |_| toggle(BesideSource::Unit)
                    >
                        {move || {
                            if is_shown(BesideSource::Unit) {
                                store.t(Msg::HideUnits).to_owned()
                            } else {
                                show_units(store.lang.get(), counts.get().1)
                            }
                        }}
                    </button>
                </Show>
            </div>
            {move || shown.get().map(|source| beside_panel(store, section, container, source))}
        </Show>
    }
}

/// The panel of the texts from `source` beside `section`.
fn beside_panel(
    store: Store,
    section: NodeId,
    container: Container,
    source: BesideSource,
) -> impl IntoView {
    let texts: Vec<BesideText> = store.beside.with(|texts| {
        texts
            .iter()
            .filter(|text| text.section == section && text.source == source)
            .cloned()
            .collect()
    });
    view! {
        <div class="beside-panel" role="region" aria-label=move || store.t(Msg::BesideRegion) data-testid="beside-panel">
            {texts.into_iter().map(|text| beside_text(store, container, text)).collect_view()}
        </div>
    }
}

/// One text under its label, with its two copy buttons.
fn beside_text(store: Store, container: Container, text: BesideText) -> impl IntoView {
    let plain = blocks_text(&text.blocks);
    let elements = crate::render::preamble_elements(&text.blocks);
    let blocks = text.blocks;
    let copied = match text.source {
        BesideSource::LastYear => Msg::CopiedIntoSection,
        BesideSource::Unit => Msg::CopiedUnitIntoSection,
    };
    let copy_in = move |_| {
        let edit = Edit::CopyBlocksIn {
            container,
            blocks: blocks.clone(),
        };
        if store.dispatch(edit).is_ok() {
            store.say(copied);
        }
    };
    let copy_text = move |_| {
        let plain = plain.clone();
        leptos::task::spawn_local(async move {
            let copied = dom::copy_text(&plain).await;
            store.say(if copied {
                Msg::CopiedText
            } else {
                Msg::CopyTextFailed
            });
        });
    };
    view! {
        <article class="beside-text" data-testid="beside-text">
            <div class="beside-head">
                <h3 class="beside-label" data-testid="beside-label">{text.label}</h3>
                <span class="beside-actions">
                    <button
                        type="button"
                        data-testid="beside-copy-in"
                        title=move || store.t(Msg::CopyIntoSectionHint)
                        on:click=copy_in
                    >
                        {move || store.t(Msg::CopyIntoSection)}
                    </button>
                    <button type="button" data-testid="beside-copy-text" on:click=copy_text>
                        {move || store.t(Msg::CopyText)}
                    </button>
                </span>
            </div>
            <div class="beside-body" data-testid="beside-body">
                {elements.into_iter().map(super::preview::element_view).collect_view()}
            </div>
        </article>
    }
}
