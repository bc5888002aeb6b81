"""`cmake --install` into a fresh prefix: the program, its manual page, the
rule data, the library and its header; the installed program finds its
rule data by itself and man reads the page."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

import airtest


def build_dir(airead):
    d = os.path.dirname(os.path.abspath(airead))
    while d != os.path.dirname(d):
        if os.path.isfile(os.path.join(d, "CMakeCache.txt")):
            return d
        d = os.path.dirname(d)
    return None


def main():
    a = airtest.args()
    build = build_dir(a.airead)
    if build is None or not shutil.which("cmake"):
        print("skip: no CMake build tree")
        sys.exit(airtest.SKIP)
    prefix = tempfile.mkdtemp(prefix="airead-install-")
    try:
        p = subprocess.run(["cmake", "--install", build, "--prefix", prefix],
                           capture_output=True, timeout=300)
        if p.returncode != 0:
            airtest.fail("cmake --install: exit %d\n%s" %
                         (p.returncode, p.stderr.decode()[-600:]))
        check(a, prefix)
    finally:
        shutil.rmtree(prefix)
    print("ok")


def check(a, prefix):
    found = {os.path.relpath(os.path.join(d, n), prefix)
             for d, _, ns in os.walk(prefix) for n in ns}
    man = [f for f in found if f.endswith("man1/airead.1")]
    want = ["bin/airead", "include/airead.h",
            "share/airead/rules/defaults.yaml",
            "share/airead/rules/merged-cells.md"]
    lacking = [w for w in want if w not in found]
    if lacking or len(man) != 1:
        airtest.fail("installed tree lacks %s (man pages %s)" %
                     (lacking, man))
    with open(os.path.join(prefix, man[0]), "rb") as f, \
            open(os.path.join(a.source, "man", "airead.1"), "rb") as g:
        if f.read() != g.read():
            airtest.fail("installed man page differs from man/airead.1")
    # the installed program, away from the source tree and with no hint,
    # reads the installed rule data: made to say arrows are errors
    defaults = os.path.join(prefix, "share", "airead", "rules",
                            "defaults.yaml")
    with open(defaults, encoding="utf-8") as f:
        text = f.read()
    old = "  arrow-symbol:\n    enabled: true\n    severity: warning\n"
    if old not in text:
        airtest.fail("defaults.yaml: arrow-symbol entry not as expected")
    with open(defaults, "w", encoding="utf-8") as f:
        f.write(text.replace(old, old.replace("warning", "error")))
    env = {k: v for k, v in os.environ.items() if k != "AIREAD_DATADIR"}
    env["HOME"] = prefix
    sample = os.path.join(a.source, "samples", "p2-symbols.hwpx")
    p = subprocess.run([os.path.join(prefix, "bin", "airead"), "check",
                        "--no-config", "-f", "json", sample],
                       capture_output=True, env=env, cwd=prefix, timeout=60)
    try:
        sev = {f["severity"] for f in json.loads(p.stdout)["files"][0]
               ["findings"] if f["rule"] == "arrow-symbol"}
    except (ValueError, KeyError, IndexError):
        sev = None
    if p.returncode != 1 or sev != {"error"}:
        airtest.fail("installed airead: exit %d, arrows %s\n%s" %
                     (p.returncode, sev, p.stderr.decode()[-400:]))
    if shutil.which("man"):
        p = subprocess.run(["man", "-l", os.path.join(prefix, man[0])],
                           capture_output=True, timeout=60,
                           env=dict(env, MANPAGER="cat", PAGER="cat"))
        if p.returncode != 0 or b"--max-memory" not in p.stdout.replace(
                b"\xe2\x80\x90", b"-"):
            airtest.fail("man -l on the installed page: exit %d" %
                         p.returncode)


if __name__ == "__main__":
    sys.exit(main())
