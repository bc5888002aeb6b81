"""Running on many machines: --shard K/N (every file in exactly one part,
stable wherever the share is mounted), its defaults from Slurm job arrays
and Kubernetes Indexed Jobs, the filter mode (one line per path, at once),
`airead merge`, and GNU parallel over the shared corpus in --pipe mode and
in shard mode, whose merged summary must equal that of one process."""
import json
import os
import select
import shutil
import subprocess
import time

import airtest
import batchkit
from batchkit import expect, make_docx, run, sanitized


def run_all(a, tmp, samples):
    shards(a.airead, tmp, samples)
    filter_mode(a.airead, tmp, samples)
    merge(a.airead, tmp, samples)
    if not airtest.have_corpus(a.corpus):
        print("note: corpus absent, GNU parallel part skipped")
    elif not shutil.which("parallel"):
        print("note: GNU parallel absent, its part skipped")
    else:
        gnu_parallel(a.airead, tmp, a.corpus)


def check(airead, *args, **kw):
    return run([airead, "check", "--no-config"] + list(args), **kw)


def lines_of(out):
    """The file lines of a jsonl report, without its summary line."""
    return [l for l in out.splitlines() if "path" in json.loads(l)]


def paths(out):
    return [json.loads(l)["path"] for l in lines_of(out)]


def no_shard_env():
    env = dict(os.environ)
    for k in list(env):
        if k.startswith("SLURM_") or k in ("JOB_COMPLETION_INDEX",
                                           "AIREAD_SHARD_COUNT"):
            del env[k]
    return env


def shards(airead, tmp, samples):
    os.makedirs(os.path.join(tmp, "m1"))
    os.makedirs(os.path.join(tmp, "m2", "deeper"))
    one = os.path.join(tmp, "m1", "share")
    two = os.path.join(tmp, "m2", "deeper", "share")
    shutil.copytree(samples, one)
    shutil.copytree(samples, two)
    env = no_shard_env()
    _, whole, _ = check(airead, "-q", "-f", "jsonl", one, env=env)
    parts = {}
    for k in (1, 2, 3):
        _, out, _ = check(airead, "-q", "-f", "jsonl", "--shard",
                          "%d/3" % k, one, env=env)
        parts[k] = lines_of(out)
        # the same share mounted elsewhere: the same parts
        _, out2, _ = check(airead, "-q", "-f", "jsonl", "--shard",
                           "%d/3" % k, two, env=env)
        expect([os.path.relpath(p, two) for p in paths(out2)] ==
               [os.path.relpath(json.loads(l)["path"], one)
                for l in parts[k]],
               "shard %d/3 depends on where the share is" % k)
    every = sorted(l for k in parts for l in parts[k])
    expect(every == sorted(lines_of(whole)) and
           all(parts[k] for k in parts),
           "--shard 1..3/3: not every file exactly once (%s)" %
           {k: len(v) for k, v in parts.items()})
    rc, out, _ = check(airead, "-q", "-f", "jsonl", "--shard", "1/1", one,
                       env=env)
    expect(out == whole, "--shard 1/1 is not everything")
    for bad in ("0/3", "4/3", "3", "a/b", "1/0"):
        rc, out, err = check(airead, "--shard", bad, one, env=env)
        expect(rc == 2 and out == b"", "--shard %s: exit %s" % (bad, rc))

    # defaults from the environment of a job array
    def env_run(extra, *args):
        e = dict(env)
        e.update(extra)
        rc, out, err = check(airead, "-f", "jsonl", *(args + (one,)),
                             env=e)
        return rc, lines_of(out), err.decode()

    slurm = {"SLURM_ARRAY_TASK_ID": "7", "SLURM_ARRAY_TASK_MIN": "5",
             "SLURM_ARRAY_TASK_STEP": "2", "SLURM_ARRAY_TASK_COUNT": "3"}
    rc, got, err = env_run(slurm)
    expect(got == parts[2] and
           "shard 2/3 (from SLURM_ARRAY_TASK_ID)" in err,
           "Slurm task 7 of 5,7,9: %r" % err)
    rc, got, err = env_run({"SLURM_ARRAY_TASK_ID": "0",
                            "SLURM_ARRAY_TASK_COUNT": "3"})
    expect(got == parts[1], "Slurm task 0 of 3 is not part 1")
    rc, got, err = env_run(slurm, "--shard", "3/3")
    expect(got == parts[3] and "SLURM" not in err,
           "--shard does not win over Slurm")
    rc, got, err = env_run({"SLURM_ARRAY_TASK_ID": "3",
                            "SLURM_ARRAY_TASK_COUNT": "3"})
    expect(rc == 2 and not got and "--shard" in err,
           "Slurm task 3 of 0..2: exit %s %r" % (rc, err))
    k8s = {"JOB_COMPLETION_INDEX": "2"}
    rc, got, err = env_run(k8s, "--shard-count", "3")
    expect(got == parts[3] and "(from JOB_COMPLETION_INDEX)" in err,
           "Indexed Job 2 of 3: %r" % err)
    rc, got, err = env_run(dict(k8s, AIREAD_SHARD_COUNT="3"), "-q")
    expect(got == parts[3] and err == "",
           "Indexed Job with AIREAD_SHARD_COUNT (and -q: no note)")
    rc, got, err = env_run(k8s)
    expect(sorted(got) == sorted(lines_of(whole)) and
           "no shard count" in err,
           "Indexed Job without a count: not the whole share, or silent")
    rc, got, err = env_run(k8s, "--shard-count", "2")
    expect(rc == 2 and not got, "index 2 of 2 shards: exit %s" % rc)


