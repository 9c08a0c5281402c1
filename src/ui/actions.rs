//! What the user asks of the open draft and the library beyond typing:
//! files in (import, checked first) and out (the draft as JSON, DOCX, HTML,
//! Markdown, text), local versions, library actions, set-aside entries.
//! Each calls the session and shows its outcome. In an in-app browser
//! (`inapp::detect`), where a download cannot start, a file goes out
//! through the share sheet instead (`Outgoing`, `ui::share`).

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::model::NodeId;
use crate::next_year::{Place, YearChange};
use crate::persist::library::Usage;
use crate::platform::{clock, dom, files, page};
use crate::session::{Origin, Session, SessionError};
use crate::transfer::{ImportError, Incoming, Reading};

use super::store::Store;

/// The text formats a draft can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Docx,
    Html,
    Markdown,
    Text,
}

/// A file that an in-app browser cannot download, waiting in the share
/// dialog: its name, type and bytes, whether the browser can share it,
/// and, for a draft file, the time to record as its backup once shared.
#[derive(Clone, Debug, PartialEq)]
pub struct Outgoing {
    pub name: String,
    pub mime: String,
    pub bytes: std::sync::Arc<Vec<u8>>,
    pub can_share: bool,
    pub draft_at: Option<f64>,
    /// The app whose browser this is ("Zalo").
    pub app: &'static str,
}

/// Inflates the parts of a Word file that `plan` names, each capped at its
/// declared size, one task each; `go_on(done, count)` after each says
/// whether to go on (`Ok(None)` once it says no).
pub(super) async fn inflate_docx_parts(
    bytes: &[u8],
    plan: &crate::import_docx::Plan,
    go_on: impl Fn(usize, usize) -> bool,
) -> Result<Option<std::collections::BTreeMap<String, Vec<u8>>>, ImportError> {
    use crate::import_docx::{self, DocxError, ZipProblem};
    use crate::platform::inflate::{inflate_raw, InflateError};
    let mut parts = std::collections::BTreeMap::new();
    let count = plan.needed.len();
    for (index, entry) in plan.needed.iter().enumerate() {
        let inflated = if entry.method == 0 {
            import_docx::stored(bytes, entry)
                .ok_or(ImportError::Docx(DocxError::Damaged(ZipProblem::Truncated)))
        } else {
            inflate_raw(&bytes[entry.data.clone()], entry.inflate_cap())
                .await
                .map_err(|error| match error {
                    InflateError::Unsupported => ImportError::CannotUnzip,
                    InflateError::TooLarge { seen, .. } => {
                        ImportError::Docx(DocxError::PartTooLarge {
                            part: entry.name.clone(),
                            bytes: seen as u64,
                        })
                    }
                    InflateError::Corrupt => {
                        ImportError::Docx(DocxError::Damaged(ZipProblem::Truncated))
                    }
                })
        };
        if !go_on(index + 1, count) {
            return Ok(None);
        }
        parts.insert(entry.name.clone(), inflated?);
    }
    Ok(Some(parts))
}

impl Store {
    /// Reads the library from storage again.
    pub fn refresh_library(&self) {
        let (drafts, set_aside, templates) = self
            .with_session(|session| (session.library(), session.set_aside(), session.templates()));
        self.library.set(drafts);
        self.set_aside.set(set_aside);
        self.user_templates.set(templates);
        // Asks the browser to keep the site's storage, and what IndexedDB
        // takes, for the meter's second line.
        self.refresh_bulk_meter();
    }

    /// What the app's entries and the whole site's take in storage.
    pub fn storage_usage(&self) -> Usage {
        self.session.with_value(Session::usage)
    }

    /// Downloads the open draft as a JSON file, which any copy of the app can
    /// open, and records that its text is safe in a file.
    pub fn download_draft(&self) {
        clock::measure("baocao-export-json", || {
            let now = clock::epoch_ms();
            let date = clock::local_date_iso(now);
            if let Some(bytes) = self.with_session(|s| s.pictures_too_large()) {
                let lang = self.lang.get_untracked();
                self.message
                    .set(Some(crate::i18n::pictures_too_large(lang, bytes)));
                return;
            }
            let file = self.with_session(|s| s.draft_file(&date, now));
            if let Some((name, text)) = file {
                // In an in-app browser the draft counts as kept only once
                // it is shared.
                if self.offer_file(&name, "application/json", text.into_bytes(), Some(now)) {
                    self.with_session(|s| s.downloaded(now));
                    self.sync();
                }
            }
        });
    }

