//! The frame of a document as data: the two-column header (issuing side
//! left; national heading and date line right), the title and subject, and
//! the closing (recipients left, signature block right), each a list of
//! lines with their text, case, weight, size, alignment and rule, computed
//! once from the document's metadata and its ruleset (`rules`).
//!
//! The preview and every export (Markdown, plain text, HTML, DOCX) lay out
//! these lines and decide nothing about them: which lines exist, their
//! wording and case, and how they are set all come from here, so the
//! outputs cannot drift apart. What is between the title and the closing
//! comes from `render`.
//!
//! Empty fields follow one rule everywhere: the number line and the date
//! line are always there, with blanks to write in by hand (a draft is
//! printed before it is registered and signed), and so is "Nơi nhận:";
//! every other line whose field is empty is left out.

use crate::model::Document;
use crate::rules::{date_line, number_line, rules, IssuerMark, LayoutRules};
use crate::text::to_display_uppercase;

/// Where a line stands: in the left or right column of the header or the
/// closing, or across the page (the title block).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Left,
    Right,
    Whole,
}

/// How a line is aligned within its column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Align {
    Center,
    Left,
}

/// A solid rule under a line, centred under its text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Rule {
    /// As long as the text.
    TextWidth,
    /// This fraction of the text's length.
    Fraction(f32),
}

/// What a line is, for outputs that name their pieces (CSS classes) or
/// space them (the signature space).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    SuperiorBody,
    IssuingBody,
    /// The "*" under a Party issuing body.
    Star,
    Number,
    NationalHeading,
    Date,
    Title,
    Subject,
    /// The "-----" under the subject.
    SubjectRule,
    RecipientsHeading,
    Recipient,
    SigningAuthority,
    Position,
    /// Room for the signature: no text, a blank of some height.
    SignatureSpace,
    Signer,
}

/// One line of the frame, ready to set.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub role: Role,
    pub column: Column,
    /// The text as printed: already in capitals where the rules want them.
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    /// The text itself underlined (Party "Nơi nhận:"); a solid line under
    /// the text is a `rule`.
    pub underline: bool,
    pub size_pt: f32,
    pub align: Align,
    pub rule: Option<Rule>,
}

/// Two columns side by side, each a list of lines from the top.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Columns {
    pub left: Vec<Line>,
    pub right: Vec<Line>,
}

impl Columns {
    /// The left column's lines, then the right column's.
    pub fn lines(&self) -> impl Iterator<Item = &Line> {
        self.left.iter().chain(&self.right)
    }
}

/// The frame of one document.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    pub header: Columns,
    /// The title ("BÁO CÁO"), the subject and the rule under it.
    pub title: Vec<Line>,
    pub closing: Columns,
}

impl Frame {
    /// The lines above the body in reading order: the header's left
    /// column, its right column, then the title block.
    pub fn head(&self) -> impl Iterator<Item = &Line> {
        self.header.lines().chain(&self.title)
    }

    /// Every line in reading order: `head`, then the closing's left column
    /// (recipients) and its right column (signature).
    pub fn lines(&self) -> impl Iterator<Item = &Line> {
        self.head().chain(self.closing.lines())
    }
}

/// A line in the style every frame line starts from: upright, centred.
fn line(role: Role, column: Column, text: String, size_pt: f32) -> Line {
    Line {
        role,
        column,
        text,
        bold: false,
        italic: false,
        underline: false,
        size_pt,
        align: Align::Center,
        rule: None,
    }
}

impl Line {
    fn bold(mut self) -> Line {
        self.bold = true;
        self
    }

    fn italic(mut self) -> Line {
        self.italic = true;
        self
    }

    fn ruled(mut self, rule: Option<Rule>) -> Line {
        self.rule = rule;
        self
    }

    fn left(mut self) -> Line {
        self.align = Align::Left;
        self
    }
}

/// `text` in capitals, or `None` when it is empty.
fn uppercase(text: &str) -> Option<String> {
    (!text.trim().is_empty()).then(|| to_display_uppercase(text.trim()))
}

/// `text` as typed, or `None` when it is empty.
fn as_typed(text: &str) -> Option<String> {
    (!text.trim().is_empty()).then(|| text.trim().to_owned())
}

/// The recipient lines with the ruleset's punctuation: "- …," (Party) or
/// "- …;" (State), the last one ending in ".". Empty entries are left out.
pub fn recipient_lines(document: &Document) -> Vec<String> {
    let separator = rules(document.meta.ruleset).recipient_separator;
    let lines: Vec<&str> = document
        .closing
        .recipients
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    let count = lines.len();
    lines
        .into_iter()
        .enumerate()
        .map(|(index, line)| {
            let line = line.trim_end_matches([',', ';', '.']);
            let end = if index + 1 == count { '.' } else { separator };
            format!("- {line}{end}")
        })
        .collect()
}

