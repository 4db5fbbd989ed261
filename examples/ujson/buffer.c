/*
 * buffer.c -- the growable byte buffer shared by encoder and decoder, and the
 * conversions between Python strs and UTF-8 text that both need.
 */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "ujson.h"

void ujson_buf_init(ujson_buf *b)
{
    b->data = b->inline_store;
    b->len = 0;
    b->cap = sizeof(b->inline_store);
}

void ujson_buf_free(ujson_buf *b)
{
    if (b->data != b->inline_store)
        free(b->data);
    ujson_buf_init(b);
}

int ujson_buf_grow(ujson_buf *b, size_t extra)
{
    size_t need = b->len + extra;
    if (need < b->len)
        return -1;                     /* overflow */
    size_t cap = b->cap;
    while (cap < need) {
        size_t next = cap * 2;
        if (next <= cap)
            return -1;
        cap = next;
    }
    char *p;
    if (b->data == b->inline_store) {
        p = malloc(cap);
        if (p && b->len)
            memcpy(p, b->data, b->len);
    } else {
        p = realloc(b->data, cap);
    }
    if (!p)
        return -1;
    b->data = p;
    b->cap = cap;
    return 0;
}

int ujson_utf8_valid(const unsigned char *s, size_t n)
{
    const unsigned char *end = s + n;
    while (s < end) {
        if (*s < 0x80) {
            s++;
            continue;
        }
        uint32_t cp;
        size_t k = ujson_utf8_seq(s, end, 0, &cp);
        if (!k)
            return 0;
        s += k;
    }
    return 1;
}

HPy ujson_str_from_utf8(HPyContext *ctx, const char *s, size_t n,
                        int ascii_only, int plain, int nul_terminated,
                        ujson_buf *scratch)
{
    if (ascii_only && plain)
        return HPyUnicode_DecodeASCII(ctx, s, (HPy_ssize_t)n, "strict");
    if (plain && nul_terminated)
        return HPyUnicode_FromString(ctx, s);
    if (plain) {
        /* HPyUnicode_FromString needs a NUL-terminated copy */
        scratch->len = 0;
        if (ujson_buf_reserve(scratch, n + 1) < 0)
            return HPyErr_NoMemory(ctx);
        memcpy(scratch->data, s, n);
        scratch->data[n] = '\0';
        return HPyUnicode_FromString(ctx, scratch->data);
    }
    /* NULs and/or surrogates: go through wchar_t code units */
    scratch->len = 0;
    if (ujson_buf_reserve(scratch, (n + 1) * sizeof(wchar_t)) < 0)
        return HPyErr_NoMemory(ctx);
    wchar_t *w = (wchar_t *)scratch->data;
    size_t k = 0;
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        uint32_t cp = *p;
        if (cp < 0x80) {
            p++;
        } else {
            size_t l = ujson_utf8_seq(p, end, 1, &cp);
            if (!l) {                  /* cannot happen: input was checked */
                cp = 0xFFFD;
                l = 1;
            }
            p += l;
        }
        if (sizeof(wchar_t) == 2 && cp >= 0x10000) {
            cp -= 0x10000;
            w[k++] = (wchar_t)(0xD800 + (cp >> 10));
            w[k++] = (wchar_t)(0xDC00 + (cp & 0x3FF));
        } else {
            w[k++] = (wchar_t)cp;
        }
    }
    return HPyUnicode_FromWideChar(ctx, w, (HPy_ssize_t)k);
}

int ujson_str_to_wtf8(HPyContext *ctx, HPy s, ujson_buf *out)
{
    HPy_ssize_t n = HPy_Length(ctx, s);
    if (n < 0)
        return -1;
    if (ujson_buf_reserve(out, (size_t)n * 4) < 0) {
        HPyErr_NoMemory(ctx);
        return -1;
    }
    unsigned char *p = (unsigned char *)out->data + out->len;
    for (HPy_ssize_t i = 0; i < n; i++) {
        HPy_UCS4 c = HPyUnicode_ReadChar(ctx, s, i);
        if (c == (HPy_UCS4)-1 && HPyErr_Occurred(ctx))
            return -1;
        if (c < 0x80) {
            *p++ = (unsigned char)c;
        } else if (c < 0x800) {
            *p++ = (unsigned char)(0xC0 | (c >> 6));
            *p++ = (unsigned char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            *p++ = (unsigned char)(0xE0 | (c >> 12));
            *p++ = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
            *p++ = (unsigned char)(0x80 | (c & 0x3F));
        } else {
            *p++ = (unsigned char)(0xF0 | (c >> 18));
            *p++ = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
            *p++ = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
            *p++ = (unsigned char)(0x80 | (c & 0x3F));
        }
    }
    out->len = (size_t)((char *)p - out->data);
    return 0;
}
