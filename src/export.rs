//! Exports that are plain text formats: Markdown, the web-post plain text,
//! and a standalone HTML file. Every one starts from `render`'s elements, so
//! numbering and case match the preview, and every one escapes user text.
//!
//! The HTML file opens offline in any browser: one file, inline CSS, and a
//! Content-Security-Policy that allows no script at all, so text that looks
//! like markup stays text. It carries the draft's JSON in a
//! `<script type="application/json">` block (data, never run) so that the
//! file can be opened in Báo cáo again (`transfer::read_file`).

use std::fmt::Write as _;

use crate::model::Document;
use crate::persist::Envelope;
use crate::render::{self, element_line, Element};
use crate::rules::{date_line, rules};
use crate::text::{is_xml_safe, to_display_uppercase};

/// The id of the script block that carries the draft in an HTML export.
pub const EMBEDDED_DRAFT_ID: &str = "baocao-draft";

/// Escapes text for HTML element content and attribute values, leaving out
/// control characters and noncharacters.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Not text, and not allowed in HTML: drafts stored by older
            // versions may still hold them.
            c if !is_xml_safe(c) => {}
            other => out.push(other),
        }
    }
    out
}

/// Escapes text so that Markdown shows it as typed: no emphasis, links,
/// headings, lists or HTML made from the user's characters.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    // A line that starts like a list item or a numbered item stays text.
    let starts_like_a_list =
        out.starts_with("- ") || out.starts_with("+ ") || out.starts_with("= ");
    let numbered = out
        .split_once(". ")
        .is_some_and(|(head, _)| !head.is_empty() && head.chars().all(|c| c.is_ascii_digit()));
    if starts_like_a_list || numbered {
        out.insert(0, '\\');
    }
    out
}

/// The draft as Markdown.
pub fn markdown(document: &Document) -> String {
    let meta = &document.meta;
    let mut out = String::new();
    let line = |out: &mut String, text: &str| {
        if !text.trim().is_empty() {
            let _ = writeln!(out, "{text}  ");
        }
    };
    line(
        &mut out,
        &escape_markdown(&to_display_uppercase(&meta.superior_body)),
    );
    if !meta.issuing_body.trim().is_empty() {
        line(
            &mut out,
            &format!(
                "**{}**",
                escape_markdown(&to_display_uppercase(&meta.issuing_body))
            ),
        );
    }
    if !meta.number_symbol.trim().is_empty() {
        line(
            &mut out,
            &escape_markdown(&format!(
                "{}{}",
                rules(meta.ruleset).number_prefix,
                meta.number_symbol
            )),
        );
    }
    let _ = writeln!(out);
    for heading in rules(meta.ruleset).national_heading {
        let _ = writeln!(out, "**{}**  ", escape_markdown(heading));
    }
    let _ = writeln!(
        out,
        "*{}*\n",
        escape_markdown(&date_line(&meta.place, &meta.date)).trim_end()
    );
    let _ = writeln!(
        out,
        "# {}\n",
        escape_markdown(&to_display_uppercase(&meta.doc_type))
    );
    if !meta.subject.trim().is_empty() {
        let _ = writeln!(out, "**{}**\n", escape_markdown(&meta.subject));
    }
    for element in &render::elements(document) {
        let _ = match element {
            Element::Heading {
                depth,
                number,
                text,
                ..
            } => match (depth, element.trailing_text()) {
                (_, Some(text)) => writeln!(out, "**{number}** {}\n", escape_markdown(text)),
                (0, None) => writeln!(out, "## {number} {}\n", escape_markdown(text)),
                (1, None) => writeln!(out, "### {number} {}\n", escape_markdown(text)),
                (_, None) => writeln!(out, "#### {number} {}\n", escape_markdown(text)),
            },
            Element::Paragraph { text, .. } if !text.trim().is_empty() => {
                writeln!(out, "{}\n", escape_markdown(text))
            }
            Element::Bullet {
                list_depth, text, ..
            } if !text.trim().is_empty() => {
                let indent = "  ".repeat(*list_depth);
                writeln!(out, "{indent}- {}\n", escape_markdown(text))
            }
            Element::Assessment { label, .. } => {
                let rest = element
                    .trailing_text()
                    .map(|text| format!(" {}", escape_markdown(text)))
                    .unwrap_or_default();
                writeln!(out, "*{}:*{rest}\n", escape_markdown(label))
            }
            Element::Figure { caption, .. } if !caption.trim().is_empty() => {
                writeln!(out, "*{}*\n", escape_markdown(caption))
            }
            _ => Ok(()),
        };
    }
    let closing = &document.closing;
    let _ = writeln!(out, "---\n");
    for text in [&closing.signing_authority, &closing.position] {
        if !text.trim().is_empty() {
            let _ = writeln!(
                out,
                "**{}**  ",
                escape_markdown(&to_display_uppercase(text))
            );
        }
    }
    if !closing.signer_name.trim().is_empty() {
        let _ = writeln!(out, "**{}**", escape_markdown(&closing.signer_name));
    }
    let recipients = recipient_lines(document);
    if !recipients.is_empty() {
        let _ = writeln!(out, "\n*Nơi nhận:*\n");
        for line in recipients {
            let _ = writeln!(out, "{}  ", escape_markdown(&line));
        }
    }
    out
}

