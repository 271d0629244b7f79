// Records the fills, strokes and images of a PDF page with poppler's core library, drawing nothing.
//
// poppler-glib gives no vector paths, and drawing the page through Cairo to watch the paths go by
// costs most of its time in glyph rasterisation. This output device receives the same operations
// from poppler's content-stream interpreter (Gfx) but ignores text and keeps only geometry: each
// path in device space (points, origin top-left, y down, the page's /Rotate applied, as poppler-glib
// reports coordinates), the pen width, the flat colour and the clip's bounding box.
#include "cpopplerpaths.h"

#include <GlobalParams.h>
#include <GfxState.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <Page.h>
#include <Stream.h>
#include <goo/GooString.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

struct gp_document {
    std::unique_ptr<PDFDoc> doc;
};

namespace {

class ShapeRecorder final : public OutputDev {
public:
    std::vector<gp_shape> shapes;
    std::vector<gp_subpath> subpaths;
    std::vector<gp_point> points;

    bool upsideDown() override { return true; }
    bool useDrawChar() override { return true; }
    bool interpretType3Chars() override { return false; }
    bool needNonText() override { return true; }
    bool needCharCount() override { return false; }
    // Shadings and tiling patterns are recorded whole, not as the many small fills Gfx would
    // otherwise break them into.
    bool useTilingPatternFill() override { return true; }
    bool useShadedFills(int) override { return true; }

    void stroke(GfxState *state) override { recordPath(state, GP_STROKE); }
    void fill(GfxState *state) override { recordPath(state, GP_FILL); }
    void eoFill(GfxState *state) override { recordPath(state, GP_FILL); }

    bool tilingPatternFill(GfxState *state, Gfx *, Catalog *, GfxTilingPattern *, const double *, int, int, int, int,
                           double, double) override {
        recordPicture(state, clipBox(state));
        return true;
    }
    bool functionShadedFill(GfxState *state, GfxFunctionShading *) override { return shading(state); }
    bool axialShadedFill(GfxState *state, GfxAxialShading *, double, double) override { return shading(state); }
    bool radialShadedFill(GfxState *state, GfxRadialShading *, double, double) override { return shading(state); }
    bool gouraudTriangleShadedFill(GfxState *state, GfxGouraudTriangleShading *) override { return shading(state); }
    bool patchMeshShadedFill(GfxState *state, GfxPatchMeshShading *) override { return shading(state); }

    void drawImageMask(GfxState *state, Object *ref, Stream *str, int width, int height, bool invert, bool interpolate,
                       bool inlineImg) override {
        recordImage(state);
        OutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inlineImg);
    }
    void drawImage(GfxState *state, Object *ref, Stream *str, int width, int height, GfxImageColorMap *colorMap,
                   bool interpolate, const int *maskColors, bool inlineImg) override {
        recordImage(state);
        OutputDev::drawImage(state, ref, str, width, height, colorMap, interpolate, maskColors, inlineImg);
    }
    void drawMaskedImage(GfxState *state, Object *ref, Stream *str, int width, int height, GfxImageColorMap *colorMap,
                         bool interpolate, Stream *maskStr, int maskWidth, int maskHeight, bool maskInvert,
                         bool maskInterpolate) override {
        recordImage(state);
    }
    void drawSoftMaskedImage(GfxState *state, Object *ref, Stream *str, int width, int height,
                             GfxImageColorMap *colorMap, bool interpolate, Stream *maskStr, int maskWidth,
                             int maskHeight, GfxImageColorMap *maskColorMap, bool maskInterpolate) override {
        recordImage(state);
    }

private:
    struct Box { double x0, y0, x1, y1; };

    static Box clipBox(GfxState *state) {
        Box b;
        state->getClipBBox(&b.x0, &b.y0, &b.x1, &b.y1);
        return b;
    }

    static gp_shape newShape(int kind, const Box &clip) {
        gp_shape s;
        std::memset(&s, 0, sizeof s);
        s.kind = kind;
        s.clip[0] = clip.x0; s.clip[1] = clip.y0; s.clip[2] = clip.x1; s.clip[3] = clip.y1;
        return s;
    }

    /// A picture covering `box`, cut to the clip.
    void recordPicture(GfxState *state, Box box) {
        Box c = clipBox(state);
        Box v{std::max(box.x0, c.x0), std::max(box.y0, c.y0), std::min(box.x1, c.x1), std::min(box.y1, c.y1)};
        if (v.x0 > v.x1 || v.y0 > v.y1) v = c;  // as the Cairo reading did: no overlap keeps the clip
        gp_shape s = newShape(GP_PICTURE, v);
        s.first_subpath = subpaths.size();
        shapes.push_back(s);
    }

