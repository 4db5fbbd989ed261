/*
 * hpy-node: HPy_BuildValue, a helper compiled into every extension
 * (implementation: include/runtime/buildvalue.c).
 *
 * Included by hpy.h once HPy and HPyContext are declared.
 */
#ifndef HPY_NODE_RUNTIME_BUILDVALUE_H
#define HPY_NODE_RUNTIME_BUILDVALUE_H

#ifdef __cplusplus
extern "C" {
#endif

/* Build a Python value from a format string and C values; returns a new
   handle, or HPy_NULL with an exception set. */
HPyAPI_HELPER HPy
HPy_BuildValue(HPyContext *ctx, const char *fmt, ...);

#ifdef __cplusplus
}
#endif
#endif /* HPY_NODE_RUNTIME_BUILDVALUE_H */
