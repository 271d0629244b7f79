// See glyph_collector.h. The thresholds are fractions of the font size; the values are those of
// poppler's TextOutputDev, so that glyphs come out as poppler-glib reported them.
#include "glyph_collector.h"

#include <GfxFont.h>
#include <GfxState.h>
#include <UTF.h>
#include <goo/GooString.h>
#include <goo/gmem.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <numeric>

namespace {

// A gap wider than this (× font size) along the line ends a run: a word space.
constexpr double runBreakGap = 0.1;
// Glyphs overlapping by more than this (× font size) end a run.
constexpr double runBreakOverlap = 0.2;
// Baselines further apart than this (points) end a run.
constexpr double runBreakBaseline = 0.5;
// The same run of characters drawn again within this distance (× font size) along the line, and...
constexpr double duplicateAlong = 0.1;
// ...within this distance across it, is the same text drawn twice (fake bold, drop shadow).
constexpr double duplicateAcross = 0.2;
// A run is compared with at most this many runs of the same text after it (in top-edge order, within
// `duplicateAcross`): more are a run drawn thousands of times over one spot or along one line, and
// its nearest copies are enough to hide it. Keeps duplicate removal linear in the glyphs of a page.
constexpr size_t maxDuplicateCandidates = 64;
// An accent drawn as its own character sits over a letter when their centres along the line are
// within this fraction of the letter's advance, and...
constexpr double accentCentre = 0.3;
// ...their baselines within this fraction of the line's height.
constexpr double accentBaseline = 0.4;
// poppler gives up on a page after this many tiny (under 3 pt) characters: the page is a picture
// drawn with text.
constexpr size_t maxTinyGlyphs = 50000;

/// The combining mark of a spacing accent that fonts draw as a character of its own.
Unicode combiningMark(Unicode u) {
    switch (u) {
    case 0x0060: return 0x0300;  // grave
    case 0x00A8: return 0x0308;  // dieresis
    case 0x00AF: return 0x0304;  // macron
    case 0x00B4: return 0x0301;  // acute
    case 0x00B8: return 0x0327;  // cedilla
    case 0x02C6: return 0x0302;  // circumflex
    case 0x02C7: return 0x030C;  // caron
    case 0x02D8: return 0x0306;  // breve
    case 0x02D9: return 0x0307;  // dot above
    case 0x02DA: return 0x030A;  // ring
    case 0x02DC: return 0x0303;  // tilde
    case 0x02DD: return 0x030B;  // double acute
    default: return 0;
    }
}

/// A letter or digit an accent can sit on: ASCII, the Latin supplements and extensions, Greek and
/// Cyrillic (the scripts whose fonts draw accents as characters of their own).
bool takesAccent(Unicode u) {
    if (u < 0x80) return std::isalnum(static_cast<int>(u)) != 0;
    return (u >= 0xC0 && u <= 0x24F && u != 0xD7 && u != 0xF7) || (u >= 0x370 && u <= 0x4FF) ||
           (u >= 0x1E00 && u <= 0x1FFF);
}

/// The letters of a Latin ligature (U+FB00 to U+FB06), written into `out`; their count, 0 for
/// anything else. A reader searches "fi", not "\uFB01".
int ligatureLetters(Unicode u, Unicode out[3]) {
    static const char *const letters[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};
    if (u < 0xFB00 || u > 0xFB06) return 0;
    const char *l = letters[u - 0xFB00];
    int n = 0;
    for (; l[n]; n++) out[n] = static_cast<Unicode>(l[n]);
    return n;
}

bool isWhitespace(Unicode u) {
    return u == 0x20 || (u >= 0x09 && u <= 0x0D) || u == 0xA0 || u == 0x85 || u == 0x1680 ||
           (u >= 0x2000 && u <= 0x200A) || u == 0x2028 || u == 0x2029 || u == 0x202F || u == 0x205F || u == 0x3000;
}

/// Where a glyph starts and ends along its line.
struct Placement {
    double start, end;
};

/// The placement of a glyph drawn at (x, y) with advance (dx, dy) on a line turned `rot` quarter
/// turns; a vertical-writing font's glyph takes one em down its column.
Placement along(int rot, int wMode, double fontSize, double x, double y, double dx, double dy) {
    if (wMode) {
        switch (rot) {
        case 0: return {x - fontSize, x};
        case 1: return {y - fontSize, y};
        case 2: return {x + fontSize, x};
        default: return {y + fontSize, y};
        }
    }
    switch (rot) {
    case 0: return {x, x + dx};
    case 1: return {y, y + dy};
    case 2: return {x, x + dx};
    default: return {y, y + dy};
    }
}

/// The glyph's position across the line (its baseline) and along it.
double baseOf(int rot, double x, double y) { return (rot == 0 || rot == 2) ? y : x; }
double startOf(int rot, double x, double y) { return (rot == 0 || rot == 2) ? x : y; }

}  // namespace

