#!/usr/bin/env bash
# Scores `galley articles` on every page of a ground-truth folder with the reference scorer score.py.
# usage: scripts/score-devset.sh [DIR] [GALLEY]   (defaults: ../shared/devset, .build/release/galley)
set -euo pipefail
dir=${1:-../shared/devset}
galley=${2:-.build/release/galley}
out=$(mktemp -d)
for gt in "$dir"/*.json; do
    pdf=${gt%.json}.pdf
    [ -f "$pdf" ] || continue
    name=$(basename "$gt" .json)
    "$galley" articles "$pdf" > "$out/$name.json" 2>/dev/null || echo '{"articles":[]}' > "$out/$name.json"
    printf '%s %s\n' "$name" "$(python3 "$dir/score.py" "$gt" "$out/$name.json")"
done | tee "$out/scores.txt"
python3 - "$out/scores.txt" <<'PY'
import json, sys
rows = [l.split(' ', 1) for l in open(sys.argv[1]) if l.strip()]
for lang in ('zh', 'en'):
    rs = [json.loads(r) for n, r in rows if n.startswith(lang)]
    if not rs: continue
    keys = [k for k in rs[0] if isinstance(rs[0][k], (int, float))]
    print(lang, len(rs), ' '.join(f"{k}={sum(r[k] for r in rs)/len(rs):.3f}" for k in keys))
PY
