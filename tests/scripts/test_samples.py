"""samples/: the committed documents are what samples/make_samples.py
writes (same entries in the same order, same bytes once inflated; the
deflated bytes may differ with the zlib version), HWPX packages start with
a stored `mimetype`, and every XML part is well-formed."""
import os
import subprocess
import sys
import tempfile
import xml.dom.minidom
import zipfile

import airtest


def check_package(path, fresh):
    problems = []
    name = os.path.basename(path)
    with zipfile.ZipFile(path) as z, zipfile.ZipFile(fresh) as f:
        if z.namelist() != f.namelist():
            problems.append("%s: entries differ from the generator's" % name)
        for n in z.namelist():
            if n in f.namelist() and z.read(n) != f.read(n):
                problems.append("%s: %s differs from the generator's"
                                % (name, n))
            if n.endswith((".xml", ".rels", ".hpf")):
                try:
                    xml.dom.minidom.parseString(z.read(n))
                except Exception as e:  # noqa: BLE001 (any parse error)
                    problems.append("%s: %s: %s" % (name, n, e))
        if name.endswith(".hwpx"):
            first = z.infolist()[0]
            if first.filename != "mimetype" or \
                    first.compress_type != zipfile.ZIP_STORED or \
                    z.read("mimetype") != b"application/hwp+zip":
                problems.append("%s: mimetype is not first and stored" % name)
    return problems


def main():
    a = airtest.args()
    src = os.path.join(a.source, "samples")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, os.path.join(src, "make_samples.py"),
                        tmp], check=True, capture_output=True)
        made = sorted(os.listdir(tmp))
        have = sorted(n for n in os.listdir(src)
                      if n.endswith((".hwpx", ".docx")))
        problems = []
        if made != have:
            problems.append("samples/ holds %s, the script makes %s"
                            % (have, made))
        for n in have:
            if n in made:
                problems += check_package(os.path.join(src, n),
                                          os.path.join(tmp, n))
    for p in problems:
        print(p)
    print("%d samples, %d problems" % (len(have), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