void GlyphCollector::startPage(const GfxState *state) {
    pageWidth = state->getPageWidth();
    pageHeight = state->getPageHeight();
}

GlyphCollector::FontInfo GlyphCollector::lookUp(const std::shared_ptr<GfxFont> &heldFont) {
    const GfxFont *gfxFont = heldFont.get();
    auto known = fontInfos.find(gfxFont);
    if (known != fontInfos.end()) return known->second;
    if (heldFont) heldFonts.push_back(heldFont);
    std::string name;
    if (gfxFont && gfxFont->getName()) {
        name = *gfxFont->getName();
        // A subset font's name starts with six capitals and '+'.
        size_t caps = 0;
        while (caps < name.size() && name[caps] >= 'A' && name[caps] <= 'Z') caps++;
        if (caps > 0 && caps < name.size() && name[caps] == '+') name.erase(0, caps + 1);
    }
    auto [slot, inserted] = fontIndexes.emplace(name, static_cast<uint32_t>(fonts.size()));
    if (inserted) fonts.push_back(name);
    FontInfo info{slot->second, 0.95, -0.35, 0};
    if (gfxFont) {
        info.ascent = gfxFont->getAscent();
        info.descent = gfxFont->getDescent();
        info.wMode = gfxFont->getWMode();
        if (gfxFont->getType() == fontType3) {
            info.type3 = static_cast<int>(type3Metrics.size());
            type3Metrics.push_back(std::make_unique<Type3Metrics>(heldFont));
        }
    }
    noteDetails(slot->second, gfxFont, info);
    fontInfos.emplace(gfxFont, info);
    return info;
}

void GlyphCollector::noteDetails(uint32_t index, const GfxFont *gfxFont, const FontInfo &info) {
    if (index >= fontDetails.size()) fontDetails.resize(index + 1, gp_font_info{GP_FONT_UNKNOWN, 0, 0});
    if (!gfxFont) return;
    // Fonts of one name (a browser's many unnamed Type 3 fonts) are one entry: the first font's kind,
    // the doubts and flips of any.
    gp_font_info &details = fontDetails[index];
    if (details.type == GP_FONT_UNKNOWN) details.type = fontKind(gfxFont);
    details.flipped |= gfxFont->getFontMatrix()[3] < 0 ? 1 : 0;
    details.box_doubts |= boxDoubts(gfxFont, info);
}

int GlyphCollector::boxDoubts(const GfxFont *gfxFont, const FontInfo &info) const {
    if (!gfxFont) return 0;
    if (info.type3 >= 0) {
        const Type3Metrics &metrics = *type3Metrics[static_cast<size_t>(info.type3)];
        return (metrics.emIsTextUnit() ? 0 : GP_FONT_SIZE_GUESSED) | (metrics.noBoxes() ? GP_FONT_NO_BOXES : 0);
    }
    double height = info.ascent - info.descent;
    return (height < 0.5 || height > 2.5) && !info.wMode ? GP_FONT_NO_METRICS : 0;
}

