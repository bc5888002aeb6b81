#!/usr/bin/env python3
"""make_samples.py -- writes the sample documents of samples/ (stdlib only).

    python3 samples/make_samples.py [OUTDIR]     (default: this folder)

Every sample is described once, as a small document tree (paragraphs with
runs, tables with spans, footnotes, images, metadata), and written by two
writers: one for HWPX (OWPML, KS X 6101) and one for DOCX (OOXML,
ECMA-376). The packages are deterministic: fixed ZIP timestamps and
attributes, entries sorted by name, and for HWPX the `mimetype` entry first
and stored, as the format requires. Running the script twice gives
byte-identical files (for a given zlib).

The documents are the project's own text: a clean policy report in both
formats, and one document per principle that breaks that principle and
nothing else (samples/README.md lists what each shows).
"""
import os
import struct
import sys
import zipfile
import zlib
from xml.sax.saxutils import escape as _esc

ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def esc(s):
    return _esc(s, {'"': "&quot;"})


# ---------------------------------------------------------------------------
# The document tree
# ---------------------------------------------------------------------------
#
# A paragraph is P(kind, runs, ...). 'kind' says what the paragraph is:
#   "title"            the document title line (centred, large)
#   "body"             plain text
#   ("h", n)           an outline heading of level n (1..3); HWPX: outline
#                      numbering (개요), DOCX: Heading n with multilevel list
#   ("list", id, lvl)  automatic numbering/bullets from list definition 'id'
#   ("indent", lvl)    plain text indented to level lvl (typed markers)
# Runs are strings or tuples:
#   ("br",)                 a manual line break
#   ("tab",)                a tab
#   ("b", text)             bold text
#   ("font", name, text)    text typed in font 'name' (a symbol font)
#   ("sym", name, code)     DOCX w:sym (HWPX: the PUA character U+F0xx typed
#                           in that font, which is how Hangul stores it)
#   ("fn", [P...])          a footnote anchored here
#   ("img", name, alt, w, h)  an inline PNG image (pixels)
# A table is T(rows) with rows of C(content, rowspan, colspan); content is
# a string, a list of paragraphs, or a list mixing paragraphs and tables
# (a nested table).


class P:
    def __init__(self, kind, *runs):
        self.kind = kind
        self.runs = list(runs)


class C:
    def __init__(self, content, rowspan=1, colspan=1, header=False):
        if isinstance(content, str):
            content = [P("body", content)] if content else [P("body")]
        self.blocks = content
        self.rowspan = rowspan
        self.colspan = colspan
        self.header = header


class T:
    def __init__(self, rows):
        self.rows = rows

    def layout(self):
        """Yields (row, col, cell) with grid columns, skipping slots that
        a row or column span above or to the left covers."""
        taken = set()
        out = []
        for r, row in enumerate(self.rows):
            c = 0
            for cell in row:
                while (r, c) in taken:
                    c += 1
                out.append((r, c, cell))
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        taken.add((r + dr, c + dc))
                c += cell.colspan
        return out

    def ncols(self):
        return max(c + cell.colspan for _, c, cell in self.layout())


class Doc:
    def __init__(self, name, meta, blocks, lists=None):
        self.name = name
        self.meta = meta      # dict: title creator subject description
                              # keywords created modified lastsaveby; a key
                              # missing is absent, "" is present but empty
        self.blocks = blocks
        self.lists = lists or {}  # id -> [(fmt, text-pattern)] per level


def hdr(*texts):
    return [C(t, header=True) for t in texts]


def row(*texts):
    return [C(t) for t in texts]


# ---------------------------------------------------------------------------
# Small deterministic PNG (a bar chart drawn with two colours)
# ---------------------------------------------------------------------------

def png_bars(w, h, bars):
    rows = []
    for y in range(h):
        line = bytearray([0])
        for x in range(w):
            band = x * len(bars) // w
            filled = (h - y) <= bars[band] * h // 100 and x % (w // len(bars)) > 1
            line += bytes((40, 90, 160) if filled else (255, 255, 255))
        rows.append(bytes(line))
    raw = b"".join(rows)

    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) +
            chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


# ---------------------------------------------------------------------------
# ZIP writing
# ---------------------------------------------------------------------------

def write_zip(path, entries, stored_first=None):
    """entries: {name: bytes}. 'stored_first' is written first, stored."""
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w") as z:
        names = sorted(entries)
        if stored_first:
            names.remove(stored_first)
            names.insert(0, stored_first)
        for name in names:
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.create_system = 0
            info.external_attr = 0
            if name == stored_first:
                info.compress_type = zipfile.ZIP_STORED
                z.writestr(info, entries[name])
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, entries[name], compresslevel=6)
    os.replace(tmp, path)


# ---------------------------------------------------------------------------
# HWPX writer (OWPML)
# ---------------------------------------------------------------------------

HWPX_NS = (
    'xmlns:ha="http://www.hancom.co.kr/hwpml/2011/app" '
    'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" '
    'xmlns:hp10="http://www.hancom.co.kr/hwpml/2016/paragraph" '
    'xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" '
    'xmlns:hc="http://www.hancom.co.kr/hwpml/2011/core" '
    'xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head" '
    'xmlns:hhs="http://www.hancom.co.kr/hwpml/2011/history" '
    'xmlns:hm="http://www.hancom.co.kr/hwpml/2011/master-page" '
    'xmlns:hpf="http://www.hancom.co.kr/schema/2011/hpf" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:opf="http://www.idpf.org/2007/opf/" '
    'xmlns:ooxmlchart="http://www.hancom.co.kr/hwpml/2016/ooxmlchart" '
    'xmlns:hwpunitchar="http://www.hancom.co.kr/hwpml/2016/HwpUnitChar" '
    'xmlns:epub="http://www.idpf.org/2007/ops" '
    'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"')
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>'

# HWPX number formats for the list patterns used below.
HWPX_NUMFMT = {"decimal": "DIGIT", "hangul": "HANGUL_SYLLABLE",
               "circled": "CIRCLED_DIGIT", "bullet": None}

# Fonts: the same list for every language slot, so a font id means one
# face whatever the script of the character.
HWPX_FONTS = ["함초롬바탕", "함초롬돋움", "Wingdings", "Symbol"]
HWPX_LANGS = ["HANGUL", "LATIN", "HANJA", "JAPANESE", "OTHER", "SYMBOL",
              "USER"]

# charPr ids
CH_NORMAL, CH_TITLE, CH_HEAD, CH_WINGDINGS, CH_SYMBOL, CH_NOTE, CH_BOLD = \
    range(7)
# paraPr ids
PP_BODY, PP_TITLE, PP_OUT1, PP_OUT2, PP_OUT3, PP_IND1, PP_IND2, PP_IND3, \
    PP_NOTE, PP_CELL = range(10)
PP_LIST0 = 10   # then one paraPr per (list id, level)


def hwpx_charpr(cid, height, font, bold=False):
    refs = " ".join('%s="%d"' % (l.lower(), font) for l in HWPX_LANGS)
    same = lambda v: " ".join('%s="%s"' % (l.lower(), v) for l in HWPX_LANGS)
    return (
        '<hh:charPr id="%d" height="%d" textColor="#000000" '
        'shadeColor="none" useFontSpace="0" useKerning="0" symMark="NONE" '
        'borderFillIDRef="2"><hh:fontRef %s/><hh:ratio %s/>'
        '<hh:spacing %s/><hh:relSz %s/><hh:offset %s/>%s'
        '<hh:underline type="NONE" shape="SOLID" color="#000000"/>'
        '<hh:strikeout shape="NONE" color="#000000"/>'
        '<hh:outline type="NONE"/>'
        '<hh:shadow type="NONE" color="#C0C0C0" offsetX="10" offsetY="10"/>'
        '</hh:charPr>' % (cid, height, refs, same(100), same(0), same(100),
                          same(0), "<hh:bold/>" if bold else ""))


