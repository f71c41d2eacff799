#!/usr/bin/env bash
# Throughput benchmark for stance (Documentation/Performance.md).
#
# Usage:
#   Scripts/bench.sh [MB]          corpus of MB megabytes (default 100): summary, score --format jsonl, chart, report,
#                                  and grep -F over every lexicon term, each the median of several runs
#   Scripts/bench.sh --scaling     10 MB, 100 MB and 1 GB: time per MB and peak RSS (linearity, flat memory)
#   Options: --runs N (default 5; 3 at 1 GB and more), --threads N (passed to stance), --one-file
#            (also time summary over the whole corpus written as one file), --keep (keep corpora between
#            invocations; they are cached under $BENCH_DIR and rebuilt only when missing).
#   Environment: BENCH_DIR (default $TMPDIR/stance-bench), BENCH_SCRATCH (default .build-bench),
#            BENCH_NO_GNU_TIME=1 (use the getrusage fallback even where /usr/bin/time exists).
#
# MB here is 10^6 bytes. The corpus is made of the records of Evaluations/seeds/*.txt, repeated with a
# counter appended to every title, written as export files of 10 articles each (1000 files a folder).
# Everything is built in release with its own scratch path (.build-bench) so it never disturbs other
# builds in the checkout.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
bench_dir="${BENCH_DIR:-${TMPDIR:-/tmp}/stance-bench}"
scratch="${BENCH_SCRATCH:-$repo/.build-bench}"

sizes=()
scaling=0
runs=""
threads=""
one_file=0
keep=0
while [ $# -gt 0 ]; do
    case "$1" in
        --scaling) scaling=1 ;;
        --runs) runs="$2"; shift ;;
        --runs=*) runs="${1#--runs=}" ;;
        --threads) threads="$2"; shift ;;
        --threads=*) threads="${1#--threads=}" ;;
        --one-file) one_file=1 ;;
        --keep) keep=1 ;;
        -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        ''|*[!0-9]*) echo "bench: unknown argument \`$1\` (see --help)" >&2; exit 2 ;;
        *) sizes+=("$1") ;;
    esac
    shift
