"""airtest -- helpers shared by the scripted tests (stdlib only).

Every scripted test is run by ctest as
    python3 test_x.py --airead BIN --fixtures DIR --source DIR --corpus DIR
and exits 0 (pass), 1 (fail) or 77 (skipped: e.g. the corpus is absent).
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile
import threading

SKIP = 77


def args():
    p = argparse.ArgumentParser()
    p.add_argument("--airead", required=True)
    p.add_argument("--fixtures", default="")
    p.add_argument("--source", default="")
    p.add_argument("--corpus", default="")
    p.add_argument("--only", default="", help="comma-separated corpus ids")
    p.add_argument("-v", "--verbose", action="store_true")
    return p.parse_args()


def run(cmd, timeout=60, stdin=None):
    """Runs cmd; returns (exit status or 'timeout'/'signal N', stdout, stderr)."""
    try:
        p = subprocess.run(cmd, input=stdin, capture_output=True,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout", b"", b""
    rc = p.returncode
    if rc < 0:
        rc = "signal %d" % -rc
    return rc, p.stdout, p.stderr



def measured_run(cmd, timeout, keep_stdout=False, env=None):
    """Runs cmd alone, killed after timeout seconds; returns (status, stdout,
    stderr, CPU seconds, max RSS in KiB) of that one process. status is the
    exit status, 'timeout' or 'signal N'; stdout is b"" unless kept."""
    with tempfile.TemporaryFile() as o, tempfile.TemporaryFile() as e:
        p = subprocess.Popen(cmd, stdout=o if keep_stdout else
                             subprocess.DEVNULL, stderr=e,
                             stdin=subprocess.DEVNULL, env=env)
        timer = threading.Timer(timeout, p.kill)
        timer.start()
        _, status, ru = os.wait4(p.pid, 0)
        timed_out = not timer.is_alive()
        timer.cancel()
        p.returncode = 0  # reaped above
        o.seek(0)
        e.seek(0)
        out, err = o.read(), e.read()
    if timed_out:
        rc = "timeout"
    elif os.WIFSIGNALED(status):
        rc = "signal %d" % os.WTERMSIG(status)
    else:
        rc = os.WEXITSTATUS(status)
    return rc, out, err, ru.ru_utime + ru.ru_stime, ru.ru_maxrss

def corpus_files(corpus, formats=("hwpx", "docx", "hwp")):
    """Yields (id, format, path, expected-or-None) for the shared corpus."""
    out = []
    for fmt in formats:
        d = os.path.join(corpus, "files", fmt)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            ident = name.split(".")[0]
            exp_path = os.path.join(corpus, "expected", ident + ".json")
            exp = None
            if os.path.exists(exp_path):
                with open(exp_path, encoding="utf-8") as f:
                    exp = json.load(f)
            out.append((ident, fmt, os.path.join(d, name), exp))
    return out


def have_corpus(corpus):
    return corpus and os.path.isfile(os.path.join(corpus, "MANIFEST.tsv"))


def pmap(fn, items, workers=None):
    workers = workers or max(2, os.cpu_count() or 2)
    with concurrent.futures.ThreadPoolExecutor(workers) as ex:
        return list(ex.map(fn, items))


# ---- facts from `airead dump` ------------------------------------------

def walk(nodes):
    for n in nodes:
        yield n
        yield from walk(n.get("children", ()))


def _cell_field(cell):
    """A cell as one field: the non-empty text of its paragraphs, nested
    tables flattened into their cells' paragraphs, joined by a space."""
    parts = []
    _cell_parts(cell, parts)
    s = " ".join(p for p in parts if p)
    return s.replace("\t", " ").replace("\n", " ")


def _cell_parts(node, parts):
    for b in node.get("children", ()):
        if b["kind"] == "para":
            for piece in _para_parts(b, flat=True):
                if isinstance(piece, str):
                    parts.append(piece)
                else:
                    _cell_parts(piece, parts)
        elif b["kind"] in ("table", "row", "cell"):
            _cell_parts(b, parts)


def _table_rows(t):
    rows = []
    for r in t.get("children", ()):
        if r["kind"] != "row":
            continue
        rows.append("\t".join(_cell_field(c) for c in r.get("children", ())
                              if c["kind"] == "cell"))
    return rows


