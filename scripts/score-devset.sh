#!/usr/bin/env bash
# Scores `galley articles` on every ground-truth page of a folder with the reference scorer score.py,
# and prints the means per scoring language (zh where a headline holds a CJK ideograph, as score.py
# decides; latin otherwise). `galley eval DIR` computes the same metrics in Swift; this script is the
# independent cross-check.
#
# usage: scripts/score-devset.sh [DIR] [GALLEY]
#   DIR     folder of NAME.pdf + NAME.json (page 1), or X_Npages.pdf + X-pNN.json (page NN)
#           (default: ../shared/devset)
#   GALLEY  the galley binary (default: .build/release/galley, else .build/debug/galley)
# The predictions and scores are kept in a temporary folder, printed at the end.
set -euo pipefail
dir=${1:-../shared/devset}
galley=${2:-}
if [ -z "$galley" ]; then
    for g in .build/release/galley .build/debug/galley; do [ -x "$g" ] && { galley=$g; break; }; done
fi
[ -n "$galley" ] && [ -x "$galley" ] || { echo "score-devset: no galley binary (build it, or pass its path)" >&2; exit 2; }
[ -d "$dir" ] || { echo "score-devset: $dir is not a folder" >&2; exit 2; }
scorer=$(dirname "$0")/../../shared/devset/score.py
[ -f "$dir/score.py" ] && scorer=$dir/score.py
[ -f "$scorer" ] || { echo "score-devset: score.py not found (looked in $dir and ../shared/devset)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "score-devset: python3 is required" >&2; exit 2; }

out=$(mktemp -d)
failed=0
for gt in "$dir"/*.json; do
    [ -f "$gt" ] || continue
    name=$(basename "$gt" .json)
    pdf=$dir/$name.pdf
    page=1
    if [ ! -f "$pdf" ]; then
        # X-pNN.json → page NN of X_Npages.pdf (or X.pdf)
        [[ $name =~ ^(.+)-p([0-9]+)$ ]] || continue
        base=${BASH_REMATCH[1]}; page=$((10#${BASH_REMATCH[2]}))
        pdf=$(ls "$dir/${base}"_*pages.pdf "$dir/$base.pdf" 2>/dev/null | head -1 || true)
        [ -n "$pdf" ] && [ -f "$pdf" ] || continue
    fi
    if ! "$galley" articles "$pdf" --pages "$page" > "$out/$name.json" 2> "$out/$name.err"; then
        echo "score-devset: galley failed on $name: $(head -1 "$out/$name.err")" >&2
        echo '{"articles":[]}' > "$out/$name.json"
        failed=1
    fi
    printf '%s %s\n' "$name" "$(python3 "$scorer" "$gt" "$out/$name.json")"
done | tee "$out/scores.txt"
python3 - "$out/scores.txt" "$dir" <<'PY'
import json, os, sys
rows = [l.rstrip('\n').split(' ', 1) for l in open(sys.argv[1], encoding='utf-8') if l.strip()]
groups = {}
for name, r in rows:
    gt = json.load(open(os.path.join(sys.argv[2], name + '.json'), encoding='utf-8'))
    zh = any('\u4e00' <= ch <= '\u9fff' for a in gt['articles'] for ch in a.get('headline') or '')
    groups.setdefault('zh' if zh else 'latin', []).append(json.loads(r))
groups['all'] = [r for g in list(groups.values()) for r in g]
for lang in ('zh', 'latin', 'all'):
    rs = groups.get(lang)
    if not rs or (lang == 'all' and len(groups) <= 2): continue
    keys = [k for k in rs[0] if isinstance(rs[0][k], (int, float))]
    print(f"mean {lang} ({len(rs)})", ' '.join(f"{k}={sum(r[k] for r in rs)/len(rs):.3f}" for k in keys))
PY
echo "predictions and scores: $out" >&2
exit $failed
