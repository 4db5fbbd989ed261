/* Strings and bytes from C: every HPyUnicode_* and HPyBytes_* context function, as thin
 * wrappers for test/objects-strings.test.js. C strings come in as bytes objects (so that they
 * can hold any byte sequence) and go out as bytes objects. */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "hpy.h"

#define ARGS(lo, hi, usage)                                               \
    if (nargs < (lo) || nargs > (hi)) {                                   \
        HPyErr_SetString(ctx, ctx->h_TypeError, "usage: " usage);         \
        return HPy_NULL;                                                  \
    }

/* A NUL-terminated copy of a bytes object (caller frees), or NULL with an error set. */
static char *cbytes(HPyContext *ctx, HPy b, HPy_ssize_t *len)
{
    if (!HPyBytes_Check(ctx, b)) {
        HPyErr_SetString(ctx, ctx->h_TypeError, "expected bytes");
        return NULL;
    }
    HPy_ssize_t n = HPyBytes_Size(ctx, b);
    const char *p = HPyBytes_AsString(ctx, b);
    char *out = (char *)malloc((size_t)n + 1);
    memcpy(out, p, (size_t)n);
    out[n] = '\0';
    if (len)
        *len = n;
    return out;
}

/* None -> NULL, str -> its UTF-8 (valid while the argument lives). */
static const char *opt_str(HPyContext *ctx, HPy h, int *err)
{
    *err = 0;
    if (HPy_Is(ctx, h, ctx->h_None))
        return NULL;
    const char *s = HPyUnicode_AsUTF8AndSize(ctx, h, NULL);
    if (!s)
        *err = 1;
    return s;
}

/* ---- str from C ---------------------------------------------------------------------------- */

HPyDef_METH(from_string, "from_string", HPyFunc_O)
static HPy from_string_impl(HPyContext *ctx, HPy self, HPy b)
{
    char *s = cbytes(ctx, b, NULL);
    if (!s)
        return HPy_NULL;
    HPy r = HPyUnicode_FromString(ctx, s);
    free(s);
    return r;
}

HPyDef_METH(unicode_check, "unicode_check", HPyFunc_O)
static HPy unicode_check_impl(HPyContext *ctx, HPy self, HPy arg)
{
    return HPyLong_FromLong(ctx, HPyUnicode_Check(ctx, arg) ? 1 : 0);
}

/* as_utf8_and_size(s) -> (bytes of the buffer, size, buffer[size] == 0) */
HPyDef_METH(as_utf8_and_size, "as_utf8_and_size", HPyFunc_O)
static HPy as_utf8_and_size_impl(HPyContext *ctx, HPy self, HPy s)
{
    HPy_ssize_t n = -7;
    const char *p = HPyUnicode_AsUTF8AndSize(ctx, s, &n);
    if (!p)
        return HPy_NULL;
    HPy b = HPyBytes_FromStringAndSize(ctx, p, n);
    HPy size = HPyLong_FromSsize_t(ctx, n);
    HPy nul = HPyBool_FromBool(ctx, p[n] == '\0');
    HPy r = HPyTuple_Pack(ctx, 3, b, size, nul);
    HPy_Close(ctx, b);
    HPy_Close(ctx, size);
    HPy_Close(ctx, nul);
    return r;
}

/* as_utf8_nosize(s): HPyUnicode_AsUTF8AndSize with a NULL size pointer, read up to the NUL. */
HPyDef_METH(as_utf8_nosize, "as_utf8_nosize", HPyFunc_O)
static HPy as_utf8_nosize_impl(HPyContext *ctx, HPy self, HPy s)
{
    const char *p = HPyUnicode_AsUTF8AndSize(ctx, s, NULL);
    if (!p)
        return HPy_NULL;
    return HPyBytes_FromString(ctx, p);
}

HPyDef_METH(as_ascii, "as_ascii", HPyFunc_O)
static HPy as_ascii_impl(HPyContext *ctx, HPy self, HPy s)
{
    return HPyUnicode_AsASCIIString(ctx, s);
}

HPyDef_METH(as_latin1, "as_latin1", HPyFunc_O)
static HPy as_latin1_impl(HPyContext *ctx, HPy self, HPy s)
{
    return HPyUnicode_AsLatin1String(ctx, s);
}

HPyDef_METH(as_utf8, "as_utf8", HPyFunc_O)
static HPy as_utf8_impl(HPyContext *ctx, HPy self, HPy s)
{
    return HPyUnicode_AsUTF8String(ctx, s);
}

HPyDef_METH(encode_fs, "encode_fs", HPyFunc_O)
static HPy encode_fs_impl(HPyContext *ctx, HPy self, HPy s)
{
    return HPyUnicode_EncodeFSDefault(ctx, s);
}

