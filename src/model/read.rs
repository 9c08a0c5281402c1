//! Reading the saved document by hand: each type of the model from a
//! `serde_json::Value`, after serde's rules for the format (a missing field
//! takes its default, an unknown one is kept in `extra` where the type has
//! one and passed over where it has not, a value of the wrong type is an
//! error).
//!
//! Why by hand: the visitors serde derives, and the buffering its `flatten`
//! and tagged enums need, were 36.6 KB brotli of the page's first load
//! (docs/performance.md, "Size, stop 29"); this reader is one pass over
//! the tree the JSON parser already builds. Writing stays derived: it
//! costs 7 KB. `tests/model_json.rs` holds this reader and
//! `persist::read` to 2,846 cases recorded from the derived ones.
//!
//! Each reader takes the `Value` apart, moving its strings out rather than
//! copying them. The `Deserialize` impls at the end read a `Value` and hand
//! it here, so that `serde_json::from_str` keeps working for the model and
//! for the types that hold it; code that already holds the tree calls
//! `FromJson::from_json` (`Envelope::from_json_value`) and skips building
//! it again.

use serde_json::{Map, Value};

use super::{
    Assessment, AssessmentLabel, BesideSource, BesideText, Block, Closing, DivisionStyle, DocDate,
    Document, Figure, List, ListItem, Meta, PageSettings, Paragraph, PictureRef, Ruleset, Section,
    SectionKind, Shared,
};
use crate::table::{Cell, Column, ColumnKind, Formula, Merge, Row, RowKind, Table};

/// What went wrong, as serde words it ("invalid type: …", "missing field
/// …"), with the field's name in front.
pub(crate) type Read<T> = Result<T, String>;

/// A type read from a JSON value, which it takes apart (its strings are
/// moved, not copied).
pub(crate) trait FromJson: Sized {
    fn from_json(value: Value) -> Read<Self>;
}

/// What a value is, for error messages.
fn kind(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(flag) => format!("boolean `{flag}`"),
        Value::Number(number) if number.is_f64() => format!("floating point `{number}`"),
        Value::Number(number) => format!("integer `{number}`"),
        Value::String(text) => format!("string {text:?}"),
        Value::Array(_) => "sequence".to_owned(),
        Value::Object(_) => "map".to_owned(),
    }
}

/// A value of the wrong type where `expected` was wanted.
pub(crate) fn invalid<T>(value: &Value, expected: &str) -> Read<T> {
    Err(format!(
        "invalid type: {}, expected {expected}",
        kind(value)
    ))
}

impl FromJson for String {
    fn from_json(value: Value) -> Read<String> {
        match value {
            Value::String(text) => Ok(text),
            _ => invalid(&value, "a string"),
        }
    }
}

impl FromJson for bool {
    fn from_json(value: Value) -> Read<bool> {
        match value {
            Value::Bool(flag) => Ok(flag),
            _ => invalid(&value, "a boolean"),
        }
    }
}

impl FromJson for f32 {
    fn from_json(value: Value) -> Read<f32> {
        match value {
            // As serde: any JSON number, narrowed.
            Value::Number(number) => Ok(number.as_f64().unwrap_or_default() as f32),
            _ => invalid(&value, "f32"),
        }
    }
}

/// An unsigned integer no larger than `max`.
fn unsigned(value: &Value, max: u64, expected: &str) -> Read<u64> {
    match value {
        Value::Number(number) => match (number.as_u64(), number.as_i64()) {
            (Some(whole), _) if whole <= max => Ok(whole),
            (Some(whole), _) => Err(format!(
                "invalid value: integer `{whole}`, expected {expected}"
            )),
            (None, Some(negative)) => Err(format!(
                "invalid value: integer `{negative}`, expected {expected}"
            )),
            (None, None) => invalid(value, expected),
        },
        _ => invalid(value, expected),
    }
}

macro_rules! unsigned_from_json {
    ($($t:ty),*) => {
        $(impl FromJson for $t {
            fn from_json(value: Value) -> Read<$t> {
                unsigned(&value, <$t>::MAX as u64, stringify!($t)).map(|whole| whole as $t)
            }
        })*
    };
}

unsigned_from_json!(u8, u16, u32, u64, usize);

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: Value) -> Read<Option<T>> {
        match value {
            Value::Null => Ok(None),
            _ => T::from_json(value).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: Value) -> Read<Vec<T>> {
        match value {
            Value::Array(items) => items.into_iter().map(T::from_json).collect(),
            _ => invalid(&value, "a sequence"),
        }
    }
}

