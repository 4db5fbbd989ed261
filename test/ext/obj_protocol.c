/* Object protocol from C: attributes, items, slices, length, containment, repr/str/ascii/bytes,
 * hashing, comparison, truth, types, calls (HPy_Call, HPy_CallMethod, HPy_CallTupleDict) and
 * iteration. Each function is a thin wrapper over one context function, so that
 * test/objects-protocol.test.js can check the Python semantics from JS; int results are
 * returned raw (not normalised) unless the function is a *_Check. */
#include <stdlib.h>
#include <string.h>
#include "hpy.h"

#define ARGS(n, usage)                                                    \
    if (nargs != (n)) {                                                   \
        HPyErr_SetString(ctx, ctx->h_TypeError, "usage: " usage);         \
        return HPy_NULL;                                                  \
    }

/* An int result of a context function: -1 with an error pending raises it. */
static HPy int_result(HPyContext *ctx, long r)
{
    if (r == -1 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    return HPyLong_FromLong(ctx, r);
}

static const char *cstr(HPyContext *ctx, HPy s)
{
    return HPyUnicode_AsUTF8AndSize(ctx, s, NULL);
}

/* None stands for HPy_NULL. */
static HPy opt(HPyContext *ctx, HPy h)
{
    return HPy_Is(ctx, h, ctx->h_None) ? HPy_NULL : h;
}

/* ---- attributes ---------------------------------------------------------------------------- */

HPyDef_METH(getattr, "getattr", HPyFunc_VARARGS)
static HPy getattr_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "getattr(obj, name)");
    return HPy_GetAttr(ctx, args[0], args[1]);
}

HPyDef_METH(getattr_s, "getattr_s", HPyFunc_VARARGS)
static HPy getattr_s_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "getattr_s(obj, name)");
    const char *name = cstr(ctx, args[1]);
    if (!name)
        return HPy_NULL;
    return HPy_GetAttr_s(ctx, args[0], name);
}

HPyDef_METH(hasattr, "hasattr", HPyFunc_VARARGS)
static HPy hasattr_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "hasattr(obj, name)");
    /* HasAttr never fails: a pending error afterwards is a bug (SystemError in the caller) */
    return HPyLong_FromLong(ctx, HPy_HasAttr(ctx, args[0], args[1]));
}

HPyDef_METH(hasattr_s, "hasattr_s", HPyFunc_VARARGS)
static HPy hasattr_s_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "hasattr_s(obj, name)");
    const char *name = cstr(ctx, args[1]);
    if (!name)
        return HPy_NULL;
    return HPyLong_FromLong(ctx, HPy_HasAttr_s(ctx, args[0], name));
}

HPyDef_METH(setattr, "setattr", HPyFunc_VARARGS)
static HPy setattr_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(3, "setattr(obj, name, value)");
    return int_result(ctx, HPy_SetAttr(ctx, args[0], args[1], args[2]));
}

HPyDef_METH(setattr_s, "setattr_s", HPyFunc_VARARGS)
static HPy setattr_s_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(3, "setattr_s(obj, name, value)");
    const char *name = cstr(ctx, args[1]);
    if (!name)
        return HPy_NULL;
    return int_result(ctx, HPy_SetAttr_s(ctx, args[0], name, args[2]));
}

HPyDef_METH(delattr, "delattr", HPyFunc_VARARGS)
static HPy delattr_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "delattr(obj, name)");
    return int_result(ctx, HPy_DelAttr(ctx, args[0], args[1]));
}

HPyDef_METH(delattr_s, "delattr_s", HPyFunc_VARARGS)
static HPy delattr_s_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "delattr_s(obj, name)");
    const char *name = cstr(ctx, args[1]);
    if (!name)
        return HPy_NULL;
    return int_result(ctx, HPy_DelAttr_s(ctx, args[0], name));
}

/* ---- items and slices ---------------------------------------------------------------------- */

HPyDef_METH(getitem, "getitem", HPyFunc_VARARGS)
static HPy getitem_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "getitem(obj, key)");
    return HPy_GetItem(ctx, args[0], args[1]);
}

HPyDef_METH(getitem_i, "getitem_i", HPyFunc_VARARGS)
static HPy getitem_i_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "getitem_i(obj, index)");
    HPy_ssize_t i = HPyLong_AsSsize_t(ctx, args[1]);
    if (i == -1 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    return HPy_GetItem_i(ctx, args[0], i);
}

