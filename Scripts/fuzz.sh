#!/usr/bin/env bash
# Fuzzes the loaders or the scorer with libFuzzer + AddressSanitizer for a bounded time.
#
#   Scripts/fuzz.sh [SECONDS] [loader|scorer]   (default 60 s, loader; FUZZ_MAX_LEN sets the input size
#                                               limit, default 8192; FUZZ_REUSE_OBJECTS=1 relinks only
#                                               the target against the last build's Scoring.o/Pipeline.o)
#
# scorer: Fuzz/FuzzScorer.swift scores random segments (raw bytes, or built from the model's terms,
# repeated up to 300 KB) with the real model and seven models whose params.tsv is drawn from the
# checker's accepted ranges; corpus Fuzz/corpus-scorer-run/ (seeded from Fuzz/seeds-scorer/), log
# Fuzz/artifacts/scorer/fuzz.log, build .build-fuzz/scorer/. The two targets can run at the same time.
#
# Builds Fuzz/FuzzLoader.swift against the Scoring and Pipeline sources (compiled with
# -sanitize=fuzzer,address) into .build-fuzz/fuzz-loader, seeds Fuzz/corpus-run/ from
# Evaluations/*/*.txt and Fuzz/seeds/*, and runs for SECONDS. Crashes and broken invariants are saved
# in Fuzz/artifacts/ (reproduce one with `.build-fuzz/fuzz-loader Fuzz/artifacts/crash-...`);
# the log is Fuzz/artifacts/fuzz.log. Both folders are gitignored. Exit status: libFuzzer's
# (0 = nothing found).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
target=${2:-loader}
case "$target" in
    loader) out=.build-fuzz; source_file=Fuzz/FuzzLoader.swift; corpus=Fuzz/corpus-run; artifacts=Fuzz/artifacts
        binary=fuzz-loader; module=FuzzLoader; dict=(-dict=Fuzz/export.dict) ;;
    scorer) out=.build-fuzz/scorer; source_file=Fuzz/FuzzScorer.swift; corpus=Fuzz/corpus-scorer-run
        artifacts=Fuzz/artifacts/scorer; binary=fuzz-scorer; module=FuzzScorer; dict=() ;;
    *) echo "fuzz.sh: unknown target \`$target\` — use loader or scorer" >&2; exit 2 ;;
esac
mkdir -p "$out" "$corpus" "$artifacts"

common=(-sanitize=fuzzer,address -O -g -enable-testing -parse-as-library -swift-version 6)
scoring=$(find Sources/Scoring -name '*.swift' | LC_ALL=C sort)
pipeline=$(find Sources/Pipeline -name '*.swift' | LC_ALL=C sort)

echo "fuzz.sh: building the fuzz target in $out/ (log: $out/build.log)" >&2
build() {
    # FUZZ_REUSE_OBJECTS=1: keep Scoring.o and Pipeline.o from the last build (only the target changed).
    if [ -n "${FUZZ_REUSE_OBJECTS:-}" ] && [ -f "$out/Scoring.o" ] && [ -f "$out/Pipeline.o" ]; then
        swiftc "${common[@]}" -module-name "$module" -I "$out" "$source_file" "$out/Scoring.o" "$out/Pipeline.o" \
            -o "$out/$binary"
        return
    fi
    # shellcheck disable=SC2086
    swiftc "${common[@]}" -wmo -module-name Scoring -emit-module -emit-module-path "$out/Scoring.swiftmodule" \
        -c -o "$out/Scoring.o" $scoring &&
    # shellcheck disable=SC2086
    swiftc "${common[@]}" -wmo -module-name Pipeline -I "$out" -emit-module -emit-module-path "$out/Pipeline.swiftmodule" \
        -c -o "$out/Pipeline.o" $pipeline &&
    swiftc "${common[@]}" -module-name "$module" -I "$out" "$source_file" "$out/Scoring.o" "$out/Pipeline.o" \
        -o "$out/$binary"
}
if ! build > "$out/build.log" 2>&1; then
    grep -v 'Cannot export local symbol' "$out/build.log" >&2
    echo "fuzz.sh: the build failed" >&2
    exit 1
fi

# Seed corpus: the real exports, plus the hand-made seeds of Fuzz/seeds (JSON Lines, GB18030, damage);
# for the scorer, Fuzz/seeds-scorer (segments in both modes and lengths).
if [ "$target" = loader ]; then
    cp Evaluations/*/*.txt "$corpus"/
    cp Fuzz/seeds/* "$corpus"/ 2>/dev/null || true
else
    cp Fuzz/seeds-scorer/* "$corpus"/ 2>/dev/null || true
fi

export STANCE_MODEL=${STANCE_MODEL:-$PWD/Models}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:symbolize=1}
echo "fuzz.sh: fuzzing $target for ${seconds}s (corpus $corpus, artifacts $artifacts/)" >&2
set +e
"$out/$binary" "$corpus" \
    -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 -max_len="${FUZZ_MAX_LEN:-8192}" -detect_leaks=0 \
    "${dict[@]}" -artifact_prefix="$artifacts/" -print_final_stats=1 \
    2>&1 | tee "$artifacts/fuzz.log" | grep -E --line-buffered 'INITED|DONE|pulse|NEW_FUNC|ERROR|Sanitizer|invariant|crash-|timeout-|oom-|stat::' 
status=${PIPESTATUS[0]}
set -e
echo "fuzz.sh: libFuzzer exit status $status; last line:" >&2
grep -E '^#[0-9]+' "$artifacts/fuzz.log" | tail -1 >&2
exit "$status"