impl<T: FromJson> FromJson for Shared<T> {
    fn from_json(value: Value) -> Read<Shared<T>> {
        T::from_json(value).map(Shared::new)
    }
}

/// The fields of one JSON object, each taken out as it is read.
pub(crate) struct Object {
    fields: Map<String, Value>,
    /// The names read so far, which `rest` leaves out.
    taken: Vec<&'static str>,
}

impl Object {
    pub(crate) fn of(value: Value, expected: &str) -> Read<Object> {
        match value {
            Value::Object(fields) => Ok(Object {
                fields,
                taken: Vec::new(),
            }),
            _ => invalid(&value, expected),
        }
    }

    /// The same for a struct serde would also read from an array, its
    /// fields in the order of `names` (a struct without `extra`); fields
    /// the array does not reach take their defaults.
    pub(crate) fn of_struct(value: Value, expected: &str, names: &[&str]) -> Read<Object> {
        match value {
            Value::Array(items) if items.len() <= names.len() => Ok(Object {
                fields: names
                    .iter()
                    .map(|name| name.to_string())
                    .zip(items)
                    .collect(),
                taken: Vec::new(),
            }),
            Value::Array(items) => Err(format!(
                "invalid length {}, expected {expected} with {} elements",
                items.len(),
                names.len()
            )),
            _ => Object::of(value, expected),
        }
    }

    /// Takes field `name` out (null is left in its place, so that the
    /// others keep their order whatever map serde_json builds).
    fn take(&mut self, name: &'static str) -> Option<Value> {
        self.taken.push(name);
        self.fields.get_mut(name).map(Value::take)
    }

    /// Field `name`, or `T`'s default when it is not there.
    pub(crate) fn get<T: FromJson + Default>(&mut self, name: &'static str) -> Read<T> {
        match self.take(name) {
            None => Ok(T::default()),
            Some(value) => T::from_json(value).map_err(|error| in_field(name, error)),
        }
    }

    /// Field `name`, which must be there.
    pub(crate) fn required<T: FromJson>(&mut self, name: &'static str) -> Read<T> {
        match self.take(name) {
            None => Err(format!("missing field `{name}`")),
            Some(value) => T::from_json(value).map_err(|error| in_field(name, error)),
        }
    }

    /// The fields not taken out, kept as they are and in their order (a
    /// type's `extra`): a field the reader knows never lands there too.
    pub(crate) fn rest(self) -> Map<String, Value> {
        let taken = self.taken;
        self.fields
            .into_iter()
            .filter(|(name, _)| !taken.contains(&name.as_str()))
            .collect()
    }

    /// The tag of an internally tagged enum: the string in field `tag`.
    pub(crate) fn tag(&self, tag: &str) -> Read<&str> {
        match self.fields.get(tag) {
            None => Err(format!("missing field `{tag}`")),
            Some(Value::String(name)) => Ok(name),
            Some(value) => invalid(value, "a variant name"),
        }
    }
}

/// An error met in field `name`, which it names.
fn in_field(name: &str, error: String) -> String {
    format!("{name}: {error}")
}

/// One of `variants` by its name.
pub(crate) fn variant<T: Copy>(name: &str, variants: &[(&str, T)]) -> Read<T> {
    variants
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, value)| *value)
        .ok_or_else(|| {
            let names: Vec<String> = variants
                .iter()
                .map(|(known, _)| format!("`{known}`"))
                .collect();
            format!(
                "unknown variant `{name}`, expected one of {}",
                names.join(", ")
            )
        })
}

/// A unit-only enum, saved as its variant's name.
pub(crate) fn unit_enum<T: Copy>(value: Value, variants: &[(&str, T)]) -> Read<T> {
    match value {
        Value::String(name) => variant(&name, variants),
        _ => invalid(&value, "a variant name"),
    }
}

impl FromJson for Ruleset {
    fn from_json(value: Value) -> Read<Ruleset> {
        unit_enum(
            value,
            &[("party", Ruleset::Party), ("state", Ruleset::State)],
        )
    }
}

impl FromJson for SectionKind {
    fn from_json(value: Value) -> Read<SectionKind> {
        unit_enum(
            value,
            &[
                ("numbered", SectionKind::Numbered),
                ("division", SectionKind::Division),
                ("appendix", SectionKind::Appendix),
            ],
        )
    }
}

