#!/bin/sh
# Regenerates Renders/: what Galley makes of the sample pages, for a reader to look at.
#   - NAME-overlay.png (NAME-overlay-N.png for several pages): `galley overlay` of every page of Samples/*.pdf;
#   - NAME-story.pdf and NAME-story.png (its first page): `galley print` of one article of each sample,
#     the one with a photo and the most paragraphs;
#   - README.md: the list, with the articles chosen;
#   - real/NAME-overlay.png and real/README.md: overlays of five real pages of ../shared/realdev, one per
#     source (all public domain), when that folder is there and no PDF is named on the command line.
#
# Usage: scripts/make-renders.sh [PDF...]          (default: Samples/*.pdf)
# Environment: RENDERS  output folder (default Renders)
#              GALLEY   galley binary to use (default: built here with swift build -c release)
#              SCRATCH  swift build scratch path for that build (default .build)
#              DPI      overlay resolution (default 72); STORY_DPI: first story page preview (default 60)
#              SOURCE_DATE_EPOCH  the date the PDFs carry (default 2025-01-01)
set -eu
cd "$(dirname "$0")/.."

OUT=${RENDERS:-Renders}
# The PDFs carry a fixed date, so that regenerating them changes no byte where nothing else changed.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1735689600}
DPI=${DPI:-72}
STORY_DPI=${STORY_DPI:-60}
if [ -z "${GALLEY:-}" ]; then
    SCRATCH=${SCRATCH:-.build}
    swift build -c release --scratch-path "$SCRATCH" --product galley >&2
    swift build -c release --scratch-path "$SCRATCH" --product galley-render >&2
    GALLEY="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/galley"
fi
command -v pdftoppm >/dev/null || { echo "make-renders: pdftoppm (poppler-utils) is needed for the story previews" >&2; exit 1; }

REAL=""
if [ $# -eq 0 ]; then
    REAL=yes
    set -- Samples/*.pdf
    [ -e "$1" ] || { echo "make-renders: no Samples/*.pdf; run \`galley make-samples Samples\` first" >&2; exit 1; }
fi

mkdir -p "$OUT"
# Only what this script makes is replaced; other files in the folder stay.
rm -f "$OUT"/*-overlay.png "$OUT"/*-overlay-*.png "$OUT"/*-story.pdf "$OUT"/*-story.png
INDEX=$(mktemp)
trap 'rm -f "$INDEX"' EXIT

for pdf in "$@"; do
    name=$(basename "$pdf" .pdf)
    echo "== $name" >&2
    overlays=$("$GALLEY" overlay "$pdf" --dpi "$DPI" -o "$OUT/$name-overlay.png")
    # Choose the story: photo first, then the most paragraphs. --list lines end "(N paragraphs, photo)".
    choice=$("$GALLEY" print "$pdf" --list | awk '
        { id = $1; n = 0; photo = 0
          if (match($0, /\(([0-9]+) paragraph/)) { n = substr($0, RSTART + 1, RLENGTH - 11) + 0 }
          if ($0 ~ /, photo\)$/) photo = 1
          score = photo * 1000 + n
          if (best == "" || score > bestScore) { best = id; bestScore = score; line = $0 } }
        END { if (best != "") print best "\t" line }')
    {
        echo "## $name"
        echo
        for o in $overlays; do echo "- overlay: [$(basename "$o")]($(basename "$o"))"; done
    } >>"$INDEX"
    if [ -z "$choice" ]; then
        echo "- no article found, so no story printed" >>"$INDEX"
        echo >>"$INDEX"
        continue
    fi
    id=$(printf '%s' "$choice" | cut -f1)
    line=$(printf '%s' "$choice" | cut -f2- | sed 's/^[^ ]*  *//; s/  */ /g')
    columns=1
    case "$name" in zh-*) columns=2 ;; esac
    "$GALLEY" print "$pdf" --article "$id" --columns "$columns" --photo-dpi 110 -o "$OUT/$name-story.pdf" >&2
    pdftoppm -png -r "$STORY_DPI" -f 1 -l 1 -singlefile "$OUT/$name-story.pdf" "$OUT/$name-story"
    {
        echo "- story: article $id ($line), $columns column(s): [$name-story.pdf]($name-story.pdf), first page [$name-story.png]($name-story.png)"
        echo
    } >>"$INDEX"
done

{
    echo "# Renders"
    echo
    echo "Made by \`scripts/make-renders.sh\` with the galley of this commit: overlays at $DPI dpi (articles tinted and"
    echo "numbered, blocks outlined with their roles, reading path as numbered arrows, columns dashed, separators grey,"
    echo "furniture hatched, legend in the emptiest spot), and one printed story per sample (preview at $STORY_DPI dpi)."
    echo
    cat "$INDEX"
} >"$OUT/README.md"
du -ch "$OUT" | tail -1 >&2

# Real pages: one page of each source of the real-layout set, beside the project.
REALDEV=${REALDEV:-../shared/realdev}
REAL_PAGES="bl-bl0002088-18321123-p04 bl-bl0002244-18550922-p04 bnf-gaulois-18840430-p03 bnf-oecaen-19241218-p05 bnl-pd-luxzeit-18581207-p01"
if [ -n "$REAL" ]; then
    if [ ! -d "$REALDEV" ]; then
        echo "make-renders: $REALDEV is not here; Renders/real is left as it is" >&2
    else
        mkdir -p "$OUT/real"
        rm -f "$OUT"/real/*-overlay.png
        {
            echo "# Renders of real pages"
            echo
            echo "Made by \`scripts/make-renders.sh\`: \`galley overlay\` at $DPI dpi of one page from each source of the"
            echo "real-layout development set (newspaper layouts rebuilt from the libraries' METS/ALTO, public domain:"
            echo "the British Library, the Bibliothèque nationale de France via Europeana, the National Library of"
            echo "Luxembourg). Their text layer is the OCR's, drawn in the OCR's order, so Galley trusts that order."
            echo
        } >"$OUT/real/README.md"
        for name in $REAL_PAGES; do
            [ -e "$REALDEV/$name.pdf" ] || { echo "make-renders: $REALDEV/$name.pdf is missing" >&2; continue; }
            echo "== real/$name" >&2
            "$GALLEY" overlay "$REALDEV/$name.pdf" --dpi "$DPI" -o "$OUT/real/$name-overlay.png" >/dev/null
            echo "- [$name-overlay.png]($name-overlay.png)" >>"$OUT/real/README.md"
        done
    fi
fi
