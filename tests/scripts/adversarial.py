"""adversarial -- hostile inputs for test_adversarial.py, written at test
time (nothing large is committed). Each builder writes one file and
returns nothing; CASES below says what airead must answer.

Run alone to keep the files for a look:
    python3 tests/scripts/adversarial.py OUTDIR
"""
import os
import struct
import sys
import zipfile
import zlib

W = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
     'relationships"')
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
HP = ('xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" '
      'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph"')
HH = 'xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head"'

STORED = zipfile.ZIP_STORED
DEFLATED = zipfile.ZIP_DEFLATED


# ---- packages -------------------------------------------------------------

def docx_parts(body, styles=None, numbering=None, doc_xml=None):
    """The parts of a minimal DOCX: [(name, bytes)]."""
    rels = ['<Relationship Id="rS" Type="%sstyles" Target="styles.xml"/>' % RT,
            '<Relationship Id="rN" Type="%snumbering" Target="numbering.xml"/>'
            % RT]
    parts = [
        ("[Content_Types].xml",
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
         'content-types"><Default Extension="xml" ContentType="application/'
         'xml"/><Override PartName="/word/document.xml" ContentType="'
         'application/vnd.openxmlformats-officedocument.wordprocessingml.'
         'document.main+xml"/></Types>'),
        ("_rels/.rels",
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/'
         '2006/relationships"><Relationship Id="rId1" Type="%sofficeDocument"'
         ' Target="word/document.xml"/></Relationships>' % RT),
        ("word/_rels/document.xml.rels",
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/'
         '2006/relationships">%s</Relationships>' % "".join(rels)),
        ("word/document.xml", doc_xml if doc_xml is not None else
         '<?xml version="1.0" encoding="UTF-8"?>'
         "<w:document %s><w:body>%s</w:body></w:document>" % (W, body)),
    ]
    if styles is not None:
        parts.append(("word/styles.xml",
                      "<w:styles %s>%s</w:styles>" % (W, styles)))
    if numbering is not None:
        parts.append(("word/numbering.xml",
                      "<w:numbering %s>%s</w:numbering>" % (W, numbering)))
    return [(n, d.encode() if isinstance(d, str) else d) for n, d in parts]


def hwpx_parts(body, header_refs="", section_xml=None, header_xml=None):
    parts = [
        ("mimetype", "application/hwp+zip"),
        ("META-INF/container.xml",
         '<ocf:container xmlns:ocf="urn:oasis:names:tc:opendocument:xmlns:'
         'container"><ocf:rootfiles><ocf:rootfile full-path="Contents/'
         'content.hpf" media-type="application/hwpml-package+xml"/>'
         '</ocf:rootfiles></ocf:container>'),
        ("Contents/content.hpf",
         '<opf:package xmlns:opf="http://www.idpf.org/2007/opf/"><opf:manifest>'
         '<opf:item id="header" href="Contents/header.xml" media-type="'
         'application/xml"/><opf:item id="section0" href="Contents/'
         'section0.xml" media-type="application/xml"/></opf:manifest>'
         '<opf:spine><opf:itemref idref="header"/><opf:itemref idref="'
         'section0"/></opf:spine></opf:package>'),
        ("Contents/header.xml", header_xml if header_xml is not None else
         '<hh:head %s version="1.4" secCnt="1"><hh:refList>%s</hh:refList>'
         '</hh:head>' % (HH, header_refs)),
        ("Contents/section0.xml", section_xml if section_xml is not None else
         '<?xml version="1.0" encoding="UTF-8"?>'
         "<hs:sec %s>%s</hs:sec>" % (HP, body)),
    ]
    return [(n, d.encode() if isinstance(d, str) else d) for n, d in parts]


def write_zip(path, parts, method=DEFLATED):
    with zipfile.ZipFile(path, "w") as z:
        for entry in parts:
            name, data = entry[0], entry[1]
            m = entry[2] if len(entry) > 2 else method
            if name == "mimetype":
                m = STORED
            z.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), data,
                       compress_type=m)


