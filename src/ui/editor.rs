//! The editing column: the document details form, the opening paragraphs and
//! every section with its blocks. Each field dispatches an edit on input; key
//! presses go through `keymap`, which decides what they mean.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::edit::{BlockKind, Container, Direction, Edit, Field};
use crate::i18n::Msg;
use crate::keymap::{command, edit_for, would_change_text, Command};
use crate::model::{
    AssessmentLabel, Block, DivisionStyle, DocDate, Document, Meta, NodeId, PageSettings, Ruleset,
    SectionKind,
};
use crate::platform::{dom, events};
use crate::rules::{self as rules, check_date, check_number_symbol, format_number, PageSetting};

use crate::index::SectionSnapshot;

use crate::index::{SectionView, PREAMBLE};

use super::store::{field_id, use_store, Store};

/// The section (or the preamble) whose editor the surrounding fields belong
/// to. Block and bullet fields read their node from this snapshot, not from
/// the whole document: with one subscriber per field on the document, every
/// keystroke in a 300-item report re-ran thousands of lookups and spent
/// most of its time unsubscribing them (half a second per key).
#[derive(Clone, Copy)]
struct Scope(RwSignal<Option<SectionView>>);

fn scope() -> Scope {
    use_context::<Scope>().unwrap_or_else(|| Scope(RwSignal::new(None)))
}

impl Scope {
    fn with_snapshot<T>(self, f: impl FnOnce(Option<&SectionSnapshot>) -> T) -> T {
        self.0
            .with(|view| f(view.as_ref().map(|view| &view.snapshot)))
    }

    /// The blocks of `container`, through `f`.
    fn with_blocks<T>(self, container: Container, f: impl FnOnce(&[Block]) -> T) -> T {
        self.with_snapshot(|snapshot| {
            let Some(snapshot) = snapshot else {
                return f(&[]);
            };
            match container {
                Container::Preamble | Container::Section(_) => f(&snapshot.blocks),
                Container::Assessment(id) => match snapshot.find_block(id) {
                    Some(Block::Assessment(a)) => f(&a.blocks),
                    _ => f(&[]),
                },
                Container::ListItem(id) => match snapshot.find_item(id) {
                    Some((item, _)) => f(&item.blocks),
                    None => f(&[]),
                },
            }
        })
    }

    fn with_block<T>(self, id: NodeId, f: impl FnOnce(Option<&Block>) -> T) -> T {
        self.with_snapshot(|snapshot| f(snapshot.and_then(|s| s.find_block(id))))
    }
}

/// Handles a key press in the field of `node`: structural shortcuts become
/// edits; everything else is left to the field.
fn handle_key(store: Store, node: NodeId, event: &KeyboardEvent, field_is_empty: bool) {
    if events::is_composing(event) {
        return;
    }
    let Some(command) = command(&events::key_press(event), field_is_empty) else {
        return;
    };
    if matches!(command, Command::Undo | Command::Redo | Command::OpenFile) {
        // The window-wide handler does these.
        return;
    }
    let edit = store
        .document
        .with_untracked(|document| document.as_ref().and_then(|d| edit_for(d, node, command)));
    let Some(edit) = edit else {
        return;
    };
    events::prevent_default(event);
    // Deleting an empty bullet moves focus to the one before it.
    let focus_after_delete = if let Edit::DeleteListItem { .. } = edit {
        store.document.with_untracked(|document| {
            document
                .as_ref()
                .and_then(|d| crate::edit::locate::item_before(d, node))
        })
    } else {
        None
    };
    match (store.dispatch(edit), focus_after_delete) {
        (Ok(Some(_)), _) => {}
        (Ok(None), Some(previous)) => store.focus(previous),
        // Moves and indents re-render the field; keep the caret in it (a
        // refused edit says why in the status line).
        (Ok(None), None) | (Err(_), _) => store.focus(node),
    }
}

