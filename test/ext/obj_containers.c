/* Containers and builders from C: HPyList_*, HPyTuple_*, HPyDict_*, HPyTupleBuilder,
 * HPyListBuilder, HPyTracker, HPySlice_New/Unpack and HPySlice_AdjustIndices, plus dicts whose
 * keys are made in C (1, 1.0 and True colliding; tuple keys by value; "__proto__"). For
 * test/objects-containers.test.js. */
#include <stdio.h>
#include "hpy.h"

#define ARGS(n, usage)                                                    \
    if (nargs != (n)) {                                                   \
        HPyErr_SetString(ctx, ctx->h_TypeError, "usage: " usage);         \
        return HPy_NULL;                                                  \
    }

static HPy int_result(HPyContext *ctx, long r)
{
    if (r == -1 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    return HPyLong_FromLong(ctx, r);
}

static HPy opt(HPyContext *ctx, HPy h)
{
    return HPy_Is(ctx, h, ctx->h_None) ? HPy_NULL : h;
}

/* ---- lists --------------------------------------------------------------------------------- */

HPyDef_METH(list_new, "list_new", HPyFunc_O)
static HPy list_new_impl(HPyContext *ctx, HPy self, HPy n)
{
    HPy_ssize_t len = HPyLong_AsSsize_t(ctx, n);
    if (len == -1 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    return HPyList_New(ctx, len);
}

HPyDef_METH(list_append, "list_append", HPyFunc_VARARGS)
static HPy list_append_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "list_append(list, item)");
    return int_result(ctx, HPyList_Append(ctx, args[0], args[1]));
}

HPyDef_METH(list_insert, "list_insert", HPyFunc_VARARGS)
static HPy list_insert_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(3, "list_insert(list, index, item)");
    HPy_ssize_t i = HPyLong_AsSsize_t(ctx, args[1]);
    if (i == -1 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    return int_result(ctx, HPyList_Insert(ctx, args[0], i, args[2]));
}

HPyDef_METH(list_check, "list_check", HPyFunc_O)
static HPy list_check_impl(HPyContext *ctx, HPy self, HPy arg)
{
    return HPyLong_FromLong(ctx, HPyList_Check(ctx, arg) ? 1 : 0);
}

/* A list built in C: HPyList_New(0) + n appends of 0..n-1, then one insert at the front. */
HPyDef_METH(list_build, "list_build", HPyFunc_O)
static HPy list_build_impl(HPyContext *ctx, HPy self, HPy n_h)
{
    long n = HPyLong_AsLong(ctx, n_h);
    HPy l = HPyList_New(ctx, 0);
    for (long i = 0; i < n; i++) {
        HPy v = HPyLong_FromLong(ctx, i);
        HPyList_Append(ctx, l, v);
        HPy_Close(ctx, v);
    }
    HPy first = HPyUnicode_FromString(ctx, "first");
    HPyList_Insert(ctx, l, 0, first);
    HPy_Close(ctx, first);
    return l;
}

/* ---- tuples -------------------------------------------------------------------------------- */

/* tuple_from_array(seq): HPyTuple_FromArray over the items of seq */
HPyDef_METH(tuple_from_array, "tuple_from_array", HPyFunc_O)
static HPy tuple_from_array_impl(HPyContext *ctx, HPy self, HPy seq)
{
    HPy_ssize_t n = HPy_Length(ctx, seq);
    if (n < 0)
        return HPy_NULL;
    HPy items[64];
    if (n > 64) {
        HPyErr_SetString(ctx, ctx->h_ValueError, "at most 64 items");
        return HPy_NULL;
    }
    for (HPy_ssize_t i = 0; i < n; i++)
        items[i] = HPy_GetItem_i(ctx, seq, i);
    HPy t = HPyTuple_FromArray(ctx, items, n);
    for (HPy_ssize_t i = 0; i < n; i++)
        HPy_Close(ctx, items[i]);
    return t;
}

