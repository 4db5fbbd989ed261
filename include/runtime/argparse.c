/*
 * hpy-node helper runtime: HPyArg_Parse, HPyArg_ParseKeywords and
 * HPyArg_ParseKeywordsDict.
 *
 * This file is compiled into each extension; it only uses the public HPy API.
 *
 * Format units (the set HPy 0.9 defines):
 *
 *   b  unsigned char   int in 0..UCHAR_MAX, OverflowError otherwise
 *   B  unsigned char   int, truncated (no overflow check)
 *   h  short           int in SHRT_MIN..SHRT_MAX
 *   H  unsigned short  int, truncated
 *   i  int             int in INT_MIN..INT_MAX
 *   I  unsigned int    int, truncated
 *   l  long            int
 *   k  unsigned long   int, truncated
 *   L  long long       int
 *   K  unsigned long long  int, truncated
 *   n  HPy_ssize_t     int
 *   f  float           float (or anything HPyFloat_AsDouble accepts)
 *   d  double          same
 *   s  const char *    str without NUL characters, as UTF-8; the pointer
 *                      lives as long as the argument's handle
 *   O  HPy             any object
 *   p  int             truth value (0 or 1)
 *
 * Control characters: '|' (the rest is optional), '$' (the rest is
 * keyword-only and optional; keyword variants only), ':name' (function name
 * for error messages) and ';message' (replaces the whole error message).
 *
 * When an optional argument is absent its C variable is left untouched.
 *
 * Handles stored by 'O': HPyArg_Parse stores the argument handles
 * themselves (they are owned by the caller of the extension function).
 * The keyword variants store new handles which they add to the tracker *ht;
 * they therefore require ht != NULL when the format contains 'O'.  Whenever
 * ht is not NULL a tracker is created, which the caller must close after a
 * successful parse; on failure it is closed here.
 *
 * Error messages follow the official HPy implementation, e.g.
 * "function required positional argument missing" or, with ":f",
 * "f() required positional argument missing".
 */

#include "hpy.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------- */
/* error reporting                                                         */

/* Return a pointer to the first ':' or ';' in fmt (or to its terminating
   NUL); *tail receives that pointer when one of them is present, else NULL. */
static const char *
argp_units_end(const char *fmt, const char **tail)
{
    const char *p = fmt;
    *tail = NULL;
    while (*p != '\0') {
        if (*p == ':' || *p == ';') {
            *tail = p;
            break;
        }
        p++;
    }
    return p;
}

static void
argp_fail(HPyContext *ctx, HPy exc_type, const char *tail, const char *what)
{
    char buf[512];
    if (tail != NULL && *tail == ';') {
        /* the caller supplied the complete message */
        snprintf(buf, sizeof buf, "%s", tail + 1);
    } else if (tail != NULL) {
        snprintf(buf, sizeof buf, "%.200s() %.256s", tail + 1, what);
    } else {
        snprintf(buf, sizeof buf, "function %.256s", what);
    }
    HPyErr_SetString(ctx, exc_type, buf);
}

/* ---------------------------------------------------------------------- */
/* conversion of a single argument                                         */

/* Fetch an integer as long; returns 0 and leaves the error set on failure. */
static int
argp_long(HPyContext *ctx, HPy arg, long *out)
{
    long v = HPyLong_AsLong(ctx, arg);
    if (v == -1 && HPyErr_Occurred(ctx))
        return 0;
    *out = v;
    return 1;
}

static int
argp_ulong_mask(HPyContext *ctx, HPy arg, unsigned long *out)
{
    unsigned long v = HPyLong_AsUnsignedLongMask(ctx, arg);
    if (v == (unsigned long)-1 && HPyErr_Occurred(ctx))
        return 0;
    *out = v;
    return 1;
}

static int
argp_range_check(HPyContext *ctx, long v, long lo, long hi,
                 const char *what, const char *tail)
{
    char msg[128];
    if (v < lo) {
        snprintf(msg, sizeof msg, "%s is less than minimum", what);
        argp_fail(ctx, ctx->h_OverflowError, tail, msg);
        return 0;
    }
    if (v > hi) {
        snprintf(msg, sizeof msg, "%s is greater than maximum", what);
        argp_fail(ctx, ctx->h_OverflowError, tail, msg);
        return 0;
    }
    return 1;
}

