//! The live preview: the whole document laid out on an A4 sheet in the
//! chosen ruleset, updated as the user types. The same sheet is what prints
//! (Ctrl+P or the toolbar), with the ruleset's page margins. The header,
//! title and closing are `frame`'s lines, set as they say, like every
//! export's.

use leptos::prelude::*;

use crate::i18n::Msg;
use std::collections::VecDeque;

use crate::frame::{self, Align, Line, Role, Rule};
use crate::index::{SectionView, PREAMBLE};
use crate::model::SectionKind;
use crate::model::{NodeId, Ruleset};
use crate::pagination::{self, Block};
use crate::platform::clock;
use crate::platform::dom::{self, MeasuredBlock};
use crate::render::{self, Element};
use crate::rules::{layout, LayoutRules};
use crate::table::{RowKind, TableView};

use super::store::use_store;

const SHEET_ID: &str = "preview-sheet";
const MARKS_ID: &str = "page-marks";
const FRAME_ID: &str = "sheet-frame";

/// The sheet's blocks, in the order they are printed: the header and
/// closing tables and the title lines, and every line of the body.
/// A statistics table counts row by row (`doc-head-row`, `doc-row`):
/// the print breaks a table between rows, never inside one.
const BLOCKS: &str = ":scope > table, :scope > p, .sheet-section p, .sheet-section tr";

/// The same blocks within one section's box: every paragraph and row.
const UNIT_BLOCKS: &str = "p, tr";

/// The boxes of the sheet that are measured alone when only their text
/// changed (`crate::sheet_measure`): the items of the parts, each a box of
/// its own in the style sheet (`.sheet-section`). An appendix's are not:
/// a landscape one is scaled on the sheet and measured at its printed size.
const UNITS: &str = ".sheet > .sheet-section:not(.sheet-appendix) > .sheet-section";

/// How long after the last change the pages are worked out again: the
/// autosave's pause, so that typing never waits for a layout read.
const REPAGINATE_MS: u64 = super::store::SAVE_DEBOUNCE_MS;

const PX_PER_MM: f32 = 96.0 / 25.4;
const PX_PER_PT: f32 = 96.0 / 72.0;

/// What a measured block's classes say about it, read in one pass over
/// its class list (a long report has thousands of blocks, measured again
/// at every pause in typing).
#[derive(Clone, Copy, Default)]
struct Kinds {
    /// A heading, a title line, a table's caption, unit line or header
    /// row: kept with what follows, never split.
    kept: bool,
    frame: bool,
    row: bool,
    head_row: bool,
    appendix: bool,
    landscape: bool,
}

fn kinds_of(class: &str) -> Kinds {
    let mut kinds = Kinds::default();
    for name in class.split_whitespace() {
        match name {
            "doc-part" | "doc-item" | "doc-point" | "doc-type" | "doc-subject"
            | "doc-subject-rule" | "doc-division" | "doc-table-caption" | "doc-table-unit" => {
                kinds.kept = true
            }
            "doc-head-row" => {
                kinds.kept = true;
                kinds.head_row = true;
            }
            "doc-frame" => kinds.frame = true,
            "doc-row" => kinds.row = true,
            "doc-appendix" => kinds.appendix = true,
            "doc-appendix-landscape" => kinds.landscape = true,
            _ => {}
        }
    }
    kinds
}

/// A measured block as the pagination sees it: headings and the title
/// lines kept with what follows (`break-after: avoid`,
/// `break-inside: avoid` in the style sheet), the header and closing
/// tables and the other frame lines never split, a body line split
/// between any of its lines of `pitch`.
fn block_of(measured: &MeasuredBlock, kinds: Kinds, pitch: f32, landscape_height: f32) -> Block {
    let kept = kinds.kept;
    let whole = kept || measured.table || kinds.frame || kinds.row;
    Block {
        top: measured.top,
        height: measured.height,
        lines: if whole {
            1
        } else {
            ((measured.height / pitch).round() as u32).max(1)
        },
        pitch,
        keep_with_next: kept,
        no_split: whole,
        // An appendix starts a new page; a landscape one's are shorter.
        break_before: kinds.appendix,
        page_height: if kinds.landscape {
            landscape_height
        } else {
            0.0
        },
        repeat_height: 0.0,
    }
}

