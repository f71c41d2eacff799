#!/usr/bin/env python3
"""Agreement between two labelling passes of a stance-labelled set (and each against a gold set).

Usage:
    python3 Scripts/agreement.py A.tsv B.tsv [GOLD.tsv] [--markdown]

Each file is a labels.tsv as described in FORMATS.md section 5:
    file<TAB>index<TAB>country<TAB>stance<TAB>title     (header row optional)
one row per (article, country); stance is favorable | neutral | unfavorable.

Reported, for A vs B (and, given GOLD, for A vs GOLD and B vs GOLD):
  (a) detection: pairs (file, index, country) in both, only in the first, only in the second;
      Jaccard = |both| / |union|; F1 of the second against the first
      (precision = |both| / |second|, recall = |both| / |first|, F1 = 2|both| / (|first| + |second|)).
  (b) stance on the pairs both have: raw agreement, Cohen's kappa over the three labels,
      the 3x3 confusion matrix (rows = first, columns = second).
  (c) Cohen's kappa over the union of pairs with a fourth label "absent" for a pair one side lacks.
  Per file: pairs, common pairs, stance raw agreement and kappa on the common pairs.

Standard library only.
"""

import sys
from collections import Counter, OrderedDict

STANCES = ("favorable", "neutral", "unfavorable")
ABSENT = "absent"
LABELS4 = STANCES + (ABSENT,)


def die(msg):
    sys.stderr.write("agreement.py: error: " + msg + "\n")
    sys.exit(2)


def load(path):
    """Return (labels, titles): labels maps (file, index, country) -> stance."""
    labels = OrderedDict()
    titles = {}
    try:
        with open(path, encoding="utf-8-sig") as fh:
            lines = fh.read().splitlines()
    except OSError as exc:
        die("cannot read %s: %s" % (path, exc))
    except UnicodeDecodeError:
        die("%s is not UTF-8" % path)
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        cols = line.split("\t")
        if n == 1 and cols[0].strip().lower() == "file":
            continue  # header row
        if len(cols) < 4:
            die("%s:%d: expected file, index, country, stance[, title]; got %r" % (path, n, line))
        fname, idx, country, stance = (c.strip() for c in cols[:4])
        title = cols[4].strip() if len(cols) > 4 else None
        try:
            idx = int(idx)
        except ValueError:
            die("%s:%d: index %r is not an integer" % (path, n, idx))
        if stance not in STANCES:
            die("%s:%d: stance %r is not one of %s" % (path, n, stance, ", ".join(STANCES)))
        if not country:
            die("%s:%d: empty country code" % (path, n))
        key = (fname, idx, country)
        if key in labels:
            die("%s:%d: duplicate row for %s:%d %s" % (path, n, fname, idx, country))
        labels[key] = stance
        if title is not None:
            prev = titles.setdefault((fname, idx), title)
            if prev != title:
                die("%s:%d: title differs from an earlier row of %s:%d" % (path, n, fname, idx))
    return labels, titles


def kappa(pairs, categories):
    """Cohen's kappa for a list of (label1, label2). Returns (kappa or None, po, pe)."""
    n = len(pairs)
    if n == 0:
        return None, None, None
    po = sum(1 for a, b in pairs if a == b) / n
    c1 = Counter(a for a, _ in pairs)
    c2 = Counter(b for _, b in pairs)
    pe = sum(c1[c] * c2[c] for c in categories) / (n * n)
    if pe == 1.0:
        # both raters used one and the same label throughout: kappa is undefined
        return (1.0 if po == 1.0 else None), po, pe
    return (po - pe) / (1 - pe), po, pe