fn header(document: &Document, layout: &LayoutRules) -> Columns {
    use Column::{Left, Right};
    let meta = &document.meta;
    let mut left = Vec::new();
    if let Some(text) = uppercase(&meta.superior_body) {
        left.push(line(
            Role::SuperiorBody,
            Left,
            text,
            layout.superior_body_pt,
        ));
    }
    let issuer_rule = match layout.issuer_mark {
        IssuerMark::Star => None,
        IssuerMark::Rule { fraction } => Some(Rule::Fraction(fraction)),
    };
    if let Some(text) = uppercase(&meta.issuing_body) {
        left.push(
            line(Role::IssuingBody, Left, text, layout.issuing_body_pt)
                .bold()
                .ruled(issuer_rule),
        );
    }
    if layout.issuer_mark == IssuerMark::Star {
        left.push(line(Role::Star, Left, "*".into(), layout.issuing_body_pt));
    }
    left.push(line(
        Role::Number,
        Left,
        number_line(layout, &meta.number_symbol),
        layout.issuing_body_pt,
    ));

    // The last line of the national heading carries the solid rule.
    let count = layout.national_heading.len();
    let mut right: Vec<Line> = layout
        .national_heading
        .iter()
        .enumerate()
        .map(|(index, text)| {
            let rule = (index + 1 == count).then_some(Rule::TextWidth);
            line(
                Role::NationalHeading,
                Right,
                (*text).to_owned(),
                layout.national_heading_pt,
            )
            .bold()
            .ruled(rule)
        })
        .collect();
    right.push(
        line(
            Role::Date,
            Right,
            date_line(&meta.place, &meta.date),
            layout.date_pt,
        )
        .italic(),
    );
    Columns { left, right }
}

fn title(document: &Document, layout: &LayoutRules) -> Vec<Line> {
    let meta = &document.meta;
    let mut out = Vec::new();
    if let Some(text) = uppercase(&meta.doc_type) {
        out.push(line(Role::Title, Column::Whole, text, layout.title_pt).bold());
    }
    if let Some(text) = as_typed(&meta.subject) {
        out.push(line(Role::Subject, Column::Whole, text, layout.subject_pt).bold());
    }
    out.push(line(
        Role::SubjectRule,
        Column::Whole,
        layout.subject_rule.to_owned(),
        layout.subject_pt,
    ));
    out
}

fn closing(document: &Document, layout: &LayoutRules) -> Columns {
    use Column::{Left, Right};
    let closing = &document.closing;
    let mut heading = line(
        Role::RecipientsHeading,
        Left,
        layout.recipients_heading.to_owned(),
        layout.recipients_heading_pt,
    )
    .left();
    if layout.recipients_heading_underlined {
        heading.underline = true;
    } else {
        heading = heading.bold().italic();
    }
    let mut left = vec![heading];
    left.extend(
        recipient_lines(document)
            .into_iter()
            .map(|text| line(Role::Recipient, Left, text, layout.recipients_pt).left()),
    );

    let size = layout.signature_pt;
    let mut right = Vec::new();
    if let Some(text) = uppercase(&closing.signing_authority) {
        right.push(line(Role::SigningAuthority, Right, text, size).bold());
    }
    if let Some(text) = uppercase(&closing.position) {
        let mut position = line(Role::Position, Right, text, size);
        position.bold = layout.position_bold;
        right.push(position);
    }
    right.push(line(Role::SignatureSpace, Right, String::new(), size));
    if let Some(text) = as_typed(&closing.signer_name) {
        right.push(line(Role::Signer, Right, text, size).bold());
    }
    Columns { left, right }
}

