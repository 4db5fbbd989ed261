/*
 * hpy-node: miscellaneous helpers compiled into every extension
 * (implementation: include/runtime/helpers.c).
 *
 * Included by hpy.h after hpy/hpytype.h (HPyType_Spec, HPyType_SpecParam).
 */
#ifndef HPY_NODE_RUNTIME_HELPERS_H
#define HPY_NODE_RUNTIME_HELPERS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Create a type from hpyspec/params and store it as attribute `name` of
   obj (usually a module).  Returns 1 on success, 0 on failure. */
HPyAPI_HELPER int
HPyHelpers_AddType(HPyContext *ctx, HPy obj, const char *name,
                   HPyType_Spec *hpyspec, HPyType_SpecParam *params);

/* Turn a vectorcall-style argument vector (args, nargs, kwnames) into a
   positional tuple and a keyword dict.  Either output is HPy_NULL when there
   is nothing to put in it.  Returns 1 on success, 0 on failure. */
HPyAPI_HELPER int
HPyHelpers_PackArgsAndKeywords(HPyContext *ctx, const HPy *args, size_t nargs,
                               HPy kwnames, HPy *out_pos_args, HPy *out_kwd);

#ifdef __cplusplus
}
#endif
#endif /* HPY_NODE_RUNTIME_HELPERS_H */
