/*
 * decoder.c -- JSON text to Python objects.
 *
 * A recursive-descent parser over a UTF-8 buffer.  Values under
 * construction live on a stack of handles; a container is built when its
 * closing bracket is seen (HPyListBuilder for arrays, HPyDict_New +
 * HPy_SetItem for objects), so an error anywhere only has to close what is
 * on the stack.  Object keys go through a small cache so that the keys
 * repeated throughout a document are created once per call.
 *
 * Accepted: RFC 8259 JSON, plus NaN, Infinity and -Infinity (as ultrajson
 * and the stdlib json module accept them).  Escaped lone surrogates
 * (\ud800) decode to lone surrogates, as in Python's json.
 */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ujson.h"

#define KC_SLOTS 256
#define KC_MAXLEN 30
#define KC_AFTER 8          /* start caching after this many keys */

typedef struct {
    HPy h;
    uint8_t used;
    uint8_t len;
    char text[KC_MAXLEN];
} kc_slot;

typedef struct {
    HPyContext *ctx;
    const unsigned char *start, *p, *end;
    HPy jsonerror;
    HPy *stack;
    size_t sp, cap;
    HPy stack_inline[64];
    ujson_buf sbuf;          /* decoded text of the current string */
    ujson_buf tmp;           /* NUL-terminated copies, wide strings */
    kc_slot *kc;
    size_t nkeys;
    int validate;            /* input may hold invalid UTF-8 (bytes) */
} dec_t;

/* ASCII bytes that end a run of string text: '"', '\\' and controls */
#define X1 1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1
#define X0 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0
static const unsigned char str_stop[256] = {
    X1, X1,
    0,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0,   /* 0x20: '"' */
    X0, X0,
    0,0,0,0,0,0,0,0,0,0,0,0,1,0,0,0,   /* 0x50: '\\' */
    X0, X0,
    X0, X0, X0, X0, X0, X0, X0, X0,
};
#undef X0
#undef X1

static const double pow10_exact[23] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
    1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

/* ------------------------------------------------------------ errors */

static int dec_error(dec_t *d, const char *msg, const unsigned char *at)
{
    if (at > d->end)
        at = d->end;
    size_t chars = 0, line = 1;
    const unsigned char *line_start = d->start;
    for (const unsigned char *q = d->start; q < at; q++) {
        if ((*q & 0xC0) != 0x80)
            chars++;
        if (*q == '\n') {
            line++;
            line_start = q + 1;
        }
    }
    size_t col = 1;
    for (const unsigned char *q = line_start; q < at; q++)
        if ((*q & 0xC0) != 0x80)
            col++;
    char buf[256];
    snprintf(buf, sizeof buf, "%s: line %zu column %zu (char %zu)",
             msg, line, col, chars);
    HPyErr_SetString(d->ctx, d->jsonerror, buf);
    return -1;
}

static int no_memory(dec_t *d)
{
    HPyErr_NoMemory(d->ctx);
    return -1;
}

/* ------------------------------------------------------------- stack */

static int push(dec_t *d, HPy h)
{
    if (HPy_IsNull(h))
        return -1;
    if (d->sp == d->cap) {
        size_t ncap = d->cap * 2;
        HPy *ns;
        if (d->stack == d->stack_inline) {
            ns = malloc(ncap * sizeof(HPy));
            if (ns)
                memcpy(ns, d->stack, d->sp * sizeof(HPy));
        } else {
            ns = realloc(d->stack, ncap * sizeof(HPy));
        }
        if (!ns) {
            HPy_Close(d->ctx, h);
            return no_memory(d);
        }
        d->stack = ns;
        d->cap = ncap;
    }
    d->stack[d->sp++] = h;
    return 0;
}

static inline void skip_ws(dec_t *d)
{
    const unsigned char *p = d->p, *end = d->end;
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
        p++;
    d->p = p;
}

/* ----------------------------------------------------------- strings */

static int hex4(const unsigned char *q, uint32_t *out)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        unsigned c = q[i];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= c - '0';
        else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
        else return -1;
    }
    *out = v;
    return 0;
}

