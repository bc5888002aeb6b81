#!/usr/bin/env python3
"""instructions.py -- the instruction-count regression check.

    instructions.py --airead BIN --source DIR [--update]

Counts the instructions (valgrind --tool=cachegrind, no cache simulation,
summed over the processes of the run: the command and its worker, whose
count includes what the command did before forking it) that `airead check`
executes on a fixed set: the samples/ documents in one run, and the
synthetic 8x report of bench/gen_docs.py as HWPX and as DOCX. Fails when a
count is more than 25% above the committed reference (reference.tsv next
to this file); a count more than 25% below it is only noted, so that the
reference is lowered (--update rewrites it) and keeps guarding the gain.
Instruction counts, unlike times, hardly move on a busy machine. The
reference is for Debian 12's libraries and an optimised build; ctest runs
this only in such builds (not the sanitizer or fuzzing builds) and it
exits 77 (skipped) when valgrind is absent.
"""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
LIMIT = 1.25
HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = os.path.join(HERE, "reference.tsv")


def count(airead, files):
    """Instructions of `airead check` over files, summed over processes."""
    r = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no",
         "--branch-sim=no", "--cachegrind-out-file=/dev/null",
         airead, "check", "-j", "1", "-q", "--no-config", "--lang", "en",
         "--fail-level", "none"] + files,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        timeout=300)
    refs = re.findall(r"I\s+refs:\s+([\d,]+)", r.stderr)
    if r.returncode != 0 or not refs:
        sys.exit("instructions: airead check failed under valgrind:\n"
                 + r.stderr[-2000:])
    return sum(int(n.replace(",", "")) for n in refs)


def read_reference():
    ref = {}
    if os.path.exists(REFERENCE):
        for line in open(REFERENCE, encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                name, n = line.split("\t")
                ref[name] = int(n)
    return ref


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--airead", required=True)
    p.add_argument("--source", required=True)
    p.add_argument("--update", action="store_true")
    a = p.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind not found: skipped")
        return SKIP
    samples = sorted(glob.glob(os.path.join(a.source, "samples", "*.hwpx"))
                     + glob.glob(os.path.join(a.source, "samples", "*.docx")))
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable,
                        os.path.join(a.source, "bench", "gen_docs.py"), tmp,
                        "8"], check=True, stdout=subprocess.DEVNULL)
        sets = {"samples": samples}
        for fmt in ("hwpx", "docx"):
            sets["report-8x." + fmt] = [os.path.join(tmp, "report-8x."
                                                     + fmt)]
        got = {name: count(a.airead, files) for name, files in sets.items()}
    if a.update:
        with open(REFERENCE, "w", encoding="utf-8") as f:
            f.write("# instructions of `airead check` (tests/perf/"
                    "instructions.py --update)\n")
            for name, n in got.items():
                f.write("%s\t%d\n" % (name, n))
        return 0
    ref = read_reference()
    failed = False
    for name, n in got.items():
        r = ref.get(name)
        if r is None:
            print("%s: %d instructions, no reference" % (name, n))
            failed = True
            continue
        ratio = n / r
        verdict = "ok"
        if ratio > LIMIT:
            verdict = "FAIL: more than %d%% above the reference" % (
                round((LIMIT - 1) * 100))
            failed = True
        elif ratio < 1 / LIMIT:
            verdict = "far below the reference: lower it (--update)"
        print("%s: %d instructions, reference %d (%.2fx) %s"
              % (name, n, r, ratio, verdict))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