/*
 * Convert `arg` according to `unit`, storing through the next pointer taken
 * from *va.  An HPy_NULL arg means "optional argument not given": the pointer
 * is consumed and nothing is written.  With own_handles, 'O' stores a
 * duplicate of arg which is added to *ht.
 */
static int
argp_convert(HPyContext *ctx, HPyTracker *ht, HPy arg, int own_handles,
             char unit, va_list *va, const char *tail)
{
    switch (unit) {
    case 'b': {
        char *out = va_arg(*va, char *);
        long v;
        if (HPy_IsNull(arg))
            return 1;
        if (!argp_long(ctx, arg, &v) ||
            !argp_range_check(ctx, v, 0, UCHAR_MAX,
                              "unsigned byte integer", tail))
            return 0;
        *out = (char)(unsigned char)v;
        return 1;
    }
    case 'B': {
        unsigned char *out = va_arg(*va, unsigned char *);
        unsigned long v;
        if (HPy_IsNull(arg))
            return 1;
        if (!argp_ulong_mask(ctx, arg, &v))
            return 0;
        *out = (unsigned char)v;
        return 1;
    }
    case 'h': {
        short *out = va_arg(*va, short *);
        long v;
        if (HPy_IsNull(arg))
            return 1;
        if (!argp_long(ctx, arg, &v) ||
            !argp_range_check(ctx, v, SHRT_MIN, SHRT_MAX,
                              "signed short integer", tail))
            return 0;
        *out = (short)v;
        return 1;
    }
    case 'H': {
        unsigned short *out = va_arg(*va, unsigned short *);
        unsigned long v;
        if (HPy_IsNull(arg))
            return 1;
        if (!argp_ulong_mask(ctx, arg, &v))
            return 0;
        *out = (unsigned short)v;
        return 1;
    }
    case 'i': {
        int *out = va_arg(*va, int *);
        long v;
        if (HPy_IsNull(arg))
            return 1;
        if (!argp_long(ctx, arg, &v) ||
            !argp_range_check(ctx, v, INT_MIN, INT_MAX,
                              "signed integer", tail))
            return 0;
        *out = (int)v;
        return 1;
    }
    case 'I': {
        unsigned int *out = va_arg(*va, unsigned int *);
        unsigned long v;
        if (HPy_IsNull(arg))
            return 1;
        if (!argp_ulong_mask(ctx, arg, &v))
            return 0;
        *out = (unsigned int)v;
        return 1;
    }
    case 'l': {
        long *out = va_arg(*va, long *);
        long v;
        if (HPy_IsNull(arg))
            return 1;
        if (!argp_long(ctx, arg, &v))
            return 0;
        *out = v;
        return 1;
    }
    case 'k': {
        unsigned long *out = va_arg(*va, unsigned long *);
        unsigned long v;
        if (HPy_IsNull(arg))
            return 1;
        if (!argp_ulong_mask(ctx, arg, &v))
            return 0;
        *out = v;
        return 1;
    }
    case 'L': {
        long long *out = va_arg(*va, long long *);
        long long v;
        if (HPy_IsNull(arg))
            return 1;
        v = HPyLong_AsLongLong(ctx, arg);
        if (v == -1 && HPyErr_Occurred(ctx))
            return 0;
        *out = v;
        return 1;
    }
    case 'K': {
        unsigned long long *out = va_arg(*va, unsigned long long *);
        unsigned long long v;
        if (HPy_IsNull(arg))
            return 1;
        v = HPyLong_AsUnsignedLongLongMask(ctx, arg);
        if (v == (unsigned long long)-1 && HPyErr_Occurred(ctx))
            return 0;
        *out = v;
        return 1;
    }
    case 'n': {
        HPy_ssize_t *out = va_arg(*va, HPy_ssize_t *);
        HPy_ssize_t v;
        if (HPy_IsNull(arg))
            return 1;
        v = HPyLong_AsSsize_t(ctx, arg);
        if (v == -1 && HPyErr_Occurred(ctx))
            return 0;
        *out = v;
        return 1;
    }
    case 'f':
    case 'd': {
        float *fout = NULL;
        double *dout = NULL;
        double v;
        if (unit == 'f')
            fout = va_arg(*va, float *);
        else
            dout = va_arg(*va, double *);
        if (HPy_IsNull(arg))
            return 1;
        v = HPyFloat_AsDouble(ctx, arg);
        if (v == -1.0 && HPyErr_Occurred(ctx))
            return 0;
        if (fout != NULL)
            *fout = (float)v;
        else
            *dout = v;
        return 1;
    }
    case 'O': {
        HPy *out = va_arg(*va, HPy *);
        if (HPy_IsNull(arg))
            return 1;
        if (own_handles) {
            HPy h = HPy_Dup(ctx, arg);
            if (HPyTracker_Add(ctx, *ht, h) < 0) {
                HPy_Close(ctx, h);
                return 0;
            }
            *out = h;
        } else {
            *out = arg;
        }
        return 1;
    }
    case 'p': {
        int *out = va_arg(*va, int *);
        int truth;
        if (HPy_IsNull(arg))
            return 1;
        truth = HPy_IsTrue(ctx, arg);
        if (truth < 0)
            return 0;
        *out = truth ? 1 : 0;
        return 1;
    }
    case 's': {
        const char **out = va_arg(*va, const char **);
        const char *utf8;
        HPy_ssize_t len;
        if (HPy_IsNull(arg))
            return 1;
        if (!HPyUnicode_Check(ctx, arg)) {
            argp_fail(ctx, ctx->h_TypeError, tail, "a str is required");
            return 0;
        }
        utf8 = HPyUnicode_AsUTF8AndSize(ctx, arg, &len);
        if (utf8 == NULL) {
            if (!HPyErr_Occurred(ctx))
                argp_fail(ctx, ctx->h_SystemError, tail,
                          "unicode conversion error");
            return 0;
        }
        if (len < 0 || memchr(utf8, '\0', (size_t)len) != NULL) {
            argp_fail(ctx, ctx->h_ValueError, tail, "embedded null character");
            return 0;
        }
        if (utf8[len] != '\0') {
            argp_fail(ctx, ctx->h_SystemError, tail,
                      "missing terminating null character");
            return 0;
        }
        *out = utf8;
        return 1;
    }
    default:
        argp_fail(ctx, ctx->h_SystemError, tail, "unknown arg format code");
        return 0;
    }
}