static inline unsigned char *put_utf8(unsigned char *o, uint32_t cp)
{
    if (cp < 0x80) {
        *o++ = (unsigned char)cp;
    } else if (cp < 0x800) {
        *o++ = (unsigned char)(0xC0 | (cp >> 6));
        *o++ = (unsigned char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *o++ = (unsigned char)(0xE0 | (cp >> 12));
        *o++ = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        *o++ = (unsigned char)(0x80 | (cp & 0x3F));
    } else {
        *o++ = (unsigned char)(0xF0 | (cp >> 18));
        *o++ = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
        *o++ = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        *o++ = (unsigned char)(0x80 | (cp & 0x3F));
    }
    return o;
}

/* Advance over ordinary string text (ASCII other than '"', '\\' and controls,
 * and UTF-8 sequences); stops at anything else or at the end.  Text that came
 * from a str is valid UTF-8 already: only bytes input is validated. */
static inline const unsigned char *scan_run(const unsigned char *q,
                                            const unsigned char *end,
                                            int validate, int *ascii,
                                            int *plain)
{
    if (!validate) {
        while (q < end) {
            unsigned c = *q;
            if (c < 0x80) {
                if (str_stop[c])
                    break;
            } else {
                *ascii = 0;
                if (c == 0xED && q + 1 < end && q[1] >= 0xA0)
                    *plain = 0;           /* an encoded surrogate */
            }
            q++;
        }
        return q;
    }
    while (q < end) {
        unsigned c = *q;
        if (c < 0x80) {
            if (str_stop[c])
                break;
            q++;
        } else {
            uint32_t cp;
            size_t k = ujson_utf8_seq(q, end, 1, &cp);
            if (!k)
                break;
            if (cp >= 0xD800 && cp <= 0xDFFF)
                *plain = 0;
            *ascii = 0;
            q += k;
        }
    }
    return q;
}

/* Scan the string at d->p (on its opening quote).  The text is either a
 * slice of the input (no escapes) or d->sbuf (NUL-terminated).  *ascii:
 * only bytes < 0x80; *plain: no NUL and no surrogate code points. */
static int scan_string(dec_t *d, const char **sp, size_t *sn, int *ascii,
                       int *plain)
{
    const unsigned char *open = d->p, *end = d->end;
    int is_ascii = 1, is_plain = 1;
    const unsigned char *q = scan_run(open + 1, end, d->validate, &is_ascii,
                                      &is_plain);
    if (q < end && *q == '"') {
        *sp = (const char *)(open + 1);
        *sn = (size_t)(q - open - 1);
        *ascii = is_ascii;
        *plain = is_plain;
        d->p = q + 1;
        return 0;
    }
    ujson_buf *b = &d->sbuf;
    b->len = 0;
    const unsigned char *run = open + 1;
    for (;;) {
        /* q is at a stop byte (or the end); flush the run before it */
        size_t rl = (size_t)(q - run);
        if (ujson_buf_reserve(b, rl + 8) < 0)
            return no_memory(d);
        memcpy(b->data + b->len, run, rl);
        b->len += rl;
        if (q >= end)
            return dec_error(d, "Unmatched '\"' when decoding 'string'", open);
        unsigned c = *q;
        if (c == '"') {
            q++;
            break;
        }
        unsigned char *o = (unsigned char *)b->data + b->len;
        if (c != '\\') {
            if (c < 0x20)
                return dec_error(d, "Invalid control character when decoding "
                                 "'string'", q);
            return dec_error(d, "Invalid UTF-8 sequence when decoding "
                             "'string'", q);
        }
        if (q + 1 >= end)
            return dec_error(d, "Unmatched '\"' when decoding 'string'", open);
        switch (q[1]) {
        case '"': *o++ = '"'; q += 2; break;
        case '\\': *o++ = '\\'; q += 2; break;
        case '/': *o++ = '/'; q += 2; break;
        case 'b': *o++ = '\b'; q += 2; break;
        case 'f': *o++ = '\f'; q += 2; break;
        case 'n': *o++ = '\n'; q += 2; break;
        case 'r': *o++ = '\r'; q += 2; break;
        case 't': *o++ = '\t'; q += 2; break;
        case 'u': {
            uint32_t u;
            if (end - q < 6 || hex4(q + 2, &u) < 0)
                return dec_error(d, "Unexpected character in unicode escape "
                                 "sequence when decoding 'string'", q);
            q += 6;
            if (u >= 0xD800 && u <= 0xDBFF && end - q >= 6 && q[0] == '\\'
                && q[1] == 'u') {
                uint32_t lo;
                if (hex4(q + 2, &lo) == 0 && lo >= 0xDC00 && lo <= 0xDFFF) {
                    u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                    q += 6;
                }
            }
            if (u == 0 || (u >= 0xD800 && u <= 0xDFFF))
                is_plain = 0;
            if (u >= 0x80)
                is_ascii = 0;
            o = put_utf8(o, u);
            break;
        }
        default:
            return dec_error(d, "Unrecognized escape sequence when "
                             "decoding 'string'", q);
        }
        b->len = (size_t)((char *)o - b->data);
        run = q;
        q = scan_run(q, end, d->validate, &is_ascii, &is_plain);
    }
    b->data[b->len] = '\0';           /* room was reserved above */
    d->p = q;
    *sp = b->data;
    *sn = b->len;
    *ascii = is_ascii;
    *plain = is_plain;
    return 0;
}

static int parse_string(dec_t *d)
{
    const char *s;
    size_t n;
    int ascii, plain;
    if (scan_string(d, &s, &n, &ascii, &plain) < 0)
        return -1;
    return push(d, ujson_str_from_utf8(d->ctx, s, n, ascii, plain,
                                         s == d->sbuf.data, &d->tmp));
}

static inline uint32_t key_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u ^ (uint32_t)n;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h ^ (h >> 15);
}

