/*
 * hpy-node helper runtime: HPyUnicode_FromFormat, HPyUnicode_FromFormatV and
 * HPyErr_Format.
 *
 * Compiled into each extension; uses only the public HPy API.
 *
 * Directives: %[0][width][.precision]<unit>
 *
 *   %%                     a literal '%'
 *   %c    int              one code point (OverflowError outside 0..0x10ffff)
 *   %d %i int, %u unsigned int, %x int (hex)
 *   %ld %li long, %lu unsigned long, %lld %lli long long,
 *   %llu unsigned long long, %zd %zi HPy_ssize_t, %zu size_t
 *   (%lx, %llx and %zx are accepted as well)
 *   %p    void *           "0x" followed by hex digits
 *   %s    const char *     UTF-8 text
 *   %U    HPy              a str object
 *   %V    HPy, const char* the str object, or the C string if it is HPy_NULL
 *   %S %R %A  HPy          str(), repr(), ascii() of the object
 *
 * For numbers the precision is the minimum number of digits and the '0'
 * flag pads with zeros (after the sign) up to the width.  For text units the
 * width is counted in characters (left padding with spaces) and the precision
 * truncates: to that many characters for HPy objects, to that many bytes
 * (never splitting a character) for C strings.  '0' is an error for text
 * units, %c and %p; width and precision are errors for %c and %p.  The
 * literal parts of the format must be ASCII.
 */

#include "hpy.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------- */
/* growable UTF-8 buffer                                                   */

typedef struct {
    char *data;
    size_t len;
    size_t cap;
    int oom;
} fmt_buf;

static int
fmt_reserve(fmt_buf *b, size_t extra)
{
    size_t want;
    char *p;
    if (b->oom)
        return 0;
    if (extra <= b->cap - b->len)
        return 1;
    want = b->cap + b->cap / 2;
    if (want < b->len + extra)
        want = b->len + extra;
    if (want < 64)
        want = 64;
    p = (char *)realloc(b->data, want);
    if (p == NULL) {
        b->oom = 1;
        return 0;
    }
    b->data = p;
    b->cap = want;
    return 1;
}

static int
fmt_put(fmt_buf *b, const char *s, size_t n)
{
    if (!fmt_reserve(b, n))
        return 0;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    return 1;
}

static int
fmt_fill(fmt_buf *b, char c, size_t n)
{
    if (!fmt_reserve(b, n))
        return 0;
    memset(b->data + b->len, c, n);
    b->len += n;
    return 1;
}

/* ---------------------------------------------------------------------- */
/* UTF-8 utilities                                                         */

static size_t
fmt_utf8_chars(const char *s, size_t n)
{
    size_t i, count = 0;
    for (i = 0; i < n; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            count++;
    }
    return count;
}

/* Byte length of the first `chars` characters of s[0..n). */
static size_t
fmt_utf8_prefix(const char *s, size_t n, size_t chars)
{
    size_t i = 0, seen = 0;
    while (i < n) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (seen == chars)
                break;
            seen++;
        }
        i++;
    }
    return i;
}

