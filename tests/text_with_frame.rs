//! A report as text with its full frame (two-column header, title and
//! subject, signature block, "Nơi nhận:"), in Unicode and as the same report
//! typed in TCVN3 (.VnTime/.VnTimeH) and saved by an old Word as a Latin-1
//! file. `tests/fixtures/make-tcvn3.py` wrote the second from the first.

use baocao::legacy_encoding::LegacyEncoding;
use baocao::model::{Block, DocDate, Ruleset};
use baocao::transfer::read_file;

const UNICODE: &[u8] = include_bytes!("fixtures/tcvn3-source.txt");
const TCVN3: &[u8] = include_bytes!("fixtures/tcvn3-bao-cao.txt");

#[test]
fn the_frame_becomes_metadata() {
    let incoming = read_file(UNICODE).unwrap();
    assert_eq!(incoming.converted_from, None);
    assert!(incoming.unplaced.is_empty(), "{:?}", incoming.unplaced);
    let document = incoming.document;
    let meta = &document.meta;
    assert_eq!(meta.ruleset, Ruleset::Party);
    assert_eq!(meta.superior_body, "ĐẢNG BỘ HUYỆN LẤP VÒ");
    assert_eq!(meta.issuing_body, "ĐẢNG ỦY TRƯỜNG THPT LẤP VÒ 2");
    assert_eq!(meta.number_symbol, "12-BC/ĐU");
    assert_eq!(meta.place, "Lấp Vò");
    assert_eq!(
        meta.date,
        DocDate {
            day: Some(5),
            month: Some(1),
            year: Some(2026)
        }
    );
    assert_eq!(meta.doc_type, "BÁO CÁO");
    assert_eq!(
        meta.subject,
        "tổng kết đổi mới phương thức lãnh đạo của Đảng"
    );
    let closing = &document.closing;
    assert_eq!(closing.signing_authority, "T/M ĐẢNG ỦY");
    assert_eq!(closing.position, "BÍ THƯ");
    assert_eq!(closing.signer_name, "Nguyễn Văn Kiệt");
    assert_eq!(
        closing.recipients,
        ["Huyện ủy Lấp Vò,", "Lưu Văn phòng Đảng ủy."]
    );
    assert!(
        matches!(&document.preamble[..], [Block::Paragraph(p)] if p.text.starts_with("Thực hiện Kế hoạch số 01-KH/BCĐ"))
    );
    assert_eq!(document.sections.len(), 1);
    assert_eq!(document.sections[0].children.len(), 1);
}

#[test]
fn tcvn3_file_is_detected_and_converted() {
    let legacy = read_file(TCVN3).unwrap();
    assert_eq!(legacy.converted_from, Some(LegacyEncoding::Tcvn3));
    let unicode = read_file(UNICODE).unwrap();
    assert_eq!(legacy.document, unicode.document);
    assert_eq!(legacy.unplaced, unicode.unplaced);
}

#[test]
fn tcvn3_pasted_as_text_is_converted_too() {
    // Pasting from Word gives the same characters as the file read as
    // Latin-1.
    let pasted: String = TCVN3.iter().map(|&b| char::from(b)).collect();
    let imported = baocao::import_text::read_text(&pasted);
    assert_eq!(imported.converted_from, Some(LegacyEncoding::Tcvn3));
    assert_eq!(
        imported.document.meta.issuing_body,
        "ĐẢNG ỦY TRƯỜNG THPT LẤP VÒ 2"
    );
}

#[test]
fn notepad_unicode_file_is_read() {
    let text = std::str::from_utf8(UNICODE).unwrap();
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let incoming = read_file(&bytes).unwrap();
    assert_eq!(incoming.document, read_file(UNICODE).unwrap().document);
}
