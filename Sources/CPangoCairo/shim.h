#ifndef GALLEY_CPANGOCAIRO_SHIM_H
#define GALLEY_CPANGOCAIRO_SHIM_H
#include <pango/pangocairo.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <glib.h>

/* Function-like macros are not imported into Swift; these inline helpers stand in for them. */
static inline void cpangocairo_object_unref(void *object) { if (object) g_object_unref(object); }
static inline int cpangocairo_pango_scale(void) { return PANGO_SCALE; }
#endif
