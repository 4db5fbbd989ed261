/*
 * hpy-node helper runtime: HPy_BuildValue.
 *
 * Compiled into each extension; uses only the public HPy API.
 *
 * Format units (the set HPy 0.9 defines):
 *
 *   i int, I unsigned int, l long, k unsigned long, L long long,
 *   K unsigned long long, n HPy_ssize_t      -> int
 *   f, d double (a float argument is promoted to double) -> float
 *   s const char * (UTF-8)                  -> str (None for a NULL pointer)
 *   O, S HPy                                -> the object itself (the handle
 *                                              stays owned by the caller)
 *   (...)                                   -> tuple
 *   [...]                                   -> list
 *   {k:v, ...}                              -> dict
 *
 * 'N' (steal a reference) has no meaning in HPy and raises SystemError.
 * Items may be separated by ',' and blanks.  A format with no unit gives
 * None, with exactly one unit that unit's value, with more a tuple.
 *
 * A NULL handle for 'O'/'S' is taken as "the call that produced it failed":
 * the pending exception is kept (SystemError if there is none).
 */

#include "hpy.h"

#include <stdio.h>
#include <string.h>

#define BV_ERRBUF 160

typedef struct {
    const char *p;      /* current position in the format */
    va_list *va;
} bv_state;

static void
bv_error(HPyContext *ctx, const char *msg)
{
    HPyErr_SetString(ctx, ctx->h_SystemError, msg);
}

static void
bv_error_char(HPyContext *ctx, const char *before, char c, const char *after)
{
    char buf[BV_ERRBUF];
    snprintf(buf, sizeof buf, "%s'%c'%s", before, c, after);
    bv_error(ctx, buf);
}

