//! Word's automatic numbering, rebuilt as the text a reader sees: each
//! numbered paragraph's "I.", "1.", "a)", "-" or "+" from `numbering.xml`
//! (abstract lists and their levels: format, text such as "%1." or
//! "%1.%2.", start), the list instances that use them (with their
//! `startOverride`s) and the paragraph styles that carry a list
//! (`styles.xml`), counted in document order as Word counts: a level
//! going on resets the levels below it.

use std::collections::{BTreeMap, BTreeSet};

use super::xml::{walk, Ev};
use super::DocxError;

/// The longest level text kept, in characters.
const MAX_LEVEL_TEXT: usize = 32;

/// One level of an abstract list.
#[derive(Clone, Debug, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

/// A list instance (`w:num`): its abstract list and the start overrides.
#[derive(Clone, Debug, Default)]
struct Instance {
    abstract_id: String,
    overrides: BTreeMap<u8, u32>,
}

/// A paragraph style: its list, outline level, name and parent.
#[derive(Clone, Debug, Default)]
pub struct Style {
    pub name: String,
    pub based_on: Option<String>,
    pub num: Option<(String, u8)>,
    pub outline: Option<u8>,
    /// The style's run fonts ("ascii"), for TCVN3 detection.
    pub font: Option<String>,
    pub bold: bool,
}

/// The lists of a document and the counters while reading it.
#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: BTreeMap<String, BTreeMap<u8, Level>>,
    instances: BTreeMap<String, Instance>,
    /// Counters per abstract list, per level.
    counters: BTreeMap<String, [Option<u32>; 9]>,
    /// List instances already met (their overrides apply on first use).
    started: BTreeSet<String>,
}

fn number_u32(text: Option<&str>) -> Option<u32> {
    text?.trim().parse().ok()
}

fn level_index(text: Option<&str>) -> u8 {
    number_u32(text).map_or(0, |n| n.min(8) as u8)
}

impl Numbering {
    /// Reads `numbering.xml`.
    pub fn read(bytes: &[u8], part: &str) -> Result<Numbering, DocxError> {
        let mut numbering = Numbering::default();
        let mut current_abstract: Option<String> = None;
        let mut current_level: Option<u8> = None;
        let mut current_num: Option<String> = None;
        let mut override_level: Option<u8> = None;
        walk(bytes, part, |event| match event {
            Ev::Open(tag) => match tag.name.as_str() {
                "abstractNum" => {
                    current_abstract = tag.attr("abstractNumId").map(str::to_owned);
                }
                "lvl" if current_abstract.is_some() => {
                    let index = level_index(tag.attr("ilvl"));
                    current_level = Some(index);
                    if let Some(id) = &current_abstract {
                        numbering.abstracts.entry(id.clone()).or_default().insert(
                            index,
                            Level {
                                start: 1,
                                format: "decimal".into(),
                                text: String::new(),
                            },
                        );
                    }
                }
                "start" | "numFmt" | "lvlText" => {
                    let (Some(id), Some(index)) = (&current_abstract, current_level) else {
                        return;
                    };
                    let Some(level) = numbering
                        .abstracts
                        .get_mut(id)
                        .and_then(|levels| levels.get_mut(&index))
                    else {
                        return;
                    };
                    let value = tag.attr("val").unwrap_or("");
                    match tag.name.as_str() {
                        "start" => level.start = number_u32(Some(value)).unwrap_or(1),
                        "numFmt" => level.format = value.to_owned(),
                        // Real list texts are a few characters ("%1.",
                        // "%1.%2."); a long one, repeated on every
                        // paragraph, would multiply the file in memory.
                        _ => level.text = value.chars().take(MAX_LEVEL_TEXT).collect(),
                    }
                }
                "num" => {
                    current_num = tag.attr("numId").map(str::to_owned);
                    if let Some(id) = &current_num {
                        numbering.instances.insert(id.clone(), Instance::default());
                    }
                }
                "abstractNumId" => {
                    if let Some(instance) = current_num
                        .as_ref()
                        .and_then(|id| numbering.instances.get_mut(id))
                    {
                        instance.abstract_id = tag.attr("val").unwrap_or("").to_owned();
                    }
                }
                "lvlOverride" => override_level = Some(level_index(tag.attr("ilvl"))),
                "startOverride" => {
                    if let (Some(instance), Some(level)) = (
                        current_num
                            .as_ref()
                            .and_then(|id| numbering.instances.get_mut(id)),
                        override_level,
                    ) {
                        instance
                            .overrides
                            .insert(level, number_u32(tag.attr("val")).unwrap_or(1));
                    }
                }
                _ => {}
            },
            Ev::Close(name) => match name.as_str() {
                "abstractNum" => current_abstract = None,
                "lvl" => current_level = None,
                "num" => current_num = None,
                "lvlOverride" => override_level = None,
                _ => {}
            },
            Ev::Text(_) => {}
        })?;
        Ok(numbering)
    }

