//! One editing tab per draft, through the Web Locks API.
//!
//! Opening a draft asks for the lock named after it without waiting. The tab
//! that gets it may edit; a second tab is told the draft is open elsewhere
//! and shows it read-only, and may steal the lock to take over, which tells
//! the first tab it has lost it. Browsers without Web Locks (very old ones)
//! get the lock at once: there is nothing to coordinate with.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Releases a held lock when dropped or released.
pub struct LockHandle {
    release: Rc<RefCell<Option<Function>>>,
}

impl LockHandle {
    pub fn release(&self) {
        if let Some(resolve) = self.release.borrow_mut().take() {
            let _ = resolve.call0(&JsValue::NULL);
        }
    }
}

impl Drop for LockHandle {
    fn drop(&mut self) {
        self.release();
    }
}

fn lock_manager() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    let locks = Reflect::get(&navigator, &"locks".into()).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then_some(locks)
}

/// Asks for the lock `name`. `on_result(true)` runs once it is held,
/// `on_result(false)` when another tab holds it; `on_lost` runs if another
/// tab steals it later. With `steal`, takes it from whoever holds it.
pub fn request(
    name: &str,
    steal: bool,
    on_result: impl FnOnce(bool) + 'static,
    on_lost: impl FnOnce() + 'static,
) -> LockHandle {
    let release: Rc<RefCell<Option<Function>>> = Rc::new(RefCell::new(None));
    let handle = LockHandle {
        release: release.clone(),
    };
    let Some(locks) = lock_manager() else {
        on_result(true);
        return handle;
    };
    let Ok(request) =
        Reflect::get(&locks, &"request".into()).and_then(|f| f.dyn_into::<Function>())
    else {
        on_result(true);
        return handle;
    };
    let options = Object::new();
    let key = if steal { "steal" } else { "ifAvailable" };
    let _ = Reflect::set(&options, &key.into(), &JsValue::TRUE);

    let on_result = Rc::new(RefCell::new(Some(on_result)));
    let granted: JsValue = Closure::once(move |lock: JsValue| -> JsValue {
        let held = !lock.is_null() && !lock.is_undefined();
        if let Some(on_result) = on_result.borrow_mut().take() {
            on_result(held);
        }
        if !held {
            return JsValue::UNDEFINED;
        }
        // Hold the lock until this promise resolves (release) or the tab
        // goes away.
        let slot = release.clone();
        Promise::new(&mut |resolve, _| {
            *slot.borrow_mut() = Some(resolve);
        })
        .into()
    })
    .into_js_value();
    let mut on_lost = Some(on_lost);
    let lost = Closure::<dyn FnMut(JsValue)>::new(move |_error: JsValue| {
        if let Some(on_lost) = on_lost.take() {
            on_lost();
        }
    });
    if let Ok(promise) = request.call3(&locks, &name.into(), &options, &granted) {
        if let Ok(promise) = promise.dyn_into::<Promise>() {
            let _ = promise.catch(&lost);
        }
    }
    // The callback lives as long as the lock request, which may be the life
    // of the page.
    lost.forget();
    handle
}

/// How many locks whose names start with `prefix` are held now, by any
/// tab (`navigator.locks.query()`); 0 where there is no Web Locks API.
pub async fn held_count(prefix: &str) -> usize {
    held_names(prefix).await.len()
}

/// The names of the locks held now, by any tab, that start with `prefix`;
/// none where there is no Web Locks API.
pub async fn held_names(prefix: &str) -> Vec<String> {
    let Some(locks) = lock_manager() else {
        return Vec::new();
    };
    let Ok(query) = Reflect::get(&locks, &"query".into()).and_then(|f| f.dyn_into::<Function>())
    else {
        return Vec::new();
    };
    let Ok(promise) = query.call0(&locks).and_then(|p| p.dyn_into::<Promise>()) else {
        return Vec::new();
    };
    let Ok(state) = wasm_bindgen_futures::JsFuture::from(promise).await else {
        return Vec::new();
    };
    let held = Reflect::get(&state, &"held".into()).unwrap_or(JsValue::UNDEFINED);
    js_sys::Array::from(&held)
        .iter()
        .filter_map(|lock| Reflect::get(&lock, &"name".into()).ok()?.as_string())
        .filter(|name| name.starts_with(prefix))
        .collect()
}
