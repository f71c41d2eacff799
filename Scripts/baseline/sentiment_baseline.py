#!/usr/bin/env python3
"""Analyst baseline: off-the-shelf sentence sentiment as a per-country stance.

For every gold (article, country) pair of one or more labelled sets, take the sentences of the
article (title + body) that name the country, score each one with an off-the-shelf sentiment tool
(VADER compound for English, SnowNLP 2p-1 for Chinese), average them and map the mean to a label.
Two variants are reported on the same pairs:

  standard  score > +0.05 favorable, score < -0.05 unfavorable, else neutral (VADER's cut-offs)
  fitted    the two thresholds fitted by leave-one-file-out: for every file, a grid search on the
            pairs of all the other files (of all sets given) picks the (lower, upper) pair that
            maximises macro-F1; the held-out file is then labelled with it.

Usage:  python3 Scripts/baseline/sentiment_baseline.py Evaluations/seeds [more set dirs] [--json]
        (Scripts/baseline/run.sh does the same inside a virtualenv holding the two packages.)

Pure Python apart from vaderSentiment and snownlp. See README.md beside this file.
"""

import argparse
import bisect
import json
import math
import os
import re
import sys
import unicodedata

LABELS = ("favorable", "neutral", "unfavorable")
STANDARD = (-0.05, 0.05)
EXCLUDED_KINDS = {"bare", "pairing"}
SCRIPT_DIR = os.path.dirname(os.path.abspath(__file__))
DEFAULT_COUNTRIES = os.path.normpath(os.path.join(SCRIPT_DIR, "..", "..", "Models", "countries.tsv"))


class BaselineError(Exception):
    pass


# --------------------------------------------------------------------------------------------
# Text helpers

_CJK_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
CJK_RE = re.compile("[" + _CJK_CLASS + "]")
# A space inside Chinese text is a line-wrap artefact ("美 国", "亏 损"): drop it.
CJK_GAP_RE = re.compile("(?<=[" + _CJK_CLASS + "])[ \t\u3000]+(?=[" + _CJK_CLASS + "])")
CITATION_RE = re.compile(r"[ \t]*[\[［]\s*\d+(?:\s*[,，、\-–]\s*\d+)*\s*[\]］]")
BOLD_RE = re.compile(r"\*\*")
WS_RE = re.compile(r"\s+")


def has_cjk(text):
    return CJK_RE.search(text) is not None


def clean_text(text):
    """Strip citation marks and Markdown bold, rejoin Chinese words cut by a wrap, squeeze spaces."""
    text = CITATION_RE.sub("", text)
    text = BOLD_RE.sub("", text)
    text = WS_RE.sub(" ", text)
    text = CJK_GAP_RE.sub("", text)
    return text.strip()


# Sentence ends: Chinese and ASCII terminal marks and semicolons (the mark stays with its sentence).
_END_RE = re.compile(r"(?<=[。！？!?；;])")
# " - " starts a bullet point in the structured summaries; "Group N:" starts a group heading.
_BULLET_RE = re.compile(r"\s+-\s+|(?=\bGroup \d+\s*[:：\-])")
# ". " ends an English sentence unless the word before the dot is an abbreviation.
_DOT_RE = re.compile(r"(?<=\.)\s+")
_ABBREV_RE = re.compile(
    r"(?:\b(?:[A-Za-z]\.)+|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gen|Sen|Rep|Gov|Inc|Corp|Ltd|Co|No|"
    r"vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)$"
)


def split_sentences(text):
    """Split title or body text into the sentences the baseline scores."""
    text = clean_text(text)
    out = []
    for part in _END_RE.split(text):
        for bullet in _BULLET_RE.split(part):
            pieces = _DOT_RE.split(bullet)
            merged = []
            for piece in pieces:
                if merged and _ABBREV_RE.search(merged[-1]):
                    merged[-1] = merged[-1] + " " + piece
                else:
                    merged.append(piece)
            for sentence in merged:
                sentence = sentence.strip(" -–—\t")
                # Keep only fragments with something to read (a letter or an ideograph).
                if sentence and any(ch.isalpha() for ch in sentence):
                    out.append(sentence)
    return out


def norm_title(text):
    text = unicodedata.normalize("NFKC", text).replace("\ufeff", "")
    return WS_RE.sub("", text)


# --------------------------------------------------------------------------------------------
# Loading "search documents" exports (FORMATS.md section 1) and JSON Lines (section 2)

