//! Pictures in figure blocks: the rules, in plain Rust. A picture is stored
//! once, under an id made from its bytes (the first 128 bits of their
//! SHA-256, in hex), apart from the document's text; a figure holds that id
//! with the picture's size in pixels (`model::PictureRef`).
//!
//! What the browser does with a chosen, dropped or pasted image follows
//! `plan`: an image larger than `MAX_SIDE` on its longer side is scaled
//! down to it; a PNG or JPEG that is small enough is kept byte for byte;
//! anything else is drawn again, as JPEG (quality `JPEG_QUALITY`) when it
//! came as JPEG, otherwise as PNG, falling back to JPEG when that PNG is
//! larger than `PNG_MAX_BYTES` (a photo saved as PNG). The caps:
//! `MAX_INPUT_BYTES` for the file given, `MAX_PICTURE_BYTES` for one stored
//! picture, `MAX_FILE_PICTURES_BYTES` for the pictures of one shared draft
//! file.
//!
//! Also here: the base64 the draft files and data URLs carry, and the
//! format and size read from a picture's own first bytes, so that nothing
//! but a PNG or JPEG of a sane size is ever stored.

use std::collections::BTreeMap;

/// The longer side of a stored picture, in pixels, at most.
pub const MAX_SIDE: u32 = 1600;
/// The JPEG quality pictures are encoded with (the canvas's 0 to 1).
pub const JPEG_QUALITY: f64 = 0.85;
/// A PNG or JPEG within `MAX_SIDE` and at most this size is kept as given.
pub const KEEP_MAX_BYTES: usize = 1024 * 1024;
/// A picture drawn again as PNG that comes out larger than this is drawn
/// as JPEG instead.
pub const PNG_MAX_BYTES: usize = 1024 * 1024;
/// The largest image file taken in, before scaling down.
pub const MAX_INPUT_BYTES: usize = 40 * 1024 * 1024;
/// The largest picture stored, after scaling down.
pub const MAX_PICTURE_BYTES: usize = 4 * 1024 * 1024;
/// The pictures of one shared draft file, together, at most (their bytes,
/// before base64).
pub const MAX_FILE_PICTURES_BYTES: usize = 20 * 1024 * 1024;
/// The largest side a picture's header may claim.
pub const MAX_DECLARED_SIDE: u32 = 30_000;

/// The two formats stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mime {
    Png,
    Jpeg,
}

impl Mime {
    pub fn as_str(self) -> &'static str {
        match self {
            Mime::Png => "image/png",
            Mime::Jpeg => "image/jpeg",
        }
    }

    /// The extension of the file inside a DOCX.
    pub fn extension(self) -> &'static str {
        match self {
            Mime::Png => "png",
            Mime::Jpeg => "jpeg",
        }
    }

    pub fn parse(text: &str) -> Option<Mime> {
        match text.trim().to_ascii_lowercase().as_str() {
            "image/png" => Some(Mime::Png),
            "image/jpeg" | "image/jpg" => Some(Mime::Jpeg),
            _ => None,
        }
    }
}

/// A stored picture: its format, size in pixels and bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picture {
    pub mime: Mime,
    pub width: u32,
    pub height: u32,
    pub bytes: Vec<u8>,
}

/// Pictures by id.
pub type Pictures = BTreeMap<String, Picture>;

/// Why a picture was not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PictureError {
    /// Not an image at all (its type, or its bytes).
    NotAnImage,
    /// An image file larger than `MAX_INPUT_BYTES`.
    FileTooLarge(usize),
    /// After scaling down, still larger than `MAX_PICTURE_BYTES`.
    PictureTooLarge(usize),
    /// The browser could not read or draw it.
    Unreadable,
}

