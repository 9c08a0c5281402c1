//! The parts of the app that are downloaded when first used, not with the
//! page: reading files in (text, Word, drafts) and the dialog that shows
//! them, writing them out (DOCX, HTML, Markdown, text), consolidation, next
//! year's draft, the table editor, and the library screen (a returning
//! user's page opens on the draft, a new visitor's on the library).
//!
//! Each is a *split point*: an async function whose body, and all the code
//! only it reaches, the release build moves into a separate wasm file
//! (`tools/wasm-split.mjs` runs `wasm-split-cli` on the module rustc
//! wrote, at the `#[wasm_split]` marks of `wasm_split_helpers`, which
//! Leptos re-exports). The first call fetches that file (the service
//! worker has it cached after one visit); later calls go straight in.
//!
//! The split happens only with `--cfg baocao_split`, which `./dev` sets
//! for release builds together with the linker's `--emit-relocs`. Without
//! it (native tests, debug builds) each function is a plain async call,
//! so the same code runs everywhere. A load that fails (the network lost
//! on a first visit) is `NotLoaded`, which the caller reports; the next
//! call tries again.

use leptos::prelude::*;

use super::actions::ExportFormat;
use super::store::Store;
use crate::i18n::Msg;

/// A part of the app could not be downloaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotLoaded;

impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// Declares a split point in module `$part`: with `baocao_split`, the
/// body goes to that part's file; otherwise it runs in place.
macro_rules! split_point {
    ($part:ident; $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        #[cfg(baocao_split)]
        #[::leptos::wasm_split::wasm_split($part, wasm_split_path = ::leptos::wasm_split, fallible)]
        $vis fn $name($($arg: $ty),*) -> Result<$ret, NotLoaded> {
            Ok($body)
        }
        #[cfg(not(baocao_split))]
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, NotLoaded> {
            Ok($body)
        }
    };
}

split_point!(import; pub fn import_bytes(store: Store, bytes: Vec<u8>) -> () {
    store.import_bytes_now(&bytes)
});

split_point!(import; pub fn import_pasted(store: Store, text: String) -> () {
    store.import_pasted_now(&text)
});

split_point!(export; pub fn export(store: Store, format: ExportFormat) -> () {
    store.export_now(format)
});

split_point!(next_year; pub fn use_for_next_year(store: Store, id: String) -> () {
    store.use_for_next_year_now(&id)
});

split_point!(consolidate; pub fn consolidate_dialog(open: RwSignal<bool>) -> AnyView {
    super::consolidate::dialog(open)
});

split_point!(import; pub fn import_dialog() -> AnyView {
    view! { <super::import::ImportDialog /> }.into_any()
});

split_point!(table; pub fn table_editor(
    store: Store,
    id: crate::model::NodeId,
    table: Memo<Option<crate::table::Table>>,
) -> AnyView {
    super::table::table_editor(store, id, table).into_any()
});

split_point!(library; pub fn welcome() -> AnyView {
    view! { <super::welcome::Welcome /> }.into_any()
});

/// Shows the view a split point gives once its part is downloaded:
/// "Đang tải…" meanwhile; if it could not be, the message where the view
/// would be, with "Thử lại", which asks for the part again.
pub fn lazy_view<F>(store: Store, load: impl Fn() -> F + Send + Sync + 'static) -> impl IntoView
where
    F: std::future::Future<Output = Result<AnyView, NotLoaded>> + Send + 'static,
{
    let attempt = RwSignal::new(0_u32);
    view! {
        <Suspense fallback=move || {
            view! { <p class="loading-part" data-testid="loading-part">{store.t(Msg::PartLoading)}</p> }
        }>
            {move || {
                attempt.track();
                let loading = untrack(&load);
                Suspend::new(async move {
                    match loading.await {
                        Ok(view) => view,
                        Err(NotLoaded) => view! {
                            <p class="loading-part" role="alert" data-testid="part-not-loaded">
                                {store.t(Msg::PartNotLoaded)} " "
                                <button
                                    type="button"
                                    data-testid="part-retry"
                                    on:click=move |_| attempt.update(|n| *n += 1)
                                >
                                    {store.t(Msg::PartRetry)}
                                </button>
                            </p>
                        }
                        .into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// Runs `work` (a split point's call) as a task; a part that could not be
/// downloaded is said in the status line.
pub fn run(store: Store, work: impl std::future::Future<Output = Result<(), NotLoaded>> + 'static) {
    leptos::task::spawn_local(async move {
        if work.await.is_err() {
            store.say(Msg::PartNotLoaded);
        }
    });
}