def hwpx_parapr(pid, align="JUSTIFY", heading=("NONE", 0, 0), left=0,
                indent=0, prev=0, spacing=160):
    margin = (
        '<hh:margin><hc:intent value="%d" unit="HWPUNIT"/>'
        '<hc:left value="%d" unit="HWPUNIT"/>'
        '<hc:right value="0" unit="HWPUNIT"/>'
        '<hc:prev value="%d" unit="HWPUNIT"/>'
        '<hc:next value="0" unit="HWPUNIT"/></hh:margin>'
        '<hh:lineSpacing type="PERCENT" value="%d" unit="HWPUNIT"/>'
        % (indent, left, prev, spacing))
    return (
        '<hh:paraPr id="%d" tabPrIDRef="0" condense="0" fontLineHeight="0" '
        'snapToGrid="1" suppressLineNumbers="0" checked="0">'
        '<hh:align horizontal="%s" vertical="BASELINE"/>'
        '<hh:heading type="%s" idRef="%d" level="%d"/>'
        '<hh:breakSetting breakLatinWord="KEEP_WORD" '
        'breakNonLatinWord="BREAK_WORD" widowOrphan="0" keepWithNext="0" '
        'keepLines="0" pageBreakBefore="0" lineWrap="BREAK"/>'
        '<hh:autoSpacing eAsianEng="0" eAsianNum="0"/>'
        '<hp:switch><hp:case hp:required-namespace='
        '"http://www.hancom.co.kr/hwpml/2016/HwpUnitChar">%s</hp:case>'
        '<hp:default>%s</hp:default></hp:switch>'
        '<hh:border borderFillIDRef="2" offsetLeft="0" offsetRight="0" '
        'offsetTop="0" offsetBottom="0" connect="0" ignoreMargin="0"/>'
        '</hh:paraPr>' % (pid, align, heading[0], heading[1], heading[2],
                          margin, margin))


def hwpx_parahead(level, fmt, text, start=1):
    body = esc(text)
    return ('<hh:paraHead start="%d" level="%d" align="LEFT" '
            'useInstWidth="1" autoIndent="1" widthAdjust="0" '
            'textOffsetType="PERCENT" textOffset="50" numFormat="%s" '
            'charPrIDRef="4294967295" checkable="0">%s</hh:paraHead>'
            % (start, level, fmt, body))


def hwpx_border_fill(bid, line):
    side = lambda s: ('<hh:%sBorder type="%s" width="0.12 mm" '
                      'color="#000000"/>' % (s, line))
    return ('<hh:borderFill id="%d" threeD="0" shadow="0" centerLine="NONE" '
            'breakCellSeparateLine="0"><hh:slash type="NONE" Crooked="0" '
            'isCounter="0"/><hh:backSlash type="NONE" Crooked="0" '
            'isCounter="0"/>%s%s%s%s<hh:diagonal type="SOLID" '
            'width="0.1 mm" color="#000000"/></hh:borderFill>'
            % (bid, side("left"), side("right"), side("top"),
               side("bottom")))


# Outline numbering of the section (개요 번호): 1 / 1-1 / 1-1-1, the
# structure of Seoul's sample report.
OUTLINE = [("DIGIT", "^1"), ("DIGIT", "^1-^2"), ("DIGIT", "^1-^2-^3"),
           ("DIGIT", "^4)"), ("HANGUL_SYLLABLE", "^5)"), ("DIGIT", "(^6)"),
           ("HANGUL_SYLLABLE", "(^7)"), ("CIRCLED_DIGIT", "^8"),
           ("HANGUL_JAMO", "^9"), ("ROMAN_SMALL", "^10")]


def hwpx_header(doc):
    fontfaces = "".join(
        '<hh:fontface lang="%s" fontCnt="%d">%s</hh:fontface>'
        % (lang, len(HWPX_FONTS), "".join(
            '<hh:font id="%d" face="%s" type="TTF" isEmbedded="0"/>'
            % (i, esc(f)) for i, f in enumerate(HWPX_FONTS)))
        for lang in HWPX_LANGS)
    charprs = [hwpx_charpr(CH_NORMAL, 1100, 0),
               hwpx_charpr(CH_TITLE, 1800, 1, bold=True),
               hwpx_charpr(CH_HEAD, 1300, 1, bold=True),
               hwpx_charpr(CH_WINGDINGS, 1100, 2),
               hwpx_charpr(CH_SYMBOL, 1100, 3),
               hwpx_charpr(CH_NOTE, 900, 0),
               hwpx_charpr(CH_BOLD, 1100, 0, bold=True)]
    paraprs = [hwpx_parapr(PP_BODY),
               hwpx_parapr(PP_TITLE, align="CENTER"),
               hwpx_parapr(PP_OUT1, heading=("OUTLINE", 0, 0), prev=1200),
               hwpx_parapr(PP_OUT2, heading=("OUTLINE", 0, 1), prev=600),
               hwpx_parapr(PP_OUT3, heading=("OUTLINE", 0, 2), prev=400),
               hwpx_parapr(PP_IND1, left=1000),
               hwpx_parapr(PP_IND2, left=2000),
               hwpx_parapr(PP_IND3, left=3000),
               hwpx_parapr(PP_NOTE, spacing=130),
               hwpx_parapr(PP_CELL, align="CENTER", spacing=130)]
    numberings = ['<hh:numbering id="1" start="0">%s</hh:numbering>'
                  % "".join(hwpx_parahead(i + 1, f, t)
                            for i, (f, t) in enumerate(OUTLINE))]
    bullets = []
    list_pp = {}
    for lid in sorted(doc.lists):
        levels = doc.lists[lid]
        if levels[0][0] == "bullet":
            # One hh:bullet per level: a bullet definition has one char.
            for lvl, (_, ch) in enumerate(levels):
                bid = lid * 10 + lvl
                bullets.append(
                    '<hh:bullet id="%d" char="%s" useImage="0">'
                    '<hh:paraHead level="0" align="LEFT" useInstWidth="0" '
                    'autoIndent="1" widthAdjust="0" textOffsetType="PERCENT"'
                    ' textOffset="50" numFormat="DIGIT" '
                    'charPrIDRef="4294967295" checkable="0"/></hh:bullet>'
                    % (bid, esc(ch)))
                pid = PP_LIST0 + len(list_pp)
                list_pp[(lid, lvl)] = pid
                paraprs.append(hwpx_parapr(pid, heading=("BULLET", bid, 0),
                                           left=1000 * (lvl + 1)))
        else:
            heads = "".join(
                hwpx_parahead(i + 1, HWPX_NUMFMT[f], t.replace("%", "^"))
                for i, (f, t) in enumerate(levels))
            numberings.append('<hh:numbering id="%d" start="0">%s'
                              '</hh:numbering>' % (lid, heads))
            for lvl in range(len(levels)):
                pid = PP_LIST0 + len(list_pp)
                list_pp[(lid, lvl)] = pid
                paraprs.append(hwpx_parapr(pid, heading=("NUMBER", lid, lvl),
                                           left=1000 * (lvl + 1)))
    styles = [("바탕글", "Normal", PP_BODY, CH_NORMAL),
              ("본문", "Body", PP_BODY, CH_NORMAL),
              ("개요 1", "Outline 1", PP_OUT1, CH_HEAD),
              ("개요 2", "Outline 2", PP_OUT2, CH_HEAD),
              ("개요 3", "Outline 3", PP_OUT3, CH_BOLD),
              ("각주", "Footnote", PP_NOTE, CH_NOTE)]
    style_xml = "".join(
        '<hh:style id="%d" type="PARA" name="%s" engName="%s" '
        'paraPrIDRef="%d" charPrIDRef="%d" nextStyleIDRef="%d" '
        'langID="1042" lockForm="0"/>'
        % (i, esc(n), e, pp, cp, 0 if i in (2, 3, 4) else i)
        for i, (n, e, pp, cp) in enumerate(styles))
    bullets_xml = ('<hh:bullets itemCnt="%d">%s</hh:bullets>'
                   % (len(bullets), "".join(bullets)) if bullets else "")
    xml = (
        XML_DECL + '<hh:head %s version="1.5" secCnt="1">'
        '<hh:beginNum page="1" footnote="1" endnote="1" pic="1" tbl="1" '
        'equation="1"/><hh:refList>'
        '<hh:fontfaces itemCnt="%d">%s</hh:fontfaces>'
        '<hh:borderFills itemCnt="3">%s%s%s</hh:borderFills>'
        '<hh:charProperties itemCnt="%d">%s</hh:charProperties>'
        '<hh:tabProperties itemCnt="1"><hh:tabPr id="0" autoTabLeft="0" '
        'autoTabRight="0"/></hh:tabProperties>'
        '<hh:numberings itemCnt="%d">%s</hh:numberings>%s'
        '<hh:paraProperties itemCnt="%d">%s</hh:paraProperties>'
        '<hh:styles itemCnt="%d">%s</hh:styles>'
        '</hh:refList>'
        '<hh:compatibleDocument targetProgram="HWP201X">'
        '<hh:layoutCompatibility/></hh:compatibleDocument>'
        '<hh:docOption><hh:linkinfo path="" pageInherit="0" '
        'footnoteInherit="0"/></hh:docOption>'
        '<hh:trackchageConfig flags="56"/></hh:head>'
        % (HWPX_NS, len(HWPX_LANGS), fontfaces,
           hwpx_border_fill(1, "NONE"), hwpx_border_fill(2, "NONE"),
           hwpx_border_fill(3, "SOLID"), len(charprs), "".join(charprs),
           len(numberings), "".join(numberings), bullets_xml,
           len(paraprs), "".join(paraprs), len(styles), style_xml))
    return xml, list_pp