HPyDef_METH(tuple_pack, "tuple_pack", HPyFunc_VARARGS)
static HPy tuple_pack_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    switch (nargs) {
    case 0: return HPyTuple_Pack(ctx, 0);
    case 1: return HPyTuple_Pack(ctx, 1, args[0]);
    case 2: return HPyTuple_Pack(ctx, 2, args[0], args[1]);
    case 3: return HPyTuple_Pack(ctx, 3, args[0], args[1], args[2]);
    }
    HPyErr_SetString(ctx, ctx->h_TypeError, "tuple_pack takes at most 3 arguments");
    return HPy_NULL;
}

HPyDef_METH(tuple_check, "tuple_check", HPyFunc_O)
static HPy tuple_check_impl(HPyContext *ctx, HPy self, HPy arg)
{
    return HPyLong_FromLong(ctx, HPyTuple_Check(ctx, arg) ? 1 : 0);
}

/* ---- builders and tracker ------------------------------------------------------------------ */

/* tuple_builder(seq, cancel): copies seq through an HPyTupleBuilder (items set in reverse
 * order); with cancel, cancels the builder and returns None. */
HPyDef_METH(tuple_builder, "tuple_builder", HPyFunc_VARARGS)
static HPy tuple_builder_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "tuple_builder(seq, cancel)");
    HPy_ssize_t n = HPy_Length(ctx, args[0]);
    if (n < 0)
        return HPy_NULL;
    HPyTupleBuilder tb = HPyTupleBuilder_New(ctx, n);
    for (HPy_ssize_t i = n - 1; i >= 0; i--) {
        HPy item = HPy_GetItem_i(ctx, args[0], i);
        HPyTupleBuilder_Set(ctx, tb, i, item);
        HPy_Close(ctx, item);
    }
    if (HPy_IsTrue(ctx, args[1])) {
        HPyTupleBuilder_Cancel(ctx, tb);
        return HPy_Dup(ctx, ctx->h_None);
    }
    return HPyTupleBuilder_Build(ctx, tb);
}

HPyDef_METH(list_builder, "list_builder", HPyFunc_VARARGS)
static HPy list_builder_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "list_builder(seq, cancel)");
    HPy_ssize_t n = HPy_Length(ctx, args[0]);
    if (n < 0)
        return HPy_NULL;
    HPyListBuilder lb = HPyListBuilder_New(ctx, n);
    for (HPy_ssize_t i = 0; i < n; i++) {
        HPy item = HPy_GetItem_i(ctx, args[0], i);
        HPyListBuilder_Set(ctx, lb, i, item);
        HPy_Close(ctx, item);
    }
    if (HPy_IsTrue(ctx, args[1])) {
        HPyListBuilder_Cancel(ctx, lb);
        return HPy_Dup(ctx, ctx->h_None);
    }
    return HPyListBuilder_Build(ctx, lb);
}

/* Many builders, built and cancelled in a loop: memory stays bounded and nothing crashes. */
HPyDef_METH(builders_loop, "builders_loop", HPyFunc_O)
static HPy builders_loop_impl(HPyContext *ctx, HPy self, HPy n_h)
{
    long n = HPyLong_AsLong(ctx, n_h);
    long built = 0;
    for (long i = 0; i < n; i++) {
        HPyTupleBuilder tb = HPyTupleBuilder_New(ctx, 3);
        HPyListBuilder lb = HPyListBuilder_New(ctx, 3);
        for (int k = 0; k < 3; k++) {
            HPy v = HPyLong_FromLong(ctx, i + k);
            HPyTupleBuilder_Set(ctx, tb, k, v);
            HPyListBuilder_Set(ctx, lb, k, v);
            HPy_Close(ctx, v);
        }
        if (i % 2) {
            HPyTupleBuilder_Cancel(ctx, tb);
            HPyListBuilder_Cancel(ctx, lb);
        } else {
            HPy t = HPyTupleBuilder_Build(ctx, tb);
            HPy l = HPyListBuilder_Build(ctx, lb);
            built += HPy_Length(ctx, t) + HPy_Length(ctx, l);
            HPy_Close(ctx, t);
            HPy_Close(ctx, l);
        }
    }
    return HPyLong_FromLong(ctx, built);
}

/* tracker(n, forget): tracks n new str handles (the tracker starts with room for 1); the
 * result tuple is built while they are alive; then either HPyTracker_Close closes them all, or
 * HPyTracker_ForgetAll + HPyTracker_Close and the handles are closed one by one. */
