#!/usr/bin/env python3
"""Builds the Word corpus of tests/import_docx.rs: .docx files written as raw
WordprocessingML (Python's standard library only: zipfile and strings), each
with its *.expected.json, into tests/corpus/word/.

The texts are our own, written in the shapes of real Vietnamese reports
(Party cells and communes after the 2025 reorganisation, with no district
level; commune People's Committees; schools). Word's automatic numbering is
real numbering.xml (upperRoman "%1.", decimal "%2.", lowerLetter "%3)",
bullets "-" and "+", start overrides), so LibreOffice shows the numbers.

    tools/make-docx.py                 # writes tests/corpus/word/
    tools/make-docx.py --check         # exits 1 if the committed files differ
    tools/make-docx.py --large OUT     # a >= 5 MB report for the bench

The output is byte-for-byte reproducible (fixed zip dates).
"""

import json
import os
import re
import struct
import sys
import unicodedata
import zipfile
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "corpus", "word")

W_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
)
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---------------------------------------------------------------- TCVN3


def tcvn3_table():
    """Unicode letter -> TCVN3 character, from src/legacy_encoding.rs."""
    source = open(os.path.join(ROOT, "src", "legacy_encoding.rs"), encoding="utf-8").read()
    table = {}
    for code, letter in re.findall(r"\('\\u\{([0-9a-f]+)\}', '(.)'\)", source):
        table.setdefault(letter, chr(int(code, 16)))
    return table


def to_tcvn3(text, capitals=False):
    """Text as typed in .VnTime (or in .VnTimeH, lowercase codes, when
    `capitals`)."""
    table = tcvn3_table()
    out = []
    for c in unicodedata.normalize("NFC", text):
        if capitals:
            c = c.lower()
        out.append(table.get(c, c))
    return "".join(out)


# ---------------------------------------------------------------- blocks


def run(text, bold=False, italic=False, font=None):
    props = ""
    if font:
        props += '<w:rFonts w:ascii="%s" w:hAnsi="%s"/>' % (font, font)
    if bold:
        props += "<w:b/>"
    if italic:
        props += "<w:i/>"
    parts = []
    for i, piece in enumerate(text.split("\n")):
        if i:
            parts.append("<w:br/>")
        for j, chunk in enumerate(piece.split("\t")):
            if j:
                parts.append("<w:tab/>")
            if chunk:
                parts.append('<w:t xml:space="preserve">%s</w:t>' % esc(chunk))
    return "<w:r>%s%s</w:r>" % ("<w:rPr>%s</w:rPr>" % props if props else "", "".join(parts))


def P(content="", style=None, num=None, jc=None, bold=False, italic=False, font=None, sect=None):
    """A paragraph. `content` is a text or a list of runs (run(...)).
    `num` = (numId, ilvl). `sect` = "portrait"/"landscape" ends a section."""
    props = ""
    if style:
        props += '<w:pStyle w:val="%s"/>' % style
    if num:
        props += '<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % (num[1], num[0])
    if jc:
        props += '<w:jc w:val="%s"/>' % jc
    if sect:
        props += sect_pr(sect == "landscape")
    runs = content if isinstance(content, list) else ([run(content, bold, italic, font)] if content else [])
    return "<w:p>%s%s</w:p>" % ("<w:pPr>%s</w:pPr>" % props if props else "", "".join(runs))


def sect_pr(landscape):
    if landscape:
        size = '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'
    else:
        size = '<w:pgSz w:w="11906" w:h="16838"/>'
    return (
        "<w:sectPr>%s<w:pgMar w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\" "
        'w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>' % size
    )


def cell_xml(cell, width, borders=None):
    if not isinstance(cell, dict):
        cell = {"t": cell}
    props = '<w:tcW w:w="%d" w:type="dxa"/>' % (width * cell.get("span", 1))
    if borders == "none":
        props += "<w:tcBorders>%s</w:tcBorders>" % "".join(
            '<w:%s w:val="nil"/>' % side for side in ("top", "left", "bottom", "right"))
    if cell.get("span", 1) > 1:
        props += '<w:gridSpan w:val="%d"/>' % cell["span"]
    if cell.get("vmerge") == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif cell.get("vmerge") == "cont":
        props += "<w:vMerge/>"
    paras = cell.get("paras")
    if paras is None:
        text = cell.get("t", "")
        paras = [P(line, bold=cell.get("b", False), jc=cell.get("jc")) for line in text.split("\n")] if text else [P()]
    return "<w:tc><w:tcPr>%s</w:tcPr>%s</w:tc>" % (props, "".join(paras))


