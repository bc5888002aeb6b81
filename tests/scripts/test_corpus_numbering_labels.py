"""Rules 401-403 against hand labels (tests/labels/numbering.tsv) on the
shared corpus: precision and recall per rule, for the dev and held-out
splits, each required to reach precision 0.95 and recall 0.85 (issue 3,
item 6). A rule with no labelled positive in a split has no recall there;
its precision counts every finding it makes in the labelled documents.

A finding is matched to its paragraph through `airead dump` (location ->
main-story seq). Every document with a '*' row was read whole: a finding
of a rule at a paragraph without that rule's label is a false positive.
The head column must match the paragraph's text, so that a reader that
numbers paragraphs differently fails loudly instead of scoring nonsense.
Skipped (77) without the corpus. -v lists every disagreement."""
import collections
import os
import sys

import airtest

RULES = ("numbering-sequence", "numbering-hierarchy", "numbering-style")
MIN_PRECISION, MIN_RECALL = 0.95, 0.85


def load_labels(path):
    docs = collections.defaultdict(lambda: {"split": None, "rows": []})
    with open(path, encoding="utf-8") as f:
        header = None
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if header is None:
                header = cols
                continue
            r = dict(zip(header, cols))
            d = docs[r["file"]]
            d["split"] = r["split"]
            d["rows"].append(r)
    return docs


def locate(corpus, ident):
    for fmt in ("hwpx", "docx", "hwp"):
        p = os.path.join(corpus, "files", fmt, "%s.%s" % (ident, fmt))
        if os.path.exists(p):
            return p
    return None


def analyse(binary, path):
    """(findings as {(seq, rule): n}, {seq: text}) or an error string."""
    res = airtest.findings_by_seq(binary, path, RULES)
    return res if isinstance(res, str) else res[1:]


def main():
    a = airtest.args()
    if not airtest.have_corpus(a.corpus):
        print("corpus absent: skipped")
        return airtest.SKIP
    labels = load_labels(os.path.join(a.source, "tests", "labels",
                                      "numbering.tsv"))
    only = set(a.only.split(",")) if a.only else None
    items = [(k, v) for k, v in sorted(labels.items())
             if not only or k in only]

    def one(item):
        ident, doc = item
        path = locate(a.corpus, ident)
        if path is None:
            return ident, doc, "not in the corpus"
        return ident, doc, analyse(a.airead, path)

    results = airtest.pmap(one, items)
    score = {s: {r: collections.Counter() for r in RULES}
             for s in ("dev", "held")}
    problems, notes = [], []
    for ident, doc, res in results:
        if isinstance(res, str):
            problems.append("%s: %s" % (ident, res))
            continue
        found, text = res
        split = doc["split"]
        want = set()
        for r in doc["rows"]:
            if r["seq"] == "*":
                continue
            seq = int(r["seq"])
            got = text.get(seq, "").replace("\t", " ")
            if not got.startswith(r["head"].rstrip()[:6]):
                problems.append("%s seq %d: label head %r, paragraph %r"
                                % (ident, seq, r["head"],
                                   text.get(seq, "")[:12]))
            if r["label"] in RULES:
                want.add((seq, r["label"]))
        for (seq, rule), n in found.items():
            if (seq, rule) in want:
                score[split][rule]["tp"] += 1
            else:
                score[split][rule]["fp"] += n
                notes.append("%s %s FP %s at seq %s: %s" % (
                    split, ident, rule, seq, text.get(seq, "")[:40]))
        for seq, rule in sorted(want):
            if (seq, rule) not in found:
                score[split][rule]["fn"] += 1
                notes.append("%s %s FN %s at seq %s: %s" % (
                    split, ident, rule, seq, text.get(seq, "")[:40]))
    for split in ("dev", "held"):
        ndocs = sum(1 for _, d in items if d["split"] == split)
        print("%s (%d documents)" % (split, ndocs))
        for rule in RULES:
            c = score[split][rule]
            tp, fp, fn = c["tp"], c["fp"], c["fn"]
            prec = tp / (tp + fp) if tp + fp else None
            rec = tp / (tp + fn) if tp + fn else None
            print("  %-20s tp %3d fp %3d fn %3d  precision %s  recall %s"
                  % (rule, tp, fp, fn,
                     "%.3f" % prec if prec is not None else "  -  ",
                     "%.3f" % rec if rec is not None else "  -  "))
            if fp and (prec is None or prec < MIN_PRECISION):
                problems.append("%s %s: precision %s below %.2f"
                                % (split, rule, "%.3f" % prec if prec
                                   is not None else "0", MIN_PRECISION))
            if rec is not None and rec < MIN_RECALL:
                problems.append("%s %s: recall %.3f below %.2f"
                                % (split, rule, rec, MIN_RECALL))
    return airtest.report_and_exit_status(problems, notes, a.verbose)


if __name__ == "__main__":
    sys.exit(main())
