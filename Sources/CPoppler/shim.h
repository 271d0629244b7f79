#ifndef GALLEY_CPOPPLER_SHIM_H
#define GALLEY_CPOPPLER_SHIM_H
#include <poppler.h>
#include <cairo.h>
#include <glib.h>

/* Function-like macros are not imported into Swift; these inline helpers stand in for them. */
static inline GQuark cpoppler_error_quark(void) { return poppler_error_quark(); }
static inline GQuark cpoppler_file_error_quark(void) { return g_file_error_quark(); }
static inline void cpoppler_object_unref(void *object) { if (object) g_object_unref(object); }
#endif
