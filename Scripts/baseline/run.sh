#!/usr/bin/env bash
# Run the off-the-shelf sentiment baseline (see README.md beside this file).
# Usage: Scripts/baseline/run.sh Evaluations/seeds [more set dirs] [--json] [other options]
# Creates <repo>/.venv-baseline on first use and installs the two sentiment packages into it.
# Set dirs are taken relative to the current directory, as with the script itself.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="$repo/.venv-baseline"
py="$venv/bin/python"

# Pinned so that baseline numbers are reproducible from one run to the next.
pkgs=(vaderSentiment==3.3.2 snownlp==0.12.3)

if [ ! -x "$py" ]; then
    echo "baseline: creating $venv" >&2
    rm -rf "$venv"
    python3 -m venv "$venv"
fi

if ! "$py" -c 'import vaderSentiment.vaderSentiment, snownlp' >/dev/null 2>&1; then
    echo "baseline: installing ${pkgs[*]} into $venv" >&2
    "$py" -m pip install --quiet --disable-pip-version-check "${pkgs[@]}" >&2
fi

exec "$py" "$here/sentiment_baseline.py" "$@"
