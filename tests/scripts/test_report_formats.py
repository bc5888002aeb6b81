"""`airead check` and `airead rules` end to end on samples/: every report
format (text, json, jsonl, sarif validated against the official SARIF 2.1.0
schema, csv), exit status per --fail-level, unreadable inputs reported in
every format while the run goes on, --lang and the locale, stdin, folders
walked in sorted order, -o, configuration files found next to documents
and --print-config.

Exact counts use a configuration that enables only the rules under test, so
that rules added later do not change them. Documents are the DOCX samples
(the HWPX ones are used when the HWPX reader reads them)."""
import csv
import io
import json
import os
import re
import shutil
import sys
import tempfile

import airtest

MINE = ("merged-cells", "nested-table", "arrow-symbol", "decorative-symbol",
        "emoji", "symbol-font-glyph", "missing-metadata",
        "placeholder-metadata")


def check(airead, *args, stdin=None, env=None):
    cmd = [airead, "check"] + list(args)
    if env is None:
        return airtest.run(cmd, stdin=stdin)
    import subprocess
    p = subprocess.run(cmd, input=stdin, capture_output=True, env=env,
                       timeout=60)
    return p.returncode, p.stdout, p.stderr


def expect(cond, msg):
    if not cond:
        airtest.fail(msg)


def main():
    a = airtest.args()
    samples = os.path.join(a.source, "samples")
    p1 = os.path.join(samples, "p1-merged-nested.docx")
    p2 = os.path.join(samples, "p2-symbols.docx")
    p5 = os.path.join(samples, "p5-metadata.docx")
    clean = os.path.join(samples, "report-clean.docx")
    for p in (p1, p2, p5, clean):
        if not os.path.exists(p):
            print("skip: %s is missing" % p)
            sys.exit(airtest.SKIP)
    tmp = tempfile.mkdtemp(prefix="airead-formats-")
    try:
        run_all(a.airead, tmp, a.source, p1, p2, p5, clean)
    finally:
        shutil.rmtree(tmp)
    print("ok")