void GlyphCollector::updateFont(const GfxState *state) {
    const GfxFont *gfxFont = state->getFont().get();
    font = lookUp(state->getFont());
    fontSize = state->getTransformedFontSize();
    if (font.type3 >= 0 && type3Metrics[static_cast<size_t>(font.type3)]->emIsTextUnit()) {
        // A Type 3 font whose em is one unit of text space, as in other fonts: its size is the text's.
    } else if (gfxFont && gfxFont->getType() == fontType3) {
        // A Type 3 font's glyph space is its own; guess its scale from the width of an 'm' (about
        // 0.6 em in most fonts), else of any letter or any glyph (about 0.5 em).
        const auto *font8 = static_cast<const Gfx8BitFont *>(gfxFont);
        int mCode = -1, letterCode = -1, anyCode = -1;
        for (int code = 0; code < 256; ++code) {
            const char *name = font8->getCharName(code);
            bool single = name && name[0] && !name[1];
            if (single && name[0] == 'm') mCode = code;
            if (letterCode < 0 && single && std::isalpha(static_cast<unsigned char>(name[0]))) letterCode = code;
            if (anyCode < 0 && name && font8->getWidth(code) > 0) anyCode = code;
        }
        double w;
        if (mCode >= 0 && (w = font8->getWidth(mCode)) > 0) fontSize *= w / 0.6;
        else if (letterCode >= 0 && (w = font8->getWidth(letterCode)) > 0) fontSize *= w / 0.5;
        else if (anyCode >= 0 && (w = font8->getWidth(anyCode)) > 0) fontSize *= w / 0.5;
        const double *fm = gfxFont->getFontMatrix();
        if (fm[0] != 0) fontSize *= std::fabs(fm[3] / fm[0]);
    }
}

void GlyphCollector::beginRun(const GfxState *state) {
    double m[4];
    state->getFontTransMat(&m[0], &m[1], &m[2], &m[3]);
    const GfxFont *gfxFont = state->getFont().get();
    if (gfxFont && gfxFont->getType() == fontType3) {
        const double *fm = gfxFont->getFontMatrix();
        double t[4] = {fm[0] * m[0] + fm[1] * m[2], fm[0] * m[1] + fm[1] * m[3], fm[2] * m[0] + fm[3] * m[2],
                       fm[2] * m[1] + fm[3] * m[3]};
        std::copy(t, t + 4, m);
    }
    int rot;
    if (std::fabs(m[0] * m[3]) > std::fabs(m[1] * m[2])) rot = (m[0] > 0 || m[3] < 0) ? 0 : 2;
    else rot = (m[2] > 0) ? 1 : 3;
    // A vertical-writing font turns the line a quarter turn.
    if (font.wMode) rot = (rot + 1) & 3;

    run = Run();
    run.open = true;
    run.rot = rot;
    run.wMode = font.wMode;
    run.fontSize = fontSize;
    run.first = glyphs.size();
    GfxRGB rgb;
    if ((state->getRender() & 3) == 1) state->getStrokeRGB(&rgb);
    else state->getFillRGB(&rgb);
    run.r = colToDbl(rgb.r);
    run.g = colToDbl(rgb.g);
    run.b = colToDbl(rgb.b);
    runStarts.push_back({glyphs.size(), rot, font.index, fontSize});
}

void GlyphCollector::beginActualText(const GooString *text) {
    actual = ActualText();
    actual.open = true;
    if (!text) return;
    Unicode *ucs4 = nullptr;
    int n = TextStringToUCS4(text->toStr(), &ucs4);
    if (ucs4) {
        actual.text.assign(ucs4, ucs4 + std::max(0, n));
        gfree(ucs4);
    }
}

