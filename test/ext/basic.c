/* Test extension for the foundation: calling conventions, handles, ints, floats, bools,
 * strings, errors, identity and builtin type checks. Each function exercises one context
 * function so that test/basic.test.js can check results and error paths from JS. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "hpy.h"

/* ---- calling conventions ------------------------------------------------------------------- */

HPyDef_METH(f_noargs, "f_noargs", HPyFunc_NOARGS)
static HPy f_noargs_impl(HPyContext *ctx, HPy self)
{
    return HPyUnicode_FromString(ctx, "noargs");
}

HPyDef_METH(f_o, "f_o", HPyFunc_O)
static HPy f_o_impl(HPyContext *ctx, HPy self, HPy arg)
{
    return HPy_Dup(ctx, arg);
}

/* Returns a tuple of its arguments, in order. */
HPyDef_METH(f_varargs, "f_varargs", HPyFunc_VARARGS)
static HPy f_varargs_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    return HPyTuple_FromArray(ctx, (HPy *)args, (HPy_ssize_t)nargs);
}

/* Returns (positional tuple, keyword names tuple or None, keyword values tuple). */
HPyDef_METH(f_keywords, "f_keywords", HPyFunc_KEYWORDS)
static HPy f_keywords_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs, HPy kwnames)
{
    HPy pos = HPyTuple_FromArray(ctx, (HPy *)args, (HPy_ssize_t)nargs);
    HPy names = HPy_IsNull(kwnames) ? HPy_Dup(ctx, ctx->h_None) : HPy_Dup(ctx, kwnames);
    HPy_ssize_t nkw = HPy_IsNull(kwnames) ? 0 : HPy_Length(ctx, kwnames);
    HPy values = HPyTuple_FromArray(ctx, (HPy *)args + nargs, nkw);
    HPy result = HPyTuple_Pack(ctx, 3, pos, names, values);
    HPy_Close(ctx, pos);
    HPy_Close(ctx, names);
    HPy_Close(ctx, values);
    return result;
}

HPyDef_METH(self_is_module, "self_is_module", HPyFunc_NOARGS)
static HPy self_is_module_impl(HPyContext *ctx, HPy self)
{
    return HPy_Dup(ctx, self);
}

/* ---- ints ---------------------------------------------------------------------------------- */

