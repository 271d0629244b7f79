#ifndef GALLEY_CPOPPLERREADER_H
#define GALLEY_CPOPPLERREADER_H
/* A small C interface to poppler's core (C++) library: open a PDF, and read one page in a single
   pass over its content: every glyph (character, box, font, size, colour), every fill, stroke and
   image, drawing nothing. Coordinates are page points, origin top-left, y down, with the page's
   /Rotate applied. */
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct gp_document gp_document;

/* Why a document did not open. */
enum { GP_OPEN_OK = 0, GP_OPEN_UNREADABLE = 1, GP_OPEN_DAMAGED = 2, GP_OPEN_ENCRYPTED = 3 };

/* Opens `path` (a file name); `password` may be NULL. Returns NULL when poppler cannot open it and
   sets `*status` (never NULL) to the reason; `message` (size `message_size`) gets poppler's words. */
gp_document *gp_document_open(const char *path, const char *password, int *status, char *message,
                              size_t message_size);
void gp_document_close(gp_document *doc);
int gp_document_page_count(const gp_document *doc);

/* Size of page `index` (0-based) in points, /Rotate applied. Returns 0 on success. */
int gp_page_size(gp_document *doc, int index, double *width, double *height);

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
    uint32_t text[2];      /* a Unicode character, and a combining mark drawn over it (0 when none) */
    double x0, y0, x1, y1; /* its box: advance along the line, the font's ascent to descent across
                              (a Type 3 font: the ink of its run's glyphs, from their d1 boxes) */
    double size;           /* font size on the page, points */
    double r, g, b;        /* fill colour (stroke colour for outlined text), 0...1 */
    uint32_t font;         /* index into gp_page_content.fonts */
} gp_glyph;

/* A font's kind: Type 1 (and its CFF forms), TrueType, Type 3, or Type 0 (a composite font) with
   CFF or TrueType outlines. */
enum {
    GP_FONT_UNKNOWN = 0, GP_FONT_TYPE1 = 1, GP_FONT_TRUETYPE = 2, GP_FONT_TYPE3 = 3,
    GP_FONT_TYPE0_CFF = 4, GP_FONT_TYPE0_TRUETYPE = 5
};
/* Why a font's glyph boxes may not match its ink (bits of gp_font_info.box_doubts). */
enum {
    GP_FONT_SIZE_GUESSED = 1,    /* a Type 3 font whose glyph space is not the usual one: size guessed from widths */
    GP_FONT_NO_BOXES = 2,        /* a Type 3 font with no glyph boxes nor /FontBBox: heights guessed */
    GP_FONT_NO_METRICS = 4       /* a font with an implausible ascent and descent (height under 0.5 or over 2.5 em) */
};

typedef struct {
    int type;              /* GP_FONT_... */
    int flipped;           /* non-zero where the font matrix turns glyphs upside down (y down) */
    int box_doubts;        /* GP_FONT_SIZE_GUESSED | GP_FONT_NO_BOXES | GP_FONT_NO_METRICS */
} gp_font_info;

typedef struct {
    gp_shape *shapes; size_t shape_count;
    gp_subpath *subpaths; size_t subpath_count;
    gp_point *points; size_t point_count;
    gp_glyph *glyphs; size_t glyph_count;
    char **fonts; size_t font_count;   /* font names, subset tag ("ABCDEF+") removed */
    gp_font_info *font_info;           /* font_count of them: each named font's kind (the first font of that name) */
    size_t errors;                     /* syntax errors poppler met in the page's content */
    int stopped;                       /* GP_STOPPED_TIME or GP_STOPPED_GLYPHS: a limit ended the reading */
} gp_page_content;

enum { GP_STOPPED_NONE = 0, GP_STOPPED_TIME = 1, GP_STOPPED_GLYPHS = 2 };

/* Limits on reading one page: the content is read no longer than `seconds` and no glyph past the
   `max_glyphs`th is kept (0: no limit); `stopped` tells which ended it. */
typedef struct { double seconds; size_t max_glyphs; } gp_page_limits;

/* Reads page `index` (0-based) into `out`: glyphs and images always, fills and strokes when
   `with_paths` is non-zero. Returns 0 on success; free with gp_page_content_free. */
int gp_page_read(gp_document *doc, int index, int with_paths, const gp_page_limits *limits, gp_page_content *out);
void gp_page_content_free(gp_page_content *content);

#ifdef __cplusplus
}
#endif
#endif