void GlyphCollector::endActualText(const GfxState *state) {
    if (!actual.open) return;
    actual.open = false;
    if (actual.anyGlyph && !actual.text.empty()) {
        actual.replaying = true;
        show(state, actual.x0, actual.y0, actual.x1 - actual.x0, actual.y1 - actual.y0, 0, actual.text.data(),
             static_cast<int>(actual.text.size()));
        actual.replaying = false;
    }
}

void GlyphCollector::addChar(const GfxState *state, double x, double y, double dx, double dy, CharCode code,
                             const Unicode *u, int uLen) {
    if (!actual.open) {
        show(state, x, y, dx, dy, code, u, uLen);
        return;
    }
    if (!actual.anyGlyph) {
        actual.x0 = x;
        actual.y0 = y;
        actual.anyGlyph = true;
    }
    actual.x1 = x + dx;
    actual.y1 = y + dy;
    if (font.type3 >= 0) {
        double px, py;
        state->transform(x, y, &px, &py);
        actual.ink.add(type3Metrics[static_cast<size_t>(font.type3)]->ink(state, px, py, code));
    }
}

void GlyphCollector::show(const GfxState *state, double x, double y, double dx, double dy, CharCode code,
                          const Unicode *u, int uLen) {
    // The advance without the character and word spacing that follow the glyph.
    double spacing = state->getCharSpace() + (code == 0x20 ? state->getWordSpace() : 0);
    double sx, sy;
    state->textTransformDelta(spacing * state->getHorizScaling(), 0, &sx, &sy);
    double w, h, px, py;
    state->transformDelta(dx - sx, dy - sy, &w, &h);
    state->transform(x, y, &px, &py);
    if (std::isnan(px) || std::isnan(py) || std::isnan(w) || std::isnan(h) || px + w < 0 || px > pageWidth ||
        py + h < 0 || py > pageHeight)
        return;
    if (std::fabs(w) < 3 && std::fabs(h) < 3 && ++tinyCount > maxTinyGlyphs) return;
    if (uLen == 1 && isWhitespace(u[0])) {
        run.open = false;
        return;
    }
    if (uLen == 1 && u[0] == 0) return;
    Unicode letters[3];
    if (uLen == 1) {
        if (int n = ligatureLetters(u[0], letters)) {
            u = letters;
            uLen = n;
        }
    }
    if (uLen == 1 && addCombining(px, py, w, h, u[0])) return;

    if (run.open && run.count > 0) {
        double base = baseOf(run.rot, px, py), start = startOf(run.rot, px, py);
        bool forward = run.rot < 2;
        double gap = forward ? start - run.end : run.end - start;
        double shift = forward ? start - run.lastStart : run.lastStart - start;
        bool overlap = std::fabs(shift) < duplicateAlong * run.fontSize &&
                       std::fabs(base - run.base) < duplicateAcross * run.fontSize;
        if (overlap || lastOverlapped || gap < -runBreakOverlap * run.fontSize || gap > runBreakGap * run.fontSize ||
            std::fabs(base - run.base) > runBreakBaseline || fontSize != run.fontSize || font.wMode != run.wMode)
            run.open = false;
        lastOverlapped = overlap;
    } else {
        lastOverlapped = false;
    }
    if (uLen == 0) return;
    if (!run.open) beginRun(state);
    // A Type 3 glyph's ink, from where it is drawn; for /ActualText, that of the glyphs it stands for.
    CrossExtent ink;
    if (actual.replaying) ink = actual.ink.across(run.rot);
    else if (font.type3 >= 0) ink = type3Metrics[static_cast<size_t>(font.type3)]->ink(state, px, py, code).across(run.rot);
    // Text drawn backwards (a mirrored matrix, a turned page) is taken glyph by glyph, start first.
    bool backwards = (run.rot == 0 && w < 0) || (run.rot == 1 && h < 0) || (run.rot == 2 && w > 0) ||
                     (run.rot == 3 && h > 0);
    if (backwards) {
        beginRun(state);
        px += w;
        py += h;
        w = -w;
        h = -h;
    }
    // A ligature mapped to several characters shares its advance among them.
    w /= uLen;
    h /= uLen;
    for (int i = 0; i < uLen; ++i) addGlyph(px + i * w, py + i * h, w, h, u[i], ink);
}