static int
bv_is_sep(char c)
{
    return c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int
bv_is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static char
bv_closer_of(char open)
{
    return open == '(' ? ')' : open == '[' ? ']' : '}';
}

/*
 * Check that all brackets of the format are balanced and properly nested.
 * On failure raise SystemError naming the outermost bracket that is left
 * open, or the stray closing bracket.
 */
static int
bv_check_brackets(HPyContext *ctx, const char *fmt)
{
    char outer = 0;        /* outermost currently open bracket */
    char stack[64];
    size_t depth = 0, overflow = 0;   /* overflow: depth beyond the stack */
    const char *p;

    for (p = fmt; *p != '\0'; p++) {
        char c = *p;
        if (c == '(' || c == '[' || c == '{') {
            if (depth == 0 && overflow == 0)
                outer = c;
            if (depth < sizeof stack)
                stack[depth++] = c;
            else
                overflow++;
        } else if (c == ')' || c == ']' || c == '}') {
            if (overflow > 0) {
                overflow--;     /* too deep to check; accept */
                continue;
            }
            if (depth == 0) {
                bv_error_char(ctx, "unmatched ", c,
                              " in the format string passed to HPy_BuildValue");
                return 0;
            }
            if (bv_closer_of(stack[depth - 1]) != c) {
                bv_error_char(ctx, "unmatched ", outer,
                              " in the format string passed to HPy_BuildValue");
                return 0;
            }
            depth--;
        }
    }
    if (depth > 0 || overflow > 0) {
        bv_error_char(ctx, "unmatched ", outer,
                      " in the format string passed to HPy_BuildValue");
        return 0;
    }
    return 1;
}

/* Number of items between p and the closing bracket `stop` of the current
   level ('\0' for the top level).  The brackets are known to be balanced. */
static HPy_ssize_t
bv_count(const char *p, char stop)
{
    HPy_ssize_t n = 0;
    int depth = 0;
    for (; *p != '\0'; p++) {
        char c = *p;
        if (depth == 0 && c == stop)
            break;
        if (c == '(' || c == '[' || c == '{') {
            if (depth == 0)
                n++;
            depth++;
        } else if (c == ')' || c == ']' || c == '}') {
            depth--;
        } else if (depth == 0 && !bv_is_sep(c)) {
            n++;
        }
    }
    return n;
}

static void
bv_skip_seps(bv_state *st)
{
    while (bv_is_sep(*st->p))
        st->p++;
}

static void
bv_skip_blanks(bv_state *st)
{
    while (bv_is_blank(*st->p))
        st->p++;
}

static HPy bv_item(HPyContext *ctx, bv_state *st, int *borrowed);

static HPy
bv_tuple(HPyContext *ctx, bv_state *st, char stop)
{
    HPy_ssize_t n = bv_count(st->p, stop), i;
    HPyTupleBuilder tb = HPyTupleBuilder_New(ctx, n);
    for (i = 0; i < n; i++) {
        int borrowed;
        HPy item;
        bv_skip_seps(st);
        item = bv_item(ctx, st, &borrowed);
        if (HPy_IsNull(item)) {
            HPyTupleBuilder_Cancel(ctx, tb);
            return HPy_NULL;
        }
        HPyTupleBuilder_Set(ctx, tb, i, item);
        if (!borrowed)
            HPy_Close(ctx, item);
    }
    bv_skip_seps(st);
    if (*st->p != stop) {
        /* cannot happen once the brackets have been checked */
        HPyTupleBuilder_Cancel(ctx, tb);
        bv_error(ctx, "internal error in HPy_BuildValue");
        return HPy_NULL;
    }
    if (stop != '\0')
        st->p++;
    return HPyTupleBuilder_Build(ctx, tb);
}

static HPy
bv_list(HPyContext *ctx, bv_state *st)
{
    HPy_ssize_t n = bv_count(st->p, ']'), i;
    HPyListBuilder lb = HPyListBuilder_New(ctx, n);
    for (i = 0; i < n; i++) {
        int borrowed;
        HPy item;
        bv_skip_seps(st);
        item = bv_item(ctx, st, &borrowed);
        if (HPy_IsNull(item)) {
            HPyListBuilder_Cancel(ctx, lb);
            return HPy_NULL;
        }
        HPyListBuilder_Set(ctx, lb, i, item);
        if (!borrowed)
            HPy_Close(ctx, item);
    }
    bv_skip_seps(st);
    if (*st->p != ']') {
        HPyListBuilder_Cancel(ctx, lb);
        bv_error(ctx, "internal error in HPy_BuildValue");
        return HPy_NULL;
    }
    st->p++;
    return HPyListBuilder_Build(ctx, lb);
}

static HPy
bv_dict(HPyContext *ctx, bv_state *st)
{
    HPy dict = HPyDict_New(ctx);
    int need_comma = 0;
    if (HPy_IsNull(dict))
        return HPy_NULL;
    for (;;) {
        HPy key, value;
        int key_borrowed, value_borrowed, rc;

        bv_skip_blanks(st);
        if (*st->p == '}')
            break;
        if (*st->p == ',') {
            if (!need_comma) {
                bv_error(ctx, "unexpected ',' in the format string passed "
                              "to HPy_BuildValue");
                goto fail;
            }
            need_comma = 0;
            st->p++;
            continue;
        }
        if (need_comma) {
            bv_error(ctx, "missing ',' in the format string passed to "
                          "HPy_BuildValue");
            goto fail;
        }

        key = bv_item(ctx, st, &key_borrowed);
        if (HPy_IsNull(key))
            goto fail;
        bv_skip_blanks(st);
        if (*st->p != ':') {
            bv_error(ctx, "missing ':' in the format string passed to "
                          "HPy_BuildValue");
            if (!key_borrowed)
                HPy_Close(ctx, key);
            goto fail;
        }
        st->p++;
        bv_skip_blanks(st);
        value = bv_item(ctx, st, &value_borrowed);
        if (HPy_IsNull(value)) {
            if (!key_borrowed)
                HPy_Close(ctx, key);
            goto fail;
        }
        rc = HPy_SetItem(ctx, dict, key, value);
        if (!key_borrowed)
            HPy_Close(ctx, key);
        if (!value_borrowed)
            HPy_Close(ctx, value);
        if (rc < 0)
            goto fail;
        need_comma = 1;
    }
    st->p++;    /* the '}' */
    return dict;

fail:
    HPy_Close(ctx, dict);
    return HPy_NULL;
}

/*
 * Build the value of the unit at st->p and advance past it.  *borrowed is
 * set when the result is a handle owned by the caller of HPy_BuildValue
 * ('O'/'S'), which must then be duplicated rather than closed.
 */
static HPy
bv_item(HPyContext *ctx, bv_state *st, int *borrowed)
{
    char c = *st->p++;
    *borrowed = 0;
    switch (c) {
    case '(':
        return bv_tuple(ctx, st, ')');
    case '[':
        return bv_list(ctx, st);
    case '{':
        return bv_dict(ctx, st);
    case 'i':
        return HPyLong_FromLong(ctx, (long)va_arg(*st->va, int));
    case 'I':
        return HPyLong_FromUnsignedLong(ctx,
                   (unsigned long)va_arg(*st->va, unsigned int));
    case 'l':
        return HPyLong_FromLong(ctx, va_arg(*st->va, long));
    case 'k':
        return HPyLong_FromUnsignedLong(ctx, va_arg(*st->va, unsigned long));
    case 'L':
        return HPyLong_FromLongLong(ctx, va_arg(*st->va, long long));
    case 'K':
        return HPyLong_FromUnsignedLongLong(ctx,
                   va_arg(*st->va, unsigned long long));
    case 'n':
        return HPyLong_FromSsize_t(ctx, va_arg(*st->va, HPy_ssize_t));
    case 'f':
    case 'd':
        return HPyFloat_FromDouble(ctx, va_arg(*st->va, double));
    case 's': {
        const char *s = va_arg(*st->va, const char *);
        if (s == NULL)
            return HPy_Dup(ctx, ctx->h_None);
        return HPyUnicode_FromString(ctx, s);
    }
    case 'O':
    case 'S': {
        HPy h = va_arg(*st->va, HPy);
        if (HPy_IsNull(h)) {
            if (!HPyErr_Occurred(ctx))
                bv_error(ctx, "HPy_NULL object passed to HPy_BuildValue");
            return HPy_NULL;
        }
        *borrowed = 1;
        return h;
    }
    case 'N':
        bv_error(ctx, "HPy_BuildValue does not support the 'N' formatting "
                      "unit. HPy functions never take over ('steal') a "
                      "handle: pass the object with 'O' and close your "
                      "handle afterwards if you no longer need it.");
        return HPy_NULL;
    default:
        bv_error_char(ctx, "bad format char ", c,
                      " in the format string passed to HPy_BuildValue");
        return HPy_NULL;
    }
}

HPyAPI_HELPER HPy
HPy_BuildValue(HPyContext *ctx, const char *fmt, ...)
{
    va_list va;
    bv_state st;
    HPy_ssize_t n;
    HPy result;

    if (fmt == NULL) {
        bv_error(ctx, "NULL format passed to HPy_BuildValue");
        return HPy_NULL;
    }
    if (!bv_check_brackets(ctx, fmt))
        return HPy_NULL;

    va_start(va, fmt);
    st.p = fmt;
    st.va = &va;
    n = bv_count(fmt, '\0');
    if (n == 0) {
        result = HPy_Dup(ctx, ctx->h_None);
    } else if (n == 1) {
        int borrowed;
        bv_skip_seps(&st);
        result = bv_item(ctx, &st, &borrowed);
        if (!HPy_IsNull(result) && borrowed)
            result = HPy_Dup(ctx, result);
    } else {
        result = bv_tuple(ctx, &st, '\0');
    }
    va_end(va);
    return result;
}
