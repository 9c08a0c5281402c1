//! Small DOM services the interface needs beyond what Leptos renders: moving
//! focus, scrolling, printing, and setting CSS custom properties through the
//! CSSOM (allowed by the page's Content-Security-Policy, unlike inline
//! `style` attributes), and the clipboard.

use wasm_bindgen::JsCast;

fn element(id: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// Focuses the element with `id`, puts the caret at the end of its text and
/// scrolls it into view. Returns false when there is no such element.
pub fn focus(id: &str) -> bool {
    focus_with(id, false)
}

/// Focuses the element with `id` with its whole text selected (a name to
/// retype), and scrolls it into view. Returns false when there is no such
/// element.
pub fn focus_selected(id: &str) -> bool {
    focus_with(id, true)
}

fn focus_with(id: &str, select_all: bool) -> bool {
    let Some(target) = element(id) else {
        return false;
    };
    let _ = target.focus();
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        let end = input.value().encode_utf16().count() as u32;
        let start = if select_all { 0 } else { end };
        let _ = input.set_selection_range(start, end);
    } else if let Some(area) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        let end = area.value().encode_utf16().count() as u32;
        let start = if select_all { 0 } else { end };
        let _ = area.set_selection_range(start, end);
    }
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    target.scroll_into_view_with_scroll_into_view_options(&options);
    true
}

/// Scrolls the element with `id` into view without moving focus.
pub fn scroll_to(id: &str) {
    if let Some(target) = element(id) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        target.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// The id of the element that has focus, if any.
pub fn focused_id() -> Option<String> {
    let id = web_sys::window()?.document()?.active_element()?.id();
    (!id.is_empty()).then_some(id)
}

/// Asks a yes-or-no question in the browser's own dialog. Where dialogs
/// are blocked, the answer is no, so nothing is dropped on that account.
pub fn confirm(message: &str) -> bool {
    web_sys::window()
        .and_then(|window| window.confirm_with_message(message).ok())
        .unwrap_or(false)
}

/// Opens the browser's print dialog (also "Save as PDF").
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Sets CSS custom properties on the element with `id`.
pub fn set_css_variables(id: &str, variables: &[(&str, String)]) {
    if let Some(target) = element(id) {
        let style = target.style();
        for (name, value) in variables {
            let _ = style.set_property(name, value);
        }
    }
}

/// Where the `@page` rules live: a constructed stylesheet of their own, or,
/// where the browser cannot construct one (Safari before 16.4), the first
/// rules of the page's own stylesheet (`count` of them).
#[derive(Clone)]
enum PageSheet {
    Own(web_sys::CssStyleSheet),
    Borrowed {
        sheet: web_sys::CssStyleSheet,
        count: u32,
    },
}

thread_local! {
    /// The stylesheet that holds the `@page` rules.
    static PAGE_SHEET: std::cell::RefCell<Option<PageSheet>> = const { std::cell::RefCell::new(None) };
}

/// A constructed stylesheet adopted by `document`, where the browser has
/// them (Chrome 73, Firefox 101, Safari 16.4).
fn adopted_sheet(document: &web_sys::Document) -> Option<web_sys::CssStyleSheet> {
    use wasm_bindgen::JsCast;
    let adopted = js_sys::Reflect::get(document, &"adoptedStyleSheets".into())
        .ok()?
        .dyn_into::<js_sys::Array>()
        .ok()?;
    let sheet = web_sys::CssStyleSheet::new().ok()?;
    adopted.push(&sheet);
    document.set_adopted_style_sheets(&adopted);
    Some(sheet)
}

/// The page's first stylesheet (the app's own, same origin, so its rules
/// can be changed).
fn first_sheet(document: &web_sys::Document) -> Option<web_sys::CssStyleSheet> {
    use wasm_bindgen::JsCast;
    let sheets = js_sys::Reflect::get(document, &"styleSheets".into()).ok()?;
    js_sys::Reflect::get(&sheets, &0.into())
        .ok()?
        .dyn_into::<web_sys::CssStyleSheet>()
        .ok()
}

/// Sets the printed page size and margins with `@page` rules. They live in a
/// constructed stylesheet adopted by the document: the page's CSP blocks a
/// `<style>` element, but not the CSSOM. Where the browser cannot construct
/// a stylesheet (Safari 16.0 to 16.3) they go first in the page's own
/// stylesheet instead. Rules the browser does not understand are skipped.
pub fn set_page_rules(rules: &[&str]) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    PAGE_SHEET.with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot.is_none() {
            *slot = adopted_sheet(&document).map(PageSheet::Own).or_else(|| {
                first_sheet(&document).map(|sheet| PageSheet::Borrowed { sheet, count: 0 })
            });
        }
        match slot.as_mut() {
            Some(PageSheet::Own(sheet)) => {
                while sheet.css_rules().map(|list| list.length()).unwrap_or(0) > 0 {
                    let _ = sheet.delete_rule(0);
                }
                for rule in rules {
                    let index = sheet.css_rules().map(|list| list.length()).unwrap_or(0);
                    let _ = sheet.insert_rule_with_index(rule, index);
                }
            }
            Some(PageSheet::Borrowed { sheet, count }) => {
                for _ in 0..*count {
                    let _ = sheet.delete_rule(0);
                }
                *count = 0;
                for rule in rules {
                    if sheet.insert_rule_with_index(rule, *count).is_ok() {
                        *count += 1;
                    }
                }
            }
            None => {}
        }
    });
}

