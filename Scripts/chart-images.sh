#!/usr/bin/env bash
# Regenerates the pictures of the bundled corpus shown in README.md (Documentation/images/): the three
# charts and the report as SVG/HTML, and their PNGs through Scripts/screenshot.sh. Run after a change of
# the model or of the drawing, look at the PNGs, commit them.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
swift build >&2
stance="$(swift build --show-bin-path)/stance"
out=Documentation/images
mkdir -p "$out"
"$stance" chart --kind timeline --period month --output "$out/timeline.svg" --quiet
"$stance" chart --kind outlets --output "$out/outlets.svg" --quiet
"$stance" chart --kind labels --output "$out/labels.svg" --quiet
"$stance" report --period month --labels Evaluations/seeds --output "$out/report.html" --quiet
Scripts/screenshot.sh "$out"/timeline.svg "$out"/outlets.svg "$out"/labels.svg "$out"/report.html
for name in timeline outlets labels; do mv "$out/$name.svg.png" "$out/$name.png"; done
mv "$out/report.html.png" "$out/report.png"
ls -l "$out"