HWPX_SECPR = (
    '<hp:secPr id="" textDirection="HORIZONTAL" spaceColumns="1134" '
    'tabStop="8000" tabStopVal="4000" tabStopUnit="HWPUNIT" '
    'outlineShapeIDRef="1" memoShapeIDRef="0" textVerticalWidthHead="0" '
    'masterPageCnt="0"><hp:grid lineGrid="0" charGrid="0" '
    'wonggojiFormat="0"/><hp:startNum pageStartsOn="BOTH" page="0" pic="0" '
    'tbl="0" equation="0"/><hp:visibility hideFirstHeader="0" '
    'hideFirstFooter="0" hideFirstMasterPage="0" border="SHOW_ALL" '
    'fill="SHOW_ALL" hideFirstPageNum="0" hideFirstEmptyLine="0" '
    'showLineNumber="0"/><hp:lineNumberShape restartType="0" countBy="0" '
    'distance="0" startNumber="0"/><hp:pagePr landscape="WIDELY" '
    'width="59528" height="84186" gutterType="LEFT_ONLY"><hp:margin '
    'header="4252" footer="4252" gutter="0" left="8504" right="8504" '
    'top="5668" bottom="4252"/></hp:pagePr><hp:footNotePr>'
    '<hp:autoNumFormat type="DIGIT" userChar="" prefixChar="" '
    'suffixChar=")" supscript="0"/><hp:noteLine length="-1" type="SOLID" '
    'width="0.12 mm" color="#000000"/><hp:noteSpacing betweenNotes="283" '
    'belowLine="567" aboveLine="850"/><hp:numbering type="CONTINUOUS" '
    'newNum="1"/><hp:placement place="EACH_COLUMN" beneathText="0"/>'
    '</hp:footNotePr><hp:endNotePr><hp:autoNumFormat type="DIGIT" '
    'userChar="" prefixChar="" suffixChar=")" supscript="0"/><hp:noteLine '
    'length="14692344" type="SOLID" width="0.12 mm" color="#000000"/>'
    '<hp:noteSpacing betweenNotes="0" belowLine="567" aboveLine="850"/>'
    '<hp:numbering type="CONTINUOUS" newNum="1"/><hp:placement '
    'place="END_OF_DOCUMENT" beneathText="0"/></hp:endNotePr>'
    '<hp:pageBorderFill type="BOTH" borderFillIDRef="1" textBorder="PAPER" '
    'headerInside="0" footerInside="0" fillArea="PAPER"><hp:offset '
    'left="1417" right="1417" top="1417" bottom="1417"/>'
    '</hp:pageBorderFill></hp:secPr><hp:ctrl><hp:colPr id="" '
    'type="NEWSPAPER" layout="LEFT" colCount="1" sameSz="1" sameGap="0"/>'
    '</hp:ctrl>')

TEXT_WIDTH = 42520  # A4 width less both margins, in HWPUNIT (1/7200 in)


