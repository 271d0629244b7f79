#!/usr/bin/env bash
# Regenerates Renders/report.png, the screenshot of `galley report` the README shows: a report of two
# sample pages and a file that is no PDF, taken with headless Chromium (apt-get install chromium).
#
#   scripts/report-screenshot.sh [GALLEY]      (default: .build/debug/galley)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
galley=${1:-$root/.build/debug/galley}
command -v chromium >/dev/null || { echo "report-screenshot.sh: chromium is missing (apt-get install chromium)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/issue"
cp "$root/Samples/en-front.pdf" "$root/Samples/zh-front.pdf" "$work/issue/"
printf 'not a pdf' > "$work/issue/broken.pdf"
(cd "$work" && "$galley" report issue -o report --quiet) || true
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile" \
    --force-device-scale-factor=0.7 --window-size=1100,760 --screenshot="$root/Renders/report.png" \
    "file://$work/report/index.html" 2>/dev/null
echo "$root/Renders/report.png"