/// The frame of `document` in its ruleset.
pub fn frame(document: &Document) -> Frame {
    let layout = rules(document.meta.ruleset);
    Frame {
        header: header(document, layout),
        title: title(document, layout),
        closing: closing(document, layout),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocDate, Ruleset};
    use crate::template::seed_sample;

    fn texts<'a>(lines: impl Iterator<Item = &'a Line>) -> Vec<String> {
        lines.map(|line| line.text.clone()).collect()
    }

    #[test]
    fn the_party_frame_of_the_seed_sample() {
        let mut sample = seed_sample();
        sample.meta.number_symbol = "12-BC/ĐU".into();
        sample.meta.date = DocDate {
            day: Some(5),
            month: Some(1),
            year: Some(2026),
        };
        let frame = frame(&sample);
        assert_eq!(
            texts(frame.header.left.iter()),
            [
                "ĐẢNG BỘ HUYỆN LẤP VÒ",
                "ĐẢNG ỦY TRƯỜNG THPT LẤP VÒ 2",
                "*",
                "Số 12-BC/ĐU"
            ]
        );
        assert_eq!(
            texts(frame.header.right.iter()),
            [
                "ĐẢNG CỘNG SẢN VIỆT NAM",
                "Lấp Vò, ngày 05 tháng 01 năm 2026"
            ]
        );
        let national = &frame.header.right[0];
        assert!(national.bold && national.size_pt == 15.0);
        assert_eq!(national.rule, Some(Rule::TextWidth));
        assert!(frame.header.right[1].italic);
        assert!(frame.header.left[1].bold && frame.header.left[1].rule.is_none());
        assert!(!frame.header.left[0].bold);
        assert_eq!(frame.title[0].text, "BÁO CÁO");
        assert_eq!(frame.title[0].size_pt, 16.0);
        assert!(frame.title[1].text.starts_with("tổng kết đổi mới"));
        assert_eq!(
            texts(frame.closing.lines()),
            [
                "Nơi nhận:",
                "- Ban Chỉ đạo 832 Huyện,",
                "- Lưu Văn phòng Đảng ủy.",
                "T/M ĐẢNG ỦY",
                "BÍ THƯ",
                "",
                "Nguyễn Văn Kiệt"
            ]
        );
        let heading = &frame.closing.left[0];
        assert!(heading.underline && !heading.bold && heading.align == Align::Left);
        // A Party position is upright, a State one bold.
        assert!(!frame.closing.right[1].bold);
        assert!(frame.lines().all(|line| match line.column {
            Column::Whole => frame.title.contains(line),
            _ => !frame.title.contains(line),
        }));
    }

    #[test]
    fn the_state_frame_has_its_own_heading_rule_and_styles() {
        let mut sample = seed_sample();
        sample.meta.ruleset = Ruleset::State;
        sample.meta.number_symbol = "02/BC-UBND".into();
        let frame = frame(&sample);
        assert_eq!(
            texts(frame.header.left.iter()),
            [
                "ĐẢNG BỘ HUYỆN LẤP VÒ",
                "ĐẢNG ỦY TRƯỜNG THPT LẤP VÒ 2",
                "Số: 02/BC-UBND"
            ]
        );
        assert!(matches!(
            frame.header.left[1].rule,
            Some(Rule::Fraction(f)) if f > 0.3 && f <= 0.5
        ));
        let right = &frame.header.right;
        assert_eq!(right[0].text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        assert_eq!(right[0].rule, None);
        assert_eq!(right[1].text, "Độc lập - Tự do - Hạnh phúc");
        assert_eq!(right[1].rule, Some(Rule::TextWidth));
        let heading = &frame.closing.left[0];
        assert!(heading.bold && heading.italic && !heading.underline);
        assert_eq!(heading.size_pt, 12.0);
        assert_eq!(frame.closing.left[1].size_pt, 11.0);
        assert_eq!(frame.closing.left[1].text, "- Ban Chỉ đạo 832 Huyện;");
        assert!(frame.closing.right[1].bold);
    }

    #[test]
    fn an_unfinished_draft_keeps_number_date_and_recipients_heading_only() {
        for ruleset in [Ruleset::Party, Ruleset::State] {
            let mut document = Document::default();
            document.meta.ruleset = ruleset;
            let frame = frame(&document);
            let roles: Vec<Role> = frame.lines().map(|line| line.role).collect();
            let mut expected = vec![];
            if ruleset == Ruleset::Party {
                expected.push(Role::Star);
            }
            expected.extend([Role::Number]);
            expected.extend(std::iter::repeat_n(
                Role::NationalHeading,
                rules(ruleset).national_heading.len(),
            ));
            expected.extend([
                Role::Date,
                Role::SubjectRule,
                Role::RecipientsHeading,
                Role::SignatureSpace,
            ]);
            assert_eq!(roles, expected, "{ruleset:?}");
            let number = &frame.header.left.last().unwrap().text;
            assert_eq!(number.trim_end(), rules(ruleset).number_prefix.trim_end());
            assert!(number.len() > rules(ruleset).number_prefix.len() + 4);
            assert_eq!(
                frame.header.right.last().unwrap().text,
                "…, ngày      tháng      năm     "
            );
        }
    }

    #[test]
    fn recipients_take_the_rulesets_punctuation() {
        let mut document = seed_sample();
        assert_eq!(
            recipient_lines(&document),
            ["- Ban Chỉ đạo 832 Huyện,", "- Lưu Văn phòng Đảng ủy."]
        );
        document.meta.ruleset = Ruleset::State;
        document.closing.recipients = vec!["Như trên;".into(), " ".into(), "Lưu: VT".into()];
        assert_eq!(recipient_lines(&document), ["- Như trên;", "- Lưu: VT."]);
    }
}
