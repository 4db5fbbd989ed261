/*
 * encoder.c -- Python objects to JSON text.
 *
 * A recursive walk over the object graph that appends to one growable
 * buffer.  Python objects are only touched through the HPy API: type checks,
 * HPyUnicode_AsUTF8AndSize for strs, HPyLong_AsInt64_t (big ints through
 * str()), HPyFloat_AsDouble, HPyDict_Keys + HPy_GetItem for dicts,
 * HPy_Length + HPy_GetItem_i for lists and tuples.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ujson.h"

typedef struct {
    HPyContext *ctx;
    const ujson_encode_opts *o;
    ujson_buf *out;
    ujson_buf wtf8;            /* scratch for strs holding lone surrogates */
    unsigned char esc[256];    /* 0: copy byte, 1: escape, 2: non-ASCII */
    int nonascii;              /* output holds bytes >= 0x80 */
    int special;               /* output holds surrogates or NULs */
    HPy decimal_type;          /* decimal.Decimal once looked up, or NULL */
    int decimal_tried;
} enc_t;

static const char hexdig[] = "0123456789abcdef";

static int no_memory(enc_t *e)
{
    HPyErr_NoMemory(e->ctx);
    return -1;
}

static int put(enc_t *e, const char *s, size_t n)
{
    if (ujson_buf_put(e->out, s, n) < 0)
        return no_memory(e);
    return 0;
}

static inline int put_c(enc_t *e, char c)
{
    if (ujson_buf_reserve(e->out, 1) < 0)
        return no_memory(e);
    e->out->data[e->out->len++] = c;
    return 0;
}

static void build_escape_table(enc_t *e)
{
    const ujson_encode_opts *o = e->o;
    for (int c = 0; c < 256; c++)
        e->esc[c] = 0;
    for (int c = 0; c < 0x20; c++)
        e->esc[c] = 1;
    e->esc['"'] = 1;
    e->esc['\\'] = 1;
    if (o->escape_forward_slashes)
        e->esc['/'] = 1;
    if (o->encode_html_chars) {
        e->esc['<'] = 1;
        e->esc['>'] = 1;
        e->esc['&'] = 1;
    }
    for (int c = 0x80; c < 256; c++)
        e->esc[c] = o->ensure_ascii ? 2 : 0;
}

static inline char *put_u_escape(char *d, uint32_t u)
{
    d[0] = '\\';
    d[1] = 'u';
    d[2] = hexdig[(u >> 12) & 0xF];
    d[3] = hexdig[(u >> 8) & 0xF];
    d[4] = hexdig[(u >> 4) & 0xF];
    d[5] = hexdig[u & 0xF];
    return d + 6;
}

/* Append s[0..n) (UTF-8, or WTF-8 when it came from ujson_str_to_wtf8) as a
 * quoted JSON string. */
static int put_string(enc_t *e, const unsigned char *s, size_t n)
{
    /* worst case: every byte becomes a 6-character \u escape */
    if (n > ((size_t)-1 - 2) / 6 || ujson_buf_reserve(e->out, n * 6 + 2) < 0)
        return no_memory(e);
    char *d = e->out->data + e->out->len;
    const unsigned char *end = s + n;
    const unsigned char *esc = e->esc;
    *d++ = '"';
    while (s < end) {
        const unsigned char *run = s;
        while (s < end && !esc[*s])
            s++;
        if (s > run) {
            memcpy(d, run, (size_t)(s - run));
            d += s - run;
            if (s == end)
                break;
        }
        unsigned c = *s;
        if (esc[c] == 2) {
            uint32_t cp;
            size_t k = ujson_utf8_seq(s, end, 1, &cp);
            if (k == 0) {                  /* not reachable for checked input */
                cp = 0xFFFD;
                k = 1;
            }
            s += k;
            if (cp >= 0x10000) {
                cp -= 0x10000;
                d = put_u_escape(d, 0xD800 + (cp >> 10));
                d = put_u_escape(d, 0xDC00 + (cp & 0x3FF));
            } else {
                d = put_u_escape(d, cp);
            }
            continue;
        }
        s++;
        *d++ = '\\';
        switch (c) {
        case '"': *d++ = '"'; break;
        case '\\': *d++ = '\\'; break;
        case '/': *d++ = '/'; break;
        case '\n': *d++ = 'n'; break;
        case '\r': *d++ = 'r'; break;
        case '\t': *d++ = 't'; break;
        case '\b': *d++ = 'b'; break;
        case '\f': *d++ = 'f'; break;
        default:
            d = put_u_escape(d - 1, c);
            break;
        }
    }
    *d++ = '"';
    e->out->len = (size_t)(d - e->out->data);
    return 0;
}

