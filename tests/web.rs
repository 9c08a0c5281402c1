//! Browser tests (wasm-bindgen-test in headless Chromium) for the platform
//! layer and the components. Run by `./dev test` with
//! `cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use baocao::persist::library::{self, KeyValue, MemoryStore, StoreError};
use baocao::platform::storage::BrowserStorage;
use baocao::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app into a fresh `<div>` and returns that element.
fn mount_app() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), App);
    // Keep the app mounted for the rest of the test.
    std::mem::forget(handle);
    host
}

/// A store that fails on demand, handed to the app in place of the
/// browser's; the test keeps a handle to change it mid-session.
type Fake = Rc<RefCell<MemoryStore>>;

/// Forgets the draft this tab had open (kept per tab, in session storage),
/// as a new tab would have none.
fn clear_tab_storage() {
    web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
}

/// Mounts the app over `fake`, as in a new tab.
fn mount_app_with(fake: &Fake) -> web_sys::HtmlElement {
    clear_tab_storage();
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let kv: Box<dyn KeyValue> = Box::new(fake.clone());
    let handle = leptos::mount::mount_to(host.clone(), move || baocao::ui::app_with(kv));
    std::mem::forget(handle);
    host
}

fn fake(store: MemoryStore) -> Fake {
    Rc::new(RefCell::new(store))
}

/// Lets Leptos run its effects and re-render. They run on the microtask
/// queue, so waiting for a timer (a new task) means every one has run.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits until the preview and the outline show the last change: they
/// follow it a moment later (`baocao::follow`), and the sheet says so.
async fn shown() {
    for _ in 0..200 {
        settle().await;
        let settled = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.get_element_by_id("preview-sheet"))
            .and_then(|sheet| sheet.get_attribute("data-settled"));
        if settled.as_deref() == Some("true") {
            return;
        }
    }
    panic!("the preview did not catch up within 2 s");
}

#[wasm_bindgen_test]
fn storage_round_trips_vietnamese_text() {
    let mut kv = BrowserStorage;
    let value = "Đảng ủy trường THPT Lấp Vò 2";
    assert_eq!(kv.set_and_verify("baocao.test.roundtrip", value), Ok(true));
    assert_eq!(
        kv.get("baocao.test.roundtrip").unwrap().as_deref(),
        Some(value)
    );
    assert!(kv.contains("baocao.test.roundtrip"));
    kv.remove("baocao.test.roundtrip").unwrap();
    assert_eq!(kv.get("baocao.test.roundtrip").unwrap(), None);
    assert!(!kv.contains("baocao.test.roundtrip"));
}

#[wasm_bindgen_test]
fn storage_full_is_reported_as_quota_exceeded() {
    // A value far larger than any browser's local storage quota.
    let huge = "x".repeat(12 * 1024 * 1024);
    let mut kv = BrowserStorage;
    assert_eq!(
        kv.set("baocao.test.huge", &huge),
        Err(StoreError::QuotaExceeded)
    );
    assert_eq!(
        kv.set_and_verify("baocao.test.huge", &huge),
        Err(StoreError::QuotaExceeded)
    );
    assert_eq!(kv.get("baocao.test.huge").unwrap(), None);
}

#[wasm_bindgen_test]
fn storage_usage_counts_utf16_bytes_of_the_apps_keys_and_of_the_whole_site() {
    clear_app_storage();
    let mut kv = BrowserStorage;
    let before = library::usage(&kv);
    // "ệ" is one UTF-16 code unit (three bytes in UTF-8); "𝄞" is two.
    kv.set("baocao.test.usage", "ệệ𝄞").unwrap();
    kv.set("other-app.usage", "abc").unwrap();
    let after = library::usage(&kv);
    kv.remove("baocao.test.usage").unwrap();
    kv.remove("other-app.usage").unwrap();
    let own = 2 * ("baocao.test.usage".len() + 4);
    assert_eq!(after.app, before.app + own);
    assert_eq!(
        after.site,
        before.site + own + 2 * ("other-app.usage".len() + 3)
    );
}

/// Removes every key the app writes, so each test starts from nothing, on
/// the browser's real storage.
fn clear_app_storage() {
    let mut kv = BrowserStorage;
    for key in kv.keys() {
        if key.starts_with("baocao.") {
            kv.remove(&key).unwrap();
        }
    }
    clear_tab_storage();
}