static int parse_key(dec_t *d)
{
    const char *s;
    size_t n;
    int ascii, plain;
    if (scan_string(d, &s, &n, &ascii, &plain) < 0)
        return -1;
    HPyContext *ctx = d->ctx;
    if (!plain || n > KC_MAXLEN || ++d->nkeys <= KC_AFTER)
        return push(d, ujson_str_from_utf8(ctx, s, n, ascii, plain,
                                             s == d->sbuf.data, &d->tmp));
    if (d->kc == NULL) {
        d->kc = calloc(KC_SLOTS, sizeof(kc_slot));
        if (!d->kc)
            return no_memory(d);
    }
    kc_slot *slot = &d->kc[key_hash(s, n) & (KC_SLOTS - 1)];
    if (slot->used && slot->len == n && memcmp(slot->text, s, n) == 0)
        return push(d, HPy_Dup(ctx, slot->h));
    HPy h = ujson_str_from_utf8(ctx, s, n, ascii, plain, s == d->sbuf.data,
                                &d->tmp);
    if (HPy_IsNull(h))
        return -1;
    if (slot->used)
        HPy_Close(ctx, slot->h);
    slot->h = HPy_Dup(ctx, h);
    slot->used = 1;
    slot->len = (uint8_t)n;
    memcpy(slot->text, s, n);
    return push(d, h);
}

/* ----------------------------------------------------------- numbers */

static inline int is_digit(const unsigned char *p, const unsigned char *end)
{
    return p < end && *p >= '0' && *p <= '9';
}

static HPy big_int(dec_t *d, const unsigned char *s, size_t n)
{
    HPyContext *ctx = d->ctx;
    HPy text = HPyUnicode_DecodeASCII(ctx, (const char *)s, (HPy_ssize_t)n,
                                      "strict");
    if (HPy_IsNull(text))
        return HPy_NULL;
    HPy r = HPy_Call(ctx, ctx->h_LongType, &text, 1, HPy_NULL);
    HPy_Close(ctx, text);
    return r;
}

static double slow_strtod(dec_t *d, const unsigned char *s, size_t n, int *err)
{
    ujson_buf *t = &d->tmp;
    t->len = 0;
    if (ujson_buf_reserve(t, n + 8) < 0) {
        *err = 1;
        return 0.0;
    }
    memcpy(t->data, s, n);
    t->data[n] = '\0';
    char *endp;
    double v = strtod(t->data, &endp);
    if (endp != t->data + n) {
        /* a locale whose decimal point is not '.' */
        const char *dp = localeconv()->decimal_point;
        char *dot = memchr(t->data, '.', n);
        if (dot && dp && strlen(dp) == 1) {
            *dot = dp[0];
            v = strtod(t->data, &endp);
        }
    }
    *err = 0;
    return v;
}

