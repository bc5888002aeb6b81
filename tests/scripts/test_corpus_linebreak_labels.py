"""Principle 3 against hand-labelled breaks of ../shared/corpus.

tests/labels/linebreaks.tsv names, per corpus file, paragraph breaks (between
main-story paragraph `seq` and the next paragraph of its container) and
manual line breaks (the `break`-th '\\n' of paragraph `seq`), each labelled
by reading the text: mid-sentence, word-split or legitimate. This test runs
`airead dump` and `airead check` on every labelled file airead can read and
measures:

- rule 301 (mid-sentence-break) on paragraph breaks, and the 302 warnings on
  manual breaks, as one detector: precision and recall of "goes on"
  (mid-sentence or word-split) against the labels, on the development part
  and on the held-out part separately;
- rule 302's warning/info split on manual breaks (warning = goes on);
- how often a detected continuation gets the right join (no space for a
  word-split).

It fails when precision < 0.95 or recall < 0.85 on the development part,
when the held-out part's precision drops under 0.95 or its recall under
HELD_RECALL_FLOOR (the figure measured when the rules were last changed
without looking at it; the 0.85 target is printed as met or not), each part
counted only when it holds enough labelled breaks (MIN_BREAKS,
MIN_POSITIVES), or when airead numbers
paragraphs differently from the labels (the 8 characters around each break
are checked). Skipped (77) without the corpus or when no labelled file can
be read. Run with -v for the misses and false alarms.
"""
import collections
import csv
import json
import os
import sys

import airtest

MIN_PRECISION = 0.95
MIN_RECALL = 0.85
# The held-out part is never tuned on, so its recall is a measurement, not
# a knob: below the target it is reported, and a drop under the recall it
# had when last measured fails as a regression.
HELD_RECALL_FLOOR = 0.85
# A part with fewer labelled breaks or positives than this is reported
# but not held to the bar: a handful of breaks says nothing.
MIN_BREAKS = 150
MIN_POSITIVES = 30


def load_labels(source):
    path = os.path.join(source, "tests", "labels", "linebreaks.tsv")
    with open(path, encoding="utf-8") as f:
        rows = [l for l in f if not l.startswith("#")]
    return list(csv.DictReader(rows, delimiter="\t"))


def norm(s):
    return s.replace("\t", " ").replace("\n", " ")


def paragraphs(dump):
    """seq -> (node, container key) for main-story paragraphs, and the
    next paragraph of the same container for each."""
    by_seq, nxt = {}, {}

    def walk(nodes, parent_key):
        prev = None
        for n in nodes:
            if n.get("kind") == "para" and n.get("story") == "main" and \
                    "seq" in n:
                by_seq[n["seq"]] = n
                if prev is not None:
                    nxt[prev["seq"]] = n
                prev = n
            else:
                prev = None
            walk(n.get("children", ()), None)

    for s in dump["body"]:
        walk(s.get("children", ()), None)
    return by_seq, nxt


def loc_key(loc):
    return (loc.get("section", 0), loc.get("table", 0), loc.get("row", 0),
            loc.get("col", 0), loc.get("para", loc.get("paragraph", 0)))


def note(ident, r, why):
    """Says where a label row does not fit the reader (AIR_LABELS_VERBOSE)."""
    if os.environ.get("AIR_LABELS_VERBOSE"):
        print("misplaced %s %s %s.%s %r|%r: %s" % (
            ident, r["kind"], r["seq"], r["break"], r["before"], r["after"],
            why))


def evaluate(item, airead):
    ident, path, rows = item
    rc, out, err = airtest.run([airead, "dump", path], timeout=120)
    if rc != 0:
        return ident, None, "dump: exit %s %s" % (rc, err[:200])
    dump = json.loads(out)
    by_seq, nxt = paragraphs(dump)
    keys = {loc_key(n["loc"]): s for s, n in by_seq.items()}
    rc, out, err = airtest.run([airead, "check", "--no-config", "--lang", "en",
                                "-f", "json",
                                "--fail-level", "none", path], timeout=120)
    if rc != 0:
        return ident, None, "check: exit %s" % rc
    f = json.loads(out)["files"][0]
    found = {}
    for x in f["findings"]:
        if x["rule"] not in ("mid-sentence-break", "manual-line-break"):
            continue
        loc = x["location"]
        if loc.get("story") != "main":
            continue
        seq = keys.get(loc_key(loc))
        if seq is None:
            continue
        joined = "word" if "cuts a word" in x["message"] else "space"
        if x["rule"] == "mid-sentence-break":
            found[("para", seq, 0)] = ("warning", joined)
        else:
            raw = by_seq[seq].get("text", "").encode("utf-8")
            k = raw[:loc.get("start", 0)].count(b"\n")  # a byte offset
            found[("line", seq, k)] = (x["severity"], joined)
    results, bad = [], 0
    for r in rows:
        seq, brk = int(r["seq"]), int(r["break"])
        p = by_seq.get(seq)
        if p is None:
            note(ident, r, "no paragraph %d" % seq)
            bad += 1
            continue
        text = p.get("text", "")
        if r["kind"] == "line":
            lines = text.split("\n")
            if brk + 1 >= len(lines):
                note(ident, r, "%d lines" % len(lines))
                bad += 1
                continue
            before, after = lines[brk], lines[brk + 1]
        else:
            q = nxt.get(seq)
            if q is None:
                note(ident, r, "no next paragraph")
                bad += 1
                continue
            before = text.split("\n")[-1]
            after = q.get("text", "").split("\n")[0]
        if not norm(before).endswith(r["before"]) or \
                not norm(after).startswith(r["after"]):
            note(ident, r, "read %r|%r" % (norm(before)[-8:],
                                           norm(after)[:8]))
            bad += 1
            continue
        sev, joined = found.get((r["kind"], seq, brk), (None, None))
        if r["kind"] == "line":
            pred = sev == "warning"  # 302: info means complete
        else:
            pred = sev is not None
        r = dict(r, where="cell" if "table" in p.get("loc", {}) else "body")
        results.append((r, pred, joined))
    return ident, (results, bad), None


