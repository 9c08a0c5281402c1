//! One layout for the frame: for both rulesets, a filled draft and an
//! unfinished one (no number, no date) carry the same header, title and
//! closing lines, in the same order, in every output: Markdown, plain text,
//! HTML, the DOCX's `document.xml`, and the preview, which sets
//! `frame::frame`'s lines as they are. Each output is read back as text the
//! way a reader would see it (markup, escapes and rules taken off).
#![cfg(not(target_arch = "wasm32"))]

mod tables_sample;

use baocao::docx::document_xml;
use baocao::export::{html, markdown, plain_text};
use baocao::frame::{frame, Rule};
use baocao::model::{DocDate, Document, Ruleset};
use baocao::persist::Envelope;
use baocao::template::{builtin, instantiate};

fn template(id: &str) -> Document {
    let template = builtin()
        .into_iter()
        .find(|template| template.id == id)
        .unwrap_or_else(|| panic!("no template {id}"));
    instantiate(&template)
}

/// The blank drafts of both rulesets, filled in, and the same left
/// unfinished: no number, no date, no signer.
fn drafts() -> Vec<(String, Document)> {
    let mut out = Vec::new();
    for (id, number) in [
        ("bao-cao-dang-trong", "12-BC/ĐU"),
        ("bao-cao-nha-nuoc-trong", "02/BC-UBND"),
    ] {
        let mut filled = template(id);
        let meta = &mut filled.meta;
        // Two levels above a chi bộ since 2025, one per line.
        meta.superior_body = "Đảng bộ tỉnh Đồng Tháp\nĐảng ủy xã Lấp Vò".into();
        meta.issuing_body = "Chi bộ Trường THPT Lấp Vò 2".into();
        meta.number_symbol = number.into();
        meta.place = "Lấp Vò".into();
        meta.date = DocDate {
            day: Some(5),
            month: Some(1),
            year: Some(2026),
        };
        meta.subject = "tổng kết năm học 2025 - 2026".into();
        filled.closing.signer_name = "Nguyễn Văn Kiệt".into();
        filled.closing.recipients.insert(0, "Đảng ủy xã".into());
        let mut unfinished = filled.clone();
        unfinished.meta.number_symbol.clear();
        unfinished.meta.date = DocDate::default();
        unfinished.closing.signer_name.clear();
        out.push((format!("{id}, filled"), filled));
        out.push((format!("{id}, unfinished"), unfinished));
    }
    out
}

fn unescape_entities(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Lines as a reader sees them: trailing spaces off, empty lines left out.
fn visible(lines: impl IntoIterator<Item = String>) -> Vec<String> {
    lines
        .into_iter()
        .map(|line| line.trim_end().to_owned())
        .filter(|line| !line.is_empty())
        .collect()
}

fn markdown_lines(text: &str) -> Vec<String> {
    visible(text.lines().map(|line| {
        let line = line.trim_end();
        let line = line.strip_prefix("# ").unwrap_or(line);
        let mut line = line;
        for marks in ["***", "**", "*"] {
            if line.len() > 2 * marks.len() && line.starts_with(marks) && line.ends_with(marks) {
                line = &line[marks.len()..line.len() - marks.len()];
                break;
            }
        }
        let mut out = String::new();
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => out.extend(chars.next()),
                c => out.push(c),
            }
        }
        out
    }))
}

/// The text of every paragraph between `open` and `close`, tags off.
fn tagged_paragraphs(xml: &str, open: &str, close: &str) -> Vec<String> {
    visible(xml.split(open).skip(1).map(|paragraph| {
        let inner = format!("{open}{}", paragraph.split(close).next().unwrap_or(""));
        let mut text = String::new();
        let mut in_tag = false;
        for c in inner.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        unescape_entities(&text)
    }))
}

fn html_lines(page: &str) -> Vec<String> {
    let article = page
        .split_once("<article class=\"sheet\">")
        .and_then(|(_, rest)| rest.split_once("</article>"))
        .map(|(article, _)| article)
        .unwrap();
    // `<p ` or `<p>`, not `<pre>`.
    let marked = article.replace("<p>", "<p >");
    tagged_paragraphs(&marked, "<p ", "</p>")
}

fn docx_lines(xml: &str) -> Vec<String> {
    tagged_paragraphs(xml, "<w:p>", "</w:p>")
}

