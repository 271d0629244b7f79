#!/usr/bin/env bash
# Times a batch of the devset pages (`galley articles DIR -o OUTDIR`) with -j 1 and -j 2, and
# pdftotext run over the same files one after another, in rounds (each tool once per round, best
# round kept, as scripts/benchmark.sh does), and prints pages per second and the ratios.
#
#   scripts/batch-benchmark.sh [--pages DIR] [--runs N]
#
# Targets (issue 10): -j 2 >= 1.8 x the pages per second of -j 1; -j 2 >= 1.3 x pdftotext.
# Builds the release binary first (swift build -c release --static-swift-stdlib) unless GALLEY names one.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
pages_dir="$root/../shared/devset"
runs=3
while [ $# -gt 0 ]; do
    case "$1" in
        --pages) pages_dir=$2; shift ;;
        --runs) runs=$2; shift ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "batch-benchmark.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

command -v pdftotext >/dev/null || { echo "batch-benchmark.sh: pdftotext is missing (apt-get install poppler-utils)" >&2; exit 2; }
[ -d "$pages_dir" ] || { echo "batch-benchmark.sh: no pages at $pages_dir" >&2; exit 2; }
mapfile -t pdfs < <(find "$pages_dir" -maxdepth 1 -name '*.pdf' | sort)
[ ${#pdfs[@]} -gt 0 ] || { echo "batch-benchmark.sh: no PDF in $pages_dir" >&2; exit 2; }

if [ -z "${GALLEY:-}" ]; then
    echo "building the release binary ..." >&2
    (cd "$root" && swift build -c release --static-swift-stdlib >&2)
    GALLEY="$root/.build/release/galley"
fi
[ -x "$GALLEY" ] || { echo "batch-benchmark.sh: no galley binary at $GALLEY" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The batch reads a folder: the same PDFs, linked.
mkdir "$work/in"
for pdf in "${pdfs[@]}"; do ln -s "$pdf" "$work/in/"; done
for pdf in "${pdfs[@]}"; do cat "$pdf" >/dev/null; done

now() { date +%s.%N; }
# Seconds of one run of a command.
seconds() {
    local start end
    start=$(now)
    "$@" >/dev/null 2>&1 || { echo "batch-benchmark.sh: failed: $*" >&2; exit 1; }
    end=$(now)
    echo "$end - $start" | bc -l
}
pdftotext_all() { for pdf in "${pdfs[@]}"; do pdftotext "$pdf" "$work/out.txt"; done; }
batch() { rm -rf "$work/out"; "$GALLEY" articles "$work/in" -o "$work/out" -j "$1" --quiet; }

best1="" best2="" bestp=""
min() { if [ -z "$1" ] || [ "$(echo "$2 < $1" | bc -l)" = 1 ]; then echo "$2"; else echo "$1"; fi; }
for _ in $(seq "$runs"); do
    best1=$(min "$best1" "$(seconds batch 1)")
    best2=$(min "$best2" "$(seconds batch 2)")
    bestp=$(min "$bestp" "$(seconds pdftotext_all)")
done
n=${#pdfs[@]}
rate() { echo "$n / $1" | bc -l; }
echo "galley: $GALLEY; $n pages in $pages_dir; best of $runs rounds; $(nproc) cores"
printf '%-28s %6.2f s  %6.1f pages/s\n' "pdftotext, one after another" "$bestp" "$(rate "$bestp")"
printf '%-28s %6.2f s  %6.1f pages/s\n' "galley articles -j 1" "$best1" "$(rate "$best1")"
printf '%-28s %6.2f s  %6.1f pages/s\n' "galley articles -j 2" "$best2" "$(rate "$best2")"
printf '%-28s %6.2f x  (target >= 1.8)\n' "-j 2 over -j 1" "$(echo "$best1 / $best2" | bc -l)"
printf '%-28s %6.2f x  (target >= 1.3)\n' "-j 2 over pdftotext" "$(echo "$bestp / $best2" | bc -l)"