fn by_testid(host: &web_sys::HtmlElement, id: &str) -> web_sys::HtmlElement {
    host.query_selector(&format!("[data-testid={id}]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no [data-testid={id}]"))
        .unchecked_into()
}

/// Types `text` into a field the way the browser reports typing: the value
/// changes and an `input` event fires.
fn type_into(field: &web_sys::HtmlElement, text: &str) {
    if let Some(area) = field.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_value(text);
    } else if let Some(input) = field.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(text);
    }
    let event = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    field.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn editing_a_draft_saves_it_under_its_own_key() {
    clear_app_storage();
    let host = mount_app();
    settle().await;
    by_testid(&host, "template-tong-ket-phuong-thuc-lanh-dao").click();
    settle().await;
    // Item I.1's paragraph runs in after "1.".
    let paragraph = first_item_paragraph(&host);
    type_into(&paragraph, "Đảng ủy đã lãnh đạo.");
    // Nothing is written while typing goes on; the save follows the pause.
    wait_for_autosave().await;
    let current: String = serde_json::from_str(
        &BrowserStorage
            .get("baocao.current")
            .unwrap()
            .expect("an open draft"),
    )
    .unwrap();
    let saved = library::load(&mut BrowserStorage, &current).expect("the draft is saved");
    let text = baocao::export::plain_text(&saved.document);
    assert!(text.contains("Đảng ủy đã lãnh đạo."), "{text}");
    // The preview shows it too, after the number of its run-in item.
    let preview = by_testid(&host, "preview").text_content().unwrap();
    assert!(preview.contains("1. Đảng ủy đã lãnh đạo."), "{preview}");
    host.remove();
    clear_app_storage();
}

#[wasm_bindgen_test]
async fn a_draft_that_cannot_be_read_is_left_untouched() {
    clear_app_storage();
    BrowserStorage.set("baocao.current", "\"42\"").unwrap();
    let raw = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    raw.set_item("baocao.draft.42", "{not json").unwrap();
    let host = mount_app();
    settle().await;
    // The app starts, says something, and keeps the stored text as it was.
    assert!(host
        .query_selector("[data-testid=welcome]")
        .unwrap()
        .is_some());
    assert!(!by_testid(&host, "status")
        .text_content()
        .unwrap()
        .is_empty());
    assert_eq!(
        raw.get_item("baocao.draft.42").unwrap().as_deref(),
        Some("{not json")
    );
    host.remove();
    clear_app_storage();
}

#[wasm_bindgen_test]
async fn the_outline_numbers_follow_a_moved_section() {
    clear_app_storage();
    let host = mount_app();
    settle().await;
    by_testid(&host, "open-sample").click();
    settle().await;
    let entries = |host: &web_sys::HtmlElement| -> Vec<String> {
        let list = host
            .query_selector_all("[data-testid=outline-entry]")
            .unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().text_content().unwrap())
            .collect()
    };
    let before = entries(&host);
    assert_eq!(before.len(), 10);
    assert!(before[7].starts_with("1. Về nhận thức"), "{before:?}");
    let second = host
        .query_selector("[data-testid=outline-entry][data-reference='II.2']")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    second.click();
    // The move buttons are enabled once the selection has rendered.
    settle().await;
    by_testid(&host, "section-up").click();
    shown().await;
    let after = entries(&host);
    assert!(after[7].starts_with("1. Về lãnh đạo"), "{after:?}");
    assert!(after[8].starts_with("2. Về nhận thức"), "{after:?}");
    by_testid(&host, "undo").click();
    shown().await;
    assert_eq!(entries(&host), before);
    host.remove();
    clear_app_storage();
}

#[wasm_bindgen_test]
async fn app_shows_an_empty_workspace_in_vietnamese() {
    clear_app_storage();
    let host = mount_app();
    settle().await;
    let text = host.text_content().unwrap();
    assert!(text.contains("Chưa có bản thảo nào"), "{text}");
    let document = web_sys::window().unwrap().document().unwrap();
    assert_eq!(document.title(), "Báo cáo — soạn báo cáo tổng kết, sơ kết");
    host.remove();
}

