//! Draft files coming in: a `.baocao.json` file (or a template file) checked
//! before anything is stored, with a preview to confirm and problems named
//! by place ("Mục II.2: có bảng quá lớn …").
//!
//! Tables in a file are refused when larger than a table may be or holding
//! a text longer than a cell holds, and otherwise made sane (merges, row
//! widths, formulas that name missing columns or go round in a cycle).
//!
//! Checking never changes a stored draft: it returns a new document (with
//! fresh ids) for the caller to store as a new draft, or to put in place of
//! an open one after a snapshot.

use crate::model::{Document, Section};
use crate::numbering::{outline, MAX_SECTION_DEPTH};
use crate::persist::{migrate, Envelope, LoadError, CURRENT_VERSION};
use crate::template::{self, Template, TemplateError};

/// Files larger than this are refused before they are parsed.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// The largest draft file (JSON) read: its text within `MAX_FILE_BYTES`,
/// and its pictures, in base64, within `picture::MAX_FILE_PICTURES_BYTES`.
pub const MAX_DRAFT_FILE_BYTES: usize =
    MAX_FILE_BYTES + crate::picture::MAX_FILE_PICTURES_BYTES / 3 * 4 + 1024 * 1024;

/// Why a file cannot be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
    },
    /// Not text in UTF-8.
    NotText,
    /// A file of another program (a Word document, a PDF, a zip archive),
    /// which users often pick for "last year's report".
    OtherProgram(OtherProgram),
    /// A paste with no text in it.
    NothingPasted,
    /// Not JSON; where the parser stopped.
    NotJson {
        line: usize,
        column: usize,
    },
    /// JSON, but neither a draft nor a template.
    NotADraft,
    /// Written by a newer version of the app.
    TooNew {
        version: u32,
    },
    /// A draft or template whose content is not what it should be, with
    /// where: a field path from the parser.
    Shape(String),
    /// A draft whose structure is wrong in named places.
    Problems(Vec<Problem>),
    /// A draft file whose pictures are more than
    /// `picture::MAX_FILE_PICTURES_BYTES` together.
    PicturesTooLarge {
        bytes: usize,
    },
    /// A draft file whose pictures are not PNG or JPEG pictures.
    BadPictures,
    /// A Word file that cannot be read, and why.
    Docx(crate::import_docx::DocxError),
    /// The browser cannot unzip a Word file (no `DecompressionStream` for
    /// "deflate-raw": Chrome and Edge before 103, Firefox before 113,
    /// Safari before 16.4).
    CannotUnzip,
}

/// A problem found in a named place of an imported draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// "II.2", or "" for the document as a whole.
    pub place: String,
    pub kind: ProblemKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// Deeper than parts, items and points.
    TooDeep,
    /// A table with more columns or cells than a table may have.
    TableTooLarge,
    /// A table with a text longer than a cell holds.
    TableTextTooLong,
}

/// Files of other programs recognised by their first bytes, so that the
/// error can say what to do with them instead of "not UTF-8 text".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OtherProgram {
    /// A Word document: `.docx`, the older `.doc`, or `.rtf`.
    Word,
    /// An OpenDocument text (LibreOffice Writer, `.odt`).
    OpenDocument,
    Pdf,
    /// Any other zip archive (a zipped draft, a spreadsheet).
    Zip,
}

/// Recognises a file of another program by its signature.
pub fn sniff_other_program(bytes: &[u8]) -> Option<OtherProgram> {
    let contains = |needle: &[u8]| bytes.windows(needle.len()).any(|window| window == needle);
    if bytes.starts_with(b"PK\x03\x04") {
        // An OpenDocument file starts with its "mimetype" entry, stored
        // uncompressed; a .docx names its parts in the archive's directory.
        if contains(b"application/vnd.oasis.opendocument.text") {
            return Some(OtherProgram::OpenDocument);
        }
        if contains(b"word/document.xml") {
            return Some(OtherProgram::Word);
        }
        return Some(OtherProgram::Zip);
    }
    // The compound file of Office 97–2003 (.doc, also .xls).
    if bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
        || bytes.starts_with(b"{\\rtf")
    {
        return Some(OtherProgram::Word);
    }
    if bytes.starts_with(b"%PDF-") {
        return Some(OtherProgram::Pdf);
    }
    None
}

/// Whether `bytes` are a Word document of today (`.docx`: a zip archive
/// naming `word/document.xml`), which the DOCX reader takes.
pub fn is_docx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") && sniff_other_program(bytes) == Some(OtherProgram::Word)
}