def _para_parts(p, flat=False):
    """Main-story lines of one paragraph: its text, with inline tables
    (HWPX) cutting it into non-blank pieces around the table rows (with
    'flat', the tables themselves instead of their rows)."""
    text = p.get("text", "")
    tables = [c for c in p.get("children", ()) if c["kind"] == "table"
              and c.get("story") == "main"]
    if not tables:
        return [text]
    out = []
    pos = 0
    b = text.encode("utf-8")
    for t in tables:
        a = t.get("anchor", 0)
        piece = b[pos:a].decode("utf-8", "replace")
        if piece.strip():
            out.append(piece)
        if flat:
            out.append(t)
        else:
            out.extend(_table_rows(t))
        pos = a
    piece = b[pos:].decode("utf-8", "replace")
    if piece.strip():
        out.append(piece)
    return out


def main_lines(dump):
    """The main-story blocks as (text, is_table_row) in reading order."""
    out = []
    for sec in dump.get("body", ()):
        for b in sec.get("children", ()):
            if b.get("story") != "main":
                continue
            if b["kind"] == "para":
                for piece in _para_parts(b, flat=True):
                    if isinstance(piece, str):
                        out.append((piece, False))
                    else:
                        out.extend((r, True) for r in _table_rows(piece))
            elif b["kind"] == "table":
                out.extend((r, True) for r in _table_rows(b))
    return out


def main_text(dump):
    """The main-story plain text as the corpus README defines it."""
    return "\n".join(t for t, _ in main_lines(dump))


# C0 controls but tab and newline, DEL and C1 controls: airead's model maps
# them to spaces on purpose (src/model/model.h); the corpus text keeps them.
_CONTROLS = {c: " " for c in list(range(0x20)) + list(range(0x7F, 0xA0))
             if c not in (0x09, 0x0A)}


def _squeeze_fields(row):
    return "\t".join("".join(f.split()) for f in row.split("\t"))


def text_agrees(lines, expected):
    """Compares main_lines() with the corpus text on their common ground:
    - control characters other than tab and newline count as spaces;
    - spacing inside a table cell field is not compared: the corpus
      extractor joins every text run of a cell with a space (a DOCX cell
      "<w:t>Pro</w:t><w:t>du</w:t><w:t>cts</w:t>" gives "Pro du cts"),
      while airead joins the cell's paragraphs as the README says."""
    exp = expected.translate(_CONTROLS)
    mine = "\n".join(t for t, _ in lines)
    if mine == exp:
        return True
    exp_lines = exp.split("\n")
    # Paragraph text may hold manual breaks: compare line by line.
    flat = []
    for t, row in lines:
        flat.extend((piece, row) for piece in t.split("\n"))
    if len(flat) != len(exp_lines):
        return False
    for (t, row), e in zip(flat, exp_lines):
        if t != e and not (row and _squeeze_fields(t) == _squeeze_fields(e)):
            return False
    return True


def facts(dump):
    """The facts compared with expected/*.json, computed from a dump."""
    nodes = list(walk(dump.get("body", ())))
    tables = [n for n in nodes if n["kind"] == "table"]
    paras = [n for n in nodes if n["kind"] == "para"]
    return {
        "tables": len(tables),
        "tables_main": sum(1 for t in tables if t.get("story") == "main"),
        "nested_tables": sum(1 for t in tables if t.get("depth", 0) > 0),
        "merged_cells": sum(t.get("merges", 0) for t in tables),
        "manual_line_breaks": sum(p.get("breaks", 0) for p in paras),
        "paragraphs": sum(1 for p in paras if p.get("story") == "main"),
        "metadata": dump.get("metadata", {}),
        "text": main_text(dump),
        "text_lines": main_lines(dump),
        "table_shapes": [(t.get("depth", 0), t.get("rows"), t.get("cols"))
                         for t in tables],
    }


def rules_config(airead, enabled, directory=None):
    """Writes a configuration enabling exactly the rule ids in 'enabled'
    (every other rule of `airead rules` off) and returns its path; the
    caller removes it. Counts in tests stay exact when rules are added."""
    import tempfile
    rc, out, _ = run([airead, "rules", "--format", "json"])
    if rc != 0:
        fail("airead rules --format json: exit %s" % rc)
    ids = [r["id"] for r in json.loads(out)["rules"]]
    fd, path = tempfile.mkstemp(suffix=".yaml", dir=directory)
    with os.fdopen(fd, "w") as f:
        f.write("rules:\n" + "".join(
            "  %s: %s\n" % (i, "on" if i in enabled else "off")
            for i in ids))
    return path