def score(results):
    c = collections.Counter()
    for r, pred, joined in results:
        pos = r["label"] != "legitimate"
        c[("tp" if pos else "fp") if pred else ("fn" if pos else "tn")] += 1
        if pos and pred:
            c["join_ok"] += (joined == "word") == (r["label"] == "word-split")
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    rec = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    return c, p, rec


def main():
    a = airtest.args()
    if not airtest.have_corpus(a.corpus):
        print("skip: no corpus at %s" % a.corpus)
        sys.exit(airtest.SKIP)
    labels = load_labels(a.source)
    paths = {i: p for i, _, p, _ in airtest.corpus_files(a.corpus,
                                                         ("hwpx", "docx"))}
    by_file = collections.defaultdict(list)
    for r in labels:
        by_file[r["file"]].append(r)
    items = [(i, paths[i], rows) for i, rows in sorted(by_file.items())
             if i in paths]
    if a.only:
        keep = set(a.only.split(","))
        items = [it for it in items if it[0] in keep]
    out = airtest.pmap(lambda it: evaluate(it, a.airead), items)
    parts = collections.defaultdict(list)
    unread, misnumbered = [], 0
    for ident, res, why in out:
        if res is None:
            unread.append("%s (%s)" % (ident, why))
            continue
        results, bad = res
        misnumbered += bad
        for r, pred, joined in results:
            parts[r["split"]].append((r, pred, joined))
    if not parts:
        print("skip: no labelled file is readable (%d unread)" % len(unread))
        sys.exit(airtest.SKIP)
    failures = []
    for name in ("dev", "held"):
        res = parts.get(name, [])
        c, p, rec = score(res)
        lines = [x for x in res if x[0]["kind"] == "line"]
        lc, lp, lr = score(lines)
        print("%-4s %4d breaks (%d goes-on): 301+302 precision %.3f recall "
              "%.3f (tp %d fp %d fn %d); 302 warning/info on %d manual "
              "breaks: precision %.3f recall %.3f; join spacing right %d/%d"
              % (name, len(res), c["tp"] + c["fn"], p, rec, c["tp"], c["fp"],
                 c["fn"], len(lines), lp, lr, c["join_ok"], c["tp"]))
        for where in ("body", "cell"):
            for kind in ("para", "line"):
                sub = [x for x in res if x[0]["where"] == where and
                       x[0]["kind"] == kind]
                sc, sp, sr = score(sub)
                print("     %s %s breaks: %d (%d goes-on), precision %.3f "
                      "recall %.3f" % (where, kind, len(sub),
                                       sc["tp"] + sc["fn"], sp, sr))
        if a.verbose and name == "dev":  # the held-out misses stay unseen
            for r, pred, joined in res:
                pos = r["label"] != "legitimate"
                if pos != pred:
                    print("  %s %s %s %s.%s |%s⏎%s| %s" % (
                        "miss" if pos else "false", r["file"], r["kind"],
                        r["seq"], r["break"], r["before"], r["after"],
                        r["note"]))
        if len(res) < MIN_BREAKS or c["tp"] + c["fn"] < MIN_POSITIVES:
            continue
        if p < MIN_PRECISION or rec < MIN_RECALL:
            print("%s: under the target (precision >= %.2f, recall >= %.2f)"
                  % (name, MIN_PRECISION, MIN_RECALL))
        floor = MIN_RECALL if name == "dev" else HELD_RECALL_FLOOR
        if p < MIN_PRECISION or rec < floor:
            failures.append("%s: precision %.3f, recall %.3f (recall floor "
                            "%.2f)" % (name, p, rec, floor))
    if unread:
        print("not readable yet (%d): %s" % (len(unread),
                                             ", ".join(unread[:8])))
    if misnumbered:
        failures.append("%d labelled breaks not found where the labels put "
                        "them (paragraph numbering differs)" % misnumbered)
    if failures:
        airtest.fail("; ".join(failures))
    print("ok")


if __name__ == "__main__":
    main()