/// What an import would bring in, shown before anything is stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Incoming {
    pub document: Document,
    /// True for a template file (a higher body's outline).
    pub is_template: bool,
    /// The template itself, for a template file, to add to the list.
    pub template: Option<Template>,
    pub title: String,
    pub sections: usize,
    pub bytes: usize,
    /// Lines of a text that could not be placed ("chưa xếp được").
    pub unplaced: Vec<String>,
    /// The legacy encoding a text was converted from, to tell the user.
    pub converted_from: Option<crate::legacy_encoding::LegacyEncoding>,
    /// Pictures of a document file that could not be placed (none in a
    /// text).
    pub pictures_unplaced: usize,
    /// How many lines of a text were converted from `converted_from`.
    pub converted_lines: Option<usize>,
    /// The pictures a draft file carries for its figures, by id.
    pub pictures: crate::picture::Pictures,
}

/// A field of the header, title or closing an import looks for, in the
/// order the import dialog lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderField {
    SuperiorBody,
    IssuingBody,
    NumberSymbol,
    PlaceDate,
    Title,
    Subject,
    /// Who signs: the authority, position and name.
    Signer,
    Recipients,
}

/// What an import found for one field: its text as the dialog shows it,
/// empty when the field was not found (the clerk fills it in).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundField {
    pub field: HeaderField,
    pub value: String,
}

impl FoundField {
    pub fn is_missing(&self) -> bool {
        self.value.is_empty()
    }
}

/// A text converted from a legacy encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Converted {
    pub from: crate::legacy_encoding::LegacyEncoding,
    /// How many lines were converted, when the conversion was decided line
    /// by line; `None` when the whole text was converted.
    pub lines: Option<usize>,
}

/// What an import found, for the dialog's summary: the header and closing
/// fields, how many divisions, parts, items, points, tables and
/// appendices, the encoding converted, and what could not be placed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub fields: Vec<FoundField>,
    pub divisions: usize,
    pub parts: usize,
    pub items: usize,
    pub points: usize,
    pub tables: usize,
    pub appendices: usize,
    pub converted: Option<Converted>,
    /// Lines not placed ("chưa xếp được"), listed in `Incoming::unplaced`.
    pub unplaced_lines: usize,
    pub pictures_unplaced: usize,
    /// The ruleset the draft will follow.
    pub ruleset: crate::model::Ruleset,
}

impl Incoming {
    /// `document` as an import of `bytes` bytes: a draft, not a template,
    /// with nothing left unplaced or converted (the readers of texts and
    /// Word files set those fields after).
    pub fn of_draft(document: Document, bytes: usize) -> Incoming {
        Incoming {
            title: document.title.clone(),
            sections: outline(&document).len(),
            bytes,
            document,
            is_template: false,
            template: None,
            unplaced: Vec::new(),
            converted_from: None,
            pictures_unplaced: 0,
            converted_lines: None,
            pictures: crate::picture::Pictures::new(),
        }
    }