class HwpxWriter:
    def __init__(self, doc):
        self.doc = doc
        self.header, self.list_pp = hwpx_header(doc)
        self.next_id = 1
        self.footnotes = 0
        self.images = []      # (item id, bytes)
        self.tables = 0

    def nid(self):
        self.next_id += 1
        return self.next_id

    # -- inline runs
    def runs(self, runs, charpr):
        out = []
        text = []   # pieces of the current hp:t

        def flush():
            if text:
                out.append('<hp:run charPrIDRef="%d"><hp:t>%s</hp:t>'
                           '</hp:run>' % (charpr, "".join(text)))
                text.clear()

        for r in runs:
            if isinstance(r, str):
                text.append(esc(r))
            elif r[0] == "br":
                text.append("<hp:lineBreak/>")
            elif r[0] == "tab":
                text.append('<hp:tab width="4000" leader="0" type="1"/>')
            elif r[0] == "b":
                flush()
                out.append('<hp:run charPrIDRef="%d"><hp:t>%s</hp:t>'
                           '</hp:run>' % (CH_BOLD, esc(r[1])))
            elif r[0] in ("font", "sym"):
                flush()
                cp = CH_WINGDINGS if r[1] == "Wingdings" else CH_SYMBOL
                s = r[2] if r[0] == "font" else chr(r[2])
                out.append('<hp:run charPrIDRef="%d"><hp:t>%s</hp:t>'
                           '</hp:run>' % (cp, esc(s)))
            elif r[0] == "fn":
                flush()
                self.footnotes += 1
                n = self.footnotes
                paras = []
                for i, fp in enumerate(r[1]):
                    lead = ""
                    if i == 0:
                        lead = ('<hp:ctrl><hp:autoNum num="%d" '
                                'numType="FOOTNOTE"><hp:autoNumFormat '
                                'type="DIGIT" userChar="" prefixChar="" '
                                'suffixChar=")" supscript="0"/></hp:autoNum>'
                                '</hp:ctrl>' % n)
                    body = self.runs([" "] + fp.runs if i == 0 else fp.runs,
                                     CH_NOTE)
                    body = body.replace('<hp:run charPrIDRef="%d">' % CH_NOTE,
                                        '<hp:run charPrIDRef="%d">%s'
                                        % (CH_NOTE, lead), 1)
                    paras.append('<hp:p id="%d" paraPrIDRef="%d" '
                                 'styleIDRef="5" pageBreak="0" '
                                 'columnBreak="0" merged="0">%s</hp:p>'
                                 % (self.nid(), PP_NOTE, body))
                out.append('<hp:run charPrIDRef="%d"><hp:ctrl><hp:footNote '
                           'number="%d" suffixChar="41" instId="%d">%s'
                           '</hp:footNote></hp:ctrl><hp:t/></hp:run>'
                           % (charpr, n, 1000 + n,
                              self.sublist("".join(paras))))
            elif r[0] == "img":
                flush()
                out.append('<hp:run charPrIDRef="%d">%s<hp:t/></hp:run>'
                           % (charpr, self.picture(*r[1:])))
            else:
                raise ValueError(r)
        flush()
        if not out:
            out.append('<hp:run charPrIDRef="%d"><hp:t/></hp:run>' % charpr)
        return "".join(out)

    def picture(self, name, alt, w, h):
        item = "image%d" % (len(self.images) + 1)
        self.images.append((item, name))
        W, H = w * 75, h * 75   # pixels at 96 dpi -> HWPUNIT
        return (
            '<hp:pic id="%d" zOrder="%d" numberingType="PICTURE" '
            'textWrap="TOP_AND_BOTTOM" textFlow="BOTH_SIDES" lock="0" '
            'dropcapstyle="None" href="" groupLevel="0" instid="%d" '
            'reverse="0"><hp:offset x="0" y="0"/>'
            '<hp:orgSz width="%d" height="%d"/>'
            '<hp:curSz width="%d" height="%d"/>'
            '<hp:flip horizontal="0" vertical="0"/>'
            '<hp:rotationInfo angle="0" centerX="%d" centerY="%d" '
            'rotateimage="1"/><hp:renderingInfo>'
            '<hc:transMatrix e1="1" e2="0" e3="0" e4="0" e5="1" e6="0"/>'
            '<hc:scaMatrix e1="1" e2="0" e3="0" e4="0" e5="1" e6="0"/>'
            '<hc:rotMatrix e1="1" e2="0" e3="0" e4="0" e5="1" e6="0"/>'
            '</hp:renderingInfo><hc:img binaryItemIDRef="%s" bright="0" '
            'contrast="0" effect="REAL_PIC" alpha="0"/><hp:imgRect>'
            '<hc:pt0 x="0" y="0"/><hc:pt1 x="%d" y="0"/>'
            '<hc:pt2 x="%d" y="%d"/><hc:pt3 x="0" y="%d"/></hp:imgRect>'
            '<hp:imgClip left="0" right="%d" top="0" bottom="%d"/>'
            '<hp:inMargin left="0" right="0" top="0" bottom="0"/>'
            '<hp:imgDim dimwidth="%d" dimheight="%d"/><hp:effects/>'
            '<hp:sz width="%d" widthRelTo="ABSOLUTE" height="%d" '
            'heightRelTo="ABSOLUTE" protect="0"/><hp:pos treatAsChar="1" '
            'affectLSpacing="0" flowWithText="1" allowOverlap="0" '
            'holdAnchorAndSO="0" vertRelTo="PARA" horzRelTo="PARA" '
            'vertAlign="TOP" horzAlign="LEFT" vertOffset="0" '
            'horzOffset="0"/><hp:outMargin left="0" right="0" top="0" '
            'bottom="0"/><hp:shapeComment>%s</hp:shapeComment></hp:pic>'
            % (self.nid(), 10 + len(self.images), self.nid(), W, H, W, H,
               W // 2, H // 2, item, W, W, H, H, W, H, W, H, W, H, esc(alt)))

    @staticmethod
    def sublist(inner, valign="TOP"):
        return ('<hp:subList id="" textDirection="HORIZONTAL" '
                'lineWrap="BREAK" vertAlign="%s" linkListIDRef="0" '
                'linkListNextIDRef="0" textWidth="0" textHeight="0" '
                'hasTextRef="0" hasNumRef="0">%s</hp:subList>'
                % (valign, inner))

    # -- blocks
    def para(self, p, in_cell=False, first=False):
        kind = p.kind
        style, charpr = 0, CH_NORMAL
        if kind == "title":
            ppr, charpr = PP_TITLE, CH_TITLE
        elif kind == "body":
            ppr = PP_CELL if in_cell else PP_BODY
        elif kind[0] == "h":
            ppr = (PP_OUT1, PP_OUT2, PP_OUT3)[kind[1] - 1]
            style = 1 + kind[1]
            charpr = CH_HEAD if kind[1] < 3 else CH_BOLD
        elif kind[0] == "list":
            ppr = self.list_pp[(kind[1], kind[2])]
        elif kind[0] == "indent":
            ppr = (PP_BODY, PP_IND1, PP_IND2, PP_IND3)[kind[1]]
        else:
            raise ValueError(kind)
        body = self.runs(p.runs, charpr)
        if first:
            body = ('<hp:run charPrIDRef="0">%s</hp:run>' % HWPX_SECPR) + body
        return ('<hp:p id="%d" paraPrIDRef="%d" styleIDRef="%d" '
                'pageBreak="0" columnBreak="0" merged="0">%s</hp:p>'
                % (self.nid(), ppr, style, body))

    def table(self, t, width=TEXT_WIDTH):
        self.tables += 1
        ncols = t.ncols()
        colw = width // ncols
        rows = {}
        for r, c, cell in t.layout():
            inner = self.blocks(cell.blocks, in_cell=True,
                                width=colw * cell.colspan - 1020)
            rows.setdefault(r, []).append(
                '<hp:tc name="" header="%d" hasMargin="0" protect="0" '
                'editable="0" dirty="0" borderFillIDRef="3">%s'
                '<hp:cellAddr colAddr="%d" rowAddr="%d"/>'
                '<hp:cellSpan colSpan="%d" rowSpan="%d"/>'
                '<hp:cellSz width="%d" height="%d"/>'
                '<hp:cellMargin left="510" right="510" top="141" '
                'bottom="141"/></hp:tc>'
                % (1 if cell.header else 0, self.sublist(inner, "CENTER"),
                   c, r, cell.colspan, cell.rowspan, colw * cell.colspan,
                   1800 * cell.rowspan))
        trs = "".join("<hp:tr>%s</hp:tr>" % "".join(rows[r])
                      for r in sorted(rows))
        return (
            '<hp:tbl id="%d" zOrder="%d" numberingType="TABLE" '
            'textWrap="TOP_AND_BOTTOM" textFlow="BOTH_SIDES" lock="0" '
            'dropcapstyle="None" pageBreak="CELL" repeatHeader="1" '
            'rowCnt="%d" colCnt="%d" cellSpacing="0" borderFillIDRef="3" '
            'noAdjust="0"><hp:sz width="%d" widthRelTo="ABSOLUTE" '
            'height="%d" heightRelTo="ABSOLUTE" protect="0"/>'
            '<hp:pos treatAsChar="1" affectLSpacing="0" flowWithText="1" '
            'allowOverlap="0" holdAnchorAndSO="0" vertRelTo="PARA" '
            'horzRelTo="COLUMN" vertAlign="TOP" horzAlign="LEFT" '
            'vertOffset="0" horzOffset="0"/><hp:outMargin left="0" '
            'right="0" top="0" bottom="0"/><hp:inMargin left="510" '
            'right="510" top="141" bottom="141"/>%s</hp:tbl>'
            % (self.nid(), self.tables, len(t.rows), ncols, colw * ncols,
               1800 * len(t.rows), trs))

    def blocks(self, blocks, in_cell=False, width=TEXT_WIDTH, first=False):
        out = []
        for b in blocks:
            if isinstance(b, T):
                # A table sits in a run of a paragraph of its own.
                out.append('<hp:p id="%d" paraPrIDRef="%d" styleIDRef="0" '
                           'pageBreak="0" columnBreak="0" merged="0">%s'
                           '<hp:run charPrIDRef="0">%s<hp:t/></hp:run>'
                           '</hp:p>' % (self.nid(),
                                        PP_CELL if in_cell else PP_BODY,
                                        "" if not first else
                                        '<hp:run charPrIDRef="0">%s</hp:run>'
                                        % HWPX_SECPR, self.table(b, width)))
            else:
                out.append(self.para(b, in_cell, first))
            first = False
        return "".join(out)

    def section(self):
        return (XML_DECL + '<hs:sec %s>%s</hs:sec>'
                % (HWPX_NS, self.blocks(self.doc.blocks, first=True)))


def plain_text(blocks):
    """The document's text, for Preview/PrvText.txt."""
    out = []
    for b in blocks:
        if isinstance(b, T):
            for row in b.rows:
                out.append("\t".join(plain_text(c.blocks).replace("\n", " ")
                                     for c in row))
        else:
            s = ""
            for r in b.runs:
                if isinstance(r, str):
                    s += r
                elif r[0] == "br":
                    s += "\n"
                elif r[0] == "tab":
                    s += "\t"
                elif r[0] in ("b",):
                    s += r[1]
                elif r[0] == "font":
                    s += r[2]
                elif r[0] == "sym":
                    s += chr(r[2])
            out.append(s)
    return "\n".join(out)


def hwpx_package(doc, images):
    w = HwpxWriter(doc)
    section = w.section()
    m = doc.meta
    meta = []
    if "title" in m:
        meta.append("<opf:title>%s</opf:title>" % esc(m["title"])
                    if m["title"] else "<opf:title/>")
    meta.append("<opf:language>ko</opf:language>")
    for key, name in (("creator", "creator"), ("subject", "subject"),
                      ("description", "description"),
                      ("lastsaveby", "lastsaveby"),
                      ("created", "CreatedDate"),
                      ("modified", "ModifiedDate"),
                      ("keywords", "keyword")):
        if key in m:
            v = m[key]
            meta.append('<opf:meta name="%s" content="text">%s</opf:meta>'
                        % (name, esc(v)) if v else
                        '<opf:meta name="%s" content="text"/>' % name)
    items = ['<opf:item id="header" href="Contents/header.xml" '
             'media-type="application/xml"/>']
    for item, name in w.images:
        items.append('<opf:item id="%s" href="BinData/%s.png" '
                     'media-type="image/png" isEmbeded="1"/>' % (item, item))
    items.append('<opf:item id="section0" href="Contents/section0.xml" '
                 'media-type="application/xml"/>')
    items.append('<opf:item id="settings" href="settings.xml" '
                 'media-type="application/xml"/>')
    hpf = (XML_DECL + '<opf:package %s version="" unique-identifier="" '
           'id=""><opf:metadata>%s</opf:metadata><opf:manifest>%s'
           '</opf:manifest><opf:spine><opf:itemref idref="header" '
           'linear="yes"/><opf:itemref idref="section0" linear="yes"/>'
           '</opf:spine></opf:package>'
           % (HWPX_NS, "".join(meta), "".join(items)))
    container = (
        XML_DECL + '<ocf:container xmlns:ocf="urn:oasis:names:tc:'
        'opendocument:xmlns:container" xmlns:hpf="http://www.hancom.co.kr/'
        'schema/2011/hpf"><ocf:rootfiles><ocf:rootfile full-path="Contents/'
        'content.hpf" media-type="application/hwpml-package+xml"/>'
        '<ocf:rootfile full-path="Preview/PrvText.txt" '
        'media-type="text/plain"/></ocf:rootfiles></ocf:container>')
    manifest = (XML_DECL + '<odf:manifest xmlns:odf="urn:oasis:names:tc:'
                'opendocument:xmlns:manifest:1.0"/>')
    version = (XML_DECL + '<hv:HCFVersion xmlns:hv="http://www.hancom.co.kr'
               '/hwpml/2011/version" tagetApplication="WORDPROCESSOR" '
               'major="5" minor="1" micro="1" buildNumber="0" os="1" '
               'xmlVersion="1.5" application="airead make_samples.py" '
               'appVersion="1.0"/>')
    settings = (XML_DECL + '<ha:HWPApplicationSetting xmlns:ha="http://www.'
                'hancom.co.kr/hwpml/2011/app" xmlns:config="urn:oasis:names:'
                'tc:opendocument:xmlns:config:1.0"><ha:CaretPosition '
                'listIDRef="0" paraIDRef="0" pos="0"/>'
                '</ha:HWPApplicationSetting>')
    entries = {
        "mimetype": b"application/hwp+zip",
        "version.xml": version.encode(),
        "settings.xml": settings.encode(),
        "META-INF/container.xml": container.encode(),
        "META-INF/manifest.xml": manifest.encode(),
        "Contents/content.hpf": hpf.encode(),
        "Contents/header.xml": w.header.encode(),
        "Contents/section0.xml": section.encode(),
        "Preview/PrvText.txt": plain_text(doc.blocks)[:1024].encode(),
    }
    for item, name in w.images:
        entries["BinData/%s.png" % item] = images[name]
    return entries


# ---------------------------------------------------------------------------
# DOCX writer (OOXML WordprocessingML)
# ---------------------------------------------------------------------------

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
        'main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/'
        'drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.'
        'openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.'
        'openxmlformats.org/drawingml/2006/picture"')
DOCX_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
DOCX_NUMFMT = {"decimal": "decimal", "hangul": "ganada",
               "circled": "decimalEnclosedCircle", "bullet": "bullet"}
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEADING_LIST = 1   # w:numId of the multilevel list the heading styles use


def wt(s):
    return '<w:t xml:space="preserve">%s</w:t>' % esc(s)


class DocxWriter:
    def __init__(self, doc):
        self.doc = doc
        self.footnotes = []   # xml of each w:footnote
        self.images = []      # (rId, name)
        self.drawings = 0
        # Heading list = 1; the document's own lists follow.
        self.numid = {lid: i + 2 for i, lid in enumerate(sorted(doc.lists))}

    def runs(self, runs, rpr=""):
        out = []
        for r in runs:
            if isinstance(r, str):
                out.append("<w:r>%s%s</w:r>" % (rpr, wt(r)))
            elif r[0] == "br":
                out.append("<w:r>%s<w:br/></w:r>" % rpr)
            elif r[0] == "tab":
                out.append("<w:r>%s<w:tab/></w:r>" % rpr)
            elif r[0] == "b":
                out.append("<w:r><w:rPr><w:b/></w:rPr>%s</w:r>" % wt(r[1]))
            elif r[0] == "font":
                out.append('<w:r><w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s" '
                           'w:cs="%s"/></w:rPr>%s</w:r>'
                           % (r[1], r[1], r[1], wt(r[2])))
            elif r[0] == "sym":
                out.append('<w:r><w:sym w:font="%s" w:char="%04X"/></w:r>'
                           % (r[1], r[2]))
            elif r[0] == "fn":
                fid = len(self.footnotes) + 1
                paras = []
                for i, fp in enumerate(r[1]):
                    lead = ('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"'
                            '/></w:rPr><w:footnoteRef/></w:r>'
                            '<w:r>%s</w:r>' % wt(" ") if i == 0 else "")
                    paras.append('<w:p><w:pPr><w:pStyle w:val="FootnoteText"'
                                 '/></w:pPr>%s%s</w:p>'
                                 % (lead, self.runs(fp.runs)))
                self.footnotes.append('<w:footnote w:id="%d">%s</w:footnote>'
                                      % (fid, "".join(paras)))
                out.append('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/>'
                           '</w:rPr><w:footnoteReference w:id="%d"/></w:r>'
                           % fid)
            elif r[0] == "img":
                out.append("<w:r>%s</w:r>" % self.drawing(*r[1:]))
            else:
                raise ValueError(r)
        return "".join(out)

    def drawing(self, name, alt, w, h):
        rid = "rIdImg%d" % (len(self.images) + 1)
        self.images.append((rid, name))
        self.drawings += 1
        cx, cy = w * 9525, h * 9525   # pixels at 96 dpi -> EMU
        return (
            '<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
            '<wp:extent cx="%d" cy="%d"/><wp:effectExtent l="0" t="0" '
            'r="0" b="0"/><wp:docPr id="%d" name="그림 %d" descr="%s"/>'
            '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/>'
            '</wp:cNvGraphicFramePr><a:graphic><a:graphicData uri="http://'
            'schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
            '<pic:nvPicPr><pic:cNvPr id="0" name="%s.png" descr="%s"/>'
            '<pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed='
            '"%s"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/>'
            '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
            '</pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline>'
            '</w:drawing>'
            % (cx, cy, self.drawings, self.drawings, esc(alt), name,
               esc(alt), rid, cx, cy))

    def para(self, p, in_cell=False):
        kind = p.kind
        ppr = ""
        rpr = ""
        if kind == "title":
            ppr = '<w:pStyle w:val="Title"/>'
        elif kind == "body":
            if in_cell:
                ppr = '<w:jc w:val="center"/>'
        elif kind[0] == "h":
            ppr = '<w:pStyle w:val="Heading%d"/>' % kind[1]
        elif kind[0] == "list":
            ppr = ('<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl '
                   'w:val="%d"/><w:numId w:val="%d"/></w:numPr>'
                   % (kind[2], self.numid[kind[1]]))
        elif kind[0] == "indent":
            if kind[1]:
                ppr = ('<w:ind w:left="%d" w:hanging="300"/>'
                       % (400 * kind[1]))
        else:
            raise ValueError(kind)
        return "<w:p>%s%s</w:p>" % ("<w:pPr>%s</w:pPr>" % ppr if ppr else "",
                                    self.runs(p.runs, rpr))

    def table(self, t, width=9026):
        ncols = t.ncols()
        colw = width // ncols
        layout = t.layout()
        # Grid of anchors: which cell starts or covers each slot.
        anchor = {}
        for r, c, cell in layout:
            for dr in range(cell.rowspan):
                anchor[(r + dr, c)] = (r, cell)
        rows = []
        for r in range(len(t.rows)):
            tcs = []
            c = 0
            is_header = False
            while c < ncols:
                if (r, c) not in anchor:
                    # No cell here: pad so Word sees a full row.
                    tcs.append('<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>'
                               '</w:tcPr><w:p/></w:tc>' % colw)
                    c += 1
                    continue
                top, cell = anchor[(r, c)]
                span = ('<w:gridSpan w:val="%d"/>' % cell.colspan
                        if cell.colspan > 1 else "")
                vm = ""
                if cell.rowspan > 1:
                    vm = ('<w:vMerge w:val="restart"/>' if top == r
                          else "<w:vMerge/>")
                pr = ('<w:tcPr><w:tcW w:w="%d" w:type="dxa"/>%s%s'
                      '<w:vAlign w:val="center"/></w:tcPr>'
                      % (colw * cell.colspan, span, vm))
                if top == r:
                    is_header = is_header or cell.header
                    body = self.blocks(cell.blocks, in_cell=True,
                                       width=colw * cell.colspan - 216)
                else:
                    body = "<w:p/>"   # a vMerge continuation holds no text
                tcs.append("<w:tc>%s%s</w:tc>" % (pr, body))
                c += cell.colspan
            trpr = "<w:trPr><w:tblHeader/></w:trPr>" if is_header else ""
            rows.append("<w:tr>%s%s</w:tr>" % (trpr, "".join(tcs)))
        grid = "".join('<w:gridCol w:w="%d"/>' % colw for _ in range(ncols))
        return ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/>'
                '<w:tblW w:w="%d" w:type="dxa"/><w:tblLook w:val="04A0" '
                'w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
                'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
                '<w:tblGrid>%s</w:tblGrid>%s</w:tbl>'
                % (colw * ncols, grid, "".join(rows)))

    def blocks(self, blocks, in_cell=False, width=9026):
        out = []
        for b in blocks:
            if isinstance(b, T):
                out.append(self.table(b, width))
            else:
                out.append(self.para(b, in_cell))
        if in_cell and (not blocks or isinstance(blocks[-1], T)):
            out.append("<w:p/>")   # a cell ends with a paragraph
        return "".join(out)

    def document(self):
        body = self.blocks(self.doc.blocks)
        return (DOCX_DECL + '<w:document %s><w:body>%s<w:sectPr>'
                '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1701" '
                'w:right="1440" w:bottom="1440" w:left="1440" w:header="851" '
                'w:footer="992" w:gutter="0"/><w:cols w:space="425"/>'
                '<w:docGrid w:linePitch="360"/></w:sectPr></w:body>'
                '</w:document>' % (W_NS, body))

    def numbering(self):
        def lvl(i, fmt, text, style=None, indent=True):
            return ('<w:lvl w:ilvl="%d"><w:start w:val="1"/>'
                    '<w:numFmt w:val="%s"/>%s<w:lvlText w:val="%s"/>'
                    '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="%d" '
                    'w:hanging="400"/></w:pPr></w:lvl>'
                    % (i, DOCX_NUMFMT[fmt],
                       '<w:pStyle w:val="%s"/>' % style if style else "",
                       esc(text), 400 * (i + 1) if indent else 400))
        heads = "".join(
            lvl(i, "decimal", t, "Heading%d" % (i + 1))
            for i, t in enumerate(["%1", "%1-%2", "%1-%2-%3"]))
        abstract = ['<w:abstractNum w:abstractNumId="0"><w:multiLevelType '
                    'w:val="multilevel"/>%s</w:abstractNum>' % heads]
        nums = ['<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>']
        for lid in sorted(self.doc.lists):
            a = len(abstract)
            levels = "".join(lvl(i, f, t) for i, (f, t)
                             in enumerate(self.doc.lists[lid]))
            abstract.append('<w:abstractNum w:abstractNumId="%d">'
                            '<w:multiLevelType w:val="hybridMultilevel"/>%s'
                            '</w:abstractNum>' % (a, levels))
            nums.append('<w:num w:numId="%d"><w:abstractNumId w:val="%d"/>'
                        '</w:num>' % (self.numid[lid], a))
        return (DOCX_DECL + '<w:numbering %s>%s%s</w:numbering>'
                % (W_NS, "".join(abstract), "".join(nums)))