/// The `@page` rules in force, as CSS text, for tests.
pub fn page_rules_text() -> String {
    PAGE_SHEET.with(|slot| {
        let (sheet, count) = match slot.borrow().clone() {
            Some(PageSheet::Own(sheet)) => (sheet, None),
            Some(PageSheet::Borrowed { sheet, count }) => (sheet, Some(count)),
            None => return String::new(),
        };
        let Ok(list) = sheet.css_rules() else {
            return String::new();
        };
        (0..count.unwrap_or_else(|| list.length()))
            .filter_map(|i| list.item(i))
            .map(|rule| rule.css_text())
            .collect::<Vec<_>>()
            .join("\n")
    })
}

thread_local! {
    static FIELD_SIZING: std::cell::Cell<Option<bool>> = const { std::cell::Cell::new(None) };
}

/// Whether the browser sizes text boxes to their content from the
/// stylesheet (`field-sizing: content`, Chrome 123 and later).
fn sizes_fields_itself(area: &web_sys::HtmlTextAreaElement) -> bool {
    if let Some(known) = FIELD_SIZING.with(std::cell::Cell::get) {
        return known;
    }
    let supported = web_sys::window()
        .and_then(|window| window.get_computed_style(area).ok().flatten())
        .and_then(|style| style.get_property_value("field-sizing").ok())
        .is_some_and(|value| value == "content");
    FIELD_SIZING.with(|cell| cell.set(Some(supported)));
    supported
}

/// Grows the text box an event came from to hold its whole text, where
/// the browser does not do it from the stylesheet (Chrome 109 on Windows
/// 7 has no `field-sizing`): its height is set from its scroll height.
/// Only that one box is measured, so a keystroke stays cheap.
pub fn fit_to_content(event: &web_sys::Event) {
    let Some(area) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return;
    };
    if sizes_fields_itself(&area) {
        return;
    }
    let style = area.style();
    let _ = style.set_property("height", "auto");
    let borders = area.offset_height() - area.client_height();
    let height = area.scroll_height() + borders;
    let _ = style.set_property("height", &format!("{height}px"));
}

pub use crate::sheet_measure::MeasuredBlock;
use crate::sheet_measure::{SheetMeasure, UnitBox};