impl FromJson for DivisionStyle {
    fn from_json(value: Value) -> Read<DivisionStyle> {
        unit_enum(
            value,
            &[
                ("ordinal", DivisionStyle::Ordinal),
                ("roman", DivisionStyle::Roman),
                ("arabic", DivisionStyle::Arabic),
                ("letter", DivisionStyle::Letter),
            ],
        )
    }
}

impl FromJson for BesideSource {
    fn from_json(value: Value) -> Read<BesideSource> {
        unit_enum(
            value,
            &[
                ("last_year", BesideSource::LastYear),
                ("unit", BesideSource::Unit),
            ],
        )
    }
}

impl FromJson for RowKind {
    fn from_json(value: Value) -> Read<RowKind> {
        unit_enum(
            value,
            &[
                ("data", RowKind::Data),
                ("group", RowKind::Group),
                ("total", RowKind::Total),
                ("label", RowKind::Label),
            ],
        )
    }
}

impl FromJson for DocDate {
    fn from_json(value: Value) -> Read<DocDate> {
        let mut object = Object::of_struct(value, "struct DocDate", &["day", "month", "year"])?;
        Ok(DocDate {
            day: object.get("day")?,
            month: object.get("month")?,
            year: object.get("year")?,
        })
    }
}

impl FromJson for Meta {
    fn from_json(value: Value) -> Read<Meta> {
        let mut object = Object::of(value, "struct Meta")?;
        Ok(Meta {
            ruleset: object.get("ruleset")?,
            superior_body: object.get("superior_body")?,
            issuing_body: object.get("issuing_body")?,
            number_symbol: object.get("number_symbol")?,
            place: object.get("place")?,
            date: object.get("date")?,
            doc_type: object.get("doc_type")?,
            subject: object.get("subject")?,
            page: object.get("page")?,
            division_style: object.get("division_style")?,
            extra: object.rest(),
        })
    }
}

impl FromJson for PageSettings {
    fn from_json(value: Value) -> Read<PageSettings> {
        let mut object = Object::of(value, "struct PageSettings")?;
        Ok(PageSettings {
            margin_top_mm: object.get("margin_top_mm")?,
            margin_bottom_mm: object.get("margin_bottom_mm")?,
            margin_left_mm: object.get("margin_left_mm")?,
            margin_right_mm: object.get("margin_right_mm")?,
            body_pt: object.get("body_pt")?,
            line_spacing: object.get("line_spacing")?,
            landscape: object.get("landscape")?,
            extra: object.rest(),
        })
    }
}

impl FromJson for Closing {
    fn from_json(value: Value) -> Read<Closing> {
        let mut object = Object::of(value, "struct Closing")?;
        Ok(Closing {
            signing_authority: object.get("signing_authority")?,
            position: object.get("position")?,
            signer_name: object.get("signer_name")?,
            recipients: object.get("recipients")?,
            author: object.get("author")?,
            extra: object.rest(),
        })
    }
}

impl FromJson for Section {
    fn from_json(value: Value) -> Read<Section> {
        let mut object = Object::of(value, "struct Section")?;
        Ok(Section {
            id: object.get("id")?,
            heading: object.get("heading")?,
            heading_locked: object.get("heading_locked")?,
            guidance: object.get("guidance")?,
            blocks: object.get("blocks")?,
            children: object.get("children")?,
            kind: object.get("kind")?,
            landscape: object.get("landscape")?,
            extra: object.rest(),
        })
    }
}

impl FromJson for Block {
    fn from_json(value: Value) -> Read<Block> {
        let mut object = Object::of(value, "internally tagged enum Block")?;
        let name = object.tag("type")?;
        #[derive(Clone, Copy)]
        enum Kind {
            Paragraph,
            List,
            Assessment,
            Figure,
            Table,
        }
        let kind = variant(
            name,
            &[
                ("paragraph", Kind::Paragraph),
                ("list", Kind::List),
                ("assessment", Kind::Assessment),
                ("figure", Kind::Figure),
                ("table", Kind::Table),
            ],
        )?;
        // The tag is not one of the variant's own fields: a figure's or a
        // table's `extra` does not keep it.
        object.take("type");
        Ok(match kind {
            Kind::Paragraph => Block::Paragraph(paragraph(object)?),
            Kind::List => Block::List(list(object)?),
            Kind::Assessment => Block::Assessment(assessment(object)?),
            Kind::Figure => Block::Figure(figure(object)?),
            Kind::Table => Block::Table(table(object)?),
        })
    }
}