    /// Prints the preview (also "Save as PDF"), brought up to date first:
    /// the dialog opens at the next frame, once the change is on the page.
    /// Firefox prints without page numbers and the preview's line keeping
    /// (`print_support`): it is told so, and the print goes ahead.
    pub fn print(&self) {
        self.show_now();
        if crate::print_support::print_differs_from_preview(&page::user_agent()) {
            self.say(Msg::PrintInFirefox);
        }
        request_animation_frame(dom::print);
    }

    /// Downloads the open draft as DOCX, HTML, Markdown or plain text. The
    /// file is made from the open document itself; the preview is brought
    /// up to date first, so that it shows what the file holds.
    pub fn export(&self, format: ExportFormat) {
        super::lazy::run(*self, super::lazy::export(*self, format));
    }

    /// `export`, in the part of the app that writes files out.
    pub(super) fn export_now(&self, format: ExportFormat) {
        self.show_now();
        let name = match format {
            ExportFormat::Docx => "baocao-export-docx",
            ExportFormat::Html => "baocao-export-html",
            ExportFormat::Markdown => "baocao-export-markdown",
            ExportFormat::Text => "baocao-export-text",
        };
        clock::measure(name, || self.export_unmeasured(format));
    }

    fn export_unmeasured(&self, format: ExportFormat) {
        let Some(mut envelope) = self.session.with_value(Session::envelope) else {
            return;
        };
        let now = clock::epoch_ms();
        let base = crate::persist::file_name(&envelope.document.title, &clock::local_date_iso(now));
        let base = base.trim_end_matches(".baocao.json");
        let pictures = self.with_session(|s| s.pictures());
        let document = &envelope.document;
        let (text, extension, mime) = match format {
            ExportFormat::Html => (
                crate::export::html_with(&mut envelope, &pictures),
                "html",
                "text/html",
            ),
            ExportFormat::Markdown => (crate::export::markdown(document), "md", "text/markdown"),
            ExportFormat::Text => (crate::export::plain_text(document), "txt", "text/plain"),
            ExportFormat::Docx => {
                let bytes = crate::docx::docx_with(document, &pictures);
                let mime =
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
                self.offer_file(&format!("{base}.docx"), mime, bytes, None);
                return;
            }
        };
        let mime = format!("{mime};charset=utf-8");
        self.offer_file(
            &format!("{base}.{extension}"),
            &mime,
            text.into_bytes(),
            None,
        );
    }

    /// Downloads a file, or in an in-app browser (where a download cannot
    /// start, and a blob link may replace the page with the file) shows
    /// the dialog that shares it instead. True when it was downloaded.
    /// `draft_at`: a draft file, recorded as kept at that time once shared.
    pub(super) fn offer_file(
        &self,
        name: &str,
        mime: &str,
        bytes: Vec<u8>,
        draft_at: Option<f64>,
    ) -> bool {
        let Some(app) = crate::inapp::detect(&page::user_agent()) else {
            return files::download_bytes(name, mime, &bytes);
        };
        let can_share = files::can_share_file(name, mime, &bytes);
        self.outgoing.set(Some(Outgoing {
            name: name.to_owned(),
            mime: mime.to_owned(),
            bytes: std::sync::Arc::new(bytes),
            can_share,
            draft_at,
            app: app.name(),
        }));
        false
    }

