#!/usr/bin/env python3
"""Apply the gold convention for 科目 paths written in prose.

Convention (testdata/gold/README.md, "科目 paths in prose"): when a sentence
names a 科目 with the levels above it, e.g.
`行政事业单位离退休（类）未归口管理的行政单位离退休支出（项）271.45万元`, the
subject is the whole path as written (full-width brackets as ASCII), and the
item alone — with and without its marker — is in `also`.

For every fact and change of the department gold files whose subject carries
a (项)/(款) marker, the script reads the fact's line from
`budgetdoc text --lines` and, when the (类)/(款) levels stand right before the
subject on that line, writes the path as the subject. It changes nothing
else and is idempotent.

usage: scripts/gold-kemu-paths.py BUDGETDOC CORPUS_DIR GOLD.json...
"""
import json
import re
import subprocess
import sys

PATH_BEFORE = re.compile(r"(?:[\u4e00-\u9fff]+\((?:类|款)\))+$")
MARKER = re.compile(r"\((?:类|款|项)\)")


def norm(s):
    return s.replace("（", "(").replace("）", ")").replace(" ", "").replace("\u3000", "")


def lines_of(bd, doc):
    out = subprocess.run([bd, "text", "--lines", doc], capture_output=True, text=True, check=True).stdout
    lines = {}
    for row in out.splitlines():
        pos, _, text = row.partition("\t")
        lines[pos] = norm(text)
    return lines


def fix(entries, lines, with_also):
    n = 0
    for e in entries:
        subj = e.get("subject", "")
        if "(项)" not in subj and "(款)" not in subj:
            continue
        line = lines.get(f"{e['page']}:{e['line']}", "")
        i = line.find(subj)
        if i < 0:
            continue
        m = PATH_BEFORE.search(line[:i])
        if not m:
            continue
        path = m.group(0) + subj
        also = [subj, MARKER.sub("", subj)] + [a for a in e.get("also", []) if a not in (subj, path)]
        e["subject"] = path
        if with_also:  # a change's subject is informational: no also
            e["also"] = list(dict.fromkeys(a for a in also if a != path))
        n += 1
    return n


def main():
    bd, corpus, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    for f in files:
        with open(f, encoding="utf-8") as fh:
            gold = json.load(fh)
        lines = lines_of(bd, f"{corpus}/{gold['document']}")
        n = fix(gold.get("facts", []), lines, True) + fix(gold.get("changes", []), lines, False)
        if n:
            with open(f, "w", encoding="utf-8") as fh:
                json.dump(gold, fh, ensure_ascii=False, indent=1)
                fh.write("\n")
        print(f"{f}: {n} subjects written as paths")


main()
