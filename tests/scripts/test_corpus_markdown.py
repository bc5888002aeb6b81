"""Markdown fidelity on ../shared/corpus (skipped when absent).

For every HWPX and DOCX file the corpus extractor read (expected ok) and
airead reads too, `airead convert --keep-symbols` is parsed back with
cmark-gfm (so every escape is undone as a Markdown reader undoes it) and
compared with the expected `text_inline` (main story, text boxes at their
anchor):

- chars kept in order: the non-whitespace characters of text_inline found
  in order in the Markdown's text (segment after segment, a segment being
  a line or a cell field; a segment found whole moves the position on);
- chars kept by segment: the same per cell / line (a nested table is
  written after its parent table, DESIGN.md section 7, so its text comes
  later than the extractor's flattened cell);
  Control characters (C0, DEL, C1) are not compared: the model turns
  them into spaces;
- tables: <table> elements in the parsed Markdown = tables of the document
  outside headers, footers and comments.

Every file must keep 100% by segment, 100% in order unless it has nested
tables, and round-trip its tables, except the files listed with a reason
in tests/scripts/markdown-exclusions.tsv (which excuses the order of cell
text only: every character must still be in the Markdown, and every word
in order or, when a nested table moved it, somewhere). Where pandoc is installed, the
DOCX files are also converted with `pandoc -t gfm` and measured the same
way: airead must keep at least the characters pandoc keeps. -v prints
every shortfall.
"""
import bisect
import collections
import html
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata

import airtest

TEXT_STORIES = ("main", "textbox", "caption", "footnote", "endnote")
CMARK = ["cmark-gfm", "--unsafe", "-e", "table", "-e", "footnotes",
         "-e", "strikethrough", "-e", "autolink"]


def md_text(md):
    """The text a Markdown reader gets: cmark-gfm's HTML, tags stripped,
    entities decoded; and its number of tables."""
    p = subprocess.run(CMARK, input=md, capture_output=True, timeout=120)
    out = p.stdout.decode("utf-8", "replace")
    tables = len(re.findall(r"<table[ >]", out))
    text = html.unescape(re.sub(r"<[^>]*>", " ", out))
    return text, tables


def solid(s):
    """The characters compared: not whitespace, and not control
    characters (C0, DEL, C1), which the model turns into spaces (model.h:
    they are not text)."""
    return [c for c in s if not c.isspace() and
            unicodedata.category(c) != "Cc"]


class Index:
    def __init__(self, chars):
        self.pos = collections.defaultdict(list)
        for i, c in enumerate(chars):
            self.pos[c].append(i)

    def match(self, seg, start):
        """Greedy subsequence match of seg after position start: (number
        matched, position of the last match)."""
        pos, n = start, 0
        for c in seg:
            lst = self.pos.get(c)
            if not lst:
                continue
            i = bisect.bisect_right(lst, pos)
            if i < len(lst):
                pos = lst[i]
                n += 1
        return n, pos


def measure(expected_text, got_text):
    """(characters, kept in order, kept by segment, kept in any order)."""
    exp = solid(expected_text)
    got = solid(got_text)
    have = collections.Counter(got)
    anywhere = sum(min(n, have[c])
                   for c, n in collections.Counter(exp).items())
    idx = Index(got)
    # Segments (cells, lines) are matched in turn; only a segment found
    # whole moves the position on, so one missing piece (pandoc puts the
    # title in its metadata) does not make everything after it "missing".
    in_order, by_seg, pos = 0, 0, -1
    for seg in re.split(r"[\t\n]", expected_text):
        seg = solid(seg)
        if not seg:
            continue
        n, end = idx.match(seg, pos)
        in_order += n
        if n == len(seg):
            pos = end
        else:
            n = max(n, idx.match(seg, -1)[0])
        by_seg += n
    return len(exp), in_order, by_seg, anywhere


def by_words(expected_text, got_text):
    """Characters of text_inline kept word by word: each word found in
    order, or else anywhere (the check for files whose nested tables move
    text out of its cell)."""
    idx = Index(solid(got_text))
    kept, pos = 0, -1
    for word in expected_text.split():
        w = solid(word)
        n, end = idx.match(w, pos)
        if n == len(w):
            pos = end
        else:
            n = max(n, idx.match(w, -1)[0])
        kept += n
    return kept


def load_exclusions(source):
    path = os.path.join(source, "tests", "scripts", "markdown-exclusions.tsv")
    out = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip() and not line.startswith("#"):
                    ident, reason = line.rstrip("\n").split("\t", 1)
                    out[ident] = reason
    return out


