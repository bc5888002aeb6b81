"""`airead check` over many files: the same bytes whatever -j; a file over
the time limit, over the memory limit, or whose worker dies is reported
with its reason while the run goes on; the run's time budget; progress
only on a terminal (and not with --quiet); the summary in text, json,
jsonl and csv, --summary-only, --no-summary and --worst."""
import csv
import io
import json
import os
import pty
import select
import shutil
import signal
import subprocess
import time

import airtest
import batchkit
from batchkit import expect, jsonl, make_docx, run, sanitized


def check(airead, *args, **kw):
    return run([airead, "check", "--no-config"] + list(args), **kw)


def children(pid):
    """The pids whose parent is 'pid' (Linux /proc)."""
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open("/proc/%s/stat" % d) as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                if int(fields[1]) == pid:
                    out.append(int(d))
            except (OSError, IndexError, ValueError):
                pass
    return out


def on_terminal(cmd):
    """What cmd writes on stderr when stderr is a terminal (a pty)."""
    master, slave = pty.openpty()
    try:
        p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=slave,
                             env=dict(os.environ, LANG="C"))
    finally:
        os.close(slave)
    got = b""
    try:
        while True:
            r, _, _ = select.select([master], [], [], 60)
            if not r:
                p.kill()
                break
            try:
                data = os.read(master, 4096)
            except OSError:     # EIO: every writer has closed it
                break
            if not data:
                break
            got += data
    finally:
        os.close(master)
        p.wait(timeout=60)
    return got