/* from_wide(list of code units, use_minus_one) -> HPyUnicode_FromWideChar; with
 * use_minus_one the array is NUL-terminated and passed with size -1. */
HPyDef_METH(from_wide, "from_wide", HPyFunc_VARARGS)
static HPy from_wide_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, 2, "from_wide(units, nul_terminated)");
    HPy_ssize_t n = HPy_Length(ctx, args[0]);
    if (n < 0)
        return HPy_NULL;
    wchar_t *w = (wchar_t *)calloc((size_t)n + 1, sizeof(wchar_t));
    for (HPy_ssize_t i = 0; i < n; i++) {
        HPy item = HPy_GetItem_i(ctx, args[0], i);
        w[i] = (wchar_t)HPyLong_AsUInt32_t(ctx, item);
        HPy_Close(ctx, item);
    }
    if (HPyErr_Occurred(ctx)) {
        free(w);
        return HPy_NULL;
    }
    int nul = HPy_IsTrue(ctx, args[1]);
    HPy r = HPyUnicode_FromWideChar(ctx, w, nul ? -1 : n);
    free(w);
    return r;
}

HPyDef_METH(wchar_size, "wchar_size", HPyFunc_NOARGS)
static HPy wchar_size_impl(HPyContext *ctx, HPy self)
{
    return HPyLong_FromSize_t(ctx, sizeof(wchar_t));
}

HPyDef_METH(decode_fs, "decode_fs", HPyFunc_O)
static HPy decode_fs_impl(HPyContext *ctx, HPy self, HPy b)
{
    char *s = cbytes(ctx, b, NULL);
    if (!s)
        return HPy_NULL;
    HPy r = HPyUnicode_DecodeFSDefault(ctx, s);
    free(s);
    return r;
}

/* decode_fs_size(bytes, n): the first n bytes (may contain NULs) */
HPyDef_METH(decode_fs_size, "decode_fs_size", HPyFunc_VARARGS)
static HPy decode_fs_size_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, 2, "decode_fs_size(bytes, n)");
    char *s = cbytes(ctx, args[0], NULL);
    if (!s)
        return HPy_NULL;
    HPy r = HPyUnicode_DecodeFSDefaultAndSize(ctx, s, HPyLong_AsSsize_t(ctx, args[1]));
    free(s);
    return r;
}

/* decode_ascii(bytes[, errors]) / decode_latin1(bytes[, errors]): errors None -> NULL */
HPyDef_METH(decode_ascii, "decode_ascii", HPyFunc_VARARGS)
static HPy decode_ascii_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(1, 2, "decode_ascii(bytes[, errors])");
    int err;
    const char *errors = nargs > 1 ? opt_str(ctx, args[1], &err) : (err = 0, NULL);
    if (err)
        return HPy_NULL;
    HPy_ssize_t n;
    char *s = cbytes(ctx, args[0], &n);
    if (!s)
        return HPy_NULL;
    HPy r = HPyUnicode_DecodeASCII(ctx, s, n, errors);
    free(s);
    return r;
}

HPyDef_METH(decode_latin1, "decode_latin1", HPyFunc_VARARGS)
static HPy decode_latin1_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(1, 2, "decode_latin1(bytes[, errors])");
    int err;
    const char *errors = nargs > 1 ? opt_str(ctx, args[1], &err) : (err = 0, NULL);
    if (err)
        return HPy_NULL;
    HPy_ssize_t n;
    char *s = cbytes(ctx, args[0], &n);
    if (!s)
        return HPy_NULL;
    HPy r = HPyUnicode_DecodeLatin1(ctx, s, n, errors);
    free(s);
    return r;
}

/* from_encoded(obj[, encoding[, errors]]): None -> NULL */
HPyDef_METH(from_encoded, "from_encoded", HPyFunc_VARARGS)
static HPy from_encoded_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(1, 3, "from_encoded(obj[, encoding[, errors]])");
    int err1 = 0, err2 = 0;
    const char *encoding = nargs > 1 ? opt_str(ctx, args[1], &err1) : NULL;
    const char *errors = nargs > 2 ? opt_str(ctx, args[2], &err2) : NULL;
    if (err1 || err2)
        return HPy_NULL;
    return HPyUnicode_FromEncodedObject(ctx, args[0], encoding, errors);
}

