//! The editor of a statistics table: its cells as fields in a grid, the
//! computed ones shown apart, and the controls that change its shape.
//!
//! Every field reads its own memo of the table's computed view, so typing
//! in a cell updates that cell at once and the totals that follow from it
//! a moment later, outside the key's frame, never the whole grid; rows and columns are rebuilt only when the table's
//! shape changes. Where a key or a paste leads is decided in
//! `table::nav`; this file only wires it.

use std::collections::HashMap;

use leptos::ev::{ClipboardEvent, KeyboardEvent};
use leptos::prelude::*;

use crate::edit::{BlockKind, Edit};
use crate::i18n::Msg;
use crate::model::{Block, NodeId, Table};
use crate::platform::{dom, events};
use crate::table::clipboard::Grid;
use crate::table::nav::{self, ColumnChoice, Outcome, Place};
use crate::table::{CellView, ColumnKind, RowKind, TableOp, TableSlot, TableView};

use super::store::{field_id, Store};

/// The DOM id of the field of `place` in table `table`.
pub fn place_id(table: NodeId, place: Place) -> String {
    match place {
        Place::Header { row, col } => format!("t{table}-h{row}-{col}"),
        Place::Cell { row, column } => format!("t{table}-r{row}-c{column}"),
    }
}

/// What the grid is built from: it changes only when rows, columns, the
/// header's cells or the column numbers do, not when a cell is typed in.
#[derive(Clone, Debug, Default, PartialEq)]
struct Shape {
    /// Column ids, with whether they hold numbers.
    columns: Vec<(NodeId, bool)>,
    /// Row ids, with their kinds and indents.
    rows: Vec<(NodeId, RowKind, u8)>,
    /// Per header row: (row, col, row span, col span) of each cell.
    header: Vec<Vec<(usize, usize, usize, usize)>>,
    number_row: Option<Vec<String>>,
    /// Each column's share of the width, in thousandths (as printed).
    widths: Vec<u16>,
}

/// The signals one table's fields share.
#[derive(Clone, Copy)]
struct TableCtx {
    id: NodeId,
    table: Memo<Option<Table>>,
    view: Memo<Option<TableView>>,
    /// The place last focused, which the toolbar acts on.
    active: RwSignal<Option<Place>>,
    /// Each row's cells as shown (`row_cells`).
    rows: StoredValue<HashMap<NodeId, RowCells>>,
    /// Set by a cell's input just before its figure is dispatched, to the
    /// row typed into: the change that follows is typing, whose computed
    /// cells may wait.
    typing: StoredValue<Option<NodeId>>,
    /// Counts the changes seen, so that a late follow-up knows whether it
    /// is still the newest.
    generation: StoredValue<u64>,
}

/// How long the computed cells (sums, percentages, a group's and the
/// total's rows) may lag behind a figure typed. Within it, keys typed in a
/// row are followed once, after the last, and never inside a key's frame:
/// the typed cell shows its figure at once, as a bullet does.
const FOLLOW_TYPING_MS: u64 = 90;

fn row_kind_name(kind: RowKind) -> &'static str {
    match kind {
        RowKind::Data => "data",
        RowKind::Group => "group",
        RowKind::Total => "total",
        RowKind::Label => "label",
    }
}

const ROW_KINDS: [(RowKind, Msg); 4] = [
    (RowKind::Data, Msg::RowKindData),
    (RowKind::Group, Msg::RowKindGroup),
    (RowKind::Total, Msg::RowKindTotal),
    (RowKind::Label, Msg::RowKindText),
];

fn choice_msg(choice: ColumnChoice) -> Msg {
    match choice {
        ColumnChoice::Text => Msg::ColumnKindText,
        ColumnChoice::Number => Msg::ColumnKindNumber,
        ColumnChoice::Sum => Msg::ColumnKindSum,
        ColumnChoice::Percent => Msg::ColumnKindPercent,
        ColumnChoice::Difference => Msg::ColumnKindDifference,
        ColumnChoice::Ratio => Msg::ColumnKindRatio,
        ColumnChoice::Share => Msg::ColumnKindShare,
    }
}

/// The blank tables the insert menu offers: (value, rows, columns, label).
const BLANK_TABLES: [(&str, usize, usize, Msg); 3] = [
    ("blank-3x4", 3, 4, Msg::AddTableBlank),
    ("blank-2x3", 2, 3, Msg::AddTableSmall),
    ("blank-5x6", 5, 6, Msg::AddTableLarge),
];

/// The options of the insert menu's table list: blank tables, then the
/// ready ones.
pub fn table_choices(store: Store) -> impl IntoView {
    let blank = BLANK_TABLES
        .iter()
        .map(|(value, _, _, msg)| {
            let msg = *msg;
            view! { <option value=*value>{move || store.t(msg)}</option> }
        })
        .collect_view();
    let ready = crate::table::presets::ALL
        .iter()
        .map(|preset| {
            let name = preset.name;
            view! { <option value=preset.id>{move || store.t(name)}</option> }
        })
        .collect_view();
    (blank, ready)
}

/// The table an option of the insert menu stands for.
pub fn table_choice(value: &str) -> Option<Table> {
    BLANK_TABLES
        .iter()
        .find(|(name, ..)| *name == value)
        .map(|(_, rows, cols, _)| crate::table::presets::blank(*rows, *cols))
        .or_else(|| crate::table::presets::find(value).map(|preset| (preset.make)()))
}

