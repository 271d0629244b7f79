#!/usr/bin/env bash
# Runs galley articles, overlay and print on N damaged PDFs made from Samples/*.pdf (bytes flipped,
# truncated, the cross-reference table or objects broken, deep nesting, and extreme values in the
# content streams' operators, MediaBox and /Rotate; see scripts/fuzz/mutate.py), each run with a
# timeout and a memory watch, and counts crashes, hangs, runaway memory, unclear errors and invalid
# outputs. Every failing case is kept (its PDF and a one-line reproduction) in the failures folder.
#
#   scripts/fuzz.sh [N] [--seed S] [--first K] [--jobs J] [--timeout SECONDS] [--failures DIR] [--progress]
#
# N defaults to 300, S to 1; case k of seed S is the same PDF on every run. Exit status 1 when any run
# crashed, hung (over --timeout, default 30 s), used over 1 GiB, failed without a `galley:` message,
# or exited 0 with an invalid output (JSON with inf or nan, a missing PNG or PDF).
# Uses GALLEY when set, else .build/release/galley, else .build/debug/galley (whichever is newer).
# Needs python3, qpdf and fix-qdf (the qpdf package).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

count=300
seed=1
extra=()
failures="$root/.fuzz/failures"
while [ $# -gt 0 ]; do
    case "$1" in
        --seed) seed=$2; shift ;;
        --first|--jobs|--timeout) extra+=("$1" "$2"); shift ;;
        --failures) failures=$2; shift ;;
        --progress) extra+=(--progress) ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        [0-9]*) count=$1 ;;
        *) echo "fuzz.sh: unknown option $1" >&2; exit 64 ;;
    esac
    shift
done

for tool in python3 qpdf fix-qdf; do
    command -v "$tool" >/dev/null || { echo "fuzz.sh: $tool is missing (scripts/setup.sh installs it)" >&2; exit 2; }
done
if [ -z "${GALLEY:-}" ]; then
    for candidate in "$root/.build/release/galley" "$root/.build/debug/galley"; do
        [ -x "$candidate" ] || continue
        if [ -z "${GALLEY:-}" ] || [ "$candidate" -nt "$GALLEY" ]; then GALLEY=$candidate; fi
    done
fi
[ -x "${GALLEY:-}" ] || { echo "fuzz.sh: no galley binary (build it with scripts/setup.sh, or set GALLEY)" >&2; exit 2; }

rm -rf "$failures"
work=$(mktemp -d "${TMPDIR:-/tmp}/galley-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 "$root/scripts/fuzz/run.py" "$count" --seed "$seed" --galley "$GALLEY" --samples "$root/Samples" \
    --work "$work" --failures "$failures" "${extra[@]}"