HPyDef_METH(getitem_s, "getitem_s", HPyFunc_VARARGS)
static HPy getitem_s_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "getitem_s(obj, key)");
    const char *key = cstr(ctx, args[1]);
    if (!key)
        return HPy_NULL;
    return HPy_GetItem_s(ctx, args[0], key);
}

HPyDef_METH(setitem, "setitem", HPyFunc_VARARGS)
static HPy setitem_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(3, "setitem(obj, key, value)");
    return int_result(ctx, HPy_SetItem(ctx, args[0], args[1], args[2]));
}

HPyDef_METH(setitem_i, "setitem_i", HPyFunc_VARARGS)
static HPy setitem_i_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(3, "setitem_i(obj, index, value)");
    HPy_ssize_t i = HPyLong_AsSsize_t(ctx, args[1]);
    if (i == -1 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    return int_result(ctx, HPy_SetItem_i(ctx, args[0], i, args[2]));
}

HPyDef_METH(setitem_s, "setitem_s", HPyFunc_VARARGS)
static HPy setitem_s_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(3, "setitem_s(obj, key, value)");
    const char *key = cstr(ctx, args[1]);
    if (!key)
        return HPy_NULL;
    return int_result(ctx, HPy_SetItem_s(ctx, args[0], key, args[2]));
}

HPyDef_METH(delitem, "delitem", HPyFunc_VARARGS)
static HPy delitem_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "delitem(obj, key)");
    return int_result(ctx, HPy_DelItem(ctx, args[0], args[1]));
}

HPyDef_METH(delitem_i, "delitem_i", HPyFunc_VARARGS)
static HPy delitem_i_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "delitem_i(obj, index)");
    HPy_ssize_t i = HPyLong_AsSsize_t(ctx, args[1]);
    if (i == -1 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    return int_result(ctx, HPy_DelItem_i(ctx, args[0], i));
}

HPyDef_METH(delitem_s, "delitem_s", HPyFunc_VARARGS)
static HPy delitem_s_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "delitem_s(obj, key)");
    const char *key = cstr(ctx, args[1]);
    if (!key)
        return HPy_NULL;
    return int_result(ctx, HPy_DelItem_s(ctx, args[0], key));
}

/* start/end: ints, or None for HPY_SSIZE_T_MAX (end) / HPY_SSIZE_T_MIN... (see index_arg) */
static int index_arg(HPyContext *ctx, HPy h, HPy_ssize_t dflt, HPy_ssize_t *out)
{
    if (HPy_Is(ctx, h, ctx->h_None)) {
        *out = dflt;
        return 0;
    }
    *out = HPyLong_AsSsize_t(ctx, h);
    return (*out == -1 && HPyErr_Occurred(ctx)) ? -1 : 0;
}

HPyDef_METH(getslice, "getslice", HPyFunc_VARARGS)
static HPy getslice_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(3, "getslice(obj, start, end)");
    HPy_ssize_t a, b;
    if (index_arg(ctx, args[1], 0, &a) < 0 || index_arg(ctx, args[2], HPY_SSIZE_T_MAX, &b) < 0)
        return HPy_NULL;
    return HPy_GetSlice(ctx, args[0], a, b);
}

HPyDef_METH(setslice, "setslice", HPyFunc_VARARGS)
static HPy setslice_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(4, "setslice(obj, start, end, value)");
    HPy_ssize_t a, b;
    if (index_arg(ctx, args[1], 0, &a) < 0 || index_arg(ctx, args[2], HPY_SSIZE_T_MAX, &b) < 0)
        return HPy_NULL;
    return int_result(ctx, HPy_SetSlice(ctx, args[0], a, b, args[3]));
}

HPyDef_METH(delslice, "delslice", HPyFunc_VARARGS)
static HPy delslice_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(3, "delslice(obj, start, end)");
    HPy_ssize_t a, b;
    if (index_arg(ctx, args[1], 0, &a) < 0 || index_arg(ctx, args[2], HPY_SSIZE_T_MAX, &b) < 0)
        return HPy_NULL;
    return int_result(ctx, HPy_DelSlice(ctx, args[0], a, b));
}

HPyDef_METH(length, "length", HPyFunc_O)
static HPy length_impl(HPyContext *ctx, HPy self, HPy arg)
{
    return int_result(ctx, (long)HPy_Length(ctx, arg));
}

HPyDef_METH(contains, "contains", HPyFunc_VARARGS)
static HPy contains_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "contains(container, key)");
    return int_result(ctx, HPy_Contains(ctx, args[0], args[1]));
}