/* UTF-8 text of a str; on lone surrogates, WTF-8 in e->wtf8.  *is_wtf8 is set
 * when the text lives in e->wtf8 (valid until the next call). */
static const char *str_text(enc_t *e, HPy s, size_t *n, int *is_wtf8)
{
    HPyContext *ctx = e->ctx;
    HPy_ssize_t len;
    const char *p = HPyUnicode_AsUTF8AndSize(ctx, s, &len);
    *is_wtf8 = 0;
    if (p != NULL) {
        *n = (size_t)len;
        return p;
    }
    if (!HPyErr_ExceptionMatches(ctx, ctx->h_UnicodeEncodeError))
        return NULL;
    HPyErr_Clear(ctx);
    e->wtf8.len = 0;
    if (ujson_str_to_wtf8(ctx, s, &e->wtf8) < 0)
        return NULL;
    *is_wtf8 = 1;
    *n = e->wtf8.len;
    return e->wtf8.data;
}

/* Encoded surrogates (ED A0..BF xx) in UTF-8 text: a runtime may hand them
 * out from HPyUnicode_AsUTF8AndSize instead of failing as CPython does. */
static int has_surrogate(const char *p, size_t n)
{
    const char *end = p + n;
    while ((p = memchr(p, 0xED, (size_t)(end - p))) != NULL) {
        if (p + 1 < end && (unsigned char)p[1] >= 0xA0)
            return 1;
        p++;
    }
    return 0;
}

static int put_str_obj(enc_t *e, HPy s)
{
    size_t n;
    int w;
    const char *p = str_text(e, s, &n, &w);
    if (p == NULL)
        return -1;
    if (!e->o->ensure_ascii) {
        if (w)
            e->special = 1;
        if (!e->nonascii) {
            for (size_t i = 0; i < n; i++)
                if ((unsigned char)p[i] >= 0x80) {
                    e->nonascii = 1;
                    break;
                }
        }
        if (e->nonascii && !e->special && has_surrogate(p, n))
            e->special = 1;
    }
    return put_string(e, (const unsigned char *)p, n);
}

/* bytes are encoded as their UTF-8 text; invalid UTF-8 raises the
 * UnicodeDecodeError that bytes.decode() would. */
static int put_bytes_obj(enc_t *e, HPy b)
{
    HPyContext *ctx = e->ctx;
    const char *p = HPyBytes_AsString(ctx, b);
    HPy_ssize_t n = HPyBytes_Size(ctx, b);
    if (p == NULL || n < 0)
        return -1;
    if (!ujson_utf8_valid((const unsigned char *)p, (size_t)n)) {
        HPy u = HPyUnicode_FromEncodedObject(ctx, b, "utf-8", "strict");
        if (!HPy_IsNull(u)) {          /* should not happen */
            int r = put_str_obj(e, u);
            HPy_Close(ctx, u);
            return r;
        }
        return -1;
    }
    if (!e->o->ensure_ascii && !e->nonascii) {
        for (HPy_ssize_t i = 0; i < n; i++)
            if ((unsigned char)p[i] >= 0x80) {
                e->nonascii = 1;
                break;
            }
    }
    return put_string(e, (const unsigned char *)p, (size_t)n);
}