DOCX_STYLES = (
    DOCX_DECL + '<w:styles xmlns:w="http://schemas.openxmlformats.org/'
    'wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr>'
    '<w:rFonts w:ascii="맑은 고딕" w:eastAsia="맑은 고딕" w:hAnsi="맑은 고딕" '
    'w:cs="Times New Roman"/><w:sz w:val="22"/><w:szCs w:val="22"/>'
    '<w:lang w:val="en-US" w:eastAsia="ko-KR" w:bidi="ar-SA"/></w:rPr>'
    '</w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160" '
    'w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
    '<w:name w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="both"/></w:pPr>'
    '</w:style>'
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/>'
    '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
    '<w:pPr><w:spacing w:before="240" w:after="240"/><w:jc w:val="center"/>'
    '</w:pPr><w:rPr><w:b/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr>'
    '</w:style>'
    + "".join(
        '<w:style w:type="paragraph" w:styleId="Heading%d">'
        '<w:name w:val="heading %d"/><w:basedOn w:val="Normal"/>'
        '<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/>'
        '<w:numPr>%s<w:numId w:val="%d"/></w:numPr><w:spacing '
        'w:before="%d" w:after="120"/><w:outlineLvl w:val="%d"/></w:pPr>'
        '<w:rPr><w:b/><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr>'
        '</w:style>'
        % (n, n, '<w:ilvl w:val="%d"/>' % (n - 1) if n > 1 else "",
           HEADING_LIST, 360 - 80 * n, n - 1, 30 - 2 * n, 30 - 2 * n)
        for n in (1, 2, 3)) +
    '<w:style w:type="paragraph" w:styleId="ListParagraph">'
    '<w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/>'
    '<w:qFormat/><w:pPr><w:ind w:left="800"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="FootnoteText">'
    '<w:name w:val="footnote text"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    '<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>'
    '<w:style w:type="character" w:default="1" '
    'w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph '
    'Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>'
    '<w:style w:type="character" w:styleId="FootnoteReference">'
    '<w:name w:val="footnote reference"/><w:rPr><w:vertAlign '
    'w:val="superscript"/></w:rPr></w:style>'
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
    '<w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" '
    'w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left '
    'w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right '
    'w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table '
    'Grid"/><w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders>'
    + "".join('<w:%s w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
              % s for s in ("top", "left", "bottom", "right", "insideH",
                            "insideV")) +
    '</w:tblBorders></w:tblPr></w:style>'
    '<w:style w:type="numbering" w:default="1" w:styleId="NoList">'
    '<w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/>'
    '</w:style></w:styles>')

