#!/usr/bin/env python3
"""mkhwp.py OUTDIR -- writes the HWP 5.0 test fixtures (deterministic,
Python 3 standard library only).

Each fixture is an OLE compound file (MS-CFB version 3: 512-byte sectors,
64-byte mini sectors under the 4096-byte cutoff) holding the streams of an
HWP 5.0 document: FileHeader, DocInfo, BodyText/Section0,
\\005HwpSummaryInformation and BinData/BIN0001.png, the records built as
the HWP 5.0 format document describes them. What each file holds is listed
in FIXTURES at the end; tests/unit/test_hwp.c asserts what airead reads
from them.
"""
import os
import struct
import sys
import zlib

# ---- compound file writer ---------------------------------------------------

SECTOR = 512
MINI = 64
CUTOFF = 4096
FREE, END, FATSECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF


def _cfb_key(name):
    return (len(name), name.upper())


def write_cfb(streams, broken=None):
    """streams: {"A/B": bytes}; storages are made from the paths. 'broken'
    maps streams (stored in the FAT, two sectors at least) to how their
    chain breaks: "loop" (the second sector leads back to the first) or
    "free" (the FAT marks its sectors free)."""
    broken = broken or {}
    # tree of storages
    root = {"name": "Root Entry", "kids": {}, "type": 5}
    for path in sorted(streams):
        node = root
        parts = path.split("/")
        for p in parts[:-1]:
            node = node["kids"].setdefault(
                p, {"name": p, "kids": {}, "type": 1})
        node["kids"][parts[-1]] = {"name": parts[-1], "type": 2,
                                   "data": streams[path], "path": path}
    entries = []

    def number(node):
        node["id"] = len(entries)
        entries.append(node)
        for k in sorted(node.get("kids", {}).values(),
                        key=lambda n: _cfb_key(n["name"])):
            number(k)
    number(root)

    # mini stream and big streams
    mini = bytearray()
    minifat = []
    big = []  # (entry, data)
    for e in entries:
        if e["type"] != 2:
            continue
        d = e["data"]
        if len(d) < CUTOFF and e["path"] not in broken:
            start = len(mini) // MINI
            n = max(1, (len(d) + MINI - 1) // MINI) if d else 0
            e["start"] = start if d else END
            for i in range(n):
                minifat.append(start + i + 1 if i + 1 < n else END)
            mini += d + b"\0" * (n * MINI - len(d))
        else:
            big.append(e)

    def nsect(n):
        return (n + SECTOR - 1) // SECTOR

    dir_bytes = 128 * len(entries)
    n_dir = nsect(dir_bytes)
    n_minifat = nsect(4 * len(minifat))
    n_ministream = nsect(len(mini))
    n_big = sum(nsect(len(e["data"])) for e in big)
    n_fat = 1
    while True:
        total = n_fat + n_dir + n_minifat + n_ministream + n_big
        if n_fat * (SECTOR // 4) >= total:
            break
        n_fat += 1
    assert n_fat <= 109, "fixture too large for the header DIFAT"
    fat = [FREE] * (n_fat * (SECTOR // 4))
    pos = 0
    for i in range(n_fat):
        fat[pos] = FATSECT
        pos += 1

    def chain(n):
        nonlocal pos
        start = pos
        for i in range(n):
            fat[pos] = pos + 1 if i + 1 < n else END
            pos += 1
        return start if n else END
    dir_start = chain(n_dir)
    minifat_start = chain(n_minifat)
    ministream_start = chain(n_ministream)
    for e in big:
        n = nsect(len(e["data"]))
        e["start"] = chain(n)
        if broken.get(e["path"]) == "loop":  # the second sector leads back
            fat[e["start"] + 1] = e["start"]
        elif broken.get(e["path"]) == "free":  # the FAT marks it free
            for k in range(n):
                fat[e["start"] + k] = FREE
    root["start"] = ministream_start if mini else END
    root["size"] = len(mini)

    def dirent(e, left, right, child):
        name = e["name"].encode("utf-16le") + b"\0\0"
        size = e.get("size", len(e.get("data", b"")))
        start = e.get("start", END if e["type"] == 2 else 0)
        if e["type"] == 1:
            start, size = 0, 0
        return (name.ljust(64, b"\0") + struct.pack(
            "<HBBIII16sIQQIQ", len(name), e["type"], 1, left, right, child,
            b"\0" * 16, 0, 0, 0, start, size))

    out_dir = bytearray()
    for e in entries:
        kids = sorted(e.get("kids", {}).values(),
                      key=lambda n: _cfb_key(n["name"]))
        e["child"] = kids[0]["id"] if kids else NOSTREAM
        for a, b in zip(kids, kids[1:]):
            a["right"] = b["id"]  # siblings as a chain to the right
    for e in entries:
        out_dir += dirent(e, NOSTREAM, e.get("right", NOSTREAM), e["child"])
    out_dir += b"\0" * (n_dir * SECTOR - len(out_dir))
    # unused directory slots are empty entries with no siblings
    for i in range(len(entries), n_dir * SECTOR // 128):
        off = i * 128
        out_dir[off + 68:off + 80] = struct.pack("<III", NOSTREAM, NOSTREAM,
                                                 NOSTREAM)

    difat = list(range(n_fat)) + [FREE] * (109 - n_fat)
    header = (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 16 +
              struct.pack("<HHHHHH", 0x3E, 3, 0xFFFE, 9, 6, 0) + b"\0" * 4 +
              struct.pack("<IIIIIIIII", 0, n_fat, dir_start, 0, CUTOFF,
                          minifat_start if minifat else END, n_minifat,
                          END, 0) +
              struct.pack("<109I", *difat))
    body = bytearray()
    body += struct.pack("<%dI" % len(fat), *fat)
    body += out_dir
    mf = minifat + [FREE] * (n_minifat * SECTOR // 4 - len(minifat))
    body += struct.pack("<%dI" % len(mf), *mf)
    body += mini + b"\0" * (n_ministream * SECTOR - len(mini))
    for e in big:
        d = e["data"]
        body += d + b"\0" * (nsect(len(d)) * SECTOR - len(d))
    return header + bytes(body)

# ---- HWP records ---------------------------------------------------------------


def rec(tag, level, data):
    size = len(data)
    if size >= 0xFFF:
        return struct.pack("<II", tag | level << 10 | 0xFFF << 20,
                           size) + data
    return struct.pack("<I", tag | level << 10 | size << 20) + data


def u16(*v):
    return struct.pack("<%dH" % len(v), *v)


def u32(*v):
    return struct.pack("<%dI" % len(v), *v)


def wstr(s):
    b = s.encode("utf-16le")
    return u16(len(b) // 2) + b


def chid(s):
    return struct.pack("<I", (ord(s[0]) << 24) | (ord(s[1]) << 16) |
                       (ord(s[2]) << 8) | ord(s[3]))


HWPTAG = dict(DOCUMENT_PROPERTIES=0x10, ID_MAPPINGS=0x11, BIN_DATA=0x12,
              FACE_NAME=0x13, CHAR_SHAPE=0x15, NUMBERING=0x17, BULLET=0x18,
              PARA_SHAPE=0x19, STYLE=0x1A, PARA_HEADER=0x42, PARA_TEXT=0x43,
              PARA_CHAR_SHAPE=0x44, CTRL_HEADER=0x47, LIST_HEADER=0x48,
              SHAPE_COMPONENT=0x4C, TABLE=0x4D, RECTANGLE=0x4F,
              PICTURE=0x55, EQEDIT=0x58)

# ---- DocInfo --------------------------------------------------------------------

FONTS = ["함초롬바탕", "Wingdings"]  # per script slot; Wingdings is id 1


def docinfo():
    r = rec(HWPTAG["DOCUMENT_PROPERTIES"], 0, u16(1) + b"\0" * 24)
    nf = len(FONTS)
    # bin data, 7 font slots, border fills, char shapes, tab defs,
    # numberings, bullets, para shapes, styles
    r += rec(HWPTAG["ID_MAPPINGS"], 0,
             u32(1, nf, nf, nf, nf, nf, nf, nf, 0, 2, 0, 1, 1, 6, 4))
    r += rec(HWPTAG["BIN_DATA"], 1, u16(0x0001, 1) + wstr("png"))
    for _ in range(7):
        for f in FONTS:
            r += rec(HWPTAG["FACE_NAME"], 1, b"\0" + wstr(f))
    for face in (0, 1):  # char shape 0: text font; 1: Wingdings everywhere
        r += rec(HWPTAG["CHAR_SHAPE"], 1,
                 u16(*[face] * 7) + b"\x64" * 7 + b"\0" * 7 +
                 b"\x64" * 7 + b"\0" * 7 + u32(1000) +
                 u32(2 if face else 0) + b"\0" * 20)
    # numbering 1: ^1. / ^2. (가) / ^3) ... as Hangul's default outline
    heads = [("^1.", 0), ("^2.", 8), ("^3)", 0), ("^4)", 8), ("(^5)", 0),
             ("(^6)", 8), ("^7", 1)]
    num = b""
    for text, fmt in heads:
        num += u32(0x0C | fmt << 5) + u16(0, 50) + u32(0xFFFFFFFF)
        num += wstr(text)
    num += u16(1) + u32(*[1] * 7)
    for _ in range(3):  # levels 8-10 (HWP 5.1)
        num += u32(0x08) + u16(0, 50) + u32(0xFFFFFFFF) + wstr("")
    num += u32(1, 1, 1)
    r += rec(HWPTAG["NUMBERING"], 1, num)
    r += rec(HWPTAG["BULLET"], 1,
             u32(0) + u16(0, 50) + u32(0xFFFFFFFF) + "□".encode("utf-16le") +
             u32(0) + b"\0" * 4 + "□".encode("utf-16le"))

    def para_shape(align=0, head=0, level=0, head_id=0, page_break=False):
        a = align << 2 | head << 23 | (min(level, 6)) << 25
        if page_break:
            a |= 1 << 19
        return rec(HWPTAG["PARA_SHAPE"], 1,
                   u32(a) + u32(0) * 6 + u16(0, head_id, 0) + u16(0) * 4 +
                   u32(0, 0, 160) + u32(level))
    r += para_shape()                             # 0 body
    r += para_shape(head=1, level=0)              # 1 outline level 1
    r += para_shape(head=1, level=1)              # 2 outline level 2
    r += para_shape(head=2, level=0, head_id=1)   # 3 numbered
    r += para_shape(head=3, head_id=1)            # 4 bullet
    r += para_shape(align=3, page_break=True)     # 5 centred, new page

    def style(name, eng, para, kind=0):
        return rec(HWPTAG["STYLE"], 1, wstr(name) + wstr(eng) +
                   bytes([kind, 0]) + u16(0x412, para, 0) + u16(0))
    r += style("바탕글", "Normal", 0)
    r += style("개요 1", "Outline 1", 1)
    r += style("개요 2", "Outline 2", 2)
    r += style("본문", "Body", 0)
    return r

# ---- BodyText -------------------------------------------------------------------


class Para:
    """One paragraph: text pieces (str, or ('ctrl', id, code) for an
    extended control, ('field_end',), ('tab',)) and the controls' records
    (each a list of (tag, relative level, data))."""

    def __init__(self, pieces=(), shape=0, style=0, brk=0, runs=None,
                 ctrls=()):
        self.pieces = list(pieces)
        self.shape, self.style, self.brk = shape, style, brk
        self.runs = runs or [(0, 0)]
        self.ctrls = list(ctrls)


def ext(code, cid):
    """An extended control: eight units, the code, the id (two units),
    four reserved units, the code again."""
    return u16(code) + chid(cid) + b"\0" * 8 + u16(code)


def inline(code):
    return u16(code) + b"\0" * 12 + u16(code)


def para_records(p, level, last=True):
    text = b""
    for piece in p.pieces:
        if isinstance(piece, str):
            text += piece.encode("utf-16le")
        elif piece[0] == "ctrl":
            text += ext(piece[2], piece[1])
        elif piece[0] == "field_end":
            text += inline(4)
        elif piece[0] == "tab":
            text += inline(9)
        elif piece[0] == "char":
            text += u16(piece[1])
    text += u16(13)
    n = len(text) // 2
    mask = 0
    out = rec(HWPTAG["PARA_HEADER"], level,
              u32(n | (0x80000000 if last else 0), mask) +
              u16(p.shape) + bytes([p.style, p.brk]) +
              u16(len(p.runs), 0, 1) + u32(0) + u16(0))
    if n > 1:
        out += rec(HWPTAG["PARA_TEXT"], level + 1, text)
    out += rec(HWPTAG["PARA_CHAR_SHAPE"], level + 1,
               b"".join(u32(pos, cs) for pos, cs in p.runs))
    for c in p.ctrls:
        out += expand(c, level + 1)
    return out


def list_header(nparas, extra=b""):
    return (HWPTAG["LIST_HEADER"], 1, u32(nparas, 0) + extra)


def common_obj(cid, desc=""):
    return (chid(cid) + u32(0) + u32(0) * 4 + u32(0) + u16(0) * 4 +
            u32(0) + u32(0) + wstr(desc))


def ctrl_table(rows, cols, cells, caption=None):
    """cells: (col, row, colspan, rowspan, [Para][, True for a header
    cell]) in row order."""
    out = [(HWPTAG["CTRL_HEADER"], 0, common_obj("tbl "))]
    if caption:
        out.append(list_header(len(caption)))
        out.append(("paras", 1, caption))
    rowsizes = [sum(1 for c in cells if c[1] == r) for r in range(rows)]
    out.append((HWPTAG["TABLE"], 1, u32(0) + u16(rows, cols, 0) +
                u16(0) * 4 + u16(*rowsizes) + u16(1, 0)))
    for col, row, cs, rs, paras, *header in cells:
        prop = 1 << 18 if header else 0  # a title (header) cell
        out.append((HWPTAG["LIST_HEADER"], 1,
                    u32(len(paras), prop) + u16(col, row, cs, rs) +
                    u32(1000, 1000) + u16(0) * 4 + u16(1)))
        out.append(("paras", 1, paras))
    return out


def expand(ctrl, level):
    """One control's records at 'level', with ("paras", rel, [Para])
    entries written as paragraphs at level + rel."""
    out = b""
    for tag, rel, data in ctrl:
        if tag == "paras":
            out += list_records(data, level + rel)
        else:
            out += rec(tag, level + rel, data)
    return out


def list_records(paras, level):
    """The paragraphs of a list (a section, a cell...) at 'level'."""
    out = b""
    for i, p in enumerate(paras):
        out += para_records(p, level, last=i + 1 == len(paras))
    return out


def section(paras):
    return list_records(paras, 0)


def secd(outline_id=1):
    return [(HWPTAG["CTRL_HEADER"], 0,
             chid("secd") + u32(0) + u16(1134, 0, 0) + u32(8000) +
             u16(outline_id) + u16(0) * 5 + b"\0" * 8),
            # a master page: its text is not the document's
            list_header(1), ("paras", 1, [Para(["바탕쪽 글"])])]


def cold():
    return [(HWPTAG["CTRL_HEADER"], 0, chid("cold") + u32(0x1004) + b"\0" * 8)]


def picture():
    """A picture of BinData item 1 with a description (alt text)."""
    return [(HWPTAG["CTRL_HEADER"], 0, common_obj("gso ", "그림 설명")),
            (HWPTAG["SHAPE_COMPONENT"], 1,
             chid("$pic") + chid("$pic") + b"\0" * 40),
            (HWPTAG["PICTURE"], 2, b"\0" * 71 + u16(1) + b"\0" * 18)]


def body_all():
    first = Para([("ctrl", "secd", 2), ("ctrl", "cold", 2), "시험 문서"],
                 ctrls=[secd(), cold()])
    outline1 = Para(["추진 배경"], shape=1, style=1)
    outline2 = Para(["세부 내용"], shape=2, style=2)
    outline1b = Para(["추진 계획"], shape=1, style=1)
    numbered = Para(["번호 문단"], shape=3)
    bullet = Para(["글머리 문단"], shape=4)
    breaks = Para(["첫 줄", ("char", 10), "둘째 줄", ("tab",), "탭 뒤",
                   ("char", 30), ("char", 31), "끝", ("char", 24), "말",
                   "\U0001F600"])
    symbol = Para(["기호 ", "\uF0E0", " 끝"], runs=[(0, 0), (3, 1), (4, 0)])
    inner = ctrl_table(1, 1, [(0, 0, 1, 1, [Para(["안쪽"])])])
    outer = ctrl_table(2, 2, [
        (0, 0, 2, 1, [Para(["병합"])], True),
        (0, 1, 1, 1, [Para(["가"])]),
        (1, 1, 1, 1, [Para(["셀 앞", ("ctrl", "tbl ", 11)], ctrls=[inner])]),
    ], caption=[Para(["표 제목"])])
    table = Para(["앞 ", ("ctrl", "tbl ", 11), " 뒤"], ctrls=[outer])
    # the list of a text box sits under its shape component
    textbox = [(HWPTAG["CTRL_HEADER"], 0, common_obj("gso ")),
               (HWPTAG["SHAPE_COMPONENT"], 1,
                chid("$rec") + chid("$rec") + b"\0" * 40),
               (HWPTAG["LIST_HEADER"], 2, u32(1, 0) + b"\0" * 13),
               ("paras", 2, [Para(["글상자 내용"])]),
               (HWPTAG["RECTANGLE"], 2, b"\0" * 33)]
    shapes = Para([("ctrl", "gso ", 11), "도형", ("ctrl", "gso ", 11)],
                  ctrls=[textbox, picture()])
    footnote = [(HWPTAG["CTRL_HEADER"], 0, chid("fn  ") + u32(1) + b"\0" * 8),
                list_header(1), ("paras", 1, [Para(["각주 내용"])])]
    header = [(HWPTAG["CTRL_HEADER"], 0, chid("head") + u32(0) + b"\0" * 4),
              list_header(1), ("paras", 1, [Para(["머리말 글"])])]
    notes = Para([("ctrl", "head", 16), "본문", ("ctrl", "fn  ", 17)],
                 ctrls=[header, footnote])
    cmd = "https\\://example.com/a;1;0;0;"
    link = [(HWPTAG["CTRL_HEADER"], 0,
             chid("%hlk") + u32(0) + b"\0" + wstr(cmd) + u32(7))]
    eq = [(HWPTAG["CTRL_HEADER"], 0, common_obj("eqed")),
          (HWPTAG["EQEDIT"], 1, u32(0) + wstr("a over b") + b"\0" * 10)]
    dutmal = [(HWPTAG["CTRL_HEADER"], 0,
               chid("tdut") + wstr("본말") + wstr("덧말") + b"\0" * 16)]
    fields = Para(["링크: ", ("ctrl", "%hlk", 3), "여기", ("field_end",),
                   " 수식", ("ctrl", "eqed", 11), " ", ("ctrl", "tdut", 23),
                   "!"], ctrls=[link, eq, dutmal])
    # PARA_TEXT past 4095 bytes: its size goes in the extended header word
    long = Para(["가" * 2100])
    last = Para(["마지막 쪽"], shape=5, brk=4)
    return section([first, outline1, outline2, numbered, bullet, breaks,
                    symbol, table, shapes, notes, fields, outline1b, long,
                    last])


def deep_tables(depth):
    p = Para(["바닥"])
    for _ in range(depth):
        t = ctrl_table(1, 1, [(0, 0, 1, 1, [p])])
        p = Para([("ctrl", "tbl ", 11)], ctrls=[t])
    return section([Para([("ctrl", "secd", 2), "깊은 표"], ctrls=[secd()]), p])

# ---- summary information ------------------------------------------------------------


def filetime(y, mo, d, h, mi, s):
    import datetime
    t = datetime.datetime(y, mo, d, h, mi, s) - datetime.datetime(1601, 1, 1)
    return (t.days * 86400 + t.seconds) * 10000000


def summary(props):
    """An OLE property set, one section; props: [(pid, str | int)] (int:
    a FILETIME)."""
    body = b""
    offsets = []
    base = 8 + 8 * len(props)
    for pid, v in props:
        offsets.append((pid, base + len(body)))
        if isinstance(v, str):
            s = (v + "\0").encode("utf-16le")
            body += u32(0x1F, len(s) // 2) + s
            body += b"\0" * (-len(body) % 4)
        else:
            body += u32(0x40) + struct.pack("<Q", v)
    sec = u32(base + len(body), len(props))
    sec += b"".join(u32(pid, off) for pid, off in offsets) + body
    fmtid = bytes.fromhex("60B6A29F6110D411B4C6006097C09D8C")
    head = (u16(0xFFFE, 0) + u32(0x00020006) + b"\0" * 16 + u32(1) +
            fmtid + u32(48))
    return head + sec


META = [(2, "시험 문서"), (3, "주제"), (4, "작성자"), (5, "키워드"),
        (6, "설명\r\n둘째 줄"), (8, "수정자"),
        (12, filetime(2024, 1, 2, 3, 4, 5)),
        (13, filetime(2024, 2, 3, 4, 5, 6)),
        (20, "2024년 1월 2일")]

# ---- documents -----------------------------------------------------------------------

PNG = bytes.fromhex("89504E470D0A1A0A0000000D4948445200000001000000010806"
                    "0000001F15C4890000000D49444154789C6300010000050001"
                    "0D0A2DB40000000049454E44AE426082")


def deflate(b):
    c = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
    return c.compress(b) + c.flush()


def hwp(body, flags=1, meta=META, extra=None, broken=None, bin_size=None):
    z = deflate if flags & 1 else (lambda b: b)
    fh = (b"HWP Document File".ljust(32, b"\0") + u32(0x05010000, flags) +
          b"\0" * 216)
    png = PNG if bin_size is None else PNG + b"\0" * (bin_size - len(PNG))
    streams = {
        "FileHeader": fh,
        "DocInfo": z(docinfo()),
        "BodyText/Section0": z(body),
        "BinData/BIN0001.png": z(png) if bin_size is None else png,
    }
    if meta is not None:
        streams["\x05HwpSummaryInformation"] = summary(meta)
    streams.update(extra or {})
    return write_cfb(streams, broken)


def fixtures():
    plain = section([Para([("ctrl", "secd", 2), "압축하지 않은 문서",
                           ("ctrl", "gso ", 11)], ctrls=[secd(), picture()])])
    bomb = b"\0" * (3 << 20)  # empty records: inflates about 1000:1
    return {
        "hwp-all.hwp": hwp(body_all()),
        "hwp-plain.hwp": hwp(plain, flags=0, meta=None),
        "hwp-password.hwp": hwp(plain, flags=1 | 2),
        "hwp-distribution.hwp": hwp(plain, flags=1 | 4),
        "hwp-drm.hwp": hwp(plain, flags=1 | 16),
        # BinData in the FAT with its sectors marked free: the text still
        # reads, the image does not
        "hwp-broken-bindata.hwp": hwp(body_all(), bin_size=8192,
                                      broken={"BinData/BIN0001.png": "free"}),
        # the section itself loops: unreadable, one clear line
        # (past the mini-stream cutoff, so that the chain is in the FAT)
        "hwp-broken-body.hwp": hwp(body_all() + b"\0" * CUTOFF, flags=0,
                                   broken={"BodyText/Section0": "loop"}),
        # a record that declares more bytes than the stream holds
        "hwp-truncated.hwp": hwp(body_all()[:-3], flags=0),
        "hwp-deep.hwp": hwp(deep_tables(70)),
        "hwp-bomb.hwp": hwp(bomb),
    }


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(out, exist_ok=True)
    for name, data in sorted(fixtures().items()):
        path = os.path.join(out, name)
        tmp = path + ".tmp"
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)


if __name__ == "__main__":
    main()