impl Picture {
    /// A picture from bytes, when they are a PNG or JPEG of a sane size
    /// within `MAX_PICTURE_BYTES`.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Picture, PictureError> {
        if bytes.len() > MAX_PICTURE_BYTES {
            return Err(PictureError::PictureTooLarge(bytes.len()));
        }
        let (mime, width, height) = sniff(&bytes).ok_or(PictureError::NotAnImage)?;
        Ok(Picture {
            mime,
            width,
            height,
            bytes,
        })
    }

    /// Its id: the first 128 bits of the SHA-256 of its bytes, in hex.
    pub fn id(&self) -> String {
        id_of(&self.bytes)
    }

    /// What a figure holds of it.
    pub fn reference(&self) -> crate::model::PictureRef {
        crate::model::PictureRef {
            id: self.id(),
            width: self.width,
            height: self.height,
        }
    }

    /// As a `data:` URL.
    pub fn data_url(&self) -> String {
        format!(
            "data:{};base64,{}",
            self.mime.as_str(),
            base64_encode(&self.bytes)
        )
    }

    /// A picture from a `data:` URL with base64 content, checked as
    /// `from_bytes` checks.
    pub fn from_data_url(url: &str) -> Result<Picture, PictureError> {
        let rest = url
            .trim()
            .strip_prefix("data:")
            .ok_or(PictureError::NotAnImage)?;
        let (head, data) = rest.split_once(',').ok_or(PictureError::NotAnImage)?;
        let mime = head
            .strip_suffix(";base64")
            .and_then(Mime::parse)
            .ok_or(PictureError::NotAnImage)?;
        // A base64 text is a third larger than its bytes.
        if data.len() / 4 * 3 > MAX_PICTURE_BYTES + 3 {
            return Err(PictureError::PictureTooLarge(data.len() / 4 * 3));
        }
        let bytes = base64_decode(data).ok_or(PictureError::NotAnImage)?;
        let picture = Picture::from_bytes(bytes)?;
        if picture.mime != mime {
            return Err(PictureError::NotAnImage);
        }
        Ok(picture)
    }
}

/// The id of a picture's bytes.
pub fn id_of(bytes: &[u8]) -> String {
    sha256(bytes)[..16]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// True when `id` has the shape `id_of` gives.
pub fn is_id(id: &str) -> bool {
    id.len() == 32
        && id
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The size an image of `width` × `height` is stored at: its longer side at
/// most `MAX_SIDE`, the proportions kept, never zero.
pub fn target_size(width: u32, height: u32) -> (u32, u32) {
    let longer = width.max(height);
    if longer <= MAX_SIDE || longer == 0 {
        return (width.max(1), height.max(1));
    }
    let scale = |side: u32| {
        let scaled =
            (u64::from(side) * u64::from(MAX_SIDE) + u64::from(longer) / 2) / u64::from(longer);
        u32::try_from(scaled).unwrap_or(MAX_SIDE).max(1)
    };
    (scale(width), scale(height))
}

/// What the browser does with an image it has decoded.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Plan {
    /// Store the file's bytes as they are.
    Keep,
    /// Draw it at this size and encode it.
    Draw { width: u32, height: u32, mime: Mime },
}

/// Checks an image file before it is read: its type as the browser says
/// (`image/…`) and its size.
pub fn check_input(type_: &str, size: usize) -> Result<(), PictureError> {
    if !type_.trim().to_ascii_lowercase().starts_with("image/") {
        return Err(PictureError::NotAnImage);
    }
    if size > MAX_INPUT_BYTES {
        return Err(PictureError::FileTooLarge(size));
    }
    Ok(())
}

/// What to do with a decoded image of `width` × `height` that came as
/// `type_` in `size` bytes.
pub fn plan(type_: &str, size: usize, width: u32, height: u32) -> Plan {
    let given = Mime::parse(type_);
    let fits = width.max(height) <= MAX_SIDE;
    if fits && given.is_some() && size <= KEEP_MAX_BYTES {
        return Plan::Keep;
    }
    let (width, height) = target_size(width, height);
    let mime = match given {
        Some(Mime::Jpeg) => Mime::Jpeg,
        _ => Mime::Png,
    };
    Plan::Draw {
        width,
        height,
        mime,
    }
}

/// True when a picture drawn again as PNG came out too large and should be
/// drawn as JPEG instead.
pub fn png_too_large(bytes: usize) -> bool {
    bytes > PNG_MAX_BYTES
}

/// The format and size in pixels a PNG or JPEG says it has, or `None` for
/// anything else, a header cut short, or a side of zero or above
/// `MAX_DECLARED_SIDE`.
pub fn sniff(bytes: &[u8]) -> Option<(Mime, u32, u32)> {
    let (mime, width, height) = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        if bytes.get(12..16)? != b"IHDR" {
            return None;
        }
        let width = u32::from_be_bytes(bytes.get(16..20)?.try_into().ok()?);
        let height = u32::from_be_bytes(bytes.get(20..24)?.try_into().ok()?);
        (Mime::Png, width, height)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        let (width, height) = jpeg_size(bytes)?;
        (Mime::Jpeg, width, height)
    } else {
        return None;
    };
    let sane = |side: u32| (1..=MAX_DECLARED_SIDE).contains(&side);
    (sane(width) && sane(height)).then_some((mime, width, height))
}

