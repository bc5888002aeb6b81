"""batchkit -- helpers of the batch and hook tests (stdlib only): documents
made on the spot, runs with an environment, sanitizer detection."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

import airtest

_CT = ('<?xml version="1.0" encoding="UTF-8"?>'
       '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
       'content-types"><Default Extension="rels" ContentType="application/'
       'vnd.openxmlformats-package.relationships+xml"/><Default Extension='
       '"xml" ContentType="application/xml"/><Override PartName="/word/'
       'document.xml" ContentType="application/vnd.openxmlformats-'
       'officedocument.wordprocessingml.document.main+xml"/><Override '
       'PartName="/docProps/core.xml" ContentType="application/vnd.'
       'openxmlformats-package.core-properties+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http:'
         '//schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
         'officeDocument/2006/relationships/officeDocument" Target="word/'
         'document.xml"/><Relationship Id="rId2" Type="http://schemas.'
         'openxmlformats.org/package/2006/relationships/metadata/core-'
         'properties" Target="docProps/core.xml"/></Relationships>')
_CORE = ('<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:'
         'cp="http://schemas.openxmlformats.org/package/2006/metadata/core-'
         'properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
         '<dc:title>{t}</dc:title><dc:creator>{t} 작성자</dc:creator>'
         '<dc:subject>{t} 주제</dc:subject><cp:keywords>{t}, 시험'
         '</cp:keywords></cp:coreProperties>')


def make_docx(path, paragraphs, title="시험 보고서", repeat=1):
    """A DOCX with the metadata filled in and one w:p per paragraph text
    (repeated 'repeat' times): paragraphs without symbols give a clean
    document; a '→' gives warnings."""
    esc = (lambda s: s.replace("&", "&amp;").replace("<", "&lt;")
           .replace(">", "&gt;"))
    one = "".join("<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % esc(p)
                  for p in paragraphs)
    body = one * repeat
    doc = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="'
           'http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           '<w:body>%s</w:body></w:document>' % body)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("docProps/core.xml", _CORE.format(t=esc(title)))
        z.writestr("word/document.xml", doc)
    return path


def sanitized(airead):
    """True for a build with AddressSanitizer (no address-space cap)."""
    with open(airead, "rb") as f:
        return b"__asan_init" in f.read()


def run(cmd, stdin=None, env=None, timeout=120, cwd=None):
    """(exit status, stdout, stderr) with an environment of our own."""
    full = dict(os.environ)
    full.update(env or {})
    p = subprocess.run(cmd, input=stdin, capture_output=True, env=full,
                       timeout=timeout, cwd=cwd)
    return p.returncode, p.stdout, p.stderr


def jsonl(out):
    """(file lines, summary or None) of a jsonl report."""
    files, summary = [], None
    for line in out.decode().splitlines():
        rec = json.loads(line)
        if "path" in rec:
            files.append(rec)
        else:
            summary = rec["summary"]
    return files, summary


def main(name, body):
    """Runs body(args, tmp, samples) in a temporary folder removed after
    (even one made unreadable); skips when samples/ is missing."""
    a = airtest.args()
    samples = os.path.join(a.source, "samples")
    if not os.path.exists(os.path.join(samples, "p2-symbols.hwpx")):
        print("skip: samples missing")
        sys.exit(airtest.SKIP)
    tmp = tempfile.mkdtemp(prefix="airead-%s-" % name)
    try:
        body(a, tmp, samples)
    finally:
        for d, _, _ in os.walk(tmp):
            os.chmod(d, 0o755)
        shutil.rmtree(tmp)
    print("ok")


def expect(cond, msg):
    if not cond:
        airtest.fail(msg)
