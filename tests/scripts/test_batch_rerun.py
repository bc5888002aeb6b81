"""Re-runs over a share: --cache serves unchanged files (the same bytes as
a fresh run) and is keyed by content, version and effective configuration
(a configuration, language or content change is a miss); --write-baseline
and --baseline accept existing findings by content fingerprint (an edit
elsewhere keeps them accepted, only new findings count) and report the
entries that no longer occur."""
import json
import os
import shutil
import time

import batchkit
from batchkit import expect, jsonl, make_docx, run, sanitized


def run_all(a, tmp, samples):
    cache_tests(a.airead, tmp, samples)
    baseline_tests(a.airead, tmp)


def check(airead, *args, **kw):
    return run([airead, "check", "--no-config", "-q", "--lang", "en"] +
               list(args), **kw)


def entries(cache):
    """{path: content} of the cache's entries."""
    out = {}
    for d, _, names in os.walk(os.path.join(cache, "v1")):
        for n in names:
            with open(os.path.join(d, n), "rb") as f:
                out[os.path.join(d, n)] = f.read()
    return out


def cache_tests(airead, tmp, samples):
    share = os.path.join(tmp, "share")
    shutil.copytree(samples, share)
    # a document that takes a while to check (and has a short result):
    # the cache's point
    make_docx(os.path.join(share, "long.docx"),
              ["가나다라 마바사 문장입니다. 둘째 문장도 있습니다."],
              repeat=20000 if sanitized(airead) else 100000)
    cache = os.path.join(tmp, "cache")
    args = ["-f", "jsonl", "--timeout", "0", "--cache", cache, share]

    _, fresh, _ = check(airead, "-f", "jsonl", "--timeout", "0", share)
    t0 = time.time()
    rc1, out1, _ = check(airead, *args)
    t1 = time.time() - t0
    first = entries(cache)
    expect(out1 == fresh and len(first) == 13 and
           os.path.isfile(os.path.join(cache, "CACHEDIR.TAG")),
           "cache: first run %d entries" % len(first))
    t0 = time.time()
    rc2, out2, _ = check(airead, *args)
    t2 = time.time() - t0
    expect(out2 == out1 and rc2 == rc1 and entries(cache) == first,
           "cache: a re-run differs or writes entries")
    print("cache: first run %.2f s, re-run %.2f s (%.0fx)" %
          (t1, t2, t1 / max(t2, 1e-3)))
    # (the hits themselves are proven below; time is only a sanity check
    # on a machine that may be busy)
    expect(t1 < 0.5 or t2 < t1, "cache: re-run not faster")

    # a hit is served from the entry: mark every entry and see the marks
    for path, data in first.items():
        with open(path, "wb") as f:
            f.write(data.replace(b'"message":"', b'"message":"CACHED ', 1))
    _, out, _ = check(airead, *args)
    expect(out.count(b"CACHED ") == 10, "cache: entries not used")

    # what invalidates: the effective configuration, the language, the
    # content; each is a new entry, never the marked one
    conf = os.path.join(tmp, "conf.yaml")
    with open(conf, "w") as f:
        f.write("rules:\n  arrow-symbol:\n    severity: error\n")
    rc, out, _ = run([airead, "check", "-q", "--lang", "en", "-c", conf] +
                     args)
    files, _ = jsonl(out)
    sev = {f_["severity"] for r in files for f_ in r.get("findings", [])
           if f_["rule"] == "arrow-symbol"}
    expect(b"CACHED " not in out and sev == {"error"} and
           len(entries(cache)) == 26,
           "cache: a configuration change used old entries (%s, %d)" %
           (sev, len(entries(cache))))
    _, out, _ = run([airead, "check", "--no-config", "-q", "--lang", "ko"] +
                    args)
    expect(b"CACHED " not in out and len(entries(cache)) == 39,
           "cache: a language change used old entries")
    make_docx(os.path.join(share, "long.docx"), ["화살표 ⇒ 하나."])
    _, out, _ = check(airead, *args)
    files, _ = jsonl(out)
    by = {os.path.basename(r["path"]): r for r in files}
    expect(not by["long.docx"]["findings"][0]["message"]
           .startswith("CACHED") and
           by["report-clean.docx"]["status"] == "ok" and
           out.count(b"CACHED ") == 10,
           "cache: a changed file was served from the cache")
    # a damaged entry is checked again
    for path in entries(cache):
        with open(path, "wb") as f:
            f.write(b"{not json")
    rc, out, _ = check(airead, *args)
    expect(b"CACHED " not in out and rc == rc1, "cache: damaged entries")


