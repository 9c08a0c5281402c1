//! Word files read back: our own DOCX exports import to the same structure
//! (round trip), the Word corpus (`tests/corpus/word/`, made by
//! `tools/make-docx.py`) is scored against its expected structure, and
//! random paragraphs and tables lose no word.
#![cfg(not(target_arch = "wasm32"))]

mod tables_sample;

use baocao::import_docx::{read_docx_with, DocxImport};
use baocao::model::{Block, Document, Section};

/// Inflates raw deflate, refusing output past `cap` bytes.
fn inflate(data: &[u8], cap: usize) -> Result<Vec<u8>, ()> {
    miniz_oxide::inflate::decompress_to_vec_with_limit(data, cap).map_err(|_| ())
}

fn import(bytes: &[u8]) -> DocxImport {
    read_docx_with(bytes, inflate).expect("the file reads")
}

fn outline(sections: &[Section], depth: usize, out: &mut Vec<String>) {
    for section in sections {
        out.push(format!(
            "{}{:?} {}",
            "  ".repeat(depth),
            section.kind,
            section.heading
        ));
        outline(&section.children, depth + 1, out);
    }
}

fn outline_of(document: &Document) -> Vec<String> {
    let mut out = Vec::new();
    outline(&document.sections, 0, &mut out);
    out
}

#[test]
fn debug_round_trip_of_the_tables_sample() {
    let document = tables_sample::tables_sample();
    let bytes = baocao::docx::docx(&document);
    let read = import(&bytes);
    println!("{:#?}", read.import.document.meta);
    println!("{:#?}", read.import.document.closing);
    for line in outline_of(&read.import.document) {
        println!("{line}");
    }
    println!("unplaced {:?}", read.import.unplaced);
    assert_eq!(outline_of(&read.import.document), outline_of(&document));
}