DOCX_SETTINGS = (
    DOCX_DECL + '<w:settings xmlns:w="http://schemas.openxmlformats.org/'
    'wordprocessingml/2006/main"><w:defaultTabStop w:val="800"/>'
    '<w:characterSpacingControl w:val="doNotCompress"/><w:footnotePr>'
    '<w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" '
    'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
    '</w:compat></w:settings>')

DOCX_FONTS = (
    DOCX_DECL + '<w:fonts xmlns:w="http://schemas.openxmlformats.org/'
    'wordprocessingml/2006/main">'
    '<w:font w:name="맑은 고딕"><w:altName w:val="Malgun Gothic"/>'
    '<w:charset w:val="81"/><w:family w:val="modern"/>'
    '<w:pitch w:val="variable"/></w:font>'
    '<w:font w:name="Times New Roman"><w:charset w:val="00"/>'
    '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
    '<w:font w:name="Wingdings"><w:charset w:val="02"/>'
    '<w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>'
    '<w:font w:name="Symbol"><w:charset w:val="02"/>'
    '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
    '</w:fonts>')


def docx_package(doc, images):
    w = DocxWriter(doc)
    document = w.document()
    m = doc.meta

    def core(tag, key, attr=""):
        if key not in m:
            return ""
        if not m[key]:
            return "<%s/>" % tag
        return "<%s%s>%s</%s>" % (tag, attr, esc(m[key]), tag)

    w3c = ' xsi:type="dcterms:W3CDTF"'
    core_xml = (
        DOCX_DECL + '<cp:coreProperties xmlns:cp="http://schemas.'
        'openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://'
        'purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">%s%s%s%s%s%s'
        '<cp:revision>1</cp:revision>%s%s<dc:language>ko-KR</dc:language>'
        '</cp:coreProperties>'
        % (core("dc:title", "title"), core("dc:subject", "subject"),
           core("dc:creator", "creator"), core("cp:keywords", "keywords"),
           core("dc:description", "description"),
           core("cp:lastModifiedBy", "lastsaveby"),
           core("dcterms:created", "created", w3c),
           core("dcterms:modified", "modified", w3c)))
    app_xml = (
        DOCX_DECL + '<Properties xmlns="http://schemas.openxmlformats.org/'
        'officeDocument/2006/extended-properties" xmlns:vt="http://schemas.'
        'openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        '<Application>airead make_samples.py</Application>'
        '<DocSecurity>0</DocSecurity>%s<AppVersion>16.0000</AppVersion>'
        '</Properties>'
        % ("<Company>%s</Company>" % esc(m["company"])
           if m.get("company") else ""))
    ct_over = [
        ("/word/document.xml", "application/vnd.openxmlformats-"
         "officedocument.wordprocessingml.document.main+xml"),
        ("/word/styles.xml", "application/vnd.openxmlformats-"
         "officedocument.wordprocessingml.styles+xml"),
        ("/word/numbering.xml", "application/vnd.openxmlformats-"
         "officedocument.wordprocessingml.numbering+xml"),
        ("/word/settings.xml", "application/vnd.openxmlformats-"
         "officedocument.wordprocessingml.settings+xml"),
        ("/word/fontTable.xml", "application/vnd.openxmlformats-"
         "officedocument.wordprocessingml.fontTable+xml"),
        ("/word/footnotes.xml", "application/vnd.openxmlformats-"
         "officedocument.wordprocessingml.footnotes+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package."
         "core-properties+xml"),
        ("/docProps/app.xml", "application/vnd.openxmlformats-"
         "officedocument.extended-properties+xml"),
    ]
    content_types = (
        DOCX_DECL + '<Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType='
        '"application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="png" ContentType="image/png"/>%s</Types>'
        % "".join('<Override PartName="%s" ContentType="%s"/>' % o
                  for o in ct_over))
    rels = (
        DOCX_DECL + '<Relationships xmlns="http://schemas.openxmlformats.'
        'org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="%s/officeDocument" '
        'Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/'
        'package/2006/relationships/metadata/core-properties" '
        'Target="docProps/core.xml"/>'
        '<Relationship Id="rId3" Type="%s/extended-properties" '
        'Target="docProps/app.xml"/></Relationships>' % (REL, REL))
    doc_rels = [("rId1", "styles", "styles.xml"),
                ("rId2", "numbering", "numbering.xml"),
                ("rId3", "settings", "settings.xml"),
                ("rId4", "fontTable", "fontTable.xml"),
                ("rId5", "footnotes", "footnotes.xml")]
    for rid, name in w.images:
        doc_rels.append((rid, "image", "media/%s.png" % name))
    doc_rels_xml = (
        DOCX_DECL + '<Relationships xmlns="http://schemas.openxmlformats.'
        'org/package/2006/relationships">%s</Relationships>'
        % "".join('<Relationship Id="%s" Type="%s/%s" Target="%s"/>'
                  % (i, REL, t, tg) for i, t, tg in doc_rels))
    footnotes = (
        DOCX_DECL + '<w:footnotes %s><w:footnote w:type="separator" '
        'w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
        'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p>'
        '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0">'
        '<w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        '</w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        '%s</w:footnotes>' % (W_NS, "".join(w.footnotes)))
    entries = {
        "[Content_Types].xml": content_types.encode(),
        "_rels/.rels": rels.encode(),
        "docProps/core.xml": core_xml.encode(),
        "docProps/app.xml": app_xml.encode(),
        "word/document.xml": document.encode(),
        "word/_rels/document.xml.rels": doc_rels_xml.encode(),
        "word/styles.xml": DOCX_STYLES.encode(),
        "word/numbering.xml": w.numbering().encode(),
        "word/settings.xml": DOCX_SETTINGS.encode(),
        "word/fontTable.xml": DOCX_FONTS.encode(),
        "word/footnotes.xml": footnotes.encode(),
    }
    for rid, name in w.images:
        entries["word/media/%s.png" % name] = images[name]
    return entries


