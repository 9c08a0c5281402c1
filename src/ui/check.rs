//! The format-check panel: the texts the draft's ruleset rests on, then
//! what is missing or off before export, each line a button that goes to
//! the place to fix it.

use leptos::prelude::*;

use crate::conformance::{check, Target};
use crate::i18n::{describe_finding, Msg};
use crate::platform::dom;

use super::app::ViewChoice;
use super::editor::RulesetSources;
use super::store::{field_id, use_store};

/// The DOM id of the field a finding points at.
fn target_id(target: Target) -> String {
    match target {
        Target::Field(field) => format!("field-{}", field.name()),
        Target::Date => "field-day".to_owned(),
        Target::Recipients => "field-recipients".to_owned(),
        Target::Page(setting) => format!("field-page-{}", setting.name()),
        Target::Node(id) => field_id(id),
        Target::Cell { table, row, column } => {
            super::table::place_id(table, crate::table::nav::Place::Cell { row, column })
        }
    }
}

/// The panel's id: opened, it takes the focus, which brings it into view
/// however far down the preview was scrolled.
pub const CHECK_PANEL_ID: &str = "check-panel";

#[component]
pub fn CheckPanel() -> impl IntoView {
    let store = use_store();
    let view_choice = ViewChoice::of_context();
    let ruleset = Memo::new(move |_| {
        store
            .shown
            .with(|d| d.as_deref().map(|d| d.meta.ruleset).unwrap_or_default())
    });
    let issues = Memo::new(move |_| {
        store
            .shown
            .with(|d| d.as_deref().map(check).unwrap_or_default())
    });
    view! {
        <section id=CHECK_PANEL_ID tabindex="-1" class="check-panel" data-testid="check-panel" aria-label=move || store.t(Msg::CheckHeading)>
            <h2 class="column-heading">{move || store.t(Msg::CheckHeading)}</h2>
            <RulesetSources ruleset=ruleset />
            <Show
                when=move || !issues.with(Vec::is_empty)
                fallback=move || view! { <p data-testid="check-all-good">{move || store.t(Msg::CheckAllGood)}</p> }
            >
                <p class="hint">{move || store.t(Msg::CheckHint)}</p>
                <ul class="check-list">
                    {move || {
                        issues
                            .get()
                            .into_iter()
                            .map(|issue| {
                                let id = target_id(issue.target);
                                let text = describe_finding(store.lang.get(), &issue.finding);
                                view! {
                                    <li>
                                        <button type="button" class="check-item" data-testid="check-item" on:click=move |_| {
                                            // On a phone the form is shown first; a section
                                            // not built yet is built first.
                                            let shown = view_choice.is_some_and(ViewChoice::show_form);
                                            if !dom::focus(&id) || shown {
                                                store.focus_element(id.clone());
                                            }
                                        }>
                                            {text}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </Show>
        </section>
    }
}
