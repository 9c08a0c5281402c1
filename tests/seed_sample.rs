//! The seed report, as a filled sample draft, renders back to the seed text
//! sentence by sentence (`tests/fixtures/` holds a copy of
//! `shared/seed/bao-cao-tong-ket-thpt-lap-vo-2.txt`).
#![cfg(not(target_arch = "wasm32"))]

use baocao::render::plain_text;
use baocao::template::seed_sample;
use baocao::text::to_nfc;

const SEED: &str = include_str!("fixtures/bao-cao-tong-ket-thpt-lap-vo-2.txt");

/// Website leftovers in the seed that are not part of the report.
const WEBSITE_LEFTOVERS: [&str; 1] = ["Tin bài gần đây"];

/// Splits text into sentences: whitespace (including the seed's no-break
/// spaces and hard line wraps) is folded, and a sentence ends after ".", ":",
/// ";", "!" or "?" followed by a space. The seed's "II/." is the numbering
/// "II." written with a stray slash; numbers are computed, so it compares as
/// "II.".
fn sentences(text: &str) -> Vec<String> {
    let folded = to_nfc(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("II/.", "II.");
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = folded.chars().peekable();
    while let Some(c) = chars.next() {
        current.push(c);
        if matches!(c, '.' | ':' | ';' | '!' | '?') && chars.peek() == Some(&' ') {
            out.push(current.trim().to_owned());
            current.clear();
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_owned());
    }
    out
}

fn seed_without_leftovers() -> String {
    let mut text = SEED.to_owned();
    for leftover in WEBSITE_LEFTOVERS {
        text = text.replace(leftover, "");
    }
    text
}

#[test]
fn sample_renders_every_seed_sentence_in_its_place() {
    let expected = sentences(&seed_without_leftovers());
    let actual = sentences(&plain_text(&seed_sample()));
    for (index, (want, got)) in expected.iter().zip(&actual).enumerate() {
        assert_eq!(got, want, "sentence {index} differs");
    }
    assert_eq!(
        actual.len(),
        expected.len(),
        "extra or missing sentences at the end: {:?}",
        &actual[expected.len().min(actual.len())..]
    );
    assert!(
        expected.len() >= 50,
        "the seed has {} sentences",
        expected.len()
    );
}

#[test]
fn sentence_splitter_folds_wraps_and_keeps_numbers() {
    assert_eq!(
        sentences("1. Về\nnhận thức: xong.  II/. HAI"),
        ["1.", "Về nhận thức:", "xong.", "II.", "HAI"]
    );
}

#[test]
fn importing_the_seed_text_gives_back_every_sentence() {
    let imported = baocao::import_text::read_text(SEED);
    let expected = sentences(&seed_without_leftovers());
    let actual = sentences(&plain_text(&imported.document));
    for (index, (want, got)) in expected.iter().zip(&actual).enumerate() {
        assert_eq!(got, want, "sentence {index} differs");
    }
    assert_eq!(actual.len(), expected.len());
    assert_eq!(imported.unplaced, WEBSITE_LEFTOVERS);
}