/// A JPEG's size from its first start-of-frame marker.
fn jpeg_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    loop {
        // Markers may be padded with 0xFF.
        while *bytes.get(at)? == 0xFF && *bytes.get(at + 1)? == 0xFF {
            at += 1;
        }
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(at + 1)?;
        at += 2;
        match marker {
            // Markers without a length.
            0x01 | 0xD0..=0xD7 => continue,
            0xD9 | 0xDA => return None,
            _ => {}
        }
        let length = usize::from(u16::from_be_bytes(bytes.get(at..at + 2)?.try_into().ok()?));
        if length < 2 {
            return None;
        }
        let is_frame = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if is_frame {
            let height = u16::from_be_bytes(bytes.get(at + 3..at + 5)?.try_into().ok()?);
            let width = u16::from_be_bytes(bytes.get(at + 5..at + 7)?.try_into().ok()?);
            return Some((u32::from(width), u32::from(height)));
        }
        at += length;
    }
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(BASE64[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Standard base64, padding optional, white space ignored; `None` for any
/// other character or a length no encoder gives.
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let mut n: u32 = 0;
    let mut count = 0usize;
    let mut padding = 0usize;
    for byte in text.bytes() {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => {
                padding += 1;
                continue;
            }
            b' ' | b'\n' | b'\r' | b'\t' => continue,
            _ => return None,
        };
        if padding > 0 {
            return None;
        }
        n = (n << 6) | u32::from(value);
        count += 1;
        if count % 4 == 0 {
            out.extend_from_slice(&[(n >> 16) as u8, (n >> 8) as u8, n as u8]);
            n = 0;
        }
    }
    match count % 4 {
        0 => {}
        2 => out.push((n >> 4) as u8),
        3 => out.extend_from_slice(&[(n >> 10) as u8, (n >> 2) as u8]),
        _ => return None,
    }
    (padding <= 2).then_some(out)
}

/// SHA-256 (FIPS 180-4).
fn sha256(bytes: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut message = bytes.to_vec();
    let bit_length = (bytes.len() as u64).wrapping_mul(8);
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&bit_length.to_be_bytes());
    for block in message.chunks(64) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for (k, wi) in K.iter().zip(w.iter()) {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(*k)
                .wrapping_add(*wi);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (state, value) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *state = state.wrapping_add(value);
        }
    }
    let mut out = [0u8; 32];
    for (i, word) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&word.to_be_bytes());
    }
    out
}

