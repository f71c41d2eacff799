#!/usr/bin/env bash
# Time per GB: single-machine `stance summary` vs the Spark job in local mode, on the same JSON Lines
# corpus (Documentation/ScaleOut.md). Usage: Scripts/spark/bench.sh [MB] [MASTER]  (default 200, local[2])
#
# The corpus: synthetic articles of 4-12 sentences drawn from every labelled set (so nearly every
# body is its own story, as in real coverage), 10% of them syndicated again as exact copies under
# another outlet and 5% as near copies (a source line added). MB is 10^6 bytes.
set -euo pipefail
cd "$(dirname "$0")/../.."
mb=${1:-200}
master=${2:-local[2]}
venv=.build/spark-venv
[ -x "$venv/bin/spark-submit" ] || { echo "bench: run Scripts/spark/test.sh first (it installs pyspark)" >&2; exit 1; }
swift build -c release >/dev/null
bin=$(swift build -c release --show-bin-path)/stance
work=${BENCH_DIR:-${TMPDIR:-/tmp}/stance-spark-bench}
mkdir -p "$work"
corpus="$work/corpus-$mb.jsonl"
if [ ! -s "$corpus" ]; then
    "$bin" convert Evaluations --quiet >"$work/pool.jsonl" 2>/dev/null || true
    python3 - "$work/pool.jsonl" "$corpus" "$mb" <<'PY'
import json, random, re, sys
pool = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
sentences = [s for a in pool for s in re.split(r"(?<=[。!?.!?])", a["body"]) if len(s.strip()) > 8]
rng, target, n = random.Random(14), int(sys.argv[3]) * 10**6, 0
with open(sys.argv[2], "w", encoding="utf-8") as out:
    size = 0
    while size < target:
        n += 1
        base = rng.choice(pool)
        a = {"id": f"bench:{n}", "title": base["title"], "outlet": base["outlet"], "published": base["published"],
             "topic": base["topic"], "body": "".join(rng.choice(sentences) for _ in range(rng.randint(4, 12)))}
        lines = [a]
        if rng.random() < 0.10:
            lines.append(dict(a, id=f"bench:{n}c", outlet="新浪财经"))
        if rng.random() < 0.05:
            lines.append(dict(a, id=f"bench:{n}n", body="(来源:转载自网络)" + a["body"]))
        for r in lines:
            text = json.dumps(r, ensure_ascii=False) + "\n"
            size += len(text.encode("utf-8"))
            out.write(text)
PY
fi
bytes=$(stat -c %s "$corpus")
articles=$(wc -l <"$corpus")
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
per_gb() { echo "scale=1; $1 * 1000000000 / $bytes" | bc -l; }
echo "corpus: $((bytes / 1000000)) MB, $articles articles ($corpus)"
for dup in keep fold; do
    t=$(seconds "$bin" summary "$corpus" --duplicates "$dup" --quiet)
    printf 'stance summary --duplicates %-4s  %6.1f s   %7.1f s/GB\n' "$dup" "$t" "$(per_gb "$t")"
done
if [ -x /usr/bin/time ]; then
    rss=$( { /usr/bin/time -v "$bin" summary "$corpus" --quiet >/dev/null; } 2>&1 | sed -n 's/.*Maximum resident set size (kbytes): //p')
    echo "stance summary (fold) peak RSS: $((rss / 1024)) MB"
fi
export PYSPARK_PYTHON="$PWD/$venv/bin/python"
for dup in keep fold; do
    out="$work/out-$dup"
    rm -rf "$out"
    t=$(seconds "$venv/bin/spark-submit" --master "$master" --conf spark.ui.enabled=false \
        Scripts/spark/stance_spark.py "$corpus" "$out" --duplicates "$dup" --binary "$bin" --model Models)
    same=$(cmp -s <("$bin" summary "$corpus" --duplicates "$dup" --quiet) "$out/summary/part-00000" && echo identical || echo DIFFERENT)
    printf 'spark %s --duplicates %-4s  %6.1f s   %7.1f s/GB   (summary %s to stance summary)\n' "$master" "$dup" "$t" "$(per_gb "$t")" "$same"
done
