"""Rule cases: small real packages (tests/fixtures/<fmt>/rule-*/, zipped at
build time) read by the readers and checked by the rules of principles 1,
2, 4 and 5, with exactly what each must report: findings and occurrences per
rule, and the exit status. A hard-negative case must report nothing.

Adding a rule: add its case here (see src/rules/README.md)."""
import json
import os
import sys

import airtest

# fixture -> (exit status, {rule: (findings, occurrences)}); rules of
# MINE not named must report nothing.
CASES = {
    "rule-tables.docx": (1, {"merged-cells": (1, 4),
                             "nested-table": (2, 2)}),
    "rule-symbols-clean.docx": (0, {}),
    "rule-symbols.docx": (1, {"arrow-symbol": (3, 5),
                              "decorative-symbol": (2, 3),
                              "emoji": (1, 3),
                              "symbol-font-glyph": (3, 4)}),
    "rule-metadata.docx": (1, {"missing-metadata": (1, 2),
                               "placeholder-metadata": (2, 2)}),
    # automatic and typed numbering, a table's cells, Seoul paths
    "rule-numbering.hwpx": (0, {"numbering-sequence": (3, 3),
                                "numbering-hierarchy": (2, 2),
                                "numbering-style": (1, 1)}),
}
MINE = ("merged-cells", "nested-table", "arrow-symbol", "decorative-symbol",
        "emoji", "symbol-font-glyph", "missing-metadata",
        "placeholder-metadata", "numbering-sequence", "numbering-hierarchy",
        "numbering-style")


def main():
    a = airtest.args()
    config = airtest.rules_config(a.airead, MINE)
    problems = []
    try:
        for name, (want_rc, want) in sorted(CASES.items()):
            path = os.path.join(a.fixtures, name)
            rc, out, err = airtest.run([a.airead, "check", "-c", config,
                                        "-f", "json", path])
            if rc != want_rc:
                problems.append("%s: exit %s, expected %s (%s)"
                                % (name, rc, want_rc, err.decode().strip()))
            if rc not in (0, 1):
                continue
            got = {}
            for x in json.loads(out)["files"][0]["findings"]:
                n, c = got.get(x["rule"], (0, 0))
                got[x["rule"]] = (n + 1, c + x["count"])
            if got != want:
                problems.append("%s: findings %s, expected %s"
                                % (name, got, want))
    finally:
        os.unlink(config)
    if problems:
        airtest.fail("; ".join(problems))
    print("ok: %d cases" % len(CASES))


if __name__ == "__main__":
    sys.exit(main())