#[wasm_bindgen_test]
async fn language_switch_changes_the_interface_and_is_remembered() {
    clear_app_storage();
    let host = mount_app();
    settle().await;
    let button: web_sys::HtmlElement = host
        .query_selector("[data-testid=lang-switch]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
    settle().await;
    assert!(host.text_content().unwrap().contains("No drafts yet"));
    assert_eq!(
        BrowserStorage.get("baocao.lang").unwrap().as_deref(),
        Some("\"en\"")
    );
    host.remove();

    // A newly mounted app reads the remembered preference.
    let again = mount_app();
    settle().await;
    assert!(again.text_content().unwrap().contains("No drafts yet"));
    again.remove();
    BrowserStorage.remove("baocao.lang").unwrap();
}

/// Waits past the autosave delay.
async fn wait_for_autosave() {
    settle().await;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 450)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    settle().await;
}

fn first_item_paragraph(host: &web_sys::HtmlElement) -> web_sys::HtmlElement {
    let item_one: web_sys::HtmlElement = host
        .query_selector_all("[data-testid=section-editor]")
        .unwrap()
        .item(1)
        .unwrap()
        .unchecked_into();
    by_testid(&item_one, "paragraph")
}

#[wasm_bindgen_test]
async fn a_full_storage_shows_the_banner_and_editing_goes_on() {
    let fake = fake(MemoryStore::default());
    let host = mount_app_with(&fake);
    settle().await;
    by_testid(&host, "template-tong-ket-phuong-thuc-lanh-dao").click();
    settle().await;
    // From now on nothing more fits.
    {
        let mut fake = fake.borrow_mut();
        let used: usize = fake.items.iter().map(|(k, v)| k.len() + v.len()).sum();
        fake.quota_bytes = Some(used);
    }
    type_into(&first_item_paragraph(&host), "Chữ gõ khi bộ nhớ đầy.");
    wait_for_autosave().await;
    let banner = by_testid(&host, "storage-banner").text_content().unwrap();
    assert!(banner.contains("đã đầy"), "{banner}");
    assert!(by_testid(&host, "save-status")
        .text_content()
        .unwrap()
        .contains("Chưa lưu được"));
    assert!(by_testid(&host, "preview")
        .text_content()
        .unwrap()
        .contains("1. Chữ gõ khi bộ nhớ đầy."));
    // What was stored before is still there, unchanged.
    let stored = fake
        .borrow()
        .items
        .values()
        .any(|v| v.contains("Chữ gõ khi bộ nhớ đầy."));
    assert!(!stored);
    host.remove();
}

#[wasm_bindgen_test]
async fn without_storage_the_app_works_in_memory_with_a_warning() {
    let fake = fake(MemoryStore {
        fail_with: Some(StoreError::Unavailable),
        ..MemoryStore::default()
    });
    let host = mount_app_with(&fake);
    settle().await;
    let banner = by_testid(&host, "storage-banner").text_content().unwrap();
    assert!(banner.contains("không cho lưu"), "{banner}");
    by_testid(&host, "template-tong-ket-phuong-thuc-lanh-dao").click();
    settle().await;
    type_into(&first_item_paragraph(&host), "Chỉ trong bộ nhớ.");
    wait_for_autosave().await;
    assert!(by_testid(&host, "preview")
        .text_content()
        .unwrap()
        .contains("1. Chỉ trong bộ nhớ."));
    // The draft can still be downloaded.
    assert!(host
        .query_selector("[data-testid=banner-download]")
        .unwrap()
        .is_some());
    host.remove();
}

#[wasm_bindgen_test]
async fn storage_that_starts_throwing_mid_session_is_reported() {
    let fake = fake(MemoryStore::default());
    let host = mount_app_with(&fake);
    settle().await;
    by_testid(&host, "template-so-ket").click();
    settle().await;
    fake.borrow_mut().fail_with = Some(StoreError::Other("InvalidStateError".into()));
    type_into(&first_item_paragraph(&host), "Lỗi lạ.");
    wait_for_autosave().await;
    assert!(host
        .query_selector("[data-testid=storage-banner]")
        .unwrap()
        .is_some());
    // Once storage recovers, the next save goes through and the banner goes.
    fake.borrow_mut().fail_with = None;
    type_into(&first_item_paragraph(&host), "Lỗi lạ đã qua.");
    wait_for_autosave().await;
    assert!(host
        .query_selector("[data-testid=storage-banner]")
        .unwrap()
        .is_none());
    let saved = fake
        .borrow()
        .items
        .values()
        .any(|v| v.contains("Lỗi lạ đã qua."));
    assert!(saved);
    host.remove();
}

