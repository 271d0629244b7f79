#!/usr/bin/env bash
# Times `galley inspect --format json` and `galley articles` against pdftotext over the devset pages,
# in one run, and prints: the ratios (wall-clock and CPU), galley's peak memory, and the layout-only
# time of the largest devset page (the one with the most glyphs; best of several runs of
# `galley articles --timings`).
#
#   scripts/benchmark.sh [--pages DIR] [--runs N] [--layout-runs N] [--no-articles] [--instructions]
#
# --instructions also counts the instructions each tool executes over the pages (valgrind's callgrind,
# on a stripped copy of galley): slower, but the same on every run however busy the machine is.
#
# Builds the release binary first (in $SCRATCH, default .build-bench) unless GALLEY names one.
# Environment: SCRATCH (SwiftPM scratch path), GALLEY (use this binary instead of building one),
# SWIFT_BUILD_FLAGS (flags for `swift build`; default --static-swift-stdlib, which starts faster).
# Then the three 200,000-glyph pages of scripts/make-hostile-pages.py (one line, one spot, a dense page).
# Targets: inspect <= 1.5 x pdftotext, articles <= 1.5 x pdftotext, articles --format alto <= 1.1 x
# articles (JSON), layout of the largest page < 50 ms, each 200,000-glyph page < 2 s.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
pages_dir="$root/../shared/devset"
articles=1
runs=3
layout_runs=7
instructions=0
while [ $# -gt 0 ]; do
    case "$1" in
        --articles) articles=1 ;;
        --no-articles) articles=0 ;;
        --pages) pages_dir=$2; shift ;;
        --runs) runs=$2; shift ;;
        --layout-runs) layout_runs=$2; shift ;;
        --instructions) instructions=1 ;;
        -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
        *) echo "benchmark.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