def compare(first, second):
    k1, k2 = set(first), set(second)
    both = sorted(k1 & k2)
    only1 = sorted(k1 - k2)
    only2 = sorted(k2 - k1)
    union = sorted(k1 | k2)
    res = OrderedDict()
    res["n_first"] = len(k1)
    res["n_second"] = len(k2)
    res["both"] = both
    res["only_first"] = only1
    res["only_second"] = only2
    res["jaccard"] = len(both) / len(union) if union else None
    res["precision"] = len(both) / len(k2) if k2 else None
    res["recall"] = len(both) / len(k1) if k1 else None
    res["f1"] = 2 * len(both) / (len(k1) + len(k2)) if (k1 or k2) else None
    stance_pairs = [(first[k], second[k]) for k in both]
    res["kappa3"], res["raw3"], res["pe3"] = kappa(stance_pairs, STANCES)
    res["n_agree3"] = sum(1 for a, b in stance_pairs if a == b)
    res["confusion"] = Counter(stance_pairs)
    res["stance_diff"] = [k for k in both if first[k] != second[k]]
    pairs4 = [(first.get(k, ABSENT), second.get(k, ABSENT)) for k in union]
    res["kappa4"], res["raw4"], res["pe4"] = kappa(pairs4, LABELS4)
    res["n_union"] = len(union)
    # per file
    per = OrderedDict()
    for f in sorted({k[0] for k in union}):
        sp = [(first[k], second[k]) for k in both if k[0] == f]
        kf, pof, _ = kappa(sp, STANCES)
        per[f] = (
            sum(1 for k in k1 if k[0] == f),
            sum(1 for k in k2 if k[0] == f),
            len(sp),
            sum(1 for a, b in sp if a == b),
            pof,
            kf,
        )
    res["per_file"] = per
    return res


def fmt(x, nd=3):
    return "n/a" if x is None else ("%.*f" % (nd, x))


def pct(x):
    return "n/a" if x is None else "%.1f%%" % (100 * x)


def key_str(k):
    return "%s:%d %s" % k