/* ---- repr, str, ascii, bytes, hash --------------------------------------------------------- */

HPyDef_METH(repr, "repr", HPyFunc_O)
static HPy repr_impl(HPyContext *ctx, HPy self, HPy arg)
{
    return HPy_Repr(ctx, arg);
}

HPyDef_METH(str, "str", HPyFunc_O)
static HPy str_impl(HPyContext *ctx, HPy self, HPy arg)
{
    return HPy_Str(ctx, arg);
}

HPyDef_METH(ascii, "ascii", HPyFunc_O)
static HPy ascii_impl(HPyContext *ctx, HPy self, HPy arg)
{
    return HPy_ASCII(ctx, arg);
}

HPyDef_METH(bytes, "bytes", HPyFunc_O)
static HPy bytes_impl(HPyContext *ctx, HPy self, HPy arg)
{
    return HPy_Bytes(ctx, arg);
}

HPyDef_METH(hash, "hash", HPyFunc_O)
static HPy hash_impl(HPyContext *ctx, HPy self, HPy arg)
{
    HPy_hash_t h = HPy_Hash(ctx, arg);
    if (h == -1 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    return HPyLong_FromInt64_t(ctx, (int64_t)h);
}

/* ---- comparison, truth, types -------------------------------------------------------------- */

HPyDef_METH(richcompare, "richcompare", HPyFunc_VARARGS)
static HPy richcompare_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(3, "richcompare(a, b, op)");
    int op = (int)HPyLong_AsLong(ctx, args[2]);
    if (op == -1 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    return HPy_RichCompare(ctx, args[0], args[1], op);
}

HPyDef_METH(richcomparebool, "richcomparebool", HPyFunc_VARARGS)
static HPy richcomparebool_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(3, "richcomparebool(a, b, op)");
    int op = (int)HPyLong_AsLong(ctx, args[2]);
    if (op == -1 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    return int_result(ctx, HPy_RichCompareBool(ctx, args[0], args[1], op));
}

/* The HPy_RichCmpOp values, so that the JS side does not hard-code them. */
HPyDef_METH(cmp_ops, "cmp_ops", HPyFunc_NOARGS)
static HPy cmp_ops_impl(HPyContext *ctx, HPy self)
{
    HPy d = HPyDict_New(ctx);
    static const char *names[] = {"LT", "LE", "EQ", "NE", "GT", "GE"};
    int values[] = {HPy_LT, HPy_LE, HPy_EQ, HPy_NE, HPy_GT, HPy_GE};
    for (int i = 0; i < 6; i++) {
        HPy v = HPyLong_FromLong(ctx, values[i]);
        HPy_SetItem_s(ctx, d, names[i], v);
        HPy_Close(ctx, v);
    }
    return d;
}

HPyDef_METH(istrue, "istrue", HPyFunc_O)
static HPy istrue_impl(HPyContext *ctx, HPy self, HPy arg)
{
    return int_result(ctx, HPy_IsTrue(ctx, arg));
}

HPyDef_METH(type, "type", HPyFunc_O)
static HPy type_impl(HPyContext *ctx, HPy self, HPy arg)
{
    return HPy_Type(ctx, arg);
}

/* Which builtin type constant HPy_Type(obj) is (by HPy_Is), or None. */
HPyDef_METH(type_is, "type_is", HPyFunc_O)
static HPy type_is_impl(HPyContext *ctx, HPy self, HPy arg)
{
    struct { const char *name; HPy h; } types[] = {
        {"object", ctx->h_BaseObjectType}, {"type", ctx->h_TypeType}, {"bool", ctx->h_BoolType},
        {"int", ctx->h_LongType}, {"float", ctx->h_FloatType}, {"str", ctx->h_UnicodeType},
        {"tuple", ctx->h_TupleType}, {"list", ctx->h_ListType}, {"dict", ctx->h_DictType},
        {"bytes", ctx->h_BytesType}, {"slice", ctx->h_SliceType}, {"complex", ctx->h_ComplexType},
        {"capsule", ctx->h_CapsuleType},
    };
    HPy t = HPy_Type(ctx, arg);
    if (HPy_IsNull(t))
        return HPy_NULL;
    const char *found = NULL;
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
        if (HPy_Is(ctx, t, types[i].h)) {
            found = types[i].name;
            break;
        }
    HPy_Close(ctx, t);
    return found ? HPyUnicode_FromString(ctx, found) : HPy_Dup(ctx, ctx->h_None);
}

HPyDef_METH(typecheck, "typecheck", HPyFunc_VARARGS)
static HPy typecheck_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "typecheck(obj, type)");
    return int_result(ctx, HPy_TypeCheck(ctx, args[0], args[1]) ? 1 : 0);
}

