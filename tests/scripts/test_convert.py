"""`airead convert` as a user runs it: -o after the input, stdout, --out-dir
mirroring folders (name clashes kept apart), unreadable inputs reported on
one line with exit status 3 while the batch goes on, no partial or
temporary file left behind, -j giving the same bytes, --media extracting
images next to the Markdown, standard input."""
import os
import shutil
import sys
import tempfile

import airtest


def files_under(d):
    out = []
    for root, _, names in os.walk(d):
        for n in names:
            out.append(os.path.relpath(os.path.join(root, n), d))
    return sorted(out)


def read(p):
    with open(p, "rb") as f:
        return f.read()


def main():
    a = airtest.args()
    exe = a.airead
    samples = os.path.join(a.source, "samples")
    report = os.path.join(samples, "report-clean.docx")
    with tempfile.TemporaryDirectory() as tmp:
        # One input: stdout, '-o -', and -o FILE given after the input.
        rc, stdout_md, err = airtest.run([exe, "convert", report])
        if rc != 0 or not stdout_md.startswith(b"---\n"):
            airtest.fail("convert to stdout: exit %s %s" % (rc, err))
        rc, out, _ = airtest.run([exe, "convert", "-o", "-", report])
        if rc != 0 or out != stdout_md:
            airtest.fail("-o - differs from stdout")
        dst = os.path.join(tmp, "one", "보고서.md")
        rc, _, err = airtest.run([exe, "convert", report, "-o", dst])
        if rc != 0 or read(dst) != stdout_md:
            airtest.fail("-o FILE after the input: exit %s %s" % (rc, err))
        with open(report, "rb") as f:
            rc, out, _ = airtest.run([exe, "convert", "-"], stdin=f.read())
        if rc != 0 or b"format: \"docx\"" not in out:
            airtest.fail("standard input: exit %s" % rc)

        # Usage errors.
        for cmd in (["convert", report, report], ["convert", samples],
                    ["convert", "--tables", "fancy", report],
                    ["convert", "-o", dst, "--out-dir", tmp, report]):
            rc, _, _ = airtest.run([exe] + cmd)
            if rc != 2:
                airtest.fail("%s: exit %s, not 2" % (" ".join(cmd), rc))

        # A tree with a clash and an unreadable file.
        src = os.path.join(tmp, "in")
        os.makedirs(os.path.join(src, "a", "b"))
        shutil.copy(report, os.path.join(src, "a", "x.docx"))
        shutil.copy(os.path.join(samples, "p1-merged-nested.docx"),
                    os.path.join(src, "a", "b", "y.docx"))
        shutil.copy(os.path.join(samples, "p3-breaks.docx"),
                    os.path.join(src, "a", "b", "y.DOCX"))
        with open(os.path.join(src, "a", "bad.docx"), "w") as f:
            f.write("not a document\n")
        with open(os.path.join(src, "notes.txt"), "w") as f:
            f.write("skipped: not a document name\n")
        outs = {}
        for jobs in ("1", "4"):
            od = os.path.join(tmp, "out" + jobs)
            rc, _, err = airtest.run([exe, "convert", "-j", jobs,
                                      "--out-dir", od, src])
            lines = err.decode().strip().splitlines()
            if rc != 3 or len(lines) != 1 or "bad.docx" not in lines[0]:
                airtest.fail("batch with a bad file (-j %s): exit %s, "
                             "stderr %r" % (jobs, rc, lines))
            got = files_under(od)
            # "y.DOCX" sorts before "y.docx": it keeps the plain name.
            want = ["a/b/y.docx.md", "a/b/y.md", "a/x.md"]
            if got != want:
                airtest.fail("--out-dir -j %s wrote %s, not %s"
                             % (jobs, got, want))
            outs[jobs] = {n: read(os.path.join(od, n)) for n in got}
        if outs["1"] != outs["4"]:
            airtest.fail("-j 4 gives other bytes than -j 1")
        # The same document gives the same Markdown (its front matter names
        # the file it came from).
        body = lambda md: md.split(b"\n---\n", 1)[1]
        if body(outs["1"]["a/x.md"]) != body(stdout_md) or \
                b'source: "x.docx"' not in outs["1"]["a/x.md"]:
            airtest.fail("a batch output differs from the single one")

        # A failed conversion leaves nothing, not even a temporary file.
        fail_dir = os.path.join(tmp, "fail")
        os.makedirs(fail_dir)
        rc, _, _ = airtest.run([exe, "convert", "-o",
                                os.path.join(fail_dir, "bad.md"),
                                os.path.join(src, "a", "bad.docx")])
        if rc != 3 or os.listdir(fail_dir):
            airtest.fail("unreadable input: exit %s, left %s"
                         % (rc, os.listdir(fail_dir)))

        # --media: the image lands in the folder the link points to.
        mdir = os.path.join(tmp, "md")
        rc, _, err = airtest.run([exe, "convert", "--media",
                                  os.path.join(tmp, "img"), "-o",
                                  os.path.join(mdir, "r.md"), report])
        text = read(os.path.join(mdir, "r.md")).decode()
        link = text.split("](", 1)[1].split(")", 1)[0] if "](" in text else ""
        img = os.path.normpath(os.path.join(mdir, link))
        if rc != 0 or not link or not os.path.isfile(img) or \
                read(img)[:8] != b"\x89PNG\r\n\x1a\n":
            airtest.fail("--media: exit %s, link %r" % (rc, link))
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
