"""Agreement of `airead dump` with the corpus facts (expected/*.json).

For every HWPX and DOCX file of ../shared/corpus: readable or not, tables,
nested tables, merged regions, manual line breaks, paragraphs, the nine
metadata values and the main-story plain text. Each fact must agree on at
least 99% of the readable files, and every disagreement must be listed,
with its reason, in corpus-exemptions.tsv (id, fact, reason). An
exemption that no longer applies fails too, so the file stays true.
Skipped (77) when the corpus is absent.
"""
import json
import os
import sys

import airtest

FACTS = ("ok", "tables", "nested_tables", "merged_cells",
         "manual_line_breaks", "paragraphs", "metadata", "text")


def compare(item, airead):
    ident, fmt, path, exp = item
    rc, out, err = airtest.run([airead, "dump", path], timeout=30)
    got = {}
    diffs = {}
    if rc not in (0, 3):
        return ident, {"ok": "exit status %s" % rc}, False
    ok = rc == 0
    if ok != bool(exp["ok"]):
        diffs["ok"] = "airead %s, expected %s (%s)" % (
            "read it" if ok else "refused: " + err.decode(errors="replace").strip(),
            "ok" if exp["ok"] else "unreadable", exp.get("error"))
        return ident, diffs, exp["ok"]
    if not ok:
        lines = err.decode(errors="replace").strip().splitlines()
        if len(lines) != 1:
            diffs["ok"] = "unreadable file gave %d lines on stderr" % len(lines)
        return ident, diffs, False
    dump = json.loads(out)
    got = airtest.facts(dump)
    c = exp["counts"]
    for fact in ("tables", "nested_tables", "merged_cells",
                 "manual_line_breaks", "paragraphs"):
        if got[fact] != c[fact]:
            diffs[fact] = "airead %s, expected %s" % (got[fact], c[fact])
    for k, v in exp["metadata"].items():
        if got["metadata"].get(k) != v:
            diffs["metadata"] = "%s: airead %r, expected %r" % (
                k, got["metadata"].get(k), v)
            break
    if not airtest.text_agrees(got["text_lines"], exp["text"]):
        a, b = got["text"], exp["text"]
        i = 0
        while i < min(len(a), len(b)) and a[i] == b[i]:
            i += 1
        diffs["text"] = "differs at char %d: airead %r, expected %r" % (
            i, a[max(0, i - 20):i + 30], b[max(0, i - 20):i + 30])
    return ident, diffs, True


def main():
    a = airtest.args()
    if not airtest.have_corpus(a.corpus):
        print("corpus absent: skipped")
        return airtest.SKIP
    items = [x for x in airtest.corpus_files(a.corpus, ("hwpx", "docx"))
             if x[3] is not None]
    if a.only:
        keep = set(a.only.split(","))
        items = [x for x in items if x[0] in keep]
    exfile = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                          "corpus-exemptions.tsv")
    exemptions = airtest.load_exemptions(exfile)
    results = airtest.pmap(lambda it: compare(it, a.airead), items)

    readable = sum(1 for _, _, r in results if r)
    return airtest.report_agreement(
        [(ident, diffs) for ident, diffs, _ in results], FACTS, exemptions, a,
        "%d files, %d readable" % (len(results), readable),
        lambda fact: len(results) if fact == "ok" else readable, 0.99,
        "disagreements", "readable files",
        stale_wanted=lambda key: key[1] in FACTS)


if __name__ == "__main__":
    sys.exit(main())