def T(rows, header_rows=0, borders=True, widths=None, style=None, cell_borders=None):
    """A table: rows of cells (a text, or a dict with t, span, vmerge, b,
    paras). `borders` True/False writes the table's own borders, None none
    (the style decides); `style` names a table style ("TableGrid");
    `cell_borders` "none" turns every cell's borders off, as Word's "No
    Border" on selected cells does."""
    columns = max(sum((c.get("span", 1) if isinstance(c, dict) else 1) for c in row) for row in rows)
    widths = widths or [9000 // columns] * columns
    if borders is None:
        border = None
    elif borders:
        border = "".join(
            '<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>' % side
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
    else:
        border = "".join(
            '<w:%s w:val="none" w:sz="0" w:space="0" w:color="auto"/>' % side
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
    out = ['<w:tbl><w:tblPr>%s<w:tblW w:w="%d" w:type="dxa"/>%s'
           '<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>'
           % ('<w:tblStyle w:val="%s"/>' % style if style else "", sum(widths),
              "<w:tblBorders>%s</w:tblBorders>" % border if border is not None else "")]
    out.extend('<w:gridCol w:w="%d"/>' % w for w in widths)
    out.append("</w:tblGrid>")
    for r, row in enumerate(rows):
        out.append("<w:tr>")
        if r < header_rows:
            out.append("<w:trPr><w:tblHeader/></w:trPr>")
        for cell in row:
            out.append(cell_xml(cell, widths[0], cell_borders))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def FRAME(left, right):
    """The borderless two-column table of a header or signature block: each
    side a list of lines (text, or (text, bold))."""

    def paras(lines):
        out = []
        for line in lines:
            if isinstance(line, tuple):
                text, bold = line
            else:
                text, bold = line, False
            out.append(P(text, jc="center", bold=bold))
        return out or [P()]

    return T([[{"paras": paras(left)}, {"paras": paras(right)}]], borders=False, widths=[3600, 5500])


def PIC(rid, name):
    return (
        "<w:p><w:r><w:drawing><wp:inline><wp:extent cx=\"952500\" cy=\"952500\"/>"
        '<wp:docPr id="1" name="%s"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="%s"/><pic:cNvPicPr/></pic:nvPicPr>'
        '<pic:blipFill><a:blip r:embed="%s"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
        "</wp:inline></w:drawing></w:r></w:p>" % (name, name, rid)
    )


def png(width=1, height=1, noise=False):
    """A PNG: grey, or noise (which does not compress) for the large file."""
    raw = bytearray()
    seed = 12345
    for _ in range(height):
        raw.append(0)
        if noise:
            for _ in range(width * 3):
                seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
                raw.append((seed >> 16) & 0xFF)
        else:
            raw.extend(b"\x80" * (width * 3))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(bytes(raw), 9))
        + chunk(b"IEND", b"")
    )


# ---------------------------------------------------------------- parts

# Numbering: abstract lists and the instances (numId) the files use.
#  abstract 0: parts "I." / items "1." / points "a)" (one multi-level list:
#    items restart under each part, points under each item)
#  abstract 1: bullets "-" then "+"
#  abstract 2: bullets "•" (Symbol) then "o" (Courier New), Word's defaults
#  abstract 3: "1." items only;  abstract 4: "a)" points only
#  abstract 5: "PHẦN" headings styled lists: "%1." decimal then "%1.%2."
ABSTRACTS = {
    0: [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)")],
    1: [("bullet", "-"), ("bullet", "+")],
    2: [("bullet", "\uf0b7"), ("bullet", "o")],
    3: [("decimal", "%1.")],
    4: [("lowerLetter", "%1)")],
    5: [("decimal", "%1."), ("decimal", "%1.%2.")],
}


def numbering_xml(instances):
    """`instances`: {numId: (abstractId, {ilvl: start override})}."""
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering %s>' % W_NS]
    for aid, levels in ABSTRACTS.items():
        out.append('<w:abstractNum w:abstractNumId="%d"><w:multiLevelType w:val="hybridMultilevel"/>' % aid)
        for ilvl, (fmt, text) in enumerate(levels):
            font = ""
            if text == "\uf0b7":
                font = '<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr>'
            elif text == "o":
                font = '<w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New"/></w:rPr>'
            out.append(
                '<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/>'
                '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="%d" w:hanging="360"/></w:pPr>%s</w:lvl>'
                % (ilvl, fmt, esc(text), 720 + 360 * ilvl, font)
            )
        out.append("</w:abstractNum>")
    for nid, (aid, overrides) in sorted(instances.items()):
        out.append('<w:num w:numId="%d"><w:abstractNumId w:val="%d"/>' % (nid, aid))
        for ilvl, start in sorted(overrides.items()):
            out.append('<w:lvlOverride w:ilvl="%d"><w:startOverride w:val="%d"/></w:lvlOverride>' % (ilvl, start))
        out.append("</w:num>")
    out.append("</w:numbering>")
    return "".join(out)


DEFAULT_INSTANCES = {1: (0, {}), 2: (1, {}), 3: (2, {}), 4: (3, {}), 5: (4, {})}


def styles_xml(numbered_headings=False):
    def heading(sid, name, level, num=None):
        numpr = ""
        if num:
            numpr = '<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % (num[1], num[0])
        return (
            '<w:style w:type="paragraph" w:styleId="%s"><w:name w:val="%s"/><w:basedOn w:val="Normal"/>'
            '<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/>%s<w:outlineLvl w:val="%d"/></w:pPr>'
            '<w:rPr><w:b/></w:rPr></w:style>' % (sid, esc(name), numpr, level)
        )

    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles %s>'
        '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
        '<w:sz w:val="28"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault></w:docDefaults>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
        '<w:pPr><w:spacing w:after="120"/><w:jc w:val="both"/></w:pPr></w:style>'
        '%s%s%s'
        '<w:style w:type="paragraph" w:styleId="TieuDeMuc"><w:name w:val="Tiêu đề mục"/><w:basedOn w:val="Normal"/>'
        '<w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="TieuDeNho"><w:name w:val="Tiêu đề nhỏ"/><w:basedOn w:val="Normal"/>'
        '<w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/>'
        '<w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>'
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/></w:style>'
        '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>'
        '<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        '<w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        '<w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>'
        "</w:styles>"
        % (
            W_NS,
            heading("Heading1", "heading 1", 0, (6, 0) if numbered_headings else None),
            heading("Heading2", "heading 2", 1, (6, 1) if numbered_headings else None),
            heading("Heading3", "heading 3", 2),
        )
    )


def build_docx(path, body, instances=None, numbering=True, pictures=(), final_landscape=False,
               numbered_headings=False, picture_bytes=None):
    """Writes a .docx of `body` (a list of block XML strings)."""
    instances = dict(DEFAULT_INSTANCES if instances is None else instances)
    if numbered_headings:
        instances[6] = (0, {})
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document %s><w:body>%s%s</w:body></w:document>'
        % (W_NS, "".join(body), sect_pr(final_landscape))
    )
    rels = ['<Relationship Id="rId1" Type="%s/styles" Target="styles.xml"/>' % REL_NS]
    if numbering:
        rels.append('<Relationship Id="rId2" Type="%s/numbering" Target="numbering.xml"/>' % REL_NS)
    for rid, name in pictures:
        rels.append('<Relationship Id="%s" Type="%s/image" Target="media/%s"/>' % (rid, REL_NS, name))
    types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="png" ContentType="image/png"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
        + ('<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' if numbering else "")
        + "</Types>"
    )
    package_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="%s/officeDocument" Target="word/document.xml"/></Relationships>' % REL_NS
    )
    doc_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>'
        % "".join(rels)
    )
    entries = [
        ("[Content_Types].xml", types),
        ("_rels/.rels", package_rels),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", doc_rels),
        ("word/styles.xml", styles_xml(numbered_headings)),
    ]
    if numbering:
        entries.append(("word/numbering.xml", numbering_xml(instances)))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in entries:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))
        for _, name in pictures:
            info = zipfile.ZipInfo("word/media/" + name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED
            z.writestr(info, picture_bytes or png(2, 2))


# ---------------------------------------------------------------- shapes

PARTS, BULLETS, SYMBOL_BULLETS, ITEMS, POINTS = 1, 2, 3, 4, 5


def party_header(superior, body, number, place, date):
    return FRAME(
        [superior, (body, True), "*", number],
        [("ĐẢNG CỘNG SẢN VIỆT NAM", True), "", "%s, ngày %s" % (place, date)],
    )


def state_header(superior, body, number, place, date):
    left = ([superior] if superior else []) + [(body, True), number]
    return FRAME(
        left,
        [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True), "",
         "%s, ngày %s" % (place, date)],
    )


def signature(recipients, authority, position, name):
    left = [("Nơi nhận:", True)] + ["- %s" % r for r in recipients]
    right = ([(authority, True)] if authority else []) + [(position, True), "", "", (name, True)]
    return FRAME(left, right)


def title(subject):
    return [P("BÁO CÁO", jc="center", bold=True), P(subject, jc="center", bold=True)]


def label(lbl, text):
    """A paragraph run in with a bold label: "Ưu điểm: …"."""
    return P([run(lbl + " ", bold=True), run(text)])


def party_expected(**fields):
    base = {"ruleset": "party"}
    base.update(fields)
    return base


FILES = {}


def corpus(name):
    def register(fn):
        FILES[name] = fn
        return fn

    return register


