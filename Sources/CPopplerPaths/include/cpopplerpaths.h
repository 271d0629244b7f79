#ifndef GALLEY_CPOPPLERPATHS_H
#define GALLEY_CPOPPLERPATHS_H
/* A small C interface to poppler's core (C++) library: the fills, strokes and images a page draws,
   with their geometry, read without drawing anything. Coordinates are page points, origin top-left,
   y down, with the page's /Rotate applied (as poppler-glib reports them). */
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct gp_document gp_document;

enum { GP_FILL = 0, GP_STROKE = 1, GP_PICTURE = 2 };

typedef struct { double x, y; } gp_point;

typedef struct {
    size_t first_point, point_count;
    int closed, curved;
} gp_subpath;

typedef struct {
    int kind;              /* GP_FILL, GP_STROKE or GP_PICTURE */
    int has_color;         /* 0 for pictures */
    double r, g, b;        /* flat colour, opacity already laid on white paper */
    double line_width;     /* strokes: the pen's smaller reach on the page, points */
    double clip[4];        /* x0, y0, x1, y1: the area the operation may touch (pictures: their box) */
    size_t first_subpath, subpath_count;
} gp_shape;

typedef struct {
    gp_shape *shapes; size_t shape_count;
    gp_subpath *subpaths; size_t subpath_count;
    gp_point *points; size_t point_count;
} gp_page_shapes;

/* Opens `path` (a file name); `password` may be NULL. Returns NULL when poppler cannot open it. */
gp_document *gp_document_open(const char *path, const char *password);
void gp_document_close(gp_document *doc);

/* Records what page `index` (0-based) draws into `out`. Returns 0 on success; free with
   gp_page_shapes_free. */
int gp_page_shapes_read(gp_document *doc, int index, gp_page_shapes *out);
void gp_page_shapes_free(gp_page_shapes *shapes);

#ifdef __cplusplus
}
#endif
#endif