#[wasm_bindgen_test]
async fn a_corrupt_entry_is_set_aside_and_listed() {
    let mut store = MemoryStore::default();
    store.items.insert("baocao.draft.9".into(), "{hỏng".into());
    store.items.insert("baocao.current".into(), "\"9\"".into());
    let fake = fake(store);
    let host = mount_app_with(&fake);
    settle().await;
    assert!(host
        .query_selector("[data-testid=welcome]")
        .unwrap()
        .is_some());
    let set_aside = by_testid(&host, "set-aside").text_content().unwrap();
    assert!(set_aside.contains("baocao.corrupt.9"), "{set_aside}");
    let kept = (
        fake.borrow().items.get("baocao.corrupt.9").cloned(),
        fake.borrow().items.get("baocao.draft.9").cloned(),
    );
    assert_eq!(kept, (Some("{hỏng".into()), Some("{hỏng".into())));
    host.remove();
}

/// Stores the seed sample as a draft created `days_ago` days ago, last
/// exported `exported_days_ago` days ago if ever.
fn store_old_draft(fake: &mut MemoryStore, days_ago: f64, exported_days_ago: Option<f64>) {
    let now = js_sys::Date::now();
    let day = 24.0 * 3600.0 * 1000.0;
    let mut envelope =
        baocao::persist::Envelope::new("77", baocao::template::seed_sample(), now - days_ago * day);
    envelope.meta.exported_ms = exported_days_ago.map(|days| now - days * day);
    fake.items
        .insert("baocao.draft.77".into(), envelope.to_json());
    fake.items.insert("baocao.current".into(), "\"77\"".into());
}

#[wasm_bindgen_test]
async fn a_week_without_a_backup_file_shows_a_reminder() {
    clear_app_storage();
    let mut store = MemoryStore::default();
    store_old_draft(&mut store, 8.0, None);
    let host = mount_app_with(&fake(store));
    settle().await;
    let reminder = by_testid(&host, "backup-reminder").text_content().unwrap();
    assert!(reminder.contains("hơn một tuần"), "{reminder}");
    host.remove();

    clear_app_storage();
    let mut store = MemoryStore::default();
    store_old_draft(&mut store, 8.0, Some(1.0));
    let host = mount_app_with(&fake(store));
    settle().await;
    assert!(host
        .query_selector("[data-testid=preview]")
        .unwrap()
        .is_some());
    assert!(host
        .query_selector("[data-testid=backup-reminder]")
        .unwrap()
        .is_none());
    host.remove();
}

/// A `paste` event as Excel puts it on the clipboard: text and HTML.
fn paste_event(text: &str, html: Option<&str>) -> web_sys::ClipboardEvent {
    let data = web_sys::DataTransfer::new().unwrap();
    data.set_data("text/plain", text).unwrap();
    if let Some(html) = html {
        data.set_data("text/html", html).unwrap();
    }
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"clipboardData".into(), &data).unwrap();
    let window = web_sys::window().unwrap();
    let class: js_sys::Function = js_sys::Reflect::get(&window, &"ClipboardEvent".into())
        .unwrap()
        .unchecked_into();
    let args = js_sys::Array::of2(&"paste".into(), &init);
    js_sys::Reflect::construct(&class, &args)
        .unwrap()
        .unchecked_into()
}

#[wasm_bindgen_test]
fn a_paste_gives_its_text_and_its_html_table() {
    use baocao::platform::events::clipboard_contents;
    let html = "<table><tr><td>Chi bộ 1</td><td>12</td></tr></table>";
    assert_eq!(
        clipboard_contents(&paste_event("Chi bộ 1\t12\r\n", Some(html))),
        ("Chi bộ 1\t12\r\n".to_owned(), Some(html.to_owned()))
    );
    // Plain text only (a text editor): no HTML.
    assert_eq!(
        clipboard_contents(&paste_event("một dòng", None)),
        ("một dòng".to_owned(), None)
    );
}

