// What a font tells about where its glyphs' ink lies, for glyph boxes that match what is drawn.
//
// Most fonts carry an ascent and descent that poppler reads (the font descriptor, the embedded
// font's tables, or the standard fonts' metrics); their glyph boxes use those (GlyphCollector).
// A Type 3 font has none: its glyphs are little content streams in a glyph space of its own, which
// the font matrix maps to text space, and which browsers and report generators set with a flipped
// matrix (y down). What it does say is each glyph's bounding box (the `d1` operator that begins its
// procedure) and a /FontBBox for all of them. Type3Metrics reads those, once per glyph, and gives
// the glyph's ink on the page.
#ifndef GALLEY_FONT_METRICS_H
#define GALLEY_FONT_METRICS_H

#include "cpopplerreader.h"

#include <CharTypes.h>

#include <array>
#include <memory>
#include <vector>

class GfxFont;
class Gfx8BitFont;
class GfxState;

/// The font's kind as `gp_font_info.type` tells it (GP_FONT_TYPE1, ...).
int fontKind(const GfxFont *font);

/// An extent across a line: from `low` to `high` in device space (y down for a horizontal line).
struct CrossExtent {
    bool known = false;
    double low = 0, high = 0;
};

/// A box in device space where ink lies; not known where none was seen.
struct InkBox {
    bool known = false;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    /// Takes in `other`.
    void add(const InkBox &other);
    /// Its extent across a line turned `rot` quarter turns.
    CrossExtent across(int rot) const;
};

class Type3Metrics {
public:
    explicit Type3Metrics(const std::shared_ptr<GfxFont> &font);

    /// True where the font's glyph space looks like the usual one, an em spanning about one unit of
    /// text space (its /FontBBox, or its glyphs' boxes, through the font matrix, 0.6 to 1.6 high), so
    /// that the font size on the page is the text's own; false where it must be guessed from widths.
    bool emIsTextUnit() const { return emLike; }
    /// True where neither the glyphs nor the font give a box: boxes fall back to a guess.
    bool noBoxes() const { return !fontBoxValid && !anyGlyphBox; }

    /// The ink of the glyph for `code` drawn at device (px, py) with the state's text matrix, font
    /// size, horizontal scaling and CTM: from its `d1` box, else the font's /FontBBox. Not known for
    /// a glyph that draws nothing (an empty box) or a font with no boxes at all.
    InkBox ink(const GfxState *state, double px, double py, CharCode code);

private:
    std::shared_ptr<GfxFont> font;
    double fm[6];
    std::array<double, 4> fontBox{};  // /FontBBox in glyph space, ordered (x0 < x1, y0 < y1)
    bool fontBoxValid = false;
    bool anyGlyphBox = false;
    bool emLike = false;
    enum : unsigned char { unread, boxed, empty, unboxed };
    std::vector<unsigned char> state;                 // per code, one of the above
    std::vector<std::array<double, 4>> boxes;         // per code: its d1 box, ordered

    /// Reads the procedure of `code` up to its first operator; sets its state and box.
    void read(CharCode code);
};

#endif
