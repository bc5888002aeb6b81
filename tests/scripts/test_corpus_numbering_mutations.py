"""Rules 401-403 on errors planted in real documents: the labelled
HWPX documents of the shared corpus (tests/labels/numbering.tsv), each with
one typed list marker changed at a time, as people get them wrong:

  gap        the last item of a run skips a value   (가 나 라)   401 there
  duplicate  an item repeats the one before it      (가 나 나)   401 there
  swap       two neighbours change places           (1 3 2 4)    401 at 3
  style      the last item changes its punctuation  (가. 나. 다)) 403 there
  parent     the last of a run of paths names another parent
                                                    (3-1 3-2 4-3) 402 there

A run is three or more typed items of one form with consecutive values in
one container (a section body or a cell), found here with a regular
expression independent of the rules. Each mutant is checked, and the
findings new against the unmutated document must be exactly the planted
one: a miss counts against recall, any other new finding against
precision. The mutated package is the original with one text node
changed. Both splits are reported and must reach precision 0.95 and recall
0.85. Skipped (77) without the corpus."""
import collections
import os
import re
import shutil
import sys
import tempfile
import zipfile

import airtest

RULE = {401: "numbering-sequence", 402: "numbering-hierarchy",
        403: "numbering-style"}
MIN_PRECISION, MIN_RECALL = 0.95, 0.85
MAX_RUNS = 6  # runs mutated per document

HANGUL = "가나다라마바사아자차카타파하"
CIRCLED = "".join(chr(0x2460 + i) for i in range(20))
ITEM = re.compile(r"^(\s*)(\(?)(\d{1,2}|[%s]|[%s])([.)]?)(\s)"
                  % (HANGUL, CIRCLED))


def value_of(num):
    if num.isascii() and num.isdigit():
        return "d", int(num)
    if num in HANGUL:
        return "h", HANGUL.index(num) + 1
    return "c", CIRCLED.index(num) + 1


def numeral(kind, v):
    if kind == "d":
        return str(v)
    if kind == "h":
        return HANGUL[v - 1] if 1 <= v <= len(HANGUL) else None
    return CIRCLED[v - 1] if 1 <= v <= len(CIRCLED) else None


def items_of(dump):
    """Typed items: (container, seq, text, form, value, match)."""
    out = []

    def walk(nodes, container):
        for n in nodes:
            k = n.get("kind")
            c = container
            if k == "cell":
                c = (container, n.get("row"), n.get("col"), id(n))
            if k == "para" and n.get("story") == "main" and "seq" in n \
                    and not n.get("list"):
                t = n.get("text", "")
                m = ITEM.match(t)
                if m and not (m.group(2) and m.group(4) != ")"):
                    kind, v = value_of(m.group(3))
                    if kind == "c" and (m.group(2) or m.group(4)):
                        m = None
                    if m:
                        form = (m.group(2), kind, m.group(4))
                        out.append((c, n["seq"], t, form, v, m))
            walk(n.get("children", ()), c)

    for i, s in enumerate(dump.get("body", ())):
        walk([s], ("section", i))
    return out


def runs_of(items):
    """Runs of >= 3 items of one form and consecutive values, each item
    the next of its form in its container."""
    by = collections.defaultdict(list)
    for it in items:
        by[(it[0], it[3])].append(it)
    runs = []
    for seq in by.values():
        cur = [seq[0]]
        for it in seq[1:]:
            if it[4] == cur[-1][4] + 1:
                cur.append(it)
            else:
                if len(cur) >= 3:
                    runs.append((cur, it))
                cur = [it]
        if len(cur) >= 3:
            runs.append((cur, None))
    return runs


PATH = re.compile(r"^(\s*)(\d{1,2})-(\d{1,2})([.)]?)(\s)")