    /// What this import found, for the dialog's summary.
    pub fn found(&self) -> Found {
        use crate::model::SectionKind;
        let document = &self.document;
        let meta = &document.meta;
        let closing = &document.closing;
        let place_date = if meta.place.trim().is_empty() && meta.date == Default::default() {
            String::new()
        } else {
            crate::rules::date_line(&meta.place, &meta.date)
                .trim()
                .to_owned()
        };
        let signer = [
            closing.signing_authority.as_str(),
            closing.position.as_str(),
            closing.signer_name.as_str(),
        ]
        .into_iter()
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
        let recipients = closing
            .recipients
            .iter()
            .map(|recipient| recipient.trim())
            .filter(|recipient| !recipient.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        let fields = [
            (HeaderField::SuperiorBody, meta.superior_body.clone()),
            (HeaderField::IssuingBody, meta.issuing_body.clone()),
            (HeaderField::NumberSymbol, meta.number_symbol.clone()),
            (HeaderField::PlaceDate, place_date),
            (HeaderField::Title, document.title.clone()),
            (HeaderField::Subject, meta.subject.clone()),
            (HeaderField::Signer, signer),
            (HeaderField::Recipients, recipients),
        ]
        .into_iter()
        .map(|(field, value)| FoundField {
            field,
            value: value.trim().to_owned(),
        })
        .collect();
        let mut found = Found {
            fields,
            divisions: 0,
            parts: 0,
            items: 0,
            points: 0,
            tables: crate::table::tables_of(document).len(),
            appendices: 0,
            converted: self.converted_from.map(|from| Converted {
                from,
                lines: self.converted_lines,
            }),
            unplaced_lines: self.unplaced.len(),
            pictures_unplaced: self.pictures_unplaced,
            ruleset: meta.ruleset,
        };
        let count_part = |part: &Section, found: &mut Found| {
            found.parts += 1;
            found.items += part.children.len();
            found.points += part
                .children
                .iter()
                .map(|item| item.children.len())
                .sum::<usize>();
        };
        for section in &document.sections {
            match section.kind {
                SectionKind::Division => {
                    found.divisions += 1;
                    for part in &section.children {
                        count_part(part, &mut found);
                    }
                }
                SectionKind::Appendix => found.appendices += 1,
                SectionKind::Numbered => count_part(section, &mut found),
            }
        }
        found
    }

    /// The same import with the draft following `ruleset` (Party or
    /// State) instead of the one the import detected. (A template file's
    /// outline is added as it is; the dialog offers no choice for it.)
    pub fn with_ruleset(mut self, ruleset: crate::model::Ruleset) -> Incoming {
        self.document.meta.ruleset = ruleset;
        self
    }
}

/// Tells whether `document`'s outline is deeper than the editor handles.
/// Stored drafts are checked with it too.
pub fn too_deep(document: &Document) -> bool {
    fn depth_of(section: &Section) -> usize {
        section
            .children
            .iter()
            .map(|child| 1 + depth_of(child))
            .max()
            .unwrap_or(0)
    }
    document
        .sections
        .iter()
        .any(|part| depth_of(part) > MAX_SECTION_DEPTH)
}

/// The tables of `document` that cannot be taken in, by place.
fn table_problems(document: &Document) -> Vec<Problem> {
    crate::table::tables_of(document)
        .into_iter()
        .filter_map(|(place, table)| {
            table.trouble().map(|trouble| Problem {
                place,
                kind: match trouble {
                    crate::table::Trouble::TooLarge => ProblemKind::TableTooLarge,
                    crate::table::Trouble::TextTooLong => ProblemKind::TableTextTooLong,
                },
            })
        })
        .collect()
}

fn check_structure(document: &Document) -> Vec<Problem> {
    let mut problems = table_problems(document);
    if too_deep(document) {
        problems.push(Problem {
            place: String::new(),
            kind: ProblemKind::TooDeep,
        });
    }
    // A section without a heading is not refused: the app lets one be
    // saved (an item added whose title is not written yet), so its own
    // file must open again. The format check names it
    // (`conformance::Finding::MissingHeading`).
    problems
}

/// Checks a file's bytes and returns what it would bring in, all at once
/// (`start_file` reads a text in slices).
pub fn read_file(bytes: &[u8]) -> Result<Incoming, ImportError> {
    match start_file(bytes) {
        Reading::Done(outcome) => *outcome,
        Reading::Text(reading) => reading.finish(),
    }
}

/// A file being read: a draft or template file is checked at once; a
/// report's text is read in slices, so that a long one leaves the page
/// free to paint and answer between them.
pub enum Reading {
    Done(Box<Result<Incoming, ImportError>>),
    Text(Box<TextReading>),
}

/// A report's text being read (`TextReading::step` reads a slice): a text
/// file or paste, or the text of a Word file.
pub struct TextReading {
    source: Source,
    bytes: usize,
}

enum Source {
    Text(crate::import_text::TextReader),
    Word(crate::import_docx::DocxReading),
}

impl TextReading {
    /// Reads one slice; `Step::Done` once the whole text is read.
    pub fn step(&mut self) -> crate::import_text::Step {
        match &mut self.source {
            Source::Text(reader) => reader.step(),
            Source::Word(reader) => reader.step(),
        }
    }

    /// How far the reading has got, from 0 to 100.
    pub fn percent(&self) -> u8 {
        match &self.source {
            Source::Text(reader) => reader.percent(),
            Source::Word(reader) => reader.percent(),
        }
    }

