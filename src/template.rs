//! Templates: the outlines higher bodies set, as JSON data files in
//! `templates/` embedded at build time, plus filled sample drafts in
//! `samples/` in the same format.
//!
//! A template file is `{"format": "baocao-template", "version": 1, "id",
//! "name", "description", "document": <a document>}`. Ids inside the
//! document are assigned when the template is instantiated, and every heading
//! the template gives is locked until the user unlocks it.

use serde::Serialize;

use crate::model::{Document, Section};

/// The format name that marks a template file.
pub const TEMPLATE_FORMAT: &str = "baocao-template";

/// The newest template format version this build reads.
pub const TEMPLATE_VERSION: u32 = 1;

/// The built-in templates, in the order the template picker lists them,
/// without the whitespace between tokens (see build.rs).
const BUILTIN_TEMPLATES: [&str; 7] = [
    include_str!(concat!(
        env!("OUT_DIR"),
        "/templates/tong-ket-phuong-thuc-lanh-dao.json"
    )),
    include_str!(concat!(env!("OUT_DIR"), "/templates/tong-ket-nam-hoc.json")),
    include_str!(concat!(env!("OUT_DIR"), "/templates/so-ket.json")),
    include_str!(concat!(
        env!("OUT_DIR"),
        "/templates/bao-cao-dang-trong.json"
    )),
    include_str!(concat!(
        env!("OUT_DIR"),
        "/templates/bao-cao-nha-nuoc-trong.json"
    )),
    include_str!(concat!(
        env!("OUT_DIR"),
        "/templates/tong-ket-nam-hoc-hai-phan.json"
    )),
    include_str!(concat!(
        env!("OUT_DIR"),
        "/templates/tong-ket-xay-dung-dang-hai-phan.json"
    )),
];

/// The seed report as a filled sample draft on the first template.
const SEED_SAMPLE: &str = include_str!(concat!(
    env!("OUT_DIR"),
    "/samples/tong-ket-thpt-lap-vo-2.json"
));

/// An outline to start a draft from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Template {
    pub format: String,
    pub version: u32,
    pub id: String,
    pub name: String,
    pub description: String,
    pub document: Document,
}

/// Why a template file could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateError {
    /// Not JSON, or JSON of another shape; the parser's message says where.
    Malformed(String),
    /// JSON, but not a template file.
    NotATemplate,
    /// Written by a newer version of the app.
    TooNew(u32),
}

/// Reads a template file.
pub fn parse(json: &str) -> Result<Template, TemplateError> {
    let template: Template =
        serde_json::from_str(json).map_err(|error| TemplateError::Malformed(error.to_string()))?;
    if template.format != TEMPLATE_FORMAT {
        return Err(TemplateError::NotATemplate);
    }
    if template.version > TEMPLATE_VERSION {
        return Err(TemplateError::TooNew(template.version));
    }
    Ok(template)
}

/// The built-in templates. They are part of the build and covered by tests,
/// so one that fails to parse is left out rather than stopping the app.
pub fn builtin() -> Vec<Template> {
    BUILTIN_TEMPLATES
        .iter()
        .filter_map(|json| parse(json).ok())
        .collect()
}

/// Makes a new draft from `template`: fresh ids, the template's id recorded,
/// every heading the template gives locked.
pub fn instantiate(template: &Template) -> Document {
    fn lock(sections: &mut [Section]) {
        for section in sections {
            section.heading_locked = !section.heading.trim().is_empty();
            lock(&mut section.children);
        }
    }
    let mut document = template.document.clone();
    if document.template_id.is_empty() {
        document.template_id = template.id.clone();
    }
    lock(&mut document.sections);
    document.clean_all_text();
    document.assign_ids();
    document
}

/// The seed report (Đảng ủy trường THPT Lấp Vò 2) as a filled draft.
pub fn seed_sample() -> Document {
    let template = parse(SEED_SAMPLE).unwrap_or_else(|_| Template {
        format: TEMPLATE_FORMAT.into(),
        version: TEMPLATE_VERSION,
        id: String::new(),
        name: String::new(),
        description: String::new(),
        document: Document::default(),
    });
    instantiate(&template)
}

