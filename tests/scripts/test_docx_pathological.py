"""Pathological DOCX packages, built here with zipfile: each must be read
(or refused with exit status 3 and one line) quickly, whatever its shape.

- a 50,000-style basedOn chain used from its top (linear, not quadratic);
- 20,000 sections naming one 1,000-paragraph header (read once);
- 100,000 hyperlinks, each with its own relationship (ids looked up in
  O(log n));
- a numStyleLink that leads back to its own list;
- a footnote whose text holds its own reference mark;
- tables nested 100 deep (over the limit of 64: refused, one line);
- XML nested 300 deep (over libxml2's 256: refused, one line).
"""
import os
import resource
import sys
import tempfile
import zipfile

import airtest

W = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
     'relationships"')
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
# CPU seconds of the airead process (not wall time: the machine may be
# busy); the quadratic versions of these cases take minutes.
LIMIT_SECONDS = 5


def package(path, body, rels=(), parts=()):
    rel_xml = "".join(
        '<Relationship Id="%s" Type="%s%s" Target="%s"%s/>'
        % (rid, RT, typ, target, ' TargetMode="External"' if ext else "")
        for rid, typ, target, ext in rels)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<Types xmlns="http://schemas.openxmlformats.org/package/'
                   '2006/content-types"><Default Extension="xml" ContentType'
                   '="application/xml"/><Override PartName="/word/document.'
                   'xml" ContentType="application/vnd.openxmlformats-'
                   'officedocument.wordprocessingml.document.main+xml"/>'
                   '</Types>')
        z.writestr("_rels/.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/relationships"><Relationship Id="rId1" '
                   'Type="%sofficeDocument" Target="word/document.xml"/>'
                   '</Relationships>' % RT)
        z.writestr("word/_rels/document.xml.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/relationships">%s</Relationships>' % rel_xml)
        z.writestr("word/document.xml",
                   "<w:document %s><w:body>%s</w:body></w:document>"
                   % (W, body))
        for name, xml in parts:
            z.writestr(name, xml)


def p(text, ppr=""):
    return "<w:p>%s<w:r><w:t>%s</w:t></w:r></w:p>" % (
        "<w:pPr>%s</w:pPr>" % ppr if ppr else "", text)


def long_style_chain(path):
    n = 50000
    styles = "".join(
        '<w:style w:type="paragraph" w:styleId="S%d"><w:name w:val="s%d"/>'
        '<w:basedOn w:val="S%d"/></w:style>' % (i, i, i + 1)
        for i in range(n))
    styles += ('<w:style w:type="paragraph" w:styleId="S%d"><w:pPr>'
               '<w:outlineLvl w:val="2"/></w:pPr></w:style>' % n)
    body = "".join(p("x", '<w:pStyle w:val="S%d"/>' % i) for i in range(n))
    package(path, body, [("rId1", "styles", "styles.xml", False)],
            [("word/styles.xml", "<w:styles %s>%s</w:styles>" % (W, styles))])


def shared_header(path):
    sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/>'
            '</w:sectPr>')
    body = "".join(p("s", sect) for _ in range(20000))
    header = "<w:hdr %s>%s</w:hdr>" % (W, p("header") * 1000)
    package(path, body, [("rIdH", "header", "header1.xml", False)],
            [("word/header1.xml", header)])


def many_links(path):
    n = 100000
    body = "<w:p>%s</w:p>" % "".join(
        '<w:hyperlink r:id="L%d"><w:r><w:t>l</w:t></w:r></w:hyperlink>' % i
        for i in range(n))
    rels = [("L%d" % i, "hyperlink", "https://e.org/%d" % i, True)
            for i in range(n)]
    package(path, body, rels)


def numbering_link_loop(path):
    num = ('<w:numbering %s><w:abstractNum w:abstractNumId="0">'
           '<w:numStyleLink w:val="L"/></w:abstractNum>'
           '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
           '</w:numbering>' % W)
    styles = ('<w:styles %s><w:style w:type="numbering" w:styleId="L">'
              '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr>'
              '</w:style></w:styles>' % W)
    package(path, p("x", '<w:numPr><w:numId w:val="1"/></w:numPr>') * 10,
            [("rId1", "styles", "styles.xml", False),
             ("rId2", "numbering", "numbering.xml", False)],
            [("word/styles.xml", styles), ("word/numbering.xml", num)])


def note_in_itself(path):
    ref = '<w:r><w:footnoteReference w:id="1"/></w:r>'
    notes = ('<w:footnotes %s><w:footnote w:id="1"><w:p>%s</w:p>'
             '</w:footnote></w:footnotes>' % (W, ref))
    package(path, "<w:p>%s</w:p>" % ref,
            [("rId1", "footnotes", "footnotes.xml", False)],
            [("word/footnotes.xml", notes)])


def deep_tables(path):
    inner = p("deep")
    for _ in range(100):
        inner = "<w:tbl><w:tr><w:tc>%s</w:tc></w:tr></w:tbl>%s" % (
            inner, "<w:p/>")
    package(path, inner)


def deep_xml(path):
    package(path, "<w:sdt><w:sdtContent>" * 150 + p("x") +
            "</w:sdtContent></w:sdt>" * 150)


# (builder, exit status, text in the one stderr line, text in the dump)
CASES = [
    (long_style_chain, 0, None, None),
    (shared_header, 0, None, None),
    (many_links, 0, None, None),
    (numbering_link_loop, 0, None, None),
    (note_in_itself, 0, None, '"kind": "footnote"'),
    (deep_tables, 3, "nested", None),
    (deep_xml, 3, "deeper", None),
]


def cpu_of_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def main():
    a = airtest.args()
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for build, want_rc, want_msg, want_out in CASES:
            path = os.path.join(tmp, build.__name__ + ".docx")
            build(path)
            t0 = cpu_of_children()
            rc, out, err = airtest.run([a.airead, "dump", path], timeout=60)
            took = cpu_of_children() - t0
            lines = err.decode(errors="replace").strip().splitlines()
            problem = None
            if rc != want_rc:
                problem = "exit status %s, expected %s (%s)" % (
                    rc, want_rc, " / ".join(lines))
            elif took > LIMIT_SECONDS:
                problem = "took %.1f s" % took
            elif want_msg and (len(lines) != 1 or want_msg not in lines[0]):
                problem = "stderr %r lacks %r" % (lines, want_msg)
            elif want_out and want_out not in out.decode(errors="replace"):
                problem = "the dump lacks %r" % want_out
            print("%-22s %5.2f s  %s" % (build.__name__, took,
                                         problem or "ok"))
            failures += problem is not None
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
