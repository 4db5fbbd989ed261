/*
 * options.c -- binding of fast-call arguments to parameter names, and
 * conversion of the dumps/dump options into a ujson_encode_opts.
 */
#include <stdio.h>
#include <string.h>
#include "ujson.h"

/* dumps(obj, <these in positional order>); the first nine are ultrajson
 * 5.x's own order, double_precision (from ultrajson <= 4) comes last. */
const char *const ujson_encode_opt_names[UJSON_N_ENCODE_OPTS] = {
    "ensure_ascii", "encode_html_chars", "escape_forward_slashes",
    "sort_keys", "indent", "allow_nan", "reject_bytes", "default",
    "separators", "double_precision",
};

enum {
    OPT_ENSURE_ASCII, OPT_ENCODE_HTML, OPT_ESCAPE_SLASH, OPT_SORT_KEYS,
    OPT_INDENT, OPT_ALLOW_NAN, OPT_REJECT_BYTES, OPT_DEFAULT,
    OPT_SEPARATORS, OPT_DOUBLE_PRECISION,
};

static int type_error(HPyContext *ctx, const char *msg)
{
    HPyErr_SetString(ctx, ctx->h_TypeError, msg);
    return -1;
}

int ujson_bind_args(HPyContext *ctx, const char *fname,
                    const char *const *names, int nnames, int nrequired,
                    const HPy *args, size_t nargs, HPy kwnames, HPy *out)
{
    char msg[200];
    for (int i = 0; i < nnames; i++)
        out[i] = HPy_NULL;
    if (nargs > (size_t)nnames) {
        snprintf(msg, sizeof msg, "%s() takes at most %d argument%s (%zu given)",
                 fname, nnames, nnames == 1 ? "" : "s", nargs);
        return type_error(ctx, msg);
    }
    for (size_t i = 0; i < nargs; i++)
        out[i] = args[i];
    if (!HPy_IsNull(kwnames)) {
        HPy_ssize_t nkw = HPy_Length(ctx, kwnames);
        if (nkw < 0)
            return -1;
        for (HPy_ssize_t j = 0; j < nkw; j++) {
            HPy key = HPy_GetItem_i(ctx, kwnames, j);
            if (HPy_IsNull(key))
                return -1;
            HPy_ssize_t klen;
            const char *k = HPyUnicode_AsUTF8AndSize(ctx, key, &klen);
            if (k == NULL) {
                HPy_Close(ctx, key);
                return -1;
            }
            int found = -1;
            for (int i = 0; i < nnames; i++) {
                if (strlen(names[i]) == (size_t)klen
                    && memcmp(names[i], k, (size_t)klen) == 0) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                snprintf(msg, sizeof msg,
                         "'%.80s' is an invalid keyword argument for %s()",
                         k, fname);
                HPy_Close(ctx, key);
                return type_error(ctx, msg);
            }
            HPy_Close(ctx, key);
            if (!HPy_IsNull(out[found])) {
                if ((size_t)found < nargs)
                    snprintf(msg, sizeof msg,
                             "argument for %s() given by name ('%s') and "
                             "position (%d)", fname, names[found], found + 1);
                else
                    snprintf(msg, sizeof msg,
                             "%s() got multiple values for argument '%s'",
                             fname, names[found]);
                return type_error(ctx, msg);
            }
            out[found] = args[nargs + (size_t)j];
        }
    }
    for (int i = 0; i < nrequired; i++) {
        if (HPy_IsNull(out[i])) {
            snprintf(msg, sizeof msg,
                     "%s() missing required argument '%s' (pos %d)",
                     fname, names[i], i + 1);
            return type_error(ctx, msg);
        }
    }
    return 0;
}

/* truth value of an optional flag */
static int flag(HPyContext *ctx, HPy h, int dflt, int *out)
{
    if (HPy_IsNull(h)) {
        *out = dflt;
        return 0;
    }
    int r = HPy_IsTrue(ctx, h);
    if (r < 0)
        return -1;
    *out = r;
    return 0;
}

/* an int option (None means the default) */
static int int_opt(HPyContext *ctx, HPy h, int dflt, int *out)
{
    if (HPy_IsNull(h) || HPy_Is(ctx, h, ctx->h_None)) {
        *out = dflt;
        return 0;
    }
    int32_t v = HPyLong_AsInt32_t(ctx, h);
    if (v == -1 && HPyErr_Occurred(ctx))
        return -1;
    *out = (int)v;
    return 0;
}

