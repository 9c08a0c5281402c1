//! Tests of reading the clipboard: tab-separated text and the HTML of
//! Excel, LibreOffice Calc and Word as they put it there, hostile HTML, and
//! new tables made from what was read.

use super::*;
use crate::table::view;

fn strings(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|row| row.iter().map(|text| (*text).to_owned()).collect())
        .collect()
}

#[test]
fn tab_separated_text_as_excel_writes_it() {
    // Excel: CRLF after every row, the last one too; a cell with a line
    // break quoted, its quotes doubled.
    let text = "Chỉ tiêu\tKỳ này\tCùng kỳ\r\n\"Kết nạp\r\nđảng viên\"\t12\t10\r\n\"Nói \"\"có\"\"\"\t\t3\r\n";
    assert_eq!(
        from_tsv(text),
        strings(&[
            &["Chỉ tiêu", "Kỳ này", "Cùng kỳ"],
            &["Kết nạp\nđảng viên", "12", "10"],
            &["Nói \"có\"", "", "3"],
        ])
    );
}

#[test]
fn tab_separated_text_from_calc_and_word_without_a_last_line_end() {
    assert_eq!(
        from_tsv("Khối 10\t1.234,5\nKhối 11\t980"),
        strings(&[&["Khối 10", "1.234,5"], &["Khối 11", "980"]])
    );
    // A quote that does not close a cell is text.
    assert_eq!(
        from_tsv("5\" ống\t\"a\"b\n"),
        strings(&[&["5\" ống", "\"a\"b"]])
    );
    // An unclosed quote at the end is text too.
    assert_eq!(from_tsv("\"abc\tx"), strings(&[&["\"abc", "x"]]));
    assert_eq!(from_tsv(""), Vec::<Vec<String>>::new());
    assert_eq!(from_tsv("\r\n"), strings(&[&[""]]));
    // A tab in a quoted cell stays in the cell.
    assert_eq!(from_tsv("\"a\tb\"\tc"), strings(&[&["a\tb", "c"]]));
}

/// What Excel 2016 on Windows puts in `text/html` for a copied range (as a
/// browser hands it over: the CF_HTML document, styles in the head, the
/// fragment between comments, attributes without quotes, a hidden row for
/// misaligned columns).
const EXCEL_HTML: &str = r##"<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:x="urn:schemas-microsoft-com:office:excel"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Excel.Sheet>
<meta name=Generator content="Microsoft Excel 15">
<style>
<!--table
	{mso-displayed-decimal-separator:"\,";
	mso-displayed-thousand-separator:"\.";}
td {padding-top:1px; color:black; font-family:"Times New Roman";}
.xl65 {text-align:center; border:.5pt solid windowtext;}
-->
</style>
</head>
<body link="#0563C1" vlink="#954F72">
<table border=0 cellpadding=0 cellspacing=0 width=320 style='border-collapse:
 collapse;width:240pt'>
<!--StartFragment-->
 <col width=128 style='width:96pt'>
 <col width=64 span=3 style='width:48pt'>
 <tr height=20 style='height:15.0pt'>
  <td rowspan=2 height=40 class=xl65 width=128 style='height:30.0pt;
  width:96pt'>Khối lớp</td>
  <td colspan=2 class=xl65 width=128 style='border-left:none;width:96pt'>Tốt</td>
  <td rowspan=2 class=xl65 width=64 style='width:48pt'>Ghi&nbsp;chú</td>
 </tr>
 <tr height=20 style='height:15.0pt'>
  <td height=20 class=xl65 style='height:15.0pt'>SL</td>
  <td class=xl65>%</td>
 </tr>
 <tr height=20 style='height:15.0pt'>
  <td height=20 class=xl66 style='height:15.0pt'>Khối 10</td>
  <td class=xl67 align=right x:num>120</td>
  <td class=xl68 align=right x:num="0.4">40,0</td>
  <td class=xl66>Tăng<br style='mso-data-placement:same-cell'>
  so với năm trước</td>
 </tr>
 <tr height=20 style='height:15.0pt'>
  <td height=20 class=xl66 style='height:15.0pt'>Tổng cộng</td>
  <td class=xl67 align=right x:num>120</td>
  <td class=xl68></td>
  <td class=xl66>&lt;x&gt; &amp; &#7871;&#x1EBF;</td>
 </tr>
 <![if supportMisalignedColumns]>
 <tr height=0 style='display:none'>
  <td width=128 style='width:96pt'></td>
  <td width=64 style='width:48pt'></td>
 </tr>
 <![endif]>