/// A small valid PNG of `width` × `height` (grey, 8-bit, stored deflate
/// blocks), for tests and examples.
pub fn test_png(width: u32, height: u32) -> Vec<u8> {
    fn crc(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &byte in bytes {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend_from_slice(data);
        out.extend_from_slice(&body);
        out.extend_from_slice(&crc(&body).to_be_bytes());
    }
    let mut raw = Vec::new();
    for y in 0..height {
        raw.push(0);
        raw.extend((0..width).map(|x| ((x + y) % 256) as u8));
    }
    // zlib with stored blocks.
    let mut zlib = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    for (i, block) in blocks.iter().enumerate() {
        zlib.push(u8::from(i + 1 == blocks.len()));
        let len = block.len() as u16;
        zlib.extend_from_slice(&len.to_le_bytes());
        zlib.extend_from_slice(&(!len).to_le_bytes());
        zlib.extend_from_slice(block);
    }
    let (mut s1, mut s2) = (1u32, 0u32);
    for &byte in &raw {
        s1 = (s1 + u32::from(byte)) % 65_521;
        s2 = (s2 + s1) % 65_521;
    }
    zlib.extend_from_slice(&((s2 << 16) | s1).to_be_bytes());
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = Vec::new();
    header.extend_from_slice(&width.to_be_bytes());
    header.extend_from_slice(&height.to_be_bytes());
    header.extend_from_slice(&[8, 0, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &header);
    chunk(&mut out, b"IDAT", &zlib);
    chunk(&mut out, b"IEND", &[]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_matches_the_standard_vectors() {
        let hex = |bytes: [u8; 32]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
        assert_eq!(
            hex(sha256(b"")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            hex(sha256(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            hex(sha256(
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
            )),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
        assert_eq!(id_of(b"abc"), "ba7816bf8f01cfea414140de5dae2223");
        assert!(is_id(&id_of(b"abc")));
        assert!(!is_id("../x"));
    }

    #[test]
    fn base64_round_trips_and_refuses_what_is_not_base64() {
        for len in 0..10 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 5) as u8).collect();
            let text = base64_encode(&bytes);
            assert_eq!(base64_decode(&text), Some(bytes));
        }
        assert_eq!(base64_encode(b"Man"), "TWFu");
        assert_eq!(base64_encode(b"Ma"), "TWE=");
        assert_eq!(base64_decode("TWE"), Some(b"Ma".to_vec()));
        assert_eq!(base64_decode("T"), None);
        assert_eq!(base64_decode("TW!u"), None);
        assert_eq!(base64_decode("TW=u"), None);
    }

    #[test]
    fn sniff_reads_png_and_jpeg_sizes_and_refuses_the_rest() {
        let png = test_png(3, 2);
        assert_eq!(sniff(&png), Some((Mime::Png, 3, 2)));
        // A JPEG header: SOI, an APP0 segment, SOF0 with 480 × 640.
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00];
        jpeg.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x11, 0x08, 0x02, 0x80, 0x01, 0xE0]);
        assert_eq!(sniff(&jpeg), Some((Mime::Jpeg, 480, 640)));
        assert_eq!(sniff(b"GIF89a"), None);
        assert_eq!(sniff(&png[..20]), None);
        assert_eq!(sniff(&jpeg[..10]), None);
        let mut huge = png.clone();
        huge[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        assert_eq!(sniff(&huge), None);
    }

    #[test]
    fn the_longer_side_is_brought_to_1600_pixels() {
        assert_eq!(target_size(2400, 1800), (1600, 1200));
        assert_eq!(target_size(1000, 4000), (400, 1600));
        assert_eq!(target_size(1600, 900), (1600, 900));
        assert_eq!(target_size(30_000, 1), (1600, 1));
        assert_eq!(target_size(0, 0), (1, 1));
    }

    #[test]
    fn small_pngs_and_jpegs_are_kept_and_the_rest_drawn_again() {
        assert_eq!(plan("image/png", 50_000, 800, 600), Plan::Keep);
        assert_eq!(plan("image/jpeg", 900_000, 1600, 1200), Plan::Keep);
        assert_eq!(
            plan("image/jpeg", 900_000, 4000, 3000),
            Plan::Draw {
                width: 1600,
                height: 1200,
                mime: Mime::Jpeg
            }
        );
        assert_eq!(
            plan("image/png", 3_000_000, 1200, 800),
            Plan::Draw {
                width: 1200,
                height: 800,
                mime: Mime::Png
            }
        );
        assert_eq!(
            plan("image/webp", 10_000, 100, 100),
            Plan::Draw {
                width: 100,
                height: 100,
                mime: Mime::Png
            }
        );
        assert!(png_too_large(PNG_MAX_BYTES + 1));
        assert!(!png_too_large(PNG_MAX_BYTES));
    }

    #[test]
    fn only_images_within_the_caps_are_taken() {
        assert_eq!(check_input("image/png", 1000), Ok(()));
        assert_eq!(
            check_input("application/pdf", 1000),
            Err(PictureError::NotAnImage)
        );
        assert_eq!(
            check_input("image/jpeg", MAX_INPUT_BYTES + 1),
            Err(PictureError::FileTooLarge(MAX_INPUT_BYTES + 1))
        );
        assert_eq!(
            Picture::from_bytes(b"not an image".to_vec()),
            Err(PictureError::NotAnImage)
        );
        let png = Picture::from_bytes(test_png(4, 4)).unwrap();
        let url = png.data_url();
        assert!(url.starts_with("data:image/png;base64,iVBOR"));
        assert_eq!(Picture::from_data_url(&url), Ok(png.clone()));
        // A PNG's bytes called a JPEG are refused.
        let lie = url.replace("image/png", "image/jpeg");
        assert_eq!(Picture::from_data_url(&lie), Err(PictureError::NotAnImage));
        assert_eq!(
            Picture::from_data_url("data:image/png;base64,@@@"),
            Err(PictureError::NotAnImage)
        );
        assert_eq!(
            Picture::from_data_url("http://x/y.png"),
            Err(PictureError::NotAnImage)
        );
    }
}