/// The recipient lines with the ruleset's punctuation: "- …," (Party) or
/// "- …;" (State), the last one ending in ".".
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

/// The draft as plain text in the style of a school-website post.
pub fn plain_text(document: &Document) -> String {
    render::plain_text(document)
}

fn html_element(element: &Element) -> String {
    match element {
        Element::Heading {
            depth,
            number,
            text,
            ..
        } => {
            let class = match depth {
                0 => "part",
                1 => "item",
                _ => "point",
            };
            let heading = if text.trim().is_empty() {
                String::new()
            } else {
                format!(" {}", escape_html(text))
            };
            let run_in = element
                .trailing_text()
                .map(|text| format!(" {}", escape_html(text)))
                .unwrap_or_default();
            format!(
                "<p class=\"{class}\"><b>{}{heading}</b>{run_in}</p>\n",
                escape_html(number)
            )
        }
        Element::Assessment { label, .. } => {
            let rest = element
                .trailing_text()
                .map(|text| format!(" {}", escape_html(text)))
                .unwrap_or_default();
            format!("<p><b><i>{}:</i></b>{rest}</p>\n", escape_html(label))
        }
        Element::Figure { caption, .. } if !caption.trim().is_empty() => {
            format!("<p class=\"figure\">{}</p>\n", escape_html(caption))
        }
        Element::Paragraph { text, .. } | Element::Bullet { text, .. }
            if text.trim().is_empty() =>
        {
            String::new()
        }
        Element::Bullet { .. } | Element::Paragraph { .. } => {
            format!("<p>{}</p>\n", escape_html(&element_line(element)))
        }
        Element::Figure { .. } => String::new(),
    }
}