static int parse_number(dec_t *d)
{
    HPyContext *ctx = d->ctx;
    const unsigned char *s = d->p, *p = s, *end = d->end;
    int neg = 0;
    if (*p == '-') {
        neg = 1;
        p++;
        if (p < end && *p == 'I') {
            if (end - p >= 8 && memcmp(p, "Infinity", 8) == 0) {
                d->p = p + 8;
                return push(d, HPyFloat_FromDouble(ctx, -INFINITY));
            }
            return dec_error(d, "Unexpected character found when decoding "
                             "'-Infinity'", p);
        }
    }
    if (!is_digit(p, end))
        return dec_error(d, "Expected digit when decoding number", p);
    uint64_t mant = 0;
    int sig = 0, exp10 = 0, inexact = 0, is_float = 0;
    if (*p == '0') {
        p++;
    } else {
        while (is_digit(p, end)) {
            if (sig < 19) {
                mant = mant * 10 + (uint64_t)(*p - '0');
                sig++;
            } else {
                exp10++;
                inexact = 1;
            }
            p++;
        }
    }
    if (p < end && *p == '.') {
        is_float = 1;
        p++;
        if (!is_digit(p, end))
            return dec_error(d, "Expected digit after the decimal point when "
                             "decoding number", p);
        while (is_digit(p, end)) {
            unsigned dg = (unsigned)(*p - '0');
            if (mant == 0 && dg == 0) {
                exp10--;
            } else if (sig < 19) {
                mant = mant * 10 + dg;
                sig++;
                exp10--;
            } else {
                inexact = 1;
            }
            p++;
        }
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        is_float = 1;
        p++;
        int esign = 1;
        if (p < end && (*p == '+' || *p == '-')) {
            if (*p == '-')
                esign = -1;
            p++;
        }
        if (!is_digit(p, end))
            return dec_error(d, "Expected digit in the exponent when decoding "
                             "number", p);
        int ev = 0;
        while (is_digit(p, end)) {
            if (ev < 100000)
                ev = ev * 10 + (*p - '0');
            p++;
        }
        exp10 += esign * ev;
    }
    d->p = p;
    if (!is_float) {
        if (!inexact) {
            if (!neg && mant <= (uint64_t)INT64_MAX)
                return push(d, HPyLong_FromInt64_t(ctx, (int64_t)mant));
            if (neg && mant <= (uint64_t)INT64_MAX)
                return push(d, HPyLong_FromInt64_t(ctx, -(int64_t)mant));
            if (neg && mant == (uint64_t)INT64_MAX + 1)
                return push(d, HPyLong_FromInt64_t(ctx, INT64_MIN));
            if (!neg)
                return push(d, HPyLong_FromUInt64_t(ctx, mant));
        }
        return push(d, big_int(d, s, (size_t)(p - s)));
    }
    double v;
    if (!inexact && mant <= ((uint64_t)1 << 53) && exp10 >= -22 && exp10 <= 22) {
        v = (double)mant;
        v = exp10 < 0 ? v / pow10_exact[-exp10] : v * pow10_exact[exp10];
        if (neg)
            v = -v;
    } else {
        int err;
        v = slow_strtod(d, s, (size_t)(p - s), &err);
        if (err)
            return no_memory(d);
    }
    return push(d, HPyFloat_FromDouble(ctx, v));
}

/* ---------------------------------------------------------- literals */

enum { LIT_TRUE, LIT_FALSE, LIT_NULL, LIT_NAN, LIT_INF };

static int parse_literal(dec_t *d, int which)
{
    static const struct { const char *word; size_t n; } lits[] = {
        {"true", 4}, {"false", 5}, {"null", 4}, {"NaN", 3}, {"Infinity", 8},
    };
    HPyContext *ctx = d->ctx;
    const char *w = lits[which].word;
    size_t n = lits[which].n;
    if ((size_t)(d->end - d->p) < n || memcmp(d->p, w, n) != 0) {
        char msg[80];
        snprintf(msg, sizeof msg, "Unexpected character found when decoding '%s'", w);
        return dec_error(d, msg, d->p);
    }
    d->p += n;
    switch (which) {
    case LIT_TRUE: return push(d, HPy_Dup(ctx, ctx->h_True));
    case LIT_FALSE: return push(d, HPy_Dup(ctx, ctx->h_False));
    case LIT_NULL: return push(d, HPy_Dup(ctx, ctx->h_None));
    case LIT_NAN: return push(d, HPyFloat_FromDouble(ctx, NAN));
    default: return push(d, HPyFloat_FromDouble(ctx, INFINITY));
    }
}

/* -------------------------------------------------------- containers */

static int parse_value(dec_t *d, int depth);

static int parse_array(dec_t *d, int depth)
{
    HPyContext *ctx = d->ctx;
    if (depth >= UJSON_DECODE_MAX_DEPTH)
        return dec_error(d, "Reached object decoding depth limit", d->p);
    size_t base = d->sp;
    d->p++;
    skip_ws(d);
    if (d->p < d->end && *d->p == ']') {
        d->p++;
        return push(d, HPyList_New(ctx, 0));
    }
    for (;;) {
        if (parse_value(d, depth + 1) < 0)
            return -1;
        skip_ws(d);
        if (d->p < d->end && *d->p == ',') {
            d->p++;
            skip_ws(d);
            continue;
        }
        if (d->p < d->end && *d->p == ']') {
            d->p++;
            break;
        }
        return dec_error(d, "Unexpected character found when decoding array "
                         "value", d->p);
    }
    size_t n = d->sp - base;
    HPyListBuilder lb = HPyListBuilder_New(ctx, (HPy_ssize_t)n);
    for (size_t i = 0; i < n; i++)
        HPyListBuilder_Set(ctx, lb, (HPy_ssize_t)i, d->stack[base + i]);
    HPy list = HPyListBuilder_Build(ctx, lb);
    for (size_t i = 0; i < n; i++)
        HPy_Close(ctx, d->stack[base + i]);
    d->sp = base;
    return push(d, list);
}