/// The property each box that can be measured alone carries (a script
/// property, not an attribute: setting it changes nothing in the page)
/// with its index among the boxes of the last full measure.
const UNIT_INDEX: &str = "__baocaoUnit";

/// The class a box carries while it is measured alone: the style sheet
/// lays it out at its real size (`.measuring-unit`).
const MEASURING_UNIT: &str = "measuring-unit";

/// What the sheet's watch knows: the boxes of the last full measure, the
/// blocks as measured, and what changed since.
struct Watched {
    units: Vec<web_sys::Element>,
    measure: SheetMeasure,
    /// Boxes changed since the last measure, by index.
    dirty: std::collections::BTreeSet<usize>,
    /// A change outside the boxes, or none measured yet: the next measure
    /// reads the whole sheet.
    full: bool,
    observer: Option<web_sys::MutationObserver>,
}

/// Watches the preview's sheet for changes and measures its blocks: the
/// whole sheet the first time and after a change outside the boxes that
/// can be measured alone, else only the boxes that changed
/// (`crate::sheet_measure`).
#[derive(Clone)]
pub struct SheetWatch {
    watched: std::rc::Rc<std::cell::RefCell<Watched>>,
    /// The boxes that can be measured alone (the items of the parts).
    unit_selector: &'static str,
}

/// Where a sheet's blocks are and how they are measured (see
/// `SheetWatch::measure`).
pub struct SheetLayout<'a> {
    /// The sheet element's id.
    pub id: &'a str,
    /// The blocks among the sheet's descendants.
    pub blocks: &'a str,
    /// The same blocks among a box's descendants.
    pub unit_blocks: &'a str,
    /// The sheet's width at 100 %, in CSS pixels.
    pub width_px: f32,
    /// The sheet's top padding, in CSS pixels.
    pub inset_px: f32,
    /// The element that carries `measuring` while the whole sheet is
    /// measured.
    pub wrapper_id: &'a str,
    /// The element whose `data-measures` counts the measures.
    pub counter_id: &'a str,
}