    /// The visible label of the next paragraph in list `num_id` at level
    /// `ilvl` ("II.", "1.2.", "a)", "-", "+"), counting it. `None` for a
    /// list that is not defined or numId 0 (numbering turned off).
    pub fn next_label(&mut self, num_id: &str, ilvl: u8) -> Option<String> {
        let instance = self.instances.get(num_id)?.clone();
        let levels = self.abstracts.get(&instance.abstract_id)?;
        let ilvl = ilvl.min(8);
        let level = levels.get(&ilvl)?.clone();
        let counters = self
            .counters
            .entry(instance.abstract_id.clone())
            .or_insert([None; 9]);
        if self.started.insert(num_id.to_owned()) {
            for (&at, &start) in &instance.overrides {
                // The first paragraph of an overriding instance starts
                // that level again.
                counters[usize::from(at)] = Some(start.saturating_sub(1));
            }
        }
        let index = usize::from(ilvl);
        let value = match counters[index] {
            Some(value) => value.saturating_add(1),
            None => level.start,
        };
        counters[index] = Some(value);
        for deeper in counters.iter_mut().skip(index + 1) {
            *deeper = None;
        }
        let counters = *counters;
        if level.format == "bullet" {
            return Some(bullet_label(&level.text, ilvl));
        }
        let mut label = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            let digit = chars.peek().and_then(|d| d.to_digit(10));
            match (c, digit) {
                ('%', Some(d)) if (1..=9).contains(&d) => {
                    chars.next();
                    let at = (d - 1) as usize;
                    let (format, start) = levels
                        .get(&(at as u8))
                        .map_or(("decimal", 1), |l| (l.format.as_str(), l.start));
                    let value = counters[at].unwrap_or(start);
                    label.push_str(&format_number(value, format));
                }
                _ => label.push(c),
            }
        }
        Some(label)
    }
}

/// "-" for a first-level bullet, "+" for a deeper one, unless the symbol
/// itself says which ("-", "–", "+"); "" (no symbol) gives no label.
fn bullet_label(symbol: &str, ilvl: u8) -> String {
    match symbol.trim() {
        "" => String::new(),
        "-" | "–" | "—" => "-".into(),
        "+" => "+".into(),
        _ if ilvl == 0 => "-".into(),
        _ => "+".into(),
    }
}

/// A counter written in a level's format.
pub fn format_number(value: u32, format: &str) -> String {
    let letters = |upper: bool| {
        if value == 0 {
            return String::new();
        }
        // Word repeats the letter past z: "aa", "bb".
        let base = if upper { b'A' } else { b'a' };
        let letter = (base + ((value - 1) % 26) as u8) as char;
        std::iter::repeat_n(letter, ((value - 1) / 26 + 1).min(10) as usize).collect()
    };
    match format {
        "upperRoman" if (1..=50).contains(&(value as usize)) => {
            crate::numbering::roman(value as usize)
        }
        "lowerRoman" if (1..=50).contains(&(value as usize)) => {
            crate::numbering::roman(value as usize).to_lowercase()
        }
        "upperLetter" => letters(true),
        "lowerLetter" => letters(false),
        "none" => String::new(),
        _ => value.to_string(),
    }
}