    /// Opens the share sheet with the waiting file (in the click's
    /// handler: browsers share only in answer to one).
    pub fn share_outgoing(&self) {
        let Some(outgoing) = self.outgoing.get_untracked() else {
            return;
        };
        let store = *self;
        files::share_file(
            &outgoing.name,
            &outgoing.mime,
            &outgoing.bytes,
            move |outcome| match outcome {
                files::Shared::Done => {
                    if let Some(at) = outgoing.draft_at {
                        store.with_session(|s| s.downloaded(at));
                        store.sync();
                    }
                    store.outgoing.set(None);
                    store.say(Msg::InAppShared);
                }
                files::Shared::Cancelled => {}
                files::Shared::Failed => store.say(Msg::InAppShareFailed),
            },
        );
    }

    /// Downloads an entry that could not be read, as it was stored.
    pub fn download_set_aside(&self, key: &str, text: &str) {
        let name = crate::persist::library::set_aside_file_name(key);
        self.offer_file(&name, "application/json", text.as_bytes().to_vec(), None);
    }

    /// Removes a set-aside entry, after asking.
    pub fn remove_set_aside(&self, key: &str) {
        if !dom::confirm(self.t(Msg::ConfirmRemoveSetAside)) {
            return;
        }
        if let Err(error) = self.with_session(|s| s.remove_set_aside(key)) {
            self.report(&error);
        }
        self.refresh_library();
    }

    /// Checks a file's bytes and shows what it would bring in, or why not.
    pub fn import_bytes(&self, bytes: &[u8]) {
        super::lazy::run(*self, super::lazy::import_bytes(*self, bytes.to_vec()));
    }

    /// `import_bytes`, in the part of the app that reads files in.
    pub(super) fn import_bytes_now(&self, bytes: &[u8]) {
        if crate::transfer::is_docx(bytes) {
            self.import_docx_bytes(bytes);
            return;
        }
        self.import_text_or_draft(bytes);
    }

    /// Checks a file's bytes (anything but a .docx) and shows what it would
    /// bring in, or why not.
    fn import_text_or_draft(&self, bytes: &[u8]) {
        clock::start_measure("baocao-import");
        self.read_incoming(crate::transfer::start_file(bytes));
    }

    /// Checks pasted text and shows what it would bring in, or why not.
    pub fn import_pasted(&self, text: &str) {
        super::lazy::run(*self, super::lazy::import_pasted(*self, text.to_owned()));
    }

    /// `import_pasted`, in the part of the app that reads files in.
    pub(super) fn import_pasted_now(&self, text: &str) {
        clock::start_measure("baocao-import");
        self.read_incoming(crate::transfer::start_pasted(text));
    }

    /// Reads a Word file (`transfer::is_docx`): the core plans what to
    /// unzip and checks the limits first (`import_docx::plan`), the browser
    /// inflates each part, capped at its declared size, a task each (with
    /// the progress in the dialog), and the core reads the parts
    /// (`transfer::read_docx_parts`). Another zip goes the way of other
    /// files, which says what it is.
    pub fn import_docx_bytes(&self, bytes: &[u8]) {
        use crate::import_docx::{self, DocxError};
        clock::start_measure("baocao-import");
        let plan = match import_docx::plan(bytes) {
            Ok(plan) => plan,
            Err(DocxError::NotWord) => {
                self.import_text_or_draft(bytes);
                return;
            }
            Err(error) => {
                clock::end_measure("baocao-import");
                self.show_import_error(&ImportError::Docx(error));
                return;
            }
        };
        let generation = self.import_generation.get_value() + 1;
        self.import_generation.set_value(generation);
        self.incoming.set(None);
        self.import_error.set(None);
        self.import_progress.set(Some(0));
        let bytes = bytes.to_vec();
        let store = *self;
        leptos::task::spawn_local(async move {
            let stale = || store.import_generation.get_value() != generation;
            let parts = inflate_docx_parts(&bytes, &plan, |done, count| {
                if !stale() {
                    store
                        .import_progress
                        .set(Some((50 * done / count.max(1)) as u8));
                }
                !stale()
            })
            .await;
            let parts = match parts {
                Ok(Some(parts)) => parts,
                Ok(None) => return,
                Err(error) => {
                    clock::end_measure("baocao-import");
                    store.show_import_error(&error);
                    return;
                }
            };
            // The progress shows before the parts are read.
            clock::next_task().await;
            if stale() {
                return;
            }
            // The XML at once, then the text a slice at a time, as a text's.
            let reading = clock::measure("baocao-import-docx-xml", || {
                crate::transfer::start_docx_parts(&plan, &parts, bytes.len())
            });
            drop(parts);
            store.continue_reading(reading, generation);
        });
    }