/* ---------------------------------------------------------------------- */
/* positional arguments                                                    */

HPyAPI_HELPER int
HPyArg_Parse(HPyContext *ctx, HPyTracker *ht, const HPy *args,
             size_t nargs, const char *fmt, ...)
{
    const char *tail;
    const char *end = argp_units_end(fmt, &tail);
    const char *p;
    int optional = 0;
    size_t idx = 0;
    va_list va;

    if (ht != NULL) {
        *ht = HPyTracker_New(ctx, 0);
        if (HPy_IsNull(*ht))
            return 0;
    }

    va_start(va, fmt);
    for (p = fmt; p < end; p++) {
        HPy arg = HPy_NULL;
        if (*p == '|') {
            optional = 1;
            continue;
        }
        if (idx < nargs)
            arg = args[idx];
        if (HPy_IsNull(arg) && !optional) {
            argp_fail(ctx, ctx->h_TypeError, tail,
                      "required positional argument missing");
            goto fail;
        }
        if (!argp_convert(ctx, ht, arg, 0, *p, &va, tail))
            goto fail;
        idx++;
    }
    if (idx < nargs) {
        argp_fail(ctx, ctx->h_TypeError, tail,
                  "mismatched args (too many arguments for fmt)");
        goto fail;
    }
    va_end(va);
    return 1;

fail:
    va_end(va);
    if (ht != NULL)
        HPyTracker_Close(ctx, *ht);
    return 0;
}

/* ---------------------------------------------------------------------- */
/* positional + keyword arguments                                          */

#define ARGP_KWCACHE 16

/* The names of the keyword arguments of a vectorcall-style call, fetched
   from the kwnames tuple once, on the first lookup. */
typedef struct {
    HPy kwnames;
    HPy_ssize_t n;
    int loaded;
    HPy *items;          /* handles of the names (kept open for `names`) */
    const char **names;  /* UTF-8 names, NULL for a non-str entry */
    HPy items_buf[ARGP_KWCACHE];
    const char *names_buf[ARGP_KWCACHE];
} argp_kwnames;