# ---------------------------------------------------------------------------
# The samples
# ---------------------------------------------------------------------------

GOOD_META = {
    "title": "2026년 시민 디지털 역량 강화 추진계획",
    "creator": "서울특별시 디지털정책과",
    "subject": "시민 디지털 역량 강화",
    "keywords": "디지털 역량, 디지털 포용, 교육, 고령층",
    "description": "2026년 시민 디지털 역량 강화 사업의 추진 배경, 계획과 "
                   "기대 효과를 정리한 보고서",
    "created": "2026-01-15T09:00:00Z",
    "modified": "2026-01-20T17:30:00Z",
    "lastsaveby": "서울특별시 디지털정책과",
    "company": "서울특별시",
}


def meta(**over):
    m = dict(GOOD_META)
    for k, v in over.items():
        if v is None:
            m.pop(k, None)
        else:
            m[k] = v
    return m


def H(n, text):
    return P(("h", n), text)


def I(level, text, *more):
    return P(("indent", level), text, *more)


def body(text, *more):
    return P("body", text, *more)


# Typed bullets (□ ○ -) as Hangul users write them; the DOCX twin uses
# automatic bullets from numbering.xml for the same lines.
BULLETS = {1: [("bullet", "□"), ("bullet", "○"), ("bullet", "-")]}


def bullet(level, text, *more, auto=False):
    if auto:
        return P(("list", 1, level - 1), text, *more)
    return I(level, "□○-"[level - 1] + " " + text, *more)


def clean_report(auto_bullets):
    b = lambda lvl, text, *more: bullet(lvl, text, *more, auto=auto_bullets)
    return [
        P("title", "2026년 시민 디지털 역량 강화 추진계획"),
        body("보고 부서: 디지털정책과 / 보고 일자: 2026년 1월 20일"),
        H(1, "추진 배경"),
        b(1, "고령층과 장애인의 디지털 기기 활용 격차가 커지고 있음"),
        b(2, "2025년 조사 결과 70대 이상 시민의 키오스크 이용률은 38% 수준임"),
        b(2, "공공서비스의 온라인 전환으로 정보 접근의 어려움이 늘어남"),
        b(3, "민원 신청의 62%가 온라인으로 접수됨"),
        I(1, "※ 출처: 서울시 디지털 역량 실태조사(2025)"),
        body(("img", "chart1", "연령대별 키오스크 이용률 막대그래프", 96, 48)),
        H(2, "관련 근거"),
        b(1, "「디지털포용법」 제12조에 따른 디지털 역량 교육 시행"),
        H(3, "세부 근거"),
        b(2, "서울특별시 디지털 포용 조례 제5조(교육 지원)"),
        H(1, "추진 계획"),
        H(2, "교육 과정 운영"),
        b(1, "자치구별 디지털 배움터 50개소 운영"),
        b(2, "기초 과정과 심화 과정으로 나누어 운영함"),
        b(2, "찾아가는 교육은 복지관과 경로당을 중심으로 실시함"),
        T([hdr("과정", "대상", "인원", "기간"),
           row("기초 과정", "고령층", "3,000명", "3~6월"),
           row("심화 과정", "일반 시민", "1,500명", "7~10월"),
           row("찾아가는 교육", "거동 불편자", "500명", "연중")]),
        I(1, "※ 인원은 2025년 실적을 기준으로 산정함"),
        H(2, "예산"),
        b(1, "총 사업비 12억 원(시비 100%)",
          ("fn", [body("2026년 본예산 기준임")])),
        H(1, "기대 효과"),
        b(1, "시민의 디지털 서비스 이용률 향상"),
        b(1, "공공서비스 접근성 개선으로 민원 처리 시간 단축"),
    ]