@corpus("01-chi-bo-tong-ket")
def chi_bo():
    body = [
        party_header("ĐẢNG BỘ XÃ HÒA AN", "CHI BỘ ẤP TÂN LỢI", "Số 07-BC/CB", "Hòa An", "12 tháng 12 năm 2026"),
        *title("tổng kết công tác năm 2026 và phương hướng nhiệm vụ năm 2027"),
        P("Thực hiện hướng dẫn của Đảng ủy xã về việc tổng kết công tác năm, Chi bộ báo cáo kết quả như sau:"),
        P("KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2026", num=(PARTS, 0), bold=True),
        P("Công tác chính trị, tư tưởng", num=(PARTS, 1), bold=True),
        P("Chi bộ tổ chức quán triệt đầy đủ các nghị quyết của cấp trên cho đảng viên."),
        P("Tổ chức sinh hoạt chuyên đề hằng quý theo đúng kế hoạch", num=(BULLETS, 0)),
        P("Nội dung sinh hoạt gắn với việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", num=(BULLETS, 1)),
        P("Nắm bắt kịp thời tâm tư của quần chúng trên địa bàn ấp", num=(BULLETS, 0)),
        P("Lãnh đạo phát triển kinh tế", num=(PARTS, 1), bold=True),
        P("Về trồng trọt", num=(PARTS, 2)),
        P("Diện tích lúa ba vụ giữ ổn định, năng suất bình quân đạt khá so với cùng kỳ."),
        P("Về chăn nuôi", num=(PARTS, 2)),
        P("Đàn gia cầm phát triển ổn định, không để xảy ra dịch bệnh lớn."),
        label("Ưu điểm:", "Chi bộ đoàn kết, đảng viên gương mẫu thực hiện nhiệm vụ được giao."),
        label("Hạn chế:", "Việc sinh hoạt chuyên đề có lúc còn chậm so với kế hoạch."),
        P("PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027", num=(PARTS, 0), bold=True),
        P("Nâng cao chất lượng sinh hoạt chi bộ", num=(PARTS, 1)),
        P("Thực hiện nghiêm chế độ sinh hoạt định kỳ và chuyên đề."),
        P("Phát triển đảng viên mới", num=(PARTS, 1)),
        P("Phấn đấu kết nạp ít nhất hai đảng viên trong năm."),
        signature(["Đảng ủy xã (b/c);", "Đảng viên chi bộ;", "Lưu chi bộ."], "T/M CHI BỘ", "BÍ THƯ", "Trần Văn Bình"),
    ]
    expected = party_expected(
        title="Báo cáo tổng kết công tác năm 2026 và phương hướng nhiệm vụ năm 2027",
        superior_body="ĐẢNG BỘ XÃ HÒA AN", issuing_body="CHI BỘ ẤP TÂN LỢI", number_symbol="07-BC/CB",
        place="Hòa An", date=[12, 12, 2026],
        parts=[
            {"heading": "KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2026", "items": 2, "points": 2},
            {"heading": "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027", "items": 2, "points": 0},
        ],
        assessments=2, bullets=3,
        signing_authority="T/M CHI BỘ", position="BÍ THƯ", signer_name="Trần Văn Bình", recipients=3,
        pictures=0, unplaced=0,
    )
    return body, {}, expected


@corpus("02-dang-uy-xa-hai-phan")
def dang_uy_xa():
    body = [
        party_header("ĐẢNG BỘ TỈNH ĐỒNG THÁP", "ĐẢNG ỦY XÃ MỸ LONG", "Số 45-BC/ĐU", "Mỹ Long", "20 tháng 12 năm 2026"),
        *title("kết quả lãnh đạo thực hiện nhiệm vụ năm 2026, phương hướng năm 2027"),
        P("PHẦN THỨ NHẤT", jc="center", bold=True),
        P("KẾT QUẢ LÃNH ĐẠO THỰC HIỆN NHIỆM VỤ NĂM 2026", jc="center", bold=True),
        P("VỀ PHÁT TRIỂN KINH TẾ", num=(PARTS, 0), bold=True),
        P("Nông nghiệp", num=(PARTS, 1)),
        P("Tổng sản lượng lương thực ước đạt kế hoạch đề ra."),
        P("Thương mại, dịch vụ", num=(PARTS, 1)),
        P("Các chợ trên địa bàn hoạt động ổn định, hàng hóa đa dạng."),
        P("VỀ XÂY DỰNG ĐẢNG", num=(PARTS, 0), bold=True),
        P("Công tác tổ chức", num=(PARTS, 1)),
        P("Kiện toàn các chi bộ trực thuộc sau sắp xếp đơn vị hành chính."),
        P("PHẦN THỨ HAI", jc="center", bold=True),
        P("PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027", jc="center", bold=True),
        P("MỤC TIÊU CHUNG", num=(7, 0), bold=True),
        P("Giữ vững ổn định chính trị, phát triển kinh tế nhanh và bền vững."),
        P("NHIỆM VỤ, GIẢI PHÁP", num=(7, 0), bold=True),
        P("Về kinh tế", num=(7, 1)),
        P("Đẩy mạnh chuyển đổi cơ cấu cây trồng phù hợp với từng vùng."),
        P("Về văn hóa, xã hội", num=(7, 1)),
        P("Chăm lo đời sống gia đình chính sách và hộ nghèo."),
        P("Về quốc phòng, an ninh", num=(7, 1)),
        P("Hoàn thành chỉ tiêu tuyển quân được giao."),
        signature(["Ban Thường vụ Tỉnh ủy (b/c);", "Các chi bộ trực thuộc;", "Lưu Văn phòng Đảng ủy."],
                  "T/M ĐẢNG ỦY", "BÍ THƯ", "Lê Thị Hồng"),
    ]
    instances = dict(DEFAULT_INSTANCES)
    # The second division's parts start from I again: a new instance of the
    # same list with a start override.
    instances[7] = (0, {0: 1})
    expected = party_expected(
        title="Báo cáo kết quả lãnh đạo thực hiện nhiệm vụ năm 2026, phương hướng năm 2027",
        superior_body="ĐẢNG BỘ TỈNH ĐỒNG THÁP", issuing_body="ĐẢNG ỦY XÃ MỸ LONG", number_symbol="45-BC/ĐU",
        place="Mỹ Long", date=[20, 12, 2026],
        divisions=[
            {"heading": "KẾT QUẢ LÃNH ĐẠO THỰC HIỆN NHIỆM VỤ NĂM 2026",
             "parts": ["VỀ PHÁT TRIỂN KINH TẾ", "VỀ XÂY DỰNG ĐẢNG"]},
            {"heading": "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027", "parts": ["MỤC TIÊU CHUNG", "NHIỆM VỤ, GIẢI PHÁP"]},
        ],
        signing_authority="T/M ĐẢNG ỦY", position="BÍ THƯ", signer_name="Lê Thị Hồng", recipients=3,
        pictures=0, unplaced=0,
    )
    return body, {"instances": instances}, expected


