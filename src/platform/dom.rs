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

/// A block of the sheet as measured: its top and height in CSS pixels at
/// 100 % scale from the top of the sheet's text area, its class and
/// whether it is a table.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasuredBlock {
    pub top: f32,
    pub height: f32,
    pub class: String,
    pub table: bool,
}

/// The blocks of the element `id` that `selector` picks, in document
/// order, measured from the element's top less `inset_px` (its top
/// padding), divided by its scale: its drawn width over `width_px`, its
/// width at 100 %. While it measures, the element `wrapper_id` carries the
/// class `measuring`, which the style sheet uses to lay out every part of
/// the sheet (parts far from the screen otherwise keep a guessed size).
/// Each call is one layout read (counted in the `data-measures` attribute
/// of the element `counter_id`, for the tests). `None` when the element is
/// missing or not shown.
pub fn measure_blocks(
    id: &str,
    selector: &str,
    width_px: f32,
    inset_px: f32,
    wrapper_id: &str,
    counter_id: &str,
) -> Option<Vec<MeasuredBlock>> {
    let sheet = element(id)?;
    if sheet.get_bounding_client_rect().width() <= 0.0 {
        return None;
    }
    let wrapper = element(wrapper_id);
    let class = wrapper.as_ref().map(|wrapper| wrapper.class_name());
    if let (Some(wrapper), Some(class)) = (&wrapper, &class) {
        wrapper.set_class_name(&format!("{class} measuring"));
    }
    let blocks = measure(&sheet, selector, width_px, inset_px);
    if let (Some(wrapper), Some(class)) = (&wrapper, &class) {
        wrapper.set_class_name(class);
    }
    if let Some(counter) = element(counter_id) {
        let count = counter
            .get_attribute("data-measures")
            .and_then(|value| value.parse::<u64>().ok())
            .unwrap_or(0);
        let _ = counter.set_attribute("data-measures", &(count + 1).to_string());
    }
    Some(blocks)
}

fn measure(
    sheet: &web_sys::HtmlElement,
    selector: &str,
    width_px: f32,
    inset_px: f32,
) -> Vec<MeasuredBlock> {
    let frame = sheet.get_bounding_client_rect();
    let scale = if width_px > 0.0 && frame.width() > 0.0 {
        frame.width() as f32 / width_px
    } else {
        1.0
    };
    let Ok(nodes) = sheet.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..nodes.length())
        .filter_map(|index| nodes.item(index)?.dyn_into::<web_sys::Element>().ok())
        .map(|block| {
            let rect = block.get_bounding_client_rect();
            MeasuredBlock {
                top: (rect.top() - frame.top()) as f32 / scale - inset_px,
                height: rect.height() as f32 / scale,
                class: block.class_name(),
                table: block.tag_name().eq_ignore_ascii_case("table"),
            }
        })
        .collect()
}

/// Calls `changed` after any change to the text, the children or the
/// attributes under the element `id` (a `MutationObserver`; the callback
/// does no layout work itself). Returns false when there is no such
/// element.
pub fn observe_changes(id: &str, changed: impl Fn() + 'static) -> bool {
    use wasm_bindgen::closure::Closure;
    let Some(target) = element(id) else {
        return false;
    };
    let callback = Closure::<dyn Fn(wasm_bindgen::JsValue)>::new(move |_records| changed());
    let Ok(observer) = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()) else {
        return false;
    };
    let options = web_sys::MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    options.set_character_data(true);
    options.set_attributes(true);
    let observing = observer.observe_with_options(&target, &options).is_ok();
    // Both live as long as the page; the element goes with the preview,
    // and the observer with it.
    callback.forget();
    std::mem::forget(observer);
    observing
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
