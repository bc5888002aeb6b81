"""Golden Markdown: `airead convert` on every document of samples/ and on
the reader fixtures listed in tests/golden/fixtures/ gives exactly the
committed .md file (tests/golden/README.md). A sample whose reader is not
written yet is skipped. Each golden is also parsed back with cmark-gfm:
it must hold as many tables as the document has outside headers, footers
and comments.

AIR_UPDATE_GOLDEN=1 rewrites the goldens instead of comparing (a changed
expectation needs a reason in the commit message)."""
import json
import os
import re
import shutil
import subprocess
import sys

import airtest

VARIANTS = {  # extra runs: golden suffix -> options
    "p1-merged-nested.docx": {"expand": ["--tables", "expand"]},
    "p1-merged-nested.hwpx": {"expand": ["--tables", "expand"]},
}

TEXT_STORIES = ("main", "textbox", "caption", "footnote", "endnote")


def tables_in_doc(airead, path):
    rc, out, _ = airtest.run([airead, "dump", path])
    if rc != 0:
        return None
    dump = json.loads(out)
    return sum(1 for n in airtest.walk(dump.get("body", ()))
               if n["kind"] == "table" and n.get("story") in TEXT_STORIES)


def tables_in_md(md):
    if shutil.which("cmark-gfm") is None:
        return None
    p = subprocess.run(["cmark-gfm", "--unsafe", "-e", "table", "-e",
                        "footnotes"], input=md, capture_output=True)
    return len(re.findall(rb"<table[ >]", p.stdout))


def main():
    a = airtest.args()
    update = os.environ.get("AIR_UPDATE_GOLDEN") == "1"
    gold = os.path.join(a.source, "tests", "golden")
    cases = []  # (document path, golden path, options)
    sdir = os.path.join(a.source, "samples")
    for name in sorted(os.listdir(sdir)):
        if name.endswith((".hwpx", ".docx")):
            cases.append((os.path.join(sdir, name),
                          os.path.join(gold, "samples", name + ".md"), []))
            for suffix, opts in VARIANTS.get(name, {}).items():
                cases.append((os.path.join(sdir, name),
                              os.path.join(gold, "samples",
                                           "%s.%s.md" % (name, suffix)),
                              opts))
    fdir = os.path.join(gold, "fixtures")
    for name in sorted(os.listdir(fdir)):
        if name.endswith(".md"):
            cases.append((os.path.join(a.fixtures, name[:-3]),
                          os.path.join(fdir, name), []))
    problems, done, skipped = [], 0, []
    for doc, golden, opts in cases:
        rc, out, err = airtest.run([a.airead, "convert"] + opts + [doc])
        if rc == 3 and b"not written yet" in err:
            skipped.append(os.path.basename(golden))
            continue
        if rc != 0:
            problems.append("%s: exit %s: %s" % (doc, rc, err.decode()))
            continue
        done += 1
        if update:
            with open(golden, "wb") as f:
                f.write(out)
        elif not os.path.exists(golden):
            problems.append("%s: no golden file (AIR_UPDATE_GOLDEN=1 makes "
                            "it)" % golden)
            continue
        else:
            with open(golden, "rb") as f:
                want = f.read()
            if out != want:
                problems.append("%s differs from %s" % (doc, golden))
                if a.verbose:
                    print(out.decode())
        n_doc = tables_in_doc(a.airead, doc)
        n_md = tables_in_md(out)
        if n_doc is not None and n_md is not None and n_doc != n_md:
            problems.append("%s: %d tables in the document, %d in the "
                            "Markdown" % (doc, n_doc, n_md))
    for p in problems:
        print("FAIL: " + p)
    if skipped:
        print("skipped (reader not written yet): " + ", ".join(skipped))
    print("%d goldens checked, %d problems" % (done, len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