@corpus("03-ubnd-xa-thong-ke")
def ubnd_xa():
    table = T(
        [
            [{"t": "TT", "vmerge": "restart", "b": True}, {"t": "Chỉ tiêu", "vmerge": "restart", "b": True},
             {"t": "Năm 2025", "vmerge": "restart", "b": True}, {"t": "Năm 2026", "span": 2, "b": True}],
            [{"vmerge": "cont"}, {"vmerge": "cont"}, {"vmerge": "cont"}, {"t": "Kế hoạch", "b": True},
             {"t": "Thực hiện", "b": True}],
            ["1", "Số hộ nghèo", "124", "90", "86"],
            ["2", "Số hộ cận nghèo", "210", "180", "175"],
            ["3", "Lao động có việc làm mới", "350", "400", "412"],
            ["", "Tổng cộng", "684", "670", "673"],
        ],
        header_rows=2,
    )
    body = [
        state_header("", "ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ", "Số: 312/BC-UBND", "Tân Phú", "25 tháng 11 năm 2026"),
        *title("tình hình kinh tế - xã hội năm 2026, kế hoạch năm 2027"),
        P("TÌNH HÌNH KINH TẾ - XÃ HỘI NĂM 2026", num=(PARTS, 0), bold=True),
        P("Về giảm nghèo và việc làm", num=(PARTS, 1)),
        P("Các chỉ tiêu giảm nghèo cơ bản đạt và vượt kế hoạch, cụ thể như sau:"),
        P("Bảng 1: Kết quả giảm nghèo và giải quyết việc làm", jc="center", bold=True),
        P("Đvt: hộ, người", jc="right", italic=True),
        table,
        P("Về giáo dục", num=(PARTS, 1)),
        P("Tỷ lệ huy động trẻ ra lớp đạt kế hoạch."),
        P("KẾ HOẠCH NĂM 2027", num=(PARTS, 0), bold=True),
        P("Tiếp tục thực hiện các chương trình mục tiêu quốc gia", num=(PARTS, 1)),
        P("Ưu tiên nguồn lực cho các ấp còn khó khăn."),
        signature(["Thường trực Đảng ủy xã;", "Thường trực HĐND xã;", "Lưu: VT."],
                  "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Phạm Quốc Hưng"),
    ]
    expected = {
        "ruleset": "state",
        "title": "Báo cáo tình hình kinh tế - xã hội năm 2026, kế hoạch năm 2027",
        "issuing_body": "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ", "number_symbol": "312/BC-UBND",
        "place": "Tân Phú", "date": [25, 11, 2026],
        "parts": [
            {"heading": "TÌNH HÌNH KINH TẾ - XÃ HỘI NĂM 2026", "items": 2, "points": 0},
            {"heading": "KẾ HOẠCH NĂM 2027", "items": 1, "points": 0},
        ],
        "tables": [{"caption": "Bảng 1: Kết quả giảm nghèo và giải quyết việc làm", "unit": "hộ, người",
                    "rows": 4, "columns": 5, "header_rows": 2, "merges": 4, "total_rows": 1,
                    "cells": [[0, 1, "Số hộ nghèo"], [2, 4, "412"]]}],
        "signing_authority": "TM. ỦY BAN NHÂN DÂN", "position": "CHỦ TỊCH", "signer_name": "Phạm Quốc Hưng",
        "recipients": 3, "pictures": 0, "unplaced": 0,
    }
    return body, {}, expected


@corpus("04-truong-heading-styles")
def truong():
    body = [
        state_header("UBND XÃ PHÚ THÀNH", "TRƯỜNG TIỂU HỌC PHÚ THÀNH A", "Số: 58/BC-THPTA", "Phú Thành",
                     "30 tháng 5 năm 2026"),
        *title("tổng kết năm học 2025 - 2026"),
        P("Đặc điểm tình hình", style="Heading1"),
        P("Năm học có 18 lớp với 512 học sinh, đội ngũ cán bộ, giáo viên đủ về số lượng."),
        P("Kết quả thực hiện nhiệm vụ", style="Heading1"),
        P("Công tác dạy và học", style="Heading2"),
        P("Thực hiện đầy đủ chương trình giáo dục phổ thông theo kế hoạch.", num=(SYMBOL_BULLETS, 0)),
        P("Chú trọng rèn kỹ năng đọc, viết cho học sinh lớp một.", num=(SYMBOL_BULLETS, 1)),
        P("Công tác chủ nhiệm", style="Heading2"),
        P("Giáo viên chủ nhiệm phối hợp tốt với cha mẹ học sinh."),
        P("Phương hướng năm học 2026 - 2027", style="Heading1"),
        P("Giữ vững kết quả phổ cập giáo dục tiểu học mức độ ba."),
        signature(["Phòng Văn hóa - Xã hội xã;", "Lưu: VT."], "", "HIỆU TRƯỞNG", "Võ Thị Mai"),
    ]
    expected = {
        "ruleset": "state",
        "title": "Báo cáo tổng kết năm học 2025 - 2026",
        "superior_body": "UBND XÃ PHÚ THÀNH", "issuing_body": "TRƯỜNG TIỂU HỌC PHÚ THÀNH A",
        "number_symbol": "58/BC-THPTA", "place": "Phú Thành", "date": [30, 5, 2026],
        "parts": [
            {"heading": "Đặc điểm tình hình", "items": 0, "points": 0},
            {"heading": "Kết quả thực hiện nhiệm vụ", "items": 2, "points": 0},
            {"heading": "Phương hướng năm học 2026 - 2027", "items": 0, "points": 0},
        ],
        "bullets": 2,
        "position": "HIỆU TRƯỞNG", "signer_name": "Võ Thị Mai", "recipients": 2,
        "pictures": 0, "unplaced": 0,
    }
    return body, {}, expected


@corpus("05-chi-typed-numbers")
def typed_numbers():
    body = [
        party_header("ĐẢNG ỦY XÃ AN BÌNH", "CHI BỘ TRƯỜNG THCS AN BÌNH", "Số 03-BC/CB", "An Bình",
                     "10 tháng 6 năm 2026"),
        *title("sơ kết 6 tháng đầu năm 2026"),
        P("I. KẾT QUẢ ĐẠT ĐƯỢC", bold=True),
        P("1. Công tác giáo dục chính trị, tư tưởng", bold=True),
        P("Đảng viên chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước."),
        P("2. Công tác chuyên môn", bold=True),
        P("a) Chất lượng dạy học"),
        P("- Tỷ lệ học sinh lên lớp thẳng đạt kế hoạch."),
        P("+ Khối 9 có kết quả tốt nghiệp cao."),
        P("b) Hoạt động ngoài giờ"),
        P("- Tổ chức các hoạt động trải nghiệm theo chủ đề."),
        P("II. NHIỆM VỤ 6 THÁNG CUỐI NĂM", bold=True),
        P("1. Tiếp tục nâng cao chất lượng sinh hoạt chi bộ."),
        P("2. Chuẩn bị tốt các điều kiện cho năm học mới."),
        signature(["Đảng ủy xã (b/c);", "Lưu chi bộ."], "T/M CHI BỘ", "BÍ THƯ", "Đặng Minh Tuấn"),
    ]
    expected = party_expected(
        title="Báo cáo sơ kết 6 tháng đầu năm 2026",
        superior_body="ĐẢNG ỦY XÃ AN BÌNH", issuing_body="CHI BỘ TRƯỜNG THCS AN BÌNH", number_symbol="03-BC/CB",
        place="An Bình", date=[10, 6, 2026],
        parts=[
            {"heading": "KẾT QUẢ ĐẠT ĐƯỢC", "items": 2, "points": 2},
            {"heading": "NHIỆM VỤ 6 THÁNG CUỐI NĂM", "items": 2, "points": 0},
        ],
        bullets=3,
        signing_authority="T/M CHI BỘ", position="BÍ THƯ", signer_name="Đặng Minh Tuấn", recipients=2,
        pictures=0, unplaced=0,
    )
    return body, {"numbering": False}, expected


