"""Inputs are never modified, outputs appear whole or not at all, and a
batch stopped by SIGTERM or SIGINT leaves neither temporary files nor
partial outputs.

1. Every input's bytes, size, mode and modification time are the same
   after check (with --cache, -o, --write-baseline), convert (--out-dir,
   --media, -j) and dump -o as before.
2. An output replaces an existing file by rename: a hard link to the old
   file keeps the old bytes (written in place, it would change too).
3. check and convert batches are killed once their first output exists:
   SIGTERM to the airead process alone (its workers must follow), SIGINT
   to its whole process group (as Ctrl-C does). Afterwards no airead
   process of the run is left, no hidden temporary file exists anywhere
   under the output folders, the report and baseline of the unfinished
   check do not exist, every Markdown file and image that does exist is
   byte-identical to a complete run's, and every cache entry is a whole
   report line.
"""
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import adversarial as A
import airtest


def snapshot(root):
    """{relative path: (sha256, size, mode, mtime_ns)} of every file."""
    out = {}
    for d, _, files in os.walk(root):
        for f in files:
            p = os.path.join(d, f)
            st = os.stat(p)
            with open(p, "rb") as fh:
                h = hashlib.sha256(fh.read()).hexdigest()
            out[os.path.relpath(p, root)] = (h, st.st_size, st.st_mode,
                                             st.st_mtime_ns)
    return out


def files_under(root):
    return sorted(os.path.relpath(os.path.join(d, f), root)
                  for d, _, fs in os.walk(root) for f in fs)


def hidden(root):
    """Temporary files: every airead temporary is a hidden file."""
    return [f for f in files_under(root)
            if any(part.startswith(".") for part in f.split(os.sep))]


def same_bytes(a, b):
    with open(a, "rb") as x, open(b, "rb") as y:
        return x.read() == y.read()


def processes_mentioning(text):
    """PIDs whose command line mentions 'text' (airead workers keep their
    parent's command line)."""
    pids = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            with open("/proc/%s/cmdline" % pid, "rb") as f:
                if text.encode() in f.read():
                    pids.append(int(pid))
        except OSError:
            pass
    return pids


