/*
 * module.c -- the ujson module: dumps/encode, dump, loads/decode, load,
 * JSONDecodeError and __version__.
 */
#include <stdio.h>
#include <string.h>
#include "ujson.h"

static HPyGlobal g_JSONDecodeError;

/* ------------------------------------------------------------ encode */

/* The JSON text in `b` as a Python str. */
static HPy text_to_str(HPyContext *ctx, ujson_buf *b, int nonascii, int special)
{
    if (!special && !nonascii)
        return HPyUnicode_DecodeASCII(ctx, b->data, (HPy_ssize_t)b->len, "strict");
    if (!special) {
        if (ujson_buf_reserve(b, 1) < 0)
            return HPyErr_NoMemory(ctx);
        b->data[b->len] = '\0';
        return HPyUnicode_FromString(ctx, b->data);
    }
    ujson_buf scratch;
    ujson_buf_init(&scratch);
    HPy r = ujson_str_from_utf8(ctx, b->data, b->len, 0, 0, 0, &scratch);
    ujson_buf_free(&scratch);
    return r;
}

/* Encode obj with the options in opt_handles (see ujson_encode_opt_names). */
static HPy encode_to_str(HPyContext *ctx, HPy obj, const HPy *opt_handles)
{
    ujson_encode_opts o;
    if (ujson_parse_encode_opts(ctx, opt_handles, &o) < 0)
        return HPy_NULL;
    ujson_buf out;
    ujson_buf_init(&out);
    int nonascii = 0, special = 0;
    HPy r = HPy_NULL;
    if (ujson_encode(ctx, obj, &o, &out, &nonascii, &special) == 0)
        r = text_to_str(ctx, &out, nonascii, special);
    ujson_buf_free(&out);
    ujson_release_encode_opts(ctx, &o);
    return r;
}

static const char *const dumps_names[1 + UJSON_N_ENCODE_OPTS] = {
    "obj", "ensure_ascii", "encode_html_chars", "escape_forward_slashes",
    "sort_keys", "indent", "allow_nan", "reject_bytes", "default",
    "separators", "double_precision",
};

static const char *const dump_names[2 + UJSON_N_ENCODE_OPTS] = {
    "obj", "fp", "ensure_ascii", "encode_html_chars", "escape_forward_slashes",
    "sort_keys", "indent", "allow_nan", "reject_bytes", "default",
    "separators", "double_precision",
};

#define DUMPS_DOC \
    "dumps(obj, ensure_ascii=True, encode_html_chars=False, " \
    "escape_forward_slashes=True, sort_keys=False, indent=0, allow_nan=True, " \
    "reject_bytes=True, default=None, separators=None, double_precision=None)\n" \
    "--\n\n" \
    "Serialise obj to a JSON str.  ensure_ascii=False keeps non-ASCII text " \
    "as is; encode_html_chars=True escapes < > &; escape_forward_slashes=False " \
    "leaves / alone; allow_nan=False raises OverflowError on NaN/Infinity; " \
    "reject_bytes=False encodes bytes as UTF-8 text; default(o) is called for " \
    "objects that are not JSON types; separators=(item, key); " \
    "double_precision=N prints floats with at most N decimals (default: " \
    "shortest round-trip text)."

static HPy dumps_common(HPyContext *ctx, const char *fname, const HPy *args,
                        size_t nargs, HPy kwnames)
{
    HPy h[1 + UJSON_N_ENCODE_OPTS];
    if (nargs == 1 && HPy_IsNull(kwnames)) {          /* fast path */
        h[0] = args[0];
        for (int i = 1; i < 1 + UJSON_N_ENCODE_OPTS; i++)
            h[i] = HPy_NULL;
    } else if (ujson_bind_args(ctx, fname, dumps_names, 1 + UJSON_N_ENCODE_OPTS,
                               1, args, nargs, kwnames, h) < 0) {
        return HPy_NULL;
    }
    return encode_to_str(ctx, h[0], h + 1);
}

HPyDef_METH(dumps_def, "dumps", HPyFunc_KEYWORDS, .doc = DUMPS_DOC)
static HPy dumps_def_impl(HPyContext *ctx, HPy self, const HPy *args,
                          size_t nargs, HPy kwnames)
{
    return dumps_common(ctx, "dumps", args, nargs, kwnames);
}

HPyDef_METH(encode_def, "encode", HPyFunc_KEYWORDS,
            .doc = "encode(obj, ...)\n--\n\nSame as dumps().")
static HPy encode_def_impl(HPyContext *ctx, HPy self, const HPy *args,
                           size_t nargs, HPy kwnames)
{
    return dumps_common(ctx, "encode", args, nargs, kwnames);
}

HPyDef_METH(dump_def, "dump", HPyFunc_KEYWORDS,
            .doc = "dump(obj, fp, **options)\n--\n\n"
                   "Serialise obj as dumps() does and write the text with "
                   "fp.write().")