@corpus("06-tcvn3-vntime")
def tcvn3():
    def vn(text, bold=False):
        return P([run(to_tcvn3(text), bold=bold, font=".VnTime")])

    def vnh(text):
        return P([run(to_tcvn3(text, capitals=True), bold=True, font=".VnTimeH")], jc="center")

    body = [
        party_header("ĐẢNG BỘ XÃ BÌNH THÀNH", "CHI BỘ ẤP BÌNH HÒA", "Số 11-BC/CB", "Bình Thành",
                     "05 tháng 1 năm 2027"),
        vnh("BÁO CÁO"),
        vn("công tác kiểm tra, giám sát năm 2026", bold=True),
        vn("I. Tình hình thực hiện", bold=True),
        vn("1. Công tác kiểm tra", bold=True),
        vn("Chi bộ đã kiểm tra hai đảng viên chấp hành nhiệm vụ được giao."),
        vn("2. Công tác giám sát", bold=True),
        vn("Giám sát thường xuyên việc giữ mối liên hệ với nơi cư trú."),
        vn("II. Nhiệm vụ năm 2027", bold=True),
        vn("1. Xây dựng chương trình kiểm tra, giám sát sát với thực tế."),
        signature(["Đảng ủy xã;", "Lưu chi bộ."], "T/M CHI BỘ", "BÍ THƯ", "Huỳnh Văn Sáu"),
    ]
    expected = party_expected(
        title="Báo cáo công tác kiểm tra, giám sát năm 2026",
        superior_body="ĐẢNG BỘ XÃ BÌNH THÀNH", issuing_body="CHI BỘ ẤP BÌNH HÒA", number_symbol="11-BC/CB",
        place="Bình Thành", date=[5, 1, 2027],
        parts=[
            {"heading": "Tình hình thực hiện", "items": 2, "points": 0},
            {"heading": "Nhiệm vụ năm 2027", "items": 1, "points": 0},
        ],
        converted=True,
        signing_authority="T/M CHI BỘ", position="BÍ THƯ", signer_name="Huỳnh Văn Sáu", recipients=2,
        pictures=0, unplaced=0,
    )
    return body, {}, expected


@corpus("07-phu-luc-ngang")
def phu_luc():
    appendix_table = T(
        [
            [{"t": "TT", "b": True}, {"t": "Chi bộ", "b": True}, {"t": "Số đảng viên", "b": True},
             {"t": "Hoàn thành xuất sắc", "b": True}, {"t": "Hoàn thành tốt", "b": True},
             {"t": "Hoàn thành", "b": True}, {"t": "Không hoàn thành", "b": True}],
            ["1", "Chi bộ ấp 1", "25", "4", "18", "3", "0"],
            ["2", "Chi bộ ấp 2", "31", "5", "22", "3", "1"],
            ["3", "Chi bộ trường học", "19", "3", "15", "1", "0"],
            ["", "Tổng cộng", "75", "12", "55", "7", "1"],
        ],
        header_rows=1,
    )
    body = [
        party_header("ĐẢNG BỘ TỈNH VĨNH LONG", "ĐẢNG ỦY XÃ TÂN HẠNH", "Số 52-BC/ĐU", "Tân Hạnh",
                     "28 tháng 12 năm 2026"),
        *title("kết quả đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm 2026"),
        P("KẾT QUẢ ĐÁNH GIÁ", num=(PARTS, 0), bold=True),
        P("Đối với tổ chức đảng", num=(PARTS, 1)),
        P("Các chi bộ trực thuộc được đánh giá đúng quy trình (chi tiết tại Phụ lục kèm theo)."),
        P("Đối với đảng viên", num=(PARTS, 1)),
        P("Tổng số đảng viên được đánh giá là 75 đồng chí."),
        P("NHẬN XÉT CHUNG", num=(PARTS, 0), bold=True),
        P("Việc đánh giá thực chất hơn, gắn với kết quả thực hiện nhiệm vụ."),
        signature(["Ban Tổ chức Tỉnh ủy;", "Lưu Văn phòng Đảng ủy."], "T/M ĐẢNG ỦY", "BÍ THƯ", "Nguyễn Thanh Tâm"),
        P("", sect="portrait"),
        P("PHỤ LỤC", jc="center", bold=True),
        P("KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN THEO CHI BỘ", jc="center", bold=True),
        appendix_table,
    ]
    expected = party_expected(
        title="Báo cáo kết quả đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm 2026",
        superior_body="ĐẢNG BỘ TỈNH VĨNH LONG", issuing_body="ĐẢNG ỦY XÃ TÂN HẠNH", number_symbol="52-BC/ĐU",
        place="Tân Hạnh", date=[28, 12, 2026],
        parts=[
            {"heading": "KẾT QUẢ ĐÁNH GIÁ", "items": 2, "points": 0},
            {"heading": "NHẬN XÉT CHUNG", "items": 0, "points": 0},
        ],
        appendices=[{"heading": "KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN THEO CHI BỘ", "landscape": True, "tables": 1}],
        signing_authority="T/M ĐẢNG ỦY", position="BÍ THƯ", signer_name="Nguyễn Thanh Tâm", recipients=2,
        pictures=0, unplaced=0,
    )
    return body, {"final_landscape": True}, expected


@corpus("08-hinh-anh")
def hinh_anh():
    body = [
        state_header("UBND XÃ LONG HẬU", "TRƯỜNG MẦM NON LONG HẬU", "Số: 21/BC-MN", "Long Hậu",
                     "15 tháng 4 năm 2026"),
        *title("kết quả tổ chức ngày hội đọc sách năm 2026"),
        P("KẾT QUẢ TỔ CHỨC", num=(PARTS, 0), bold=True),
        P("Nhà trường tổ chức ngày hội với sự tham gia của toàn thể trẻ và phụ huynh."),
        PIC("rId10", "image1.png"),
        P("Hình 1. Các bé tham gia góc đọc sách", jc="center", italic=True),
        P("ĐÁNH GIÁ CHUNG", num=(PARTS, 0), bold=True),
        label("Ưu điểm:", "Hoạt động thu hút đông đảo phụ huynh tham gia."),
        label("Hạn chế:", "Số đầu sách dành cho trẻ còn ít."),
        signature(["Lưu: VT."], "", "HIỆU TRƯỞNG", "Lâm Thị Thu"),
    ]
    expected = {
        "ruleset": "state",
        "title": "Báo cáo kết quả tổ chức ngày hội đọc sách năm 2026",
        "superior_body": "UBND XÃ LONG HẬU", "issuing_body": "TRƯỜNG MẦM NON LONG HẬU",
        "number_symbol": "21/BC-MN", "place": "Long Hậu", "date": [15, 4, 2026],
        "parts": [
            {"heading": "KẾT QUẢ TỔ CHỨC", "items": 0, "points": 0},
            {"heading": "ĐÁNH GIÁ CHUNG", "items": 0, "points": 0},
        ],
        "assessments": 2,
        "position": "HIỆU TRƯỞNG", "signer_name": "Lâm Thị Thu", "recipients": 1,
        "pictures": 1, "unplaced": 1,
    }
    return body, {"pictures": [("rId10", "image1.png")]}, expected