/// Reads the paragraph styles of `styles.xml`.
pub fn read_styles(bytes: &[u8], part: &str) -> Result<BTreeMap<String, Style>, DocxError> {
    let mut styles = BTreeMap::new();
    let mut current: Option<(String, Style)> = None;
    let mut num_id: Option<String> = None;
    let mut ilvl = 0u8;
    let mut in_run_properties = false;
    walk(bytes, part, |event| match event {
        Ev::Open(tag) => {
            if tag.name == "style" {
                let paragraph = tag.attr("type").is_none_or(|kind| kind == "paragraph");
                current = paragraph
                    .then(|| {
                        tag.attr("styleId")
                            .map(|id| (id.to_owned(), Style::default()))
                    })
                    .flatten();
                num_id = None;
                ilvl = 0;
                return;
            }
            let Some((_, style)) = current.as_mut() else {
                return;
            };
            match tag.name.as_str() {
                "name" => style.name = tag.attr("val").unwrap_or("").to_owned(),
                "basedOn" => style.based_on = tag.attr("val").map(str::to_owned),
                "numId" => num_id = tag.attr("val").map(str::to_owned),
                "ilvl" => ilvl = level_index(tag.attr("val")),
                "outlineLvl" => style.outline = number_u32(tag.attr("val")).map(|n| n.min(9) as u8),
                "rPr" => in_run_properties = true,
                "rFonts" if in_run_properties => {
                    style.font = tag.attr("ascii").or(tag.attr("hAnsi")).map(str::to_owned);
                }
                "b" if in_run_properties => style.bold = tag.is_on(),
                _ => {}
            }
        }
        Ev::Close(name) => match name.as_str() {
            "rPr" => in_run_properties = false,
            "style" => {
                if let Some((id, mut style)) = current.take() {
                    style.num = num_id.take().map(|id| (id, ilvl));
                    styles.insert(id, style);
                }
            }
            _ => {}
        },
        Ev::Text(_) => {}
    })?;
    Ok(styles)
}

/// The heading level (1, 2, 3 …) a style gives, from its outline level or
/// its name ("heading 1", "Heading 2", "Tiêu đề 1", "Đề mục 2"), following
/// `basedOn` a few steps.
pub fn heading_level(styles: &BTreeMap<String, Style>, id: &str) -> Option<u8> {
    let mut id = id;
    for _ in 0..8 {
        let style = styles.get(id)?;
        if let Some(level) = style.outline.filter(|&level| level < 9) {
            return Some(level + 1);
        }
        let name = style.name.to_lowercase();
        for prefix in ["heading ", "tiêu đề ", "đề mục "] {
            if let Some(rest) = name.strip_prefix(prefix) {
                if let Ok(level) = rest.trim().parse::<u8>() {
                    return (1..=9).contains(&level).then_some(level);
                }
            }
        }
        id = style.based_on.as_deref()?;
    }
    None
}

