#!/usr/bin/env bash
# The worst-case segment benchmark (issue 12): the longest text the loader accepts as one record, built
# to maximise mentions, cues, modifiers, lists, quotes and questions, scored by the release binary.
# Prints wall time, CPU time (user + system) and peak RSS (GNU time -v) for each case; the targets are
# <= 2 s and <= 150 MB. On a shared machine wall time includes waiting for a core, so the verdict uses
# the CPU time (what the run costs) and both are printed.
#
#   Scripts/worst-case.sh            (BENCH_SCRATCH as in bench.sh, default .build-bench)
#
# Cases:
#   export: one record, a 4 MiB title line and a body of four lines just under 4 MiB each (16 MiB in
#           all, the record limit) with no sentence end, so it is one "sentence" of 16 MiB;
#   jsonl:  one JSON Lines record whose body is one line just under 4 MiB (the line limit);
#   clauses: the same export with a comma after every unit (many clauses, world shares to scan).
# The text repeats 美国和日本不依赖中国稀土吗“中国主导”全球占九成非常卡中国脖子但是 (or the
# comma variant); every piece is a model term.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
scratch="${BENCH_SCRATCH:-$repo/.build-bench}"
work="${TMPDIR:-/tmp}/stance-worst-case-$$"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
[ -x /usr/bin/time ] || { echo "worst-case: /usr/bin/time (GNU time) is needed for peak RSS" >&2; exit 1; }
echo "worst-case: building release (scratch $scratch)" >&2
(cd "$repo" && swift build -c release --scratch-path "$scratch" >&2)
stance="$scratch/release/stance"

python3 - "$work" <<'PY'
import sys, os, json
work = sys.argv[1]
unit = "美国和日本不依赖中国稀土吗“中国主导”全球占九成非常卡中国脖子但是"
comma = unit + "，"
def line(u, limit):
    b = u.encode()
    n = (limit - 1024) // len(b)
    return (u * n)
four = 4 << 20
with open(os.path.join(work, "export.txt"), "w", encoding="utf-8") as f:
    f.write("Workflow\n稀土\nicon\nSearch documents\n")
    f.write(line(unit, four) + "\n")
    f.write("Sou Hu Cai Jing· 2025-07-22 06:20\n")
    for _ in range(4):
        f.write(line(unit, four) + "\n")
with open(os.path.join(work, "clauses.txt"), "w", encoding="utf-8") as f:
    f.write("Workflow\n稀土\nicon\nSearch documents\n")
    f.write(line(comma, four) + "\n")
    f.write("Sou Hu Cai Jing· 2025-07-22 06:20\n")
    for _ in range(4):
        f.write(line(comma, four) + "\n")
with open(os.path.join(work, "record.jsonl"), "w", encoding="utf-8") as f:
    body = line(unit, four - 200)
    f.write(json.dumps({"title": "稀土", "body": body}, ensure_ascii=False) + "\n")
PY

printf '%-10s %10s %8s %8s %9s  %s\n' case "input MB" seconds "cpu s" "peak MB" "account (exit)"
for c in export clauses jsonl; do
    file="$work/$c.txt"; [ "$c" = jsonl ] && file="$work/record.jsonl"
    set +e
    /usr/bin/time -v -o "$work/time.log" "$stance" score "$file" --format jsonl --model "$repo/Models" \
        > "$work/out.jsonl" 2> "$work/err.log"
    status=$?
    set -e
    cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.2f", s}' "$work/time.log")
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$work/time.log")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$work/time.log")
    mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN {printf "%.1f", b/1048576}')
    printf '%-10s %10s %8s %8s %9s  %s (%s)\n' "$c" "$mb" "$secs" "$cpu" "$rss" "$(tail -1 "$work/err.log")" "$status"
    awk -v s="$cpu" -v r="$rss" -v c="$c" 'BEGIN { if (s > 2 || r > 150) { print "worst-case: " c ": over the target (<= 2 s CPU, <= 150 MB)" > "/dev/stderr" } }'
done