impl SheetWatch {
    /// Starts watching the element `id`: `changed` is called after any
    /// change to the text, the children or the attributes under it (a
    /// `MutationObserver`; the callback does no layout work itself). A
    /// change of the attribute `ignored_attribute` of the element itself
    /// is none. `None` when there is no such element.
    pub fn start(
        id: &str,
        unit_selector: &'static str,
        ignored_attribute: &'static str,
        changed: impl Fn() + 'static,
    ) -> Option<SheetWatch> {
        use wasm_bindgen::closure::Closure;
        let target = element(id)?;
        let watch = SheetWatch {
            watched: std::rc::Rc::new(std::cell::RefCell::new(Watched {
                units: Vec::new(),
                measure: SheetMeasure::default(),
                dirty: Default::default(),
                full: true,
                observer: None,
            })),
            unit_selector,
        };
        let sheet: web_sys::Element = target.clone().into();
        let noted = watch.clone();
        let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |records: js_sys::Array| {
            if noted.note(&sheet, ignored_attribute, &records) {
                changed();
            }
        });
        let observer = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        options.set_character_data(true);
        options.set_attributes(true);
        observer.observe_with_options(&target, &options).ok()?;
        // The callback lives as long as the page; the element goes with
        // the preview, and the observer with it.
        callback.forget();
        watch.watched.borrow_mut().observer = Some(observer);
        Some(watch)
    }

    /// Stops watching: the observer lets go of the sheet, and the boxes
    /// and blocks kept are dropped (the preview is gone; a watch kept
    /// them, and so the whole sheet, alive).
    pub fn stop(&self) {
        let mut watched = self.watched.borrow_mut();
        if let Some(observer) = watched.observer.take() {
            observer.disconnect();
        }
        watched.units.clear();
        watched.measure = SheetMeasure::default();
        watched.dirty.clear();
        watched.full = true;
    }

    /// Notes which boxes `records` changed. True when something changed.
    fn note(
        &self,
        sheet: &web_sys::Element,
        ignored_attribute: &str,
        records: &js_sys::Array,
    ) -> bool {
        let mut watched = self.watched.borrow_mut();
        let mut any = false;
        for record in records.iter() {
            let Ok(record) = record.dyn_into::<web_sys::MutationRecord>() else {
                continue;
            };
            let Some(target) = record.target() else {
                continue;
            };
            let element = match target.dyn_ref::<web_sys::Element>() {
                Some(element) => Some(element.clone()),
                None => target.parent_element(),
            };
            if element.as_ref() == Some(sheet)
                && record.attribute_name().as_deref() == Some(ignored_attribute)
            {
                continue;
            }
            any = true;
            if watched.full {
                continue;
            }
            let unit = element
                .and_then(|element| element.closest(self.unit_selector).ok().flatten())
                .and_then(|unit| {
                    let index = js_sys::Reflect::get(&unit, &UNIT_INDEX.into())
                        .ok()?
                        .as_f64()? as usize;
                    (watched.units.get(index) == Some(&unit)).then_some(index)
                });
            match unit {
                Some(index) => {
                    watched.dirty.insert(index);
                }
                None => watched.full = true,
            }
        }
        any
    }

    /// The sheet's blocks, in document order, measured from the top of its
    /// text area at 100 % (its drawn width over `width_px` is its scale):
    /// the whole sheet, while the element `wrapper_id` carries the class
    /// `measuring` (the style sheet then lays out every part, which far
    /// from the screen otherwise keeps a guessed size), or only the boxes
    /// changed since the last measure. Each call is one layout read
    /// (counted in the `data-measures` attribute of the element
    /// `counter_id`, for the tests). `None` when the sheet is missing or
    /// not shown.
    pub fn measure(&self, layout: &SheetLayout) -> Option<Vec<MeasuredBlock>> {
        let sheet = element(layout.id)?;
        let frame = sheet.get_bounding_client_rect();
        if frame.width() <= 0.0 {
            return None;
        }
        let scale = if layout.width_px > 0.0 {
            frame.width() as f32 / layout.width_px
        } else {
            1.0
        };
        let partly = !self.watched.borrow().full;
        let blocks = if partly {
            self.measure_changed(layout, scale)
        } else {
            None
        };
        let blocks = match blocks {
            Some(blocks) => blocks,
            None => self.measure_all(&sheet, layout, scale),
        };
        if let Some(counter) = element(layout.counter_id) {
            let count = counter
                .get_attribute("data-measures")
                .and_then(|value| value.parse::<u64>().ok())
                .unwrap_or(0);
            let _ = counter.set_attribute("data-measures", &(count + 1).to_string());
        }
        Some(blocks)
    }

    /// Measures the boxes changed since the last measure, each alone, and
    /// puts them in place. `None` when one cannot be (a full measure is
    /// then due).
    fn measure_changed(&self, layout: &SheetLayout, scale: f32) -> Option<Vec<MeasuredBlock>> {
        let mut watched = self.watched.borrow_mut();
        let dirty = std::mem::take(&mut watched.dirty);
        for &index in &dirty {
            // A box taken out of the sheet was a change outside the boxes
            // (its part's children changed): a full measure is due anyway.
            let unit = watched.units.get(index)?.clone();
            if !unit.is_connected() || !watched.measure.has_unit(index) {
                return None;
            }
            let classes = unit.class_list();
            let _ = classes.add_1(MEASURING_UNIT);
            let top = unit.get_bounding_client_rect();
            let blocks = read_blocks(&unit, layout.unit_blocks, top.top(), scale, 0.0);
            let height = top.height() as f32 / scale;
            let _ = classes.remove_1(MEASURING_UNIT);
            if !watched.measure.replace(index, height, blocks) {
                return None;
            }
        }
        // The class set and taken off above are no change to the text.
        if let Some(observer) = &watched.observer {
            let _ = observer.take_records();
        }
        Some(watched.measure.blocks())
    }

    /// Measures the whole sheet, and keeps its boxes and blocks.
    fn measure_all(
        &self,
        sheet: &web_sys::HtmlElement,
        layout: &SheetLayout,
        scale: f32,
    ) -> Vec<MeasuredBlock> {
        let wrapper = element(layout.wrapper_id);
        let class = wrapper.as_ref().map(|wrapper| wrapper.class_name());
        if let (Some(wrapper), Some(class)) = (&wrapper, &class) {
            wrapper.set_class_name(&format!("{class} measuring"));
        }
        let frame = sheet.get_bounding_client_rect();
        let origin = frame.top();
        let units = elements(sheet, self.unit_selector);
        let unit_boxes: Vec<UnitBox> = units
            .iter()
            .enumerate()
            .map(|(index, unit)| {
                let _ = js_sys::Reflect::set(unit, &UNIT_INDEX.into(), &(index as f64).into());
                let rect = unit.get_bounding_client_rect();
                UnitBox {
                    top: (rect.top() - origin) as f32 / scale - layout.inset_px,
                    height: rect.height() as f32 / scale,
                }
            })
            .collect();
        let blocks: Vec<(Option<usize>, MeasuredBlock)> = elements(sheet, layout.blocks)
            .into_iter()
            .map(|block| {
                let unit = block
                    .closest(self.unit_selector)
                    .ok()
                    .flatten()
                    .and_then(|unit| js_sys::Reflect::get(&unit, &UNIT_INDEX.into()).ok())
                    .and_then(|index| index.as_f64())
                    .map(|index| index as usize);
                (unit, measured(&block, origin, scale, layout.inset_px))
            })
            .collect();
        if let (Some(wrapper), Some(class)) = (&wrapper, &class) {
            wrapper.set_class_name(class);
        }
        let measure = SheetMeasure::new(blocks, &unit_boxes);
        let all = measure.blocks();
        let mut watched = self.watched.borrow_mut();
        watched.units = units;
        watched.measure = measure;
        watched.dirty.clear();
        watched.full = false;
        all
    }
}