def interactive():
    """As if started from a terminal: a test run in the background of a
    shell inherits SIGINT and SIGQUIT ignored, and airead keeps what it
    inherits ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGQUIT, signal.SIG_DFL)


class Test:
    def __init__(self, airead, tmp):
        self.airead, self.tmp = airead, tmp
        self.problems = []

    def fail(self, msg):
        self.problems.append(msg)

    def kill_midway(self, name, cmd, first_output, sig, group):
        """Starts cmd, waits for first_output() to be true, sends sig (to
        the process group when 'group'); returns the exit status."""
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL,
                             stdin=subprocess.DEVNULL,
                             start_new_session=True,
                             preexec_fn=interactive)
        deadline = time.time() + 120
        while not first_output() and p.poll() is None and \
                time.time() < deadline:
            time.sleep(0.01)
        if p.poll() is not None:
            self.fail("%s: finished (status %s) before it could be stopped"
                      % (name, p.returncode))
            return p.returncode
        if group:
            os.killpg(p.pid, sig)
        else:
            p.send_signal(sig)
        try:
            rc = p.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
            self.fail("%s: still running 60 s after the signal" % name)
            return None
        if rc != -sig:
            self.fail("%s: exit status %s, expected death by signal %d"
                      % (name, rc, sig))
        # its workers follow it
        for _ in range(100):
            left = processes_mentioning(self.tmp)
            if not left:
                break
            time.sleep(0.05)
        else:
            self.fail("%s: processes %s outlived the batch" % (name, left))
            for pid in left:
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
        return rc


def make_inputs(src, dst):
    """Documents slow enough to stop a batch halfway (90,000-cell tables),
    between copies of the samples that carry an image."""
    os.makedirs(dst)
    for i in range(6):
        A.million_cells_docx(os.path.join(dst, "big-%d.docx" % i), 300)
        for ext in ("docx", "hwpx"):
            shutil.copy(os.path.join(src, "samples", "report-clean." + ext),
                        os.path.join(dst, "image-%d.%s" % (i, ext)))


def main():
    a = airtest.args()
    airead = a.airead
    with tempfile.TemporaryDirectory(prefix="airead-safe-") as tmp:
        t = Test(airead, tmp)
        src = os.path.join(tmp, "in")
        make_inputs(a.source, src)
        before = snapshot(src)
        docs = [os.path.join(src, f) for f in sorted(os.listdir(src))]

        # A complete run: the reference outputs.
        ref, ref_media = os.path.join(tmp, "ref"), os.path.join(tmp, "refm")
        rc, _, err = airtest.run([airead, "convert", "--out-dir", ref,
                                  "--media", ref_media, "-j", "2", src],
                                 timeout=600)
        if rc != 0:
            t.fail("convert --out-dir: exit status %s: %s"
                   % (rc, err.decode(errors="replace")[:300]))
        if not any(f.endswith((".png", ".jpg", ".jpeg", ".gif", ".bmp"))
                   for f in files_under(ref_media)):
            t.fail("convert --media extracted no image: %s"
                   % files_under(ref_media))

        # 2. replacing an existing output by rename
        for what, cmd, out in (
                ("convert -o", [airead, "convert", docs[-1], "-o"], "x.md"),
                ("dump -o", [airead, "dump", docs[-1], "-o"], "x.json"),
                ("check -o", [airead, "check", "--no-config", docs[-1],
                              "-o"], "x.txt")):
            d = os.path.join(tmp, "replace")
            os.makedirs(d, exist_ok=True)
            path, link = os.path.join(d, out), os.path.join(d, out + ".old")
            with open(path, "w") as f:
                f.write("old\n")
            os.link(path, link)
            rc, _, _ = airtest.run(cmd + [path], timeout=120)
            with open(link) as f:
                kept = f.read() == "old\n"
            with open(path, "rb") as f:
                new = f.read()
            if rc not in (0, 1) or not kept or new == b"old\n" or not new:
                t.fail("%s: status %s; the old file %s; the new one %d bytes"
                       % (what, rc, "kept" if kept else "overwritten in place",
                          len(new)))
            if hidden(d):
                t.fail("%s left %s" % (what, hidden(d)))
            shutil.rmtree(d)

        # 3. batches stopped halfway
        for sig, group in ((signal.SIGTERM, False), (signal.SIGINT, True)):
            sname = signal.Signals(sig).name
            # convert, two at a time, images extracted
            out = os.path.join(tmp, "out-" + sname)
            media = os.path.join(tmp, "media-" + sname)
            cmd = [airead, "convert", "--out-dir", out, "--media", media,
                   "-j", "2", src]
            t.kill_midway("convert " + sname, cmd,
                          lambda: any(f.endswith(".md")
                                      for f in files_under(out))
                          if os.path.isdir(out) else False, sig, group)
            for root, refroot in ((out, ref), (media, ref_media)):
                if not os.path.isdir(root):
                    continue
                if hidden(root):
                    t.fail("convert %s left temporary files %s"
                           % (sname, hidden(root)))
                for f in files_under(root):
                    r = os.path.join(refroot, f)
                    if not f.startswith(".") and (
                            not os.path.exists(r) or
                            not same_bytes(os.path.join(root, f), r)):
                        t.fail("convert %s: %s is partial" % (sname, f))
            if os.path.isdir(out) and len(files_under(out)) >= len(docs):
                t.fail("convert %s: every file was done before the signal"
                       % sname)

            # check with a cache, a report and a baseline
            cache = os.path.join(tmp, "cache-" + sname)
            rdir = os.path.join(tmp, "report-" + sname)
            os.makedirs(rdir)
            report = os.path.join(rdir, "report.json")
            base = os.path.join(rdir, "baseline.json")
            cmd = [airead, "check", "--no-config", "-j", "2", "--format",
                   "json", "-o", report, "--cache", cache,
                   "--write-baseline", base, src]

            def cached():
                return os.path.isdir(cache) and any(
                    not f.startswith(".") and os.sep in f
                    and not os.path.basename(f).startswith(".")
                    for f in files_under(cache))
            t.kill_midway("check " + sname, cmd, cached, sig, group)
            for root in (cache, rdir):
                if os.path.isdir(root) and hidden(root):
                    t.fail("check %s left temporary files %s"
                           % (sname, hidden(root)))
            if os.listdir(rdir):
                t.fail("check %s: unfinished report or baseline written: %s"
                       % (sname, os.listdir(rdir)))
            for f in [x for x in files_under(cache) if os.sep in x]:
                with open(os.path.join(cache, f), "rb") as fh:
                    data = fh.read()
                try:
                    json.loads(data)
                except ValueError:
                    t.fail("check %s: cache entry %s is not whole (%d bytes)"
                           % (sname, f, len(data)))
            # the cache left behind serves the next run
            rc, _, _ = airtest.run(cmd, timeout=600)
            if rc not in (0, 1) or not os.path.exists(report):
                t.fail("check after %s: exit status %s" % (sname, rc))

        # 1. the inputs are as they were
        dumped = os.path.join(tmp, "dump.json")
        airtest.run([airead, "dump", docs[0], "-o", dumped], timeout=120)
        after = snapshot(src)
        changed = sorted(k for k in set(before) | set(after)
                         if before.get(k) != after.get(k))
        if changed:
            t.fail("inputs changed: %s" % changed)
        print("%d inputs unchanged after check, convert and dump; "
              "4 batches stopped" % len(before))
    for p in t.problems:
        print("FAIL: " + p)
    return 1 if t.problems else 0


if __name__ == "__main__":
    sys.exit(main())
