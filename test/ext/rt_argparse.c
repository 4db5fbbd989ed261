/*
 * Test extension for the argument-parsing helpers (include/runtime/argparse.c).
 *
 * Every function takes the format string as its first argument and returns a
 * tuple with one entry per format unit:
 *   integer units -> int (of the C type), f/d -> float, p -> int,
 *   s -> str, O -> the object.
 * Before parsing, each output variable holds a default (integers 77, floats
 * 0.5, s/O: NULL -> None), so an absent optional argument shows up as that
 * default.
 *
 *   parse(fmt, *args)                      HPyArg_Parse, no tracker
 *   parse_ht(fmt, *args)                   HPyArg_Parse with a tracker
 *   parse_kw(fmt, names, *args, **kw)      HPyArg_ParseKeywords with a tracker
 *   parse_kw_noht(fmt, names, *args, **kw) the same without a tracker
 *   parse_dict(fmt, names, args, kwdict)   HPyArg_ParseKeywordsDict
 *   parse_b_raw(x)                         byte parsed by 'b' as bytes
 * `names` is a sequence of str; "" marks a positional-only parameter.
 */

#include "hpy.h"

#include <string.h>

#define MAX_UNITS 10
#define MAX_NAMES 12

typedef union {
    char c;
    unsigned char uc;
    short s;
    unsigned short us;
    int i;
    unsigned int ui;
    long l;
    unsigned long ul;
    long long ll;
    unsigned long long ull;
    HPy_ssize_t n;
    float f;
    double d;
    const char *str;
    HPy h;
} slot_t;

typedef struct {
    char units[MAX_UNITS];
    int count;
    slot_t slots[MAX_UNITS];
} outputs_t;

/* Collect the format units of fmt (up to ':' or ';') and give every output
   variable its default. */
static int
prepare(HPyContext *ctx, const char *fmt, outputs_t *out)
{
    const char *p;
    out->count = 0;
    memset(out->slots, 0, sizeof out->slots);
    for (p = fmt; *p && *p != ':' && *p != ';'; p++) {
        slot_t *s;
        if (*p == '|' || *p == '$')
            continue;
        if (out->count == MAX_UNITS) {
            HPyErr_SetString(ctx, ctx->h_ValueError, "too many format units");
            return 0;
        }
        out->units[out->count] = *p;
        s = &out->slots[out->count++];
        switch (*p) {
        case 'b': s->c = 77; break;
        case 'B': s->uc = 77; break;
        case 'h': s->s = 77; break;
        case 'H': s->us = 77; break;
        case 'i': case 'p': s->i = 77; break;
        case 'I': s->ui = 77; break;
        case 'l': s->l = 77; break;
        case 'k': s->ul = 77; break;
        case 'L': s->ll = 77; break;
        case 'K': s->ull = 77; break;
        case 'n': s->n = 77; break;
        case 'f': s->f = 0.5f; break;
        case 'd': s->d = 0.5; break;
        default: break;     /* s, O: NULL; unknown units: zero */
        }
    }
    return 1;
}

static HPy
results(HPyContext *ctx, outputs_t *out)
{
    HPyTupleBuilder tb = HPyTupleBuilder_New(ctx, out->count);
    int k;
    for (k = 0; k < out->count; k++) {
        slot_t *s = &out->slots[k];
        HPy v;
        switch (out->units[k]) {
        case 'b': v = HPyLong_FromLong(ctx, (unsigned char)s->c); break;
        case 'B': v = HPyLong_FromLong(ctx, s->uc); break;
        case 'h': v = HPyLong_FromLong(ctx, s->s); break;
        case 'H': v = HPyLong_FromLong(ctx, s->us); break;
        case 'i': case 'p': v = HPyLong_FromLong(ctx, s->i); break;
        case 'I': v = HPyLong_FromUnsignedLong(ctx, s->ui); break;
        case 'l': v = HPyLong_FromLong(ctx, s->l); break;
        case 'k': v = HPyLong_FromUnsignedLong(ctx, s->ul); break;
        case 'L': v = HPyLong_FromLongLong(ctx, s->ll); break;
        case 'K': v = HPyLong_FromUnsignedLongLong(ctx, s->ull); break;
        case 'n': v = HPyLong_FromSsize_t(ctx, s->n); break;
        case 'f': v = HPyFloat_FromDouble(ctx, s->f); break;
        case 'd': v = HPyFloat_FromDouble(ctx, s->d); break;
        case 's':
            v = s->str ? HPyUnicode_FromString(ctx, s->str)
                       : HPy_Dup(ctx, ctx->h_None);
            break;
        case 'O':
            v = HPy_IsNull(s->h) ? HPy_Dup(ctx, ctx->h_None)
                                 : HPy_Dup(ctx, s->h);
            break;
        default:
            v = HPy_Dup(ctx, ctx->h_None);
        }
        if (HPy_IsNull(v)) {
            HPyTupleBuilder_Cancel(ctx, tb);
            return HPy_NULL;
        }
        HPyTupleBuilder_Set(ctx, tb, k, v);
        HPy_Close(ctx, v);
    }
    return HPyTupleBuilder_Build(ctx, tb);
}

