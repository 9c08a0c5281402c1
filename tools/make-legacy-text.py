# Writes the corpus' legacy-encoded report texts from their Unicode sources
# (tests/corpus/reports/legacy/*.txt), so the fixtures are reproducible:
#
#   python3 tools/make-legacy-text.py
#
# Each source is written to tests/corpus/reports/<same name> as:
# - "tcvn3": the whole text in TCVN3 (.VnTime/.VnTimeH), Latin-1 bytes and
#   CRLF, as an old Word saves a .txt (see tests/fixtures/make-tcvn3.py);
# - "vni": the whole text in VNI-Windows (VNI-Times), Windows-1252 bytes;
# - "mixed": UTF-8, with only the lines marked "@T " (TCVN3) or "@V " (VNI)
#   converted, as text copied from a Word file whose header or table is
#   still set in an old font and pasted over a Unicode body;
# - "nfd": UTF-8 in decomposed form (NFD), as some Mac and PDF tools give.
# A literal "\t" in a source is a tab.
import os
import sys
import unicodedata

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "corpus", "reports")

MODES = {
    "b01-enc-tcvn3-chibo.txt": "tcvn3",
    "b02-enc-vni-ubndxa.txt": "vni",
    "b03-enc-mixed-tcvn3-header-danguy.txt": "mixed",
    "b04-enc-mixed-vni-header-truong.txt": "mixed",
    "b05-enc-mixed-table-tcvn3-chibo.txt": "mixed",
    "b06-enc-nfd-ubndxa.txt": "nfd",
}

TCVN3_PAIRS = """à\xb5 á\xb8 ả\xb6 ã\xb7 ạ\xb9 ă\xa8 ằ\xbb ắ\xbe ẳ\xbc ẵ\xbd ặ\xc6 â\xa9 ầ\xc7 ấ\xca ẩ\xc8 ẫ\xc9 ậ\xcb đ\xae è\xcc é\xd0 ẻ\xce ẽ\xcf ẹ\xd1 ê\xaa ề\xd2 ế\xd5 ể\xd3 ễ\xd4 ệ\xd6 ì\xd7 í\xdd ỉ\xd8 ĩ\xdc ị\xde ò\xdf ó\xe3 ỏ\xe1 õ\xe2 ọ\xe4 ô\xab ồ\xe5 ố\xe8 ổ\xe6 ỗ\xe7 ộ\xe9 ơ\xac ờ\xea ớ\xed ở\xeb ỡ\xec ợ\xee ù\xef ú\xf3 ủ\xf1 ũ\xf2 ụ\xf4 ư\xad ừ\xf5 ứ\xf8 ử\xf6 ữ\xf7 ự\xf9 ỳ\xfa ý\xfd ỷ\xfb ỹ\xfc ỵ\xfe Ă\xa1 Â\xa2 Đ\xa7 Ê\xa3 Ô\xa4 Ơ\xa5 Ư\xa6"""
TCVN3 = {pair[0]: pair[1] for pair in TCVN3_PAIRS.split(" ")}


def tcvn3(text):
    out = []
    for c in text:
        if c in TCVN3:
            out.append(TCVN3[c])
        elif c.lower() in TCVN3 and not c.isascii():
            # No such capital in .VnTime: the lowercase code (the typist
            # sets .VnTimeH, whose glyphs are capitals, for headings).
            out.append(TCVN3[c.lower()])
        else:
            out.append(c)
    return "".join(out)


# VNI-Windows: a base letter followed by a mark character.
TONES = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
HAT_TONES = {"": "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
BREVE_TONES = {"": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
I_TONES = {"\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def vni_letter(c):
    lower = c.lower()
    upper = c != lower
    parts = unicodedata.normalize("NFD", lower)
    base, marks = parts[0], parts[1:]
    if lower == "đ":
        out = "ñ"
    elif base not in "aeiouy" or not marks and base != "đ":
        return c
    else:
        shape = ""
        tone = ""
        for mark in marks:
            if mark in ("\u0302", "\u0306", "\u031b"):
                shape = mark
            else:
                tone = mark
        if base == "i":
            out = I_TONES[tone] if tone else "i"
        elif base == "y" and tone == "\u0323":
            out = "î"
        elif shape == "\u0302":
            out = base + HAT_TONES[tone]
        elif shape == "\u0306":
            out = base + BREVE_TONES[tone]
        elif shape == "\u031b":
            out = {"o": "ô", "u": "ö"}[base] + (TONES[tone] if tone else "")
        else:
            out = base + (TONES[tone] if tone else "")
    return out.upper() if upper else out


def vni(text):
    return "".join(vni_letter(c) for c in text)


def convert_marked(line):
    if line.startswith("@T "):
        return tcvn3(line[3:])
    if line.startswith("@V "):
        return vni(line[3:])
    return line


def main():
    for name, mode in MODES.items():
        source = open(os.path.join(ROOT, "legacy", name), encoding="utf-8").read()
        source = source.replace("\\t", "\t")
        target = os.path.join(ROOT, name)
        if mode == "tcvn3":
            data = tcvn3(source).replace("\n", "\r\n").encode("latin-1")
        elif mode == "vni":
            data = vni(source).replace("\n", "\r\n").encode("cp1252")
        elif mode == "mixed":
            data = "\n".join(convert_marked(line) for line in source.split("\n")).encode("utf-8")
        elif mode == "nfd":
            data = unicodedata.normalize("NFD", source).encode("utf-8")
        else:
            sys.exit(f"unknown mode {mode}")
        open(target, "wb").write(data)
        print(f"{target}: {mode}, {len(data)} bytes")


if __name__ == "__main__":
    main()