static HPy dump_def_impl(HPyContext *ctx, HPy self, const HPy *args,
                         size_t nargs, HPy kwnames)
{
    HPy h[2 + UJSON_N_ENCODE_OPTS];
    if (ujson_bind_args(ctx, "dump", dump_names, 2 + UJSON_N_ENCODE_OPTS, 2,
                        args, nargs, kwnames, h) < 0)
        return HPy_NULL;
    HPy write = HPy_GetAttr_s(ctx, h[1], "write");
    if (HPy_IsNull(write)) {
        if (!HPyErr_ExceptionMatches(ctx, ctx->h_AttributeError))
            return HPy_NULL;
        HPyErr_Clear(ctx);
        HPyErr_SetString(ctx, ctx->h_TypeError, "expected file");
        return HPy_NULL;
    }
    HPy text = encode_to_str(ctx, h[0], h + 2);
    if (HPy_IsNull(text)) {
        HPy_Close(ctx, write);
        return HPy_NULL;
    }
    HPy r = HPy_Call(ctx, write, &text, 1, HPy_NULL);
    HPy_Close(ctx, text);
    HPy_Close(ctx, write);
    if (HPy_IsNull(r))
        return HPy_NULL;
    HPy_Close(ctx, r);
    return HPy_Dup(ctx, ctx->h_None);
}

/* ------------------------------------------------------------ decode */

/* Decode a str, bytes or other bytes-like object. */
static HPy decode_obj(HPyContext *ctx, HPy s)
{
    HPy err = HPyGlobal_Load(ctx, g_JSONDecodeError);
    if (HPy_IsNull(err))
        return HPy_NULL;
    HPy r = HPy_NULL;
    if (HPyUnicode_Check(ctx, s)) {
        HPy_ssize_t n;
        const char *p = HPyUnicode_AsUTF8AndSize(ctx, s, &n);
        if (p != NULL) {
            r = ujson_decode(ctx, p, (size_t)n, 1, err);
        } else if (HPyErr_ExceptionMatches(ctx, ctx->h_UnicodeEncodeError)) {
            /* lone surrogates: decode a WTF-8 transcoding */
            HPyErr_Clear(ctx);
            ujson_buf b;
            ujson_buf_init(&b);
            if (ujson_str_to_wtf8(ctx, s, &b) == 0)
                r = ujson_decode(ctx, b.data, b.len, 1, err);
            ujson_buf_free(&b);
        }
    } else if (HPyBytes_Check(ctx, s)) {
        const char *p = HPyBytes_AsString(ctx, s);
        HPy_ssize_t n = HPyBytes_Size(ctx, s);
        if (p != NULL && n >= 0)
            r = ujson_decode(ctx, p, (size_t)n, 0, err);
    } else {
        /* bytearray, memoryview, ...: copy through bytes(obj) */
        HPy b = HPy_NULL;
        if (!HPyList_Check(ctx, s) && !HPyTuple_Check(ctx, s)
            && !HPyDict_Check(ctx, s) && !HPy_Is(ctx, s, ctx->h_None)
            && !HPy_TypeCheck(ctx, s, ctx->h_LongType)
            && !HPy_TypeCheck(ctx, s, ctx->h_FloatType)) {
            b = HPy_Bytes(ctx, s);
            if (HPy_IsNull(b))
                HPyErr_Clear(ctx);
        }
        if (HPy_IsNull(b) || !HPyBytes_Check(ctx, b)) {
            if (!HPy_IsNull(b))
                HPy_Close(ctx, b);
            HPyErr_SetString(ctx, ctx->h_TypeError,
                             "Expected string or C-contiguous bytes-like object");
        } else {
            const char *p = HPyBytes_AsString(ctx, b);
            HPy_ssize_t n = HPyBytes_Size(ctx, b);
            if (p != NULL && n >= 0)
                r = ujson_decode(ctx, p, (size_t)n, 0, err);
            HPy_Close(ctx, b);
        }
    }
    HPy_Close(ctx, err);
    return r;
}

#define LOADS_DOC \
    "loads(obj, precise_float=False)\n--\n\n" \
    "Parse the JSON text in obj (str or bytes) into Python objects.  " \
    "Floats are always parsed to the nearest double, so precise_float is " \
    "accepted and has no effect.  Errors raise ujson.JSONDecodeError, a " \
    "ValueError."

static const char *const loads_names[3] = { "obj", "precise_float", "s" };

