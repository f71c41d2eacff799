#!/usr/bin/env bash
# The Spark job on a real Spark: local[2] over the bundled corpus replicated into 8+ partitions
# (exact copies, copies under other outlets, near copies with a source line, earlier-dated copies),
# checked byte for byte against single-machine `stance summary` over the same JSON Lines.
# Installs what it needs: pyspark from PyPI into .build/spark-venv, Java 17 with apt-get.
set -euo pipefail
cd "$(dirname "$0")/../.."

venv=.build/spark-venv
if ! "$venv/bin/python" -c "import pyspark" 2>/dev/null; then
    echo "spark test: installing pyspark into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check pyspark
fi
if ! java -version 2>&1 | grep -Eq 'version "(1[7-9]|2[0-9])'; then
    echo "spark test: installing Java 17"
    apt-get update -qq </dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless </dev/null
fi

bin=${STANCE_BIN:-}
if [ -z "$bin" ]; then
    swift build -c release >/dev/null
    bin=$(swift build -c release --show-bin-path)/stance
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/stance-spark.XXXXXX")
trap 'rm -rf "$work"' EXIT

"$bin" convert Evaluations/seeds --output "$work/seeds.jsonl" --quiet
python3 - "$work/seeds.jsonl" "$work/corpus.jsonl" <<'PY'
import json, sys
articles = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for k in range(8):
        for a in articles:
            r = dict(a)
            if k:
                r["id"] = f"r{k}/{a['id']}"
            if k % 3 == 1:
                r["outlet"] = "新浪财经"
            if k % 3 == 2:
                r["body"] = "(来源:转载自" + (a["outlet"] or "网络") + ")" + a["body"]
            if k == 5 and r["published"]:
                r["published"] = "2024" + r["published"][4:]
            if k == 7:
                r["body"] = r["body"].replace(",", " , ").replace("。", ". ")
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
PY

export PYSPARK_PYTHON="$PWD/$venv/bin/python"
# Every case in one Spark application: one JVM start instead of one per case.
cases=("country fold table --scored" "country,outlet,period fold csv" "country keep jsonl")
python3 - "$work" "$bin" "${cases[@]}" >"$work/cases.py" <<'PY'
import json, sys
work, binary, cases = sys.argv[1], sys.argv[2], sys.argv[3:]
runs = []
for case in cases:
    by, dup, fmt, *rest = case.split()
    runs.append([f"{work}/corpus.jsonl", f"{work}/out-{by}-{dup}-{fmt}", "--partitions", "9", "--by", by,
                 "--duplicates", dup, "--format", fmt, "--binary", binary, "--model", "Models"] + rest)
print(f"""import sys
sys.path.insert(0, "Scripts/spark")
import stance_spark
for argv in {json.dumps(runs, ensure_ascii=False)}:
    stance_spark.main(argv)
""")
PY
"$venv/bin/spark-submit" --master 'local[2]' --conf spark.ui.enabled=false --conf spark.log.level=WARN \
    --py-files Scripts/spark/stance_spark.py "$work/cases.py" >"$work/spark.stdout" 2>"$work/spark.stderr" || { cat "$work/spark.stderr" >&2; exit 1; }
parts=$(cat "$work/spark.stdout" "$work/spark.stderr" | sed -n "s/^stance_spark: \([0-9]*\) input partitions.*/\1/p" | sort -n | head -1)
[ "${parts:-0}" -ge 8 ] || { echo "spark test: only ${parts:-?} partitions" >&2; exit 1; }
for case in "${cases[@]}"; do
    read -r by dup fmt _ <<<"$case"
    name="$by-$dup-$fmt"
    "$bin" summary "$work/corpus.jsonl" --by "$by" --duplicates "$dup" --format "$fmt" --quiet >"$work/$name.expected"
    if ! cmp -s "$work/$name.expected" "$work/out-$name/summary/part-00000"; then
        echo "spark test: $name differs from stance summary:" >&2
        diff "$work/$name.expected" "$work/out-$name/summary/part-00000" >&2 || true
        exit 1
    fi
    echo "spark test: --by $by --duplicates $dup --format $fmt: Spark ($parts partitions) == stance summary, $(wc -l <"$work/$name.expected") lines"
done

# The scored rows: the same rows as one stance score, whatever partition they were scored in.
"$bin" score "$work/corpus.jsonl" --format jsonl --quiet >"$work/score.expected"
python3 - "$work/score.expected" "$work"/out-country-fold-table/scored/part-* <<'PY'
import json, sys
def rows(paths):
    out = []
    for p in paths:
        for line in open(p, encoding="utf-8"):
            r = json.loads(line)
            out.append(r)
    return out
single, spark = rows(sys.argv[1:2]), rows(sys.argv[2:])
strip = lambda rs: sorted(json.dumps({k: v for k, v in r.items() if k != "story"}, sort_keys=True) for r in rs)
assert strip(single) == strip(spark), "score rows differ between stance score and the Spark job"
# Exact copies (same normalised body) share a story id in every partition.
by_id = {}
for r in spark:
    base = r["article"].split("/", 1)[-1]
    by_id.setdefault(base, set()).add(r["story"])
print(f"spark test: {len(spark)} score rows == stance score's; story ids of the 8 copies of each article: "
      f"at most {max(len(s) for s in by_id.values())} distinct (exact copies share one)")
PY