HPyDef_METH(tracker, "tracker", HPyFunc_VARARGS)
static HPy tracker_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "tracker(n, forget)");
    long n = HPyLong_AsLong(ctx, args[0]);
    if (n < 0 || n > 4096) {
        HPyErr_SetString(ctx, ctx->h_ValueError, "0 <= n <= 4096");
        return HPy_NULL;
    }
    int forget = HPy_IsTrue(ctx, args[1]);
    HPyTracker ht = HPyTracker_New(ctx, 1);
    HPy hs[4096];
    HPyTupleBuilder tb = HPyTupleBuilder_New(ctx, n);
    for (long i = 0; i < n; i++) {
        char buf[32];
        snprintf(buf, sizeof buf, "s%ld", i);
        hs[i] = HPyUnicode_FromString(ctx, buf);
        if (HPyTracker_Add(ctx, ht, hs[i]) < 0) {
            HPyTupleBuilder_Cancel(ctx, tb);
            HPyTracker_Close(ctx, ht);
            return HPy_NULL;
        }
    }
    for (long i = 0; i < n; i++)
        HPyTupleBuilder_Set(ctx, tb, i, hs[i]);
    HPy t = HPyTupleBuilder_Build(ctx, tb);
    if (forget) {
        HPyTracker_ForgetAll(ctx, ht);
        HPyTracker_Close(ctx, ht);
        for (long i = 0; i < n; i++)
            HPy_Close(ctx, hs[i]);
    } else {
        HPyTracker_Close(ctx, ht);
    }
    return t;
}

/* ---- dicts --------------------------------------------------------------------------------- */

HPyDef_METH(dict_new, "dict_new", HPyFunc_NOARGS)
static HPy dict_new_impl(HPyContext *ctx, HPy self)
{
    return HPyDict_New(ctx);
}

HPyDef_METH(dict_check, "dict_check", HPyFunc_O)
static HPy dict_check_impl(HPyContext *ctx, HPy self, HPy arg)
{
    return HPyLong_FromLong(ctx, HPyDict_Check(ctx, arg) ? 1 : 0);
}

HPyDef_METH(dict_keys, "dict_keys", HPyFunc_O)
static HPy dict_keys_impl(HPyContext *ctx, HPy self, HPy arg)
{
    return HPyDict_Keys(ctx, arg);
}

HPyDef_METH(dict_copy, "dict_copy", HPyFunc_O)
static HPy dict_copy_impl(HPyContext *ctx, HPy self, HPy arg)
{
    return HPyDict_Copy(ctx, arg);
}

/* dict_from_pairs(pairs): HPyDict_New, then HPy_SetItem(key, value) for each [key, value] */
HPyDef_METH(dict_from_pairs, "dict_from_pairs", HPyFunc_O)
static HPy dict_from_pairs_impl(HPyContext *ctx, HPy self, HPy pairs)
{
    HPy_ssize_t n = HPy_Length(ctx, pairs);
    if (n < 0)
        return HPy_NULL;
    HPy d = HPyDict_New(ctx);
    for (HPy_ssize_t i = 0; i < n; i++) {
        HPy pair = HPy_GetItem_i(ctx, pairs, i);
        HPy k = HPy_GetItem_i(ctx, pair, 0);
        HPy v = HPy_GetItem_i(ctx, pair, 1);
        int r = HPy_SetItem(ctx, d, k, v);
        HPy_Close(ctx, pair);
        HPy_Close(ctx, k);
        HPy_Close(ctx, v);
        if (r < 0) {
            HPy_Close(ctx, d);
            return HPy_NULL;
        }
    }
    return d;
}