#define SLOT_PTRS(o) \
    &(o).slots[0], &(o).slots[1], &(o).slots[2], &(o).slots[3], \
    &(o).slots[4], &(o).slots[5], &(o).slots[6], &(o).slots[7], \
    &(o).slots[8], &(o).slots[9]

static const char *
get_fmt(HPyContext *ctx, const HPy *args, size_t nargs)
{
    HPy_ssize_t size;
    if (nargs < 1 || !HPyUnicode_Check(ctx, args[0])) {
        HPyErr_SetString(ctx, ctx->h_TypeError,
                         "first argument must be the format string");
        return NULL;
    }
    return HPyUnicode_AsUTF8AndSize(ctx, args[0], &size);
}

static HPy
do_parse(HPyContext *ctx, const HPy *args, size_t nargs, int use_ht)
{
    outputs_t out;
    HPyTracker ht;
    HPy result;
    const char *fmt = get_fmt(ctx, args, nargs);
    if (fmt == NULL || !prepare(ctx, fmt, &out))
        return HPy_NULL;
    if (!HPyArg_Parse(ctx, use_ht ? &ht : NULL, args + 1, nargs - 1, fmt,
                      SLOT_PTRS(out)))
        return HPy_NULL;
    result = results(ctx, &out);
    if (use_ht)
        HPyTracker_Close(ctx, ht);
    return result;
}

HPyDef_METH(parse, "parse", HPyFunc_VARARGS)
static HPy
parse_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    (void)self;
    return do_parse(ctx, args, nargs, 0);
}

HPyDef_METH(parse_ht, "parse_ht", HPyFunc_VARARGS)
static HPy
parse_ht_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    (void)self;
    return do_parse(ctx, args, nargs, 1);
}

/* Fill names[] from a sequence of str; the pointers stay valid while the
   item handles in items[] are open. */
static int
get_names(HPyContext *ctx, HPy seq, const char *names[MAX_NAMES + 1],
          HPy items[MAX_NAMES], HPy_ssize_t *count)
{
    HPy_ssize_t n = HPy_Length(ctx, seq), i;
    *count = 0;
    if (n < 0)
        return 0;
    if (n > MAX_NAMES) {
        HPyErr_SetString(ctx, ctx->h_ValueError, "too many names");
        return 0;
    }
    for (i = 0; i < n; i++) {
        HPy_ssize_t size;
        items[i] = HPy_GetItem_i(ctx, seq, i);
        if (HPy_IsNull(items[i]))
            return 0;
        *count = i + 1;
        names[i] = HPyUnicode_AsUTF8AndSize(ctx, items[i], &size);
        if (names[i] == NULL)
            return 0;
    }
    names[n] = NULL;
    return 1;
}

static void
close_items(HPyContext *ctx, HPy *items, HPy_ssize_t count)
{
    HPy_ssize_t i;
    for (i = 0; i < count; i++)
        HPy_Close(ctx, items[i]);
}

static HPy
do_parse_kw(HPyContext *ctx, const HPy *args, size_t nargs, HPy kwnames,
            int use_ht)
{
    outputs_t out;
    HPyTracker ht;
    HPy result = HPy_NULL;
    const char *names[MAX_NAMES + 1];
    HPy items[MAX_NAMES];
    HPy_ssize_t nitems = 0;
    const char *fmt = get_fmt(ctx, args, nargs);
    if (fmt == NULL || !prepare(ctx, fmt, &out))
        return HPy_NULL;
    if (nargs < 2) {
        HPyErr_SetString(ctx, ctx->h_TypeError, "names argument missing");
        return HPy_NULL;
    }
    if (!get_names(ctx, args[1], names, items, &nitems))
        goto done;
    if (!HPyArg_ParseKeywords(ctx, use_ht ? &ht : NULL, args + 2, nargs - 2,
                              kwnames, fmt, names, SLOT_PTRS(out)))
        goto done;
    result = results(ctx, &out);
    if (use_ht)
        HPyTracker_Close(ctx, ht);
done:
    close_items(ctx, items, nitems);
    return result;
}