@corpus("09-so-go-thua")
def so_go_thua():
    # Paragraphs Word numbers that also carry typed numbers: Word shows
    # "1. I. KẾT QUẢ …"; the typed ones are what the writer meant.
    body = [
        party_header("ĐẢNG BỘ XÃ PHƯỚC LỢI", "CHI BỘ ẤP PHƯỚC HÒA", "Số 09-BC/CB", "Phước Lợi",
                     "02 tháng 7 năm 2026"),
        *title("kết quả thực hiện nghị quyết chi bộ 6 tháng đầu năm 2026"),
        P("I. KẾT QUẢ THỰC HIỆN", num=(ITEMS, 0), bold=True),
        P("1. Về kinh tế", num=(POINTS, 0)),
        P("Thu nhập bình quân của người dân tăng khá."),
        P("2. Về xã hội", num=(POINTS, 0)),
        P("Giữ vững an ninh trật tự trên địa bàn ấp."),
        P("II. NHIỆM VỤ THỜI GIAN TỚI", num=(ITEMS, 0), bold=True),
        P("1. Vận động nhân dân tham gia xây dựng nông thôn mới nâng cao.", num=(POINTS, 0)),
        signature(["Đảng ủy xã;", "Lưu chi bộ."], "T/M CHI BỘ", "PHÓ BÍ THƯ", "Tô Văn Lực"),
    ]
    expected = party_expected(
        title="Báo cáo kết quả thực hiện nghị quyết chi bộ 6 tháng đầu năm 2026",
        superior_body="ĐẢNG BỘ XÃ PHƯỚC LỢI", issuing_body="CHI BỘ ẤP PHƯỚC HÒA", number_symbol="09-BC/CB",
        place="Phước Lợi", date=[2, 7, 2026],
        parts=[
            {"heading": "KẾT QUẢ THỰC HIỆN", "items": 2, "points": 0},
            {"heading": "NHIỆM VỤ THỜI GIAN TỚI", "items": 1, "points": 0},
        ],
        signing_authority="T/M CHI BỘ", position="PHÓ BÍ THƯ", signer_name="Tô Văn Lực", recipients=2,
        pictures=0, unplaced=0,
    )
    return body, {}, expected


@corpus("10-nhieu-cap-khoi-dong-lai")
def nhieu_cap():
    # Parts and items numbered through the heading styles' own list;
    # points from a list of their own, restarted under each item with a
    # fresh instance (startOverride).
    body = [
        party_header("ĐẢNG BỘ TỈNH AN GIANG", "ĐẢNG ỦY XÃ VĨNH HANH", "Số 61-BC/ĐU", "Vĩnh Hanh",
                     "18 tháng 12 năm 2026"),
        *title("công tác dân vận năm 2026"),
        P("TÌNH HÌNH CHUNG", style="Heading1"),
        P("Nhân dân tin tưởng vào sự lãnh đạo của Đảng ủy và chính quyền xã."),
        P("KẾT QUẢ CÔNG TÁC DÂN VẬN", style="Heading1"),
        P("Dân vận chính quyền", style="Heading2"),
        P("Tiếp dân định kỳ", num=(POINTS, 0)),
        P("Giải quyết đơn thư đúng hạn", num=(POINTS, 0)),
        P("Dân vận khéo", style="Heading2"),
        P("Xây dựng mô hình mới", num=(8, 0)),
        P("Nhân rộng mô hình hiệu quả", num=(8, 0)),
        P("Đánh giá kết quả mô hình", num=(8, 0)),
        P("NHIỆM VỤ NĂM 2027", style="Heading1"),
        P("Công tác tuyên truyền", style="Heading2"),
        P("Đổi mới hình thức tuyên truyền trên mạng xã hội."),
        signature(["Ban Dân vận Tỉnh ủy;", "Lưu Văn phòng Đảng ủy."], "T/M ĐẢNG ỦY", "PHÓ BÍ THƯ", "Châu Văn Đức"),
    ]
    instances = dict(DEFAULT_INSTANCES)
    instances[8] = (4, {0: 1})
    expected = party_expected(
        title="Báo cáo công tác dân vận năm 2026",
        superior_body="ĐẢNG BỘ TỈNH AN GIANG", issuing_body="ĐẢNG ỦY XÃ VĨNH HANH", number_symbol="61-BC/ĐU",
        place="Vĩnh Hanh", date=[18, 12, 2026],
        parts=[
            {"heading": "TÌNH HÌNH CHUNG", "items": 0, "points": 0},
            {"heading": "KẾT QUẢ CÔNG TÁC DÂN VẬN", "items": 2, "points": 5},
            {"heading": "NHIỆM VỤ NĂM 2027", "items": 1, "points": 0},
        ],
        signing_authority="T/M ĐẢNG ỦY", position="PHÓ BÍ THƯ", signer_name="Châu Văn Đức", recipients=2,
        pictures=0, unplaced=0,
    )
    return body, {"instances": instances, "numbered_headings": True}, expected


@corpus("11-tieu-de-tieng-viet")
def tieu_de_viet():
    body = [
        party_header("ĐẢNG BỘ XÃ TÂN LONG", "CHI BỘ QUÂN SỰ", "Số 02-BC/CB", "Tân Long", "08 tháng 1 năm 2027"),
        *title("kết quả lãnh đạo nhiệm vụ quốc phòng, quân sự địa phương năm 2026"),
        P("Kết quả lãnh đạo", style="TieuDeMuc"),
        P("Công tác huấn luyện", style="TieuDeNho"),
        P("Hoàn thành kế hoạch huấn luyện dân quân năm đầu."),
        P("Công tác tuyển quân", style="TieuDeNho"),
        P("Giao quân đạt chỉ tiêu, đúng thời gian."),
        label("Nguyên nhân:", "Có sự phối hợp chặt chẽ giữa các ngành, đoàn thể."),
        P("Nhiệm vụ năm 2027", style="TieuDeMuc"),
        P("Tiếp tục xây dựng lực lượng dân quân vững mạnh, rộng khắp."),
        signature(["Đảng ủy xã;", "Lưu chi bộ."], "T/M CHI BỘ", "BÍ THƯ", "Trịnh Công Sơn Hà"),
    ]
    expected = party_expected(
        title="Báo cáo kết quả lãnh đạo nhiệm vụ quốc phòng, quân sự địa phương năm 2026",
        superior_body="ĐẢNG BỘ XÃ TÂN LONG", issuing_body="CHI BỘ QUÂN SỰ", number_symbol="02-BC/CB",
        place="Tân Long", date=[8, 1, 2027],
        parts=[
            {"heading": "Kết quả lãnh đạo", "items": 2, "points": 0},
            {"heading": "Nhiệm vụ năm 2027", "items": 0, "points": 0},
        ],
        assessments=1,
        signing_authority="T/M CHI BỘ", position="BÍ THƯ", signer_name="Trịnh Công Sơn Hà", recipients=2,
        pictures=0, unplaced=0,
    )
    return body, {}, expected