HPyDef_METH(issubtype, "issubtype", HPyFunc_VARARGS)
static HPy issubtype_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "issubtype(sub, type)");
    return int_result(ctx, HPyType_IsSubtype(ctx, args[0], args[1]) ? 1 : 0);
}

HPyDef_METH(callable_check, "callable_check", HPyFunc_O)
static HPy callable_check_impl(HPyContext *ctx, HPy self, HPy arg)
{
    return int_result(ctx, HPyCallable_Check(ctx, arg));
}

HPyDef_METH(is_, "is_", HPyFunc_VARARGS)
static HPy is__impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "is_(a, b)");
    return HPyBool_FromBool(ctx, HPy_Is(ctx, args[0], args[1]) != 0);
}

/* ---- calls --------------------------------------------------------------------------------- */

/* Vectorcall arguments from a positional tuple/list and a dict of keywords (or None):
 * fills *items (caller frees with free_items) and *kwnames (HPy_NULL when no keywords). */
static int vector_args(HPyContext *ctx, HPy pos, HPy kwds, HPy **items, size_t *npos, HPy *kwnames)
{
    HPy_ssize_t n = HPy_Length(ctx, pos);
    if (n < 0)
        return -1;
    HPy_ssize_t nkw = 0;
    HPy keys = HPy_NULL;
    if (!HPy_Is(ctx, kwds, ctx->h_None)) {
        keys = HPyDict_Keys(ctx, kwds);
        if (HPy_IsNull(keys))
            return -1;
        nkw = HPy_Length(ctx, keys);
    }
    HPy *a = (HPy *)calloc((size_t)(n + nkw + 1), sizeof(HPy));
    for (HPy_ssize_t i = 0; i < n; i++)
        a[i] = HPy_GetItem_i(ctx, pos, i);
    *kwnames = HPy_NULL;
    if (nkw > 0) {
        HPyTupleBuilder tb = HPyTupleBuilder_New(ctx, nkw);
        for (HPy_ssize_t j = 0; j < nkw; j++) {
            HPy k = HPy_GetItem_i(ctx, keys, j);
            a[n + j] = HPy_GetItem(ctx, kwds, k);
            HPyTupleBuilder_Set(ctx, tb, j, k);
            HPy_Close(ctx, k);
        }
        *kwnames = HPyTupleBuilder_Build(ctx, tb);
    }
    if (!HPy_IsNull(keys))
        HPy_Close(ctx, keys);
    *items = a;
    *npos = (size_t)n;
    return (int)(n + nkw);
}

static void free_items(HPyContext *ctx, HPy *items, int total, HPy kwnames)
{
    for (int i = 0; i < total; i++)
        HPy_Close(ctx, items[i]);
    free(items);
    if (!HPy_IsNull(kwnames))
        HPy_Close(ctx, kwnames);
}

/* call(f, args, kwargs_or_None): HPy_Call */
HPyDef_METH(call, "call", HPyFunc_VARARGS)
static HPy call_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(3, "call(f, args, kwargs)");
    HPy *items;
    size_t npos;
    HPy kwnames;
    int total = vector_args(ctx, args[1], args[2], &items, &npos, &kwnames);
    if (total < 0)
        return HPy_NULL;
    HPy r = HPy_Call(ctx, args[0], items, npos, kwnames);
    free_items(ctx, items, total, kwnames);
    return r;
}

/* callmethod(name, args_with_receiver_first, kwargs_or_None): HPy_CallMethod */
HPyDef_METH(callmethod, "callmethod", HPyFunc_VARARGS)
static HPy callmethod_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(3, "callmethod(name, args, kwargs)");
    HPy *items;
    size_t npos;
    HPy kwnames;
    int total = vector_args(ctx, args[1], args[2], &items, &npos, &kwnames);
    if (total < 0)
        return HPy_NULL;
    HPy r = HPy_CallMethod(ctx, args[0], items, npos, kwnames);
    free_items(ctx, items, total, kwnames);
    return r;
}

