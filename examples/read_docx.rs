//! Reads a Word file natively, as the app would (`import_docx`, inflating
//! with miniz_oxide), and prints what came out and how long it took:
//! `cargo run --release --example read_docx -- report.docx`.

use std::time::Instant;

fn inflate(data: &[u8], cap: usize) -> Result<Vec<u8>, ()> {
    use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};
    match decompress_to_vec_with_limit(data, cap) {
        Ok(bytes) => Ok(bytes),
        Err(error) if error.status == TINFLStatus::HasMoreOutput => Ok(error.output),
        Err(_) => Err(()),
    }
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: read_docx FILE.docx");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("cannot read {path}: {error}");
            std::process::exit(1);
        }
    };
    let started = Instant::now();
    let read = baocao::import_docx::read_docx_with(&bytes, inflate);
    let took = started.elapsed();
    match read {
        Ok(read) => {
            let document = &read.import.document;
            println!("{path}: {} bytes read in {took:?}", bytes.len());
            println!("title: {}", document.title);
            println!(
                "sections: {}, tables: {}, pictures: {}, unplaced: {}",
                baocao::numbering::outline(document).len(),
                read.tables,
                read.pictures,
                read.import.unplaced.len()
            );
            for line in &read.import.unplaced {
                println!("  unplaced: {line}");
            }
            // The same report as pasted text, for comparison: how much of
            // the time is the text reader both paths share.
            let text = baocao::export::plain_text(document);
            let started = Instant::now();
            let pasted = baocao::import_text::read_text(&text);
            println!(
                "as pasted text ({} characters): read in {:?}, {} sections",
                text.chars().count(),
                started.elapsed(),
                baocao::numbering::outline(&pasted.document).len()
            );
        }
        Err(error) => {
            println!(
                "{path}: {}",
                baocao::i18n::describe_docx_error(baocao::i18n::Lang::En, &error)
            );
            std::process::exit(1);
        }
    }
}