    /// What the text brings in (whatever is left is read first). A Word
    /// file's draft goes through a draft file's checks.
    pub fn finish(self) -> Result<Incoming, ImportError> {
        match self.source {
            Source::Text(reader) => {
                let imported = reader.finish();
                Ok(Incoming {
                    converted_from: imported.converted_from,
                    unplaced: imported.unplaced,
                    converted_lines: imported.converted_from.map(|_| imported.converted_lines),
                    ..Incoming::of_draft(imported.document, self.bytes)
                })
            }
            Source::Word(reader) => checked_docx(reader.finish(), self.bytes),
        }
    }
}

/// Starts reading a file's bytes: the checks that refuse a file are made
/// at once, and a draft or template file is read whole.
pub fn start_file(bytes: &[u8]) -> Reading {
    // Only a draft file may be larger than MAX_FILE_BYTES (its pictures).
    let may_be_draft = bytes.len() <= MAX_DRAFT_FILE_BYTES
        && bytes
            .iter()
            .find(|byte| !byte.is_ascii_whitespace())
            .is_some_and(|byte| *byte == b'{');
    if bytes.len() > MAX_FILE_BYTES && !may_be_draft {
        return Reading::Done(Box::new(Err(ImportError::TooLarge { bytes: bytes.len() })));
    }
    if let Some(other) = sniff_other_program(bytes) {
        return Reading::Done(Box::new(Err(ImportError::OtherProgram(other))));
    }
    let Some(decoded) = decode_text(bytes) else {
        return Reading::Done(Box::new(Err(ImportError::NotText)));
    };
    let text = decoded.trim_start_matches('\u{feff}');
    // An HTML export carries its draft in a data block.
    let text = crate::export::embedded_draft(text).unwrap_or(text);
    // Anything that does not start like JSON is an existing report as text.
    if !text.trim_start().starts_with(['{', '[']) {
        return Reading::Text(Box::new(TextReading {
            source: Source::Text(crate::import_text::TextReader::new(text.to_owned())),
            bytes: bytes.len(),
        }));
    }
    Reading::Done(Box::new(read_draft_or_template(text, bytes.len())))
}

/// Starts reading text the user pasted, as `read_pasted` does.
pub fn start_pasted(text: &str) -> Reading {
    if text.trim().is_empty() {
        return Reading::Done(Box::new(Err(ImportError::NothingPasted)));
    }
    start_file(text.as_bytes())
}

/// Checks a draft or template file's JSON text (`bytes` long).
fn read_draft_or_template(text: &str, bytes: usize) -> Result<Incoming, ImportError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|error| ImportError::NotJson {
            line: error.line(),
            column: error.column(),
        })?;
    // Beyond its pictures, a draft file is held to MAX_FILE_BYTES as any
    // other file is.
    let pictures_text: usize = value
        .get(crate::persist::pictures::FILE_PICTURES_FIELD)
        .and_then(serde_json::Value::as_object)
        .map_or(0, |map| {
            map.iter()
                .map(|(id, data)| id.len() + data.as_str().map_or(0, str::len))
                .sum()
        });
    if bytes.saturating_sub(pictures_text) > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes });
    }
    let is_template =
        value.get("format").and_then(|f| f.as_str()) == Some(template::TEMPLATE_FORMAT);
    if is_template {
        let template = template::parse(text).map_err(|error| match error {
            TemplateError::TooNew(version) => ImportError::TooNew { version },
            TemplateError::NotATemplate => ImportError::NotADraft,
            TemplateError::Malformed(message) => ImportError::Shape(message),
        })?;
        let mut document = template::instantiate(&template);
        let problems = table_problems(&document);
        if !problems.is_empty() {
            return Err(ImportError::Problems(problems));
        }
        crate::table::make_tables_sane(&mut document);
        return Ok(Incoming {
            title: template.name.clone(),
            sections: outline(&document).len(),
            bytes,
            document,
            is_template: true,
            template: Some(template),
            unplaced: Vec::new(),
            converted_from: None,
            pictures_unplaced: 0,
            converted_lines: None,
            pictures: crate::picture::Pictures::new(),
        });
    }
    let value = migrate(value).map_err(|error| match error {
        LoadError::TooNew(version) => ImportError::TooNew { version },
        LoadError::NotADraft => ImportError::NotADraft,
        LoadError::NotJson(message) | LoadError::Shape(message) => ImportError::Shape(message),
    })?;
    let mut envelope = Envelope::from_json_value(value).map_err(ImportError::Shape)?;
    debug_assert_eq!(envelope.version, CURRENT_VERSION);
    let mut document = envelope.document;
    let problems = check_structure(&document);
    if !problems.is_empty() {
        return Err(ImportError::Problems(problems));
    }
    let pictures = crate::persist::pictures::take_file_pictures(&mut envelope.extra, &mut document)
        .map_err(|error| match error {
            crate::persist::pictures::FilePicturesError::TooLarge(bytes) => {
                ImportError::PicturesTooLarge { bytes }
            }
            crate::persist::pictures::FilePicturesError::Malformed => ImportError::BadPictures,
        })?;
    // A figure naming a picture the file does not carry keeps its caption.
    crate::persist::pictures::drop_missing(&mut document, &pictures);
    made_ready(&mut document);
    let mut incoming = Incoming::of_draft(document, bytes);
    incoming.pictures = pictures;
    Ok(incoming)
}

/// Checks a Word file the shell has unzipped: `plan` is
/// `import_docx::plan` of its bytes, `parts` the needed entries inflated
/// (each capped at its declared size), `bytes` the file's size. The draft
/// goes through the same checks as a draft file's: tables refused when
/// too large, then made sane, text cleaned like typing, fresh ids.
pub fn read_docx_parts(
    plan: &crate::import_docx::Plan,
    parts: &std::collections::BTreeMap<String, Vec<u8>>,
    bytes: usize,
) -> Result<Incoming, ImportError> {
    match start_docx_parts(plan, parts, bytes) {
        Reading::Done(outcome) => *outcome,
        Reading::Text(reading) => reading.finish(),
    }
}