def raw_zip(entries):
    """A ZIP written by hand, so that fields can lie. 'entries' holds dicts:
    name (str or bytes), data (the stored bytes), method (0 or 8), crc,
    size (declared inflated size), flags, offset (None: its own local
    header; else the offset of another entry's local header, whose data
    it then shares)."""
    out = bytearray()
    offsets = []
    for e in entries:
        name = e["name"].encode() if isinstance(e["name"], str) else e["name"]
        if e.get("share") is not None:
            offsets.append(offsets[e["share"]])
            continue
        offsets.append(len(out))
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, e.get("flags", 0),
                           e.get("method", 0), 0, 0x21, e["crc"],
                           len(e["data"]), e["size"], len(name), 0)
        out += name + e["data"]
    cd = len(out)
    for e, off in zip(entries, offsets):
        name = e["name"].encode() if isinstance(e["name"], str) else e["name"]
        out += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20,
                           e.get("flags", 0), e.get("method", 0), 0, 0x21,
                           e["crc"], len(e["data"]), e["size"], len(name),
                           0, 0, 0, 0, 0, off)
        out += name
    n = len(entries)
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, n & 0xFFFF, n & 0xFFFF,
                       len(out) - cd, cd, 0)
    return bytes(out)


def entry(name, data, method=DEFLATED, size=None, flags=0):
    raw = data
    if method == DEFLATED:
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        raw = c.compress(data) + c.flush()
    return {"name": name, "data": raw, "method": method,
            "crc": zlib.crc32(data), "size": len(data) if size is None
            else size, "flags": flags}


def deflate_zeros(n):
    """Raw deflate of n zero bytes, made in slices (no n-byte buffer)."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(1 << 20)
    out = []
    crc = 0
    left = n
    while left:
        k = min(left, len(chunk))
        out.append(c.compress(chunk[:k]))
        crc = zlib.crc32(chunk[:k], crc)
        left -= k
    out.append(c.flush())
    return b"".join(out), crc


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def p(text, ppr=""):
    return "<w:p>%s<w:r><w:t>%s</w:t></w:r></w:p>" % (
        "<w:pPr>%s</w:pPr>" % ppr if ppr else "", text)


def hp(text, extra=""):
    return '<hp:p%s><hp:run><hp:t>%s</hp:t></hp:run></hp:p>' % (extra, text)


DOC_PARTS = docx_parts(p("본문입니다."))
DOC_NAMES = [n for n, _ in DOC_PARTS]


# ---- ZIP ------------------------------------------------------------------

def zip_bomb_ratio(path):
    """word/document.xml inflates 200 MiB of zeros from ~200 KiB."""
    data, crc = deflate_zeros(200 << 20)
    es = [entry(n, d) for n, d in DOC_PARTS if n != "word/document.xml"]
    es.append({"name": "word/document.xml", "data": data, "method": 8,
               "crc": crc, "size": 200 << 20})
    write(path, raw_zip(es))


def zip_bomb_declared(path, size=0xFFFFFFFF):
    """A part that declares 'size' bytes (its data is small); 0xFFFFFFFF
    is ZIP64's marker, with no ZIP64 field after it."""
    es = [entry(n, d) for n, d in DOC_PARTS]
    es[-1]["size"] = size
    write(path, raw_zip(es))


def zip_bomb_lying(path):
    """A part that declares 300 bytes but inflates 300 MiB: the stream
    counts what it produces, whatever the header says."""
    data, crc = deflate_zeros(300 << 20)
    es = [entry(n, d) for n, d in DOC_PARTS if n != "word/document.xml"]
    es.append({"name": "word/document.xml", "data": data, "method": 8,
               "crc": crc, "size": 300})
    write(path, raw_zip(es))


def zip_bomb_overlap(path):
    """Fifield's overlapping bomb: 5,000 entries share one 100 MiB kernel,
    5,000 x 100 MiB declared in all."""
    data, crc = deflate_zeros(100 << 20)
    es = [entry(n, d) for n, d in DOC_PARTS]
    es.append({"name": "word/media/k0.bin", "data": data, "method": 8,
               "crc": crc, "size": 100 << 20})
    k = len(es) - 1
    for i in range(1, 5000):
        es.append({"name": "word/media/k%d.bin" % i, "data": data,
                   "method": 8, "crc": crc, "size": 100 << 20, "share": k})
    write(path, raw_zip(es))