def check(item, a):
    ident, fmt, path, exp = item
    if exp is None or not exp.get("ok"):
        return None
    rc, md, err = airtest.run([a.airead, "convert", "--keep-symbols", path],
                              timeout=120)
    if rc != 0:
        return {"id": ident, "fmt": fmt, "unread": err.decode().strip()}
    got, tables = md_text(md)
    total, in_order, by_seg, anywhere = measure(exp.get("text_inline", ""),
                                                got)
    want_tables = sum(1 for t in exp.get("tables", ())
                      if t.get("story") in TEXT_STORIES)
    r = {"id": ident, "fmt": fmt, "total": total, "in_order": in_order,
         "anywhere": anywhere,
         "by_words": by_words(exp.get("text_inline", ""), got),
         "by_seg": by_seg, "tables": tables, "want_tables": want_tables,
         "nested": exp.get("counts", {}).get("nested_tables_main", 0)}
    if fmt == "docx" and a.pandoc:
        rc, pmd, _ = airtest.run(["pandoc", "-f", "docx", "-t", "gfm",
                                  path], timeout=300)
        if rc == 0:
            ptext, _ = md_text(pmd)
            _, p_in_order, p_by_seg, _ = measure(
                exp.get("text_inline", ""), ptext)
            r["pandoc_in_order"], r["pandoc_by_seg"] = p_in_order, p_by_seg
    return r


def pct(n, d):
    return 100.0 * n / d if d else 100.0


def main():
    a = airtest.args()
    if not airtest.have_corpus(a.corpus):
        print("corpus absent: skipped")
        return airtest.SKIP
    if shutil.which("cmark-gfm") is None:
        print("cmark-gfm absent: skipped")
        return airtest.SKIP
    a.pandoc = shutil.which("pandoc") is not None
    items = airtest.corpus_files(a.corpus, ("hwpx", "docx"))
    if a.only:
        keep = set(a.only.split(","))
        items = [i for i in items if i[0] in keep]
    results = [r for r in airtest.pmap(lambda i: check(i, a), items) if r]
    excl = load_exclusions(a.source)
    problems = []
    sums = collections.Counter()
    unread = [r for r in results if "unread" in r]
    for r in results:
        if "unread" in r:
            continue
        f = r["fmt"]
        for k in ("total", "in_order", "by_seg", "anywhere"):
            sums[f, k] += r[k]
        sums[f, "files"] += 1
        sums[f, "tables_ok"] += r["tables"] == r["want_tables"]
        sums[f, "want_tables"] += r["want_tables"]
        sums[f, "tables"] += min(r["tables"], r["want_tables"])
        why = []
        if r["by_seg"] < r["total"]:
            why.append("kept %d of %d chars by segment"
                       % (r["by_seg"], r["total"]))
        if r["in_order"] < r["total"] and not r["nested"]:
            why.append("kept %d of %d chars in order"
                       % (r["in_order"], r["total"]))
        if r["tables"] != r["want_tables"]:
            why.append("%d tables, the document has %d"
                       % (r["tables"], r["want_tables"]))
        if "pandoc_by_seg" in r:
            for k in ("in_order", "by_seg"):
                sums["pandoc", k] += r["pandoc_" + k]
                sums["pandoc", "a_" + k] += r[k]
            sums["pandoc", "total"] += r["total"]
            sums["pandoc", "files"] += 1
            if r["by_seg"] < r["pandoc_by_seg"]:
                why.append("pandoc keeps %d chars, airead %d"
                           % (r["pandoc_by_seg"], r["by_seg"]))
        # An exclusion excuses the order of cells only: every character
        # must still be in the Markdown, and every word in order or, when a
        # nested table moved it, somewhere.
        if r["anywhere"] < r["total"]:
            why.append("kept %d of %d chars at all"
                       % (r["anywhere"], r["total"]))
        excused = (r["id"] in excl and r["anywhere"] == r["total"] and
                   r["by_words"] == r["total"])
        if why and not excused:
            problems.append("%s (%s): %s" % (r["id"], f, "; ".join(why)))
    for f in ("hwpx", "docx"):
        if sums[f, "files"]:
            print("%s: %d files; chars kept %.3f%% at all, %.3f%% by "
                  "segment, %.3f%% in order (%d chars); tables round-tripped "
                  "in %d files (%d of %d tables)"
                  % (f, sums[f, "files"],
                     pct(sums[f, "anywhere"], sums[f, "total"]),
                     pct(sums[f, "by_seg"], sums[f, "total"]),
                     pct(sums[f, "in_order"], sums[f, "total"]),
                     sums[f, "total"], sums[f, "tables_ok"],
                     sums[f, "tables"], sums[f, "want_tables"]))
    if sums["pandoc", "files"]:
        print("docx vs pandoc -t gfm (%d files): airead %.3f%% / pandoc "
              "%.3f%% by segment, airead %.3f%% / pandoc %.3f%% in order"
              % (sums["pandoc", "files"],
                 pct(sums["pandoc", "a_by_seg"], sums["pandoc", "total"]),
                 pct(sums["pandoc", "by_seg"], sums["pandoc", "total"]),
                 pct(sums["pandoc", "a_in_order"], sums["pandoc", "total"]),
                 pct(sums["pandoc", "in_order"], sums["pandoc", "total"])))
    if unread:
        print("%d files airead does not read (see the reader agreement "
              "test)" % len(unread))
    for p in problems if a.verbose else problems[:40]:
        print("FAIL: " + p)
    print("%d problems" % len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
