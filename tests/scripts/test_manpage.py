"""man/airead.1 documents every command and every long option that
`airead COMMAND --help` prints, its exit status and configuration."""
import os
import re
import sys

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
    if missing:
        airtest.fail("man/airead.1 lacks: " + ", ".join(missing))
    print("ok: %d commands" % len(commands))


if __name__ == "__main__":
    sys.exit(main())
