"""A sample of documents through check, dump and convert under valgrind
(memcheck): no error, no definite or indirect leak. The sample: two
documents of samples/ in both formats (an image, merged and nested
tables), and from ../shared/corpus the first, middle and last
file of each format in id order and the first few whose MANIFEST notes
say they are damaged or encrypted (when the corpus is present).

Skipped (77) without valgrind and in the sanitizer build (the two do not
mix; that build has test_corpus_sanitized).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import airtest

VALGRIND_EXIT = 99


def sample(a):
    items = []
    sdir = os.path.join(a.source, "samples")
    for f in ("report-clean", "p1-merged-nested"):
        for ext in (".docx", ".hwpx"):
            items.append(("samples/" + f + ext, os.path.join(sdir, f + ext)))
    if airtest.have_corpus(a.corpus):
        by_fmt = {}
        for ident, fmt, path, _ in airtest.corpus_files(a.corpus):
            by_fmt.setdefault(fmt, []).append((ident, path))
        for fmt, files in sorted(by_fmt.items()):
            picks = {0, len(files) // 2, len(files) - 1}
            items += [(fmt + "/" + files[i][0], files[i][1])
                      for i in sorted(picks)]
        paths = {ident: (fmt, path) for fmt, files in by_fmt.items()
                 for ident, path in files}
        odd = []
        with open(os.path.join(a.corpus, "MANIFEST.tsv"),
                  encoding="utf-8") as f:
            for row in f:
                col = row.rstrip("\n").split("\t")
                if len(col) > 8 and re.search(
                        r"encrypt|truncat|broken|damag|corrupt|drm",
                        col[8], re.I) and col[0][:12] in paths:
                    odd.append(col[0][:12])
        for ident in sorted(set(odd))[:4]:
            fmt, path = paths[ident]
            items.append((fmt + "/" + ident, path))
    return items


def memcheck(source, cmd, out_dir):
    supp = os.path.join(source, "tests", "fuzz", "valgrind.supp")
    vg = ["valgrind", "-q", "--error-exitcode=%d" % VALGRIND_EXIT,
          "--leak-check=full", "--show-leak-kinds=definite,indirect",
          "--errors-for-leak-kinds=definite,indirect",
          "--suppressions=" + supp, "--log-file=" +
          os.path.join(out_dir, "vg.%p.log")]
    try:
        p = subprocess.run(vg + cmd, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                           timeout=600)
        rc = p.returncode
    except subprocess.TimeoutExpired:
        rc = "timeout"
    logs = ""
    for f in sorted(os.listdir(out_dir)):
        if f.startswith("vg."):
            with open(os.path.join(out_dir, f), errors="replace") as fh:
                logs += fh.read()
            os.unlink(os.path.join(out_dir, f))
    return rc, logs


def main():
    a = airtest.args()
    if shutil.which("valgrind") is None:
        print("valgrind absent: skipped")
        return airtest.SKIP
    with open(a.airead, "rb") as f:
        if b"__asan_init" in f.read():
            print("sanitizer build: skipped")
            return airtest.SKIP
    items = sample(a)
    start = time.time()
    runs = [0]

    def one(item):
        name, path = item
        problems = []
        with tempfile.TemporaryDirectory() as tmp:
            for what, cmd, ok in (
                    ("check", [a.airead, "check", "--no-config", "--jobs",
                               "1", "--timeout", "0", path], (0, 1, 3)),
                    ("dump", [a.airead, "dump", path, "-o",
                              os.path.join(tmp, "d.json")], (0, 3)),
                    ("convert", [a.airead, "convert", path, "-o",
                                 os.path.join(tmp, "c.md"), "--media",
                                 os.path.join(tmp, "media")], (0, 3))):
                rc, logs = memcheck(a.source, cmd, tmp)
                runs[0] += 1
                if rc == VALGRIND_EXIT or logs.strip():
                    first = [x for x in logs.splitlines() if x.strip()][:6]
                    problems.append("%s: %s: memcheck: %s"
                                    % (name, what, " | ".join(first)))
                elif rc not in ok:
                    problems.append("%s: %s: exit status %s"
                                    % (name, what, rc))
        return problems

    problems = [p for ps in airtest.pmap(one, items, workers=2) for p in ps]
    for p in problems:
        print(p)
    print("%d files, %d runs under memcheck in %.0f s, %d problems"
          % (len(items), runs[0], time.time() - start, len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