<!--EndFragment-->
</table>
</body>
</html>"##;

#[test]
fn excel_html_gives_the_grid_with_its_merges() {
    let grid = from_html(EXCEL_HTML).unwrap();
    assert_eq!(
        grid.rows,
        strings(&[
            &["Khối lớp", "Tốt", "", "Ghi chú"],
            &["", "SL", "%", ""],
            &["Khối 10", "120", "40,0", "Tăng\nso với năm trước"],
            &["Tổng cộng", "120", "", "<x> & ếế"],
        ])
    );
    assert_eq!(
        grid.merges,
        [
            Merge {
                row: 0,
                col: 0,
                rows: 2,
                cols: 1
            },
            Merge {
                row: 0,
                col: 1,
                rows: 1,
                cols: 2
            },
            Merge {
                row: 0,
                col: 3,
                rows: 2,
                cols: 1
            },
        ]
    );
}

/// LibreOffice Calc 7: quoted attributes, `colgroup`, `sdval` numbers,
/// `<font>` inside cells, upper-case tags in older versions.
const CALC_HTML: &str = r##"<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">
<HTML>
<HEAD>
	<META HTTP-EQUIV="CONTENT-TYPE" CONTENT="text/html; charset=utf-8">
	<TITLE></TITLE>
	<STYLE>
		<!-- 
		BODY,DIV,TABLE,THEAD,TBODY,TFOOT,TR,TH,TD,P { font-family:"Liberation Sans"; font-size:x-small }
		 -->
	</STYLE>
</HEAD>
<BODY TEXT="#000000">
<TABLE FRAME=VOID CELLSPACING=0 COLS=3 RULES=NONE BORDER=0>
	<COLGROUP><COL WIDTH=110><COL WIDTH=86><COL WIDTH=86></COLGROUP>
	<TBODY>
		<TR>
			<TD WIDTH=110 HEIGHT=17 ALIGN=LEFT><FONT FACE="Times New Roman">Chỉ tiêu</FONT></TD>
			<TD WIDTH=86 ALIGN=LEFT>Kỳ này</TD>
			<TD WIDTH=86 ALIGN=LEFT>Cùng kỳ</TD>
		</TR>
		<TR>
			<TD HEIGHT=17 ALIGN=LEFT>Kết nạp</TD>
			<TD ALIGN=RIGHT SDVAL="12" SDNUM="1066;">12</TD>
			<TD ALIGN=RIGHT SDVAL="1234.5" SDNUM="1066;0;#.##0,0">1.234,5</TD>
		</TR>
	</TBODY>
</TABLE>
</BODY>
</HTML>"##;

#[test]
fn calc_html_gives_its_cells() {
    let grid = from_html(CALC_HTML).unwrap();
    assert_eq!(
        grid.rows,
        strings(&[
            &["Chỉ tiêu", "Kỳ này", "Cùng kỳ"],
            &["Kết nạp", "12", "1.234,5"],
        ])
    );
    assert!(grid.merges.is_empty());
}

/// Word 2016: a `MsoTableGrid` with paragraphs in cells, `<o:p>` tags,
/// `&nbsp;` in empty cells, conditional comments and `lang` spans.
const WORD_HTML: &str = r##"<html xmlns:o="urn:schemas-microsoft-com:office:office">
<body lang=EN-US style='tab-interval:36.0pt'>
<!--StartFragment-->
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0
 style='border-collapse:collapse;border:none;mso-yfti-tbllook:1184'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=208 valign=top style='width:155.8pt;border:solid windowtext 1.0pt;
  padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><b><span lang=VI style='font-size:13.0pt'>Xếp
  loại<o:p></o:p></span></b></p>
  </td>
  <td width=208 valign=top style='width:155.8pt'>
  <p class=MsoNormal><b><span lang=VI>Số lượng<o:p></o:p></span></b></p>
  </td>
 </tr>
 <tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'>
  <td width=208 valign=top>
  <p class=MsoNormal><span lang=VI>Hoàn thành<o:p></o:p></span></p>
  <p class=MsoNormal><span lang=VI>tốt nhiệm vụ<o:p></o:p></span></p>
  </td>
  <td width=208 valign=top>
  <p class=MsoNormal><o:p>&nbsp;</o:p></p>
  </td>
 </tr>