/// The cells a paste carries (`table::clipboard::read_clipboard`: the HTML
/// table Excel, Calc and Word put there, with merged cells, else the
/// tab-separated text).
fn pasted_grid(text: &str, html: Option<&str>) -> Grid {
    crate::table::clipboard::read_clipboard(text, html).unwrap_or_default()
}

/// A paste into a paragraph, bullet or caption: a copied table (several
/// rows of several cells) becomes a new table after the block; anything
/// else is the field's own paste.
pub fn paste_into_text(store: Store, node: NodeId, event: &ClipboardEvent) {
    let (text, html) = events::clipboard_contents(event);
    let grid = pasted_grid(&text, html.as_deref());
    if !nav::is_table_grid(&grid.rows) {
        return;
    }
    let slot = store.document.with_untracked(|document| {
        document
            .as_ref()
            .and_then(|document| nav::slot_after(document, node))
    });
    let Some((container, index)) = slot else {
        return;
    };
    events::prevent_default(event);
    let table = match crate::table::clipboard::table_from_grid(grid, None) {
        Ok(table) => table,
        Err(error) => {
            store.report(&crate::session::SessionError::Edit(
                crate::edit::EditError::Table(error),
            ));
            return;
        }
    };
    if store
        .dispatch(Edit::InsertBlock {
            container,
            index,
            kind: BlockKind::Table(Box::new(table)),
        })
        .is_ok()
    {
        store.say(Msg::TableFromPaste);
    }
}

/// The table `table` of the open document, through `f`.
fn with_stored<T>(store: Store, table: NodeId, f: impl FnOnce(&Table) -> T) -> Option<T> {
    store.document.with_untracked(|document| {
        document
            .as_ref()
            .and_then(|document| match document.find_block(table) {
                Some(Block::Table(table)) => Some(f(table)),
                _ => None,
            })
    })
}

fn focus_place(store: Store, table: NodeId, place: Place) {
    store.focus_element_selected(place_id(table, place));
}

/// Applies `op` to the table; true when it was made.
fn apply(store: Store, table: NodeId, op: TableOp) -> bool {
    store.dispatch(Edit::EditTable { table, op }).is_ok()
}

/// Adds a data row at `index` and puts the caret in its cell of `column`.
fn add_row(store: Store, ctx: TableCtx, index: usize, column: NodeId) {
    if !apply(
        store,
        ctx.id,
        TableOp::InsertRow {
            index,
            kind: RowKind::Data,
        },
    ) {
        return;
    }
    if let Some(Some(row)) = with_stored(store, ctx.id, |table| table.rows.get(index).map(|r| r.id))
    {
        focus_place(store, ctx.id, Place::Cell { row, column });
    }
}

/// A key pressed in the field of `place`: Tab, Enter and the arrows move
/// about the table (see `table::nav`).
fn on_key(store: Store, ctx: TableCtx, place: Place, event: &KeyboardEvent) {
    if events::is_composing(event) {
        return;
    }
    let (at_start, at_end) = events::caret_at_edges(event);
    let Some(step) = nav::step_for(&events::key_press(event), at_start, at_end) else {
        // Alt+↑ / Alt+↓ move the table among the blocks, as they move any
        // block; the caret stays in its cell.
        let command = crate::keymap::command(&events::key_press(event), false);
        let direction = match command {
            Some(crate::keymap::Command::MoveUp) => crate::edit::Direction::Up,
            Some(crate::keymap::Command::MoveDown) => crate::edit::Direction::Down,
            _ => return,
        };
        events::prevent_default(event);
        let _ = store.dispatch(Edit::MoveBlock {
            block: ctx.id,
            direction,
        });
        store.focus_element(place_id(ctx.id, place));
        return;
    };
    let outcome = ctx.table.with_untracked(|table| {
        table
            .as_ref()
            .map_or(Outcome::Stay, |table| nav::navigate(table, place, step))
    });
    match outcome {
        Outcome::Focus(to) => {
            events::prevent_default(event);
            focus_place(store, ctx.id, to);
        }
        Outcome::AddRow { index, column } => {
            events::prevent_default(event);
            add_row(store, ctx, index, column);
        }
        Outcome::Stay => {}
    }
}

/// A paste into a cell: several cells fill the table from there.
fn on_cell_paste(store: Store, ctx: TableCtx, row: NodeId, column: NodeId, event: &ClipboardEvent) {
    let (text, html) = events::clipboard_contents(event);
    let grid = pasted_grid(&text, html.as_deref()).rows;
    if grid.len() < 2 && grid.first().is_none_or(|line| line.len() < 2) {
        return;
    }
    let at = ctx.table.with_untracked(|table| {
        table
            .as_ref()
            .and_then(|table| Some((table.row_index(row)?, table.column_index(column)?)))
    });
    let Some((r, c)) = at else {
        return;
    };
    events::prevent_default(event);
    apply(
        store,
        ctx.id,
        TableOp::Paste {
            row: r,
            col: c,
            cells: grid,
        },
    );
}

fn set_active(ctx: TableCtx, place: Place) {
    if ctx.active.get_untracked() != Some(place) {
        ctx.active.set(Some(place));
    }
}

/// A row's cells as shown, with their columns' ids.
type RowCells = ArcRwSignal<Vec<(NodeId, CellView)>>;