def run_all(airead, tmp, source, p1, p2, p5, clean):
    only = airtest.rules_config(airead, MINE, tmp)
    bad = os.path.join(tmp, "broken.docx")
    with open(bad, "w") as f:
        f.write("not a document\n")
    files = [p1, p2, bad, p5]

    # ---- json: one document, files in order, summary, rule texts
    rc, out, err = check(airead, "-c", only, "-f", "json", *files)
    expect(rc == 3, "json: unreadable input must give exit 3, got %s" % rc)
    doc = json.loads(out)
    expect(doc["tool"] == "airead" and doc["schema_version"],
           "json: no tool/schema_version")
    expect([f["path"] for f in doc["files"]] == files,
           "json: files not in the order given")
    by_path = {f["path"]: f for f in doc["files"]}
    expect(by_path[bad]["status"] == "unreadable" and
           by_path[bad]["reason"] == "not-a-document",
           "json: the unreadable file lacks its reason")
    f1 = by_path[p1]
    rules1 = [x["rule"] for x in f1["findings"]]
    expect(rules1 == ["merged-cells", "nested-table"],
           "p1: expected merged-cells then nested-table, got %s" % rules1)
    merged = f1["findings"][0]
    expect(merged["count"] == 4 and len(merged["items"]) == 4,
           "p1: four merged regions expected: %s" % merged)
    expect(all(k in merged["items"][0]
               for k in ("row", "col", "rowspan", "colspan")),
           "p1: regions need row, col and spans")
    expect(merged["location"]["table"] == 1, "p1: merged table is table 1")
    nested = f1["findings"][1]
    expect(nested["location"]["row"] == 2 and nested["location"]["col"] == 2,
           "p1: the nested table sits in row 2, col 2: %s" % nested)
    f2 = by_path[p2]
    per_rule = {}
    for x in f2["findings"]:
        per_rule[x["rule"]] = per_rule.get(x["rule"], 0) + x["count"]
    # → → ⇒ and ☞; ★ ◆ ■ ●; 📌 ✅; w:sym F0E8, Wingdings Ø, Symbol Þ, F0FC
    want = {"arrow-symbol": 4, "decorative-symbol": 4, "emoji": 2,
            "symbol-font-glyph": 4}
    expect(per_rule == want, "p2: occurrences %s, expected %s"
           % (per_rule, want))
    fps = [x["fingerprint"] for x in f2["findings"]]
    expect(len(set(fps)) == len(fps) and all(len(x) == 16 for x in fps),
           "p2: fingerprints must be unique 16-digit hex")
    sym = [x for x in f2["findings"] if x["rule"] == "symbol-font-glyph"]
    fonts = sorted({i.get("font") for x in sym for i in x["items"]})
    expect(fonts == ["Symbol", "Wingdings"], "p2: fonts named: %s" % fonts)
    s = doc["summary"]
    expect(s["files"] == 4 and s["unreadable"] == 1 and
           s["with_findings"] == 3 and s["clean"] == 0,
           "json: summary counts wrong: %s" % s)
    expect(s["findings"] == sum(len(f.get("findings", []))
                                for f in doc["files"]),
           "json: summary findings differ from the files'")
    expect(s["by_rule"].get("merged-cells") == 1, "json: by_rule wrong")
    expect(doc["rules"]["merged-cells"]["number"] == 101 and
           doc["rules"]["merged-cells"]["fix_word"],
           "json: rule texts missing")
    ko_msg = merged["message"]

    # The HWPX samples are the same documents: the same findings.
    hw = [p.replace(".docx", ".hwpx") for p in (p1, p2)]
    if all(os.path.exists(h) for h in hw):
        rc, out, _ = check(airead, "-c", only, "-f", "json", *hw)
        hfiles = json.loads(out)["files"]
        for h, d in zip(hfiles, (f1, f2)):
            got = sorted((x["rule"], x["count"]) for x in h["findings"])
            want = sorted((x["rule"], x["count"]) for x in d["findings"])
            expect(h["status"] == "ok" and got == want,
                   "%s: %s, the DOCX twin %s" % (h["path"], got, want))

    # ---- English: keys and ids unchanged, messages English
    rc, out, _ = check(airead, "-c", only, "-f", "json", "--lang", "en", p1)
    en = json.loads(out)
    m = en["files"][0]["findings"][0]
    expect(m["rule"] == "merged-cells" and m["message"] != ko_msg and
           "merged regions" in m["message"], "--lang en: message not English")
    env = dict(os.environ, LANG="en_US.UTF-8", LC_ALL="", LC_MESSAGES="")
    rc, out, _ = check(airead, "-c", only, "-f", "json", p1, env=env)
    expect("merged regions" in json.loads(out)["files"][0]["findings"][0]
           ["message"], "LANG=en_US: English expected")
    env = dict(os.environ, LANG="C", LC_ALL="", LC_MESSAGES="")
    rc, out, _ = check(airead, "-c", only, "-f", "json", p1, env=env)
    expect(json.loads(out)["files"][0]["findings"][0]["message"] == ko_msg,
           "LANG=C: Korean expected")

    # ---- jsonl: one line per file, self-contained, streamed; then one
    # summary line (no "path"), the same object as json's "summary"
    rc, out, _ = check(airead, "-c", only, "-f", "jsonl", *files)
    lines = out.decode().splitlines()
    expect(len(lines) == 5, "jsonl: one line per file and a summary, got "
           "%d" % len(lines))
    last = json.loads(lines.pop())
    expect("path" not in last and last["summary"] == doc["summary"],
           "jsonl: the last line must be the summary")
    recs = [json.loads(x) for x in lines]
    expect([r["path"] for r in recs] == files and
           all(r["tool"] == "airead" for r in recs),
           "jsonl: lines must name the tool and the file")
    expect(recs[0]["findings"] == f1["findings"],
           "jsonl and json must agree on findings")

    # ---- csv: header, one row per file
    rc, out, _ = check(airead, "-c", only, "-f", "csv", *files)
    rows = list(csv.reader(io.StringIO(out.decode())))
    expect(len(rows) == 5, "csv: header + 4 rows, got %d" % len(rows))
    head = rows[0]
    expect(head[:8] == ["path", "format", "status", "reason", "findings",
                        "error", "warning", "info"] and
           "merged-cells" in head and head[-1] == "message",
           "csv: header %s" % head)
    r1 = dict(zip(head, rows[1]))
    expect(r1["merged-cells"] == "1" and r1["nested-table"] == "1" and
           r1["error"] == "2", "csv: p1 row %s" % r1)
    r3 = dict(zip(head, rows[3]))
    expect(r3["status"] == "unreadable" and r3["message"],
           "csv: unreadable row needs its message")

    # ---- sarif: valid against the official schema
    rc, out, _ = check(airead, "-c", only, "-f", "sarif", *files)
    log = json.loads(out)
    try:
        import jsonschema
    except ImportError:
        jsonschema = None
        print("note: python3-jsonschema absent, schema not checked")
    if jsonschema:
        with open(os.path.join(source, "tests", "data",
                               "sarif-schema-2.1.0.json")) as f:
            schema = json.load(f)
        v = jsonschema.Draft7Validator(schema)
        errors = sorted(v.iter_errors(log), key=str)
        expect(not errors, "sarif: schema: %s" % (errors[:1],))
    run = log["runs"][0]
    results = run["results"]
    nfind = sum(len(f.get("findings", [])) for f in doc["files"])
    expect(len(results) == nfind, "sarif: %d results, json has %d"
           % (len(results), nfind))
    rules = run["tool"]["driver"]["rules"]
    for r in results:
        expect(rules[r["ruleIndex"]]["id"] == r["ruleId"],
               "sarif: ruleIndex does not point at ruleId")
        expect(r["partialFingerprints"]["aireadContent/v1"],
               "sarif: no fingerprint")
        ll = r["locations"][0]["logicalLocations"][0]
        expect(ll["fullyQualifiedName"], "sarif: no logical location")
    notes = run["invocations"][0]["toolExecutionNotifications"]
    expect(len(notes) == 1 and
           notes[0]["properties"]["reason"] == "not-a-document",
           "sarif: the unreadable file must be a notification")
    fq = [r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
          for r in results if r["ruleId"] == "nested-table"]
    expect(fq == ["section[1]/table[2]/row[2]/col[2]"],
           "sarif: nested table logical location %s" % fq)
    # Fingerprints come from content, not position: a copy of the file
    # under another name gives the same ones.
    copy = os.path.join(tmp, "copy of p2.docx")
    shutil.copy(p2, copy)
    rc, out, _ = check(airead, "-c", only, "-f", "sarif", copy)
    fp2 = [r["partialFingerprints"]["aireadContent/v1"]
           for r in json.loads(out)["runs"][0]["results"]]
    expect(fp2 == fps, "sarif: fingerprints depend on the file name")

    # ---- text: compiler-style, no colour when not a terminal
    rc, out, _ = check(airead, "-c", only, p1, bad)
    text = out.decode()
    first = text.splitlines()[0]
    expect(re.match(r"^.*p1-merged-nested\.docx: 구역 1, 표 1: 오류: .* "
                    r"\[merged-cells 101\]$", first),
           "text: first line %r" % first)
    expect("\033[" not in text, "text: colour written to a pipe")
    expect("한글:" in text and "Word:" in text, "text: no how-to-fix lines")
    expect("읽을 수 없음 (not-a-document)" in text,
           "text: unreadable file not reported")
    expect(text.rstrip().splitlines()[-1].startswith("파일 2개 검사"),
           "text: summary line missing")
    rc, out, _ = check(airead, "-c", only, "--color", "always", p1)
    expect("\033[" in out.decode(), "--color always gives no colour")
    # On a terminal (util-linux script gives one): colour unless NO_COLOR.
    if shutil.which("script"):
        import subprocess
        cmd = "%s check -c %s %s" % (airead, only, p1)
        for no_color, want in (("", True), ("1", False)):
            env = dict(os.environ, NO_COLOR=no_color, TERM="xterm")
            p = subprocess.run(["script", "-qec", cmd, "/dev/null"],
                               capture_output=True, env=env, timeout=60)
            expect((b"\033[" in p.stdout) == want,
                   "terminal with NO_COLOR=%r: colour %s expected"
                   % (no_color, want))

    # ---- exit status and --fail-level (a warning-only configuration)
    warn = airtest.rules_config(airead, ("arrow-symbol",), tmp)
    for level, want_rc in (("error", 0), ("warning", 1), ("info", 1),
                           ("none", 0)):
        rc, _, _ = check(airead, "-c", warn, "--fail-level", level, "-f",
                         "json", p2)
        expect(rc == want_rc, "--fail-level %s: exit %s, expected %s"
               % (level, rc, want_rc))
    rc, _, _ = check(airead, "-c", only, "-f", "json", p1)
    expect(rc == 1, "errors at the default level: exit %s" % rc)
    rc, _, _ = check(airead, "-c", only, "-f", "json", clean)
    expect(rc == 0, "a clean document: exit %s" % rc)
    rc, _, err = check(airead, "--format", "xml", p1)
    expect(rc == 2 and b"try 'airead --help'" in err, "bad --format: %s" % rc)
    rc, _, err = check(airead, "--fail-level", "loud", p1)
    expect(rc == 2, "bad --fail-level: %s" % rc)
    badcfg = os.path.join(tmp, "bad.yaml")
    with open(badcfg, "w") as f:
        f.write("rules:\n  merged-cells:\n    severity: loud\n")
    rc, out, err = check(airead, "-c", badcfg, p1)
    expect(rc == 2 and (badcfg + ":3:").encode() in err and not out,
           "bad configuration: exit %s, stderr %r" % (rc, err))

    # ---- stdin
    with open(p1, "rb") as f:
        data = f.read()
    rc, out, _ = check(airead, "-c", only, "-f", "json", "-", stdin=data)
    d = json.loads(out)
    expect(d["files"][0]["path"] == "-" and
           d["files"][0]["findings"] == f1["findings"],
           "stdin: findings differ from the file's")

    # ---- folders: recursive, sorted, only document names, -o
    tree = os.path.join(tmp, "share")
    os.makedirs(os.path.join(tree, "b", "c"))
    os.makedirs(os.path.join(tree, "a"))
    shutil.copy(p1, os.path.join(tree, "b", "c", "z.docx"))
    shutil.copy(p2, os.path.join(tree, "b", "a.docx"))
    shutil.copy(p5, os.path.join(tree, "a", "m.docx"))
    shutil.copy(p5, os.path.join(tree, "top.docx"))
    with open(os.path.join(tree, "notes.txt"), "w") as f:
        f.write("not a document, skipped in a walk\n")
    with open(os.path.join(tree, "~$lock.docx"), "w") as f:
        f.write("office lock file\n")
    outfile = os.path.join(tmp, "report.json")
    rc, out, _ = check(airead, "-c", only, "-f", "json", "-o", outfile, tree)
    expect(out == b"" and os.path.exists(outfile), "-o: report not written")
    with open(outfile) as f:
        walked = [x["path"][len(tree) + 1:] for x in json.load(f)["files"]]
    expect(walked == ["top.docx", "a/m.docx", "b/a.docx", "b/c/z.docx"],
           "walk order: %s" % walked)
    expect(not [n for n in os.listdir(tmp) if ".tmp" in n],
           "-o left a temporary file")

    # ---- configuration found next to the documents
    with open(os.path.join(tree, "b", ".airead.yaml"), "w") as f:
        f.write("rules:\n  merged-cells: off\n")
    rc, out, _ = check(airead, "-f", "json", os.path.join(tree, "b", "c",
                                                          "z.docx"))
    rules_z = [x["rule"] for x in json.loads(out)["files"][0]["findings"]]
    expect("merged-cells" not in rules_z and "nested-table" in rules_z,
           "a .airead.yaml in a parent folder was not applied: %s" % rules_z)
    rc, out, _ = check(airead, "--print-config",
                       os.path.join(tree, "b", "c", "z.docx"))
    pc = out.decode()
    expect(rc == 0 and "overridden by: " + os.path.join(tree, "b",
                                                       ".airead.yaml") in pc
           and re.search(r"merged-cells:\n\s+enabled: false", pc),
           "--print-config does not show the discovered file")
    rc, out, _ = check(airead, "--no-config", "--print-config",
                       os.path.join(tree, "b", "c", "z.docx"))
    expect("no user configuration file" in out.decode(),
           "--no-config still found a file")

    # ---- airead rules
    rc, out, _ = airtest.run([airead, "rules", "--format", "json"])
    cat = json.loads(out)["rules"]
    nums = [r["number"] for r in cat]
    expect(rc == 0 and nums == sorted(nums) and 101 in nums and 502 in nums,
           "rules: catalogue %s" % nums)
    rc, out, _ = airtest.run([airead, "rules"])
    expect(rc == 0 and re.search(r"^101\s+merged-cells\s+1\s+error",
                                 out.decode(), re.M),
           "rules: text listing")


if __name__ == "__main__":
    main()