MARKERS = {"search documents", "搜索文档"}
NOISE = {"workflow", "icon"}
OUTLET_RE = re.compile(
    r"^(?P<outlet>\S.{0,79}?)\s*[·・]\s*"
    r"(?P<published>\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s*$"
)
TITLE_DATE_RE = re.compile(r"[-_－]\s*\d{8}\s*$")
TITLE_MAX = 120  # characters: a longer line is body text, never a title


def read_text(path):
    with open(path, "rb") as handle:
        raw = handle.read()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        raise BaselineError(f"{path}: not UTF-8 and not GB18030; re-save it as UTF-8")


class Record:
    def __init__(self, title, outlet=None, published=None):
        self.title = title
        self.outlet = outlet
        self.published = published
        self.body_lines = []
        self.ident = None  # JSON Lines id

    @property
    def body(self):
        return " ".join(self.body_lines)


def _looks_like_title(line, nxt, prev):
    """Shape test for a record without an outlet line: a headline is short, followed by a long line."""
    if TITLE_DATE_RE.search(line):
        return True
    if nxt is None or len(line) > TITLE_MAX:
        return False
    if len(nxt) >= 1.5 * len(line):
        return True
    # Two lines of about the same width as the one before: a wrapped body, not a new record.
    if prev is not None and len(prev) >= 40 and abs(len(line) - len(prev)) <= 0.1 * len(prev):
        return False
    return True  # ambiguous: prefer one-line bodies, as real exports have


def parse_export(text):
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln]
    topic = None
    start = 0
    head = [ln.lower() for ln in lines[:8]]
    marker_at = next((i for i, ln in enumerate(head) if ln in MARKERS), None)
    if marker_at is not None:
        before = [ln for ln in lines[:marker_at] if ln.lower() not in NOISE]
        topic = before[-1] if before else None
        start = marker_at + 1
    else:
        while start < len(lines) and lines[start].lower() in NOISE:
            start += 1
        # A topic line with no marker: a short line that is not itself followed by an outlet line.
        if (start + 2 < len(lines) and OUTLET_RE.match(lines[start + 2])
                and not OUTLET_RE.match(lines[start + 1]) and len(lines[start]) <= 40):
            topic = lines[start]
            start += 1
    lines = lines[start:]
    n = len(lines)
    is_outlet = [OUTLET_RE.match(ln) is not None for ln in lines]
    is_title = [i + 1 < n and is_outlet[i + 1] and not is_outlet[i] for i in range(n)]

    records = []

    def take_loose(chunk, current):
        """Lines between records: the first continues the current body, the rest are sorted by shape."""
        k = 0
        while k < len(chunk):
            line = chunk[k]
            nxt = chunk[k + 1] if k + 1 < len(chunk) else None
            prev = current.body_lines[-1] if current is not None and current.body_lines else None
            if current is None or (current.body_lines and _looks_like_title(line, nxt, prev)):
                current = Record(line)
                records.append(current)
                if nxt is not None:
                    current.body_lines.append(nxt)
                    k += 2
                else:
                    k += 1
            else:
                current.body_lines.append(line)
                k += 1

    i = 0
    current = None
    while i < n:
        if is_title[i]:
            m = OUTLET_RE.match(lines[i + 1])
            current = Record(lines[i], m.group("outlet").strip(), m.group("published"))
            records.append(current)
            i += 2
        j = i
        while j < n and not is_title[j]:
            j += 1
        take_loose([ln for ln, o in zip(lines[i:j], is_outlet[i:j]) if not o], current)
        if records:
            current = records[-1]
        i = j
    return topic, records


def parse_jsonl(text, path):
    records = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as exc:
            print(f"warning: {path}:{lineno}: bad JSON ({exc}); line skipped", file=sys.stderr)
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("title"), str) or not isinstance(obj.get("body"), str):
            print(f"warning: {path}:{lineno}: missing title or body; line skipped", file=sys.stderr)
            continue
        rec = Record(obj["title"], obj.get("outlet"), obj.get("published"))
        rec.body_lines = [obj["body"]]
        rec.ident = str(obj["id"]) if obj.get("id") is not None else None
        records[str(lineno)] = rec
        if rec.ident is not None:
            records[rec.ident] = rec
    return records


def load_file(path):
    """Map index (as text) -> Record for one article file of a set."""
    text = read_text(path)
    if path.lower().endswith((".jsonl", ".ndjson")):
        return parse_jsonl(text, path)
    _, records = parse_export(text)
    return {str(k): rec for k, rec in enumerate(records, 1)}