void GlyphCollector::addGlyph(double x, double y, double dx, double dy, Unicode u, const CrossExtent &ink) {
    if (glyphs.size() >= maxGlyphs) {
        full = true;
        return;
    }
    Placement p = along(run.rot, run.wMode, run.fontSize, x, y, dx, dy);
    if (run.count == 0) {
        // The run's extent across the line: the font's ascent to descent from the baseline (a
        // vertical-writing font: one em beside its centre line).
        double ascent = font.ascent * run.fontSize, descent = font.descent * run.fontSize;
        double base = baseOf(run.rot, x, y);
        run.base = base;
        if (run.wMode) {
            switch (run.rot) {
            case 0: run.crossMin = y - run.fontSize; run.crossMax = y; break;
            case 1: run.crossMin = x; run.crossMax = x + run.fontSize; break;
            case 2: run.crossMin = y; run.crossMax = y + run.fontSize; break;
            default: run.crossMin = x - run.fontSize; run.crossMax = x; break;
            }
        } else {
            switch (run.rot) {
            case 0: run.crossMin = y - ascent; run.crossMax = y - descent; break;
            case 1: run.crossMin = x + descent; run.crossMax = x + ascent; break;
            case 2: run.crossMin = y + descent; run.crossMax = y + ascent; break;
            default: run.crossMin = x - ascent; run.crossMax = x - descent; break;
            }
            if (run.crossMin == run.crossMax) run.crossMax = run.crossMin + 1;
        }
    } else {
        // Inside a run a glyph ends where the next one starts (kerning and tracking included), so
        // the run's glyphs tile it without gaps or overlaps.
        gp_glyph &previous = glyphs.back();
        switch (run.rot) {
        case 0: previous.x1 = p.start; break;
        case 1: previous.y1 = p.start; break;
        case 2: previous.x0 = p.start; break;
        default: previous.y0 = p.start; break;
        }
    }
    run.lastStart = p.start;
    run.end = p.end;
    run.count++;

    gp_glyph g;
    std::memset(&g, 0, sizeof g);
    g.text[0] = u;
    double a0 = std::min(p.start, p.end), a1 = std::max(p.start, p.end);
    if (run.rot == 0 || run.rot == 2) {
        g.x0 = a0; g.x1 = a1; g.y0 = run.crossMin; g.y1 = run.crossMax;
    } else {
        g.x0 = run.crossMin; g.x1 = run.crossMax; g.y0 = a0; g.y1 = a1;
    }
    g.size = run.fontSize;
    g.r = run.r; g.g = run.g; g.b = run.b;
    g.font = font.index;
    glyphs.push_back(g);
    if (ink.known && !run.wMode) widenRun(ink);
}

void GlyphCollector::widenRun(const CrossExtent &ink) {
    double low = run.inked ? std::min(run.crossMin, ink.low) : ink.low;
    double high = run.inked ? std::max(run.crossMax, ink.high) : ink.high;
    run.inked = true;
    if (low == run.crossMin && high == run.crossMax) return;
    run.crossMin = low;
    run.crossMax = high;
    for (size_t i = run.first; i < glyphs.size(); ++i) {
        gp_glyph &g = glyphs[i];
        if (run.rot == 0 || run.rot == 2) { g.y0 = low; g.y1 = high; }
        else { g.x0 = low; g.x1 = high; }
    }
}