/// The name of the seed sample, as the welcome screen lists it.
pub fn seed_sample_name() -> String {
    parse(SEED_SAMPLE)
        .map(|template| template.name)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbering::outline;

    #[test]
    fn the_embedded_files_hold_the_same_json_as_the_repository_files() {
        let files = [
            include_str!("../templates/tong-ket-phuong-thuc-lanh-dao.json"),
            include_str!("../templates/tong-ket-nam-hoc.json"),
            include_str!("../templates/so-ket.json"),
            include_str!("../templates/bao-cao-dang-trong.json"),
            include_str!("../templates/bao-cao-nha-nuoc-trong.json"),
            include_str!("../templates/tong-ket-nam-hoc-hai-phan.json"),
            include_str!("../templates/tong-ket-xay-dung-dang-hai-phan.json"),
            include_str!("../samples/tong-ket-thpt-lap-vo-2.json"),
        ];
        let embedded = BUILTIN_TEMPLATES.iter().chain([&SEED_SAMPLE]);
        for (file, embedded) in files.iter().zip(embedded) {
            let file: serde_json::Value = serde_json::from_str(file).unwrap();
            let small: serde_json::Value = serde_json::from_str(embedded).unwrap();
            assert_eq!(file, small);
            assert!(!embedded.contains('\n'), "whitespace left between tokens");
            assert_eq!(embedded.len(), file.to_string().len());
        }
    }

    #[test]
    fn every_builtin_template_parses() {
        for json in BUILTIN_TEMPLATES {
            parse(json).unwrap();
        }
        let ids: Vec<String> = builtin().into_iter().map(|t| t.id).collect();
        assert_eq!(
            ids,
            [
                "tong-ket-phuong-thuc-lanh-dao",
                "tong-ket-nam-hoc",
                "so-ket",
                "bao-cao-dang-trong",
                "bao-cao-nha-nuoc-trong",
                "tong-ket-nam-hoc-hai-phan",
                "tong-ket-xay-dung-dang-hai-phan"
            ]
        );
    }

    #[test]
    fn the_seed_template_has_the_plans_outline() {
        let document = instantiate(&builtin()[0]);
        let numbers: Vec<String> = outline(&document)
            .into_iter()
            .map(|e| e.reference)
            .collect();
        assert_eq!(
            numbers,
            ["I", "I.1", "I.2", "I.3", "I.4", "I.5", "II", "II.1", "II.2", "II.3"]
        );
        assert_eq!(
            document.sections[1].children[2].heading,
            "Đề xuất, kiến nghị:"
        );
        assert!(document.sections[0].heading_locked);
        // Run-in items have no heading to lock.
        assert!(!document.sections[0].children[0].heading_locked);
        assert!(!document.sections[0].children[0].guidance.is_empty());
        assert_eq!(document.template_id, "tong-ket-phuong-thuc-lanh-dao");
    }

    #[test]
    fn instantiated_templates_have_unique_ids() {
        for template in builtin() {
            let document = instantiate(&template);
            let index = crate::edit::locate::index(&document);
            assert!(!index.is_empty(), "{}", template.id);
            assert!(index.keys().all(|id| *id >= 1 && *id <= document.next_id));
        }
    }

    #[test]
    fn an_imported_template_reads_back_after_storing() {
        let json = r#"{"format":"baocao-template","version":1,"id":"ke-hoach-huyen-uy","name":"Đề cương","description":"Mẫu","document":{"title":"T","sections":[{"heading":"Kết quả"},{"heading":"Kiến nghị"}]}}"#;
        let template = parse(json).unwrap();
        let text = serde_json::to_string(&template).unwrap();
        assert_eq!(parse(&text).unwrap(), template);
    }

    #[test]
    fn a_stored_template_reads_back() {
        for template in builtin() {
            let text = serde_json::to_string(&template).unwrap();
            assert_eq!(parse(&text).unwrap(), template);
        }
    }

    #[test]
    fn a_template_from_a_newer_version_is_refused() {
        let json = r#"{"format":"baocao-template","version":99,"id":"x","name":"x","document":{}}"#;
        assert_eq!(parse(json), Err(TemplateError::TooNew(99)));
        let other = r#"{"format":"other","version":1,"id":"x","name":"x","document":{}}"#;
        assert_eq!(parse(other), Err(TemplateError::NotATemplate));
        assert!(matches!(parse("{"), Err(TemplateError::Malformed(_))));
    }

    #[test]
    fn every_template_instantiates_numbers_parts_from_i_under_each_division_and_round_trips() {
        use crate::model::SectionKind;
        for template in builtin() {
            let document = instantiate(&template);
            assert!(!document.has_repeated_ids(), "{}", template.id);
            // Parts are numbered from I at the top and again under each
            // division.
            let entries = outline(&document);
            let mut expected_part = 0;
            for entry in &entries {
                match entry.kind {
                    SectionKind::Division | SectionKind::Appendix => expected_part = 0,
                    SectionKind::Numbered if entry.depth == 0 => {
                        expected_part += 1;
                        assert_eq!(
                            entry.number,
                            format!("{}.", crate::numbering::roman(expected_part)),
                            "{}: {}",
                            template.id,
                            entry.heading
                        );
                    }
                    SectionKind::Numbered => {}
                }
            }
            // Through JSON and back, as a stored draft.
            let json = serde_json::to_string(&document).unwrap();
            let back: Document = serde_json::from_str(&json).unwrap();
            assert_eq!(back, document, "{}", template.id);
        }
    }

    /// A built-in template made into a draft, with the numbers of its
    /// top-level outline entries (divisions, parts, appendices).
    fn instantiated_with_top_numbers(id: &str) -> (Document, Vec<String>) {
        let template = builtin().into_iter().find(|t| t.id == id).unwrap();
        let document = instantiate(&template);
        let numbers = outline(&document)
            .into_iter()
            .filter(|e| e.depth == 0)
            .map(|e| e.number)
            .collect();
        (document, numbers)
    }

    #[test]
    fn the_two_part_school_year_template_has_divisions_and_computed_tables() {
        use crate::model::{Block, SectionKind};
        let (document, numbers) = instantiated_with_top_numbers("tong-ket-nam-hoc-hai-phan");
        assert_eq!(
            numbers,
            [
                "PHẦN THỨ NHẤT",
                "I.",
                "II.",
                "III.",
                "PHẦN THỨ HAI",
                "I.",
                "II.",
                "III.",
                "IV."
            ]
        );
        assert!(document
            .sections
            .iter()
            .all(|s| s.kind == SectionKind::Division && s.heading_locked));
        // Its tables are the presets: pupils' results under Thông tư 22
        // and the Party members' rating, totals and shares computed.
        let table_of = |section: &crate::model::Section| match section.blocks.get(1) {
            Some(Block::Table(table)) => table.clone(),
            other => panic!("{other:#?}"),
        };
        let results = &document.sections[0].children[1];
        for (table, preset) in [
            (
                table_of(&results.children[2]),
                crate::table::presets::pupil_results(),
            ),
            (
                table_of(&results.children[3]),
                crate::table::presets::party_rating(),
            ),
        ] {
            assert_eq!(table.caption, preset.caption);
            assert_eq!(table.header, preset.header);
            assert_eq!(table.merges, preset.merges);
            assert_eq!(table.columns.len(), preset.columns.len());
            let kinds = |t: &crate::table::Table| -> Vec<(crate::table::RowKind, String)> {
                t.rows
                    .iter()
                    .map(|row| (row.kind, row.cells[0].text.clone()))
                    .collect()
            };
            assert_eq!(kinds(&table), kinds(&preset));
            let computed = |t: &crate::table::Table| -> Vec<bool> {
                crate::table::view(t)
                    .columns
                    .iter()
                    .map(|c| c.computed)
                    .collect()
            };
            assert_eq!(computed(&table), computed(&preset));
        }
        // Typing the figures of the rating gives its total and shares.
        let mut rating = table_of(&results.children[3]);
        for (row, text) in [(1, "4"), (2, "19"), (3, "4"), (4, "0")] {
            rating.rows[row].cells[1].text = text.into();
        }
        let view = crate::table::view(&rating);
        assert_eq!(view.rows[0].cells[1].text, "27");
        assert!(view.rows[0].cells[1].computed);
        assert_eq!(view.rows[2].cells[2].text, "70,37");
    }

    #[test]
    fn the_two_part_party_template_has_a_rating_table_and_a_membership_appendix() {
        use crate::model::{Block, SectionKind};
        let (document, numbers) = instantiated_with_top_numbers("tong-ket-xay-dung-dang-hai-phan");
        assert_eq!(
            numbers,
            [
                "PHẦN THỨ NHẤT",
                "I.",
                "II.",
                "III.",
                "PHẦN THỨ HAI",
                "I.",
                "II.",
                "III.",
                "PHỤ LỤC"
            ]
        );
        let appendix = document.sections.last().unwrap();
        assert_eq!(appendix.kind, SectionKind::Appendix);
        let [Block::Table(members)] = &appendix.blocks[..] else {
            panic!("{:#?}", appendix.blocks)
        };
        let preset = crate::table::presets::party_membership();
        assert_eq!(members.header, preset.header);
        assert!(members.number_row);
        assert_eq!(members.rows.len(), preset.rows.len());
        let party = &document.sections[0].children[1].children[1];
        assert!(matches!(party.blocks.get(1), Some(Block::Table(_))));
    }

    #[test]
    fn the_seed_sample_is_on_the_seed_template() {
        let sample = seed_sample();
        assert_eq!(sample.template_id, "tong-ket-phuong-thuc-lanh-dao");
        let template = instantiate(&builtin()[0]);
        let headings =
            |d: &Document| -> Vec<String> { outline(d).into_iter().map(|e| e.heading).collect() };
        assert_eq!(headings(&sample), headings(&template));
    }
}