/// The blocks of the sheet, each table's body rows carrying the height of
/// the header rows above them, which the print repeats on each page the
/// table goes on to.
fn blocks_of(measured: &[MeasuredBlock], pitch: f32, landscape_height: f32) -> Vec<Block> {
    let mut blocks = Vec::with_capacity(measured.len());
    let mut header: Option<(f32, f32)> = None;
    let mut in_header = false;
    for one in measured {
        let kinds = kinds_of(&one.class);
        let mut block = block_of(one, kinds, pitch, landscape_height);
        if kinds.head_row {
            header = match header {
                Some((top, _)) if in_header => Some((top, one.top + one.height)),
                _ => Some((one.top, one.top + one.height)),
            };
            in_header = true;
        } else if kinds.row {
            in_header = false;
            block.repeat_height = header.map_or(0.0, |(top, bottom)| bottom - top);
        } else {
            in_header = false;
            header = None;
        }
        blocks.push(block);
    }
    blocks
}

/// Where the printed pages start on the sheet (pages 2 and after), in CSS
/// pixels from the sheet's top at 100 %: the sheet's blocks measured and
/// paginated as Chromium prints them.
/// `None` while the sheet is not shown (another tab on a narrow screen).
fn page_starts(rules: &LayoutRules, watch: &dom::SheetWatch) -> Option<Vec<f32>> {
    let (width, height) = rules.page_mm();
    let margins = rules.margins_mm;
    let pitch = rules.line_pitch_pt(rules.body_pt) * PX_PER_PT;
    let measured = watch.measure(&dom::SheetLayout {
        id: SHEET_ID,
        blocks: BLOCKS,
        unit_blocks: UNIT_BLOCKS,
        width_px: width * PX_PER_MM,
        inset_px: margins.top * PX_PER_MM,
        wrapper_id: FRAME_ID,
        counter_id: MARKS_ID,
    })?;
    let page_height = (height - margins.top - margins.bottom) * PX_PER_MM;
    // A landscape appendix's page. While the sheet is measured, the
    // appendix is at its printed size (`.measuring` in the style sheet:
    // scaled down, its rows' borders stay a whole pixel and the rows come
    // out taller than printed); its marks are then scaled as it is shown.
    let landscape_height = if rules.landscape {
        0.0
    } else {
        (width - margins.top - margins.bottom) * PX_PER_MM
    };
    let blocks = blocks_of(&measured, pitch, landscape_height);
    let zoom = landscape_zoom(rules);
    Some(
        pagination::page_breaks(&blocks, page_height)
            .iter()
            .map(|page_break| {
                pagination::shown_at(&blocks, page_break.at, zoom) + margins.top * PX_PER_MM
            })
            .collect(),
    )
}

/// How often the pages are tried again while the sheet is not shown.
const HIDDEN_RETRY_MS: u64 = 1000;

/// Runs `repaginate` `delay_ms` after the last call, unless another call
/// came since; while it cannot (the sheet is not shown), tries again
/// every `HIDDEN_RETRY_MS`.
fn schedule_repaginate(
    generation: StoredValue<u64>,
    delay_ms: u64,
    repaginate: impl Fn() -> bool + Copy + 'static,
) {
    let Some(next) = generation.try_get_value().map(|value| value + 1) else {
        return;
    };
    generation.set_value(next);
    set_timeout(
        move || {
            if generation.try_get_value() == Some(next) && !repaginate() {
                schedule_repaginate(generation, HIDDEN_RETRY_MS, repaginate);
            }
        },
        std::time::Duration::from_millis(delay_ms),
    );
}

/// How much a landscape appendix is scaled down on the sheet: as wide as
/// its printed text, it fits the sheet's text column.
fn landscape_zoom(rules: &LayoutRules) -> f32 {
    let (page_width, page_height) = rules.page_mm();
    let margins = rules.margins_mm;
    let text_width = page_width - margins.left - margins.right;
    let landscape_width = page_width.max(page_height) - margins.left - margins.right;
    if landscape_width > 0.0 {
        (text_width / landscape_width).min(1.0)
    } else {
        1.0
    }
}

