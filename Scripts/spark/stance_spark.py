#!/usr/bin/env python3
"""Run `stance` inside Apache Spark: summary (and optionally score rows) of a JSON Lines corpus.

Each partition of the input (JSON Lines, one article a line: `stance convert` makes them from
exports, keeping the `file:n` ids) is piped through the `stance` binary, the way `RDD.pipe` does,
as `stance summary - --format partial`. The partials are merged exactly:

  * group statistics (counts, exact fixed-point sums as integers, label counts) add up in a reduce;
  * with syndicated copies folded (the default), each partial carries one record per story; the
    records are shuffled by story id (`reduceByKey`), so every copy of a story meets its other
    copies whatever partition it was in, and the earliest copy per country (and outlet) stays;
  * near-identical stories (MinHash) are found by shuffling each story's LSH band keys: stories
    sharing a band whose signatures agree in 52 of 64 positions are joined; the joins (few) are
    resolved into stories on the driver (union-find, the smallest id names the story) and the
    story records are shuffled again by that id. This is exactly what `stance merge` does on
    one machine, so the result equals one `stance summary` over the whole input, byte for byte.

The merged partial goes through `stance merge` on the driver, which renders the summary; it is
written to OUTPUT/summary (a text part file) and OUTPUT/partial; with --scored, the score rows
(`stance score - --format jsonl`) are written as JSON Lines part files to OUTPUT/scored.

The binary and the model travel with the job: the driver adds them with `SparkContext.addFile`
(or give them to spark-submit with --files/--archives) and each executor finds them through
`SparkFiles.get`.
"""

import argparse
import json
import os
import shlex
import stat
import subprocess
import sys
import tempfile
import threading

from pyspark import SparkContext, SparkFiles

HASHES, BANDS, THRESHOLD = 64, 8, 52


def shipped(name):
    """The path of a file shipped with the job, on this executor (or the driver)."""
    path = SparkFiles.get(name)
    if os.path.exists(path):
        return path
    # --files/--archives on YARN and Kubernetes land in the executor's working directory.
    return os.path.abspath(name) if os.path.exists(name) else name


def pipe(command, binary, model):
    """A mapPartitions function: the partition's lines through `stance COMMAND`, like RDD.pipe."""

    def run(lines):
        first = next(lines, None)
        if first is None:  # an empty partition: no process (stance refuses an empty input)
            return
        exe = shipped(binary)
        if not os.access(exe, os.X_OK):
            os.chmod(exe, os.stat(exe).st_mode | stat.S_IXUSR)
        args = [exe] + command + ["--model", shipped(model), "--threads", "1"]
        with tempfile.TemporaryFile() as err:
            proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err)

            def feed():
                try:
                    proc.stdin.write((first + "\n").encode("utf-8"))
                    for line in lines:
                        proc.stdin.write((line + "\n").encode("utf-8"))
                finally:
                    proc.stdin.close()

            writer = threading.Thread(target=feed, daemon=True)
            writer.start()
            for out in proc.stdout:
                yield out.decode("utf-8").rstrip("\n")
            writer.join()
            code = proc.wait()
            err.seek(0)
            message = err.read().decode("utf-8", "replace")
            if message:  # rejected records, listed file:line: reason — in the executor's log
                sys.stderr.write(message)
            if code not in (0, 3):  # 3: some records rejected, the rest processed and counted
                raise RuntimeError(f"{shlex.join(args)} exited {code}: {message.strip()}")

    return run


def copy_key(c):
    """The earliest copy first: publication, article id (UTF-8 bytes), then the values."""
    return (c["when"].encode("utf-8"), c["article"].encode("utf-8"), int(c["score"]), int(c["tone"]), c["stance"])


def merge_stories(a, b):
    copies = {}
    for c in a["copies"] + b["copies"]:
        k = (c["country"], c["outlet"])
        if k not in copies or copy_key(c) < copy_key(copies[k]):
            copies[k] = c
    return {
        "story": min(a["story"], b["story"]),
        "articles": a["articles"] + b["articles"],
        "minhash": a["minhash"] or b["minhash"],
        "copies": list(copies.values()),
    }


def band_keys(story, record):
    """(band, the band's slice of the signature) → story id: stories sharing one are candidates."""
    sig = record["minhash"]
    if len(sig) != 8 * HASHES:
        return []
    width = 8 * HASHES // BANDS
    return [((band, sig[band * width:(band + 1) * width]), story) for band in range(BANDS)]


def near(a, b):
    return sum(a[i:i + 8] == b[i:i + 8] for i in range(0, 8 * HASHES, 8)) >= THRESHOLD


def candidate_pairs(ids):
    members = sorted(set(ids))
    for i in range(len(members)):
        for j in range(i + 1, len(members)):
            yield (members[i], members[j])


def roots_of(edges):
    """Union-find over the joined pairs: every story id → the smallest id of its story."""
    parent = {}

    def find(x):
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {x: find(x) for x in parent}


def stats(count, s, s2, tone, label_counts):
    return [count, s, s2, tone] + label_counts


def add(a, b):
    return [x + y for x, y in zip(a, b)]


LABELS = ["favorable", "neutral", "unfavorable"]