#[wasm_bindgen_test]
fn the_caret_is_at_the_edges_of_a_field_only_with_nothing_selected() {
    use baocao::platform::events::caret_at_edges;
    use wasm_bindgen::closure::Closure;
    let document = web_sys::window().unwrap().document().unwrap();
    let input: web_sys::HtmlInputElement =
        document.create_element("input").unwrap().unchecked_into();
    document.body().unwrap().append_child(&input).unwrap();
    input.set_value("Kỳ này");
    let seen: Rc<RefCell<Vec<(bool, bool)>>> = Rc::default();
    let record = seen.clone();
    let listener =
        Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(move |event: web_sys::KeyboardEvent| {
            record.borrow_mut().push(caret_at_edges(&event));
        });
    input
        .add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref())
        .unwrap();
    let press = |start: u32, end: u32| {
        input.set_selection_range(start, end).unwrap();
        input
            .dispatch_event(&web_sys::KeyboardEvent::new("keydown").unwrap())
            .unwrap();
    };
    let length = "Kỳ này".encode_utf16().count() as u32;
    press(0, 0);
    press(length, length);
    press(2, 2);
    press(0, length);
    assert_eq!(
        *seen.borrow(),
        vec![(true, false), (false, true), (false, false), (false, false)]
    );
    input.remove();
}

// -- idlg: inflating zip entries with the browser's DecompressionStream --

fn from_hex(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .map(|at| u8::from_str_radix(&hex[at..at + 2], 16).unwrap())
        .collect()
}

/// "Báo cáo tổng kết năm học. " twenty times, as Python's
/// `zlib.compressobj(9, zlib.DEFLATED, -15)` compresses it (raw DEFLATE,
/// as in a zip entry).
const REPORT_DEFLATED: &str =
    "733abc305f211944943cdc3d352f5d21fbe1aefd250a79479a7315321eeeee4dd653701a5532aa64302a0100";

/// A megabyte of zeros compressed the same way: 1,033 bytes, mostly zeros.
fn megabyte_of_zeros_deflated() -> Vec<u8> {
    let mut bomb = from_hex("edc13101000000c2a0f54f6d085fa0");
    bomb.extend([0; 1016]);
    bomb.extend([0x3e, 0x03]);
    bomb
}

#[wasm_bindgen_test]
async fn a_raw_deflate_stream_is_inflated_by_the_browser() {
    use baocao::platform::inflate::{inflate_raw, InflateError};
    let compressed = from_hex(REPORT_DEFLATED);
    let out = inflate_raw(&compressed, 64 * 1024).await.unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "Báo cáo tổng kết năm học. ".repeat(20)
    );
    // A stream cut short, or bytes that are not DEFLATE, are refused.
    assert_eq!(
        inflate_raw(&compressed[..20], 64 * 1024).await,
        Err(InflateError::Corrupt)
    );
    assert_eq!(
        inflate_raw(&[0xff; 40], 64 * 1024).await,
        Err(InflateError::Corrupt)
    );
}

#[wasm_bindgen_test]
async fn a_zip_bomb_is_stopped_at_the_cap_without_inflating_it_all() {
    use baocao::platform::inflate::{inflate_raw, InflateError};
    let bomb = megabyte_of_zeros_deflated();
    assert_eq!(bomb.len(), 1033);
    match inflate_raw(&bomb, 64 * 1024).await {
        Err(InflateError::TooLarge { max_out, seen }) => {
            assert_eq!(max_out, 64 * 1024);
            assert!(seen > max_out && seen < 1 << 20, "read {seen} bytes");
        }
        other => panic!("{:?}", other.map(|out| out.len())),
    }
    // Under a cap it fits, the same stream is a megabyte of zeros.
    assert_eq!(inflate_raw(&bomb, 1 << 20).await.unwrap(), vec![0; 1 << 20]);
}

#[wasm_bindgen_test]
async fn without_a_deflate_raw_decompressor_inflating_says_so() {
    use baocao::platform::inflate::{inflate_raw, InflateError};
    // As in Chrome before 103: no DecompressionStream at all.
    let global = js_sys::global();
    let name = wasm_bindgen::JsValue::from_str("DecompressionStream");
    let real = js_sys::Reflect::get(&global, &name).unwrap();
    js_sys::Reflect::set(&global, &name, &wasm_bindgen::JsValue::UNDEFINED).unwrap();
    let without = inflate_raw(&from_hex(REPORT_DEFLATED), 1024).await;
    // One that knows "gzip" and "deflate" but not "deflate-raw".
    let older = js_sys::Function::new_with_args(
        "format",
        "if (format === 'deflate-raw') throw new TypeError('Unsupported compression format'); return {};",
    );
    js_sys::Reflect::set(&global, &name, &older).unwrap();
    let no_raw = inflate_raw(&from_hex(REPORT_DEFLATED), 1024).await;
    js_sys::Reflect::set(&global, &name, &real).unwrap();
    assert_eq!(without, Err(InflateError::Unsupported));
    assert_eq!(no_raw, Err(InflateError::Unsupported));
}