</table>
<!--EndFragment-->
</body>
</html>"##;

#[test]
fn word_html_keeps_paragraphs_as_lines_and_empty_cells_empty() {
    let grid = from_html(WORD_HTML).unwrap();
    assert_eq!(
        grid.rows,
        strings(&[&["Xếp loại", "Số lượng"], &["Hoàn thành\ntốt nhiệm vụ", ""],])
    );
}

#[test]
fn html_without_a_table_gives_nothing() {
    assert_eq!(from_html("<p>Chỉ một đoạn văn</p>"), None);
    assert_eq!(from_html(""), None);
    assert_eq!(from_html("<table></table>"), None);
}

#[test]
fn hostile_html_never_panics_and_stays_in_bounds() {
    let long_tags = "<a x='".repeat(20_000);
    let huge_spans = "<table><tr><td colspan=999999 rowspan=999999>x</td></tr></table>";
    let many = format!(
        "<table>{}</table>",
        "<tr><td>1</td><td>2</td></tr>".repeat(30_000)
    );
    let cases: Vec<String> = vec![
        "<table><tr><td>a".into(),
        "<table><td>outside a row</td><tr><td rowspan=0 colspan=-3>b</td>".into(),
        "<table><tr><td>&#0;&#xFFFFFFFF;&#99999999999;&bogus;&</td></tr></table>".into(),
        "<table><tr><td><table><tr><td>inner</td></tr></table> outer</td></tr></table>".into(),
        "<<<<>>>>< table><tr><td>é".into(),
        "<table><tr><td>Tiếng Việt có dấu ở cuối <".into(),
        "<!-- never closed <table><tr><td>x".into(),
        "<table><tr><td a=\"unclosed>x</td></tr></table>".into(),
        "<table><style>td{}".into(),
        long_tags,
        huge_spans.into(),
        many,
    ];
    for html in &cases {
        if let Some(grid) = from_html(html) {
            let places: usize = grid.rows.iter().map(Vec::len).sum();
            assert!(places <= GRID_LIMIT + MAX_COLUMNS + 1, "{places}");
            // And a table from it is made or refused, never a panic.
            let _ = table_from_grid(grid, None);
        }
    }
    let nested = from_html(&cases[3]).unwrap();
    assert_eq!(nested.rows, strings(&[&["inner outer"]]));
    assert_eq!(
        from_html(&cases[2]).unwrap().rows[0][0],
        "&#0;&#xFFFFFFFF;&#99999999999;&bogus;&"
    );
    let huge = from_html(huge_spans).unwrap();
    assert_eq!(huge.rows.len(), 1);
    assert_eq!(table_from_grid(huge, None), Err(TableError::TooBig));
}

#[test]
fn a_pasted_excel_table_becomes_a_table_with_header_merges_and_total() {
    let grid = from_html(EXCEL_HTML).unwrap();
    let table = table_from_grid(grid, None).unwrap();
    assert_eq!(table.header.len(), 2);
    assert_eq!(table.merges.len(), 3);
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.columns[0].kind, ColumnKind::Text);
    assert_eq!(table.columns[1].kind, ColumnKind::Number { decimals: 0 });
    assert_eq!(table.columns[2].kind, ColumnKind::Number { decimals: 0 });
    assert_eq!(table.columns[3].kind, ColumnKind::Text);
    assert_eq!(table.rows[1].kind, RowKind::Total);
    // The typed total agrees with the rows: it follows them from now on.
    assert_eq!(table.rows[1].cells[1], Cell::default());
    assert_eq!(view(&table).rows[1].cells[1].text, "120");
    assert_eq!(table.invariant_problem(), None);
}

#[test]
fn a_disagreeing_total_stays_typed_and_a_column_number_row_is_found() {
    let text = "Chỉ tiêu\tKỳ này\tCùng kỳ\r\n1\t2\t3\r\nKết nạp\t12\t10\r\nChuyển đến\t3,5\t4\r\nTổng số\t17\t14\r\n";
    let table = table_from_grid(from_tsv(text), None).unwrap();
    assert_eq!(table.header, strings(&[&["Chỉ tiêu", "Kỳ này", "Cùng kỳ"]]));
    assert!(table.number_row);
    assert_eq!(table.rows.len(), 3);
    assert_eq!(table.columns[1].kind, ColumnKind::Number { decimals: 1 });
    let total = &table.rows[2];
    assert_eq!(total.kind, RowKind::Total);
    // 12 + 3,5 = 15,5, not 17: kept as typed, for the check to point at.
    assert_eq!(
        total.cells[1],
        Cell {
            text: "17".into(),
            typed: true
        }
    );
    // 10 + 4 = 14 agrees.
    assert_eq!(total.cells[2], Cell::default());
}

