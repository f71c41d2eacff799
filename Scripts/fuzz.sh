#!/usr/bin/env bash
# Fuzzes the loaders with libFuzzer + AddressSanitizer for a bounded time.
#
#   Scripts/fuzz.sh [SECONDS]        (default 60; FUZZ_MAX_LEN sets the input size limit, default 8192)
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
out=.build-fuzz
mkdir -p "$out" Fuzz/corpus-run Fuzz/artifacts

common=(-sanitize=fuzzer,address -O -g -enable-testing -parse-as-library -swift-version 6)
scoring=$(find Sources/Scoring -name '*.swift' | LC_ALL=C sort)
pipeline=$(find Sources/Pipeline -name '*.swift' | LC_ALL=C sort)

echo "fuzz.sh: building the fuzz target in $out/ (log: $out/build.log)" >&2
build() {
    # shellcheck disable=SC2086
    swiftc "${common[@]}" -wmo -module-name Scoring -emit-module -emit-module-path "$out/Scoring.swiftmodule" \
        -c -o "$out/Scoring.o" $scoring &&
    # shellcheck disable=SC2086
    swiftc "${common[@]}" -wmo -module-name Pipeline -I "$out" -emit-module -emit-module-path "$out/Pipeline.swiftmodule" \
        -c -o "$out/Pipeline.o" $pipeline &&
    swiftc "${common[@]}" -module-name FuzzLoader -I "$out" Fuzz/FuzzLoader.swift "$out/Scoring.o" "$out/Pipeline.o" \
        -o "$out/fuzz-loader"
}
if ! build > "$out/build.log" 2>&1; then
    grep -v 'Cannot export local symbol' "$out/build.log" >&2
    echo "fuzz.sh: the build failed" >&2
    exit 1
fi

# Seed corpus: the real exports, plus the hand-made seeds of Fuzz/seeds (JSON Lines, GB18030, damage).
cp Evaluations/*/*.txt Fuzz/corpus-run/
cp Fuzz/seeds/* Fuzz/corpus-run/ 2>/dev/null || true

export STANCE_MODEL=${STANCE_MODEL:-$PWD/Models}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:symbolize=1}
echo "fuzz.sh: fuzzing for ${seconds}s (corpus Fuzz/corpus-run, artifacts Fuzz/artifacts/)" >&2
set +e
"$out/fuzz-loader" Fuzz/corpus-run \
    -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 -max_len="${FUZZ_MAX_LEN:-8192}" -detect_leaks=0 \
    -dict=Fuzz/export.dict -artifact_prefix=Fuzz/artifacts/ -print_final_stats=1 \
    2>&1 | tee Fuzz/artifacts/fuzz.log | grep -E --line-buffered 'INITED|DONE|pulse|NEW_FUNC|ERROR|Sanitizer|invariant|crash-|timeout-|oom-|stat::' 
status=${PIPESTATUS[0]}
set -e
echo "fuzz.sh: libFuzzer exit status $status; last line:" >&2
grep -E '^#[0-9]+' Fuzz/artifacts/fuzz.log | tail -1 >&2
exit "$status"
