//! Saving files to the user's computer: a Blob and a download link, all in
//! the page (nothing is uploaded anywhere); or, where a download cannot
//! start (in-app browsers), the system's share sheet with the file
//! (`navigator.share`).

use wasm_bindgen::JsCast;

/// Offers `text` as a download named `file_name`. Returns false when the
/// browser refused.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> bool {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    download_parts(file_name, mime, &parts)
}

/// Offers `bytes` as a download named `file_name`.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> bool {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    download_parts(file_name, mime, &parts)
}

fn download_parts(file_name: &str, mime: &str, parts: &js_sys::Array) -> bool {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return false;
    };
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_buffer_source_sequence_and_options(parts, &options)
    else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let Ok(link) = document.create_element("a") else {
        return false;
    };
    let link: web_sys::HtmlAnchorElement = link.unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.set_hidden(true);
    if let Some(body) = document.body() {
        let _ = body.append_child(&link);
        link.click();
        let _ = body.remove_child(&link);
    }
    let _ = web_sys::Url::revoke_object_url(&url);
    true
}

/// How a share ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    /// The file went to the app the user chose.
    Done,
    /// The user closed the share sheet.
    Cancelled,
    Failed,
}

/// `new File([bytes], name, { type: mime })`.
fn file_of(file_name: &str, mime: &str, bytes: &[u8]) -> Option<wasm_bindgen::JsValue> {
    use js_sys::{Array, Function, Object, Reflect};
    use wasm_bindgen::JsValue;
    let window = web_sys::window()?;
    let constructor = Reflect::get(&window, &"File".into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    let parts = Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = Object::new();
    Reflect::set(&options, &"type".into(), &JsValue::from_str(mime)).ok()?;
    let arguments = Array::of3(&parts, &JsValue::from_str(file_name), &options);
    Reflect::construct(&constructor, &arguments).ok()
}

/// `{ files: [file] }`, and the navigator's method `name` when it has one.
fn share_call(
    file_name: &str,
    mime: &str,
    bytes: &[u8],
    name: &str,
) -> Option<(web_sys::Navigator, js_sys::Function, js_sys::Object)> {
    use js_sys::{Array, Function, Object, Reflect};
    let navigator = web_sys::window()?.navigator();
    let method = Reflect::get(&navigator, &name.into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    let data = Object::new();
    let file = file_of(file_name, mime, bytes)?;
    Reflect::set(&data, &"files".into(), &Array::of1(&file)).ok()?;
    Some((navigator, method, data))
}

/// True when the browser can hand this file to another app
/// (`navigator.canShare({ files })`, with `navigator.share` present).
pub fn can_share_file(file_name: &str, mime: &str, bytes: &[u8]) -> bool {
    let has_share = web_sys::window().is_some_and(|window| {
        js_sys::Reflect::get(&window.navigator(), &"share".into())
            .is_ok_and(|share| share.is_function())
    });
    has_share
        && share_call(file_name, mime, bytes, "canShare").is_some_and(|(navigator, can, data)| {
            can.call1(&navigator, &data)
                .is_ok_and(|answer| answer.is_truthy())
        })
}

/// Opens the share sheet with the file (`navigator.share({ files })`);
/// must run in the handler of the user's click. `done` gets the outcome.
pub fn share_file(file_name: &str, mime: &str, bytes: &[u8], done: impl FnOnce(Shared) + 'static) {
    let Some((navigator, share, data)) = share_call(file_name, mime, bytes, "share") else {
        done(Shared::Failed);
        return;
    };
    let promise = match share.call1(&navigator, &data) {
        Ok(promise) => promise.dyn_into::<js_sys::Promise>(),
        Err(_) => {
            done(Shared::Failed);
            return;
        }
    };
    let Ok(promise) = promise else {
        done(Shared::Failed);
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => done(Shared::Done),
            Err(error) => {
                let aborted = error
                    .dyn_ref::<web_sys::DomException>()
                    .is_some_and(|error| error.name() == "AbortError");
                done(if aborted {
                    Shared::Cancelled
                } else {
                    Shared::Failed
                })
            }
        }
    });
}

/// The outcome of reading a file the user picked or dropped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileRead {
    Bytes(Vec<u8>),
    /// Larger than the limit; not read at all.
    TooLarge(usize),
    Failed,
}

/// Files the user picked or dropped (or the system handed the installed
/// app), not read yet.
pub struct PickedFiles(Vec<web_sys::File>);

impl PickedFiles {
    fn of_list(list: Option<web_sys::FileList>) -> PickedFiles {
        PickedFiles(list.map_or_else(Vec::new, |list| {
            (0..list.length()).filter_map(|at| list.get(at)).collect()
        }))
    }

    /// One file (from the system's "Open with").
    pub fn one(file: web_sys::File) -> PickedFiles {
        PickedFiles(vec![file])
    }
}

/// The files of an `<input type=file>` change event.
pub fn files_of_input(event: &web_sys::Event) -> PickedFiles {
    PickedFiles::of_list(
        event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files()),
    )
}

/// The files of a drop event.
pub fn files_of_drop(event: &web_sys::DragEvent) -> PickedFiles {
    PickedFiles::of_list(event.data_transfer().and_then(|transfer| transfer.files()))
}

/// Clears an `<input type=file>` so that picking the same file again fires
/// a change event.
pub fn reset_input(event: &web_sys::Event) {
    if let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.set_value("");
    }
}

/// Reads the first of `files`, refusing before reading when it is larger
/// than `limit` bytes, and hands the outcome to `done`.
pub fn read_first(files: PickedFiles, limit: usize, done: impl FnOnce(FileRead) + 'static) {
    let Some(file) = files.0.into_iter().next() else {
        return;
    };
    let size = file.size() as usize;
    if size > limit {
        done(FileRead::TooLarge(size));
        return;
    }
    let promise = file.array_buffer();
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(buffer) => done(FileRead::Bytes(js_sys::Uint8Array::new(&buffer).to_vec())),
            Err(_) => done(FileRead::Failed),
        }
    });
}

/// Reads each of `files` (a multiple input's or a drop's), refusing
/// before reading each one larger than `limit` bytes. Returns the files'
/// names at once; each outcome then comes to `done` with the file's place
/// in that list, as each is read.
pub fn read_each(
    files: PickedFiles,
    limit: usize,
    done: impl Fn(usize, FileRead) + 'static,
) -> Vec<String> {
    let done = std::rc::Rc::new(done);
    let files = files.0;
    for (index, file) in files.iter().enumerate() {
        let size = file.size() as usize;
        let promise = (size <= limit).then(|| file.array_buffer());
        let done = std::rc::Rc::clone(&done);
        wasm_bindgen_futures::spawn_local(async move {
            let Some(promise) = promise else {
                done(index, FileRead::TooLarge(size));
                return;
            };
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(buffer) => done(
                    index,
                    FileRead::Bytes(js_sys::Uint8Array::new(&buffer).to_vec()),
                ),
                Err(_) => done(index, FileRead::Failed),
            }
        });
    }
    files.iter().map(web_sys::File::name).collect()
}

/// Clicks the element with `id` (opens a hidden file picker).
pub fn click(id: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        element.click();
    }
}
