"""Hostile inputs (written at test time by adversarial.py): each is either
refused -- exit status 3 and exactly one line on stderr naming the file and
the reason -- or read as the document it is, and never crashes, hangs or
runs away with memory. Every case goes through

    airead check --format jsonl GOOD.docx CASE GOOD.hwpx   (the batch goes
                     on: both good files are reported; the one line is the
                     report's entry for CASE, stderr stays quiet)
    airead dump CASE
    airead convert CASE -o OUT/CASE.md   (refused: OUT stays empty)

External entities name a FIFO (opening it would block: a hang) and a URL
on a local port nobody may connect to; with strace available, the system
calls show that neither the file nor any socket was touched.
"""
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile

import adversarial as A
import airtest

REFUSED, READ = 3, "read"


def cases(tmp, source, url):
    canary = os.path.join(tmp, "canary")
    sample = os.path.join(source, "samples", "report-clean.docx")
    d, h = ".docx", ".hwpx"
    return [
        # ZIP
        ("zip-bomb-ratio", d, A.zip_bomb_ratio, REFUSED, r"ratio limit"),
        ("zip-bomb-declared-size", d, lambda p: A.zip_bomb_declared(p, 300 << 20),
         REFUSED, r"declares 314572800 bytes, over the limit"),
        ("zip-bomb-zip64-marker", d, A.zip_bomb_declared, REFUSED,
         r"damaged ZIP archive"),
        ("zip-bomb-lying-size", d, A.zip_bomb_lying, REFUSED, r"document\.xml"),
        ("zip-bomb-overlapping", d, A.zip_bomb_overlap, REFUSED, r"limit"),
        ("zip-100000-entries", d, A.zip_many_entries, REFUSED,
         r"100004 ZIP entries, over the limit of 10000"),
        ("zip-nested", d, A.zip_nested, REFUSED, r"not a document"),
        # A ZIP inside a document is an embedded object, never opened: the
        # document around it reads normally.
        ("docx-carrying-nested-zip", d, A.docx_with_nested_zip, READ, None),
        ("zip-truncated", d, lambda p: A.zip_truncated(p, sample), REFUSED,
         r"damaged ZIP archive"),
        ("zip-encrypted-entry", d, A.zip_encrypted, REFUSED, r"encrypted"),
        ("zip-duplicate-name", d, A.zip_duplicate, REFUSED,
         r"duplicate entry name 'word/document\.xml'"),
        ("zip-duplicate-name-case", d, A.zip_duplicate_case, REFUSED,
         r"duplicate entry name"),
        ("zip-name-dotdot", d, A.zip_dotdot, REFUSED, r"unsafe entry name"),
        ("zip-name-backslash-dotdot", d, A.zip_backslash_dotdot, REFUSED,
         r"unsafe entry name"),
        ("zip-name-absolute", d, A.zip_absolute, REFUSED, r"unsafe entry name"),
        ("zip-name-drive", d, A.zip_drive, REFUSED, r"unsafe entry name"),
        # XML
        ("xml-billion-laughs", d, A.xml_billion_laughs, REFUSED, r"entit|DOCTYPE"),
        ("xml-external-entity-file", d,
         lambda p: A.xml_entity_file(p, canary), REFUSED, r"DOCTYPE"),
        ("xml-external-entity-url", d, lambda p: A.xml_entity_url(p, url),
         REFUSED, r"DOCTYPE"),
        ("xml-external-dtd", h, lambda p: A.xml_external_dtd(p, url), REFUSED,
         r"header\.xml: XML with a DOCTYPE"),
        ("xml-parameter-entity", h, lambda p: A.xml_parameter_entity(p, url),
         REFUSED, r"DOCTYPE"),
        # XInclude is not processed: the element is unknown markup and is
        # skipped, the file it names is never opened.
        ("xml-xinclude", d, lambda p: A.xml_xinclude(p, canary), READ, None),
        ("xml-100000-deep", d, A.xml_deep, REFUSED, r"nested deeper"),
        ("xml-50mb-text-node", d, A.xml_huge_text, REFUSED, r"text node"),
        ("xml-invalid-utf8-docx", d, A.xml_invalid_utf8, REFUSED, r"UTF-8"),
        ("xml-invalid-utf8-hwpx", h, A.hwpx_invalid_utf8, REFUSED, r"UTF-8"),
        # A million cells is under the node limit (10,000,000): a large
        # but real document, read within the CPU and memory budget.
        ("table-million-cells-docx", d, A.million_cells_docx, READ, None),
        ("table-million-cells-hwpx", h, A.million_cells_hwpx, READ, None),
        # containers and parts
        ("mimetype-opendocument", d, A.wrong_mimetype, REFUSED,
         r"OpenDocument"),
        ("mimetype-garbage", d, A.garbage_mimetype, REFUSED, r"not a document"),
        ("mimetype-hwpx-parts-docx", h, A.hwpx_mimetype_docx_inside, REFUSED,
         r"without sections"),
        ("docx-missing-main-part", d, A.docx_missing_main, REFUSED,
         r"without a main document part"),
        ("hwpx-missing-sections", h, A.hwpx_missing_sections, REFUSED,
         r"without sections"),
        ("empty-file", d, A.empty_file, REFUSED, r"empty file"),
        ("random-bytes", d, A.random_bytes, REFUSED, r"not a document"),
        # Tables, numbering, styles: these are documents with nonsense in
        # them, not unreadable ones. A reader clamps a span to 1..the
        # room left, places a cell at an impossible address after the
        # others, ignores a reference that loops or names nothing; the
        # text is all there, so the document is read (0 or 1).
        ("hwpx-spans-and-addresses", h, A.hwpx_spans, READ, None),
        ("docx-spans-clamped", d, A.docx_spans_clamped, READ, None),
        # ... except a span of 2^31 columns: the grid it asks for is past
        # the 16384-column limit, which is said (3) rather than guessed.
        ("docx-spans-and-vmerge", d, A.docx_spans, REFUSED,
         r"wider than 16384 grid columns"),
        ("docx-numbering-self-reference", d, A.docx_numbering_self, READ, None),
        ("docx-style-basedon-loops", d, A.docx_style_loops, READ, None),
        ("hwpx-ids-self-reference", h, A.hwpx_refs_self, READ, None),
    ]