fn paragraph(mut object: Object) -> Read<Paragraph> {
    Ok(Paragraph {
        id: object.get("id")?,
        text: object.get("text")?,
        guidance: object.get("guidance")?,
    })
}

fn list(mut object: Object) -> Read<List> {
    Ok(List {
        id: object.get("id")?,
        items: object.get("items")?,
    })
}

impl FromJson for ListItem {
    fn from_json(value: Value) -> Read<ListItem> {
        let mut object = Object::of_struct(value, "struct ListItem", &["id", "text", "blocks"])?;
        Ok(ListItem {
            id: object.get("id")?,
            text: object.get("text")?,
            blocks: object.get("blocks")?,
        })
    }
}

fn assessment(mut object: Object) -> Read<Assessment> {
    Ok(Assessment {
        id: object.get("id")?,
        label: object.required("label")?,
        nothing_to_report: object.get("nothing_to_report")?,
        blocks: object.get("blocks")?,
    })
}

impl FromJson for AssessmentLabel {
    fn from_json(value: Value) -> Read<AssessmentLabel> {
        const UNITS: [(&str, AssessmentLabel); 7] = [
            ("strengths", AssessmentLabel::Strengths),
            ("shortcomings", AssessmentLabel::Shortcomings),
            ("limitations", AssessmentLabel::Limitations),
            ("causes", AssessmentLabel::Causes),
            ("solutions", AssessmentLabel::Solutions),
            ("lessons_learned", AssessmentLabel::LessonsLearned),
            ("proposals", AssessmentLabel::Proposals),
        ];
        let unit = |name: &str| {
            UNITS
                .iter()
                .find(|(known, _)| *known == name)
                .map(|(_, label)| label.clone())
        };
        let unknown = |name: &str| {
            format!(
                "unknown variant `{name}`, expected one of `strengths`, `shortcomings`, \
                 `limitations`, `causes`, `solutions`, `lessons_learned`, `proposals`, `custom`"
            )
        };
        match value {
            // A standard label by its name; "custom" carries a text, so it
            // is never a bare name.
            Value::String(ref name) if name == "custom" => invalid(&value, "newtype variant"),
            Value::String(name) => unit(&name).ok_or_else(|| unknown(&name)),
            // {"custom": "Bài học"}, or a standard label as {"strengths": null}.
            Value::Object(fields) if fields.len() == 1 => {
                let (name, inner) = fields.into_iter().next().expect("one field");
                if name == "custom" {
                    String::from_json(inner).map(AssessmentLabel::Custom)
                } else {
                    match (unit(&name), inner) {
                        (Some(label), Value::Null) => Ok(label),
                        (Some(_), inner) => invalid(&inner, "unit variant"),
                        (None, _) => Err(unknown(&name)),
                    }
                }
            }
            Value::Object(_) => {
                Err("invalid value: map, expected map with a single key".to_owned())
            }
            _ => invalid(&value, "enum AssessmentLabel"),
        }
    }
}

fn figure(mut object: Object) -> Read<Figure> {
    Ok(Figure {
        id: object.get("id")?,
        caption: object.get("caption")?,
        picture: object.get("picture")?,
        extra: object.rest(),
    })
}

impl FromJson for PictureRef {
    fn from_json(value: Value) -> Read<PictureRef> {
        let mut object = Object::of_struct(value, "struct PictureRef", &["id", "width", "height"])?;
        Ok(PictureRef {
            id: object.get("id")?,
            width: object.get("width")?,
            height: object.get("height")?,
        })
    }
}

impl FromJson for Document {
    fn from_json(value: Value) -> Read<Document> {
        let mut object = Object::of(value, "struct Document")?;
        Ok(Document {
            title: object.get("title")?,
            template_id: object.get("template_id")?,
            meta: object.get("meta")?,
            preamble: object.get("preamble")?,
            sections: object.get("sections")?,
            closing: object.get("closing")?,
            next_id: object.get("next_id")?,
            beside: object.get("beside")?,
            extra: object.rest(),
        })
    }
}

impl FromJson for BesideText {
    fn from_json(value: Value) -> Read<BesideText> {
        let mut object = Object::of(value, "struct BesideText")?;
        Ok(BesideText {
            section: object.get("section")?,
            source: object.get("source")?,
            label: object.get("label")?,
            blocks: object.get("blocks")?,
            extra: object.rest(),
        })
    }
}

