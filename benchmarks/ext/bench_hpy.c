/*
 * bench_hpy -- HPy microbenchmark extension for hpy-node's benchmark suite.
 *
 * Every function does one small, fixed piece of work through the HPy API so
 * that its cost can be compared with the same work done by a hand-written
 * Node-API addon (../napi/bench_napi.cc) and by a CPython C-API extension
 * (../cpython/bench_cpy.c).  The three must stay semantically identical:
 * same names, same arguments, same results.
 *
 * Built for the universal ABI, either with hpy-node's own headers
 * (`hpy-node build`) or with the official HPy 0.9 headers (run.js does both
 * when it can); the binary is the same source either way.
 */
#include <stddef.h>
#include <stdio.h>
#include "hpy.h"

/* keeps the compiler from merging or dropping the Dup/Close pairs below */
#define BARRIER() __asm__ __volatile__("" ::: "memory")

static HPy type_error(HPyContext *ctx, const char *msg)
{
    HPyErr_SetString(ctx, ctx->h_TypeError, msg);
    return HPy_NULL;
}

/* ---------------------------------------------------------------- calls -- */

HPyDef_METH(noop, "noop", HPyFunc_NOARGS)
static HPy noop_impl(HPyContext *ctx, HPy self)
{
    return HPy_Dup(ctx, ctx->h_None);
}

HPyDef_METH(onearg, "onearg", HPyFunc_O)
static HPy onearg_impl(HPyContext *ctx, HPy self, HPy arg)
{
    return HPy_Dup(ctx, ctx->h_None);
}

HPyDef_METH(varargs, "varargs", HPyFunc_VARARGS)
static HPy varargs_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    if (nargs != 3)
        return type_error(ctx, "varargs() takes exactly 3 arguments");
    return HPy_Dup(ctx, ctx->h_None);
}

/* keywords(a, b=0, c=0) -> a + b + c, called as keywords(1, b=2, c=3) */
HPyDef_METH(keywords, "keywords", HPyFunc_KEYWORDS)
static HPy keywords_impl(HPyContext *ctx, HPy self, const HPy *args,
                         size_t nargs, HPy kwnames)
{
    static const char *names[] = { "a", "b", "c", NULL };
    long a = 0, b = 0, c = 0;
    if (!HPyArg_ParseKeywords(ctx, NULL, args, nargs, kwnames, "l|ll",
                              names, &a, &b, &c))
        return HPy_NULL;
    return HPyLong_FromLong(ctx, a + b + c);
}

HPyDef_METH(ret_int, "ret_int", HPyFunc_NOARGS)
static HPy ret_int_impl(HPyContext *ctx, HPy self)
{
    return HPyLong_FromLong(ctx, 12345);
}

HPyDef_METH(ret_float, "ret_float", HPyFunc_NOARGS)
static HPy ret_float_impl(HPyContext *ctx, HPy self)
{
    return HPyFloat_FromDouble(ctx, 1.5);
}

HPyDef_METH(ret_str, "ret_str", HPyFunc_NOARGS)
static HPy ret_str_impl(HPyContext *ctx, HPy self)
{
    return HPyUnicode_FromString(ctx, "hello world");
}

HPyDef_METH(identity, "identity", HPyFunc_O)
static HPy identity_impl(HPyContext *ctx, HPy self, HPy arg)
{
    return HPy_Dup(ctx, arg);
}

/* ----------------------------------------------------------- primitives -- */

