/*
 * hpy-node: printf-like string formatting helpers, compiled into every
 * extension (implementation: include/runtime/format.c).
 *
 * Included by hpy.h once HPy and HPyContext are declared.
 */
#ifndef HPY_NODE_RUNTIME_FORMAT_H
#define HPY_NODE_RUNTIME_FORMAT_H

#include <stdarg.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Build a str from a printf-like format; HPy_NULL on error. */
HPyAPI_HELPER HPy
HPyUnicode_FromFormat(HPyContext *ctx, const char *fmt, ...);

/* va_list variant of HPyUnicode_FromFormat. */
HPyAPI_HELPER HPy
HPyUnicode_FromFormatV(HPyContext *ctx, const char *format, va_list vargs);

/* Set an exception of type h_type whose message is formatted like
   HPyUnicode_FromFormat; always returns HPy_NULL. */
HPyAPI_HELPER HPy
HPyErr_Format(HPyContext *ctx, HPy h_type, const char *fmt, ...);

#ifdef __cplusplus
}
#endif
#endif /* HPY_NODE_RUNTIME_FORMAT_H */
