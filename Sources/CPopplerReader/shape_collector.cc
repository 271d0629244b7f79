// See shape_collector.h.
#include "shape_collector.h"

#include <GfxState.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace {

gp_shape newShape(int kind, const double clip[4]) {
    gp_shape s;
    std::memset(&s, 0, sizeof s);
    s.kind = kind;
    std::copy(clip, clip + 4, s.clip);
    return s;
}

}  // namespace

ShapeCollector::Box ShapeCollector::clipBox(const GfxState *state) {
    Box b;
    state->getClipBBox(&b.x0, &b.y0, &b.x1, &b.y1);
    return b;
}

void ShapeCollector::addPicture(const GfxState *state, Box box) {
    Box c = clipBox(state);
    Box v{std::max(box.x0, c.x0), std::max(box.y0, c.y0), std::min(box.x1, c.x1), std::min(box.y1, c.y1)};
    if (v.x0 > v.x1 || v.y0 > v.y1) v = c;  // no overlap: keep the clip, as the Cairo reading did
    const double clip[4] = {v.x0, v.y0, v.x1, v.y1};
    gp_shape s = newShape(GP_PICTURE, clip);
    s.first_subpath = subpaths.size();
    shapes.push_back(s);
}

void ShapeCollector::addImage(const GfxState *state) {
    double xs[4], ys[4];
    const double corners[4][2] = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
    for (int i = 0; i < 4; i++) state->transform(corners[i][0], corners[i][1], &xs[i], &ys[i]);
    addPicture(state, Box{*std::min_element(xs, xs + 4), *std::min_element(ys, ys + 4),
                          *std::max_element(xs, xs + 4), *std::max_element(ys, ys + 4)});
}

void ShapeCollector::addPaintedClip(const GfxState *state) { addPicture(state, clipBox(state)); }

void ShapeCollector::addPath(const GfxState *state, int kind) {
    const GfxPath *path = state->getPath();
    if (!path) return;
    Box c = clipBox(state);
    const double clip[4] = {c.x0, c.y0, c.x1, c.y1};
    gp_shape s = newShape(kind, clip);
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