fn cells_of(view: &TableView, row: NodeId) -> Vec<(NodeId, CellView)> {
    view.rows
        .iter()
        .find(|x| x.id == row)
        .map(|row| {
            view.columns
                .iter()
                .map(|column| column.id)
                .zip(row.cells.iter().cloned())
                .collect()
        })
        .unwrap_or_default()
}

/// The signal of row `row`'s cells, which its cells read. One effect per
/// table (`follow_rows`) sets the signals of the rows whose cells change,
/// so that a figure typed reaches the cells of its row, its group and the
/// total, and the rest of the table's cells are not even looked at.
fn row_cells(ctx: TableCtx, row: NodeId) -> RowCells {
    let initial = || {
        ArcRwSignal::new(
            ctx.view
                .with_untracked(|view| view.as_ref().map(|view| cells_of(view, row)))
                .unwrap_or_default(),
        )
    };
    ctx.rows
        .try_update_value(|rows| rows.entry(row).or_insert_with(initial).clone())
        .unwrap_or_else(initial)
}

/// Sets the rows' signals from the table's view when their cells change,
/// and forgets the rows that are gone. A change made by typing into a cell
/// is followed `FOLLOW_TYPING_MS` later (the typed field already shows it);
/// any other change (undo, a toolbar step, a paste) at once.
fn follow_rows(ctx: TableCtx) {
    Effect::new(move |_| {
        ctx.view.track();
        let Some(generation) = ctx.generation.try_update_value(|value| {
            *value += 1;
            *value
        }) else {
            return;
        };
        if let Some(Some(row)) = ctx.typing.try_get_value() {
            ctx.typing.set_value(None);
            set_rows(ctx, Follow::TypedOnly(row));
            set_timeout(
                move || {
                    if ctx.generation.try_get_value() == Some(generation) {
                        set_rows(ctx, Follow::All);
                    }
                },
                std::time::Duration::from_millis(FOLLOW_TYPING_MS),
            );
        } else {
            set_rows(ctx, Follow::All);
        }
    });
}

/// Which cells `set_rows` brings up to date.
#[derive(Clone, Copy, PartialEq)]
enum Follow {
    /// The cells typed into in this row, not the computed ones: what a key
    /// changes in its own frame (the field shows it already; its signal
    /// learns it).
    TypedOnly(NodeId),
    All,
}

/// Sets the signals of the rows whose cells differ from the view's.
fn set_rows(ctx: TableCtx, follow: Follow) {
    ctx.view.with_untracked(|view| {
        let Some(view) = view else {
            return;
        };
        ctx.rows.update_value(|rows| {
            rows.retain(|id, _| view.rows.iter().any(|row| row.id == *id));
            for (id, signal) in rows.iter() {
                if matches!(follow, Follow::TypedOnly(row) if row != *id) {
                    continue;
                }
                let mut cells = cells_of(view, *id);
                let changed = signal.with_untracked(|old| {
                    if follow != Follow::All && old.len() == cells.len() {
                        for (new, old) in cells.iter_mut().zip(old) {
                            if new.1.computed || old.1.computed {
                                new.1 = old.1.clone();
                            }
                        }
                    }
                    *old != cells
                });
                if changed {
                    signal.set(cells);
                }
            }
        });
    });
}

/// One body cell, `column` of the row whose cells are `cells`.
fn body_cell(
    store: Store,
    ctx: TableCtx,
    cells: RowCells,
    row: NodeId,
    column: NodeId,
) -> impl IntoView {
    let cell = Memo::new(move |_| {
        cells
            .with(|cells| {
                cells
                    .iter()
                    .find(|(id, _)| *id == column)
                    .map(|(_, cell)| cell.clone())
            })
            .unwrap_or_default()
    });
    let place = Place::Cell { row, column };
    let computed = move || cell.with(|cell| cell.computed);
    let typed_over = move || cell.with(|cell| cell.typed_over);
    view! {
        <td class="table-td" class:computed=computed class:typed-over=typed_over>
            <input
                id=place_id(ctx.id, place)
                type="text"
                class="table-cell"
                class:computed=computed
                class:numeric=move || cell.with(|cell| cell.numeric)
                data-row=row.to_string()
                data-col=column.to_string()
                aria-label=move || {
                    if computed() { store.t(Msg::TableComputedCell) } else { store.t(Msg::TableCell) }
                }
                title=move || computed().then(|| store.t(Msg::TableComputedCell))
                prop:value=move || cell.with(|cell| cell.text.clone())
                on:focus=move |_| set_active(ctx, place)
                on:keydown=move |event| on_key(store, ctx, place, &event)
                on:paste=move |event| on_cell_paste(store, ctx, row, column, &event)
                on:input=move |event| {
                    let text = events::input_value(&event);
                    let shown = cell.get_untracked();
                    if shown.computed {
                        // A computed place asks before it takes a typed figure.
                        if dom::confirm(store.t(Msg::ConfirmTypeOverComputed)) {
                            if apply(store, ctx.id, TableOp::SetTyped { row, column, typed: true }) {
                                let _ = store.dispatch(Edit::SetTableText {
                                    table: ctx.id,
                                    slot: TableSlot::Cell { row, column },
                                    text,
                                });
                            }
                        } else {
                            events::restore_value(&event, &shown.text);
                        }
                        return;
                    }
                    ctx.typing.set_value(Some(row));
                    let outcome = store.dispatch(Edit::SetTableText {
                        table: ctx.id,
                        slot: TableSlot::Cell { row, column },
                        text,
                    });
                    if outcome.is_err() {
                        ctx.typing.set_value(None);
                    }
                }
            />
            <Show when=computed>
                <span class="fx-mark" aria-hidden="true">"ƒ"</span>
            </Show>
            <Show when=typed_over>
                <button
                    type="button"
                    class="icon give-back"
                    data-testid="table-give-back"
                    aria-label=move || store.t(Msg::TableGiveBack)
                    title=move || format!("{} — {}", store.t(Msg::TableTypedOver), store.t(Msg::TableGiveBack))
                    on:click=move |_| {
                        apply(store, ctx.id, TableOp::SetTyped { row, column, typed: false });
                    }
                >
                    "↺"
                </button>
            </Show>
        </td>
    }
}

