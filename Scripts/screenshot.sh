#!/usr/bin/env bash
# Renders SVG or HTML files to PNG with headless Chromium, to look at charts and reports as a reader would.
#
# Usage: Scripts/screenshot.sh [--width PX] [--height PX] FILE...
#   Writes FILE.png beside each FILE (report.html → report.html.png). SVGs are shot at their own size
#   (the width and height attributes of the root element); HTML at --width (default 1200) and a height
#   that fits the page (--height overrides it).
#   Installs Debian's `chromium` and `fonts-noto-cjk` with apt-get when they are missing (needs root);
#   without the CJK fonts Chinese text would render as empty boxes.
set -euo pipefail

width=1200
height=""
files=()
while [ $# -gt 0 ]; do
    case "$1" in
        --width) width="$2"; shift ;;
        --height) height="$2"; shift ;;
        -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) files+=("$1") ;;
    esac
    shift
done
[ ${#files[@]} -gt 0 ] || { echo "screenshot: give one or more .svg or .html files (see --help)" >&2; exit 2; }

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ] || [ "$(fc-list 2>/dev/null | grep -ci 'Noto Sans CJK' || true)" = 0 ]; then
    command -v apt-get >/dev/null || { echo "screenshot: install chromium and fonts-noto-cjk first" >&2; exit 1; }
    [ "$(id -u)" = 0 ] || { echo "screenshot: run as root, or install chromium and fonts-noto-cjk first" >&2; exit 1; }
    echo "screenshot: installing chromium and fonts-noto-cjk" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk fonts-noto-core fontconfig >&2
    browser=$(command -v chromium || command -v chromium-browser)
fi

for file in "${files[@]}"; do
    [ -f "$file" ] || { echo "screenshot: $file: no such file" >&2; exit 1; }
    path=$(cd "$(dirname "$file")" && pwd)/$(basename "$file")
    w=$width
    h=${height:-}
    case "$file" in
        *.svg)
            # The root element's own size, so nothing is cropped or padded.
            read -r w h < <(python3 - "$path" <<'PY'
import re, sys
head = open(sys.argv[1], encoding="utf-8").read(2000)
w = re.search(r'<svg[^>]*\swidth="(\d+)', head); h = re.search(r'<svg[^>]*\sheight="(\d+)', head)
print(w.group(1) if w else 960, h.group(1) if h else 540)
PY
)
            ;;
        *)
            if [ -z "$h" ]; then
                # Measure the laid-out page: a copy with one line of script that writes the page height
                # into its title (the file itself stays script-free), read back with --dump-dom.
                probe="$(dirname "$path")/.screenshot-probe-$$.html"
                sed 's|</body>|<script>document.title = String(document.documentElement.scrollHeight)</script></body>|' \
                    "$path" > "$probe"
                h=$("$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$w,800" \
                    --dump-dom "file://$probe" 2>/dev/null | sed -n 's|.*<title>\([0-9]*\)</title>.*|\1|p' | head -1)
                rm -f "$probe"
                h=${h:-2000}
            fi
            ;;
    esac
    out="$file.png"
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
        --window-size="$w,$h" --screenshot="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")" "file://$path" \
        >/dev/null 2>&1
    echo "$out (${w}x${h})"
done