@corpus("12-bang-dong-dam")
def bang_dong_dam():
    # A table whose header is told only by its bold leading rows (no
    # tblHeader), and a second one with a column number row.
    first = T(
        [
            [{"t": "Đơn vị", "b": True}, {"t": "Số hội viên", "b": True}, {"t": "Kết nạp mới", "b": True}],
            ["Hội Nông dân", "412", "25"],
            ["Hội Phụ nữ", "538", "31"],
            ["Đoàn Thanh niên", "296", "40"],
            ["Tổng số", "1.246", "96"],
        ],
    )
    second = T(
        [
            [{"t": "Chỉ tiêu", "b": True}, {"t": "Kế hoạch", "b": True}, {"t": "Thực hiện", "b": True},
             {"t": "Tỷ lệ (%)", "b": True}],
            ["1", "2", "3", "4=3:2"],
            ["Thu ngân sách (triệu đồng)", "8.500", "9.010", "106"],
            ["Chi ngân sách (triệu đồng)", "8.200", "7.995", "97,5"],
        ],
        header_rows=2,
    )
    body = [
        party_header("ĐẢNG BỘ TỈNH CÀ MAU", "ĐẢNG ỦY XÃ ĐẤT MŨI", "Số 38-BC/ĐU", "Đất Mũi", "22 tháng 12 năm 2026"),
        *title("kết quả công tác Mặt trận và các đoàn thể năm 2026"),
        P("KẾT QUẢ ĐẠT ĐƯỢC", num=(PARTS, 0), bold=True),
        P("Công tác phát triển hội viên", num=(PARTS, 1)),
        P("Bảng 1. Số hội viên các đoàn thể", jc="center", bold=True),
        first,
        P("Công tác tài chính", num=(PARTS, 1)),
        P("Bảng 2. Thu, chi ngân sách xã", jc="center", bold=True),
        second,
        P("PHƯƠNG HƯỚNG NĂM 2027", num=(PARTS, 0), bold=True),
        P("Phấn đấu kết nạp mới trên 100 hội viên, đoàn viên."),
        signature(["Ban Thường vụ Tỉnh ủy;", "Lưu Văn phòng Đảng ủy."], "T/M ĐẢNG ỦY", "BÍ THƯ", "Mai Xuân Lộc"),
    ]
    expected = party_expected(
        title="Báo cáo kết quả công tác Mặt trận và các đoàn thể năm 2026",
        superior_body="ĐẢNG BỘ TỈNH CÀ MAU", issuing_body="ĐẢNG ỦY XÃ ĐẤT MŨI", number_symbol="38-BC/ĐU",
        place="Đất Mũi", date=[22, 12, 2026],
        parts=[
            {"heading": "KẾT QUẢ ĐẠT ĐƯỢC", "items": 2, "points": 0},
            {"heading": "PHƯƠNG HƯỚNG NĂM 2027", "items": 0, "points": 0},
        ],
        tables=[
            {"caption": "Bảng 1. Số hội viên các đoàn thể", "rows": 4, "columns": 3, "header_rows": 1,
             "merges": 0, "total_rows": 1, "cells": [[1, 0, "Hội Phụ nữ"], [0, 2, "25"]]},
            {"caption": "Bảng 2. Thu, chi ngân sách xã", "rows": 2, "columns": 4, "header_rows": 1,
             "merges": 0, "total_rows": 0, "number_row": True, "cells": [[1, 2, "7.995"]]},
        ],
        signing_authority="T/M ĐẢNG ỦY", position="BÍ THƯ", signer_name="Mai Xuân Lộc", recipients=2,
        pictures=0, unplaced=0,
    )
    return body, {}, expected