/// The list a style carries, following `basedOn` a few steps.
pub fn style_list(styles: &BTreeMap<String, Style>, id: &str) -> Option<(String, u8)> {
    let mut id = id;
    for _ in 0..8 {
        let style = styles.get(id)?;
        if let Some(num) = &style.num {
            return Some(num.clone());
        }
        id = style.based_on.as_deref()?;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const LISTS: &str = r#"<w:numbering xmlns:w="w">
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
 <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
 <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61623;"/></w:lvl>
 <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl>
 <w:lvl w:ilvl="2"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
 <w:lvl w:ilvl="3"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>"#;

    fn labels(steps: &[(&str, u8)]) -> Vec<String> {
        let mut numbering = Numbering::read(LISTS.as_bytes(), "numbering.xml").unwrap();
        steps
            .iter()
            .map(|(id, level)| numbering.next_label(id, *level).unwrap_or_default())
            .collect()
    }

    #[test]
    fn a_higher_level_restarts_the_lower_ones() {
        assert_eq!(
            labels(&[
                ("1", 0),
                ("1", 1),
                ("1", 2),
                ("1", 2),
                ("1", 1),
                ("1", 2),
                ("1", 0),
                ("1", 1),
                ("1", 2)
            ]),
            ["I.", "1.", "a)", "b)", "2.", "a)", "II.", "1.", "a)"]
        );
    }

    #[test]
    fn an_instance_with_a_start_override_starts_again_where_it_says() {
        // numId 2 shares the abstract list of numId 1: without its
        // override it would go on at III.
        assert_eq!(
            labels(&[("1", 0), ("1", 0), ("2", 0), ("2", 0), ("1", 0)]),
            ["I.", "II.", "I.", "II.", "III."]
        );
    }

    #[test]
    fn start_values_and_multi_level_text() {
        assert_eq!(
            labels(&[("3", 0), ("3", 1), ("3", 1), ("3", 0), ("3", 1)]),
            ["3.", "3.1.", "3.2.", "4.", "4.1."]
        );
    }

    #[test]
    fn bullets_become_dashes_and_pluses() {
        assert_eq!(
            labels(&[("4", 0), ("4", 1), ("4", 2), ("4", 3)]),
            ["-", "+", "-", ""]
        );
    }

    #[test]
    fn a_long_level_text_is_cut_short() {
        let long = "x".repeat(10_000);
        let xml = format!(
            r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1{long}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
        );
        let mut numbering = Numbering::read(xml.as_bytes(), "numbering.xml").unwrap();
        let label = numbering.next_label("1", 0).unwrap();
        assert!(label.chars().count() <= MAX_LEVEL_TEXT, "{}", label.len());
    }

    #[test]
    fn unknown_lists_give_no_label() {
        let mut numbering = Numbering::read(LISTS.as_bytes(), "numbering.xml").unwrap();
        assert_eq!(numbering.next_label("99", 0), None);
        assert_eq!(numbering.next_label("1", 7), None);
    }

    #[test]
    fn numbers_in_each_format() {
        assert_eq!(format_number(4, "upperRoman"), "IV");
        assert_eq!(format_number(9, "lowerRoman"), "ix");
        assert_eq!(format_number(2, "lowerLetter"), "b");
        assert_eq!(format_number(27, "lowerLetter"), "aa");
        assert_eq!(format_number(3, "upperLetter"), "C");
        assert_eq!(format_number(12, "decimal"), "12");
        assert_eq!(format_number(12, "decimalZero"), "12");
        assert_eq!(format_number(u32::MAX, "lowerLetter").chars().count(), 10);
    }

    #[test]
    fn heading_levels_from_names_outline_levels_and_parents() {
        let styles = read_styles(
            r#"<w:styles xmlns:w="w">
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="TD2"><w:name w:val="Tiêu đề 2"/></w:style>
<w:style w:type="paragraph" w:styleId="Muc"><w:name w:val="Mục lớn"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Con"><w:name w:val="Con"/><w:basedOn w:val="TD2"/></w:style>
<w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body Text"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="Loop"/><w:basedOn w:val="Loop"/></w:style>
</w:styles>"#
                .as_bytes(),
            "styles.xml",
        )
        .unwrap();
        assert_eq!(heading_level(&styles, "Heading1"), Some(1));
        assert_eq!(heading_level(&styles, "TD2"), Some(2));
        assert_eq!(heading_level(&styles, "Muc"), Some(1));
        assert_eq!(heading_level(&styles, "Con"), Some(2));
        assert_eq!(heading_level(&styles, "Body"), None);
        assert_eq!(heading_level(&styles, "Loop"), None);
        assert_eq!(heading_level(&styles, "Missing"), None);
    }
}
