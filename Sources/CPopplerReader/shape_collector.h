// The fills, strokes and images of a page, kept as geometry: each path in device space (page points,
// origin top-left, y down, /Rotate applied), the pen width, the flat colour and the clip's box.
#ifndef GALLEY_SHAPE_COLLECTOR_H
#define GALLEY_SHAPE_COLLECTOR_H

#include "cpopplerreader.h"

#include <vector>

class GfxState;

class ShapeCollector {
public:
    std::vector<gp_shape> shapes;
    std::vector<gp_subpath> subpaths;
    std::vector<gp_point> points;

    /// The current path of `state`, filled or stroked (`kind` is GP_FILL or GP_STROKE).
    void addPath(const GfxState *state, int kind);
    /// An image: it fills the unit square of its user space.
    void addImage(const GfxState *state);
    /// A shading or tiling pattern: it paints the clip, which poppler has already cut to the shaded
    /// path and the shading's own box.
    void addPaintedClip(const GfxState *state);

private:
    struct Box { double x0, y0, x1, y1; };
    static Box clipBox(const GfxState *state);
    void addPicture(const GfxState *state, Box box);
};

#endif