def read_line(p, timeout):
    """One line of p's stdout within 'timeout' seconds, or None."""
    r, _, _ = select.select([p.stdout], [], [], timeout)
    return p.stdout.readline() if r else None


def filter_mode(airead, tmp, samples):
    clean = make_docx(os.path.join(tmp, "f-clean.docx"), ["문장입니다."])
    text = os.path.join(tmp, "notes.txt")
    with open(text, "w") as f:
        f.write("not a document\n")
    p = subprocess.Popen([airead, "check", "--no-config", "--filter"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=no_shard_env())
    try:
        got = []
        # a line comes back for each path while stdin is still open
        for path in (os.path.join(samples, "p2-symbols.hwpx"), clean, text,
                     os.path.join(tmp, "missing.docx")):
            p.stdin.write(path.encode() + b"\n")
            p.stdin.flush()
            line = read_line(p, 30)
            expect(line is not None, "--filter: no line for %s while "
                   "stdin is open" % path)
            got.append(json.loads(line))
        p.stdin.close()
        rest = p.stdout.read()
        p.wait(timeout=30)
    finally:
        if p.poll() is None:
            p.kill()
    expect([g["status"] for g in got] ==
           ["ok", "ok", "unreadable", "unreadable"] and
           got[0]["counts"]["error"] > 0 and
           got[2]["reason"] == "not-a-document" and
           got[3]["reason"] == "io-error",
           "--filter lines: %s" % [(g["status"], g.get("reason"))
                                   for g in got])
    # no summary line; status 0 though a file has errors and two are
    # unreadable (a pipeline stage fails its task otherwise)
    expect(rest == b"" and p.returncode == 0,
           "--filter: exit %s, after the lines %r" % (p.returncode, rest))
    rc, out, _ = check(airead, "--filter", "-f", "json",
                       stdin=b"x\n")
    expect(rc == 2 and out == b"", "--filter -f json: exit %s" % rc)


def merge(airead, tmp, samples):
    share = os.path.join(tmp, "m1", "share")
    env = no_shard_env()
    runs = []
    for k in (1, 2, 3):
        out = os.path.join(tmp, "part%d.jsonl" % k)
        check(airead, "-q", "-f", "jsonl", "-o", out, "--shard",
              "%d/3" % k, share, env=env)
        runs.append(out)
    for fmt in ("json", "csv", "text"):
        rc1, single, _ = check(airead, "-q", "--lang", "en", "-f", fmt,
                               "--summary-only", share, env=env)
        rc2, merged, _ = run([airead, "merge", "--lang", "en", "-f", fmt,
                              "--summary-only"] + runs[::-1])
        expect(merged == single and rc1 == rc2 == 1,
               "merge -f %s --summary-only differs from one run" % fmt)
    _, single, _ = check(airead, "-q", "-f", "jsonl", share, env=env)
    rc, merged, _ = run([airead, "merge"] + runs)
    expect(sorted(lines_of(merged)) == sorted(lines_of(single)) and
           merged.splitlines()[-1] == single.splitlines()[-1],
           "merge: file lines or summary differ")
    # standard input, a path met twice, a damaged line
    with open(runs[0], "rb") as f:
        first = f.read()
    rc, out, err = run([airead, "merge", "-", runs[0]], stdin=first)
    expect(lines_of(out) == lines_of(run([airead, "merge", runs[0]])[1])
           and
           b"met more than once" in err, "merge: a path twice %r" % err)
    # the same report twice: its summary line counts once as well (the
    # non-documents skipped: README.md and make_samples.py)
    whole = os.path.join(tmp, "whole.jsonl")
    with open(whole, "wb") as f:
        f.write(single)
    _, once, _ = run([airead, "merge", whole])
    skipped = json.loads(once.splitlines()[-1])["summary"]["skipped"]
    rc, twice, err = run([airead, "merge", whole, whole])
    expect(skipped == 2 and twice == once and
           b"summary lines of runs met more than once" in err,
           "merge: a report twice: skipped %s, %r" %
           (json.loads(twice.splitlines()[-1])["summary"]["skipped"], err))
    bad = os.path.join(tmp, "bad.jsonl")
    with open(bad, "wb") as f:
        f.write(first.splitlines()[0] + b"\n{\"tool\": \"x\"}\n")
    rc, out, err = run([airead, "merge", bad])
    expect(rc == 3 and (bad + ":2").encode() in err,
           "merge: damaged line: exit %s %r" % (rc, err))


def gnu_parallel(airead, tmp, corpus):
    """GNU parallel over the corpus, in --pipe mode (paths cut into
    blocks, each checked by `airead check --filter`) and in shard mode
    (one `--shard K/N` run per job): the merged summaries equal those of
    one process. Under sanitizers, one file in eight."""
    files = os.path.join(corpus, "files")
    listing = sorted(os.path.join(d, n) for d, _, ns in os.walk(files)
                     for n in ns)
    if sanitized(airead):
        listing = listing[::8]
    lst = os.path.join(tmp, "list.txt")
    with open(lst, "w") as f:
        f.write("".join(p + "\n" for p in listing))
    env = no_shard_env()
    one = [airead, "check", "--no-config", "-q", "-j", "1"]

    def summary(out):
        return json.loads(out.splitlines()[-1])["summary"]

    t0 = time.time()
    _, single, _ = run(one + ["-f", "jsonl", "--files-from", lst],
                       env=env, timeout=900)
    t_single = time.time() - t0
    # --pipe: blocks of 40 paths, three jobs at a time, output unordered
    t0 = time.time()
    with open(lst, "rb") as f:
        rc, piped, err = run(["parallel", "--will-cite", "--pipe", "-N",
                              "40", "-j", "3"] + one + ["--filter"],
                             stdin=f.read(), env=env, timeout=900)
    t_pipe = time.time() - t0
    expect(rc == 0, "parallel --pipe: exit %s %r" % (rc, err[-300:]))
    pipe_out = os.path.join(tmp, "piped.jsonl")
    with open(pipe_out, "wb") as f:
        f.write(piped)
    _, merged, _ = run([airead, "merge", pipe_out])
    expect(len(lines_of(piped)) == len(listing) and
           sorted(lines_of(merged)) == sorted(lines_of(single)) and
           summary(merged) == summary(single),
           "parallel --pipe: merged summary differs from one run:\n%s\n%s"
           % (summary(merged), summary(single)))
    # shard mode: four shards of the folder, two jobs at a time
    args = ["--files-from", lst] if sanitized(airead) else [files]
    _, single, _ = run(one + ["-f", "jsonl"] + args, env=env, timeout=900)
    t0 = time.time()
    rc, sharded, err = run(["parallel", "--will-cite", "-j", "2"] + one +
                           ["-f", "jsonl", "--shard", "{}/4"] + args +
                           [":::", "1", "2", "3", "4"], env=env,
                           timeout=900)
    t_shard = time.time() - t0
    shard_out = os.path.join(tmp, "sharded.jsonl")
    with open(shard_out, "wb") as f:
        f.write(sharded)
    _, merged, _ = run([airead, "merge", shard_out])
    expect(sharded.count(b'"summary":') == 4 and
           sorted(lines_of(merged)) == sorted(lines_of(single)) and
           summary(merged) == summary(single),
           "parallel shards: merged summary differs from one run:\n%s\n%s"
           % (summary(merged), summary(single)))
    s = summary(merged)
    print("GNU parallel: %d files (%d unreadable, %d findings): one "
          "process %.1f s, --pipe -j3 %.1f s, 4 shards -j2 %.1f s; merged "
          "summaries equal" % (s["files"], s["unreadable"], s["findings"],
                               t_single, t_pipe, t_shard))


if __name__ == "__main__":
    batchkit.main("shards", run_all)