/* dict_from_pairs_s(pairs): the same with HPy_SetItem_s (keys must be str) */
HPyDef_METH(dict_from_pairs_s, "dict_from_pairs_s", HPyFunc_O)
static HPy dict_from_pairs_s_impl(HPyContext *ctx, HPy self, HPy pairs)
{
    HPy_ssize_t n = HPy_Length(ctx, pairs);
    if (n < 0)
        return HPy_NULL;
    HPy d = HPyDict_New(ctx);
    for (HPy_ssize_t i = 0; i < n; i++) {
        HPy pair = HPy_GetItem_i(ctx, pairs, i);
        HPy k = HPy_GetItem_i(ctx, pair, 0);
        HPy v = HPy_GetItem_i(ctx, pair, 1);
        const char *ks = HPyUnicode_AsUTF8AndSize(ctx, k, NULL);
        int r = ks ? HPy_SetItem_s(ctx, d, ks, v) : -1;
        HPy_Close(ctx, pair);
        HPy_Close(ctx, k);
        HPy_Close(ctx, v);
        if (r < 0) {
            HPy_Close(ctx, d);
            return HPy_NULL;
        }
    }
    return d;
}

/* {1: 'int'}, then d[1.0] = 'float', then d[True] = 'bool', all keys made in C; returns
 * (d, d[1], d[1.0], d[True], len(d), 1.5 in d). */
HPyDef_METH(dict_collide, "dict_collide", HPyFunc_NOARGS)
static HPy dict_collide_impl(HPyContext *ctx, HPy self)
{
    HPy d = HPyDict_New(ctx);
    HPy k_int = HPyLong_FromLong(ctx, 1);
    HPy k_float = HPyFloat_FromDouble(ctx, 1.0);
    HPy k_bool = HPyBool_FromBool(ctx, 1);
    HPy k_other = HPyFloat_FromDouble(ctx, 1.5);
    HPy v1 = HPyUnicode_FromString(ctx, "int");
    HPy v2 = HPyUnicode_FromString(ctx, "float");
    HPy v3 = HPyUnicode_FromString(ctx, "bool");
    HPy_SetItem(ctx, d, k_int, v1);
    HPy_SetItem(ctx, d, k_float, v2);
    HPy_SetItem(ctx, d, k_bool, v3);
    HPy g1 = HPy_GetItem(ctx, d, k_int);
    HPy g2 = HPy_GetItem(ctx, d, k_float);
    HPy g3 = HPy_GetItem(ctx, d, k_bool);
    HPy len = HPyLong_FromSsize_t(ctx, HPy_Length(ctx, d));
    HPy has = HPyBool_FromBool(ctx, HPy_Contains(ctx, d, k_other) == 1);
    HPy items[6] = {d, g1, g2, g3, len, has};
    HPy r = HPyTuple_FromArray(ctx, items, 6);
    for (int i = 0; i < 6; i++)
        HPy_Close(ctx, items[i]);
    HPy_Close(ctx, k_int);
    HPy_Close(ctx, k_float);
    HPy_Close(ctx, k_bool);
    HPy_Close(ctx, k_other);
    HPy_Close(ctx, v1);
    HPy_Close(ctx, v2);
    HPy_Close(ctx, v3);
    return r;
}

/* Tuple keys by value: d[(1, 'a')] = 'v' with one tuple, read back with another equal tuple
 * (1.0, 'a') made separately; returns (d, value, contains, len after a second set). */
HPyDef_METH(dict_tuple_keys, "dict_tuple_keys", HPyFunc_NOARGS)
static HPy dict_tuple_keys_impl(HPyContext *ctx, HPy self)
{
    HPy d = HPyDict_New(ctx);
    HPy one = HPyLong_FromLong(ctx, 1);
    HPy onef = HPyFloat_FromDouble(ctx, 1.0);
    HPy a = HPyUnicode_FromString(ctx, "a");
    HPy k1 = HPyTuple_Pack(ctx, 2, one, a);
    HPy k2 = HPyTuple_Pack(ctx, 2, onef, a);
    HPy v = HPyUnicode_FromString(ctx, "v");
    HPy w = HPyUnicode_FromString(ctx, "w");
    HPy_SetItem(ctx, d, k1, v);
    HPy got = HPy_GetItem(ctx, d, k2);
    HPy has = HPyBool_FromBool(ctx, HPy_Contains(ctx, d, k2) == 1);
    HPy_SetItem(ctx, d, k2, w); /* overwrites the same entry */
    HPy len = HPyLong_FromSsize_t(ctx, HPy_Length(ctx, d));
    HPy r = HPyTuple_Pack(ctx, 4, d, got, has, len);
    HPy hs[] = {d, one, onef, a, k1, k2, v, w, got, has, len};
    for (size_t i = 0; i < sizeof(hs) / sizeof(hs[0]); i++)
        HPy_Close(ctx, hs[i]);
    return r;
}