def baseline_tests(airead, tmp):
    d = os.path.join(tmp, "docs")
    os.makedirs(d)
    a = os.path.join(d, "a.docx")
    b = os.path.join(d, "b.docx")
    make_docx(a, ["화살표 → 하나.", "별 ★ 하나."])
    make_docx(b, ["깨끗한 문장입니다."])
    base = os.path.join(tmp, "baseline.txt")
    rc, out, _ = check(airead, "--fail-level", "warning",
                       "--write-baseline", base, d)
    with open(base, encoding="utf-8") as f:
        lines = f.read().splitlines()
    expect(rc == 1 and lines[0] == "# airead baseline 1" and
           sorted(l.split("\t")[1] for l in lines if not l.startswith("#"))
           == ["arrow-symbol", "decorative-symbol"],
           "write-baseline: exit %s, %s" % (rc, lines))

    def with_base():
        # not quiet: entries that no longer occur are listed on stderr
        rc, out, err = run([airead, "check", "--no-config", "--lang", "en",
                            "--fail-level", "warning", "-f", "json",
                            "--baseline", base, d])
        return rc, json.loads(out), err.decode()

    rc, doc, err = with_base()
    s = doc["summary"]
    expect(rc == 0 and s["findings"] == 0 and
           s["baseline"] == {"accepted": 2, "gone": 0} and err == "",
           "baseline: same files: exit %s %s %r" % (rc, s, err))
    # positions change (paragraphs before, between): still accepted
    make_docx(a, ["새로 넣은 첫 문단입니다.", "화살표 → 하나.", "둘째 문단.",
                  "별 ★ 하나."])
    rc, doc, _ = with_base()
    expect(rc == 0 and doc["summary"]["baseline"]["accepted"] == 2,
           "baseline: moved findings not accepted: %s" % doc["summary"])
    # a new finding counts; a fixed one is reported as gone
    make_docx(a, ["새로 넣은 첫 문단입니다.", "화살표 → 하나.",
                  "이모지 ✅ 하나."])
    rc, doc, err = with_base()
    found = [f["rule"] for r in doc["files"] for f in r["findings"]]
    expect(rc == 1 and found == ["emoji"] and
           doc["summary"]["baseline"] == {"accepted": 1, "gone": 1} and
           "decorative-symbol" in err and "no longer occurs" in err,
           "baseline: new and gone: exit %s %s %s %r" %
           (rc, found, doc["summary"].get("baseline"), err))
    # a file that is gone: its entries no longer occur
    os.unlink(a)
    rc, doc, err = with_base()
    expect(rc == 0 and doc["summary"]["baseline"]["gone"] == 2 and
           err.count("no longer occurs") == 2,
           "baseline: removed file: %s %r" % (doc["summary"], err))
    # text report: the baseline line of the summary; --quiet: no list
    rc, out, err = check(airead, "--baseline", base, d)
    expect(b"baseline: 0 findings accepted, 2 entries no longer occur" in
           out and err == b"", "baseline: text summary %r" % out[-300:])
    # a damaged baseline is a usage error, not an empty baseline
    with open(base, "w") as f:
        f.write("not a baseline\n")
    rc, out, err = check(airead, "--baseline", base, d)
    expect(rc == 2 and out == b"" and err, "damaged baseline: exit %s" % rc)


if __name__ == "__main__":
    batchkit.main("rerun", run_all)