def run_all(a, tmp, samples):
    airead = a.airead
    share = os.path.join(tmp, "share")
    shutil.copytree(samples, share)
    clean = make_docx(os.path.join(tmp, "clean.docx"), ["깨끗한 문장입니다."])
    warn = make_docx(os.path.join(tmp, "warn.docx"), ["화살표 → 하나."])
    slow = sanitized(airead)
    # 100,000 paragraphs with a finding each: seconds of work and a few
    # hundred MB of memory (under sanitizers, fewer do as much)
    big = make_docx(os.path.join(tmp, "big.docx"),
                    ["가나다라 문장입니다 → 화살표."],
                    repeat=30000 if slow else 100000)
    fifo = os.path.join(tmp, "never-written")
    os.mkfifo(fifo)

    # ---- the same bytes whatever -j, in every format
    inputs = [share, clean, warn]
    for fmt in ("text", "json", "jsonl", "csv", "sarif"):
        outs = set()
        for j in ("1", "3"):
            rc, out, _ = check(airead, "-j", j, "-f", fmt, *inputs)
            outs.add((rc, out))
        expect(len(outs) == 1, "%s: -j1 and -j3 differ" % fmt)
    if airtest.have_corpus(a.corpus):
        # the whole corpus; under sanitizers, one part in eight
        part, least = (["--shard", "1/8"], 50) if slow else ([], 900)
        files = os.path.join(a.corpus, "files")
        _, o1, _ = check(airead, "-q", "-j", "1", "-f", "jsonl", files,
                         *part, timeout=900)
        _, o4, _ = check(airead, "-q", "-j", "4", "-f", "jsonl", files,
                         *part, timeout=900)
        expect(o1 == o4 and o1.count(b"\n") > least,
               "corpus: -j1 and -j4 differ")

    # ---- a file that never ends (a FIFO nobody writes): the time limit
    t0 = time.time()
    rc, out, _ = check(airead, "-f", "jsonl", "--timeout", "0.5", clean,
                       fifo, warn, timeout=60)
    files, summary = jsonl(out)
    expect([f["status"] for f in files] == ["ok", "unreadable", "ok"] and
           files[1]["reason"] == "timeout" and
           files[1]["error"] == fifo + ": over the time limit of 0.5 s",
           "timeout: %s" % files)
    expect(rc == 3 and time.time() - t0 < 20, "timeout: exit %s" % rc)
    expect(summary["unreadable_by_reason"] == {"timeout": 1},
           "timeout: summary %s" % summary["unreadable_by_reason"])
    # a runaway document (CPU bound), then the batch goes on
    rc, out, _ = check(airead, "-f", "jsonl", "-j", "1", "--timeout", "0.3",
                       big, clean, timeout=60)
    files, _ = jsonl(out)
    expect(files[0]["reason"] == "timeout" and files[1]["status"] == "ok",
           "runaway document: %s" % [f["status"] for f in files])

    # ---- the memory cap (an address-space limit: not under ASan)
    if slow:
        print("note: AddressSanitizer build, --max-memory not enforced")
    else:
        rc, out, _ = check(airead, "-f", "jsonl", "-j", "1", "--max-memory",
                           "100M", "--timeout", "0", clean, big, warn,
                           timeout=120)
        files, _ = jsonl(out)
        expect([f["status"] for f in files] == ["ok", "unreadable", "ok"]
               and files[1]["reason"] == "over-limit" and
               files[1]["error"] == big + ": over the memory limit of "
               "100 MiB" and rc == 3,
               "memory: exit %s %s" % (rc, files))

    # ---- a worker that dies: its file is reported, the run goes on
    p = subprocess.Popen([airead, "check", "--no-config", "-f", "jsonl",
                          "-j", "1", "--timeout", "0", big, clean],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    killed = False
    for _ in range(100):
        time.sleep(0.05)
        kids = children(p.pid)
        if kids:
            time.sleep(0.2)
            os.kill(kids[0], signal.SIGKILL)
            killed = True
            break
    out, _ = p.communicate(timeout=120)
    files, _ = jsonl(out)
    expect(killed and p.returncode == 4 and
           files[0]["reason"] == "internal-error" and
           "signal 9" in files[0]["error"] and files[1]["status"] == "ok",
           "killed worker: exit %s %s" % (p.returncode, files))

    # ---- the time budget of the whole run (a hook's)
    for j, last in (("2", "ok"), ("1", "unreadable")):
        t0 = time.time()
        rc, out, _ = check(airead, "-f", "jsonl", "-j", j, "--timeout", "0",
                           "--time-budget", "1", clean, fifo, warn,
                           timeout=60)
        files, _ = jsonl(out)
        took = time.time() - t0
        expect([f["status"] for f in files] == ["ok", "unreadable", last]
               and files[1]["error"] == fifo + ": over the time budget of "
               "1 s" and rc == 3 and took < 10,
               "-j%s --time-budget: %s in %.1f s" % (j, files, took))

    # ---- with several workers the largest files go first, so that no
    # worker ends the run alone on a big file; output stays in input order.
    # Two FIFOs that never deliver hold both workers: in input order the
    # document after them would never be checked within the budget.
    fifo2 = os.path.join(tmp, "never-written-2")
    os.mkfifo(fifo2)
    rc, out, _ = check(airead, "-f", "jsonl", "-j", "2", "--timeout", "0",
                       "--time-budget", "1", fifo, fifo2, warn, timeout=60)
    files, _ = jsonl(out)
    expect([f["path"] for f in files] == [fifo, fifo2, warn] and
           [f["status"] for f in files] == ["unreadable", "unreadable", "ok"],
           "-j2 largest first: %s" % files)

    # ---- progress: on a terminal only, not with --quiet
    rc, out, err = check(airead, "--timeout", "1.5", "-o",
                         os.path.join(tmp, "r.json"), clean, fifo)
    expect(err == b"", "no terminal: stderr %r" % err)
    for quiet, want in (([], True), (["-q"], False)):
        err = on_terminal([airead, "check", "--no-config", "--lang", "en",
                           "--timeout", "1.5", "-o",
                           os.path.join(tmp, "r.json")] + quiet +
                          [clean, fifo])
        shown = b"files/s" in err
        expect(shown == want, "progress %s: %r" % (quiet, err))
        if want:
            expect(b"1/2 files" in err, "progress: %r" % err)
    # with a cache, the hits are told on a terminal
    cache = os.path.join(tmp, "cache")
    for _ in range(2):
        err = on_terminal([airead, "check", "--no-config", "--lang", "en",
                           "-o", os.path.join(tmp, "r.json"), "--cache",
                           cache, clean, warn])
    expect(b"2 of 2 results from the cache" in err, "cache hits: %r" % err)

    # ---- the summary
    rc, out, _ = check(airead, "--lang", "en", share, clean, warn)
    text = out.decode()
    expect("summary: 3 clean, 11 with findings, 0 unreadable, 2 skipped" in
           text and "by principle: 1 tables" in text and
           "worst files" in text and
           text.rstrip().splitlines()[-1].startswith("14 files checked"),
           "text summary:\n%s" % text[-800:])
    rc, out, _ = check(airead, "-f", "json", "--worst", "2", share, clean,
                       warn)
    doc = json.loads(out)
    s = doc["summary"]
    expect(s["files"] == 14 and s["skipped"] == 2 and len(s["worst"]) == 2
           and s["worst"][0]["weight"] >= s["worst"][1]["weight"] and
           sum(s["by_rule"].values()) == s["findings"],
           "json summary: %s" % s)
    weights = {4: "error", 2: "warning", 1: "info"}
    w0 = s["worst"][0]
    expect(w0["weight"] == sum(k * w0[v] for k, v in weights.items()),
           "worst: weight 4/2/1 per error/warning/info")
    # summary only, in every format that has one
    rc, out, _ = check(airead, "-f", "json", "--summary-only", share)
    d = json.loads(out)
    expect("files" not in d and d["summary"]["files"] == 12,
           "json --summary-only: %s" % list(d))
    rc, out, _ = check(airead, "-f", "jsonl", "--summary-only", share)
    files, summary = jsonl(out)
    expect(not files and summary["files"] == 12, "jsonl --summary-only")
    rc, out, _ = check(airead, "-f", "jsonl", "--no-summary", share)
    files, summary = jsonl(out)
    expect(len(files) == 12 and summary is None, "jsonl --no-summary")
    rc, out, _ = check(airead, "-f", "csv", "--summary-only", share, clean)
    rows = list(csv.reader(io.StringIO(out.decode())))
    table = {(r[0], r[1]): r[2] for r in rows[1:]}
    expect(rows[0] == ["section", "key", "value"] and
           table[("files", "all")] == "13" and
           table[("files", "skipped")] == "2" and
           ("rule", "merged-cells") in table and
           any(k[0] == "worst" for k in table),
           "csv --summary-only: %s" % rows[:6])
    rc, out, _ = check(airead, "--summary-only", "--lang", "en", share)
    expect(b"p1-merged-nested" in out and b"[merged-cells" not in out,
           "text --summary-only lists findings")
    rc, _, _ = check(airead, "-f", "sarif", "--summary-only", share)
    expect(rc == 2, "sarif --summary-only: exit %s" % rc)
    rc, out, _ = check(airead, "-f", "sarif", share)
    props = json.loads(out)["runs"][0]["properties"]
    expect(props["summary"]["files"] == 12, "sarif: summary in properties")


if __name__ == "__main__":
    batchkit.main("run", run_all)