def report(name1, name2, first, second, markdown, out):
    r = compare(first, second)
    w = out.write
    if markdown:
        w("### %s vs %s\n\n" % (name1, name2))
        w("**Detection** (pairs = article x country)\n\n")
        w("| pairs in %s | pairs in %s | in both | only in %s | only in %s | Jaccard | precision of %s | recall of %s | F1 |\n"
          % (name1, name2, name1, name2, name2, name2))
        w("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
        w("| %d | %d | %d | %d | %d | %s | %s | %s | %s |\n\n" % (
            r["n_first"], r["n_second"], len(r["both"]), len(r["only_first"]), len(r["only_second"]),
            fmt(r["jaccard"]), fmt(r["precision"]), fmt(r["recall"]), fmt(r["f1"])))
        w("**Stance on the %d pairs both have**\n\n" % len(r["both"]))
        w("| raw agreement | Cohen's kappa (3 labels) | chance agreement |\n|---:|---:|---:|\n")
        w("| %d/%d = %s | %s | %s |\n\n" % (r["n_agree3"], len(r["both"]), pct(r["raw3"]),
                                          fmt(r["kappa3"]), fmt(r["pe3"])))
        w("Confusion matrix (rows = %s, columns = %s):\n\n" % (name1, name2))
        w("| %s \\ %s | " % (name1, name2) + " | ".join(STANCES) + " | total |\n")
        w("|---|" + "---:|" * (len(STANCES) + 1) + "\n")
        for a in STANCES:
            row = [r["confusion"][(a, b)] for b in STANCES]
            w("| %s | " % a + " | ".join(str(x) for x in row) + " | %d |\n" % sum(row))
        cols = [sum(r["confusion"][(a, b)] for a in STANCES) for b in STANCES]
        w("| total | " + " | ".join(str(x) for x in cols) + " | %d |\n\n" % sum(cols))
        w("**Absent as a 4th label**, over the union of %d pairs: raw agreement %s, Cohen's kappa %s\n\n"
          % (r["n_union"], pct(r["raw4"]), fmt(r["kappa4"])))
        w("Per file:\n\n| file | pairs %s | pairs %s | common | stance agree | raw | kappa (3 labels) |\n"
          % (name1, name2))
        w("|---|---:|---:|---:|---:|---:|---:|\n")
        for f, (n1, n2, nc, na, po, kf) in r["per_file"].items():
            w("| %s | %d | %d | %d | %d | %s | %s |\n" % (f, n1, n2, nc, na, pct(po), fmt(kf)))
        w("\n")
        if r["only_first"] or r["only_second"] or r["stance_diff"]:
            w("Disagreements:\n\n| pair | %s | %s |\n|---|---|---|\n" % (name1, name2))
            for k in sorted(r["only_first"] + r["only_second"] + r["stance_diff"]):
                w("| %s | %s | %s |\n" % (key_str(k), first.get(k, ABSENT), second.get(k, ABSENT)))
            w("\n")
        else:
            w("Disagreements: none.\n\n")
    else:
        w("== %s vs %s ==\n" % (name1, name2))
        w("(a) detection: %s has %d pairs, %s has %d; in both %d, only in %s %d, only in %s %d\n" % (
            name1, r["n_first"], name2, r["n_second"], len(r["both"]), name1, len(r["only_first"]),
            name2, len(r["only_second"])))
        w("    Jaccard %s; %s against %s: precision %s, recall %s, F1 %s\n" % (
            fmt(r["jaccard"]), name2, name1, fmt(r["precision"]), fmt(r["recall"]), fmt(r["f1"])))
        w("(b) stance on the %d common pairs: raw agreement %d/%d = %s, Cohen's kappa %s (chance %s)\n" % (
            len(r["both"]), r["n_agree3"], len(r["both"]), pct(r["raw3"]), fmt(r["kappa3"]), fmt(r["pe3"])))
        w("    confusion (rows %s, columns %s):\n" % (name1, name2))
        w("    %-12s" % "" + "".join("%13s" % s for s in STANCES) + "%8s\n" % "total")
        for a in STANCES:
            row = [r["confusion"][(a, b)] for b in STANCES]
            w("    %-12s" % a + "".join("%13d" % x for x in row) + "%8d\n" % sum(row))
        cols = [sum(r["confusion"][(a, b)] for a in STANCES) for b in STANCES]
        w("    %-12s" % "total" + "".join("%13d" % x for x in cols) + "%8d\n" % sum(cols))
        w("(c) absent as 4th label over the union of %d pairs: raw agreement %s, Cohen's kappa %s\n" % (
            r["n_union"], pct(r["raw4"]), fmt(r["kappa4"])))
        w("    per file (pairs %s / %s / common, stance agree, kappa):\n" % (name1, name2))
        for f, (n1, n2, nc, na, po, kf) in r["per_file"].items():
            w("      %s  %d / %d / %d  agree %d = %s  kappa %s\n" % (f, n1, n2, nc, na, pct(po), fmt(kf)))
        diffs = sorted(r["only_first"] + r["only_second"] + r["stance_diff"])
        w("    disagreements: %d\n" % len(diffs))
        for k in diffs:
            w("      %-40s %s=%s  %s=%s\n" % (key_str(k), name1, first.get(k, ABSENT), name2,
                                             second.get(k, ABSENT)))
        w("\n")
    return r


def main(argv):
    markdown = False
    args = []
    for a in argv[1:]:
        if a == "--markdown":
            markdown = True
        elif a in ("-h", "--help"):
            sys.stdout.write(__doc__)
            return 0
        elif a.startswith("--"):
            die("unknown option %s" % a)
        else:
            args.append(a)
    if len(args) not in (2, 3):
        sys.stderr.write("usage: python3 Scripts/agreement.py A.tsv B.tsv [GOLD.tsv] [--markdown]\n")
        return 2
    sets = [load(p) for p in args]
    # the same article must carry the same title everywhere
    ref = {}
    for p, (_, titles) in zip(args, sets):
        for k, t in titles.items():
            if k in ref and ref[k][1] != t:
                die("title of %s:%d differs between %s and %s" % (k[0], k[1], ref[k][0], p))
            ref.setdefault(k, (p, t))
    a, b = sets[0][0], sets[1][0]
    out = sys.stdout
    if markdown:
        out.write("## Agreement\n\nA = `%s`, B = `%s`%s\n\n" % (
            args[0], args[1], (", GOLD = `%s`" % args[2]) if len(args) == 3 else ""))
    report("A", "B", a, b, markdown, out)
    if len(args) == 3:
        g = sets[2][0]
        report("GOLD", "A", g, a, markdown, out)
        report("GOLD", "B", g, b, markdown, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
