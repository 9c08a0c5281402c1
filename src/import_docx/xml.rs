//! The XML of a Word part as a flat stream of events (`Ev`): tags by their
//! local name ("w:p" is "p") with their attributes, and text. Built on
//! quick-xml's pull parser, which never recurses: depth is only counted,
//! and capped at `MAX_DEPTH`, so 10,000 nested tables are an error rather
//! than a stack overflow.
//!
//! A document type declaration is refused outright: Word never writes one,
//! and it is how entity expansion attacks ("billion laughs") start. Only
//! XML's five predefined entities and character references are read; any
//! other entity reference is malformed XML.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::DocxError;

/// How deep elements may nest. A Word body paragraph sits at depth 3, a
/// picture's innermost element near 15, a table inside a table about 10;
/// 256 leaves room for any real document.
pub const MAX_DEPTH: usize = 256;

/// A start tag: its local name and attributes (by local name, unescaped).
#[derive(Clone, Debug, Default)]
pub struct Tag {
    pub name: String,
    pub attrs: Vec<(String, String)>,
}

impl Tag {
    /// The value of the attribute with local name `name` ("w:val" is
    /// "val").
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// Word's on/off property: present without a value, or "1", "true",
    /// "on"; "0", "false", "off", "none" turn it off.
    pub fn is_on(&self) -> bool {
        !matches!(self.attr("val"), Some("0" | "false" | "off" | "none"))
    }
}

/// One event of the stream.
#[derive(Clone, Debug)]
pub enum Ev {
    Open(Tag),
    Close(String),
    Text(String),
}

fn local(name: &[u8]) -> String {
    let local = match name.iter().rposition(|&b| b == b':') {
        Some(at) => &name[at + 1..],
        None => name,
    };
    String::from_utf8_lossy(local).into_owned()
}

fn tag(start: &BytesStart<'_>, part: &str) -> Result<Tag, DocxError> {
    let bad = || DocxError::NotWellFormed {
        part: part.to_owned(),
    };
    let mut attrs = Vec::new();
    for attr in start.attributes() {
        let attr = attr.map_err(|_| bad())?;
        let value = attr.unescape_value().map_err(|_| bad())?;
        attrs.push((local(attr.key.as_ref()), value.into_owned()));
    }
    Ok(Tag {
        name: local(start.name().as_ref()),
        attrs,
    })
}

/// Reads `bytes` (a part named `part`, for errors) and hands each event
/// to `each`, in document order.
pub fn walk(bytes: &[u8], part: &str, mut each: impl FnMut(Ev)) -> Result<(), DocxError> {
    walk_dyn(bytes, part, &mut each)
}

/// `walk`'s one compiled copy: each reader's closure is called through a
/// pointer, so the parser's loop is not copied per reader into the wasm.
fn walk_dyn(bytes: &[u8], part: &str, each: &mut dyn FnMut(Ev)) -> Result<(), DocxError> {
    let bad = || DocxError::NotWellFormed {
        part: part.to_owned(),
    };
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| bad())?;
    let mut reader = Reader::from_str(text);
    let mut depth = 0usize;
    loop {
        match reader.read_event().map_err(|_| bad())? {
            Event::Start(start) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(DocxError::TooDeep);
                }
                each(Ev::Open(tag(&start, part)?));
            }
            Event::Empty(start) => {
                if depth + 1 > MAX_DEPTH {
                    return Err(DocxError::TooDeep);
                }
                let tag = tag(&start, part)?;
                let name = tag.name.clone();
                each(Ev::Open(tag));
                each(Ev::Close(name));
            }
            Event::End(end) => {
                depth = depth.checked_sub(1).ok_or_else(bad)?;
                each(Ev::Close(local(end.name().as_ref())));
            }
            Event::Text(text) => {
                if depth == 0 {
                    if text.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Err(bad());
                }
                let text = text.unescape().map_err(|_| bad())?;
                each(Ev::Text(text.into_owned()));
            }
            Event::CData(data) => {
                let text = std::str::from_utf8(&data).map_err(|_| bad())?;
                each(Ev::Text(text.to_owned()));
            }
            Event::DocType(_) => return Err(DocxError::Doctype),
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            Event::Eof => break,
        }
    }
    if depth != 0 {
        return Err(bad());
    }
    Ok(())
}