/// A labelled single-line field of the details form.
#[component]
fn TextField(
    field: Field,
    label: Msg,
    frame: Memo<Option<Document>>,
    #[prop(optional, into)] hint: Option<Signal<Msg>>,
    #[prop(optional)] problem: Option<Signal<Option<Msg>>>,
    /// A field of several lines (the superior bodies, one per line): a
    /// text area of this many rows.
    #[prop(optional)]
    rows: Option<u32>,
) -> impl IntoView {
    let store = use_store();
    let value = Memo::new(move |_| {
        frame.with(|document| {
            let Some(d) = document else {
                return String::new();
            };
            match field {
                Field::Title => d.title.clone(),
                Field::SuperiorBody => d.meta.superior_body.clone(),
                Field::IssuingBody => d.meta.issuing_body.clone(),
                Field::NumberSymbol => d.meta.number_symbol.clone(),
                Field::Place => d.meta.place.clone(),
                Field::DocType => d.meta.doc_type.clone(),
                Field::Subject => d.meta.subject.clone(),
                Field::SigningAuthority => d.closing.signing_authority.clone(),
                Field::Position => d.closing.position.clone(),
                Field::SignerName => d.closing.signer_name.clone(),
                Field::Author => d.closing.author.clone(),
            }
        })
    });
    let id = format!("field-{}", field.name());
    let hint_id = format!("{id}-hint");
    let problem_id = format!("{id}-problem");
    let problem = problem.unwrap_or_else(|| Signal::derive(|| None));
    view! {
        <div class="form-row" class:invalid=move || problem.get().is_some()>
            <label for=id.clone()>{move || store.t(label)}</label>
            {match rows {
                Some(rows) => view! {
                    <textarea
                        id=id.clone()
                        data-testid=id.clone()
                        rows=rows.to_string()
                        prop:value=move || value.get()
                        aria-describedby=format!("{hint_id} {problem_id}")
                        aria-invalid=move || problem.get().is_some().then_some("true")
                        on:input=move |event| {
                            let _ = store.dispatch(Edit::SetField { field, text: events::input_value(&event) });
                        }
                    ></textarea>
                }
                .into_any(),
                None => view! {
                    <input
                        id=id.clone()
                        type="text"
                        data-testid=id.clone()
                        prop:value=move || value.get()
                        aria-describedby=format!("{hint_id} {problem_id}")
                        aria-invalid=move || problem.get().is_some().then_some("true")
                        on:input=move |event| {
                            let _ = store.dispatch(Edit::SetField { field, text: events::input_value(&event) });
                        }
                    />
                }
                .into_any(),
            }}
            <p class="hint" id=hint_id.clone()>{move || hint.map(|hint| store.t(hint.get()))}</p>
            <p class="problem" id=problem_id.clone() role="alert">{move || problem.get().map(|msg| store.t(msg))}</p>
        </div>
    }
}

/// The texts the draft's ruleset rests on, with why its figures are still
/// the older guidance's when they are ("Thể thức: Quy định 399-QĐ/TW
/// (2026); trình bày theo Hướng dẫn 36-HD/VPTW (2018)").
#[component]
pub fn RulesetSources(#[prop(into)] ruleset: Signal<Ruleset>) -> impl IntoView {
    let store = use_store();
    let sources = move || rules::rules(ruleset.get()).sources;
    view! {
        <p class="hint ruleset-sources" data-testid="ruleset-sources">
            {move || crate::i18n::ruleset_sources(store.lang.get(), &sources())}
            {move || {
                crate::i18n::ruleset_note(store.lang.get(), &sources())
                    .map(|note| view! { <span class="ruleset-note" data-testid="ruleset-note">" "{note}</span> })
            }}
        </p>
    }
}

/// Which part of the date a field edits.
#[derive(Clone, Copy, PartialEq, Eq)]
enum DatePart {
    Day,
    Month,
    Year,
}