static int parse_object(dec_t *d, int depth)
{
    HPyContext *ctx = d->ctx;
    if (depth >= UJSON_DECODE_MAX_DEPTH)
        return dec_error(d, "Reached object decoding depth limit", d->p);
    size_t base = d->sp;
    d->p++;
    skip_ws(d);
    if (d->p < d->end && *d->p == '}') {
        d->p++;
        return push(d, HPyDict_New(ctx));
    }
    for (;;) {
        if (d->p >= d->end || *d->p != '"')
            return dec_error(d, "Key name of object must be 'string' when "
                             "decoding 'object'", d->p);
        if (parse_key(d) < 0)
            return -1;
        skip_ws(d);
        if (d->p >= d->end || *d->p != ':')
            return dec_error(d, "No ':' found when decoding object value", d->p);
        d->p++;
        skip_ws(d);
        if (parse_value(d, depth + 1) < 0)
            return -1;
        skip_ws(d);
        if (d->p < d->end && *d->p == ',') {
            d->p++;
            skip_ws(d);
            continue;
        }
        if (d->p < d->end && *d->p == '}') {
            d->p++;
            break;
        }
        return dec_error(d, "Unexpected character found when decoding object "
                         "value", d->p);
    }
    HPy dict = HPyDict_New(ctx);
    if (HPy_IsNull(dict))
        return -1;
    size_t top = d->sp;
    for (size_t i = base; i < top; i += 2) {
        if (HPy_SetItem(ctx, dict, d->stack[i], d->stack[i + 1]) < 0) {
            HPy_Close(ctx, dict);
            return -1;
        }
    }
    for (size_t i = base; i < top; i++)
        HPy_Close(ctx, d->stack[i]);
    d->sp = base;
    return push(d, dict);
}

static int parse_value(dec_t *d, int depth)
{
    if (d->p >= d->end)
        return dec_error(d, "Expected object or value", d->p);
    switch (*d->p) {
    case '"':
        return parse_string(d);
    case '{':
        return parse_object(d, depth);
    case '[':
        return parse_array(d, depth);
    case 't':
        return parse_literal(d, LIT_TRUE);
    case 'f':
        return parse_literal(d, LIT_FALSE);
    case 'n':
        return parse_literal(d, LIT_NULL);
    case 'N':
        return parse_literal(d, LIT_NAN);
    case 'I':
        return parse_literal(d, LIT_INF);
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
        return parse_number(d);
    default:
        return dec_error(d, "Expected object or value", d->p);
    }
}

HPy ujson_decode(HPyContext *ctx, const char *s, size_t n, int trusted,
                 HPy jsonerror)
{
    dec_t d;
    d.validate = !trusted;
    d.ctx = ctx;
    d.start = d.p = (const unsigned char *)s;
    d.end = d.start + n;
    d.jsonerror = jsonerror;
    d.stack = d.stack_inline;
    d.sp = 0;
    d.cap = sizeof(d.stack_inline) / sizeof(HPy);
    d.kc = NULL;
    d.nkeys = 0;
    ujson_buf_init(&d.sbuf);
    ujson_buf_init(&d.tmp);

    HPy result = HPy_NULL;
    skip_ws(&d);
    if (parse_value(&d, 0) == 0) {
        skip_ws(&d);
        if (d.p != d.end) {
            dec_error(&d, "Trailing data", d.p);
        } else {
            result = d.stack[0];
            d.sp = 0;
        }
    }
    for (size_t i = 0; i < d.sp; i++)
        HPy_Close(ctx, d.stack[i]);
    if (d.stack != d.stack_inline)
        free(d.stack);
    if (d.kc) {
        for (int i = 0; i < KC_SLOTS; i++)
            if (d.kc[i].used)
                HPy_Close(ctx, d.kc[i].h);
        free(d.kc);
    }
    ujson_buf_free(&d.sbuf);
    ujson_buf_free(&d.tmp);
    return result;
}