    /// Shows a file read at once, or reads a text slice by slice, one task
    /// each, with its progress in the dialog.
    fn read_incoming(&self, reading: Reading) {
        let generation = self.import_generation.get_value() + 1;
        self.import_generation.set_value(generation);
        self.continue_reading(reading, generation);
    }

    /// Shows a reading done, or reads its text slice by slice, one task
    /// each, while `generation` is the import's.
    fn continue_reading(&self, reading: Reading, generation: u64) {
        let mut text = match reading {
            Reading::Done(outcome) => {
                clock::end_measure("baocao-import");
                self.import_progress.set(None);
                self.show_incoming(*outcome);
                return;
            }
            Reading::Text(text) => text,
        };
        self.incoming.set(None);
        self.import_error.set(None);
        self.import_progress.set(Some(0));
        let store = *self;
        leptos::task::spawn_local(async move {
            while clock::measure("baocao-import-slice", || text.step())
                == crate::import_text::Step::Working
            {
                store.import_progress.set(Some(text.percent()));
                clock::next_task().await;
                if store.import_generation.get_value() != generation {
                    return;
                }
            }
            let incoming = clock::measure("baocao-import-finish", || text.finish());
            clock::end_measure("baocao-import");
            store.import_progress.set(None);
            clock::measure("baocao-import-show", || store.show_incoming(incoming));
        });
    }

    /// Stops a text being read, and closes the import dialog.
    pub fn cancel_import(&self) {
        self.import_generation
            .set_value(self.import_generation.get_value() + 1);
        self.import_progress.set(None);
        self.incoming.set(None);
        self.import_error.set(None);
    }

    /// Makes the draft waiting in the import dialog follow `ruleset`.
    pub fn choose_import_ruleset(&self, ruleset: crate::model::Ruleset) {
        self.incoming
            .update(|incoming| *incoming = incoming.take().map(|i| i.with_ruleset(ruleset)));
    }

    fn show_incoming(&self, outcome: Result<Incoming, ImportError>) {
        match outcome {
            Ok(incoming) => {
                self.import_error.set(None);
                self.incoming.set(Some(incoming));
            }
            Err(error) => self.show_import_error(&error),
        }
    }

    pub fn show_import_error(&self, error: &ImportError) {
        // A text still being read from an earlier file stops.
        self.import_generation
            .set_value(self.import_generation.get_value() + 1);
        self.import_progress.set(None);
        self.incoming.set(None);
        let lang = self.lang.get_untracked();
        let text = crate::i18n::describe_import_error(lang, error);
        self.import_error.set(Some(text));
    }

    /// Brings the confirmed file in: as a new draft, in place of the open
    /// draft (after a version of it is kept, undoably), or as a template.
    pub fn accept_import(&self, replace: bool) {
        let Some(incoming) = self.incoming.get_untracked() else {
            return;
        };
        self.incoming.set(None);
        if let Some(template) = incoming.template.filter(|_| !replace) {
            match self.with_session(|s| s.add_template(&template)) {
                Ok(_) => self.say(Msg::ImportedTemplate),
                Err(error) => self.report(&error),
            }
            self.refresh_library();
            return;
        }
        // The pictures the file carried are stored first, once each.
        if let Err(error) = self.with_session(|s| s.store_pictures(&incoming.pictures)) {
            self.report(&error);
            return;
        }
        if replace && self.open_meta.get_untracked().is_some() {
            self.replace_keeping(
                incoming.document,
                crate::persist::SnapshotReason::BeforeImport,
                None,
            );
            return;
        }
        self.open_new_from(incoming.document, Origin::File);
    }

    /// Makes next year's draft from draft `id` (saving it first if it is
    /// the open one) and shows the years changed for review.
    pub fn use_for_next_year(&self, id: &str) {
        super::lazy::run(*self, super::lazy::use_for_next_year(*self, id.to_owned()));
    }