/// One header cell, merged ones spanning their places.
fn header_cell(
    store: Store,
    ctx: TableCtx,
    (row, col, rows, cols): (usize, usize, usize, usize),
) -> impl IntoView {
    let text = Memo::new(move |_| {
        ctx.table.with(|table| {
            table
                .as_ref()
                .and_then(|table| table.header.get(row)?.get(col).cloned())
                .unwrap_or_default()
        })
    });
    let place = Place::Header { row, col };
    let merged = rows * cols > 1;
    view! {
        <th colspan=cols.to_string() rowspan=rows.to_string() class:merged=merged>
            <input
                id=place_id(ctx.id, place)
                type="text"
                class="table-head"
                data-row=row.to_string()
                data-col=col.to_string()
                aria-label=move || format!("{} {}, {} {}", store.t(Msg::TableHeadCell), row + 1, store.t(Msg::TableColumnWord), col + 1)
                prop:value=move || text.get()
                on:focus=move |_| set_active(ctx, place)
                on:keydown=move |event| on_key(store, ctx, place, &event)
                on:input=move |event| {
                    let _ = store.dispatch(Edit::SetTableText {
                        table: ctx.id,
                        slot: TableSlot::Header { row, col },
                        text: events::input_value(&event),
                    });
                }
            />
        </th>
    }
}

/// What the toolbar acts on: the active place's row and column.
#[derive(Clone, Debug, Default, PartialEq)]
struct Selection {
    /// (id, index, kind) of the body row.
    row: Option<(NodeId, usize, RowKind)>,
    /// Its indent.
    indent: u8,
    /// (id, index, kind) of the column.
    column: Option<(NodeId, usize, ColumnKind)>,
    /// The header place.
    header: Option<(usize, usize)>,
    /// Whether the header place is a merged cell.
    merged: bool,
    /// (id, number and header text) of the number columns, for the operand
    /// pickers.
    columns: Vec<(NodeId, String)>,
    header_rows: usize,
    number_row: bool,
}

fn selection(table: &Table, active: Option<Place>) -> Selection {
    let mut out = Selection {
        columns: table
            .columns
            .iter()
            .enumerate()
            .filter(|(_, column)| !matches!(column.kind, ColumnKind::Text))
            .map(|(index, column)| {
                let text = table
                    .header
                    .iter()
                    .rev()
                    .find_map(|line| line.get(index).filter(|text| !text.trim().is_empty()))
                    .cloned()
                    .unwrap_or_default();
                (
                    column.id,
                    format!("{} {}", index + 1, text).trim().to_owned(),
                )
            })
            .collect(),
        header_rows: table.header.len(),
        number_row: table.number_row,
        ..Selection::default()
    };
    let column_at = |c: usize| {
        table
            .columns
            .get(c)
            .map(|column| (column.id, c, column.kind.clone()))
    };
    match active {
        Some(Place::Cell { row, column }) => {
            out.row = table.row_index(row).map(|r| (row, r, table.rows[r].kind));
            out.indent = table.row_index(row).map_or(0, |r| table.rows[r].indent);
            out.column = table.column_index(column).and_then(column_at);
        }
        Some(Place::Header { row, col }) if row < table.header.len() => {
            out.header = Some((row, col));
            out.merged = table.merge_at(row, col).is_some();
            out.column = column_at(col);
        }
        _ => {}
    }
    out
}

/// A toolbar button that keeps the caret in the cell it acts on.
fn tool(
    store: Store,
    label: Msg,
    title: Msg,
    testid: &'static str,
    disabled: impl Fn() -> bool + Send + Sync + 'static,
    act: impl Fn() + 'static,
) -> AnyView {
    tool_button(
        store,
        label,
        title,
        testid,
        Signal::derive(disabled),
        Box::new(act),
    )
}

/// The button of [`tool`], one type for all of them: the toolbar's
/// buttons share this code instead of a copy per pair of closures
/// (issue 19, point 4).
fn tool_button(
    store: Store,
    label: Msg,
    title: Msg,
    testid: &'static str,
    disabled: Signal<bool>,
    act: Box<dyn Fn()>,
) -> AnyView {
    view! {
        <button
            type="button"
            data-testid=testid
            title=move || store.t(title)
            aria-label=move || store.t(title)
            disabled=move || disabled.get()
            on:mousedown=|event| events::prevent_default(&event)
            on:click=move |_| act()
        >
            {move || store.t(label)}
        </button>
    }
    .into_any()
}