bool GlyphCollector::addCombining(double x, double y, double dx, double dy, Unicode u) {
    if (!run.open || run.count == 0 || run.wMode || font.wMode) return false;
    gp_glyph &last = glyphs.back();
    if (last.text[1] != 0) return false;
    bool horizontal = run.rot == 0 || run.rot == 2;
    double lastStart = horizontal ? last.x0 : last.y0, lastEnd = horizontal ? last.x1 : last.y1;
    double lastMid = (lastStart + lastEnd) / 2;
    double mid = horizontal ? x + dx / 2 : y + dy / 2;
    double base = baseOf(run.rot, x, y);
    Unicode mark = combiningMark(u);
    if (mark && takesAccent(last.text[0])) {
        // An accent after its letter (the letter, a backspace, the accent).
        double lineHeight = run.crossMax - run.crossMin;
        if (std::fabs(mid - lastMid) >= accentCentre * (lastEnd - lastStart) ||
            std::fabs(base - run.base) >= accentBaseline * lineHeight)
            return false;
        last.text[1] = mark;
        return true;
    }
    Unicode lastMark = combiningMark(last.text[0]);
    if (lastMark && takesAccent(u)) {
        // An accent before its letter (TeX's \accent): the letter takes the accent's place.
        double lineHeight = (font.ascent - font.descent) * fontSize;
        if (std::fabs(mid - lastMid) >= accentCentre * std::fabs(horizontal ? dx : dy) ||
            std::fabs(base - run.base) >= accentBaseline * lineHeight)
            return false;
        glyphs.pop_back();
        run.count--;
        addGlyph(x, y, dx, dy, u);
        glyphs.back().text[1] = lastMark;
        return true;
    }
    return false;
}

std::vector<GlyphCollector::RunSpan> GlyphCollector::runSpans() const {
    std::vector<RunSpan> spans;
    for (size_t i = 0; i < runStarts.size(); ++i) {
        size_t first = runStarts[i].first;
        size_t end = i + 1 < runStarts.size() ? runStarts[i + 1].first : glyphs.size();
        if (end > first) spans.push_back({first, end - first, runStarts[i]});
    }
    return spans;
}

void GlyphCollector::closeLetterSpacing() {
    // Runs that follow one another on a line, in the same font and size, separated by less than a
    // word space, are one word set with letter spacing (justified CJK lines put space between all
    // characters). Their glyphs get the spacing into their boxes, as inside a run, so that a
    // letter-spaced line is as solid as a tight one and word spaces still show. A line of single
    // characters spaced evenly is closed where a gap is within `evenSpacing` times its smallest
    // gap; otherwise only gaps under `touchingGap` close.
    constexpr double maxLetterSpacing = 0.4;  // × font size: wider is a word space
    constexpr double evenSpacing = 1.3;
    constexpr double touchingGap = 0.03;  // × font size

    auto spans = runSpans();
    auto gapAfter = [&](size_t k) {
        // The gap between span k's last glyph and span k+1's first, along their line.
        const gp_glyph &a = glyphs[spans[k].last()], &b = glyphs[spans[k + 1].first];
        switch (spans[k].start.rot) {
        case 0: return b.x0 - a.x1;
        case 1: return b.y0 - a.y1;
        case 2: return a.x0 - b.x1;
        default: return a.y0 - b.y1;
        }
    };
    auto linked = [&](size_t k) {
        const RunStart &a = spans[k].start, &b = spans[k + 1].start;
        if (a.rot != b.rot || a.font != b.font || a.fontSize != b.fontSize) return false;
        const gp_glyph &ga = glyphs[spans[k].first], &gb = glyphs[spans[k + 1].first];
        bool horizontal = a.rot == 0 || a.rot == 2;
        double baseShift = horizontal ? std::fabs(ga.y1 - gb.y1) : std::fabs(ga.x0 - gb.x0);
        double gap = gapAfter(k);
        return baseShift <= runBreakBaseline && gap >= 0 && gap < maxLetterSpacing * a.fontSize;
    };
    auto close = [&](size_t k) {
        gp_glyph &a = glyphs[spans[k].last()];
        const gp_glyph &b = glyphs[spans[k + 1].first];
        switch (spans[k].start.rot) {
        case 0: a.x1 = b.x0; break;
        case 1: a.y1 = b.y0; break;
        case 2: a.x0 = b.x1; break;
        default: a.y0 = b.y1; break;
        }
    };
    size_t k = 0;
    while (k + 1 < spans.size()) {
        if (!linked(k)) { ++k; continue; }
        // A chain of linked spans k...end.
        size_t end = k + 1;
        while (end + 1 < spans.size() && linked(end)) ++end;
        bool singles = true;
        double minGap = INFINITY;
        for (size_t i = k; i <= end; ++i) singles = singles && spans[i].count == 1;
        for (size_t i = k; i < end; ++i) minGap = std::min(minGap, gapAfter(i));
        double fontSize = spans[k].start.fontSize;
        double limit = singles && minGap > 0 ? std::min(evenSpacing * minGap, maxLetterSpacing * fontSize)
                                             : touchingGap * fontSize;
        for (size_t i = k; i < end; ++i)
            if (gapAfter(i) < limit) close(i);
        k = end + 1;
    }
}

