"""Numbering facts of `airead dump` against the corpus (expected/*.json):
for every readable HWPX file, the records of the README's numbering
section, one per main-story paragraph with automatic numbering, a bullet,
an outline level or a heading style, must agree on paragraph index, kind,
level, list id, number format, level text (the pattern) or bullet
character, and style id and name. At least 99% of the files must agree;
every disagreement is listed in corpus-exemptions.tsv as fact "numbering".
Skipped (77) when the corpus is absent.
"""
import json
import os
import sys

import airtest

# airead's format names -> HWPX numFormat names.
HWPX_FORMATS = {
    "decimal": "DIGIT", "circled-decimal": "CIRCLED_DIGIT",
    "upper-roman": "ROMAN_CAPITAL", "lower-roman": "ROMAN_SMALL",
    "upper-letter": "LATIN_CAPITAL", "lower-letter": "LATIN_SMALL",
    "circled-letter": "CIRCLED_LATIN_SMALL",
    "hangul-syllable": "HANGUL_SYLLABLE",
    "circled-hangul-syllable": "CIRCLED_HANGUL_SYLLABLE",
    "hangul-jamo": "HANGUL_JAMO",
    "circled-hangul-jamo": "CIRCLED_HANGUL_JAMO",
    "hangul-digit": "HANGUL_PHONETIC", "ideograph": "IDEOGRAPH",
    "circled-ideograph": "CIRCLED_IDEOGRAPH", "none": None,
}


def mine(dump):
    out = []
    for p in airtest.walk(dump.get("body", ())):
        if p["kind"] != "para" or p.get("story") != "main":
            continue
        lst, style = p.get("list"), p.get("style") or {}
        if lst:
            r = {"para_index": p["seq"], "kind": lst["kind"],
                 "level": lst["level"], "id": str(lst["id"])}
            if lst["kind"] == "bullet":
                r["bullet_char"] = lst.get("pattern") or ""
            else:
                r["num_format"] = HWPX_FORMATS.get(lst["format"], "?")
                r["num_text"] = lst.get("pattern")
        elif p.get("heading"):
            r = {"para_index": p["seq"], "kind": "heading-style"}
        else:
            continue
        r["style_id"], r["style_name"] = style.get("id"), style.get("name")
        out.append(r)
    return out


def theirs(exp):
    out = []
    for x in exp["numbering"]:
        r = {"para_index": x["para_index"], "kind": x["kind"]}
        if x["kind"] != "heading-style":
            r["level"] = x["level"]
            r["id"] = x.get("numbering_id", x.get("id_ref"))
        if x["kind"] == "bullet":
            r["id"] = x.get("id_ref")
            r["bullet_char"] = x.get("bullet_char", "")
        elif x["kind"] in ("number", "outline"):
            r["num_format"] = x.get("num_format")
            r["num_text"] = x.get("num_text")
        r["style_id"], r["style_name"] = x.get("style_id"), x.get("style_name")
        out.append(r)
    return out


def compare(item, airead):
    ident, _, path, exp = item
    rc, out, _ = airtest.run([airead, "dump", path], timeout=30)
    if rc != 0:
        return ident, "exit status %s" % rc
    got, want = mine(json.loads(out)), theirs(exp)
    if len(got) != len(want):
        return ident, "%d records, expected %d" % (len(got), len(want))
    for g, w in zip(got, want):
        g = {k: g.get(k) for k in w}
        if g != w:
            return ident, "airead %s, expected %s" % (g, w)
    return ident, None


def main():
    a = airtest.args()
    if not airtest.have_corpus(a.corpus):
        print("corpus absent: skipped")
        return airtest.SKIP
    items = [x for x in airtest.corpus_files(a.corpus, ("hwpx",))
             if x[3] is not None and x[3]["ok"]]
    if a.only:
        keep = set(a.only.split(","))
        items = [x for x in items if x[0] in keep]
    exfile = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                          "corpus-exemptions.tsv")
    exempt = {k for k in airtest.load_exemptions(exfile)
              if k[1] == "numbering"}
    results = airtest.pmap(lambda it: compare(it, a.airead), items)
    differ = [(i, why) for i, why in results if why]
    bad = [(i, why) for i, why in differ if (i, "numbering") not in exempt]
    ids = {i for i, _ in results}
    stale = [k for k in exempt if k[0] in ids and
             k[0] not in {i for i, _ in differ}]
    for i, why in bad:
        print("%s numbering: %s" % (i, why))
    for k in stale:
        print("stale exemption (agrees now): %s %s" % k)
    rate = 1 - len(differ) / max(len(results), 1)
    print("%d readable HWPX files, numbering agrees on %.1f%% (%d differ)"
          % (len(results), 100 * rate, len(differ)))
    if bad or stale:
        return 1
    return 0 if rate >= 0.99 else 1


if __name__ == "__main__":
    sys.exit(main())