HPyDef_METH(parse_kw, "parse_kw", HPyFunc_KEYWORDS)
static HPy
parse_kw_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs,
              HPy kwnames)
{
    (void)self;
    return do_parse_kw(ctx, args, nargs, kwnames, 1);
}

HPyDef_METH(parse_kw_noht, "parse_kw_noht", HPyFunc_KEYWORDS)
static HPy
parse_kw_noht_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs,
                   HPy kwnames)
{
    (void)self;
    return do_parse_kw(ctx, args, nargs, kwnames, 0);
}

HPyDef_METH(parse_dict, "parse_dict", HPyFunc_VARARGS)
static HPy
parse_dict_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    outputs_t out;
    HPyTracker ht;
    HPy result = HPy_NULL;
    const char *names[MAX_NAMES + 1];
    HPy items[MAX_NAMES], pos[MAX_UNITS];
    HPy_ssize_t nitems = 0, npos = 0, i;
    HPy kw;
    const char *fmt;
    (void)self;

    if (nargs != 4) {
        HPyErr_SetString(ctx, ctx->h_TypeError,
                         "parse_dict(fmt, names, args, kwdict)");
        return HPy_NULL;
    }
    fmt = get_fmt(ctx, args, nargs);
    if (fmt == NULL || !prepare(ctx, fmt, &out))
        return HPy_NULL;
    if (!get_names(ctx, args[1], names, items, &nitems))
        goto done;
    npos = HPy_Length(ctx, args[2]);
    if (npos < 0 || npos > MAX_UNITS) {
        if (npos > MAX_UNITS)
            HPyErr_SetString(ctx, ctx->h_ValueError, "too many arguments");
        npos = 0;
        goto done;
    }
    for (i = 0; i < npos; i++) {
        pos[i] = HPy_GetItem_i(ctx, args[2], i);
        if (HPy_IsNull(pos[i])) {
            npos = i;
            goto done;
        }
    }
    kw = HPy_Is(ctx, args[3], ctx->h_None) ? HPy_NULL : args[3];
    if (!HPyArg_ParseKeywordsDict(ctx, &ht, pos, npos, kw, fmt, names,
                                  SLOT_PTRS(out)))
        goto done;
    result = results(ctx, &out);
    HPyTracker_Close(ctx, ht);
done:
    close_items(ctx, pos, npos);
    close_items(ctx, items, nitems);
    return result;
}

/* 'b' stores a C char: return it as a 1-byte bytes object. */
HPyDef_METH(parse_b_raw, "parse_b_raw", HPyFunc_VARARGS)
static HPy
parse_b_raw_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    char c = 0;
    (void)self;
    if (!HPyArg_Parse(ctx, NULL, args, nargs, "b", &c))
        return HPy_NULL;
    return HPyBytes_FromStringAndSize(ctx, &c, 1);
}

/* Typical use: parse two longs and add them (error prefix "add_two()"). */
HPyDef_METH(add_two, "add_two", HPyFunc_KEYWORDS)
static HPy
add_two_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs,
             HPy kwnames)
{
    static const char *kwlist[] = { "a", "b", NULL };
    long a, b = 5;
    (void)self;
    if (!HPyArg_ParseKeywords(ctx, NULL, args, nargs, kwnames,
                              "l|l:add_two", kwlist, &a, &b))
        return HPy_NULL;
    return HPyLong_FromLong(ctx, a + b);
}

static HPyDef *module_defines[] = {
    &parse, &parse_ht, &parse_kw, &parse_kw_noht, &parse_dict, &parse_b_raw,
    &add_two, NULL
};

static HPyModuleDef moduledef = {
    .doc = "tests for HPyArg_Parse*",
    .size = 0,
    .defines = module_defines,
};

HPy_MODINIT(rt_argparse, moduledef)