def p1_tables():
    nested = T([hdr("구분", "인원"), row("오전반", "120명"),
                row("오후반", "95명")])
    return [
        P("title", "2026년 상반기 디지털 배움터 운영 실적"),
        H(1, "운영 실적"),
        bullet(1, "상반기 교육 실적을 권역별로 정리함"),
        # Principle 1: merged header cells (column span) and merged
        # category cells (row span).
        T([[C("권역", rowspan=2, header=True),
            C("교육 인원", colspan=2, header=True),
            C("비고", rowspan=2, header=True)],
           [C("계획", header=True), C("실적", header=True)],
           [C("도심권", rowspan=2), C("1,200명"), C("1,150명"), C("")],
           [C("1,000명"), C("1,080명"), C("추가 모집")],
           [C("동북권"), C("900명"), C("940명"), C("")]]),
        H(1, "반별 현황"),
        bullet(1, "종로구 배움터의 반별 인원은 아래와 같음"),
        # Principle 1: a table inside a table cell.
        T([hdr("배움터", "반별 인원"),
           [C("종로구 배움터"), C([body("반별 인원은 다음과 같음"),
                                   nested])]]),
        I(1, "※ 인원은 6월 30일 기준임"),
    ]


def p2_symbols():
    return [
        P("title", "민원 서비스 개선 안내"),
        H(1, "처리 절차"),
        # Principle 2: arrows, decorative shapes, emoji, symbol-font glyphs.
        bullet(1, "신청 → 접수 → 처리 ⇒ 결과 통보 순서로 진행함"),
        bullet(1, "문의는 120 다산콜센터 ☞ 내선 2번"),
        H(1, "중점 과제"),
        body("★ 민원 처리 기간 단축"),
        body("◆ 온라인 신청 확대"),
        body("■ 서식 간소화 ● 구비서류 축소"),
        body("📌 유의 사항: 방문 전 예약 필수 ✅"),
        H(1, "기호 글꼴"),
        body(("sym", "Wingdings", 0xF0E8), " 처리 결과는 문자로 안내함"),
        body(("font", "Wingdings", "Ø"), " 접수 후 3일 이내 처리"),
        body("신청서 제출 ", ("font", "Symbol", "Þ"), " 담당자 배정"),
        body(("font", "Wingdings", "\uf0fc"), " 확인 완료"),
        I(1, "※ 문의: 민원총괄과"),
    ]


def p3_breaks():
    return [
        P("title", "청사 에너지 절약 추진 결과"),
        H(1, "추진 내용"),
        # Principle 3: a sentence split across two paragraphs.
        body("공공청사의 여름철 냉방 온도를 26도 이상으로 유지하고"),
        body("점심시간에는 사무실 조명을 소등하도록 하였음."),
        # A manual line break in the middle of a sentence.
        body("각 부서는 매월 에너지 사용량을 점검하여", ("br",),
             "그 결과를 총무과에 제출함."),
        # A manual line break that splits a word (개선).
        body("전력 사용량은 전년 대비 12% 감소하였으며, 절감된 예산은 청사 "
             "시설 개", ("br",), "선에 사용할 계획임."),
        # A paragraph split that splits a word (3월부터).
        body("노후 조명을 LED로 교체하는 사업은 3월부"),
        body("터 시작함."),
        H(1, "향후 계획"),
        # Legitimate breaks: items without a final period, a break after a
        # complete sentence.
        bullet(1, "하반기 점검 일정 수립"),
        bullet(1, "우수 부서 포상"),
        body("점검 결과는 누리집에 공개함.", ("br",),
             "세부 자료는 총무과에 요청할 수 있음."),
    ]


# Statutory item numbering (1. 가. 1) 가)) as automatic numbering.
STATUTORY = {2: [("decimal", "%1."), ("hangul", "%2."), ("decimal", "%3)"),
                 ("hangul", "%4)")]}


def p4_numbering():
    n = lambda lvl, text: P(("list", 2, lvl), text)
    return [
        P("title", "2026년 청사 시설 관리 계획"),
        # Principle 4, typed outline numbers: a gap (1, 2, 4), a duplicate
        # (4, 4) and a skipped level (1-1-1 right under 2).
        I(0, "1. 개요"),
        I(1, "가. 시설 관리 대상은 본관과 별관임"),
        I(1, "나. 관리 기간은 2026년 1월부터 12월까지임"),
        I(0, "2. 현황"),
        I(2, "1) 본관은 준공 후 30년이 지남"),
        I(0, "4. 문제점"),
        I(1, "가. 노후 설비의 고장이 잦음"),
        # Mixed marker styles at one level: 가. then ① then (3).
        I(1, "① 예비 부품이 부족함"),
        I(1, "(3) 점검 인력이 부족함"),
        I(0, "4. 개선 방안"),
        # Automatic numbering that skips a level (1. -> 1)).
        n(0, "노후 설비 교체"),
        n(2, "냉난방 설비를 우선 교체함"),
        n(0, "점검 주기 단축"),
        n(1, "월 1회에서 월 2회로 늘림"),
    ]


def p5_metadata():
    return [
        P("title", "2026년 청사 주차장 운영 개선 계획"),
        H(1, "현황"),
        bullet(1, "본관 주차장의 주차면은 120면임"),
        bullet(2, "평일 오전 점유율은 95% 이상임"),
        H(1, "개선 방안"),
        bullet(1, "민원인 전용 주차면 20면 지정"),
        bullet(1, "직원 차량 2부제 시행"),
        I(1, "※ 세부 시행 방안은 별도 보고함"),
    ]


SAMPLES = [
    ("report-clean", ["hwpx"], meta(), lambda: clean_report(False), {}),
    ("report-clean", ["docx"], meta(), lambda: clean_report(True), BULLETS),
    ("p1-merged-nested", ["hwpx", "docx"],
     meta(title="2026년 상반기 디지털 배움터 운영 실적",
          subject="디지털 배움터 운영 실적",
          keywords="디지털 배움터, 교육 실적",
          description="2026년 상반기 디지털 배움터의 권역별 교육 실적"),
     p1_tables, {}),
    ("p2-symbols", ["docx", "hwpx"],
     meta(title="민원 서비스 개선 안내", subject="민원 서비스",
          creator="서울특별시 민원총괄과", lastsaveby="서울특별시 민원총괄과",
          keywords="민원, 처리 절차",
          description="민원 처리 절차와 중점 과제 안내"),
     p2_symbols, {}),
    ("p3-breaks", ["hwpx", "docx"],
     meta(title="청사 에너지 절약 추진 결과", subject="청사 에너지 절약",
          creator="서울특별시 총무과", lastsaveby="서울특별시 총무과",
          keywords="에너지 절약, 청사 관리",
          description="청사 에너지 절약 추진 결과와 향후 계획"),
     p3_breaks, {}),
    ("p4-numbering", ["docx", "hwpx"],
     meta(title="2026년 청사 시설 관리 계획", subject="청사 시설 관리",
          creator="서울특별시 총무과", lastsaveby="서울특별시 총무과",
          keywords="시설 관리, 노후 설비",
          description="2026년 청사 시설 관리 대상과 개선 방안"),
     p4_numbering, STATUTORY),
    # Principle 5: placeholder and empty metadata, different per format.
    ("p5-metadata", ["hwpx"],
     meta(title="제목 없음", creator="Administrator", subject="",
          keywords="", description=None, lastsaveby="Administrator"),
     p5_metadata, {}),
    ("p5-metadata", ["docx"],
     meta(title="", creator="user", subject=None, keywords="",
          description=None, lastsaveby="Administrator", company=None),
     p5_metadata, {}),
]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
        os.path.abspath(__file__))
    os.makedirs(out, exist_ok=True)
    images = {"chart1": png_bars(96, 48, [30, 45, 60, 38, 20, 10])}
    for name, fmts, m, build, lists in SAMPLES:
        for fmt in fmts:
            doc = Doc(name, m, build(), lists)
            if fmt == "hwpx":
                entries = hwpx_package(doc, images)
                write_zip(os.path.join(out, name + ".hwpx"), entries,
                          stored_first="mimetype")
            else:
                entries = docx_package(doc, images)
                write_zip(os.path.join(out, name + ".docx"), entries)
            print("wrote %s.%s" % (name, fmt))


if __name__ == "__main__":
    main()