void GlyphCollector::removeDuplicates() {
    auto runs = runSpans();
    auto sameText = [&](const RunSpan &a, const RunSpan &b) {
        if (a.count != b.count) return false;
        for (size_t k = 0; k < a.count; ++k) {
            const gp_glyph &x = glyphs[a.first + k], &y = glyphs[b.first + k];
            if (x.text[0] != y.text[0] || x.text[1] != y.text[1]) return false;
        }
        return true;
    };
    // Only runs of the same text can be copies: the runs are grouped by a hash of their text (FNV-1a),
    // so that a line or a page of different words is not compared word with word.
    std::vector<uint64_t> textKey(runs.size());
    for (size_t i = 0; i < runs.size(); ++i) {
        uint64_t h = 1469598103934665603ull ^ runs[i].count;
        for (size_t k = 0; k < runs[i].count; ++k) {
            const gp_glyph &x = glyphs[runs[i].first + k];
            h = (h ^ x.text[0]) * 1099511628211ull;
            h = (h ^ x.text[1]) * 1099511628211ull;
        }
        textKey[i] = h;
    }
    // In each group, runs sorted by top edge (then left edge, then drawing order): a copy lies within
    // `duplicateAcross` of its original in this order.
    std::vector<size_t> order(runs.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const gp_glyph &ga = glyphs[runs[a].first], &gb = glyphs[runs[b].first];
        if (textKey[a] != textKey[b]) return textKey[a] < textKey[b];
        if (ga.y0 != gb.y0) return ga.y0 < gb.y0;
        if (ga.x0 != gb.x0) return ga.x0 < gb.x0;
        return a < b;
    });
    // Of two copies the one drawn later is kept: it is on top, the one a reader sees.
    std::vector<bool> hidden(glyphs.size(), false);
    for (size_t i = 0; i < order.size(); ++i) {
        const auto &r = runs[order[i]];
        const gp_glyph &g = glyphs[r.first];
        size_t compared = 0;
        for (size_t k = i + 1; k < order.size() && textKey[order[k]] == textKey[order[i]]; ++k) {
            const auto &o = runs[order[k]];
            const gp_glyph &h = glyphs[o.first];
            if (h.y0 - g.y0 >= duplicateAcross * g.size || ++compared > maxDuplicateCandidates) break;
            if (std::fabs(h.x0 - g.x0) < duplicateAlong * g.size && std::fabs(h.size - g.size) < duplicateAlong * g.size &&
                sameText(r, o)) {
                const auto &earlier = r.first < o.first ? r : o;
                for (size_t n = 0; n < earlier.count; ++n) hidden[earlier.first + n] = true;
            }
        }
    }
    size_t kept = 0;
    for (size_t i = 0; i < glyphs.size(); ++i)
        if (!hidden[i]) glyphs[kept++] = glyphs[i];
    glyphs.resize(kept);
}

void GlyphCollector::finish() {
    run.open = false;
    closeLetterSpacing();
    removeDuplicates();
}
