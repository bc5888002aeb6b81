"""The hook contract (README "Hooks"): a path or stdin in, exactly one JSON
document on stdout, the exit status of the design (0, 1, 3; 2 with nothing
on stdout), no temporary files left, the time budget honoured; and the git
pre-commit hook the README shows, run for real in a test repository."""
import json
import os
import re
import shutil
import subprocess
import time

import airtest
import batchkit
from batchkit import expect, make_docx, run, sanitized


def run_all(a, tmp, samples):
    contract(os.path.abspath(a.airead), tmp, samples)
    if shutil.which("git"):
        git_hook(a, tmp, samples)
    else:
        print("note: git absent, the pre-commit hook is not run")


def listing(d):
    return sorted(os.path.relpath(os.path.join(r, n), d)
                  for r, ds, ns in os.walk(d) for n in ds + ns)


def contract(airead, tmp, samples):
    spool = os.path.join(tmp, "tmpdir")     # TMPDIR of every run
    work = os.path.join(tmp, "work")        # the hook's working folder
    docs = os.path.join(tmp, "docs")
    for d in (spool, work, docs):
        os.makedirs(d)
    clean = make_docx(os.path.join(docs, "clean.docx"), ["깨끗한 문장."])
    big = make_docx(os.path.join(docs, "big.docx"),
                    ["가나다라 문장입니다 → 화살표."], repeat=100000)
    text = os.path.join(docs, "notes.txt")
    with open(text, "w") as f:
        f.write("not a document\n")
    corrupt = os.path.join(docs, "cut.hwpx")
    with open(os.path.join(samples, "p2-symbols.hwpx"), "rb") as f:
        data = f.read()
    with open(corrupt, "wb") as f:
        f.write(data[:len(data) // 2])
    symbols = os.path.join(samples, "p2-symbols.hwpx")
    numbering = os.path.join(samples, "p4-numbering.docx")
    with open(symbols, "rb") as f:
        symbols_bytes = f.read()
    with open(big, "rb") as f:
        big_bytes = f.read()
    bad_conf = os.path.join(docs, "bad.yaml")
    with open(bad_conf, "w") as f:
        f.write("rules:\n  no-such-rule:\n    enabled: true\n")

    slow = 4 if sanitized(airead) else 1
    # (args, stdin, status, file status, reason, findings?)
    cases = [
        ([clean], None, 0, "ok", None, False),
        ([symbols], None, 1, "ok", None, True),
        ([numbering], None, 0, "ok", None, True),
        (["--fail-level", "warning", numbering], None, 1, "ok", None, True),
        (["--stdin-name", "결재/보고서.docx", "-"], symbols_bytes, 1, "ok",
         None, True),
        ([text], None, 3, "unreadable", "not-a-document", False),
        ([corrupt], None, 3, "unreadable", "corrupt", False),
        (["--time-budget", "1", "-"], big_bytes, 3, "unreadable", "timeout",
         False),
    ]
    for args, stdin, status, fstatus, reason, findings in cases:
        t0 = time.time()
        rc, out, err = run([airead, "check", "--no-config", "-f", "json"] +
                           args, stdin=stdin, cwd=work,
                           env={"TMPDIR": spool}, timeout=60)
        took = time.time() - t0
        what = " ".join(args)
        try:
            doc = json.loads(out)   # exactly one document, nothing after it
        except ValueError as e:
            airtest.fail("hook %s: stdout is not one JSON document (%s)" %
                         (what, e))
        f = doc["files"][0] if len(doc.get("files", [])) == 1 else {}
        expect(rc == status and f.get("status") == fstatus and
               f.get("reason") == reason and
               bool(f.get("findings")) == findings,
               "hook %s: exit %s, %s" % (what, rc, {k: f.get(k) for k in
                                                   ("status", "reason")}))
        expect(doc["tool"] == "airead" and
               re.fullmatch(r"\d+\.\d+", doc["schema_version"]) and
               doc["summary"]["files"] == 1, "hook %s: header" % what)
        expect(err == b"", "hook %s: stderr %r" % (what, err))
        expect(listing(spool) == [] and listing(work) == [],
               "hook %s: files left: %s %s" % (what, listing(spool),
                                               listing(work)))
        # loose bounds: the machine may be busy (the typical time of a
        # call is printed below)
        if "--time-budget" in args:
            expect(f["error"] == "-: over the time budget of 1 s" and
                   took < 1 + 5 * slow,
                   "time budget 1 s: took %.1f s, %s" % (took, f["error"]))
        elif took > 5 * slow:
            airtest.fail("hook %s: %.1f s (e-approval wants ~2 s)" %
                         (what, took))
    expect(json.loads(run([airead, "check", "--no-config", "-f", "json",
                           "--stdin-name", "결재/보고서.docx", "-"],
                          stdin=symbols_bytes)[1])["files"][0]["format"]
           == "hwpx", "stdin: the format is sniffed, not named")

    # usage and configuration errors: status 2, nothing on stdout
    for args in (["--format", "yaml", clean], ["--bogus", clean],
                 ["-c", bad_conf, clean], []):
        rc, out, err = run([airead, "check", "-f", "json"] + args, cwd=work,
                           env={"TMPDIR": spool})
        expect(rc == 2 and out == b"" and err.strip() and
               listing(work) == [],
               "hook %s: exit %s out %r" % (args, rc, out[:80]))

    # -o: the report in the file only, nothing else left
    rc, out, err = run([airead, "check", "--no-config", "-f", "json", "-o",
                        "report.json", symbols], cwd=work,
                       env={"TMPDIR": spool})
    with open(os.path.join(work, "report.json"), "rb") as f:
        doc = json.loads(f.read())
    expect(rc == 1 and out == b"" and listing(work) == ["report.json"] and
           listing(spool) == [] and doc["summary"]["files"] == 1,
           "hook -o: exit %s, %s" % (rc, listing(work)))
    t0 = time.time()
    for _ in range(5):
        run([airead, "check", "--no-config", "-f", "json", symbols])
    print("hook: %.0f ms a call (p2-symbols.hwpx)" %
          ((time.time() - t0) * 200))


def readme_hook(source):
    """The pre-commit hook shown in README.md."""
    with open(os.path.join(source, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    for block in re.findall(r"```sh\n(.*?)```", readme, re.S):
        if block.startswith("#!/bin/sh\n# .git/hooks/pre-commit"):
            return block
    airtest.fail("README.md shows no pre-commit hook")


def git_hook(a, tmp, samples):
    repo = os.path.join(tmp, "repo")
    os.makedirs(os.path.join(repo, "보고 서"))
    env = dict(os.environ, HOME=tmp, GIT_CONFIG_NOSYSTEM="1",
               XDG_CONFIG_HOME=os.path.join(tmp, "xdg"),
               PATH=os.path.dirname(os.path.abspath(a.airead)) + os.pathsep +
               os.environ.get("PATH", ""), LANG="C", LC_ALL="C")

    def git(*args):
        p = subprocess.run(["git"] + list(args), cwd=repo, env=env,
                           capture_output=True, timeout=120)
        return p.returncode, p.stdout + p.stderr

    def head():
        return git("rev-parse", "-q", "--verify", "HEAD")[1]

    git("init", "-q")
    git("config", "user.name", "시험")
    git("config", "user.email", "test@example.org")
    hook = os.path.join(repo, ".git", "hooks", "pre-commit")
    with open(hook, "w", encoding="utf-8") as f:
        f.write(readme_hook(a.source))
    os.chmod(hook, 0o755)

    def commit(msg, *paths, ok):
        for p in paths:
            git("add", "-A", p)
        before = head()
        rc, out = git("commit", "-q", "-m", msg)
        expect((rc == 0) == ok and (head() != before) == ok,
               "pre-commit %s: exit %s\n%s" % (msg, rc, out.decode()[-600:]))
        return out.decode()

    # a clean document whose name has a space, Hangul and upper case
    clean = os.path.join(repo, "보고 서", "깨끗한 보고서.DOCX")
    make_docx(clean, ["깨끗한 문장입니다."])
    with open(os.path.join(repo, "notes.txt"), "w") as f:
        f.write("not a document, not checked\n")
    commit("clean", ".", ok=True)
    # a document with errors stops the commit and is named (the
    # extension's case and a space in the name do not matter)
    bad = os.path.join(repo, "문서", "기호 파일.HWPX")
    os.makedirs(os.path.dirname(bad))
    shutil.copy(os.path.join(samples, "p2-symbols.hwpx"), bad)
    out = commit("symbols", "문서", ok=False)
    expect("문서/기호 파일.HWPX" in out and "symbol-font-glyph" in out,
           "pre-commit: the finding is not shown:\n%s" % out[-600:])
    # the staged version counts, not the working copy
    make_docx(bad, ["고친 문장입니다."])
    commit("staged still bad", ok=False)
    commit("fixed", "문서", ok=True)
    # a text file named like a document: unreadable, stops the commit
    fake = os.path.join(repo, "가짜.docx")
    with open(fake, "w") as f:
        f.write("plain text\n")
    out = commit("fake", "가짜.docx", ok=False)
    expect("가짜.docx" in out, "pre-commit: unreadable not named")
    git("rm", "-q", "--cached", "가짜.docx")
    os.unlink(fake)
    # deleting a document is not checked
    git("rm", "-q", os.path.join("문서", "기호 파일.HWPX"))
    commit("delete", ok=True)


if __name__ == "__main__":
    batchkit.main("hook", run_all)