/* calltupledict(f, tuple_or_None, dict_or_None): None is passed as HPy_NULL */
HPyDef_METH(calltupledict, "calltupledict", HPyFunc_VARARGS)
static HPy calltupledict_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(3, "calltupledict(f, args, kwargs)");
    return HPy_CallTupleDict(ctx, args[0], opt(ctx, args[1]), opt(ctx, args[2]));
}

/* call_catch(f, args, exc): calls f(*args) with HPy_Call. On success returns ("ok", result);
 * on failure returns ("raised", HPyErr_Occurred(), HPyErr_ExceptionMatches(exc),
 * HPyErr_Occurred() after HPyErr_Clear()). */
HPyDef_METH(call_catch, "call_catch", HPyFunc_VARARGS)
static HPy call_catch_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(3, "call_catch(f, args, exc)");
    HPy *items;
    size_t npos;
    HPy kwnames;
    int total = vector_args(ctx, args[1], ctx->h_None, &items, &npos, &kwnames);
    if (total < 0)
        return HPy_NULL;
    HPy r = HPy_Call(ctx, args[0], items, npos, kwnames);
    free_items(ctx, items, total, kwnames);
    if (!HPy_IsNull(r)) {
        HPy tag = HPyUnicode_FromString(ctx, "ok");
        HPy t = HPyTuple_Pack(ctx, 2, tag, r);
        HPy_Close(ctx, tag);
        HPy_Close(ctx, r);
        return t;
    }
    int occurred = HPyErr_Occurred(ctx);
    int matches = HPyErr_ExceptionMatches(ctx, args[2]);
    HPyErr_Clear(ctx);
    int after = HPyErr_Occurred(ctx);
    HPy tag = HPyUnicode_FromString(ctx, "raised");
    HPy a = HPyLong_FromLong(ctx, occurred);
    HPy b = HPyLong_FromLong(ctx, matches);
    HPy c = HPyLong_FromLong(ctx, after);
    HPy t = HPyTuple_Pack(ctx, 4, tag, a, b, c);
    HPy_Close(ctx, tag);
    HPy_Close(ctx, a);
    HPy_Close(ctx, b);
    HPy_Close(ctx, c);
    return t;
}

/* call_expect(f, args, exc): calls f(*args); if it fails with an error matching exc, returns
 * NULL so that the pending error propagates unchanged to the caller; a non-matching error is
 * replaced by RuntimeError("unexpected error"). */
HPyDef_METH(call_expect, "call_expect", HPyFunc_VARARGS)
static HPy call_expect_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(3, "call_expect(f, args, exc)");
    HPy *items;
    size_t npos;
    HPy kwnames;
    int total = vector_args(ctx, args[1], ctx->h_None, &items, &npos, &kwnames);
    if (total < 0)
        return HPy_NULL;
    HPy r = HPy_Call(ctx, args[0], items, npos, kwnames);
    free_items(ctx, items, total, kwnames);
    if (!HPy_IsNull(r))
        return r;
    if (!HPyErr_Occurred(ctx)) {
        HPyErr_SetString(ctx, ctx->h_RuntimeError, "HPy_Call returned NULL without an error");
        return HPy_NULL;
    }
    if (HPyErr_ExceptionMatches(ctx, args[2]))
        return HPy_NULL;
    HPyErr_Clear(ctx);
    HPyErr_SetString(ctx, ctx->h_RuntimeError, "unexpected error");
    return HPy_NULL;
}

/* An extension function to be called from C through HPy_Call: returns (args tuple, kwargs dict). */
HPyDef_METH(echo, "echo", HPyFunc_KEYWORDS)
static HPy echo_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs, HPy kwnames)
{
    HPy pos = HPyTuple_FromArray(ctx, (HPy *)args, (HPy_ssize_t)nargs);
    HPy kw = HPyDict_New(ctx);
    HPy_ssize_t nkw = HPy_IsNull(kwnames) ? 0 : HPy_Length(ctx, kwnames);
    for (HPy_ssize_t i = 0; i < nkw; i++) {
        HPy k = HPy_GetItem_i(ctx, kwnames, i);
        HPy_SetItem(ctx, kw, k, args[nargs + i]);
        HPy_Close(ctx, k);
    }
    HPy r = HPyTuple_Pack(ctx, 2, pos, kw);
    HPy_Close(ctx, pos);
    HPy_Close(ctx, kw);
    return r;
}

/* An extension function that raises ValueError(msg). */
HPyDef_METH(fail, "fail", HPyFunc_O)
static HPy fail_impl(HPyContext *ctx, HPy self, HPy msg)
{
    const char *s = cstr(ctx, msg);
    if (!s)
        return HPy_NULL;
    HPyErr_SetString(ctx, ctx->h_ValueError, s);
    return HPy_NULL;
}