/// `read_docx_parts` with the file's text left to read a slice at a time
/// (the XML is read at once).
pub fn start_docx_parts(
    plan: &crate::import_docx::Plan,
    parts: &std::collections::BTreeMap<String, Vec<u8>>,
    bytes: usize,
) -> Reading {
    match crate::import_docx::start(plan, parts) {
        Ok(reader) => Reading::Text(Box::new(TextReading {
            source: Source::Word(reader),
            bytes,
        })),
        Err(error) => Reading::Done(Box::new(Err(ImportError::Docx(error)))),
    }
}

/// A draft that came in, made ready to store: its text cleaned as typing
/// is (checking the file's text first would miss characters written as
/// JSON escapes, such as "\u0000"); tables with spans past their edges,
/// ragged rows, formulas naming missing columns or going round in a cycle
/// repaired; fresh ids for every node (a shared file's may repeat or be
/// missing).
fn made_ready(document: &mut Document) {
    document.clean_all_text();
    crate::table::make_tables_sane(document);
    document.assign_ids();
}

/// A Word file's draft through the checks of a draft file.
fn checked_docx(
    read: crate::import_docx::DocxImport,
    bytes: usize,
) -> Result<Incoming, ImportError> {
    let mut document = read.import.document;
    let mut problems = table_problems(&document);
    if too_deep(&document) {
        problems.push(Problem {
            place: String::new(),
            kind: ProblemKind::TooDeep,
        });
    }
    if !problems.is_empty() {
        return Err(ImportError::Problems(problems));
    }
    made_ready(&mut document);
    Ok(Incoming {
        converted_lines: read
            .import
            .converted_from
            .map(|_| read.import.converted_lines),
        unplaced: read.import.unplaced,
        converted_from: read.import.converted_from,
        pictures_unplaced: read.pictures,
        ..Incoming::of_draft(document, bytes)
    })
}

/// Checks text the user pasted: an existing report as text, or a whole
/// draft file's JSON, read exactly as a file with the same content.
pub fn read_pasted(text: &str) -> Result<Incoming, ImportError> {
    match start_pasted(text) {
        Reading::Done(outcome) => *outcome,
        Reading::Text(reading) => reading.finish(),
    }
}