[ -x /usr/bin/time ] || { echo "benchmark.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
command -v pdftotext >/dev/null || { echo "benchmark.sh: pdftotext is missing (apt-get install poppler-utils)" >&2; exit 2; }
[ -d "$pages_dir" ] || { echo "benchmark.sh: no pages at $pages_dir" >&2; exit 2; }
mapfile -t pdfs < <(find "$pages_dir" -maxdepth 1 -name '*.pdf' | sort)
[ ${#pdfs[@]} -gt 0 ] || { echo "benchmark.sh: no PDF in $pages_dir" >&2; exit 2; }

if [ -z "${GALLEY:-}" ]; then
    scratch=${SCRATCH:-.build-bench}
    echo "building release binary in $scratch ..." >&2
    (cd "$root" && swift build -c release --scratch-path "$scratch" ${SWIFT_BUILD_FLAGS---static-swift-stdlib} >&2)
    GALLEY="$root/$scratch/release/galley"
fi
[ -x "$GALLEY" ] || { echo "benchmark.sh: no galley binary at $GALLEY" >&2; exit 2; }

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

# The timed tools, each as a script that runs it once per PDF ("{}" in a command stands for the PDF).
# They are timed in rounds, every tool once per round, and each tool's best round is kept: on a shared
# machine whose speed drifts over a minute, timing one tool's runs after another's would favour
# whichever ran in the fast minutes.
labels=()
scripts=()
add_tool() { # label, command words
    local label=$1 script
    shift
    script=$(mktemp)
    {
        echo 'for pdf in "$@"; do'
        printf '  '
        for a in "$@"; do [ "$a" = "{}" ] && printf '"$pdf" ' || printf '%q ' "$a"; done
        echo '>/dev/null 2>&1 || { echo "failed on $pdf" >&2; exit 1; }'
        echo 'done'
    } >"$script"
    labels+=("$label")
    scripts+=("$script")
}

# Times every tool $runs times, round by round; sets best_wall[i] and best_cpu[i] (CPU: user + system,
# children included; the steadier of the two on a shared machine). Returns 1 if a tool failed.
declare -A best_wall best_cpu
time_rounds() {
    local i line wall cpu
    for _ in $(seq "$runs"); do
        for i in "${!scripts[@]}"; do
            if ! /usr/bin/time -f '%e %U %S' -o "$tmp" bash "${scripts[$i]}" "${pdfs[@]}"; then
                echo "benchmark.sh: ${labels[$i]} failed" >&2
                return 1
            fi
            line=$(tail -1 "$tmp")
            wall=$(echo "$line" | awk '{print $1}')
            cpu=$(echo "$line" | awk '{print $2 + $3}')
            if [ -z "${best_wall[$i]:-}" ] || [ "$(echo "$wall < ${best_wall[$i]}" | bc -l)" = 1 ]; then best_wall[$i]=$wall; fi
            if [ -z "${best_cpu[$i]:-}" ] || [ "$(echo "$cpu < ${best_cpu[$i]}" | bc -l)" = 1 ]; then best_cpu[$i]=$cpu; fi
        done
    done
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

# Warm the file cache so the first tool timed is not penalised.
for pdf in "${pdfs[@]}"; do cat "$pdf" >/dev/null; done

report() { # label, index of the tool, target
    local w=${best_wall[$2]} c=${best_cpu[$2]}
    printf '%-32s wall %6.2f s (%5.2f x)   cpu %6.2f s (%5.2f x)   %s\n' "$1" "$w" "$(echo "$w / ${best_wall[0]}" | bc -l)" \
        "$c" "$(echo "$c / ${best_cpu[0]}" | bc -l)" "$3"
}

add_tool "pdftotext (default mode)" pdftotext {} -
add_tool "galley inspect --format json" "$GALLEY" inspect --format json {}
add_tool "  the same with --no-rules" "$GALLEY" inspect --format json --no-rules {}
[ "$articles" = 1 ] && add_tool "galley articles" "$GALLEY" articles {}
[ "$articles" = 1 ] && add_tool "galley articles --format alto" "$GALLEY" articles --format alto {}
trap 'rm -f "$tmp" "${scripts[@]}"' EXIT

echo "galley: $GALLEY"
echo "pages: ${#pdfs[@]} PDFs in $pages_dir; best of $runs rounds (each tool once per round, in turn); one process per PDF for every tool"
time_rounds || exit 1
printf '%-32s wall %6.2f s            cpu %6.2f s\n' "${labels[0]}" "${best_wall[0]}" "${best_cpu[0]}"
report "${labels[1]}" 1 "(target <= 1.5 x)"
report "${labels[2]}" 2 ""
printf '%-32s %6.1f MiB   (pdftotext %.1f MiB)\n' "galley inspect peak memory" \
    "$(echo "$(peak_kib "$GALLEY" inspect --format json {}) / 1024" | bc -l)" \
    "$(echo "$(peak_kib pdftotext {} -) / 1024" | bc -l)"
if [ "$articles" = 1 ]; then
    report "${labels[3]}" 3 "(target <= 1.5 x)"
    printf '%-32s wall %6.2f s (%5.2f x json)   cpu %6.2f s (%5.2f x json)   (target <= 1.1 x)\n' "${labels[4]}" \
        "${best_wall[4]}" "$(echo "${best_wall[4]} / ${best_wall[3]}" | bc -l)" \
        "${best_cpu[4]}" "$(echo "${best_cpu[4]} / ${best_cpu[3]}" | bc -l)"
    printf '%-32s %6.1f MiB\n' "galley articles peak memory" "$(echo "$(peak_kib "$GALLEY" articles {}) / 1024" | bc -l)"
fi
if [ "$articles" = 1 ] && ! "$GALLEY" articles --help 2>/dev/null | grep -- --timings >/dev/null; then
    echo "layout of the largest page: this galley has no 'articles --timings'"
elif [ "$articles" = 1 ]; then
    # The largest page: the most glyphs, as `galley inspect` counts them.
    largest="" most=-1
    for pdf in "${pdfs[@]}"; do
        n=$("$GALLEY" inspect --no-rules "$pdf" 2>/dev/null | awk '/^page [0-9]+:/ { for (i = 1; i < NF; i++) if ($(i+1) ~ /^glyphs/) s += $i } END { print s + 0 }')
        if [ "$n" -gt "$most" ]; then most=$n; largest=$pdf; fi
    done
    # Best of $layout_runs runs of each step, from `galley articles --timings` (milliseconds).
    best_ms() { # field name, lines of timings
        awk -v f="$1" '{ for (i = 1; i <= NF; i++) if ($i == f) { v = $(i+1) + 0; if (best == "" || v < best) best = v } }
                       END { printf "%.1f", best }' <<<"$2"
    }
    lines=""
    for _ in $(seq "$layout_runs"); do
        lines+=$("$GALLEY" articles --timings "$largest" 2>&1 >/dev/null | grep 'timings: page' || true)$'\n'
    done
    printf '%-32s %s ms   (%s, %s glyphs; best of %s: read %s ms, glyphs %s ms, rules %s ms)   (target < 50 ms)\n' \
        "layout of the largest page" "$(best_ms layout "$lines")" "$(basename "$largest")" "$most" "$layout_runs" \
        "$(best_ms read "$lines")" "$(best_ms glyphs "$lines")" "$(best_ms rules "$lines")"
    # The slowest layout over all pages, one run each.
    slow=$(for pdf in "${pdfs[@]}"; do
        "$GALLEY" articles --timings "$pdf" 2>&1 >/dev/null | grep 'timings: page' | sed "s|^|$(basename "$pdf") |" || true
    done | awk '{ for (i = 1; i <= NF; i++) if ($i == "layout") { v = $(i+1) + 0; if (v > m) { m = v; p = $1 } } }
                END { printf "%.1f ms (%s)", m, p }')
    printf '%-32s %s, one run each\n' "slowest layout over the pages" "$slow"
fi

# Hostile pages: 200,000 glyphs on one line, at one spot, and on a normal dense page (generated), each
# through `galley articles`, best of $runs runs. Target: under 2 s each.
if [ "$articles" = 1 ] && command -v python3 >/dev/null; then
    hostile=$(mktemp -d)
    python3 "$root/scripts/make-hostile-pages.py" "$hostile" 200000
    for name in one-line one-spot dense; do
        best=""
        for _ in $(seq "$runs"); do
            /usr/bin/time -f '%e %U %S %M' -o "$tmp" "$GALLEY" articles "$hostile/$name.pdf" >/dev/null 2>&1 || echo "benchmark.sh: articles failed on $name" >&2
            line=$(tail -1 "$tmp")
            wall=$(echo "$line" | awk '{print $1}')
            if [ -z "$best" ] || [ "$(echo "$wall < $(echo "$best" | awk '{print $1}')" | bc -l)" = 1 ]; then best=$line; fi
        done
        echo "$best" | awk -v n="$name" '{ printf "%-32s wall %6.2f s   cpu %6.2f s   %6.1f MiB   (target < 2 s)\n", "200,000 glyphs: " n, $1, $2 + $3, $4 / 1024 }'
    done
    rm -rf "$hostile"
fi

# Instructions executed (deterministic), summed over the pages.
if [ "$instructions" = 1 ]; then
    command -v valgrind >/dev/null || { echo "benchmark.sh: --instructions needs valgrind (apt-get install valgrind)" >&2; exit 2; }
    stripped=$(mktemp)
    cp "$GALLEY" "$stripped" && chmod +x "$stripped" && strip "$stripped"   # callgrind cannot read the static binary's debug info
    count() {
        local total=0 n pdf args a
        for pdf in "${pdfs[@]}"; do
            args=()
            for a in "$@"; do [ "$a" = "{}" ] && args+=("$pdf") || args+=("$a"); done
            valgrind --tool=callgrind --callgrind-out-file=/dev/null "${args[@]}" >/dev/null 2>"$tmp" || true
            n=$(grep -o 'Collected : [0-9]*' "$tmp" | awk '{print $3}')
            total=$((total + ${n:-0}))
        done
        echo "$total"
    }
    ip=$(count pdftotext {} -)
    ii=$(count "$stripped" inspect --format json {})
    printf '%-32s %6.2f G instructions\n' "pdftotext" "$(echo "$ip / 10^9" | bc -l)"
    printf '%-32s %6.2f G instructions (%4.2f x)\n' "galley inspect --format json" "$(echo "$ii / 10^9" | bc -l)" "$(echo "$ii / $ip" | bc -l)"
    if [ "$articles" = 1 ]; then
        ia=$(count "$stripped" articles {})
        printf '%-32s %6.2f G instructions (%4.2f x)\n' "galley articles" "$(echo "$ia / 10^9" | bc -l)" "$(echo "$ia / $ip" | bc -l)"
        ix=$(count "$stripped" articles --format alto {})
        printf '%-32s %6.2f G instructions (%4.2f x json; target <= 1.1 x)\n' "galley articles --format alto" \
            "$(echo "$ix / 10^9" | bc -l)" "$(echo "$ix / $ia" | bc -l)"
    fi
    rm -f "$stripped"
fi