done
if [ "$scaling" = 1 ]; then sizes=(10 100 1000); fi
if [ ${#sizes[@]} -eq 0 ]; then sizes=(100); fi

# --- tools -----------------------------------------------------------------------------------------
command -v python3 >/dev/null || { echo "bench: python3 is needed to build the corpus" >&2; exit 1; }
time_bin=""
if [ -n "${BENCH_NO_GNU_TIME:-}" ]; then
    :  # force the getrusage fallback (to test it)
elif [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1; then
    time_bin=/usr/bin/time
elif command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "bench: installing GNU time for peak RSS" >&2
    { apt-get install -y -qq time || { apt-get update -qq && apt-get install -y -qq time; }; } >/dev/null 2>&1 || true
    [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1 && time_bin=/usr/bin/time
fi
[ -n "$time_bin" ] || echo "bench: GNU time not available: peak RSS from getrusage via python3" >&2

echo "bench: building release (scratch $scratch)" >&2
(cd "$repo" && swift build -c release --scratch-path "$scratch" >&2)
stance="$scratch/release/stance"
[ -x "$stance" ] || { echo "bench: no binary at $stance" >&2; exit 1; }
mkdir -p "$bench_dir"
# This run's own files (pattern list, logs, grep output): the corpora are shared and cached, but two
# checkouts benchmarking at once must not truncate each other's timings or swap the pattern list of
# another model in between runs.
work="$(mktemp -d "$bench_dir/run.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# --- grep patterns: every lexicon term and alias of the model ----------------------------------------
patterns="$work/patterns.txt"
python3 - "$repo/Models" "$patterns" <<'PY'
import sys, os
models, out = sys.argv[1], sys.argv[2]
def rows(name):
    with open(os.path.join(models, name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = line.split("\t")
            if cols[0] == "format":
                continue
            yield cols
terms = set()
for cols in rows("countries.tsv"):
    if len(cols) >= 3: terms.add(cols[2])
for cols in rows("falsefriends.tsv"): terms.add(cols[0])
for cols in rows("cues.tsv"):
    for part in cols[0].split("{X}"): terms.add(part.replace("*", ""))
for cols in rows("modifiers.tsv"): terms.add(cols[0].replace("*", ""))
# The tone layer's words and rule words (Documentation/Tone.md), when the model has them.
for name in ("tone_en.tsv", "tone_zh.tsv", "tone_rules.tsv"):
    if os.path.exists(os.path.join(models, name)):
        for cols in rows(name):
            if len(cols) >= 2 and (name != "tone_rules.tsv" or cols[1] != "parameter"):
                terms.add(cols[0].replace("*", ""))
terms = sorted(t.strip() for t in terms if t.strip())
with open(out, "w", encoding="utf-8") as f:
    f.write("".join(t + "\n" for t in terms))
PY

# --- corpus ----------------------------------------------------------------------------------------
# make_corpus MB → prints the corpus folder; writes CORPUS.meta (bytes articles files)
make_corpus() {
    local mb="$1" dir="$bench_dir/corpus-${1}MB"
    if [ -f "$dir.meta" ] && [ -d "$dir" ]; then echo "$dir"; return; fi
    rm -rf "$dir" "$dir.txt" "$dir.meta"
    echo "bench: writing a ${mb} MB corpus to $dir" >&2
    python3 - "$repo/Evaluations/seeds" "$dir" "$mb" <<'PY'
import sys, os, re, glob
seeds, out, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
outlet = re.compile(r"(·|・) ?\d{4}-\d\d-\d\d \d\d:\d\d\s*$")
records = []
for path in sorted(glob.glob(os.path.join(seeds, "*.txt"))):
    with open(path, encoding="utf-8-sig") as f:
        lines = f.read().split("\n")
    start = 0
    for i, l in enumerate(lines):
        if l.strip() in ("Search documents", "搜索文档"):
            start = i + 1
            break
    marks = [i for i in range(start + 1, len(lines)) if outlet.search(lines[i])]
    for n, m in enumerate(marks):
        end = marks[n + 1] - 1 if n + 1 < len(marks) else len(lines)
        body = [l for l in lines[m + 1:end] if l.strip()]
        if body:
            records.append((lines[m - 1].rstrip(), lines[m], body))
if not records:
    sys.exit("bench: no records found in " + seeds)
target = mb * 1_000_000
per_file, per_folder = 10, 1000
os.makedirs(out)
total = articles = files = 0
big = open(out + ".txt", "w", encoding="utf-8")
big.write("稀土\nSearch documents\n")
total_big = 0
while total < target:
    folder = os.path.join(out, "%04d" % (files // per_folder))
    if files % per_folder == 0:
        os.makedirs(folder, exist_ok=True)
    parts = ["稀土\nSearch documents\n"]
    for _ in range(per_file):
        title, outl, body = records[articles % len(records)]
        articles += 1
        parts.append("%s (%d)\n%s\n%s\n" % (title, articles, outl, "\n".join(body)))
    text = "".join(parts)
    with open(os.path.join(folder, "%06d.txt" % files), "w", encoding="utf-8") as f:
        f.write(text)
    big.write("".join(parts[1:]))
    files += 1
    total += len(text.encode("utf-8"))
big.close()
with open(out + ".meta", "w") as f:
    f.write("%d %d %d\n" % (total, articles, files))
PY
    echo "$dir"
}

# --- measuring -------------------------------------------------------------------------------------
# measure LOG STDOUT CMD... : runs CMD with its standard output to STDOUT, appends "seconds peak_kb"
# to LOG. grep's output goes to a regular file: GNU grep notices /dev/null and stops at the first
# match of each file, which would time nothing.
measure() {
    local out="$1" target="$2"; shift 2
    local t0 t1 rss
    if [ -n "$time_bin" ]; then
        t0=$(date +%s.%N)
        "$time_bin" -v -o "$work/time.log" "$@" >"$target" 2>"$work/stderr.log" || true
        t1=$(date +%s.%N)
        rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.log")
        echo "$(calc "$t1 - $t0") ${rss:-0}" >> "$out"
    else
        # Timed inside python, so its own start-up is not counted. The peak RSS of a child can include
        # python's pages from before the exec (~10 MB), which only matters for tiny programs like grep.
        python3 -c 'import resource, subprocess, sys, time
with open(sys.argv[1], "wb") as out:
    t0 = time.monotonic()
    subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.DEVNULL)
    t1 = time.monotonic()
print(t1 - t0, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$target" "$@" >> "$out"
    fi
}

calc() { awk "BEGIN { print $* }"; }
median() { sort -g | awk '{v[NR]=$1} END {if (NR==0) print 0; else if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }

thread_args=()
[ -n "$threads" ] && thread_args=(--threads "$threads")

declare -A result_spm result_rss result_ratio result_ratio_o
printf '\nstance bench — %s, %s cores, %s\n' "$(cd "$repo" && git rev-parse --short HEAD 2>/dev/null || echo '?')" "$(nproc)" "$(date -u +%Y-%m-%dT%H:%MZ)"
load_ms=()
for i in 1 2 3 4 5 6 7; do
    load_ms+=("$("$stance" model check --timing "$repo/Models" 2>&1 >/dev/null | awk '/timing: model load/ {print $4}')")
done
printf 'model load (read + validate + compile the automaton): %s ms (median of 7)\n' \
    "$(printf '%s\n' "${load_ms[@]}" | median)"

kinds=(grep grepo summary score chart report)
[ "$one_file" = 1 ] && kinds+=(file)

for mb in "${sizes[@]}"; do
    corpus=$(make_corpus "$mb")
    read -r bytes articles files < "$corpus.meta"
    n=${runs:-$([ "$mb" -ge 1000 ] && echo 3 || echo 5)}
    megabytes=$(calc "$bytes / 1000000")
    printf '\ncorpus %s: %.1f MB, %d articles in %d files; median of %d runs\n' "$corpus" "$megabytes" "$articles" "$files" "$n"
    printf '  %-34s %9s %9s %12s %11s %10s %12s\n' "" "seconds" "MB/s" "articles/s" "peak RSS" "vs grep -c" "vs grep -o"
    # Warm the page cache once so the first run is not the only one reading from disk.
    find "$corpus" -name "*.txt" -exec cat {} + > /dev/null
    [ "$one_file" = 1 ] && cat "$corpus.txt" > /dev/null
    for kind in "${kinds[@]}"; do : > "$work/runs.$kind"; done
    # Round robin, so a burst of load from elsewhere on a shared machine hits every command alike.
    for ((r = 0; r < n; r++)); do
        for kind in "${kinds[@]}"; do
            log="$work/runs.$kind"
            case "$kind" in
                grep) measure "$log" "$work/grep.out" env LC_ALL=C grep -r -F -c -f "$patterns" "$corpus" ;;
                grepo) measure "$log" "$work/grep.out" env LC_ALL=C grep -r -h -F -o -f "$patterns" "$corpus" ;;
                summary) measure "$log" /dev/null "$stance" summary "$corpus" --quiet "${thread_args[@]}" ;;
                score) measure "$log" /dev/null "$stance" score "$corpus" --format jsonl --quiet "${thread_args[@]}" ;;
                file) measure "$log" /dev/null "$stance" summary "$corpus.txt" --quiet "${thread_args[@]}" ;;
                chart) measure "$log" /dev/null "$stance" chart "$corpus" --kind timeline --quiet "${thread_args[@]}" ;;
                report) measure "$log" /dev/null "$stance" report "$corpus" --quiet "${thread_args[@]}" ;;
            esac
            rm -f "$work/grep.out"
        done
    done
    for kind in "${kinds[@]}"; do
        log="$work/runs.$kind"
        secs=$(cut -d' ' -f1 "$log" | median)
        rss=$(cut -d' ' -f2 "$log" | median)
        mbs=$(calc "$megabytes / $secs")
        [ "$kind" = grep ] && grep_mbs=$mbs
        [ "$kind" = grepo ] && grepo_mbs=$mbs
        ratio=$(calc "$mbs / $grep_mbs")
        ratio_o=$([ "$kind" = grep ] && echo "" || calc "$mbs / $grepo_mbs")
        case "$kind" in
            grep) label="grep -F -c -f <$(wc -l < "$patterns") terms>" ;;
            grepo) label="grep -F -o -f <same terms>" ;;
            summary) label="stance summary" ;;
            score) label="stance score --format jsonl" ;;
            file) label="stance summary (one file)" ;;
            chart) label="stance chart --kind timeline" ;;
            report) label="stance report" ;;
        esac
        printf '  %-34s %9.3f %9.1f %12.0f %8.1f MB %9.2fx %11s\n' "$label" "$secs" "$mbs" \
            "$(calc "$articles / $secs")" "$(calc "$rss / 1024")" "$ratio" "$([ -n "$ratio_o" ] && printf '%.2fx' "$ratio_o")"
        result_spm["$kind.$mb"]=$(calc "$secs * 1000 / $megabytes")
        result_rss["$kind.$mb"]=$(calc "$rss / 1024")
        result_ratio["$kind.$mb"]=$ratio
        result_ratio_o["$kind.$mb"]=${ratio_o:-0}
    done
    if [ "$keep" = 0 ] && [ "$scaling" = 0 ] && [ "$mb" -ge 1000 ]; then rm -rf "$corpus" "$corpus.txt" "$corpus.meta"; fi
