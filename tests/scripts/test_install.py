"""`cmake --install` into a fresh prefix: the program, its manual page, the
rule data, the library and its header; the installed program finds its
rule data (configuration and symbol-font tables) by itself, not the source
tree it was built from, and man reads the page."""
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
        relocated(a, build, prefix)
    finally:
        shutil.rmtree(prefix)
    print("ok")


def edit(prefix, name, old, new):
    """Replaces 'old' by 'new' in installed rule data file 'name'."""
    path = os.path.join(prefix, "share", "airead", "rules", name)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if old not in text:
        airtest.fail("%s: %r not as expected" % (name, old))
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new))


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
    old = "  arrow-symbol:\n    enabled: true\n    severity: warning\n"
    edit(prefix, "defaults.yaml", old, old.replace("warning", "error"))
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
    # ... and the installed symbol-font tables: Wingdings 0xFC made a
    # heavy check mark, where the source tables say a check mark
    edit(prefix, "symbol-fonts/wingdings.tsv", "0xFC\tU+2713\tCHECK MARK",
         "0xFC\tU+2714\tHEAVY CHECK MARK")
    p = subprocess.run([os.path.join(prefix, "bin", "airead"), "convert",
                        "-o", "-", sample.replace(".hwpx", ".docx")],
                       capture_output=True, env=env, cwd=prefix, timeout=60)
    md = p.stdout.decode("utf-8", "replace")
    if p.returncode != 0 or "\u2714 확인 완료" not in md:
        airtest.fail("installed airead convert: exit %d, not the installed "
                     "Wingdings table\n%s" % (p.returncode,
                                              p.stderr.decode()[-400:]))
    if shutil.which("man"):
        p = subprocess.run(["man", "-l", os.path.join(prefix, man[0])],
                           capture_output=True, timeout=60,
                           env=dict(env, MANPAGER="cat", PAGER="cat"))
        if p.returncode != 0 or b"--max-memory" not in p.stdout.replace(
                b"\xe2\x80\x90", b"-"):
            airtest.fail("man -l on the installed page: exit %d" %
                         p.returncode)


def cache_value(build, key):
    with open(os.path.join(build, "CMakeCache.txt"), encoding="utf-8") as f:
        for line in f:
            if line.startswith(key + ":"):
                return line.split("=", 1)[1].strip()
    return None


def relocated(a, build, prefix):
    """The program copied where no data sits next to its bin/, with the
    configured installed folder absent, finds no data: it never falls back
    on the source tree it was built from."""
    configured = cache_value(build, "CMAKE_INSTALL_PREFIX")
    if configured is None or os.path.exists(
            os.path.join(configured, "share", "airead")):
        return
    bindir = os.path.join(prefix, "elsewhere", "bin")
    os.makedirs(bindir)
    prog = shutil.copy(os.path.join(prefix, "bin", "airead"), bindir)
    env = {k: v for k, v in os.environ.items() if k != "AIREAD_DATADIR"}
    env["HOME"] = prefix
    p = subprocess.run([prog, "check", "--no-config",
                        os.path.join(a.source, "samples", "p2-symbols.hwpx")],
                       capture_output=True, env=env, cwd=prefix, timeout=60)
    if p.returncode != 2 or b"AIREAD_DATADIR" not in p.stderr:
        airtest.fail("airead without installed data: exit %d (read the "
                     "source tree?)\n%s" % (p.returncode,
                                            p.stderr.decode()[-400:]))


if __name__ == "__main__":
    sys.exit(main())
