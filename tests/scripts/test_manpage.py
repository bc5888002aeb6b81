"""man/airead.1 documents every command and every long option that
`airead COMMAND --help` prints, its exit status, configuration and every
environment variable the program reads; its examples on samples/ run."""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

import airtest


def main():
    a = airtest.args()
    path = os.path.join(a.source, "man", "airead.1")
    with open(path, encoding="utf-8") as f:
        man = f.read()
    # roff writes '-' as '\-' where it matters; compare without the escapes
    plain = man.replace("\\-", "-")
    rc, out, _ = airtest.run([a.airead, "--help"])
    if rc != 0:
        airtest.fail("airead --help: exit %s" % rc)
    commands = re.findall(r"^  (\w+)\s", out.decode(), re.M)
    if not commands:
        airtest.fail("no commands in airead --help")
    missing = []
    for cmd in commands:
        if not re.search(r"\.B airead %s\b|^\.B %s$" % (cmd, cmd), plain,
                         re.M):
            missing.append("command " + cmd)
        rc, out, _ = airtest.run([a.airead, cmd, "--help"])
        if rc != 0:
            airtest.fail("airead %s --help: exit %s" % (cmd, rc))
        for opt in sorted(set(re.findall(r"--[a-z][a-z-]*", out.decode()))):
            if opt not in plain:
                missing.append("%s %s" % (cmd, opt))
    for section in ("NAME", "SYNOPSIS", "OPTIONS", "RULES", "EXIT STATUS",
                    "CONFIGURATION", "EXAMPLES"):
        if ".SH " + section not in man:
            missing.append("section " + section)
    missing += environment(a.source, man_section(man, "ENVIRONMENT"))
    if missing:
        airtest.fail("man/airead.1 lacks: " + ", ".join(missing))
    ran = examples(a, man_section(man, "EXAMPLES"))
    print("ok: %d commands, %d examples run" % (len(commands), ran))


def man_section(man, name):
    m = re.search(r"^\.SH %s\n(.*?)(?=^\.SH )" % name, man, re.S | re.M)
    return m.group(1) if m else ""


def environment(source, env_section):
    """The variables the sources read that ENVIRONMENT does not name."""
    names = set()
    for path in glob.glob(os.path.join(source, "src", "**", "*.c"),
                          recursive=True):
        with open(path, encoding="utf-8") as f:
            names.update(re.findall(r'(?:getenv|env_long)\("([A-Z_]+)"',
                                    f.read()))
    return ["environment " + n for n in sorted(names)
            if not re.search(r"\b%s\b" % n, env_section)]


def roff_text(line):
    """The text of one .B line: quotes and escapes removed."""
    text = line[3:].strip()
    if text.startswith('"') and text.endswith('"'):
        text = text[1:-1]
    return text.replace("\\-", "-").replace("\\e", "\\")


def examples(a, ex):
    """Runs every example on samples/ (not those on a share, a cluster or a
    document the reader brings) in a copy of the project's samples, with
    this airead first on PATH: each must exit 0 or 1 (findings)."""
    blocks = []
    for block in re.split(r"^\.PP\n", ex, flags=re.M):
        cmds = [roff_text(l) for l in block.splitlines()
                if l.startswith(".B ")]
        script = "\n".join(cmds)
        if ("samples" in script and "/share" not in script and
                "보고서" not in script and "sc.textFile" not in script):
            blocks.append(script)
    if not blocks:
        airtest.fail("EXAMPLES: none on samples/")
    tmp = tempfile.mkdtemp(prefix="airead-examples-")
    try:
        shutil.copytree(os.path.join(a.source, "samples"),
                        os.path.join(tmp, "samples"))
        bindir = os.path.join(tmp, "bin")
        os.makedirs(bindir)
        os.symlink(os.path.abspath(a.airead), os.path.join(bindir, "airead"))
        env = dict(os.environ, HOME=tmp,
                   PATH=bindir + os.pathsep + os.environ.get("PATH", ""))
        ran = 0
        for script in blocks:
            if "parallel" in script and not shutil.which("parallel"):
                continue
            p = subprocess.run(["sh", "-c", script], cwd=tmp, env=env,
                               capture_output=True, timeout=300)
            if p.returncode not in (0, 1) or b"usage" in p.stderr.lower():
                airtest.fail("EXAMPLES: exit %d:\n%s\n%s" %
                             (p.returncode, script,
                              p.stderr.decode()[-400:]))
            ran += 1
        return ran
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    sys.exit(main())