done
printf '\n  grep -c counts matching lines: it stops at the first match of a line and skips to the next\n'
printf '  newline, so it reads a fraction of the text. grep -o reports every match, as the matcher must.\n'

if [ "$scaling" = 1 ]; then
    printf '\nscaling (ms per MB; peak RSS)\n'
    printf '  %-8s %16s %16s %16s %18s\n' "corpus" "grep ms/MB" "summary ms/MB" "score ms/MB" "summary peak RSS"
    for mb in "${sizes[@]}"; do
        printf '  %-8s %16.2f %16.2f %16.2f %15.1f MB\n' "${mb} MB" "${result_spm[grep.$mb]}" \
            "${result_spm[summary.$mb]}" "${result_spm[score.$mb]}" "${result_rss[summary.$mb]}"
    done
    big=${sizes[-1]}
    printf '  summary time/MB at %s MB vs 100 MB: %+.1f%%; peak RSS %+.1f MB\n' "$big" \
        "$(calc "(${result_spm[summary.$big]} / ${result_spm[summary.100]} - 1) * 100")" \
        "$(calc "${result_rss[summary.$big]} - ${result_rss[summary.100]}")"
    printf '  score   time/MB at %s MB vs 100 MB: %+.1f%%\n' "$big" \
        "$(calc "(${result_spm[score.$big]} / ${result_spm[score.100]} - 1) * 100")"
    if [ "$one_file" = 1 ]; then
        printf '  summary of one file: %.2f ms/MB at 100 MB, %.2f ms/MB at %s MB (%+.1f%%); peak RSS %.1f / %.1f MB\n' \
            "${result_spm[file.100]}" "${result_spm[file.$big]}" "$big" \
            "$(calc "(${result_spm[file.$big]} / ${result_spm[file.100]} - 1) * 100")" \
            "${result_rss[file.100]}" "${result_rss[file.$big]}"
    fi
    if [ "$keep" = 0 ]; then rm -rf "$bench_dir"/corpus-1000MB "$bench_dir"/corpus-1000MB.txt "$bench_dir"/corpus-1000MB.meta; fi
