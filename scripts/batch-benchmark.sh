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
# The batch reads a folder: the same PDFs, linked.
mkdir "$work/in"
for pdf in "${pdfs[@]}"; do ln -s "$pdf" "$work/in/"; done
for pdf in "${pdfs[@]}"; do cat "$pdf" >/dev/null; done

tmp=$(mktemp)
trap 'rm -rf "$work" "$tmp"' EXIT
# Wall-clock and CPU seconds (user + system, children included) of one run of a command.
measure() {
    /usr/bin/time -f '%e %U %S' -o "$tmp" "$@" >/dev/null 2>&1 || { echo "batch-benchmark.sh: failed: $*" >&2; exit 1; }
    tail -1 "$tmp" | awk '{ printf "%s %.2f\n", $1, $2 + $3 }'
}
pdftotext_all() { for pdf in "${pdfs[@]}"; do pdftotext "$pdf" "$work/out.txt"; done; }
batch() { rm -rf "$work/out"; "$GALLEY" articles "$work/in" -o "$work/out" -j "$1" --quiet; }
export -f pdftotext_all batch
export GALLEY work

declare -A wall cpu
min() { if [ -z "$1" ] || [ "$(echo "$2 < $1" | bc -l)" = 1 ]; then echo "$2"; else echo "$1"; fi; }
for _ in $(seq "$runs"); do
    for tool in j1 j2 pdftotext; do
        case $tool in
            j1) read -r w c < <(measure bash -c 'batch 1') ;;
            j2) read -r w c < <(measure bash -c 'batch 2') ;;
            pdftotext) read -r w c < <(measure bash -c "pdfs=(${pdfs[*]@Q}); $(declare -f pdftotext_all); pdftotext_all") ;;
        esac
        wall[$tool]=$(min "${wall[$tool]:-}" "$w")
        cpu[$tool]=$(min "${cpu[$tool]:-}" "$c")
    done
done
n=${#pdfs[@]}
rate() { echo "$n / $1" | bc -l; }
echo "galley: $GALLEY; $n pages in $pages_dir; best of $runs rounds; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for tool in pdftotext j1 j2; do
    label=$([ $tool = pdftotext ] && echo "pdftotext, one after another" || echo "galley articles -j ${tool#j}")
    printf '%-28s wall %6.2f s  %6.1f pages/s   cpu %6.2f s\n' "$label" "${wall[$tool]}" "$(rate "${wall[$tool]}")" "${cpu[$tool]}"
done
printf '%-28s %6.2f x  (target >= 1.8)\n' "-j 2 over -j 1" "$(echo "${wall[j1]} / ${wall[j2]}" | bc -l)"
printf '%-28s %6.2f x  (target >= 1.3)\n' "-j 2 over pdftotext" "$(echo "${wall[pdftotext]} / ${wall[j2]}" | bc -l)"
# What the wall clock would be with the cores to itself: the CPU time spread over them. On a shared
# machine whose other load takes the cores, the wall-clock ratios above fall short of this.
printf '%-28s %6.2f x  (pdftotext cpu / (galley -j 2 cpu / %d cores))\n' "-j 2 over pdftotext, idle" \
    "$(echo "${cpu[pdftotext]} / (${cpu[j2]} / $(nproc))" | bc -l)" "$(nproc)"