def strace_works():
    if shutil.which("strace") is None:
        return False
    try:
        return subprocess.run(["strace", "-f", "-o", os.devnull, "true"],
                              capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


class Checker:
    def __init__(self, airead, tmp, good, sanitized):
        self.airead, self.tmp, self.good = airead, tmp, good
        # CPU seconds and memory of one command; the sanitizers (ASan
        # shadow memory, every arena allocation its own malloc) cost more.
        self.cpu = 60 if sanitized else 20
        self.rss = (8 << 20) if sanitized else (2 << 20)
        self.problems = []

    def run(self, name, cmd, keep_stdout=True):
        # Wall time is only a backstop (the machine may be busy): the
        # budget is CPU time.
        rc, out, err, cpu, rss = airtest.measured_run(cmd, self.cpu * 10,
                                                      keep_stdout)
        lines = err.decode(errors="replace").strip().splitlines()
        if cpu > self.cpu:
            self.fail(name, "%s took %.1f s of CPU" % (cmd[1], cpu))
        if rss > self.rss:
            self.fail(name, "%s used %d MiB" % (cmd[1], rss >> 10))
        return rc, out, lines, cpu

    def fail(self, name, msg):
        self.problems.append("%s: %s" % (name, msg))

    def answer(self, name, what, rc, lines, path, expect, pattern):
        base = os.path.basename(path)
        if expect == REFUSED:
            if rc != 3:
                self.fail(name, "%s: exit status %s, expected 3 (%s)"
                          % (what, rc, " / ".join(lines)))
            elif len(lines) != 1:
                self.fail(name, "%s: %d lines on stderr, expected one: %r"
                          % (what, len(lines), lines))
            elif base not in lines[0] or not re.search(pattern, lines[0]):
                self.fail(name, "%s: stderr %r lacks the file name or /%s/"
                          % (what, lines[0], pattern))
        else:
            if rc not in (0, 1):
                self.fail(name, "%s: exit status %s, expected 0 or 1 (%s)"
                          % (what, rc, " / ".join(lines)))
            elif lines:
                self.fail(name, "%s: stderr %r" % (what, lines))

    def check_case(self, name, path, expect, pattern):
        gd, gh = self.good
        cpu = 0.0
        # check: the batch (worker processes) goes on around the bad file;
        # the one clear line is the file's entry in the report, and
        # nothing is said on stderr besides
        # (no wall-clock --timeout: the budget here is CPU time, which a
        # busy machine does not eat)
        rc, out, lines, t = self.run(name, [self.airead, "check", "--no-config",
                                            "--timeout", "0", "--format",
                                            "jsonl", gd, path, gh])
        cpu += t
        try:
            res = [json.loads(x) for x in out.decode().splitlines()]
        except ValueError:
            res = []
        res = [r for r in res if "path" in r]  # not the summary line
        mine = [r for r in res if r.get("path") == path]
        error = mine[0].get("error", "") if mine else ""
        if expect == REFUSED:
            self.answer(name, "check", rc, lines + [error], path, expect,
                        pattern)
        elif rc not in (0, 1) or lines:
            self.answer(name, "check", rc, lines, path, expect, pattern)
        want = ["ok", "unreadable" if expect == REFUSED else "ok", "ok"]
        if [r.get("status") for r in res] != want or \
                [r.get("path") for r in res] != [gd, path, gh]:
            self.fail(name, "check: report %r, expected statuses %s"
                      % ([(r.get("path"), r.get("status")) for r in res],
                         want))
        # dump (not of a million cells: about 1 KB of JSON per cell, a
        # gigabyte that shows nothing check's reading did not)
        if "million" not in name:
            rc, _, lines, t = self.run(name, [self.airead, "dump", path],
                                       keep_stdout=False)
            cpu += t
            self.answer(name, "dump", rc, lines, path, expect, pattern)
        # convert: nothing left behind when refused
        out_dir = os.path.join(self.tmp, "out-" + name)
        os.mkdir(out_dir)
        md = os.path.join(out_dir, name + ".md")
        rc, _, lines, t = self.run(name, [self.airead, "convert", path,
                                          "-o", md])
        cpu += t
        self.answer(name, "convert", rc, lines, path, expect, pattern)
        left = sorted(os.listdir(out_dir))
        if left != ([] if expect == REFUSED else [name + ".md"]):
            self.fail(name, "convert left %s" % left)
        shutil.rmtree(out_dir)
        return cpu


def traced(airead, path, canary, log):
    """Runs `airead dump path` under strace; returns the problems seen."""
    subprocess.run(["strace", "-f", "-qq", "-o", log, "-e",
                    "trace=socket,connect,open,openat,openat2", airead, "dump",
                    path], capture_output=True, timeout=120)
    seen = []
    with open(log, errors="replace") as f:
        for line in f:
            if re.search(r"\bsocket\(AF_INET6?|\bconnect\(", line):
                seen.append("network: " + line.strip())
            if canary in line:
                seen.append("canary: " + line.strip())
    return seen


def main():
    a = airtest.args()
    with open(a.airead, "rb") as f:
        sanitized = b"__asan_init" in f.read()
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        # The file an external entity names: a FIFO nobody writes to, so
        # that opening it for reading would hang (and fail the test).
        canary = os.path.join(tmp, "canary")
        os.mkfifo(canary)
        # The URL one names: a port that listens, and must never accept.
        srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        srv.bind(("127.0.0.1", 0))
        srv.listen(8)
        srv.setblocking(False)
        url = "http://127.0.0.1:%d/entity.xml" % srv.getsockname()[1]

        good = []
        for ext in ("docx", "hwpx"):
            g = os.path.join(tmp, "good." + ext)
            shutil.copy(os.path.join(a.source, "samples",
                                     "report-clean." + ext), g)
            good.append(g)
        chk = Checker(a.airead, tmp, good, sanitized)
        only = set(a.only.split(",")) if a.only else None
        for name, ext, build, expect, pattern in cases(tmp, a.source, url):
            if only and name not in only:
                continue
            path = os.path.join(tmp, name + ext)
            build(path)
            before = len(chk.problems)
            cpu = chk.check_case(name, path, expect, pattern)
            print("%-32s %-7s %6.1f s  %s" % (
                name, "refused" if expect == REFUSED else "read", cpu,
                "ok" if len(chk.problems) == before else "FAIL"))
            if name.startswith("xml-") and strace_works():
                for s in traced(a.airead, path, canary,
                                os.path.join(tmp, "strace.log")):
                    chk.fail(name, s)
            os.unlink(path)
        try:
            conn, _ = srv.accept()
            conn.close()
            chk.fail("xml-external-entity-url", "something connected to %s"
                     % url)
        except BlockingIOError:
            pass
        srv.close()

        # --limit: a limit lowered refuses a good file, naming the limit;
        # a bad name or value is a usage error.
        for cmd in ("dump", "convert"):
            rc, _, lines, _ = chk.run("limit", [a.airead, cmd, "--limit",
                                                "entries=3", good[0]])
            chk.answer("limit", cmd + " --limit entries=3", rc, lines,
                       good[0], REFUSED, r"over the limit of 3")
        rc, out, lines, _ = chk.run("limit", [a.airead, "check", "--format",
                                              "jsonl", "--limit",
                                              "part-size=1K", good[1]])
        if rc != 3 or b"over the limit" not in out:
            chk.fail("limit", "check --limit part-size=1K: exit status %s"
                     % rc)
        for bad in ("entries=0", "part-size=1T", "size=1", "ratio"):
            rc, _, lines, _ = chk.run("limit", [a.airead, "check", "--limit",
                                                bad, good[0]])
            if rc != 2:
                chk.fail("limit", "--limit %s: exit status %s" % (bad, rc))
        failures = chk.problems
    for f in failures:
        print("FAIL: " + f)
    print("%d problems" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
