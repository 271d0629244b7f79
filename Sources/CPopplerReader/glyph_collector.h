// The glyphs of a page, as poppler's content interpreter shows them: one entry per Unicode
// character, with its box on the page, its font, size and colour. Spaces are not glyphs.
//
// Boxes follow the conventions of poppler's own text extraction (TextOutputDev), which Galley's
// layout was first measured on: along the line a glyph spans its advance; across the line it spans
// the font's ascent to descent, and the glyphs of one "run" (characters set one after another with
// no space, same size and baseline) share the box of the run's first glyph, so that a line's
// glyphs line up even where a superscript or a font change sits inside a word. A Type 3 font has no
// ascent or descent: there a run spans the ink of its glyphs, read from their procedures' boxes
// (Type3Metrics), so that it is as tall as what is drawn.
#ifndef GALLEY_GLYPH_COLLECTOR_H
#define GALLEY_GLYPH_COLLECTOR_H

#include "cpopplerreader.h"
#include "font_metrics.h"

#include <CharTypes.h>

#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

class GfxFont;
class GooString;
class GfxState;

class GlyphCollector {
public:
    std::vector<gp_glyph> glyphs;
    std::vector<std::string> fonts;
    /// Each of `fonts`: its kind and what makes its boxes doubtful.
    std::vector<gp_font_info> fontDetails;
    /// No glyph past this many is kept; `full` says some were dropped.
    size_t maxGlyphs = SIZE_MAX;
    bool full = false;

    /// Takes the page's size: glyphs entirely off the page are dropped.
    void startPage(const GfxState *state);
    /// The font or the text matrix changed: looks up the font and its size on the page.
    void updateFont(const GfxState *state);
    /// One character code shown at user-space (x, y) with advance (dx, dy), mapped to `u`.
    void addChar(const GfxState *state, double x, double y, double dx, double dy, CharCode code, const Unicode *u,
                 int uLen);
    /// Ends the page: closes the last run and removes runs of text drawn twice in the same place.
    void finish();
    /// A span whose text is given as /ActualText (a ligature, a cluster the font draws as one
    /// glyph): its glyphs are replaced by that text, spread over the advance they covered.
    void beginActualText(const GooString *text);
    void endActualText(const GfxState *state);

private:
    /// Characters set one after another with no space between them, on one baseline.
    struct Run {
        bool open = false;
        int rot = 0;          // quarter turns of the writing direction on the page
        int wMode = 0;        // 1 for a vertical-writing font
        double fontSize = 0;
        double base = 0;      // baseline: y for rot 0 and 2, x for rot 1 and 3
        double crossMin = 0, crossMax = 0;  // extent across the line, shared by the run's glyphs
        double lastStart = 0; // where the last glyph starts along the line
        double end = 0;       // where the run ends along the line
        double r = 0, g = 0, b = 0;
        size_t count = 0;     // glyphs in the run
        size_t first = 0;     // the run's first glyph in `glyphs`
        bool inked = false;   // crossMin...crossMax is the ink of glyphs drawn (Type 3 fonts)
    };

    struct FontInfo {
        uint32_t index;       // into `fonts`
        double ascent, descent;
        int wMode;
        int type3 = -1;       // into `type3Metrics` for a Type 3 font
    };

    double pageWidth = 0, pageHeight = 0;
    Run run;
    /// Where each run starts in `glyphs`, and what the letter-spacing check compares.
    struct RunStart {
        size_t first;
        int rot;
        uint32_t font;
        double fontSize;
    };
    std::vector<RunStart> runStarts;
    bool lastOverlapped = false;
    size_t tinyCount = 0;
    FontInfo font{0, 0.95, -0.35, 0};
    double fontSize = 0;
    // Fonts by address; each is held here while the page is read, so that no other font can take
    // its address (a form's fonts are freed when the form is done).
    std::unordered_map<const GfxFont *, FontInfo> fontInfos;
    std::vector<std::shared_ptr<GfxFont>> heldFonts;
    std::unordered_map<std::string, uint32_t> fontIndexes;
    std::vector<std::unique_ptr<Type3Metrics>> type3Metrics;

    /// The /ActualText span being read: its text, and where its glyphs start and end (user space).
    struct ActualText {
        bool open = false;
        std::vector<Unicode> text;
        bool anyGlyph = false;
        bool replaying = false;  // its text is being shown
        InkBox ink;              // where its glyphs' ink lies (Type 3 fonts)
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    };
    ActualText actual;

    void show(const GfxState *state, double x, double y, double dx, double dy, CharCode code, const Unicode *u,
              int uLen);
    FontInfo lookUp(const std::shared_ptr<GfxFont> &gfxFont);
    void beginRun(const GfxState *state);
    void addGlyph(double x, double y, double dx, double dy, Unicode u, const CrossExtent &ink = CrossExtent());
    /// Records the kind of `gfxFont`, named `fonts[index]`, and what makes its boxes doubtful.
    void noteDetails(uint32_t index, const GfxFont *gfxFont, const FontInfo &info);
    /// What makes the boxes of `gfxFont` doubtful (GP_FONT_... bits).
    int boxDoubts(const GfxFont *gfxFont, const FontInfo &info) const;
    /// Widens the open run across its line to take in `ink`, and its glyphs with it.
    void widenRun(const CrossExtent &ink);
    bool addCombining(double x, double y, double dx, double dy, Unicode u);
    /// A run's glyphs: `count` of them from `first`, begun as `start` tells.
    struct RunSpan {
        size_t first, count;
        RunStart start;
        size_t last() const { return first + count - 1; }
    };
    /// The runs in drawing order; empty runs left out.
    std::vector<RunSpan> runSpans() const;
    void closeLetterSpacing();
    void removeDuplicates();
};

#endif