#[test]
fn a_row_count_column_is_text_and_all_number_grids_get_an_empty_header() {
    let table = table_from_grid(
        strings(&[&["1", "Lớp 10A", "40"], &["2", "Lớp 10B", "42"]]),
        None,
    )
    .unwrap();
    assert_eq!(table.columns[0].kind, ColumnKind::Text);
    assert_eq!(table.columns[2].kind, ColumnKind::Number { decimals: 0 });
    assert_eq!(table.header, strings(&[&["", "", ""]]));
    assert_eq!(table.rows.len(), 2);
    // Words only: the first row is the header.
    let words =
        table_from_grid(strings(&[&["Họ tên", "Chức vụ"], &["An", "Bí thư"]]), None).unwrap();
    assert_eq!(words.header.len(), 1);
    assert_eq!(words.rows.len(), 1);
    // Told how many header rows there are.
    let told = table_from_grid(strings(&[&["a", "1"], &["b", "2"], &["c", "3"]]), Some(2)).unwrap();
    assert_eq!(told.header.len(), 2);
    assert_eq!(table_from_grid(Vec::new(), None), Err(TableError::NotFound));
    // Ragged rows are filled out.
    let ragged = table_from_grid(strings(&[&["x"], &["y", "1", "2"]]), None).unwrap();
    assert_eq!(ragged.invariant_problem(), None);
}

#[test]
fn total_row_labels_are_recognised_in_any_case() {
    use crate::rules::is_total_label;
    for yes in [
        "Tổng cộng",
        "TỔNG CỘNG:",
        " Cộng ",
        "Tổng số đảng viên",
        "Tổng",
    ] {
        assert!(is_total_label(yes), "{yes}");
    }
    for no in ["Cộng đồng", "Tổng kết", "Khối 10", ""] {
        assert!(!is_total_label(no), "{no}");
    }
}

#[test]
fn a_column_number_row_may_letter_its_word_columns() {
    let table = table_from_grid(
        strings(&[
            &["Chỉ tiêu", "Đơn vị", "Kỳ này", "Cùng kỳ", "%"],
            &["A", "B", "1", "2", "(3)=1:2"],
            &["Kết nạp", "người", "12", "10", "120"],
        ]),
        None,
    )
    .unwrap();
    assert!(table.number_row);
    assert_eq!(table.header.len(), 1);
    assert_eq!(table.rows.len(), 1);
    // Neither a row of letters alone nor words are a number row.
    assert!(!is_number_row(&strings(&[&["A", "B"]])[0]));
    assert!(!is_number_row(&strings(&[&["1", "3"]])[0]));
    assert_eq!(
        decode_entities("a&ndash;b&hellip;&ldquo;x&rdquo;"),
        "a–b…“x”"
    );
}

#[test]
fn a_paste_prefers_the_html_table_and_falls_back_to_the_text() {
    let grid = read_clipboard("Khối lớp\tTốt\r\n", Some(EXCEL_HTML)).unwrap();
    assert_eq!(grid.merges.len(), 3);
    let grid = read_clipboard("a\tb\r\n", Some("<p>no table</p>")).unwrap();
    assert_eq!(grid.rows, strings(&[&["a", "b"]]));
    assert_eq!(read_clipboard("", None), None);
}

#[test]
fn years_heading_the_columns_are_header() {
    let table = table_from_grid(
        strings(&[
            &["Chỉ tiêu", "2023", "2024"],
            &["Kết nạp", "12", "15"],
            &["Chuyển đến", "2025", "2030"],
        ]),
        None,
    )
    .unwrap();
    assert_eq!(table.header, strings(&[&["Chỉ tiêu", "2023", "2024"]]));
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.columns[1].kind, ColumnKind::Number { decimals: 0 });
    // Figures that only look like years, in a data row: still data.
    assert!(!is_year_row(&strings(&[&["x", "2024", "2023"]])[0]));
    assert!(!is_year_row(&strings(&[&["x", "2.024", "2.025"]])[0]));
}
