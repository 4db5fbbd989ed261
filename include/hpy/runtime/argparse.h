/*
 * hpy-node: argument parsing helpers (HPyArg_Parse and friends).
 *
 * These functions are not part of the HPy ABI: their implementation
 * (include/runtime/argparse.c) is compiled into every extension.
 *
 * This header is meant to be included by hpy.h, after the core HPy types
 * (HPy, HPyContext, HPyTracker, HPy_ssize_t) have been declared.
 */
#ifndef HPY_NODE_RUNTIME_ARGPARSE_H
#define HPY_NODE_RUNTIME_ARGPARSE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Parse positional arguments only.  Returns 1 on success, 0 on failure
   (with an exception set). */
HPyAPI_HELPER int
HPyArg_Parse(HPyContext *ctx, HPyTracker *ht, const HPy *args,
             size_t nargs, const char *fmt, ...);

/* Parse positional arguments plus keyword arguments passed in the
   vectorcall style: the keyword values follow the nargs positional values
   in args, their names are in the tuple kwnames (may be HPy_NULL). */
HPyAPI_HELPER int
HPyArg_ParseKeywords(HPyContext *ctx, HPyTracker *ht, const HPy *args,
                     size_t nargs, HPy kwnames, const char *fmt,
                     const char *keywords[], ...);

/* Same as HPyArg_ParseKeywords but the keyword arguments come as a dict
   (may be HPy_NULL). */
HPyAPI_HELPER int
HPyArg_ParseKeywordsDict(HPyContext *ctx, HPyTracker *ht, const HPy *args,
                         HPy_ssize_t nargs, HPy kw, const char *fmt,
                         const char *keywords[], ...);

#ifdef __cplusplus
}
#endif
#endif /* HPY_NODE_RUNTIME_ARGPARSE_H */