@corpus("13-phan-thu-nhat-co-bang-va-dau-cong")
def phan_thu_nhat():
    table = T(
        [
            [{"t": "Nội dung", "vmerge": "restart", "b": True}, {"t": "Kết quả", "span": 3, "b": True}],
            [{"vmerge": "cont"}, {"t": "Quý I", "b": True}, {"t": "Quý II", "b": True}, {"t": "Cộng", "b": True}],
            ["Số cuộc họp dân", "12", "15", "27"],
            ["Số ý kiến tiếp thu", "34", "41", "75"],
        ],
        header_rows=2,
    )
    body = [
        state_header("UBND TỈNH TIỀN GIANG", "ỦY BAN NHÂN DÂN XÃ TÂN PHƯỚC", "Số: 140/BC-UBND", "Tân Phước",
                     "01 tháng 7 năm 2026"),
        *title("sơ kết công tác 6 tháng đầu năm và nhiệm vụ 6 tháng cuối năm 2026"),
        P("PHẦN THỨ NHẤT: KẾT QUẢ 6 THÁNG ĐẦU NĂM", jc="center", bold=True),
        P("CÔNG TÁC CẢI CÁCH HÀNH CHÍNH", num=(PARTS, 0), bold=True),
        P("Bộ phận một cửa tiếp nhận hồ sơ đúng quy định."),
        P("Hồ sơ trực tuyến tăng so với cùng kỳ", num=(BULLETS, 0)),
        P("Thời gian trả kết quả được rút ngắn", num=(BULLETS, 1)),
        P("Người dân hài lòng với thái độ phục vụ", num=(BULLETS, 1)),
        P("CÔNG TÁC TIẾP DÂN", num=(PARTS, 0), bold=True),
        table,
        P("PHẦN THỨ HAI: NHIỆM VỤ 6 THÁNG CUỐI NĂM", jc="center", bold=True),
        P("NHIỆM VỤ TRỌNG TÂM", num=(9, 0), bold=True),
        P("Hoàn thành các chỉ tiêu kinh tế - xã hội năm 2026."),
        signature(["UBND tỉnh (b/c);", "Thường trực Đảng ủy xã;", "Lưu: VT."], "TM. ỦY BAN NHÂN DÂN",
                  "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "Ngô Thanh Phong"),
    ]
    instances = dict(DEFAULT_INSTANCES)
    instances[9] = (0, {0: 1})
    expected = {
        "ruleset": "state",
        "title": "Báo cáo sơ kết công tác 6 tháng đầu năm và nhiệm vụ 6 tháng cuối năm 2026",
        "superior_body": "UBND TỈNH TIỀN GIANG", "issuing_body": "ỦY BAN NHÂN DÂN XÃ TÂN PHƯỚC",
        "number_symbol": "140/BC-UBND", "place": "Tân Phước", "date": [1, 7, 2026],
        "divisions": [
            {"heading": "KẾT QUẢ 6 THÁNG ĐẦU NĂM", "parts": ["CÔNG TÁC CẢI CÁCH HÀNH CHÍNH", "CÔNG TÁC TIẾP DÂN"]},
            {"heading": "NHIỆM VỤ 6 THÁNG CUỐI NĂM", "parts": ["NHIỆM VỤ TRỌNG TÂM"]},
        ],
        "bullets": 3,
        "tables": [{"rows": 2, "columns": 4, "header_rows": 2, "merges": 2, "total_rows": 0,
                    "cells": [[1, 3, "75"]]}],
        # "KT. CHỦ TỊCH" stays with the authority it signs for; the frame
        # prints it on a line of its own.
        "signing_authority": "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", "position": "PHÓ CHỦ TỊCH",
        "signer_name": "Ngô Thanh Phong", "recipients": 3, "pictures": 0, "unplaced": 0,
    }
    return body, {"instances": instances}, expected


@corpus("14-bang-luoi-khong-vien")
def bang_luoi():
    # Word's habits: the header and signature are "Table Grid" tables with
    # their borders turned off (the header by the table's borders, in
    # three columns with an empty middle one; the signature cell by cell);
    # lists through the "List Paragraph" style; a hyperlink and a content
    # control around runs; a statistics table bordered by its style only.
    header = T(
        [[{"paras": [P("ĐẢNG BỘ XÃ NHƠN TRẠCH", jc="center"), P("CHI BỘ KHU PHỐ 3", jc="center", bold=True),
                     P("*", jc="center"), P("Số 15-BC/CB", jc="center")]},
          {"paras": [P()]},
          {"paras": [P("ĐẢNG CỘNG SẢN VIỆT NAM", jc="center", bold=True), P("___________", jc="center"),
                     P([run("Nhơn Trạch, ngày 09 tháng 10 năm 2026", italic=True)], jc="right")]}]],
        borders=False, style="TableGrid", widths=[3900, 600, 4600],
    )
    stats = T(
        [
            [{"t": "Khu vực", "b": True}, {"t": "Số hộ", "b": True}, {"t": "Tỷ lệ (%)", "b": True}],
            ["Tổ 1", "120", "40,5"],
            ["Tổ 2", "176", "59,5"],
            ["Cộng", "296", "100"],
        ],
        header_rows=1, borders=None, style="TableGrid",
    )
    sign = T(
        [[{"paras": [P([run("Nơi nhận:", bold=True, italic=True)]), P("- Đảng ủy xã;"), P("- Lưu chi bộ.")]},
          {"paras": [P("T/M CHI BỘ", jc="center", bold=True), P("BÍ THƯ", jc="center", bold=True), P(), P(),
                     P("Dương Văn Hải", jc="center", bold=True)]}]],
        borders=None, style="TableGrid", cell_borders="none",
    )
    hyperlink = ('<w:p><w:hyperlink r:id="rId99"><w:r><w:t xml:space="preserve">Theo Kế hoạch của Đảng ủy xã, </w:t></w:r>'
                 '</w:hyperlink><w:sdt><w:sdtContent><w:r><w:t>chi bộ báo cáo như sau:</w:t></w:r></w:sdtContent></w:sdt></w:p>')
    body = [
        header,
        *title("kết quả lãnh đạo công tác quý III năm 2026"),
        hyperlink,
        P("TÌNH HÌNH CHUNG", style="ListParagraph", num=(PARTS, 0), bold=True),
        P("Tình hình an ninh, trật tự trên địa bàn khu phố ổn định."),
        P("KẾT QUẢ CỤ THỂ", style="ListParagraph", num=(PARTS, 0), bold=True),
        P("Công tác vận động", style="ListParagraph", num=(PARTS, 1)),
        P("Vận động các hộ tham gia giữ gìn vệ sinh môi trường.", num=(SYMBOL_BULLETS, 0)),
        P("Công tác thống kê", style="ListParagraph", num=(PARTS, 1)),
        P("Bảng 1: Số hộ theo tổ dân phố", jc="center", bold=True),
        stats,
        P(),
        sign,
    ]
    expected = party_expected(
        title="Báo cáo kết quả lãnh đạo công tác quý III năm 2026",
        superior_body="ĐẢNG BỘ XÃ NHƠN TRẠCH", issuing_body="CHI BỘ KHU PHỐ 3", number_symbol="15-BC/CB",
        place="Nhơn Trạch", date=[9, 10, 2026],
        parts=[
            {"heading": "TÌNH HÌNH CHUNG", "items": 0, "points": 0},
            {"heading": "KẾT QUẢ CỤ THỂ", "items": 2, "points": 0},
        ],
        bullets=1,
        tables=[{"caption": "Bảng 1: Số hộ theo tổ dân phố", "rows": 3, "columns": 3, "header_rows": 1,
                 "merges": 0, "total_rows": 1, "cells": [[1, 2, "59,5"], [0, 0, "Tổ 1"]]}],
        signing_authority="T/M CHI BỘ", position="BÍ THƯ", signer_name="Dương Văn Hải", recipients=2,
        pictures=0, unplaced=0,
    )
    return body, {}, expected


def write_corpus(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    written = []
    for name, fn in sorted(FILES.items()):
        body, options, expected = fn()
        path = os.path.join(out_dir, name + ".docx")
        build_docx(path, body, **options)
        with open(os.path.join(out_dir, name + ".expected.json"), "w", encoding="utf-8") as f:
            json.dump(expected, f, ensure_ascii=False, indent=2)
            f.write("\n")
        written.append(path)
    return written


def write_large(path):
    """A long report (many parts, items, tables) with a big picture: over
    5 MB, for the bench."""
    body = [
        party_header("ĐẢNG BỘ TỈNH ĐỒNG THÁP", "ĐẢNG ỦY XÃ MỸ AN", "Số 99-BC/ĐU", "Mỹ An", "31 tháng 12 năm 2026"),
        *title("tổng kết nhiệm kỳ (bản dài để đo tốc độ)"),
    ]
    for part in range(1, 21):
        body.append(P("NỘI DUNG LỚN THỨ %d" % part, num=(PARTS, 0), bold=True))
        for item in range(1, 16):
            body.append(P("Nội dung chi tiết số %d của phần %d" % (item, part), num=(PARTS, 1)))
            for sentence in range(4):
                body.append(P(("Đoạn văn mô tả kết quả thực hiện nhiệm vụ, chỉ tiêu %d, có số liệu cụ thể "
                               "và nhận xét về ưu điểm, hạn chế, nguyên nhân. " % sentence) * 3))
            body.append(P("Kết quả cụ thể theo từng đơn vị", num=(BULLETS, 0)))
            body.append(P("Chi tiết đơn vị thứ nhất", num=(BULLETS, 1)))
        rows = [[{"t": "TT", "b": True}, {"t": "Đơn vị", "b": True}, {"t": "Kế hoạch", "b": True},
                 {"t": "Thực hiện", "b": True}]]
        rows += [[str(r), "Đơn vị %d" % r, str(100 + r), str(95 + r)] for r in range(1, 31)]
        body.append(P("Bảng %d: Kết quả theo đơn vị" % part, jc="center", bold=True))
        body.append(T(rows, header_rows=1))
    body.append(PIC("rId10", "photo.png"))
    body.append(signature(["Lưu."], "T/M ĐẢNG ỦY", "BÍ THƯ", "Nguyễn Văn Dài"))
    build_docx(path, body, pictures=[("rId10", "photo.png")], picture_bytes=png(1350, 1350, noise=True))
    return path


def main(argv):
    if len(argv) >= 2 and argv[0] == "--large":
        path = write_large(argv[1])
        print("%s: %d bytes" % (path, os.path.getsize(path)))
        return 0
    if argv and argv[0] == "--check":
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            fresh = write_corpus(tmp)
            stale = []
            for path in fresh:
                for suffix in (".docx", ".expected.json"):
                    name = os.path.basename(path)[: -len(".docx")] + suffix
                    mine = open(os.path.join(tmp, name), "rb").read()
                    committed = os.path.join(OUT, name)
                    if not os.path.exists(committed) or open(committed, "rb").read() != mine:
                        stale.append(name)
            if stale:
                print("out of date: %s (run tools/make-docx.py)" % ", ".join(stale))
                return 1
            print("tests/corpus/word/ is up to date")
            return 0
    for path in write_corpus(OUT):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
