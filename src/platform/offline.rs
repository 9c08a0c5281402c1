//! The offline copy's browser side: registering the service worker
//! (`sw.js`, written by `tools/service-worker.mjs` after each build) and
//! telling the interface when a new version waits, letting that version in
//! when the user asks, and the files the system hands an installed app
//! (File Handling API, `window.launchQueue`). Pages opened from disk (the
//! one-file copy) register nothing and say nothing.

use std::cell::RefCell;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

use super::files::PickedFiles;

/// The worker's file, beside `index.html`; its scope is the page's folder.
const WORKER_SCRIPT: &str = "./sw.js";
/// How often an open page asks whether a new version was published.
const UPDATE_CHECK_MS: i32 = 60 * 60 * 1000;

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
}

/// The page's service worker container, when the page may have one.
fn container() -> Option<ServiceWorkerContainer> {
    let window = web_sys::window()?;
    let protocol = window.location().protocol().ok()?;
    if !crate::offline::registers_worker(&protocol) {
        return None;
    }
    let navigator = window.navigator();
    // Absent on insecure origins and in some private modes.
    if !Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return None;
    }
    Some(navigator.service_worker())
}

/// Registers the worker that keeps the app for offline use. `installed`
/// is called with whether the page already had a worker each time a worker
/// finishes installing (true: a new version waits); `controller_changed`
/// when another worker takes control of the page. Does nothing on a page
/// opened from disk or where the browser has no service workers.
pub fn register(installed: impl Fn(bool) + 'static, controller_changed: impl Fn() + 'static) {
    let Some(container) = container() else {
        return;
    };
    let on_change = Closure::<dyn Fn()>::new(controller_changed);
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    let installed = std::rc::Rc::new(installed);
    let promise = container.register(WORKER_SCRIPT);
    spawn_local(async move {
        let Ok(registration) = JsFuture::from(promise).await else {
            return;
        };
        // A browser that stubs workers out (a test driver's "block") gives
        // no registration at all.
        if !registration.is_object() {
            return;
        }
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        let controlled = || container.controller().is_some();
        // Installed on an earlier visit and still waiting.
        if registration.waiting().is_some() {
            installed(controlled());
        }
        let watched = registration.clone();
        let on_found = Closure::<dyn Fn()>::new(move || {
            let Some(worker) = watched.installing() else {
                return;
            };
            let container = container.clone();
            let installed = std::rc::Rc::clone(&installed);
            let seen = worker.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                if seen.state() == ServiceWorkerState::Installed {
                    installed(container.controller().is_some());
                }
            });
            worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
        // A page left open for days still learns of a new version.
        if let Some(window) = web_sys::window() {
            let checked = registration.clone();
            // A failed check (offline) is no news.
            let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
            let check = Closure::<dyn Fn()>::new(move || {
                if let Ok(promise) = checked.update() {
                    let _ = promise.catch(&ignore);
                }
            });
            let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(
                check.as_ref().unchecked_ref(),
                UPDATE_CHECK_MS,
            );
            check.forget();
        }
        REGISTRATION.with(|slot| *slot.borrow_mut() = Some(registration));
    });
}

/// Lets the waiting version in (it then takes control of the page, and
/// `controller_changed` follows). False when no version waits any more
/// (another tab let it in): reloading then loads it.
pub fn activate_waiting() -> bool {
    let waiting = REGISTRATION.with(|slot| slot.borrow().as_ref().and_then(|r| r.waiting()));
    let Some(worker) = waiting else {
        return false;
    };
    worker.post_message(&"skip-waiting".into()).is_ok()
}

/// Reloads the page.
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Hands the files the system opens with the installed app ("Open with
/// Báo cáo" on a `.baocao.json`) to `open`, as if picked in "Mở tệp…".
/// Does nothing where the browser has no File Handling.
pub fn on_launch_files(open: impl Fn(PickedFiles) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(queue) = Reflect::get(&window, &"launchQueue".into()) else {
        return;
    };
    let Some(set_consumer) = Reflect::get(&queue, &"setConsumer".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    else {
        return;
    };
    let open = std::rc::Rc::new(open);
    let consumer = Closure::<dyn Fn(JsValue)>::new(move |params: JsValue| {
        let handles = Reflect::get(&params, &"files".into())
            .ok()
            .map(|files| js_sys::Array::from(&files))
            .unwrap_or_default();
        let first = handles.get(0);
        let Some(get_file) = Reflect::get(&first, &"getFile".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
        else {
            return;
        };
        let Ok(promise) = get_file.call0(&first).and_then(|p| p.dyn_into::<Promise>()) else {
            return;
        };
        let open = std::rc::Rc::clone(&open);
        spawn_local(async move {
            if let Ok(file) = JsFuture::from(promise).await {
                open(PickedFiles::one(file.unchecked_into()));
            }
        });
    });
    let _ = set_consumer.call1(&queue, consumer.as_ref());
    consumer.forget();
}