def zip_many_entries(path):
    """100,000 entries (the limit is 10,000)."""
    es = [entry(n, d) for n, d in DOC_PARTS]
    es += [entry("word/media/e%d.bin" % i, b"", method=STORED)
           for i in range(100000)]
    write(path, raw_zip(es))


def nested_blob(levels):
    """ZIPs in ZIPs, two per level, 10 MiB of zeros at the bottom."""
    inner, crc = deflate_zeros(10 << 20)
    blob = raw_zip([{"name": "zeros.bin", "data": inner, "method": 8,
                     "crc": crc, "size": 10 << 20}])
    for level in range(levels):
        blob = raw_zip([entry("layer%d-%d.zip" % (level, i), blob)
                        for i in range(2)])
    return blob


def zip_nested(path):
    """A ZIP holding a ZIP holding a ZIP ... of zeros (42.zip's shape)."""
    write(path, nested_blob(5))


def docx_with_nested_zip(path):
    """A good DOCX carrying a nested ZIP bomb as an embedded object: never
    opened, so the document reads normally."""
    write_zip(path, DOC_PARTS + [("word/embeddings/oleObject1.bin",
                                  nested_blob(4))])


def zip_truncated(path, source):
    with open(source, "rb") as f:
        data = f.read()
    write(path, data[:len(data) * 3 // 5])


def zip_encrypted(path):
    """Traditional PKWARE encryption flagged on the main part."""
    es = [entry(n, d) for n, d in DOC_PARTS]
    es[-1]["flags"] = 1
    es[-1]["data"] = os.urandom(12) + es[-1]["data"]
    write(path, raw_zip(es))


def zip_duplicate(path):
    es = [entry(n, d) for n, d in DOC_PARTS]
    es.append(entry("word/document.xml", b"<w:document " + W.encode() +
                    b"><w:body><w:p><w:r><w:t>other</w:t></w:r></w:p>"
                    b"</w:body></w:document>"))
    write(path, raw_zip(es))


def zip_duplicate_case(path):
    """Two spellings of one OPC part name (names are case-insensitive):
    which one a consumer reads would be a guess."""
    es = [entry(n, d) for n, d in DOC_PARTS]
    es.append(entry("Word/Document.xml", DOC_PARTS[-1][1]))
    write(path, raw_zip(es))


def zip_dotdot(path):
    es = [entry(n, d) for n, d in DOC_PARTS]
    es.append(entry("word/../../evil.xml", b"<x/>"))
    write(path, raw_zip(es))


def zip_absolute(path):
    es = [entry(n, d) for n, d in DOC_PARTS]
    es.append(entry("/etc/evil.xml", b"<x/>"))
    write(path, raw_zip(es))


def zip_backslash_dotdot(path):
    es = [entry(n, d) for n, d in DOC_PARTS]
    es.append(entry("..\\..\\evil.xml", b"<x/>"))
    write(path, raw_zip(es))


def zip_drive(path):
    es = [entry(n, d) for n, d in DOC_PARTS]
    es.append(entry("C:/Windows/evil.xml", b"<x/>"))
    write(path, raw_zip(es))


# ---- XML ------------------------------------------------------------------

LAUGHS = ('<!DOCTYPE w:document [<!ENTITY a "lol">' +
          "".join('<!ENTITY %s "%s">' % (chr(98 + i), ("&%s;" % chr(97 + i))
                                         * 10) for i in range(9)) + "]>")


def xml_billion_laughs(path):
    write_zip(path, docx_parts(None, doc_xml='<?xml version="1.0"?>' + LAUGHS +
                               "<w:document %s><w:body>%s</w:body>"
                               "</w:document>" % (W, p("&j;"))))


def xml_entity_file(path, canary):
    """An external entity naming a local file (a FIFO: opening it would
    block, so being read shows as a hang)."""
    doc = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM '
           '"file://%s">]><w:document %s><w:body>%s</w:body></w:document>'
           % (canary, W, p("&x;")))
    write_zip(path, docx_parts(None, doc_xml=doc))


def xml_entity_url(path, url):
    doc = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM '
           '"%s">]><w:document %s><w:body>%s</w:body></w:document>'
           % (url, W, p("&x;")))
    write_zip(path, docx_parts(None, doc_xml=doc))