static int
argp_kwnames_load(HPyContext *ctx, argp_kwnames *kn)
{
    HPy_ssize_t j;
    kn->loaded = 1;
    if (kn->n > ARGP_KWCACHE) {
        kn->items = (HPy *)calloc((size_t)kn->n, sizeof(HPy));
        kn->names = (const char **)calloc((size_t)kn->n, sizeof(char *));
        if (kn->items == NULL || kn->names == NULL) {
            free(kn->items);
            free((void *)kn->names);
            kn->items = NULL;
            kn->names = NULL;
            kn->n = 0;
            HPyErr_NoMemory(ctx);
            return 0;
        }
    } else {
        kn->items = kn->items_buf;
        kn->names = kn->names_buf;
    }
    for (j = 0; j < kn->n; j++) {
        HPy_ssize_t size;
        kn->names[j] = NULL;
        kn->items[j] = HPy_GetItem_i(ctx, kn->kwnames, j);
        if (HPy_IsNull(kn->items[j])) {
            HPyErr_Clear(ctx);
            continue;
        }
        kn->names[j] = HPyUnicode_AsUTF8AndSize(ctx, kn->items[j], &size);
        if (kn->names[j] == NULL)
            HPyErr_Clear(ctx);
    }
    return 1;
}

static void
argp_kwnames_release(HPyContext *ctx, argp_kwnames *kn)
{
    HPy_ssize_t j;
    if (!kn->loaded || kn->items == NULL)
        return;
    for (j = 0; j < kn->n; j++) {
        if (!HPy_IsNull(kn->items[j]))
            HPy_Close(ctx, kn->items[j]);
    }
    if (kn->items != kn->items_buf) {
        free(kn->items);
        free((void *)kn->names);
    }
    kn->items = NULL;
    kn->names = NULL;
}

/* Index of `key` among the keyword names, or -1. */
static HPy_ssize_t
argp_kwnames_find(argp_kwnames *kn, const char *key)
{
    HPy_ssize_t j;
    for (j = 0; j < kn->n; j++) {
        if (kn->names[j] != NULL && strcmp(kn->names[j], key) == 0)
            return j;
    }
    return -1;
}

/*
 * Common implementation: if use_kwnames, `kw` is the tuple of keyword names
 * and the values follow the positional arguments in args; otherwise `kw` is
 * a dict.  `kw` may be HPy_NULL in both cases.
 */
