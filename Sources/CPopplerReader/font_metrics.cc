// See font_metrics.h.
#include "font_metrics.h"

#include <GfxFont.h>
#include <GfxState.h>
#include <Object.h>
#include <Stream.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string>

namespace {

// A glyph procedure's first operator lies within this many bytes of its start.
constexpr int procedurePrefix = 512;
// The height of an em, in text space, that a font's boxes may give for its glyph space to count as
// the usual one (one em to one unit of text space).
constexpr double emLow = 0.6, emHigh = 1.6;

/// `b` with x0 <= x1 and y0 <= y1.
std::array<double, 4> ordered(const double b[4]) {
    return {std::min(b[0], b[2]), std::min(b[1], b[3]), std::max(b[0], b[2]), std::max(b[1], b[3])};
}

}  // namespace

int fontKind(const GfxFont *font) {
    if (!font) return GP_FONT_UNKNOWN;
    switch (font->getType()) {
    case fontType1:
    case fontType1C:
    case fontType1COT: return GP_FONT_TYPE1;
    case fontType3: return GP_FONT_TYPE3;
    case fontTrueType:
    case fontTrueTypeOT: return GP_FONT_TRUETYPE;
    case fontCIDType0:
    case fontCIDType0C:
    case fontCIDType0COT: return GP_FONT_TYPE0_CFF;
    case fontCIDType2:
    case fontCIDType2OT: return GP_FONT_TYPE0_TRUETYPE;
    default: return GP_FONT_UNKNOWN;
    }
}

Type3Metrics::Type3Metrics(const std::shared_ptr<GfxFont> &heldFont)
    : font(heldFont), state(256, unread), boxes(256) {
    const double *m = font->getFontMatrix();
    std::copy(m, m + 6, fm);
    const double *b = font->getFontBBox();
    fontBox = ordered(b);
    fontBoxValid = fontBox[2] > fontBox[0] && fontBox[3] > fontBox[1];
    // The em's height in text space, from the font's box, else from the tallest glyph box.
    double height = 0;
    if (fontBoxValid) {
        height = (fontBox[3] - fontBox[1]) * std::fabs(fm[3]);
    } else {
        for (CharCode code = 0; code < 256; ++code) {
            read(code);
            if (state[code] == boxed) height = std::max(height, (boxes[code][3] - boxes[code][1]) * std::fabs(fm[3]));
        }
    }
    emLike = fm[1] == 0 && fm[2] == 0 && fm[0] != 0 && std::fabs(std::fabs(fm[0]) - std::fabs(fm[3])) <= 1e-3 * std::fabs(fm[0]) &&
             height >= emLow && height <= emHigh;
}

void Type3Metrics::read(CharCode code) {
    if (code >= 256 || state[code] != unread) return;
    state[code] = unboxed;
    auto *font8 = static_cast<Gfx8BitFont *>(font.get());
    Object proc = font8->getCharProc(static_cast<int>(code));
    if (!proc.isStream()) return;
    Stream *stream = proc.getStream();
    stream->reset();
    // Numbers up to the first operator: `wx wy llx lly urx ury d1` or `wx wy d0`.
    std::vector<double> numbers;
    std::string token;
    bool done = false;
    for (int i = 0; i <= procedurePrefix && !done; ++i) {
        int c = i < procedurePrefix ? stream->getChar() : EOF;
        bool delimiter = c == EOF || std::isspace(c) || c == '[' || c == ']' || c == '%' || c == '/' || c == '<' ||
                         c == '(';
        if (!delimiter) {
            token.push_back(static_cast<char>(c));
            continue;
        }
        if (!token.empty()) {
            char *end = nullptr;
            double v = std::strtod(token.c_str(), &end);
            if (end && *end == 0) {
                numbers.push_back(v);
            } else {
                if (token == "d1" && numbers.size() >= 6) {
                    double b[4] = {numbers[numbers.size() - 4], numbers[numbers.size() - 3], numbers[numbers.size() - 2],
                                   numbers[numbers.size() - 1]};
                    boxes[code] = ordered(b);
                    bool area = boxes[code][2] > boxes[code][0] && boxes[code][3] > boxes[code][1];
                    state[code] = area ? boxed : empty;
                    if (area) anyGlyphBox = true;
                }
                done = true;
            }
            token.clear();
        }
        // Anything but a number before the first operator: no box to read.
        if (c == EOF || !std::isspace(c)) done = true;
    }
    stream->close();
}

void InkBox::add(const InkBox &other) {
    if (!other.known) return;
    if (!known) {
        *this = other;
        return;
    }
    x0 = std::min(x0, other.x0);
    y0 = std::min(y0, other.y0);
    x1 = std::max(x1, other.x1);
    y1 = std::max(y1, other.y1);
}

CrossExtent InkBox::across(int rot) const {
    CrossExtent out;
    out.known = known;
    out.low = (rot == 0 || rot == 2) ? y0 : x0;
    out.high = (rot == 0 || rot == 2) ? y1 : x1;
    return out;
}

InkBox Type3Metrics::ink(const GfxState *gfxState, double px, double py, CharCode code) {
    InkBox out;
    read(code);
    const std::array<double, 4> *box = nullptr;
    if (code < 256 && state[code] == boxed) box = &boxes[code];
    else if (code < 256 && state[code] == empty) return out;
    else if (fontBoxValid) box = &fontBox;
    if (!box) return out;
    double m11, m12, m21, m22;
    gfxState->getFontTransMat(&m11, &m12, &m21, &m22);
    double h = gfxState->getHorizScaling();
    const double xs[2] = {(*box)[0], (*box)[2]}, ys[2] = {(*box)[1], (*box)[3]};
    out.x0 = out.y0 = INFINITY;
    out.x1 = out.y1 = -INFINITY;
    for (double gx : xs) {
        for (double gy : ys) {
            // Glyph space to text space (the font matrix), horizontal scaling, then to the device.
            double tx = (fm[0] * gx + fm[2] * gy + fm[4]) * h;
            double ty = fm[1] * gx + fm[3] * gy + fm[5];
            double dx = px + tx * m11 + ty * m21, dy = py + tx * m12 + ty * m22;
            out.x0 = std::min(out.x0, dx);
            out.y0 = std::min(out.y0, dy);
            out.x1 = std::max(out.x1, dx);
            out.y1 = std::max(out.y1, dy);
        }
    }
    out.known = std::isfinite(out.x0) && std::isfinite(out.y0) && std::isfinite(out.x1) && std::isfinite(out.y1);
    return out;
}