fi

# --- the targets of the throughput issue (Documentation/Performance.md) ------------------------------
verdict() { awk "BEGIN { exit !($1) }" && echo "met" || echo "NOT met"; }
if [ -n "${result_spm[summary.100]:-}" ]; then
    printf '\ntargets at 100 MB\n'
    model_ms=$(printf '%s\n' "${load_ms[@]}" | median)
    printf '  summary >= 1.5x grep -c:  %5.2fx  %s\n' "${result_ratio[summary.100]}" "$(verdict "${result_ratio[summary.100]} >= 1.5")"
    printf '  summary >= 1.5x grep -o:  %5.2fx  %s\n' "${result_ratio_o[summary.100]}" "$(verdict "${result_ratio_o[summary.100]} >= 1.5")"
    printf '  score   >= 1.0x grep -c:  %5.2fx  %s\n' "${result_ratio[score.100]}" "$(verdict "${result_ratio[score.100]} >= 1.0")"
    printf '  score   >= 1.0x grep -o:  %5.2fx  %s\n' "${result_ratio_o[score.100]}" "$(verdict "${result_ratio_o[score.100]} >= 1.0")"
    printf '  summary peak RSS <= 150 MB: %.1f MB  %s\n' "${result_rss[summary.100]}" "$(verdict "${result_rss[summary.100]} <= 150")"
    printf '  model load <= 50 ms:      %s ms  %s\n' "$model_ms" "$(verdict "$model_ms <= 50")"
    for kind in chart report; do
        ratio_t=$(calc "${result_spm[$kind.100]} / ${result_spm[summary.100]}")
        printf '  %-6s time <= 1.2x summary: %5.2fx  %s\n' "$kind" "$ratio_t" "$(verdict "$ratio_t <= 1.2")"
    done
    if [ -n "${result_spm[summary.1000]:-}" ]; then
        printf '  summary time/MB at 1 GB within 15%% of 100 MB: %+.1f%%  %s\n' \
            "$(calc "(${result_spm[summary.1000]} / ${result_spm[summary.100]} - 1) * 100")" \
            "$(verdict "${result_spm[summary.1000]} <= 1.15 * ${result_spm[summary.100]}")"
        printf '  summary peak RSS flat from 100 MB to 1 GB (within 10 MB): %+.1f MB  %s\n' \
            "$(calc "${result_rss[summary.1000]} - ${result_rss[summary.100]}")" \
            "$(verdict "${result_rss[summary.1000]} - ${result_rss[summary.100]} <= 10")"
    fi
fi