def path_runs(dump):
    """Runs of >= 2 two-level paths (3-1, 3-2) with one parent, in order,
    in one container: (items, next path item or None)."""
    paths = []

    def walk(nodes, container):
        for n in nodes:
            c = (container, id(n)) if n.get("kind") == "cell" else container
            if n.get("kind") == "para" and n.get("story") == "main" \
                    and "seq" in n and not n.get("list"):
                m = PATH.match(n.get("text", ""))
                if m:
                    paths.append((n["seq"], n["text"], int(m.group(2)),
                                  int(m.group(3)), m, c))
            walk(n.get("children", ()), c)

    for i, sec in enumerate(dump.get("body", ())):
        walk([sec], i)
    runs, cur = [], []
    for p in paths:
        if cur and p[5] == cur[-1][5] and p[2] == cur[-1][2] and \
                p[3] == cur[-1][3] + 1:
            cur.append(p)
            continue
        if len(cur) >= 2:
            runs.append(cur)
        cur = [p]
    if len(cur) >= 2:
        runs.append(cur)
    return runs


def replace_marker(text, m, value=None, close=None):
    kind = m and value_of(m.group(3))[0]
    num = numeral(kind, value) if value is not None else m.group(3)
    if num is None:
        return None
    c = close if close is not None else m.group(4)
    return text[:m.start(2)] + m.group(2) + num + c + text[m.end(4):]


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def mutate(src, dst, edits):
    """Copies the package, replacing each (old text, new text) in the one
    section text node that starts with it. False when not unique."""
    with zipfile.ZipFile(src) as z:
        parts = {n: z.read(n) for n in z.namelist()}
        infos = z.infolist()
    for old, new in edits:
        # the first run of text: up to a tab or line break element
        head = xml_escape(re.split(r"[\t\n]", old)[0])
        repl = xml_escape(re.split(r"[\t\n]", new)[0])
        hits = []
        for name, data in parts.items():
            if not re.match(r"Contents/section\d+\.xml$", name):
                continue
            text = data.decode("utf-8")
            for mm in re.finditer(r"<hp:t(?: [^>]*)?>" + re.escape(head),
                                  text):
                hits.append((name, mm))
        if len(hits) != 1:
            return False
        name, mm = hits[0]
        text = parts[name].decode("utf-8")
        at = mm.end() - len(head)
        text = text[:at] + repl + text[mm.end():]
        parts[name] = text.encode("utf-8")
    with zipfile.ZipFile(dst, "w") as z:
        for info in infos:
            z.writestr(info, parts[info.filename])
    return True


def findings(binary, path):
    """(dump, {(seq, rule number): n}) for rules 401-403, or None."""
    res = airtest.findings_by_seq(binary, path, set(RULE.values()))
    if isinstance(res, str):
        return None
    number = {v: k for k, v in RULE.items()}
    return res[0], collections.Counter(
        {(seq, number[rule]): n for (seq, rule), n in res[1].items()})


def plans(runs, items, texts):
    """(kind, expected (seq, rule), edits) per mutation. An item whose
    number later markers repeat (3. then 3-1.) is left alone: changing it
    breaks them too, rightly."""
    out = []

    def cited(it):
        if it[3][1] != "d":
            return False
        pre = re.compile(r"%d[-.]\d" % it[4])
        return any(pre.match(t) for t in texts)

    for run, after in runs[:MAX_RUNS]:
        if any(cited(it) for it in run):
            continue
        first, mid, last = run[0], run[1], run[-1]
        later = [it for it in items if it[0] == last[0] and
                 it[3] == last[3] and it[1] > last[1]]
        # gap: the last item skips a value (unless a later item of its
        # form then repeats it)
        if not any(it[4] == last[4] + 1 for it in later):
            t = replace_marker(last[2], last[5], value=last[4] + 1)
            if t:
                out.append(("gap", (last[1], 401), [(last[2], t)]))
        # duplicate: the second item repeats the first
        t = replace_marker(mid[2], mid[5], value=first[4])
        if t:
            out.append(("duplicate", (mid[1], 401), [(mid[2], t)]))
        # swap: the second and third change places (a fourth follows)
        if len(run) >= 4:
            a, b = run[1], run[2]
            ta = replace_marker(a[2], a[5], value=b[4])
            tb = replace_marker(b[2], b[5], value=a[4])
            if ta and tb:
                out.append(("swap", (a[1], 401), [(a[2], ta), (b[2], tb)]))
        # style: the last item in the other punctuation
        close = last[5].group(4)
        if close in (".", ")") and not last[5].group(2):
            t = replace_marker(last[2], last[5],
                               close=")" if close == "." else ".")
            if t:
                out.append(("style", (last[1], 403), [(last[2], t)]))
    return out


