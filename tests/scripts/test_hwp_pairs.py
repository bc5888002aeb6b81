"""HWP 5.0 against HWPX: the same document saved in both formats reads the
same (../shared/corpus/PAIRS.tsv).

For every pair, the HWP file's `airead dump` is compared with the HWPX
twin's expected facts (expected/<hwpx id>.json): readable or not, tables,
nested tables, merged regions, manual line breaks, paragraphs, metadata on
the fields both formats carry, and the main-story text (on airtest's common
ground); and `airead check --format json` must give the same findings for
both files. Two more facts compare the two files' models directly:
"numbering" (style, outline level and list kind, level and displayed
marker of every paragraph, in order) and "structure" (nodes of every kind
per story, and every table's grid: rows, columns and each cell's place and
spans, header cells). At least 95% of the pairs must agree on every fact, and every
difference must be listed with its reason in hwp-pairs-exemptions.tsv
("hwp id/hwpx id", fact, reason); an exemption that no longer applies
fails too.

Metadata: HWP's summary information has no language, and when Hangul saves
a document again as HWPX it writes a new modification date and may drop
the last author; so language, modified and lastModifiedBy are not
compared, and neither are findings that only speak of them.
Skipped (77) when the corpus is absent.
"""
import json
import os
import sys

import airtest

FACTS = ("ok", "tables", "nested_tables", "merged_cells",
         "manual_line_breaks", "paragraphs", "metadata", "text", "findings",
         "numbering", "structure")
META = ("title", "creator", "subject", "description", "keywords", "created")
NOT_COMPARED_META = ("language", "modified", "lastModifiedBy")


def findings(airead, path):
    rc, out, _ = airtest.run([airead, "check", "--format", "json", path],
                             timeout=30)
    if rc not in (0, 1):
        return None
    got = []
    for f in json.loads(out)["files"][0].get("findings", ()):
        items = tuple(i.get("text") for i in f.get("items", ())
                      if i.get("text") not in NOT_COMPARED_META)
        if f["rule"].endswith("-metadata") and not items:
            continue
        loc = f.get("location", {})
        got.append((f["rule"], f["severity"], loc.get("story"),
                    loc.get("section"), loc.get("para"), loc.get("table"),
                    loc.get("row"), loc.get("col"), f.get("snippet"),
                    f.get("count"), items))
    return sorted(got, key=repr)


def model_facts(dump):
    nodes = list(airtest.walk(dump.get("body", ())))
    numbering = []
    kinds = {}
    grids = []
    for n in nodes:
        k = (n["kind"], n.get("story"))
        kinds[k] = kinds.get(k, 0) + 1
        if n["kind"] == "para":
            lst = n.get("list") or {}
            numbering.append((n.get("story"), (n.get("style") or {}).get("name"),
                              n.get("outline_level"), n.get("heading"),
                              lst.get("kind"), lst.get("level"),
                              lst.get("marker")))
        elif n["kind"] == "table":
            cells = [(c.get("row"), c.get("col"), c.get("rowspan", 1),
                      c.get("colspan", 1), c.get("header", False))
                     for r in n.get("children", ()) if r["kind"] == "row"
                     for c in r.get("children", ()) if c["kind"] == "cell"]
            grids.append((n.get("rows"), n.get("cols"), cells))
    return numbering, sorted(kinds.items(), key=repr), grids


def first_difference(x, y):
    for i, (a, b) in enumerate(zip(x, y)):
        if a != b:
            return "at %d: HWP %r, HWPX %r" % (i, a, b)
    return "HWP %d entries, HWPX %d" % (len(x), len(y))


def compare(pair, a):
    hwp_id, hwpx_id = pair
    ident = "%s/%s" % pair
    path = os.path.join(a.corpus, "files", "hwp", hwp_id + ".hwp")
    twin = os.path.join(a.corpus, "files", "hwpx", hwpx_id + ".hwpx")
    with open(os.path.join(a.corpus, "expected", hwpx_id + ".json"),
              encoding="utf-8") as f:
        exp = json.load(f)
    rc, out, err = airtest.run([a.airead, "dump", path], timeout=30)
    diffs = {}
    if rc not in (0, 3):
        return ident, {"ok": "exit status %s" % rc}
    if (rc == 0) != bool(exp["ok"]):
        diffs["ok"] = "airead %s, the HWPX twin %s" % (
            "read it" if rc == 0 else
            "refused it: " + err.decode(errors="replace").strip(),
            "is readable" if exp["ok"] else "is not")
        return ident, diffs
    if rc != 0:
        return ident, diffs
    got = airtest.facts(json.loads(out))
    c = exp["counts"]
    for fact in ("tables", "nested_tables", "merged_cells",
                 "manual_line_breaks", "paragraphs"):
        if got[fact] != c[fact]:
            diffs[fact] = "airead %s, expected %s" % (got[fact], c[fact])
    for k in META:
        if got["metadata"].get(k) != exp["metadata"].get(k):
            diffs["metadata"] = "%s: airead %r, expected %r" % (
                k, got["metadata"].get(k), exp["metadata"].get(k))
            break
    if not airtest.text_agrees(got["text_lines"], exp["text"]):
        x, y = got["text"], exp["text"]
        i = 0
        while i < min(len(x), len(y)) and x[i] == y[i]:
            i += 1
        diffs["text"] = "differs at char %d: airead %r, expected %r" % (
            i, x[max(0, i - 20):i + 30], y[max(0, i - 20):i + 30])
    rc2, out2, _ = airtest.run([a.airead, "dump", twin], timeout=30)
    if rc2 == 0:
        m1 = model_facts(json.loads(out))
        m2 = model_facts(json.loads(out2))
        if m1[0] != m2[0]:
            diffs["numbering"] = first_difference(m1[0], m2[0])
        if m1[1:] != m2[1:]:
            diffs["structure"] = (first_difference(m1[1], m2[1])
                                  if m1[1] != m2[1] else
                                  first_difference(m1[2], m2[2]))
    mine, theirs = findings(a.airead, path), findings(a.airead, twin)
    if mine != theirs:
        only_h = [f for f in (mine or ()) if f not in (theirs or ())]
        only_x = [f for f in (theirs or ()) if f not in (mine or ())]
        diffs["findings"] = "only HWP: %s; only HWPX: %s" % (
            only_h[:2], only_x[:2])
    return ident, diffs


def main():
    a = airtest.args()
    pairs_path = os.path.join(a.corpus or "", "PAIRS.tsv")
    if not airtest.have_corpus(a.corpus) or not os.path.exists(pairs_path):
        print("corpus absent: skipped")
        return airtest.SKIP
    with open(pairs_path, encoding="utf-8") as f:
        pairs = [tuple(line.split("\t")[:2]) for line in f.read().split("\n")[1:]
                 if line.strip()]
    if a.only:
        keep = set(a.only.split(","))
        pairs = [p for p in pairs if p[0] in keep or p[1] in keep]
    exfile = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                          "hwp-pairs-exemptions.tsv")
    exemptions = airtest.load_exemptions(exfile)
    results = airtest.pmap(lambda p: compare(p, a), pairs)
    return airtest.report_agreement(
        results, FACTS, exemptions, a, "%d pairs" % len(results),
        lambda fact: len(results), 0.95, "differences", "the pairs")


if __name__ == "__main__":
    sys.exit(main())