def load_exemptions(path):
    """corpus-exemptions.tsv as {(id, fact): reason}; a line without a
    reason fails the test."""
    ex = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            ident, fact, reason = line.split("\t", 2)
            if not reason.strip():
                fail("exemption without a reason: " + line)
            ex[(ident, fact)] = reason
    return ex


def report_agreement(results, facts, exemptions, a, title, base, minimum,
                     noun, population, stale_wanted=lambda key: True):
    """Prints the outcome of comparing facts over many items and returns the
    exit status. 'results' is [(id, {fact: why it differs})]; 'exemptions'
    comes from load_exemptions(). Every difference that no exemption
    explains is printed (the exempt ones too with --verbose), then every
    exemption that agrees now (only those 'stale_wanted' keeps, and under
    --only those whose id is among the ids asked for), then 'title' and
    each fact's agreement rate over base(fact) items. Fails (1) on an
    unexplained difference ("unexplained <noun>"), a stale exemption, or a
    fact agreeing on less than 'minimum' of <population>."""
    bad = 0
    seen = set()
    per_fact = {f: 0 for f in facts}
    for ident, diffs in results:
        for fact, why in diffs.items():
            per_fact[fact] += 1
            seen.add((ident, fact))
            if (ident, fact) not in exemptions:
                bad += 1
                print("%s %s: %s" % (ident, fact, why))
            elif a.verbose:
                print("(exempt) %s %s: %s" % (ident, fact, why))
    only = set(a.only.split(",")) if a.only else None
    stale = [k for k in exemptions if k not in seen and stale_wanted(k) and
             (only is None or set(k[0].split("/")) & only)]
    for k in stale:
        print("stale exemption (agrees now): %s %s" % k)
    print(title)
    worst = 1.0
    for fact in facts:
        rate = 1 - per_fact[fact] / max(base(fact), 1)
        worst = min(worst, rate)
        print("  %-20s %5.1f%% agree (%d differ)" % (fact, 100 * rate,
                                                     per_fact[fact]))
    if bad or stale:
        print("FAIL: %d unexplained %s, %d stale exemptions"
              % (bad, noun, len(stale)))
        return 1
    if worst < minimum:
        print("FAIL: a fact agrees on less than %g%% of %s"
              % (100 * minimum, population))
        return 1
    return 0


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def findings_by_seq(airead, path, rules, config=("--no-config",)):
    """Checks 'path' and places the findings of the rule ids in 'rules' at
    the main-story paragraph they are about (the dump's seq, matched by
    location). Returns (dump, Counter {(seq, rule): n}, {seq: text}), or
    an error string."""
    import collections
    rc, out, err = run([airead, "dump", path], timeout=120)
    if rc != 0:
        return "dump failed (%s): %s" % (rc, err.decode(errors="replace"))
    dump = json.loads(out)

    def key(loc):
        return (loc.get("section", 0), loc.get("table", 0),
                loc.get("row", 0), loc.get("col", 0),
                loc.get("para", loc.get("paragraph", 0)))

    by_loc, text = {}, {}
    for n in walk(dump.get("body", ())):
        if n.get("kind") == "para" and n.get("story") == "main" \
                and "seq" in n:
            by_loc[key(n.get("loc", {}))] = n["seq"]
            text[n["seq"]] = n.get("text", "")
    rc, out, err = run([airead, "check"] + list(config) +
                       ["--format", "json", "--fail-level", "none", path],
                       timeout=120)
    if rc != 0:
        return "check failed (%s): %s" % (rc, err.decode(errors="replace"))
    found = collections.Counter()
    for f in json.loads(out)["files"]:
        for x in f.get("findings", ()):
            loc = x["location"]
            if x["rule"] in rules and loc.get("story") == "main":
                found[(by_loc.get(key(loc)), x["rule"])] += 1
    return dump, found, text


def report_and_exit_status(problems, notes, verbose):
    """Prints the notes (when verbose) and one FAIL line per problem;
    returns the exit status."""
    if verbose:
        for n in notes:
            print(n)
    for p in problems:
        print("FAIL:", p)
    return 1 if problems else 0