fn table(mut object: Object) -> Read<Table> {
    Ok(Table {
        id: object.get("id")?,
        caption: object.get("caption")?,
        unit: object.get("unit")?,
        columns: object.get("columns")?,
        header: object.get("header")?,
        merges: object.get("merges")?,
        number_row: object.get("number_row")?,
        rows: object.get("rows")?,
        extra: object.rest(),
    })
}

impl FromJson for Table {
    fn from_json(value: Value) -> Read<Table> {
        // A table on its own (not a block) has no tag to leave out.
        table(Object::of(value, "struct Table")?)
    }
}

impl FromJson for Column {
    fn from_json(value: Value) -> Read<Column> {
        let mut object = Object::of(value, "struct Column")?;
        Ok(Column {
            id: object.get("id")?,
            kind: object.get("kind")?,
            width: object.get("width")?,
            extra: object.rest(),
        })
    }
}

impl FromJson for ColumnKind {
    fn from_json(value: Value) -> Read<ColumnKind> {
        let mut object = Object::of(value, "internally tagged enum ColumnKind")?;
        #[derive(Clone, Copy)]
        enum Kind {
            Text,
            Number,
            Computed,
        }
        let kind = variant(
            object.tag("kind")?,
            &[
                ("text", Kind::Text),
                ("number", Kind::Number),
                ("computed", Kind::Computed),
            ],
        )?;
        Ok(match kind {
            Kind::Text => ColumnKind::Text,
            Kind::Number => ColumnKind::Number {
                decimals: object.required("decimals")?,
            },
            Kind::Computed => ColumnKind::Computed {
                formula: object.required("formula")?,
                decimals: object.required("decimals")?,
            },
        })
    }
}

impl FromJson for Formula {
    fn from_json(value: Value) -> Read<Formula> {
        let mut object = Object::of(value, "internally tagged enum Formula")?;
        #[derive(Clone, Copy)]
        enum Op {
            Sum,
            Percent,
            Difference,
            Ratio,
            Share,
        }
        let op = variant(
            object.tag("op")?,
            &[
                ("sum", Op::Sum),
                ("percent", Op::Percent),
                ("difference", Op::Difference),
                ("ratio", Op::Ratio),
                ("share", Op::Share),
            ],
        )?;
        Ok(match op {
            Op::Sum => Formula::Sum {
                columns: object.required("columns")?,
            },
            Op::Percent => Formula::Percent {
                part: object.required("part")?,
                whole: object.required("whole")?,
            },
            Op::Difference => Formula::Difference {
                a: object.required("a")?,
                b: object.required("b")?,
            },
            Op::Ratio => Formula::Ratio {
                a: object.required("a")?,
                b: object.required("b")?,
            },
            Op::Share => Formula::Share {
                part: object.required("part")?,
            },
        })
    }
}

impl FromJson for Merge {
    fn from_json(value: Value) -> Read<Merge> {
        let mut object = Object::of_struct(value, "struct Merge", &["row", "col", "rows", "cols"])?;
        Ok(Merge {
            row: object.required("row")?,
            col: object.required("col")?,
            rows: object.required("rows")?,
            cols: object.required("cols")?,
        })
    }
}

impl FromJson for Row {
    fn from_json(value: Value) -> Read<Row> {
        let mut object = Object::of(value, "struct Row")?;
        Ok(Row {
            id: object.get("id")?,
            kind: object.get("kind")?,
            cells: object.get("cells")?,
            indent: object.get("indent")?,
            extra: object.rest(),
        })
    }
}

impl FromJson for Cell {
    fn from_json(value: Value) -> Read<Cell> {
        let mut object = Object::of_struct(value, "struct Cell", &["text", "typed"])?;
        Ok(Cell {
            text: object.get("text")?,
            typed: object.get("typed")?,
        })
    }
}

/// `Deserialize` for each type, through the hand-written reader.
macro_rules! deserialize_by_hand {
    ($($t:ty),*) => {
        $(impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<$t, D::Error> {
                let value = <serde_json::Value as serde::Deserialize>::deserialize(deserializer)?;
                <$t as $crate::model::read::FromJson>::from_json(value).map_err(serde::de::Error::custom)
            }
        })*
    };
}

pub(crate) use deserialize_by_hand;

deserialize_by_hand!(
    Document,
    Meta,
    DocDate,
    PageSettings,
    Closing,
    Section,
    Block,
    ListItem,
    AssessmentLabel,
    PictureRef,
    BesideText,
    Ruleset,
    SectionKind,
    DivisionStyle,
    BesideSource,
    Table,
    Column,
    ColumnKind,
    Formula,
    Merge,
    Row,
    RowKind,
    Cell
);