/// The text in a file's bytes: UTF-8 (with or without a byte-order mark),
/// UTF-16 with a byte-order mark (Notepad's "Unicode"), or else Latin-1, as
/// an old Word saves a TCVN3 text; `None` for bytes that are not text.
pub fn decode_text(bytes: &[u8]) -> Option<std::borrow::Cow<'_, str>> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some(text.into());
    }
    let utf16 = |to_unit: fn([u8; 2]) -> u16| {
        if bytes.len() % 2 != 0 {
            return None;
        }
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|pair| to_unit([pair[0], pair[1]]))
            .collect();
        String::from_utf16(&units).ok()
    };
    match bytes {
        [0xff, 0xfe, ..] => utf16(u16::from_le_bytes).map(Into::into),
        [0xfe, 0xff, ..] => utf16(u16::from_be_bytes).map(Into::into),
        _ => crate::legacy_encoding::latin1_text(bytes).map(Into::into),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::Block;
    use crate::template::seed_sample;
    use proptest::prelude::*;

    fn envelope_json(document: &Document) -> String {
        Envelope::new("1", document.clone(), 0.0).to_json()
    }

    #[test]
    fn an_exported_draft_imports_back_equal() {
        let sample = seed_sample();
        let incoming = read_file(envelope_json(&sample).as_bytes()).unwrap();
        assert_eq!(incoming.document, sample);
        assert_eq!(incoming.sections, 10);
        assert!(!incoming.is_template);
    }

    #[test]
    fn the_fixtures_of_every_version_import() {
        for fixture in [
            include_str!("../tests/fixtures/drafts/v1-bare-document.json"),
            include_str!("../tests/fixtures/drafts/v2-envelope.json"),
        ] {
            assert_eq!(
                read_file(fixture.as_bytes()).unwrap().document,
                seed_sample()
            );
        }
    }

    #[test]
    fn a_template_file_imports_as_a_template() {
        let json = include_str!("../templates/so-ket.json");
        let incoming = read_file(json.as_bytes()).unwrap();
        assert!(incoming.is_template);
        assert_eq!(incoming.template.unwrap().id, "so-ket");
    }

    #[test]
    fn a_draft_from_any_template_with_a_list_added_everywhere_imports_back() {
        fn add_lists(sections: &mut [crate::model::Section]) {
            for section in sections {
                section.blocks.push(Block::List(crate::model::List {
                    items: vec![crate::model::ListItem {
                        text: "a bullet".into(),
                        ..Default::default()
                    }],
                    ..Default::default()
                }));
                add_lists(&mut section.children);
            }
        }
        for template in crate::template::builtin() {
            let mut document = crate::template::instantiate(&template);
            add_lists(&mut document.sections);
            let json = envelope_json(&document);
            assert!(read_file(json.as_bytes()).is_ok(), "{}", template.id);
        }
    }

    /// The app lets a division or an item be saved before its heading is
    /// written; its own file (and the HTML export, which carries it) was
    /// then refused with "Mục Phần 2: thiếu tiêu đề".
    #[test]
    fn regression_a_draft_with_an_untitled_division_or_item_did_not_open_again() {
        use crate::model::SectionKind;
        let mut sample = seed_sample();
        // II.2 without its heading and starting with a list: nothing to
        // run its number into.
        sample.sections[1].children[1].heading.clear();
        assert!(!matches!(
            sample.sections[1].children[1].blocks.first(),
            Some(Block::Paragraph(_))
        ));
        // Every part under a division whose heading is not written yet,
        // and an item added with nothing in it but a bullet.
        let parts = std::mem::take(&mut sample.sections);
        sample.sections = vec![Section {
            kind: SectionKind::Division,
            children: parts,
            ..Default::default()
        }];
        sample.sections[0].children[0].children.push(Section {
            blocks: vec![Block::List(crate::model::List {
                items: vec![crate::model::ListItem {
                    text: "một gạch đầu dòng".into(),
                    ..Default::default()
                }],
                ..Default::default()
            })]
            .into(),
            ..Default::default()
        });
        sample.assign_ids();
        let incoming = read_file(envelope_json(&sample).as_bytes()).unwrap();
        assert_eq!(incoming.document, sample);
        // The format check names what is missing instead.
        let found = crate::conformance::check(&incoming.document);
        let missing: Vec<_> = found
            .iter()
            .filter_map(|issue| match &issue.finding {
                crate::conformance::Finding::MissingHeading { reference } => {
                    Some(reference.as_str())
                }
                crate::conformance::Finding::DivisionWithoutHeading { reference } => {
                    Some(reference.as_str())
                }
                _ => None,
            })
            .collect();
        assert_eq!(missing, ["PHẦN THỨ NHẤT", "Phần 1, I.6", "Phần 1, II.2"]);
    }

    /// A zip archive holding one stored entry, as the `zip` crate writes it.
    fn zip_with(name: &str, content: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        writer.start_file(name, options).unwrap();
        writer.write_all(content).unwrap();
        writer.finish().unwrap().into_inner()
    }

    #[test]
    fn regression_a_word_file_was_called_not_utf8_text() {
        // Users pick last year's report as a Word file; the error said only
        // "not UTF-8 text". It now names the program, and says to paste.
        let word = crate::docx::docx(&seed_sample());
        assert_eq!(
            read_file(&word),
            Err(ImportError::OtherProgram(OtherProgram::Word))
        );
        assert!(is_docx(&word));
        let mut doc = vec![0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
        doc.extend_from_slice(&[0; 504]);
        assert_eq!(
            read_file(&doc),
            Err(ImportError::OtherProgram(OtherProgram::Word))
        );
        assert!(!is_docx(&doc), "a .doc is not for the DOCX reader");
        assert_eq!(
            read_file(br"{\rtf1\ansi B\'e1o c\'e1o}"),
            Err(ImportError::OtherProgram(OtherProgram::Word))
        );
        let odt = zip_with("mimetype", b"application/vnd.oasis.opendocument.text");
        assert_eq!(
            read_file(&odt),
            Err(ImportError::OtherProgram(OtherProgram::OpenDocument))
        );
        assert_eq!(
            read_file(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
            Err(ImportError::OtherProgram(OtherProgram::Pdf))
        );
        let zipped_draft = zip_with(
            "bao-cao.baocao.json",
            envelope_json(&seed_sample()).as_bytes(),
        );
        assert_eq!(
            read_file(&zipped_draft),
            Err(ImportError::OtherProgram(OtherProgram::Zip))
        );
        let said = crate::i18n::describe_import_error(
            crate::i18n::Lang::Vi,
            &ImportError::OtherProgram(OtherProgram::Word),
        );
        assert!(said.starts_with("Đây là tệp Word."), "{said}");
        assert!(said.contains("Ctrl+V"), "{said}");
        // A report's text that merely mentions these names is still read.
        let text = read_file("I. Tệp PK và %PDF-\n1. Việc một.".as_bytes()).unwrap();
        assert_eq!(text.sections, 2);
    }

    #[test]
    fn refusals_say_why() {
        assert_eq!(
            read_file(&vec![b' '; MAX_FILE_BYTES + 1]),
            Err(ImportError::TooLarge {
                bytes: MAX_FILE_BYTES + 1
            })
        );
        assert_eq!(read_file(&[0xff, 0xfe, 0x00]), Err(ImportError::NotText));
        assert_eq!(
            read_file(b"{\n  \"a\": }"),
            Err(ImportError::NotJson { line: 2, column: 8 })
        );
        assert_eq!(read_file(b"[1]"), Err(ImportError::NotADraft));
        // Text that is not JSON is read as a report.
        let text = read_file("I. KẾT QUẢ\n1. Việc một.".as_bytes()).unwrap();
        assert_eq!(text.sections, 2);
        assert_eq!(
            read_file(br#"{"format":"baocao-draft","version":7,"meta":{},"document":{}}"#),
            Err(ImportError::TooNew { version: 7 })
        );
        assert!(matches!(
            read_file(br#"{"format":"baocao-draft","version":2,"meta":{},"document":{"sections":[{"heading":5}]}}"#),
            Err(ImportError::Shape(_))
        ));
    }

    #[test]
    fn imported_text_is_cleaned_like_typing() {
        use unicode_normalization::UnicodeNormalization;
        let mut sample = seed_sample();
        sample.title = format!("{}\u{0}", "Đảng ủy".nfd().collect::<String>());
        let incoming = read_file(envelope_json(&sample).as_bytes()).unwrap();
        assert_eq!(incoming.document.title, "Đảng ủy");
    }

    #[test]
    fn unknown_fields_survive_an_import() {
        let json = include_str!("../tests/fixtures/drafts/v2-unknown-fields.json");
        let incoming = read_file(json.as_bytes()).unwrap();
        let back: serde_json::Value = serde_json::to_value(&incoming.document).unwrap();
        assert_eq!(back["review"]["by"], "Văn phòng");
        assert_eq!(back["sections"][0]["note"], 7);
    }

    const SEED_TEXT: &str = include_str!("../tests/fixtures/bao-cao-tong-ket-thpt-lap-vo-2.txt");
    const STATE_TEXT: &str =
        include_str!("../tests/corpus/divisions-tables/03-ubnd-xa-heading-next-line-layout.txt");

    /// The fields of `found` that were not found.
    fn missing(found: &Found) -> Vec<HeaderField> {
        found
            .fields
            .iter()
            .filter(|field| field.is_missing())
            .map(|field| field.field)
            .collect()
    }

    fn value(found: &Found, field: HeaderField) -> &str {
        &found
            .fields
            .iter()
            .find(|f| f.field == field)
            .unwrap()
            .value
    }

    #[test]
    fn the_seed_text_s_summary_counts_its_parts_and_names_the_missing_header() {
        // The seed is a web post: a heading, the body, no header or
        // signature block. The clerk sees what is missing.
        let found = read_file(SEED_TEXT.as_bytes()).unwrap().found();
        assert_eq!(
            missing(&found),
            [
                HeaderField::SuperiorBody,
                HeaderField::IssuingBody,
                HeaderField::NumberSymbol,
                HeaderField::PlaceDate,
                HeaderField::Subject,
                HeaderField::Signer,
                HeaderField::Recipients,
            ]
        );
        assert!(value(&found, HeaderField::Title).starts_with("HỘI NGHỊ TỔNG KẾT"));
        assert_eq!(
            (found.divisions, found.parts, found.items, found.points),
            (0, 2, 8, 0)
        );
        assert_eq!((found.tables, found.appendices), (0, 0));
        assert_eq!(found.unplaced_lines, 1);
        assert_eq!(found.pictures_unplaced, 0);
        assert_eq!(found.converted, None);
        assert_eq!(found.ruleset, crate::model::Ruleset::Party);
    }

    #[test]
    fn a_state_text_s_summary_has_its_fields_its_divisions_and_its_table() {
        // A commune's People's Committee has no superior body line: its
        // name is written over two lines.
        let found = read_file(STATE_TEXT.as_bytes()).unwrap().found();
        assert_eq!(missing(&found), [HeaderField::SuperiorBody]);
        assert_eq!(
            value(&found, HeaderField::IssuingBody),
            "ỦY BAN NHÂN DÂN XÃ HÒA AN"
        );
        assert_eq!(value(&found, HeaderField::NumberSymbol), "96/BC-UBND");
        assert_eq!(
            value(&found, HeaderField::PlaceDate),
            "Hòa An, ngày 20 tháng 6 năm 2024"
        );
        assert_eq!(
            value(&found, HeaderField::Signer),
            "TM. ỦY BAN NHÂN DÂN · CHỦ TỊCH · Trần Minh Khoa"
        );
        assert_eq!(
            value(&found, HeaderField::Recipients),
            "Thường trực Đảng ủy; · Lưu: VT."
        );
        assert_eq!(
            (found.divisions, found.parts, found.items, found.points),
            (2, 5, 6, 0)
        );
        assert_eq!((found.tables, found.appendices), (1, 0));
        assert_eq!(found.unplaced_lines, 0);
        assert_eq!(found.ruleset, crate::model::Ruleset::State);
    }

    #[test]
    fn the_summary_counts_appendices_points_and_a_converted_encoding() {
        let appendices =
            include_str!("../tests/corpus/divisions-tables/04-dang-uy-roman-appendices.txt");
        let found = read_file(appendices.as_bytes()).unwrap().found();
        assert_eq!((found.divisions, found.tables, found.appendices), (2, 2, 2));
        let points = read_file("I. KẾT QUẢ\n1. Việc một\na) Điểm một\nb) Điểm hai".as_bytes())
            .unwrap()
            .found();
        assert_eq!((points.parts, points.items, points.points), (1, 1, 2));
        let tcvn3 = read_file(include_bytes!("../tests/fixtures/tcvn3-bao-cao.txt"))
            .unwrap()
            .found();
        assert_eq!(
            tcvn3.converted,
            Some(Converted {
                from: crate::legacy_encoding::LegacyEncoding::Tcvn3,
                lines: Some(15)
            })
        );
        assert_eq!(value(&tcvn3, HeaderField::NumberSymbol), "12-BC/ĐU");
        // A draft file has no header read from text, but its own fields.
        let draft = read_file(envelope_json(&seed_sample()).as_bytes())
            .unwrap()
            .found();
        assert_eq!(draft.converted, None);
        assert_eq!(draft.unplaced_lines, 0);
        assert!(!value(&draft, HeaderField::IssuingBody).is_empty());
    }

    #[test]
    fn the_ruleset_chosen_before_opening_is_the_draft_s_and_its_frame_follows() {
        use crate::model::Ruleset;
        let head_text = |incoming: &Incoming| {
            crate::frame::frame(&incoming.document)
                .head()
                .map(|line| line.text.clone())
                .collect::<Vec<_>>()
                .join("\n")
        };
        let detected = read_file(STATE_TEXT.as_bytes()).unwrap();
        assert_eq!(detected.document.meta.ruleset, Ruleset::State);
        assert!(head_text(&detected).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
        let party = detected.clone().with_ruleset(Ruleset::Party);
        assert_eq!(party.document.meta.ruleset, Ruleset::Party);
        assert_eq!(party.found().ruleset, Ruleset::Party);
        assert!(head_text(&party).contains("ĐẢNG CỘNG SẢN VIỆT NAM"));
        // Nothing else changes, and choosing again goes back.
        assert_eq!(party.found().fields, detected.found().fields);
        assert_eq!(party.clone().with_ruleset(Ruleset::State), detected);
        let seed = read_file(SEED_TEXT.as_bytes()).unwrap();
        assert_eq!(
            seed.with_ruleset(Ruleset::State).document.meta.ruleset,
            Ruleset::State
        );
    }

    #[test]
    fn a_text_read_in_slices_is_the_text_read_at_once() {
        for text in [SEED_TEXT, STATE_TEXT] {
            let Reading::Text(mut reading) = start_file(text.as_bytes()) else {
                panic!("a text is read in slices");
            };
            let mut percents = vec![reading.percent()];
            while reading.step() == crate::import_text::Step::Working {
                percents.push(reading.percent());
            }
            percents.push(reading.percent());
            assert!(
                percents.windows(2).all(|pair| pair[0] <= pair[1]),
                "{percents:?}"
            );
            assert_eq!(percents.last(), Some(&100));
            assert_eq!(
                reading.finish().unwrap(),
                read_file(text.as_bytes()).unwrap()
            );
        }
        // Refusals and draft files are decided at once.
        assert!(matches!(
            start_pasted("  "),
            Reading::Done(outcome) if *outcome == Err(ImportError::NothingPasted)
        ));
        assert!(matches!(
            start_file(envelope_json(&seed_sample()).as_bytes()),
            Reading::Done(outcome) if outcome.is_ok()
        ));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn any_bytes_give_an_error_or_a_sane_draft(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
            if let Ok(incoming) = read_file(&bytes) {
                prop_assert!(outline(&incoming.document).iter().all(|e| e.depth <= MAX_SECTION_DEPTH));
            }
        }

        #[test]
        fn mutated_drafts_never_panic(cut in 0usize..15000, insert in "[\\[\\]{}\":,0-9a-z]{0,4}") {
            let json = envelope_json(&seed_sample());
            let cut = cut.min(json.len());
            let cut = (0..=cut).rev().find(|at| json.is_char_boundary(*at)).unwrap_or(0);
            let mutated = format!("{}{}{}", &json[..cut], insert, &json[cut..]);
            let _ = read_file(mutated.as_bytes());
        }
    }
}