static int separator(HPyContext *ctx, HPy seq, HPy_ssize_t i,
                     const char *what, HPy *holder, const char **p,
                     size_t *n)
{
    char msg[80];
    HPy s = HPy_GetItem_i(ctx, seq, i);
    if (HPy_IsNull(s))
        return -1;
    if (!HPyUnicode_Check(ctx, s)) {
        HPy_Close(ctx, s);
        snprintf(msg, sizeof msg, "expected str as %s separator", what);
        return type_error(ctx, msg);
    }
    HPy_ssize_t len;
    const char *u = HPyUnicode_AsUTF8AndSize(ctx, s, &len);
    if (u == NULL) {
        HPy_Close(ctx, s);
        return -1;
    }
    *holder = s;
    *p = u;
    *n = (size_t)len;
    return 0;
}

void ujson_release_encode_opts(HPyContext *ctx, ujson_encode_opts *o)
{
    if (!HPy_IsNull(o->sep_item_h))
        HPy_Close(ctx, o->sep_item_h);
    if (!HPy_IsNull(o->sep_key_h))
        HPy_Close(ctx, o->sep_key_h);
    o->sep_item_h = HPy_NULL;
    o->sep_key_h = HPy_NULL;
}

int ujson_parse_encode_opts(HPyContext *ctx, const HPy *h, ujson_encode_opts *o)
{
    memset(o, 0, sizeof *o);
    o->sep_item_h = HPy_NULL;
    o->sep_key_h = HPy_NULL;
    o->default_fn = HPy_NULL;
    if (flag(ctx, h[OPT_ENSURE_ASCII], 1, &o->ensure_ascii) < 0
        || flag(ctx, h[OPT_ENCODE_HTML], 0, &o->encode_html_chars) < 0
        || flag(ctx, h[OPT_ESCAPE_SLASH], 1, &o->escape_forward_slashes) < 0
        || flag(ctx, h[OPT_SORT_KEYS], 0, &o->sort_keys) < 0
        || flag(ctx, h[OPT_ALLOW_NAN], 1, &o->allow_nan) < 0
        || flag(ctx, h[OPT_REJECT_BYTES], 1, &o->reject_bytes) < 0
        || int_opt(ctx, h[OPT_INDENT], 0, &o->indent) < 0
        || int_opt(ctx, h[OPT_DOUBLE_PRECISION], -1, &o->double_precision) < 0)
        return -1;
    if (o->double_precision > 15 || o->double_precision < -1) {
        char msg[100];
        snprintf(msg, sizeof msg, "Invalid value '%d' for option "
                 "'double_precision', max is '15'", o->double_precision);
        HPyErr_SetString(ctx, ctx->h_ValueError, msg);
        return -1;
    }
    if (!HPy_IsNull(h[OPT_DEFAULT]) && !HPy_Is(ctx, h[OPT_DEFAULT], ctx->h_None))
        o->default_fn = h[OPT_DEFAULT];

    o->item_sep = ",";
    o->item_sep_len = 1;
    if (o->indent != 0) {
        o->key_sep = ": ";
        o->key_sep_len = 2;
    } else {
        o->key_sep = ":";
        o->key_sep_len = 1;
    }
    HPy seps = h[OPT_SEPARATORS];
    if (!HPy_IsNull(seps) && !HPy_Is(ctx, seps, ctx->h_None)) {
        /* a tuple as in ultrajson; a list is accepted too (JS arrays) */
        if (!HPyTuple_Check(ctx, seps) && !HPyList_Check(ctx, seps))
            return type_error(ctx, "expected tuple or None as separator");
        HPy_ssize_t n = HPy_Length(ctx, seps);
        if (n < 0)
            return -1;
        if (n != 2) {
            HPyErr_SetString(ctx, ctx->h_ValueError,
                             "expected tuple of size 2 as separator");
            return -1;
        }
        if (separator(ctx, seps, 0, "item", &o->sep_item_h, &o->item_sep,
                      &o->item_sep_len) < 0)
            return -1;
        if (separator(ctx, seps, 1, "key", &o->sep_key_h, &o->key_sep,
                      &o->key_sep_len) < 0) {
            ujson_release_encode_opts(ctx, o);
            return -1;
        }
    }
    return 0;
}