static int
argp_parse_keywords(HPyContext *ctx, HPyTracker *ht, const HPy *args,
                    size_t nargs, HPy kw, int use_kwnames, const char *fmt,
                    const char *keywords[], va_list *va)
{
    const char *tail;
    const char *end = argp_units_end(fmt, &tail);
    const char *p;
    size_t nkw = 0, idx = 0;
    int optional = 0, kwonly = 0;
    HPy owned = HPy_NULL;   /* value fetched from the dict, to be closed */
    argp_kwnames kn;

    kn.kwnames = kw;
    kn.n = 0;
    kn.loaded = 0;
    kn.items = NULL;
    kn.names = NULL;

    /* Positional-only parameters ("") come first; after the first named
       parameter an empty name is an error. */
    while (keywords[nkw] != NULL && keywords[nkw][0] == '\0')
        nkw++;
    for (; keywords[nkw] != NULL; nkw++) {
        if (keywords[nkw][0] == '\0') {
            argp_fail(ctx, ctx->h_SystemError, tail,
                      "empty keyword parameter name");
            return 0;
        }
    }

    if (ht != NULL) {
        *ht = HPyTracker_New(ctx, 0);
        if (HPy_IsNull(*ht))
            return 0;
    }

    if (use_kwnames && !HPy_IsNull(kw)) {
        /* A dict here is a common porting mistake (a tp_new/tp_init `kw` is a dict, not the
           vectorcall names tuple): say so instead of silently matching nothing. */
        if (!HPyTuple_Check(ctx, kw)) {
            HPyErr_SetString(ctx, ctx->h_SystemError,
                             "HPyArg_ParseKeywords: kwnames must be a tuple of keyword names "
                             "(for the keywords dict of tp_new/tp_init use "
                             "HPyArg_ParseKeywordsDict)");
            goto fail;
        }
        kn.n = HPy_Length(ctx, kw);
        if (kn.n < 0) {
            HPyErr_Clear(ctx);
            argp_fail(ctx, ctx->h_SystemError, tail,
                      "could not retrieve length of keyword names tuple");
            kn.n = 0;
            goto fail;
        }
    }

    for (p = fmt; p < end; p++) {
        HPy arg = HPy_NULL;
        if (*p == '|') {
            optional = 1;
            continue;
        }
        if (*p == '$') {
            optional = 1;
            kwonly = 1;
            continue;
        }
        if (*p == 'O' && ht == NULL) {
            argp_fail(ctx, ctx->h_SystemError, tail,
                      "HPyArg_ParseKeywords cannot use the format character "
                      "'O' unless an HPyTracker is provided. Please supply "
                      "an HPyTracker.");
            goto fail;
        }
        if (idx >= nkw) {
            argp_fail(ctx, ctx->h_TypeError, tail,
                      "mismatched args (too few keywords for fmt)");
            goto fail;
        }
        if (idx < nargs) {
            if (kwonly) {
                argp_fail(ctx, ctx->h_TypeError, tail,
                          "keyword only argument passed as positional argument");
                goto fail;
            }
            arg = args[idx];
        } else if (!HPy_IsNull(kw) && keywords[idx][0] != '\0') {
            if (use_kwnames) {
                HPy_ssize_t j;
                if (!kn.loaded && !argp_kwnames_load(ctx, &kn))
                    goto fail;
                j = argp_kwnames_find(&kn, keywords[idx]);
                if (j >= 0)
                    arg = args[nargs + (size_t)j];
            } else {
                /* a missing key is not an error here: the argument may be
                   optional */
                owned = HPy_GetItem_s(ctx, kw, keywords[idx]);
                if (HPy_IsNull(owned))
                    HPyErr_Clear(ctx);
                arg = owned;
            }
        }
        if (HPy_IsNull(arg) && !optional) {
            argp_fail(ctx, ctx->h_TypeError, tail,
                      "no value for required argument");
            goto fail;
        }
        if (!argp_convert(ctx, ht, arg, 1, *p, va, tail))
            goto fail;
        if (!HPy_IsNull(owned)) {
            /* Keep the value alive with the tracker if there is one: a
               pointer returned for 's' is only valid as long as it. */
            if (ht == NULL)
                HPy_Close(ctx, owned);
            else if (HPyTracker_Add(ctx, *ht, owned) < 0)
                goto fail;
            owned = HPy_NULL;
        }
        idx++;
    }
    if (idx != nkw) {
        argp_fail(ctx, ctx->h_TypeError, tail,
                  "mismatched args (too many keywords for fmt)");
        goto fail;
    }
    if (idx < nargs) {
        /* more positional arguments than the format describes */
        argp_fail(ctx, ctx->h_TypeError, tail,
                  "mismatched args (too many arguments for fmt)");
        goto fail;
    }
    argp_kwnames_release(ctx, &kn);
    return 1;

fail:
    if (!HPy_IsNull(owned))
        HPy_Close(ctx, owned);
    argp_kwnames_release(ctx, &kn);
    if (ht != NULL)
        HPyTracker_Close(ctx, *ht);
    return 0;
}

HPyAPI_HELPER int
HPyArg_ParseKeywords(HPyContext *ctx, HPyTracker *ht, const HPy *args,
                     size_t nargs, HPy kwnames, const char *fmt,
                     const char *keywords[], ...)
{
    va_list va;
    int ok;
    va_start(va, keywords);
    ok = argp_parse_keywords(ctx, ht, args, nargs, kwnames, 1, fmt,
                             keywords, &va);
    va_end(va);
    return ok;
}

HPyAPI_HELPER int
HPyArg_ParseKeywordsDict(HPyContext *ctx, HPyTracker *ht, const HPy *args,
                         HPy_ssize_t nargs, HPy kw, const char *fmt,
                         const char *keywords[], ...)
{
    va_list va;
    int ok;
    if (nargs < 0)
        nargs = 0;
    va_start(va, keywords);
    ok = argp_parse_keywords(ctx, ht, args, (size_t)nargs, kw, 0, fmt,
                             keywords, &va);
    va_end(va);
    return ok;
}