/// Sets the sheet's sizes and the printed page from the ruleset's data
/// with the draft's own page settings.
fn apply_layout(rules: &LayoutRules) {
    let margins = rules.margins_mm;
    let (page_width, page_height) = rules.page_mm();
    let pt = |value: f32| format!("{value}pt");
    let landscape_width = page_width.max(page_height) - margins.left - margins.right;
    let landscape_zoom = landscape_zoom(rules);
    let mm = |value: f32| format!("{value}mm");
    dom::set_css_variables(
        SHEET_ID,
        &[
            ("--page-width", mm(page_width)),
            ("--page-height", mm(page_height)),
            ("--margin-top", mm(margins.top)),
            ("--margin-bottom", mm(margins.bottom)),
            ("--margin-left", mm(margins.left)),
            ("--margin-right", mm(margins.right)),
            ("--header-left", format!("{}%", rules.header_left_percent)),
            ("--body-pt", pt(rules.body_pt)),
            ("--indent", mm(rules.first_line_indent_mm)),
            ("--paragraph-gap", pt(rules.paragraph_spacing_pt)),
            ("--line-pitch", pt(rules.line_pitch_pt(rules.body_pt))),
            ("--landscape-width", mm(landscape_width)),
            ("--landscape-zoom", landscape_zoom.to_string()),
            ("--table-pt", pt(rules.table_pt())),
            ("--table-pitch", pt(rules.line_pitch_pt(rules.table_pt()))),
            ("--closing-gap", pt(rules.closing_space_before_pt)),
            ("--rule-line", pt(frame::RULE_LINE_PT)),
        ],
    );
    // Page numbers: centred in the top margin, not on the first page.
    let page = format!(
        "@page {{ size: A4{}; margin: {}mm {}mm {}mm {}mm; @top-center {{ content: counter(page); font-family: 'Times New Roman', 'Liberation Serif', serif; font-size: {}pt; }} }}",
        if rules.landscape { " landscape" } else { "" },
        margins.top,
        margins.right,
        margins.bottom,
        margins.left,
        rules.page_number_pt
    );
    // A landscape appendix prints on A4 turned on its side (a named page,
    // `page: landscape` in the style sheet), with the same margins.
    let landscape = format!(
        "@page landscape {{ size: A4 landscape; margin: {}mm {}mm {}mm {}mm; }}",
        margins.top, margins.right, margins.bottom, margins.left
    );
    dom::set_page_rules(&[
        &page,
        &landscape,
        "@page :first { @top-center { content: none; } }",
    ]);
}

pub(super) fn element_view(element: Element) -> AnyView {
    let trailing = element.trailing_text().map(str::to_owned);
    match element {
        Element::Heading {
            depth,
            number,
            text,
            ..
        } => {
            let class = match depth {
                0 => "doc-part",
                1 => "doc-item",
                _ => "doc-point",
            };
            let run_in = trailing;
            let heading = (!text.trim().is_empty()).then_some(text);
            view! {
                <p class=class>
                    <span class="doc-heading">{number}{heading.map(|text| format!(" {text}"))}</span>
                    {run_in.map(|text| view! { <span class="doc-run-in">{format!(" {text}")}</span> })}
                </p>
            }
            .into_any()
        }
        Element::Paragraph { text, .. } => {
            if text.trim().is_empty() {
                ().into_any()
            } else {
                view! { <p class="doc-paragraph">{text}</p> }.into_any()
            }
        }
        Element::Bullet {
            list_depth,
            marker,
            text,
            ..
        } => {
            if text.trim().is_empty() {
                ().into_any()
            } else {
                let class = if list_depth == 0 {
                    "doc-bullet"
                } else {
                    "doc-bullet doc-sub-bullet"
                };
                view! { <p class=class>{format!("{marker} {text}")}</p> }.into_any()
            }
        }
        Element::Assessment { label, .. } => {
            let rest = trailing;
            view! {
                <p class="doc-paragraph doc-assessment">
                    <span class="doc-assessment-label">{format!("{label}:")}</span>
                    {rest.map(|text| format!(" {text}"))}
                </p>
            }
            .into_any()
        }
        Element::Figure {
            caption, picture, ..
        } => {
            let store = super::store::use_store();
            let picture = picture.and_then(|picture| {
                super::pictures::url(store, &picture.id).map(|src| {
                    view! {
                        <p class="doc-picture">
                            <img
                                src=src
                                alt=caption.trim().to_owned()
                                width=picture.width
                                height=picture.height
                                data-testid="preview-picture"
                            />
                        </p>
                    }
                })
            });
            let caption =
                (!caption.trim().is_empty()).then(|| view! { <p class="doc-figure">{caption}</p> });
            view! { {picture} {caption} }.into_any()
        }
        Element::Division { number, text, .. } => {
            division_view(number, text, String::new(), "doc-division")
        }
        Element::Appendix {
            number,
            text,
            landscape,
            attachment,
            ..
        } => division_view(
            number,
            text,
            attachment,
            if landscape {
                "doc-division doc-appendix doc-appendix-landscape"
            } else {
                "doc-division doc-appendix"
            },
        ),
        Element::Table { view, .. } => table_view(*view, None).into_any(),
    }
}