/// Waits until the bulk store's jobs of the apps mounted by earlier tests
/// are done (idle in three polls running, a timer apart; at most about
/// 10 s), so that a test using IndexedDB itself is not raced by them.
/// Regression: a run failed once with `versions/1` gone between this
/// test's write and its read; an app's start-up job, which removes the
/// versions of drafts it does not know, does that.
async fn bulk_jobs_done() {
    let mut idle = 0;
    for _ in 0..1000 {
        if baocao::ui::bulk_jobs_idle() {
            idle += 1;
            if idle == 3 {
                return;
            }
        } else {
            idle = 0;
        }
        settle().await;
    }
    panic!("the bulk store's jobs did not finish in about 10 s");
}

/// IndexedDB as the bulk store: a write reads back, keys are listed by
/// namespace, a delete and a clear take entries away, Vietnamese text and
/// a large value come back whole.
#[wasm_bindgen_test]
async fn indexed_db_is_a_bulk_store_that_reads_back() {
    use baocao::persist::bulk::{self, BulkStore, StoredPicture};
    use baocao::platform::idb::IdbStore;
    let idb = IdbStore;
    bulk_jobs_done().await;
    idb.clear().await.unwrap();
    let large = "Báo cáo tổng kết năm học. ".repeat(40_000);
    assert_eq!(
        bulk::put_verified(&idb, "versions/1", &large).await,
        Ok(true)
    );
    assert_eq!(
        idb.get("versions/1").await.unwrap().as_deref(),
        Some(large.as_str())
    );
    let picture = StoredPicture {
        mime: "image/png".into(),
        base64: "iVBORw0KGgo=".into(),
        extra: Default::default(),
    };
    bulk::put_picture(&idb, "sha256-ab", &picture)
        .await
        .unwrap();
    assert_eq!(
        bulk::get_picture(&idb, "sha256-ab").await.unwrap(),
        Some(picture)
    );
    assert_eq!(idb.keys(bulk::VERSIONS_NS).await.unwrap(), ["versions/1"]);
    assert_eq!(
        idb.keys(bulk::PICTURES_NS).await.unwrap(),
        ["pictures/sha256-ab"]
    );
    assert_eq!(idb.keys("").await.unwrap().len(), 2);
    bulk::delete_picture(&idb, "sha256-ab").await.unwrap();
    assert_eq!(idb.get("pictures/sha256-ab").await.unwrap(), None);
    idb.clear().await.unwrap();
    assert!(idb.keys("").await.unwrap().is_empty());
}

/// Versions of the old layout in the browser's local storage move to
/// IndexedDB: copied, read back, then removed from local storage.
#[wasm_bindgen_test]
async fn old_versions_move_from_local_storage_to_indexed_db() {
    use baocao::persist::bulk::{self, BulkStore};
    use baocao::platform::idb::IdbStore;
    bulk_jobs_done().await;
    clear_app_storage();
    IdbStore.clear().await.unwrap();
    let mut local = BrowserStorage;
    let draft = library::create(&mut local, baocao::template::seed_sample(), 1.0).unwrap();
    let id = draft.meta.id;
    let list = serde_json::to_string(&[baocao::persist::Snapshot {
        taken_ms: 1.0,
        reason: baocao::persist::SnapshotReason::Periodic,
        document: baocao::template::seed_sample(),
    }])
    .unwrap();
    local
        .set(&baocao::persist::keys::versions(&id), &list)
        .unwrap();
    let migration = bulk::migrate_versions(&RefCell::new(BrowserStorage), &IdbStore).await;
    assert_eq!((migration.moved, migration.left), (1, 0));
    assert_eq!(
        local.get(&baocao::persist::keys::versions(&id)).unwrap(),
        None
    );
    assert_eq!(
        IdbStore.get(&bulk::versions_key(&id)).await.unwrap(),
        Some(list)
    );
    assert_eq!(bulk::snapshots(&IdbStore, &id).await.unwrap().len(), 1);
    clear_app_storage();
    IdbStore.clear().await.unwrap();
}