def main():
    a = airtest.args()
    if not airtest.have_corpus(a.corpus):
        print("corpus absent: skipped")
        return airtest.SKIP
    split_of = {}
    with open(os.path.join(a.source, "tests", "labels", "numbering.tsv"),
              encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(cols) < 4 or cols[0] == "file":
                continue
            split_of[cols[0]] = cols[1]
    only = set(a.only.split(",")) if a.only else None
    tmp = tempfile.mkdtemp(prefix="airead-mut-")
    score = {s: collections.Counter() for s in ("dev", "held")}
    kinds = collections.Counter()
    notes = []

    def one(ident):
        src = os.path.join(a.corpus, "files", "hwpx", ident + ".hwpx")
        if not os.path.exists(src):
            return ident, []
        base = findings(a.airead, src)
        if base is None:
            return ident, []
        dump, before = base
        results = []
        items = items_of(dump)
        extra_plans = []
        for run in path_runs(dump)[:MAX_RUNS]:
            seq, text, a_, b_, m, _ = run[-1]
            t = text[:m.start(2)] + str(a_ + 1) + text[m.end(2):]
            extra_plans.append(("parent", (seq, 402), [(text, t)]))
        texts = [n.get("text", "").lstrip()
                 for n in airtest.walk(dump.get("body", ()))
                 if n.get("kind") == "para"]
        for i, (kind, want, edits) in enumerate(
                plans(runs_of(items), items, texts) + extra_plans):
            dst = os.path.join(tmp, "%s-%d.hwpx" % (ident, i))
            if not mutate(src, dst, edits):
                continue
            res = findings(a.airead, dst)
            os.unlink(dst)
            if res is None:
                continue
            new = res[1] - before
            results.append((kind, want, new))
        return ident, results

    try:
        ids = [i for i in sorted(split_of) if not only or i in only]
        for ident, results in airtest.pmap(one, ids):
            split = split_of[ident]
            for kind, want, new in results:
                kinds[(split, kind)] += 1
                hit = new.get(want, 0) > 0
                extra = sum(new.values()) - (1 if hit else 0)
                score[split]["planted"] += 1
                score[split]["found"] += hit
                score[split]["extra"] += extra
                if not hit or extra:
                    notes.append("%s %s %s seq %s: new %s" % (
                        split, ident, kind, want[0], dict(new)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    problems = []
    for split in ("dev", "held"):
        c = score[split]
        if not c["planted"]:
            print("%s: no mutants" % split)
            continue
        rec = c["found"] / c["planted"]
        prec = c["found"] / (c["found"] + c["extra"]) if c["found"] + \
            c["extra"] else 0.0
        print("%s: %d mutants (%s): found %d, other new findings %d; "
              "precision %.3f recall %.3f"
              % (split, c["planted"], ", ".join(
                  "%s %d" % (k, kinds[(split, k)])
                  for k in ("gap", "duplicate", "swap", "style",
                            "parent")),
                 c["found"], c["extra"], prec, rec))
        if prec < MIN_PRECISION:
            problems.append("%s precision %.3f" % (split, prec))
        if rec < MIN_RECALL:
            problems.append("%s recall %.3f" % (split, rec))
    return airtest.report_and_exit_status(problems, notes, a.verbose)


if __name__ == "__main__":
    sys.exit(main())