static HPy loads_common(HPyContext *ctx, const char *fname, const HPy *args,
                        size_t nargs, HPy kwnames)
{
    if (nargs == 1 && HPy_IsNull(kwnames))           /* fast path */
        return decode_obj(ctx, args[0]);
    HPy h[3];
    if (nargs > 2) {
        /* "s" is a keyword-only alias of obj */
        char msg[80];
        snprintf(msg, sizeof msg, "%s() takes at most 2 arguments (%zu given)",
                 fname, nargs);
        HPyErr_SetString(ctx, ctx->h_TypeError, msg);
        return HPy_NULL;
    }
    if (ujson_bind_args(ctx, fname, loads_names, 3, 0, args, nargs, kwnames,
                        h) < 0)
        return HPy_NULL;
    if (!HPy_IsNull(h[2])) {
        if (!HPy_IsNull(h[0])) {
            char msg[80];
            snprintf(msg, sizeof msg, "%s() got both 'obj' and 's'", fname);
            HPyErr_SetString(ctx, ctx->h_TypeError, msg);
            return HPy_NULL;
        }
        h[0] = h[2];
    }
    if (HPy_IsNull(h[0])) {
        char msg[80];
        snprintf(msg, sizeof msg,
                 "%s() missing required argument 'obj' (pos 1)", fname);
        HPyErr_SetString(ctx, ctx->h_TypeError, msg);
        return HPy_NULL;
    }
    if (!HPy_IsNull(h[1]) && HPy_IsTrue(ctx, h[1]) < 0)
        return HPy_NULL;
    return decode_obj(ctx, h[0]);
}

HPyDef_METH(loads_def, "loads", HPyFunc_KEYWORDS, .doc = LOADS_DOC)
static HPy loads_def_impl(HPyContext *ctx, HPy self, const HPy *args,
                          size_t nargs, HPy kwnames)
{
    return loads_common(ctx, "loads", args, nargs, kwnames);
}

HPyDef_METH(decode_def, "decode", HPyFunc_KEYWORDS,
            .doc = "decode(obj, precise_float=False)\n--\n\nSame as loads().")
static HPy decode_def_impl(HPyContext *ctx, HPy self, const HPy *args,
                           size_t nargs, HPy kwnames)
{
    return loads_common(ctx, "decode", args, nargs, kwnames);
}

static const char *const load_names[2] = { "fp", "precise_float" };

HPyDef_METH(load_def, "load", HPyFunc_KEYWORDS,
            .doc = "load(fp, precise_float=False)\n--\n\n"
                   "Parse the JSON text returned by fp.read().")
static HPy load_def_impl(HPyContext *ctx, HPy self, const HPy *args,
                         size_t nargs, HPy kwnames)
{
    HPy h[2];
    if (ujson_bind_args(ctx, "load", load_names, 2, 1, args, nargs, kwnames,
                        h) < 0)
        return HPy_NULL;
    HPy read = HPy_GetAttr_s(ctx, h[0], "read");
    if (HPy_IsNull(read)) {
        if (!HPyErr_ExceptionMatches(ctx, ctx->h_AttributeError))
            return HPy_NULL;
        HPyErr_Clear(ctx);
        HPyErr_SetString(ctx, ctx->h_TypeError, "expected file");
        return HPy_NULL;
    }
    HPy text = HPy_Call(ctx, read, NULL, 0, HPy_NULL);
    HPy_Close(ctx, read);
    if (HPy_IsNull(text))
        return HPy_NULL;
    HPy r = decode_obj(ctx, text);
    HPy_Close(ctx, text);
    return r;
}

/* ------------------------------------------------------------ module */

HPyDef_SLOT(ujson_exec, HPy_mod_exec)
static int ujson_exec_impl(HPyContext *ctx, HPy m)
{
    HPy cls = HPyErr_NewExceptionWithDoc(ctx, "ujson.JSONDecodeError",
                                         "Raised when the JSON text is invalid.",
                                         ctx->h_ValueError, HPy_NULL);
    if (HPy_IsNull(cls)) {
        /* a runtime without exception classes made at run time: fall back
         * to ValueError itself */
        HPyErr_Clear(ctx);
        cls = HPy_Dup(ctx, ctx->h_ValueError);
    }
    HPyGlobal_Store(ctx, &g_JSONDecodeError, cls);
    int r = HPy_SetAttr_s(ctx, m, "JSONDecodeError", cls);
    HPy_Close(ctx, cls);
    if (r < 0)
        return -1;
    HPy version = HPyUnicode_FromString(ctx, UJSON_VERSION);
    if (HPy_IsNull(version))
        return -1;
    r = HPy_SetAttr_s(ctx, m, "__version__", version);
    HPy_Close(ctx, version);
    return r;
}

static HPyDef *module_defines[] = {
    &dumps_def, &encode_def, &dump_def,
    &loads_def, &decode_def, &load_def,
    &ujson_exec,
    NULL
};

static HPyGlobal *module_globals[] = {
    &g_JSONDecodeError,
    NULL
};

static HPyModuleDef moduledef = {
    .doc = "Ultra fast JSON encoder and decoder, written against the HPy API.",
    .size = 0,
    .defines = module_defines,
    .globals = module_globals,
};

HPy_MODINIT(ujson, moduledef)
