//! Pictures taken in by the browser: an image file picked, dropped or
//! pasted is decoded (`createImageBitmap`), scaled down and encoded on a
//! canvas as `picture::plan` says, and handed back as a checked `Picture`.
//! The rules (the size, when to draw again, the caps) are in
//! `crate::picture`; only the drawing is here.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::picture::{self, Mime, Picture, PictureError, Plan};

/// An image file the user gave, not read yet.
pub struct ImageFile(web_sys::File);

impl ImageFile {
    /// The first file of a file list, if any.
    fn first(files: Option<web_sys::FileList>) -> Option<ImageFile> {
        files.and_then(|files| files.get(0)).map(ImageFile)
    }

    /// The file of an `<input type=file>` change event.
    pub fn of_input(event: &web_sys::Event) -> Option<ImageFile> {
        let input = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())?;
        let file = ImageFile::first(input.files());
        input.set_value("");
        file
    }

    /// The file of a drop.
    pub fn of_drop(event: &web_sys::DragEvent) -> Option<ImageFile> {
        ImageFile::first(event.data_transfer().and_then(|transfer| transfer.files()))
    }

    /// The image of a paste, when the clipboard holds one (a screenshot, a
    /// picture copied from a page or a file manager).
    pub fn of_paste(event: &web_sys::ClipboardEvent) -> Option<ImageFile> {
        ImageFile::first(event.clipboard_data().and_then(|data| data.files()))
            .filter(|file| file.0.type_().starts_with("image/"))
    }

    /// True when a drag carries files (so that a drop may be taken).
    pub fn drag_has_files(event: &web_sys::DragEvent) -> bool {
        event
            .data_transfer()
            .is_some_and(|transfer| transfer.types().includes(&"Files".into(), 0))
    }
}

/// Reads, checks and scales down `file`, then hands the outcome to `done`.
pub fn take(file: ImageFile, done: impl FnOnce(Result<Picture, PictureError>) + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        done(read(file.0).await);
    });
}

async fn read(file: web_sys::File) -> Result<Picture, PictureError> {
    let type_ = file.type_();
    let size = file.size() as usize;
    picture::check_input(&type_, size)?;
    let window = web_sys::window().ok_or(PictureError::Unreadable)?;
    let promise = window
        .create_image_bitmap_with_blob(&file)
        .map_err(|_| PictureError::Unreadable)?;
    let bitmap: web_sys::ImageBitmap = JsFuture::from(promise)
        .await
        .map_err(|_| PictureError::NotAnImage)?
        .unchecked_into();
    let plan = picture::plan(&type_, size, bitmap.width(), bitmap.height());
    if plan == Plan::Keep {
        let buffer = JsFuture::from(file.array_buffer())
            .await
            .map_err(|_| PictureError::Unreadable)?;
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        // A file whose bytes are not what its type says is drawn again.
        if let Ok(picture) = Picture::from_bytes(bytes) {
            bitmap.close();
            return Ok(picture);
        }
    }
    let (width, height, mime) = match plan {
        Plan::Draw {
            width,
            height,
            mime,
        } => (width, height, mime),
        Plan::Keep => (bitmap.width(), bitmap.height(), Mime::Png),
    };
    let mut bytes = draw(&bitmap, width, height, mime)?;
    if mime == Mime::Png && picture::png_too_large(bytes.len()) {
        bytes = draw(&bitmap, width, height, Mime::Jpeg)?;
    }
    bitmap.close();
    Picture::from_bytes(bytes)
}

/// `bitmap` drawn at `width` × `height` and encoded as `mime` (a JPEG on
/// white, since it has no transparency).
fn draw(
    bitmap: &web_sys::ImageBitmap,
    width: u32,
    height: u32,
    mime: Mime,
) -> Result<Vec<u8>, PictureError> {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or(PictureError::Unreadable)?;
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|_| PictureError::Unreadable)?
        .unchecked_into();
    canvas.set_width(width);
    canvas.set_height(height);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .ok_or(PictureError::Unreadable)?
        .unchecked_into();
    context.set_image_smoothing_enabled(true);
    if mime == Mime::Jpeg {
        context.set_fill_style_str("#fff");
        context.fill_rect(0.0, 0.0, f64::from(width), f64::from(height));
    }
    context
        .draw_image_with_image_bitmap_and_dw_and_dh(
            bitmap,
            0.0,
            0.0,
            f64::from(width),
            f64::from(height),
        )
        .map_err(|_| PictureError::Unreadable)?;
    let url = canvas
        .to_data_url_with_type_and_encoder_options(
            mime.as_str(),
            &wasm_bindgen::JsValue::from_f64(picture::JPEG_QUALITY),
        )
        .map_err(|_| PictureError::Unreadable)?;
    let data = url
        .split_once(',')
        .map(|(_, data)| data)
        .ok_or(PictureError::Unreadable)?;
    picture::base64_decode(data).ok_or(PictureError::Unreadable)
}