HPyDef_METH(add_ints, "add_ints", HPyFunc_VARARGS)
static HPy add_ints_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    if (nargs != 2)
        return type_error(ctx, "add_ints() takes exactly 2 arguments");
    long a = HPyLong_AsLong(ctx, args[0]);
    if (a == -1 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    long b = HPyLong_AsLong(ctx, args[1]);
    if (b == -1 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    return HPyLong_FromLong(ctx, a + b);
}

HPyDef_METH(add_floats, "add_floats", HPyFunc_VARARGS)
static HPy add_floats_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    if (nargs != 2)
        return type_error(ctx, "add_floats() takes exactly 2 arguments");
    double a = HPyFloat_AsDouble(ctx, args[0]);
    if (a == -1.0 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    double b = HPyFloat_AsDouble(ctx, args[1]);
    if (b == -1.0 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    return HPyFloat_FromDouble(ctx, a + b);
}

/* len(s) in code points */
HPyDef_METH(str_len, "str_len", HPyFunc_O)
static HPy str_len_impl(HPyContext *ctx, HPy self, HPy s)
{
    if (!HPyUnicode_Check(ctx, s))
        return type_error(ctx, "str_len() expects a str");
    HPy_ssize_t n = HPy_Length(ctx, s);
    if (n < 0)
        return HPy_NULL;
    return HPyLong_FromSsize_t(ctx, n);
}

/* number of bytes of the UTF-8 encoding of s */
HPyDef_METH(utf8_len, "utf8_len", HPyFunc_O)
static HPy utf8_len_impl(HPyContext *ctx, HPy self, HPy s)
{
    HPy_ssize_t n;
    const char *p = HPyUnicode_AsUTF8AndSize(ctx, s, &n);
    if (p == NULL)
        return HPy_NULL;
    return HPyLong_FromSsize_t(ctx, n);
}

/* ----------------------------------------------------------- containers -- */

/* make_tuple() -> (1, 2, 3) */
HPyDef_METH(make_tuple, "make_tuple", HPyFunc_NOARGS)
static HPy make_tuple_impl(HPyContext *ctx, HPy self)
{
    HPy items[3];
    items[0] = HPyLong_FromLong(ctx, 1);
    items[1] = HPyLong_FromLong(ctx, 2);
    items[2] = HPyLong_FromLong(ctx, 3);
    HPy t = HPyTuple_FromArray(ctx, items, 3);
    HPy_Close(ctx, items[0]);
    HPy_Close(ctx, items[1]);
    HPy_Close(ctx, items[2]);
    return t;
}

/* tuple_index(t) -> t[2] */
HPyDef_METH(tuple_index, "tuple_index", HPyFunc_O)
static HPy tuple_index_impl(HPyContext *ctx, HPy self, HPy t)
{
    return HPy_GetItem_i(ctx, t, 2);
}

/* sum_list(lst) -> sum of a list of ints */
HPyDef_METH(sum_list, "sum_list", HPyFunc_O)
static HPy sum_list_impl(HPyContext *ctx, HPy self, HPy lst)
{
    if (!HPyList_Check(ctx, lst))
        return type_error(ctx, "sum_list() expects a list");
    HPy_ssize_t n = HPy_Length(ctx, lst);
    long total = 0;
    for (HPy_ssize_t i = 0; i < n; i++) {
        HPy item = HPy_GetItem_i(ctx, lst, i);
        if (HPy_IsNull(item))
            return HPy_NULL;
        long v = HPyLong_AsLong(ctx, item);
        HPy_Close(ctx, item);
        if (v == -1 && HPyErr_Occurred(ctx))
            return HPy_NULL;
        total += v;
    }
    return HPyLong_FromLong(ctx, total);
}

/* build_list(n) -> [0, 1, ..., n-1] */
HPyDef_METH(build_list, "build_list", HPyFunc_O)
static HPy build_list_impl(HPyContext *ctx, HPy self, HPy h_n)
{
    HPy_ssize_t n = HPyLong_AsSsize_t(ctx, h_n);
    if (n == -1 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    if (n < 0)
        return type_error(ctx, "build_list() expects n >= 0");
    HPyListBuilder b = HPyListBuilder_New(ctx, n);
    for (HPy_ssize_t i = 0; i < n; i++) {
        HPy item = HPyLong_FromSsize_t(ctx, i);
        if (HPy_IsNull(item)) {
            HPyListBuilder_Cancel(ctx, b);
            return HPy_NULL;
        }
        HPyListBuilder_Set(ctx, b, i, item);
        HPy_Close(ctx, item);
    }
    return HPyListBuilder_Build(ctx, b);
}

/* The 100 C-string keys "key0" .. "key99" (filled once, in bench_exec). */
#define DICT_N 100
static char dict_keys[DICT_N][8];

static void fill_dict_keys(void)
{
    for (int i = 0; i < DICT_N; i++)
        snprintf(dict_keys[i], sizeof dict_keys[i], "key%d", i);
}

/* build_dict() -> {"key0": 0, ..., "key99": 99}, keys given as C strings */
HPyDef_METH(build_dict, "build_dict", HPyFunc_NOARGS)
static HPy build_dict_impl(HPyContext *ctx, HPy self)
{
    HPy d = HPyDict_New(ctx);
    if (HPy_IsNull(d))
        return HPy_NULL;
    for (long i = 0; i < DICT_N; i++) {
        HPy value = HPyLong_FromLong(ctx, i);
        if (HPy_IsNull(value))
            goto fail;
        int r = HPy_SetItem_s(ctx, d, dict_keys[i], value);
        HPy_Close(ctx, value);
        if (r < 0)
            goto fail;
    }
    return d;
fail:
    HPy_Close(ctx, d);
    return HPy_NULL;
}

/* dict_get(d) -> sum(d[k] for k in "key0" .. "key99"), keys as C strings */
HPyDef_METH(dict_get, "dict_get", HPyFunc_O)
static HPy dict_get_impl(HPyContext *ctx, HPy self, HPy d)
{
    long total = 0;
    for (int i = 0; i < DICT_N; i++) {
        HPy value = HPy_GetItem_s(ctx, d, dict_keys[i]);
        if (HPy_IsNull(value))
            return HPy_NULL;
        long v = HPyLong_AsLong(ctx, value);
        HPy_Close(ctx, value);
        if (v == -1 && HPyErr_Occurred(ctx))
            return HPy_NULL;
        total += v;
    }
    return HPyLong_FromLong(ctx, total);
}

/* build_dict_obj(keys) -> {keys[i]: i for i in range(len(keys))} */
HPyDef_METH(build_dict_obj, "build_dict_obj", HPyFunc_O)
static HPy build_dict_obj_impl(HPyContext *ctx, HPy self, HPy keys)
{
    HPy_ssize_t n = HPy_Length(ctx, keys);
    if (n < 0)
        return HPy_NULL;
    HPy d = HPyDict_New(ctx);
    if (HPy_IsNull(d))
        return HPy_NULL;
    for (HPy_ssize_t i = 0; i < n; i++) {
        HPy key = HPy_GetItem_i(ctx, keys, i);
        if (HPy_IsNull(key))
            goto fail;
        HPy value = HPyLong_FromSsize_t(ctx, i);
        if (HPy_IsNull(value)) {
            HPy_Close(ctx, key);
            goto fail;
        }
        int r = HPy_SetItem(ctx, d, key, value);
        HPy_Close(ctx, key);
        HPy_Close(ctx, value);
        if (r < 0)
            goto fail;
    }
    return d;
fail:
    HPy_Close(ctx, d);
    return HPy_NULL;
}

/* dict_get_obj(d, keys) -> sum(d[k] for k in keys) */
HPyDef_METH(dict_get_obj, "dict_get_obj", HPyFunc_VARARGS)
static HPy dict_get_obj_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    if (nargs != 2)
        return type_error(ctx, "dict_get_obj() takes exactly 2 arguments");
    HPy d = args[0], keys = args[1];
    HPy_ssize_t n = HPy_Length(ctx, keys);
    if (n < 0)
        return HPy_NULL;
    long total = 0;
    for (HPy_ssize_t i = 0; i < n; i++) {
        HPy key = HPy_GetItem_i(ctx, keys, i);
        if (HPy_IsNull(key))
            return HPy_NULL;
        HPy value = HPy_GetItem(ctx, d, key);
        HPy_Close(ctx, key);
        if (HPy_IsNull(value))
            return HPy_NULL;
        long v = HPyLong_AsLong(ctx, value);
        HPy_Close(ctx, value);
        if (v == -1 && HPyErr_Occurred(ctx))
            return HPy_NULL;
        total += v;
    }
    return HPyLong_FromLong(ctx, total);
}

/* ------------------------------------------------------- host callbacks -- */

/* call_back(f) -> calls f(i) for i in range(1000), returns the sum of results */
HPyDef_METH(call_back, "call_back", HPyFunc_O)
static HPy call_back_impl(HPyContext *ctx, HPy self, HPy f)
{
    long total = 0;
    for (long i = 0; i < 1000; i++) {
        HPy arg = HPyLong_FromLong(ctx, i);
        if (HPy_IsNull(arg))
            return HPy_NULL;
        HPy r = HPy_Call(ctx, f, &arg, 1, HPy_NULL);
        HPy_Close(ctx, arg);
        if (HPy_IsNull(r))
            return HPy_NULL;
        long v = HPyLong_AsLong(ctx, r);
        HPy_Close(ctx, r);
        if (v == -1 && HPyErr_Occurred(ctx))
            return HPy_NULL;
        total += v;
    }
    return HPyLong_FromLong(ctx, total);
}

/* getattr_x(obj) -> obj.x, looked up by C-string name */
HPyDef_METH(getattr_x, "getattr_x", HPyFunc_O)
static HPy getattr_x_impl(HPyContext *ctx, HPy self, HPy obj)
{
    return HPy_GetAttr_s(ctx, obj, "x");
}

/* ------------------------------------------------------------- handles -- */

/* dup_close(obj) -> None after 1000 HPy_Dup + HPy_Close pairs */
HPyDef_METH(dup_close, "dup_close", HPyFunc_O)
static HPy dup_close_impl(HPyContext *ctx, HPy self, HPy obj)
{
    for (int i = 0; i < 1000; i++) {
        HPy h = HPy_Dup(ctx, obj);
        BARRIER();
        HPy_Close(ctx, h);
    }
    return HPy_Dup(ctx, ctx->h_None);
}

/* handles_10m(obj) -> 10_000_000: opens and closes that many handles in one
   call, in turn a new int, a new float and a duplicate of obj */
HPyDef_METH(handles_10m, "handles_10m", HPyFunc_O)
static HPy handles_10m_impl(HPyContext *ctx, HPy self, HPy obj)
{
    long count = 0;
    for (long i = 0; i < 10000000; i++) {
        HPy h;
        switch (i % 3) {
        case 0:  h = HPyLong_FromLong(ctx, i); break;
        case 1:  h = HPyFloat_FromDouble(ctx, (double)i + 0.5); break;
        default: h = HPy_Dup(ctx, obj); break;
        }
        if (HPy_IsNull(h))
            return HPy_NULL;
        BARRIER();
        HPy_Close(ctx, h);
        count++;
    }
    return HPyLong_FromLong(ctx, count);
}

/* ------------------------------------------------------ extension type -- */

typedef struct {
    double x;
    double y;
} VecObject;

HPyType_HELPERS(VecObject)

/* Vec(x=0.0, y=0.0), positional only */
HPyDef_SLOT(Vec_new, HPy_tp_new)
static HPy Vec_new_impl(HPyContext *ctx, HPy cls, const HPy *args,
                        HPy_ssize_t nargs, HPy kwnames)
{
    double x = 0.0, y = 0.0;
    if (nargs > 2)
        return type_error(ctx, "Vec() takes at most 2 arguments");
    if (nargs > 0) {
        x = HPyFloat_AsDouble(ctx, args[0]);
        if (x == -1.0 && HPyErr_Occurred(ctx))
            return HPy_NULL;
    }
    if (nargs > 1) {
        y = HPyFloat_AsDouble(ctx, args[1]);
        if (y == -1.0 && HPyErr_Occurred(ctx))
            return HPy_NULL;
    }
    VecObject *v;
    HPy h = HPy_New(ctx, cls, &v);
    if (HPy_IsNull(h))
        return HPy_NULL;
    v->x = x;
    v->y = y;
    return h;
}

HPyDef_MEMBER(Vec_x, "x", HPyMember_DOUBLE, offsetof(VecObject, x))
HPyDef_MEMBER(Vec_y, "y", HPyMember_DOUBLE, offsetof(VecObject, y))

HPyDef_METH(Vec_norm2, "norm2", HPyFunc_NOARGS)
static HPy Vec_norm2_impl(HPyContext *ctx, HPy self)
{
    VecObject *v = VecObject_AsStruct(ctx, self);
    return HPyFloat_FromDouble(ctx, v->x * v->x + v->y * v->y);
}

HPyDef_SLOT(Vec_add, HPy_nb_add)
static HPy Vec_add_impl(HPyContext *ctx, HPy a, HPy b)
{
    HPy tp = HPy_Type(ctx, a);
    if (HPy_IsNull(tp))
        return HPy_NULL;
    if (!HPy_TypeCheck(ctx, b, tp)) {
        HPy_Close(ctx, tp);
        return HPy_Dup(ctx, ctx->h_NotImplemented);
    }
    VecObject *va = VecObject_AsStruct(ctx, a);
    VecObject *vb = VecObject_AsStruct(ctx, b);
    VecObject *r;
    HPy h = HPy_New(ctx, tp, &r);
    HPy_Close(ctx, tp);
    if (HPy_IsNull(h))
        return HPy_NULL;
    r->x = va->x + vb->x;
    r->y = va->y + vb->y;
    return h;
}

static HPyDef *Vec_defines[] = {
    &Vec_new, &Vec_x, &Vec_y, &Vec_norm2, &Vec_add, NULL
};

static HPyType_Spec Vec_spec = {
    .name = "bench_hpy.Vec",
    .basicsize = sizeof(VecObject),
    .flags = HPy_TPFLAGS_DEFAULT,
    .defines = Vec_defines,
};

/* --------------------------------------------------------------- module -- */

HPyDef_SLOT(bench_exec, HPy_mod_exec)
static int bench_exec_impl(HPyContext *ctx, HPy m)
{
    fill_dict_keys();
    HPy tp = HPyType_FromSpec(ctx, &Vec_spec, NULL);
    if (HPy_IsNull(tp))
        return -1;
    int r = HPy_SetAttr_s(ctx, m, "Vec", tp);
    HPy_Close(ctx, tp);
    return r;
}

static HPyDef *module_defines[] = {
    &noop, &onearg, &varargs, &keywords,
    &ret_int, &ret_float, &ret_str, &identity,
    &add_ints, &add_floats, &str_len, &utf8_len,
    &make_tuple, &tuple_index, &sum_list, &build_list,
    &build_dict, &dict_get, &build_dict_obj, &dict_get_obj,
    &call_back, &getattr_x, &dup_close, &handles_10m,
    &bench_exec,
    NULL
};

static HPyModuleDef moduledef = {
    .doc = "hpy-node microbenchmarks (HPy side)",
    .size = 0,
    .defines = module_defines,
};

HPy_MODINIT(bench_hpy, moduledef)