#define ROUNDTRIP(NAME, CTYPE, AS, FROM)                                       \
    HPyDef_METH(NAME, #NAME, HPyFunc_O)                                        \
    static HPy NAME##_impl(HPyContext *ctx, HPy self, HPy arg)                 \
    {                                                                          \
        CTYPE v = AS(ctx, arg);                                                \
        if (v == (CTYPE)-1 && HPyErr_Occurred(ctx))                            \
            return HPy_NULL;                                                   \
        return FROM(ctx, v);                                                   \
    }

ROUNDTRIP(rt_int32, int32_t, HPyLong_AsInt32_t, HPyLong_FromInt32_t)
ROUNDTRIP(rt_uint32, uint32_t, HPyLong_AsUInt32_t, HPyLong_FromUInt32_t)
ROUNDTRIP(rt_uint32_mask, uint32_t, HPyLong_AsUInt32_tMask, HPyLong_FromUInt32_t)
ROUNDTRIP(rt_int64, int64_t, HPyLong_AsInt64_t, HPyLong_FromInt64_t)
ROUNDTRIP(rt_uint64, uint64_t, HPyLong_AsUInt64_t, HPyLong_FromUInt64_t)
ROUNDTRIP(rt_uint64_mask, uint64_t, HPyLong_AsUInt64_tMask, HPyLong_FromUInt64_t)
ROUNDTRIP(rt_size_t, size_t, HPyLong_AsSize_t, HPyLong_FromSize_t)
ROUNDTRIP(rt_ssize_t, HPy_ssize_t, HPyLong_AsSsize_t, HPyLong_FromSsize_t)
ROUNDTRIP(rt_long, long, HPyLong_AsLong, HPyLong_FromLong)

HPyDef_METH(long_as_double, "long_as_double", HPyFunc_O)
static HPy long_as_double_impl(HPyContext *ctx, HPy self, HPy arg)
{
    double d = HPyLong_AsDouble(ctx, arg);
    if (d == -1.0 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    return HPyFloat_FromDouble(ctx, d);
}

HPyDef_METH(voidptr_roundtrip, "voidptr_roundtrip", HPyFunc_O)
static HPy voidptr_roundtrip_impl(HPyContext *ctx, HPy self, HPy arg)
{
    void *p = HPyLong_AsVoidPtr(ctx, arg);
    if (p == NULL && HPyErr_Occurred(ctx))
        return HPy_NULL;
    return HPyLong_FromUInt64_t(ctx, (uint64_t)(uintptr_t)p);
}

/* Sums 0..n-1 with HPyLong_FromInt64/AsInt64 and HPy_Close on every step. */
HPyDef_METH(int_loop, "int_loop", HPyFunc_O)
static HPy int_loop_impl(HPyContext *ctx, HPy self, HPy arg)
{
    int64_t n = HPyLong_AsInt64_t(ctx, arg), total = 0;
    if (n == -1 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    for (int64_t i = 0; i < n; i++) {
        HPy h = HPyLong_FromInt64_t(ctx, i * 1000003);
        total += HPyLong_AsInt64_t(ctx, h) / 1000003;
        HPy_Close(ctx, h);
    }
    return HPyLong_FromInt64_t(ctx, total);
}

/* ---- floats and bools ---------------------------------------------------------------------- */

HPyDef_METH(float_roundtrip, "float_roundtrip", HPyFunc_O)
static HPy float_roundtrip_impl(HPyContext *ctx, HPy self, HPy arg)
{
    double d = HPyFloat_AsDouble(ctx, arg);
    if (d == -1.0 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    return HPyFloat_FromDouble(ctx, d);
}

/* (is float?, is int?) of HPyFloat_FromDouble(x) while still a handle. */
HPyDef_METH(float_checks, "float_checks", HPyFunc_O)
static HPy float_checks_impl(HPyContext *ctx, HPy self, HPy arg)
{
    HPy f = HPyFloat_FromDouble(ctx, HPyFloat_AsDouble(ctx, arg));
    HPy a = HPyBool_FromBool(ctx, HPy_TypeCheck(ctx, f, ctx->h_FloatType));
    HPy b = HPyBool_FromBool(ctx, HPy_TypeCheck(ctx, f, ctx->h_LongType));
    HPy r = HPyTuple_Pack(ctx, 2, a, b);
    HPy_Close(ctx, f);
    HPy_Close(ctx, a);
    HPy_Close(ctx, b);
    return r;
}

HPyDef_METH(bool_from, "bool_from", HPyFunc_O)
static HPy bool_from_impl(HPyContext *ctx, HPy self, HPy arg)
{
    long v = HPyLong_AsLong(ctx, arg);
    if (v == -1 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    return HPyBool_FromLong(ctx, v);
}

/* ---- strings ------------------------------------------------------------------------------- */

HPyDef_METH(str_from, "str_from", HPyFunc_O)
static HPy str_from_impl(HPyContext *ctx, HPy self, HPy arg)
{
    /* arg: bytes whose content is handed to HPyUnicode_FromString */
    const char *s = HPyBytes_AsString(ctx, arg);
    if (!s)
        return HPy_NULL;
    return HPyUnicode_FromString(ctx, s);
}

/* (utf8 bytes, size) of a str */
HPyDef_METH(str_utf8, "str_utf8", HPyFunc_O)
static HPy str_utf8_impl(HPyContext *ctx, HPy self, HPy arg)
{
    HPy_ssize_t n = -1;
    const char *s = HPyUnicode_AsUTF8AndSize(ctx, arg, &n);
    if (!s)
        return HPy_NULL;
    if ((HPy_ssize_t)strlen(s) > n)
        return HPyErr_SetString(ctx, ctx->h_SystemError, "utf8 buffer longer than its size");
    HPy b = HPyBytes_FromStringAndSize(ctx, s, n);
    HPy size = HPyLong_FromSsize_t(ctx, n);
    HPy r = HPyTuple_Pack(ctx, 2, b, size);
    HPy_Close(ctx, b);
    HPy_Close(ctx, size);
    return r;
}

/* The pointer from HPyUnicode_AsUTF8AndSize stays valid while the handle lives: read it
 * after many other allocations. */
HPyDef_METH(str_utf8_lifetime, "str_utf8_lifetime", HPyFunc_O)
static HPy str_utf8_lifetime_impl(HPyContext *ctx, HPy self, HPy arg)
{
    HPy copy = HPy_Dup(ctx, arg);
    HPy_ssize_t n;
    const char *s = HPyUnicode_AsUTF8AndSize(ctx, copy, &n);
    if (!s) {
        HPy_Close(ctx, copy);
        return HPy_NULL;
    }
    for (int i = 0; i < 20000; i++) {
        HPy t = HPyUnicode_FromString(ctx, "temporary string");
        HPy_Close(ctx, t);
    }
    HPy r = HPyUnicode_FromString(ctx, s);
    HPy_Close(ctx, copy);
    return r;
}

/* Creates and closes n strings in one call: memory must stay flat. */
HPyDef_METH(str_loop, "str_loop", HPyFunc_O)
static HPy str_loop_impl(HPyContext *ctx, HPy self, HPy arg)
{
    int64_t n = HPyLong_AsInt64_t(ctx, arg);
    if (n == -1 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    HPy keep = HPyUnicode_FromString(ctx, "kept across the loop");
    for (int64_t i = 0; i < n; i++) {
        HPy h = HPyUnicode_FromString(ctx, "x");
        HPy_Close(ctx, h);
    }
    return keep;
}

HPyDef_METH(unicode_check, "unicode_check", HPyFunc_O)
static HPy unicode_check_impl(HPyContext *ctx, HPy self, HPy arg)
{
    return HPyBool_FromLong(ctx, HPyUnicode_Check(ctx, arg));
}

/* ---- errors -------------------------------------------------------------------------------- */

/* raise_string(kind, message): kind 0 ValueError, 1 KeyError, 2 OSError subclass via errno */
HPyDef_METH(raise_value_error, "raise_value_error", HPyFunc_O)
static HPy raise_value_error_impl(HPyContext *ctx, HPy self, HPy arg)
{
    HPy_ssize_t n;
    const char *msg = HPyUnicode_AsUTF8AndSize(ctx, arg, &n);
    if (!msg)
        return HPy_NULL;
    return HPyErr_SetString(ctx, ctx->h_ValueError, msg);
}

HPyDef_METH(raise_object, "raise_object", HPyFunc_VARARGS)
static HPy raise_object_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    if (nargs != 2)
        return HPyErr_SetString(ctx, ctx->h_TypeError, "raise_object(type, value)");
    return HPyErr_SetObject(ctx, args[0], args[1]);
}

HPyDef_METH(raise_errno, "raise_errno", HPyFunc_O)
static HPy raise_errno_impl(HPyContext *ctx, HPy self, HPy arg)
{
    errno = (int)HPyLong_AsLong(ctx, arg);
    return HPyErr_SetFromErrnoWithFilename(ctx, ctx->h_OSError, "/no/such/file");
}

HPyDef_METH(raise_no_memory, "raise_no_memory", HPyFunc_NOARGS)
static HPy raise_no_memory_impl(HPyContext *ctx, HPy self)
{
    return HPyErr_NoMemory(ctx);
}

/* Sets an error, checks HPyErr_Occurred and HPyErr_ExceptionMatches against ValueError,
 * LookupError and Exception, clears it, and reports what it saw. */
HPyDef_METH(error_state, "error_state", HPyFunc_NOARGS)
static HPy error_state_impl(HPyContext *ctx, HPy self)
{
    int before = HPyErr_Occurred(ctx);
    HPyErr_SetString(ctx, ctx->h_KeyError, "missing");
    int during = HPyErr_Occurred(ctx);
    int m_value = HPyErr_ExceptionMatches(ctx, ctx->h_ValueError);
    int m_lookup = HPyErr_ExceptionMatches(ctx, ctx->h_LookupError);
    int m_exc = HPyErr_ExceptionMatches(ctx, ctx->h_Exception);
    HPyErr_Clear(ctx);
    int after = HPyErr_Occurred(ctx);
    char buf[64];
    snprintf(buf, sizeof buf, "%d%d%d%d%d%d", before, during, m_value, m_lookup, m_exc, after);
    return HPyUnicode_FromString(ctx, buf);
}

HPyDef_METH(null_without_error, "null_without_error", HPyFunc_NOARGS)
static HPy null_without_error_impl(HPyContext *ctx, HPy self)
{
    return HPy_NULL;
}

HPyDef_METH(result_with_error, "result_with_error", HPyFunc_NOARGS)
static HPy result_with_error_impl(HPyContext *ctx, HPy self)
{
    HPyErr_SetString(ctx, ctx->h_ValueError, "left set");
    return HPy_Dup(ctx, ctx->h_None);
}

/* Calls a context function hpy-node does not support (a legacy one) and returns its error. */
HPyDef_METH(call_unsupported, "call_unsupported", HPyFunc_NOARGS)
static HPy call_unsupported_impl(HPyContext *ctx, HPy self)
{
    void *p = ctx->ctx_AsStruct_Legacy(ctx, ctx->h_None);
    if (p == NULL && HPyErr_Occurred(ctx))
        return HPy_NULL;
    return HPy_Dup(ctx, ctx->h_None);
}

/* ---- identity and type checks -------------------------------------------------------------- */

HPyDef_METH(is_, "is_", HPyFunc_VARARGS)
static HPy is__impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    if (nargs != 2)
        return HPyErr_SetString(ctx, ctx->h_TypeError, "is_(a, b)");
    return HPyBool_FromLong(ctx, HPy_Is(ctx, args[0], args[1]));
}

/* Which builtin types arg is an instance of, as a string of 0/1 for
 * object int bool float str tuple list dict bytes. */
HPyDef_METH(type_checks, "type_checks", HPyFunc_O)
static HPy type_checks_impl(HPyContext *ctx, HPy self, HPy arg)
{
    HPy types[] = { ctx->h_BaseObjectType, ctx->h_LongType, ctx->h_BoolType, ctx->h_FloatType,
                    ctx->h_UnicodeType, ctx->h_TupleType, ctx->h_ListType, ctx->h_DictType, ctx->h_BytesType };
    char buf[16];
    int n = (int)(sizeof types / sizeof types[0]);
    for (int i = 0; i < n; i++)
        buf[i] = HPy_TypeCheck(ctx, arg, types[i]) ? '1' : '0';
    buf[n] = 0;
    return HPyUnicode_FromString(ctx, buf);
}

HPyDef_METH(constants, "constants", HPyFunc_NOARGS)
static HPy constants_impl(HPyContext *ctx, HPy self)
{
    return HPyTuple_Pack(ctx, 5, ctx->h_None, ctx->h_True, ctx->h_False, ctx->h_NotImplemented,
                         ctx->h_Ellipsis);
}

HPyDef_METH(get_exception_type, "get_exception_type", HPyFunc_NOARGS)
static HPy get_exception_type_impl(HPyContext *ctx, HPy self)
{
    return HPyTuple_Pack(ctx, 4, ctx->h_ZeroDivisionError, ctx->h_OSError, ctx->h_UnicodeDecodeError,
                         ctx->h_TypeType);
}

/* ---- handles that outlive their call --------------------------------------------------------- */

static HPy kept;  /* deliberately kept across calls: valid until closed */

HPyDef_METH(keep, "keep", HPyFunc_O)
static HPy keep_impl(HPyContext *ctx, HPy self, HPy arg)
{
    if (!HPy_IsNull(kept))
        HPy_Close(ctx, kept);
    kept = HPy_Dup(ctx, arg);
    return HPy_Dup(ctx, ctx->h_None);
}

/* keep_and_raise(obj): keeps obj like keep(), then raises ValueError: what a call keeps must
 * survive the call throwing. */
HPyDef_METH(keep_and_raise, "keep_and_raise", HPyFunc_O)
static HPy keep_and_raise_impl(HPyContext *ctx, HPy self, HPy arg)
{
    if (!HPy_IsNull(kept))
        HPy_Close(ctx, kept);
    kept = HPy_Dup(ctx, arg);
    HPyErr_SetString(ctx, ctx->h_ValueError, "raised after keeping");
    return HPy_NULL;
}

HPyDef_METH(kept_value, "kept_value", HPyFunc_NOARGS)
static HPy kept_value_impl(HPyContext *ctx, HPy self)
{
    if (HPy_IsNull(kept))
        return HPy_Dup(ctx, ctx->h_None);
    return HPy_Dup(ctx, kept);
}

/* Dup n times, then close them all. */
HPyDef_METH(dup_close, "dup_close", HPyFunc_VARARGS)
static HPy dup_close_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    if (nargs != 2)
        return HPyErr_SetString(ctx, ctx->h_TypeError, "dup_close(obj, n)");
    long n = HPyLong_AsLong(ctx, args[1]);
    HPy first = HPy_Dup(ctx, args[0]);
    for (long i = 0; i < n; i++) {
        HPy d = HPy_Dup(ctx, first);
        HPy_Close(ctx, d);
    }
    return first;
}

/* ---- dicts built in C (kept natively until JS or another function looks at them) ------------- */

/* dict_build(keys, values): HPyDict_New + HPy_SetItem for each pair, then HPy_GetItem(probe). */
HPyDef_METH(dict_build, "dict_build", HPyFunc_VARARGS)
static HPy dict_build_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    if (nargs != 3)
        return HPyErr_SetString(ctx, ctx->h_TypeError, "dict_build(keys, values, probe)");
    HPy d = HPyDict_New(ctx);
    HPy_ssize_t n = HPy_Length(ctx, args[0]);
    for (HPy_ssize_t i = 0; i < n; i++) {
        HPy k = HPy_GetItem_i(ctx, args[0], i), v = HPy_GetItem_i(ctx, args[1], i);
        int rc = HPy_SetItem(ctx, d, k, v);
        HPy_Close(ctx, k);
        HPy_Close(ctx, v);
        if (rc < 0) {
            HPy_Close(ctx, d);
            return HPy_NULL;
        }
    }
    HPy probe = HPy_IsNull(args[2]) || HPy_Is(ctx, args[2], ctx->h_None) ? HPy_Dup(ctx, ctx->h_None)
                                                                          : HPy_GetItem(ctx, d, args[2]);
    if (HPy_IsNull(probe)) {
        HPy_Close(ctx, d);
        return HPy_NULL;
    }
    HPy r = HPyTuple_Pack(ctx, 3, d, probe, HPyDict_Check(ctx, d) ? ctx->h_True : ctx->h_False);
    HPy_Close(ctx, d);
    HPy_Close(ctx, probe);
    return r;
}

/* nested dicts {"d": {"d": ... {"leaf": depth}}}, each made with HPyDict_New/HPy_SetItem_s */
HPyDef_METH(dict_nested, "dict_nested", HPyFunc_O)
static HPy dict_nested_impl(HPyContext *ctx, HPy self, HPy arg)
{
    long depth = HPyLong_AsLong(ctx, arg);
    HPy cur = HPyDict_New(ctx);
    HPy leaf = HPyLong_FromLong(ctx, depth);
    HPy_SetItem_s(ctx, cur, "leaf", leaf);
    HPy_Close(ctx, leaf);
    for (long i = 0; i < depth; i++) {
        HPy outer = HPyDict_New(ctx);
        HPy_SetItem_s(ctx, outer, "d", cur);
        HPy_Close(ctx, cur);
        cur = outer;
    }
    return cur;
}

static HPy kept_dict;

/* A dict filled in one call and first looked at in a later one. */
HPyDef_METH(keep_dict, "keep_dict", HPyFunc_O)
static HPy keep_dict_impl(HPyContext *ctx, HPy self, HPy value)
{
    if (!HPy_IsNull(kept_dict))
        HPy_Close(ctx, kept_dict);
    kept_dict = HPyDict_New(ctx);
    HPy_SetItem_s(ctx, kept_dict, "value", value);
    HPy_SetItem_s(ctx, kept_dict, "__proto__", value);
    for (int i = 0; i < 5000; i++) {  /* roll the handle scopes over meanwhile */
        HPy t = HPyUnicode_FromString(ctx, "t");
        HPy_Close(ctx, t);
    }
    return HPy_Dup(ctx, ctx->h_None);
}

HPyDef_METH(kept_dict_value, "kept_dict_value", HPyFunc_NOARGS)
static HPy kept_dict_value_impl(HPyContext *ctx, HPy self)
{
    return HPy_Dup(ctx, kept_dict);
}

/* map_call(seq, f): [f(item) for item in seq], items read with HPy_GetItem_i: a JS call between
 * every two reads. */
HPyDef_METH(map_call, "map_call", HPyFunc_VARARGS)
static HPy map_call_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    if (nargs != 2)
        return HPyErr_SetString(ctx, ctx->h_TypeError, "map_call(seq, f)");
    HPy_ssize_t n = HPy_Length(ctx, args[0]);
    if (n < 0)
        return HPy_NULL;
    HPyListBuilder out = HPyListBuilder_New(ctx, n);
    for (HPy_ssize_t i = 0; i < n; i++) {
        HPy item = HPy_GetItem_i(ctx, args[0], i);
        HPy r = HPy_IsNull(item) ? HPy_NULL : HPy_Call(ctx, args[1], &item, 1, HPy_NULL);
        HPy_Close(ctx, item);
        if (HPy_IsNull(r)) {
            HPyListBuilder_Cancel(ctx, out);
            return HPy_NULL;
        }
        HPyListBuilder_Set(ctx, out, i, r);
        HPy_Close(ctx, r);
    }
    return HPyListBuilder_Build(ctx, out);
}

/* list_reads(list, callback): item 0..n-1 read from C as ints (list of 32+ numbers: the native
 * snapshot path), with a JS callback in the middle and an HPy_SetItem_i from C before the end:
 * returns the items as read. */
HPyDef_METH(list_reads, "list_reads", HPyFunc_VARARGS)
static HPy list_reads_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    if (nargs != 2)
        return HPyErr_SetString(ctx, ctx->h_TypeError, "list_reads(list, callback)");
    HPy_ssize_t n = HPy_Length(ctx, args[0]);
    HPyListBuilder out = HPyListBuilder_New(ctx, n);
    for (HPy_ssize_t i = 0; i < n; i++) {
        if (i == n / 2) {
            HPy r = HPy_Call(ctx, args[1], NULL, 0, HPy_NULL);  /* JS changes the list */
            if (HPy_IsNull(r)) {
                HPyListBuilder_Cancel(ctx, out);
                return HPy_NULL;
            }
            HPy_Close(ctx, r);
        }
        if (i == n - 2) {
            HPy v = HPyLong_FromLong(ctx, -7);
            HPy_SetItem_i(ctx, args[0], n - 1, v);  /* C changes the list */
            HPy_Close(ctx, v);
        }
        HPy item = HPy_GetItem_i(ctx, args[0], i);
        if (HPy_IsNull(item)) {
            HPyListBuilder_Cancel(ctx, out);
            return HPy_NULL;
        }
        HPyListBuilder_Set(ctx, out, i, item);
        HPy_Close(ctx, item);
    }
    return HPyListBuilder_Build(ctx, out);
}