/* ---- slices -------------------------------------------------------------------------------- */

/* slice_new(start, stop, step): None -> HPy_NULL */
HPyDef_METH(slice_new, "slice_new", HPyFunc_VARARGS)
static HPy slice_new_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(3, "slice_new(start, stop, step)");
    return HPySlice_New(ctx, opt(ctx, args[0]), opt(ctx, args[1]), opt(ctx, args[2]));
}

/* slice_new_none(start, stop, step): passes None handles as they are */
HPyDef_METH(slice_new_none, "slice_new_none", HPyFunc_VARARGS)
static HPy slice_new_none_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(3, "slice_new_none(start, stop, step)");
    return HPySlice_New(ctx, args[0], args[1], args[2]);
}

HPyDef_METH(slice_unpack, "slice_unpack", HPyFunc_O)
static HPy slice_unpack_impl(HPyContext *ctx, HPy self, HPy s)
{
    HPy_ssize_t start = -7, stop = -7, step = -7;
    if (HPySlice_Unpack(ctx, s, &start, &stop, &step) < 0)
        return HPy_NULL;
    HPy a = HPyLong_FromSsize_t(ctx, start);
    HPy b = HPyLong_FromSsize_t(ctx, stop);
    HPy c = HPyLong_FromSsize_t(ctx, step);
    HPy r = HPyTuple_Pack(ctx, 3, a, b, c);
    HPy_Close(ctx, a);
    HPy_Close(ctx, b);
    HPy_Close(ctx, c);
    return r;
}

/* slice_indices(s, length): Unpack + AdjustIndices -> (start, stop, step, slicelength) */
HPyDef_METH(slice_indices, "slice_indices", HPyFunc_VARARGS)
static HPy slice_indices_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(2, "slice_indices(slice, length)");
    HPy_ssize_t start, stop, step;
    if (HPySlice_Unpack(ctx, args[0], &start, &stop, &step) < 0)
        return HPy_NULL;
    HPy_ssize_t length = HPyLong_AsSsize_t(ctx, args[1]);
    if (length == -1 && HPyErr_Occurred(ctx))
        return HPy_NULL;
    HPy_ssize_t n = HPySlice_AdjustIndices(ctx, length, &start, &stop, step);
    HPy hs[4] = {HPyLong_FromSsize_t(ctx, start), HPyLong_FromSsize_t(ctx, stop), HPyLong_FromSsize_t(ctx, step),
                 HPyLong_FromSsize_t(ctx, n)};
    HPy r = HPyTuple_FromArray(ctx, hs, 4);
    for (int i = 0; i < 4; i++)
        HPy_Close(ctx, hs[i]);
    return r;
}

/* slice_apply(seq, start, stop, step): seq[HPySlice_New(start, stop, step)] */
HPyDef_METH(slice_apply, "slice_apply", HPyFunc_VARARGS)
static HPy slice_apply_impl(HPyContext *ctx, HPy self, const HPy *args, size_t nargs)
{
    ARGS(4, "slice_apply(seq, start, stop, step)");
    HPy s = HPySlice_New(ctx, opt(ctx, args[1]), opt(ctx, args[2]), opt(ctx, args[3]));
    if (HPy_IsNull(s))
        return HPy_NULL;
    HPy r = HPy_GetItem(ctx, args[0], s);
    HPy_Close(ctx, s);
    return r;
}

static HPyDef *module_defines[] = {
    &list_new, &list_append, &list_insert, &list_check, &list_build,
    &tuple_from_array, &tuple_pack, &tuple_check,
    &tuple_builder, &list_builder, &builders_loop, &tracker,
    &dict_new, &dict_check, &dict_keys, &dict_copy, &dict_from_pairs, &dict_from_pairs_s, &dict_collide,
    &dict_tuple_keys,
    &slice_new, &slice_new_none, &slice_unpack, &slice_indices, &slice_apply,
    NULL,
};

static HPyModuleDef moduledef = {
    .doc = "containers, builders and slices from C",
    .defines = module_defines,
};

HPy_MODINIT(obj_containers, moduledef)
