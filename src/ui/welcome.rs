//! The welcome screen: the drafts on this computer, the outlines to start a
//! new draft from, and the filled-in sample.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::model::Ruleset;
use crate::template::{builtin, instantiate, seed_sample};

use super::store::use_store;

/// Lists stored drafts and templates.
#[component]
pub fn Welcome() -> impl IntoView {
    let store = use_store();
    let drafts = store.stored_drafts();
    let has_drafts = !drafts.is_empty();
    let templates = builtin();

    view! {
        <section class="welcome" data-testid="welcome">
            <Show when=move || !has_drafts>
                <div class="empty-workspace" data-testid="empty-workspace">
                    <h1>{move || store.t(Msg::EmptyWorkspaceTitle)}</h1>
                    <p>{move || store.t(Msg::EmptyWorkspaceBody)}</p>
                    <p class="offline-notice">{move || store.t(Msg::OfflineNotice)}</p>
                </div>
            </Show>
            <ul class="draft-list" data-testid="draft-list">
                {drafts
                    .into_iter()
                    .map(|(id, title, size)| {
                        let open_id = id.clone();
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="draft-open"
                                    on:click=move |_| store.open_stored(&open_id)
                                >
                                    <span class="draft-title">{title}</span>
                                    <span class="draft-size">{format!("{:.1} KB", size as f64 / 1024.0)}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <h2>{move || store.t(Msg::TemplatesHeading)}</h2>
            <ul class="template-grid">
                {templates
                    .into_iter()
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
                <p>"Đảng ủy trường THPT Lấp Vò 2 — báo cáo tổng kết đổi mới phương thức lãnh đạo của Đảng."</p>
                <button
                    type="button"
                    data-testid="open-sample"
                    on:click=move |_| store.open_new(seed_sample())
                >
                    {move || store.t(Msg::OpenSample)}
                </button>
            </div>
        </section>
    }
}