def contributions(record):
    for c in record["copies"]:
        yield ((c["country"], c["outlet"], c["period"]),
               stats(1, int(c["score"]), int(c["square"]), int(c["tone"]), [int(c["stance"] == l) for l in LABELS]))


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("input", help="JSON Lines: a path or any Hadoop URI (hdfs://, s3a://), globs allowed")
    p.add_argument("output", help="folder (any Hadoop URI) for summary/, partial/ and scored/")
    p.add_argument("--by", default="country")
    p.add_argument("--period", default="week")
    p.add_argument("--duplicates", default="fold", choices=["fold", "keep"])
    p.add_argument("--format", default="table", choices=["table", "jsonl", "csv"])
    p.add_argument("--scored", action="store_true", help="also write the score rows to OUTPUT/scored")
    p.add_argument("--partitions", type=int, default=0, help="minimum input partitions (default: Spark's)")
    p.add_argument("--binary", default="stance", help="the stance binary (a local path is shipped with the job)")
    p.add_argument("--model", default="Models", help="the model folder (a local path is shipped with the job)")
    a = p.parse_args(argv)

    sc = SparkContext.getOrCreate()
    binary, model = a.binary, a.model.rstrip("/")
    if os.path.isfile(binary):
        sc.addFile(os.path.abspath(binary))
    if os.path.isdir(model):
        sc.addFile(os.path.abspath(model), recursive=True)
    exe_name, model_name = os.path.basename(binary), os.path.basename(model)

    lines = sc.textFile(a.input, a.partitions) if a.partitions else sc.textFile(a.input)
    lines = lines.filter(lambda line: line.strip())
    print(f"stance_spark: {lines.getNumPartitions()} input partitions", file=sys.stderr)
    if a.scored:
        rows = lines.mapPartitions(pipe(["score", "-", "--format", "jsonl", "--quiet"], exe_name, model_name))
        rows.saveAsTextFile(a.output.rstrip("/") + "/scored")

    command = ["summary", "-", "--format", "partial", "--by", a.by, "--period", a.period,
               "--duplicates", a.duplicates, "--quiet"]
    records = lines.mapPartitions(pipe(command, exe_name, model_name)).map(json.loads).cache()

    headers = records.filter(lambda r: "stance_partial" in r).collect()
    if not headers:
        sys.exit("stance_spark: no partition produced a partial — is the input empty?")
    first = headers[0]
    for h in headers:
        for k in ("model", "by", "period", "duplicates"):
            if h[k] != first[k]:
                sys.exit(f"stance_spark: partials differ in {k}: {h[k]} and {first[k]}")

    groups = records.filter(lambda r: "group" in r).map(
        lambda r: ((r["group"]["country"], r["group"]["outlet"], r["group"]["period"]),
                   stats(r["count"], int(r["sum"]), int(r["sum2"]), int(r["tone"]), [r[l] for l in LABELS])))
    # Shuffle 1: every copy of an exact story meets the others.
    stories = records.filter(lambda r: "story" in r).map(lambda r: (r["story"], r)).reduceByKey(merge_stories).cache()
    # Shuffle 2: stories sharing an LSH band meet; near pairs are joined on the driver.
    # Only ids travel in this shuffle; the few candidate pairs fetch their signatures by joins.
    signatures = stories.mapValues(lambda r: r["minhash"])
    candidates = stories.flatMap(lambda kv: band_keys(kv[0], kv[1])).groupByKey().flatMap(
        lambda kv: candidate_pairs(kv[1])).distinct()
    edges = (candidates.join(signatures).map(lambda kv: (kv[1][0], (kv[0], kv[1][1]))).join(signatures)
             .filter(lambda kv: near(kv[1][0][1], kv[1][1])).map(lambda kv: (kv[1][0][0], kv[0])))
    roots = sc.broadcast(roots_of(edges.collect()))
    # Shuffle 3: the story records of one joined story meet; its earliest copies count.
    joined = stories.map(lambda kv: (roots.value.get(kv[0], kv[0]), kv[1])).reduceByKey(merge_stories).cache()
    folded = joined.map(lambda kv: kv[1]["articles"] - 1).sum() if not joined.isEmpty() else 0
    story_count = joined.count()
    totals = groups.union(joined.flatMap(lambda kv: contributions(kv[1]))).reduceByKey(add).collect()

    header = dict(first)
    for k in ("read", "scored", "rejected", "skipped", "articles", "without_country", "folded", "stories"):
        header[k] = sum(h[k] for h in headers)
    header["folded"] += folded
    header["stories"] += story_count
    out = [json.dumps(header, ensure_ascii=False, separators=(",", ":"))]
    for (country, outlet, period), s in sorted(totals, key=lambda kv: tuple(x or "" for x in kv[0])):
        line = {"group": {"country": country, "outlet": outlet, "period": period}, "count": s[0],
                "sum": str(s[1]), "sum2": str(s[2]), "tone": str(s[3]),
                "favorable": s[4], "neutral": s[5], "unfavorable": s[6]}
        out.append(json.dumps(line, ensure_ascii=False, separators=(",", ":")))
    with tempfile.TemporaryDirectory() as tmp:
        partial = os.path.join(tmp, "partial.jsonl")
        with open(partial, "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")
        driver_binary = os.path.abspath(binary) if os.path.isfile(binary) else SparkFiles.get(exe_name)
        summary = subprocess.run([driver_binary, "merge", partial, "--format", a.format],
                                 check=True, stdout=subprocess.PIPE).stdout.decode("utf-8")
    sc.parallelize(out, 1).saveAsTextFile(a.output.rstrip("/") + "/partial")
    sc.parallelize(summary.rstrip("\n").split("\n"), 1).saveAsTextFile(a.output.rstrip("/") + "/summary")
    sys.stdout.write(summary)


if __name__ == "__main__":
    main()