HPyDef_METH(read_char, "read_char", HPyFunc_VARARGS)
static HPy read_char_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, 2, "read_char(s, i)");
    HPy_ssize_t i = HPyLong_AsSsize_t(ctx, args[1]);
    if (i == -1 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    HPy_UCS4 c = HPyUnicode_ReadChar(ctx, args[0], i);
    if (c == (HPy_UCS4)-1 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    return HPyLong_FromUInt32_t(ctx, c);
}

/* scan(s) -> (len, [ReadChar(s, i)], [s[i] by HPy_GetItem_i], [s[-1 - i] by HPy_GetItem]) with
 * HPy_Length in every loop condition: the reads a C loop over a str makes. */
static HPy scan_list(HPyContext *ctx, HPy s, int how)
{
    HPyListBuilder lb = HPyListBuilder_New(ctx, HPy_Length(ctx, s));
    for (HPy_ssize_t i = 0; i < HPy_Length(ctx, s); i++) {
        HPy item;
        if (how == 0) {
            HPy_UCS4 c = HPyUnicode_ReadChar(ctx, s, i);
            item = (c == (HPy_UCS4)-1 && HPyErr_Occurred(ctx)) ? HPy_NULL : HPyLong_FromUInt32_t(ctx, c);
        } else if (how == 1) {
            item = HPy_GetItem_i(ctx, s, i);
        } else {
            HPy k = HPyLong_FromSsize_t(ctx, -1 - i);
            item = HPy_GetItem(ctx, s, k);
            HPy_Close(ctx, k);
        }
        if (HPy_IsNull(item)) {
            HPyListBuilder_Cancel(ctx, lb);
            return HPy_NULL;
        }
        HPyListBuilder_Set(ctx, lb, i, item);
        HPy_Close(ctx, item);
    }
    return HPyListBuilder_Build(ctx, lb);
}

HPyDef_METH(scan, "scan", HPyFunc_O)
static HPy scan_impl(HPyContext *ctx, HPy self, HPy s)
{
    HPy_ssize_t n = HPy_Length(ctx, s);
    if (n < 0)
        return HPy_NULL;
    HPy parts[4] = { HPyLong_FromSsize_t(ctx, n), scan_list(ctx, s, 0), scan_list(ctx, s, 1), scan_list(ctx, s, 2) };
    HPy r = HPy_NULL;
    if (!HPy_IsNull(parts[1]) && !HPy_IsNull(parts[2]) && !HPy_IsNull(parts[3]))
        r = HPyTuple_FromArray(ctx, parts, 4);
    for (int i = 0; i < 4; i++)
        HPy_Close(ctx, parts[i]);
    return r;
}

HPyDef_METH(substring, "substring", HPyFunc_VARARGS)
static HPy substring_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(3, 3, "substring(s, start, end)");
    HPy_ssize_t a = HPyLong_AsSsize_t(ctx, args[1]);
    HPy_ssize_t b = HPyLong_AsSsize_t(ctx, args[2]);
    if (HPyErr_Occurred(ctx))
        return HPy_NULL;
    return HPyUnicode_Substring(ctx, args[0], a, b);
}

/* A str made in C and read back in C: UTF-8 -> str -> UTF-8 must give the same bytes. */
HPyDef_METH(utf8_roundtrip, "utf8_roundtrip", HPyFunc_O)
static HPy utf8_roundtrip_impl(HPyContext *ctx, HPy self, HPy b)
{
    HPy_ssize_t n;
    char *s = cbytes(ctx, b, &n);
    if (!s)
        return HPy_NULL;
    HPy u = HPyUnicode_FromString(ctx, s);
    if (HPy_IsNull(u)) {
        free(s);
        return HPy_NULL;
    }
    HPy_ssize_t m;
    const char *back = HPyUnicode_AsUTF8AndSize(ctx, u, &m);
    int same = back && m == n && memcmp(back, s, (size_t)n) == 0;
    free(s);
    HPy_Close(ctx, u);
    if (!back)
        return HPy_NULL;
    return HPyBool_FromBool(ctx, same);
}

/* ---- bytes from C -------------------------------------------------------------------------- */

HPyDef_METH(bytes_check, "bytes_check", HPyFunc_O)
static HPy bytes_check_impl(HPyContext *ctx, HPy self, HPy arg)
{
    return HPyLong_FromLong(ctx, HPyBytes_Check(ctx, arg) ? 1 : 0);
}