/* reads_with_getter(list, dict): the items of list read from C, with HPy_GetItem_s(dict, "k")
 * between every two reads (dict.k may be a getter that changes the list). */
HPyDef_METH(reads_with_getter, "reads_with_getter", HPyFunc_VARARGS)
static HPy reads_with_getter_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    if (nargs != 2)
        return HPyErr_SetString(ctx, ctx->h_TypeError, "reads_with_getter(list, dict)");
    HPy_ssize_t n = HPy_Length(ctx, args[0]);
    HPyListBuilder out = HPyListBuilder_New(ctx, n);
    for (HPy_ssize_t i = 0; i < n; i++) {
        HPy item = HPy_GetItem_i(ctx, args[0], i);
        HPy k = HPy_IsNull(item) ? HPy_NULL : HPy_GetItem_s(ctx, args[1], "k");
        if (HPy_IsNull(k)) {
            HPy_Close(ctx, item);
            HPyListBuilder_Cancel(ctx, out);
            return HPy_NULL;
        }
        HPy_Close(ctx, k);
        HPyListBuilder_Set(ctx, out, i, item);
        HPy_Close(ctx, item);
    }
    return HPyListBuilder_Build(ctx, out);
}

/* Binaries built with these headers also carry CPython's trampolines (so they run under
 * CPython's hpy.universal too): every definition here must have them. */