def xml_external_dtd(path, url):
    """The DTD itself from outside (HWPX header.xml)."""
    header = ('<?xml version="1.0"?><!DOCTYPE hh:head SYSTEM "%s">'
              '<hh:head %s version="1.4"/>' % (url, HH))
    write_zip(path, hwpx_parts(hp("x"), header_xml=header))


def xml_parameter_entity(path, url):
    sec = ('<?xml version="1.0"?><!DOCTYPE hs:sec [<!ENTITY %% p SYSTEM "%s">'
           ' %%p;]><hs:sec %s>%s</hs:sec>' % (url, HP, hp("x")))
    write_zip(path, hwpx_parts(None, section_xml=sec))


def xml_xinclude(path, canary):
    """XInclude is not processed: read as an unknown element."""
    body = ('<w:p><w:r><w:t>x</w:t></w:r><xi:include xmlns:xi="http://www.'
            'w3.org/2001/XInclude" href="file://%s" parse="text"/></w:p>'
            % canary)
    write_zip(path, docx_parts(body))


def xml_deep(path):
    """100,000 nested elements."""
    body = "<w:sdt><w:sdtContent>" * 50000 + p("x") + \
        "</w:sdtContent></w:sdt>" * 50000
    write_zip(path, docx_parts(body))


def xml_huge_text(path):
    """One 50 MB text node, stored (compression would trip the ratio
    limit first)."""
    body = "<w:p><w:r><w:t>" + "가나다라마" * (50000000 // 15) + \
        "</w:t></w:r></w:p>"
    write_zip(path, docx_parts(body), method=STORED)


def xml_invalid_utf8(path):
    parts = docx_parts(None, doc_xml=(
        b'<?xml version="1.0" encoding="UTF-8"?><w:document ' + W.encode() +
        b'><w:body><w:p><w:r><w:t>ok \xff\xfe\xc0\x80 \xed\xa0\x80</w:t>'
        b'</w:r></w:p></w:body></w:document>'))
    write_zip(path, parts)


def hwpx_invalid_utf8(path):
    write_zip(path, hwpx_parts(None, section_xml=(
        b'<?xml version="1.0" encoding="UTF-8"?><hs:sec ' + HP.encode() +
        b'><hp:p><hp:run><hp:t>\xf8\x88\x80\x80\x80</hp:t></hp:run></hp:p>'
        b'</hs:sec>')))


def million_cells_docx(path, n=1000):
    """An n x n table, 1,000 x 1,000 by default (cells numbered, so that
    it compresses like a document, not like a bomb)."""
    row = "<w:tr>" + "".join(
        "<w:tc><w:p><w:r><w:t>R-%d</w:t></w:r></w:p></w:tc>" % c
        for c in range(n)) + "</w:tr>"
    rows = "".join(row.replace("R-", "%d-" % r) for r in range(n))
    write_zip(path, docx_parts("<w:tbl>" + rows + "</w:tbl>"))


def million_cells_hwpx(path):
    cell = ('<hp:tc><hp:subList><hp:p><hp:run><hp:t>R-%d</hp:t></hp:run>'
            '</hp:p></hp:subList><hp:cellAddr colAddr="%d" rowAddr="R"/>'
            '<hp:cellSpan colSpan="1" rowSpan="1"/></hp:tc>')
    row = "<hp:tr>" + "".join(cell % (c, c) for c in range(1000)) + "</hp:tr>"
    rows = "".join(row.replace("R", str(r)) for r in range(1000))
    tbl = ('<hp:p><hp:run><hp:tbl rowCnt="1000" colCnt="1000">%s</hp:tbl>'
           '</hp:run></hp:p>' % rows)
    write_zip(path, hwpx_parts(tbl))


# ---- containers and parts -------------------------------------------------

def wrong_mimetype(path):
    """OpenDocument's mimetype and content: not a format airead reads."""
    write_zip(path, [("mimetype", b"application/vnd.oasis.opendocument.text"),
                     ("content.xml", b"<office:document-content/>")])


def garbage_mimetype(path):
    write_zip(path, [("mimetype", os.urandom(64)), ("x.bin", b"\0" * 10)])


def hwpx_mimetype_docx_inside(path):
    """mimetype says HWPX, the parts are a DOCX's."""
    write_zip(path, [("mimetype", b"application/hwp+zip")] + DOC_PARTS)


def docx_missing_main(path):
    write_zip(path, [x for x in DOC_PARTS if x[0] != "word/document.xml"])


def hwpx_missing_sections(path):
    write_zip(path, [x for x in hwpx_parts(hp("x"))
                     if x[0] != "Contents/section0.xml"])


def empty_file(path):
    write(path, b"")


def random_bytes(path):
    write(path, os.urandom(4096))


# ---- tables, numbering, styles -------------------------------------------

def hwpx_cell(text, col, row, cs, rs):
    return ('<hp:tc><hp:subList>%s</hp:subList><hp:cellAddr colAddr="%s" '
            'rowAddr="%s"/><hp:cellSpan colSpan="%s" rowSpan="%s"/></hp:tc>'
            % (hp(text), col, row, cs, rs))


def hwpx_spans(path):
    """rowSpan 2^31, negative, zero, overlapping cells, addresses out of
    range, a declared size that lies."""
    rows = [
        hwpx_cell("a", 0, 0, 1, 2147483648) + hwpx_cell("b", 1, 0, -1, 0),
        hwpx_cell("c", 0, 1, 4294967297, -2147483649) +
        hwpx_cell("d", 0, 1, 2, 2),  # on top of c
        hwpx_cell("e", 99999999999, 4294967295, 1, 1) +
        hwpx_cell("f", -5, -7, 65536, 65536),
    ]
    tbl = ('<hp:tbl rowCnt="2147483648" colCnt="-3">%s</hp:tbl>'
           % "".join("<hp:tr>%s</hp:tr>" % r for r in rows))
    write_zip(path, hwpx_parts('<hp:p><hp:run>%s</hp:run></hp:p>' % tbl +
                               hp("뒤")))


def docx_spans(path):
    def tc(text, pr):
        return "<w:tc><w:tcPr>%s</w:tcPr>%s</w:tc>" % (pr, p(text))
    rows = [
        tc("a", '<w:gridSpan w:val="2147483648"/>') +
        tc("b", '<w:gridSpan w:val="-1"/>') + tc("c", '<w:gridSpan w:val="0"/>'),
        tc("d", '<w:vMerge/>') + tc("e", '<w:vMerge w:val="restart"/>'
                                       '<w:gridSpan w:val="99999"/>'),
        tc("f", '<w:vMerge/><w:gridSpan w:val="4294967297"/>'),
    ]
    grid = "<w:tblGrid>" + '<w:gridCol w:w="1"/>' * 3 + "</w:tblGrid>"
    write_zip(path, docx_parts("<w:tbl>%s%s</w:tbl>" % (grid, "".join(
        "<w:tr>%s</w:tr>" % r for r in rows)) + p("뒤")))


def docx_spans_clamped(path):
    """Spans a reader clamps: gridSpan negative and zero, a vMerge
    continuing nothing, a merge wider than the cell above it (overlap),
    more cells than the grid has columns."""
    def tc(text, pr):
        return "<w:tc><w:tcPr>%s</w:tcPr>%s</w:tc>" % (pr, p(text))
    rows = [
        tc("a", '<w:gridSpan w:val="-1"/>') + tc("b", '<w:gridSpan w:val="0"/>')
        + tc("c", '<w:vMerge w:val="restart"/>'),
        tc("d", '<w:vMerge/>') + tc("e", '<w:vMerge/><w:gridSpan w:val="3"/>'),
        tc("f", '<w:gridSpan w:val="2"/>') * 5 + tc("g", '<w:vMerge/>'),
    ]
    grid = "<w:tblGrid>" + '<w:gridCol w:w="1"/>' * 3 + "</w:tblGrid>"
    write_zip(path, docx_parts("<w:tbl>%s%s</w:tbl>" % (grid, "".join(
        "<w:tr>%s</w:tr>" % r for r in rows)) + p("뒤")))


def docx_numbering_self(path):
    """A num whose abstract definition links, through a numbering style,
    back to itself; a num naming an abstract definition that does not
    exist; an abstract definition linking to a style linking to itself."""
    numbering = (
        '<w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="L"/>'
        '</w:abstractNum><w:abstractNum w:abstractNumId="1"><w:styleLink '
        'w:val="L"/><w:numStyleLink w:val="L"/></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="7"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride '
        'w:ilvl="0"><w:startOverride w:val="-2147483648"/></w:lvlOverride>'
        '</w:num>')
    styles = ('<w:style w:type="numbering" w:styleId="L"><w:pPr><w:numPr>'
              '<w:numId w:val="1"/></w:numPr></w:pPr></w:style>')
    body = "".join(p("항목", '<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"'
                   '/></w:numPr>' % (lvl, n)) for n in (1, 2, 3)
                   for lvl in (0, 8, 9, -1))
    write_zip(path, docx_parts(body, styles=styles, numbering=numbering))


def docx_style_loops(path):
    styles = (
        '<w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/>'
        '</w:style><w:style w:type="paragraph" w:styleId="B"><w:basedOn '
        'w:val="A"/></w:style><w:style w:type="paragraph" w:styleId="S">'
        '<w:basedOn w:val="S"/><w:link w:val="S"/><w:next w:val="S"/>'
        '</w:style><w:style w:type="character" w:styleId="C"><w:basedOn '
        'w:val="A"/></w:style>')
    body = "".join(p("x", '<w:pStyle w:val="%s"/>' % s) for s in "ABSCZ")
    write_zip(path, docx_parts(body, styles=styles))


def hwpx_refs_self(path):
    """A style whose next style is itself, a numbering and a paragraph
    shape that name missing or looping ids, a heading level of 2^31."""
    refs = (
        '<hh:paraProperties itemCnt="1"><hh:paraPr id="0"><hh:heading '
        'type="NUMBER" idRef="0" level="2147483648"/></hh:paraPr>'
        '<hh:paraPr id="1"><hh:heading type="OUTLINE" idRef="99" level="-1"/>'
        '</hh:paraPr></hh:paraProperties>'
        '<hh:numberings itemCnt="1"><hh:numbering id="0" start="-5">'
        '<hh:paraHead start="1" level="1" numFormat="DIGIT">^1.^2.^9.^0'
        '</hh:paraHead><hh:paraHead start="1" level="2147483648" '
        'numFormat="HANGUL_SYLLABLE">^2)</hh:paraHead></hh:numbering>'
        '</hh:numberings><hh:styles itemCnt="2"><hh:style id="0" '
        'paraPrIDRef="0" nextStyleIDRef="0" name="A"/><hh:style id="1" '
        'paraPrIDRef="1" nextStyleIDRef="0" name="B"/></hh:styles>')
    body = "".join(hp("항목", ' paraPrIDRef="%d" styleIDRef="%d"' % (i % 2, i))
                   for i in range(4))
    write_zip(path, hwpx_parts(body, header_refs=refs))


if __name__ == "__main__":
    # Writes every case with its default arguments into the folder given.
    import inspect
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for fname, fn in inspect.getmembers(sys.modules[__name__],
                                        inspect.isfunction):
        params = list(inspect.signature(fn).parameters.values())
        if (fn.__module__ != __name__ or not params or
                params[0].name != "path" or
                any(q.default is q.empty for q in params[1:]) or
                fname in ("write", "write_zip")):
            continue
        fn(os.path.join(out, fname + (".hwpx" if "hwpx" in fname
                                      else ".docx")))