/// The draft as one standalone HTML file with the draft embedded.
pub fn html(envelope: &mut Envelope) -> String {
    let document = envelope.document.clone();
    let meta = &document.meta;
    let layout = rules(meta.ruleset);
    let margins = layout.margins_mm;
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>\n\
@page {{ size: A4; margin: {top}mm {right}mm {bottom}mm {left}mm; }}\n\
body {{ margin: 0; background: #e5e7ea; }}\n\
.sheet {{ box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 1rem auto; background: #fff; color: #000; \
padding: {top}mm {right}mm {bottom}mm {left}mm; font-family: 'Times New Roman', 'Liberation Serif', Tinos, serif; \
font-size: {body}pt; line-height: {spacing}; }}\n\
.sheet p {{ margin: 0 0 {gap}pt; text-align: justify; text-indent: {indent}mm; }}\n\
.header, .closing {{ width: 100%; border-collapse: collapse; table-layout: fixed; }}\n\
.header td, .closing td {{ vertical-align: top; text-align: center; padding: 0; }}\n\
.header td:first-child {{ width: {header_left}%; }}\n\
.sheet .header p, .sheet .closing p, .sheet .center {{ text-align: center; text-indent: 0; margin: 0; }}\n\
.issuer, .national, .title, .subject, .signer, .authority {{ font-weight: bold; }}\n\
.superior {{ font-size: {superior_pt}pt; }}\n\
.issuer, .number {{ font-size: {issuer_pt}pt; }}\n\
.national {{ font-size: {national_pt}pt; white-space: nowrap; }}\n\
.national.rule span {{ border-bottom: 1px solid #000; }}\n\
.date {{ font-size: {date_pt}pt; font-style: italic; white-space: pre; margin-top: 6pt; }}\n\
.title {{ font-size: {title_pt}pt; margin-top: 18pt; }}\n\
.subject {{ font-size: {subject_pt}pt; }}\n\
.authority, .signer {{ font-size: {signature_pt}pt; }}\n\
.recipients-heading {{ font-size: {recipients_heading_pt}pt; }}\n\
.sheet .figure {{ text-align: center; text-indent: 0; font-style: italic; }}\n\
.recipients {{ text-align: left; width: 45%; }}\n\
.sheet .recipients p {{ text-align: left; text-indent: 0; font-size: {recipients_pt}pt; margin: 0; }}\n\
.space {{ height: 22mm; }}\n\
@media print {{ body {{ background: #fff; }} .sheet {{ margin: 0; padding: 0; width: auto; min-height: 0; }} }}\n\
</style>\n</head>\n<body>\n<article class=\"sheet\">\n",
        title = escape_html(&document.title),
        top = margins.top,
        right = margins.right,
        bottom = margins.bottom,
        left = margins.left,
        body = layout.body_pt,
        spacing = layout.line_spacing,
        gap = layout.paragraph_spacing_pt,
        indent = layout.first_line_indent_mm,
        title_pt = layout.title_pt,
        recipients_pt = layout.recipients_pt,
        header_left = layout.header_left_percent,
        superior_pt = layout.superior_body_pt,
        issuer_pt = layout.issuing_body_pt,
        national_pt = layout.national_heading_pt,
        date_pt = layout.date_pt,
        subject_pt = layout.subject_pt,
        signature_pt = layout.signature_pt,
        recipients_heading_pt = layout.recipients_heading_pt,
    );
    // The last line of the national heading carries the solid rule.
    let national: String = layout
        .national_heading
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let rule = if index + 1 == layout.national_heading.len() {
                " rule"
            } else {
                ""
            };
            format!(
                "<p class=\"national{rule}\"><span>{}</span></p>",
                escape_html(line)
            )
        })
        .collect();
    let mark = if layout.star_under_issuer {
        "<p>*</p>"
    } else {
        "<p>———</p>"
    };
    let _ = writeln!(
        out,
        "<table class=\"header\"><tr><td><p class=\"superior\">{}</p><p class=\"issuer\">{}</p>{mark}<p class=\"number\">{}</p></td>\
<td>{national}<p class=\"date\">{}</p></td></tr></table>",
        escape_html(&to_display_uppercase(&meta.superior_body)),
        escape_html(&to_display_uppercase(&meta.issuing_body)),
        escape_html(&format!("{}{}", layout.number_prefix, meta.number_symbol)),
        escape_html(&date_line(&meta.place, &meta.date)),
    );
    let _ = writeln!(
        out,
        "<p class=\"center title\">{}</p>\n<p class=\"center subject\">{}</p>\n<p class=\"center\">-----</p>",
        escape_html(&to_display_uppercase(&meta.doc_type)),
        escape_html(&meta.subject)
    );
    for element in &render::elements(&document) {
        out.push_str(&html_element(element));
    }
    let recipients: String = recipient_lines(&document)
        .iter()
        .map(|line| format!("<p>{}</p>", escape_html(line)))
        .collect();
    let closing = &document.closing;
    // Party documents underline "Nơi nhận:"; state ones set it bold italic.
    let recipients_heading = if layout.recipients_heading_underlined {
        "<u>Nơi nhận:</u>"
    } else {
        "<b><i>Nơi nhận:</i></b>"
    };
    let _ = writeln!(
        out,
        "<table class=\"closing\"><tr><td class=\"recipients\"><p class=\"recipients-heading\">{recipients_heading}</p>{recipients}</td>\
<td><p class=\"authority\">{}</p><p class=\"authority\">{}</p><p class=\"space\"></p><p class=\"signer\">{}</p></td></tr></table>",
        escape_html(&to_display_uppercase(&closing.signing_authority)),
        escape_html(&to_display_uppercase(&closing.position)),
        escape_html(&closing.signer_name),
    );
    // "<" never appears raw in the embedded JSON, so nothing in it can close
    // the block early or open a comment.
    let json = envelope.to_json().replace('<', "\\u003c");
    let _ = write!(
        out,
        "</article>\n<script type=\"application/json\" id=\"{EMBEDDED_DRAFT_ID}\">{json}</script>\n</body>\n</html>\n"
    );
    out
}

/// The draft JSON embedded in an HTML export, if `text` is one.
pub fn embedded_draft(text: &str) -> Option<&str> {
    let marker = format!("<script type=\"application/json\" id=\"{EMBEDDED_DRAFT_ID}\">");
    let start = text.find(&marker)? + marker.len();
    let end = start + text[start..].find("</script>")?;
    Some(&text[start..end])
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::template::seed_sample;

    /// Compares `actual` with the golden file `name`; with UPDATE_GOLDEN=1
    /// set, writes it instead.
    fn golden(name: &str, actual: &str) {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden")
            .join(name);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, actual).unwrap();
        }
        let expected =
            std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing golden file {name}"));
        assert!(
            actual == expected,
            "{name} differs from its golden file; rerun with UPDATE_GOLDEN=1 after checking"
        );
    }

    fn sample_envelope() -> Envelope {
        Envelope::new("1", seed_sample(), 1_795_858_363_609.0)
    }

    #[test]
    fn seed_sample_markdown_matches_its_golden_file() {
        golden("seed-sample.md", &markdown(&seed_sample()));
    }

    #[test]
    fn seed_sample_text_matches_its_golden_file() {
        golden("seed-sample.txt", &plain_text(&seed_sample()));
    }

    #[test]
    fn seed_sample_html_matches_its_golden_file() {
        golden("seed-sample.html", &html(&mut sample_envelope()));
    }

    #[test]
    fn regression_the_html_header_ignored_the_ruleset() {
        // A state document's HTML had every header line in 14 pt, both
        // lines of the national heading underlined (so the first broke
        // onto two lines), and the Party's underlined "Nơi nhận:".
        let mut sample = seed_sample();
        sample.meta.ruleset = crate::model::Ruleset::State;
        let text = html(&mut Envelope::new("1", sample, 0.0));
        assert!(text
            .contains("<p class=\"national\"><span>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</span></p>"));
        assert!(text
            .contains("<p class=\"national rule\"><span>Độc lập - Tự do - Hạnh phúc</span></p>"));
        assert!(text.contains(".national { font-size: 13pt; white-space: nowrap; }"));
        assert!(text.contains(".header td:first-child { width: 38%; }"));
        assert!(text.contains("<p class=\"recipients-heading\"><b><i>Nơi nhận:</i></b></p>"));
        assert!(text.contains("<p class=\"authority\">BÍ THƯ</p>"));
    }

    #[test]
    fn the_html_export_opens_again_as_the_same_draft() {
        let text = html(&mut sample_envelope());
        let incoming = crate::transfer::read_file(text.as_bytes()).unwrap();
        assert_eq!(incoming.document, seed_sample());
    }

    #[test]
    fn script_payloads_stay_text_in_every_export() {
        let payload = "</script><script>alert(1)</script><img src=x onerror=alert(2)> *đậm* [link](javascript:x)";
        let mut document = seed_sample();
        document.title = payload.into();
        document.meta.subject = payload.into();
        document.sections[0].heading = payload.into();
        document.closing.recipients.push(payload.into());
        let mut envelope = Envelope::new("1", document.clone(), 0.0);
        let page = html(&mut envelope);
        assert!(
            !page.contains("<script>alert"),
            "raw script in the HTML export"
        );
        assert!(!page.contains("<img src=x"), "raw img in the HTML export");
        assert_eq!(page.matches("<script").count(), 1, "only the data block");
        assert!(page.contains("default-src 'none'"));
        // The embedded draft still reads back with the payload as text.
        let back = crate::transfer::read_file(page.as_bytes()).unwrap();
        assert_eq!(back.document.title, payload);
        let md = markdown(&document);
        assert!(!md.contains("<script>"));
        assert!(md.contains("\\*đậm\\*"));
        assert!(md.contains("\\[link\\]"));
    }

    /// Defect 7 (the HTML side): noncharacters and control characters in
    /// a draft stored by an older version reached the HTML export.
    #[test]
    fn html_with_noncharacters_carries_none() {
        let bad = "\u{fffe}\u{ffff}\u{fdd0}\u{1fffe}\u{10ffff}\u{b}\u{1}";
        let mut document = seed_sample();
        document.meta.subject = format!("tổng{bad} kết");
        document.closing.signer_name = format!("Nguyễn{bad} Văn Kiệt");
        document.sections[0].heading = format!("Phần{bad} một");
        let page = html(&mut Envelope::new("1", document, 0.0));
        let (shown, _) = page.split_once(EMBEDDED_DRAFT_ID).unwrap();
        assert_eq!(
            shown.chars().find(|c| !crate::text::is_xml_safe(*c)),
            None,
            "a noncharacter or control character in the HTML"
        );
        assert!(shown.contains("tổng kết"));
        assert!(shown.contains("Nguyễn Văn Kiệt"));
    }

    #[test]
    fn markdown_keeps_list_like_text_as_text() {
        assert_eq!(
            escape_markdown("- không phải gạch đầu dòng"),
            "\\- không phải gạch đầu dòng"
        );
        assert_eq!(
            escape_markdown("12. không phải mục"),
            "\\12. không phải mục"
        );
        assert_eq!(escape_markdown("Năm 2020. Tốt"), "Năm 2020. Tốt");
    }

    #[test]
    fn recipients_take_the_rulesets_punctuation() {
        let mut document = seed_sample();
        assert_eq!(
            recipient_lines(&document),
            ["- Ban Chỉ đạo 832 Huyện,", "- Lưu Văn phòng Đảng ủy."]
        );
        document.meta.ruleset = crate::model::Ruleset::State;
        document.closing.recipients = vec!["Như trên;".into(), "Lưu: VT".into()];
        assert_eq!(recipient_lines(&document), ["- Như trên;", "- Lưu: VT."]);
    }
}