static HPyDef **all_defines(void);

HPyDef_METH(trampolines_filled, "trampolines_filled", HPyFunc_NOARGS)
static HPy trampolines_filled_impl(HPyContext *ctx, HPy self)
{
    long n = 0;
    for (HPyDef **d = all_defines(); *d; d++) {
        if ((*d)->kind == HPyDef_Kind_Meth && (*d)->meth.cpy_trampoline == NULL)
            return HPyErr_SetString(ctx, ctx->h_AssertionError, (*d)->meth.name);
        n++;
    }
    return HPyLong_FromLong(ctx, n);
}

static HPyDef *module_defines[] = {
    &trampolines_filled, &list_reads, &map_call, &reads_with_getter,
    &dict_build, &dict_nested, &keep_dict, &kept_dict_value,
    &f_noargs, &f_o, &f_varargs, &f_keywords, &self_is_module,
    &rt_int32, &rt_uint32, &rt_uint32_mask, &rt_int64, &rt_uint64, &rt_uint64_mask, &rt_size_t, &rt_ssize_t,
    &rt_long, &long_as_double, &voidptr_roundtrip, &int_loop,
    &float_roundtrip, &float_checks, &bool_from,
    &str_from, &str_utf8, &str_utf8_lifetime, &str_loop, &unicode_check,
    &raise_value_error, &raise_object, &raise_errno, &raise_no_memory, &error_state, &null_without_error,
    &result_with_error, &call_unsupported,
    &is_, &type_checks, &constants, &get_exception_type,
    &keep, &keep_and_raise, &kept_value, &dup_close,
    NULL,
};

static HPyDef **all_defines(void) { return module_defines; }

static HPyModuleDef moduledef = {
    .doc = "hpy-node foundation tests",
    .defines = module_defines,
};

HPy_MODINIT(basic, moduledef)
