"""`airead check` inputs for batch runs: folder walks (order, content
sniffing: non-documents skipped and counted, named ones reported), hidden
files, FIFOs, symbolic links (not followed unless asked; loops cut),
--include/--exclude, --files-from (newline, NUL, stdin), a document on
stdin with its format sniffed and --stdin-name, unreadable folders."""
import os
import shutil
import zipfile

import batchkit
from batchkit import expect, jsonl, make_docx, run


def tree(tmp, samples):
    """A share with documents and the things shares also hold."""
    root = os.path.join(tmp, "share")
    os.makedirs(os.path.join(root, "sub", "deeper"))
    os.makedirs(os.path.join(root, "archive"))
    outside = os.path.join(tmp, "outside")
    os.makedirs(outside)
    make_docx(os.path.join(root, "a.docx"), ["깨끗한 문장입니다."])
    shutil.copy(os.path.join(samples, "p2-symbols.hwpx"),
                os.path.join(root, "b.hwpx"))
    make_docx(os.path.join(root, "sub", "c.docx"), ["화살표 → 하나."])
    make_docx(os.path.join(root, "sub", "deeper", "d.docx"), ["문장."])
    make_docx(os.path.join(root, "archive", "old.docx"), ["옛 문장."])
    make_docx(os.path.join(root, ".hidden.docx"), ["숨은 문장."])
    make_docx(os.path.join(outside, "out.docx"), ["바깥 문장."])
    with open(os.path.join(root, "notes.txt"), "w") as f:
        f.write("not a document\n")
    with open(os.path.join(root, "fake.hwpx"), "w") as f:
        f.write("text named like a document\n")
    with open(os.path.join(root, "pic.png"), "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    with open(os.path.join(root, "doc.pdf"), "wb") as f:
        f.write(b"%PDF-1.7\n")
    with open(os.path.join(root, "~$lock.docx"), "wb") as f:
        f.write(b"\x08user\0\0\0")
    with zipfile.ZipFile(os.path.join(root, "zipnotdoc.docx"), "w") as z:
        z.writestr("readme.txt", "an archive, not a document")
    with zipfile.ZipFile(os.path.join(root, "book.xlsx"), "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    os.mkfifo(os.path.join(root, "pipe"))
    os.symlink(os.path.join(root, "a.docx"), os.path.join(root, "link.docx"))
    os.symlink(outside, os.path.join(root, "link-out"))
    os.symlink(root, os.path.join(root, "sub", "loop"))
    return root


# notes.txt fake.hwpx pic.png doc.pdf ~$lock.docx zipnotdoc.docx book.xlsx
# pipe link.docx link-out sub/loop
SKIPPED = 11


def check(airead, *args, **kw):
    return run([airead, "check", "--no-config", "-f", "jsonl"] + list(args),
               **kw)


def rel(root, recs):
    return [os.path.relpath(r["path"], root) for r in recs]


def run_all(airead, tmp, samples):
    root = tree(tmp, samples)

    # ---- a walk: documents in order, the rest skipped and counted
    rc, out, err = check(airead, root, timeout=60)
    files, summary = jsonl(out)
    expect(rel(root, files) == ["a.docx", "b.hwpx", "archive/old.docx",
                                "sub/c.docx", "sub/deeper/d.docx"],
           "walk: files %s" % rel(root, files))
    expect(all(f["status"] == "ok" for f in files), "walk: unreadable?")
    expect(summary["skipped"] == SKIPPED and summary["files"] == 5,
           "walk: skipped %s, files %s" % (summary["skipped"],
                                            summary["files"]))
    # b.hwpx has symbol-font errors
    expect(rc == 1 and not err, "walk: exit %s, stderr %r" % (rc, err))
    # text names them as well
    rc, out, _ = run([airead, "check", "--no-config", "--lang", "en", root])
    expect(b"%d skipped (not documents)" % SKIPPED in out,
           "text summary: skipped count missing")

    # ---- named files are always tried and reported
    rc, out, _ = check(airead, os.path.join(root, "fake.hwpx"),
                       os.path.join(root, "a.docx"))
    files, summary = jsonl(out)
    expect(rc == 3 and files[0]["reason"] == "not-a-document" and
           summary["skipped"] == 0 and files[1]["status"] == "ok",
           "named non-document: exit %s, %s" % (rc, files))

    # ---- filters: relative to the folder given
    rc, out, _ = check(airead, "--exclude", "archive", "--exclude",
                       "sub/deeper/*", root)
    expect(rel(root, jsonl(out)[0]) == ["a.docx", "b.hwpx", "sub/c.docx"],
           "--exclude: %s" % rel(root, jsonl(out)[0]))
    rc, out, _ = check(airead, "--include", "*.hwpx", root)
    expect(rel(root, jsonl(out)[0]) == ["b.hwpx"], "--include *.hwpx")
    rc, out, _ = check(airead, "--include", "sub/*", "--exclude", "d.*",
                       root)
    expect(rel(root, jsonl(out)[0]) == ["sub/c.docx"],
           "--include sub/* --exclude d.*")

    # ---- symbolic links: followed only when asked, loops cut
    rc, out, err = check(airead, "--follow-symlinks", root, timeout=60)
    files, summary = jsonl(out)
    got = rel(root, files)
    expect("link.docx" in got and "link-out/out.docx" in got,
           "--follow-symlinks: %s" % got)
    expect(len(got) == len(set(got)) and rc == 1,
           "--follow-symlinks: a folder walked twice: %s" % got)
    # the loop back to the root is cut, not walked again
    expect(not any(p.startswith("sub/loop") for p in got),
           "--follow-symlinks: loop walked: %s" % got)

    # ---- --files-from: newline, NUL, stdin; a listed folder is walked
    spaced = os.path.join(tmp, "이름 에 공백.docx")
    make_docx(spaced, ["문장."])
    lst = os.path.join(tmp, "list.txt")
    with open(lst, "w") as f:
        f.write("%s\r\n\n%s\n" % (spaced, os.path.join(root, "sub")))
    rc, out, _ = check(airead, "--files-from", lst)
    got = [r["path"] for r in jsonl(out)[0]]
    expect(got == [spaced, os.path.join(root, "sub", "c.docx"),
                   os.path.join(root, "sub", "deeper", "d.docx")],
           "--files-from: %s" % got)
    odd = os.path.join(tmp, "줄\n바꿈.docx")
    make_docx(odd, ["문장."])
    rc, out, _ = check(airead, "-0", "--files-from", "-",
                       stdin=(spaced + "\0" + odd + "\0").encode())
    got = [r["path"] for r in jsonl(out)[0]]
    expect(got == [spaced, odd], "-0 --files-from -: %s" % got)
    rc, out, err = check(airead, "--files-from", "-", "-", stdin=b"")
    expect(rc == 2, "'-' and --files-from - together: exit %s" % rc)
    rc, out, _ = check(airead, "--files-from", os.path.join(tmp, "nope"))
    files, _ = jsonl(out)
    expect(rc == 3 and files and files[0]["reason"] == "io-error",
           "--files-from missing: exit %s %s" % (rc, files))

    # ---- a document on stdin: format sniffed, name given
    with open(os.path.join(samples, "p2-symbols.hwpx"), "rb") as f:
        data = f.read()
    rc, out, _ = check(airead, "-", stdin=data)
    files, _ = jsonl(out)
    expect(files[0]["path"] == "-" and files[0]["format"] == "hwpx" and
           files[0]["findings"], "stdin: %s" % files[0].get("format"))
    rc, out, _ = check(airead, "--stdin-name", "결재/보고서.hwpx", "-",
                       stdin=data)
    expect(jsonl(out)[0][0]["path"] == "결재/보고서.hwpx", "--stdin-name")
    rc, out, _ = check(airead, "-", stdin=b"plain text on stdin\n")
    files, _ = jsonl(out)
    expect(rc == 3 and files[0]["reason"] == "not-a-document",
           "stdin text: exit %s" % rc)

    # ---- a folder that cannot be read: reported, the walk goes on
    if os.geteuid() == 0:
        print("note: running as root, unreadable folders not tried")
        return
    locked = os.path.join(root, "sub", "locked")
    os.makedirs(locked)
    os.chmod(locked, 0)
    rc, out, _ = check(airead, root)
    files, _ = jsonl(out)
    bad = [f for f in files if f["status"] != "ok"]
    expect(rc == 3 and len(bad) == 1 and bad[0]["reason"] == "io-error" and
           bad[0]["path"] == locked and len(files) == 6,
           "unreadable folder: exit %s %s" % (rc, bad))


if __name__ == "__main__":
    batchkit.main("inputs",
                  lambda a, tmp, samples: run_all(a.airead, tmp, samples))