# --------------------------------------------------------------------------------------------
# Country names (Models/countries.tsv)

class Gazetteer:
    def __init__(self, path):
        self.path = path
        self.forms = []  # (code, form, compiled pattern or None for substring, is_cjk)
        self.codes = set()
        self._load(path)

    def _load(self, path):
        try:
            text = read_text(path)
        except FileNotFoundError:
            raise BaselineError(f"{path}: country model not found (use --countries PATH)")
        seen_format = False
        for lineno, raw in enumerate(text.splitlines(), 1):
            line = raw.strip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = line.split("\t")
            if not seen_format:
                if cols[0].strip() != "format" or len(cols) < 2 or cols[1].strip() != "1":
                    raise BaselineError(f"{path}:{lineno}: expected 'format<TAB>1' as first row, got {line!r}")
                seen_format = True
                continue
            if len(cols) < 3:
                raise BaselineError(f"{path}:{lineno}: expected code<TAB>kind<TAB>form[<TAB>flags]")
            code, kind, form = cols[0].strip(), cols[1].strip().lower(), cols[2].strip()
            flags = set(re.split(r"[\s,;|]+", cols[3].strip().lower())) if len(cols) > 3 else set()
            if not code or not form or kind in EXCLUDED_KINDS:
                continue
            self.codes.add(code)
            if has_cjk(form):
                self.forms.append((code, form, None, True))
            else:
                pattern = r"(?<![0-9A-Za-z])" + re.escape(form) + r"(?![0-9A-Za-z])"
                compiled = re.compile(pattern, 0 if "case" in flags else re.IGNORECASE)
                self.forms.append((code, form, compiled, False))
        if not seen_format:
            raise BaselineError(f"{path}: no 'format<TAB>1' row")
        # Longest forms first: a span claimed by a longer name hides the shorter names inside it.
        self.forms.sort(key=lambda f: -len(f[1]))

    def countries_in(self, *variants):
        """Codes named in a sentence; `variants` are versions of the same sentence (e.g. 繁/简)."""
        found = set()
        for text in variants:
            claimed = []
            for code, form, compiled, is_cjk in self.forms:
                if is_cjk:
                    spans = []
                    pos = text.find(form)
                    while pos >= 0:
                        spans.append((pos, pos + len(form)))
                        pos = text.find(form, pos + 1)
                else:
                    spans = [m.span() for m in compiled.finditer(text)]
                for a, b in spans:
                    if any(a < cb and ca < b and cc != code for ca, cb, cc in claimed):
                        continue
                    claimed.append((a, b, code))
                    found.add(code)
        return found


# --------------------------------------------------------------------------------------------
# Sentiment

class Scorer:
    def __init__(self):
        try:
            from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
            from snownlp import SnowNLP
            from snownlp.normal import zh2hans
        except ImportError as exc:
            raise BaselineError(
                f"missing sentiment package ({exc}); run Scripts/baseline/run.sh, "
                "or pip install vaderSentiment snownlp")
        self._vader = SentimentIntensityAnalyzer()
        self._snow = SnowNLP
        self._zh2hans = zh2hans
        self._cache = {}

    def simplified(self, sentence):
        return self._zh2hans(sentence) if has_cjk(sentence) else sentence

    def score(self, sentence):
        """Sentiment in [-1, 1]: SnowNLP 2p-1 (on Simplified text) if CJK, else VADER compound."""
        hit = self._cache.get(sentence)
        if hit is not None:
            return hit
        if has_cjk(sentence):
            value = 2.0 * self._snow(self.simplified(sentence)).sentiments - 1.0
        else:
            value = self._vader.polarity_scores(sentence)["compound"]
        self._cache[sentence] = value
        return value


# --------------------------------------------------------------------------------------------
# Labelled sets

class Pair:
    __slots__ = ("set", "file", "index", "country", "gold", "title", "score",
                 "named", "sentences", "standard", "fitted", "fold_thresholds")

    def __init__(self, set_name, file, index, country, gold, title):
        self.set, self.file, self.index, self.country = set_name, file, index, country
        self.gold, self.title = gold, title
        self.score = None
        self.named = 0
        self.sentences = 0
        self.standard = None
        self.fitted = None
        self.fold_thresholds = None