    /// `use_for_next_year`, in the part of the app that makes it.
    pub(super) fn use_for_next_year_now(&self, id: &str) {
        if self
            .open_meta
            .get_untracked()
            .is_some_and(|meta| meta.id == id)
        {
            self.flush();
        }
        let id = id.to_owned();
        self.unpark_then(&id.clone(), move |store| {
            let lang = store.lang.get_untracked();
            let untitled = move |title: &str| crate::i18n::next_year_title(lang, title);
            let outcome = store.with_session(|s| s.next_year(&id, &untitled, clock::epoch_ms()));
            match outcome {
                Ok(made) => {
                    store.message.set(None);
                    store.next_year_review.set(Some(NextYearReview::of(made)));
                }
                Err(error) => store.report(&error),
            }
            store.refresh_library();
            store.park_closed();
        });
    }

    /// Library actions on drafts that are not open.
    pub fn duplicate(&self, id: &str) {
        let lang = self.lang.get_untracked();
        let copy_title = move |title: &str| crate::i18n::duplicate_title(lang, title);
        self.library_action(id, move |s, id, now| {
            s.duplicate(id, &copy_title, now).map(|()| None)
        });
    }

    pub fn rename(&self, id: &str, title: &str) {
        let title = title.to_owned();
        self.library_action(id, move |s, id, now| {
            s.rename(id, &title, now).map(|()| None)
        });
    }

    pub fn trash(&self, id: &str) {
        self.library_action(id, |s, id, now| {
            s.trash(id, now)?;
            Ok(Some(Msg::MovedToTrash))
        });
    }

    pub fn restore_from_trash(&self, id: &str) {
        self.message.set(None);
        self.library_action(id, |s, id, now| {
            s.restore_from_trash(id, now).map(|()| None)
        });
    }

    pub fn empty_trash(&self) {
        self.empty_trash_everywhere();
    }

    /// Runs `action` on draft `id`, brought back from the bulk store
    /// first when it is parked there, and parks it again after; a message
    /// the action returns is shown.
    fn library_action(
        &self,
        id: &str,
        action: impl FnOnce(&mut Session, &str, f64) -> Result<Option<Msg>, SessionError> + 'static,
    ) {
        self.library_action_boxed(id, Box::new(action));
    }

    fn library_action_boxed(&self, id: &str, action: Box<LibraryAction>) {
        let owned = id.to_owned();
        self.unpark_then(id, move |store| {
            match store.with_session(|s| action(s, &owned, clock::epoch_ms())) {
                Ok(done) => {
                    if let Some(msg) = done {
                        store.say(msg);
                    }
                }
                Err(error) => store.report(&error),
            }
            store.sync();
            store.refresh_library();
            store.park_closed();
        });
    }
}

/// A library action on a draft (`Store::library_action`).
type LibraryAction = dyn FnOnce(&mut Session, &str, f64) -> Result<Option<Msg>, SessionError>;

/// Next year's draft just made, as the review on the library screen shows
/// it: its id and name, and each year changed with the reference of its
/// section ("II.1"; empty for the frame and the opening).
#[derive(Clone, Debug, PartialEq)]
pub struct NextYearReview {
    pub id: String,
    pub title: String,
    pub changes: Vec<(YearChange, String)>,
}

impl NextYearReview {
    fn of(made: crate::session::NextYearMade) -> NextYearReview {
        let outline = crate::numbering::outline(&made.document);
        let reference = |id: NodeId| {
            outline
                .iter()
                .find(|entry| entry.id == id)
                .map(|entry| entry.reference.clone())
                .unwrap_or_default()
        };
        let changes = made
            .changes
            .into_iter()
            .map(|change| {
                let at = match change.place {
                    Place::Heading(id) | Place::Guidance(id) | Place::Table(id) => reference(id),
                    Place::Title | Place::Subject => String::new(),
                };
                (change, at)
            })
            .collect();
        NextYearReview {
            id: made.id,
            title: made.document.title,
            changes,
        }
    }
}