/// The controls that change a table's shape and kinds.
fn toolbar(store: Store, ctx: TableCtx) -> impl IntoView {
    let sel = Memo::new(move |_| {
        let active = ctx.active.get();
        ctx.table
            .with(|table| table.as_ref().map(|table| selection(table, active)))
            .unwrap_or_default()
    });
    let id = ctx.id;
    let no_row = move || sel.with(|s| s.row.is_none());
    let no_column = move || sel.with(|s| s.column.is_none());
    let no_header = move || sel.with(|s| s.header.is_none());
    // Refocuses the active place after a change, when it is still there.
    let refocus = move || {
        if let Some(place) = ctx.active.get_untracked() {
            store.focus_element(place_id(id, place));
        }
    };
    let insert_row = move |below: bool| {
        if let Some(((_, r, _), column)) = sel.with_untracked(|s| s.row.zip(s.column.clone())) {
            add_row(store, ctx, r + usize::from(below), column.0);
        }
    };
    let delete_row = move || {
        let Some((row, r, _)) = sel.with_untracked(|s| s.row) else {
            return;
        };
        let column = sel.with_untracked(|s| s.column.as_ref().map(|c| c.0));
        if apply(store, id, TableOp::DeleteRow { row }) {
            let next = with_stored(store, id, |table| {
                let at = r.min(table.rows.len().saturating_sub(1));
                table.rows.get(at).map(|row| row.id)
            })
            .flatten();
            if let (Some(row), Some(column)) = (next, column) {
                ctx.active.set(Some(Place::Cell { row, column }));
                focus_place(store, id, Place::Cell { row, column });
            }
        }
    };
    let move_row = move |up: bool| {
        if let Some((row, _, _)) = sel.with_untracked(|s| s.row) {
            if apply(store, id, TableOp::MoveRow { row, up }) {
                refocus();
            }
        }
    };
    let indent_row = move |deeper: bool| {
        if let Some(((row, _, _), indent)) = sel.with_untracked(|s| s.row.map(|r| (r, s.indent))) {
            let indent = if deeper {
                indent.saturating_add(1)
            } else {
                indent.saturating_sub(1)
            };
            if apply(store, id, TableOp::SetRowIndent { row, indent }) {
                refocus();
            }
        }
    };
    let insert_column = move |right: bool| {
        if let Some((_, c, _)) = sel.with_untracked(|s| s.column.clone()) {
            let index = c + usize::from(right);
            if apply(
                store,
                id,
                TableOp::InsertColumn {
                    index,
                    kind: ColumnKind::Number { decimals: 0 },
                },
            ) {
                // The caret goes to the new column, in the same row.
                let new_column =
                    with_stored(store, id, |table| table.columns.get(index).map(|c| c.id))
                        .flatten();
                let row = sel.with_untracked(|s| s.row.map(|r| r.0));
                match (row, new_column) {
                    (Some(row), Some(column)) => {
                        focus_place(store, id, Place::Cell { row, column })
                    }
                    _ => refocus(),
                }
            }
        }
    };
    let delete_column = move || {
        if let Some((column, c, _)) = sel.with_untracked(|s| s.column.clone()) {
            let row = sel.with_untracked(|s| s.row.map(|r| r.0));
            if apply(store, id, TableOp::DeleteColumn { column }) {
                let next = with_stored(store, id, |table| {
                    let at = c.min(table.columns.len().saturating_sub(1));
                    table.columns.get(at).map(|column| column.id)
                })
                .flatten();
                if let (Some(row), Some(column)) = (row, next) {
                    ctx.active.set(Some(Place::Cell { row, column }));
                    focus_place(store, id, Place::Cell { row, column });
                }
            }
        }
    };
    let move_column = move |left: bool| {
        if let Some((column, _, _)) = sel.with_untracked(|s| s.column.clone()) {
            if apply(store, id, TableOp::MoveColumn { column, left }) {
                refocus();
            }
        }
    };
    let set_kind = move |kind: ColumnKind| {
        if let Some((column, _, _)) = sel.with_untracked(|s| s.column.clone()) {
            apply(store, id, TableOp::SetColumnKind { column, kind });
        }
    };
    let merge = move |down: bool| {
        let Some((row, col)) = sel.with_untracked(|s| s.header) else {
            return;
        };
        let target = ctx.table.with_untracked(|table| {
            table.as_ref().and_then(|table| {
                let merge = nav::merge_with(table, row, col, down)?;
                // Merged cells inside the new rectangle are split first.
                let inside: Vec<(usize, usize)> = table
                    .merges
                    .iter()
                    .filter(|m| {
                        m.row >= merge.row
                            && m.col >= merge.col
                            && m.row + m.rows <= merge.row + merge.rows
                            && m.col + m.cols <= merge.col + merge.cols
                    })
                    .map(|m| (m.row, m.col))
                    .collect();
                Some((merge, inside))
            })
        });
        let Some((merge, inside)) = target else {
            return;
        };
        for (row, col) in inside {
            apply(store, id, TableOp::Split { row, col });
        }
        if apply(store, id, TableOp::Merge(merge)) {
            let place = Place::Header {
                row: merge.row,
                col: merge.col,
            };
            ctx.active.set(Some(place));
            focus_place(store, id, place);
        }
    };
    let split = move || {
        if let Some((row, col)) = sel.with_untracked(|s| s.header) {
            if apply(store, id, TableOp::Split { row, col }) {
                refocus();
            }
        }
    };
    let kind_value = move || {
        sel.with(|s| {
            s.column
                .as_ref()
                .map(|(_, _, kind)| ColumnChoice::of(kind).name())
                .unwrap_or("")
        })
    };
    let decimals = move || {
        sel.with(|s| {
            s.column
                .as_ref()
                .map(|(_, _, kind)| nav::decimals(kind))
                .unwrap_or(0)
        })
    };
    let choice = move || sel.with(|s| s.column.as_ref().map(|(_, _, kind)| ColumnChoice::of(kind)));
    // The operand pickers of a two-column formula.
    let operand_picker = move |second: bool, label: Msg, testid: &'static str| {
        view! {
            <label class="table-tool-field">
                <span>{move || store.t(label)}</span>
                <select
                    data-testid=testid
                    on:change=move |event| {
                        let Ok(column) = event_target_value(&event).parse::<NodeId>() else { return };
                        if let Some((_, _, kind)) = sel.with_untracked(|s| s.column.clone()) {
                            set_kind(nav::with_operand(&kind, second, column));
                        }
                    }
                >
                    {move || {
                        let (own, operands, columns) = sel.with(|s| {
                            let own = s.column.as_ref().map(|c| c.0);
                            let operands = s.column.as_ref().and_then(|(_, _, kind)| nav::operands(kind));
                            (own, operands, s.columns.clone())
                        });
                        let picked = operands.map(|(a, b)| if second { b } else { a });
                        columns
                            .into_iter()
                            .filter(|(column, _)| Some(*column) != own)
                            .map(|(column, name)| {
                                view! {
                                    <option value=column.to_string() selected=picked == Some(column)>{name}</option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
        }
    };
    view! {
        <div class="table-toolbar" role="toolbar" aria-label=move || store.t(Msg::TableLabel)>
            <div class="table-tool-group" role="group" aria-label=move || store.t(Msg::TableRows)>
                <span class="table-tool-name">{move || store.t(Msg::TableRows)}</span>
                {tool(store, Msg::RowAbove, Msg::RowAboveLabel, "table-row-above", no_row, move || insert_row(false))}
                {tool(store, Msg::RowBelow, Msg::RowBelowLabel, "table-row-below", no_row, move || insert_row(true))}
                <button type="button" class="icon" data-testid="table-row-up" title=move || store.t(Msg::RowUp) aria-label=move || store.t(Msg::RowUp)
                    disabled=no_row on:mousedown=|e| events::prevent_default(&e) on:click=move |_| move_row(true)>"↑"</button>
                <button type="button" class="icon" data-testid="table-row-down" title=move || store.t(Msg::RowDown) aria-label=move || store.t(Msg::RowDown)
                    disabled=no_row on:mousedown=|e| events::prevent_default(&e) on:click=move |_| move_row(false)>"↓"</button>
                <button type="button" class="icon" data-testid="table-row-indent" title=move || store.t(Msg::RowIndent) aria-label=move || store.t(Msg::RowIndent)
                    disabled=move || no_row() || sel.with(|s| s.indent >= crate::table::MAX_INDENT)
                    on:mousedown=|e| events::prevent_default(&e) on:click=move |_| indent_row(true)>"⇥"</button>
                <button type="button" class="icon" data-testid="table-row-outdent" title=move || store.t(Msg::RowOutdent) aria-label=move || store.t(Msg::RowOutdent)
                    disabled=move || no_row() || sel.with(|s| s.indent == 0)
                    on:mousedown=|e| events::prevent_default(&e) on:click=move |_| indent_row(false)>"⇤"</button>
                {tool(store, Msg::RowDelete, Msg::RowDelete, "table-row-delete", no_row, delete_row)}
                <select
                    data-testid="table-row-kind"
                    aria-label=move || store.t(Msg::RowKindLabel)
                    title=move || store.t(Msg::RowKindLabel)
                    disabled=no_row
                    on:change=move |event| {
                        let value = event_target_value(&event);
                        let kind = ROW_KINDS.iter().find(|(kind, _)| row_kind_name(*kind) == value).map(|(kind, _)| *kind);
                        if let (Some(kind), Some((row, _, _))) = (kind, sel.with_untracked(|s| s.row)) {
                            if apply(store, id, TableOp::SetRowKind { row, kind }) {
                                refocus();
                            }
                        }
                    }
                >
                    {ROW_KINDS
                        .iter()
                        .map(|(kind, msg)| {
                            let kind = *kind;
                            let msg = *msg;
                            view! {
                                <option
                                    value=row_kind_name(kind)
                                    prop:selected=move || sel.with(|s| s.row.map(|r| r.2)) == Some(kind)
                                >
                                    {move || store.t(msg)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="table-tool-group" role="group" aria-label=move || store.t(Msg::TableColumns)>
                <span class="table-tool-name">{move || store.t(Msg::TableColumns)}</span>
                {tool(store, Msg::ColumnLeft, Msg::ColumnLeftLabel, "table-col-left", no_column, move || insert_column(false))}
                {tool(store, Msg::ColumnRight, Msg::ColumnRightLabel, "table-col-right", no_column, move || insert_column(true))}
                <button type="button" class="icon" data-testid="table-col-move-left" title=move || store.t(Msg::ColumnMoveLeft) aria-label=move || store.t(Msg::ColumnMoveLeft)
                    disabled=no_column on:mousedown=|e| events::prevent_default(&e) on:click=move |_| move_column(true)>"←"</button>
                <button type="button" class="icon" data-testid="table-col-move-right" title=move || store.t(Msg::ColumnMoveRight) aria-label=move || store.t(Msg::ColumnMoveRight)
                    disabled=no_column on:mousedown=|e| events::prevent_default(&e) on:click=move |_| move_column(false)>"→"</button>
                {tool(store, Msg::ColumnDelete, Msg::ColumnDelete, "table-col-delete", no_column, delete_column)}
                <select
                    data-testid="table-col-kind"
                    aria-label=move || store.t(Msg::ColumnKindLabel)
                    title=move || store.t(Msg::ColumnKindLabel)
                    disabled=no_column
                    prop:value=kind_value
                    on:change=move |event| {
                        let Some(choice) = ColumnChoice::from_name(&event_target_value(&event)) else { return };
                        let kind = ctx.table.with_untracked(|table| {
                            let (_, c, kind) = sel.with_untracked(|s| s.column.clone())?;
                            Some(nav::kind_for(table.as_ref()?, c, choice, nav::decimals(&kind)))
                        });
                        if let Some(kind) = kind {
                            set_kind(kind);
                        }
                    }
                >
                    {ColumnChoice::ALL
                        .into_iter()
                        .map(|choice| view! { <option value=choice.name()>{move || store.t(choice_msg(choice))}</option> })
                        .collect_view()}
                </select>
                <label class="table-tool-field">
                    <span>{move || store.t(Msg::ColumnDecimals)}</span>
                    <input
                        type="number"
                        min="0"
                        max="6"
                        class="narrow"
                        data-testid="table-col-decimals"
                        disabled=move || no_column() || choice() == Some(ColumnChoice::Text)
                        prop:value=move || decimals().to_string()
                        on:change=move |event| {
                            let Ok(decimals) = event_target_value(&event).trim().parse::<u8>() else { return };
                            let kind = ctx.table.with_untracked(|table| {
                                let (_, c, kind) = sel.with_untracked(|s| s.column.clone())?;
                                Some(nav::kind_for(table.as_ref()?, c, ColumnChoice::of(&kind), decimals))
                            });
                            if let Some(kind) = kind {
                                set_kind(kind);
                            }
                        }
                    />
                </label>
                <Show when=move || choice().is_some_and(ColumnChoice::has_two_operands)>
                    {operand_picker(false, Msg::ColumnOperandFirst, "table-col-operand-a")}
                    {operand_picker(true, Msg::ColumnOperandSecond, "table-col-operand-b")}
                </Show>
                <Show when=move || choice() == Some(ColumnChoice::Sum)>
                    <span class="table-tool-field" data-testid="table-col-sum">
                        <span>{move || store.t(Msg::ColumnSumOf)}</span>
                        {move || {
                            let (own, summed, columns) = sel.with(|s| {
                                let own = s.column.as_ref().map(|c| c.0);
                                let summed = match s.column.as_ref().map(|c| &c.2) {
                                    Some(ColumnKind::Computed { formula: crate::table::Formula::Sum { columns }, .. }) => columns.clone(),
                                    _ => Vec::new(),
                                };
                                (own, summed, s.columns.clone())
                            });
                            columns
                                .into_iter()
                                .filter(|(column, _)| Some(*column) != own)
                                .map(|(column, name)| {
                                    let checked = summed.contains(&column);
                                    view! {
                                        <label class="sum-choice">
                                            <input
                                                type="checkbox"
                                                prop:checked=checked
                                                on:change=move |_| {
                                                    if let Some((_, _, kind)) = sel.with_untracked(|s| s.column.clone()) {
                                                        set_kind(nav::with_operand(&kind, false, column));
                                                    }
                                                }
                                            />
                                            {name}
                                        </label>
                                    }
                                })
                                .collect_view()
                        }}
                    </span>
                </Show>
            </div>
            <div class="table-tool-group" role="group" aria-label=move || store.t(Msg::TableHeaderTools)>
                <span class="table-tool-name">{move || store.t(Msg::TableHeaderTools)}</span>
                {tool(store, Msg::MergeRight, Msg::MergeRightLabel, "table-merge-right", no_header, move || merge(false))}
                {tool(store, Msg::MergeDown, Msg::MergeDownLabel, "table-merge-down", no_header, move || merge(true))}
                {tool(store, Msg::SplitCell, Msg::SplitCellLabel, "table-split", move || !sel.with(|s| s.merged), split)}
                {tool(store, Msg::HeaderRowAdd, Msg::HeaderRowAdd, "table-header-add", || false, move || {
                    let index = sel.with_untracked(|s| s.header.map_or(s.header_rows, |(row, _)| row + 1));
                    if apply(store, id, TableOp::InsertHeaderRow { index }) {
                        focus_place(store, id, Place::Header { row: index, col: 0 });
                    }
                })}
                {tool(store, Msg::HeaderRowDelete, Msg::HeaderRowDelete, "table-header-delete", move || sel.with(|s| s.header_rows == 0), move || {
                    let index = sel.with_untracked(|s| s.header.map_or(s.header_rows.saturating_sub(1), |(row, _)| row));
                    if apply(store, id, TableOp::DeleteHeaderRow { index }) {
                        ctx.active.set(None);
                    }
                })}
                <label class="table-tool-field">
                    <input
                        type="checkbox"
                        data-testid="table-number-row"
                        prop:checked=move || sel.with(|s| s.number_row)
                        on:change=move |event| {
                            apply(store, id, TableOp::SetNumberRow(event_target_checked(&event)));
                        }
                    />
                    <span>{move || store.t(Msg::NumberRowToggle)}</span>
                </label>
            </div>
            <div class="table-tool-group" role="group">
                <button
                    type="button"
                    class="danger"
                    data-testid="table-delete"
                    on:click=move |_| {
                        if store.dispatch(Edit::DeleteBlock { block: id }).is_ok() {
                            store.say(Msg::Deleted);
                        }
                    }
                >
                    {move || store.t(Msg::DeleteTable)}
                </button>
            </div>
            <p class="hint table-hint">
                {move || {
                    if sel.with(|s| s.header.is_some()) {
                        store.t(Msg::TablePickHeader)
                    } else if no_row() {
                        store.t(Msg::TablePickCell)
                    } else {
                        ""
                    }
                }}
            </p>
        </div>
    }
}

/// The editor of table `id`, whose current value `table` holds.
pub fn table_editor(store: Store, id: NodeId, table: Memo<Option<Table>>) -> impl IntoView {
    let view = Memo::new(move |_| table.with(|table| table.as_ref().map(crate::table::view)));
    let shape = Memo::new(move |_| {
        view.with(|view| {
            view.as_ref()
                .map(|view| Shape {
                    columns: view.columns.iter().map(|c| (c.id, c.numeric)).collect(),
                    rows: view.rows.iter().map(|r| (r.id, r.kind, r.indent)).collect(),
                    widths: view.columns.iter().map(|c| c.width_permille).collect(),
                    header: view
                        .header
                        .iter()
                        .map(|line| {
                            line.iter()
                                .map(|cell| (cell.row, cell.col, cell.row_span, cell.col_span))
                                .collect()
                        })
                        .collect(),
                    number_row: view.number_row.clone(),
                })
                .unwrap_or_default()
        })
    });
    let ctx = TableCtx {
        id,
        table,
        view,
        active: RwSignal::new(None),
        rows: StoredValue::new(HashMap::new()),
        typing: StoredValue::new(None),
        generation: StoredValue::new(0),
    };
    follow_rows(ctx);
    let caption = Memo::new(move |_| {
        table.with(|t| {
            t.as_ref()
                .map(|t| (t.caption.clone(), t.unit.clone()))
                .unwrap_or_default()
        })
    });
    let set = move |slot: TableSlot, text: String| {
        let _ = store.dispatch(Edit::SetTableText {
            table: id,
            slot,
            text,
        });
    };
    let unit_id = format!("unit-{id}");
    view! {
        <div class="block table-block" data-node=id.to_string() data-testid="table-block">
            <div class="table-meta">
                <label class="block-label" for=field_id(id)>{move || store.t(Msg::TableCaption)}</label>
                <input
                    id=field_id(id)
                    type="text"
                    class="table-caption"
                    data-testid="table-caption"
                    placeholder=move || store.t(Msg::TableCaptionHint)
                    prop:value=move || caption.with(|c| c.0.clone())
                    on:input=move |event| set(TableSlot::Caption, events::input_value(&event))
                />
                <label class="block-label" for=unit_id.clone()>{move || store.t(Msg::TableUnit)}</label>
                <input
                    id=unit_id.clone()
                    type="text"
                    class="table-unit"
                    data-testid="table-unit"
                    placeholder=move || store.t(Msg::TableUnitHint)
                    prop:value=move || caption.with(|c| c.1.clone())
                    on:input=move |event| set(TableSlot::Unit, events::input_value(&event))
                />
                {super::editor::block_tools(store, id)}
            </div>
            <div class="table-scroll">
                // Laid out from its columns' widths (those of the print),
                // not from its cells' content: a figure typed changes no
                // column's width, and the browser lays out one row.
                <table
                    class="table-grid"
                    style:width=move || {
                        shape.with(|s| format!("max(100%, {}rem)", 5.5 * s.widths.len() as f32))
                    }
                >
                    <colgroup>
                        {move || {
                            shape
                                .with(|s| s.widths.clone())
                                .into_iter()
                                .map(|w| {
                                    view! { <col style:width=format!("{}%", f32::from(w) / 10.0) /> }
                                })
                                .collect_view()
                        }}
                    </colgroup>
                    <thead>
                        <For
                            each=move || shape.with(|s| s.header.clone())
                            key=|line| line.clone()
                            let:line
                        >
                            <tr>
                                {line.into_iter().map(|cell| header_cell(store, ctx, cell)).collect_view()}
                            </tr>
                        </For>
                        {move || {
                            shape.with(|s| s.number_row.clone()).map(|numbers| {
                                view! {
                                    <tr class="number-row" data-testid="table-number-row-cells">
                                        {numbers.into_iter().map(|n| view! { <td>{n}</td> }).collect_view()}
                                    </tr>
                                }
                            })
                        }}
                    </thead>
                    <tbody>
                        <For
                            each=move || shape.with(|s| s.rows.clone())
                            key=|row| *row
                            let:row
                        >
                            {
                                let cells = row_cells(ctx, row.0);
                                view! {
                                    <tr class=format!("table-row row-{} indent-{}", row_kind_name(row.1), row.2.min(3)) data-row=row.0.to_string()>
                                        <For
                                            each=move || shape.with(|s| s.columns.clone())
                                            key=|column| *column
                                            let:column
                                        >
                                            {body_cell(store, ctx, cells.clone(), row.0, column.0)}
                                        </For>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </div>
            {toolbar(store, ctx)}
        </div>
    }
}