static int put_int64(enc_t *e, int64_t v)
{
    char t[24];
    int n = 0;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        t[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        t[n++] = '-';
    if (ujson_buf_reserve(e->out, (size_t)n) < 0)
        return no_memory(e);
    char *d = e->out->data + e->out->len;
    for (int i = 0; i < n; i++)
        d[i] = t[n - 1 - i];
    e->out->len += (size_t)n;
    return 0;
}

static int put_int_obj(enc_t *e, HPy h)
{
    HPyContext *ctx = e->ctx;
    int64_t v = HPyLong_AsInt64_t(ctx, h);
    if (v != -1 || !HPyErr_Occurred(ctx))
        return put_int64(e, v);
    if (!HPyErr_ExceptionMatches(ctx, ctx->h_OverflowError))
        return -1;
    HPyErr_Clear(ctx);
    /* arbitrary size: the decimal digits of int(h) */
    HPy exact = HPy_Long(ctx, h);
    if (HPy_IsNull(exact))
        return -1;
    HPy s = HPy_Str(ctx, exact);
    HPy_Close(ctx, exact);
    if (HPy_IsNull(s))
        return -1;
    HPy_ssize_t n;
    const char *p = HPyUnicode_AsUTF8AndSize(ctx, s, &n);
    int r = p ? put(e, p, (size_t)n) : -1;
    HPy_Close(ctx, s);
    return r;
}

static int put_double(enc_t *e, double d)
{
    if (!isfinite(d)) {
        if (!e->o->allow_nan) {
            HPyErr_SetString(e->ctx, e->ctx->h_OverflowError,
                             "Invalid value when encoding double");
            return -1;
        }
        if (isnan(d))
            return put(e, "NaN", 3);
        return d > 0 ? put(e, "Infinity", 8) : put(e, "-Infinity", 9);
    }
    if (ujson_buf_reserve(e->out, 64) < 0)
        return no_memory(e);
    char *dst = e->out->data + e->out->len;
    int n = e->o->double_precision < 0
        ? ujson_dtoa_shortest(d, dst)
        : ujson_dtoa_fixed(d, e->o->double_precision, dst);
    e->out->len += (size_t)n;
    return 0;
}

static int put_float_obj(enc_t *e, HPy h)
{
    double d = HPyFloat_AsDouble(e->ctx, h);
    if (d == -1.0 && HPyErr_Occurred(e->ctx))
        return -1;
    return put_double(e, d);
}

/* newline + indentation for nesting level `level` */
static int put_newline(enc_t *e, int level)
{
    if (e->o->indent <= 0)
        return 0;
    size_t n = (size_t)e->o->indent * (size_t)level;
    if (ujson_buf_reserve(e->out, n + 1) < 0)
        return no_memory(e);
    char *d = e->out->data + e->out->len;
    *d++ = '\n';
    memset(d, ' ', n);
    e->out->len += n + 1;
    return 0;
}

static int encode_value(enc_t *e, HPy h, int depth);

static int depth_error(enc_t *e)
{
    HPyErr_SetString(e->ctx, e->ctx->h_OverflowError,
                     "Maximum recursion level reached");
    return -1;
}

static int encode_sequence(enc_t *e, HPy h, int depth)
{
    HPyContext *ctx = e->ctx;
    if (depth > UJSON_ENCODE_MAX_DEPTH)
        return depth_error(e);
    HPy_ssize_t n = HPy_Length(ctx, h);
    if (n < 0)
        return -1;
    if (n == 0)
        return put(e, "[]", 2);
    if (put_c(e, '[') < 0)
        return -1;
    for (HPy_ssize_t i = 0; i < n; i++) {
        if (i > 0 && put(e, e->o->item_sep, e->o->item_sep_len) < 0)
            return -1;
        if (put_newline(e, depth + 1) < 0)
            return -1;
        HPy item = HPy_GetItem_i(ctx, h, i);
        if (HPy_IsNull(item))
            return -1;
        int r = encode_value(e, item, depth + 1);
        HPy_Close(ctx, item);
        if (r < 0)
            return -1;
    }
    if (put_newline(e, depth) < 0)
        return -1;
    return put_c(e, ']');
}

/* Dict keys become strings: str as is, bytes as UTF-8, None as "null",
 * anything else through str() (so True gives "True", 1.5 gives "1.5"). */
static int put_key(enc_t *e, HPy k)
{
    HPyContext *ctx = e->ctx;
    if (HPyUnicode_Check(ctx, k))
        return put_str_obj(e, k);
    if (HPy_Is(ctx, k, ctx->h_None))
        return put(e, "\"null\"", 6);
    if (HPyBytes_Check(ctx, k))
        return put_bytes_obj(e, k);
    HPy s = HPy_Str(ctx, k);
    if (HPy_IsNull(s))
        return -1;
    int r = put_str_obj(e, s);
    HPy_Close(ctx, s);
    return r;
}

static int encode_items(enc_t *e, HPy dict, HPy keys, HPy_ssize_t n,
                        int depth)
{
    HPyContext *ctx = e->ctx;
    if (put_c(e, '{') < 0)
        return -1;
    for (HPy_ssize_t i = 0; i < n; i++) {
        if (i > 0 && put(e, e->o->item_sep, e->o->item_sep_len) < 0)
            return -1;
        if (put_newline(e, depth + 1) < 0)
            return -1;
        HPy k = HPy_GetItem_i(ctx, keys, i);
        if (HPy_IsNull(k))
            return -1;
        if (put_key(e, k) < 0 || put(e, e->o->key_sep, e->o->key_sep_len) < 0) {
            HPy_Close(ctx, k);
            return -1;
        }
        HPy v = HPy_GetItem(ctx, dict, k);
        HPy_Close(ctx, k);
        if (HPy_IsNull(v))
            return -1;
        int r = encode_value(e, v, depth + 1);
        HPy_Close(ctx, v);
        if (r < 0)
            return -1;
    }
    if (put_newline(e, depth) < 0)
        return -1;
    return put_c(e, '}');
}

/* sort_keys, all keys strs: sort their UTF-8 bytes (the same order as
 * Python's str comparison, code point order). */
typedef struct {
    HPy key;
    const char *p;      /* UTF-8 text (into the arena once it is complete) */
    size_t off, n;      /* off: position in the arena, when p is NULL */
} key_ent;

static int cmp_keys(const void *a, const void *b)
{
    const key_ent *x = a, *y = b;
    size_t m = x->n < y->n ? x->n : y->n;
    int c = memcmp(x->p, y->p, m);
    if (c)
        return c;
    return x->n < y->n ? -1 : x->n > y->n;
}

/* Python-side sort for keys of other types (ints, ...). */
static HPy sorted_keys_python(HPyContext *ctx, HPy keys)
{
    HPy builtins = HPyImport_ImportModule(ctx, "builtins");
    if (HPy_IsNull(builtins))
        return HPy_NULL;
    HPy sorted_fn = HPy_GetAttr_s(ctx, builtins, "sorted");
    HPy_Close(ctx, builtins);
    if (HPy_IsNull(sorted_fn))
        return HPy_NULL;
    HPy r = HPy_Call(ctx, sorted_fn, &keys, 1, HPy_NULL);
    HPy_Close(ctx, sorted_fn);
    if (HPy_IsNull(r) && HPyErr_ExceptionMatches(ctx, ctx->h_TypeError)) {
        HPyErr_Clear(ctx);
        HPyErr_SetString(ctx, ctx->h_ValueError, "unorderable keys");
    }
    return r;
}

static int encode_sorted(enc_t *e, HPy dict, HPy keys, HPy_ssize_t n,
                         int depth)
{
    HPyContext *ctx = e->ctx;
    key_ent *ents = malloc(sizeof(key_ent) * (size_t)n);
    if (!ents)
        return no_memory(e);
    ujson_buf arena;
    ujson_buf_init(&arena);
    HPy_ssize_t got = 0;
    int r = -1, all_str = 1;
    for (; got < n; got++) {
        HPy k = HPy_GetItem_i(ctx, keys, got);
        if (HPy_IsNull(k))
            goto done;
        ents[got].key = k;
        if (!HPyUnicode_Check(ctx, k)) {
            all_str = 0;
            got++;
            break;
        }
        size_t len;
        int w;
        const char *p = str_text(e, k, &len, &w);
        if (p == NULL) {
            got++;
            goto done;
        }
        ents[got].n = len;
        if (w) {
            ents[got].p = NULL;
            ents[got].off = arena.len;
            if (ujson_buf_put(&arena, p, len) < 0) {
                got++;
                no_memory(e);
                goto done;
            }
        } else {
            ents[got].p = p;
        }
    }
    if (!all_str) {
        HPy sk = sorted_keys_python(ctx, keys);
        if (HPy_IsNull(sk))
            goto done;
        r = encode_items(e, dict, sk, n, depth);
        HPy_Close(ctx, sk);
        goto done;
    }
    for (HPy_ssize_t i = 0; i < n; i++)
        if (ents[i].p == NULL)
            ents[i].p = arena.data + ents[i].off;
    qsort(ents, (size_t)n, sizeof(key_ent), cmp_keys);
    if (put_c(e, '{') < 0)
        goto done;
    for (HPy_ssize_t i = 0; i < n; i++) {
        if (i > 0 && put(e, e->o->item_sep, e->o->item_sep_len) < 0)
            goto done;
        if (put_newline(e, depth + 1) < 0 || put_str_obj(e, ents[i].key) < 0
            || put(e, e->o->key_sep, e->o->key_sep_len) < 0)
            goto done;
        HPy v = HPy_GetItem(ctx, dict, ents[i].key);
        if (HPy_IsNull(v))
            goto done;
        int rv = encode_value(e, v, depth + 1);
        HPy_Close(ctx, v);
        if (rv < 0)
            goto done;
    }
    if (put_newline(e, depth) < 0 || put_c(e, '}') < 0)
        goto done;
    r = 0;
done:
    for (HPy_ssize_t i = 0; i < got; i++)
        HPy_Close(ctx, ents[i].key);
    free(ents);
    ujson_buf_free(&arena);
    return r;
}

static int encode_dict(enc_t *e, HPy h, int depth)
{
    HPyContext *ctx = e->ctx;
    if (depth > UJSON_ENCODE_MAX_DEPTH)
        return depth_error(e);
    HPy keys = HPyDict_Keys(ctx, h);
    if (HPy_IsNull(keys))
        return -1;
    HPy_ssize_t n = HPy_Length(ctx, keys);
    int r;
    if (n < 0)
        r = -1;
    else if (n == 0)
        r = put(e, "{}", 2);
    else if (e->o->sort_keys)
        r = encode_sorted(e, h, keys, n, depth);
    else
        r = encode_items(e, h, keys, n, depth);
    HPy_Close(ctx, keys);
    return r;
}

/* Call obj.<name>() */
static HPy call_method0(HPyContext *ctx, HPy obj, const char *name)
{
    HPy m = HPy_GetAttr_s(ctx, obj, name);
    if (HPy_IsNull(m))
        return HPy_NULL;
    HPy r = HPy_Call(ctx, m, NULL, 0, HPy_NULL);
    HPy_Close(ctx, m);
    return r;
}

static int is_decimal(enc_t *e, HPy h)
{
    HPyContext *ctx = e->ctx;
    if (!e->decimal_tried) {
        e->decimal_tried = 1;
        HPy mod = HPyImport_ImportModule(ctx, "decimal");
        if (HPy_IsNull(mod)) {
            HPyErr_Clear(ctx);          /* no decimal module: fine */
            return 0;
        }
        e->decimal_type = HPy_GetAttr_s(ctx, mod, "Decimal");
        HPy_Close(ctx, mod);
        if (HPy_IsNull(e->decimal_type))
            HPyErr_Clear(ctx);
    }
    return !HPy_IsNull(e->decimal_type) && HPy_TypeCheck(ctx, h, e->decimal_type);
}

/* Objects that are not JSON types: obj.toDict(), obj.__json__() (raw JSON
 * text), decimal.Decimal (as a float), then default(obj), else TypeError. */
static int encode_other(enc_t *e, HPy h, int depth)
{
    HPyContext *ctx = e->ctx;
    if (depth > UJSON_ENCODE_MAX_DEPTH)
        return depth_error(e);
    if (HPy_HasAttr_s(ctx, h, "toDict")) {
        HPy r = call_method0(ctx, h, "toDict");
        if (HPy_IsNull(r))
            return -1;
        int rv = encode_value(e, r, depth + 1);
        HPy_Close(ctx, r);
        return rv;
    }
    if (HPy_HasAttr_s(ctx, h, "__json__")) {
        HPy r = call_method0(ctx, h, "__json__");
        if (HPy_IsNull(r))
            return -1;
        if (!HPyUnicode_Check(ctx, r)) {
            HPy_Close(ctx, r);
            HPyErr_SetString(ctx, ctx->h_TypeError, "expected string");
            return -1;
        }
        size_t n;
        int w;
        const char *p = str_text(e, r, &n, &w);
        int rv = -1;
        if (p) {
            rv = put(e, p, n);
            if (w || memchr(p, 0, n) || has_surrogate(p, n))
                e->special = 1;
            for (size_t i = 0; i < n && !e->nonascii; i++)
                if ((unsigned char)p[i] >= 0x80)
                    e->nonascii = 1;
        }
        HPy_Close(ctx, r);
        return rv;
    }
    if (is_decimal(e, h)) {
        HPy f = HPy_Float(ctx, h);
        if (HPy_IsNull(f))
            return -1;
        int rv = put_float_obj(e, f);
        HPy_Close(ctx, f);
        return rv;
    }
    if (!HPy_IsNull(e->o->default_fn)) {
        HPy r = HPy_Call(ctx, e->o->default_fn, &h, 1, HPy_NULL);
        if (HPy_IsNull(r))
            return -1;
        int rv = encode_value(e, r, depth + 1);
        HPy_Close(ctx, r);
        return rv;
    }
    HPy rep = HPy_Repr(ctx, h);
    if (HPy_IsNull(rep))
        return -1;
    HPy_ssize_t n;
    const char *p = HPyUnicode_AsUTF8AndSize(ctx, rep, &n);
    char msg[300];
    snprintf(msg, sizeof msg, "%.200s is not JSON serializable",
             p ? p : "<object>");
    if (!p)
        HPyErr_Clear(ctx);
    HPy_Close(ctx, rep);
    HPyErr_SetString(ctx, ctx->h_TypeError, msg);
    return -1;
}

static int encode_value(enc_t *e, HPy h, int depth)
{
    HPyContext *ctx = e->ctx;
    if (HPyUnicode_Check(ctx, h))
        return put_str_obj(e, h);
    if (HPy_TypeCheck(ctx, h, ctx->h_LongType)) {
        if (HPy_Is(ctx, h, ctx->h_True))
            return put(e, "true", 4);
        if (HPy_Is(ctx, h, ctx->h_False))
            return put(e, "false", 5);
        return put_int_obj(e, h);
    }
    if (HPy_TypeCheck(ctx, h, ctx->h_FloatType))
        return put_float_obj(e, h);
    if (HPyDict_Check(ctx, h))
        return encode_dict(e, h, depth);
    if (HPyList_Check(ctx, h) || HPyTuple_Check(ctx, h))
        return encode_sequence(e, h, depth);
    if (HPy_Is(ctx, h, ctx->h_None))
        return put(e, "null", 4);
    if (HPyBytes_Check(ctx, h)) {
        if (e->o->reject_bytes) {
            char msg[300];
            const char *p = HPyBytes_AsString(ctx, h);
            HPy_ssize_t n = HPyBytes_Size(ctx, h);
            if (p && n >= 0 && ujson_utf8_valid((const unsigned char *)p, (size_t)n)
                && !memchr(p, 0, (size_t)n))
            {
                HPy_ssize_t k = n < 200 ? n : 200;
                while (k < n && k > 0 && ((unsigned char)p[k] & 0xC0) == 0x80)
                    k--;                    /* cut on a character boundary */
                snprintf(msg, sizeof msg, "reject_bytes is on and '%.*s' is bytes",
                         (int)k, p);
            }
            else
                snprintf(msg, sizeof msg, "reject_bytes is on and the value is bytes");
            HPyErr_SetString(ctx, ctx->h_TypeError, msg);
            return -1;
        }
        return put_bytes_obj(e, h);
    }
    return encode_other(e, h, depth);
}

int ujson_encode(HPyContext *ctx, HPy obj, const ujson_encode_opts *o,
                 ujson_buf *out, int *nonascii, int *special)
{
    enc_t e;
    e.ctx = ctx;
    e.o = o;
    e.out = out;
    e.nonascii = 0;
    e.special = 0;
    e.decimal_type = HPy_NULL;
    e.decimal_tried = 0;
    ujson_buf_init(&e.wtf8);
    build_escape_table(&e);
    int r = encode_value(&e, obj, 0);
    ujson_buf_free(&e.wtf8);
    if (!HPy_IsNull(e.decimal_type))
        HPy_Close(ctx, e.decimal_type);
    *nonascii = e.nonascii;
    *special = e.special;
    return r;
}