    /// An image fills the unit square of its user space.
    void recordImage(GfxState *state) {
        double xs[4], ys[4];
        const double corners[4][2] = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
        for (int i = 0; i < 4; i++) state->transform(corners[i][0], corners[i][1], &xs[i], &ys[i]);
        Box box{*std::min_element(xs, xs + 4), *std::min_element(ys, ys + 4), *std::max_element(xs, xs + 4),
                *std::max_element(ys, ys + 4)};
        recordPicture(state, box);
    }

    /// A shading paints the clip, which poppler has already cut to the shaded path and the
    /// shading's own box. It counts as a picture.
    bool shading(GfxState *state) {
        recordPicture(state, clipBox(state));
        return true;
    }

    void recordPath(GfxState *state, int kind) {
        const GfxPath *path = state->getPath();
        if (!path) return;
        gp_shape s = newShape(kind, clipBox(state));
        GfxRGB rgb;
        double opacity;
        if (kind == GP_STROKE) {
            state->getStrokeRGB(&rgb);
            opacity = state->getStrokeOpacity();
            double w = state->getLineWidth();
            double ux, uy, vx, vy;
            state->transformDelta(w, 0, &ux, &uy);
            state->transformDelta(0, w, &vx, &vy);
            s.line_width = std::min(std::hypot(ux, uy), std::hypot(vx, vy));
        } else {
            state->getFillRGB(&rgb);
            opacity = state->getFillOpacity();
        }
        // Ink laid at partial opacity on white paper shows lighter.
        s.has_color = 1;
        s.r = 1 - opacity * (1 - colToDbl(rgb.r));
        s.g = 1 - opacity * (1 - colToDbl(rgb.g));
        s.b = 1 - opacity * (1 - colToDbl(rgb.b));
        s.first_subpath = subpaths.size();
        for (int i = 0; i < path->getNumSubpaths(); i++) {
            const GfxSubpath *sub = path->getSubpath(i);
            int n = sub->getNumPoints();
            if (n < 2) continue;
            gp_subpath out;
            out.first_point = points.size();
            out.point_count = 0;
            out.closed = sub->isClosed() ? 1 : 0;
            out.curved = 0;
            for (int k = 0; k < n; k++) {
                if (sub->getCurve(k)) out.curved = 1;
                gp_point p;
                state->transform(sub->getX(k), sub->getY(k), &p.x, &p.y);
                points.push_back(p);
                out.point_count++;
            }
            subpaths.push_back(out);
        }
        s.subpath_count = subpaths.size() - s.first_subpath;
        if (s.subpath_count > 0) shapes.push_back(s);
    }
};

template <typename T> T *copyOut(const std::vector<T> &v) {
    if (v.empty()) return nullptr;
    T *p = static_cast<T *>(std::malloc(v.size() * sizeof(T)));
    if (p) std::memcpy(p, v.data(), v.size() * sizeof(T));
    return p;
}

std::once_flag globalsOnce;

}  // namespace

extern "C" gp_document *gp_document_open(const char *path, const char *password) {
    std::call_once(globalsOnce, [] {
        if (!globalParams) globalParams = std::make_unique<GlobalParams>();
    });
    std::optional<GooString> pw;
    if (password) pw = GooString(password);
    auto doc = std::make_unique<PDFDoc>(std::make_unique<GooString>(path), pw, pw);
    if (!doc->isOk()) return nullptr;
    auto *d = new gp_document;
    d->doc = std::move(doc);
    return d;
}

extern "C" void gp_document_close(gp_document *doc) { delete doc; }

extern "C" int gp_page_shapes_read(gp_document *doc, int index, gp_page_shapes *out) {
    std::memset(out, 0, sizeof *out);
    if (!doc || index < 0 || index >= doc->doc->getNumPages()) return -1;
    Page *page = doc->doc->getPage(index + 1);
    if (!page) return -1;
    ShapeRecorder recorder;
    // As poppler-glib draws a page: 72 dpi (one unit per point), no extra rotation, the crop box.
    page->displaySlice(&recorder, 72.0, 72.0, 0, false, true, -1, -1, -1, -1, false);
    out->shapes = copyOut(recorder.shapes);
    out->shape_count = recorder.shapes.size();
    out->subpaths = copyOut(recorder.subpaths);
    out->subpath_count = recorder.subpaths.size();
    out->points = copyOut(recorder.points);
    out->point_count = recorder.points.size();
    return 0;
}

extern "C" void gp_page_shapes_free(gp_page_shapes *shapes) {
    if (!shapes) return;
    std::free(shapes->shapes);
    std::free(shapes->subpaths);
    std::free(shapes->points);
    std::memset(shapes, 0, sizeof *shapes);
}