/// A division's or an appendix's number line and title, centred and bold.
fn division_view(number: String, text: String, attachment: String, class: &'static str) -> AnyView {
    let titled = !text.trim().is_empty();
    let attached = !attachment.trim().is_empty();
    let end = |last: bool| if last { " doc-division-end" } else { "" };
    let class = format!("{class}{}", end(!titled && !attached));
    let title = titled.then(|| {
        view! { <p class=format!("doc-division{}", end(!attached))>{text}</p> }
    });
    let attachment = attached.then(|| {
        view! { <p class="doc-division doc-attachment doc-division-end">{attachment}</p> }
    });
    view! {
        <p class=class>{number}</p>
        {title}
        {attachment}
    }
    .into_any()
}

/// The texts of a row's cells.
fn texts_of(row: &crate::table::RowView) -> Vec<String> {
    row.cells.iter().map(|cell| cell.text.clone()).collect()
}

/// A statistics table: caption and unit line above it, the header rows and
/// the column numbers in `thead` (repeated on every printed page), merged
/// cells spanning, numbers to the right, group and total rows bold, and
/// computed cells tinted on screen.
///
/// With `live`, the cells' figures follow it (the same table's current
/// view) and the table is not built again when only they change.
fn table_view(table: TableView, live: Option<Memo<Option<TableView>>>) -> impl IntoView {
    let caption = (!table.caption.trim().is_empty())
        .then(|| view! { <p class="doc-table-caption">{table.caption.clone()}</p> });
    let unit = (!table.unit_line.is_empty())
        .then(|| view! { <p class="doc-table-unit">{table.unit_line.clone()}</p> });
    let columns = table
        .columns
        .iter()
        .map(|column| {
            view! { <col style:width=format!("{}%", f32::from(column.width_permille) / 10.0) /> }
        })
        .collect_view();
    let header = table
        .header
        .iter()
        .map(|row| {
            let cells = row
                .iter()
                .map(|cell| {
                    view! {
                        <th
                            rowspan=(cell.row_span > 1).then(|| cell.row_span.to_string())
                            colspan=(cell.col_span > 1).then(|| cell.col_span.to_string())
                        >
                            {cell.text.clone()}
                        </th>
                    }
                })
                .collect_view();
            view! { <tr class="doc-head-row">{cells}</tr> }
        })
        .collect_view();
    let numbers = table.number_row.clone().map(|numbers| {
        let cells = numbers
            .into_iter()
            .map(|number| view! { <th>{number}</th> })
            .collect_view();
        view! { <tr class="doc-head-row doc-number-row">{cells}</tr> }
    });
    // With a live view, a signal per row holds its cells' texts, and one
    // effect sets the signals of the rows whose texts change: a figure
    // typed reaches the cells of its row, its group and the total, and the
    // rest of the table's cells are not even looked at.
    let row_texts: Vec<ArcRwSignal<Vec<String>>> = match live {
        Some(live) => {
            let signals: Vec<_> = table
                .rows
                .iter()
                .map(|row| ArcRwSignal::new(texts_of(row)))
                .collect();
            let follow = signals.clone();
            Effect::new(move |_| {
                live.with(|live| {
                    let Some(view) = live else {
                        return;
                    };
                    for (signal, row) in follow.iter().zip(&view.rows) {
                        let texts = texts_of(row);
                        if signal.with_untracked(|old| *old != texts) {
                            signal.set(texts);
                        }
                    }
                });
            });
            signals
        }
        None => Vec::new(),
    };
    let rows = table
        .rows
        .iter()
        .enumerate()
        .map(|(at, row)| {
            let class = match row.kind {
                RowKind::Group => "doc-row doc-group-row",
                RowKind::Total => "doc-row doc-total-row",
                RowKind::Label => "doc-row doc-label-row",
                RowKind::Data => "doc-row",
            };
            let indent = usize::from(row.indent.min(3));
            // The row's figures as the live view shows them, which its
            // cells read; set by `follow_rows` only when they change.
            let texts = row_texts.get(at).cloned();
            let cells = row
                .cells
                .iter()
                .enumerate()
                .map(|(c, cell)| {
                    let mut class = String::new();
                    for (on, name) in [
                        (cell.numeric, "num"),
                        (cell.computed, "computed"),
                        (cell.typed_over, "typed"),
                        (
                            c == 0 && indent > 0,
                            ["", "indent-1", "indent-2", "indent-3"][indent],
                        ),
                    ] {
                        if on {
                            if !class.is_empty() {
                                class.push(' ');
                            }
                            class.push_str(name);
                        }
                    }
                    let cell_text = cell.text.clone();
                    // The figure itself follows the live view when there
                    // is one: typing in the table's editor changes this
                    // text, not the cell.
                    // A memo per cell, so that a figure typed changes the
                    // texts of the cells it changes and writes no other.
                    let text = texts.clone().map(|texts| {
                        Memo::new(move |_| {
                            texts.with(|texts| texts.get(c).cloned().unwrap_or_default())
                        })
                    });
                    let text = move || match text {
                        Some(text) => text.get(),
                        None => cell_text.clone(),
                    };
                    view! { <td class=class>{text}</td> }
                })
                .collect_view();
            view! { <tr class=class>{cells}</tr> }
        })
        .collect_view();
    view! {
        {caption}
        {unit}
        <table class="doc-table">
            <colgroup>{columns}</colgroup>
            <thead>{header}{numbers}</thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// The class of a frame line on the sheet (spacing and line breaking; how
/// the text is set comes from the line itself).
fn line_class(role: Role) -> &'static str {
    match role {
        Role::SuperiorBody => "doc-frame doc-superior",
        Role::IssuingBody => "doc-frame doc-issuer",
        Role::Star => "doc-frame doc-star",
        Role::Number => "doc-frame doc-number",
        Role::NationalHeading => "doc-frame doc-national",
        Role::Date => "doc-frame doc-date",
        Role::Title => "doc-frame doc-type",
        Role::Subject => "doc-frame doc-subject",
        Role::SubjectRule => "doc-frame doc-subject-rule",
        Role::RecipientsHeading => "doc-frame doc-recipients-heading",
        Role::Recipient => "doc-frame doc-recipient",
        Role::SigningAuthority => "doc-frame doc-authority",
        Role::Position => "doc-frame doc-position",
        Role::SignatureSpace => "doc-frame doc-signature-space",
        Role::Signer => "doc-frame doc-signer",
    }
}

/// One frame line, set as the frame says: its pitch and spacing too, so
/// that the print lays it out as tall as the DOCX does. The styles go
/// through the CSSOM (`style:`), which the page's Content-Security-Policy
/// allows.
fn line_view(line: Line) -> impl IntoView {
    let (rule_class, fraction, short) = match line.rule {
        None => ("", None, None),
        Some(Rule::TextWidth) => ("ruled", None, None),
        Some(Rule::Fraction(fraction)) => (
            "rule-fraction",
            Some(format!("{}%", (fraction * 100.0).round())),
            None,
        ),
        Some(Rule::Short { length_pt }) => ("short-rule", None, Some(format!("{length_pt}pt"))),
    };
    // The line's own height, and the room a rule shorter than the text
    // takes below it (the DOCX's rule paragraph and its border).
    let below = match line.rule {
        Some(Rule::Fraction(_)) => frame::RULE_LINE_PT + RULE_WIDTH_PT,
        _ => 0.0,
    };
    let height = match line.rule {
        Some(Rule::Short { .. }) => line.pitch_pt + RULE_WIDTH_PT,
        _ => line.pitch_pt,
    };
    // A rule drawn instead of the text leaves the text to text outputs;
    // a line too long for its column breaks where the frame says.
    // (The blanks of an unfinished number or date are kept.)
    let pieces: Vec<String> = if short.is_some() {
        Vec::new()
    } else {
        let pieces = line.pieces();
        let last = pieces.len() - 1;
        pieces
            .iter()
            .enumerate()
            .map(|(index, piece)| {
                if index < last {
                    piece.trim_end()
                } else {
                    piece
                }
                .to_owned()
            })
            .collect()
    };
    let last = pieces.len().saturating_sub(1);
    let text = pieces
        .into_iter()
        .enumerate()
        .map(|(index, piece)| view! { {piece} {(index < last).then(|| view! { <br /> })} })
        .collect_view();
    // The signature space and the rule under the subject are decoration.
    let hidden = matches!(line.role, Role::SignatureSpace | Role::SubjectRule).then_some("true");
    view! {
        <p
            class=line_class(line.role)
            aria-hidden=hidden
            style:font-size=format!("{}pt", line.size_pt)
            style:font-weight=if line.bold { "700" } else { "400" }
            style:font-style=if line.italic { "italic" } else { "normal" }
            style:text-decoration=if line.underline { "underline" } else { "none" }
            style:text-align=match line.align {
                Align::Center => "center",
                Align::Left => "left",
            }
            style:line-height=format!("{}pt", line.pitch_pt)
            style:min-height=format!("{height}pt")
            style:margin-top=format!("{}pt", line.space_before_pt)
            style:margin-bottom=format!("{}pt", line.space_after_pt)
            style:padding-bottom=format!("{below}pt")
        >
            <span
                class=rule_class
                style=("--rule-fraction", fraction.unwrap_or_default())
                style:width=short.unwrap_or_default()
            >
                {text}
            </span>
        </p>
    }
}

/// The width of a rule the DOCX draws as a paragraph border (`w:sz` 6,
/// 3/4 pt), which LibreOffice adds to the paragraph's height.
const RULE_WIDTH_PT: f32 = 0.75;

fn lines_view(lines: Vec<Line>) -> impl IntoView {
    lines.into_iter().map(line_view).collect_view()
}

/// Two columns of frame lines side by side.
fn columns_view(columns: frame::Columns, class: &'static str) -> impl IntoView {
    let (left_class, right_class) = if class == "doc-header" {
        ("doc-header-left", "doc-header-right")
    } else {
        ("doc-recipients", "doc-signature")
    };
    view! {
        <table class=class role="presentation">
            <tbody>
                <tr>
                    <td class=left_class>{lines_view(columns.left)}</td>
                    <td class=right_class>{lines_view(columns.right)}</td>
                </tr>
            </tbody>
        </table>
    }
}

/// How many preview lines may be built in one frame while a long report
/// opens; the rest wait for the following frames, in document order.
const PREVIEW_LINES_PER_FRAME: usize = 200;

/// The preview's build budget: sections take lines from it as they are
/// created, and a section that does not fit waits for a later frame. Edits
/// after the build find the budget full and show at once.
#[derive(Clone, Copy)]
struct LineBudget {
    left: StoredValue<usize>,
    waiting: StoredValue<VecDeque<(RwSignal<bool>, usize)>>,
    refill_scheduled: StoredValue<bool>,
    /// Whether a refill was scheduled before: the first one waits for the
    /// first paint.
    painted: StoredValue<bool>,
}

impl LineBudget {
    fn new() -> LineBudget {
        LineBudget {
            left: StoredValue::new(PREVIEW_LINES_PER_FRAME),
            waiting: StoredValue::new(VecDeque::new()),
            refill_scheduled: StoredValue::new(false),
            painted: StoredValue::new(false),
        }
    }

    /// Sets `ready` now if `lines` fit in this frame (a section longer than a
    /// whole frame's budget gets a frame of its own), or later.
    fn admit(self, ready: RwSignal<bool>, lines: usize) {
        let queued = self.waiting.with_value(|waiting| !waiting.is_empty());
        if !queued && self.take(lines) {
            ready.set(true);
        } else {
            self.waiting
                .update_value(|waiting| waiting.push_back((ready, lines)));
        }
        self.schedule_refill();
    }

    /// Takes `lines` from the budget if they fit.
    fn take(self, lines: usize) -> bool {
        let left = self.left.get_value();
        let fits = lines <= left || left == PREVIEW_LINES_PER_FRAME;
        if fits {
            self.left.set_value(left.saturating_sub(lines));
        }
        fits
    }

    /// At the next frame: a full budget again, spent on the sections that
    /// wait. Stops once a frame starts with nothing spent and nothing
    /// waiting.
    fn schedule_refill(self) {
        let spent = self.left.get_value() < PREVIEW_LINES_PER_FRAME;
        let waiting = self.waiting.with_value(|waiting| !waiting.is_empty());
        if self.refill_scheduled.get_value() || !(spent || waiting) {
            return;
        }
        self.refill_scheduled.set_value(true);
        let refill = move || {
            // `try_set_value` hands the value back when the preview is gone.
            if self.refill_scheduled.try_set_value(false).is_some() {
                return;
            }
            self.left.set_value(PREVIEW_LINES_PER_FRAME);
            loop {
                let next = self.waiting.with_value(|waiting| waiting.front().copied());
                let Some((ready, lines)) = next else { break };
                if !self.take(lines) {
                    break;
                }
                self.waiting.update_value(|waiting| {
                    waiting.pop_front();
                });
                ready.try_set(true);
            }
            self.schedule_refill();
        };
        // The first refill waits for the first paint of the page.
        if self.painted.get_value() {
            request_animation_frame(refill);
        } else {
            self.painted.set_value(true);
            super::after_next_paint(refill);
        }
    }
}

/// The lines of one section (or of the preamble), then its subsections.
/// It reads the section's own view, which changes only when the section
/// does: a keystroke re-renders the lines of one section, not the sheet.
#[component]
fn SectionLines(id: NodeId) -> AnyView {
    let store = use_store();
    let budget = expect_context::<LineBudget>();
    let view = store.shown_section_view(id);
    let lines = Memo::new(move |_| {
        view.with(|view| {
            let Some(view) = view else {
                return Vec::new();
            };
            let snapshot = &view.snapshot;
            if id == PREAMBLE {
                render::preamble_elements(&snapshot.blocks)
            } else {
                let mut lines = render::section_elements(id, snapshot, view.depth, &view.number);
                // Only an appendix reads the frame (its number and date).
                if snapshot.kind == SectionKind::Appendix {
                    store.shown_frame.with(|frame| {
                        if let Some(frame) = frame {
                            render::set_attachment(&mut lines, &frame.meta);
                        }
                    });
                }
                lines
            }
        })
    });
    let children = Memo::new(move |_| view.with(|view| SectionView::child_ids(view.as_ref())));
    // An appendix's box starts a new printed page, on its side when it
    // says so (`page: landscape`, a named page of `apply_layout`).
    let class = Memo::new(move |_| {
        view.with(|view| match view.as_ref().map(|view| &view.snapshot) {
            Some(snapshot) if snapshot.kind == SectionKind::Appendix && snapshot.landscape => {
                "sheet-section sheet-appendix landscape"
            }
            Some(snapshot) if snapshot.kind == SectionKind::Appendix => {
                "sheet-section sheet-appendix"
            }
            _ => "sheet-section",
        })
    });
    let ready = RwSignal::new(false);
    budget.admit(ready, lines.with_untracked(Vec::len));
    // The subsections are created once this section shows, so a long
    // report's preview is built part by part over the first frames instead
    // of creating every section's component before the first paint.
    //
    // Each section is a box of its own, which the browser lays out and
    // paints only near the screen (see .sheet-section in the style sheet).
    view! {
        <div class=move || class.get()>
            <Show when=move || ready.get()>
                <For each=move || lines.get() key=line_key let:element>
                    {match element {
                        Element::Table { id, view } => {
                            table_view(*view, Some(live_table(lines, id))).into_any()
                        }
                        other => element_view(other),
                    }}
                </For>
                <For each=move || children.get() key=|id| *id let:child>
                    <SectionLines id=child />
                </For>
            </Show>
        </div>
    }
    .into_any()
}

/// How a line of the sheet is keyed among its section's lines: by its
/// content, so that a changed line is built again; a table by its id and
/// everything but its cells' texts, so that typing a figure changes the
/// texts of the cells it changes instead of building the table again.
#[derive(Clone, PartialEq, Eq, Hash)]
enum LineKey {
    Table(NodeId, TableView),
    Line(Element),
}

fn line_key(element: &Element) -> LineKey {
    match element {
        Element::Table { id, view } => {
            let mut shape = (**view).clone();
            for cell in shape.rows.iter_mut().flat_map(|row| row.cells.iter_mut()) {
                cell.text.clear();
            }
            LineKey::Table(*id, shape)
        }
        other => LineKey::Line(other.clone()),
    }
}

/// The current view of table `id` among `lines`.
fn live_table(lines: Memo<Vec<Element>>, id: NodeId) -> Memo<Option<TableView>> {
    Memo::new(move |_| {
        lines.with(|lines| {
            lines.iter().find_map(|element| match element {
                Element::Table { id: found, view } if *found == id => Some((**view).clone()),
                _ => None,
            })
        })
    })
}

#[component]
pub fn Preview() -> impl IntoView {
    let store = use_store();
    let ruleset = Memo::new(move |_| {
        store
            .shown_frame
            .with(|d| d.as_ref().map(|d| d.meta.ruleset).unwrap_or_default())
    });
    let page = Memo::new(move |_| {
        store.shown_frame.with(|d| {
            d.as_ref()
                .map(|d| (d.meta.ruleset, d.meta.page.clone()))
                .unwrap_or_default()
        })
    });
    Effect::new(move |_| {
        page.with(|(ruleset, page)| {
            apply_layout(&layout(&crate::model::Meta {
                ruleset: *ruleset,
                page: page.clone(),
                ..Default::default()
            }))
        })
    });
    // The frame's lines (header, title, closing), laid out again only when
    // the frame changes, not at every keystroke in the body.
    let frame = Memo::new(move |_| {
        store
            .shown_frame
            .with(|document| document.as_ref().map(frame::frame))
    });
    provide_context(LineBudget::new());
    // The body's parts and divisions, then, after the closing, the
    // appendices.
    let is_appendix = move |id: &NodeId| {
        store
            .shown_numbers
            .with(|numbers| numbers.get(id).map(|entry| entry.kind) == Some(SectionKind::Appendix))
    };
    let body_ids = Memo::new(move |_| {
        store
            .shown_part_ids
            .get()
            .into_iter()
            .filter(|id| !is_appendix(id))
            .collect::<Vec<_>>()
    });
    let appendix_ids = Memo::new(move |_| {
        store
            .shown_part_ids
            .get()
            .into_iter()
            .filter(is_appendix)
            .collect::<Vec<_>>()
    });
    // The printed pages, worked out again once changes to the sheet pause
    // (never at each keystroke: a change only restarts the wait).
    let starts = RwSignal::new(Vec::<f32>::new());
    let generation = StoredValue::new(0u64);
    let watch = StoredValue::new_local(None::<dom::SheetWatch>);
    let repaginate = move || {
        let Some(watch) = watch.try_get_value().flatten() else {
            return false;
        };
        let rules = page.with_untracked(|(ruleset, page)| {
            layout(&crate::model::Meta {
                ruleset: *ruleset,
                page: page.clone(),
                ..Default::default()
            })
        });
        let Some(found) = clock::measure("baocao-repaginate", || page_starts(&rules, &watch))
        else {
            return false;
        };
        if starts.with_untracked(|starts| *starts != found) {
            starts.set(found);
        }
        true
    };
    let schedule = move || schedule_repaginate(generation, REPAGINATE_MS, repaginate);
    on_cleanup(move || {
        if let Some(watch) = watch.try_get_value().flatten() {
            watch.stop();
        }
    });
    // Changes under the sheet, except the attribute that tells whether
    // typing waits to be shown, which changes no line.
    Effect::new(move |observing: Option<bool>| {
        if observing != Some(true) {
            let started = dom::SheetWatch::start(SHEET_ID, UNITS, "data-settled", schedule);
            let observing = started.is_some();
            watch.set_value(started);
            schedule();
            observing
        } else {
            true
        }
    });
    let numbered = move || -> Vec<(usize, f32)> { starts.get().into_iter().enumerate().collect() };
    let zoom = store.preview_zoom;
    let zoom_button = move |value: Option<f32>, label: Msg, test_id: &'static str| {
        view! {
            <button
                type="button"
                class="zoom-button"
                data-testid=test_id
                aria-pressed=move || if zoom.get() == value { "true" } else { "false" }
                on:click=move |_| zoom.set(value)
            >
                {move || store.t(label)}
            </button>
        }
    };
    view! {
        <aside class="preview-column">
            <div class="preview-heading">
                <h2 class="column-heading">{move || store.t(Msg::PreviewHeading)}</h2>
                <div class="zoom-buttons" role="group" aria-label=move || store.t(Msg::PreviewZoomLabel)>
                    {zoom_button(None, Msg::PreviewZoomFit, "zoom-fit")}
                    {zoom_button(Some(1.0), Msg::PreviewZoomFull, "zoom-full")}
                </div>
            </div>
            <div
                id=FRAME_ID
                class="sheet-frame"
                data-testid="sheet-frame"
                style:zoom=move || zoom.get().map(|value| value.to_string()).unwrap_or_default()
            >
            <article
                id=SHEET_ID
                class=move || match ruleset.get() {
                    Ruleset::Party => "sheet ruleset-party",
                    Ruleset::State => "sheet ruleset-state",
                }
                aria-label=move || store.t(Msg::PreviewLabel)
                data-testid="preview"
                // "false" while typing not yet shown waits (`Store::shown`).
                data-settled=move || if store.shown_waiting.get() { "false" } else { "true" }
                lang="vi"
            >
                // Header, title and closing re-render when their own fields
                // change; the body is built section by section, so typing
                // in one paragraph re-renders that section's lines only.
                {move || {
                    frame.with(|frame| {
                        frame.as_ref().map(|frame| {
                            view! {
                                {columns_view(frame.header.clone(), "doc-header")}
                                {lines_view(frame.title.clone())}
                            }
                        })
                    })
                }}
                <SectionLines id=PREAMBLE />
                <For each=move || body_ids.get() key=|id| *id let:part>
                    <SectionLines id=part />
                </For>
                {move || {
                    frame.with(|frame| {
                        frame.as_ref().map(|frame| columns_view(frame.closing.clone(), "doc-closing"))
                    })
                }}
                <For each=move || appendix_ids.get() key=|id| *id let:appendix>
                    <SectionLines id=appendix />
                </For>
            </article>
            // Where each printed page after the first starts, with its
            // number; drawn over the sheet, so the text's own layout does
            // not change, and never printed.
            <div id=MARKS_ID class="page-marks" aria-hidden="true" data-testid="page-marks">
                <For each=numbered key=|(index, at)| (*index, at.to_bits()) let:start>
                    <div
                        class="page-mark"
                        data-testid="page-mark"
                        data-page=start.0 + 2
                        style:top=format!("{}px", start.1)
                    >
                        <span class="page-mark-number">
                            {move || format!("{} {}", store.t(Msg::PreviewPage), start.0 + 2)}
                        </span>
                    </div>
                </For>
            </div>
            </div>
        </aside>
    }
}
