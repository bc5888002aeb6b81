"""Every file of ../shared/corpus (HWPX, HWP, DOCX, broken ones included)
through `airead dump`: exit status 0 or 3 only, no signal, no hang (10 s),
and an unreadable file gives exactly one line on stderr naming the reason.
Skipped (77) when the corpus is absent."""
import sys

import airtest


def check(item, airead):
    ident, fmt, path, _ = item
    rc, out, err = airtest.run([airead, "dump", path], timeout=10)
    if rc == 0:
        return None
    if rc != 3:
        return "%s (%s): exit status %s" % (ident, fmt, rc)
    lines = err.decode(errors="replace").strip().splitlines()
    if len(lines) != 1:
        return "%s (%s): %d lines on stderr" % (ident, fmt, len(lines))
    return None


def main():
    a = airtest.args()
    if not airtest.have_corpus(a.corpus):
        print("corpus absent: skipped")
        return airtest.SKIP
    items = airtest.corpus_files(a.corpus)
    problems = [p for p in airtest.pmap(lambda i: check(i, a.airead), items)
                if p]
    for p in problems:
        print(p)
    print("%d files, %d problems" % (len(items), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
