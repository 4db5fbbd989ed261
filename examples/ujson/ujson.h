/*
 * ujson for HPy -- shared declarations.
 *
 * An ultrajson-compatible JSON encoder/decoder written against the HPy API
 * (universal ABI).  The module is split by job:
 *
 *   module.c   module definition, the Python-visible functions, JSONDecodeError
 *   options.c  keyword-argument parsing and conversion of the dumps options
 *   buffer.c   growable output buffer and UTF-8 helpers
 *   encoder.c  Python objects -> JSON text
 *   decoder.c  JSON text -> Python objects
 *   dtoa.c     double -> shortest round-trip decimal text (Grisu3 + fallback)
 */
#ifndef UJSON_HPY_H
#define UJSON_HPY_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "hpy.h"

#define UJSON_VERSION "5.7.0+hpy"

/* Deepest container nesting accepted by dumps (containers nested 1025 deep
 * are fine, 1026 raise OverflowError) and by loads (1024 fine, 1025 raise),
 * the same limits as ultrajson. */
#define UJSON_ENCODE_MAX_DEPTH 1024
#define UJSON_DECODE_MAX_DEPTH 1024

/* ---------------------------------------------------------------- buffer */

typedef struct {
    char *data;
    size_t len;
    size_t cap;
    char inline_store[512];
} ujson_buf;

void ujson_buf_init(ujson_buf *b);
void ujson_buf_free(ujson_buf *b);
/* Grow so that at least `extra` more bytes fit; 0 on success, -1 on OOM
 * (no Python error set: callers raise MemoryError). */
int ujson_buf_grow(ujson_buf *b, size_t extra);

static inline int ujson_buf_reserve(ujson_buf *b, size_t extra)
{
    if (b->cap - b->len >= extra)
        return 0;
    return ujson_buf_grow(b, extra);
}

static inline int ujson_buf_put(ujson_buf *b, const char *s, size_t n)
{
    if (ujson_buf_reserve(b, n) < 0)
        return -1;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    return 0;
}

/* Length of the valid UTF-8 sequence starting at s[0] (a lead byte >= 0x80),
 * or 0 when invalid.  Surrogate code points (ED A0..BF xx) are accepted when
 * allow_surrogates is set (they come from Python strs holding lone
 * surrogates, transcoded by ujson_str_to_wtf8). */
static inline size_t ujson_utf8_seq(const unsigned char *s,
                                    const unsigned char *end,
                                    int allow_surrogates, uint32_t *cp)
{
    unsigned c = s[0];
    size_t avail = (size_t)(end - s);
    if (c < 0xC2)
        return 0;                      /* continuation byte or overlong */
    if (c < 0xE0) {
        if (avail < 2 || (s[1] & 0xC0) != 0x80)
            return 0;
        *cp = ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
        return 2;
    }
    if (c < 0xF0) {
        if (avail < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        if (c == 0xE0 && s[1] < 0xA0)
            return 0;                  /* overlong */
        if (c == 0xED && s[1] >= 0xA0 && !allow_surrogates)
            return 0;                  /* surrogate */
        *cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6)
              | (s[2] & 0x3F);
        return 3;
    }
    if (c < 0xF5) {
        if (avail < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80
            || (s[3] & 0xC0) != 0x80)
            return 0;
        if (c == 0xF0 && s[1] < 0x90)
            return 0;                  /* overlong */
        if (c == 0xF4 && s[1] >= 0x90)
            return 0;                  /* > U+10FFFF */
        *cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12)
              | ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        return 4;
    }
    return 0;
}

/* Strict UTF-8 validation (no surrogates); returns 1 when valid. */
int ujson_utf8_valid(const unsigned char *s, size_t n);

/* Build a Python str from a UTF-8 buffer that may hold encoded surrogates
 * (WTF-8) or NUL bytes.  `ascii_only` / `plain` describe the text: plain
 * means valid UTF-8 without NUL and without surrogates.  `nul_terminated`:
 * s[n] is a NUL byte (saves a copy). */
HPy ujson_str_from_utf8(HPyContext *ctx, const char *s, size_t n,
                        int ascii_only, int plain, int nul_terminated,
                        ujson_buf *scratch);

/* Read a str that cannot be encoded to UTF-8 (lone surrogates) code point by
 * code point into `out` as WTF-8.  Returns 0, or -1 with an error set. */
int ujson_str_to_wtf8(HPyContext *ctx, HPy s, ujson_buf *out);

/* ----------------------------------------------------------------- dtoa */

/* Python-repr style shortest round-trip text of a finite double, with an
 * unpadded exponent ("1e+16", "1e-5", "0.1", "100.0").  `out` needs 32
 * bytes; returns the length written (no NUL). */
int ujson_dtoa_shortest(double v, char *out);
/* At most `decimals` digits after the point, trailing zeros trimmed
 * (the double_precision option).  `out` needs 64 bytes. */
int ujson_dtoa_fixed(double v, int decimals, char *out);

/* -------------------------------------------------------------- options */

typedef struct {
    int ensure_ascii;
    int encode_html_chars;
    int escape_forward_slashes;
    int sort_keys;
    int indent;
    int allow_nan;
    int reject_bytes;
    int double_precision;           /* -1: shortest round-trip */
    HPy default_fn;                 /* borrowed, HPy_NULL if none */
    const char *item_sep; size_t item_sep_len;
    const char *key_sep; size_t key_sep_len;
    HPy sep_item_h, sep_key_h;      /* owned strs backing the separators */
} ujson_encode_opts;

/* Generic fast-call argument binder: fills out[i] (borrowed handles, HPy_NULL
 * when absent) from positional args and kwnames.  `nrequired` leading
 * parameters are mandatory.  Returns 0, or -1 with TypeError set. */
int ujson_bind_args(HPyContext *ctx, const char *fname,
                    const char *const *names, int nnames, int nrequired,
                    const HPy *args, size_t nargs, HPy kwnames, HPy *out);

/* Convert the dumps options (handles in the order of ujson_encode_opt_names)
 * into `o`.  Returns 0 or -1 with an error set. */
int ujson_parse_encode_opts(HPyContext *ctx, const HPy *h, ujson_encode_opts *o);
/* Close the handles held by `o` (always call after a successful parse). */
void ujson_release_encode_opts(HPyContext *ctx, ujson_encode_opts *o);

/* Option names of dumps after `obj`, in positional order. */
#define UJSON_N_ENCODE_OPTS 10
extern const char *const ujson_encode_opt_names[UJSON_N_ENCODE_OPTS];

/* -------------------------------------------------------------- encoder */

/* Encode obj to JSON text in `out` (not NUL-terminated).  Returns 0 or -1
 * with an error set.  *nonascii / *special report whether the text holds
 * bytes >= 0x80 and surrogates / NULs (to pick the str constructor). */
int ujson_encode(HPyContext *ctx, HPy obj, const ujson_encode_opts *o,
                 ujson_buf *out, int *nonascii, int *special);

/* -------------------------------------------------------------- decoder */

/* Decode JSON text.  `jsonerror` is the JSONDecodeError class (borrowed).
 * `trusted`: the text is the UTF-8 (or WTF-8) of a str, so it needs no
 * validation; bytes input is validated.  Encoded surrogates are accepted
 * either way (as ultrajson accepts them). */
HPy ujson_decode(HPyContext *ctx, const char *s, size_t n, int trusted,
                 HPy jsonerror);

#endif /* UJSON_HPY_H */