HPyDef_METH(bytes_size, "bytes_size", HPyFunc_O)
static HPy bytes_size_impl(HPyContext *ctx, HPy self, HPy arg)
{
    HPy_ssize_t n = HPyBytes_Size(ctx, arg);
    if (n == -1 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    return HPyLong_FromSsize_t(ctx, n);
}

HPyDef_METH(bytes_get_size, "bytes_get_size", HPyFunc_O)
static HPy bytes_get_size_impl(HPyContext *ctx, HPy self, HPy arg)
{
    return HPyLong_FromSsize_t(ctx, HPyBytes_GET_SIZE(ctx, arg));
}

/* bytes_as_string(b) -> (copy of the buffer's Size bytes, buffer[size] == 0) */
HPyDef_METH(bytes_as_string, "bytes_as_string", HPyFunc_O)
static HPy bytes_as_string_impl(HPyContext *ctx, HPy self, HPy arg)
{
    const char *p = HPyBytes_AsString(ctx, arg);
    if (!p)
        return HPy_NULL;
    HPy_ssize_t n = HPyBytes_Size(ctx, arg);
    HPy b = HPyBytes_FromStringAndSize(ctx, p, n);
    HPy nul = HPyBool_FromBool(ctx, p[n] == '\0');
    HPy r = HPyTuple_Pack(ctx, 2, b, nul);
    HPy_Close(ctx, b);
    HPy_Close(ctx, nul);
    return r;
}

HPyDef_METH(bytes_AS_STRING, "bytes_AS_STRING", HPyFunc_O)
static HPy bytes_AS_STRING_impl(HPyContext *ctx, HPy self, HPy arg)
{
    const char *p = HPyBytes_AS_STRING(ctx, arg);
    return HPyBytes_FromStringAndSize(ctx, p, HPyBytes_GET_SIZE(ctx, arg));
}

/* bytes_from_string(b): HPyBytes_FromString(b's buffer), i.e. up to the first NUL */
HPyDef_METH(bytes_from_string, "bytes_from_string", HPyFunc_O)
static HPy bytes_from_string_impl(HPyContext *ctx, HPy self, HPy b)
{
    char *s = cbytes(ctx, b, NULL);
    if (!s)
        return HPy_NULL;
    HPy r = HPyBytes_FromString(ctx, s);
    free(s);
    return r;
}

/* bytes_from_string_and_size(b, n): the first n bytes of b's buffer */
HPyDef_METH(bytes_from_string_and_size, "bytes_from_string_and_size", HPyFunc_VARARGS)
static HPy bytes_from_string_and_size_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, 2, "bytes_from_string_and_size(bytes, n)");
    char *s = cbytes(ctx, args[0], NULL);
    if (!s)
        return HPy_NULL;
    HPy_ssize_t n = HPyLong_AsSsize_t(ctx, args[1]);
    HPy r = HPyErr_Occurred(ctx) ? HPy_NULL : HPyBytes_FromStringAndSize(ctx, s, n);
    free(s);
    return r;
}

/* HPyBytes_FromStringAndSize(NULL, n) */
HPyDef_METH(bytes_from_null, "bytes_from_null", HPyFunc_O)
static HPy bytes_from_null_impl(HPyContext *ctx, HPy self, HPy n)
{
    return HPyBytes_FromStringAndSize(ctx, NULL, HPyLong_AsSsize_t(ctx, n));
}

/* bytes_as_string_then_call(b, f): HPyBytes_AsString(b), then f(), then strlen of the string: the
 * string must stay b's bytes and NUL-terminated whatever f does to other buffers. */
HPyDef_METH(bytes_as_string_then_call, "bytes_as_string_then_call", HPyFunc_VARARGS)
static HPy bytes_as_string_then_call_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    if (nargs != 2) {
        HPyErr_SetString(ctx, ctx->h_TypeError, "bytes_as_string_then_call(b, f)");
        return HPy_NULL;
    }
    const char *p = HPyBytes_AsString(ctx, args[0]);
    if (!p)
        return HPy_NULL;
    HPy r = HPy_Call(ctx, args[1], NULL, 0, HPy_NULL);
    if (HPy_IsNull(r))
        return HPy_NULL;
    HPy_Close(ctx, r);
    return HPyLong_FromSize_t(ctx, strlen(p));
}

/* A bytes object made in C is a fresh copy: changing the C buffer afterwards changes nothing. */
HPyDef_METH(bytes_copy_semantics, "bytes_copy_semantics", HPyFunc_NOARGS)
static HPy bytes_copy_semantics_impl(HPyContext *ctx, HPy self)
{
    char buf[4] = {'a', 'b', 'c', 'd'};
    HPy b = HPyBytes_FromStringAndSize(ctx, buf, 4);
    buf[0] = 'X';
    return b;
}

static HPyDef *module_defines[] = {
    &from_string, &unicode_check, &as_utf8_and_size, &as_utf8_nosize, &as_ascii, &as_latin1, &as_utf8,
    &encode_fs, &from_wide, &wchar_size, &decode_fs, &decode_fs_size, &decode_ascii, &decode_latin1,
    &from_encoded, &read_char, &scan, &substring, &utf8_roundtrip,
    &bytes_check, &bytes_size, &bytes_get_size, &bytes_as_string, &bytes_AS_STRING, &bytes_from_string,
    &bytes_from_string_and_size, &bytes_from_null, &bytes_copy_semantics, &bytes_as_string_then_call,
    NULL,
};

static HPyModuleDef moduledef = {
    .doc = "strings and bytes from C",
    .defines = module_defines,
};

HPy_MODINIT(obj_strings, moduledef)