def read_labels(set_dir):
    path = os.path.join(set_dir, "labels.tsv")
    if not os.path.isfile(path):
        raise BaselineError(f"{set_dir}: no labels.tsv")
    rows = read_text(path).splitlines()
    header = [h.strip().lower() for h in rows[0].split("\t")] if rows else []
    need = ["file", "index", "country", "stance", "title"]
    missing = [h for h in need if h not in header]
    if missing:
        raise BaselineError(f"{path}: header lacks {', '.join(missing)} (expected {chr(9).join(need)})")
    col = {h: header.index(h) for h in need}
    out, seen = [], {}
    for lineno, row in enumerate(rows[1:], 2):
        if not row.strip():
            continue
        cells = row.split("\t")
        if len(cells) < len(header):
            cells += [""] * (len(header) - len(cells))
        file, index, country, stance, title = (cells[col[h]].strip() for h in need)
        stance = stance.lower()
        if stance not in LABELS:
            raise BaselineError(f"{path}:{lineno}: stance {stance!r} is not one of {', '.join(LABELS)}")
        key = (file, index, country)
        if key in seen:
            if seen[key][0] != stance:
                raise BaselineError(f"{path}:{lineno}: {file}:{index} {country} labelled "
                                    f"{seen[key][0]} on line {seen[key][1]} and {stance} here")
            print(f"warning: {path}:{lineno}: duplicate row for {file}:{index} {country}; ignored",
                  file=sys.stderr)
            continue
        seen[key] = (stance, lineno)
        out.append((lineno, file, index, country, stance, title))
    return path, out


def load_set(set_dir, gazetteer, scorer):
    label_path, rows = read_labels(set_dir)
    set_name = os.path.relpath(set_dir) if not os.path.isabs(set_dir) else set_dir
    files = {}
    article_cache = {}
    pairs = []
    for lineno, file, index, country, stance, title in rows:
        if file not in files:
            fpath = os.path.join(set_dir, file)
            if not os.path.isfile(fpath):
                raise BaselineError(f"{label_path}:{lineno}: file {file} not found in {set_dir}")
            files[file] = load_file(fpath)
        rec = files[file].get(index)
        if rec is None:
            raise BaselineError(f"{label_path}:{lineno}: {file} has no record {index} "
                                f"({len(files[file])} loaded)")
        if title and norm_title(title) != norm_title(rec.title):
            raise BaselineError(f"{label_path}:{lineno}: title does not match {file}:{index}\n"
                                f"  labels.tsv: {title}\n  record:     {rec.title}")
        art_key = (file, index)
        if art_key not in article_cache:
            sentences = split_sentences(rec.title) + split_sentences(rec.body)
            named = [gazetteer.countries_in(s, scorer.simplified(s)) for s in sentences]
            article_cache[art_key] = (sentences, named)
        sentences, named = article_cache[art_key]
        pair = Pair(set_name, file, index, country, stance, rec.title)
        chosen = [s for s, codes in zip(sentences, named) if country in codes]
        pair.named = len(chosen)
        if not chosen:
            chosen = sentences  # no sentence names the country: the whole article's average
        pair.sentences = len(chosen)
        scores = [scorer.score(s) for s in chosen]
        pair.score = sum(scores) / len(scores) if scores else 0.0
        pairs.append(pair)
    return set_name, pairs


# --------------------------------------------------------------------------------------------
# Labels from scores, metrics, threshold fitting

def label_of(score, lo, hi):
    if score > hi:
        return "favorable"
    if score < lo:
        return "unfavorable"
    return "neutral"


def f1(tp, fp, fn):
    denom = 2 * tp + fp + fn
    return 2.0 * tp / denom if denom else 0.0


def metrics(gold, pred):
    n = len(gold)
    out = {"n": n}
    if n == 0:
        return out
    out["accuracy"] = sum(g == p for g, p in zip(gold, pred)) / n
    per = {}
    for lab in LABELS:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred))
        per[lab] = f1(tp, fp, fn)
    out["macro_f1"] = sum(per.values()) / 3.0
    out["f1"] = per
    out["f_avg"] = (per["favorable"] + per["unfavorable"]) / 2.0
    out["gold"] = {lab: gold.count(lab) for lab in LABELS}
    out["predicted"] = {lab: pred.count(lab) for lab in LABELS}
    out["confusion"] = {g: {p: sum(1 for a, b in zip(gold, pred) if a == g and b == p) for p in LABELS}
                        for g in LABELS}
    return out


GRID = [round(-1.0 + 0.01 * k, 2) for k in range(201)]


