"""The Java e-approval call shown in README.md ("Hooks") compiles, with the
imports its first comment names, at the Java release it names, and behaves
as the README says against the built airead: the JSON report for a clean
document (0), one with findings (1) and an unreadable one (3), an
exception for a usage error (2). Skipped (77) when javac is not found."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import airtest

TEMPLATE = """%(imports)s

public class HookExample {
%(method)s

    public static void main(String[] args) throws Exception {
        try {
            System.out.print(checkAttachment(java.nio.file.Paths.get(args[0])));
        } catch (IOException e) {
            System.out.print("IOException: " + e.getMessage());
        }
    }
}
"""


def example(source):
    """The README's Java block: (imports, Java release, the method)."""
    with open(os.path.join(source, "README.md"), encoding="utf-8") as f:
        m = re.search(r"```java\n(.*?)```", f.read(), re.S)
    if m is None:
        airtest.fail("README.md shows no Java example")
    code = m.group(1)
    head = re.match(r"((?://[^\n]*\n)+)", code)
    names = re.search(r"//\s*(.*?);\s*Java (\d+) or later",
                      " ".join(head.group(1).split("\n")) if head else "")
    if names is None:
        airtest.fail("the Java example's first comment does not name its "
                     "imports and Java release")
    imports = [n.strip() for n in names.group(1).replace("//", " ").split(",")]
    return ("\n".join("import %s;" % n for n in imports if n),
            names.group(2), code[head.end():])


def main():
    a = airtest.args()
    javac, java = shutil.which("javac"), shutil.which("java")
    if javac is None or java is None:
        print("skip: javac or java not found")
        sys.exit(airtest.SKIP)
    imports, release, method = example(a.source)
    tmp = tempfile.mkdtemp(prefix="airead-java-")
    try:
        run(a, tmp, javac, java, imports, release, method)
    finally:
        shutil.rmtree(tmp)
    print("ok")


def run(a, tmp, javac, java, imports, release, method):
    src = os.path.join(tmp, "HookExample.java")
    with open(src, "w", encoding="utf-8") as f:
        f.write(TEMPLATE % {"imports": imports,
                            "method": "    " + method.replace("\n", "\n    ")})
    p = subprocess.run([javac, "-encoding", "UTF-8", "--release", release,
                        "-Xlint:-options", "-d", tmp, src],
                       capture_output=True, timeout=300)
    if p.returncode != 0:
        airtest.fail("javac --release %s: exit %d\n%s" %
                     (release, p.returncode, p.stderr.decode()[-1500:]))
    # the example runs "airead" from PATH: the built one
    env = dict(os.environ, PATH=os.path.dirname(os.path.abspath(a.airead)) +
               os.pathsep + os.environ.get("PATH", ""))
    bad = os.path.join(tmp, "cut.docx")
    with open(os.path.join(a.source, "samples", "p1-merged-nested.docx"),
              "rb") as f:
        data = f.read()
    with open(bad, "wb") as f:
        f.write(data[:len(data) // 2])
    samples = os.path.join(a.source, "samples")
    cases = [(os.path.join(samples, "report-clean.docx"), "ok", False),
             (os.path.join(samples, "p1-merged-nested.docx"), "ok", True),
             (bad, "unreadable", False)]
    for path, status, findings in cases:
        p = subprocess.run([java, "-cp", tmp, "HookExample", path],
                           capture_output=True, env=env, timeout=120)
        try:
            f = json.loads(p.stdout)["files"][0]
        except (ValueError, KeyError, IndexError):
            airtest.fail("%s: not one JSON report (exit %d)\n%r\n%s" %
                         (os.path.basename(path), p.returncode,
                          p.stdout[-300:], p.stderr.decode()[-600:]))
        if f["status"] != status or bool(f.get("findings")) != findings:
            airtest.fail("%s: status %s, findings %r" %
                         (os.path.basename(path), f["status"],
                          f.get("findings")))
    # a usage error (no such file is exit 3; an unknown option is 2)
    p = subprocess.run([java, "-cp", tmp, "HookExample", "--no-such-option"],
                       capture_output=True, env=env, timeout=120)
    if not p.stdout.startswith(b"IOException: airead: exit status 2"):
        airtest.fail("usage error: %r" % p.stdout[-300:])


if __name__ == "__main__":
    sys.exit(main())
