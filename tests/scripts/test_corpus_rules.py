"""Rules 101, 102, 204, 302 and 501 on ../shared/corpus agree with the corpus
facts (expected/<id>.json), compared on common ground:

- 101 merged-cells: per file, the multiset of tables' merged regions
  (row, col, rowspan, colspan; 0-based as in the facts) equals the facts'
  `tables[].merges` of every story; the total equals `counts.merged_cells`.
  (Table numbers are not compared: the facts number tables in XML order,
  airead in document order with headers first.)
- 102 nested-table: findings equal `counts.nested_tables` (tables with an
  enclosing cell; a header or note anchored in a cell starts again).
- 204 symbol-font-glyph: occurrences of private-use code points equal
  `symbols.by_class.private_use + private_use_supp` (w:sym included, as
  the facts render it U+F0xx). airead also reports ordinary characters
  typed in symbol fonts, which the facts do not count (they ignore fonts):
  those are left out of the comparison.
- 302 manual-line-break: one finding per manual line break (warning or
  info), so the findings of every story add up to
  `counts.manual_line_breaks`.
- 501 missing-metadata: with the default required fields (title, creator,
  subject, keywords), the fields reported missing are those the facts give
  as null or blank.

Only readable files are compared (reading is test_corpus_agreement's
business); a file whose reader facts are exempted there for the matching
fact (merged_cells, nested_tables, metadata, text) is left out of that
rule's comparison, and must then be listed here with its reason.
Every remaining disagreement fails the test. Skipped (77) without the
corpus.
"""
import collections
import json
import os
import sys

import airtest

RULES = ("merged-cells", "nested-table", "symbol-font-glyph",
         "manual-line-break", "missing-metadata")
REQUIRED = ("title", "creator", "subject", "keywords")
READER_FACT = {"merged-cells": "merged_cells", "nested-table": "nested_tables",
               "symbol-font-glyph": "text", "missing-metadata": "metadata",
               "manual-line-break": "manual_line_breaks"}


def is_pua(cp):
    return 0xE000 <= cp <= 0xF8FF or cp >= 0xF0000


def load_exemptions(source):
    ex = set()
    path = os.path.join(source, "tests", "scripts", "corpus-exemptions.tsv")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip() and not line.startswith("#"):
                    ident, fact = line.split("\t")[:2]
                    ex.add((ident, fact))
    return ex


def compare(item, airead, config):
    ident, fmt, path, exp = item
    rc, out, err = airtest.run([airead, "check", "-c", config, "-f", "json",
                                "--fail-level", "none", path], timeout=60)
    if rc != 0:
        return ident, None, "exit %s" % rc
    f = json.loads(out)["files"][0]
    if f["status"] != "ok":
        return ident, None, f.get("reason")
    got = collections.defaultdict(list)
    for x in f["findings"]:
        got[x["rule"]].append(x)
    diffs = {}

    # 101
    mine = sorted(tuple(sorted((i["row"] - 1, i["col"] - 1, i["rowspan"],
                                i["colspan"]) for i in x["items"]))
                  for x in got["merged-cells"])
    theirs = sorted(tuple(sorted((m["row"], m["col"], m["rowspan"],
                                  m["colspan"]) for m in t["merges"]))
                    for t in exp["tables"] if t["merges"])
    nmine = sum(len(t) for t in mine)
    if mine != theirs or nmine != exp["counts"]["merged_cells"]:
        diffs["merged-cells"] = "airead %d regions in %d tables, facts %d " \
            "in %d" % (nmine, len(mine), exp["counts"]["merged_cells"],
                       len(theirs))
    # 102
    n = len(got["nested-table"])
    if n != exp["counts"]["nested_tables"]:
        diffs["nested-table"] = "airead %d, facts %d" % (
            n, exp["counts"]["nested_tables"])
    # 204
    n = sum(i["count"] for x in got["symbol-font-glyph"] for i in x["items"]
            if is_pua(int(i["code"][2:], 16)))
    bc = exp["symbols"]["by_class"]
    want = bc.get("private_use", 0) + bc.get("private_use_supp", 0)
    if n != want:
        diffs["symbol-font-glyph"] = "airead %d private-use, facts %d" % (
            n, want)
    # 302
    n = sum(x["count"] for x in got["manual-line-break"])
    if n != exp["counts"].get("manual_line_breaks", 0):
        diffs["manual-line-break"] = "airead %d, facts %d" % (
            n, exp["counts"].get("manual_line_breaks", 0))
    # 501
    mine = sorted(i["text"] for x in got["missing-metadata"]
                  for i in x["items"])
    meta = exp["metadata"]
    theirs = sorted(k for k in REQUIRED
                    if meta.get(k) is None or not meta[k].strip())
    if mine != theirs:
        diffs["missing-metadata"] = "airead %s, facts %s" % (mine, theirs)
    return ident, diffs, None


def main():
    a = airtest.args()
    if not airtest.have_corpus(a.corpus):
        print("skip: no corpus at %s" % a.corpus)
        sys.exit(airtest.SKIP)
    config = airtest.rules_config(a.airead, RULES)
    items = [it for it in airtest.corpus_files(a.corpus, ("hwpx", "docx"))
             if it[3] and it[3].get("ok")]
    if a.only:
        keep = set(a.only.split(","))
        items = [it for it in items if it[0] in keep]
    try:
        results = airtest.pmap(lambda it: compare(it, a.airead, config),
                               items)
    finally:
        os.unlink(config)
    exempt = load_exemptions(a.source)
    agree = collections.Counter()
    total = collections.Counter()
    unread = 0
    failures = []
    for ident, diffs, why in results:
        if diffs is None:
            unread += 1
            continue
        for rule in RULES:
            if (ident, READER_FACT[rule]) in exempt and rule in diffs:
                continue  # the reader's own fact is known to differ
            total[rule] += 1
            if rule in diffs:
                failures.append("%s %s: %s" % (ident, rule, diffs[rule]))
            else:
                agree[rule] += 1
    for rule in RULES:
        print("%-18s %4d/%4d agree" % (rule, agree[rule], total[rule]))
    print("not compared (unreadable to airead): %d" % unread)
    if failures:
        for f in failures[:40]:
            print("  " + f)
        airtest.fail("%d disagreements" % len(failures))
    print("ok")


if __name__ == "__main__":
    main()