def fit_thresholds(scores, gold):
    """(lo, hi) on GRID, lo <= hi, maximising macro-F1; ties go to the pair nearest (-0.05, 0.05)."""
    by_class = {lab: sorted(s for s, g in zip(scores, gold) if g == lab) for lab in LABELS}
    totals = {lab: len(v) for lab, v in by_class.items()}
    best, best_key = None, None
    for lo in GRID:
        # Per gold class: how many fall below lo (predicted unfavorable).
        below = {lab: bisect.bisect_left(v, lo) for lab, v in by_class.items()}
        for hi in GRID:
            if hi < lo:
                continue
            above = {lab: totals[lab] - bisect.bisect_right(v, hi) for lab, v in by_class.items()}
            pred_unf = sum(below.values())
            pred_fav = sum(above.values())
            pred_neu = sum(totals.values()) - pred_unf - pred_fav
            tp_unf, tp_fav = below["unfavorable"], above["favorable"]
            tp_neu = totals["neutral"] - below["neutral"] - above["neutral"]
            macro = (f1(tp_fav, pred_fav - tp_fav, totals["favorable"] - tp_fav)
                     + f1(tp_neu, pred_neu - tp_neu, totals["neutral"] - tp_neu)
                     + f1(tp_unf, pred_unf - tp_unf, totals["unfavorable"] - tp_unf)) / 3.0
            key = (round(macro, 12), -(abs(lo - STANDARD[0]) + abs(hi - STANDARD[1])))
            if best_key is None or key > best_key:
                best, best_key = (lo, hi), key
    return best, best_key[0]


def apply_variants(pairs):
    """Standard cut-offs for all pairs; fitted thresholds by leave-one-file-out across all sets."""
    for p in pairs:
        p.standard = label_of(p.score, *STANDARD)
    folds = {}
    for p in pairs:
        folds.setdefault((p.set, p.file), []).append(p)
    fold_info = []
    if len(folds) < 2:
        return fold_info, None
    for key, held in folds.items():
        train = [p for p in pairs if (p.set, p.file) != key]
        (lo, hi), macro = fit_thresholds([p.score for p in train], [p.gold for p in train])
        for p in held:
            p.fitted = label_of(p.score, lo, hi)
            p.fold_thresholds = (lo, hi)
        fold_info.append({"set": key[0], "file": key[1], "held_out_pairs": len(held),
                          "lower": lo, "upper": hi, "train_macro_f1": macro})
    (lo, hi), macro = fit_thresholds([p.score for p in pairs], [p.gold for p in pairs])
    return fold_info, {"lower": lo, "upper": hi, "macro_f1": macro}


def summarise(pairs):
    gold = [p.gold for p in pairs]
    res = {
        "n": len(pairs),
        "files": len({(p.set, p.file) for p in pairs}),
        "not_named": sum(1 for p in pairs if p.named == 0),
        "standard": metrics(gold, [p.standard for p in pairs]),
    }
    if all(p.fitted is not None for p in pairs) and pairs:
        res["fitted_lofo"] = metrics(gold, [p.fitted for p in pairs])
    else:
        res["fitted_lofo"] = None
    return res


# --------------------------------------------------------------------------------------------
# Output

def fmt_row(name, m):
    if m is None:
        return f"  {name:<30}  n/a (leave-one-file-out needs at least two files)"
    if not m.get("n"):
        return f"  {name:<30}  no pairs"
    f = m["f1"]
    return (f"  {name:<30}{m['n']:>5}  {m['accuracy']:.3f}  {m['macro_f1']:.3f}   "
            f"{f['favorable']:.3f}  {f['neutral']:.3f}  {f['unfavorable']:.3f}   {m['f_avg']:.3f}")