static size_t
fmt_utf8_encode(unsigned int cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* ---------------------------------------------------------------------- */
/* pieces                                                                  */

typedef struct {
    int zero;               /* '0' flag */
    HPy_ssize_t width;      /* -1: none */
    HPy_ssize_t precision;  /* -1: none */
} fmt_spec;

/* Write UTF-8 text s[0..n): pad on the left to `width` characters; with a
   precision, keep at most that many characters (prec_in_bytes: bytes). */
static int
fmt_text(fmt_buf *b, const char *s, size_t n, const fmt_spec *sp,
         int prec_in_bytes)
{
    size_t chars;
    if (sp->precision >= 0) {
        size_t prec = (size_t)sp->precision;
        if (prec_in_bytes) {
            if (prec < n) {
                /* do not cut a multi-byte character in two */
                while (prec > 0 && ((unsigned char)s[prec] & 0xC0) == 0x80)
                    prec--;
                n = prec;
            }
        } else {
            n = fmt_utf8_prefix(s, n, prec);
        }
    }
    if (sp->width > 0) {
        chars = fmt_utf8_chars(s, n);
        if ((size_t)sp->width > chars &&
            !fmt_fill(b, ' ', (size_t)sp->width - chars))
            return 0;
    }
    return fmt_put(b, s, n);
}

/* Write a str object (borrowed handle); `unit` names the directive for the
   error raised when h is not a str. */
static int
fmt_str_object(HPyContext *ctx, fmt_buf *b, HPy h, char unit,
               const fmt_spec *sp)
{
    HPy_ssize_t n;
    const char *s;
    if (!HPyUnicode_Check(ctx, h)) {
        char msg[64];
        snprintf(msg, sizeof msg,
                 "formatting unit '%%%c' expects a str object", unit);
        HPyErr_SetString(ctx, ctx->h_TypeError, msg);
        return 0;
    }
    s = HPyUnicode_AsUTF8AndSize(ctx, h, &n);
    if (s == NULL)
        return 0;
    return fmt_text(b, s, (size_t)n, sp, 0);
}

/* Write digits (an already formatted integer, possibly with a leading '-'). */
static int
fmt_number(fmt_buf *b, const char *digits, const fmt_spec *sp)
{
    int neg = digits[0] == '-';
    size_t ndig = strlen(digits) - (size_t)neg;
    size_t body = ndig, total;
    if (sp->precision >= 0 && (size_t)sp->precision > body)
        body = (size_t)sp->precision;
    total = body + (size_t)neg;
    if (sp->width >= 0 && (size_t)sp->width > total)
        total = (size_t)sp->width;

    if (sp->zero) {
        if (neg && !fmt_put(b, "-", 1))
            return 0;
        if (!fmt_fill(b, '0', total - (size_t)neg - ndig))
            return 0;
    } else {
        if (!fmt_fill(b, ' ', total - body - (size_t)neg))
            return 0;
        if (neg && !fmt_put(b, "-", 1))
            return 0;
        if (!fmt_fill(b, '0', body - ndig))
            return 0;
    }
    return fmt_put(b, digits + neg, ndig);
}

/* Apply fn (HPy_Str, HPy_Repr or HPy_ASCII) and write the result. */
static int
fmt_converted(HPyContext *ctx, fmt_buf *b, HPy (*fn)(HPyContext *, HPy),
              HPy obj, char unit, const fmt_spec *sp)
{
    HPy s;
    int ok;
    if (HPy_IsNull(obj)) {
        char msg[80];
        snprintf(msg, sizeof msg,
                 "HPy_NULL passed as value for formatting unit '%%%c'", unit);
        HPyErr_SetString(ctx, ctx->h_SystemError, msg);
        return 0;
    }
    s = fn(ctx, obj);
    if (HPy_IsNull(s))
        return 0;
    ok = fmt_str_object(ctx, b, s, unit, sp);
    HPy_Close(ctx, s);
    return ok;
}

/* ---------------------------------------------------------------------- */
/* one directive                                                           */

enum { LEN_NONE, LEN_L, LEN_LL, LEN_Z };

/* f points just after a '%'.  Returns the position after the directive, or
   NULL with an exception set. */
static const char *
fmt_directive(HPyContext *ctx, fmt_buf *b, const char *f, va_list *va)
{
    fmt_spec sp;
    int lenmod = LEN_NONE;
    char unit;

    if (*f == '%') {
        if (!fmt_put(b, "%", 1))
            return NULL;
        return f + 1;
    }

    sp.zero = 0;
    sp.width = -1;
    sp.precision = -1;
    if (*f == '0') {
        sp.zero = 1;
        f++;
    }
    if (*f >= '0' && *f <= '9') {
        sp.width = 0;
        while (*f >= '0' && *f <= '9') {
            if (sp.width > (HPY_SSIZE_T_MAX - 9) / 10) {
                HPyErr_SetString(ctx, ctx->h_ValueError, "width too big");
                return NULL;
            }
            sp.width = sp.width * 10 + (*f - '0');
            f++;
        }
    }
    if (*f == '.') {
        f++;
        sp.precision = 0;
        while (*f >= '0' && *f <= '9') {
            if (sp.precision > (HPY_SSIZE_T_MAX - 9) / 10) {
                HPyErr_SetString(ctx, ctx->h_ValueError, "precision too big");
                return NULL;
            }
            sp.precision = sp.precision * 10 + (*f - '0');
            f++;
        }
    }

    if (f[0] == 'l' && f[1] == 'l' &&
        (f[2] == 'd' || f[2] == 'i' || f[2] == 'u' || f[2] == 'x')) {
        lenmod = LEN_LL;
        f += 2;
    } else if (f[0] == 'l' &&
               (f[1] == 'd' || f[1] == 'i' || f[1] == 'u' || f[1] == 'x')) {
        lenmod = LEN_L;
        f += 1;
    } else if (f[0] == 'z' &&
               (f[1] == 'd' || f[1] == 'i' || f[1] == 'u' || f[1] == 'x')) {
        lenmod = LEN_Z;
        f += 1;
    }
    unit = *f;

    if (sp.zero && strchr("sUVSRApc", unit) != NULL && unit != '\0') {
        char msg[80];
        snprintf(msg, sizeof msg,
                 "formatting unit '%%%c' does not support 0-padding", unit);
        HPyErr_SetString(ctx, ctx->h_SystemError, msg);
        return NULL;
    }
    if ((unit == 'c' || unit == 'p') && (sp.width >= 0 || sp.precision >= 0)) {
        char msg[80];
        snprintf(msg, sizeof msg,
                 "formatting unit '%%%c' does not support width nor precision",
                 unit);
        HPyErr_SetString(ctx, ctx->h_SystemError, msg);
        return NULL;
    }

    switch (unit) {
    case 'c': {
        int cp = va_arg(*va, int);
        char enc[4];
        if (cp < 0 || cp > 0x10FFFF) {
            HPyErr_SetString(ctx, ctx->h_OverflowError,
                             "character argument not in range(0x110000)");
            return NULL;
        }
        if (!fmt_put(b, enc, fmt_utf8_encode((unsigned int)cp, enc)))
            return NULL;
        break;
    }
    case 'd':
    case 'i':
    case 'u':
    case 'x': {
        char digits[48];
        if (unit == 'x') {
            switch (lenmod) {
            case LEN_L:
                snprintf(digits, sizeof digits, "%lx",
                         va_arg(*va, unsigned long));
                break;
            case LEN_LL:
                snprintf(digits, sizeof digits, "%llx",
                         va_arg(*va, unsigned long long));
                break;
            case LEN_Z:
                snprintf(digits, sizeof digits, "%zx", va_arg(*va, size_t));
                break;
            default:
                snprintf(digits, sizeof digits, "%x",
                         va_arg(*va, unsigned int));
            }
        } else if (unit == 'u') {
            switch (lenmod) {
            case LEN_L:
                snprintf(digits, sizeof digits, "%lu",
                         va_arg(*va, unsigned long));
                break;
            case LEN_LL:
                snprintf(digits, sizeof digits, "%llu",
                         va_arg(*va, unsigned long long));
                break;
            case LEN_Z:
                snprintf(digits, sizeof digits, "%zu", va_arg(*va, size_t));
                break;
            default:
                snprintf(digits, sizeof digits, "%u",
                         va_arg(*va, unsigned int));
            }
        } else {
            switch (lenmod) {
            case LEN_L:
                snprintf(digits, sizeof digits, "%ld", va_arg(*va, long));
                break;
            case LEN_LL:
                snprintf(digits, sizeof digits, "%lld",
                         va_arg(*va, long long));
                break;
            case LEN_Z:
                snprintf(digits, sizeof digits, "%lld",
                         (long long)va_arg(*va, HPy_ssize_t));
                break;
            default:
                snprintf(digits, sizeof digits, "%d", va_arg(*va, int));
            }
        }
        if (!fmt_number(b, digits, &sp))
            return NULL;
        break;
    }
    case 'p': {
        char digits[32];
        void *ptr = va_arg(*va, void *);
        snprintf(digits, sizeof digits, "0x%" PRIxPTR, (uintptr_t)ptr);
        if (!fmt_put(b, digits, strlen(digits)))
            return NULL;
        break;
    }
    case 's': {
        const char *s = va_arg(*va, const char *);
        if (s == NULL) {
            HPyErr_SetString(ctx, ctx->h_SystemError,
                "null c string passed as value for formatting unit '%s'");
            return NULL;
        }
        if (!fmt_text(b, s, strlen(s), &sp, 1))
            return NULL;
        break;
    }
    case 'U': {
        HPy h = va_arg(*va, HPy);
        if (HPy_IsNull(h)) {
            HPyErr_SetString(ctx, ctx->h_SystemError,
                "HPy_NULL passed as value for formatting unit '%U'");
            return NULL;
        }
        if (!fmt_str_object(ctx, b, h, unit, &sp))
            return NULL;
        break;
    }
    case 'V': {
        HPy h = va_arg(*va, HPy);
        const char *s = va_arg(*va, const char *);
        if (!HPy_IsNull(h)) {
            if (!fmt_str_object(ctx, b, h, unit, &sp))
                return NULL;
        } else if (s != NULL) {
            if (!fmt_text(b, s, strlen(s), &sp, 1))
                return NULL;
        } else {
            HPyErr_SetString(ctx, ctx->h_SystemError,
                "HPy_NULL and NULL passed as values for formatting unit '%V'");
            return NULL;
        }
        break;
    }
    case 'S':
        if (!fmt_converted(ctx, b, HPy_Str, va_arg(*va, HPy), unit, &sp))
            return NULL;
        break;
    case 'R':
        if (!fmt_converted(ctx, b, HPy_Repr, va_arg(*va, HPy), unit, &sp))
            return NULL;
        break;
    case 'A':
        if (!fmt_converted(ctx, b, HPy_ASCII, va_arg(*va, HPy), unit, &sp))
            return NULL;
        break;
    default:
        HPyErr_SetString(ctx, ctx->h_SystemError, "invalid format string");
        return NULL;
    }
    return f + 1;
}

/* ---------------------------------------------------------------------- */
/* entry points                                                            */

/* Turn the finished buffer into a str. */
static HPy
fmt_finish(HPyContext *ctx, fmt_buf *b)
{
    HPy result;
    if (!fmt_put(b, "", 1)) {     /* NUL terminator */
        free(b->data);
        return HPyErr_NoMemory(ctx);
    }
    if (memchr(b->data, '\0', b->len - 1) == NULL) {
        result = HPyUnicode_FromString(ctx, b->data);
    } else {
        /* an embedded NUL (from %c): go through bytes to keep it */
        HPy bytes = HPyBytes_FromStringAndSize(ctx, b->data,
                                               (HPy_ssize_t)(b->len - 1));
        result = HPy_NULL;
        if (!HPy_IsNull(bytes)) {
            result = HPyUnicode_FromEncodedObject(ctx, bytes, "utf-8",
                                                  "strict");
            HPy_Close(ctx, bytes);
        }
    }
    free(b->data);
    return result;
}

HPyAPI_HELPER HPy
HPyUnicode_FromFormatV(HPyContext *ctx, const char *format, va_list vargs)
{
    fmt_buf b;
    va_list va;
    const char *f = format;

    b.data = NULL;
    b.len = 0;
    b.cap = 0;
    b.oom = 0;
    va_copy(va, vargs);

    while (*f != '\0') {
        if (*f == '%') {
            f = fmt_directive(ctx, &b, f + 1, &va);
            if (f == NULL)
                goto fail;
        } else {
            const char *start = f;
            while (*f != '\0' && *f != '%') {
                if ((unsigned char)*f > 127) {
                    char msg[96];
                    snprintf(msg, sizeof msg,
                             "expected an ASCII-encoded format string, got a "
                             "non-ASCII byte: 0x%02x", (unsigned char)*f);
                    HPyErr_SetString(ctx, ctx->h_ValueError, msg);
                    goto fail;
                }
                f++;
            }
            if (!fmt_put(&b, start, (size_t)(f - start)))
                break;
        }
        if (b.oom)
            break;
    }
    va_end(va);
    if (b.oom) {
        free(b.data);
        return HPyErr_NoMemory(ctx);
    }
    return fmt_finish(ctx, &b);

fail:
    va_end(va);
    free(b.data);
    if (b.oom)
        return HPyErr_NoMemory(ctx);
    return HPy_NULL;
}

HPyAPI_HELPER HPy
HPyUnicode_FromFormat(HPyContext *ctx, const char *fmt, ...)
{
    va_list va;
    HPy result;
    va_start(va, fmt);
    result = HPyUnicode_FromFormatV(ctx, fmt, va);
    va_end(va);
    return result;
}

HPyAPI_HELPER HPy
HPyErr_Format(HPyContext *ctx, HPy h_type, const char *fmt, ...)
{
    va_list va;
    HPy msg;
    va_start(va, fmt);
    msg = HPyUnicode_FromFormatV(ctx, fmt, va);
    va_end(va);
    if (HPy_IsNull(msg))
        return HPy_NULL;    /* the formatting error stays set */
    HPyErr_SetObject(ctx, h_type, msg);
    HPy_Close(ctx, msg);
    return HPy_NULL;
}
