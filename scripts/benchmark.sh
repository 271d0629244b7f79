#!/usr/bin/env bash
# Times `galley inspect --format json` (and, with --articles, `galley articles`) against pdftotext over
# the devset pages, in one run each, and prints the ratios and galley's peak memory.
#
#   scripts/benchmark.sh [--articles] [--pages DIR] [--runs N]
#
# Environment: SCRATCH (SwiftPM scratch path, default .build-bench), GALLEY (use this binary instead of
# building one), SWIFT_BUILD_FLAGS (extra flags for `swift build`, e.g. --static-swift-stdlib).
# Targets (issue 2): inspect <= 1.5 x pdftotext, articles <= 2 x pdftotext.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
pages_dir="$root/../shared/devset"
articles=0
runs=3
while [ $# -gt 0 ]; do
    case "$1" in
        --articles) articles=1 ;;
        --pages) pages_dir=$2; shift ;;
        --runs) runs=$2; shift ;;
        -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
        *) echo "benchmark.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

command -v pdftotext >/dev/null || { echo "benchmark.sh: pdftotext is missing (apt-get install poppler-utils)" >&2; exit 2; }
[ -d "$pages_dir" ] || { echo "benchmark.sh: no pages at $pages_dir" >&2; exit 2; }
mapfile -t pdfs < <(find "$pages_dir" -maxdepth 1 -name '*.pdf' | sort)
[ ${#pdfs[@]} -gt 0 ] || { echo "benchmark.sh: no PDF in $pages_dir" >&2; exit 2; }

if [ -z "${GALLEY:-}" ]; then
    scratch=${SCRATCH:-.build-bench}
    echo "building release binary in $scratch ..." >&2
    (cd "$root" && swift build -c release --scratch-path "$scratch" ${SWIFT_BUILD_FLAGS:-} >&2)
    GALLEY="$root/$scratch/release/galley"
fi
[ -x "$GALLEY" ] || { echo "benchmark.sh: no galley binary at $GALLEY" >&2; exit 2; }

now() { date +%s.%N; }
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

# Seconds to run "$@" once per PDF (the PDF is the last argument), best of $runs.
time_all() {
    local best="" start end t
    for _ in $(seq "$runs"); do
        start=$(now)
        for pdf in "${pdfs[@]}"; do "$@" "$pdf" >/dev/null 2>&1 || { echo "failed: $* $pdf" >&2; return 1; }; done
        end=$(now)
        t=$(echo "$end - $start" | bc -l)
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
    done
    echo "$best"
}

# Largest resident set (KiB) of a command over all PDFs; "{}" in the command stands for the PDF.
# Read from /usr/bin/time where installed (apt package `time`), else by polling /proc/PID/status.
peak_kib() {
    local peak=0 kib pdf args a
    for pdf in "${pdfs[@]}"; do
        args=()
        for a in "$@"; do [ "$a" = "{}" ] && args+=("$pdf") || args+=("$a"); done
        if [ -x /usr/bin/time ]; then
            /usr/bin/time -f '%M' -o "$tmp" "${args[@]}" >/dev/null 2>&1 || true
            kib=$(tail -1 "$tmp")
        else
            "${args[@]}" >/dev/null 2>&1 &
            local pid=$! v
            kib=0
            while kill -0 "$pid" 2>/dev/null; do
                v=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
                [ -n "$v" ] && [ "$v" -gt "$kib" ] && kib=$v
                sleep 0.005
            done
            wait "$pid" || true
        fi
        [ "${kib:-0}" -gt "$peak" ] && peak=$kib
    done
    echo "$peak"
}

pdftotext_one() { pdftotext "$1" -; }
inspect_one() { "$GALLEY" inspect --format json "$1"; }
inspect_norules_one() { "$GALLEY" inspect --format json --no-rules "$1"; }
articles_one() { "$GALLEY" articles "$1"; }

# Warm the file cache so the first tool timed is not penalised.
for pdf in "${pdfs[@]}"; do cat "$pdf" >/dev/null; done
time_all pdftotext_one >/dev/null

echo "pages: ${#pdfs[@]} PDFs in $pages_dir; best of $runs runs; one process per PDF for every tool"
t_ref=$(time_all pdftotext_one)
t_inspect=$(time_all inspect_one)
t_norules=$(time_all inspect_norules_one)
printf '%-34s %7.3f s\n' "pdftotext (default mode)" "$t_ref"
printf '%-34s %7.3f s   %5.2f x pdftotext   (target <= 1.5 x)\n' "galley inspect --format json" "$t_inspect" "$(echo "$t_inspect / $t_ref" | bc -l)"
printf '%-34s %7.3f s   %5.2f x pdftotext\n' "  the same with --no-rules" "$t_norules" "$(echo "$t_norules / $t_ref" | bc -l)"
printf '%-34s %7.1f MiB\n' "galley inspect peak memory" "$(echo "$(peak_kib "$GALLEY" inspect --format json {}) / 1024" | bc -l)"
printf '%-34s %7.1f MiB\n' "pdftotext peak memory" "$(echo "$(peak_kib pdftotext {} -) / 1024" | bc -l)"

if [ "$articles" = 1 ]; then
    if t_articles=$(time_all articles_one); then
        printf '%-34s %7.3f s   %5.2f x pdftotext   (target <= 2 x)\n' "galley articles" "$t_articles" "$(echo "$t_articles / $t_ref" | bc -l)"
        printf '%-34s %7.1f MiB\n' "galley articles peak memory" "$(echo "$(peak_kib "$GALLEY" articles {}) / 1024" | bc -l)"
    else
        echo "galley articles: failed on a page (see above)"
    fi
fi
