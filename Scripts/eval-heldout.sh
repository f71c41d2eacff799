#!/usr/bin/env bash
# Evaluates the model on every held-out part at once: the real file 002 of Evaluations/seeds and the
# written sets Evaluations/heldout, heldout2, heldout3 and heldout4, and the real-style third
# Evaluations/realistic-heldout (none of them tuned on; see each folder's README). Prints each set,
# then all of them pooled ("== all sets").
# Usage: Scripts/eval-heldout.sh [stance eval options, e.g. --format json or --model DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product stance >/dev/null
only=002_3260e73088ab1401.txt
for set in heldout heldout2 heldout3 heldout4 realistic-heldout; do
  for f in Evaluations/$set/*.txt; do only+=",$(basename "$f")"; done
done
exec .build/release/stance eval Evaluations/seeds Evaluations/heldout Evaluations/heldout2 \
  Evaluations/heldout3 Evaluations/heldout4 Evaluations/realistic-heldout --only "$only" "$@"