/// The document details: ruleset, header, date, title, signature, recipients.
#[component]
fn DetailsForm() -> impl IntoView {
    let store = use_store();
    // The form's fields read the store's copy of the frame, so a keystroke
    // in the body re-runs no field.
    let frame = store.frame;
    let ruleset =
        Memo::new(move |_| frame.with(|d| d.as_ref().map(|d| d.meta.ruleset).unwrap_or_default()));
    let date =
        Memo::new(move |_| frame.with(|d| d.as_ref().map(|d| d.meta.date).unwrap_or_default()));
    let division_style = Memo::new(move |_| {
        frame.with(|d| {
            d.as_ref()
                .map(|d| d.meta.division_style)
                .unwrap_or_default()
        })
    });
    let number_problem = Signal::derive(move || {
        frame.with(|d| {
            d.as_ref()
                .and_then(|d| check_number_symbol(d.meta.ruleset, &d.meta.number_symbol).err())
                .map(crate::i18n::number_problem)
        })
    });
    let subject_problem = Signal::derive(move || {
        frame.with(|d| {
            d.as_ref()
                .and_then(|d| d.meta.subject.chars().next())
                .filter(|first| first.is_uppercase())
                .map(|_| Msg::ProblemSubjectCapital)
        })
    });
    // Text typed into a date field that is not a number stays in the field
    // and is reported; it never reaches the document.
    let date_typing_problem = RwSignal::new(None::<Msg>);
    let date_problem = Signal::derive(move || {
        date_typing_problem
            .get()
            .or_else(|| check_date(&date.get()).err().map(crate::i18n::date_problem))
    });
    let set_date_part = move |part: DatePart, raw: String| {
        let raw = raw.trim().to_owned();
        let mut next: DocDate = date.get_untracked();
        let parsed = if raw.is_empty() {
            Ok(None)
        } else {
            raw.parse::<u16>().map(Some)
        };
        let Ok(value) = parsed else {
            date_typing_problem.set(Some(Msg::ProblemNotANumber));
            return;
        };
        date_typing_problem.set(None);
        match part {
            DatePart::Day => next.day = value.map(|v| v.min(255) as u8),
            DatePart::Month => next.month = value.map(|v| v.min(255) as u8),
            DatePart::Year => next.year = value,
        }
        let _ = store.dispatch(Edit::SetDate(next));
    };
    let date_field = move |part: DatePart, label: Msg, width: &'static str| {
        let id = match part {
            DatePart::Day => "field-day",
            DatePart::Month => "field-month",
            DatePart::Year => "field-year",
        };
        view! {
            <span class="date-part">
                <label for=id>{move || store.t(label)}</label>
                <input
                    id=id
                    data-testid=id
                    type="text"
                    inputmode="numeric"
                    class=width
                    aria-describedby="field-date-hint field-date-problem"
                    prop:value=move || {
                        let date = date.get();
                        match part {
                            DatePart::Day => date.day.map(|v| v.to_string()),
                            DatePart::Month => date.month.map(|v| v.to_string()),
                            DatePart::Year => date.year.map(|v| v.to_string()),
                        }
                        .unwrap_or_default()
                    }
                    on:input=move |event| set_date_part(part, event_target_value(&event))
                />
            </span>
        }
    };
    let recipients = Memo::new(move |_| {
        frame.with(|d| {
            d.as_ref()
                .map(|d| d.closing.recipients.join("\n"))
                .unwrap_or_default()
        })
    });
    // The examples under the fields are of the draft's own ruleset.
    let hints = Memo::new(move |_| crate::i18n::example_hints(ruleset.get()));
    let superior_hint = Signal::derive(move || hints.get().superior_body);
    let issuing_hint = Signal::derive(move || hints.get().issuing_body);
    let number_hint = Signal::derive(move || hints.get().number);
    let signing_hint = Signal::derive(move || hints.get().signing_authority);

    view! {
        <details class="details-form" open data-testid="details-form">
            <summary>{move || store.t(Msg::MetaHeading)}</summary>
            <TextField field=Field::Title label=Msg::FieldTitle frame=frame hint=Msg::FieldTitleHint />
            <div class="form-row">
                <label for="field-ruleset">{move || store.t(Msg::FieldRuleset)}</label>
                <select
                    id="field-ruleset"
                    data-testid="field-ruleset"
                    on:change=move |event| {
                        let ruleset = if event_target_value(&event) == "state" { Ruleset::State } else { Ruleset::Party };
                        let _ = store.dispatch(Edit::SetRuleset(ruleset));
                    }
                >
                    <option value="party" prop:selected=move || ruleset.get() == Ruleset::Party>
                        {move || store.t(Msg::PartyRuleset)}
                    </option>
                    <option value="state" prop:selected=move || ruleset.get() == Ruleset::State>
                        {move || store.t(Msg::StateRuleset)}
                    </option>
                </select>
                <RulesetSources ruleset=ruleset />
            </div>
            <div class="form-row">
                <label for="field-division-style">{move || store.t(Msg::DivisionStyleLabel)}</label>
                <select
                    id="field-division-style"
                    data-testid="field-division-style"
                    on:change=move |event| {
                        let style = match event_target_value(&event).as_str() {
                            "roman" => DivisionStyle::Roman,
                            "arabic" => DivisionStyle::Arabic,
                            "letter" => DivisionStyle::Letter,
                            _ => DivisionStyle::Ordinal,
                        };
                        let _ = store.dispatch(Edit::SetDivisionStyle(style));
                    }
                >
                    {[(DivisionStyle::Ordinal, "ordinal"), (DivisionStyle::Roman, "roman"), (DivisionStyle::Arabic, "arabic"), (DivisionStyle::Letter, "letter")]
                        .into_iter()
                        .map(|(style, value)| {
                            let example = format!(
                                "{}, {}",
                                crate::numbering::division_number(style, 0),
                                crate::numbering::division_number(style, 1)
                            );
                            view! { <option value=value prop:selected=move || division_style.get() == style>{example}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <TextField field=Field::SuperiorBody label=Msg::FieldSuperiorBody frame=frame hint=superior_hint rows=3 />
            <TextField field=Field::IssuingBody label=Msg::FieldIssuingBody frame=frame hint=issuing_hint />
            <TextField field=Field::NumberSymbol label=Msg::FieldNumber frame=frame hint=number_hint problem=number_problem />
            <TextField field=Field::Place label=Msg::FieldPlace frame=frame />
            <div class="form-row date-row" class:invalid=move || date_problem.get().is_some()>
                {date_field(DatePart::Day, Msg::FieldDay, "narrow")}
                {date_field(DatePart::Month, Msg::FieldMonth, "narrow")}
                {date_field(DatePart::Year, Msg::FieldYear, "medium")}
                <p class="hint" id="field-date-hint">{move || store.t(Msg::FieldDateHint)}</p>
                <p class="problem" id="field-date-problem" role="alert">
                    {move || date_problem.get().map(|msg| store.t(msg))}
                </p>
            </div>
            <TextField field=Field::DocType label=Msg::FieldDocType frame=frame />
            <TextField field=Field::Subject label=Msg::FieldSubject frame=frame hint=Msg::FieldSubjectHint problem=subject_problem />
            <TextField field=Field::SigningAuthority label=Msg::FieldSigningAuthority frame=frame hint=signing_hint />
            <TextField field=Field::Position label=Msg::FieldPosition frame=frame />
            <TextField field=Field::SignerName label=Msg::FieldSignerName frame=frame />
            <div class="form-row">
                <label for="field-recipients">{move || store.t(Msg::FieldRecipients)}</label>
                <textarea
                    id="field-recipients"
                    data-testid="field-recipients"
                    rows="3"
                    prop:value=move || recipients.get()
                    on:input=move |event| {
                        let lines = events::input_value(&event).lines().map(str::to_owned).collect();
                        let _ = store.dispatch(Edit::SetRecipients(lines));
                    }
                ></textarea>
            </div>
            <TextField field=Field::Author label=Msg::FieldAuthor frame=frame />
            <PageForm />
        </details>
    }
}

/// The draft's page settings: margins, body size, line spacing and
/// orientation, each input bounded to the ruleset's range and showing the
/// ruleset's value until one is chosen. Every change is an undoable edit.
#[component]
fn PageForm() -> impl IntoView {
    let store = use_store();
    let frame = store.frame;
    let meta = Memo::new(move |_| {
        frame.with(|d| {
            d.as_ref()
                .map(|d| (d.meta.ruleset, d.meta.page.clone()))
                .unwrap_or_default()
        })
    });
    let set = move |change: &dyn Fn(&mut PageSettings)| {
        let mut page = meta.with_untracked(|(_, page)| page.clone());
        change(&mut page);
        let _ = store.dispatch(Edit::SetPage(page));
    };
    let number = move |setting: PageSetting| {
        let id = format!("field-page-{}", setting.name());
        let range = Memo::new(move |_| setting.range(meta.with(|(ruleset, _)| *ruleset)));
        let shown = Memo::new(move |_| {
            meta.with(|(ruleset, page)| {
                let layout = rules::layout(&Meta {
                    ruleset: *ruleset,
                    page: page.clone(),
                    ..Default::default()
                });
                format_number(setting.default_of(&layout))
            })
        });
        let out_of_range = Memo::new(move |_| {
            meta.with(|(ruleset, page)| {
                setting
                    .chosen(page)
                    .is_some_and(|value| !setting.range(*ruleset).contains(value))
            })
        });
        view! {
            <span class="page-part" class:invalid=move || out_of_range.get()>
                <label for=id.clone()>{move || store.t(crate::i18n::page_setting(setting))}</label>
                <input
                    id=id.clone()
                    data-testid=id
                    type="number"
                    class="narrow"
                    min=move || format_number(range.get().min)
                    max=move || format_number(range.get().max)
                    step=format_number(setting.step())
                    prop:value=move || shown.get()
                    on:change=move |event| {
                        let raw = event_target_value(&event).trim().replace(',', ".");
                        let value = raw.parse::<f32>().ok();
                        set(&|page| setting.set(page, value));
                    }
                />
            </span>
        }
    };
    let landscape = Memo::new(move |_| meta.with(|(_, page)| page.landscape));
    view! {
        <fieldset class="form-row page-row" data-testid="page-form">
            <legend>{move || store.t(Msg::PageHeading)}</legend>
            {PageSetting::ALL.into_iter().map(number).collect_view()}
            <span class="page-part">
                <label for="field-page-orientation">{move || store.t(Msg::PageOrientation)}</label>
                <select
                    id="field-page-orientation"
                    data-testid="field-page-orientation"
                    on:change=move |event| {
                        let landscape = event_target_value(&event) == "landscape";
                        set(&|page| page.landscape = landscape);
                    }
                >
                    <option value="portrait" prop:selected=move || !landscape.get()>
                        {move || store.t(Msg::PagePortrait)}
                    </option>
                    <option value="landscape" prop:selected=move || landscape.get()>
                        {move || store.t(Msg::PageLandscape)}
                    </option>
                </select>
            </span>
            <button
                type="button"
                data-testid="page-reset"
                disabled=move || meta.with(|(_, page)| page.is_default())
                on:click=move |_| {
                    let _ = store.dispatch(Edit::SetPage(PageSettings::default()));
                }
            >
                {move || store.t(Msg::PageReset)}
            </button>
        </fieldset>
    }
}

/// Buttons that add a block to `container` at its end.
#[component]
fn AddBlockBar(container: Container) -> impl IntoView {
    let store = use_store();
    let scope = scope();
    let count = Memo::new(move |_| scope.with_blocks(container, <[Block]>::len));
    let add = move |kind: BlockKind| {
        let _ = store.dispatch(Edit::InsertBlock {
            container,
            index: count.get_untracked(),
            kind,
        });
    };
    let is_assessment = matches!(container, Container::Assessment(_));
    let picked = RwSignal::new(String::new());
    let picked_table = RwSignal::new(String::new());
    view! {
        <div class="add-block-bar" role="group">
            <button type="button" data-testid="add-paragraph" on:click=move |_| add(BlockKind::Paragraph)>
                {move || store.t(Msg::AddParagraph)}
            </button>
            <button type="button" data-testid="add-list" on:click=move |_| add(BlockKind::List)>
                {move || store.t(Msg::AddList)}
            </button>
            <Show when=move || !is_assessment>
                <select
                    class="add-assessment"
                    data-testid="add-assessment"
                    aria-label=move || store.t(Msg::AddAssessment)
                    on:change=move |event| {
                        let value = event_target_value(&event);
                        // The list goes back to its "+ Đánh giá" line once
                        // the assessment is added.
                        picked.set(value.clone());
                        if let Ok(index) = value.parse::<usize>() {
                            if let Some(label) = AssessmentLabel::STANDARD.get(index) {
                                add(BlockKind::Assessment(label.clone()));
                            }
                        }
                        picked.set(String::new());
                    }
                    prop:value=move || picked.get()
                >
                    <option value="" selected>{move || store.t(Msg::AddAssessment)}</option>
                    {AssessmentLabel::STANDARD
                        .iter()
                        .enumerate()
                        .map(|(index, label)| view! { <option value=index.to_string()>{label.text().to_owned()}</option> })
                        .collect_view()}
                </select>
                <button type="button" data-testid="add-figure" on:click=move |_| add(BlockKind::Figure)>
                    {move || store.t(Msg::AddFigure)}
                </button>
            </Show>
            <select
                class="add-table"
                data-testid="add-table"
                aria-label=move || store.t(Msg::AddTable)
                on:change=move |event| {
                    let value = event_target_value(&event);
                    picked_table.set(value.clone());
                    if let Some(table) = super::table::table_choice(&value) {
                        add(BlockKind::Table(Box::new(table)));
                    }
                    picked_table.set(String::new());
                }
                prop:value=move || picked_table.get()
            >
                <option value="" selected>{move || store.t(Msg::AddTable)}</option>
                {super::table::table_choices(store)}
            </select>
        </div>
    }
}

/// Move and delete buttons of a block.
pub(super) fn block_tools(store: Store, id: NodeId) -> impl IntoView {
    view! {
        <span class="block-tools">
            <button
                type="button"
                class="icon"
                aria-label=move || store.t(Msg::MoveBlockUp)
                title=move || store.t(Msg::MoveBlockUp)
                on:click=move |_| {
                    let _ = store.dispatch(Edit::MoveBlock { block: id, direction: Direction::Up });
                }
            >
                "↑"
            </button>
            <button
                type="button"
                class="icon"
                aria-label=move || store.t(Msg::MoveBlockDown)
                title=move || store.t(Msg::MoveBlockDown)
                on:click=move |_| {
                    let _ = store.dispatch(Edit::MoveBlock { block: id, direction: Direction::Down });
                }
            >
                "↓"
            </button>
            <button
                type="button"
                class="icon danger"
                aria-label=move || store.t(Msg::DeleteBlock)
                title=move || store.t(Msg::DeleteBlock)
                on:click=move |_| {
                    let _ = store.dispatch(Edit::DeleteBlock { block: id });
                }
            >
                "✕"
            </button>
        </span>
    }
}

/// What kind of block `id` is, for choosing its editor.
#[derive(Clone, Copy, PartialEq, Eq)]
enum BlockShape {
    Paragraph,
    List,
    Assessment,
    Figure,
    Table,
}

/// The list of blocks in `container`.
fn block_list(store: Store, container: Container) -> impl IntoView {
    let _ = store;
    let scope = scope();
    let ids = Memo::new(move |_| {
        scope.with_blocks(container, |blocks| {
            blocks.iter().map(Block::id).collect::<Vec<_>>()
        })
    });
    view! {
        <For each=move || ids.get() key=|id| *id let:id>
            <BlockEditor id=id />
        </For>
    }
}

/// The editor of one block.
#[component]
fn BlockEditor(id: NodeId) -> AnyView {
    let store = use_store();
    let scope = scope();
    let shape = Memo::new(move |_| {
        scope.with_block(id, |block| {
            block.map(|block| match block {
                Block::Paragraph(_) => BlockShape::Paragraph,
                Block::List(_) => BlockShape::List,
                Block::Assessment(_) => BlockShape::Assessment,
                Block::Figure(_) => BlockShape::Figure,
                Block::Table(_) => BlockShape::Table,
            })
        })
    });
    (move || match shape.get() {
        Some(BlockShape::Paragraph) => paragraph_editor(store, id).into_any(),
        Some(BlockShape::List) => list_editor(id).into_any(),
        Some(BlockShape::Assessment) => assessment_editor(store, id).into_any(),
        Some(BlockShape::Figure) => figure_editor(store, id).into_any(),
        Some(BlockShape::Table) => {
            let table = Memo::new(move |_| {
                scope.with_block(id, |block| match block {
                    Some(Block::Table(table)) => Some(table.clone()),
                    _ => None,
                })
            });
            super::lazy::lazy_view(store, move || super::lazy::table_editor(store, id, table))
                .into_any()
        }
        None => ().into_any(),
    })
    .into_any()
}

fn paragraph_editor(store: Store, id: NodeId) -> impl IntoView {
    let scope = scope();
    let text = Memo::new(move |_| {
        scope.with_block(id, |block| match block {
            Some(Block::Paragraph(p)) => (p.text.clone(), p.guidance.clone()),
            _ => Default::default(),
        })
    });
    view! {
        <div class="block paragraph-block">
            <textarea
                id=field_id(id)
                class="paragraph-input"
                rows="3"
                data-testid="paragraph"
                aria-label=move || store.t(Msg::ParagraphLabel)
                placeholder=move || text.get().1
                prop:value=move || text.get().0
                on:input=move |event| {
                    let _ = store.dispatch(Edit::SetText { node: id, text: events::input_value(&event) });
                    dom::fit_to_content(&event);
                }
                on:focus=move |event| dom::fit_to_content(&event)
                on:keydown=move |event| {
                    let empty = text.get_untracked().0.is_empty();
                    handle_key(store, id, &event, empty);
                }
                on:paste=move |event| {
                    if !super::pictures::paste_after(store, id, &event) {
                        super::table::paste_into_text(store, id, &event);
                    }
                }
            ></textarea>
            {block_tools(store, id)}
        </div>
    }
}

fn figure_editor(store: Store, id: NodeId) -> impl IntoView {
    use super::pictures::{take_file, url, Target};
    use crate::platform::picture::ImageFile;
    let scope = scope();
    let caption = Memo::new(move |_| {
        scope.with_block(id, |block| match block {
            Some(Block::Figure(f)) => f.caption.clone(),
            _ => String::new(),
        })
    });
    let picture = Memo::new(move |_| {
        scope.with_block(id, |block| match block {
            Some(Block::Figure(f)) => f.picture.clone(),
            _ => None,
        })
    });
    let input_id = format!("picture-input-{id}");
    let click_id = input_id.clone();
    let dragging = RwSignal::new(false);
    view! {
        <div
            class="block figure-block"
            class:dragging=move || dragging.get()
            on:dragover=move |event| {
                if ImageFile::drag_has_files(&event) {
                    event.prevent_default();
                    dragging.set(true);
                }
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |event| {
                dragging.set(false);
                if let Some(file) = ImageFile::of_drop(&event) {
                    event.prevent_default();
                    event.stop_propagation();
                    take_file(store, file, Target::Figure(id));
                }
            }
        >
            {move || {
                picture
                    .get()
                    .map(|picture| match url(store, &picture.id) {
                        Some(src) => view! {
                            <img
                                class="figure-picture"
                                data-testid="figure-picture"
                                src=src
                                alt=move || store.t(Msg::PictureAlt)
                                width=picture.width
                                height=picture.height
                            />
                        }
                        .into_any(),
                        None => view! {
                            <p class="figure-missing" data-testid="figure-missing">
                                {move || store.t(Msg::PictureMissing)}
                            </p>
                        }
                        .into_any(),
                    })
            }}
            <div class="figure-tools">
                <input
                    id=input_id
                    type="file"
                    accept="image/*"
                    class="visually-hidden"
                    tabindex="-1"
                    aria-hidden="true"
                    data-testid="picture-input"
                    on:change=move |event| {
                        if let Some(file) = ImageFile::of_input(&event) {
                            take_file(store, file, Target::Figure(id));
                        }
                    }
                />
                <button
                    type="button"
                    data-testid="choose-picture"
                    on:click=move |_| crate::platform::files::click(&click_id)
                >
                    {move || {
                        if picture.get().is_some() {
                            store.t(Msg::ChangePicture)
                        } else {
                            store.t(Msg::ChoosePicture)
                        }
                    }}
                </button>
                <Show when=move || picture.get().is_some()>
                    <button
                        type="button"
                        data-testid="remove-picture"
                        on:click=move |_| {
                            let _ = store.dispatch(Edit::SetPicture { figure: id, picture: None });
                        }
                    >
                        {move || store.t(Msg::RemovePicture)}
                    </button>
                </Show>
                <span class="figure-hint">{move || store.t(Msg::PictureHint)}</span>
            </div>
            <label class="block-label" for=field_id(id)>{move || store.t(Msg::FigureLabel)}</label>
            <textarea
                id=field_id(id)
                rows="2"
                data-testid="figure-caption"
                prop:value=move || caption.get()
                on:input=move |event| {
                    let _ = store.dispatch(Edit::SetText { node: id, text: events::input_value(&event) });
                    dom::fit_to_content(&event);
                }
                on:focus=move |event| dom::fit_to_content(&event)
                on:keydown=move |event| handle_key(store, id, &event, false)
                on:paste=move |event| {
                    if let Some(file) = ImageFile::of_paste(&event) {
                        event.prevent_default();
                        take_file(store, file, Target::Figure(id));
                    }
                }
            ></textarea>
            {block_tools(store, id)}
        </div>
    }
}

fn list_editor(id: NodeId) -> impl IntoView {
    let scope = scope();
    let items = Memo::new(move |_| {
        scope.with_block(id, |block| match block {
            Some(Block::List(list)) => list.items.iter().map(|item| item.id).collect::<Vec<_>>(),
            _ => Vec::new(),
        })
    });
    view! {
        <ul class="block list-block">
            <For each=move || items.get() key=|id| *id let:item>
                <ListItemEditor id=item />
            </For>
        </ul>
    }
}

/// One bullet, with whatever hangs under it.
#[component]
fn ListItemEditor(id: NodeId) -> AnyView {
    let store = use_store();
    let scope = scope();
    let item = Memo::new(move |_| {
        scope.with_snapshot(|snapshot| {
            snapshot
                .and_then(|snapshot| snapshot.find_item(id))
                .map(|(item, depth)| (item.text.clone(), crate::numbering::bullet_marker(depth)))
                .unwrap_or_default()
        })
    });
    view! {
        <li class="list-item">
            <span class="bullet-marker" aria-hidden="true">{move || item.get().1}</span>
            <textarea
                id=field_id(id)
                class="bullet-input"
                rows="1"
                data-testid="bullet"
                aria-label=move || store.t(Msg::BulletLabel)
                prop:value=move || item.get().0
                on:input=move |event| {
                    let _ = store.dispatch(Edit::SetText { node: id, text: events::input_value(&event) });
                    dom::fit_to_content(&event);
                }
                on:focus=move |event| dom::fit_to_content(&event)
                on:keydown=move |event| {
                    let empty = item.get_untracked().0.is_empty();
                    handle_key(store, id, &event, empty);
                }
                on:paste=move |event| {
                    if !super::pictures::paste_after(store, id, &event) {
                        super::table::paste_into_text(store, id, &event);
                    }
                }
            ></textarea>
            <div class="nested">{block_list(store, Container::ListItem(id))}</div>
        </li>
    }
    .into_any()
}

fn assessment_editor(store: Store, id: NodeId) -> impl IntoView {
    let scope = scope();
    let state = Memo::new(move |_| {
        scope.with_block(id, |block| match block {
            Some(Block::Assessment(a)) => (a.label.clone(), a.nothing_to_report),
            _ => (AssessmentLabel::Custom(String::new()), false),
        })
    });
    // The label is the assessment's field: focus requests for the group land
    // here.
    let label_id = field_id(id);
    let check_id = format!("none-{id}");
    view! {
        <div class="block assessment-block" data-testid="assessment">
            <div class="assessment-head">
                <label class="visually-hidden" for=label_id.clone()>{move || store.t(Msg::AssessmentLabelField)}</label>
                <input
                    id=label_id.clone()
                    class="assessment-label"
                    data-testid="assessment-label"
                    list="assessment-labels"
                    prop:value=move || state.get().0.text().to_owned()
                    on:input=move |event| {
                        let _ = store.dispatch(Edit::SetAssessmentLabel {
                            assessment: id,
                            label: AssessmentLabel::Custom(events::input_value(&event)),
                        });
                    }
                />
                <span>":"</span>
                <input
                    type="checkbox"
                    id=check_id.clone()
                    data-testid="nothing-to-report"
                    prop:checked=move || state.get().1
                    on:change=move |event| {
                        let _ = store.dispatch(Edit::SetNothingToReport { assessment: id, value: event_target_checked(&event) });
                    }
                />
                <label for=check_id.clone() title=move || store.t(Msg::NothingToReportLabel)>
                    {move || store.t(Msg::NothingToReport)}
                </label>
                {block_tools(store, id)}
            </div>
            <Show when=move || !state.get().1>
                <div class="assessment-body">
                    {block_list(store, Container::Assessment(id))}
                    <AddBlockBar container=Container::Assessment(id) />
                </div>
            </Show>
        </div>
    }
}

/// A padlock, closed or open, drawn inline: emoji fonts are missing on many
/// office computers.
fn lock_icon(locked: bool) -> impl IntoView {
    let shackle = if locked {
        "M5 7V5a3 3 0 0 1 6 0v2"
    } else {
        "M5 7V5a3 3 0 0 1 6 0"
    };
    view! {
        <svg class="lock-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d=shackle fill="none" stroke="currentColor" stroke-width="1.6"></path>
            <rect x="3" y="7" width="10" height="7" rx="1.2" fill="currentColor"></rect>
        </svg>
    }
}

/// One section with its blocks and subsections.
#[component]
fn SectionEditor(id: NodeId) -> AnyView {
    let store = use_store();
    // This section's view changes only when the section itself (or its
    // number) does; every field below reads it, not the document.
    let view = store.section_view(id);
    provide_context(Scope(view));
    let body_ready = RwSignal::new(false);
    store.defer_render(body_ready);
    // Set when keys are typed into the heading while it is locked.
    let locked_typing = RwSignal::new(false);
    let head = Memo::new(move |_| {
        view.with(|v| {
            v.as_ref()
                .map(|v| {
                    let s = &v.snapshot;
                    (s.heading.clone(), s.heading_locked, s.guidance.clone())
                })
                .unwrap_or_default()
        })
    });
    let kind = Memo::new(move |_| {
        view.with(|v| {
            v.as_ref()
                .map(|v| (v.snapshot.kind, v.snapshot.landscape))
                .unwrap_or_default()
        })
    });
    let kind_class = move || match kind.get().0 {
        SectionKind::Numbered => "",
        SectionKind::Division => " kind-division",
        SectionKind::Appendix => " kind-appendix",
    };
    let heading_label = move || match kind.get().0 {
        SectionKind::Numbered => store.t(Msg::SectionHeadingLabel),
        SectionKind::Division => store.t(Msg::DivisionHeadingLabel),
        SectionKind::Appendix => store.t(Msg::AppendixHeadingLabel),
    };
    let children = Memo::new(move |_| view.with(|v| SectionView::child_ids(v.as_ref())));
    let entry = Memo::new(move |_| view.with(|v| v.as_ref().map(|v| (v.number.clone(), v.depth))));
    let number = move || entry.get().map(|e| e.0).unwrap_or_default();
    let depth = move || entry.get().map(|e| e.1).unwrap_or_default();
    view! {
        <section
            class=move || format!("section-editor depth-{}{}", depth(), kind_class())
            data-kind=move || match kind.get().0 {
                SectionKind::Numbered => "part",
                SectionKind::Division => "division",
                SectionKind::Appendix => "appendix",
            }
            class:selected=move || store.selected.get() == Some(id)
            data-testid="section-editor"
        >
            // A long report's sections are built six per frame after the
            // first screen (see `Store::defer_render`): until then a section
            // is an empty box, so opening a report builds only what shows.
            <Show when=move || body_ready.get()>
                <div class="section-head">
                    <span class="section-number" data-testid="section-number">{number}</span>
                    <textarea
                        id=field_id(id)
                        class="heading-input"
                        data-testid="heading"
                        rows="1"
                        readonly=move || head.get().1
                        aria-label=move || {
                            let locked = if head.get().1 { format!(" — {}", store.t(Msg::HeadingLocked)) } else { String::new() };
                            format!("{} {}{}", heading_label(), number(), locked)
                        }
                        placeholder=move || {
                            let (_, _, guidance) = head.get();
                            if !guidance.is_empty() {
                                guidance
                            } else if kind.get().0 == SectionKind::Numbered {
                                store.t(Msg::RunInHint).to_owned()
                            } else {
                                heading_label().to_owned()
                            }
                        }
                        prop:value=move || head.get().0
                        aria-describedby=format!("locked-{id}")
                        on:focus=move |event| {
                            store.selected.set(Some(id));
                            dom::fit_to_content(&event);
                        }
                        on:blur=move |_| locked_typing.set(false)
                        on:input=move |event| {
                            let _ = store.dispatch(Edit::SetHeading { section: id, text: events::input_value(&event) });
                            dom::fit_to_content(&event);
                        }
                        on:keydown=move |event| {
                            // Typing into a locked heading is refused by the
                            // field; say how to unlock it.
                            if head.get_untracked().1 && would_change_text(&events::key_press(&event)) {
                                locked_typing.set(true);
                            }
                            handle_key(store, id, &event, false)
                        }
                    ></textarea>
                    <button
                        type="button"
                        class="icon lock"
                        class:locked=move || head.get().1
                        data-testid="heading-lock"
                        aria-pressed=move || if head.get().1 { "true" } else { "false" }
                        aria-label=move || if head.get().1 { store.t(Msg::UnlockHeading) } else { store.t(Msg::LockHeading) }
                        title=move || if head.get().1 { store.t(Msg::UnlockHeading) } else { store.t(Msg::LockHeading) }
                        on:click=move |_| {
                            locked_typing.set(false);
                            let _ = store.dispatch(Edit::SetHeadingLocked { section: id, locked: !head.get_untracked().1 });
                        }
                    >
                        {move || lock_icon(head.get().1)}
                    </button>
                </div>
                <Show when=move || kind.get().0 == SectionKind::Appendix>
                    <label class="appendix-landscape" title=move || store.t(Msg::AppendixLandscapeHint)>
                        <input
                            type="checkbox"
                            data-testid="appendix-landscape"
                            prop:checked=move || kind.get().1
                            on:change=move |event| {
                                let _ = store.dispatch(Edit::SetLandscape { section: id, landscape: event_target_checked(&event) });
                            }
                        />
                        <span>{move || store.t(Msg::AppendixLandscape)}</span>
                    </label>
                </Show>
                <p class="locked-hint" id=format!("locked-{id}") role="status" data-testid="heading-locked-hint">
                    {move || (locked_typing.get() && head.get().1).then(|| store.t(Msg::HeadingLockedTyping))}
                </p>
                <Show when=move || { let (heading, _, guidance) = head.get(); !heading.is_empty() && !guidance.is_empty() }>
                    <p class="guidance">{move || head.get().2}</p>
                </Show>
                <super::beside::BesideTexts section=id />
                {block_list(store, Container::Section(id))}
                <AddBlockBar container=Container::Section(id) />
            </Show>
            <For each=move || children.get() key=|id| *id let:child>
                <SectionEditor id=child />
            </For>
        </section>
    }
    .into_any()
}

/// The editing column.
#[component]
pub fn Editor() -> impl IntoView {
    let store = use_store();
    // The preamble's blocks, for the fields of the preamble.
    provide_context(Scope(store.section_view(PREAMBLE)));
    view! {
        <div class="editor-column" data-testid="editor">
            <DetailsForm />
            <datalist id="assessment-labels">
                {AssessmentLabel::STANDARD.iter().map(|label| view! { <option value=label.text().to_owned()></option> }).collect_view()}
            </datalist>
            <h2 class="column-heading">{move || store.t(Msg::PreambleHeading)}</h2>
            <div class="preamble-editor">
                <super::beside::BesideTexts section=PREAMBLE />
                {block_list(store, Container::Preamble)}
                <AddBlockBar container=Container::Preamble />
            </div>
            <h2 class="column-heading">{move || store.t(Msg::BodyHeading)}</h2>
            <For each=move || store.part_ids.get() key=|id| *id let:part>
                <SectionEditor id=part />
            </For>
        </div>
    }
}
