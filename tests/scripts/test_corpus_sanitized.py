"""Every file of ../shared/corpus through check, dump and convert (with
images extracted) under AddressSanitizer, LeakSanitizer and
UndefinedBehaviorSanitizer: no sanitizer report, exit status 0, 1 or 3,
no signal, none over 10 s of CPU.

Runs only in the sanitizer build (skipped, 77, elsewhere and when the
corpus is absent): the ordinary build's robustness is test_corpus_robust's.
A leak report is looked at again with the slow unwinder, which the
suppressions for libgsf's own leaks on damaged OLE files need (the fast
one cannot walk libglib's frames); it fails only if it stays.
"""
import os
import re
import shutil
import sys
import tempfile
import threading
import time

import airtest

CPU_LIMIT = 10.0
REPORT = re.compile(rb"ERROR: (Address|Leak|UndefinedBehavior)Sanitizer|"
                    rb"runtime error:|SUMMARY: \w+Sanitizer")
SANITIZER_EXIT = 99  # neither 0, 1, 3 nor 4: a sanitizer's



def environment(source, slow_unwind):
    env = dict(os.environ)
    supp = os.path.join(source, "tests", "fuzz", "lsan.supp")
    env["ASAN_OPTIONS"] = ("detect_leaks=1:exitcode=%d:fast_unwind_on_malloc="
                           "%d" % (SANITIZER_EXIT, 0 if slow_unwind else 1))
    env["LSAN_OPTIONS"] = "suppressions=%s:exitcode=%d" % (supp,
                                                           SANITIZER_EXIT)
    env["UBSAN_OPTIONS"] = ("print_stacktrace=1:halt_on_error=1:exitcode=%d"
                            % SANITIZER_EXIT)
    return env


class Sweep:
    def __init__(self, airead, source, tmp):
        self.airead, self.tmp = airead, tmp
        self.env = environment(source, False)
        self.slow_env = environment(source, True)
        self.lock = threading.Lock()
        self.runs = 0
        self.status = {}
        self.slowest = (0.0, "")

    def one(self, ident, what, cmd, ok):
        rc, _, err, cpu, _ = airtest.measured_run(cmd, 120, env=self.env)
        if rc == SANITIZER_EXIT and b"LeakSanitizer" in err and \
                not re.search(rb"AddressSanitizer|runtime error", err):
            rc, _, err, _, _ = airtest.measured_run(cmd, 300, env=self.slow_env)
        with self.lock:
            self.runs += 1
            self.status[(what, rc)] = self.status.get((what, rc), 0) + 1
            if cpu > self.slowest[0]:
                self.slowest = (cpu, "%s %s" % (what, ident))
        m = REPORT.search(err)
        if m:
            line = err[m.start():].split(b"\n", 1)[0].decode(errors="replace")
            return "%s: %s: %s" % (ident, what, line)
        if rc not in ok:
            return "%s: %s: exit status %s (%s)" % (
                ident, what, rc, err.decode(errors="replace").strip()[:200])
        if cpu > CPU_LIMIT:
            return "%s: %s: %.1f s of CPU" % (ident, what, cpu)
        return None

    def file(self, item):
        ident, fmt, path, _ = item
        out = os.path.join(self.tmp, ident)
        os.mkdir(out)
        a = self.airead
        problems = [
            self.one(ident, "check", [a, "check", "--no-config", "--jobs", "1",
                                      "--timeout", "0", "--format", "jsonl",
                                      path], (0, 1, 3)),
            self.one(ident, "dump", [a, "dump", path], (0, 3)),
            self.one(ident, "convert", [a, "convert", path, "-o",
                                        os.path.join(out, "x.md"), "--media",
                                        os.path.join(out, "media")], (0, 3)),
        ]
        shutil.rmtree(out)
        return [p for p in problems if p]


def main():
    a = airtest.args()
    with open(a.airead, "rb") as f:
        if b"__asan_init" not in f.read():
            print("not the sanitizer build: skipped")
            return airtest.SKIP
    if not airtest.have_corpus(a.corpus):
        print("corpus absent: skipped")
        return airtest.SKIP
    items = airtest.corpus_files(a.corpus)
    if a.only:
        items = [i for i in items if i[0] in a.only.split(",")]
    start = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        s = Sweep(a.airead, a.source, tmp)
        problems = [p for ps in airtest.pmap(s.file, items) for p in ps]
    for p in problems:
        print(p)
    print("%d files, %d runs in %.0f s; slowest %.1f s CPU (%s); statuses %s"
          % (len(items), s.runs, time.time() - start, s.slowest[0],
             s.slowest[1], ", ".join("%s %s: %d" % (w, rc, n) for (w, rc), n
                                     in sorted(s.status.items(),
                                               key=lambda x: str(x[0])))))
    print("%d problems" % len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