#[test]
fn every_output_carries_the_same_frame_lines_in_the_same_order() {
    for (name, document) in drafts() {
        let frame = frame(&document);
        let head = visible(frame.head().map(|line| line.text.clone()));
        let closing = visible(frame.closing.lines().map(|line| line.text.clone()));
        // The preview sets exactly these lines (`ui::preview` lays out
        // `frame::frame`), so its line data is the frame's.
        let preview = visible(frame.lines().map(|line| line.text.clone()));
        assert_eq!(preview, [head.clone(), closing.clone()].concat());
        assert!(head.len() >= 6, "{name}: {head:?}");

        let mut envelope = Envelope::new("1", document.clone(), 0.0);
        let outputs = [
            ("Markdown", markdown_lines(&markdown(&document))),
            (
                "plain text",
                visible(plain_text(&document).lines().map(str::to_owned)),
            ),
            ("HTML", html_lines(&html(&mut envelope))),
            ("DOCX", docx_lines(&document_xml(&document))),
        ];
        // The DOCX draws the rule under the subject as a line, not as text.
        let drawn = visible(
            frame
                .head()
                .filter(|line| !matches!(line.rule, Some(Rule::Short { .. })))
                .map(|line| line.text.clone()),
        );
        for (output, lines) in outputs {
            let head = if output == "DOCX" { &drawn } else { &head };
            assert!(
                lines.len() > head.len() + closing.len(),
                "{name}, {output}: {lines:?}"
            );
            assert_eq!(lines[..head.len()], head[..], "{name}, {output}: the head");
            assert_eq!(
                lines[lines.len() - closing.len()..],
                closing[..],
                "{name}, {output}: the closing"
            );
        }
    }
}

#[test]
fn an_unfinished_draft_keeps_its_number_and_date_lines_with_blanks() {
    for (name, document) in drafts() {
        let ruleset = document.meta.ruleset;
        let prefix = match ruleset {
            Ruleset::Party => "Số ",
            Ruleset::State => "Số: ",
        };
        let lines = visible(plain_text(&document).lines().map(str::to_owned));
        let text = plain_text(&document);
        if name.ends_with("unfinished") {
            assert!(
                text.contains(&format!("{prefix}        \n")),
                "{name}: no room for the number"
            );
            assert!(
                text.contains("Lấp Vò, ngày      tháng      năm     \n"),
                "{name}"
            );
            assert!(!lines.contains(&"Nguyễn Văn Kiệt".to_owned()), "{name}");
        } else {
            assert!(lines
                .iter()
                .any(|line| line.starts_with(prefix) && line.len() > 8));
            assert!(lines.contains(&"Lấp Vò, ngày 05 tháng 01 năm 2026".to_owned()));
        }
    }
}

/// The plain-text export is a report with its frame, so reading it back
/// as text (`import_text`) gives the same frame, unfinished or not.
#[test]
fn the_plain_text_export_reads_back_with_the_same_frame() {
    for (name, document) in drafts() {
        let back = baocao::import_text::read_text(&plain_text(&document));
        assert!(back.unplaced.is_empty(), "{name}: {:?}", back.unplaced);
        assert_eq!(back.document.meta.ruleset, document.meta.ruleset, "{name}");
        let texts = |document: &Document| -> Vec<String> {
            frame(document)
                .lines()
                .map(|line| line.text.clone())
                .collect()
        };
        assert_eq!(texts(&back.document), texts(&document), "{name}");
    }
}

/// With appendices, the closing is no longer the last thing: each output
/// carries the closing's lines whole and in order, then the appendices
/// (`render::appendices`), never the other way round.
#[test]
fn the_closing_comes_whole_before_the_appendices_in_every_output() {
    let document = tables_sample::tables_sample();
    let frame = frame(&document);
    let closing = visible(frame.closing.lines().map(|line| line.text.clone()));
    let mut envelope = Envelope::new("1", document.clone(), 0.0);
    let page = html(&mut envelope);
    let html_all: Vec<String> = page
        .split("<article class=\"")
        .skip(1)
        .flat_map(|article| {
            let article = article.split_once("</article>").map_or(article, |(a, _)| a);
            tagged_paragraphs(&article.replace("<p>", "<p >"), "<p ", "</p>")
        })
        .collect();
    let outputs = [
        ("Markdown", markdown_lines(&markdown(&document))),
        (
            "plain text",
            visible(plain_text(&document).lines().map(str::to_owned)),
        ),
        ("HTML", html_all),
        ("DOCX", docx_lines(&document_xml(&document))),
    ];
    for (output, lines) in outputs {
        let start = lines
            .iter()
            .position(|line| *line == closing[0])
            .unwrap_or_else(|| panic!("{output}: no closing in {lines:?}"));
        assert_eq!(
            lines[start..start + closing.len()],
            closing[..],
            "{output}: the closing"
        );
        let appendix = lines
            .iter()
            .position(|line| line.trim_start_matches("## ") == "PHỤ LỤC")
            .unwrap_or_else(|| panic!("{output}: no appendix in {lines:?}"));
        assert!(appendix >= start + closing.len(), "{output}: {lines:?}");
    }
}