/// The elements under `root` that `selector` picks, in document order.
fn elements(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let Ok(nodes) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..nodes.length())
        .filter_map(|index| nodes.item(index)?.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// One block measured from `origin` (a client-rect top), at 100 %.
fn measured(block: &web_sys::Element, origin: f64, scale: f32, inset_px: f32) -> MeasuredBlock {
    let rect = block.get_bounding_client_rect();
    MeasuredBlock {
        top: (rect.top() - origin) as f32 / scale - inset_px,
        height: rect.height() as f32 / scale,
        class: block.class_name(),
        table: block.tag_name().eq_ignore_ascii_case("table"),
    }
}

/// The blocks under `root` that `selector` picks, measured from `origin`.
fn read_blocks(
    root: &web_sys::Element,
    selector: &str,
    origin: f64,
    scale: f32,
    inset_px: f32,
) -> Vec<MeasuredBlock> {
    elements(root, selector)
        .iter()
        .map(|block| measured(block, origin, scale, inset_px))
        .collect()
}

/// Puts `text` on the clipboard (`navigator.clipboard.writeText`). False
/// when the browser has no clipboard API or refuses (no permission, the
/// page not focused).
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    let Ok(clipboard) = js_sys::Reflect::get(&navigator, &"clipboard".into()) else {
        return false;
    };
    if clipboard.is_undefined() || clipboard.is_null() {
        return false;
    }
    let Ok(write) = js_sys::Reflect::get(&clipboard, &"writeText".into()) else {
        return false;
    };
    let Ok(write) = write.dyn_into::<js_sys::Function>() else {
        return false;
    };
    let Ok(promise) = write.call1(&clipboard, &text.into()) else {
        return false;
    };
    let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