/* ---- iteration ----------------------------------------------------------------------------- */

/* iterate(obj): list(obj) built with HPy_GetIter + HPyIter_Next; raises if HPyIter_Next ends
 * with an error, and checks that a plain exhaustion leaves no error behind. */
HPyDef_METH(iterate, "iterate", HPyFunc_O)
static HPy iterate_impl(HPyContext *ctx, HPy self, HPy arg)
{
    HPy it = HPy_GetIter(ctx, arg);
    if (HPy_IsNull(it))
        return HPy_NULL;
    HPy out = HPyList_New(ctx, 0);
    for (;;) {
        HPy x = HPyIter_Next(ctx, it);
        if (HPy_IsNull(x))
            break;
        HPyList_Append(ctx, out, x);
        HPy_Close(ctx, x);
    }
    HPy_Close(ctx, it);
    if (HPyErr_Occurred(ctx)) {
        HPy_Close(ctx, out);
        return HPy_NULL;
    }
    return out;
}

HPyDef_METH(getiter, "getiter", HPyFunc_O)
static HPy getiter_impl(HPyContext *ctx, HPy self, HPy arg)
{
    return HPy_GetIter(ctx, arg);
}

/* iter_next(it): the next item, or Ellipsis when exhausted without error. */
HPyDef_METH(iter_next, "iter_next", HPyFunc_O)
static HPy iter_next_impl(HPyContext *ctx, HPy self, HPy arg)
{
    HPy x = HPyIter_Next(ctx, arg);
    if (HPy_IsNull(x) && !HPyErr_Occurred(ctx))
        return HPy_Dup(ctx, ctx->h_Ellipsis);
    return x;
}

/* iter_steps(seq, k, f): (the first k items by HPyIter_Next, f(item) called after each, which
 * may change seq; HPyIter_Check of the iterator; the iterator itself, handed to JS midway). */
HPyDef_METH(iter_steps, "iter_steps", HPyFunc_VARARGS)
static HPy iter_steps_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(3, "iter_steps(seq, k, f)");
    long k = HPyLong_AsLong(ctx, args[1]);
    HPy it = HPy_GetIter(ctx, args[0]);
    if (HPy_IsNull(it))
        return HPy_NULL;
    HPy items = HPyList_New(ctx, 0);
    for (long i = 0; i < k; i++) {
        HPy x = HPyIter_Next(ctx, it);
        if (HPy_IsNull(x))
            break;
        HPyList_Append(ctx, items, x);
        HPy r = HPy_Call(ctx, args[2], &x, 1, HPy_NULL);
        HPy_Close(ctx, x);
        if (HPy_IsNull(r))
            break;
        HPy_Close(ctx, r);
    }
    HPy check = HPyLong_FromLong(ctx, HPyIter_Check(ctx, it));
    HPy result = HPyErr_Occurred(ctx) ? HPy_NULL : HPyTuple_Pack(ctx, 3, items, check, it);
    HPy_Close(ctx, check);
    HPy_Close(ctx, items);
    HPy_Close(ctx, it);
    return result;
}

HPyDef_METH(iter_check, "iter_check", HPyFunc_O)
static HPy iter_check_impl(HPyContext *ctx, HPy self, HPy arg)
{
    return HPyLong_FromLong(ctx, HPyIter_Check(ctx, arg) ? 1 : 0);
}

static HPyDef *module_defines[] = {
    &getattr, &getattr_s, &hasattr, &hasattr_s, &setattr, &setattr_s, &delattr, &delattr_s,
    &getitem, &getitem_i, &getitem_s, &setitem, &setitem_i, &setitem_s, &delitem, &delitem_i, &delitem_s,
    &getslice, &setslice, &delslice, &length, &contains,
    &repr, &str, &ascii, &bytes, &hash,
    &richcompare, &richcomparebool, &cmp_ops, &istrue, &type, &type_is, &typecheck, &issubtype,
    &callable_check, &is_,
    &call, &callmethod, &calltupledict, &call_catch, &call_expect, &echo, &fail,
    &iterate, &getiter, &iter_next, &iter_check, &iter_steps,
    NULL,
};

static HPyModuleDef moduledef = {
    .doc = "object protocol from C",
    .defines = module_defines,
};

HPy_MODINIT(obj_protocol, moduledef)