def print_text(report):
    print("Analyst baseline: VADER (English) / SnowNLP (Chinese) sentence sentiment, "
          "averaged over the sentences naming the country")
    print(f"countries: {report['countries']} ({report['country_forms']} forms, "
          f"{report['country_codes']} codes)")
    header = (f"  {'variant':<30}{'n':>5}  {'acc':<5}  {'macroF1':<7}  "
              f"{'F1fav':<5}  {'F1neu':<5}  {'F1unf':<5}   {'F_avg':<5}")
    blocks = [(name, res) for name, res in report["sets"].items()]
    if len(blocks) > 1:
        blocks.append(("overall", report["overall"]))
    for name, res in blocks:
        print()
        title = name if name == "overall" else f"set {name}"
        print(f"{title}: {res['n']} pairs in {res['files']} files "
              f"({res['not_named']} with no sentence naming the country: whole-article average)")
        print(header)
        print(fmt_row("standard (-0.05 / +0.05)", res["standard"]))
        print(fmt_row("fitted, leave-one-file-out", res["fitted_lofo"]))
        std = res["standard"]
        if std.get("n"):
            g, p = std["gold"], std["predicted"]
            print(f"  gold fav/neu/unf {g['favorable']}/{g['neutral']}/{g['unfavorable']}; "
                  f"standard predicts {p['favorable']}/{p['neutral']}/{p['unfavorable']}", end="")
            if res["fitted_lofo"]:
                q = res["fitted_lofo"]["predicted"]
                print(f"; fitted predicts {q['favorable']}/{q['neutral']}/{q['unfavorable']}", end="")
            print()
    if report["folds"]:
        print()
        print("fitted thresholds (lower / upper) per held-out file, from the other files:")
        for f in report["folds"]:
            print(f"  {f['set']}/{f['file']}: {f['lower']:+.2f} / {f['upper']:+.2f} "
                  f"({f['held_out_pairs']} pairs held out; macro-F1 {f['train_macro_f1']:.3f} on the rest)")
        a = report["fitted_all"]
        print(f"  (fitted on all files, in-sample, for reference only: {a['lower']:+.2f} / "
              f"{a['upper']:+.2f}, macro-F1 {a['macro_f1']:.3f})")


def write_pairs(path, pairs):
    with open(path, "w", encoding="utf-8") as out:
        out.write("set\tfile\tindex\tcountry\tgold\tscore\tnamed_sentences\tscored_sentences\t"
                  "standard\tfitted\tfitted_lower\tfitted_upper\ttitle\n")
        for p in pairs:
            lo, hi = p.fold_thresholds if p.fold_thresholds else ("", "")
            out.write(f"{p.set}\t{p.file}\t{p.index}\t{p.country}\t{p.gold}\t{p.score:.4f}\t"
                      f"{p.named}\t{p.sentences}\t{p.standard}\t{p.fitted or ''}\t{lo}\t{hi}\t"
                      f"{p.title}\n")


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Off-the-shelf sentiment baseline (VADER / SnowNLP) on labelled stance sets.")
    ap.add_argument("sets", nargs="+", help="labelled set folders (each with labels.tsv)")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    ap.add_argument("--countries", default=DEFAULT_COUNTRIES,
                    help="country names model (default: Models/countries.tsv of this repo)")
    ap.add_argument("--pairs", metavar="TSV", help="also write one row per scored pair to TSV")
    args = ap.parse_args(argv)
    try:
        gazetteer = Gazetteer(args.countries)
        scorer = Scorer()
        all_pairs, by_set = [], {}
        for set_dir in args.sets:
            if not os.path.isdir(set_dir):
                raise BaselineError(f"{set_dir}: not a folder")
            name, pairs = load_set(set_dir, gazetteer, scorer)
            if name in by_set:
                raise BaselineError(f"{set_dir}: given twice")
            by_set[name] = pairs
            all_pairs.extend(pairs)
        unknown = sorted({p.country for p in all_pairs} - gazetteer.codes)
        if unknown:
            print(f"warning: no names in {args.countries} for {', '.join(unknown)}: "
                  "those pairs use the whole-article average", file=sys.stderr)
        folds, fitted_all = apply_variants(all_pairs)
        report = {
            "baseline": "vader-snownlp-sentence-average",
            "packages": {"vaderSentiment": _version("vaderSentiment"), "snownlp": _version("snownlp")},
            "countries": args.countries,
            "country_forms": len(gazetteer.forms),
            "country_codes": len(gazetteer.codes),
            "standard_thresholds": {"lower": STANDARD[0], "upper": STANDARD[1]},
            "sets": {name: summarise(pairs) for name, pairs in by_set.items()},
            "overall": summarise(all_pairs),
            "folds": folds,
            "fitted_all": fitted_all,
        }
        if args.pairs:
            write_pairs(args.pairs, all_pairs)
    except BaselineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        if args.json:
            json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
            print()
        else:
            print_text(report)
        sys.stdout.flush()
    except BrokenPipeError:  # output piped into head & co.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _version(dist):
    try:
        from importlib.metadata import version
        return version(dist)
    except Exception:
        return None


if __name__ == "__main__":
    sys.exit(main())
